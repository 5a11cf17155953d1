"""Which aggregation unit each incident belongs to, by :func:`incidents.aggregate`'s own rule.

The map counts incidents client-side (its filters change what is counted), so
it needs, per incident, the unit :func:`~incidents.aggregate` would count it in.
:func:`incidents.aggregate.unit_codes` gives it for every level the map draws in
one pass over the table, through the code path :func:`~incidents.aggregate`
itself counts with: the unit list is ``aggregate(frame)`` without a period (the
layer's template units, empty ones included, in aggregate's order) and each
row's code is its position in that list, :data:`UNASSIGNED_CODE` when the
precision rule refuses a unit, :data:`UNLOCATED` for a row without a point.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from incidents.aggregate import UNASSIGNED_CODE, unit_codes
from incidents.aggregate import UNLOCATED_CODE as UNLOCATED
from incidents.schema import POSITION

__all__ = ["UNASSIGNED_CODE", "UNLOCATED", "UnitAssignment", "assign_levels", "assign_units"]


@dataclass(frozen=True)
class UnitAssignment:
    """Units of one aggregation level and the unit of every incident.

    Attributes
    ----------
    units
        The units of ``aggregate(frame, by=...)`` without its unassigned row, in
        its order: unit columns and geometry (no measures; no geometry when
        assigned with ``geometry=False``).
    codes
        Per input row (in order): position in ``units``, :data:`UNASSIGNED_CODE`
        or :data:`UNLOCATED`.
    options
        The level's checked options, as ``aggregate(...).attrs`` records them.
    """

    by: str
    units: pd.DataFrame
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


def assign_levels(
    frame: pd.DataFrame, levels: Mapping[str, Mapping[str, Any]], *, geometry: bool = True
) -> dict[str, UnitAssignment]:
    """The unit of every row of ``frame`` at each level, as ``aggregate`` counts it.

    Parameters
    ----------
    frame
        A positioned incident table; absent positioning columns count as missing.
    levels
        :data:`incidents.AGGREGATIONS` level -> options passed to
        :func:`incidents.aggregate` (``km``, ``resolution``, ``bands``).
    geometry
        ``False``: the units carry no geometry (a plain DataFrame; no polygons read).

    Returns
    -------
    dict
        Level -> :class:`UnitAssignment`, in the order of ``levels``.
    """
    table = _positioned(frame.reset_index(drop=True))
    found = unit_codes(table, levels, geometry=geometry)
    return {
        by: UnitAssignment(by=by, units=uc.units, codes=uc.codes, options=dict(uc.options))
        for by, uc in found.items()
    }


def assign_units(frame: pd.DataFrame, *, by: str, **options: Any) -> UnitAssignment:
    """The unit of every row of ``frame`` at level ``by`` (see :func:`assign_levels`).

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
    return assign_levels(frame, {by: options})[by]
