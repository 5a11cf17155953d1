"""A GeoJSON feature whose ``properties`` is not an object is kept, flagged, its value kept.

RFC 7946 allows an object or null; files in the wild hold a list, a string or a
number there.  The feature's geometry still places it, and what the file said is
kept as JSON text in ``src_properties`` (``bad_properties``).
"""

from __future__ import annotations

import json

import pytest

from incidents import load, read
from maps.cli import main

POINT = {"type": "Point", "coordinates": [71.08472, 34.11472]}  # Torkham gate


def _write(path, properties):
    features = [
        {"type": "Feature", "properties": {"id": "1", "place": "Chaman"}, "geometry": POINT},
        {"type": "Feature", "properties": properties, "geometry": POINT},
        {"type": "Feature", "properties": None, "geometry": POINT},  # null: allowed
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


@pytest.mark.parametrize(
    ("properties", "text"),
    [
        (["Torkham", 3], '["Torkham",3]'),
        ("Torkham, 3 killed", '"Torkham, 3 killed"'),
        (7, "7"),
        (True, "true"),
        ([], "[]"),
    ],
    ids=["list", "string", "number", "boolean", "empty-list"],
)
def test_non_object_properties_are_kept_and_flagged(tmp_path, properties, text):
    path = _write(tmp_path / "odd.geojson", properties)
    for table in (load(path), read(path)):
        assert len(table) == 3
        flags = table["review_flags"].fillna("").tolist()
        assert "bad_properties" in flags[1].split(";")
        assert "bad_properties" not in flags[0] + flags[2]
        assert table["src_properties"].tolist()[1] == text
        assert table["latitude"].tolist()[1] == pytest.approx(34.11472)
    assert load(path).attrs["load_report"]["flags"]["bad_properties"] == 1


def test_a_property_named_src_properties_is_not_overwritten(tmp_path):
    features = [
        {"type": "Feature", "properties": {"src_properties": "mine"}, "geometry": POINT},
        {"type": "Feature", "properties": "odd", "geometry": POINT},
    ]
    path = tmp_path / "clash.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    table = load(path)
    assert table["src_properties"].tolist()[0] == "mine"
    assert table["src_src_properties"].tolist()[1] == '"odd"'


def test_geocode_accounts_for_the_row(tmp_path, capsys):
    path = _write(tmp_path / "odd.geojson", ["x"])
    assert main(["geocode", str(path), "-o", str(tmp_path / "out.csv")]) == 0
    out = read(tmp_path / "out.csv")
    assert len(out) == 3
    assert "bad_properties" in out["review_flags"].fillna("").tolist()[1]
