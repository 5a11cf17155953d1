"""Corridor polygons for a segment aggregate (display geometry)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from geo import Frontier
from incidents.errors import IncidentError


def segment_corridors(
    segments: gpd.GeoDataFrame, *, width_km: float = 50.0, frontier: Frontier | None = None
) -> gpd.GeoDataFrame:
    """A ``segment`` aggregate with each piece's corridor polygon as geometry.

    The corridor of a piece on one side is the piece buffered by ``width_km`` with
    flat ends (in an azimuthal equidistant projection centred on the line), clipped
    to that side's country: for display; counts are not recomputed.
    """
    if "segment_id" not in segments or "side" not in segments:
        raise IncidentError("segment_corridors needs aggregate(..., by='segment') output")
    if not np.isfinite(width_km) or width_km <= 0:
        raise IncidentError(f"width_km must be a positive number of km, got {width_km!r}")
    frontier = frontier or Frontier.default()
    crs = frontier.local_crs
    lines = gpd.GeoSeries(segments.geometry.values, crs=segments.crs or 4326).to_crs(crs)
    countries = frontier.countries.to_crs(crs)
    poly = dict(zip(countries["country"], countries.geometry, strict=True))
    geoms = np.full(len(segments), None, dtype=object)
    side = segments["side"].astype("string").fillna("").to_numpy(dtype=object)
    ok = ~shapely.is_missing(lines.values) & np.isin(side, list(poly))
    for code in poly:
        rows = np.flatnonzero(ok & (side == code))
        if len(rows):
            buf = shapely.buffer(lines.values[rows], width_km * 1000.0, cap_style="flat")
            geoms[rows] = shapely.intersection(buf, poly[code])
    out = segments.copy()
    out = out.set_geometry(gpd.GeoSeries(geoms, index=segments.index, crs=crs).to_crs(4326))
    out.attrs = {**segments.attrs, "corridor_km": float(width_km)}
    return out
