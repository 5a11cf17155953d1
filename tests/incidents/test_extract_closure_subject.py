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
    # the subject is the clause's own: not a crossing of a clause before it, of a fronted
    # cause, or named after what closes as a modifier; a crossing joined by "and" is one
    (
        "The Chaman border crossing remained open, but the Ghulam Khan crossing in North "
        "Waziristan was closed on Sunday.",
        ["Ghulam Khan"],
    ),
    (
        "After fighting broke out near the Chaman border on Saturday night, Quetta airport "
        "was closed on Sunday.",
        [],
    ),
    (
        "Shops remained open in Chaman on Sunday, but the Friendship Gate crossing was closed "
        "to traffic.",
        ["Chaman"],
    ),
    (
        "Markets in Chaman and the nearby Friendship Gate crossing were closed on Sunday.",
        ["Chaman"],
    ),
    # what was closed is not a crossing
    (
        "Schools and shops near the Torkham border, where thousands of families from both "
        "sides live in crowded camps, were closed on Monday by the local administration.",
        [],
    ),
    # crossings that close, given by an example ("such as X") before the verb
    (
        "Several critical crossings between Pakistan and Afghanistan, such as Spin Boldak, "
        "have been shut down.",
        ["Spin Boldak"],
    ),
    # a headline's passive, its auxiliary left out: what closes opens it
    ("Five schools along Pak-Afghan border closed in Dir", []),
    ("Markets near Torkham border sealed after clashes", []),
    ("Torkham border closed after clashes", ["Torkham border crossing"]),
    ("Shops closed in Chaman as border shut", ["Chaman"]),
]


@pytest.mark.parametrize(("text", "places"), CASES)
def test_far_subject_closure_is_at_its_crossings(text, places):
    df = extract(text, article_date=DATE, min_confidence=0)
    got = df[df["event_kind"] == "border_closure"]["matched_name"]
    assert sorted(got) == places
