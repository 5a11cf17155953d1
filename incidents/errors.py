"""Exceptions raised by :mod:`incidents`.  All subclass :class:`ValueError`."""

from __future__ import annotations

from geo.errors import FrontierError


class IncidentError(FrontierError):
    """Base class for incident-table errors."""


class LoadError(IncidentError):
    """An input file cannot be read as an incident table."""


class SchemaError(IncidentError):
    """A table does not carry the columns or types a step needs."""


class NotPositionedError(SchemaError):
    """A step needs positioned incidents (run ``frontier geocode`` first)."""


class GeocodeError(IncidentError):
    """The geocoder was called with arguments it cannot use."""


class ExportError(IncidentError):
    """An output file cannot be written in the format asked for."""
