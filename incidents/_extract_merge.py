"""Folding repeats and restatements of one incident into one row."""

from __future__ import annotations

from incidents._extract_events import _Candidate
from incidents._extract_lex import VIOLENT
from incidents._extract_places import _place_key

# -- merging and the table ---------------------------------------------------------------


def _overlap(a: _Candidate, b: _Candidate) -> bool:
    if a.first is None or b.first is None:
        return True
    return a.first <= (b.last or b.first) and b.first <= (a.last or a.first)


def _same_place(a: _Candidate, b: _Candidate) -> bool:
    if _place_key(a.place) == _place_key(b.place):
        return True
    # "UNAMA said 10 were killed in Khost": a casualty summary of an incident in that province.
    if b.kind == "killing" and a.kind in VIOLENT and b.place.role != "frontier":
        ma, mb = a.place.match, b.place.match
        return bool(ma.admin1 and ma.admin1 == mb.admin1 and mb.precision and mb.precision >= 1)
    return False


def _merge(cands: list[_Candidate]) -> list[_Candidate]:
    """Fold repeats into the first report; hosts are indexed by (class, place) and
    (class, province) so the pass stays linear in the number of candidates."""
    out: list[_Candidate] = []
    by_place: dict[tuple, list[_Candidate]] = {}
    by_admin1: dict[tuple, list[_Candidate]] = {}
    for c in cands:
        cls = "violent" if c.kind in VIOLENT else c.kind
        pool = list(by_place.get((cls, _place_key(c.place)), ()))
        if c.kind == "killing" and c.place.role != "frontier" and c.place.match.admin1:
            pool += by_admin1.get((cls, c.place.match.admin1), [])
        host = next((o for o in pool if _same_place(o, c) and _overlap(o, c)), None)
        if host is None:
            out.append(c)
            by_place.setdefault((cls, _place_key(c.place)), []).append(c)
            if c.place.role != "frontier" and c.place.match.admin1:
                by_admin1.setdefault((cls, c.place.match.admin1), []).append(c)
            continue
        host.merged += 1
        host.notes.append(f"also reported in sentence {c.sentence}")
        if host.fatalities is None and c.fatalities is not None:
            host.fatalities = c.fatalities
        elif c.fatalities is not None and host.fatalities is not None:
            host.fatalities = max(host.fatalities, c.fatalities)
        if host.date_how in ("not stated", "inherited") and c.date_how in ("absolute", "relative"):
            host.first, host.last, host.date_how = c.first, c.last, c.date_how
            host.flags = [f for f in host.flags if f != "date_not_stated"]
        host.actor1 = host.actor1 or c.actor1
        host.actor2 = host.actor2 or c.actor2
        host.confidence = round(min(host.confidence + 0.05, 0.95), 2)
    return out
