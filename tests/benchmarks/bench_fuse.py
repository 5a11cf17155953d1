"""Benchmark of :func:`incidents.fuse` against a naive all-pairs-within-a-day baseline.

Run with ``python tests/benchmarks/bench_fuse.py [--rows 1000000] [--naive-rows 100000]``.

Data: :func:`incidents._fuse_synth.synthetic_sources` (scenario ``mixed``: three
sources, precision classes, date shifts and ranges, relabelled types, missing
fields, near-distinct twins), events spread over Afghanistan and Pakistan
(60-75 E, 25-37 N) at a constant density of 60 true events a day, so that 100k
and 1M rows differ only in the number of days (the cost should grow ~10x).

Timed (CPU time of this single-threaded process, so that other work on a shared
machine does not count; wall time printed too): ``fuse(*frames)`` end to end
(candidates, groups, fused rows, every column), at ``--rows`` and at a tenth of
it; and its candidate step alone.
Baseline (same run, same rules): for every day, the full distance matrix of
the reports dated that day or within the time window (all pairs), then the same
tests.  It runs on the first days holding ``--naive-rows`` rows and is scaled
to the whole table by the ratio of days (its cost per day does not depend on
the number of days).  Pairwise precision/recall against the truth is printed
for the record.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from incidents._fuse_inputs import prepare
from incidents._fuse_match import candidates, haversine_km
from incidents._fuse_synth import pairwise_scores, synthetic_sources
from incidents._fuse_taxonomy import load_taxonomy
from incidents.fuse import _concat, _rows, fuse

EVENTS_PER_DAY = 60
REGION = (60.0, 25.0, 75.0, 37.0)
ROWS_PER_EVENT = 2.2  # measured: reports per true event in the mixed scenario


def make(rows: int, seed: int = 0) -> list:
    events = int(rows / ROWS_PER_EVENT)
    days = max(1, events // EVENTS_PER_DAY)
    return synthetic_sources(events, seed=seed, scenario="mixed", days=days, region=REGION)


def naive_pairs(frames: list, *, window: int = 1) -> int:
    """All pairs of reports within ``window`` days, tested one day at a time."""
    table = _concat(prepare(tuple(frames), [f.attrs["source_name"] for f in frames]))
    r = _rows(table, tuple(frames), load_taxonomy(None), within_source=False)
    ok = np.flatnonzero(np.isfinite(r.day0) & np.isfinite(r.lat))
    day = r.day0[ok].astype(int)
    found = 0
    for d in np.unique(day):
        a = ok[day == d]
        b = ok[(day >= d) & (day <= d + window)]  # each pair counted from its earlier day
        km = haversine_km(
            r.lat[a][:, None], r.lon[a][:, None], r.lat[b][None, :], r.lon[b][None, :]
        )
        limit = np.minimum(r.radius[a][:, None] + r.radius[b][None, :], 50.0)
        fam = (r.family[a][:, None] & r.family[b][None, :]) != 0
        src = r.source[a][:, None] != r.source[b][None, :]
        found += int(((km <= limit) & fam & src).sum())
    return found


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--naive-rows", type=int, default=100_000)
    args = p.parse_args()
    print(f"cores: {os.cpu_count()}")
    results = {}
    for rows in (args.rows // 10, args.rows):
        t = time.perf_counter()
        frames = make(rows)
        n = sum(len(f) for f in frames)
        gen = time.perf_counter() - t
        t, c = time.perf_counter(), time.process_time()
        out = fuse(*frames)
        total, cpu = time.perf_counter() - t, time.process_time() - c
        table = _concat(prepare(tuple(frames), [f.attrs["source_name"] for f in frames]))
        r = _rows(table, tuple(frames), load_taxonomy(None), within_source=False)
        c = time.process_time()
        pairs = candidates(r, window=1, space_km=None)
        cand = time.process_time() - c
        rep = out[out["row_kind"] == "report"]
        s = pairwise_scores(rep["event_group"].to_numpy(), rep["true_event"].to_numpy())
        days = int(np.nanmax(r.day0) - np.nanmin(r.day0)) + 1
        results[rows] = (n, cpu, days, cand)
        print(
            f"{n:,} rows ({days:,} days; generated in {gen:.1f} s): fuse {total:.1f} s wall, "
            f"{cpu:.1f} s CPU (candidates {cand:.1f} s CPU, {len(pairs.i):,} pairs), "
            f"{int((out['row_kind'] == 'fused').sum()):,} events; "
            f"pairwise precision {s['precision']:.3f}, recall {s['recall']:.3f}"
        )
    (n_small, t_small, _, _), (n_big, t_big, days_big, c_big) = (
        results[args.rows // 10],
        results[args.rows],
    )
    print(f"growth: {n_big / n_small:.1f}x rows -> {t_big / t_small:.1f}x CPU time")

    frames = make(args.naive_rows, seed=1)
    n_naive = sum(len(f) for f in frames)
    c = time.process_time()
    found = naive_pairs(frames)
    naive = time.process_time() - c
    naive_days = max(1, int(args.naive_rows / ROWS_PER_EVENT) // EVENTS_PER_DAY)
    scaled = naive * days_big / naive_days
    print(
        f"naive all-pairs-within-a-day: {n_naive:,} rows ({naive_days:,} days) in {naive:.1f} s "
        f"CPU, {found:,} pairs; scaled to {days_big:,} days: {scaled:.0f} s -> the candidate "
        f"step is {scaled / c_big:.1f}x faster, fuse end to end {scaled / t_big:.1f}x"
    )


if __name__ == "__main__":
    main()
