"""Offline geocoder: place text (+ admin hints) -> coordinates with an honest radius.

Built on the shipped gazetteer (``geo/data/gazetteer.parquet``: Who's On First /
GeoNames villages and towns, OSM Afghan villages, Natural Earth named features, the
shipped districts, provinces, Pakistani tehsils, countries and border crossings).

Resolution of one place string, in order of specificity:

1. border crossings (and a few named features such as the Khyber Pass);
2. populated places, ranked by the row's hints (admin2 > admin1 > country), then by
   importance (capital > provincial seat > district seat > population > village),
   then by closeness to the frontier;
3. tehsils, districts and provinces (a same-named district seat or provincial capital
   that lies inside the unit wins over the unit: "Khost" is the town);
4. countries ("Afghanistan", "Pakistani") and a tiny table of foreign venues.

A place that cannot be found falls back to the district named in the text or the
hints, then the province, then the country, with ``method`` saying which.

Spelling variety is absorbed by two keys (:mod:`incidents._names`): an exact key
(diacritics and punctuation folded) and a transliteration skeleton (kh/x, q/k,
oo/u, doubled letters and inner vowels dropped), with one edit of tolerance on the
skeleton as a last resort.

List texts ("Khost; Jalalabad", "Nangarhar and Kunar provinces") give one
:class:`Match` per place.  Comma parts that name an admin unit containing another
part are used as hints for it ("Khandaro village, Urgun district"), not as places.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from incidents._gazetteer import ADMIN_KINDS, Gazetteer, haversine_km
from incidents._names import (
    MAX_TEXT,
    QUALIFIERS,
    norm,
    script,
    similarity,
    skeleton,
    skeleton_neighbours,
)
from incidents._names import strip_qualifiers as _strip
from incidents.errors import GeocodeError
from incidents.schema import GEOCODE, add_flag

__all__ = ["PRECISION_UNCERTAINTY_KM", "Geocoder", "Match", "Mention", "geocode"]

#: Radius given to input coordinates by their ACLED precision code.
PRECISION_UNCERTAINTY_KM: dict[int, float] = {1: 5.0, 2: 25.0, 3: 100.0}
#: Radius of a village point (GeoNames/WOF point of a settlement of unknown extent).
VILLAGE_KM = 3.0
#: Added for "near X" / "outskirts of X" and for "X area".
NEAR_KM = 10.0
AREA_KM = 5.0
#: Candidates farther apart than this, with no hint separating them, are ambiguous.
AMBIGUOUS_KM = 25.0
#: An ambiguous match's radius stretches to rivals up to this far.
AMBIGUOUS_REACH_KM = 100.0
#: Input coordinates farther than this from the place text are flagged.
FAR_KM = 50.0
#: At most this many places are read from one list text.
MAX_PLACES = 12
#: Region box used to detect swapped coordinates (AF + PK with a margin).
REGION_BOX = (60.0, 23.0, 78.5, 39.0)

_METHOD_OF_KIND = {
    "crossing": "crossing",
    "tehsil": "gazetteer",
    "county": "admin2",
    "region": "admin1",
    "country": "country",
}
_LEVEL_OF_KIND = {"tehsil": 1, "county": 2, "region": 3, "country": 4}
_ITEM_SPLIT = re.compile(r"\s+(?:and|&|or)\s+|\s*/\s*|\s*&\s*", re.IGNORECASE)
_PAREN = re.compile(r"\(([^()]*)\)?|\[([^\[\]]*)\]?")
_COUNTRY_CODES = {"af": "AF", "afg": "AF", "pk": "PK", "pak": "PK"}


@dataclass(frozen=True)
class Match:
    """Where one place named in a text is, and how sure we are.

    ``uncertainty_km`` is a radius around (lat, lon) meant to contain the true
    place: a few km for a village point, the polygon radius for a district or
    province.  ``candidates`` counts the gazetteer entries that were close
    contenders; ``ambiguous`` is set when they disagree by more than
    :data:`AMBIGUOUS_KM` and no hint separated them.
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


@dataclass(frozen=True)
class _Item:
    key: str  # core name key
    quals: frozenset[str]
    near: bool
    raw: str


class Geocoder:
    """Resolves place strings against the shipped gazetteer.  Thread-safe for reads."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._g = gazetteer
        self._resolve_cached = functools.lru_cache(maxsize=200_000)(self._resolve)
        self._hint_cached = functools.lru_cache(maxsize=50_000)(self._hints)

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

    def _hints(self, admin1: str | None, admin2: str | None, country: str | None) -> _Hints:
        g = self._g
        a1: set[str] = set()
        a2: set[str] = set()
        cc: set[str] = set()
        units: list[int] = []
        for value, level in ((country, "country"), (admin1, "admin1"), (admin2, "admin2")):
            if not value:
                continue
            for part in _ITEM_SPLIT.split(_PAREN.sub(" ", value)) if value else ():
                for sub in re.split(r"[;,]", part):
                    key, quals, _ = _strip(norm(sub))
                    if not key:
                        continue
                    if key in _COUNTRY_CODES:
                        cc.add(_COUNTRY_CODES[key])
                        continue
                    rows = [r for r in g.by_key.get(key) if g.kind[r] in ADMIN_KINDS]
                    if not rows and len(key) >= 4 and level != "country":
                        rows = [
                            r
                            for r in self._similar(g.by_skel.get(skeleton(key)), key, 0.7)[0]
                            if g.kind[r] in ADMIN_KINDS
                        ]
                    if not rows:
                        if level == "country" and len(key) >= 3:
                            cc.add("other")
                        continue
                    want = {"admin1": "region", "admin2": "county", "country": "country"}[level]
                    if "admin1" in quals:
                        want = "region"
                    elif "admin2" in quals:
                        want = "county"
                    pref = [r for r in rows if g.kind[r] == want] or rows
                    if level == "admin2" and a1:
                        # a district hint must lie in the hinted province: a district
                        # of that name elsewhere is a misreading (or a fuzzy near-miss)
                        pref = [r for r in pref if g.admin1[r] in a1]
                        if not pref:
                            continue
                    best_level = min(_LEVEL_OF_KIND[g.kind[r]] for r in pref)
                    for r in pref:
                        k = g.kind[r]
                        if _LEVEL_OF_KIND[k] != best_level:
                            continue
                        if k == "country":
                            cc.add(g.country[r])
                        elif k == "region":
                            a1.add(g.admin1[r])
                        elif k in ("county", "tehsil"):
                            if g.admin2[r]:
                                a2.add(g.admin2[r])
                            if g.admin1[r]:
                                a1.add(g.admin1[r])
                        if g.country[r]:
                            cc.add(g.country[r])
                        units.append(r)
        units.sort(key=lambda r: _LEVEL_OF_KIND.get(g.kind[r], 9))
        if units:
            top = _LEVEL_OF_KIND[g.kind[units[0]]]
            units = [r for r in units if _LEVEL_OF_KIND[g.kind[r]] == top]
        # A district hint implies its province and country even when given alone.
        return _Hints(frozenset(a1), frozenset(a2), frozenset(cc), tuple(dict.fromkeys(units)))

    # -- resolution ----------------------------------------------------------------

    def _resolve(
        self, text: str | None, admin1: str | None, admin2: str | None, country: str | None
    ) -> tuple[Match, ...]:
        hints = self._hint_cached(admin1, admin2, country)
        if text is None:
            return (self._fallback(hints, "no place text"),)
        groups = _parse(text)
        if not groups:
            return (self._fallback(hints, f"no place name in {text[:60]!r}"),)
        out: list[Match] = []
        for items, alts in groups:
            out.extend(self._resolve_group(items, alts, hints))
            if len(out) >= MAX_PLACES:
                break
        return tuple(out[:MAX_PLACES])

    def _resolve_group(self, items: list[_Item], alts: list[_Item], hints: _Hints) -> list[Match]:
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
            row, cands, quality = self._best(items[i], ctx) if context else first[i]
            # Bracketed names are alternatives of the place when it stands alone
            # ("Gavi (Gawi) area"), not of a district next to it.
            if row is None and alts and (len(items) == 1 or not context):
                for alt in alts:
                    row, cands, quality = self._best(alt, ctx)
                    if row is not None:
                        items = [*items[:i], alt, *items[i + 1 :]]
                        break
            if row is None:
                out.append(self._fallback(ctx, f"{items[i].raw[:60]!r} not in the gazetteer"))
            else:
                out.append(self._match(row, cands, items[i], ctx, quality))
        if not out and alts:
            out = [self._fallback(ctx, "no place resolved")]
        return out

    def _context_for(
        self, unit: int, unit_item: _Item, other: tuple, other_item: _Item, hints: _Hints
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
        explicit = bool(unit_item.quals & {"admin1", "admin2"}) or "place" in other_item.quals
        if explicit or quality < 2:
            return True
        # Does the other item have a same-named place inside the unit?
        again, _, _ = self._best(other_item, hints.merged(self._hints_from_rows([unit])))
        return again is not None and self._inside(again, unit, other_item)

    def _inside(self, row: int | None, unit: int, item: _Item) -> bool:
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
            if g.kind[r] == "county" and g.admin2[r]:
                a2.add(g.admin2[r])
            if g.admin1[r]:
                a1.add(g.admin1[r])
            if g.country[r]:
                cc.add(g.country[r])
        good = [r for r in rows if r is not None]
        good.sort(key=lambda r: _LEVEL_OF_KIND.get(g.kind[r], 9))
        return _Hints(frozenset(a1), frozenset(a2), frozenset(cc), tuple(good[:1]))

    def _candidates(self, item: _Item, hints: _Hints) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Gazetteer rows for an item, their match quality (2 exact, 1 skeleton, 0 one
        edit away) and their name similarity to the item (1 for exact)."""
        g = self._g
        key = item.key
        exact = g.by_key.get(key)
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
                    similarity(flat, k.replace(" ", ""))
                    for k in g.keys_of(int(r))
                    if script(k) == ks
                ),
                default=0.0,
            )
            if best >= floor:
                keep.append(r)
                sims.append(best)
        return np.asarray(keep, dtype=np.int64), np.asarray(sims, dtype=float)

    def _any_hinted(self, rows: np.ndarray, hints: _Hints) -> bool:
        g = self._g
        # The most specific hint given must agree.
        if hints.admin2:
            ok = (g.admin2[r] in hints.admin2 for r in rows)
        elif hints.admin1:
            ok = (g.admin1[r] in hints.admin1 for r in rows)
        else:
            ok = (g.country[r] in hints.country for r in rows)
        return any(ok) or any(g.kind[r] in ("crossing", "country") for r in rows)

    def _hint_score(self, rows: np.ndarray, hints: _Hints) -> np.ndarray:
        g = self._g
        s = np.zeros(len(rows))
        if not hints:
            return s
        for i, r in enumerate(rows):
            if g.admin2[r] is not None and g.admin2[r] in hints.admin2:
                s[i] += 4
            if g.admin1[r] is not None and g.admin1[r] in hints.admin1:
                s[i] += 2
            if g.country[r] in hints.country:
                s[i] += 1
        return s

    def _best(self, item: _Item, hints: _Hints) -> tuple[int | None, np.ndarray, float]:
        """The chosen row for an item, its close contenders and the match quality."""
        g = self._g
        rows, qual, sim = self._candidates(item, hints)
        empty = np.empty(0, dtype=np.int64)
        if not len(rows):
            return None, empty, 0.0
        kinds = g.kind[rows]
        # Country names are exact-only (skeletons of "Afghan" are villages).
        is_country = (kinds == "country") & (qual == 2)
        if is_country.any():
            r = int(rows[is_country][0])
            return r, np.array([r]), 2.0
        keep = kinds != "country"
        rows, qual, sim, kinds = rows[keep], qual[keep], sim[keep], kinds[keep]
        if not len(rows):
            return None, empty, 0.0
        hs = self._hint_score(rows, hints)
        # Candidates contradicting an explicit country hint are dropped when others fit.
        if hints.country and "other" not in hints.country:
            okc = np.array([g.country[r] in hints.country or g.country[r] is None for r in rows])
            if okc.any():
                rows, qual, sim, kinds, hs = rows[okc], qual[okc], sim[okc], kinds[okc], hs[okc]
        # Hints first, then match quality (exact beats skeleton), then name
        # similarity; near-equal names compete on importance below.
        score = hs * 10 + qual * 2 + sim
        top = score >= score.max() - 0.15
        rows, qual, kinds, hs = rows[top], qual[top], kinds[top], hs[top]
        q = float(qual.max())

        def pick(mask: np.ndarray) -> tuple[int, np.ndarray]:
            r = rows[mask]
            imp = g.importance[r] - g.dist_frontier_km[r] / 2000.0
            order = np.argsort(-imp, kind="stable")
            best = int(r[order[0]])
            close = r[g.importance[r] >= g.importance[best] - 1.0]
            return best, close

        quals = item.quals
        is_cross = kinds == "crossing"
        is_place = g.is_place[rows]
        by_kind = {k: kinds == k for k in ("tehsil", "county", "region")}
        wanted: list[np.ndarray] = []
        if "crossing" in quals:
            wanted = [is_cross, is_place, by_kind["tehsil"], by_kind["county"]]
        elif "admin2" in quals:
            wanted = [by_kind["county"], by_kind["tehsil"], by_kind["region"], is_place]
        elif "tehsil" in quals:
            wanted = [by_kind["tehsil"], by_kind["county"], is_place]
        elif "admin1" in quals:
            wanted = [by_kind["region"], by_kind["county"], is_place]
        elif "place" in quals:
            wanted = [is_place, is_cross, by_kind["county"], by_kind["tehsil"], by_kind["region"]]
        if wanted:
            for m in wanted:
                if m.any():
                    best, close = pick(m)
                    return self._vet(best, close, q, hints, item)
        if is_cross.any():
            best, close = pick(is_cross)
            return best, close, q
        admin = by_kind["tehsil"] | by_kind["county"] | by_kind["region"]
        if is_place.any():
            best, close = pick(is_place)
            if not admin.any():
                return self._vet(best, close, q, hints, item)
            # A same-named admin unit wins unless the place is its seat: a town in
            # it, or a village inside it whose own name is the query's.
            units = rows[admin]
            important = g.is_town[best] or g.importance[best] >= 2.5
            own_name = skeleton(norm(g.name[best])) == skeleton(item.key)
            inside = any(self._seat_of(best, int(u)) for u in units)
            if inside and (important or own_name):
                return best, close, q
        for k in ("region", "county", "tehsil"):
            if by_kind[k].any():
                best, close = pick(by_kind[k])
                return best, close, q
        best, close = pick(np.ones(len(rows), dtype=bool))
        return self._vet(best, close, q, hints, item)

    def _vet(
        self, best: int, close: np.ndarray, q: float, hints: _Hints, item: _Item
    ) -> tuple[int | None, np.ndarray, float]:
        """Drop a place that the row's admin hints contradict, unless it is an
        exact-name town: a fuzzy or village match far outside the hinted unit is
        more likely a different place than a wrong hint (the caller falls back to
        the hinted unit)."""
        g = self._g
        if not hints.units or g.kind[best] == "crossing":
            return best, close, q
        need = 4 if hints.admin2 else 2
        if self._hint_score(np.array([best]), hints)[0] >= need:
            return best, close, q
        if q >= 2 and (g.is_town[best] or g.importance[best] >= 2.5):
            return best, close, q
        for u in hints.units:
            d = float(haversine_km(g.lat[best], g.lon[best], g.lat[u], g.lon[u]))
            if d <= g.radius_km[u] + AMBIGUOUS_KM:
                return best, close, q
        return None, np.empty(0, dtype=np.int64), 0.0

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
        self, row: int, close: np.ndarray, item: _Item, hints: _Hints, quality: float
    ) -> Match:
        g = self._g
        kind = g.kind[row]
        method = _METHOD_OF_KIND.get(kind, "gazetteer")
        if kind == "crossing":
            precision, unc = 1, float(g.radius_km[row])
        elif kind == "tehsil" or kind == "county":
            precision, unc = 2, float(g.radius_km[row])
        elif kind in ("region", "country"):
            precision, unc = 3, float(g.radius_km[row])
        elif kind == "foreign":
            precision, unc = 1, float(g.radius_km[row])
        else:
            pop = g.population[row]
            precision = 1
            unc = min(VILLAGE_KM + 0.006 * math.sqrt(pop), 20.0)
            if g.fcode[row] in ("PPLC", "PPLA") and pop == 0:
                unc = 8.0
        reasons = []
        if item.near:
            precision, unc = max(precision, 2), unc + NEAR_KM
            reasons.append("near")
        elif "area" in item.quals and precision == 1 and kind != "crossing":
            precision, unc = 2, unc + AREA_KM
        if quality < 2:
            reasons.append("spelling variant" if quality >= 1 else "one edit from a gazetteer name")
        # Ambiguity: close contenders spread wider than AMBIGUOUS_KM that no hint separates.
        close = np.unique(np.asarray(close, dtype=np.int64))
        ambiguous = False
        if len(close) > 1:
            d = haversine_km(g.lat[row], g.lon[row], g.lat[close], g.lon[close])
            hs = self._hint_score(np.array([row, *close]), hints)
            rival = hs[1:] >= hs[0]
            ambiguous = bool((rival & (d > AMBIGUOUS_KM)).any())
            # Equally good contenders nearby: the radius takes them in.
            nearby = rival & (d <= AMBIGUOUS_KM)
            if nearby.any() and kind not in ADMIN_KINDS and kind != "crossing":
                unc = max(unc, float(d[nearby].max()) + VILLAGE_KM)
            if ambiguous and kind not in ADMIN_KINDS and kind != "crossing":
                # Not a confident dot: shown as low precision, and the radius takes in
                # rivals up to AMBIGUOUS_REACH_KM away (farther ones only flag it).
                precision = max(precision, 2)
                far = d[rival & (d <= AMBIGUOUS_REACH_KM)]
                if len(far):
                    unc = max(unc, float(far.max()) + VILLAGE_KM)
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
        )

    def _fallback(self, hints: _Hints, why: str) -> Match:
        """The most specific hinted unit, or an unresolved Match."""
        g = self._g
        units = list(hints.units)
        if not units and hints.country:
            cc = sorted(hints.country - {"other"})
            units = [r for r in g.rows_of_kind("country") if g.country[r] in cc]
        if not units:
            return Match(reason=why)
        row = int(units[0])
        m = self._match(row, np.array([row]), _Item("", frozenset(), False, ""), hints, 2.0)
        unc = m.uncertainty_km
        for other in units[1:]:  # several hinted units ("Dir" = Upper + Lower Dir)
            d = float(haversine_km(g.lat[row], g.lon[row], g.lat[other], g.lon[other]))
            unc = max(unc, d + float(g.radius_km[other]))
        level = {"admin2": "district", "admin1": "province", "country": "country"}.get(
            m.method, m.method
        )
        return Match(
            **{
                **m.__dict__,
                "uncertainty_km": round(unc, 2),
                "reason": f"{why}; fell back to the {level} from the hints",
            }
        )


_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "in",
        "on",
        "at",
        "to",
        "from",
        "by",
        "for",
        "with",
        "near",
        "after",
        "before",
        "said",
        "says",
        "police",
        "army",
        "village",
        "town",
        "city",
        "district",
        "province",
        "border",
        "post",
        "camp",
        "market",
        "area",
        "road",
        "bridge",
        "school",
        "mosque",
        "north",
        "south",
        "east",
        "west",
        "upper",
        "lower",
        "central",
        "new",
        "old",
        "top",
        "big",
        "small",
        "security",
        "forces",
        "officials",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


def _clean(v: object) -> str | None:
    """Text value of a hint/location cell, or None for missing / non-text values."""
    if isinstance(v, str):
        v = v.strip()[:MAX_TEXT]
        return v or None
    return None


def _split_top(text: str) -> list[str]:
    """Split on list separators that are not inside parentheses/brackets."""
    parts, depth, cur = [], 0, []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(depth - 1, 0)
        if depth == 0 and (ch in ";|\n"):
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return parts


def _parse(text: str) -> list[tuple[list[_Item], list[_Item]]]:
    """Split a place text into ;-groups of (items, parenthesised alternatives)."""
    groups = []
    for part in _split_top(text[:MAX_TEXT]):
        if not part.strip():
            continue
        alts_raw = [a or b for a, b in _PAREN.findall(part)]
        main = _PAREN.sub(" ", part)
        items = _items(main)
        # "Kandahar, Zabul (provinces)": a bare qualifier in brackets applies to all.
        qual_only = [QUALIFIERS[k] for k in map(norm, alts_raw) if k in QUALIFIERS]
        if qual_only:
            items = [
                it if it.quals else _Item(it.key, frozenset(qual_only), it.near, it.raw)
                for it in items
            ]
            alts_raw = [a for a in alts_raw if norm(a) not in QUALIFIERS]
        alts = [it for a in alts_raw for it in _items(a)]
        if items or alts:
            groups.append((items, alts))
        if len(groups) >= MAX_PLACES:
            break
    return groups


def _items(s: str) -> list[_Item]:
    out: list[_Item] = []
    for seg in s.split(","):
        pieces = [p for p in _ITEM_SPLIT.split(seg) if p and p.strip()]
        parsed = []
        for p in pieces:
            key, quals, near = _strip(norm(p))
            if key and not key.isdigit() and script(key) != "other":
                parsed.append(_Item(key, quals, near, " ".join(p.split())))
        # "Nangarhar and Kunar provinces": the plural qualifier applies to every item.
        if len(parsed) > 1 and parsed[-1].quals:
            parsed = [
                it if it.quals else _Item(it.key, parsed[-1].quals, it.near, it.raw)
                for it in parsed
            ]
        out.extend(parsed)
    return out[:MAX_PLACES]


# -- the table step ---------------------------------------------------------------


def _text_column(df: pd.DataFrame, col: str) -> tuple[np.ndarray, np.ndarray]:
    """Object array of str/None for ``col`` and a mask of non-text, non-missing cells."""
    if col not in df:
        return np.full(len(df), None, dtype=object), np.zeros(len(df), dtype=bool)
    s = df[col]
    vals = s.to_numpy(dtype=object, na_value=None)
    if pd.api.types.is_string_dtype(s.dtype) and not pd.api.types.is_object_dtype(s.dtype):
        return vals, np.zeros(len(df), dtype=bool)
    is_str = np.fromiter((isinstance(v, str) for v in vals), bool, len(vals))
    missing = pd.isna(s).to_numpy()
    bad = ~is_str & ~missing
    vals = np.where(is_str, vals, None)
    return vals, bad


def _factorize_rows(cols: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Codes of distinct tuples across ``cols`` and the first row of each code."""
    codes = np.zeros(len(cols[0]), dtype=np.int64)
    for c in cols:
        k, u = pd.factorize(c, use_na_sentinel=False)
        codes, _ = pd.factorize(codes * (len(u) + 1) + k)
    _, first = np.unique(codes, return_index=True)
    return codes, first


def geocode(
    df: pd.DataFrame, *, geocoder: Geocoder | None = None, multi: str = "first"
) -> pd.DataFrame:
    """Locate every row of an incident table; returns a new table.

    Adds the :data:`incidents.schema.GEOCODE` columns, ``other_places`` (the other
    places of a list text, ``; ``-joined) and ``geocode_note``; fills
    ``latitude``/``longitude`` for rows located from text; extends ``flags``.

    Rows with coordinates keep them (method ``input``) after checks:
    ``coords_zero`` (0, 0) and ``coords_out_of_range`` clear them and the text is
    geocoded instead; ``coords_swapped`` (the swap lands in the AF/PK region, the
    original does not) corrects them; ``coords_far_from_place`` notes input
    coordinates more than :data:`FAR_KM` km (plus the match radius for
    district/province matches) from the place text.

    ``multi="first"`` keeps one row per input with the first place (flag
    ``multiple_places``); ``multi="explode"`` gives one row per place, keeping
    ``source_row`` and suffixing ``incident_id`` with ``-1``, ``-2``, ...
    Other flags: ``location_not_text``, ``coords_invalid``, ``geocode_unresolved``,
    ``geocode_fallback``, ``ambiguous_place``.
    """
    if not isinstance(df, pd.DataFrame):
        raise GeocodeError(f"geocode needs a pandas DataFrame, got {type(df).__name__}")
    if multi not in ("first", "explode"):
        raise GeocodeError(f"multi must be 'first' or 'explode', got {multi!r}")
    gc = geocoder if geocoder is not None else Geocoder.default()
    n = len(df)
    out = df.copy()
    out.index = df.index
    flags = (
        out["review_flags"].astype("string").fillna("")
        if "review_flags" in out
        else pd.Series("", index=out.index, dtype="string")
    )
    if "source_row" not in out:
        out["source_row"] = pd.array(np.arange(n), dtype="Int64")

    loc, loc_bad = _text_column(out, "location")
    a1, _ = _text_column(out, "admin1")
    a2, _ = _text_column(out, "admin2")
    cc, _ = _text_column(out, "country")
    flags = add_flag(flags, pd.Series(loc_bad, index=out.index), "location_not_text")

    # -- input coordinates ---------------------------------------------------------
    lat_raw = out["latitude"] if "latitude" in out else pd.Series(np.nan, index=out.index)
    lon_raw = out["longitude"] if "longitude" in out else pd.Series(np.nan, index=out.index)
    lat = np.array(pd.to_numeric(lat_raw, errors="coerce"), dtype=float)
    lon = np.array(pd.to_numeric(lon_raw, errors="coerce"), dtype=float)
    invalid = (pd.notna(lat_raw).to_numpy() & np.isnan(lat)) | (
        pd.notna(lon_raw).to_numpy() & np.isnan(lon)
    )
    lat[~np.isfinite(lat)] = np.nan
    lon[~np.isfinite(lon)] = np.nan
    half = np.isnan(lat) ^ np.isnan(lon)
    invalid |= half
    lat[half] = np.nan
    lon[half] = np.nan
    has = ~np.isnan(lat)
    zero = has & (lat == 0) & (lon == 0)
    out_range = has & ~zero & ((np.abs(lat) > 90) | (np.abs(lon) > 180))
    x0, y0, x1, y1 = REGION_BOX

    def in_box(la: np.ndarray, lo: np.ndarray) -> np.ndarray:
        return (lo >= x0) & (lo <= x1) & (la >= y0) & (la <= y1)

    with np.errstate(invalid="ignore"):
        swapped = has & ~zero & ~in_box(lat, lon) & in_box(lon, lat)
    lat[zero | out_range] = np.nan
    lon[zero | out_range] = np.nan
    lat_s, lon_s = np.where(swapped, lon, lat), np.where(swapped, lat, lon)
    lat, lon = lat_s, lon_s
    has = ~np.isnan(lat)
    idx = out.index
    for mask, name in (
        (invalid, "coords_invalid"),
        (zero, "coords_zero"),
        (out_range, "coords_out_of_range"),
        (swapped, "coords_swapped"),
    ):
        flags = add_flag(flags, pd.Series(mask, index=idx), name)

    # -- resolve each distinct (text, hints) once ----------------------------------
    codes, first = _factorize_rows([loc, a1, a2, cc])
    results = [gc.resolve(loc[i], admin1=a1[i], admin2=a2[i], country=cc[i]) for i in first]
    counts = np.array([len(r) for r in results])

    if multi == "explode":
        reps = counts[codes]
        rows = np.repeat(np.arange(n), reps)
        part = np.concatenate([np.arange(c) for c in reps]) if n else np.zeros(0, dtype=int)
        res_code = codes[rows]
        # flatten per-code match lists; index = offset of the code + part
        offs = np.concatenate([[0], np.cumsum(counts)])
        flat = [m for r in results for m in r]
        pick = offs[res_code] + part
    else:
        rows = np.arange(n)
        part = np.zeros(n, dtype=int)
        res_code = codes
        flat = [r[0] for r in results]
        pick = res_code

    def col(attr: str, dtype=object) -> np.ndarray:
        vals = np.array([getattr(m, attr) for m in flat], dtype=dtype)
        return vals[pick] if len(flat) else np.array([], dtype=dtype)

    m_lat, m_lon = col("lat", float), col("lon", float)
    m_method = col("method")
    m_prec = np.array([m.precision or 0 for m in flat], dtype=int)[pick] if flat else np.array([])
    m_unc, m_name = col("uncertainty_km", float), col("name")
    m_amb = col("ambiguous", bool)
    m_reason = col("reason")
    others = np.array(
        ["; ".join(str(m.name) for m in r[1:] if m.name) or None for r in results], dtype=object
    )

    res = out.iloc[rows].copy() if multi == "explode" else out
    fl = flags.iloc[rows].reset_index(drop=True) if multi == "explode" else flags
    if multi == "explode":
        res.index = pd.RangeIndex(len(rows))
    ridx = res.index
    lat_r, lon_r, has_r = lat[rows], lon[rows], has[rows]

    method = np.where(has_r, "input", m_method).astype(object)
    if "input_geo_precision" in res:
        ip = pd.to_numeric(res["input_geo_precision"], errors="coerce").to_numpy(float)
        ip = np.where(np.isin(ip, (1, 2, 3)), ip, 1)
    else:
        ip = np.ones(len(rows))
    prec = np.where(has_r, ip, m_prec).astype(float)
    prec[(~has_r) & (m_method == "unresolved")] = np.nan
    unc_in = np.array([PRECISION_UNCERTAINTY_KM[int(p)] for p in ip]) if len(ip) else ip
    unc = np.where(has_r, unc_in, m_unc)
    final_lat = np.where(has_r, lat_r, m_lat)
    final_lon = np.where(has_r, lon_r, m_lon)

    resolved = m_method != "unresolved"
    with np.errstate(invalid="ignore"):
        dist = haversine_km(lat_r, lon_r, m_lat, m_lon)
        slack = np.where(m_prec > 1, np.nan_to_num(m_unc), 0.0)
        far = has_r & resolved & (dist > FAR_KM + slack)

    note = np.where(has_r, None, m_reason).astype(object)
    sw = swapped[rows]
    note[sw] = [
        f"latitude/longitude swapped in the input; corrected to {a:.5f}, {b:.5f}"
        for a, b in zip(lat_r[sw], lon_r[sw], strict=True)
    ]
    fr = far & ~sw
    note[fr] = [f"input point is {d:.0f} km from the place text" for d in dist[fr]]

    res["latitude"] = final_lat
    res["longitude"] = final_lon
    res["geocode_method"] = pd.array(method, dtype="string")
    res["geo_precision"] = pd.array(prec, dtype="Float64").astype("Int64")
    res["uncertainty_km"] = unc.astype("float64")
    res["matched_name"] = pd.array(np.where(has_r, None, m_name), dtype="string")
    res["ambiguous"] = pd.array(np.where(has_r, False, m_amb), dtype="boolean")
    res["other_places"] = pd.array(
        others[res_code] if multi == "first" else np.full(len(rows), None), dtype="string"
    )
    res["geocode_note"] = pd.array(note, dtype="string")

    multiple = counts[res_code] > 1
    fallback = (
        ~has_r
        & np.isin(m_method, ("admin2", "admin1", "country"))
        & np.array([bool(r) and "fell back" in r for r in m_reason], dtype=bool)
    )
    for mask, name in (
        (far, "coords_far_from_place"),
        (~has_r & ~resolved, "geocode_unresolved"),
        (fallback, "geocode_fallback"),
        (~has_r & m_amb, "ambiguous_place"),
        (multiple & (multi == "first"), "multiple_places"),
    ):
        fl = add_flag(fl, pd.Series(mask, index=ridx), name)
    res["review_flags"] = fl.to_numpy()
    res["review_flags"] = res["review_flags"].astype("string")

    if multi == "explode" and "incident_id" in res:
        ids = res["incident_id"].astype("string")
        suffix = pd.Series(
            np.where(counts[res_code] > 1, [f"-{p + 1}" for p in part], ""), index=ridx
        )
        res["incident_id"] = (ids + suffix).where(ids.notna(), ids)
    # GEOCODE columns in schema order, after the existing columns.
    extra = ["other_places", "geocode_note"]
    cols = [c for c in res.columns if c not in GEOCODE and c not in extra]
    cols += [*GEOCODE, *extra]
    return res[cols]
