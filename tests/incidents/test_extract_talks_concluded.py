"""Talks in a place that "have concluded" are talks there: the auxiliary after the
place is the talks' verb, not a seat's (``incidents/_extract_places.py``,
``_TALKS_HAVE``)."""

from __future__ import annotations

import pytest

from incidents.extract import extract

DATE = "2025-10-28"

CASES = [
    # sentence, place of the talks row (None: no row)
    (
        "High-level peace talks between Pakistan and Afghanistan in Istanbul have concluded "
        "without achieving a breakthrough.",
        "Istanbul",
    ),
    ("Negotiations between the two delegations in Doha have ended without a deal.", "Doha"),
    ("The talks in Istanbul have collapsed, officials said.", "Istanbul"),
    # a seat's verb stays a seat's
    ("The government in Kabul has rejected the talks.", None),
    ("Officials in Islamabad have said the talks will go on.", None),
]


@pytest.mark.parametrize(("text", "place"), CASES)
def test_talks_that_have_ended_in_a_place_are_there(text, place):
    df = extract(text, article_date=DATE, min_confidence=0)
    talks = df[df["event_kind"] == "talks"]
    if place is None:
        assert talks.empty
    else:
        assert list(talks["matched_name"]) == [place]


def test_a_truce_that_hostilities_ended_with_is_news():
    """ "Hostilities that ended with a truce agreed on Wednesday": "ended" is the
    fighting's, the truce is agreed (``incidents/_extract_lex.py``, ``_NOT_AGREED``)."""
    text = (
        "The talks follow a week of cross-border hostilities that ended with a 48-hour "
        "ceasefire agreed on Wednesday evening."
    )
    df = extract(text, article_date="2025-10-17", min_confidence=0)
    truce = df[df["event_kind"] == "ceasefire"]
    assert len(truce) == 1 and str(truce["date"].iloc[0])[:10] == "2025-10-15"
    ended = extract("The ceasefire ended on Wednesday.", article_date="2025-10-17")
    assert ended[ended["event_kind"] == "ceasefire"].empty
