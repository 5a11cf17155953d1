"""Benchmark: position 1,000,000 random points against the frontier.

Run: ``python tests/benchmarks/bench_frontier.py [N]``.  Compares, on the same
seeded points and in the same run, ``Frontier.locate`` with two approaches a
geopandas user would write by hand:

(a) ``to_crs`` UTM 42N, ``GeoSeries.distance`` / ``.project`` against the line and
    ``sjoin`` with the country polygons for the side (timed on a subsample: it runs
    at about a thousand points per second);
(b) ``sjoin_nearest`` against the line cut into its segments in an azimuthal
    equidistant projection, plus ``sjoin`` for the side.

Accuracy of all three is measured against a brute-force ``pyproj.Geod`` truth on
300 of the points (tests/geo/truth.py).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "geo"))
from truth import Truth

from geo import Frontier, reference


def points(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.uniform(60, 75.5, n), rng.uniform(28.5, 38, n)


def naive_utm(lon, lat, line, countries):
    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon, lat), crs=4326)
    utm = pts.to_crs(32642)
    line_utm = gpd.GeoSeries([line], crs=4326).to_crs(32642).iloc[0]
    dist = utm.distance(line_utm).to_numpy() / 1000
    along = utm.geometry.apply(line_utm.project).to_numpy() / 1000
    side = gpd.sjoin(pts, countries, how="left", predicate="within")["country"]
    return dist, along, side


def naive_sjoin_nearest(lon, lat, line, countries):
    crs = "+proj=aeqd +lat_0=33 +lon_0=67.5 +datum=WGS84 +units=m"
    xy = shapely.get_coordinates(gpd.GeoSeries([line], crs=4326).to_crs(crs).iloc[0])
    segs = shapely.linestrings(np.stack([xy[:-1], xy[1:]], axis=1))
    seg_gdf = gpd.GeoDataFrame(
        {"start_km": np.r_[0, np.cumsum(np.hypot(*np.diff(xy, axis=0).T))][:-1] / 1000},
        geometry=segs,
        crs=crs,
    )
    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon, lat), crs=4326)
    pp = pts.to_crs(crs)
    j = gpd.sjoin_nearest(pp, seg_gdf, how="left", distance_col="d")
    j = j[~j.index.duplicated()]
    seg = seg_gdf.geometry.values[j["index_right"].to_numpy()]
    along = j["start_km"].to_numpy() + shapely.line_locate_point(seg, pp.geometry.values) / 1000
    side = gpd.sjoin(pts, countries, how="left", predicate="within")["country"]
    return j["d"].to_numpy() / 1000, along, side


def accuracy(dist, along, truth_d, truth_a):
    rel = np.abs(dist - truth_d) / np.maximum(truth_d, 1e-9)
    ok = np.abs(dist - truth_d) <= np.maximum(0.001 * truth_d, 0.02)
    along_rel = np.abs(along - truth_a) / np.maximum(truth_a, 20)
    return rel.max(), ok.mean(), np.median(along_rel), np.quantile(along_rel, 0.95)


def main(n: int = 1_000_000) -> None:
    f = Frontier.default()
    line = f.line
    countries = reference.countries()
    lon, lat = points(n)
    f.locate((lon[:1000], lat[:1000]))  # warm-up (lazy index parts)

    t0 = time.perf_counter()
    core = f.locate((lon, lat), crossings=False, admin=False)
    t_core = time.perf_counter() - t0
    t0 = time.perf_counter()
    full = f.locate((lon, lat))
    t_full = time.perf_counter() - t0

    nb = min(n, 200_000)
    t0 = time.perf_counter()
    b = naive_sjoin_nearest(lon[:nb], lat[:nb], line, countries)
    t_b = (time.perf_counter() - t0) * n / nb
    na = min(n, 5_000)
    t0 = time.perf_counter()
    a = naive_utm(lon[:na], lat[:na], line, countries)
    t_a = (time.perf_counter() - t0) * n / na

    truth = Truth(line)
    k = 300
    tv = np.array([truth(lon[i], lat[i]) for i in range(k)])
    rows = [
        (
            "Frontier.locate (dist+side+km)",
            t_core,
            n,
            core.border_distance_km[:k],
            core.frontier_km[:k],
        ),
        (
            "Frontier.locate (all outputs)",
            t_full,
            n,
            full.border_distance_km[:k],
            full.frontier_km[:k],
        ),
        ("(b) sjoin_nearest, AEQD segments", t_b, nb, b[0][:k], b[1][:k]),
        ("(a) UTM 42N distance/project", t_a, na, a[0][:k], a[1][:k]),
    ]
    print(f"{n:,} random points, lon 60-75.5, lat 28.5-38, seed 0")
    print(
        f"{'method':36s} {'s per 1M':>9s} {'pts/s':>10s} {'max rel err':>11s} "
        f"{'within bound':>12s} {'along med/p95 rel':>18s} (timed on)"
    )
    for name, t, timed, d, al in rows:
        mx, ok, med, p95 = accuracy(np.asarray(d), np.asarray(al), tv[:, 0], tv[:, 1])
        print(
            f"{name:36s} {t * 1e6 / n:9.2f} {n / t:10,.0f} {mx:11.5f} {ok:12.1%} "
            f"{med:8.5f}/{p95:8.5f} ({timed:,} pts)"
        )
    print(f"speed-up vs (b): {t_b / t_core:.1f}x; vs (a): {t_a / t_core:.0f}x")
    sides = (full.side.to_numpy(dtype=object)[:nb] == b[2].fillna("other").to_numpy()).mean()
    print(f"side agreement with sjoin(within): {sides:.4%}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
