"""Every shipped data file loads and is what SOURCES.md says it is."""

from importlib import resources

import numpy as np
import pytest
import shapely

from geo import reference
from geo._lookup import PolygonLookup

EXPECTED = {
    # layer: (rows, geometry types)
    "frontier_osm": (1, {"LineString"}),
    "frontier_naturalearth10m": (1, {"LineString"}),
    "countries": (2, {"Polygon", "MultiPolygon"}),
    "admin1": (41, {"Polygon", "MultiPolygon"}),
    "admin2": (554, {"Polygon", "MultiPolygon"}),
    "pak_tehsils": (577, {"Polygon", "MultiPolygon"}),
    "crossings": (8, {"Point"}),
}


@pytest.mark.parametrize("layer", sorted(reference.LAYERS))
def test_layer_loads_and_is_valid(layer):
    gdf = reference._read(layer)
    rows, types = EXPECTED[layer]
    assert len(gdf) == rows
    assert gdf.crs.to_epsg() == 4326
    assert set(gdf.geom_type) <= types
    assert gdf.geometry.is_valid.all()
    minx, miny, maxx, maxy = gdf.total_bounds
    assert minx >= 60 and maxx <= 78 and miny >= 23 and maxy <= 39


def test_every_data_file_is_listed_in_sources():
    folder = resources.files("geo.data")
    text = folder.joinpath("SOURCES.md").read_text(encoding="utf-8")
    shipped = [
        p.name for p in folder.iterdir() if p.suffix in {".geojson", ".parquet", ".csv", ".npz"}
    ]
    assert len(shipped) >= 8  # the gazetteer moved to incidents/data
    for name in shipped:
        assert f"`{name}`" in text, name
    for credit in ("© OpenStreetMap contributors", "CC BY 4.0", "GeoNames", "OCHA"):
        assert credit in text


def test_country_polygons_have_no_holes():
    cty = reference.countries()
    assert sorted(cty.country) == ["AF", "PK"]
    for geom in cty.geometry:
        assert all(len(p.interiors) == 0 for p in shapely.get_parts(geom))


def test_admin_layers_nest_and_cover_known_districts():
    a2 = reference.admin2()
    assert (a2.country == "AF").sum() == 398
    assert (a2.country == "PK").sum() == 156
    pk = set(a2.admin2[a2.country == "PK"])
    # post-2018 layout: the former FATA agencies are districts of Khyber Pakhtunkhwa
    assert {"Bajaur", "Kurram", "Khyber", "North Waziristan", "South Waziristan"} <= pk
    assert set(a2.admin1[a2.admin2 == "Bajaur"]) == {"Khyber Pakhtunkhwa"}
    a1 = reference.admin1()
    assert set(a2.admin1) == set(a1.admin1)


def test_crossings_columns():
    cx = reference.crossings()
    assert {"Torkham", "Chaman", "Angoor Adda", "Ghulam Khan"} <= set(cx.name)
    assert cx.uncertainty_km.between(1, 10).all()
    proxies = cx.coord_kind.str.startswith("proxy")
    assert proxies.sum() == 5
    assert (cx.loc[proxies, "uncertainty_km"] == 10).all()


def test_lookup_grids_agree_with_exact_point_in_polygon():
    path = resources.files("geo.data").joinpath("lookup_grids.npz")
    with np.load(str(path)) as npz:
        grids = {k: npz[k] for k in npz.files}
    rng = np.random.default_rng(3)
    lon, lat = rng.uniform(60, 78, 20_000), rng.uniform(23, 38, 20_000)
    for name, gdf in (("countries", reference.countries()), ("admin2", reference.admin2())):
        fast = PolygonLookup(
            gdf.geometry.values, grids[name], tuple(grids["origin"]), float(grids["cell"])
        )
        exact = PolygonLookup(gdf.geometry.values)
        a, b = fast.lookup(lon, lat), exact.lookup(lon, lat)
        assert (a == b).mean() == 1.0, name
        assert (a >= 0).mean() > 0.3


def test_unknown_layer_lists_valid_names():
    with pytest.raises(ValueError, match="shipped layers are"):
        reference.layer_path("rivers")
    with pytest.raises(ValueError, match="frontier line kind"):
        reference.frontier_line("gadm")


def test_natural_earth_line_cross_check():
    ne = reference.frontier_line("naturalearth10m").geometry.iloc[0]
    osm = reference.frontier_line().geometry.iloc[0]
    # PROVENANCE.md: ends within ~3 km, generalisation offsets up to ~7 km
    assert shapely.hausdorff_distance(ne, osm) < 0.1
