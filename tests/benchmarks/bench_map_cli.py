"""Benchmark: ``frontier map`` of 100,000 positioned rows, end to end, per input format.

    python tests/benchmarks/bench_map_cli.py [--n 100000] [--runs 3] [--formats parquet,geojson]

Writes ``--n`` synthetic positioned incidents (``tests/positioned_tables.py``)
with :func:`incidents.write` as GeoParquet and GeoJSON, then times whole CLI
processes (``python -m maps map IN -o OUT --quiet``: interpreter start, imports,
reading, building, writing) ``--runs`` times each, and reports the best and the
median wall time and the median CPU time (user + system) of each path.

The naive baseline, measured in the same run on the same files, is the path
``frontier map`` took before issue 16: every unit layer (segments, provinces,
districts, distance bands) runs its own ``aggregate()`` plus ``assign_units()``
over the table, the band polygons are buffered afresh, the page's static parts
(outlines, labels, unit shapes) are computed in the process, and the JSON is
written by ``json``.  It is kept here only (``_BASELINE``), run as a separate
process, and its page data is checked to equal the fast path's.

The machine's load (``os.getloadavg``) is printed before and after: other jobs
sharing the cores slow both paths.  The CPU time (user + system) of each
process is reported too: it moves less with the load than the wall time.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import importlib.util
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

#: The pre-issue-16 path, monkeypatched into a normal CLI run (argv: the map command).
_BASELINE = r"""
import sys
import numpy as np
import pandas as pd

import functools

import geo.frontier
import maps._incident_layer as il
import maps._static as st
import maps._unit_layers as ul
import maps.build
from incidents.aggregate import UNASSIGNED, aggregate, assign_units
from maps._units import UnitAssignment, _positioned

# band polygons buffered afresh, static page parts computed, json instead of orjson
geo.frontier.shipped_corridor = lambda key: None
st.static_context = maps.build.static_context = functools.cache(st.compute_context)
il.orjson = None


def assign_levels(frame, levels, geometry=True):
    # one aggregate() and one assign_units() per level, as before (units always with shapes)
    table = _positioned(frame.reset_index(drop=True))
    out = {}
    for by, options in levels.items():
        full = aggregate(table, by=by, **options)
        units = full[full["unit"] != UNASSIGNED].reset_index(drop=True)
        index = pd.Index(units["unit"].astype("string"))
        unit = assign_units(table, by=by, **options)
        located = unit.notna().to_numpy()
        labels = unit.astype("string").fillna(UNASSIGNED).to_numpy(dtype=object)
        hit = index.get_indexer(labels)
        codes = np.where(labels == UNASSIGNED, -1, hit).astype(np.int64)
        codes[~located] = -2
        opts = {"bands": full.attrs.get("bands")} if by == "band" else dict(options)
        out[by] = UnitAssignment(by=by, units=units, codes=codes, options=opts)
    return out


ul.assign_levels = assign_levels
# every unit described in the process
ul._described = lambda mapped, ua, options: ul.describe_units(ua.units, ua.by)

from maps.cli import main

sys.exit(main(sys.argv[1:]))
"""


def _fixtures():
    spec = importlib.util.spec_from_file_location(
        "positioned_tables", HERE.parent / "positioned_tables.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min), {fifteen:.2f} (15 min)"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def _run(cmd: list[str], cpu: list[float] | None = None) -> float:
    """Wall time of ``cmd``; its CPU time (user + system) is appended to ``cpu``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    done = subprocess.run(cmd, env=_env(), capture_output=True, text=True, check=False)
    took = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:4])} ... failed:\n{done.stderr[-2000:]}")
    if cpu is not None:
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return took


def page_data(path: Path) -> dict:
    """The JSON block of a page written by ``frontier map`` (unpacked when gzipped)."""
    text = path.read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="[^"]+">(.*?)</script>', text, re.S)
    if m is None:
        raise SystemExit(f"{path}: no data block")
    data = json.loads(m.group(1))
    if "gz" in data:
        data = json.loads(gzip.decompress(base64.b64decode(data["gz"])).decode("utf-8"))
    return data


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=100_000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--formats", default="parquet,geojson")
    p.add_argument("--baseline-runs", type=int, default=None, help="default: --runs")
    args = p.parse_args(argv)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]

    sys.path.insert(0, str(ROOT))
    import incidents

    work = Path(tempfile.mkdtemp(prefix="bench-map-cli-"))
    try:
        return _bench(args, formats, work, incidents)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _bench(args: argparse.Namespace, formats: list[str], work: Path, incidents) -> int:
    t = time.perf_counter()
    table = _fixtures().synthetic_incidents(args.n, seed=0)
    files = {}
    for fmt in formats:
        files[fmt] = work / f"incidents.{fmt}"
        incidents.write(table, files[fmt])
    print(f"{args.n:,} positioned rows written in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    print(f"before: {_load()}", file=sys.stderr)

    rows = []
    for fmt, path in files.items():
        out_fast, out_base = work / f"fast_{fmt}.html", work / f"base_{fmt}.html"
        fast_cmd = [sys.executable, "-m", "maps", "map", str(path), "-o", str(out_fast)]
        base_cmd = [sys.executable, "-c", _BASELINE, "map", str(path), "-o", str(out_base)]
        fast, base, fast_cpu, base_cpu = [], [], [], []
        # alternate the two paths so that a change of load hits both alike
        for _ in range(max(args.runs, args.baseline_runs or args.runs)):
            if len(fast) < args.runs:
                fast.append(_run([*fast_cmd, "--force", "--quiet"], fast_cpu))
            if len(base) < (args.baseline_runs or args.runs):
                base.append(_run([*base_cmd, "--force", "--quiet"], base_cpu))
            print(
                f"  {fmt}: fast {fast[-1]:.2f} s (cpu {fast_cpu[-1]:.2f} s), "
                f"baseline {base[-1]:.2f} s (cpu {base_cpu[-1]:.2f} s)",
                file=sys.stderr,
            )
        same = page_data(out_fast) == page_data(out_base)
        rows.append(
            (
                fmt,
                min(fast),
                statistics.median(fast),
                min(base),
                statistics.median(base),
                statistics.median(fast_cpu),
                statistics.median(base_cpu),
                same,
            )
        )
    print(f"after: {_load()}", file=sys.stderr)

    print(f"\n`frontier map` of {args.n:,} positioned rows, whole process, {args.runs} runs")
    print(
        "| input | best s | median s | baseline best s | baseline median s "
        "| ratio (median) | median cpu s | baseline median cpu s | same page data |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for fmt, fb, fm, bb, bm, fc, bc, same in rows:
        print(
            f"| {fmt} | {fb:.2f} | {fm:.2f} | {bb:.2f} | {bm:.2f} | {bm / fm:.1f}x "
            f"| {fc:.2f} | {bc:.2f} | {'yes' if same else 'NO'} |"
        )
    return 0 if all(r[-1] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
