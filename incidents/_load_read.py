"""Read an input file into a table of text cells (and geometries, if any).

:func:`read_table` looks at the bytes first: the real type of a file decides how
it is read, the extension only chooses between text formats.

* A gzip-compressed file is decompressed and its content read (``info["compression"]``).
* An Excel workbook, a Parquet file or a GeoPackage named ``.csv`` (or anything
  else) is read as what it is (``info["content"]`` says so).
* Other binary content (images, PDF, archives, programs, NUL bytes that are not
  UTF-16) is refused with a message naming the real type.
* Text named ``.xlsx``, ``.gpkg`` or ``.parquet`` is refused the same way.

The readers themselves live in :mod:`incidents._load_delimited`,
:mod:`incidents._load_excel` and :mod:`incidents._load_json`; GeoPackage and
Parquet are read here.  Every one returns a :class:`~incidents._load_cells.RawTable`.

Which rows count
    In delimited text and Excel, rows where every cell is blank are not
    records: they are skipped and counted in ``info["blank_rows_skipped"]``.
    JSON, GeoJSON, GeoPackage and Parquet rows are all records.
"""

from __future__ import annotations

import gzip
import io
import warnings
import zlib
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from incidents._load_cells import RawTable, cell_text, text_frame
from incidents._load_delimited import read_delimited
from incidents._load_excel import ALL_SHEETS, pick, read_excel
from incidents._load_json import read_json, to_wgs84
from incidents._sniff import KIND_NAMES, sniff_kind
from incidents.errors import LoadError

__all__ = ["FORMATS", "RawTable", "allowed_extensions", "cell_text", "format_of", "read_table"]

#: File extensions :func:`read_table` understands, by format.
FORMATS: dict[str, tuple[str, ...]] = {
    "delimited": (".csv", ".tsv", ".txt"),
    "excel": (".xlsx", ".xlsm", ".xls"),
    "json": (".geojson", ".json", ".jsonl", ".ndjson"),
    "geopackage": (".gpkg",),
    "parquet": (".parquet", ".geoparquet"),
}
#: The format each binary content kind is read as.
_CONTENT_FORMAT = {"xlsx": "excel", "ole2": "excel", "sqlite": "geopackage", "parquet": "parquet"}
_EXPECTED = {
    "excel": "an Excel workbook",
    "geopackage": "a GeoPackage (an SQLite database)",
    "parquet": "a Parquet file",
    "delimited": "delimited text",
    "json": "JSON",
}
#: Decompressed gzip content larger than this is refused (a "zip bomb").
_MAX_DECOMPRESSED = 4 << 30


def allowed_extensions() -> list[str]:
    """Every extension :func:`read_table` accepts."""
    return [ext for exts in FORMATS.values() for ext in exts]


def format_of(path: Path) -> str:
    """Name the format of ``path`` from its extension (case-insensitive)."""
    suffix = path.suffix.lower()
    if suffix == ".gz":
        suffix = Path(path.stem).suffix.lower() or ".csv"
    for name, exts in FORMATS.items():
        if suffix in exts:
            return name
    raise LoadError(
        f"{path.name}: unknown file extension {path.suffix or '(none)'!r}; "
        f"allowed: {', '.join(allowed_extensions())}"
    )


def read_table(path: Path, *, sheet: str | int | None = None) -> RawTable:
    """Read ``path`` into a :class:`RawTable`.

    Parameters
    ----------
    path
        The input file.
    sheet
        Excel sheet or GeoPackage layer, by name or 0-based position, or
        ``"all"`` for every sheet of a workbook or layer of a GeoPackage; the
        first one when None.  Not allowed for other formats.

    Raises
    ------
    LoadError
        If the file is missing, empty, of an unknown or unsupported type, or
        unreadable.
    """
    if not path.exists():
        raise LoadError(f"{path}: no such file")
    if path.is_dir():
        raise LoadError(f"{path}: is a directory, not a file")
    fmt = format_of(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if not data:
        raise LoadError(f"{path}: file is empty (0 bytes)")
    info: dict[str, Any] = {}
    kind = sniff_kind(data)
    if kind == "gzip":
        data = _gunzip(path, data)
        info["compression"] = "gzip"
        kind = sniff_kind(data)
        if not data:
            raise LoadError(f"{path}: file is empty once decompressed")
    content = _content_format(path, fmt, kind)
    if content != fmt:
        info["content"] = f"{KIND_NAMES[kind or 'binary']} (read as such despite the name)"
    if sheet is not None and content not in ("excel", "geopackage"):
        raise LoadError(
            f"{path.name}: sheet={sheet!r} was given but a {content} file has no sheets or "
            "layers; sheet applies to Excel workbooks and GeoPackages only"
        )
    if content == "delimited" and _looks_like_json(data):
        try:
            table = read_json(path, data, info={**info, "content": "JSON"})
        except LoadError:
            table = read_delimited(path, data, info=info)
    elif content == "delimited":
        table = read_delimited(path, data, info=info)
    elif content == "json":
        table = read_json(path, data, info=info)
    elif content == "excel":
        table = read_excel(path, data, sheet)
        table.info.update(info)
    elif content == "geopackage":
        if "compression" in info or path.suffix.lower() != ".gpkg":
            raise LoadError(
                f"{path.name}: is {KIND_NAMES['sqlite']}"
                + (" (gzip-compressed)" if "compression" in info else "")
                + "; GDAL reads it only as an uncompressed file named .gpkg: rename it"
            )
        table = _read_geopackage(path, sheet, info)
    else:
        table = _read_parquet(path, data, info)
    table.info.setdefault("format", content)
    return table


def _looks_like_json(data: bytes) -> bool:
    """JSON in a file named like delimited text: starts with ``{`` or ``[{``."""
    head = data[:200].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") or (head.startswith(b"[") and head[1:].lstrip().startswith(b"{"))


def _gunzip(path: Path, data: bytes) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(_MAX_DECOMPRESSED + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise LoadError(
            f"{path.name}: is a gzip-compressed file that cannot be decompressed ({exc})"
        ) from None
    if len(out) > _MAX_DECOMPRESSED:
        raise LoadError(f"{path.name}: decompresses to more than 4 GiB; decompress it yourself")
    return out


def _content_format(path: Path, fmt: str, kind: str | None) -> str:
    """The format to read: the extension's for text, the content's for binary files."""
    if kind is None:
        if fmt in ("delimited", "json"):
            return fmt
        raise LoadError(
            f"{path.name}: not {_EXPECTED[fmt]}: the file holds text "
            f"(name it .csv or .geojson if that is what it is)"
        )
    if kind == "zip" and fmt == "excel":
        return "excel"  # a damaged workbook: the Excel reader says what is wrong
    if kind in _CONTENT_FORMAT:
        return _CONTENT_FORMAT[kind]
    name = KIND_NAMES.get(kind, kind)
    hint = {"zip": "; unzip it first", "gzip": "; decompress it first"}.get(kind, "")
    raise LoadError(f"{path.name}: is {name}, not {_EXPECTED[fmt]} or any table format{hint}")


# -- GeoPackage and Parquet -----------------------------------------------------------------


def _geo_table(path: Path, frame: pd.DataFrame, info: dict[str, Any]) -> RawTable:
    """Split a (Geo)DataFrame into typed columns and a WGS84 geometry."""
    geometry = None
    if isinstance(frame, gpd.GeoDataFrame) and frame.geometry.name in frame:
        geometry = to_wgs84(path, frame.geometry, info).reset_index(drop=True)
        frame = pd.DataFrame(frame.drop(columns=frame.geometry.name))
    frame = frame.reset_index(drop=True)
    frame.columns = [str(c) for c in frame.columns]
    return RawTable(typed=frame, geometry=geometry, info=info)


def _read_geopackage(path: Path, sheet: str | int | None, info: dict[str, Any]) -> RawTable:
    import pyogrio

    try:
        with warnings.catch_warnings():  # GDAL's warnings repeat the error below
            warnings.simplefilter("ignore")
            layers = [str(name) for name, _ in pyogrio.list_layers(path)]
            if _all(sheet, layers):
                return _all_layers(path, layers, info)
            layer = pick(path, sheet, layers, what="layer")
            frame = pyogrio.read_dataframe(path, layer=layer, datetime_as_string=True)
            if sheet is None and len(layers) > 1:  # other layers holding data: name them
                unread = [
                    n
                    for n in layers
                    if n != layer and pyogrio.read_info(path, layer=n).get("features", 0)
                ]
                if unread:
                    info = {**info, "sheets_not_read": unread}
    except LoadError:
        raise
    except Exception as exc:  # GDAL errors come in several types
        raise LoadError(
            f"{path.name}: unreadable GeoPackage ({type(exc).__name__}: {exc})"
        ) from None
    return _geo_table(path, frame, {**info, "format": "geopackage", "layer": layer})


def _all(sheet: str | int | None, layers: list[str]) -> bool:
    """``sheet`` asks for every layer (``"all"``, unless a layer has that name)."""
    asked = isinstance(sheet, str) and sheet.strip().lower() == ALL_SHEETS
    return asked and ALL_SHEETS not in layers


def _all_layers(path: Path, layers: list[str], info: dict[str, Any]) -> RawTable:
    """Every layer holding features, one after the other, with a ``sheet`` column naming it.

    Each layer is reprojected to WGS84 on its own (layers may be in different CRSs);
    a layer without geometry gives rows without one.
    """
    import pyogrio

    if not layers:
        raise LoadError(f"{path.name}: holds no layers")
    full = [n for n in layers if pyogrio.read_info(path, layer=n).get("features", 0)]
    chosen = full or layers[:1]
    frames: list[pd.DataFrame] = []
    geometries: list[gpd.GeoSeries] = []
    crs: list[str] = []
    for name in chosen:
        part_info: dict[str, Any] = {}
        part = _geo_table(
            path, pyogrio.read_dataframe(path, layer=name, datetime_as_string=True), part_info
        )
        typed = part.typed
        assert typed is not None
        column, k = "sheet", 1
        while column in typed.columns:  # a layer's own "sheet" column keeps its name
            k += 1
            column = f"sheet_{k}"
        typed.insert(0, column, name)
        frames.append(typed)
        if part.geometry is None:
            geometries.append(gpd.GeoSeries([None] * len(typed), crs="EPSG:4326"))
        else:
            geometries.append(part.geometry)
        if part_info.get("crs") and part_info["crs"] not in crs:
            crs.append(part_info["crs"])
    typed = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    geometry = gpd.GeoSeries(pd.concat(geometries, ignore_index=True), crs="EPSG:4326")
    out = {**info, "format": "geopackage", "layer": ALL_SHEETS, "sheets": chosen}
    if crs:
        out["crs"] = "; ".join(crs)
    return RawTable(typed=typed, geometry=geometry, info=out)


def _read_parquet(path: Path, data: bytes, info: dict[str, Any]) -> RawTable:
    import pyarrow.parquet as pq

    try:
        metadata = pq.read_schema(io.BytesIO(data)).metadata or {}
        if b"geo" in metadata:
            frame = gpd.read_parquet(io.BytesIO(data))
            fmt = "geoparquet"
        else:
            frame = pd.read_parquet(io.BytesIO(data))
            fmt = "parquet"
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, ...
        raise LoadError(
            f"{path.name}: unreadable Parquet file ({type(exc).__name__}: {exc})"
        ) from None
    return _geo_table(path, frame, {**info, "format": fmt})


# kept for callers that build small tables by hand
def frame_of(header: list[object], rows: list[list[object]]) -> pd.DataFrame:
    """A text frame of ``rows`` under ``header`` (see :func:`text_frame`)."""
    return text_frame(header, rows)[0]
