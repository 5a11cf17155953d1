"""A market, road or street named before the town that holds it ("Rustam Bazaar,
Wana", "X Road in Chaman") is a part of that town: when its name reads as a far
namesake, the row stands at the town.  A list ("Sadda, Khar Kallay, Peewar") is not a
place and its holder, even when the gazetteer reads an item short ("Khar")."""

from __future__ import annotations

import pandas as pd
import pytest

from incidents.extract import extract

DAY = "2025-08-07"


def _rows(text: str) -> pd.DataFrame:
    return extract(text, article_date=DAY, min_confidence=0)


@pytest.mark.parametrize(
    "text",
    [
        "A bomb exploded in Rustam Bazaar, Wana, on Thursday, injuring five people.",
        "A bomb exploded in Rustam Bazaar in Wana on Thursday, injuring five people.",
        "A blast hit Rustam Bazaar, Wana, on Thursday, injuring five people.",
    ],
)
def test_a_market_of_a_town_is_placed_at_the_town(text: str) -> None:
    df = _rows(text)
    assert list(df["matched_name"]) == ["Wana"], list(df["matched_name"])
    assert df["injuries"].iloc[0] == 5


def test_a_list_is_no_holder() -> None:
    df = _rows("Clashes spread to Sadda, Khar Kallay, Peewar and Bagan on Thursday.")
    notes = " ".join(df["extraction_notes"].fillna(""))
    assert "that holds it" not in notes, notes


@pytest.mark.parametrize(
    "tail",
    [
        "about 200 kilometres (125 miles) from the provincial capital of Peshawar",
        "some 120 km from the capital, Peshawar",
        "40 miles from the city of Peshawar",
    ],
)
def test_a_distance_reference_is_no_site(tail: str) -> None:
    df = _rows(f"Six policemen were killed in an ambush in Lakki Marwat, {tail}, on Wednesday.")
    assert "Peshawar" not in set(df["matched_name"]), list(df["matched_name"])
    assert len(df) == 1


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Ehsanullah, a resident of Shelton district where the alleged attack took place, "
            "said it was carried out by Pakistani military aircraft.",
            "Shaygal wa shital",
        ),
        ("A resident of Khar, where the blast occurred on Sunday, said three were hurt.", "Khar"),
    ],
)
def test_a_residents_place_where_it_happened_is_the_site(text: str, place: str) -> None:
    assert list(_rows(text)["matched_name"]) == [place]


def test_a_residents_hometown_is_still_no_site() -> None:
    df = _rows("Two labourers, residents of Swat, were killed in an attack in Bajaur on Sunday.")
    assert list(df["matched_name"]) == ["Bajaur"]
