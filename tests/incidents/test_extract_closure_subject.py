"""A passive closure whose subject, a crossing, opens the clause far before its verb
is the closure of that crossing, not of the provinces that describe it
(``incidents/_extract_lex.py``, ``far_subject``; ``incidents/_extract_events.py``)."""

from __future__ import annotations

import pytest

from incidents.extract import extract

DATE = "2025-11-01"

CASES = [
    # sentence, places of the closure rows
    (
        "The Torkham crossing connecting Pakistan's northwestern Khyber Pakhtunkhwa province "
        "with Afghanistan's eastern province of Nangarhar, as well as the Chaman border in "
        "Pakistan's southwestern Balochistan province, which connects to Kandahar province in "
        "southern Afghanistan, were closed on Oct. 12 for all types of movement.",
        ["Chaman", "Torkham"],
    ),
    (
        "The Ghulam Khan crossing, the main trade route between North Waziristan and Khost "
        "province in eastern Afghanistan, was sealed on Sunday morning by the authorities.",
        ["Ghulam Khan"],
    ),
    # what was closed is not a crossing
    (
        "Schools and shops near the Torkham border, where thousands of families from both "
        "sides live in crowded camps, were closed on Monday by the local administration.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "places"), CASES)
def test_far_subject_closure_is_at_its_crossings(text, places):
    df = extract(text, article_date=DATE, min_confidence=0)
    got = df[df["event_kind"] == "border_closure"]["matched_name"]
    assert sorted(got) == places
