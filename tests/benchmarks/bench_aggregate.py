"""Benchmark of :func:`incidents.aggregate.aggregate` against a naive sjoin + groupby.

Run with ``python tests/benchmarks/bench_aggregate.py [--rows N] [--naive-rows M]``.

Builds ``--rows`` positioned incidents (seeded): 20,000 synthetic incidents from
``tests/positioned_tables.py`` (real positions: frontier km, side, districts),
resampled with replacement, with dates over two years and one row in ten at
district or province precision.  Then it times

* ``aggregate(by=...)`` for segment (50 km), admin2, hex (resolution 6) and band,
  each with ``period="month"``, cold (first call in the process, reference layers
  and band polygons included) and warm;
* the naive way of getting the same tables: a spatial join of the points with the
  unit polygons/lines (``geopandas.sjoin`` / ``sjoin_nearest``, band polygons from
  :meth:`geo.Frontier.corridor`, one ``h3.latlng_to_cell`` per row for hexes)
  followed by ``groupby([unit, month])``, on ``--naive-rows`` rows (default
  100,000), the per-row part extrapolated linearly to ``--rows`` and the one-off
  layer setup (segments, districts, corridor polygons) added once;

and reports the ratio.  Loading :meth:`geo.Frontier.default` is timed apart.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
# (appended: the tests folder holds test packages named like the project's, "geo")
sys.path.append(str(Path(__file__).resolve().parents[1]))  # positioned_tables

BYS = ("segment", "admin2", "hex", "band")


def make_table(rows: int, seed: int = 0) -> gpd.GeoDataFrame:
    from positioned_tables import synthetic_incidents

    base = synthetic_incidents(20_000, seed=seed)
    rng = np.random.default_rng(seed)
    pick = rng.integers(0, len(base), rows)
    gdf = base.iloc[pick].reset_index(drop=True)
    gdf["incident_id"] = pd.array([f"B{i:07d}" for i in range(rows)], dtype="string")
    day0 = np.datetime64("2024-01-01")
    gdf["date"] = (day0 + rng.integers(0, 730, rows).astype("timedelta64[D]")).astype(
        "datetime64[ns]"
    )
    prec = rng.choice([1, 2, 3], rows, p=[0.9, 0.07, 0.03])
    gdf["geo_precision"] = pd.array(prec, dtype="Int64")
    gdf["uncertainty_km"] = np.choose(prec - 1, [2.0, 20.0, 100.0])
    return gdf


def ours(gdf: gpd.GeoDataFrame, frontier) -> dict[str, float]:
    from incidents.aggregate import aggregate

    times = {}
    for by in BYS:
        t = time.perf_counter()
        out = aggregate(gdf, by=by, period="month", frontier=frontier)
        times[by] = time.perf_counter() - t
        assert int(out["incidents"].sum()) == out.attrs["located"]
    return times


def naive(gdf: gpd.GeoDataFrame, frontier) -> tuple[dict[str, float], dict[str, float]]:
    """(setup seconds, per-table seconds) by unit: setup (unit layers) is not per row."""
    import h3

    from geo import reference

    setup, work = {}, {}
    pts = gdf[["date", "fatalities", "geometry"]].copy()
    pts["month"] = pts["date"].dt.to_period("M")

    def count(joined: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
        return joined.groupby([*keys, "month"]).agg(
            incidents=("fatalities", "size"), fatalities=("fatalities", "sum")
        )

    t = time.perf_counter()
    crs = frontier.countries.estimate_utm_crs()
    segs = frontier.segments(50.0)[["segment_id", "geometry"]].to_crs(crs)
    sides = frontier.countries[["country", "geometry"]]
    setup["segment"] = time.perf_counter() - t
    t = time.perf_counter()
    j = gpd.sjoin_nearest(pts.to_crs(crs), segs, how="left").drop(columns="index_right")
    j = gpd.sjoin(j.to_crs(4326), sides, how="left", predicate="within")
    count(j, ["segment_id", "country"])
    work["segment"] = time.perf_counter() - t

    t = time.perf_counter()
    a2 = reference.admin2()[["country", "admin1", "admin2", "geometry"]]
    setup["admin2"] = time.perf_counter() - t
    t = time.perf_counter()
    j = gpd.sjoin(pts, a2, how="left", predicate="within")
    count(j, ["country", "admin1", "admin2"])
    work["admin2"] = time.perf_counter() - t

    setup["hex"] = 0.0
    t = time.perf_counter()
    cells = [h3.latlng_to_cell(p.y, p.x, 6) for p in pts.geometry]
    count(pts.assign(cell=cells), ["cell"])
    work["hex"] = time.perf_counter() - t

    t = time.perf_counter()
    bands = frontier.corridor()[["side", "band", "geometry"]]
    setup["band"] = time.perf_counter() - t
    t = time.perf_counter()
    j = gpd.sjoin(pts, bands, how="left", predicate="within")
    count(j, ["side", "band"])
    work["band"] = time.perf_counter() - t
    return setup, work


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--naive-rows", type=int, default=100_000)
    args = p.parse_args(argv)

    from geo import Frontier

    t = time.perf_counter()
    table = make_table(args.rows)
    print(f"built {len(table):,} positioned incidents in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    frontier = Frontier.default()
    print(f"Frontier.default() load: {time.perf_counter() - t:.2f} s (not counted below)")

    cold = ours(table, frontier)
    warm = ours(table, frontier)
    for label, times in (("cold", cold), ("warm", warm)):
        parts = ", ".join(f"{k} {v:.2f} s" for k, v in times.items())
        print(f"aggregate x4 monthly, {label}: {sum(times.values()):.2f} s ({parts})")

    sample = table.sample(n=min(args.naive_rows, len(table)), random_state=1)
    setup, work = naive(sample, frontier)
    scale = len(table) / len(sample)
    est = {k: setup[k] + work[k] * scale for k in work}
    total = sum(est.values())
    parts = ", ".join(f"{k} {v:.1f} s" for k, v in est.items())
    print(
        f"naive sjoin+groupby on {len(sample):,} rows, per-row work extrapolated to "
        f"{len(table):,} (+ one-off layer setup {sum(setup.values()):.1f} s): "
        f"{total:.1f} s ({parts})"
    )
    print(f"speed-up (naive / ours cold): {total / sum(cold.values()):.1f}x")
    print(f"speed-up (naive / ours warm): {total / sum(warm.values()):.1f}x")
    budget = sum(cold.values())
    print(f"budget: {'OK' if budget < 10 else 'OVER'} ({budget:.2f} s of 10 s, cold)")


if __name__ == "__main__":
    main()
