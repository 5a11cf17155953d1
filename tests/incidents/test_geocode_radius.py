"""The radius of a name match follows its evidence (``incidents._radius``).

The table is complete and shaped (more namesakes never narrow it, a village never
gets less than a town, no hint never surer than an agreeing district hint, no
cell below its class floor); a match says which cell
its radius came from; a name many places share gets a wider radius than a
unique one with the same hints.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from incidents import _radius
from incidents._gazetteer import Gazetteer
from incidents._grammar import strip_qualifiers
from incidents._names import norm
from incidents.geocode import Geocoder

CELLS = [
    "|".join(c)
    for c in itertools.product(_radius.CLASSES, _radius.HINTS, _radius.RANKS, _radius.NAMESAKES)
]


def test_every_evidence_cell_has_a_radius_at_least_its_floor():
    assert set(_radius.PLACE_RADIUS_KM) == set(CELLS)
    for cell in CELLS:
        floor = _radius.FLOOR_KM[cell.split("|")[0]]
        assert _radius.place_radius(cell) >= floor
        assert _radius.place_radius(cell, extent_km=3.0) == pytest.approx(
            max(_radius.PLACE_RADIUS_KM[cell], floor) + 3.0
        )


@pytest.mark.parametrize(("cls", "hint"), list(itertools.product(_radius.CLASSES, _radius.HINTS)))
def test_more_namesakes_never_narrow_and_villages_never_get_less(cls, hint):
    t = _radius.PLACE_RADIUS_KM
    for rank in _radius.RANKS:
        vals = [t[f"{cls}|{hint}|{rank}|{ns}"] for ns in _radius.NAMESAKES]
        assert vals == sorted(vals)
    for ns in _radius.NAMESAKES:
        assert t[f"{cls}|{hint}|village|{ns}"] >= t[f"{cls}|{hint}|town|{ns}"]


@pytest.mark.parametrize(
    ("cls", "rank", "ns"),
    list(itertools.product(_radius.CLASSES, _radius.RANKS, _radius.NAMESAKES)),
)
def test_no_hint_is_never_surer_than_an_agreeing_district_hint(cls, rank, ns):
    # a hint-free spelling-variant cell (7 rows) once borrowed the error of
    # hint-free exact matches: 6 km, below the 39 km of the same match in a
    # hinted district
    t = _radius.PLACE_RADIUS_KM
    assert t[f"{cls}|none|{rank}|{ns}"] >= t[f"{cls}|district|{rank}|{ns}"]


@pytest.mark.parametrize(
    ("namesakes", "bucket"), [(0, "0"), (1, "1-3"), (3, "1-3"), (4, "4+"), (40, "4+")]
)
def test_basis_buckets(namesakes, bucket):
    assert _radius.basis("place_exact", "district", "village", namesakes) == (
        f"place_exact|district|village|{bucket}"
    )


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def _village(gaz: Gazetteer, *, common: bool) -> int:
    """A Pakistani village (no population) whose name is unique in the country,
    or shared by five or more places, with a district (first in row order)."""
    pk = np.flatnonzero(
        gaz.is_place & (gaz.country == "PK") & (gaz.population == 0) & (gaz.admin2 != None)  # noqa: E711
    )
    for r in pk[::97]:
        key = norm(gaz.name[r])
        if strip_qualifiers(key)[0] != key:  # "X Bazar": the type word is not the name
            continue
        same = gaz.by_key.get(key)
        same = same[gaz.is_place[same] & (gaz.country[same] == "PK")]
        if len(key) >= 5 and key.isascii() and ((len(same) >= 8) if common else len(same) == 1):
            return int(r)
    raise AssertionError("no such village")


def test_a_shared_name_gets_a_wider_radius_than_a_unique_one(gaz):
    gc = Geocoder(gaz)
    got = {}
    for common in (False, True):
        r = _village(gaz, common=common)
        m = gc.resolve(gaz.name[r], admin1=gaz.admin1[r], admin2=gaz.admin2[r])[0]
        assert m.radius_basis is not None and m.radius_basis.startswith("place_exact|"), m
        got[common] = m
    assert got[False].radius_basis.endswith("|0")
    assert got[True].radius_basis.endswith("|4+")
    assert got[True].uncertainty_km > got[False].uncertainty_km
