"""Tests of :mod:`incidents._write`: RFC 7946 GeoJSON checked by geojson-validator, every
format read back with pyogrio/GDAL (GeoParquet with pyarrow where this GDAL build
has no Parquet driver)."""

from __future__ import annotations

import json
import math

import geojson_validator
import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pyogrio
import pytest
import shapely
from positioned_tables import synthetic_incidents

from incidents._write import to_geojson_dict, write
from incidents.aggregate import UNASSIGNED, aggregate
from incidents.errors import ExportError

CSV_OPTIONS = {
    "AUTODETECT_TYPE": "YES",
    "GEOM_POSSIBLE_NAMES": "geometry",
    "X_POSSIBLE_NAMES": "longitude",
    "Y_POSSIBLE_NAMES": "latitude",
    "KEEP_GEOM_COLUMNS": "NO",
}


@pytest.fixture(scope="module")
def incidents_table() -> gpd.GeoDataFrame:
    gdf = synthetic_incidents(60, seed=5)
    gdf.loc[0:3, "geo_precision"] = 3
    gdf.loc[4:5, "geometry"] = None
    gdf.loc[4:5, ["latitude", "longitude"]] = np.nan
    gdf.loc[6, "fatalities"] = pd.NA
    gdf.loc[7, "date"] = pd.NaT
    gdf.loc[8, "notes"] = 'quote " comma , newline\nand ünïcode'
    return gdf


@pytest.fixture(scope="module")
def aggregates(incidents_table) -> dict[str, gpd.GeoDataFrame]:
    return {
        "admin2": aggregate(incidents_table, by="admin2", period="month"),
        "band": aggregate(incidents_table, by="band"),
        "hex": aggregate(incidents_table, by="hex", resolution=5),
        "segment": aggregate(incidents_table, by="segment", km=200),
    }


def _validate(doc: dict) -> None:
    assert geojson_validator.validate_structure(doc, check_crs=True) == {}
    geo = geojson_validator.validate_geometries(doc)
    assert geo["invalid"] == {}
    # long district outlines and band rings are fine, just large
    assert set(geo["problematic"]) <= {"excessive_vertices", "holes"}


def _rings_ccw(geom: dict) -> bool:
    polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
    for poly in polys:
        for i, ring in enumerate(poly):
            ccw = shapely.LinearRing(ring).is_ccw
            if ccw != (i == 0):
                return False
    return True


def _decimals_ok(coords) -> bool:
    flat = np.asarray(shapely.get_coordinates(shapely.geometry.shape(coords))).ravel()
    return bool(np.allclose(flat, np.round(flat, 6), atol=1e-12, rtol=0))


# ------------------------------------------------------------------ GeoJSON
def test_incidents_geojson_follows_rfc7946(incidents_table):
    doc = to_geojson_dict(incidents_table)
    _validate(doc)
    assert "crs" not in doc and doc["type"] == "FeatureCollection"
    feats = doc["features"]
    assert len(feats) == 60
    assert feats[4]["geometry"] is None
    p0 = feats[0]["properties"]
    assert p0["date"] == str(incidents_table["date"].iloc[0].date())  # ISO date, no time
    assert feats[6]["properties"]["fatalities"] is None
    assert feats[7]["properties"]["date"] is None
    assert feats[4]["properties"]["latitude"] is None  # NaN -> null
    lon, lat = feats[0]["geometry"]["coordinates"]
    assert lon == round(incidents_table.geometry.iloc[0].x, 6)
    assert lat == round(incidents_table.geometry.iloc[0].y, 6)
    json.dumps(doc, allow_nan=False)  # nothing non-standard left


@pytest.mark.parametrize("by", ["admin2", "band", "hex", "segment"])
def test_aggregate_geojson_follows_rfc7946(aggregates, by):
    agg = aggregates[by]
    doc = to_geojson_dict(agg)
    _validate(doc)
    json.dumps(doc, allow_nan=False)
    for f in doc["features"]:
        g = f["geometry"]
        if f["properties"]["unit"] == UNASSIGNED:
            assert g is None
            continue
        if g is not None and g["type"] in ("Polygon", "MultiPolygon"):
            assert _rings_ccw(g)
        if g is not None:
            assert _decimals_ok(g)


def test_geojson_reprojects_and_needs_a_crs(incidents_table):
    projected = incidents_table.to_crs(3857)
    doc = to_geojson_dict(projected)
    lon, lat = doc["features"][0]["geometry"]["coordinates"]
    assert lon == pytest.approx(incidents_table.geometry.iloc[0].x, abs=1e-6)
    with pytest.raises(ExportError, match="no CRS"):
        to_geojson_dict(incidents_table.set_crs(None, allow_override=True))


# -------------------------------------------------------------- round trips
def _same_values(original: pd.DataFrame, back: pd.DataFrame, cols: list[str]) -> None:
    for c in cols:
        a, b = original[c].reset_index(drop=True), back[c].reset_index(drop=True)
        if pd.api.types.is_datetime64_any_dtype(a.dtype):
            a = a.dt.strftime("%Y-%m-%d")
            b = pd.to_datetime(b).dt.strftime("%Y-%m-%d")
        for x, y in zip(a, b, strict=True):
            if pd.isna(x):
                assert pd.isna(y) or y == "", (c, x, y)
            elif isinstance(x, int | float | np.integer | np.floating) and not isinstance(x, bool):
                assert math.isclose(float(x), float(y), rel_tol=1e-9, abs_tol=1e-6), (c, x, y)
            else:
                assert str(x) == str(y), (c, x, y)


@pytest.mark.parametrize("ext", ["geojson", "gpkg", "csv"])
def test_incidents_round_trip_with_gdal(tmp_path, incidents_table, ext):
    path = write(incidents_table, tmp_path / f"incidents.{ext}")
    assert path.exists()
    options = CSV_OPTIONS if ext == "csv" else {}
    back = pyogrio.read_dataframe(path, **options)
    assert len(back) == len(incidents_table)
    cols = ["incident_id", "date", "fatalities", "side", "frontier_km", "notes", "point_admin2"]
    _same_values(incidents_table, back, cols)
    located = incidents_table.geometry.notna().to_numpy()
    assert back.geometry.isna().to_numpy().tolist() == (~located).tolist()
    np.testing.assert_allclose(
        shapely.get_x(back.geometry.values[located]),
        shapely.get_x(incidents_table.geometry.values[located]),
        atol=1e-6,
    )


@pytest.mark.parametrize("ext", ["geojson", "gpkg", "csv"])
@pytest.mark.parametrize("by", ["admin2", "band", "hex", "segment"])
def test_aggregates_round_trip_with_gdal(tmp_path, aggregates, by, ext):
    agg = aggregates[by]
    path = write(agg, tmp_path / f"{by}.{ext}")
    options = CSV_OPTIONS if ext == "csv" else {}
    back = pyogrio.read_dataframe(path, **options)
    assert len(back) == len(agg)
    assert int(back["incidents"].sum()) == int(agg["incidents"].sum())
    assert int(back["fatalities"].sum()) == int(agg["fatalities"].sum())
    cols = ["unit", "incidents", "fatalities", "low_precision_share", "first_date", "last_date"]
    _same_values(agg, back, cols)
    unassigned = (back["unit"] == UNASSIGNED).to_numpy()
    assert back.geometry.isna().to_numpy()[unassigned].all()
    areas = shapely.area(back.geometry.values[~unassigned])
    np.testing.assert_allclose(
        areas, shapely.area(agg.geometry.values[~unassigned]), rtol=1e-4, atol=1e-9
    )


def test_geoparquet_has_geo_metadata_and_round_trips(tmp_path, aggregates, incidents_table):
    for name, gdf in [("inc", incidents_table), ("band", aggregates["band"])]:
        path = write(gdf, tmp_path / f"{name}.parquet")
        meta = pq.read_schema(path).metadata
        geo = json.loads(meta[b"geo"])
        assert geo["primary_column"] == "geometry"
        assert "version" in geo and "geometry" in geo["columns"]
        back = gpd.read_parquet(path)
        assert back.crs.to_epsg() == 4326
        assert len(back) == len(gdf)
        cols = [c for c in gdf.columns if c != "geometry"][:8]
        _same_values(gdf, back, cols)
        if "Parquet" in pyogrio.list_drivers():  # GDAL built with (Geo)Parquet support
            assert len(pyogrio.read_dataframe(path)) == len(gdf)


def test_csv_uses_lat_lon_for_points_and_wkt_otherwise(tmp_path, incidents_table, aggregates):
    pts = pd.read_csv(write(incidents_table, tmp_path / "i.csv"))
    assert {"latitude", "longitude"} <= set(pts.columns) and "geometry" not in pts
    polys = pd.read_csv(write(aggregates["band"], tmp_path / "b.csv"))
    assert polys["geometry"].dropna().str.startswith(("POLYGON", "MULTIPOLYGON")).all()


def test_write_replaces_existing_file_and_rejects_unknown_format(tmp_path, aggregates):
    path = tmp_path / "x.gpkg"
    write(aggregates["hex"], path)
    write(aggregates["band"], path)
    assert len(pyogrio.read_dataframe(path)) == len(aggregates["band"])
    with pytest.raises(ExportError, match=r"\.geojson.*\.csv"):
        write(aggregates["hex"], tmp_path / "x.shp")
    with pytest.raises(ExportError, match="unknown format"):
        write(aggregates["hex"], tmp_path / "x.out", fmt="kml")
    assert write(aggregates["hex"], tmp_path / "x.out", fmt="geojson").exists()


def test_geojson_latitude_longitude_properties_agree_with_the_coordinates():
    """float32 points (the gazetteer's) are written to the geometry's 6 decimals in both."""
    lat = np.float32(32.71341).astype("float64")  # 32.713409423828125
    lon = np.float32(69.27637).astype("float64")  # 69.27636718750000
    gdf = gpd.GeoDataFrame(
        {"incident_id": ["a"], "latitude": [lat], "longitude": [lon]},
        geometry=gpd.points_from_xy([lon], [lat]),
        crs=4326,
    )
    feature = json.loads(json.dumps(to_geojson_dict(gdf)))["features"][0]
    props, coords = feature["properties"], feature["geometry"]["coordinates"]
    assert props["latitude"] == 32.713409 and props["longitude"] == 69.276367
    assert [props["longitude"], props["latitude"]] == coords
