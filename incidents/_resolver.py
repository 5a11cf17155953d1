"""Resolver: parsed place items (+ admin hints) -> gazetteer rows -> :class:`Match`.

:class:`Geocoder` is assembled from modules with one job each:

* :mod:`incidents._hints` -- the row's hints, each resolved at its own level
  only (unit names are atomic and go through the admin-name alias table);
* :mod:`incidents._candidates` -- candidates: exact name key, else
  transliteration skeleton, else one edit; agreement with the hints;
* :mod:`incidents._ranking` -- which candidate answers: hints, match quality,
  type-word roles, neutral namesake ranking (nothing depends on the frontier);
* :mod:`incidents._answer` -- the :class:`Match`: precision, ambiguity and the
  radius from the match's evidence (:mod:`incidents._radius`), or the fallback
  to the hinted unit;
* this module -- the public API and how the items of one text combine (admin
  units as context, "A - B", "between A and B", bracketed alternatives).
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import replace

import numpy as np

from incidents._answer import RADIUS_KM, AnswerMixin
from incidents._gazetteer import Gazetteer, haversine_km
from incidents._grammar import Item, parse
from incidents._hints import LEVEL_OF_KIND
from incidents._match import Hints, Match, Mention
from incidents._names import MAX_TEXT, norm, script
from incidents._ranking import RankingMixin

__all__ = ["RADIUS_KM", "Geocoder", "Match", "Mention"]

#: A part named inside a place ("Karachi - Saddar") is searched this far from it,
#: at least (or the place's own radius when larger).
CONTAINER_KM = 15.0
#: At most this many places are read from one list text.
MAX_PLACES = 12


# The word of a place's kind written after its name: "X border crossing", "X district"
_KIND_AFTER = re.compile(r"\s+(?:[Bb]order\s+)?(?P<kind>[Cc]rossing|[Dd]istrict|[Pp]rovince)\b")
# (with :data:`_STOP`, which holds "the", "a", "an")
_ARTICLES = frozenset({"this", "that", "these", "those", "its", "their"})
#: The words before a name read as a place even when the index lacks it as written.
_LOCATED_BEFORE = re.compile(r"\b(?:in|near|at|(?:spread|spilled over|extended) to)\s+$")
#: What a name with that word may be read as (a respelling of it).
_TYPED_METHOD = {
    "crossing": ("crossing",),
    "district": ("admin2",),
    "province": ("admin1",),
}


class Geocoder(RankingMixin, AnswerMixin):
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

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer this geocoder resolves against (read-only use)."""
        return self._g

    def resolve(
        self,
        text: object,
        *,
        admin1: object = None,
        admin2: object = None,
        country: object = None,
        admin3: object = None,
    ) -> list[Match]:
        """One :class:`Match` per place named in ``text`` (never raises on junk).

        ``admin1``/``admin2``/``country`` are the row's hints as free text
        ("Khyber Pakhtunkhwa", "Kurram agency", "PK"); ``admin3`` a tehsil
        ("Mir Ali", as ACLED gives it): places inside it rank first and a
        fallback answers with it.  Unusable text falls back to the hints; with no
        hint either the result is one ``unresolved`` Match whose ``reason`` says
        why.
        """
        args = tuple(_clean(v) for v in (text, admin1, admin2, country, admin3))
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

    def province_seat(self, admin1: str) -> Match | None:
        """The seat of province ``admin1`` (its GeoNames PPLA or PPLC town, the most
        populous when several), or None: what "the provincial capital" of it means."""
        g = self._g
        row = _seats_by_province(g).get(admin1)
        if row is None:
            return None
        return self._match(row, np.array([row]), Item(norm(g.name[row])), Hints(), 2.0)

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
        toks = [(m.start(), m.end(), norm(m.group(0))) for m in _TOKEN.finditer(text)]
        # a name never runs across a comma, colon or semicolon ("in Baraki,
        # Baraki Barak district" names two places): the words each n-gram may span
        reach = [len(toks)] * len(toks)
        for j in range(len(toks) - 2, -1, -1):
            gap = text[toks[j][1] : toks[j + 1][0]]
            reach[j] = j + 1 if _BREAK.search(gap) else reach[j + 1]
        out: list[Mention] = []
        owner: tuple[int, str] | None = None  # (end, key) of the last "X's" admin unit
        i = 0
        while i < len(toks):
            found = None
            first = text[toks[i][0]]
            if first.isupper() or script(toks[i][2]) == "arabic":
                for n in range(min(max_words, reach[i] - i), 0, -1):
                    key = " ".join(t[2] for t in toks[i : i + n])
                    if key in _STOP or len(key) < 3 or key.isdigit():
                        continue
                    if key in self._g.by_key.slot:
                        found = (n, key)
                        break
                    own = self._capital_owner(text, toks, i, n)
                    if own is not None:
                        found = (n, own)  # "Khyber Pakhtunkhwa's capital"
                        break
            if found is None and first.isupper():
                typed = self._typed_unknown(text, toks, i, reach[i])
                typed = typed or self._located_unknown(text, toks, i, reach[i])
                if typed is not None:
                    out.append(typed)
                    i += len(typed.key.split())
                    continue
            if found is None:
                owner = self._possessor(text, toks, i) or owner
                i += 1
                continue
            n, key = found
            start, end = toks[i][0], toks[i + n - 1][1]
            if text[end - 2 : end] in ("'s", "’s") and key != toks[i + n - 1][2]:
                end -= 2  # (the possessive of a province named for its capital)
            query = key
            if owner is not None and _POSSESSOR.fullmatch(text, owner[0], start):
                # "Nangarhar's Shinwari district": read inside the possessor (which
                # is no mention of its own: it names no place of an event)
                query = f"{owner[1]}'s {key}"
            out.append(Mention(start, end, text[start:end], key, tuple(self.resolve(query))))
            i += n
        return self._province_prefixed(text, out)

    def _province_prefixed(self, text: str, out: list[Mention]) -> list[Mention]:
        """Join a province's name written right before a district's ("in Konar Naray
        district", "Nangarhar Dor Baba district"): one mention, the district read
        inside that province, when it is one of its districts."""
        for k in range(len(out) - 2, -1, -1):
            a, b = out[k], out[k + 1]
            if not a.candidates or a.candidates[0].method != "admin1":
                continue
            if text[a.end : b.start] != " " or not _DISTRICT_NEXT.match(text, b.end):
                continue
            got = self.resolve(f"{a.text}'s {b.text} district")
            if not got or got[0].method != "admin2" or got[0].admin1 != a.candidates[0].admin1:
                continue
            out[k : k + 2] = [Mention(a.start, b.end, text[a.start : b.end], b.key, tuple(got))]
        return out

    def _typed_unknown(
        self, text: str, toks: list[tuple[int, int, str]], i: int, reach: int
    ) -> Mention | None:
        """A capitalised name the index lacks, written with the word of its kind after
        it ("the Torkhram border crossing", "Shelton district"): the crossing or admin
        unit that name respells, when the geocoder reads it so without doubt."""
        for n in (2, 1):
            if i + n > reach:
                continue
            start, end = toks[i][0], toks[i + n - 1][1]
            cue = _KIND_AFTER.match(text, end)  # (the cheap test first)
            if cue is None:
                continue
            words = toks[i : i + n]
            if not self._unknown_name(text, words):
                continue
            res = self.resolve(f"{text[start:end]} {cue.group('kind')}")
            got = res[0] if res else None
            if got is None or got.ambiguous or got.method not in _TYPED_METHOD[cue["kind"].lower()]:
                continue
            key = " ".join(t[2] for t in words)
            return Mention(start, end, text[start:end], key, tuple(res))
        return None

    def _unknown_name(self, text: str, words: list[tuple[int, int, str]]) -> bool:
        """Whether capitalised ``words`` may be a name the index lacks: none is a known
        name (read on its own), a stop word, an article or a possessor ("Zhob's")."""
        return all(text[t[0]].isupper() for t in words) and not any(
            t[2] in self._g.by_key.slot
            or t[2] in _STOP
            or t[2] in _ARTICLES
            or text[t[0] : t[1]][-2:] in ("'s", "’s")
            for t in words
        )

    def _located_unknown(
        self, text: str, toks: list[tuple[int, int, str]], i: int, reach: int
    ) -> Mention | None:
        """A capitalised name the index lacks as written, right after "in", "near",
        "at" or "spread to" ("near Zerjanu", "in Begukhel"): the village the geocoder
        reads it as exactly (another spelling it lists, "Zair Jano", "Begu Khel"),
        one place of Afghanistan or Pakistan, never a spelling match."""
        if not _LOCATED_BEFORE.search(text, max(0, toks[i][0] - 24), toks[i][0]):
            return None
        for n in (2, 1):
            if i + n > reach:
                continue
            words = toks[i : i + n]
            if not self._unknown_name(text, words):
                continue
            start, end = toks[i][0], toks[i + n - 1][1]
            res = self.resolve(text[start:end])
            got = res[0] if res else None
            if (
                got is None
                or got.ambiguous
                or got.match_class != "place_exact"
                or got.country not in ("AF", "PK")
            ):
                continue
            key = " ".join(t[2] for t in words)
            return Mention(start, end, text[start:end], key, tuple(res))
        return None

    def _capital_owner(
        self, text: str, toks: list[tuple[int, int, str]], i: int, n: int
    ) -> str | None:
        """The key of a province whose possessive closes words ``i`` .. ``i + n - 1``
        right before "capital" ("Khyber Pakhtunkhwa's capital"), else None: a
        mention of its own (the province's seat), unlike other possessors."""
        end = toks[i + n - 1][1]
        if text[end - 2 : end] not in ("'s", "’s") or not _CAPITAL_NEXT.match(text, end):
            return None
        words = [t[2] for t in toks[i : i + n - 1]]
        key = " ".join([*words, norm(text[toks[i + n - 1][0] : end - 2])])
        rows = self._g.by_key.get(key)
        return key if len(rows) and (self._g.kind[rows] == "region").any() else None

    def _possessor(
        self, text: str, toks: list[tuple[int, int, str]], i: int
    ) -> tuple[int, str] | None:
        """(end, key) when word ``i`` closes an admin unit's name with a possessive
        "'s" ("Nangarhar's", "Khyber Pakhtunkhwa's"), else None."""
        word = text[toks[i][0] : toks[i][1]]
        if len(word) < 4 or word[-2:] not in ("'s", "’s"):
            return None
        own = norm(word[:-2])
        for j in range(max(0, i - 3), i + 1):
            key = " ".join([*(t[2] for t in toks[j:i]), own])
            if self._known(key):
                return toks[i][1] - 2, key
        return None

    # -- resolution ----------------------------------------------------------------

    def _known(self, key: str) -> bool:
        rows = self._g.by_key.get(key)
        return bool(len(rows)) and bool(self._g.is_admin[rows].any())

    def _resolve(
        self,
        text: str | None,
        admin1: str | None,
        admin2: str | None,
        country: str | None,
        admin3: str | None = None,
    ) -> tuple[Match, ...]:
        hints = self._hint_cached(admin1, admin2, country, admin3)
        if text is None:
            return (self._fallback(hints, "no place text"),)
        if _DIVISION.search(text):
            # "Malakand Division", "the D.I. Khan division": a division is its
            # districts (the alias table), not the town it is named after
            units = self._hint_cached(admin1, text, country, None)
            if len(units.units) > 1 or (units.units and not units.admin2 <= {text}):
                return (self._fallback(units, f"{text[:60]!r} is a division"),)
        groups = parse(text, known=self._known)
        if not groups:
            return (self._fallback(hints, f"no place name in {text[:60]!r}"),)
        out: list[Match] = []
        for grp in groups:
            out.extend(self._resolve_group(list(grp.items), list(grp.alts), hints))
            if len(out) >= MAX_PLACES:
                break
        return tuple(out[:MAX_PLACES])

    def _resolve_group(self, items: list[Item], alts: list[Item], hints: Hints) -> list[Match]:
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
        if (
            not context
            and len(items) == 2
            and (
                self._is_part_of(first[0], first[1])
                or self._part_near(items[0], first[0], first[1], hints)
            )
        ):
            # "Saddar, Karachi": a neighbourhood or village named before its town
            # is a part of that town, as in "Karachi - Saddar"
            return [self._contained(replace(items[0], container=items[1]), hints)]
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
                why = f"{item.raw[:60]!r} not in the gazetteer"
                out.append(self._edge_place(item, ctx) or self._fallback(ctx, why, rivals=cands))
            else:
                out.append(self._match(row, cands, item, ctx, quality))
        if not out and alts:
            out = [self._fallback(ctx, "no place resolved")]
        return out

    def _is_part_of(self, part: tuple, whole: tuple) -> bool:
        """Whether the first of two listed places is a part of the second: the
        second is a town, the first is not, and it lies within the town's reach."""
        g = self._g
        a, b = part[0], whole[0]
        town = lambda r: bool(g.is_town[r] or g.importance[r] >= 2.5)  # noqa: E731
        if b is None or not g.is_place[b] or not town(b):
            return False
        if a is None:  # a part the gazetteer lacks: the town answers for it
            return True
        if not g.is_place[a] or town(a):
            return False
        d = float(haversine_km(g.lat[a], g.lon[a], g.lat[b], g.lon[b]))
        return d <= self._town_reach(b)

    def _town_reach(self, b: int) -> float:
        """How far from the town ``b`` its parts lie: its radius, at least
        :data:`CONTAINER_KM`."""
        r = self._g.radius_km[b]
        return max(CONTAINER_KM, float(r) if math.isfinite(r) else 0)

    def _part_near(self, item: Item, part: tuple, whole: tuple, hints: Hints) -> bool:
        """Whether the first of two listed places is a part of the second town
        although its best match lies elsewhere: a namesake of it lies within the
        town's reach ("Golra, Islamabad": the Golra at Islamabad, not another one),
        or it is only a spelling match (its own name is not in the gazetteer, and
        the town answers for it, as for a part the gazetteer lacks)."""
        g = self._g
        a, b, q = part[0], whole[0], part[2]
        if a is None or b is None:
            return False
        unit = g.kind[b] in ("county", "tehsil")  # "Saddar, Quetta": the city's district
        if not (unit or (g.is_place[b] and g.is_town[b])):
            return False
        if q < 1:
            return True
        reach = float(g.radius95_km[b]) if unit else self._town_reach(b)
        row, _, _ = self._best(item, hints, within=(float(g.lat[b]), float(g.lon[b]), reach))
        if row is not None and g.kind[b] == "county" and g.admin2[row] != g.admin2[b]:
            row = None  # a namesake across the district's edge is no part of it
        if row is not None:
            return row != b and g.is_place[row] and not g.is_town[row]
        # no place of the name within reach: a village or quarter elsewhere is a
        # namesake, and the part is one the gazetteer lacks ("Saddar, Quetta" is not
        # Karachi's Saddar); a town elsewhere may be a second place ("Wana, Tank")
        return bool(g.is_place[a]) and not g.is_town[a]

    def _contained(self, item: Item, hints: Hints) -> Match:
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
            m = self._match(row, cands, inner, ctx, q)
            if within is not None and not m.ambiguous:
                # the text puts the part inside the place: its radius need not reach
                # past the place's own reach from the part's point
                lat, lon, reach = within
                cap = float(haversine_km(m.lat, m.lon, lat, lon)) + reach
                floor = RADIUS_KM.get(m.match_class, 0.0)
                m = replace(m, uncertainty_km=round(min(m.uncertainty_km, max(cap, floor)), 2))
            return m
        units = [
            int(u)
            for u in g.by_key.get(item.container.key)
            if g.kind[u] in ("tehsil", "county", "region") and u != outer
        ]
        if units and within is not None:
            # "Sialkot's Abdul Malik": not near the town, so in the unit of its name
            ctx = hints.merged(self._hints_from_rows(units))
            row, cands, q = self._best(inner, ctx)
            if row is not None and any(self._inside(row, u, inner) for u in units):
                return self._match(row, cands, inner, ctx, q)
        m = self._match(outer, ocands, item.container, hints, oq)
        part = inner.full_key or inner.key or inner.raw[:40]
        return replace(m, reason=_join(m.reason, f"{part!r} not found in {m.name}"))

    def _between(self, item: Item, hints: Hints) -> Match:
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
        self, unit: int, unit_item: Item, other: tuple, other_item: Item, hints: Hints
    ) -> bool:
        """Whether admin ``unit`` is context (a hint) for the other item, not a place."""
        g = self._g
        row, _, quality = other
        level = LEVEL_OF_KIND[g.kind[unit]]
        if row is None:
            return bool(other_item.key)
        if LEVEL_OF_KIND.get(g.kind[row], 0) >= level:
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


_POSSESSOR = re.compile(r"['’]s?\s+")
_TOKEN = re.compile(r"[^\W_][\w'’\-]*")
_DIVISION = re.compile(r"\b[Dd]ivision\s*$")
_CAPITAL_NEXT = re.compile(r"\s+(?:provincial\s+)?capital\b")
_BREAK = re.compile(r"[,;:]")
_DISTRICT_NEXT = re.compile(r"\s+district\b", re.IGNORECASE)


@functools.cache
def _seats_by_province(g: Gazetteer) -> dict[str, int]:
    """Province name -> gazetteer row of its seat (PPLA/PPLC town, most populous)."""
    out: dict[str, int] = {}
    rows = np.flatnonzero(np.isin(g.fcode, ("PPLA", "PPLC")) & g.is_place)
    for r in rows[np.argsort(-np.nan_to_num(g.population[rows].astype(float)), kind="stable")]:
        if g.admin1[r] is not None:
            out.setdefault(str(g.admin1[r]), int(r))
    return out


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
    april may june july august september october november december
    both each either neither this that these those such many most some several other another
    here there their her his its but than then yet also however meanwhile""".split()
)
