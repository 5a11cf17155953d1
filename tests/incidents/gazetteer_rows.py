"""A shipped gazetteer with made-up rows appended, for tests of ranking rules that
need places the real index lacks (tied namesakes, split tehsils)."""

from __future__ import annotations

import pyarrow as pa

from incidents._gazetteer import Gazetteer
from incidents._names import NORM_VERSION


def with_rows(gaz: Gazetteer, extra: list[dict]) -> Gazetteer:
    """``gaz`` with the rows ``extra`` (dicts with every column of its table) appended."""
    base = gaz._table
    add = pa.Table.from_pylist(extra).select(base.column_names)
    cols = {}
    for f in base.schema:
        typ = f.type.value_type if pa.types.is_dictionary(f.type) else f.type
        cols[f.name] = pa.chunked_array(
            [*base[f.name].cast(typ).chunks, add[f.name].cast(typ).combine_chunks()]
        )
    table = pa.table(cols).replace_schema_metadata({"norm_version": str(NORM_VERSION)})
    return Gazetteer(table, add_foreign=False)
