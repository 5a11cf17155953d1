"""The command line on files as analysts hand them over (regressions found in use)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from incidents.io import read
from maps.cli import main

CSV = "id,date,place,lat,lon,killed\n1,2025-10-12,Torkham,34.1325,71.0953,2\n"


@pytest.mark.parametrize(
    "command",
    [
        ["geocode", "IN", "-o", "-"],
        ["aggregate", "IN", "--by", "segment", "-o", "-"],
        ["map", "IN", "-o", "-"],
    ],
)
def test_output_dash_is_refused_not_written_as_a_file_named_dash(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.csv").write_text(CSV, encoding="utf-8")
    argv = [a.replace("IN", "in.csv") for a in command]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "-o -" in err[0] and "standard output" in err[0]
    assert not (tmp_path / "-").exists()


def test_geocode_reads_a_csv_with_a_title_above_the_header(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "export.csv"
    src.write_text("Border incidents, October 2025\n\n" + CSV, encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["geocode", str(src), "-o", str(out), "--quiet"]) == 0
    assert "1 rows read: 1 located (input 1" in capsys.readouterr().out
    table = read(out)
    assert list(table["incident_id"]) == ["1"]
    assert table.loc[0, "latitude"] == pytest.approx(34.1325)


def test_geocode_names_the_title_lines_it_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "export.csv"
    src.write_text("Border incidents export\n" + CSV, encoding="utf-8")
    assert main(["geocode", str(src), "-o", str(tmp_path / "o.csv"), "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "1 line(s) above the header were skipped as a title: 'Border incidents export'" in err


def test_geocode_names_other_sheets_that_hold_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    data = book.active
    data.title = "Data"
    data.append(["id", "place"])
    data.append(["1", "Torkham"])
    more = book.create_sheet("More")
    more.append(["id", "place"])
    more.append(["2", "Chaman"])
    book.create_sheet("Empty")
    src = tmp_path / "book.xlsx"
    book.save(src)
    assert main(["geocode", str(src), "-o", str(tmp_path / "o.csv"), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert "1 rows read" in captured.out
    assert "read sheet 'Data' only; 'More' also hold(s) data" in captured.err
    assert "Empty" not in captured.err


def test_geocode_names_other_geopackage_layers_that_hold_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import geopandas as gpd
    from shapely.geometry import Point

    src = tmp_path / "events.gpkg"
    first = gpd.GeoDataFrame({"id": ["1"]}, geometry=[Point(71.0953, 34.1325)], crs=4326)
    second = gpd.GeoDataFrame({"id": ["2"]}, geometry=[Point(66.45, 30.92)], crs=4326)
    first.to_file(src, layer="strikes")
    second.to_file(src, layer="clashes")
    second.iloc[:0].to_file(src, layer="empty")
    assert main(["geocode", str(src), "-o", str(tmp_path / "o.csv"), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert "1 rows read" in captured.out
    assert (
        "read layer 'strikes' only; 'clashes' also hold(s) data (--sheet NAME, or --sheet all)"
        in captured.err
    )
    # ... and --sheet all reads both (the empty layer adds nothing)
    out = tmp_path / "all.csv"
    assert main(["geocode", str(src), "-o", str(out), "--quiet", "--sheet", "all"]) == 0
    assert "2 rows read" in capsys.readouterr().out
    assert pd.read_csv(out)["sheet"].tolist() == ["strikes", "clashes"]
    assert "empty" not in captured.err
    capsys.readouterr()
    args = ["geocode", str(src), "--sheet", "clashes", "-o", str(tmp_path / "c.csv"), "--quiet"]
    assert main(args) == 0
    assert "also hold" not in capsys.readouterr().err


@pytest.mark.parametrize(
    "command",
    [["geocode", "IN", "-o", "o.geojson"], ["aggregate", "IN", "--by", "segment", "-o", "o.csv"]],
)
def test_a_folder_named_like_a_file_is_refused_as_a_folder(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "events.csv").mkdir()
    assert main([a.replace("IN", "events.csv") for a in command]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "INPUT events.csv is a folder, not a file" in err[0]
    assert "engine" not in err[0]


def test_an_output_inside_a_file_says_the_file_is_not_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "a.geojson").write_text("{}", encoding="utf-8")
    assert main(["geocode", "in.csv", "-o", "a.geojson/x.csv"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "a.geojson is a file, not a folder" in err[0]
