"""Dates told relative to an event the article dates elsewhere.

"On the night after the explosions in Kabul, Taliban forces launched attacks along
the border" and, a sentence later, "On October 8, tensions escalated after
explosions in Kabul": the attacks are of the night of 8 to 9 October, not of the
article's lead (the day of its own news, weeks later).  The named event is found by
its words (every content word of the phrase after "after", up to three) in another
sentence of the article that states an absolute day (:func:`event_anchors`), before
the counts of the sentences around it are given out (:func:`date_after_named_event`).
"""

from __future__ import annotations

import datetime as dt
import re

from incidents._extract_dates import find_dates
from incidents._extract_events import _Candidate

__all__ = ["date_after_named_event", "event_anchors"]

#: "On the night after the explosions in Kabul", "the day before the strike on Y".
_RELATIVE_TO_EVENT = re.compile(
    r"\b(?:on\s+)?the\s+(?P<part>night|day|morning|evening)\s+(?P<dir>after|before|following)\s+"
    r"(?:the\s+)?(?P<what>[^,.;:]{3,60})",
    re.IGNORECASE,
)
_STOP = frozenset(
    "the a an of in on at to by and or with from into over near its their his her this that "
    "were was had have has been which who".split()
)


def _words(phrase: str) -> list[str]:
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w'’-]+", phrase)]
    return [w for w in words if w not in _STOP and len(w) >= 4][:3]


def event_anchors(texts: list[str], ref: dt.date | None) -> dict[int, tuple[dt.date, dt.date, str]]:
    """For each sentence told as "on the night after <event>", the days that event's
    absolute date (stated in another sentence) gives it, with a note."""
    out: dict[int, tuple[dt.date, dt.date, str]] = {}
    for i, t in enumerate(texts):
        m = _RELATIVE_TO_EVENT.search(t)
        if m is None:
            continue
        words = _words(m.group("what"))
        if len(words) < 2:
            continue  # "the day after the attack": which attack is not said
        for k, other in enumerate(texts):
            if k == i or not all(
                re.search(rf"\b{re.escape(w)}", other, re.IGNORECASE) for w in words
            ):
                continue
            days = [
                d
                for d in find_dates(other, ref)
                if d.relative_to is None and d.first is not None and d.first == d.last
            ]
            if len(days) != 1:
                continue  # no day, or several: which is the event's is not said
            day = days[0].first
            assert day is not None
            one = dt.timedelta(days=1)
            if m.group("dir").lower() == "before":
                first, last = day - one, day
            elif m.group("part").lower() == "night":
                first, last = day, day + one
            else:
                first, last = day + one, day + one
            note = (
                f"the {m.group('part')} {m.group('dir')} {m.group('what').strip()!r}, "
                f"dated in sentence {k} -> {first}..{last}"
            )
            out[i] = (first, last, note)
            break
    return out


def date_after_named_event(
    cands: list[_Candidate], anchors: dict[int, tuple[dt.date, dt.date, str]]
) -> None:
    """Date, in place, the candidates without a day of their own whose sentence has
    an anchor (:func:`event_anchors`); a paragraph's date yields to it."""
    for c in cands:
        if c.date_how not in ("not stated", "inherited") or c.sentence not in anchors:
            continue
        c.first, c.last, note = anchors[c.sentence]
        c.date_how = "relative"
        c.flags = [f for f in c.flags if f != "date_not_stated"]
        c.notes.append(note)
