"""Exceptions raised by :mod:`maps`.  All subclass :class:`ValueError`."""

from __future__ import annotations

from geo.errors import FrontierError


class MapError(FrontierError):
    """A map or export cannot be built from the arguments given."""


class ExportError(MapError):
    """An output file cannot be written in the format asked for."""
