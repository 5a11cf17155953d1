"""Phrasings of articles whose news is not violence (batch L): place roles.

Found on 2015-2026 articles that report talks, deportations, anniversaries, court
verdicts, relief or sport and recall violence in passing, from outlets not used
before; each rule is a mechanism of English news prose, not a place or an article
(table-driven tests of paraphrases in ``tests/incidents/test_extract_unseen_l.py``):

* a town's name that opens the proper name of a facility of that town ("the Quetta
  Police Lines", "the Peshawar Press Club", "Bannu Cantonment") places an event at
  that facility in the town; other capitalised words after a town name still make it
  part of a longer name ("Quetta Gladiators", "Peshawar Zalmi") (hook in
  :func:`incidents._extract_places._glued`);
* the place a meeting is *about* is not where it was held: in "talks to reduce
  tensions at the X crossing", "met over the dispute along X" the mention is the
  talks' topic, not their venue nor a site (hook in
  :func:`incidents._extract_places._role`).

Batch L (L01-L11 of ``tests/incidents/data/articles.jsonl``: 11 articles, 9 negative
controls and 2 mixed, 6 dev / 5 test) was scored on its dev articles before any rule
was written from it: 1 gold incident, recall 0/1, 1 row scored (a background row: the
talks placed at the crossing they were about), 2 rows from the dev negative controls.
"""

from __future__ import annotations

import re

__all__ = ["facility_after", "talks_topic"]

# Facilities a town names after itself; a team or a party ("Quetta Gladiators") is
# not one of them, nor a landmark named after a person ("Jinnah Road").
_FACILITY = re.compile(
    r"^\s+(?:Police\s+Lines|Police\s+Station|Police\s+Headquarters|Press\s+Club|"
    r"Cantonment|Cantt|Central\s+Jail|District\s+Jail|Jail|Prison|Airport|"
    r"Railway\s+Station|Bus\s+(?:Stand|Terminal)|Bazaar|Sabzi\s+Mandi|Fruit\s+Market|"
    r"Grand\s+Mosque|Garrison|Airbase|Air\s+Base)\b"
)

# "talks to reduce tensions at the", "met over the dispute along the": the words
# after the meeting name what it was about.
_TOPIC = re.compile(
    r"\b(?:talks|negotiations|meeting|met|meet|dialogue|discussions?|parleys?|jirga)\b"
    r"[^.;:!?]{0,60}?\b(?:tensions?|dispute|disputes|row|standoff|stand-off|deadlock|"
    r"issues?|situation|problems?|differences|closure|reopening|management)\s+"
    r"(?:at|over|on|along|around|about|of|in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def facility_after(right: str) -> bool:
    """Whether the words after a town's name make it open the name of a facility
    in that town ("Quetta| Police Lines", "Peshawar| Press Club").

    Parameters
    ----------
    right
        The text just after the mention.

    Returns
    -------
    bool
        True when a facility noun follows at once.
    """
    return _FACILITY.match(right) is not None


def talks_topic(before: str) -> bool:
    """Whether a mention is what talks or a meeting were about, from the words
    before it ("talks to ease tensions at the", "met over the dispute along").

    Parameters
    ----------
    before
        Up to about 100 characters before the mention, in the same sentence.

    Returns
    -------
    bool
        True when the mention names the topic of a meeting, not its venue.
    """
    return _TOPIC.search(before) is not None
