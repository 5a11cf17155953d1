"""Tests of :mod:`incidents.io`: the one reader, round trips, atomic and safe writes."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from incidents import aggregate
from incidents.errors import ExportError
from incidents.io import (
    atomic_output,
    check_output,
    column_renames,
    escape_formulas,
    layer_name,
    read,
    write,
)
from incidents.schema import ACCOUNTING, CORE, GEOCODE, POSITION
from maps import cli

SCHEMA = {**CORE, **GEOCODE, **POSITION, **ACCOUNTING}
FORMATS = ["csv", "geojson", "gpkg", "parquet"]

# ------------------------------------------------------------------ round trips
# Text: not blank (CSV cannot tell blank from missing), no NUL, no surrogates;
# formula triggers and already-escaped text on purpose.
_chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
_text = st.one_of(
    st.text(_chars, min_size=1, max_size=12),
    st.sampled_from(["=1+1", "+7", "-2+3", "@x", "\t=A1", "\r=A1", "'=x", "''+y", "-5", "a\r\nb"]),
).filter(lambda t: t.strip() != "")
_maybe_text = st.one_of(st.none(), _text)
_day = st.datetimes(
    min_value=pd.Timestamp("1900-01-01").to_pydatetime(),
    max_value=pd.Timestamp("2100-12-31").to_pydatetime(),
).map(lambda d: d.replace(microsecond=0))
_coord = st.floats(-179.9, 179.9, allow_nan=False).map(lambda v: round(v, 6))


@st.composite
def positioned_tables(draw) -> gpd.GeoDataFrame:
    n = draw(st.integers(1, 8))
    with_time = draw(st.booleans())

    def dates() -> list:
        vals = draw(st.lists(st.one_of(st.none(), _day), min_size=n, max_size=n))
        if not with_time:
            vals = [None if v is None else v.replace(hour=0, minute=0, second=0) for v in vals]
        return vals

    def floats() -> list:
        return draw(
            st.lists(
                st.one_of(st.none(), st.floats(-1e6, 1e6, allow_nan=False)), min_size=n, max_size=n
            )
        )

    def ints() -> list:
        return draw(
            st.lists(st.one_of(st.none(), st.integers(-(10**9), 10**9)), min_size=n, max_size=n)
        )

    def texts() -> list:
        return draw(st.lists(_maybe_text, min_size=n, max_size=n))

    located = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    lon = [draw(_coord) if ok else None for ok in located]
    lat = [round(draw(st.floats(-89.9, 89.9)), 6) if ok else None for ok in located]
    data = {}
    for col, dtype in SCHEMA.items():
        if col in ("latitude", "longitude"):
            data[col] = pd.array(lat if col == "latitude" else lon, dtype="Float64").astype(float)
        elif dtype.startswith("datetime"):
            data[col] = pd.Series(pd.to_datetime(dates())).astype("datetime64[ns]")
        elif dtype == "float64":
            data[col] = pd.array(floats(), dtype="Float64").astype(float)
        elif col in ("fatalities", "injuries"):  # counts: negative ones are refused on reading
            data[col] = pd.array([None if v is None else abs(v) for v in ints()], dtype="Int64")
        elif dtype == "Int64":
            data[col] = pd.array(ints(), dtype="Int64")
        elif col == "side":  # a code: other text is refused on reading
            sides = st.lists(st.sampled_from(["AF", "PK", "other", None]), min_size=n, max_size=n)
            data[col] = pd.array(draw(sides), dtype="string")
        elif dtype == "boolean":
            data[col] = pd.array(
                draw(st.lists(st.sampled_from([True, False, None]), min_size=n, max_size=n)),
                dtype="boolean",
            )
        else:
            data[col] = pd.array(texts(), dtype="string")
    data["review_flags"] = pd.array(
        draw(
            st.lists(
                st.sampled_from(["", "bad_date", "bad_date;generated_id"]), min_size=n, max_size=n
            )
        ),
        dtype="string",
    )
    data["src_comment"] = pd.array(texts(), dtype="string")
    frame = pd.DataFrame({k: pd.Series(v).reset_index(drop=True) for k, v in data.items()})
    ok = frame["latitude"].notna().to_numpy()
    geom = gpd.points_from_xy(frame["longitude"].fillna(0), frame["latitude"].fillna(0))
    geom = np.where(ok, np.asarray(geom, dtype=object), None)
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geom, crs=4326))


@pytest.mark.parametrize("fmt", FORMATS)
@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(table=positioned_tables())
def test_read_of_write_is_the_same_table(tmp_path, fmt, table):
    back = read(write(table, tmp_path / f"t.{fmt}"))
    assert list(back.columns) == list(table.columns)
    pd.testing.assert_frame_equal(
        pd.DataFrame(back.drop(columns="geometry")),
        pd.DataFrame(table.drop(columns="geometry")),
        check_dtype=True,
    )
    assert back.crs.to_epsg() == 4326
    assert list(back.geometry.isna()) == list(table.geometry.isna())
    assert back.geometry.geom_equals_exact(table.geometry, tolerance=1e-9)[
        table.geometry.notna()
    ].all()


def test_demo_output_reads_back_and_aggregates(tmp_path):
    from maps.demo import run_demo

    result = run_demo(tmp_path / "demo")
    back = read(tmp_path / "demo" / "incidents.geojson")
    assert len(back) == len(result.incidents)
    segments = aggregate(back, by="segment", km=50.0)
    assert int(segments["incidents"].sum()) == int(result.segments["incidents"].sum())


def test_old_flags_column_reads_as_review_flags(tmp_path):
    table = _small_positioned().rename(columns={"review_flags": "flags"})
    path = tmp_path / "old.csv"
    pd.DataFrame(table.drop(columns="geometry")).to_csv(path, index=False)
    back = read(path)
    assert "flags" not in back and list(back["review_flags"]) == ["", "bad_date"]


def _small_positioned() -> gpd.GeoDataFrame:
    frame = pd.DataFrame(
        {
            "incident_id": ["a", "b"],
            "location": ["Torkham", "=2+3"],
            "latitude": [34.1147, np.nan],
            "longitude": [71.0847, np.nan],
            "side": ["PK", None],
            "border_distance_km": [1.5, np.nan],
            "frontier_km": [1200.0, np.nan],
            "nearest_crossing": ["Torkham", None],
            "crossing_distance_km": [0.1, np.nan],
            "point_admin1": ["Khyber Pakhtunkhwa", None],
            "point_admin2": ["Khyber", None],
            "review_flags": ["", "bad_date"],
        }
    )
    geom = gpd.GeoSeries([gpd.points_from_xy([71.0847], [34.1147])[0], None], crs=4326)
    return gpd.GeoDataFrame(frame, geometry=geom)


def test_positioned_text_that_is_not_its_type_is_kept_and_flagged(tmp_path):
    path = tmp_path / "edited.csv"
    write(_small_positioned(), path)
    text = path.read_text().replace("1200.0", "twelve hundred")
    path.write_text(text)
    back = read(path)
    assert pd.isna(back.loc[0, "frontier_km"])
    assert back.loc[0, "src_frontier_km"] == "twelve hundred"
    assert back.loc[0, "review_flags"] == "unreadable_value"


# ------------------------------------------------------------------ CSV safety
def test_formula_cells_are_escaped_and_numbers_are_not(tmp_path):
    frame = pd.DataFrame(
        {
            "text": ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "'=x", "-5", "1e5", "ok"],
            "num": [-1.5, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        }
    )
    out = escape_formulas(frame)
    assert list(out["text"]) == [
        "'=1+1", "'+cmd", "'-2+3", "'@SUM(A1)", "'\t=1", "'\r=1", "''=x", "-5", "1e5", "ok"
    ]  # fmt: skip
    assert out["num"].tolist() == frame["num"].tolist()
    path = write(frame, tmp_path / "f.csv")
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8"), newline="")))
    assert len(rows) == 11 and rows[1] == ["'=1+1", "-1.5"] and rows[6][0] == "'\r=1"
    raw = write(frame, tmp_path / "raw.csv", escape=False)
    assert list(csv.reader(io.StringIO(raw.read_bytes().decode(), newline="")))[1][0] == "=1+1"


def test_embedded_cr_and_lf_are_quoted_so_rows_survive(tmp_path):
    frame = pd.DataFrame({"a": ["x\ry", "p\nq", "r\r\ns", "t"], "b": [1, 2, 3, 4]})
    path = write(frame, tmp_path / "nl.csv")
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode(), newline="")))
    assert [r[0] for r in rows[1:]] == ["x\ry", "p\nq", "r\r\ns", "t"]
    assert pd.read_csv(path)["b"].tolist() == [1, 2, 3, 4]


# ------------------------------------------------------------------ GeoPackage rules
def test_gpkg_renames_case_collisions_and_sanitises_the_layer(tmp_path):
    import pyogrio

    table = _small_positioned()
    table["Location"] = ["x", "y"]
    table["SIDE"] = ["p", "q"]
    table["fid"] = ["f1", "f2"]
    renames = column_renames(table.columns)
    assert renames == {"Location": "Location_2", "SIDE": "SIDE_2", "fid": "fid_2"}
    path = write(table, tmp_path / "gpkg_out.gpkg")
    assert [name for name, _ in pyogrio.list_layers(path)] == ["layer_gpkg_out"]
    back = read(path)
    assert back["Location_2"].tolist() == ["x", "y"] and back["location"].tolist() == [
        "Torkham",
        "=2+3",
    ]
    assert layer_name("2025 data-v1.gpkg") == "layer_2025_data_v1"


def test_gpkg_refuses_too_many_columns(tmp_path):
    wide = pd.DataFrame({f"c{i}": [1] for i in range(2000)})
    with pytest.raises(ExportError, match=r"1,998 attribute columns and this table needs 2,000"):
        write(wide, tmp_path / "wide.gpkg")
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_an_export_error(tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        write(_small_positioned(), tmp_path / "no" / "such" / "x.gpkg")
    (tmp_path / "dir.csv").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        write(_small_positioned(), tmp_path / "dir.csv")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_is_an_export_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="cannot write in folder"):
            write(_small_positioned(), folder / "x.csv")
    finally:
        folder.chmod(0o700)


# ------------------------------------------------------------------ atomic output
@pytest.mark.parametrize("exc", [RuntimeError("boom"), KeyboardInterrupt()])
def test_atomic_output_keeps_the_previous_file_on_failure(tmp_path, exc):
    target = tmp_path / "out.html"
    target.write_text("previous")
    with pytest.raises(type(exc)), atomic_output(target) as tmp:
        tmp.write_text("half of the new con")
        raise exc
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.html"]


def test_atomic_output_replaces_on_success_and_keeps_permissions(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old")
    target.chmod(0o640)
    with atomic_output(target) as tmp:
        tmp.write_text("new")
    assert target.read_text() == "new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


@pytest.mark.parametrize("ext", FORMATS)
def test_interrupted_write_through_the_cli_leaves_the_old_output(
    tmp_path, monkeypatch, capsys, ext
):
    import incidents._write as w

    src = tmp_path / "in.csv"
    src.write_text("location,latitude,longitude\nTorkham,34.1147,71.0847\n")
    out = tmp_path / f"out.{ext}"
    out.write_bytes(b"previous")

    def interrupted(gdf, tmp, **kw):
        Path(tmp).write_bytes(b"partial")
        raise KeyboardInterrupt

    monkeypatch.setattr(w, "_write_format", interrupted)
    assert cli.main(["geocode", str(src), "-o", str(out)]) == 130
    assert out.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["in.csv", out.name])
    assert "interrupted" in capsys.readouterr().err


def test_output_that_is_the_input_is_refused_unless_forced(tmp_path, capsys):
    src = tmp_path / "in.csv"
    src.write_text("location,latitude,longitude\nTorkham,34.1147,71.0847\n")
    before = src.read_bytes()
    link = tmp_path / "link.csv"
    link.symlink_to(src)
    for argv in (
        ["geocode", str(src), "-o", str(src)],
        ["geocode", str(src), "-o", str(link)],
        ["aggregate", str(src), "--by", "band", "-o", str(src)],
        ["map", str(src), "-o", str(src.with_suffix(".html"))],
    ):
        code = cli.main(argv)
        err = capsys.readouterr().err
        if argv[0] == "map":
            assert code == 0  # a different file
            continue
        assert code == 2 and "is the input file" in err and "--force" in err
        assert src.read_bytes() == before
    with pytest.raises(ExportError):
        check_output(src, src)
    assert check_output(src, src, force=True) == src
    assert cli.main(["geocode", str(src), "-o", str(src), "--force"]) == 0
    assert "geocode_method" in src.read_text()
