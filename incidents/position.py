"""Position geocoded incidents against the frontier and make them a GeoDataFrame."""

from __future__ import annotations

from os import PathLike
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd

from geo import Frontier
from incidents.errors import SchemaError
from incidents.schema import POSITION, coerce

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["is_positioned", "position", "prepare"]

_RENAME = {"admin1": "point_admin1", "admin2": "point_admin2"}


def position(df: pd.DataFrame, *, frontier: Frontier | None = None) -> gpd.GeoDataFrame:
    """Add the frontier columns (:data:`incidents.schema.POSITION`) to an incident table.

    Parameters
    ----------
    df
        An incident table with ``latitude``/``longitude`` (missing for unresolved rows).
    frontier
        Defaults to :meth:`geo.Frontier.default`.

    Returns
    -------
    geopandas.GeoDataFrame
        A new frame in EPSG:4326 on the same index, every input row kept; rows
        without coordinates have no geometry and missing position values.
    """
    missing = [c for c in ("latitude", "longitude") if c not in df]
    if missing:
        raise SchemaError(
            f"cannot position incidents without {missing}; load the file with incidents.load "
            "and geocode it with incidents.geocode first"
        )
    frontier = frontier or Frontier.default()
    lat = pd.to_numeric(df["latitude"], errors="coerce").to_numpy(dtype=float)
    lon = pd.to_numeric(df["longitude"], errors="coerce").to_numpy(dtype=float)
    located = frontier.locate((lon, lat)).rename(columns=_RENAME)
    located.index = df.index
    base = df.drop(columns=[c for c in POSITION if c in df] + ["geometry"], errors="ignore")
    out = pd.concat([base, located], axis=1)
    out = coerce(out, POSITION)
    ok = np.isfinite(lon) & np.isfinite(lat) & (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
    geom = gpd.points_from_xy(np.where(ok, lon, 0.0), np.where(ok, lat, 0.0))
    geom = np.where(ok, np.asarray(geom, dtype=object), None)
    gdf = gpd.GeoDataFrame(out, geometry=gpd.GeoSeries(geom, index=df.index, crs=4326))
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
