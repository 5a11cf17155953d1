"""JSON Lines (one record per line; NDJSON, GeoJSON text sequences) are read like a
list of records; a line that is not JSON is refused with its number."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from incidents import load
from incidents.errors import LoadError

RECORDS = [
    {"incident_id": "A1", "location": "Torkham", "date": "2025-10-12", "fatalities": 2},
    {"incident_id": "A2", "location": "Chaman", "date": "2025-10-15", "fatalities": "many"},
    {"incident_id": "A3", "location": "Angoor Adda", "date": "2025-10-16", "notes": "<b>x</b>"},
]


@pytest.mark.parametrize("suffix", [".json", ".jsonl", ".ndjson"])
def test_records_one_per_line_are_every_row(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"events{suffix}"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n\n", encoding="utf-8")
    table = load(path)
    assert table["incident_id"].tolist() == ["A1", "A2", "A3"]
    assert table["location"].tolist() == ["Torkham", "Chaman", "Angoor Adda"]
    assert table["fatalities"].iloc[0] == 2
    # an unreadable count is flagged, not dropped; a key only one record has is kept
    assert "bad_fatalities" in table["review_flags"].iloc[1]
    assert table["notes"].iloc[2] == "<b>x</b>"


def test_geojson_text_sequence_features_are_placed(tmp_path: Path) -> None:
    feats = [
        {
            "type": "Feature",
            "properties": {"incident_id": f"F{i}", "date": "2025-10-12"},
            "geometry": {"type": "Point", "coordinates": [70.0 + i, 33.0]},
        }
        for i in range(2)
    ]
    path = tmp_path / "events.geojson"
    path.write_text("".join("\x1e" + json.dumps(f) + "\n" for f in feats), encoding="utf-8")
    table = load(path)
    assert table["incident_id"].tolist() == ["F0", "F1"]
    assert table["longitude"].tolist() == [70.0, 71.0]
    assert table["latitude"].tolist() == [33.0, 33.0]


def test_a_broken_line_is_refused_with_its_number(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text(json.dumps(RECORDS[0]) + "\n" + '{"location": \n', encoding="utf-8")
    with pytest.raises(LoadError, match=r"line 2 is not valid JSON"):
        load(path)


def test_the_cli_refuses_a_broken_line_with_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    path.write_text(json.dumps(RECORDS[0]) + "\n" + "not json\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    run = subprocess.run(
        [sys.executable, "-m", "maps", "geocode", str(path), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert "line 2 is not valid JSON" in run.stderr
    assert "Traceback" not in run.stderr
    assert not out.exists()
