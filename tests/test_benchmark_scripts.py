"""The benchmark scripts under ``tests/benchmarks/`` still run.

Benchmarks are not run by default, so an API change can break one unnoticed (for a
round ``eval_fuse.py`` and ``bench_fuse.py`` called ``fuse._concat`` with its old
signature and ``bench_aggregate.py`` looked for a moved test module).  The quick
ones run here on tiny inputs (no timing is checked); the fusion evaluation's table
is read back; the confidence fit of the extraction scorer runs on two articles.  The
slow ones (extraction on the whole set, figures, maps, scale) are left out.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "tests/benchmarks" / args[0]), *args[1:]],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
    )


@pytest.mark.parametrize(
    "args",
    [
        ("bench_aggregate.py", "--rows", "1000", "--naive-rows", "200"),
        ("bench_fuse.py", "--rows", "1000", "--naive-rows", "300"),
        ("bench_geocode.py", "--rows", "500", "--distinct", "100", "--sample", "50"),
        ("bench_position_dedupe.py", "2000"),
        ("bench_wide_csv.py", "--columns", "20", "--rows", "200", "--tall-rows", "300"),
    ],
    ids=lambda a: a[0],
)
def test_benchmark_runs(args):
    out = _run(*args)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip()


def test_eval_fuse_runs_with_ceiling_and_misses():
    out = _run(
        "eval_fuse.py", "--seeds", "7", "--events", "200", "--scenarios", "mixed", "--misses"
    )
    assert out.returncode == 0, out.stderr[-2000:]
    row = next(line for line in out.stdout.splitlines() if line.startswith("mixed | 7 |"))
    cells = [c.strip() for c in row.split("|")]
    precision, recall, recall_dist = (float(c) for c in cells[2:5])
    assert 0.0 < recall <= recall_dist <= 1.0 and 0.0 < precision <= 1.0
    missed, hard = cells[5].replace("(", "").replace(")", "").split()
    assert 0 <= int(hard) <= int(missed)
    assert "missed true pairs" in out.stdout


def test_score_extract_fit_runs_on_first_seen_rows():
    """``--fit`` fits on the development rows and the first-seen rows and prints the
    weights (one per feature plus the intercept) and the leave-one-wave-out table."""
    from incidents._extract_confidence import FEATURES

    out = _run("score_extract.py", "--split", "dev", "--ids", "X5,I13", "--fit")
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.splitlines()
    k = next(i for i, line in enumerate(lines) if line.startswith("fitted WEIGHTS"))
    weights = [float(x) for x in lines[k + 1].strip("()").split(",")]
    assert len(weights) == len(FEATURES) + 1
    assert "leave-one-wave-out reliability on first-seen rows:" in out.stdout
    rows = [line for line in lines[k:] if line.startswith("| 0.")]
    assert sum(int(r.split("|")[2]) for r in rows) > 500  # every first-seen row is binned
