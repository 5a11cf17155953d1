"""Local reports: where local sources speak from, tolls that rise later, victims named
by their calling, and vague counts of one event.

Each case gave no row, no count or the wrong type before: "Police in X said four
militants were killed" (the place read as the seat of a speaker), "the toll from the
bombing in X has climbed to 32" (X read as the subject of "has"), "by Tuesday the toll
had risen to 32" (a later day, so not the event's detail), "a teacher was shot dead"
(no count, a clash), "killing a family of five" (no count), "dozens of people were
injured" (read as a trend), "dozens were hurt" (no trigger).  Every sentence is a
paraphrase written for the test.
"""

from __future__ import annotations

import pytest

from incidents.extract import extract

DATE = "2025-10-14"  # a Tuesday
_VAC, _AIR, _CLASH = "Violence against civilians", "Explosions/Remote violence", "Battles"


@pytest.mark.parametrize(
    ("text", "place", "dead"),
    [
        ("Police in Bannu said four militants were killed in a gunfight on Sunday.", "Bannu", 4),
        ("Police officials in Tank said a constable was shot dead on Sunday.", "Tank", 1),
        ("In Mastung, police said gunmen killed two traffic wardens on Sunday.", "Mastung", 2),
        ("In Zhob, a police official said a levies soldier was shot dead on Sunday.", "Zhob", 1),
        # a place of its own wins over the place the source speaks from
        (
            "Police in Bannu said three soldiers were killed in an ambush in Lakki Marwat on "
            "Sunday.",
            "Lakki Marwat",
            3,
        ),
    ],
)
def test_local_source_places_what_it_reports(text, place, dead):
    df = extract(text, article_date=DATE)
    assert list(df["location"]) == [place]
    assert df.iloc[0]["fatalities"] == dead


@pytest.mark.parametrize(
    "text",
    [
        # national offices are seats: what they report is placed by its own words only
        "In Islamabad, the foreign ministry said Afghan forces had attacked border posts.",
        "Officials in Kabul said Pakistani jets had struck several houses overnight.",
        "Police in Quetta said the investigation into the attack was under way.",
    ],
)
def test_seats_and_placeless_speech_give_no_row(text):
    df = extract(text, article_date=DATE)
    assert df[~df["event_type"].eq("Strategic developments")].empty


@pytest.mark.parametrize(
    ("text", "place", "dead"),
    [
        (
            "The death toll from Sunday's suicide bombing at a mosque in Peshawar has climbed "
            "to 32, officials said on Tuesday.",
            "Peshawar",
            32,
        ),
        (
            "The toll from a car bomb at a market in Parachinar on Sunday has now risen to 19.",
            "Parachinar",
            19,
        ),
        ("The number of people killed in Sunday's blast in Quetta rose to 11.", "Quetta", 11),
        (
            "A suicide bomber struck a mosque in Peshawar on Sunday, killing 20 worshippers. "
            "By Tuesday, the toll had risen to 32.",
            "Peshawar",
            32,
        ),
    ],
)
def test_risen_toll_is_the_events(text, place, dead):
    df = extract(text, article_date=DATE)
    assert list(df["location"]) == [place]
    assert df.iloc[0]["fatalities"] == dead


def test_trend_in_a_place_is_still_no_site():
    text = "Since the takeover, attacks in Bannu and Tank have increased sharply."
    assert extract(text, article_date=DATE).empty


@pytest.mark.parametrize(
    ("text", "dead", "event_type"),
    [
        ("A teacher was shot dead outside his home in Mastung on Sunday.", 1, _VAC),
        ("Unidentified gunmen killed two polio workers in Bajaur on Sunday.", 2, _VAC),
        ("Drones struck a house in Khost on Sunday night, killing a family of five.", 5, _AIR),
        ("Gunmen opened fire on a van in Kurram on Sunday, killing three passengers.", 3, _VAC),
        # soldiers fired on: a clash, not an attack on civilians
        ("Gunmen opened fire on a patrol in Kurram on Sunday, killing three soldiers.", 3, _CLASH),
    ],
)
def test_victims_named_by_their_calling(text, dead, event_type):
    df = extract(text, article_date=DATE)
    assert len(df) == 1
    r = df.iloc[0]
    assert r["fatalities"] == dead
    assert r["event_type"] == event_type
    assert (str(r["actor2"]) == "Civilians") is (event_type != _CLASH)


@pytest.mark.parametrize(
    ("text", "hurt"),
    [
        ("A roadside bomb hit a van in Kurram on Sunday. Dozens of people were injured.", 12),
        ("A roadside bomb hit a van in Kurram on Sunday. Twelve were hurt.", 12),
        ("A roadside bomb hit a van in Kurram on Sunday; no one was hurt.", 0),
    ],
)
def test_vague_and_hurt_counts_of_one_event(text, hurt):
    df = extract(text, article_date=DATE)
    assert list(df["location"]) == ["Kurram"]
    assert df.iloc[0]["injuries"] == hurt


def test_hurt_in_another_sense_is_no_casualty():
    df = extract("The closure of the crossing has hurt traders in Khyber.", article_date=DATE)
    assert not df["event_type"].isin(["Violence against civilians", "Battles"]).any()
