"""Turn the text of date, count and coordinate columns into values.

Every parser takes a ``string`` Series and returns the parsed values plus
boolean masks of the rows whose text was present but did not parse; it never
raises on bad data and never changes the input.

Digits
    Arabic-Indic digits (``۱۲``, ``١٢``) and the Arabic decimal and thousands
    separators are read as their ASCII equivalents by every parser.

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
       ``October 9, 2025``, ``Oct 9 2025``, ``9-Oct-25``; these and ISO
       dates may start with their weekday (``Thursday, 9 October 2025``,
       ``Thu Oct 9 2025``), which must be the date's.
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

    4. Excel serial day numbers, as a spreadsheet saved to CSV leaves them:
       a five-digit number (optionally with a fraction, the time of day)
       from 25569 to 73050, i.e. 1970-01-01 to 2099-12-31 (``45942`` is
       2025-10-12).  Other numbers (``2025``, a year alone) stay bad.

    Two-digit years follow the POSIX ``strptime`` pivot: 00-68 are 2000-2068,
    69-99 are 1969-1999.  Anything else (``32/13/2025``, ``12 Oct`` without a
    year, ``yesterday``) and dates outside 1678-2261 (the range of
    ``datetime64[ns]``) are bad.  A month without a day (``October 2025``) is
    not one date: the loader reads it as the range of its days
    (:func:`split_date_ranges`), as it reads ``12-14 October 2025``.
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

_SERIAL = re.compile(r"^(\d{5})(?:\.(\d+))?$")
_SERIAL_MIN, _SERIAL_MAX = 25569, 73050  # 1970-01-01 .. 2099-12-31
_EXCEL_EPOCH = datetime(1899, 12, 30)

#: Separators between the two dates of a range in one cell.
_RANGE_SEP = re.compile(r"\s*(?:/|\.\.|[\u2013\u2014]|\s-\s|\bto\b|\buntil\b)\s*", re.IGNORECASE)
#: Text that every range cell holds one of (plain substrings: a fast vectorised test).
_RANGE_MARKS = ("/", "..", "\u2013", "\u2014", " - ", " to ", " until ")
_DAY_RANGE_START = r"\d{1,2}\s*(?:-|to)\s*\d{1,2}\s*[a-z]"
#: ``12-14 October 2025``: a range of days in one month.
_DAY_RANGE = re.compile(r"^(\d{1,2})\s*(?:-|[\u2013\u2014]|to)\s*(\d{1,2})(\s*[A-Za-z].*)$")
#: ``October 12-14, 2025``: the same, month first (as US reports write it).
_MONTH_DAY_RANGE = re.compile(
    r"^([A-Za-z]+\.?)\s*(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|[\u2013\u2014]|to)\s*"
    r"(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$"
)
_MONTH_DAY_RANGE_START = r"[a-z]+\.?\s*\d{1,2}(?:st|nd|rd|th)?\s*(?:-|\u2013|\u2014|to)"
#: A month without a day (``October 2025``, ``Oct-2025``, ``2025-10``, ``10/2025``):
#: the range of its days.
_MONTH_NAME_YEAR = re.compile(r"^([A-Za-z]+)\.?[\s\-/.,]*(\d{4})$")
_YEAR_MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[-/.](\d{4})$")
#: A start without its year (``30 Sep`` in ``30 Sep - 2 Oct 2025``).
_NO_YEAR = re.compile(r"^(?:\d{1,2}(?:st|nd|rd|th)?\s*[A-Za-z]+\.?|[A-Za-z]+\.?\s*\d{1,2})$")


#: Arabic-Indic (Urdu, Pashto, Dari use the extended forms) digits and separators -> ASCII.
_DIGITS = str.maketrans(
    {
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        "\u066b": ".",  # ARABIC DECIMAL SEPARATOR
        "\u066c": ",",  # ARABIC THOUSANDS SEPARATOR
    }
)


def ascii_digits(values: pd.Series) -> pd.Series:
    """``values`` as stripped text with Arabic-Indic digits and separators made ASCII.

    ``۳۴٫۱۳`` (Urdu, Pashto, Dari) and ``٣٤٫١٣`` (Arabic) become ``34.13``; the
    numeric parsers read them like any other number.
    """
    text = values.astype("string").str.strip()
    if text.str.isascii().fillna(True).all():  # the common case, checked fast
        return text
    if not text.str.contains("[\u0660-\u066c\u06f0-\u06f9]", regex=True, na=False).any():
        return text
    return text.map(lambda t: t.translate(_DIGITS), na_action="ignore").astype("string")


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


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(
    r"^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+",
    re.IGNORECASE,
)


def _parse_unambiguous(text: str) -> datetime | None:
    """Parse the forms where field order is fixed (ISO and month names).

    A leading weekday (``Sunday, 12 October 2025``, ``Sun 12 Oct 2025``) is
    accepted when it is the weekday of the date; a wrong one makes the text bad.
    """
    if (m := _WEEKDAY.match(text)) and (found := _parse_fixed(text[m.end() :])) is not None:
        named = next(i for i, day in enumerate(_WEEKDAYS) if day.startswith(m[1].lower()[:3]))
        return found if found.weekday() == named else None
    return _parse_fixed(text)


def _parse_fixed(text: str) -> datetime | None:
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


def _serial(text: str) -> datetime | None:
    """An Excel serial day number (with an optional day fraction), else None."""
    m = _SERIAL.match(text)
    if not m or not _SERIAL_MIN <= int(m[1]) <= _SERIAL_MAX:
        return None
    day = pd.Timedelta(days=float(text)).round("s")
    return _EXCEL_EPOCH + day.to_pytimedelta()


def _is_date(text: str) -> bool:
    """Whether ``text`` alone is one date in any accepted form."""
    if _parse_unambiguous(text) is not None or _serial(text) is not None:
        return True
    m = _NUMERIC.match(text)
    if not m:
        return False
    a, b, year = int(m[1]), int(m[3]), _year(m[4])
    return _date(year, b, a) is not None or _date(year, a, b) is not None


def _month_range(text: str) -> tuple[str, str] | None:
    """``(first day, last day)`` as ISO text when ``text`` is a month of a year, else None."""
    month = year = None
    if m := _MONTH_NAME_YEAR.match(text):
        month, year = _MONTHS.get(m[1].lower()), int(m[2])
    elif m := _YEAR_MONTH.match(text):
        month, year = int(m[2]), int(m[1])
    elif m := _MONTH_YEAR.match(text):
        month, year = int(m[1]), int(m[2])
    if not month or not 1 <= month <= 12 or _date(year, month, 1) is None:  # type: ignore[arg-type]
        return None
    last = pd.Period(year=year, month=month, freq="M").days_in_month
    return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"


def _range_parts(u: str) -> tuple[str, str] | None:
    """The start and end text of a range cell ``u`` (not itself one date), else None."""
    if month := _month_range(u):
        return month
    if (m := _DAY_RANGE.match(u)) and _is_date(m[1] + m[3]) and _is_date(m[2] + m[3]):
        return m[1] + m[3], m[2] + m[3]
    if m := _MONTH_DAY_RANGE.match(u):
        first, last = f"{m[1]} {m[2]}, {m[4]}", f"{m[1]} {m[3]}, {m[4]}"
        if _is_date(first) and _is_date(last):
            return first, last
    for sep in _RANGE_SEP.finditer(u):
        left, right = u[: sep.start()].strip(), u[sep.end() :].strip()
        if (a := _month_range(left)) and (b := _month_range(right)):
            return a[0], b[1]  # "Dec 2025 - Jan 2026": first day to last day
        if not (left and right and _is_date(right)):
            continue
        if _is_date(left):
            return left, right
        year = re.search(r"(\d{4})$", right)
        if year and _NO_YEAR.match(left) and _is_date(f"{left} {year[1]}"):
            return f"{left} {year[1]}", right  # "30 Sep - 2 Oct 2025": the end's year
    return None


def split_date_ranges(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Split cells holding a date range into start and end text.

    ``2025-10-12/2025-10-14``, ``12 Oct 2025 - 14 Oct 2025``,
    ``2025-10-12 to 2025-10-14``, ``12\u201314 October 2025``, ``October 12-14,
    2025`` and ``30 Sep - 2 Oct 2025`` (the start takes the end's year) are ranges;
    so is a month without a day (``October 2025``, ``Oct-2025``, ``2025-10``,
    ``10/2025``): its first to its last day.  A cell that is one date by itself
    (``2025/10/12``) is never split, nor is a cell whose two halves are not both
    dates.

    Returns
    -------
    tuple
        ``(start, end)`` text: ``start`` is ``values`` with each range replaced
        by its first date, ``end`` holds the range's second date (``<NA>``
        elsewhere).
    """
    text = values.astype("string").str.strip()
    null = is_null(text)
    splits: dict[str, tuple[str, str]] = {}
    uniques = pd.Series(pd.unique(text[~null].to_numpy(dtype=object)), dtype="string")
    # Only text holding a range mark can be a range: vectorised substring tests
    # spare the parse on ordinary columns (ISO timestamps, month names).
    low = uniques.str.lower()
    maybe = low.str.match(_DAY_RANGE_START, na=False).astype(bool)
    maybe |= low.str.match(_MONTH_DAY_RANGE_START, na=False).astype(bool)
    for month in (_MONTH_NAME_YEAR, _YEAR_MONTH, _MONTH_YEAR):
        maybe |= uniques.str.match(month, na=False).astype(bool)
    for mark in _RANGE_MARKS:
        maybe |= low.str.contains(mark, regex=False, na=False).astype(bool)
    for u in uniques[maybe]:
        if not _is_date(u) and (parts := _range_parts(u)) is not None:
            splits[u] = parts
    start = text.copy()
    end = pd.Series(pd.NA, index=values.index, dtype="string")
    if splits:
        hit = text.isin(list(splits)).fillna(False).astype(bool)
        start[hit] = [splits[t][0] for t in text[hit]]
        end[hit] = [splits[t][1] for t in text[hit]]
    return start, end


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
    text = ascii_digits(values)
    null = is_null(text)
    uniques = pd.unique(text[~null].to_numpy(dtype=object))
    parsed: dict[str, datetime | None] = {}
    numeric: dict[str, re.Match[str]] = {}
    for u in uniques:
        parsed[u] = _parse_unambiguous(u) or _serial(u)
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


_INT = re.compile(r"^\+?(\d{1,9})(?:\.0*|,0{1,2})?$")
_INT_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")


def parse_counts(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Parse a column of non-negative whole numbers (e.g. fatalities).

    ``"3"``, ``" 3 "``, ``"3.0"``, ``"3,0"`` (a decimal comma, as European
    spreadsheets write; ``"1,000"`` stays one thousand) and ``"1,234"`` are read; negative,
    fractional, ranged (``"3-5"``) or worded (``"many"``) counts are bad.

    Returns
    -------
    tuple
        ``(counts, bad)``: ``Int64`` values and the mask of rows whose text
        was present but did not parse.
    """
    text = ascii_digits(values)
    null = is_null(text)
    cleaned = text.where(~text.str.match(_INT_THOUSANDS).fillna(False), text.str.replace(",", ""))
    groups = cleaned.str.extract(_INT, expand=False)
    counts = pd.to_numeric(groups, errors="coerce").astype("Int64")
    counts.index = values.index
    bad = (~null) & counts.isna()
    return counts, bad.astype(bool)


_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")

_HEMISPHERE = re.compile(r"^\s*([NSEW])\.?\s*(.*?)\s*$|^\s*(.*?)\s*([NSEW])\.?\s*$", re.IGNORECASE)
_DMS_MARKS = "\u00b0\u00ba\u02da'\u2032\u2019\u00b4\"\u2033\u201d"
_DMS_BODY = re.compile(
    r"^([+-])?\s*(\d{1,3}(?:[.,]\d+)?)\s*(?:[\u00b0\u00ba\u02da:dD]|\s)?\s*"
    r"(?:(\d{1,2}(?:[.,]\d+)?)\s*(?:['\u2032\u2019\u00b4:mM]|\s)?\s*"
    r"(?:(\d{1,2}(?:[.,]\d+)?)\s*(?:\"|''|[\u2033\u201d]|\u2032\u2032|[sS])?)?)?\s*$"
)


def _degrees(text: str) -> float | None:
    """Degrees from ``31°37'12"N``, ``N 31°37.2'``, ``31 37 12 N``, ``31.62N``; else None.

    A hemisphere letter (S and W negate) or a degree/minute mark is required,
    so two bare numbers are never read as degrees and minutes.
    """
    hemisphere = None
    body = text.strip()
    if m := _HEMISPHERE.match(body):
        hemisphere = (m[1] or m[4]).upper()
        body = m[2] if m[1] else m[3]
    has_mark = any(c in _DMS_MARKS for c in body) or re.search(r"\d\s*[dD]", body) is not None
    if hemisphere is None and not has_mark:
        return None
    m = _DMS_BODY.match(body)
    if not m:
        return None
    parts = [float(x.replace(",", ".")) if x else None for x in (m[2], m[3], m[4])]
    deg, minutes, seconds = parts
    given = [p for p in parts if p is not None]
    if any(p != int(p) for p in given[:-1]):  # only the last part may have a fraction
        return None
    if (minutes or 0) >= 60 or (seconds or 0) >= 60:
        return None
    assert deg is not None
    value = deg + (minutes or 0) / 60 + (seconds or 0) / 3600
    if m[1] == "-" and hemisphere is not None:
        return None  # "-31°S": the sign and the letter disagree or repeat
    if m[1] == "-" or hemisphere in ("S", "W"):
        value = -value
    return value


def parse_float(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Parse decimal numbers; a single decimal comma (``"34,5"``) is accepted.

    Coordinates written in degrees, minutes and seconds or with a hemisphere
    letter (``31°37'12"N``, ``N 31°37.2'``, ``65 43 00 E``, ``31.62N``, ``69.5W``)
    are read too, S and W as negative; the letter does not move a value to the
    other axis (a latitude column holding ``65°43'E`` keeps 65.72 as its
    latitude, and the geocoder's swap check sees it).

    Returns
    -------
    tuple
        ``(numbers, bad)``: ``float64`` values and the mask of rows whose
        text was present but did not parse to a finite number.
    """
    text = ascii_digits(values)
    null = is_null(text)
    comma = text.str.match(_DECIMAL_COMMA).fillna(False).astype(bool)
    text = text.where(~comma, text.str.replace(",", ".", regex=False))
    numbers = pd.to_numeric(text.where(~null), errors="coerce").astype("float64")
    numbers = numbers.where(np.isfinite(numbers))
    numbers.index = values.index
    bad = (~null) & numbers.isna()
    if bad.any():
        texts = text[bad]
        uniques = {u: _degrees(u) for u in pd.unique(texts.to_numpy(dtype=object))}
        found = texts.map(uniques).astype("float64")
        numbers[bad] = found
        bad = (~null) & numbers.isna()
    return numbers, bad.astype(bool)
