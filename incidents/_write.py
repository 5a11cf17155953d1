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
    GeoPackage (GDAL via pyogrio), one layer named after the file
    (:func:`layer_name`).  SQLite column names ignore case, so a column whose name
    differs from an earlier one only by case is renamed (:func:`column_renames`);
    more than :data:`GPKG_MAX_COLUMNS` attribute columns are refused.
``.parquet`` / ``.geoparquet``
    GeoParquet with its ``geo`` metadata (geopandas).
``.csv``
    UTF-8 CSV, RFC 4180 (CRLF line ends; every field holding a quote, a delimiter,
    CR or LF is quoted, so the file parses back to the same rows).  A table whose
    geometries are all points (or missing) is written with ``longitude``/``latitude``
    columns taken from the points; any other table gets a ``geometry`` column of WKT
    rounded to 6 decimals.  Dates are ISO 8601, missing values empty.  Text that a
    spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab
    or CR, and not a plain number) is prefixed with ``'`` (the OWASP rule,
    :func:`escape_formulas`); the loader removes that prefix again.

The frame is reprojected to EPSG:4326 first (every format gets lon/lat) and never
modified.  Every file is written atomically (:func:`atomic_output`): an existing
file is replaced only once the new one is complete, and a failed or interrupted
write leaves it untouched.
"""

from __future__ import annotations

import contextlib
import errno
import json
import math
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from os import PathLike
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from incidents.errors import ExportError

__all__ = [
    "FORMATS",
    "GPKG_MAX_COLUMNS",
    "atomic_output",
    "check_columns",
    "column_renames",
    "escape_cell",
    "escape_formulas",
    "layer_name",
    "to_geojson_dict",
    "write",
]

#: Format name by file extension.
FORMATS: dict[str, str] = {
    ".geojson": "geojson",
    ".json": "geojson",
    ".gpkg": "gpkg",
    ".parquet": "parquet",
    ".geoparquet": "parquet",
    ".csv": "csv",
}
#: Attribute columns a GeoPackage layer can hold (SQLite's 2,000 minus fid and geometry).
GPKG_MAX_COLUMNS = 1998
_DECIMALS = 6
#: Text a spreadsheet evaluates: a formula trigger after any ``'`` already there.
_FORMULA = re.compile(r"^'*[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")


def write(
    gdf: pd.DataFrame,
    path: str | PathLike[str],
    *,
    fmt: str | None = None,
    escape: bool = True,
) -> Path:
    """Write ``gdf`` to ``path`` in the format its extension names (or ``fmt``).

    Parameters
    ----------
    gdf
        A DataFrame or GeoDataFrame (with a CRS).
    path
        Output file; its folder must exist.  An existing file is replaced only
        when the new one is complete.
    fmt
        ``"geojson"``, ``"gpkg"``, ``"parquet"`` or ``"csv"``; by default from
        the extension (:data:`FORMATS`).
    escape
        Escape spreadsheet formulas in CSV text (:func:`escape_formulas`);
        ``False`` writes text exactly as it is (``frontier ... --raw-csv``).

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    ExportError
        Unknown format, a table GDAL cannot hold (too many columns), a missing
        or unwritable folder, or a failed write (disk full); the previous file
        at ``path`` is then unchanged.
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
    gdf = _as_4326(_checked_columns(gdf, path))
    geometry = gdf.geometry.name if _has_geometry(gdf) else None
    check_columns([c for c in gdf.columns if c != geometry], path, fmt=fmt)
    if fmt == "gpkg":
        keep = [geometry] if geometry else []
        gdf = gdf.rename(columns=column_renames(gdf.columns, fmt="gpkg", keep=keep))
    with atomic_output(path) as tmp:
        try:
            _write_format(gdf, tmp, fmt=fmt, layer=layer_name(path), escape=escape)
        except (OSError, RuntimeError, ArithmeticError) as exc:
            raise ExportError(f"{path}: could not be written ({_reason(exc)})") from None
        except Exception as exc:
            if type(exc).__module__.startswith(("pyarrow", "pyogrio")):
                raise ExportError(f"{path}: could not be written ({_reason(exc)})") from None
            raise
    return path


def check_columns(columns: Any, path: str | PathLike[str], *, fmt: str | None = None) -> None:
    """Refuse attribute columns the format of ``path`` cannot hold, before any work.

    A GeoPackage layer holds at most :data:`GPKG_MAX_COLUMNS` attribute columns;
    the other formats have no limit.  A command calls this with the columns its
    output will have as soon as it knows them, so that a table too wide for its
    output is refused before it is geocoded rather than after.

    Parameters
    ----------
    columns
        The attribute column names (without the geometry column).
    path
        The output file.
    fmt
        Its format (see :data:`FORMATS`); by default from the extension.

    Raises
    ------
    ExportError
        If the format cannot hold that many columns.
    """
    path = Path(path)
    fmt = fmt or FORMATS.get(path.suffix.lower())
    n_attr = len(list(columns))
    if fmt == "gpkg" and n_attr > GPKG_MAX_COLUMNS:
        raise ExportError(
            f"{path.name}: a GeoPackage layer holds at most {GPKG_MAX_COLUMNS:,} attribute "
            f"columns and this table needs {n_attr:,}: write .parquet or .csv instead"
        )


def _checked_columns(gdf: Any, path: Path) -> Any:
    """``gdf`` with text column names; a name used twice is an :class:`ExportError`.

    Column names that are not text (``5``, a tuple) become their text, as every
    format stores names as text.
    """
    if not isinstance(gdf, pd.DataFrame):
        return gdf  # _as_4326 says what arrived
    names = [c if isinstance(c, str) else str(c) for c in gdf.columns]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ExportError(
            f"{path.name}: column name(s) used more than once: {', '.join(map(repr, twice))}; "
            "every column of a file needs its own name (rename or drop the copies)"
        )
    if names != list(gdf.columns):
        gdf = gdf.set_axis(names, axis=1)
    return gdf


def _write_format(gdf: pd.DataFrame, tmp: Path, *, fmt: str, layer: str, escape: bool) -> None:
    if fmt == "geojson":
        text = json.dumps(to_geojson_dict(gdf), ensure_ascii=False, separators=(",", ":"))
        with open(tmp, "w", encoding="utf-8", errors="surrogatepass") as fh:
            fh.write(text)
    elif fmt == "gpkg":
        plain = _plain(gdf)
        # GDAL names the geometry field "geom" unless told: a column "geom" would clash
        options = {"GEOMETRY_NAME": plain.geometry.name}
        plain.to_file(tmp, driver="GPKG", layer=layer, engine="pyogrio", layer_options=options)
    elif fmt == "parquet":
        _plain(gdf).to_parquet(tmp)
    else:
        frame = _csv_frame(gdf)
        if escape:
            frame = escape_formulas(frame)
        frame.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\r\n")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.errno in (errno.EFBIG, errno.ENOSPC, errno.EDQUOT):
        return f"{exc.strerror or 'disk full'}; the previous file, if any, is unchanged"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text


@contextlib.contextmanager
def atomic_output(path: str | PathLike[str]) -> Iterator[Path]:
    """Write a file so that ``path`` holds either its old content or the whole new one.

    Yields a temporary path in a private folder next to ``path`` (same file
    system) for the caller to write to.  When the block ends normally the file is
    flushed to disk (fsync) and renamed over ``path`` (``os.replace``, atomic);
    when it raises (including ``KeyboardInterrupt``, or a full disk) the temporary
    is removed and ``path`` is left as it was.

    Parameters
    ----------
    path
        The file to create or replace.  Its folder must exist.

    Raises
    ------
    ExportError
        If the folder is missing or not writable, or ``path`` is a folder.

    Examples
    --------
    >>> with atomic_output("map.html") as tmp:  # doctest: +SKIP
    ...     folium_map.save(str(tmp))
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise ExportError(f"{target} is a folder; give a file name")
    if not folder.is_dir():
        raise ExportError(f"{target}: folder {folder} does not exist")
    try:
        workdir = Path(tempfile.mkdtemp(prefix=f".{target.name[:40]}.", suffix=".tmp", dir=folder))
    except OSError as exc:
        raise ExportError(
            f"{target}: cannot write in folder {folder} ({exc.strerror or exc})"
        ) from None
    tmp = workdir / target.name
    try:
        yield tmp
        if not tmp.is_file():
            raise ExportError(f"{target}: nothing was written")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            if target.exists():
                shutil.copymode(target, tmp)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)
        try:
            os.replace(tmp, target)
        except OSError as exc:
            raise ExportError(f"{target}: cannot be replaced ({exc.strerror or exc})") from None
        _fsync_folder(folder)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def layer_name(path: str | PathLike[str]) -> str:
    """The GeoPackage layer name for ``path``: its stem, made a safe SQLite identifier.

    Characters other than letters, digits and ``_`` become ``_``; a name that would
    start with ``gpkg`` (reserved by the GeoPackage standard) or a digit, or be
    empty, is prefixed with ``layer_``.
    """
    stem = re.sub(r"\W", "_", Path(path).stem).strip("_") or "layer"
    if stem.lower().startswith("gpkg") or stem[0].isdigit():
        stem = f"layer_{stem}"
    return stem


def column_renames(columns: Any, *, fmt: str = "gpkg", keep: Any = ()) -> dict[str, str]:
    """Renames that make column names unique ignoring case, as a GeoPackage needs.

    The first column of each case-insensitive name keeps it (schema columns come
    first in an incident table, so they keep theirs); a later one gets ``_2``,
    ``_3``... (the first suffix free in any case).  ``fid`` is reserved by GDAL
    for the feature id and is renamed the same way.  Other formats need no
    renames (an empty dict).

    Parameters
    ----------
    columns
        Column names in order.
    fmt
        The output format (see :data:`FORMATS`).
    keep
        Names that keep theirs whatever their place (the geometry column: a text
        column ``Geometry`` before it is the one renamed).

    Returns
    -------
    dict
        Old name -> new name, only for the columns renamed.
    """
    if fmt != "gpkg":
        return {}
    names = [str(c) for c in columns]
    first = [str(k) for k in keep if str(k) in names]
    seen = {"fid"}
    renames: dict[str, str] = {}
    for name in [*first, *(n for n in names if n not in first)]:
        if name.lower() not in seen:
            seen.add(name.lower())
            continue
        n = 2
        while f"{name}_{n}".lower() in seen or f"{name}_{n}" in names:
            n += 1
        renames[name] = f"{name}_{n}"
        seen.add(renames[name].lower())
    return renames


def escape_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cannot run as a spreadsheet formula.

    A text cell (and a column name) that starts with ``=``, ``+``, ``-``, ``@``,
    tab or CR - after any ``'`` already there - and is not a plain number gets one
    more leading ``'`` (OWASP's CSV-injection rule).  Numbers and numeric columns
    are unchanged.  The loader removes exactly one such ``'``, so the escape is
    undone on reading and values round-trip.
    """
    out = frame.copy()
    for c in out.columns:
        s = out[c]
        if pd.api.types.is_numeric_dtype(s.dtype) or pd.api.types.is_datetime64_any_dtype(s.dtype):
            continue
        if isinstance(s.dtype, pd.CategoricalDtype):
            s = s.astype(object)
        out[c] = s.map(escape_cell, na_action="ignore")
    out.columns = [escape_cell(str(c)) for c in out.columns]
    return out


def escape_cell(value: Any) -> Any:
    """``value`` prefixed with ``'`` when a spreadsheet would run it as a formula."""
    if isinstance(value, str) and _FORMULA.match(value) and not _NUMBER.match(value):
        return "'" + value
    return value


def to_geojson_dict(gdf: pd.DataFrame) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection of ``gdf`` as a plain, JSON-serialisable dict."""
    gdf = _as_4326(gdf)
    props = gdf.drop(columns=[gdf.geometry.name]) if _has_geometry(gdf) else gdf
    columns = {str(c): _json_values(_coordinate_rounded(props[c])) for c in props.columns}
    geoms = _geometries(gdf)
    names = list(columns)
    values = list(zip(*columns.values(), strict=True)) if names else [()] * len(gdf)
    features = [
        {"type": "Feature", "properties": dict(zip(names, row, strict=True)), "geometry": g}
        for row, g in zip(values, geoms, strict=True)
    ]
    return {"type": "FeatureCollection", "features": features}


# ----------------------------------------------------------------------- helpers
def _coordinate_rounded(s: pd.Series) -> pd.Series:
    """``latitude``/``longitude`` to the geometry's 6 decimals (the geocoder's float32
    points would otherwise print 15 digits that disagree with the coordinates member)."""
    if s.name in ("latitude", "longitude") and pd.api.types.is_float_dtype(s.dtype):
        return s.astype("float64").round(_DECIMALS)
    return s


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
    if isinstance(v, np.ndarray):
        v = v.tolist()
    if isinstance(v, dict | list | tuple | set):
        return json.dumps(list(v) if isinstance(v, set) else v, ensure_ascii=False, default=str)
    return str(v)


_CONTAINERS = (dict, list, tuple, set, np.ndarray)


def _is_missing(v: Any) -> bool:
    """True for a missing scalar (None, NaN, NA, NaT); containers are values, never missing."""
    if v is None:
        return True
    if isinstance(v, dict | list | tuple | set | np.ndarray):
        return False
    return bool(pd.isna(v))


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
                [None if _is_missing(v) else str(_scalar(v)) for v in out[c]], dtype="string"
            )
    return out


def _csv_frame(gdf: pd.DataFrame) -> pd.DataFrame:
    out = _csv_geometry(gdf) if _has_geometry(gdf) else pd.DataFrame(gdf).copy()
    for c in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[c].dtype):
            out[c] = pd.array(_json_values(out[c]), dtype="string")
        elif out[c].dtype == object:  # list/dict cells as JSON text, as in GPKG and Parquet
            out[c] = [_scalar(v) if isinstance(v, _CONTAINERS) else v for v in out[c]]
    return out


def _csv_geometry(gdf: pd.DataFrame) -> pd.DataFrame:
    geoms = _rounded(gdf.geometry.values)
    present = ~shapely.is_missing(geoms)
    types = shapely.get_type_id(geoms[present]) if present.any() else np.array([0])
    out = pd.DataFrame(gdf.drop(columns=[gdf.geometry.name]))
    if (types == 0).all():
        empty = ~present | shapely.is_empty(geoms)
        points = geoms.copy()
        points[empty] = None
        lon = np.where(empty, np.nan, shapely.get_x(points))
        lat = np.where(empty, np.nan, shapely.get_y(points))
        out["longitude"] = np.round(lon.astype(float), _DECIMALS)
        out["latitude"] = np.round(lat.astype(float), _DECIMALS)
    else:
        out["geometry"] = shapely.to_wkt(geoms, rounding_precision=_DECIMALS, trim=True)
    return out
