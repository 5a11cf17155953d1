"""Table-driven tests of the clause-level side rules of :mod:`incidents._extract_sides`
(issue 17): security forces against "terrorists", "terrorists who attacked", the
passive "carried out by", the agent reported after a speaker, the bare Taliban of a
later sentence, and an article's series of one-sided strikes.

Every sentence is a paraphrase written for the test (no published text); every
expected side is written by hand from the sentence.
"""

from __future__ import annotations

import pytest

from incidents._extract_events import _Candidate
from incidents._extract_lex import AF_MIL, PK_MIL, TTP
from incidents._extract_sides import reported_agent
from incidents.extract import extract

DATE = "2025-10-14"

# (article, place written in the row's location, expected actor1)
ARTICLES = [
    # security forces against "terrorists" linked to a named group: Pakistan's operation
    (
        "Troops killed three terrorists linked to Fitna al-Khawarij during an "
        "intelligence-based operation in Bannu district on Monday.",
        "Bannu",
        PK_MIL,
    ),
    # passive: the militants were killed after the forces thwarted their infiltration
    (
        "Twelve khawarij were neutralised on Monday after security forces thwarted an "
        "attempt to cross the border in North Waziristan district.",
        "North Waziristan",
        PK_MIL,
    ),
    # the militants are the attackers of the post, the forces only answered them
    (
        # (an attack: "assault" is the event's word; "stormed" would read a killing)
        "Security forces on Monday killed five terrorists who attempted to assault a check "
        "post near Parachinar in Kurram district.",
        "Parachinar",
        TTP,
    ),
    # "carried out ... by" a bomber of a named group
    (
        "A suicide attack hit a convoy in North Waziristan on Monday. The attack was "
        "carried out near Miranshah by a bomber tied to the banned group, Fitna "
        "al-Khawarij.",
        "Miranshah",
        TTP,
    ),
    # the speaker's side is not the agent of what the speaker reports
    (
        "A spokesman of the Afghan Taliban said that Pakistan bombed a house in the "
        "Barmal district of Paktika province on Monday night, killing five people.",
        "Barmal",
        PK_MIL,
    ),
    # a series of strikes told in the lead: its targets named later take its side
    (
        "Pakistan carried out several airstrikes inside Afghanistan on Monday night. "
        "The targets included a depot in Kandahar, which was destroyed.",
        "Kandahar",
        PK_MIL,
    ),
    # an article whose attacks are all the TTP's: its agentless killing takes that side
    (
        "Fighters of the TTP attacked a police school in Dera Ismail Khan on Monday. "
        "Nine soldiers were killed in Lakki Marwat district on Monday.",
        "Lakki Marwat",
        TTP,
    ),
]


@pytest.mark.parametrize(("text", "place", "side"), ARTICLES)
def test_clause_rules_set_the_side(text, place, side):
    df = extract(text, article_date=DATE)
    rows = df[df["location"].str.contains(place, na=False)]
    assert len(rows) >= 1, df[["location", "actor1"]]
    assert set(rows["actor1"]) == {side}


# articles where the text does not support a side: none is better than a wrong one
NO_SIDE = [
    # militants in Balochistan are not given the TTP of another event
    (
        "The TTP claimed an attack on a police post in Bannu on Monday. Separately, "
        "gunmen attacked a bus in Turbat in Balochistan on Monday.",
        "Turbat",
    ),
    # two sides in the article: no series side to carry
    (
        "Afghan forces shelled a Pakistani post in Chaman on Monday. Pakistani jets "
        "struck Khost on Monday night. A mortar landed in Spin Boldak on Monday.",
        "Spin Boldak",
    ),
]


@pytest.mark.parametrize(("text", "place"), NO_SIDE)
def test_no_side_without_support(text, place):
    df = extract(text, article_date=DATE)
    rows = df[df["location"].str.contains(place, na=False)]
    assert len(rows) >= 1, df[["location", "actor1"]]
    assert rows["actor1"].isna().all(), rows[["location", "actor1"]]


def _cand(actor1: str | None, actor2: str | None = None) -> _Candidate:
    return _Candidate(
        sentence=0,
        paragraph=0,
        span=(0, 0),
        evidence="",
        kind="attack",
        place=None,  # type: ignore[arg-type]
        first=None,
        last=None,
        date_how="not stated",
        actor1=actor1,
        actor2=actor2,
    )


REPORTED = [
    ("The Taliban spokesman Zabihullah Mujahid said Pakistan struck a house.", AF_MIL, PK_MIL),
    ("Afghan forces opened fire, the army said.", AF_MIL, AF_MIL),
    (
        "Afghan forces fired on the post, Pakistan's army said that Afghanistan started it.",
        AF_MIL,
        AF_MIL,
    ),
    ("The raid was conducted in the village by fighters of the TTP.", None, TTP),
    ("The raid was conducted by night, a spokesman of the Afghan Taliban said.", None, None),
]


@pytest.mark.parametrize(("text", "before", "after"), REPORTED)
def test_reported_agent(text, before, after):
    c = _cand(before)
    reported_agent(c, text)
    assert c.actor1 == after
