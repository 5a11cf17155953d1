"""Public input/output of incident tables: :func:`read` and :func:`write`.

:func:`read` returns what the project's own outputs hold: a table written by
:func:`write` (or by ``frontier geocode``) comes back positioned, with its
geocoding and positioning columns and their dtypes, so ``aggregate(read(p))``
works.  Any other file goes through :func:`incidents.load` (layout detection,
sniffing, flags).  :func:`write` picks the format from the extension (see
:mod:`incidents._write`).
"""

from __future__ import annotations

from os import PathLike
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from incidents._write import FORMATS, to_geojson_dict, write
from incidents.errors import LoadError
from incidents.schema import ACCOUNTING, CORE, GEOCODE, LEGACY_COLUMNS, POSITION, coerce

__all__ = ["FORMATS", "read", "read_positioned", "to_geojson_dict", "write"]


def read(path: str | PathLike[str], **load_options: Any) -> pd.DataFrame:
    """Read an incident table: positioned when the file holds positioning columns.

    Parameters
    ----------
    path
        CSV, GeoJSON, GeoPackage or (Geo)Parquet written by :func:`write`, or any
        input :func:`incidents.load` accepts.
    **load_options
        Passed to :func:`incidents.load` when the file is not a positioned table.

    Returns
    -------
    A :class:`geopandas.GeoDataFrame` in EPSG:4326 for a positioned table,
    otherwise what :func:`incidents.load` returns.
    """
    p = Path(path)
    if not p.is_file():
        raise LoadError(f"{p} does not exist or is not a file")
    table = read_positioned(p)
    if table is not None:
        return table
    from incidents.load import load

    return load(p, **load_options)


def read_positioned(path: Path) -> gpd.GeoDataFrame | None:
    """The table in ``path`` if it already carries the POSITION columns, else None."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".parquet", ".geoparquet"):
            try:
                table: pd.DataFrame = gpd.read_parquet(path)
            except ValueError:  # plain Parquet without geo metadata
                table = pd.read_parquet(path)
        elif suffix in (".geojson", ".json", ".gpkg"):
            table = gpd.read_file(path, engine="pyogrio")
        elif suffix == ".csv":
            table = pd.read_csv(path, keep_default_na=False, na_values=[""], low_memory=False)
        else:
            return None
    except Exception:  # not a table these readers know: let the loader explain
        return None
    table = table.rename(columns={k: v for k, v in LEGACY_COLUMNS.items() if v not in table})
    if not set(POSITION) <= set(table.columns):
        return None
    attrs = dict(table.attrs)
    if isinstance(table, gpd.GeoDataFrame) and table.crs is not None:
        geometry = table.geometry.to_crs(4326).values
        table = pd.DataFrame(table.drop(columns=table.geometry.name))
    else:
        geometry = None
        if isinstance(table, gpd.GeoDataFrame):
            table = pd.DataFrame(table.drop(columns=table.geometry.name))
    table = coerce(table, {**CORE, **GEOCODE, **POSITION, **ACCOUNTING})
    table["review_flags"] = table["review_flags"].fillna("")
    if geometry is None:
        lat = table["latitude"].to_numpy(dtype=float)
        lon = table["longitude"].to_numpy(dtype=float)
        ok = np.isfinite(lat) & np.isfinite(lon)
        pts = gpd.points_from_xy(np.where(ok, lon, 0.0), np.where(ok, lat, 0.0))
        geometry = np.where(ok, np.asarray(pts, dtype=object), None)
    out = gpd.GeoDataFrame(table, geometry=gpd.GeoSeries(geometry, index=table.index, crs=4326))
    out.attrs.update(attrs)
    return out
