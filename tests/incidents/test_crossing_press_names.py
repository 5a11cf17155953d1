"""A crossing by the name the press gives it ("Bab-e-Dosti", the Friendship Gate at
Chaman: ``geo/data/derive.py``, ``extra_names``) is geocoded to the crossing, and its
closure needs no border word beside it (``incidents/_extract_lex.py``,
``_crossing_names``)."""

from __future__ import annotations

import pytest

from incidents.extract import extract
from incidents.geocode import Geocoder


@pytest.mark.parametrize("name", ["Bab-e-Dosti", "Bab-i-Dosti", "Baab-e-Dosti", "Friendship Gate"])
def test_the_press_name_of_a_crossing_is_the_crossing(name):
    got = Geocoder.default().resolve(name)[0]
    assert (got.name, got.method) == ("Chaman", "crossing")


CLOSED = [
    ("Meanwhile, Bab-e-Dosti has been closed for all kinds of trade.", "Chaman"),
    ("Arandu has been closed for all traffic since Sunday.", "Arandu"),
    # a village of a similar name is no crossing
    ("Baba Dost has been closed for all traffic since Sunday.", None),
]


@pytest.mark.parametrize(("text", "place"), CLOSED)
def test_a_crossing_closed_by_its_name_alone(text, place):
    df = extract(text, article_date="2022-11-14", min_confidence=0)
    closed = df[df["event_kind"] == "border_closure"]
    assert list(closed["matched_name"]) == ([place] if place else [])


SUSPENDED = [
    # sentence, crossing of the closure row (None: no closure)
    (
        "The movement of people between Pakistan and Afghanistan via the Torkham border "
        "crossing was abruptly suspended on Sunday after differences over construction.",
        "Torkham",
    ),
    ("Trade was suspended at Torkham on Sunday.", "Torkham"),
    # a suspension of something else is no closure
    ("The cricket match at Chaman was suspended on Sunday.", None),
    ("Classes at the school in Chaman were suspended on Sunday.", None),
]


@pytest.mark.parametrize(("text", "place"), SUSPENDED)
def test_traffic_suspended_with_its_subject_far_back_is_a_closure(text, place):
    df = extract(text, article_date="2022-11-14", min_confidence=0)
    closed = df[df["event_kind"] == "border_closure"]
    assert list(closed["matched_name"]) == ([place] if place else [])
