"""Which aggregation unit each incident belongs to, by :func:`incidents.aggregate`'s own rule.

The map counts incidents client-side (its filters change what is counted), so
it needs, per incident, the unit :func:`~incidents.aggregate` would count it in:
:func:`incidents.aggregate.assign_units` gives it (``"unassigned"`` when the
precision rule refuses one, missing for a row without a point, which gets
:data:`UNLOCATED`).

The unit list is ``aggregate(frame)`` without a period: the layer's template
units (empty ones included) in aggregate's order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from incidents.aggregate import UNASSIGNED, aggregate
from incidents.aggregate import assign_units as unit_of_rows
from incidents.schema import POSITION

__all__ = ["UNASSIGNED_CODE", "UNLOCATED", "UnitAssignment", "assign_units"]

#: Code of an incident too coarse for the level (aggregate's ``unassigned`` row).
UNASSIGNED_CODE = -1
#: Code of an incident without a point (aggregate counts it nowhere).
UNLOCATED = -2


@dataclass(frozen=True)
class UnitAssignment:
    """Units of one aggregation level and the unit of every incident.

    Attributes
    ----------
    units
        ``aggregate(frame, by=...)`` without its unassigned row: one row per unit.
    codes
        Per input row (in order): position in ``units``, :data:`UNASSIGNED_CODE`
        or :data:`UNLOCATED`.
    options
        The options passed to ``aggregate`` (``km``, ``resolution``, ...).
    """

    by: str
    units: gpd.GeoDataFrame
    codes: np.ndarray
    options: dict[str, Any]


def _positioned(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with absent POSITION columns added as all-missing (their rows go unassigned)."""
    missing = [c for c in POSITION if c not in frame]
    if not missing:
        return frame
    out = frame.copy()
    for c in missing:
        out[c] = pd.Series(None, index=out.index, dtype=object).astype(POSITION[c])
    return out


def assign_units(frame: pd.DataFrame, *, by: str, **options: Any) -> UnitAssignment:
    """The unit of every row of ``frame`` at level ``by``, as ``aggregate`` counts it.

    Parameters
    ----------
    frame
        A positioned incident table; absent positioning columns count as missing.
    by
        An :data:`incidents.AGGREGATIONS` level.
    **options
        Passed to :func:`incidents.aggregate` (``km``, ``resolution``, ``bands``).

    Returns
    -------
    UnitAssignment
    """
    table = _positioned(frame.reset_index(drop=True))
    full = aggregate(table, by=by, **options)
    units = full[full["unit"] != UNASSIGNED].reset_index(drop=True)
    index = pd.Index(units["unit"].astype("string"))
    unit = unit_of_rows(table, by=by, **options)
    located = unit.notna().to_numpy()
    labels = unit.astype("string").fillna(UNASSIGNED).to_numpy(dtype=object)
    hit = index.get_indexer(labels)
    unassigned = labels == UNASSIGNED
    if ((hit < 0) & ~unassigned & located).any():
        raise AssertionError("aggregate gave a unit absent from its own unit list")
    codes = np.where(unassigned, UNASSIGNED_CODE, hit).astype(np.int64)
    codes[~located] = UNLOCATED
    return UnitAssignment(by=by, units=units, codes=codes, options=dict(options))
