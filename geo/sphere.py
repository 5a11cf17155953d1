"""Great-circle distance on the mean Earth sphere: the one haversine of the project.

The frontier's own distances (to the line, along it, to a crossing) are geodesic on
the WGS84 ellipsoid (:class:`geo.Frontier`, pyproj).  Matching many points against
many (the gazetteer, the fusion's candidate pairs) needs a cheaper distance: the
great circle on a sphere of the IUGG mean radius, within 0.6 % of the geodesic
anywhere (tested against :class:`pyproj.Geod`), far below the radii it is compared
with.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

__all__ = ["EARTH_RADIUS_KM", "great_circle_km", "point_km"]

#: IUGG mean Earth radius R1 = (2a + b) / 3 of WGS84, km.
EARTH_RADIUS_KM = 6371.0088

_Degrees = npt.ArrayLike


def great_circle_km(lat1: _Degrees, lon1: _Degrees, lat2: _Degrees, lon2: _Degrees) -> np.ndarray:
    """Great-circle distance in km between points given in degrees (haversine formula).

    Parameters
    ----------
    lat1, lon1, lat2, lon2
        Latitudes and longitudes in degrees: numbers or arrays, broadcast against
        each other as numpy does (``lat[:, None]`` against ``lat`` gives a matrix).

    Returns
    -------
    numpy.ndarray
        Distances in km (a 0-d array for scalars), NaN where any input is NaN.
        The haversine is exact for near points and, with its argument clipped to
        [0, 1], never NaN for antipodal ones.

    Examples
    --------
    >>> round(float(great_circle_km(34.11472, 71.08472, 30.91, 66.45)), 1)  # Torkham-Chaman
    561.9
    """
    p1 = np.radians(np.asarray(lat1, dtype=float))
    p2 = np.radians(np.asarray(lat2, dtype=float))
    dlon = np.radians(np.asarray(lon2, dtype=float) - np.asarray(lon1, dtype=float))
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def point_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points in degrees, without numpy.

    The scalar twin of :func:`great_circle_km` for loops over a few places (an
    article's places), where a numpy call per pair costs more than the arithmetic.

    Returns
    -------
    float
        Distance in km; ``inf`` when any coordinate is NaN (no distance is known).

    Examples
    --------
    >>> round(point_km(34.11472, 71.08472, 30.91, 66.45), 1)  # Torkham-Chaman
    561.9
    """
    if math.isnan(lat1) or math.isnan(lon1) or math.isnan(lat2) or math.isnan(lon2):
        return math.inf
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
