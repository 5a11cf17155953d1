"""``frontier fuse`` and ``--fused`` on map/aggregate, through :func:`maps.cli.main`."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from maps.cli import main

# Two outlets' tables of the same three clashes (coordinates given, so no geocoding guess):
# Torkham and Chaman the same day; a strike near Spin Boldak reported a day apart.
ACLED = (
    "event_id_cnty,event_date,event_type,sub_event_type,actor1,fatalities,location,admin1,"
    "country,latitude,longitude,geo_precision,source\n"
    "PAK1,2025-10-12,Battles,Armed clash,Military Forces of Pakistan,2,Torkham,"
    "Khyber Pakhtunkhwa,Pakistan,34.1325,71.0953,1,Dawn\n"
    "PAK2,2025-10-12,Battles,Armed clash,Military Forces of Pakistan,1,Chaman,"
    "Balochistan,Pakistan,30.9210,66.4597,1,Dawn\n"
    "AFG3,2025-10-15,Explosions/Remote violence,Air/drone strike,Military Forces of Pakistan,5,"
    "Spin Boldak,Kandahar,Afghanistan,31.0100,66.3960,1,Tolo\n"
)
OTHER = """id,date,type,killed,place,lat,lon,source
n1,2025-10-12,Battles,4,Torkham border,34.14,71.10,Geo News
n2,2025-10-16,Explosions/Remote violence,7,Spin Boldak,31.02,66.40,Pajhwok
n3,2025-10-20,Protests,0,Peshawar,34.0151,71.5249,Geo News
"""


@pytest.fixture()
def inputs(tmp_path):
    a = tmp_path / "acled.csv"
    b = tmp_path / "news.csv"
    a.write_text(ACLED)
    b.write_text(OTHER)
    return a, b


def test_fuse_two_files(tmp_path, inputs, capsys):
    a, b = inputs
    out = tmp_path / "fused.geojson"
    pairs = tmp_path / "pairs.csv"
    assert main(["fuse", str(a), str(b), "-o", str(out), "--report", str(pairs)]) == 0
    doc = json.loads(out.read_text())
    props = [f["properties"] for f in doc["features"]]
    reports = [p for p in props if p["row_kind"] == "report"]
    fused = [p for p in props if p["row_kind"] == "fused"]
    assert len(reports) == 6
    # Torkham (same day) and Spin Boldak (a day apart) are one event each: 6 reports, 4 events
    assert len(fused) == 4
    by_id = {p["incident_id"]: p for p in reports}
    assert by_id["PAK1"]["event_group"] == by_id["n1"]["event_group"]
    assert by_id["AFG3"]["event_group"] == by_id["n2"]["event_group"]
    assert by_id["PAK2"]["group_size"] == 1 and by_id["n3"]["group_size"] == 1
    torkham = next(p for p in fused if p["event_group"] == by_id["PAK1"]["event_group"])
    assert torkham["sources"] == "acled;news"
    assert "acled:PAK1" in torkham["reports"] and "news:n1" in torkham["reports"]
    assert (torkham["fatalities_low"], torkham["fatalities_high"]) == (2, 4)
    table = pd.read_csv(pairs)
    assert {"source_a", "incident_id_a", "distance_km", "limit_km", "grouped"} <= set(table)
    assert table["grouped"].sum() == 2
    msg = capsys.readouterr().out
    assert "6 reports from 2 inputs -> 4 event(s)" in msg


def test_keep_fused_writes_one_row_per_event(tmp_path, inputs):
    a, b = inputs
    out = tmp_path / "events.csv"
    assert main(["fuse", str(a), str(b), "-o", str(out), "--keep", "fused"]) == 0
    table = pd.read_csv(out)
    assert len(table) == 4 and (table["row_kind"] == "fused").all()
    assert table["group_size"].sum() == 6


def test_windows_from_the_command_line(tmp_path, inputs):
    a, b = inputs
    out = tmp_path / "events.csv"
    assert main(["fuse", str(a), str(b), "-o", str(out), "--keep", "fused",
                 "--time-window", "0"]) == 0  # fmt: skip
    assert len(pd.read_csv(out)) == 5  # Spin Boldak a day apart no longer matches


def test_bad_input_is_one_line_and_exit_2(tmp_path, inputs, capsys):
    a, b = inputs
    out = tmp_path / "x.geojson"
    assert main(["fuse", str(a), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "--within-source" in err and len(err.strip().splitlines()) == 1
    assert main(["fuse", str(a), str(tmp_path / "nope.csv"), "-o", str(out)]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["fuse", str(a), str(b), "-o", str(tmp_path / "x.txt")]) == 2
    assert "-o must end in one of" in capsys.readouterr().err
    assert main(["fuse", str(a), str(b), "-o", str(out), "--space-window", "-3"]) == 2
    assert "space_window_km" in capsys.readouterr().err


def test_within_source_fuses_one_file(tmp_path):
    both = tmp_path / "both.csv"
    lines = ACLED.splitlines()
    # a second outlet's report of the Torkham clash in the same file
    lines.append(
        "PAK9,2025-10-12,Battles,Armed clash,Frontier Corps,3,Torkham,Khyber Pakhtunkhwa,"
        "Pakistan,34.135,71.09,1,Express Tribune"
    )
    both.write_text("\n".join(lines) + "\n")
    out = tmp_path / "f.csv"
    assert main(["fuse", str(both), "--within-source", "-o", str(out), "--keep", "fused"]) == 0
    assert len(pd.read_csv(out)) == 3


def test_aggregate_and_map_count_fused_events(tmp_path, capsys):
    both = tmp_path / "both.csv"
    lines = ACLED.splitlines()
    lines.append(
        "PAK9,2025-10-12,Battles,Armed clash,Frontier Corps,3,Torkham,Khyber Pakhtunkhwa,"
        "Pakistan,34.135,71.09,1,Express Tribune"
    )
    both.write_text("\n".join(lines) + "\n")
    out = tmp_path / "agg.csv"
    assert main(["aggregate", str(both), "--by", "admin1", "-o", str(out)]) == 0
    assert pd.read_csv(out)["incidents"].sum() == 4
    assert main(["aggregate", str(both), "--by", "admin1", "-o", str(out), "--fused"]) == 0
    assert pd.read_csv(out)["incidents"].sum() == 3
    html = tmp_path / "m.html"
    capsys.readouterr()
    assert main(["map", str(both), "-o", str(html), "--offline", "--fused", "--tiles", "none"]) == 0
    assert "3 of 3 incidents mapped" in capsys.readouterr().out


def test_python_m_maps_fuse(tmp_path, inputs):
    a, b = inputs
    out = tmp_path / "f.geojson"
    r = subprocess.run(
        [sys.executable, "-m", "maps", "fuse", str(a), str(b), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert "-> 4 event(s)" in r.stdout


def test_popup_data_lists_every_report_of_a_large_event():
    import numpy as np
    import pandas as pd

    from maps._incident_layer import NOTE_CHARS, encode_incidents

    listing = "60 reports: " + "; ".join(f"acled:PAK{i} (2025-10-12, Kurram)" for i in range(60))
    assert len(listing) > NOTE_CHARS
    frame = pd.DataFrame({"reports": [listing, "1 report: news:n1"], "notes": ["", ""]})
    inc, _, strings = encode_incidents(frame, np.array([34.0, 33.9]), np.array([71.0, 70.1]))
    shown = inc["reports"]
    first = shown["from"] if isinstance(shown, dict) else shown[0]
    assert strings[first] == listing
