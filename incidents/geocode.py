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
    g = gc._g
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
    (always inside it); missing/empty geometries give NaN.  A frame without a
    CRS is taken as lon/lat.
    """
    geom = getattr(df, "geometry", None) if hasattr(df, "_geometry_column_name") else None
    if geom is None:
        return None
    import shapely

    if geom.crs is not None and not geom.crs.equals("EPSG:4326"):
        geom = geom.to_crs(4326)
    arr = np.asarray(geom.values, dtype=object)
    ok = ~(shapely.is_missing(arr) | shapely.is_empty(arr))
    pts = arr.copy()
    poly = ok & (shapely.get_type_id(arr) != 0)
    pts[poly] = shapely.point_on_surface(arr[poly])
    lon = np.full(len(arr), np.nan)
    lat = np.full(len(arr), np.nan)
    lon[ok] = shapely.get_x(pts[ok])
    lat[ok] = shapely.get_y(pts[ok])
    return lon, lat


# -- the table step ---------------------------------------------------------------


def _text_column(df: pd.DataFrame, col: str) -> tuple[np.ndarray, np.ndarray]:
    """Object array of str/None for ``col`` and a mask of non-text, non-missing cells."""
    if col not in df:
        return np.full(len(df), None, dtype=object), np.zeros(len(df), dtype=bool)
    s = df[col]
    vals = s.to_numpy(dtype=object, na_value=None)
    if pd.api.types.is_string_dtype(s.dtype) and not pd.api.types.is_object_dtype(s.dtype):
        return vals, np.zeros(len(df), dtype=bool)
    is_str = np.fromiter((isinstance(v, str) for v in vals), bool, len(vals))
    missing = pd.isna(s).to_numpy()
    bad = ~is_str & ~missing
    vals = np.where(is_str, vals, np.array(None, dtype=object))
    return vals, bad


def _factorize_rows(cols: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Codes of distinct tuples across ``cols`` and the first row of each code."""
    codes = np.zeros(len(cols[0]), dtype=np.int64)
    for c in cols:
        k, u = pd.factorize(c, use_na_sentinel=False)
        codes, _ = pd.factorize(codes * (len(u) + 1) + k)
    _, first = np.unique(codes, return_index=True)
    return codes, first


def geocode(
    df: pd.DataFrame, *, geocoder: Geocoder | None = None, multi: str = "first"
) -> pd.DataFrame:
    """Locate every row of an incident table; returns a new table.

    Adds the :data:`incidents.schema.GEOCODE` columns, ``other_places`` (the other
    places of a list text, ``; ``-joined) and ``geocode_note``; fills
    ``latitude``/``longitude`` for rows located from text; extends ``flags``.

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
    out = df.copy()
    out.index = df.index
    flags = (
        out["review_flags"].astype("string").fillna("")
        if "review_flags" in out
        else pd.Series("", index=out.index, dtype="string")
    )
    if "source_row" not in out:
        out["source_row"] = pd.array(np.arange(n), dtype="Int64")

    loc, loc_bad = _text_column(out, "location")
    a1, _ = _text_column(out, "admin1")
    a2, _ = _text_column(out, "admin2")
    cc, _ = _text_column(out, "country")
    flags = add_flag(flags, pd.Series(loc_bad, index=out.index), "location_not_text")

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
    idx = out.index
    for mask, name in (
        (invalid, "coords_invalid"),
        (zero, "coords_zero"),
        (out_range, "coords_out_of_range"),
        (swapped, "coords_swapped"),
    ):
        flags = add_flag(flags, pd.Series(mask, index=idx), name)

    # -- resolve each distinct (text, hints) once ----------------------------------
    codes, first = _factorize_rows([loc, a1, a2, cc])
    results = [gc.resolve(loc[i], admin1=a1[i], admin2=a2[i], country=cc[i]) for i in first]
    counts = np.array([len(r) for r in results])

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

    def col(attr: str, dtype=object) -> np.ndarray:
        vals = np.array([getattr(m, attr) for m in flat], dtype=dtype)
        return vals[pick] if len(flat) else np.array([], dtype=dtype)

    m_lat, m_lon = col("lat", float), col("lon", float)
    m_method = col("method")
    m_prec = np.array([m.precision or 0 for m in flat], dtype=int)[pick] if flat else np.array([])
    m_unc, m_name = col("uncertainty_km", float), col("name")
    m_amb = col("ambiguous", bool)
    m_reason = col("reason")
    others = np.array(
        ["; ".join(str(m.name) for m in r[1:] if m.name) or None for r in results], dtype=object
    )

    res = out.iloc[rows].copy() if multi == "explode" else out
    fl = flags.iloc[rows].reset_index(drop=True) if multi == "explode" else flags
    if multi == "explode":
        res.index = pd.RangeIndex(len(rows))
    ridx = res.index
    lat_r, lon_r, has_r = lat[rows], lon[rows], has[rows]

    method = np.where(has_r, "input", m_method).astype(object)
    if "input_geo_precision" in res:
        ip = pd.to_numeric(res["input_geo_precision"], errors="coerce").to_numpy(float)
    else:
        ip = np.full(len(rows), np.nan)
    unstated = has_r & ~np.isin(ip, (1, 2, 3))  # no usable precision: an exact place (1)
    ip = np.where(np.isin(ip, (1, 2, 3)), ip, 1)
    prec = np.where(has_r, ip, m_prec).astype(float)
    prec[(~has_r) & (m_method == "unresolved")] = np.nan
    unc_in = np.array([PRECISION_UNCERTAINTY_KM[int(p)] for p in ip]) if len(ip) else ip
    if "input_where_prec" in res:  # UCDP 6 country only, 7 waters/airspace: a country radius
        wp = pd.to_numeric(res["input_where_prec"], errors="coerce").to_numpy(float)
        national = has_r & np.isin(wp, (6, 7))
        unc_in = np.where(national, _country_radius_km(gc, lat_r, lon_r), unc_in)
    unc = np.where(has_r, unc_in, m_unc)
    final_lat = np.where(has_r, lat_r, m_lat)
    final_lon = np.where(has_r, lon_r, m_lon)

    resolved = m_method != "unresolved"
    with np.errstate(invalid="ignore"):
        dist = haversine_km(lat_r, lon_r, m_lat, m_lon)
        slack = np.where(m_prec > 1, np.nan_to_num(m_unc), 0.0)
        far = has_r & resolved & (dist > FAR_KM + slack)

    none = np.array(None, dtype=object)
    note = np.where(has_r, none, m_reason).astype(object)
    sw = swapped[rows]
    note[sw] = [
        f"latitude/longitude swapped in the input; corrected to {a:.5f}, {b:.5f}"
        for a, b in zip(lat_r[sw], lon_r[sw], strict=True)
    ]
    fr = far & ~sw
    note[fr] = [f"input point is {d:.0f} km from the place text" for d in dist[fr]]
    note[unstated] = ["; ".join(t for t in (n, _UNSTATED_NOTE) if t) for n in note[unstated]]

    res["latitude"] = final_lat
    res["longitude"] = final_lon
    res["geocode_method"] = pd.array(method, dtype="string")
    res["geo_precision"] = pd.array(prec, dtype="Float64").astype("Int64")
    res["uncertainty_km"] = unc.astype("float64")
    res["matched_name"] = pd.array(np.where(has_r, none, m_name), dtype="string")
    res["ambiguous"] = pd.array(np.where(has_r, False, m_amb), dtype="boolean")
    res["other_places"] = pd.array(
        others[res_code] if multi == "first" else np.full(len(rows), None), dtype="string"
    )
    res["geocode_note"] = pd.array(note, dtype="string")

    multiple = counts[res_code] > 1
    fallback = (
        ~has_r
        & np.isin(m_method, ("admin2", "admin1", "country"))
        & np.array([bool(r) and "fell back" in r for r in m_reason], dtype=bool)
    )
    for mask, name in (
        (far, "coords_far_from_place"),
        (~has_r & ~resolved, "geocode_unresolved"),
        (fallback, "geocode_fallback"),
        (~has_r & m_amb, "ambiguous_place"),
        (multiple & (multi == "first"), "multiple_places"),
    ):
        fl = add_flag(fl, pd.Series(mask, index=ridx), name)
    res["review_flags"] = fl.to_numpy()
    res["review_flags"] = res["review_flags"].astype("string")

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
