"""Row filters shared by the commands that draw incidents (``frontier map``, ``frontier figure``).

:func:`apply_filters` keeps the rows of an incident table inside a date range and
matching ``--where`` conditions.  A condition is ``COLUMN OP VALUE`` with ``OP`` one
of ``=``, ``!=``, ``>=``, ``<=``, ``>``, ``<``; ``=`` and ``!=`` take several values
separated by ``|`` (``event_type=Battles|Riots``) and compare text case-insensitively
after trimming; the others compare numbers (or dates, for date columns).  A missing
value never matches ``=``, ``>`` ... and always matches ``!=``.  Several conditions
must all hold.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from maps._echo import ECHO_MAX, echo
from maps.errors import MapError

__all__ = ["ECHO_MAX", "Condition", "apply_filters", "describe_filters", "echo", "parse_where"]

#: COLUMN OP VALUE; a space belongs to the column's name only before another of its
#: characters and the value is stripped in code, so that no part of the pattern can
#: give back what the next one takes (a long run of spaces costs linear time).
_WHERE = re.compile(r"^\s*([A-Za-z_](?:[\w.\-]| +(?=[\w.\-]))*)\s*(!=|>=|<=|=|>|<)(.*)$", re.S)
_OPS = ("=", "!=", ">=", "<=", ">", "<")
#: Columns named in the message about an unknown ``--where`` column.
_SHOWN = 20


@dataclass(frozen=True)
class Condition:
    """One ``--where`` condition."""

    column: str
    op: str
    values: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.column}{self.op}{'|'.join(self.values)}"


def parse_where(text: str) -> Condition:
    """Parse ``"event_type=Battles"`` (see the module docstring) into a :class:`Condition`."""
    if not isinstance(text, str):
        raise MapError(f"--where: expected text like 'event_type=Battles', got {echo(text)}")
    m = _WHERE.match(text)
    if m is None or m.group(3).strip() == "":
        raise MapError(
            f"--where: cannot read {echo(text)}; write COLUMN OP VALUE with OP one of "
            f"{', '.join(_OPS)}, e.g. 'event_type=Battles' or 'fatalities>=5'"
        )
    column, op, value = m.group(1), m.group(2), m.group(3).strip()
    values = tuple(v.strip() for v in value.split("|")) if op in ("=", "!=") else (value,)
    return Condition(column, op, values)


def _day(value: object, name: str) -> pd.Timestamp | None:
    if value is None:
        return None
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        ts = pd.NaT
    if pd.isna(ts):
        raise MapError(f"{name}: expected a date like 2025-10-01, got {echo(value)}")
    return ts.normalize()


def _column(frame: pd.DataFrame, name: str) -> str:
    """The column ``name`` names: itself, else the one column equal to it ignoring case.

    Raises
    ------
    MapError
        Naming close matches (``event type`` -> ``event_type``) and the table's first
        columns, in its own order, in a message that stays one short line.
    """
    if name in frame:
        return name
    names = [str(c) for c in frame.columns]
    for key in (str.casefold, _loose):
        same = [c for c in names if key(c) == key(name)]
        if len(same) == 1:
            return same[0]
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
    hint = f" (did you mean {' or '.join(map(echo, close))}?)" if close else ""
    shown = ", ".join(_plain(c) for c in names[:_SHOWN]) + (
        f", ... ({len(names)} in all)" if len(names) > _SHOWN else ""
    )
    raise MapError(f"--where: no column {echo(name)}{hint}; the table's columns: {shown}")


def _plain(name: str, limit: int = 40) -> str:
    """A column name for a message: control characters escaped, at most ``limit`` chars."""
    text = repr(name)[1:-1]
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _loose(name: str) -> str:
    """``Event Type``, ``event-type`` and ``event_type`` alike."""
    return re.sub(r"[\s\-_.]+", "_", name.strip().casefold())


def _mask(frame: pd.DataFrame, cond: Condition) -> np.ndarray:
    col = frame[_column(frame, cond.column)]
    if cond.op in ("=", "!="):
        text = col.astype("string").str.strip().str.casefold()
        wanted = {v.casefold() for v in cond.values}
        hit = text.isin(wanted).fillna(False).to_numpy(dtype=bool)
        hit = hit & text.notna().to_numpy(dtype=bool)
        return hit if cond.op == "=" else ~hit
    if pd.api.types.is_datetime64_any_dtype(col):
        left = pd.to_datetime(col, errors="coerce")
        right: object = _day(cond.values[0], f"--where {echo(cond)}")
    else:
        left = pd.to_numeric(col, errors="coerce")
        try:
            right = float(cond.values[0])
        except ValueError:
            raise MapError(
                f"--where {echo(cond)}: {cond.op} compares numbers (or dates), "
                f"got {echo(cond.values[0])}"
            ) from None
    compare = {">=": left.ge, "<=": left.le, ">": left.gt, "<": left.lt}[cond.op]
    return compare(right).fillna(False).to_numpy(dtype=bool)


def apply_filters(
    frame: pd.DataFrame,
    *,
    date_from: object = None,
    date_to: object = None,
    where: Sequence[str | Condition] = (),
) -> pd.DataFrame:
    """The rows of ``frame`` dated ``date_from`` .. ``date_to`` (inclusive) meeting ``where``.

    Parameters
    ----------
    frame
        An incident table (any columns; ``date`` is needed for a date range).
    date_from, date_to
        First and last day (anything :class:`pandas.Timestamp` reads), or None.
        With either set, undated rows are left out.
    where
        Conditions as text (``"event_type=Battles"``, ``"fatalities>=5"``) or
        :class:`Condition`; all must hold.

    Returns
    -------
    A new table of the kept rows (same type, index and columns).
    """
    if not isinstance(frame, pd.DataFrame):
        raise MapError(f"apply_filters needs an incident table, got {type(frame).__name__}")
    if isinstance(where, str):
        where = [where]
    keep = np.ones(len(frame), dtype=bool)
    lo, hi = _day(date_from, "--from"), _day(date_to, "--to")
    if lo is not None and hi is not None and lo > hi:
        raise MapError(f"--from {lo.date()} is after --to {hi.date()}")
    if lo is not None or hi is not None:
        if "date" not in frame:
            raise MapError("--from/--to: the table has no 'date' column")
        day = pd.to_datetime(frame["date"], errors="coerce").dt.normalize()
        ok = day.notna()
        if lo is not None:
            ok &= day >= lo
        if hi is not None:
            ok &= day <= hi
        keep &= ok.fillna(False).to_numpy(dtype=bool)
    for item in where:
        cond = item if isinstance(item, Condition) else parse_where(item)
        keep &= _mask(frame, cond)
    return frame.loc[keep].copy()


def describe_filters(
    *, date_from: object = None, date_to: object = None, where: Sequence[str] = ()
) -> str | None:
    """A one-line description of the filters for titles and notices, or None when none."""
    parts = []
    if date_from is not None or date_to is not None:
        parts.append(f"dates {date_from or '…'} to {date_to or '…'}")
    parts.extend(str(parse_where(w)) for w in where)
    return ", ".join(parts) if parts else None
