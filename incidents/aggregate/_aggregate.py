"""``aggregate()``: choose the unit, count, record what was counted where."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from geo import DISTANCE_BANDS_KM, Frontier
from geo.points import in_region
from incidents.aggregate._admin import Admin
from incidents.aggregate._band import Bands
from incidents.aggregate._checks import (
    AGGREGATIONS,
    check_bands,
    check_km,
    check_options,
    check_resolution,
)
from incidents.aggregate._hex import Hexes
from incidents.aggregate._reduce import UNASSIGNED, reduce, unit_positions
from incidents.aggregate._segment import Segments
from incidents.aggregate._unit import Rows, Unit, lonlat, numeric
from incidents.errors import IncidentError, NotPositionedError
from incidents.schema import POSITION

#: The unit of each aggregation, built from the rows and the checked options.
UNITS: dict[str, Callable[[Rows], Unit]] = {
    "segment": lambda r: Segments(r, r.options["km"]),
    "admin1": lambda r: Admin(r, "admin1"),
    "admin2": lambda r: Admin(r, "admin2"),
    "hex": lambda r: Hexes(r, r.options["resolution"]),
    "band": lambda r: Bands(r, r.options["bands"]),
}
assert tuple(UNITS) == AGGREGATIONS


def aggregate(
    gdf: pd.DataFrame,
    *,
    by: str,
    km: float = 50.0,
    resolution: int = 6,
    bands: Sequence[float] = DISTANCE_BANDS_KM,
    period: str | None = None,
    frontier: Frontier | None = None,
) -> gpd.GeoDataFrame:
    """Count positioned incidents per unit (see :mod:`incidents.aggregate` for the rules).

    Parameters
    ----------
    gdf
        A positioned incident table (:func:`incidents.position`); not modified.
    by
        One of :data:`AGGREGATIONS`.
    km
        Segment length for ``by="segment"``.
    resolution
        H3 resolution (0-15) for ``by="hex"``.
    bands
        Outer distances (km) of the bands for ``by="band"`` (default
        :data:`geo.DISTANCE_BANDS_KM`); a last open band beyond the largest is added.
    period
        ``None``, ``"day"``, ``"week"`` or ``"month"``.
    frontier
        Defaults to :meth:`geo.Frontier.default`; used by ``segment`` and ``band``.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per unit (and period), ``unit`` first, an ``unassigned`` row with
        null geometry, the measures, and the unit's geometry; counts in ``attrs``.
    """
    by, period = check_options(by, period)
    level, located, key = _units(gdf, by, km, resolution, bands, frontier)
    n = len(gdf)

    out = reduce(gdf, located, key, level, period)
    out.attrs = {
        "aggregation": by,
        **level.options,
        "period": period,
        "rows": int(n),
        "located": int(located.sum()),
        "unlocated": int(n - located.sum()),
        "unassigned": int((located & (key < 0)).sum()),
        "event_types": out.attrs.get("event_types", {}),
    }
    return out


def assign_units(
    gdf: pd.DataFrame,
    *,
    by: str,
    km: float = 50.0,
    resolution: int = 6,
    bands: Sequence[float] = DISTANCE_BANDS_KM,
    frontier: Frontier | None = None,
) -> pd.Series:
    """The unit :func:`aggregate` counts each row in, row by row.

    Same options and rules as :func:`aggregate`.  Returns a string Series on the
    input's index: the ``unit`` label of the row's unit, ``"unassigned"`` for a
    located row too coarse for the level, and <NA> for a row without a point
    (counted nowhere).  ``assign_units(t, by=b).value_counts()`` therefore equals
    the non-zero ``incidents`` of ``aggregate(t, by=b)`` unit by unit.
    """
    by, _ = check_options(by, None)
    level, located, key = _units(gdf, by, km, resolution, bands, frontier)
    codes, uniq = pd.factorize(key)
    uniq = np.asarray(uniq, dtype=np.int64)
    labels = np.full(len(uniq), UNASSIGNED, dtype=object)
    known = np.flatnonzero(uniq >= 0)
    if len(known):
        data = level.describe(uniq[known])
        labels[known] = data["unit"].to_numpy(dtype=object)
    out = pd.array(labels, dtype="string").take(np.asarray(codes), allow_fill=True)
    out[~located] = pd.NA
    return pd.Series(out, index=gdf.index, name="unit")


#: Levels whose units exist only in the frontier's region (:data:`geo.REGION`).
_REGIONAL = frozenset({"segment", "band", "hex"})

#: Code of a located row too coarse for the level (aggregate's ``unassigned`` row).
UNASSIGNED_CODE = -1
#: Code of a row without a point (counted nowhere).
UNLOCATED_CODE = -2


@dataclass(frozen=True)
class UnitCodes:
    """The units of one level, as :func:`aggregate` lists them, and every row's unit.

    Attributes
    ----------
    by
        The level.
    options
        The checked options of the level (as in ``aggregate(...).attrs``).
    units
        One row per unit of ``aggregate(table, by=by)`` other than ``unassigned``,
        in its order: the unit columns (``unit`` first) and geometry, no measures
        (a plain DataFrame without geometry when asked with ``geometry=False``).
    codes
        Per input row: position in ``units``, :data:`UNASSIGNED_CODE` or
        :data:`UNLOCATED_CODE`.
    """

    by: str
    options: dict[str, Any]
    units: pd.DataFrame
    codes: np.ndarray


def unit_codes(
    gdf: pd.DataFrame,
    levels: Mapping[str, Mapping[str, Any]],
    *,
    frontier: Frontier | None = None,
    geometry: bool = True,
) -> dict[str, UnitCodes]:
    """Units and per-row unit codes of several levels, reading the table once.

    The same rules and unit order as :func:`aggregate` (both use one code path):
    ``np.bincount`` of the non-negative codes of level ``by`` gives the
    ``incidents`` column of ``aggregate(gdf, by=by, **options)`` (without
    ``period``) for its assigned rows, in order.

    Parameters
    ----------
    gdf
        A positioned incident table (:func:`incidents.position`).
    levels
        Level (one of :data:`AGGREGATIONS`) -> its options (``km``,
        ``resolution``, ``bands``; defaults as in :func:`aggregate`).
    frontier
        Defaults to :meth:`geo.Frontier.default`; used by ``segment`` and ``band``.
    geometry
        Give the units their geometry (a GeoDataFrame); ``False`` gives a plain
        DataFrame of the unit columns and reads no polygons (quicker when only
        the names and codes are needed).

    Returns
    -------
    dict
        Level -> :class:`UnitCodes`, in the order of ``levels``.
    """
    checked = {check_options(by, None)[0]: dict(opts) for by, opts in levels.items()}
    for by, opts in checked.items():
        unknown = set(opts) - {"km", "resolution", "bands"}
        if unknown:
            raise IncidentError(
                f"unit_codes: unknown option(s) {sorted(unknown)} for {by!r}; "
                "allowed: km, resolution, bands"
            )
    base = _base_rows(gdf, frontier)
    out: dict[str, UnitCodes] = {}
    for by, opts in checked.items():
        level, located, key = _level(
            base,
            by,
            opts.get("km", 50.0),
            opts.get("resolution", 6),
            opts.get("bands", DISTANCE_BANDS_KM),
        )
        all_keys, pos = unit_positions(np.asarray(level.template, dtype=np.int64), key)
        codes = np.where(key >= 0, pos, UNASSIGNED_CODE).astype(np.int64)
        codes[~located] = UNLOCATED_CODE
        data = level.describe(all_keys).reset_index(drop=True)
        for c in data.columns:
            if data[c].dtype == np.int64:
                data[c] = data[c].astype("Int64")
        data["unit"] = data["unit"].astype("string")
        units = data
        if geometry:
            geoms = np.asarray(level.geometry(all_keys), dtype=object)
            units = gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(geoms, crs=4326), crs=4326)
        out[by] = UnitCodes(by=by, options=dict(level.options), units=units, codes=codes)
    return out


def _units(
    gdf: pd.DataFrame,
    by: str,
    km: float,
    resolution: int,
    bands: Sequence[float],
    frontier: Frontier | None,
) -> tuple[Unit, np.ndarray, np.ndarray]:
    """The unit level, the located mask and each row's unit key (-1: unassigned)."""
    base = _base_rows(gdf, frontier if by in ("segment", "band") else None)
    return _level(base, by, km, resolution, bands)


def _base_rows(gdf: pd.DataFrame, frontier: Frontier | None) -> Rows:
    """What every level reads from the table (checked positioned), options not yet set."""
    if not isinstance(gdf, pd.DataFrame):
        raise IncidentError(f"aggregate needs an incident table, got {type(gdf).__name__}")
    missing = [c for c in POSITION if c not in gdf]
    if missing:
        raise NotPositionedError(
            f"the incident table is not positioned (missing {missing}); run "
            "'frontier geocode INPUT -o OUTPUT' (or incidents.position / incidents.prepare) "
            "first"
        )
    lon, lat = lonlat(gdf)
    located = np.isfinite(lon) & np.isfinite(lat)
    prec = numeric(gdf, "geo_precision", 1.0)
    prec = np.where(np.isnan(prec), 1.0, prec)
    unc = numeric(gdf, "uncertainty_km", np.nan)
    unc = np.where(np.isnan(unc), 0.0, unc)
    return Rows(gdf, located, prec, unc, frontier=frontier, in_region=in_region(lon, lat))


def _level(
    base: Rows, by: str, km: float, resolution: int, bands: Sequence[float]
) -> tuple[Unit, np.ndarray, np.ndarray]:
    """The level ``by`` over ``base``: the unit, the located mask and each row's key."""
    options: dict[str, object] = {}
    frontier = base.frontier
    if by in ("segment", "band"):
        frontier = frontier or Frontier.default()
    if by == "segment":
        assert frontier is not None
        options["km"] = check_km(km, frontier)
    elif by == "band":
        options["bands"] = check_bands(bands)
    elif by == "hex":
        options["resolution"] = check_resolution(resolution)
    rows = replace(base, frontier=frontier, options=options)
    level = UNITS[by](rows)
    key = level.key
    if by in _REGIONAL and base.in_region is not None:
        # a point outside the region (another continent, a sign flip) is no
        # frontier incident: counted, but in no segment, band or hex
        key = np.where(base.in_region, key, -1)
    return level, rows.located, np.where(rows.located, key, -1)
