"""A local correspondent's dateline is where the news happened when the article names
no other place for it ("BAJAUR AGENCY: A captain and a sepoy were martyred in firing
from across the border on Sunday"); a bureau city's dateline (Peshawar, Islamabad,
Quetta, Kabul, ...) files the whole region's news and never places a row."""

from __future__ import annotations

import pandas as pd
import pytest

from incidents.extract import extract

DAY = "2017-11-13"  # a Monday


def _rows(text: str) -> pd.DataFrame:
    return extract(text, article_date=DAY, min_confidence=0)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "BAJAUR AGENCY: Two soldiers were martyred in firing from across the border on "
            "Sunday, the ISPR said.",
            "Bajaur",
        ),
        (
            "Lakki Marwat [Pakistan], November 13 (ANI): Two villagers were killed in an "
            "exchange of fire with a criminal gang on Friday.",
            "Lakki",
        ),
    ],
)
def test_a_local_dateline_places_placeless_news(text: str, place: str) -> None:
    df = _rows(text)
    assert list(df["matched_name"]) == [place]
    assert "placed at the dateline" in df["extraction_notes"].iloc[0]


@pytest.mark.parametrize("city", ["PESHAWAR", "ISLAMABAD", "QUETTA", "KABUL"])
def test_a_bureau_city_places_nothing(city: str) -> None:
    df = _rows(f"{city}: Two soldiers were martyred in firing from across the border on Sunday.")
    assert df.empty or not df["matched_name"].str.lower().eq(city.lower()).any()


def test_a_named_site_wins_over_the_dateline() -> None:
    df = _rows("BAJAUR AGENCY: Two soldiers were martyred in Tirah valley of Khyber on Sunday.")
    assert "Bajaur" not in set(df["matched_name"])


# -- a link to another story ------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Four terrorists killed in an operation in Kech on Sunday",
        "Read more:Four terrorists killed in an operation in Kech on Sunday",
        "Also read - Four terrorists killed in an operation in Kech on Sunday",
        "RELATED: Four terrorists killed in an operation in Kech on Sunday",
    ],
)
def test_a_link_to_another_story_is_no_report(line: str) -> None:
    text = "Two soldiers were martyred in an attack in Bajaur on Sunday.\n" + line
    assert list(_rows(text)["matched_name"]) == ["Bajaur"]


def test_a_sentence_that_reads_a_report_is_kept() -> None:
    df = _rows("Read the statement: militants killed four soldiers in Kech on Sunday.")
    assert list(df["matched_name"]) == ["Kech"]
