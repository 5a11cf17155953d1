"""The ``frontier`` command: a thin argparse layer over the library.

Each sub-command parses its arguments here and hands them to ``run(args)`` in
its own module (``maps/_cmd_<name>.py``), which returns the exit status.

Exit status: 0 done; 2 the input, an option or the environment is at fault
(a missing or unreadable file, a bad value, a full disk, a folder that cannot be
written) - one line on stderr naming the file (and row or column where it
applies); 130 interrupted (Ctrl-C; outputs are written atomically, so an
interrupted run leaves any previous output as it was); 1 a bug in frontier-mapper,
with a request to report it.  Never a traceback unless ``FRONTIER_DEBUG=1``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import warnings
from collections.abc import Sequence
from types import ModuleType
from typing import NoReturn

from geo.errors import FrontierError
from maps import _engines
from maps._echo import shorten_echoes

__all__ = ["classify", "main"]


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (and exit status 2)."""

    def error(self, message: str) -> NoReturn:
        message = shorten_echoes(" ".join(message.split()))
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _io_options(p: argparse.ArgumentParser, *, sheet: bool = True, csv: bool = True) -> None:
    """Options every command that reads a table or writes a file shares."""
    if sheet:
        p.add_argument(
            "--sheet",
            default=None,
            metavar="NAME|all",
            help="Excel sheet or GeoPackage layer (name or 0-based position), or 'all' sheets",
        )
    p.add_argument(
        "--force", action="store_true", help="allow -o to name the input file (replaced atomically)"
    )
    if csv:
        p.add_argument(
            "--raw-csv",
            action="store_true",
            help="write CSV text as is (by default cells starting with = + - @ tab CR get a "
            "leading ' so spreadsheets do not run them as formulas)",
        )


class _LazyVersion(argparse._VersionAction):
    """``--version``, looking the version up only when asked (it costs 0.1 s at start)."""

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        self.version = f"%(prog)s {_version()}"
        super().__call__(parser, namespace, values, option_string)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("frontier-mapper")
    except PackageNotFoundError:
        return "unknown (not installed)"


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="frontier",
        description="Place reports of border violence against the Afghanistan-Pakistan frontier.",
    )
    p.add_argument("--version", action=_LazyVersion)
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
    _engines.add_options(g)
    _io_options(g)

    a = sub.add_parser("aggregate", help="aggregate positioned incidents")
    a.add_argument("input")
    a.add_argument("--by", required=True, help="segment | admin1 | admin2 | hex | band")
    a.add_argument("--km", type=float, default=50.0, help="segment length in km (default 50)")
    a.add_argument("--resolution", type=int, default=6, help="H3 resolution for --by hex")
    a.add_argument("--period", choices=["day", "week", "month"], default=None)
    a.add_argument(
        "--change",
        action="store_true",
        help="compare two periods per unit (needs --period; default: the last two)",
    )
    a.add_argument("--before", default=None, help="with --change: a date in the earlier period")
    a.add_argument("--after", default=None, help="with --change: a date in the later period")
    a.add_argument("-o", "--output", required=True)
    a.add_argument("--quiet", action="store_true", help="no progress output")
    _engines.add_options(a)
    _io_options(a)
    a.add_argument("--fused", action="store_true", help="count events: fuse reports first")

    m = _map_parser(sub)
    m.add_argument("--fused", action="store_true", help="one marker per event (fuse reports)")
    m.add_argument("--quiet", action="store_true", help="no progress output")
    _io_options(m, csv=False)

    d = sub.add_parser("demo", help="the October 2025 clashes, end to end")
    d.add_argument("--out", default="frontier-demo", help="output folder (default frontier-demo)")
    d.add_argument("--cdn", action="store_true", help="link the map's scripts from CDNs")
    d.add_argument("--offline", action="store_true", help=argparse.SUPPRESS)

    e = sub.add_parser("extract", help="candidate incidents from a news article")
    e.add_argument("article", nargs="?", default="-", help="text file, or - for stdin")
    e.add_argument("--date", default=None, help="article date, YYYY-MM-DD")
    e.add_argument("-o", "--output", default=None, help="output file (default: CSV to stdout)")
    e.add_argument(
        "--min-confidence",
        default=None,
        metavar="P",
        help="leave out candidates whose confidence is below P, 0-1 (default 0.3; 0 keeps all)",
    )
    _io_options(e, sheet=False)
    f = sub.add_parser("figure", help="static figure: map, space-time chart or frontier profile")
    f.add_argument("input", help="raw or positioned incident file")
    f.add_argument("-o", "--output", required=True, help=".png, .svg or .pdf")
    f.add_argument("--kind", required=True, help="map | spacetime | profile")
    f.add_argument("--from", dest="date_from", default=None, help="first date, YYYY-MM-DD")
    f.add_argument("--to", dest="date_to", default=None, help="last date, YYYY-MM-DD")
    f.add_argument(
        "--where", action="append", default=[], metavar="COLUMN=VALUE", help="exact match"
    )
    f.add_argument("--title", default=None)
    f.add_argument("--width", type=float, default=None, help="inches")
    f.add_argument("--height", type=float, default=None, help="inches")
    f.add_argument("--dpi", type=float, default=150.0)
    f.add_argument("--km", type=float, default=50.0, help="segment length in km (default 50)")
    f.add_argument("--period", choices=["day", "week", "month"], default=None)
    f.add_argument("--measure", choices=["incidents", "fatalities"], default="incidents")
    f.add_argument("--choropleth", choices=["admin2", "segment", "hex", "band"], default=None)
    f.add_argument("--compare-from", default=None, help="profile: second period's first date")
    f.add_argument("--compare-to", default=None, help="profile: second period's last date")
    _io_options(f, csv=False)
    fu = sub.add_parser("fuse", help="one event, many reports: fuse incident files across sources")
    fu.add_argument("inputs", nargs="+", metavar="INPUT", help="incident files, one per source")
    fu.add_argument("-o", "--output", required=True, help=".geojson, .csv, .gpkg or .parquet")
    fu.add_argument("--report", default=None, help="CSV of every candidate pair and its test")
    fu.add_argument("--keep", choices=["all", "fused"], default="all")
    fu.add_argument("--within-source", action="store_true", help="also merge rows of one file")
    fu.add_argument("--time-window", type=float, default=1.0, help="days (default 1)")
    fu.add_argument("--space-window", type=float, default=None, help="km (default: radii)")
    fu.add_argument("--taxonomy", default=None, help="CSV crosswalk of event types")
    _io_options(fu, sheet=False)
    return p


def _map_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from maps._layers import CHOROPLETHS, DEFAULT_LAYERS, HIDDEN_AT_START, LAYERS

    shown = [n for n in DEFAULT_LAYERS if n not in HIDDEN_AT_START]
    m = sub.add_parser(
        "map",
        help="build an interactive HTML map",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(
            f"layers: {', '.join(LAYERS)}\n"
            f"  default: {', '.join(DEFAULT_LAYERS)}\n"
            f"  visible at load by default: {', '.join(shown)} (a layer named in --layers "
            "or --choropleth is visible at load)\n"
            "The page is self-contained (works offline); only map tiles need a network."
        ),
    )
    m.add_argument("input", help="raw or positioned incident file")
    m.add_argument("-o", "--output", required=True, help="HTML file to write")
    m.add_argument("--layers", default=None, help="comma-separated layer names (see below)")
    m.add_argument(
        "--choropleth",
        choices=list(CHOROPLETHS),
        default=None,
        help="count incidents per unit of this level (incidents.aggregate's rule), visible at load",
    )
    m.add_argument(
        "--period",
        choices=["day", "week", "month"],
        default=None,
        help="open the page stepping by this period, on the last one (default: all dates)",
    )
    m.add_argument(
        "--from",
        dest="date_from",
        default=None,
        metavar="YYYY-MM-DD",
        help="keep incidents from this day",
    )
    m.add_argument(
        "--to",
        dest="date_to",
        default=None,
        metavar="YYYY-MM-DD",
        help="keep incidents up to this day",
    )
    m.add_argument(
        "--where",
        action="append",
        default=[],
        metavar="COLUMN=VALUE",
        help="keep rows where the condition holds (=, !=, >=, <=, >, <; a|b for either); "
        "repeatable, e.g. --where event_type=Battles --where fatalities>=1",
    )
    m.add_argument("--title", default=None)
    m.add_argument(
        "--tiles",
        default=None,
        help="xyzservices provider name, or 'none' (default OpenStreetMap.Mapnik)",
    )
    m.add_argument(
        "--show-tiles",
        action="store_true",
        help="show the tiles at load (needs a network); default: the outline basemap",
    )
    m.add_argument(
        "--cdn",
        action="store_true",
        help="link Leaflet from CDNs: a smaller file that needs a network",
    )
    m.add_argument("--offline", action="store_true", help=argparse.SUPPRESS)
    return m


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``frontier`` console script."""
    args = _parser().parse_args(argv)
    name = f"frontier {args.command}"
    if getattr(args, "output", None) == "-" and args.command != "extract":
        # "-" would otherwise be taken as a file (or dataset folder) named "-".
        print(
            f"{name}: error: -o -: {args.command} writes files, not standard output; "
            "name a file (e.g. -o out.csv)",
            file=sys.stderr,
        )
        return 2
    if args.command != "extract" and "-" in [
        getattr(args, "input", None),
        *getattr(args, "inputs", []),
    ]:
        print(
            f"{name}: error: INPUT -: {args.command} reads files, not standard input; "
            "save the table to a file (e.g. events.csv) and name it",
            file=sys.stderr,
        )
        return 2
    try:
        module = _import_command(args.command)
        with warnings.catch_warnings():  # the summary line and errors say what matters
            warnings.simplefilter("ignore")
            return int(module.run(args) or 0)
    except KeyboardInterrupt:
        print(f"{name}: interrupted; no output was replaced", file=sys.stderr)
        return 130
    except Exception as exc:
        code, message = classify(exc)
        if code == 1 and os.environ.get("FRONTIER_DEBUG"):
            raise
        print(f"{name}: {message}", file=sys.stderr)
        return code


def _import_command(name: str) -> ModuleType:
    """``maps._cmd_<name>``, imported with the garbage collector paused.

    The command's libraries (pandas, geopandas, folium...) make hundreds of
    thousands of long-lived objects, and the collections that would keep walking
    them take a tenth of a second of a start.
    """
    from incidents._collector import collector

    # straight to the oldest generation after (no walk of the young one they would fill)
    with collector(paused=True, age_new=True):
        return importlib.import_module(f"maps._cmd_{name}")


def classify(exc: BaseException) -> tuple[int, str]:
    """Exit status and one-line message for an exception that ended a command.

    Input and environment faults (the package errors, ``ValueError``, ``OSError``,
    memory, nesting too deep) are status 2; anything else is a bug, status 1.
    """
    if isinstance(exc, FrontierError | ValueError):
        return 2, f"error: {_one_line(exc)}"
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        what = exc.strerror or _one_line(exc)
        return 2, f"error: {where}{what}"
    if isinstance(exc, MemoryError):
        return 2, "error: not enough memory for this input (try a smaller file or option value)"
    if isinstance(exc, RecursionError):
        return 2, "error: the input is nested too deeply to read"
    return 1, (
        f"internal error: {type(exc).__name__}: {_one_line(exc)} - this is a bug in "
        "frontier-mapper; please report it with the command and input "
        "(FRONTIER_DEBUG=1 shows the traceback)"
    )


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) if str(exc) else type(exc).__name__
    return shorten_echoes(text)[:500]


if __name__ == "__main__":
    sys.exit(main())
