"""The text of input cells and the :class:`RawTable` every reader returns.

Every reader returns a :class:`RawTable` whose ``frame`` holds each input
column as ``string`` (missing or blank cells are ``<NA>``), so that the loader
decides how to parse values and nothing is lost to a reader's type guessing.
Typed cells (Excel numbers and dates, Parquet and GeoPackage fields, JSON
numbers) are written back as text by :func:`cell_text`: whole floats lose
their ``.0``, datetimes at midnight become ``YYYY-MM-DD``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from incidents._sniff import has_escapes, repair_text

__all__ = [
    "RawTable",
    "arrow_cells",
    "blank_cells",
    "cell_text",
    "is_blank_row",
    "string_frame",
    "text_columns",
    "text_frame",
    "unique_headers",
    "without_blanks",
]


class RawTable:
    """An input table before any parsing.

    Attributes
    ----------
    frame
        One ``string`` column per input column, unique names, ``RangeIndex``
        (built on first use from ``typed`` for typed formats).
    typed
        The table as a typed reader returned it (GeoPackage, Parquet), without
        its geometry, or None.
    geometry
        Geometries in EPSG:4326 on the same index, or None for tables
        without a geometry column.
    extra
        Text of surplus fields on delimited rows longer than the header
        (``<NA>`` elsewhere), or None when no row was too long.
    bad_geometry
        Rows whose geometry could not be read, or None.
    flags
        Row flags the reader set (flag -> boolean mask), e.g. ``repaired_text``.
    info
        What was read and how: ``format``, ``encoding``, ``delimiter``,
        ``sheet``, ``layer``, ``crs``, ``blank_rows_skipped``...
    """

    def __init__(
        self,
        frame: pd.DataFrame | None = None,
        *,
        typed: pd.DataFrame | None = None,
        geometry: gpd.GeoSeries | None = None,
        extra: pd.Series | None = None,
        bad_geometry: pd.Series | None = None,
        flags: dict[str, pd.Series] | None = None,
        info: dict[str, Any] | None = None,
    ) -> None:
        if frame is None and typed is None:
            raise TypeError("RawTable needs a frame or a typed frame")
        self._frame = frame
        self.typed = typed
        self.geometry = geometry
        self.extra = extra
        self.bad_geometry = bad_geometry
        self.flags: dict[str, pd.Series] = dict(flags or {})
        self.info: dict[str, Any] = dict(info or {})

    @property
    def frame(self) -> pd.DataFrame:
        if self._frame is None:
            typed = self.typed
            assert typed is not None
            header = [str(c) for c in typed.columns]
            columns = [typed[c].to_numpy(dtype=object) for c in typed.columns]
            rows = list(zip(*columns, strict=True)) if columns else [()] * len(typed)
            frame, repaired = text_frame(header, rows)
            self._frame = frame
            if repaired.any():
                self.flags["repaired_text"] = repaired
        return self._frame

    @property
    def columns(self) -> list[str]:
        """Column names, without building the text frame."""
        if self._frame is None and self.typed is not None:
            return unique_headers(list(self.typed.columns))
        return [str(c) for c in self.frame.columns]

    def __len__(self) -> int:
        source = self._frame if self._frame is not None else self.typed
        assert source is not None
        return len(source)


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
        return _float_text(float(value))
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


def _texts(values: Iterable[object]) -> list[str | None]:
    """:func:`cell_text` of every value; columns of one plain type take a faster path."""
    cells: list[Any] = values if isinstance(values, list) else list(values)
    kinds = set(map(type, cells)) - {type(None)}
    if kinds == {str}:
        return [v if v and not v.isspace() else None for v in cells]
    if kinds == {float}:
        return [None if v is None or v != v else _float_text(v) for v in cells]
    if kinds == {int}:
        return [None if v is None else str(v) for v in cells]
    return [cell_text(v) for v in cells]


def _float_text(number: float) -> str:
    return str(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number)


def unique_headers(names: Sequence[object]) -> list[str]:
    """Headers as unique, stripped strings (``unnamed_3``, ``date_2``...)."""
    out: list[str] = []
    seen: set[str] = set()
    for i, name in enumerate(names, start=1):
        base = cell_text(name)
        base = repair_text(base)[0].strip() if base else f"unnamed_{i}"
        candidate, n = base, 1
        while candidate in seen:
            n += 1
            candidate = f"{base}_{n}"
        seen.add(candidate)
        out.append(candidate)
    return out


def text_frame(
    header: Sequence[object], rows: Sequence[Sequence[object]]
) -> tuple[pd.DataFrame, pd.Series]:
    """A frame of ``string`` columns, and the rows where invalid text was repaired.

    Cells holding undecodable bytes or lone surrogates are repaired with
    :func:`incidents._sniff.repair_text` (text columns cannot hold them) and
    their rows marked.
    """
    n = len(rows)
    repaired = np.zeros(n, dtype=bool)
    columns: dict[str, pd.Series] = {}
    for i, name in enumerate(unique_headers(header)):
        texts = _texts([row[i] if i < len(row) else None for row in rows])
        try:  # Arrow-backed text refuses surrogates: the fast path finds none
            columns[name] = pd.Series(texts, dtype="string")
        except UnicodeError:
            for k, t in enumerate(texts):
                if t is not None and has_escapes(t):
                    texts[k], _ = repair_text(t)
                    repaired[k] = True
            columns[name] = pd.Series(texts, dtype="string")
    # The explicit index keeps the row count even when there are no columns.
    frame = pd.DataFrame(columns, index=pd.RangeIndex(n))
    return frame, pd.Series(repaired, index=frame.index)


def string_frame(
    header: Sequence[object], rows: Sequence[Sequence[str]]
) -> tuple[pd.DataFrame, pd.Series]:
    """:func:`text_frame` for rows of strings (delimited text), built column-wise and fast.

    Short rows are padded with missing cells, long rows cut to the header (their
    surplus is the caller's business); blank cells are missing.
    """
    names = unique_headers(header)
    width = len(names)
    n = len(rows)
    padded = [r if len(r) == width else (list(r) + [""] * width)[:width] for r in rows]
    columns_in = list(zip(*padded, strict=True)) if n else [()] * width
    repaired = np.zeros(n, dtype=bool)
    arrays: list[pa.Array] = []
    for values in columns_in:
        try:
            arrays.append(pa.array(values, type=pa.large_string()))
        except UnicodeError:
            fixed = list(values)
            for k, t in enumerate(fixed):
                if has_escapes(t):
                    fixed[k], _ = repair_text(t)
                    repaired[k] = True
            arrays.append(pa.array(fixed, type=pa.large_string()))
    flat = arrow_cells(arrays)
    frame = text_columns(names, without_blanks(flat), n)
    return frame, pd.Series(repaired, index=frame.index)


def arrow_cells(columns: Sequence[Any]) -> pa.ChunkedArray:
    """Every cell of ``columns`` (text Series or Arrow arrays) as one Arrow text array.

    Column after column (column ``j``'s cells are ``j * n`` to ``(j + 1) * n``), so
    that a check of every cell is one Arrow call rather than one pandas call per
    column: a table 2,000 columns wide costs what one column of the same cells
    costs.  The columns' own buffers are used where they already are Arrow text.
    """
    chunks: list[pa.Array] = []
    for col in columns:
        if not isinstance(col, pa.Array | pa.ChunkedArray):
            values = col.array if isinstance(col, pd.Series) else col
            if isinstance(col, pd.Series) and not pd.api.types.is_string_dtype(col.dtype):
                values = col.astype("string").array
            col = pa.array(values, type=pa.large_string(), from_pandas=True)
        if col.type != pa.large_string():
            col = col.cast(pa.large_string())
        chunks.extend(col.chunks if isinstance(col, pa.ChunkedArray) else [col])
    return pa.chunked_array(chunks, type=pa.large_string())


def blank_cells(flat: pa.ChunkedArray) -> np.ndarray:
    """Where the cells of ``flat`` are missing or hold only whitespace (a bool array)."""
    empty = pc.equal(pc.utf8_trim_whitespace(flat), "")
    return np.asarray(pc.fill_null(empty, True).to_numpy(zero_copy_only=False), dtype=bool)


def without_blanks(flat: pa.ChunkedArray, blank: np.ndarray | None = None) -> pa.ChunkedArray:
    """``flat`` with its blank cells (:func:`blank_cells`) missing."""
    if blank is None:
        blank = blank_cells(flat)
    if not blank.any():
        return flat
    return pc.if_else(pa.array(~blank), flat, pa.scalar(None, pa.large_string()))


def text_columns(
    names: Sequence[str], flat: pa.ChunkedArray, n: int, rows: np.ndarray | None = None
) -> pd.DataFrame:
    """A frame of ``string`` columns cut from ``flat`` (:func:`arrow_cells` order).

    ``rows`` (positions in each column, ascending) keeps only those rows.
    """
    columns: dict[str, pd.api.extensions.ExtensionArray] = {}
    contiguous = rows is None or (len(rows) == 0 or int(rows[-1]) - int(rows[0]) + 1 == len(rows))
    start = 0 if rows is None or len(rows) == 0 else int(rows[0])
    length = n if rows is None else len(rows)
    take = None if contiguous else pa.array(rows)
    for j, name in enumerate(names):
        column = flat.slice(j * n, n)
        column = column.slice(start, length) if take is None else column.take(take)
        columns[name] = pd.arrays.ArrowStringArray(column)
    # arrays, not Series: a Series would be aligned on the index, column by column
    return pd.DataFrame(columns, index=pd.RangeIndex(length), copy=False)


def is_blank_row(row: Sequence[object]) -> bool:
    """True when every cell of ``row`` is blank or missing."""
    return all(cell_text(v) is None for v in row)
