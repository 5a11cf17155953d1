"""Distance bands from the frontier line: the one definition every output uses.

A band is a half-open interval of distance from the line, ``[lo, hi)`` km: a
point exactly on an edge belongs to the outer band.  The edges are the outer
distances of the bands; with ``beyond`` a last open band ``>last km`` holds
everything farther.  :meth:`geo.Frontier.corridor` draws them,
``incidents.aggregate(by="band")`` counts them, and the map colours them with
the same edges and labels.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["DISTANCE_BANDS_KM", "band_index", "band_labels", "check_bands"]

#: Outer edges (km) of the distance bands used by default everywhere.
DISTANCE_BANDS_KM: tuple[float, ...] = (10.0, 25.0, 50.0, 100.0)


def check_bands(edges: Sequence[float]) -> tuple[float, ...]:
    """Validate band edges: increasing, positive, finite distances in km.

    Raises
    ------
    ValueError
        Naming what arrived and what is allowed.
    """
    try:
        out = tuple(float(b) for b in edges)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"bands must be distances in km, got {edges!r}") from exc
    if (
        not out
        or not all(np.isfinite(out))
        or out[0] <= 0
        or any(b <= a for a, b in zip(out, out[1:], strict=False))
    ):
        raise ValueError(
            "bands must be increasing positive distances in km, e.g. "
            f"{tuple(int(e) for e in DISTANCE_BANDS_KM)}; got {tuple(edges)!r}"
        )
    return out


def band_labels(edges: Sequence[float], *, beyond: bool = True) -> list[str]:
    """Labels ``"0-10 km"``, ``"10-25 km"``, ... and ``">100 km"`` when ``beyond``."""
    lo = (0.0, *edges[:-1])
    labels = [f"{a:g}-{b:g} km" for a, b in zip(lo, edges, strict=True)]
    if beyond:
        labels.append(f">{edges[-1]:g} km")
    return labels


def band_index(distance_km: np.ndarray, edges: Sequence[float]) -> np.ndarray:
    """Band number (0 .. ``len(edges)``, the last being the open band) per distance.

    Missing or negative distances give -1.
    """
    d = np.asarray(distance_km, dtype=float)
    b = np.searchsorted(np.asarray(edges, dtype=float), d, side="right").astype(np.int64)
    b[~(np.isfinite(d) & (d >= 0))] = -1
    return b
