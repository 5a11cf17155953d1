"""Counting: rows -> (unit, period) cells -> one output row per cell."""

from __future__ import annotations

import re

import geopandas as gpd
import numpy as np
import pandas as pd

from incidents.aggregate._unit import Unit, numeric

#: ``unit`` of the row holding incidents too coarse for the level.
UNASSIGNED = "unassigned"
NAT = np.iinfo(np.int64).min
_NAT = NAT


def reduce(
    df: pd.DataFrame, located: np.ndarray, key: np.ndarray, level: Unit, period: str | None
) -> gpd.GeoDataFrame:
    """Count located rows per (unit key, period); see the package docstring."""
    rows = np.flatnonzero(located)
    k = key[rows]
    template = np.asarray(level.template, dtype=np.int64)
    all_keys, pos = unit_positions(template, k)
    n_units = len(all_keys)

    dates = pd.to_datetime(df["date"], errors="coerce") if "date" in df else None
    d_ns = (
        np.full(len(rows), _NAT, dtype=np.int64)
        if dates is None
        else dates.to_numpy(dtype="datetime64[ns]")[rows].astype(np.int64)
    )
    if period is not None:
        p_ns = period_start(d_ns.view("datetime64[ns]"), period).astype(np.int64)
        # NaT (int64 min) sorts first; keep it last instead
        p_code, p_vals = _sorted_codes(np.where(p_ns == _NAT, np.iinfo(np.int64).max, p_ns))
        p_vals = np.where(p_vals == np.iinfo(np.int64).max, _NAT, p_vals)
    else:
        p_vals, p_code = np.array([_NAT], dtype=np.int64), np.zeros(len(rows), dtype=np.int64)
    n_p = len(p_vals)
    cell = pos * n_p + p_code

    group, cells = _sorted_codes(cell)
    n_g = len(cells)

    fat = numeric(df, "fatalities", 0.0)[rows]
    fat = np.where(np.isfinite(fat), fat, 0.0)
    prec = numeric(df, "geo_precision", 1.0)[rows]
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
    names: list[str | None] = [*sorted({c for c in clean if c is not None})]
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
    attrs = level.describe(all_keys[u_pos])
    geoms = level.geometry(all_keys[u_pos])
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


def unit_positions(template: np.ndarray, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The units of an aggregate, in its order, and each row's position among them.

    Units are the template first, then other observed keys (``keys >= 0``) in key
    order.  The position of a row with key -1 (unassigned) is ``len(units)``.
    """
    template = np.asarray(template, dtype=np.int64)
    keys = np.asarray(keys, dtype=np.int64)
    extra = np.setdiff1d(pd.unique(keys[keys >= 0]), template)
    all_keys = np.concatenate([template, extra])
    n_units = len(all_keys)
    pos = np.full(len(keys), n_units, dtype=np.int64)
    if n_units:
        hit = keys >= 0
        top = int(all_keys.max())
        if top < 4 * len(keys) + 65536:  # small keys (all but hexagons): a direct look-up
            where = np.zeros(top + 1, dtype=np.int64)
            where[all_keys] = np.arange(n_units)
            pos[hit] = where[keys[hit]]
        else:
            sorter = np.argsort(all_keys, kind="stable")
            pos[hit] = sorter[np.searchsorted(all_keys, keys[hit], sorter=sorter)]
    return all_keys, pos


def period_start(dates: np.ndarray, freq: str) -> np.ndarray:
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
