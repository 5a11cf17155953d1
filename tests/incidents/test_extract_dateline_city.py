"""A story's "the city" or "the town" refers to the place of its dateline.

A dated wire dateline ("Peshawar, Oct 12:", "QUETTA, Oct 12 (Reuters) -") is cut off
before the story is read, and its place was lost with it: "militants attacked a
checkpost in the city" then gave no row.  A part of the place ("on the outskirts
of the city", "in the heart of the town") refers back like the place itself.
Every article is a paraphrase written for the test; the expected place is the
dateline's town, checked against its Wikipedia coordinate.
"""

from __future__ import annotations

import pytest

from geo.sphere import point_km
from incidents.extract import extract

DATE = "2025-10-14"


# Town centres, degrees and minutes of each town's English Wikipedia infobox; a row
# must lie within TOWN_KM of its town (a namesake or the district would not).
TOWNS = {
    "Peshawar": (34 + 0 / 60, 71 + 30 / 60),
    "Quetta": (30 + 11 / 60, 67 + 0 / 60),
    "Bannu": (32 + 59 / 60, 70 + 36 / 60),
    "Chaman": (30 + 55 / 60, 66 + 27 / 60),
    "Jalalabad": (34 + 26 / 60, 70 + 27 / 60),
}
TOWN_KM = 10.0


def _town(name: str) -> tuple[float, float]:
    return TOWNS[name]


@pytest.mark.parametrize(
    ("text", "town", "deaths"),
    [
        (
            "Peshawar, Oct 12: Militants attacked a checkpost in the city late on Saturday, "
            "killing four soldiers.",
            "Peshawar",
            4,
        ),
        (
            "Peshawar, Oct 12 (AP) -- Gunmen stormed a police post on the outskirts of the city "
            "on Sunday, killing three constables.",
            "Peshawar",
            3,
        ),
        (
            "QUETTA, Oct 12 (Reuters) - A bomb went off in the heart of the city on Saturday, "
            "killing two people.",
            "Quetta",
            2,
        ),
        (
            "Bannu, 11 October: Two policemen were shot dead near the city on Friday night, "
            "officials said.",
            "Bannu",
            2,
        ),
        (
            "CHAMAN, Oct 12 - A mortar shell landed in the town on Saturday, killing a child.",
            "Chaman",
            1,
        ),
        # no dateline date: the name opens the first sentence (this worked before)
        (
            "PESHAWAR: Militants attacked a checkpost on the outskirts of the city on Saturday, "
            "killing four soldiers.",
            "Peshawar",
            4,
        ),
    ],
)
def test_the_city_is_the_datelines_town(text, town, deaths):
    df = extract(text, article_date=DATE)
    assert len(df) == 1, df[["location"]]
    r = df.iloc[0]
    lat, lon = _town(town)
    assert point_km(r["latitude"], r["longitude"], lat, lon) < TOWN_KM, (r["location"], town)
    assert r["fatalities"] == deaths


@pytest.mark.parametrize(
    "text",
    [
        # the dateline's place is what the city refers to, never a site by itself
        "Peshawar, Oct 12: The mayor of the city said trade was brisk on Saturday.",
        "ISLAMABAD, Oct 12 (Reuters) - Officials in the capital met traders on Saturday.",
    ],
)
def test_dateline_alone_makes_no_row(text):
    assert extract(text, article_date=DATE).empty


def test_a_place_named_in_the_story_comes_before_the_dateline():
    # "the city" after Jalalabad is Jalalabad, not the Kabul of the dateline
    df = extract(
        "KABUL, Oct 12 (Reuters) - A bomb went off in Jalalabad on Saturday, killing two "
        "people. Police said a second device was defused in the city on Sunday.",
        article_date=DATE,
    )
    lat, lon = _town("Jalalabad")
    assert len(df) >= 1
    assert all(
        point_km(a, b, lat, lon) < 1.0 for a, b in zip(df["latitude"], df["longitude"], strict=True)
    )
