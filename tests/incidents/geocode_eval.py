"""Evaluation of the geocoder against truth that does not come from its own index.

Used by ``test_geocode_eval.py`` (floors) and runnable to print the tables that go
into the README (``python tests/incidents/geocode_eval.py``):

* :func:`holdout` -- cross-source holdout: every OpenStreetMap village that the
  gazetteer build could not merge with a Who's On First / GeoNames record (so its
  names and point come from OSM alone) is queried, with the province and district
  it lies in as hints, against the index *without* any OSM-only row.  Truth is the
  OSM point.  Measures how often another source's record of the place (or, with a
  spelling variant or a wrong namesake, something else) lies within 25 km, and
  whether the radius covers the truth; gives the per-class error distribution the
  radii are calibrated on.
* :func:`wof_holdout` -- cross-source holdout with Pakistani (and Afghan) truth:
  Who's On First localities that no other source carries (GeoNames villages as
  WOF ships them; a sample drawn by a stable hash of each record) queried
  against the index *without* any WOF-only place, once with their
  province/district as hints and once with no hint at all.  The
  index then holds the GeoNames towns, OSM villages, admin units and the
  frontier features: measures fallbacks, their radii and false name matches.
* :func:`geonames_holdout` -- the GeoNames cities500 towns queried against the
  index without every row carrying a cities500 record: the town itself is gone,
  its namesakes and any other record of it (WOF, OSM) remain.  Measures which
  namesake is chosen and whether the radius says how unsure that is.
* :func:`hint_mismatch` -- places that *are* in the index, queried with the
  province/district their Who's On First record states (the GeoNames hierarchy)
  where that district is not the shipped polygon holding the point (district
  splits, older units, coarse boundaries: what a coder's own admin names look
  like).  Truth is the WOF point, which the index holds: this measures only how
  the geocoder treats a hint that disagrees with its polygons, not the gazetteer.
  The rows are a committed sample (:data:`HINT_MISMATCH`, written by
  :func:`write_hint_mismatch` from the reference WOF extracts).
* :func:`truth_table` -- the hand-checked frontier places with cited coordinates.

For every holdout the truth is the held-out source's own coordinate.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import numpy as np
import pandas as pd

from incidents._gazetteer import Gazetteer, haversine_km
from incidents.geocode import Geocoder, geocode

DATA = Path(__file__).parent / "data"
TRUTH = DATA / "frontier_places_truth.csv"
TRUTH_SAMPLE = DATA / "geocoder_truth_sample.csv"
HINT_MISMATCH = DATA / "wof_hint_mismatch.csv"
#: Rows drawn per country for :data:`HINT_MISMATCH` (stable hash of each record).
HINT_MISMATCH_SAMPLE = {"PK": 600, "AF": 300}


def holdout_split(gaz: Gazetteer) -> tuple[Gazetteer, pd.DataFrame]:
    """(index without OSM-only rows, queries from the OSM-only rows)."""
    src = gaz.source.astype(str)
    osm_only = np.char.startswith(src.astype("U"), "osm:")
    latin = np.array([str(n).isascii() and len(str(n)) >= 3 for n in gaz.name])
    q = np.flatnonzero(osm_only & latin & (gaz.kind == "locality"))
    queries = pd.DataFrame(
        {
            "location": gaz.name[q].astype(str),
            "admin1": gaz.admin1[q],
            "admin2": gaz.admin2[q],
            "country": gaz.country[q],
            "true_lat": gaz.lat[q],
            "true_lon": gaz.lon[q],
        }
    )
    return gaz.subset(~osm_only), queries


def score(gc: Geocoder, queries: pd.DataFrame) -> tuple[dict[str, float], pd.DataFrame]:
    """Scores of ``geocode`` on ``queries`` (columns location, admin1, admin2,
    country, true_lat, true_lon) and the per-row result."""
    cols = ["location", "admin1", "admin2", "country", "admin3"]
    out = geocode(queries[[c for c in cols if c in queries]], geocoder=gc)
    d = haversine_km(out["latitude"], out["longitude"], queries["true_lat"], queries["true_lon"])
    d = np.where(np.isnan(d), np.inf, d)
    unc = out["uncertainty_km"].fillna(0).to_numpy()
    rows = out.assign(error_km=d)
    res = {
        "n": float(len(queries)),
        "within_25km": float(np.mean(d <= 25)),
        "covered": float(np.mean(d <= unc + 1e-6)),
        "median_radius_km": float(np.nanmedian(out["uncertainty_km"])),
        "unresolved": float(np.mean(out["geocode_method"] == "unresolved")),
    }
    return res, rows


def holdout(gaz: Gazetteer) -> tuple[dict[str, float], pd.DataFrame]:
    index, queries = holdout_split(gaz)
    gc = Geocoder(index)
    res, rows = score(gc, queries)
    classes = [
        gc.resolve(r.location, admin1=r.admin1, admin2=r.admin2)[0].match_class
        for r in queries.itertuples()
    ]
    return res, rows.assign(match_class=classes)


#: Queries drawn per country from the WOF-only localities (seeded, reproducible).
WOF_SAMPLE = {"PK": 1200, "AF": 600}


def _queries(gaz: Gazetteer, q: np.ndarray, *, hints: bool) -> pd.DataFrame:
    none = np.full(len(q), None, dtype=object)
    return pd.DataFrame(
        {
            "location": gaz.name[q].astype(str),
            "admin1": gaz.admin1[q] if hints else none,
            "admin2": gaz.admin2[q] if hints else none,
            "country": gaz.country[q] if hints else none,
            "true_lat": gaz.lat[q],
            "true_lon": gaz.lon[q],
            "true_country": gaz.country[q],
        }
    )


def _latin(gaz: Gazetteer) -> np.ndarray:
    return np.array([str(n).isascii() and len(str(n)) >= 3 for n in gaz.name])


def wof_split(gaz: Gazetteer, *, seed: int = 0) -> tuple[Gazetteer, np.ndarray]:
    """(index without WOF-only places, query rows: a seeded sample per country)."""
    src = pd.Series(gaz.source.astype(str))
    wof_only = (src.str.startswith("wof:") & ~src.str.contains("+", regex=False)).to_numpy()
    picked = []
    for cc, n in WOF_SAMPLE.items():
        pool = np.flatnonzero(
            wof_only & _latin(gaz) & (gaz.kind == "locality") & (gaz.country == cc)
        )
        # a stable hash of each record (name, point) draws the sample: a rebuilt
        # gazetteer with a few rows more or less keeps the same queries
        h = np.array(
            [
                zlib.crc32(f"{seed}|{gaz.name[i]}|{gaz.lat[i]:.4f}|{gaz.lon[i]:.4f}".encode())
                for i in pool
            ]
        )
        picked.append(np.sort(pool[np.argsort(h, kind="stable")[:n]]))
    return gaz.subset(~wof_only), np.concatenate(picked)


def geonames_split(gaz: Gazetteer) -> tuple[Gazetteer, np.ndarray]:
    """(index without any row carrying a GeoNames cities500 record, those rows)."""
    src = pd.Series(gaz.source.astype(str))
    gn = src.str.contains("geonames", regex=False) & ~src.str.startswith("frontier_features")
    gn = gn.to_numpy() & (gaz.kind == "locality")
    return gaz.subset(~gn), np.flatnonzero(gn & _latin(gaz))


def _run(index: Gazetteer, gaz: Gazetteer, q: np.ndarray) -> pd.DataFrame:
    """Score hinted and hint-free queries; rows carry ``hinted`` and ``match_class``."""
    gc = Geocoder(index)
    parts = []
    for hinted in (True, False):
        queries = _queries(gaz, q, hints=hinted)
        _, rows = score(gc, queries)
        classes = [
            gc.resolve(r.location, admin1=r.admin1, admin2=r.admin2, country=r.country)[
                0
            ].match_class
            for r in queries.itertuples()
        ]
        parts.append(
            rows.assign(
                match_class=classes,
                hinted=hinted,
                true_country=queries["true_country"].to_numpy(),
                true_lat=queries["true_lat"].to_numpy(),
                true_lon=queries["true_lon"].to_numpy(),
            )
        )
    return pd.concat(parts, ignore_index=True)


def wof_holdout(gaz: Gazetteer) -> pd.DataFrame:
    """Per-row results of the WOF-only-localities holdout (see module doc)."""
    index, q = wof_split(gaz)
    return _run(index, gaz, q)


def geonames_holdout(gaz: Gazetteer) -> pd.DataFrame:
    """Per-row results of the GeoNames-towns holdout (see module doc)."""
    index, q = geonames_split(gaz)
    return _run(index, gaz, q)


def tehsil_of(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Name of the shipped Pakistani tehsil polygon holding each point (None
    outside all): the ``admin3`` a coder's GIS gives (ACLED codes admin3 so)."""
    import shapely

    t = pd.read_parquet(Path(__file__).parents[2] / "geo" / "data" / "pak_tehsils.parquet")
    geom = shapely.from_wkb(t["geometry"].to_numpy())
    pts = shapely.points(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
    pi, gi = shapely.STRtree(geom).query(pts, predicate="within")
    out = np.full(len(pts), None, dtype=object)
    out[pi] = t["name"].to_numpy()[gi]
    return out


def tehsil_hinted(gaz: Gazetteer) -> pd.DataFrame:
    """The Pakistani rows of the WOF-village and GeoNames-town holdouts queried
    with their province, district *and* tehsil (``admin3``, the tehsil polygon
    holding the truth point) as hints; rows carry ``evaluation``."""
    parts = []
    for name, split in (("wof_villages", wof_split), ("geonames_towns", geonames_split)):
        index, q = split(gaz)
        q = q[gaz.country[q] == "PK"]
        queries = _queries(gaz, q, hints=True)
        queries["admin3"] = tehsil_of(queries["true_lat"], queries["true_lon"])
        _, rows = score(Geocoder(index), queries)
        parts.append(rows.assign(evaluation=name, true_country="PK", hinted=True))
    return pd.concat(parts, ignore_index=True)


def summary(rows: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """within 25 km, radius coverage and median radius per group."""
    r = rows.assign(
        covered=rows["error_km"] <= rows["uncertainty_km"].fillna(0) + 1e-6,
        within=rows["error_km"] <= 25,
    )
    return r.groupby(by).agg(
        n=("error_km", "size"),
        within_25km=("within", "mean"),
        covered=("covered", "mean"),
        median_radius_km=("uncertainty_km", "median"),
        median_error_km=("error_km", "median"),
    )


def write_hint_mismatch(reference: Path, path: Path = HINT_MISMATCH) -> pd.DataFrame:
    """Draw the :func:`hint_mismatch` sample from the reference WOF extracts
    (``reference`` = the shared ``gazetteer`` folder; run once, offline)."""
    parts = []
    for cc, n in HINT_MISMATCH_SAMPLE.items():
        w = pd.read_csv(
            reference / f"wof_{cc.lower()}_admin_places.csv",
            usecols=["name", "lat", "lon", "kind", "admin1", "admin2", "pip_adm2", "wof_id"],
        )
        w = w[
            (w["kind"] == "locality")
            & w["admin2"].notna()
            & w["pip_adm2"].notna()
            & (w["admin2"] != w["pip_adm2"])
            & w["name"].map(lambda t: str(t).isascii() and len(str(t)) >= 3)
        ]
        h = [
            zlib.crc32(f"{r.name}|{r.lat:.4f}|{r.lon:.4f}".encode())
            for r in w.itertuples(index=False)
        ]
        w = w.iloc[np.argsort(h, kind="stable")[:n]].sort_values("wof_id")
        parts.append(
            pd.DataFrame(
                {
                    "location": w["name"],
                    "admin1": w["admin1"],
                    "admin2": w["admin2"],
                    "country": cc,
                    "true_lat": w["lat"].round(6),
                    "true_lon": w["lon"].round(6),
                    "point_admin2": w["pip_adm2"],
                    "wof_id": w["wof_id"],
                }
            )
        )
    out = pd.concat(parts, ignore_index=True)
    out.to_csv(path, index=False)
    return out


def hint_mismatch(gc: Geocoder) -> pd.DataFrame:
    """Per-row results of the hint-mismatch evaluation (see module doc)."""
    q = pd.read_csv(HINT_MISMATCH, keep_default_na=False).replace({"": None})
    _, rows = score(gc, q)
    return rows.assign(true_country=q["country"].to_numpy(), hinted=True)


def truth_frame() -> pd.DataFrame:
    """The hand-checked truth table (the features helper's file when present)."""
    path = TRUTH if TRUTH.exists() else TRUTH_SAMPLE
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    df = df.rename(columns={"query_location": "location"}).replace({"": None})
    df["true_lat"] = pd.to_numeric(df["latitude"])
    df["true_lon"] = pd.to_numeric(df["longitude"])
    return df


def truth_table(gc: Geocoder) -> tuple[dict[str, float], pd.DataFrame]:
    df = truth_frame()
    res, rows = score(gc, df)
    return res, rows.assign(
        category=df["category"].to_numpy(),
        true_lat=df["true_lat"].to_numpy(),
        true_lon=df["true_lon"].to_numpy(),
    )


def truth_by_slice(gc: Geocoder) -> pd.DataFrame:
    """The hand-checked places per ``slice`` (``frontier``, ``pakistan``, ``coder``,
    ``coder2``, ``coder3``, ``coder4``), once with the admin names a coder gives (``hinted``) and
    once by name alone; rows carry ``slice``, ``category``, ``hinted`` and the truth point."""
    df = truth_frame()
    parts = []
    for hinted in (True, False):
        q = df if hinted else df.assign(admin1=None, admin2=None, country=None, admin3=None)
        _, rows = score(gc, q)
        parts.append(
            rows.assign(
                location=df["location"].to_numpy(),
                admin1=df["admin1"].to_numpy(),
                admin2=df["admin2"].to_numpy(),
                slice=df["slice"].to_numpy(),
                category=df["category"].to_numpy(),
                hinted=hinted,
                true_lat=df["true_lat"].to_numpy(),
                true_lon=df["true_lon"].to_numpy(),
            )
        )
    return pd.concat(parts, ignore_index=True)


def class_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Error percentiles and radius coverage per match class."""
    g = rows.assign(covered=rows["error_km"] <= rows["uncertainty_km"] + 1e-6)
    g["error_km"] = g["error_km"].replace(np.inf, np.nan)
    return g.groupby("match_class").agg(
        n=("error_km", "size"),
        median_km=("error_km", "median"),
        p95_km=("error_km", lambda s: s.quantile(0.95)),
        within_25km=("error_km", lambda s: float((s <= 25).mean())),
        median_radius_km=("uncertainty_km", "median"),
        covered=("covered", "mean"),
    )


if __name__ == "__main__":
    gaz = Gazetteer.load()
    for name, fn in (("WOF-only localities", wof_holdout), ("GeoNames towns", geonames_holdout)):
        rows = fn(gaz)
        print(f"== {name}")
        print(summary(rows, ["true_country", "hinted"]).round(3).to_string())
        print(summary(rows, ["true_country", "hinted", "match_class"]).round(3).to_string())
    rows = tehsil_hinted(gaz)
    print("== Pakistani holdouts with the tehsil (admin3) as a hint")
    print(summary(rows, ["evaluation"]).round(3).to_string())
    rows = hint_mismatch(Geocoder(gaz))
    print("== hint mismatch (WOF-stated districts)")
    print(summary(rows, ["true_country"]).round(3).to_string())
    print(summary(rows, ["true_country", "geocode_method"]).round(3).to_string())
    res, rows = holdout(gaz)
    print("holdout:", {k: round(v, 3) for k, v in res.items()})
    print(class_table(rows).round(2).to_string())
    import calibrate_towns

    rows = calibrate_towns.towns_rows(gaz)
    print("== towns truth (Wikipedia coordinates; exact-town cell calibrated on one half)")
    print(calibrate_towns.report(rows).round(3).to_string())
    rows = truth_by_slice(Geocoder(gaz))
    print("== hand-checked places per slice (hinted / by name alone)")
    print(summary(rows, ["slice", "hinted"]).round(3).to_string())
    bad = rows[rows["slice"].str.startswith("coder") & (rows["error_km"] > 25)]
    cols = ["location", "admin1", "admin2", "hinted", "matched_name", "geocode_method"]
    print(bad[cols + ["error_km", "uncertainty_km"]].round(1).to_string())
    res, rows = truth_table(Geocoder(gaz))
    print("truth table:", {k: round(v, 3) for k, v in res.items()})
    bad = rows[rows["error_km"] > 25]
    print(
        bad[
            ["location", "admin2", "matched_name", "geocode_method", "error_km", "uncertainty_km"]
        ].to_string()
    )
