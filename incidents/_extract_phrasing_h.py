"""Phrasings of outlets the rules had not been written on (batch H): places, counts
and rows.

Found on 2022-2026 reports of border and frontier-district violence from outlets
not used before (regional dailies, news apps, defence sites, machine rewrites of
wire copy); each rule is a mechanism of English news prose, not a place or an
article (table-driven tests of paraphrases in
``tests/incidents/test_extract_unseen_h.py``):

* an air raid's site told from the sky: "jets struck targets over Kandahar",
  "drones circling above the town of X", "the skies over X" (hook in
  :mod:`incidents._extract_places`);
* a count whose noun is left out after a counted group ("eight fighters were killed,
  11 wounded, and 13 civilians injured"): the bare count is of the group before it,
  so it adds to the other groups instead of being a total of "people" (hook in
  :mod:`incidents._extract_counts`);
* a truce named only as the subject of how it fares ("a truce brokered after the
  clashes has repeatedly faltered") is no new agreement (hook in
  :mod:`incidents._extract_lex`);
* the two towns that name one crossing ("the crossing near Spin Boldak and Chaman")
  are one site: one row (hook in :mod:`incidents.extract`);
* a reply along the border to an air raid is an incident of its own, not the
  exchange of fire at the raid's site (hooks in :mod:`incidents._extract_phrasing`
  and :mod:`incidents._extract_merge`);
* whose forces: a demonym before the posts that were hit is the target's side, not
  the actor ("targeting Pakistan's military posts"), and a speaker's "its forces" are
  the speaker's country's ("Afghanistan's defence ministry said its border forces
  retaliated") (hooks in :mod:`incidents._extract_events` and
  :mod:`incidents._extract_lex`);
* a campaign told by its manner ("intensive operations are underway in X") is
  fighting (trigger alternatives appended by :mod:`incidents._extract_lex`);
* the toll of an earlier event the news is said to follow ("This engagement follows
  a deadly weekend assault where ... killed 23 troops") is not the news's (hook in
  :mod:`incidents._extract_phrasing`).

One more rule of the batch is a word in :mod:`incidents._extract_events`: "before"
and a gerund ("were shot dead before reaching the gate") is a step of the event,
not a history marker.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import io
import math
import re
from importlib import resources
from typing import TYPE_CHECKING

from incidents._extract_mutual import other_sides

if TYPE_CHECKING:
    from incidents._extract_counts import Count
    from incidents._extract_events import _Candidate

__all__ = [
    "CROSSING_END_KM",
    "MORE_TRIGGERS_H",
    "aerial_site",
    "earlier_event",
    "fold_crossing_ends",
    "gapped_groups",
    "own_forces",
    "own_reply",
    "target_site",
    "truce_state",
]

#: Trigger phrasings the lexicon lacked, appended like
#: :data:`incidents._extract_lex_more.EXTRA`: a military campaign told by its manner
#: ("intensive operations are underway along the line", "launched offensive
#: operations in X").
_SIDE = r"(?:Pak(?:istan|istani)?|Afghan(?:istan)?|Taliban)"
_PEOPLE = (
    r"(?:authorities|officials|delegations?|commanders|officers|forces|sides|"
    r"representatives?|elders|counterparts|envoys?|ministers?|border (?:officials|forces|guards))"
)
# the people who meet to talk (not forces: "border forces of both sides gathered")
_ENVOYS = (
    r"(?:officials|delegations?|delegates|representatives|elders|diplomats|envoys|ministers|"
    r"negotiators)"
)
# ... not to settle trade, transit or travel papers: routine business of the crossing
_ROUTINE_TOPIC = (
    r"(?!(?:\s+[\w-]+){0,6}?\s+to\s+(?:discuss|review|settle|finali[sz]e)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:trade|transit|travel|visas?|documents|customs|business|commerce|"
    r"refugees?|polio)\b)"
)
# A closure told from the reopening that ended it, with its length: "reopened after an
# eight-month closure", "after two weeks of closure", "Reopened After Three-Day Closure",
# "reopens after week-long closure" (not "after a brief closure": no length told)
_NUM = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
ENDED_CLOSURE = re.compile(
    rf"\bafter\s+(?:an?\s+|the\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|about\s+)*"
    rf"(?:{_NUM}[- ](?:day|week|month)s?(?:[- ]long)?|(?:week|month|fortnight)[- ]long|"
    rf"{_NUM}\s+(?:days|weeks|months)\s+of)\s+(?:(?:border|trade|complete)\s+)?"
    rf"(?:closure|shutdown|suspension)\b"
    # "reopened on Saturday after remaining closed for 20 days"
    rf"|\bafter\s+(?:remaining|staying|being)\s+(?:closed|shut|sealed)\s+for\s+"
    rf"(?:nearly\s+|almost\s+|over\s+|more\s+than\s+|about\s+)*(?:{_NUM}|a)\s+"
    rf"(?:days?|weeks?|months?)\b",
    re.IGNORECASE,
)


def ended_closure(text: str) -> bool:
    """Whether a closure trigger's words tell it from the reopening that ended it
    ("after an eight-month closure")."""
    return ENDED_CLOSURE.fullmatch(text) is not None


_HIGH_MEETING = r"(?:high[- ]level|ministerial|senior[- ]level)\s+meetings?\b"
#: Both countries named: "two sides", "Pakistani and Afghan", "bilateral".
_BOTH_SIDES = re.compile(
    rf"\b(?:two|both)\s+(?:sides|countries|nations|neighbou?rs|governments)\b"
    rf"|\b{_SIDE}\s+and\s+{_SIDE}\b|\bbilateral\b",
    re.IGNORECASE,
)


def high_meeting_alone(trigger: str, sentence: str) -> bool:
    """Whether ``trigger`` is "a high-level meeting" in a sentence that names one
    side only ("the prime minister chaired a high-level meeting in Islamabad"): no
    talks between the two countries."""
    return bool(re.match(_HIGH_MEETING, trigger, re.I)) and not _BOTH_SIDES.search(sentence)


MORE_TRIGGERS_H: dict[str, str] = {
    "border_closure": ENDED_CLOSURE.pattern,
    "armed_clash": r"\b(?:intensive|offensive|large-scale|full-scale)\s+operations?\b",
    # aircraft sent to hit a target: "deployed drone aircraft to target facilities",
    # "sent jets to bomb hideouts" (the verb of sending is the raid)
    "air_strike": (
        r"\b(?:deployed|launched|sent|dispatched|used|flew)\s+(?:armed\s+|attack\s+|"
        r"suicide\s+|kamikaze\s+|several\s+|multiple\s+|\w+\s+)?(?:drones?(?:\s+aircraft)?|"
        r"UAVs|jets|fighter jets|warplanes|aircraft|helicopters|gunships)(?=\s+to\s+"
        r"(?:target|strike|attack|bomb|hit|pound)\b)"
    ),
    # a meeting of the two sides by its verb or its name: "Pakistani and Afghan officials
    # met at Torkham", "a delegation ... met with Pakistani forces", "a flag meeting"
    # (not "Pakistani officials met in Islamabad": one side alone)
    "talks": (
        rf"\bflag[- ]meetings?\b"
        rf"|\b{_SIDE}\s+and\s+{_SIDE}\s+(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\s+"
        rf"(?:have\s+|had\s+)?(?:met|meet|(?:held|hold|holding)\s+(?:an?\s+|their\s+)?"
        rf"(?:[\w-]+\s+){{0,2}}?(?:meetings?|discussions))\b"
        # ("met with Pakistan's Special Representative for Afghanistan")
        rf"|\bmet\s+(?:with\s+)?(?:the\s+)?(?:their\s+)?{_SIDE}(?:['’]s)?\s+(?:[\w-]+\s+){{0,2}}?"
        rf"{_PEOPLE}\b"
        # "a meeting between Pakistani and Afghan officials", "officials from Pakistan,
        # Afghanistan and China convened in X"
        rf"|\bmeetings?\s+between\s+(?:the\s+)?{_SIDE}\s+and\s+(?:the\s+)?{_SIDE}\s+"
        rf"(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\b"
        rf"|\b{_ENVOYS}\s+(?:from|of)\s+(?:both\s+)?{_SIDE}(?:,\s*|\s+and\s+)(?:the\s+)?"
        rf"{_SIDE}\b(?:,?\s+and\s+\w+)?\s+(?:have\s+|had\s+)?(?:met|convened)\b"
        # "delegations from both countries met in X", "envoys of the two sides convened"
        rf"|\b{_ENVOYS}\s+(?:from|of)\s+(?:both|the\s+two)\s+(?:countries|sides|nations|"
        rf"governments|neighbou?rs)\s+(?:have\s+|had\s+)?(?:met|convened)\b{_ROUTINE_TOPIC}"
        # "during a high-level meeting in Kabul" (the two sides named in the sentence:
        # :func:`high_meeting_alone`)
        rf"|\b{_HIGH_MEETING}"
        # "discussions in X between delegations from Islamabad and the Taliban"
        rf"|\b(?:discussions|dialogue|parleys)(?=\s+(?:in\s+[A-Z][\w-]*\s+)?between\s+"
        rf"(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_ENVOYS}|{_SIDE}|the\s+two\s+(?:sides|countries))\b)"
    ),
}

# -- an air raid's site told from the sky ------------------------------------------------

_AERIAL_OVER = re.compile(
    r"(?:\b(?:skies|sky|airspace)\s+(?:over|above|of)"
    r"|\b(?:air\s?strikes?|air[- ]raids?|drone strikes?|drones?|jets|warplanes|aircraft|"
    r"helicopters?|gunships?|bombers?|sorties|bombing runs?|flew|flying|hovering|circling)"
    r"\b[^.;:,]{0,40}?\s(?:over|above))"
    r"\s+(?:the\s+)?(?:(?:Afghanistan|Pakistan)(?:'s|’s)\s+)?"
    r"(?:(?:border\s+)?(?:city|town|village|province|district|region|capital)\s+of\s+)?$",
    re.IGNORECASE,
)


def aerial_site(left: str) -> bool:
    """Whether the words before a place (``left``) name it as what an aircraft or an
    air raid was over: "airstrikes over X", "jets patrolling the skies above X".
    "Over" alone is no site ("tensions over X", "control over X")."""
    return bool(_AERIAL_OVER.search(left))


# -- a count whose noun is left out after a counted group ------------------------------

_BARE = re.compile(
    r"(?:and\s+)?[\w-]+\s+(?:others?\s+)?(?:were\s+|was\s+)?(?:\w+ly\s+)?"
    r"(?:wounded|injured|hurt|killed|dead)",
    re.IGNORECASE,
)
_GAP = re.compile(r"\s*,?\s*(?:and\s+|while\s+)?", re.IGNORECASE)


def gapped_groups(sentence: str, counts: list[Count]) -> list[Count]:
    """Counts with the group of the count before them when their noun is left out:
    in "eight fighters were killed, 11 wounded, and 13 civilians injured" the 11 are
    fighters (the wounded then add up to 24), not 11 "people" that the 13 civilians
    would be part of.  Only a bare count right after a count of a named group with
    the other verb is read so ("six soldiers and 11 people were wounded" is not),
    and only beside another group's count of its own verb: alone, "15 civilians
    were killed and dozens wounded" leaves the dozens a total of the wounded."""
    out = list(counts)
    for k in range(1, len(out)):
        c, p = out[k], out[k - 1]
        if c.group != "people" or p.group == "people" or p.which == c.which:
            continue
        if not any(o.which == c.which and o.group not in ("people", p.group) for o in out):
            continue
        if not _BARE.fullmatch(c.text) or not _GAP.fullmatch(sentence[p.end : c.start]):
            continue
        out[k] = dataclasses.replace(c, group=p.group)
    return out


# -- a truce named only as the subject of how it fares ----------------------------------

_FARES = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:\w+\s+)?(?:faltered|held|collapsed|frayed|failed|halted|"
    r"paused|stopped|curbed|calmed|eased|reduced|brought\s+(?:\w+\s+)?calm|"
    r"broken down|been\s+(?:\w+\s+)?(?:violated|breached|tested|strained|shaky|fragile))"
    r"|remains?\s+(?:\w+\s+)?(?:fragile|shaky|in place|intact|in force)"
    r"|(?:faltered|frayed|collapsed|unravell?ed|broke down)\b"
    # "a ceasefire brokered by X briefly eased tensions": what it did, told as past
    r"|(?:briefly|temporarily|largely|mostly|initially)\s+(?:eased|calmed|halted|held|"
    r"paused|stopped|curbed|restored)\b)",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[;:]|\.\s|\b(?:but|while|whereas)\b", re.IGNORECASE)


def truce_state(sentence: str, end: int) -> bool:
    """Whether the ceasefire word ending at ``end`` is the subject of how the truce
    fares ("a temporary truce brokered after the clashes has repeatedly faltered",
    "the ceasefire agreed in Doha has largely held", "a fragile ceasefire brokered by X
    has temporarily halted violence"): its agreement is older news
    named inside the subject, the clause tells a state."""
    rest = sentence[end : end + 160]
    stop = _CLAUSE_END.search(rest)
    m = _FARES.search(rest[: stop.start()] if stop else rest)
    return m is not None


# -- the two towns that name one crossing -----------------------------------------------

#: Largest distance, in km, of a town from a crossing it names one end of.
CROSSING_END_KM = 20.0
_CROSSING_BEFORE = re.compile(
    r"\b(?:crossings?|border points?|gates?)\s+(?:near|between|at|linking|connecting)\s+"
    r"(?:the\s+)?(?:(?:towns?|cities)\s+of\s+)?$",
    re.IGNORECASE,
)
_CROSSING_AFTER = re.compile(
    r"\s*(?:border\s+)?(?:crossings?|gates?|border points?)\b", re.IGNORECASE
)
_PAIRED = re.compile(r"\s*(?:and|&|/|[-–—])\s*", re.IGNORECASE)


def _ends_named(sentence: str, a: _Candidate, b: _Candidate) -> bool:
    """Whether the places of ``a`` and ``b`` are named as a pair around a crossing
    word: "the crossing near A and B", "the A-B crossing" (not "posts in A and at the
    B crossing", two targets)."""
    first, second = sorted((a.place, b.place), key=lambda p: p.start)
    if not _PAIRED.fullmatch(sentence[first.end : second.start]):
        return False
    return bool(
        _CROSSING_BEFORE.search(sentence[max(0, first.start - 60) : first.start])
        or _CROSSING_AFTER.match(sentence, second.end)
    )


@functools.lru_cache(maxsize=1)
def _crossings() -> tuple[tuple[float, float], ...]:
    """Points of the Afghanistan-Pakistan border crossings (``geo/data/crossings.csv``)."""
    text = resources.files("geo.data").joinpath("crossings.csv").read_text(encoding="utf-8")
    return tuple((float(r["lat"]), float(r["lon"])) for r in csv.DictReader(io.StringIO(text)))


def _end_of(c: _Candidate) -> int | None:
    """The crossing the row's point is an end of (index), if any."""
    from geo.sphere import point_km

    lat, lon = c.place.match.lat, c.place.match.lon
    if math.isnan(lat) or c.place.role in ("frontier", "country"):
        return None
    for k, (a, b) in enumerate(_crossings()):
        if point_km(lat, lon, a, b) <= CROSSING_END_KM:
            return k
    return None


def fold_crossing_ends(cands: list[_Candidate]) -> list[_Candidate]:
    """Rows of one sentence, one kind and one agent (or none) placed at the two towns
    on either side of one crossing, named as a pair around the crossing word ("an
    exchange of fire at the crossing near Spin Boldak and Chaman", "the
    Chaman-Spin Boldak crossing"):
    one incident at the crossing, kept on the row told first (the counts of the
    other complete it)."""
    from incidents._extract_phrasing import absorb

    gone: set[int] = set()
    for k, host in enumerate(cands):
        if k in gone:
            continue
        end = _end_of(host)
        if end is None:
            continue
        for j in range(k + 1, len(cands)):
            c = cands[j]
            if j in gone or c.sentence != host.sentence or c.kind != host.kind:
                continue
            if c.place.match.country == host.place.match.country:
                continue  # two towns of one side are two sites
            if other_sides(host, c):
                continue
            if _end_of(c) != end or not _ends_named(host.evidence, host, c):
                continue
            gone.add(j)
            absorb(host, c, f"{c.place.text!r} is the other end of the same crossing")
    return [c for k, c in enumerate(cands) if k not in gone]


# -- a reply along the border to an air raid -------------------------------------------


_REPLY = re.compile(
    r"\b(?:respond(?:ed|ing)|retaliat(?:ed|ing|ion|ory)|returned (?:the )?fire|"
    r"in response|hit back|fired back|struck back)\b",
    re.IGNORECASE,
)


def own_reply(host: _Candidate, reply: _Candidate) -> bool:
    """Whether a frontier-wide row told as a reply ("its forces retaliated,
    targeting posts along the border") is an incident of its own rather than a
    restatement of ``host``: a ground reply (fire, shelling, an attack on posts) to
    an air raid has no front at the raid's site to be part of."""
    return (
        host.kind == "air_strike"
        and reply.kind != "air_strike"
        and reply.place.role == "frontier"
        and bool(_REPLY.search(reply.evidence))
    )


# -- whose forces: a target's demonym, a speaker's own forces ---------------------------

_AT_TARGET = re.compile(
    r"\b(?:target(?:ed|ing|s)?|attack(?:ed|ing|s)?|hit(?:ting)?|struck|striking|shell(?:ed|ing)|"
    r"pound(?:ed|ing)|raid(?:ed|ing)|stormed|storming|captur(?:ed|ing)|seiz(?:ed|ing)|"
    r"on|at|against|toward|towards)\s+(?:the\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)


_SITE_PHRASE = re.compile(
    r"[\w'’]+(?:\s+(?:border|security|military|army|frontier|forward|check))*\s+"
    r"(?:posts?|outposts?|checkposts?|checkpoints?|positions?|installations?|bases?|camps?|"
    r"pickets?)\b",
    re.IGNORECASE,
)


def target_site(sentence: str, start: int) -> bool:
    """Whether the actor phrase starting at ``sentence[start]`` only says whose posts
    were hit ("targeting Pakistan's military posts", "attacked Afghan border
    positions"): the target's side, so no subject of the event (it may still be the
    event's ``actor2``)."""
    return bool(
        _SITE_PHRASE.match(sentence, start)
        and _AT_TARGET.search(sentence[max(0, start - 40) : start])
    )


_OWN_FORCES = re.compile(
    r"\b(?:the\s+)?(?P<who>Afghanistan|Afghan|Taliban|Pakistan|Pakistani)(?:'s|’s)?\s+"
    r"(?:(?:defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|army|military|government)\s+)?"
    r"(?:said|says|stated|announced|confirmed|claimed)\s+(?:that\s+)?"
    r"(?P<own>(?:its|their)\s+(?:own\s+)?(?:border\s+)?(?:forces|troops|guards|soldiers)\b"
    # "the Pakistani army said it destroyed several posts": "it" is the speaker
    r"|it(?=\s+(?:had\s+|has\s+)?(?:destroyed|struck|targeted|attacked|hit|shelled|bombed|"
    r"pounded|carried\s+out|conducted|launched|killed|seized|captured)\b)"
    # "the Taliban claimed to have seized two posts": the claimant did it
    r"|(?<=claimed\s)to\s+have(?=\s+(?:destroyed|struck|targeted|attacked|hit|shelled|bombed|"
    r"seized|captured|killed|overrun)\b))",
    re.IGNORECASE,
)


def own_forces(sentence: str) -> list[tuple[int, str]]:
    """(offset, country) of forces named only by a speaker's possessive ("Afghanistan's
    defence ministry said its border forces retaliated"): the speaker is no actor,
    but "its forces" are that country's.  ``country`` is ``"AF"`` or ``"PK"``."""
    return [
        (m.start("own"), "PK" if m.group("who").lower().startswith("pakistan") else "AF")
        for m in _OWN_FORCES.finditer(sentence)
    ]


# -- the toll of an earlier event named as what the news follows -------------------------

_FOLLOWS = re.compile(
    r"\b(?:follows|followed|comes after|came after|coming after)\s+"
    r"(?:(?:a|an|the|last|this)\s+)(?:[\w'’-]+\s+){0,3}?"
    r"(?:assault|attack|raid|clash(?:es)?|strikes?|air\s?strikes?|bombing|fighting|offensive|"
    r"ambush|shelling|incursion)\b",
    re.IGNORECASE,
)


def earlier_event(sentence: str) -> re.Match[str] | None:
    """The cue of an earlier event the news is said to follow ("This engagement
    follows a deadly weekend assault in which ... killed 23 troops"): counts told
    after it are that event's toll, not the news's."""
    return _FOLLOWS.search(sentence)
