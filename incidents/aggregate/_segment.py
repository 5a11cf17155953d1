"""``by="segment"``: pieces of the frontier line, per side."""

from __future__ import annotations

import numpy as np
import pandas as pd

from incidents.aggregate._unit import NSIDE, Rows, numeric, side_codes
from incidents.schema import SIDES


class Segments:
    """Pieces ``km`` long from the line's start; a row belongs to the piece of its foot."""

    def __init__(self, rows: Rows, km: float) -> None:
        frontier = rows.frontier
        assert frontier is not None
        df, prec, unc = rows.df, rows.precision, rows.uncertainty_km
        self.table = frontier.segments(km)
        self.options = {"km": km, "frontier_km_total": round(frontier.length_km, 3)}
        starts = self.table["km_start"].to_numpy()
        fkm = numeric(df, "frontier_km", np.nan)
        sid = np.clip(np.searchsorted(starts, fkm, side="right") - 1, 0, len(starts) - 1)
        side = side_codes(df)
        coarse = (prec >= 3) | ((prec == 2) & (unc > km))
        ok = np.isfinite(fkm) & (side >= 0) & ~coarse
        self.key = np.where(ok, sid * NSIDE + np.maximum(side, 0), -1)
        sides = np.arange(2)  # AF, PK
        self.template = (np.arange(len(starts))[:, None] * NSIDE + sides[None, :]).ravel()

    def describe(self, keys: np.ndarray) -> pd.DataFrame:
        sid, side = keys // NSIDE, keys % NSIDE
        t = self.table
        return pd.DataFrame(
            {
                "unit": [f"{s}-{SIDES[k]}" for s, k in zip(sid, side, strict=True)],
                "segment_id": sid.astype(np.int64),
                "side": pd.array(np.asarray(SIDES, dtype=object)[side], dtype="string"),
                "km_start": t["km_start"].to_numpy()[sid],
                "km_end": t["km_end"].to_numpy()[sid],
                "length_km": t["length_km"].to_numpy()[sid],
            }
        )

    def geometry(self, keys: np.ndarray) -> np.ndarray:
        return np.asarray(self.table.geometry.values, dtype=object)[keys // NSIDE]
