"""Turn the text of date, count and coordinate columns into values.

Every parser takes a ``string`` Series and returns the parsed values plus
boolean masks of the rows whose text was present but did not parse; it never
raises on bad data and never changes the input.

Missing values
    Empty or blank text and the tokens in :data:`NULL_TOKENS` (``NA``,
    ``n/a``, ``null``, ``unknown``, ``-`` ...) mean *no value*; they are not
    errors.

Dates (:func:`parse_dates`)
    Accepted forms, tried in this order:

    1. ISO 8601, year first: ``2025-10-09``, ``2025/10/09``, ``20251009``,
       with an optional time ``T10:30``, ``10:30:15.000`` and offset
       (``Z``, ``+05:00``).  The offset is dropped and the wall-clock time
       kept, because the local date is what an incident report means.
    2. Month names (English, full or three-letter, ``Sept`` too):
       ``09 October 2025``, ``9 Oct 2025``, ``9-Oct-2025``,
       ``October 9, 2025``, ``Oct 9 2025``, ``9-Oct-25``.
    3. All-numeric day and month with a 4- or 2-digit year: ``09/10/2025``,
       ``9.10.2025``, ``9-10-25``.  Whether a column is day-first or
       month-first is decided **per column**: a value that is a real date
       only when read day-first (``13/10/2025``) proves day-first, and the
       converse proves month-first.  With proof of one order only, the whole
       column is read that way.  Without proof (or with proof of both: an
       inconsistent column) each value is read day-first - the convention in
       Afghanistan and Pakistan - unless only month-first gives a real date;
       values where both readings are real dates and differ are flagged
       ``ambiguous_date`` by the loader.

    Two-digit years follow the POSIX ``strptime`` pivot: 00-68 are 2000-2068,
    69-99 are 1969-1999.  Anything else (``32/13/2025``, ``October 2025``,
    ``yesterday``) and dates outside 1678-2261 (the range of
    ``datetime64[ns]``) are bad.
"""

from __future__ import annotations

import re
from datetime import datetime

import numpy as np
import pandas as pd

#: Cell texts (compared case-insensitively, stripped) that mean "no value".
NULL_TOKENS: frozenset[str] = frozenset(
    {"", "na", "n/a", "n.a.", "nan", "nat", "null", "none", "nil", "-", "--", "?", "unknown", "unk"}
)

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

_TIME = r"(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
_ISO = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})" + _TIME + "$", re.IGNORECASE)
_ISO_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DAY_MONTH_NAME = re.compile(
    r"^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]*([A-Za-z]+)\.?[\s\-/.,]*(\d{4}|\d{2})$"
)
_MONTH_NAME_DAY = re.compile(
    r"^([A-Za-z]+)\.?[\s\-/.]*(\d{1,2})(?:st|nd|rd|th)?[\s,\-/.]+(\d{4}|\d{2})$"
)
_NUMERIC = re.compile(r"^(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})" + _TIME + "$", re.IGNORECASE)

_MIN_YEAR, _MAX_YEAR = 1678, 2261


def is_null(values: pd.Series) -> pd.Series:
    """Mask of cells that hold no value (missing, blank or a null token)."""
    text = values.astype("string").str.strip().str.lower()
    return text.isna() | text.isin(NULL_TOKENS).fillna(False).astype(bool)


def _date(year: int, month: int, day: int, *hms: str | None) -> datetime | None:
    """A real calendar date in the ``datetime64[ns]`` range, else None."""
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    hour, minute, second = (int(x) if x else 0 for x in (*hms, None, None, None)[:3])
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def _parse_unambiguous(text: str) -> datetime | None:
    """Parse the forms where field order is fixed (ISO and month names)."""
    if m := _ISO.match(text):
        return _date(int(m[1]), int(m[3]), int(m[4]), m[5], m[6], m[7])
    if m := _ISO_COMPACT.match(text):
        return _date(int(m[1]), int(m[2]), int(m[3]))
    if m := _DAY_MONTH_NAME.match(text):
        month = _MONTHS.get(m[2].lower())
        return _date(_year(m[3]), month, int(m[1])) if month else None
    if m := _MONTH_NAME_DAY.match(text):
        month = _MONTHS.get(m[1].lower())
        return _date(_year(m[3]), month, int(m[2])) if month else None
    return None


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year <= 68 else 1900
    return year


def parse_dates(values: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Parse a column of date text (rules in the module docstring).

    Parameters
    ----------
    values
        Date text, one cell per row.

    Returns
    -------
    tuple
        ``(dates, bad, ambiguous)``: ``datetime64[ns]`` values (NaT where
        missing or bad), and boolean masks of rows whose text did not parse
        and of rows read day-first although month-first was also possible.
    """
    text = values.astype("string").str.strip()
    null = is_null(text)
    uniques = pd.unique(text[~null].to_numpy(dtype=object))
    parsed: dict[str, datetime | None] = {}
    numeric: dict[str, re.Match[str]] = {}
    for u in uniques:
        parsed[u] = _parse_unambiguous(u)
        if parsed[u] is None and (m := _NUMERIC.match(u)):
            numeric[u] = m
    readings = {}
    for u, m in numeric.items():
        a, b, year, hms = int(m[1]), int(m[3]), _year(m[4]), (m[5], m[6], m[7])
        readings[u] = (a, b, _date(year, b, a, *hms), _date(year, a, b, *hms))
    # Proof of an order is a value that is a real date in that order only.
    day_first_proof = any(dmy and not mdy for _, _, dmy, mdy in readings.values())
    month_first_proof = any(mdy and not dmy for _, _, dmy, mdy in readings.values())
    column_order = None
    if day_first_proof != month_first_proof:
        column_order = "dmy" if day_first_proof else "mdy"
    ambiguous_texts = set()
    for u, (a, b, dmy, mdy) in readings.items():
        if column_order == "dmy":
            parsed[u] = dmy
        elif column_order == "mdy":
            parsed[u] = mdy
        else:
            parsed[u] = dmy if dmy is not None else mdy
            if dmy is not None and mdy is not None and a != b:
                ambiguous_texts.add(u)
    cells = text.to_numpy(dtype=object, na_value=None)
    found = [parsed.get(c) if c is not None else None for c in cells]
    dates = pd.Series(pd.to_datetime(found), index=values.index).astype("datetime64[ns]")
    bad = (~null) & dates.isna()
    ambiguous = text.isin(ambiguous_texts).fillna(False).astype(bool)
    return dates, bad.astype(bool), ambiguous


_INT = re.compile(r"^\+?(\d{1,9})(?:\.0*)?$")
_INT_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")


def parse_counts(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Parse a column of non-negative whole numbers (e.g. fatalities).

    ``"3"``, ``" 3 "``, ``"3.0"`` and ``"1,234"`` are read; negative,
    fractional, ranged (``"3-5"``) or worded (``"many"``) counts are bad.

    Returns
    -------
    tuple
        ``(counts, bad)``: ``Int64`` values and the mask of rows whose text
        was present but did not parse.
    """
    text = values.astype("string").str.strip()
    null = is_null(text)
    cleaned = text.where(~text.str.match(_INT_THOUSANDS).fillna(False), text.str.replace(",", ""))
    groups = cleaned.str.extract(_INT, expand=False)
    counts = pd.to_numeric(groups, errors="coerce").astype("Int64")
    counts.index = values.index
    bad = (~null) & counts.isna()
    return counts, bad.astype(bool)


_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")


def parse_float(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Parse decimal numbers; a single decimal comma (``"34,5"``) is accepted.

    Returns
    -------
    tuple
        ``(numbers, bad)``: ``float64`` values and the mask of rows whose
        text was present but did not parse to a finite number.
    """
    text = values.astype("string").str.strip()
    null = is_null(text)
    comma = text.str.match(_DECIMAL_COMMA).fillna(False).astype(bool)
    text = text.where(~comma, text.str.replace(",", ".", regex=False))
    numbers = pd.to_numeric(text.where(~null), errors="coerce").astype("float64")
    numbers = numbers.where(np.isfinite(numbers))
    numbers.index = values.index
    bad = (~null) & numbers.isna()
    return numbers, bad.astype(bool)
