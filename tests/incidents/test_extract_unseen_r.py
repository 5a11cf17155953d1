"""Failures found on batch R (real articles from outlets the rules had not seen), as
general rules.  Every sentence is a paraphrase written for the test, not article text.

- a casualty sentence right after a natural disaster's toll is that disaster's;
- "after weeks of clashes that left 100 dead" is a recalled span, not an incident;
- "with 12 people sustaining injuries", "injuring around 15 or more" are counts;
- a college or hospital named after its town stands in it ("attacked Kulachi College");
- an abbreviation inside a name ("Dera Ismail (DI) Khan") is no break in it;
- "The incident occurred in X" places a province-level row of the sentence before at X.
"""

from __future__ import annotations

import pytest
from extract_rows import violent

from incidents.extract import extract

DATE = "2025-08-07"


@pytest.mark.parametrize(
    "text",
    [
        "At least 20 people died in flash floods triggered by heavy rain across the province. "
        "The worst-hit district was Swat, where nine people were killed.",
        "An earthquake jolted the region on Monday, killing 12 people. In Kunar, four more "
        "died when their homes collapsed.",
    ],
)
def test_tolls_after_a_disaster_toll_are_the_disasters(text):
    assert violent(text, DATE).empty


def test_recalled_weeks_of_clashes_are_no_incident():
    text = (
        "Bunkers in the district will be demolished under the peace deal that followed "
        "weeks of tribal clashes that left over 100 people dead."
    )
    assert violent(text, DATE).empty


@pytest.mark.parametrize(
    ("text", "hurt"),
    [
        (
            "A car bomb exploded at a fort in Mir Ali on Thursday, with 12 people sustaining "
            "injuries.",
            12,
        ),
        (
            "Militants attacked a police station in Daraban on Thursday, injuring around 15 or "
            "more.",
            15,
        ),
    ],
)
def test_participle_and_rough_injury_counts(text, hurt):
    df = violent(text, DATE)
    assert list(df["injuries"]) == [hurt]


def test_college_named_after_its_town_stands_in_it():
    df = violent("Terrorists later stormed Kulachi College on Thursday.", DATE)
    assert list(df["location"]) == ["Kulachi"]


def test_hospital_the_wounded_were_taken_to_is_no_site():
    assert extract("The wounded were taken to Bannu Hospital.", article_date=DATE).empty


def test_abbreviation_inside_a_name_keeps_the_name():
    text = "Militants attacked a check post in Dera Ismail (DI) Khan on Thursday."
    df = violent(text, DATE)
    assert list(df["location"]) == ["Dera Ismail Khan"]


def test_incident_occurred_in_places_a_province_row():
    text = (
        "Four members of a family were killed when a mortar shell hit their house in "
        "Khyber Pakhtunkhwa province late Wednesday night, police said. The incident "
        "occurred in the Bagh Maidan area of Tirah in Khyber district."
    )
    df = violent(text, DATE)
    assert len(df) == 1
    r = df.iloc[0]
    assert r["fatalities"] == 4
    assert r["uncertainty_km"] < 100  # (the district, not the whole province)
