"""Admin hints: a row's province/district/country text resolved to shipped units.

Each hint resolves at its own level only (an admin1 hint to a province, an
admin2 hint to a district or tehsil); unit names are atomic ("Azad Jammu &
Kashmir" is one name) and go through the alias table carried by the gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from incidents._gazetteer import Gazetteer
from incidents._grammar import strip_qualifiers
from incidents._match import Hints
from incidents._names import admin_core, norm, script, skeleton

__all__ = ["HintsMixin", "LEVEL_OF_KIND"]

LEVEL_OF_KIND = {"tehsil": 1, "county": 2, "region": 3, "country": 4}
_COUNTRY_CODES = {"af": "AF", "afg": "AF", "pk": "PK", "pak": "PK"}
_HINT_SPLIT = re.compile(r"\s+(?:and|&|or)\s+|\s*[/&;,]\s*", re.IGNORECASE)


class HintsMixin:
    """Hint resolution of :class:`incidents._resolver.Geocoder`."""

    _g: Gazetteer
    _admin_cached: Callable[
        [str | None, str, frozenset[str]], tuple[tuple[int, ...], tuple[str, ...]]
    ]

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

    def _hints(self, admin1: str | None, admin2: str | None, country: str | None) -> Hints:
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
        return Hints(frozenset(a1s), frozenset(a2), frozenset(cc), tuple(units))

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
