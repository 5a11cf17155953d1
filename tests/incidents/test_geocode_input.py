"""The radius of input coordinates follows the precision the source states."""

from __future__ import annotations

import numpy as np
import pandas as pd

from incidents import geocode
from incidents.geocode import PRECISION_UNCERTAINTY_KM


def _rows(**cols: list) -> pd.DataFrame:
    n = len(next(iter(cols.values())))
    base: dict[str, list] = {"location": [None] * n, "country": [None] * n}
    base.update(cols)
    return pd.DataFrame(base)


def test_a_country_level_input_point_gets_the_country_radius() -> None:
    # UCDP where_prec 6 (country only): the point is the country's centre.  Its
    # radius must be the one the geocoder gives the country by name, not 100 km.
    by_name = geocode(_rows(location=["Pakistan"], country=["Pakistan"]))
    assert by_name.loc[0, "geocode_method"] == "country"
    country_km = by_name.loc[0, "uncertainty_km"]
    lat, lon = by_name.loc[0, "latitude"], by_name.loc[0, "longitude"]
    table = _rows(
        latitude=[lat, lat],
        longitude=[lon, lon],
        input_where_prec=pd.array([6, 4], dtype="Int64"),
        input_geo_precision=pd.array([3, 3], dtype="Int64"),
    )
    out = geocode(table)
    assert list(out["geocode_method"]) == ["input", "input"]
    assert country_km > 2 * PRECISION_UNCERTAINTY_KM[3]
    assert np.isclose(out.loc[0, "uncertainty_km"], country_km, rtol=0.01)
    # where_prec 4 (a province) keeps the province radius
    assert out.loc[1, "uncertainty_km"] == PRECISION_UNCERTAINTY_KM[3]


def test_input_coordinates_without_a_precision_say_so_in_the_note() -> None:
    table = _rows(
        latitude=[34.1325, 34.1325],
        longitude=[71.0953, 71.0953],
        input_geo_precision=pd.array([pd.NA, 2], dtype="Int64"),
    )
    out = geocode(table)
    assert out.loc[0, "uncertainty_km"] == PRECISION_UNCERTAINTY_KM[1]
    assert out.loc[0, "geo_precision"] == 1
    assert "without a stated precision" in out.loc[0, "geocode_note"]
    assert out.loc[1, "uncertainty_km"] == PRECISION_UNCERTAINTY_KM[2]
    assert pd.isna(out.loc[1, "geocode_note"])


def test_no_precision_column_at_all_is_noted_too() -> None:
    out = geocode(_rows(latitude=[30.92], longitude=[66.45]))
    assert out.loc[0, "uncertainty_km"] == PRECISION_UNCERTAINTY_KM[1]
    assert "without a stated precision" in out.loc[0, "geocode_note"]
