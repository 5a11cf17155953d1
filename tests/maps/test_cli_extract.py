"""``frontier extract``: file and stdin input, CSV/GeoJSON/Parquet output, nothing found."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from maps.cli import main

ARTICLE = """\
KABUL, Oct 16 (Frontier Wire) - Pakistani drones struck the Barmal and Urgun districts of \
Paktika province on Wednesday night, killing at least 10 people, a hospital official said.
Afghan forces attacked Pakistani army posts all along the border two days later, officials said.
The Torkham crossing remained closed for a third day, traders said.
"""


class _Stdin:
    """A stand-in for sys.stdin with a binary buffer, as the real one has."""

    def __init__(self, text: str) -> None:
        self.buffer = io.BytesIO(text.encode("utf-8"))


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_file_to_stdout_csv(article, capsys):
    assert main(["extract", str(article), "--date", "2025-10-16"]) == 0
    cap = capsys.readouterr()
    df = pd.read_csv(io.StringIO(cap.out))
    assert set(df["matched_name"]) == {
        "Barmal",
        "Urgun",
        "Torkham",
    }
    assert "2025-10-15" in set(df["date"])
    assert {"evidence", "evidence_span", "confidence", "extraction_notes"} <= set(df.columns)
    # the attack "all along the border" is told without a day and scores below the cut
    assert cap.err.startswith("frontier extract: 3 candidate incidents")
    assert "1 below the confidence cut left out" in cap.err


def test_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", _Stdin(ARTICLE))
    assert main(["extract", "-", "--date", "2025-10-16"]) == 0
    df = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert len(df) == 3


def test_dateline_gives_the_date_when_no_flag(article, capsys):
    assert main(["extract", str(article)]) == 0
    df = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert df["extraction_notes"].str.contains("from the dateline").all()


@pytest.mark.parametrize("ext", ["geojson", "parquet", "csv"])
def test_output_formats(article, tmp_path, capsys, ext):
    out = tmp_path / f"incidents.{ext}"
    assert main(["extract", str(article), "--date", "2025-10-16", "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    if ext == "geojson":
        fc = json.loads(out.read_text())
        assert len(fc["features"]) == 3
        props = fc["features"][0]["properties"]
        assert props["side"] in ("AF", "PK") and props["evidence"]
    elif ext == "parquet":
        back = pd.read_parquet(out)
        assert len(back) == 3 and "border_distance_km" in back
    else:
        back = pd.read_csv(out)
        assert len(back) == 3


@pytest.mark.parametrize(
    "text", ["", "<html><body><p></p></body></html>", "Le ministre a parlé à Kaboul jeudi."]
)
def test_nothing_found_is_exit_0_and_empty_output(tmp_path, monkeypatch, capsys, text):
    monkeypatch.setattr(sys, "stdin", _Stdin(text))
    out = tmp_path / "none.geojson"
    assert main(["extract", "-", "-o", str(out)]) == 0
    assert "nothing found" in capsys.readouterr().err
    assert json.loads(out.read_text())["features"] == []
    monkeypatch.setattr(sys, "stdin", _Stdin(text))
    assert main(["extract", "-"]) == 0
    cap = capsys.readouterr()
    assert "nothing found" in cap.err
    assert len(pd.read_csv(io.StringIO(cap.out))) == 0


def test_html_file(tmp_path, capsys):
    page = tmp_path / "story.html"
    body = "".join(f"<p>{line}</p>" for line in ARTICLE.splitlines())
    page.write_text(f"<html><head><script>x = 1</script></head><body>{body}</body></html>")
    assert main(["extract", str(page), "--date", "2025-10-16"]) == 0
    df = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert len(df) == 3 and not df["evidence"].str.contains("<").any()


def test_bad_arguments(tmp_path, article, capsys):
    assert main(["extract", str(tmp_path / "missing.txt")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["extract", str(article), "--date", "16/10/2025"]) == 2
    assert "article_date must be a date" in capsys.readouterr().err
    assert main(["extract", str(article), "-o", str(tmp_path / "x.shp")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("frontier extract: error:") and ".geojson" in err


def test_python_m(article):
    proc = subprocess.run(
        [sys.executable, "-m", "maps", "extract", "-", "--date", "2025-10-16"],
        input=ARTICLE,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(pd.read_csv(io.StringIO(proc.stdout))) == 3


def test_csv_coordinates_have_six_decimals_at_most(article, capsys):
    """As incidents.write gives them (0.1 m), not the gazetteer's float32 digits."""
    assert main(["extract", str(article), "--date", "2025-10-16"]) == 0
    lines = capsys.readouterr().out.splitlines()
    df = pd.read_csv(io.StringIO("\n".join(lines)), dtype=str)
    for col in ("latitude", "longitude"):
        decimals = df[col].dropna().str.partition(".")[2].str.len()
        assert len(decimals) and (decimals <= 6).all(), df[col].tolist()


LOW = (
    "Pakistani drones struck Urgun district on Tuesday.\n"
    "Follow-up talks will be held in Istanbul on Oct 25, the statement said.\n"
)


def test_min_confidence_cut_is_reported_and_can_be_lifted(tmp_path, capsys):
    path = tmp_path / "low.txt"
    path.write_text(LOW, encoding="utf-8")
    assert main(["extract", str(path), "--date", "2025-10-20"]) == 0
    cap = capsys.readouterr()
    kept = pd.read_csv(io.StringIO(cap.out))
    assert "1 below the confidence cut left out (--min-confidence 0 keeps them)" in cap.err
    assert main(["extract", str(path), "--date", "2025-10-20", "--min-confidence", "0"]) == 0
    cap = capsys.readouterr()
    every = pd.read_csv(io.StringIO(cap.out))
    assert len(every) == len(kept) + 1
    assert "below the confidence cut" not in cap.err


@pytest.mark.parametrize("bad", ["1.2", "-0", "x", "nan"])
def test_min_confidence_outside_0_1_is_refused(tmp_path, capsys, bad):
    path = tmp_path / "low.txt"
    path.write_text(LOW, encoding="utf-8")
    code = main(["extract", str(path), "--min-confidence", bad])
    err = capsys.readouterr().err
    if bad == "-0":  # -0 is 0: every candidate
        assert code == 0
    else:
        assert code == 2
        assert "--min-confidence must be a number from 0 to 1" in err
