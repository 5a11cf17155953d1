"""The period a review article is about.

A monthly security review ("Militant attacks rose in June: report", "deaths surged
in February 2025") tells what happened over a month; the events it lists without
a date of their own ("four operations took place in Bannu and Lakki Marwat") are of
that month, not of the days before the article.  :func:`review_period` finds that
month in the article's lead; :func:`date_by_period` gives it to undated rows.

A year's review ("2024 saw a re-emergence of deadly clashes in Parachinar", written
in its last weeks or soon after) tells the year's incidents one by one with their
days ("On January 7, gunmen opened fire on ..."): those are its content, not history
recalled beside newer news.  :func:`review_year` finds that year in the lead.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from incidents._extract_dates import find_dates
from incidents._extract_lex import no_violent_word

if TYPE_CHECKING:
    from incidents._extract_events import _Candidate

__all__ = ["date_by_period", "review_period", "review_year"]

#: Words of a review's tally that name no violence by themselves.
_TOLL_WORD = re.compile(
    r"\b(?:deaths|fatalities|casualties|terrorism\S*|militancy|insurgency|security "
    r"(?:situation|incidents|report|review))\b",
    re.IGNORECASE,
)
_MONTH_NAME = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
)
#: The lead read for the period: the headline and the first sentence.
LEAD_SENTENCES = 2
#: A review comes out within this many days after the month it covers.
REVIEW_LAG_DAYS = 45


def review_period(
    lead: Sequence[str], ref: dt.date | None, *, year_hint: int | None = None
) -> tuple[dt.date, dt.date, str] | None:
    """(first, last, text) of the calendar month the lead names first, by its name,
    with violence and no day ("attacks expanded to nine districts in June"), over
    before the article and at most :data:`REVIEW_LAG_DAYS` before it; else None."""
    if ref is None or not any(_MONTH_NAME.search(t) for t in lead[:LEAD_SENTENCES]):
        return None  # (the cheap test first: a month is named by its name)
    spans = [
        (t, d)
        for t in lead[:LEAD_SENTENCES]
        for d in find_dates(t, ref, year_hint=year_hint)
        if d.first is not None and d.last is not None
    ]
    if not spans or any(d.last - d.first <= dt.timedelta(days=2) for _, d in spans):
        return None  # (a day: the lead is an event's)
    t, d = spans[0]
    assert d.first is not None and d.last is not None
    whole = d.first.day == 1 and (d.last + dt.timedelta(days=1)).day == 1
    if (
        not whole
        or d.first.month != d.last.month
        or d.relative_to is not None  # ("last month": told beside the news, not its frame)
        # ("trade fell in September": no review of violence)
        or (no_violent_word(t) and not _TOLL_WORD.search(t))
        or not 0 < (ref - d.last).days <= REVIEW_LAG_DAYS
    ):
        return None
    return d.first, d.last, d.text


#: A bare year in the lead ("2024 saw ...", "2024 became one of the deadliest years").
_BARE_YEAR = re.compile(r"(?<![\w/.,-])(20\d\d)(?![\w/%-])(?!\s*[-–]\s*\d)")
#: A year's review is written from this month of the year on (or soon after it).
REVIEW_YEAR_FROM_MONTH = 11


def review_year(lead: Sequence[str], ref: dt.date | None) -> tuple[dt.date, dt.date, str] | None:
    """(first, last, text) of the calendar year the lead names by itself, with
    violence or a toll ("2024 saw a re-emergence of deadly sectarian clashes"), when
    the article is written in its last two months or at most
    :data:`REVIEW_LAG_DAYS` after it; else None (a day in the lead: an event's)."""
    if ref is None:
        return None
    for t in lead[:LEAD_SENTENCES]:
        m = _BARE_YEAR.search(t)
        if m is None or (no_violent_word(t) and not _TOLL_WORD.search(t)):
            continue
        if any(
            d.first is not None and d.last is not None and d.last - d.first <= dt.timedelta(days=2)
            for d in find_dates(t, ref)
        ):
            return None
        year = int(m.group(1))
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        soon = 0 <= (ref - last).days <= REVIEW_LAG_DAYS
        if soon or (ref.year == year and ref.month >= REVIEW_YEAR_FROM_MONTH):
            return first, last, m.group(1)
        return None
    return None


def date_by_period(
    cands: Sequence[_Candidate], period: tuple[dt.date, dt.date, str] | None
) -> None:
    """Rows whose date is not stated take the review's month (in place)."""
    if period is None:
        return
    first, last, text = period
    for c in cands:
        if c.date_how != "not stated":
            continue
        c.first, c.last, c.date_text = first, last, text
        c.date_how = "inherited"
        c.flags = [f for f in c.flags if f != "date_not_stated"]
        c.notes = [n for n in c.notes if not n.startswith("no date stated")]
        c.notes.append(f"date of the month the article reviews ({text!r})")
