"""The side of a security operation told without its agent.

"Eleven soldiers were killed during an overnight operation against militants in
Orakzai", "The clash took place during an intelligence-based operation in the
Orakzai district", "security forces killed eight militants in X": an operation
against militants inside Pakistan (or its forces killing militants there) is run by
Pakistan's forces even when the sentence names no agent (the soldiers are the
victims there, not the subject).  :func:`operation_sides` gives such agentless
violent rows the side :data:`incidents._extract_lex.PK_MIL`.
"""

from __future__ import annotations

import re

from incidents._extract_events import _Candidate
from incidents._extract_lex import PK_MIL, VIOLENT
from incidents._extract_phrasing_k import agency_operation

__all__ = ["operation_sides"]

_OPERATION = re.compile(
    r"\b(?:intelligence[- ]based|search|sanitization|sanitisation|clearance|combing|"
    r"counter-?terrorism|security) operations?\b|\bIBOs?\b"
    r"|\boperations?\s+against\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:militants|terrorists|"
    r"khwarij|khawarij|insurgents|miscreants)\b"
    # "security forces killed eight militants", "troops gunned down four terrorists": the
    # state's forces killing militants, told without their country
    r"|\b(?:security forces|troops|soldiers|the army|security personnel|law enforcement "
    r"agencies|police|CTD|counter-terrorism department)\s+(?:\w+\s+){0,2}?(?:killed|"
    r"gunned down|shot dead|neutrali[sz]ed|eliminated)\s+(?:at least\s+)?(?:\w+\s+){0,2}?"
    r"(?:militants|terrorists|khwarij|khawarij|insurgents|attackers|gunmen|miscreants)\b",
    re.IGNORECASE,
)


def operation_sides(cands: list[_Candidate]) -> None:
    """Set ``actor1`` of agentless violent rows in Pakistan whose sentence tells a
    security operation (in place)."""
    for c in cands:
        if c.actor1 or c.kind not in VIOLENT or c.place is None:
            continue
        # ("a joint CTD and police operation": told by the agencies that ran it)
        told = _OPERATION.search(c.evidence) or agency_operation(c.evidence)
        if c.place.match.country != "PK" or not told:
            continue
        c.actor1 = PK_MIL
        c.notes.append("side: a security operation in Pakistan is run by its forces")
