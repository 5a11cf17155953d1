"""``frontier aggregate``: through :func:`maps.cli.main`, and once as ``python -m maps``."""

from __future__ import annotations

import json
import subprocess
import sys

import pyogrio
import pytest
from positioned_tables import synthetic_incidents

from incidents.io import write
from maps.cli import main


@pytest.fixture(scope="module")
def positioned(tmp_path_factory):
    gdf = synthetic_incidents(80, seed=11)
    gdf.loc[0:4, "geo_precision"] = 3
    folder = tmp_path_factory.mktemp("agg")
    paths = {ext: write(gdf, folder / f"incidents.{ext}") for ext in ("gpkg", "csv", "parquet")}
    return gdf, paths


RAW = """id,date,location,country,latitude,longitude,fatalities,event_type
1,2025-10-12,Torkham,Pakistan,34.1325,71.0953,2,Battles
2,2025-10-12,Chaman,Pakistan,30.9210,66.4597,1,Battles
3,2025-10-15,Spin Boldak,Afghanistan,31.0100,66.3960,0,Explosions/Remote violence
"""


@pytest.mark.parametrize("ext", ["gpkg", "csv", "parquet"])
@pytest.mark.parametrize("by", ["segment", "admin1", "admin2", "hex", "band"])
def test_aggregate_each_unit_from_each_format(tmp_path, positioned, capsys, by, ext):
    gdf, paths = positioned
    out = tmp_path / "out.geojson"
    assert main(["aggregate", str(paths[ext]), "--by", by, "-o", str(out)]) == 0
    doc = json.loads(out.read_text())
    assert sum(f["properties"]["incidents"] for f in doc["features"]) == len(gdf)
    msg = capsys.readouterr().out
    assert f"{len(gdf):,} located incidents" in msg and str(out) in msg


def test_period_km_and_change(tmp_path, positioned, capsys):
    _, paths = positioned
    out = tmp_path / "seg.gpkg"
    args = ["aggregate", str(paths["gpkg"]), "--by", "segment", "--km", "100"]
    assert main([*args, "--period", "month", "-o", str(out)]) == 0
    back = pyogrio.read_dataframe(out)
    assert set(back["km_end"].dropna() - back["km_start"].dropna()) <= {100.0} | set(
        back["length_km"].dropna()
    )
    assert "period" in back.columns
    out2 = tmp_path / "change.csv"
    assert main([*args, "--period", "month", "--change", "-o", str(out2)]) == 0
    ch = pyogrio.read_dataframe(out2, GEOM_POSSIBLE_NAMES="geometry", KEEP_GEOM_COLUMNS="NO")
    assert {"incidents_before", "incidents_after", "change_pct", "trend"} <= set(ch.columns)
    assert "change" in capsys.readouterr().out


def test_raw_file_is_geocoded_on_the_fly(tmp_path, capsys):
    raw = tmp_path / "raw.csv"
    raw.write_text(RAW)
    out = tmp_path / "a1.geojson"
    assert main(["aggregate", str(raw), "--by", "admin1", "-o", str(out)]) == 0
    doc = json.loads(out.read_text())
    counts = {f["properties"]["unit"]: f["properties"]["incidents"] for f in doc["features"]}
    assert counts["PK/Khyber Pakhtunkhwa"] == 1
    assert counts["PK/Balochistan"] == 1
    assert counts["AF/Kandahar"] == 1


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--by", "district"], "valid: segment, admin1, admin2, hex, band"),
        (["--by", "segment", "--km", "0"], "must be a positive number"),
        (["--by", "segment", "--km", "-3"], "must be a positive number"),
        (["--by", "segment", "--km", "99999"], "longer than the frontier"),
        (["--by", "hex", "--change"], "add --period"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(tmp_path, positioned, capsys, extra, message):
    _, paths = positioned
    code = main(["aggregate", str(paths["gpkg"]), *extra, "-o", str(tmp_path / "x.geojson")])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and err.count("\n") == 1
    assert not (tmp_path / "x.geojson").exists()


def test_empty_and_missing_input(tmp_path, positioned, capsys):
    gdf, _ = positioned
    empty = write(gdf.iloc[:0], tmp_path / "empty.parquet")
    assert main(["aggregate", str(empty), "--by", "admin2", "-o", str(tmp_path / "e.csv")]) == 2
    assert "no incidents" in capsys.readouterr().err
    missing = tmp_path / "nope.csv"
    assert main(["aggregate", str(missing), "--by", "admin2", "-o", str(tmp_path / "e.csv")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_python_dash_m(tmp_path, positioned):
    _, paths = positioned
    out = tmp_path / "band.parquet"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "maps",
            "aggregate",
            str(paths["csv"]),
            "--by",
            "band",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "located incidents by band" in proc.stdout
    assert out.exists()
