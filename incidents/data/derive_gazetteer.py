"""Build the compact place-name gazetteer shipped as ``incidents/data/gazetteer.parquet``.

Run from the project root after :mod:`geo.data.derive` (it reads the shipped
admin, tehsil, crossing and frontier layers)::

    python -m incidents.data.derive_gazetteer --source PATH/TO/shared/data

Also read: ``incidents/data/admin_aliases.csv`` (curated admin-name aliases, each
with its source), ``incidents/data/frontier_features.csv`` (curated valleys,
passes, tribal areas, ... with a cited point and extent) and
``incidents/data/gazetteer_corrections.csv`` (cited point corrections of source
records found off their position) when present.

Inputs (``--source``/gazetteer, see ``SOURCES_gazetteer.md``): Who's On First
AF/PK admin places, GeoNames cities500, OSM Afghan villages, Natural Earth
elevation points; plus the shipped ``admin1``/``admin2``/``pak_tehsils``/
``crossings`` layers, which become gazetteer entries of their own with a
measured radius (``radius_km``: farthest boundary vertex from the entry point).

One row per place.  ``keys`` are the :func:`incidents._names.norm` keys of the
name and alternate names (Latin and Arabic script only), ``skels`` their
:func:`incidents._names.skeleton` keys, so that loading needs no string work.
``admin1``/``admin2``/``country`` are point-in-polygon values in the shipped
admin layers (so they compare directly with hints resolved against them).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import shapely

from geo import reference
from incidents._names import NORM_VERSION, admin_core, norm, script, similarity, skeleton

OUT = Path(__file__).resolve().parent / "gazetteer.parquet"
#: Same-name records from two sources closer than this are one place.
DEDUPE_KM = 2.0
_AEQD = "+proj=aeqd +lat_0=33 +lon_0=67.5 +datum=WGS84 +units=m"
_R_EARTH_KM = 6371.0088

HERE = Path(__file__).resolve().parent
ALIASES = HERE / "admin_aliases.csv"
FEATURES = HERE / "frontier_features.csv"
CORRECTIONS = HERE / "gazetteer_corrections.csv"
#: A correction names the record it moves by its name and its point in the source
#: data; the record must lie this close to that point.
CORRECTION_MATCH_KM = 1.0
#: ``feature_class`` values of the frontier features table -> gazetteer kind.
FEATURE_CLASSES = {
    "valley": "valley",
    "pass": "pass",
    "mountain": "mountain",
    "range": "range",
    "tribal_area": "tribal_area",
    "border_post": "border_post",
    "market": "market",
    "crossing": "crossing_point",
    "area": "area",
    "river": "river",
    "plain": "plain",
    "gas_field": "gas_field",
    "camp": "camp",
    "other": "other_feature",
    # a named part of a town (a populated place, so it answers "X town"/"X colony")
    "neighbourhood": "neighbourhood",
}
#: Extent given to Natural Earth point features (no extent in the source).
NE_RADIUS_KM = {"pass": 3.0, "mountain": 10.0}


def read_aliases(path: Path = ALIASES) -> pd.DataFrame:
    """The curated admin-name alias table (``alias,unit,level,country,source``)."""
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    want = ["alias", "unit", "level", "country", "source"]
    if list(df.columns) != want:
        raise SystemExit(f"{path.name}: columns {list(df.columns)}, expected {want}")
    bad = df[~df["level"].isin(["admin1", "admin2", "tehsil"]) | (df["source"] == "")]
    if len(bad):
        raise SystemExit(f"{path.name}: bad level or missing source in rows {bad.index.tolist()}")
    return df


def read_features(path: Path = FEATURES) -> pd.DataFrame:
    """The curated frontier features table, validated (empty when absent)."""
    cols = [
        "name",
        "alt_names",
        "feature_class",
        "country",
        "admin1",
        "admin2",
        "latitude",
        "longitude",
        "radius_km",
        "source",
        "note",
    ]
    if not path.exists():
        return pd.DataFrame(columns=cols)
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise SystemExit(f"{path.name}: missing columns {missing}")
    lat = pd.to_numeric(df["latitude"], errors="coerce")
    lon = pd.to_numeric(df["longitude"], errors="coerce")
    rad = pd.to_numeric(df["radius_km"], errors="coerce")
    ok = (
        lat.between(23, 39)
        & lon.between(60, 78.5)
        & rad.gt(0)
        & df["feature_class"].isin(list(FEATURE_CLASSES))
        & df["country"].isin(["AF", "PK"])
        & (df["name"].str.strip() != "")
        & (df["source"].str.strip() != "")
    )
    if not ok.all():
        print(f"  {path.name}: skipped {int((~ok).sum())} invalid rows: {df.index[~ok].tolist()}")
    df = df[ok].copy()
    df["latitude"], df["longitude"], df["radius_km"] = lat[ok], lon[ok], rad[ok]
    return df


def feature_entries(path: Path = FEATURES) -> pd.DataFrame:
    """Frontier features as gazetteer rows of their own kind (never villages)."""
    df = read_features(path)
    rows = [
        dict(
            name=r.name.strip(),
            keys=_keys([r.name, *_split(r.alt_names)]),
            lat=float(r.latitude),
            lon=float(r.longitude),
            kind=FEATURE_CLASSES[r.feature_class],
            feature_code=r.feature_class,
            country=r.country,
            admin1=None,
            admin2=None,
            radius_km=float(r.radius_km),
            source="frontier_features: " + r.source.strip(),
        )
        for r in df.itertuples()
    ]
    return pd.DataFrame(rows)


def read_corrections(path: Path = CORRECTIONS) -> pd.DataFrame:
    """The cited point corrections (empty when absent), validated.

    Columns ``name, country, from_latitude, from_longitude, latitude, longitude,
    source, note``: the source record called ``name`` at ``from_*`` is moved to
    ``latitude``/``longitude``, a coordinate copied from the record cited in
    ``source`` (a Wikipedia article, GeoNames or OpenStreetMap record).
    """
    cols = [
        "name",
        "country",
        "from_latitude",
        "from_longitude",
        "latitude",
        "longitude",
        "source",
        "note",
    ]
    if not path.exists():
        return pd.DataFrame(columns=cols)
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    if list(df.columns) != cols:
        raise SystemExit(f"{path.name}: columns {list(df.columns)}, expected {cols}")
    nums = df[cols[2:6]].apply(pd.to_numeric, errors="coerce")
    bad = (
        nums.isna().any(axis=1)
        | ~df["country"].isin(["AF", "PK"])
        | (df["name"].str.strip() == "")
        | ~df["source"].str.startswith("https://")
    )
    if bad.any():
        raise SystemExit(f"{path.name}: bad rows {df.index[bad].tolist()}")
    df[cols[2:6]] = nums
    return df


def apply_corrections(places: pd.DataFrame, corrections: pd.DataFrame) -> pd.DataFrame:
    """``places`` with the records named by ``corrections`` moved to the cited point.

    A record is moved when one of its ``keys`` is the correction's normalised name,
    its country matches and it lies within :data:`CORRECTION_MATCH_KM` of the
    correction's ``from_*`` point; its ``source`` gains ``+corrected``.  A
    correction that moves nothing is an error (the source data changed under it).
    """
    out = places.copy()
    lat = out["lat"].to_numpy(dtype=float).copy()
    lon = out["lon"].to_numpy(dtype=float).copy()
    source = out["source"].astype(str).to_numpy(dtype=object).copy()
    for r in corrections.itertuples(index=False):
        key = norm(r.name)
        near = _hav_km(r.from_latitude, r.from_longitude, lat, lon) <= CORRECTION_MATCH_KM
        named = np.array([key in ks for ks in out["keys"]], dtype=bool)
        hit = near & named & (out["country"].to_numpy() == r.country)
        if not hit.any():
            raise SystemExit(
                f"correction {r.name!r} ({r.from_latitude}, {r.from_longitude}) matches no "
                "record: the source data changed; update or drop the correction"
            )
        lat[hit], lon[hit] = r.latitude, r.longitude
        source[hit] = [f"{s}+corrected" for s in source[hit]]
    return out.assign(lat=lat, lon=lon, source=source)


COUNTRY_NAMES: dict[str, list[str]] = {
    "AF": [
        "Afghanistan",
        "Afghan",
        "Afghani",
        "Afghans",
        "Islamic Emirate of Afghanistan",
        "Islamic Republic of Afghanistan",
        "AFG",
        "افغانستان",
    ],
    "PK": [
        "Pakistan",
        "Pakistani",
        "Pakistanis",
        "Islamic Republic of Pakistan",
        "PAK",
        "پاکستان",
    ],
}


def _keys(names: list[object], *, admin: bool = False) -> list[str]:
    out: list[str] = []
    for n in names:
        k = norm(n)
        if admin:
            k = admin_core(k)
        if k and script(k) != "other" and not k.isdigit() and k not in out:
            out.append(k)
    return out


def _split(s: object, sep: str = "|") -> list[str]:
    return [p.strip() for p in s.split(sep)] if isinstance(s, str) and s else []


def _paren_variants(name: str) -> list[str]:
    """ "Ali Khail (Jaji)" -> [full, "Ali Khail", "Jaji"]."""
    name = " ".join(name.split())
    out = [name]
    if "(" in name:
        head, _, rest = name.partition("(")
        out += [head.strip(), rest.rstrip(")").strip()]
    return [o for o in out if o]


def _hav_km(lat1, lon1, lat2, lon2):
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dlat, dlon = p2 - p1, np.radians(lon2) - np.radians(lon1)
    a = np.sin(dlat / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlon / 2) ** 2
    return 2 * _R_EARTH_KM * np.arcsin(np.sqrt(a))


def _anchor_and_radius(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Centroid (or a representative point when the centroid falls outside) of
    each polygon and the distance from it to the farthest boundary vertex, km."""
    cen = shapely.centroid(geoms)
    inside = shapely.contains(geoms, cen)
    pts = np.where(inside, cen, shapely.point_on_surface(geoms))
    return _points_radius(geoms, pts)


def _points_radius(geoms: np.ndarray, pts: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    coords, idx = shapely.get_coordinates(shapely.boundary(geoms), return_index=True)
    px, py = shapely.get_x(pts), shapely.get_y(pts)
    d = _hav_km(py[idx], px[idx], coords[:, 1], coords[:, 0])
    radius = np.zeros(len(geoms))
    np.maximum.at(radius, idx, d)
    return py, px, radius


#: A tehsil belongs to the district its OCHA record names when its outline lies
#: this much (area share) in that shipped district: OCHA's coarse outlines and the
#: shipped OSM districts disagree near their edges (Quetta City's label point falls
#: in Mastung), while a record naming a district the outline barely touches is
#: older than the shipped layout (Karachi's Site Town, in Keamari since 2020).
TEHSIL_SHARE = 0.25


def _unit_key(name: object) -> str:
    """A district name compared across layers: words sorted ("South Karachi" =
    "Karachi South"), unit words dropped."""
    return " ".join(sorted(admin_core(norm(str(name))).split()))


def tehsil_districts(
    teh: gpd.GeoDataFrame, a2: gpd.GeoDataFrame, aliases: pd.DataFrame
) -> tuple[list[str | None], np.ndarray]:
    """The shipped district of each tehsil, and a point for it inside both.

    The district the tehsil's OCHA record names (``adm2``, through the alias
    table or a spelling match) when the tehsil's outline lies at least
    :data:`TEHSIL_SHARE` in it; otherwise the district holding the label point,
    or, when the label point lies in none (the coast), the one holding most of the
    outline.  The point is the label point when it lies in that district, else a
    point inside the part of the outline in it.
    """
    eq = "+proj=laea +lat_0=30 +lon_0=69 +datum=WGS84 +units=m"
    pk = a2[a2["country"] == "PK"].reset_index(drop=True)
    names = [" ".join(s.split()) for s in pk["admin2"]]
    al = aliases[aliases["level"] == "admin2"]
    alias_of: dict[str, set[str]] = {}
    for a, u in zip(al["alias"], al["unit"], strict=True):
        alias_of.setdefault(_unit_key(a), set()).add(" ".join(u.split()))
    tg = teh.to_crs(eq).geometry.values
    dg = pk.to_crs(eq).geometry.values
    labels = shapely.points(teh["label_lon"].to_numpy(), teh["label_lat"].to_numpy())
    tree = shapely.STRtree(pk.geometry.values)
    units: list[str | None] = []
    pts = np.array(labels, dtype=object)
    for i in range(len(teh)):
        near = tree.query(teh.geometry.values[i])
        share = {int(j): shapely.intersection(tg[i], dg[j]).area / tg[i].area for j in near}
        key = _unit_key(teh["adm2"].iloc[i])
        named = [
            j
            for j in share
            if share[j] >= TEHSIL_SHARE
            and (
                _unit_key(names[j]) == key
                or names[j] in alias_of.get(key, ())
                or similarity(_unit_key(names[j]), key) >= 0.85
            )
        ]
        holding = [j for j in near if shapely.contains(pk.geometry.values[j], labels[i])]
        if named:
            j = max(named, key=share.__getitem__)
        elif holding:
            j = holding[0]
        elif share:
            j = max(share, key=share.__getitem__)
        else:
            units.append(None)
            continue
        units.append(names[j])
        if not shapely.contains(pk.geometry.values[j], labels[i]):
            part = shapely.intersection(teh.geometry.values[i], pk.geometry.values[j])
            pts[i] = shapely.point_on_surface(part)
    return units, pts


def admin_entries(src: Path) -> pd.DataFrame:
    """Country, province, district and tehsil entries from the shipped layers,
    named with the shipped name, WOF names and the alias tables."""
    a1, a2 = reference.admin1(), reference.admin2()
    aliases = read_aliases()
    alias1 = aliases[aliases["level"] == "admin1"].groupby("unit")["alias"].agg(list).to_dict()
    unknown = set(alias1) - set(a1["admin1"])
    if unknown:
        raise SystemExit(f"admin_aliases.csv: {sorted(unknown)} are not shipped provinces")
    wof = _read_wof(src)
    wof = wof[wof["kind"].isin(["county", "region"])]
    rows: list[dict] = []

    ctry = reference.countries()
    lat, lon, rad = _anchor_and_radius(ctry.geometry.values)
    for i, r in enumerate(ctry.itertuples()):
        rows.append(
            dict(
                name=r.name,
                keys=_keys([r.name, *COUNTRY_NAMES[r.country]]),
                lat=lat[i],
                lon=lon[i],
                kind="country",
                feature_code="PCLI",
                country=r.country,
                admin1=None,
                admin2=None,
                radius_km=rad[i],
                source="geo.data countries (OSM via @geo-maps)",
            )
        )

    lat, lon, rad = _anchor_and_radius(a1.geometry.values)
    wreg = wof[wof["kind"] == "region"]
    for i, r in enumerate(a1.itertuples()):
        names = [r.admin1, *alias1.get(r.admin1, [])]
        for w in wreg[wreg["pip_adm1"] == r.admin1].itertuples():
            names += [w.name, *_split(w.alt_names)]
        rows.append(
            dict(
                name=r.admin1,
                # curated aliases also as written ("D.I. Khan" is not "I Khan")
                keys=_keys([*_keys(names, admin=True), *_keys(alias1.get(r.admin1, []))]),
                lat=lat[i],
                lon=lon[i],
                kind="region",
                feature_code="ADM1",
                country=r.country,
                admin1=r.admin1,
                admin2=None,
                radius_km=rad[i],
                source="geo.data admin1",
            )
        )

    lat, lon, rad = _anchor_and_radius(a2.geometry.values)
    a2names = [" ".join(n.split()) for n in a2["admin2"]]
    a2keys = [admin_core(norm(n)) for n in a2names]
    # WOF counties: merge into the shipped district they fall in when the names
    # agree; otherwise keep as a district entry of their own.
    wcty = wof[wof["kind"] == "county"].reset_index(drop=True)
    wpts = gpd.GeoDataFrame(wcty, geometry=gpd.points_from_xy(wcty["lon"], wcty["lat"]), crs=4326)
    hit = gpd.sjoin(wpts, a2[["geometry"]], how="left", predicate="within")
    hit = hit[~hit.index.duplicated()]
    merged: dict[int, list[str]] = {}
    extra: list[int] = []
    for j, w in enumerate(wcty.itertuples()):
        pos = hit["index_right"].iloc[j]
        wk = admin_core(norm(w.name))
        if pd.notna(pos):
            pos = int(pos)
            ak = a2keys[pos]
            if similarity(wk, ak) >= 0.6 or skeleton(wk) == skeleton(ak) or wk in ak or ak in wk:
                alts = [
                    n
                    for n in _split(w.alt_names)
                    if script(norm(n)) == "arabic" or similarity(admin_core(norm(n)), wk) >= 0.5
                ]
                merged.setdefault(pos, []).extend([w.name, *alts])
                continue
        extra.append(j)
    alias_of: dict[str, list[str]] = {}
    for alias, t in aliases.loc[aliases["level"] == "admin2", ["alias", "unit"]].itertuples(
        index=False
    ):
        if t not in a2names:
            raise SystemExit(f"admin_aliases.csv: {alias!r} -> {t!r} is not a shipped district")
        alias_of.setdefault(t, []).append(alias)
    for i, r in enumerate(a2.itertuples()):
        names = [*_paren_variants(a2names[i]), *merged.get(i, []), *alias_of.get(a2names[i], [])]
        rows.append(
            dict(
                name=a2names[i],
                keys=_keys([*_keys(names, admin=True), *_keys(alias_of.get(a2names[i], []))]),
                lat=lat[i],
                lon=lon[i],
                kind="county",
                feature_code="ADM2",
                country=r.country,
                admin1=r.admin1,
                admin2=a2names[i],
                radius_km=rad[i],
                source="geo.data admin2",
            )
        )
    # Unmerged WOF counties: radius from their point to the boundary of the
    # district they sit in, at least 10 km.
    ex = wcty.iloc[extra]
    if len(ex):
        pos = hit["index_right"].iloc[extra].to_numpy()
        ok = pd.notna(pos)
        geoms = a2.geometry.values[pos[ok].astype(int)]
        _, _, r_ok = _points_radius(
            geoms, shapely.points(ex["lon"].to_numpy()[ok], ex["lat"].to_numpy()[ok])
        )
        radius = np.full(len(ex), 50.0)
        radius[ok] = np.maximum(r_ok, 10.0)
        for k, w in enumerate(ex.itertuples()):
            alts = [
                n
                for n in _split(w.alt_names)
                if similarity(admin_core(norm(n)), admin_core(norm(w.name))) >= 0.5
            ]
            rows.append(
                dict(
                    name=w.name,
                    keys=_keys([w.name, *alts], admin=True),
                    lat=w.lat,
                    lon=w.lon,
                    kind="county",
                    feature_code="ADM2",
                    country=w.country_code,
                    admin1=None,
                    admin2=None,
                    radius_km=radius[k],
                    source=w.source,
                )
            )

    teh = reference.pak_tehsils()
    unit_of, pts = tehsil_districts(teh, a2, aliases)
    lat, lon, rad = _points_radius(teh.geometry.values, pts)
    a2_names = a2["admin2"].map(lambda s: " ".join(s.split()))
    a1_of = dict(zip(a2_names, a2["admin1"], strict=True))
    for i, r in enumerate(teh.itertuples()):
        names = [*_paren_variants(r.name), *_split(r.alt_names)]
        # Karachi's tehsils are its former "towns" ("Orangi Town", "Liyari Town"),
        # reported by their own name too ("Karachi - Orangi")
        names += [n[:-5] for n in names if norm(n).endswith(" town") and len(norm(n)) > 9]
        rows.append(
            dict(
                name=r.name,
                keys=_keys(names, admin=True),
                lat=lat[i],
                lon=lon[i],
                kind="tehsil",
                feature_code="ADM3",
                country="PK" if unit_of[i] else None,
                admin1=a1_of.get(unit_of[i]),
                admin2=unit_of[i],
                radius_km=rad[i],
                source="geo.data pak_tehsils (OCHA COD-AB 2022 via pkmapr)",
            )
        )

    cx = reference.crossings()
    for r in cx.itertuples():
        names = [r.name, *_split(r.alt_names, ";")]
        rows.append(
            dict(
                name=r.name,
                keys=_keys(names),
                lat=r.lat,
                lon=r.lon,
                kind="crossing",
                feature_code="BCP",
                country=None,
                admin1=None,
                admin2=None,
                radius_km=float(r.uncertainty_km),
                source="geo.data crossings",
            )
        )
    return pd.DataFrame(rows)


def _read_wof(src: Path) -> pd.DataFrame:
    cols = [
        "name",
        "alt_names",
        "lat",
        "lon",
        "feature_code",
        "kind",
        "country_code",
        "pip_adm1",
        "population",
        "geonameid",
        "source",
    ]
    parts = [
        pd.read_csv(
            src / "gazetteer" / f"wof_{cc}_admin_places.csv",
            usecols=cols,
            keep_default_na=False,
            na_values=[""],
            dtype={"geonameid": "Int64"},
            low_memory=False,
        )
        for cc in ("af", "pk")
    ]
    return pd.concat(parts, ignore_index=True)


def place_entries(src: Path, *, exclude: tuple[str, ...] = ()) -> pd.DataFrame:
    """Populated places and named features from the four gazetteer sources, deduplicated."""
    g = src / "gazetteer"
    wof = _read_wof(src)
    wof = wof[~wof["kind"].isin(["county", "region"])].reset_index(drop=True)
    places = pd.DataFrame(
        {
            "name": wof["name"],
            "names": [[n, *_split(a)] for n, a in zip(wof["name"], wof["alt_names"], strict=True)],
            "lat": wof["lat"],
            "lon": wof["lon"],
            "kind": wof["kind"],
            "feature_code": wof["feature_code"],
            "country": wof["country_code"],
            "population": wof["population"],
            "geonameid": wof["geonameid"],
            "source": "wof:" + wof["source"].str.split("/").str[0],
        }
    )

    gn = pd.read_csv(g / "geonames_cities500_af_pk.csv", keep_default_na=False, na_values=[""])
    gn_names = [
        [n, a, *_split(alt, ",")]
        for n, a, alt in zip(gn["name"], gn["asciiname"], gn["alternatenames"], strict=True)
    ]
    gn = pd.DataFrame(
        {
            "name": gn["name"],
            "names": gn_names,
            "lat": gn["latitude"],
            "lon": gn["longitude"],
            "kind": "locality",
            "feature_code": gn["feature_code"],
            "country": gn["country_code"],
            "population": gn["population"],
            "geonameid": gn["geonameid"].astype("Int64"),
            "source": "geonames:cities500",
        }
    )
    osm = pd.read_csv(g / "osm_af_places.csv", keep_default_na=False, na_values=[""])
    osm = pd.DataFrame(
        {
            "name": osm["name"],
            "names": [[n, *_split(a)] for n, a in zip(osm["name"], osm["alt_names"], strict=True)],
            "lat": osm["lat"],
            "lon": osm["lon"],
            "kind": "locality",
            "feature_code": "PPL",
            "country": "AF",
            "population": pd.to_numeric(osm["population"], errors="coerce"),
            "geonameid": pd.array([pd.NA] * len(osm), dtype="Int64"),
            "source": "osm:" + osm["osm_id"],
        }
    )
    ne = pd.read_csv(g / "naturalearth_elevation_points_af_pk.csv", keep_default_na=False)
    ne = pd.DataFrame(
        {
            "name": ne["name"],
            "names": [[n, *_split(a)] for n, a in zip(ne["name"], ne["alt_names"], strict=True)],
            "lat": ne["lat"],
            "lon": ne["lon"],
            "kind": ne["kind"],
            "feature_code": ne["feature_code"],
            "country": ne["country_code"],
            "population": np.nan,
            "geonameid": pd.array([pd.NA] * len(ne), dtype="Int64"),
            "source": "naturalearth:elevation_points",
            "radius_km": ne["kind"].map(NE_RADIUS_KM),
        }
    )

    places["keys"] = [_keys(n) for n in places["names"]]
    places["population"] = pd.to_numeric(places["population"], errors="coerce")
    # WOF sometimes gives one GeoNames id to several records (Karachi's id is also on
    # the neighbourhood "Pechs"): a record is merged into the one carrying its own name.
    by_gid: dict[int, list[int]] = {}
    for i, v in places["geonameid"].dropna().items():
        by_gid.setdefault(int(v), []).append(int(i))
    key_index: dict[str, list[int]] = {}
    for i, ks in enumerate(places["keys"]):
        for k in ks:
            key_index.setdefault(k, []).append(i)
    lat_arr, lon_arr = places["lat"].to_numpy(), places["lon"].to_numpy()
    new_rows: list[dict] = []
    stats = {"geonameid": 0, "name_2km": 0, "added": 0}
    extras = {"geonames": gn, "osm": osm, "naturalearth": ne}
    for extra in (v for k, v in extras.items() if k not in exclude):
        for r in extra.to_dict("records"):
            ks = _keys(r["names"])
            target = None
            gid = r["geonameid"]
            if pd.notna(gid) and int(gid) in by_gid:
                target, how = _same_record(by_gid[int(gid)], ks, places["keys"]), "geonameid"
            if target is None:
                for k in ks:
                    for i in key_index.get(k, ()):
                        if _hav_km(r["lat"], r["lon"], lat_arr[i], lon_arr[i]) <= DEDUPE_KM:
                            target, how = i, "name_2km"
                            break
                    if target is not None:
                        break
            if target is None:
                r["keys"] = ks
                new_rows.append(r)
                stats["added"] += 1
                continue
            stats[how] += 1
            if (
                how == "geonameid"
                and r["source"].startswith("geonames")
                and _hav_km(r["lat"], r["lon"], lat_arr[target], lon_arr[target]) > DEDUPE_KM
            ):
                # A town's GeoNames point is its centre; WOF's point of a large town
                # can be a polygon label kilometres away (Karachi: 11.8 km).
                places.at[target, "lat"], places.at[target, "lon"] = r["lat"], r["lon"]
            cur = places.at[target, "keys"]
            places.at[target, "keys"] = cur + [k for k in ks if k not in cur]
            if pd.isna(places.at[target, "feature_code"]) and pd.notna(r["feature_code"]):
                places.at[target, "feature_code"] = r["feature_code"]
            pop = r["population"]
            if pd.notna(pop) and not (places.at[target, "population"] >= pop):
                places.at[target, "population"] = pop
            places.at[target, "source"] += "+" + r["source"].split(":")[0]
    print(f"  dedupe: {stats}")
    out = pd.concat([places, pd.DataFrame(new_rows)], ignore_index=True).drop(columns="names")
    return out[out["keys"].str.len() > 0].reset_index(drop=True)


def _same_record(rows: list[int], keys: list[str], have: pd.Series) -> int | None:
    """The record among ``rows`` (sharing one GeoNames id) that carries one of
    ``keys`` as its primary name, else one carrying it as any name, else None when
    several records share the id and none carries the name."""
    for i in rows:
        if have.at[i] and have.at[i][0] in keys:
            return i
    for i in rows:
        if set(have.at[i]) & set(keys):
            return i
    return rows[0] if len(rows) == 1 else None


def _locate(df: pd.DataFrame) -> pd.DataFrame:
    """Point-in-polygon country/admin1/admin2 in the shipped layers + frontier distance."""
    a2 = reference.admin2()
    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(df["lon"], df["lat"]), crs=4326)
    hit = gpd.sjoin(pts, a2[["country", "admin1", "admin2", "geometry"]], how="left")
    hit = hit[~hit.index.duplicated()]
    df = df.copy()
    for col in ("country", "admin1", "admin2"):
        val = hit[col].reindex(df.index)
        if col == "admin2":
            val = val.map(lambda s: " ".join(s.split()) if isinstance(s, str) else s)
        keep = df[col] if col in df else pd.Series(None, index=df.index, dtype=object)
        # Admin units keep their own values; everything else takes the polygon's.
        own = df["kind"].isin(["region", "county", "tehsil"]) & keep.notna()
        df[col] = keep.where(own, val.where(val.notna(), keep if col == "country" else None))
    df.loc[df["kind"] == "country", ["admin1", "admin2"]] = None
    df.loc[df["kind"] == "region", "admin2"] = None
    line = reference.frontier_line("osm").to_crs(_AEQD).geometry.iloc[0]
    xy = pts.to_crs(_AEQD).geometry.values
    df["dist_frontier_km"] = shapely.distance(xy, line) / 1000.0
    return df


def _drop_foreign_primary_names(df: pd.DataFrame) -> pd.DataFrame:
    """An admin unit may not carry another unit's own name as an alternate name.

    Who's On First lists, e.g., "South Waziristan" among the names of North
    Waziristan; left in, the wrong district would answer for the right name.
    Curated aliases (``admin_aliases.csv``) are kept; a unit of another source
    (an unmerged Who's On First county) loses every name a shipped unit of its
    kind carries, so the shipped unit answers for it.
    """
    admin = df["kind"].isin(["county", "region", "tehsil"]).to_numpy()
    shipped = df["source"].astype(str).str.startswith("geo.data").to_numpy()
    curated = {
        (row.unit, k)
        for row in read_aliases().itertuples()
        for k in (admin_core(norm(row.alias)), norm(row.alias))
    }
    owner: dict[tuple[str, str], set[int]] = {}
    carried: set[tuple[str, str]] = set()
    keys = df["keys"].tolist()
    for i in np.flatnonzero(admin & shipped):
        owner.setdefault((df.at[i, "kind"], norm(df.at[i, "name"])), set()).add(i)
        carried |= {(df.at[i, "kind"], k) for k in keys[i]}
    dropped = 0
    for i in np.flatnonzero(admin):
        kind, name = df.at[i, "kind"], " ".join(str(df.at[i, "name"]).split())
        if shipped[i]:
            kept = [
                k
                for k in keys[i]
                if (name, k) in curated or (kind, k) not in owner or i in owner[(kind, k)]
            ]
        else:
            kept = [k for k in keys[i] if (kind, k) not in carried]
        dropped += len(keys[i]) - len(kept)
        keys[i] = kept
    print(f"  dropped {dropped} alternate names that are another unit's own name")
    return df.assign(keys=keys)


#: A shipped district takes the geometric median of the populated places inside it
#: as its point (a tehsil as its fallback point) when it holds at least this many.
ANCHOR_MIN_PLACES = 5


def _geometric_median(lat: np.ndarray, lon: np.ndarray) -> tuple[float, float]:
    """The point with the least summed distance to the given points (Weiszfeld's
    iteration on a local equirectangular plane: units are tens of km across)."""
    lat0, lon0 = float(np.median(lat)), float(np.median(lon))
    kx, ky = np.cos(np.radians(lat0)) * 111.32, 110.57
    x, y = (lon - lon0) * kx, (lat - lat0) * ky
    px, py = float(np.median(x)), float(np.median(y))
    for _ in range(200):
        w = 1.0 / np.maximum(np.hypot(x - px, y - py), 1e-3)
        nx, ny = float((w * x).sum() / w.sum()), float((w * y).sum() / w.sum())
        done = abs(nx - px) + abs(ny - py) < 1e-4
        px, py = nx, ny
        if done:
            break
    return lat0 + py / ky, lon0 + px / kx


def _tehsil_outlines(df: pd.DataFrame) -> dict[int, int]:
    """Row of each tehsil entry -> position of its outline in the shipped layer:
    the outline of that name holding the entry's point."""
    teh = reference.pak_tehsils().reset_index(drop=True)
    rows = np.flatnonzero((df["kind"] == "tehsil").to_numpy())
    pts = shapely.points(df["lon"].to_numpy(float)[rows], df["lat"].to_numpy(float)[rows])
    pi, gi = shapely.STRtree(teh.geometry.values).query(pts, predicate="within")
    names = teh["name"].to_numpy()
    return {
        int(rows[p]): int(g)
        for p, g in zip(pi, gi, strict=True)
        if names[g] == df.at[rows[p], "name"]
    }


def _unit_places(df: pd.DataFrame) -> tuple[pd.DataFrame, dict[int, np.ndarray], dict]:
    """Populated places, those inside each tehsil outline (by its position in the
    shipped layer) and those of each district, province and country (by the
    shipped polygon holding them)."""
    places = df[df["kind"].isin(["locality", "neighbourhood", "campus", "localadmin"])]
    teh = reference.pak_tehsils().reset_index(drop=True)
    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(places["lon"], places["lat"]), crs=4326)
    in_teh = gpd.sjoin(pts, teh[["geometry"]], how="inner", predicate="within")
    # tehsil names repeat (two Khanpur): places are grouped by outline
    by_outline = in_teh.reset_index().groupby("index_right")["index"]
    teh_of = {int(k): v.to_numpy() for k, v in by_outline}
    groups = {
        # district names repeat across provinces (Arghandab, Kohistan, Qarabagh)
        "county": places.groupby(["country", "admin1", "admin2"]).indices,
        "region": places.groupby("admin1").indices,
        "country": places.groupby("country").indices,
    }
    return places, teh_of, groups


def _settlement_anchors(
    df: pd.DataFrame, units: tuple[pd.DataFrame, dict, dict], outline: dict[int, int]
) -> pd.DataFrame:
    """Each shipped district placed at the geometric median of the populated places
    inside it instead of its outline's centroid; each tehsil given that median as
    its fallback point (``fallback_lat``, ``fallback_lon``, ``fallback_km``: the 95th
    percentile distance from it), keeping its label point, which marks its seat.

    The point stands for an incident reported only by the unit (or at a place
    the gazetteer lacks, in that unit): incidents happen where people live, and
    the median of the unit's settlements is the point nearest them in sum
    (measured on places held out of the index, README "Geocoding accuracy").
    The point must lie inside the unit (inside the tehsil's part of its
    district); otherwise the unit's place nearest the median is used.
    A district's ``radius_km`` becomes the farthest boundary vertex from it.
    ``units`` and ``outline``: :func:`_unit_places` and :func:`_tehsil_outlines` of
    ``df`` (neither a place nor a tehsil's point moves here)."""
    places, teh_of, groups = units
    plat, plon = places["lat"].to_numpy(float), places["lon"].to_numpy(float)
    a2 = reference.admin2()
    a2_geom = {
        (c, a1, " ".join(str(n).split())): g
        for c, a1, n, g in zip(
            a2["country"], a2["admin1"], a2["admin2"], a2.geometry.values, strict=True
        )
    }
    teh = reference.pak_tehsils().reset_index(drop=True)
    df = df.copy()
    df["fallback_lat"] = df["fallback_lon"] = df["fallback_km"] = np.nan
    moved = []
    for i in np.flatnonzero(
        df["kind"].isin(["county", "tehsil"]) & df["source"].astype(str).str.startswith("geo.data")
    ):
        if df.at[i, "kind"] == "tehsil":
            k = outline.get(int(i))
            idx = teh_of.get(k, np.empty(0, dtype=int)) if k is not None else np.empty(0, int)
            geom = teh.geometry.values[k] if k is not None else None
            dist = a2_geom.get(("PK", df.at[i, "admin1"], df.at[i, "admin2"]))
            if geom is not None and dist is not None:
                part = shapely.intersection(geom, dist)
                geom = part if not part.is_empty else geom
        else:
            key = (df.at[i, "country"], df.at[i, "admin1"], df.at[i, "admin2"])
            idx = groups["county"].get(key, np.empty(0, dtype=int))
            geom = a2_geom.get(key)
        if len(idx) < ANCHOR_MIN_PLACES or geom is None:
            continue
        lat, lon = _geometric_median(plat[idx], plon[idx])
        if not shapely.contains(geom, shapely.Point(lon, lat)):
            inside = idx[shapely.contains(geom, shapely.points(plon[idx], plat[idx]))]
            if not len(inside):
                continue
            j = inside[int(np.argmin(_hav_km(lat, lon, plat[inside], plon[inside])))]
            lat, lon = plat[j], plon[j]
        if df.at[i, "kind"] == "tehsil":
            # a tehsil named as a place is its seat, which its label point marks
            # (Jhal Jhao): the median serves only places it holds that the
            # gazetteer lacks
            d = _hav_km(lat, lon, plat[idx], plon[idx])
            df.at[i, "fallback_lat"], df.at[i, "fallback_lon"] = lat, lon
            df.at[i, "fallback_km"] = float(np.percentile(d, 95, method="higher"))
            continue
        _, _, rad = _points_radius(np.array([geom]), np.array([shapely.Point(lon, lat)]))
        df.at[i, "lat"], df.at[i, "lon"], df.at[i, "radius_km"] = lat, lon, float(rad[0])
        moved.append(i)
    line = reference.frontier_line("osm").to_crs(_AEQD).geometry.iloc[0]
    xy = gpd.GeoSeries(
        gpd.points_from_xy(df.loc[moved, "lon"], df.loc[moved, "lat"]), crs=4326
    ).to_crs(_AEQD)
    df.loc[moved, "dist_frontier_km"] = shapely.distance(xy.values, line) / 1000.0
    print(
        f"  {len(moved)} districts placed at the median of their places, "
        f"{int(df['fallback_lat'].notna().sum())} tehsils given it as their fallback point"
    )
    return df


def _radius95(
    df: pd.DataFrame, units: tuple[pd.DataFrame, dict, dict], outline: dict[int, int]
) -> np.ndarray:
    """95th percentile of the distance from each admin unit's point to the
    populated places inside it: the radius a fallback to the unit needs to
    contain where incidents in it happen (NaN for other rows)."""
    out = np.full(len(df), np.nan)
    places, teh_of, groups = units
    plat, plon = places["lat"].to_numpy(float), places["lon"].to_numpy(float)
    for i in np.flatnonzero(df["kind"].isin(["county", "region", "country", "tehsil"])):
        kind = df.at[i, "kind"]
        if kind == "tehsil":
            k = outline.get(int(i))
            idx = teh_of.get(k, np.empty(0, dtype=int)) if k is not None else np.empty(0, int)
        else:
            if not str(df.at[i, "source"]).startswith("geo.data"):
                continue
            key = {
                "county": (df.at[i, "country"], df.at[i, "admin1"], df.at[i, "admin2"]),
                "region": df.at[i, "admin1"],
                "country": df.at[i, "country"],
            }[kind]
            idx = groups[kind].get(key, np.empty(0, dtype=int))
        if len(idx) < 5:
            continue
        d = _hav_km(df.at[i, "lat"], df.at[i, "lon"], plat[idx], plon[idx])
        out[i] = min(float(np.percentile(d, 95, method="higher")), float(df.at[i, "radius_km"]))
    return out


def build(src: Path, *, exclude: tuple[str, ...] = ()) -> pd.DataFrame:
    """The gazetteer table; ``exclude`` leaves out place sources (``"osm"``,
    ``"geonames"``, ``"naturalearth"``, ``"features"``) for holdout evaluation."""
    admin = admin_entries(src)
    places = apply_corrections(place_entries(src, exclude=exclude), read_corrections())
    parts = [admin, places]
    if "features" not in exclude:
        parts.append(feature_entries())
    df = pd.concat(parts, ignore_index=True)
    df = _locate(df)
    df = _drop_foreign_primary_names(df)
    df = df[df["keys"].str.len() > 0].reset_index(drop=True)
    df["skels"] = [sorted({s for s in map(skeleton, ks) if s}) for ks in df["keys"]]
    units, outline = _unit_places(df), _tehsil_outlines(df)
    df = _settlement_anchors(df, units, outline)
    df["radius95_km"] = _radius95(df, units, outline)
    return df


def write(df: pd.DataFrame, path: Path = OUT) -> None:
    def cat(col: str) -> pa.Array:
        return pa.array(df[col].astype("string").to_numpy(na_value=None)).dictionary_encode()

    def num(col: str, typ: pa.DataType) -> pa.Array:
        s = pd.to_numeric(df[col], errors="coerce")
        return pa.array(s.to_numpy(dtype="float64"), from_pandas=True).cast(typ)

    table = pa.table(
        {
            "name": pa.array(df["name"].astype(str).tolist()),
            "keys": pa.array(df["keys"].tolist(), type=pa.list_(pa.string())),
            "skels": pa.array(df["skels"].tolist(), type=pa.list_(pa.string())),
            # float32 keeps ~0.5 m at these longitudes and halves the file.
            "lat": num("lat", pa.float32()),
            "lon": num("lon", pa.float32()),
            "kind": cat("kind"),
            "feature_code": cat("feature_code"),
            "country": cat("country"),
            "admin1": cat("admin1"),
            "admin2": cat("admin2"),
            "population": num("population", pa.float64()).cast(pa.int64(), safe=False),
            "geonameid": num("geonameid", pa.float64()).cast(pa.int64(), safe=False),
            "radius_km": num("radius_km", pa.float32()),
            "radius95_km": num("radius95_km", pa.float32()),
            "fallback_lat": num("fallback_lat", pa.float32()),
            "fallback_lon": num("fallback_lon", pa.float32()),
            "fallback_km": num("fallback_km", pa.float32()),
            "dist_frontier_km": pa.array(
                np.clip(np.round(df["dist_frontier_km"].to_numpy(dtype=float)), 0, 65535)
            ).cast(pa.uint16()),
            "source": cat("source"),
        }
    )
    meta = {"norm_version": str(NORM_VERSION), "rows": str(len(df))}
    table = table.replace_schema_metadata({**(table.schema.metadata or {}), **meta})
    tmp = path.with_suffix(".parquet.tmp")
    pq.write_table(table, tmp, compression="zstd", compression_level=19)
    tmp.replace(path)  # readers never see a half-written file
    print(f"{path.name}: {len(df)} places, {path.stat().st_size / 1e6:.2f} MB")


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--source", required=True, type=Path, help="the shared/data folder")
    p.add_argument("--out", type=Path, default=OUT)
    p.add_argument("--exclude", nargs="*", default=[], help="place sources to leave out")
    args = p.parse_args(argv)
    df = build(args.source, exclude=tuple(args.exclude))
    print("  kinds:", json.dumps(df["kind"].value_counts().to_dict()))
    write(df, args.out)


if __name__ == "__main__":
    main()
