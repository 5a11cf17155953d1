"""Where each row of an incident table goes on the map: its point, and whether it is drawn."""

from __future__ import annotations

import functools

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely

from geo.points import REGION, in_region
from maps.errors import MapError

__all__ = ["MAPPED", "OUTSIDE", "REGION", "UNLOCATED", "classify_rows", "coordinates"]

MAPPED, UNLOCATED, OUTSIDE = 0, 1, 2


@functools.cache
def _wgs84() -> pyproj.CRS:
    """EPSG:4326, made once (each ``pyproj.CRS`` costs a look-up in the PROJ database)."""
    return pyproj.CRS.from_epsg(4326)


def coordinates(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Latitude and longitude of every row (NaN where unknown): the point geometry first."""
    n = len(frame)
    lat = np.full(n, np.nan)
    lon = np.full(n, np.nan)
    if isinstance(frame, gpd.GeoDataFrame) and frame.geometry.name in frame:
        geom = frame.geometry
        if geom.crs is None and geom.notna().any():
            raise MapError("incidents: the GeoDataFrame has no CRS; set one (EPSG:4326)")
        if geom.crs is not None and not geom.crs.equals(_wgs84()):
            geom = geom.to_crs(4326)
        arr = geom.array
        ok = np.asarray(~shapely.is_missing(arr) & ~shapely.is_empty(arr))
        ok &= np.asarray(shapely.get_type_id(arr) == 0)  # points only
        lon[ok] = shapely.get_x(arr[ok])
        lat[ok] = shapely.get_y(arr[ok])
    for col, out in (("latitude", lat), ("longitude", lon)):
        if col in frame:
            vals = pd.to_numeric(frame[col], errors="coerce").astype("float64").to_numpy()
            fill = np.isnan(out)
            out[fill] = vals[fill]
    return lat, lon


def classify_rows(frame: pd.DataFrame, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Per row: :data:`MAPPED`, :data:`UNLOCATED` or :data:`OUTSIDE` the region (absurd)."""
    status = np.full(len(frame), MAPPED, dtype=np.int8)
    located = np.isfinite(lat) & np.isfinite(lon)
    if "geocode_method" in frame:
        located &= (
            (frame["geocode_method"].astype("string") != "unresolved")
            .fillna(True)
            .to_numpy(dtype=bool)
        )
    inside = in_region(lon, lat)
    status[~located] = UNLOCATED
    status[located & ~inside] = OUTSIDE
    return status
