"""One clash told by both sides: two accounts, two places facing each other.

"Kabul said Pakistani forces attacked towards Spin Boldak district"; "Islamabad said
Afghan forces opened fire first near the Chaman border": each side names the place
on its own side of the line where the other one started the fire.  Two rows of
opposite agents, on the same days, at places on either side of the line a few
kilometres apart, one of them told with a claim of who fired first or who is to
blame, are one exchange of fire told twice: the account with more counts (else the
finer place) stays, with both armies and no initiator
(:func:`incidents._extract_mutual.mark_mutual`), and the other becomes its evidence.
So is one army's fire and the other's "returned fire" at facing places.  A reply
told as such ("in response, Pakistani forces shelled X") is an event of its own and
is not folded.
"""

from __future__ import annotations

import math
import re

from geo.sphere import point_km
from incidents._extract_counts import total
from incidents._extract_events import _Candidate
from incidents._extract_lex import AF_MIL, PK_MIL
from incidents._extract_mutual import mark_mutual

__all__ = ["fold_two_accounts"]

#: How far apart the two places may be (facing border towns: Chaman and Spin Boldak
#: are 12 km apart, Torkham's two sides 1 km).
FACING_KM = 40.0
#: How many sentences apart the two accounts may be told.
NEAR_SENTENCES = 3

_FIGHT = frozenset({"armed_clash", "attack", "shelling"})
# who started it, disputed: "opened fire first", "each side blamed the other"
_DISPUTE = re.compile(
    r"\b(?:fired first|opened fire first|first opened fire|fired the first shot|"
    r"started the (?:fighting|firing|clash(?:es)?|exchange)|blam\w+ (?:each other|one another|"
    r"the other)|accus\w+ (?:each other|one another|the other)|each side|rejected the claim|"
    r"denied the claim|unprovoked|originated from|by contrast|returned (?:the )?fire)\b",
    re.IGNORECASE,
)
# an answer told as such is an event of its own
_REPLY = re.compile(
    r"\b(?:in response|in retaliation|retaliat\w+|responded with|hit back|struck back)\b",
    re.IGNORECASE,
)


def _facing(a: _Candidate, b: _Candidate) -> bool:
    ma, mb = a.place.match, b.place.match
    if a.place.role == "frontier" or b.place.role == "frontier":
        return False
    if not (ma.country and mb.country) or ma.country == mb.country:
        return False
    if any(math.isnan(v) for v in (ma.lat, ma.lon, mb.lat, mb.lon)):
        return False
    return point_km(ma.lat, ma.lon, mb.lat, mb.lon) <= FACING_KM


def _opposite(a: _Candidate, b: _Candidate) -> bool:
    """Two agents of the two armies, or one army told as firing back ("troops returned
    fire near X") at the other's fire told before."""
    sides = {PK_MIL, AF_MIL}
    if a.actor1 in sides and b.actor1 in sides and a.actor1 != b.actor1:
        return True
    return bool({a.actor1, b.actor1} & sides) and bool(_RETURNED.search(b.evidence))


_RETURNED = re.compile(r"\breturn(?:ed|ing)?\s+(?:the\s+)?fire\b", re.IGNORECASE)


def _same_days(a: _Candidate, b: _Candidate) -> bool:
    if a.first is None or b.first is None:
        return False
    return a.first <= (b.last or b.first) and b.first <= (a.last or a.first)


def _radius(c: _Candidate) -> float:
    r = c.place.match.uncertainty_km
    return math.inf if r is None or math.isnan(r) else r


def _tolls_differ(a: _Candidate, b: _Candidate) -> bool:
    x, y = total(a.counts, "killed"), total(b.counts, "killed")
    return x is not None and y is not None and x != y


def fold_two_accounts(cands: list[_Candidate]) -> list[_Candidate]:
    """Rows of one exchange of fire told by each side at its own side's place, folded
    into the first (see the module docstring); a new list."""
    gone: set[int] = set()
    fights = [c for c in cands if c.kind in _FIGHT]
    for i, a in enumerate(fights):
        if id(a) in gone:
            continue
        for b in fights[i + 1 :]:
            if (
                id(b) in gone
                or b.sentence == a.sentence
                or abs(b.sentence - a.sentence) > NEAR_SENTENCES
                or not (_DISPUTE.search(a.evidence) or _DISPUTE.search(b.evidence))
                or _REPLY.search(b.evidence)
                or not _opposite(a, b)
                or not _same_days(a, b)
                or not _facing(a, b)
                or _tolls_differ(a, b)
            ):
                continue
            # the account with more counts stays, else the finer place ("keep the
            # finest place")
            host = min((a, b), key=lambda r: (-len(r.counts), _radius(r)))
            other = b if host is a else a
            gone.add(id(other))
            host.merged += 1
            host.notes.append(
                f"the other side's account in sentence {other.sentence} "
                f"({other.place.text!r}): one exchange of fire"
            )
            host.counts = host.counts or other.counts
            mark_mutual(host, [a.actor1 or "", b.actor1 or ""])
            break
    return [c for c in cands if id(c) not in gone]
