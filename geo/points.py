"""Longitude/latitude of any geometry input, with one rule for non-points.

Every step that needs "the coordinates of a row" (positioning, geocoding a
GeoDataFrame, aggregation by hex) asks :func:`point_coordinates` so that all of
them agree.

The rule
--------
* The geometry is reprojected to EPSG:4326 (the input must have a CRS).
* A point gives its own x/y.
* A non-point geometry gives its *representative point*
  (:func:`representative_points`), computed in the input's CRS before
  reprojection: a line (``LineString``, ``LinearRing``, ``MultiLineString``,
  parts taken one after the other) its point half way along its length
  (:func:`shapely.line_interpolate_point`, normalised 0.5; a two-vertex line's
  middle, not an end), anything else (polygon, multi-point, collection)
  :func:`shapely.point_on_surface`, a point guaranteed to lie on the geometry;
  an invalid polygon is repaired first (:func:`shapely.make_valid`).  Such rows are
  reported in ``non_point`` so that the caller can flag them
  (``non_point_geometry`` in :mod:`incidents.schema`).
* A missing or empty geometry, or one that does not reproject to finite
  degrees, gives NaN.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely

from geo.errors import CRSError

__all__ = [
    "REGION",
    "PointCoordinates",
    "distinct_points",
    "in_region",
    "lonlat",
    "point_coordinates",
    "representative_points",
]

#: The region incidents of this frontier can lie in (lon/lat: west, south, east,
#: north): Afghanistan and Pakistan with a margin.  A point outside it is an
#: absurd location for this product (a sign flip, a swap, another continent).
REGION = (55.0, 20.0, 83.0, 42.0)

_WGS84 = pyproj.CRS.from_epsg(4326)


class PointCoordinates(NamedTuple):
    """Result of :func:`point_coordinates`, arrays aligned with the input."""

    lon: np.ndarray  # degrees east, NaN where there is no usable geometry
    lat: np.ndarray  # degrees north
    non_point: np.ndarray  # bool: the value is a representative point


def point_coordinates(data: gpd.GeoSeries | gpd.GeoDataFrame) -> PointCoordinates:
    """Lon/lat (EPSG:4326) of every row of a GeoSeries or GeoDataFrame.

    Parameters
    ----------
    data
        A GeoSeries, or a GeoDataFrame (its active geometry column), in any CRS.

    Returns
    -------
    PointCoordinates
        ``lon``, ``lat`` (float arrays) and ``non_point`` (bool array), in row
        order; see the module docstring for the rule.

    Raises
    ------
    geo.CRSError
        When the input has no CRS.
    """
    if isinstance(data, gpd.GeoDataFrame):
        if data._geometry_column_name not in data:
            raise CRSError("the GeoDataFrame has no active geometry column")
        series = data.geometry
    elif isinstance(data, gpd.GeoSeries):
        series = data
    else:
        raise TypeError(f"expected a GeoSeries or GeoDataFrame, got {type(data).__name__}")
    n = len(series)
    if series.crs is None and n:
        raise CRSError(
            "the geometry has no CRS; set one first, e.g. gdf.set_crs(4326) for lon/lat degrees"
        )
    geoms = np.array(series.array, dtype=object)  # a copy: entries are replaced below
    missing = shapely.is_missing(geoms)
    geoms[missing] = None
    empty = missing | shapely.is_empty(geoms)
    types = shapely.get_type_id(geoms)
    non_point = ~empty & (types != shapely.GeometryType.POINT)
    if non_point.any():
        geoms[non_point] = representative_points(geoms[non_point])
    x = np.full(n, np.nan)
    y = np.full(n, np.nan)
    ok = np.flatnonzero(~empty)
    if len(ok):
        x[ok] = shapely.get_x(geoms[ok])
        y[ok] = shapely.get_y(geoms[ok])
    if n and series.crs is not None and not series.crs.equals(_WGS84):
        tf = pyproj.Transformer.from_crs(series.crs, _WGS84, always_xy=True)
        x, y = tf.transform(x, y, errcheck=False)
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    bad = ~(np.isfinite(x) & np.isfinite(y))
    x[bad] = np.nan
    y[bad] = np.nan
    return PointCoordinates(x, y, non_point)


def lonlat(data: gpd.GeoSeries | gpd.GeoDataFrame) -> tuple[np.ndarray, np.ndarray]:
    """``(lon, lat)`` arrays in degrees (EPSG:4326); see :func:`point_coordinates`."""
    pc = point_coordinates(data)
    return pc.lon, pc.lat


def in_region(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Whether each point lies in :data:`REGION` (``False`` for a missing coordinate)."""
    w, s, e, n = REGION
    lon = np.asarray(lon, dtype="float64")
    lat = np.asarray(lat, dtype="float64")
    with np.errstate(invalid="ignore"):
        return (lon >= w) & (lon <= e) & (lat >= s) & (lat <= n)


#: Geometry types placed half way along their length.
LINEAR_TYPES = (
    shapely.GeometryType.LINESTRING,
    shapely.GeometryType.LINEARRING,
    shapely.GeometryType.MULTILINESTRING,
)


def representative_points(geoms: Any) -> np.ndarray:
    """The point standing for each (non-missing, non-empty) geometry of ``geoms``.

    Lines give the point half way along their length, other geometries
    :func:`shapely.point_on_surface` (invalid polygons repaired first); see the
    module docstring.  Lengths are in the geometries' own units.
    """
    geoms = np.asarray(geoms, dtype=object)
    out = np.empty(len(geoms), dtype=object)
    linear = np.isin(shapely.get_type_id(geoms), LINEAR_TYPES)
    if linear.any():
        out[linear] = shapely.line_interpolate_point(geoms[linear], 0.5, normalized=True)
    other = ~linear
    if other.any():
        try:
            out[other] = shapely.point_on_surface(geoms[other])
        except shapely.errors.GEOSException:
            out[other] = shapely.point_on_surface(shapely.make_valid(geoms[other]))
    return out


def distinct_points(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Distinct (lon, lat) pairs and, per input row, the number of its pair.

    Returns ``(inverse, lon_unique, lat_unique)`` with
    ``lon_unique[inverse] == lon`` (likewise lat), distinct pairs in order of first
    appearance.  Hash-based (no sort): the two coordinates' bit patterns are mixed
    into one 64-bit key and factorized once; the result is verified exactly and, in
    the (astronomically rare) event of a key collision, recomputed pair by pair.
    Inputs should be finite (``-0.0`` is read as ``0.0``).
    """
    lon = np.asarray(lon, dtype=float) + 0.0  # -0.0 -> 0.0, and a copy
    lat = np.asarray(lat, dtype=float) + 0.0
    if not len(lon):
        return np.zeros(0, dtype=np.int64), lon, lat
    with np.errstate(over="ignore"):
        mixed = lon.view(np.uint64) * np.uint64(0x9E3779B97F4A7C15) ^ lat.view(np.uint64)
    inverse, first = _factorize_first(mixed.view(np.int64))
    ulon, ulat = lon[first], lat[first]
    same = (ulon[inverse] == lon) | (np.isnan(lon) & np.isnan(ulon[inverse]))
    same &= (ulat[inverse] == lat) | (np.isnan(lat) & np.isnan(ulat[inverse]))
    if not same.all():  # a key collision: factorize the two coordinates separately
        c_lon, u_lon = pd.factorize(lon, use_na_sentinel=False)
        c_lat, u_lat = pd.factorize(lat, use_na_sentinel=False)
        pair = np.asarray(c_lon, dtype=np.int64) * len(u_lat) + np.asarray(c_lat, np.int64)
        inverse, first = _factorize_first(pair)
        ulon, ulat = lon[first], lat[first]
    return inverse, ulon, ulat


def _factorize_first(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes of ``keys`` (in order of first appearance) and the row of each first one."""
    codes, uniques = pd.factorize(keys)
    codes = np.asarray(codes, dtype=np.int64)
    # codes number keys in order of first appearance: a first one exceeds all before it
    seen = np.maximum.accumulate(codes)
    new = np.r_[True, codes[1:] > seen[:-1]] if len(codes) else np.zeros(0, dtype=bool)
    first = np.flatnonzero(new)
    assert len(first) == len(uniques)
    return codes, first
