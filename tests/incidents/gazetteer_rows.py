"""A shipped gazetteer with made-up rows appended, for tests of ranking rules that
need places the real index lacks (tied namesakes, split tehsils)."""

from __future__ import annotations

import pyarrow as pa

from incidents._gazetteer import Gazetteer
from incidents._names import NORM_VERSION, norm, skeleton


def row(
    name: str,
    lat: float,
    lon: float,
    *,
    kind: str = "locality",
    alts: tuple[str, ...] = (),
    feature_code: str = "PPL",
    admin1: str = "Khyber Pakhtunkhwa",
    admin2: str | None = None,
    radius_km: float | None = None,
    radius95_km: float | None = None,
) -> dict:
    """One made-up Pakistani gazetteer row (for :func:`with_rows`)."""
    keys = sorted({norm(n) for n in (name, *alts)})
    return {
        "name": name,
        "keys": keys,
        "skels": sorted({s for s in map(skeleton, keys) if s}),
        "lat": lat,
        "lon": lon,
        "kind": kind,
        "feature_code": feature_code,
        "country": "PK",
        "admin1": admin1,
        "admin2": admin2,
        "population": None,
        "geonameid": None,
        "radius_km": radius_km,
        "dist_frontier_km": None,
        "source": "test",
        "radius95_km": radius95_km,
    }


def with_rows(gaz: Gazetteer, extra: list[dict]) -> Gazetteer:
    """``gaz`` with the rows ``extra`` (dicts of its table's columns; a column left
    out is null) appended."""
    base = gaz._table
    full = [{**dict.fromkeys(base.column_names), **r} for r in extra]
    add = pa.Table.from_pylist(full).select(base.column_names)
    cols = {}
    for f in base.schema:
        typ = f.type.value_type if pa.types.is_dictionary(f.type) else f.type
        cols[f.name] = pa.chunked_array(
            [*base[f.name].cast(typ).chunks, add[f.name].cast(typ).combine_chunks()]
        )
    table = pa.table(cols).replace_schema_metadata({"norm_version": str(NORM_VERSION)})
    return Gazetteer(table, add_foreign=False)
