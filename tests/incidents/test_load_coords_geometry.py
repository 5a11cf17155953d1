"""Coordinates and geometry of one row that disagree: kept, flagged, and which was used said.

UCDP GED gives both ``latitude``/``longitude`` and ``geom_wkt``; a GeoJSON feature may
carry ``lat``/``lon`` properties beside its geometry.  When the two differ by more
than 0.001 degree the row is flagged ``coords_geometry_mismatch`` and
``coords_conflict`` says which was used.  The rows below are made up in the UCDP GED
layout (no real UCDP record).
"""

from __future__ import annotations

import json

import pytest

from incidents import load
from incidents.load import COORDS_GEOMETRY_TOLERANCE_DEG

HEADER = (
    "id,date_start,date_end,type_of_violence,where_coordinates,latitude,longitude,geom_wkt,best"
)


def _ucdp(tmp_path, *rows: str):
    path = tmp_path / "ged.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return load(path)


def test_ucdp_rows_whose_geom_wkt_disagrees_are_flagged_and_keep_lat_lon(tmp_path):
    table = _ucdp(
        tmp_path,
        "1,2025-10-12,2025-10-12,1,Place A,34.11472,71.08472,POINT (71.08472 34.11472),2",
        "2,2025-10-12,2025-10-12,1,Place B,34.11472,71.08472,POINT (71.18472 34.11472),3",
        "3,2025-10-12,2025-10-12,1,Place C,34.11472,71.08472,POINT (71.0852 34.1151),1",
        "4,2025-10-12,2025-10-12,1,Place D,34.11472,71.08472,,1",
        "5,2025-10-12,2025-10-12,1,Place E,,,POINT (66.45 30.91),1",
        "6,2025-10-12,2025-10-12,1,Place F,30.91,66.45,not wkt,1",
    )
    assert table.attrs["layout"] == "ucdp"
    assert len(table) == 6
    flags = table["review_flags"].fillna("").tolist()
    hit = ["coords_geometry_mismatch" in f.split(";") for f in flags]
    assert hit == [False, True, False, False, False, False]
    # the coordinate columns are used; the note says so and gives the geometry's point
    assert table["longitude"].tolist()[1] == pytest.approx(71.08472)
    note = table["coords_conflict"].tolist()[1]
    assert note.startswith("latitude/longitude used (34.11472, 71.08472)")
    assert "geom_wkt" in note and "(34.11472, 71.18472)" in note
    assert table.attrs["load_report"]["flags"]["coords_geometry_mismatch"] == 1
    # a row with no coordinates is placed by its geom_wkt; unreadable WKT changes nothing
    assert table["latitude"].tolist()[4:] == pytest.approx([30.91, 30.91])


@pytest.mark.parametrize(
    ("offset", "flagged"),
    [(0.0009, False), (COORDS_GEOMETRY_TOLERANCE_DEG, False), (0.0011, True), (-0.002, True)],
)
def test_the_threshold_is_a_thousandth_of_a_degree(tmp_path, offset, flagged):
    lat = 30.91 + offset
    table = _ucdp(tmp_path, f"1,2025-10-12,,1,X,30.91,66.45,POINT (66.45 {lat!r}),1")
    assert ("coords_geometry_mismatch" in table["review_flags"].fillna("")[0]) is flagged


def test_a_geojson_geometry_wins_over_disagreeing_properties_and_says_so(tmp_path):
    features = [
        {
            "type": "Feature",
            "properties": {"id": "1", "place": "x", "lat": 30.91, "lon": 66.45},
            "geometry": {"type": "Point", "coordinates": [71.08472, 34.11472]},
        },
        {
            "type": "Feature",
            "properties": {"id": "2", "place": "y", "lat": 34.11472, "lon": 71.08472},
            "geometry": {"type": "Point", "coordinates": [71.08472, 34.11472]},
        },
    ]
    path = tmp_path / "in.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    table = load(path)
    assert table["latitude"].tolist() == pytest.approx([34.11472, 34.11472])
    assert table["review_flags"].fillna("").tolist() == ["coords_geometry_mismatch", ""]
    assert table["coords_conflict"].tolist()[0].startswith("the geometry used (34.11472")
    # mapped by the user, the columns win and the note says that instead
    mapped = load(path, columns={"latitude": "lat", "longitude": "lon"})
    assert mapped["latitude"].tolist()[0] == pytest.approx(30.91)
    assert mapped["coords_conflict"].tolist()[0].startswith("latitude/longitude used")


def test_agreeing_files_get_no_column(tmp_path):
    table = _ucdp(tmp_path, "1,2025-10-12,,1,X,30.91,66.45,POINT (66.45 30.91),1")
    assert "coords_conflict" not in table and table["review_flags"].fillna("")[0] == ""
