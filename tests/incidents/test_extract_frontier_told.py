"""Frontier-wide events told without a place: one side's forces attacking "several
positions in Pakistan", attacks on "53 locations along the more than 2,600km long
border", and a ceasefire agreed through "an agreement with X for a temporary truce"
(``incidents/_extract_lex.py``: ``_WEAK``, ``_STRONG``, ``_KM``, ``_AGREEMENT_FOR``)."""

from __future__ import annotations

import pytest

from incidents._extract_lex import frontier_phrases
from incidents.extract import extract

PHRASES = [
    # sentence, the frontier phrases found in it
    (
        "Taliban forces attacked several positions in Pakistan, officials said.",
        ["several positions in Pakistan"],
    ),
    (
        "Troops repulsed attacks on 53 locations along the more than 2,600km long border.",
        ["53 locations along the more than 2,600km long border"],
    ),
    (
        "The Taliban's military launched attacks on Pakistani positions along some sections "
        "of their porous and disputed border.",
        ["Pakistani positions", "along some sections of their porous and disputed border"],
    ),
    # not an attack on the other side's positions
    ("Troops were deployed at several positions in Pakistan's north.", []),
    ("The militants fled to several places in Afghanistan.", []),
]


@pytest.mark.parametrize(("sentence", "want"), PHRASES)
def test_frontier_phrases(sentence: str, want: list[str]) -> None:
    assert [p[2] for p in frontier_phrases(sentence)] == want


ROWS = [
    # text, article date, (kind, frontier_wide, initiator) of each row (every candidate;
    # None: the initiator is not checked)
    (
        "The Afghan Ministry of Defence reported on Friday that Taliban forces attacked "
        "several positions in Pakistan.",
        "2024-12-28",
        [("attack", True, "Afghan Taliban forces")],
    ),
    (
        "Pakistan's Ministry of Foreign Affairs announced on Wednesday that it had reached "
        "an agreement with Afghanistan's Interim Government for a temporary 48-hour "
        "ceasefire.",
        "2025-10-16",
        [("ceasefire", True, "Government of Pakistan")],
    ),
    # an event told on the frontier, the site of its cause named after it
    (
        "Afghanistan's Taliban forces attacked Pakistani soldiers along their shared border "
        "on Oct. 11 night, accusing Islamabad of violating its sovereignty after explosions "
        "were heard in Kabul and in the southeast two days earlier.",
        "2025-10-12",
        [("attack", True, "Afghan Taliban forces")],
    ),
    # ... and beside an event the sentence places (the Kabul explosions, after it)
    (
        "Key border crossings between Pakistan and Afghanistan were closed on Sunday after "
        "fierce clashes erupted overnight, officials said. Taliban forces attacked Pakistani "
        "soldiers along their shared border on Saturday night, accusing Islamabad of "
        "violating its sovereignty after explosions were heard in Kabul two days earlier.",
        "2025-10-12",
        [
            ("border_closure", True, "Military Forces of Pakistan"),
            ("bombing", False, None),
            ("attack", True, "Afghan Taliban forces"),
        ],
    ),
    # "unprovoked fire on" posts is a clash
    (
        "The Afghan troops resorted to unprovoked fire on multiple Pakistani border posts in "
        "the Upper Kurram district on Saturday morning.",
        "2024-12-29",
        [("armed_clash", False, "Afghan Taliban forces")],
    ),
    # a truce told as "a temporary pause in escalating fighting"
    (
        "Pakistan and Afghanistan on Wednesday declared a temporary pause in escalating "
        "fighting, two days after Kabul blamed Islamabad for a deadly airstrike.",
        "2026-03-19",
        [("ceasefire", True, "Government of Pakistan")],
    ),
    # an agreement of another kind, or a truce broken, is no new ceasefire
    (
        "Pakistan announced on Wednesday an agreement with Kabul on trade, a week after "
        "the ceasefire was violated.",
        "2025-10-16",
        [],
    ),
]


@pytest.mark.parametrize(("text", "date", "want"), ROWS)
def test_frontier_rows(text: str, date: str, want: list[tuple[str, bool, str]]) -> None:
    rows = extract(text, article_date=date, min_confidence=0)
    got = [
        (r.event_kind, "frontier_wide" in str(r.review_flags), r.actor1) for r in rows.itertuples()
    ]
    got = [(k, fw, a if any(w == (k, fw, a) for w in want) else None) for k, fw, a in got]
    assert sorted(got, key=str) == sorted(want, key=str)
