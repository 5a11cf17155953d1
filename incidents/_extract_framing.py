"""An introductory phrase that frames an event is not the event's own clause.

"In one of the most violent escalations along the Durand Line since the Taliban's
return to power in 2021, overnight clashes ... on October 11-12 have left dozens
dead": the words before the comma compare the event with history; they do not make
it history.  The filters that read the words before a trigger (history, "since",
a year, a negation) should read only the trigger's own clause when a day-precise
date qualifies the trigger and a comma closes an introductory phrase.
"""

from __future__ import annotations

import re

__all__ = ["own_clause"]

# an introductory phrase: a preposition or a participle opening the sentence part,
# closed by a comma ("In the worst escalation since 2021,", "Amid tensions since
# the takeover,", "Following weeks of calm,")
_INTRO = re.compile(
    # after a dateline without a date: "KARACHI, Pakistan –", "Quetta:"
    r"^\s*(?:[A-Z][A-Za-z.'’/ -]{2,40}?(?:,\s*[A-Z][a-z]+)?\s*(?:[-–—]|:)\s+)?"
    r"(?:[\"“‘'(]\s*)?(?:In|Amid|Amidst|After|Following|Despite|During|With|As|Since|Over|"
    r"Two|Three|Weeks|Days|Months|Years)\b[^,]{3,}?,\s*(?=\S)",
)


def own_clause(sentence: str, start: int, clause: str, *, dated: bool) -> str:
    """The words of ``clause`` (the text of ``sentence`` right before a trigger at
    ``start``) that belong to the trigger's own clause: those after an introductory
    phrase opening the sentence and closed by a comma, when the trigger has a
    day-precise date of its own (``dated``); else all of ``clause``."""
    if not dated or "," not in clause:
        return clause
    m = _INTRO.match(sentence)
    if m is None or m.end() > start:
        return clause
    return sentence[max(m.end(), start - len(clause)) : start]
