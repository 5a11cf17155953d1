"""Incident tables: one schema, loaders, geocoding, positioning and aggregation."""

from incidents.aggregate import AGGREGATIONS, aggregate, change
from incidents.errors import (
    ExportError,
    GeocodeError,
    IncidentError,
    LoadError,
    NotPositionedError,
    SchemaError,
)
from incidents.extract import extract
from incidents.fuse import fuse
from incidents.geocode import Geocoder, Match, geocode
from incidents.io import read, write
from incidents.load import load
from incidents.position import is_positioned, position, prepare

__all__ = [
    "AGGREGATIONS",
    "ExportError",
    "GeocodeError",
    "Geocoder",
    "IncidentError",
    "LoadError",
    "Match",
    "NotPositionedError",
    "SchemaError",
    "aggregate",
    "change",
    "extract",
    "fuse",
    "geocode",
    "is_positioned",
    "load",
    "position",
    "prepare",
    "read",
    "write",
]
