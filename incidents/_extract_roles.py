"""Roles of a killing clause: who killed whom.

The subject of an active killing verb is the agent and its object the victim
("security forces killed 10 TTP militants": Pakistan's forces, the TTP); a
passive verb with "by" is the reverse ("five soldiers were killed by Afghan
forces": Afghan forces, Pakistan's).  A force named without its country
("security forces", "troops", "the army") is the opponent of the victim it
kills: the TTP's and the Afghan army's opponent is Pakistan's army, Pakistan's
army's opponent the Afghan army.  Civilians as victims give no such agent.
"""

from __future__ import annotations

import re

from incidents._extract_lex import (
    _ACTORS,
    AF_MIL,
    CIVILIANS,
    HGB,
    PK_MIL,
    TTP,
    TTP_WORD,
    actors_in,
)

__all__ = ["clause_roles"]

# Active verbs that take the killed as their object ("shot dead five militants").
_KILL = (
    r"(?:killed|kills|kill|shot dead|gunned down|neutrali[sz]ed|eliminated|slew|"
    r"massacred|mowed down)"
)
# An auxiliary right before the verb: passive ("were killed"), not active.
_AUX = re.compile(
    r"\b(?:was|were|been|being|is|are|be|got|get)\s+(?:\w+ly\s+|also\s+|reportedly\s+)?$",
    re.IGNORECASE,
)
_VERB = re.compile(rf"\b(?:{_KILL}|died|lost their lives)\b", re.IGNORECASE)
# Intransitive: the subject died ("four militants died in a clash with troops").
_DIED = re.compile(r"died|lost their lives", re.IGNORECASE)
# "in an exchange of fire with X", "during a clash with X": X fought the dead
_FOUGHT_WITH = re.compile(
    r"[^,;.]{0,40}?\b(?:exchange of fire|clash(?:es)?|gunfight|gun battle|shootout|encounter|"
    r"firefight|fighting|skirmish)\s+with\s+(?:the\s+)?",
    re.IGNORECASE,
)
# An aside between a subject and its verb: "security forces, acting on a tip-off, killed"
_ASIDE_END = re.compile(r",[^,;.()]{1,50},\s*$")
# "X said they killed": the speaker is the subject of the killing
_SAID_THEY = re.compile(
    r"\b(?:said|says|claimed|claims|announced|stated)\s+(?:that\s+)?(?:they|it|its (?:forces|"
    r"troops|fighters)|their (?:forces|troops|fighters))\s+(?:had\s+|have\s+|has\s+)?$",
    re.IGNORECASE,
)
# Between the verb and its object: a count and up to four words, no preposition or break.
_TO_OBJECT = re.compile(
    r"\s+(?:(?:at least|more than|over|some|about|nearly|up to|another|as many as)\s+)?"
    r"(?:(?!(?:in|at|on|near|during|after|before|by|from|with|when|while|and|or|as|"
    r"who|which|that)\b)[\w’'-]+\s+){0,4}?$",
    re.IGNORECASE,
)
# Between a subject and its verb: no clause break ("militants, who attacked ..., killed").
_SUBJECT_GAP = re.compile(
    r"[,;:.()\"“”]|\b(?:when|as|after|while|before|whereas|but|who|which|that|and|"
    r"said|says|told|according)\b",
    re.IGNORECASE,
)
# "killed by the security forces", "gunned down by Afghan troops"
_BY = re.compile(r"\s+by\s+(?:the\s+)?$", re.IGNORECASE)
# A force named without its country: the agent only by whom it kills.
_FORCE = re.compile(
    r"\b(?:(?:the\s+)?(?:security forces|security personnel|law enforcement agencies|"
    r"(?:our |own )?troops|soldiers|forces|army|military|personnel|paramilitar\w+|"
    r"police(?:men)?|Frontier Corps|FC|CTD|Counter[- ]Terrorism Department))$",
    re.IGNORECASE,
)
# "by the security forces in X": the phrase after "by", up to a place or a break
_BY_FORCE = re.compile(
    r"\s+by\s+(.{1,40}?)(?=\s+(?:in|at|near|on|during|after|while)\b|[,.;]|$)", re.IGNORECASE
)
# "with the security forces in X": the phrase after "with", up to a place or a break
_UP_TO_PLACE = re.compile(r"(.{1,40}?)(?=\s+(?:in|at|near|on|during|after|while)\b|[,.;]|$)")
_ADVERB_END = re.compile(r"\s+(?:\w+ly|also|reportedly|on \w+day|today|yesterday)?\s*$")
_OPPONENT = {TTP: PK_MIL, TTP_WORD: PK_MIL, HGB: PK_MIL, AF_MIL: PK_MIL, PK_MIL: AF_MIL}


def _object(t: str, end: int, acts: list[tuple[int, str]]) -> str | None:
    """The actor a verb ending at ``end`` takes as its object, or None."""
    after = [(o, a) for o, a in acts if o >= end]
    if not after or after[0][0] - end > 60 or not _TO_OBJECT.fullmatch(t[end : after[0][0]]):
        return None
    return after[0][1]


def _subject(t: str, start: int, acts: list[tuple[int, str]]) -> str | None:
    """The actor a verb starting at ``start`` has as its subject, or None; a force
    named without its country gives ``"FORCE"``."""
    said = _SAID_THEY.search(t, max(0, start - 60), start)
    if said is not None:
        # "Afghan forces said they killed ...": the speaker (not an actor to actors_in)
        return _speaker(t[max(0, said.start() - 60) : said.start()])
    aside = _ASIDE_END.search(t, max(0, start - 110), start)
    end = aside.start() if aside else start  # "security forces, acting on a tip-off, killed"
    before = [(o, a) for o, a in acts if end - 60 <= o < end]
    if before and _SUBJECT_GAP.search(t, before[-1][0], end) is None:
        return before[-1][1]  # the nearest actor, in the verb's clause
    # "security forces on Sunday killed": the force, adverbs of the clause aside
    head = _ADVERB_END.sub("", t[max(0, end - 60) : end])
    return "FORCE" if _FORCE.search(head.rstrip()) else None


def _speaker(head: str) -> str | None:
    """The army or group named last in ``head`` (the words before "said")."""
    found = [(m.start(), name) for name, rx in _ACTORS for m in rx.finditer(head)]
    return max(found)[1] if found else None


def _fought_with(t: str, end: int, acts: list[tuple[int, str]]) -> str | None:
    """The side the dead fought ("died in an exchange of fire with security
    forces"): an actor, ``"FORCE"`` for a force without a country, or None."""
    w = _FOUGHT_WITH.match(t, end)
    if w is None:
        return None
    named = [a for o, a in acts if o == w.end()]
    if named:
        return named[0]
    g = _UP_TO_PLACE.match(t, w.end())
    return "FORCE" if g and _FORCE.search(g.group(1)) else None


def _side(a: str) -> str:
    return TTP if a == TTP_WORD else a


def _resolve(agent: str | None, victim: str | None) -> tuple[str, str] | None:
    if victim is None:
        return None
    if victim == CIVILIANS:
        if agent in (None, "FORCE", CIVILIANS):
            return None
        return _side(agent), CIVILIANS  # type: ignore[arg-type]
    if agent == "FORCE":
        agent = _OPPONENT.get(victim)
    if agent is None or agent == CIVILIANS or _side(agent) == _side(victim):
        return None
    return _side(agent), _side(victim)


def clause_roles(t: str, at: int) -> tuple[str, str] | None:
    """(agent, victim) of the killing verb of sentence ``t`` nearest to offset ``at``,
    when its clause names both (a force without a country counts as the victim's
    opponent); else None.

    >>> clause_roles("Security forces killed 10 TTP militants in Bannu.", 16)
    ('Military Forces of Pakistan', 'TTP (Tehrik-i-Taliban Pakistan)')
    >>> clause_roles("Five Pakistani soldiers were killed by Afghan forces in Kurram.", 26)
    ('Afghan Taliban forces', 'Military Forces of Pakistan')
    """
    acts = actors_in(t)
    if not acts:
        return None
    m = min(_VERB.finditer(t), key=lambda v: abs(v.start() - at), default=None)
    if m is None:
        return None
    if _DIED.fullmatch(m.group(0)) or _AUX.search(t, max(0, m.start() - 30), m.start()):
        # passive: "X were killed by Y"; X the nearest actor before the verb in its clause
        victims = [a for o, a in acts if o < m.start() and not _SUBJECT_GAP.search(t, o, m.start())]
        agent = next((a for o, a in acts if o > m.end() and _BY.fullmatch(t, m.end(), o)), None)
        if agent is None:
            g = _BY_FORCE.match(t, m.end())
            agent = "FORCE" if g and _FORCE.search(g.group(1)) else None
        if agent is None:
            agent = _fought_with(t, m.end(), acts)
        if agent is None or not victims:
            return None
        return _resolve(agent, victims[-1])
    victim = _object(t, m.end(), acts)
    if victim is None:
        return None
    return _resolve(_subject(t, m.start(), acts), victim)
