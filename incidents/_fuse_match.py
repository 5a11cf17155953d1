"""Candidate pairs and groups of :func:`incidents.fuse` (arrays in, arrays out).

Candidates come from a sort-and-search join (:func:`_near_pairs`), no tree: every
(row, day) anchor -- a report with a date range stands once per day of it, so
"date ranges within ``w`` days" is an exact test -- is sorted by day, a strip of
latitude ``reach`` km high and its longitude; each anchor then searches the
same and adjacent strips, for each day up to ``w`` later, over the longitude
range any point within ``reach`` km can have.  The reach is the largest sum of
radii a pair of radius classes can hold (village points search 10 km, district
points 50 km, coarse reports up to 200 km), so the search stays short where the
points are precise.  The join returns a superset; every pair is then tested
exactly.

Groups are complete-linkage: candidate edges are taken in order of score
(distance / limit + gap / (window + 1) + 0.5 when a type is unknown; ties by
canonical rank) and two groups merge only when *every* pair across them is a
candidate edge.  A chain A~B~C with A and C not
compatible therefore never becomes one group.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from geo.sphere import EARTH_RADIUS_KM as EARTH_KM
from geo.sphere import great_circle_km as haversine_km

#: Cap on the default space window (km): no two reports farther apart match.
MAX_WINDOW_KM = 50.0
#: Radius above which a report is coarse (province, country), whatever its code.
COARSE_KM = 50.0
#: Radius up to which a precision-1 (or uncoded, with a radius) report is village-level.
VILLAGE_KM = 10.0
#: A coarse report corroborated by a village report's fatalities: farthest reach (km).
CORROBORATION_KM = 200.0
#: Date ranges longer than this (days) are too vague to match anything.
MAX_SPAN_DAYS = 31
#: A type corroborates a coarse report only when at most this share of the typed reports
#: are compatible with it (a type nearly every report has says nothing).
MAX_TYPE_SHARE = 0.5
#: A coarse report joins its best-fitting group only when the next best costs this
#: much more (nats; see :func:`_attach_coarse`).
COARSE_MARGIN = 1.0
#: A district-level report stays in its group only when any other group it fits costs
#: this much more (nats; see :func:`_detach_ambiguous`).
DISTRICT_MARGIN = 1.0
#: ``uncertainty_km`` is a 95 % radius: sigma of a 2-D normal error = radius / this.
SIGMA_95 = 2.448
#: Smallest combined sigma (km) in :func:`pair_cost` (coordinates rounded to ~1 km).
MIN_SIGMA_KM = 1.0
#: Cost of one day between two reports' date ranges (nats: most reports of one event
#: carry its date, a minority the day before or after).
GAP_COST = 1.0
#: Cost of types that share some families but not all (nats).
TYPE_COST = 1.0
#: Bonus for the same positive death toll, cost for tolls that do not agree (nats).  The
#: same figure is about e times likelier from two reports of one event than from two
#: events that merely agree (within 2 or 25 %): among province reports that two events
#: fitted within 1 nat at a bonus of 0.5, the event giving the same figure when the other
#: gave a different one was the report's own 35 times in 40 (dev seeds).
FATALITY_BONUS = 1.0
FATALITY_COST = 2.0
#: Absolute difference of death tolls that always agrees (see :func:`fatalities_agree`).
FATALITY_SLACK = 2.0


@dataclass(frozen=True)
class Rows:
    """Per-row inputs of the matcher (all arrays of one length)."""

    lat: np.ndarray
    lon: np.ndarray
    day0: np.ndarray  # float days since epoch, NaN when missing
    day1: np.ndarray
    radius: np.ndarray  # km
    level: np.ndarray  # 1 village, 2 district/near, 3 coarse
    family: np.ndarray  # int64 bit mask
    family_known: np.ndarray
    fine_type: np.ndarray  # type read at sub-event level (see _fuse_taxonomy)
    district: np.ndarray  # code of the district a row was geocoded to, -1 if none
    province: np.ndarray  # code of the province holding the row's point (and side), -1 if none
    fatalities: np.ndarray  # float, NaN unknown
    source: np.ndarray  # int: rows with equal codes never merge
    names_province: np.ndarray  # bool: a coarse row's point stands for its province
    rank: np.ndarray  # canonical order (unique ints)
    frontier: np.ndarray | None = None  # code of a frontier district geocoded to, -1 if none


@dataclass(frozen=True)
class Pairs:
    """Candidate pairs that passed every test (``i`` < ``j`` by row number)."""

    i: np.ndarray
    j: np.ndarray
    km: np.ndarray
    limit_km: np.ndarray
    gap_days: np.ndarray
    corroborated: np.ndarray  # a pair with a coarse report (placed after the others)
    score: np.ndarray
    weak: np.ndarray  # a coarse pair compatible but not corroborated by toll or type
    across: np.ndarray  # beyond the space limit, but two districts meeting at the frontier


def levels(precision: np.ndarray, radius: np.ndarray) -> np.ndarray:
    """1 village, 2 district or "near", 3 province/country (code 3 or a radius over COARSE_KM)."""
    p = np.where(np.isfinite(precision), precision, 1.0)
    lv = np.full(len(p), 2, dtype=np.int8)
    lv[(p <= 1) & (radius <= VILLAGE_KM)] = 1
    lv[(p >= 3) | (radius > COARSE_KM)] = 3
    return lv


def matchable(rows: Rows) -> np.ndarray:
    """Rows that can match at all: located, dated, range of at most MAX_SPAN_DAYS."""
    span = rows.day1 - rows.day0
    return (
        np.isfinite(rows.lat)
        & np.isfinite(rows.lon)
        & np.isfinite(rows.day0)
        & np.isfinite(rows.day1)
        & (span >= 0)
        & (span <= MAX_SPAN_DAYS)
    )


#: Longitude steps of the sort key in :func:`_near_pairs` (2**24: about 2 m).
_LON_STEPS = 1 << 24


def _anchors(sel: np.ndarray, rows: Rows) -> tuple[np.ndarray, np.ndarray]:
    """One (row, day) anchor per day of each row's date range."""
    n = (rows.day1[sel] - rows.day0[sel]).astype(np.int64) + 1
    if len(n) and int(n.max()) == 1:
        return sel, rows.day0[sel].astype(np.int64)
    rep = np.repeat(np.arange(len(sel)), n)
    offs = np.arange(len(rep)) - np.repeat(np.cumsum(n) - n, n)
    return sel[rep], rows.day0[sel][rep].astype(np.int64) + offs


def _lon_window(lat: np.ndarray, reach: float) -> np.ndarray:
    """Largest longitude difference (degrees) of two points within ``reach`` km of each other,
    the first at ``lat``: haversine ``sin(d/2R)**2 >= cos(lat1) cos(lat2) sin(dlon/2)**2``
    with ``lat2`` at most ``reach`` km closer to a pole."""
    h = np.degrees(reach / EARTH_KM)
    c1 = np.cos(np.radians(np.minimum(np.abs(lat), 90.0)))
    c2 = np.cos(np.radians(np.minimum(np.abs(lat) + h, 90.0)))
    with np.errstate(divide="ignore", invalid="ignore"):
        x = np.sin(reach / (2 * EARTH_KM)) / np.sqrt(c1 * c2)
    out = np.degrees(2 * np.arcsin(np.clip(x, 0.0, 1.0)))
    return np.where(np.isfinite(x) & (x < 1), out, 360.0) + 1e-6


def _near_pairs(
    idx: np.ndarray, rows: Rows, window: int, reach: float, other: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Row pairs (``lo`` < ``hi``) that may lie within ``reach`` km and ``window`` days.

    A sort-and-search join, no tree: every (row, day) anchor falls in a strip of
    latitude ``reach`` km high; two points within ``reach`` km lie in the same or
    adjacent strips (a great circle is at least as long as its north-south
    part), and their longitudes differ by at most :func:`_lon_window` of either's
    latitude.  Anchors sorted by (day, strip, longitude) are searched, for each
    day offset up to ``window`` and each adjacent strip, for the longitude range
    around each query anchor (twice near the antimeridian).  The result is a
    superset: the caller tests every pair exactly.
    """
    empty = np.zeros(0, np.int64), np.zeros(0, np.int64)
    a_rows, a_day = _anchors(idx, rows)
    if other is None:
        b_rows, b_day = a_rows, a_day
    else:
        b_rows, b_day = _anchors(other, rows)
    if len(a_rows) == 0 or len(b_rows) == 0:
        return empty
    h = np.degrees(reach / EARTH_KM)  # strip height in degrees of latitude
    n_strips = int(np.ceil(180.0 / h)) + 3

    t0 = int(min(a_day.min(), b_day.min())) - window - 1
    q = float(_LON_STEPS) / 360.0

    def cells(r: np.ndarray, day: np.ndarray) -> tuple[np.ndarray, ...]:
        """Anchors sorted by key (cell, then longitude in 2**24 steps)."""
        st = np.floor((rows.lat[r] + 90.0) / h).astype(np.int64) + 1
        cell = (day - t0) * n_strips + st
        lon = np.clip(((rows.lon[r] + 180.0) * q).astype(np.int64), 0, _LON_STEPS - 1)
        key = cell * _LON_STEPS + lon
        o = np.argsort(key)
        return key[o], cell[o], r[o], st[o], rows.lon[r][o] + 180.0

    kb, _, b_rows, _, _ = cells(b_rows, b_day)
    _, ca, a_rows, a_strip, a_lon = cells(a_rows, a_day)
    # longitude window per strip, from the strip's latitude nearest a pole
    us, s_inv = np.unique(a_strip, return_inverse=True)
    edge = np.maximum(np.abs((us - 1) * h - 90.0), np.abs(us * h - 90.0))
    dlon = _lon_window(np.minimum(edge, 90.0), reach)[s_inv]
    ranges = [(a_lon - dlon, a_lon + dlon, np.ones(len(a_lon), dtype=bool))]
    for shift in (360.0, -360.0):  # the other side of the antimeridian
        wrap = (a_lon - dlon < 0) if shift > 0 else (a_lon + dlon > 360)
        if wrap.any():
            ranges.append((a_lon - dlon + shift, a_lon + dlon + shift, wrap))
    days = range(0, window + 1) if other is None else range(-window, window + 1)
    out_a, out_b = [], []
    for lo_l, hi_l, sel in ranges:
        lo_q = np.clip(np.floor(lo_l * q), 0, _LON_STEPS - 1).astype(np.int64)
        hi_q = np.clip(np.floor(hi_l * q), -1, _LON_STEPS - 1).astype(np.int64)
        hi_q[~sel] = -1
        for dd in days:
            for ds in (-1, 0, 1):
                base = (ca + dd * n_strips + ds) * _LON_STEPS
                lo = np.searchsorted(kb, base + lo_q, side="left")
                hi = np.searchsorted(kb, base + hi_q, side="right")
                cnt = np.maximum(hi - lo, 0)
                tot = int(cnt.sum())
                if tot == 0:
                    continue
                has = np.flatnonzero(cnt)
                cnt = cnt[has]
                start = np.repeat(lo[has] - (np.cumsum(cnt) - cnt), cnt)
                out_a.append(np.repeat(a_rows[has], cnt))
                out_b.append(b_rows[start + np.arange(tot)])
    if not out_a:
        return empty
    a = np.concatenate(out_a)
    b = np.concatenate(out_b)
    keep = a != b
    lo_r, hi_r = np.minimum(a[keep], b[keep]), np.maximum(a[keep], b[keep])
    n1 = len(rows.lat) + 1
    key = _distinct(lo_r.astype(np.int64) * n1 + hi_r)
    return key // n1, key % n1


def _frontier_pairs(
    rows: Rows, ok: np.ndarray, window: int, meet: tuple[np.ndarray, np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """Row pairs (``lo`` < ``hi``) of districts meeting at the frontier within ``window`` days.

    An equi-join on (district of one side, day): each row geocoded to a frontier
    district stands once per day of its date range, per day offset up to
    ``window`` and per district of the other side that its district meets
    (``meet``: pairs of codes); each row of the other side once per day of its
    range.  The caller tests every pair exactly.
    """
    import pandas as pd

    empty = np.zeros(0, np.int64), np.zeros(0, np.int64)
    code = rows.frontier
    if code is None or len(meet[0]) == 0:
        return empty
    sel = ok[code[ok] >= 0]
    if len(sel) < 2:
        return empty
    r, day = _anchors(sel, rows)
    left = pd.DataFrame({"a": r, "code": code[r], "day": day})
    left = left.merge(pd.DataFrame({"code": meet[0], "other": meet[1]}), on="code")
    left = pd.concat([left.assign(day=left["day"] + dd) for dd in range(-window, window + 1)])
    right = pd.DataFrame({"b": r, "other": code[r], "day": day})
    both = left.merge(right, on=["other", "day"])
    a, b = both["a"].to_numpy(np.int64), both["b"].to_numpy(np.int64)
    n1 = len(rows.lat) + 1
    key = _distinct(np.minimum(a, b) * n1 + np.maximum(a, b))
    return key // n1, key % n1


def candidates(
    rows: Rows,
    *,
    window: int,
    space_km: float | None,
    meet: tuple[np.ndarray, np.ndarray] | None = None,
) -> Pairs:
    """Every pair of rows that may be one event (see :func:`incidents.fuse`).

    With the default space window, two reports geocoded to districts that meet
    across the frontier (``rows.frontier`` codes, ``meet`` the meeting pairs of
    codes) are within it however far apart their centres are (``Pairs.across``);
    their cost counts them as at the limit (the sum of their radii, capped).

    Pairs with a coarse report (level 3: province or country) are kept only when
    the death tolls do not contradict each other (:func:`fatalities_agree`); they
    are marked in ``Pairs.corroborated`` and used by :func:`group` only after
    the precise reports have formed their groups.  ``Pairs.weak`` marks those
    that nothing corroborates: neither the same positive toll nor a type that is
    the same kind or a broad type covering it (its families a superset) and
    shared by at most :data:`MAX_TYPE_SHARE` of the typed reports.
    """
    ok = np.flatnonzero(matchable(rows))
    n1 = len(rows.lat) + 1
    is_c = rows.level[ok] == 3
    coarse, rest = ok[is_c], ok[~is_c]
    keys = []
    if space_km is not None:
        i, j = _near_pairs(ok, rows, window, max(float(space_km), 1e-3))
        keys.append(i * n1 + j)
    else:
        # the reach of each class pair is the largest sum of radii it can hold (capped):
        # village points need only a short search, district points a longer one
        small = rows.radius[rest] <= VILLAGE_KM
        parts = [p for p in (rest[small], rest[~small]) if len(p)]
        top = [float(np.max(rows.radius[p])) for p in parts]
        for u in range(len(parts)):
            for v in range(u, len(parts)):
                r = max(min(top[u] + top[v], MAX_WINDOW_KM), 1e-3)
                i, j = _near_pairs(parts[u], rows, window, r, other=None if u == v else parts[v])
                keys.append(i * n1 + j)
        if len(coarse):
            # reach: the largest sum of radii that can occur, at most CORROBORATION_KM
            rc = float(np.max(rows.radius[coarse]))
            rr = float(np.max(rows.radius[rest])) if len(rest) else 0.0
            for other, r in ((rest, rc + rr), (None, 2 * rc)):
                if other is None or len(other):
                    r = max(min(r, CORROBORATION_KM), 1e-3)
                    ci, cj = _near_pairs(coarse, rows, window, r, other=other)
                    keys.append(ci * n1 + cj)
    if space_km is None and meet is not None:
        fi, fj = _frontier_pairs(rows, ok, window, meet)
        keys.append(fi * n1 + fj)
    key = _distinct(np.concatenate(keys)) if keys else np.zeros(0, np.int64)
    i, j = key // n1, key % n1

    km = haversine_km(rows.lat[i], rows.lon[i], rows.lat[j], rows.lon[j])
    gap = np.maximum(0.0, np.maximum(rows.day0[j] - rows.day1[i], rows.day0[i] - rows.day1[j]))
    rsum = rows.radius[i] + rows.radius[j]
    is_coarse = (rows.level[i] == 3) | (rows.level[j] == 3)
    if space_km is not None:
        limit = np.full(len(i), float(space_km))
    else:
        limit = np.where(
            is_coarse, np.minimum(rsum, CORROBORATION_KM), np.minimum(rsum, MAX_WINDOW_KM)
        )
    in_rule, same_province = province_test(rows, i, j)
    across = np.zeros(len(i), dtype=bool)
    if space_km is None and meet is not None and rows.frontier is not None and len(i):
        fa, fb = rows.frontier[i], rows.frontier[j]
        lo, hi = np.minimum(fa, fb), np.maximum(fa, fb)
        k = int(max(meet[0].max(), meet[1].max())) + 1 if len(meet[0]) else 1
        m_lo, m_hi = np.minimum(meet[0], meet[1]), np.maximum(meet[0], meet[1])
        across = (lo >= 0) & np.isin(lo * k + hi, m_lo * k + m_hi) & (km > limit)
    base = (
        ((km <= limit) | across)
        & (gap <= window)
        & ((rows.family[i] & rows.family[j]) != 0)
        & (rows.source[i] != rows.source[j])
        & ~other_districts(rows.district[i], rows.district[j])
        & ~(in_rule & ~same_province)
    )
    # a coarse report never matches on space alone: its type or its toll must speak too
    fat_i, fat_j = rows.fatalities[i], rows.fatalities[j]
    agree = fatalities_agree(fat_i, fat_j)
    tolls = np.isfinite(fat_i) & np.isfinite(fat_j) & (np.fmax(fat_i, fat_j) >= 1) & agree
    fi, fj = rows.family[i], rows.family[j]
    both = rows.family_known[i] & rows.family_known[j]
    # the same kind, or a broad type (event type, UCDP code) and a kind it covers
    # (Battles / Armed clash; UCDP 1 / Air strike) -- two different kinds (a suicide
    # bomb and an air strike) do not corroborate, even when one's families hold the
    # other's -- and the type is telling: at most half of the typed reports share it
    fine_i, fine_j = rows.fine_type[i], rows.fine_type[j]
    covers_j = ~fine_i & ((fi & fj) == fj)
    covers_i = ~fine_j & ((fi & fj) == fi)
    nested = both & ((fi == fj) | covers_i | covers_j)
    telling = _type_share(rows, ok, fi & fj) <= MAX_TYPE_SHARE
    strong = tolls | (nested & telling)
    ok_pair = base & (~is_coarse | agree)
    i, j, km, limit, gap = i[ok_pair], j[ok_pair], km[ok_pair], limit[ok_pair], gap[ok_pair]
    corroborated = is_coarse[ok_pair]
    across = across[ok_pair]
    # a coarse report placed in its named province by a village report is corroborated by
    # the place itself: the province, not a 200 km circle, holds both
    weak = corroborated & ~(strong | (in_rule & same_province))[ok_pair]
    score = pair_cost(rows, i, j, np.where(across, limit, km), gap)
    return Pairs(i, j, km, limit, gap, corroborated, score, weak, across)


def other_districts(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Two reports geocoded to two different districts on one side of the frontier.

    Codes from :func:`incidents.fuse._named_district` (-1: not located by its
    district).  A district-level report's only location is its district, so two
    reports naming two districts of one side describe two events; the two
    sides' districts at one crossing (``side`` differs) may describe one.
    """
    return (a >= 0) & (b >= 0) & (a != b) & ((a % 1024) == (b % 1024))


def province_test(rows: Rows, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(applies, same): whether the province rule speaks on each pair, and if so whether
    both reports are in one province.

    A coarse report (level 3) that is not country-wide names a province: its
    point is that province's centre or capital, so ``province`` (the province
    holding the point) is the province it names, and the event lies inside it.
    The rule speaks on a pair of such a report and a village-level report
    (level 1: its point is within :data:`VILLAGE_KM` of the event, so its
    province is the event's) or another province-level report, when both
    provinces are known and on the same side of the line: reports on the two
    sides are not held against each other (each side names its own end of a
    cross-border clash), nor are district-level reports, whose point may lie
    across a provincial boundary.  Two such reports in two provinces describe
    two events; in one province, the event lies where the coarse report says.
    """
    a, b = rows.province[i], rows.province[j]
    la, lb = rows.level[i], rows.level[j]
    known = (a >= 0) & (b >= 0) & ((a % 1024) == (b % 1024))
    coarse_a = (la == 3) & rows.names_province[i]
    coarse_b = (lb == 3) & rows.names_province[j]
    applies = known & ((coarse_a & ((lb == 1) | coarse_b)) | (coarse_b & (la == 1)))
    return applies, a == b


def _type_share(rows: Rows, ok: np.ndarray, common: np.ndarray) -> np.ndarray:
    """Share of the matchable typed reports whose families meet each ``common`` mask."""
    known = ok[rows.family_known[ok]]
    if len(known) == 0 or len(common) == 0:
        return np.ones(len(common))
    fam, count = np.unique(rows.family[known], return_counts=True)
    masks, inv = np.unique(common, return_inverse=True)
    share = np.array([count[(fam & m) != 0].sum() / len(known) for m in masks.tolist()])
    return share[inv]


def pair_cost(
    rows: Rows, i: np.ndarray, j: np.ndarray, km: np.ndarray, gap: np.ndarray
) -> np.ndarray:
    """How unlikely it is that reports ``i`` and ``j`` describe one event (lower: likelier).

    A negative log-likelihood in nats, summing independent pieces of evidence:

    * **place** — each report's point is read as the true place plus a 2-D normal
      error whose 95 % radius is its ``uncertainty_km`` (sigma = radius / 2.448);
      the offset between the two points then has variance
      ``s**2 = sigma_i**2 + sigma_j**2`` per axis and costs
      ``d**2 / (2 s**2) + log(s**2)``: two precise points 6 km apart are weaker
      evidence than a precise and a district point 6 km apart only by how much
      the district point could wander, not by the ratio to a fixed limit;
    * **date** — :data:`GAP_COST` per day between the two date ranges;
    * **type** — 0 for the same known family set, :data:`TYPE_COST` when the
      types share only some families, half of it when a type is unknown;
    * **fatalities** — :data:`FATALITY_BONUS` off for the same positive figure
      (two reports of no deaths say little), :data:`FATALITY_COST` for figures
      further apart than :func:`fatalities_agree` allows, 0 when either is
      unknown.
    """
    sig2 = (rows.radius[i] / SIGMA_95) ** 2 + (rows.radius[j] / SIGMA_95) ** 2
    sig2 = np.maximum(sig2, MIN_SIGMA_KM**2)
    cost = km**2 / (2 * sig2) + np.log(sig2)
    cost = cost + GAP_COST * gap
    fi, fj = rows.family[i], rows.family[j]
    both = rows.family_known[i] & rows.family_known[j]
    cost = cost + np.where(both, np.where(fi == fj, 0.0, TYPE_COST), TYPE_COST / 2)
    a, b = rows.fatalities[i], rows.fatalities[j]
    known = np.isfinite(a) & np.isfinite(b)
    # the same positive toll: two reports of no deaths say little about the event
    cost = cost - FATALITY_BONUS * (known & (a == b) & (a >= 1))
    cost = cost + FATALITY_COST * (known & ~fatalities_agree(a, b))
    return cost


def fatalities_agree(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Two death tolls that one event's reports could give: within 2, or 25 % of the larger.

    Outlets count at different times and by different rules (ACLED keeps the
    lowest credible figure, UCDP a best estimate), so small differences are the
    rule; a toll several times another is evidence of two events.  Unknown
    figures agree with anything.
    """
    with np.errstate(invalid="ignore"):
        diff = np.abs(a - b)
        ok = diff <= np.maximum(FATALITY_SLACK, 0.25 * np.fmax(a, b))
    return ok | ~(np.isfinite(a) & np.isfinite(b))


def _distinct(x: np.ndarray) -> np.ndarray:
    """Sorted distinct values (sort-based: numpy's hash-based unique is slow on large ints)."""
    x = np.sort(x)
    return x[np.r_[True, x[1:] != x[:-1]]] if len(x) else x


def _inverse(x: np.ndarray) -> np.ndarray:
    """Dense rank of each value (0 .. distinct-1), as ``np.unique(return_inverse=True)``."""
    order = np.argsort(x, kind="stable")
    xs = x[order]
    step = np.r_[0, (xs[1:] != xs[:-1]).astype(np.int64)] if len(x) else xs.astype(np.int64)
    inv = np.empty(len(x), dtype=np.int64)
    inv[order] = np.cumsum(step)
    return inv


def group(
    n: int,
    pairs: Pairs,
    rank: np.ndarray,
    source: np.ndarray,
    *,
    coarse: np.ndarray | None = None,
    district: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Complete-linkage groups.

    Components are first found on the *best* edges only (for each row, its
    closest candidate in each other source); a component in which every pair is
    a candidate (a clique of the full candidate graph) is a group at once, the
    others are split by :func:`_greedy`.  Rows marked in ``district``
    (district-level reports) that fit another group about as well as their own
    then leave it (:func:`_detach_ambiguous`).

    Returns
    -------
    (labels, used)
        A group label per row (canonical: groups numbered 0.. by their first
        member in ``rank`` order) and, per pair, whether it lies inside a group.
    """
    fine = ~pairs.corroborated
    label = _precise_groups(n, _subset(pairs, fine), rank, source)
    if district is not None and district.any():
        label = _detach_ambiguous(label, _subset(pairs, fine), district, margin=DISTRICT_MARGIN)
    if pairs.corroborated.any():
        if coarse is None:
            raise ValueError("group: pairs with coarse reports need the coarse= row mask")
        label = _attach_coarse(label, pairs, rank, source, coarse)
    labels = _inverse(_first_rank(label, rank)[label])
    used = labels[pairs.i] == labels[pairs.j]
    return labels, used


def _subset(pairs: Pairs, keep: np.ndarray) -> Pairs:
    return Pairs(*(getattr(pairs, f)[keep] for f in Pairs.__dataclass_fields__))


def _precise_groups(n: int, pairs: Pairs, rank: np.ndarray, source: np.ndarray) -> np.ndarray:
    """Group labels (not yet canonical) from the pairs without a coarse report."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    m = len(pairs.i)
    if m == 0:
        return np.arange(n, dtype=np.int64)
    best = _best_edges(pairs, rank, source)
    adj = coo_matrix((np.ones(int(best.sum())), (pairs.i[best], pairs.j[best])), shape=(n, n))
    _, comp = connected_components(adj, directed=False)
    size = np.bincount(comp, minlength=comp.max() + 1)
    inside = comp[pairs.i] == comp[pairs.j]
    edges = np.bincount(comp[pairs.i[inside]], minlength=len(size))
    clique = edges == size * (size - 1) // 2
    label = comp.copy()
    messy = inside & ~clique[comp[pairs.i]]
    if messy.any():
        label = _greedy(label, pairs, messy, rank)
    return label.astype(np.int64)


def _attach_coarse(
    label: np.ndarray, pairs: Pairs, rank: np.ndarray, source: np.ndarray, coarse: np.ndarray
) -> np.ndarray:
    """Join coarse reports to the one group that clearly fits each (see :func:`group`).

    A coarse report ``c`` *fits* a group when it is a candidate of every member
    (tolls not contradicting) and no member shares its source; its cost for the
    group is the mean cost of those pairs.  It joins its best group only when
    at least one member corroborates it (a pair not ``weak``), no group it fits
    is cheaper, and no other group it fits *and some member corroborates*
    comes within :data:`COARSE_MARGIN` nats: a province-level report of an
    attack on a day when the province saw two similar attacks belongs to
    neither, but a group tied to it by nothing but the place (which it could
    never join) is no rival of one that its toll or type corroborates.  Coarse
    reports are placed best cost first; a later one joins only if it is a
    candidate of every member already there (so two coarse reports of one
    source never share a group).
    """
    label = label.copy()
    n1 = len(label) + 1
    cp = np.flatnonzero(pairs.corroborated)
    # both directions: (coarse report, other report); a coarse-coarse pair twice
    a = np.concatenate([pairs.i[cp], pairs.j[cp]])
    b = np.concatenate([pairs.j[cp], pairs.i[cp]])
    sc = np.concatenate([pairs.score[cp], pairs.score[cp]])
    weak = np.concatenate([pairs.weak[cp], pairs.weak[cp]])
    keep = coarse[a] & (label[b] != label[a])
    a, b, sc, weak = a[keep], b[keep], sc[keep], weak[keep]
    size = np.bincount(label)
    # (coarse row, group): edges to how many members, their cost, any not weak.
    # Candidates never share a source, so edges to every member = it fits the group.
    g = label[b]
    o = np.lexsort((b, g, a))  # members in row order: the cost sums in a fixed order
    a, b, g, sc, weak = a[o], b[o], g[o], sc[o], weak[o]
    if len(a) == 0:
        return label
    head = np.flatnonzero(np.r_[True, (a[1:] != a[:-1]) | (g[1:] != g[:-1])])
    fa, fg = a[head], g[head]
    cnt = np.diff(np.r_[head, len(a)])
    mean = np.add.reduceat(sc, head) / cnt
    strong = np.logical_or.reduceat(~weak, head)
    fit = cnt == size[fg]
    fa, fg, mean, strong = fa[fit], fg[fit], mean[fit], strong[fit]
    # per coarse row: its best fit (by mean cost, corroborated first, then group), and
    # the next corroborated one -- a group nothing corroborates is never joined, so it
    # is no rival
    o = np.lexsort((fg, ~strong, mean, fa))  # at equal cost a corroborated group first
    fa, fg, mean, strong = fa[o], fg[o], mean[o], strong[o]
    first = np.r_[True, fa[1:] != fa[:-1]] if len(fa) else np.zeros(0, dtype=bool)
    head_of = np.maximum.accumulate(np.where(first, np.arange(len(fa)), 0))
    rival = np.full(len(label), np.inf)  # per coarse row: its cheapest corroborated rival
    later = strong & ~first
    np.minimum.at(rival, fa[later], mean[later])
    gap = rival[fa] - mean[head_of]
    clear = first & strong & (gap >= COARSE_MARGIN)
    pc_, pg, pm = fa[clear], fg[clear], mean[clear]
    plans = sorted(zip(pm.tolist(), rank[pc_].tolist(), pc_.tolist(), pg.tolist(), strict=True))
    # coarse-coarse edges: a coarse report may join a group other coarse reports joined
    both = coarse[pairs.i[cp]] & coarse[pairs.j[cp]]
    lo = np.minimum(pairs.i[cp], pairs.j[cp])[both]
    hi = np.maximum(pairs.i[cp], pairs.j[cp])[both]
    cc_edge = set((lo * n1 + hi).tolist())
    added: dict[int, list[int]] = {}
    gone: set[int] = set()  # groups of one coarse report that has joined another group
    for _, _, c, g_ in plans:
        if label[c] == g_ or size[label[c]] > 1 or g_ in gone:
            continue  # already placed (a coarse report others joined), or the group left
        extra = added.get(g_, [])
        if all(
            (u * n1 + c if u < c else c * n1 + u) in cc_edge and source[u] != source[c]
            for u in extra
        ):
            old = int(label[c])
            size[old] -= 1
            if size[old] == 0:
                gone.add(old)
            label[c] = g_
            size[g_] += 1
            added.setdefault(g_, []).append(c)
    return label


def coarse_events(label: np.ndarray, pairs: Pairs, coarse: np.ndarray) -> np.ndarray:
    """Per row, how many events (groups of ``label``) hold a non-coarse candidate of it.

    Counted for coarse rows only (0 elsewhere): every group with at least one
    village- or district-level report that is a candidate of the coarse report
    (within its reach and the time window, types compatible, tolls not
    contradicting, another source), whether or not the report fits the group as
    a whole.  Two or more such events make a coarse report that joined none
    *ambiguous* (its ``match_reason`` says ``ambiguous_coarse``).
    """
    n = len(label)
    a = np.concatenate([pairs.i, pairs.j])
    b = np.concatenate([pairs.j, pairs.i])
    sel = coarse[a] & ~coarse[b] & (label[a] != label[b])
    key = _distinct(a[sel].astype(np.int64) * (n + 1) + label[b[sel]])
    return np.bincount(key // (n + 1), minlength=n)


def _detach_ambiguous(
    label: np.ndarray, pairs: Pairs, district: np.ndarray, *, margin: float
) -> np.ndarray:
    """District-level reports that fit another group nearly as well as their own leave it.

    A district-level report (about 25 km) between two near-but-distinct events
    of one day is about as close to each; complete linkage puts it with
    whichever it reaches first, and half the time that is the wrong one.  As for
    coarse reports (:func:`_attach_coarse`), a report ``d`` in a group of two or
    more *fits* another group when it is a candidate of every member; its cost
    for a group is the mean cost of its pairs with the members.  ``d`` stays in
    its group only when every other group it fits costs at least ``margin``
    nats more; otherwise it becomes a group of its own (its ``match_reason``
    says two events fit alike).
    """
    if len(pairs.i) == 0:
        return label
    a = np.concatenate([pairs.i, pairs.j])
    b = np.concatenate([pairs.j, pairs.i])
    sc = np.concatenate([pairs.score, pairs.score])
    size = np.bincount(label)
    keep = district[a] & (size[label[a]] > 1)
    a, b, sc = a[keep], b[keep], sc[keep]
    if len(a) == 0:
        return label
    g = label[b]
    o = np.lexsort((b, g, a))
    a, g, sc = a[o], g[o], sc[o]
    head = np.flatnonzero(np.r_[True, (a[1:] != a[:-1]) | (g[1:] != g[:-1])])
    fa, fg = a[head], g[head]
    cnt = np.diff(np.r_[head, len(a)])
    mean = np.add.reduceat(sc, head) / cnt
    own = fg == label[fa]
    fit = np.where(own, cnt == size[fg] - 1, cnt == size[fg])
    rival = fit & ~own
    own_cost = np.full(len(label), np.inf)
    own_cost[fa[own & fit]] = mean[own & fit]
    best_other = np.full(len(label), np.inf)
    np.minimum.at(best_other, fa[rival], mean[rival])
    with np.errstate(invalid="ignore"):  # inf - inf: no other group fits
        leave = np.flatnonzero(best_other - own_cost < margin)
    if len(leave) == 0:
        return label
    label = label.copy()
    label[leave] = int(label.max()) + 1 + np.arange(len(leave))
    return label


def _first_rank(label: np.ndarray, rank: np.ndarray) -> np.ndarray:
    first = np.full(label.max() + 1, np.iinfo(np.int64).max)
    np.minimum.at(first, label, rank)
    return first


def _best_edges(pairs: Pairs, rank: np.ndarray, source: np.ndarray) -> np.ndarray:
    """Edges that are, for at least one end, its best candidate in the other end's source."""
    m = len(pairs.i)
    keep = np.zeros(m, dtype=bool)
    for a, b in ((pairs.i, pairs.j), (pairs.j, pairs.i)):
        key = a.astype(np.int64) * (int(source.max()) + 1) + source[b]
        o = np.lexsort((rank[b], pairs.score, key))
        k = key[o]
        first = np.r_[True, k[1:] != k[:-1]]
        keep[o[first]] = True
    return keep


def _greedy(label: np.ndarray, pairs: Pairs, messy: np.ndarray, rank: np.ndarray) -> np.ndarray:
    """Split non-clique components by greedy average-linkage merging under complete linkage.

    Two groups may merge only when every pair across them is a candidate
    (complete linkage); among the merges allowed, the one with the lowest
    *mean* cost over those pairs goes first (a lazy priority queue: an entry
    whose groups have grown since it was queued is re-queued at the new mean).
    A report weighed against every member of a group, not only its nearest
    one, joins the event the whole group points to: a district-level report
    between two twin events goes to the pair of precise reports that agree
    best with it, not to whichever single report happens to lie closest.
    """
    import heapq

    ei, ej, sc = pairs.i[messy], pairs.j[messy], pairs.score[messy]
    n1 = int(max(ei.max(), ej.max())) + 1
    lo, hi = np.minimum(ei, ej).astype(np.int64), np.maximum(ei, ej).astype(np.int64)
    cost = dict(zip((lo * n1 + hi).tolist(), sc.tolist(), strict=True))
    nodes = _distinct(np.concatenate([ei, ej]))
    label = label.copy()
    fresh = int(label.max()) + 1
    group_of = dict(zip(nodes.tolist(), range(fresh, fresh + len(nodes)), strict=True))
    members: dict[int, list[int]] = {g: [v] for v, g in group_of.items()}
    ri, rj = rank[ei], rank[ej]
    r0, r1 = np.minimum(ri, rj), np.maximum(ri, rj)
    # the queue: the edges sorted once (by cost, then canonical rank), merged with a heap
    # of the entries re-queued at a new mean -- the same order as one heap of everything
    o = np.lexsort((ej, ei, r1, r0, sc))
    queue = list(
        zip(
            sc[o].tolist(),
            r0[o].tolist(),
            r1[o].tolist(),
            ei[o].tolist(),
            ej[o].tolist(),
            strict=True,
        )
    )
    heap: list[tuple[float, int, int, int, int]] = []
    k, m = 0, len(queue)
    while k < m or heap:
        if heap and (k >= m or heap[0] < queue[k]):
            c, r0_, r1_, a, b = heapq.heappop(heap)
        else:
            c, r0_, r1_, a, b = queue[k]
            k += 1
        ga, gb = group_of[a], group_of[b]
        if ga == gb:
            continue
        ma, mb = members[ga], members[gb]
        if len(ma) > 1 or len(mb) > 1:
            across = [cost.get(u * n1 + v if u < v else v * n1 + u) for u in ma for v in mb]
            if None in across:
                continue  # not every pair across is a candidate: never (groups only grow)
            mean = sum(across) / len(across)  # type: ignore[arg-type]
            if mean > c + 1e-9:
                heapq.heappush(heap, (mean, r0_, r1_, a, b))
                continue
        keep, drop = (ga, gb) if len(ma) >= len(mb) else (gb, ga)
        moved = members.pop(drop)
        members[keep].extend(moved)
        for u in moved:
            group_of[u] = keep
    _refine(members, group_of, cost, n1, ei, ej, rank)
    label[nodes] = np.fromiter((group_of[v] for v in nodes.tolist()), np.int64, len(nodes))
    return label


#: Worth of one pair inside a group (nats), set against its cost in :func:`_refine`:
#: about the cost of two district-level points 30 km apart a day apart.
PAIR_WORTH = 9.0
#: Most passes of :func:`_refine` over the reports (it stops earlier when nothing moves).
MAX_PASSES = 20


def _refine(
    members: dict[int, list[int]],
    group_of: dict[int, int],
    cost: dict[int, float],
    n1: int,
    ei: np.ndarray,
    ej: np.ndarray,
    rank: np.ndarray,
) -> None:
    """Move or swap single reports between groups while that raises the groups' worth.

    Greedy merging takes the cheapest pair first: when a report pairs a little
    better with a report of a *neighbouring* event than with its own event's,
    it takes that report's place and strands its own event's report (same
    source: one group cannot hold both).  The worth of a grouping is the sum,
    over the pairs inside its groups, of :data:`PAIR_WORTH` less the pair's
    cost.  A report ``x`` moves to another group when it is a candidate of
    every member there (so it shares no source with them), or trades places
    with one member ``y`` of that group (``y`` then fits ``x``'s group without
    ``x``), whenever the worth rises (a report never just leaves: that would
    trade recall for precision).  Every group stays complete-linkage.  Reports
    are visited in canonical order and passes repeat until nothing moves (the
    worth rises with every move, so this ends): the result does not depend on
    row order.
    """
    import math

    rk = rank.tolist()
    adj: dict[int, list[int]] = {}
    for a, b in zip(ei.tolist(), ej.tolist(), strict=True):
        adj.setdefault(a, []).append(b)
        adj.setdefault(b, []).append(a)

    def r(v: int) -> int:
        return int(rk[v])

    for v in adj:  # canonical order: ties go the same way whatever the row order
        adj[v].sort(key=r)
    nodes = sorted(adj, key=r)

    def worth(x: int, g: list[int], skip: int = -1) -> float | None:
        """Worth of ``x``'s pairs with the members of ``g`` but ``skip`` (None: no fit)."""
        parts = []
        for u in g:
            if u in (skip, x):
                continue
            k = cost.get(u * n1 + x if u < x else x * n1 + u)
            if k is None:
                return None
            parts.append(PAIR_WORTH - k)
        return math.fsum(parts)  # exact: the same whatever the members' order

    todo = nodes
    for _ in range(MAX_PASSES):
        changed: set[int] = set()
        for x in todo:
            gx = group_of[x]
            here: float | None = None
            best, plan = 1e-9, None
            seen: set[int] = {gx}
            for nb in adj[x]:
                h = group_of[nb]
                if h in seen:
                    continue
                seen.add(h)
                mh = members[h]
                # members x is no candidate of: two or more, and x cannot join or trade
                miss = [u for u in mh if (u * n1 + x if u < x else x * n1 + u) not in cost]
                if len(miss) > 1:
                    continue
                if here is None:
                    here = worth(x, members[gx]) or 0.0
                if not miss:
                    w = worth(x, mh)
                    if w is not None and w - here > best:
                        best, plan = w - here, (h, -1)
                for y in sorted(miss or mh, key=r):  # trade places with y
                    wx = worth(x, mh, y)
                    if wx is None:
                        continue
                    wy = worth(y, members[gx], x)
                    if wy is None:
                        continue
                    d = wx + wy - here - (worth(y, mh) or 0.0)
                    if d > best:
                        best, plan = d, (h, y)
            if plan is None:
                continue
            h, y = plan
            members[gx].remove(x)
            members[h].append(x)
            group_of[x] = h
            if y >= 0:
                members[h].remove(y)
                members[gx].append(y)
                group_of[y] = gx
            changed.update((gx, h))
        if not changed:
            break
        # only reports in or next to a changed group can have a new move
        near = {u for g in changed for u in members.get(g, ())}
        near |= {v for u in list(near) for v in adj[u]}
        todo = sorted(near, key=r)
