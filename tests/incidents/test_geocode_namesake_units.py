"""Districts of one name in several provinces (issue 10, pattern 3: namesakes are
reported, not silently chosen).  "Nawa district" with no hint may be Nawa of
Ghazni or Nawa-I-Barakzayi of Helmand: the answer is flagged ambiguous and its
radius reaches every such district; a province hint picks the one inside it.
Truth: the shipped admin polygons (``geo.reference``), not the gazetteer."""

from __future__ import annotations

import pytest
import shapely

from geo.reference import admin2
from geo.sphere import point_km
from incidents.geocode import Geocoder

# (text, [(province, district polygon)] it may be)
NAMESAKES = [
    ("Nawa district", [("Ghazni", "Nawa"), ("Helmand", "Nawa-I- Barak Zayi")]),
    ("Muqur district", [("Ghazni", "Muqur"), ("Badghis", "Muqur")]),
    ("Qarabagh district", [("Ghazni", "Qarabagh"), ("Kabul", "Qarabagh")]),
    ("Dawlatabad district", [("Balkh", "Dawlatabad"), ("Faryab", "Dawlatabad")]),
    ("Kohistan district", [("Faryab", "Kohistan"), ("Badakhshan", "Kohistan")]),
]


@pytest.fixture(scope="module")
def gc() -> Geocoder:
    return Geocoder.default()


def _poly(province: str, district: str):
    u = admin2()
    return u.loc[(u["admin1"] == province) & (u["admin2"] == district), "geometry"].iloc[0]


@pytest.mark.parametrize(("text", "units"), NAMESAKES)
def test_bare_namesake_district_is_ambiguous_and_wide(gc: Geocoder, text, units) -> None:
    m = gc.resolve(text)[0]
    assert m.method == "admin2" and m.ambiguous
    assert "places of this name" in (m.reason or "")
    for province, district in units:
        pt = _poly(province, district).representative_point()
        assert point_km(m.lat, m.lon, pt.y, pt.x) <= m.uncertainty_km, (province, district)
    if m.uncertainty_km > 100:
        assert m.precision == 3


@pytest.mark.parametrize(("text", "units"), NAMESAKES)
def test_province_hint_picks_its_district(gc: Geocoder, text, units) -> None:
    for province, district in units:
        m = gc.resolve(text, admin1=province)[0]
        assert not m.ambiguous
        assert shapely.contains_xy(_poly(province, district), m.lon, m.lat), (province, m)


def test_unique_district_name_is_not_ambiguous(gc: Geocoder) -> None:
    m = gc.resolve("Kurram district")[0]
    assert m.method == "admin2" and not m.ambiguous
    assert shapely.contains_xy(_poly("Khyber Pakhtunkhwa", "Kurram"), m.lon, m.lat)
