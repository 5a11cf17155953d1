"""Position geocoded incidents against the frontier and make them a GeoDataFrame.

Coordinates come from the geometry first: when the input is a GeoDataFrame (any
CRS), each row with a geometry is positioned at :func:`geo.point_coordinates` of
it (a non-point geometry at its representative point, flagged
``non_point_geometry``), and ``latitude``/``longitude`` are rewritten from it;
rows without a geometry use their ``latitude``/``longitude`` columns, checked by
:func:`incidents.schema.validate_coordinates`.  Every lookup runs once per
distinct point (:meth:`geo.Frontier.locate`).

After the sides are known, a row whose source ``country`` (``Afghanistan``,
``AF``, ``AFG``, ``Pakistan``, ``PK``, ``PAK``, in any case and spacing) names a
country of the frontier other than the computed ``side`` is flagged
``side_conflict``; its coordinates are never changed.
"""

from __future__ import annotations

import re
from os import PathLike
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo import Frontier, distinct_points, in_region, point_coordinates
from incidents.errors import SchemaError
from incidents.schema import POSITION, add_flag, coerce, validate_coordinates

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["COUNTRY_CODES", "country_code", "is_positioned", "position", "prepare"]

#: Source ``country`` spellings (lower case, letters only) and the side code they mean.
COUNTRY_CODES: dict[str, str] = {
    "afghanistan": "AF",
    "af": "AF",
    "afg": "AF",
    "islamicemirateofafghanistan": "AF",
    "islamicrepublicofafghanistan": "AF",
    "pakistan": "PK",
    "pk": "PK",
    "pak": "PK",
    "islamicrepublicofpakistan": "PK",
}


def country_code(country: pd.Series) -> pd.Series:
    """The side code (``AF``/``PK``) a free-text or ISO ``country`` names; <NA> otherwise."""
    codes, uniq = pd.factorize(country.astype("string"), use_na_sentinel=True)
    keys = [re.sub(r"[^a-z]", "", str(u).casefold()) for u in uniq]
    mapped = pd.array([COUNTRY_CODES.get(k) for k in keys], dtype="string")
    return pd.Series(mapped.take(np.asarray(codes), allow_fill=True), index=country.index)


def position(df: pd.DataFrame, *, frontier: Frontier | None = None) -> gpd.GeoDataFrame:
    """Add the frontier columns (:data:`incidents.schema.POSITION`) to an incident table.

    Parameters
    ----------
    df
        An incident table with ``latitude``/``longitude`` (missing for unresolved
        rows), or a GeoDataFrame in any CRS whose geometry gives the points (it
        then needs no latitude/longitude columns); see the module docstring.
    frontier
        Defaults to :meth:`geo.Frontier.default`.

    Returns
    -------
    geopandas.GeoDataFrame
        A new frame in EPSG:4326 on the same index, every input row kept, with
        point geometry, ``latitude``/``longitude`` of that point, the POSITION
        columns and ``review_flags``; rows without usable coordinates have no
        geometry and missing position values.
    """
    if not isinstance(df, pd.DataFrame):
        raise SchemaError(f"position needs an incident table, got {type(df).__name__}")
    has_geometry = isinstance(df, gpd.GeoDataFrame) and df._geometry_column_name in df
    missing = [c for c in ("latitude", "longitude") if c not in df]
    if missing and not has_geometry:
        raise SchemaError(
            f"cannot position incidents without {missing} or a point geometry; load the file "
            "with incidents.load and geocode it with incidents.geocode first"
        )
    frontier = frontier or Frontier.default()
    index = df.index
    flags = (
        df["review_flags"].astype("string").fillna("")
        if "review_flags" in df
        else pd.Series("", index=index, dtype="string")
    )
    nan = pd.Series(np.nan, index=index)
    lat_col = df.get("latitude", nan)
    lon_col = df.get("longitude", nan)
    lat = pd.to_numeric(lat_col, errors="coerce").to_numpy(dtype=float, na_value=np.nan).copy()
    lon = pd.to_numeric(lon_col, errors="coerce").to_numpy(dtype=float, na_value=np.nan).copy()
    from_geom = np.zeros(len(df), dtype=bool)
    wkt = None
    if has_geometry:
        pc = point_coordinates(df)
        from_geom = np.isfinite(pc.lon)
        lon, lat = np.where(from_geom, pc.lon, lon), np.where(from_geom, pc.lat, lat)
        flags = add_flag(flags, pd.Series(pc.non_point, index=index), "non_point_geometry")
        if pc.non_point.any() and "src_geometry_wkt" not in df:
            geoms = np.asarray(df.geometry.to_crs(4326).array, dtype=object)
            wkt = pd.Series(pd.NA, index=index, dtype="string")
            wkt[pc.non_point] = shapely.to_wkt(geoms[pc.non_point])
    if not from_geom.all():
        problems = validate_coordinates(lat_col, lon_col).where(~from_geom, "")
        for name in ("coords_invalid", "coords_zero", "coords_out_of_range"):
            flags = add_flag(flags, problems == name, name)
        bad = (problems != "").to_numpy()
        lat[bad], lon[bad] = np.nan, np.nan

    ok = np.isfinite(lon) & np.isfinite(lat) & (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
    rows = np.flatnonzero(ok)
    # every lookup and every point object once per distinct place, shared by its rows
    inv, ulon, ulat = distinct_points(lon[rows], lat[rows])
    located = frontier.locate((np.r_[ulon, np.nan], np.r_[ulat, np.nan]))
    take = np.full(len(df), len(ulon), dtype=np.int64)  # the last row: no point
    take[rows] = inv
    located = located.iloc[take]
    located.index = index
    points = np.asarray(shapely.points(ulon, ulat), dtype=object)
    geom = np.full(len(df), None, dtype=object)
    geom[rows] = points[inv]
    far = ok & ~in_region(lon, lat)
    flags = add_flag(flags, pd.Series(far, index=index), "outside_region")
    if "country" in df and len(df):
        said = country_code(df["country"])
        known = said.isin(frontier.countries["country"].astype(str).tolist()).to_numpy()
        side = located["side"]
        conflict = known & ok & side.notna().to_numpy() & (side != said).fillna(False).to_numpy()
        flags = add_flag(flags, pd.Series(conflict, index=index), "side_conflict")

    geometry_name = df._geometry_column_name if has_geometry else None
    drop = [c for c in POSITION if c in df] + ["geometry", "review_flags"]
    if geometry_name:
        drop.append(geometry_name)
    base = pd.DataFrame(df.drop(columns=drop, errors="ignore"))
    base["latitude"] = np.where(ok, lat, np.nan)
    base["longitude"] = np.where(ok, lon, np.nan)
    if wkt is not None:
        base["src_geometry_wkt"] = wkt
    base["review_flags"] = flags.astype("string")
    out = pd.concat([base, located], axis=1)
    out = coerce(out, POSITION)
    geometry = gpd.GeoSeries(geom, index=index, crs=4326)
    gdf = gpd.GeoDataFrame(out, geometry=geometry, copy=False)  # out is new: no copy
    gdf.attrs.update(df.attrs)
    return gdf


def is_positioned(df: pd.DataFrame) -> bool:
    """True when ``df`` carries every positioning column."""
    return all(c in df for c in POSITION)


def prepare(
    path: str | PathLike[str],
    *,
    columns: Mapping[str, str] | None = None,
    layout: str = "auto",
    multi: str = "first",
) -> gpd.GeoDataFrame:
    """Load, geocode and position an incident file in one call."""
    from incidents.geocode import geocode
    from incidents.load import load

    return position(geocode(load(path, columns=columns, layout=layout), multi=multi))
