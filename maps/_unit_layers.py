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

import numpy as np
import pandas as pd
import shapely

from maps._context import geojson
from maps._layers import LEVELS, SEGMENT_KM
from maps._units import assign_units

__all__ = ["unit_layer"]

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
def _segment_lines(km: float) -> tuple[dict[str, Any], ...]:
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


def _describe(units: pd.DataFrame, by: str) -> list[dict[str, Any]]:
    """Name, sub-title and geometry of each unit, as the page shows them."""
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


#: Descriptions of fixed unit lists (every level but hex), made once per process.
_DESCRIBED: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = {}


def _described(units: pd.DataFrame, by: str) -> list[dict[str, Any]]:
    if by == "hex":
        return _describe(units, by)
    key = (by, tuple(units["unit"].astype(str)))
    if key not in _DESCRIBED:
        _DESCRIBED[key] = _describe(units, by)
    return _DESCRIBED[key]


def unit_layer(mapped: pd.DataFrame, name: str) -> tuple[dict[str, Any], list[int]]:
    """The units of layer ``name`` and each mapped incident's unit code.

    Parameters
    ----------
    mapped
        The incidents the page draws (located, inside the region).
    name
        A key of :data:`LEVELS`.

    Returns
    -------
    (layer, codes)
        ``layer`` is JSON-ready (``by``, ``noun``, ``units`` and level options);
        ``codes`` gives, per incident, its unit's position in ``units`` or -1
        when aggregate leaves it unassigned.
    """
    by = LEVELS[name]
    options: dict[str, Any] = {"km": SEGMENT_KM} if by == "segment" else {}
    ua = assign_units(mapped, by=by, **options)
    layer: dict[str, Any] = {"by": by, "noun": _NOUN[by], "units": _described(ua.units, by)}
    if by == "segment":
        layer["km"] = SEGMENT_KM
        layer["lines"] = list(_segment_lines(SEGMENT_KM))
    if by == "band":
        layer["bands"] = [float(b) for b in (ua.units.attrs.get("bands") or [])]
    # mapped incidents are all located: UNLOCATED cannot occur, but never ship it as a unit
    codes = np.where(ua.codes >= 0, ua.codes, -1)
    return layer, codes.astype(np.int64).tolist()
