"""Benchmark of :func:`incidents.geocode.geocode`.

Run with ``python tests/benchmarks/bench_geocode.py [--rows N] [--distinct K]``.

Builds ``--rows`` incident rows drawn (seeded) from ``--distinct`` place strings
taken from the shipped gazetteer (names near the frontier, with spelling noise,
qualifiers, lists, admin hints and some junk), then reports

* the gazetteer index load time (cold: the first load in this process, after the
  imports), wall clock and CPU time (the CPU time is what a busy machine does not
  inflate),
* rows/s of ``geocode`` on the whole table (each distinct (text, hints) is
  resolved once and mapped back),
* a naive per-row baseline: a fresh, uncached :meth:`Geocoder.resolve` call per
  row of a 20,000-row sample, extrapolated to the full table, and the ratio.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd


def make_strings(g, k: int, rng: np.random.Generator) -> pd.DataFrame:
    near = np.flatnonzero(g.is_place & (g.dist_frontier_km < 150))
    rows = rng.choice(near, size=k, replace=False)
    quals = ["", "", "", " village", " area", "near ", " district"]
    texts, a1, a2 = [], [], []
    for r in rows:
        name = str(g.name[r])
        q = quals[rng.integers(len(quals))]
        name = q + name if q.endswith(" ") else name + q
        if rng.random() < 0.1:
            name = name.replace("a", "aa", 1).replace("u", "oo", 1)
        if rng.random() < 0.05:
            other = g.name[rng.choice(near)]
            name = f"{name}; {other}"
        texts.append(name)
        a1.append(g.admin1[r] if rng.random() < 0.6 else None)
        a2.append(g.admin2[r] if rng.random() < 0.3 else None)
    junk = ["", None, "12345", "x" * 5000, "unknown", "(whole frontier)"]
    texts[: len(junk)] = junk
    return pd.DataFrame({"location": texts, "admin1": a1, "admin2": a2})


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--distinct", type=int, default=3_000)
    p.add_argument("--sample", type=int, default=20_000)
    args = p.parse_args(argv)

    from incidents._gazetteer import Gazetteer
    from incidents.geocode import Geocoder, geocode

    c0, t0 = time.process_time(), time.perf_counter()
    gaz = Gazetteer.load()
    load_s, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"gazetteer index load: {load_s:.2f} s, CPU {load_cpu:.2f} s ({gaz.n:,} places)")

    rng = np.random.default_rng(20251009)
    strings = make_strings(gaz, args.distinct, rng)
    pick = rng.integers(0, len(strings), size=args.rows)
    df = strings.iloc[pick].reset_index(drop=True)
    df.insert(0, "incident_id", [f"E{i}" for i in range(args.rows)])
    df["country"] = None
    df["latitude"] = np.where(rng.random(args.rows) < 0.2, 34.0, np.nan)
    df["longitude"] = np.where(np.isnan(df["latitude"]), np.nan, 70.0)
    df["review_flags"] = ""

    gc = Geocoder(gaz)
    c0, t0 = time.process_time(), time.perf_counter()
    out = geocode(df, geocoder=gc)
    full_s, full_cpu = time.perf_counter() - t0, time.process_time() - c0
    rate = args.rows / full_s
    print(
        f"geocode: {args.rows:,} rows ({len(strings):,} distinct strings) in {full_s:.2f} s "
        f"(CPU {full_cpu:.2f} s)"
    )
    print(f"         {rate:,.0f} rows/s")
    print("         methods:", out["geocode_method"].value_counts().to_dict())
    from geo import Frontier
    from incidents import position

    Frontier.default()  # loaded once per process, like the gazetteer
    c0, t0 = time.process_time(), time.perf_counter()
    positioned = position(out)
    pos_s, pos_cpu = time.perf_counter() - t0, time.process_time() - c0
    print(
        f"position: {pos_s:.2f} s (CPU {pos_cpu:.2f} s); "
        f"geocode + position: {full_s + pos_s:.2f} s (CPU {full_cpu + pos_cpu:.2f} s) "
        f"({args.rows / (full_s + pos_s):,.0f} rows/s), "
        f"{int(positioned.geometry.notna().sum()):,} located"
    )

    sample = df.iloc[: args.sample]
    naive = Geocoder(gaz)
    t0 = time.perf_counter()
    for r in sample.itertuples(index=False):
        naive._resolve(  # the uncached path: what a per-row geocoder does
            *(v if isinstance(v, str) else None for v in (r.location, r.admin1, r.admin2)),
            None,
        )
    naive_s = (time.perf_counter() - t0) * args.rows / args.sample
    print(
        f"naive per-row baseline: {args.sample:,} rows in "
        f"{naive_s * args.sample / args.rows:.2f} s -> {naive_s:,.0f} s extrapolated "
        f"({naive_s / full_s:,.0f}x slower)"
    )


if __name__ == "__main__":
    main()
