"""``unit_codes(..., geometry=False)``: the same units and codes, and no polygons read."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
from positioned_tables import synthetic_incidents

from geo import Frontier, reference
from incidents.aggregate import unit_codes

LEVELS = {
    "segment": {"km": 50.0},
    "admin1": {},
    "admin2": {},
    "hex": {"resolution": 5},
    "band": {"bands": (10, 50)},
}


@pytest.fixture(scope="module")
def frontier() -> Frontier:
    return Frontier.default()


def test_units_without_geometry_equal_units_with_it(frontier):
    t = synthetic_incidents(400, seed=7)
    full = unit_codes(t, LEVELS, frontier=frontier)
    bare = unit_codes(t, LEVELS, frontier=frontier, geometry=False)
    assert list(bare) == list(LEVELS)
    for by in LEVELS:
        assert isinstance(full[by].units, gpd.GeoDataFrame)
        assert not isinstance(bare[by].units, gpd.GeoDataFrame)
        assert "geometry" not in bare[by].units
        pd.testing.assert_frame_equal(
            bare[by].units, pd.DataFrame(full[by].units.drop(columns="geometry"))
        )
        assert bare[by].codes.tolist() == full[by].codes.tolist()
        assert bare[by].options == full[by].options


def test_admin_units_without_geometry_read_no_polygons(frontier, monkeypatch):
    def refuse():
        raise AssertionError("polygons read")

    t = synthetic_incidents(50, seed=8)
    monkeypatch.setattr(reference, "admin1", refuse)
    monkeypatch.setattr(reference, "admin2", refuse)
    found = unit_codes(t, {"admin1": {}, "admin2": {}}, frontier=frontier, geometry=False)
    for by in ("admin1", "admin2"):
        assert len(found[by].units) == len(reference.attributes(by))
        assert (found[by].codes >= 0).any()
    with pytest.raises(AssertionError, match="polygons read"):
        unit_codes(t, {"admin2": {}}, frontier=frontier)
