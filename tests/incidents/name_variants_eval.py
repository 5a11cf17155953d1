"""How the geocoder copes with the ways coders and journalists respell a place.

Not a test of accuracy (truth is the gazetteer's own point): it measures
*robustness* to a family of rewritings.  A seeded sample of Afghan and Pakistani
localities (stable hash of each record) is queried with its province/district
hints, once under its own name and once under each rewriting that applies:

* ``join`` / ``split`` / ``hyphen``: "Spin Wam" -> "Spinwam", "Dattakhel" ->
  "Datta khel", "Mir Ali" -> "Mir-Ali";
* ``prefix_swap`` / ``prefix_add`` / ``prefix_drop``: direction and size words
  ("Bala X" -> "Upper X", "X" -> "Lower X", "Kalan X" -> "X");
* ``suffix``: "X Bazaar", "X Fort", "X check post", "Tehsil X"... ;
* ``possessive``: "Kurram's X" (the district named in the text, no hint);
* ``translit``: one romanisation swap (kh/q, ai/ay, oo/u, ee/i, zai/zay,
  abad/abaad, w/v).

Run ``python tests/incidents/name_variants_eval.py`` (prints a table per family:
rows, within 25 km of the record for the variant and for the exact name on the
same rows, radius covers the record, median radius).
"""

from __future__ import annotations

import re
import sys
import zlib

import numpy as np
import pandas as pd

from incidents._gazetteer import Gazetteer, haversine_km
from incidents.geocode import Geocoder, geocode

SAMPLE = {"PK": 1500, "AF": 1000}
#: Endings real names split at ("Datta Khel", "Spin Wam", "Mir Ali").
SPLIT_ENDINGS = (
    "khel",
    "zai",
    "kot",
    "abad",
    "pur",
    "garh",
    "wam",
    "kalay",
    "kalai",
    "kili",
    "killi",
    "banda",
    "dara",
    "tangi",
    "shah",
    "khan",
    "ali",
    "wala",
    "wali",
    "kandao",
    "ghar",
    "sar",
    "bagh",
    "ganj",
)
#: Synonymous direction/size words (Pashto, Dari, Urdu, English).
PREFIX_SETS = (
    ("upper", "bala", "bar", "pas"),
    ("lower", "payan", "kuz", "pain"),
    ("big", "loe", "lowi", "kalan", "loy"),
    ("small", "khurd", "kuchnai", "kuchni", "wach"),
)
SUFFIXES = ("{} Bazaar", "{} Fort", "{} check post", "{} Cantonment", "{} Town", "Tehsil {}")
TRANSLIT = (
    ("kh", "q"),
    ("q", "kh"),
    ("ai", "ay"),
    ("ay", "ai"),
    ("oo", "u"),
    ("u", "oo"),
    ("ee", "i"),
    ("i", "ee"),
    ("zai", "zay"),
    ("abad", "abaad"),
    ("w", "v"),
    ("v", "w"),
)


def sample(gaz: Gazetteer, *, seed: int = 0) -> np.ndarray:
    picked = []
    latin = np.array([str(n).isascii() and len(str(n)) >= 3 for n in gaz.name])
    for cc, n in SAMPLE.items():
        pool = np.flatnonzero(latin & (gaz.kind == "locality") & (gaz.country == cc))
        h = np.array([zlib.crc32(f"{seed}|{gaz.name[i]}|{gaz.lat[i]:.4f}".encode()) for i in pool])
        picked.append(np.sort(pool[np.argsort(h, kind="stable")[:n]]))
    return np.concatenate(picked)


def _title(s: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in s.split())


def variants(name: str, admin2: str | None) -> list[tuple[str, str, bool]]:
    """(family, variant text, keep hints?) for one name."""
    out: list[tuple[str, str, bool]] = []
    words = name.split()
    low = [w.lower() for w in words]
    if len(words) > 1:
        out.append(("join", words[0] + "".join(w.lower() for w in words[1:]), True))
        out.append(("hyphen", "-".join(words), True))
    else:
        w = low[0]
        for e in SPLIT_ENDINGS:
            if w.endswith(e) and len(w) - len(e) >= 3:
                out.append(("split", f"{name[: -len(e)]} {_title(e)}", True))
                break
    prefix = None
    for grp in PREFIX_SETS:
        if len(words) > 1 and low[0] in grp:
            prefix = (0, grp)
        elif len(words) > 1 and low[-1] in grp:
            prefix = (len(words) - 1, grp)
    if prefix is not None:
        i, grp = prefix
        other = next(p for p in grp if p != low[i])
        swapped = list(words)
        swapped[i] = _title(other)
        out.append(("prefix_swap", " ".join(swapped), True))
        out.append(("prefix_drop", " ".join(w for j, w in enumerate(words) if j != i), True))
    else:
        out.append(("prefix_add", f"Lower {name}", True))
    for s in SUFFIXES:
        out.append(("suffix", s.format(name), True))
    if admin2:
        out.append(("possessive", f"{admin2}'s {name}", False))
    for a, b in TRANSLIT:
        if re.search(a, name.lower()):
            v = re.sub(a, b, name.lower(), count=1)
            out.append(("translit", _title(v), True))
            break
    return out


def run(gaz: Gazetteer) -> pd.DataFrame:
    q = sample(gaz)
    gc = Geocoder(gaz)
    recs = []
    for i in q:
        name, a1, a2 = str(gaz.name[i]), gaz.admin1[i], gaz.admin2[i]
        base = dict(true_lat=gaz.lat[i], true_lon=gaz.lon[i], country=gaz.country[i], name=name)
        for fam, text, hinted in [("exact", name, True), *variants(name, a2)]:
            recs.append(
                dict(
                    base,
                    family=fam,
                    location=text,
                    admin1=a1 if hinted else None,
                    admin2=a2 if hinted else None,
                )
            )
    df = pd.DataFrame(recs)
    out = geocode(df[["location", "admin1", "admin2"]], geocoder=gc)
    d = haversine_km(out["latitude"], out["longitude"], df["true_lat"], df["true_lon"])
    df["error_km"] = np.where(np.isnan(d), np.inf, d)
    df["radius_km"] = out["uncertainty_km"].to_numpy()
    df["method"] = out["geocode_method"].to_numpy()
    df["matched"] = out["matched_name"].to_numpy() if "matched_name" in out else None
    return df


def table(df: pd.DataFrame) -> pd.DataFrame:
    exact = df[df["family"] == "exact"].set_index("name")["error_km"]
    exact = exact[~exact.index.duplicated()]
    r = df.assign(
        within=df["error_km"] <= 25,
        covered=df["error_km"] <= df["radius_km"].fillna(0) + 1e-6,
        exact_within=df["name"].map(exact) <= 25,
    )
    return r.groupby(["family", "country"]).agg(
        n=("within", "size"),
        within_25km=("within", "mean"),
        exact_within=("exact_within", "mean"),
        covered=("covered", "mean"),
        median_radius_km=("radius_km", "median"),
    )


if __name__ == "__main__":
    rows = run(Gazetteer.load())
    print(table(rows).round(3).to_string())
    if len(sys.argv) > 1:
        rows.to_csv(sys.argv[1], index=False)
