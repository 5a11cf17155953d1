"""incidents.fuse: district-level reports of two districts meeting at the frontier."""

from __future__ import annotations

import pandas as pd
import pytest

from incidents import fuse
from incidents._fuse_districts import derive, frontier_districts

# district centres (about): Ali Khail (Jaji), Paktia, AF and Kurram, Khyber Pakhtunkhwa, PK
# are 67 km apart, beyond the sum of their radii (17 + 42 km); Maywand (Kandahar) is far
# from the line.
ALI_KHAIL = {"side": "AF", "point_admin1": "Paktia", "point_admin2": "Ali Khail (Jaji)",
             "latitude": 33.88, "longitude": 69.78, "uncertainty_km": 17.0}  # fmt: skip
KURRAM = {"side": "PK", "point_admin1": "Khyber Pakhtunkhwa", "point_admin2": "Kurram",
          "latitude": 33.73, "longitude": 70.49, "uncertainty_km": 42.0}  # fmt: skip
MAYWAND = {"side": "AF", "point_admin1": "Kandahar", "point_admin2": "Maywand",
           "latitude": 33.88, "longitude": 69.78, "uncertainty_km": 17.0}  # fmt: skip
SAME_SIDE = {**ALI_KHAIL, "side": "PK", "point_admin1": "Khyber Pakhtunkhwa",
             "point_admin2": "Kurram"}  # fmt: skip


def report(ident: str, place: dict, **kw: object) -> pd.DataFrame:
    row = {
        "incident_id": ident,
        "date": "2025-10-11",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "geo_precision": 2,
        "geocode_method": "admin2",
        **place,
        **kw,
    }
    df = pd.DataFrame([row])
    df["date"] = pd.to_datetime(df["date"])
    return df


CASES = [
    # (name, first report, second report, fuse options, one event?)
    ("districts meeting at the frontier: one event", report("a", ALI_KHAIL),
     report("b", KURRAM), {}, True),
    ("a day apart, within the window: one event", report("a", ALI_KHAIL),
     report("b", KURRAM, date="2025-10-12"), {}, True),
    ("two days apart: beyond the time window", report("a", ALI_KHAIL),
     report("b", KURRAM, date="2025-10-13"), {}, False),
    ("districts that do not meet: apart", report("a", MAYWAND), report("b", KURRAM), {}, False),
    ("the same point, one side: the districts do not meet across the line",
     report("a", SAME_SIDE, point_admin2="Bajaur"), report("b", KURRAM), {}, False),
    ("not geocoded to the district: the distance rule only",
     report("a", ALI_KHAIL, geocode_method="gazetteer"), report("b", KURRAM), {}, False),
    ("types incompatible: apart", report("a", ALI_KHAIL),
     report("b", KURRAM, event_type="Protests", sub_event_type="Peaceful protest"), {}, False),
    ("a fixed space window is kept as given", report("a", ALI_KHAIL), report("b", KURRAM),
     {"space_window_km": 50}, False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("first", "second", "options", "one"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_district_reports_from_the_two_sides(first, second, options, one):
    out = fuse(first, second, names=["af", "pk"], **options)
    rep = out[out["row_kind"] == "report"]
    assert (rep["event_group"].nunique() == 1) is one
    if one:
        reason = rep["match_reason"].iloc[0]
        assert "km apart (two districts meeting at the frontier)" in reason
        assert float(reason.split(" km")[0]) > 17 + 42  # the centres' real distance


def test_shipped_table_of_meeting_districts_matches_the_boundaries():
    shipped = frontier_districts()
    assert len(shipped) > 30
    pd.testing.assert_frame_equal(
        shipped.reset_index(drop=True), derive().astype(shipped.dtypes.to_dict())
    )
    pairs = set(zip(shipped["af_admin2"], shipped["pk_admin2"], strict=True))
    # the two ends of the Chaman crossing, and Ali Khail (Jaji) against Kurram
    assert ("Spin Boldak", "Chaman") in pairs and ("Ali Khail (Jaji)", "Kurram") in pairs
    assert not any(a == "Maywand" for a, _ in pairs)  # not on the line
