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
    assign_units,
    change,
    segment_corridors,
    unit_codes,
)
from incidents.aggregate._aggregate import UNASSIGNED_CODE
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


@pytest.mark.parametrize("by", ["segment", "band", "hex"])
def test_points_outside_the_region_are_counted_but_in_no_frontier_unit(frontier, by):
    # Paris, and Torkham with both signs flipped: positioned as side "other" far away
    far = {"side": "other", "point_admin1": None, "point_admin2": None}
    t = table(
        [
            {"lon": 71.09, "lat": 34.13, "frontier_km": 900.0},
            {**far, "lon": 2.35, "lat": 48.86, "frontier_km": 2761.0, "border_distance_km": 4700.0},
            {
                **far,
                "lon": -71.09,
                "lat": -34.13,
                "frontier_km": 2761.0,
                "border_distance_km": 1.5e4,
            },
        ]
    )
    agg = aggregate(t, by=by, frontier=frontier)
    assert row(agg, UNASSIGNED)["incidents"] == 2
    assert agg["incidents"].sum() == agg.attrs["located"] == 3
    assert assign_units(t, by=by, frontier=frontier).tolist()[1:] == [UNASSIGNED] * 2
    codes = unit_codes(t, {by: {}}, frontier=frontier)[by].codes
    assert codes.tolist()[1:] == [UNASSIGNED_CODE] * 2 and codes[0] >= 0


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
def _counts(counts_by_period: dict[str, int], period: str = "month") -> gpd.GeoDataFrame:
    """An aggregate with ``k`` incidents dated on each given day (one unit: KP)."""
    rows = [{"date": d} for d, k in counts_by_period.items() for _ in range(k)]
    return aggregate(table(rows), by="admin1", period=period)


KP = "PK/Khyber Pakhtunkhwa"


@pytest.mark.parametrize(
    ("before", "after", "trend"),
    [
        (1000, 1300, "large increase"),
        (1000, 1150, "moderate increase"),
        (1000, 1050, "stable"),  # +5 %: within chance (p ~ 0.7)
        (1000, 1000, "stable"),
        (1000, 850, "moderate decrease"),
        (1000, 700, "large decrease"),
        (0, 1, "stable"),
        (1, 2, "stable"),
        (0, 5, "stable"),
        (0, 6, "large increase"),
        (4, 0, "stable"),
        (10, 0, "large decrease"),
    ],
)
def test_change_labels_only_significant_changes(before, after, trend):
    # September (30 days) against October (31 days)
    agg = _counts({"2025-09-10": before, "2025-10-10": after})
    ch = change(agg, before="2025-09-01", after="2025-10-01")
    r = row(ch, KP)
    assert (r["incidents_before"], r["incidents_after"]) == (before, after)
    assert r["change"] == after - before
    if before:
        assert r["change_pct"] == pytest.approx(100 * (after - before) / before)
    else:
        assert pd.isna(r["change_pct"])
    assert r["trend"] == trend
    assert r["period_before"] == pd.Timestamp("2025-09-01")
    assert r["period_after"] == pd.Timestamp("2025-10-01")
    assert r["geometry"] is not None


@pytest.mark.parametrize(("before", "after"), [(3, 9), (40, 25), (0, 7), (12, 12), (200, 260)])
def test_change_p_value_is_scipys_exact_binomial_test(before, after):
    from scipy.stats import binomtest

    agg = _counts({"2025-09-10": before, "2025-10-10": after})
    p = row(change(agg), KP)["p_value"]
    q = 31 / 61  # exposure: October's 31 days of 61
    n = before + after
    lo = binomtest(after, n, q, alternative="less").pvalue
    hi = binomtest(after, n, q, alternative="greater").pvalue
    assert p == pytest.approx(min(1.0, 2 * min(lo, hi)), rel=1e-9)


def test_change_small_counts_exact_values():
    # weeks have equal length, so X ~ Binomial(n, 1/2): P[X >= 6 | n = 6] = 1/64
    weekly = _counts({"2025-09-29": 0, "2025-10-06": 6}, period="week")
    assert row(change(weekly), KP)["p_value"] == pytest.approx(2 / 64)
    weekly = _counts({"2025-10-06": 5}, period="week")
    r = row(change(weekly), KP)
    assert (r["incidents_before"], r["p_value"], r["trend"]) == (0, pytest.approx(2 / 32), "stable")
    # 0 -> 1 and 1 -> 2 are never called an increase, at any sensible level
    for counts in ({"2025-10-06": 1}, {"2025-09-29": 1, "2025-10-06": 2}):
        r = row(change(_counts(counts, period="week"), level=0.2), KP)
        assert r["trend"] == "stable"
        assert r["p_value"] == pytest.approx(1.0)


def test_change_level_and_thresholds():
    agg = _counts({"2025-09-10": 10, "2025-10-10": 20})  # p ~ 0.1
    p = row(change(agg), KP)["p_value"]
    assert 0.05 < p < 0.15
    assert row(change(agg), KP)["trend"] == "stable"
    assert row(change(agg, level=0.15), KP)["trend"] == "large increase"
    assert row(change(agg, level=0.15, large=150, moderate=50), KP)["trend"] == (
        "moderate increase"
    )
    assert change(agg).attrs["change"]["level"] == 0.05


def test_change_default_and_chosen_periods():
    agg = _counts({"2025-07-10": 10, "2025-10-10": 3})
    ch = change(agg)  # last month against the month before it, which is empty
    r = row(ch, KP)
    assert (r["incidents_before"], r["incidents_after"]) == (0, 3)
    assert r["period_before"] == pd.Timestamp("2025-09-01")
    picked = change(agg, before="2025-07-31", after="2025-10-02")
    r = row(picked, KP)
    assert (r["incidents_before"], r["incidents_after"], r["change_pct"]) == (10, 3, -70.0)
    assert picked.attrs["change"]["before"] == "2025-07-01"
    assert picked.attrs["change"]["days_before"] == 31
    only_before = change(agg, before="2025-07-15")  # after: the last period present
    assert row(only_before, KP)["period_after"] == pd.Timestamp("2025-10-01")
    only_after = change(agg, after="2025-08-20")  # before: the period just before
    r = row(only_after, KP)
    assert (r["period_before"], r["incidents_before"]) == (pd.Timestamp("2025-07-01"), 10)
    legacy = change(agg, periods=("2025-07-31", "2025-10-02"))
    assert row(legacy, KP)["incidents_before"] == 10
    assert set(picked["trend"]) <= set(TRENDS)


def test_change_errors():
    agg = _counts({"2025-09-10": 1, "2025-10-10": 2})
    with pytest.raises(IncidentError, match="made with a period"):
        change(aggregate(table([{}]), by="admin1"))
    with pytest.raises(IncidentError, match="must not exceed large"):
        change(agg, large=10, moderate=20)
    with pytest.raises(IncidentError, match="non-negative percentage"):
        change(agg, large=-5)
    with pytest.raises(IncidentError, match="precede"):
        change(agg, before="2025-10-01", after="2025-09-01")
    with pytest.raises(IncidentError, match="level must be a probability"):
        change(agg, level=1.5)
    with pytest.raises(IncidentError, match="must be a date"):
        change(agg, before="soon")
    with pytest.raises(IncidentError, match="not both"):
        change(agg, periods=("2025-09-01", "2025-10-01"), after="2025-10-01")


def test_cli_change_before_after(tmp_path, capsys):
    from incidents import write
    from maps.cli import main

    rows = [{"date": "2025-07-10"}] * 4 + [{"date": "2025-10-10"}] * 2
    src = tmp_path / "positioned.geojson"
    write(table(rows), src)
    out = tmp_path / "change.csv"
    argv = ["aggregate", str(src), "--by", "admin1", "--period", "month", "--change"]
    code = main([*argv, "--before", "2025-07-01", "--after", "2025-10-01", "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    assert "change 2025-07-01 -> 2025-10-01" in capsys.readouterr().out
    got = pd.read_csv(out)
    kp = got[got["unit"] == KP].iloc[0]
    assert (kp["incidents_before"], kp["incidents_after"]) == (4, 2)
    assert main([*argv[:-1], "--before", "2025-07-01", "-o", str(out)]) == 2  # needs --change


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
    # row by row, the same units: every unit's count is the number of rows assigned to it
    units = assign_units(t, by=by, km=km, frontier=frontier, resolution=5)
    assert units.index.equals(t.index)
    assert int(units.isna().sum()) == agg.attrs["unlocated"]
    per_unit = agg.groupby("unit")["incidents"].sum()
    per_unit = per_unit[per_unit > 0].sort_index()
    counted = units.dropna().value_counts().sort_index()
    assert per_unit.to_dict() == counted.to_dict()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(t=positioned(), km=st.sampled_from([50.0, 13.7, 400.0]))
def test_unit_codes_count_what_aggregate_counts(frontier, t, km):
    """One pass for every level gives, per level, aggregate's units in its order and counts."""
    levels = {
        "segment": {"km": km},
        "admin1": {},
        "admin2": {},
        "hex": {"resolution": 5},
        "band": {"bands": (10, 50)},
    }
    found = unit_codes(t, levels, frontier=frontier)
    assert list(found) == list(levels)
    for by, opts in levels.items():
        agg = aggregate(t, by=by, frontier=frontier, **opts)
        uc = found[by]
        assigned = agg[agg["unit"] != UNASSIGNED].reset_index(drop=True)
        assert uc.units["unit"].tolist() == assigned["unit"].tolist()
        codes = uc.codes
        assert len(codes) == len(t)
        assert int((codes == -2).sum()) == agg.attrs["unlocated"]
        assert int((codes == -1).sum()) == agg.attrs["unassigned"]
        counts = np.bincount(codes[codes >= 0], minlength=len(assigned))
        assert counts.tolist() == assigned["incidents"].tolist()
        # the same unit, row by row, as assign_units names it
        labels = assign_units(t, by=by, frontier=frontier, **opts)
        names = uc.units["unit"].tolist()
        named = np.array([names[c] if c >= 0 else None for c in codes], dtype=object)
        expect = labels.astype(object).where(labels.notna(), None).to_numpy()
        expect = np.where(codes == -1, None, expect)
        assert named.tolist() == expect.tolist()
        wkb = [None if g is None else g.wkb for g in uc.units.geometry.array]
        assert wkb == [None if g is None else g.wkb for g in assigned.geometry.array]


def test_unit_codes_bad_level_and_option(frontier):
    t = table([{}])
    with pytest.raises(IncidentError, match="unknown aggregation by='county'"):
        unit_codes(t, {"county": {}}, frontier=frontier)
    with pytest.raises(IncidentError, match="unknown option"):
        unit_codes(t, {"admin1": {"period": "week"}}, frontier=frontier)
