"""The quick GeoParquet reader gives what the general reader gives, or steps aside."""

from __future__ import annotations

import gzip
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from positioned_tables import synthetic_incidents

import incidents
from incidents._load_read import read_table
from incidents._read_geoparquet import read_plain_geoparquet
from incidents.errors import LoadError
from incidents.io import _positioned
from incidents.schema import POSITION


def _general(path: Path) -> gpd.GeoDataFrame:
    """What ``incidents.read`` gave before the quick reader: the general reader's table."""
    return _positioned(read_table(path))


def _table(n: int = 60) -> gpd.GeoDataFrame:
    table = synthetic_incidents(n, seed=3)
    geometry = table.geometry.array.copy()
    geometry[[1, 7]] = None  # not located: no point, no coordinates
    table = table.set_geometry(gpd.GeoSeries(geometry, index=table.index, crs=4326))
    # (a null geometry beside valid coordinates is placed by them on reading)
    table.loc[[1, 7], ["latitude", "longitude"]] = np.nan
    table.loc[[2, 5], "notes"] = pd.NA
    table.loc[[3], "fatalities"] = pd.NA
    return table


def test_written_geoparquet_reads_as_the_general_reader_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    incidents.write(_table(), path)
    assert read_plain_geoparquet(path, needs=frozenset(POSITION)) is not None
    quick, general = incidents.read(path), _general(path)
    pd.testing.assert_frame_equal(quick, general)
    assert quick.crs == general.crs == "EPSG:4326"
    assert quick.geometry.name == general.geometry.name
    assert quick.attrs == general.attrs
    assert quick.geometry.isna().sum() == 2


def test_unreadable_wkb_is_left_to_the_general_reader(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "t.parquet"
    incidents.write(_table(10), path)
    arrow = pq.read_table(path)
    broken = pa.array([b"\x01\x02"] * len(arrow), type=arrow.schema.field("geometry").type)
    i = arrow.schema.get_field_index("geometry")
    pq.write_table(arrow.set_column(i, arrow.schema.field("geometry"), broken), path)
    assert read_plain_geoparquet(path) is None
    with pytest.raises(LoadError):
        incidents.read(path)


def test_other_crs_is_left_to_the_general_reader_which_transforms(tmp_path: Path) -> None:
    table = _table(20)
    path = tmp_path / "utm.parquet"
    table.to_crs(32642).to_parquet(path)
    assert read_plain_geoparquet(path) is None
    back = incidents.read(path)
    assert back.crs == "EPSG:4326"
    ok = table.geometry.notna().to_numpy()
    got = shapely.get_coordinates(back.geometry.array[ok])
    want = shapely.get_coordinates(table.geometry.array[ok])
    np.testing.assert_allclose(got, want, atol=1e-7)
    assert back.attrs["load_report"]["crs"] == "EPSG:32642"


def test_files_of_other_kinds_are_left_to_the_general_reader(tmp_path: Path) -> None:
    table = _table(10)
    plain = tmp_path / "plain.parquet"
    pd.DataFrame(table.drop(columns="geometry")).to_parquet(plain)
    two = tmp_path / "two.parquet"
    table.assign(other=table.geometry).to_parquet(two)
    text = tmp_path / "text.parquet"
    text.write_text("incident_id,date\n1,2024-01-01\n", encoding="utf-8")
    packed = tmp_path / "packed.parquet.gz"
    packed.write_bytes(gzip.compress((tmp_path / "plain.parquet").read_bytes()))
    cut = tmp_path / "cut.parquet"
    incidents.write(table, cut)
    cut.write_bytes(cut.read_bytes()[:-100])
    for path in (plain, two, text, packed, cut, tmp_path / "missing.parquet"):
        assert read_plain_geoparquet(path) is None, path.name
    not_positioned = tmp_path / "raw.parquet"
    incidents.write(table, not_positioned)
    assert read_plain_geoparquet(not_positioned, needs=frozenset({"no_such_column"})) is None
    # the general reader still reads or refuses each as before
    assert len(incidents.read(plain)) == len(table)
    assert len(incidents.read(two)) == len(table)
    for bad in (text, cut, tmp_path / "missing.parquet"):
        with pytest.raises(LoadError):
            incidents.read(bad)


def test_sheet_and_column_options_take_the_general_path(tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    incidents.write(_table(10), path)
    with pytest.raises(LoadError, match="sheet"):
        incidents.read(path, sheet=0)
