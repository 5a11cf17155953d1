"""Place names whose qualifier an outlet wrote in lower case.

"the south Waziristan district", "in upper Kurram", "lower Dir": the gazetteer's
names start with a capital ("South Waziristan"), and place search only looks at
capitalised words, so the qualifier was lost and the place fell back to a coarser
unit.  :func:`capitalise_qualifiers` raises the first letter of such a qualifier
when the capitalised name is a known place; the text keeps its length, so every
offset into it stays valid.
"""

from __future__ import annotations

import re
from typing import Protocol

from incidents._match import Mention

__all__ = ["capitalise_qualifiers"]


class _Finder(Protocol):
    def find_mentions(self, text: object, *, max_words: int = ...) -> list[Mention]: ...


# a lower-case qualifier right before a capitalised word: "south Waziristan"
_QUALIFIED = re.compile(
    r"\b(?:north|south|east|west|upper|lower|central)\s+(?=[A-Z][a-z])", re.UNICODE
)
_NEXT_WORD = re.compile(r"[A-Z][\w'’-]*")


def capitalise_qualifiers(text: str, gc: _Finder) -> str:
    """``text`` with "south Waziristan" written "South Waziristan" where the
    capitalised name is a place ``gc`` knows (and the sentence does not start
    there: a capital is already there)."""
    if not _QUALIFIED.search(text):
        return text
    out = list(text)
    for m in _QUALIFIED.finditer(text):
        nxt = _NEXT_WORD.match(text, m.end())
        if nxt is None:
            continue
        name = text[m.start()].upper() + text[m.start() + 1 : nxt.end()]
        found = gc.find_mentions(name)
        if found and found[0].start == 0 and found[0].end >= len(name):
            out[m.start()] = text[m.start()].upper()
    return "".join(out)
