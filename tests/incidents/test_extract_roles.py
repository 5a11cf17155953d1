"""Table-driven tests of who killed whom and of mutual fire (issue 17):
:mod:`incidents._extract_roles` (the subject of an active killing verb is the
agent, its object the victim; "were killed by X" the reverse; a force named
without its country is the victim's opponent), :mod:`incidents._extract_mutual`
(an exchange of fire that names no initiator is both armies' and says so), and
injury phrasings of :mod:`incidents._extract_counts`.

Every sentence is a paraphrase written for the test (no published text); every
expected value is written by hand from the sentence.  Each table failed on the
code before these rules.
"""

from __future__ import annotations

import pandas as pd
import pytest

from incidents._extract_lex import AF_MIL, CIVILIANS, PK_MIL, TTP
from incidents._extract_mutual import MUTUAL_NOTE
from incidents._extract_roles import clause_roles
from incidents.extract import extract

DATE = "2025-10-14"
VIOLENT = ["armed_clash", "attack", "shelling", "killing", "bombing", "suicide_bombing"]


def _row(text: str) -> pd.Series:
    df = extract(text, article_date=DATE)
    rows = df[df["event_kind"].isin(VIOLENT)]
    assert len(rows) >= 1, df[["location", "event_kind"]]
    return rows.iloc[0]


def _actors(r: pd.Series) -> tuple[str | None, str | None]:
    return tuple(None if pd.isna(r[k]) else r[k] for k in ("actor1", "actor2"))  # type: ignore[return-value]


# (sentence, actor1, actor2, fatalities)
ACTIVE = [
    ("Security forces gunned down seven TTP fighters in Tank district on Sunday.", PK_MIL, TTP, 7),
    ("The army shot dead four Pakistani Taliban militants near Wana on Sunday.", PK_MIL, TTP, 4),
    (
        "Troops eliminated nine khawarij in the Datta Khel area of North Waziristan on Sunday.",
        PK_MIL,
        TTP,
        9,
    ),
    ("On Sunday security personnel killed three TTP militants in Bannu district.", PK_MIL, TTP, 3),
    (
        "Soldiers killed six Afghan Taliban fighters near the Angoor Adda crossing on Sunday.",
        PK_MIL,
        AF_MIL,
        6,
    ),
    (
        "Pakistani troops gunned down eleven TTP militants in Zhob district on Sunday.",
        PK_MIL,
        TTP,
        11,
    ),
    (
        "Afghan border forces gunned down two Pakistani soldiers at a post in Kurram on Sunday.",
        AF_MIL,
        PK_MIL,
        2,
    ),
]


# an aside between the subject and its verb, a speaker's "they", a death in a fight "with"
ACTIVE += [
    (
        "Police, responding to a distress call, shot dead three TTP militants in Swabi on Sunday.",
        PK_MIL,
        TTP,
        3,
    ),
    (
        "Afghan Taliban forces claimed they killed six Pakistani soldiers near Torkham on Sunday.",
        AF_MIL,
        PK_MIL,
        6,
    ),
    (
        "Seven TTP militants died in a gunfight with police in Karak district on Sunday.",
        PK_MIL,
        TTP,
        7,
    ),
]


@pytest.mark.parametrize(("text", "a1", "a2", "dead"), ACTIVE)
def test_the_subject_of_an_active_killing_verb_is_the_agent(text, a1, a2, dead):
    r = _row(text)
    assert _actors(r) == (a1, a2)
    assert r["fatalities"] == dead


PASSIVE = [
    ("Eight TTP militants were killed by security forces in Lakki Marwat on Sunday.", PK_MIL, TTP),
    (
        "Three TTP militants were shot dead by the police in Bajaur on Sunday.",
        PK_MIL,
        TTP,
    ),
    ("Five Afghan Taliban fighters were killed by troops near Chaman on Sunday.", PK_MIL, AF_MIL),
]


@pytest.mark.parametrize(("text", "a1", "a2"), PASSIVE)
def test_a_passive_verb_with_by_names_the_agent_after_it(text, a1, a2):
    assert _actors(_row(text)) == (a1, a2)


# the roles of one clause, read directly (offset: anywhere on the verb)
CLAUSES = [
    ("Police killed two militants of the TTP in Swat.", "killed", (PK_MIL, TTP)),
    ("Afghan forces killed three civilians in shelling.", "killed", (AF_MIL, CIVILIANS)),
    # a force without a country gives no agent when its victims are civilians
    ("Troops killed three civilians in a raid.", "killed", None),
    # the killing verb of a relative clause is not the subject's
    ("TTP militants, who were killed by troops, had attacked a post.", "killed", None),
    ("Four soldiers were killed in Kurram.", "killed", None),
]


@pytest.mark.parametrize(("text", "verb", "roles"), CLAUSES)
def test_clause_roles(text, verb, roles):
    assert clause_roles(text, text.index(verb)) == roles


# (article, the two armies in text order) -- no initiator named
MUTUAL = [
    ("Pakistani and Afghan troops exchanged fire in Kurram district on Sunday.", (PK_MIL, AF_MIL)),
    (
        "Afghan and Pakistani border guards traded heavy fire near Torkham on Sunday.",
        (AF_MIL, PK_MIL),
    ),
    (
        "Pakistani and Afghan security forces engaged in overnight clashes in Bajaur on Sunday.",
        (PK_MIL, AF_MIL),
    ),
    (
        "Afghan forces and Pakistani troops exchanged fire in Chaman district on Sunday.",
        (AF_MIL, PK_MIL),
    ),
    (
        "Tension has been rising between Afghan Taliban forces and Pakistani troops.\n"
        "On Sunday the two sides traded fire in the Angoor Adda area of South Waziristan.",
        (AF_MIL, PK_MIL),
    ),
]


@pytest.mark.parametrize(("text", "pair"), MUTUAL)
def test_a_mutual_exchange_is_both_armies_and_says_so(text, pair):
    r = _row(text)
    assert _actors(r) == pair
    assert MUTUAL_NOTE in str(r["extraction_notes"])


def test_an_exchange_with_a_named_starter_is_not_mutual():
    # (a guard: right before these rules too, and must stay so)
    r = _row(
        "Pakistani and Afghan troops exchanged fire in Kurram district on Sunday.\n"
        "Officials said Afghan forces opened fire first without provocation."
    )
    assert r["actor1"] == AF_MIL
    assert MUTUAL_NOTE not in str(r["extraction_notes"])


# (article, injuries)
INJURIES = [
    ("A roadside bomb killed two policemen in Bannu on Sunday, while four more were wounded.", 4),
    (
        "A mortar round landed in a village in Bajaur on Sunday and six villagers sustained "
        "splinter wounds.",
        6,
    ),
    (
        "A blast hit a bus stand in Quetta on Sunday, killing three people. Later the number of "
        "the injured rose to 17.",
        17,
    ),
    (
        "A suicide bomber struck a convoy in Tank on Sunday, killing one soldier and injuring "
        "nine more.",
        9,
    ),
    (
        "Gunmen opened fire on a checkpoint in Khyber district on Sunday; five guards received "
        "gunshot wounds.",
        5,
    ),
]


INJURIES += [
    ("A car bomb killed four people in Mardan on Sunday; the injured included six schoolboys.", 6),
]


@pytest.mark.parametrize(("text", "hurt"), INJURIES)
def test_injury_phrasings(text, hurt):
    assert _row(text)["injuries"] == hurt


# (article, fatalities, injuries): a count told in a later sentence, a risen toll
LATER = [
    (
        "A bomb went off outside a mosque in Peshawar on Friday, killing four worshippers.\n"
        "The death toll later rose to 11.",
        11,
        None,
    ),
    (
        "Militants attacked a checkpost in Tank district on Friday.\n"
        "The death toll has risen to six, officials said.",
        6,
        None,
    ),
    (
        "A blast struck a market in Bajaur on Friday, wounding 20 people.\n"
        "By evening the number of injured had risen to 45.",
        None,
        45,
    ),
    (
        "A bomb exploded at a bus stand in Quetta on Sunday.\n"
        "The number of people wounded has climbed to 31.",
        None,
        31,
    ),
]


@pytest.mark.parametrize(("text", "dead", "hurt"), LATER)
def test_a_count_told_later_is_the_incidents(text, dead, hurt):
    r = _row(text)
    got = tuple(None if pd.isna(r[k]) else int(r[k]) for k in ("fatalities", "injuries"))
    assert got == (dead, hurt)
