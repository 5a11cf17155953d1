"""Reference layers shipped inside the package (see ``geo/data/SOURCES.md``).

Every loader returns a new GeoDataFrame in EPSG:4326; results are read once per
process and copied on each call, so callers may modify what they get.
"""

from __future__ import annotations

import functools
from importlib import resources

import geopandas as gpd
import pandas as pd

from geo.errors import DataError

__all__ = [
    "LAYERS",
    "admin1",
    "admin2",
    "countries",
    "crossings",
    "frontier_line",
    "layer_path",
    "pak_tehsils",
]

#: Shipped files by layer name.
LAYERS: dict[str, str] = {
    "frontier_osm": "frontier_osm.geojson",
    "frontier_naturalearth10m": "frontier_naturalearth10m.geojson",
    "countries": "countries.parquet",
    "admin1": "admin1.parquet",
    "admin2": "admin2.parquet",
    "pak_tehsils": "pak_tehsils.parquet",
    "crossings": "crossings.csv",
}


def layer_path(name: str) -> str:
    """Filesystem path of a shipped layer."""
    if name not in LAYERS:
        raise DataError(f"unknown layer {name!r}; shipped layers are {sorted(LAYERS)}")
    return str(resources.files("geo.data").joinpath(LAYERS[name]))


@functools.cache
def _read(name: str) -> gpd.GeoDataFrame:
    path = layer_path(name)
    if path.endswith(".parquet"):
        gdf = gpd.read_parquet(path)
    elif path.endswith(".csv"):
        df = pd.read_csv(path, keep_default_na=False, na_values=[""])
        gdf = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df["lon"], df["lat"]), crs=4326)
    else:
        gdf = gpd.read_file(path)
    return gdf.to_crs(4326)


def frontier_line(kind: str = "osm") -> gpd.GeoDataFrame:
    """The frontier line: ``"osm"`` (primary, full detail) or ``"naturalearth10m"``."""
    allowed = ("osm", "naturalearth10m")
    if kind not in allowed:
        raise DataError(f"frontier line kind must be one of {allowed}, got {kind!r}")
    return _read(f"frontier_{kind}").copy()


def countries() -> gpd.GeoDataFrame:
    """AFG and PAK land polygons with river and lake holes filled (``country`` AF/PK)."""
    return _read("countries").copy()


def admin1() -> gpd.GeoDataFrame:
    """Provinces of both countries: ``country``, ``admin1``."""
    return _read("admin1").copy()


def admin2() -> gpd.GeoDataFrame:
    """Districts of both countries: ``country``, ``admin1``, ``admin2``, ``code``."""
    return _read("admin2").copy()


def pak_tehsils() -> gpd.GeoDataFrame:
    """Pakistani tehsils (OCHA 2022, coarse outlines): for names, not exact containment."""
    return _read("pak_tehsils").copy()


def crossings() -> gpd.GeoDataFrame:
    """Border crossings with ``uncertainty_km`` (proxy points carry 10 km)."""
    return _read("crossings").copy()
