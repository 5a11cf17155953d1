"""Public input/output of incident tables: :func:`read`, :func:`write`, :func:`atomic_output`.

:func:`read` is the one reader every command uses.  It reads the file once with
the loader's sniffing reader (:mod:`incidents._load_read`: real file type by its
bytes, encoding, delimiter, quotes, sheets, GeoJSON edge cases) and then

* returns a **positioned table** when the file holds the positioning columns
  (:data:`~incidents.schema.POSITION`) - what :func:`write` and ``frontier
  geocode`` produce: every column under its own name, schema columns in their
  schema dtypes, other text columns as ``string``, geometry from the file (or
  from ``latitude``/``longitude``), so ``aggregate(read(p))`` works;
* otherwise loads it as an input table (:func:`incidents.load.load_raw`: layout
  detection, parsing, flags).

``read(write(x))`` equals ``x`` for GeoJSON, GeoPackage, GeoParquet and CSV
(values, dtypes, missing values, dates), within these documented limits:
coordinates are written to 6 decimals (about 0.1 m); CSV cannot tell an empty
string from a missing value (text that is blank reads as missing, as the loader
treats it); columns outside the schema come back as text from CSV and GeoJSON.
Values outside their column's domain - a negative ``fatalities``/``injuries``, a
``side`` other than ``AF``/``PK``/``other`` (a file edited by hand) - are read as
missing, their text kept in a ``src_`` column and the row flagged.
The old column name ``flags`` is read as ``review_flags``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from os import PathLike
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from incidents._load_cells import RawTable
from incidents._load_read import read_table
from incidents._read_geoparquet import read_plain_geoparquet
from incidents._sniff import KIND_NAMES, decode_text, sniff_kind
from incidents._write import (
    FORMATS,
    atomic_output,
    check_columns,
    column_renames,
    escape_formulas,
    layer_name,
    to_geojson_dict,
    write,
)
from incidents.errors import ExportError, LoadError
from incidents.schema import ACCOUNTING, CORE, GEOCODE, LEGACY_COLUMNS, POSITION, add_flag

__all__ = [
    "FORMATS",
    "atomic_output",
    "check_columns",
    "check_output",
    "column_renames",
    "escape_formulas",
    "layer_name",
    "read",
    "read_positioned",
    "text_of",
    "to_geojson_dict",
    "write",
]

_TRUE = {"true", "t", "yes", "y", "1", "1.0"}
_FALSE = {"false", "f", "no", "n", "0", "0.0"}


def read(
    path: str | PathLike[str],
    *,
    sheet: str | int | None = None,
    columns: Mapping[str, str] | None = None,
    layout: str = "auto",
) -> pd.DataFrame:
    """Read an incident table: positioned when the file holds positioning columns.

    Parameters
    ----------
    path
        CSV, GeoJSON, GeoPackage or (Geo)Parquet written by :func:`write`, or any
        input :func:`incidents.load` accepts (also gzip-compressed).
    sheet
        Excel sheet or GeoPackage layer (name, 0-based position, or ``"all"``).
    columns, layout
        As for :func:`incidents.load`; either one forces loading as an input
        table even when the file is positioned.

    Returns
    -------
    A :class:`geopandas.GeoDataFrame` in EPSG:4326 for a positioned table,
    otherwise what :func:`incidents.load` returns.

    Raises
    ------
    LoadError
        If the file is missing or cannot be read as a table.
    """
    p = _as_path(path)
    if sheet is None and columns is None and layout == "auto":
        # what write() makes, read without the general reader's copies
        quick = read_plain_geoparquet(p, needs=frozenset(POSITION))
        if quick is not None:
            return _positioned(quick)
    raw = read_table(p, sheet=sheet)
    names = {LEGACY_COLUMNS.get(c, c) for c in raw.columns}
    if columns is None and layout == "auto" and set(POSITION) <= names:
        return _positioned(raw)
    from incidents.load import load_raw

    return load_raw(raw, path=p, columns=columns, layout=layout)


def read_positioned(path: str | PathLike[str]) -> gpd.GeoDataFrame | None:
    """The table in ``path`` if it carries the positioning columns, else None."""
    table = read(path)
    return table if set(POSITION) <= set(table.columns) else None


def text_of(data: bytes, *, name: str = "input") -> str:
    """Decode free text (a news article) the way the reader decodes tables.

    UTF-8 with or without BOM, UTF-16/UTF-32, UTF-16 without BOM, Windows-1252,
    and UTF-8 with a few Windows-1252 bytes (only those read as Windows-1252).

    Raises
    ------
    LoadError
        If ``data`` is a binary format (named in the message), not text.
    """
    kind = sniff_kind(data)
    if kind is not None:
        raise LoadError(f"{name} is {KIND_NAMES[kind]}, not text")
    return decode_text(data)[0]


def check_output(
    output: str | PathLike[str],
    *inputs: str | PathLike[str],
    force: bool = False,
    option: str = "-o",
) -> Path:
    """Refuse an output path that is one of the inputs (unless ``force``).

    Writing is atomic (:func:`atomic_output`), so even with ``force`` the input is
    replaced only by a complete new file.  ``option`` names the command-line option
    that gave ``output`` in the message (``-o``, ``--report``).

    Raises
    ------
    ExportError
        If ``output`` is the same file as an input (same path, or a link to it),
        or its folder does not exist (checked before any work is done).
    """
    out = Path(output)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        if folder.exists():
            raise ExportError(f"{out}: {folder} is a file, not a folder")
        raise ExportError(f"{out}: folder {folder} does not exist")
    if force:
        return out
    for inp in inputs:
        if _same_file(out, Path(inp)):
            raise ExportError(
                f"{option} {out} is the input file; writing it would replace your data "
                "(choose another name, or add --force)"
            )
    return out


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def _as_path(path: object) -> Path:
    try:
        return Path(os.fspath(path))  # type: ignore[call-overload]
    except TypeError:
        raise LoadError(f"path must be a str or os.PathLike, got {type(path).__name__}") from None


# ----------------------------------------------------------------- positioned tables
def _typed_columns(names: Iterable[str] | None = None) -> dict[str, str]:
    """Schema dtypes, with the derived columns' unless every one of ``names`` is a schema
    column (:mod:`incidents.load`, which holds those, is then not imported)."""
    known = {**CORE, **GEOCODE, **POSITION, **ACCOUNTING}
    if names is not None and all(c in known for c in names):
        return known
    from incidents.load import DERIVED

    return {**known, **DERIVED}


def _positioned(raw: RawTable) -> gpd.GeoDataFrame:
    """A positioned table from a raw one: schema dtypes restored, nothing renamed."""
    source = raw.typed if raw.typed is not None else raw.frame
    source = source.rename(
        columns={k: v for k, v in LEGACY_COLUMNS.items() if v not in source.columns}
    )
    index = pd.RangeIndex(len(source))
    source = source.set_axis(index)
    dtypes = _typed_columns(source.columns)
    out: dict[str, pd.Series] = {}
    kept: dict[str, pd.Series] = {}  # text of values that did not convert, by column
    bad = pd.Series(False, index=index)
    for c in source.columns:
        s = source[c]
        dtype = dtypes.get(c)
        if dtype is None:
            out[c] = _text_or_native(s)
            continue
        if str(s.dtype) == dtype:  # typed formats (Parquet) hold it as the schema says
            out[c] = s
            continue
        value = _restore(s, dtype)
        lost = s.notna() & value.isna()
        if dtype == "string" or not lost.any():
            out[c] = value
            continue
        out[c] = value  # unreadable text is kept next to it and the row flagged
        kept[c] = s.astype("string").where(lost)
        bad |= lost
    for c, text in kept.items():
        out[_free_src(c, out)] = text
    table = pd.DataFrame(out, index=index, copy=False)  # the columns are new or the reader's
    for c, dtype in {**CORE, **GEOCODE, **POSITION, **ACCOUNTING}.items():
        if c not in table:
            table[c] = pd.Series(pd.NA, index=index, dtype=object).pipe(_restore, dtype)
    table, negative, odd_side = _out_of_domain(table)
    flags = table["review_flags"].fillna("").astype("string")
    reader_flags = dict(raw.flags)
    reader_flags["bad_fatalities"] = negative
    bad |= odd_side
    if raw.bad_geometry is not None:
        reader_flags["bad_geometry"] = raw.bad_geometry
    reader_flags["unreadable_value"] = bad
    points, from_coordinates = _geometry(raw, table)
    reader_flags["geometry_from_coordinates"] = from_coordinates
    for flag, mask in reader_flags.items():
        mask = pd.Series(np.asarray(mask, dtype=bool), index=index)
        if not mask.any():  # nothing to add (and splitting every row's flags is slow)
            continue
        already = flags.str.split(";").map(lambda fs, f=flag: f in fs)
        flags = add_flag(flags, mask & ~already.astype(bool), flag)
    table["review_flags"] = flags
    geometry = gpd.GeoSeries(points, index=index, crs=4326)
    if "geometry" in table:
        gdf = gpd.GeoDataFrame(table, geometry=geometry)
    else:  # the same table, without a copy of every column (a tenth of a second at 100,000)
        whole = pd.DataFrame({**table, "geometry": geometry}, index=index, copy=False)
        gdf = gpd.GeoDataFrame(whole, geometry="geometry", copy=False)
    gdf.attrs["load_report"] = {"rows_read": len(gdf), "positioned": True, **raw.info}
    return gdf


def _out_of_domain(table: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    """Values of the right type but outside what the column allows, made missing.

    A positioned file edited by hand (or written by another tool) may hold a
    negative death toll, which every aggregate would subtract, or a ``side`` that
    is not ``AF``/``PK``/``other`` (``Pakistan``).  The value becomes missing and its
    text is kept in ``src_<column>`` (:func:`_free_src`); returns the table, the rows
    whose counts were negative (the caller flags them ``bad_fatalities``) and the
    rows whose side was not a side (flagged ``unreadable_value``).
    """
    from incidents.schema import SIDES

    out = table.copy(deep=False)
    negative = pd.Series(False, index=table.index)
    for c in ("fatalities", "injuries"):
        below = (table[c] < 0).fillna(False).astype(bool)
        if below.any():
            out[_free_src(c, out)] = table[c].astype("string").where(below)
            out[c] = table[c].mask(below)
            negative |= below
    side = table["side"]
    odd = side.notna() & ~side.isin(SIDES).fillna(False).astype(bool)
    if odd.any():
        out[_free_src("side", out)] = side.where(odd)
        out["side"] = side.mask(odd)
    return out, negative, odd.fillna(False).astype(bool)


def _free_src(column: str, taken: object) -> str:
    """``src_<column>``, or ``src_src_<column>``... when a column of that name exists
    (a loaded table keeps its input's text there: it must not be overwritten)."""
    name = f"src_{column}"
    while name in taken:  # type: ignore[operator]
        name = f"src_{name}"
    return name


def _geometry(raw: RawTable, table: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each row's geometry, and the rows whose point was built from ``latitude``/``longitude``
    although the file has a geometry column (a null or empty geometry there: the row's
    location is not lost, and it is flagged ``geometry_from_coordinates``)."""
    lat = table["latitude"].to_numpy(dtype=float, na_value=np.nan)
    lon = table["longitude"].to_numpy(dtype=float, na_value=np.nan)
    ok = np.isfinite(lat) & np.isfinite(lon) & (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
    if raw.geometry is not None:
        out = np.asarray(raw.geometry.values, dtype=object)
        fill = ok & (shapely.is_missing(out) | shapely.is_empty(out))
        if fill.any():
            out = out.copy()
            out[fill] = shapely.points(lon[fill], lat[fill])
        return out, fill
    pts = gpd.points_from_xy(np.where(ok, lon, 0.0), np.where(ok, lat, 0.0))
    out = np.asarray(pts, dtype=object)
    out[~ok] = None
    return out, np.zeros(len(table), dtype=bool)


def _text_or_native(s: pd.Series) -> pd.Series:
    if s.dtype == object or isinstance(s.dtype, pd.StringDtype):
        return s.astype("string")
    return s


def _restore(s: pd.Series, dtype: str) -> pd.Series:
    """``s`` (text or typed) as ``dtype``; what does not convert becomes missing."""
    if dtype.startswith("datetime64"):
        if pd.api.types.is_datetime64_any_dtype(s.dtype):
            ts = s.dt.tz_convert(None) if getattr(s.dt, "tz", None) is not None else s
            return ts.astype(dtype)
        text = s.astype("string")
        parsed = pd.to_datetime(text, errors="coerce", format="ISO8601")
        if getattr(parsed.dt, "tz", None) is not None:
            parsed = parsed.dt.tz_convert(None)
        return parsed.astype(dtype)
    if dtype in ("float64", "Int64"):
        quick = _plain_numbers(s, dtype)
        if quick is not None:
            return quick
        num = pd.to_numeric(s, errors="coerce")
        if dtype == "float64":
            return num.astype("float64")
        whole = num.where(num.isna() | (num == np.round(num)))
        return whole.astype("Int64")
    if dtype == "boolean":
        return _booleans(s)
    return s.astype("string")


def _plain_numbers(s: pd.Series, dtype: str) -> pd.Series | None:
    """Text that is all plain numbers (``12``, ``-3.5``, ``1e-3``), parsed by Arrow; else None.

    Arrow parses a column ten times quicker than ``pd.to_numeric`` and to the
    same values (correctly rounded; integers exactly); text it refuses (blanks,
    spaces, ``1,5``...) is left to ``pd.to_numeric``, which turns what is not a
    number into a missing value.
    """
    if not (isinstance(s.dtype, pd.StringDtype) and s.dtype.storage == "pyarrow"):
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    try:  # (Arrow's integer parser takes hexadecimal: integers are parsed as floats)
        parsed = pc.cast(pa.chunked_array(pa.array(s.array)), pa.float64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    num = parsed.to_numpy(zero_copy_only=False)  # missing -> NaN
    if dtype == "float64":
        return pd.Series(num, index=s.index, dtype="float64")
    known = num[~np.isnan(num)]
    if not (np.abs(known) < 2.0**53).all():  # beyond exact floats (or infinite)
        return None
    whole = np.where(num == np.round(num), num, np.nan)
    return pd.Series(whole, index=s.index).astype("Int64")


def _booleans(s: pd.Series) -> pd.Series:
    if pd.api.types.is_bool_dtype(s.dtype):
        return s.astype("boolean")
    if pd.api.types.is_numeric_dtype(s.dtype):
        num = pd.to_numeric(s, errors="coerce")
        return num.where(num.isin([0, 1])).astype("boolean")
    text = s.astype("string").str.strip().str.lower()
    out = pd.Series(pd.NA, index=s.index, dtype="boolean")
    out[text.isin(_TRUE).to_numpy(dtype=bool)] = True
    out[text.isin(_FALSE).to_numpy(dtype=bool)] = False
    return out
