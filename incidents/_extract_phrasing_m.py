"""Phrasings of batch M: counts, comment clauses and agreements.

Found on 2023-2026 articles from outlets not used before (a defence forum's repost, a
machine-written news site, reposts on unrelated business sites, wire items on talks,
relief, refugees and sport); each rule is a mechanism of English news prose, not a
place or an article (table-driven tests of paraphrases in
``tests/incidents/test_extract_unseen_m.py``):

* an adverb between a count and its casualty verb does not hide the count: "one
  child was killed and two critically wounded", "four were seriously injured",
  "three were also badly hurt" (:data:`ADVERB`, used by
  :mod:`incidents._extract_counts`);
* "gunned down" is a verb of the dead like "shot dead": "two attackers were also
  gunned down" counts two dead (:data:`DEAD_MORE`);
* a place named only inside a trailing comment clause (", marking a resurgence of
  violence that threatens progress in the area", ", raising fears across the
  district") is where the comment applies, not where the event of the main clause
  happened (:func:`comment_clause`, hook in :func:`incidents._extract_places._role`);
* a casualty verb told before the earlier event a sentence names as its cause
  ("Troops killed 12 militants in X, a day after 20 were killed in Y") is the
  sentence's news, not part of that history (:func:`own_before_cause`, hook in
  :func:`incidents._extract_events`);
* a row that counts its dead as more than a toll told elsewhere ("killed another
  14 militants", "12 more soldiers were killed") is a new incident, never a
  restatement of the one with the other toll when both count their dead
  (:func:`distinct_tolls`, hook in
  :func:`incidents._extract_merge._fold_restatements`);
* talks named as what the news follows ("agreed to meet again, following talks in
  Istanbul"), like a ceasefire so named, are the news's past, not a row of their own,
  unless they are where a ceasefire of the article was agreed (:func:`past_talks`,
  hook in :mod:`incidents.extract` after the rows are merged);
* in an article whose lead (first two sentences) reports no violence, talks or a
  ceasefire told after the lead and dated more than a few days before the article
  ("A 48-hour ceasefire was initially declared ..." in a report of later talks) are
  recalled, not news, like the violence such an article recalls
  (:func:`recalled_agreements`, hook in :mod:`incidents.extract`);
* a sentence whose subject is one event told before ("The attack was launched from
  the hills, targeting the convoy in A, B and C areas") names the extent of that one
  incident: its places make one row, at the first of them, not one row each (unless
  the sentence spreads it: "in several regions, including A and B")
  (:func:`one_incident_listed`, hook in :mod:`incidents.extract`);
* a bomb or landmine as the subject of a casualty verb ("A bomb killed three
  people") is a bombing, and a drone or jet so placed an air strike ("A drone
  killed two men"), not a bare killing (:data:`BOMB_KILLS`,
  :data:`AIRCRAFT_KILLS`, used by :mod:`incidents._extract_lex`);
* a ceasefire told without a place goes to the talks its own sentence names ("a
  truce was first declared and then extended until talks in Doha"), before any
  other venue of the article (:func:`own_sentence_venue`, hook in
  :func:`incidents._extract_merge._venue_of_agreement`).

Batch M (M01-M14 of ``tests/incidents/data/articles.jsonl``: 14 articles, 7 reports
of violence and 7 negative controls, 9 dev / 5 test) was scored on its dev articles
before any rule was written from it (see the README for the numbers).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from incidents._extract_events import _Candidate
    from incidents._extract_lex import Trigger

__all__ = [
    "ADVERB",
    "TALKS_WORD",
    "AIRCRAFT_KILLS",
    "BOMB_KILLS",
    "AGREEMENTS",
    "DEAD_MORE",
    "added_toll",
    "distinct_tolls",
    "comment_clause",
    "own_before_cause",
    "one_incident_listed",
    "own_sentence_venue",
    "past_talks",
    "recalled_agreements",
]

#: Up to two adverbs between an auxiliary (or a bare count) and its casualty verb:
#: "were also", "critically", "were reportedly seriously".  An adverb is "also" or a
#: word in -ly (not "only": "only two were hurt" is the count itself).
ADVERB = r"(?:(?:also|(?!only\b)[a-z]{3,}ly)\s+){0,2}"

#: A bomb as the subject of a casualty or blast verb ("A bomb killed three people",
#: "a landmine wounded two boys"): the bombing itself (an alternative of the
#: bombing triggers of :mod:`incidents._extract_lex`; "bomb disposal squad" is none).
BOMB_KILLS = (
    r"\b(?:bombs?|landmines?|land mines?)\b(?=\s+(?:\w+\s+)?(?:killed|kills|killing|"
    r"wounded|wounding|injured|injuring|exploded|went off|ripped through|tore through)\b)"
)
#: The verbs of the dead and wounded that an aircraft or drone as subject makes an
#: air strike ("A drone killed two men"), added to "struck", "hit", "bombed".
AIRCRAFT_KILLS = r"killed|kills|killing|wounded|injured"

#: Kinds of rows that are agreements or the talks that make them.
AGREEMENTS = frozenset({"ceasefire", "talks"})

#: Verbs of the dead beyond those of :mod:`incidents._extract_counts`.
DEAD_MORE = r"gunned down|fatally shot|shot and killed|sacrificed (?:their|his|her) li(?:ves|fe)"

# A trailing comment clause: a comma (or "and"), then a participle that comments on the
# event ("marking", "raising fears", "and raising concerns in the region") and no new
# event of its own.
_COMMENT = re.compile(
    r"(?:,|\band)\s+(?:thus\s+|further\s+)?(?:marking|signalling|signaling|raising|underscoring|"
    r"highlighting|heightening|deepening|fuelling|fueling|stoking|renewing|reviving|"
    r"threatening|adding\s+to|casting)\b[^,;:]*$",
    re.IGNORECASE,
)


def comment_clause(before: str) -> bool:
    """Whether a mention sits in a trailing comment clause of its sentence
    (", marking a rise of violence that threatens progress in| the area").

    Parameters
    ----------
    before
        The text of the sentence before the mention.

    Returns
    -------
    bool
        True when a comma (or "and") and a commenting participle open the clause that
        holds the mention, with no other comma, colon or semicolon after them.
    """
    return _COMMENT.search(before) is not None


def own_sentence_venue(ceasefire: _Candidate, venues: Sequence[_Candidate]) -> _Candidate | None:
    """The talks or agreement row that a placeless ceasefire's own sentence names
    ("extended until the conclusion of talks in Doha"), if any.

    Parameters
    ----------
    ceasefire
        A ceasefire row without a place (on the whole frontier).
    venues
        The article's talks and ceasefire rows placed at a venue.

    Returns
    -------
    _Candidate or None
        The first venue row told in the ceasefire's sentence.
    """
    return next((v for v in venues if v.sentence == ceasefire.sentence), None)


def own_before_cause(keep: Sequence[Trigger], cause: Sequence[Trigger]) -> list[Trigger]:
    """Casualty verbs ("killed") a sentence tells before the earlier event it names
    as its cause ("Troops killed 12 militants in X, a day after 20 were killed in
    Y"): the sentence's own news, not part of that history.

    Parameters
    ----------
    keep
        The triggers of the sentence kept so far (the cause's are not among them).
    cause
        The violent triggers inside the cause phrase, left to right.

    Returns
    -------
    list of Trigger
        The weak violent triggers of ``keep`` that end before the first trigger of
        ``cause``; empty when there is no cause.
    """
    if not cause:
        return []
    first = min(x.start for x in cause)
    return [x for x in keep if x.violent and x.weak and x.end <= first]


# "killed another 14 militants", "another 12 were killed", "14 more militants":
# a toll added to one told elsewhere.
_COUNT_WORD = (
    r"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
    r"twenty|thirty|forty|fifty|dozens?)"
)
_ADDED_TOLL = re.compile(
    rf"\banother\s+{_COUNT_WORD}\b|"
    rf"\b{_COUNT_WORD}\s+more\s+(?:[\w-]+\s+)?(?:militants|terrorists|insurgents|fighters|"
    r"soldiers|people|civilians|policemen|attackers|khwarij|khawarij)\b",
    re.IGNORECASE,
)


def added_toll(sentence: str) -> bool:
    """Whether a sentence counts its dead as *more* than a toll told elsewhere
    ("killed another 14 militants", "12 more soldiers were killed"): its event is
    a new one, not a restatement of the event with the earlier toll.

    Parameters
    ----------
    sentence
        The evidence sentence of a row.

    Returns
    -------
    bool
        True when "another N" or "N more <people>" is in the sentence.
    """
    return _ADDED_TOLL.search(sentence) is not None


def distinct_tolls(a: _Candidate, b: _Candidate) -> bool:
    """Whether two rows of different sentences are two incidents by their tolls: one
    counts its dead as more than a toll told elsewhere (:func:`added_toll`) and both
    count dead, in different numbers ("killed another 14 militants" / "33 were
    killed a day earlier").  A row without its own count of the dead can still
    restate the other.

    Parameters
    ----------
    a, b
        Two violent rows.

    Returns
    -------
    bool
        True when they must not be folded into one.
    """
    if a.sentence == b.sentence or not (added_toll(a.evidence) or added_toll(b.evidence)):
        return False
    dead_a = sum(n.value for n in a.counts if n.which == "killed")
    dead_b = sum(n.value for n in b.counts if n.which == "killed")
    return dead_a > 0 and dead_b > 0 and dead_a != dead_b


def recalled_agreements(
    cands: Sequence[_Candidate], ref: dt.date | None, *, days: int
) -> list[_Candidate]:
    """Talks and ceasefires an article recalls: its lead (the first two sentences)
    reports no violence, and the row is told after the lead and dated to have ended
    more than ``days`` days before the article ("A truce was first declared on
    October 15", in a report of talks at the end of the month).

    Parameters
    ----------
    cands
        The article's rows.
    ref
        The article date (None: nothing is recalled).
    days
        The rows that ended more than this many days before ``ref`` are recalled.

    Returns
    -------
    list of _Candidate
        The recalled rows.
    """
    from incidents._extract_lex import VIOLENT

    if ref is None or any(c.kind in VIOLENT and c.sentence <= 1 for c in cands):
        return []
    return [
        c
        for c in cands
        if c.kind in AGREEMENTS
        and c.sentence >= 2
        and c.date_how != "not stated"
        and c.last is not None
        and (ref - c.last).days > days
    ]


# "following talks in X", "after the second round of negotiations in X"
_FOLLOWED_TALKS = re.compile(
    r"\b(?:following|after|in the wake of|on the heels of)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:talks|negotiations|meetings?|discussions|parleys)\b",
    re.IGNORECASE,
)


# The talks' own predicate after their place ("... in X ended without a deal").
_OWN_VERB = re.compile(
    r"[^,.;:]{0,40}?\b(?:ended|collapsed|concluded|broke down|failed|began|opened|resumed|"
    r"stalled|were held|was held|took place|are held|start|end|ends|starts)\b",
    re.IGNORECASE,
)
# A meeting still to be held: "agreed to hold a follow-up meeting", "to convene talks".
_PLANNED = re.compile(
    r"\bto\s+(?:hold|convene|have|resume|schedule|arrange|attend)\b[^,.;]*$", re.IGNORECASE
)
#: A noun of talks ("the talks", "negotiations", "a meeting", "dialogue").
TALKS_WORD = re.compile(
    r"\b(?:talks|negotiations|meetings?|discussions|parleys|dialogue)\b", re.IGNORECASE
)


def past_talks(c: _Candidate) -> bool:
    """Whether a talks row is only what its sentence's news follows ("have agreed
    to meet again, following talks in Istanbul"): the news's past, not an event.

    Parameters
    ----------
    c
        A row after the merge (a ceasefire placed at its talks is no longer a talks
        row and is kept).

    Returns
    -------
    bool
        True for a talks row whose place follows talks named after "following",
        "after" or "in the wake of".
    """
    if c.kind != "talks":
        return False
    at = getattr(c.place, "start", None)
    if at is None or not 0 <= at <= len(c.evidence):
        return False
    words = list(TALKS_WORD.finditer(c.evidence, 0, at))
    if not words:
        return False
    last = words[-1]  # the talks the row's place belongs to
    if _OWN_VERB.match(c.evidence, getattr(c.place, "end", at)):
        return False  # "hours after talks in X ended without a deal": an event told
    cause = next((m for m in _FOLLOWED_TALKS.finditer(c.evidence) if m.end() == last.end()), None)
    if cause is None:
        return False
    # talks that are the subject of the news ("Negotiations failed after four days of
    # discussions in X"), not a meeting still to be held ("agreed to hold a meeting")
    return not any(
        not _PLANNED.search(c.evidence, max(0, w.start() - 40), w.start())
        for w in TALKS_WORD.finditer(c.evidence, 0, cause.start())
    )


# "The attack was ...", "This ambush took place ...": one event told before, singular
_ONE_EVENT_SUBJECT = re.compile(
    r"^\W*(?:The|This|That)\s+(?:(?:deadly|latest|same|whole|entire|brazen|coordinated)\s+)?"
    r"(?:attack|ambush|assault|incident|raid|blast|explosion|bombing|shooting|firing|"
    r"gunfight|encounter|clash)\b(?!\s*(?:s\b|and\b))",
    re.IGNORECASE,
)


# Sites told as several: "in several regions", "at multiple locations", "including".
_SPREAD = re.compile(
    r"\b(?:several|multiple|various|numerous|many)\s+(?:[\w-]+\s+)?(?:regions|areas|locations|"
    r"places|districts|points|sectors|sites|provinces|villages|towns)\b|\bincluding\b",
    re.IGNORECASE,
)


def one_incident_listed(cands: list[_Candidate]) -> list[_Candidate]:
    """Fold the violent rows of a sentence whose subject is one event told before
    ("The attack was carried out from the hills, targeting the convoy in A, B and C
    areas") into the row of its first place: one incident and its extent.

    Parameters
    ----------
    cands
        The article's rows, in sentence order.

    Returns
    -------
    list of _Candidate
        The rows kept (the first row of such a sentence holds the others' counts).
    """
    from incidents._extract_lex import VIOLENT

    by_sentence: dict[int, list[_Candidate]] = {}
    for c in cands:
        if c.kind in VIOLENT and c.place.role != "frontier":
            by_sentence.setdefault(c.sentence, []).append(c)
    gone: set[int] = set()
    for rows in by_sentence.values():
        if len(rows) < 2 or not _ONE_EVENT_SUBJECT.match(rows[0].evidence):
            continue
        if _SPREAD.search(rows[0].evidence):
            continue  # "took place in several regions, including A and B": several sites
        if not any(o.sentence < rows[0].sentence and o.kind in VIOLENT for o in cands):
            continue  # the event must have been told before
        host = min(rows, key=lambda c: c.place.start)
        for c in rows:
            if c is host:
                continue
            gone.add(id(c))
            host.merged += 1
            host.counts = host.counts or c.counts
            host.notes.append(f"{c.place.text!r} is a place of the one incident of its sentence")
    return [c for c in cands if id(c) not in gone]
