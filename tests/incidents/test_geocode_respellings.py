"""Names a respelling must not reach.  Places abroad that news of this frontier names
(venues, capitals, datelines) are themselves, never a village of the frontier spelled
alike, and a respelling never reaches them (only their own names do); an aspirate
written otherwise ("Kacchi" for "Kachhi") is the same name, not another one whose
consonants the skeleton happens to share."""

from __future__ import annotations

import pytest

from incidents.geocode import Geocoder


@pytest.fixture(scope="module")
def gc() -> Geocoder:
    return Geocoder.default()


@pytest.mark.parametrize(
    "name",
    [
        "Erbil",
        "Kurdistan Region of Iraq",
        "Ankara",
        "Moscow",
        "Beijing",
        "Tashkent",
        "Dushanbe",
        "Dubai",
        "Abu Dhabi",
        "UAE",
        "Saudi Arabia",
        "Qatar",
        "Jeddah",
        "London",
        "Washington",
        "New Delhi",
        "Türkiye",
    ],
)
def test_a_place_abroad_is_abroad(gc, name):
    m = gc.resolve(name)[0]
    assert m.country == "other", (name, m.name, m.admin1)


@pytest.mark.parametrize("name", ["Dulha", "Jada", "Iraki", "Bari Dad"])
def test_a_respelling_never_reaches_a_place_abroad(gc, name):
    # villages of Pakistan and Afghanistan whose names are one edit or one vowel
    # from a foreign city's: an unhinted query may be unsure, never abroad
    m = gc.resolve(name)[0]
    assert m.country != "other", (name, m.name)


def test_a_village_in_the_hinted_province_beats_a_capital_abroad(gc):
    m = gc.resolve("Baghdad", admin1="Balochistan")[0]
    assert m.admin1 == "Balochistan"


@pytest.mark.parametrize("written", ["Kacchi", "Kacchi district", "Kachhi"])
def test_an_aspirate_spelled_otherwise_is_the_same_name(gc, written):
    # "Kacchi" is Kachhi district of Balochistan (Wikipedia "Kachhi District"), not
    # Kech, whose consonant skeleton the doubled "cc" shares
    m = gc.resolve(written)[0]
    assert m.admin1 == "Balochistan" and m.name.startswith("Kachhi")
