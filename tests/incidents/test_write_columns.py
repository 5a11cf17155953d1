"""incidents.write on tables an analyst builds by hand: odd column names and cell values."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point

from incidents.errors import ExportError
from incidents.io import read, write

FORMATS = ["csv", "geojson", "gpkg", "parquet"]


def _table() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"incident_id": ["a", "b"], "location": ["Torkham", "Chaman"]},
        geometry=[Point(71.0953, 34.1325), Point(66.45, 30.92)],
        crs=4326,
    )


@pytest.mark.parametrize("ext", FORMATS)
def test_column_names_that_are_not_text_are_written_as_text(tmp_path: Path, ext: str) -> None:
    table = _table()
    table[2025] = [1, 2]
    path = write(table, tmp_path / f"t.{ext}")
    back = read(path)
    assert "2025" in back.columns
    assert [int(v) for v in back["2025"]] == [1, 2]


@pytest.mark.parametrize("ext", FORMATS)
def test_a_column_name_used_twice_is_refused_and_the_old_file_kept(
    tmp_path: Path, ext: str
) -> None:
    path = write(_table(), tmp_path / f"t.{ext}")
    before = path.read_bytes()
    twice = pd.concat([_table(), _table()[["location"]]], axis=1)
    with pytest.raises(ExportError, match=r"column name\(s\) used more than once: 'location'"):
        write(twice, path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("ext", FORMATS)
def test_list_and_dict_cells_are_written_as_text(tmp_path: Path, ext: str) -> None:
    table = _table()
    table["tags"] = pd.Series([["clash", "border"], None], dtype=object)
    table["extra"] = pd.Series([{"n": 1}, np.array([1.5, 2.0])], dtype=object)
    back = read(write(table, tmp_path / f"t.{ext}"))
    assert back.loc[0, "tags"].replace("'", '"') == '["clash", "border"]'
    assert pd.isna(back.loc[1, "tags"])
    assert "1.5" in back.loc[1, "extra"]


@pytest.mark.parametrize("ext", ["csv", "gpkg", "parquet"])
def test_list_and_dict_cells_are_json_text_in_every_tabular_format(
    tmp_path: Path, ext: str
) -> None:
    table = _table()
    table["extra"] = pd.Series([{"n": 1, "who": "Ali"}, ["a", "b"]], dtype=object)
    back = read(write(table, tmp_path / f"t.{ext}"))
    assert json.loads(back.loc[0, "extra"]) == {"n": 1, "who": "Ali"}
    assert json.loads(back.loc[1, "extra"]) == ["a", "b"]


def test_gpkg_keeps_the_geometry_beside_columns_named_like_it(tmp_path: Path) -> None:
    # Was: a text column "Geometry" before the geometry column kept its name and
    # the geometry was renamed (GDAL: "multiple geometry columns"); a column "geom"
    # clashed with GDAL's default geometry field name ("Error adding field 'geom'").
    table = _table()
    table.insert(1, "Geometry", ["x", None])
    table.insert(2, "geom", ["y", "z"])
    table.insert(3, "FID", ["7", "8"])
    write(table, tmp_path / "t.gpkg")
    back = gpd.read_file(tmp_path / "t.gpkg")
    assert [(p.x, p.y) for p in back.geometry] == [(71.0953, 34.1325), (66.45, 30.92)]
    assert back["Geometry_2"].iloc[0] == "x" and pd.isna(back["Geometry_2"].iloc[1])
    assert back["geom"].tolist() == ["y", "z"]
    assert back["FID_2"].tolist() == ["7", "8"]
