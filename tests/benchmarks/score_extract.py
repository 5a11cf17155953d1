"""Score :func:`incidents.extract.extract` on real published articles.

Run with ``python tests/benchmarks/score_extract.py [--details dev] [--split dev|test|all]
[--fit]`` (``--fit`` refits the weights of ``incidents/_extract_confidence.py`` on the
development split and ``data/first_runs.jsonl``, never on the test split).

The articles are ``tests/incidents/data/articles.jsonl``: for each, the URL, the
publication date, the sentences used (short quotations, in article order) and the
gold incidents written from the text before the extractor was run (place as
written, its location from the reference data in ``shared/data`` with a citation,
date range, acceptable event kinds, side, deaths, injuries), plus the places the
article only mentions (seats of government, venues, origins, datelines, history).
Each record has a ``split``: ``dev`` (used while building the rules) or ``test``
(held out: only its summary is ever printed).

Matching (one gold incident to at most one row, greedily, nearest first):

* place: the row's point lies within ``max(25 km, radius of the gold unit)`` of
  one of the gold's locations and the row is not coarser than it
  (``uncertainty_km <= max(30, 1.5 x radius)``); frontier-wide gold matches rows
  flagged ``frontier_wide``; places outside the region match by name;
* date: the row's window overlaps the gold range (a row without a date still matches);
* class: violent rows match violent gold, others their own kind.

Rows matched to gold marked ``optional`` (background events an annotator could
list or not) count neither way.  An unmatched row is an *extra coarser row* when
it lies around a matched gold place of the same class and dates and is coarser,
a *background row* when it sits on a place the article only mentions, else a
plain false positive.

Printed per split: the table of issue 17 (recall, precision, background rows,
extra coarser rows, fatalities exact, dates precise, side, type), injuries exact,
rows from negative controls and crashes for the rows :func:`extract` gives by default
(confidence from ``MIN_CONFIDENCE`` up); recall and precision of every candidate
(``min_confidence=0``); and the reliability table of ``confidence`` over every
candidate.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import defaultdict
from inspect import signature
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "tests" / "incidents" / "data" / "articles.jsonl"

from incidents._extract_lex import EVENT_KINDS, VIOLENT  # noqa: E402
from incidents.extract import extract  # noqa: E402

try:  # the default cut of the extractor (older commits, run by first_runs.py, had none)
    from incidents._extract_confidence import MIN_CONFIDENCE as CUT
except ImportError:
    CUT = 0.0
#: The keyword that gives every candidate (the code of an older commit has no cut).
EVERY = {"min_confidence": 0.0} if "min_confidence" in signature(extract).parameters else {}

SIDES = {
    "Military Forces of Pakistan": "PK",
    "Afghan Taliban forces": "AF",
    "TTP (Tehrik-i-Taliban Pakistan)": "TTP",
    "Hafiz Gul Bahadur group": "TTP",
}


def load(path: Path = DATA) -> list[dict]:
    """The article records, in file order."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (spherical Earth, 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _row(r: pd.Series) -> dict:
    d0 = r["date"].date() if not pd.isna(r["date"]) else None
    d1 = r["date_end"].date() if not pd.isna(r["date_end"]) else d0
    flags = str(r.get("review_flags") or "")
    inj = r.get("injuries", None)
    return {
        "lat": float(r["latitude"]) if not pd.isna(r["latitude"]) else None,
        "lon": float(r["longitude"]) if not pd.isna(r["longitude"]) else None,
        "unc": float(r["uncertainty_km"]) if not pd.isna(r["uncertainty_km"]) else 9999.0,
        "frontier": "frontier_wide" in flags,
        "text": f"{r['location']} {r['matched_name']}".lower(),
        "d0": d0,
        "d1": d1,
        "kind": str(r["event_kind"]),
        "type": str(r["event_type"]),
        "side": SIDES.get(str(r["actor1"])) if not pd.isna(r["actor1"]) else None,
        "deaths": None if pd.isna(r["fatalities"]) else int(r["fatalities"]),
        "injuries": None if inj is None or pd.isna(inj) else int(inj),
        "conf": float(r["confidence"]),
        "location": str(r["location"]),
    }


def _place_fit(p: dict, loc: dict) -> float | None:
    """Distance-like score of a row at a gold location (None: no fit)."""
    if loc["key"] == "frontier":
        return 0.0 if p["frontier"] else None
    if loc["key"].startswith("other:"):
        return 0.0 if loc["name"].lower() in p["text"] else None
    if p["lat"] is None or p["frontier"]:
        return None
    d = km(p["lat"], p["lon"], loc["lat"], loc["lon"])
    if d > max(25.0, loc["radius_km"]) or p["unc"] > max(30.0, 1.5 * loc["radius_km"]):
        return None
    return d


def _dates_overlap(p: dict, g0, g1) -> bool:
    if p["d0"] is None:
        return True
    return p["d0"] <= g1 and g0 <= p["d1"]


def _same_class(p: dict, kinds: list[str]) -> bool:
    if p["kind"] in VIOLENT:
        return any(k in VIOLENT for k in kinds)
    return p["kind"] in kinds


def _covers(p: dict, loc: dict) -> bool:
    """Whether a (coarser) row's circle holds the gold location."""
    if loc["lat"] is None or p["lat"] is None:
        return p["frontier"] and loc["key"] != "frontier"
    return km(p["lat"], p["lon"], loc["lat"], loc["lon"]) <= p["unc"] + (loc["radius_km"] or 0)


def score_article(art: dict) -> dict:
    """Rows of one article matched against its gold: ``rows`` are the rows
    :func:`extract` gives by default (candidates from ``MIN_CONFIDENCE`` up),
    ``rows_all`` every candidate (``min_confidence=0``), each matched on its own."""
    out: dict = {"id": art["id"], "crash": None, "rows": [], "rows_all": [], "gold": art["gold"]}
    try:
        df = extract("\n".join(art["text"]), article_date=art["published"], **EVERY)
    except Exception as exc:  # a crash is a measured outcome here
        out["crash"] = f"{type(exc).__name__}: {exc}"
        return out
    preds = [_row(r) for _, r in df.iterrows()]
    for p, f in zip(preds, df.attrs.get("confidence_features", []), strict=False):
        p["features"] = f
    out["rows_all"], _ = _match(art, preds)
    out["rows"], out["matched"] = _match(art, [p for p in preds if p["conf"] >= CUT])
    return out


def _match(art: dict, preds: list[dict]) -> tuple[list[dict], list[dict]]:
    """Each row with its status (and gold), and the gold incidents matched."""
    import datetime as dt

    golds = []
    for g in art["gold"]:
        g0, g1 = (dt.date.fromisoformat(x) for x in g["dates"])
        golds.append((g, g0, g1))
    pairs = []
    for i, p in enumerate(preds):
        for j, (g, g0, g1) in enumerate(golds):
            if not _same_class(p, g["kinds"]) or not _dates_overlap(p, g0, g1):
                continue
            fits = [f for f in (_place_fit(p, loc) for loc in g["locs"]) if f is not None]
            if fits:
                pairs.append((g["optional"], min(fits), i, j))
    pairs.sort()
    used_p: dict[int, int] = {}
    used_g: set[int] = set()
    rows: list[dict] = []
    for _opt, _d, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p[i] = j
        used_g.add(j)
    for i, p in enumerate(preds):
        status = "fp"
        gold = None
        if i in used_p:
            gold = golds[used_p[i]][0]
            status = "optional" if gold["optional"] else "tp"
        else:
            for j in used_g:
                g, g0, g1 = golds[j]
                if (
                    _same_class(p, g["kinds"])
                    and _dates_overlap(p, g0, g1)
                    and any(_covers(p, loc) for loc in g["locs"])
                ):
                    status = "coarser"
                    break
            if status == "fp":
                for m in art["mentions"]:
                    if _place_fit(p, m["loc"]) is not None or m["place"].lower() in p["text"]:
                        status = "background"
                        break
        rows.append({**p, "status": status, "gold": gold})
    return rows, [golds[j][0] for j in used_g]


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f} % ({n}/{d})" if d else "   n/a"


def summarize(results: list[dict], arts: dict[str, dict]) -> dict:
    """The issue's measures over a list of scored articles."""
    import datetime as dt

    s: dict = defaultdict(int)
    rel: dict[float, list[int]] = defaultdict(lambda: [0, 0])
    for res in results:
        art = arts[res["id"]]
        if res["crash"]:
            s["crash"] += 1
        s["gold"] += sum(not g["optional"] for g in art["gold"])
        if art.get("negative"):
            s["neg_rows"] += len(res["rows"])
        for r in res["rows_all"]:  # reliability and the trade of the cut: every candidate
            if r["status"] == "optional":
                continue
            s["rows_all"] += 1
            s["tp_all"] += r["status"] == "tp"
            b = min(math.floor(r["conf"] * 10) / 10, 0.9)
            rel[b][0] += r["status"] == "tp"
            rel[b][1] += 1
        for r in res["rows"]:
            st = r["status"]
            if st == "optional":
                continue
            s["rows"] += 1
            s[st] += 1
            if st != "tp":
                continue
            g = r["gold"]
            g0, g1 = (dt.date.fromisoformat(x) for x in g["dates"])
            if g["deaths"] is not None:
                s["deaths_n"] += 1
                s["deaths_ok"] += r["deaths"] == g["deaths"]
            if g["injuries"] is not None:
                s["inj_n"] += 1
                s["inj_ok"] += r["injuries"] == g["injuries"]
            s["date_n"] += 1
            if r["d0"] is not None and (r["d1"] - r["d0"]).days <= 1:
                inside = r["d0"] <= g1 and g0 <= r["d1"]
                s["date_ok"] += inside
            if g["side"] is not None:
                s["side_n"] += 1
                s["side_ok"] += r["side"] == g["side"]
            s["type_n"] += 1
            s["type_ok"] += r["type"] in {EVENT_KINDS[k][0] for k in g["kinds"]}
    s["rel"] = dict(sorted(rel.items()))
    return s


def report(name: str, s: dict) -> None:
    print(f"\n## {name}: {s['n']} articles, {s['gold']} gold incidents, {s['rows']} rows scored")
    print("| measure | value | goal |\n|---|---|---|")
    print(f"| incident recall | {_pct(s['tp'], s['gold'])} | >= 80 % |")
    print(f"| incident precision | {_pct(s['tp'], s['rows'])} | >= 75 % |")
    print(f"| background rows | {_pct(s['background'], s['rows'])} | <= 3 % |")
    print(f"| extra coarser rows | {s['coarser']} of {s['rows']} | 0 |")
    print(f"| other false rows | {s['fp']} of {s['rows']} | |")
    print(f"| fatalities exact | {_pct(s['deaths_ok'], s['deaths_n'])} | >= 60 % |")
    print(f"| injuries exact | {_pct(s['inj_ok'], s['inj_n'])} | |")
    print(f"| date window <= 2 days, right | {_pct(s['date_ok'], s['date_n'])} | >= 70 % |")
    print(f"| side right | {_pct(s['side_ok'], s['side_n'])} | keep |")
    print(f"| event type right | {_pct(s['type_ok'], s['type_n'])} | keep |")
    print(f"| rows from negative controls | {s['neg_rows']} | 0 |")
    print(f"| crashes | {s['crash']} | 0 |")
    print(
        f"\nrows with confidence >= {CUT:g} (the default of extract); every candidate "
        f"(min_confidence=0): recall {_pct(s['tp_all'], s['gold'])}, "
        f"precision {_pct(s['tp_all'], s['rows_all'])}"
    )
    print("\nconfidence reliability (every candidate; correct = matched to gold):")
    print("| confidence | rows | correct |\n|---|---|---|")
    hi = [0, 0]
    for b, (ok, n) in s["rel"].items():
        print(f"| {b:.1f}-{b + 0.1:.1f} | {n} | {_pct(ok, n)} |")
        if b >= 0.8:
            hi[0] += ok
            hi[1] += n
    print(f"| >= 0.8 | {hi[1]} | {_pct(hi[0], hi[1])} |")


FIRST_RUNS = ROOT / "tests" / "benchmarks" / "data" / "first_runs.jsonl"


def first_runs() -> list[dict]:
    """Rows of development articles when first seen (``first_runs.py`` writes them)."""
    with open(FIRST_RUNS, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _xy(rows: list[dict]) -> tuple:
    import numpy as np

    from incidents._extract_confidence import FEATURES

    rows = [r for r in rows if r["status"] != "optional" and r.get("features")]
    x = np.array([[1.0] + [r["features"][k] for k in FEATURES] for r in rows])
    y = np.array([1.0 if r["status"] == "tp" else 0.0 for r in rows])
    return x, y


def fit(dev_rows: list[dict], first: list[dict], *, l2: float = 2.0) -> tuple[float, ...]:
    """Weights of :mod:`incidents._extract_confidence`: an L2-penalised logistic
    regression (the intercept is not penalised; Newton steps) on the development rows
    of the current code and the rows of development articles when first seen, its
    intercept then moved so that the mean confidence of the first-seen rows equals the
    share of them that is correct.  Rows matched to optional gold are left out;
    correct = matched to gold."""
    import numpy as np

    a, b = _xy(dev_rows + first)
    w = np.zeros(a.shape[1])
    pen = np.full(a.shape[1], l2)
    pen[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-a @ w))
        grad = a.T @ (p - b) + pen * w
        hess = (a * (p * (1 - p))[:, None]).T @ a + np.diag(pen)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    fa, fb = _xy(first)
    for _ in range(50):  # the intercept: mean confidence of first-seen rows = their rate
        p = 1.0 / (1.0 + np.exp(-fa @ w))
        move = (fb.mean() - p.mean()) / (p * (1 - p)).mean()
        w[0] += move
        if abs(move) < 1e-9:
            break
    return tuple(round(float(v), 3) for v in w)


def wave_out_reliability(
    dev_rows: list[dict], first: list[dict], *, l2: float = 2.0
) -> dict[float, list[int]]:
    """Reliability on first-seen rows of confidences fitted without their wave (its
    first-seen rows and its articles' development rows left out): how a fit does on
    articles it has not seen."""
    from incidents._extract_confidence import confidence

    new: dict[float, list[int]] = defaultdict(lambda: [0, 0])
    for wave in sorted({r["wave"] for r in first}):
        held = {r["id"] for r in first if r["wave"] == wave}
        w = fit(
            [r for r in dev_rows if r["id"] not in held],
            [r for r in first if r["wave"] != wave],
            l2=l2,
        )
        for r in first:
            if r["wave"] != wave or r["status"] == "optional" or not r.get("features"):
                continue
            b = min(math.floor(confidence(r["features"], w) * 10) / 10, 0.9)
            new[b][0] += r["status"] == "tp"
            new[b][1] += 1
    return dict(sorted(new.items()))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "test", "all"], default="all")
    ap.add_argument("--details", choices=["dev"], help="print every row of the dev split")
    ap.add_argument(
        "--fit",
        action="store_true",
        help="fit the confidence weights on the dev split and print them (and the "
        "leave-one-wave-out reliability on first-seen rows)",
    )
    ap.add_argument("--l2", type=float, default=2.0, help="penalty of the confidence fit")
    ap.add_argument("--ids", help="score only these article ids (comma-separated)")
    ap.add_argument(
        "--dump",
        type=Path,
        help="write the scored dev rows (status and confidence features) as JSON lines",
    )
    args = ap.parse_args(argv)
    arts = load()
    by_id = {a["id"]: a for a in arts}
    from incidents.geocode import Geocoder

    Geocoder.default()  # load once, outside the timing
    for split in ("dev", "test"):
        if args.split not in (split, "all"):
            continue
        chosen = [a for a in arts if a["split"] == split]
        if args.ids:
            chosen = [a for a in chosen if a["id"] in set(args.ids.split(","))]
        t0 = time.perf_counter()
        results = [score_article(a) for a in chosen]
        dt_s = time.perf_counter() - t0
        s = summarize(results, by_id)
        s["n"] = len(chosen)
        report(f"{split} split ({dt_s:.2f} s)", s)
        if args.dump and split == "dev":
            with open(args.dump, "w", encoding="utf-8") as fh:
                for res in results:
                    for r in res["rows_all"]:
                        row = {"id": res["id"], "status": r["status"], "conf": r["conf"]}
                        fh.write(json.dumps({**row, "features": r.get("features")}) + "\n")
        if args.fit and split == "dev":
            from incidents._extract_confidence import FEATURES

            dev_rows = [{**r, "id": res["id"]} for res in results for r in res["rows_all"]]
            first = first_runs()
            w = fit(dev_rows, first, l2=args.l2)
            print("\nfitted WEIGHTS (intercept, then", ", ".join(FEATURES) + "):")
            print(w)
            print("\nleave-one-wave-out reliability on first-seen rows:")
            print("| confidence | rows | correct |\n|---|---|---|")
            rel = wave_out_reliability(dev_rows, first, l2=args.l2)
            for b, (ok, n) in rel.items():
                print(f"| {b:.1f}-{b + 0.1:.1f} | {n} | {_pct(ok, n)} |")
        if args.details == split == "dev":
            for res in results:
                print(f"\n### {res['id']}" + (f"  CRASH {res['crash']}" if res["crash"] else ""))
                kept = iter(res["rows"])  # the default rows, in the same order
                for r in res["rows_all"]:
                    # a row the default gives shows its status in the table above; a row
                    # below the cut, its status among every candidate
                    st = next(kept)["status"] if r["conf"] >= CUT else r["status"]
                    print(
                        f"  {st:10} {r['kind']:15} {r['location'][:40]:40} "
                        f"{r['d0']}..{r['d1']} side={r['side']} d={r['deaths']} "
                        f"i={r['injuries']} c={r['conf']}" + (" [cut]" if r["conf"] < CUT else "")
                    )
                missed = [
                    g for g in res["gold"] if g not in res.get("matched", []) and not g["optional"]
                ]
                for g in missed:
                    print(f"  MISSED     {g['kinds'][0]:15} {g['place'][:40]:40} {g['dates']}")


if __name__ == "__main__":
    main()
