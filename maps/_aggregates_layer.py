"""The ``aggregates`` layer: a caller's own aggregate GeoDataFrame, drawn as it is.

Its counts were made by the caller (usually :func:`incidents.aggregate`), so the
page cannot recount them for its filters; the legend says so.
"""

from __future__ import annotations

from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from maps._context import geojson
from maps.errors import MapError

__all__ = ["aggregates_payload", "classes"]

_VALUE_COLUMNS = ("count", "n_incidents", "incidents", "n", "fatalities")
_NAME_COLUMNS = ("name", "unit", "admin2", "admin1", "segment_id", "h3", "hex", "band")
_BLUES = ("#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b")


def classes(values: np.ndarray, palette: tuple[str, ...]) -> tuple[list[str], list[dict]]:
    """A colour per value: 0 gets the first colour, positives up to four quantile classes.

    ``frontier_map.js`` (``classify``) applies the same rule to the counts it makes.
    """
    values = np.asarray(values, dtype=np.int64)
    colors = np.full(len(values), palette[0], dtype=object)
    out = [{"label": "0", "color": palette[0]}]
    pos = values[values > 0]
    if len(pos):
        breaks = np.unique(np.ceil(np.quantile(pos, [0.25, 0.5, 0.75, 1.0])).astype(np.int64))
        lo = 1
        for k, hi in enumerate(breaks):
            color = palette[1 + k * (len(palette) - 2) // max(len(breaks) - 1, 1)]
            colors[(values >= lo) & (values <= hi)] = color
            out.append({"label": str(lo) if lo == hi else f"{lo}\u2013{hi}", "color": color})
            lo = hi + 1
    return colors.tolist(), out


def aggregates_payload(aggregates: object) -> dict[str, Any]:
    """JSON-ready choropleth of a caller's aggregate GeoDataFrame."""
    if not isinstance(aggregates, gpd.GeoDataFrame):
        raise MapError(
            f"aggregates must be a GeoDataFrame with a geometry and a count column, "
            f"got {type(aggregates).__name__}"
        )
    if aggregates.crs is None:
        raise MapError("aggregates: the GeoDataFrame has no CRS; set one (EPSG:4326)")
    agg = aggregates.to_crs(4326)
    value = next((c for c in _VALUE_COLUMNS if c in agg), None)
    if value is None:
        numeric = [c for c in agg.select_dtypes("number").columns if c != agg.geometry.name]
        if not numeric:
            raise MapError(
                f"aggregates: no count column; expected one of {list(_VALUE_COLUMNS)} "
                f"or any numeric column, got {list(agg.columns)}"
            )
        value = numeric[0]
    name_col = next((c for c in _NAME_COLUMNS if c in agg), None)
    vals = pd.to_numeric(agg[value], errors="coerce").fillna(0).round().astype(np.int64)
    colors, legend = classes(vals.to_numpy(), _BLUES)
    names = agg[name_col].astype("string") if name_col else agg.index.astype("string")
    geoms = shapely.simplify(agg.geometry.array, 0.005, preserve_topology=True)
    features = [
        {"name": None if pd.isna(nm) else str(nm), "n": int(v), "color": c, "g": geojson(g)}
        for nm, v, c, g in zip(names, vals, colors, geoms, strict=True)
        if g is not None and not shapely.is_empty(g)
    ]
    return {"features": features, "classes": legend, "label": str(value)}
