"""The streaming engine (:mod:`incidents.stream`) gives what the in-memory path gives."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

import incidents
from incidents.errors import IncidentError, LoadError
from incidents.stream import (
    Progress,
    aggregate_file,
    combine_aggregates,
    geocode_file,
    iter_tables,
)
from maps.cli import main

PLACES = [
    "Torkham",
    "Chaman",
    "Peshawar",
    "Spin Boldak",
    "Khost",
    "Jalalabad",
    "Parachinar",
    "Miranshah",
    "Wana",
    "Kabul",
    "Quetta",
    "Barmal",
    "Landi Kotal",
    "Zhob",
    "Asadabad",
    "",
    "nowhere-at-all",
]


def raw_table(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "event_id": [f"E{i}" for i in range(n)],
            "date": (
                pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 300, n), unit="D")
            ).strftime("%Y-%m-%d"),
            "location": rng.choice(PLACES, n),
            "fatalities": rng.integers(0, 5, n),
            "event_type": rng.choice(["Battles", "Explosions/Remote violence", ""], n),
            "notes": rng.choice(['a, quoted "note"', "line\nbreak", "plain"], n),
        }
    )


@pytest.fixture(scope="module")
def raw(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("stream")
    df = raw_table(2_300, seed=7)
    csv_path = d / "raw.csv"
    df.to_csv(csv_path, index=False)
    pq_path = d / "raw.parquet"
    df.to_parquet(pq_path, row_group_size=400)
    folder = d / "rawdir"
    folder.mkdir()
    for i, (a, b) in enumerate([(0, 800), (800, 1700), (1700, 2300)]):
        df.iloc[a:b].to_parquet(folder / f"f{i}.parquet", row_group_size=300)
    return {"csv": csv_path, "parquet": pq_path, "folder": folder, "dir": d}


@pytest.fixture(scope="module")
def in_memory(raw) -> gpd.GeoDataFrame:
    return incidents.prepare(raw["csv"])


@pytest.mark.parametrize("kind", ["csv", "parquet", "folder"])
def test_geocode_file_equals_in_memory(raw, in_memory, tmp_path, kind):
    out = tmp_path / "out"
    summary = geocode_file(raw[kind], out, chunk_rows=500)
    assert summary["rows"] == len(in_memory) == 2_300
    assert summary["chunks"] >= 4
    parts = sorted(out.iterdir())
    assert [p.name for p in parts][:2] == ["part-00000.parquet", "part-00001.parquet"]
    got = gpd.read_parquet(out)
    assert pd.read_parquet(out).shape == got.shape  # plain pandas reads the dataset too
    assert list(got["source_row"]) == list(range(2_300))
    cols = [c for c in in_memory.columns if c != "geometry"]
    if kind != "csv":  # parquet gives fatalities as integers, the CSV as text
        cols = [c for c in cols if not c.startswith("src_")]
    pd.testing.assert_frame_equal(
        pd.DataFrame(got[cols]).reset_index(drop=True),
        pd.DataFrame(in_memory[cols]).reset_index(drop=True),
    )
    assert got.geometry.reset_index(drop=True).equals(in_memory.geometry.reset_index(drop=True))


def test_csv_output_is_byte_identical_to_in_memory(raw, in_memory, tmp_path):
    streamed, whole = tmp_path / "s.csv", tmp_path / "m.csv"
    geocode_file(raw["csv"], streamed, chunk_rows=333)
    incidents.write(in_memory, whole)
    assert streamed.read_bytes() == whole.read_bytes()


AGGS = [
    ("segment", {"km": 100}),
    ("segment", {"km": 50, "period": "week"}),
    ("admin1", {"period": "month"}),
    ("admin2", {}),
    ("band", {}),
    ("hex", {}),
    ("hex", {"period": "month"}),
]


@pytest.fixture(scope="module")
def positioned(raw) -> Path:
    out = raw["dir"] / "positioned"
    geocode_file(raw["csv"], out, chunk_rows=700)
    return out


@pytest.mark.parametrize(("by", "options"), AGGS)
def test_aggregate_file_equals_aggregate(positioned, in_memory, by, options):
    got = aggregate_file(positioned, by=by, chunk_rows=300, **options)
    want = incidents.aggregate(in_memory, by=by, **options)
    pd.testing.assert_frame_equal(got, want)
    assert got.attrs == want.attrs


def test_aggregate_file_of_a_raw_file_geocodes_each_chunk(raw, in_memory):
    got = aggregate_file(raw["csv"], by="segment", chunk_rows=900, km=100, period="month")
    want = incidents.aggregate(in_memory, by="segment", km=100, period="month")
    pd.testing.assert_frame_equal(got, want)


def test_combine_of_one_part_is_the_part(in_memory):
    agg = incidents.aggregate(in_memory, by="admin1", period="month")
    pd.testing.assert_frame_equal(combine_aggregates([agg]), agg)
    with pytest.raises(IncidentError, match="at least one"):
        combine_aggregates([])


def test_failed_run_leaves_no_output_and_keeps_the_old_file(raw, tmp_path, monkeypatch):
    import incidents.stream as stream

    calls = {"n": 0}
    real = stream.process_chunk

    def failing(table):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk gone")
        return real(table)

    monkeypatch.setattr(stream, "process_chunk", failing)
    old = tmp_path / "out.csv"
    old.write_text("previous output\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="disk gone"):
        geocode_file(raw["csv"], old, chunk_rows=500)
    assert old.read_text(encoding="utf-8") == "previous output\n"
    calls["n"] = 0
    with pytest.raises(RuntimeError):
        geocode_file(raw["csv"], tmp_path / "ds", chunk_rows=500)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]  # no folder, no temp


def test_duplicate_ids_across_chunks_are_reported(tmp_path):
    df = raw_table(50, seed=1)
    df.loc[40, "event_id"] = "E3"  # E3 is in the first chunk, row 40 in the third
    src = tmp_path / "dup.csv"
    df.to_csv(src, index=False)
    s = geocode_file(src, tmp_path / "o.parquet", chunk_rows=20)
    assert s["duplicate_ids_across_chunks"] == 1
    assert len(pd.read_parquet(tmp_path / "o.parquet")) == 50


def test_iter_tables_counts_rows_across_chunks(raw):
    sizes, rows = [], []
    for t in iter_tables(raw["folder"], chunk_rows=250):
        sizes.append(len(t))
        rows += list(t["source_row"])
    assert sum(sizes) == 2_300 and max(sizes) <= 300
    assert rows == list(range(2_300))


def test_bad_inputs_are_clear(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(LoadError, match="must hold .parquet files"):
        next(iter_tables(empty))
    x = tmp_path / "a.geojson"
    x.write_text("{}", encoding="utf-8")
    with pytest.raises(LoadError, match="chunked reading takes"):
        next(iter_tables(x))
    with pytest.raises(IncidentError, match="at least 1"):
        next(iter_tables(x, chunk_rows=0))


def test_progress_lines_and_quiet(capsys):
    p = Progress("job", total=100, every=0.0)
    p.update(40)
    p.close()
    err = capsys.readouterr().err
    assert "job: 40 rows of 100 (40%)" in err and "rows/s" in err and "s left" in err
    q = Progress("job", total=100, quiet=True, every=0.0)
    q.update(40)
    assert capsys.readouterr().err == ""


def test_cli_engines(raw, tmp_path, capsys):
    out = tmp_path / "ds"
    assert main(["geocode", str(raw["csv"]), "-o", str(out), "--chunk-rows", "1000"]) == 0
    assert "(stream)" in capsys.readouterr().out  # a folder output streams
    agg = tmp_path / "a.csv"
    assert main(["aggregate", str(out), "--by", "band", "-o", str(agg), "--quiet"]) == 0
    assert pd.read_csv(agg)["incidents"].sum() > 0
    code = main(
        ["geocode", str(raw["folder"]), "-o", str(tmp_path / "x.csv"), "--engine", "memory"]
    )
    assert code == 2
    assert "use --engine stream or dask" in capsys.readouterr().err
    code = main(["geocode", str(raw["csv"]), "-o", str(out), "--engine", "stream"])
    assert code == 2  # an existing, non-empty dataset folder is never overwritten
    assert "must be new or empty" in capsys.readouterr().err


def test_cli_starts_without_geopandas():
    code = "import sys, maps.cli; sys.exit('geopandas' in sys.modules or 'folium' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_info_facts_equal_the_frontier():
    from geo import Frontier
    from maps._cmd_info import facts

    f, fast = Frontier.default(), facts()
    assert fast["length_km"] == pytest.approx(f.length_km, rel=1e-12)
    assert fast["start"] == pytest.approx(f.start) and fast["end"] == pytest.approx(f.end)
    assert fast["vertices"] == f.vertex_count
    assert tuple(fast["sources"]) == f.sources and fast["name"] == f.name


@pytest.mark.parametrize("records", [3, 25])
def test_a_title_line_above_the_header_gives_the_in_memory_rows(tmp_path, records):
    lines = ["Border incidents collected by hand", "", "id,date,location,fatalities"]
    lines += [
        f"E{i},2025-10-{1 + i % 28:02d},{PLACES[i % len(PLACES)]},{i}" for i in range(records)
    ]
    src = tmp_path / "titled.csv"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    whole = incidents.load(src)
    parts = list(iter_tables(src, chunk_rows=4))
    assert max(len(t) for t in parts) <= 4
    streamed = pd.concat(parts, ignore_index=True)
    assert len(streamed) == len(whole) == records
    for col in ("incident_id", "date", "location", "fatalities", "source_row"):
        assert streamed[col].tolist() == whole[col].tolist(), col


def test_a_column_first_seen_in_a_later_chunk_is_counted_and_said(tmp_path, capsys):
    # the surplus text of an over-long row in the third chunk: the output's columns are
    # fixed by the first chunk, so the loss is counted and said, never silent
    lines = ["id,date,location,latitude,longitude"]
    lines += [f"{i},2025-10-12,Torkham,34.11,71.08" for i in range(2_100)]
    lines[2_051] += ",surplus,text"
    src = tmp_path / "extra.csv"
    src.write_text("\n".join(lines) + "\n")
    summary = geocode_file(src, tmp_path / "out.csv", chunk_rows=1_000)
    assert summary["rows"] == 2_100
    assert summary["columns_not_written"] == {"src_extra_fields": 1}
    out = pd.read_csv(tmp_path / "out.csv")
    assert out["review_flags"].fillna("").str.contains("extra_fields").sum() == 1
    from maps.cli import main

    assert (
        main(
            [
                "geocode",
                str(src),
                "-o",
                str(tmp_path / "o2.csv"),
                "--engine",
                "stream",
                "--chunk-rows",
                "1000",
                "--quiet",
            ]
        )
        == 0
    )
    err = capsys.readouterr().err
    assert "src_extra_fields (1 values)" in err and "--engine memory" in err
