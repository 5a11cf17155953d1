"""Exceptions raised by :mod:`geo`.  All subclass :class:`ValueError`."""

from __future__ import annotations


class FrontierError(ValueError):
    """Base class for every error this project raises on bad input."""


class CRSError(FrontierError):
    """Input has no coordinate reference system, or one that cannot be used."""


class GeometryError(FrontierError):
    """A geometry (or a frontier line) does not have the shape required."""


class DataError(FrontierError):
    """A shipped or user-supplied reference layer cannot be read or is malformed."""
