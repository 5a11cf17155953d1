"""Read an input file into a table of text cells (and geometries, if any).

Every reader returns a :class:`RawTable` whose ``frame`` holds each input
column as ``string`` (missing or blank cells are ``<NA>``), so that the loader
decides how to parse values and nothing is lost to a reader's type guessing.
Typed cells (Excel numbers and dates, Parquet and GeoPackage fields, JSON
numbers) are written back as text by :func:`cell_text`: whole floats lose
their ``.0``, datetimes at midnight become ``YYYY-MM-DD``.

Which rows count
    In delimited text and Excel, rows where every cell is blank are not
    records: they are skipped and counted in ``info["blank_rows_skipped"]``.
    JSON, GeoJSON, GeoPackage and Parquet rows are all records.
"""

from __future__ import annotations

import csv
import io
import json
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from incidents._sniff import decode_bytes, sniff_delimiter
from incidents.errors import LoadError

#: File extensions :func:`read_table` understands, by format.
FORMATS: dict[str, tuple[str, ...]] = {
    "delimited": (".csv", ".tsv", ".txt"),
    "excel": (".xlsx", ".xlsm", ".xls"),
    "json": (".geojson", ".json"),
    "geopackage": (".gpkg",),
    "parquet": (".parquet", ".geoparquet"),
}

_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class RawTable:
    """An input table before any parsing.

    Attributes
    ----------
    frame
        One ``string`` column per input column, unique names, ``RangeIndex``.
    geometry
        Geometries in EPSG:4326 on the same index, or None for tables
        without a geometry column.
    extra
        Text of surplus fields on delimited rows longer than the header
        (``<NA>`` elsewhere), or None when no row was too long.
    bad_geometry
        Rows whose geometry could not be read, or None.
    info
        What was read and how: ``format``, ``encoding``, ``delimiter``,
        ``sheet``, ``layer``, ``crs``, ``blank_rows_skipped``.
    """

    frame: pd.DataFrame
    geometry: gpd.GeoSeries | None = None
    extra: pd.Series | None = None
    bad_geometry: pd.Series | None = None
    info: dict[str, Any] = field(default_factory=dict)


def allowed_extensions() -> list[str]:
    """Every extension :func:`read_table` accepts."""
    return [ext for exts in FORMATS.values() for ext in exts]


def format_of(path: Path) -> str:
    """Name the format of ``path`` from its extension (case-insensitive)."""
    suffix = path.suffix.lower()
    for name, exts in FORMATS.items():
        if suffix in exts:
            return name
    raise LoadError(
        f"{path.name}: unknown file extension {path.suffix or '(none)'!r}; "
        f"allowed: {', '.join(allowed_extensions())}"
    )


def read_table(path: Path, *, sheet: str | int | None = None) -> RawTable:
    """Read ``path`` into a :class:`RawTable` (format chosen by extension).

    Parameters
    ----------
    path
        The input file.
    sheet
        Excel sheet or GeoPackage layer, by name or 0-based position; the
        first one when None.  Not allowed for other formats.

    Raises
    ------
    LoadError
        If the file is missing, empty, of an unknown type or unreadable.
    """
    if not path.exists():
        raise LoadError(f"{path}: no such file")
    if path.is_dir():
        raise LoadError(f"{path}: is a directory, not a file")
    fmt = format_of(path)
    if sheet is not None and fmt not in ("excel", "geopackage"):
        raise LoadError(
            f"{path.name}: sheet={sheet!r} was given but a {fmt} file has no sheets or layers; "
            "sheet applies to Excel workbooks and GeoPackages only"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if not data:
        raise LoadError(f"{path}: file is empty (0 bytes)")
    readers = {
        "delimited": lambda: _read_delimited(path, data),
        "excel": lambda: _read_excel(path, data, sheet),
        "json": lambda: _read_json(path, data),
        "geopackage": lambda: _read_geopackage(path, sheet),
        "parquet": lambda: _read_parquet(path),
    }
    table = readers[fmt]()
    table.info.setdefault("format", fmt)
    return table


# -- text of a cell -------------------------------------------------------------------------


def cell_text(value: object) -> str | None:
    """The text of one cell as an incident table keeps it; None when blank or missing."""
    if value is None:
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, bool | np.bool_):
        return "true" if value else "false"
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, ensure_ascii=False, default=str)
    if pd.isna(value):  # type: ignore[call-overload]
        return None
    if isinstance(value, int | np.integer):
        return str(int(value))
    if isinstance(value, float | np.floating):
        number = float(value)
        return str(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number)
    if isinstance(value, datetime):
        if value.tzinfo is None and value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    text = str(value)
    return text if text.strip() else None


def _text_column(values: Iterable[object]) -> pd.Series:
    return pd.Series([cell_text(v) for v in values], dtype="string")


def _unique_headers(names: Sequence[object]) -> list[str]:
    """Headers as unique, stripped strings (``unnamed_3``, ``date_2``...)."""
    out: list[str] = []
    seen: set[str] = set()
    for i, name in enumerate(names, start=1):
        base = cell_text(name)
        base = base.strip() if base else f"unnamed_{i}"
        candidate, n = base, 1
        while candidate in seen:
            n += 1
            candidate = f"{base}_{n}"
        seen.add(candidate)
        out.append(candidate)
    return out


def _frame(header: Sequence[object], rows: Sequence[Sequence[object]]) -> pd.DataFrame:
    columns = {
        name: _text_column(row[i] if i < len(row) else None for row in rows)
        for i, name in enumerate(_unique_headers(header))
    }
    # The explicit index keeps the row count even when there are no columns.
    return pd.DataFrame(columns, index=pd.RangeIndex(len(rows)))


def _is_blank_row(row: Sequence[object]) -> bool:
    return all(cell_text(v) is None for v in row)


# -- delimited text -------------------------------------------------------------------------


def _read_delimited(path: Path, data: bytes) -> RawTable:
    text, encoding = decode_bytes(data)
    prefer = "\t" if path.suffix.lower() == ".tsv" else None
    delimiter = sniff_delimiter(text, prefer=prefer)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise LoadError(f"{path.name}: malformed delimited text ({exc})") from None
    records = [r for r in rows if not _is_blank_row(r)]
    if not records:
        raise LoadError(f"{path.name}: no header row (the file holds only blank lines)")
    header, body = records[0], records[1:]
    width = len(header)
    extra_cells = [delimiter.join(r[width:]) if len(r) > width else None for r in body]
    extra = _text_column(extra_cells)
    info = {
        "encoding": encoding,
        "delimiter": delimiter,
        "blank_rows_skipped": len(rows) - len(records),
    }
    return RawTable(
        frame=_frame(header, body),
        extra=extra if extra.notna().any() else None,
        info=info,
    )


# -- Excel ----------------------------------------------------------------------------------


def _read_excel(path: Path, data: bytes, sheet: str | int | None) -> RawTable:
    if data.startswith(_OLE2_MAGIC):
        return _read_legacy_excel(path, sheet)
    if not data.startswith(_ZIP_MAGIC):
        raise LoadError(f"{path.name}: not an Excel workbook (no .xlsx or .xls signature)")
    import openpyxl

    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles, data validation and other workbook
            # features that do not affect cell values.
            warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                names = list(book.sheetnames)
                sheet_name = _pick(path, sheet, names, what="sheet")
                rows = list(book[sheet_name].iter_rows(values_only=True))
            finally:
                book.close()
    except LoadError:
        raise
    except Exception as exc:  # openpyxl raises many types on damaged workbooks
        raise LoadError(
            f"{path.name}: unreadable Excel workbook ({type(exc).__name__}: {exc})"
        ) from None
    return _sheet_table(path, rows, sheet_name)


def _read_legacy_excel(path: Path, sheet: str | int | None) -> RawTable:
    try:
        import xlrd
    except ImportError:
        raise LoadError(
            f"{path.name}: legacy .xls workbooks need the optional package xlrd "
            "(pip install xlrd), or save the file as .xlsx"
        ) from None
    try:
        book = xlrd.open_workbook(str(path))
        names = book.sheet_names()
        sheet_name = _pick(path, sheet, names, what="sheet")
        ws = book.sheet_by_name(sheet_name)
        rows = [ws.row_values(i) for i in range(ws.nrows)]
    except LoadError:
        raise
    except Exception as exc:
        raise LoadError(
            f"{path.name}: unreadable Excel workbook ({type(exc).__name__}: {exc})"
        ) from None
    return _sheet_table(path, rows, sheet_name)


def _sheet_table(path: Path, rows: list[Sequence[object]], sheet_name: str) -> RawTable:
    records = [r for r in rows if not _is_blank_row(r)]
    if not records:
        raise LoadError(f"{path.name}: sheet {sheet_name!r} is empty (no header row)")
    # Trailing columns without a header and without data are formatting, not data.
    width = max(len(r) for r in records)
    while width and all(cell_text(r[width - 1]) is None for r in records if len(r) >= width):
        width -= 1
    header, body = records[0], records[1:]
    header = (tuple(header) + (None,) * width)[:width]
    info = {"sheet": sheet_name, "blank_rows_skipped": len(rows) - len(records)}
    return RawTable(frame=_frame(header, body), info=info)


def _pick(path: Path, choice: str | int | None, names: Sequence[str], *, what: str) -> str:
    """Resolve a sheet/layer given by name or 0-based position."""
    if not names:
        raise LoadError(f"{path.name}: holds no {what}s")
    if choice is None:
        return names[0]
    if isinstance(choice, int) and not isinstance(choice, bool):
        if -len(names) <= choice < len(names):
            return names[choice]
    elif isinstance(choice, str):
        if choice in names:
            return choice
        folded = {n.casefold(): n for n in names}
        if choice.casefold() in folded:
            return folded[choice.casefold()]
    raise LoadError(
        f"{path.name}: no {what} {choice!r}; available {what}s: "
        f"{', '.join(repr(n) for n in names)} (or a 0-based position below {len(names)})"
    )


# -- JSON and GeoJSON -------------------------------------------------------------------------


def _read_json(path: Path, data: bytes) -> RawTable:
    text, encoding = decode_bytes(data)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(
            f"{path.name}: not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        ) from None
    info: dict[str, Any] = {"encoding": encoding}
    if isinstance(obj, dict) and obj.get("type") == "FeatureCollection":
        features = obj.get("features")
        if not isinstance(features, list):
            raise LoadError(f"{path.name}: GeoJSON FeatureCollection without a 'features' list")
        return _features_table(path, features, crs=_geojson_crs(obj), info=info)
    if isinstance(obj, dict) and obj.get("type") == "Feature":
        return _features_table(path, [obj], crs=_geojson_crs(obj), info=info)
    if isinstance(obj, list) and all(isinstance(r, dict) for r in obj):
        if obj and all(r.get("type") == "Feature" for r in obj):
            return _features_table(path, obj, crs="EPSG:4326", info=info)
        header = list(dict.fromkeys(k for r in obj for k in r))
        rows = [[r.get(k) for k in header] for r in obj]
        return RawTable(frame=_frame(header, rows), info={**info, "format": "json"})
    found = (
        type(obj).__name__ if not isinstance(obj, dict) else f"object of type {obj.get('type')!r}"
    )
    raise LoadError(
        f"{path.name}: JSON holds a {found}; expected a GeoJSON FeatureCollection or Feature, "
        "or a list of records"
    )


def _geojson_crs(obj: dict[str, Any]) -> str:
    """The (pre-RFC 7946) ``crs`` member of a GeoJSON object, else EPSG:4326."""
    crs = obj.get("crs")
    if isinstance(crs, dict):
        name = (crs.get("properties") or {}).get("name")
        if isinstance(name, str) and name:
            return name
    return "EPSG:4326"


def _features_table(path: Path, features: list[Any], *, crs: str, info: dict[str, Any]) -> RawTable:
    from shapely.geometry import shape

    props: list[dict[str, Any]] = []
    geoms: list[object] = []
    bad: list[bool] = []
    for feature in features:
        if not isinstance(feature, dict):
            raise LoadError(
                f"{path.name}: GeoJSON feature list holds a {type(feature).__name__}, "
                "expected Feature objects"
            )
        p = feature.get("properties")
        props.append(p if isinstance(p, dict) else {})
        g = feature.get("geometry")
        try:
            geoms.append(shape(g) if g else None)
            bad.append(False)
        except Exception:  # shapely raises several types on malformed geometry
            geoms.append(None)
            bad.append(True)
    header = list(dict.fromkeys(k for p in props for k in p))
    rows = [[p.get(k) for k in header] for p in props]
    geometry = _to_wgs84(path, gpd.GeoSeries(geoms, crs=crs), info)
    return RawTable(
        frame=_frame(header, rows),
        geometry=geometry,
        bad_geometry=pd.Series(bad, dtype=bool) if any(bad) else None,
        info={**info, "format": "geojson"},
    )


def _to_wgs84(path: Path, geometry: gpd.GeoSeries, info: dict[str, Any]) -> gpd.GeoSeries:
    if geometry.crs is None:
        info["crs"] = "EPSG:4326 (assumed: the file names no CRS)"
        return geometry.set_crs("EPSG:4326")
    info["crs"] = geometry.crs.to_string()
    try:
        return geometry.to_crs("EPSG:4326")
    except Exception as exc:  # pyproj raises several types for unusable CRSs
        raise LoadError(
            f"{path.name}: geometries in {geometry.crs.to_string()!r} cannot be transformed "
            f"to EPSG:4326 ({exc})"
        ) from None


def _geo_table(path: Path, frame: pd.DataFrame, info: dict[str, Any]) -> RawTable:
    """Split a (Geo)DataFrame into text columns and a WGS84 geometry."""
    geometry = None
    if isinstance(frame, gpd.GeoDataFrame) and frame.geometry.name in frame:
        geometry = _to_wgs84(path, frame.geometry, info).reset_index(drop=True)
        frame = pd.DataFrame(frame.drop(columns=frame.geometry.name))
    header = [str(c) for c in frame.columns]
    columns = [frame[c].to_numpy(dtype=object) for c in frame.columns]
    rows = list(zip(*columns, strict=True)) if columns else [()] * len(frame)
    return RawTable(frame=_frame(header, rows), geometry=geometry, info=info)


# -- GeoPackage and Parquet -----------------------------------------------------------------


def _read_geopackage(path: Path, sheet: str | int | None) -> RawTable:
    import pyogrio

    try:
        layers = [str(name) for name, _ in pyogrio.list_layers(path)]
        layer = _pick(path, sheet, layers, what="layer")
        frame = pyogrio.read_dataframe(path, layer=layer, datetime_as_string=True)
    except LoadError:
        raise
    except Exception as exc:  # GDAL errors come in several types
        raise LoadError(
            f"{path.name}: unreadable GeoPackage ({type(exc).__name__}: {exc})"
        ) from None
    return _geo_table(path, frame, {"format": "geopackage", "layer": layer})


def _read_parquet(path: Path) -> RawTable:
    import pyarrow.parquet as pq

    try:
        metadata = pq.read_schema(path).metadata or {}
        if b"geo" in metadata:
            frame = gpd.read_parquet(path)
            fmt = "geoparquet"
        else:
            frame = pd.read_parquet(path)
            fmt = "parquet"
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, ...
        raise LoadError(
            f"{path.name}: unreadable Parquet file ({type(exc).__name__}: {exc})"
        ) from None
    return _geo_table(path, frame, {"format": fmt})
