"""Real-world-shaped files a new user brings, through load -> geocode -> write.

Each test pins one problem found by feeding such files to ``frontier geocode``:
what arrived, and that the answer is a flagged row or a one-line refusal (exit 2)
instead of a silent drop, a wrong value or work thrown away.  Expected values are
written by hand from how each file is built.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pandas as pd
import pytest

from incidents import load
from incidents.errors import LoadError
from maps import cli


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


# -- a file saved without its header row ------------------------------------------------
@pytest.mark.parametrize(
    "first_line",
    [
        "Torkham,34.1147,71.0847,3",  # place, coordinates, deaths
        "A1,2025-10-12,Torkham",  # id, date, place
        "Chaman,30°55'16\"N,66°27'35\"E",  # coordinates in DMS
    ],
)
def test_a_file_without_header_is_refused_not_its_first_row_dropped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], first_line: str
) -> None:
    # Was: the first record became the header and vanished; the others were
    # read with unrecognised columns (1 row out of 2, silently).
    path = tmp_path / "noheader.csv"
    path.write_text(f"{first_line}\nSpin Boldak,31.0049,66.3997,0\n", encoding="utf-8")
    code, out, err = _run(["geocode", str(path), "-o", str(tmp_path / "o.csv")], capsys)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "the first row looks like data, not a header" in err
    assert not (tmp_path / "o.csv").exists()


def test_headers_that_name_known_columns_or_only_text_are_still_headers(tmp_path: Path) -> None:
    named = tmp_path / "named.csv"  # one known name is enough, even beside a number
    named.write_text("place,2025\nTorkham,x\n", encoding="utf-8")
    assert load(named)["location"].tolist() == ["Torkham"]
    words = tmp_path / "words.csv"  # unknown names, but words: a header of its own
    words.write_text("Ort,Tote\nTorkham,3\n", encoding="utf-8")
    assert len(load(words)) == 1
    mapped = tmp_path / "mapped.csv"  # the user names the columns: no guessing
    mapped.write_text("1,2\nTorkham,3\n", encoding="utf-8")
    assert load(mapped, columns={"location": "1"})["location"].tolist() == ["Torkham"]


def test_an_excel_sheet_without_header_is_refused(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    wb.active.append(["Torkham", 34.1147, 71.0847])
    wb.active.append(["Chaman", 30.921, 66.4597])
    wb.save(tmp_path / "noheader.xlsx")
    with pytest.raises(LoadError, match=r"noheader.xlsx: the first row looks like data"):
        load(tmp_path / "noheader.xlsx")


# -- a table too wide for a GeoPackage -----------------------------------------------------
def test_too_wide_for_geopackage_is_refused_before_geocoding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Was: 2,100 columns were loaded, geocoded and positioned, then the GeoPackage
    # writer refused the column count.
    calls: list[int] = []
    module = importlib.import_module("incidents.geocode")  # the package re-exports the function
    real = module.geocode

    def counting(table: pd.DataFrame, **kw: object) -> pd.DataFrame:
        calls.append(len(table))
        return real(table, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "geocode", counting)
    header = ["id", "location", *(f"c{i}" for i in range(2100))]
    path = tmp_path / "wide.csv"
    path.write_text(
        ",".join(header) + "\n" + ",".join(["W1", "Torkham", *["x"] * 2100]) + "\n",
        encoding="utf-8",
    )
    code, _, err = _run(["geocode", str(path), "-o", str(tmp_path / "w.gpkg")], capsys)
    assert code == 2
    assert "a GeoPackage layer holds at most 1,998 attribute columns" in err
    assert "write .parquet or .csv instead" in err
    assert calls == []  # refused before the geocoder ran
    assert not (tmp_path / "w.gpkg").exists()
    code, _, _ = _run(["geocode", str(path), "-o", str(tmp_path / "w.csv")], capsys)
    assert code == 0 and calls == [1]  # the same table to CSV is written whole
    assert len(pd.read_csv(tmp_path / "w.csv").columns) > 2100


# -- --change on a table without dates -------------------------------------------------
def test_change_without_any_date_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Was: "change needs dated incidents; the aggregate has no period" although
    # --period was given: the rows had no date, which the message did not say.
    path = tmp_path / "undated.csv"
    path.write_text("id,date,location\nA,someday,Torkham\nB,,Chaman\n", encoding="utf-8")
    argv = ["aggregate", str(path), "--by", "band", "--change", "--period", "day"]
    code, _, err = _run([*argv, "-o", str(tmp_path / "a.csv")], capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "none of its 2 rows has a date; 1 hold(s) text that is not a date" in err


# -- hidden Excel sheets ------------------------------------------------------------------
def test_geocode_names_hidden_sheets_it_did_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    wb.active.title = "old"
    wb.active.sheet_state = "hidden"
    wb.active.append(["id", "location"])
    wb.active.append(["H1", "Kabul"])
    wb.create_sheet("new").append(["id", "location"])
    wb["new"].append(["N1", "Torkham"])
    wb.save(tmp_path / "b.xlsx")
    argv = ["geocode", str(tmp_path / "b.xlsx"), "-o", str(tmp_path / "o.csv")]
    code, out, err = _run(argv, capsys)
    assert code == 0 and "1 rows read" in out
    assert "hidden sheet(s) 'old' hold data and were not read (--sheet NAME)" in err
    assert pd.read_csv(tmp_path / "o.csv")["incident_id"].tolist() == ["N1"]
