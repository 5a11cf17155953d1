"""Settlement density around a place: how many other populated places lie near it.

A town sits among the villages of its valley; a hamlet that shares its name sits
alone.  Among namesakes the index cannot tell apart (same feature rank, no
same-named unit), the one with clearly more settlements around it is the one a
source means by the bare name.
"""

from __future__ import annotations

import numpy as np

from incidents._gazetteer import Gazetteer, haversine_km

__all__ = ["DENSE_KM", "DENSE_SPREAD_KM", "denser_namesake", "neighbour_counts"]

#: Radius within which other populated places count as neighbours.
DENSE_KM = 4.0
#: A namesake is denser than its rivals when it has at least this many times
#: their neighbours and at least :data:`DENSE_MARGIN` more.
DENSE_RATIO = 2.0
DENSE_MARGIN = 3
#: Only namesakes of one neighbourhood (no two farther apart than this) are
#: told apart so: across a province, settlement density says nothing of intent.
DENSE_SPREAD_KM = 120.0


def _lat_index(g: Gazetteer) -> tuple[np.ndarray, np.ndarray]:
    """Rows of populated places sorted by latitude, with their latitudes (built
    once per gazetteer)."""
    cached = getattr(g, "_density_index", None)
    if cached is None:
        rows = np.flatnonzero(g.is_place)
        order = np.argsort(g.lat[rows], kind="stable")
        rows = rows[order]
        cached = (rows, np.asarray(g.lat[rows], dtype=float))
        g._density_index = cached  # type: ignore[attr-defined]
    return cached


def neighbour_counts(g: Gazetteer, rows: np.ndarray, *, km: float = DENSE_KM) -> np.ndarray:
    """For each of ``rows``, the number of other populated places within ``km``
    (records at the same point and the other ``rows`` are not counted)."""
    sorted_rows, lats = _lat_index(g)
    dlat = km / 111.0
    out = np.zeros(len(rows), dtype=np.int64)
    for i, r in enumerate(rows):
        lat, lon = float(g.lat[r]), float(g.lon[r])
        lo, hi = np.searchsorted(lats, [lat - dlat, lat + dlat])
        cand = sorted_rows[lo:hi]
        d = haversine_km(lat, lon, g.lat[cand], g.lon[cand])
        near = cand[(d <= km) & (d > 0.05)]
        out[i] = np.count_nonzero(~np.isin(near, rows))
    return out


def denser_namesake(g: Gazetteer, rows: np.ndarray) -> int | None:
    """The index into ``rows`` of the namesake with clearly more settlements
    around it than every other, else None (also when the namesakes lie farther
    apart than :data:`DENSE_SPREAD_KM`)."""
    if len(rows) < 2 or not bool(np.all(g.is_place[rows] & ~g.is_admin[rows])):
        return None  # units and features have no villages of their own
    d = haversine_km(g.lat[rows][:, None], g.lon[rows][:, None], g.lat[rows], g.lon[rows])
    if float(np.max(d)) > DENSE_SPREAD_KM:
        return None
    n = neighbour_counts(g, rows)
    order = np.argsort(-n, kind="stable")
    best, second = int(n[order[0]]), int(n[order[1]])
    if best >= DENSE_RATIO * second and best >= second + DENSE_MARGIN:
        return int(order[0])
    return None
