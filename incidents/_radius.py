"""Uncertainty radii of name matches, from measured evidence.

A name match's radius is not one constant per match class: it is looked up by
the evidence the match rests on (:func:`basis`):

* the match class -- ``place_exact``, ``place_variant`` (transliteration
  skeleton) or ``place_edit`` (one edit away);
* the hints -- the place lies in the hinted district, or in the hinted province
  when no district was hinted (``district``: it agrees with every hint given), in
  the hinted province but not the hinted district (``province``), outside what
  was hinted (``off``: accepted as a town of the hinted province or a village at
  the district's edge), or no province/district was hinted (``none``);
* the place's rank -- ``town`` (a GeoNames cities500 town or an admin seat) or
  ``village``;
* namesakes -- how many other places of the country carry the same name (same
  key, or same skeleton for a spelling match), more than 2 km away: ``0``,
  ``1-3`` or ``4+``.  Measured on the evaluations, a common name is the
  strongest sign of a wrong namesake: exact village matches in the hinted
  district have a 95th-percentile error of 13 km when the name is unique and
  51 km when other places of the country carry it (holdouts).

:data:`PLACE_RADIUS_KM` holds, per evidence cell, the 95th percentile of the
error beyond the place's own extent, measured on the calibration half of the
cross-source holdouts only (``python tests/incidents/calibrate_radius.py``
recomputes it and reports the coverage on the other half and on the hand-checked
places, which are the check and never calibration data).  One cell is measured
elsewhere: an exact match to a *town* in the hinted district with no namesake
town (``place_exact|district|town|0``).  The holdouts cannot measure it (4 rows:
their "towns" are absent villages named like a town), so it borrowed the village
cell (11.5 km).  It is measured on the calibration half of
``tests/incidents/data/towns_truth.csv`` (74 Afghan and Pakistani towns with the
coordinate of their Wikipedia article, split by CRC-32 of the name; 30 rows in
the cell): the 95th percentile of the error beyond the town's extent is 1.95 km,
rounded up to 2.0 km (raw error p95 3.4 km), below the class floor, so such a match gets
``FLOOR_KM["place_exact"]`` = 8 km plus its extent, 0.006 km x sqrt(population)
capped at 20 km (:mod:`incidents._answer`; 5 km for a capital without a
population).  Check half: 37 of 39 covered, 39 of 39 within 25 km; the
hand-checked places, hinted: 98.9 % covered, median radius 9.9 km (was 12.5).
30 rows, the size a holdout cell needs (``calibrate_towns.MIN_TOWN_ROWS``
is 15): the measurement is small but is the only one of towns themselves.
Hint-free cells (``none``) are measured on the same holdout places queried by name alone: a bare
name is a namesake or look-alike somewhere in two countries far more often than
a hint-checked one, and its radius says so (hundreds of km).  A bare name matched
exactly to a town is the exception: the holdouts cannot measure it (their town
rows are absent villages that share a town's name), so it takes the same match
in a hinted district.

:data:`FALLBACK_SCALE` scales the radius of a fallback to a hinted unit (the
unit's ``radius95_km``) by the measured ratio of error to that radius.
"""

from __future__ import annotations

__all__ = [
    "CLASSES",
    "FALLBACK_SCALE",
    "FLOOR_KM",
    "HINTS",
    "PLACE_RADIUS_KM",
    "basis",
    "place_radius",
]

CLASSES = ("place_exact", "place_variant", "place_edit")
HINTS = ("district", "province", "off", "none")
RANKS = ("town", "village")
NAMESAKES = ("0", "1-3", "4+")

#: Smallest radius of each class (km), whatever a small cell measured: the error of
#: a name match is never known better than this (the former class constants).
FLOOR_KM: dict[str, float] = {"place_exact": 8.0, "place_variant": 8.0, "place_edit": 22.0}

#: 95th-percentile error (km) beyond the place's own extent per evidence cell
#: ``class|hint|rank|namesakes``, measured on the calibration half (a cell with
#: fewer than 30 rows takes the value of the first coarser cell that has them;
#: more namesakes never narrow it, a village never gets less than a town).
#: Written by ``tests/incidents/calibrate_radius.py --write``.
PLACE_RADIUS_KM: dict[str, float] = {
    "place_exact|district|town|0": 2.0,
    "place_exact|district|town|1-3": 40.0,
    "place_exact|district|town|4+": 40.0,
    "place_exact|district|village|0": 11.0,
    "place_exact|district|village|1-3": 42.0,
    "place_exact|district|village|4+": 42.0,
    "place_exact|province|town|0": 241.5,
    "place_exact|province|town|1-3": 241.5,
    "place_exact|province|town|4+": 241.5,
    "place_exact|province|village|0": 241.5,
    "place_exact|province|village|1-3": 241.5,
    "place_exact|province|village|4+": 241.5,
    "place_exact|off|town|0": 241.5,
    "place_exact|off|town|1-3": 241.5,
    "place_exact|off|town|4+": 241.5,
    "place_exact|off|village|0": 241.5,
    "place_exact|off|village|1-3": 241.5,
    "place_exact|off|village|4+": 241.5,
    "place_exact|none|town|0": 2.0,
    "place_exact|none|town|1-3": 40.0,
    "place_exact|none|town|4+": 40.0,
    "place_exact|none|village|0": 467.5,
    "place_exact|none|village|1-3": 467.5,
    "place_exact|none|village|4+": 467.5,
    "place_variant|district|town|0": 31.5,
    "place_variant|district|town|1-3": 31.5,
    "place_variant|district|town|4+": 34.0,
    "place_variant|district|village|0": 32.0,
    "place_variant|district|village|1-3": 32.0,
    "place_variant|district|village|4+": 34.0,
    "place_variant|province|town|0": 241.5,
    "place_variant|province|town|1-3": 241.5,
    "place_variant|province|town|4+": 241.5,
    "place_variant|province|village|0": 241.5,
    "place_variant|province|village|1-3": 241.5,
    "place_variant|province|village|4+": 241.5,
    "place_variant|off|town|0": 241.5,
    "place_variant|off|town|1-3": 241.5,
    "place_variant|off|town|4+": 241.5,
    "place_variant|off|village|0": 241.5,
    "place_variant|off|village|1-3": 241.5,
    "place_variant|off|village|4+": 241.5,
    "place_variant|none|town|0": 1108.0,
    "place_variant|none|town|1-3": 1108.0,
    "place_variant|none|town|4+": 1108.0,
    "place_variant|none|village|0": 1108.0,
    "place_variant|none|village|1-3": 1108.0,
    "place_variant|none|village|4+": 1108.0,
    "place_edit|district|town|0": 12.0,
    "place_edit|district|town|1-3": 39.0,
    "place_edit|district|town|4+": 39.0,
    "place_edit|district|village|0": 12.0,
    "place_edit|district|village|1-3": 39.0,
    "place_edit|district|village|4+": 39.0,
    "place_edit|province|town|0": 241.5,
    "place_edit|province|town|1-3": 241.5,
    "place_edit|province|town|4+": 241.5,
    "place_edit|province|village|0": 241.5,
    "place_edit|province|village|1-3": 241.5,
    "place_edit|province|village|4+": 241.5,
    "place_edit|off|town|0": 241.5,
    "place_edit|off|town|1-3": 241.5,
    "place_edit|off|town|4+": 241.5,
    "place_edit|off|village|0": 241.5,
    "place_edit|off|village|1-3": 241.5,
    "place_edit|off|village|4+": 241.5,
    "place_edit|none|town|0": 801.0,
    "place_edit|none|town|1-3": 801.0,
    "place_edit|none|town|4+": 801.0,
    "place_edit|none|village|0": 928.5,
    "place_edit|none|village|1-3": 928.5,
    "place_edit|none|village|4+": 928.5,
}


#: Factor on a hinted unit's 95 % radius when the place is not found and the unit
#: answers (``fallback_<kind>``): the 95th percentile of error / radius
#: on the calibration half of the holdouts (1.0 for a kind with too few rows).
#: Written by ``tests/incidents/calibrate_radius.py --write``.
FALLBACK_SCALE: dict[str, float] = {"county": 1.0, "tehsil": 1.0, "region": 1.0, "country": 1.0}


def basis(cls: str, hint: str, rank: str, namesakes: int) -> str:
    """The evidence cell of a name match (see the module doc)."""
    ns = "0" if namesakes == 0 else "1-3" if namesakes <= 3 else "4+"
    return f"{cls}|{hint}|{rank}|{ns}"


def place_radius(cell: str, *, extent_km: float = 0.0) -> float:
    """Radius (km) of a name match in evidence cell ``cell``: the cell's measured
    95th-percentile error beyond the place's own extent (at least the class's
    :data:`FLOOR_KM`), plus that extent."""
    return max(PLACE_RADIUS_KM[cell], FLOOR_KM[cell.split("|", 1)[0]]) + extent_km
