"""Shipped layers without their geometry, and GeoJSON without GDAL, as geopandas reads them."""

import geopandas as gpd
import pandas as pd
import pytest
from geopandas.testing import assert_geodataframe_equal

from geo import reference

GEOJSON = [name for name, file in reference.LAYERS.items() if file.endswith(".geojson")]


@pytest.mark.parametrize("layer", sorted(reference.LAYERS))
def test_attributes_are_the_layer_without_its_geometry(layer):
    full = reference._read(layer)
    expected = pd.DataFrame(full.drop(columns=full.geometry.name))
    pd.testing.assert_frame_equal(reference.attributes(layer), expected)


def test_attributes_are_a_copy():
    first = reference.attributes("admin1")
    first.loc[0, "admin1"] = "changed"
    assert reference.attributes("admin1").loc[0, "admin1"] != "changed"


def test_unknown_layer_is_refused():
    with pytest.raises(ValueError, match="unknown layer 'rivers'"):
        reference.attributes("rivers")


@pytest.mark.parametrize("layer", GEOJSON)
def test_shipped_geojson_reads_as_geopandas_reads_it(layer):
    path = reference.layer_path(layer)
    assert_geodataframe_equal(reference._read_geojson(path), gpd.read_file(path))
