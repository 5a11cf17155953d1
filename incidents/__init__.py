"""Incident tables: one schema, loaders, geocoding, positioning and aggregation.

The public names load on first use (``incidents.geocode`` imports the gazetteer
index only when called for), so importing :mod:`incidents.errors` or
:mod:`incidents.schema` stays cheap.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

from incidents.errors import (
    ExportError,
    GeocodeError,
    IncidentError,
    LoadError,
    NotPositionedError,
    SchemaError,
)

if TYPE_CHECKING:
    from incidents.aggregate import AGGREGATIONS, aggregate, change
    from incidents.extract import extract
    from incidents.fuse import fuse
    from incidents.geocode import Geocoder, Match, geocode
    from incidents.io import read, write
    from incidents.load import load
    from incidents.position import is_positioned, position, prepare

#: Public name -> module that defines it.
_LAZY = {
    "AGGREGATIONS": "incidents.aggregate",
    "aggregate": "incidents.aggregate",
    "change": "incidents.aggregate",
    "extract": "incidents.extract",
    "fuse": "incidents.fuse",
    "Geocoder": "incidents.geocode",
    "Match": "incidents.geocode",
    "geocode": "incidents.geocode",
    "read": "incidents.io",
    "write": "incidents.io",
    "load": "incidents.load",
    "is_positioned": "incidents.position",
    "position": "incidents.position",
    "prepare": "incidents.position",
}

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


class _Package(types.ModuleType):
    """Keeps ``incidents.aggregate`` (etc.) the function when its submodule loads.

    Importing a submodule sets an attribute of the same name on the package; for
    the public functions named like their module (``aggregate``, ``geocode``,
    ``extract``, ``load``, ``position``) that would hide the function.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _LAZY and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'incidents' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
