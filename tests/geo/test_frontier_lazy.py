"""The default frontier reads its country and district polygons only when they are used."""

import numpy as np
import pytest
import shapely

from geo import Frontier, GeometryError, reference


def _refuse():
    raise AssertionError("polygons read")


def test_segments_and_length_read_no_polygons(monkeypatch):
    build = Frontier.default.__func__.__wrapped__  # the uncached builder
    monkeypatch.setattr(reference, "countries", _refuse)
    monkeypatch.setattr(reference, "admin2", _refuse)
    fresh = build(Frontier)
    assert len(fresh.segments(50.0)) == int(np.ceil(fresh.length_km / 50.0))
    with pytest.raises(AssertionError, match="polygons read"):
        _ = fresh.countries


def test_polygons_are_read_on_first_use():
    fresh = Frontier.default.__func__.__wrapped__(Frontier)
    assert sorted(fresh.countries["country"]) == ["AF", "PK"]
    assert len(fresh.admin) == len(reference.admin2())
    lon, lat = np.array([71.57, 65.0, 10.0]), np.array([34.01, 34.5, 10.0])
    got = fresh.locate((lon, lat))
    # Peshawar (PK), central Afghanistan, far outside both countries
    assert got["side"].tolist() == ["PK", "AF", "other"]
    assert got.equals(Frontier.default().locate((lon, lat)))


def test_countries_without_names_are_refused_when_built():
    cty = reference.countries().drop(columns="country")
    with pytest.raises(GeometryError, match="'country' column"):
        Frontier(shapely.LineString([(70, 34), (70.5, 34.5)]), cty)


def test_distance_alone_reads_no_polygons_and_matches_locate(monkeypatch):
    build = Frontier.default.__func__.__wrapped__
    monkeypatch.setattr(reference, "countries", _refuse)
    monkeypatch.setattr(reference, "admin2", _refuse)
    fresh = build(Frontier)
    # Torkham, Chaman, Kabul, Karachi, a missing and an out-of-range point
    lon = np.array([71.08472, 66.44472, 69.17, 67.01, np.nan, 200.0])
    lat = np.array([34.11472, 30.92222, 34.53, 24.86, 30.0, 30.0])
    got = fresh.distance_km(lon, lat)
    monkeypatch.undo()
    want = Frontier.default().locate((lon, lat), crossings=False, admin=False)
    assert np.allclose(got[:4], want["border_distance_km"].to_numpy()[:4], rtol=0, atol=1e-9)
    assert np.isnan(got[4:]).all()
    assert float(fresh.distance_km(71.08472, 34.11472)) < 1.0  # a scalar in, a 0-d array out
