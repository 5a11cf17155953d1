"""The type crosswalk of :func:`incidents.fuse`: which event types may describe one event.

The crosswalk is a table (``incidents/data/fuse_taxonomy.csv``) with one row per
``(vocabulary, value)`` and the *families* that value belongs to (``;``-separated).
Two reports have compatible types when their family sets intersect.  A report's
families come from the first of its columns whose value the table knows, in this
order:

``extract_kind``           ``event_kind`` (the vocabulary of :func:`incidents.extract`)
``acled_sub_event_type``   ``sub_event_type``
``ucdp_type_of_violence``  ``type_of_violence`` (UCDP GED 1, 2, 3)
``acled_event_type``       ``event_type``

A report with none of them known is compatible with every type (and its match
reason says "type unknown").  Values are compared case- and space-insensitively.
"""

from __future__ import annotations

from importlib import resources
from os import PathLike

import numpy as np
import pandas as pd

from incidents.errors import SchemaError

__all__ = ["COLUMNS_OF", "FINE_VOCABULARIES", "Taxonomy", "load_taxonomy"]

#: Vocabulary -> the table column it reads, in order of preference.
COLUMNS_OF: dict[str, str] = {
    "extract_kind": "event_kind",
    "acled_sub_event_type": "sub_event_type",
    "ucdp_type_of_violence": "type_of_violence",
    "acled_event_type": "event_type",
}
#: Vocabularies whose values name one kind of event (the others name several).
FINE_VOCABULARIES = ("extract_kind", "acled_sub_event_type")
_REQUIRED = ("vocabulary", "value", "families")
ALL_FAMILIES = np.int64(-1)  # every bit set: the wildcard of an unknown type


def _key(values: pd.Series) -> pd.Series:
    s = values.astype("string").str.casefold().str.replace(r"\s+", " ", regex=True).str.strip()
    # 1.0 and 1 are the same UCDP code
    return s.str.replace(r"^(\d+)\.0+$", r"\1", regex=True)


class Taxonomy:
    """A crosswalk table turned into family bit masks (see the module docstring)."""

    def __init__(self, table: pd.DataFrame) -> None:
        missing = [c for c in _REQUIRED if c not in table]
        if missing:
            raise SchemaError(
                f"taxonomy lacks columns {missing}; it needs {list(_REQUIRED)} "
                "(one row per vocabulary value, families separated by ';')"
            )
        voc = table["vocabulary"].astype("string").str.strip()
        bad = sorted(set(voc.dropna()) - set(COLUMNS_OF))
        if bad or voc.isna().any():
            raise SchemaError(
                f"taxonomy vocabulary {bad or ['<empty>']} is not one of {list(COLUMNS_OF)}"
            )
        fams = table["families"].astype("string").fillna("")
        names = sorted({f.strip() for v in fams for f in v.split(";") if f.strip()})
        if len(names) > 62:
            raise SchemaError(f"taxonomy has {len(names)} families; at most 62 are allowed")
        self.families: tuple[str, ...] = tuple(names)
        self._names: dict[int, str] = {}
        bit = {f: 1 << i for i, f in enumerate(names)}
        self._masks: dict[str, dict[str, int]] = {v: {} for v in COLUMNS_OF}
        for v, val, fs in zip(voc, _key(table["value"]), fams, strict=True):
            m = 0
            for f in fs.split(";"):
                if f.strip():
                    m |= bit[f.strip()]
            if m == 0 or pd.isna(val):
                raise SchemaError(f"taxonomy row {v}/{val!r} names no family")
            self._masks[v][val] = self._masks[v].get(val, 0) | m

    def masks(self, frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
        """Family bit mask per row and whether the type was known.

        Returns
        -------
        (masks, known)
            ``int64`` masks (all bits set when unknown) and a boolean array.
        """
        out, known, _ = self.masks_detailed(frame)
        return out, known

    def masks_detailed(self, frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """:meth:`masks`, plus whether each type is *fine*: read from a vocabulary of
        sub-event level (:data:`FINE_VOCABULARIES`), not from a broad event type
        or UCDP code that stands for several kinds of event."""
        n = len(frame)
        out = np.zeros(n, dtype=np.int64)
        known = np.zeros(n, dtype=bool)
        fine = np.zeros(n, dtype=bool)
        for voc, col in COLUMNS_OF.items():
            if col not in frame or not self._masks[voc]:
                continue
            table = pd.Series(self._masks[voc], dtype="int64")
            # normalise the distinct values only: a column holds few of them
            codes, uniq = pd.factorize(frame[col].astype("string"), use_na_sentinel=True)
            hit_u = _key(pd.Series(uniq, dtype="string")).map(table)
            hit_u = hit_u.to_numpy(dtype="float64", na_value=np.nan)
            hit = np.where(codes >= 0, hit_u[np.maximum(codes, 0)] if len(uniq) else np.nan, np.nan)
            take = ~known & np.isfinite(hit)
            out[take] = hit[take].astype(np.int64)
            known |= take
            if voc in FINE_VOCABULARIES:
                fine |= take
        out[~known] = ALL_FAMILIES
        return out, known, fine

    def names(self, mask: int) -> str:
        """Family names of a mask, ``;``-joined (``any`` for the wildcard)."""
        if mask == ALL_FAMILIES:
            return "any"
        if mask not in self._names:
            self._names[mask] = ";".join(f for i, f in enumerate(self.families) if mask >> i & 1)
        return self._names[mask]


def load_taxonomy(taxonomy: str | PathLike[str] | pd.DataFrame | Taxonomy | None) -> Taxonomy:
    """The bundled crosswalk, or the one given as a path, table or :class:`Taxonomy`."""
    if isinstance(taxonomy, Taxonomy):
        return taxonomy
    if taxonomy is None:
        src = resources.files("incidents.data").joinpath("fuse_taxonomy.csv")
        with src.open("r", encoding="utf-8") as fh:
            return Taxonomy(pd.read_csv(fh, dtype=str, keep_default_na=False))
    if isinstance(taxonomy, pd.DataFrame):
        return Taxonomy(taxonomy)
    if isinstance(taxonomy, (str, PathLike)):
        try:
            table = pd.read_csv(taxonomy, dtype=str, keep_default_na=False)
        except (OSError, ValueError) as exc:
            raise SchemaError(f"cannot read taxonomy {taxonomy}: {exc}") from exc
        return Taxonomy(table)
    raise SchemaError(
        f"taxonomy must be None, a CSV path or a DataFrame, got {type(taxonomy).__name__}"
    )
