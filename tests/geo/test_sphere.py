"""``geo.sphere``: the one great-circle distance (array and scalar), checked against pyproj."""

from __future__ import annotations

import math

import numpy as np
import pytest
from pyproj import Geod

from geo.sphere import EARTH_RADIUS_KM, great_circle_km, point_km

_GEOD = Geod(ellps="WGS84")
#: Sphere against ellipsoid: within 0.6 % of the geodesic (the meridian's curvature at the equator).
SPHERE_TOLERANCE = 0.006


def _geodesic_km(lat1, lon1, lat2, lon2) -> np.ndarray:
    *_, m = _GEOD.inv(
        np.broadcast_to(lon1, np.shape(lat2)), np.broadcast_to(lat1, np.shape(lat2)), lon2, lat2
    )
    return np.asarray(m) / 1000.0


def test_random_pairs_agree_with_the_wgs84_geodesic():
    rng = np.random.default_rng(7)
    n = 20_000
    lat1, lat2 = rng.uniform(-89, 89, n), rng.uniform(-89, 89, n)
    lon1, lon2 = rng.uniform(-180, 180, n), rng.uniform(-180, 180, n)
    near = rng.random(n) < 0.5  # half of the pairs within a degree: the fusion's scale
    lat2[near] = np.clip(lat1[near] + rng.uniform(-1, 1, near.sum()), -89.9, 89.9)
    lon2[near] = lon1[near] + rng.uniform(-1, 1, near.sum())
    got = great_circle_km(lat1, lon1, lat2, lon2)
    truth = _geodesic_km(lat1, lon1, lat2, lon2)
    assert got.shape == (n,)
    rel = np.abs(got - truth) / np.maximum(truth, 1e-9)
    assert rel.max() < SPHERE_TOLERANCE, rel.max()
    # not a constant factor: the error changes sign with latitude (sphere vs ellipsoid)
    assert (got > truth).any() and (got < truth).any()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ((34.11472, 71.08472), (30.91, 66.45)),  # Torkham gate, Chaman
        ((37.03085, 74.56463), (29.85855, 60.87286)),  # the frontier's two ends
        ((33.0, 70.0), (33.0, 70.001)),  # about 93 m
    ],
)
def test_frontier_pairs_within_the_tolerance(a, b):
    got = float(great_circle_km(*a, *b))
    truth = float(_geodesic_km(*a, *b))
    assert abs(got - truth) <= SPHERE_TOLERANCE * truth


def test_broadcasting_zero_antipodes_and_missing_values():
    lat = np.array([34.0, 31.0, np.nan])
    lon = np.array([71.0, 66.0, 70.0])
    m = great_circle_km(lat[:, None], lon[:, None], lat, lon)
    assert m.shape == (3, 3)
    assert m[0, 0] == 0.0 and m[0, 1] == m[1, 0] > 0
    assert np.isnan(m[2]).all() and np.isnan(m[:, 2]).all()
    half = np.pi * EARTH_RADIUS_KM
    assert float(great_circle_km(10.0, 20.0, -10.0, -160.0)) == pytest.approx(half, rel=1e-7)
    assert float(great_circle_km(0, 179.9, 0, -179.9)) == pytest.approx(
        0.2 * np.pi / 180 * EARTH_RADIUS_KM
    )


def test_fuse_and_the_gazetteer_use_it():
    from incidents import _fuse_match, _gazetteer

    assert _fuse_match.haversine_km is great_circle_km
    assert _gazetteer.haversine_km is great_circle_km


def test_scalar_twin_agrees_with_the_geodesic_and_says_inf_for_missing():
    rng = np.random.default_rng(11)
    for _ in range(500):
        lat1, lat2 = rng.uniform(23, 38, 2)  # Afghanistan and Pakistan
        lon1, lon2 = rng.uniform(60, 78, 2)
        got = point_km(lat1, lon1, lat2, lon2)
        truth = float(_geodesic_km(lat1, lon1, lat2, lon2))
        assert isinstance(got, float)
        assert abs(got - truth) <= SPHERE_TOLERANCE * truth + 1e-9
    assert point_km(33.0, 70.0, 33.0, 70.0) == 0.0
    assert point_km(10.0, 20.0, -10.0, -160.0) == pytest.approx(math.pi * EARTH_RADIUS_KM)
    assert point_km(math.nan, 70.0, 33.0, 70.0) == math.inf
    assert point_km(33.0, 70.0, 33.0, math.nan) == math.inf


def test_extraction_measures_place_distances_with_it():
    from incidents import _extract_across, _extract_anaphora, _extract_merge, _extract_places

    for module in (_extract_across, _extract_anaphora, _extract_merge, _extract_places):
        assert module.point_km is point_km
