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
