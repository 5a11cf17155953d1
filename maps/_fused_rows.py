"""A ``frontier fuse --keep all`` file read by ``map``, ``aggregate`` or ``figure``.

Such a file holds every report (``row_kind`` ``report``) *and* one row per event
(``row_kind`` ``fused``): drawing or counting all its rows counts each event at least
twice.  The commands keep the events, say so on stderr, and leave the choice to a
``--where row_kind=...`` of the analyst's own.  A row whose ``row_kind`` is neither
(a hand-edited file) is kept, flagged ``row_kind_unknown``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import pandas as pd

from incidents._fuse_inputs import flag_unknown_kind, unknown_kind

__all__ = ["events_only"]


def events_only(
    table: pd.DataFrame, *, command: str, name: str, where: Sequence[str] | None = None
) -> pd.DataFrame:
    """The fused rows of a table holding both reports and fused events, else ``table``.

    Parameters
    ----------
    table
        An incident table, perhaps written by ``frontier fuse``.
    command
        The command's name, for the note on stderr.
    name
        The input file's name, for the note.
    where
        The command's ``--where`` conditions (None for a command without
        ``--where``): one naming ``row_kind`` is the analyst's choice, and the
        table is returned as it is.
    """
    if "row_kind" not in table:
        return table
    unknown = unknown_kind(table)
    if unknown.any():  # a hand-edited file: kept, flagged, its text kept
        table = table.copy()
        flag_unknown_kind(table, unknown)
    if any("row_kind" in str(w).casefold() for w in where or ()):
        return table
    kind = table["row_kind"].astype("string").str.strip().str.casefold()
    fused = (kind == "fused").fillna(False).to_numpy(dtype=bool)
    reports = int((kind == "report").fillna(False).sum())
    if not fused.any() or not reports:
        return table
    other = int(unknown.sum())
    hint = (
        "frontier fuse --keep fused writes the events alone"
        if where is None
        else "--where row_kind=report for the reports"
    )
    rest = (
        f"; {other:,} row(s) whose row_kind is neither are kept, flagged row_kind_unknown"
        if other
        else ""
    )
    print(
        f"frontier {command}: note: {name} holds {reports:,} reports and "
        f"{int(fused.sum()):,} fused events (frontier fuse --keep all); the events are "
        f"counted, as counting both would count each event twice ({hint}){rest}",
        file=sys.stderr,
    )
    return table.loc[fused | unknown]
