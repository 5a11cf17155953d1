"""Tests of the offline geocoder (:mod:`incidents.geocode`).

Reference coordinates are cited where they are used: the shipped crossings table
(Wikipedia infobox coordinates, ``geo/data/crossings.csv``), PROVENANCE.md section 5
(Who's On First / GeoNames records) and the shipped gazetteer itself.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from incidents._gazetteer import Gazetteer, haversine_km
from incidents._grammar import strip_qualifiers
from incidents._names import norm, skeleton
from incidents.errors import GeocodeError
from incidents.geocode import Geocoder, Match, geocode
from incidents.schema import GEOCODE, GEOCODE_METHODS


@pytest.fixture(scope="module")
def gc() -> Geocoder:
    return Geocoder.default()


@pytest.fixture(scope="module")
def gaz(gc: Geocoder) -> Gazetteer:
    return gc.gazetteer


def km(m: Match, lat: float, lon: float) -> float:
    return float(haversine_km(m.lat, m.lon, lat, lon))


def one(gc: Geocoder, text, **hints) -> Match:
    ms = gc.resolve(text, **hints)
    assert len(ms) == 1, ms
    return ms[0]


# -- names ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Angoor Adda", "Angur Ada"),
        ("Spin Boldak", "Spīn Bōldak"),
        ("Miranshah", "Miran Shah"),
        ("Torkham", "Torkhum"),
        ("Paktika", "Paktīkā"),
        ("Khost", "Khowst"),
        ("Bahramcha", "Baramcha"),
    ],
)
def test_skeleton_joins_transliteration_variants(a, b):
    assert skeleton(norm(a)) == skeleton(norm(b))


def test_qualifiers_are_split_off():
    assert strip_qualifiers(norm("Kurram agency")) == ("kurram", frozenset({"admin2"}), False)
    assert strip_qualifiers(norm("near Chaman")) == ("chaman", frozenset(), True)
    assert strip_qualifiers(norm("Nangarhar province"))[1] == frozenset({"admin1"})
    assert strip_qualifiers(norm("Kabul city"))[:2] == ("kabul", frozenset({"place"}))
    # a text that is only a qualifier stays a name
    assert strip_qualifiers("district")[0] == "district"


# -- spelling variants against cited coordinates ----------------------------------------

# (text, lat, lon, citation)
CITED = [
    ("Torkham", 34.11472, 71.08472, "crossings.csv: Wikipedia Torkham border crossing"),
    ("Torkhum", 34.11472, 71.08472, "same"),
    ("Tūrkham", 34.11472, 71.08472, "same"),
    ("Chaman", 30.918079, 66.460704, "PROVENANCE.md s.5: WOF Chaman"),
    ("Angoor Adda", 32.51556, 69.2825, "crossings.csv: Wikipedia Angur Ada"),
    ("Angur Ada", 32.51556, 69.2825, "same"),
    ("Angoor Ada", 32.51556, 69.2825, "same"),
    ("Khyber Pass", 34.098391, 71.09783, "PROVENANCE.md s.5: Natural Earth Khyber Pass"),
    ("Ghulam Khan", 33.13302, 70.03472, "PROVENANCE.md s.5: WOF Ghulam Khan"),
    ("Kharlachi", 33.82796, 69.96477, "PROVENANCE.md s.5: WOF Kharlachi Kili"),
    ("Arandu", 35.31025, 71.54929, "PROVENANCE.md s.5: WOF Arandu"),
    ("Baramcha", 29.42086, 64.01489, "PROVENANCE.md s.5: WOF Bahram Chah"),
    ("Bahramcha", 29.42086, 64.01489, "same"),
    ("Badini", 31.52097, 67.84931, "PROVENANCE.md s.5: WOF Badini"),
]
# GeoNames records (geonameid, latitude, longitude as in the GeoNames cities500 extract,
# PROVENANCE.md section 5) queried with other spellings.
GEONAMES_CITED = [
    ("Spin Boldak", 31.00575, 66.40001, "GeoNames 1123906 Spīn Bōldak"),
    ("Spīn Bōldak", 31.00575, 66.40001, "GeoNames 1123906"),
    ("Speen Boldak", 31.00575, 66.40001, "GeoNames 1123906"),
    ("Parachinar", 33.89968, 70.10012, "GeoNames 1168394 Parachinar"),
    ("Para Chinar", 33.89968, 70.10012, "GeoNames 1168394"),
    ("Wana", 32.29889, 69.5725, "GeoNames 1162634 Wana"),
    ("Landi Kotal", 34.0988, 71.14108, "GeoNames 1172208 Landi Kotal"),
    ("Landikotal", 34.0988, 71.14108, "GeoNames 1172208"),
    ("Jalālābād", 34.42647, 70.45153, "GeoNames 1139715 Jalālābād"),
    ("Jelalabad", 34.42647, 70.45153, "GeoNames 1139715"),
    ("Khowst", 33.33951, 69.92041, "GeoNames 1136469 Khōst"),
    ("Asadabad", 34.87311, 71.14697, "GeoNames 1148311 Asadābād"),
    ("Zhob", 31.34082, 69.4493, "GeoNames 1162105 Zhob"),
    ("Datta Khel", 32.90849, 69.74477, "GeoNames 1109262 Datta Khel"),
    ("Bannu town", 32.98527, 70.60403, "GeoNames 1183460 Bannu"),
    ("Quetta city", 30.18414, 67.00141, "GeoNames 1167528 Quetta"),
    ("Peshawar", 34.008, 71.57849, "GeoNames 1168197 Peshawar"),
]


@pytest.mark.parametrize(("text", "lat", "lon", "cite"), CITED)
def test_cited_places_within_25km(gc, text, lat, lon, cite):
    m = one(gc, text)
    assert m.method in ("crossing", "gazetteer"), m
    assert km(m, lat, lon) <= 25.0, (m, cite)
    assert km(m, lat, lon) <= m.uncertainty_km + 1.0


@pytest.mark.parametrize(("text", "lat", "lon", "cite"), GEONAMES_CITED)
def test_geonames_places_within_25km_and_covered(gc, text, lat, lon, cite):
    m = one(gc, text)
    assert km(m, lat, lon) <= 25.0, (m, cite)
    assert km(m, lat, lon) <= m.uncertainty_km, (m, cite)


# -- qualifiers, lists ------------------------------------------------------------------


def test_qualifiers(gc):
    m = one(gc, "Kurram agency")
    assert (m.method, m.name, m.precision) == ("admin2", "Kurram", 2)
    m = one(gc, "Bajaur district")
    assert (m.method, m.name) == ("admin2", "Bajaur")
    m = one(gc, "Nangarhar province")
    assert (m.method, m.name, m.precision) == ("admin1", "Nangarhar", 3)
    m = one(gc, "Kabul city")
    assert m.method == "gazetteer" and m.precision == 1
    assert km(m, 34.5281, 69.1723) < 5  # Kabul PPLC (GeoNames)
    m = one(gc, "Kandahar town")
    assert m.method == "gazetteer" and m.admin1 == "Kandahar"
    plain = one(gc, "Chaman")
    near = one(gc, "near Chaman")
    assert near.precision == 2
    assert near.uncertainty_km == pytest.approx(plain.uncertainty_km + 10.0)
    m = one(gc, "Barmal district")
    assert (m.method, m.name) == ("admin2", "Barmal")


def test_village_in_named_district_falls_back_to_the_district(gc):
    for text in ("Khandaro village, Urgun district", "Urgun (Argun) district, Khandaro village"):
        m = one(gc, text)
        assert (m.method, m.name, m.precision) == ("admin2", "Urgun", 2)
        assert "fell back" in m.reason


def test_lists_give_one_match_per_place(gc):
    ms = gc.resolve("Khost; Jalalabad")
    assert [m.name for m in ms] == ["Khōst", "Jalalabad"]
    ms = gc.resolve("Nangarhar and Kunar provinces")
    assert [(m.name, m.method) for m in ms] == [("Nangarhar", "admin1"), ("Kunar", "admin1")]
    ms = gc.resolve("Torkham crossing; Chaman crossing")
    assert [m.method for m in ms] == ["crossing", "crossing"]
    ms = gc.resolve("Kandahar, Zabul, Paktika, Khost (provinces)")
    assert [m.method for m in ms] == ["admin1"] * 4
    # a province after a town in it is context, not a second place
    ms = gc.resolve("Kabul city, Kabul province")
    assert len(ms) == 1 and ms[0].method == "gazetteer"


def test_countries_and_foreign_venues(gc):
    m = one(gc, "Afghanistan")
    assert (m.method, m.country, m.precision) == ("country", "AF", 3)
    assert m.uncertainty_km > 500
    assert one(gc, "Pakistani").country == "PK"
    m = one(gc, "Doha (talks venue)", country="Qatar")
    assert m.country == "other" and km(m, 25.2854, 51.5310) < 1
    m = one(gc, "Istanbul")
    assert m.country == "other" and km(m, 41.0082, 28.9784) < 1


# -- hints ------------------------------------------------------------------------------


def _same_name_pair(gaz: Gazetteer) -> tuple[str, int, int]:
    """A name carried by two equally unimportant villages > 100 km apart in
    different districts (found in the gazetteer, deterministic)."""
    for key in sorted(gaz.by_key.slot)[::7]:
        rows = gaz.by_key.get(key)
        if len(rows) != 2 or len(key) < 6 or " " in key:
            continue
        a, b = (int(r) for r in rows)
        if not (gaz.kind[a] == gaz.kind[b] == "locality") or gaz.importance[a] != 1.0:
            continue
        if gaz.importance[b] != 1.0 or not gaz.admin2[a] or not gaz.admin2[b]:
            continue
        if gaz.admin2[a] == gaz.admin2[b] or gaz.admin1[a] == gaz.admin1[b]:
            continue
        if haversine_km(gaz.lat[a], gaz.lon[a], gaz.lat[b], gaz.lon[b]) > 100:
            return key, a, b
    raise AssertionError("no same-name pair found")


def test_hints_choose_between_same_named_places(gc, gaz):
    key, a, b = _same_name_pair(gaz)
    for row in (a, b):
        m = one(gc, key, admin2=gaz.admin2[row])
        assert km(m, gaz.lat[row], gaz.lon[row]) < 1, (key, m)
        assert not m.ambiguous
        m = one(gc, key, admin1=gaz.admin1[row])
        assert km(m, gaz.lat[row], gaz.lon[row]) < 1
    m = one(gc, key)
    assert m.ambiguous and m.candidates == 2


def test_hint_spellings(gc):
    m = one(gc, "Zzznowhere", admin2="Kurram Agency", admin1="KPK")
    assert (m.method, m.name) == ("admin2", "Kurram")
    m = one(gc, "Zzznowhere", admin1="Paktiya province")
    assert (m.method, m.name) == ("admin1", "Paktia")
    m = one(gc, "Zzznowhere", country="PAK")
    assert (m.method, m.country) == ("country", "PK")
    assert one(gc, "Zzznowhere").method == "unresolved"


@pytest.mark.parametrize(
    ("admin1", "admin2"),
    [
        ("Khyber Pakhtunkhwa", "Kurram"),
        ("Khyber Pakhtunkhwa", "Bajaur"),
        ("Khyber Pakhtunkhwa", "North Waziristan"),
        ("Paktika", "Barmal"),
        ("Kandahar", "Spin Boldak"),
        ("Paktika", None),
        ("Nangarhar", None),
        ("Balochistan", None),
    ],
)
def test_fallback_radius_covers_95_percent_of_the_units_villages(gc, gaz, admin1, admin2):
    m = one(gc, "Qqqxx village", admin1=admin1, admin2=admin2)
    assert m.method == ("admin2" if admin2 else "admin1")
    assert "fell back" in m.reason
    inside = (gaz.admin2 == admin2) if admin2 else (gaz.admin1 == admin1)
    inside &= gaz.is_place
    assert inside.sum() > 20
    d = haversine_km(m.lat, m.lon, gaz.lat[inside], gaz.lon[inside])
    # 0.1 km: coordinates and radii are stored as float32, radii rounded to 10 m
    assert np.mean(d <= m.uncertainty_km + 0.1) >= 0.95, (np.percentile(d, 95), m)
    assert m.uncertainty_km < d.max() + 1e-3  # not the whole unit's farthest corner


# -- junk -------------------------------------------------------------------------------


JUNK = [
    None,
    math.nan,
    pd.NA,
    12345,
    3.5,
    "",
    "   ",
    "x" * 100_000,
    ["Kabul"],
    "🙂🙂",
    "۱۲۳",
    "-",
    "??",
]


@pytest.mark.parametrize("value", JUNK, ids=range(len(JUNK)))
def test_junk_text_never_raises(gc, value):
    ms = gc.resolve(value, admin1=value, admin2=value, country=value)
    assert len(ms) >= 1
    assert all(m.method in GEOCODE_METHODS for m in ms)
    if ms[0].method == "unresolved":
        assert ms[0].reason


def test_long_text_work_is_capped(gc):
    ms = gc.resolve("; ".join(["Kabul"] * 5000))
    assert 1 <= len(ms) <= 12


# -- the table step ---------------------------------------------------------------------


def _table(**cols) -> pd.DataFrame:
    n = len(next(iter(cols.values())))
    base = {
        "incident_id": [f"I{i}" for i in range(n)],
        "location": [None] * n,
        "admin1": [None] * n,
        "admin2": [None] * n,
        "country": [None] * n,
        "latitude": [np.nan] * n,
        "longitude": [np.nan] * n,
        "source_row": list(range(n)),
        "review_flags": [""] * n,
    }
    base.update(cols)
    return pd.DataFrame(base)


def test_geocode_columns_and_values(gc):
    df = _table(location=["Torkham", "Zzznowhere", None], admin2=[None, "Bajaur", None])
    out = geocode(df, geocoder=gc)
    for col, dtype in GEOCODE.items():
        assert str(out[col].dtype) == dtype
    assert out["geocode_method"].tolist() == ["crossing", "admin2", "unresolved"]
    assert out["latitude"].iloc[0] == pytest.approx(34.11472, abs=1e-4)
    assert out["review_flags"].tolist() == ["", "geocode_fallback", "geocode_unresolved"]
    assert df["latitude"].isna().all()  # input untouched


def test_input_coordinate_checks(gc):
    df = _table(
        location=["Torkham", "Torkham", "Torkham", "Torkham", "Torkham", "Torkham"],
        latitude=[34.1, 71.08472, 0.0, 120.0, 30.9, "abc"],
        longitude=[71.1, 34.11472, 0.0, 70.0, 66.4, 70.0],
        input_geo_precision=[2, None, None, None, None, None],
    )
    out = geocode(df, geocoder=gc)
    f = out["review_flags"].tolist()
    assert out["geocode_method"].tolist() == [
        "input",
        "input",
        "crossing",
        "crossing",
        "input",
        "crossing",
    ]
    assert f[0] == "" and out["geo_precision"].iloc[0] == 2
    assert out["uncertainty_km"].iloc[0] == 25.0
    assert f[1] == "coords_swapped"
    assert (out["latitude"].iloc[1], out["longitude"].iloc[1]) == (34.11472, 71.08472)
    assert "swapped" in out["geocode_note"].iloc[1]
    assert f[2] == "coords_zero" and out["latitude"].iloc[2] == pytest.approx(34.11472, 1e-4)
    assert f[3] == "coords_out_of_range"
    assert f[4] == "coords_far_from_place"  # Chaman point, Torkham text
    assert out["latitude"].iloc[4] == 30.9  # checked, not overridden
    assert f[5] == "coords_invalid"


def test_multi_first_and_explode_account_for_every_row(gc):
    df = _table(location=["Khost; Jalalabad", "Chaman", 42, None])
    first = geocode(df, geocoder=gc)
    assert len(first) == 4 and first["source_row"].tolist() == [0, 1, 2, 3]
    assert first["review_flags"].iloc[0] == "multiple_places"
    assert first["other_places"].iloc[0] == "Jalalabad"
    assert "location_not_text" in first["review_flags"].iloc[2]
    ex = geocode(df, geocoder=gc, multi="explode")
    assert ex["source_row"].tolist() == [0, 0, 1, 2, 3]
    assert ex["incident_id"].tolist() == ["I0-1", "I0-2", "I1", "I2", "I3"]
    assert ex["matched_name"].iloc[:2].tolist() == ["Khōst", "Jalalabad"]


def test_geocode_resolves_each_distinct_string_once(gc, monkeypatch):
    calls = []
    real = gc.resolve

    def spy(text, **kw):
        calls.append(text)
        return real(text, **kw)

    monkeypatch.setattr(gc, "resolve", spy)
    df = _table(location=["Wana", "Chaman", "Wana", "Wana"] * 50)
    out = geocode(df, geocoder=gc)
    assert sorted(calls) == ["Chaman", "Wana"]
    assert (out["matched_name"] == "Wana").sum() == 150


def test_geocode_rejects_bad_arguments(gc):
    with pytest.raises(GeocodeError, match="DataFrame"):
        geocode([1, 2], geocoder=gc)
    with pytest.raises(GeocodeError, match="multi must be 'first' or 'explode', got 'all'"):
        geocode(_table(location=["Wana"]), geocoder=gc, multi="all")


def test_geocode_on_missing_columns_and_junk_rows(gc):
    df = pd.DataFrame({"location": JUNK})
    out = geocode(df, geocoder=gc)
    assert len(out) == len(JUNK)
    assert out["source_row"].tolist() == list(range(len(JUNK)))
    assert out["geocode_method"].isin(GEOCODE_METHODS).all()
    assert (out["geocode_method"] == "unresolved").sum() >= 10


# -- text scanner -----------------------------------------------------------------------


def test_find_mentions(gc):
    text = "Pakistani forces shelled Angoor Adda and Spin Boldak on Friday, officials said."
    ms = gc.find_mentions(text)
    found = {m.text: m for m in ms}
    assert {"Angoor Adda", "Spin Boldak"} <= set(found)
    m = found["Angoor Adda"]
    assert text[m.start : m.end] == "Angoor Adda"
    assert m.candidates[0].method == "crossing"
    assert "Friday" not in found
    assert gc.find_mentions(None) == []
    assert "torkham" in gc.lookup_names()


# -- the shipped gazetteer --------------------------------------------------------------


def test_shipped_gazetteer(gaz):
    kinds = pd.Series(gaz.kind).value_counts()
    assert kinds["locality"] > 150_000
    assert kinds["crossing"] == 8
    assert kinds["region"] == 41 and kinds["country"] == 2
    assert kinds["county"] >= 554 and kinds["tehsil"] == 577
    assert np.isfinite(gaz.lat).all() and np.isfinite(gaz.lon).all()
    admin = np.isin(gaz.kind, ["county", "region", "country", "tehsil", "crossing"])
    assert (gaz.radius_km[admin] > 0).all()
    assert Geocoder.default() is Geocoder.default()


@pytest.mark.parametrize("name", ["South Waziristan", "North Waziristan", "Upper Orakzai"])
def test_an_admin_unit_is_not_answered_by_a_neighbour_carrying_its_name(name):
    # Who's On First lists "South Waziristan" among North Waziristan's alternate names
    (m,) = Geocoder.default().resolve(name)
    assert m.name == name
    assert not m.ambiguous


def test_a_district_hint_outside_the_province_hint_is_ignored():
    # "Sharana" (Paktika's capital; the district is "Sharan") is one edit from the
    # Ghor district Shahrak, 430 km away; the province hint must win over that reading.
    (m,) = Geocoder.default().resolve(
        "Sharana", admin1="Paktika", admin2="Sharana", country="Afghanistan"
    )
    assert m.admin1 == "Paktika"
    # GeoNames 8534261 "Sharan" (cities500): 33.1757 N, 68.7305 E
    assert abs(m.lat - 33.2) < 0.25 and abs(m.lon - 68.73) < 0.25


# -- admin-level discipline and the alias table ---------------------------------------


@pytest.mark.parametrize(
    ("value", "level", "want"),
    [
        ("KPK", "admin1", ["Khyber Pakhtunkhwa"]),
        ("NWFP", "admin1", ["Khyber Pakhtunkhwa"]),
        ("Federally Administered Tribal Areas", "admin1", ["Khyber Pakhtunkhwa"]),
        ("Azad Jammu & Kashmir", "admin1", ["Azad Jammu & Kashmir"]),
        ("Azad Kashmir", "admin1", ["Azad Jammu & Kashmir"]),
        ("Khost (Matun)", "admin2", ["Khost(Matun)"]),
        ("Khost(Matun)", "admin2", ["Khost(Matun)"]),
        ("Mohmand Dara", "admin2", ["Muhmand Dara"]),
        ("Naray", "admin2", ["Nari"]),
        ("Zazai Maidan", "admin2", ["Jaji Maidan"]),
        ("Achin", "admin2", ["Acheen"]),
        ("Kurram Agency", "admin2", ["Kurram"]),
        ("FR Peshawar", "admin2", ["Peshawar"]),
        ("Dir", "admin2", ["Lower Dir", "Upper Dir"]),
        # district names of Afghan news (admin_aliases.csv cites the Wikipedia articles)
        ("Haska Mina", "admin2", ["Deh Bala"]),
        ("Haska Meyna", "admin2", ["Deh Bala"]),
        ("Ghani Khel", "admin2", ["Shinwar"]),
        ("Ghanikhil", "admin2", ["Shinwar"]),
        ("Yaqubi", "admin2", ["Sabri"]),
        ("Aryob Zazi", "admin2", ["Ali Khail (Jaji)"]),
        ("Aryub Zazai", "admin2", ["Ali Khail (Jaji)"]),
        ("Khewa", "admin2", ["Kuz Kunar"]),
        ("Ismail Khel Mandozai", "admin2", ["Mando Zayi"]),
        ("Ismail Khel and Mandozai", "admin2", ["Mando Zayi"]),
        ("Garboz", "admin2", ["Gurbuz"]),
        ("Khushamand", "admin2", ["Dila"]),
        ("Sheltan", "admin2", ["Shaygal wa shital"]),
        # Pakistani district names as datasets write them
        ("Tribal Area adj. Bannu", "admin2", ["Bannu"]),
        ("Dir Lower", "admin2", ["Lower Dir"]),
        ("Kolai Palas", "admin2", ["Kolai Pallas Kohistan"]),
        ("Hub", "admin2", ["Lasbela"]),
        # a province name is no district, a district name no province
        ("Kashmir", "admin1", []),
        ("Kurram", "admin1", []),
    ],
)
def test_admin_names_resolve_at_their_level_only(gc, value, level, want):
    assert gc.admin_unit(value, level=level) == want


def test_every_alias_resolves_to_its_unit(gc):
    from incidents.data.derive_gazetteer import read_aliases

    for r in read_aliases().itertuples():
        level = "admin1" if r.level == "admin1" else "admin2"
        assert r.unit in gc.admin_unit(r.alias, level=level), r


def test_unit_name_is_never_split(gc):
    # "Azad Jammu & Kashmir" split at "&" made "Kashmir" match Kashmore (Sindh)
    m = one(gc, "Azad Jammu & Kashmir")
    assert (m.method, m.admin1) == ("admin1", "Azad Jammu & Kashmir")
    m = one(gc, "Zzznowhere", admin1="Azad Jammu & Kashmir")
    assert (m.method, m.admin1) == ("admin1", "Azad Jammu & Kashmir")


# -- type words, constructions ---------------------------------------------------------


def test_town_prefers_the_populated_place_over_a_same_named_unit(gc):
    # GeoNames 1174872 Karachi: 24.8608 N, 67.0104 E (city centre)
    m = one(gc, "Karachi town", admin1="Sindh", admin2="Karachi")
    assert m.method == "gazetteer" and km(m, 24.8608, 67.0104) < 25
    # the unit word asks for the unit
    assert one(gc, "Bannu district").method == "admin2"
    assert one(gc, "Bannu town").method == "gazetteer"


def test_city_part(gc):
    # "Saddar" inside Karachi, not the Saddar of Rawalpindi (33.6 N, 73.1 E)
    m = one(gc, "Karachi - Saddar", admin1="Sindh")
    assert m.admin1 == "Sindh" and km(m, 24.8608, 67.0104) < 15
    # an unknown part falls back to the city with its radius
    m = one(gc, "Peshawar - Qqqxxabad")
    assert km(m, 34.008, 71.57849) < 5 and "not found" in m.reason


#: Pakistani places beyond the frontier, as conflict datasets write them: (text,
#: admin1, admin2, truth lat, lon, km the answer may be off, largest radius allowed
#: or None, citation).  Truth = the cited coordinate, never the gazetteer's.
PAKISTAN_CITED = [
    # the GeoNames record of Karachi (1174872, 24.8608 N 67.0104 E, the city centre);
    # WOF gave its id to the neighbourhood "Pechs" as well, 4.8 km away
    ("Karachi", "Sindh", None, 24.8608, 67.0104, 2.0, None, "GeoNames 1174872"),
    ("Karachi", "Sindh", "Karachi South", 24.8608, 67.0104, 2.0, None, "GeoNames 1174872"),
    # Karachi's former towns are tehsils named "X Town", reported as "Karachi - X"
    ("Karachi - Orangi", "Sindh", "Karachi", 24.95, 66.967, 8.0, None, "wiki Orangi_Town"),
    ("Karachi - Lyari", "Sindh", "Karachi", 24.87222, 66.99222, 8.0, None, "wiki Lyari_Town"),
    ("Lyari Town", "Sindh", "Karachi South", 24.87222, 66.99222, 8.0, None, "wiki Lyari_Town"),
    # a part found in the hinted district needs no radius wider than that district
    ("Karachi - Saddar", "Sindh", "Karachi South", 24.86111, 67.02806, 3.0, 15.0, "wiki Saddar"),
    ("Saddar, Karachi", "Sindh", "Karachi South", 24.86111, 67.02806, 3.0, 15.0, "wiki Saddar"),
    # "X valley" answered by the valley's village when only a province is hinted
    ("Korengal valley", "Kunar", None, 34.89, 70.91, 5.0, None, "wiki Korangal_Valley"),
]


@pytest.mark.parametrize(
    ("text", "admin1", "admin2", "lat", "lon", "off_km", "max_radius", "cite"), PAKISTAN_CITED
)
def test_places_beyond_the_frontier(gc, text, admin1, admin2, lat, lon, off_km, max_radius, cite):
    m = one(gc, text, admin1=admin1, admin2=admin2)
    assert km(m, lat, lon) <= off_km, (m, cite)
    assert km(m, lat, lon) <= m.uncertainty_km, (m, cite)
    if max_radius is not None:
        assert m.uncertainty_km <= max_radius, (m, cite)


@pytest.mark.parametrize(
    ("text", "tehsil"),
    [
        ("Karachi - Orangi", "Orangi Town"),
        ("Karachi - Lyari", "Liyari Town"),
        ("Lyari Town", "Liyari Town"),
        ("Karachi - Gulshan-e-Iqbal", "Gulshan Iqbal Town"),
        ("Karachi - Jamshed", "Jamshaid Town"),
    ],
)
def test_karachi_towns_are_its_tehsils(gc, text, tehsil):
    # the OCHA tehsils of Karachi are its former towns, named "X Town"
    m = one(gc, text, admin1="Sindh", admin2="Karachi")
    assert (m.name, m.match_class) == (tehsil, "tehsil")


def test_a_part_of_a_town_has_no_radius_beyond_the_town():
    # Rawalpindi's Saddar is a village-ranked name with namesakes (44 km on its
    # own); named inside Rawalpindi it lies within the town's reach
    gc = Geocoder.default()
    m = one(gc, "Rawalpindi - Saddar", admin1="Punjab", admin2="Rawalpindi")
    assert m.name == "Saddar" and m.admin2 == "Rawalpindi"
    assert m.uncertainty_km <= 25.0
    # a part the gazetteer lacks is reported by its own name
    m = one(gc, "Quetta - Satellite Town", admin1="Balochistan", admin2="Quetta")
    assert m.name == "Quetta" and "'satellite town' not found" in m.reason


def test_a_record_sharing_a_geonames_id_merges_by_its_name():
    from incidents.data.derive_gazetteer import _same_record

    keys = pd.Series([["pechs", "karachi"], ["karachi", "karatschi"], ["lahore"]])
    assert _same_record([0, 1], ["karachi"], keys) == 1
    assert _same_record([0], ["karachi"], keys) == 0
    assert _same_record([0, 2], ["quetta"], keys) is None
    assert _same_record([2], ["quetta"], keys) == 2


def test_between_two_places_covers_both(gc):
    m = one(gc, "between Wana and Angoor Adda")
    for lat, lon in ((32.29889, 69.5725), (32.51556, 69.2825)):  # GeoNames Wana; Wikipedia
        assert km(m, lat, lon) <= m.uncertainty_km


def test_area_of_uses_the_container_as_hint(gc):
    m = one(gc, "Spinwam area of North Waziristan")
    assert m.admin2 == "North Waziristan"


# -- the country as the only hint --------------------------------------------------------

#: Names reported from news text whose only gazetteer look-alikes (a spelling
#: variant or one edit away) lie in the other country: with the country as the
#: only hint, the look-alike is another place, and the country answers.
OFF_COUNTRY_FUZZY = [
    ("Killi Luqman", "PK"),  # skeleton of Qal'ah-ye Luqman (Kabul province)
    ("Mughalgai", "PK"),  # skeleton of Mughulgay (Ghazni/Zabul)
]


@pytest.mark.parametrize(("text", "country"), OFF_COUNTRY_FUZZY)
def test_a_fuzzy_match_in_another_country_than_the_hinted_one_is_dropped(gc, text, country):
    free = one(gc, text)
    assert free.match_class in ("place_variant", "place_edit") and free.country != country
    m = one(gc, text, country=country)
    assert m.country == country and m.match_class == "fallback_country"


def test_an_exact_name_in_another_country_than_the_hinted_one_is_kept(gc):
    # an exact town name across the line is the place (a coder's country, flagged
    # by side downstream), not a look-alike: only fuzzy matches are dropped
    m = one(gc, "Parachinar", country="AF")
    assert (m.name, m.country, m.match_class) == ("Parachinar", "PK", "place_exact")


# -- neutral ranking -------------------------------------------------------------------


def test_ranking_does_not_depend_on_the_frontier(gaz):
    """Shuffling every place's distance to the frontier changes no answer."""
    texts = ["Mir Ali", "Bara", "Kashmir", "Saidgi", "Mamuzai", "Ghulam Khan", "Karez"]
    before = [Geocoder(gaz).resolve(t) for t in texts]
    shuffled = Gazetteer.__new__(Gazetteer)
    shuffled.__dict__.update(gaz.__dict__)
    shuffled.dist_frontier_km = np.random.default_rng(1).permutation(gaz.dist_frontier_km)
    after = [Geocoder(shuffled).resolve(t) for t in texts]
    assert before == after


# -- frontier features -----------------------------------------------------------------


def test_frontier_features_are_ingested_as_areas(tmp_path, gaz):
    from incidents.data.derive_gazetteer import feature_entries
    from tests.incidents.gazetteer_rows import with_rows

    csv = tmp_path / "frontier_features.csv"
    csv.write_text(
        "name,alt_names,feature_class,country,admin1,admin2,latitude,longitude,radius_km,source,note\n"
        # coordinates: made-up test rows, not facts
        "Qqq Valley,Qqq|Qqqa Valley,valley,PK,,,33.80,70.90,20,test,\n"
        "Zzzkotal,Zzz Kotal,pass,AF,,,33.95,69.87,3,test,\n"
        "Bad Row,,not_a_class,PK,,,33.0,70.0,5,test,\n"
    )
    feats = feature_entries(csv)
    assert feats["name"].tolist() == ["Qqq Valley", "Zzzkotal"]  # the invalid row is skipped
    extra = [
        {
            "name": r.name,
            "keys": r.keys,
            "skels": sorted({s for s in map(skeleton, r.keys) if s}),
            "lat": r.lat,
            "lon": r.lon,
            "kind": r.kind,
            "feature_code": r.feature_code,
            "country": r.country,
            "admin1": "Khyber Pakhtunkhwa",
            "admin2": "Khyber",
            "population": None,
            "geonameid": None,
            "radius_km": r.radius_km,
            "dist_frontier_km": None,
            "source": r.source,
            "radius95_km": None,
        }
        for r in feats.itertuples()
    ]
    gc2 = Geocoder(with_rows(gaz, extra))
    m = one(gc2, "Qqq valley")
    assert m.name == "Qqq Valley" and m.match_class == "feature"
    assert m.uncertainty_km == pytest.approx(20.0) and m.precision == 2
    m = one(gc2, "Zzz Kotal pass")
    assert m.name == "Zzzkotal" and m.uncertainty_km == pytest.approx(3.0)


# -- geometry input --------------------------------------------------------------------


def test_geometry_is_the_coordinate_source(gc):
    import geopandas as gpd
    from pyproj import Transformer

    # Torkham (Wikipedia, crossings.csv) in UTM 42N; the text names Kabul
    x, y = Transformer.from_crs(4326, 32642, always_xy=True).transform(71.08472, 34.11472)
    gdf = gpd.GeoDataFrame(
        {"location": ["Kabul", "Kabul"]},
        geometry=gpd.points_from_xy([x, np.nan], [y, np.nan]),
        crs=32642,
    )
    out = geocode(gdf, geocoder=gc)
    assert out["geocode_method"].tolist() == ["input", "gazetteer"]
    assert out["latitude"].iloc[0] == pytest.approx(34.11472, abs=1e-6)
    assert out["longitude"].iloc[0] == pytest.approx(71.08472, abs=1e-6)
    assert out["latitude"].iloc[1] == pytest.approx(34.5281, abs=0.05)  # Kabul, GeoNames
    assert out.crs.to_epsg() == 4326
    assert out.geometry.y.iloc[1] == pytest.approx(out["latitude"].iloc[1])


def test_gazetteer_ships_in_incidents_and_geo_never_imports_incidents():
    import ast
    from importlib import resources
    from pathlib import Path

    assert resources.files("incidents.data").joinpath("gazetteer.parquet").is_file()
    assert not resources.files("geo.data").joinpath("gazetteer.parquet").is_file()
    import geo

    for path in Path(geo.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n.split(".")[0] in ("incidents", "maps") for n in names), path
