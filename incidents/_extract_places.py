"""Place mentions of one sentence and their roles (rules of :mod:`incidents.extract`).

A name found in the gazetteer is the *site* of an event only in a place context
(after "in/at/near/struck/...", before "district/crossing/..."); otherwise it is
a seat of government ("the Taliban administration in Kabul said", "Kabul
denies"), a venue ("talks in Doha", "a visit to Kabul"), an origin ("poured in
from Kunar", "fired from Afghanistan"), a dateline, history ("since the 2021
takeover of Kabul"), an actor ("Pakistani") or a person's name, and makes no
incident.  A province or district in the same phrase ("X district of Y
province", "X, Y", "Y's X") is a hard hint: X is resolved inside it, and when X
cannot be placed there the row falls back to the unit, keeping X's text.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field

from incidents.geocode import Geocoder, Match

FRONTIER_NAME = "Afghanistan-Pakistan frontier (whole border)"

_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|outside|inside|into|on|across|toward|towards|around|of|to|within|"
    r"struck|hit|bombed|shelled|targeted|pounded|attacked|raided|stormed|reached|"
    r"closed|reopened|shut|sealed|crossing at|crossings at)\s+(?:the\s+)?"
    r"(?:(?:border\s+|frontier\s+|northwestern\s+|eastern\s+|southern\s+|southeastern\s+|"
    r"northern\s+|western\s+|remote\s+|restive\s+|tribal\s+)?"
    r"(?:town|city|village|district|province|region|area|crossing|valley|capital)\s+of\s+)?"
    r"(?:(?:Afghan|Pakistani)\s+(?:border\s+)?(?:town|city|village|district|province|"
    r"region|crossing)\s+of\s+)?(?:(?:Afghanistan|Pakistan)(?:'s|’s)\s+)?"
    r"(?:the\s+)?(?:[A-Z]\w+(?:'s|’s)\s+)?)$"
)
_PLACE_NOUN = re.compile(
    r"^(?:'s|’s)?\s*(?:border\s+)?(?P<q>districts?|provinces?|crossings?|border crossings?|"
    r"villages?|towns?|city|area|region|valley|tehsil|agency|sector|post|airport|bazaar|market)"
    r"\b",
    re.IGNORECASE,
)
_QUAL_WORD = {
    "district": "district",
    "districts": "district",
    "province": "province",
    "provinces": "province",
    "crossing": "crossing",
    "crossings": "crossing",
    "border crossing": "crossing",
    "border crossings": "crossing",
    "village": "village",
    "villages": "village",
    "town": "town",
    "towns": "town",
    "city": "city",
    "area": "area",
    "tehsil": "tehsil",
    "agency": "district",
}
_VENUE = re.compile(
    r"\b(?:speaking|spoke|told (?:reporters|journalists|a news conference|a press conference|"
    r"parliament|lawmakers)|said|says|announced|briefing|news conference|press conference|"
    r"statement|addressing|address|visit to|visiting|visited|based|embassy|ministry|office|"
    r"offices|official|government|authorities|headquartered|flew|returned|arrived|"
    r"travelled|traveled|summoned|rally|officials|spokesman|leaders?|rulers|regime)"
    r"\s+(?:\w+\s+){0,2}?(?:in|at|to|from)\s+(?:the\s+)?$"
    r"|\b(?:from|opposite|across from|facing|bordering|towards?|capital)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"\b(?:said|says|told \w+|announced|reported|confirmed|added|stated|claimed)\s+$"
)
_GOV_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(?:Taliban\s+|military\s+)?(?:government|administration|authorities|regime|"
    r"rulers|foreign office|foreign ministry|defence ministry|defense ministry|interior ministry|"
    r"ministry|embassy|consulate|foreign minister|defence minister|defense minister|"
    r"(?:has|had|have|did|does|said|says|accused|blamed|denied|rejected|warned|claimed|"
    r"confirmed|insisted|demanded|urged|called|summoned|wants|responded|retaliated|vowed)"
    r"|ceasefire|cease-fire|truce|talks|agreement|accord|process|deal|declaration|format)\b"
)
_ACTOR_BEFORE = re.compile(
    r"\b(?:accused|blamed|urged|warned|told|asked|against)\s+$",
    re.IGNORECASE,
)
_NOT_PLACE = frozenset(
    "taliban ttp mujahid khan wali gul sharif amir hafiz mullah noor lashkar khawaja dar asif "
    "munir islamic emirate china india iran durand frontier corps jamaat tehreek tehrik united "
    "nations reuters police army islam mehsud haqqani shahbaz ishaq muttaqi yaqoob zabihullah "
    "bahadur qatar turkey saudi arabia minister president general commander".split()
)
_FUNCTION = frozenset(
    "in at on the a an of near to from into and or but after before as by with for when while "
    "since during across inside outside along around over under between against".split()
)
_PLACE_NOUNS_CAP = frozenset(
    "district province crossing border city town village valley agency airport region "
    "sector pass".split()
)
_COORD = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s*&\s*|\s+or\s+)$")
_CTX_GAP = re.compile(
    r"^(?:'s|’s)?[\s,]*(?:(?:districts?|provinces?|crossings?|border crossings?|villages?|"
    r"towns?|city|area|region|valley|tehsil|agency|post)\s*)?"
    r"(?:,\s*|\s+(?:in|of)\s+|\s*,?\s*(?:a|the)\s+(?:\w+\s+){0,3}?(?:in|of)\s+)"
    r"(?:the\s+)?(?:(?:Afghanistan|Pakistan)(?:'s|’s)\s+|(?:Afghan|Pakistani)\s+)?"
    r"(?:(?:\w+\s+)?(?:province|district|region) of\s+)?$"
)
# Spelling variants are looked for only where the sentence says a place is meant.
_FUZZY = re.compile(
    r"\b(?:in|at|near|of|outside|into|on|toward|towards|struck|shelled|hit)\s+"
    r"(?P<w>[A-Z][a-z]{3,}(?:[- ][A-Z][a-z]+)?)"
    r"(?=(?:,\s*(?:a|the)\s+(?:\w+\s+){0,2}?|\s+(?:border\s+)?)"
    r"(?:town|village|district|crossing|area|valley|post|region|city)\b)"
    r"|\b(?:town|village|district|city|area|valley) of\s+"
    r"(?P<w2>[A-Z][a-z]{3,}(?:[- ][A-Z][a-z]+)?)"
)


@dataclass
class _Place:
    start: int
    end: int
    text: str
    match: Match
    qual: str | None = None
    role: str = "place"  # place | country | context | frontier
    context: list[_Place] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    strong: bool = True  # frontier phrases: "all along" (strong) or "along" (weak)

    @property
    def label(self) -> str:
        return f"{self.text} {self.qual}" if self.qual and self.qual not in self.text else self.text


# -- places -----------------------------------------------------------------------------


def _places(t: str, gc: Geocoder) -> list[_Place]:
    """Places named in one sentence, with their role and context resolved."""
    found: list[_Place] = []
    taken: list[tuple[int, int]] = []
    for m in gc.find_mentions(t):
        taken.append((m.start, m.end))
        if not m.candidates:
            continue
        p = _Place(m.start, m.end, m.text, m.candidates[0])
        role = _role(t, p, m.key)
        if role == "listed" and found and _COORD.match(t[found[-1].end : p.start]):
            role = "place" if found[-1].role == "place" else None  # "in Bajaur, Kurram and X"
        if role is None or role == "listed":
            continue
        p.role = role
        found.append(p)
    for fm in _FUZZY.finditer(t):
        grp = "w" if fm.group("w") else "w2"
        word = fm.group(grp)
        a, b = fm.span(grp)
        if any(x < b and a < y for x, y in taken) or word.lower() in _NOT_PLACE:
            continue
        res = gc.resolve(word)
        mt = res[0] if res else None
        if (
            mt is None
            or mt.method in ("unresolved", "country")
            or (mt.reason and "one edit" in mt.reason)
            or t[b : b + 2] in ("'s", "’s")
        ):
            continue
        why = mt.reason or "spelling variant"
        found.append(_Place(a, b, word, mt, notes=[f"{word!r} read as {mt.name} ({why})"]))
    found.sort(key=lambda p: p.start)
    _qualify(t, found)
    _contexts(t, found, gc)
    return found


def _role(t: str, p: _Place, key: str) -> str | None:
    """'place', 'country' or None (not a place of an event) for one mention."""
    m = p.match
    left = t[max(0, p.start - 60) : p.start]
    right = t[p.end : p.end + 40]
    if key in _NOT_PLACE or m.method == "unresolved":
        return None
    if _VENUE.search(left) or _GOV_AFTER.match(right):
        return None
    if m.method == "country":
        if key in ("afghan", "pakistani"):  # demonyms are sides, not places...
            if re.match(r"\s+(?:territory|soil|airspace|side of the border)\b", right) and (
                re.search(r"\b(?:into|inside|in|on|within)\s+$", left)
            ):
                return "country"  # ...except "into Afghan territory"
            return None
        if re.search(r"\b(?:in|inside|into|within|across|on)\s+(?:the\s+)?$", left):
            return "country"
        return None
    if _ACTOR_BEFORE.search(left[-20:]) and not m.method.startswith("admin"):
        return None
    locative = bool(_LOCATIVE.search(left)) or bool(_PLACE_NOUN.match(right))
    if m.method in ("crossing", "admin1", "admin2") or m.country == "other":
        return "place" if (locative or m.method != "gazetteer") else "listed"
    if not locative:
        return "listed"  # a place only if it continues a list of places
    # Person and organisation names: capitalised words glued to the mention.
    prev = re.search(r"([A-Z][\w'’-]*)\s$", left)
    nxt = re.match(r"\s([A-Z][\w'’-]*)", right)
    for w in (prev.group(1) if prev else None, nxt.group(1) if nxt else None):
        if w and w.lower() not in _FUNCTION and w.lower() not in _PLACE_NOUNS_CAP:
            if w in ("Pakistani", "Afghan") or w.endswith(("'s", "’s")):
                continue  # "Afghanistan's Khost province"
            return None
    return "place"


def _qualify(t: str, places: list[_Place]) -> None:
    """Read "district/crossing/..." after a name (and across "X and Y districts")."""
    for p in places:
        q = _PLACE_NOUN.match(t[p.end : p.end + 30])
        if q:
            p.qual = _QUAL_WORD.get(q.group("q").lower())
            if q.group("q").lower().endswith("s") and p.qual in ("district", "province"):
                p.notes.append(f"{q.group('q')!r} applies to the names listed before")
    for i in range(len(places) - 2, -1, -1):
        a, b = places[i], places[i + 1]
        if a.qual is None and b.qual and _COORD.match(t[a.end : b.start]):
            a.qual = b.qual


def _contexts(t: str, places: list[_Place], gc: Geocoder) -> None:
    """Mark admin units that locate the place before them; re-resolve with qualifiers/hints."""
    for p in places:
        if p.qual and p.role == "place":
            res = gc.resolve(f"{p.text} {p.qual}")
            if res and res[0].method != "unresolved":
                p.match = res[0]
    for j, b in enumerate(places):
        if b.role not in ("place", "country") or j == 0:
            continue
        if b.role == "place" and b.match.method not in ("admin1", "admin2"):
            continue
        a = places[j - 1]
        gap = t[a.end : b.start]
        if a.role == "frontier" or len(gap) > 60 or not _CTX_GAP.match(gap):
            continue
        if _LEVEL.get(b.match.method, 0) <= _LEVEL.get(a.match.method, 0):
            continue  # "Bajaur, Kurram": a list, not a district and its province
        if not re.search(r"\b(?:in|of)\b", gap) and not _inside(a.match, b.match):
            continue
        # b locates a, and every name listed with a ("Barmal and Urgun districts of Paktika")
        b.role = "context"
        chain = [a]
        k = j - 2
        while k >= 0 and _COORD.match(t[places[k].end : places[k + 1].start]):
            chain.append(places[k])
            k -= 1
        for x in chain:
            x.context.append(b)
    for p in places:
        if p.role != "place" or not p.context:
            continue
        hint = {"admin1": None, "admin2": None, "country": None}
        for c in p.context:
            level = "country" if c.match.method == "country" else c.match.method
            if level in hint:
                hint[level] = c.label if level != "country" else c.match.country
        text = f"{p.text} {p.qual}" if p.qual else p.text
        res = gc.resolve(text, **hint)
        if res and res[0].method != "unresolved":
            if res[0].name != p.match.name:
                p.notes.append(
                    f"{p.text!r} resolved with context {', '.join(c.label for c in p.context)}"
                )
            p.match = res[0]


_LEVEL = {"gazetteer": 0, "crossing": 0, "admin2": 1, "admin1": 2, "country": 3}


def _inside(a: Match, b: Match) -> bool:
    """Whether the place of match ``a`` lies in the admin unit of match ``b``."""
    if b.method == "country":
        return a.country == b.country
    if b.method == "admin1":
        return a.admin1 is not None and a.admin1 == b.admin1
    return a.admin2 is not None and a.admin2 == b.admin2


@functools.cache
def _frontier_match() -> Match:
    from geo import Frontier

    f = Frontier.default()
    half = f.length_km / 2
    lon, lat = f.point_at(half)[0]
    return Match(
        name=FRONTIER_NAME,
        lon=float(lon),
        lat=float(lat),
        method="country",
        precision=3,
        uncertainty_km=round(half, 1),
        country=None,
        reason="frontier-wide statement: point at the middle of the line, radius half its length",
    )


def _frontier_place(a: int, b: int, phrase: str, strong: bool) -> _Place:
    return _Place(a, b, phrase, _frontier_match(), role="frontier", strong=strong)


def _place_key(p: _Place) -> object:
    if p.role == "frontier":
        return "frontier"
    m = p.match
    return (m.name, round(m.lat, 3) if not math.isnan(m.lat) else None)
