"""Rebuild the shipped reference layers from the vetted source folder.

Run from the project root (the source folder is the project's ``shared/data``
checkout, passed explicitly so that nothing here reads it by default)::

    python -m geo.data.derive --source PATH/TO/shared/data

The installed package never runs this module; it documents, reproducibly, how
every file in ``geo/data`` was made from the files listed in ``SOURCES.md``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

OUT = Path(__file__).resolve().parent

#: Coverage-preserving simplification tolerance for district and province
#: outlines, in degrees (~55 m N-S, ~45-50 m E-W at 30-37 N).  The source
#: districts are themselves generalised (Pakistani OSM outlines are simplified
#: upstream; Afghan AIMS districts are digitised at ~1:250,000, i.e. ~50-125 m),
#: so keeping finer detail would ship noise, and a coarser value starts to move
#: villages near district edges into the neighbouring district.
ADMIN_TOLERANCE_DEG = 0.0005


def _fill_holes(geom: shapely.Geometry) -> shapely.Geometry:
    """Drop interior rings (rivers and lakes cut out of the land polygons)."""
    parts = shapely.get_parts(geom)
    filled = [shapely.Polygon(shapely.get_exterior_ring(p)) for p in parts]
    return shapely.make_valid(shapely.union_all(filled))


def _write(gdf: gpd.GeoDataFrame, name: str, *, precision: int = 5) -> None:
    gdf = gdf.set_geometry(shapely.set_precision(gdf.geometry.values, 10.0**-precision))
    path = OUT / name
    path.unlink(missing_ok=True)
    if name.endswith(".parquet"):
        gdf.to_parquet(path, compression="zstd", index=False)
    else:
        gdf.to_file(path, driver="GeoJSON", COORDINATE_PRECISION=precision, RFC7946="YES")
    print(f"{name}: {len(gdf)} features, {path.stat().st_size / 1e6:.2f} MB")


def _simplify(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    geoms = shapely.make_valid(gdf.geometry.values)
    simplified = shapely.coverage_simplify(geoms, ADMIN_TOLERANCE_DEG)
    simplified = shapely.make_valid(simplified)
    hd = shapely.hausdorff_distance(geoms, simplified)
    print(f"  simplified: max Hausdorff {np.nanmax(hd):.5f} deg")
    return gdf.set_geometry(simplified)


def frontier(src: Path) -> None:
    for name, out in [
        ("durand_line_osm_geomaps.geojson", "frontier_osm.geojson"),
        ("durand_line_naturalearth10m.geojson", "frontier_naturalearth10m.geojson"),
    ]:
        gdf = gpd.read_file(src / "frontier" / name)
        keep = [c for c in ("name", "source", "license", "orientation") if c in gdf]
        _write(gdf[[*keep, "geometry"]], out, precision=6)


def countries(src: Path) -> None:
    gdf = gpd.read_file(src / "admin" / "afg_pak_adm0_osm_geomaps.geojson")
    gdf["geometry"] = [_fill_holes(g) for g in gdf.geometry]
    gdf["country"] = gdf["iso_a3"].map({"AFG": "AF", "PAK": "PK"})
    _write(gdf[["country", "iso_a3", "name", "geometry"]], "countries.parquet")


def admin(src: Path) -> None:
    """Districts of both countries (simplified as one coverage per country) and
    provinces dissolved from them, so that every district nests exactly in its
    province."""
    a = src / "admin"
    af2 = gpd.read_file(a / "afg_adm2_geoboundaries.geojson")
    af2 = gpd.GeoDataFrame(
        {
            "country": "AF",
            "admin1": af2["adm1_name_std"],
            "admin2": af2["shapeName"],
            "code": af2["shapeID"],
            "source": "geoBoundaries AFG ADM2 2014",
        },
        geometry=af2.geometry.values,
        crs=4326,
    )
    pk2 = gpd.read_file(a / "pak_adm2_osm.geojson")
    pk2 = gpd.GeoDataFrame(
        {
            "country": "PK",
            "admin1": pk2["province"],
            "admin2": pk2["name"],
            "code": pk2["osm_relation_ids"].astype(str),
            "source": "OSM via AbuBakrCh/pakistan-map",
        },
        geometry=pk2.geometry.values,
        crs=4326,
    )
    adm2 = pd.concat([_simplify(af2), _simplify(pk2)], ignore_index=True)
    _write(adm2, "admin2.parquet")
    adm1 = adm2.dissolve(by=["country", "admin1"], as_index=False, aggfunc={"source": "first"})
    adm1["geometry"] = shapely.make_valid(adm1.geometry.values)
    _write(adm1[["country", "admin1", "source", "geometry"]], "admin1.parquet")
    pk3 = gpd.read_file(a / "pak_adm3_ocha_pkmapr.geojson")
    keep = ["name", "alt_names", "adm2", "adm1", "code", "label_lon", "label_lat", "geometry"]
    _write(pk3[keep], "pak_tehsils.parquet")


def crossings(src: Path) -> None:
    """Border crossings, with a documented proxy point where no citable gate exists."""
    cx = pd.read_csv(src / "crossings" / "af_pk_border_crossings.csv", dtype=str)
    wof = pd.read_csv(
        src / "gazetteer" / "wof_pk_admin_places.csv",
        usecols=["name", "lat", "lon", "geonameid", "wof_id", "admin2"],
        dtype={"geonameid": str, "wof_id": str},
    )
    wof_af = pd.read_csv(
        src / "gazetteer" / "wof_af_admin_places.csv",
        usecols=["name", "lat", "lon", "geonameid", "wof_id", "admin2"],
        dtype={"geonameid": str, "wof_id": str},
    )
    # Nearest WOF/GeoNames village to the gate, chosen by name and district in
    # PROVENANCE.md section 5; these are proxies, flagged as such.
    proxies = {
        "Ghulam Khan": (wof, "Ghulam Khan", 33.13302),
        "Kharlachi": (wof, "Kharlachi Kili", None),
        "Arandu": (wof, "Arandu", None),
        "Nawa Pass": (wof_af, "Nawah", 34.74406),
        "Badini": (wof, "Badini", 31.52097),
    }
    # Names the Pakistani press gives a crossing that the shared table lacks, each
    # with the page that equates it with the crossing.
    extra_names = {
        # Dawn, 28 May 2017 ("the Bab-i-Dosti ... the Friendship Gate — the border
        # crossing with Afghanistan in Chaman"); The Frontier Post ("the Friendship Gate
        # (Baab-e-Dosti)" at the Chaman crossing)
        "Chaman": "Bab-e-Dosti;Bab-i-Dosti;Baab-e-Dosti",
    }
    rows = []
    for r in cx.itertuples(index=False):
        lat, lon = r.lat, r.lon
        kind, src_txt, unc = r.coord_kind, r.coord_source, 1.0
        if pd.isna(lat) and r.name in proxies:
            table, vname, vlat = proxies[r.name]
            hit = table[table["name"] == vname]
            if vlat is not None:
                hit = hit[np.isclose(hit["lat"], vlat, atol=1e-4)]
            h = hit.iloc[0]
            lat, lon = h["lat"], h["lon"]
            kind = f"proxy: village '{vname}' near the crossing"
            src_txt = f"GeoNames {h['geonameid']} via Who's On First {h['wof_id']}"
            unc = 10.0
        elif r.name.startswith("Chaman"):
            unc = 5.0
        rows.append(
            {
                "name": r.name.split(" (")[0].split(" /")[0],
                "full_name": r.name,
                "alt_names": ";".join(
                    x
                    for x in (
                        r.alt_names if isinstance(r.alt_names, str) else "",
                        extra_names.get(r.name.split(" (")[0], ""),
                    )
                    if x
                ),
                "pk_side": r.pk_side,
                "af_side": r.af_side,
                "lat": float(lat),
                "lon": float(lon),
                "coord_kind": kind,
                "coord_source": src_txt,
                "uncertainty_km": unc,
            }
        )
    out = pd.DataFrame(rows)
    out.to_csv(OUT / "crossings.csv", index=False)
    print(f"crossings.csv: {len(out)} rows")


def grids(src: Path) -> None:
    """Point-lookup grids for the shipped country and district polygons (0.01 deg cells)."""
    from geo._lookup import build_grid

    del src  # derived from the shipped layers, not from the source folder
    cty = gpd.read_parquet(OUT / "countries.parquet")
    adm2 = gpd.read_parquet(OUT / "admin2.parquet")
    cell = 0.01
    x0, y0, x1, y1 = np.round(cty.total_bounds, 2) + np.array([-0.05, -0.05, 0.05, 0.05])
    arrays = {
        name: build_grid(gdf.geometry.values, cell_deg=cell, bounds=(x0, y0, x1, y1)).astype(
            np.int16
        )
        for name, gdf in (("countries", cty), ("admin2", adm2))
    }
    np.savez_compressed(OUT / "lookup_grids.npz", origin=np.array([x0, y0]), cell=cell, **arrays)
    print(f"lookup_grids.npz: {(OUT / 'lookup_grids.npz').stat().st_size / 1e6:.2f} MB")


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--source", required=True, type=Path, help="the shared/data folder")
    p.add_argument(
        "--only", nargs="*", default=["frontier", "countries", "admin", "crossings", "grids"]
    )
    args = p.parse_args(argv)
    for step in args.only:
        globals()[step](args.source)
    (OUT / "derive_manifest.json").write_text(
        json.dumps({"admin_tolerance_deg": ADMIN_TOLERANCE_DEG}, indent=1) + "\n"
    )


if __name__ == "__main__":
    main()
