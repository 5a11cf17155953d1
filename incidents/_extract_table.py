"""Candidates -> the incident table (schema columns, then the extractor's own)."""

from __future__ import annotations

import datetime as dt
import functools

import numpy as np
import pandas as pd

from incidents._extract_claims import others as other_claims
from incidents._extract_counts import total
from incidents._extract_events import _Candidate
from incidents.schema import ACCOUNTING, CORE, GEOCODE, coerce

#: Columns added after the schema columns.
_EXTRA: dict[str, str] = {
    "injuries": "Int64",
    "event_kind": "string",
    "evidence": "string",
    "evidence_span": "string",
    "confidence": "float64",
    "extraction_notes": "string",
}
#: Columns added after the schema columns (``injuries`` only while the schema lacks it).
EXTRA_COLUMNS: dict[str, str] = {
    k: v for k, v in _EXTRA.items() if k not in {**CORE, **GEOCODE, **ACCOUNTING}
}


def _table(
    cands: list[_Candidate],
    text: str,
    ref: dt.date | None,
    message: str | None,
    *,
    source: str | None = None,
) -> pd.DataFrame:
    rows = []
    for n, c in enumerate(cands, 1):
        m = c.place.match
        ev_type, sub = c.types
        hint = {c2.match.method: c2.label for c2 in c.place.context}
        rows.append(
            {
                "incident_id": f"X{n:03d}",
                "date": pd.Timestamp(c.first) if c.first else pd.NaT,
                "date_end": pd.Timestamp(c.last) if c.last and c.last != c.first else pd.NaT,
                "event_type": ev_type,
                "sub_event_type": sub,
                "actor1": c.actor1,
                "actor2": c.actor2,
                "fatalities": _killed(c),
                "location": c.place.label if c.place.role != "frontier" else c.place.text,
                "admin1": hint.get("admin1"),
                "admin2": hint.get("admin2"),
                "country": hint.get("country"),
                "latitude": m.lat,
                "longitude": m.lon,
                "source": source,
                "notes": other_claims(c.counts),  # competing tolls not counted
                "geocode_method": m.method,
                "geo_precision": m.precision,
                "uncertainty_km": m.uncertainty_km,
                "matched_name": m.name,
                "ambiguous": bool(m.ambiguous),
                "source_row": c.sentence,
                "review_flags": ";".join(dict.fromkeys(c.flags)),
                "injuries": total(c.counts, "wounded") if c.counts else c.injuries,
                "event_kind": c.kind,
                "evidence": c.evidence,
                "evidence_span": f"{c.span[0]}:{c.span[1]}",
                "confidence": c.confidence,
                "extraction_notes": "; ".join(dict.fromkeys(c.notes)),
            }
        )
    cols = {**CORE, **GEOCODE, **ACCOUNTING, **EXTRA_COLUMNS}
    if not rows:
        df = _empty().copy()  # coercing 28 empty columns costs more than a whole article
    else:
        # Typed arrays built directly: the same dtypes as schema.coerce gives (a test
        # pins that), at a fraction of the per-article cost of casting column by column.
        data = {}
        for col, dtype in cols.items():
            data[col] = _column([r[col] for r in rows], dtype)
        df = pd.DataFrame(data, copy=False)
    df.attrs.update(
        {
            "article_date": ref.isoformat() if ref else None,
            "message": message,
            "text": text,
            # per row, the features its confidence was computed from (for refitting)
            "confidence_features": [c.features for c in cands],
        }
    )
    return df


@functools.cache
def _empty() -> pd.DataFrame:
    return coerce(
        pd.DataFrame(index=pd.RangeIndex(0)), {**CORE, **GEOCODE, **ACCOUNTING, **EXTRA_COLUMNS}
    )


def _killed(c: _Candidate) -> int | None:
    return total(c.counts, "killed") if c.counts else c.fatalities


@functools.cache
def _dtype(name: str) -> object:
    return pd.api.types.pandas_dtype(name)


def _column(vals: list, name: str) -> object:
    """One typed column, built without pandas' generic inference (the per-article
    cost of ``pd.array`` on 28 columns dominates a short article)."""
    if name == "datetime64[ns]":
        return np.array(
            [
                np.datetime64(v.date().isoformat()) if not pd.isna(v) else np.datetime64("NaT")
                for v in vals
            ],
            dtype="datetime64[ns]",
        )
    if name == "float64":
        return np.array([np.nan if v is None else v for v in vals], dtype="float64")
    dt = _dtype(name)
    if isinstance(dt, np.dtype):
        return np.array(vals, dtype=dt)
    return dt.construct_array_type()._from_sequence(vals, dtype=dt)  # type: ignore[attr-defined]
