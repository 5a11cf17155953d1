"""``by="hex"``: H3 cells where incidents are."""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from geo import distinct_points
from incidents.aggregate._unit import Rows, lonlat


class Hexes:
    """H3 cells at ``resolution``; a row too coarse for the cell edge is unassigned."""

    def __init__(self, rows: Rows, resolution: int) -> None:
        import h3
        import h3.api.numpy_int as h3n

        self.resolution = resolution
        self.options = {"resolution": resolution}
        edge = h3.average_hexagon_edge_length(resolution, unit="km")
        prec, unc = rows.precision, rows.uncertainty_km
        coarse = (prec >= 3) | ((prec == 2) & (unc > edge))
        lon, lat = lonlat(rows.df)
        with np.errstate(invalid="ignore"):
            ok = rows.located & ~coarse & (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
        idx = np.flatnonzero(ok)
        key = np.full(len(rows.df), -1, dtype=np.int64)
        if len(idx):
            # incident tables repeat places (gazetteer points, centroids) a lot
            inv, u_lon, u_lat = distinct_points(lon[idx], lat[idx])
            f = h3n.latlng_to_cell
            cells = np.fromiter(
                map(f, u_lat.tolist(), u_lon.tolist(), [resolution] * len(u_lon)),
                dtype=np.uint64,
                count=len(u_lon),
            )
            key[idx] = cells.astype(np.int64)[inv]
        self.key = key
        self.template = np.array([], dtype=np.int64)

    def describe(self, keys: np.ndarray) -> pd.DataFrame:
        import h3

        ids = [h3.int_to_str(int(k)) for k in keys]
        return pd.DataFrame(
            {"unit": ids, "resolution": np.full(len(ids), self.resolution, dtype=np.int64)}
        )

    def geometry(self, keys: np.ndarray) -> np.ndarray:
        import h3

        return np.array(
            [
                shapely.Polygon([(x, y) for y, x in h3.cell_to_boundary(h3.int_to_str(int(k)))])
                for k in keys
            ],
            dtype=object,
        )
