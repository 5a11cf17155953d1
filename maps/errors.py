"""Exceptions raised by :mod:`maps`.  All subclass :class:`ValueError`."""

from __future__ import annotations

from geo.errors import FrontierError
from incidents.errors import ExportError

__all__ = ["ExportError", "MapError"]


class MapError(FrontierError):
    """A map or export cannot be built from the arguments given."""
