"""Talks about a crossing: the border forces' "flag meeting", "the first round of
discussions", "a meeting between local Nangarhar officials and the Pakistani side";
talks or a truce "to reopen the crossing" with no venue of their own are at the
crossing the article named before; "agree to ... implement a temporary ceasefire" is a
new truce (``incidents/_extract_lex.py``: ``_meeting_of_both``, ``_KEEP_NEW``;
``incidents/_extract_events.py``: ``_TO_REOPEN``)."""

from __future__ import annotations

import pytest

from incidents.extract import extract

CLOSED = "The Torkham crossing has been closed since February 21. "

CASES = [
    # text, article date, (kind, matched place) of each talks or ceasefire row
    (
        CLOSED + "A flag meeting on March 19 saw officials from both countries agree to "
        "reopen the trade route and implement a temporary ceasefire.",
        "2025-03-19",
        [("ceasefire", "Torkham"), ("talks", "Torkham")],
    ),
    (
        CLOSED + "A meeting held yesterday between local Nangarhar officials and the "
        "Pakistani side to reopen the crossing ended without results.",
        "2025-02-25",
        [("talks", "Torkham")],
    ),
    (
        "The first round of discussions took place at the Chaman crossing on Sunday, with "
        "35 representatives from Afghanistan and 22 from Pakistan.",
        "2025-03-10",
        [("talks", "Chaman")],
    ),
    # the two countries' Joint Coordination Committee meets
    (
        "A Joint Coordination Committee (JCC) meeting aimed at enhancing bilateral "
        "relations between Pakistan and Afghanistan is currently underway in Kabul.",
        "2025-04-25",
        [("talks", "Kabul")],
    ),
    # one side's meeting; talks told as the cause of a reopening the sentence places
    (
        CLOSED + "A meeting between the prime minister and the army chief on reopening the "
        "crossing was held in Islamabad on Monday.",
        "2025-03-19",
        [],
    ),
    (
        CLOSED + "Following negotiations between Pakistan and Afghanistan, preparations to "
        "reopen the Torkham border have begun.",
        "2025-03-19",
        [],
    ),
]


@pytest.mark.parametrize(("text", "date", "want"), CASES)
def test_crossing_talks(text: str, date: str, want: list[tuple[str, str]]) -> None:
    rows = extract(text, article_date=date, min_confidence=0)
    got = sorted(
        (r.event_kind, r.matched_name)
        for r in rows.itertuples()
        if r.event_kind in ("talks", "ceasefire")
    )
    assert got == want
