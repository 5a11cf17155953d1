"""Result and hint records of the geocoder, and small shared helpers.

:class:`Match` (one place named in a text, with its radius), :class:`Mention`
(a place name found in free text) and :class:`Hints` (a row's admin hints
resolved to shipped units).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

__all__ = ["NO_ROWS", "Hints", "Match", "Mention", "member"]


@dataclass(frozen=True)
class Match:
    """Where one place named in a text is, and how sure we are.

    ``uncertainty_km`` is a radius around (lat, lon) meant to contain the true
    place (see :mod:`incidents._radius`).  ``candidates`` counts the gazetteer entries that
    were close contenders; ``ambiguous`` is set when they disagree by more than
    :data:`incidents._answer.AMBIGUOUS_KM` and no hint separated them.  ``match_class`` names the
    calibration class the radius came from; ``radius_basis`` the evidence cell
    of a name match's radius (:func:`incidents._radius.basis`).
    """

    name: str | None = None
    lon: float = math.nan
    lat: float = math.nan
    method: str = "unresolved"
    precision: int | None = None
    uncertainty_km: float = math.nan
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    ambiguous: bool = False
    candidates: int = 0
    reason: str | None = None
    match_class: str = "unresolved"
    radius_basis: str | None = None


@dataclass(frozen=True)
class Mention:
    """A place name found in free text: ``text[start:end]`` and its matches."""

    start: int
    end: int
    text: str
    key: str
    candidates: tuple[Match, ...] = field(default=())


@dataclass(frozen=True)
class Hints:
    admin1: frozenset[str] = frozenset()
    admin2: frozenset[str] = frozenset()
    country: frozenset[str] = frozenset()
    units: tuple[int, ...] = ()  # gazetteer rows of the most specific hinted units
    #: tehsils named by an ``admin3`` hint: they rank places inside them first
    #: and answer a fallback (the district hints still decide what is "in" the hint)
    tehsils: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.admin1 or self.admin2 or self.country)

    def merged(self, other: Hints) -> Hints:
        if not other:
            return self
        return Hints(
            self.admin1 | other.admin1,
            self.admin2 | other.admin2,
            self.country | other.country,
            other.units or self.units,
            other.tehsils or self.tehsils,
        )


NO_ROWS = np.empty(0, dtype=np.int64)


def member(values: np.ndarray, allowed: frozenset[str]) -> np.ndarray:
    """Elementwise ``value in allowed`` for an object array (None is never in)."""
    out = np.zeros(len(values), dtype=bool)
    for a in allowed:
        out |= values == a
    return out
