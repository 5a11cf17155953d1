"""An event told on the whole frontier, then placed by the next sentence's subject ("The
deaths were reported in X and Y", "The strikes took place in X"), is placed there
(``incidents/extract.py``, ``_COREF_LEAD``; ``incidents/_extract_events.py``, ``_COREF``)."""

from __future__ import annotations

import pytest

from incidents.extract import extract

DATE = "2024-03-18"  # a Monday

CASES = [
    (
        "Pakistani jets carried out two air strikes inside Afghan territory early on Monday, "
        "killing at least eight people.\n"
        "The deaths were reported in the eastern border provinces of Khost and Paktika.",
        {"Khōst", "Paktika"},
    ),
    (
        "Pakistani jets carried out air strikes along the border on Monday.\n"
        "The strikes took place in Khost and Paktika provinces.",
        {"Khost", "Paktika"},
    ),
    # a later clause that says how it was done places nothing
    (
        "Pakistani jets carried out air strikes along the border on Monday.\n"
        "Officials in Khost said on Monday that the operation, which they condemned, was "
        "carried out by the air force.",
        {"Afghanistan-Pakistan frontier (whole border)"},
    ),
]


@pytest.mark.parametrize(("text", "places"), CASES)
def test_the_next_sentence_places_a_frontier_wide_event(text, places):
    df = extract(text, article_date=DATE, min_confidence=0)
    strikes = df[df["event_kind"] == "air_strike"]
    assert set(strikes["matched_name"]) == places
