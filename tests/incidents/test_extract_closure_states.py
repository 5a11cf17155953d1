"""A closure told as a state ("remains closed since October 13", "has been shut for two
weeks", the closure a reopening ended) is a row dated from when it began to the
article's date; a closure told only from its start ("The closure began on October 9")
is a row when the article's lead reports a crossing closed or reopened, elsewhere the
backstory of other news.  Every sentence is a paraphrase written for the test.

- the lead (headline and two sentences) reports the closure: "Hundreds stranded as the
  Chaman crossing stays shut", "X remains closed since <day>", "has been sealed for ten
  days", "preparations to reopen X" (a reopening ends a closure): one closure row;
- its days: "since October 13" runs from the 13th to the article's date ("since
  October 13" is that day, not the month of October), "for the past nine days" /
  "for two weeks" from that many days before;
- a closure named for its effects ("the closure has cost traders millions") or told
  after a lead about something else ("Refugees returned ...; Torkham, closed since
  October 13, ...") stays background;
- an undated truce, talks or closure told before the article's first dated violence
  ("Kabul and Islamabad agree to a truce" / "On Friday, a suicide bombing ...") keeps
  the article's days, not the bombing's.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from incidents._extract_dates import find_dates
from incidents.extract import extract

DATE = "2025-10-27"


def _closures(text: str) -> dict[str, tuple[str, str]]:
    df = extract(text, article_date=DATE)
    df = df[df["event_kind"] == "border_closure"]
    return {
        r["location"]: (
            str(r["date"].date()),
            str((r["date"] if pd.isna(r["date_end"]) else r["date_end"]).date()),
        )
        for _, r in df.iterrows()
    }


NEWS = [
    (
        "Hundreds stranded as the Chaman crossing stays shut.\n"
        "The Chaman crossing has remained closed since October 19, officials said.",
        "Chaman",
        ("2025-10-19", DATE),
    ),
    (
        "Transporters suffer at the Torkham border, which remains closed since Oct. 13.",
        "Torkham",
        ("2025-10-13", DATE),
    ),
    (
        "The Ghulam Khan crossing has been sealed for the past nine days.",
        "Ghulam Khan",
        ("2025-10-18", DATE),
    ),
    (
        "Customs staff are ready to reopen the Angoor Adda crossing.\n"
        "The crossing has been closed for two weeks amid the standoff.",
        "crossing",
        ("2025-10-13", DATE),
    ),
    # the closure as the subject of its start, after a reopening lead naming the crossing
    (
        "The Kharlachi crossing reopened on Monday after weeks of tension.\n"
        "The closure began on October 9, when a land dispute turned violent.",
        "closure",
        ("2025-10-09", DATE),
    ),
]


@pytest.mark.parametrize(("text", "site", "days"), NEWS)
def test_a_closure_state_in_a_closure_lead_is_a_row_over_its_days(text, site, days):
    got = _closures(text)
    assert len(got) == 1, got
    ((place, span),) = got.items()
    assert site in place and span == days, got


# a lasting closure told in its own clause after a lead about violence
ELSEWHERE = [
    (
        "Militants attacked a post in Bajaur on Sunday, killing two soldiers.\n"
        "Officials said the Torkham crossing has remained closed for 11 days.",
        ("2025-10-16", DATE),
    ),
]


@pytest.mark.parametrize(("text", "days"), ELSEWHERE)
def test_a_lasting_closure_after_other_news_is_a_row_over_its_days(text, days):
    got = _closures(text)
    assert list(got.values()) == [days], got


BACKGROUND = [
    # the start of a closure told in an article whose lead is violence
    "Militants attacked a post in Bajaur on Sunday, killing two soldiers.\n"
    "Officials said the Torkham crossing was busy.\n"
    "The closure began on October 9, when a land dispute turned violent.",
    "The closure of the Chaman crossing since October 12 has cost traders dearly.",
    "A months-long closure of the Torkham border has ruined fruit exporters.",
    "More than 900 refugees returned from Pakistan on Sunday, the ministry said.\n"
    "Most came by bus from Quetta and Karachi.\n"
    "Officials said Torkham, closed since October 13, would open for refugees only.",
]


@pytest.mark.parametrize("text", BACKGROUND)
def test_a_closure_state_outside_a_closure_lead_is_background(text):
    assert _closures(text) == {}


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("the crossing closed since October 13", "2025-10-13", DATE),
        ("shut since 13 October", "2025-10-13", DATE),
        ("fighting has continued since Oct. 9, 2025", "2025-10-09", DATE),
        ("in October 2025 the border", "2025-10-01", "2025-10-31"),
        ("since October the border", "2025-10-01", "2025-10-31"),
    ],
)
def test_since_a_day_is_that_day_to_the_article(text, first, last):
    spans = [d for d in find_dates(text, dt.date.fromisoformat(DATE)) if d.first is not None]
    assert [(str(spans[0].first), str(spans[0].last))] == [(first, last)], spans


def test_an_undated_truce_headline_is_not_dated_by_violence_told_after_it():
    """A headline truce (or talks, or a closure) with no date of its own keeps the
    article's days; the bombing of two days before, told later, dates only itself."""
    df = extract(
        "Kabul and Islamabad agree to a truce in Doha\n"
        "On Friday, a suicide bombing near the frontier killed seven soldiers.",
        article_date="2025-10-19",
    )
    truce = df[df["event_kind"] == "ceasefire"].iloc[0]
    bombing = df[df["event_kind"] == "suicide_bombing"].iloc[0]
    assert str(bombing["date"].date()) == "2025-10-17"
    assert str(truce["date"].date()) >= "2025-10-18", truce["date"]


# -- edges a review found (each failed on the session's first version of the rule) -----


def test_a_fresh_closure_beside_a_state_in_one_sentence_is_kept():
    text = (
        "Pakistani forces shelled the Dangam district of Kunar on October 25.\n"
        "Residents fled.\nOfficials gave no toll.\n"
        "The Torkham crossing, which remained shut, was sealed by Pakistani troops on Sunday."
    )
    assert _closures(text) == {"Torkham crossing": ("2025-10-26", "2025-10-26")}


def test_a_state_headline_takes_the_start_of_the_closure_told_after_it():
    text = (
        "Torkham border remains closed for a second week.\nPakistan closed Torkham on October 12."
    )
    assert _closures(text) == {"Torkham border": ("2025-10-12", DATE)}


@pytest.mark.parametrize(
    "lead",
    [
        "Talks were suspended after the border clashes.",
        "Schools were closed in border areas after the clashes.",
    ],
)
def test_a_lead_that_closes_something_else_is_no_closure_lead(lead):
    text = (
        "Pakistani forces shelled Kurram on October 25.\n"
        + lead
        + "\nResidents said two houses were hit.\n"
        "The Torkham crossing has been closed since October 12, traders said."
    )
    assert _closures(text) == {}


def test_a_planned_length_is_not_a_span():
    text = (
        "Torkham shut as talks stall.\n"
        "Authorities closed the Torkham crossing for three days, officials said."
    )
    ((_, (first, _last)),) = _closures(text).items()
    assert first >= "2025-10-26"


def test_since_a_day_after_the_article_is_last_years():
    spans = find_dates("closed since November 3", dt.date.fromisoformat(DATE))
    assert (str(spans[0].first), str(spans[0].last)) == ("2024-11-03", DATE)
