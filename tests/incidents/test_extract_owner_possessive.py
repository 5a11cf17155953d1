"""A place told after its owner ("in Zhob's X area", "in Kurram's border area") is kept.

"Gunmen killed two soldiers in Zhob's Sambaza area" gave no row: the possessive owner
is not a mention of its own and the area's name is unknown.  The name is now kept
with its text and placed near the owner (a namesake within reach) or at the owner;
an unnamed part ("Kurram's border area", "Quetta's outskirts") is placed at the owner.
Every sentence is a paraphrase written for the test; the names are made up.
"""

from __future__ import annotations

import pytest
import shapely

from geo.reference import admin2
from incidents.extract import extract

DATE = "2025-10-14"


@pytest.mark.parametrize(
    ("text", "location", "district"),
    [
        ("Gunmen killed two soldiers in Zhob's Qqzarvi area on Sunday.", "Qqzarvi area", "Zhob"),
        (
            "A blast wounded three people in Kurram's Zzgholai village on Sunday.",
            "Zzgholai village",
            "Kurram",
        ),
        (
            "Militants attacked a post in Bannu district's Xxkhel area on Sunday, "
            "killing a soldier.",
            "Xxkhel area",
            "Bannu",
        ),
    ],
)
def test_unknown_name_after_its_owner(text, location, district):
    df = extract(text, article_date=DATE)
    assert list(df["location"]) == [location]
    poly = admin2().set_index("admin2").geometry[district]
    r = df.iloc[0]
    assert shapely.contains_xy(poly.buffer(0.05), r["longitude"], r["latitude"])


@pytest.mark.parametrize(
    ("text", "location", "district"),
    [
        (
            "A landmine killed two children in Kurram's border area on Sunday.",
            "Kurram's border area",
            "Kurram",
        ),
        (
            "Shelling hit Bajaur's border villages on Sunday, killing two.",
            "Bajaur's border villages",
            "Bajaur",
        ),
        (
            "Gunmen attacked a post on Quetta's outskirts on Sunday, killing a guard.",
            "Quetta's outskirts",
            "Quetta",
        ),
    ],
)
def test_an_unnamed_part_of_its_owner(text, location, district):
    # "X's border area": no name of its own, so the owner is the site
    test_unknown_name_after_its_owner(text, location, district)


def test_a_speaker_at_an_owned_place_makes_no_row():
    text = "Officials in Quetta's Qqwerty area said on Sunday that markets were open."
    assert extract(text, article_date=DATE).empty
