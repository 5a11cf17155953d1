"""A border place told as "in" the unit across the line from it.

Reports from one side of the frontier often put a town of the other side in
their own province: "the Spin Boldak area of Balochistan" (Spin Boldak lies in
Kandahar, across the line from Balochistan's Chaman), "a village of Kurram" for a
hamlet just inside Paktia.  The geocoder finds no place of that name inside the
named unit, and the place would fall back to the whole unit (a province: a circle
hundreds of km wide).  :func:`across_line` tells when the text's unit only says
on which stretch of the border the place lies: the place is a point of the other
country, within :data:`ACROSS_KM` of the line, inside the circle of the unit.
Then the place itself is the better answer than the unit, unless the gazetteer
knows the place only loosely (a village name with a radius of hundreds of km): then
the district of the named province that faces it across the line is
(:func:`facing_district`: "Bahram Chah in Balochistan" is on Chagai's stretch).
"""

from __future__ import annotations

import functools
import math

from geo.sphere import point_km
from incidents.geocode import Geocoder, Match

__all__ = ["ACROSS_KM", "across_line", "border_km", "facing_district"]

#: A place at most this far from the frontier line may be told as in the unit
#: across the line from it (a border town, a crossing, a village on the line).
ACROSS_KM = 25.0


@functools.lru_cache(maxsize=4096)
def border_km(lon: float, lat: float) -> float:
    """Distance (km) from a point to the frontier line (nan for no point)."""
    if math.isnan(lon) or math.isnan(lat):
        return math.nan
    from geo import Frontier

    return float(Frontier.default().distance_km(lon, lat))


def _km(a: Match, b: Match) -> float:
    return point_km(a.lat, a.lon, b.lat, b.lon)


def across_line(place: Match, unit: Match) -> bool:
    """Whether ``place`` (a point resolved without the unit) is a border place of
    the other country than ``unit`` (a province or district named as holding it),
    within :data:`ACROSS_KM` of the line and inside the unit's circle: the text's unit
    names the stretch of border, not the place's own unit.

    >>> across_line(Match(), Match())
    False
    """
    if place.ambiguous or unit.method not in ("admin1", "admin2"):
        return False
    if not place.country or not unit.country or place.country == unit.country:
        return False
    if any(math.isnan(v) for v in (place.lat, place.lon, unit.lat, unit.lon)):
        return False
    if math.isnan(unit.uncertainty_km) or _km(place, unit) > unit.uncertainty_km:
        return False
    return border_km(place.lon, place.lat) <= ACROSS_KM


def _same(x: object, y: object) -> bool:
    """Whether two unit names are one, ignoring case, spaces and punctuation."""
    return bool(x and y) and "".join(filter(str.isalnum, str(x).lower())) == "".join(
        filter(str.isalnum, str(y).lower())
    )


def facing_district(place: Match, unit: Match, gc: Geocoder) -> Match | None:
    """The district of the province ``unit`` whose area reaches within
    :data:`ACROSS_KM` of ``place``, a border place of the other country
    (:func:`across_line`), nearest it; None when no district of the province
    faces it or ``unit`` is not a province.

    >>> facing_district(Match(), Match(), None)  # doctest: +SKIP
    """
    if unit.method != "admin1" or not across_line(place, unit):
        return None
    g = gc.gazetteer
    province = unit.admin1 or unit.name
    best: tuple[float, int] | None = None
    for r in g.admin_rows:
        if g.kind[r] != "county" or not _same(g.admin1[r], province):
            continue
        gap = point_km(place.lat, place.lon, float(g.lat[r]), float(g.lon[r])) - float(
            g.radius_km[r]
        )
        if best is None or gap < best[0]:
            best = (gap, int(r))
    if best is None or best[0] > ACROSS_KM:
        return None
    got = gc.resolve(f"{g.name[best[1]]} district", admin1=province)
    if not got or got[0].method != "admin2" or not _same(got[0].admin1, province):
        return None
    return got[0]
