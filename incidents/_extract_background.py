"""Sentences and rows that recall, count or suppose events instead of reporting
the article's news (issue 17: background rows).

Two kinds of rules, both over grammar and a small lexicon (no article, place or
date is special):

* :func:`recalled_trigger` looks at one event word in its sentence: an event
  named as like or before another ("in a similar attack", "an earlier strike"),
  one of a series or a tally ("the latest in a series of raids", "more than 600
  attacks", "attacks rose 40 %", "so far this year"), or a condition ("If
  attacked, we will respond").  A day-precise date right at the word keeps it
  (:func:`incidents._extract_events._day_near` gives ``dated``).
* :func:`recalled_rows` looks at the rows of an article: violence dated only
  "earlier this month" (a window of more than a week) in an article whose lead
  event is a later, day-precise one; and a closure lasting "since" long before the
  article when the article's lead is not about a closure.  :func:`closure_lead` says
  whether it is: then a closure told as a state ("remains closed since October 13",
  the closure a reopening ended) is the article's news.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from typing import Protocol

from incidents._extract_counts import NUMBERS
from incidents._extract_phrasing import CLOSURE_BEGAN

__all__ = [
    "RECALLED_DAYS",
    "closure_lead",
    "closure_span",
    "feud_lead",
    "recalled_rows",
    "recalled_trigger",
    "reopening_lead",
]

#: A violent row dated only to more than this many days by an "earlier ..."
#: expression ("earlier this month") is an older event than a day-precise lead.
RECALLED_DAYS = 7
#: A closure told as lasting "since" a day more than this many days before the
#: article is a state ("the closure of X since October 12 has cost millions").
SINCE_DAYS = 7
#: A count of at least this many events is a tally, not an incident.
TALLY_MIN = 20

# "in a similar attack", "an earlier strike", "a previous raid", "previous rounds of
# fighting", "past attacks" (events named as like or before another; not "similar
# attacks were also reported in X", told of the same days, nor "earlier, jets struck X")
_LIKE = re.compile(
    r"(?:\b(?:a|an|the|that)\s+(?:similar|earlier|previous|prior|comparable|identical)|"
    r"\b(?:previous|prior|past))\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "the latest in a series of attacks", "has faced a string of bombings" (not "began a
# series of airstrikes", the news itself), "the number of attacks": the series or tally
_SERIES = re.compile(
    r"\b(?:(?:latest|newest|most recent|last|another|part|one)\s+(?:in|of)\s+|"
    r"(?:faced|seen|witnessed|suffered|experienced|endured|recorded|registered)\s+)"
    r"(?:a|an|the)\s+(?:\w+\s+)?(?:series|string|chain|succession|spate|wave|cycle|spree|"
    r"streak)\s+of\s+(?:[\w-]+\s+){0,2}$"
    r"|\b(?:number|tally|total|count|frequency|rate)\s+of\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "attacks in X rose 40 %", "strikes have doubled", "violence surged by 46 per cent"
_TREND_AFTER = re.compile(
    r"^(?:\s+(?!(?:on|last|this|early|late)\b)[\w'’-]+){0,4}?\s+(?:have\s+|has\s+|had\s+)?"
    r"(?:rose|risen|rise|rising|increased|increasing|surged|surging|doubled|tripled|"
    r"trebled|jumped|climbed|soared|spiked|fell|fallen|dropped|declined|decreased|halved)\b",
    re.IGNORECASE,
)
#: The event whose toll a sentence updates: "the death toll from the Bajaur bombing".
TOLL_OF = re.compile(
    r"\b(?:death\s+)?toll\s+(?:from|of|in)\s+(?:the\s+|last\s+\w+['’]s\s+)?"
    r"(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"\d\s*(?:%|per\s?cent\b|percent\b)", re.IGNORECASE)
# a tally over a period: "so far this year", "this year alone", "to date", "in the
# past year", "in the first nine months", "in the third quarter"
_PERIOD = re.compile(
    r"\b(?:so far (?:this|in)\b|this year alone|(?:in|during|over|throughout) the (?:past|last)\s+"
    r"(?:\w+\s+)?(?:year|twelve months|12 months|quarter|month)\b|to date\b"
    r"|\b(?:in|during|over) (?:recent|the past few|the last few|the past several) weeks\b"
    r"|since the (?:start|beginning) of\b|(?:in|during) the (?:first|second|third|fourth|last) "
    r"(?:\w+ )?(?:months?|quarter|half)\b|year-to-date|on record\b|since (?:January|February|"
    r"March|April|May|June|July|August|September|October|November|December)\b(?! \d))",
    re.IGNORECASE,
)
# "at least 600 attacks", "1,099 attacks", "57,000 operations": counted events
_COUNTED = re.compile(
    r"(?P<n>\b\d{1,3}(?:,\d{3})+|\b\d+)\s+(?:(?:militant|terrorist|terror|separate|cross-border|major|deadly|"
    r"suicide|drone|air|armed|violent|security|military)\s+){0,2}$",
    re.IGNORECASE,
)
# a few events counted over a few days: "at least six attacks in X, Y and Z during the
# last week", "three attacks within the last 24 hours" (a tally of the period; its
# incidents, when told, are told one by one)
_FEW_COUNTED = re.compile(
    r"\b(?:\d+|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens of|"
    r"several|multiple|numerous)\s+(?:(?:militant|terrorist|terror|separate|cross-border|"
    r"major|deadly|suicide|drone|armed|violent)\s+){0,2}$",
    re.IGNORECASE,
)
_FEW_DAYS = re.compile(
    r"\b(?:during|over|in|within)\s+the\s+(?:last|past)\s+(?:\w+\s+)?(?:week|days|24 hours|"
    r"48 hours|72 hours)\b|\blast week\b|\bthis week\b",
    re.IGNORECASE,
)
# a record kept in the perfect tense, its events counted but not told: "Pakistan has
# carried out several cross-border airstrikes, including strikes near Kabul" (with no
# date in the sentence; a series told with its day is news)
_RECORD = re.compile(
    r"\b(?:has|have)\s+(?:also\s+|since\s+|repeatedly\s+)?(?:carried\s+out|conducted|launched|"
    r"mounted|staged|undertaken|executed)\s+(?:several|multiple|numerous|a\s+number\s+of|"
    r"repeated|a\s+series\s+of|dozens\s+of|scores\s+of|a\s+spate\s+of)\s+(?:[\w-]+\s+){0,2}"
    r"(?:[\w-]+,?\s+(?:including|such\s+as|among\s+them)\s+(?:the\s+)?(?:[\w-]+\s+){0,2})?$",
    re.IGNORECASE,
)
# a place's or a period's record of events: "Balochistan recorded nine attacks", "Sindh
# and Punjab experienced minor-level and high-profile attacks" (a review's tally; its
# incidents, when told, are told with their days; not "no deaths were recorded in the
# strikes")
_TALLY_VERB = re.compile(
    r"(?<!were )(?<!was )(?<!been )(?<!be )"
    r"\b(?:recorded|registered|witnessed|saw|experienced|suffered|logged)\s+"
    r"(?:(?:a total of|at least|some|about|around|over|more than|nearly)\s+)?"
    r"(?:(?!(?:in|during|from|by|at|on|of|the)\b)[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
# the victims of an event named as those who receive help: "compensation to the
# families of each martyr from the Bajaur suicide attack", "relief for the victims of
# the blast" (the event is the past the news is about)
_VICTIMS_OF = re.compile(
    r"\b(?:victims?|martyrs?|families|heirs|survivors|orphans|widows|wounded|injured|"
    r"deceased)\s+(?:[\w'’-]+\s+){0,3}?(?:of|from|in)\s+(?:the\s+)?(?:[\w'’()-]+\s+){0,6}$",
    re.IGNORECASE,
)
_SUPPORT = re.compile(
    r"\b(?:compensation|cheques?|financial (?:assistance|aid|help)|relief package|grants?|"
    r"ex gratia|rs\.?\s?\d|rupees|shuhada package|packages?)\b",
    re.IGNORECASE,
)
# the hurt named as those who receive help: "Rs2.5 million for each injured person",
# "to be given to the heirs and the injured" (with a sum or a package in the sentence)
_BENEFICIARY = re.compile(r"\b(?:each|every|per|the)\s+$", re.IGNORECASE)
_HURT_NOUN = re.compile(r"(?:injured|wounded|dead|deceased)", re.IGNORECASE)
# the event nouns such a count counts (not munitions: "50 missiles were fired")
_EVENT_NOUN = re.compile(
    r"(?:attacks|strikes|airstrikes|operations|incidents|clashes|raids|bombings|assaults|"
    r"ambushes|encounters|skirmishes|blasts|explosions|IBOs)$",
    re.IGNORECASE,
)
# a review's superlative over a period: "the deadliest attack of the month was ..."
_SUPERLATIVE = re.compile(
    r"\b(?:deadliest|worst|bloodiest|biggest|largest|most (?:lethal|serious|severe|deadly))\s+"
    r"(?:[\w-]+\s+){0,2}?(?:of|in|during)\s+(?:the|this|last|that)\s+"
    r"(?:month|year|week|quarter|period|review period|reporting period)\b",
    re.IGNORECASE,
)
# a statistic's source: "according to a think tank", "data show", "a report said"
_STATISTIC = re.compile(
    r"\b(?:think[- ]tanks?|data|figures|statistics|database|report(?:ed)? by|study|survey|"
    r"monitor(?:ing)? group|tally|records? (?:show|compiled))\b",
    re.IGNORECASE,
)
# a sentence that opens with a condition: "If attacked, ...", "Should strikes resume, ..."
_CONDITION = re.compile(
    r"^\W*(?:if|unless|should|in case|were)\b[^.;:]{0,60}$",
    re.IGNORECASE,
)
_REOPEN = re.compile(
    r"\b(?:re-?open(?:ed|ing|s)?|(?:set|preparing|gearing up|ready|poised|expected|due) to "
    r"re-?open|resum(?:ed|es|ing|ption of) (?:trade|traffic|movement|operations)|"
    r"(?:trade|traffic|movement) (?:resumed|restored)|"
    r"restor(?:e|ed|ing|ation of) (?:\w+ )?(?:trade|traffic|movement|transit|crossings?))\b",
    re.IGNORECASE,
)
# what reopens at a crossing: the crossing, or its trade and traffic
_BORDER = re.compile(
    r"\b(?:border|crossings?|gates?|frontier|terminal|trade|traffic|travell?ers|passengers|"
    r"pedestrians|cargo|trucks|transit)\b",
    re.I,
)
_EARLIER = re.compile(r"^\W*earlier\b|\bearlier (?:this|in|last)\b", re.IGNORECASE)


class _Trig(Protocol):
    start: int
    end: int
    text: str

    @property
    def violent(self) -> bool: ...

    @property
    def weak(self) -> bool: ...


def recalled_trigger(t: str, x: _Trig, clause: str, *, dated: bool, has_date: bool = False) -> bool:
    """Whether the event word ``x`` of sentence ``t`` recalls, counts or supposes
    events rather than reporting one of the news.

    Parameters
    ----------
    t
        The sentence.
    x
        The trigger (``start``, ``end``, ``text``, ``violent``, ``weak``).
    clause
        The words before the trigger in its clause.
    dated
        Whether a day-precise date qualifies the trigger itself (then a likeness
        or a series word does not make it background: "an earlier strike on
        Monday in X" is an incident).
    has_date
        Whether the sentence has a date at all: a likeness told with one ("Last
        year, a similar attack in X") is left to the date rules of
        :func:`incidents.extract.extract`, which count it as background.
    """
    after = t[x.end : x.end + 80]
    head = t[: x.start]
    if _CONDITION.match(head) and not re.search(r"[,;]", head):
        return True  # "If attacked from X, we will respond"
    if _BENEFICIARY.search(clause[-12:]) and _HURT_NOUN.fullmatch(x.text) and _SUPPORT.search(t):
        return True  # "Rs2.5 million for each injured person ... given to the injured"
    if not x.violent or x.weak:
        return False  # ("the total number of militants killed": a count, not an event)
    if _LIKE.search(clause[-40:]) and not has_date:
        return True
    if _SERIES.search(clause[-50:]) and not dated:
        return True
    if _TREND_AFTER.match(after) and not dated and not TOLL_OF.search(clause[-60:]):
        # ("the death toll from the Bajaur bombing has risen to 63": its toll)
        return True  # "attacks in X rose 40 % in the third quarter"
    m = _COUNTED.search(clause[-45:])
    if m is not None and _EVENT_NOUN.search(x.text):
        n = m.group("n")
        year = "," not in n and 1900 <= int(n) <= 2100  # "in 2023 attacks"
        if int(n.replace(",", "")) >= TALLY_MIN and not year:
            return True  # "more than 600 attacks in X" (not "50 missiles were fired at X")
    if (
        not dated
        and _EVENT_NOUN.search(x.text)
        and _FEW_COUNTED.search(clause[-45:])
        and _FEW_DAYS.search(t)
    ):
        return True  # "at least six attacks in X, Y and Z during the last week"
    record = _RECORD.search(t[max(0, x.start - 160) : x.start])
    if record is not None and not has_date and _EVENT_NOUN.search(x.text):
        return True  # "Pakistan has carried out several airstrikes, including near Kabul"
    if not dated and _EVENT_NOUN.search(x.text) and _TALLY_VERB.search(clause[-60:]):
        return True  # "Balochistan recorded nine attacks, resulting in 18 fatalities"
    if _VICTIMS_OF.search(clause[-90:]) and _SUPPORT.search(t):
        return True  # "compensation to the families of each martyr from the X attack"
    if _SUPERLATIVE.search(t[max(0, x.start - 100) : x.start]) and not dated:
        return True  # "the deadliest attack of the month was a bombing in X": a review's
    window = t[max(0, x.start - 120) : x.end + 120]
    if _PERIOD.search(window) and not dated:
        return True  # "killed in militant attacks in X so far this year"
    # "according to a think tank, attacks in X were up 40 %"
    return _statistic(t) and not dated


@functools.lru_cache(maxsize=256)
def _statistic(t: str) -> bool:
    """Whether a sentence gives a statistic with its source (once per sentence: a long
    one holds thousands of event words)."""
    return bool(_STATISTIC.search(t) and _PERCENT.search(t))


class _Row(Protocol):
    sentence: int
    kind: str
    evidence: str
    first: dt.date | None
    last: dt.date | None
    date_how: str
    date_text: str


# a crossing reported closed: "Torkham remains closed", "the border was shut", "Pakistan
# sealed the crossing" (not "the closure has cost traders dearly", its effect, nor
# "schools were closed in border areas", "talks were suspended after border clashes")
_CROSSING = (
    r"(?:border|borders|crossings?|gates?|terminal|frontier|Torkham|Chaman|Spin Boldak|"
    r"Angoor Adda|Ghulam Khan|Kharlachi|Arandu|Nawa Pass|Bab-e-Dosti|Friendship Gate)"
)
_CLOSED = re.compile(
    rf"\b{_CROSSING}\b[^.;:]{{0,60}}?\b(?:remains?|remained|stays?|stayed|still|has been|"
    rf"have been|had been|was|were|is|are|been|kept)\s+(?:\w+\s+)?"
    rf"(?:closed|shut(?:tered)?|sealed)\b"
    rf"|\b(?:closed|shut(?:tered)?|sealed|closes|shuts|seals|closing|shutting|sealing)\s+(?:down\s+)?"
    rf"(?!(?:in|at|near|along|on|across|over|after|due|because|for|amid)\b)"
    rf"(?:[\w'’-]+\s+){{0,3}}?{_CROSSING}\b",
    re.IGNORECASE,
)


def closure_lead(texts: Sequence[str]) -> bool:
    """Whether the article's lead (its first three sentences: the headline and two
    more) reports a crossing closed or reopened ("Torkham stays shut for a second
    week", "Hundreds stuck at Chaman as the border remains closed", "Torkham
    reopened after three weeks"): a closure told as a state is then the article's
    news, not its background.  A closure named only for its effects ("the closure
    has cost traders millions") is not such a report."""
    return reopening_lead(texts) or _CLOSED.search(" ".join(texts[:3])) is not None


_LASTED = re.compile(
    r"\bfor (?:the |over )?(?:(?:past|last|nearly|almost|about|around|over|more than) )*"
    r"(?P<n>\d{1,3}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty) (?:consecutive |straight )?(?P<unit>days?|weeks?|months?)\b",
    re.IGNORECASE,
)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}


_BEGAN = re.compile(r"\b(?:closure|shutdown)\s+" + CLOSURE_BEGAN + r"\b", re.IGNORECASE)


def closure_span(
    evidence: str, date_text: str, first: dt.date | None, last: dt.date | None, ref: dt.date
) -> tuple[dt.date | None, dt.date | None]:
    """The days a closure told as lasting covers, up to the article's date ``ref``:
    "closed for the past nine days" runs from nine days before.  A closure dated
    "since ..." keeps that date (it already runs to the article's date), and one
    stated without either keeps its dates."""
    if re.match(r"since\b", date_text, re.IGNORECASE):
        return first, last
    if first is not None and first <= ref and _BEGAN.search(evidence):
        return first, ref  # "The closure began on February 21": from then on
    m = _LASTED.search(evidence)
    if m is not None:
        n = m.group("n").lower()
        days = (int(n) if n.isdigit() else NUMBERS[n]) * _UNIT_DAYS[
            m.group("unit").lower().rstrip("s")
        ]
        if days <= 400:
            return ref - dt.timedelta(days=days), ref
    return first, last


def reopening_lead(texts: Sequence[str]) -> bool:
    """Whether the article's lead (its first two sentences) reports a reopening of
    a crossing ("Torkham reopened after three weeks", "set to reopen")."""
    lead = " ".join(texts[:2])
    return any(
        _BORDER.search(lead[max(0, m.start() - 80) : m.end() + 80]) for m in _REOPEN.finditer(lead)
    )


def recalled_rows(
    rows: Sequence[_Row],
    ref: dt.date | None,
    *,
    violent: frozenset[str],
    closure_news: bool = False,
) -> list[int]:
    """Indices of the rows that are background of the article's news.

    * A violent row dated only by an "earlier ..." expression to more than
      :data:`RECALLED_DAYS` days ("Earlier this month, drones hit X") when the
      article's lead violent event (its first day-precise one, from another
      sentence) starts after it began: the older event is recalled.
    * A closure dated by "since ..." more than :data:`SINCE_DAYS` days before the
      article lasts; it is no new closure ("the closure of X since October 12"),
      unless the article's lead is about a closure (``closure_news``): then the
      lasting closure is its news.
    """
    out: list[int] = []
    lead = next(
        (
            r
            for r in sorted(rows, key=lambda r: r.sentence)
            if r.kind in violent
            and r.date_how in ("absolute", "relative")
            and r.first is not None
            and r.last is not None
            and (r.last - r.first).days <= 2
        ),
        None,
    )
    for k, r in enumerate(rows):
        if r.first is None or r.last is None:
            continue
        if (
            r.kind in violent
            and lead is not None
            and lead.first is not None
            and r.sentence != lead.sentence
            and r.date_how in ("absolute", "relative")
            and (r.last - r.first).days > RECALLED_DAYS
            and _EARLIER.search(r.date_text or "")
            and r.first < lead.first
        ):
            out.append(k)
            continue
        if (
            r.kind == "border_closure"
            and ref is not None
            and re.match(r"since\b", r.date_text or "", re.IGNORECASE)
            and (ref - r.first).days > SINCE_DAYS
            and not closure_news
        ):
            out.append(k)  # a closure lasting since long before the article: a state
            continue
    return out


# A quarrel between people, not the conflict: "a verbal spat escalated into a gunfight",
# "a family feud", "a dispute over land"
_FEUD = re.compile(
    r"\b(?:verbal (?:spat|altercation|argument|clash)|heated (?:exchange|argument|words)|"
    r"exchange of hot words|hot words|quarrel\w*|(?:family|tribal|blood|old|personal|"
    r"long-?standing) (?:feud|enmity|rivalry)|over (?:a|an) (?:\w+ )?feud|feud between|"
    r"personal enmity|old enmity|enmity between|"
    r"(?:land|property|family|water|money) dispute|dispute over (?:land|property|water|money)|"
    r"over a (?:minor|petty|trivial) (?:issue|matter)|honou?r killing)\b",
    re.IGNORECASE,
)


# Collective sides: a feud between tribes, clans or sects is communal conflict
# ("clashes between rival tribes over a land dispute", "two opposing factions")
_COMMUNAL = re.compile(
    r"\b(?:(?:rival|warring|two|opposing) (?:tribes|clans|factions|sects|lashkars)|"
    r"between (?:the )?(?:\w+ )?(?:tribes|clans|factions|sects)|tribal (?:clash|clashes|war|"
    r"fighting|lashkars?)|tribesmen|sectarian)\b",
    re.IGNORECASE,
)


def feud_lead(texts: Sequence[str]) -> bool:
    """Whether an article's lead (its first two sentences) tells a quarrel between
    people turned violent ("five were killed after a verbal spat escalated into a
    gunfight"): its violence without an army or a militant group is crime, not the
    conflict this tool maps. A feud between tribes, clans or sects ("clashes between
    rival tribes over a land dispute") is communal conflict and stays."""
    lead = " ".join(texts[:2])
    return bool(_FEUD.search(lead)) and not _COMMUNAL.search(lead)
