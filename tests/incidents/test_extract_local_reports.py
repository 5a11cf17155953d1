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

import pandas as pd
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


@pytest.mark.parametrize(
    ("text", "dead", "hurt"),
    [
        ("Terrorists attacked a police post in Tank on Sunday, martyring two constables.", 2, None),
        ("Two Afghan border forces were killed and three wounded in shelling in Khost.", 2, 3),
    ],
)
def test_more_casualty_phrasings(text, dead, hurt):
    df = extract(text, article_date=DATE)
    assert len(df) == 1
    r = df.iloc[0]
    assert r["fatalities"] == dead
    assert (pd.isna(r["injuries"]) and hurt is None) or r["injuries"] == hurt


def test_killing_of_an_elder_is_an_attack_on_civilians():
    df = extract("Gunmen shot dead a tribal elder in Wana on Sunday.", article_date=DATE)
    assert list(df["event_type"]) == [_VAC]
    assert list(df["fatalities"]) == [1]


def test_suicide_bomber_driving_a_laden_vehicle_is_a_suicide_bombing():
    text = (
        "A suicide bomber drove an explosives-laden truck into the gate of a police "
        "training centre in Tank on Sunday."
    )
    df = extract(text, article_date=DATE)
    assert list(df["sub_event_type"]) == ["Suicide bomb"]


@pytest.mark.parametrize(
    ("text", "site"),
    [
        # one incident told as a casualty clause and the "when" clause of its attack
        (
            "A policeman was martyred in Lakki Marwat when militants stormed the Pezu "
            "police station on Sunday.",
            "Pezu",
        ),
        (
            "A soldier was killed in the Mamund tehsil when militants attacked a check post "
            "in Bajaur district on Sunday.",
            "Mamund tehsil",
        ),
    ],
)
def test_when_clause_of_one_incident_gives_one_row(text, site):
    df = extract(text, article_date=DATE)
    assert list(df["location"]) == [site]
    assert df.iloc[0]["fatalities"] == 1
    assert df.iloc[0]["uncertainty_km"] < 25  # (read with the other place's district)


def test_when_clause_far_away_stays_two_incidents():
    text = "Two soldiers were killed in Chitral when militants attacked a post in Zhob."
    assert len(extract(text, article_date=DATE)) == 2


def test_area_of_a_district_after_its_province_possessive_is_inside_it():
    # "Lija Mangal" is also read as a district elsewhere: the area is Sperah's
    text = "Drones struck two houses in the Lija Mangal area of Khost's Sperah district on Sunday."
    df = extract(text, article_date=DATE)
    assert len(df) == 1
    assert df.iloc[0]["matched_name"] == "Spira"  # (the shipped district's spelling)


@pytest.mark.parametrize(
    ("text", "dead", "hurt"),
    [
        # one count of the killed and the wounded together: neither is known
        (
            "Dozens of civilians were martyred and wounded when strikes hit a school in Khost.",
            None,
            None,
        ),
        # each verb with its own count
        (
            "The assault on a post in Tank killed three guards and wounded at least five others.",
            3,
            5,
        ),
        # an article before a calling is no count when another number has the verb
        (
            "A roadside bomb hit a van in Kurram. An official statement said the toll rose after "
            "four wounded people died, and that 30 people sustained injuries.",
            None,
            30,
        ),
    ],
)
def test_joined_verbs_and_stray_articles(text, dead, hurt):
    df = extract(text, article_date=DATE)
    r = df.iloc[0]
    assert (pd.isna(r["fatalities"]) and dead is None) or r["fatalities"] == dead
    assert (pd.isna(r["injuries"]) and hurt is None) or r["injuries"] == hurt


def test_aircraft_bombarding_is_an_air_strike():
    text = (
        "At around 3 a.m., Pakistani aircraft bombarded civilian homes in Khost, a spokesman said."
    )
    assert list(extract(text, article_date=DATE)["sub_event_type"]) == ["Air/drone strike"]


@pytest.mark.parametrize(
    ("text", "province"),
    [
        (
            "A suicide bomber rammed a truck into a checkpoint in northwest Pakistan on Sunday, "
            "killing seven soldiers.",
            "Khyber Pakhtunkhwa",
        ),
        ("A bomb killed five people in restive southwestern Pakistan on Sunday.", "Balochistan"),
    ],
)
def test_compass_region_of_pakistan_is_its_province(text, province):
    df = extract(text, article_date=DATE)
    assert list(df["matched_name"]) == [province]
    assert df.iloc[0]["geocode_method"] == "admin1"


def test_compass_region_with_a_district_is_the_district():
    text = "Clashes in northwest Pakistan's Kurram district killed 10 people on Sunday."
    assert list(extract(text, article_date=DATE)["matched_name"]) == ["Kurram"]


def test_a_month_name_is_no_prefix_of_a_verb():
    # "Mar" opened "martyring": its count was read as a date ("Mar 13")
    text = "A suicide bomber struck a convoy in Mir Ali on Sunday, martyring 13 soldiers."
    assert list(extract(text, article_date=DATE)["fatalities"]) == [13]


def test_a_casualty_verb_is_a_whole_word():
    # "dead" inside "the deadliest" made the 29 injured a second count of the dead
    text = (
        "A suicide bombing in Mir Ali on Saturday claimed the lives of at least 13 soldiers "
        "and injured 29 others, including 19 civilians, in one of the deadliest attacks in "
        "months."
    )
    df = extract(text, article_date=DATE)
    assert (df.iloc[0]["fatalities"], df.iloc[0]["injuries"]) == (13, 29)
