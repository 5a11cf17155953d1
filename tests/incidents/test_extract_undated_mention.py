"""An undated, uncounted mention of a violent incident ("arrests over the Mastung
suicide blast") whose default window is only the day before the article date meets
the incident told with its day in the week before, at the same place; a mention with a
toll of its own, a closure, or a frontier-wide row does not."""

from __future__ import annotations

import datetime as dt

import pytest

from incidents._extract_counts import Count
from incidents._extract_events import _Candidate
from incidents._extract_merge import _overlap
from incidents._extract_places import _Place
from incidents._match import Match

ARTICLE = dt.date(2023, 10, 4)


def _row(kind: str, first: dt.date, last: dt.date, how: str, *, role: str = "place") -> _Candidate:
    place = _Place(0, 7, "Mastung", Match(name="Mastung", lat=29.8, lon=66.85), role=role)
    return _Candidate(0, 0, (0, 1), "", kind, place, first, last, how)


def _undated(kind: str = "suicide_bombing", **kw: object) -> _Candidate:
    return _row(kind, ARTICLE - dt.timedelta(days=1), ARTICLE, "not stated", **kw)


def test_an_undated_mention_meets_the_dated_incident_of_the_week() -> None:
    dated = _row("suicide_bombing", dt.date(2023, 9, 29), dt.date(2023, 9, 29), "relative")
    assert _overlap(dated, _undated()) and _overlap(_undated(), dated)


@pytest.mark.parametrize("days_before", [9, 30])
def test_not_an_incident_older_than_the_week(days_before: int) -> None:
    day = ARTICLE - dt.timedelta(days=days_before)
    assert not _overlap(_row("suicide_bombing", day, day, "relative"), _undated())


def test_not_when_the_undated_row_has_its_own_toll() -> None:
    undated = _undated()
    undated.counts = [Count(0, 5, "killed", 1, "people", "one killed")]
    dated = _row("shelling", dt.date(2023, 9, 29), dt.date(2023, 9, 29), "relative")
    assert not _overlap(dated, undated)


def test_not_for_closures() -> None:
    dated = _row("border_closure", dt.date(2023, 9, 29), dt.date(2023, 9, 29), "relative")
    assert not _overlap(dated, _undated("border_closure"))
