"""Benchmark: loading a CSV thousands of columns wide, against per-column pandas checks.

Run with ``python tests/benchmarks/bench_wide_csv.py [--columns N] [--rows M] [--repeat K]``.

Writes a CSV of ``--columns`` columns (default 2,100: ACLED's columns plus numbered
ones) and ``--rows`` rows (default 40), with blank cells and a ``'``-escaped formula
cell, then times

* ``incidents._load_read.read_table`` (the reader's cell checks: one Arrow call over
  every cell) and ``incidents.load`` (reader + layout + parsing);
* the naive reader in the same run: the same ``pandas.read_csv`` followed by the
  checks done one pandas call per column (strip, blank, line-break and formula-escape
  tests, masks), as the reader did before;

and prints the median of ``--repeat`` runs and the ratio.  Also a tall table
(``--tall-rows``, 20 columns) to show that the whole-table checks cost nothing there.
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd


def write_table(path: Path, columns: int, rows: int) -> None:
    rng = np.random.default_rng(0)
    names = ["event_id_cnty", "event_date", "location", "latitude", "longitude"]
    names += [f"extra_{i}" for i in range(columns - len(names))]
    body = rng.integers(0, 1000, size=(rows, columns)).astype(str).astype(object)
    body[:, 0] = [f"PAK{i}" for i in range(rows)]
    body[:, 1] = "12 October 2025"
    body[:, 2] = "Torkham"
    body[:, 3] = "34.1325"
    body[:, 4] = "71.0953"
    body[::3, 7] = "  "
    body[1, 9] = "'=1+1"
    pd.DataFrame(body, columns=names).to_csv(path, index=False)


def naive_read(path: Path) -> pd.DataFrame:
    """The per-column checks, one pandas string call per column."""
    raw = pd.read_csv(
        io.StringIO(path.read_text(encoding="utf-8")),
        header=None,
        dtype=str,
        keep_default_na=False,
        na_filter=False,
        engine="c",
    ).astype("string")
    blank = raw.apply(lambda s: s.fillna("").str.strip() == "").all(axis=1).to_numpy()
    for c in raw.columns:
        if raw[c].str.contains("[\r\n]", regex=True, na=False).any():
            break
    raw = raw[~blank]
    body = raw.iloc[1:].reset_index(drop=True)
    body.columns = list(raw.iloc[0])
    body = body.apply(lambda s: s.mask(s.fillna("").str.strip() == ""))
    out = body.copy()
    for c in out.columns:
        s = out[c]
        hit = s.str.contains(r"^'+[=+\-@\t\r]", regex=True, na=False)
        if hit.any():
            out[c] = s.mask(hit, s.str.slice(1))
    return out


def timed(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        func()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--columns", type=int, default=2_100)
    ap.add_argument("--rows", type=int, default=40)
    ap.add_argument("--tall-rows", type=int, default=200_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from incidents import load
    from incidents._load_read import read_table

    with tempfile.TemporaryDirectory() as tmp:
        wide = Path(tmp) / "wide.csv"
        write_table(wide, args.columns, args.rows)
        read_table(wide)  # imports and first-call costs out of the timings
        ours = timed(lambda: read_table(wide), args.repeat)
        whole = timed(lambda: load(wide), args.repeat)
        naive = timed(lambda: naive_read(wide), args.repeat)
        print(f"{args.columns:,} columns x {args.rows:,} rows:")
        print(f"  read_table {ours:.2f} s; incidents.load {whole:.2f} s")
        print(f"  naive per-column checks {naive:.2f} s ({naive / ours:.1f}x read_table)")

        tall = Path(tmp) / "tall.csv"
        write_table(tall, 20, args.tall_rows)
        ours_t = timed(lambda: read_table(tall), args.repeat)
        naive_t = timed(lambda: naive_read(tall), args.repeat)
        print(f"20 columns x {args.tall_rows:,} rows:")
        print(f"  read_table {ours_t:.2f} s; naive per-column checks {naive_t:.2f} s (no sniffing)")


if __name__ == "__main__":
    main()
