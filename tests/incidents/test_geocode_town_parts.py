""" "A, B" with B a town or its district and A a quarter the gazetteer lacks there
(issue 10, pattern 4: "Karachi - Saddar" / "Saddar, Karachi"): the answer is B,
with B's radius, never a namesake of A hundreds of km away.  Truth: Wikipedia
city coordinates (in the comments), not the gazetteer."""

from __future__ import annotations

import pytest

from geo.sphere import point_km
from incidents.geocode import Geocoder

# Quetta 30.1830 N 66.9990 E; Peshawar 34.0150 N 71.5805 E; Karachi 24.8600 N 67.0100 E
ROWS = [
    ("Saddar, Quetta", (30.1830, 66.9990)),
    ("Satellite Town, Quetta", (30.1830, 66.9990)),
    ("Hayatabad, Peshawar", (34.0150, 71.5805)),
    ("Saddar, Peshawar", (34.0150, 71.5805)),
    ("Saddar, Karachi", (24.8600, 67.0100)),
]


@pytest.fixture(scope="module")
def gc() -> Geocoder:
    return Geocoder.default()


@pytest.mark.parametrize(("text", "town"), ROWS)
def test_quarter_then_town(gc: Geocoder, text: str, town: tuple[float, float]) -> None:
    m = gc.resolve(text)[0]
    d = point_km(m.lat, m.lon, *town)
    assert d <= 25 and d <= m.uncertainty_km, (m.name, m.admin2, d)


def test_two_towns_stay_the_first_town(gc: Geocoder) -> None:
    # "Wana, Tank": a town far from the second is no quarter of it
    m = gc.resolve("Wana, Tank")[0]
    assert m.admin2 == "South Waziristan"
