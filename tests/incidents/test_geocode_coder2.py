"""Mechanisms found by the ``coder2`` slice of the hand-checked places (first run,
before any fix): a tehsil written in the district field (a district carved out of
tehsils after the shipped district layer), and namesakes the index cannot tell
apart by rank, of which a source means the town among its villages.  Table-driven,
with other places than the slice's rows (real namesake pairs of the shipped index,
and made-up rows)."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from incidents._gazetteer import Gazetteer
from incidents._names import norm
from incidents.geocode import Geocoder
from tests.incidents.gazetteer_rows import row, with_rows


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def gc(gaz: Gazetteer) -> Geocoder:
    return Geocoder(gaz)


# ------------------------------------------------- a tehsil in the district field
# Pairs of same-named villages of equal rank in one district, each in another
# tehsil (none of them the slice's places); the tehsil written as the district
# picks the namesake inside it, whichever of the two is asked for.


@pytest.mark.parametrize(
    ("name", "admin1", "tehsil"),
    [
        ("Anjiri", "Balochistan", "Wadh"),
        ("Anjiri", "Balochistan", "Mola"),
        ("Goth Pirzada", "Sindh", "Ubauro"),
        ("Goth Pirzada", "Sindh", "Khangarh"),
        ("Tibba", "Punjab", "Pattoki"),
        ("Tibba", "Punjab", "Chunian"),
    ],
)
def test_a_tehsil_as_the_district_picks_the_namesake_inside_it(
    gc: Geocoder, name: str, admin1: str, tehsil: str
) -> None:
    from geo.reference import pak_tehsils

    t = pak_tehsils()
    shape = t[t["name"] == tehsil].geometry.iloc[0]
    m = gc.resolve(name, admin1=admin1, admin2=tehsil)[0]
    assert norm(m.name) == norm(name), m
    assert shapely.contains_xy(shape, m.lon, m.lat), m


def test_a_district_name_in_the_district_field_is_not_narrowed(gc: Geocoder) -> None:
    # "Khuzdar" is a shipped district: no tehsil narrowing, the old tie rule holds
    hints = gc._hints("Balochistan", "Khuzdar", None)
    assert hints.tehsils == ()


# ------------------------------------------------- the town among its villages
# Made-up rows (not facts) added to the shipped index in an empty stretch of
# desert: a name held by two villages of one district, one of them among six
# other villages within 2 km, the other alone.


def _row(name: str, lat: float, lon: float) -> dict:
    return row(name, lat, lon, admin1="Balochistan", admin2="Chagai")


#: Two points 60 km apart in the empty Chagai desert.
WEST, EAST = (28.70, 63.20), (28.70, 63.82)


def _cluster(lat: float, lon: float, n: int, tag: str) -> list[dict]:
    ang = np.linspace(0, 2 * np.pi, n, endpoint=False)
    return [
        _row(f"Zzq{tag} Kalay {i}", lat + 0.012 * np.sin(a), lon + 0.014 * np.cos(a))
        for i, a in enumerate(ang)
    ]


@pytest.mark.parametrize(
    ("name", "town", "lone", "neighbours", "expected"),
    [
        # the namesake among six villages answers, wherever it lies
        ("Qarozai", WEST, EAST, 6, WEST),
        ("Sarozai", EAST, WEST, 6, EAST),
        # one village around the "town" is no evidence: the old central rule
        ("Tarozai", WEST, EAST, 1, None),
    ],
)
def test_the_namesake_among_villages_answers(
    gaz: Gazetteer,
    name: str,
    town: tuple[float, float],
    lone: tuple[float, float],
    neighbours: int,
    expected: tuple[float, float] | None,
) -> None:
    # the lone namesake is listed first, so the old tie rule (first of two
    # equally central namesakes) would answer with it
    extra = [_row(name, *lone), _row(name, *town), *_cluster(*town, neighbours, name[:2])]
    g = Geocoder(with_rows(gaz, extra))
    m = g.resolve(name, admin1="Balochistan", admin2="Chagai")[0]
    assert norm(m.name) == norm(name), m
    if expected is None:
        assert (round(m.lat, 2), round(m.lon, 2)) == lone, m
    else:
        assert (round(m.lat, 2), round(m.lon, 2)) == expected, m
        # the radius still takes in the other namesake
        far = float(np.hypot(town[0] - lone[0], (town[1] - lone[1]) * 0.88)) * 111
        assert m.uncertainty_km >= far - 1, m
