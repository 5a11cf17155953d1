"""Admin hints: a row's province/district/country text resolved to shipped units.

Each hint resolves at its own level only (an admin1 hint to a province, an
admin2 hint to a district or tehsil); unit names are atomic ("Azad Jammu &
Kashmir" is one name) and go through the alias table carried by the gazetteer.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Callable
from importlib import resources

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from incidents._gazetteer import Gazetteer, haversine_km
from incidents._grammar import strip_qualifiers
from incidents._match import Hints
from incidents._names import admin_core, norm, script, skeleton

__all__ = ["HintsMixin", "LEVEL_OF_KIND"]

LEVEL_OF_KIND = {"tehsil": 1, "county": 2, "region": 3, "country": 4}
_COUNTRY_CODES = {"af": "AF", "afg": "AF", "pk": "PK", "pak": "PK"}
#: Slack (km) of the test whether two units are neighbours (a 95 % radius leaves
#: out the far corners of a unit).
NEIGHBOUR_KM = 25.0
_HINT_SPLIT = re.compile(r"\s+(?:and|&|or)\s+|\s*[/&;,]\s*", re.IGNORECASE)
#: Words of pre-2018 unit names around a district's own name, on a :func:`norm`
#: key: "fr bannu", "frontier region bannu", "tribal area adjoining kohat",
#: "ta adj tank", "khyber agency", "khyber tribal district", "agency khyber".
_LEGACY_LEAD = re.compile(
    r"^(?:(?:fr|f r|frontier regions?|tribal areas?|ta|pata|agency)\s+)?"
    r"(?:(?:adjacent to|adjoining|adjacent|adj)\s+)?"
)
_LEGACY_TRAIL = re.compile(r"\s+(?:agency|tribal district|tribal area|merged district|fr)$")


@functools.cache
def alias_table() -> dict[str, tuple[tuple[str, str], ...]]:
    """``incidents/data/admin_aliases.csv`` as {normalised alias: ((unit, level), ...)}.

    Read at run time as well as baked into the gazetteer's unit keys by
    :mod:`incidents.data.derive_gazetteer`, so an alias added to the table
    works without rebuilding the gazetteer.
    """
    src = resources.files("incidents.data").joinpath("admin_aliases.csv")
    out: dict[str, list[tuple[str, str]]] = {}
    for row in csv.DictReader(io.StringIO(src.read_text(encoding="utf-8"))):
        key = norm(row["alias"])
        if key:
            out.setdefault(key, []).append((row["unit"].strip(), row["level"].strip()))
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


class HintsMixin:
    """Hint resolution of :class:`incidents._resolver.Geocoder`."""

    _g: Gazetteer
    _admin_cached: Callable[..., tuple[tuple[int, ...], tuple[str, ...]]]

    def _admin_rows(
        self,
        value: str | None,
        level: str,
        within: frozenset[str],
        countries: frozenset[str] = frozenset(),
    ) -> tuple[tuple[int, ...], tuple[str, ...]]:
        """Gazetteer rows of the units ``value`` names at ``level`` only, and the
        province names they lie in.  The whole value is tried first (unit names are
        atomic: "Azad Jammu & Kashmir"), its parts only when the whole is no unit.
        ``within`` (hinted provinces) restricts every lookup; ``countries`` (hinted
        countries) restricts only the guesses: a town's district and spelling
        variants of unit names."""
        if not value:
            return (), ()
        g = self._g
        guess_in = within or frozenset(
            str(g.admin1[r])
            for r in g.rows_of_kind("region")
            if g.country[r] in countries and g.admin1[r]
        )
        kinds = {
            "admin1": ("region",),
            "admin2": ("county", "tehsil"),
            "admin3": ("tehsil",),
            "country": ("country",),
        }
        want = kinds[level]

        def ok(rows: list[int]) -> list[int]:
            # a unit outside the hinted provinces (or country) is another unit
            return [r for r in rows if not within or g.admin1[r] in within]

        def exact(text: str) -> list[int]:
            full = norm(text)
            key, _, _ = strip_qualifiers(full)
            if not key:
                return []
            legacy = _LEGACY_TRAIL.sub("", _LEGACY_LEAD.sub("", key))
            for k in dict.fromkeys((full, key, admin_core(key), legacy, admin_core(legacy))):
                if not k:
                    continue
                # a unit's own name and the units the alias table adds to it: the
                # district before a split ("Karachi West" before Keamari was cut from
                # it, 2020) names both (as the gazetteer's baked alias keys do)
                rows = ok([int(r) for r in g.by_key.get(k) if g.kind[r] in want])
                rows += [r for r in ok(self._alias_rows(k, level, want)) if r not in rows]
                if rows:
                    return rows
            # the same words in another order ("Central Karachi", "Kohistan Upper"), or a
            # district written with its city ("Korangi Karachi", "Malir Karachi")
            return ok(self._reordered_rows(key, want)) or ok(self._with_city_rows(key, want))

        def fuzzy(text: str) -> list[int]:
            key, _, _ = strip_qualifiers(norm(text))
            return self._fuzzy_admin(key, want, guess_in) if len(key) >= 4 else []

        # the whole value, then its parts ("Azad Jammu & Kashmir" is one name);
        # exact names and aliases before a town's district before spelling variants
        parts = [p for p in _HINT_SPLIT.split(_paren_free(value)) if p.strip()]
        if self._names_unit(value):
            parts = []  # a unit's own name at another level is never split
        rows = exact(value) or [r for p in parts for r in exact(p)]
        if not rows and level == "admin2":
            rows = self._district_of_town(value, guess_in)
        if not rows and level != "country":
            rows = fuzzy(value) or [r for p in parts for r in fuzzy(p)]
        if level == "admin2" and rows:
            # shipped districts before tehsils and before other sources' units
            rank = [(g.kind[r] != "county") + 2 * (not g.shipped[r]) for r in rows]
            best = min(rank)
            rows = [r for r, k in zip(rows, rank, strict=True) if k == best]
        a1 = tuple(sorted({str(g.admin1[r]) for r in rows if g.admin1[r]}))
        return tuple(dict.fromkeys(rows)), a1

    @functools.cached_property
    def _unit_word_sets(self) -> dict[tuple[str, ...], tuple[int, ...]]:
        """Admin rows by the sorted words of each of their names."""
        g = self._g
        out: dict[tuple[str, ...], list[int]] = {}
        for r in g.admin_rows:
            for k in g.keys_of(int(r)):
                words = tuple(sorted(k.split()))
                if len(words) > 1:
                    out.setdefault(words, []).append(int(r))
        return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}

    def _reordered_rows(self, key: str, want: tuple[str, ...]) -> list[int]:
        """Admin rows of a unit named by the same words as ``key`` in another order."""
        g = self._g
        words = tuple(sorted(key.split()))
        if len(words) < 2:
            return []
        return [r for r in self._unit_word_sets.get(words, ()) if g.kind[r] in want]

    def _with_city_rows(self, key: str, want: tuple[str, ...]) -> list[int]:
        """The one unit named by ``key`` without one of its words, when that word is
        a town lying within the unit's reach ("Korangi Karachi": Korangi district,
        and Karachi lies beside it)."""
        g = self._g
        words = key.split()
        if len(words) < 2:
            return []
        found: list[int] = []
        dropped: set[int] = set()
        for i, w in enumerate(words):
            rest = " ".join(words[:i] + words[i + 1 :])
            units = [int(r) for r in g.by_key.get(rest) if g.kind[r] in want]
            towns = [int(t) for t in g.by_key.get(w) if g.is_place[t] and g.is_town[t]]
            for u in units:
                reach = float(g.radius95_km[u]) + NEIGHBOUR_KM
                if any(
                    float(haversine_km(g.lat[t], g.lon[t], g.lat[u], g.lon[u])) <= reach
                    for t in towns
                ):
                    found.append(u)
                    dropped.add(i)
        # one reading only (the district and its tehsil of one name are one reading)
        return list(dict.fromkeys(found)) if len(dropped) == 1 else []

    def _alias_rows(self, key: str, level: str, want: tuple[str, ...]) -> list[int]:
        """Unit rows an alias of the alias table names at ``level``."""
        g = self._g
        out: list[int] = []
        for unit, lvl in alias_table().get(key, ()):
            if lvl != level:
                continue
            out += [
                int(r)
                for r in g.by_key.get(norm(unit))
                if g.kind[r] in want and str(g.name[r]) == unit
            ]
        return out

    def _names_unit(self, value: str) -> bool:
        """Whether ``value`` as a whole is the name or alias of an admin unit."""
        g = self._g
        key = norm(value)
        if any(g.kind[r] in LEVEL_OF_KIND for r in g.by_key.get(key)):
            return True
        return key in alias_table()

    def _district_of_town(self, value: str, within: frozenset[str]) -> list[int]:
        """The district of a place named where a district was asked for
        ("Parachinar" as admin2 is Kurram): the towns (GeoNames cities500 or admin
        seats) of exactly that name in the hinted provinces, else all its places
        there, when they all lie in one district."""
        g = self._g
        key, _, _ = strip_qualifiers(norm(value))
        rows = g.by_key.get(key) if key else np.empty(0, dtype=np.int64)
        rows = rows[g.is_place[rows]]
        if within:
            rows = rows[np.isin(g.admin1[rows], list(within))]
        towns = rows[g.is_town[rows] | (g.importance[rows] >= 2.5)]
        if len(towns):
            rows = towns
        names = {str(g.admin2[r]) for r in rows if g.admin2[r]}
        if len(names) != 1:
            return []
        (name,) = names
        a1 = {str(g.admin1[r]) for r in rows}
        return [
            int(r)
            for r in g.by_key.get(norm(name))
            if g.kind[r] == "county" and g.shipped[r] and str(g.admin1[r]) in a1
        ]

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

    def _hints(
        self,
        admin1: str | None,
        admin2: str | None,
        country: str | None,
        admin3: str | None = None,
    ) -> Hints:
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
        r2, _ = self._admin_cached(admin2, "admin2", frozenset(a1), frozenset(cc - {"other"}))
        a2 = {str(g.admin2[r]) for r in r2 if g.admin2[r]}
        a1s = set(a1) | {str(g.admin1[r]) for r in r2 if g.admin1[r]}
        cc |= {str(g.country[r]) for r in (*r1, *r2) if g.country[r]}
        units = r2 or r1
        if not units and cc - {"other"}:
            units = tuple(int(r) for r in g.rows_of_kind("country") if g.country[r] in cc)
        tehsils: tuple[int, ...] = ()
        if not admin3 and r2 and all(g.kind[r] == "tehsil" for r in r2):
            # a tehsil given as the district (a district carved out of tehsils
            # after the shipped layer: "Karezat", "Chaman", "Hub") narrows as an
            # ``admin3`` would: namesakes inside it rank first
            tehsils = tuple(r2)
        if admin3:
            r3, _ = self._admin_cached(admin3, "admin3", frozenset(a1s), frozenset(cc - {"other"}))
            # a tehsil of the hinted district; else one of a neighbouring district
            # (a district split off the hinted one: Surab from Kalat), whose
            # district then counts as hinted too; a tehsil farther away is not taken
            tehsils = tuple(r for r in r3 if not a2 or g.admin2[r] in a2)
            if not tehsils and a2 and r2:
                tehsils = tuple(r for r in r3 if self._touches(r, r2))
                a2 = a2 | {str(g.admin2[r]) for r in tehsils if g.admin2[r]}
            if tehsils and not a2:
                a2 = {str(g.admin2[r]) for r in tehsils if g.admin2[r]}
                a1s |= {str(g.admin1[r]) for r in tehsils if g.admin1[r]}
                cc |= {str(g.country[r]) for r in tehsils if g.country[r]}
                units = (
                    tuple(
                        int(r)
                        for r in g.rows_of_kind("county")
                        if g.admin2[r] in a2 and g.shipped[r]
                    )
                    or tehsils
                )
        return Hints(frozenset(a1s), frozenset(a2), frozenset(cc), tuple(units), tuple(tehsils))

    def _touches(self, row: int, units: tuple[int, ...]) -> bool:
        """Whether unit ``row`` lies next to one of ``units``: their points are
        closer than the sum of their 95 % radii and :data:`NEIGHBOUR_KM`."""
        g = self._g
        return any(
            float(haversine_km(g.lat[row], g.lon[row], g.lat[u], g.lon[u]))
            <= float(g.radius95_km[row] + g.radius95_km[u]) + NEIGHBOUR_KM
            for u in units
        )

    def _hints_from_rows(self, rows: list[int | None]) -> Hints:
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
        good.sort(key=lambda r: LEVEL_OF_KIND.get(str(g.kind[r]), 9))
        return Hints(frozenset(a1), frozenset(a2), frozenset(cc), tuple(good[:1]))


def _paren_free(s: str) -> str:
    return re.sub(r"[()\[\]]", " ", s)
