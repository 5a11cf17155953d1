"""``frontier geocode INPUT -o OUTPUT [--columns SCHEMA=INPUT ...] [--sheet NAME|all] [--quiet]``.

Loads, geocodes and positions an incident file (what :func:`incidents.prepare`
does, step by step so that large inputs report progress on stderr) and writes the
positioned table with :func:`incidents.write` (atomically; ``-o`` may not name the
input unless ``--force``; CSV text is formula-escaped unless ``--raw-csv``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from incidents.errors import ExportError, IncidentError
from incidents.io import FORMATS, check_columns, check_output, column_renames, write
from incidents.schema import CORE, GEOCODE, GEOCODE_METHODS, POSITION
from maps import _engines
from maps._notes import load_notes
from maps._stages import Stages

__all__ = ["check_folder_input", "load_notes", "parse_columns", "run"]

#: Inputs with at least this many rows (or bytes) report progress on stderr.
LARGE_ROWS = 10_000
LARGE_BYTES = 2_000_000


def check_folder_input(path: Path) -> None:
    """Refuse a folder that is not a Parquet dataset before any engine is chosen.

    A folder input is read as a partitioned Parquet dataset (``--engine stream``);
    a folder holding none, often one named like a file (``events.csv/``), is a
    mistake that deserves its own message rather than one about engines.

    Raises
    ------
    IncidentError
        If ``path`` is a folder without ``.parquet`` files.
    """
    if path.is_dir() and next(path.rglob("*.parquet"), None) is None:
        raise IncidentError(
            f"INPUT {path} is a folder, not a file; a folder input must be a dataset of "
            ".parquet files, and this one holds none"
        )


def parse_columns(pairs: Sequence[str]) -> dict[str, str] | None:
    """``["location=place", ...]`` -> ``{"location": "place"}`` (schema -> input column)."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        schema, sep, column = str(pair).partition("=")
        schema, column = schema.strip(), column.strip()
        if not sep or not schema or not column:
            raise IncidentError(f"--columns takes SCHEMA=INPUT, e.g. location=place; got {pair!r}")
        if schema not in CORE:
            raise IncidentError(
                f"--columns {pair!r}: {schema!r} is not a schema column; valid: {', '.join(CORE)}"
            )
        if schema in mapping:
            raise IncidentError(f"--columns maps {schema!r} twice")
        mapping[schema] = column
    return mapping or None


def summary(table: pd.DataFrame) -> dict[str, int]:
    """Rows read, located by each geocode method, unresolved and flagged.

    Every row is counted once among the methods and ``unresolved`` (a row with no
    method counts as unresolved), so those add up to ``rows``; ``flagged`` counts
    rows with any flag and overlaps them.
    """
    n = len(table)
    method = table["geocode_method"].astype("string").fillna("unresolved").str.lower()
    counts = {m: int((method == m).sum()) for m in GEOCODE_METHODS}
    known = sum(counts.values())
    counts["unresolved"] += n - known  # unknown method names: not claimed as located
    flags = table["review_flags"].astype("string").fillna("") if "review_flags" in table else None
    flagged = 0 if flags is None else int((flags != "").sum())
    return {"rows": n, **counts, "flagged": flagged}


def run(args: argparse.Namespace) -> int:
    from incidents.geocode import geocode
    from incidents.load import load
    from incidents.position import position

    path = Path(args.input)
    if not path.exists():
        raise IncidentError(f"INPUT {path} does not exist")
    check_folder_input(path)
    out = Path(args.output)
    if out.suffix and out.suffix.lower() not in FORMATS:
        raise ExportError(f"-o must end in one of {', '.join(FORMATS)}, got {out.name!r}")
    check_output(out, path, force=bool(getattr(args, "force", False)))
    columns = parse_columns(args.columns or [])
    engine = _engines.choose(args)
    if engine != "memory":
        return _engines.run_geocode(args, engine, columns)
    quiet = bool(getattr(args, "quiet", False))
    progress = Stages("geocode", quiet=quiet, large=path.stat().st_size >= LARGE_BYTES)

    progress(f"reading {path.name}")
    # the steps of incidents.prepare(path, columns=columns), with progress between them
    table = load(path, columns=columns, sheet=getattr(args, "sheet", None))
    progress.grow(len(table) >= LARGE_ROWS)
    # the output's columns are known now: a table too wide for it is refused before
    # the expensive steps, not after them
    check_columns(dict.fromkeys([*table.columns, *GEOCODE, *POSITION]), out)
    progress(f"read {len(table):,} rows; geocoding")
    table = geocode(table)
    progress("geocoded; positioning against the frontier")
    table = position(table)
    progress(f"positioned; writing {out.name}")
    write(table, out, escape=not getattr(args, "raw_csv", False))
    keep = [table.geometry.name] if hasattr(table, "_geometry_column_name") else []
    renamed = column_renames(table.columns, fmt=FORMATS[out.suffix.lower()], keep=keep)
    if renamed:
        pairs = ", ".join(f"{a} -> {b}" for a, b in renamed.items())
        print(f"frontier geocode: columns renamed for {out.suffix} (names ignore case): {pairs}")

    for note in load_notes(table.attrs.get("load_report", {})):
        print(f"frontier geocode: note: {note}", file=sys.stderr)
    s = summary(table)
    located = s["rows"] - s["unresolved"]
    by_method = ", ".join(f"{m} {s[m]:,}" for m in GEOCODE_METHODS if m != "unresolved")
    print(
        f"frontier geocode: {s['rows']:,} rows read: {located:,} located ({by_method}), "
        f"{s['unresolved']:,} unresolved; {s['flagged']:,} flagged for review -> {out}"
    )
    return 0
