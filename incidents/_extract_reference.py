"""A frontier-wide row placed by a later reference to its event.

"... lodged a protest over a deadly suicide attack earlier this week that killed 11
soldiers near the Afghan border. / ... handed a protest following Monday's attack
in the northwestern Bajaur district": the first sentence tells the event with only
a frontier phrase; the next names it again by reference ("Monday's attack", "the
attack") with its district.  :func:`place_by_reference` places the frontier-wide
row there, keeping its evidence and counts.
"""

from __future__ import annotations

import datetime as dt
import re

from incidents._extract_dates import find_dates
from incidents._extract_events import _Candidate
from incidents._extract_lex import VIOLENT, triggers_in
from incidents._extract_places import _places
from incidents.geocode import Geocoder

__all__ = ["place_by_reference"]

_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)['’]s"
# "Monday's attack in", "the suicide bombing at", "that deadly strike on": a definite
# reference to an event told before, with the place it happened at right after it
_NOUN_AT = r"(?:attack|bombing|blast|assault|ambush|strike|explosion)s?\s+(?:in|at|on)"
_REFERENCE = re.compile(
    rf"\b(?:the|this|that|{_DAY}|last week['’]s|the (?:recent|latest|deadly))\s+"
    r"(?:(?:deadly|suicide|terrorist|terror|militant|bomb|twin|cowardly|recent)\s+){0,2}"
    + _NOUN_AT
    + r"\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$",
    re.IGNORECASE,
)
# not a reference to this event: "compared it to the bombing in Quetta", "worse than
# the attack in X", "since the attack in X"
_OTHER_EVENT = re.compile(
    r"\b(?:compar\w*(?:\s+\w+)?\s+(?:to|with)|than|like|unlike|similar\s+to|since|"
    r"after|before|recalled|reminiscent\s+of|echo\w*)\s+$",
    re.IGNORECASE,
)
_REFERENCE_WORD = re.compile(rf"\b{_NOUN_AT}\b", re.IGNORECASE)
_LOOKBACK = 2  # sentences


def place_by_reference(
    cands: list[_Candidate],
    i: int,
    t: str,
    gc: Geocoder,
    dated: tuple[dt.date, dt.date, str] | None = None,
    ref: dt.date | None = None,
) -> None:
    """Place the latest frontier-wide violent row of the two sentences before
    sentence ``i`` (text ``t``, date ``dated``; ``ref`` the article date) at the one
    place ``t`` names right after a definite reference to an attack (in place); a
    "killing" row takes the kind the reference names, and a window the day it names.
    Nothing changes when the sentence's date does not meet the row's, or when it
    names several such places."""
    row = None
    for c in reversed(cands):
        if c.sentence < i - _LOOKBACK:
            break
        if c.sentence < i and c.kind in VIOLENT and c.place.role == "frontier":
            row = c
            break
    if row is None or not _REFERENCE_WORD.search(t):
        return  # (the cheap test before reading the sentence's places)
    sites = []  # (place, where its reference starts)
    for p in _places(t, gc):
        if p.role != "place" or p.match.method not in ("gazetteer", "crossing", "admin2"):
            continue
        m = _REFERENCE.search(t[max(0, p.start - 80) : p.start])
        if m is None:
            continue
        at = max(0, p.start - 80) + m.start()
        if _OTHER_EVENT.search(t[max(0, at - 40) : at]):
            continue  # a comparison or an earlier event, not this one told again
        sites.append((p, at))
    if len(sites) != 1:
        return
    if (
        dated is not None
        and row.first is not None
        and not (dated[0] <= (row.last or row.first) and row.first <= dated[1])
    ):
        return  # another day's attack
    p, a = sites[0]
    row.notes.append(f"placed at {p.label!r}, named again by reference in sentence {i}")
    row.notes.extend(p.notes)
    row.place = p
    row.flags = [f for f in row.flags if f != "frontier_wide"]
    b = p.start
    words = [x for x in triggers_in(t) if a <= x.start < b and x.violent]
    if row.kind == "killing" and words:
        # ("a deadly attack that killed 11 ...": the deaths told, the attack named now)
        row.kind = words[-1].kind
        row.notes.append(f"kind {row.kind} from {words[-1].text!r}")
    if row.first is None or ref is None:
        return
    for d in find_dates(t, ref):
        if a <= d.start < b and d.first is not None and d.first == d.last:
            if row.first <= d.first <= (row.last or row.first):
                row.first = row.last = d.first  # "Monday's attack": one day of the window
                row.notes.append(f"day {d.text!r} of the reference")
            break
