"""Candidate places of an item: exact name key (words joined or split count as
exact), else transliteration skeleton, else a written variant of the name
(direction/size words, town-part words: :func:`incidents._names.variant_keys`),
else one edit away; and how well each agrees with the row's hints."""

from __future__ import annotations

import functools

import numpy as np
import shapely
from rapidfuzz.distance import Levenshtein

from incidents._gazetteer import haversine_km
from incidents._grammar import Item
from incidents._hints import HintsMixin
from incidents._match import Hints, member
from incidents._names import (
    aspirate_skeletons,
    norm,
    script,
    skeleton,
    skeleton_neighbours,
    variant_keys,
)

__all__ = ["SEAT_WORDS", "CandidatesMixin"]

#: Second words of a town's other recorded names ("Bara Fort", "Wana Bazaar").
SEAT_WORDS = ("bazaar", "bazar", "fort", "town", "city", "cantonment", "khas", "adda")


_UNIT_ROLES = frozenset({"admin2", "tehsil", "admin1"})
#: Kinds a unit type word asks for.
_UNIT_LEVEL = {
    "admin2": ("county", "tehsil"),
    "tehsil": ("tehsil", "county"),
    "admin1": ("region",),
}


class CandidatesMixin(HintsMixin):
    """Candidate search and hint agreement of :class:`incidents._resolver.Geocoder`."""

    def _candidates(self, item: Item, hints: Hints) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Gazetteer rows for an item, their match quality (2 exact, 1 skeleton or a
        written variant, 0 one edit away) and their name similarity to the item.

        When the name (exactly or by its skeleton) finds nothing the hints accept,
        its written variants (:func:`incidents._names.variant_keys`: "Lowi
        Mamund" -> "Loe Mamund", "Mamund"; "Wana Bazaar" -> "Wana") are looked up
        exactly, in order, and the first one the hints accept answers with the
        quality of a spelling variant: a variant never outranks a match of the
        name itself.
        """
        rows, qual, sim = self._name_candidates(item.key, hints)
        g = self._g
        level = _UNIT_LEVEL.get(next(iter(item.roles & _UNIT_ROLES), ""), ())
        if level and hints:
            # "Shinwari district": the text names a unit; a hinted unit spelled
            # alike ("Shinwar") joins an exact village of the name
            hinted = self._in_hints(rows, hints) & np.isin(g.kind[rows], level)
            if not hinted.any():
                alike = g.by_skel.get(skeleton(item.key))
                alike = alike[np.isin(g.kind[alike], level)]
                alike = alike[self._in_hints(alike, hints)]
                alike, sims = self._similar(np.setdiff1d(alike, rows), item.key, 0.75)
                if len(alike):
                    rows = np.concatenate([rows, alike])
                    qual = np.concatenate([qual, np.ones(len(alike))])
                    sim = np.concatenate([sim, sims])
        if len(rows) and qual.max() >= 1 and (not hints or self._any_hinted(rows, hints)):
            return rows, qual, sim
        # a town of the exact name elsewhere: the hint is more likely off than the
        # name short of a direction word ("Khairpur" is not "Khairpur Purana")
        town = bool(len(rows) and (g.is_town[rows] & (qual >= 2)).any())
        words = item.key.count(" ")
        for v in variant_keys(item.key):
            if town and v.count(" ") > words:
                continue
            vr = g.by_key.get(v)
            if len(vr) and (not hints or self._any_hinted(vr, hints)):
                return vr, np.ones(len(vr)), np.full(len(vr), 0.99)
        return rows, qual, sim

    def _name_candidates(self, key: str, hints: Hints) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Candidates of the name itself: exact key, else skeleton, else one edit."""
        g = self._g
        exact = g.by_key.get(key)
        if not (g.is_place[exact] & self._in_hints(exact, hints)).any():
            # A town is also known by its bazaar, fort or cantonment ("Bara" is
            # recorded as "Bara Fort"): those names count as the town's own.
            seats = [g.by_key.get(f"{key} {w}") for w in SEAT_WORDS]
            seats = [r[g.is_place[r]] for r in seats if len(r)]
            if seats:
                exact = np.unique(np.concatenate([exact, *seats]))
        if len(exact) and not g.is_place[exact].any() and skeleton(key):
            # Only units carry the name exactly: their seat town may be spelled
            # otherwise ("Killa Saifullah" district, "Qila Saifullah" town).
            own = [g.by_key.get(norm(g.name[u])) for u in exact]  # "D.I. Khan" -> its name
            alt = np.concatenate([g.by_skel.get(skeleton(key)), *own])
            alt = alt[g.is_place[alt] & (g.is_town[alt] | (g.importance[alt] >= 2.5))]
            units = {g.admin2[u] for u in exact if g.kind[u] in ("county", "tehsil")}
            alt = alt[np.isin(g.admin2[alt], list(units - {None}))]
            if len(alt):
                exact = np.concatenate([exact, alt])
        ones = np.ones(len(exact))
        if len(exact) and (not hints or self._any_hinted(exact, hints)):
            return exact, 2 * ones, ones
        if len(exact) and (g.is_town[exact] & g.is_place[exact]).any():
            # a town of the exact name lies outside the hints: it answers unless a
            # town spelled alike lies inside them ("Qalat" with Balochistan is
            # Kalat there, not Qalat in Zabul)
            sk = skeleton(key)
            alike = np.setdiff1d(g.by_skel.get(sk), exact) if sk else exact[:0]
            alike = alike[g.is_place[alike] & (g.is_town[alike] | (g.importance[alike] >= 2.5))]
            alike, sims = self._similar(alike[self._in_hints(alike, hints)], key, 0.5)
            return (
                np.concatenate([exact, alike]),
                np.concatenate([2 * ones, np.ones(len(alike))]),
                np.concatenate([ones, sims]),
            )
        sk = skeleton(key)
        if not sk or len(key) < 3:
            return exact, 2 * ones, ones
        fuzzy = np.setdiff1d(g.by_skel.get(sk), exact)
        more = [g.by_skel.get(a) for a in aspirate_skeletons(key)]
        if any(len(a) for a in more):  # "Kacchi" is also the "Kachhi" of the index
            fuzzy = np.setdiff1d(np.concatenate([fuzzy, *more]), exact)
        sims = np.empty(0)
        if len(fuzzy):
            fuzzy, sims = self._similar(fuzzy, key, 0.5, hints)
        rows = np.concatenate([exact, fuzzy])
        # the same letters split or joined otherwise ("Spinwam" / "Spin Wam",
        # "Datta Khel" / "Dattakhel") are the name itself, not a respelling
        qual = np.concatenate([2 * ones, np.where(sims >= 1.0, 2.0, 1.0)])
        sim = np.concatenate([ones, sims])
        if len(rows) or len(sk) < 4:
            return rows, qual, sim
        near: list[np.ndarray] = [g.by_skel.get(s) for s in skeleton_neighbours(sk)]
        near = [a for a in near if len(a)]
        if not near:
            return rows, qual, sim
        cand, sims = self._similar(np.unique(np.concatenate(near)), key, 0.7, hints)
        return cand, np.zeros(len(cand)), sims

    def _similar(
        self, rows: np.ndarray, key: str, floor: float, hints: Hints | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Rows having a same-script key at least ``floor`` similar to ``key``, and
        that similarity (spaces ignored)."""
        g = self._g
        if len(rows) > 400:  # very common skeletons: hinted rows first, then known places
            pref = g.importance[rows] + (10.0 * self._hint_score(rows, hints) if hints else 0.0)
            rows = rows[np.argsort(-pref, kind="stable")[:400]]
        ks = script(key)
        flat = key.replace(" ", "")
        keep, sims = [], []
        for r in rows:
            best = max(
                (
                    Levenshtein.normalized_similarity(flat, k.replace(" ", ""))
                    for k in g.keys_of(int(r))
                    if script(k) == ks
                ),
                default=0.0,
            )
            if best >= floor:
                keep.append(r)
                sims.append(best)
        return np.asarray(keep, dtype=np.int64), np.asarray(sims, dtype=float)

    def _in_hints(self, rows: np.ndarray, hints: Hints) -> np.ndarray:
        """Rows inside the most specific hinted unit (all rows when no hint); an
        area or natural feature counts when its extent reaches the unit."""
        g = self._g
        if hints.admin2:
            return member(g.admin2[rows], hints.admin2) | self._reaches(rows, hints)
        if hints.admin1:
            return member(g.admin1[rows], hints.admin1) | self._reaches(rows, hints)
        return np.ones(len(rows), dtype=bool)

    def _reaches(self, rows: np.ndarray, hints: Hints) -> np.ndarray:
        """Features (valleys, ranges, tribal areas, ...) whose extent overlaps a
        hinted unit: the Tirah valley lies in Khyber *and* Orakzai, its point in
        only one of them."""
        g = self._g
        out = np.zeros(len(rows), dtype=bool)
        feat = np.flatnonzero(g.is_feature[rows])
        if not len(feat) or not hints.units:
            return out
        units = np.asarray(hints.units, dtype=np.int64)
        units = units[np.isin(g.kind[units], ("tehsil", "county", "region"))]
        if not len(units):
            return out
        fr = rows[feat]
        for u in units:
            shape = _unit_shape(str(g.kind[u]), g.country[u], g.admin1[u], g.admin2[u])
            if shape is None:  # a tehsil, a Who's On First district: its 95 % radius
                d = haversine_km(g.lat[fr], g.lon[fr], g.lat[u], g.lon[u])
                out[feat] |= d <= g.radius_km[fr] + g.radius95_km[u]
            else:  # the unit's outline (its point stands where its people live)
                out[feat] |= _km_to_shape(shape, g.lat[fr], g.lon[fr]) <= g.radius_km[fr]
        return out

    def _off_country(self, row: int, hints: Hints) -> bool:
        """True when the country is the only hint and ``row`` lies in another
        country (the edge test of a province or district means nothing at the
        scale of a country's radius)."""
        g = self._g
        if hints.admin1 or hints.admin2 or not hints.country or "other" in hints.country:
            return False
        c = g.country[row]
        return c is not None and c not in hints.country

    def _any_hinted(self, rows: np.ndarray, hints: Hints) -> bool:
        g = self._g
        # The most specific hint given must agree.
        if hints.admin2 or hints.admin1:
            ok = self._in_hints(rows, hints)
        else:
            ok = member(g.country[rows], hints.country)
        return bool(ok.any()) or bool(np.isin(g.kind[rows], ("crossing", "country")).any())

    def _hint_score(self, rows: np.ndarray, hints: Hints | None) -> np.ndarray:
        g = self._g
        s = np.zeros(len(rows))
        if not hints:
            return s
        s += 4 * member(g.admin2[rows], hints.admin2)
        s += 2 * member(g.admin1[rows], hints.admin1)
        s += member(g.country[rows], hints.country)
        reach = self._reaches(rows, hints)
        if reach.any():  # an area reaching the hinted unit is as good as one inside it
            inside = 4.0 * bool(hints.admin2) + 2.0 * bool(hints.admin1) + bool(hints.country)
            s[reach] = np.maximum(s[reach], inside)
        return s


@functools.cache
def _unit_shapes() -> dict[tuple, object]:
    """Shipped province and district outlines by (kind, country, admin1, admin2),
    loaded on the first feature checked against a hinted unit."""
    from geo.reference import admin1, admin2

    out: dict[tuple, object] = {}
    a1, a2 = admin1(), admin2()
    for c, p, geom in zip(a1["country"], a1["admin1"], a1.geometry, strict=True):
        out[("region", c, p, None)] = geom
    for c, p, d, geom in zip(a2["country"], a2["admin1"], a2["admin2"], a2.geometry, strict=True):
        out[("county", c, p, " ".join(str(d).split()))] = geom
    for geom in out.values():
        shapely.prepare(geom)
    return out


def _unit_shape(kind: str, country: object, admin1: object, admin2: object) -> object | None:
    """The outline of a shipped province or district gazetteer row (None for others)."""
    if kind not in ("region", "county"):
        return None
    return _unit_shapes().get((kind, country, admin1, admin2 if kind == "county" else None))


def _km_to_shape(shape: object, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Great-circle km from each point to the nearest point of ``shape`` (0 inside)."""
    pts = shapely.points(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
    near = shapely.shortest_line(pts, shape)
    xy = shapely.get_coordinates(near).reshape(-1, 2, 2)
    return np.asarray(haversine_km(xy[:, 0, 1], xy[:, 0, 0], xy[:, 1, 1], xy[:, 1, 0]), dtype=float)
