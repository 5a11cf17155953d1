"""build_map without a browser: the page's data block, escaping, bad input, the CLI."""

from __future__ import annotations

import base64
import gzip
import json
import re

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from positioned_tables import XSS_NOTE, synthetic_incidents

import maps._incident_layer as layer_mod
from geo import reference
from incidents.aggregate import aggregate
from incidents.schema import empty_table
from maps import build_map
from maps._assets import LEAFLET_JS, PLUGINS, local_asset
from maps.build import LAYERS
from maps.cli import main
from maps.errors import MapError

_BLOCK = re.compile(r'<script type="application/json" id="[^"]+">(.*?)</script>', re.S)


def render(m: folium.Map) -> str:
    return m.get_root().render()


def payload(html: str) -> dict:
    blocks = _BLOCK.findall(html)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    if "gz" in data:
        data = json.loads(gzip.decompress(base64.b64decode(data["gz"])).decode("utf-8"))
    n = len(data["inc"]["lat"])
    for key, col in data["inc"].items():
        if isinstance(col, dict) and "from" in col:  # k, k+1, ...
            data["inc"][key] = list(range(col["from"], col["from"] + n))
        elif isinstance(col, dict) and "const" in col:
            data["inc"][key] = [col["const"]] * n
        elif isinstance(col, dict):  # codes relative to a base, -1 missing
            data["inc"][key] = [-1 if c < 0 else col["base"] + c for c in col["c"]]
    return data


def test_returns_map_with_every_incident(incidents):
    m = build_map(incidents, title="Test")
    assert isinstance(m, folium.Map)
    data = payload(render(m))
    assert len(data["inc"]["lat"]) == len(incidents) == 40
    assert data["summary"]["count"] == 40
    assert data["summary"]["mapped"] == 40
    assert data["summary"]["title"] == "Test"
    np.testing.assert_allclose(data["inc"]["lat"], incidents.geometry.y.round(5), atol=1e-9)
    assert data["inc"]["day"][0] == (incidents["date"].iloc[0] - pd.Timestamp(0)).days
    names = [data["s"][i] for i in data["types"]["names"]]
    assert sorted(names) == sorted(incidents["event_type"].unique())
    assert sum(data["types"]["n"]) == 40


def test_popup_columns_decode_to_the_table(incidents):
    data = payload(render(build_map(incidents)))
    s, inc = data["s"], data["inc"]
    for k in (0, 7, 39):
        row = incidents.iloc[k]
        assert s[inc["loc"][k]] == row["location"]
        assert s[inc["a1"][k]] == row["actor1"]
        assert s[inc["side"][k]] == row["side"]
        assert s[inc["meth"][k]] == row["geocode_method"]
        assert inc["prec"][k] == row["geo_precision"]
        assert inc["fat"][k] == row["fatalities"]
        assert inc["bd"][k] == round(row["border_distance_km"] * 10)
        assert inc["fkm"][k] == round(row["frontier_km"] * 10)
        assert s[inc["note"][k]] == row["notes"]


def test_hostile_text_never_reaches_html_unescaped(hostile):
    html = render(build_map(hostile, title="<img src=x onerror=alert(9)>{{ 3*3 }}"))
    for raw in ("<img src=x", "<script>alert", "</script><script>", "<b>end</b>", "<b>"):
        assert raw not in html
    assert "\u2028" not in html and "\u2029" not in html
    data = payload(html)
    notes = [data["s"][i] for i in data["inc"]["note"] if i >= 0]
    assert XSS_NOTE in notes  # the very text, Jinja did not touch {{ }} or {% %}
    assert data["summary"]["title"] == "<img src=x onerror=alert(9)>{{ 3*3 }}"
    assert "{{ config }}" in [data["s"][i] for i in data["types"]["names"]]


def test_data_block_is_gzipped_when_large(incidents, monkeypatch):
    monkeypatch.setattr(layer_mod, "GZIP_OVER", 0)
    html = render(build_map(incidents))
    assert '{"gz":"' in html
    assert len(payload(html)["inc"]["lon"]) == 40


def test_missing_columns_and_values():
    df = pd.DataFrame({"latitude": [34.0, 33.5, np.nan], "longitude": [71.0, 70.2, 70.0]})
    data = payload(render(build_map(df)))
    assert data["inc"]["lat"] == [34.0, 33.5]
    assert data["inc"]["day"] == [None, None]
    assert data["inc"]["note"] == [-1, -1]
    assert data["summary"]["unresolved"] == 1
    assert data["summary"]["has_dates"] is False


def test_empty_table_gives_frontier_and_notice():
    data = payload(render(build_map(empty_table())))
    assert data["inc"]["lat"] == []
    assert data["summary"]["count"] == 0
    assert "no incidents" in data["summary"]["notices"][0]
    assert len(data["units"]["frontier"]["lines"]) == 56
    assert data["inc"]["u_frontier"] == []


def test_all_unresolved_gives_notice(incidents):
    gdf = incidents.copy()
    gdf["geocode_method"] = "unresolved"
    data = payload(render(build_map(gdf)))
    assert data["inc"]["lat"] == []
    assert data["summary"]["unresolved"] == 40
    assert data["summary"]["notices"][0].startswith("None of the 40 incidents")


def test_absurd_coordinates_excluded_and_counted(incidents):
    df = pd.DataFrame(incidents.drop(columns="geometry"))
    df.loc[0, ["latitude", "longitude"]] = [200.0, 10.0]
    df.loc[1, ["latitude", "longitude"]] = [0.0, 0.0]
    df.loc[2, ["latitude", "longitude"]] = [-33.9, 151.2]
    data = payload(render(build_map(df)))
    assert len(data["inc"]["lat"]) == 37
    assert data["summary"]["excluded"] == 3
    assert data["summary"]["mapped"] == 37
    assert any("outside" in n for n in data["summary"]["notices"])


def test_geodataframe_without_crs_is_refused(incidents):
    with pytest.raises(MapError, match="no CRS"):
        build_map(incidents.set_crs(None, allow_override=True))


def _unit_counts(data: dict, layer: str) -> tuple[np.ndarray, int]:
    """Counts per unit and the unassigned count, from the per-incident codes in the page."""
    codes = np.asarray(data["inc"]["u_" + layer], dtype=np.int64)
    n_units = len(data["units"][layer]["units"])
    return np.bincount(codes[codes >= 0], minlength=n_units), int((codes < 0).sum())


def _aggregate_counts(table: pd.DataFrame, by: str, **options) -> tuple[np.ndarray, int]:
    agg = aggregate(table, by=by, **options)
    assigned = agg[agg["unit"] != "unassigned"]
    return assigned["incidents"].to_numpy(), int(agg.attrs["unassigned"])


def _bundled() -> gpd.GeoDataFrame:
    from incidents import geocode, position
    from incidents.bundled import load_oct2025

    return position(geocode(load_oct2025(), multi="first"))


@pytest.fixture(scope="module")
def bundled() -> gpd.GeoDataFrame:
    return _bundled()


@pytest.mark.parametrize("table", ["bundled", "random"])
def test_every_count_equals_aggregate(table, bundled):
    """Issue 11: frontier, district, province, band and hexagon counts are aggregate()'s."""
    if table == "bundled":
        gdf = bundled
    else:
        gdf = synthetic_incidents(5000, seed=11)
        gdf.loc[gdf.index[:300], "geo_precision"] = 3  # province-level: never on a unit
        gdf.loc[gdf.index[:300], "uncertainty_km"] = 120.0
    html = render(build_map(gdf, layers="frontier,districts,provinces,corridor,hexes,incidents"))
    data = payload(html)
    # the map leaves out rows without a point or outside the region; aggregate those it draws
    lat = np.asarray(data["inc"]["lat"])
    inside = gdf.geometry.y.between(20, 42) & gdf.geometry.x.between(55, 83)
    drawn = gdf[gdf.geometry.notna() & inside & (gdf["geocode_method"] != "unresolved")]
    assert len(drawn) == len(lat) == data["summary"]["mapped"]
    for layer, by, options in [
        ("frontier", "segment", {"km": 50.0}),
        ("districts", "admin2", {}),
        ("provinces", "admin1", {}),
        ("corridor", "band", {}),
        ("hexes", "hex", {}),
    ]:
        got, got_unassigned = _unit_counts(data, layer)
        want, want_unassigned = _aggregate_counts(drawn, by, **options)
        np.testing.assert_array_equal(got, want, err_msg=layer)
        assert got_unassigned == want_unassigned, layer
    if table == "random":
        # the 300 province-level rows are unassigned at every level but admin1
        assert _unit_counts(data, "districts")[1] >= 300
        assert _unit_counts(data, "frontier")[1] >= 300


def test_bundled_country_level_rows_are_not_put_in_a_district(bundled):
    """Issue 11: country-level rows were counted in Nili (Daykundi), the centroid's district."""
    data = payload(render(build_map(bundled)))
    coarse = bundled["geocode_method"].isin(["country", "admin1"])
    assert coarse.any()
    counts, unassigned = _unit_counts(data, "districts")
    assert unassigned >= int(coarse.sum())
    names = [u["name"] for u in data["units"]["districts"]["units"]]
    nili = names.index("Nili")
    fine = bundled[~coarse & (bundled["point_admin2"] == "Nili")]
    assert counts[nili] == len(fine)


def test_frontier_lines_start_at_the_line_end(incidents):
    data = payload(render(build_map(incidents)))
    lines = data["units"]["frontier"]["lines"]
    assert lines[0]["km0"] == 0 and lines[1]["km0"] == 50
    first = reference.frontier_line().geometry.iloc[0].coords[0]
    assert lines[0]["c"][0] == pytest.approx([first[1], first[0]], abs=1e-5)
    assert [k["km"] for k in data["km_labels"]][:3] == [0, 100, 200]


def test_layers_choose_what_is_drawn(incidents):
    data = payload(render(build_map(incidents, layers="frontier, incidents")))
    assert set(data["units"]) == {"frontier"}
    assert "crossings" not in data and "labels" not in data


def test_choropleth_adds_its_layer_visible(incidents):
    html = render(build_map(incidents, layers="incidents", choropleth="admin1"))
    assert set(payload(html)["units"]) == {"provinces"}
    assert "Provinces: incident count" in html
    with pytest.raises(MapError, match="choropleth: got 'county'"):
        build_map(incidents, choropleth="county")


def test_labels_name_towns_provinces_and_crossings(incidents):
    data = payload(render(build_map(incidents)))
    towns = {t["n"] for t in data["labels"]["towns"]}
    assert {"Kabul", "Quetta", "Jalalabad", "Kandahar"} <= towns
    assert "Khyber Pakhtunkhwa" in {p["n"] for p in data["labels"]["prov"]}
    # Torkham lies about 849 km along the line from its north-eastern end
    torkham = next(c for c in data["crossings"] if c["name"] == "Torkham")
    assert 700 < torkham["km"] < 1000


def test_popup_fields_for_review(incidents):
    gdf = incidents.copy()
    gdf["matched_name"] = "Torkham"
    gdf["nearest_crossing"] = "Torkham"
    gdf["crossing_distance_km"] = 3.25
    gdf["review_flags"] = "ambiguous_place;date_range"
    gdf["injuries"] = 4
    gdf["reports"] = "Dawn 2025-10-12; TOLOnews 2025-10-12"
    data = payload(render(build_map(gdf)))
    s, inc = data["s"], data["inc"]
    assert s[inc["mname"][0]] == "Torkham"
    assert s[inc["flags"][0]] == "ambiguous_place;date_range"
    assert inc["xd"][0] == 32 and inc["inj"][0] == 4
    assert s[inc["reports"][0]].startswith("Dawn")
    assert s[inc["pa2"][0]] == gdf["point_admin2"].iloc[0]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"layers": ["frontier", "bogus"]}, r"unknown layer\(s\) \['bogus'\]; valid layers are"),
        ({"layers": "aggregates"}, "aggregates= was not given"),
        ({"tiles": "No.Such.Tiles"}, "no xyzservices provider named 'No.Such.Tiles'"),
        ({"tiles": 3}, "tiles must be"),
        ({"title": 5}, "title must be a string"),
        ({"aggregates": pd.DataFrame({"count": [1]})}, "aggregates must be a GeoDataFrame"),
    ],
)
def test_bad_arguments(incidents, kwargs, match):
    with pytest.raises(MapError, match=match):
        build_map(incidents, **kwargs)


def test_not_a_table():
    with pytest.raises(MapError, match="incidents must be a"):
        build_map([1, 2, 3])


def test_aggregates_layer(incidents):
    agg = reference.admin1().head(5)
    agg["count"] = [0, 1, 2, 3, 40]
    data = payload(render(build_map(incidents, aggregates=agg)))
    assert [f["n"] for f in data["aggregates"]["features"]] == [0, 1, 2, 3, 40]
    assert data["aggregates"]["features"][0]["name"] == agg["admin1"].iloc[0]


def test_tiles_none_draws_outline_basemap(incidents):
    html = render(build_map(incidents, tiles=None))
    assert "basemaps.cartocdn.com" not in html
    assert "tile.openstreetmap.org" not in html
    assert "admin1" in payload(html)["basemap"]


def test_cdn_page_links_cdn_only_for_what_it_uses(incidents):
    html = render(build_map(incidents, cdn=True))
    assert f'<script src="{LEAFLET_JS}"></script>' in html
    assert "jquery" not in html and "bootstrap" not in html
    for js, _ in PLUGINS.values():
        assert js[0] in html


def test_page_is_self_contained_by_default(incidents):
    html = render(build_map(incidents))
    assert "<script src=" not in html
    assert '<link rel="stylesheet"' not in html
    assert local_asset(LEAFLET_JS)[:2000] in html
    assert "L.Control.MiniMap" in html and "L.heatLayer" in html
    # images of leaflet.css are inlined
    assert "url(images/" not in html
    assert "data:image/png;base64," in html


def test_offline_without_plugin_files_says_so(incidents, monkeypatch):
    import maps.build as build_mod

    monkeypatch.setattr(build_mod._assets, "missing_offline", lambda p: p == "measure")
    data = payload(render(build_map(incidents)))
    assert any("measure left out" in n for n in data["summary"]["notices"])


def test_adds_to_a_given_map(incidents):
    m = folium.Map(tiles=None)
    assert build_map(incidents, m=m) is m
    assert len(payload(render(m))["inc"]["lat"]) == 40


def test_every_layer_has_a_label_and_the_help_lists_them(capsys):
    from maps.build import LABELS

    assert set(LABELS) == set(LAYERS)
    with pytest.raises(SystemExit):
        main(["map", "--help"])
    out = capsys.readouterr().out
    assert all(name in out for name in LAYERS)
    assert "visible at load by default" in out


def test_version(capsys):
    from importlib.metadata import version

    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"frontier {version('frontier-mapper')}"


# ---- the CLI -------------------------------------------------------------


def test_cli_map_of_positioned_parquet(tmp_path, capsys, incidents):
    src = tmp_path / "positioned.parquet"
    incidents.to_parquet(src)
    out = tmp_path / "map.html"
    assert main(["map", str(src), "-o", str(out), "--title", "<i>t</i>"]) == 0
    html = out.read_text(encoding="utf-8")
    assert "<i>t</i>" not in html
    assert len(payload(html)["inc"]["lat"]) == 40
    assert "40 of 40 incidents mapped" in capsys.readouterr().out


def test_cli_map_of_positioned_csv(tmp_path, incidents):
    src = tmp_path / "positioned.csv"
    pd.DataFrame(incidents.drop(columns="geometry")).to_csv(src, index=False)
    out = tmp_path / "map.html"
    assert main(["map", str(src), "-o", str(out), "--layers", "frontier,incidents"]) == 0
    assert len(payload(out.read_text(encoding="utf-8"))["inc"]["lat"]) == 40


def test_cli_map_of_raw_file_geocodes_it(tmp_path):
    src = tmp_path / "raw.csv"
    src.write_text("date,location\n2025-10-12,Torkham\n2025-10-13,Chaman\n", encoding="utf-8")
    out = tmp_path / "map.html"
    assert main(["map", str(src), "-o", str(out), "--tiles", "none"]) == 0
    inc = payload(out.read_text(encoding="utf-8"))["inc"]
    # Torkham 34.11 N 71.08 E, Chaman 30.92 N 66.45 E (Wikipedia): both geocoded, near the line.
    assert len(inc["lat"]) == 2
    assert sorted(round(v) for v in inc["lat"]) == [31, 34]


def test_cli_bad_input_is_one_line(tmp_path, capsys):
    assert main(["map", str(tmp_path / "nope.csv"), "-o", str(tmp_path / "m.html")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("frontier map: error: INPUT") and err.count("\n") == 1


def test_cli_bad_layers(tmp_path, capsys, incidents):
    src = tmp_path / "p.parquet"
    incidents.to_parquet(src)
    assert main(["map", str(src), "-o", str(tmp_path / "m.html"), "--layers", "nope"]) == 2
    assert "unknown layer(s) ['nope']" in capsys.readouterr().err


def test_geodataframe_in_other_crs(incidents):
    data = payload(render(build_map(incidents.to_crs(3857))))
    np.testing.assert_allclose(data["inc"]["lon"], incidents.geometry.x.round(5), atol=2e-5)


def test_points_without_geometry_fall_back_to_lat_lon(incidents):
    gdf = incidents.copy()
    gdf.loc[gdf.index[:5], "geometry"] = None
    assert isinstance(gdf, gpd.GeoDataFrame)
    assert len(payload(render(build_map(gdf)))["inc"]["lat"]) == 40


def test_cli_filters_and_choropleth(tmp_path, capsys, incidents):
    src = tmp_path / "p.parquet"
    incidents.to_parquet(src)
    out = tmp_path / "m.html"
    argv = ["map", str(src), "-o", str(out), "--choropleth", "admin2", "--period", "month"]
    argv += ["--from", "2024-03-01", "--to", "2024-12-31", "--where", "event_type=Battles|Protests"]
    assert main(argv) == 0
    data = payload(out.read_text(encoding="utf-8"))
    day = incidents["date"]
    want = incidents[
        (day >= "2024-03-01")
        & (day <= "2024-12-31")
        & incidents["event_type"].isin(["Battles", "Protests"])
    ]
    assert len(data["inc"]["lat"]) == len(want) > 0
    assert data["time"]["unit"] == "month"
    assert "districts" in data["units"]
    assert any(f"{len(want)} of 40 rows" in n for n in data["summary"]["notices"])
    assert f"{40 - len(want)} left out by the filters" in capsys.readouterr().out


def test_cli_bad_where_is_one_line(tmp_path, capsys, incidents):
    src = tmp_path / "p.parquet"
    incidents.to_parquet(src)
    assert main(["map", str(src), "-o", str(tmp_path / "m.html"), "--where", "nocol=1"]) == 2
    assert "no column 'nocol'" in capsys.readouterr().err
