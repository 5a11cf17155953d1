"""One sentence -> candidate incidents: triggers, places, dates, actors, counts."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from incidents._extract_dates import DateSpan, find_dates
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
from incidents._extract_places import (
    FRONTIER_NAME,
    _frontier_place,
    _Place,
    _place_key,
    _places,
)
from incidents._extract_text import Sentence
from incidents.geocode import Geocoder

#: Days before the article given to an event whose date is not stated.
UNDATED_DAYS = 7

_REPORTED = re.compile(
    r"\b(?:said|says|told \w+|announced|reported|confirmed|added|stated|claimed)\s+$"
)


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
