"""``frontier map INPUT -o map.html [--choropleth ...] [--from/--to] [--where ...] [--quiet]``.

Large inputs (:data:`LARGE_ROWS` rows or :data:`LARGE_BYTES` bytes) report each
step on stderr with the time so far (reading, building, writing), on a terminal
or not; ``--quiet`` prints nothing but the closing summary.
"""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from incidents._collector import collector
from incidents.io import atomic_output, check_output, read
from incidents.position import is_positioned, position
from maps._fused_rows import events_only
from maps._notes import print_load_notes
from maps._stages import Stages
from maps.errors import MapError
from maps.filters import apply_filters, describe_filters

__all__ = ["LARGE_BYTES", "LARGE_ROWS", "run"]

#: Inputs with at least this many rows (or bytes) report progress on stderr.
LARGE_ROWS = 10_000
LARGE_BYTES = 2_000_000


#: Allocations between two young-generation collections while a map is made (Python's
#: default is 700): the run makes few reference cycles, and at the default the
#: collections take a tenth of a second of a run.
GC_YOUNG = 20_000


class _Background:
    """``func(*args, **kwargs)`` run in a daemon thread (Ctrl-C does not wait for it)."""

    def __init__(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self._out: dict[str, Any] = {}

        def work() -> None:
            try:
                self._out["value"] = func(*args, **kwargs)
            except BaseException as exc:  # handed to the caller by result()
                self._out["error"] = exc

        self._thread = threading.Thread(target=work, name="frontier-read", daemon=True)
        self._thread.start()

    def result(self) -> Any:
        """The value ``func`` returned, or the exception it raised, raised here."""
        self._thread.join()
        if "error" in self._out:
            raise self._out["error"]
        return self._out["value"]


def _map_builder() -> ModuleType:
    """:mod:`maps.build` (folium, branca, jinja2: a third of a second to import)."""
    import maps.build

    return maps.build


def run(args: argparse.Namespace) -> int:
    # the modules alive on entry are never walked, the young generation less often
    with collector(skip_existing=True, young=GC_YOUNG):
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    path = Path(args.input)
    if not path.is_file():
        raise MapError(f"INPUT {path} does not exist or is not a file")
    out = Path(args.output)
    if out.suffix.lower() not in (".html", ".htm"):
        raise MapError(f"-o must name an .html file, got {out.name!r}")
    check_output(out, path, force=bool(getattr(args, "force", False)))
    quiet = bool(getattr(args, "quiet", False))
    progress = Stages("map", quiet=quiet, large=path.stat().st_size >= LARGE_BYTES)

    progress(f"reading {path.name}")
    # The file is read (Arrow, GEOS and zlib work without the interpreter lock) while
    # folium and the map builder are imported: a quarter of a second less on two cores.
    reading = _Background(read, path, sheet=getattr(args, "sheet", None))
    build = _map_builder()
    table = reading.result()
    print_load_notes("map", table)
    progress.grow(len(table) >= LARGE_ROWS)
    if not is_positioned(table):
        progress(f"read {len(table):,} rows; geocoding and positioning them")
        from incidents.geocode import geocode

        table = position(geocode(table))
    if getattr(args, "fused", False) and len(table):  # one row per event, its reports listed
        from incidents.fuse import fuse

        table = fuse(table, within_source=True, keep="fused")
    where = list(args.where or [])
    table = events_only(table, command="map", name=path.name, where=where)
    kept = apply_filters(table, date_from=args.date_from, date_to=args.date_to, where=where)
    notices = []
    if not len(table):  # a header and no records: said, and the map shows the frontier only
        notices.append(f"{path.name} holds no incidents: the map shows the frontier only.")
        print(
            f"frontier map: note: {path.name} holds no rows (a header and no records): "
            "the map shows the frontier only",
            file=sys.stderr,
        )
    described = describe_filters(date_from=args.date_from, date_to=args.date_to, where=where)
    if described:
        notices.append(
            f"Filtered ({described}): {len(kept):,} of {len(table):,} rows of the input."
        )
    progress(f"building the map of {len(kept):,} rows")
    m = build.build_map(
        kept,
        title=args.title,
        tiles=build.DEFAULT_TILES if args.tiles is None else args.tiles,
        cdn=bool(args.cdn),
        layers=args.layers,
        choropleth=args.choropleth,
        period=args.period,
        show_tiles=bool(args.show_tiles),
        notices=notices,
    )
    from maps._incident_layer import IncidentLayer  # imported with maps.build

    progress(f"built; writing {out.name}")
    with atomic_output(out) as tmp:
        m.save(str(tmp))
    layer = next(c for c in m._children.values() if isinstance(c, IncidentLayer))
    sm = layer.payload["summary"]
    size = out.stat().st_size / 1e6
    kind = "needs a network (--cdn)" if args.cdn else "self-contained"
    dropped = f", {len(table) - len(kept):,} left out by the filters" if described else ""
    print(
        f"frontier map: {sm['mapped']:,} of {sm['count']:,} incidents mapped "
        f"({sm['unresolved']:,} not located, {sm['excluded']:,} outside the region{dropped}) "
        f"-> {out} ({size:.1f} MB, {kind})"
    )
    return 0
