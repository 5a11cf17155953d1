"""Table-driven tests of phrasings found on articles from outlets the extraction
rules had not been written on (batch Y of ``tests/incidents/data/articles.jsonl``).

Every sentence here is a paraphrase written for the test (other places, other days,
other words around the phrasing); every expected value is written by hand from the
sentence.  Each table has rows that must *not* change, so a rule cannot pass by
matching everything.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from extract_rows import violent

from incidents._extract_case import capitalise_qualifiers
from incidents._extract_dates import find_dates
from incidents._extract_dates_more import future_in_clause
from incidents._extract_framing import own_clause
from incidents._extract_lex import PK_MIL, triggers_in
from incidents.extract import extract
from incidents.geocode import Geocoder


def _d(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


# -- triggers ------------------------------------------------------------------------

TRIGGERS = [
    # (sentence, the kind of the sentence's first trigger that is not a bare casualty
    # word, or None for none)
    ("Gunmen blew up a girls' school in Datta Khel before dawn.", "bombing"),
    ("A bridge was blown up by insurgents near Tank.", "bombing"),
    ("Insurgents torched a customs post outside Zhob.", "attack"),
    ("Armed men set three oil tankers ablaze on the highway.", "attack"),
    ("A Levies vehicle was set on fire by attackers.", "attack"),
    ("Two constables died in a shootout with robbers.", "armed_clash"),
    ("A UAV strike hit a compound outside Miranshah.", "air_strike"),
    ("An unmanned aerial vehicle dropped a mortar round on the post.", "air_strike"),
    ("A roadside device went off as the patrol passed.", "bombing"),
    ("A bomb exploded near the bus stand.", "bombing"),
    ("The militant detonated an improvised explosive device at the gate.", "bombing"),
    ("A suicide attacker struck the convoy at the bridge.", "suicide_bombing"),
    ("Troops launched an operation against the khwarij hiding in the hills.", "armed_clash"),
    # not events: no trigger
    ("The minister opened a new school in Datta Khel.", None),
    ("Farmers set up a market near Tank.", None),
    ("Volunteers set the tables on fire-proof mats.", None),
    ("Locals set up a relief camp and blew out candles.", None),
]


@pytest.mark.parametrize(("text", "kind"), TRIGGERS)
def test_trigger_phrasings(text, kind):
    found = [t for t in triggers_in(text) if not t.weak]
    if kind is None:
        assert found == []
    else:
        assert found and found[0].kind == kind


def test_a_suicide_bombers_detonation_is_one_suicide_blast():
    kinds = [t.kind for t in triggers_in("A suicide bomber detonated his vest at the gate.")]
    assert kinds == ["suicide_bombing"]
    # a bomb told on its own stays a bombing
    kinds = [t.kind for t in triggers_in("Later a bomb went off at the market.")]
    assert kinds == ["bombing"]


# -- dates ---------------------------------------------------------------------------

DATES = [
    # (sentence, article date, first day, last day) of the sentence's first date
    ("Gunmen struck Karak on the night of 4/5 November.", "2025-11-06", "2025-11-04", "2025-11-05"),
    (
        "Shelling hit Chaman on November 4/5, officials said.",
        "2025-11-06",
        "2025-11-04",
        "2025-11-05",
    ),
    ("A patrol came under fire last evening.", "2025-11-06", "2025-11-05", "2025-11-05"),
    ("Raids went on from Monday until Wednesday.", "2025-11-06", "2025-11-03", "2025-11-05"),
    ("Firing continued from Friday through Sunday.", "2025-11-06", "2025-10-31", "2025-11-02"),
    (
        "Troops clashed with militants earlier in the week.",
        "2025-11-06",
        "2025-11-03",
        "2025-11-05",
    ),
    # told on a Monday or Tuesday, "earlier this week" reaches back seven days
    (
        "Troops clashed with militants earlier in the week.",
        "2025-11-03",
        "2025-10-27",
        "2025-11-02",
    ),
    (
        "Jets struck hideouts earlier this week, officials said.",
        "2025-11-04",
        "2025-10-28",
        "2025-11-03",
    ),
    # numeric dates, day first unless the first number is no month's day... of 13+
    ("Gunmen struck Karak on 04-11-2025.", "2025-11-06", "2025-11-04", "2025-11-04"),
    ("Gunmen struck Karak on 4/11/2025.", "2025-11-06", "2025-11-04", "2025-11-04"),
    ("Gunmen struck Karak on 11/25/2024.", "2025-11-06", "2024-11-25", "2024-11-25"),
    # a day of the month alone: this month, or the month before when later
    ("Gunmen struck Karak on the 3rd, police said.", "2025-11-06", "2025-11-03", "2025-11-03"),
    ("Gunmen struck Karak on the 28th, police said.", "2025-11-06", "2025-10-28", "2025-10-28"),
    # unchanged: a plain range and a plain day
    ("Clashes raged from November 2 to 4.", "2025-11-06", "2025-11-02", "2025-11-04"),
    ("Gunmen struck Karak on Tuesday.", "2025-11-06", "2025-11-04", "2025-11-04"),
]


@pytest.mark.parametrize(("text", "article", "first", "last"), DATES)
def test_date_phrasings(text, article, first, last):
    spans = [d for d in find_dates(text, _d(article)) if d.first is not None]
    assert spans
    assert (spans[0].first, spans[0].last) == (_d(first), _d(last))


@pytest.mark.parametrize(
    "text",
    [
        "The 11th Corps commander visited Karak.",  # an ordinal that names no day
        "Gunmen struck Karak on the 4th anniversary of the takeover.",
        "Version 1.2.3 of the report was released.",  # no year: no date
    ],
)
def test_ordinals_and_numbers_that_are_no_dates(text):
    kinds = [d.kind for d in find_dates(text, _d("2025-11-06"))]
    assert "numeric" not in kinds and "day_only" not in kinds


def test_a_slash_that_is_no_night_is_no_date():
    # "3/9 October" is no pair of neighbouring days
    assert all(d.first is None for d in find_dates("scores of 3/9 October", _d("2025-10-20")))


FUTURE = [
    # (sentence, the position's word, whether its clause speaks of the future)
    ("Gunmen raided a post on Friday; the curfew will stay until Sunday.", "Friday", False),
    ("The curfew will stay until Sunday after gunmen raided a post on Friday.", "Friday", False),
    ("Talks will be held in Doha on Friday.", "Friday", True),
    ("The jirga is scheduled to meet on Friday.", "Friday", True),
]


@pytest.mark.parametrize(("text", "word", "future"), FUTURE)
def test_future_is_read_in_the_dates_own_clause(text, word, future):
    assert future_in_clause(text, text.index(word)) is future


def test_a_past_weekday_beside_a_future_clause_is_the_past_day():
    df = violent(
        "Gunmen raided a checkpost in Lakki Marwat on Friday; the curfew will stay.", "2025-11-06"
    )
    assert len(df) == 1
    assert df["date"].iloc[0].date() == _d("2025-10-31")


# -- places --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gc():
    return Geocoder.default()


CASES_QUAL = [
    # (text, text after) - a qualifier is raised only where the name is a known place
    ("in the south Waziristan district", "in the South Waziristan district"),
    ("troops in upper Kurram", "troops in Upper Kurram"),
    ("they moved south Friday", "they moved south Friday"),
    ("the north Kabulistan road", "the north Kabulistan road"),
]


@pytest.mark.parametrize(("text", "want"), CASES_QUAL)
def test_lower_case_qualifier_of_a_place_name(gc, text, want):
    out = capitalise_qualifiers(text, gc)
    assert out == want and len(out) == len(text)


def test_lower_case_qualifier_gives_the_district():
    df = violent(
        "Four people were hurt when a bomb went off near a school in the north Waziristan "
        "district on Friday.",
        "2025-11-02",
    )
    assert len(df) == 1
    assert "North Waziristan" in df["location"].iloc[0]


def test_a_name_holding_its_place_noun_is_a_place():
    df = extract("The Chaman border was closed on Thursday.", article_date="2025-11-02")
    assert list(df["event_kind"]) == ["border_closure"]


# -- framing and datelines ------------------------------------------------------------

FRAMES = [
    # (sentence, trigger word, the clause the filters read)
    (
        "In the bloodiest flare-up since 2021, clashes hit Kurram on Friday.",
        "clashes",
        "",
    ),
    (
        "QUETTA, Pakistan – In the worst attack since 2023, gunmen stormed a post on Friday.",
        "stormed",
        "gunmen ",
    ),
    # no introductory phrase: all of it
    ("Officials said that since 2021, clashes hit Kurram.", "clashes", None),
]


@pytest.mark.parametrize(("text", "word", "own"), FRAMES)
def test_own_clause_after_an_introductory_phrase(text, word, own):
    at = text.index(word)
    clause = text[max(0, at - 70) : at]
    got = own_clause(text, at, clause, dated=True)
    assert got == (clause if own is None else own)
    assert own_clause(text, at, clause, dated=False) == clause


def test_a_dated_event_framed_by_history_is_news():
    df = violent(
        "PESHAWAR, Pakistan – In the deadliest day along the border since the 2021 takeover, "
        "overnight fighting between the two armies left dozens dead along the Durand Line.",
        "2025-11-02",
    )
    assert len(df) == 1
    assert df["date"].iloc[0].date() == _d("2025-11-01")


def test_history_without_a_date_of_its_own_stays_history():
    df = violent("In 2023, militants stormed a checkpost in Kech.", "2025-11-02")
    assert df.empty


DATELINES = [
    # a dateline city is not the scene unless the sentence places the event there
    ("PESHAWAR, Pakistan — Gunmen killed two traders on Sunday, police said.", None),
    ("Quetta: Gunmen killed two traders on Sunday, police said.", None),
    ("Quetta: Gunmen killed two traders in Pishin on Sunday, police said.", "Pishin"),
    ("Peshawar, Pakistan — Gunmen killed two traders in Peshawar on Sunday.", "Peshawar"),
]


@pytest.mark.parametrize(("text", "place"), DATELINES)
def test_title_case_dateline_is_no_scene(text, place):
    df = violent(text, "2025-11-03")
    if place is None:
        assert df.empty
    else:
        assert len(df) == 1 and place in df["location"].iloc[0]


# -- renewed fighting and closures ----------------------------------------------------

RENEWED = [
    # (text, article date, expected (kind, first day) rows, in order)
    (
        "Border forces clashed near Angoor Adda on Friday. Fighting resumed there on Sunday.",
        "2025-11-03",
        [("armed_clash", "2025-10-31"), ("armed_clash", "2025-11-02")],
    ),
    (
        "Troops traded fire in Bajaur on Friday. On Sunday clashes erupted again in the "
        "district, killing two.",
        "2025-11-03",
        [("armed_clash", "2025-10-31"), ("armed_clash", "2025-11-02")],
    ),
    (
        "Forces clashed near Angoor Adda on Friday. Shelling resumed in the area on Sunday.",
        "2025-11-03",
        [("armed_clash", "2025-10-31"), ("shelling", "2025-11-02")],
    ),
    # the same days: the same fighting told again, one row
    (
        "Border forces clashed near Angoor Adda on Friday. The fighting there killed four.",
        "2025-11-03",
        [("armed_clash", "2025-10-31")],
    ),
    (
        "Border forces clashed near Angoor Adda on Friday. Fighting resumed there on Friday night.",
        "2025-11-03",
        [("armed_clash", "2025-10-31")],
    ),
]


@pytest.mark.parametrize(("text", "article", "rows"), RENEWED)
def test_renewed_fighting_is_a_new_incident(text, article, rows):
    df = violent(text, article).sort_values("date")
    got = [(k, d.date().isoformat()) for k, d in zip(df["event_kind"], df["date"], strict=True)]
    assert got == rows


def test_renewed_fighting_keeps_its_own_toll():
    df = violent(
        "Troops traded fire in Bajaur on Friday. On Sunday clashes erupted again in the "
        "district, killing two.",
        "2025-11-03",
    ).sort_values("date")
    tolls = list(df["fatalities"])
    assert pd.isna(tolls[0]) and tolls[1] == 2


def test_closed_after_clashes_is_two_rows():
    df = extract(
        "The Ghulam Khan crossing was shut on Saturday after clashes in North Waziristan "
        "on Friday.",
        article_date="2025-11-03",
    )
    kinds = sorted(df["event_kind"])
    assert kinds == ["armed_clash", "border_closure"]


# -- sides ---------------------------------------------------------------------------

SIDES = [
    ("Nine soldiers died during an operation against militants in Bajaur on Friday.", PK_MIL),
    ("The firefight took place during a search operation in Khyber district on Friday.", PK_MIL),
    # outside Pakistan, or an agent named: unchanged
    ("A search operation in Khost province killed three on Friday.", None),
]


@pytest.mark.parametrize(("text", "side"), SIDES)
def test_agentless_operation_in_pakistan_is_pakistans(text, side):
    df = violent(text, "2025-11-03")
    assert len(df) == 1
    got = df["actor1"].iloc[0]
    assert (None if pd.isna(got) else got) == side
