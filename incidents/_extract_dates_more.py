"""Date phrasings the base patterns (:mod:`incidents._extract_dates`) lacked.

Found on articles from outlets the rules had not been written on:

* a night written as a pair of days: "on the night of 11/12 October",
  "October 7/8" -> both days;
* "last evening", "last afternoon" -> the day before the article;
* a span of weekdays with "until", "till" or "through": "from Friday until Sunday"
  -> Friday to Sunday (the latest such span not after the article);
* "earlier in the week", "later in the week" -> as "earlier this week": the Monday
  of the article's week to the day before the article (told on a Monday or Tuesday,
  the seven days before it);
* numeric dates, day first as Pakistani and Afghan outlets write them ("09-11-2025",
  "9/11/2025"; month first only when the first number is no month);
* "on the 9th" -> that day of the article's month (of the month before, when the day
  is after the article's);
* a yearless day/month after "on", "of" or "dated" ("on 19/10", "in the early hours of
  25/11") -> that day, day first (the year as for "October 19").

:data:`PATTERNS` are put before the base patterns (they win where they overlap);
:func:`resolve` turns a match into its first and last day.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["KINDS", "PATTERNS", "earlier_this_week", "future_in_clause", "resolve"]

# month and weekday words, shared with the base patterns (which import them from here)
_MON = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

PATTERNS: list[tuple[str, str]] = [
    # "11/12 October", "October 11/12, 2025": a night over two days
    (
        "dm_slash",
        rf"\b(?P<d1>\d{{1,2}})\s*/\s*(?P<d2>\d{{1,2}})\s+(?P<m>{_MON})(?:,?\s+(?P<y>\d{{4}}))?",
    ),
    (
        "md_slash",
        rf"\b(?P<m>{_MON})\s+(?P<d1>\d{{1,2}})\s*/\s*(?P<d2>\d{{1,2}})\b(?:,?\s+(?P<y>\d{{4}}))?",
    ),
    ("last_part", r"\blast (?P<part>evening|afternoon)\b"),
    (
        "wd_until",
        rf"\b(?:from\s+)?(?P<wd1>{_WDAY})\s+(?:until|till|through|up to)\s+(?P<wd2>{_WDAY})\b",
    ),
    ("in_the_week", r"\b(?P<part>earlier|later|early|late) in the week\b"),
    # "on 09-11-2025", "on 9/11/2025": day first, as Pakistani and Afghan outlets write
    # it (month first only when the first number cannot be a month's day... of 13+)
    (
        "numeric",
        r"\b(?<![/.-])(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<y>(?:19|20)\d\d)(?![\d/-]|\.\d)",
    ),
    # "on 19/10", "in the early hours of 25/11": a yearless day/month, day first as
    # Pakistani, Afghan and European outlets write it (after "on", "of" or "dated" only:
    # "a 3/4 majority" is no date)
    (
        "dm_numeric",
        r"\b(?:(?<=\bon )(?P<d>\d{1,2})/(?P<mo>\d{1,2})\b(?![/\d]|\.\d)"
        r"|(?<=\bof )(?P<d2>\d{1,2})/(?P<mo2>\d{1,2})\b(?![/\d]|\.\d)"
        r"|(?<=\bdated )(?P<d3>\d{1,2})/(?P<mo3>\d{1,2})\b(?![/\d]|\.\d))",
    ),
    # "on the 9th": a day of the article's month (or the month before, when later)
    ("day_only", r"\bon the (?P<d>\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of|day|anniversary)\b)"),
]
KINDS = frozenset(k for k, _ in PATTERNS)


def _year(month: int, day: int, ref: dt.date | None, y: str | None) -> int | None:
    if y:
        return int(y)
    if ref is None:
        return None
    try:
        late = dt.date(ref.year, month, day) > ref + dt.timedelta(days=60)
    except ValueError:
        return None
    return ref.year - 1 if late else ref.year


def resolve(
    kind: str, g: dict[str, str | None], ref: dt.date | None, month: int | None = None
) -> tuple[dt.date | None, dt.date | None, str | None]:
    """First day, last day and what the expression is relative to (``"article"``
    or None for absolute dates) of one match of :data:`PATTERNS`; ``month`` is the
    month number of ``g["m"]`` (the caller's month table reads it)."""
    day = dt.timedelta(days=1)
    if kind in ("dm_slash", "md_slash"):
        d1, d2 = int(g["d1"] or 0), int(g["d2"] or 0)
        if month is None or d2 not in (d1, d1 + 1):
            return None, None, None
        y = _year(month, d1, ref, g.get("y"))
        try:
            return (dt.date(y, month, d1), dt.date(y, month, d2), None) if y else (None, None, None)
        except ValueError:
            return None, None, None
    if kind == "numeric":
        a, b = int(g["a"] or 0), int(g["b"] or 0)
        d, m = (b, a) if b > 12 >= a else (a, b)  # "11-25-2025": month first
        try:
            x = dt.date(int(g["y"] or 0), m, d)
        except ValueError:
            return None, None, None
        return x, x, None
    if kind == "dm_numeric":
        d = int(g.get("d") or g.get("d2") or g.get("d3") or 0)
        m = int(g.get("mo") or g.get("mo2") or g.get("mo3") or 0)
        if not (1 <= m <= 12 and 1 <= d <= 31) or ref is None:
            return None, None, None
        y = _year(m, d, ref, None)
        try:
            x = dt.date(y, m, d) if y else None
        except ValueError:
            return None, None, None
        return x, x, None
    if ref is None:
        return None, None, "article"
    if kind == "day_only":
        d = int(g["d"] or 0)
        y, m = ref.year, ref.month
        if d > ref.day:  # a day after the article's: the month before
            y, m = (y, m - 1) if m > 1 else (y - 1, 12)
        try:
            x = dt.date(y, m, d)
        except ValueError:
            return None, None, None
        return x, x, "article"
    if kind == "last_part":
        return ref - day, ref - day, "article"
    if kind == "wd_until":
        w1 = _DAYS.index((g["wd1"] or "").lower())
        w2 = _DAYS.index((g["wd2"] or "").lower())
        b = ref - dt.timedelta(days=(ref.weekday() - w2) % 7)
        a = b - dt.timedelta(days=(w2 - w1) % 7)
        return a, b, "article"
    if kind == "in_the_week":
        monday = ref - dt.timedelta(days=ref.weekday())
        part = (g.get("part") or "").lower()
        if part in ("earlier", "early"):
            return (*earlier_this_week(ref), "article")
        return monday, ref, "article"
    return None, None, None


def earlier_this_week(ref: dt.date) -> tuple[dt.date, dt.date]:
    """The days "earlier this week" can mean, told on ``ref``: its Monday to the day
    before; told on a Monday or Tuesday, the seven days before (a week begun one or
    two days ago holds no "earlier" days, or only one, and outlets whose week opens
    on Saturday or Sunday count further back)."""
    day = dt.timedelta(days=1)
    if ref.weekday() <= 1:
        return ref - 7 * day, ref - day
    return ref - dt.timedelta(days=ref.weekday()), ref - day


_CLAUSE_BREAK = re.compile(
    r";|\s[—–-]\s|,?\s+(?:after|before|when|while|but|whereas|as|since)\s+|,\s+and\s+", re.I
)
_FUTURE = re.compile(r"\b(?:will|would be held|to be held|scheduled|planned|next)\b", re.I)


def future_in_clause(sentence: str, pos: int) -> bool:
    """Whether the clause of ``sentence`` holding ``pos`` speaks of the future ("will
    ...", "scheduled"): "militants attacked a post on Friday; the curfew will remain
    until Sunday" dates a past attack on Friday, not a Friday to come."""
    start, end = 0, len(sentence)
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return bool(_FUTURE.search(sentence, start, end))
