"""``frontier aggregate INPUT --by UNIT [--km 50] [--period month] [--change] -o OUTPUT``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from incidents.aggregate import AGGREGATIONS, aggregate, change
from incidents.errors import ExportError, IncidentError
from incidents.io import FORMATS, read_positioned, write
from incidents.position import prepare

__all__ = ["run"]


def run(args: argparse.Namespace) -> int:
    path = Path(args.input)
    if not path.is_file():
        raise IncidentError(f"INPUT {path} does not exist or is not a file")
    by = str(args.by).strip().lower()
    if by not in AGGREGATIONS:
        raise IncidentError(f"unknown --by {args.by!r}; valid: {', '.join(AGGREGATIONS)}")
    out = Path(args.output)
    if out.suffix.lower() not in FORMATS:
        raise ExportError(f"-o must end in one of {', '.join(FORMATS)}, got {out.name!r}")
    if args.change and not args.period:
        raise IncidentError("--change compares periods: add --period day|week|month")

    table = read_positioned(path)
    if table is None:
        table = prepare(path)
    if getattr(args, "fused", False):  # count events, not reports
        from incidents.fuse import fuse

        table = fuse(table, within_source=True, keep="fused")
    if len(table) == 0:
        raise IncidentError(f"{path} holds no incidents; nothing to aggregate")

    agg = aggregate(table, by=by, km=args.km, resolution=args.resolution, period=args.period)
    result = change(agg) if args.change else agg
    write(result, out)

    a = agg.attrs
    unit = {"segment": f"{a.get('km', args.km):g} km segments", "hex": f"H3 res {args.resolution}"}
    label = unit.get(by, by)
    per = f" per {args.period}" if args.period else ""
    extra = ""
    if args.change:
        ch = result.attrs["change"]
        extra = f", change {ch['before']} -> {ch['after']}"
    print(
        f"frontier aggregate: {a['located']:,} located incidents by {label}{per}{extra}: "
        f"{len(result):,} rows ({a['unassigned']:,} unassigned at this level, "
        f"{a['unlocated']:,} not located) -> {out}",
        file=sys.stdout,
    )
    return 0
