"""``sheet="all"`` (``--sheet all``) reads every layer of a GeoPackage holding features.

Each layer is reprojected on its own (layers may be in different CRSs), rows keep
their layer's name in a ``sheet`` column as Excel sheets do, and an empty layer adds
nothing; a layer that is itself named ``all`` is still read by that name.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
from pyproj import Transformer
from shapely.geometry import Point

from incidents import load
from incidents.errors import LoadError

# Torkham and Chaman crossings (lon, lat), Wikipedia infobox points
TORKHAM = (71.0953, 34.1325)
CHAMAN = (66.4597, 30.9210)


def _book(path, *, all_name: bool = False) -> None:
    a = gpd.GeoDataFrame(
        {"event_id_cnty": ["A1"], "location": ["Torkham"], "event_date": ["2025-10-12"]},
        geometry=[Point(TORKHAM)],
        crs=4326,
    )
    to_utm = Transformer.from_crs(4326, 32642, always_xy=True)
    x, y = to_utm.transform(*CHAMAN)
    b = gpd.GeoDataFrame(
        {"event_id_cnty": ["B1", "B2"], "location": ["Chaman", "Chaman"], "fatalities": [1, 2]},
        geometry=[Point(x, y), Point(x, y)],
        crs=32642,
    )
    empty = a.iloc[:0]
    a.to_file(path, layer="all" if all_name else "clashes", driver="GPKG")
    b.to_file(path, layer="strikes_utm", driver="GPKG")
    empty.to_file(path, layer="empty", driver="GPKG")


def test_every_layer_with_features(tmp_path):
    path = tmp_path / "two.gpkg"
    _book(path)
    table = load(path, sheet="all")
    assert table["sheet"].tolist() == ["clashes", "strikes_utm", "strikes_utm"]
    assert table["incident_id"].tolist() == ["A1", "B1", "B2"]
    assert table["source_row"].tolist() == [0, 1, 2]
    lon = table["longitude"].to_numpy()
    lat = table["latitude"].to_numpy()
    assert lon[0] == pytest.approx(TORKHAM[0], abs=1e-9)
    assert lat[0] == pytest.approx(TORKHAM[1], abs=1e-9)
    assert lon[1] == pytest.approx(CHAMAN[0], abs=1e-7)  # back from UTM 42N
    assert lat[2] == pytest.approx(CHAMAN[1], abs=1e-7)
    assert pd.isna(table["fatalities"].iloc[0]) and table["fatalities"].iloc[2] == 2
    report = table.attrs["load_report"]
    assert report["layer"] == "all"
    assert report["sheets"] == ["clashes", "strikes_utm"]
    assert "32642" in report["crs"] and "4326" in report["crs"]
    assert "sheets_not_read" not in report


def test_default_is_still_the_first_layer_and_names_the_others(tmp_path):
    path = tmp_path / "two.gpkg"
    _book(path)
    table = load(path)
    assert table["incident_id"].tolist() == ["A1"]
    assert table.attrs["load_report"]["sheets_not_read"] == ["strikes_utm"]


def test_a_layer_named_all_is_read_by_its_name(tmp_path):
    path = tmp_path / "named.gpkg"
    _book(path, all_name=True)
    assert load(path, sheet="all")["incident_id"].tolist() == ["A1"]


def test_unknown_layer_lists_the_layers(tmp_path):
    path = tmp_path / "two.gpkg"
    _book(path)
    with pytest.raises(LoadError, match="'clashes', 'strikes_utm', 'empty'"):
        load(path, sheet="nope")
