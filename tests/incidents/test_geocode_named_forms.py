"""A unit whose own name holds a type word ("Jhelum Valley" district): read as
that unit when a type word follows ("Jhelum Valley district"), not as the
district named by the core word ("Jhelum", Punjab).  The expected place is a
shipped admin polygon (``geo.reference``), not the gazetteer the geocoder
searches.  Issue 10 (place-text grammar)."""

from __future__ import annotations

import pytest
import shapely

from geo.reference import admin2
from incidents._grammar import named_forms
from incidents.geocode import Geocoder

AJK = "Azad Jammu & Kashmir"


@pytest.mark.parametrize(
    ("key", "want"),
    [
        (
            "jhelum valley district",
            [("jhelum valley district", set()), ("jhelum valley", {"admin2"})],
        ),
        ("khyber pass", [("khyber pass", set())]),
        ("tirah valley area", [("tirah valley area", set()), ("tirah valley", {"area"})]),
        ("kurram", [("kurram", set())]),
    ],
)
def test_named_forms(key: str, want: list[tuple[str, set[str]]]) -> None:
    assert [(k, set(r)) for k, r in named_forms(key)] == want


@pytest.fixture(scope="module")
def gc() -> Geocoder:
    return Geocoder.default()


@pytest.mark.parametrize(
    ("text", "hints"),
    [
        ("Jhelum Valley district", {"admin1": AJK}),
        ("Jhelum Valley district", {}),
        ("Jhelum Valley District", {"admin1": "AJK"}),
        ("district Jhelum Valley", {"admin1": AJK}),
        ("Jhelum Valley", {"admin1": AJK}),
    ],
)
def test_district_named_after_its_valley(gc: Geocoder, text: str, hints: dict) -> None:
    m = gc.resolve(text, **hints)[0]
    units = admin2()
    poly = units.loc[units["admin2"] == "Jhelum Valley", "geometry"].iloc[0]
    assert shapely.contains_xy(poly, m.lon, m.lat), (m.name, m.admin1, m.admin2)
    assert m.admin1 == AJK


def test_core_word_district_is_still_found(gc: Geocoder) -> None:
    # the district of the core word, asked for by its own name, is unchanged
    m = gc.resolve("Jhelum district", admin1="Punjab")[0]
    units = admin2()
    poly = units.loc[units["admin2"] == "Jhelum", "geometry"].iloc[0]
    assert shapely.contains_xy(poly, m.lon, m.lat)
