"""A road named after a place, in the district named after it ("on Gomal Bazaar road in
Khyber Pakhtunkhwa's (KP) Tank district"), is read inside that district, not as a
namesake across the line; a road in a town stays the town's (``incidents/_extract_places.py``,
``_CTX_GAP``, ``_ROAD_GAP``, ``_POSSESSIVE_GAP``)."""

from __future__ import annotations

import pytest

from incidents.extract import extract

DATE = "2026-01-12"

CASES = [
    (
        "Six policemen were killed on Monday when a bomb hit their vehicle on Gomal Bazaar "
        "road in Khyber Pakhtunkhwa’s (KP) Tank district.",
        "Gomal Bazar",
    ),
    (
        "Six policemen were killed on Monday when a bomb hit their vehicle on Gomal Bazaar "
        "road in Tank district.",
        "Gomal Bazar",
    ),
]


@pytest.mark.parametrize(("text", "place"), CASES)
def test_a_road_in_a_district_is_read_inside_it(text, place):
    df = extract(text, article_date=DATE, min_confidence=0)
    assert list(df["matched_name"]) == [place]  # (not Gomal Kelay, Paktika)


def test_a_road_in_a_town_stays_the_towns():
    text = "Ten were injured on Monday when a bomb went off on Thana road in Turbat."
    df = extract(text, article_date=DATE, min_confidence=0)
    assert "Turbat" in set(df["matched_name"])  # (not Kech district, around it)
    assert "Kech" not in set(df["matched_name"])
