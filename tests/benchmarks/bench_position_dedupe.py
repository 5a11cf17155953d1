"""Benchmark: positioning reuses work across identical points (issue 16, item 1).

Run: ``python tests/benchmarks/bench_position_dedupe.py [ROWS] [DISTINCT]``
(default 1,000,000 rows holding 50,000 distinct points, drawn over the frontier
region with a heavy-tailed repeat pattern, as after geocoding where many events
share a village).  In the same run it times

* ``Frontier.locate`` on the rows (distinct points located once, broadcast back);
* ``incidents.position`` on a table of those rows (what the CLI runs);
* the baseline: the same per-point lookups run on every row, without
  deduplication (``Frontier._locate_points`` + the same broadcast step), which is
  what ``locate`` did before;

and checks that both give identical results.
"""

from __future__ import annotations

import os
import sys
import time

import numpy as np
import pandas as pd

from geo import Frontier
from incidents import position


def rows(n: int, distinct: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    ulon, ulat = rng.uniform(60, 75.5, distinct), rng.uniform(28.5, 38, distinct)
    # Zipf-like popularity: a few places hold most events, every place appears
    pick = np.r_[np.arange(distinct), rng.zipf(1.3, n - distinct) % distinct]
    rng.shuffle(pick)
    return ulon[pick], ulat[pick]


def timed(fn, repeat: int = 3) -> tuple[float, float, object]:
    """Best wall-clock and CPU seconds (all threads) over ``repeat`` runs, and the result."""
    best, cpu, out = np.inf, np.inf, None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        out = fn()
        best = min(best, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
    return best, cpu, out


def main(n: int = 1_000_000, distinct: int = 50_000) -> None:
    f = Frontier.default()
    distinct = min(distinct, n)  # "bench_position_dedupe.py 2000": 2,000 rows, all distinct
    lon, lat = rows(n, distinct)
    f.locate((lon[:1000], lat[:1000]))  # warm-up (lazy index parts)
    table = pd.DataFrame({"latitude": lat, "longitude": lon})

    t_locate, c_locate, fast = timed(lambda: f.locate((lon, lat)))
    t_position, c_position, _ = timed(lambda: position(table, frontier=f))

    def naive():
        everything = np.arange(n)
        found = f._locate_points(lon, lat, crossings=True, admin=True)
        return f._assemble(
            found, everything, everything, n, pd.RangeIndex(n), crossings=True, admin=True
        )

    t_naive, c_naive, slow = timed(naive, repeat=1)
    pd.testing.assert_frame_equal(fast, slow)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"{n:,} rows, {len(np.unique(np.c_[lon, lat], axis=0)):,} distinct points "
        f"({os.cpu_count()} cores, load average {load:.1f})"
    )
    print(f"{'':36s} {'wall s':>8s} {'CPU s':>8s}")
    print(f"{'Frontier.locate, deduplicated':36s} {t_locate:8.3f} {c_locate:8.3f}")
    print(f"{'incidents.position, deduplicated':36s} {t_position:8.3f} {c_position:8.3f}")
    print(f"{'Frontier.locate, every row (naive)':36s} {t_naive:8.3f} {c_naive:8.3f}")
    print(f"speed-up of locate: {t_naive / t_locate:.1f}x wall; identical results: yes")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    main(*args)
