"""``frontier info``: the frontier's length, end points, vertex count and data sources.

Reads the shipped line itself (JSON + :class:`pyproj.Geod`) instead of building
:meth:`geo.Frontier.default`, so it answers in well under a second; a test checks
that every figure equals the frontier object's.
"""

from __future__ import annotations

import argparse
import csv
import json
from importlib import resources

from geo import _defaults


def facts() -> dict[str, object]:
    """Name, geodesic length (km), start and end (lon, lat), vertices and sources."""
    from pyproj import Geod

    data = resources.files("geo.data")
    gj = json.loads(data.joinpath("frontier_osm.geojson").read_text(encoding="utf-8"))
    feature = gj["features"][0] if "features" in gj else gj
    coords = feature["geometry"]["coordinates"]
    lons, lats = [c[0] for c in coords], [c[1] for c in coords]
    length_km = Geod(ellps="WGS84").line_length(lons, lats) / 1000.0
    with data.joinpath("crossings.csv").open(encoding="utf-8") as fh:
        crossings = sum(1 for _ in csv.DictReader(fh))
    return {
        "name": _defaults.NAME,
        "length_km": length_km,
        "start": (lons[0], lats[0]),
        "end": (lons[-1], lats[-1]),
        "vertices": len(coords),
        "sources": [s.format(crossings=crossings) for s in _defaults.SOURCES],
    }


def run(args: argparse.Namespace) -> int:
    del args
    f = facts()
    (x0, y0), (x1, y1) = f["start"], f["end"]  # type: ignore[misc]
    length = float(f["length_km"])  # type: ignore[arg-type]
    print(f"frontier: {f['name']}")
    print(f"length: {length:,.1f} km (geodesic, WGS84)")
    print(f"start (km 0): {y0:.5f} N, {x0:.5f} E")
    print(f"end (km {length:,.1f}): {y1:.5f} N, {x1:.5f} E")
    print(f"vertices: {f['vertices']:,}")
    print("sources:")
    for s in f["sources"]:  # type: ignore[attr-defined]
        print(f"  - {s}")
    print("  (full list with licences: geo/data/SOURCES.md)")
    return 0
