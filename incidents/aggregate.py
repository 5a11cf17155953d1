"""Aggregate positioned incidents into mappable units, and compare periods.

:func:`aggregate` counts a positioned incident table (:func:`incidents.position`)
by one of :data:`AGGREGATIONS`, optionally crossed with a ``period``, and returns a
GeoDataFrame (EPSG:4326) whose geometry can be mapped directly:

``segment``
    Pieces of the frontier ``km`` long from its north-eastern end (the last piece is
    the remainder), one row per piece and side (``AF``/``PK``); the geometry is the
    piece of line (:func:`segment_corridors` swaps in a corridor polygon).  An
    incident belongs to the piece holding its nearest point on the line
    (``frontier_km``), whatever its distance from the line: filter on
    ``border_distance_km`` first to restrict the count to a corridor.
``admin1`` / ``admin2``
    Provinces and districts of both countries (:func:`geo.reference.admin1` /
    :func:`~geo.reference.admin2`, Pakistan in its post-2018 layout with the former
    FATA inside Khyber Pakhtunkhwa), from ``point_admin1`` / ``point_admin2``.
``hex``
    H3 cells at ``resolution`` (default 6, cells of about 36 km²).
``band``
    Distance bands from the line per side, ``0-10 km`` ... ``50-100 km`` and
    ``>100 km`` by default, from ``border_distance_km``.  Band polygons are drawn
    from the line simplified by 1 % of the band's outer distance (display only:
    counts use the exact ``border_distance_km``).

No spatial join is made: every unit comes from the POSITION columns (or, for
``hex``, the point itself), which is what makes aggregation fast.

Measures per row: ``incidents`` (count), ``fatalities`` (sum; missing counts as 0),
``low_precision`` (incidents with ``geo_precision`` 2 or 3) and
``low_precision_share`` (their share, null for an empty unit), ``first_date`` /
``last_date``, and one ``type_<slug>`` count per event type found in the input
(``type_unknown`` for a missing type; ``attrs["event_types"]`` maps each column to
its type).

Rows and units
--------------
Without ``period``, every unit of a fixed layer is listed, empty ones with zero
counts (segments x {AF, PK}, all provinces/districts, bands x {AF, PK}); units
outside that template that incidents fall in (side ``other``) are appended.  Hex
cells are listed only where incidents are.  With ``period`` (``day``, ``week``
starting on Monday, ``month``), a row is a (unit, period) pair with at least one
incident; ``period`` is the first day of the period; undated incidents get a null
period.  Output is sorted (units in layer order, unassigned last, then period) and
is identical for identical input.

Unassigned rows (the precision rule)
------------------------------------
Incidents are never dropped.  A *located* incident (it has a point) that cannot
honestly be given a unit at this level is counted in a row with ``unit`` =
``"unassigned"`` and null geometry (one per period when ``period`` is set; always
present without a period, possibly with zero).  An incident is unassigned when

* ``admin1``: ``geocode_method`` is ``country``, or ``point_admin1`` is missing or
  not a province of the reference layer (point outside both countries);
* ``admin2``: ``geo_precision`` is 3 (province or coarser), or ``point_admin2`` is
  missing or not a reference district;
* ``segment``: ``geo_precision`` is 3, or it is 2 and ``uncertainty_km`` exceeds the
  segment length ``km``; or ``frontier_km``/``side`` is missing;
* ``band``: ``geo_precision`` is 3, or it is 2 and ``uncertainty_km`` exceeds the
  width of the band its point falls in (the last, open band has no limit); or
  ``border_distance_km``/``side`` is missing;
* ``hex``: ``geo_precision`` is 3, or it is 2 and ``uncertainty_km`` exceeds the
  mean H3 edge length at ``resolution`` (3.7 km at resolution 6, so every
  district-level incident there).

A missing ``geo_precision`` on a located row counts as 1 (input coordinates of
unknown precision); a missing ``uncertainty_km`` never makes a row unassigned.
Rows without a point are *unlocated*: they are not counted anywhere and are
reported in ``attrs`` (``rows``, ``located``, ``unlocated``, ``unassigned``).
Hence, for every aggregation: sum of ``incidents`` (unassigned row included) ==
``attrs["located"]``, and likewise for ``fatalities``.

:func:`change` compares two periods of such an aggregate per unit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely

from geo import Frontier, reference
from incidents.errors import IncidentError, NotPositionedError
from incidents.schema import POSITION, SIDES

__all__ = [
    "AGGREGATIONS",
    "PERIODS",
    "TRENDS",
    "UNASSIGNED",
    "aggregate",
    "change",
    "segment_corridors",
]

AGGREGATIONS = ("segment", "admin1", "admin2", "hex", "band")
PERIODS = ("day", "week", "month")
#: ``unit`` of the row holding incidents too coarse for the level.
UNASSIGNED = "unassigned"
#: Labels of :func:`change`'s ``trend`` column, from most up to most down.
TRENDS = ("large increase", "moderate increase", "stable", "moderate decrease", "large decrease")

_NSIDE = len(SIDES)  # AF, PK, other
_MEASURES = (
    "incidents",
    "fatalities",
    "low_precision",
    "low_precision_share",
    "first_date",
    "last_date",
)
_NAT = np.iinfo(np.int64).min


# --------------------------------------------------------------------------- public
def aggregate(
    gdf: pd.DataFrame,
    *,
    by: str,
    km: float = 50.0,
    resolution: int = 6,
    bands: Sequence[float] = (10, 25, 50, 100),
    period: str | None = None,
    frontier: Frontier | None = None,
) -> gpd.GeoDataFrame:
    """Count positioned incidents per unit (see the module docstring for the rules).

    Parameters
    ----------
    gdf
        A positioned incident table (:func:`incidents.position`); not modified.
    by
        One of :data:`AGGREGATIONS`.
    km
        Segment length for ``by="segment"``.
    resolution
        H3 resolution (0-15) for ``by="hex"``.
    bands
        Outer distances (km) of the bands for ``by="band"``; a last open band
        beyond the largest is added.
    period
        ``None``, ``"day"``, ``"week"`` or ``"month"``.
    frontier
        Defaults to :meth:`geo.Frontier.default`; used by ``segment`` and ``band``.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per unit (and period), ``unit`` first, an ``unassigned`` row with
        null geometry, the measures, and the unit's geometry; counts in ``attrs``.
    """
    by, period = _check_options(by, period)
    if not isinstance(gdf, pd.DataFrame):
        raise IncidentError(f"aggregate needs an incident table, got {type(gdf).__name__}")
    missing = [c for c in POSITION if c not in gdf]
    if missing:
        raise NotPositionedError(
            f"the incident table is not positioned (missing {missing}); run "
            "'frontier geocode INPUT -o OUTPUT' (or incidents.position / incidents.prepare) "
            "first"
        )
    if by in ("segment", "band"):
        frontier = frontier or Frontier.default()
    n = len(gdf)
    located = _located(gdf)
    prec = _numeric(gdf, "geo_precision", 1.0)
    prec = np.where(np.isnan(prec), 1.0, prec)
    unc = _numeric(gdf, "uncertainty_km", np.nan)
    unc = np.where(np.isnan(unc), 0.0, unc)

    if by == "segment":
        level = _Segments(gdf, frontier, _check_km(km, frontier), prec, unc)
    elif by == "band":
        level = _Bands(gdf, frontier, _check_bands(bands), prec, unc)
    elif by == "hex":
        level = _Hexes(gdf, _check_resolution(resolution), prec, unc, located)
    else:
        level = _Admin(gdf, by, prec)
    key = np.where(located, level.key, -1)

    out = _reduce(gdf, located, key, level, period)
    out.attrs = {
        "aggregation": by,
        **level.options,
        "period": period,
        "rows": int(n),
        "located": int(located.sum()),
        "unlocated": int(n - located.sum()),
        "unassigned": int((located & (key < 0)).sum()),
        "event_types": out.attrs.get("event_types", {}),
    }
    return out


def change(
    agg: gpd.GeoDataFrame,
    *,
    large: float = 25.0,
    moderate: float = 10.0,
    periods: Sequence | None = None,
) -> gpd.GeoDataFrame:
    """Per unit, the change in incidents between two periods of an aggregate.

    Parameters
    ----------
    agg
        An :func:`aggregate` result made with a ``period``.
    large, moderate
        Percent thresholds: a change of at least ``+large`` % is a ``large increase``,
        at least ``+moderate`` % a ``moderate increase`` (symmetrically for
        decreases); anything closer to zero is ``stable``.
    periods
        ``(before, after)`` as dates (any day inside each period); by default the
        last period present in ``agg`` and the calendar period just before it
        (which may hold no incidents).

    Returns
    -------
    geopandas.GeoDataFrame
        One row per unit present in either period (the unassigned row included):
        the unit's columns, ``period_before``, ``period_after``,
        ``incidents_before``, ``incidents_after``, ``fatalities_before``,
        ``fatalities_after``, ``change`` (after - before), ``change_pct`` (null
        when before is 0), ``trend`` (one of :data:`TRENDS`; a unit going from 0 to
        any incidents is a ``large increase``), and geometry.
    """
    for name, value in (("large", large), ("moderate", moderate)):
        if not isinstance(value, int | float) or not np.isfinite(value) or value < 0:
            raise IncidentError(f"{name} must be a non-negative percentage, got {value!r}")
    if moderate > large:
        raise IncidentError(f"moderate ({moderate:g} %) must not exceed large ({large:g} %)")
    if not isinstance(agg, pd.DataFrame) or "unit" not in agg or "incidents" not in agg:
        raise IncidentError("change needs the result of incidents.aggregate")
    freq = agg.attrs.get("period")
    if "period" not in agg or freq not in PERIODS:
        raise IncidentError(
            "change needs an aggregate made with a period; call aggregate(..., "
            "period='day'|'week'|'month') (or pass --period with --change)"
        )
    dated = agg[agg["period"].notna()]
    present = np.sort(pd.unique(dated["period"].to_numpy(dtype="datetime64[ns]")))
    if periods is None:
        if len(present) == 0:
            raise IncidentError("change needs dated incidents; the aggregate has no period")
        after = present[-1]
        before = _period_start(np.array([after - np.timedelta64(1, "D")]), freq)[0]
    else:
        if isinstance(periods, str) or len(periods) != 2:
            raise IncidentError(f"periods must be a (before, after) pair, got {periods!r}")
        try:
            raw = pd.to_datetime(list(periods)).to_numpy(dtype="datetime64[ns]")
        except (ValueError, TypeError) as exc:
            raise IncidentError(f"periods must be dates, got {periods!r}") from exc
        before, after = _period_start(raw, freq)
        if before >= after:
            raise IncidentError(f"the 'before' period must precede 'after', got {periods!r}")

    keep = [c for c in agg.columns if c not in (*_MEASURES, "period", "geometry")]
    keep = [c for c in keep if not c.startswith("type_")]
    units = dated.drop_duplicates("unit")[[*keep, "geometry"]].set_index("unit", drop=False)

    def pick(when: np.datetime64) -> pd.DataFrame:
        rows = dated[dated["period"].to_numpy(dtype="datetime64[ns]") == when]
        return rows.set_index("unit")[["incidents", "fatalities"]]

    a, b = pick(before), pick(after)
    order = [u for u in units.index if u in a.index or u in b.index]
    a = a.reindex(order, fill_value=0)
    b = b.reindex(order, fill_value=0)
    base = units.loc[order].reset_index(drop=True)
    n0 = a["incidents"].to_numpy(dtype=np.int64)
    n1 = b["incidents"].to_numpy(dtype=np.int64)
    diff = n1 - n0
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.where(n0 > 0, 100.0 * diff / np.maximum(n0, 1), np.nan)
    signed = np.where(n0 > 0, pct, np.where(n1 > 0, np.inf, 0.0))
    trend = np.select(
        [signed >= large, signed >= moderate, signed <= -large, signed <= -moderate],
        [TRENDS[0], TRENDS[1], TRENDS[4], TRENDS[3]],
        default=TRENDS[2],
    )
    if large == 0 and moderate == 0:
        trend = np.where(signed == 0, TRENDS[2], trend)
    data = base.drop(columns="geometry")
    data["period_before"] = pd.Series(before, index=data.index).astype("datetime64[ns]")
    data["period_after"] = pd.Series(after, index=data.index).astype("datetime64[ns]")
    data["incidents_before"] = n0
    data["incidents_after"] = n1
    data["fatalities_before"] = a["fatalities"].to_numpy(dtype=np.int64)
    data["fatalities_after"] = b["fatalities"].to_numpy(dtype=np.int64)
    data["change"] = diff
    data["change_pct"] = np.round(pct, 2)
    data["trend"] = pd.array(trend, dtype="string")
    out = gpd.GeoDataFrame(data, geometry=base.geometry.values, crs=agg.crs or 4326)
    out.attrs = {
        **{k: v for k, v in agg.attrs.items() if k != "event_types"},
        "change": {
            "before": str(pd.Timestamp(before).date()),
            "after": str(pd.Timestamp(after).date()),
            "large": float(large),
            "moderate": float(moderate),
        },
    }
    return out


def segment_corridors(
    segments: gpd.GeoDataFrame, *, width_km: float = 50.0, frontier: Frontier | None = None
) -> gpd.GeoDataFrame:
    """A ``segment`` aggregate with each piece's corridor polygon as geometry.

    The corridor of a piece on one side is the piece buffered by ``width_km`` with
    flat ends (in an azimuthal equidistant projection centred on the line), clipped
    to that side's country: for display; counts are not recomputed.
    """
    if "segment_id" not in segments or "side" not in segments:
        raise IncidentError("segment_corridors needs aggregate(..., by='segment') output")
    if not np.isfinite(width_km) or width_km <= 0:
        raise IncidentError(f"width_km must be a positive number of km, got {width_km!r}")
    frontier = frontier or Frontier.default()
    crs = frontier.local_crs
    lines = gpd.GeoSeries(segments.geometry.values, crs=segments.crs or 4326).to_crs(crs)
    countries = frontier.countries.to_crs(crs)
    poly = dict(zip(countries["country"], countries.geometry, strict=True))
    geoms = np.full(len(segments), None, dtype=object)
    side = segments["side"].astype("string").fillna("").to_numpy(dtype=object)
    ok = ~shapely.is_missing(lines.values) & np.isin(side, list(poly))
    for code in poly:
        rows = np.flatnonzero(ok & (side == code))
        if len(rows):
            buf = shapely.buffer(lines.values[rows], width_km * 1000.0, cap_style="flat")
            geoms[rows] = shapely.intersection(buf, poly[code])
    out = segments.copy()
    out = out.set_geometry(gpd.GeoSeries(geoms, index=segments.index, crs=crs).to_crs(4326))
    out.attrs = {**segments.attrs, "corridor_km": float(width_km)}
    return out


# ------------------------------------------------------------------------ checks
def _check_options(by: object, period: object) -> tuple[str, str | None]:
    if not isinstance(by, str) or by.strip().lower() not in AGGREGATIONS:
        raise IncidentError(f"unknown aggregation by={by!r}; valid: {', '.join(AGGREGATIONS)}")
    if period is not None and (
        not isinstance(period, str) or period.strip().lower() not in PERIODS
    ):
        raise IncidentError(f"unknown period {period!r}; valid: {', '.join(PERIODS)} or None")
    return by.strip().lower(), None if period is None else period.strip().lower()


def _check_km(km: object, frontier: Frontier) -> float:
    try:
        value = float(km)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        value = float("nan")
    if not np.isfinite(value) or value <= 0:
        raise IncidentError(f"segment length km must be a positive number, got {km!r}")
    total = frontier.length_km
    if value > total:
        raise IncidentError(
            f"segment length {value:g} km is longer than the frontier ({total:,.1f} km)"
        )
    return value


def _check_bands(bands: Sequence[float]) -> tuple[float, ...]:
    try:
        edges = tuple(float(b) for b in bands)
    except (TypeError, ValueError) as exc:
        raise IncidentError(f"bands must be distances in km, got {bands!r}") from exc
    if (
        not edges
        or not all(np.isfinite(edges))
        or edges[0] <= 0
        or any(b <= a for a, b in zip(edges, edges[1:], strict=False))
    ):
        raise IncidentError(
            f"bands must be increasing positive distances in km, e.g. (10, 25, 50, 100); "
            f"got {tuple(bands)!r}"
        )
    return edges


def _check_resolution(resolution: object) -> int:
    if isinstance(resolution, bool) or not isinstance(resolution, int | np.integer):
        raise IncidentError(f"H3 resolution must be an integer 0-15, got {resolution!r}")
    if not 0 <= int(resolution) <= 15:
        raise IncidentError(f"H3 resolution must be between 0 and 15, got {resolution}")
    return int(resolution)


# ----------------------------------------------------------------------- columns
def _numeric(df: pd.DataFrame, col: str, default: float) -> np.ndarray:
    if col not in df:
        return np.full(len(df), default)
    return pd.to_numeric(df[col], errors="coerce").to_numpy(dtype=float, na_value=np.nan)


def _lonlat(df: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Point coordinates (NaN where none): the geometry, else latitude/longitude."""
    if isinstance(df, gpd.GeoDataFrame) and df._geometry_column_name in df:
        geoms = np.asarray(df.geometry.values, dtype=object)
        if df.crs is not None and not df.crs.equals(pyproj.CRS.from_epsg(4326)) and len(df):
            geoms = np.asarray(df.geometry.to_crs(4326).values, dtype=object)
        bad = shapely.is_missing(geoms) | shapely.is_empty(geoms)
        geoms = np.where(bad, None, geoms)
        if len(geoms) and (shapely.get_type_id(geoms[~bad]) != 0).any():
            geoms = np.where(bad, None, shapely.point_on_surface(geoms))
        return shapely.get_x(geoms), shapely.get_y(geoms)
    return _numeric(df, "longitude", np.nan), _numeric(df, "latitude", np.nan)


def _located(df: pd.DataFrame) -> np.ndarray:
    lon, lat = _lonlat(df)
    return np.isfinite(lon) & np.isfinite(lat)


def _side_codes(df: pd.DataFrame) -> np.ndarray:
    """0 AF, 1 PK, 2 other, -1 missing."""
    side = df["side"].astype("string").str.strip().str.upper()
    codes = pd.Categorical(side, categories=[s.upper() for s in SIDES]).codes
    return np.asarray(codes, dtype=np.int64)


def _period_start(dates: np.ndarray, freq: str) -> np.ndarray:
    d = np.asarray(dates, dtype="datetime64[ns]").astype("datetime64[D]")
    if freq == "month":
        d = d.astype("datetime64[M]").astype("datetime64[D]")
    elif freq == "week":
        days = d.astype(np.int64)
        d = (days - (days + 3) % 7).astype("datetime64[D]")  # 1970-01-01 was a Thursday
        d = np.where(np.isnat(np.asarray(dates, dtype="datetime64[ns]")), np.datetime64("NaT"), d)
    return d.astype("datetime64[ns]")


def _sorted_codes(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(codes, sorted uniques) of an int64 array: hashing, then sorting the few uniques."""
    codes, uniq = pd.factorize(np.asarray(values, dtype=np.int64))
    order = np.argsort(uniq, kind="stable")
    rank = np.empty(len(uniq), dtype=np.int64)
    rank[order] = np.arange(len(uniq))
    return rank[np.asarray(codes, dtype=np.int64)], np.asarray(uniq, dtype=np.int64)[order]


def _slug(text: str) -> str:
    s = re.sub(r"[^0-9a-z]+", "_", text.lower()).strip("_")
    return s or "unknown"


# ------------------------------------------------------------------------ levels
class _Segments:
    def __init__(self, df, frontier, km, prec, unc):
        self.table = frontier.segments(km)
        self.options = {"km": km, "frontier_km_total": round(frontier.length_km, 3)}
        starts = self.table["km_start"].to_numpy()
        fkm = _numeric(df, "frontier_km", np.nan)
        sid = np.clip(np.searchsorted(starts, fkm, side="right") - 1, 0, len(starts) - 1)
        side = _side_codes(df)
        coarse = (prec >= 3) | ((prec == 2) & (unc > km))
        ok = np.isfinite(fkm) & (side >= 0) & ~coarse
        self.key = np.where(ok, sid * _NSIDE + np.maximum(side, 0), -1)
        sides = np.arange(2)  # AF, PK
        self.template = (np.arange(len(starts))[:, None] * _NSIDE + sides[None, :]).ravel()

    def describe(self, keys: np.ndarray) -> tuple[pd.DataFrame, np.ndarray]:
        sid, side = keys // _NSIDE, keys % _NSIDE
        t = self.table
        data = pd.DataFrame(
            {
                "unit": [f"{s}-{SIDES[k]}" for s, k in zip(sid, side, strict=True)],
                "segment_id": sid.astype(np.int64),
                "side": pd.array(np.asarray(SIDES, dtype=object)[side], dtype="string"),
                "km_start": t["km_start"].to_numpy()[sid],
                "km_end": t["km_end"].to_numpy()[sid],
                "length_km": t["length_km"].to_numpy()[sid],
            }
        )
        return data, np.asarray(t.geometry.values, dtype=object)[sid]


class _Bands:
    def __init__(self, df, frontier, edges, prec, unc):
        self.frontier, self.edges = frontier, edges
        self.options = {"bands": list(edges)}
        lo = np.r_[0.0, edges]
        width = np.r_[np.diff(lo), np.inf]
        dist = _numeric(df, "border_distance_km", np.nan)
        b = np.searchsorted(np.asarray(edges), dist, side="right")  # 0 .. len(edges)
        b = np.clip(b, 0, len(edges))
        side = _side_codes(df)
        coarse = (prec >= 3) | ((prec == 2) & (unc > width[b]))
        ok = np.isfinite(dist) & (dist >= 0) & (side >= 0) & ~coarse
        self.key = np.where(ok, b * _NSIDE + np.maximum(side, 0), -1)
        self.template = (np.arange(len(edges) + 1)[:, None] * _NSIDE + np.arange(2)).ravel()

    def describe(self, keys: np.ndarray) -> tuple[pd.DataFrame, np.ndarray]:
        b, side = keys // _NSIDE, keys % _NSIDE
        lo = np.r_[0.0, self.edges]
        hi = np.r_[self.edges, np.nan]
        labels = [f"{a:g}-{z:g} km" for a, z in zip(lo[:-1], hi[:-1], strict=True)]
        labels.append(f">{self.edges[-1]:g} km")
        polys = _band_polygons(self.frontier, self.edges)
        geoms = np.array(
            [polys.get((int(i), SIDES[k])) for i, k in zip(b, side, strict=True)], dtype=object
        )
        data = pd.DataFrame(
            {
                "unit": [f"{SIDES[k]} {labels[i]}" for i, k in zip(b, side, strict=True)],
                "side": pd.array(np.asarray(SIDES, dtype=object)[side], dtype="string"),
                "band": pd.array(np.asarray(labels, dtype=object)[b], dtype="string"),
                "km_min": lo[b],
                "km_max": hi[b],
            }
        )
        return data, geoms


class _Hexes:
    def __init__(self, df, resolution, prec, unc, located):
        import h3
        import h3.api.numpy_int as h3n

        self.resolution = resolution
        self.options = {"resolution": resolution}
        edge = h3.average_hexagon_edge_length(resolution, unit="km")
        coarse = (prec >= 3) | ((prec == 2) & (unc > edge))
        ok = located & ~coarse
        lon, lat = _lonlat(df)
        ok &= (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
        rows = np.flatnonzero(ok)
        key = np.full(len(df), -1, dtype=np.int64)
        if len(rows):
            # dedupe: incident tables repeat places (gazetteer points, centroids) a lot
            c_lat, u_lat = pd.factorize(lat[rows])
            c_lon, u_lon = pd.factorize(lon[rows])
            inv, pairs = pd.factorize(c_lat.astype(np.int64) * len(u_lon) + c_lon)
            u_lat, u_lon = u_lat[pairs // len(u_lon)], u_lon[pairs % len(u_lon)]
            f = h3n.latlng_to_cell
            cells = np.fromiter(
                map(f, u_lat.tolist(), u_lon.tolist(), [resolution] * len(pairs)),
                dtype=np.uint64,
                count=len(pairs),
            )
            key[rows] = cells.astype(np.int64)[inv]
        self.key = key
        self.template = np.array([], dtype=np.int64)

    def describe(self, keys: np.ndarray) -> tuple[pd.DataFrame, np.ndarray]:
        import h3

        ids = [h3.int_to_str(int(k)) for k in keys]
        geoms = np.array(
            [shapely.Polygon([(x, y) for y, x in h3.cell_to_boundary(c)]) for c in ids],
            dtype=object,
        )
        data = pd.DataFrame(
            {"unit": ids, "resolution": np.full(len(ids), self.resolution, dtype=np.int64)}
        )
        return data, geoms


class _Admin:
    def __init__(self, df, by, prec):
        self.by = by
        self.options = {}
        layer = reference.admin1() if by == "admin1" else reference.admin2()
        names = ["country", "admin1"] + (["admin2"] if by == "admin2" else [])
        self.table = layer[[*names, "geometry"]].reset_index(drop=True)
        cols = ["side", "point_admin1"] + (["point_admin2"] if by == "admin2" else [])
        lookup = {
            tuple(str(v).casefold() for v in row): i
            for i, row in enumerate(self.table[names].itertuples(index=False, name=None))
        }
        # names alone, for tables whose side disagrees with the layer (unique names only)
        alone: dict[tuple, int] = {}
        for k, i in lookup.items():
            alone[k[1:]] = -2 if k[1:] in alone else i
        codes, uniques = [], []
        for c in cols:
            code, uniq = pd.factorize(df[c].astype("string"), use_na_sentinel=True)
            codes.append(np.asarray(code, dtype=np.int64))
            uniques.append(np.asarray(uniq, dtype=object))
        combo = np.zeros(len(df), dtype=np.int64)
        for code, uniq in zip(codes, uniques, strict=True):
            combo = combo * (len(uniq) + 1) + (code + 1)
        u, inv = np.unique(combo, return_inverse=True)
        mapped = np.full(len(u), -1, dtype=np.int64)
        for j, value in enumerate(u):
            parts = []
            for uniq in reversed(uniques):
                value, r = divmod(int(value), len(uniq) + 1)
                parts.append(None if r == 0 else str(uniq[r - 1]).strip().casefold())
            parts = parts[::-1]
            if any(p is None for p in parts[1:]):
                continue
            hit = lookup.get(tuple(parts), alone.get(tuple(parts[1:]), -1))
            mapped[j] = max(hit, -1)
        key = mapped[inv.ravel()] if len(df) else np.array([], dtype=np.int64)
        if by == "admin2":
            coarse = prec >= 3
        else:
            method = df.get("geocode_method")
            coarse = (
                np.zeros(len(df), bool)
                if method is None
                else method.astype("string").fillna("").str.lower().eq("country").to_numpy()
            )
        self.key = np.where(coarse, -1, key)
        self.template = np.arange(len(self.table), dtype=np.int64)

    def describe(self, keys: np.ndarray) -> tuple[pd.DataFrame, np.ndarray]:
        t = self.table.iloc[keys].reset_index(drop=True)
        names = [c for c in ("country", "admin1", "admin2") if c in t]
        data = pd.DataFrame(
            {c: pd.array(t[c].to_numpy(dtype=object), dtype="string") for c in names}
        )
        data.insert(0, "unit", ["/".join(map(str, r)) for r in t[names].itertuples(index=False)])
        return data, np.asarray(t.geometry.values, dtype=object)


# ------------------------------------------------------------------------ reduce
def _reduce(df, located, key, level, period) -> gpd.GeoDataFrame:
    rows = np.flatnonzero(located)
    k = key[rows]
    # units: template first, then other observed keys in key order; unassigned last
    template = np.asarray(level.template, dtype=np.int64)
    extra = np.setdiff1d(pd.unique(k[k >= 0]), template)
    all_keys = np.concatenate([template, extra])
    n_units = len(all_keys)
    sorter = np.argsort(all_keys, kind="stable")
    pos = np.full(len(k), n_units, dtype=np.int64)  # n_units = unassigned
    if n_units:
        hit = k >= 0
        pos[hit] = sorter[np.searchsorted(all_keys, k[hit], sorter=sorter)]

    dates = pd.to_datetime(df["date"], errors="coerce") if "date" in df else None
    d_ns = (
        np.full(len(rows), _NAT, dtype=np.int64)
        if dates is None
        else dates.to_numpy(dtype="datetime64[ns]")[rows].astype(np.int64)
    )
    if period is not None:
        p_ns = _period_start(d_ns.view("datetime64[ns]"), period).astype(np.int64)
        # NaT (int64 min) sorts first; keep it last instead
        p_code, p_vals = _sorted_codes(np.where(p_ns == _NAT, np.iinfo(np.int64).max, p_ns))
        p_vals = np.where(p_vals == np.iinfo(np.int64).max, _NAT, p_vals)
    else:
        p_vals, p_code = np.array([_NAT], dtype=np.int64), np.zeros(len(rows), dtype=np.int64)
    n_p = len(p_vals)
    cell = pos * n_p + p_code

    group, cells = _sorted_codes(cell)
    n_g = len(cells)

    fat = _numeric(df, "fatalities", 0.0)[rows]
    fat = np.where(np.isfinite(fat), fat, 0.0)
    prec = _numeric(df, "geo_precision", 1.0)[rows]
    low = np.nan_to_num(prec, nan=1.0) >= 2
    counts = np.bincount(group, minlength=n_g).astype(np.int64)
    fsum = np.rint(np.bincount(group, weights=fat, minlength=n_g)).astype(np.int64)
    lsum = np.bincount(group, weights=low, minlength=n_g).astype(np.int64)
    first = np.full(n_g, _NAT, dtype=np.int64)
    last = np.full(n_g, _NAT, dtype=np.int64)
    if n_g:
        ds = pd.Series(d_ns.view("datetime64[ns]"))
        span = ds.groupby(group, sort=True).agg(["min", "max"])
        span = span.reindex(np.arange(n_g))
        first = span["min"].to_numpy(dtype="datetime64[ns]").astype(np.int64)
        last = span["max"].to_numpy(dtype="datetime64[ns]").astype(np.int64)

    # event types
    if "event_type" in df:
        raw_code, raw = pd.factorize(df["event_type"].to_numpy(dtype=object)[rows])
        clean = [None if pd.isna(v) or not str(v).strip() else str(v).strip() for v in raw]
    else:
        raw_code, clean = np.full(len(rows), -1, dtype=np.int64), []
    names: list[str | None] = sorted({c for c in clean if c is not None})
    if len(rows) and (raw_code < 0).any() or None in clean:
        names.append(None)
    where = {name: i for i, name in enumerate(names)}
    remap = np.array([where[c] for c in clean] + [where.get(None, -1)], dtype=np.int64)
    t_code = remap[np.asarray(raw_code, dtype=np.int64)]  # -1 indexes the appended NA slot
    n_t = len(names)
    tcounts = np.bincount(group * n_t + t_code, minlength=n_g * n_t).reshape(n_g, n_t)
    type_cols: dict[str, str | None] = {}
    for name in names:
        col = "type_" + ("unknown" if name is None else _slug(name))
        base, i = col, 2
        while col in type_cols:
            col, i = f"{base}_{i}", i + 1
        type_cols[col] = name

    # rows: observed cells, plus empty template units without a period, plus unassigned
    g_pos, g_p = cells // n_p, cells % n_p
    if period is None:
        extra_pos = np.setdiff1d(np.r_[np.arange(len(template)), n_units], g_pos)
        out_pos = np.r_[g_pos, extra_pos]
        out_p = np.r_[g_p, np.zeros(len(extra_pos), dtype=np.int64)]
        src = np.r_[np.arange(n_g), np.full(len(extra_pos), -1)]
    else:
        out_pos, out_p, src = g_pos, g_p, np.arange(n_g)
    srt = np.lexsort((out_p, out_pos))
    out_pos, out_p, src = out_pos[srt], out_p[srt], src[srt]
    has = src >= 0
    s = np.where(has, src, 0)

    def take(values, fill):
        v = values[s] if n_g else np.full(len(s), fill, dtype=np.asarray(values).dtype)
        return np.where(has, v, fill)

    assigned = out_pos < n_units
    # describe each unit once (with periods a unit repeats on many rows)
    u_pos, u_inv = np.unique(out_pos[assigned], return_inverse=True)
    attrs, geoms = level.describe(all_keys[u_pos])
    attrs = attrs.iloc[u_inv.ravel()].reset_index(drop=True)
    geoms = np.asarray(geoms, dtype=object)[u_inv.ravel()]
    table = pd.DataFrame(index=pd.RangeIndex(len(out_pos)))
    for c in attrs.columns:
        if attrs[c].dtype == np.int64:
            attrs[c] = attrs[c].astype("Int64")
    ix = np.full(len(out_pos), -1, dtype=np.int64)
    ix[assigned] = np.arange(int(assigned.sum()))
    full = attrs.reindex(ix)
    for c in attrs.columns:
        table[c] = full[c].array
    table["unit"] = pd.array(
        np.where(assigned, table["unit"].to_numpy(dtype=object, na_value=None), UNASSIGNED),
        dtype="string",
    )
    if period is not None:
        table["period"] = p_vals[out_p].view("datetime64[ns]")
    n = take(counts, 0)
    table["incidents"] = n
    table["fatalities"] = take(fsum, 0)
    lp = take(lsum, 0)
    table["low_precision"] = lp
    with np.errstate(divide="ignore", invalid="ignore"):
        table["low_precision_share"] = np.where(n > 0, np.round(lp / np.maximum(n, 1), 6), np.nan)
    table["first_date"] = take(first, _NAT).view("datetime64[ns]")
    table["last_date"] = take(last, _NAT).view("datetime64[ns]")
    for j, col in enumerate(type_cols):
        table[col] = take(tcounts[:, j], 0) if n_g else np.zeros(len(table), dtype=np.int64)
    geometry = np.full(len(table), None, dtype=object)
    geometry[np.flatnonzero(assigned)] = geoms
    out = gpd.GeoDataFrame(table, geometry=gpd.GeoSeries(geometry, crs=4326), crs=4326)
    out.attrs = {"event_types": type_cols}
    return out


# ------------------------------------------------------------------ band polygons
def _band_polygons(frontier: Frontier, edges: tuple[float, ...]) -> dict:
    """{(band index, side): polygon} for the bands and the open band beyond."""
    cor = frontier.corridor(edges, beyond=True)
    band_index = {b: i for i, b in enumerate(dict.fromkeys(cor["band"]))}
    return {
        (band_index[b], side): geom
        for b, side, geom in zip(cor["band"], cor["side"], cor.geometry.values, strict=True)
    }
