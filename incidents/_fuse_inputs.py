"""What :func:`incidents.fuse` fuses of each input: reports, never earlier events.

A table written by ``fuse(..., keep="all")`` (``frontier fuse --keep all``) holds
every report (``row_kind`` ``report``) *and* one row per event (``fused``).  Fusing
it again must not count each event twice, so such a table gives its reports only:

* its ``fused`` rows are **set aside** - they are derived from its reports, which
  are all in the table, and the new fusion recomputes them (the number set aside is
  returned, for the caller to say);
* its reports keep the source they had (their ``fuse_source``), so reports of two
  outlets fused earlier are still two sources and can meet again; a name that is
  also another input's becomes ``<input>/<name>``.

A table holding ``fused`` rows only (``keep="fused"``) is one source of events,
fused as reports.  A row whose ``row_kind`` is neither ``report`` nor ``fused``
(blank included: a hand-edited file) is kept and fused as a report, flagged
``row_kind_unknown``, its text kept in ``src_row_kind``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from incidents.schema import add_flag

__all__ = ["KINDS", "Inputs", "flag_unknown_kind", "prepare", "unknown_kind"]

#: Values of ``row_kind`` that :func:`incidents.fuse` writes.
KINDS = ("report", "fused")


def _kinds(values: pd.Series) -> pd.Series:
    return values.astype("string").str.strip().str.casefold()


def unknown_kind(table: pd.DataFrame) -> np.ndarray:
    """Rows whose ``row_kind`` is not one :func:`incidents.fuse` writes (all False
    without the column)."""
    if "row_kind" not in table:
        return np.zeros(len(table), dtype=bool)
    return ~_kinds(table["row_kind"]).isin(KINDS).fillna(False).to_numpy(dtype=bool)


def flag_unknown_kind(table: pd.DataFrame, unknown: np.ndarray) -> None:
    """Flag the ``unknown`` rows of ``table`` ``row_kind_unknown``, their ``row_kind`` text
    kept in ``src_row_kind`` (in place: they are kept, and counted as reports)."""
    table["src_row_kind"] = table["row_kind"].astype("string").where(unknown)
    flags = table["review_flags"] if "review_flags" in table else pd.Series("", index=table.index)
    table["review_flags"] = add_flag(
        flags, pd.Series(unknown, index=table.index), "row_kind_unknown"
    )


@dataclass(frozen=True)
class Inputs:
    """The rows of each input to fuse, with their sources."""

    frames: list[pd.DataFrame]  # each input's rows to fuse, index reset
    sources: list[np.ndarray]  # per input, each row's source name
    rows: list[np.ndarray]  # per input, each row's 0-based position in the input
    unknown: list[np.ndarray]  # per input, rows of an unknown row_kind
    set_aside: list[int]  # per input, fused rows of an earlier fusion left out


def prepare(frames: Sequence[pd.DataFrame], names: Sequence[str]) -> Inputs:
    """Split each input into the rows to fuse (see the module docstring)."""
    out = Inputs([], [], [], [], [])
    for k, (frame, name) in enumerate(zip(frames, names, strict=True)):
        n = len(frame)
        rows, positions = frame, np.arange(n)
        source = np.full(n, name, dtype=object)
        set_aside = 0
        if "row_kind" in frame:
            kind = _kinds(frame["row_kind"])
            fused = (kind == "fused").fillna(False).to_numpy(dtype=bool)
            report = (kind == "report").fillna(False).to_numpy(dtype=bool)
            if fused.any() and report.any():  # keep="all": the events come again
                positions = np.flatnonzero(~fused)
                rows = frame.iloc[positions]
                set_aside = int(fused.sum())
                others = {m for j, m in enumerate(names) if j != k}
                source = _prior_sources(rows, name, others)
        out.frames.append(rows.reset_index(drop=True))
        out.sources.append(source)
        out.rows.append(positions)
        out.unknown.append(unknown_kind(rows))
        out.set_aside.append(set_aside)
    return out


def _prior_sources(reports: pd.DataFrame, name: str, others: set[str]) -> np.ndarray:
    """The source each report had in the earlier fusion; ``name`` where it has none."""
    if "fuse_source" not in reports:
        return np.full(len(reports), name, dtype=object)
    prior = reports["fuse_source"].astype("string").str.strip()
    prior = prior.where(prior.notna() & (prior != "") & (prior.str.casefold() != "fused"))
    names = prior.fillna(name).to_numpy(dtype=object)
    clash = np.isin(names, list(others)) & prior.notna().to_numpy(dtype=bool)
    names[clash] = [f"{name}/{p}" for p in names[clash]]
    return names
