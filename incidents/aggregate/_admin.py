"""``by="admin1"`` / ``by="admin2"``: provinces and districts of the reference layers."""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo import reference
from incidents.aggregate._unit import Rows


class Admin:
    """Reference provinces or districts, matched by name from ``point_admin1/2``.

    Matching reads only the layer's names (:func:`geo.reference.attributes`);
    the polygons are read when :meth:`geometry` is asked for.
    """

    def __init__(self, rows: Rows, by: str) -> None:
        df = rows.df
        self.by = by
        self.options: dict[str, object] = {}
        names = ["country", "admin1"] + (["admin2"] if by == "admin2" else [])
        self.table = reference.attributes(by)[names].reset_index(drop=True)
        cols = ["side", "point_admin1"] + (["point_admin2"] if by == "admin2" else [])
        lookup = {
            tuple(str(v).casefold() for v in row): i
            for i, row in enumerate(self.table[names].itertuples(index=False, name=None))
        }
        # names alone, for tables whose side disagrees with the layer (unique names only)
        alone: dict[tuple, int] = {}
        for k, i in lookup.items():
            alone[k[1:]] = -2 if k[1:] in alone else i
        codes, uniques = [], []
        for c in cols:
            code, uniq = pd.factorize(df[c].astype("string"), use_na_sentinel=True)
            codes.append(np.asarray(code, dtype=np.int64))
            uniques.append(np.asarray(uniq, dtype=object))
        combo = np.zeros(len(df), dtype=np.int64)
        for code, uniq in zip(codes, uniques, strict=True):
            combo = combo * (len(uniq) + 1) + (code + 1)
        u, inv = np.unique(combo, return_inverse=True)
        mapped = np.full(len(u), -1, dtype=np.int64)
        for j, value in enumerate(u):
            parts: list[str | None] = []
            for uniq in reversed(uniques):
                value, r = divmod(int(value), len(uniq) + 1)
                parts.append(None if r == 0 else str(uniq[r - 1]).strip().casefold())
            parts = parts[::-1]
            if any(p is None for p in parts[1:]):
                continue
            key_parts = tuple(str(p) for p in parts)
            hit = lookup.get(key_parts, alone.get(key_parts[1:], -1))
            mapped[j] = max(hit, -1)
        key = mapped[inv.ravel()] if len(df) else np.array([], dtype=np.int64)
        if by == "admin2":
            coarse = rows.precision >= 3
        else:
            method = df.get("geocode_method")
            coarse = (
                np.zeros(len(df), bool)
                if method is None
                else method.astype("string").fillna("").str.lower().eq("country").to_numpy()
            )
        self.key = np.where(coarse, -1, key)
        self.template = np.arange(len(self.table), dtype=np.int64)

    def describe(self, keys: np.ndarray) -> pd.DataFrame:
        t = self.table.iloc[keys].reset_index(drop=True)
        names = [c for c in ("country", "admin1", "admin2") if c in t]
        data = pd.DataFrame(
            {c: pd.array(t[c].to_numpy(dtype=object), dtype="string") for c in names}
        )
        data.insert(0, "unit", ["/".join(map(str, r)) for r in t[names].itertuples(index=False)])
        return data

    def geometry(self, keys: np.ndarray) -> np.ndarray:
        layer = reference.admin1() if self.by == "admin1" else reference.admin2()
        return np.asarray(layer.geometry.values, dtype=object)[np.asarray(keys, dtype=np.int64)]
