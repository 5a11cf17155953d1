"""Counts told in one sentence and placed in another: who keeps them.

News often gives the toll in a sentence without a place ("four soldiers and 12
militants were killed") and the place in a later one ("... posts in the X area
of Y district"), or the place first and the toll after.  The sentence loop of
:func:`incidents.extract.extract` hands such counts both ways: back to the last
incident (a detail of it) and forward to the next placed event (the place of the
event just told).  This pass settles them, once per article, after the loop:

* one count is one number: the same count held by several rows stays on one.
  A list of places named by one sentence ("strikes in X and Y", "hideouts in A,
  B and C districts") shares a toll the text does not split, so the toll stays
  on the list's first place, whose notes say it is the list's total; the others
  get no count (split counts, "three in X and two in Y", are each their own);
* a count handed both ways stays with the later sentence, the one that places
  the event it counts ("30 killed in operations this week." / "Hideouts were
  targeted in A, B and C.");
* the lead's toll told without a place goes to the first placed violent event
  after it, within :data:`LEAD_REACH` sentences, when nothing took it and
  nothing violent came before ("four soldiers and 12 militants were killed." ...
  "the militants attacked posts in the X area of Y").
"""

from __future__ import annotations

import datetime as dt
import re

from incidents._extract_claims import claim_key, own_losses
from incidents._extract_counts import Count
from incidents._extract_events import _Candidate, _dates_fit
from incidents._extract_lex import AF_MIL, PK_MIL, SEQUEL, VIOLENT
from incidents._extract_merge import _inside_of
from incidents._extract_places import _place_key

__all__ = [
    "DETAIL_REACH",
    "LEAD_REACH",
    "date_from_details",
    "date_sequels",
    "only_said",
    "settle_counts",
]

_COARSE = ("frontier", "country")
# A sentence that opens an incident of its own.
_ANOTHER = re.compile(
    r"\W*(?:separately|in (?:another|a separate|a related|an unrelated)\b|elsewhere|"
    r"in other (?:news|incidents?|violence))",
    re.IGNORECASE,
)
_EVENT_NOUN = (
    r"(?:attacks?|(?:air ?|drone )?strikes?|airstrikes?|blasts?|explosions?|bombings?|"
    r"clash(?:es)?|skirmish(?:es)?|raids?|assaults?|incidents?|shelling|firing|encounters?|"
    r"ambush(?:es)?|shootouts?|exchanges?(?: of fire)?|gunfights?|fighting|operations?|offensive)"
)
# A casualty sentence counting an event already told: "in the attack", "the strikes killed".
#: The event named by its day: "Tuesday's airstrikes", "Sunday’s attack on the post".
_DAY_OWNS = (
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday)(?:'s|’s)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{_EVENT_NOUN}\b"
)
_DEFINITE = re.compile(
    rf"\b(?:the|this|that|these|those|its|their)\s+(?:[\w-]+\s+){{0,2}}?{_EVENT_NOUN}\b"
    rf"|{_DAY_OWNS}",
    re.IGNORECASE,
)
# ... or an event of its own, told without a place: "in operations this week".
_OWN_EVENT = re.compile(rf"\b{_EVENT_NOUN}\b", re.IGNORECASE)
#: Sentences after a placeless lead toll in which its event may be placed.
LEAD_REACH = 4
#: Sentences after an incident in which a placeless casualty detail that no row
#: took may still be its detail ("He was a native of X." between them).
DETAIL_REACH = 5


def settle_counts(cands: list[_Candidate], unplaced: list[_Candidate]) -> None:
    """Settle the counts of placeless casualty sentences (``unplaced``) among the
    candidates ``cands`` (in article order), in place.  See the module doc."""
    given = {id(n) for c in unplaced for n in c.counts}
    if not given:
        return
    holders: dict[int, list[_Candidate]] = {}
    for c in cands:
        for n in c.counts:
            if id(n) in given:
                holders.setdefault(id(n), []).append(c)
    violent: dict[int, list[_Candidate]] = {}
    for c in cands:
        if c.kind in VIOLENT:
            violent.setdefault(c.sentence, []).append(c)
    for src in unplaced:
        touched: list[_Candidate] = []
        for n in src.counts:
            hs = holders.get(id(n))
            if not hs:
                continue
            keep = _keeper(hs, src) if len(hs) > 1 else hs[0]
            if keep.sentence > src.sentence and _ANOTHER.match(keep.evidence):
                # handed forward to "In another shootout, ...": not that incident's
                for c in hs:
                    c.counts = [m for m in c.counts if m is not n]
                    touched.append(c)
                holders.pop(id(n), None)
                continue
            listed = violent.get(keep.sentence, [keep])
            keep = _split_owner(listed, src, given) or listed[0]  # a list's toll: its first
            for c in hs:
                if c is not keep:
                    c.counts = [m for m in c.counts if m is not n]
                    touched.append(c)
            if not any(m is n for m in keep.counts):
                keep.counts = keep.counts + [n]
            holders[id(n)] = [keep]
            others = [c.place.label for c in listed[1:]]
            note = f"the count of sentence {src.sentence} is the total of {keep.place.label!r}"
            if others and not any(x.startswith(note) for x in keep.notes):
                keep.notes.append(note + " and " + ", ".join(repr(o) for o in others))
        for c in touched:
            if not any(m is n for n in src.counts for m in c.counts):
                c.notes = [
                    x for x in c.notes if not x.startswith(f"counts from sentence {src.sentence}")
                ]
    _lead_toll(cands, unplaced, holders)
    _late_details(cands, unplaced)


def _split_owner(listed: list[_Candidate], src: _Candidate, given: set[int]) -> _Candidate | None:
    """The row of a list sentence whose incident a placeless detail tells, when the
    list split its counts ("eleven troops were killed in X, while seven policemen
    died in Y" / "seven police personnel were martyred and 13 injured in the
    attack"): each row counted its own, so the detail is no toll of the list but
    of the row it repeats a count of, else of the row told last."""
    if len(listed) < 2:
        return None
    kinds = {n.which for n in src.counts}
    own = [[m for m in r.counts if id(m) not in given] for r in listed]
    if not all(any(m.which in kinds for m in ms) for ms in own):
        return None
    said = {(n.which, n.value) for n in src.counts}
    same = [
        r for r, ms in zip(listed, own, strict=True) if any((m.which, m.value) in said for m in ms)
    ]
    return same[0] if len(same) == 1 else listed[-1]


def _keeper(hs: list[_Candidate], src: _Candidate) -> _Candidate:
    """Which of the rows holding one count of the placeless sentence ``src`` keeps
    it.  The later sentence (the one that places the counted event: "30 were
    killed in operations this week." / "Hideouts were targeted in A, B and C.")
    when it tells the earlier holder's event finer ("in X district of <that
    province>"), or when ``src`` names an event of its own ("in operations") and
    the later sentence opens no other incident ("Separately, ...").  Else the
    earlier holder: ``src`` counts an event already told ("four policemen were
    killed in the attack", "police said one sepoy died"), or the later sentence
    only restates it (the same place, a country, the whole frontier)."""
    last = max(c.sentence for c in hs)
    forward = [c for c in hs if c.sentence == last]
    back = [c for c in hs if c.sentence < last]
    if not back:
        return forward[0]
    keys = {_place_key(c.place) for c in back}
    if all(c.place.role in _COARSE or _place_key(c.place) in keys for c in forward):
        return back[0]
    if any(_inside_of(forward[0], b) for b in back):
        return forward[0]  # the same event told finer
    own = _OWN_EVENT.search(src.evidence) and not _DEFINITE.search(src.evidence)
    if own and not _ANOTHER.match(forward[0].evidence):
        return forward[0]
    return back[0]


def _lead_toll(
    cands: list[_Candidate], unplaced: list[_Candidate], holders: dict[int, list[_Candidate]]
) -> None:
    lead = next((u for u in unplaced if u.counts), None)
    if lead is None or any(id(n) in holders for n in lead.counts):
        return
    if any(c.kind in VIOLENT and c.sentence <= lead.sentence for c in cands):
        return
    host = next(
        (
            c
            for c in cands
            if c.kind in VIOLENT and lead.sentence < c.sentence <= lead.sentence + LEAD_REACH
        ),
        None,
    )
    if host is None or host.counts or not _dates_fit(host, lead):
        return
    camp = {PK_MIL: "PK", AF_MIL: "AF"}.get(host.actor1 or "")
    if camp and own_losses(lead.counts, camp):
        return  # "55 Pakistani soldiers were killed" / "Pakistan struck Kabul": not its toll
    if any(u.counts and lead.sentence < u.sentence < host.sentence for u in unplaced):
        return  # another toll came between: the place may be that one's
    add: list[Count] = list(lead.counts)
    host.counts = add
    host.notes.append(
        f"counts of the lead told without a place (sentence {lead.sentence}): "
        + ", ".join(n.text for n in add)
    )


def _late_details(cands: list[_Candidate], unplaced: list[_Candidate]) -> None:
    """A placeless casualty sentence that no row took ("Sepoy X, 26, also embraced
    martyrdom." four sentences after the operation, a biography between) is a
    detail of the last violent incident before it, within :data:`DETAIL_REACH`
    sentences, when it opens no incident of its own ("In another shootout ...")
    and its date fits: the groups that incident has not counted are added."""
    taken = {id(n) for c in cands for n in c.counts}
    for src in unplaced:
        if not src.counts or any(id(n) in taken for n in src.counts):
            continue
        if _ANOTHER.match(src.evidence) or (
            _OWN_EVENT.search(src.evidence) and not _DEFINITE.search(src.evidence)
        ):
            continue
        before = [
            c
            for c in cands
            if c.kind in VIOLENT
            and c.sentence < src.sentence
            and src.sentence - c.sentence <= DETAIL_REACH
        ]
        if not before:
            continue
        last = before[-1].sentence
        host = next(c for c in before if c.sentence == last)  # a list's first place
        if not _dates_fit(host, src):
            continue
        have = {claim_key(n) for n in host.counts}
        new = [n for n in src.counts if claim_key(n) not in have]
        if new:
            host.counts = host.counts + new
            taken.update(id(n) for n in new)
            host.notes.append(
                f"counts from sentence {src.sentence}: " + ", ".join(n.text for n in new)
            )


#: The event of a sentence that tells when or how it happened ("the attack took
#: place late on Monday").
_HAPPENED = re.compile(
    r"\b(?:took place|happened|occurred|erupted|broke out|began|started|unfolded|"
    r"(?:was|were) (?:carried out|launched|conducted|staged|reported))\b",
    re.IGNORECASE,
)
#: "The last attack ...", "a previous clash": another event of the same kind.
_OTHER_ONE = re.compile(
    rf"\b(?:last|previous|earlier|first|latest|next|another|similar)\s+"
    rf"(?:[\w-]+\s+)?{_EVENT_NOUN}",
    re.IGNORECASE,
)


def only_said(c: _Candidate, last: dt.date | None) -> bool:
    """Whether ``c`` is dated only by the day it was reported ("the army said on
    Wednesday": that day or the day before) and an event day ``last`` told later
    falls on or before that day: the later date is the event's own."""
    if last is None or c.last is None or last > c.last:
        return False
    if any(n.startswith("date of the statement") for n in c.notes):
        return True
    # "..., the army said on Wednesday", "the UN on Thursday confirmed that ...", "the
    # army said on Wednesday that ...": the date read is the one of the saying
    if not c.date_text:
        return False
    said = r"(?:said|says|told|announced|confirmed|reported|stated)"
    date = re.escape(c.date_text)
    return bool(
        re.search(rf"\b{said}\s+{date}\s*(?:[.,;]?\s*$|\s+that\b)", c.evidence, re.I)
        or re.search(rf"{date}\s+{said}\s+(?:that\b|reports?\b)", c.evidence, re.I)
    )


def date_from_details(cands: list[_Candidate], unplaced: list[_Candidate]) -> None:
    """An undated violent incident told again, without a place, in the sentence
    right after it with a day-precise date ("Militants attacked a checkpost in
    X." / "The attack happened early on Tuesday." or "Two soldiers were killed in
    the exchange, which took place on Monday.") takes that date (in place).  The
    later sentence must name the event as one already told ("the attack", "the
    exchange", not "the last attack"), say when it happened or count it (not only
    when it was reported), and open no incident of its own ("Separately, ...");
    every violent row of the incident's sentence must be undated, dated only by
    its paragraph (a list of places told once) or only by the day it was reported
    (:func:`only_said`)."""
    for u in unplaced:
        if u.date_how not in ("absolute", "relative") or u.first is None or u.last is None:
            continue
        if (u.last - u.first).days > 2 or "planned" in u.flags or u.date_rel == "previous":
            continue  # (not "a day after" another event, nor a plan)
        if any(n.startswith("date of the statement") for n in u.notes):
            continue  # "officials confirmed the strikes on Thursday": the day it was said
        if _ANOTHER.match(u.evidence) or _OTHER_ONE.search(u.evidence):
            continue
        if not _DEFINITE.search(u.evidence) or not (
            u.counts or _HAPPENED.search(u.evidence) or re.search(_DAY_OWNS, u.evidence, re.I)
        ):
            continue
        hosts = [c for c in cands if c.kind in VIOLENT and c.sentence == u.sentence - 1]
        if not hosts or not all(
            c.date_how in ("not stated", "inherited") or only_said(c, u.last) for c in hosts
        ):
            continue
        for c in hosts:
            c.first, c.last, c.date_how = u.first, u.last, u.date_how
            c.date_text, c.date_rel, c.yeared = u.date_text, u.date_rel, u.yeared
            c.flags = [f for f in c.flags if f != "date_not_stated"]
            c.notes.append(
                f"date from sentence {u.sentence}"
                + (f" ({u.date_text!r})" if u.date_text else "")
                + f", which tells this incident again -> {u.first}..{u.last}"
            )
        if not u.given and u.counts and not any(n in c.counts for c in cands for n in u.counts):
            # its counts, held back while the dates seemed to differ
            host = hosts[0]  # a list's toll: its first place
            have = {(n.which, n.group) for n in host.counts}
            new = [n for n in u.counts if (n.which, n.group) not in have]
            if new:
                host.counts = host.counts + new
                host.notes.append(
                    f"counts from sentence {u.sentence}: " + ", ".join(n.text for n in new)
                )
            u.given = True


# An event told as the answer to the one before: "hit back", "prompting X to escalate".


def date_sequels(cands: list[_Candidate], ref: dt.date | None) -> None:
    """An undated violent event told as the answer to a dated one before it ("The
    Taliban hit back ..., prompting Pakistan to escalate further, carrying out
    strikes in X and Y") came after it: its window runs from that event's first
    day to the article date, not the earlier event's day (in place)."""
    if ref is None:
        return
    prev: _Candidate | None = None
    for c in cands:
        if c.kind not in VIOLENT:
            continue
        if (
            c.date_how == "not stated"
            and prev is not None
            and prev.sentence < c.sentence
            and prev.first is not None
            and prev.first < ref
            and SEQUEL.search(c.evidence)
        ):
            c.first, c.last, c.date_how = prev.first, ref, "inherited"
            c.flags = [f for f in c.flags if f != "date_not_stated"]
            c.notes.append(
                f"the answer to the event of sentence {prev.sentence}: after it, by the"
                f" article date -> {c.first}..{c.last}"
            )
        elif c.date_how in ("absolute", "relative") and c.first is not None:
            prev = c
