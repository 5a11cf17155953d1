"""Loader regressions found by feeding it real-world-shaped files (see tests/hostile)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from incidents import load
from incidents._load_parse import parse_counts
from incidents.errors import LoadError


def test_hidden_sheets_are_read_only_when_named(tmp_path: Path) -> None:
    # Was: a hidden first sheet (a lookup table) was read by default, the visible
    # sheet the analyst sees in Excel was not.
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    lookup = wb.active
    lookup.title = "lookup"
    lookup.sheet_state = "hidden"
    lookup.append(["id", "date", "location"])
    lookup.append(["H1", "2025-01-01", "Kabul"])
    visible = wb.create_sheet("incidents")
    visible.append(["id", "date", "location"])
    visible.append(["V1", "2025-10-12", "Torkham"])
    visible.append(["V2", "2025-10-13", "Chaman"])
    path = tmp_path / "book.xlsx"
    wb.save(path)

    default = load(path)
    assert default["incident_id"].tolist() == ["V1", "V2"]
    assert default.attrs["load_report"]["hidden_sheets_not_read"] == ["lookup"]
    assert load(path, sheet="all")["incident_id"].tolist() == ["V1", "V2"]
    assert load(path, sheet="lookup")["incident_id"].tolist() == ["H1"]
    assert load(path, sheet=0)["incident_id"].tolist() == ["H1"]


def test_counts_with_a_decimal_comma_are_whole_numbers() -> None:
    # Was: "1,0" from a European spreadsheet was flagged bad_fatalities.
    text = pd.Series(["1,0", "12,00", "1,000", "1,5", "2,50", "3"], dtype="string")
    counts, bad = parse_counts(text)
    assert counts.tolist() == [1, 12, 1000, pd.NA, pd.NA, 3]
    assert bad.tolist() == [False, False, False, True, True, False]


def test_semicolon_file_with_decimal_commas_reads_counts_and_coordinates(tmp_path: Path) -> None:
    path = tmp_path / "europe.csv"
    path.write_text(
        "id;date;location;latitude;longitude;fatalities\n"
        "S1;13.10.2025;Torkham;34,1147;71,0847;3,0\n",
        encoding="cp1252",
    )
    row = load(path).iloc[0]
    assert (row["latitude"], row["longitude"], row["fatalities"]) == (34.1147, 71.0847, 3)
    assert row["review_flags"] == ""


def test_an_input_column_named_geometry_is_kept_beside_the_point(tmp_path: Path) -> None:
    # Was: an input text column "geometry" was replaced by the positioned table's
    # point geometry, its text lost.
    from incidents import geocode, position

    path = tmp_path / "g.csv"
    path.write_text(
        "id,location,latitude,longitude,geometry\nA,Torkham,34.11,71.08,near the gate\n",
        encoding="utf-8",
    )
    table = load(path)
    assert table["src_geometry"].tolist() == ["near the gate"]
    out = position(geocode(table))
    assert out["src_geometry"].tolist() == ["near the gate"]
    assert (out.geometry.x[0], out.geometry.y[0]) == (71.08, 34.11)


def test_a_coordinates_column_of_pairs_places_the_rows(tmp_path: Path) -> None:
    # Was: a single "Coordinates" column ("34.1147, 71.0847", as map applications
    # copy a point) was not read: every row came out unplaced.
    path = tmp_path / "pairs.csv"
    path.write_text(
        "id,place,Coordinates\n"
        'A,p,"34.1147, 71.0847"\n'
        "B,p,30.921;66.4597\n"
        'C,p,"34°06\'54""N 71°05\'06""E"\n'
        "D,p,71.0847E 34.1147N\n"
        'E,p,"(34,5; 70,25)"\n'
        "F,p,not a pair\n"
        "G,p,\n"
        'H,p,"95.0, 71.0"\n',
        encoding="utf-8",
    )
    t = load(path)
    assert t["latitude"].round(6).tolist()[:5] == [34.1147, 30.921, 34.115, 34.1147, 34.5]
    assert t["longitude"].round(6).tolist()[:5] == [71.0847, 66.4597, 71.085, 71.0847, 70.25]
    assert t["latitude"][5:].isna().all() and t["longitude"][5:].isna().all()
    flags = t["review_flags"].tolist()
    assert flags[:5] == [""] * 5
    assert "bad_coordinates" in flags[5] and "bad_coordinates" not in flags[6]
    assert "bad_coordinates" in flags[7]  # latitude 95 is off the globe
    assert t["Coordinates"][0] == "34.1147, 71.0847"  # the text stays


def test_a_place_name_column_called_where_coordinates_is_not_read_as_pairs(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ucdp_like.csv"
    path.write_text("id,where_coordinates\n1,Chaman town\n", encoding="utf-8")
    t = load(path, columns={"location": "where_coordinates"})
    assert t["location"].tolist() == ["Chaman town"] and t["latitude"].isna().all()
    assert t["review_flags"].tolist() == [""]


def test_excel_sep_line_sets_the_delimiter_and_is_not_a_title(tmp_path: Path) -> None:
    # Was: "sep=," was skipped as a title line (and named so in a note) while the
    # delimiter was guessed; a quoted line break error named the wrong line.
    path = tmp_path / "excel.csv"
    path.write_bytes(
        b'sep=,\r\nid,location,latitude,longitude\r\nA,Torkham,"34,1147","71,0847"\r\n\r\n'
    )
    t = load(path)
    report = t.attrs["load_report"]
    assert (report["delimiter"], report["delimiter_line"]) == (",", "sep=,")
    assert "rows_above_header" not in report and report["blank_rows_skipped"] == 1
    assert (t["latitude"][0], t["longitude"][0]) == (34.1147, 71.0847)
    broken = tmp_path / "broken.csv"
    broken.write_text('sep=;\nid;notes\nA;"never closed\nB;x\n', encoding="utf-8")
    with pytest.raises(LoadError, match=r"broken.csv: line 3: a quoted field"):
        load(broken)
