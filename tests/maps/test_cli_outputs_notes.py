"""Every command guards its outputs and says what the reader left out.

* ``fuse``: neither ``-o`` nor ``--report`` may replace an input (unless ``--force``)
  or each other; both are checked before any work (a bad ``--report`` folder leaves
  no half-done output) and the report is written like every CSV (atomically,
  formula-escaped unless ``--raw-csv``).
* ``map``, ``aggregate``, ``figure`` and ``fuse`` name the other sheets of a workbook
  that hold data, as ``geocode`` does; ``figure`` takes ``--sheet``.
* ``map`` of a file with a header and no records draws the frontier and says so.
"""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from maps.cli import main

ACLED = (
    "event_id_cnty,event_date,event_type,sub_event_type,actor1,fatalities,location,admin1,"
    "country,latitude,longitude,geo_precision,source\n"
    "PAK1,2025-10-12,Battles,Armed clash,=cmd|' /C calc'!A0,2,Torkham,"
    "Khyber Pakhtunkhwa,Pakistan,34.1325,71.0953,1,Dawn\n"
    "PAK2,2025-10-12,Battles,Armed clash,Military Forces of Pakistan,1,Chaman,"
    "Balochistan,Pakistan,30.9210,66.4597,1,Dawn\n"
)
NEWS = """id,date,type,killed,place,lat,lon,source
=n1,2025-10-12,Battles,4,Torkham border,34.14,71.10,Geo News
n2,2025-10-16,Explosions/Remote violence,7,Spin Boldak,31.02,66.40,Pajhwok
"""


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def two(tmp_path):
    a, b = tmp_path / "acled.csv", tmp_path / "news.csv"
    a.write_text(ACLED, encoding="utf-8")
    b.write_text(NEWS, encoding="utf-8")
    return a, b


@pytest.mark.parametrize("option", ["--report", "-o"])
def test_fuse_never_replaces_an_input(tmp_path, two, capsys, option):
    a, b = two
    before = _digest(b)
    args = ["fuse", str(a), str(b), "-o", str(tmp_path / "out.csv")]
    args += ["--report", str(b)] if option == "--report" else ["-o", str(b)]
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert f"{option} {b}" in err and "input file" in err and "--force" in err
    assert _digest(b) == before
    assert not (tmp_path / "out.csv").exists()


def test_fuse_force_replaces_an_input_with_the_report(tmp_path, two):
    a, b = two
    out = tmp_path / "out.csv"
    assert main(["fuse", str(a), str(b), "-o", str(out), "--report", str(b), "--force"]) == 0
    assert "distance_km" in b.read_text(encoding="utf-8").splitlines()[0]


def test_fuse_report_and_output_must_differ(tmp_path, two, capsys):
    a, b = two
    out = tmp_path / "same.csv"
    assert main(["fuse", str(a), str(b), "-o", str(out), "--report", str(out)]) == 2
    assert "same file" in capsys.readouterr().err
    assert not out.exists()


def test_fuse_checks_the_report_folder_before_writing(tmp_path, two, capsys):
    a, b = two
    out = tmp_path / "out.csv"
    out.write_text("previous\n", encoding="utf-8")
    missing = tmp_path / "nowhere" / "pairs.csv"
    assert main(["fuse", str(a), str(b), "-o", str(out), "--report", str(missing)]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "previous\n"  # nothing was replaced


@pytest.mark.parametrize("raw", [False, True])
def test_fuse_report_is_formula_escaped_unless_raw(tmp_path, two, raw):
    a, b = two
    out, pairs = tmp_path / "out.csv", tmp_path / "pairs.csv"
    args = ["fuse", str(a), str(b), "-o", str(out), "--report", str(pairs)]
    assert main([*args, "--raw-csv"] if raw else args) == 0
    table = pd.read_csv(pairs, dtype=str, keep_default_na=False)
    ids = set(table["incident_id_a"]) | set(table["incident_id_b"])
    assert ("=n1" in ids) is raw
    assert ("'=n1" in ids) is not raw
    text = out.read_text(encoding="utf-8")
    assert ("'=cmd|" in text) is not raw and ("=cmd|" in text)


@pytest.fixture()
def workbook(tmp_path):
    """A README sheet first, the incidents on the second sheet."""
    path = tmp_path / "book.xlsx"
    rows = pd.read_csv(pd.io.common.StringIO(ACLED), dtype=str)
    with pd.ExcelWriter(path) as xw:
        pd.DataFrame({"Notes": ["How this workbook was made"]}).to_excel(
            xw, sheet_name="README", index=False
        )
        rows.to_excel(xw, sheet_name="Incidents", index=False)
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["map", "-o", "{tmp}/m.html"],
        ["aggregate", "--by", "admin1", "-o", "{tmp}/a.csv"],
        ["figure", "--kind", "profile", "-o", "{tmp}/f.svg"],
        ["fuse", "--within-source", "-o", "{tmp}/f.csv"],
    ],
    ids=lambda c: c[0],
)
def test_every_command_names_the_sheets_it_did_not_read(tmp_path, workbook, capsys, command):
    args = [a.format(tmp=tmp_path) for a in command]
    assert main([args[0], str(workbook), *args[1:]]) == 0
    err = capsys.readouterr().err
    note = [line for line in err.splitlines() if "note:" in line]
    assert len(note) == 1, err
    assert "'README' only" in note[0] and "'Incidents'" in note[0]
    assert note[0].startswith(f"frontier {args[0]}: note: ")
    if args[0] == "fuse":  # no --sheet there: it says how to get the sheet
        assert "frontier geocode --sheet NAME" in note[0]
    else:
        assert "--sheet NAME" in note[0]


def test_figure_reads_the_sheet_it_is_given(tmp_path, workbook, capsys):
    out = tmp_path / "f.svg"
    assert (
        main(["figure", str(workbook), "--sheet", "Incidents", "-o", str(out), "--kind", "map"])
        == 0
    )
    captured = capsys.readouterr()
    assert "2 of 2 incidents" in captured.out
    assert "note:" not in captured.err


@pytest.mark.parametrize(
    "args",
    [
        ["geocode", "-", "-o", "{tmp}/x.csv"],
        ["map", "-", "-o", "{tmp}/x.html"],
        ["aggregate", "-", "--by", "admin1", "-o", "{tmp}/x.csv"],
        ["figure", "-", "--kind", "map", "-o", "{tmp}/x.png"],
        ["fuse", "{a}", "-", "-o", "{tmp}/x.csv"],
    ],
    ids=lambda a: a[0],
)
def test_standard_input_is_refused_in_one_line(tmp_path, two, capsys, args):
    argv = [x.format(tmp=tmp_path, a=two[0]) for x in args]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err == (
        f"frontier {argv[0]}: error: INPUT -: {argv[0]} reads files, not standard input; "
        "save the table to a file (e.g. events.csv) and name it"
    )


@pytest.mark.parametrize("option", ["--before", "--after"])
def test_change_dates_are_checked_under_their_option_names(tmp_path, two, capsys, option):
    argv = ["aggregate", str(two[0]), "--by", "admin1", "--period", "week", "--change"]
    assert main([*argv, option, "2025-13-01", "-o", str(tmp_path / "c.csv")]) == 2
    err = capsys.readouterr().err
    assert f"{option} must be a date such as 2025-10-01, got '2025-13-01'" in err


@pytest.fixture()
def fused_all(tmp_path, two):
    """A frontier fuse --keep all file: 4 reports, 3 events (Torkham reported twice)."""
    out = tmp_path / "fused.geojson"
    assert main(["fuse", str(two[0]), str(two[1]), "-o", str(out)]) == 0
    return out


def test_a_keep_all_file_is_counted_as_events(tmp_path, fused_all, capsys):
    from incidents.io import read

    table = read(fused_all)
    kinds = table["row_kind"].value_counts().to_dict()
    assert kinds == {"report": 4, "fused": 3}
    capsys.readouterr()
    agg = tmp_path / "agg.csv"
    assert main(["aggregate", str(fused_all), "--by", "admin1", "-o", str(agg)]) == 0
    captured = capsys.readouterr()
    assert "holds 4 reports and 3 fused events" in captured.err
    assert "frontier fuse --keep fused" in captured.err
    assert pd.read_csv(agg)["incidents"].sum() == 3

    html = tmp_path / "m.html"
    assert main(["map", str(fused_all), "-o", str(html)]) == 0
    captured = capsys.readouterr()
    assert "--where row_kind=report" in captured.err
    assert "of 3 incidents" in captured.out
    # the analyst's own choice of rows is left alone, without the note
    assert main(["map", str(fused_all), "-o", str(html), "--where", "row_kind=report"]) == 0
    captured = capsys.readouterr()
    assert "of 4 incidents" in captured.out and "note:" not in captured.err


def test_a_table_of_reports_only_is_not_touched(tmp_path, two, capsys):
    out = tmp_path / "fused.csv"
    assert main(["fuse", str(two[0]), str(two[1]), "-o", str(out), "--keep", "fused"]) == 0
    capsys.readouterr()
    assert main(["aggregate", str(out), "--by", "admin1", "-o", str(tmp_path / "a.csv")]) == 0
    assert "note:" not in capsys.readouterr().err


def test_map_of_a_header_only_file_says_so(tmp_path, capsys):
    empty = tmp_path / "empty.csv"
    empty.write_text(ACLED.splitlines()[0] + "\n")
    out = tmp_path / "empty.html"
    assert main(["map", str(empty), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "empty.csv holds no rows (a header and no records)" in err
    assert "empty.csv holds no incidents: the map shows the frontier only." in out.read_text()
    # a file with rows gets no such note
    full = tmp_path / "full.csv"
    full.write_text(ACLED)
    assert main(["map", str(full), "-o", str(tmp_path / "full.html")]) == 0
    assert "holds no rows" not in capsys.readouterr().err


def test_fused_map_of_a_header_only_file_draws_the_frontier_too(tmp_path, capsys):
    empty = tmp_path / "empty.csv"
    empty.write_text(ACLED.splitlines()[0] + "\n")
    out = tmp_path / "empty.html"
    assert main(["map", str(empty), "--fused", "-o", str(out)]) == 0
    assert "holds no rows (a header and no records)" in capsys.readouterr().err
    assert "holds no incidents: the map shows the frontier only." in out.read_text()
