"""Tests of :mod:`geo.points`: one rule for the coordinates of any geometry."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from pyproj import Transformer

from geo import CRSError, distinct_points, lonlat, point_coordinates

# GeoNames 1168197 (Peshawar), Wikipedia infobox (Torkham gate)
PESHAWAR = (71.57849, 34.008)
TORKHAM = (71.08472, 34.11472)


def test_points_in_any_crs_come_back_in_degrees():
    # projected coordinates from pyproj directly, then given to geo in three CRSs
    for epsg in (32642, 3857, 4326):
        tf = Transformer.from_crs(4326, epsg, always_xy=True)
        x, y = tf.transform([PESHAWAR[0], TORKHAM[0]], [PESHAWAR[1], TORKHAM[1]])
        gs = gpd.GeoSeries(gpd.points_from_xy(x, y), crs=epsg)
        lon, lat = lonlat(gs)
        np.testing.assert_allclose(lon, [PESHAWAR[0], TORKHAM[0]], atol=1e-8)
        np.testing.assert_allclose(lat, [PESHAWAR[1], TORKHAM[1]], atol=1e-8)
        frame = gpd.GeoDataFrame({"v": [1, 2]}, geometry=gs)
        np.testing.assert_array_equal(lonlat(frame)[0], lon)


def test_the_non_point_rule():
    square = shapely.box(69.1, 34.5, 69.2, 34.6)
    # a U-shaped polygon whose centroid is outside it: the representative point is inside
    u_shape = shapely.Polygon([(0, 0), (3, 0), (3, 3), (2, 3), (2, 1), (1, 1), (1, 3), (0, 3)])
    line = shapely.LineString([(70, 33), (71, 34)])
    bowtie = shapely.Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])  # invalid: repaired first
    gs = gpd.GeoSeries([square, u_shape, line, bowtie, shapely.Point(1, 2)], crs=4326)
    pc = point_coordinates(gs)
    assert pc.non_point.tolist() == [True, True, True, True, False]
    for i, geom in enumerate([square, u_shape, line]):
        assert geom.intersects(shapely.Point(pc.lon[i], pc.lat[i]).buffer(1e-9)), i
    assert not u_shape.contains(u_shape.centroid)
    assert np.isfinite([pc.lon[3], pc.lat[3]]).all()
    assert (pc.lon[4], pc.lat[4]) == (1.0, 2.0)


def test_non_point_in_projected_crs_is_reduced_before_reprojection():
    square = gpd.GeoSeries([shapely.box(69.1, 34.5, 69.2, 34.6)], crs=4326)
    utm = square.to_crs(32642)
    pc = point_coordinates(utm)
    assert pc.non_point.tolist() == [True]
    assert square.iloc[0].buffer(1e-6).contains(shapely.Point(pc.lon[0], pc.lat[0]))


def test_missing_empty_and_unprojectable_give_nan():
    gs = gpd.GeoSeries([None, shapely.Point(), shapely.Polygon(), shapely.Point(69, 34)], crs=4326)
    pc = point_coordinates(gs)
    assert np.isnan(pc.lon[:3]).all() and np.isnan(pc.lat[:3]).all()
    assert pc.non_point.tolist() == [False, False, False, False]
    assert (pc.lon[3], pc.lat[3]) == (69.0, 34.0)
    far = gpd.GeoSeries([shapely.Point(1e12, 1e12)], crs=32642)
    assert np.isnan(lonlat(far)[0]).all()


def test_input_not_modified_and_errors():
    gs = gpd.GeoSeries([None, shapely.box(0, 0, 1, 1)], crs=4326)
    before = gs.copy()
    point_coordinates(gs)
    assert gs.geom_equals(before).iloc[1] and gs.iloc[0] is None
    with pytest.raises(CRSError, match="set_crs"):
        lonlat(gpd.GeoSeries([shapely.Point(0, 0)]))
    with pytest.raises(TypeError, match="GeoSeries or GeoDataFrame"):
        lonlat(pd.Series([1.0]))  # type: ignore[arg-type]
    assert lonlat(gpd.GeoSeries([], crs=4326))[0].shape == (0,)


def test_distinct_points_round_trip():
    rng = np.random.default_rng(1)
    lon = np.round(rng.uniform(60, 75, 50), 3)[rng.integers(0, 50, 5000)]
    lat = np.round(rng.uniform(28, 38, 50), 3)[rng.integers(0, 50, 5000)]
    inv, ulon, ulat = distinct_points(lon, lat)
    np.testing.assert_array_equal(ulon[inv], lon)
    np.testing.assert_array_equal(ulat[inv], lat)
    expected = len(set(zip(lon.tolist(), lat.tolist(), strict=True)))
    assert len(ulon) == expected
    # first appearance order, and a pair is a pair: (a, b) differs from (b, a)
    inv, ulon, ulat = distinct_points(
        np.array([2.0, 1.0, 2.0, -0.0]), np.array([1.0, 2.0, 1.0, 0.0])
    )
    assert inv.tolist() == [0, 1, 0, 2]
    assert ulon.tolist() == [2.0, 1.0, 0.0] and ulat.tolist() == [1.0, 2.0, 0.0]
    empty = distinct_points(np.array([]), np.array([]))
    assert [len(a) for a in empty] == [0, 0, 0]
