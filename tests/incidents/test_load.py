"""Tests for :func:`incidents.load.load`: layouts, formats, parsing, flags and bad input."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import LineString, Point, Polygon

from incidents.errors import LoadError
from incidents.load import LOAD_FLAGS, load
from incidents.schema import ACCOUNTING, CORE

SCHEMA = {**CORE, **ACCOUNTING}

ACLED_HEADER = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]

UCDP_HEADER = [
    "id",
    "relid",
    "year",
    "active_year",
    "code_status",
    "type_of_violence",
    "conflict_dset_id",
    "conflict_new_id",
    "conflict_name",
    "dyad_dset_id",
    "dyad_new_id",
    "dyad_name",
    "side_a_dset_id",
    "side_a_new_id",
    "side_a",
    "side_b_dset_id",
    "side_b_new_id",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "priogrid_gid",
    "country",
    "country_id",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
    "gwnoa",
    "gwnob",
]


def write_csv(
    path: Path, header: list[str], rows: list[dict[str, object]], *, delimiter: str = ","
) -> Path:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(h, "") for h in header])
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def flags_of(df: pd.DataFrame) -> list[set[str]]:
    return [set(f.split(";")) - {""} for f in df["review_flags"]]


def assert_schema_first(df: pd.DataFrame) -> None:
    assert list(df.columns[: len(SCHEMA)]) == list(SCHEMA)
    for column, dtype in SCHEMA.items():
        assert df[column].dtype == pd.Series(dtype=dtype).dtype, column


# -- layouts ----------------------------------------------------------------------------------


@pytest.fixture
def acled_csv(tmp_path: Path) -> Path:
    rows = [
        {
            "event_id_cnty": "PAK1001",
            "event_date": "09 October 2025",
            "year": 2025,
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "actor1": "Military Forces of Pakistan (2024-)",
            "actor2": "Taliban",
            "country": "Pakistan",
            "admin1": "Balochistan",
            "admin2": "Killa Abdullah",
            "location": "Chaman",
            "latitude": "30.9210",
            "longitude": "66.4597",
            "geo_precision": "1",
            "source": "Dawn; Express Tribune",
            "notes": "On 9 October 2025, border forces clashed near Chaman. 3 killed.",
            "fatalities": "3",
            "region": "Southern Asia",
        },
        {
            "event_id_cnty": "AFG2002",
            "event_date": "2025-10-10",
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Shelling/artillery/missile attack",
            "actor1": "Military Forces of Pakistan (2024-)",
            "country": "Afghanistan",
            "admin1": "Kandahar",
            "admin2": "Spin Boldak",
            "location": "Wesh",
            "latitude": "31.0069",
            "longitude": "66.3944",
            "geo_precision": "2",
            "source": "Pajhwok",
            "notes": "Shelling hit Wesh.",
            "fatalities": "0",
        },
    ]
    return write_csv(tmp_path / "acled.csv", ACLED_HEADER, rows)


def test_acled_layout_values(acled_csv: Path) -> None:
    df = load(acled_csv)
    assert df.attrs["layout"] == "acled"
    assert_schema_first(df)
    assert len(df) == 2
    first = df.iloc[0]
    assert first["incident_id"] == "PAK1001"
    assert first["date"] == pd.Timestamp("2025-10-09")
    assert pd.isna(first["date_end"])
    assert first["event_type"] == "Battles"
    assert first["sub_event_type"] == "Armed clash"
    assert first["actor1"] == "Military Forces of Pakistan (2024-)"
    assert first["actor2"] == "Taliban"
    assert first["fatalities"] == 3
    assert (first["location"], first["admin1"], first["admin2"]) == (
        "Chaman",
        "Balochistan",
        "Killa Abdullah",
    )
    assert first["country"] == "Pakistan"
    assert first["latitude"] == pytest.approx(30.921)
    assert first["longitude"] == pytest.approx(66.4597)
    assert first["source"] == "Dawn; Express Tribune"
    assert first["notes"].endswith("3 killed.")
    assert list(df["input_geo_precision"]) == [1, 2]
    assert list(df["source_row"]) == [0, 1]
    assert list(df["review_flags"]) == ["", ""]
    assert pd.isna(df.loc[1, "actor2"])
    assert df.loc[1, "fatalities"] == 0


def test_acled_original_columns_kept(acled_csv: Path) -> None:
    df = load(acled_csv)
    # Differently named sources stay under their own names, as text.
    assert df.loc[0, "event_id_cnty"] == "PAK1001"
    assert df.loc[0, "event_date"] == "09 October 2025"
    assert df.loc[0, "region"] == "Southern Asia"
    assert df.loc[0, "year"] == "2025"
    # Typed schema columns fed by a same-named column keep their text as src_*.
    assert df.loc[0, "src_latitude"] == "30.9210"
    assert df.loc[0, "src_fatalities"] == "3"
    # geo_precision is a GEOCODE column name: the raw text moves aside.
    assert df.loc[0, "src_geo_precision"] == "1"
    assert "geo_precision" not in df.columns
    # Same-named text columns are the schema column itself (no duplicate).
    assert list(df.columns).count("location") == 1
    assert "src_location" not in df.columns
    # Nothing from the header is lost.
    kept = set(df.columns)
    for header in ACLED_HEADER:
        assert header in kept or f"src_{header}" in kept, header


def test_acled_uppercase_headers_are_recognised(tmp_path: Path) -> None:
    header = [h.upper() for h in ACLED_HEADER]
    row = {"EVENT_ID_CNTY": "AFG9", "EVENT_DATE": "9 Oct 2025", "EVENT_TYPE": "Battles"}
    row |= {"LOCATION": "Torkham", "LATITUDE": "34.1", "LONGITUDE": "71.09", "FATALITIES": "2"}
    df = load(write_csv(tmp_path / "old.csv", header, [row]))
    assert df.attrs["layout"] == "acled"
    assert df.loc[0, "incident_id"] == "AFG9"
    assert df.loc[0, "date"] == pd.Timestamp("2025-10-09")
    assert df.loc[0, "location"] == "Torkham"
    assert df.loc[0, "fatalities"] == 2
    assert df.loc[0, "LOCATION"] == "Torkham"


@pytest.fixture
def ucdp_csv(tmp_path: Path) -> Path:
    rows = [
        {
            "id": "501",
            "type_of_violence": "1",
            "side_a": "Government of Pakistan",
            "side_b": "TTP",
            "source_article": "Dawn 2025-10-11",
            "source_office": "Dawn",
            "source_headline": "Clash in Angoor Adda",
            "where_prec": "1",
            "where_coordinates": "Angoor Adda village",
            "where_description": "near the border",
            "adm_1": "Khyber Pakhtunkhwa province",
            "adm_2": "South Waziristan district",
            "latitude": "32.3",
            "longitude": "69.35",
            "country": "Pakistan",
            "date_start": "2025-10-11 00:00:00.000",
            "date_end": "2025-10-11 00:00:00.000",
            "best": "4",
        },
        {
            "id": "502",
            "type_of_violence": "3",
            "side_a": "IS",
            "side_b": "Civilians",
            "source_office": "Pajhwok",
            "source_headline": "Attack",
            "where_prec": "4",
            "where_coordinates": "",
            "where_description": "Paktika province",
            "adm_1": "Paktika province",
            "latitude": "32.5",
            "longitude": "68.6",
            "country": "Afghanistan",
            "date_start": "2025-10-01",
            "date_end": "2025-10-03",
            "best": "2",
        },
        {
            "id": "503",
            "type_of_violence": "2",
            "side_a": "A",
            "side_b": "B",
            "where_prec": "6",
            "where_coordinates": "Afghanistan",
            "latitude": "33.0",
            "longitude": "65.0",
            "date_start": "2025-09-01",
            "date_end": "2025-09-01",
            "best": "0",
        },
    ]
    return write_csv(tmp_path / "ged.csv", UCDP_HEADER, rows)


def test_ucdp_layout_values(ucdp_csv: Path) -> None:
    df = load(ucdp_csv)
    assert df.attrs["layout"] == "ucdp"
    assert_schema_first(df)
    assert list(df["incident_id"]) == ["501", "502", "503"]
    assert list(df["event_type"]) == ["Battles", "Violence against civilians", "Battles"]
    assert list(df["type_of_violence"]) == ["1", "3", "2"]
    assert list(df["actor1"]) == ["Government of Pakistan", "IS", "A"]
    assert list(df["actor2"]) == ["TTP", "Civilians", "B"]
    assert list(df["fatalities"]) == [4, 2, 0]
    assert list(df["date"]) == [
        pd.Timestamp("2025-10-11"),
        pd.Timestamp("2025-10-01"),
        pd.Timestamp("2025-09-01"),
    ]
    # A single-day event has no end date; a range keeps its end.
    assert pd.isna(df.loc[0, "date_end"])
    assert df.loc[1, "date_end"] == pd.Timestamp("2025-10-03")
    # where_coordinates, falling back to where_description.
    assert list(df["location"]) == ["Angoor Adda village", "Paktika province", "Afghanistan"]
    assert df.loc[1, "admin1"] == "Paktika province"
    assert df.loc[0, "admin2"] == "South Waziristan district"
    # source_article, falling back to source_office.
    assert list(df["source"][:2]) == ["Dawn 2025-10-11", "Pajhwok"]
    assert df.loc[0, "notes"] == "Clash in Angoor Adda"
    assert list(df["input_where_prec"]) == [1, 4, 6]
    # where_prec 6 (country only) is as coarse as ACLED's scale goes, never "exact".
    assert df["input_geo_precision"].tolist() == [1, 3, 3]
    assert df.loc[0, "src_latitude"] == "32.3"
    assert df.loc[0, "where_prec"] == "1"
    assert list(df["review_flags"]) == ["", "", ""]


@pytest.mark.parametrize(
    ("where_prec", "expected"),
    [("1", 1), ("2", 2), ("3", 2), ("4", 3), ("5", 3), ("6", 3), ("7", 3), ("9", None)],
)
def test_ucdp_where_prec_to_acled_precision(
    tmp_path: Path, where_prec: str, expected: int | None
) -> None:
    row = {"id": "1", "type_of_violence": "1", "date_start": "2025-01-01", "where_prec": where_prec}
    df = load(write_csv(tmp_path / "ged.csv", UCDP_HEADER, [row]))
    value = df.loc[0, "input_geo_precision"]
    assert pd.isna(value) if expected is None else value == expected, value


def test_layout_can_be_forced_and_is_checked(acled_csv: Path, tmp_path: Path) -> None:
    assert load(acled_csv, layout="generic").attrs["layout"] == "generic"
    generic = write_csv(tmp_path / "g.csv", ["date", "place"], [{"date": "2025-01-01"}])
    with pytest.raises(LoadError, match=r"layout='ucdp' needs columns id, date_start, "):
        load(generic, layout="ucdp")
    with pytest.raises(LoadError, match=r"layout='acleds' is not known; allowed: auto, acled"):
        load(generic, layout="acleds")


# -- generic layout and text formats ----------------------------------------------------------


def test_generic_semicolon_bom_synonyms(tmp_path: Path) -> None:
    text = (
        "Event Date;Place Name;Lat;Lng;Killed;Type;Description;Province;District\n"
        "2025-10-12;Angoor Adda;32,31;69,35;2;Battles;Mortar fire, 2 dead;Paktika;Barmal\n"
        "13 Oct 2025;Torkham;34.10;71.09;;Protests;;Nangarhar;Mohmand Dara\n"
    )
    path = tmp_path / "reports.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    df = load(path)
    assert df.attrs["layout"] == "generic"
    assert df.attrs["encoding"] == "utf-8-sig"
    report = df.attrs["load_report"]
    assert report["delimiter"] == ";"
    assert report["mapping"]["location"] == ["Place Name"]
    assert list(df["location"]) == ["Angoor Adda", "Torkham"]
    assert list(df["latitude"]) == [pytest.approx(32.31), pytest.approx(34.10)]
    assert list(df["longitude"]) == [pytest.approx(69.35), pytest.approx(71.09)]
    assert df.loc[0, "fatalities"] == 2
    assert pd.isna(df.loc[1, "fatalities"])
    assert list(df["date"]) == [pd.Timestamp("2025-10-12"), pd.Timestamp("2025-10-13")]
    assert list(df["event_type"]) == ["Battles", "Protests"]
    assert df.loc[0, "notes"] == "Mortar fire, 2 dead"
    assert list(df["admin1"]) == ["Paktika", "Nangarhar"]
    assert list(df["admin2"]) == ["Barmal", "Mohmand Dara"]
    # The BOM is not part of the first header; originals are kept as text.
    assert df.loc[0, "Event Date"] == "2025-10-12"
    assert df.loc[0, "Lat"] == "32,31"
    # No id column: ids are generated and flagged.
    assert list(df["incident_id"]) == ["row-0", "row-1"]
    assert all("generated_id" in f for f in flags_of(df))


@pytest.mark.parametrize(("delimiter", "suffix"), [("\t", ".tsv"), ("|", ".txt"), ("\t", ".TXT")])
def test_other_delimiters(tmp_path: Path, delimiter: str, suffix: str) -> None:
    path = write_csv(
        tmp_path / f"data{suffix}",
        ["id", "town", "date", "deaths", "notes"],
        [{"id": "a", "town": "Chaman", "date": "2025-10-09", "deaths": 1, "notes": "x, y; z"}],
        delimiter=delimiter,
    )
    df = load(path)
    assert df.attrs["load_report"]["delimiter"] == delimiter
    assert df.loc[0, "location"] == "Chaman"
    assert df.loc[0, "notes"] == "x, y; z"
    assert df.loc[0, "fatalities"] == 1


def test_cp1252_file(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    text = "id,location,notes,date\n1,Café Bōldak,“quoted” – dash,2025-10-09\n"
    path.write_bytes(text.replace("ō", "o").encode("cp1252"))
    df = load(path)
    assert df.attrs["encoding"] == "cp1252"
    assert df.loc[0, "location"] == "Café Boldak"
    assert df.loc[0, "notes"] == "“quoted” – dash"
    assert df.loc[0, "review_flags"] == ""


def test_latin1_fallback_never_crashes(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    # 0x81 is undefined in cp1252 and invalid UTF-8: only Latin-1 decodes it.
    path.write_bytes(b"id,location\n1,Caf\xe9\x81\n")
    df = load(path)
    assert df.attrs["encoding"] == "latin-1"
    assert df.loc[0, "location"] == "Café\x81"


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "excel-unicode.txt"
    path.write_bytes("id\tlocation\n7\tSpīn Bōldak\n".encode("utf-16"))
    df = load(path)
    assert df.attrs["encoding"] == "utf-16"
    assert df.loc[0, "location"] == "Spīn Bōldak"


def test_blank_lines_skipped_and_ragged_rows_kept(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("id,location,date\n\n1,Chaman,2025-10-09,surplus,more\n2,Wesh\n\n,,\n")
    df = load(path)
    # Two empty lines and a row of empty cells are not records.
    assert len(df) == 2
    assert df.attrs["load_report"]["blank_rows_skipped"] == 3
    assert df.loc[0, "src_extra_fields"] == "surplus,more"
    assert "extra_fields" in flags_of(df)[0]
    assert df.loc[1, "location"] == "Wesh"
    assert pd.isna(df.loc[1, "date"])
    assert "extra_fields" not in flags_of(df)[1]


def test_quoted_multiline_notes_and_numbers_in_text(tmp_path: Path) -> None:
    path = tmp_path / "multi.csv"
    path.write_text('id,location,notes\n1,Chaman,"line one\nline two, 3 killed"\n2,123,456\n')
    df = load(path)
    assert len(df) == 2
    assert df.loc[0, "notes"] == "line one\nline two, 3 killed"
    assert df.loc[1, "location"] == "123"
    assert df.loc[1, "notes"] == "456"


def test_clashing_names_get_src_prefix(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "clash.csv",
        ["id", "town", "location", "review_flags", "side", "src_review_flags"],
        [{"id": "1", "town": "Chaman", "location": "Kandahar", "review_flags": "x", "side": "PK"}],
    )
    df = load(path, columns={"location": "town"})
    assert df.loc[0, "location"] == "Chaman"
    assert df.loc[0, "src_location"] == "Kandahar"
    assert df.loc[0, "src_side"] == "PK"  # POSITION column name
    assert df.loc[0, "review_flags"] == ""
    # The input's own src_review_flags keeps its name; its "review_flags" moves past it.
    assert df.loc[0, "src_src_review_flags"] == "x"
    assert pd.isna(df.loc[0, "src_review_flags"])
    assert df.columns.is_unique


# -- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-10-09", "2025-10-09"),
        ("2025/10/9", "2025-10-09"),
        ("20251009", "2025-10-09"),
        ("2025-10-09T14:30:00Z", "2025-10-09 14:30"),
        ("2025-10-09T23:30:00+05:00", "2025-10-09 23:30"),
        ("2025-10-09 00:00:00.000", "2025-10-09"),
        ("09 October 2025", "2025-10-09"),
        ("9 Oct 2025", "2025-10-09"),
        ("9-Oct-25", "2025-10-09"),
        ("October 9, 2025", "2025-10-09"),
        ("Sept 9 2025", "2025-09-09"),
        ("13/10/2025", "2025-10-13"),
        ("13.10.2025", "2025-10-13"),
    ],
)
def test_date_forms(tmp_path: Path, text: str, expected: str) -> None:
    path = write_csv(tmp_path / "d.csv", ["id", "date", "place"], [{"id": 1, "date": text}])
    df = load(path)
    assert df.loc[0, "date"] == pd.Timestamp(expected)
    assert "bad_date" not in df.loc[0, "review_flags"]


def test_numeric_dates_inferred_per_column(tmp_path: Path) -> None:
    rows = [{"id": 1, "date": "10/13/2025"}, {"id": 2, "date": "09/10/2025"}]
    df = load(write_csv(tmp_path / "us.csv", ["id", "date", "place"], rows))
    # 10/13 proves month-first, so 09/10 is 10 September, unflagged.
    assert list(df["date"]) == [pd.Timestamp("2025-10-13"), pd.Timestamp("2025-09-10")]
    assert not any("ambiguous_date" in f for f in flags_of(df))

    rows = [{"id": 1, "date": "13/10/2025"}, {"id": 2, "date": "09/10/2025"}]
    df = load(write_csv(tmp_path / "pk.csv", ["id", "date", "place"], rows))
    assert list(df["date"]) == [pd.Timestamp("2025-10-13"), pd.Timestamp("2025-10-09")]
    assert not any("ambiguous_date" in f for f in flags_of(df))


def test_undecided_numeric_dates_are_day_first_and_flagged(tmp_path: Path) -> None:
    rows = [{"id": 1, "date": "09/10/2025"}, {"id": 2, "date": "05/05/2025"}]
    df = load(write_csv(tmp_path / "amb.csv", ["id", "date", "place"], rows))
    assert list(df["date"]) == [pd.Timestamp("2025-10-09"), pd.Timestamp("2025-05-05")]
    assert "ambiguous_date" in flags_of(df)[0]
    assert "ambiguous_date" not in flags_of(df)[1]  # same either way


@pytest.mark.parametrize(
    "text",
    ["32/13/2025", "29/02/2025", "Octember 2025", "13/2025", "12 Oct", "yesterday", "1200-01-01"],
)
def test_bad_dates_flagged_and_text_kept(tmp_path: Path, text: str) -> None:
    path = write_csv(
        tmp_path / "d.csv", ["id", "event_date", "place"], [{"id": 1, "event_date": text}]
    )
    df = load(path)
    assert pd.isna(df.loc[0, "date"])
    assert "bad_date" in flags_of(df)[0]
    assert df.loc[0, "event_date"] == text


def test_missing_date_tokens_are_not_bad(tmp_path: Path) -> None:
    rows = [{"id": i, "date": t, "place": "x"} for i, t in enumerate(["", "NA", "unknown", "n/a"])]
    df = load(write_csv(tmp_path / "d.csv", ["id", "date", "place"], rows))
    assert df["date"].isna().all()
    assert list(df["review_flags"]) == [""] * 4


def test_date_end_before_date_flagged(tmp_path: Path) -> None:
    rows = [{"id": 1, "start_date": "2025-10-09", "end_date": "2025-10-01", "place": "x"}]
    df = load(write_csv(tmp_path / "r.csv", ["id", "start_date", "end_date", "place"], rows))
    assert df.loc[0, "date_end"] == pd.Timestamp("2025-10-01")
    assert flags_of(df)[0] == {"date_end_before_date"}


# -- Excel ----------------------------------------------------------------------------------


def test_excel_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "book.XLSX"
    frame = pd.DataFrame(
        {
            "Incident ID": ["X1", "X2"],
            "Date": [pd.Timestamp("2025-10-09"), pd.Timestamp("2025-10-10 15:00")],
            "Village": ["Chaman", "Angoor Adda"],
            "Latitude": [30.921, 32.31],
            "Longitude": [66.4597, 69.35],
            "Deaths": [3, 0],
        }
    )
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"a": [1]}).to_excel(writer, sheet_name="Notes", index=False)
        frame.to_excel(writer, sheet_name="Incidents", index=False)
    df = load(path, sheet="Incidents")
    assert df.attrs["load_report"]["sheet"] == "Incidents"
    assert df.attrs["encoding"] is None
    assert list(df["incident_id"]) == ["X1", "X2"]
    assert list(df["date"]) == [pd.Timestamp("2025-10-09"), pd.Timestamp("2025-10-10 15:00")]
    assert list(df["location"]) == ["Chaman", "Angoor Adda"]
    assert list(df["latitude"]) == [pytest.approx(30.921), pytest.approx(32.31)]
    assert list(df["fatalities"]) == [3, 0]
    # Typed cells are kept as text: whole numbers without ".0", dates as ISO.
    assert list(df["Deaths"]) == ["3", "0"]
    assert df.loc[0, "Date"] == "2025-10-09"
    assert list(df["review_flags"]) == ["", ""]
    assert load(path, sheet=1)["incident_id"].tolist() == ["X1", "X2"]
    assert load(path).attrs["load_report"]["sheet"] == "Notes"
    with pytest.raises(
        LoadError, match=r"no sheet 'Events'; available sheets: 'Notes', 'Incidents'"
    ):
        load(path, sheet="Events")


def test_unreadable_excel(tmp_path: Path) -> None:
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"PK\x03\x04 definitely not a zip archive")
    with pytest.raises(LoadError, match=r"broken.xlsx: unreadable Excel workbook"):
        load(bad)
    text = tmp_path / "text.xlsx"
    text.write_text("id,location\n1,Chaman\n")
    with pytest.raises(LoadError, match=r"text.xlsx: not an Excel workbook"):
        load(text)


def test_legacy_xls_without_xlrd(tmp_path: Path) -> None:
    if importlib.util.find_spec("xlrd") is not None:
        pytest.skip("xlrd is installed")
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    with pytest.raises(LoadError, match=r"old.xls: legacy .xls workbooks need .*xlrd"):
        load(path)


# -- geographic formats -----------------------------------------------------------------------


def incidents_gdf(crs: str = "EPSG:4326") -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "event_id": ["G1", "G2"],
            "place": ["Chaman", "Torkham"],
            "event_date": ["2025-10-09", "2025-10-10"],
            "killed": [3, 1],
        },
        geometry=[Point(66.4597, 30.921), Point(71.0936, 34.1124)],
        crs=crs,
    )


def _write_geojson(gdf: gpd.GeoDataFrame, path: Path) -> Path:
    path = path.with_suffix(".geojson")
    gdf.to_file(path, driver="GeoJSON")
    return path


def _write_gpkg(gdf: gpd.GeoDataFrame, path: Path) -> Path:
    path = path.with_suffix(".gpkg")
    gdf.to_file(path, driver="GPKG", layer="incidents")
    return path


def _write_geoparquet(gdf: gpd.GeoDataFrame, path: Path) -> Path:
    path = path.with_suffix(".parquet")
    gdf.to_parquet(path)
    return path


WRITERS = [_write_geojson, _write_gpkg, _write_geoparquet]


@pytest.mark.parametrize("write", WRITERS, ids=["geojson", "gpkg", "geoparquet"])
def test_geo_formats_points(tmp_path: Path, write) -> None:
    path = write(incidents_gdf(), tmp_path / "points")
    df = load(path)
    assert type(df) is pd.DataFrame
    assert_schema_first(df)
    assert list(df["incident_id"]) == ["G1", "G2"]
    assert list(df["location"]) == ["Chaman", "Torkham"]
    assert list(df["latitude"]) == [pytest.approx(30.921), pytest.approx(34.1124)]
    assert list(df["longitude"]) == [pytest.approx(66.4597), pytest.approx(71.0936)]
    assert list(df["fatalities"]) == [3, 1]
    assert list(df["date"]) == [pd.Timestamp("2025-10-09"), pd.Timestamp("2025-10-10")]
    assert list(df["killed"]) == ["3", "1"]
    assert "geometry" not in df.columns and "src_geometry_wkt" not in df.columns
    assert list(df["review_flags"]) == ["", ""]


@pytest.mark.parametrize("write", [_write_gpkg, _write_geoparquet], ids=["gpkg", "geoparquet"])
def test_geo_formats_are_reprojected(tmp_path: Path, write) -> None:
    path = write(incidents_gdf().to_crs("EPSG:32642"), tmp_path / "utm")
    df = load(path)
    assert df["latitude"].tolist() == pytest.approx([30.921, 34.1124], abs=1e-7)
    assert df["longitude"].tolist() == pytest.approx([66.4597, 71.0936], abs=1e-7)
    assert "32642" in df.attrs["load_report"]["crs"]


def test_non_point_geometry(tmp_path: Path) -> None:
    square = Polygon([(66.0, 30.0), (67.0, 30.0), (67.0, 31.0), (66.0, 31.0)])
    gdf = gpd.GeoDataFrame(
        {"id": ["P", "L", "N", "Q"], "place": ["Chaman district", "a road", None, "x"]},
        geometry=[square, LineString([(70, 33), (71, 34)]), None, Point(69.0, 33.0)],
        crs="EPSG:4326",
    )
    path = _write_geojson(gdf, tmp_path / "shapes")
    df = load(path)
    assert square.contains(Point(df.loc[0, "longitude"], df.loc[0, "latitude"]))
    assert flags_of(df)[0] == {"non_point_geometry"}
    assert df.loc[0, "src_geometry_wkt"].startswith("POLYGON ((66")
    assert df.loc[1, "src_geometry_wkt"].startswith("LINESTRING")
    assert flags_of(df)[2] == {"missing_location_and_coordinates"}
    assert pd.isna(df.loc[3, "src_geometry_wkt"])
    assert (df.loc[3, "latitude"], df.loc[3, "longitude"]) == (33.0, 69.0)
    assert flags_of(df)[3] == set()


def test_plain_parquet_and_json_records(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "id": ["a", "b"],
            "lat": [34.0, np.nan],
            "lon": [71.5, np.nan],
            "town": ["Landi Kotal", None],
        }
    )
    frame.to_parquet(tmp_path / "plain.parquet")
    df = load(tmp_path / "plain.parquet")
    assert df.attrs["load_report"]["format"] == "parquet"
    assert df.loc[0, "latitude"] == 34.0
    assert df.loc[0, "lat"] == "34"
    assert flags_of(df)[1] == {"missing_location_and_coordinates"}

    records = [{"id": "r1", "location": "Chaman", "fatalities": 2, "tags": ["a", "b"]}]
    (tmp_path / "records.json").write_text(json.dumps(records))
    df = load(tmp_path / "records.json")
    assert df.loc[0, "fatalities"] == 2
    assert df.loc[0, "tags"] == '["a", "b"]'


def test_bad_geojson_geometry_is_flagged(tmp_path: Path) -> None:
    features = [
        {"type": "Feature", "properties": {"id": "1", "place": "x"}, "geometry": {"type": "Blob"}},
        {
            "type": "Feature",
            "properties": None,
            "geometry": {"type": "Point", "coordinates": [70, 33]},
        },
    ]
    path = tmp_path / "bad.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    df = load(path)
    assert "bad_geometry" in flags_of(df)[0]
    assert (df.loc[1, "latitude"], df.loc[1, "longitude"]) == (33.0, 70.0)
    assert df.loc[1, "incident_id"] == "row-1"


# -- user column mapping ----------------------------------------------------------------------


def test_user_mapping_overrides_layout(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "m.csv",
        ["ref", "village", "district", "when", "toll", "y", "x"],
        [{"ref": "R1", "village": "Wesh", "district": "Spin Boldak", "when": "2025-10-09",
          "toll": "5", "y": "31.0", "x": "66.4"}],
    )  # fmt: skip
    df = load(path, columns={"location": "district", "fatalities": "toll", "admin2": "village"})
    assert df.loc[0, "location"] == "Spin Boldak"
    assert df.loc[0, "admin2"] == "Wesh"
    assert df.loc[0, "fatalities"] == 5
    assert df.loc[0, "incident_id"] == "R1"  # synonym "ref" still found by the layout
    assert df.loc[0, "latitude"] == 31.0
    assert df.attrs["load_report"]["mapping"]["location"] == ["district"]
    # Loose matching of the user's input column names.
    assert load(path, columns={"location": "Village"}).loc[0, "location"] == "Wesh"


def test_user_mapping_errors(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "m.csv", ["id", "place"], [{"id": "1", "place": "Chaman"}])
    with pytest.raises(
        LoadError,
        match=r"unknown schema column\(s\) 'town' \(-> 'place'\); valid schema columns: "
        r"incident_id, date, .*notes$",
    ):
        load(path, columns={"town": "place"})
    with pytest.raises(
        LoadError,
        match=r"input column\(s\) 'site' \(for 'location'\) that the file lacks; "
        r"its columns: id, place$",
    ):
        load(path, columns={"location": "site"})
    with pytest.raises(
        LoadError, match=r"columns must map schema column -> input column name, got list"
    ):
        load(path, columns=["location"])  # type: ignore[arg-type]


# -- bad input --------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match=r"nope.csv: no such file"):
        load(tmp_path / "nope.csv")


def test_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "data.docx"
    path.write_text("x")
    with pytest.raises(
        LoadError, match=r"unknown file extension '.docx'; allowed: .csv, .tsv, .txt, .xlsx"
    ):
        load(path)
    (tmp_path / "noext").write_text("x")
    with pytest.raises(LoadError, match=r"unknown file extension '\(none\)'"):
        load(tmp_path / "noext")


@pytest.mark.parametrize("name", ["e.csv", "e.xlsx", "e.geojson", "e.gpkg", "e.parquet"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(LoadError, match=rf"{name}: file is empty \(0 bytes\)"):
        load(path)


def test_blank_text_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    path.write_text("\n  \n\n")
    with pytest.raises(LoadError, match=r"blank.csv: no header row"):
        load(path)


def test_header_only_gives_empty_table(tmp_path: Path, acled_csv: Path) -> None:
    path = tmp_path / "header.csv"
    path.write_text(",".join(ACLED_HEADER) + "\n")
    df = load(path)
    assert len(df) == 0
    assert_schema_first(df)
    assert "event_id_cnty" in df.columns
    assert df.attrs["layout"] == "acled"
    assert df.attrs["load_report"]["rows_read"] == 0
    assert df.attrs["load_report"]["flagged"] == 0


def test_corrupt_parquet(tmp_path: Path) -> None:
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"PAR1 this is not parquet")
    with pytest.raises(LoadError, match=r"broken.parquet: unreadable Parquet file"):
        load(path)


def test_corrupt_geopackage_and_json(tmp_path: Path) -> None:
    gpkg = tmp_path / "broken.gpkg"
    gpkg.write_bytes(b"SQLite format 3\0 truncated")
    with pytest.raises(LoadError, match=r"broken.gpkg: unreadable GeoPackage"):
        load(gpkg)
    bad_json = tmp_path / "broken.geojson"
    bad_json.write_text('{"type": "FeatureCollection", "features": [')
    with pytest.raises(LoadError, match=r"broken.geojson: not valid JSON \(.* at line 1"):
        load(bad_json)
    scalar = tmp_path / "scalar.json"
    scalar.write_text("42")
    with pytest.raises(LoadError, match=r"scalar.json: JSON holds a single int; expected"):
        load(scalar)


def test_sheet_is_refused_for_text_and_path_type_checked(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "s.csv", ["id"], [{"id": "1"}])
    with pytest.raises(LoadError, match=r"sheet='x' was given but a delimited file has no sheets"):
        load(path, sheet="x")
    with pytest.raises(LoadError, match=r"path must be a str or os.PathLike, got int"):
        load(3)  # type: ignore[arg-type]
    with pytest.raises(LoadError, match=r"is a directory"):
        (tmp_path / "dir.csv").mkdir()
        load(tmp_path / "dir.csv")


def test_load_error_is_a_value_error() -> None:
    assert issubclass(LoadError, ValueError)


# -- accounting -----------------------------------------------------------------------------


def test_accounting_every_row_once_with_correct_flags(tmp_path: Path) -> None:
    header = ["id", "date", "location", "latitude", "longitude", "fatalities", "notes"]
    rows = [
        {"id": "A", "date": "2025-10-09", "location": "Chaman", "latitude": "30.92",
         "longitude": "66.45", "fatalities": "3", "notes": "good"},
        {"id": "B", "date": "32/13/2025", "location": "Wesh", "fatalities": "many"},
        {"id": "B", "date": "2025-10-09", "latitude": "abc", "longitude": "66.4"},
        {"id": "", "date": "2025-10-10", "location": "Torkham", "latitude": "95",
         "longitude": "71"},
        {"id": "E", "date": "2025-10-11", "latitude": "0", "longitude": "0", "fatalities": "2.5"},
        {"id": "F", "date": "", "location": "Angoor Adda", "latitude": "32.31"},
        {"id": "G", "date": "1 Oct 2025", "location": "Ghulam Khan", "latitude": "33,1",
         "longitude": "70,1", "fatalities": "1,200"},
    ]  # fmt: skip
    df = load(write_csv(tmp_path / "mix.csv", header, rows))
    assert len(df) == len(rows)
    assert list(df["source_row"]) == list(range(len(rows)))
    assert df["source_row"].is_unique
    expected = [
        set(),
        {"duplicate_incident_id", "bad_date", "bad_fatalities"},
        {"duplicate_incident_id", "bad_coordinates", "missing_location_and_coordinates"},
        {"generated_id", "bad_coordinates"},
        {"bad_coordinates", "bad_fatalities", "missing_location_and_coordinates"},
        {"bad_coordinates"},
        set(),
    ]
    assert flags_of(df) == expected
    assert list(df["incident_id"]) == ["A", "B", "B", "row-3", "E", "F", "G"]
    assert df.loc[0, "fatalities"] == 3
    assert pd.isna(df.loc[1, "fatalities"])
    assert pd.isna(df.loc[1, "date"])
    assert df.loc[6, "fatalities"] == 1200
    assert (df.loc[6, "latitude"], df.loc[6, "longitude"]) == (33.1, 70.1)
    # Unparsed text survives in the input columns.
    assert df.loc[1, "src_fatalities"] == "many"
    assert df.loc[1, "src_date"] == "32/13/2025"
    assert df.loc[2, "src_latitude"] == "abc"
    assert df.loc[3, "src_latitude"] == "95"
    assert df[["latitude", "longitude"]].iloc[2:6].isna().all().all()
    # Flags are in LOAD_FLAGS order and the report counts them.
    for flags in df["review_flags"]:
        names = [f for f in flags.split(";") if f]
        assert names == sorted(names, key=LOAD_FLAGS.index)
    report = df.attrs["load_report"]
    assert report["rows_read"] == 7
    assert report["flagged"] == 5
    assert report["flags"]["bad_coordinates"] == 4
    assert report["flags"]["duplicate_incident_id"] == 2
    assert report["flags"]["generated_id"] == 1
    assert report["flags"]["bad_date"] == 1
    assert report["flags"]["bad_fatalities"] == 2
    assert report["flags"]["extra_fields"] == 0
    assert set(report["flags"]) == set(LOAD_FLAGS)


def test_input_is_not_mutated_and_result_is_independent(acled_csv: Path) -> None:
    before = acled_csv.read_bytes()
    first = load(acled_csv)
    first.loc[0, "location"] = "changed"
    assert acled_csv.read_bytes() == before
    assert load(acled_csv).loc[0, "location"] == "Chaman"


# -- hostile input (issue 12) -----------------------------------------------------------------

PASHTO_CSV = "location,notes\nتورخم,ډزې\nچمن,x\n"


def _flags(df: pd.DataFrame) -> list[str]:
    return df["review_flags"].tolist()


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "u.csv"
    path.write_bytes(PASHTO_CSV.encode(codec))
    df = load(path)
    assert df["location"].tolist() == ["تورخم", "چمن"]
    assert df.attrs["encoding"] == codec


def test_stray_cp1252_byte_in_utf8_is_repaired_only_there_and_flagged(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_bytes(PASHTO_CSV.encode().replace("ډزې".encode(), "ډزې ".encode() + b"\x93q\x94"))
    df = load(path)
    assert df["location"].tolist() == ["تورخم", "چمن"]  # the rest stays UTF-8
    assert df["notes"].tolist() == ["ډزې “q”", "x"]
    assert [("repaired_text" in f) for f in _flags(df)] == [True, False]


def test_unclosed_quote_is_an_error_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_bytes(b'id,location,source\nA,Torkham,"Wire\nB,Chaman,x\nC,Spin Boldak,y\n')
    with pytest.raises(LoadError, match=r"q.csv: line 2: a quoted field .* never closed"):
        load(path)
    path.write_bytes(b'id,location,source\nA,Torkham,"Wire\nB,Chaman,x\nC,"Spin",y\n')
    with pytest.raises(LoadError, match=r"q.csv: line 2: the quoted field in column 3"):
        load(path)


def test_quoted_newlines_and_huge_fields_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "ok.csv"
    path.write_text('location,notes\nTorkham,"one\ntwo"\nChaman,' + "A" * 200_000 + "\n")
    df = load(path)
    assert df["notes"].str.len().tolist() == [7, 200_000]


def test_gzip_and_xlsx_named_csv_are_read(tmp_path: Path) -> None:
    import gzip

    import openpyxl

    path = tmp_path / "g.csv"
    path.write_bytes(gzip.compress(b"location\nTorkham\nChaman\n"))
    assert load(path)["location"].tolist() == ["Torkham", "Chaman"]
    wb = openpyxl.Workbook()
    wb.active.append(["location"])
    wb.active.append(["Torkham"])
    wb.save(tmp_path / "x.csv")
    df = load(tmp_path / "x.csv")
    assert df["location"].tolist() == ["Torkham"]
    assert "Excel" in df.attrs["load_report"]["content"]


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(50), "a PNG image"),
        (b"%PDF-1.4\n", "a PDF document"),
        (b"\x7fELF" + bytes(50), "an executable program"),
        (bytes(range(256)) * 4, "binary data"),
    ],
)
def test_binary_named_csv_is_refused_naming_its_type(
    tmp_path: Path, data: bytes, name: str
) -> None:
    path = tmp_path / "b.csv"
    path.write_bytes(data)
    with pytest.raises(LoadError, match=rf"b.csv: is {name}"):
        load(path)


def _workbook(path: Path, sheets: dict[str, list[list[object]]], merge: str | None = None) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    for k, (title, rows) in enumerate(sheets.items()):
        ws = wb.active if k == 0 else wb.create_sheet()
        ws.title = title
        for row in rows:
            ws.append(row)
        if merge:
            ws.merge_cells(merge)
    wb.save(path)
    return path


def test_cover_sheet_is_an_error_and_all_sheets_are_read(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "c.xlsx",
        {
            "Cover": [["Incident report"]],
            "Oct": [["location"], ["Torkham"], ["Chaman"]],
            "Nov": [["location", "notes"], ["Kabul", "x"]],
        },
    )
    with pytest.raises(LoadError, match=r"first sheet 'Cover' has no data rows; .*'Oct', 'Nov'"):
        load(path)
    df = load(path, sheet="all")
    assert df["location"].tolist() == ["Torkham", "Chaman", "Kabul"]
    assert df["sheet"].tolist() == ["Oct", "Oct", "Nov"]
    assert df["source_row"].tolist() == [0, 1, 2]
    assert load(path, sheet="Nov")["notes"].tolist() == ["x"]


def test_formula_cells_keep_their_text_and_merged_cells_their_value(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "f.xlsx",
        {"S": [["location", "x", "latitude"], ["Torkham", "=2+3", 34.1], [None, 1, "=34.1"]]},
        merge="A2:A3",
    )
    df = load(path)
    assert df["location"].tolist() == ["Torkham", "Torkham"]
    assert df["x"].tolist() == ["=2+3", "1"]
    assert df["src_latitude"].tolist() == ["34.1", "=34.1"]
    flags = _flags(df)
    assert "excel_formula" in flags[0] and "merged_cell" in flags[1]
    assert "excel_formula" in flags[1] and "bad_coordinates" in flags[1]


def test_geojson_empty_and_unreadable_geometries_are_flagged(tmp_path: Path) -> None:
    features = [
        {"type": "Feature", "properties": {"location": "a"}, "geometry": g}
        for g in (
            {"type": "Point", "coordinates": []},
            {"type": "LineString", "coordinates": [[71.0, 34.0]]},
            {"type": "Point", "coordinates": [71.0847, 34.1147]},
        )
    ]
    path = tmp_path / "g.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    df = load(path)
    assert len(df) == 3
    assert _flags(df)[0].startswith("") and "empty_geometry" in _flags(df)[0]
    assert "bad_geometry" in _flags(df)[1]
    assert df["latitude"].tolist()[2] == pytest.approx(34.1147)


def test_geojson_unknown_crs_and_deep_nesting_are_clear_errors(tmp_path: Path) -> None:
    path = tmp_path / "crs.geojson"
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::999999"}}
    path.write_text(json.dumps({"type": "FeatureCollection", "crs": crs, "features": []}))
    with pytest.raises(LoadError, match=r"'crs' member names .*999999.* not a known CRS"):
        load(path)
    deep = tmp_path / "deep.json"
    deep.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    with pytest.raises(LoadError, match="nested too deeply"):
        load(deep)


def test_lone_surrogate_escape_is_replaced_and_flagged(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text('[{"location": "Tor\\ud800kham"}, {"location": "Chaman"}]')
    df = load(path)
    assert df["location"].tolist() == ["Tor\ufffdkham", "Chaman"]
    assert ["repaired_text" in f for f in _flags(df)] == [True, False]


def test_escaped_formula_cells_are_unescaped(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("location,notes\n'=Torkham,''@x\n'plain,-5\n")
    df = load(path)
    assert df["location"].tolist() == ["=Torkham", "'plain"]
    assert df["notes"].tolist() == ["'@x", "-5"]


@pytest.mark.parametrize(
    "column",
    [
        ["a", " ", "", None, "\u2003", " b "],
        [1.0, 2.5, float("nan"), None, 1e16, -0.0, float("inf")],
        [1, None, -7, 10**20],
        [True, 1, "x", None, 2.0],
    ],
)
def test_column_fast_paths_give_the_text_of_every_cell(column: list[object]) -> None:
    from incidents._load_cells import _texts, cell_text

    assert _texts(column) == [cell_text(v) for v in column]


def test_geojson_plain_points_are_read_like_any_other_geometry(tmp_path: Path) -> None:
    from shapely.geometry import shape

    from incidents._load_read import read_table

    geometries = [
        {"type": "Point", "coordinates": [70.5, 34.25]},
        {"type": "Point", "coordinates": [71, 33]},
        {"type": "Point", "coordinates": [70.1, 34.2, 1500.0]},
        {"type": "LineString", "coordinates": [[70, 34], [71, 35]]},
    ]
    features = [
        {"type": "Feature", "properties": {"event_id": str(i)}, "geometry": g}
        for i, g in enumerate(geometries)
    ]
    path = tmp_path / "points.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    raw = read_table(path)
    for got, g in zip(raw.geometry, geometries, strict=True):
        assert got.equals(shape(g)) and got.has_z == shape(g).has_z
