"""Tests of :mod:`incidents.aggregate` (hand-made positioned tables + hypothesis invariants)."""

from __future__ import annotations

import functools

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from geopandas.testing import assert_geodataframe_equal
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo import Frontier, reference
from incidents.aggregate import (
    AGGREGATIONS,
    TRENDS,
    UNASSIGNED,
    aggregate,
    change,
    segment_corridors,
)
from incidents.errors import IncidentError, NotPositionedError
from incidents.schema import ACCOUNTING, CORE, GEOCODE, POSITION, coerce

ALL = {**CORE, **GEOCODE, **POSITION, **ACCOUNTING}


@pytest.fixture(scope="module")
def frontier() -> Frontier:
    return Frontier.default()


def table(rows: list[dict]) -> gpd.GeoDataFrame:
    """A positioned incident table from row dicts; ``lon``/``lat`` make the point."""
    defaults = {
        "date": "2025-10-15",
        "event_type": "Battles",
        "fatalities": 1,
        "geocode_method": "gazetteer",
        "geo_precision": 1,
        "uncertainty_km": 2.0,
        "side": "PK",
        "border_distance_km": 5.0,
        "frontier_km": 10.0,
        "point_admin1": "Khyber Pakhtunkhwa",
        "point_admin2": "Kurram",
        "lon": 70.0,
        "lat": 33.8,
    }
    full = [{**defaults, **r} for r in rows]
    df = pd.DataFrame(full)
    df["incident_id"] = [f"T{i}" for i in range(len(df))]
    df["latitude"], df["longitude"] = df.pop("lat"), df.pop("lon")
    df = coerce(df, ALL)
    ok = df["latitude"].notna().to_numpy()
    pts = gpd.points_from_xy(df["longitude"].fillna(0), df["latitude"].fillna(0))
    geom = np.where(ok, np.asarray(pts, dtype=object), None)
    return gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(geom, crs=4326), crs=4326)


def row(agg: gpd.GeoDataFrame, unit: str) -> pd.Series:
    hit = agg[agg["unit"] == unit]
    assert len(hit) == 1, f"{unit!r}: {len(hit)} rows"
    return hit.iloc[0]


# ------------------------------------------------------------------- segment
def test_segment_counts_side_and_km(frontier):
    t = table(
        [
            {"frontier_km": 10.0, "side": "AF"},
            {"frontier_km": 60.0, "side": "PK", "fatalities": 3},
            {"frontier_km": 75.0, "side": "PK", "fatalities": None},
            {"frontier_km": 2760.0, "side": "PK"},
            {"geo_precision": 3, "uncertainty_km": 80.0, "fatalities": 7},  # province level
            {"lon": None, "lat": None, "fatalities": 100},  # not located
        ]
    )
    agg = aggregate(t, by="segment", frontier=frontier)
    nseg = len(frontier.segments(50))
    assert len(agg) == 2 * nseg + 1  # every piece x {AF, PK}, plus unassigned
    r = row(agg, "1-PK")
    assert (r["segment_id"], r["side"], r["km_start"], r["km_end"]) == (1, "PK", 50.0, 100.0)
    assert (r["incidents"], r["fatalities"]) == (2, 3)
    assert row(agg, "0-AF")["incidents"] == 1
    assert row(agg, "0-PK")["incidents"] == 0
    last = row(agg, f"{nseg - 1}-PK")
    assert last["incidents"] == 1
    assert last["km_end"] == pytest.approx(frontier.length_km)
    u = row(agg, UNASSIGNED)
    assert (u["incidents"], u["fatalities"]) == (1, 7)
    assert u["geometry"] is None
    assert isinstance(r["geometry"], shapely.LineString)
    assert agg.attrs["rows"] == 6
    assert agg.attrs["located"] == 5
    assert agg.attrs["unlocated"] == 1
    assert agg.attrs["unassigned"] == 1
    assert agg.crs.to_epsg() == 4326


@pytest.mark.parametrize("km", [50.0, 37.5, 1000.0])
def test_segment_km_ranges_tile_the_frontier(frontier, km):
    agg = aggregate(table([{}]), by="segment", km=km, frontier=frontier)
    segs = agg[agg["unit"] != UNASSIGNED].drop_duplicates("segment_id")
    start, end = segs["km_start"].to_numpy(), segs["km_end"].to_numpy()
    assert start[0] == 0.0
    np.testing.assert_allclose(start[1:], end[:-1])  # no gap, no overlap
    assert end[-1] == pytest.approx(frontier.length_km)
    assert (end > start).all()


def test_segment_precision_rule_uses_segment_length(frontier):
    t = table([{"geo_precision": 2, "uncertainty_km": 30.0}])
    assert row(aggregate(t, by="segment", km=50, frontier=frontier), "0-PK")["incidents"] == 1
    assert row(aggregate(t, by="segment", km=20, frontier=frontier), UNASSIGNED)["incidents"] == 1


def test_segment_corridors_are_polygons_on_their_side(frontier):
    agg = aggregate(table([{}]), by="segment", km=500, frontier=frontier)
    cor = segment_corridors(agg, width_km=25, frontier=frontier)
    assert len(cor) == len(agg)
    pk = cor[cor["side"] == "PK"].geometry
    assert (pk.geom_type.isin(["Polygon", "MultiPolygon"])).all()
    assert cor.loc[cor["unit"] == UNASSIGNED].geometry.isna().all()
    assert cor["incidents"].tolist() == agg["incidents"].tolist()


# -------------------------------------------------------------------- admin
def test_admin2_counts_and_unassigned_rule():
    t = table(
        [
            {"point_admin1": "Khyber Pakhtunkhwa", "point_admin2": "Kurram"},
            {"point_admin1": "Khyber Pakhtunkhwa", "point_admin2": "Kurram", "geo_precision": 2},
            {"side": "AF", "point_admin1": "Kunar", "point_admin2": "Asadabad"},
            {"geo_precision": 3, "geocode_method": "admin1"},  # province centroid
            {"side": "other", "point_admin1": None, "point_admin2": None},
            {"point_admin2": "Atlantis"},  # not a reference district
        ]
    )
    agg = aggregate(t, by="admin2")
    assert len(agg) == len(reference.admin2()) + 1
    kurram = row(agg, "PK/Khyber Pakhtunkhwa/Kurram")
    assert kurram["incidents"] == 2
    assert kurram["low_precision"] == 1
    assert kurram["low_precision_share"] == 0.5
    assert kurram["geometry"].geom_type in ("Polygon", "MultiPolygon")
    assert row(agg, "AF/Kunar/Asadabad")["incidents"] == 1
    assert row(agg, UNASSIGNED)["incidents"] == 3
    assert agg["incidents"].sum() == 6


def test_admin1_keeps_province_level_but_not_country_level():
    t = table(
        [
            {"geo_precision": 3, "geocode_method": "admin1"},
            {"geo_precision": 3, "geocode_method": "country"},
            {"side": "AF", "point_admin1": "Kunar"},
        ]
    )
    agg = aggregate(t, by="admin1")
    assert len(agg) == len(reference.admin1()) + 1
    assert row(agg, "PK/Khyber Pakhtunkhwa")["incidents"] == 1
    assert row(agg, "AF/Kunar")["incidents"] == 1
    assert row(agg, UNASSIGNED)["incidents"] == 1
    assert {"country", "admin1"} <= set(agg.columns)


# ---------------------------------------------------------------- hex, band
def test_hex_cells_and_precision_rule():
    import h3

    t = table(
        [
            {"lon": 71.1, "lat": 34.1},
            {"lon": 71.1, "lat": 34.1, "fatalities": 4},
            {"lon": 69.5, "lat": 33.0, "geo_precision": 2, "uncertainty_km": 20.0},
        ]
    )
    agg = aggregate(t, by="hex", resolution=6)
    cell = h3.latlng_to_cell(34.1, 71.1, 6)
    r = row(agg, cell)
    assert (r["incidents"], r["fatalities"], r["resolution"]) == (2, 5, 6)
    assert r["geometry"].contains(shapely.Point(71.1, 34.1))
    assert row(agg, UNASSIGNED)["incidents"] == 1  # 20 km > 3.7 km edge at res 6
    coarse = aggregate(t, by="hex", resolution=3)  # edges ~ 69 km
    assert row(coarse, UNASSIGNED)["incidents"] == 0
    assert len(coarse) == 3


def test_band_edges_sides_and_rule(frontier):
    t = table(
        [
            {"border_distance_km": 0.0, "side": "AF"},
            {"border_distance_km": 10.0, "side": "AF"},  # edges belong to the outer band
            {"border_distance_km": 99.9},
            {"border_distance_km": 450.0},
            {"border_distance_km": 5.0, "geo_precision": 2, "uncertainty_km": 20.0},
            {"border_distance_km": 70.0, "geo_precision": 2, "uncertainty_km": 20.0},
        ]
    )
    agg = aggregate(t, by="band", frontier=frontier)
    assert agg["unit"].tolist()[:3] == ["AF 0-10 km", "PK 0-10 km", "AF 10-25 km"]
    assert row(agg, "AF 0-10 km")["incidents"] == 1
    assert row(agg, "AF 10-25 km")["incidents"] == 1
    assert row(agg, "PK 50-100 km")["incidents"] == 2
    big = row(agg, "PK >100 km")
    assert big["incidents"] == 1
    assert big["km_min"] == 100 and pd.isna(big["km_max"])
    assert row(agg, UNASSIGNED)["incidents"] == 1
    assert len(agg) == 11
    geoms = agg.loc[agg["unit"] != UNASSIGNED].geometry
    assert geoms.geom_type.isin(["Polygon", "MultiPolygon"]).all()


def test_custom_bands(frontier):
    agg = aggregate(
        table([{"border_distance_km": 3.0}]), by="band", bands=(5, 50), frontier=frontier
    )
    assert row(agg, "PK 0-5 km")["incidents"] == 1
    assert sorted(set(agg["band"].dropna())) == ["0-5 km", "5-50 km", ">50 km"]


# ----------------------------------------------------------------- measures
def test_measures_types_dates_and_period():
    t = table(
        [
            {"date": "2025-09-30", "event_type": "Battles", "fatalities": 2},
            {"date": "2025-10-01", "event_type": "Explosions/Remote violence", "fatalities": None},
            {"date": "2025-10-20", "event_type": None},
            {"date": None},
        ]
    )
    agg = aggregate(t, by="admin1")
    kp = row(agg, "PK/Khyber Pakhtunkhwa")
    assert kp["incidents"] == 4
    assert kp["fatalities"] == 4
    assert kp["first_date"] == pd.Timestamp("2025-09-30")
    assert kp["last_date"] == pd.Timestamp("2025-10-20")
    assert kp["type_battles"] == 2
    assert kp["type_explosions_remote_violence"] == 1
    assert kp["type_unknown"] == 1
    assert agg.attrs["event_types"]["type_explosions_remote_violence"] == (
        "Explosions/Remote violence"
    )

    monthly = aggregate(t, by="admin1", period="month")
    kp = monthly[monthly["unit"] == "PK/Khyber Pakhtunkhwa"]
    assert kp["period"].tolist()[:2] == [pd.Timestamp("2025-09-01"), pd.Timestamp("2025-10-01")]
    assert pd.isna(kp["period"].iloc[2])  # undated incidents keep a null period
    assert kp["incidents"].tolist() == [1, 2, 1]
    assert not (monthly["incidents"] == 0).any()  # with a period only non-empty rows

    weekly = aggregate(t, by="admin1", period="week")
    weeks = weekly["period"].dropna()
    assert (weeks.dt.day_of_week == 0).all()  # Mondays
    assert pd.Timestamp("2025-09-29") in set(weeks)
    daily = aggregate(t, by="admin1", period="day")
    assert daily["incidents"].sum() == 4


def test_empty_and_all_unlocated_tables(frontier):
    empty = table([{}]).iloc[:0]
    for by in AGGREGATIONS:
        agg = aggregate(empty, by=by, frontier=frontier)
        assert agg["incidents"].sum() == 0
        assert row(agg, UNASSIGNED)["incidents"] == 0
        assert agg.attrs["located"] == 0
    gone = aggregate(table([{"lon": None, "lat": None}]), by="admin2")
    assert gone["incidents"].sum() == 0 and gone.attrs["unlocated"] == 1


def test_input_not_modified(frontier):
    t = table([{}, {"geo_precision": 3}])
    before = t.copy()
    aggregate(t, by="band", period="month", frontier=frontier)
    assert_geodataframe_equal(t, before)


# ------------------------------------------------------------------- change
def _monthly(counts_by_month: dict[str, int]) -> gpd.GeoDataFrame:
    rows = [{"date": f"{m}-10"} for m, k in counts_by_month.items() for _ in range(k)]
    return aggregate(table(rows), by="admin1", period="month")


@pytest.mark.parametrize(
    ("before", "after", "pct", "trend"),
    [
        (10, 13, 30.0, "large increase"),
        (10, 12, 20.0, "moderate increase"),
        (10, 11, 10.0, "moderate increase"),
        (10, 10, 0.0, "stable"),
        (10, 9, -10.0, "moderate decrease"),
        (10, 7, -30.0, "large decrease"),
        (4, 0, -100.0, "large decrease"),
    ],
)
def test_change_thresholds(before, after, pct, trend):
    agg = _monthly({"2025-09": before, "2025-10": after})
    ch = change(agg, periods=("2025-09-01", "2025-10-01"))
    r = row(ch, "PK/Khyber Pakhtunkhwa")
    assert (r["incidents_before"], r["incidents_after"]) == (before, after)
    assert r["change"] == after - before
    assert r["change_pct"] == pytest.approx(pct)
    assert r["trend"] == trend
    assert r["period_before"] == pd.Timestamp("2025-09-01")
    assert r["period_after"] == pd.Timestamp("2025-10-01")
    assert r["geometry"] is not None


def test_change_from_zero_custom_thresholds_and_periods():
    agg = _monthly({"2025-07": 10, "2025-10": 3})
    ch = change(agg)  # last month against the month before it, which is empty
    r = row(ch, "PK/Khyber Pakhtunkhwa")
    assert (r["incidents_before"], r["incidents_after"]) == (0, 3)
    assert pd.isna(r["change_pct"]) and r["trend"] == "large increase"
    picked = change(agg, periods=("2025-07-31", "2025-10-02"), large=80, moderate=50)
    r = row(picked, "PK/Khyber Pakhtunkhwa")
    assert (r["incidents_before"], r["change_pct"], r["trend"]) == (10, -70.0, "moderate decrease")
    assert set(picked["trend"]) <= set(TRENDS)
    assert picked.attrs["change"]["before"] == "2025-07-01"


def test_change_errors():
    agg = _monthly({"2025-09": 1, "2025-10": 2})
    with pytest.raises(IncidentError, match="made with a period"):
        change(aggregate(table([{}]), by="admin1"))
    with pytest.raises(IncidentError, match="must not exceed large"):
        change(agg, large=10, moderate=20)
    with pytest.raises(IncidentError, match="non-negative percentage"):
        change(agg, large=-5)
    with pytest.raises(IncidentError, match="precede"):
        change(agg, periods=("2025-10-01", "2025-09-01"))


# ------------------------------------------------------------------- errors
def test_unknown_by_lists_valid_values():
    with pytest.raises(IncidentError, match="segment, admin1, admin2, hex, band"):
        aggregate(table([{}]), by="district")


@pytest.mark.parametrize("km", [0, -5, float("nan"), 1e6])
def test_bad_segment_length(frontier, km):
    with pytest.raises(IncidentError, match="segment length"):
        aggregate(table([{}]), by="segment", km=km, frontier=frontier)


def test_not_positioned_says_which_step_to_run():
    raw = pd.DataFrame({"incident_id": ["a"], "location": ["Torkham"]})
    with pytest.raises(NotPositionedError, match="frontier geocode"):
        aggregate(raw, by="admin2")


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"by": "hex", "resolution": 16}, "between 0 and 15"),
        ({"by": "hex", "resolution": 6.5}, "integer"),
        ({"by": "band", "bands": (25, 10)}, "increasing positive"),
        ({"by": "band", "bands": ()}, "increasing positive"),
        ({"by": "admin1", "period": "year"}, "day, week, month"),
    ],
)
def test_bad_options(frontier, kwargs, match):
    with pytest.raises(IncidentError, match=match):
        aggregate(table([{}]), frontier=frontier, **kwargs)


# --------------------------------------------------------------- invariants
@functools.cache
def _districts() -> list[tuple[str, str, str]]:
    a2 = reference.admin2()
    return list(a2[["country", "admin1", "admin2"]].itertuples(index=False, name=None))


@st.composite
def positioned(draw) -> gpd.GeoDataFrame:
    n = draw(st.integers(0, 40))
    rows = []
    for _ in range(n):
        country, a1, a2 = draw(st.sampled_from(_districts()))
        side = draw(st.sampled_from([country, country, "other", None]))
        located = draw(st.booleans()) or draw(st.booleans())
        rows.append(
            {
                "lon": draw(st.floats(60.5, 77.5)) if located else None,
                "lat": draw(st.floats(24.0, 38.0)) if located else None,
                "side": side,
                "point_admin1": a1 if side == country else None,
                "point_admin2": a2 if side == country else None,
                "frontier_km": draw(st.floats(0, 2761.4)),
                "border_distance_km": draw(st.floats(0, 400)),
                "geo_precision": draw(st.sampled_from([1, 2, 3, None])),
                "uncertainty_km": draw(st.sampled_from([1.0, 12.0, 40.0, 150.0, None])),
                "geocode_method": draw(st.sampled_from(["input", "admin2", "country"])),
                "fatalities": draw(st.one_of(st.none(), st.integers(0, 50))),
                "event_type": draw(st.sampled_from(["Battles", "Protests", None, "  "])),
                "date": draw(st.sampled_from(["2025-01-31", "2025-02-01", "2025-03-15", None])),
            }
        )
    return table(rows) if rows else table([{}]).iloc[:0]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    t=positioned(),
    by=st.sampled_from(AGGREGATIONS),
    period=st.sampled_from([None, "day", "week", "month"]),
    km=st.sampled_from([50.0, 13.7, 400.0]),
)
def test_invariants(frontier, t, by, period, km):
    agg = aggregate(t, by=by, km=km, period=period, frontier=frontier, resolution=5)
    located = int(t.geometry.notna().sum())
    assert agg.attrs["located"] == located
    assert int(agg["incidents"].sum()) == located
    fat = t.loc[t.geometry.notna(), "fatalities"].fillna(0).sum()
    assert int(agg["fatalities"].sum()) == int(fat)
    assert int(agg.loc[agg["unit"] == UNASSIGNED, "incidents"].sum()) == agg.attrs["unassigned"]
    type_cols = [c for c in agg.columns if c.startswith("type_")]
    assert (agg[type_cols].sum(axis=1) == agg["incidents"]).all()
    assert (agg["low_precision"] <= agg["incidents"]).all()
    key = ["unit", "period"] if period else ["unit"]
    assert not agg.duplicated(key).any()
    again = aggregate(t, by=by, km=km, period=period, frontier=frontier, resolution=5)
    assert_geodataframe_equal(agg, again)
