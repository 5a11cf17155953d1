"""Who did it, by the article's claims and blame: "the TTP claimed responsibility",
"Jamaat-ul-Ahrar claimed the attack", "Kabul blamed Pakistan for the strikes",
"Islamabad did not confirm the strikes".

A claim names its claimant as the perpetrator; a blame names the blamed agent (not
the one who blames); a denial or a refusal to confirm names the denier as the agent
it was said to be.  Speakers and victims are never agents here: only the phrase in
the agent's slot of one of the patterns below counts.

Every search is bounded: the agent is looked for in a window of at most
:data:`WINDOW` characters beside its cue, and every pattern is a fixed sequence of
bounded parts, so a sentence of any length is read in time linear in its length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from incidents._extract_events import _Candidate
from incidents._extract_lex import AF_MIL, HGB, PK_MIL, TTP, VIOLENT
from incidents._extract_merge import _inside_of, _same_place

#: Baloch separatist groups (Pakistan's "Fitna al-Hindustan"): a side of their own.
BALOCH = "Baloch separatists"
#: Largest distance, in characters, between a cue and the agent it names.
WINDOW = 80

_GROUPS: list[tuple[str, re.Pattern[str]]] = [
    (HGB, re.compile(r"\b(?:Hafiz\s+)?Gul\s+Bahad[ua]r\b", re.IGNORECASE)),
    (
        BALOCH,
        re.compile(
            r"\bFitna[- ](?:al|e|ul|tul)[- ]Hind(?:u|o)?stan\b|\bBaloch(?:istan)? Liberation "
            r"(?:Army|Front)\b|\bBLA\b|\bBLF\b|\bBaloch (?:separatists?|insurgents?|militants?)\b",
            re.IGNORECASE,
        ),
    ),
    (
        TTP,
        re.compile(
            r"\bTTP\b|\bTehr[ei]{1,2}k[- ]?[ei]?[- ]?Taliban[- ]?Pakistan|\bPakistani? Taliban\b"
            r"|\bJama?a?t[- ]?ul[- ]?Ahrar\b|\bJuA\b|\bItt[ei]h?[ae]d[- ]?ul[- ]?Mujahideen\b"
            r"|\bIMP\b|\bIuM\b|\bLashkar[- ]e[- ]Islam\b|\bTehr[ei]{1,2}k[- ]e[- ]Jihad\b"
            r"|\bFitna[- ](?:al|e|ul)[- ]Khaw?w?arij\b|\bkhaw?arij\b|\bkhwarij\b",
            re.IGNORECASE,
        ),
    ),
    (
        PK_MIL,
        re.compile(
            r"\bPakistan\b(?!['’]s? Taliban)(?! Taliban)|\bIslamabad\b"
            r"|\bPakistani (?:forces|military|army|troops|aircraft|jets|air force|drones?|"
            r"security forces|warplanes)\b"
        ),
    ),
    (
        AF_MIL,
        re.compile(
            r"\bAfghan Taliban\b|\bAfghan (?:forces|troops|border forces|soldiers)\b"
            r"|\bTaliban (?:forces|fighters|troops)\b|\bAfghanistan\b|\bKabul\b"
        ),
    ),
]
_MILITANT = frozenset({TTP, HGB, BALOCH})


@dataclass(frozen=True)
class Attribution:
    """One claim, blame or denial: the agent it names, how, and where."""

    agent: str
    how: str  # "claim" | "blame" | "denial" | "subject"
    start: int
    end: int


def _agents(t: str) -> list[tuple[int, int, str]]:
    """(start, end, agent) of every group or army named in ``t``, left to right; where
    two names overlap the first in :data:`_GROUPS` order wins ("Tehreek-e-Taliban
    Pakistan" is the TTP, not Pakistan)."""
    out: list[tuple[int, int, str]] = []
    taken: set[int] = set()  # (offsets: a long text names a country thousands of times)
    for name, rx in _GROUPS:
        for m in rx.finditer(t):
            if not taken.intersection(range(m.start(), m.end())):
                out.append((m.start(), m.end(), name))
                taken.update(range(m.start(), m.end()))
    return sorted(out)


# "no group has claimed", "has not been claimed", "unclaimed": no claimant
_NO_CLAIM = re.compile(
    r"\b(?:no (?:group|one|organi[sz]ation|outfit|faction)|nobody|none)\b[^.;]{0,30}?"
    r"\b(?:claim|claimed|taken|took|accepted)\b|\b(?:not|yet to be|never)\s+(?:yet\s+)?"
    r"(?:been\s+)?claimed\b|\bunclaimed\b|\bdid not claim\b|\bno claim of\b",
    re.IGNORECASE,
)
_EVENT_NOUN = (
    r"(?:attacks?|bombings?|blasts?|assaults?|ambush(?:es)?|strikes?|killings?|raids?|"
    r"explosions?|suicide (?:attack|bombing)s?|operation)"
)
# "<group> claimed responsibility", "... took credit", "... claimed the attack"
_CLAIM = re.compile(
    r"\b(?:claim(?:ed|s|ing)?|t(?:ook|akes|aken|aking)|accept(?:ed|s)|own(?:ed|s))\s+"
    r"(?:the\s+)?(?:responsibility|credit)\b"
    rf"|\bclaim(?:ed|s|ing)?\s+(?:(?:the|this|that|an?|both|these|those|their|its)\s+)?"
    rf"(?:[\w'’-]+\s+){{0,2}}?{_EVENT_NOUN}\b",
    re.IGNORECASE,
)
# "have claimed several such attacks in the past": no claim of this event
_CLAIM_HISTORY = re.compile(
    r"\b(?:in the past|several|many|numerous|such|similar|previous(?:ly)?|most|dozens|scores|"
    r"a number of|over the years)\b",
    re.IGNORECASE,
)
# "claimed by the TTP", and the passive agent of the deed: "carried out by the
# banned TTP", "was orchestrated by Fitna al-Khawarij"
_CLAIMED_BY = re.compile(
    r"\b(?:claimed|carried\s+out|perpetrated|orchestrated|masterminded|executed|staged|"
    r"committed|planned)\s+by\s+(?:the\s+)?(?:(?:banned|outlawed|proscribed|militant)\s+)*$",
    re.IGNORECASE,
)
# between a claimant and its verb: no clause break of another subject
_CLAIM_BREAK = re.compile(r"[;:]|\b(?:said|says|told|after|when|while|but)\b", re.IGNORECASE)
# "blamed X for", "accused X of launching", "held X responsible", "pointed fingers at X"
_BLAME_OBJECT = re.compile(
    r"\b(?:blam(?:ed|es|ing)|accus(?:ed|es|ing)|held|holds)\s+(?:the\s+|neighbou?ring\s+)?$",
    re.IGNORECASE,
)
_FINGERS = re.compile(r"\bpoint(?:ed|s|ing)? (?:the )?fingers? at\s+(?:the\s+)?$", re.IGNORECASE)
_BLAME_FOR = re.compile(
    r"(?:(?!\b(?:for|of)\b)[\w\s'’()-]){0,40}?\b(?:for|of)\s+(?:(?!shelter|harbou?r|allow|host|support|back|"
    r"fund|train)\w+\s+){0,3}?(?:strik|bomb|attack|blast|explo|shell|fir|assault|raid|kill|"
    r"carr|launch|conduct|stag|orchestrat|perpetrat|being behind|behind)"
    r"|\s*(?:\([^)]{0,20}\)\s*)?responsible\b",
    re.IGNORECASE,
)
# "blamed the attack on X", "attributed the strikes to X"
_BLAME_ON = re.compile(
    r"\b(?:blam(?:ed|es|ing)|pinn(?:ed|ing))\s+(?:\S+\s+){0,4}?on\s+(?:the\s+)?$"
    r"|\battribut(?:ed|es|ing)\s+(?:\S+\s+){0,4}?to\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "X was responsible for", "X was behind the attack"
_RESPONSIBLE = re.compile(
    r"\s*(?:\([^)]{0,20}\)\s*)?(?:militants\s+|fighters\s+|terrorists\s+)?"
    r"(?:was|were|is|are|had been)\s+"
    r"(?:\w+ly\s+)?(?:responsible\s+for|behind)\b",
    re.IGNORECASE,
)
# "Islamabad did not confirm the strikes", "Pakistan denied carrying out", "has neither
# confirmed nor denied involvement"
_DENIAL = re.compile(
    r"\s*(?:[\w’'-]+\s+){0,4}?(?:(?:has|have|had|did)\s+(?:not|neither|yet to)\s+"
    r"(?:yet\s+)?(?:confirm|comment|acknowledge|claim)\w*|(?:denied|denies|rejected|"
    r"declined to confirm)|neither confirmed)",
    re.IGNORECASE,
)
# what a denial is about: an event, a role in it, or the accusation of one
_DENIED_WHAT = re.compile(
    r"\b(?:strik\w*|airstrik\w*|attacks?|bomb\w*|blasts?|explosions?|shelling|involvement|"
    r"role|responsib\w+|allegations?|accusations?|claims?|charges?)\b",
    re.IGNORECASE,
)
# "BLA militants stormed a camp": a group named as the subject of the attack
_SUBJECT_OF = re.compile(
    r"(?:['’]s)?\s+(?:militants\s+|fighters\s+|terrorists\s+|insurgents\s+|gunmen\s+)?"
    r"(?:\w+ly\s+)?(?:attacked|stormed|ambushed|targeted|raided|bombed|opened fire|"
    r"blew up|abducted|kidnapped|shot dead|gunned down)\b",
    re.IGNORECASE,
)
_SPEECH_BREAK = re.compile(r"[;:\"“”]|\b(?:said|says|told)\b", re.IGNORECASE)


def attributions(t: str) -> list[Attribution]:
    """The claims, blames and denials of one sentence, in order.

    "The TTP claimed responsibility for the attack" -> TTP (claim); "Islamabad
    blamed the bombing on TTP militants operating from Afghanistan" -> TTP (blame:
    the agent after "on", not the blamer); "Kabul blamed Pakistan for the strikes"
    -> Pakistan's forces; "Islamabad did not confirm the strikes" -> Pakistan's
    forces (denial); "no group has claimed the attack" -> nothing."""
    found: list[Attribution] = []
    acts = _agents(t)
    if not acts:
        return found
    negated = _NO_CLAIM.search(t) is not None
    starts = [s for s, _, _ in acts]
    for m in _CLAIM.finditer(t):
        if negated:
            break
        if _CLAIM_HISTORY.search(t, m.start(), min(len(t), m.end() + 40)):
            continue
        # the claimant: the first group named in the window before the verb (found by
        # bisection: only the few names inside the window are looked at)
        lo, hi = bisect_left(starts, m.start() - WINDOW), bisect_left(starts, m.start())
        before = [
            (s, a)
            for s, e, a in acts[lo:hi]
            if a in _MILITANT and not _CLAIM_BREAK.search(t[e : m.start()])
        ]
        if before:
            found.append(Attribution(before[0][1], "claim", before[0][0], m.end()))
    for s, e, a in acts:
        lead = t[max(0, s - WINDOW) : s]
        if not negated and a in _MILITANT and _CLAIMED_BY.search(lead):
            found.append(Attribution(a, "claim", s, e))
            continue
        bo = _BLAME_OBJECT.search(lead)
        if (bo is not None and _BLAME_FOR.match(t, e, min(len(t), e + WINDOW))) or (
            _FINGERS.search(lead)
        ):
            found.append(Attribution(a, "blame", s, e))
            continue
        on = _BLAME_ON.search(lead)
        if on is not None and not _SPEECH_BREAK.search(on.group(0)):
            found.append(Attribution(a, "blame", s, e))
            continue
        tail_end = min(len(t), e + WINDOW)
        if a in _MILITANT and _SUBJECT_OF.match(t, e, tail_end):
            found.append(Attribution(a, "subject", s, e))
            continue
        if _RESPONSIBLE.match(t, e, tail_end):
            found.append(Attribution(a, "blame", s, e))
            continue
        if (
            a in (PK_MIL, AF_MIL)
            and _DENIAL.match(t, e, tail_end)
            and _DENIED_WHAT.search(t, max(0, s - WINDOW), tail_end)
        ):
            found.append(Attribution(a, "denial", s, e))
    return sorted(found, key=lambda x: x.start)


# what an army can be blamed for across the border (strikes and shelling land in
# the other country; a denial or blame of the army is about those)
_LANDS_IN = {PK_MIL: "AF", AF_MIL: "PK"}
# general blame, not of one event: "blamed X for a surge in attacks"
_GENERAL = re.compile(
    r"\b(?:surge|rise|spate|series|wave|increase|recent|years?|decades?|sheltering|"
    r"harbou?ring|hosting|allowing|sanctuar\w+|havens?)\b",
    re.IGNORECASE,
)


def _country(c: _Candidate) -> str | None:
    m = c.place.match
    return None if m is None else m.country


def _specific(t: str, a: Attribution) -> bool:
    """Whether a blame or denial is about one event, not a general charge."""
    return not _GENERAL.search(t[a.start : min(len(t), a.end + WINDOW)])


# the army's own operation against militants: no claim of theirs
_OPERATION = re.compile(r"\boperations?\b|\bIBOs?\b|\bsearch\b|\bcordon\w*\b", re.IGNORECASE)


def _claims_reach(c: _Candidate, k: int, cands: list[_Candidate]) -> bool:
    """Whether a claim told in sentence ``k`` can be the claim of ``c``: the claim's
    sentence tells no event of its own, or tells one at ``c``'s place or around it
    ("claimed the Peshawar bombing" is no claim of a blast in Islamabad)."""
    own = [o for o in cands if o.sentence == k and o.kind in VIOLENT]
    return not own or any(o is c or _same_place(o, c) or _inside_of(c, o) for o in own)


def assign_responsibility(cands: list[_Candidate], texts: list[str]) -> None:
    """Give violent events the perpetrator the article's claims and blames name
    (in place).

    * A claim, blame or denial in the event's own sentence sets its agent (a claim
      also replaces Pakistan's forces read from the sentence's victims).
    * An agentless event in Pakistan takes the group every claim of the article
      that can be about it names ("militants", "gunmen" and "terrorists" alone name
      none); with no claim, or claims of two groups, it stays without one, and so
      does the army's own operation.
    * An agentless strike, bombing or shelling in Afghanistan takes Pakistan's
      forces when the article blames them for one event, or says Islamabad did
      not confirm or denied it (and the other way round for Afghan forces).
    * Militants read as the TTP from Pakistan's word "terrorists" are Baloch
      separatists when their sentence names only a Baloch group ("Fitna
      al-Hindustan")."""
    per: list[list[Attribution]] = [attributions(t) for t in texts]
    claims = [(k, a.agent) for k, found in enumerate(per) for a in found if a.how == "claim"]
    army_blamed = {
        a.agent
        for k, found in enumerate(per)
        for a in found
        if a.agent in _LANDS_IN and a.how in ("blame", "denial") and _specific(texts[k], a)
    }
    for c in cands:
        if c.kind not in VIOLENT or c.sentence >= len(texts):  # (each kind a claim can name)
            continue
        t = texts[c.sentence]
        side = _own_agent(c, per[c.sentence], t)
        if side is not None:
            if side != c.actor1:
                c.notes.append(f"perpetrator named by a claim or blame: {side}")
                c.actor1 = side
                if c.actor2 == side:
                    c.actor2 = None
            continue
        if c.actor1 == TTP and _only_baloch(t):
            c.actor1 = BALOCH
            c.notes.append("militants of a Baloch group ('Fitna al-Hindustan'), not the TTP")
            continue
        if c.actor1 is not None:
            continue
        country = _country(c)
        groups = {a for k, a in claims if _claims_reach(c, k, cands)}
        if country == "PK" and len(groups) == 1 and not _OPERATION.search(t):
            (group,) = groups
            c.actor1 = group
            c.notes.append(f"the article's claim of responsibility: {group}")
            continue
        blamed = [a for a in army_blamed if _LANDS_IN[a] == country]
        if len(blamed) == 1 and c.kind in ("air_strike", "bombing", "shelling", "attack"):
            c.actor1 = blamed[0]
            c.notes.append(f"strike blamed on (or not confirmed by) {blamed[0]}")


def _only_baloch(t: str) -> bool:
    """Whether the only militant group a sentence names is a Baloch one."""
    named = {a for _, _, a in _agents(t) if a in _MILITANT}
    return named == {BALOCH}


def _own_agent(c: _Candidate, own: list[Attribution], t: str) -> str | None:
    """The agent the event's own sentence names by a claim or a blame, or None."""
    claims = {a.agent for a in own if a.how == "claim"}
    if len(claims) == 1 and c.actor1 in (None, PK_MIL, TTP, HGB, BALOCH):
        return claims.pop()
    blamed = {
        a.agent
        for a in own
        if a.how == "subject" or (a.how in ("blame", "denial") and _specific(t, a))
    }
    if len(blamed) != 1:
        return None
    (agent,) = blamed
    if c.actor1 is None:
        return agent
    if agent in _MILITANT and c.actor1 in _MILITANT | {PK_MIL}:
        return agent  # "the attack on soldiers, blamed on the TTP": not the victims'
    return None
