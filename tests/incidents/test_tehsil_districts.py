"""The district each Pakistani tehsil belongs to in the gazetteer.

OCHA's tehsil outlines are coarse and its label points may fall in a neighbouring
shipped (OSM) district; the tehsil's own record names its district.  The rule
(:func:`incidents.data.derive_gazetteer.tehsil_districts`) is checked on made-up
squares, then on the shipped gazetteer against facts cited per row.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from shapely.geometry import box

from geo import reference
from incidents._gazetteer import Gazetteer
from incidents._resolver import Geocoder
from incidents.data.derive_gazetteer import TEHSIL_SHARE, tehsil_districts

_NO_ALIASES = pd.DataFrame({"alias": [], "unit": [], "level": []})


def _districts() -> gpd.GeoDataFrame:
    # two districts side by side, 0.2 degree wide, and a third far off
    return gpd.GeoDataFrame(
        {
            "country": ["PK", "PK", "PK"],
            "admin1": ["P", "P", "P"],
            "admin2": ["West Town", "East", "Far"],
        },
        geometry=[box(69.0, 30.0, 69.2, 30.2), box(69.2, 30.0, 69.4, 30.2), box(60, 20, 61, 21)],
        crs=4326,
    )


def _tehsil(x0: float, x1: float, label_x: float, adm2: str, y0: float = 30.05) -> dict:
    return dict(
        name="T",
        adm2=adm2,
        label_lon=label_x,
        label_lat=(y0 + 30.15) / 2,
        geometry=box(x0, y0, x1, 30.15),
    )


@pytest.mark.parametrize(
    ("tehsil", "aliases", "want"),
    [
        # the record names West Town, 40 % of the outline lies in it, the label in East
        (_tehsil(69.12, 69.32, 69.25, "West Town"), _NO_ALIASES, "West Town"),
        # words in another order name the same district
        (_tehsil(69.12, 69.32, 69.25, "Town West"), _NO_ALIASES, "West Town"),
        # an alias row names it
        (
            _tehsil(69.12, 69.32, 69.25, "Old Name"),
            pd.DataFrame({"alias": ["Old Name"], "unit": ["West Town"], "level": ["admin2"]}),
            "West Town",
        ),
        # the named district holds under TEHSIL_SHARE of the outline: a record older
        # than the shipped layout; the label point decides
        (_tehsil(69.17, 69.37, 69.3, "West Town"), _NO_ALIASES, "East"),
        # the record names no district near: the label point decides
        (_tehsil(69.12, 69.32, 69.25, "Elsewhere"), _NO_ALIASES, "East"),
    ],
)
def test_tehsil_district_rule(tehsil, aliases, want):
    teh = gpd.GeoDataFrame([tehsil], crs=4326)
    units, pts = tehsil_districts(teh, _districts(), aliases)
    assert units == [want]
    d = _districts().set_index("admin2").geometry[want]
    assert shapely.contains(d, pts[0]), "the tehsil's point lies in its district"
    assert shapely.contains(teh.geometry.iloc[0], pts[0]), "and in the tehsil"


def test_label_point_outside_every_district_takes_the_largest_share():
    # a coastal tehsil whose label point lies at sea (outside both districts)
    teh = gpd.GeoDataFrame([_tehsil(69.05, 69.25, 68.9, "Nowhere")], crs=4326)
    units, pts = tehsil_districts(teh, _districts(), _NO_ALIASES)
    assert units == ["West Town"]
    assert shapely.contains(box(69.0, 30.0, 69.2, 30.2), pts[0])


def test_share_threshold_is_a_fraction():
    assert 0 < TEHSIL_SHARE < 0.5


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_every_shipped_tehsil_lies_in_its_district(gaz):
    """Each tehsil row's point lies in the shipped district it names, and that
    district holds the OCHA label point or TEHSIL_SHARE of the outline (or, for a
    label point at sea, the largest share)."""
    a2 = reference.admin2()
    a2 = a2.assign(admin2=[" ".join(s.split()) for s in a2["admin2"]]).set_index("admin2")
    teh = reference.pak_tehsils()
    eq = "+proj=laea +lat_0=30 +lon_0=69 +datum=WGS84 +units=m"
    rows = [i for i in range(len(gaz.kind)) if gaz.kind[i] == "tehsil"]
    # the gazetteer writes the tehsils in the layer's order (names repeat: Khanpur)
    assert [str(gaz.name[i]) for i in rows] == list(teh["name"])
    for i, t in zip(rows, teh.itertuples(), strict=True):
        unit = str(gaz.admin2[i])
        assert unit in a2.index, (t.name, unit)
        poly = a2.geometry[unit]
        pt = shapely.Point(float(gaz.lon[i]), float(gaz.lat[i]))
        assert shapely.distance(poly, pt) < 1e-4, (t.name, unit)
        label = shapely.Point(t.label_lon, t.label_lat)
        at_sea = not a2.geometry.contains(label).any()  # then the largest share
        tp, dp = gpd.GeoSeries([t.geometry, poly], crs=4326).to_crs(eq)
        share = tp.intersection(dp).area / tp.area
        assert shapely.contains(poly, label) or share >= TEHSIL_SHARE - 1e-9 or at_sea, t.name


@pytest.fixture(scope="module")
def gc() -> Geocoder:
    return Geocoder.default()


# The district each tehsil lies in, per the cited page; the OCHA label point of
# each lies in a neighbouring shipped district (or at sea).
@pytest.mark.parametrize(
    ("tehsil", "district", "source"),
    [
        ("Quetta City", "Quetta", "en.wikipedia.org/wiki/Quetta_District (tehsils)"),
        ("Drug", "Musa Khel", "ur.wikipedia.org/wiki/ضلع_موسی_خیل (tehsils Toisar, Kingri, Drug)"),
        ("Baluch", "Sudhnoti", "en.wikipedia.org/wiki/Sudhnati_District (tehsils incl. Balloch)"),
        (
            "Liyari Town",
            "Karachi South",
            "en.wikipedia.org/wiki/Lyari_Town (District Karachi South)",
        ),
    ],
)
def test_tehsil_reads_as_its_district(gc, tehsil, district, source):
    assert gc.admin_unit(tehsil, level="admin2") == [district], source
    # a place the gazetteer lacks, hinted with the tehsil, falls back inside it
    (m,) = gc.resolve("Qqxz Colony", admin2=district, admin3=tehsil)
    assert m.admin2 == district, (m.name, m.admin2, m.method)
