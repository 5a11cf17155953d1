"""Names written the way coders and journalists write them.

Each row is a place text as sources spell it (words joined or split,
direction/size words in another language, a town-part word, a possessive, a type
word before the name) with the admin hints a coded event carries.  The expected
place is a *shipped admin polygon* (Pakistani tehsils, Afghan and Pakistani
districts of ``geo.reference``), independent of the gazetteer the geocoder
searches: the answer must lie inside it.
"""

from __future__ import annotations

import pytest
import shapely

from geo.reference import admin2, pak_tehsils
from incidents._names import variant_keys
from incidents.geocode import Geocoder

NW, SW = "North Waziristan", "South Waziristan"

# (text, hints, layer, polygon name)
ROWS = [
    ("Spin Wam", {"admin2": NW}, "tehsil", "Spinwam"),
    ("Spinwam", {"admin2": NW}, "tehsil", "Spinwam"),
    ("Miranshah", {"admin2": NW}, "tehsil", "Miran Shah"),
    ("Miran Shah", {"admin2": NW}, "tehsil", "Miran Shah"),
    ("Mirali", {"admin2": NW}, "tehsil", "Mir Ali"),
    ("Mir-Ali", {"admin2": NW}, "tehsil", "Mir Ali"),
    ("Ghulam Khan check post", {"admin2": NW}, "tehsil", "Ghulam Khan"),
    ("Lowi Mamund", {"admin2": "Bajaur"}, "tehsil", "Mamund"),
    ("Tehsil Mamund", {"admin2": "Bajaur"}, "tehsil", "Mamund"),
    ("Bajaur's Mamund tehsil", {}, "tehsil", "Mamund"),
    ("Bala Kurram", {"admin2": "Kurram"}, "tehsil", "Upper Kurram"),
    ("Payan Kurram", {"admin2": "Kurram"}, "tehsil", "Lower Kurram"),
    ("Upper Kurram", {"admin1": "Khyber Pakhtunkhwa"}, "tehsil", "Upper Kurram"),
    ("Wana Bazaar", {"admin2": SW}, "tehsil", "Wana"),
    ("Wana Fort", {"admin2": SW}, "tehsil", "Wana"),
    ("Landi Kotal Bazaar", {"admin2": "Khyber"}, "tehsil", "Landi Kotal"),
    ("Nangarhar's Shinwari district", {}, "district", "Shinwar"),
    ("Shinwari district", {"admin1": "Nangarhar"}, "district", "Shinwar"),
    ("Lower Dir", {"admin1": "Khyber Pakhtunkhwa"}, "district", "Lower Dir"),
    ("Upper Dir", {"admin1": "Khyber Pakhtunkhwa"}, "district", "Upper Dir"),
]


@pytest.fixture(scope="module")
def shapes():
    t, d = pak_tehsils(), admin2()
    return {
        "tehsil": dict(zip(t["name"], t.geometry, strict=True)),
        "district": dict(zip(d["admin2"], d.geometry, strict=True)),
    }


@pytest.mark.parametrize(("text", "hints", "layer", "name"), ROWS)
def test_variant_lands_in_its_unit(shapes, text, hints, layer, name):
    m = Geocoder.default().resolve(text, **hints)[0]
    shape = shapes[layer][name]
    # 1 km of slack for a label point on a boundary
    assert shapely.contains_xy(shape.buffer(0.01), m.lon, m.lat), (m, name)


def test_a_possessive_unit_places_the_mention_after_it():
    text = "Militants attacked a post in Nangarhar's Shinwari district on Monday"
    mentions = Geocoder.default().find_mentions(text)
    assert [m.text for m in mentions] == ["Shinwari"]
    # read inside Nangarhar, not as Parwan's Shinwari
    assert mentions[0].candidates[0].admin1 == "Nangarhar"


VARIANTS = [
    ("lowi mamund", ["loe mamund", "mamund"]),
    ("upper kurram", ["bala kurram", "kurram bala", "kurram"]),
    ("daraban khurd", ["daraban khord", "daraban"]),
    ("wana bazaar", ["wana"]),
    ("spin wam", ["spinwam"]),
    ("ghazani", ["bar ghazani", "ghazani bala", "ghazani khurd"]),
]


@pytest.mark.parametrize(("key", "some"), VARIANTS)
def test_variant_keys(key, some):
    got = variant_keys(key)
    assert key not in got
    assert set(some) <= set(got)
    # synonyms before the bare core, the bare core before the joined form
    if "mamund" in got:
        assert got.index("loe mamund") < got.index("mamund")


def test_variant_keys_of_short_names():
    assert variant_keys("wana") == []  # too short to take an affix
    assert variant_keys("burj") == []  # four letters, as the docstring says
    assert {"bar ghazani", "tootkas khurd"} <= set(
        variant_keys("ghazani") + variant_keys("tootkas")
    )
    assert "ab" not in variant_keys("bala ab")
    got = variant_keys("bala kurram")
    # a name with a direction word is not given a second one
    assert not any(k.count(" ") > 1 for k in got)


def test_a_variant_never_outranks_the_name_itself():
    # "Lower Dir" exists as written: never read as "Dir" or "Upper Dir"
    gc = Geocoder.default()
    m = gc.resolve("Lower Dir", admin1="Khyber Pakhtunkhwa")[0]
    assert m.name == "Lower Dir" and m.match_class != "place_variant"
