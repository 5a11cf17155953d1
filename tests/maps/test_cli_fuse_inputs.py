"""``frontier fuse`` on its own output, on empty files, and on rows of an unknown row_kind.

* A ``--keep all`` file holds every report *and* one row per event: fused again (with
  a third outlet's file) its event rows must not come back as reports - the result
  must be the events of fusing the three outlets' files directly.
* An input with no rows is refused (exit 2, one line naming it), never an empty or
  partial result written in silence.
* A row whose ``row_kind`` is neither ``report`` nor ``fused`` is kept and flagged
  ``row_kind_unknown`` (by fuse, and by map/aggregate reading a ``--keep all`` file).
"""

from __future__ import annotations

import json

import pandas as pd
import pytest
from test_cli_fuse import ACLED, OTHER

from incidents import fuse, read
from incidents.errors import SchemaError
from maps._fused_rows import events_only
from maps.cli import main

# a third outlet: the Torkham clash again, and a report of its own
THIRD = """id,date,type,killed,place,lat,lon,source
z1,2025-10-12,Battles,3,Torkham,34.135,71.09,BBC
z2,2025-10-25,Battles,1,Angoor Adda,32.61,69.36,BBC
"""


@pytest.fixture()
def files(tmp_path):
    paths = []
    for name, text in (("acled", ACLED), ("news", OTHER), ("third", THIRD)):
        path = tmp_path / f"{name}.csv"
        path.write_text(text)
        paths.append(path)
    return paths


def _groups(table: pd.DataFrame) -> set[frozenset[str]]:
    """Each event's reports, by incident id."""
    reports = table[table["row_kind"] == "report"]
    return {frozenset(g["incident_id"]) for _, g in reports.groupby("event_group")}


@pytest.mark.parametrize("fmt", ["geojson", "csv", "parquet"])
def test_refusing_a_keep_all_file_gives_the_direct_fusion(tmp_path, files, fmt, capsys):
    a, b, c = files
    direct = tmp_path / "direct.geojson"
    assert main(["fuse", str(a), str(b), str(c), "-o", str(direct)]) == 0
    first = tmp_path / f"ab.{fmt}"
    assert main(["fuse", str(a), str(b), "-o", str(first)]) == 0
    again = tmp_path / "abc.geojson"
    capsys.readouterr()
    assert main(["fuse", str(first), str(c), "-o", str(again)]) == 0
    out, err = capsys.readouterr()
    want, got = read(direct), read(again)
    # 8 reports, each once; as many events as the direct fusion, grouped alike
    assert (got["row_kind"] == "report").sum() == 8
    assert (got["row_kind"] == "fused").sum() == (want["row_kind"] == "fused").sum() == 5
    assert _groups(got) == _groups(want)
    assert "fused-" not in " ".join(got.loc[got["row_kind"] == "report", "incident_id"])
    # the reports keep their outlets: Torkham is seen by three sources
    size = pd.to_numeric(got["group_size"])  # not a schema column: read back as text
    torkham = got[(got["row_kind"] == "fused") & (size == 3)]
    assert torkham["sources"].tolist() == ["acled;news;third"]
    assert "8 reports from 2 inputs -> 5 event(s)" in out
    assert "4 fused event row(s) are set aside" in err


def test_the_keep_fused_events_are_one_source(tmp_path, files):
    a, b, c = files
    events = tmp_path / "events.csv"
    assert main(["fuse", str(a), str(b), "-o", str(events), "--keep", "fused"]) == 0
    out = tmp_path / "out.geojson"
    assert main(["fuse", str(events), str(c), "-o", str(out), "--keep", "fused"]) == 0
    table = read(out)
    assert len(table) == 5  # 4 events and z2; z1 joins the Torkham event
    assert pd.to_numeric(table["group_size"]).sum() == 6


@pytest.mark.parametrize(
    "which", [(0,), (1,), (0, 1)], ids=["first-empty", "second-empty", "both-empty"]
)
def test_an_empty_input_is_refused_in_one_line(tmp_path, files, which, capsys):
    paths = list(files[:2])
    for k in which:
        empty = tmp_path / f"empty{k}.csv"
        empty.write_text(paths[k].read_text().splitlines()[0] + "\n")
        paths[k] = empty
    out = tmp_path / "out.geojson"
    assert main(["fuse", *map(str, paths), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "no rows to fuse" in err
    assert all(f"empty{k}.csv" in err for k in which)
    assert not out.exists()


def test_fuse_of_no_rows_at_all_is_a_clear_error():
    empty = pd.DataFrame({"latitude": [], "longitude": [], "date": []})
    with pytest.raises(SchemaError, match="hold no reports"):
        fuse(empty, empty.copy())


def _edited(tmp_path, files) -> pd.DataFrame:
    """A --keep all file of two outlets with two reports' row_kind edited by hand."""
    a, b, _ = files
    path = tmp_path / "ab.geojson"
    assert main(["fuse", str(a), str(b), "-o", str(path)]) == 0
    doc = json.loads(path.read_text())
    kinds = [f["properties"]["row_kind"] for f in doc["features"]]
    assert kinds.count("report") == 6 and kinds.count("fused") == 4
    doc["features"][1]["properties"]["row_kind"] = "Bericht"
    doc["features"][2]["properties"]["row_kind"] = None
    path.write_text(json.dumps(doc))
    return path


def test_fuse_keeps_and_flags_rows_of_an_unknown_kind(tmp_path, files, capsys):
    edited = _edited(tmp_path, files)
    out = tmp_path / "again.geojson"
    capsys.readouterr()
    assert main(["fuse", str(edited), str(files[2]), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "2 row(s) whose row_kind is neither" in err
    table = read(out)
    reports = table[table["row_kind"] == "report"]
    assert len(reports) == 8  # every report row in, the two edited ones included
    flagged = reports[reports["review_flags"].fillna("").str.contains("row_kind_unknown")]
    assert sorted(flagged["incident_id"]) == sorted(
        read(edited).iloc[[1, 2]]["incident_id"].tolist()
    )
    assert set(flagged["src_row_kind"].fillna("<missing>")) == {"Bericht", "<missing>"}


def test_map_and_aggregate_keep_rows_of_an_unknown_kind(tmp_path, files, capsys):
    edited = _edited(tmp_path, files)
    table = read(edited)
    kept = events_only(table, command="aggregate", name=edited.name)
    assert len(kept) == 4 + 2  # the events, and the two rows of an unknown kind
    flags = kept["review_flags"].fillna("")
    assert flags.str.contains("row_kind_unknown").sum() == 2
    assert "kept, flagged row_kind_unknown" in capsys.readouterr().err
    agg = tmp_path / "agg.csv"
    assert main(["aggregate", str(edited), "--by", "admin1", "-o", str(agg)]) == 0
    counted = pd.read_csv(agg)["incidents"].sum()
    assert counted == 6


def test_the_same_file_twice_is_refused(tmp_path, files, capsys):
    a = files[0]
    link = tmp_path / "again.csv"
    link.symlink_to(a)
    for second in (a, link):
        out = tmp_path / "out.geojson"
        assert main(["fuse", str(a), str(second), "-o", str(out)]) == 2
        err = capsys.readouterr().err
        assert "same file" in err and len(err.strip().splitlines()) == 1
        assert not out.exists()
