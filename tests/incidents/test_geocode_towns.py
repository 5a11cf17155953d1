"""The radius of an exact match to a town in the hinted district, against towns
with a cited Wikipedia coordinate (``data/towns_truth.csv``, see
``calibrate_towns``).

The table is well formed (cited, split by the CRC-32 rule, disjoint from the
hand-checked places that stay the independent check); the town cell of
:data:`incidents._radius.PLACE_RADIUS_KM` is what its calibration half measures
(recomputed here, so a hand-edited table or changed data fails); and on the
*check* half the radius covers the truth at least as often as measured when the
cell was calibrated (floors a little under the measured values, README
"Geocoding accuracy").
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from calibrate_towns import (
    TOWN_CELL,
    split_of,
    town_cells,
    towns_frame,
    towns_rows,
    zero_radii,
)
from geocode_eval import TRUTH, summary

from incidents import _radius
from incidents._gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_towns_truth_is_cited_split_and_disjoint_from_the_hand_checked_places():
    t = towns_frame()
    assert len(t) >= 70
    assert set(t["country"]) == {"AF", "PK"}
    assert t["location"].is_unique
    assert t["source"].str.contains("wikipedia.org/wiki/", regex=False).all()
    assert (t["half"] == t["location"].map(split_of)).all()
    assert t["true_lat"].between(23, 38).all() and t["true_lon"].between(60, 78).all()
    hand = pd.read_csv(TRUTH, dtype=str)["query_location"].str.casefold()
    assert not set(t["location"].str.casefold()) & set(hand)


def test_town_cell_is_what_its_calibration_half_measures(gaz):
    with zero_radii():
        rows = towns_rows(gaz)
    cells = town_cells(rows)
    assert cells == {TOWN_CELL: _radius.PLACE_RADIUS_KM[TOWN_CELL]}
    # the radius of such a match is the class floor or the measured value,
    # whichever is larger, plus the town's extent
    assert _radius.place_radius(TOWN_CELL, extent_km=1.0) == pytest.approx(
        max(cells[TOWN_CELL], _radius.FLOOR_KM["place_exact"]) + 1.0
    )


#: Floors on the check half (measured: n 39, within 25 km 100 %, covered 94.9 %,
#: median radius 9.98 km; one more miss fails).  The two misses: Tank, whose English
#: Wikipedia infobox point lies 17 km from the town's gazetteer point (kept as cited),
#: and Maidan Shar, 9.7 km.
CHECK_N = 37
CHECK_WITHIN_25KM = 0.98
CHECK_COVERED = 0.93
CHECK_MEDIAN_RADIUS_KM = 10.5


def test_check_half_is_covered_by_the_town_radius(gaz):
    rows = towns_rows(gaz)
    check = rows[rows["half"] == "check"]
    res = summary(check.assign(all="check"), ["all"]).iloc[0]
    miss = check[check["error_km"] > check["uncertainty_km"].fillna(0) + 1e-6]
    print(f"\ntowns check half: {res.to_dict()}\n{miss.to_string()}")
    assert res["n"] >= CHECK_N
    assert res["within_25km"] >= CHECK_WITHIN_25KM
    assert res["covered"] >= CHECK_COVERED
    assert res["median_radius_km"] <= CHECK_MEDIAN_RADIUS_KM
    # nearly every check town is matched in the evidence cell under test
    assert np.mean(check["cell"] == TOWN_CELL) >= 0.8
