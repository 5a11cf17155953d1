"""Tests of :mod:`geo.bands`: the one definition of distance bands."""

from __future__ import annotations

import numpy as np
import pytest

from geo import DEFAULT_BANDS_KM, DISTANCE_BANDS_KM, band_index, band_labels
from geo.bands import check_bands


def test_one_definition():
    assert DEFAULT_BANDS_KM is DISTANCE_BANDS_KM
    assert DISTANCE_BANDS_KM == (10.0, 25.0, 50.0, 100.0)


def test_labels():
    assert band_labels((10, 25)) == ["0-10 km", "10-25 km", ">25 km"]
    assert band_labels((2.5,), beyond=False) == ["0-2.5 km"]


def test_index_half_open_edges_and_missing():
    d = np.array([0.0, 9.999, 10.0, 24.9, 25.0, 1e6, np.nan, -1.0, np.inf])
    assert band_index(d, (10, 25)).tolist() == [0, 0, 1, 1, 2, 2, -1, -1, -1]


@pytest.mark.parametrize("bad", [(), (0, 10), (10, 5), (10, 10), (10, float("nan")), ("x",)])
def test_bad_edges_are_refused(bad):
    with pytest.raises(ValueError, match="bands must be"):
        check_bands(bad)


# ------------------------------------------------------------ shipped band polygons
def _wkb(gdf) -> list[bytes]:
    return [g.wkb for g in gdf.geometry.array]


@pytest.mark.parametrize("beyond", [True, False])
def test_shipped_corridor_is_what_the_drawing_gives(beyond):
    """The shipped polygons are found for the default frontier and equal a fresh drawing."""
    from geo import Frontier
    from geo.bands import corridor_key, shipped_corridor

    f = Frontier.default()
    edges = check_bands(DISTANCE_BANDS_KM)
    shipped = shipped_corridor(corridor_key(f.line, f.countries, edges, beyond))
    assert shipped is not None, "run python -m geo.data.derive_corridors"
    drawn = f._build_corridor(edges, beyond)
    cols = ["side", "km_min", "km_max", "band"]
    assert shipped[cols].astype(str).values.tolist() == drawn[cols].astype(str).values.tolist()
    assert _wkb(shipped) == _wkb(drawn)
    assert shipped.crs.to_epsg() == 4326


def test_corridor_key_depends_on_line_polygons_and_edges():
    import shapely

    from geo import Frontier
    from geo.bands import corridor_key, shipped_corridor

    f = Frontier.default()
    edges = check_bands(DISTANCE_BANDS_KM)
    base = corridor_key(f.line, f.countries, edges, True)
    assert corridor_key(f.line, f.countries, edges, False) != base
    assert corridor_key(f.line, f.countries, (10.0, 50.0), True) != base
    moved = shapely.affinity.translate(f.line, xoff=1e-9)
    assert corridor_key(moved, f.countries, edges, True) != base
    swapped = f.countries.assign(country=f.countries["country"][::-1].to_numpy())
    assert corridor_key(f.line, swapped, edges, True) != base
    # other edges are drawn, not shipped
    assert shipped_corridor(corridor_key(f.line, f.countries, (10.0, 50.0), True)) is None


def test_band_widths_against_geod():
    """Points 5 and 30 km off the line (pyproj.Geod) fall in the 0-10 and 25-50 km bands."""
    import pyproj
    import shapely

    from geo import Frontier

    f = Frontier.default()
    cor = f.corridor(beyond=True)
    geod = pyproj.Geod(ellps="WGS84")
    coords = shapely.get_coordinates(f.line)
    hits = 0
    for i in range(500, len(coords) - 500, 1500):
        (x0, y0), (x1, y1) = coords[i], coords[i + 1]
        az, _, _ = geod.inv(x0, y0, x1, y1)
        for side_az in (az + 90, az - 90):
            for dist_km, band in ((5.0, "0-10 km"), (30.0, "25-50 km")):
                lon, lat, _ = geod.fwd(x0, y0, side_az, dist_km * 1000.0)
                true_d = f.locate((np.array([lon]), np.array([lat])), crossings=False, admin=False)
                d = float(true_d["border_distance_km"].iloc[0])
                if abs(d - dist_km) > 0.5:  # the line bends back near here: skip
                    continue
                inside = cor[cor.geometry.contains(shapely.Point(lon, lat))]
                if len(inside):
                    assert inside["band"].tolist() == [band]
                    hits += 1
    assert hits >= 10
