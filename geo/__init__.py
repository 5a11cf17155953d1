"""Frontier geometry, shipped reference data and spatial operations.

Attributes load on first use, so that ``import geo.errors`` (and the ``frontier``
command's start) does not pay for geopandas.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from geo.errors import CRSError, DataError, FrontierError, GeometryError

if TYPE_CHECKING:
    from geo import reference
    from geo.bands import DISTANCE_BANDS_KM, band_index, band_labels
    from geo.frontier import DEFAULT_BANDS_KM, Frontier
    from geo.points import (
        REGION,
        PointCoordinates,
        distinct_points,
        in_region,
        lonlat,
        point_coordinates,
    )

__all__ = [
    "DEFAULT_BANDS_KM",
    "DISTANCE_BANDS_KM",
    "CRSError",
    "DataError",
    "Frontier",
    "FrontierError",
    "GeometryError",
    "REGION",
    "PointCoordinates",
    "band_index",
    "band_labels",
    "distinct_points",
    "in_region",
    "lonlat",
    "point_coordinates",
    "reference",
]

_LAZY = {
    "DEFAULT_BANDS_KM": "geo.frontier",
    "Frontier": "geo.frontier",
    "DISTANCE_BANDS_KM": "geo.bands",
    "band_index": "geo.bands",
    "band_labels": "geo.bands",
    "REGION": "geo.points",
    "PointCoordinates": "geo.points",
    "in_region": "geo.points",
    "distinct_points": "geo.points",
    "lonlat": "geo.points",
    "point_coordinates": "geo.points",
}


def __getattr__(name: str) -> Any:
    if name == "reference":
        return importlib.import_module("geo.reference")
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'geo' has no attribute {name!r}")
