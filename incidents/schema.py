"""The one incident schema used by every loader, geocoder, aggregator, exporter and map.

An *incident table* is a :class:`pandas.DataFrame` (or, once located, a
:class:`geopandas.GeoDataFrame` in EPSG:4326 with point geometry) whose first
columns are :data:`CORE`, in this order and with these dtypes.  Columns a
loader found in the input but that are not part of the schema are kept after
them, unchanged, prefixed with ``src_`` when their name would clash.

Three groups of columns are added by later steps:

* :data:`GEOCODE` by :func:`incidents.geocode` (how each row was located);
* :data:`POSITION` by :func:`incidents.position` (where it sits against the frontier);
* :data:`ACCOUNTING` by every step: ``source_row`` (0-based row number in the
  input file) and ``review_flags`` (``;``-separated, machine-readable reasons a row
  needs a second look; empty string when none).  No step drops a row.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

#: Core columns and their pandas dtypes.
CORE: dict[str, str] = {
    "incident_id": "string",
    "date": "datetime64[ns]",  # start of the event (or the only date)
    "date_end": "datetime64[ns]",  # end of a date range; NaT when a single day
    "event_type": "string",  # ACLED event type vocabulary where known
    "sub_event_type": "string",
    "actor1": "string",
    "actor2": "string",
    "fatalities": "Int64",
    "location": "string",  # the place text as the source gives it
    "admin1": "string",  # province named by the source (not the point's)
    "admin2": "string",  # district named by the source
    "country": "string",  # country named by the source (free text or ISO code)
    "latitude": "float64",
    "longitude": "float64",
    "source": "string",
    "notes": "string",
}

#: Added by the geocoder.
GEOCODE: dict[str, str] = {
    # input | crossing | gazetteer | admin2 | admin1 | country | unresolved
    "geocode_method": "string",
    "geo_precision": "Int64",  # ACLED scale: 1 exact place, 2 near/part of district, 3 province
    "uncertainty_km": "float64",  # radius that honestly covers the true place
    "matched_name": "string",
    "ambiguous": "boolean",  # several candidates were close
}

#: Added by positioning (see :meth:`geo.Frontier.locate`).
POSITION: dict[str, str] = {
    "side": "string",  # AF | PK | other ; <NA> when not located
    "border_distance_km": "float64",
    "frontier_km": "float64",  # km along the line from its NE end
    "nearest_crossing": "string",
    "crossing_distance_km": "float64",
    "point_admin1": "string",  # province containing the point
    "point_admin2": "string",  # district containing the point
}

ACCOUNTING: dict[str, str] = {
    "source_row": "Int64",
    "review_flags": "string",
}

#: Old column names read as their current ones (``flags`` is shadowed by
#: :attr:`pandas.DataFrame.flags`, so the column is ``review_flags``).
LEGACY_COLUMNS: dict[str, str] = {"flags": "review_flags"}

GEOCODE_METHODS = ("input", "crossing", "gazetteer", "admin2", "admin1", "country", "unresolved")
SIDES = ("AF", "PK", "other")


def empty_table() -> pd.DataFrame:
    """An incident table with no rows and every schema column."""
    cols = {**CORE, **ACCOUNTING}
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in cols.items()})


def coerce(df: pd.DataFrame, columns: Mapping[str, str]) -> pd.DataFrame:
    """Return a copy with ``columns`` present and cast to their dtypes.

    Missing columns are added as all-missing.  Values that cannot be cast
    become missing; callers that care flag those rows before calling this.
    """
    out = df.copy()
    for col, dtype in columns.items():
        if col not in out:
            out[col] = pd.Series(None, index=out.index, dtype=object).astype(dtype)
            continue
        s = out[col]
        if dtype == "datetime64[ns]":
            out[col] = pd.to_datetime(s, errors="coerce").astype("datetime64[ns]")
        elif dtype in ("float64", "Int64"):
            num = pd.to_numeric(s, errors="coerce")
            out[col] = num.round().astype("Int64") if dtype == "Int64" else num.astype("float64")
        elif dtype == "boolean":
            out[col] = s.astype("boolean")
        else:
            out[col] = s.astype("string")
    return out


def add_flag(flags: pd.Series, mask: pd.Series, flag: str) -> pd.Series:
    """Append ``flag`` to the ``;``-separated flags of the rows in ``mask``."""
    flags = flags.fillna("").astype("string")
    add = mask.fillna(False).astype(bool)
    joined = flags.where(flags == "", flags + ";") + flag
    return flags.mask(add, joined)
