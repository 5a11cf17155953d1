"""``frontier aggregate INPUT --by UNIT [--km 50] [--period month] [--change] -o OUTPUT``.

Reads INPUT with :func:`incidents.read` (a positioned table, or any input, which
is then geocoded and positioned on the fly), aggregates and writes the result with
:func:`incidents.write` (atomically; ``-o`` may not name the input unless
``--force``; CSV text is formula-escaped unless ``--raw-csv``).
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import pandas as pd

from incidents.aggregate import AGGREGATIONS, aggregate, change
from incidents.errors import ExportError, IncidentError
from incidents.io import FORMATS, check_output, read, read_positioned, write
from incidents.position import is_positioned, position
from maps import _engines
from maps._cmd_geocode import check_folder_input
from maps._fused_rows import events_only
from maps._notes import print_load_notes

__all__ = ["MIN_KM", "read_positioned", "run"]

#: Shortest segment ``--km`` allows (shorter ones only multiply empty rows).
MIN_KM = 0.1
#: H3 resolutions ``--resolution`` allows.
H3_RESOLUTIONS = range(0, 16)


def run(args: argparse.Namespace) -> int:
    path = Path(args.input)
    if not path.exists():
        raise IncidentError(f"INPUT {path} does not exist")
    by = str(args.by).strip().lower()
    if by not in AGGREGATIONS:
        raise IncidentError(f"unknown --by {args.by!r}; valid: {', '.join(AGGREGATIONS)}")
    km = float(args.km)
    if not math.isfinite(km):
        raise IncidentError(f"--km must be a positive number of km, got {args.km!r}")
    if 0 < km < MIN_KM:
        raise IncidentError(f"--km must be at least {MIN_KM} km, got {args.km!r}")
    if args.resolution not in H3_RESOLUTIONS:
        raise IncidentError(f"--resolution must be an H3 resolution 0-15, got {args.resolution}")
    out = Path(args.output)
    if out.suffix.lower() not in FORMATS:
        raise ExportError(f"-o must end in one of {', '.join(FORMATS)}, got {out.name!r}")
    check_output(out, path, force=bool(getattr(args, "force", False)))
    if args.change and not args.period:
        raise IncidentError("--change compares periods: add --period day|week|month")
    before, after = getattr(args, "before", None), getattr(args, "after", None)
    if (before or after) and not args.change:
        raise IncidentError("--before/--after choose the periods of --change: add --change")
    for option, value in (("--before", before), ("--after", after)):
        if value is not None and pd.isna(pd.to_datetime(value, errors="coerce")):
            raise IncidentError(f"{option} must be a date such as 2025-10-01, got {value!r}")
    check_folder_input(path)
    engine = _engines.choose(args)
    if engine != "memory":
        options = {"km": km, "resolution": args.resolution, "period": args.period}
        return _engines.run_aggregate(args, engine, options)

    table = read(path, sheet=getattr(args, "sheet", None))
    print_load_notes("aggregate", table)
    if not is_positioned(table):
        from incidents.geocode import geocode

        table = position(geocode(table))
    table = events_only(table, command="aggregate", name=path.name)
    if getattr(args, "fused", False):  # count events, not reports
        from incidents.fuse import fuse

        table = fuse(table, within_source=True, keep="fused")
    if len(table) == 0:
        raise IncidentError(f"{path} holds no incidents; nothing to aggregate")
    if args.change and ("date" not in table or table["date"].isna().all()):
        flags = table.get("review_flags", pd.Series("", index=table.index, dtype="string"))
        bad = int(flags.fillna("").str.contains("bad_date").sum())
        why = f"; {bad:,} hold(s) text that is not a date (flag bad_date)" if bad else ""
        raise IncidentError(
            f"{path.name}: --change compares periods, but none of its {len(table):,} rows "
            f"has a date{why}"
        )

    agg = aggregate(table, by=by, km=km, resolution=args.resolution, period=args.period)
    result = change(agg, before=before, after=after) if args.change else agg
    write(result, out, escape=not getattr(args, "raw_csv", False))

    a = agg.attrs
    unit = {"segment": f"{a.get('km', km):g} km segments", "hex": f"H3 res {args.resolution}"}
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
