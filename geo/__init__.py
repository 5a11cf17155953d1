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

_LAZY = {"DEFAULT_BANDS_KM": "geo.frontier", "Frontier": "geo.frontier"}


def __getattr__(name: str) -> Any:
    if name == "reference":
        return importlib.import_module("geo.reference")
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'geo' has no attribute {name!r}")
