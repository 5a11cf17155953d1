"""One event, many reports: fuse incident tables across sources by place, time and type.

Two reports are *candidate matches* when all of these hold:

* **time** — their date ranges (``date`` .. ``date_end``) come within
  ``time_window_days`` of each other (default 1: the same or the next day);
* **space** — their points are within ``space_window_km``, or by default within
  the sum of their ``uncertainty_km`` radii (each read as a 95 % radius),
  capped at :data:`~incidents._fuse_match.MAX_WINDOW_KM` (50 km); by default
  also two reports geocoded *to* districts on the two sides of the line whose
  districts meet at the frontier (:mod:`incidents._fuse_districts`), however
  far apart the centres (each side names its own end of a cross-border clash);
* **type** — their types are compatible under the crosswalk
  (``incidents/data/fuse_taxonomy.csv``, see :mod:`incidents._fuse_taxonomy`):
  ACLED event and sub-event types, UCDP ``type_of_violence`` and the
  extractor's ``event_kind`` map to families; compatible = a shared family;
* **districts** — two reports geocoded *to* a district (``geocode_method``
  ``admin2``) name the same district, or districts on two sides of the line;
* **source** — they come from different sources (input tables), unless
  ``within_source=True``; even then two rows citing the same ``source`` text
  are one outlet's list and never merge.

Rows without coordinates or date, or with a date range longer than 31 days,
match nothing and stay groups of one (their ``match_reason`` says why).

**Which candidate wins.** Each candidate pair has a cost
(:func:`~incidents._fuse_match.pair_cost`, a negative log-likelihood in nats):
the distance weighed by the two points' own uncertainty
(``d**2 / (2 s**2) + log(s**2)``, ``s**2`` the sum of the two variances), plus
a cost per day apart, for types that only partly agree, and for death tolls
that do not agree (within 2 or 25 %), less a bonus for the same positive toll.

**Groups** are complete-linkage: two groups merge only when every pair across
them is a candidate match, so a group as a whole stays within the windows (a
chain A~B~C with A and C too far apart is never one group), and no group holds
two rows of one source.  Merges go cheapest first, by the mean cost across
the two groups; single reports then move to another group, or trade places
with one of its members, while that raises the grouping's worth
(:data:`~incidents._fuse_match.PAIR_WORTH` nats per pair less its cost): a
report that took a neighbouring event's report's place is moved back.  Ties
are broken by a canonical order of the rows (date,
point, source, id, deaths), so the result does not depend on the order of
the input rows.  A *district-level* report (``geo_precision`` 2, or a radius
over 10 km up to 50 km) then leaves its group when another group it fits
(every member a candidate) costs less than
:data:`~incidents._fuse_match.DISTRICT_MARGIN` nats more: a 25 km point
between two similar events of one day belongs to neither.  A row with neither
a precision code nor a radius is not known to be village-precise and is read
as district-level (25 km).

**Coarse reports** (province or country: ``geo_precision`` 3 or a radius over
50 km) never match on space alone.  A coarse report not geocoded to a country
names a province: its point is that province's centre or capital, so the
province holding it (``point_admin1``) is the one it names.  It never matches a
village-level report, or another such report, whose point lies in another
province of the same ``side``; one in the same province corroborates it (the
province, not a 200 km circle, holds both).  District-level points may lie
across a provincial boundary and the two sides name their own ends of a
cross-border clash: the province says nothing about those pairs.  Coarse
reports join only after the other reports have formed their groups, within
the sum of radii (at most 200 km), and only a group (a) with which they are
compatible (every member a candidate, no toll contradicting) and which at
least one member *corroborates*: the same positive toll (within 2 or 25 %),
or a type that is the same kind or a broad type covering it, shared by at
most half of the typed reports; and (b) that fits clearly best: no compatible
group cheaper, and no other compatible group that some member corroborates
within :data:`~incidents._fuse_match.COARSE_MARGIN` nats of it (a group tied to
it by the place alone, which it could never join, is no rival).
A coarse report left alone while two or more events hold a candidate of it
says ``ambiguous_coarse: N events ...`` in its ``match_reason``.

**Fused rows**: one per group (groups of one included), located at its
best-precision report (lowest precision level, then smallest radius), dated
from the earliest start to the latest end, ``fatalities`` the median of the
figures given (the lower middle one for an even count: always a figure some
source gave), ``fatalities_low``/``fatalities_high`` their minimum and
maximum, ``reports`` counting and listing every report (``2 reports: source:id
(date, place, n killed); ...``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from os import PathLike
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from incidents._fuse_districts import frontier_codes, meeting_pairs
from incidents._fuse_inputs import Inputs, flag_unknown_kind, prepare
from incidents._fuse_match import (
    MAX_SPAN_DAYS,
    Pairs,
    Rows,
    candidates,
    coarse_events,
    group,
    levels,
    matchable,
)
from incidents._fuse_taxonomy import Taxonomy, load_taxonomy
from incidents.errors import SchemaError

__all__ = ["FUSE_COLUMNS", "KEEP", "fuse", "fuse_detailed"]

#: Values of ``keep=``.
KEEP = ("all", "fused")
#: Columns added to every row by :func:`fuse`.
FUSE_COLUMNS = (
    "fuse_source",
    "row_kind",
    "event_group",
    "group_size",
    "sources",
    "match_reason",
    "fatalities_low",
    "fatalities_high",
    "reports",
)
#: Radius given by precision code when a table has no ``uncertainty_km``
#: (the geocoder's radii for input coordinates).
_RADIUS_OF_PRECISION = {1: 5.0, 2: 25.0, 3: 100.0}
_EPOCH = np.datetime64("1970-01-01", "D")
#: pandas' default text dtype (Arrow-backed, missing as NaN): the text columns fuse adds.
_STR = pd.StringDtype("pyarrow", na_value=np.nan)


def fuse(
    *frames: pd.DataFrame,
    time_window_days: float = 1,
    space_window_km: float | None = None,
    taxonomy: str | PathLike[str] | pd.DataFrame | Taxonomy | None = None,
    within_source: bool = False,
    keep: str = "all",
    names: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Group reports of the same event across incident tables and add one fused row per event.

    The rule is in the module docstring of :mod:`incidents.fuse`.

    Parameters
    ----------
    *frames
        Incident tables (geocoded: ``latitude``, ``longitude`` and ideally
        ``uncertainty_km``/``geo_precision``; ``date``, optionally ``date_end``),
        one per source.
    time_window_days
        Largest gap in days between two reports' date ranges (dates are days, so
        a fraction is dropped: 1.5 acts as 1).
    space_window_km
        Fixed distance window in km; default: the sum of the two rows'
        ``uncertainty_km``, capped at 50 km (200 km for a coarse report).
    taxonomy
        Type crosswalk: a CSV path or table with columns ``vocabulary``,
        ``value``, ``families``; default the bundled one.
    within_source
        Also merge rows of the same table (rows citing the same ``source`` text
        still never merge).
    keep
        ``"all"``: every input row followed by one fused row per group;
        ``"fused"``: the fused rows only (one per event).
    names
        Source names (default ``frame.attrs["source_name"]`` or ``source1``, ...).

    Returns
    -------
    pandas.DataFrame
        A new table (a GeoDataFrame when the inputs are) with the columns of
        the inputs plus :data:`FUSE_COLUMNS`.  Report rows have ``row_kind``
        ``"report"``, fused rows ``"fused"``.
    """
    return _run(
        frames, time_window_days, space_window_km, taxonomy, within_source, keep, names, False
    )[0]


def fuse_detailed(
    *frames: pd.DataFrame,
    time_window_days: float = 1,
    space_window_km: float | None = None,
    taxonomy: str | PathLike[str] | pd.DataFrame | Taxonomy | None = None,
    within_source: bool = False,
    keep: str = "all",
    names: Sequence[str] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`fuse`, also returning every candidate pair.

    Returns
    -------
    (table, pairs)
        The fused table and one row per candidate pair: ``source_a``,
        ``incident_id_a``, ``row_a`` (0-based row in its input), the same for
        ``b``, ``distance_km``, ``limit_km``, ``gap_days``, ``types``, ``cost``
        (nats, lower is likelier; see :func:`incidents._fuse_match.pair_cost`),
        ``grouped`` (both ended in one group) and ``reason``.
    """
    out, pairs = _run(
        frames, time_window_days, space_window_km, taxonomy, within_source, keep, names, True
    )
    assert pairs is not None
    return out, pairs


def _run(
    frames: tuple[pd.DataFrame, ...],
    time_window_days: float,
    space_window_km: float | None,
    taxonomy: str | PathLike[str] | pd.DataFrame | Taxonomy | None,
    within_source: bool,
    keep: str,
    names: Sequence[str] | None,
    with_pairs: bool,
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    window, names_ = _validate(frames, time_window_days, space_window_km, keep, names)
    tax = load_taxonomy(taxonomy)
    inputs = prepare(frames, names_)
    if not sum(len(f) for f in inputs.frames):
        raise SchemaError(
            f"fuse: the inputs hold no reports ({', '.join(f'{m}: 0 rows' for m in names_)}); "
            "nothing to fuse"
        )
    table = _concat(inputs)
    rows = _rows(table, frames, tax, within_source=within_source)
    meet = meeting_pairs() if rows.frontier is not None else None
    pairs = candidates(rows, window=window, space_km=space_window_km, meet=meet)
    labels, used = group(
        len(table),
        pairs,
        rows.rank,
        rows.source,
        coarse=rows.level == 3,
        district=rows.level == 2,
    )
    report = _pair_table(table, pairs, used, tax, rows) if with_pairs else None
    out = _assemble(table, rows, pairs, labels, used, tax, keep)
    out.attrs["fuse_inputs"] = {
        "names": list(names_),
        "reports": [len(f) for f in inputs.frames],
        "set_aside": list(inputs.set_aside),
        "row_kind_unknown": [int(u.sum()) for u in inputs.unknown],
    }
    return out, report


# -- validation and inputs ----------------------------------------------------------


def _validate(
    frames: tuple[pd.DataFrame, ...],
    time_window_days: float,
    space_window_km: float | None,
    keep: str,
    names: Sequence[str] | None,
) -> tuple[int, list[str]]:
    if not frames:
        raise SchemaError("fuse needs at least one incident table")
    for k, f in enumerate(frames):
        if not isinstance(f, pd.DataFrame):
            raise SchemaError(f"fuse: input {k + 1} is a {type(f).__name__}, not a DataFrame")
        missing = [c for c in ("latitude", "longitude", "date") if c not in f]
        if missing:
            raise SchemaError(
                f"fuse: input {k + 1} lacks {missing}; geocode it first (incidents.geocode "
                "or frontier geocode)"
            )
    if keep not in KEEP:
        raise SchemaError(f"keep must be one of {list(KEEP)}, got {keep!r}")
    try:
        w = float(time_window_days)
    except (TypeError, ValueError):
        w = float("nan")
    if not np.isfinite(w) or w < 0:
        raise SchemaError(f"time_window_days must be a number >= 0, got {time_window_days!r}")
    if space_window_km is not None:
        try:
            s = float(space_window_km)
        except (TypeError, ValueError):
            s = float("nan")
        if not np.isfinite(s) or s <= 0:
            raise SchemaError(
                f"space_window_km must be None or a number > 0, got {space_window_km!r}"
            )
    if names is None:
        names = [str(f.attrs.get("source_name") or f"source{k + 1}") for k, f in enumerate(frames)]
    names = [str(n) for n in names]
    if len(names) != len(frames) or len(set(names)) != len(names):
        raise SchemaError(f"names must be {len(frames)} distinct names, got {names}")
    return int(np.floor(w)), names


def _concat(inputs: Inputs) -> pd.DataFrame:
    frames = inputs.frames
    table = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    table["fuse_source"] = np.concatenate(inputs.sources)
    table["_input_row"] = np.concatenate(inputs.rows)
    unknown = np.concatenate(inputs.unknown)
    if unknown.any():  # kept and fused as reports; what they said is kept
        flag_unknown_kind(table, unknown)
    import geopandas as gpd

    if all(isinstance(f, gpd.GeoDataFrame) for f in frames) and not isinstance(
        table, gpd.GeoDataFrame
    ):
        table = gpd.GeoDataFrame(table, geometry=frames[0].geometry.name, crs=frames[0].crs)
    return table


def _num(table: pd.DataFrame, col: str) -> np.ndarray:
    if col not in table:
        return np.full(len(table), np.nan)
    return np.array(
        pd.to_numeric(table[col], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    )


def _days(table: pd.DataFrame, col: str) -> np.ndarray:
    if col not in table:
        return np.full(len(table), np.nan)
    d = pd.to_datetime(table[col], errors="coerce").to_numpy(dtype="datetime64[D]")
    out = (d - _EPOCH).astype("float64")
    out[np.isnat(d)] = np.nan
    return out


def _text(table: pd.DataFrame, col: str) -> pd.Series:
    if col not in table:
        return pd.Series("", index=table.index, dtype="string")
    return table[col].astype("string").fillna("")


def _rows(table: pd.DataFrame, frames: tuple, tax: Taxonomy, *, within_source: bool) -> Rows:
    lat, lon = _num(table, "latitude"), _num(table, "longitude")
    bad = ~(np.abs(lat) <= 90) | ~(np.abs(lon) <= 180)
    lat[bad], lon[bad] = np.nan, np.nan
    d0, d1 = _days(table, "date"), _days(table, "date_end")
    d1 = np.where(np.isfinite(d1), d1, d0)
    d0, d1 = np.fmin(d0, d1), np.fmax(d0, d1)
    prec = _num(table, "geo_precision")
    prec = np.where(np.isfinite(prec), prec, _num(table, "input_geo_precision"))
    radius = _num(table, "uncertainty_km")
    by_prec = _radius_of(prec)
    radius = np.where(np.isfinite(radius) & (radius >= 0), radius, by_prec)
    family, known, fine_type = tax.masks_detailed(table)
    frame_code = pd.factorize(table["fuse_source"])[0].astype(np.int64)
    if within_source:
        src_text = _text(table, "source").str.strip()
        source = pd.factorize(table["fuse_source"] + "\x1f" + src_text)[0].astype(np.int64)
        # rows without a source text are their own source
        none = (src_text == "").to_numpy()
        if none.any():
            source[none] = source.max() + 1 + np.arange(int(none.sum()))
    else:
        source = frame_code

    rank = _canonical_rank(table, lat, lon, d0, d1)
    return Rows(
        lat=lat,
        lon=lon,
        day0=d0,
        day1=d1,
        radius=radius,
        level=levels(prec, radius),
        family=family,
        family_known=known,
        fine_type=fine_type,
        district=_named_district(table),
        province=_province(table),
        fatalities=_num(table, "fatalities"),
        source=source,
        rank=rank,
        names_province=_names_province(table),
        frontier=_frontier(table),
    )


def _canonical_rank(
    table: pd.DataFrame, lat: np.ndarray, lon: np.ndarray, d0: np.ndarray, d1: np.ndarray
) -> np.ndarray:
    """Each row's place in a canonical order: by content, never by position.

    Rows are ordered by start and end date, point and source name; only rows
    that tie on all of these are further ordered by ``incident_id`` (as text)
    and fatalities, so the costly text sort runs on the ties alone.
    """
    n = len(table)
    primary = (
        pd.factorize(table["fuse_source"].astype(str), sort=True)[0],
        np.nan_to_num(lon, nan=np.inf),
        np.nan_to_num(lat, nan=np.inf),
        np.nan_to_num(d1, nan=np.inf),
        np.nan_to_num(d0, nan=np.inf),
    )
    order = np.lexsort(primary)
    same = np.ones(max(n - 1, 0), dtype=bool)
    for k in primary:
        ks = k[order]
        same &= ks[1:] == ks[:-1]
    if same.any():
        tied_pos = np.flatnonzero(np.r_[same, False] | np.r_[False, same])
        run = np.cumsum(np.r_[True, ~same])[tied_pos]  # run of equal keys of each position
        rows_at = order[tied_pos]
        ident = table["incident_id"].iloc[rows_at] if "incident_id" in table else None
        idc = (
            pd.factorize(ident.astype("string").fillna(""), sort=True)[0]
            if ident is not None
            else np.zeros(len(rows_at), dtype=np.int64)
        )
        fat = np.nan_to_num(_num(table, "fatalities")[rows_at], nan=-1.0)
        order[tied_pos] = rows_at[np.lexsort((fat, idc, run))]
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    return rank


def _norm_codes(table: pd.DataFrame, col: str) -> tuple[np.ndarray, np.ndarray]:
    """Per row, a code of its text stripped and case-folded (-1 when missing or empty),
    and the normalised text of each code; each distinct value is normalised once."""
    if col not in table:
        return np.full(len(table), -1, dtype=np.int64), np.array([], dtype=object)
    codes, uniq = pd.factorize(table[col], use_na_sentinel=True)
    norm = pd.Series(np.asarray(uniq, dtype=object)).astype("string").str.strip().str.casefold()
    ncodes, names = pd.factorize(norm.fillna(""))
    names = np.asarray(names, dtype=object)
    ncodes = np.where(names[ncodes] == "", -1, ncodes) if len(ncodes) else ncodes
    out = np.where(codes >= 0, ncodes[np.maximum(codes, 0)] if len(ncodes) else -1, -1)
    return out.astype(np.int64), names


def _place_codes(name: np.ndarray, side: np.ndarray, sel: np.ndarray) -> np.ndarray:
    """(place, side) code * 1024 + side code for the rows in ``sel``, else -1: two codes
    are equal for the same place on the same side and equal in the low bits for one side."""
    out = np.full(len(name), -1, dtype=np.int64)
    if sel.any():
        side_code = side[sel] + 1  # 0: no side given
        pair = pd.factorize(name[sel] * (int(side.max()) + 2) + side_code)[0]
        out[sel] = pair.astype(np.int64) * 1024 + side_code
    return out


def _named_district(table: pd.DataFrame) -> np.ndarray:
    """Per row, a code of the district it was geocoded *to* (its whole location), else -1.

    Rows whose ``geocode_method`` is ``admin2`` stand at a district's centre;
    the code combines the district (``point_admin2``, from the shipped
    boundaries, so spelled alike whatever the source wrote) with the ``side``
    of the frontier, so that the two sides' districts at one crossing differ
    in side and are not held against each other.
    """
    if "geocode_method" not in table or "point_admin2" not in table:
        return np.full(len(table), -1, dtype=np.int64)
    method, methods = _norm_codes(table, "geocode_method")
    name, _ = _norm_codes(table, "point_admin2")
    side, _ = _norm_codes(table, "side")
    admin2 = np.flatnonzero(methods == "admin2")
    sel = np.isin(method, admin2) & (name >= 0)
    return _place_codes(name, side, sel)


def _frontier(table: pd.DataFrame) -> np.ndarray | None:
    """Per row, a code of the frontier district it was geocoded *to* (-1 if none), or None
    when no row is (then the shipped table of districts meeting at the line is not read)."""
    cols = ("geocode_method", "point_admin1", "point_admin2", "side")
    if any(c not in table for c in cols):
        return None
    method, methods = _norm_codes(table, "geocode_method")
    named = np.isin(method, np.flatnonzero(methods == "admin2"))
    if not named.any():
        return None
    code = frontier_codes(table["side"], table["point_admin1"], table["point_admin2"], named)
    return code if (code >= 0).any() else None


def _names_province(table: pd.DataFrame) -> np.ndarray:
    """Rows whose point, when coarse, stands for a province: all but country-level geocodes."""
    method, methods = _norm_codes(table, "geocode_method")
    return ~np.isin(method, np.flatnonzero(methods == "country"))


def _province(table: pd.DataFrame) -> np.ndarray:
    """Per row, a code of the province holding its point (``point_admin1``) and side, else -1."""
    name, _ = _norm_codes(table, "point_admin1")
    side, _ = _norm_codes(table, "side")
    return _place_codes(name, side, name >= 0)


def _radius_of(prec: np.ndarray) -> np.ndarray:
    """Radius (km) a precision code stands for; a row with neither code nor radius is not
    known to be village-precise and is read as district-level (the radius of code 2)."""
    out = np.full(len(prec), _RADIUS_OF_PRECISION[2])
    for p, r in _RADIUS_OF_PRECISION.items():
        out[prec == p] = r
    return out


# -- output ----------------------------------------------------------------------------


def _formatted(values: np.ndarray, fmt: str | Callable[[Any], str]) -> pa.Array:
    """``fmt.format(v)`` (or ``fmt(v)``) per value, formatting each distinct value once."""
    codes, uniq = pd.factorize(np.asarray(values))
    form = fmt.format if isinstance(fmt, str) else fmt
    text = pa.array([form(u) for u in uniq] + [""], type=pa.large_string())
    return text.take(pa.array(np.where(codes < 0, len(uniq), codes)))


def _repeat(text: str, n: int) -> pa.Array:
    """``text`` ``n`` times, as an Arrow string array."""
    return pa.array([text], type=pa.large_string()).take(pa.array(np.zeros(n, np.int64)))


def _cat(*parts: pa.Array | str) -> pa.Array:
    """Element-wise concatenation of string arrays (and constant strings)."""
    t = pa.large_string()
    big = [p.cast(t) if isinstance(p, pa.Array) else pa.scalar(p, t) for p in parts]
    return pc.binary_join_element_wise(*big, pa.scalar("", t))


def _str_column(values: pa.Array) -> pd.api.extensions.ExtensionArray:
    """A pandas ``str`` column (missing: NaN) over an Arrow string array, without copying."""
    chunks = pa.chunked_array([values.cast(pa.large_string())])
    return pd.arrays.ArrowStringArray(chunks, dtype=_STR)


def _pa_text(values: pd.Series) -> pa.Array:
    """A column as an Arrow string array (nulls where missing)."""
    arr = pa.array(values.astype(_STR).array)
    arr = arr.combine_chunks() if isinstance(arr, pa.ChunkedArray) else arr
    return arr.cast(pa.large_string())


def _edge_reason(pairs: Pairs, k: np.ndarray, rows: Rows, tax: Taxonomy) -> pa.Array:
    """``12.3 km apart (limit 30.0 km), 1 day apart, types remote`` for each edge in ``k``."""
    i, j = pairs.i[k], pairs.j[k]
    corr = pairs.corroborated[k]
    km = _formatted(np.round(pairs.km[k], 1), "{:.1f} km apart")
    lim = np.where(corr, -1.0, np.where(pairs.across[k], -2.0, np.round(pairs.limit_km[k], 1)))
    lim_t = _formatted(
        lim,
        lambda v: (
            " (coarse place, one event fits it), "
            if v == -1
            else " (two districts meeting at the frontier), "
            if v == -2
            else f" (limit {v:.1f} km), "
        ),
    )
    days = _formatted(
        pairs.gap_days[k].astype(np.int64),
        lambda g: "same day" if g == 0 else ("1 day apart" if g == 1 else f"{g} days apart"),
    )
    both = rows.family_known[i] & rows.family_known[j]
    fam = np.where(both, rows.family[i] & rows.family[j], -2)
    types = _formatted(
        fam, lambda m: ", type unknown" if m == -2 else ", types " + tax.names(int(m))
    )
    return _cat(km, lim_t, days, types)


def _assemble(
    table: pd.DataFrame,
    rows: Rows,
    pairs: Pairs,
    labels: np.ndarray,
    used: np.ndarray,
    tax: Taxonomy,
    keep: str,
) -> pd.DataFrame:
    n = len(table)
    size = np.bincount(labels, minlength=labels.max() + 1 if n else 0)
    codes, uniq = pd.factorize(table["fuse_source"].astype(str))
    g_src = _sources_of_groups(labels, codes, list(uniq), len(size))

    # match reason: the row's best edge inside its group, else why it stayed alone
    whys = [
        "",
        "not located: not matched",
        "no valid date: not matched",
        f"date range over {MAX_SPAN_DAYS} days: not matched",
        "candidates found, but joining would break a group's windows",
        "coarse place: no event it fits is corroborated by toll or type (never matched on "
        "place alone)",
        "no other source's report within the windows",
        "district-level place: fits two events about alike, or joining would break a "
        "group's windows",
    ]
    why = np.zeros(n, dtype=np.int64)
    ok = matchable(rows)
    why[~(np.isfinite(rows.lat) & np.isfinite(rows.lon))] = 1
    why[~np.isfinite(rows.day0) & (why == 0)] = 2
    why[~ok & (why == 0)] = 3
    had = np.zeros(n, dtype=bool)
    had[pairs.i] = True
    had[pairs.j] = True
    alone = ok & (size[labels] == 1)
    why[alone & had] = 4
    why[alone & had & (rows.level == 3)] = 5
    why[alone & ~had] = 6
    why[alone & had & (rows.level == 2)] = 7
    # a coarse report left alone with two or more candidate events: say how many
    events = coarse_events(labels, pairs, rows.level == 3)
    amb = np.flatnonzero(alone & (rows.level == 3) & (events >= 2))
    k_amb = np.unique(events[amb])
    why[amb] = len(whys) + np.searchsorted(k_amb, events[amb])
    whys += [
        f"ambiguous_coarse: {k} events within its reach and the time window are compatible "
        "with it and none fits clearly best: not matched"
        for k in k_amb.tolist()
    ]
    text = pa.array(whys, type=pa.large_string())
    if used.any():
        e = np.flatnonzero(used)
        both = np.concatenate([e, e])
        who = np.concatenate([pairs.i[e], pairs.j[e]])
        sc = pairs.score[both]
        o = np.lexsort((sc, who))
        who, both = who[o], both[o]
        first = np.r_[True, who[1:] != who[:-1]]
        why[who[first]] = len(whys) + np.arange(int(first.sum()))
        text = pa.concat_arrays([text, _edge_reason(pairs, both[first], rows, tax)])
    reason = text.take(pa.array(why))

    out = table
    out["row_kind"] = _str_column(_repeat("report", n))
    out["event_group"] = pd.array(labels + 1, dtype="Int64")
    out["group_size"] = pd.array(size[labels], dtype="Int64")
    out["sources"] = _str_column(g_src.take(pa.array(labels)))
    out["match_reason"] = _str_column(reason)
    fused = _fused_rows(out, rows, labels, size)
    frames = [out, fused] if keep == "all" else [fused]
    res = pd.concat(frames, ignore_index=True) if len(frames) > 1 else fused
    res = res.drop(columns=["_input_row"])
    import geopandas as gpd

    if isinstance(table, gpd.GeoDataFrame) and not isinstance(res, gpd.GeoDataFrame):
        res = gpd.GeoDataFrame(res, geometry=table.geometry.name, crs=table.crs)
    if isinstance(res, gpd.GeoDataFrame):  # rows of a plain table among geo ones: their points
        lat, lon = _num(res, "latitude"), _num(res, "longitude")
        gone = res.geometry.isna().to_numpy() & np.isfinite(lat) & np.isfinite(lon)
        if gone.any() and (res.crs is None or res.crs.to_epsg() == 4326):
            pts = gpd.points_from_xy(lon[gone], lat[gone], crs=4326)
            geom = res.geometry.copy()
            geom.iloc[np.flatnonzero(gone)] = pts
            res = res.set_geometry(geom)
    for c in ("fatalities_low", "fatalities_high", "fatalities"):
        # a report's unparsed figure stays as given; only numbers become Int64
        # (a table without the column: the fused rows' figures are numbers)
        if c in res and (
            c != "fatalities" or c not in table or pd.api.types.is_numeric_dtype(table[c])
        ):
            res[c] = pd.to_numeric(res[c], errors="coerce").round().astype("Int64")
    return res


def _fused_rows(
    out: pd.DataFrame, rows: Rows, labels: np.ndarray, size: np.ndarray
) -> pd.DataFrame:
    n = len(out)
    if n == 0:
        f = out.iloc[:0].copy()
        for c in ("fatalities_low", "fatalities_high", "reports"):
            f[c] = pd.Series(dtype="object")
        return f
    prec_order = np.lexsort((rows.rank, rows.radius, rows.level, labels))
    lab_sorted = labels[prec_order]
    first = np.r_[True, lab_sorted[1:] != lab_sorted[:-1]]
    best = prec_order[first]  # one row per group, groups in label order
    text_cols = [
        c for c in ("event_type", "sub_event_type", "actor1", "actor2", "event_kind") if c in out
    ]
    fused = out.drop(columns=text_cols).take(best).reset_index(drop=True)

    # text fields: the best-precision report's value, else the next report that has one
    for col in text_cols:
        valid = ~out[col].isna().to_numpy()[prec_order]
        vpos, vlab = prec_order[valid], lab_sorted[valid]
        head = np.r_[True, vlab[1:] != vlab[:-1]] if len(vlab) else np.zeros(0, bool)
        take = best.copy()
        take[vlab[head]] = vpos[head]
        fused[col] = out[col].iloc[take].reset_index(drop=True)
    if text_cols:
        fused = fused[list(out.columns)]
    by_label = np.argsort(labels, kind="stable")
    starts_g = np.r_[0, np.cumsum(size)[:-1]]
    day0 = np.nan_to_num(rows.day0[by_label], nan=np.inf)
    day1 = np.nan_to_num(rows.day1[by_label], nan=-np.inf)
    d0 = np.minimum.reduceat(day0, starts_g)
    d1 = np.maximum.reduceat(day1, starts_g)
    has = np.isfinite(d0)
    start = np.where(has, d0, 0).astype("int64").astype("datetime64[D]").astype("datetime64[ns]")
    end = np.where(has, d1, 0).astype("int64").astype("datetime64[D]").astype("datetime64[ns]")
    fused["date"] = np.where(has, start, np.datetime64("NaT"))
    fused["date_end"] = np.where(has & (d1 > d0), end, np.datetime64("NaT"))
    fk = rows.fatalities
    okf = np.isfinite(fk)
    # lower median per group: sort figures within groups, take the lower middle one
    fo = np.lexsort((fk[okf], labels[okf]))
    fl_lab, fl_val = labels[okf][fo], fk[okf][fo]
    cnt = np.bincount(fl_lab, minlength=len(best))
    starts = np.cumsum(cnt) - cnt
    got = cnt > 0
    low = np.full(len(best), np.nan)
    high = np.full(len(best), np.nan)
    mid = np.full(len(best), np.nan)
    low[got] = fl_val[starts[got]]
    high[got] = fl_val[starts[got] + cnt[got] - 1]
    mid[got] = fl_val[starts[got] + (cnt[got] - 1) // 2]
    fused["fatalities_low"] = low
    fused["fatalities_high"] = high
    fused["fatalities"] = mid

    def rowno() -> pa.Array:
        return _cat("row ", pc.cast(pa.array(out["_input_row"].to_numpy() + 1), pa.large_string()))

    if "incident_id" in out:
        ident = _pa_text(out["incident_id"])
        if ident.null_count:
            ident = pc.if_else(pc.is_null(ident), rowno(), ident)
    else:
        ident = rowno()
    dd = np.nan_to_num(rows.day0, nan=-(10**9)).astype("int64")
    day = _formatted(dd, lambda d: "no date" if d == -(10**9) else str(np.datetime64(int(d), "D")))
    if "location" in out:
        place = _pa_text(out["location"])
        loc = pc.if_else(
            pc.fill_null(pc.greater(pc.utf8_length(place), 0), False), _cat(", ", place), ""
        )
    else:
        loc = _repeat("", n)
    killed = _formatted(np.where(okf, fk, np.nan), lambda v: f", {int(v)} killed")
    label = _cat(_pa_text(out["fuse_source"]), ":", ident, " (", day, loc, killed, ")")
    by_rank = np.lexsort((rows.rank, labels))
    count = _formatted(size, lambda k: "1 report: " if k == 1 else f"{k} reports: ")
    fused["reports"] = _str_column(_cat(count, _join_groups(labels, label, by_rank, "; ")))
    if "source" in out:
        srcs = _pa_text(out["source"])
        fused["source"] = _str_column(_join_groups(labels, srcs, by_rank, " ; ", unique=True))
    if "review_flags" in out:
        fl = _join_groups(labels, _pa_text(out["review_flags"]), by_rank, ";", unique=True)
        # one report's flags are themselves ';'-joined: drop repeats across reports
        many = np.flatnonzero(
            (size > 1)
            & pc.fill_null(pc.match_substring(fl, ";"), False).to_numpy(zero_copy_only=False)
        )
        if len(many):
            vals = fl.to_numpy(zero_copy_only=False).astype(object)
            vals[many] = [";".join(dict.fromkeys(x for x in vals[g].split(";") if x)) for g in many]
            fl = pa.array(vals, type=pa.large_string())
        fused["review_flags"] = _str_column(fl)
    if "incident_id" in out:
        fused["incident_id"] = _str_column(
            _cat("fused-", pc.cast(pa.array(np.arange(1, len(best) + 1)), pa.large_string()))
        )
    if "source_row" in out:
        fused["source_row"] = pd.NA
    if "notes" in out:
        fused["notes"] = _str_column(
            _formatted(size, lambda k: f"fused from {k} report{'s' if k > 1 else ''}")
        )
    fused["fuse_source"] = "fused"
    fused["row_kind"] = "fused"
    fused["match_reason"] = _str_column(
        _formatted(size, lambda k: f"{k} reports of one event" if k > 1 else "single report")
    )
    return fused


def _sources_of_groups(
    labels: np.ndarray, codes: np.ndarray, names: list[str], n_groups: int
) -> pa.Array:
    """Sorted distinct source names per group, ``;``-joined."""
    if len(names) <= 62:
        mask = np.zeros(n_groups, dtype=np.int64)
        np.bitwise_or.at(mask, labels, np.left_shift(np.int64(1), codes.astype(np.int64)))
        return _formatted(
            mask, lambda m: ";".join(sorted(names[k] for k in range(len(names)) if m >> k & 1))
        )
    groups: list[set[str]] = [set() for _ in range(n_groups)]
    for g, c in zip(labels.tolist(), codes.tolist(), strict=True):
        groups[g].add(names[c])
    return pa.array([";".join(sorted(s)) for s in groups], type=pa.large_string())


def _join_groups(
    labels: np.ndarray,
    values: np.ndarray | pa.Array,
    order: np.ndarray,
    sep: str,
    *,
    unique: bool = False,
) -> pa.Array:
    """``sep``-joined non-empty ``values`` of each group (0 .. labels.max()), in ``order``.

    One Arrow list per group and one ``binary_join``: no Python loop over groups.
    With ``unique`` a value already given earlier in its group is dropped.
    """
    n_groups = int(labels.max()) + 1 if len(labels) else 0
    t = pa.large_string()
    vals = values.cast(t) if isinstance(values, pa.Array) else pa.array(values, type=t)
    lab = labels[order]
    vals = pc.fill_null(vals.take(pa.array(order)), pa.scalar("", t))
    keep = pc.greater(pc.binary_length(vals), 0).to_numpy(zero_copy_only=False)
    if unique and keep.any():
        codes = pc.dictionary_encode(vals).indices.to_numpy(zero_copy_only=False).astype(np.int64)
        key = lab.astype(np.int64) * (int(codes.max()) + 2) + codes
        o = np.argsort(key, kind="stable")  # within a key, earliest in ``order`` first
        ks = key[o]
        repeat = np.zeros(len(key), dtype=bool)
        repeat[o[1:][ks[1:] == ks[:-1]]] = True
        keep &= ~repeat
    if keep.all():  # nothing to drop: no copy
        counts = np.bincount(lab, minlength=n_groups)
    else:
        kept = np.flatnonzero(keep)
        counts = np.bincount(lab[kept], minlength=n_groups)
        vals = vals.take(pa.array(kept))
    offsets = np.r_[0, np.cumsum(counts)].astype(np.int64)
    lists = pa.LargeListArray.from_arrays(pa.array(offsets), vals)
    return pc.binary_join(lists, pa.scalar(sep, t))


def _family_names(masks: np.ndarray, tax: Taxonomy) -> np.ndarray:
    codes, uniq = pd.factorize(masks)
    return np.array([tax.names(int(m)) for m in uniq] + [""], dtype=object)[codes]


def _pair_table(
    table: pd.DataFrame, pairs: Pairs, used: np.ndarray, tax: Taxonomy, rows: Rows
) -> pd.DataFrame:
    ids = _text(table, "incident_id").to_numpy(dtype=object)
    names = table["fuse_source"].astype(str).to_numpy()
    inrow = table["_input_row"].to_numpy()
    fam = rows.family[pairs.i] & rows.family[pairs.j]
    return pd.DataFrame(
        {
            "source_a": names[pairs.i],
            "incident_id_a": ids[pairs.i],
            "row_a": inrow[pairs.i],
            "source_b": names[pairs.j],
            "incident_id_b": ids[pairs.j],
            "row_b": inrow[pairs.j],
            "distance_km": np.round(pairs.km, 3),
            "limit_km": np.round(pairs.limit_km, 3),
            "gap_days": pairs.gap_days.astype(int),
            "types": _family_names(fam, tax),
            "cost": np.round(pairs.score, 2),
            "grouped": used,
            "reason": np.where(
                pairs.corroborated,
                "coarse location: toll and type do not contradict",
                np.where(
                    pairs.across,
                    "districts meeting at the frontier, within the time window",
                    "within windows",
                ),
            ),
        }
    )
