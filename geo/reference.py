"""Reference layers shipped inside the package (see ``geo/data/SOURCES.md``).

Every loader returns a new GeoDataFrame in EPSG:4326; results are read once per
process and copied on each call, so callers may modify what they get.
:func:`attributes` gives a layer's other columns without reading its geometry
(look-ups by name need no polygons).
"""

from __future__ import annotations

import functools
import json
from importlib import resources

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.errors import DataError

__all__ = [
    "LAYERS",
    "admin1",
    "admin2",
    "attributes",
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
        gdf = _read_geojson(path)
    return gdf.to_crs(4326)


def _read_geojson(path: str) -> gpd.GeoDataFrame:
    """A shipped RFC 7946 FeatureCollection (lon/lat WGS84), read without GDAL.

    Equal to ``geopandas.read_file(path)`` (a test checks it for every shipped
    file) in a tenth of the time: GDAL's start-up is most of that call.
    """
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    features = json.loads(text)["features"]
    geoms = np.asarray(shapely.from_geojson(text).geoms, dtype=object)  # features in order
    props = pd.DataFrame([f.get("properties") or {} for f in features])
    return gpd.GeoDataFrame(props, geometry=gpd.GeoSeries(geoms, crs=4326))


@functools.cache
def _attributes(name: str) -> pd.DataFrame:
    path = layer_path(name)
    if not path.endswith(".parquet"):
        gdf = _read(name)
        return pd.DataFrame(gdf.drop(columns=gdf.geometry.name))
    import pyarrow.parquet as pq

    schema = pq.read_schema(path)
    geo = json.loads((schema.metadata or {}).get(b"geo", b"{}"))
    skip = set(geo.get("columns", {}))
    columns = [c for c in schema.names if c not in skip]
    return pq.read_table(path, columns=columns).to_pandas()


def attributes(name: str) -> pd.DataFrame:
    """The columns of shipped layer ``name`` other than its geometry, rows in layer order.

    Equal to ``layer.drop(columns="geometry")`` of the full layer, but reads no
    geometry (the district polygons cost a tenth of a second to decode): for
    look-ups by name.
    """
    return _attributes(name).copy()


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
