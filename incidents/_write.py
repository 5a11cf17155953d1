"""Write incident tables and aggregates as GeoJSON, GeoPackage, GeoParquet or CSV.

:func:`write` picks the format from the file extension:

``.geojson`` / ``.json``
    RFC 7946 GeoJSON (:func:`to_geojson_dict`): a FeatureCollection in WGS84
    lon/lat with no ``crs`` member, polygon rings counter-clockwise outside and
    clockwise inside, coordinates rounded to 6 decimals (about 0.1 m), dates as ISO
    8601 strings (``YYYY-MM-DD`` when a column has no time of day), missing values
    (NA, NaN, NaT, infinities) as ``null``, rows without geometry as features with
    ``"geometry": null``.
``.gpkg``
    GeoPackage (GDAL via pyogrio), one layer named after the file.
``.parquet`` / ``.geoparquet``
    GeoParquet with its ``geo`` metadata (geopandas).
``.csv``
    UTF-8 CSV.  A table whose geometries are all points (or missing) is written with
    ``longitude``/``latitude`` columns taken from the points; any other table gets
    a ``geometry`` column of WKT rounded to 6 decimals.  Dates are ISO 8601, missing
    values empty.

The frame is reprojected to EPSG:4326 first (every format gets lon/lat) and never
modified.  An existing file is replaced.
"""

from __future__ import annotations

import json
import math
from os import PathLike
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from incidents.errors import ExportError

__all__ = ["FORMATS", "to_geojson_dict", "write"]

#: Format name by file extension.
FORMATS: dict[str, str] = {
    ".geojson": "geojson",
    ".json": "geojson",
    ".gpkg": "gpkg",
    ".parquet": "parquet",
    ".geoparquet": "parquet",
    ".csv": "csv",
}
_DECIMALS = 6


def write(gdf: pd.DataFrame, path: str | PathLike[str], *, fmt: str | None = None) -> Path:
    """Write ``gdf`` to ``path`` in the format its extension names (or ``fmt``).

    Returns the path written.
    """
    path = Path(path)
    if fmt is None:
        fmt = FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise ExportError(
                f"cannot tell the output format from {path.name!r}; use one of {', '.join(FORMATS)}"
            )
    elif fmt not in set(FORMATS.values()):
        raise ExportError(
            f"unknown format {fmt!r}; valid: {', '.join(sorted(set(FORMATS.values())))}"
        )
    gdf = _as_4326(gdf)
    if path.exists():
        path.unlink()
    if fmt == "geojson":
        text = json.dumps(to_geojson_dict(gdf), ensure_ascii=False, separators=(",", ":"))
        path.write_text(text, encoding="utf-8")
    elif fmt == "gpkg":
        _plain(gdf).to_file(path, driver="GPKG", layer=path.stem, engine="pyogrio")
    elif fmt == "parquet":
        _plain(gdf).to_parquet(path)
    else:
        _csv_frame(gdf).to_csv(path, index=False, encoding="utf-8", date_format=None)
    return path


def to_geojson_dict(gdf: pd.DataFrame) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection of ``gdf`` as a plain, JSON-serialisable dict."""
    gdf = _as_4326(gdf)
    props = gdf.drop(columns=[gdf.geometry.name]) if _has_geometry(gdf) else gdf
    columns = {str(c): _json_values(props[c]) for c in props.columns}
    geoms = _geometries(gdf)
    names = list(columns)
    values = list(zip(*columns.values(), strict=True)) if names else [()] * len(gdf)
    features = [
        {"type": "Feature", "properties": dict(zip(names, row, strict=True)), "geometry": g}
        for row, g in zip(values, geoms, strict=True)
    ]
    return {"type": "FeatureCollection", "features": features}


# ----------------------------------------------------------------------- helpers
def _has_geometry(df: pd.DataFrame) -> bool:
    return isinstance(df, gpd.GeoDataFrame) and df._geometry_column_name in df


def _as_4326(df: pd.DataFrame) -> pd.DataFrame:
    if not isinstance(df, pd.DataFrame):
        raise ExportError(f"can only export a (Geo)DataFrame, got {type(df).__name__}")
    if not _has_geometry(df):
        return df
    if df.crs is None:
        raise ExportError("the table has no CRS; set one first, e.g. gdf.set_crs(4326)")
    return df if df.crs.to_epsg() == 4326 else df.to_crs(4326)


def _rounded(geoms: np.ndarray) -> np.ndarray:
    """Geometries rounded to 6 decimals, then oriented by the right-hand rule."""
    geoms = np.asarray(geoms, dtype=object)
    missing = shapely.is_missing(geoms)
    out = np.full(len(geoms), None, dtype=object)
    ok = np.flatnonzero(~missing)
    if len(ok):
        g = shapely.transform(geoms[ok], lambda xy: np.round(xy, _DECIMALS))
        out[ok] = shapely.orient_polygons(g, exterior_cw=False)
    return out


def _geometries(gdf: pd.DataFrame) -> list[dict | None]:
    if not _has_geometry(gdf):
        return [None] * len(gdf)
    out: list[dict | None] = []
    for g in _rounded(gdf.geometry.values):
        if g is None or g.is_empty:
            out.append(None)
        else:
            out.append(json.loads(shapely.to_geojson(g)))
    return out


def _json_values(s: pd.Series) -> list:
    """Column values as JSON-ready Python objects, missing as None."""
    missing = s.isna().to_numpy()
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        ts = pd.to_datetime(s)
        if ts.dt.tz is not None:
            ts = ts.dt.tz_convert("UTC")
        midnight = bool(((ts.dt.normalize() == ts) | ts.isna()).all())
        text = ts.dt.strftime("%Y-%m-%d") if midnight else ts.map(lambda t: t.isoformat())
        vals = text.to_numpy(dtype=object, na_value=None)
    elif pd.api.types.is_bool_dtype(s.dtype):
        vals = s.to_numpy(dtype=object, na_value=None)
        vals = [None if m else bool(v) for v, m in zip(vals, missing, strict=True)]
        return vals
    elif pd.api.types.is_integer_dtype(s.dtype):
        vals = s.to_numpy(dtype=object, na_value=None)
        return [None if m else int(v) for v, m in zip(vals, missing, strict=True)]
    elif pd.api.types.is_float_dtype(s.dtype):
        vals = s.to_numpy(dtype=float, na_value=np.nan)
        return [float(v) if math.isfinite(v) else None for v in vals]
    else:
        vals = s.to_numpy(dtype=object, na_value=None)
        return [None if m else _scalar(v) for v, m in zip(vals, missing, strict=True)]
    return [None if m else v for v, m in zip(vals, missing, strict=True)]


def _scalar(v: Any) -> Any:
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float):
        return v if math.isfinite(v) else None
    if isinstance(v, pd.Timestamp | np.datetime64):
        return pd.Timestamp(v).isoformat()
    if isinstance(v, str | int | bool) or v is None:
        return v
    if isinstance(v, shapely.Geometry):
        return v.wkt
    return str(v)


def _plain(gdf: pd.DataFrame) -> gpd.GeoDataFrame:
    """A copy GDAL/Arrow writers accept: geometry rounded, object columns as text."""
    out = gdf.copy()
    out.attrs = {}
    if not _has_geometry(out):
        out = gpd.GeoDataFrame(out, geometry=gpd.GeoSeries([None] * len(out), crs=4326))
    out[out.geometry.name] = gpd.GeoSeries(
        _rounded(out.geometry.values), index=out.index, crs=out.crs
    )
    for c in out.columns:
        if c == out.geometry.name:
            continue
        if out[c].dtype == object:
            out[c] = pd.array(
                [None if pd.isna(v) else str(_scalar(v)) for v in out[c]], dtype="string"
            )
    return out


def _csv_frame(gdf: pd.DataFrame) -> pd.DataFrame:
    if not _has_geometry(gdf):
        return gdf
    geoms = _rounded(gdf.geometry.values)
    present = ~shapely.is_missing(geoms)
    types = shapely.get_type_id(geoms[present]) if present.any() else np.array([0])
    out = pd.DataFrame(gdf.drop(columns=[gdf.geometry.name]))
    if (types == 0).all():
        empty = ~present | shapely.is_empty(geoms)
        lon = np.where(empty, np.nan, shapely.get_x(np.where(empty, None, geoms)))
        lat = np.where(empty, np.nan, shapely.get_y(np.where(empty, None, geoms)))
        out["longitude"] = np.round(lon.astype(float), _DECIMALS)
        out["latitude"] = np.round(lat.astype(float), _DECIMALS)
    else:
        out["geometry"] = shapely.to_wkt(geoms, rounding_precision=_DECIMALS, trim=True)
    for c in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[c].dtype):
            out[c] = pd.array(_json_values(out[c]), dtype="string")
    return out
