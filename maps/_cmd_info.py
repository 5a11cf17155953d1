"""``frontier info``: the frontier's length, end points, vertex count and data sources."""

from __future__ import annotations

import argparse

from geo import Frontier


def run(args: argparse.Namespace) -> int:
    del args
    f = Frontier.default()
    (x0, y0), (x1, y1) = f.start, f.end
    print(f"frontier: {f.name}")
    print(f"length: {f.length_km:,.1f} km (geodesic, WGS84)")
    print(f"start (km 0): {y0:.5f} N, {x0:.5f} E")
    print(f"end (km {f.length_km:,.1f}): {y1:.5f} N, {x1:.5f} E")
    print(f"vertices: {f.vertex_count:,}")
    print("sources:")
    for s in f.sources:
        print(f"  - {s}")
    print("  (full list with licences: geo/data/SOURCES.md)")
    return 0
