"""Coder-style queries for valleys and tribal areas of the shipped features table.

These test the index wiring of ``incidents/data/frontier_features.csv`` (sixth
shift, see ``incidents/data/SOURCES_frontier_features.md``): a row's own name, the
forms coders write ("X valley", "X area, District", "near X") and the row's hints
reach the feature at its cited point with at least its own radius.  The queries are
made up; the points are typed from the records the table cites (Wikipedia article
coordinates, GeoNames record pages), not read from the table or the code.
"""

from __future__ import annotations

import pytest
from pyproj import Geod

from incidents._gazetteer import Gazetteer
from incidents.geocode import Geocoder

GEOD = Geod(ellps="WGS84")

#: text, admin1, admin2, feature name, cited point (lat, lon), the row's radius in km.
#: en.wikipedia: Konsh Valley 34°35′N 73°09′E; Gabral Valley 35°41′N 72°24′E; Leepa
#: Valley 34°18′49″N 73°53′53″E; Uzbin Valley ambush 34°39′42.89″N 69°50′56.91″E;
#: Panjshir Valley 35°16′N 69°28′E.  GeoNames L.TRB records: 8534013 Shahwani
#: (29.24050, 67.83240), 7543995 Sannari (28.98820, 66.54250), 13433891 Iltazai
#: (27.94017, 66.52328), 1374492 Aftari Kund (28.52418, 63.10190).
CASES = [
    ("Konsh Valley", None, None, "Konsh Valley", (34.58333, 73.15), 10.0),
    ("Konsh valley, Mansehra", None, None, "Konsh Valley", (34.58333, 73.15), 10.0),
    ("Konsh area", "KPK", "Mansehra", "Konsh Valley", (34.58333, 73.15), 10.0),
    ("Gabral valley", "Khyber Pakhtunkhwa", "Swat", "Gabral Valley", (35.68333, 72.4), 20.0),
    ("near Gabral Valley", None, None, "Gabral Valley", (35.68333, 72.4), 20.0),
    ("Leepa Valley", None, None, "Leepa Valley", (34.31361, 73.89806), 10.0),
    ("Leepa valley area", "Azad Kashmir", None, "Leepa Valley", (34.31361, 73.89806), 10.0),
    ("Uzbin valley", None, None, "Uzbin Valley", (34.66191, 69.84914), 8.0),
    ("near Uzbin", "Kabul", "Surobi", "Uzbin Valley", (34.66191, 69.84914), 8.0),
    ("Panjshir valley", None, None, "Panjshir Valley", (35.26667, 69.46667), 60.0),
    ("Shahwani area, Kachhi", None, None, "Shahwani", (29.24050, 67.83240), 8.0),
    ("Shahwani area", "Balochistan", "Bolan", "Shahwani", (29.24050, 67.83240), 8.0),
    ("Sannari area", "Balochistan", "Kalat", "Sannari", (28.98820, 66.54250), 8.0),
    ("Iltazai area, Khuzdar", None, None, "Iltazai", (27.94017, 66.52328), 8.0),
    ("near Aftari Kund", "Balochistan", "Chagai", "Aftari Kund", (28.52418, 63.10190), 8.0),
]


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder(Gazetteer.load())


@pytest.mark.parametrize(("text", "admin1", "admin2", "name", "point", "radius"), CASES)
def test_a_coder_query_reaches_the_feature_with_its_radius(
    geocoder, text, admin1, admin2, name, point, radius
):
    m = geocoder.resolve(text, admin1=admin1, admin2=admin2)[0]
    assert (m.name, m.match_class) == (name, "feature"), m
    _, _, d = GEOD.inv(point[1], point[0], m.lon, m.lat)
    assert d / 1000.0 <= 0.5, (m, d)
    assert m.uncertainty_km >= radius - 1e-3, m


def test_a_bare_village_name_is_not_taken_by_the_valley_named_after_it(geocoder):
    # "Gabral" is the town at the valley's lower end (and a village in Upper
    # Kohistan): the valley row does not list the bare name, so the town answers
    m = geocoder.resolve("Gabral", admin1="Khyber Pakhtunkhwa", admin2="Swat")[0]
    assert m.name == "Gabral" and m.match_class != "feature", m
