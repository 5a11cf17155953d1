"""Frontier-wide events told next to placed ones: which is a row of its own.

News of this frontier often tells an event that spans the line ("border attacks",
"overnight border operations", "Islamabad closed a key crossing", "fired at
Pakistani border posts") next to events at named places ("... the exchange of
fire continued in the X region").  The rules here decide when such a statement
is a row of its own (``frontier_wide``) and when it only restates a placed row:

* :func:`border_event_phrases`: an event noun with ``border`` as its modifier
  ("border attacks", "border clashes", "border operations") puts the event on the
  frontier when the sentence names no place for it (not "cross-border attacks":
  that names where an attack came from, not where it was);
* :func:`unnamed_crossing`: the closure of a crossing the sentence does not name
  ("closed a key crossing", "all crossings were shut") is a frontier-wide
  closure; :func:`fold_wide_closures` folds it into the closures of named
  crossings the article gives on overlapping dates (the list is its detail);
* :func:`restate_reach`: how far from a frontier-wide row a placed row may be to
  count as the same incident told with its place.  A phrase for one point
  ("a post on the border", "a house near the border") may be restated anywhere
  in the article; a phrase for several points ("Pakistani border posts",
  "multiple locations along the border") only by the sentence next to it (the
  list of its places), otherwise the placed rows are events of their own;
* :func:`distinct_on_frontier`: two frontier-wide rows of different agents (the
  attack and the answer to it) are two events;
* :func:`frontier_from_neighbour`: a placeless casualty sentence ("58 soldiers
  were killed in recent clashes") next to a sentence that puts the fighting on the
  frontier ("... its forces along the border"), in an article that places no
  violence, is a frontier-wide incident.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from incidents._extract_lex import VIOLENT, frontier_phrases
from incidents._extract_places import _frontier_place, _Place

if TYPE_CHECKING:  # (the candidates module hooks the phrase rules from here)
    from incidents._extract_events import _Candidate

__all__ = [
    "border_event_phrases",
    "with_border_events",
    "distinct_on_frontier",
    "fold_wide_closures",
    "frontier_from_neighbour",
    "mutual",
    "restate_reach",
    "unnamed_crossing",
]

_BORDER_EVENT = re.compile(
    # (not "the border attacks": the event told before, named again)
    r"(?<![-\w])(?<!\bthe )(?<!\bthese )(?<!\bthose )(?<!\bthat )(?<!\bthis )"
    r"(?:(?:overnight|fresh|recent|deadly|heavy|fierce|intense|renewed|latest|"
    r"retaliatory|punitive|proclaimed|massive|large-scale|major)\s+){0,3}"
    r"border\s+(?:attacks?|clash(?:es)?|skirmish(?:es)?|operations?|fighting|firing|"
    r"shelling|hostilities|violence|exchanges?(?: of fire)?)\b",
    re.IGNORECASE,
)


def border_event_phrases(sentence: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, text, strong) of "border attacks"-like phrases: an event on the
    frontier, told without a place of its own.  They are weak phrases: used only
    when the sentence names no place for the event.

    >>> border_event_phrases("Afghan forces launched border attacks on Thursday.")
    [(23, 37, 'border attacks', False)]
    >>> border_event_phrases("cross-border attacks from Afghan soil")
    []
    """
    out = []
    for m in _BORDER_EVENT.finditer(sentence):
        clause = re.split(r"[.;:]|,\s+(?:and|but|while|as)\b", sentence[: m.start()])[-1]
        if _NOT_NEWS.search(clause):
            continue  # the cause of other news, or the subject of talks
        out.append((m.start(), m.end(), m.group(0), False))
    return out


#: Words before a "border clashes" phrase that make it the cause or the topic of
#: something else ("the talks followed deadly border clashes", "to resolve recent
#: border clashes", tributes to those who fought in them): not an event this sentence
#: reports.
_NOT_NEWS = re.compile(
    r"\b(?:follow(?:ed|ing|s)?|after|amid|since|before|resolve|resolving|ease|easing|end|"
    r"ending|over|about|discuss\w*|prevent\w*|avoid\w*|condemn\w*|blamed?|accus\w*|"
    r"denied|den(?:y|ies)|history of|such|like|"
    # "paid tributes to the soldiers who fought during recent border skirmishes"
    r"tributes?|homage)\b",
    re.IGNORECASE,
)


#: "from" right before a frontier phrase: where the attackers came from.
_ORIGIN = re.compile(r"\bfrom\s+$", re.IGNORECASE)


def with_border_events(
    phrases: list[tuple[int, int, str, bool]], sentence: str
) -> list[tuple[int, int, str, bool]]:
    """``phrases`` (of :func:`incidents._extract_lex.frontier_phrases`) and the
    :func:`border_event_phrases` of ``sentence`` that overlap none of them, in
    sentence order.  A phrase that only says where the attackers came from
    ("terrorists from inside Afghanistan opened fire") is no place of the event
    and is left out.

    >>> with_border_events([(15, 33, "inside Afghanistan", False)],
    ...                    "militants from inside Afghanistan opened fire")
    []
    """
    phrases = [f for f in phrases if not _ORIGIN.search(sentence[: f[0]])]
    more = [
        f
        for f in border_event_phrases(sentence)
        if not any(a < f[1] and f[0] < b for a, b, _, _ in phrases)
    ]
    return sorted([*phrases, *more]) if more else phrases


_UNNAMED_CROSSING = re.compile(
    r"(?:\b(?:a|one|two|three|several|some|all|many|both|its|their)\s+"
    r"(?:(?:key|major|main|busy|busiest|important|vital|other|smaller|official|"
    r"trade|border|two|three|several)\s+){0,3}"
    r"(?:border\s+)?(?:crossings?|crossing points?|border points?|entry points?|gates?)"
    # ... or in the plural without a determiner, said to be of the whole frontier
    # (:data:`_OF_FRONTIER`): "closed border crossings with Afghanistan"
    r"|(?P<bare>(?<![\w-])(?:(?:key|major|main|busy|important|vital|other|official|trade|"
    r"border)\s+){0,3}(?:border\s+)?(?:crossings|crossing points|border points|entry points)))\b"
    r"(?!\s*[-–—:(]|,?\s*(?:such as|including|namely|at|of|in|near|known as|called)\b)",
    re.IGNORECASE,
)


# What makes crossings in the plural those of the whole frontier: "border crossings
# with Afghanistan", "crossings for bilateral trade between Afghanistan and Pakistan",
# "Crossings along the Pakistan-Afghanistan border"
_OF_FRONTIER = re.compile(
    r"(?:\s+[\w-]+){0,4}?\s+(?:with\s+(?:Afghanistan|Pakistan)|between\s+(?:the\s+two\s+"
    r"(?:countries|neighbou?rs|nations)|Pakistan\s+and\s+Afghanistan|Afghanistan\s+and\s+"
    r"Pakistan)|along\s+the\s+(?:[\w,-]+\s+){0,2}(?:border|frontier|Durand Line))\b"
)
_WORD_BEFORE = re.compile(
    r"\b(?:the|these|those|its|their|all|both|some|many|several|multiple|numerous|two|three|"
    r"four|five|six|seven|eight|nine|ten|\d+)\s+$",
    re.IGNORECASE,
)
# "one of the country's main border crossing points": one crossing
_ONE_OF = re.compile(
    r"\bone\s+of\s+(?:the\s+|its\s+|their\s+)?(?:\w+['’]s\s+)?(?:[\w-]+\s+){0,4}$", re.I
)


def unnamed_crossing(sentence: str) -> tuple[int, int, str] | None:
    """A crossing (or several) the sentence closes without naming it: "Islamabad
    has closed a key crossing", "all border crossings were shut".  None when the
    crossings are named after it ("crossings such as X", "crossings, X and Y").

    >>> unnamed_crossing("In response, Islamabad has closed a key crossing, leaving trucks.")
    (34, 48, 'a key crossing')
    >>> unnamed_crossing("closed its two crossings: Torkham and Chaman") is None
    True
    >>> unnamed_crossing("It closed border crossings with Afghanistan on Sunday.")
    (10, 26, 'border crossings')
    >>> unnamed_crossing("Numerous border crossings were closed.") is None
    True
    >>> unnamed_crossing("Pakistan has closed the border crossings with Afghanistan.")
    (24, 40, 'border crossings')
    """
    for m in _UNNAMED_CROSSING.finditer(sentence):
        rest = sentence[m.end() :]
        before = _WORD_BEFORE.search(sentence, 0, m.start())
        if before and before.group(0).strip().lower() in ("the", "its", "their"):
            before = None  # "closed the border crossings with Afghanistan": all of them
        if m.group("bare") and (not _OF_FRONTIER.match(rest) or before):
            # "Numerous border crossings were closed": of which stretch, unsaid ("all
            # eight border crossings", "the crossings": a determiner decides, not this)
            continue
        if _ONE_OF.search(sentence, max(0, m.start() - 40), m.start()):
            continue
        if re.match(r"\s*,\s*[A-Z]", rest) or re.match(
            r"\s*(?:with|on)\s+[A-Z]\w+\s+(?:at|in)\b", rest
        ):
            continue  # "the crossings, Torkham and Chaman"
        return m.start(), m.end(), m.group(0)
    return None


#: Frontier phrases for several points of the line at once: "Pakistani border
#: posts", "multiple locations along the border", "positions across Afghanistan".
_SEVERAL_POINTS = re.compile(
    r"\b(?:posts|positions|checkposts|outposts|checkpoints|installations|locations|points|"
    r"sectors|areas|places|fronts)\b",
    re.IGNORECASE,
)


def restate_reach(phrase: str, *, point: bool, near: int, summary: int, before: str = "") -> int:
    """Sentences either side of a frontier-wide row in which a placed violent row
    restates it.  ``near`` for a phrase that only says "somewhere near the
    border" about one point ("a post on the border", "a house near the border"),
    ``summary`` for a phrase naming several points ("Pakistani border posts"): the
    list of its places is told right next to it; a placed row further on is an
    event of its own.

    ``point`` says the phrase is of the "near the border" kind; a border event
    told in the singular ("a recent border clash"), or a phrase right after one
    event noun in the singular (``before``: "... in the latest incident" + "along
    the border") is of one point too.

    >>> restate_reach("at Pakistani border posts", point=True, near=30, summary=1)
    1
    >>> restate_reach("on the border", point=True, near=30, summary=1)
    30
    >>> restate_reach("in a recent border clash", point=False, near=30, summary=1)
    30
    >>> restate_reach("along the border", point=False, near=30, summary=1,
    ...               before="wounded in the latest incident ")
    30
    """
    if _SEVERAL_POINTS.search(phrase):
        return summary
    if _ONE_EVENT.search(before):
        return near
    one = _BORDER_EVENT.search(phrase)
    if one and not re.search(r"(?:es|s)$", one.group(0)):
        return near
    return near if point else summary


_MUTUAL = re.compile(r"\b(?:clash|skirmish|exchange|fighting|firing|hostilities)", re.I)


def mutual(phrase: str) -> bool:
    """Whether a frontier phrase names one fight of both sides ("a recent border
    clash", "a border skirmish"): who the agent is does not tell it apart from the
    same fight told with its place.

    >>> mutual("in a recent border clash"), mutual("border attacks"), mutual("border clashes")
    (True, False, False)
    """
    m = _BORDER_EVENT.search(phrase)
    return bool(m and _MUTUAL.search(m.group(0)) and not re.search(r"(?:es|s)$", m.group(0)))


#: One event named in the singular right before a frontier phrase: "in the latest
#: incident" (along the border), "an attack" (on the border).
_ONE_EVENT = re.compile(
    r"\b(?:a|an|the|this|that)\s+(?:[\w-]+\s+)?(?:incident|attack|clash|skirmish|exchange"
    r"|ambush|raid|shootout|gunfight|explosion|blast)\s+$"
    # "forces exchanged intense gunfire along the border": one exchange of fire
    r"|\b(?:exchanged|traded)\s+(?:[\w-]+\s+)?(?:gun)?fire\s+$",
    re.IGNORECASE,
)


def distinct_on_frontier(a: _Candidate, b: _Candidate) -> bool:
    """Two frontier-wide violent rows of two different agents, the later told as
    the answer to the earlier ("Afghan forces launched border attacks" / "In
    response, Pakistan launched operations across Afghanistan"), are two events:
    the attack and the answer to it (not one fight told from either side)."""
    later = b if b.sentence >= a.sentence else a
    return (
        bool(_ANSWER.search(later.evidence))
        and a.place.role == "frontier"
        and b.place.role == "frontier"
        and a.kind in VIOLENT
        and b.kind in VIOLENT
        and bool(a.actor1 and b.actor1)
        and a.actor1 != b.actor1
    )


_ANSWER = re.compile(
    r"\b(?:in response|in retaliation|in reprisal|hit back|struck back|"
    r"retaliat\w+|responded)\b",
    re.IGNORECASE,
)


def _overlap(a: _Candidate, b: _Candidate, slack: int = 1) -> bool:
    if a.first is None or b.first is None:
        return True
    d = dt.timedelta(days=slack)
    return a.first <= (b.last or b.first) + d and b.first <= (a.last or a.first) + d


def fold_wide_closures(cands: list[_Candidate]) -> list[_Candidate]:
    """A frontier-wide closure ("Pakistan has closed several key border crossings")
    and closures of named crossings the article gives on overlapping dates ("...
    closed Torkham and Chaman as well as three smaller crossings") are one
    decision: the frontier-wide row becomes evidence of the first named one, and
    named closures told without a date take its date."""
    named = [c for c in cands if c.kind == "border_closure" and c.place.role != "frontier"]
    if not named:
        return cands
    out = []
    for c in cands:
        if c.kind == "border_closure" and c.place.role == "frontier":
            host = next((n for n in named if n.date_how == "not stated" or _overlap(n, c)), None)
            if host is not None:
                host.merged += 1
                host.notes.append(f"restated as {c.place.text!r} in sentence {c.sentence}")
                host.actor1 = host.actor1 or c.actor1
                for n in named:  # the named closures told without a date: its date
                    if n.date_how == "not stated" and c.date_how in ("absolute", "relative"):
                        n.first, n.last, n.date_how = c.first, c.last, c.date_how
                        n.flags = [f for f in n.flags if f != "date_not_stated"]
                        n.notes.append(f"date of the closure of sentence {c.sentence}")
                continue
        out.append(c)
    return out


def frontier_from_neighbour(
    cands: list[_Candidate], unplaced: Sequence[_Candidate], texts: Sequence[str]
) -> list[_Candidate]:
    """Frontier-wide rows for placeless casualty sentences (``unplaced``, their
    counts given to no row) next to a sentence whose frontier phrase places the
    fighting ("casualties among its forces along the border." / "58 soldiers were
    killed in recent clashes"), in an article with no placed violent row: the
    new rows, in article order (``cands`` is not changed).  The sentence next to
    it must say "along/on the border" (not "near" it, not "inside" a country)."""
    if any(c.kind in VIOLENT for c in cands):
        return []
    out: list[_Candidate] = []
    for u in unplaced:
        if u.given or not u.counts:
            continue
        for j in (u.sentence - 1, u.sentence + 1):
            if not 0 <= j < len(texts):
                continue
            phrases = [f for f in frontier_phrases(texts[j]) if _ALONG.match(f[2])]
            if not phrases:
                continue
            a, b, text, strong = phrases[0]
            note = f"frontier-wide: {text!r} of sentence {j}, next to this placeless event"
            c = _placed(u, _frontier_place(a, b, text, strong), note)
            c.flags.append("frontier_wide")
            out.append(c)
            break
        if out:
            break  # one such incident per article: its lead
    return out


_ALONG = re.compile(r"(?:all |right )?(?:along|on) |.*\b(?:several|multiple|various)\b", re.I)


#: Datelines that name where the story was filed, not where it happened: capitals and
#: the big cities whose bureaus report the whole frontier.
BUREAU_CITIES = frozenset("islamabad rawalpindi peshawar quetta karachi lahore kabul".split())


#: How many days before the article date a placeless sentence's event may lie to be
#: placed at the dateline (the news of the day, not a recalled cause).
DATELINE_NEWS_DAYS = 3


def dateline_site(
    cands: list[_Candidate],
    unplaced: Sequence[_Candidate],
    dateline: Sequence[_Place],
    ref: dt.date | None,
) -> list[_Candidate]:
    """A row at the dateline's place for an article whose violent news names no place
    at all ("BAJAUR AGENCY: A captain and a sepoy were martyred in firing from across
    the border on Sunday"): a local correspondent's dateline is where it happened.
    Only when no violent row was found, for the first placeless violent sentence with
    a toll or a day of its own, dated (if at all) within :data:`DATELINE_NEWS_DAYS` of
    the article date, and never for a bureau city (:data:`BUREAU_CITIES`),
    which files the news of the whole region.  The new rows (``cands`` unchanged)."""
    if any(c.kind in VIOLENT for c in cands) or len(dateline) != 1:
        return []
    p = dateline[0]
    if (p.match.name or "").lower() in BUREAU_CITIES or p.text.lower() in BUREAU_CITIES:
        return []
    for u in unplaced:
        if u.given or not (u.counts or u.date_how in ("absolute", "relative")):
            continue
        if (
            ref is not None
            and u.first is not None
            and ((ref - (u.last or u.first)).days > DATELINE_NEWS_DAYS or u.first > ref)
        ):
            continue  # "suspended since the clashes of three weeks ago": a recalled cause
        place = _Place(p.start, p.end, p.text, p.match)
        return [
            _placed(u, place, f"placed at the dateline {p.text!r}: the sentence names no place")
        ]
    return []


def _placed(u: _Candidate, place: _Place, note: str) -> _Candidate:
    """A row for the placeless violent sentence ``u`` at ``place``: its kind, dates,
    actors and counts, and ``note`` after its own notes."""
    from incidents._extract_events import _Candidate, _types

    c = _Candidate(
        u.sentence, u.paragraph, u.span, u.evidence, u.types[0], place, u.first, u.last, u.date_how
    )
    c.actor1, c.actor2 = u.actor1, u.actor2
    c.counts = list(u.counts)
    _types(c)
    c.date_text, c.date_rel, c.yeared = u.date_text, u.date_rel, u.yeared
    c.flags = list(u.flags)
    c.notes = [*u.notes, note]
    return c
