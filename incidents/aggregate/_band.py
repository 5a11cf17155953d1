"""``by="band"``: distance bands from the line (:mod:`geo.bands`), per side."""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo import Frontier, band_index, band_labels
from incidents.aggregate._unit import NSIDE, Rows, numeric, side_codes
from incidents.schema import SIDES


class Bands:
    """Bands ``[lo, hi)`` km from the line and the open band beyond the last edge."""

    def __init__(self, rows: Rows, edges: tuple[float, ...]) -> None:
        assert rows.frontier is not None
        self.frontier, self.edges = rows.frontier, edges
        self.options = {"bands": list(edges)}
        lo = np.r_[0.0, edges]
        width = np.r_[np.diff(lo), np.inf]
        b = band_index(numeric(rows.df, "border_distance_km", np.nan), edges)
        side = side_codes(rows.df)
        prec, unc = rows.precision, rows.uncertainty_km
        coarse = (prec >= 3) | ((prec == 2) & (unc > width[np.maximum(b, 0)]))
        ok = (b >= 0) & (side >= 0) & ~coarse
        self.key = np.where(ok, b * NSIDE + np.maximum(side, 0), -1)
        self.template = (np.arange(len(edges) + 1)[:, None] * NSIDE + np.arange(2)).ravel()

    def describe(self, keys: np.ndarray) -> pd.DataFrame:
        b, side = keys // NSIDE, keys % NSIDE
        lo = np.r_[0.0, self.edges]
        hi = np.r_[self.edges, np.nan]
        labels = band_labels(self.edges, beyond=True)
        return pd.DataFrame(
            {
                "unit": [f"{SIDES[k]} {labels[i]}" for i, k in zip(b, side, strict=True)],
                "side": pd.array(np.asarray(SIDES, dtype=object)[side], dtype="string"),
                "band": pd.array(np.asarray(labels, dtype=object)[b], dtype="string"),
                "km_min": lo[b],
                "km_max": hi[b],
            }
        )

    def geometry(self, keys: np.ndarray) -> np.ndarray:
        b, side = keys // NSIDE, keys % NSIDE
        polys = band_polygons(self.frontier, self.edges)
        return np.array(
            [polys.get((int(i), SIDES[k])) for i, k in zip(b, side, strict=True)], dtype=object
        )


def band_polygons(frontier: Frontier, edges: tuple[float, ...]) -> dict[tuple[int, str], object]:
    """{(band index, side): polygon} for the bands and the open band beyond."""
    cor = frontier.corridor(edges, beyond=True)
    band_number = {b: i for i, b in enumerate(band_labels(edges, beyond=True))}
    return {
        (band_number[b], side): geom
        for b, side, geom in zip(cor["band"], cor["side"], cor.geometry.values, strict=True)
    }
