"""What the reader left out of a table, said on stderr by every command that reads one.

Lines above the header (a title), blank rows and other sheets or layers of a file
that hold data are not records of the table read; ``geocode``, ``map``, ``aggregate``,
``figure`` and ``fuse`` all name them rather than pass over them in silence.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any

import pandas as pd

__all__ = ["load_notes", "print_load_notes"]


def load_notes(report: Mapping[str, Any], *, sheet_option: bool = True) -> list[str]:
    """What the reader left out of the table and the analyst should know, one line each.

    Parameters
    ----------
    report
        A table's ``attrs["load_report"]`` (:func:`incidents.load`, :func:`incidents.read`).
    sheet_option
        Whether the command takes ``--sheet``; if not, the notes say how to read
        another sheet (``frontier geocode --sheet NAME`` writes it to a file).

    Returns
    -------
    list of str
        One sentence per note (lines skipped above the header, blank rows skipped,
        sheets or layers holding data that were not read, hidden sheets holding data).
    """
    notes = []
    how = "--sheet NAME" if sheet_option else "frontier geocode --sheet NAME writes it to a file"
    if above := report.get("text_above_header"):
        shown = "; ".join(repr(t[:60]) for t in above[:3]) + ("; ..." if len(above) > 3 else "")
        notes.append(f"{len(above)} line(s) above the header were skipped as a title: {shown}")
    if blank := report.get("blank_rows_skipped"):
        notes.append(f"{blank:,} blank row(s) (every cell empty) were skipped: not records")
    if unread := report.get("sheets_not_read"):
        names = ", ".join(repr(n) for n in unread)
        if "layer" in report:  # a GeoPackage: one layer at a time
            notes.append(
                f"read layer {report['layer']!r} only; {names} also hold(s) data "
                + ("(--sheet NAME, or --sheet all)" if sheet_option else f"({how})")
            )
        else:
            notes.append(
                f"read sheet {report.get('sheet')!r} only; {names} also hold(s) data "
                + ("(--sheet NAME, or --sheet all)" if sheet_option else f"({how})")
            )
    if hidden := report.get("hidden_sheets_not_read"):
        names = ", ".join(repr(n) for n in hidden)
        notes.append(f"hidden sheet(s) {names} hold data and were not read ({how})")
    return notes


def print_load_notes(
    command: str, table: pd.DataFrame, *, name: str | None = None, sheet_option: bool = True
) -> None:
    """Print :func:`load_notes` of ``table`` on stderr as ``frontier COMMAND: note: ...``.

    ``name`` (the input file's name) is put before each note when a command reads
    several files; ``sheet_option`` as for :func:`load_notes`.
    """
    where = f"{name}: " if name else ""
    report = table.attrs.get("load_report", {})
    for note in load_notes(report, sheet_option=sheet_option):
        print(f"frontier {command}: note: {where}{note}", file=sys.stderr)
