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
from incidents._gazetteer import Gazetteer, haversine_km
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


def _far_pair(gaz: Gazetteer) -> tuple[str, int, int]:
    """A name carried by exactly two villages of equal rank in different provinces,
    more than 100 km apart (first in key order)."""
    for key in sorted(gaz.by_key.slot)[::7]:
        rows = gaz.by_key.get(key)
        if len(rows) != 2 or len(key) < 6 or " " in key or not key.isascii():
            continue
        a, b = (int(r) for r in rows)
        if not (gaz.kind[a] == gaz.kind[b] == "locality"):
            continue
        if gaz.importance[a] != 1.0 or gaz.importance[b] != 1.0:
            continue
        if gaz.admin1[a] == gaz.admin1[b]:
            continue
        d = float(haversine_km(gaz.lat[a], gaz.lon[a], gaz.lat[b], gaz.lon[b]))
        if 100 < d < 1000:
            return key, a, b
    raise AssertionError("no such pair")


def test_an_unhinted_namesake_pair_is_flagged_with_a_radius_over_both(gaz):
    """No hint, two equal namesakes far apart: one of them (the neutral ranking's
    choice), flagged ambiguous, its radius reaching the other one plus the
    match's own radius (the rival's position is as unsure as the pick's)."""
    gc = Geocoder(gaz)
    key, a, b = _far_pair(gaz)
    m = gc.resolve(key)[0]
    assert m.ambiguous and m.match_class == "ambiguous", m
    # never a confident point: precision 2, or 3 when the radius is over 100 km
    assert m.precision == (3 if m.uncertainty_km > 100 else 2)
    picked = min((a, b), key=lambda r: haversine_km(m.lat, m.lon, gaz.lat[r], gaz.lon[r]))
    other = b if picked == a else a
    assert haversine_km(m.lat, m.lon, gaz.lat[picked], gaz.lon[picked]) < 0.01
    d = float(haversine_km(gaz.lat[a], gaz.lon[a], gaz.lat[b], gaz.lon[b]))
    own = _radius.place_radius(m.radius_basis)
    assert m.uncertainty_km >= d + own - 0.01
    # with the province of either one as a hint, that one, not ambiguous
    for row in (a, b):
        h = gc.resolve(key, admin1=gaz.admin1[row])[0]
        assert not h.ambiguous
        assert haversine_km(h.lat, h.lon, gaz.lat[row], gaz.lon[row]) < 0.01
    assert other != picked


@pytest.mark.parametrize("cls", ["place_variant", "place_edit"])
def test_a_hint_free_look_alike_is_never_a_confident_point(cls):
    """A spelling-variant or one-edit match with no province or district hint is
    a namesake somewhere in two countries as often as not (hint-free holdouts):
    its radius is hundreds of km, far wider than the same match in a hinted
    district."""
    t = _radius.PLACE_RADIUS_KM
    for rank, ns in itertools.product(_radius.RANKS, _radius.NAMESAKES):
        free = t[f"{cls}|none|{rank}|{ns}"]
        assert free >= 100.0
        assert free >= 5 * t[f"{cls}|district|{rank}|{ns}"]


def test_a_radius_over_100_km_is_never_precision_1(gaz):
    """A bare look-alike name (a village name with one letter changed) answers
    with precision 3 when its radius exceeds the 100 km of precision 3."""
    gc = Geocoder(gaz)
    r = _village(gaz, common=False)
    name = str(gaz.name[r])
    wide = 0
    for i in range(1, len(name) - 1):  # drop one inner letter: a one-edit look-alike
        m = gc.resolve(name[:i] + name[i + 1 :])[0]
        if m.radius_basis is not None and m.uncertainty_km > 100:
            wide += 1
            assert m.precision == 3, m
    assert wide


def test_a_bare_unit_seat_reads_like_a_town(gaz):
    """A bare name that is the seat of the same-named tehsil or district around it
    (Mir Ali in Mir Ali tehsil) is read like a town: precision 1 and a radius of
    tens of km at most, not the hundreds of km of a bare village name."""
    gc = Geocoder(gaz)
    units = np.flatnonzero(np.isin(gaz.kind, ["tehsil", "county"]))
    village = _radius.PLACE_RADIUS_KM["place_exact|none|village|0"]
    checked = 0
    for u in units[:: max(1, len(units) // 400)]:
        bare = gc.resolve(str(gaz.name[u]))[0]
        if bare.match_class != "place_exact" or bare.ambiguous:
            continue
        # the match is a populated place of the unit's name inside the unit
        if bare.admin2 != str(gaz.admin2[u]):
            continue
        checked += 1
        assert bare.precision == 1, bare
        assert bare.uncertainty_km < min(100.0, village), bare
    assert checked >= 10
