"""A locative phrase that opens the sentence places its event.

"In Quetta, a roadside bomb killed two" gave no row: the locative words were
matched in lower case only, so a sentence-initial "In"/"Near"/"Outside" left a town
unplaced (a crossing or a district was placed anyway).  The same phrase opening a
clause of someone speaking ("In Kabul, the government said ...") is where they
spoke, not a site.  Every sentence is a paraphrase written for the test.
"""

from __future__ import annotations

import pytest

from incidents.extract import extract

DATE = "2025-10-14"


@pytest.mark.parametrize(
    ("text", "place", "deaths"),
    [
        ("In Quetta, a roadside bomb killed two drivers on Saturday.", "Quetta", 2),
        ("Near Spin Boldak, a roadside device killed two drivers on Saturday.", "Spin Boldak", 2),
        ("Outside Bannu, gunmen shot dead three policemen on Sunday.", "Bannu", 3),
        ("In the town of Wana, two soldiers were killed in a blast on Saturday.", "Wana", 2),
        (
            "Police said that, in Mardan, unknown attackers killed two shopkeepers on Friday.",
            "Mardan",
            2,
        ),
        (
            "Close to Jalalabad, a drone strike killed four people on Sunday, residents said.",
            "Jalalabad",
            4,
        ),
    ],
)
def test_a_fronted_locative_places_the_event(text, place, deaths):
    df = extract(text, article_date=DATE)
    assert len(df) == 1, df[["location"]]
    assert df.iloc[0]["location"] == place
    assert df.iloc[0]["fatalities"] == deaths


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # where the speaker is, not the scene
        ("In Kabul, the Taliban government said two were killed in Khost on Saturday.", {"Khost"}),
        ("In Islamabad, officials told reporters on Saturday that talks would resume.", set()),
        ("In Quetta, the provincial minister condemned the attack on Saturday.", set()),
    ],
)
def test_a_fronted_speakers_place_is_no_site(text, places):
    df = extract(text, article_date=DATE)
    assert set(df["location"]) == places
