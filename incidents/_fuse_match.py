"""Candidate pairs and groups of :func:`incidents.fuse` (arrays in, arrays out).

Candidates come from one k-d tree over four coordinates: the point as a 3-D
vector on a sphere of the Earth's mean radius (km) and the day, scaled so that
the Chebyshev ball of radius ``reach`` km holds exactly the days within the
time window.  A report with a date range stands in the tree once per day of its
range, so "date ranges within ``w`` days" is an exact test.  The tree returns a
superset (chord <= arc, box >= ball); every pair is then tested exactly.

Groups are complete-linkage: candidate edges are taken in order of score
(closest first; ties by canonical rank) and two groups merge only when *every*
pair across them is a candidate edge.  A chain A~B~C with A and C not
compatible therefore never becomes one group.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

EARTH_KM = 6371.0088
#: Cap on the default space window (km): no two reports farther apart match.
MAX_WINDOW_KM = 50.0
#: Radius above which a report is coarse (province, country), whatever its code.
COARSE_KM = 50.0
#: Radius up to which a precision-1 (or uncoded) report is village-level.
VILLAGE_KM = 10.0
#: A coarse report corroborated by a village report's fatalities: farthest reach (km).
CORROBORATION_KM = 200.0
#: Date ranges longer than this (days) are too vague to match anything.
MAX_SPAN_DAYS = 31


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
    fatalities: np.ndarray  # float, NaN unknown
    source: np.ndarray  # int: rows with equal codes never merge
    rank: np.ndarray  # canonical order (unique ints)


@dataclass(frozen=True)
class Pairs:
    """Candidate pairs that passed every test (``i`` < ``j`` by row number)."""

    i: np.ndarray
    j: np.ndarray
    km: np.ndarray
    limit_km: np.ndarray
    gap_days: np.ndarray
    corroborated: np.ndarray
    score: np.ndarray


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


def _xyz(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    la, lo = np.radians(lat), np.radians(lon)
    c = np.cos(la)
    return np.column_stack([c * np.cos(lo), c * np.sin(lo), np.sin(la)]) * EARTH_KM


def haversine_km(lat1, lon1, lat2, lon2) -> np.ndarray:  # type: ignore[no-untyped-def]
    p1, p2 = np.radians(lat1), np.radians(lat2)
    a = (
        np.sin((p2 - p1) / 2) ** 2
        + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def _tree_pairs(
    idx: np.ndarray, rows: Rows, window: int, reach: float, other: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Row pairs (a, b) within ``reach`` km (box) and ``window`` days, from day anchors."""

    def anchors(sel: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        d0 = rows.day0[sel].astype(np.int64)
        n = (rows.day1[sel] - rows.day0[sel]).astype(np.int64) + 1
        rep = np.repeat(np.arange(len(sel)), n)
        offs = np.arange(len(rep)) - np.repeat(np.cumsum(n) - n, n)
        scale = reach / (window + 0.5)
        pts = np.column_stack(
            [_xyz(rows.lat[sel][rep], rows.lon[sel][rep]), (d0[rep] + offs - d0.min()) * scale]
        ) if len(sel) else np.zeros((0, 4))
        return sel[rep], pts

    a_rows, a_pts = anchors(idx)
    if len(a_rows) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    if other is None:
        tree = cKDTree(a_pts, balanced_tree=False, compact_nodes=False)
        pp = tree.query_pairs(reach, p=np.inf, output_type="ndarray")
        a, b = a_rows[pp[:, 0]], a_rows[pp[:, 1]]
    else:
        b_rows, b_pts = anchors(other)
        if len(b_rows) == 0:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        # same day origin for both sets
        t0 = min(rows.day0[idx].min(), rows.day0[other].min())
        scale = reach / (window + 0.5)
        a_pts[:, 3] += (rows.day0[idx].min() - t0) * scale
        b_pts[:, 3] += (rows.day0[other].min() - t0) * scale
        ta = cKDTree(a_pts, balanced_tree=False, compact_nodes=False)
        tb = cKDTree(b_pts, balanced_tree=False, compact_nodes=False)
        sm = ta.sparse_distance_matrix(tb, reach, p=np.inf, output_type="ndarray")
        a, b = a_rows[sm["i"]], b_rows[sm["j"]]
    keep = a != b
    lo, hi = np.minimum(a[keep], b[keep]), np.maximum(a[keep], b[keep])
    key = np.unique(lo.astype(np.int64) * (len(rows.lat) + 1) + hi)
    return key // (len(rows.lat) + 1), key % (len(rows.lat) + 1)


def candidates(rows: Rows, *, window: int, space_km: float | None) -> Pairs:
    """Every pair of rows that may be one event (see :func:`incidents.fuse`)."""
    ok = np.flatnonzero(matchable(rows))
    n1 = len(rows.lat) + 1
    reach = float(space_km) if space_km is not None else MAX_WINDOW_KM
    i, j = _tree_pairs(ok, rows, window, max(reach, 1e-6))
    coarse = ok[rows.level[ok] == 3]
    finer = ok[rows.level[ok] < 3]
    if space_km is None and len(coarse) and len(finer):
        ci, cj = _tree_pairs(coarse, rows, window, CORROBORATION_KM, other=finer)
        key = np.unique(np.concatenate([i * n1 + j, ci * n1 + cj]))
        i, j = key // n1, key % n1

    km = haversine_km(rows.lat[i], rows.lon[i], rows.lat[j], rows.lon[j])
    gap = np.maximum(0.0, np.maximum(rows.day0[j] - rows.day1[i], rows.day0[i] - rows.day1[j]))
    rsum = rows.radius[i] + rows.radius[j]
    lv_i, lv_j = rows.level[i], rows.level[j]
    with_coarse = (lv_i == 3) | (lv_j == 3)
    if space_km is not None:
        limit = np.full(len(i), float(space_km))
    else:
        # a coarse report reaches as far as the two radii say (up to CORROBORATION_KM)
        limit = np.where(
            with_coarse & (lv_i + lv_j >= 5),
            np.minimum(rsum, CORROBORATION_KM),
            np.minimum(rsum, MAX_WINDOW_KM),
        )
    coarse_fine = ((lv_i == 3) & (lv_j == 1)) | ((lv_i == 1) & (lv_j == 3))
    limit = np.where(coarse_fine, np.minimum(rsum, CORROBORATION_KM), limit)
    base = (
        (km <= limit)
        & (gap <= window)
        & ((rows.family[i] & rows.family[j]) != 0)
        & (rows.source[i] != rows.source[j])
    )
    # coarse vs village: never on space alone; corroborated by equal fatalities, or by
    # being each other's only candidate of the other's source
    fat_i, fat_j = rows.fatalities[i], rows.fatalities[j]
    same_fat = (fat_i >= 1) & (fat_i == fat_j)
    cf = base & coarse_fine
    c_row = np.where(lv_i == 3, i, j)
    v_row = np.where(lv_i == 3, j, i)
    k1 = pd_counts(c_row[cf] * n1 + rows.source[v_row[cf]])
    k2 = pd_counts(v_row[cf] * n1 + rows.source[c_row[cf]])
    unique = np.zeros(len(i), dtype=bool)
    unique[cf] = (k1 == 1) & (k2 == 1)
    corroborated = coarse_fine & (same_fat | unique)
    ok_pair = base & (~coarse_fine | corroborated)
    i, j, km, limit, gap = i[ok_pair], j[ok_pair], km[ok_pair], limit[ok_pair], gap[ok_pair]
    corroborated = corroborated[ok_pair]
    unknown = ~(rows.family_known[i] & rows.family_known[j])
    score = km / np.maximum(limit, 1e-9) + gap / (window + 1.0) + 0.5 * unknown
    return Pairs(i, j, km, limit, gap, corroborated, score)


def pd_counts(keys: np.ndarray) -> np.ndarray:
    """How often each element's value occurs in ``keys``."""
    if len(keys) == 0:
        return np.zeros(0, dtype=np.int64)
    _, inv, cnt = np.unique(keys, return_inverse=True, return_counts=True)
    return cnt[inv]


def group(n: int, pairs: Pairs, rank: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Complete-linkage groups.

    Returns
    -------
    (labels, used)
        A group label per row (canonical: groups numbered 0.. by their first
        member in ``rank`` order) and, per pair, whether it lies inside a group.
    """
    m = len(pairs.i)
    if m == 0:
        labels = np.argsort(np.argsort(rank, kind="stable"), kind="stable")
        return labels, np.zeros(0, dtype=bool)
    adj = coo_matrix((np.ones(m), (pairs.i, pairs.j)), shape=(n, n))
    _, comp = connected_components(adj, directed=False)
    size = np.bincount(comp, minlength=comp.max() + 1)
    edges = np.bincount(comp[pairs.i], minlength=len(size))
    clique = edges == size * (size - 1) // 2
    label = comp.copy()
    messy = ~clique[comp[pairs.i]]
    if messy.any():
        label = _greedy(label, pairs, messy, rank)
    # canonical numbering: by the smallest rank in each group
    first = np.full(label.max() + 1, np.iinfo(np.int64).max)
    np.minimum.at(first, label, rank)
    order = np.argsort(first, kind="stable")
    renum = np.empty_like(order)
    renum[order] = np.arange(len(order))
    labels = renum[label]
    labels = np.unique(labels, return_inverse=True)[1]
    used = labels[pairs.i] == labels[pairs.j]
    return labels, used


def _greedy(label: np.ndarray, pairs: Pairs, messy: np.ndarray, rank: np.ndarray) -> np.ndarray:
    """Split non-clique components by greedy complete-linkage merging."""
    ei, ej, sc = pairs.i[messy], pairs.j[messy], pairs.score[messy]
    ri, rj = rank[ei], rank[ej]
    order = np.lexsort((np.maximum(ri, rj), np.minimum(ri, rj), sc))
    ei, ej = ei[order], ej[order]
    edge = set(zip(ei.tolist(), ej.tolist(), strict=True))
    edge |= {(b, a) for a, b in edge}
    label = label.copy()
    nodes = np.unique(np.concatenate([ei, ej]))
    fresh = label.max() + 1
    label[nodes] = fresh + np.arange(len(nodes))  # every node of a messy component alone
    members: dict[int, list[int]] = {int(label[v]): [int(v)] for v in nodes}
    for a, b in zip(ei.tolist(), ej.tolist(), strict=True):
        ga, gb = int(label[a]), int(label[b])
        if ga == gb:
            continue
        ma, mb = members[ga], members[gb]
        if all((u, v) in edge for u in ma for v in mb):
            keep, drop = (ga, gb) if len(ma) >= len(mb) else (gb, ga)
            members[keep].extend(members.pop(drop))
            label[members[keep]] = keep
    return label
