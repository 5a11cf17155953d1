"""Independent geodesic truth for the frontier tests: brute force with pyproj.Geod.

Coordinates of real places are GeoNames records (geonameid in the comment), the
Torkham crossing is the Wikipedia infobox point, Doha is Wikipedia's city point.
"""

from __future__ import annotations

import numpy as np
import pyproj
import shapely

GEOD = pyproj.Geod(ellps="WGS84")

PLACES = {
    # name: (lon, lat, side, admin1, admin2)
    "Kabul": (69.17233, 34.52813, "AF", "Kabul", "Kabul"),  # GeoNames 1138958
    "Jalalabad": (70.45153, 34.42647, "AF", "Nangarhar", "Jalalabad"),  # 1139715
    "Peshawar": (71.57849, 34.008, "PK", "Khyber Pakhtunkhwa", "Peshawar"),  # 1168197
    "Quetta": (67.00141, 30.18414, "PK", "Balochistan", "Quetta"),  # 1167528
    "Torkham": (71.08472, 34.11472, "PK", "Khyber Pakhtunkhwa", "Khyber"),  # Wikipedia
    "Chaman": (66.45259, 30.91769, "PK", "Balochistan", "Chaman"),  # 1181611
    "Spin Boldak": (66.40001, 31.00575, "AF", "Kandahar", "Spin Boldak"),  # 1123906
    "Parachinar": (70.10012, 33.89968, "PK", "Khyber Pakhtunkhwa", "Kurram"),  # 1168394
    "Miran Shah": (70.07117, 33.00059, "PK", "Khyber Pakhtunkhwa", "North Waziristan"),  # 1170367
    "Islamabad": (73.04329, 33.72148, "PK", "Islamabad Capital Territory", "Islamabad"),  # 1176615
    "Karachi": (67.0104, 24.8608, "PK", "Sindh", None),  # 1174872 (district varies)
    "Doha": (51.531, 25.2854, "other", None, None),  # Wikipedia
}


def line_lonlat(line: shapely.LineString) -> tuple[np.ndarray, np.ndarray]:
    xy = shapely.get_coordinates(line)
    return xy[:, 0], xy[:, 1]


def _dense(lon, lat, step_km):
    """Linear (lon/lat) densification to at most step_km, written independently."""
    out_lon, out_lat = [lon[0]], [lat[0]]
    _, _, d = GEOD.inv(lon[:-1], lat[:-1], lon[1:], lat[1:])
    for i, dist in enumerate(d):
        n = max(1, int(np.ceil(dist / 1000 / step_km)))
        f = np.arange(1, n + 1) / n
        out_lon.extend(lon[i] + f * (lon[i + 1] - lon[i]))
        out_lat.extend(lat[i] + f * (lat[i + 1] - lat[i]))
    return np.array(out_lon), np.array(out_lat)


class Truth:
    """Brute-force geodesic distance and along-line km to a lon/lat polyline."""

    def __init__(self, line: shapely.LineString, step_km: float = 0.1) -> None:
        self.lon, self.lat = _dense(*line_lonlat(line), step_km)
        _, _, d = GEOD.inv(self.lon[:-1], self.lat[:-1], self.lon[1:], self.lat[1:])
        self.cum = np.r_[0.0, np.cumsum(d) / 1000]

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        n = len(self.lon)
        _, _, d = GEOD.inv(np.full(n, lon), np.full(n, lat), self.lon, self.lat)
        j = int(np.argmin(d))
        a, b = max(j - 2, 0), min(j + 3, n)
        fl, fa = _dense(self.lon[a:b], self.lat[a:b], 0.001)
        _, _, d2 = GEOD.inv(np.full(len(fl), lon), np.full(len(fl), lat), fl, fa)
        k = int(np.argmin(d2))
        _, _, sd = GEOD.inv(fl[:-1], fa[:-1], fl[1:], fa[1:])
        return float(d2[k] / 1000), float(self.cum[a] + sd[:k].sum() / 1000)


def tolerance_km(true_km: float) -> float:
    """The issue's bound: max(0.1 %, 20 m)."""
    return max(0.001 * true_km, 0.020)
