"""Payloads of the layers that count incidents per unit: frontier, districts, bands, ...

No counting happens here: each layer ships its units (name and geometry) and,
per incident, the unit :func:`incidents.aggregate` counts it in
(:func:`maps._units.assign_units`); the page counts the incidents its filters
keep, so every count it shows is an ``aggregate()`` count for that filter.
Incidents too coarse for a unit carry code -1 and are shown as "not assigned".
"""

from __future__ import annotations

import functools
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from maps._context import geojson
from maps._layers import LEVELS, SEGMENT_KM
from maps._units import UnitAssignment, assign_levels

__all__ = ["OPTIONS", "describe_units", "segment_lines", "unit_layer", "unit_layers"]

#: Options of the levels that take some (the frontier layer's segment length).
OPTIONS: dict[str, dict[str, Any]] = {"segment": {"km": SEGMENT_KM}}

_SIMPLIFY = {"admin2": 0.01, "admin1": 0.01, "band": 0.01, "hex": 0.0}
_NOUN = {
    "segment": "frontier segment",
    "admin2": "district",
    "admin1": "province",
    "band": "distance band",
    "hex": "hexagon",
}


def _text(value: object) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


@functools.cache
def segment_lines(km: float) -> tuple[dict[str, Any], ...]:
    """The frontier's pieces ``km`` long as simplified lat/lon lines (``km0``, ``km1``, ``c``)."""
    from geo import Frontier

    gdf = Frontier.default().segments(km=km)
    out = []
    for row in gdf.itertuples():
        coords = np.asarray(shapely.get_coordinates(shapely.simplify(row.geometry, 0.002)))
        out.append(
            {
                "km0": round(float(row.km_start), 1),
                "km1": round(float(row.km_end), 1),
                "c": np.round(coords[:, ::-1], 5).tolist(),
            }
        )
    return tuple(out)


def describe_units(units: pd.DataFrame, by: str) -> list[dict[str, Any]]:
    """Name, sub-title and geometry of each unit (``unit_codes`` units), as the page shows them."""
    out: list[dict[str, Any]] = []
    tol = _SIMPLIFY.get(by, 0.01)
    geoms = units.geometry.array
    if tol:
        geoms = shapely.simplify(geoms, tol, preserve_topology=True)
    for k, r in enumerate(units.itertuples()):
        if by == "segment":
            out.append({"seg": int(r.segment_id), "side": _text(r.side)})
            continue
        g = geoms[k]
        item: dict[str, Any] = {"g": None if g is None or g.is_empty else geojson(g)}
        if by in ("admin1", "admin2"):
            item["name"] = _text(r.admin2 if by == "admin2" else r.admin1)
            item["sub"] = ", ".join(
                x for x in (_text(r.admin1) if by == "admin2" else None, _text(r.country)) if x
            )
        elif by == "band":
            item["name"] = f"{_text(r.band)} from the frontier"
            item["sub"] = _text(r.side)
            item["side"] = _text(r.side)
        else:
            item["name"] = _text(r.unit)
        out.append(item)
    return out


def _described(
    mapped: pd.DataFrame, ua: UnitAssignment, options: dict[str, Any]
) -> list[dict[str, Any]]:
    """:func:`describe_units` of ``ua``'s units, taken from the shipped context for fixed units."""
    from maps._static import FIXED_LEVELS, static_context

    by, units = ua.by, ua.units
    if by not in FIXED_LEVELS:
        return describe_units(units, by)
    known = static_context()["units"].get(by, {})
    labels = units["unit"].astype(str).tolist()
    out = [known.get(label) for label in labels]
    missing = [i for i, item in enumerate(out) if item is None]
    if missing:  # units outside the template (side "other"): described here, with shapes
        if not isinstance(units, gpd.GeoDataFrame):
            units = assign_levels(mapped, {by: options})[by].units
        for i, item in zip(missing, describe_units(units.iloc[missing], by), strict=True):
            out[i] = item
    return out


def unit_layers(mapped: pd.DataFrame, names: list[str]) -> dict[str, tuple[dict[str, Any], Any]]:
    """The units of each layer in ``names`` and each mapped incident's unit code.

    One pass over ``mapped`` serves every layer (:func:`maps._units.assign_levels`).

    Parameters
    ----------
    mapped
        The incidents the page draws (located, inside the region).
    names
        Keys of :data:`LEVELS`.

    Returns
    -------
    dict
        Layer name -> ``(layer, codes)``: ``layer`` is JSON-ready (``by``,
        ``noun``, ``units`` and level options); ``codes`` gives, per incident,
        its unit's position in ``units`` or -1 when aggregate leaves it
        unassigned (an int64 array).
    """
    from maps._static import FIXED_LEVELS, static_context

    levels = {LEVELS[name]: OPTIONS.get(LEVELS[name], {}) for name in names}
    # the fixed levels' shapes are in the shipped context: read no polygons for them
    fixed = {by: o for by, o in levels.items() if by in FIXED_LEVELS}
    other = {by: o for by, o in levels.items() if by not in FIXED_LEVELS}
    found = {
        **(assign_levels(mapped, fixed, geometry=False) if fixed else {}),
        **(assign_levels(mapped, other) if other else {}),
    }
    out: dict[str, tuple[dict[str, Any], Any]] = {}
    for name in names:
        by = LEVELS[name]
        ua = found[by]
        units = _described(mapped, ua, levels[by])
        layer: dict[str, Any] = {"by": by, "noun": _NOUN[by], "units": units}
        if by == "segment":
            layer["km"] = SEGMENT_KM
            layer["lines"] = list(static_context()["lines"])
        if by == "band":
            layer["bands"] = [float(b) for b in ua.options.get("bands") or []]
        # mapped incidents are all located: UNLOCATED cannot occur, but never ship it as a unit
        out[name] = (layer, np.where(ua.codes >= 0, ua.codes, -1).astype(np.int64))
    return out


def unit_layer(mapped: pd.DataFrame, name: str) -> tuple[dict[str, Any], list[int]]:
    """The units of layer ``name`` and each mapped incident's unit code (see :func:`unit_layers`).

    Returns
    -------
    (layer, codes)
        As :func:`unit_layers` gives them, ``codes`` as a list.
    """
    layer, codes = unit_layers(mapped, [name])[name]
    return layer, codes.tolist()
