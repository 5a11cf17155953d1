"""Casualty claims: who gives a count, whose dead it counts, and how the counts of
one incident combine when the camps disagree or the toll evolves.

News of the frontier often carries two tolls of one clash, one per camp
("Pakistan's military said 23 soldiers were martyred; the Taliban said 58
Pakistani soldiers were killed"), tolls that rise ("the death toll climbed to
12") and totals restated over several days ("the clashes have killed 50 since
Saturday").  :func:`tag` marks each count of a sentence (see
:class:`incidents._extract_counts.Count`) with

* ``camp``, its speaker's camp: ``PK`` (ISPR, Pakistan's army or military,
  Pakistani officials, police, security sources), ``AF`` (the Taliban
  government, its spokesmen, Afghan officials, Kabul) or ``TTP`` (the Pakistani
  Taliban claiming an attack); the attribution of the count's clause (a clause
  ends at ";", "while", "whereas", "but"), else of its sentence; ``""`` unknown;
* ``victim``, the camp whose dead it counts: ``PK`` for Pakistani soldiers (and
  soldiers a Pakistani speaker names without a nationality: its own; those the TTP
  claims to have killed), ``AF`` for
  Afghan troops, Taliban fighters and the militants a Pakistani speaker counts
  (the camp fighting Pakistan); ``""`` for civilians and anything unknown;
* ``role``: ``update`` for a toll that rose ("the toll rose to 12", "raising the
  number of dead to 12"), ``add`` for a count told as more of the same kind in
  its sentence ("another three", "two more", "two others"), ``also`` for a group
  told as besides the others ("six attackers were also killed"), ``restated``
  for a total over a span or over several incidents ("since Saturday", "so far",
  "in total", "in separate incidents"), else ``""``.

:func:`resolve` then applies the rules (each pinned by a table-driven test):

* competing claims are never summed: counts of one victim camp given by
  different speaker camps keep one camp's figure, the victim camp's own
  admission when the text has it, else the camp stated first; the others are
  kept for the notes (:func:`others`), not counted;
* claims about different victims are counts of different groups and add up, as
  the gold of ``tests/incidents/data/articles.jsonl`` adds soldiers and militants
  killed in one clash;
* the latest toll supersedes: a risen toll replaces the counts of its kind (the
  largest risen toll is the latest);
* "another 3", "three more", "two others" add to the count before them;
  "including nine children" is a breakdown and adds nothing; a group "also"
  killed adds to a count of people ("11 people lost their lives" / "six attackers
  were also killed": 17) where a plain group would be part of it;
* a restated total is not added: it counts only when the row has no other
  count of its kind.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from incidents import _extract_phrasing as phrasing

if TYPE_CHECKING:
    from incidents._extract_counts import Count

__all__ = ["claim_key", "group_key", "others", "own_losses", "resolve", "speaker", "tag"]

# Camp words, checked in this order (a TTP phrase names the Taliban too).
_TTP = re.compile(
    r"\b(?:TTP|Tehr[ei]e?k-[ei]-Taliban Pakistan|Tehrik-i-Taliban|Pakistani Taliban)\b",
    re.IGNORECASE,
)
_AF = re.compile(
    r"\b(?:Taliban|Afghan|Afghanistan(?:['’]s)?|Kabul(?:['’]s)?|Mujahid|Zabihullah|"
    r"Islamic Emirate|Kandahar|Haqmal)\b",
    re.IGNORECASE,
)
_PK = re.compile(
    r"\b(?:ISPR|Inter-Services Public Relations|Pakistan(?:['’]s)?|Pakistani|Islamabad|"
    r"(?:the )?military(?:['’]s)?(?: media wing)?|(?:the )?army|security sources|police|"
    r"Rawalpindi|PTV)\b",
    re.IGNORECASE,
)
# An attribution: a speech verb (or "according to") and the words naming its speaker.
_SPEECH = re.compile(
    r"\b(?:said|says|claimed|claims|claiming|alleged|maintained|told|added|stated|"
    r"confirmed|announced|reported|admitted|admitting|insisted|according to|toll released by)\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r";|\s[—–]\s|,?\s+(?:while|whereas|but)\s+|,?\s+as\s+(?=\S+\s+\S+\s+claim)")
_SPEAKER_REACH = 60


def _camp_of(words: str) -> str:
    if _TTP.search(words):
        return "TTP"
    if _AF.search(words):
        return "AF"
    if _PK.search(words):
        return "PK"
    return ""


def _attributions(text: str) -> list[tuple[int, str]]:
    """(position, camp) of each attribution of ``text``: the words before a speech
    verb back to a comma ("Afghan officials said"), or after it ("according to
    Pakistan's military", "said Afghan officials")."""
    out: list[tuple[int, str]] = []
    for v in _SPEECH.finditer(text):
        before = text[max(0, v.start() - _SPEAKER_REACH) : v.start()]
        before = re.split(r"[,;“”\"]|\bthat\b", before)[-1]
        after = re.split(r"[,;.“”\"]|\bthat\b", text[v.end() : v.end() + _SPEAKER_REACH])[0]
        word = v.group(0).lower()
        if word in ("according to", "toll released by"):
            camp = _camp_of(after) or _camp_of(before)
        else:
            # "..., said Afghan officials": words after the verb name the speaker only
            # when they are short and count nothing (else they are what was said)
            short = not re.search(r"\d", after) and len(after.split()) <= 6
            camp = _camp_of(before) or (_camp_of(after) if short else "")
        if camp:
            out.append((v.start(), camp))
    return out


def speaker(sentence: str, at: int) -> str:
    """The camp whose claim the count at ``sentence[at]`` is: the attribution of its
    clause nearest before it, else the first after it; else the same in the whole
    sentence; ``""`` when the sentence names no speaker of a camp."""
    bounds = [0] + [m.end() for m in _CLAUSE.finditer(sentence)] + [len(sentence)]
    lo = max(b for b in bounds if b <= at)
    hi = min((b for b in bounds if b > at), default=len(sentence))
    for a, b in ((lo, hi), (0, len(sentence))):
        atts = [(p + a, c) for p, c in _attributions(sentence[a:b])]
        prior = [c for p, c in atts if p <= at]
        if prior:
            return prior[-1]
        later = [c for p, c in atts if p > at]
        if later:
            return later[0]
    return ""


_PK_WHO = re.compile(r"\b(?:Pakistani|Pakistan['’]s|Pakistan Army|of Pakistan)\b", re.IGNORECASE)
_AF_WHO = re.compile(r"\b(?:Afghan|Afghanistan['’]s|Taliban)\b", re.IGNORECASE)


def _victim(c: Count, camp: str) -> str:
    group = c.group.split(":")[0]
    text = c.text
    if group in ("forces", "named"):
        if _PK_WHO.search(text):
            return "PK"
        if _AF_WHO.search(text):
            return "AF"
        if camp == "TTP":
            return "PK"  # the forces the Pakistani Taliban fight
        return camp if camp in ("PK", "AF") else ""
    if group == "militants":
        if _AF_WHO.search(text) or camp == "PK":
            return "AF"
        return ""
    return ""


def own_losses(counts: list[Count], camp: str) -> bool:
    """Whether every count of ``counts`` counts the forces of ``camp`` ("PK", "AF"),
    named by their nationality ("55 Pakistani soldiers"): the losses of that side,
    never the toll of a strike that side carried out."""
    return bool(counts) and all(
        c.group.split(":")[0] in ("forces", "named") and _victim(c, "") == camp for c in counts
    )


# "the death toll rose to 12", "raising the number of dead to 12", "bringing the death
# toll to 12": a toll that rose (the count follows within the phrase)
_UPDATE = re.compile(
    r"\b(?:(?:death )?toll|number of (?:the )?(?:dead|deaths|those killed|fatalities|"
    # "the number of injured rose to 31": the injured's risen count
    r"(?:people |persons )?(?:injured|wounded|injuries)))\b"
    r"[^.;\d]{0,40}?\b(?:rose|risen|rises|rising|climbed|climbs|jumped|mounted|increased|"
    r"reached|has reached|swelled|went up)\b"
    r"|\b(?:raising|raised|bringing|brought|taking|took|pushing|pushed)\s+(?:the\s+)?"
    r"(?:death\s+toll|toll|number of (?:the )?(?:dead|deaths|fatalities))\s+to\b",
    re.IGNORECASE,
)
# A count told as more of the same: "another three", "three more", "two others".
_MORE = re.compile(r"^(?:another|and)\b|\b(?:more(?!\s+than)|others|other)\b", re.IGNORECASE)
# A total over a span: "have killed 50 since Saturday", "so far", "in total".
_SPAN = re.compile(
    r"\b(?:since\s+(?:the\s+)?\w+|so far|in total|in all|altogether|to date|"
    r"(?:over|in|during) the (?:past|last) (?:\w+ )?(?:days|weeks|months)|this (?:year|month)|"
    # a total over several incidents: "killing 40 attackers in separate incidents"
    r"in (?:\w+ )?(?:two|three|four|several|separate|multiple|different|a series of) "
    r"(?:\w+ ){0,3}?(?:incidents|attacks|clashes|operations|engagements|strikes|encounters))\b",
    re.IGNORECASE,
)
# "six attackers were also killed": a group besides the people counted before.
_ALSO = re.compile(r"\b(?:also|as well)\b", re.IGNORECASE)
_TALLY = re.compile(
    r"\b(?:bringing|brings|raising|raises|taking|takes)\s+(?:the\s+)?(?:total|tally|overall)\b",
    re.IGNORECASE,
)


def _role(sentence: str, c: Count, earlier: list[Count]) -> str:
    if c.value and _UPDATE.search(sentence[max(0, c.start - 60) : c.end]):
        return "update"
    if _TALLY.search(sentence[max(0, c.start - 50) : c.start]):
        return "restated"
    tail = re.split(r"[,;]", sentence[c.end : c.end + 40])[0]
    if (_SPAN.search(tail) or _SPAN.search(c.text)) and not phrasing.running_toll(tail):
        return "restated"  # not "have been killed so far": the running toll
    told = any(
        e.text.lower().startswith("and ") and c.text.lower().startswith(e.text[4:].lower())
        for e in earlier
    )  # "four were martyred and two others were killed": "and two others" added already
    if not told and any(e.which == c.which for e in earlier) and _MORE.search(c.text):
        return "add"
    if c.group != "people" and _ALSO.search(c.text):
        return "also"
    return ""


def tag(sentence: str, counts: list[Count]) -> list[Count]:
    """The counts of ``sentence`` with their speaker camp, victim camp and role (see
    the module doc); a new list, in the same order."""
    if not counts:
        return counts
    out: list[Count] = []
    for k, c in enumerate(counts):
        camp = speaker(sentence, c.start)
        earlier = [e for e in counts[:k] if e.start < c.start or e.end <= c.start]
        out.append(
            dataclasses.replace(
                c, camp=camp, victim=_victim(c, camp), role=_role(sentence, c, earlier)
            )
        )
    return out


def _competing(cs: list[Count]) -> set[int]:
    """Ids of counts another camp's claim about the same victims outranks."""
    drop: set[int] = set()
    for victim in dict.fromkeys(c.victim for c in cs if c.victim):
        mine = [c for c in cs if c.victim == victim]
        camps = list(dict.fromkeys(c.camp for c in mine if c.camp))
        if len(camps) < 2:
            continue
        keep = victim if victim in camps else camps[0]
        drop.update(id(c) for c in mine if c.camp and c.camp != keep)
    return drop


def _current(counts: list[Count], which: str) -> list[Count]:
    cs = [c for c in counts if c.which == which]
    updates = [c for c in cs if c.role == "update"]
    fresh = [c for c in cs if c.role not in ("restated", "update")]
    if updates:
        top = max(updates, key=lambda c: c.value)
        # a toll "taken to seven" below an earlier "at least 11 ... killed" counts a part
        # of them (tolls rise): the larger stated total stands
        if not fresh or top.value >= max(c.value for c in fresh):
            return [top]
    return fresh or cs


def resolve(counts: list[Count], which: str) -> list[Count]:
    """The counts of kind ``which`` (killed, wounded) that make an incident's total:
    the latest risen toll alone when there is one; else restated totals only when
    nothing else counts that kind; competing claims about one victim camp reduced
    to one camp's (see the module doc)."""
    cs = _current(counts, which)
    drop = _competing(cs)
    return [c for c in cs if id(c) not in drop]


def others(counts: list[Count]) -> str | None:
    """The claims :func:`resolve` left out, for a row's notes: "other claims:
    killed 58 (AF, of PK); ..."; None when there are none."""
    out: list[str] = []
    for which in ("killed", "wounded"):
        cs = _current(counts, which)
        drop = _competing(cs)
        for c in cs:
            if id(c) in drop:
                out.append(f"{which} {c.value} ({c.camp} claim, {c.victim} losses): {c.text!r}")
    return "other claims: " + "; ".join(dict.fromkeys(out)) if out else None


def group_key(c: Count, counts: list[Count]) -> str:
    """The group ``c`` counts, for adding groups up: its group, told apart by victim
    camp when ``counts`` count that group for two camps ("58 Pakistani soldiers were
    killed while nine Afghan troops lost their lives" are two groups); a count of
    that group whose camp is unknown goes with the first camp named."""
    camps = list(dict.fromkeys(o.victim for o in counts if o.group == c.group and o.victim))
    if len(camps) < 2:
        return c.group
    return f"{c.group}@{c.victim or camps[0]}"


def claim_key(c: Count) -> tuple[str, str, str]:
    """What a count tells, for taking the counts of a repeat: its kind and group,
    and the camp claiming it when it is a camp's claim about a camp's losses (so a
    repeat giving the other camp's figure is kept beside it, for :func:`resolve`
    to choose, instead of being dropped as a repeat of the group)."""
    return (c.which, c.group, c.camp if c.camp and c.victim else "")
