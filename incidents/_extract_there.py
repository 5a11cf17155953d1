"""A second event of one sentence placed by the place of its first.

(1) A coordinated clause placed by "there".

"Taliban forces on Sunday closed the Torkham crossing and on Monday traded fire
with Pakistani guards there": the sentence names one place, which goes to the
closure; the exchange of fire, told in a clause joined by "and", is placed only by
the pro-form "there" (or "at the crossing").  :func:`there_too` makes that second
incident: the place of the sentence's one placed incident, the kind of the second
clause's event word, the date that clause states (else the first one's).

(2) The fighting a closure is blamed on.  "The closure of the Torkham crossing due
to clashes between their security forces": the clashes name no place of their own;
they were at the crossing they closed (:func:`cause_at_crossing`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from incidents._extract_anaphora import crossing_match
from incidents._extract_dates import DateSpan, find_dates
from incidents._extract_dates_more import _WDAY
from incidents._extract_events import _PURPOSE, _Candidate, _events_of, not_happened
from incidents._extract_lex import Trigger, is_diplomatic, triggers_in
from incidents._extract_lex_more import MONTH
from incidents._extract_phrasing_h import ENDED_CLOSURE

__all__ = ["cause_at_crossing", "there_too"]

# "... and on Monday traded fire ...": a clause joined by "and" (a comma may precede)
_AND = re.compile(r",?\s+and\s+(?:then\s+|later\s+|also\s+)?", re.IGNORECASE)
# the pro-form that places the second clause's event where the first one was
_THERE = re.compile(
    r"\bthere\b|\b(?:at|near|on) the (?:same )?(?:crossing|border crossing|post|checkpost|"
    r"gate|border point)\b",
    re.IGNORECASE,
)
_BREAK = re.compile(r"[;:()]|\b(?:but|while|whereas|which|who|after|before|since)\b", re.I)
# a speech verb: the date after it is the day of the telling ("..., officials said on Tuesday")
_SAID = re.compile(
    r",?\s+(?:\w+\s+){0,3}?(?:said|says|told|reported|confirmed|added|stated)\b", re.I
)


def there_too(
    new: list[_Candidate], t: str, ref: dt.date | None, year_hint: int | None = None
) -> list[_Candidate]:
    """The incident a clause of sentence ``t`` joined by "and" reports at "there":
    [] unless the sentence made exactly one placed incident (``new``) and a violent
    event word of another kind comes after that incident's place, after "and",
    followed in its clause by :data:`_THERE`."""
    if len(new) != 1 or new[0].place is None or new[0].place.role != "place":
        return []
    if not _THERE.search(t) or not _AND.search(t):
        return []  # (the cheap test first: most sentences have no "there")
    c = new[0]
    spans = find_dates(t, ref, year_hint=year_hint)
    # (not a denied, feared or planned one: "... and denied any clashes there")
    raw = [x for x in triggers_in(t) if not (x.violent and is_diplomatic(t, x))]
    for x in _events_of(t, raw, spans, ref):
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
        # the clause's own date: from "and" to its break, not a later "officials said
        # on Tuesday" (the day it was told)
        start = c.place.end + joint[-1].end()
        end = x.end + (cut.start() if cut else len(rest))
        said = _SAID.search(t, start, end)
        end = said.start() if said else end
        own = [d for d in spans if d.first is not None and start <= d.start < end]
        note = f"{x.text!r} placed by {there.group(0)!r}: the place of {c.kind}"
        return [_second(c, x, own[0] if own else None, note)]
    return []


# "closed ... due to / after / following clashes between ...": the fighting a closure
# is blamed on, told for the first time ("due to the fighting" refers back to fighting
# told with its own place)
_BECAUSE = (
    r"\b(?:due to|because of|after|following|in the wake of|triggered by|prompted by|"
    r"sparked by)"
)
_CAUSE = re.compile(
    # ("after a clash between ...", "following an armed clash": one told for the first
    # time; not "the clash", told before)
    _BECAUSE + r"\s+(?:an?\s+)?(?:(?:deadly|fierce|heavy|armed|border|overnight|cross-border|"
    r"fresh|brief|intense)\s+){0,2}$",
    re.IGNORECASE,
)
_CAUSE_WORD = re.compile(_BECAUSE + r"\b", re.IGNORECASE)
_FIGHTING = frozenset({"armed_clash", "shelling"})
# a day or month after "on"/"in" dates the clash, it does not place it
_WHEN = rf"(?:{_WDAY}|{MONTH})\b"
_ELSEWHERE = re.compile(
    r"\b(?:in|at|near|along|across|on|inside|into)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}?"
    r"(?:(?!" + _WHEN + r")[A-Z]|(?:[\w'’-]+\s+){0,3}?(?:border|frontier|Durand Line)\b)"
)
# a clash still to come: "would reopen after clashes subside", "closed to avert clashes"
_TO_COME = re.compile(r"\b(?:will|would|could|might|may|shall|until|unless|if)\b", re.I)
_ENDS_AFTER = re.compile(r"\s+(?:subside|end|stop|cease|ease|die down|abate)\w*\b", re.I)


def cause_at_crossing(
    new: list[_Candidate], t: str, ref: dt.date | None, year_hint: int | None = None
) -> list[_Candidate]:
    """The clash that sentence ``t`` gives as the cause of the one closure it places at
    a crossing (``new``): "The closure of the Torkham crossing due to clashes between
    their security forces" tells a clash at Torkham.  [] unless the clash word follows
    :data:`_CAUSE` after the crossing's name and its clause names no place of its own
    (:data:`_ELSEWHERE`); dated by its clause, else over the days up to the closure."""
    if len(new) != 1 or new[0].kind != "border_closure" or new[0].place is None:
        return []
    c = new[0]
    if c.place.role != "place" or not crossing_match(c.place.match):
        return []
    if ENDED_CLOSURE.search(t):
        return []  # "Torkham, shut for nine days due to clashes, reopened": an old clash
    if not _CAUSE_WORD.search(t):
        return []
    for x in triggers_in(t):
        if x.kind not in _FIGHTING or x.weak or x.start < c.place.end:
            continue
        before = t[max(0, x.start - 60) : x.start]
        if not _CAUSE.search(before) or is_diplomatic(t, x):
            continue
        if _TO_COME.search(t, c.place.end, x.start) or _ENDS_AFTER.match(t, x.end):
            continue  # "would reopen after clashes subside", "to avert clashes"
        rest = t[x.end : x.end + 90]
        if _PURPOSE.search(before) or not_happened(x, before, rest[:60], ref):
            continue
        cuts = [m.start() for m in (_BREAK.search(rest), re.search(r"[,.]", rest)) if m]
        clause = rest[: min(cuts)] if cuts else rest
        if _ELSEWHERE.search(clause):
            return []  # "after clashes in Kurram", "... along the border": its own place
        spans = [
            d
            for d in find_dates(t, ref, year_hint=year_hint)
            if x.end <= d.start < x.end + len(clause) and d.first is not None
        ]
        if spans and c.first is not None and spans[0].first > (c.last or c.first):
            return []
        note = f"{x.text!r}, the cause of the closure, at its crossing"
        return [_second(c, x, spans[0] if spans else None, note)]
    return []


def _second(c: _Candidate, x: Trigger, day: DateSpan | None, note: str) -> _Candidate:
    """The incident of event word ``x`` at the place of candidate ``c``: dated by
    ``day`` (its own clause's date) when given, else by ``c``; no counts of its own."""
    new = dataclasses.replace(
        c,
        span=(x.start, x.end),
        kind=x.kind,
        fatalities=None,
        injuries=None,
        counts=[],
        notes=[note],
        flags=list(c.flags),
        merged=0,
        features={},
        closure_state=False,
    )
    if day is not None:
        new.first, new.last, new.date_text = day.first, day.last or day.first, day.text
        new.date_how = "absolute" if day.relative_to is None else "relative"
        new.date_rel = day.relative_to
        new.flags = [f for f in c.flags if f != "date_not_stated"]
    return new
