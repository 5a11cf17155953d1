"""``frontier map INPUT -o map.html [--offline] [--layers ...] [--title ...] [--tiles ...]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from incidents.io import read_positioned
from incidents.position import prepare
from maps._incident_layer import IncidentLayer
from maps.build import DEFAULT_TILES, build_map
from maps.errors import MapError

__all__ = ["run"]

def run(args: argparse.Namespace) -> int:
    path = Path(args.input)
    if not path.is_file():
        raise MapError(f"INPUT {path} does not exist or is not a file")
    out = Path(args.output)
    if out.suffix.lower() not in (".html", ".htm"):
        raise MapError(f"-o must name an .html file, got {out.name!r}")
    table = read_positioned(path)
    if table is None:
        table = prepare(path)
    if getattr(args, "fused", False):  # one row per event, its reports listed in `reports`
        from incidents.fuse import fuse

        table = fuse(table, within_source=True, keep="fused")
    m = build_map(
        table,
        title=args.title,
        tiles=DEFAULT_TILES if args.tiles is None else args.tiles,
        offline=bool(args.offline),
        layers=args.layers,
    )
    m.save(str(out))
    layer = next(c for c in m._children.values() if isinstance(c, IncidentLayer))
    sm = layer.payload["summary"]
    size = out.stat().st_size / 1e6
    kind = "offline" if args.offline else "online"
    print(
        f"frontier map: {sm['mapped']:,} of {sm['count']:,} incidents mapped "
        f"({sm['unresolved']:,} not located, {sm['excluded']:,} outside the region) "
        f"-> {out} ({size:.1f} MB, {kind})"
    )
    return 0
