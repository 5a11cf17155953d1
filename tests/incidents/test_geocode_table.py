"""The table step of :func:`incidents.geocode.geocode`: each distinct (text, hints)
is resolved once and broadcast back, flags and notes are worked out per distinct
combination.  Checked against geocoding every row on its own."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from incidents.geocode import Geocoder, geocode


@pytest.fixture(scope="module")
def gc() -> Geocoder:
    return Geocoder.default()


def _mixed_table(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    texts = np.array(
        [
            "Torkham",
            "Wana bazaar",
            "near Chaman",
            "Khost; Jalalabad",
            "Zzznowhere",
            "",
            None,
            "Landi Kotal, Khyber",
            "Miran Shah",
            "between Wana and Tank",
        ],
        dtype=object,
    )
    loc = texts[rng.integers(0, len(texts), n)]
    lat = np.where(rng.random(n) < 0.3, rng.uniform(22, 40, n), np.nan)
    lon = np.where(np.isnan(lat), np.nan, rng.uniform(58, 80, n))
    swap = rng.random(n) < 0.1
    lat, lon = np.where(swap, lon, lat), np.where(swap, lat, lon)
    lat[:4] = [0.0, 95.0, 34.0, np.nan]
    lon[:4] = [0.0, 70.0, np.nan, 70.0]
    df = pd.DataFrame(
        {
            "incident_id": [f"E{i}" for i in range(n)],
            "source_row": pd.array(np.arange(n), dtype="Int64"),
            "location": pd.array(loc, dtype=object),
            "admin1": rng.choice(np.array([None, "Khyber Pakhtunkhwa", "Balochistan"]), n),
            "admin2": rng.choice(np.array([None, "Khyber", "South Waziristan"]), n),
            "country": rng.choice(np.array([None, "Pakistan", "AF"]), n),
            "latitude": lat,
            "longitude": lon,
            "review_flags": rng.choice(np.array(["", "coords_zero", "x;y", None]), n),
        }
    )
    df["location"] = df["location"].astype(object)
    df.loc[5, "location"] = 42  # not text
    return df


@pytest.mark.parametrize("multi", ["first", "explode"])
def test_whole_table_equals_each_row_alone(gc: Geocoder, multi: str) -> None:
    df = _mixed_table(80, seed=3)
    whole = geocode(df, geocoder=gc, multi=multi)
    alone = pd.concat(
        [geocode(df.iloc[[i]], geocoder=gc, multi=multi) for i in range(len(df))],
        ignore_index=multi == "explode",
    )
    assert len(whole) >= len(df)
    pd.testing.assert_frame_equal(whole, alone, check_exact=True)


def test_input_frame_is_not_changed(gc: Geocoder) -> None:
    df = _mixed_table(40, seed=4)
    before = df.copy()
    out = geocode(df, geocoder=gc)
    out.loc[out.index[0], "location"] = "changed"
    out["latitude"] = 1.0
    pd.testing.assert_frame_equal(df, before, check_exact=True)


@pytest.mark.parametrize("multi", ["first", "explode"])
def test_empty_table(gc: Geocoder, multi: str) -> None:
    out = geocode(_mixed_table(10, seed=5).iloc[:0], geocoder=gc, multi=multi)
    assert len(out) == 0
    assert {"geocode_method", "uncertainty_km", "matched_name", "geocode_note"} <= set(out)
    assert str(out["geocode_method"].dtype) == "string"
