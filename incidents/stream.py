"""Files larger than memory: geocode, position and aggregate them chunk by chunk.

The in-memory path (:func:`incidents.prepare`, :func:`incidents.aggregate`) reads a
whole file.  The functions here read a CSV (or TSV) file, a (Geo)Parquet file or a
folder of them in chunks of ``chunk_rows`` rows, run the same steps on each chunk
(:func:`incidents.load.load_raw`, :func:`incidents.geocode`,
:func:`incidents.position`, :func:`incidents.aggregate`) and

* :func:`geocode_file` writes each positioned chunk as one part of a partitioned
  GeoParquet dataset (a folder of ``part-NNNNN.parquet`` files with one schema,
  readable by ``pandas.read_parquet(folder)`` and ``geopandas.read_parquet``), or
  appends it to one ``.csv`` or ``.parquet`` file;
* :func:`aggregate_file` aggregates each chunk and combines the partial aggregates
  exactly (:func:`combine_aggregates`): counts, fatalities and type counts add,
  first/last dates take the min/max, shares are recomputed, so the result equals
  ``aggregate(read(path))`` row for row.

What bounds memory: one chunk of input and its positioned copy (a few hundred bytes
a row, so about 0.5 GB at the default 250,000 rows), the geocoder's and frontier's
indexes (about 0.3 GB, built once per process) and, for aggregation, the partial
aggregates, whose size depends on the number of units and periods, not on rows.
``source_row`` keeps counting across chunks, so every output row names its input
row.  Duplicate ``incident_id`` values are flagged within a chunk; across chunks
:func:`geocode_file` reports how many ids repeat (``duplicate_ids_across_chunks``).
"""

from __future__ import annotations

import csv
import io
import os
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from incidents.errors import IncidentError, LoadError

__all__ = [
    "DEFAULT_CHUNK_ROWS",
    "Progress",
    "aggregate_file",
    "combine_aggregates",
    "geocode_file",
    "iter_tables",
    "process_chunk",
]

#: Rows per chunk: about 0.5 GB of working memory per chunk.
DEFAULT_CHUNK_ROWS = 250_000

#: Additive measures of an aggregate (``type_*`` columns add too).
_SUM = ("incidents", "fatalities", "low_precision")
_MEASURES = (*_SUM, "low_precision_share", "first_date", "last_date")
_TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
_PARQUET_SUFFIXES = (".parquet", ".geoparquet")


# ------------------------------------------------------------------------------- progress
class Progress:
    """Rows done, rows/s and time left, on stderr.

    A progress bar (``tqdm``) on a terminal, a plain line every ``every`` seconds
    otherwise, nothing when ``quiet``.

    Parameters
    ----------
    label
        Printed before the counts (e.g. ``"frontier geocode"``).
    total
        Rows expected, when known (enables the time left).
    quiet
        Print nothing.
    every
        Seconds between plain lines when stderr is not a terminal.
    """

    def __init__(
        self, label: str, *, total: int | None = None, quiet: bool = False, every: float = 10.0
    ) -> None:
        self.label, self.total, self.quiet, self.every = label, total, quiet, every
        self.done = 0
        self._t0 = self._last = time.perf_counter()
        self._bar = None
        if not quiet and sys.stderr.isatty():
            try:
                from tqdm import tqdm

                self._bar = tqdm(total=total, unit=" rows", unit_scale=True, desc=label)
            except ImportError:  # tqdm is optional: fall back to plain lines
                self._bar = None

    def update(self, rows: int) -> None:
        """Count ``rows`` more rows done."""
        self.done += rows
        if self.quiet:
            return
        if self._bar is not None:
            self._bar.update(rows)
            return
        now = time.perf_counter()
        if now - self._last >= self.every:
            self._last = now
            print(self.line(), file=sys.stderr, flush=True)

    def line(self) -> str:
        """The plain progress line: rows, rate and, with a total, time left."""
        elapsed = max(time.perf_counter() - self._t0, 1e-9)
        rate = self.done / elapsed
        text = f"{self.label}: {self.done:,} rows"
        if self.total:
            left = (self.total - self.done) / rate if rate > 0 else float("nan")
            text += f" of {self.total:,} ({self.done / self.total:.0%}), {left:,.0f} s left"
        return text + f", {rate:,.0f} rows/s, {elapsed:,.1f} s"

    def close(self) -> None:
        """End the bar (or print nothing more)."""
        if self._bar is not None:
            self._bar.close()


# -------------------------------------------------------------------------------- reading
@dataclass(frozen=True)
class _Source:
    paths: tuple[Path, ...]
    kind: str  # "text" | "parquet"

    @property
    def name(self) -> str:
        return self.paths[0].parent.name if len(self.paths) > 1 else self.paths[0].name


def _source(path: str | PathLike[str]) -> _Source:
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.iterdir() if f.suffix.lower() in _PARQUET_SUFFIXES)
        if not files:
            raise LoadError(f"{p}: a folder input must hold .parquet files; found none")
        return _Source(tuple(files), "parquet")
    if not p.is_file():
        raise LoadError(f"{p} does not exist or is not a file")
    suffix = p.suffix.lower()
    if suffix in _PARQUET_SUFFIXES:
        return _Source((p,), "parquet")
    if suffix in _TEXT_SUFFIXES:
        return _Source((p,), "text")
    raise LoadError(
        f"{p.name}: chunked reading takes .csv/.tsv/.txt, .parquet or a folder of .parquet "
        "files; read other formats whole (engine 'memory')"
    )


def count_rows(path: str | PathLike[str]) -> int | None:
    """Rows in a Parquet input (from its metadata); None for text (not known up front)."""
    src = _source(path)
    if src.kind != "parquet":
        return None
    import pyarrow.parquet as pq

    return sum(pq.ParquetFile(f).metadata.num_rows for f in src.paths)


def _text_chunks(path: Path, chunk_rows: int) -> Iterator[Any]:
    from incidents._load_cells import is_blank_row
    from incidents._load_header import SEARCH_ROWS
    from incidents._sniff import decode_bytes, sniff_delimiter

    with open(path, "rb") as fh:
        head = fh.read(1 << 20)
    if not head:
        raise LoadError(f"{path}: file is empty (0 bytes)")
    # Decode the head to choose the encoding; a head cut inside a multi-byte
    # character must not push UTF-8 to cp1252, so trim a few bytes first.
    probe = head if len(head) < (1 << 20) else head[:-4]
    text, encoding = decode_bytes(probe)
    errors = "strict"
    if encoding in ("utf-8", "utf-8-sig", "utf-8+cp1252"):
        # UTF-8 with a BOM stripped if there is one; stray single-byte characters
        # are kept as escapes and repaired per cell (flagged ``repaired_text``)
        encoding, errors = "utf-8-sig", "surrogateescape"
    elif encoding in ("cp1252", "latin-1"):
        errors = "replace"
    prefer = "\t" if path.suffix.lower() == ".tsv" else None
    delimiter = sniff_delimiter(text, prefer=prefer)
    csv.field_size_limit(max(csv.field_size_limit(), min(os.path.getsize(path) + 1, 2**31 - 1)))
    with open(path, "rb") as raw_fh:
        stream = io.TextIOWrapper(raw_fh, encoding=encoding, errors=errors, newline="")
        reader = csv.reader(stream, delimiter=delimiter)
        header = None
        yielded = False
        # the first non-blank rows are held until the header is found among them
        # (a title line may sit above it), as the in-memory reader does
        lead: list[list[str]] = []
        body: list[list[str]] = []
        try:
            for row in reader:
                if is_blank_row(row):
                    continue
                if header is None:
                    lead.append(row)
                    if len(lead) < SEARCH_ROWS:
                        continue
                    header, body = _split_lead(lead)
                else:
                    body.append(row)
                while len(body) >= chunk_rows:
                    yield _raw(header, body[:chunk_rows], encoding, delimiter)
                    body, yielded = body[chunk_rows:], True
        except (csv.Error, UnicodeError) as exc:
            msg = f"{path.name}: malformed text near line {reader.line_num} ({exc})"
            raise LoadError(msg) from None
        if header is None and lead:
            header, body = _split_lead(lead)
        if header is None:
            raise LoadError(f"{path.name}: no header row (the file holds only blank lines)")
        if body or not yielded:
            yield _raw(header, body, encoding, delimiter)


def _blank_to_na(values: pd.Series) -> pd.Series:
    """``string`` column with blank and whitespace-only cells as missing."""
    s = values.astype("string")
    return s.mask(s.str.strip() == "")


def _text_series(values: pd.Series) -> pd.Series:
    """One column as the loader's text (:func:`incidents._load_read.cell_text`), vectorized.

    Strings, integers, floats and booleans are converted in bulk; any other kind
    of value (dates, lists, bytes...) goes through ``cell_text`` cell by cell, so
    the result is always what :func:`incidents.load` gives.
    """
    from incidents._load_cells import cell_text

    kind = values.dtype.kind
    if kind == "b":
        return _blank_to_na(values.map({True: "true", False: "false"}))
    if kind in "iu":
        return values.astype("string")
    if kind == "f":
        arr = values.to_numpy(dtype=float)
        whole = np.isfinite(arr) & (arr == np.round(arr)) & (np.abs(arr) < 1e15)
        text = np.array([repr(float(v)) for v in arr], dtype=object)
        text[whole] = arr[whole].astype(np.int64).astype(str)
        text[~np.isfinite(arr)] = None
        text[np.isinf(arr)] = [repr(float(v)) for v in arr[np.isinf(arr)]]
        return pd.Series(text, index=values.index, dtype="string")
    obj = values.to_numpy(dtype=object)
    is_str = np.fromiter((type(v) is str for v in obj), dtype=bool, count=len(obj))
    if is_str.all():
        return _blank_to_na(pd.Series(obj, index=values.index))
    return pd.Series([cell_text(v) for v in obj], index=values.index, dtype="string")


def _text_frame(frame: pd.DataFrame) -> pd.DataFrame:
    from incidents._load_cells import unique_headers

    names = unique_headers(list(frame.columns))
    cols = {
        name: _text_series(frame.iloc[:, i]).reset_index(drop=True) for i, name in enumerate(names)
    }
    return pd.DataFrame(cols, index=pd.RangeIndex(len(frame)))


def _split_lead(lead: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """The header among the first non-blank rows and the records after it."""
    from incidents._load_header import header_row

    top = header_row(lead)
    return lead[top], lead[top + 1 :]


def _raw(header: list, body: list, encoding: str, delim: str) -> Any:
    from incidents._load_cells import RawTable, string_frame
    from incidents._load_delimited import unescape_formulas

    width = len(header)
    extra_cells = [delim.join(r[width:]) if len(r) > width else None for r in body]
    extra = pd.Series(extra_cells, dtype="string")
    frame, repaired = string_frame(header, body)
    frame = unescape_formulas(frame)
    return RawTable(
        frame=frame,
        extra=extra if extra.notna().any() else None,
        flags={"repaired_text": repaired} if repaired.any() else {},
        info={"format": "delimited", "encoding": encoding, "delimiter": delim},
    )


def _geo_meta(pf: Any) -> dict | None:
    meta = pf.schema_arrow.metadata or {}
    if b"geo" not in meta:
        return None
    import json

    return json.loads(meta[b"geo"])


def raw_from_arrow(path: Path, table: Any, geo: dict | None) -> Any:
    """A :class:`~incidents._load_cells.RawTable` of an Arrow table read from ``path``.

    ``geo`` is the file's GeoParquet metadata (None for plain Parquet).  Columns are
    turned into the loader's text in bulk (:func:`_text_series`).
    """
    import geopandas as gpd

    from incidents._load_cells import RawTable
    from incidents._load_read import to_wgs84

    frame = table.to_pandas()
    info: dict[str, Any] = {"format": "geoparquet" if geo else "parquet"}
    geometry = None
    if geo is not None:
        col = geo.get("primary_column", "geometry")
        crs = geo.get("columns", {}).get(col, {}).get("crs", "OGC:CRS84")
        geom = gpd.GeoSeries.from_wkb(frame.pop(col), crs=crs if crs else None)
        geometry = to_wgs84(path, geom, info).reset_index(drop=True)
    return RawTable(frame=_text_frame(frame), geometry=geometry, info=info)


def _parquet_chunks(paths: tuple[Path, ...], chunk_rows: int) -> Iterator[Any]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    for path in paths:
        pf = pq.ParquetFile(path)
        geo = _geo_meta(pf)
        for batch in pf.iter_batches(batch_size=chunk_rows):
            yield raw_from_arrow(path, pa.Table.from_batches([batch]), geo)


def iter_tables(
    path: str | PathLike[str],
    *,
    chunk_rows: int = DEFAULT_CHUNK_ROWS,
    columns: Mapping[str, str] | None = None,
    layout: str = "auto",
) -> Iterator[pd.DataFrame]:
    """Loaded incident tables of ``chunk_rows`` rows each, in file order.

    Each chunk is what :func:`incidents.load` gives for those rows, with
    ``source_row`` counting from the start of the input.  The layout is detected on
    the first chunk and kept for the rest.
    """
    from incidents.load import load_raw

    if int(chunk_rows) < 1:
        raise IncidentError(f"chunk_rows must be at least 1, got {chunk_rows!r}")
    src = _source(path)
    raws = (
        _text_chunks(src.paths[0], int(chunk_rows))
        if src.kind == "text"
        else _parquet_chunks(src.paths, int(chunk_rows))
    )
    offset = 0
    used = layout
    for raw in raws:
        table = load_raw(raw, path=Path(src.name), columns=columns, layout=used)
        used = table.attrs.get("layout", used)
        table["source_row"] = (table["source_row"] + offset).astype("Int64")
        table.index = pd.RangeIndex(offset, offset + len(table))
        offset += len(table)
        yield table


# ------------------------------------------------------------------------------- geocoding
def process_chunk(table: pd.DataFrame) -> pd.DataFrame:
    """Geocode and position one loaded chunk (what :func:`incidents.prepare` does)."""
    from incidents.geocode import geocode
    from incidents.position import position

    return _stable_dtypes(position(geocode(table)))


def _stable_dtypes(frame: pd.DataFrame) -> pd.DataFrame:
    """Object columns as ``string`` so every part of a dataset has the same schema."""
    out = frame.copy()
    for col in out.columns:
        if col != getattr(out, "_geometry_column_name", None) and out[col].dtype == object:
            out[col] = out[col].astype("string")
    return out


class _Sink:
    """Writes positioned chunks to a folder of parts, one CSV or one Parquet file."""

    def __init__(self, output: Path, *, escape: bool = True) -> None:
        self.output = output
        self.escape = escape
        self.kind = (
            "csv"
            if output.suffix.lower() == ".csv"
            else "parquet"
            if output.suffix.lower() in _PARQUET_SUFFIXES
            else "dir"
        )
        self.parts = 0
        #: values of columns that first appeared after the first chunk, by column: the
        #: output's columns are fixed by its first chunk, so these were not written
        self.not_written: dict[str, int] = {}
        self._schema = None
        self._columns: list[str] | None = None
        self._writer: Any = None
        self.tmp = output.with_name(f".{output.name}.partial-{os.getpid()}")
        if self.kind == "dir":
            if output.exists() and (not output.is_dir() or any(output.iterdir())):
                raise IncidentError(
                    f"-o {output}: a dataset folder must be new or empty "
                    "(it is replaced only when the whole run succeeds)"
                )
            self.tmp.mkdir(parents=True)

    def write(self, frame: pd.DataFrame) -> None:
        import geopandas as gpd

        if self._columns is None:
            self._columns = list(frame.columns)
        elif list(frame.columns) != self._columns:
            for col in frame.columns.difference(self._columns):
                n = int(frame[col].notna().sum())
                if n:
                    self.not_written[str(col)] = self.not_written.get(str(col), 0) + n
            frame = frame.reindex(columns=self._columns)
        if self.kind == "dir":
            gpd.GeoDataFrame(frame).to_parquet(self.tmp / f"part-{self.parts:05d}.parquet")
        elif self.kind == "csv":
            from incidents.io import write

            part = self.tmp.with_name(self.tmp.name + ".part.csv")
            write(frame, part, escape=self.escape)
            with open(part, "rb") as src, open(self.tmp, "ab") as dst:
                if self.parts:
                    src.readline()  # header once
                dst.write(src.read())
            part.unlink()
        else:
            from geopandas.io.arrow import _geopandas_to_arrow

            table = _geopandas_to_arrow(gpd.GeoDataFrame(frame), index=False)
            if self._writer is None:
                import pyarrow.parquet as pq

                self._schema = table.schema
                self._writer = pq.ParquetWriter(self.tmp, table.schema)
            self._writer.write_table(table.cast(self._schema))
        self.parts += 1

    def commit(self) -> None:
        if self._writer is not None:
            self._writer.close()
        if self.kind == "dir":
            if self.output.exists():
                self.output.rmdir()
            os.replace(self.tmp, self.output)
        else:
            with open(self.tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(self.tmp, self.output)

    def abort(self) -> None:
        import shutil

        if self._writer is not None:
            self._writer.close()
        if self.tmp.is_dir():
            shutil.rmtree(self.tmp, ignore_errors=True)
        else:
            self.tmp.unlink(missing_ok=True)


def geocode_file(
    path: str | PathLike[str],
    output: str | PathLike[str],
    *,
    chunk_rows: int = DEFAULT_CHUNK_ROWS,
    columns: Mapping[str, str] | None = None,
    layout: str = "auto",
    progress: Progress | None = None,
    escape: bool = True,
) -> dict[str, Any]:
    """Load, geocode and position ``path`` chunk by chunk into ``output``.

    Parameters
    ----------
    path
        A CSV/TSV file, a (Geo)Parquet file or a folder of Parquet files.
    output
        A folder (a partitioned GeoParquet dataset, one part per chunk), a
        ``.parquet`` file or a ``.csv`` file.  Written under a temporary name and
        moved into place only when every chunk succeeded.
    chunk_rows
        Rows per chunk.
    columns, layout
        As for :func:`incidents.load`.
    progress
        Where to report rows done (default: none).
    escape
        Escape spreadsheet formulas in a CSV output (see :func:`incidents.write`).

    Returns
    -------
    dict
        ``rows``, ``chunks``, counts per ``geocode_method``, ``flagged``,
        ``duplicate_ids_across_chunks`` and ``columns_not_written``: column ->
        values of a column that first appeared after the first chunk (the text of
        an over-long row, a non-point's WKT...), which the output, its columns fixed
        by the first chunk, could not hold (the rows themselves, and their flags,
        are written).
    """
    out = Path(output)
    sink = _Sink(out, escape=escape)
    summary: dict[str, Any] = {"rows": 0, "chunks": 0, "flagged": 0}
    ids_seen = _IdCounter()
    try:
        for table in iter_tables(path, chunk_rows=chunk_rows, columns=columns, layout=layout):
            done = process_chunk(table)
            sink.write(done)
            methods = done["geocode_method"].astype("string").fillna("unresolved")
            for method, n in methods.value_counts().items():
                summary[str(method)] = summary.get(str(method), 0) + int(n)
            summary["rows"] += len(done)
            summary["chunks"] += 1
            summary["flagged"] += int((done["review_flags"].fillna("") != "").sum())
            ids_seen.add(done["incident_id"])
            if progress is not None:
                progress.update(len(done))
        sink.commit()
    except BaseException:
        sink.abort()
        ids_seen.close()
        raise
    finally:
        if progress is not None:
            progress.close()
    summary["duplicate_ids_across_chunks"] = ids_seen.repeated()
    summary["columns_not_written"] = dict(sink.not_written)
    return summary


class _IdCounter:
    """Counts ids that occur in more than one chunk, in memory bounded by one bucket.

    Each chunk's distinct ids are hashed (64 bits) and appended to one of
    :attr:`BUCKETS` temporary files by the hash's top bits; at the end each bucket is
    read alone and its repeats counted.  50 M ids take 400 MB on disk and about
    400 MB / ``BUCKETS`` in memory.
    """

    BUCKETS = 64

    def __init__(self) -> None:
        import tempfile

        self._dir = tempfile.TemporaryDirectory(prefix="frontier-ids-")
        self._files = [Path(self._dir.name) / f"{b:02d}.u64" for b in range(self.BUCKETS)]

    def add(self, ids: pd.Series) -> None:
        text = ids.astype("string").dropna().to_numpy(dtype=object)
        h = np.unique(pd.util.hash_array(text).astype(np.uint64))
        bucket = (h >> np.uint64(58)).astype(np.int64)  # top 6 bits: 64 buckets
        order = np.argsort(bucket, kind="stable")
        h, bucket = h[order], bucket[order]
        bounds = np.searchsorted(bucket, np.arange(self.BUCKETS + 1))
        for b in range(self.BUCKETS):
            lo, hi = bounds[b], bounds[b + 1]
            if hi > lo:
                with open(self._files[b], "ab") as fh:
                    fh.write(h[lo:hi].tobytes())

    def close(self) -> None:
        """Remove the temporary files."""
        self._dir.cleanup()

    def repeated(self) -> int:
        """Distinct ids found in more than one chunk; removes the temporary files."""
        total = 0
        try:
            for f in self._files:
                if f.exists():
                    _, counts = np.unique(np.fromfile(f, dtype=np.uint64), return_counts=True)
                    total += int((counts > 1).sum())
        finally:
            self.close()
        return total


# ----------------------------------------------------------------------------- aggregation
def _is_measure(col: str) -> bool:
    return col in _MEASURES or col.startswith("type_")


def combine_aggregates(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Combine aggregates of disjoint chunks into the aggregate of their union.

    Each part is what :func:`incidents.aggregate` returned for one chunk, all with the
    same options.  Units (and periods) are matched on every non-measure column;
    counts, fatalities and ``type_*`` counts add, ``first_date``/``last_date`` take
    the min/max and ``low_precision_share`` is recomputed.  Row order: the units of
    the first part in its order, then units first seen in later parts (hex cells in
    cell order), periods ascending within a unit, ``unassigned`` last — the order
    :func:`incidents.aggregate` gives for the whole table.  ``attrs`` counts add.
    """
    import geopandas as gpd

    if not parts:
        raise IncidentError("combine_aggregates needs at least one partial aggregate")
    first = parts[0]
    geom_name = first.geometry.name if isinstance(first, gpd.GeoDataFrame) else None
    # type columns: union in name order of their event types (as aggregate names them)
    type_map: dict[str, Any] = {}
    for p in parts:
        type_map.update(p.attrs.get("event_types", {}))
    named = sorted((k for k, v in type_map.items() if v is not None), key=lambda c: type_map[c])
    type_cols = named + [k for k, v in type_map.items() if v is None]
    keys = [c for c in first.columns if not _is_measure(c) and c != geom_name]
    frames = []
    for i, p in enumerate(parts):
        f = pd.DataFrame(p.drop(columns=[geom_name] if geom_name else []))
        f["_part"], f["_row"] = i, np.arange(len(f))
        if geom_name:
            f["_geom"] = np.asarray(p.geometry.values, dtype=object)
        frames.append(f)
    allf = pd.concat(frames, ignore_index=True)
    for c in type_cols:
        allf[c] = allf[c].fillna(0).astype(np.int64) if c in allf else 0
    allf["_unit_key"] = pd.Series(pd.factorize(_tuples(allf, keys))[0], index=allf.index)
    agg: dict[str, Any] = {c: "sum" for c in (*_SUM, *type_cols)}
    agg.update({"first_date": "min", "last_date": "max", "_part": "min", "_row": "min"})
    if geom_name:
        agg["_geom"] = "first"
    for c in keys:
        agg[c] = "first"
    g = allf.groupby("_unit_key", sort=False).agg(agg)
    # order: rank of each unit within the first part where it appears, unassigned last
    unit_cols = [c for c in keys if c != "period"]
    unit_id = pd.factorize(_tuples(g, unit_cols))[0]
    g["_unit"] = unit_id
    first_seen = g.groupby("_unit")[["_part", "_row"]].transform("min")
    g["_up"], g["_ur"] = first_seen["_part"], first_seen["_row"]
    g["_unassigned"] = (g["unit"] == "unassigned").to_numpy()
    sort_cols = ["_unassigned"]
    if first.attrs.get("aggregation") == "hex":
        g["_cell"] = [int(u, 16) if u != "unassigned" else 0 for u in g["unit"].astype(str)]
        sort_cols.append("_cell")
    else:
        sort_cols += ["_up", "_ur"]
    if "period" in keys:
        g["_period_na"] = g["period"].isna()
        sort_cols += ["_period_na", "period"]
    g = g.sort_values(sort_cols, kind="stable").reset_index(drop=True)
    n = g["incidents"].to_numpy(dtype=np.int64)
    lp = g["low_precision"].to_numpy(dtype=np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        g["low_precision_share"] = np.where(n > 0, np.round(lp / np.maximum(n, 1), 6), np.nan)
    cols = [c for c in first.columns if c != geom_name and not c.startswith("type_")]
    cols += type_cols
    table = g[cols].copy()
    for c in table.columns:
        if c in first.columns:
            table[c] = table[c].astype(first[c].dtype)
    if geom_name:
        out = gpd.GeoDataFrame(
            table, geometry=gpd.GeoSeries(g["_geom"].to_numpy(), crs=first.crs), crs=first.crs
        )
        out = out.rename_geometry(geom_name) if geom_name != "geometry" else out
    else:
        out = table
    attrs = dict(first.attrs)
    for k in ("rows", "located", "unlocated", "unassigned"):
        if k in attrs:
            attrs[k] = int(sum(p.attrs.get(k, 0) for p in parts))
    attrs["event_types"] = {c: type_map[c] for c in type_cols}
    out.attrs = attrs
    return out


def _tuples(frame: pd.DataFrame, cols: list[str]) -> pd.Series:
    """One hashable key per row over ``cols`` (missing values made comparable)."""
    parts = [frame[c].astype("string").fillna("\x00<NA>") for c in cols]
    if not parts:
        return pd.Series("", index=frame.index)
    key = parts[0]
    for p in parts[1:]:
        key = key + "\x1f" + p
    return key


def aggregate_file(
    path: str | PathLike[str],
    *,
    by: str,
    chunk_rows: int = DEFAULT_CHUNK_ROWS,
    progress: Progress | None = None,
    **options: Any,
) -> pd.DataFrame:
    """Aggregate a positioned dataset chunk by chunk (see :func:`combine_aggregates`).

    ``path`` is a positioned file or dataset folder (e.g. :func:`geocode_file`
    output): a raw one is geocoded and positioned chunk by chunk first.
    ``options`` are those of :func:`incidents.aggregate` (``km``, ``period``, ...).
    """
    from incidents.aggregate import aggregate
    from incidents.position import is_positioned

    parts = []
    try:
        for chunk in _positioned_chunks(path, chunk_rows=chunk_rows):
            if not is_positioned(chunk):
                chunk = process_chunk(chunk)
            parts.append(aggregate(chunk, by=by, **options))
            if progress is not None:
                progress.update(len(chunk))
    finally:
        if progress is not None:
            progress.close()
    return combine_aggregates(parts)


def _positioned_chunks(path: str | PathLike[str], *, chunk_rows: int) -> Iterator[pd.DataFrame]:
    """Chunks of a positioned Parquet dataset as they were written, else loaded chunks."""
    src = _source(path)
    if src.kind == "parquet":
        import pyarrow.parquet as pq

        from incidents.schema import POSITION

        names = set(pq.ParquetFile(src.paths[0]).schema_arrow.names)
        if set(POSITION) <= names:
            from incidents.io import read

            for f in src.paths:
                pf = pq.ParquetFile(f)
                if pf.metadata.num_rows <= chunk_rows:
                    yield read(f)
                    continue
                for i in range(pf.num_row_groups):
                    yield _positioned_from_arrow(pf.read_row_group(i))
            return
    yield from iter_tables(path, chunk_rows=chunk_rows)


def _positioned_from_arrow(table: Any) -> pd.DataFrame:
    import geopandas as gpd

    from incidents.schema import ACCOUNTING, CORE, GEOCODE, POSITION, coerce

    frame = table.to_pandas()
    geom = gpd.GeoSeries.from_wkb(frame.pop("geometry"), crs=4326)
    frame = coerce(frame, {**CORE, **GEOCODE, **POSITION, **ACCOUNTING})
    return gpd.GeoDataFrame(frame, geometry=geom.values, crs=4326)
