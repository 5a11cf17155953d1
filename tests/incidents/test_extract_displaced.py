"""People an earlier event uprooted, told in passing, are no report of that event.

"Refugees crossed at Torkham, many of them from families displaced by the
fighting" made a clash at Torkham: the fighting is the cause of the refugees'
story, told in passing.  Told with its own day, it stays news.  Every sentence is a
paraphrase written for the test.
"""

from __future__ import annotations

import pytest

from incidents.extract import extract

DATE = "2025-10-14"


def _violent(text: str):
    df = extract(text, article_date=DATE)
    return df[df["event_type"] != "Strategic developments"]


@pytest.mark.parametrize(
    "text",
    [
        "Officials said on Monday that 5,000 refugees crossed at Torkham, many of them from "
        "families displaced by the fighting.",
        "Aid workers in Bajaur said on Monday that children traumatised by the shelling needed "
        "care.",
        "Widows and children orphaned by the attacks in Kurram received rations on Monday.",
    ],
)
def test_a_cause_told_in_passing_makes_no_row(text):
    assert _violent(text).empty


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Thousands of families were displaced by the fighting in Kurram on Monday.", "Kurram"),
        ("Hundreds were left homeless by the shelling in Chaman on Sunday night.", "Chaman"),
    ],
)
def test_the_same_event_with_its_own_day_is_news(text, place):
    assert list(_violent(text)["location"]) == [place]
