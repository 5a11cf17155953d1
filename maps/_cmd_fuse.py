"""``frontier fuse A B [C ...] -o fused.geojson [--report pairs.csv] [--keep all|fused] ...``.

Neither ``-o`` nor ``--report`` may name an input (unless ``--force``) or each other;
both are checked before any work and written atomically (:func:`incidents.write`),
CSV text formula-escaped unless ``--raw-csv``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from incidents.errors import ExportError, IncidentError
from incidents.fuse import fuse_detailed
from incidents.io import FORMATS, _same_file, check_output, read, write
from incidents.position import is_positioned, position
from maps._notes import print_load_notes

__all__ = ["read_table", "run"]


def read_table(path: Path) -> pd.DataFrame:
    """A positioned table as written by ``frontier geocode``, else load + geocode + position.

    The file is read once; what the reader left out (a title, other sheets) is said
    on stderr.
    """
    if not path.is_file():
        raise IncidentError(f"INPUT {path} does not exist or is not a file")
    table = read(path)
    print_load_notes("fuse", table, name=path.name, sheet_option=False)
    if is_positioned(table):
        return table
    from incidents.geocode import geocode

    return position(geocode(table))


def _names(paths: list[Path]) -> list[str]:
    names: list[str] = []
    for p in paths:
        name, k = p.stem, 2
        while name in names:
            name, k = f"{p.stem}-{k}", k + 1
        names.append(name)
    return names


def run(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.inputs]
    out = Path(args.output)
    if out.suffix.lower() not in FORMATS:
        raise ExportError(f"-o must end in one of {', '.join(FORMATS)}, got {out.name!r}")
    if args.report is not None and Path(args.report).suffix.lower() != ".csv":
        raise ExportError(f"--report must name a .csv file, got {Path(args.report).name!r}")
    force = bool(getattr(args, "force", False))
    check_output(out, *paths, force=force)
    if args.report is not None:
        report = check_output(Path(args.report), *paths, force=force, option="--report")
        if report.resolve() == out.resolve():
            raise ExportError(
                f"--report {report} and -o {out} name the same file; give each its own name"
            )
    for k, p in enumerate(paths):
        twin = next((q for q in paths[:k] if _same_file(p, q)), None)
        if twin is not None:
            raise IncidentError(
                f"{p} and {twin} are the same file: every report would match itself; give "
                "each input once (--within-source fuses the rows of one file)"
            )
    if len(paths) == 1 and not args.within_source:
        raise IncidentError(
            "one INPUT: nothing from another source to match; give two or more files, "
            "or --within-source to fuse the rows of one file"
        )
    tables = [read_table(p) for p in paths]
    empty = [p.name for p, t in zip(paths, tables, strict=True) if len(t) == 0]
    if empty:
        raise IncidentError(
            f"{', '.join(empty)}: no rows to fuse (the file holds a header and no records); "
            "give files that hold reports"
        )
    result, pairs = fuse_detailed(
        *tables,
        time_window_days=args.time_window,
        space_window_km=args.space_window,
        taxonomy=args.taxonomy,
        within_source=bool(args.within_source),
        keep=args.keep,
        names=_names(paths),
    )
    escape = not getattr(args, "raw_csv", False)
    write(result, out, escape=escape)
    if args.report is not None:
        write(pairs, args.report, fmt="csv", escape=escape)
    info = result.attrs["fuse_inputs"]  # set by fuse_detailed: the reports of each input
    reports = sum(info["reports"])
    _say_what_was_left_out(paths, info)
    fused = result[result["row_kind"] == "fused"]
    multi = fused[fused["group_size"] > 1]
    merged = int(multi["group_size"].sum()) if len(multi) else 0
    extra = f"; {len(pairs):,} candidate pairs -> {args.report}" if args.report else ""
    print(
        f"frontier fuse: {reports:,} reports from {len(paths)} inputs -> {len(fused):,} event(s) "
        f"({len(multi):,} seen by several reports, covering {merged:,} reports; "
        f"{reports - merged:,} reports stand alone) -> {out}{extra}"
    )
    return 0


def _say_what_was_left_out(paths: list[Path], info: dict) -> None:
    """On stderr: the earlier events set aside, the rows of an unknown ``row_kind``."""
    for path, aside, unknown in zip(
        paths, info["set_aside"], info["row_kind_unknown"], strict=True
    ):
        if aside:
            print(
                f"frontier fuse: note: {path.name} came out of frontier fuse --keep all: its "
                f"{aside:,} fused event row(s) are set aside and made again from its reports "
                "(fusing them too would count each event twice)",
                file=sys.stderr,
            )
        if unknown:
            print(
                f"frontier fuse: note: {path.name}: {unknown:,} row(s) whose row_kind is neither "
                "report nor fused are fused as reports, flagged row_kind_unknown",
                file=sys.stderr,
            )
