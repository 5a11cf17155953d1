"""The ``frontier`` command: a thin argparse layer over the library.

Each sub-command parses its arguments here and hands them to ``run(args)`` in
its own module (``maps/_cmd_<name>.py``), which returns the exit status.
Errors on bad input become a one-line message and exit status 2, never a
traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from geo.errors import FrontierError

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="frontier",
        description="Place reports of border violence against the Afghanistan-Pakistan frontier.",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    sub.add_parser("info", help="frontier length, end points, vertex count and data sources")

    g = sub.add_parser("geocode", help="load, geocode and position an incident file")
    g.add_argument("input", help="CSV, Excel, GeoJSON, GeoPackage or GeoParquet file")
    g.add_argument("-o", "--output", required=True, help=".geojson, .csv, .gpkg or .parquet")
    g.add_argument(
        "--columns",
        action="append",
        default=[],
        metavar="SCHEMA=INPUT",
        help="map an input column to a schema column, e.g. --columns location=place_name",
    )
    g.add_argument("--quiet", action="store_true", help="no progress output")

    a = sub.add_parser("aggregate", help="aggregate positioned incidents")
    a.add_argument("input")
    a.add_argument("--by", required=True, help="segment | admin1 | admin2 | hex | band")
    a.add_argument("--km", type=float, default=50.0, help="segment length in km (default 50)")
    a.add_argument("--resolution", type=int, default=6, help="H3 resolution for --by hex")
    a.add_argument("--period", choices=["day", "week", "month"], default=None)
    a.add_argument(
        "--change",
        action="store_true",
        help="compare the last two periods per unit (needs --period)",
    )
    a.add_argument("-o", "--output", required=True)
    a.add_argument("--fused", action="store_true", help="count events: fuse reports first")

    m = sub.add_parser("map", help="build an interactive HTML map")
    m.add_argument("input", help="raw or positioned incident file")
    m.add_argument("-o", "--output", required=True, help="HTML file to write")
    m.add_argument("--offline", action="store_true", help="self-contained HTML, no CDN")
    m.add_argument("--layers", default=None, help="comma-separated layer names")
    m.add_argument("--title", default=None)
    m.add_argument("--tiles", default=None, help="xyzservices provider name, or 'none'")
    m.add_argument("--fused", action="store_true", help="one marker per event (fuse reports)")

    d = sub.add_parser("demo", help="the October 2025 clashes, end to end")
    d.add_argument("--out", default="frontier-demo", help="output folder (default frontier-demo)")
    d.add_argument("--offline", action="store_true")

    e = sub.add_parser("extract", help="candidate incidents from a news article")
    e.add_argument("article", nargs="?", default="-", help="text file, or - for stdin")
    e.add_argument("--date", default=None, help="article date, YYYY-MM-DD")
    e.add_argument("-o", "--output", default=None, help="output file (default: CSV to stdout)")
    f = sub.add_parser("fuse", help="one event, many reports: fuse incident files across sources")
    f.add_argument("inputs", nargs="+", metavar="INPUT", help="incident files, one per source")
    f.add_argument("-o", "--output", required=True, help=".geojson, .csv, .gpkg or .parquet")
    f.add_argument("--report", default=None, help="CSV of every candidate pair and its test")
    f.add_argument("--keep", choices=["all", "fused"], default="all")
    f.add_argument("--within-source", action="store_true", help="also merge rows of one file")
    f.add_argument("--time-window", type=float, default=1.0, help="days (default 1)")
    f.add_argument("--space-window", type=float, default=None, help="km (default: radii)")
    f.add_argument("--taxonomy", default=None, help="CSV crosswalk of event types")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``frontier`` console script."""
    args = _parser().parse_args(argv)
    try:
        module = importlib.import_module(f"maps._cmd_{args.command}")
        return int(module.run(args) or 0)
    except (FrontierError, OSError, ValueError) as exc:
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(f"frontier {args.command}: error: {msg}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug, not bad input: still one line, unless debugging
        if os.environ.get("FRONTIER_DEBUG"):
            raise
        print(
            f"frontier {args.command}: internal error: {type(exc).__name__}: {exc} "
            "(set FRONTIER_DEBUG=1 for the traceback)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
