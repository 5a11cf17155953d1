"""The places of the backdrop an event is set against ("This latest strike comes at a time
when Pakistan has been grappling with a resurgence in terrorism across Khyber
Pakhtunkhwa and Balochistan", "The attack comes amid a surge in violence in Bannu") are
not the event's."""

from __future__ import annotations

import pytest

from incidents.extract import extract


@pytest.mark.parametrize(
    "text",
    [
        "This latest strike comes at a time when Pakistan has been grappling with a violent "
        "resurgence in terrorism, particularly across Khyber Pakhtunkhwa and Balochistan.",
        "The attack comes amid a surge in violence in Bannu and Lakki Marwat.",
    ],
)
def test_the_backdrop_places_are_not_the_event(text):
    df = extract(text, article_date="2025-11-24", min_confidence=0)
    assert df.empty, df[["event_kind", "location"]]


def test_the_event_keeps_its_own_place():
    df = extract(
        "The attack in Bannu on Sunday came amid rising violence in Lakki Marwat.",
        article_date="2025-11-24",
        min_confidence=0,
    )
    assert list(df["matched_name"].astype(str)) == ["Bannu"]
