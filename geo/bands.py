"""Distance bands from the frontier line: the one definition every output uses.

A band is a half-open interval of distance from the line, ``[lo, hi)`` km: a
point exactly on an edge belongs to the outer band.  The edges are the outer
distances of the bands; with ``beyond`` a last open band ``>last km`` holds
everything farther.  :meth:`geo.Frontier.corridor` draws them,
``incidents.aggregate(by="band")`` counts them, and the map colours them with
the same edges and labels.

Drawing the band polygons (:meth:`geo.Frontier.corridor`) buffers the line in
metres and takes about a second, so the polygons of the shipped frontier with
the default edges are shipped too (``geo/data/corridors.parquet``, made by
``python -m geo.data.derive_corridors``).  They are found by a content key
(:func:`corridor_key`: a hash of the line, the country polygons, the edges and
:data:`CORRIDOR_VERSION`), so any other line, polygons or edges are drawn
afresh, and a stale file is never used.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = [
    "CORRIDOR_VERSION",
    "DISTANCE_BANDS_KM",
    "band_index",
    "band_labels",
    "check_bands",
    "corridor_key",
    "shipped_corridor",
]

#: Version of the corridor drawing (:meth:`geo.Frontier.corridor`); bump it when the
#: drawing changes, so that polygons drawn the old way are no longer found.
CORRIDOR_VERSION = 1
#: The shipped corridor polygons, in ``geo/data``.
CORRIDORS_FILE = "corridors.parquet"

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


def corridor_key(line: Any, countries: Any, edges: Sequence[float], beyond: bool) -> str:
    """Content key of the corridor of ``line`` between ``countries`` (hex SHA-256).

    Parameters
    ----------
    line
        The frontier line (a shapely LineString, EPSG:4326).
    countries
        The country polygons (a GeoDataFrame with ``country``, EPSG:4326).
    edges
        Checked band edges (km).
    beyond
        Whether the open band beyond the last edge is drawn.
    """
    import shapely

    h = hashlib.sha256()
    h.update(f"corridor v{CORRIDOR_VERSION} {tuple(float(e) for e in edges)!r} {beyond}".encode())
    h.update(shapely.to_wkb(line, output_dimension=2))
    for code, geom in zip(countries["country"], countries.geometry.values, strict=True):
        h.update(str(code).encode() + b"\0")
        h.update(shapely.to_wkb(geom, output_dimension=2))
    return h.hexdigest()


def shipped_corridor(key: str) -> gpd.GeoDataFrame | None:
    """The shipped corridor polygons stored under ``key``, or None when there are none.

    Returns
    -------
    geopandas.GeoDataFrame or None
        ``side``, ``km_min``, ``km_max``, ``band`` and the polygon (EPSG:4326), as
        :meth:`geo.Frontier.corridor` draws them.
    """
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    path = resources.files("geo.data").joinpath(CORRIDORS_FILE)
    if not path.is_file():
        return None
    with resources.as_file(path) as p:
        table = pq.read_table(p)
    table = table.filter(pc.equal(table["key"], key))
    if table.num_rows == 0:
        return None
    import geopandas as gpd
    import shapely

    frame = table.drop(["key", "geometry"]).to_pandas()
    geoms = shapely.from_wkb(table["geometry"].to_numpy(zero_copy_only=False))
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geoms, crs=4326), crs=4326)
