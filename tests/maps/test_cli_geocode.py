"""``frontier geocode``: through :func:`maps.cli.main`, and once as the ``frontier`` script."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pytest

from maps.cli import main

RAW = """id,date,place,country,latitude,longitude,fatalities,event_type
1,2025-10-12,Torkham,Pakistan,34.1325,71.0953,2,Battles
2,2025-10-12,Chaman,Pakistan,,,1,Battles
3,2025-10-15,Spin Boldak,Afghanistan,,,0,Explosions/Remote violence
4,2025-10-16,Qwxzzy Plkmnb,,,,0,Battles
"""


@pytest.fixture
def raw(tmp_path) -> Path:
    path = tmp_path / "raw.csv"
    path.write_text(RAW)
    return path


def _summary(text: str) -> dict[str, int]:
    nums = {
        k: int(v.replace(",", ""))
        for v, k in re.findall(r"([\d,]+) (rows read|located|unresolved|flagged)", text)
    }
    nums.update(
        {
            k: int(v.replace(",", ""))
            for k, v in re.findall(
                r"(input|crossing|gazetteer|admin2|admin1|country) ([\d,]+)", text
            )
        }
    )
    return nums


@pytest.mark.parametrize("ext", ["geojson", "gpkg", "parquet", "csv"])
def test_geocode_writes_positioned_table_and_summary_adds_up(tmp_path, raw, capsys, ext):
    out = tmp_path / f"out.{ext}"
    code = main(["geocode", str(raw), "--columns", "location=place", "-o", str(out)])
    assert code == 0
    cap = capsys.readouterr()
    s = _summary(cap.out)
    assert s["rows read"] == 4
    methods = sum(s[m] for m in ("input", "crossing", "gazetteer", "admin2", "admin1", "country"))
    assert methods == s["located"]
    assert s["located"] + s["unresolved"] == 4
    assert s["unresolved"] >= 1 and s["input"] == 1
    assert cap.err == ""  # small input: no progress
    from maps._cmd_aggregate import read_positioned

    back = read_positioned(out)
    assert back is not None and len(back) == 4
    assert back["side"].iloc[0] == "PK"


def test_bad_columns_and_unreadable_input(tmp_path, raw, capsys):
    out = str(tmp_path / "o.geojson")
    assert main(["geocode", str(raw), "--columns", "location", "-o", out]) == 2
    assert "SCHEMA=INPUT" in capsys.readouterr().err
    assert main(["geocode", str(raw), "--columns", "place=location", "-o", out]) == 2
    assert "not a schema column" in capsys.readouterr().err
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"\x00\x01 not a workbook")
    assert main(["geocode", str(junk), "-o", out]) == 2
    err = capsys.readouterr().err
    assert err.startswith("frontier geocode: error:") and err.count("\n") == 1
    assert main(["geocode", str(tmp_path / "missing.csv"), "-o", out]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["geocode", str(raw), "-o", str(tmp_path / "o.shp")]) == 2


def test_progress_on_large_input_unless_quiet(tmp_path, capsys, monkeypatch):
    import maps._cmd_geocode as cmd

    monkeypatch.setattr(cmd, "LARGE_ROWS", 3)
    path = tmp_path / "raw.csv"
    path.write_text(RAW)
    assert (
        main(["geocode", str(path), "--columns", "location=place", "-o", str(tmp_path / "a.csv")])
        == 0
    )
    assert "geocoding" in capsys.readouterr().err
    args = ["geocode", str(path), "--quiet", "--columns", "location=place"]
    assert main([*args, "-o", str(tmp_path / "b.csv")]) == 0
    assert capsys.readouterr().err == ""


def test_frontier_script(tmp_path, raw):
    script = shutil.which("frontier") or str(Path(sys.executable).with_name("frontier"))
    out = tmp_path / "out.geojson"
    proc = subprocess.run(
        [script, "geocode", str(raw), "--columns", "location=place", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "4 rows read" in proc.stdout
    assert len(gpd.read_file(out)) == 4
