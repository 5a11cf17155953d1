"""Talks someone asks for or says should be held are no event; talks held are
(``incidents/_extract_events.py``, ``_TALKS_TO_COME``)."""

from __future__ import annotations

import pytest

from incidents.extract import extract

DATE = "2025-04-24"

ASKED = [
    "Pakistan should hold talks with Kabul in Doha, he said.",
    "The provincial government must be given a chance to hold talks with Kabul in Doha.",
    "The assembly asked the federal government to allow the provincial government to hold "
    "peace talks with Kabul in Doha.",
    "Traders said both sides ought to hold talks in Doha to reopen the crossing.",
]
HELD = [
    "Pakistan and Afghanistan held talks in Doha on Wednesday.",
    "Delegations of both countries began talks in Doha on Wednesday.",
    # a modal of another verb in an aside: the talks were held
    "Pakistan, which said it must go after militants, held talks with officials in Doha.",
    "The delegation, allowed to travel after weeks of delay, held talks with officials in Doha.",
]


@pytest.mark.parametrize("text", ASKED)
def test_talks_asked_for_are_no_event(text):
    df = extract(text, article_date=DATE, min_confidence=0)
    assert "talks" not in set(df["event_kind"]), df[["location", "event_kind"]]


@pytest.mark.parametrize("text", HELD)
def test_talks_held_are_one_row(text):
    df = extract(text, article_date=DATE, min_confidence=0)
    assert list(df["event_kind"]) == ["talks"]
    assert df["matched_name"].iloc[0] == "Doha"
