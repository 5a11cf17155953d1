"""A null or empty geometry beside valid latitude/longitude: the point is built from them.

A GIS tool that writes a feature without geometry (``"geometry": null``, or an
empty point) often still carries the coordinates as attributes; the row must keep
its location and say where it came from (``geometry_from_coordinates``), both when
the file is read back as a positioned table and when it is loaded as input.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest
import shapely

from incidents import load, position, read, write

TORKHAM = (34.11472, 71.08472)  # Torkham gate (Wikipedia)
CHAMAN = (30.91, 66.45)


def _null_second_geometry(path, geometry):
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"][1]["geometry"] = geometry
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize(
    "geometry", [None, {"type": "Point", "coordinates": []}], ids=["null", "empty"]
)
def test_a_positioned_file_keeps_the_point_of_a_row_without_geometry(tmp_path, geometry):
    frame = pd.DataFrame(
        {
            "incident_id": ["a", "b", "c"],
            "latitude": [TORKHAM[0], CHAMAN[0], None],
            "longitude": [TORKHAM[1], CHAMAN[1], None],
        }
    )
    path = tmp_path / "positioned.geojson"
    write(position(frame), path)
    _null_second_geometry(path, geometry)
    back = read(path)
    assert len(back) == 3
    pt = back.geometry.iloc[1]
    assert pt is not None and not pt.is_empty
    assert (round(pt.y, 5), round(pt.x, 5)) == CHAMAN
    flags = back["review_flags"].fillna("").tolist()
    assert "geometry_from_coordinates" in flags[1].split(";")
    assert "geometry_from_coordinates" not in flags[0] + flags[2]
    assert shapely.is_missing(back.geometry.iloc[2]) or back.geometry.iloc[2].is_empty


def test_an_input_geojson_row_without_geometry_is_placed_by_its_columns(tmp_path):
    features = [
        {
            "type": "Feature",
            "properties": {"id": "1", "place": "Torkham", "lat": 30.0, "lon": 66.0},
            "geometry": {"type": "Point", "coordinates": [TORKHAM[1], TORKHAM[0]]},
        },
        {
            "type": "Feature",
            "properties": {"id": "2", "place": "Chaman", "lat": CHAMAN[0], "lon": CHAMAN[1]},
            "geometry": None,
        },
        {"type": "Feature", "properties": {"id": "3", "place": "Wesh"}, "geometry": None},
    ]
    path = tmp_path / "in.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    out = load(path)
    assert out["latitude"].tolist()[:2] == [TORKHAM[0], CHAMAN[0]]
    flags = out["review_flags"].fillna("").tolist()
    assert flags[1] == "geometry_from_coordinates"
    assert "geometry_from_coordinates" not in flags[0] + flags[2]
    assert out.attrs["load_report"]["flags"]["geometry_from_coordinates"] == 1
