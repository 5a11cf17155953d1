"""Places told across sentences and inside complex noun phrases.

Two readings that :mod:`incidents._extract_places` leaves to this module:

* *Definite anaphora*: "the crossing", "the border post", "the town", "the
  district", "the area", "the camp" after a locative word ("shells landed near
  the crossing") refer back to the last place of that kind the article named
  (:class:`Antecedents`).  The row keeps the words as written and takes the
  antecedent's location.
* *Routes*: "on the road between Bannu and Miranshah", "on the Peshawar–Torkham
  highway", "along the Chaman-Quetta road" name a stretch of road, not either
  end: the two ends become one place at the midpoint of the segment, with a
  radius that covers it (:func:`join_routes`).

Both are grammar rules over the sentence and the places already read in it;
no place name is special.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import replace

from geo.sphere import point_km
from incidents._extract_phrasing import closed_subject
from incidents._extract_phrasing_m import comment_clause
from incidents._extract_places import LOCAL_SOURCE_NOTE, _Place
from incidents._match import Mention
from incidents.geocode import Geocoder, Match

# -- definite anaphora ------------------------------------------------------------------

#: The noun of a definite description -> the kind of place it refers back to.
_KIND = {
    "crossing": "crossing",
    "border crossing": "crossing",
    "crossing point": "crossing",
    "border post": "crossing",
    "border point": "crossing",
    "gate": "crossing",
    "terminal": "crossing",
    "town": "town",
    "city": "town",
    "village": "village",
    "district": "district",
    "tehsil": "tehsil",
    "subdivision": "tehsil",
    "province": "province",
    "camp": "camp",
    "area": "any",
    "region": "any",
    "locality": "any",
}
_NOUNS = "|".join(sorted(_KIND, key=len, reverse=True))
#: The words whose object is the place closed: "closed the gate", "the closure of the".
_CLOSING = "closed|shut(?:tered)?|sealed|closure of|closing|shutdown of|sealing of"
#: "near the crossing", "in the same district", "at the border post": a definite
#: description after a locative word, with no name of its own ("the town of X",
#: "the crossing at X", "the district, X" name one).
_ANAPHOR = re.compile(
    r"\b(?:in|at|near|on|around|outside|inside|into|across|toward|towards|within|"
    r"close to|not far from|hit|struck|shelled|targeted|pounded|attacked|stormed|"
    # the object of a closure: "closed the border crossing", "the closure of the gate"
    rf"{_CLOSING}|"
    # a part of the place: "on the outskirts of the city", "in the heart of the town"
    r"(?:outskirts|suburbs?|edges?|cent(?:re|er)|heart|middle|vicinity|neighbou?rhoods?) of)\s+"
    r"(?P<np>the\s+(?:(?:same|nearby|border|main|busy|key|frontier|whole|entire|"
    r"adjoining|adjacent)\s+)?(?P<noun>" + _NOUNS + r"))\b"
    r"(?!\s*(?:'s|’s|-))(?!,?\s+(?:(?:of|at|in|near|called|named)\s+)?(?:the\s+)?(?-i:[A-Z]))",
    re.IGNORECASE,
)
#: "the border" as the object of a closure ("resulted in the closure of the border",
#: "shut the border"): the crossing the article named before, if any (never a
#: locative "near the border", which is the frontier).
_CLOSED_BORDER = re.compile(
    rf"\b(?:{_CLOSING}|closing of|suspension of)\s+"
    r"(?P<np>the\s+(?:(?:main|key|busy)\s+)?(?P<noun>border))\b"
    r"(?!\s*(?:'s|’s|-))(?!\s+(?:crossings?|points?|posts?|gates?|with|between|areas?|regions?)\b)"
    r"(?!,?\s+(?:(?:of|at|in|near)\s+)?(?:the\s+)?(?-i:[A-Z]))",
    re.IGNORECASE,
)
#: Locative "there" right after an event verb and its object ("halted cross-border
#: traffic there", "two guards were killed there", "shells landed there"): the site named
#: before it.  Not the existential "there was/were ...", not "from there" (an origin).
_THERE = re.compile(
    r"\b(?:halted|suspended|stopped|closed|sealed|shut(?:tered)?|blocked|killed|wounded|injured|"
    r"martyred|clashed|fought|exploded|erupted|attacked|struck|landed|fell|hit|shelled|"
    r"bombed|targeted|opened fire)(?:\s+[\w-]+){0,3}?\s+(?P<np>there)\b"
    r"(?!\s+(?:is|are|was|were|has|have|had|will|would)\b)",
    re.IGNORECASE,
)
#: A sentence that tells a new event at the place told before ("in the aftermath,
#: troops launched an operation in the area"): its row is no repeat of that event.
_NEW_EVENT = re.compile(
    r"\b(?:aftermath|ensuing|subsequent(?:ly)?|afterwards|later|the next day|"
    r"(?:saniti[sz]ation|clearance|search|follow-up|mop-up|combing|cordon-and-search)\s+"
    r"operations?)\b",
    re.IGNORECASE,
)
_CAMP_AFTER = re.compile(r"^\s+(?:refugee\s+|military\s+|training\s+)?camp\b", re.IGNORECASE)
_TOWN_METHODS = frozenset({"gazetteer"})
#: A gazetteer feature named as a crossing ("Torkham border crossing", read from
#: "the Torkham border") is one, whatever table it came from.
_CROSSING_NAME = re.compile(r"\b(?:crossing|border point|gate)$", re.IGNORECASE)
#: A dateline's town names the crossing this close to it (km).
DATELINE_CROSSING_KM = 30.0
#: A name the sentence reads but does not place an event at is an antecedent
#: only when read this precisely (km).
NAMED_MAX_KM = 60.0

# A sentence that places incidents told after it: "The incidents occurred in the Tank
# district", "In Lakki Marwat alone, three attacks were carried out on police".
_ANNOUNCE = re.compile(
    r"\b(?:incidents|attacks|killings|blasts|explosions|clashes)\s+(?:\w+\s+){0,3}?"
    r"(?:occurred|took place|happened|were reported|were recorded)\s+in\b"
    r"|^\W*In\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}(?:\s+district)?\s+alone,\s+"
    r"(?:\d+|two|three|four|five|six)\s+(?:\w+\s+)?(?:incidents|attacks)\b",
)
# ... and the sentences that tell them one by one, naming no place of their own: "In
# the first incident, ...", "In a second incident, ...", "Later, ...", "A few hours
# after that, ..."
_ONE_OF_THEM = re.compile(
    r"^\W*(?:(?:In|During)\s+(?:the|a|an)\s+(?:first|second|third|fourth|fifth|next|later|"
    r"subsequent)\s+(?:\w+\s+)?(?:incident|attack|case|killing)|In\s+another\s+(?:\w+\s+)?"
    r"(?:incident|attack)|Later|(?:A few|Some|Two|Three)\s+hours\s+(?:later|after\s+that))\b"
)
#: The note of a place given by an announcement (:meth:`Antecedents.resolve`): the
#: incidents told one by one are separate incidents, never repeats of each other.
ONE_OF_THEM_NOTE = "one of the incidents placed at"


def one_of_them(c: object) -> bool:
    """Whether a place, or a candidate's place, is that of one of the incidents an
    earlier sentence placed and the text tells one by one (:data:`ONE_OF_THEM_NOTE`)."""
    place = c if isinstance(c, _Place) else getattr(c, "place", None)
    return any(n.startswith(ONE_OF_THEM_NOTE) for n in getattr(place, "notes", ()))


# "In that assault, ...", "During that attack, ...": the event just named, with its place
_THAT_EVENT = re.compile(
    r"^\W*(?:In|During)\s+(?P<np>that\s+(?:[\w-]+\s+)?(?:assault|attack|incident|"
    r"blast|explosion|ambush|raid|strike|bombing|clash))\b",
    re.IGNORECASE,
)
#: How many sentences after it an announcement places the incidents told one by one.
ANNOUNCE_REACH = 6


def crossing_match(m: Match) -> bool:
    """Whether a match is a crossing: from the crossings table, or a feature named as
    one ("Torkham border crossing")."""
    return m.method == "crossing" or bool(_CROSSING_NAME.search(m.name or ""))


def _kinds(t: str, p: _Place) -> set[str]:
    """The kinds of place ``p`` can be referred back to as."""
    m = p.match
    out = {"any"}
    basis = (m.radius_basis or "").split("|")
    if crossing_match(m) or p.qual == "crossing":
        out.add("crossing")
    elif m.method in _TOWN_METHODS and p.qual not in ("district", "province", "tehsil"):
        out.add("village")
        if m.match_class != "tehsil" and (len(basis) < 3 or basis[2] != "village"):
            out.add("town")  # (a place recorded as a village is no "town")
    if m.match_class == "tehsil":
        out.add("tehsil")
    if m.method == "admin2" or p.qual == "district":
        out.add("district")
    if m.method == "admin1" or p.qual == "province":
        out.add("province")
    if p.qual == "tehsil" or p.tehsil is not None:
        out.add("tehsil")
    if _CAMP_AFTER.match(t[p.end : p.end + 30]):
        out.add("camp")
    return out


def _at(a: int, b: int, text: str, ante: _Place, note: str, *, anew: bool = False) -> _Place:
    """A site at words ``a:b`` of a sentence, written ``text``, located where ``ante`` is."""
    return _Place(
        a,
        b,
        text,
        ante.match,
        role="place",
        notes=[note],
        fallback=ante.fallback,
        tehsil=ante.tehsil,
        anew=anew,
        named=ante.named or ante.text,
    )


class Antecedents:
    """The places an article has named so far, by kind, for the definite
    descriptions of later sentences ("the crossing", "the district").

    One instance reads one article, sentence by sentence, in order:
    :meth:`resolve` the descriptions of a sentence, then :meth:`note` its places
    (or, for a sentence whose places were not read, its text: they are read with
    ``reader`` only when a later sentence has a description to resolve).
    """

    def __init__(self, reader: Callable[[str], list[_Place]] | None = None) -> None:
        self._last: dict[str, _Place] = {}
        self._reader = reader
        self._queue: list[tuple[str, list[_Place] | None]] = []
        self._count = 0  # sentences noted
        # (sentence number, text, places) of the last sentence that placed the
        # incidents told after it ("The incidents occurred in X")
        self._announced: tuple[int, str, list[_Place] | None] | None = None
        #: The crossing of the town the article's dateline names ("CHAMAN: A week-long
        #: shutdown of a key border crossing ..."): the crossing it leaves unnamed.
        self.dateline_crossing: _Place | None = None

    def note_dateline(
        self, t: str, places: list[_Place], resolve: Callable, *, remember: bool = True
    ) -> None:
        """Remember the places of the dateline ``t`` (unless not ``remember``) and the
        crossing of its town, if one lies within :data:`DATELINE_CROSSING_KM` of it
        (``resolve`` reads a name)."""
        if remember:
            self.note(t, places)
        for p in places:
            got = resolve(f"{p.text} crossing")
            m = got[0] if got else None
            if (
                m is not None
                and crossing_match(m)
                and not math.isnan(p.match.lat)
                and point_km(p.match.lat, p.match.lon, m.lat, m.lon) <= DATELINE_CROSSING_KM
            ):
                self.dateline_crossing = replace(p, match=m)
                return

    def note(self, t: str, places: list[_Place] | None) -> None:
        """Remember the places of sentence ``t`` (sites and the units that hold
        them; not countries, venues or the whole frontier); ``None``: read them
        when needed."""
        self._queue.append((t, places))
        if _ANNOUNCE.search(t):
            self._announced = (self._count, t, places)
        self._count += 1

    def last_crossing(self) -> _Place | None:
        """The crossing the article named last before the sentence being read."""
        self._flush()
        return self._last.get("crossing")

    def last_site(self) -> _Place | None:
        """The site the article named last before the sentence being read."""
        self._flush()
        return self._last.get("any")

    def _announced_site(self, t: str, places: list[_Place]) -> _Place | None:
        """For a sentence that tells one of the incidents an earlier sentence placed
        ("In the first incident, ...") and names no site of its own: a place at its
        opening words, at that announced site."""
        m = _ONE_OF_THEM.match(t)
        if m is None or self._announced is None or any(p.role == "place" for p in places):
            return None
        k, told, where = self._announced
        if self._count - k > ANNOUNCE_REACH:
            return None
        if where is None:
            where = self._reader(told) if self._reader is not None else []
        site = next((p for p in where if p.role == "place" and not math.isnan(p.match.lat)), None)
        if site is None or site.match.method in ("country", "unresolved"):
            return None
        a, b = m.span()
        a += len(t[a:b]) - len(t[a:b].lstrip(" \"'“‘("))
        return _at(a, b, site.text, site, f"{ONE_OF_THEM_NOTE} {site.label} in an earlier sentence")

    def _flush(self) -> None:
        for t, places in self._queue:
            if places is None:
                places = self._reader(t) if self._reader is not None else []
            self._remember(t, places)
        self._queue.clear()

    def _remember(self, t: str, places: list[_Place]) -> None:
        for p in sorted(places, key=lambda p: p.start):
            if p.role not in ("place", "context") or math.isnan(p.match.lat):
                continue
            if p.match.method in ("country", "unresolved"):
                continue
            for k in _kinds(t, p):
                if k == "any" and p.role != "place":
                    continue  # "the area" is the site, not the unit that holds it
                self._last[k] = p

    def resolve(
        self, t: str, places: list[_Place], mentions: list[Mention] | None = None
    ) -> list[_Place]:
        """New places for the definite descriptions of sentence ``t`` that name
        no place of their own, each at the last place of its kind named before
        it: earlier in this sentence first (a site, or any name the sentence
        reads: "Kabul police said two were killed in the city"), then in earlier
        sentences.  ``mentions`` are the names found in ``t``."""
        out: list[_Place] = []
        one = self._announced_site(t, places)
        if one is not None:
            return [one]  # "In the first incident, ..." after "The incidents occurred in X"
        that = _THAT_EVENT.match(t)
        if that is not None and not any(p.role == "place" for p in places):
            # "... another deadly act of terror in Karak. / In that assault, gunmen ...":
            # the event named with its place in the sentence before
            self._flush()
            ante = self._last.get("any")
            if ante is not None:
                a, b = that.span("np")
                note = f"{t[a:b]!r} refers back to {ante.label} named before it"
                return [_at(a, b, ante.text, ante, note)]
        subject = closed_subject(t)  # "The crossing was closed on Thursday."
        there = _THERE.search(t)
        if (
            _ANAPHOR.search(t) is None
            and _CLOSED_BORDER.search(t) is None
            and subject is None
            and there is None
        ):
            return out
        self._flush()
        taken = [(p.start, p.end) for p in places]
        named = [
            _Place(m.start, m.end, m.text, m.candidates[0], role="context")
            for m in mentions or []
            if m.candidates
            and m.candidates[0].method not in ("country", "unresolved")
            # (a name read with confidence: not a person's name that is also a
            # village somewhere, "Khalid")
            and not m.candidates[0].ambiguous
            and m.candidates[0].uncertainty_km <= NAMED_MAX_KM
            and not any(p.start < m.end and m.start < p.end for p in places)
        ]
        anew = bool(_NEW_EVENT.search(t))
        found = [
            *_ANAPHOR.finditer(t),
            *_CLOSED_BORDER.finditer(t),
            *([subject] if subject else []),
        ]
        for am in [*found, *([there] if there and not places and not found else [])]:
            a, b = am.span("np")
            if any(x < b and a < y for x, y in taken):
                continue
            if comment_clause(t[:a]):
                continue  # ", threatening progress in the area": no scene
            kind = "any" if am is there else _KIND.get(am.group("noun").lower(), "crossing")
            before = sorted(
                (p for p in places + named if p.end <= a and p.role in ("place", "context")),
                key=lambda p: p.start,
            )
            ante = None
            for p in reversed(before):
                if kind in _kinds(t, p) and not (kind == "any" and p.role != "place"):
                    ante = p
                    break
            if ante is None:
                ante = self._last.get(kind)
            if ante is None:
                continue
            text = t[a:b]
            note = f"{text!r} refers back to {ante.label} named before it"
            # ("there", "It": the row shows the name referred to)
            shown = ante.text if am is there or text.lower() == "it" else text
            out.append(_at(a, b, shown, ante, note, anew=anew))
            taken.append((a, b))
        return out


# -- routes -----------------------------------------------------------------------------

_ROAD = r"(?:road|highway|motorway|expressway|route|corridor|bypass|railway)"
#: "the road between X and Y", "the highway linking X with Y", "the route from X to Y"
_BETWEEN_BEFORE = re.compile(
    r"\b" + _ROAD + r"s?\s+(?:stretch\s+|section\s+)?(?:between|linking|connecting|joining|from)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
#: "a convoy travelling from X to Y", "a bus on its way from X to Y"
_TRAVEL_BEFORE = re.compile(
    r"\b(?:convoy|vehicle|bus|van|truck|motorcade|patrol|car|coach)s?\b[^.;:]{0,50}?"
    r"\bfrom\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_TO_GAP = re.compile(r"^\s+(?:to|towards?)\s+(?:the\s+)?$", re.IGNORECASE)
#: Ends of a journey farther apart than this are no stretch one incident is placed on
#: (a namesake far away, or a long journey whose incident the article places better).
TRAVEL_MAX_KM = 80.0
_BETWEEN_GAP = re.compile(r"^\s+(?:and|to|with)\s+(?:the\s+)?$", re.IGNORECASE)
#: "the Peshawar–Torkham highway", "the Chaman-Quetta road"
_DASH_GAP = re.compile(r"^\s*[-–—/]\s*$")
_ROAD_AFTER = re.compile(r"^\s+(?:main\s+|national\s+|old\s+|new\s+)?" + _ROAD + r"\b", re.I)
#: Ends farther apart than this are no stretch of road one incident is placed on.
ROUTE_MAX_KM = 400.0
#: Added to half the length of the segment: roads are not straight lines.
ROUTE_MARGIN_KM = 5.0
_END_METHODS = frozenset({"gazetteer", "crossing", "admin2"})


def _km(a: Match, b: Match) -> float:
    return point_km(a.lat, a.lon, b.lat, b.lon)


def _route(
    a: _Place, b: _Place, end: int, text: str, *, max_km: float = ROUTE_MAX_KM
) -> _Place | None:
    ma, mb = a.match, b.match
    if ma.method not in _END_METHODS or mb.method not in _END_METHODS:
        return None
    if any(math.isnan(v) for v in (ma.lat, ma.lon, mb.lat, mb.lon)):
        return None
    d = _km(ma, mb)
    if d > max_km:
        return None
    # the midpoint (a plain average: the ends are at most a few hundred km apart)
    lat, lon = (ma.lat + mb.lat) / 2, (ma.lon + mb.lon) / 2
    radius = d / 2 + ROUTE_MARGIN_KM
    for m in (ma, mb):  # a district end: the road may run anywhere in it
        if m.method == "admin2" and not math.isnan(m.uncertainty_km):
            radius = max(radius, d / 2 + m.uncertainty_km / 2)
    same = lambda attr: getattr(ma, attr) if getattr(ma, attr) == getattr(mb, attr) else None  # noqa: E731
    match = replace(
        ma,
        name=f"{ma.name}–{mb.name}",
        lat=lat,
        lon=lon,
        method="gazetteer",
        uncertainty_km=round(radius, 1),
        country=same("country"),
        admin1=same("admin1"),
        admin2=same("admin2"),
        ambiguous=ma.ambiguous or mb.ambiguous,
        reason=f"route between {ma.name} and {mb.name} ({d:.0f} km): its midpoint",
        match_class="route",
    )
    note = f"{text!r}: a road between {a.text} and {b.text}, placed at its midpoint"
    return _Place(a.start, end, text, match, role="place", notes=[note])


#: the words before a road that make it the site: "on", "along", "near" ...
_ON_ROAD = re.compile(
    r"\b(?:on|along|near|at|off|beside|by|in|blocked|closed|reopened)\s+(?:the\s+)?"
    r"(?:(?:main|busy|key|strategic|national|old|new)\s+)?$",
    re.IGNORECASE,
)


#: "the Chaman-Spin Boldak border crossing": the two ends of one crossing, named by the
#: two towns on either side of it
_CROSSING_AFTER = re.compile(
    r"^\s+(?:border\s+)?(?:crossing(?:\s+point)?|point|gate|terminal)\b"
    r"|^\s+border\b(?!\s+(?:region|areas?|districts?|provinces?|belt|regions?))",
    re.IGNORECASE,
)
#: The two towns of a crossing lie this close to it (km).
CROSSING_END_KM = 25.0
#: "the Chaman-Quetta road": names joined by a hyphen (one word to the name finder)
_HYPHENED = re.compile(
    r"\b(?P<a>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)-(?P<b>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?=\s+(?i:"
    + _ROAD
    + r"|(?:border\s+)?crossing|border|gate|terminal)\b)"
)


def _hyphened(t: str, gc: Geocoder, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the two names of each hyphenated road name as mentions."""
    out = list(mentions)
    for hm in _HYPHENED.finditer(t):
        crossing = _CROSSING_AFTER.match(t[hm.end() : hm.end() + 30]) is not None
        inside = [m for m in out if m.start < hm.end() and hm.start() < m.end]
        ends = []
        for g in ("a", "b"):
            res = gc.resolve(hm.group(g))
            if res and res[0].method in _END_METHODS:
                key = hm.group(g).lower()
                ends.append(Mention(hm.start(g), hm.end(g), hm.group(g), key, (res[0],)))
        # names read only in part stand for the two ends ("the Spin Boldak-Chaman road":
        # "Boldak-Chaman" is one token, so only "Spin" was read)
        partial = len(ends) == 2 and all(
            any(e.start <= m.start and m.end <= e.end for e in ends) for m in inside
        )
        if inside and not crossing and not partial:
            continue
        if crossing and len(ends) < 2:
            continue  # (a crossing's two towns, or the names stay as they were read)
        out = [m for m in out if m not in inside] + ends
    return sorted(out, key=lambda m: m.start)


def _crossing(a: _Place, b: _Place, end: int, text: str) -> _Place | None:
    """The crossing named by the towns at its two ends ("the Chaman-Spin Boldak border
    crossing"): the end read as a crossing, when the other lies beside it."""
    ends = [p for p in (a, b) if p.match.method == "crossing"]
    if len(ends) != 1 or any(math.isnan(p.match.lat) for p in (a, b)):
        return None
    if _km(a.match, b.match) > CROSSING_END_KM:
        return None
    note = f"{text!r}: the crossing between {a.text} and {b.text}"
    return _Place(a.start, end, text, ends[0].match, role="place", notes=[note])


def join_routes(
    t: str, places: list[_Place], mentions: list[Mention], gc: Geocoder | None = None
) -> None:
    """Put, in place of the ends of a road named in sentence ``t`` ("on the road
    between X and Y", "along the X–Y highway", "a convoy travelling from X to Y"),
    one place for the stretch.
    ``mentions`` are the place names found in ``t`` (the ends are often no site
    on their own: nothing locative precedes Y in "between X and Y")."""
    if gc is not None:
        mentions = _hyphened(t, gc, mentions)
    ms = [m for m in mentions if m.candidates]
    for ma, mb in zip(ms, ms[1:], strict=False):
        a = _Place(ma.start, ma.end, ma.text, ma.candidates[0])
        b = _Place(mb.start, mb.end, mb.text, mb.candidates[0])
        gap = t[a.end : b.start]
        joined = None
        if _BETWEEN_GAP.match(gap):
            lead = _BETWEEN_BEFORE.search(t[max(0, a.start - 60) : a.start])
            if lead is not None:
                head = max(0, a.start - 60) + lead.start()
                if _ON_ROAD.search(t[max(0, head - 30) : head]):
                    joined = _route(a, b, b.end, f"road between {a.text} and {b.text}")
        if (
            joined is None
            and _TO_GAP.match(gap)
            and _TRAVEL_BEFORE.search(t[max(0, a.start - 80) : a.start])
        ):
            text = t[a.start : b.end]
            joined = _route(a, b, b.end, text, max_km=TRAVEL_MAX_KM)
        if joined is None and _DASH_GAP.match(gap):
            cross = _CROSSING_AFTER.match(t[b.end : b.end + 30])
            if cross is not None:
                end = b.end + cross.end()
                joined = _crossing(a, b, end, t[a.start : end].strip())
        if joined is None and _DASH_GAP.match(gap):
            road = _ROAD_AFTER.match(t[b.end : b.end + 40])
            if road is not None and _ON_ROAD.search(t[max(0, a.start - 30) : a.start]):
                end = b.end + road.end()
                joined = _route(a, b, end, t[a.start : end].strip())
        if joined is None:
            continue
        places[:] = [
            p
            for p in places
            if not (p.start < joined.end and joined.start < p.end)
            # (a local source's place stood in only while no other place was named)
            and not any(n.startswith(LOCAL_SOURCE_NOTE) for n in p.notes)
        ]
        places.append(joined)
        places.sort(key=lambda p: p.start)


# -- tehsils ----------------------------------------------------------------------------


#: A place is read at the tehsil of its name when its own radius is this many
#: times the tehsil's or more (a town known about as well as its tehsil stays).
FOLD_RATIO = 1.5


def fold_tehsils(places: list[_Place], gc: Geocoder) -> None:
    """Read, in place, a site whose name is also a tehsil's at the tehsil when the
    tehsil is the better-known place: its point lies within the tehsil and its
    radius is :data:`FOLD_RATIO` times the tehsil's or more ("in general area Mir
    Ali, North Waziristan District": the village record read inside the district
    is known to 42 km, the Mir Ali tehsil to 17)."""
    for p in places:
        m = p.match
        if p.role != "place" or p.fallback or m.method != "gazetteer" or m.match_class == "tehsil":
            continue
        res = gc.resolve(f"{p.text} tehsil", admin2=m.admin2) if m.admin2 else None
        got = res[0] if res else None
        if got is None or got.match_class != "tehsil" or got.admin2 != m.admin2:
            continue
        if (
            not got.uncertainty_km * FOLD_RATIO < m.uncertainty_km
            or _km(got, m) > got.uncertainty_km
        ):
            continue
        p.notes.append(
            f"{p.text!r} read as the {got.name} tehsil ({got.uncertainty_km:.0f} km), "
            f"better known than the place of that name ({m.uncertainty_km:.0f} km)"
        )
        p.match = got
