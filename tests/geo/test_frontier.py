import json
from importlib import resources

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from truth import GEOD, PLACES, Truth, line_lonlat, tolerance_km

from geo import CRSError, Frontier, GeometryError, reference


@pytest.fixture(scope="module")
def frontier():
    return Frontier.default()


@pytest.fixture(scope="module")
def truth(frontier):
    return Truth(frontier.line)


def _shipped_line(name: str) -> shapely.LineString:
    """A shipped frontier line read straight from its GeoJSON file, not through geo."""
    text = resources.files("geo.data").joinpath(name).read_text(encoding="utf-8")
    (feature,) = json.loads(text)["features"]
    return shapely.geometry.shape(feature["geometry"])


@pytest.fixture(scope="module")
def osm_line() -> shapely.LineString:
    return _shipped_line("frontier_osm.geojson")


@pytest.fixture(scope="module")
def ne_line() -> shapely.LineString:
    return _shipped_line("frontier_naturalearth10m.geojson")


def test_line_is_the_shipped_line_unchanged(frontier, osm_line):
    ours = shapely.get_coordinates(frontier.line)
    np.testing.assert_array_equal(ours, shapely.get_coordinates(osm_line))  # NE->SW already
    assert frontier.vertex_count == len(osm_line.coords)


def test_length_is_the_geodesic_length_of_the_shipped_line(frontier, osm_line):
    assert frontier.length_km == pytest.approx(GEOD.geometry_length(osm_line) / 1000, rel=1e-12)
    # and the length of the line by summing pyproj.Geod.inv over its segments
    lon, lat = line_lonlat(osm_line)
    _, _, d = GEOD.inv(lon[:-1], lat[:-1], lon[1:], lat[1:])
    assert frontier.length_km == pytest.approx(d.sum() / 1000, rel=1e-9)


def test_length_against_independent_sources(frontier, ne_line):
    # Natural Earth 1:10m (public domain, 585 vertices) generalises the same border: a
    # generalised line is shorter, by at most a quarter at that scale.
    ne_km = GEOD.geometry_length(ne_line) / 1000
    assert 1.0 < frontier.length_km / ne_km < 1.25
    # Detailed AF-PK boundaries measured in PROVENANCE.md from other agencies (OCHA COD-AB
    # 2018: 2,668.23 km; geoBoundaries AIMS 2014: 2,678.84 km): within 5 %.
    for other_km in (2668.23, 2678.84):
        assert frontier.length_km == pytest.approx(other_km, rel=0.05)


def test_ends_are_the_tripoints(frontier, ne_line):
    # km 0 is the China tripoint (north-east), the end the Iran tripoint; Natural Earth puts
    # both within 3 km (PROVENANCE.md: 2.23 and 2.75 km).
    _, _, d0 = GEOD.inv(*frontier.start, *ne_line.coords[0])
    _, _, d1 = GEOD.inv(*frontier.end, *ne_line.coords[-1])
    assert d0 < 3000 and d1 < 3000
    # Koh-i-Malik Siah, the Iran-Afghanistan-Pakistan tripoint (Wikipedia: 29 51 N 60 52 E)
    _, _, dk = GEOD.inv(*frontier.end, 60 + 52 / 60, 29 + 51 / 60)
    assert dk < 2000


@pytest.fixture(scope="module")
def places(frontier):
    lon = np.array([v[0] for v in PLACES.values()])
    lat = np.array([v[1] for v in PLACES.values()])
    pts = gpd.GeoSeries(gpd.points_from_xy(lon, lat), index=list(PLACES), crs=4326)
    return pts, frontier.locate(pts)


@pytest.mark.parametrize("name", list(PLACES))
def test_real_places_against_geodesic_truth(places, truth, name):
    pts, res = places
    lon, lat, side, admin1, admin2 = PLACES[name]
    true_d, true_km = truth(lon, lat)
    row = res.loc[name]
    assert abs(row.border_distance_km - true_d) <= tolerance_km(true_d)
    assert abs(row.frontier_km - true_km) <= max(0.001 * true_km, 0.02)
    assert row.side == side
    if admin1 is None:
        assert pd.isna(row.point_admin1) or side != "other"
    else:
        assert row.point_admin1 == admin1
    if admin2 is not None:
        assert row.point_admin2 == admin2


def test_known_values(places):
    _, res = places
    # Torkham gate is 0.1 km from the line (PROVENANCE.md) at km 849.2 from the NE end
    assert res.loc["Torkham", "border_distance_km"] == pytest.approx(0.1, abs=0.05)
    assert res.loc["Torkham", "frontier_km"] == pytest.approx(849.2, abs=0.5)
    assert res.loc["Torkham", "nearest_crossing"] == "Torkham"
    assert res.loc["Spin Boldak", "nearest_crossing"] == "Chaman"
    assert res.loc["Doha", "side"] == "other"
    assert res.loc["Doha", "border_distance_km"] > 1000
    # Doha's nearest frontier point is the Iran tripoint, the end of the line
    full = GEOD.geometry_length(_shipped_line("frontier_osm.geojson")) / 1000
    assert res.loc["Doha", "frontier_km"] == pytest.approx(full, abs=0.01)


def test_random_points_near_and_far(frontier, truth):
    rng = np.random.default_rng(42)
    far_lon, far_lat = rng.uniform(60, 75.5, 60), rng.uniform(28.5, 38, 60)
    # points within ~2 km of the line, where detail matters most
    idx = rng.integers(0, len(truth.lon), 40)
    near_lon = truth.lon[idx] + rng.normal(0, 0.01, 40)
    near_lat = truth.lat[idx] + rng.normal(0, 0.01, 40)
    lon, lat = np.r_[far_lon, near_lon], np.r_[far_lat, near_lat]
    res = frontier.locate((lon, lat), crossings=False, admin=False)
    along_err = []
    for i in range(len(lon)):
        true_d, true_km = truth(lon[i], lat[i])
        assert abs(res.border_distance_km[i] - true_d) <= tolerance_km(true_d), i
        along_err.append(abs(res.frontier_km[i] - true_km) / max(true_km, 20.0))
    # the along-line position of far points is ill-conditioned at near-ties
    assert np.quantile(along_err, 0.95) <= 0.001


def test_distance_far_away_is_geodesic(frontier):
    # 1,500 km from the line: Gulf of Oman / Arabian Sea and Central Asia
    lon, lat = np.array([58.0, 75.0, 52.0]), np.array([15.0, 48.0, 36.0])
    res = frontier.locate((lon, lat), crossings=False, admin=False)
    truth = Truth(frontier.line, step_km=0.5)
    for i in range(3):
        true_d, _ = truth(lon[i], lat[i])
        assert abs(res.border_distance_km[i] - true_d) <= tolerance_km(true_d)


def test_any_crs_accepted(frontier):
    pts = gpd.GeoSeries(gpd.points_from_xy([69.17233], [34.52813]), crs=4326)
    utm = pts.to_crs(32642)
    a = frontier.locate(pts)
    b = frontier.locate(utm)
    assert b.border_distance_km[0] == pytest.approx(a.border_distance_km[0], abs=1e-6)
    assert b.side[0] == "AF"


def test_bad_coordinates_give_missing_values(frontier):
    lon = np.array([69.0, np.nan, np.inf, 69.0, 200.0, 69.0])
    lat = np.array([34.5, 34.5, 34.5, 95.0, 34.0, -np.inf])
    res = frontier.locate((lon, lat))
    assert res.side[0] == "AF"
    assert res.border_distance_km.iloc[1:].isna().all()
    assert res.side.iloc[1:].isna().all()
    assert res.frontier_km.iloc[1:].isna().all()
    assert res.nearest_crossing.iloc[1:].isna().all()


def test_empty_and_missing_geometries(frontier):
    empty = gpd.GeoSeries([], crs=4326)
    res = frontier.locate(empty)
    assert len(res) == 0
    assert list(res.columns)[:3] == ["border_distance_km", "side", "frontier_km"]
    pts = gpd.GeoSeries([None, shapely.Point(), shapely.Point(69.17, 34.53)], crs=4326)
    res = frontier.locate(pts)
    assert res.side.isna().tolist() == [True, True, False]


def test_non_point_geometry_uses_representative_point(frontier):
    poly = shapely.box(69.1, 34.5, 69.2, 34.6)
    with pytest.warns(UserWarning, match="representative points"):
        res = frontier.locate(gpd.GeoSeries([poly], crs=4326))
    inside = shapely.point_on_surface(poly)
    ref = frontier.locate((np.array([inside.x]), np.array([inside.y])))
    assert res.side[0] == "AF"
    assert res.border_distance_km[0] == ref.border_distance_km[0]


def test_locate_names_its_district_columns_like_the_schema(frontier):
    res = frontier.locate((np.array([69.17233]), np.array([34.52813])))
    assert list(res.columns) == [
        "border_distance_km",
        "side",
        "frontier_km",
        "nearest_crossing",
        "crossing_distance_km",
        "point_admin1",
        "point_admin2",
    ]
    assert (res.point_admin1[0], res.point_admin2[0]) == ("Kabul", "Kabul")
    bare = frontier.locate((np.array([69.17233]), np.array([34.52813])), admin=False)
    assert bare.point_admin1.isna().all() and bare.nearest_crossing.notna().all()


def test_no_crs_is_a_clear_error(frontier):
    with pytest.raises(CRSError, match=r"set_crs\(4326\)"):
        frontier.locate(gpd.GeoSeries([shapely.Point(69, 34)]))


def test_disconnected_line_is_rejected():
    cty = reference.countries()
    parts = shapely.MultiLineString([[(70, 34), (70.5, 34.5)], [(71, 35), (71.5, 35.5)]])
    with pytest.raises(GeometryError, match="not one connected line"):
        Frontier(parts, cty)
    with pytest.raises(GeometryError, match="LineString"):
        Frontier(shapely.Point(0, 0), cty)


def test_other_border_can_be_built():
    # a toy border between two squares: points decide sides by polygon
    line = shapely.LineString([(1, 1), (1, 0)])
    cty = gpd.GeoDataFrame(
        {"country": ["W", "E"]},
        geometry=[shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1)],
        crs=4326,
    )
    f = Frontier(line, cty)
    res = f.locate((np.array([0.5, 1.5, 3.0]), np.array([0.5, 0.5, 0.5])))
    assert res.side.tolist() == ["W", "E", "other"]
    _, _, d = GEOD.inv(0.5, 0.5, 1.0, 0.5)
    assert res.border_distance_km[0] == pytest.approx(d / 1000, rel=1e-6)
    assert f.start == (1.0, 1.0)  # north-east end first


def test_segments_tile_the_line(frontier):
    seg = frontier.segments(km=50)
    assert seg.km_start.iloc[0] == 0
    assert seg.km_end.iloc[-1] == pytest.approx(frontier.length_km, abs=1e-3)
    assert np.allclose(seg.km_start.iloc[1:].to_numpy(), seg.km_end.iloc[:-1].to_numpy())
    assert len(seg) == int(np.ceil(frontier.length_km / 50))
    lengths = np.array([GEOD.geometry_length(g) / 1000 for g in seg.geometry])
    assert np.allclose(lengths, seg.length_km, rtol=1e-3)
    assert seg.crs.to_epsg() == 4326


@pytest.mark.parametrize("km", [0, -5, float("nan"), 5000])
def test_segments_bad_length(frontier, km):
    with pytest.raises(ValueError, match="segment length"):
        frontier.segments(km=km)


def test_corridor_bands(frontier):
    cor = frontier.corridor(km=(10, 50))
    assert set(cor.side) == {"AF", "PK"}
    assert sorted(set(cor.band)) == ["0-10 km", "10-50 km"]
    assert set(frontier.corridor().band) == {"0-10 km", "10-25 km", "25-50 km", "50-100 km"}
    with pytest.raises(ValueError, match="corridor bands must be increasing positive"):
        frontier.corridor(km=(0, 10))
    assert cor.geometry.is_valid.all()
    # Kabul (86 km from the line) is in no band; Torkham town is in the first band
    kabul = shapely.Point(69.17233, 34.52813)
    torkham = shapely.Point(71.08472, 34.11472)
    assert not cor.geometry.contains(kabul).any()
    hit = cor[cor.geometry.contains(torkham)]
    assert hit.band.tolist() == ["0-10 km"]
    assert hit.side.tolist() == ["PK"]
