"""Ranking: which candidate answers for an item.

Hints first (a candidate in the hinted district beats one outside), then match
quality, then the role the text's type words ask for (``town`` -> a populated
place, ``district`` -> the unit, ``valley`` -> a natural feature); an exact
feature name beats spelling matches of other names.  Namesake ties: feature
rank (admin seat, population, feature class), then closeness to a same-named
admin unit, otherwise the candidate central to its rivals.  Nothing here
depends on the frontier.  A match the hints contradict is dropped (the caller
falls back to the hinted unit).
"""

from __future__ import annotations

import functools
from dataclasses import replace

import numpy as np
import shapely

from incidents._candidates import SEAT_WORDS, CandidatesMixin
from incidents._density import denser_namesake
from incidents._gazetteer import haversine_km
from incidents._grammar import QUALIFIERS, Item, named_forms
from incidents._match import NO_ROWS, Hints
from incidents._names import AFFIX_SYNONYMS, admin_core, norm, skeleton

__all__ = ["VET_EDGE_KM", "RankingMixin"]

#: First words of split tehsil names that are not a seat's name ("Lower X",
#: "Central X", "Town I"): direction/size words and type words.
NOT_A_SEAT = frozenset(
    {w for grp in AFFIX_SYNONYMS for w in grp} | set(QUALIFIERS) | {"central", "middle"}
)
#: A place outside the hinted unit is kept when it lies this close to the unit's
#: 95 % radius (a place on its edge, or a coarse boundary), else the unit answers.
VET_EDGE_KM = 5.0


@functools.cache
def _tehsil_shapes() -> dict[str, list[tuple[float, float, object]]]:
    """Shipped Pakistani tehsil polygons by name key, each with its label point
    (lat, lon), loaded on the first ``admin3`` hint."""
    from geo.reference import pak_tehsils

    t = pak_tehsils()
    out: dict[str, list[tuple[float, float, object]]] = {}
    cols = (t["name"], t["label_lat"], t["label_lon"], t.geometry)
    for name, lat, lon, geom in zip(*cols, strict=True):
        if geom is not None and not geom.is_empty:
            shapely.prepare(geom)
            out.setdefault(norm(str(name)), []).append((float(lat), float(lon), geom))
    return out


def _tehsil_shape(name: str, lat: float, lon: float) -> object | None:
    """The polygon of the tehsil named ``name`` that holds its gazetteer point
    (lat, lon): tehsil names repeat (two Khanpur)."""
    shapes = _tehsil_shapes().get(norm(name), [])
    for _, _, geom in shapes:
        if shapely.contains_xy(geom, lon, lat):
            return geom
    for la, lo, geom in shapes:  # a point on the outline's edge: its label point
        if float(haversine_km(lat, lon, la, lo)) <= 1.0:
            return geom
    return None


class RankingMixin(CandidatesMixin):
    """Candidate ranking of :class:`incidents._resolver.Geocoder`."""

    def _hint_score(self, rows: np.ndarray, hints: Hints | None) -> np.ndarray:
        """Agreement with the hints (:meth:`CandidatesMixin._hint_score`), plus one
        for a place within a hinted tehsil's 95 % radius (an ``admin3`` hint):
        of two namesakes in the hinted district, the one in the tehsil."""
        s = super()._hint_score(rows, hints)
        if hints is None or not hints.tehsils or not len(rows):
            return s
        g = self._g
        inside = np.zeros(len(rows), dtype=bool)
        for t in hints.tehsils:
            shape = _tehsil_shape(str(g.name[t]), float(g.lat[t]), float(g.lon[t]))
            if shape is not None:
                inside |= shapely.contains_xy(shape, g.lon[rows], g.lat[rows])
            else:  # a tehsil without a shipped polygon: its 95 % radius
                d = haversine_km(g.lat[rows], g.lon[rows], g.lat[t], g.lon[t])
                inside |= d <= g.radius95_km[t]
        return s + (inside & ~g.is_admin[rows])

    def _pick(self, rows: np.ndarray, key: str) -> tuple[int, np.ndarray]:
        """The namesake to answer with, and its close contenders.

        Feature rank first (admin seat, population, feature class); among equals,
        the one nearest a same-named admin unit, else the one central to the
        others (smallest farthest rival).  Never the frontier.
        """
        g = self._g
        if len(rows) > 1 and g.is_admin[rows].all():
            # a unit's own name before another unit's unrelated alias ("Killa
            # Abdullah" also names Chaman, split from it in 2021); a short form of
            # another unit's name ("Nawa" for Nawa-I-Barak Zayi) stays a namesake
            cores = [admin_core(norm(str(g.name[r]))) for r in rows]
            own = np.array([c == key for c in cores])
            short = any(c.startswith(key) for c, o in zip(cores, own, strict=True) if not o)
            if own.any() and not short:
                rows = rows[own]
        imp = g.importance[rows]
        top = rows[imp >= imp.max() - 0.3]
        if len(top) == 1:
            return int(top[0]), top
        order = np.argsort(-g.importance[top], kind="stable")
        top = top[order]
        if g.importance[top[0]] >= g.importance[top[1]] + 0.2:  # rank decides
            return int(top[0]), top
        units = [
            int(u) for u in g.by_key.get(key) if g.kind[u] in ("tehsil", "county") and u not in top
        ]
        units += [int(u) for u in self._split_units().get(key, ()) if u not in top]
        if units:  # the namesake nearest a same-named admin unit (its seat)
            d = np.min(
                [haversine_km(g.lat[top], g.lon[top], g.lat[u], g.lon[u]) for u in units], axis=0
            )
            i = int(np.argmin(d))
            if d[i] <= min(float(g.radius_km[u]) for u in units):
                return int(top[i]), top[i : i + 1]
        if len(top) <= 16:  # a town among its villages, not a lone namesake
            i = denser_namesake(g, top)
            if i is not None:  # the radius still takes in the other namesakes
                return int(top[i]), top
        if len(top) > 64:  # many namesakes: the one nearest their median point
            d = haversine_km(np.median(g.lat[top]), np.median(g.lon[top]), g.lat[top], g.lon[top])
            return int(top[int(np.argmin(d))]), top
        d = haversine_km(g.lat[top][:, None], g.lon[top][:, None], g.lat[top], g.lon[top])
        return int(top[int(np.argmin(d.max(axis=1)))]), top

    def _unit_seat(self, rows: np.ndarray, key: str) -> int | None:
        """The town that is the seat of a district or tehsil named ``key``, when
        the highest-ranked of the places ``rows`` is the seat of no unit of that
        name (it matched through another name of its own: "Kalat" is also
        Kalat-i-Ghilzai's, "Shahdadpur" a variant of Shahdadkot).  The text's
        own spelling names the unit, and "X town" is then its seat, as the bare
        name "X" gives the unit itself.  ``None`` when no such seat exists."""
        g = self._g
        units = [int(u) for u in g.by_key.get(key) if g.kind[u] in ("tehsil", "county", "region")]
        units += [int(u) for u in self._split_units().get(key, ())]
        if not units or not len(rows):
            return None

        def seat(p: int) -> bool:
            return any(self._seat_of(p, u) for u in units)

        top = int(rows[int(np.argmax(g.importance[rows]))])
        if seat(top):
            return None
        seats = [
            int(p)
            for p in rows
            if (g.is_town[p] or g.importance[p] >= 2.5)
            and any(self._seat_of(int(p), u) for u in units if g.kind[u] != "region")
        ]
        if not seats:
            return None
        return max(seats, key=lambda p: float(g.importance[p]))

    def _split_units(self) -> dict[str, list[int]]:
        """Tehsils named by a town's name and a second word, by that first word:
        a tehsil split in two keeps its seat's name in both ("Matta Kharirai" and
        "Matta Sebujni" are Matta's).  Built once per gazetteer."""
        cached = getattr(self, "_split_cache", None)
        if cached is not None:
            return cached
        g = self._g
        groups: dict[tuple[str, str], list[int]] = {}
        for u in np.flatnonzero(g.kind == "tehsil"):
            words = norm(str(g.name[u])).split()
            if len(words) == 2 and len(words[0]) >= 4 and words[0] not in NOT_A_SEAT:
                groups.setdefault((words[0], str(g.admin2[u])), []).append(int(u))
        # a split: two or more tehsils of one district sharing the first word
        # ("Matta Kharirai", "Matta Sebujni" in Swat); one two-word tehsil ("Kandh
        # Kot") is a name of its own, and tehsils of different districts sharing a
        # word ("Garhi Khairo", "Garhi Yasin") are different towns
        out: dict[str, list[int]] = {}
        for (first, _), us in groups.items():
            if len(us) >= 2:
                out.setdefault(first, []).extend(us)
        self._split_cache = out
        return out

    def _best(
        self,
        item: Item,
        hints: Hints,
        *,
        within: tuple[float, float, float] | None = None,
    ) -> tuple[int | None, np.ndarray, float]:
        """The chosen row for an item, its close contenders and the match quality."""
        g = self._g
        if item.full_key and (
            item.roles & {"feature", "crossing", "area"} or item.key not in g.by_key.slot
        ):
            # "Khyber Pass" is a name of its own before it is "Khyber" + a type word,
            # and "Jhelum Valley district" the district named "Jhelum Valley"
            for key, roles in named_forms(item.full_key):
                if key in g.by_key.slot:
                    item = replace(item, key=key, roles=roles, full_key="")
                    break
        rows, qual, sim = self._candidates(item, hints)
        if within is not None and len(rows):
            lat, lon, reach = within
            ok = haversine_km(g.lat[rows], g.lon[rows], lat, lon) <= reach
            rows, qual, sim = rows[ok], qual[ok], sim[ok]
        if not len(rows):
            return None, NO_ROWS, 0.0
        kinds = g.kind[rows]
        # Country names are exact-only (skeletons of "Afghan" are villages).
        is_country = (kinds == "country") & (qual == 2)
        if is_country.any():
            r = int(rows[is_country][0])
            return r, np.array([r]), 2.0
        # ... and so are places abroad ("Dulha" is no respelling of Delhi, "Jada" none
        # of Jeddah): the frontier's villages are the likelier respellings
        keep = (kinds != "country") & ((kinds != "foreign") | (qual >= 2))
        rows, qual, sim, kinds = rows[keep], qual[keep], sim[keep], kinds[keep]
        if not len(rows):
            return None, NO_ROWS, 0.0
        hs = self._hint_score(rows, hints)
        # Candidates contradicting an explicit country hint are dropped when others fit.
        if hints.country and "other" not in hints.country:
            okc = np.array([g.country[r] in hints.country or g.country[r] is None for r in rows])
            if okc.any():
                rows, qual, sim, kinds, hs = rows[okc], qual[okc], sim[okc], kinds[okc], hs[okc]
        roles = item.roles
        if not roles & {"feature", "area", "crossing"}:
            # A spelling-variant or one-edit match is a namesake test for places; a
            # valley, pass or river is only ever taken by its own name or alias
            # unless the text says it is one ("Shah Baig Qila" is not "Shagai Fort").
            plain = ~(g.is_feature[rows] & (qual < 2))
            if not plain.all():
                rows, qual, sim, kinds, hs = (
                    rows[plain],
                    qual[plain],
                    sim[plain],
                    kinds[plain],
                    hs[plain],
                )
                if not len(rows):
                    return None, NO_ROWS, 0.0
        is_place = g.is_place[rows]
        is_feature = g.is_feature[rows]
        # A type word outranks match quality among candidates the hints accept
        # equally: "Bara town" is the town even when a tehsil is spelled alike.
        role_bonus = np.zeros(len(rows))
        if "place" in roles:
            role_bonus = is_place.astype(float)
        elif "feature" in roles or "area" in roles:
            role_bonus = is_feature.astype(float)
        elif roles & {"admin2", "tehsil"}:
            # "Shinwari district": a hinted district spelled alike before a village
            # of the exact name
            role_bonus = np.isin(kinds, ("county", "tehsil")).astype(float)
        elif "admin1" in roles:
            role_bonus = (kinds == "region").astype(float)
        # An exact feature name or alias beats a spelling-variant or one-edit match
        # of another name ("Tirah" is the valley, not the village "Tehra").
        exact_feature = is_feature & (qual == 2) & (hs >= hs.max())
        if exact_feature.any():
            keep = (qual == 2) | is_feature
            rows, qual, sim, kinds, hs = rows[keep], qual[keep], sim[keep], kinds[keep], hs[keep]
            is_place, is_feature, role_bonus = is_place[keep], is_feature[keep], role_bonus[keep]
        score = hs * 10 + role_bonus * 5 + qual * 2 + sim
        top = score >= score.max() - 0.15
        rows, qual, kinds, hs = rows[top], qual[top], kinds[top], hs[top]
        is_place, is_feature = is_place[top], is_feature[top]
        q = float(qual.max())

        def pick(mask: np.ndarray) -> tuple[int, np.ndarray]:
            if "place" in roles and mask is is_place:
                # "Kalat town": the town of the district named Kalat, not a
                # higher-ranked namesake elsewhere that only shares the spelling
                seat = self._unit_seat(rows[mask], item.key)
                if seat is not None:
                    return seat, np.array([seat])
            return self._pick(rows[mask], item.key)

        is_cross = kinds == "crossing"
        by_kind = {k: kinds == k for k in ("tehsil", "county", "region")}
        wanted: list[np.ndarray] = []
        if "crossing" in roles:
            wanted = [is_cross, is_feature, is_place, by_kind["tehsil"], by_kind["county"]]
        elif "admin2" in roles:
            wanted = [by_kind["county"], by_kind["tehsil"], by_kind["region"], is_place]
        elif "tehsil" in roles:
            wanted = [by_kind["tehsil"], by_kind["county"], is_place]
        elif "admin1" in roles:
            wanted = [by_kind["region"], by_kind["county"], is_place]
        elif "place" in roles:
            wanted = [is_place, is_cross, by_kind["tehsil"], by_kind["county"], by_kind["region"]]
        elif "feature" in roles:
            wanted = [is_feature, by_kind["tehsil"], by_kind["county"], is_place]
        if "feature" in roles and q < 2 and not (is_feature | by_kind["tehsil"]).any():
            # "X valley" with only villages spelled like X: not the valley, unless a
            # transliteration of X names a village inside the hinted unit (a valley is
            # named after its village: "Korengal valley" is the valley of Korangal)
            named = is_place & (qual >= 1)
            if not (hints.units and named.any() and self._in_hints(rows[named], hints).any()):
                return None, NO_ROWS, 0.0
        for m in wanted:
            if m.any():
                best, close = pick(m)
                return self._vet(best, close, q, hints, item)
        if is_cross.any():
            best, close = pick(is_cross)
            return best, close, q
        if is_feature.any() and "area" in roles:
            best, close = pick(is_feature)
            return self._vet(best, close, q, hints, item)
        admin = by_kind["tehsil"] | by_kind["county"] | by_kind["region"]
        if is_place.any():
            best, close = pick(is_place)
            if (
                is_feature.any()
                and not admin.any()
                and "place" not in roles
                and not (g.is_town[best] or g.importance[best] >= 2.5)
            ):
                # a curated valley/pass/area of the name before a village of it
                best, close = pick(is_feature)
                return self._vet(best, close, q, hints, item)
            if not admin.any():
                return self._vet(best, close, q, hints, item)
            # A same-named admin unit wins unless the place is its seat: a town in
            # it, or a village inside it whose own name is the query's.
            units = rows[admin]
            important = g.is_town[best] or g.importance[best] >= 2.5
            own = norm(g.name[best])
            own_name = skeleton(own) == skeleton(item.key) or own in {
                f"{item.key} {w}" for w in SEAT_WORDS
            }
            inside = any(self._seat_of(best, int(u)) for u in units)
            if inside and (important or own_name):
                return self._vet(best, close, q, hints, item)
        for k in ("region", "county", "tehsil"):
            if by_kind[k].any():
                best, close = pick(by_kind[k])
                if hints.admin1 and g.admin1[best] not in hints.admin1:
                    # a unit of that name in another province: a namesake village of
                    # the hinted province is more likely (the hinted unit answers)
                    return None, NO_ROWS, 0.0
                return self._vet(best, close, q, hints, item)
        if is_feature.any():
            best, close = pick(is_feature)
            return self._vet(best, close, q, hints, item)
        best, close = pick(np.ones(len(rows), dtype=bool))
        return self._vet(best, close, q, hints, item)

    def _vet(
        self, best: int, close: np.ndarray, q: float, hints: Hints, item: Item
    ) -> tuple[int | None, np.ndarray, float]:
        """Drop a match that the row's admin hints contradict, unless it is an
        exact-name town, unit or feature: a fuzzy or village match far outside the
        hinted unit is more likely a different place than a wrong hint (the
        caller falls back to the hinted unit).  Measured: fuzzy towns outside the
        hinted province were wrong by hundreds of km on the holdouts."""
        g = self._g
        if q < 2 and self._off_country(best, hints):
            # only a country was hinted and a spelling-variant or one-edit match lies
            # in another country: a different place, not a hint error (the country
            # answers; an exact name across the line is kept: a coder's country)
            return None, NO_ROWS, 0.0
        if not hints.units or g.kind[best] == "crossing":
            return best, close, q
        if q >= 2 and g.is_admin[best]:
            return best, close, q
        one = np.array([best])
        if q >= 2 and g.is_feature[best]:
            # an exact feature name: kept in the hinted province or reaching the
            # hinted unit ("Warsak Kili" in Zhob is not the Warsak Dam near Peshawar),
            # and never when it is coarser than the hinted unit itself: a river
            # 250 km long says less than the district the source names
            if self._coarser_than_hint(best, hints):
                return None, NO_ROWS, 0.0
            in_province = not hints.admin1 or g.admin1[best] in hints.admin1
            if in_province or self._reaches(one, hints)[0]:
                return best, close, q
            return None, NO_ROWS, 0.0
        need = 4 if hints.admin2 else 2
        if self._hint_score(np.array([best]), hints)[0] >= need:
            return best, close, q
        in_province = not hints.admin1 or g.admin1[best] in hints.admin1
        if q >= 2 and (g.is_town[best] or g.importance[best] >= 2.5) and in_province:
            return best, close, q
        # A village outside the hinted unit is another place of the name (measured:
        # median error 50 km on the holdout) unless it lies at the unit's edge.
        for u in hints.units:
            d = float(haversine_km(g.lat[best], g.lon[best], g.lat[u], g.lon[u]))
            if d <= g.radius95_km[u] + VET_EDGE_KM:
                return best, close, q
        # the place the name matched exactly goes back to the caller as the rival
        # the fallback's radius must weigh (the source's district may be an older
        # or neighbouring unit than the polygon holding the place)
        return None, (one if q >= 2 else NO_ROWS), 0.0

    def _coarser_than_hint(self, row: int, hints: Hints) -> bool:
        """True when ``row``'s own extent is wider than the finest hinted unit's."""
        g = self._g
        extent = float(g.radius_km[row])
        units = [int(u) for u in hints.units]
        return bool(units) and extent > min(float(g.radius95_km[u]) for u in units)

    def _seat_of(self, place: int, unit: int) -> bool:
        g = self._g
        k = g.kind[unit]
        if k == "region":
            return g.admin1[place] == g.admin1[unit]
        if k == "county":
            return g.admin2[place] == g.admin2[unit]
        d = haversine_km(g.lat[place], g.lon[place], g.lat[unit], g.lon[unit])
        return bool(d <= g.radius_km[unit])
