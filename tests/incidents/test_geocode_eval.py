"""Accuracy floors on truth independent of the geocoder's own index.

(a) cross-source holdout: OpenStreetMap villages that no other source carries at
    that name and place, queried with their province/district hints against the
    index without them (see ``geocode_eval.holdout``);
(b) hand-checked frontier places with cited coordinates (``data/``).

The floors are the measured scores rounded down; a change that makes the geocoder
worse on independent truth fails here.  The README reports the same numbers.
"""

from __future__ import annotations

import pytest
from geocode_eval import class_table, holdout, truth_table

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
    assert res["covered"] >= 0.93
    assert res["median_radius_km"] <= 30.0


def test_hand_checked_frontier_places(gaz):
    res, rows = truth_table(Geocoder(gaz))
    bad = rows[rows["error_km"] > 25]
    print(f"\ntruth table: {res}\n{bad.to_string()}")
    assert res["n"] >= 8
    assert res["within_25km"] >= 0.85
    assert res["covered"] >= 0.85
