"""Aggregate positioned incidents into mappable units, and compare periods.

:func:`aggregate` counts a positioned incident table (:func:`incidents.position`)
by one of :data:`AGGREGATIONS`, optionally crossed with a ``period``, and returns a
GeoDataFrame (EPSG:4326) whose geometry can be mapped directly:

``segment``
    Pieces of the frontier ``km`` long from its north-eastern end (the last piece is
    the remainder), one row per piece and side (``AF``/``PK``); the geometry is the
    piece of line (:func:`segment_corridors` swaps in a corridor polygon).  An
    incident belongs to the piece holding its nearest point on the line
    (``frontier_km``), whatever its distance from the line: filter on
    ``border_distance_km`` first to restrict the count to a corridor.
``admin1`` / ``admin2``
    Provinces and districts of both countries (:func:`geo.reference.admin1` /
    :func:`~geo.reference.admin2`, Pakistan in its post-2018 layout with the former
    FATA inside Khyber Pakhtunkhwa), from ``point_admin1`` / ``point_admin2``.
``hex``
    H3 cells at ``resolution`` (default 6, cells of about 36 km²).
``band``
    Distance bands from the line per side (:mod:`geo.bands`, edges
    :data:`geo.DISTANCE_BANDS_KM` by default: ``0-10 km`` ... ``50-100 km`` and
    ``>100 km``), from ``border_distance_km``.  Band polygons are drawn
    from the line simplified by 1 % of the band's outer distance (display only:
    counts use the exact ``border_distance_km``).

No spatial join is made: every unit comes from the POSITION columns (or, for
``hex``, the point itself), which is what makes aggregation fast.

Measures per row: ``incidents`` (count), ``fatalities`` (sum; missing counts as 0),
``low_precision`` (incidents with ``geo_precision`` 2 or 3) and
``low_precision_share`` (their share, null for an empty unit), ``first_date`` /
``last_date``, and one ``type_<slug>`` count per event type found in the input
(``type_unknown`` for a missing type; ``attrs["event_types"]`` maps each column to
its type).

Rows and units
--------------
Without ``period``, every unit of a fixed layer is listed, empty ones with zero
counts (segments x {AF, PK}, all provinces/districts, bands x {AF, PK}); units
outside that template that incidents fall in (side ``other``) are appended.  Hex
cells are listed only where incidents are.  With ``period`` (``day``, ``week``
starting on Monday, ``month``), a row is a (unit, period) pair with at least one
incident; ``period`` is the first day of the period; undated incidents get a null
period.  Output is sorted (units in layer order, unassigned last, then period) and
is identical for identical input.

Unassigned rows (the precision rule)
------------------------------------
Incidents are never dropped.  A *located* incident (it has a point) that cannot
honestly be given a unit at this level is counted in a row with ``unit`` =
``"unassigned"`` and null geometry (one per period when ``period`` is set; always
present without a period, possibly with zero).  An incident is unassigned when

* ``admin1``: ``geocode_method`` is ``country``, or ``point_admin1`` is missing or
  not a province of the reference layer (point outside both countries);
* ``admin2``: ``geo_precision`` is 3 (province or coarser), or ``point_admin2`` is
  missing or not a reference district;
* ``segment``: ``geo_precision`` is 3, or it is 2 and ``uncertainty_km`` exceeds the
  segment length ``km``; or ``frontier_km``/``side`` is missing;
* ``band``: ``geo_precision`` is 3, or it is 2 and ``uncertainty_km`` exceeds the
  width of the band its point falls in (the last, open band has no limit); or
  ``border_distance_km``/``side`` is missing;
* ``hex``: ``geo_precision`` is 3, or it is 2 and ``uncertainty_km`` exceeds the
  mean H3 edge length at ``resolution`` (3.7 km at resolution 6, so every
  district-level incident there).

For ``segment``, ``band`` and ``hex`` a located point outside the frontier's region
(:data:`geo.REGION`: Afghanistan and Pakistan with a margin; a point on another
continent or a sign-flipped coordinate) is unassigned too: it is nobody's piece of
this frontier (the map counts such rows as "outside the region").

A missing ``geo_precision`` on a located row counts as 1 (input coordinates of
unknown precision); a missing ``uncertainty_km`` never makes a row unassigned.
Rows without a point are *unlocated*: they are not counted anywhere and are
reported in ``attrs`` (``rows``, ``located``, ``unlocated``, ``unassigned``).
Hence, for every aggregation: sum of ``incidents`` (unassigned row included) ==
``attrs["located"]``, and likewise for ``fatalities``.

:func:`assign_units` gives, row by row, the unit :func:`aggregate` counts each
incident in (``"unassigned"`` when too coarse, <NA> when not located), so that
other outputs (the map) count exactly what the aggregate counts.

:func:`unit_codes` gives the same for several levels at once, reading the table
once, as positions in the unit list :func:`aggregate` makes (the map uses it).

:func:`change` compares two periods of such an aggregate per unit, and labels a
unit an increase or decrease only when an exact test says the difference is
unlikely under an unchanged rate (see its Notes).

Modules: one per unit (``_segment``, ``_admin``, ``_hex``, ``_band``), all
following :class:`~incidents.aggregate._unit.Unit`; ``_reduce`` counts,
``_change`` compares periods, ``_corridors`` draws segment corridors.
"""

from incidents.aggregate._aggregate import (
    UNASSIGNED_CODE,
    UNITS,
    UNLOCATED_CODE,
    UnitCodes,
    aggregate,
    assign_units,
    unit_codes,
)
from incidents.aggregate._change import LEVEL, TRENDS, change, poisson_change_p
from incidents.aggregate._checks import AGGREGATIONS, PERIODS
from incidents.aggregate._corridors import segment_corridors
from incidents.aggregate._reduce import UNASSIGNED
from incidents.aggregate._unit import Unit

__all__ = [
    "AGGREGATIONS",
    "LEVEL",
    "PERIODS",
    "TRENDS",
    "UNASSIGNED",
    "UNASSIGNED_CODE",
    "UNITS",
    "UNLOCATED_CODE",
    "Unit",
    "UnitCodes",
    "aggregate",
    "assign_units",
    "change",
    "poisson_change_p",
    "segment_corridors",
    "unit_codes",
]
