"""A closure told as the consequence of fighting already told: its date.

News often closes an account of fighting with what it caused: "Border crossings
including X and Y were closed following the clash", "The violence forced the
closure of key crossings at X and Y".  Such a sentence names no day of its own;
the sentence loop then gives it the date of the paragraph (often that of an
aside told just before it, "Earlier in the week, ...") or no date at all.  The
closure came after the fighting it names: :func:`date_consequences` dates it from
the first day of the last dated violent event told before it (preferring one of
the kind its noun names, "the clash" -> a clash) to the day after (the closure
follows an overnight clash by a few hours), at most the article date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from incidents._extract_lex import VIOLENT

if TYPE_CHECKING:
    from incidents._extract_events import _Candidate

__all__ = ["CONSEQUENT_KINDS", "consequence_noun", "date_consequences"]

#: Kinds of rows that are consequences of fighting rather than fighting.
CONSEQUENT_KINDS = ("border_closure",)

# the event nouns a consequence refers back to, and the kinds each may name
_NOUNS: dict[str, tuple[str, ...]] = {
    "clash": ("armed_clash", "shelling", "attack"),
    "skirmish": ("armed_clash", "shelling", "attack"),
    "fighting": ("armed_clash", "shelling", "attack"),
    "firing": ("armed_clash", "shelling", "attack"),
    "exchange": ("armed_clash", "shelling"),
    "hostilities": ("armed_clash", "shelling", "attack"),
    "shelling": ("shelling", "armed_clash"),
    "attack": ("attack", "armed_clash", "suicide_bombing", "bombing"),
    "strike": ("air_strike",),
    "airstrike": ("air_strike",),
    "bombing": ("air_strike", "bombing", "suicide_bombing"),
    "violence": (),
    "escalation": (),
    "flare-up": (),
    "tension": (),
}
_NOUN = (
    r"(?P<noun>clash|skirmish|fighting|firing|exchange|hostilities|shelling|attack|"
    r"strike|airstrike|bombing|violence|escalation|flare-up|tension)(?:e?s)?(?:\s+of\s+fire)?"
)
_THE = r"(?:the|this|that|these|those|such)\s+(?:[\w-]+\s+){0,3}?"
# "following the clash", "after the overnight fighting", "as a result of the violence"
_AFTER = re.compile(
    rf"\b(?:following|after|in the wake of|in the aftermath of|as a result of|due to|"
    rf"because of|owing to|amid|in response to)\s+{_THE}{_NOUN}\b",
    re.IGNORECASE,
)
# "the violence forced the closure", "the clash resulted in the closure"
_CAUSED = re.compile(
    rf"\b{_THE}{_NOUN}\s+(?:has\s+|had\s+)?(?:forced|prompted|led to|leading to|"
    rf"resulted in|resulting in|triggered|caused|sparked)\b",
    re.IGNORECASE,
)


def consequence_noun(sentence: str) -> str | None:
    """The event noun (singular) a sentence tells its news as the consequence of,
    or None.

    >>> consequence_noun("Crossings were shut following the overnight clashes.")
    'clash'
    >>> consequence_noun("The violence forced the closure of two crossings.")
    'violence'
    >>> consequence_noun("Crossings were shut on Monday.") is None
    True
    """
    m = _AFTER.search(sentence) or _CAUSED.search(sentence)
    return m.group("noun").lower() if m else None


def _cause(cands: Sequence[_Candidate], k: int, noun: str) -> _Candidate | None:
    """The last violent candidate with a window told before ``cands[k]`` (one of the
    kinds ``noun`` names, if any is)."""
    before = [
        c
        for c in cands[:k]
        if c.kind in VIOLENT and c.sentence <= cands[k].sentence and c.first is not None
    ]
    kinds = _NOUNS.get(noun, ())
    fitting = [c for c in before if c.kind in kinds]
    pool = fitting or before
    return pool[-1] if pool else None


def date_consequences(cands: Sequence[_Candidate], ref: dt.date | None) -> None:
    """Date each closure told as the consequence of fighting told before it
    ("... were closed following the clash") from that fighting's first day to the
    day after it, at most ``ref`` (in place).  A closure with a date of its own
    (one read from its sentence) keeps it."""
    for k, c in enumerate(cands):
        if c.kind not in CONSEQUENT_KINDS or c.date_how in ("absolute", "relative"):
            continue
        noun = consequence_noun(c.evidence)
        if noun is None:
            continue
        cause = _cause(cands, k, noun)
        if cause is None or cause.first is None:
            continue
        first = cause.first
        last = max(cause.last or first, first + dt.timedelta(days=1))
        if ref is not None:
            last = min(last, ref)
            if first > ref:
                continue
        c.first, c.last, c.date_how = first, last, "inherited"
        c.flags = [f for f in c.flags if f != "date_not_stated"]
        c.notes.append(
            f"the consequence of the {noun} of sentence {cause.sentence}: after it"
            f" -> {first}..{last}"
        )
