"""Tests of :func:`incidents.position`: geometry first, any CRS, flags, deduplication."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from pyproj import Transformer

from geo import CRSError, Frontier
from incidents import position
from incidents.errors import SchemaError
from incidents.position import country_code
from incidents.schema import POSITION

# GeoNames 1138958 (Kabul), Wikipedia infobox (Torkham gate), GeoNames 1181611 (Chaman)
KABUL = (69.17233, 34.52813)
TORKHAM = (71.08472, 34.11472)
CHAMAN = (66.45259, 30.91769)


@pytest.fixture(scope="module")
def frontier() -> Frontier:
    return Frontier.default()


def flags(gdf: gpd.GeoDataFrame) -> list[set[str]]:
    return [set(filter(None, str(f).split(";"))) for f in gdf["review_flags"]]


def test_point_geodataframe_in_utm_42n_without_lat_lon(frontier):
    # UTM coordinates computed here with pyproj, independently of the package
    to_utm = Transformer.from_crs(4326, 32642, always_xy=True)
    xs, ys = to_utm.transform([KABUL[0], TORKHAM[0]], [KABUL[1], TORKHAM[1]])
    gdf = gpd.GeoDataFrame({"incident_id": ["k", "t"]}, geometry=gpd.points_from_xy(xs, ys))
    gdf = gdf.set_crs(32642)
    out = position(gdf, frontier=frontier)
    assert out.crs.to_epsg() == 4326
    np.testing.assert_allclose(out["longitude"], [KABUL[0], TORKHAM[0]], atol=1e-7)
    np.testing.assert_allclose(out["latitude"], [KABUL[1], TORKHAM[1]], atol=1e-7)
    assert out["side"].tolist() == ["AF", "PK"]
    assert out["point_admin2"].tolist() == ["Kabul", "Khyber"]
    assert out["border_distance_km"].iloc[1] == pytest.approx(0.1, abs=0.05)  # PROVENANCE.md
    ref = frontier.locate((np.array([KABUL[0], TORKHAM[0]]), np.array([KABUL[1], TORKHAM[1]])))
    np.testing.assert_allclose(out["border_distance_km"], ref["border_distance_km"], rtol=1e-9)
    assert out.geometry.x.tolist() == pytest.approx([KABUL[0], TORKHAM[0]], abs=1e-7)
    assert all(c in out for c in POSITION)


def test_geometry_wins_over_stale_columns_and_gaps_use_the_columns(frontier):
    gdf = gpd.GeoDataFrame(
        {"latitude": [KABUL[1], CHAMAN[1]], "longitude": [KABUL[0], CHAMAN[0]]},
        geometry=[shapely.Point(TORKHAM), None],
        crs=4326,
    )
    out = position(gdf, frontier=frontier)
    assert (out["longitude"].iloc[0], out["latitude"].iloc[0]) == TORKHAM
    assert out["nearest_crossing"].iloc[0] == "Torkham"
    assert (out["longitude"].iloc[1], out["latitude"].iloc[1]) == CHAMAN
    assert out["point_admin2"].iloc[1] == "Chaman"
    assert out.geometry.iloc[1].equals(shapely.Point(CHAMAN))


def test_non_point_geometry_uses_representative_point_and_is_flagged(frontier):
    square = shapely.box(69.1, 34.5, 69.2, 34.6)
    gdf = gpd.GeoDataFrame(geometry=[square, shapely.Point(KABUL)], crs=4326).to_crs(32642)
    out = position(gdf, frontier=frontier)
    assert flags(out) == [{"non_point_geometry"}, set()]
    assert square.contains(shapely.Point(out["longitude"].iloc[0], out["latitude"].iloc[0]))
    assert out.geometry.geom_type.tolist() == ["Point", "Point"]
    assert out["src_geometry_wkt"].iloc[0].startswith("POLYGON")
    assert pd.isna(out["src_geometry_wkt"].iloc[1])


def test_bad_coordinates_flagged_with_the_shared_vocabulary(frontier):
    df = pd.DataFrame(
        {
            "latitude": [34.5, 0.0, 95.0, "abc", None, None],
            "longitude": [69.2, 0.0, 70.0, 70.0, 70.0, None],
            "review_flags": ["bad_date", "", "", "", "", ""],
        }
    )
    out = position(df, frontier=frontier)
    assert flags(out) == [
        {"bad_date"},
        {"coords_zero"},
        {"coords_out_of_range"},
        {"coords_invalid"},
        {"coords_invalid"},
        set(),
    ]
    assert out["side"].notna().tolist() == [True] + [False] * 5
    assert out["latitude"].iloc[1:].isna().all()  # nothing invented
    assert out.geometry.iloc[1:].isna().all()


@pytest.mark.parametrize(
    ("country", "conflict"),
    [
        ("Afghanistan", True),
        (" af ", True),
        ("AFG", True),
        ("afghan istan", True),
        ("Pakistan", False),
        ("PK", False),
        ("pak", False),
        ("Iran", False),  # not a country of this frontier: not judged
        ("", False),
        (None, False),
    ],
)
def test_side_conflict_compares_source_country_with_side(frontier, country, conflict):
    df = pd.DataFrame({"latitude": [TORKHAM[1]], "longitude": [TORKHAM[0]], "country": [country]})
    out = position(df, frontier=frontier)
    assert out["side"].iloc[0] == "PK"
    assert ("side_conflict" in flags(out)[0]) is conflict
    assert (out["longitude"].iloc[0], out["latitude"].iloc[0]) == TORKHAM  # never moved


def test_side_conflict_needs_a_point():
    df = pd.DataFrame({"latitude": [np.nan], "longitude": [np.nan], "country": ["Pakistan"]})
    assert flags(position(df)) == [set()]


def test_country_code_spellings():
    s = pd.Series(["AFGHANISTAN", "Islamic Republic of Pakistan", "pk", "India", None])
    assert country_code(s).tolist()[:3] == ["AF", "PK", "PK"]
    assert country_code(s).isna().tolist() == [False, False, False, True, True]


def test_repeated_points_are_positioned_like_distinct_ones(frontier):
    rng = np.random.default_rng(7)
    lon, lat = rng.uniform(66, 72, 40), rng.uniform(30, 36, 40)
    pick = rng.integers(0, 40, 500)
    index = pd.Index(rng.permutation(1000)[:500] + 10_000)
    df = pd.DataFrame({"latitude": lat[pick], "longitude": lon[pick]}, index=index)
    df.loc[index[::50], "latitude"] = np.nan
    out = position(df, frontier=frontier)
    assert out.index.equals(index)
    one_by_one = pd.concat([position(df.iloc[[i]], frontier=frontier) for i in range(0, 500, 37)])
    cols = [c for c in POSITION]
    pd.testing.assert_frame_equal(
        pd.DataFrame(out.iloc[::37][cols]), pd.DataFrame(one_by_one[cols])
    )
    # rows that share a point share its (immutable) geometry object: no copies needed
    assert out.geometry.notna().sum() == df["latitude"].notna().sum()


def test_locate_deduplicated_matches_every_row_lookup(frontier):
    rng = np.random.default_rng(3)
    lon = np.r_[rng.uniform(60, 75.5, 30), np.nan][rng.integers(0, 31, 400)]
    lat = np.r_[rng.uniform(28.5, 38, 30), 34.0][rng.integers(0, 31, 400)]
    fast = frontier.locate((lon, lat))
    ok = np.flatnonzero(np.isfinite(lon) & np.isfinite(lat))
    found = frontier._locate_points(lon[ok], lat[ok], crossings=True, admin=True)
    slow = frontier._assemble(
        found, ok, np.arange(len(ok)), len(lon), pd.RangeIndex(len(lon)), crossings=True, admin=True
    )
    pd.testing.assert_frame_equal(fast, slow)


def test_input_not_modified_and_errors(frontier):
    df = pd.DataFrame({"latitude": [34.5], "longitude": [69.2], "country": ["AF"]})
    before = df.copy()
    position(df, frontier=frontier)
    pd.testing.assert_frame_equal(df, before)
    with pytest.raises(SchemaError, match="without .*'latitude'.* or a point geometry"):
        position(pd.DataFrame({"location": ["Chaman"]}))
    with pytest.raises(CRSError, match="set_crs"):
        position(gpd.GeoDataFrame(geometry=[shapely.Point(KABUL)]))
    with pytest.raises(SchemaError, match="needs an incident table"):
        position([1, 2])  # type: ignore[arg-type]


def test_empty_table(frontier):
    out = position(pd.DataFrame({"latitude": [], "longitude": []}), frontier=frontier)
    assert len(out) == 0 and all(c in out for c in POSITION)


def test_duplicate_index_labels_are_kept(frontier):
    df = pd.DataFrame(
        {"latitude": [34.5, 0.0, 34.5], "longitude": [69.2, 0.0, 69.2], "country": ["PK"] * 3},
        index=[5, 5, 5],
    )
    out = position(df, frontier=frontier)
    assert out.index.tolist() == [5, 5, 5]
    assert flags(out) == [{"side_conflict"}, {"coords_zero"}, {"side_conflict"}]


def test_outside_region_flags_far_points_only():
    frame = pd.DataFrame(
        {
            "latitude": [34.11472, -34.11472, 48.8566, 30.0, None],
            "longitude": [71.08472, -71.08472, 2.3522, 61.5, None],
        }
    )
    got = flags(position(frame))
    # Torkham; the same with both signs flipped (Chile); Paris; eastern Iran (in the region)
    assert [("outside_region" in f) for f in got] == [False, True, True, False, False]
