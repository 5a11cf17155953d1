"""A curated area or natural feature against villages spelled like it.

Feature rows are added to the shipped gazetteer here (made-up test rows placed
relative to shipped units, not facts), so the rules are tested whatever the
features table holds:

* a valley/area from the features table wins over a spelling-variant or one-edit
  village of another name ("Tirah" with admin2 Khyber is not the village "Tehra");
* an area counts as inside a hinted district when its extent reaches it;
* an exact feature name or alias beats a village of the same name that is no town;
  a place type word ("village") still asks for the village;
* it is returned as an area: its point and its own radius.
"""

from __future__ import annotations

import numpy as np
import pytest
from geocode_eval import wof_split

from incidents._gazetteer import Gazetteer, haversine_km
from incidents._names import norm
from incidents.geocode import Geocoder
from tests.incidents.gazetteer_rows import row, with_rows


def _unit(gaz: Gazetteer, name: str) -> int:
    rows = [int(r) for r in gaz.by_key.get(norm(name)) if gaz.kind[r] == "county"]
    assert rows, name
    return rows[0]


def _feature(name, alts, kind, lat, lon, radius, admin2) -> dict:
    return row(
        name, lat, lon, kind=kind, alts=alts, feature_code=kind, admin2=admin2, radius_km=radius
    )


@pytest.fixture(scope="module")
def setup() -> tuple[Geocoder, dict]:
    gaz = Gazetteer.load()
    # the shipped features table may hold a real Tirah: the test row stands alone
    shipped = np.zeros(gaz.n, dtype=bool)
    for key in ("tirah", "tirah valley", "tira valley"):
        shipped[gaz.by_key.get(key)] = True
    gaz = gaz.subset(~(shipped & gaz.is_feature))
    ork, khy = _unit(gaz, "Orakzai"), _unit(gaz, "Khyber")
    # A valley whose point lies in Orakzai and whose extent reaches Khyber.
    gap = float(haversine_km(gaz.lat[ork], gaz.lon[ork], gaz.lat[khy], gaz.lon[khy]))
    valley = _feature(
        "Tirah",
        ["Tirah Valley", "Tira Valley"],
        "valley",
        float(gaz.lat[ork]),
        float(gaz.lon[ork]),
        gap,
        "Orakzai",
    )
    # A made-up river far longer than any district, named nowhere else.
    river = _feature(
        "Zangalsind", [], "river", float(gaz.lat[ork]), float(gaz.lon[ork]), 300.0, "Orakzai"
    )
    gc = Geocoder(with_rows(gaz, [valley, river]))
    return gc, valley


CASES = [
    # text, admin1, admin2, expected name (None: not the feature), class
    ("Tirah", "Khyber Pakhtunkhwa", "Khyber", "Tirah", "feature"),
    ("Tirah", None, None, "Tirah", "feature"),
    ("Tirah valley", "Khyber Pakhtunkhwa", "Khyber", "Tirah", "feature"),
    ("Tira valley", "Khyber Pakhtunkhwa", "Khyber", "Tirah", "feature"),
    ("Tirah area", "Khyber Pakhtunkhwa", "Orakzai", "Tirah", "feature"),
]


@pytest.mark.parametrize(("text", "admin1", "admin2", "want", "cls"), CASES)
def test_a_feature_beats_villages_spelled_like_it(setup, text, admin1, admin2, want, cls):
    gc, valley = setup
    m = gc.resolve(text, admin1=admin1, admin2=admin2)[0]
    assert (m.name, m.match_class) == (want, cls), m
    assert (m.lat, m.lon) == pytest.approx((valley["lat"], valley["lon"]), abs=1e-4)
    assert m.uncertainty_km >= valley["radius_km"] - 0.005  # its extent (rounded to 0.01 km)


def test_a_place_type_word_still_asks_for_the_village(setup):
    gc, valley = setup
    m = gc.resolve("Tirah village")[0]
    assert m.match_class in ("place_exact", "ambiguous"), m
    assert not np.isclose(m.lat, valley["lat"])


def test_another_name_is_not_answered_by_the_feature(setup):
    gc, _ = setup
    # the village "Tehra" is a name of its own: a valley spelled alike does not take it
    m = gc.resolve("Tehra")[0]
    assert m.match_class in ("place_exact", "ambiguous") and m.name != "Tirah", m


# -- hints bound spelling matches ----------------------------------------------------

HINTED_VARIANTS = [
    # name (removed from the index), admin1, admin2: only spelling variants remain,
    # some of them towns far away that carry a unit's name (Uthal, Bela, Jiwani, ...)
    ("Atiala", "Punjab", "Rawalpindi"),
    ("Bele", "Khyber Pakhtunkhwa", "Batagram"),
    ("Jiwan", "Punjab", "Lodhran"),
    ("Sarpal", "Balochistan", "Chagai"),
    ("Hidarabad", "Gilgit-Baltistan", "Hunza"),
]


@pytest.mark.parametrize(("name", "admin1", "admin2"), HINTED_VARIANTS)
def test_a_spelling_match_outside_the_hinted_province_is_not_taken(name, admin1, admin2):
    # the index without Who's On First villages (the holdout's), then without the name
    gaz, _ = wof_split(Gazetteer.load())
    gone = np.zeros(gaz.n, dtype=bool)
    gone[gaz.by_key.get(norm(name))] = True
    gone &= gaz.is_place
    gc = Geocoder(gaz.subset(~gone))
    m = gc.resolve(name, admin1=admin1, admin2=admin2)[0]
    assert m.admin1 == admin1, m


def test_a_unit_is_not_answered_by_a_feature_named_after_it(setup):
    gc, _ = setup
    # "Kurram" is the district (the Kurram River and villages share its name)
    m = gc.resolve("Kurram")[0]
    assert (m.name, m.match_class) == ("Kurram", "county"), m


def test_an_exact_feature_in_another_province_is_not_taken(setup):
    gc, _ = setup
    # the valley lies in Khyber Pakhtunkhwa; a "Tirah" hinted in Balochistan is
    # another place (the hinted district answers)
    m = gc.resolve("Tirah", admin1="Balochistan", admin2="Zhob")[0]
    assert m.match_class != "feature" and m.admin1 == "Balochistan", m


@pytest.mark.parametrize(
    ("text", "is_feature"),
    [
        ("Tirrah", False),  # spelled like the valley, no type word: not the valley
        ("Tirrah valley", True),  # the text says it is a valley
        ("Tirah", True),  # its own name
    ],
)
def test_a_feature_is_taken_by_its_own_names_or_when_the_text_names_its_kind(
    setup, text, is_feature
):
    gc, valley = setup
    m = gc.resolve(text)[0]
    assert (m.match_class == "feature" and m.name == "Tirah") is is_feature, m


def test_a_feature_coarser_than_the_hinted_district_gives_the_district(setup):
    gc, _ = setup
    bare = gc.resolve("Zangalsind")[0]
    assert (bare.match_class, bare.uncertainty_km) == ("feature", pytest.approx(300.0)), bare
    hinted = gc.resolve("Zangalsind", admin1="Khyber Pakhtunkhwa", admin2="Khyber")[0]
    assert hinted.match_class == "fallback_county" and hinted.admin2 == "Khyber", hinted
    assert hinted.uncertainty_km < 300.0


# -- real rows of the shipped features table ------------------------------------------

#: text, admin1, admin2, cited point (typed from the record named, not read from the
#: table or the code), the record's extent in km.  GeoNames 1446662 (Sipah, L.TRB)
#: and 1335912 (Khonia Khel, L.TRB) as printed on their geonames.org pages;
#: en.wikipedia "Tirah" ("33.73N 71.01E"), an area of some 600-700 sq mi; GeoNames
#: 1175491 (Kafir Kot, S.FT) and 1345487 (Tanderi, H.STMI).
SHIPPED_FEATURES = [
    ("Sipah area", "Khyber Pakhtunkhwa", "Khyber", (33.88778, 70.90833), 8.0),
    ("Sipah", "Khyber Pakhtunkhwa", "Khyber", (33.88778, 70.90833), 8.0),
    ("Khonia Khel area", "Khyber Pakhtunkhwa", "Bannu", (33.15139, 70.61250), 6.0),
    ("Tirah valley", "Khyber Pakhtunkhwa", "Khyber", (33.73, 71.01), 25.0),
    ("Tirah", "Khyber Pakhtunkhwa", "Orakzai", (33.73, 71.01), 25.0),
    ("Kafir Kot Fort", "Khyber Pakhtunkhwa", "Dera Ismail Khan", (32.50252, 71.33354), 1.5),
    ("Tanderi stream", "Khyber Pakhtunkhwa", "North Waziristan", (33.20005, 70.49649), 4.0),
]


@pytest.fixture(scope="module")
def shipped() -> Geocoder:
    return Geocoder(Gazetteer.load())


@pytest.mark.parametrize(("text", "admin1", "admin2", "point", "extent"), SHIPPED_FEATURES)
def test_a_shipped_area_resolves_to_its_cited_point_with_its_extent(
    shipped, text, admin1, admin2, point, extent
):
    from pyproj import Geod

    m = shipped.resolve(text, admin1=admin1, admin2=admin2)[0]
    assert m.match_class == "feature", m
    _, _, d = Geod(ellps="WGS84").inv(point[1], point[0], m.lon, m.lat)
    assert d / 1000.0 <= 1.0, (m, d)
    # the radius covers the area, not only its point
    assert m.uncertainty_km >= extent - 1e-3, m


@pytest.mark.parametrize("text", ["Marriabad", "Mariabad", "Alamdar Road", "Mari Abad"])
def test_a_shipped_neighbourhood_is_a_place_in_its_city(shipped, text):
    from pyproj import Geod

    # en.wikipedia "Mari Abad" infobox: 30.181174, 67.033081 (a part of Quetta)
    m = shipped.resolve(text, admin1="Balochistan", admin2="Quetta")[0]
    assert m.match_class.startswith("place_"), m
    _, _, d = Geod(ellps="WGS84").inv(67.033081, 30.181174, m.lon, m.lat)
    assert d / 1000.0 <= 0.5, (m, d)
    assert m.uncertainty_km >= d / 1000.0
