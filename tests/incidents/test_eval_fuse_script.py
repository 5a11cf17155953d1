"""The fusion evaluation script (``tests/benchmarks/eval_fuse.py``) still runs.

Benchmarks are not run by default, so an API change can break one unnoticed (the
ceiling step called ``fuse._concat`` with its old signature for a round).  This
runs the script on a small synthetic set and reads its table back.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_eval_fuse_runs_with_ceiling_and_misses():
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tests/benchmarks/eval_fuse.py"),
            "--seeds",
            "7",
            "--events",
            "200",
            "--scenarios",
            "mixed",
            "--misses",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    row = next(line for line in out.stdout.splitlines() if line.startswith("mixed | 7 |"))
    cells = [c.strip() for c in row.split("|")]
    precision, recall, recall_dist = (float(c) for c in cells[2:5])
    assert 0.0 < recall <= recall_dist <= 1.0 and 0.0 < precision <= 1.0
    missed, hard = cells[5].replace("(", "").replace(")", "").split()
    assert 0 <= int(hard) <= int(missed)
    assert "missed true pairs" in out.stdout
