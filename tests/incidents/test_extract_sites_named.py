"""Sites told by a town's name as a modifier ("a Kabul drug rehabilitation center"),
by a facility's namesake placed after it ("the Nur Khan Airbase in Rawalpindi"), raids
told by the aircraft sent ("deployed drones to target ...") and a speaker told in the
present ("Afghan authorities say ...") (``incidents/_extract_phrasing_l.py``,
``incidents/_extract_places.py``, ``incidents/_extract_phrasing_h.py``,
``incidents/_extract_lex.py``)."""

from __future__ import annotations

import pytest

from incidents._extract_phrasing_l import attributive_site, facility_after
from incidents.extract import extract

DATE = "2026-03-17"  # a Tuesday

ROWS = [
    # sentence, (place, kind, actor) of every row
    (
        "A Pakistani airstrike hit a Kabul drug rehabilitation center on Monday night, "
        "killing about 400.",
        [("Kabul", "air_strike", "Military Forces of Pakistan")],
    ),
    (
        "A suicide bomber struck a crowded Quetta market on Monday, killing 12.",
        [("Quetta", "suicide_bombing", None)],
    ),
    # a speaker in the present tense is no side of the raid it reports
    (
        "Afghan authorities say a Pakistani airstrike hit a rehabilitation center in Kabul "
        "on Monday, killing about 400.",
        [("Kabul", "air_strike", "Military Forces of Pakistan")],
    ),
    # the aircraft sent to hit a target: the raid; a threat to send them is none
    (
        "On Monday the air force deployed drone aircraft to target facilities, including "
        "the Nur Khan Airbase in Rawalpindi and the 12th Corps headquarters in Quetta.",
        [("Rawalpindi", "air_strike", None), ("Quetta", "air_strike", None)],
    ),
    ("Pakistan sent jets to bomb hideouts in Khost on Monday.", [("Khōst", "air_strike", None)]),
    ("The army threatened to send jets to bomb hideouts in Khost.", []),
    # the target after the infinitive is no agent
    (
        "Pakistan deployed drones to target TTP facilities in Paktika province on Monday.",
        [("Paktika", "air_strike", "Military Forces of Pakistan")],
    ),
    # a job or a source named after a town and a site is no site
    (
        "Afghan forces shelled villages in Chitral on Monday, a Peshawar hospital official said.",
        [("Chitral", "shelling", None)],
    ),
]


@pytest.mark.parametrize(("text", "rows"), ROWS)
def test_sites_and_raids(text, rows):
    df = extract(text, article_date=DATE, min_confidence=0)
    got = [(r.matched_name, r.event_kind) for r in df.itertuples()]
    assert got == [(p, k) for p, k, _ in rows]
    for (_, _, actor), a in zip(rows, df["actor1"], strict=True):
        if actor is not None:
            assert a == actor


@pytest.mark.parametrize(
    ("left", "right", "site"),
    [
        ("hit a ", " drug rehabilitation center, killing", True),
        ("struck the busy ", " market on Monday", True),
        ("attacks on a ", " gas office in Karak", False),  # the office placed after it
        ("troops in ", " district", False),  # no article: no modifier
        ("told a ", " reporter that", False),  # no site noun
    ],
)
def test_attributive_site(left, right, site):
    assert attributive_site(left, right) is site


def test_facility_placed_after():
    assert facility_after(" Airbase in Rawalpindi and", placed=True)
    assert facility_after(" Airbase, which")
    assert not facility_after(" Airbase, which", placed=True)
    assert not facility_after(" district in Punjab", placed=True)
