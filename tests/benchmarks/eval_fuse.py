"""Evaluation of :func:`incidents.fuse` on synthetic data with known truth, with its ceiling.

Run with ``python tests/benchmarks/eval_fuse.py [--seeds 7 11 23 42 101] [--events 3000]
[--scenarios mixed ...] [--misses]``.  ``--misses`` also prints, per scenario over its seeds,
the missed true pairs by the precision levels of their two reports (1 village, 2 district,
3 province/country) and by why they were missed (:func:`miss_reasons`).

For every scenario and seed: pairwise precision and recall (:func:`pairwise_scores`),
near-distinct twins kept apart, and **recall over distinguishable pairs**.

A true pair (two reports of one event) is *indistinguishable* when, for one of its
two reports ``a``, some report ``c`` of *another* event, from a source other than
``a``'s, is at least as compatible with ``a`` as ``a``'s true partner ``b`` by every
field a row carries, as the matcher reads it (:func:`incidents.fuse._rows`):

* distance relative to the radii: ``km(a, c) / (r_a + r_c) <= km(a, b) / (r_a + r_b)``;
* date gap between the date ranges: ``gap(a, c) <= gap(a, b)``;
* types: same known families < a type unknown < families shared in part < none shared
  (``c`` at the same level or better);
* death tolls: the same figure < unknown or agreeing < contradicting;
* place codes: ``(a, c)`` not ruled out by the province or district rule unless
  ``(a, b)`` is too.

Then no rule reading those fields can join ``a`` with ``b`` without having the same
grounds to join ``a`` with ``c`` (a wrong pair), so the pair is beyond what any rule
can recover without paying in precision.  Recall over distinguishable pairs counts
only the true pairs that are not indistinguishable (found or missed alike); it is a
measurement of the ceiling, not a change of the target: both are printed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from incidents._fuse_inputs import prepare
from incidents._fuse_match import (
    COARSE_MARGIN,
    CORROBORATION_KM,
    DISTRICT_MARGIN,
    MAX_WINDOW_KM,
    Rows,
    _detach_ambiguous,
    _precise_groups,
    _subset,
    candidates,
    coarse_events,
    fatalities_agree,
    group,
    haversine_km,
    other_districts,
    province_test,
)
from incidents._fuse_synth import (
    SCENARIOS,
    near_distinct_kept_apart,
    pairwise_scores,
    synthetic_sources,
)
from incidents._fuse_taxonomy import load_taxonomy
from incidents.fuse import _concat, _rows, fuse


def _levels(rows: Rows, a: int, x: np.ndarray) -> tuple[np.ndarray, ...]:
    """Compatibility of row ``a`` with rows ``x``, field by field (lower: more compatible)."""
    km = haversine_km(rows.lat[a], rows.lon[a], rows.lat[x], rows.lon[x])
    rel = km / np.maximum(rows.radius[a] + rows.radius[x], 1e-9)
    gap = np.maximum(0.0, np.maximum(rows.day0[x] - rows.day1[a], rows.day0[a] - rows.day1[x]))
    fa, fx = rows.family[a], rows.family[x]
    known = rows.family_known[a] & rows.family_known[x]
    typ = np.where(~known, 1, np.where(fa == fx, 0, np.where((fa & fx) != 0, 2, 3))).astype(np.int8)
    ta, tx = np.full(len(x), rows.fatalities[a]), rows.fatalities[x]
    both = np.isfinite(ta) & np.isfinite(tx)
    toll = np.where(both & (ta == tx), 0, np.where(fatalities_agree(ta, tx), 1, 2))
    ai = np.full(len(x), a)
    applies, same = province_test(rows, ai, x)
    barred = (applies & ~same) | other_districts(rows.district[ai], rows.district[x])
    return rel, gap, typ, toll, barred


def indistinguishable(rows: Rows, truth: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Per true pair ``(i[k], j[k])``: another event's report is as compatible (module doc)."""
    out = np.zeros(len(i), dtype=bool)
    ok = np.flatnonzero(np.isfinite(rows.lat) & np.isfinite(rows.day0))
    order = ok[np.argsort(rows.day0[ok], kind="stable")]
    day_sorted = rows.day0[order]
    for a, b, k in [(i, j, np.arange(len(i))), (j, i, np.arange(len(i)))]:
        for u in np.unique(a):
            sel = k[a == u]
            if not np.isfinite(rows.lat[u]) or not np.isfinite(rows.day0[u]):
                continue
            # others within the largest date gap any of u's true partners has (+ ranges)
            own = _levels(rows, int(u), b[sel])
            reach = float(np.nanmax(own[1])) if len(sel) else 0.0
            if not np.isfinite(reach):
                reach = 0.0
            lo = np.searchsorted(day_sorted, rows.day0[u] - reach - 40, side="left")
            hi = np.searchsorted(day_sorted, rows.day1[u] + reach + 1, side="right")
            c = order[lo:hi]
            c = c[(truth[c] != truth[u]) & (rows.source[c] != rows.source[u])]
            if len(c) == 0:
                continue
            rel, gap, typ, toll, barred = _levels(rows, int(u), c)
            for s, (r0, g0, t0, f0, b0) in zip(sel, zip(*own, strict=True), strict=True):
                if out[s]:
                    continue
                alt = (rel <= r0) & (gap <= g0) & (typ <= t0) & (toll <= f0) & (~barred | b0)
                out[s] = bool(alt.any())
    return out


def _true_pairs(truth: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    o = np.argsort(truth, kind="stable")
    t = truth[o]
    head = np.flatnonzero(np.r_[True, t[1:] != t[:-1]])
    size = np.diff(np.r_[head, len(t)])
    ii, jj = [], []
    for h, s in zip(head[size > 1], size[size > 1], strict=True):
        m = o[h : h + s]
        a, b = np.triu_indices(s, 1)
        ii.append(m[a])
        jj.append(m[b])
    if not ii:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(ii), np.concatenate(jj)


def _coarse_fits(
    label: np.ndarray, pairs, coarse: np.ndarray
) -> dict[int, list[tuple[float, bool, int]]]:
    """Per coarse row: the groups of ``label`` it fits as a whole (a candidate of every
    member), as (mean cost, corroborated by some member, group), cheapest first."""
    cp = np.flatnonzero(pairs.corroborated)
    a = np.concatenate([pairs.i[cp], pairs.j[cp]])
    b = np.concatenate([pairs.j[cp], pairs.i[cp]])
    sc = np.concatenate([pairs.score[cp], pairs.score[cp]])
    weak = np.concatenate([pairs.weak[cp], pairs.weak[cp]])
    keep = coarse[a] & ~coarse[b]
    size = np.bincount(label)
    acc: dict[tuple[int, int], list[tuple[float, bool]]] = {}
    for x, y, c, w in zip(a[keep].tolist(), b[keep].tolist(), sc[keep], weak[keep], strict=True):
        acc.setdefault((x, int(label[y])), []).append((float(c), not w))
    out: dict[int, list[tuple[float, bool, int]]] = {}
    for (x, g), v in acc.items():
        if len(v) == size[g]:
            mean = float(np.mean([c for c, _ in v]))
            out.setdefault(x, []).append((mean, any(s for _, s in v), g))
    for v in out.values():
        v.sort()
    return out


def _no_candidate_why(rows: Rows, a: int, b: int, window: int, coarse: np.ndarray) -> str:
    """The first test a true pair that is no candidate fails (:func:`miss_reasons`)."""
    km = float(haversine_km(rows.lat[a], rows.lon[a], rows.lat[b], rows.lon[b]))
    gap = max(0.0, rows.day0[b] - rows.day1[a], rows.day0[a] - rows.day1[b])
    cap = CORROBORATION_KM if coarse[a] or coarse[b] else MAX_WINDOW_KM
    limit = min(rows.radius[a] + rows.radius[b], cap)
    applies, same = province_test(rows, np.array([a]), np.array([b]))
    if rows.source[a] == rows.source[b]:
        return "no candidate: same source"
    if not gap <= window:
        ranged = rows.day1[a] > rows.day0[a] or rows.day1[b] > rows.day0[b]
        return "no candidate: dates, " + (
            "a date range falls short" if ranged else f"one-day reports {int(gap)} days apart"
        )
    if rows.family[a] & rows.family[b] == 0:
        return "no candidate: types share no family (taxonomy)"
    if km > limit:
        x = km / max(limit, 1e-9)
        band = "x1.0-1.25" if x <= 1.25 else ("x1.25-1.5" if x <= 1.5 else "over x1.5")
        return f"no candidate: distance beyond the sum of radii ({band})"
    if applies[0] and not same[0]:
        return "no candidate: province rule (village point outside the named province)"
    if other_districts(rows.district[[a]], rows.district[[b]])[0]:
        return "no candidate: two named districts of one side"
    return "no candidate: coarse pair, tolls contradict"


def miss_reasons(frames: list, *, window: int = 1) -> list[tuple[str, str, bool]]:
    """Per missed true pair: (precision levels, why, indistinguishable).

    Why, for a pair that is no candidate: the first test it fails (same source;
    dates, told apart into one-day reports some days apart -- one source's day
    against another's -- and date ranges that fall short; types; distance
    beyond the sum of radii, by how far; province rule; two named districts;
    tolls of a coarse pair), and whether a third report of the event is a
    candidate of both (``via a report of the event``: only a chain through it
    would join them).  For a candidate pair split in the end: a coarse report
    left alone with two or more fitting events (the true one best but the next
    within the margin, another one best, or the true one not fitting as a whole),
    or with one it is not corroborated by; a coarse report in another event's
    group; a district-level report that left its group because another fits
    about as well; a report of another event holding the place of one of the two
    (same source); else the group windows (complete linkage: some pair across the
    two groups is no candidate, by the test it fails).
    """
    table = _concat(prepare(tuple(frames), [f.attrs["source_name"] for f in frames]))
    rows = _rows(table, tuple(frames), load_taxonomy(None), within_source=False)
    truth = table["true_event"].to_numpy()
    pairs = candidates(rows, window=window, space_km=None)
    coarse, district = rows.level == 3, rows.level == 2
    labels, _ = group(len(table), pairs, rows.rank, rows.source, coarse=coarse, district=district)
    fine = ~pairs.corroborated
    before = _precise_groups(len(table), _subset(pairs, fine), rows.rank, rows.source)
    fine_labels = _detach_ambiguous(before, _subset(pairs, fine), district, margin=DISTRICT_MARGIN)
    fits = _coarse_fits(fine_labels, pairs, coarse)
    before_size = np.bincount(before)
    size = np.bincount(labels)
    events = coarse_events(labels, pairs, coarse)
    n1 = len(table) + 1
    is_pair = set((pairs.i * n1 + pairs.j).tolist())

    def cand(x: int, y: int) -> bool:
        return (min(x, y) * n1 + max(x, y)) in is_pair

    members: dict[int, np.ndarray] = {}
    i, j = _true_pairs(truth)
    miss = labels[i] != labels[j]
    hard = indistinguishable(rows, truth, i[miss], j[miss])
    out = []
    for a, b, h in zip(i[miss].tolist(), j[miss].tolist(), hard.tolist(), strict=True):
        a, b = min(a, b), max(a, b)
        lv = "-".join(str(v) for v in sorted((int(rows.level[a]), int(rows.level[b]))))
        if not cand(a, b):
            why = _no_candidate_why(rows, a, b, window, coarse)
            if truth[a] not in members:
                members[truth[a]] = np.flatnonzero(truth == truth[a])
            if any(cand(a, m) and cand(b, m) for m in members[truth[a]] if m not in (a, b)):
                why += ", via a report of the event"
        else:
            c = [x for x in (a, b) if coarse[x]]
            lone_c = [x for x in c if size[labels[x]] == 1]
            # a district-level report alone in the end that was in a group before the
            # detaching step (whether or not with the other report of the pair)
            d_left = [
                x
                for x in (a, b)
                if district[x] and size[labels[x]] == 1 and before_size[before[x]] > 1
            ]
            held = any(
                np.any(
                    (labels == labels[x]) & (rows.source == rows.source[y]) & (truth != truth[y])
                )
                for x, y in ((a, b), (b, a))
            )
            if lone_c:
                x = lone_c[0]
                f = fits.get(x, [])
                true_g = [
                    k for k, v in enumerate(f) if (truth[fine_labels == v[2]] == truth[x]).any()
                ]
                if events[x] >= 2:
                    if not true_g:
                        why = "coarse alone, ambiguous: its event does not fit it as a whole"
                    elif not f[true_g[0]][1]:
                        why = "coarse alone, ambiguous: its event fits, nothing corroborates it"
                    elif true_g[0] == 0:
                        why = (
                            "coarse alone, ambiguous: its event fits best, another "
                            f"corroborated one within {COARSE_MARGIN} nat"
                        )
                    else:
                        why = "coarse alone, ambiguous: another event fits it better"
                else:
                    why = "coarse alone: not corroborated"
            elif c:
                why = "coarse report in another group"
            elif d_left:
                why = f"district report left its group (another fits within {DISTRICT_MARGIN} nat)"
            elif held:
                why = "a report of another event holds its place"
            else:
                ga = np.flatnonzero(labels == labels[a])
                gb = np.flatnonzero(labels == labels[b])
                fails = sorted(
                    {
                        _no_candidate_why(rows, x, y, window, coarse)
                        .split(", ")[0]
                        .removeprefix("no candidate: ")
                        .split(" (")[0]
                        for x in ga.tolist()
                        for y in gb.tolist()
                        if not cand(x, y)
                    }
                )
                why = "group windows (complete linkage): " + " & ".join(fails)
        out.append((lv, why, bool(h)))
    return out


def evaluate(frames: list, *, ceiling: bool = True) -> dict[str, float]:
    """Scores of ``fuse(*frames)`` against ``true_event``, with the ceiling measure."""
    out = fuse(*frames, keep="all")
    rep = out[out["row_kind"] == "report"]
    group = rep["event_group"].to_numpy()
    truth = rep["true_event"].to_numpy()
    s = pairwise_scores(group, truth)
    partner = {
        int(a): int(b)
        for a, b in zip(rep["true_event"], rep["true_partner"], strict=True)
        if b >= 0
    }
    kept, total = near_distinct_kept_apart(group, truth, partner)
    res = {**s, "twins_kept": kept, "twins": total}
    if ceiling:
        table = _concat(prepare(tuple(frames), [f.attrs["source_name"] for f in frames]))
        rows = _rows(table, tuple(frames), load_taxonomy(None), within_source=False)
        i, j = _true_pairs(truth)
        found = group[i] == group[j]
        hard = indistinguishable(rows, truth, i, j)
        dist = ~hard
        res["indistinguishable"] = int(hard.sum())
        res["missed_indistinguishable"] = int((hard & ~found).sum())
        res["missed"] = int((~found).sum())
        res["recall_distinguishable"] = float(found[dist].mean()) if dist.any() else 1.0
    return res


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seeds", type=int, nargs="+", default=[7, 11, 23, 42, 101])
    p.add_argument("--events", type=int, default=3000)
    p.add_argument("--scenarios", nargs="+", default=list(SCENARIOS))
    p.add_argument("--no-ceiling", action="store_true")
    p.add_argument("--misses", action="store_true", help="why true pairs were missed")
    args = p.parse_args()
    print(
        "scenario | seed | precision | recall | recall (distinguishable) | missed "
        "(indistinguishable) | twins apart"
    )
    whys: dict[tuple[str, str, str, bool], int] = {}
    for sc in args.scenarios:
        acc = []
        for seed in args.seeds:
            frames = synthetic_sources(args.events, seed=seed, scenario=sc)
            r = evaluate(frames, ceiling=not args.no_ceiling)
            acc.append(r)
            if args.misses:
                for k in miss_reasons(frames):
                    whys[(sc, *k)] = whys.get((sc, *k), 0) + 1
            tw = f"{r['twins_kept'] / r['twins']:.1%}" if r["twins"] else ""
            rd = f"{r['recall_distinguishable']:.3f}" if "missed" in r else ""
            ms = f"{r['missed']} ({r['missed_indistinguishable']})" if "missed" in r else ""
            print(f"{sc} | {seed} | {r['precision']:.3f} | {r['recall']:.3f} | {rd} | {ms} | {tw}")
        mean = {k: np.mean([a[k] for a in acc]) for k in acc[0]}
        worst_p = min(a["precision"] for a in acc)
        worst_r = min(a["recall"] for a in acc)
        tw = f"{mean['twins_kept'] / mean['twins']:.1%}" if mean["twins"] else ""
        rd = f"{mean['recall_distinguishable']:.3f}" if "missed" in mean else ""
        print(
            f"{sc} | mean (worst) | {mean['precision']:.3f} ({worst_p:.3f}) | "
            f"{mean['recall']:.3f} ({worst_r:.3f}) | {rd} | | {tw}"
        )
        sys.stdout.flush()
    if args.misses:
        print(
            "\nmissed true pairs (all seeds): scenario | levels | why | missed | indistinguishable"
        )
        keys = sorted({k[:3] for k in whys}, key=lambda k: (k[0], k[1], -whys.get((*k, False), 0)))
        for k in keys:
            n_h = whys.get((*k, True), 0)
            print(f"{k[0]} | {k[1]} | {k[2]} | {whys.get((*k, False), 0) + n_h} | {n_h}")


if __name__ == "__main__":
    main()
