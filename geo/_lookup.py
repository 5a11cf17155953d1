"""Fast point-in-polygon lookup against a layer of non-overlapping polygons.

A precomputed grid answers for points in cells that lie wholly inside one
polygon (or wholly outside all of them); only points in cells crossed by a
boundary are tested exactly with a :class:`shapely.STRtree`.  The grid is
derived from the very polygons it serves (``geo.data.derive``) and checked
against them by the tests.
"""

from __future__ import annotations

import numpy as np
import shapely

#: Grid codes besides polygon row numbers.
MIXED = -1
NONE = -2


def build_grid(
    polygons: np.ndarray, *, cell_deg: float, bounds: tuple[float, float, float, float]
) -> np.ndarray:
    """Grid of polygon row numbers (or :data:`MIXED` / :data:`NONE`) over ``bounds``.

    A cell crossed by no polygon boundary lies wholly inside one polygon or
    wholly outside all of them, so its centre decides it; cells crossed by a
    boundary (tested against the boundaries cut into single segments) are
    :data:`MIXED`.
    """
    x0, y0, x1, y1 = bounds
    nx = int(np.ceil((x1 - x0) / cell_deg))
    ny = int(np.ceil((y1 - y0) / cell_deg))
    gx, gy = np.meshgrid(x0 + np.arange(nx) * cell_deg, y0 + np.arange(ny) * cell_deg)
    gx, gy = gx.ravel(), gy.ravel()
    rings = shapely.get_rings(shapely.get_parts(polygons))
    coords, ring_id = shapely.get_coordinates(rings, return_index=True)
    same = ring_id[:-1] == ring_id[1:]
    segs = shapely.linestrings(np.stack([coords[:-1][same], coords[1:][same]], axis=1))
    boxes = shapely.box(gx, gy, gx + cell_deg, gy + cell_deg)
    crossed = np.zeros(len(boxes), dtype=bool)
    crossed[np.unique(shapely.STRtree(segs).query(boxes, predicate="intersects")[0])] = True
    grid = np.full(len(boxes), MIXED, dtype=np.int32)
    clear = np.flatnonzero(~crossed)
    centre = PolygonLookup(polygons).lookup(gx[clear] + cell_deg / 2, gy[clear] + cell_deg / 2)
    grid[clear] = np.where(centre >= 0, centre, NONE)
    return grid.reshape(ny, nx)


class PolygonLookup:
    """Row number of the polygon containing each point (-1 when none)."""

    def __init__(
        self,
        polygons: np.ndarray,
        grid: np.ndarray | None = None,
        origin: tuple[float, float] = (0.0, 0.0),
        cell_deg: float = 1.0,
    ) -> None:
        self.polygons = np.asarray(polygons)
        shapely.prepare(self.polygons)
        self.tree = shapely.STRtree(self.polygons)
        self.grid, self.origin, self.cell = grid, origin, cell_deg

    def lookup(self, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        lon = np.asarray(lon, float)
        lat = np.asarray(lat, float)
        out = np.full(len(lon), -1, dtype=np.int64)
        ok = np.isfinite(lon) & np.isfinite(lat)
        exact = ok.copy()
        if self.grid is not None:
            ny, nx = self.grid.shape
            ix = np.floor((lon - self.origin[0]) / self.cell)
            iy = np.floor((lat - self.origin[1]) / self.cell)
            inside = ok & (ix >= 0) & (ix < nx) & (iy >= 0) & (iy < ny)
            code = np.full(len(lon), MIXED, dtype=np.int64)
            code[inside] = self.grid[iy[inside].astype(np.int64), ix[inside].astype(np.int64)]
            known = inside & (code != MIXED)
            out[known & (code >= 0)] = code[known & (code >= 0)]
            exact = ok & ~known
        rows = np.flatnonzero(exact)
        if len(rows):
            # bounding-box candidates, then a prepared point-in-polygon test
            pi, poly = self.tree.query(shapely.points(lon[rows], lat[rows]))
            hit = shapely.contains_xy(self.polygons[poly], lon[rows[pi]], lat[rows[pi]])
            pi, poly = pi[hit], poly[hit]
            first = np.unique(pi, return_index=True)[1]
            out[rows[pi[first]]] = poly[first]
        return out
