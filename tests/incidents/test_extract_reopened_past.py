"""What once befell a building that has now reopened ("a girls' high school destroyed by
militants has reopened in Miran Shah") and operations "which started in the early
2000s" are the place's past, not its news."""

from __future__ import annotations

import pytest

from incidents.extract import extract


@pytest.mark.parametrize(
    "text",
    [
        "After over a decade, a girls' high school destroyed by militants has reopened in "
        "Miran Shah on Wednesday.",
        "Before the tribal areas were battered by military operations which started in the "
        "early 2000s, over 700 girls attended the Miran Shah school, he said on Sunday.",
    ],
)
def test_the_past_of_a_reopened_place_is_no_incident(text):
    df = extract(text, article_date="2021-08-23", min_confidence=0)
    assert df.empty, df[["event_kind", "location"]]


def test_a_school_destroyed_this_week_is_news():
    df = extract(
        "Militants destroyed a girls' school in Miran Shah on Wednesday night.",
        article_date="2021-08-23",
        min_confidence=0,
    )
    assert len(df) == 1
