"""Benchmark of ``frontier figure`` against naive matplotlib/geopandas figures.

Run with ``python tests/benchmarks/bench_figures.py [--rows 100000] [--naive-formats png svg]``.

Two inputs: the bundled October-November 2025 clashes (geocoded and positioned,
written to GeoParquet) and ``--rows`` synthetic positioned incidents
(``tests/positioned_tables.py``, seeded).  For each input, kind (map, spacetime,
profile) and format (PNG, SVG, PDF) it runs the command-line tool in a fresh
process, as a user would (``python -m maps figure IN -o OUT --kind K``), and
reports wall time, CPU time of the process (user + system: the machine is shared,
so wall time includes waiting for a core) and file size.

The naive baseline, run the same way in a fresh process on the same file, draws
what a notebook user would write first:

* map: ``GeoDataFrame.plot()`` of countries, provinces and the line, then
  ``incidents.plot(column="event_type", legend=True)``;
* spacetime: one ``plt.scatter(frontier_km, date)`` with per-point colours and
  sizes (two panels by side);
* profile: ``groupby`` of ``frontier_km // 50`` per side and ``plt.bar``.

The baselines show no precision, no margin counts, no crossings or provinces:
they are the floor of "a figure of these points", not equivalents.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KINDS = ("map", "spacetime", "profile")
FORMATS = ("png", "svg", "pdf")

NAIVE = r"""
import sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from incidents.io import read
from geo import reference

kind, src, out = sys.argv[1:4]
t = read(src)
if kind == "map":
    fig, ax = plt.subplots(figsize=(12, 8.5), dpi=150)
    reference.countries().plot(ax=ax, color="#eeeeee", edgecolor="grey")
    reference.admin1().boundary.plot(ax=ax, color="grey", lw=0.4)
    reference.frontier_line().plot(ax=ax, color="black")
    t.plot(ax=ax, column="event_type", legend=True, markersize=5)
elif kind == "spacetime":
    fig, axes = plt.subplots(2, 1, figsize=(13, 8.5), dpi=150, sharex=True)
    palette = dict(zip(sorted(t["event_type"].dropna().unique()), plt.cm.tab10.colors))
    for ax, side in zip(axes, ("AF", "PK")):
        s = t[t["side"] == side]
        colors = [palette.get(v, "grey") for v in s["event_type"]]
        sizes = 10 + 5 * s["fatalities"].fillna(0).to_numpy(float)
        ax.scatter(s["frontier_km"], s["date"], c=colors, s=sizes)
else:
    fig, ax = plt.subplots(figsize=(13, 6), dpi=150)
    seg = (t["frontier_km"] // 50) * 50
    for side, sign in (("AF", 1), ("PK", -1)):
        n = seg[t["side"] == side].value_counts()
        ax.bar(n.index, sign * n.to_numpy(), width=50, align="edge")
fig.savefig(out)
"""


def run(argv: list[str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of a child process."""
    before = os.times()
    t0 = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    res = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=ROOT)
    wall = time.perf_counter() - t0
    after = os.times()
    if res.returncode != 0:
        raise SystemExit(f"failed: {' '.join(argv)}\n{res.stderr}")
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return wall, cpu


def inputs(folder: Path, rows: int) -> dict[str, Path]:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tests"))
    from positioned_tables import synthetic_incidents

    from incidents import prepare, write
    from incidents.bundled import oct2025_path

    bundled = folder / "oct2025.parquet"
    write(prepare(oct2025_path()), bundled)
    synthetic = folder / f"synthetic_{rows}.parquet"
    write(synthetic_incidents(rows, seed=1), synthetic)
    return {"bundled Oct-Nov 2025": bundled, f"{rows:,} synthetic": synthetic}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=100_000)
    p.add_argument("--naive-formats", nargs="*", default=["png", "svg"])
    p.add_argument("--inputs", nargs="*", default=["bundled", "synthetic"])
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = {
            k: v
            for k, v in inputs(folder, args.rows).items()
            if any(k.split()[-1].startswith(w) or k.startswith(w) for w in args.inputs)
        }
        print(f"{'input':22} {'kind':10} {'fmt':4} {'wall s':>7} {'cpu s':>6} {'kB':>7}  naive")
        for label, path in files.items():
            for kind in KINDS:
                for fmt in FORMATS:
                    out = folder / f"{kind}.{fmt}"
                    cmd = [sys.executable, "-m", "maps", "figure", str(path), "-o", str(out)]
                    wall, cpu = run([*cmd, "--kind", kind])
                    size = out.stat().st_size / 1e3
                    naive = ""
                    if fmt in args.naive_formats:
                        nout = folder / f"naive_{kind}.{fmt}"
                        nwall, ncpu = run([sys.executable, "-c", NAIVE, kind, str(path), str(nout)])
                        naive = (
                            f"wall {nwall:5.1f} s, cpu {ncpu:5.1f} s, "
                            f"{nout.stat().st_size / 1e3:,.0f} kB (cpu ratio {cpu / ncpu:.2f})"
                        )
                    print(
                        f"{label:22} {kind:10} {fmt:4} {wall:7.1f} {cpu:6.1f} {size:7,.0f} {naive}",
                        flush=True,
                    )


if __name__ == "__main__":
    main()
