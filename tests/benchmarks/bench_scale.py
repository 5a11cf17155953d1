"""Benchmark of the engines on large inputs: time and peak memory from 1 M to 50 M rows.

Run with ``python tests/benchmarks/bench_scale.py [--sizes 1,10,50] [--dask 10]``.

For each size (millions of rows) it writes a synthetic raw dataset (a folder of
Parquet files of 1 M rows: place names drawn from 3,000 distinct gazetteer names
near the frontier with spelling noise, qualifiers, admin hints, junk; dates over
two years; event types; fatalities) and runs, each as its own process so that
peak RSS is measured per command (``ru_maxrss`` of the child):

* ``frontier geocode DATA -o OUT --engine stream`` (load + geocode + position,
  written as a partitioned GeoParquet dataset),
* ``frontier aggregate OUT --by segment --km 50 --period month --engine stream``,

and, as the naive baseline in the same run, the in-memory path (``--engine memory``
on the 1 M-row file: whole file in memory) whose peak memory grows with the input.
With ``--dask N`` it also runs the Dask engine (2-worker LocalCluster) on N M rows
and reports its overhead against the stream engine, and checks that the two
aggregates are byte-identical.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

ROWS_PER_FILE = 1_000_000


def place_names(k: int, rng: np.random.Generator) -> pd.DataFrame:
    """``k`` distinct place strings with admin hints, from the shipped gazetteer."""
    gaz = None
    for pkg in ("incidents.data", "geo.data"):
        try:
            path = resources.files(pkg).joinpath("gazetteer.parquet")
            if path.is_file():
                gaz = pd.read_parquet(str(path))
                break
        except ModuleNotFoundError:
            continue
    if gaz is None:
        raise SystemExit("no shipped gazetteer found")
    names = gaz["name"].astype(str)
    ok = names.str.len().between(4, 30)
    if "dist_frontier_km" in gaz:
        ok &= gaz["dist_frontier_km"] < 150
    pool = gaz[ok].drop_duplicates("name")
    pick = pool.sample(n=min(k, len(pool)), random_state=int(rng.integers(1 << 31)))
    texts = pick["name"].astype(str).to_numpy(dtype=object)
    quals = np.array(["", "", "", " village", " area", "near ", " district"], dtype=object)
    q = quals[rng.integers(len(quals), size=len(texts))]
    texts = np.where([s.endswith(" ") for s in q], q + texts, texts + q)
    noisy = rng.random(len(texts)) < 0.1
    texts[noisy] = [t.replace("a", "aa", 1) for t in texts[noisy]]
    texts[:4] = ["", "unknown", "12345", "(whole frontier)"]
    a1 = pick["admin1"].astype("string") if "admin1" in pick else pd.Series([None] * len(pick))
    a1 = np.where(rng.random(len(texts)) < 0.6, a1.to_numpy(dtype=object), None)
    return pd.DataFrame({"location": texts, "admin1": a1})


def write_raw(folder: Path, millions: int, strings: pd.DataFrame, seed: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    types = np.array(["Battles", "Explosions/Remote violence", "Violence against civilians"])
    for f in range(millions):
        n = ROWS_PER_FILE
        pick = rng.integers(0, len(strings), size=n)
        df = strings.iloc[pick].reset_index(drop=True)
        df.insert(0, "event_id", [f"F{f}-{i}" for i in range(n)])
        day = rng.integers(0, 730, size=n)
        df.insert(
            1, "date", (np.datetime64("2024-01-01") + day).astype("datetime64[D]").astype(str)
        )
        df["event_type"] = types[rng.integers(0, 3, size=n)]
        df["fatalities"] = rng.poisson(1.2, size=n)
        df.to_parquet(folder / f"raw-{f:04d}.parquet", row_group_size=250_000)


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (GB) of one command run as a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    # a fresh Python per command, so ru_maxrss of the children is this command's
    wrapper = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", wrapper, *cmd], check=True, capture_output=True, text=True
    )
    wall = time.perf_counter() - t0
    del before
    peak_kb = int(out.stdout.strip().splitlines()[-1])
    return wall, peak_kb / 1e6


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="1,10,50", help="millions of rows, comma-separated")
    p.add_argument("--dask", type=int, default=0, help="also run the Dask engine on N M rows")
    p.add_argument("--workdir", default=None, help="where to write the data (default: temp)")
    args = p.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    work = Path(args.workdir or tempfile.mkdtemp(prefix="frontier-bench-"))
    frontier = [sys.executable, "-m", "maps"]
    rng = np.random.default_rng(20261203)
    strings = place_names(3_000, rng)
    print(f"{len(strings):,} distinct place strings; data in {work}")

    biggest = max([*sizes, args.dask])
    raw_all = work / "raw_all"
    t0 = time.perf_counter()
    write_raw(raw_all, biggest, strings, seed=1)
    print(f"wrote {biggest} M raw rows in {time.perf_counter() - t0:.0f} s")

    rows = []
    # naive baseline: the whole 1 M-row file in memory
    one = sorted(raw_all.iterdir())[0]
    wall, peak = run(
        [
            *frontier,
            "geocode",
            str(one),
            "-o",
            str(work / "mem.parquet"),
            "--engine",
            "memory",
            "--quiet",
        ]
    )
    rows.append(("memory (whole file)", 1, "geocode+position", wall, peak))
    print(rows[-1])

    def steps(engine: str, m: int, data: Path, out: Path, agg: Path) -> None:
        """geocode+position then aggregate by segment x month with one engine."""
        shutil.rmtree(out, ignore_errors=True)
        label = "dask (2 workers)" if engine == "dask" else engine
        geocode = [*frontier, "geocode", str(data), "-o", str(out)]
        wall, peak = run([*geocode, "--engine", engine, "--quiet"])
        rows.append((label, m, "geocode+position", wall, peak))
        print(rows[-1])
        by = ["--by", "segment", "--km", "50", "--period", "month"]
        aggregate = [*frontier, "aggregate", str(out), *by, "-o", str(agg)]
        wall, peak = run([*aggregate, "--engine", engine, "--quiet"])
        rows.append((label, m, "aggregate segment x month", wall, peak))
        print(rows[-1])

    for m in sizes:
        data = work / f"raw_{m}"
        data.mkdir(exist_ok=True)
        for f in sorted(raw_all.iterdir())[:m]:
            target = data / f.name
            if not target.exists():
                target.symlink_to(f)
        out = work / f"pos_{m}"
        steps("stream", m, data, out, work / f"agg_{m}.csv")
        shutil.rmtree(out, ignore_errors=True)
    if args.dask:
        m = args.dask
        steps("dask", m, work / f"raw_{m}", work / f"dask_{m}", work / f"dagg_{m}.csv")
        same = (work / f"dagg_{m}.csv").read_bytes() == (work / f"agg_{m}.csv").read_bytes()
        print(f"dask aggregate byte-identical to stream aggregate: {same}")

    print("\n| engine | M rows | step | wall s | rows/s | peak RSS GB (client) |")
    print("|---|---|---|---|---|---|")
    for engine, m, step, wall, peak in rows:
        print(f"| {engine} | {m} | {step} | {wall:.1f} | {m * 1e6 / wall:,.0f} | {peak:.2f} |")
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
