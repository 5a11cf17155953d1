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
from typing import NamedTuple

import numpy as np
import pandas as pd

from incidents.errors import SchemaError

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
    "injuries": "Int64",  # injured/wounded, when the source counts them
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
    out = df.copy(deep=False)  # columns are replaced, never written into
    for col, dtype in columns.items():
        if col not in out:
            out[col] = pd.Series(None, index=out.index, dtype=object).astype(dtype)
            continue
        s = out[col]
        if _has_dtype(s, dtype):
            continue
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


def _has_dtype(s: pd.Series, dtype: str) -> bool:
    if dtype == "string":
        return isinstance(s.dtype, pd.StringDtype) and s.dtype.na_value is pd.NA
    return str(s.dtype) == dtype


# ---------------------------------------------------------------------------- flags
class Flag(NamedTuple):
    """One entry of :data:`FLAGS`."""

    stages: tuple[str, ...]  # steps that set it: load, read, geocode, extract, position
    meaning: str
    replaces: tuple[str, ...] = ()  # older names of the same condition


#: Every review flag any step can set, by name.  ``review_flags`` holds these names,
#: ``;``-separated, in the order they were raised.  :func:`add_flag` refuses any other.
FLAGS: dict[str, Flag] = {
    # -- load
    "generated_id": Flag(("load",), "the row had no incident id; it was given row-<source_row>"),
    "duplicate_incident_id": Flag(
        ("load",), "another row has the same incident id (every copy is kept)"
    ),
    "bad_date": Flag(("load",), "a date (start or end) is present but is not a date"),
    "ambiguous_date": Flag(
        ("load",), "a numeric date could be day-first or month-first; it was read day-first"
    ),
    "date_end_before_date": Flag(("load",), "the end of the date range precedes its start"),
    "bad_fatalities": Flag(("load",), "fatalities are present but not a non-negative whole number"),
    "bad_coordinates": Flag(
        ("load",),
        "latitude/longitude unusable (superseded: validate_coordinates raises "
        "coords_invalid, coords_zero or coords_out_of_range instead)",
    ),
    "bad_geometry": Flag(("load",), "a GeoJSON feature's geometry could not be read"),
    "non_point_geometry": Flag(
        ("load", "position"),
        "the geometry was not a point: its representative point (geo.point_coordinates) is used",
    ),
    "missing_location_and_coordinates": Flag(
        ("load",), "neither a place name nor coordinates; only admin names can place the row"
    ),
    "extra_fields": Flag(("load",), "a delimited row had more fields than the header"),
    "empty_geometry": Flag(
        ("load",), "a GeoJSON feature has an empty geometry: no coordinates from it"
    ),
    "repaired_text": Flag(
        ("load",),
        "a cell held bytes that are not UTF-8 (read as Windows-1252) or an unpaired "
        "surrogate escape (replaced by U+FFFD)",
    ),
    "excel_formula": Flag(
        ("load",), "an Excel cell held a formula: its cached value (or formula text) was used"
    ),
    "merged_cell": Flag(
        ("load",), "an Excel cell was part of a merged range and was given the range's value"
    ),
    "bad_event_code": Flag(
        ("load",),
        "the source's event-type code (UCDP type_of_violence) is present but not a known "
        "code (1, 2, 3); event_type is left empty",
    ),
    "geometry_from_coordinates": Flag(
        ("load", "read"),
        "the row's geometry is null or empty but its latitude/longitude are valid: the "
        "point was built from them",
    ),
    "bad_properties": Flag(
        ("load",),
        "a GeoJSON feature's properties is not an object (a list, text, a number): the raw "
        "value is kept as JSON text in src_properties",
    ),
    "coords_geometry_mismatch": Flag(
        ("load",),
        "latitude/longitude and the row's geometry (or WKT column, e.g. UCDP geom_wkt) differ "
        "by more than 0.001 degrees; coords_conflict says which was used",
    ),
    "unreadable_value": Flag(
        ("read",),
        "incidents.read: a typed column held text of another kind; the value is missing and "
        "the text is kept in src_<column>",
    ),
    # -- coordinates (validate_coordinates: geocode and position; load once it calls it)
    "coords_invalid": Flag(
        ("geocode", "position"),
        "a coordinate is present but not a finite number, or has no partner",
        ("bad_coordinates",),
    ),
    "coords_zero": Flag(
        ("geocode", "position"),
        "latitude and longitude are both exactly 0 (a placeholder); left missing",
        ("bad_coordinates",),
    ),
    "coords_out_of_range": Flag(
        ("geocode", "position"),
        "latitude beyond +-90 or longitude beyond +-180; left missing",
        ("bad_coordinates",),
    ),
    "coords_swapped": Flag(
        ("geocode",), "latitude and longitude were swapped in the input; corrected"
    ),
    "coords_far_from_place": Flag(
        ("geocode",), "the input point is far from the place its text names"
    ),
    # -- geocode
    "location_not_text": Flag(("geocode",), "the location cell is not text (a number, a date)"),
    "geocode_unresolved": Flag(("geocode",), "no place could be found for the row"),
    "geocode_fallback": Flag(
        ("geocode",),
        "the place was not found; the row fell back to its district, province or country",
    ),
    "ambiguous_place": Flag(
        ("geocode", "extract"), "several candidate places were about equally likely"
    ),
    "multiple_places": Flag(
        ("geocode",), "the location names several places; the first one is used"
    ),
    # -- extract
    "frontier_wide": Flag(
        ("extract",), "a statement about the whole frontier, placed at its middle"
    ),
    "planned": Flag(("extract",), "future tense or a date after the article: a planned event"),
    "date_unresolved": Flag(
        ("extract",), "a relative date needs an article date (--date) to be resolved"
    ),
    "date_not_stated": Flag(
        ("extract",), "no date in the text; the days before the article date are used"
    ),
    # -- fuse (and map, aggregate, figure reading a fuse --keep all file)
    "row_kind_unknown": Flag(
        ("fuse",),
        "the row's row_kind is neither report nor fused (a hand-edited fuse output): kept "
        "and counted as a report, its text in src_row_kind",
    ),
    # -- position
    "side_conflict": Flag(
        ("position",),
        "the country the source names disagrees with the side of the line the point is on",
    ),
    "outside_region": Flag(
        ("position",),
        "the point lies outside the frontier's region (geo.REGION: Afghanistan and Pakistan "
        "with a margin): kept, but in no segment, band or hex",
    ),
}

#: Old flag names and the names that replace them (read, never written, by new code).
RENAMED_FLAGS: dict[str, tuple[str, ...]] = {
    old: tuple(n for n, f in FLAGS.items() if old in f.replaces)
    for old in sorted({o for f in FLAGS.values() for o in f.replaces})
}


def check_flag(name: str) -> str:
    """Return ``name`` if it is a registered flag, else raise :class:`SchemaError`."""
    if name not in FLAGS:
        raise SchemaError(
            f"unknown review flag {name!r}: register it in incidents.schema.FLAGS "
            f"(registered: {', '.join(sorted(FLAGS))})"
        )
    return name


def split_flags(flags: pd.Series) -> pd.Series:
    """The set of flag names of each row (empty set when none)."""
    text = flags.astype("string").fillna("").to_numpy(dtype=object)
    sets = [set(filter(None, str(s).split(";"))) for s in text]
    return pd.Series(sets, index=flags.index, dtype=object)


def add_flag(flags: pd.Series, mask: pd.Series, flag: str) -> pd.Series:
    """Append ``flag`` to the ``;``-separated flags of the rows in ``mask``.

    A row that already carries ``flag`` is left as it is.  ``flag`` must be in
    :data:`FLAGS` (:class:`SchemaError` otherwise).
    """
    check_flag(flag)
    flags = flags.fillna("").astype("string")
    if isinstance(mask, pd.Series) and not mask.index.equals(flags.index):
        mask = mask.reindex(flags.index)
    add = np.asarray(pd.Series(mask).fillna(False), dtype=bool)
    if len(add) != len(flags):
        raise SchemaError(f"flag mask has {len(add)} rows, the flags {len(flags)}")
    rows = np.flatnonzero(add)
    if not len(rows):
        return flags
    values = flags.to_numpy(dtype=object, na_value="")
    current = values[rows]
    uniq, inv = np.unique(current.astype(str), return_inverse=True)
    updated = np.array(
        [u if flag in u.split(";") else (f"{u};{flag}" if u else flag) for u in uniq],
        dtype=object,
    )
    values = values.copy()
    values[rows] = updated[inv.ravel()]
    return pd.Series(pd.array(values, dtype="string"), index=flags.index, name=flags.name)


def validate_coordinates(
    lat: pd.Series, lon: pd.Series, *, unparsed: pd.Series | None = None
) -> pd.Series:
    """Flag unusable coordinate pairs, with one vocabulary for every step.

    Parameters
    ----------
    lat, lon
        Latitude and longitude on the same index, numbers or text (text that is
        not a number counts as present but invalid).
    unparsed
        Optional mask of cells a caller's own parser could not read (when
        ``lat``/``lon`` are already parsed and hold NaN there).

    Returns
    -------
    pandas.Series
        On ``lat``'s index: ``coords_invalid`` (present but not a finite number,
        or only one of the pair present), ``coords_zero`` (both exactly 0),
        ``coords_out_of_range`` (``|lat| > 90`` or ``|lon| > 180``), or ``""``
        for a usable or entirely missing pair.  Rows with a flag should have
        both coordinates left missing.  These names replace ``bad_coordinates``.
    """
    if len(lat) != len(lon):
        raise SchemaError(f"latitude and longitude differ in length: {len(lat)} vs {len(lon)}")
    index = lat.index
    la = pd.to_numeric(lat, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    lo = pd.to_numeric(lon, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    present_la, present_lo = _present(lat), _present(lon)
    fin_la, fin_lo = np.isfinite(la), np.isfinite(lo)
    invalid = (present_la & ~fin_la) | (present_lo & ~fin_lo) | (fin_la != fin_lo)
    if unparsed is not None:
        invalid |= np.asarray(unparsed.fillna(False), dtype=bool)
    both = fin_la & fin_lo & ~invalid
    with np.errstate(invalid="ignore"):
        zero = both & (la == 0) & (lo == 0)
        out_range = both & ~zero & ((np.abs(la) > 90) | (np.abs(lo) > 180))
    code = np.zeros(len(la), dtype=np.int64)
    code[out_range], code[zero], code[invalid] = 3, 2, 1
    labels = pd.array(["", "coords_invalid", "coords_zero", "coords_out_of_range"], dtype="string")
    return pd.Series(labels.take(code), index=index)


def _present(values: pd.Series) -> np.ndarray:
    """Cells that hold something (blank text counts as missing)."""
    present = values.notna().to_numpy()
    if pd.api.types.is_numeric_dtype(values.dtype) or pd.api.types.is_bool_dtype(values.dtype):
        return present
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    blank = np.array([isinstance(u, str) and not u.strip() for u in uniques] + [True])
    return present & ~blank[np.asarray(codes)]
