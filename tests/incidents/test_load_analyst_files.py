"""Files as analysts hand them over: title rows, date ranges, Excel serials, DMS coordinates.

Each test is a regression for a failure found by using the product on inputs
shaped like real exports (synthetic rows; no ACLED or UCDP records).  Expected
values are written by hand from the calendar and from degree arithmetic.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from incidents._load_header import header_row
from incidents._load_parse import parse_dates, parse_float, split_date_ranges
from incidents.errors import LoadError
from incidents.load import load

# -- a title or grouped header above the real header ------------------------------------------


def test_csv_title_and_metadata_lines_above_the_header_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "Border incidents export\nGenerated 2025-11-01\n\n"
        "id,date,place,killed\n1,2025-10-12,Torkham,2\n2,2025-10-13,Chaman,1\n",
        encoding="utf-8",
    )
    df = load(path)
    assert list(df["incident_id"]) == ["1", "2"]
    assert list(df["location"]) == ["Torkham", "Chaman"]
    assert list(df["fatalities"]) == [2, 1]
    assert list(df["review_flags"]) == ["", ""]
    report = df.attrs["load_report"]
    assert report["rows_read"] == 2
    assert report["rows_above_header"] == 2
    assert report["text_above_header"] == ["Border incidents export", "Generated 2025-11-01"]


def test_csv_title_padded_to_the_table_width_is_skipped(tmp_path: Path) -> None:
    # A spreadsheet saved as CSV pads the title row with empty fields.
    path = tmp_path / "export.csv"
    path.write_text(
        "Border incidents,,,\nid,date,place,killed\n1,2025-10-12,Torkham,2\n", encoding="utf-8"
    )
    df = load(path)
    assert list(df["location"]) == ["Torkham"]
    assert df.attrs["load_report"]["rows_above_header"] == 1
    assert df.attrs["load_report"]["blank_rows_skipped"] == 0


def test_excel_merged_title_and_group_header_rows_are_skipped(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Incidents"
    ws["A1"] = "Border incidents October 2025"
    ws.merge_cells("A1:F1")
    ws["A2"], ws["C2"], ws["F2"] = "When", "Where", "Toll"
    ws.merge_cells("A2:B2")
    ws.merge_cells("C2:E2")
    for col, name in enumerate(["id", "date", "place", "lat", "lon", "killed"], start=1):
        ws.cell(3, col, name)
    ws.append(["x1", dt.datetime(2025, 10, 12), "Torkham", 34.1325, 71.0953, 2])
    ws.append(["x2", "2025-10-13", "Chaman", 30.92, 66.45, 1])
    path = tmp_path / "book.xlsx"
    book.save(path)

    df = load(path)
    assert list(df["incident_id"]) == ["x1", "x2"]
    assert list(df["date"]) == [pd.Timestamp("2025-10-12"), pd.Timestamp("2025-10-13")]
    assert list(df["latitude"]) == [34.1325, 30.92]
    # The merged title does not mark the first record as a merged cell.
    assert list(df["review_flags"]) == ["", ""]
    assert df.attrs["load_report"]["text_above_header"] == [
        "Border incidents October 2025",
        "When | Where | Toll",
    ]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([["id", "date", "place"], ["1", "2025-10-12", "Torkham"]], 0),
        ([["Title"], ["id", "date", "place"], ["1", "2025-10-12", "Torkham"]], 1),
        # Custom headers nobody knows: a one-value title row is still skipped ...
        ([["Report"], ["Ref", "Wann", "Ort"], ["1", "2025-10-12", "Torkham"]], 1),
        # ... but not when the row after it is data (numbers and dates).
        ([["Ort"], ["1", "2025-10-12"]], 0),
        # A one-column table keeps its header.
        ([["place"], ["Torkham"], ["Chaman"]], 0),
    ],
)
def test_header_row(rows: list[list[str]], expected: int) -> None:
    assert header_row(rows) == expected


# -- dates: ranges in one cell, Excel serial numbers -------------------------------------------


@pytest.mark.parametrize(
    ("cell", "start", "end"),
    [
        ("2025-10-12/2025-10-14", "2025-10-12", "2025-10-14"),
        ("2025-10-12 to 2025-10-20", "2025-10-12", "2025-10-20"),
        ("12 Oct 2025 - 14 Oct 2025", "2025-10-12", "2025-10-14"),
        ("12-14 October 2025", "2025-10-12", "2025-10-14"),
        ("12\u201314 Oct 2025", "2025-10-12", "2025-10-14"),
        ("13/10/2025/15/10/2025", "2025-10-13", "2025-10-15"),
        # month first (US reports), a start without its own year, months without a day
        ("Oct 12-14, 2025", "2025-10-12", "2025-10-14"),
        ("October 12 \u2013 14, 2025", "2025-10-12", "2025-10-14"),
        ("30 Sep - 2 Oct 2025", "2025-09-30", "2025-10-02"),
        ("Sep 30 - Oct 2, 2025", "2025-09-30", "2025-10-02"),
        ("October 2025", "2025-10-01", "2025-10-31"),
        ("Sept 2025", "2025-09-01", "2025-09-30"),
        ("Feb-2024", "2024-02-01", "2024-02-29"),
        ("2025-11", "2025-11-01", "2025-11-30"),
        ("10/2025", "2025-10-01", "2025-10-31"),
        ("Dec 2025 - Jan 2026", "2025-12-01", "2026-01-31"),
    ],
)
def test_a_date_range_in_the_date_cell_gives_start_and_end(
    tmp_path: Path, cell: str, start: str, end: str
) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f'id,date,place\n1,"{cell}",Torkham\n', encoding="utf-8")
    df = load(path)
    assert df.loc[0, "date"] == pd.Timestamp(start)
    assert df.loc[0, "date_end"] == pd.Timestamp(end)
    assert df.loc[0, "review_flags"] == ""
    assert df.loc[0, "src_date"] == cell  # the text as written is kept


def test_a_date_range_does_not_override_an_end_column(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("id,date,end_date\n1,2025-10-12/2025-10-14,2025-10-16\n", encoding="utf-8")
    df = load(path)
    assert df.loc[0, "date"] == pd.Timestamp("2025-10-12")
    assert df.loc[0, "date_end"] == pd.Timestamp("2025-10-16")


def test_a_reversed_range_is_flagged(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("id,date,place\n1,2025-10-14/2025-10-12,Torkham\n", encoding="utf-8")
    df = load(path)
    assert df.loc[0, "date"] == pd.Timestamp("2025-10-14")
    assert df.loc[0, "date_end"] == pd.Timestamp("2025-10-12")
    assert df.loc[0, "review_flags"] == "date_end_before_date"


def test_single_dates_and_non_dates_are_not_split() -> None:
    cells = pd.Series(["2025/10/12", "12/10/2025", "a/b", "2025", None], dtype="string")
    start, end = split_date_ranges(cells)
    assert start.tolist()[:4] == ["2025/10/12", "12/10/2025", "a/b", "2025"]
    assert end.isna().all()


def test_excel_serial_day_numbers_are_dates() -> None:
    # 45942 days after 1899-12-30 is 2025-10-12 (Excel's 1900 date system).
    dates, bad, _ = parse_dates(pd.Series(["45942", "45942.5", "25569", "2025"], dtype="string"))
    assert dates[0] == pd.Timestamp("2025-10-12")
    assert dates[1] == pd.Timestamp("2025-10-12 12:00")
    assert dates[2] == pd.Timestamp("1970-01-01")
    assert bad.tolist() == [False, False, False, True]  # a year alone is not a day


# -- coordinates in degrees, minutes, seconds -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("31°37'N", 31 + 37 / 60),
        ("31° 37' 12\" N", 31 + 37 / 60 + 12 / 3600),
        ("N 31°37.2'", 31 + 37.2 / 60),
        ("65 43 00 E", 65 + 43 / 60),
        ("31.62N", 31.62),
        ("69.5W", -69.5),
        ("31°37\u203212\u2033S", -(31 + 37 / 60 + 12 / 3600)),
        ("-31.5°", -31.5),
    ],
)
def test_degrees_minutes_seconds(text: str, value: float) -> None:
    numbers, bad = parse_float(pd.Series([text], dtype="string"))
    assert not bad[0]
    assert numbers[0] == pytest.approx(value, abs=1e-9)


@pytest.mark.parametrize("text", ["31 37", "31°75'N", "-31°S", "12.5.3N", "N", "abc"])
def test_not_degrees(text: str) -> None:
    numbers, bad = parse_float(pd.Series([text], dtype="string"))
    assert bad[0] and pd.isna(numbers[0])


def test_dms_columns_load_as_coordinates(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        'id,place,lat,lon\n1,Kandahar,"31°37\'N","65°43\'E"\n2,Nowhere,north,east\n',
        encoding="utf-8",
    )
    df = load(path)
    assert df.loc[0, "latitude"] == pytest.approx(31 + 37 / 60)
    assert df.loc[0, "longitude"] == pytest.approx(65 + 43 / 60)
    assert df.loc[0, "review_flags"] == ""
    assert df.loc[1, "review_flags"] == "bad_coordinates"


# -- JSON ------------------------------------------------------------------------------------


def test_json_api_answer_wrapping_the_records_is_read(tmp_path: Path) -> None:
    path = tmp_path / "api.json"
    path.write_text(
        json.dumps(
            {
                "status": 200,
                "success": True,
                "count": 2,
                "data": [
                    {"event_id_cnty": "T1", "event_date": "2025-10-12", "location": "Torkham"},
                    {"event_id_cnty": "T2", "event_date": "2025-10-13", "location": "Chaman"},
                ],
            }
        ),
        encoding="utf-8",
    )
    df = load(path)
    assert list(df["incident_id"]) == ["T1", "T2"]
    assert list(df["location"]) == ["Torkham", "Chaman"]
    assert df.attrs["load_report"]["json_member"] == "data"


@pytest.mark.parametrize(
    ("obj", "says"),
    [
        ({"a": [{"x": 1}], "b": [{"y": 2}]}, "an object with members 'a', 'b'"),
        ({"type": "Point", "coordinates": [71, 34]}, "an object of type 'Point'"),
        (["a", "b"], "a list holding str values"),
        (42, "a single int"),
    ],
)
def test_json_that_is_not_a_table_is_refused_naming_what_it_holds(
    tmp_path: Path, obj: object, says: str
) -> None:
    path = tmp_path / "x.json"
    path.write_text(json.dumps(obj), encoding="utf-8")
    with pytest.raises(LoadError, match=f"JSON holds {re.escape(says)}"):
        load(path)


def test_geojson_point_off_the_globe_is_flagged_not_dropped(tmp_path: Path) -> None:
    features = [
        {"type": "Feature", "properties": {"id": "a", "place": "Torkham"},
         "geometry": {"type": "Point", "coordinates": [500, 34]}},
        {"type": "Feature", "properties": {"id": "b", "place": "Chaman"},
         "geometry": {"type": "Point", "coordinates": [66.45, 30.92]}},
    ]  # fmt: skip
    path = tmp_path / "x.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    df = load(path)
    assert pd.isna(df.loc[0, "latitude"]) and pd.isna(df.loc[0, "longitude"])
    assert df.loc[0, "review_flags"] == "bad_coordinates"
    assert df.loc[1, "review_flags"] == ""
    assert df.loc[1, "longitude"] == 66.45


# -- a WKT column in a text table ------------------------------------------------------------


def test_wkt_column_places_rows_of_a_table_without_coordinate_columns(tmp_path: Path) -> None:
    path = tmp_path / "qgis_export.csv"
    path.write_text(
        "id,place,WKT\n"
        "1,Torkham,POINT (71.0953 34.1325)\n"
        '2,Chaman,"POLYGON ((66 30, 67 30, 67 31, 66 31, 66 30))"\n'
        "3,Wana,not wkt\n"
        "4,Khost,\n"
        "5,Utm,POINT (500000 3700000)\n",
        encoding="utf-8",
    )
    df = load(path)
    assert df.loc[0, "latitude"] == 34.1325 and df.loc[0, "longitude"] == 71.0953
    # The polygon's representative point lies inside the square.
    assert 30 < df.loc[1, "latitude"] < 31 and 66 < df.loc[1, "longitude"] < 67
    assert list(df["review_flags"]) == [
        "",
        "non_point_geometry",
        "bad_geometry",
        "",
        "bad_coordinates",  # projected metres are not longitude/latitude
    ]
    assert df.loc[2, "WKT"] == "not wkt"  # the text is kept
    assert "assumed" in df.attrs["load_report"]["crs"]


def test_wkt_column_does_not_override_coordinate_columns(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("id,lat,lon,geometry\n1,34.1,71.1,POINT (66 30)\n", encoding="utf-8")
    df = load(path)
    assert (df.loc[0, "latitude"], df.loc[0, "longitude"]) == (34.1, 71.1)


def test_arabic_indic_digits_are_numbers(tmp_path: Path) -> None:
    # Extended Arabic-Indic digits (Urdu, Pashto, Dari) with the Arabic decimal
    # separator, and Arabic-Indic digits: 12/10/2025, 3 killed, 34.13 N 71.09 E.
    path = tmp_path / "t.csv"
    path.write_text(
        "id,place,date,killed,lat,lon\n"
        "1,Torkham,\u06f1\u06f2/\u06f1\u06f0/\u06f2\u06f0\u06f2\u06f5,\u06f3,"
        "\u06f3\u06f4\u066b\u06f1\u06f3,\u06f7\u06f1\u066b\u06f0\u06f9\n"
        "2,Chaman,\u0662\u0660\u0662\u0665-\u0661\u0660-\u0661\u0663,\u0662,30.9,66.4\n",
        encoding="utf-8",
    )
    df = load(path)
    assert list(df["date"]) == [pd.Timestamp("2025-10-12"), pd.Timestamp("2025-10-13")]
    assert list(df["fatalities"]) == [3, 2]
    assert df.loc[0, "latitude"] == pytest.approx(34.13)
    assert df.loc[0, "longitude"] == pytest.approx(71.09)
    assert "bad_fatalities" not in df.loc[0, "review_flags"]
    assert "bad_coordinates" not in df.loc[0, "review_flags"]


def test_binary_data_is_refused_in_one_plain_sentence(tmp_path: Path) -> None:
    path = tmp_path / "nul.csv"
    path.write_bytes(b"id,place\n1,Tork\x00ham\n" + bytes(range(256)))
    with pytest.raises(LoadError) as info:
        load(path)
    message = str(info.value)
    assert "is binary data (NUL bytes), not delimited text" in message
    assert "not text, not" not in message  # the kind no longer repeats "not text"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 12 October 2025 was a Sunday; 9 October 2025 a Thursday.
        ("Sunday, 12 October 2025", "2025-10-12"),
        ("Sun 12 Oct 2025", "2025-10-12"),
        ("Sun. 2025-10-12", "2025-10-12"),
        ("Thursday 9 October 2025", "2025-10-09"),
        ("Thu Oct 9 2025", "2025-10-09"),
        ("Mon Oct 12 2025", None),  # the weekday contradicts the date
        ("Sunday", None),
    ],
)
def test_dates_with_their_weekday(text: str, expected: str | None) -> None:
    dates, bad, _ = parse_dates(pd.Series([text], dtype="string"))
    if expected is None:
        assert bad[0] and pd.isna(dates[0])
    else:
        assert not bad[0] and dates[0] == pd.Timestamp(expected)
