"""The Dask engine: geocode, position and aggregate a partitioned dataset on a cluster.

Install with ``pip install 'frontier-mapper[dask]'``.  The input is a (Geo)Parquet
file or a folder of them (or a CSV, read as one partition); every file is one
partition unless it is larger than ``chunk_rows`` rows, when its row groups are
spread over partitions.  Each partition runs exactly the in-process functions
(:func:`incidents.stream.process_chunk`, :func:`incidents.aggregate`) on a worker;
the frontier and gazetteer indexes are cached per worker process
(:meth:`geo.Frontier.default`, :meth:`incidents.Geocoder.default`), so they are
built once per worker, not once per partition.

* :func:`geocode_dataset` writes a partitioned GeoParquet dataset through
  ``dask-geopandas`` (parts ``part-00000.parquet`` ... in input order);
* :func:`aggregate_dataset` aggregates every partition on the workers and combines
  the partial aggregates on the client with
  :func:`incidents.stream.combine_aggregates` — the same combination the streaming
  engine uses, so the result is identical to ``aggregate(read(path))``.

Without ``scheduler`` a :class:`distributed.LocalCluster` of ``n_workers``
single-threaded worker processes is started for the call and closed after it.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any

import pandas as pd

from incidents.errors import IncidentError
from incidents.stream import DEFAULT_CHUNK_ROWS, _source, combine_aggregates

__all__ = ["aggregate_dataset", "geocode_dataset"]

_INSTALL = "the Dask engine needs dask-geopandas: pip install 'frontier-mapper[dask]'"


@dataclass(frozen=True)
class _Part:
    path: str
    kind: str  # "parquet" | "text"
    row_groups: tuple[int, ...] | None  # None: the whole file
    offset: int  # rows before this part in the whole input


def _require() -> Any:
    try:
        import dask_geopandas  # noqa: F401
        from dask import distributed
    except ImportError:
        raise IncidentError(_INSTALL) from None
    return distributed


def _parts(path: str | PathLike[str], chunk_rows: int) -> list[_Part]:
    src = _source(path)
    if src.kind == "text":
        return [_Part(str(src.paths[0]), "text", None, 0)]
    import pyarrow.parquet as pq

    parts: list[_Part] = []
    offset = 0
    for f in src.paths:
        meta = pq.ParquetFile(f).metadata
        if meta.num_rows <= chunk_rows or meta.num_row_groups <= 1:
            parts.append(_Part(str(f), "parquet", None, offset))
            offset += meta.num_rows
            continue
        group: list[int] = []
        rows = 0
        start = offset
        for i in range(meta.num_row_groups):
            group.append(i)
            rows += meta.row_group(i).num_rows
            if rows >= chunk_rows:
                parts.append(_Part(str(f), "parquet", tuple(group), start))
                start += rows
                offset, group, rows = start, [], 0
        if group:
            parts.append(_Part(str(f), "parquet", tuple(group), start))
            offset = start + rows
    return parts


def _load_part(part: _Part, columns: Mapping[str, str] | None, layout: str) -> pd.DataFrame:
    from incidents.load import load, load_raw

    if part.kind == "text":
        table = load(part.path, columns=columns, layout=layout)
    else:
        import pyarrow.parquet as pq

        from incidents.stream import _geo_meta, raw_from_arrow

        pf = pq.ParquetFile(part.path)
        arrow = pf.read() if part.row_groups is None else pf.read_row_groups(part.row_groups)
        raw = raw_from_arrow(Path(part.path), arrow, _geo_meta(pf))
        table = load_raw(raw, path=Path(part.path), columns=columns, layout=layout)
    table["source_row"] = (table["source_row"] + part.offset).astype("Int64")
    table.index = pd.RangeIndex(part.offset, part.offset + len(table))
    return table


def _geocode_part(part: _Part, columns: Mapping[str, str] | None, layout: str) -> pd.DataFrame:
    from incidents.stream import process_chunk

    return process_chunk(_load_part(part, columns, layout))


def _aggregate_part(part: _Part, by: str, options: dict[str, Any]) -> pd.DataFrame:
    from incidents.aggregate import aggregate
    from incidents.position import is_positioned

    if part.kind == "parquet":
        import pyarrow.parquet as pq

        from incidents.schema import POSITION
        from incidents.stream import _positioned_from_arrow, process_chunk

        pf = pq.ParquetFile(part.path)
        if set(POSITION) <= set(pf.schema_arrow.names):
            arrow = pf.read() if part.row_groups is None else pf.read_row_groups(part.row_groups)
            return aggregate(_positioned_from_arrow(arrow), by=by, **options)
        return aggregate(process_chunk(_load_part(part, None, "auto")), by=by, **options)
    table = _load_part(part, None, "auto")
    if not is_positioned(table):
        from incidents.stream import process_chunk

        table = process_chunk(table)
    return aggregate(table, by=by, **options)


@contextmanager
def _client(scheduler: str | None, n_workers: int) -> Any:
    distributed = _require()
    if scheduler:
        client = distributed.Client(scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    with (
        distributed.LocalCluster(
            n_workers=n_workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def geocode_dataset(
    path: str | PathLike[str],
    output: str | PathLike[str],
    *,
    scheduler: str | None = None,
    n_workers: int = 2,
    chunk_rows: int = DEFAULT_CHUNK_ROWS,
    columns: Mapping[str, str] | None = None,
    layout: str = "auto",
) -> dict[str, Any]:
    """Geocode and position ``path`` on a Dask cluster into a GeoParquet dataset folder.

    Parameters
    ----------
    path
        A (Geo)Parquet file, a folder of them, or a CSV file (one partition).
    output
        A new (or empty) folder: the partitioned GeoParquet dataset.
    scheduler
        Address of a running Dask scheduler; a local cluster when None.
    n_workers
        Worker processes of the local cluster.
    chunk_rows
        Largest partition, in rows (a larger file is split at row groups).
    columns, layout
        As for :func:`incidents.load`; the layout is detected once, on the first
        partition, and used for all.

    Returns
    -------
    dict
        ``rows``, ``partitions`` and counts per ``geocode_method``.
    """
    _require()
    import dask.dataframe as dd
    import dask_geopandas

    out = Path(output)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise IncidentError(f"-o {out}: the dataset folder must be new or empty")
    parts = _parts(path, int(chunk_rows))
    # layout and output schema from the first rows of the first partition
    first = _load_part(parts[0], columns, layout)
    layout = str(first.attrs.get("layout", layout))
    meta = _geocode_part_sample(first)
    with _client(scheduler, n_workers):
        work = functools.partial(_geocode_part, columns=columns, layout=layout)
        ddf = dd.from_map(work, parts, meta=meta, enforce_metadata=False)
        gddf = dask_geopandas.from_dask_dataframe(ddf, geometry="geometry")
        gddf.to_parquet(out, name_function=lambda i: f"part-{i:05d}.parquet", write_index=False)
    done = pd.read_parquet(out, columns=["geocode_method"])
    methods = done["geocode_method"].astype("string").fillna("unresolved").value_counts()
    return {
        "rows": len(done),
        "partitions": len(parts),
        **{str(k): int(v) for k, v in methods.items()},
    }


def _geocode_part_sample(first: pd.DataFrame) -> pd.DataFrame:
    from incidents.stream import process_chunk

    return process_chunk(first.iloc[:0])


def aggregate_dataset(
    path: str | PathLike[str],
    *,
    by: str,
    scheduler: str | None = None,
    n_workers: int = 2,
    chunk_rows: int = DEFAULT_CHUNK_ROWS,
    **options: Any,
) -> pd.DataFrame:
    """Aggregate ``path`` on a Dask cluster (partials on workers, combined on the client).

    ``options`` are those of :func:`incidents.aggregate`.  A raw (not positioned)
    input is geocoded and positioned per partition first.
    """
    parts = _parts(path, int(chunk_rows))
    with _client(scheduler, n_workers) as client:
        futures = client.map(_aggregate_part, parts, by=by, options=options, pure=False)
        partials = client.gather(futures)
    return combine_aggregates(list(partials))
