"""``frontier aggregate INPUT --by UNIT [--km 50] [--period month] [--change] -o OUTPUT``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from incidents.aggregate import AGGREGATIONS, aggregate, change
from incidents.errors import IncidentError
from incidents.schema import ACCOUNTING, CORE, GEOCODE, POSITION, coerce
from maps.errors import ExportError
from maps.export import FORMATS, write

__all__ = ["read_positioned", "run"]


def read_positioned(path: Path) -> gpd.GeoDataFrame | None:
    """The table in ``path`` if it already carries the POSITION columns, else None.

    GeoJSON, GeoPackage and GeoParquet are read with geopandas; a CSV needs
    ``latitude``/``longitude`` columns, from which the points are rebuilt.
    """
    suffix = path.suffix.lower()
    if suffix in (".parquet", ".geoparquet"):
        try:
            table: pd.DataFrame = gpd.read_parquet(path)
        except ValueError:  # plain Parquet without geo metadata
            table = pd.read_parquet(path)
    elif suffix in (".geojson", ".json", ".gpkg"):
        try:
            table = gpd.read_file(path, engine="pyogrio")
        except Exception:  # not a vector file GDAL knows: let the loader explain
            return None
    elif suffix == ".csv":
        table = pd.read_csv(path, keep_default_na=False, na_values=[""], low_memory=False)
    else:
        return None
    if not set(POSITION) <= set(table.columns):
        return None
    attrs = dict(table.attrs)
    if isinstance(table, gpd.GeoDataFrame) and table.crs is not None:
        geometry = table.geometry.to_crs(4326).values
        table = pd.DataFrame(table.drop(columns=table.geometry.name))
    else:
        geometry = None
    table = coerce(table, {**CORE, **GEOCODE, **POSITION, **ACCOUNTING})
    if geometry is None:
        lat = table["latitude"].to_numpy(dtype=float)
        lon = table["longitude"].to_numpy(dtype=float)
        ok = np.isfinite(lat) & np.isfinite(lon)
        pts = gpd.points_from_xy(np.where(ok, lon, 0.0), np.where(ok, lat, 0.0))
        geometry = np.where(ok, np.asarray(pts, dtype=object), None)
    out = gpd.GeoDataFrame(table, geometry=gpd.GeoSeries(geometry, index=table.index, crs=4326))
    out.attrs.update(attrs)
    return out


def run(args: argparse.Namespace) -> int:
    path = Path(args.input)
    if not path.is_file():
        raise IncidentError(f"INPUT {path} does not exist or is not a file")
    by = str(args.by).strip().lower()
    if by not in AGGREGATIONS:
        raise IncidentError(f"unknown --by {args.by!r}; valid: {', '.join(AGGREGATIONS)}")
    out = Path(args.output)
    if out.suffix.lower() not in FORMATS:
        raise ExportError(f"-o must end in one of {', '.join(FORMATS)}, got {out.name!r}")
    if args.change and not args.period:
        raise IncidentError("--change compares periods: add --period day|week|month")

    table = read_positioned(path)
    if table is None:
        import incidents

        table = incidents.prepare(path)
    if len(table) == 0:
        raise IncidentError(f"{path} holds no incidents; nothing to aggregate")

    agg = aggregate(table, by=by, km=args.km, resolution=args.resolution, period=args.period)
    result = change(agg) if args.change else agg
    write(result, out)

    a = agg.attrs
    unit = {"segment": f"{a.get('km', args.km):g} km segments", "hex": f"H3 res {args.resolution}"}
    label = unit.get(by, by)
    per = f" per {args.period}" if args.period else ""
    extra = ""
    if args.change:
        ch = result.attrs["change"]
        extra = f", change {ch['before']} -> {ch['after']}"
    print(
        f"frontier aggregate: {a['located']:,} located incidents by {label}{per}{extra}: "
        f"{len(result):,} rows ({a['unassigned']:,} unassigned at this level, "
        f"{a['unlocated']:,} not located) -> {out}",
        file=sys.stdout,
    )
    return 0
