"""Synthetic positioned incident tables for the map tests and the benchmark.

Until the loader, geocoder and positioning land, maps are built from tables
made here with every schema column (:func:`synthetic_incidents`).
"""

from __future__ import annotations

import functools

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely

from geo import reference
from incidents.schema import ACCOUNTING, CORE, GEOCODE, POSITION, coerce

#: Headless Chromium flags for a closed network (no background connections).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

EVENT_TYPES = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Strategic developments",
    "Protests",
)
SUB_TYPES = ("Armed clash", "Shelling/artillery/missile attack", "Air/drone strike", "Attack")
ACTORS = (
    "Military Forces of Pakistan (2018-)",
    "Taliban",
    "TTP: Tehreek-i-Taliban Pakistan",
    "Civilians (Pakistan)",
    "Civilians (Afghanistan)",
    "Frontier Corps",
)
METHODS = ("input", "crossing", "gazetteer", "admin2", "admin1")
PLACES = ("Torkham", "Chaman", "Angoor Adda", "Ghulam Khan", "Kurram", "Bajaur", "Spin Boldak")


@functools.cache
def _frontier_geometry() -> tuple[np.ndarray, np.ndarray]:
    line = reference.frontier_line().geometry.iloc[0]
    coords = np.asarray(shapely.get_coordinates(line))
    _, _, step = pyproj.Geod(ellps="WGS84").inv(
        coords[:-1, 0], coords[:-1, 1], coords[1:, 0], coords[1:, 1]
    )
    return coords, np.concatenate([[0.0], np.cumsum(step) / 1000.0])


@functools.cache
def _admin2_tree() -> tuple[shapely.STRtree, np.ndarray, np.ndarray]:
    a2 = reference.admin2()
    return (
        shapely.STRtree(a2.geometry.array),
        a2["admin1"].to_numpy(dtype=object),
        a2["admin2"].to_numpy(dtype=object),
    )


def _districts_of(lonlat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    tree, names1, names2 = _admin2_tree()
    ipt, ipoly = tree.query(shapely.points(lonlat), predicate="within")
    admin1 = np.full(len(lonlat), None, dtype=object)
    admin2 = np.full(len(lonlat), None, dtype=object)
    admin1[ipt] = names1[ipoly]
    admin2[ipt] = names2[ipoly]
    return admin1, admin2


def synthetic_incidents(n: int, *, seed: int = 0, notes: str | None = None) -> gpd.GeoDataFrame:
    """``n`` positioned incidents near the frontier, with every schema column.

    Points sit at a random ``frontier_km``, pushed off the line by an
    exponential distance (mean 12 km); one in six has low precision.
    """
    rng = np.random.default_rng(seed)
    coords, cum = _frontier_geometry()
    fkm = rng.uniform(0, cum[-1], n)
    i = np.clip(np.searchsorted(cum, fkm) - 1, 0, len(cum) - 2)
    t = (fkm - cum[i]) / np.maximum(cum[i + 1] - cum[i], 1e-9)
    base = coords[i] + t[:, None] * (coords[i + 1] - coords[i])
    direction = coords[i + 1] - coords[i]
    normal = np.column_stack([-direction[:, 1], direction[:, 0]])
    normal /= np.maximum(np.linalg.norm(normal, axis=1), 1e-12)[:, None]
    dist = rng.exponential(12.0, n)
    sign = rng.choice([-1.0, 1.0], n)
    lonlat = base + normal * (sign * dist / 100.0)[:, None]
    admin1, admin2 = _districts_of(lonlat)
    low = rng.random(n) < 1 / 6
    day0 = np.datetime64("2024-01-01")
    days = rng.integers(0, 700, n)
    df = pd.DataFrame(
        {
            "incident_id": [f"SYN{k:06d}" for k in range(n)],
            "date": day0 + days.astype("timedelta64[D]"),
            "event_type": rng.choice(EVENT_TYPES, n),
            "sub_event_type": rng.choice(SUB_TYPES, n),
            "actor1": rng.choice(ACTORS, n),
            "actor2": rng.choice(ACTORS, n),
            "fatalities": rng.poisson(1.5, n),
            "location": rng.choice(PLACES, n),
            "latitude": lonlat[:, 1],
            "longitude": lonlat[:, 0],
            "source": rng.choice(["Dawn", "TOLOnews", "ACLED"], n),
            "notes": notes if notes is not None else [f"Synthetic report {k}." for k in range(n)],
            "geocode_method": np.where(low, "admin2", rng.choice(METHODS[:3], n)),
            "geo_precision": np.where(low, 2, 1),
            "uncertainty_km": np.where(low, 15.0, 1.0),
            "ambiguous": False,
            "side": np.where(sign > 0, "PK", "AF"),
            "border_distance_km": np.round(dist, 2),
            "frontier_km": np.round(fkm, 2),
            "point_admin1": admin1,
            "point_admin2": admin2,
            "source_row": np.arange(n),
            "review_flags": "",
        }
    )
    df = coerce(df, {**CORE, **GEOCODE, **POSITION, **ACCOUNTING})
    return gpd.GeoDataFrame(
        df, geometry=gpd.points_from_xy(df["longitude"], df["latitude"]), crs=4326
    )


XSS_NOTE = (
    "<script>alert('x')</script> <img src=x onerror=\"alert(1)\"> `${alert(2)}` "
    "{{ 7*7 }} {% if 1 %}jinja{% endif %} \"double\" 'single' \\1\\2\\345 </script><b>end</b>"
)
