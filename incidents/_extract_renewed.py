"""Renewed fighting at a place told before: a new incident.

"Afghan and Pakistani forces clashed in Chaman on Sunday. Fighting resumed there on
Tuesday": the second sentence names no place of its own (only "there", "in the
district", "at the crossing"), so it made no incident, yet it reports a second
clash on another day.  :func:`renewed` makes that incident: the place of the
latest violent incident of the sentences just before, the kind the sentence says
("shelling resumed" is shelling), the date the sentence gives; only when that date
is day-precise and does not overlap the earlier incident's (else it is the same
fighting told again).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from incidents._extract_counts import Count
from incidents._extract_events import _Candidate
from incidents._extract_lex import VIOLENT

__all__ = ["renewed"]

_FIGHT = r"(?:fighting|clashes|hostilities|firing|skirmishes|gunfire|shelling|exchanges? of fire)"
_RENEWED = re.compile(
    rf"\b{_FIGHT}\s+(?:\w+\s+)?(?:resumed|re-?erupted|restarted|flared (?:up )?again|"
    rf"(?:broke out|erupted|started|began|flared up) (?:once )?again)\b"
    rf"|\b(?:renewed|fresh|new)\s+(?:\w+\s+)?{_FIGHT}\s+(?:\w+\s+)?"
    rf"(?:erupted|broke out|took place|was reported|were reported|began|flared)\b"
    rf"|\b(?:resumed|renewed) (?:the )?{_FIGHT}\b",
    re.IGNORECASE,
)
# the place told before, by a pro-form
_ANAPHOR = re.compile(
    r"\bthere\b|\b(?:in|at|near|around|across) the (?:same )?(?:district|area|town|city|region|"
    r"sector|valley|province|village|crossing|border crossing|post|checkpoint|gate|border town)"
    r"\b(?![- ]\w*\s*(?:of|in)\b)",
    re.IGNORECASE,
)
_LOOKBACK = 3  # sentences


def renewed(
    cands: list[_Candidate],
    i: int,
    t: str,
    dated: tuple[dt.date, dt.date, str] | None,
    counts: list[Count] | None = None,
) -> list[_Candidate]:
    """The incident sentence ``i`` (text ``t``, date ``dated``, casualty ``counts``)
    reports when it says fighting resumed at a place told before; [] when it does
    not."""
    if dated is None or (dated[1] - dated[0]).days > 1:
        return []
    m = _RENEWED.search(t)
    if m is None or not _ANAPHOR.search(t):
        return []
    prev = None
    for c in reversed(cands):
        if c.sentence < i - _LOOKBACK:
            break
        if c.kind in VIOLENT and c.sentence < i and c.place.role == "place":
            prev = c
            break
    if prev is None or prev.first is None:
        return []
    last = prev.last or prev.first
    if dated[0] <= last and prev.first <= dated[1]:
        return []  # the same days: the same fighting told again
    kind = "shelling" if re.search(r"shelling", m.group(0), re.I) else "armed_clash"
    return [
        dataclasses.replace(
            prev,
            sentence=i,
            span=(m.start(), m.end()),
            evidence=t,
            kind=kind,
            first=dated[0],
            last=dated[1],
            date_how="relative",
            date_text=dated[2],
            date_rel="article",
            fatalities=None,
            injuries=None,
            counts=list(counts or []),
            notes=[f"renewed fighting at the place of sentence {prev.sentence}: {m.group(0)!r}"],
            flags=[],
            merged=0,
            features={},
            old=False,
            given=False,
        )
    ]
