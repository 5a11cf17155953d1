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
* a strike or an "attack" of lightning or thunder ("lightning strikes killed three in
  X", "floods and thunder attacks") is weather, not an air strike or an assault (hook
  in :func:`incidents._extract_controls.non_event`), and its deaths are those of a
  natural disaster (hook in :func:`incidents._extract_lex.triggers`);
* a closure dated only "earlier this month" in an article that reports, in a later
  sentence, the reopening of a crossing is the closure that reopening ended, not the
  news (hook in
  :mod:`incidents.extract`, next to :func:`incidents._extract_background.recalled_rows`);
* the place a meeting is *about* is not where it was held: in "talks to reduce
  tensions at the X crossing", "met over the dispute along X" the mention is the
  talks' topic, not their venue nor a site (hook in
  :func:`incidents._extract_places._role`).

Batch L (L01-L11 of ``tests/incidents/data/articles.jsonl``: 11 articles, 9 negative
controls and 2 mixed, 6 dev / 5 test) was scored on its dev articles before any rule
was written from it: 1 gold incident, recall 0/1, 1 row scored (a background row: the
talks placed at the crossing they were about), 2 rows from the dev negative controls.
After these rules: recall 1/1, precision 1/1, 0 background rows, 0 rows from the dev
negative controls; on the whole dev split (221 articles) no measure fell.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from incidents._extract_events import _Candidate

__all__ = [
    "ended_closures",
    "facility_after",
    "talks_topic",
    "weather_named",
    "weather_strike",
    "without_weather",
]

# Facilities a town names after itself; a team or a party ("Quetta Gladiators") is
# not one of them, nor a landmark named after a person ("Jinnah Road").
_FACILITY = re.compile(
    r"^\s+(?:Police\s+Lines|Police\s+Station|Police\s+Headquarters|Press\s+Club|"
    r"Cantonment|Cantt|Central\s+Jail|District\s+Jail|Jail|Prison|Airport|"
    r"Railway\s+Station|Bus\s+(?:Stand|Terminal)|Bazaar|Sabzi\s+Mandi|Fruit\s+Market|"
    r"Grand\s+Mosque|Garrison|Airbase|Air\s+Base|"
    r"(?:Cadet\s+|Degree\s+|Public\s+|Model\s+)?(?:College|School)|University|Hospital|Fort)\b"
)


# A town's name used as the modifier of the site it names: "hit a Kabul drug
# rehabilitation center", "a Quetta market", "the Peshawar mosque"
_ARTICLE_BEFORE = re.compile(
    r"\b(?:a|an|the)\s+(?:(?:busy|crowded|local|main|major|key)\s+)?$", re.IGNORECASE
)
# a site placed by the words after it: "... office in Karak", "... Airbase at X"
_PLACED_AFTER = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?[A-Z]")
_SITE_AFTER = re.compile(
    r"^\s+(?:[a-z][\w-]*\s+){0,3}?(?:cent(?:er|re)|hospital|clinic|market|bazaar|mosque|"
    r"school|seminary|madrassa|hotel|camp|base|airbase|checkpoint|checkpost|compound|prison|"
    r"jail|shrine|stadium|neighbou?rhood|suburb|residence|house|home|building|facility|"
    r"depot|office|headquarters|police station|university|college)s?\b"
    # (not a job or a source: "a Peshawar hospital official said")
    r"(?!\s+(?:officials?|spokes\w+|sources?|doctors?|staff|administrators?|chiefs?|"
    r"directors?|heads?|in-charge|authorities|management|said|says)\b)"
)


def attributive_site(left: str, right: str) -> bool:
    """Whether a town's name modifies the site after it, behind an article ("a Kabul
    drug rehabilitation center", "the Quetta market"): the place of that site.

    Parameters
    ----------
    left, right
        The text just before and just after the mention.

    Returns
    -------
    bool
        True when an article stands before the name and a site noun follows within
        three lower-case words, not itself placed by "in" or "at" a name after it.
    """
    site = _SITE_AFTER.match(right)
    if site is None or not _ARTICLE_BEFORE.search(left):
        return False
    # ("a Sui gas office in Karak": the site placed after it, the name a company's)
    return _PLACED_AFTER.match(right, site.end()) is None


# "talks to reduce tensions at the", "met over the dispute along the": the words
# after the meeting name what it was about.
_TOPIC = re.compile(
    r"\b(?:talks|negotiations|meeting|met|meet|dialogue|discussions?|parleys?|jirga)\b"
    r"[^.;:!?]{0,60}?\b(?:tensions?|dispute|disputes|row|standoff|stand-off|deadlock|"
    r"issues?|situation|problems?|differences|closure|reopening|management)\s+"
    r"(?:at|over|on|along|around|about|of|in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def facility_after(right: str, *, placed: bool = False) -> bool:
    """Whether the words after a town's name make it open the name of a facility
    in that town ("Quetta| Police Lines", "Peshawar| Press Club").

    Parameters
    ----------
    right
        The text just after the mention.
    placed
        Also require the facility to be placed by the words after it ("Nur Khan|
        Airbase in Rawalpindi"): its place is the one named there, not the name
        it bears.

    Returns
    -------
    bool
        True when a facility noun follows at once (and, with ``placed``, "in" or
        "at" a capitalised name after it).
    """
    m = _FACILITY.match(right)
    if m is None:
        return False
    return not placed or _PLACED_AFTER.match(right, m.end()) is not None


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


# "lightning strikes", "thunder attacks", "a thunderbolt strike": the weather word
# just before the trigger
_WEATHER_BEFORE = re.compile(
    r"\b(?:lightning|thunder|thunderbolts?|thunderstorms?|thunder-?storms?)\s+$", re.IGNORECASE
)


def weather_strike(before: str) -> bool:
    """Whether a strike or attack word is lightning or thunder ("lightning strikes",
    "thunder attacks"), from the words just before it.

    Parameters
    ----------
    before
        The text just before the trigger word.

    Returns
    -------
    bool
        True when a weather word names the strike.
    """
    return _WEATHER_BEFORE.search(before) is not None


_WEATHER = re.compile(r"\b(?:lightning|thunder\w*)\b", re.IGNORECASE)
_WEATHER_HIT = re.compile(
    r"\b(lightning|thunder\w*|avalanches?|earthquakes?|quakes?|floods?|flash floods?|"
    r"landslides?|storms?|cyclones?|cloudbursts?)(\s+(?:strikes?|struck|striking|attacks?|"
    r"bolts?|hit|hits|hitting))\b",
    re.IGNORECASE,
)


def weather_named(sentence: str) -> bool:
    """Whether a sentence names lightning or thunder (a natural cause of deaths).

    Parameters
    ----------
    sentence
        One sentence.

    Returns
    -------
    bool
        True when lightning or thunder is named.
    """
    return _WEATHER.search(sentence) is not None


def without_weather(sentence: str) -> str:
    """The sentence with the strike or attack words of lightning, thunder and other
    natural hazards blanked ("lightning strikes killed two" -> "lightning
    killed two", "after an avalanche struck X"), so
    that a search for words of violence does not find them.

    Parameters
    ----------
    sentence
        One sentence.

    Returns
    -------
    str
        The sentence, of the same length.
    """
    return _WEATHER_HIT.sub(lambda m: m.group(1) + " " * len(m.group(2)), sentence)


#: A closure dated to a window wider than this many days is not the article's news.
VAGUE_DAYS = 7
_EARLIER = re.compile(r"\bearlier\b", re.IGNORECASE)
_REOPENED = re.compile(
    r"\b(?:re-?open(?:ed|ing)|resum(?:ed|ing|ption of) (?:trade|traffic|movement))\b",
    re.IGNORECASE,
)
_CROSSING = re.compile(r"\b(?:border|crossings?|gates?|terminal|trade|traffic)\b", re.IGNORECASE)


def ended_closures(cands: Sequence[_Candidate], texts: Mapping[int, str]) -> list[int]:
    """Indices of the closures that a reopening told later in the article ended.

    Parameters
    ----------
    cands
        The article's candidate rows, with ``kind``, ``sentence``, ``first``,
        ``last`` and ``date_text``.
    texts
        The article's sentences by number.

    Returns
    -------
    list of int
        The closures dated only by an "earlier ..." expression to more than
        :data:`VAGUE_DAYS` days ("Earlier this month, the X border was closed") when a
        later sentence reports a crossing reopened.
    """
    out: list[int] = []
    for k, c in enumerate(cands):
        if c.kind != "border_closure" or c.first is None or c.last is None:
            continue
        if (c.last - c.first).days <= VAGUE_DAYS or not _EARLIER.search(c.date_text or ""):
            continue
        later = (t for i, t in texts.items() if i > c.sentence)
        if any(
            _CROSSING.search(t[max(0, m.start() - 80) : m.end() + 80])
            for t in later
            for m in _REOPENED.finditer(t)
        ):
            out.append(k)
    return out
