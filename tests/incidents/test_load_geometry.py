"""A non-point GeoJSON geometry is placed by the same rule as geo.point_coordinates."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

from geo import point_coordinates
from incidents import load

GEOMETRIES = [
    "LINESTRING (70 33, 71 34)",
    "LINESTRING (70 33, 70.2 33.1, 71 34)",
    "POLYGON ((70 33, 71 33, 71 34, 70 34, 70 33), (70.1 33.1, 70.9 33.1, 70.9 33.9, "
    "70.1 33.9, 70.1 33.1))",
    "POLYGON ((70 33, 71 34, 71 33, 70 34, 70 33))",  # a bow-tie (invalid)
    "MULTIPOINT ((70 33), (71 34), (70.5 33.5))",
]


def test_load_and_geo_point_coordinates_give_the_same_point(tmp_path: Path) -> None:
    geoms = [shapely.from_wkt(w) for w in GEOMETRIES]
    features = [
        {
            "type": "Feature",
            "properties": {"id": str(i), "location": "somewhere"},
            "geometry": json.loads(shapely.to_geojson(g)),
        }
        for i, g in enumerate(geoms)
    ]
    path = tmp_path / "shapes.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    df = load(path)
    expected = point_coordinates(gpd.GeoSeries(geoms, crs=4326))
    np.testing.assert_allclose(df["longitude"], expected.lon, atol=1e-9)
    np.testing.assert_allclose(df["latitude"], expected.lat, atol=1e-9)
    assert all("non_point_geometry" in f.split(";") for f in df["review_flags"])
    # every point lies on its geometry (a line's is on the line, not off it)
    for g, x, y in zip(geoms, df["longitude"], df["latitude"], strict=True):
        assert shapely.make_valid(g).distance(shapely.Point(x, y)) < 1e-9


def test_a_line_is_placed_half_way_along_its_length(tmp_path: Path) -> None:
    # A two-vertex line used to give its first vertex (GEOS point_on_surface).
    # Expected points are worked out by hand: the middle of each line by length.
    shapes = {
        "two": ([[70.0, 33.0], [72.0, 35.0]], "LineString", (71.0, 34.0)),
        # legs of length 1 and 3: half of 4 is 1 unit into the second leg
        "bent": ([[70.0, 33.0], [71.0, 33.0], [71.0, 36.0]], "LineString", (71.0, 34.0)),
        # parts of length 2 and 1 taken in turn: half of 3 lies on the first part
        "multi": ([[[70.0, 33.0], [72.0, 33.0]], [[60.0, 30.0], [61.0, 30.0]]],
                  "MultiLineString", (71.5, 33.0)),
    }  # fmt: skip
    features = [
        {"type": "Feature", "properties": {"id": k}, "geometry": {"type": t, "coordinates": c}}
        for k, (c, t, _) in shapes.items()
    ]
    path = tmp_path / "lines.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    df = load(path)
    want = [xy for _, _, xy in shapes.values()]
    np.testing.assert_allclose(df["longitude"], [x for x, _ in want], atol=1e-9)
    np.testing.assert_allclose(df["latitude"], [y for _, y in want], atol=1e-9)
    assert all("non_point_geometry" in f.split(";") for f in df["review_flags"])
    shapes_in = [shapely.from_geojson(json.dumps(f["geometry"])) for f in features]
    geo = point_coordinates(gpd.GeoSeries(shapes_in, crs=4326))
    np.testing.assert_allclose(geo.lon, [x for x, _ in want], atol=1e-9)
