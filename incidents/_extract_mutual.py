"""A mutual exchange of fire: both armies, neither the initiator.

"Afghan and Pakistani forces exchanged fire in X" and "the two sides traded fire"
tell a fight of two sides that the article does not say either started.  A
conflict coder records both parties (``actor1`` and ``actor2``, in the order the
text names them: the order means nothing here) and no initiator; the row's
``extraction_notes`` say so (:data:`MUTUAL_NOTE`), so a reader of ``actor1``
does not take the first army named for the one that fired first.  The schema has
no initiator or "mutual" column, and its ``side`` is the side of the line the
point is on, so no value of it is used for this.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (at run time: lex imports the phrasing modules that import this one)
    from incidents._extract_events import _Candidate

__all__ = [
    "BOTH_FIGHT",
    "MUTUAL_NOTE",
    "TWO_SIDES",
    "actor_text",
    "is_mutual",
    "mark_mutual",
    "other_sides",
]

#: Note on a row told as a mutual exchange with no initiator.
MUTUAL_NOTE = "mutual exchange: neither side named as the initiator (actor order as named)"

#: Both parties named together, without naming either: "the two sides traded fire".
TWO_SIDES = re.compile(
    r"\b(?:the two (?:sides|countries|armies|neighbou?rs|forces)|both (?:sides|countries|"
    r"armies|forces)|(?:forces|troops|soldiers|border guards) (?:of|from) (?:the two|both) "
    r"(?:sides|countries|nations|neighbou?rs)|each other)\b",
    re.IGNORECASE,
)


def mark_mutual(c: _Candidate, named: list[str]) -> bool:
    """Code candidate ``c`` as a mutual exchange between the two armies in
    ``named`` (the armies its sentence, or the article before it for "the two
    sides", names, in text order; in place).  Whether it was coded so."""
    from incidents._extract_lex import AF_MIL, PK_MIL  # (lex imports the phrasing modules)

    other = {PK_MIL: AF_MIL, AF_MIL: PK_MIL}
    armies = [a for a in dict.fromkeys(named) if a in other]
    if len(armies) < 2:
        return False
    first = armies[0]  # (the order they are named in: it means nothing)
    c.actor1, c.actor2 = first, other[first]
    c.notes.append(MUTUAL_NOTE)
    return True


def is_mutual(c: _Candidate) -> bool:
    """Whether candidate ``c`` was coded as a mutual exchange (:func:`mark_mutual`)."""
    return MUTUAL_NOTE in c.notes


def other_sides(a: _Candidate, b: _Candidate) -> bool:
    """Whether two candidates are told as the fire of different sides: both have an
    ``actor1`` and they differ, unless one of them is a mutual exchange whose two
    parties include the other's ``actor1`` (one fight told twice)."""
    a1, b1 = a.actor1, b.actor1
    if not (a1 and b1) or a1 == b1:
        return False
    pairs = ((a, b1), (b, a1))
    return not any(is_mutual(m) and o in (m.actor1, m.actor2) for m, o in pairs)


#: A fight both named parties take part in: "X and Y engaged in overnight clashes".
BOTH_FIGHT = re.compile(
    r"\bengag(?:ed|ing|e)\s+in\s+(?:[\w-]+\s+){0,3}?(?:clash(?:es)?|fighting|firefights?|"
    r"gunfights?|exchanges? of fire|skirmish(?:es)?|battles?)\b",
    re.IGNORECASE,
)

_ACTORS_FROM = re.compile(r"^actors from sentence (\d+)$")


def actor_text(c: _Candidate, texts: list[str]) -> str:
    """The sentence candidate ``c`` took its actors from ("Pakistani and Afghan
    forces clashed overnight." / "The fighting occurred in Kurram."), else its own."""
    for n in c.notes:
        m = _ACTORS_FROM.match(n)
        if m and int(m.group(1)) < len(texts):
            return texts[int(m.group(1))]
    return texts[c.sentence]
