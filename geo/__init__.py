"""Frontier geometry, shipped reference data and spatial operations."""

from geo import reference
from geo.errors import CRSError, DataError, FrontierError, GeometryError
from geo.frontier import DEFAULT_BANDS_KM, Frontier

__all__ = [
    "DEFAULT_BANDS_KM",
    "CRSError",
    "DataError",
    "Frontier",
    "FrontierError",
    "GeometryError",
    "reference",
]
