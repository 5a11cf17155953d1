"""A casualty verb right before "after"/"following" names how the dead died ("eight
people died after a blast in Swat"): the blast is the same event, with its own place,
not an earlier cause whose toll goes to the clause before it."""

from __future__ import annotations

import pandas as pd

from incidents.extract import extract

DAY = "2023-08-03"


def _rows(text: str) -> pd.DataFrame:
    return extract(text, article_date=DAY, min_confidence=0)


def test_the_second_clause_is_its_own_incident() -> None:
    df = _rows(
        "Three soldiers were killed in an attack in Kurram on Sunday, while eight people "
        "died after a blast in Swat."
    )
    got = dict(zip(df["matched_name"], df["fatalities"], strict=True))
    assert got == {"Kurram": 3, "Swat": 8}, got


def test_wounded_following_an_explosion() -> None:
    df = _rows("Two children were injured following an explosion in Bajaur on Monday.")
    assert list(df["matched_name"]) == ["Bajaur"] and list(df["injuries"]) == [2]


def test_a_cause_of_news_stays_history() -> None:
    assert _rows("Relations soured after a blast in Swat last year.").empty
