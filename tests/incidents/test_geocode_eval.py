"""Accuracy floors on truth independent of the geocoder's own index.

(a) cross-source holdout: OpenStreetMap villages that no other source carries at
    that name and place, queried with their province/district hints against the
    index without them (see ``geocode_eval.holdout``);
(b) hand-checked frontier places with cited coordinates (``data/``);
(c) Pakistani (and Afghan) truth: Who's On First-only localities against the
    index without them, and GeoNames cities500 towns against the index without
    them, each with and without hints (``geocode_eval.wof_holdout`` /
    ``geonames_holdout``), scored per country.
(d) hint mismatch: places in the index queried with the district their Who's On
    First record states where that is not the shipped polygon holding them
    (``geocode_eval.hint_mismatch``): measures the handling of a source's own
    (older, neighbouring) district names, not the gazetteer.
(e) the Pakistani holdout places with their tehsil (``admin3``) as a hint too
    (``geocode_eval.tehsil_hinted``).
(f) the ``coder`` slice of the hand-checked places (written the way conflict coders
    write places, drawn before the geocoder was run on them), hinted and bare
    (``geocode_eval.truth_by_slice``); a check set, never calibrated on.

The floors are the measured scores rounded down; a change that makes the geocoder
worse on independent truth fails here.  The README reports the same numbers.
"""

from __future__ import annotations

import pytest
from geocode_eval import (
    class_table,
    geonames_holdout,
    hint_mismatch,
    holdout,
    score,
    summary,
    tehsil_hinted,
    truth_by_slice,
    truth_frame,
    truth_table,
    wof_holdout,
)

from incidents._gazetteer import Gazetteer
from incidents.geocode import Geocoder


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_cross_source_holdout(gaz):
    res, rows = holdout(gaz)
    print(f"\nholdout: {res}\n{class_table(rows).round(2).to_string()}")
    assert res["n"] >= 600
    assert res["within_25km"] >= 0.88
    assert res["covered"] >= 0.95
    assert res["median_radius_km"] <= 30.0


#: The slices these floors were set on (the ``coder`` slice has its own, below).
OLD_SLICES = ("frontier", "pakistan")


def test_hand_checked_frontier_places(gaz):
    res, rows = truth_table(Geocoder(gaz))
    truth = truth_frame()
    rows = rows[truth["slice"].isin(OLD_SLICES).to_numpy()]
    bad = rows[rows["error_km"] > 25]
    print(f"\ntruth table (all slices): {res}\n{bad.to_string()}")
    assert len(rows) >= 170
    assert (rows["error_km"] <= 25).mean() >= 0.97
    assert (rows["error_km"] <= rows["uncertainty_km"] + 1e-6).mean() >= 0.97
    assert rows["uncertainty_km"].median() <= 15.0
    # Pakistan at large (city parts, Balochistan/Sindh/KP towns, tehsil-named places)
    pk = rows[(truth["country"][truth["slice"].isin(OLD_SLICES)] == "PK").to_numpy()]
    assert len(pk) >= 120
    assert (pk["error_km"] <= 25).mean() >= 0.97
    assert (pk["error_km"] <= pk["uncertainty_km"] + 1e-6).mean() >= 0.97


def _scores(rows) -> dict:
    table = summary(rows, ["true_country", "hinted"])
    print(f"\n{table.round(3).to_string()}")
    return table.to_dict("index")


#: (country, hinted) -> (n at least, within 25 km, radius covers truth); floors a
#: little under the measured values (README, "Geocoding accuracy").
WOF_FLOORS = {
    ("PK", True): (1000, 0.42, 0.94),
    ("AF", True): (500, 0.78, 0.93),
    # hint-free: the village is absent, so a name match is another place; the
    # radius of a hint-free match (calibrated on such rows) must admit it, but
    # most rows are unresolved (no radius), hence the low coverage
    ("PK", False): (1000, 0.0, 0.14),
    ("AF", False): (500, 0.0, 0.25),
}
GEONAMES_FLOORS = {
    # 94.8 % since a place just outside the hinted district answers for it
    # (incidents._answer.EDGE_KM): held-out "Zaida" (Swabi) now finds the Zaida of
    # Haripur 2.1 km outside Swabi, 39 km from the town, where the fallback covered it
    # (the shipped index holds the town itself); 95.0 % before
    ("PK", True): (450, 0.69, 0.945),
    ("AF", True): (240, 0.92, 0.98),
    ("PK", False): (450, 0.45, 0.85),
    # 80.9 % since the exact-town radius is measured on towns (test_geocode_towns):
    # 2 of 262 bare names matched to another town of that name (the town itself is
    # held out) fell outside the narrower radius; 81.7 % before
    ("AF", False): (240, 0.38, 0.80),
}


def test_hand_checked_places_without_hints(gaz):
    """The hand-checked places by name alone: a bare name's radius (calibrated on
    the hint-free holdouts, never on this table) must cover the truth."""
    truth = truth_frame()
    truth = truth[truth["slice"].isin(OLD_SLICES)]
    bare = truth.assign(admin1=None, admin2=None, country=None, admin3=None)
    res, rows = score(Geocoder(gaz), bare)
    print(f"\nhand-checked, no hints: {res}")
    assert res["n"] >= 170
    assert res["within_25km"] >= 0.92
    assert res["covered"] >= 0.96
    assert res["median_radius_km"] <= 16.0


@pytest.mark.parametrize(
    ("holdout_fn", "floors"),
    [(wof_holdout, WOF_FLOORS), (geonames_holdout, GEONAMES_FLOORS)],
    ids=["wof_localities", "geonames_towns"],
)
def test_cross_source_holdout_by_country(gaz, holdout_fn, floors):
    scores = _scores(holdout_fn(gaz))
    for key, (n, within, covered) in floors.items():
        got = scores[key]
        assert got["n"] >= n, key
        assert got["within_25km"] >= within, (key, got)
        assert got["covered"] >= covered, (key, got)


#: country -> (n, within 25 km, radius covers truth): measured 0.802 / 0.933 (PK)
#: and 0.983 / 0.993 (AF); 0.757 / 0.927 and 0.973 / 0.993 before the one place of the
#: name at most EDGE_KM outside the hinted district answered; before the fallback's
#: radius reached the exact-name place outside the hinted district, PK coverage was 0.835.
HINT_MISMATCH_FLOORS = {"PK": (600, 0.79, 0.925), "AF": (300, 0.975, 0.98)}


def test_hints_that_disagree_with_the_polygons(gaz):
    rows = hint_mismatch(Geocoder(gaz))
    table = summary(rows, ["true_country"])
    print(f"\n{table.round(3).to_string()}")
    scores = table.to_dict("index")
    for cc, (n, within, covered) in HINT_MISMATCH_FLOORS.items():
        got = scores[cc]
        assert got["n"] >= n, cc
        assert got["within_25km"] >= within, (cc, got)
        assert got["covered"] >= covered, (cc, got)


#: evaluation -> (n, within 25 km, radius covers truth) of the Pakistani holdout
#: places queried with their tehsil (admin3) too: measured 0.782 / 0.951 (WOF
#: villages) and 0.853 / 0.962 (GeoNames towns); without the tehsil 0.437 / 0.947
#: and 0.708 / 0.958.
TEHSIL_FLOORS = {"wof_villages": (1100, 0.75, 0.93), "geonames_towns": (480, 0.83, 0.95)}


def test_pakistani_holdouts_with_a_tehsil_hint(gaz):
    rows = tehsil_hinted(gaz)
    table = summary(rows, ["evaluation"])
    print(f"\n{table.round(3).to_string()}")
    scores = table.to_dict("index")
    for name, (n, within, covered) in TEHSIL_FLOORS.items():
        got = scores[name]
        assert got["n"] >= n, name
        assert got["within_25km"] >= within, (name, got)
        assert got["covered"] >= covered, (name, got)


#: hinted -> (n, within 25 km, radius covers truth, median radius at most): the
#: ``coder`` slice (61 rows), first run (before any fix it prompted) 95.1 % / 100 % /
#: 11.1 km hinted and 82.0 % / 93.4 % / 11.1 km bare; after the fixes 96.7 / 100 /
#: 11.1 and 91.8 / 96.7 / 11.1.  Floors one row under the values after the fixes
#: (README, "Geocoding accuracy").
CODER_FLOORS = {True: (61, 0.95, 0.98, 12.0), False: (61, 0.90, 0.95, 12.0)}


#: hinted -> (n, within 25 km, radius covers truth, median radius at most): the
#: ``coder2`` slice (30 rows: places of the merged and settled KP districts and
#: Balochistan written down before the geocoder was run on them), first run
#: 86.7 % / 100 % / 28.4 km hinted and 83.3 % / 100 % / 28.4 km bare; after the
#: fixes (a tehsil written as the district narrows like ``admin3``; of namesakes
#: of one neighbourhood, the one among villages) 100 / 100 / 28.4 both.  Floors
#: one row under the values after the fixes (README, "Geocoding accuracy").
CODER2_FLOORS = {True: (30, 0.96, 0.96, 30.0), False: (30, 0.96, 0.96, 30.0)}


#: hinted -> (n, within 25 km, radius covers truth, median radius at most): the
#: ``coder3`` slice (31 rows: Sui, Kalat, Jhal Jhao, Harnai in Balochistan and
#: Mattani near Peshawar, written down and committed before the geocoder was run on
#: them), first run 96.8 % / 100 % / 27.8 km hinted and 74.2 % / 74.2 % / 18.0 km
#: bare; after the fixes (a town word keeps the seat of the unit of that name; a
#: police or levies station is its town) 96.8 / 100 / 21.0 and 87.1 / 87.1 / 18.0.
#: Floors one row under the values after the fixes (README, "Geocoding accuracy").
CODER3_FLOORS = {True: (31, 0.93, 0.96, 22.0), False: (31, 0.83, 0.83, 19.0)}


#: hinted -> (n, within 25 km, radius covers truth, median radius at most): the
#: ``coder4`` slice (53 rows: 12 places of the merged and settled KP districts and
#: Balochistan written down and committed before the geocoder was run on them), first
#: run 83.0 % / 90.6 % / 37.0 km hinted and 56.6 % / 92.5 % / 42.2 km bare; no fix was
#: written from it (session 20).  Floors one row under the first run (README,
#: "Geocoding accuracy").  Session 27 (districts at the median of their places):
#: median radius 37.0 -> 39.0 km hinted, 42.2 -> 44.0 km bare (the district radii
#: measured from the new points), within and covered unchanged.
CODER4_FLOORS = {True: (53, 0.81, 0.88, 39.5), False: (53, 0.54, 0.90, 44.5)}
#: the ``coder5`` slice (98 rows: 23 places of Karachi, Sindh, Punjab, Islamabad, Azad
#: Kashmir, Gilgit-Baltistan and settled KP, committed before the geocoder was run on
#: them), first run 99.0 % / 95.9 % / 13.1 km hinted and 88.8 % / 96.9 % / 15.7 km bare
#: (session 21).  Floors one row under the first run.
CODER5_FLOORS = {True: (98, 0.97, 0.94, 14.0), False: (98, 0.87, 0.95, 16.5)}
#: the ``coder6`` slice (50 rows: 12 places of settled KP, Swat, Shangla, Mardan and
#: Charsadda, coastal Balochistan, Helmand and Nimroz, committed before the geocoder was
#: run on them), first run 100 % / 100 % / 23.9 km hinted and 82.0 % / 98.0 % / 24.0 km
#: bare (session 24, on the 50 rows kept; no fix written from it).  Floors one row under.
CODER6_FLOORS = {True: (50, 0.98, 0.98, 24.5), False: (50, 0.80, 0.96, 25.0)}
#: the ``coder7`` slice (59 rows: 13 places of Attock, Rawalpindi, Islamabad, upper
#: Sindh, Gilgit and Azad Kashmir, committed before the geocoder was run on them; rows
#: whose page contradicted itself (Huramzai) or was no Wikipedia copy in English
#: (Chaklala, Sehnsa) dropped), first run 100 % / 100 % / 10.65 km hinted and
#: 93.2 % / 100 % / 10.65 km bare (session 25; no fix written from it).  Floors one
#: row under.
CODER7_FLOORS = {True: (59, 0.98, 0.98, 11.0), False: (59, 0.91, 0.98, 11.0)}


@pytest.mark.parametrize(
    ("name", "floors"),
    [
        ("coder", CODER_FLOORS),
        ("coder2", CODER2_FLOORS),
        ("coder3", CODER3_FLOORS),
        ("coder4", CODER4_FLOORS),
        ("coder5", CODER5_FLOORS),
        ("coder6", CODER6_FLOORS),
        ("coder7", CODER7_FLOORS),
    ],
)
def test_coder_slices(gaz, name, floors):
    rows = truth_by_slice(Geocoder(gaz))
    rows = rows[rows["slice"] == name]
    table = summary(rows, ["hinted"])
    print(f"\n{table.round(3).to_string()}")
    for hinted, (n, within, covered, radius) in floors.items():
        got = table.loc[hinted]
        assert got["n"] >= n, hinted
        assert got["within_25km"] >= within, (hinted, got)
        assert got["covered"] >= covered, (hinted, got)
        assert got["median_radius_km"] <= radius, (hinted, got)
