"""A kidnapping is an attack on the people seized ("17 tribesmen were kidnapped by
militants from Landi Kotal on Tuesday"), as the annotators of the real-article set
label it; "kidnapping for ransom" in a list of crimes is no incident."""

from __future__ import annotations

import pandas as pd
import pytest

from incidents.extract import extract

DAY = "2017-09-06"


def _rows(text: str) -> pd.DataFrame:
    return extract(text, article_date=DAY, min_confidence=0)


SEIZED = [
    (
        "As many as 17 local tribesmen were kidnapped by unknown militants from the "
        "mountainous area of Landi Kotal on Tuesday.",
        "Landi Kotal",
    ),
    ("Gunmen abducted six workers from a dam construction site in Zhob on Monday.", "Zhob"),
    ("Militants on Tuesday kidnapped 11 tribal policemen at a checkpost in Bajaur.", "Bajaur"),
]


@pytest.mark.parametrize(("text", "place"), SEIZED)
def test_a_kidnapping_is_an_attack_at_its_place(text, place):
    df = _rows(text)
    assert list(df["event_kind"]) == ["attack"], df[["event_kind", "location"]]
    assert place in str(df["matched_name"].iloc[0])


@pytest.mark.parametrize(
    "text",
    [
        "The dead were involved in attacks on security forces, extortion and kidnapping for "
        "ransom in Bannu.",
        "The militants, who have kidnapped dozens of people over the years, are based in Khyber.",
    ],
)
def test_kidnapping_as_a_crime_or_habit_is_no_incident(text):
    assert _rows(text).empty
