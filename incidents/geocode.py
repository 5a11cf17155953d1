"""Offline geocoder: place text (+ admin hints) -> coordinates with an honest radius.

Modules, one job each:

* :mod:`incidents._grammar` -- how a location cell is written (type words,
  "near X", "A - B", "X area of Y", "between A and B", brackets, lists);
* :mod:`incidents._resolver` -- :class:`Geocoder`, assembled from
  :mod:`incidents._hints` (hints at their own level through the admin-name alias
  table), :mod:`incidents._candidates` (exact name / transliteration skeleton / one
  edit), :mod:`incidents._ranking` (neutral namesake ranking) and
  :mod:`incidents._answer` (the Match, its radius from :mod:`incidents._radius`);
* this module -- :func:`geocode`, the table step: input coordinates or geometry
  checked, each distinct (text, hints) resolved once, columns assembled.

The gazetteer (``incidents/data/gazetteer.parquet``) holds Who's On First /
GeoNames / OSM places with every alternate name, Natural Earth features, the
curated frontier features table, the shipped districts, provinces, Pakistani
tehsils, countries and border crossings.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from incidents._gazetteer import haversine_km
from incidents._resolver import RADIUS_KM, Geocoder, Match, Mention
from incidents.errors import GeocodeError
from incidents.schema import GEOCODE, add_flag

__all__ = ["PRECISION_UNCERTAINTY_KM", "RADIUS_KM", "Geocoder", "Match", "Mention", "geocode"]

#: Radius given to input coordinates by their ACLED precision code.
PRECISION_UNCERTAINTY_KM: dict[int, float] = {1: 5.0, 2: 25.0, 3: 100.0}
#: Input coordinates farther than this from the place text are flagged.
FAR_KM = 50.0
#: Region box used to detect swapped coordinates (AF + PK with a margin).
REGION_BOX = (60.0, 23.0, 78.5, 39.0)


_UNSTATED_NOTE = (
    "input coordinates without a stated precision: taken as an exact place "
    f"({PRECISION_UNCERTAINTY_KM[1]:g} km)"
)


def _country_radius_km(gc: Geocoder, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Radius the geocoder gives a country (as for its ``country`` method), for each point:
    that of the gazetteer country whose centre is nearest the point."""
    g = gc.gazetteer
    rows = g.rows_of_kind("country")
    if not len(rows) or not len(lat):
        return np.full(len(lat), PRECISION_UNCERTAINTY_KM[3])
    with np.errstate(invalid="ignore"):
        d = haversine_km(lat[:, None], lon[:, None], g.lat[rows][None, :], g.lon[rows][None, :])
    nearest = rows[np.argmin(np.nan_to_num(d, nan=np.inf), axis=1)]
    return np.round(np.asarray(g.radius95_km[nearest], dtype=float), 2)


def _geometry_lonlat(df: pd.DataFrame) -> tuple[np.ndarray, np.ndarray] | None:
    """Lon/lat (EPSG:4326) of a GeoDataFrame's active geometry, or None.

    Any CRS is converted; a non-point geometry gives its representative point
    (:func:`geo.points.representative_points`: half way along a line, inside a
    polygon); missing/empty geometries give NaN.  A frame without a
    CRS is taken as lon/lat.
    """
    geom = getattr(df, "geometry", None) if hasattr(df, "_geometry_column_name") else None
    if geom is None:
        return None
    import shapely

    from geo.points import representative_points

    if geom.crs is not None and not geom.crs.equals("EPSG:4326"):
        geom = geom.to_crs(4326)
    arr = np.asarray(geom.values, dtype=object)
    ok = ~(shapely.is_missing(arr) | shapely.is_empty(arr))
    pts = arr.copy()
    poly = ok & (shapely.get_type_id(arr) != 0)
    pts[poly] = representative_points(arr[poly])
    lon = np.full(len(arr), np.nan)
    lat = np.full(len(arr), np.nan)
    lon[ok] = shapely.get_x(pts[ok])
    lat[ok] = shapely.get_y(pts[ok])
    return lon, lat


# -- the table step ---------------------------------------------------------------
#
# Everything that depends only on the text and hints is computed once per distinct
# (text, hints) and broadcast with integer takes; string columns are built from
# their few distinct values (``pd.array(...).take``), never from a million Python
# strings.


def _text_codes(df: pd.DataFrame, col: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``col`` as (code per row, text of each code (str or None), mask of
    non-text, non-missing cells); a missing column is all None."""
    n = len(df)
    if col not in df:
        return np.zeros(n, dtype=np.int64), np.array([None], dtype=object), np.zeros(n, bool)
    s = df[col]
    try:
        codes, uniq = pd.factorize(s, use_na_sentinel=True)
    except TypeError:  # unhashable cells (lists, dicts) are not text: drop them first
        vals = s.to_numpy(dtype=object)
        is_str = np.fromiter((isinstance(v, str) for v in vals), bool, len(vals))
        bad = ~is_str & ~pd.isna(s).to_numpy()
        codes, uniq = pd.factorize(np.where(is_str, vals, None), use_na_sentinel=True)
        return _with_missing(codes, np.asarray(uniq, dtype=object)), _none_last(uniq), bad
    u = np.asarray(uniq, dtype=object)
    is_str = np.fromiter((isinstance(v, str) for v in u), bool, len(u))
    bad_u = np.append(~is_str & ~pd.isna(u), False)
    codes = _with_missing(codes, u)
    return codes, _none_last(np.where(is_str, u, None)), bad_u[codes]


def _with_missing(codes: np.ndarray, uniq: np.ndarray) -> np.ndarray:
    """Factorize codes with the missing sentinel (-1) moved to ``len(uniq)``."""
    codes = np.asarray(codes, dtype=np.int64)
    return np.where(codes < 0, len(uniq), codes)


def _none_last(values: np.ndarray) -> np.ndarray:
    """Distinct values as an object array plus a trailing None (the missing code)."""
    return np.append(np.asarray(values, dtype=object), np.array([None], dtype=object))


def _group_rows(
    parts: list[tuple[np.ndarray, int]], *, ordered: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """Code of each row's tuple of ``(codes, number of codes)`` parts and a row of
    each code: with ``ordered``, codes are numbered in order of first appearance and
    the row is the first; otherwise in any order (faster), with any row."""
    n = len(parts[0][0])
    key = np.zeros(n, dtype=np.int64)
    span = 1
    for codes, size in parts:
        if span * size >= 1 << 62:  # renumber before the product could overflow
            key = np.asarray(pd.factorize(key)[0], dtype=np.int64)
            span = int(key.max(initial=0)) + 1
        key = key * size + codes
        span *= size
    if not ordered and span <= 4 * n + 1024:  # dense: count instead of hashing
        present = np.bincount(key, minlength=span) > 0
        key = (np.cumsum(present) - 1)[key]
        row = np.zeros(int(present.sum()), dtype=np.int64)
        row[key] = np.arange(n)
        return key, row
    key = np.asarray(pd.factorize(key)[0], dtype=np.int64)
    # numbered in order of appearance: a row starts a code when it exceeds all before it
    seen = np.maximum.accumulate(key)
    first = np.flatnonzero(key > np.concatenate([[-1], seen[:-1]]))
    return key, first


def _strings(
    values: list[object] | np.ndarray, take: np.ndarray
) -> pd.api.extensions.ExtensionArray:
    """A ``string`` array of ``values[take]`` (``take == -1`` gives <NA>), built
    from the distinct values."""
    arr = pd.array(np.asarray(values, dtype=object), dtype="string")
    return arr.take(np.asarray(take, dtype=np.int64), allow_fill=True)


def _format_each(fmt: str, *cols: np.ndarray) -> np.ndarray:
    """``fmt.format(*row)`` for every row of ``cols``, formatted once per distinct row."""
    if not len(cols[0]):
        return np.empty(0, dtype=object)
    parts = []
    for c in cols:
        codes, uniq = pd.factorize(c, use_na_sentinel=False)
        parts.append((np.asarray(codes, dtype=np.int64), len(uniq)))
    key, first = _group_rows(parts, ordered=False)
    text = np.array([fmt.format(*(c[i] for c in cols)) for i in first], dtype=object)
    return text[key]


def _flag_strings(
    base: pd.Series, adds: list[tuple[str, np.ndarray]]
) -> pd.api.extensions.ExtensionArray:
    """``base`` (string flags, no NA) with each ``(flag, row mask)`` of ``adds``
    appended in order by :func:`incidents.schema.add_flag`, worked out once per
    distinct (base, masks) combination."""
    codes, uniq = pd.factorize(base, use_na_sentinel=False)
    codes = np.asarray(codes, dtype=np.int64)
    bits = np.zeros(len(codes), dtype=np.int64)
    for j, (_, mask) in enumerate(adds):
        bits |= np.asarray(mask, dtype=np.int64) << j
    key, first = _group_rows([(codes, len(uniq)), (bits, 1 << len(adds))], ordered=False)
    small = pd.Series(pd.array(np.asarray(uniq, dtype=object)[codes[first]], dtype="string"))
    for j, (name, _) in enumerate(adds):
        small = add_flag(small, pd.Series((bits[first] >> j) & 1 == 1), name)
    return small.array.take(key)


def geocode(
    df: pd.DataFrame, *, geocoder: Geocoder | None = None, multi: str = "first"
) -> pd.DataFrame:
    """Locate every row of an incident table; returns a new table.

    Adds the :data:`incidents.schema.GEOCODE` columns, ``other_places`` (the other
    places of a list text, ``; ``-joined) and ``geocode_note``; fills
    ``latitude``/``longitude`` for rows located from text; extends ``review_flags``.

    A GeoDataFrame's geometry (any CRS) is the coordinates' source where present
    (non-points give their representative point); the returned frame's geometry
    is the final point in EPSG:4326.

    Rows with coordinates keep them (method ``input``) after checks:
    ``coords_zero`` (0, 0) and ``coords_out_of_range`` clear them and the text is
    geocoded instead; ``coords_swapped`` (the swap lands in the AF/PK region, the
    original does not) corrects them; ``coords_far_from_place`` notes input
    coordinates more than :data:`FAR_KM` km (plus the match radius for
    district/province matches) from the place text.

    ``multi="first"`` keeps one row per input with the first place (flag
    ``multiple_places``); ``multi="explode"`` gives one row per place, keeping
    ``source_row`` and suffixing ``incident_id`` with ``-1``, ``-2``, ...
    Other flags: ``location_not_text``, ``coords_invalid``, ``geocode_unresolved``,
    ``geocode_fallback``, ``ambiguous_place``.
    """
    if not isinstance(df, pd.DataFrame):
        raise GeocodeError(f"geocode needs a pandas DataFrame, got {type(df).__name__}")
    if multi not in ("first", "explode"):
        raise GeocodeError(f"multi must be 'first' or 'explode', got {multi!r}")
    gc = geocoder if geocoder is not None else Geocoder.default()
    n = len(df)
    out = df.copy(deep=False)  # copy-on-write: the caller's frame is never changed
    out.index = df.index
    flags = (
        out["review_flags"].astype("string").fillna("")
        if "review_flags" in out
        else pd.Series("", index=out.index, dtype="string")
    )
    if "source_row" not in out:
        out["source_row"] = pd.array(np.arange(n), dtype="Int64")

    loc_code, loc, loc_bad = _text_codes(out, "location")
    hint_codes = [_text_codes(out, c) for c in ("admin1", "admin2", "country", "admin3")]

    # -- input coordinates ---------------------------------------------------------
    lat_raw = out["latitude"] if "latitude" in out else pd.Series(np.nan, index=out.index)
    lon_raw = out["longitude"] if "longitude" in out else pd.Series(np.nan, index=out.index)
    lat = np.array(pd.to_numeric(lat_raw, errors="coerce"), dtype=float)
    lon = np.array(pd.to_numeric(lon_raw, errors="coerce"), dtype=float)
    from_geom = _geometry_lonlat(df)
    if from_geom is not None:  # the geometry is the coordinates' source where present
        g_lon, g_lat = from_geom
        has_geom = ~np.isnan(g_lat)
        lat, lon = np.where(has_geom, g_lat, lat), np.where(has_geom, g_lon, lon)
        lat_raw = lat_raw.where(~has_geom, pd.Series(g_lat, index=out.index))
        lon_raw = lon_raw.where(~has_geom, pd.Series(g_lon, index=out.index))
    invalid = (pd.notna(lat_raw).to_numpy() & np.isnan(lat)) | (
        pd.notna(lon_raw).to_numpy() & np.isnan(lon)
    )
    lat[~np.isfinite(lat)] = np.nan
    lon[~np.isfinite(lon)] = np.nan
    half = np.isnan(lat) ^ np.isnan(lon)
    invalid |= half
    lat[half] = np.nan
    lon[half] = np.nan
    has = ~np.isnan(lat)
    zero = has & (lat == 0) & (lon == 0)
    out_range = has & ~zero & ((np.abs(lat) > 90) | (np.abs(lon) > 180))
    x0, y0, x1, y1 = REGION_BOX

    def in_box(la: np.ndarray, lo: np.ndarray) -> np.ndarray:
        return (lo >= x0) & (lo <= x1) & (la >= y0) & (la <= y1)

    with np.errstate(invalid="ignore"):
        swapped = has & ~zero & ~in_box(lat, lon) & in_box(lon, lat)
    lat[zero | out_range] = np.nan
    lon[zero | out_range] = np.nan
    lat_s, lon_s = np.where(swapped, lon, lat), np.where(swapped, lat, lon)
    lat, lon = lat_s, lon_s
    has = ~np.isnan(lat)
    row_flags = [
        ("location_not_text", loc_bad),
        ("coords_invalid", invalid),
        ("coords_zero", zero),
        ("coords_out_of_range", out_range),
        ("coords_swapped", swapped),
    ]

    # -- resolve each distinct (text, hints) once ----------------------------------
    codes, first = _group_rows([(c, len(v)) for c, v, _ in [(loc_code, loc, None), *hint_codes]])
    a1, a2, cc, a3 = (v[c[first]] for c, v, _ in hint_codes)
    results = [
        gc.resolve(t, admin1=h1, admin2=h2, country=h3, admin3=h4)
        for t, h1, h2, h3, h4 in zip(loc[loc_code[first]], a1, a2, cc, a3, strict=True)
    ]
    counts = np.array([len(r) for r in results], dtype=np.int64)

    if multi == "explode":
        reps = counts[codes]
        rows = np.repeat(np.arange(n), reps)
        part = np.concatenate([np.arange(c) for c in reps]) if n else np.zeros(0, dtype=int)
        res_code = codes[rows]
        # flatten per-code match lists; index = offset of the code + part
        offs = np.concatenate([[0], np.cumsum(counts)])
        flat = [m for r in results for m in r]
        pick = offs[res_code] + part
    else:
        rows = np.arange(n)
        part = np.zeros(n, dtype=int)
        res_code = codes
        flat = [r[0] for r in results]
        pick = res_code

    # per match (``flat``), then per output row through ``pick``
    f_lat = np.array([m.lat for m in flat], dtype=float)
    f_lon = np.array([m.lon for m in flat], dtype=float)
    f_prec = np.array([m.precision or 0 for m in flat], dtype=int)
    f_unc = np.array([m.uncertainty_km for m in flat], dtype=float)
    f_amb = np.array([m.ambiguous for m in flat], dtype=bool)
    f_method = np.array([m.method for m in flat], dtype=object)
    f_resolved = f_method != "unresolved"
    f_fallback = np.isin(f_method, ("admin2", "admin1", "country")) & np.array(
        [bool(m.reason) and "fell back" in m.reason for m in flat], dtype=bool
    )
    others = ["; ".join(str(m.name) for m in r[1:] if m.name) or None for r in results]

    m_lat, m_lon, m_prec, m_unc = f_lat[pick], f_lon[pick], f_prec[pick], f_unc[pick]
    m_amb, m_resolved = f_amb[pick], f_resolved[pick]

    res = out.iloc[rows].copy() if multi == "explode" else out
    if multi == "explode":
        res.index = pd.RangeIndex(len(rows))
    ridx = res.index
    lat_r, lon_r, has_r = lat[rows], lon[rows], has[rows]

    n_flat = len(flat)
    method_names = [*f_method, "input"]
    method_take = np.where(has_r, n_flat, pick)
    if "input_geo_precision" in res:
        ip = pd.to_numeric(res["input_geo_precision"], errors="coerce").to_numpy(float)
    else:
        ip = np.full(len(rows), np.nan)
    unstated = has_r & ~np.isin(ip, (1, 2, 3))  # no usable precision: an exact place (1)
    ip = np.where(np.isin(ip, (1, 2, 3)), ip, 1)
    prec = np.where(has_r, ip, m_prec).astype(float)
    prec[(~has_r) & ~m_resolved] = np.nan
    by_code = np.array([np.nan, *(PRECISION_UNCERTAINTY_KM[p] for p in (1, 2, 3))])
    unc_in = by_code[ip.astype(np.int64)]
    if "input_where_prec" in res:  # UCDP 6 country only, 7 waters/airspace: a country radius
        wp = pd.to_numeric(res["input_where_prec"], errors="coerce").to_numpy(float)
        national = has_r & np.isin(wp, (6, 7))
        if national.any():
            unc_in = np.where(national, _country_radius_km(gc, lat_r, lon_r), unc_in)
    unc = np.where(has_r, unc_in, m_unc)
    final_lat = np.where(has_r, lat_r, m_lat)
    final_lon = np.where(has_r, lon_r, m_lon)

    far = np.zeros(len(rows), dtype=bool)
    near_rows = np.flatnonzero(has_r & m_resolved)
    dist = np.full(len(rows), np.nan)
    with np.errstate(invalid="ignore"):
        dist[near_rows] = haversine_km(
            lat_r[near_rows], lon_r[near_rows], m_lat[near_rows], m_lon[near_rows]
        )
        slack = np.where(m_prec > 1, np.nan_to_num(m_unc), 0.0)
        far[near_rows] = dist[near_rows] > FAR_KM + slack[near_rows]

    # notes: the match's reason, or what was done with the input point
    note_values = [*(m.reason for m in flat), None]
    note_take = np.where(has_r, n_flat, pick)
    sw = swapped[rows]
    fr = far & ~sw
    extra_notes = np.concatenate(
        [
            _format_each(
                "latitude/longitude swapped in the input; corrected to {:.5f}, {:.5f}",
                lat_r[sw],
                lon_r[sw],
            ),
            _format_each("input point is {:.0f} km from the place text", dist[fr]),
        ]
    )
    note_take[sw] = len(note_values) + np.arange(int(sw.sum()))
    note_take[fr] = len(note_values) + int(sw.sum()) + np.arange(int(fr.sum()))
    note_values.extend(extra_notes)
    if unstated.any():  # the input point's precision was not stated: say so
        rows_u = np.flatnonzero(unstated)
        kinds, inv = np.unique(note_take[rows_u], return_inverse=True)
        joined = ["; ".join(t for t in (note_values[k], _UNSTATED_NOTE) if t) for k in kinds]
        note_take[rows_u] = len(note_values) + inv
        note_values.extend(joined)

    res["latitude"] = final_lat
    res["longitude"] = final_lon
    res["geocode_method"] = _strings(method_names, method_take)
    res["geo_precision"] = pd.array(prec, dtype="Float64").astype("Int64")
    res["uncertainty_km"] = unc.astype("float64")
    res["matched_name"] = _strings([m.name for m in flat], np.where(has_r, -1, pick))
    res["ambiguous"] = pd.array(np.where(has_r, False, m_amb), dtype="boolean")
    res["other_places"] = _strings(others, res_code if multi == "first" else np.full(len(rows), -1))
    res["geocode_note"] = _strings(note_values, note_take)

    multiple = counts[res_code] > 1
    fallback = ~has_r & f_fallback[pick]
    res["review_flags"] = _flag_strings(
        (flags.iloc[rows] if multi == "explode" else flags).reset_index(drop=True),
        [(name, mask[rows]) for name, mask in row_flags]
        + [
            ("coords_far_from_place", far),
            ("geocode_unresolved", ~has_r & ~m_resolved),
            ("geocode_fallback", fallback),
            ("ambiguous_place", ~has_r & m_amb),
            ("multiple_places", multiple & (multi == "first")),
        ],
    )

    if multi == "explode" and "incident_id" in res:
        ids = res["incident_id"].astype("string")
        suffix = pd.Series(
            np.where(counts[res_code] > 1, [f"-{p + 1}" for p in part], ""), index=ridx
        )
        res["incident_id"] = (ids + suffix).where(ids.notna(), ids)
    if from_geom is not None:
        import geopandas as gpd

        name = df.geometry.name
        pts = gpd.points_from_xy(res["longitude"], res["latitude"], crs=4326)
        res = gpd.GeoDataFrame(
            pd.DataFrame(res.drop(columns=name)),
            geometry=gpd.GeoSeries(pts, index=res.index, crs=4326),
        )
        if name != "geometry":
            res = res.rename_geometry(name)
    # GEOCODE columns in schema order, after the existing columns.
    extra = ["other_places", "geocode_note"]
    cols = [c for c in res.columns if c not in GEOCODE and c not in extra]
    cols += [*GEOCODE, *extra]
    return res[cols]
