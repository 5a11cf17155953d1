"""The map in headless Chromium, with no network.

The offline page must make no request but for tiles (answered with a blank
PNG here); the normal page's CDN requests are answered from the same local
copies the offline build inlines.  Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from positioned_tables import CHROMIUM_ARGS, XSS_NOTE, synthetic_incidents

import maps._incident_layer as layer_mod
from incidents.schema import empty_table
from maps import build_map
from maps._assets import local_asset

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = CHROMIUM_ARGS
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
TILE_HOSTS = re.compile(r"basemaps\.cartocdn\.com|tile\.openstreetmap\.org")


def blank_tile() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGBA", (256, 256), (0, 0, 0, 0)).save(buf, format="PNG")
    return buf.getvalue()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):  # CI installs it: a missing browser is a failure there
            pytest.fail("CI must install Debian's chromium at /usr/bin/chromium")
        pytest.skip("needs Debian's chromium at /usr/bin/chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Page:
    """A page with every network request answered locally and every console message kept."""

    def __init__(self, browser, tmp_path: Path, html: str, *, offline: bool) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.console: list[tuple[str, str]] = []
        self.dialogs: list[str] = []
        self.unexpected: list[str] = []
        self.page.on("console", lambda m: self.console.append((m.type, m.text)))
        self.page.on("pageerror", lambda e: self.console.append(("pageerror", str(e))))
        self.page.on("dialog", self._dialog)
        self.offline = offline
        self.requests: list[str] = []
        self.page.route(re.compile(r"^(?!file:|data:|blob:)"), self._route)
        path = tmp_path / "map.html"
        path.write_text(html, encoding="utf-8")
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("[data-fm-ready]", state="attached", timeout=20_000)
        self.page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route) -> None:
        url = route.request.url
        self.requests.append(url)
        if TILE_HOSTS.search(url):
            route.fulfill(status=200, body=blank_tile(), content_type="image/png")
            return
        text = None if self.offline else local_asset(url)
        if text is None:
            self.unexpected.append(url)
            route.abort()
            return
        kind = "text/css" if url.endswith(".css") else "application/javascript"
        route.fulfill(status=200, body=text, content_type=kind)

    def js(self, expr: str):
        return self.page.evaluate(expr)

    def errors(self) -> list[tuple[str, str]]:
        return [c for c in self.console if c[0] in ("error", "pageerror")]

    def screenshot(self, name: str) -> bytes:
        ARTIFACTS.mkdir(exist_ok=True)
        png = self.page.screenshot(path=str(ARTIFACTS / name))
        return png

    def close(self) -> None:
        self.page.close()


def assert_not_blank(png: bytes) -> None:
    from PIL import Image

    img = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).reshape(-1, 3)
    colours = len(np.unique(img[:: max(len(img) // 50_000, 1)], axis=0))
    assert colours > 50, f"screenshot looks blank ({colours} colours)"
    assert img.std() > 10


def click_incident(p: Page, index: int) -> None:
    """Zoom to incident ``index`` (a row of the data block) and click it."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    p.js(
        f"""() => {{
        const fm = FrontierMap.last, inc = fm.d.inc;
        fm.map.closePopup();
        fm.map.setView([inc.lat[{index}], inc.lon[{index}]], 13, {{animate: false}});
    }}"""
    )
    # the popup closed above fades out before it leaves the page: wait until it has
    # gone, else the wait below finds the old popup and the check after it none
    p.page.wait_for_selector(".leaflet-popup", state="detached", timeout=5_000)
    # (on a loaded machine the marker layer may redraw after the first click: up to
    # three clicks, each given 5 s for its popup)
    for attempt in range(3):
        p.page.wait_for_timeout(150 * (attempt + 1))
        xy = p.js(
            f"""() => {{
            const fm = FrontierMap.last, inc = fm.d.inc;
            const pt = fm.map.latLngToContainerPoint([inc.lat[{index}], inc.lon[{index}]]);
            const box = fm.map.getContainer().getBoundingClientRect();
            return [box.left + pt.x, box.top + pt.y];
        }}"""
        )
        p.page.mouse.click(xy[0], xy[1])
        try:
            p.page.wait_for_selector(".leaflet-popup-content", timeout=5_000)
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
    p.page.wait_for_timeout(300)  # let the popup finish fading in


def test_offline_map_with_hostile_text(browser, tmp_path, hostile):
    title = "<img src=x onerror=alert('title')> Hostile {{ 6*7 }}"
    hostile = hostile.copy()
    hostile["review_flags"] = hostile["review_flags"].astype("object")
    hostile.loc[0, "review_flags"] = "<img src=x onerror=alert(5)>;ambiguous"
    hostile["matched_name"] = "<svg onload=alert(6)>"
    hostile["source"] = hostile["source"].astype("object")
    hostile.loc[0, "source"] = "javascript:alert(7)"
    hostile.loc[1, "source"] = "https://example.org/report?id=1&x=y"
    hostile.loc[2, "actor2"] = "<img src=x onerror=alert(8)>"
    hostile["injuries"] = 2
    hostile["reports"] = "<b>r1</b>; r2"
    html = build_map(hostile, title=title).get_root().render()
    p = Page(browser, tmp_path, html, offline=True)
    try:
        assert p.js("typeof L") == "object"
        assert p.js("L.version") == "1.9.3"
        labels = p.js(
            "() => [...document.querySelectorAll('.leaflet-control-layers label span')]"
            ".map(s => s.textContent.trim())"
        )
        for name in (
            "Incidents",
            "Frontier: incidents per 50 km",
            "Border crossings",
            "Heat map",
            "Districts: incident count",
            "Distance bands from the frontier",
            "Location uncertainty circles",
            "Place names",
            "OpenStreetMap.Mapnik",
        ):
            assert name in labels
        stats = p.js("FrontierMap.last.stats()")
        assert stats["data"] == len(hostile) == 12
        assert stats["rendered"] == 12 and stats["points"] == 12
        assert p.js("FrontierMap.last.points.getLayers().length") == 12
        for control in ("FullScreen", "Measure", "MiniMap"):
            assert p.js(f"typeof L.Control.{control}") == "function"
        assert p.js("document.querySelectorAll('.leaflet-control-minimap').length") == 1
        assert p.js("document.querySelector('.fm-title .fm-h1').textContent") == title
        # hostile text in the filter controls stays text
        p.page.click(".fm-filters > summary")
        types = p.js("[...document.querySelectorAll('input[name=type]')].map(x => x.value)")
        assert "{{ config }}" in types
        actors = p.js(
            "[...document.querySelectorAll('select[name=actor] option')].map(o => o.value)"
        )
        assert "</script><script>alert(4)</script>" in actors
        assert "<img src=x onerror=alert(8)>" in actors
        assert p.js("document.querySelectorAll('.fm-filters img, .fm-legend img').length") == 0
        # ... and in the URL hash after picking it
        p.page.select_option("select[name=actor]", "<img src=x onerror=alert(8)>")
        assert p.js("FrontierMap.last.stats().active") == 1
        assert "alert" in p.js("decodeURIComponent(location.hash)")
        p.page.click(".fm-reset")
        assert p.js("FrontierMap.last.stats().active") == 12

        assert_not_blank(p.screenshot("map-offline-overview.png"))

        row = int(np.flatnonzero(hostile["notes"].to_numpy() == XSS_NOTE)[0])
        click_incident(p, row)
        text = p.js("document.querySelector('.leaflet-popup-content').textContent")
        assert XSS_NOTE in text
        assert "Incident SYN000000" in text
        assert "<img src=x onerror=alert(5)>, ambiguous" in text
        assert "<svg onload=alert(6)>" in text and "2 injured" in text and "<b>r1</b>; r2" in text
        assert "javascript:alert(7)" in text
        assert p.js("document.querySelectorAll('.leaflet-popup-content a').length") == 0
        for tag in ("img", "script", "svg", "b"):
            assert p.js(f"document.querySelectorAll('.leaflet-popup-content {tag}').length") == 0
        p.screenshot("map-offline-popup.png")

        click_incident(p, 1)
        place = p.js("document.querySelector('.leaflet-popup-content').textContent")
        assert "<img src=x onerror=alert(3)>" in place
        link = p.js(
            "(() => { const a = document.querySelector('.leaflet-popup-content a');"
            " return [a.href, a.rel, a.textContent]; })()"
        )
        assert link[0] == "https://example.org/report?id=1&x=y"
        assert link[1] == "noopener noreferrer" and link[2] == link[0]

        assert p.dialogs == []
        assert p.errors() == []
        assert p.unexpected == []
        assert p.requests == []  # the page asked nothing of the network (tiles are off at load)
    finally:
        p.close()


def test_cdn_page_from_routed_cdn(browser, tmp_path, incidents):
    html = build_map(incidents, cdn=True, show_tiles=True).get_root().render()
    p = Page(browser, tmp_path, html, offline=False)
    try:
        assert p.js("FrontierMap.last.stats().rendered") == 40
        assert p.js("typeof L.heatLayer") == "function"
        # switch on the heat map and the district choropleth through the layer control
        for label in ("Heat map", "Districts: incident count"):
            p.page.locator(".leaflet-control-layers").hover()
            p.page.get_by_text(label, exact=True).click()
        assert p.js("document.querySelectorAll('canvas.leaflet-heatmap-layer').length") == 1
        assert p.js("FrontierMap.last.map.hasLayer(FrontierMap.last.heat)")
        p.page.mouse.move(5, 400)
        assert_not_blank(p.screenshot("map-normal-heat-districts.png"))
        assert p.errors() == []
        assert p.unexpected == []
    finally:
        p.close()


def test_large_page_clusters_and_time_control(browser, tmp_path, monkeypatch):
    monkeypatch.setattr(layer_mod, "GZIP_OVER", 0)  # exercise the compressed block
    gdf = synthetic_incidents(6000, seed=3)
    html = build_map(gdf, tiles=None).get_root().render()
    assert '{"gz":"' in html
    p = Page(browser, tmp_path, html, offline=True)
    try:
        stats = p.js("FrontierMap.last.stats()")
        assert stats["data"] == 6000
        assert stats["clusters"] > 0
        assert stats["rendered"] == stats["visible"]
        assert_not_blank(p.screenshot("map-clusters.png"))

        month = gdf["date"].dt.to_period("M")
        first = month.min()
        p.page.click(".fm-filters > summary")
        p.page.select_option("select[name=unit]", "month")
        assert p.js("FrontierMap.last.stats().active") == int((month == first).sum())
        out = p.js("document.querySelector('.fm-period').textContent")
        assert out.startswith(str(first))
        # cumulative: everything up to the end of the period
        p.page.fill(
            "input[name=period]",
            str(p.js("Number(document.querySelector('input[name=period]').min) + 2")),
        )
        p.page.check("input[name=cumulative]")
        third = first + 2
        assert p.js("FrontierMap.last.stats().active") == int((month <= third).sum())

        p.page.select_option("select[name=unit]", "all")
        assert p.js("FrontierMap.last.stats().active") == 6000
        assert p.errors() == []
    finally:
        p.close()


@pytest.mark.parametrize("case", ["empty", "unresolved", "absurd"])
def test_bad_tables_still_give_a_map(browser, tmp_path, case):
    if case == "empty":
        table, notice = empty_table(), "no incidents"
    elif case == "unresolved":
        table = synthetic_incidents(5, seed=4)
        table["geocode_method"] = "unresolved"
        notice = "None of the 5 incidents"
    else:
        table = pd.DataFrame(synthetic_incidents(6, seed=4).drop(columns="geometry"))
        table.loc[0, "latitude"] = 95.0
        table.loc[1, ["latitude", "longitude"]] = [-10.0, -60.0]
        notice = "2 incident(s) lie outside the mapped"
    html = build_map(table).get_root().render()
    p = Page(browser, tmp_path, html, offline=True)
    try:
        assert p.js("FrontierMap.last.d.units.frontier.lines.length") == 56
        notices = p.js("document.querySelector('.fm-title').textContent")
        assert notice in notices
        expected = 4 if case == "absurd" else 0
        assert p.js("FrontierMap.last.stats().rendered") == expected
        assert_not_blank(p.screenshot(f"map-{case}.png"))
        assert p.errors() == []
    finally:
        p.close()


# ---- issue 13/14: self-contained demo, filters that drive counts, the chart --------------


def test_demo_loads_with_no_network_at_all(browser, tmp_path):
    """``frontier demo`` (no flags): no request leaves the page, no console error, labels drawn."""
    from maps.demo import run_demo

    result = run_demo(tmp_path / "demo")
    p = Page(browser, tmp_path, result.files["map"].read_text(encoding="utf-8"), offline=True)
    try:
        assert p.requests == []
        assert p.errors() == []
        assert p.js("document.querySelectorAll('.fm-asset-error').length") == 0
        labels = p.js("[...document.querySelectorAll('.fm-lbl')].map(x => x.textContent)")
        assert "Kabul" in labels and "Quetta" in labels
        # Zoom to Torkham and wait for its label.  The page's own start-up (a fit to
        # the data, the URL-hash state) can still move the view after a first
        # setView on a loaded machine, so the view is set again at every poll until
        # it holds.
        with contextlib.suppress(Exception):
            p.page.wait_for_function(
                """() => {
                    const m = FrontierMap.last.map;
                    if (m.getZoom() !== 10) m.setView([34.1, 71.1], 10, {animate: false});
                    return [...document.querySelectorAll('.fm-lbl')]
                        .some(x => x.textContent === 'Torkham');
                }""",
                timeout=15_000,
                polling=250,
            )
        labels = p.js("[...document.querySelectorAll('.fm-lbl')].map(x => x.textContent)")
        assert "Torkham" in labels
        assert p.requests == []
    finally:
        p.close()


def test_cdn_page_without_network_says_so(browser, tmp_path, incidents):
    html = build_map(incidents, cdn=True).get_root().render()
    p = Page.__new__(Page)
    page = browser.new_page()
    try:
        page.route(re.compile(r"^https?://"), lambda r: r.abort())
        page.goto((tmp_path / "x.html").as_uri() if False else "about:blank")
        path = tmp_path / "cdn.html"
        path.write_text(html, encoding="utf-8")
        page.goto(path.as_uri())
        page.wait_for_selector(".fm-asset-error", timeout=10_000)
        text = page.evaluate("document.querySelector('.fm-asset-error').textContent")
        assert "needs an internet connection" in text and "without --cdn" in text
    finally:
        page.close()
    del p


def _filtered_counts(p: Page) -> dict:
    return p.js(
        "(() => { const fm = FrontierMap.last; return {"
        "districts: fm.unitCounts('districts'), frontier: fm.unitCounts('frontier'),"
        "active: fm.stats().active, title: document.querySelector('.fm-nofm').textContent,"
        "legend: [...document.querySelectorAll('.fm-unassigned')].map(x => x.textContent)}; })()"
    )


def _expected(table, by: str, **options) -> tuple[list[int], int]:
    from incidents.aggregate import aggregate

    agg = aggregate(table, by=by, **options)
    return agg.loc[agg["unit"] != "unassigned", "incidents"].tolist(), agg.attrs["unassigned"]


def test_date_range_and_type_filter_give_aggregate_counts(browser, tmp_path):
    gdf = synthetic_incidents(800, seed=21)
    gdf.loc[gdf.index[:60], ["geo_precision", "uncertainty_km"]] = [3, 150.0]
    html = build_map(gdf, layers="districts,frontier,incidents").get_root().render()
    p = Page(browser, tmp_path, html, offline=True)
    try:
        p.page.click(".fm-filters > summary")
        p.page.fill("input[name=from]", "2024-06-01")
        p.page.dispatch_event("input[name=from]", "change")
        p.page.fill("input[name=to]", "2024-11-30")
        p.page.dispatch_event("input[name=to]", "change")
        day = gdf["date"]
        sel = gdf[(day >= "2024-06-01") & (day <= "2024-11-30")]
        got = _filtered_counts(p)
        assert got["active"] == len(sel)
        assert got["title"].startswith(f"{len(sel):,} of 800")
        for layer, by, opts in (("districts", "admin2", {}), ("frontier", "segment", {"km": 50.0})):
            counts, unassigned = _expected(sel, by, **opts)
            assert got[layer]["counts"] == counts, layer
            assert got[layer]["unassigned"] == unassigned, layer
            assert f"not assigned: {unassigned}" in got["legend"]
        assert "from=2024-06-01" in p.js("location.hash")

        # and a type filter on top: untick every type but Battles
        for box in p.page.locator("input[name=type]").all():
            if box.get_attribute("value") != "Battles":
                box.uncheck()
        sel = sel[sel["event_type"] == "Battles"]
        got = _filtered_counts(p)
        assert got["active"] == len(sel)
        for layer, by, opts in (("districts", "admin2", {}), ("frontier", "segment", {"km": 50.0})):
            counts, unassigned = _expected(sel, by, **opts)
            assert got[layer]["counts"] == counts, layer
            assert got[layer]["unassigned"] == unassigned, layer
        assert "type=Battles" in p.js("location.hash")

        # the hash alone restores the view
        url = p.js("location.href")
        p.page.goto("about:blank")
        p.page.goto(url)
        p.page.wait_for_selector("[data-fm-ready]", state="attached")
        assert _filtered_counts(p)["active"] == len(sel)
        assert p.errors() == []
        assert p.requests == []
    finally:
        p.close()


def test_brushing_the_chart_filters_the_map(browser, tmp_path):
    gdf = synthetic_incidents(1500, seed=22)
    html = build_map(gdf, tiles=None).get_root().render()
    p = Page(browser, tmp_path, html, offline=True)
    try:
        p.page.click(".fm-chart > summary")
        box = p.page.locator(".fm-chart canvas").bounding_box()
        x0, y0 = box["x"] + 0.35 * box["width"], box["y"] + 0.2 * box["height"]
        x1, y1 = box["x"] + 0.6 * box["width"], box["y"] + 0.6 * box["height"]
        p.page.mouse.move(x0, y0)
        p.page.mouse.down()
        p.page.mouse.move(x1, y1, steps=5)
        p.page.mouse.up()
        st = p.js("FrontierMap.last.state")
        assert st["km0"] is not None and st["km1"] is not None and st["from"] is not None
        assert 0 < st["km0"] < st["km1"] < 2762
        lo = pd.Timestamp(0) + pd.Timedelta(days=st["from"])
        hi = pd.Timestamp(0) + pd.Timedelta(days=st["to"])
        fkm, day = gdf["frontier_km"], gdf["date"]
        # synthetic rows are all placeable on a 50-km segment (precision <= 2, 15 km)
        want = (fkm.round(1) >= st["km0"]) & (fkm.round(1) <= st["km1"])
        want &= (day >= lo) & (day <= hi)
        assert 0 < int(want.sum()) < len(gdf)
        assert p.js("FrontierMap.last.stats().active") == int(want.sum())
        # every visible incident is inside the brushed range
        inside = p.js(
            "(() => { const fm = FrontierMap.last, inc = fm.d.inc, st = fm.state;"
            " return fm.visible.every(i => inc.fkm[i] / 10 >= st.km0 && inc.fkm[i] / 10 <= st.km1"
            " && inc.day[i] >= st.from && inc.day[i] <= st.to); })()"
        )
        assert inside
        assert p.js("document.querySelector('input[name=km0]').value") == str(st["km0"])
        # the map's filters redraw the chart
        drawn = p.js("FrontierMap.last.chart.drawn")
        p.page.click(".fm-filters > summary")
        p.page.select_option("select[name=precision]", "1")
        assert p.js("FrontierMap.last.chart.drawn") < drawn
        p.page.dblclick(".fm-chart canvas")
        assert p.js("FrontierMap.last.state.km0") is None
        assert p.errors() == []
    finally:
        p.close()
