"""Mechanisms found by the ``coder3`` slice of the hand-checked places (first run,
before any fix): a name written with a town word ("X town", "X city", "X bazaar")
that is both a district's or tehsil's own name and another spelling of a bigger
town elsewhere, and a police or levies station written with the town it serves.
Table-driven, with other places than the slice's rows (real namesake pairs of the
shipped index, and paraphrased station texts)."""

from __future__ import annotations

import pytest

from incidents._gazetteer import Gazetteer, haversine_km
from incidents._names import norm
from incidents.geocode import Geocoder


@pytest.fixture(scope="module")
def gc() -> Geocoder:
    return Geocoder(Gazetteer.load())


# ------------------------------------------------- "X town" of the unit named X
# Real pairs of the shipped index: X is the exact name of a tehsil or district
# whose seat is a town called X, and also an alternate name of a higher-ranked
# town elsewhere (Hazro / Azrah, Shahdadpur / Shahdadkot, Khanabad / Taloqan,
# Kuran wa Munjan / Dishu, Qarabagh of Ghazni / Qarah Bagh of Herat).  Before the
# fix the town word sent each to the far namesake (38 to 932 km).


@pytest.mark.parametrize(
    ("text", "country", "admin2"),
    [
        ("Hazro town", "PK", "Attock"),
        ("near Hazro city", "PK", "Attock"),
        ("Shahdadpur city", "PK", "Sanghar"),
        ("Shahdadpur bazaar", "PK", "Sanghar"),
        ("Khanabad town", "AF", "Khanabad"),
        ("Kuran wa Munjan bazaar", "AF", "Kuran Wa Munjan"),
        ("Qarabagh bazaar", "AF", "Qarabagh"),
    ],
)
def test_a_town_word_keeps_the_seat_of_the_unit_of_that_name(
    gc: Geocoder, text: str, country: str, admin2: str
) -> None:
    m = gc.resolve(text)[0]
    assert (m.country, m.admin2) == (country, admin2), m
    # the same place the bare name gives (the unit) holds it
    bare = gc.resolve(text.removeprefix("near ").rsplit(" ", 1)[0])[0]
    assert bare.admin2 == admin2, bare
    assert float(haversine_km(m.lat, m.lon, bare.lat, bare.lon)) <= 30.0, (m, bare)


@pytest.mark.parametrize("text", ["Karak town", "Swabi city", "Dargai bazaar", "Khost bazaar"])
def test_a_town_that_is_its_units_seat_is_unchanged(gc: Geocoder, text: str) -> None:
    # the highest-ranked namesake is itself the seat of a unit of the name: kept
    m = gc.resolve(text)[0]
    top = gc.resolve(text.rsplit(" ", 1)[0])[0]
    assert m.match_class == "place_exact", m
    assert norm(m.name) == norm(top.name) or top.match_class in ("county", "tehsil"), (m, top)


def test_a_hint_still_decides_between_the_namesakes(gc: Geocoder) -> None:
    # with the far namesake's province as the hint, the town word does not pull
    # the answer back to the unit of the name
    m = gc.resolve("Khanabad town", admin1="Takhar")[0]
    assert m.admin1 == "Takhar", m


# ------------------------------------------------- a station named after its town


@pytest.mark.parametrize(
    "text",
    [
        "Karak police station",
        "Dargai police station",
        "Jandola thana",
        "Swabi police post",
        "Lachi police chowki",
        "Khar thana",
        "Pishin levies post",
        "Darband levies station",
        "near Bhakkar police station",
    ],
)
def test_a_police_or_levies_station_is_its_town(gc: Geocoder, text: str) -> None:
    core = text.removeprefix("near ")
    for word in ("police station", "police post", "police chowki", "thana"):
        core = core.removesuffix(" " + word)
    for word in ("levies post", "levies station"):
        core = core.removesuffix(" " + word)
    town = gc.resolve(core + " town")[0]
    m = gc.resolve(text)[0]
    assert m.name is not None and norm(m.name) == norm(town.name), (m, town)
    assert float(haversine_km(m.lat, m.lon, town.lat, town.lon)) <= 1.0, (m, town)


@pytest.mark.parametrize("text", ["police station", "Thana"])
def test_the_station_word_alone_is_not_stripped(gc: Geocoder, text: str) -> None:
    m = gc.resolve(text)[0]
    # "police station" alone names no place; "Thana" is a village's own name
    assert m.name is None or norm(m.name) == norm(text), m
