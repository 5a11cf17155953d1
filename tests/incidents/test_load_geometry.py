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
