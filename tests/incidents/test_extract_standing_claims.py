"""A standing accusation ("officials have long claimed that the TTP organizes attacks
inside Pakistan") tells no event (``incidents/_extract_events.py``, ``_LONG_CLAIMED``)."""

from __future__ import annotations

import pytest

from incidents.extract import extract

DATE = "2025-11-01"  # a Saturday


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "Pakistani officials have long claimed that the Tehrik-i-Taliban Pakistan (TTP) "
            "operates from Afghan territory and organizes attacks inside Pakistan.",
            [],
        ),
        (
            "Islamabad has long accused the Taliban of sheltering fighters who stage raids "
            "in Bajaur.",
            [],
        ),
        # the event told after it, in a sentence of its own
        (
            "Pakistan has long accused Kabul of sheltering militants.\n"
            "On Friday jets struck Khost.",
            ["Khōst"],
        ),
    ],
)
def test_a_standing_accusation_is_no_event(text, places):
    df = extract(text, article_date=DATE, min_confidence=0)
    assert list(df["matched_name"]) == places
