"""Districts that meet across the frontier, for :func:`incidents.fuse`.

A report geocoded *to* a district (``geocode_method`` ``admin2``) is located only by
that district: its point is the district's centre.  Each side of the frontier names
its own end of a cross-border clash, so an Afghan and a Pakistani report of one
engagement often name two districts that share the frontier, whose centres may lie
farther apart than the two radii (Ali Khail (Jaji) in Paktia and Kurram across the
line: 67 km).  Such a pair is a candidate match however far apart the centres are.

The shipped table ``incidents/data/fuse_frontier_districts.csv`` lists every Afghan
and Pakistani district whose boundaries (``geo.reference.admin2``: geoBoundaries
for Afghanistan, OpenStreetMap for Pakistan) come within :data:`TOLERANCE_M` of
each other (the two sources do not trace the line alike); :func:`derive` rebuilds
it (``python -m incidents._fuse_districts``), and a test checks the two agree.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

__all__ = ["TOLERANCE_M", "derive", "frontier_codes", "frontier_districts", "meeting_pairs"]

#: Largest distance (m) between an Afghan and a Pakistani district boundary for the
#: two to count as meeting at the frontier.
TOLERANCE_M = 1000.0
_FILE = "fuse_frontier_districts.csv"
_COLUMNS = ["af_admin1", "af_admin2", "pk_admin1", "pk_admin2", "gap_km"]


def derive(*, tolerance_m: float = TOLERANCE_M) -> pd.DataFrame:
    """The table of districts meeting across the frontier, from ``geo.reference.admin2``.

    Parameters
    ----------
    tolerance_m
        Largest boundary-to-boundary distance in metres (UTM zone 42N).

    Returns
    -------
    pandas.DataFrame
        ``af_admin1``, ``af_admin2``, ``pk_admin1``, ``pk_admin2``, ``gap_km`` (the
        distance between the two boundaries, 0 where they touch), sorted.
    """
    import geopandas as gpd

    from geo.reference import admin2

    a = admin2().to_crs(32642)
    af = a[a["country"] == "AF"].reset_index(drop=True)
    pk = a[a["country"] == "PK"].reset_index(drop=True)
    grown = gpd.GeoDataFrame(geometry=pk.geometry.buffer(tolerance_m), crs=pk.crs)
    hit = gpd.sjoin(af[["geometry"]], grown, predicate="intersects", how="inner")
    i = hit.index.to_numpy()
    j = hit["index_right"].to_numpy()
    gap = (
        af.geometry.iloc[i]
        .reset_index(drop=True)
        .distance(pk.geometry.iloc[j].reset_index(drop=True))
    )
    out = pd.DataFrame(
        {
            "af_admin1": af["admin1"].iloc[i].to_numpy(),
            "af_admin2": af["admin2"].iloc[i].to_numpy(),
            "pk_admin1": pk["admin1"].iloc[j].to_numpy(),
            "pk_admin2": pk["admin2"].iloc[j].to_numpy(),
            "gap_km": np.round(gap.to_numpy() / 1000.0, 1),
        }
    )
    out = out[out["gap_km"] <= tolerance_m / 1000.0]
    return out.sort_values(_COLUMNS[:4]).reset_index(drop=True)


@lru_cache(maxsize=1)
def frontier_districts() -> pd.DataFrame:
    """The shipped table (see the module docstring), read once."""
    src = resources.files("incidents.data").joinpath(_FILE)
    with src.open("r", encoding="utf-8") as fh:
        return pd.read_csv(fh, dtype={c: str for c in _COLUMNS[:4]})


def _norm(values: pd.Series) -> pd.Series:
    return values.astype("string").str.strip().str.casefold().fillna("")


@lru_cache(maxsize=1)
def _index() -> tuple[pd.Index, np.ndarray, np.ndarray]:
    """Keys of the frontier districts (Afghan first, ``side`` folded in) and the meeting
    pairs as two code arrays (Afghan district, Pakistani district)."""
    tab = frontier_districts()
    af_key = "af\x1f" + _norm(tab["af_admin1"]) + "\x1f" + _norm(tab["af_admin2"])
    pk_key = "pk\x1f" + _norm(tab["pk_admin1"]) + "\x1f" + _norm(tab["pk_admin2"])
    af_ids, af_names = pd.factorize(af_key)
    pk_ids, pk_names = pd.factorize(pk_key)
    keys = pd.Index(list(af_names) + list(pk_names))
    return keys, af_ids.astype(np.int64), pk_ids.astype(np.int64) + len(af_names)


def meeting_pairs() -> tuple[np.ndarray, np.ndarray]:
    """Codes of the district pairs that meet across the frontier (see :func:`frontier_codes`)."""
    _, a, b = _index()
    return a, b


def frontier_codes(
    side: pd.Series, admin1: pd.Series, admin2: pd.Series, named: np.ndarray
) -> np.ndarray:
    """Per row, a code of the frontier district it was geocoded to, else -1.

    Only rows in ``named`` (geocoded to a district) are coded; a row's district is
    looked up by its ``side`` (``AF`` or ``PK``), province and district names
    (``point_admin1``, ``point_admin2``: names from the shipped boundaries, so
    spelled as in the table).  Pairs of codes that meet: :func:`meeting_pairs`.
    """
    keys, _, _ = _index()
    key = _norm(side) + "\x1f" + _norm(admin1) + "\x1f" + _norm(admin2)
    code = keys.get_indexer(pd.Index(key)).astype(np.int64)
    return np.where(named & (code >= 0), code, -1)


if __name__ == "__main__":  # pragma: no cover - rebuilds the shipped table
    from pathlib import Path

    path = Path(__file__).parent / "data" / _FILE
    derive().to_csv(path, index=False)
    print(f"wrote {path}")
