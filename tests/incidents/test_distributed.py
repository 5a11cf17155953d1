"""The Dask engine on a 2-worker LocalCluster gives the in-process results exactly."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest

pytest.importorskip("dask_geopandas")
pytest.importorskip("distributed")

from test_stream import raw_table

import incidents
from incidents.distributed import aggregate_dataset, geocode_dataset
from incidents.errors import IncidentError
from incidents.stream import geocode_file


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("dask") / "raw"
    d.mkdir()
    df = raw_table(3_000, seed=11)
    for i, (a, b) in enumerate([(0, 1_100), (1_100, 2_400), (2_400, 3_000)]):
        df.iloc[a:b].to_parquet(d / f"f{i}.parquet", row_group_size=400)
    return d


def test_dask_equals_in_process_row_for_row_and_aggregates_byte_for_byte(folder, tmp_path):
    dask_out, local_out = tmp_path / "dask", tmp_path / "local"
    s = geocode_dataset(folder, dask_out, n_workers=2, chunk_rows=1_000)
    assert s["rows"] == 3_000 and s["partitions"] >= 4
    geocode_file(folder, local_out, chunk_rows=1_000)
    a, b = gpd.read_parquet(dask_out), gpd.read_parquet(local_out)
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True))
    assert list(a["source_row"]) == list(range(3_000))

    whole = b  # the in-process (streamed, tested equal to prepare()) table
    for by, options in [("segment", {"km": 50, "period": "month"}), ("admin2", {})]:
        got = aggregate_dataset(dask_out, by=by, n_workers=2, chunk_rows=500, **options)
        want = incidents.aggregate(whole, by=by, **options)
        incidents.write(got, tmp_path / f"{by}_dask.geojson")
        incidents.write(want, tmp_path / f"{by}_local.geojson")
        assert (tmp_path / f"{by}_dask.geojson").read_bytes() == (
            tmp_path / f"{by}_local.geojson"
        ).read_bytes()


def test_dask_refuses_a_non_empty_output_folder(folder, tmp_path):
    out = tmp_path / "busy"
    out.mkdir()
    (out / "keep.txt").write_text("x", encoding="utf-8")
    with pytest.raises(IncidentError, match="new or empty"):
        geocode_dataset(folder, out)
    assert (out / "keep.txt").read_text(encoding="utf-8") == "x"
