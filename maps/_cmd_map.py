"""``frontier map INPUT -o map.html [--choropleth ...] [--from/--to] [--where ...] ...``."""

from __future__ import annotations

import argparse
from pathlib import Path

from incidents.io import atomic_output, check_output, read
from incidents.position import is_positioned, position
from maps._incident_layer import IncidentLayer
from maps.build import DEFAULT_TILES, build_map
from maps.errors import MapError
from maps.filters import apply_filters, describe_filters

__all__ = ["run"]


def run(args: argparse.Namespace) -> int:
    path = Path(args.input)
    if not path.is_file():
        raise MapError(f"INPUT {path} does not exist or is not a file")
    out = Path(args.output)
    if out.suffix.lower() not in (".html", ".htm"):
        raise MapError(f"-o must name an .html file, got {out.name!r}")
    check_output(out, path, force=bool(getattr(args, "force", False)))
    table = read(path, sheet=getattr(args, "sheet", None))
    if not is_positioned(table):
        from incidents.geocode import geocode

        table = position(geocode(table))
    if getattr(args, "fused", False):  # one row per event, its reports listed in `reports`
        from incidents.fuse import fuse

        table = fuse(table, within_source=True, keep="fused")
    where = list(args.where or [])
    kept = apply_filters(table, date_from=args.date_from, date_to=args.date_to, where=where)
    notices = []
    described = describe_filters(date_from=args.date_from, date_to=args.date_to, where=where)
    if described:
        notices.append(
            f"Filtered ({described}): {len(kept):,} of {len(table):,} rows of the input."
        )
    m = build_map(
        kept,
        title=args.title,
        tiles=DEFAULT_TILES if args.tiles is None else args.tiles,
        cdn=bool(args.cdn),
        layers=args.layers,
        choropleth=args.choropleth,
        period=args.period,
        show_tiles=bool(args.show_tiles),
        notices=notices,
    )
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
