"""Constructions found by the ``coder`` slice of the hand-checked places (first run,
before any fix): a shrine named with its town, the honorific "Sharif" of a shrine
town, and a district's seat written "X district centre/headquarters".  Table-driven,
with other places than the slice's rows."""

from __future__ import annotations

import pytest

from incidents._gazetteer import Gazetteer
from incidents._grammar import strip_qualifiers
from incidents._names import norm, variant_keys
from incidents.geocode import Geocoder


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("pakpattan sharif shrine", ["pakpattan sharif", "pakpattan"]),
        ("uch sharif dargah", ["uch sharif", "uch"]),
        ("golra shareef", ["golra"]),
        ("bari imam mazar", ["bari imam"]),
        ("taunsa sharif bazaar", ["taunsa sharif", "taunsa"]),
    ],
)
def test_shrine_words_and_the_honorific_are_dropped(key: str, expected: list[str]) -> None:
    got = variant_keys(key)
    assert got[: len(expected)] == expected or all(e in got for e in expected), got


@pytest.mark.parametrize(
    ("key", "never"),
    [
        ("data darbar", "data"),  # "Darbar" is part of a shrine's own name
        ("darbar sahib", "darbar"),
        ("sharif", ""),  # the word alone is a name
        ("shrine", ""),
    ],
)
def test_names_that_keep_their_words(key: str, never: str) -> None:
    assert never not in variant_keys(key)


@pytest.mark.parametrize(
    ("text", "core"),
    [
        ("khar district headquarters", "khar"),
        ("sharana district center", "sharana"),
        ("nawa district centre", "nawa"),
        ("ghallanai headquarters", "ghallanai"),
        ("miranshah district hq", "miranshah"),
    ],
)
def test_a_district_seat_is_a_populated_place(text: str, core: str) -> None:
    key, roles, near = strip_qualifiers(text)
    assert (key, roles, near) == (core, frozenset({"place"}), False)


@pytest.fixture(scope="module")
def gc() -> Geocoder:
    return Geocoder(Gazetteer.load())


@pytest.mark.parametrize(
    ("text", "admin1", "admin2", "name"),
    [
        ("Khar district headquarters", "Khyber Pakhtunkhwa", "Bajaur", "khar"),
        ("Sharana district center", "Paktika", "Sharan", "sharan"),
        ("Taunsa Sharif shrine", "Punjab", "Dera Ghazi Khan", "taunsa"),
        ("Pakpattan Sharif dargah", "Punjab", "Pakpattan", "pakpattan"),
    ],
)
def test_resolved_to_the_town(
    gc: Geocoder, text: str, admin1: str, admin2: str, name: str | None
) -> None:
    m = gc.resolve(text, admin1=admin1, admin2=admin2)[0]
    assert m.match_class.startswith("place"), m
    if name is not None:
        assert norm(m.name).startswith(name), m
