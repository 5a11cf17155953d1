"""Table-driven test: a weekday followed by its calendar date ("on Monday,
October 6", "Tuesday (October 14, 2025)") is that date, exactly, whatever the
weekday would give when read against the article date.

Every sentence is a paraphrase written for the test; every expected date is
written by hand from the sentence.
"""

from __future__ import annotations

import datetime as dt

import pytest

from incidents.extract import extract

CASES = [
    # (sentence, article date, the event's day)
    ("Clashes erupted in Kurram on Monday, October 6, killing two.", "2025-10-15", "2025-10-06"),
    ("Clashes erupted in Kurram on Thursday, October 16, killing two.", "2025-10-16", "2025-10-16"),
    ("Clashes erupted in Kurram on Thursday, October 16, killing two.", "2025-10-20", "2025-10-16"),
    (
        "Shelling hit Chaman on Tuesday (October 14, 2025), wounding three.",
        "2025-10-16",
        "2025-10-14",
    ),
    (
        "Shelling hit Bajaur early on Friday, 10 January, wounding three.",
        "2025-01-12",
        "2025-01-10",
    ),
]


@pytest.mark.parametrize(("text", "article", "day"), CASES)
def test_weekday_with_its_date_is_that_date(text, article, day):
    df = extract(text, article_date=article)
    assert len(df) == 1
    want = dt.date.fromisoformat(day)
    assert df["date"].iloc[0].date() == want
    end = df["date_end"].iloc[0]
    assert end != end or end.date() == want  # NaT or the same day


WEEKEND = [
    # (sentence, article date, first day, last day): the weekend on or before the article
    (
        "Militants attacked a post in Bajaur over the weekend.",
        "2025-10-15",
        "2025-10-11",
        "2025-10-12",
    ),
    ("The weekend clashes in Kurram killed six.", "2025-10-13", "2025-10-11", "2025-10-12"),
    ("Shelling hit Chaman over the weekend.", "2025-10-12", "2025-10-11", "2025-10-12"),
    (
        "Shelling hit Chaman at the weekend, officials said.",
        "2025-10-11",
        "2025-10-11",
        "2025-10-11",
    ),
]


@pytest.mark.parametrize(("text", "article", "first", "last"), WEEKEND)
def test_the_weekend_is_the_latest_saturday_and_sunday(text, article, first, last):
    df = extract(text, article_date=article)
    assert len(df) == 1
    assert df["date"].iloc[0].date() == dt.date.fromisoformat(first)
    end = df["date_end"].iloc[0]
    assert (end.date() if end == end else df["date"].iloc[0].date()) == dt.date.fromisoformat(last)
