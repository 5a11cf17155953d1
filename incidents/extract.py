"""Candidate incidents from a news article: place, date, kind and the sentence.

>>> from incidents.extract import extract
>>> df = extract(open("story.txt").read(), article_date="2025-10-20")   # doctest: +SKIP
>>> incidents.position(df)                                                # doctest: +SKIP

The extractor is rules over the project's own gazetteer, fast and offline: no
model, no index server.  One article takes a few milliseconds once the
gazetteer is loaded (about a second, once per process).

How a sentence becomes incidents
--------------------------------
1. *Triggers* (:data:`incidents._extract_lex.EVENT_KINDS`) say what happened:

   ==================  =============================  ==================================
   ``event_kind``      ``event_type`` (ACLED)         ``sub_event_type`` (ACLED)
   ==================  =============================  ==================================
   air_strike          Explosions/Remote violence     Air/drone strike
   shelling            Explosions/Remote violence     Shelling/artillery/missile attack
   bombing             Explosions/Remote violence     Remote explosive/landmine/IED
   suicide_bombing     Explosions/Remote violence     Suicide bomb
   armed_clash         Battles                        Armed clash
   attack              Battles (Violence against      Armed clash (Attack when the
                       civilians when only civilians  victims are civilians)
                       are the target)
   killing             Violence against civilians     Attack (Battles/Armed clash when
                                                      the dead are combatants)
   border_closure      Strategic developments         Other
   ceasefire           Strategic developments         Agreement
   talks               Strategic developments         Other
   ==================  =============================  ==================================

   A ceasefire counts only when agreed, signed, announced or extended (not
   "despite the truce"); a violent word that is the object of a statement
   ("condemned the attacks") is not an event; "killed" alone makes an event only
   when no stronger word does.
2. *Places* come from :meth:`Geocoder.find_mentions` (exact gazetteer names,
   longest first) plus spelling variants after a locative preposition when a
   place noun follows ("Baramcha, a border town").  A name is kept as the place of
   an event only in a place context (after "in/at/near/struck/...", before
   "district/crossing/..."), so a minister "speaking in Islamabad", "the Taliban
   government in Kabul", "Kabul said", "opposite Chaman", "fired from
   Afghanistan" and person names ("Noor Wali Mehsud") are not places.
   Demonyms ("Pakistani", "Afghan") are actors.  A province or district right
   after a place ("Urgun district of Paktika province") is its context: the
   place is resolved with it as a hint and it fills ``admin1``/``admin2``.
   Qualifiers ("Barmal and Urgun districts") are passed to the geocoder.
3. Each place attaches to the closest preceding trigger (else the closest
   following one).  Talks and ceasefires keep their venue; without a venue a
   ceasefire (or a border closure) is frontier-wide.  Country-level places are
   used only when a trigger has nothing more precise.
4. *Frontier-wide* statements ("all along the border", "at several points along
   the Durand Line"; plain "along the border" when the sentence names no place)
   give one incident for the whole frontier: ``geocode_method`` ``"country"``
   (it is a national-boundary-level location, not a point), ``geo_precision`` 3,
   the point at the middle of the frontier line (km L/2 along
   :meth:`geo.Frontier.point_at`) and ``uncertainty_km`` L/2 (about 1,380 km),
   a radius that covers the whole line; ``flags`` carries ``frontier_wide`` so a
   map can draw it as a line or leave it out.
5. *Dates*: the closest date expression to the trigger or the place
   (:mod:`incidents._extract_dates`), else the one of the previous sentence of the
   paragraph, else the week before the article (``date_not_stated``).  Ranges
   go to ``date``/``date_end``.
6. Repeats of one incident (same place or frontier-wide, overlapping dates, same
   violent/non-violent class) are merged; the first sentence is the evidence.

Output columns: the schema's CORE, GEOCODE and ACCOUNTING columns (``source_row``
is the 0-based sentence number), then ``event_kind``, ``evidence`` (the
sentence), ``evidence_span`` (``"start:end"``, offsets into the text that was
read: the input itself, or its visible text when the input was HTML, see
``df.attrs["text"]``), ``confidence`` (0-1, see :func:`_confidence`) and
``extraction_notes`` (``; ``-separated, human-readable: how the date, place
and counts were read).  ``df.attrs["message"]`` says why nothing was found.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from incidents._extract_dates import DateSpan, find_dates, parse_date_text
from incidents._extract_lex import (
    CIVILIANS,
    EVENT_KINDS,
    PK_MIL,
    VIOLENT,
    Trigger,
    actors_in,
    casualties_in,
    frontier_phrases,
    is_diplomatic,
    triggers_in,
)
from incidents._extract_text import (
    Sentence,
    dateline,
    language_problem,
    looks_like_html,
    sentences,
    strip_html,
)
from incidents.errors import IncidentError
from incidents.geocode import Geocoder, Match
from incidents.schema import ACCOUNTING, CORE, GEOCODE, coerce

__all__ = ["EVENT_KINDS", "EXTRA_COLUMNS", "FRONTIER_NAME", "extract"]

#: Columns added after the schema columns.
EXTRA_COLUMNS: dict[str, str] = {
    "event_kind": "string",
    "evidence": "string",
    "evidence_span": "string",
    "confidence": "float64",
    "extraction_notes": "string",
}
FRONTIER_NAME = "Afghanistan-Pakistan frontier (whole border)"
#: Days before the article given to an event whose date is not stated.
UNDATED_DAYS = 7

# -- place contexts ---------------------------------------------------------------

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


@dataclass
class _Candidate:
    sentence: int
    paragraph: int
    span: tuple[int, int]
    evidence: str
    kind: str
    place: _Place
    first: dt.date | None
    last: dt.date | None
    date_how: str
    actor1: str | None = None
    actor2: str | None = None
    fatalities: int | None = None
    notes: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    confidence: float = 0.5
    merged: int = 0
    types: tuple[str, str] = ("", "")


# -- public -------------------------------------------------------------------------


def extract(
    text: str, *, article_date: object = None, geocoder: Geocoder | None = None
) -> pd.DataFrame:
    """Candidate incidents in a news article, one row each, in the incident schema.

    Parameters
    ----------
    text
        The article: plain text (one paragraph per line) or HTML (tags are
        stripped).  A leading wire dateline ("KABUL, Oct 16 (Agency) -") gives
        the article date when ``article_date`` is not set.
    article_date
        Date the relative expressions ("on Tuesday", "last week") are read
        against: ``"YYYY-MM-DD"``, a date, datetime or Timestamp.
    geocoder
        Defaults to :meth:`incidents.Geocoder.default`.

    Returns
    -------
    pandas.DataFrame
        :data:`incidents.schema.CORE`, ``GEOCODE`` and ``ACCOUNTING`` columns with
        coordinates filled (ready for :func:`incidents.position`), then
        :data:`EXTRA_COLUMNS`.  No row when nothing was found; then
        ``attrs["message"]`` says why.
    """
    if not isinstance(text, str):
        raise IncidentError(f"extract needs the article text as str, got {type(text).__name__}")
    ref = _as_date(article_date)
    gc = geocoder if geocoder is not None else Geocoder.default()
    notes_global: list[str] = []
    if looks_like_html(text):
        text = strip_html(text)
        notes_global.append("HTML stripped")
    if not text.strip():
        return _table([], text, ref, "nothing found: the text is empty")
    problem = language_problem(text)
    if problem:
        return _table([], text, ref, f"nothing found: {problem}")

    years = Counter(int(y) for y in re.findall(r"\b(20[0-4]\d)\b", text[:100_000]))
    year_hint = years.most_common(1)[0][0] if years else None
    dl = dateline(text)
    if ref is None and dl is not None:
        ref = parse_date_text(dl.date_text, year_hint or _latest_year(dl.date_text))
        if ref is not None:
            how = "" if year_hint or re.search(r"\d{4}", dl.date_text) else ", year assumed"
            notes_global.append(f"article date {ref} from the dateline{how}")
    if ref is None:
        ref = parse_date_text(text[:200].split("\n", 1)[0], None)  # "October 20, 2025 - ..."
    if ref is not None and year_hint is None:
        year_hint = ref.year

    cands: list[_Candidate] = []
    last_range: tuple[dt.date, dt.date] | None = None
    para_range: dict[int, tuple[dt.date, dt.date, str]] = {}
    for i, s in enumerate(sentences(text, dl.end if dl else 0)):
        new, dated = _sentence(i, s, gc, ref, year_hint, last_range, para_range.get(s.paragraph))
        if dated is not None:
            para_range[s.paragraph] = dated
        for c in new:
            if c.kind == "_casualties":
                _enrich(cands, c)
                continue
            cands.append(c)
            if c.first is not None and c.date_how != "not stated":
                last_range = (c.first, c.last or c.first)
    cands = _merge(cands)
    for c in cands:
        c.notes = notes_global + c.notes
    msg = None if cands else "nothing found: no sentence reports an incident at a known place"
    return _table(cands, text, ref, msg, source=dl.agency if dl else None)


# -- one sentence ---------------------------------------------------------------------


def _sentence(
    i: int,
    s: Sentence,
    gc: Geocoder,
    ref: dt.date | None,
    year_hint: int | None,
    previous: tuple[dt.date, dt.date] | None,
    para: tuple[dt.date, dt.date, str] | None,
) -> tuple[list[_Candidate], tuple[dt.date, dt.date, str] | None]:
    t = s.text
    spans = find_dates(t, ref, previous=previous, year_hint=year_hint)
    resolved = [d for d in spans if d.first is not None]
    dated = (resolved[0].first, resolved[0].last, resolved[0].text) if resolved else None
    trig = [x for x in triggers_in(t) if not (x.violent and is_diplomatic(t, x))]
    if not trig:
        return [], dated
    places = _places(t, gc)
    fr = frontier_phrases(t)

    # -- attach places to triggers
    strong = [x for x in trig if not x.weak]
    pairs: list[tuple[Trigger, _Place]] = []
    for p in places:
        if p.role == "context":
            continue
        x = _nearest_trigger(p, strong) or _nearest_trigger(p, trig)
        if x is None:
            continue
        if p.match.country == "other" and x.kind not in ("talks", "ceasefire"):
            continue  # a venue abroad is never the scene of fighting on this frontier
        if x.kind in ("talks", "ceasefire") and not re.search(
            r"\b(?:in|at)\s+(?:the\s+)?(?:\w+\s+)?$", t[max(0, p.start - 30) : p.start]
        ):
            continue
        pairs.append((x, p))
    # Country-level places only when the trigger has nothing finer.
    finer = {id(x) for x, p in pairs if p.role != "country"}
    pairs = [(x, p) for x, p in pairs if p.role != "country" or id(x) not in finer]

    violent_placed = any(x.violent for x, _ in pairs)
    if not violent_placed and any(x.violent for x in trig):
        use = [f for f in fr if f[3]] or ([f for f in fr if not f[3]] if not places else [])
        if use:
            a, b, phrase, is_strong = use[0]
            x = min((x for x in trig if x.violent), key=lambda x: abs(x.start - a))
            pairs.append((x, _frontier_place(a, b, phrase, is_strong)))
    for kind in ("border_closure", "ceasefire"):
        ks = [x for x in trig if x.kind == kind]
        if ks and not any(x.kind == kind for x, _ in pairs):
            if kind == "border_closure" and places and not fr:
                continue  # closure of a place named but not attached: leave it
            a, b, phrase = (fr[0][0], fr[0][1], fr[0][2]) if fr else (ks[0].start, ks[0].end, "")
            pairs.append((ks[0], _frontier_place(a, b, phrase or FRONTIER_NAME, True)))

    if not pairs:
        cas = casualties_in(t)
        if cas.killed is not None and any(x.violent for x in trig):
            c = _Candidate(i, s.paragraph, (s.start, s.end), t, "_casualties", None, None, None, "")  # type: ignore[arg-type]
            c.fatalities = cas.killed
            c.notes = list(cas.phrases)
            return [c], dated
        return [], dated

    # -- one candidate per (place, class)
    out: list[_Candidate] = []
    seen: set[tuple[str, object]] = set()
    cas = casualties_in(t)
    acts = actors_in(t)
    for x, p in pairs:
        key = ("violent" if x.violent else x.kind, _place_key(p))
        if key in seen:
            continue
        seen.add(key)
        c = _Candidate(i, s.paragraph, (s.start, s.end), t, x.kind, p, None, None, "")
        _date(c, x, p, spans, para, ref)
        _actors(c, x, acts, t)
        c.notes.extend(p.notes)
        if x.violent and cas.killed is not None:
            if not any(o.fatalities is not None for o in out):
                c.fatalities = cas.killed
                c.notes.extend(cas.phrases)
            else:
                c.notes.append("fatalities of the sentence counted on its first incident")
        elif cas.phrases and x.violent:
            c.notes.extend(cas.phrases)
        _types(c)
        if p.role == "frontier":
            c.flags.append("frontier_wide")
            c.notes.append(f"frontier-wide: {p.text!r}")
        if p.match.ambiguous:
            c.flags.append("ambiguous_place")
        c.confidence = _confidence(c, x)
        out.append(c)
    return out, dated


def _nearest_trigger(p: _Place, trig: list[Trigger]) -> Trigger | None:
    before = [x for x in trig if x.end <= p.start and p.start - x.end <= 160]
    if before:
        return max(before, key=lambda x: x.end)
    after = [x for x in trig if x.start >= p.end and x.start - p.end <= 60]
    return min(after, key=lambda x: x.start) if after else None


def _place_key(p: _Place) -> object:
    if p.role == "frontier":
        return "frontier"
    m = p.match
    return (m.name, round(m.lat, 3) if not math.isnan(m.lat) else None)


def _date(
    c: _Candidate,
    x: Trigger,
    p: _Place,
    spans: list[DateSpan],
    para: tuple[dt.date, dt.date, str] | None,
    ref: dt.date | None,
) -> None:
    usable = [d for d in spans if d.first is not None]
    # "officials said on Monday": the day of the statement, not of the event.
    events = [d for d in usable if not _REPORTED.search(c.evidence[max(0, d.start - 30) : d.start])]
    usable = events or usable
    if usable:

        def dist(d: DateSpan) -> int:
            return min(
                abs(d.start - x.end),
                abs(x.start - d.end),
                abs(d.start - p.end),
                abs(p.start - d.end),
            )

        d = min(usable, key=dist)
        c.first, c.last = d.first, d.last
        how = {
            None: "stated",
            "article": "relative to the article date",
            "sentence": "overnight",
            "previous": "relative to the previous event",
        }[d.relative_to]
        c.date_how = "absolute" if d.relative_to is None else "relative"
        c.notes.append(f"date {d.text!r} {how} -> {_fmt(d.first, d.last)}")
        if d.future or (ref is not None and d.first is not None and d.first > ref):
            c.flags.append("planned")
            c.notes.append("future tense: a planned event")
        return
    if any(d.first is None for d in spans):
        c.flags.append("date_unresolved")
        c.notes.append(f"date {spans[0].text!r} needs an article date (--date)")
    if para is not None:
        c.first, c.last = para[0], para[1]
        c.date_how = "inherited"
        c.notes.append(f"date from the paragraph ({para[2]!r}) -> {_fmt(para[0], para[1])}")
        return
    c.date_how = "not stated"
    c.flags.append("date_not_stated")
    if ref is not None:
        c.first, c.last = ref - dt.timedelta(days=UNDATED_DAYS), ref
        c.notes.append(f"no date stated: the {UNDATED_DAYS} days up to the article date")
    else:
        c.notes.append("no date stated and no article date")


def _fmt(a: dt.date | None, b: dt.date | None) -> str:
    return f"{a}" if a == b or b is None else f"{a}..{b}"


def _actors(c: _Candidate, x: Trigger, acts: list[tuple[int, str]], t: str) -> None:
    if not c.kind or c.kind not in VIOLENT:
        if (
            c.kind in ("ceasefire", "talks")
            and re.search(r"\bPakistan", t)
            and re.search(r"\bAfghan|\bTaliban|\bKabul", t)
        ):
            c.actor1, c.actor2 = "Government of Pakistan", "Government of Afghanistan (Taliban)"
        elif c.kind == "border_closure":
            c.actor1 = PK_MIL if re.search(r"\bPakistan", t[: x.start]) else None
        return
    armed = [(o, a) for o, a in acts if a != CIVILIANS]
    # "fired by Afghan forces": the agent follows the trigger
    agent = next(
        (a for o, a in armed if o > x.end and re.search(r"\bby\s+(?:the\s+)?$", t[x.end : o])),
        None,
    )
    if agent is None:
        before = [a for o, a in armed if o < x.start]
        agent = before[-1] if before else None
        if agent is None:
            after = [a for o, a in armed if o >= x.end]
            agent = after[0] if after else None
    target = next((a for _, a in armed if a != agent), None)
    if target is None and any(a == CIVILIANS for _, a in acts):
        target = CIVILIANS
    if agent is None and target is not None and target != CIVILIANS:
        agent, target = target, None
    c.actor1, c.actor2 = agent, target
    if c.actor1 and c.actor1 == c.actor2:
        c.actor2 = None


def _types(c: _Candidate) -> None:
    kind = c.kind
    civ_only = c.actor2 == CIVILIANS
    if kind == "attack" and civ_only:
        c.notes.append("attack on civilians")
        c.types = EVENT_KINDS["killing"]
    elif kind == "killing" and not civ_only:
        c.types = EVENT_KINDS["armed_clash"]
    else:
        c.types = EVENT_KINDS[kind]


def _confidence(c: _Candidate, x: Trigger) -> float:
    """0.5, plus evidence: a point-precise place (+0.15, district +0.1), a stated
    date (+0.15, relative +0.1), a named actor (+0.1); minus doubts: ambiguous
    place (-0.15), frontier-wide (-0.1), only a casualty word (-0.1), undated
    (-0.1), a planned event (-0.1)."""
    score = 0.5
    prec = c.place.match.precision
    score += {1: 0.15, 2: 0.1}.get(prec or 0, 0.0)
    score += {"absolute": 0.15, "relative": 0.1, "inherited": 0.05}.get(c.date_how, -0.1)
    if c.actor1:
        score += 0.1
    if c.place.match.ambiguous:
        score -= 0.15
    if c.place.role == "frontier":
        score -= 0.1
    if x.weak:
        score -= 0.1
    if "planned" in c.flags:
        score -= 0.1
    return round(min(max(score, 0.05), 0.95), 2)


def _enrich(cands: list[_Candidate], c: _Candidate) -> None:
    """A casualty count with no place of its own belongs to the paragraph's last incident."""
    prev = next(
        (p for p in reversed(cands) if p.paragraph == c.paragraph and p.kind in VIOLENT), None
    )
    if prev is None or prev.fatalities is not None:
        return
    prev.fatalities = c.fatalities
    prev.notes.append(f"fatalities from sentence {c.sentence}: " + ", ".join(c.notes))


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


def _table(
    cands: list[_Candidate],
    text: str,
    ref: dt.date | None,
    message: str | None,
    *,
    source: str | None = None,
) -> pd.DataFrame:
    rows = []
    for n, c in enumerate(cands, 1):
        m = c.place.match
        ev_type, sub = c.types
        hint = {c2.match.method: c2.label for c2 in c.place.context}
        rows.append(
            {
                "incident_id": f"X{n:03d}",
                "date": pd.Timestamp(c.first) if c.first else pd.NaT,
                "date_end": pd.Timestamp(c.last) if c.last and c.last != c.first else pd.NaT,
                "event_type": ev_type,
                "sub_event_type": sub,
                "actor1": c.actor1,
                "actor2": c.actor2,
                "fatalities": c.fatalities,
                "location": c.place.label if c.place.role != "frontier" else c.place.text,
                "admin1": hint.get("admin1"),
                "admin2": hint.get("admin2"),
                "country": hint.get("country"),
                "latitude": m.lat,
                "longitude": m.lon,
                "source": source,
                "notes": None,
                "geocode_method": m.method,
                "geo_precision": m.precision,
                "uncertainty_km": m.uncertainty_km,
                "matched_name": m.name,
                "ambiguous": bool(m.ambiguous),
                "source_row": c.sentence,
                "review_flags": ";".join(dict.fromkeys(c.flags)),
                "event_kind": c.kind,
                "evidence": c.evidence,
                "evidence_span": f"{c.span[0]}:{c.span[1]}",
                "confidence": c.confidence,
                "extraction_notes": "; ".join(dict.fromkeys(c.notes)),
            }
        )
    cols = {**CORE, **GEOCODE, **ACCOUNTING, **EXTRA_COLUMNS}
    if not rows:
        df = coerce(pd.DataFrame(index=pd.RangeIndex(0)), cols)
    else:
        # Typed arrays built directly: the same dtypes as schema.coerce gives (a test
        # pins that), at a fraction of the per-article cost of casting column by column.
        data = {}
        for col, dtype in cols.items():
            vals = [r[col] for r in rows]
            if dtype == "datetime64[ns]":
                data[col] = pd.to_datetime(pd.Series(vals, dtype=object)).astype(dtype).array
            else:
                data[col] = pd.array(vals, dtype=dtype)
        df = pd.DataFrame(data)
    df.attrs.update(
        {
            "article_date": ref.isoformat() if ref else None,
            "message": message,
            "text": text,
        }
    )
    return df


def _latest_year(date_text: str) -> int | None:
    """Year of a yearless dateline: the latest such day that is not in the future."""
    today = dt.date.today()
    this = parse_date_text(date_text, today.year)
    if this is None:
        return None
    return today.year if this <= today else today.year - 1


def _as_date(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise IncidentError(f"article_date must be a date or a 'YYYY-MM-DD' string, got {value!r}")
