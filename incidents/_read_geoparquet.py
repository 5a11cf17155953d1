"""A quick reader for the GeoParquet files :func:`incidents.write` makes.

:func:`read_plain_geoparquet` reads a GeoParquet file whose one geometry
column is WKB in EPSG:4326 straight into a
:class:`~incidents._load_cells.RawTable`, with the typed columns as Arrow holds
them (the pandas metadata restores the schema dtypes) and no copy of the table
on the way: about half the time of the general reader
(:func:`incidents._load_read.read_table`), which goes through
:func:`geopandas.read_parquet` and copies the table twice.

It gives up (returns None) on anything else: a missing or unreadable file, a
file that is not Parquet, gzip-compressed or named otherwise, no GeoParquet
metadata, several geometry columns, another encoding or CRS, geometries that
are not valid WKB.  The general reader then reads the file, or says what is
wrong with it, as before.  What it returns equals what the general reader
returns for the same file (a test compares them).
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely

from incidents._load_cells import RawTable

__all__ = ["read_plain_geoparquet"]

_SUFFIXES = (".parquet", ".geoparquet")
_MAGIC = b"PAR1"
#: The CRS ids taken as they are (no transformation): EPSG:4326 as PROJJSON names it.
_WGS84_IDS = ({"authority": "EPSG", "code": 4326},)


def read_plain_geoparquet(path: Path, *, needs: frozenset[str] = frozenset()) -> RawTable | None:
    """The table in ``path`` when it is plain WKB GeoParquet in EPSG:4326, else None.

    Parameters
    ----------
    path
        The input file.
    needs
        Column names the file must hold (else None: the caller reads it
        another way).

    Returns
    -------
    RawTable or None
        ``typed`` (the columns but the geometry, ``RangeIndex``), ``geometry``
        (a GeoSeries in EPSG:4326 on the same index) and ``info``
        (``format``, ``crs``) as :func:`incidents._load_read.read_table` gives
        them; None when the file is not of that kind or cannot be read here.
    """
    if path.suffix.lower() not in _SUFFIXES or not path.is_file():
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if len(data) < 12 or data[:4] != _MAGIC or data[-4:] != _MAGIC:
        return None
    try:
        import pyarrow.parquet as pq

        source = pq.ParquetFile(io.BytesIO(data))
        name = _geometry_column(source.schema_arrow.metadata or {})
        if name is None or not needs <= set(source.schema_arrow.names):
            return None
        table = source.read()
        typed = table.drop_columns([name]).to_pandas(split_blocks=True)
        wkb = table.column(name).to_numpy(zero_copy_only=False)
        geometry = shapely.from_wkb(wkb)
    except Exception:  # pyarrow and GEOS raise several types: the general reader says why
        return None
    typed = typed.reset_index(drop=True)
    typed.columns = [str(c) for c in typed.columns]
    series = gpd.GeoSeries(geometry, index=typed.index, crs="EPSG:4326")
    return RawTable(typed=typed, geometry=series, info={"format": "geoparquet", "crs": "EPSG:4326"})


def _geometry_column(metadata: dict[bytes, bytes]) -> str | None:
    """The one WKB geometry column in EPSG:4326 the GeoParquet metadata names, else None."""
    try:
        geo: Any = json.loads(metadata[b"geo"])
        columns = geo["columns"]
        name = geo["primary_column"]
        (only,) = columns
        spec = columns[name]
    except (KeyError, TypeError, ValueError):  # no or odd metadata, several columns
        return None
    if only != name or not isinstance(spec, dict) or spec.get("encoding") != "WKB":
        return None
    crs = spec.get("crs")  # absent means OGC:CRS84: the general reader handles that
    if not isinstance(crs, dict) or crs.get("id") not in _WGS84_IDS:
        return None
    if pd.api.types.is_list_like(spec.get("edges")) or spec.get("edges", "planar") != "planar":
        return None
    return str(name)
