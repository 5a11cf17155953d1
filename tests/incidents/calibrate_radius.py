"""Calibrate :data:`incidents._radius.PLACE_RADIUS_KM` on half of the holdouts.

Run ``python tests/incidents/calibrate_radius.py [--write] [--rows FILE]``.

Every row of every independent evaluation (``geocode_eval``: the OSM-village,
WOF-village and GeoNames-town cross-source holdouts, each with and without hints;
the hand-checked frontier places with and without hints) is put in one of two
halves by a stable hash of its place.  On the *calibration* half of the
**holdouts only** (:func:`calibration_pool`; the hand-checked places are the check,
never calibration data) the 95th percentile of the error beyond the place's own
extent is taken per evidence cell (``class|hint|rank|namesakes``; a cell with
fewer than :data:`MIN_ROWS` rows takes the value of its coarser cell; cells the
holdouts cannot measure, :func:`unmeasured`, take the same match in a hinted
district; the exact match to a town in the hinted district is measured instead
on the calibration half of the towns truth, :mod:`calibrate_towns`), and the
95th percentile of error / radius per fallback kind
(:data:`incidents._radius.FALLBACK_SCALE`).  ``--write`` stores both in
``incidents/_radius.py``.  Coverage and median radius are then reported on the
*test* half of the holdouts and on the hand-checked places, by evaluation, match
class and cell: those are the honest numbers (the choice of place does not
depend on the radius, so re-running gives the same errors with the new radii).
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import zlib
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))

import calibrate_towns as ct
import geocode_eval as ev

from incidents import _radius
from incidents._gazetteer import Gazetteer
from incidents.geocode import Geocoder

#: A cell needs this many calibration rows to keep its own value.
MIN_ROWS = 30
#: Radii are rounded up to this step (km).
STEP_KM = 0.5
RADIUS_FILE = Path(_radius.__file__)


def all_cells() -> list[str]:
    return [
        "|".join(c)
        for c in itertools.product(_radius.CLASSES, _radius.HINTS, _radius.RANKS, _radius.NAMESAKES)
    ]


def _rows(
    gc: Geocoder, queries: pd.DataFrame, name: str, hinted: bool, *, place: str | None = None
) -> pd.DataFrame:
    _, rows = ev.score(gc, queries)
    a3 = queries["admin3"] if "admin3" in queries else pd.Series(None, index=queries.index)
    ms = [
        gc.resolve(r.location, admin1=r.admin1, admin2=r.admin2, country=r.country, admin3=t)[0]
        for r, t in zip(queries.itertuples(), a3, strict=True)
    ]
    # one place, hinted or not, with a tehsil or not, stays in one half
    key = [
        f"{place or name}|{loc}|{lat:.4f}"
        for loc, lat in zip(queries["location"], queries["true_lat"], strict=True)
    ]
    return rows.assign(
        evaluation=name,
        hinted=hinted,
        true_country=queries.get("true_country", queries["country"]).to_numpy(),
        match_class=[m.match_class for m in ms],
        cell=[m.radius_basis for m in ms],
        half=[zlib.crc32(k.encode()) % 2 for k in key],
    )


def evaluation_rows(gaz: Gazetteer) -> pd.DataFrame:
    """Every evaluation row with its error, radius, class, evidence cell and half."""
    parts = []
    index, queries = ev.holdout_split(gaz)
    gc = Geocoder(index)
    parts.append(_rows(gc, queries, "osm_villages_af", True))
    bare_osm = queries.assign(true_country=queries["country"], admin1=None, admin2=None)
    bare_osm = bare_osm.assign(country=None)
    parts.append(_rows(gc, bare_osm, "osm_villages_af", False))
    for name, split in (("wof_villages", ev.wof_split), ("geonames_towns", ev.geonames_split)):
        index, q = split(gaz)
        gc = Geocoder(index)
        for hinted in (True, False):
            parts.append(_rows(gc, ev._queries(gaz, q, hints=hinted), name, hinted))
        # the Pakistani places again with their tehsil (admin3) as a hint
        pk = q[gaz.country[q] == "PK"]
        queries = ev._queries(gaz, pk, hints=True)
        queries["admin3"] = ev.tehsil_of(queries["true_lat"], queries["true_lon"])
        parts.append(_rows(gc, queries, f"{name}_tehsil", True, place=name))
    truth = ev.truth_frame()
    gc = Geocoder(gaz)
    parts.append(_rows(gc, truth, "frontier_places", True))
    bare = truth.assign(admin1=None, admin2=None, country=None)
    parts.append(_rows(gc, bare.assign(true_country=truth["country"]), "frontier_places", False))
    return pd.concat(parts, ignore_index=True)


#: Evaluations the radii are measured on: the cross-source holdouts only.  The
#: hand-checked places are the check, never calibration data.
HOLDOUTS = ("osm_villages_af", "wof_villages", "geonames_towns")


#: The same holdout places queried with a tehsil (admin3) hint too: they measure
#: the fallback to a tehsil (:func:`calibrate_fallbacks`) but stay out of the
#: name-match cells (the same places would count twice).
TEHSIL_HOLDOUTS = ("wof_villages_tehsil", "geonames_towns_tehsil")


def calibration_pool(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows the radii are measured on: the calibration half of the cross-source
    holdouts, hinted and hint-free (a hint-free cell is measured on the same
    holdout places queried by name alone: in the index under another source's
    record, under a spelling variant, or not at all -- what a bare name gives)."""
    return rows[(rows["half"] == 0) & rows["evaluation"].isin(HOLDOUTS)]


#: Coarser cells tried in turn when a cell has too few rows: which of the four
#: parts (class, hint, rank, namesakes) must agree.
BACKOFF = (
    (0, 1, 2, 3),
    (0, 1, 3),
    (0, 1, 2),
    (0, 1),
    (1, 2, 3),
    (1, 3),
    (1,),
)


#: Coverage the radii aim at.
LEVEL = 0.95


def calibrate_fallbacks(rows: pd.DataFrame) -> dict[str, float]:
    """Per fallback kind, the 95th percentile of error / radius (radii
    unscaled); kinds with fewer than :data:`MIN_ROWS` rows keep 1.0."""
    out = dict.fromkeys(_radius.FALLBACK_SCALE, 1.0)
    for kind in out:
        r = rows[rows["match_class"] == f"fallback_{kind}"]
        ratio = (r["error_km"] / r["uncertainty_km"]).to_numpy(dtype=float)
        ratio = np.where(np.isfinite(ratio), ratio, np.inf)
        if len(ratio) >= MIN_ROWS:
            out[kind] = round(float(np.ceil(np.percentile(ratio, 100 * LEVEL) * 100) / 100), 2)
    return out


def unmeasured(cell: str) -> bool:
    """Cells the holdouts cannot measure: a bare name matched exactly to a *town*.
    A holdout query is a place whose own record is removed, so its town rows are
    absent villages that share a town's name (a wrong namesake by construction);
    a bare town name whose town is in the index never occurs there.  These cells
    take the same match in a hinted district (:func:`monotone`); the hand-checked
    places queried without hints are their check."""
    cls, hint, rank, _ = cell.split("|")
    return cls == "place_exact" and hint == "none" and rank == "town"


def calibrate(rows: pd.DataFrame, *, overrides: dict[str, float] | None = None) -> dict[str, float]:
    """95th-percentile error per evidence cell, backing off to coarser cells;
    ``overrides`` (cells measured elsewhere: the exact-town cell on the towns
    truth, :mod:`calibrate_towns`) replace the holdout value before the shape
    constraints (:func:`monotone`) apply."""
    r = rows[rows["cell"].notna()]
    parts = r["cell"].str.split("|", expand=True).to_numpy()
    err = r["error_km"].to_numpy(dtype=float)  # inf (unresolved) never has a cell
    hint_group = np.where(np.isin(parts[:, 1], ["province", "off"]), "outside", parts[:, 1])
    table = {}
    for cell in all_cells():
        c = cell.split("|")
        e = np.empty(0)
        for keep in BACKOFF:
            mask = np.ones(len(r), dtype=bool)
            for i in keep:
                mask &= parts[:, i] == c[i]
            e = err[mask]
            if len(e) >= MIN_ROWS:
                break
        if len(e) < MIN_ROWS:  # the hint level alone, province and off pooled
            group = "outside" if c[1] in ("province", "off") else c[1]
            e = err[hint_group == group]
        p95 = float(np.percentile(e, 100 * LEVEL)) if len(e) else 100.0
        table[cell] = 0.0 if unmeasured(cell) else float(np.ceil(max(p95, 1.0) / STEP_KM) * STEP_KM)
    table.update(overrides or {})
    return monotone(table)


def monotone(table: dict[str, float]) -> dict[str, float]:
    """Shape constraints on small, noisy cells: more namesakes never narrow the
    radius, a village's radius is never below a town's with the same evidence, and
    a match with no province/district hint is never surer than the same match in
    a hinted district (``none`` >= ``district``): a hint that agrees is evidence,
    its absence is not.  Without the last one a hint-free spelling-variant or
    one-edit cell, too small to measure (7 rows), borrowed the error of hint-free
    *exact* matches and got 6 km."""
    out = dict(table)
    for cls, rank, ns in itertools.product(_radius.CLASSES, _radius.RANKS, _radius.NAMESAKES):
        free, hinted = f"{cls}|none|{rank}|{ns}", f"{cls}|district|{rank}|{ns}"
        out[free] = max(out[free], out[hinted])
    for cls, hint in itertools.product(_radius.CLASSES, _radius.HINTS):
        for rank in _radius.RANKS:
            run = 0.0
            for ns in _radius.NAMESAKES:
                k = f"{cls}|{hint}|{rank}|{ns}"
                run = max(run, out[k])
                out[k] = run
        for ns in _radius.NAMESAKES:
            town, village = f"{cls}|{hint}|town|{ns}", f"{cls}|{hint}|village|{ns}"
            out[village] = max(out[village], out[town])
    return out


def write_table(table: dict[str, float], scale: dict[str, float]) -> None:
    text = RADIUS_FILE.read_text()
    text = re.sub(
        r"FALLBACK_SCALE: dict\[str, float\] = \{.*?\}",
        "FALLBACK_SCALE: dict[str, float] = " + repr(scale).replace("'", '"'),
        text,
        flags=re.S,
    )
    body = "".join(f'    "{k}": {v},\n' for k, v in table.items())
    new = re.sub(
        r"PLACE_RADIUS_KM: dict\[str, float\] = \{.*?\n\}",
        "PLACE_RADIUS_KM: dict[str, float] = {\n" + body + "}",
        text,
        flags=re.S,
    )
    if new == text and "{}" in text:
        new = text.replace(
            "PLACE_RADIUS_KM: dict[str, float] = {}",
            "PLACE_RADIUS_KM: dict[str, float] = {\n" + body + "}",
        )
    RADIUS_FILE.write_text(new)


def report(rows: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    return ev.summary(rows, by)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--write", action="store_true", help="store the table in _radius.py")
    p.add_argument("--rows", type=Path, help="also save every evaluation row (Parquet)")
    args = p.parse_args(argv)
    gaz = Gazetteer.load()
    # First pass with zero cell radii: a name match's radius is then its own
    # extent, and the error beyond it is what the cell radius must cover (the
    # choice of place does not depend on the radius).
    saved = dict(_radius.FLOOR_KM)
    _radius.PLACE_RADIUS_KM.clear()
    _radius.PLACE_RADIUS_KM.update(dict.fromkeys(all_cells(), 0.0))
    _radius.FLOOR_KM.update(dict.fromkeys(_radius.FLOOR_KM, 0.0))
    _radius.FALLBACK_SCALE.update(dict.fromkeys(_radius.FALLBACK_SCALE, 1.0))
    rows = evaluation_rows(gaz)
    # the exact-town cell, which the holdouts cannot measure, on the calibration
    # half of the towns truth (same zero radii)
    towns = ct.town_cells(ct.towns_rows(gaz))
    _radius.FLOOR_KM.update(saved)
    beyond = (rows["error_km"] - rows["uncertainty_km"].fillna(0)).clip(lower=0)
    table = calibrate(calibration_pool(rows.assign(error_km=beyond)), overrides=towns)
    print("measured on the towns truth (calibration half):", towns)
    scale = calibrate_fallbacks(
        rows[(rows["half"] == 0) & rows["evaluation"].isin(HOLDOUTS + TEHSIL_HOLDOUTS)]
    )
    print("fallback scale:", scale)
    pd.set_option("display.width", 200)
    pd.set_option("display.max_rows", 200)
    cal = calibration_pool(rows)
    cal = cal[cal["cell"].notna()]
    counts = cal.groupby("cell").size()
    print("cell  n(calibration)  radius_km")
    for k, v in table.items():
        print(f"{k:40s} {int(counts.get(k, 0)):5d} {v:8.1f}")
    if args.write:
        write_table(table, scale)
    _radius.PLACE_RADIUS_KM.clear()
    _radius.PLACE_RADIUS_KM.update(table)
    _radius.FALLBACK_SCALE.update(scale)
    rows = evaluation_rows(gaz)  # the same choices with the calibrated radii
    if args.rows:
        rows.to_parquet(args.rows)
    test = rows[(rows["half"] == 1) & rows["evaluation"].isin(HOLDOUTS + TEHSIL_HOLDOUTS)]
    check = rows[~rows["evaluation"].isin(HOLDOUTS + TEHSIL_HOLDOUTS)]
    print("\n== test half of the holdouts, by evaluation")
    print(report(test, ["evaluation", "hinted", "true_country"]).round(3).to_string())
    print("\n== check: hand-checked places (all rows; never calibrated on)")
    print(report(check, ["hinted", "true_country"]).round(3).to_string())
    print(report(check, ["hinted"]).round(3).to_string())
    print("\n== check: towns truth (check half; calibration half for reference)")
    print(ct.report(ct.towns_rows(gaz)).round(3).to_string())
    for hinted in (True, False):
        print(f"\n== test half of the holdouts, by match class (hinted={hinted})")
        sub = test[test["hinted"] == hinted]
        print(report(sub, ["match_class"]).round(3).to_string())
        print(f"\n== test half of the holdouts, name matches by evidence cell (hinted={hinted})")
        print(report(sub[sub["cell"].notna()], ["cell"]).round(3).to_string())


if __name__ == "__main__":
    main()
