"""Fixtures for the map tests (the tables come from :mod:`positioned_tables`)."""

from __future__ import annotations

import geopandas as gpd
import pytest
from positioned_tables import XSS_NOTE, synthetic_incidents


@pytest.fixture
def incidents() -> gpd.GeoDataFrame:
    """40 synthetic positioned incidents."""
    return synthetic_incidents(40, seed=1)


@pytest.fixture
def hostile() -> gpd.GeoDataFrame:
    """12 incidents whose text fields are hostile; the first note is :data:`XSS_NOTE`."""
    gdf = synthetic_incidents(12, seed=2)
    gdf["notes"] = gdf["notes"].astype("object")
    gdf.loc[0, "notes"] = XSS_NOTE
    gdf.loc[1, "location"] = "<img src=x onerror=alert(3)>"
    gdf.loc[2, "actor1"] = "</script><script>alert(4)</script>"
    gdf.loc[3, "event_type"] = "{{ config }}"
    gdf.loc[4, "source"] = "\u2028line\u2029sep & <b>"
    gdf["notes"] = gdf["notes"].astype("string")
    return gdf
