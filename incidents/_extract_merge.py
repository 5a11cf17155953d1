"""Folding repeats and restatements of one incident into one row."""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re

from geo.sphere import point_km
from incidents._extract_accounts import fold_two_accounts
from incidents._extract_across import _same, across_line
from incidents._extract_anaphora import one_of_them
from incidents._extract_counts import Count, fill_counts
from incidents._extract_events import REPORTED, _Candidate
from incidents._extract_lex import VIOLENT
from incidents._extract_mutual import other_sides
from incidents._extract_phrasing import other_groups
from incidents._extract_phrasing_h import own_reply
from incidents._extract_phrasing_k import restated_after, restates_before, told_elsewhere
from incidents._extract_phrasing_m import distinct_tolls, own_sentence_venue
from incidents._extract_places import (
    _LEVEL as _PLACE_LEVEL,
)
from incidents._extract_places import (
    _place_key,
    _places,
    article_index,
    within_article,
)
from incidents._extract_restate import add_claims, finer_in, fold_adjacent, fold_included
from incidents._extract_wide import (
    distinct_on_frontier,
    fold_wide_closures,
    mutual,
    restate_reach,
)
from incidents.geocode import Geocoder, Match


def constrain_to_article(
    cands: list[_Candidate], units: list[tuple[int, Match]], gc: Geocoder
) -> None:
    """Read each bare place inside the units the article names
    (:func:`incidents._extract_places.within_article`), in place."""
    _one_name_one_place(cands)
    index = article_index(units)
    for c in cands:
        before = c.place.match
        # "Khar Kallay": a village of its own name, read only as "Khar"
        suffix = _VILLAGE_AFTER.match(c.evidence, c.place.end) if c.place.text else None
        # "in Lalpura, Afghanistan": the country the sentence names beside the place
        told = _COUNTRY_AFTER.match(c.evidence, c.place.end) if c.place.text else None
        within_article(
            c.place,
            c.span[0] + c.place.start,
            index,
            gc,
            loose=suffix is not None,
            country=_COUNTRY_CODE[told.group(1).lower()] if told else None,
        )
        if suffix is not None and c.place.match is not before:
            c.place.text = f"{c.place.text}{suffix.group(0)}"  # the village's own name
        if c.place.match is not before:
            if not c.place.match.ambiguous:
                c.flags = [f for f in c.flags if f != "ambiguous_place"]
            c.notes.append(c.place.notes[-1])


#: A country apposed to a place: "in Lalpura, Afghanistan", "Lal Pura, Pakistan".
_COUNTRY_AFTER = re.compile(r",\s+(Afghanistan|Pakistan)\b(?!['’]s|\s+(?:and|or)\b)", re.I)
_COUNTRY_CODE = {"afghanistan": "AF", "pakistan": "PK"}
#: Pashto "village" written after a name as part of it: "Khar Kallay", "Ahmad Khan Kalle".
_VILLAGE_AFTER = re.compile(r"\s+(?:Kallay|Kalay|Kelay|Kalle|Kally|Killi|Kili)\b")


def _one_name_one_place(cands: list[_Candidate]) -> None:
    """A name the article places by the units named beside it ("Nawa district of
    Ghazni province") is that place wherever the article names it again without
    them ("the post in Nawa district"), not a namesake elsewhere; unless the
    article places the name in two units.  In place."""
    told: dict[str, tuple[Match, str | None] | None] = {}
    for c in cands:
        p = c.place
        if p.role != "place" or p.fallback or not p.context or math.isnan(p.match.lat):
            continue
        key = p.text.lower()
        first = told.setdefault(key, (p.match, p.qual))
        if first is not None and _km_to(first[0], p.match) > 0.5:
            told[key] = None  # two places of that name: each mention stands
    for c in cands:
        p = c.place
        if p.role != "place" or p.fallback or p.context:
            continue
        got = told.get((p.named or p.text).lower())  # ("the area": the name it refers to)
        if got is None:
            continue
        m, qual = got
        if (qual and p.qual and qual != p.qual) or _km_to(m, p.match) <= 0.5:
            continue
        p.match = m
        note = f"{p.text!r} as the article places it beside its units: {m.name}"
        p.notes.append(note)
        c.notes.append(note)
        if not m.ambiguous:
            c.flags = [f for f in c.flags if f != "ambiguous_place"]


# "The tragic incident occurred in X": where the event told before took place.
_OCCURRED = re.compile(
    r"^\W*(?:The|This)\s+(?:[\w-]+\s+){0,2}(?:incident|attack|strike|blast|explosion|"
    r"shelling|clash|bombing|assault)\s+(?:[\w-]+\s+)?(?:occurred|took place|happened)\b"
)


_GENERAL_AREA = re.compile(r"\bin\s+the\s+general\s+areas?\s+of\b", re.IGNORECASE)


def refine_by_sentence(
    cands: list[_Candidate],
    i: int,
    t: str,
    gc: Geocoder,
    dated: tuple[dt.date, dt.date, str] | None = None,
) -> None:
    """Sentence ``i`` reports no event but names a place inside the province or
    district of a violent row of the two sentences before it ("... killing 25
    militants in Kurram and North Waziristan districts." / "The groups were
    detected in Ghaki, Kurram and Spinwam, North Waziristan."): the row is placed
    there, finer, keeping its evidence.  A unit holding several such places is
    left as it is (which of them the row meant is not said)."""
    recent = []
    told = _OCCURRED.match(t) is not None
    # "... in the general area of X in Y district": the military's wording for the site
    # of the event the sentence before told at its province
    area = _GENERAL_AREA.search(t) is not None and not _SEPARATE.match(t)
    for c in reversed(cands):  # in sentence order: only the tail is read (linear time)
        if c.sentence < i - 2:
            break
        if (
            c.kind in VIOLENT
            and c.sentence < i
            and c.place.role == "place"
            and not c.place.fallback
            # (a province only when the sentence says where "the incident occurred")
            and (
                c.place.match.method == "admin2"
                or (c.place.match.method == "admin1" and (told or (area and c.sentence == i - 1)))
            )
        ):
            recent.append(c)
    if not recent:
        return
    sites = [p for p in _places(t, gc) if p.role == "place"]
    for c in recent:
        unit = c.place.match
        inside = [p for p in sites if finer_in(p, unit)]
        if len(inside) > 1:
            # "at X police station in Y tehsil, located in Z district": one place told
            # with the units that hold it, the finest answers
            inside.sort(key=lambda p: p.match.uncertainty_km)
            head = inside[0]
            if all(
                o.match.method in ("admin1", "admin2")
                and (finer_in(head, o.match) or _place_key(o) == _place_key(head))
                for o in inside[1:]
            ):
                inside = [head]
        if len(inside) != 1:
            continue
        if (
            dated is not None
            and c.first is not None
            and not (dated[0] <= (c.last or c.first) and c.first <= dated[1])
        ):
            continue  # another day's news about that unit
        p = inside[0]
        c.notes.append(f"placed at {p.label!r} named in sentence {i} (inside {unit.name})")
        c.notes.extend(p.notes)
        c.place = p


#: How many days before an undated row's default window a dated row at the same place
#: may lie and still be the incident it mentions.
UNDATED_REACH_DAYS = 7


def _overlap(a: _Candidate, b: _Candidate) -> bool:
    """Whether the date windows meet; a closure is a state that lasts, so two
    closures of one crossing a day apart ("remained closed for a second day") are
    one."""
    if a.first is None or b.first is None:
        return True
    slack = dt.timedelta(days=1 if a.kind == b.kind == "border_closure" else 0)
    if a.date_how == "not stated" and b.date_how in ("absolute", "relative"):
        a, b = b, a
    if (
        b.date_how == "not stated"
        and a.date_how in ("absolute", "relative")
        and a.kind in VIOLENT
        and b.kind in VIOLENT
        and a.place.role != "frontier"
        and not b.counts  # (an undated row with its own toll is news of its own)
    ):
        # an undated, uncounted mention ("arrests over the Mastung suicide blast") of
        # an incident dated elsewhere in the week before: its default window (the day
        # before the article date, or that day) is no date of its own
        slack = max(slack, dt.timedelta(days=UNDATED_REACH_DAYS))
    return a.first <= (b.last or b.first) + slack and b.first <= (a.last or a.first) + slack


def _same_place(a: _Candidate, b: _Candidate) -> bool:
    """Whether ``b`` is told at the place of ``a``, or is a casualty summary at a
    coarser unit holding it (read by :mod:`incidents._extract_sides`)."""
    if _place_key(a.place) == _place_key(b.place):
        return True
    # "UNAMA said 10 were killed in Khost": a casualty summary of an incident in that
    # province (a summary is not finer than the incident: "eleven troops were killed
    # in Khyber district" is not a summary of a province-wide row of Khyber Pakhtunkhwa)
    # (two places of one sentence are two sites: "four in X and two in Y")
    if (
        b.kind == "killing"
        and a.kind in VIOLENT
        and b.place.role != "frontier"
        and (a.sentence != b.sentence)
    ):
        ma, mb = a.place.match, b.place.match
        coarser = _PLACE_LEVEL.get(mb.method, 0) > _PLACE_LEVEL.get(ma.method, 0)
        same_unit = bool(ma.admin1 and ma.admin1 == mb.admin1)
        return same_unit and coarser and bool(mb.precision and mb.precision >= 1)
    return False


# "Group Y claimed responsibility for the deadly attack in X": the attack told before
_CLAIM_THE = re.compile(
    r"\bclaim(?:ed|s|ing)?\s+(?:responsibility|credit)\s+for\s+the\b"
    r"|\bclaimed\s+the\s+(?:[\w-]+\s+){0,2}(?:attack|bombing|blast|assault|ambush|raid)\b",
    re.IGNORECASE,
)


def _claims_it(o: _Candidate, c: _Candidate) -> bool:
    """Whether ``c``, undated, is a claim of responsibility for the incident ``o`` at
    its place told before it (then its date is ``o``'s)."""
    return (
        o.sentence < c.sentence
        and c.date_how in ("not stated", "inherited")
        and bool(_CLAIM_THE.search(c.evidence))
    )


def _merge(cands: list[_Candidate]) -> list[_Candidate]:
    """Fold repeats (same class, same place, overlapping dates) into the first
    report; hosts are indexed by (class, place) so the pass stays linear in the
    number of candidates.  A casualty summary at a coarser unit ("UNAMA said 10 were
    killed in Khost") is folded into the incident it restates afterwards, with the
    other restatements (:func:`_fold_restatements`)."""
    out: list[_Candidate] = []
    by_place: dict[tuple, list[_Candidate]] = {}
    tolls = _list_tolls(cands)
    for c in cands:
        cls = "violent" if c.kind in VIOLENT else c.kind
        pool = list(by_place.get((cls, _place_key(c.place)), ()))
        host = next(
            (
                o
                for o in pool
                if (_overlap(o, c) or _claims_it(o, c))
                and not _distinct_on_frontier(o, c)
                # ("In another attack ..." at the same place: an incident of its own)
                and not (o.sentence != c.sentence and _SEPARATE.match(c.evidence))
                # (nor one of several incidents an earlier sentence placed there: "The
                # incidents occurred in X. In the first incident, ... Later, ...")
                and not (o.sentence != c.sentence and one_of_them(c) and one_of_them(o))
            ),
            None,
        )
        if host is None:
            out.append(c)
            by_place.setdefault((cls, _place_key(c.place)), []).append(c)
            continue
        host.merged += 1
        host.notes.append(f"also reported in sentence {c.sentence}")
        if c.kind in VIOLENT:
            _own_count(host, c, tolls)
        _take_counts(host, c)
        if host.date_how in ("not stated", "inherited") and c.date_how in ("absolute", "relative"):
            host.first, host.last, host.date_how = c.first, c.last, c.date_how
            host.flags = [f for f in host.flags if f != "date_not_stated"]
        host.actor1 = host.actor1 or c.actor1
        host.actor2 = host.actor2 or c.actor2
    out = fold_adjacent(out)  # the statement's day and the event's, a clash and its start
    out = fold_included(out, _inside_of)  # "near X, including the Y base"
    out = fold_two_accounts(out)  # each side's account of one fight, at its own side
    return fold_wide_closures(_venue_of_agreement(_fold_restatements(out, tolls)))


_WEAPONS = frozenset({"air_strike", "shelling", "bombing", "suicide_bombing"})


def _distinct_on_frontier(a: _Candidate, b: _Candidate) -> bool:
    """Two frontier-wide rows told with different weapons ("strikes on Afghan
    territory" and "a suicide attack near the border") are two events: without a
    place, the weapon is what tells them apart."""
    return (
        a.place.role == "frontier"
        and a.kind != b.kind
        and a.kind in _WEAPONS
        and b.kind in _WEAPONS
    ) or distinct_on_frontier(a, b)


def _venue_of_agreement(cands: list[_Candidate]) -> list[_Candidate]:
    """A ceasefire stated without a place, and talks at a venue abroad on
    overlapping dates, are one agreement: it is placed at the venue."""
    venues = [c for c in cands if c.kind in ("talks", "ceasefire") and c.place.role != "frontier"]
    out = []
    for c in cands:
        host = None
        if c.kind == "ceasefire" and c.place.role == "frontier":
            # the talks its own sentence names first ("extended until talks in Doha")
            host = own_sentence_venue(c, venues)
            host = host or next((v for v in venues if _overlap(v, c)), None)
            if host is None and c.date_how in ("inherited", "not stated"):
                # "agreed on an immediate ceasefire. ... after the talks held in Doha":
                # an undated agreement and the talks told next to it
                near = [v for v in venues if abs(v.sentence - c.sentence) <= 2]
                host = min(near, key=lambda v: abs(v.sentence - c.sentence), default=None)
        if host is None:
            out.append(c)
            continue
        host.kind = "ceasefire"
        host.types = c.types
        host.merged += 1
        host.notes.append(f"the ceasefire of sentence {c.sentence} was agreed there")
    return out


def _list_tolls(cands: list[_Candidate]) -> set[int]:
    """Ids of counts that are a list's toll: held by the first of several violent
    rows one sentence placed ("strikes on X and Y killed eight") while the other
    rows of that sentence have no count of that kind."""
    listed: dict[int, list[_Candidate]] = {}
    for c in cands:
        if c.kind in VIOLENT and c.place.role != "frontier":
            listed.setdefault(c.sentence, []).append(c)
    out: set[int] = set()
    for rows in listed.values():
        if len(rows) < 2:
            continue
        for n in rows[0].counts:
            if not any(m.which == n.which for o in rows[1:] for m in o.counts):
                out.add(id(n))
    return out


def _own_count(host: _Candidate, c: _Candidate, tolls: set[int]) -> None:
    """A repeat counting this place alone ("two were killed in X") replaces a
    list's toll the host holds of that kind ("strikes on X and Y killed eight")."""
    for which in dict.fromkeys(n.which for n in c.counts if id(n) not in tolls):
        held = [n for n in host.counts if n.which == which]
        if held and all(id(n) in tolls for n in held):
            host.counts = [n for n in host.counts if n.which != which]
            host.notes.append(f"{which}: the count of sentence {c.sentence} is this place's own")


def _take_counts(host: _Candidate, c: _Candidate) -> None:
    """Counts of a repeat: groups the host has not counted yet."""
    host.counts = add_claims(host.counts, c.counts)
    if host.fatalities is None:
        host.fatalities = c.fatalities


def combine_counts(have: list[Count], more: list[Count]) -> list[Count]:
    """Counts of one incident told twice (a row and the coarser restatement of it
    alone), per kind (killed, wounded): a kind only one report counts is taken
    from it; when either report counts unspecified "people", the larger total is
    the incident's ("at least 46 people were killed" and "18 members of a family
    lost their lives"); otherwise each group takes its larger count across the two
    ("seven soldiers were killed" and "six terrorists were shot dead": 13).

    Parameters
    ----------
    have : list of Count
        The row's counts (kept on ties).
    more : list of Count
        The restatement's counts.

    Returns
    -------
    list of Count
        A new list; neither input is changed.
    """
    out: list[Count] = []
    for which in dict.fromkeys(n.which for n in [*have, *more]):
        h = [n for n in have if n.which == which]
        m = [n for n in more if n.which == which]
        if not h or not m:
            out.extend(h or m)
            continue
        gh: dict[str, int] = {}
        gm: dict[str, int] = {}
        for n in h:
            gh[n.group] = gh.get(n.group, 0) + n.value
        for n in m:
            gm[n.group] = gm.get(n.group, 0) + n.value
        if "people" in gh or "people" in gm:
            out.extend(m if sum(gm.values()) > sum(gh.values()) else h)
            continue
        for g in dict.fromkeys([*gh, *gm]):
            src = m if gm.get(g, 0) > gh.get(g, 0) else h
            out.extend(n for n in src if n.group == g)
    return out


_LEVEL = {"admin2": 1, "admin1": 2, "country": 3}
#: Sentences either side of a coarse row searched for the finer row it restates.
WINDOW = 30
#: Sentences either side of a frontier-wide summary ("clashes at several points along
#: the border") searched for the placed rows it sums up.
SUMMARY_WINDOW = 1


def _inside_of(fine: _Candidate, coarse: _Candidate) -> bool:
    """Whether ``fine`` is a place of a finer level (a town in a district, a
    district in a province) within the area of ``coarse``."""
    mf = fine.place.match
    if fine.place.role == "frontier" or math.isnan(mf.lat) or coarse.place.fallback:
        return False
    if coarse.place.role == "country":
        return True
    if any(_same(u.text, coarse.place.text) for u in fine.place.context):
        return True  # "the Kalash region of Chitral" restates "in Chitral": its unit named
    for mc in (coarse.place.match, coarse.place.area):
        if mc is None or math.isnan(mc.lat):
            continue
        lf: float = 0.0 if fine.place.fallback else _LEVEL.get(mf.method, 0)
        if fine.place.fallback and mf.method in _LEVEL:
            lf = _LEVEL[mf.method] - 0.5  # a named place inside that unit
        if lf >= _LEVEL.get(mc.method, 0):
            continue
        # inside the unit by its name (admin columns), else within its radius; never
        # across the border (Chaman town is not in Spin Boldak district)
        # (a crossing lies on both sides: for it only the distance counts)
        # (and the district opposite is a place of its own: provinces only)
        if mf.method == "crossing":
            # (a crossing given on one side, the province on the other: one event only
            # when the kinds agree, as across the line below: an air strike on
            # Kandahar is not the clash at the Chaman crossing)
            across = bool(mf.country and mc.country and mf.country != mc.country)
            if (
                mc.method == "admin1"
                and _km_to(mf, mc) <= (mc.uncertainty_km or 0)
                and (not across or _kinds_agree(fine, coarse))
            ):
                return True
            if mc.method == "admin2" and _same(mf.admin2, mc.admin2 or mc.name):
                return True
            continue
        if mf.country and mc.country and mf.country != mc.country:
            if mc.method == "admin1" and across_line(mf, mc) and _kinds_agree(fine, coarse):
                return True  # "an attack in Balochistan" / "... in the Spin Boldak area"
            continue
        own = {"admin1": mf.admin1, "admin2": mf.admin2}.get(mc.method)
        unit = {"admin1": mc.admin1, "admin2": mc.admin2}.get(mc.method) or mc.name
        if own and unit:
            if _same(own, unit):
                return True
            continue
        if _km_to(mf, mc) <= (mc.uncertainty_km or 0):
            return True
    return False


def _kinds_agree(a: _Candidate, b: _Candidate) -> bool:
    """Whether two violent rows may tell one event across the border: the same
    kind, or kinds that only say "fighting" (a strike across the line is the other
    side's answer, not the attack on this side)."""
    plain = ("attack", "armed_clash", "killing")
    return a.kind == b.kind or (a.kind in plain and b.kind in plain)


#: What stands between two items of one list of places: ", ", " and ", ", and ".
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:the\s+)?")


def _listed_together(a: _Candidate, b: _Candidate) -> bool:
    """Whether two rows of one sentence are places next to each other in a list."""
    x, y = sorted((a.place, b.place), key=lambda p: p.start)
    return a.evidence == b.evidence and bool(_LIST_GAP.fullmatch(a.evidence[x.end : y.start]))


def _unfound_restates(fine: _Candidate, coarse: _Candidate) -> bool:
    """A name not found in the gazetteer and placed at its whole province ("airstrikes
    on X village in Khyber Pakhtunkhwa") is told again at a place found inside that
    province in the next sentence ("... reduced large parts of the Y valley settlement
    to rubble"): one incident, placed at the place found."""
    mc, mf = coarse.place.match, fine.place.match
    if not coarse.place.fallback or fine.place.fallback or fine.place.role == "frontier":
        return False
    if fine.sentence == coarse.sentence and _listed_together(fine, coarse):
        return False  # "in Shawal and Gharlamai areas of X": two places of one list
    if mc.method == "admin1":
        return (
            abs(fine.sentence - coarse.sentence) <= 1
            and _LEVEL.get(mf.method, 0) < _LEVEL["admin1"]
            and _same(mf.admin1, mc.admin1 or mc.name)
        )
    # ("a bomb in X district's Y tehsil ... / ... in the Z area of Y tehsil", Z unknown:
    # placed at the district, inside which Y was told)
    # (a tehsil only: a town of the district's name is no site the unknown place is in)
    return (
        mc.method == "admin2"
        and mf.match_class == "tehsil"
        and abs(fine.sentence - coarse.sentence) <= 3
        and _same(mf.admin2, mc.admin2 or mc.name)
    )


def _km_to(a: Match, b: Match) -> float:
    return point_km(a.lat, a.lon, b.lat, b.lon)


def _dated_after(f: _Candidate, c: _Candidate) -> bool:
    """Whether the coarser row ``c``, with no day of its own, is told just before a
    finer row inside it that has one ("jets launched a series of airstrikes on Paktika
    province." / "The strike, which took place on the night of December 24, targeted
    seven villages, including Laman"): the finer row's day is the event's."""
    return (
        c.date_how in ("inherited", "not stated")
        and f.date_how in ("absolute", "relative")
        and 0 < f.sentence - c.sentence <= 2
        and _inside_of(f, c)
    )


def _speech_dated(c: _Candidate) -> bool:
    """Whether row ``c`` is dated by the day its source spoke ("..., police sources said
    on Thursday")."""
    if any(n.startswith("date of the statement") for n in c.notes):
        return True
    at = c.evidence.find(c.date_text) if c.date_text else -1
    return at > 0 and REPORTED.search(c.evidence, max(0, at - 30), at) is not None


def _told_on_statement_day(f: _Candidate, c: _Candidate) -> bool:
    """Whether the coarser row ``c`` is dated only by the day its source spoke ("... in
    Khyber Pakhtunkhwa, police sources said on Thursday") and a finer row inside it,
    told just after, gives the event's own earlier day ("The explosion occurred on
    Monday in North Waziristan district")."""
    return (
        0 < f.sentence - c.sentence <= 2
        and f.date_how in ("absolute", "relative")
        and _speech_dated(c)
        and not _speech_dated(f)
        and f.first is not None
        and c.last is not None
        and dt.timedelta(0) <= c.last - f.first <= dt.timedelta(days=UNDATED_REACH_DAYS)
        and _inside_of(f, c)
    )


def _fold_restatements(
    cands: list[_Candidate], tolls: frozenset[int] | set[int] = frozenset()
) -> list[_Candidate]:
    """A violent row at a coarser place (province, country) that contains a finer
    violent row of overlapping dates restates it: it becomes evidence of the finer
    row (its counts are kept when the finer row has none of its own).  Rows at the
    whole frontier are not folded: the frontier is a place of its own in the news."""
    violent = sorted(
        (c for c in cands if c.kind in VIOLENT and c.place.role != "frontier"),
        key=lambda c: c.sentence,
    )
    starts = [c.sentence for c in violent]
    gone: set[int] = set()
    for c in sorted(violent, key=lambda c: -_unc(c)):
        if id(c) in gone:
            continue
        # a restatement is near its event: look WINDOW sentences either side (linear time)
        lo = bisect.bisect_left(starts, c.sentence - WINDOW)
        hi = bisect.bisect_right(starts, c.sentence + WINDOW)
        finer = [
            f
            for f in violent[lo:hi]
            if f is not c
            and id(f) not in gone
            # ("The Sunday night attack at a post in Y also injured ...": the row before)
            and (
                _inside_of(f, c)
                or _unfound_restates(f, c)
                or restates_before(f, c)
                or restated_after(f, c)
            )
            and (_overlap(f, c) or _dated_after(f, c) or _told_on_statement_day(f, c))
            # (either one opening an incident of its own: "In another shootout in X")
            # (a sentence that opens "Separately, ..." is still told again after it)
            and not (
                f.sentence != c.sentence
                and (_SEPARATE.match(f.evidence) or _SEPARATE.match(c.evidence))
                and not restated_after(f, c)
            )
            # ("killed another 14 militants": more than the toll of the other row)
            and not distinct_tolls(f, c)
        ]
        if not finer:
            continue
        host = min(finer, key=lambda f: f.sentence)
        if restated_after(host, c) and host.sentence > c.sentence and told_elsewhere(c, host):
            # "gunmen attacked a van in X ... / The attackers opened fire on the van
            # near Y" with Y a namesake far from X: the incident stays at X
            host, c = c, host
            if id(host) in gone:
                continue
        gone.add(id(c))
        host.merged += 1
        host.notes.append(f"restated at {c.place.label!r} in sentence {c.sentence}")
        if len(finer) == 1 and c.merged == 0 and not _SEVERAL.search(c.evidence):
            # the coarser row restates this one incident: its counts are of it too
            # (not a toll of several: "killed in two separate attacks in X district")
            # (a list's toll does not outweigh this place's own count of that kind:
            # "strikes on X and Y killed eight" / "two were killed in X")
            have = {n.which for n in host.counts}
            more = [n for n in c.counts if id(n) not in tolls or n.which not in have]
            host.counts = combine_counts(host.counts, more)
        elif not _SEVERAL.search(c.evidence):
            host.counts = fill_counts(host.counts, c.counts)  # a list's total: its first place
        # (a toll "in two separate operations" is of them all, no one row's count)
        host.actor1 = host.actor1 or c.actor1
        host.actor2 = host.actor2 or c.actor2
        if (host.kind == "killing" and c.kind != "killing") or (
            host.kind == "attack" and c.kind == "air_strike"
        ):
            # "jets bombed houses in X province" / "two women were killed in X town":
            # the restatement says how they were killed (an "attack" it calls an air
            # strike: "airstrikes on X district ... the attack destroyed Y village")
            host.kind, host.types = c.kind, c.types
            host.notes.append(f"kind {c.kind} from sentence {c.sentence}")
    # "a mortar shell hit a house near the border": the incident placed elsewhere in
    # the article, told again without its place
    # ... and "clashes at several points along the border" told next to the places
    # of those clashes (the sentence before or after): a summary of them, not a
    # frontier-wide event of its own
    for c in cands:
        if c.kind not in VIOLENT or c.place.role != "frontier":
            continue
        near = bool(_NEAR.search(c.place.text))
        span = restate_reach(
            c.place.text,
            point=near,
            near=WINDOW,
            summary=SUMMARY_WINDOW,
            before=c.evidence[: c.place.start],
        )
        lo = bisect.bisect_left(starts, c.sentence - span)
        hi = bisect.bisect_right(starts, c.sentence + span)
        both = mutual(c.place.text)  # a fight of both sides: "a border clash"
        finer = [
            f
            for f in violent[lo:hi]
            if id(f) not in gone
            and _overlap(f, c)
            # (the other side's, unless a fight of both: "a border clash", or a clash at
            # one point on the border told in the next sentence, "troops engaged the
            # terrorists during an operation on the border")
            and (
                both
                or not other_sides(f, c)
                or (near and c.kind == "armed_clash" and abs(f.sentence - c.sentence) <= 1)
            )
            # ("Separately, ..." opens an incident of its own)
            and not (f.sentence != c.sentence and _SEPARATE.match(f.evidence))
            and not own_reply(f, c)  # a ground reply along the border to an air raid
        ]
        if not finer:
            continue
        host = min(finer, key=lambda f: abs(f.sentence - c.sentence))
        gone.add(id(c))
        host.merged += 1
        host.notes.append(f"restated as {c.place.text!r} in sentence {c.sentence}")
        filled = fill_counts(host.counts, c.counts)
        if near and len(finer) == 1:  # "cornered near the boundary" / "three killed": of it
            filled = filled + other_groups(filled, c.counts)
        host.counts = filled
        if host.kind == "killing" and c.kind != "killing":
            # "launched airstrikes on Afghan territory" / "three players from X were
            # killed": the wide telling says how they were killed
            host.kind, host.types = c.kind, c.types
            host.notes.append(f"kind {c.kind} from sentence {c.sentence}")
    # A violent row placed only at a country says nothing about where on the frontier.
    return [
        c
        for c in cands
        if id(c) not in gone and not (c.kind in VIOLENT and c.place.role == "country")
    ]


#: A toll over several incidents ("in two separate attacks", "in a series of
#: clashes"): not the count of the one finer incident it is folded into.
_SEVERAL = re.compile(
    r"\b(?:two|three|four|five|several|separate|different|a series of|"
    r"a number of|a spate of|a wave of)\s+(?:\w+\s+)?(?:attacks|encounters|incidents|"
    r"clashes|operations|strikes|raids|ambushes|blasts|explosions|shootouts|gunfights|"
    r"engagements|assaults)\b",
    re.IGNORECASE,
)


#: A sentence that opens another incident ("In a related incident on Sunday, an
#: attack in X ..."): a coarser row of another sentence does not restate it.
_SEPARATE = re.compile(
    # (an adjective only of another one: "In a devastating incident, ..." opens the lead)
    r"\W*(?:in (?:a|an|another) (?:(?:separate|related|similar|second|third|fourth|different|"
    r"new|fresh|later|further|unrelated|other|parallel|latest) )?(?:incident|attack|development|"
    r"operation|raid|"
    r"clash|encounter|ambush|assault|engagement|shootout|gunfight|blast|explosion)|separately|"
    r"in other (?:news|incidents?))\b",
    re.IGNORECASE,
)


#: Frontier phrases that only say "somewhere near the border" (not "all along it").
_NEAR = re.compile(
    r"^(?:near|close to)\b|\b(?:territory|soil)$|^(?:deep )?(?:inside|across|into)\b"
    # "attacked a post on the border", "attacks on Pakistani border posts"
    r"|^(?:on|at|against|targeting) (?:the |their )?(?:[\w'’-]+ )?(?:border|frontier)"
    r"(?: posts| positions| checkposts| outposts| checkpoints)?$",
    re.IGNORECASE,
)


def _unc(c: _Candidate) -> float:
    u = c.place.match.uncertainty_km
    return 0.0 if math.isnan(u) else u
