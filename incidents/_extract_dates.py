"""Date expressions in news sentences -> (first day, last day) ranges.

Absolute dates ("Oct 12, 2025", "12 October", "Oct 12-14") and expressions relative
to the article date ("on Tuesday", "overnight", "last week", "early this month",
"two days later").  Each expression becomes a :class:`DateSpan` whose range is
as wide as the words allow: "last week" is the Monday to Sunday before the
article's week, "overnight" the day before the anchor and the anchor.

Also: weekday ranges ("the night between Saturday and Sunday"); a weekday with
its part of the day apposed to a date ("Sunday evening, November 20": the date
says which; a night runs into the next morning); the date of a statement or a
reaction ("the army on Tuesday said", "the nation today mourned") is marked
:attr:`DateSpan.statement` (the event is that day or the day before); photo
captions (:func:`is_caption`, :func:`without_captions`) date nothing.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from incidents._extract_counts import NUMBERS as _NUMBERS
from incidents._extract_dates_more import (
    _DAYS,
    _FUTURE,
    _MON,
    _WDAY,
    earlier_this_week,
    future_in_clause,
)
from incidents._extract_dates_more import KINDS as _MORE_KINDS
from incidents._extract_dates_more import PATTERNS as _MORE_PATTERNS
from incidents._extract_dates_more import resolve as _resolve_more

__all__ = ["DateSpan", "find_dates", "is_caption", "parse_date_text", "without_captions"]

_MONTH_NUM = {
    m: i
    for i, names in enumerate(
        [
            (),
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}
_ORD = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_N = r"(?P<n>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten)"

# Order matters: earlier alternatives win where they overlap.
_PATTERNS: list[tuple[str, str]] = [
    # absolute ranges
    (
        "md_range",
        rf"\b(?P<m>{_MON})\s+(?P<d1>\d{{1,2}})\s*(?:-|–|to|and|&)\s*(?P<d2>\d{{1,2}})\b"
        rf"(?:,?\s+(?P<y>\d{{4}}))?",
    ),
    (
        "dm_range",
        rf"\b(?P<d1>\d{{1,2}})\s*(?:-|–|to|and|&)\s*(?P<d2>\d{{1,2}})\s+(?P<m>{_MON})"
        rf"(?:,?\s+(?P<y>\d{{4}}))?",
    ),
    # absolute days
    ("md", rf"\b(?P<m>{_MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!:\d)(?:,?\s+(?P<y>\d{{4}}))?"),
    (
        "dm",
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MON})(?:,?\s+(?P<y>\d{{4}}))?",
    ),
    ("iso", r"\b(?P<y>20\d\d)-(?P<mm>\d\d)-(?P<d>\d\d)\b"),
    # parts of months
    ("mid_month", rf"\bmid-?\s?(?P<m>{_MON})"),
    ("part_month", rf"\b(?P<part>early|late|end of|beginning of|start of)\s+(?P<m>{_MON})"),
    (
        "rel_month",
        r"\b(?P<part>early|earlier|late|later|end of|beginning of|start of)?\s*"
        r"(?P<which>this|last|next|the previous|the preceding|the past) month\b",
    ),
    # "later that month", "in the same year": the month or year of the date told before
    (
        "that_period",
        r"\b(?:(?P<part>early|earlier|late|later|end of|beginning of|start of)\s+)?"
        r"(?:(?:in|of|during)\s+)?(?:that|the same) (?P<unit>month|year)\b"
        r"|\b(?P<part2>earlier|later) in the (?:same )?(?P<unit2>month|year)\b"
        # "Earlier on the same day": the day told before
        r"|\b(?:(?P<part3>earlier|later)\s+)?(?:on\s+)?(?:that|the same) (?P<unit3>day)\b",
    ),
    # "between October and December", "from October to December 2025", "October-December 2025"
    (
        "month_range",
        rf"\b(?:(?:between|from|in|during|throughout)\s+)?(?P<m1>{_MON})\s*(?:-|–|and|to|until|through)\s*"
        rf"(?P<m2>{_MON})\b(?:,?\s+(?P<y>\d{{4}}))?",
    ),
    (
        "in_month",
        # (not "since October 13": a day of the month, read by "md")
        rf"\b(?:(?:in|during|through|throughout)\s+|since\s+(?=(?:{_MON})\b(?!\.?\s*\d{{1,2}}"
        rf"(?:st|nd|rd|th)?\b)))(?P<m>{_MON})(?:\s+(?P<y>\d{{4}}))?\b",
    ),
    # weeks
    (
        "rel_week",
        r"\b(?P<part>earlier|later)?\s*(?P<which>this|last|next|the previous|the past) "
        r"(?P<unit>week|weekend)\b",
    ),
    # "over the weekend", "the weekend's clashes": the latest Saturday and Sunday
    (
        "the_weekend",
        r"\b(?:(?:over|at|during|on|across|through|throughout) the weekend|the weekend['’]s|"
        r"weekend (?:clashes|fighting|attacks?|strikes?|violence|skirmish(?:es)?|shelling))\b",
    ),
    ("recent", r"\b(?:in )?(?:recent|the past few|the last few|past few|last few) days\b"),
    # days
    (
        "n_day",
        r"\bfor (?:a|the) (?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
        r"tenth) (?:straight |consecutive |successive )?(?:day|night)\b",
    ),
    ("ago", rf"\b{_N} (?P<unit>days?|weeks?|fortnight) ago\b"),
    # "the strike came a day after the bombing": the bombing is the day before
    (
        "later",
        r"\b(?:(?P<came>came|comes|follow(?:s|ed)|occurred|happened|took place|"
        r"(?:has been |had been |was |is )?reported)\s+"
        r"(?:just\s+|only\s+|barely\s+)?)?"
        rf"(?:{_N} days?|a day) (?P<dir>later|earlier|before|after)\b",
    ),
    ("few_later", r"\b(?:a few|several|few) days (?P<dir>later|earlier|before|after)\b"),
    # "... was killed at the crossing a week earlier.": closing its clause, counted back
    # from the date told before ("a week after X", "a week earlier officials said" read
    # no date: which event the week is counted from is not told there)
    ("weeks_back", rf"\b(?:{_N} weeks|a week) (?:earlier|before)(?=\s*[.,;:]|\s*$)"),
    (
        "next_day",
        r"\bthe (?P<dir>next|following|previous) (?:day|night|morning|evening)\b"
        r"|\bthe day (?P<dir2>before|after)\b",
    ),
    # "on the night between Saturday and Sunday", "Saturday-Sunday night"
    (
        "wd_range",
        rf"\b(?:(?:on|late on|early on|between|from)\s+)?(?P<wd1>{_WDAY})\s*(?:-|–|and|&|to)\s*"
        rf"(?P<wd2>{_WDAY})(?P<night>\s+night)?",
    ),
    (
        "weekday",
        rf"\b(?P<prefix>(?:on|last|next|this|late|early|since|until|by)\s+)?"
        rf"(?:(?:late|early)\s+(?:on\s+)?)?(?P<wd>{_WDAY})(?:'s)?"
        r"(?P<night>\s+(?:night|evening|morning|afternoon))?",
    ),
    ("yesterday", r"\b(?:late\s+)?yesterday(?P<night>\s+(?:night|evening))?\b"),
    ("today", r"\b(?:today|this (?:morning|afternoon|evening)|tonight)\b"),
    (
        "overnight",
        r"\b(?:overnight|last night|late last night|during the night|in the early hours)\b",
    ),
    # years: "in 2023", "in late 2024", "last year", "earlier this year"
    (
        "year",
        r"\b(?:in|during|throughout|by|of)\s+(?:(?P<part>early|late|mid-?)\s*)?"
        r"(?P<y>(?:19|20)\d\d)\b(?![-/]\d)",
    ),
    (
        "rel_year",
        r"\b(?P<part>earlier|later)?\s*(?P<which>this|last|the previous|previous|the past) year\b",
    ),
]
# phrasings found on unseen outlets ("the night of 11/12 October", "last evening")
_PATTERNS[:0] = _MORE_PATTERNS
# re forbids duplicate group names, so each alternative's groups are renamed.
_GROUPS: dict[str, list[str]] = {}


def _compile() -> re.Pattern[str]:
    parts = []
    for name, rx in _PATTERNS:
        inner = re.compile(rx, re.IGNORECASE)
        groups = sorted(inner.groupindex, key=lambda k: inner.groupindex[k])
        _GROUPS[name] = groups
        renamed = rx
        for g in groups:
            renamed = renamed.replace(f"(?P<{g}>", f"(?P<{name}__{g}>")
        parts.append(f"(?P<_{name}>{renamed})")
    # Every alternative opens on a word boundary: checked once before the alternatives
    # are tried (the same matches, far fewer attempts in the middle of words).
    if all(rx.startswith(r"\b") for _, rx in _PATTERNS):
        return re.compile(r"\b(?:" + "|".join(parts) + ")", re.IGNORECASE)
    return re.compile("|".join(parts), re.IGNORECASE)


_RX = _compile()
# Every pattern above needs one of these: a cheap first look at a sentence.
_MAYBE = re.compile(
    r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|mid|this|last|next|the previous|"
    r"the past|recent|past few|last few|for (?:a|the)|ago|later|earlier|days|before|after|the next|"
    r"the following|the day|Mon|Tues|Wednes|Thurs|Fri|Satur|Sun|yesterday|today|tonight|"
    r"overnight|during the night|in the early hours|weekend|that month|that year|same month|"
    r"same year|that day|same day)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateSpan:
    """A date expression at ``text[start:end]`` of its sentence and the days it covers.

    ``relative_to`` is "article" for expressions read against the article date,
    "previous" for "two days later"-style ones read against the previous event,
    "sentence" for "overnight" when another date in the sentence anchors it, and
    None for absolute dates.
    """

    start: int
    end: int
    text: str
    first: dt.date | None
    last: dt.date | None
    relative_to: str | None
    future: bool = False
    #: the date of a statement or a reaction ("the army on Monday said", "the
    #: country today mourned"), not of the event it is about
    statement: bool = False


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _year_for(month: int, day: int, ref: dt.date | None, year_hint: int | None) -> int | None:
    """Year of a yearless day-month: the article's, or the one before when the
    date would otherwise fall more than 60 days after the article."""
    if ref is None:
        return year_hint
    y = ref.year
    try:
        if dt.date(y, month, day) > ref + dt.timedelta(days=60):
            y -= 1
    except ValueError:
        return None
    return y


def _safe(y: int | None, m: int, d: int) -> dt.date | None:
    if y is None:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month(s: str) -> int:
    s = s.lower().rstrip(".")
    return _MONTH_NUM[s if s in _MONTH_NUM else s[:3]]


_WEEKDAY_BEFORE = re.compile(
    rf"^(?:(?:on|late|early|late on|early on)\s+)?{_WDAY}"
    r"(?:\s+(?:night|evening|morning|afternoon))?$",
    re.I,
)
_APPOSED = re.compile(r"^\s*[,(]?\s*(?:the\s+)?$")


# "India Today", "USA Today", "Pakistan Today": a capitalised Today after a
# capitalised word inside the sentence names an outlet
_OUTLET_TODAY = re.compile(r"(?:(?<=[a-z,;:] )|^)[A-Z][\w.]*\s+Today$")


def find_dates(
    sentence: str,
    article: dt.date | None,
    *,
    previous: tuple[dt.date, dt.date] | None = None,
    year_hint: int | None = None,
) -> list[DateSpan]:
    """Every date expression in ``sentence``, resolved when it can be.

    ``article`` is the article date (relative expressions need it), ``previous``
    the range of the preceding event (for "two days later"), ``year_hint`` a year
    for yearless dates when there is no article date.
    """
    spans: list[DateSpan] = []
    deferred: list[tuple[int, int, str]] = []
    if not _MAYBE.search(sentence):
        return spans
    future = _FUTURE.search(sentence) is not None  # (then each date's clause is read)
    for m in _RX.finditer(sentence):
        kind = m.lastgroup[1:] if m.lastgroup else ""
        g = {k: m.group(f"{kind}__{k}") for k in _GROUPS[kind]}
        text = m.group(0).strip()
        a = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        if kind == "overnight":
            deferred.append((a, m.end(), text))
            continue
        if kind == "today" and _OUTLET_TODAY.search(sentence, 0, m.end()):
            continue  # "India Today reported": an outlet's name
        fut = future and future_in_clause(sentence, a)
        if fut and _SAID_BEFORE.search(sentence, max(0, a - 30), a):
            fut = False  # "Pakistan will allow ..., an official said Thursday": said, so past
        first, last, rel = _resolve(kind, g, article, previous, year_hint, fut)
        if (
            kind == "weekday"
            and rel == "article"
            and (anchored := _in_told_days(g, previous, article))
        ):
            # "Over the weekend of 11-12 October, ... / Late on Saturday, Afghan forces
            # ...": the Saturday of the days told just before, not of the article's week
            first, last, rel = anchored, anchored, "previous"
        if kind in ("md", "dm", "iso") and first is not None and spans:
            w = spans[-1]
            if _WEEKDAY_BEFORE.match(w.text) and _APPOSED.match(sentence[w.end : a]):
                # "on Monday, October 6", "Tuesday (October 14, 2025)": the date says which
                # ("Tuesday night, December 24": that night, into the next morning)
                spans.pop()
                a, text = w.start, sentence[w.start : m.end()]
                if last is not None and re.search(r"\bnight$", w.text, re.I):
                    last = last + dt.timedelta(days=1)
        since = _SINCE_BEFORE.search(sentence, max(0, a - 12), a)
        if kind in ("md", "dm", "iso") and since and first is not None and article is not None:
            # "closed since October 13": from that day to the article's (a day after the
            # article without its year is last year's)
            if first > article and not g.get("y"):
                first = _year_before(first)
                rel = "article"
            a, text, last = since.start(), sentence[since.start() : m.end()], max(first, article)
        spans.append(DateSpan(a, m.end(), text, first, last, rel, fut and rel == "article"))
    for a, b, text in deferred:
        if any(0 <= s.start - b <= 15 and s.first is not None for s in spans):
            continue  # "during the night between August 10 and 11": the date says it
        # "overnight" hangs on the day the sentence names, else on the article date.
        anchors = [s for s in spans if s.first is not None and s.first == s.last]
        anchor = min(anchors, key=lambda s: abs(s.start - a)).first if anchors else article
        rel = "sentence" if anchors else "article"
        if anchor is None:
            spans.append(DateSpan(a, b, text, None, None, "article"))
        else:
            spans.append(DateSpan(a, b, text, anchor - dt.timedelta(days=1), anchor, rel))
    spans.sort(key=lambda s: s.start)
    return [_of_statement(sentence, d) for d in spans]


_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
_SAID_BEFORE = re.compile(
    r"\b(?:said|told\s+\w+|announced|stated|added|confirmed|reported)\s+(?:on\s+)?$",
    re.IGNORECASE,
)


def _year_before(d: dt.date) -> dt.date:
    return (
        d.replace(year=d.year - 1, day=28)
        if (d.month, d.day) == (2, 29)
        else d.replace(year=d.year - 1)
    )


# A verb of saying or of reacting right after a date: "the army on Monday said", "the
# country today mourned the soldiers", "officials on Tuesday condemned".
_SAYS_AFTER = re.compile(
    r"\s*,?\s*(?:also\s+|again\s+)?(?:said|says|told|announced|confirmed|reported|claimed|"
    r"stated|mourned|condemned|buried|denied|vowed|warned|accused|blamed|demanded|protested|"
    r"summoned|held (?:a )?funerals?|laid to rest)\b",
    re.IGNORECASE,
)
# ... or of reacting right before it ("mourned on Monday"; "said on Monday" is the caller's).
_REACTS_BEFORE = re.compile(
    r"\b(?:mourned|condemned|buried|denied|vowed|protested|summoned|laid to rest)\s+$",
    re.IGNORECASE,
)


def _of_statement(sentence: str, d: DateSpan) -> DateSpan:
    if d.first is None or d.first != d.last:
        return d
    before = sentence[max(0, d.start - 25) : d.start]
    if _SAYS_AFTER.match(sentence, d.end) or _REACTS_BEFORE.search(before):
        return DateSpan(
            d.start, d.end, d.text, d.first, d.last, d.relative_to, d.future, statement=True
        )
    return d


def _resolve(
    kind: str,
    g: dict[str, str | None],
    ref: dt.date | None,
    prev: tuple[dt.date, dt.date] | None,
    year_hint: int | None,
    future: bool,
) -> tuple[dt.date | None, dt.date | None, str | None]:
    day = dt.timedelta(days=1)
    if kind in _MORE_KINDS:
        return _resolve_more(kind, g, ref, _month(g["m"]) if g.get("m") else None)
    if kind in ("md", "dm"):
        mon = _month(g["m"] or "")
        d = int(g["d"] or 0)
        y = int(g["y"] or 0) if g.get("y") else _year_for(mon, d, ref, year_hint)
        x = _safe(y, mon, d)
        return x, x, None
    if kind in ("md_range", "dm_range"):
        mon = _month(g["m"] or "")
        d1, d2 = int(g["d1"] or 0), int(g["d2"] or 0)
        if d2 < d1:
            return None, None, None
        y = int(g["y"] or 0) if g.get("y") else _year_for(mon, d1, ref, year_hint)
        return _safe(y, mon, d1), _safe(y, mon, d2), None
    if kind == "iso":
        x = _safe(int(g["y"] or 0), int(g["mm"] or 0), int(g["d"] or 0))
        return x, x, None
    if kind == "month_range":
        m1, m2 = _month(g["m1"] or ""), _month(g["m2"] or "")
        if g.get("y"):  # the year is of the end month
            y2 = int(g["y"] or 0)
            y1 = y2 if m1 <= m2 else y2 - 1
        else:
            y1r = _year_for(m1, 1, ref, year_hint)
            if y1r is None:
                return None, None, None
            y1 = y1r
            y2 = y1 if m1 <= m2 else y1 + 1
        return dt.date(y1, m1, 1), _month_end(y2, m2), None
    if kind in ("mid_month", "part_month", "in_month"):
        mon = _month(g["m"] or "")
        y = int(g["y"] or 0) if g.get("y") else _year_for(mon, 1, ref, year_hint)
        if y is None:
            return None, None, None
        part = (g.get("part") or "").lower()
        if not g.get("y") and not future and ref is not None and y == ref.year:
            # "in late December ... launched reprisals" told in October: a past
            # month part (of another month) beginning after the article is last year's
            start = 11 if kind == "mid_month" else 21 if part in ("late", "end of") else 1
            if mon != ref.month and dt.date(y, mon, start) > ref:
                y -= 1
        end = _month_end(y, mon)
        if kind == "mid_month":
            return dt.date(y, mon, 11), dt.date(y, mon, 20), None
        if part in ("early", "beginning of", "start of"):
            return dt.date(y, mon, 1), dt.date(y, mon, 10), None
        if part in ("late", "end of"):
            return dt.date(y, mon, 21), end, None
        return dt.date(y, mon, 1), end, None
    if kind == "year":
        y = int(g["y"] or 0)
        part = (g.get("part") or "").lower().rstrip("-")
        a, b = dt.date(y, 1, 1), dt.date(y, 12, 31)
        if part == "early":
            b = dt.date(y, 4, 30)
        elif part == "mid":
            a, b = dt.date(y, 5, 1), dt.date(y, 8, 31)
        elif part == "late":
            a = dt.date(y, 9, 1)
        if ref is not None and a <= ref < b:
            b = ref
        return a, b, None
    if kind == "that_period":
        return _that_period(g, prev)
    if ref is None and kind not in ("later", "next_day", "few_later", "weeks_back", "that_period"):
        return None, None, "article"
    if kind == "rel_month":
        assert ref is not None
        which = (g["which"] or "").lower()
        part = (g.get("part") or "").lower()
        if which == "this":
            y, mon = ref.year, ref.month
        elif which == "next":
            y, mon = (ref.year + 1, 1) if ref.month == 12 else (ref.year, ref.month + 1)
        else:
            y, mon = (ref.year - 1, 12) if ref.month == 1 else (ref.year, ref.month - 1)
        a, b = dt.date(y, mon, 1), _month_end(y, mon)
        if part in ("early", "beginning of", "start of"):
            b = dt.date(y, mon, 10)
        elif part in ("late", "end of"):
            a = dt.date(y, mon, 21)
        elif part == "earlier":
            b = ref - day
        if which == "this":
            b = min(b, ref)
            a = min(a, b)
        return a, b, "article"
    if kind == "rel_year":
        assert ref is not None
        which = (g["which"] or "").lower()
        if which == "the past":
            return ref - dt.timedelta(days=365), ref, "article"
        if which == "this":
            b = ref - day if (g.get("part") or "").lower() == "earlier" else ref
            return dt.date(ref.year, 1, 1), max(b, dt.date(ref.year, 1, 1)), "article"
        return dt.date(ref.year - 1, 1, 1), dt.date(ref.year - 1, 12, 31), "article"
    if kind == "rel_week":
        assert ref is not None
        which = (g["which"] or "").lower()
        monday = ref - dt.timedelta(days=ref.weekday())
        if which in ("last", "the previous", "the past"):
            monday -= dt.timedelta(days=7)
        elif which == "next":
            monday += dt.timedelta(days=7)
        a, b = monday, monday + dt.timedelta(days=6)
        if (g["unit"] or "").lower() == "weekend":
            a = monday + dt.timedelta(days=5)
        if which == "this" and b > ref and a <= ref:
            # (a weekend still to come, told on a weekday, stays whole: never a window
            # that ends before it starts)
            b = ref
            if (g.get("part") or "").lower() == "earlier" and a == monday:
                a, b = earlier_this_week(ref)
        if which == "the past":
            a, b = ref - dt.timedelta(days=7), ref
        return a, b, "article"
    if kind == "the_weekend":
        assert ref is not None
        # the weekend on or before the article date (Saturday and Sunday)
        back = (ref.weekday() - 5) % 7  # days since the last Saturday
        a = ref - dt.timedelta(days=back)
        return a, min(a + day, ref), "article"
    if kind == "recent":
        assert ref is not None
        return ref - dt.timedelta(days=7), ref, "article"
    if kind == "n_day":
        assert ref is not None
        n = _ORD[(g["ord"] or "second").lower()]
        return ref - dt.timedelta(days=n - 1), ref, "article"
    if kind == "ago":
        assert ref is not None
        n = _number(g["n"])
        unit = (g.get("unit") or "day").lower()
        if unit.startswith("day"):
            x = ref - dt.timedelta(days=n)
            return x, x, "article"
        # "a week ago", "two weeks ago", "a fortnight ago": that day give or take one
        x = ref - dt.timedelta(days=(14 if unit == "fortnight" else 7) * n)
        return x - dt.timedelta(days=1), x + dt.timedelta(days=1), "article"
    if kind == "few_later":
        if prev is None:
            return None, None, "previous"
        if (g.get("dir") or "").lower() in ("earlier", "before"):
            return prev[0] - dt.timedelta(days=5), prev[0] - dt.timedelta(days=2), "previous"
        return prev[1] + dt.timedelta(days=2), prev[1] + dt.timedelta(days=5), "previous"
    if kind == "weeks_back":
        if prev is None:
            return None, None, "previous"
        back = dt.timedelta(days=7 * (_number(g.get("n")) if g.get("n") else 1))
        return prev[0] - back - day, prev[0] - back + day, "previous"
    if kind in ("later", "next_day"):
        if prev is None:
            return None, None, "previous"
        back = (g.get("dir") or g.get("dir2") or "").lower() in ("earlier", "before", "previous")
        if g.get("came") and (g.get("dir") or "").lower() in ("after", "before"):
            back = not back  # "X came a day after Y": Y (told here) is X's day minus one
        n = _number(g.get("n")) if g.get("n") else 1
        step = dt.timedelta(days=n)
        # the anchor's own uncertainty of a day ("at midnight": that day or the next)
        # carries over to the day counted from it
        # (an anchor known only to a month or a week keeps its width: "a day after" a
        # strike "in November" is still some day of November, give or take one)
        end = prev[1] if prev[1] is not None and (prev[1] - prev[0]).days >= 1 else prev[0]
        if back:
            return prev[0] - step, end - step, "previous"
        return prev[0] + step, end + step, "previous"
    if kind == "wd_range":
        assert ref is not None
        w1 = _DAYS.index((g["wd1"] or "").lower())
        w2 = _DAYS.index((g["wd2"] or "").lower())
        a = ref - dt.timedelta(days=(ref.weekday() - w1) % 7)
        b = a + dt.timedelta(days=(w2 - w1) % 7)
        if b > ref:  # "Monday and Tuesday" in an article of Monday: the week before
            a, b = a - dt.timedelta(days=7), b - dt.timedelta(days=7)
        return a, b, "article"
    if kind == "weekday":
        assert ref is not None
        target = _DAYS.index((g["wd"] or "").lower())
        prefix = (g.get("prefix") or "").strip().lower()
        # ("closed since Sunday, will reopen on Thursday": what has lasted since a day is
        # past, whatever its clause says of the future)
        if prefix == "next" or (future and prefix not in ("last", "since")):
            delta = (target - ref.weekday()) % 7 or 7
            x = ref + dt.timedelta(days=delta)
        else:
            delta = (ref.weekday() - target) % 7
            if prefix == "last" and delta == 0:
                delta = 7
            x = ref - dt.timedelta(days=delta)
        night = (g.get("night") or "").strip().lower()
        if night in ("night", "evening"):
            return x, x + day if night == "night" else x, "article"
        if prefix == "since":
            return x, ref, "article"
        if x == ref and prefix not in ("this", "next"):
            # An article dated Sunday saying "on Sunday": written that day about that
            # day, or dated after midnight about the day before.
            return x - day, x, "article"
        return x, x, "article"
    if kind == "yesterday":
        assert ref is not None
        x = ref - day
        return (x, ref, "article") if g.get("night") else (x, x, "article")
    if kind == "today":
        assert ref is not None
        return ref, ref, "article"
    return None, None, None


def _in_told_days(
    g: dict[str, str | None], prev: tuple[dt.date, dt.date] | None, ref: dt.date | None
) -> dt.date | None:
    """The day of weekday ``g`` inside the range of one to three days told just before
    (``prev``), when that range lies in an earlier week than the article (``ref``) and
    the weekday has no "last"/"next"/"this" of its own; else None."""
    if prev is None or ref is None or (g.get("prefix") or "").strip():
        return None
    first, last = prev
    if not 0 <= (last - first).days <= 2 or (ref - last).days < 7:
        return None
    target = _DAYS.index((g["wd"] or "").lower())
    days = [first + dt.timedelta(days=k) for k in range((last - first).days + 1)]
    hit = [d for d in days if d.weekday() == target]
    return hit[0] if len(hit) == 1 else None


def _that_period(
    g: dict[str, str | None], prev: tuple[dt.date, dt.date] | None
) -> tuple[dt.date | None, dt.date | None, str | None]:
    """ "later that month", "earlier that year": the month or year of the date told
    before, cut at that date ("later": from it on; "earlier": up to it)."""
    if prev is None:
        return None, None, "previous"
    unit = (g.get("unit") or g.get("unit2") or g.get("unit3") or "month").lower()
    part = (g.get("part") or g.get("part2") or g.get("part3") or "").lower()
    x = prev[0]
    if unit == "day":
        return prev[0], prev[1], "previous"
    if unit == "year":
        a, b = dt.date(x.year, 1, 1), dt.date(x.year, 12, 31)
    else:
        a, b = dt.date(x.year, x.month, 1), _month_end(x.year, x.month)
    if part == "later":
        a = max(a, x)
    elif part == "earlier":
        b = min(b, x - dt.timedelta(days=1))
    elif unit == "month" and part in ("early", "beginning of", "start of"):
        b = dt.date(x.year, x.month, 10)
    elif unit == "month" and part in ("late", "end of"):
        a = dt.date(x.year, x.month, 21)
    return a, max(a, b), "previous"


def _number(s: str | None) -> int:
    if not s:
        return 1
    s = s.lower()
    return int(s) if s.isdigit() else _NUMBERS.get(s, 1)


_ANY_DATE = re.compile(
    rf"(?P<m>{_MON})\s+(?P<d>\d{{1,2}})(?:,?\s+(?P<y>\d{{4}}))?"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MON})(?:,?\s+(?P<y2>\d{{4}}))?"
    r"|(?P<y3>20\d\d)-(?P<mm3>\d\d)-(?P<d3>\d\d)",
    re.IGNORECASE,
)


def parse_date_text(text: str, year_hint: int | None) -> dt.date | None:
    """A single date written in a dateline ("Oct 16", "16 October 2025")."""
    m = _ANY_DATE.search(text)
    if not m:
        return None
    if m.group("y3"):
        return _safe(int(m.group("y3")), int(m.group("mm3")), int(m.group("d3")))
    mon = _month(m.group("m") or m.group("m2"))
    d = int(m.group("d") or m.group("d2"))
    y = m.group("y") or m.group("y2")
    return _safe(int(y) if y else year_hint, mon, d)


# A photo credit closing a line: "(AFP)", "(AP Photo/Name)", "(Reuters/File)", "(File photo)".
_CREDIT = re.compile(
    r"[(\[]\s*(?:[^()\[\]]{0,40}[/:;,]\s*)?(?:AFP|AP|Reuters|EPA|Getty(?: Images)?|Xinhua|"
    r"Anadolu(?: Agency)?|(?:AP |AFP |Reuters |file |File |FILE )?[Pp]hoto|[Ff]ile|FILE|"
    r"[Ss]creen ?grab|[Hh]andout|[Cc]ourtesy)\b[^()\[\]]{0,40}[)\]]\s*\.?\s*$"
)
# ... or a wire photo's place and day closing it, with no "on" before the day: "People
# attend funeral prayers for the victims of a suicide bombing, in Bannu, Pakistan March
# 5, 2025." (the credit itself cut off)
_WIRE_CAPTION_END = re.compile(
    r",\s+(?:Pakistan|Afghanistan)\s*,?\s+(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\s+\d{1,2},\s+(?:19|20)\d\d\.?\s*$"
)
# ... or a wire's name after a dash closing it: "... in Chaman on April 22, 2025. — AFP",
# "... in Nangarhar, Afghanistan. – Reuters file", "... — AFP/File"
_DASH_CREDIT_END = re.compile(
    r"\s[-–—]\s*(?:Reuters|AFP|AP|EPA|Getty Images|Xinhua|Anadolu(?: Agency)?|APP|INP|PPI)"
    r"(?:\s*/?\s*(?:[Ff]ile|FILE|[Pp]hoto))?\s*\.?\s*$"
)
# ... or opening it: "Photo: ...", "File photo of ...", "FILE - ...".
_CREDIT_FIRST = re.compile(
    r"^\s*(?:(?:AFP |AP |Reuters |File |FILE )?(?:photo|PHOTO|Photo)\s*[:|-]|File photo\b|"
    r"FILE\s*[-–—:]|Representational (?:image|photo))"
)
_REPORTING = re.compile(
    r"\b(?:said|says|told|according to|quoted|reported|claimed|stated|added|announced)\b",
    re.IGNORECASE,
)


def is_caption(line: str) -> bool:
    """Whether ``line`` is a photo caption: it ends with a photo credit ("... on
    October 16, 2025 (AFP)", "(AP Photo/Name)") or opens with one ("File photo:
    ..."), and reports nobody's words.  A caption often shows an older event: its
    date must not become the date of the sentences after it, and it is no report
    of its own."""
    if _REPORTING.search(line):
        return False
    return bool(
        _CREDIT.search(line)
        or _CREDIT_FIRST.match(line)
        or _WIRE_CAPTION_END.search(line)
        or _DASH_CREDIT_END.search(line)
    )


# a file photo, or one of the aftermath (a funeral, mourners, a protest): the day it
# shows is not the event's
_FILE_PHOTO = re.compile(
    r"\bfile\b|\barchive\b|\brepresentational\b|\bfuneral|\bmourn|\bburi(?:al|ed)\b|"
    r"\bprotest|\brall(?:y|ies)\b|\bcondolence",
    re.IGNORECASE,
)


def _news_caption(line: str, article: dt.date | None) -> bool:
    """Whether a caption shows the article's news: it states a day, that day is the
    article's or the one before, and it is no file photo."""
    if article is None or _FILE_PHOTO.search(line):
        return False
    days = [d for d in find_dates(line, article) if d.first is not None and d.first == d.last]
    return bool(days) and all(0 <= (article - d.first).days <= 1 for d in days)  # type: ignore[operator]


class _Line(Protocol):
    text: str
    paragraph: int


_S = TypeVar("_S", bound=_Line)


#: A link to another story left in the text ("Read more: Four terrorists killed in
#: Balochistan", "Also read - ..."): another article's headline, no report of this one.
_LINK_LINE = re.compile(
    r"^\W*(?:read more|read also|also read|read|related|related stories|see also|recommended|"
    r"you may also like|more on this|also see|suggested)\s*(?::|-|–|—|\|)",
    re.IGNORECASE,
)


def without_captions(
    sents: Sequence[_S], article: dt.date | None = None
) -> Iterator[tuple[int, _S]]:
    """``enumerate(sents)`` without the sentences of caption lines (:func:`is_caption`
    on the whole paragraph) and of links to other stories ("Read more: ..."), numbers
    kept: a caption neither reports an event nor
    dates the sentences after it, unless it dates what it shows to the article's
    news (the day of the ``article`` date or the day before, and no file photo)."""
    lines: dict[int, list[str]] = {}
    for s in sents:
        lines.setdefault(s.paragraph, []).append(s.text)
    captions = {
        p
        for p, ts in lines.items()
        if (is_caption(" ".join(ts)) and not _news_caption(" ".join(ts), article))
        or _LINK_LINE.match(ts[0])
    }
    for i, s in enumerate(sents):
        if s.paragraph not in captions:
            yield i, s
