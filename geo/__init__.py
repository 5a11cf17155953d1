"""Frontier geometry, shipped reference data and spatial operations."""

from geo import reference
from geo.bands import DISTANCE_BANDS_KM, band_index, band_labels
from geo.errors import CRSError, DataError, FrontierError, GeometryError
from geo.frontier import DEFAULT_BANDS_KM, Frontier
from geo.points import PointCoordinates, distinct_points, lonlat, point_coordinates

__all__ = [
    "DEFAULT_BANDS_KM",
    "DISTANCE_BANDS_KM",
    "CRSError",
    "DataError",
    "Frontier",
    "FrontierError",
    "GeometryError",
    "PointCoordinates",
    "band_index",
    "band_labels",
    "distinct_points",
    "lonlat",
    "point_coordinates",
    "reference",
]
