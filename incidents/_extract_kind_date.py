"""An undated strategic event takes the date its kind was told with before.

"Key border crossings were closed on October 12 after clashes overnight ... /
Afghan forces attacked posts on the night of October 11 ... / Officials said the
crossings at Torkham and Chaman were closed.": the third sentence names the
crossings of the closure the first one dated; the date of the sentence right
before it is the clash's.  A closure, ceasefire or talks told without a date of
its own, which would inherit the date of the sentence before (or the article's
days), takes instead the day of the nearest of the :data:`REACH` sentences before
it that told the same kind with a day (placed or not).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from incidents._extract_dates import find_dates
from incidents._extract_lex import triggers_in

__all__ = ["STRATEGIC_KINDS", "kind_date"]

#: Kinds whose undated mentions name the one decision told before.
STRATEGIC_KINDS = frozenset({"border_closure", "ceasefire", "talks"})
#: How many sentences back the dated mention may be.
REACH = 4


def kind_date(
    texts: Sequence[str],
    before: Sequence[int],
    kind: str,
    ref: dt.date | None,
    *,
    year_hint: int | None = None,
) -> tuple[dt.date, dt.date, str, int] | None:
    """(first, last, date text, sentence number) of the nearest of the sentences
    ``before`` (numbers into ``texts``, in article order, the last :data:`REACH`
    read) holding a trigger of ``kind`` and a day-precise date no later than
    ``ref`` (the one nearest that trigger), or None."""
    if kind not in STRATEGIC_KINDS:
        return None
    for j in reversed(before[-REACH:]):
        t = texts[j]
        xs = [x for x in triggers_in(t) if x.kind == kind]
        if not xs:
            continue
        spans = [
            d
            for d in find_dates(t, ref, year_hint=year_hint)
            if d.first is not None
            and d.last is not None
            and not d.future
            and (d.last - d.first).days <= 2
            and (ref is None or d.first <= ref)
        ]
        if not spans:
            continue
        # the day told nearest to the kind's word ("were closed Oct. 12 after clashes
        # erupted overnight": October 12)
        d = min(spans, key=lambda d: min(abs(d.start - x.end) for x in xs))
        return d.first, d.last, d.text, j  # type: ignore[return-value]
    return None
