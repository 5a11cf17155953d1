"""Context the map draws beneath and around the incidents: outlines, labels, crossings.

Everything comes from the data shipped with :mod:`geo` (country and province
outlines, the frontier, crossings) and from the gazetteer's populated places
(towns and cities, ranked by population), computed once per process.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

import numpy as np
import pandas as pd
import shapely

from geo import Frontier, reference

__all__ = [
    "crossings_payload",
    "geojson",
    "km_labels",
    "labels_payload",
    "outline_shapes",
]

#: Region of the place labels (lon/lat): the two countries.
_LABEL_BOX = (60.0, 23.5, 78.0, 38.6)
#: Gazetteer feature codes of capitals and administrative seats (labelled even unpopulated).
_SEATS = ("PPLC", "PPLA", "PPLA2")
#: Towns labelled at most: the gazetteer holds ~160,000 places.
_MAX_TOWNS = 1200
#: Smaller places are labelled (from zoom 10) when this close to the frontier (km).
_NEAR_KM = 100.0
#: Minimum zoom of a town label by population (people, zoom): larger towns show earlier.
_TOWN_ZOOMS = ((1_000_000, 5), (250_000, 6), (80_000, 7), (30_000, 8), (10_000, 9), (0, 10))


def geojson(geom: shapely.Geometry, decimals: int = 4) -> dict[str, Any]:
    """GeoJSON dict of ``geom`` with coordinates rounded to ``decimals``."""
    geom = shapely.transform(geom, lambda c: np.round(c, decimals))
    return json.loads(shapely.to_geojson(geom))


@functools.cache
def outline_shapes(tolerance: float) -> dict[str, Any]:
    """Country outlines (and, below 0.05 degrees tolerance, provinces) as GeoJSON."""
    countries = reference.countries()
    out = {
        "countries": {
            "type": "GeometryCollection",
            "geometries": [
                geojson(shapely.simplify(g, tolerance, preserve_topology=True), 3)
                for g in countries.geometry
            ],
        }
    }
    if tolerance < 0.05:
        a1 = reference.admin1()
        out["admin1"] = {
            "type": "GeometryCollection",
            "geometries": [
                geojson(shapely.simplify(g, tolerance, preserve_topology=True), 3)
                for g in a1.geometry
            ],
        }
    return out


def gazetteer_path() -> Any:
    """The shipped gazetteer (``incidents/data/gazetteer.parquet``), or None if absent."""
    from incidents._gazetteer import shipped_path

    path = shipped_path()
    return path if path.is_file() else None


@functools.cache
def _towns() -> tuple[dict[str, Any], ...]:
    path = gazetteer_path()
    if path is None:
        return ()
    cols = ["name", "lat", "lon", "feature_code", "population", "dist_frontier_km"]
    with resources.as_file(path) as p:
        g = pd.read_parquet(p, columns=cols)
    w, s, e, n = _LABEL_BOX
    code = g["feature_code"].astype("string").fillna("")
    pop = pd.to_numeric(g["population"], errors="coerce").fillna(0.0)
    near = pd.to_numeric(g["dist_frontier_km"], errors="coerce") <= _NEAR_KM
    town = code.str.startswith("PPL")
    keep = (town & ((pop >= 10_000) | (near & (pop >= 1_000)))) | code.isin(_SEATS)
    keep &= g["lon"].between(w, e) & g["lat"].between(s, n)
    t = g.loc[keep].assign(pop=pop[keep], seat=code[keep].isin(_SEATS))
    # capitals and seats first among equals, then by population
    t = t.sort_values(["pop", "seat"], ascending=False)
    t = t.drop_duplicates("name").head(_MAX_TOWNS)
    out = []
    for r in t.itertuples():
        zoom = next(z for limit, z in _TOWN_ZOOMS if r.pop >= limit)
        if r.seat:
            zoom = min(zoom, 8)
        out.append(
            {
                "n": str(r.name),
                "lat": round(float(r.lat), 4),
                "lon": round(float(r.lon), 4),
                "z": zoom,
                "big": bool(r.pop >= 250_000),
            }
        )
    return tuple(out)


@functools.cache
def _provinces() -> tuple[dict[str, Any], ...]:
    a1 = reference.admin1()
    pts = shapely.point_on_surface(a1.geometry.array)
    return tuple(
        {"n": str(name), "lat": round(float(p.y), 3), "lon": round(float(p.x), 3)}
        for name, p in zip(a1["admin1"], pts, strict=True)
    )


@functools.cache
def _districts() -> tuple[dict[str, Any], ...]:
    a2 = reference.admin2()
    pts = shapely.point_on_surface(a2.geometry.array)
    return tuple(
        {"n": str(name), "lat": round(float(p.y), 3), "lon": round(float(p.x), 3)}
        for name, p in zip(a2["admin2"], pts, strict=True)
    )


def labels_payload() -> dict[str, Any]:
    """Province, district and town names (towns with the zoom they appear at)."""
    return {"prov": list(_provinces()), "dist": list(_districts()), "towns": list(_towns())}


@functools.cache
def km_labels(step_km: float = 100.0) -> tuple[dict[str, Any], ...]:
    """A label every ``step_km`` km along the frontier (0 at its north-eastern end)."""
    f = Frontier.default()
    kms = np.arange(0.0, f.length_km, step_km)
    pts = np.asarray(f.point_at(kms.tolist()))
    return tuple(
        {"km": int(k), "lat": round(float(p[1]), 4), "lon": round(float(p[0]), 4)}
        for k, p in zip(kms, pts, strict=True)
    )


@functools.cache
def _crossings() -> tuple[dict[str, Any], ...]:
    cr = reference.crossings()
    where = Frontier.default().locate(
        (cr.geometry.x.to_numpy(), cr.geometry.y.to_numpy()), crossings=False, admin=False
    )
    out = []
    for r, km in zip(cr.itertuples(), where["frontier_km"].to_numpy(), strict=True):
        unc = None if pd.isna(r.uncertainty_km) else float(r.uncertainty_km)
        out.append(
            {
                "name": str(r.name),
                "full": None if pd.isna(r.full_name) else str(r.full_name),
                "lat": round(float(r.geometry.y), 5),
                "lon": round(float(r.geometry.x), 5),
                "unc": unc,
                "km": round(float(km), 1),
            }
        )
    return tuple(out)


def crossings_payload() -> list[dict[str, Any]]:
    """Border crossings: name, position, uncertainty and km along the frontier."""
    return list(_crossings())
