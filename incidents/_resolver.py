"""Resolver: parsed place items (+ admin hints) -> gazetteer rows -> :class:`Match`.

Resolution of one item, in order of specificity:

1. the row's hints are resolved at their own level only (an admin1 hint to a
   province, an admin2 hint to a district or tehsil; unit names are atomic and
   go through the admin-name alias table, :mod:`incidents._aliases`);
2. candidates: exact name key, else transliteration skeleton, else one edit;
3. hints first (a candidate in the hinted district beats one outside), then
   match quality, then the role the text's type words ask for (``town`` -> a
   populated place, ``district`` -> the unit, ``valley`` -> a natural feature);
4. namesake ties: feature rank (admin seat, population, feature class), then
   closeness to a same-named admin unit, otherwise the candidate central to its
   rivals, reported ``ambiguous`` with a radius over them.  Nothing in the
   ranking depends on the frontier.

Radii come from :data:`RADIUS_KM`, measured per match class on independent
truth (README, "Geocoding accuracy").
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field, replace

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from incidents._gazetteer import ADMIN_KINDS, FEATURE_KINDS, Gazetteer, haversine_km
from incidents._grammar import Item, parse, strip_qualifiers
from incidents._names import MAX_TEXT, admin_core, norm, script, skeleton, skeleton_neighbours
from incidents._radius import basis, place_radius

__all__ = ["RADIUS_KM", "Geocoder", "Match", "Mention"]

#: 95th-percentile error (km) of each match class, measured on independent truth
#: (cross-source holdout, ``tests/incidents/test_geocode_eval.py``); the radius of a
#: match is the larger of this and the place's own extent.
RADIUS_KM: dict[str, float] = {
    "place_exact": 8.0,
    "place_variant": 8.0,
    "place_edit": 22.0,
    "near": 10.0,
    "area": 5.0,
}
#: Candidates farther apart than this, with no hint separating them, are ambiguous.
AMBIGUOUS_KM = 25.0
#: An ambiguous match's radius stretches to rivals up to this far (all of them: a
#: radius that leaves out a candidate the hints could not exclude is not honest).
AMBIGUOUS_REACH_KM = 2000.0
#: A part named inside a place ("Karachi - Saddar") is searched this far from it,
#: at least (or the place's own radius when larger).
CONTAINER_KM = 15.0
#: A place outside the hinted unit is kept when it lies this close to the unit's
#: 95 % radius (a place on its edge, or a coarse boundary), else the unit answers.
VET_EDGE_KM = 5.0
#: At most this many places are read from one list text.
MAX_PLACES = 12

_METHOD_OF_KIND = {
    "crossing": "crossing",
    "tehsil": "gazetteer",
    "county": "admin2",
    "region": "admin1",
    "country": "country",
}
_LEVEL_OF_KIND = {"tehsil": 1, "county": 2, "region": 3, "country": 4}
_COUNTRY_CODES = {"af": "AF", "afg": "AF", "pk": "PK", "pak": "PK"}
#: Second words of a town's other recorded names ("Bara Fort", "Wana Bazaar").
_SEAT_WORDS = ("bazaar", "bazar", "fort", "town", "city", "cantonment", "khas", "adda")
_HINT_SPLIT = re.compile(r"\s+(?:and|&|or)\s+|\s*[/&;,]\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Match:
    """Where one place named in a text is, and how sure we are.

    ``uncertainty_km`` is a radius around (lat, lon) meant to contain the true
    place (see :data:`RADIUS_KM`).  ``candidates`` counts the gazetteer entries that
    were close contenders; ``ambiguous`` is set when they disagree by more than
    :data:`AMBIGUOUS_KM` and no hint separated them.  ``match_class`` names the
    calibration class the radius came from.
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
class _Hints:
    admin1: frozenset[str] = frozenset()
    admin2: frozenset[str] = frozenset()
    country: frozenset[str] = frozenset()
    units: tuple[int, ...] = ()  # gazetteer rows of the most specific hinted units

    def __bool__(self) -> bool:
        return bool(self.admin1 or self.admin2 or self.country)

    def merged(self, other: _Hints) -> _Hints:
        if not other:
            return self
        return _Hints(
            self.admin1 | other.admin1,
            self.admin2 | other.admin2,
            self.country | other.country,
            other.units or self.units,
        )


_NO_ROWS = np.empty(0, dtype=np.int64)


class Geocoder:
    """Resolves place strings against the shipped gazetteer.  Thread-safe for reads."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._g = gazetteer
        self._resolve_cached = functools.lru_cache(maxsize=200_000)(self._resolve)
        self._hint_cached = functools.lru_cache(maxsize=50_000)(self._hints)
        self._admin_cached = functools.lru_cache(maxsize=50_000)(self._admin_rows)

    @classmethod
    @functools.cache
    def default(cls) -> Geocoder:
        """The geocoder over the shipped gazetteer (loaded once per process)."""
        return cls(Gazetteer.load())

    # -- public ------------------------------------------------------------------

    def resolve(
        self,
        text: object,
        *,
        admin1: object = None,
        admin2: object = None,
        country: object = None,
    ) -> list[Match]:
        """One :class:`Match` per place named in ``text`` (never raises on junk).

        ``admin1``/``admin2``/``country`` are the row's hints as free text
        ("Khyber Pakhtunkhwa", "Kurram agency", "PK").  Unusable text falls back to
        the hints; with no hint either the result is one ``unresolved`` Match
        whose ``reason`` says why.
        """
        args = tuple(_clean(v) for v in (text, admin1, admin2, country))
        return list(self._resolve_cached(*args))

    def admin_unit(self, name: object, *, level: str, admin1: object = None) -> list[str]:
        """Shipped unit names an admin name refers to at ``level``.

        ``level`` is ``"admin1"`` (provinces) or ``"admin2"`` (districts; a tehsil
        name gives its district).  Goes through the alias table ("KPK" ->
        "Khyber Pakhtunkhwa", "Khost (Matun)" -> "Khost(Matun)", "Karachi" -> the
        Karachi districts); ``[]`` when the name is not a unit at that level.
        """
        if level not in ("admin1", "admin2"):
            raise ValueError(f"level must be 'admin1' or 'admin2', got {level!r}")
        a1 = frozenset(self._admin_cached(_clean(admin1), "admin1", frozenset())[1])
        rows, _ = self._admin_cached(_clean(name), level, a1)
        g = self._g
        col = g.admin1 if level == "admin1" else g.admin2
        return sorted({str(col[r]) for r in rows if col[r]})

    def lookup_names(self) -> frozenset[str]:
        """Every exact name key in the gazetteer (see :func:`incidents._names.norm`)."""
        return frozenset(self._g.by_key.slot)

    def find_mentions(self, text: object, *, max_words: int = 5) -> list[Mention]:
        """Place names in free text, longest match first, left to right.

        A mention must start with a capital letter (or be in Arabic script) and
        is matched exactly on its normalised key, so common words that happen
        to be village names ("Post", "Camp") are not returned unless capitalised
        and not in a small stop list.
        """
        if not isinstance(text, str) or not text:
            return []
        text = text[: 50 * MAX_TEXT]
        toks = [
            (m.start(), m.end(), norm(m.group(0))) for m in re.finditer(r"[^\W_][\w'’\-]*", text)
        ]
        out: list[Mention] = []
        i = 0
        while i < len(toks):
            found = None
            first = text[toks[i][0]]
            if first.isupper() or script(toks[i][2]) == "arabic":
                for n in range(min(max_words, len(toks) - i), 0, -1):
                    key = " ".join(t[2] for t in toks[i : i + n])
                    if key in _STOP or len(key) < 3 or key.isdigit():
                        continue
                    if key in self._g.by_key.slot:
                        found = (n, key)
                        break
            if found is None:
                i += 1
                continue
            n, key = found
            start, end = toks[i][0], toks[i + n - 1][1]
            out.append(Mention(start, end, text[start:end], key, tuple(self.resolve(key))))
            i += n
        return out

    # -- hints -------------------------------------------------------------------

    def _admin_rows(
        self, value: str | None, level: str, within: frozenset[str]
    ) -> tuple[tuple[int, ...], tuple[str, ...]]:
        """Gazetteer rows of the units ``value`` names at ``level`` only, and the
        province names they lie in.  The whole value is tried first (unit names are
        atomic: "Azad Jammu & Kashmir"), its parts only when the whole is no unit."""
        if not value:
            return (), ()
        g = self._g
        kinds = {"admin1": ("region",), "admin2": ("county", "tehsil"), "country": ("country",)}
        want = kinds[level]

        def lookup(text: str) -> list[int]:
            full = norm(text)
            key, _, _ = strip_qualifiers(full)
            if not key:
                return []
            for k in dict.fromkeys((full, key, admin_core(key))):
                rows = [int(r) for r in g.by_key.get(k) if g.kind[r] in want]
                if rows:
                    return rows
            if len(key) < 4 or level == "country":
                return []
            return self._fuzzy_admin(key, want, within)

        rows = lookup(value)
        if not rows:
            for part in _HINT_SPLIT.split(_paren_free(value)):
                if part.strip():
                    rows += lookup(part)
        if level == "admin2" and within:
            rows = [r for r in rows if g.admin1[r] in within]
        if level == "admin2" and rows:
            # shipped districts before tehsils and before other sources' units
            rank = [(g.kind[r] != "county") + 2 * (not g.shipped[r]) for r in rows]
            best = min(rank)
            rows = [r for r, k in zip(rows, rank, strict=True) if k == best]
        a1 = tuple(sorted({str(g.admin1[r]) for r in rows if g.admin1[r]}))
        return tuple(dict.fromkeys(rows)), a1

    def _fuzzy_admin(self, key: str, kinds: tuple[str, ...], within: frozenset[str]) -> list[int]:
        """Admin rows of the given kinds whose name is a spelling variant of ``key``."""
        g = self._g
        rows = g.admin_rows
        rows = rows[np.isin(g.kind[rows], kinds)]
        if within:
            rows = rows[np.isin(g.admin1[rows], list(within))]
        sk = skeleton(key)
        same = [int(r) for r in rows if sk and sk in g.skels_of(int(r))]
        if same:
            return same
        choices = {(int(r), k): k for r in rows for k in g.keys_of(int(r)) if script(k) == "latin"}
        hit = process.extractOne(
            key, choices, scorer=Levenshtein.normalized_similarity, score_cutoff=0.8
        )
        return [hit[2][0]] if hit else []

    def _hints(self, admin1: str | None, admin2: str | None, country: str | None) -> _Hints:
        g = self._g
        cc: set[str] = set()
        if country:
            key = norm(country)
            if key in _COUNTRY_CODES:
                cc.add(_COUNTRY_CODES[key])
            else:
                rows, _ = self._admin_cached(country, "country", frozenset())
                cc |= {str(g.country[r]) for r in rows}
                if not rows and len(key) >= 3:
                    cc.add("other")
        r1, a1 = self._admin_cached(admin1, "admin1", frozenset())
        r2, _ = self._admin_cached(admin2, "admin2", frozenset(a1))
        a2 = {str(g.admin2[r]) for r in r2 if g.admin2[r]}
        a1s = set(a1) | {str(g.admin1[r]) for r in r2 if g.admin1[r]}
        cc |= {str(g.country[r]) for r in (*r1, *r2) if g.country[r]}
        units = r2 or r1
        if not units and cc - {"other"}:
            units = tuple(int(r) for r in g.rows_of_kind("country") if g.country[r] in cc)
        return _Hints(frozenset(a1s), frozenset(a2), frozenset(cc), tuple(units))

    # -- resolution ----------------------------------------------------------------

    def _known(self, key: str) -> bool:
        rows = self._g.by_key.get(key)
        return bool(len(rows)) and bool(self._g.is_admin[rows].any())

    def _resolve(
        self, text: str | None, admin1: str | None, admin2: str | None, country: str | None
    ) -> tuple[Match, ...]:
        hints = self._hint_cached(admin1, admin2, country)
        if text is None:
            return (self._fallback(hints, "no place text"),)
        groups = parse(text, known=self._known)
        if not groups:
            return (self._fallback(hints, f"no place name in {text[:60]!r}"),)
        out: list[Match] = []
        for grp in groups:
            out.extend(self._resolve_group(list(grp.items), list(grp.alts), hints))
            if len(out) >= MAX_PLACES:
                break
        return tuple(out[:MAX_PLACES])

    def _resolve_group(self, items: list[Item], alts: list[Item], hints: _Hints) -> list[Match]:
        """One ;-separated part: comma/and items plus parenthesised alternatives."""
        g = self._g
        first = [self._best(it, hints) for it in items]
        # Items that are admin units containing another item act as its context.
        context: list[int] = []
        places: list[int] = []
        for i, (row, _, _) in enumerate(first):
            if (
                row is not None
                and g.kind[row] in ("county", "region", "country")
                and any(
                    j != i and self._context_for(row, items[i], first[j], items[j], hints)
                    for j in range(len(items))
                )
            ):
                context.append(i)
            else:
                places.append(i)
        if not places:
            places, context = context, []
        ctx = hints
        if context:
            ctx = hints.merged(self._hints_from_rows([first[i][0] for i in context]))
        out: list[Match] = []
        for i in places:
            item = items[i]
            if item.other is not None:
                out.append(self._between(item, ctx))
                continue
            if item.container is not None:
                out.append(self._contained(item, ctx))
                continue
            row, cands, quality = self._best(item, ctx) if context else first[i]
            # Bracketed names are alternatives of the place when it stands alone
            # ("Gavi (Gawi) area"), not of a district next to it.
            if row is None and alts and (len(items) == 1 or not context):
                for alt in alts:
                    row, cands, quality = self._best(alt, ctx)
                    if row is not None:
                        item = alt
                        break
            if row is None:
                out.append(self._fallback(ctx, f"{item.raw[:60]!r} not in the gazetteer"))
            else:
                out.append(self._match(row, cands, item, ctx, quality))
        if not out and alts:
            out = [self._fallback(ctx, "no place resolved")]
        return out

    def _contained(self, item: Item, hints: _Hints) -> Match:
        """``B`` inside ``A`` ("Karachi - Saddar", "Mir Ali area of North Waziristan")."""
        g = self._g
        assert item.container is not None
        outer, ocands, oq = self._best(item.container, hints)
        if outer is None:
            inner = replace(item, container=None)
            row, cands, q = self._best(inner, hints)
            if row is None:
                return self._fallback(hints, f"{item.raw[:60]!r} not in the gazetteer")
            return self._match(row, cands, inner, hints, q)
        if g.kind[outer] in ("county", "region", "country", "tehsil"):
            ctx = hints.merged(self._hints_from_rows([outer]))
            within = None
            if g.kind[outer] == "tehsil":
                within = (float(g.lat[outer]), float(g.lon[outer]), float(g.radius_km[outer]))
        else:
            ctx = hints
            reach = max(
                CONTAINER_KM,
                float(self._match(outer, ocands, item.container, hints, oq).uncertainty_km),
            )
            within = (float(g.lat[outer]), float(g.lon[outer]), reach)
        inner = replace(item, container=None)
        row, cands, q = self._best(inner, ctx, within=within)
        if row is not None and row != outer:
            return self._match(row, cands, inner, ctx, q)
        m = self._match(outer, ocands, item.container, hints, oq)
        return replace(m, reason=_join(m.reason, f"{inner.raw[:40]!r} not found in {m.name}"))

    def _between(self, item: Item, hints: _Hints) -> Match:
        """ "between A and B": the midpoint, with a radius reaching both."""
        assert item.other is not None
        ends = []
        for it in (replace(item, other=None), item.other):
            row, cands, q = self._best(it, hints)
            if row is not None:
                ends.append(self._match(row, cands, it, hints, q))
        if not ends:
            return self._fallback(hints, f"{item.raw[:60]!r} not in the gazetteer")
        if len(ends) == 1:
            m = ends[0]
            return replace(
                m,
                uncertainty_km=round(m.uncertainty_km + RADIUS_KM["near"], 2),
                precision=max(m.precision or 1, 2),
                reason=_join(m.reason, "one end of 'between' not found"),
                match_class="between",
            )
        a, b = ends
        d = float(haversine_km(a.lat, a.lon, b.lat, b.lon))
        lat, lon = _midpoint(a.lat, a.lon, b.lat, b.lon)
        unc = d / 2 + max(a.uncertainty_km, b.uncertainty_km)
        coarse = a if (a.precision or 1) >= (b.precision or 1) else b
        return replace(
            coarse,
            name=f"between {a.name} and {b.name}",
            lat=lat,
            lon=lon,
            uncertainty_km=round(unc, 2),
            precision=max(coarse.precision or 1, 2),
            ambiguous=a.ambiguous or b.ambiguous,
            reason=_join(coarse.reason, "between two places"),
            match_class="between",
        )

    def _context_for(
        self, unit: int, unit_item: Item, other: tuple, other_item: Item, hints: _Hints
    ) -> bool:
        """Whether admin ``unit`` is context (a hint) for the other item, not a place."""
        g = self._g
        row, _, quality = other
        level = _LEVEL_OF_KIND[g.kind[unit]]
        if row is None:
            return bool(other_item.key)
        if _LEVEL_OF_KIND.get(g.kind[row], 0) >= level:
            return False
        if self._inside(row, unit, other_item):
            return True
        explicit = bool(unit_item.roles & {"admin1", "admin2"}) or "place" in other_item.roles
        if explicit or quality < 2:
            return True
        again, _, _ = self._best(other_item, hints.merged(self._hints_from_rows([unit])))
        return again is not None and self._inside(again, unit, other_item)

    def _inside(self, row: int | None, unit: int, item: Item) -> bool:
        """Whether gazetteer ``row`` (or the unresolved ``item``) sits in ``unit``."""
        g = self._g
        if row is None:
            return bool(item.key)
        if row == unit:
            return False
        k = g.kind[unit]
        if k == "country":
            return g.kind[row] != "country" and g.country[row] == g.country[unit]
        if k == "region":
            return g.kind[row] not in ("region", "country") and g.admin1[row] == g.admin1[unit]
        return g.kind[row] not in ("county", "region", "country") and (
            g.admin2[row] == g.admin2[unit]
        )

    def _hints_from_rows(self, rows: list[int | None]) -> _Hints:
        g = self._g
        a1, a2, cc = set(), set(), set()
        for r in rows:
            if r is None:
                continue
            if g.kind[r] in ("county", "tehsil") and g.admin2[r]:
                a2.add(g.admin2[r])
            if g.admin1[r]:
                a1.add(g.admin1[r])
            if g.country[r]:
                cc.add(g.country[r])
        good = [r for r in rows if r is not None]
        good.sort(key=lambda r: _LEVEL_OF_KIND.get(str(g.kind[r]), 9))
        return _Hints(frozenset(a1), frozenset(a2), frozenset(cc), tuple(good[:1]))

    def _candidates(self, item: Item, hints: _Hints) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Gazetteer rows for an item, their match quality (2 exact, 1 skeleton, 0 one
        edit away) and their name similarity to the item (1 for exact)."""
        g = self._g
        key = item.key
        exact = g.by_key.get(key)
        if not (g.is_place[exact] & self._in_hints(exact, hints)).any():
            # A town is also known by its bazaar, fort or cantonment ("Bara" is
            # recorded as "Bara Fort"): those names count as the town's own.
            seats = [g.by_key.get(f"{key} {w}") for w in _SEAT_WORDS]
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
        if len(exact) and (
            not hints
            or self._any_hinted(exact, hints)
            or (g.is_town[exact] & g.is_place[exact]).any()
        ):
            return exact, 2 * ones, ones
        sk = skeleton(key)
        if not sk or len(key) < 3:
            return exact, 2 * ones, ones
        fuzzy = np.setdiff1d(g.by_skel.get(sk), exact)
        sims = np.empty(0)
        if len(fuzzy):
            fuzzy, sims = self._similar(fuzzy, key, 0.5, hints)
        rows = np.concatenate([exact, fuzzy])
        qual = np.concatenate([2 * ones, np.ones(len(fuzzy))])
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
        self, rows: np.ndarray, key: str, floor: float, hints: _Hints | None = None
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

    def _in_hints(self, rows: np.ndarray, hints: _Hints) -> np.ndarray:
        """Rows inside the most specific hinted unit (all rows when no hint); an
        area or natural feature counts when its extent reaches the unit."""
        g = self._g
        if hints.admin2:
            return _member(g.admin2[rows], hints.admin2) | self._reaches(rows, hints)
        if hints.admin1:
            return _member(g.admin1[rows], hints.admin1) | self._reaches(rows, hints)
        return np.ones(len(rows), dtype=bool)

    def _reaches(self, rows: np.ndarray, hints: _Hints) -> np.ndarray:
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
        d = haversine_km(g.lat[fr][:, None], g.lon[fr][:, None], g.lat[units], g.lon[units])
        out[feat] = (d <= g.radius_km[fr][:, None] + g.radius95_km[units]).any(axis=1)
        return out

    def _any_hinted(self, rows: np.ndarray, hints: _Hints) -> bool:
        g = self._g
        # The most specific hint given must agree.
        if hints.admin2 or hints.admin1:
            ok = self._in_hints(rows, hints)
        else:
            ok = _member(g.country[rows], hints.country)
        return bool(ok.any()) or bool(np.isin(g.kind[rows], ("crossing", "country")).any())

    def _hint_score(self, rows: np.ndarray, hints: _Hints | None) -> np.ndarray:
        g = self._g
        s = np.zeros(len(rows))
        if not hints:
            return s
        s += 4 * _member(g.admin2[rows], hints.admin2)
        s += 2 * _member(g.admin1[rows], hints.admin1)
        s += _member(g.country[rows], hints.country)
        reach = self._reaches(rows, hints)
        if reach.any():  # an area reaching the hinted unit is as good as one inside it
            inside = 4.0 * bool(hints.admin2) + 2.0 * bool(hints.admin1) + bool(hints.country)
            s[reach] = np.maximum(s[reach], inside)
        return s

    def _pick(self, rows: np.ndarray, key: str) -> tuple[int, np.ndarray]:
        """The namesake to answer with, and its close contenders.

        Feature rank first (admin seat, population, feature class); among equals,
        the one nearest a same-named admin unit, else the one central to the
        others (smallest farthest rival).  Never the frontier.
        """
        g = self._g
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
        if units:  # the namesake nearest a same-named admin unit (its seat)
            d = np.min(
                [haversine_km(g.lat[top], g.lon[top], g.lat[u], g.lon[u]) for u in units], axis=0
            )
            i = int(np.argmin(d))
            if d[i] <= min(float(g.radius_km[u]) for u in units):
                return int(top[i]), top[i : i + 1]
        if len(top) > 64:  # many namesakes: the one nearest their median point
            d = haversine_km(np.median(g.lat[top]), np.median(g.lon[top]), g.lat[top], g.lon[top])
            return int(top[int(np.argmin(d))]), top
        d = haversine_km(g.lat[top][:, None], g.lon[top][:, None], g.lat[top], g.lon[top])
        return int(top[int(np.argmin(d.max(axis=1)))]), top

    def _best(
        self,
        item: Item,
        hints: _Hints,
        *,
        within: tuple[float, float, float] | None = None,
    ) -> tuple[int | None, np.ndarray, float]:
        """The chosen row for an item, its close contenders and the match quality."""
        g = self._g
        if (
            item.full_key
            and item.full_key in g.by_key.slot
            and (item.roles & {"feature", "crossing", "area"} or item.key not in g.by_key.slot)
        ):
            # "Khyber Pass" is a name of its own before it is "Khyber" + a type word
            item = replace(item, key=item.full_key, roles=frozenset(), full_key="")
        rows, qual, sim = self._candidates(item, hints)
        if within is not None and len(rows):
            lat, lon, reach = within
            ok = haversine_km(g.lat[rows], g.lon[rows], lat, lon) <= reach
            rows, qual, sim = rows[ok], qual[ok], sim[ok]
        if not len(rows):
            return None, _NO_ROWS, 0.0
        kinds = g.kind[rows]
        # Country names are exact-only (skeletons of "Afghan" are villages).
        is_country = (kinds == "country") & (qual == 2)
        if is_country.any():
            r = int(rows[is_country][0])
            return r, np.array([r]), 2.0
        keep = kinds != "country"
        rows, qual, sim, kinds = rows[keep], qual[keep], sim[keep], kinds[keep]
        if not len(rows):
            return None, _NO_ROWS, 0.0
        hs = self._hint_score(rows, hints)
        # Candidates contradicting an explicit country hint are dropped when others fit.
        if hints.country and "other" not in hints.country:
            okc = np.array([g.country[r] in hints.country or g.country[r] is None for r in rows])
            if okc.any():
                rows, qual, sim, kinds, hs = rows[okc], qual[okc], sim[okc], kinds[okc], hs[okc]
        roles = item.roles
        is_place = g.is_place[rows]
        is_feature = g.is_feature[rows]
        # A type word outranks match quality among candidates the hints accept
        # equally: "Bara town" is the town even when a tehsil is spelled alike.
        role_bonus = np.zeros(len(rows))
        if "place" in roles:
            role_bonus = is_place.astype(float)
        elif "feature" in roles or "area" in roles:
            role_bonus = is_feature.astype(float)
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
            # "X valley" with only villages spelled like X: not the valley
            return None, _NO_ROWS, 0.0
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
                f"{item.key} {w}" for w in _SEAT_WORDS
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
                    return None, _NO_ROWS, 0.0
                return self._vet(best, close, q, hints, item)
        if is_feature.any():
            best, close = pick(is_feature)
            return self._vet(best, close, q, hints, item)
        best, close = pick(np.ones(len(rows), dtype=bool))
        return self._vet(best, close, q, hints, item)

    def _vet(
        self, best: int, close: np.ndarray, q: float, hints: _Hints, item: Item
    ) -> tuple[int | None, np.ndarray, float]:
        """Drop a match that the row's admin hints contradict, unless it is an
        exact-name town, unit or feature: a fuzzy or village match far outside the
        hinted unit is more likely a different place than a wrong hint (the
        caller falls back to the hinted unit).  Measured: fuzzy towns outside the
        hinted province were wrong by hundreds of km on the holdouts."""
        g = self._g
        if not hints.units or g.kind[best] == "crossing":
            return best, close, q
        if q >= 2 and (g.is_feature[best] or g.is_admin[best]):
            return best, close, q
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
        return None, _NO_ROWS, 0.0

    def _seat_of(self, place: int, unit: int) -> bool:
        g = self._g
        k = g.kind[unit]
        if k == "region":
            return g.admin1[place] == g.admin1[unit]
        if k == "county":
            return g.admin2[place] == g.admin2[unit]
        d = haversine_km(g.lat[place], g.lon[place], g.lat[unit], g.lon[unit])
        return bool(d <= g.radius_km[unit])

    def _match(
        self, row: int, close: np.ndarray, item: Item, hints: _Hints, quality: float
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
        close = np.unique(np.asarray(close, dtype=np.int64))
        ambiguous = False
        if len(close) > 1 and kind not in ADMIN_KINDS and kind != "crossing":
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
                    unc = max(unc, float(far.max()) + RADIUS_KM["place_exact"])
                reasons.append(f"{int(rival.sum()) + 1} places of this name")
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

    def _evidence(self, row: int, item: Item, hints: _Hints, quality: float) -> str:
        """The evidence cell of a name match (:func:`incidents._radius.basis`): where
        the place lies relative to the hints, its rank, and how many other places
        of its country carry the name."""
        g = self._g
        one = np.array([row])
        if hints.admin2 and (g.admin2[row] in hints.admin2 or self._reaches(one, hints)[0]):
            hint = "district"
        elif hints.admin1 and g.admin1[row] in hints.admin1:
            hint = "province"
        elif hints.admin1 or hints.admin2:
            hint = "off"
        else:
            hint = "none"
        rank = "town" if (g.is_town[row] or g.importance[row] >= 2.5) else "village"
        same = g.by_key.get(item.key) if quality >= 2 else g.by_skel.get(skeleton(item.key))
        same = same[g.is_place[same] & (same != row)]
        if len(same):
            far = haversine_km(g.lat[row], g.lon[row], g.lat[same], g.lon[same]) > 2.0
            same = same[far]
        # namesakes anywhere in the place's country: a common name is the measured
        # sign of a wrong namesake (the hints cannot see a record that is missing)
        same = same[g.country[same] == g.country[row]]
        cls = ("place_edit", "place_variant", "place_exact")[int(quality)]
        return basis(cls, hint, rank, len(same))

    def _fallback(self, hints: _Hints, why: str) -> Match:
        """The most specific hinted unit, or an unresolved Match."""
        g = self._g
        units = list(hints.units)
        if not units:
            return Match(reason=why)
        row = int(units[0])
        m = self._match(row, np.array([row]), Item(""), hints, 2.0)
        unc = m.uncertainty_km
        for other in units[1:]:  # several hinted units ("Dir" = Upper + Lower Dir)
            d = float(haversine_km(g.lat[row], g.lon[row], g.lat[other], g.lon[other]))
            unc = max(unc, d + float(g.radius95_km[other]))
        level = {
            "admin2": "district",
            "admin1": "province",
            "country": "country",
            "gazetteer": "tehsil",
        }.get(m.method, m.method)
        method = "admin2" if g.kind[row] == "tehsil" else m.method
        return replace(
            m,
            method=method,
            uncertainty_km=round(unc, 2),
            reason=f"{why}; fell back to the {level} from the hints",
            match_class=f"fallback_{g.kind[row]}",
        )


def _member(values: np.ndarray, allowed: frozenset[str]) -> np.ndarray:
    """Elementwise ``value in allowed`` for an object array (None is never in)."""
    out = np.zeros(len(values), dtype=bool)
    for a in allowed:
        out |= values == a
    return out


def _paren_free(s: str) -> str:
    return re.sub(r"[()\[\]]", " ", s)


def _join(a: str | None, b: str) -> str:
    return f"{a}; {b}" if a else b


def _midpoint(lat1: float, lon1: float, lat2: float, lon2: float) -> tuple[float, float]:
    p1, p2, l1 = math.radians(lat1), math.radians(lat2), math.radians(lon1)
    dl = math.radians(lon2 - lon1)
    bx, by = math.cos(p2) * math.cos(dl), math.cos(p2) * math.sin(dl)
    lat = math.atan2(math.sin(p1) + math.sin(p2), math.hypot(math.cos(p1) + bx, by))
    return math.degrees(lat), math.degrees(l1 + math.atan2(by, math.cos(p1) + bx))


def _clean(v: object) -> str | None:
    """Text value of a hint/location cell, or None for missing / non-text values."""
    if isinstance(v, str):
        v = v.strip()[:MAX_TEXT]
        return v or None
    return None


_STOP = frozenset(
    """the a an and or of in on at to from by for with near after before said says police
    army village town city district province border post camp market area road bridge school
    mosque north south east west upper lower central new old top big small security forces
    officials monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december""".split()
)
