"""The day of the event an answer answers is not the answer's day
(``incidents/_extract_events.py``, ``_ANSWERED_DAY``)."""

from __future__ import annotations

import pandas as pd
import pytest

from incidents.extract import extract

DATE = "2024-03-19"  # a Tuesday

CASES = [
    # sentence, first day, last day of the strike rows
    (
        "Pakistan retaliated for the 16th March militant attack on a military post by "
        "conducting airstrikes in Khost and Paktika.",
        "2024-03-18",
        "2024-03-19",
    ),
    (
        "Pakistan conducted airstrikes in Khost and Paktika in retaliation for the March 16 "
        "attack on a military post.",
        "2024-03-18",
        "2024-03-19",
    ),
    (
        "Pakistan conducted airstrikes in Khost and Paktika to avenge Saturday's attack on "
        "a military post.",
        "2024-03-18",
        "2024-03-19",
    ),
    # the answer's own day is kept
    (
        "In retaliation for Saturday's attack on a military post, Pakistan conducted "
        "airstrikes in Khost and Paktika on Monday.",
        "2024-03-18",
        "2024-03-18",
    ),
    # a day of the event itself, with no answer, is kept
    (
        "Pakistani jets conducted airstrikes in Khost and Paktika on Saturday.",
        "2024-03-16",
        "2024-03-16",
    ),
]


@pytest.mark.parametrize(("text", "first", "last"), CASES)
def test_the_day_of_the_event_answered_is_not_the_answers(text, first, last):
    df = extract(text, article_date=DATE, min_confidence=0)
    strikes = df[df["event_kind"] == "air_strike"]
    assert sorted(strikes["matched_name"]) == ["Khōst", "Paktika"]
    assert (strikes["date"] == pd.Timestamp(first)).all()
    assert (strikes["date_end"].fillna(strikes["date"]) == pd.Timestamp(last)).all()
