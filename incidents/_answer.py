"""The answer for a chosen gazetteer row: a :class:`Match` with its method,
precision, ambiguity and radius (name matches by their evidence cell,
:mod:`incidents._radius`; features and units by their own extent), or the
fallback to the most specific hinted unit."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from incidents._candidates import CandidatesMixin, _km_to_shape, _unit_shape
from incidents._gazetteer import ADMIN_KINDS, FEATURE_KINDS, haversine_km
from incidents._grammar import Item
from incidents._match import Hints, Match
from incidents._names import norm, skeleton
from incidents._radius import FALLBACK_SCALE, FLOOR_KM, basis, place_radius

__all__ = [
    "AMBIGUOUS_KM",
    "AMBIGUOUS_REACH_KM",
    "COARSE_KM",
    "RADIUS_KM",
    "RIVAL_REACH_KM",
    "AnswerMixin",
]

#: Radius terms (km) that are not evidence cells: ``near`` and ``area`` widen a
#: match ("near X", "X area"); ``place_exact`` is what a nearby, equally good
#: rival adds beyond its distance.  The radius of a name match itself comes from
#: its evidence cell (:data:`incidents._radius.PLACE_RADIUS_KM`, at least
#: :data:`incidents._radius.FLOOR_KM`; README "Geocoding accuracy").
RADIUS_KM: dict[str, float] = {
    "place_exact": 8.0,
    "place_variant": 8.0,
    "place_edit": 22.0,
    "near": 10.0,
    "area": 5.0,
}
#: A name match whose radius exceeds this (km; the radius a coder's precision 3,
#: province or coarser, stands for: ``incidents.geocode.PRECISION_UNCERTAINTY_KM``)
#: is given precision 3: a bare look-alike name 1,000 km wide is not a point.
COARSE_KM = 100.0
#: A fallback's radius reaches an exact-name place outside the hinted unit that
#: lies up to this far (km) beyond the unit's own radius (:meth:`AnswerMixin._fallback`).
RIVAL_REACH_KM = 100.0
#: A place of the exact name this close (km) outside the hinted district's outline, in
#: its country, and the only one, answers before the district does: a coder's district
#: and the shipped polygon disagree along their edges (:meth:`AnswerMixin._edge_place`).
EDGE_KM = 5.0
#: Candidates farther apart than this, with no hint separating them, are ambiguous.
AMBIGUOUS_KM = 25.0
#: An ambiguous match's radius stretches to rivals up to this far (all of them: a
#: radius that leaves out a candidate the hints could not exclude is not honest).
AMBIGUOUS_REACH_KM = 2000.0
_METHOD_OF_KIND = {
    "crossing": "crossing",
    "tehsil": "gazetteer",
    "county": "admin2",
    "region": "admin1",
    "country": "country",
}


class AnswerMixin(CandidatesMixin):
    """Match building of :class:`incidents._resolver.Geocoder`."""

    def _match(
        self, row: int, close: np.ndarray, item: Item, hints: Hints, quality: float
    ) -> Match:
        g = self._g
        kind = g.kind[row]
        method = _METHOD_OF_KIND.get(kind, "gazetteer")
        cell: str | None = None
        if kind in ("crossing", "foreign"):
            precision, unc, cls = 1, float(g.radius_km[row]), kind
        elif kind in FEATURE_KINDS:
            precision, unc, cls = (
                (1 if g.radius_km[row] <= 5 else 2),
                float(g.radius_km[row]),
                "feature",
            )
        elif kind in ("tehsil", "county"):
            precision, unc, cls = 2, float(g.radius95_km[row]), kind
        elif kind in ("region", "country"):
            precision, unc, cls = 3, float(g.radius95_km[row]), kind
        else:
            pop = g.population[row]
            precision = 1
            cls = ("place_edit", "place_variant", "place_exact")[int(quality)]
            extent = min(0.006 * math.sqrt(pop), 20.0)
            if g.fcode[row] in ("PPLC", "PPLA") and pop == 0:
                extent = 5.0
            cell = self._evidence(row, item, hints, quality)
            unc = place_radius(cell, extent_km=extent)
            cap = self._district_cap(row, hints)
            if cap is not None:
                # the place lies in the hinted district: the radius need not reach
                # past that district (the fallback to it would cover the truth)
                unc = min(unc, max(cap, FLOOR_KM[cls] + extent))
        if kind in ("crossing", "foreign") or kind in FEATURE_KINDS or kind in ADMIN_KINDS:
            cell = None
        reasons = []
        if item.near:
            precision, unc = max(precision, 2), unc + RADIUS_KM["near"]
            reasons.append("near")
        elif "area" in item.roles and precision == 1 and kind != "crossing":
            precision, unc = 2, unc + RADIUS_KM["area"]
        if quality < 2:
            reasons.append("spelling variant" if quality >= 1 else "one edit from a gazetteer name")
        # Ambiguity: close contenders spread wider than AMBIGUOUS_KM that no hint separates.
        own = unc  # the match's own radius, taken around every far rival too
        close = np.unique(np.asarray(close, dtype=np.int64))
        ambiguous = False
        if kind in ADMIN_KINDS:
            # units of that level and name elsewhere (two Nawa districts, in Ghazni
            # and Helmand): rivals, as namesake villages are; a same-named unit of
            # another level (the tehsil in its district) is not
            close = close[g.kind[close] == kind]
        if len(close) > 1 and kind != "crossing":
            d = haversine_km(g.lat[row], g.lon[row], g.lat[close], g.lon[close])
            hs = self._hint_score(np.array([row, *close]), hints)
            rival = hs[1:] >= hs[0]
            ambiguous = bool((rival & (d > AMBIGUOUS_KM)).any())
            # Equally good contenders nearby: the radius takes them in.
            nearby = rival & (d <= AMBIGUOUS_KM)
            if nearby.any():
                unc = max(unc, float(d[nearby].max()) + RADIUS_KM["place_exact"])
            if ambiguous:
                # Not a confident dot: shown as low precision, and the radius takes in
                # rivals up to AMBIGUOUS_REACH_KM away (farther ones only flag it).
                precision = max(precision, 2)
                cls = "ambiguous"
                far = d[rival & (d <= AMBIGUOUS_REACH_KM)]
                if len(far):
                    unc = max(unc, float(far.max()) + own)
                reasons.append(f"{int((rival & (close != row)).sum()) + 1} places of this name")
        if (cell is not None or ambiguous) and unc > COARSE_KM:
            precision = 3  # the precision never claims more than the radius allows
        return Match(
            name=str(g.name[row]),
            lon=float(g.lon[row]),
            lat=float(g.lat[row]),
            method=method,
            precision=precision,
            uncertainty_km=round(unc, 2),
            country=g.country[row],
            admin1=g.admin1[row],
            admin2=g.admin2[row],
            ambiguous=ambiguous,
            candidates=int(len(close)),
            reason="; ".join(reasons) or None,
            match_class=cls,
            radius_basis=cell,
        )

    def _district_cap(self, row: int, hints: Hints) -> float | None:
        """The radius (km) that covers the hinted district from ``row`` when ``row``
        lies in it: its distance to the unit's point plus the unit's 95 % radius
        (what the fallback to the unit covers); None when no hinted district holds
        the place."""
        g = self._g
        if not hints.admin2 or g.admin2[row] not in hints.admin2:
            return None
        caps = [
            float(haversine_km(g.lat[row], g.lon[row], g.lat[u], g.lon[u]))
            + float(g.radius95_km[u])
            for u in hints.units
            if g.kind[u] in ("county", "tehsil") and g.admin2[u] == g.admin2[row]
        ]
        return min(caps) if caps else None

    def _evidence(self, row: int, item: Item, hints: Hints, quality: float) -> str:
        """The evidence cell of a name match (:func:`incidents._radius.basis`): where
        the place lies relative to the hints, its rank, and how many other places
        of its country carry the name."""
        g = self._g
        one = np.array([row])
        if hints.admin2 and (g.admin2[row] in hints.admin2 or self._reaches(one, hints)[0]):
            hint = "district"
        elif not hints.admin2 and hints.admin1 and g.admin1[row] in hints.admin1:
            # only a province was hinted and the place is in it: the place agrees
            # with every hint given, like a place in a hinted district (``province``
            # is kept for a place outside the hinted district, a sign of a wrong
            # match); the country-wide namesake count carries the remaining risk
            hint = "district"
        elif hints.admin1 and g.admin1[row] in hints.admin1:
            hint = "province"
        elif hints.admin1 or hints.admin2:
            hint = "off"
        else:
            hint = "none"
        rank = "town" if (g.is_town[row] or g.importance[row] >= 2.5) else "village"
        same = g.by_key.get(item.key) if quality >= 2 else g.by_skel.get(skeleton(item.key))
        if not (same == row).any():
            # matched under another written form ("Spinwam", "Lowi Mamund"): the
            # namesakes are those of the name that matched
            own = norm(str(g.name[row]))
            same = g.by_key.get(own) if quality >= 2 else g.by_skel.get(skeleton(own))
        if rank == "village" and hint == "none" and self._is_seat(row, same):
            # a bare name is the seat of the same-named unit around it: read like a
            # town (with a hint, the hint already checks the place)
            rank = "town"
        same = same[g.is_place[same] & (same != row)]
        if len(same):
            far = haversine_km(g.lat[row], g.lon[row], g.lat[same], g.lon[same]) > 2.0
            same = same[far]
        # namesakes anywhere in the place's country: a common name is the measured
        # sign of a wrong namesake (the hints cannot see a record that is missing)
        same = same[g.country[same] == g.country[row]]
        if rank == "town":
            # a town is confused with other towns of its name, not with hamlets
            # that share it (the ranking puts towns first)
            same = same[g.is_town[same] | (g.importance[same] >= 2.5)]
        cls = ("place_edit", "place_variant", "place_exact")[int(quality)]
        return basis(cls, hint, rank, len(same))

    def _is_seat(self, row: int, same: np.ndarray) -> bool:
        """Whether the place carries the name of a district or tehsil that contains
        it (Mir Ali in Mir Ali tehsil): the seat of a unit is reported under its own
        name like a town, whatever the source's feature class says."""
        g = self._g
        units = same[(g.kind[same] == "tehsil") | (g.kind[same] == "county")]
        if not len(units):
            return False
        d = haversine_km(g.lat[row], g.lon[row], g.lat[units], g.lon[units])
        inside = (g.admin2[units] == g.admin2[row]) | (d <= g.radius95_km[units])
        return bool(inside.any())

    def _edge_place(self, item: Item, hints: Hints) -> Match | None:
        """The one place of the item's exact name lying at most :data:`EDGE_KM` outside
        the single hinted district, else None."""
        g = self._g
        units = [int(u) for u in hints.units if g.kind[u] == "county"]
        if len(units) != 1 or not item.key:
            return None
        u = units[0]
        rows = g.by_key.get(item.key)
        # (never across the frontier: the side of a place is what this tool measures)
        rows = rows[g.is_place[rows] & (g.country[rows] == g.country[u])]
        shape = _unit_shape("county", g.country[u], g.admin1[u], g.admin2[u]) if len(rows) else None
        if shape is None:
            return None
        d = _km_to_shape(shape, g.lat[rows], g.lon[rows])
        near = d <= EDGE_KM
        if near.sum() != 1:
            return None
        row, km = int(rows[near][0]), float(d[near][0])
        # its radius is that of a place in the district hinted (it is, but for the edge)
        own = Hints(
            frozenset({g.admin1[row]} - {None}),
            frozenset({g.admin2[row]} - {None}),
            frozenset({g.country[row]} - {None}),
        )
        m = self._match(row, rows[near], item, own, 2.0)
        return replace(
            m,
            uncertainty_km=round(m.uncertainty_km + km, 2),
            reason="; ".join(
                x for x in (m.reason, f"{km:.1f} km outside the hinted district {g.name[u]}") if x
            ),
        )

    def _fallback(self, hints: Hints, why: str, *, rivals: np.ndarray | None = None) -> Match:
        """The most specific hinted unit, or an unresolved Match.

        ``rivals`` are places whose name matched exactly but that lie outside the
        hinted unit: the radius reaches those up to :data:`RIVAL_REACH_KM` beyond
        the unit's own radius (the source's district may not be the polygon that
        holds the place), and the note names them."""
        g = self._g
        units = list(hints.tehsils or hints.units)
        if not units:
            return Match(reason=why)
        if len(units) > 1:
            # several hinted units ("Dir", "Malakand Division"): answer with the one
            # whose radius takes in all of them most tightly
            reach = [
                max(
                    float(haversine_km(g.lat[u], g.lon[u], g.lat[o], g.lon[o]))
                    + float(g.radius95_km[o])
                    for o in units
                )
                for u in units
            ]
            units.insert(0, units.pop(int(np.argmin(reach))))
        row = int(units[0])
        m = self._match(row, np.array([row]), Item(""), hints, 2.0)
        if np.isfinite(g.fallback_lat[row]):
            # a tehsil's point is its seat; a place in it the gazetteer lacks is
            # likelier near the median of its settlements
            lat, lon = float(g.fallback_lat[row]), float(g.fallback_lon[row])
            m = replace(m, lat=lat, lon=lon, uncertainty_km=float(g.fallback_km[row]))
        unc = m.uncertainty_km
        for other in units[1:]:  # several hinted units ("Dir" = Upper + Lower Dir)
            d = float(haversine_km(m.lat, m.lon, g.lat[other], g.lon[other]))
            unc = max(unc, d + float(g.radius95_km[other]))
        level = {
            "admin2": "district",
            "admin1": "province",
            "country": "country",
            "gazetteer": "tehsil",
        }.get(m.method, m.method)
        method = "admin2" if g.kind[row] == "tehsil" else m.method
        # the unit's 95 % radius times the measured error/radius ratio of fallbacks
        unc *= FALLBACK_SCALE.get(str(g.kind[row]), 1.0)
        if rivals is not None and len(rivals):
            d = haversine_km(m.lat, m.lon, g.lat[rivals], g.lon[rivals])
            far = np.asarray(d, dtype=float) + FLOOR_KM["place_exact"]
            far = far[far <= unc + RIVAL_REACH_KM]
            if len(far):
                unc = max(unc, float(far.max()))
                why = f"{why} inside the hinted unit; a place of the name lies outside it"
        return replace(
            m,
            method=method,
            uncertainty_km=round(unc, 2),
            reason=f"{why}; fell back to the {level} from the hints",
            match_class=f"fallback_{g.kind[row]}",
        )
