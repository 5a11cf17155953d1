"""A second event of one sentence placed by "there": a coordinated clause.

"Taliban forces on Sunday closed the Torkham crossing and on Monday traded fire
with Pakistani guards there": the sentence names one place, which goes to the
closure; the exchange of fire, told in a clause joined by "and", is placed only by
the pro-form "there" (or "at the crossing").  :func:`there_too` makes that second
incident: the place of the sentence's one placed incident, the kind of the second
clause's event word, the date that clause states (else the first one's).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from incidents._extract_dates import find_dates
from incidents._extract_events import _Candidate
from incidents._extract_lex import triggers_in

__all__ = ["there_too"]

# "... and on Monday traded fire ...": a clause joined by "and" (a comma may precede)
_AND = re.compile(r",?\s+and\s+(?:then\s+|later\s+|also\s+)?", re.IGNORECASE)
# the pro-form that places the second clause's event where the first one was
_THERE = re.compile(
    r"\bthere\b|\b(?:at|near|on) the (?:same )?(?:crossing|border crossing|post|checkpost|"
    r"gate|border point)\b",
    re.IGNORECASE,
)
_BREAK = re.compile(r"[;:()]|\b(?:but|while|whereas|which|who|after|before|since)\b", re.I)


def there_too(
    new: list[_Candidate], t: str, ref: dt.date | None, year_hint: int | None = None
) -> list[_Candidate]:
    """The incident a clause of sentence ``t`` joined by "and" reports at "there":
    [] unless the sentence made exactly one placed incident (``new``) and a violent
    event word of another kind comes after that incident's place, after "and",
    followed in its clause by :data:`_THERE`."""
    if len(new) != 1 or new[0].place is None or new[0].place.role != "place":
        return []
    c = new[0]
    for x in triggers_in(t):
        if not x.violent or x.weak or x.kind == c.kind or x.start < c.place.end:
            continue
        between = t[c.place.end : x.start]
        joint = list(_AND.finditer(between))
        if not joint or _BREAK.search(between[joint[-1].start() :]):
            continue
        rest = t[x.end : x.end + 80]
        cut = _BREAK.search(rest)
        there = _THERE.search(rest[: cut.start()] if cut else rest)
        if there is None:
            continue
        clause = (c.place.end + joint[-1].end(), x.start)
        spans = [
            d
            for d in find_dates(t, ref, year_hint=year_hint)
            if d.first is not None and clause[0] <= d.start < clause[1] + 80
        ]
        first, last, text = (
            (spans[0].first, spans[0].last or spans[0].first, spans[0].text)
            if spans
            else (c.first, c.last, c.date_text)
        )
        return [
            dataclasses.replace(
                c,
                span=(x.start, x.end),
                kind=x.kind,
                first=first,
                last=last,
                date_text=text,
                date_how=(
                    ("absolute" if spans[0].relative_to is None else "relative")
                    if spans
                    else c.date_how
                ),
                date_rel=spans[0].relative_to if spans else c.date_rel,
                fatalities=None,
                injuries=None,
                counts=[],
                notes=[f"{x.text!r} placed by {there.group(0)!r}: the place of {c.kind}"],
                flags=[f for f in c.flags if f != "date_not_stated"] if spans else list(c.flags),
                merged=0,
                features={},
            )
        ]
    return []
