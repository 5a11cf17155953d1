"""Reading JSON pauses the garbage collector and always restarts it (as it was)."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest

from incidents import load
from incidents.errors import LoadError


def _feature(i: int) -> dict:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [69.0 + i / 100, 34.0]},
        "properties": {"date": "2024-01-02", "location": f"place {i}", "event_type": "Battles"},
    }


def test_collector_is_restarted_after_a_read_and_after_a_refusal(tmp_path: Path) -> None:
    good = tmp_path / "good.geojson"
    good.write_text(json.dumps({"type": "FeatureCollection", "features": [_feature(1)]}))
    bad = tmp_path / "bad.geojson"
    bad.write_text('{"type": "FeatureCollection", "features": [1, 2]}')
    assert gc.isenabled()
    assert len(load(good)) == 1
    assert gc.isenabled()
    with pytest.raises(LoadError):
        load(bad)
    assert gc.isenabled()
    gc.disable()
    try:  # a caller's choice is kept
        load(good)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_features_with_and_without_some_properties_keep_their_columns(tmp_path: Path) -> None:
    features = [_feature(i) for i in range(3)]
    del features[1]["properties"]["location"]
    features[2]["properties"] = None
    path = tmp_path / "mixed.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    df = load(path)
    assert df["location"].isna().tolist() == [False, True, True]
    assert df["event_type"].isna().tolist() == [False, False, True]
