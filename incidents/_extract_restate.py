"""Restatements of one incident that the plain fold misses, and their neighbours.

:func:`incidents._extract_merge._merge` folds repeats told at one place with
overlapping dates, and coarser rows into the finer row they hold.  News restates
an incident in ways those two rules do not see:

* the lead reports it with the day of the statement ("..., an official said on
  Wednesday") and a later sentence gives the day it began ("On Monday, the
  college came under attack"): same place, windows a day or two apart
  (:func:`fold_adjacent`);
* a sentence tells how the conflict began ("The clash erupted when militants
  stormed a post in X early Saturday"): the start of the incident of the lead,
  a day before it (:func:`fold_adjacent`);
* a target told as part of the one before it ("strikes on posts near X, including
  the Y air base"), Y not inside X's unit: one strike, at X (:func:`fold_included`);
* a sentence names its district and, in a later clause, the one place inside it
  where it happened ("operations in X district after troops spotted militants
  near Y"): the finer place is the row's (:func:`refine_in_sentence`).

And one that must not be folded: "In another operation in X, ..." is an incident
of its own, told among the events before it; undated, it takes the date of the
event told just before it, not the article's lead (:func:`date_of_another`), so
that a lead at the same place of another day does not swallow it.  So does the
next item of a list ("First, ... Second, jets bombed X").
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from geo.sphere import point_km
from incidents._extract_anaphora import crossing_match
from incidents._extract_claims import claim_key
from incidents._extract_events import _Candidate
from incidents._extract_lex import VIOLENT, triggers_in
from incidents._extract_places import _LEVEL, _inside, _km, _Place, _places
from incidents._extract_wide import _overlap
from incidents.geocode import Geocoder, Match

if TYPE_CHECKING:
    from incidents._extract_counts import Count

__all__ = [
    "add_claims",
    "date_of_another",
    "finer_in",
    "fold_adjacent",
    "fold_included",
    "fold_when",
    "refine_in_sentence",
    "same_night",
    "the_dated",
]

#: Days between two windows at one place that a restatement may bridge (the
#: statement's day and the event's, a conflict and the raid that started it).
ADJACENT_DAYS = 1

#: "The clash erupted when ...": the sentence tells how the incident of the lead began.
_BEGAN = re.compile(
    r"\b(?:conflict|confrontation|clash(?:es)?|fighting|hostilities|skirmish(?:es)?|"
    r"exchange of fire|stand-?off|violence|escalation|flare-?up)\s+(?:first\s+)?"
    r"(?:began|started|erupted|broke out|was triggered|was sparked)\s+(?:when|after)\b",
    re.IGNORECASE,
)

#: A reporting verb right before a date ("an official said on Wednesday") or right
#: after it ("officials on Monday said").
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told \w+|announced|reported|confirmed|added|stated|claimed)\s+$",
    re.IGNORECASE,
)
_SAID_AFTER = re.compile(
    r"\s*,?\s*(?:said|says|told|announced|reported|confirmed|stated|claimed)\b", re.IGNORECASE
)
_ROSE_TO = r"\b(?:rose|risen|climbed|increased|jumped|reached|mounted|went up)\s+to"
#: A toll's update dated ("the death toll rose to 46 on Monday evening"): the day it
#: was counted, not the event's.
_TOLL_ROSE = re.compile(
    r"\b(?:toll|number of (?:the )?(?:dead|deaths|fatalities|casualties))\b[^.;]{0,70}?"
    rf"{_ROSE_TO}\s+(?:at least\s+)?[\w-]+\s+$",
    re.IGNORECASE,
)
#: ... or fronted: "With the recovery of four bodies on Friday, the death toll rose to 8".
_TOLL_ROSE_AFTER = re.compile(
    rf"[^.;,]{{0,20}},\s*the\s+(?:death\s+)?toll\b[^.;]{{0,100}}?{_ROSE_TO}\b",
    re.IGNORECASE,
)

#: "In another operation ...", "In yet another attack ...": an incident of its own
#: in a series told before it.
_ANOTHER = re.compile(
    r"\W*(?:in|during)\s+(?:yet\s+)?another\s+(?:[\w-]+\s+){0,2}?"
    r"(?:operation|attack|incident|raid|strike|clash|encounter|ambush|assault|"
    r"engagement|shootout|gunfight|blast|explosion|bombing)s?\b",
    re.IGNORECASE,
)
#: Words that tell an incident apart from the one told before ("another bomb went
#: off", "the second attack this week").
_OTHER = re.compile(
    r"\b(?:another|second|third|separate|earlier|previous|similar|fresh|new)\s+"
    r"(?:[\w-]+\s+)?(?:attacks?|incidents?|blasts?|bombs?|clash(?:es)?|raids?|strikes?|"
    r"ambush(?:es)?|explosions?|assaults?|operations?|encounters?)\b",
    re.IGNORECASE,
)
#: "First, ... Second, jets bombed ...": the next item of a list of responses told
#: after its date ("On 24 December, Pakistan responded in two ways.").
_NEXT_ITEM = re.compile(
    r"\W*(?:second(?:ly)?|third(?:ly)?|fourth(?:ly)?|finally|lastly)\s*,", re.IGNORECASE
)


def add_claims(have: list[Count], more: list[Count]) -> list[Count]:
    """``have`` and the counts of ``more`` that make a claim ``have`` does not
    (:func:`incidents._extract_claims.claim_key`): the counts a row takes from a
    repeat of it."""
    held = {claim_key(n) for n in have}
    return have + [n for n in more if claim_key(n) not in held]


def finer_in(p: _Place, unit: Match) -> bool:
    """Whether ``p`` names a place finer than the admin unit ``unit`` inside it."""
    m = p.match
    if math.isnan(m.lat) or not _inside(m, unit):
        return False
    if p.fallback:  # a named place inside that unit (or a unit inside it)
        return _LEVEL.get(m.method, 0) <= _LEVEL.get(unit.method, 0)
    return _LEVEL.get(m.method, 0) < _LEVEL.get(unit.method, 0)


def _said_on(c: _Candidate) -> bool:
    """Whether the row's date is only the day its statement was made."""
    if any(n.startswith("date of the statement") for n in c.notes):
        return True
    if not c.date_text or c.date_how != "relative":
        return False
    k = c.evidence.find(c.date_text)
    if k < 0:
        return False
    before = c.evidence[max(0, k - 30) : k]
    if _TOLL_ROSE.search(c.evidence, max(0, k - 110), k) or _TOLL_ROSE_AFTER.match(
        c.evidence, k + len(c.date_text)
    ):
        return True
    return bool(_SAID_BEFORE.search(before) or _SAID_AFTER.match(c.evidence, k + len(c.date_text)))


def _site(c: _Candidate) -> tuple[str, str, float, float] | None:
    """The point or unit a row is placed at (a name not found and placed at its
    district is at that district); None for a frontier-wide or unplaced row.  Two
    rows are at one site when their keys are equal."""
    m = c.place.match
    if c.place.role == "frontier" or math.isnan(m.lat):
        return None
    return (m.name, m.method, round(m.lat, 3), round(m.lon, 3))


def same_site(a: _Candidate, b: _Candidate) -> bool:
    """Whether two rows are placed at one point or unit (see :func:`_site`)."""
    site = _site(a)
    return site is not None and site == _site(b)


def _gap_days(early: _Candidate, late: _Candidate) -> int | None:
    """Days from the end of ``early``'s window to the start of ``late``'s (None
    when either is undated)."""
    if early.first is None or late.first is None:
        return None
    return (late.first - (early.last or early.first)).days


def fold_adjacent(cands: list[_Candidate]) -> list[_Candidate]:
    """Fold a violent row into the earlier-told row at the same site whose window
    ends at most :data:`ADJACENT_DAYS` after it begins, when the text says they are
    one incident: the earlier row is dated only by its statement ("an official said
    on Wednesday") and the later one by the event ("On Monday, ... came under
    attack"), or the later sentence tells how the conflict began ("The clash
    erupted when ... early Saturday").  The host keeps the first report and spans
    both windows.

    Parameters
    ----------
    cands : list of _Candidate
        Rows after the plain fold, in sentence order.

    Returns
    -------
    list of _Candidate
        The rows kept (hosts changed in place).
    """
    gone: set[int] = set()
    # rows grouped by site, in sentence order: only rows at one site can fold, so
    # the pass is linear in the rows (quadratic only within one site)
    at: dict[tuple[str, str, float, float], list[_Candidate]] = {}
    for c in cands:
        site = _site(c)
        if site is not None and c.kind in VIOLENT and c.first is not None:
            at.setdefault(site, []).append(c)
    for host in (c for rows in at.values() for c in rows):
        if id(host) in gone:
            continue
        for c in at[_site(host)]:  # type: ignore[index]
            if c is host or id(c) in gone or c.sentence <= host.sentence:
                continue
            if _ANOTHER.match(c.evidence) or _OTHER.search(c.evidence):
                continue
            gap = _gap_days(c, host)  # the later sentence tells an earlier day
            if gap is None or not 0 <= gap <= ADJACENT_DAYS:
                continue
            began = _BEGAN.search(c.evidence)
            if not (began or _said_on(host)):
                continue
            gone.add(id(c))
            assert host.first is not None and c.first is not None
            host.first = min(host.first, c.first)
            host.last = max(host.last or host.first, c.last or c.first)
            host.merged += 1
            how = "how it began" if began else "its day"
            host.notes.append(
                f"sentence {c.sentence} tells {how} ({c.first}): one incident"
                f" -> {host.first}..{host.last}"
            )
            host.counts = add_claims(host.counts, c.counts)
            host.actor1 = host.actor1 or c.actor1
            host.actor2 = host.actor2 or c.actor2
    return [c for c in cands if id(c) not in gone]


def refine_in_sentence(new: list[_Candidate], text: str, gc: Geocoder) -> None:
    """A violent row placed at a district whose own sentence names, in another
    clause, exactly one place inside that district that no row of the sentence
    holds ("operations were carried out in X district after troops spotted
    militants near Y"): the row is placed there, finer, in place."""
    rows = [
        c
        for c in new
        if c.kind in VIOLENT
        and c.place.role == "place"
        and not c.place.fallback
        and c.place.match.method == "admin2"
    ]
    if not rows:
        return
    held = {c.place.text.lower() for c in new}
    sites = [
        p
        for p in _places(text, gc)
        if p.role == "place"
        and not p.fallback
        and not p.match.ambiguous
        and p.text.lower() not in held
    ]
    for c in rows:
        unit = c.place.match
        inside = [p for p in sites if finer_in(p, unit)]
        if len(inside) != 1:
            continue
        p = inside[0]
        c.notes.append(f"placed at {p.label!r} named in its sentence (inside {unit.name})")
        c.notes.extend(p.notes)
        c.place = p


#: A crossing this far (km) beyond a unit's radius still lies on its edge.
CROSSING_EDGE_KM = 15.0


def closures_at_crossings(new: list[_Candidate]) -> None:
    """A closure placed at a province or district whose sentence places another row at
    a crossing inside it ("In Nangarhar province, the border was closed after forces
    exchanged fire in the Torkham border area"): a border closes at its crossing, so
    the closure is placed there, in place."""
    placed = [c for c in new if c.place is not None]
    crossings = [c.place for c in placed if crossing_match(c.place.match) and not c.place.fallback]
    for c in placed:
        if c.kind != "border_closure" or c.place.match.method not in ("admin1", "admin2"):
            continue
        unit = c.place.match
        inside = {
            id(p): p
            for p in crossings
            # (a crossing straddles the line: on the unit's edge, either side of it)
            if finer_in(p, unit)
            or point_km(p.match.lat, p.match.lon, unit.lat, unit.lon)
            <= (unit.uncertainty_km or 0) + CROSSING_EDGE_KM
        }
        if len(inside) != 1:
            continue
        (p,) = inside.values()
        c.notes.append(f"placed at the crossing {p.label!r} its sentence names inside it")
        c.place = p


#: How far apart (km) the two places of one "X when Y" sentence may lie and still be
#: one incident's (a district town and a village of that district).
WHEN_KM = 30.0
_WHEN = re.compile(r"\s(?:when|as)\s", re.IGNORECASE)


def fold_when(new: list[_Candidate], text: str, gc: Geocoder) -> list[_Candidate]:
    """One incident told in two clauses of one sentence, the second saying when the
    first happened ("a policeman was killed in X when militants attacked the Y police
    station"): two violent rows whose places lie within :data:`WHEN_KM` of each other
    (or in one named district) and whose windows overlap are one, at the finer place
    (at one level, the place of the "when" clause; a village kept is read again with
    the other place's district as a hint) with the counts of both.  Returns the rows
    kept."""
    violent = [c for c in new if c.kind in VIOLENT and c.place.role == "place"]
    out = list(new)
    for a, b in zip(violent, violent[1:], strict=False):
        if a not in out or b not in out or a.place.end > b.place.start:
            continue
        gap = text[a.place.end : b.place.start]
        if ";" in gap or not _WHEN.search(gap):
            continue
        ma, mb = a.place.match, b.place.match
        near = _km(ma, mb) <= WHEN_KM or (bool(ma.admin2) and ma.admin2 == mb.admin2)
        if not near or not _overlap(a, b, slack=0):
            continue
        # the site of the event the "when" clause tells, unless the other is finer
        finer_a = _LEVEL.get(ma.method, 0) < _LEVEL.get(mb.method, 0) or (
            b.place.fallback and not a.place.fallback
        )
        keep, drop = (a, b) if finer_a else (b, a)
        _read_near(keep.place, drop.place.match, gc)
        have = {claim_key(n) for n in keep.counts}
        keep.counts = keep.counts + [n for n in drop.counts if claim_key(n) not in have]
        keep.notes.append(f"the same incident as at {drop.place.label!r} in its sentence")
        out.remove(drop)
    return out


def _read_near(p: _Place, other: Match, gc: Geocoder) -> None:
    """Read the village ``p`` again with the district of the ``other`` place of its
    incident as a hint (its radius then is that of a hinted name), in place."""
    if p.match.method != "gazetteer" or p.fallback or not other.admin2:
        return
    res = gc.resolve(p.text, admin2=other.admin2)
    got = res[0] if res else None
    if got is not None and got.method == "gazetteer" and got.admin2 == other.admin2:
        p.match = got


# An event noun after "the": the event told before, named again ("The strike hit X in
# the early hours", "47 died in the airstrikes")
_THE = (
    r"\s+(?:[\w-]+\s+)?(?:(?:air\s?)?strikes?|airstrikes?|attacks?|blasts?|explosions?|"
    r"shelling|raids?|bombing|assault|ambush|clash(?:es)?)\b"
)
_THE_EVENT = re.compile(rf"^\W*The{_THE}")
_NIGHT = re.compile(
    r"^(?:overnight|last night|late last night|during the night|in the early hours)$", re.I
)


def same_night(new: list[_Candidate], cands: list[_Candidate]) -> None:
    """A sentence naming the event told before ("The strike ...") dated only by a time
    of night takes that event's date (the night of "late on Saturday", not the one
    before the article), in place."""
    for c in new:
        if (c.kind not in VIOLENT and c.kind != "_casualties") or not _THE_EVENT.match(c.evidence):
            continue
        if c.date_rel != "article" or not _NIGHT.match(c.date_text or ""):
            continue
        prev = None
        for p in reversed(cands):  # in sentence order: only the last two sentences are read
            if c.sentence - p.sentence > 2:
                break
            if (
                p.kind in VIOLENT
                and p.date_how in ("absolute", "relative")
                and p.first is not None
                and p.last is not None
                and (p.last - p.first).days <= 1
            ):
                prev = p
                break
        if prev is None:
            continue
        c.first, c.last, c.date_how = prev.first, prev.last, "inherited"
        c.notes.append(f"{c.date_text!r} of the event told in sentence {prev.sentence}")


# "the airstrikes", "the attack": an event named before, by its definite noun
_THE_NOUN = re.compile(rf"\bthe{_THE}", re.IGNORECASE)


def the_dated(new: list[_Candidate], before: str, dated: tuple[dt.date, dt.date, str]) -> None:
    """An undated violent row whose sentence names its event by a definite noun ("47
    died in the airstrikes") takes the day of the sentence before when that sentence
    tells an event of the same kind on that day ("... protested the airstrikes carried
    out on April 16"), in place."""
    first, last, text = dated
    if (last - first).days > 2:
        return
    kinds = {x.kind for x in triggers_in(before) if x.violent}
    for c in new:
        if c.kind not in VIOLENT or c.date_how != "not stated" or c.kind not in kinds:
            continue
        if not _THE_NOUN.search(c.evidence):
            continue
        c.first, c.last, c.date_how = first, last, "inherited"
        c.flags = [f for f in c.flags if f != "date_not_stated"]
        c.notes.append(f"the event of the sentence before, dated {text!r} -> {first}..{last}")


#: A victim named by a pronoun: the person the sentence before told of ("had earlier
#: on November 19 killed Khalil ... / The troops engaged and killed him in X").
_PRONOUN_VICTIM = re.compile(
    r"\b(?:killed|shot|gunned\s+down|martyred|eliminated|neutrali[sz]ed|injured|wounded)\s+"
    r"(?:him|her)\b"
    r"|^\W*(?:He|She)\s+(?:was|had\s+been)\s+(?:\w+\s+)?(?:killed|shot|martyred|gunned\s+down)\b"
)
_TWO_DAYS = dt.timedelta(days=2)


def date_of_another(cands: list[_Candidate]) -> None:
    """An undated violent row opened by "In another operation ..." or by the next
    item of a list ("Second, jets bombed ...") takes the date of the dated violent
    row told just before it (the series it belongs to), in place; so does one that
    tells on the victim of the sentence just before by a pronoun ("The troops
    engaged and killed him in the Mandal area")."""
    for k, c in enumerate(cands):
        if c.kind not in VIOLENT or c.date_how != "not stated":
            continue
        series = bool(_ANOTHER.match(c.evidence) or _NEXT_ITEM.match(c.evidence))
        told_on = bool(_PRONOUN_VICTIM.search(c.evidence))  # "... killed him in X"
        if not (series or told_on):
            continue
        prev = next(
            (
                p
                for p in reversed(cands[:k])
                if p.kind in VIOLENT
                and p.sentence < c.sentence
                and p.first is not None
                and p.date_how != "not stated"
            ),
            None,
        )
        if prev is None or prev.first is None:
            continue
        if (
            told_on
            and not series
            and (
                prev.sentence != c.sentence - 1
                or (prev.last or prev.first) - prev.first > _TWO_DAYS
            )
        ):
            continue  # (the victim of the sentence just before, told on: its day only)
        c.first, c.last, c.date_how = prev.first, prev.last, "inherited"
        c.flags = [f for f in c.flags if f != "date_not_stated"]
        c.notes.append(
            f"another incident of the series: the date of sentence {prev.sentence}"
            f" -> {prev.first}..{prev.last or prev.first}"
        )


#: ", including the ...": what follows is part of the place before it.
_INCLUDING = re.compile(r"^\s*,?\s*(?:including|among them|notably)\s+(?:the\s+)?$", re.IGNORECASE)


def fold_included(
    cands: list[_Candidate], finer: Callable[[_Candidate, _Candidate], bool]
) -> list[_Candidate]:
    """Fold a violent row whose place is told as part of the place of the row before
    it in the same sentence, of the same kind ("air strikes on posts near X,
    including the Y air base"): one strike, kept at the first place.  A finer
    place inside the first one's unit ("in X province, including Y district") is
    left to the restatement fold (``finer(fine, coarse)``), which keeps Y.

    Parameters
    ----------
    cands : list of _Candidate
        Rows, in sentence order.
    finer : callable
        Whether the first row is a finer place inside the second's unit.

    Returns
    -------
    list of _Candidate
        The rows kept (hosts changed in place).
    """
    gone: set[int] = set()
    for a, b in zip(cands, cands[1:], strict=False):
        if id(a) in gone or a.sentence != b.sentence or a.kind != b.kind:
            continue
        if a.kind not in VIOLENT or "frontier" in (a.place.role, b.place.role):
            continue
        if a.place.end > b.place.start or not _INCLUDING.match(
            a.evidence[a.place.end : b.place.start]
        ):
            continue
        if finer(b, a):
            continue
        gone.add(id(b))
        a.merged += 1
        a.notes.append(f"{b.place.text!r} told as part of it (sentence {b.sentence})")
        a.counts = add_claims(a.counts, b.counts)
    return [c for c in cands if id(c) not in gone]
