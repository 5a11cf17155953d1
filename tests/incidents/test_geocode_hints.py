"""Admin hints as sources write them: legacy unit names, divisions, tehsils and
towns named where a district is asked for, and hints that disagree with the
shipped polygons.

Expected units are written from the administrative history of Pakistan (the
Wikipedia articles on the former FATA agencies and Frontier Regions, merged into
Khyber Pakhtunkhwa by the 25th Amendment in 2018, and on the divisions of Khyber
Pakhtunkhwa and Balochistan), never computed by the geocoder.
"""

from __future__ import annotations

import numpy as np
import pytest

from incidents._gazetteer import haversine_km
from incidents.geocode import Geocoder


@pytest.fixture(scope="module")
def gc() -> Geocoder:
    return Geocoder.default()


@pytest.mark.parametrize(
    ("written", "district"),
    [
        ("FR Bannu", "Bannu"),
        ("F.R. Kohat", "Kohat"),
        ("Frontier Region Tank", "Tank"),
        ("Tribal Area adjoining Kohat", "Kohat"),
        ("Tribal Areas adjacent to Lakki Marwat", "Lakki Marwat"),
        ("TA adj Dera Ismail Khan", "Dera Ismail Khan"),
        ("Khyber Agency", "Khyber"),
        ("Agency Kurram", "Kurram"),
        ("Orakzai Tribal District", "Orakzai"),
        ("Mohmand Agency", "Mohmand"),
        ("NWA", "North Waziristan"),
        ("SWA", "South Waziristan"),
    ],
)
def test_legacy_unit_names_are_their_district(gc, written, district):
    assert gc.admin_unit(written, level="admin2") == [district]


@pytest.mark.parametrize(
    ("division", "districts"),
    [
        (
            "Malakand Division",
            {
                "Bajaur",
                "Buner",
                "Lower Chitral",
                "Upper Chitral",
                "Lower Dir",
                "Upper Dir",
                "Malakand",
                "Shangla",
                "Swat",
            },
        ),
        ("Makran Division", {"Gwadar", "Kech", "Panjgur"}),
        ("Bannu Division", {"Bannu", "Lakki Marwat", "North Waziristan"}),
        ("Dera Ismail Khan Division", {"Dera Ismail Khan", "Tank", "South Waziristan"}),
    ],
)
def test_a_division_is_its_districts(gc, division, districts):
    assert set(gc.admin_unit(division, level="admin2")) == districts


def test_a_division_is_not_its_namesake_district(gc):
    # "Malakand" is a district; "Malakand Division" nine of them
    assert gc.admin_unit("Malakand", level="admin2") == ["Malakand"]
    assert len(gc.admin_unit("Malakand Division", level="admin2")) == 9


def test_fallback_to_a_division_covers_all_its_districts(gc):
    m = gc.resolve("Qqqxyz", admin2="Makran Division", admin1="Balochistan")[0]
    assert m.match_class == "fallback_county"
    # the three district seats (Wikipedia coordinates): Gwadar 25.126N 62.322E,
    # Turbat 26.004N 63.050E, Panjgur 26.964N 64.094E
    for lat, lon in ((25.126, 62.322), (26.004, 63.050), (26.964, 64.094)):
        assert haversine_km(m.lat, m.lon, lat, lon) <= m.uncertainty_km
    # answered from the middle unit, not from the first listed
    assert m.admin2 == "Kech"


@pytest.mark.parametrize(
    ("tehsil", "district"),
    [("Landi Kotal", "Khyber"), ("Mir Ali", "North Waziristan"), ("Wana", "South Waziristan")],
)
def test_tehsil_given_as_district(gc, tehsil, district):
    assert gc.admin_unit(tehsil, level="admin2") == [district]


@pytest.mark.parametrize(
    ("town", "admin1", "district"),
    [("Parachinar", None, "Kurram"), ("Mingora", "Khyber Pakhtunkhwa", "Swat")],
)
def test_town_given_as_district_is_its_district(gc, town, admin1, district):
    assert gc.admin_unit(town, level="admin2", admin1=admin1) == [district]


def test_province_name_as_district_is_not_split(gc):
    # "Kashmir" alone would be a spelling variant of Kashmore (Sindh), 700 km away
    assert gc.admin_unit("Azad Jammu & Kashmir", level="admin2") == []
    m = gc.resolve("Qqqxyz", admin2="Azad Jammu & Kashmir", country="PK")[0]
    assert m.admin2 != "Kashmore"


def test_a_village_in_the_hint_stays_found_with_legacy_hints(gc):
    # Sadda, Lower Kurram: 33.70N 70.33E (en.wikipedia.org/wiki/Sadda)
    m = gc.resolve("Sadda", admin1="FATA", admin2="Kurram Agency")[0]
    assert m.admin2 == "Kurram"
    assert haversine_km(m.lat, m.lon, 33.70, 70.33) <= 10


def test_fallback_radius_reaches_an_exact_name_place_just_outside_the_hint(gc):
    """A source's district can be an older or neighbouring unit: the place named
    exactly just outside the hinted district is not taken (a village of the name
    elsewhere is a namesake as often as not), but the radius must reach it."""
    g = gc.gazetteer
    # a shipped village whose name is unique in the country, queried with a
    # neighbouring district: find one from the gazetteer's own rows
    rows = np.flatnonzero((g.kind == "locality") & (g.country == "PK") & ~g.is_town)
    checked = 0
    for r in rows[::997]:
        key = str(g.name[r])
        if len(g.by_key.get(key.lower())) != 1 or not key.isascii():
            continue
        counties = g.rows_of_kind("county")
        same_province = g.admin1[counties] == g.admin1[r]
        counties = counties[same_province & (g.admin2[counties] != g.admin2[r])]
        if not len(counties):
            continue
        d = haversine_km(g.lat[r], g.lon[r], g.lat[counties], g.lon[counties])
        edge = d - g.radius95_km[counties]  # how far beyond each district's reach
        i = int(np.argmin(edge))
        u, beyond = int(counties[i]), float(edge[i])
        if not 10 < beyond < 60:
            continue
        m = gc.resolve(key, admin1=str(g.admin1[r]), admin2=str(g.admin2[u]))[0]
        if m.match_class != "fallback_county":
            continue
        checked += 1
        assert haversine_km(m.lat, m.lon, g.lat[r], g.lon[r]) <= m.uncertainty_km
        if checked >= 5:
            break
    assert checked >= 3


# ---------------------------------------------------------------- admin3 (tehsil)


def test_admin3_tehsil_answers_a_fallback(gc):
    district = gc.resolve("Qqqxyz", admin1="Khyber Pakhtunkhwa", admin2="North Waziristan")[0]
    tehsil = gc.resolve(
        "Qqqxyz", admin1="Khyber Pakhtunkhwa", admin2="North Waziristan", admin3="Mir Ali"
    )[0]
    assert district.match_class == "fallback_county"
    assert tehsil.match_class == "fallback_tehsil"
    assert tehsil.uncertainty_km < district.uncertainty_km
    # Mir Ali town, the tehsil's seat: 32.98N 70.27E (en.wikipedia.org/wiki/Mir_Ali)
    assert haversine_km(tehsil.lat, tehsil.lon, 32.98, 70.27) <= tehsil.uncertainty_km


def test_admin3_of_another_district_is_not_taken(gc):
    # Tump is a tehsil of Kech (Balochistan), not of Kurram
    m = gc.resolve("Qqqxyz", admin1="Khyber Pakhtunkhwa", admin2="Kurram", admin3="Tump")[0]
    assert m.admin2 == "Kurram"
    assert m.match_class == "fallback_county"


def test_admin3_alone_gives_its_district(gc):
    m = gc.resolve("Qqqxyz", admin1="Khyber Pakhtunkhwa", admin3="Landi Kotal")[0]
    assert m.match_class == "fallback_tehsil"
    assert m.admin2 == "Khyber"


def test_admin3_picks_the_namesake_inside_the_tehsil(gc):
    """Two villages of one name in one district: the tehsil polygon (shapely,
    not the geocoder) that holds each decides which one a tehsil hint means."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from geocode_eval import tehsil_of

    g = gc.gazetteer
    rows = np.flatnonzero((g.kind == "locality") & (g.country == "PK"))
    rows = rows[[str(g.name[r]).isascii() for r in rows]]
    checked = 0
    seen: set[str] = set()
    for r in rows[::37]:
        key = str(g.name[r]).lower()
        if key in seen:
            continue
        seen.add(key)
        same = g.by_key.get(key)
        same = same[(g.kind[same] == "locality") & (g.admin2[same] == g.admin2[r])]
        if len(same) != 2:
            continue
        a, b = (int(x) for x in same)
        ta, tb = tehsil_of(g.lat[[a, b]], g.lon[[a, b]])
        if ta is None or tb is None or ta == tb:
            continue
        if haversine_km(g.lat[a], g.lon[a], g.lat[b], g.lon[b]) < 25:
            continue
        for row, t in ((a, ta), (b, tb)):
            m = gc.resolve(str(g.name[row]), admin2=str(g.admin2[row]), admin3=t)[0]
            assert haversine_km(m.lat, m.lon, g.lat[row], g.lon[row]) < 1.0, (g.name[row], t)
        checked += 1
        if checked >= 5:
            break
    assert checked >= 3


def test_geocode_reads_an_admin3_column(gc):
    import pandas as pd

    from incidents.geocode import geocode

    df = pd.DataFrame(
        {
            "location": ["Qqqxyz", "Qqqxyz"],
            "admin1": ["Khyber Pakhtunkhwa"] * 2,
            "admin2": ["North Waziristan"] * 2,
            "admin3": ["Razmak", None],
        }
    )
    out = geocode(df, geocoder=gc)
    assert out["uncertainty_km"].iloc[0] < out["uncertainty_km"].iloc[1]
    assert out["matched_name"].iloc[0] == "Razmak"


def test_admin3_of_a_district_split_off_the_hinted_one(gc):
    # Astore was a tehsil of Diamer district until it became a district (2004):
    # a source's old district with the tehsil names the tehsil, not the district
    both = gc.resolve("Qqqxyz", admin1="Gilgit-Baltistan", admin2="Diamer", admin3="Astore")[0]
    district = gc.resolve("Qqqxyz", admin1="Gilgit-Baltistan", admin2="Diamer")[0]
    assert both.match_class == "fallback_tehsil"
    assert both.admin2 == "Astore"
    assert both.uncertainty_km < district.uncertainty_km
    # a tehsil far from the hinted district is still not taken
    far = gc.resolve("Qqqxyz", admin1="Khyber Pakhtunkhwa", admin2="Peshawar", admin3="Mir Ali")[0]
    assert far.match_class == "fallback_county"
    assert far.admin2 == "Peshawar"


@pytest.mark.parametrize(
    ("written", "district"),
    [
        # OCHA writes Karachi's districts city last or first
        ("Central Karachi", "Karachi Central"),
        ("South Karachi", "Karachi South"),
        ("Korangi Karachi", "Korangi"),
        ("Malir Karachi", "Malir"),
        ("Kohistan Upper", "Upper Kohistan"),
        ("Waziristan North", "North Waziristan"),
        # unchanged: the names as shipped
        ("Karachi Central", "Karachi Central"),
        ("North Waziristan", "North Waziristan"),
    ],
)
def test_district_words_in_another_order_or_with_their_city(gc, written, district):
    assert gc.admin_unit(written, level="admin2") == [district]


def test_a_city_word_with_a_type_word_keeps_its_district(gc):
    # "District" between the city and the part: the part's district, not one named
    # by dropping a word
    # (and Korangi, cut from Karachi East in 2013: the alias table's older district)
    assert gc.admin_unit("Karachi District East", level="admin2") == ["Karachi East", "Korangi"]


@pytest.mark.parametrize(
    ("written", "units"),
    [
        # a district before a split names both parts (events coded before the split)
        ("Karachi West", ["Karachi West", "Keamari"]),  # Keamari cut from it in 2020
        ("Karachi East", ["Karachi East", "Korangi"]),  # Korangi in 2013
        ("Jaffarabad", ["Jaffarabad", "Sohbatpur"]),  # Sohbatpur in 2013
        ("Loralai", ["Loralai", "Duki"]),
        # the part names only itself
        ("Keamari", ["Keamari"]),
        ("Korangi", ["Korangi"]),
        # a district newer than the shipped layer: found as the tehsil of its name, in
        # the district it was cut from
        ("Talagang", ["Chakwal"]),
        ("Murree", ["Rawalpindi"]),
        ("Kot Addu", ["Muzaffargarh"]),
    ],
)
def test_districts_split_after_the_coding(gc, written, units):
    assert sorted(gc.admin_unit(written, level="admin2")) == sorted(units)


# Coordinates from the Wikipedia articles "Kalat, Pakistan" and "Qalat, Afghanistan".
_KALAT_PK = (29.0258, 66.5936)
_QALAT_AF = (32.1058, 66.9083)


@pytest.mark.parametrize(
    ("written", "admin1", "truth"),
    [
        ("Qalat", "Balochistan", _KALAT_PK),
        ("Qalat town", "Balochistan", _KALAT_PK),
        ("Kalat", "Zabul", _QALAT_AF),
        ("Qalat", "Zabul", _QALAT_AF),
        ("Kalat", "Balochistan", _KALAT_PK),
    ],
)
def test_a_town_spelled_alike_inside_the_hint_beats_the_exact_name_outside(
    gc, written, admin1, truth
):
    # "Qalat" is written for Kalat in Balochistan as often as for Qalat in Zabul:
    # the province the source names decides, not which one the index spells alike
    m = gc.resolve(written, admin1=admin1)[0]
    assert m.admin1 == admin1
    assert float(haversine_km(m.lat, m.lon, *truth)) < 10


@pytest.mark.parametrize(
    ("written", "districts"),
    [
        ("Malakand Division", {"Lower Dir", "Swat", "Bajaur"}),
        ("the Dera Ismail Khan division", {"Dera Ismail Khan", "Tank"}),
        ("Makran division", {"Kech", "Gwadar", "Panjgur"}),
    ],
)
def test_a_division_named_as_the_place_covers_its_districts(gc, written, districts):
    # a division (the districts listed under it in the alias table) is not the town
    # it is named after: the answer's radius reaches every one of its districts
    m = gc.resolve(written)[0]
    g = gc.gazetteer
    for d in districts:
        (row,) = [r for r in g.by_key.get(d.lower()) if g.kind[r] == "county"][:1]
        assert float(haversine_km(m.lat, m.lon, g.lat[row], g.lon[row])) <= m.uncertainty_km


def test_the_one_place_of_the_name_at_the_hinted_districts_edge_answers(gc):
    """A coder's district and the shipped polygon disagree along their edges: the
    one place of the exact name at most EDGE_KM outside the hinted district is the
    place meant, with the radius of a hinted place plus that distance; never a place
    across the frontier (its side is what the tool measures)."""
    # Pul-e-Charkhi lies in Bagrami, 0.3 km outside the shipped Kabul district
    m = gc.resolve("Pul-e-Charkhi", admin1="Kabul", admin2="Kabul")[0]
    assert m.name == "Pul-e Charkhi Kuhnah" and m.admin2 == "Bagrami"
    assert "outside the hinted district Kabul" in str(m.reason)
    assert m.uncertainty_km <= 25
    # Laman in Barmal (Paktika): the gazetteer's Laman 2.8 km away lies in Pakistan
    m = gc.resolve("Laman", admin1="Paktika", admin2="Barmal")[0]
    assert m.match_class == "fallback_county" and m.country == "AF"
