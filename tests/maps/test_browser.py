"""The map in headless Chromium, with no network.

The offline page must make no request but for tiles (answered with a blank
PNG here); the normal page's CDN requests are answered from the same local
copies the offline build inlines.  Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

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
        self.page.route(re.compile(r"^https?://"), self._route)
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
    p.js(
        f"""() => {{
        const fm = FrontierMap.last, inc = fm.d.inc;
        fm.map.closePopup();
        fm.map.setView([inc.lat[{index}], inc.lon[{index}]], 13, {{animate: false}});
    }}"""
    )
    p.page.wait_for_timeout(150)
    xy = p.js(
        f"""() => {{
        const fm = FrontierMap.last, inc = fm.d.inc;
        const pt = fm.map.latLngToContainerPoint([inc.lat[{index}], inc.lon[{index}]]);
        const box = fm.map.getContainer().getBoundingClientRect();
        return [box.left + pt.x, box.top + pt.y];
    }}"""
    )
    p.page.mouse.click(xy[0], xy[1])
    p.page.wait_for_selector(".leaflet-popup-content", timeout=5_000)
    p.page.wait_for_timeout(300)  # let the popup finish fading in


def test_offline_map_with_hostile_text(browser, tmp_path, hostile):
    title = "<img src=x onerror=alert('title')> Hostile {{ 6*7 }}"
    html = build_map(hostile, title=title, offline=True).get_root().render()
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
            "Frontier: incidents per 100 km",
            "Border crossings",
            "Heat map",
            "Districts: incident count",
            "Distance bands from the frontier",
            "Location uncertainty circles",
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
        assert p.js("document.querySelector('.fm-title h1').textContent") == title

        assert_not_blank(p.screenshot("map-offline-overview.png"))

        row = int(np.flatnonzero(hostile["notes"].to_numpy() == XSS_NOTE)[0])
        click_incident(p, row)
        text = p.js("document.querySelector('.leaflet-popup-content').textContent")
        assert XSS_NOTE in text
        assert "Incident SYN000000" in text
        assert p.js("document.querySelectorAll('.leaflet-popup-content img').length") == 0
        assert p.js("document.querySelectorAll('.leaflet-popup-content script').length") == 0
        p.screenshot("map-offline-popup.png")

        click_incident(p, 1)
        place = p.js("document.querySelector('.leaflet-popup-content').textContent")
        assert "<img src=x onerror=alert(3)>" in place

        assert p.dialogs == []
        assert p.errors() == []
        assert p.unexpected == []  # nothing but tiles was asked of the network
    finally:
        p.close()


def test_normal_page_from_routed_cdn(browser, tmp_path, incidents):
    html = build_map(incidents).get_root().render()
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
    html = build_map(gdf, offline=True, tiles=None).get_root().render()
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
        p.page.select_option(".fm-time select", "month")
        assert p.js("FrontierMap.last.stats().active") == int((month == first).sum())
        out = p.js("document.querySelector('.fm-time output').textContent")
        assert out.startswith(str(first))

        p.page.select_option(".fm-time select", "all")
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
    html = build_map(table, offline=True).get_root().render()
    p = Page(browser, tmp_path, html, offline=True)
    try:
        assert p.js("FrontierMap.last.d.frontier.segments.length") == 28
        notices = p.js("document.querySelector('.fm-title').textContent")
        assert notice in notices
        expected = 4 if case == "absurd" else 0
        assert p.js("FrontierMap.last.stats().rendered") == expected
        assert_not_blank(p.screenshot(f"map-{case}.png"))
        assert p.errors() == []
    finally:
        p.close()
