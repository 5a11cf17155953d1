"""``frontier map INPUT -o map.html [--offline] [--layers ...] [--title ...] [--tiles ...]``."""

from __future__ import annotations

import argparse
from pathlib import Path

import geopandas as gpd
import pandas as pd

from incidents.schema import ACCOUNTING, CORE, GEOCODE, POSITION, coerce
from maps._incident_layer import IncidentLayer
from maps.build import DEFAULT_TILES, build_map
from maps.errors import MapError

__all__ = ["run"]

_READERS = {
    ".parquet": "parquet",
    ".geoparquet": "parquet",
    ".geojson": "file",
    ".json": "file",
    ".gpkg": "file",
    ".csv": "csv",
}


def _read_positioned(path: Path) -> pd.DataFrame | None:
    """The table in ``path`` if it already carries the POSITION columns, else None."""
    kind = _READERS.get(path.suffix.lower())
    if kind is None:
        return None
    if kind == "parquet":
        try:
            table: pd.DataFrame = gpd.read_parquet(path)
        except ValueError:  # plain Parquet, no geometry metadata
            table = pd.read_parquet(path)
    elif kind == "file":
        table = gpd.read_file(path)
    else:
        table = pd.read_csv(path, keep_default_na=False, na_values=[""])
    if not set(POSITION) <= set(table.columns):
        return None
    return coerce(table, {**CORE, **GEOCODE, **POSITION, **ACCOUNTING})


def _prepare(path: Path) -> pd.DataFrame:
    from incidents import prepare

    return prepare(str(path))


def run(args: argparse.Namespace) -> int:
    path = Path(args.input)
    if not path.is_file():
        raise MapError(f"INPUT {path} does not exist or is not a file")
    out = Path(args.output)
    if out.suffix.lower() not in (".html", ".htm"):
        raise MapError(f"-o must name an .html file, got {out.name!r}")
    table = _read_positioned(path)
    if table is None:
        table = _prepare(path)
    m = build_map(
        table,
        title=args.title,
        tiles=DEFAULT_TILES if args.tiles is None else args.tiles,
        offline=bool(args.offline),
        layers=args.layers,
    )
    m.save(str(out))
    layer = next(c for c in m._children.values() if isinstance(c, IncidentLayer))
    sm = layer.payload["summary"]
    size = out.stat().st_size / 1e6
    kind = "offline" if args.offline else "online"
    print(
        f"frontier map: {sm['mapped']:,} of {sm['count']:,} incidents mapped "
        f"({sm['unresolved']:,} not located, {sm['excluded']:,} outside the region) "
        f"-> {out} ({size:.1f} MB, {kind})"
    )
    return 0
