"""Table-driven tests for negative controls (issue 17): articles about the border
with no violent incident as their news.  A natural disaster's toll, a toll restated
by a definite noun, fighting that a truce paused or ended, and an earlier event told
in the pluperfect without a day make no violent row; the same places with a real,
dated incident still give one.

Every sentence is a paraphrase written for the test (no published text); every
expected value is written by hand from the sentence.
"""

from __future__ import annotations

import pytest
from extract_rows import violent

from incidents.extract import extract

NO_EVENT = [
    # a natural disaster's deaths are not violence
    "The earthquake killed more than 800 people in Kunar province, officials said.",
    "Flash floods left 40 people dead in Nangarhar on Monday.",
    "Two children died when a landslide hit a village in Bajaur district.",
    # a toll told before, restated by a definite noun
    "Most of the casualties were in Kunar province, with several dead in Laghman.",
    "The vast majority of the dead were in Khost province.",
    # fighting that the news ends or pauses
    "The truce had paused a week of heavy fighting along the border that left many dead.",
    "The agreement ended several days of clashes near Chaman.",
    # an earlier event in the pluperfect, without a day
    "Kabul had earlier asked for talks following Pakistani air strikes on hideouts in Paktika.",
    "The border had already been closed after the shelling in Kurram, traders said.",
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_violent_row(text: str) -> None:
    assert violent(text, "2025-10-22").empty


EVENT = [
    # the same places, with the violence itself as the news
    ("Militants killed three policemen in Kunar province on Monday, officials said.", 3),
    ("Pakistani shelling killed two civilians in Chaman on Tuesday.", 2),
    ("Gunmen attacked a checkpost in Bajaur district on Monday, killing two soldiers.", 2),
    # a dated pluperfect event is still an event
    ("Pakistani jets had earlier on Monday struck hideouts in Paktika, killing four.", 4),
]


@pytest.mark.parametrize(("text", "deaths"), EVENT)
def test_real_incident_kept(text: str, deaths: int) -> None:
    df = violent(text, "2025-10-22")
    assert len(df) == 1
    assert int(df["fatalities"].iloc[0]) == deaths


# -- the start of an earlier escalation, told without a day ---------------------------

ESCALATION = [
    "Tensions escalated when Pakistani jets struck targets in Khost, the Taliban said.",
    "The dispute flared up when Afghan forces attacked posts in Kurram.",
]


@pytest.mark.parametrize("text", ESCALATION)
def test_undated_escalation_is_background(text: str) -> None:
    assert violent(text, "2025-11-20").empty


def test_dated_escalation_is_kept() -> None:
    text = "Tensions escalated when Pakistani jets struck targets in Khost on Monday."
    assert len(violent(text, "2025-11-20")) == 1


# -- diplomacy that is not a new event -----------------------------------------------

NO_ROW = [
    # a truce prolonged, with no day for the decision
    "Kabul and Islamabad have agreed to extend the ongoing ceasefire.",
    "Both sides agreed to extend their 48-hour ceasefire, officials said.",
    # talks still to come
    "The truce holds until the end of planned peace talks in Doha, diplomats said on Friday.",
    "Delegations prepared for the upcoming talks in Istanbul.",
]


@pytest.mark.parametrize("text", NO_ROW)
def test_no_row_at_all(text: str) -> None:
    assert extract(text, article_date="2025-10-24").empty


ROW = [
    # the decision to extend dated in its own clause is news
    ("Kabul and Islamabad on Friday decided to extend the ceasefire.", "ceasefire"),
    # talks on a stated day are an event
    ("Delegations met for talks in Istanbul on Saturday.", "talks"),
]


@pytest.mark.parametrize(("text", "kind"), ROW)
def test_dated_diplomacy_kept(text: str, kind: str) -> None:
    df = extract(text, article_date="2025-10-26")
    assert len(df) == 1
    assert df["event_kind"].iloc[0] == kind


def test_disaster_words_are_looked_for_once_per_sentence(monkeypatch):
    # a sentence of thousands of casualty words searched the whole sentence for disaster
    # words once per word (quadratic: 30,000 words took minutes)
    import incidents._extract_lex as lex

    calls = []
    real = lex._NATURAL

    class Counting:
        def search(self, text):
            calls.append(len(text))
            return real.search(text)

    monkeypatch.setattr(lex, "_NATURAL", Counting())
    found = lex.triggers_in("killed " * 500 + "in the earthquake")
    assert found == []  # every casualty word is the disaster's
    assert len(calls) == 1
    calls.clear()
    assert len(lex.triggers_in("militants killed " * 200)) == 200
    assert len(calls) == 1
