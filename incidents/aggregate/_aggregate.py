"""``aggregate()``: choose the unit, count, record what was counted where."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import geopandas as gpd
import numpy as np
import pandas as pd

from geo import DISTANCE_BANDS_KM, Frontier
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
from incidents.aggregate._reduce import UNASSIGNED, reduce
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
        data, _ = level.describe(uniq[known])
        labels[known] = data["unit"].to_numpy(dtype=object)
    out = pd.array(labels, dtype="string").take(np.asarray(codes), allow_fill=True)
    out[~located] = pd.NA
    return pd.Series(out, index=gdf.index, name="unit")


def _units(
    gdf: pd.DataFrame,
    by: str,
    km: float,
    resolution: int,
    bands: Sequence[float],
    frontier: Frontier | None,
) -> tuple[Unit, np.ndarray, np.ndarray]:
    """The unit level, the located mask and each row's unit key (-1: unassigned)."""
    if not isinstance(gdf, pd.DataFrame):
        raise IncidentError(f"aggregate needs an incident table, got {type(gdf).__name__}")
    missing = [c for c in POSITION if c not in gdf]
    if missing:
        raise NotPositionedError(
            f"the incident table is not positioned (missing {missing}); run "
            "'frontier geocode INPUT -o OUTPUT' (or incidents.position / incidents.prepare) "
            "first"
        )
    options: dict[str, object] = {}
    if by in ("segment", "band"):
        frontier = frontier or Frontier.default()
    if by == "segment":
        assert frontier is not None
        options["km"] = check_km(km, frontier)
    elif by == "band":
        options["bands"] = check_bands(bands)
    elif by == "hex":
        options["resolution"] = check_resolution(resolution)
    lon, lat = lonlat(gdf)
    located = np.isfinite(lon) & np.isfinite(lat)
    prec = numeric(gdf, "geo_precision", 1.0)
    prec = np.where(np.isnan(prec), 1.0, prec)
    unc = numeric(gdf, "uncertainty_km", np.nan)
    unc = np.where(np.isnan(unc), 0.0, unc)
    rows = Rows(gdf, located, prec, unc, frontier, options)
    level = UNITS[by](rows)
    return level, located, np.where(located, level.key, -1)
