"""Incidents at the very same point can all be read in the map (headless Chromium).

ACLED and UCDP code many events at one village or district centre, and the geocoder
places every district fallback at the district's point: such incidents are drawn on
one pixel at every zoom.  Clicking there opens a popup that pages through all of
them ("1 of 4 incidents at this point"), the filters deciding which are counted.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from positioned_tables import CHROMIUM_ARGS, synthetic_incidents

from maps import build_map

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def page():
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        pg = browser.new_page(viewport={"width": 1280, "height": 800})
        pg.route(re.compile(r"^(?!file:|data:|blob:)"), lambda r: r.abort())
        yield pg
        browser.close()


def _table():
    gdf = synthetic_incidents(8, seed=5)
    # rows 2, 4, 5 and 7 at one point (Torkham), with their own ids, types and dates
    same = [2, 4, 5, 7]
    gdf.loc[same, ["latitude", "longitude"]] = [34.1325, 71.0953]
    gdf.loc[same, "geometry"] = gdf.loc[same].apply(
        lambda r: type(r.geometry)(71.0953, 34.1325), axis=1
    )
    gdf.loc[same, "event_type"] = ["Battles", "Battles", "Protests", "Battles"]
    return gdf, same


def _load(pg, tmp_path, html):
    path = tmp_path / "map.html"
    path.write_text(html, encoding="utf-8")
    pg.goto(path.as_uri())
    pg.wait_for_selector("[data-fm-ready]", state="attached", timeout=20_000)


def _click(pg, index):
    pg.evaluate(
        f"""() => {{ const fm = FrontierMap.last, inc = fm.d.inc; fm.map.closePopup();
        fm.map.setView([inc.lat[{index}], inc.lon[{index}]], 14, {{animate: false}}); }}"""
    )
    pg.wait_for_timeout(200)
    xy = pg.evaluate(
        f"""() => {{ const fm = FrontierMap.last, inc = fm.d.inc;
        const pt = fm.map.latLngToContainerPoint([inc.lat[{index}], inc.lon[{index}]]);
        const box = fm.map.getContainer().getBoundingClientRect();
        return [box.left + pt.x, box.top + pt.y]; }}"""
    )
    pg.mouse.click(xy[0], xy[1])
    pg.wait_for_selector(".leaflet-popup-content", timeout=5_000)
    pg.wait_for_timeout(600)  # the popup pans the map into view


def _open(pg, tmp_path, html, index):
    _load(pg, tmp_path, html)
    _click(pg, index)


def _shown(pg) -> tuple[str, str]:
    label = pg.evaluate("document.querySelector('.fm-stack-label').textContent")
    title = pg.evaluate("document.querySelector('.fm-stack-body strong').textContent")
    return label, title


def test_a_popup_pages_through_every_incident_at_one_point(page, tmp_path):
    gdf, same = _table()
    ids = [str(gdf.loc[i, "incident_id"]) for i in same]
    _open(page, tmp_path, build_map(gdf).get_root().render(), same[0])
    seen = []
    for _ in range(len(same)):
        label, title = _shown(page)
        assert label.endswith(f"of {len(same)} incidents at this point")
        seen.append(title.removeprefix("Incident "))
        page.evaluate("document.querySelector('.fm-stack-next').click()")
    assert sorted(seen) == sorted(ids)
    assert _shown(page)[1] == f"Incident {seen[0]}"  # round again
    page.evaluate("document.querySelector('.fm-stack-prev').click()")
    assert _shown(page)[1] == f"Incident {seen[-1]}"
    assert page.evaluate("document.querySelectorAll('.leaflet-popup').length") == 1


def test_filtered_out_incidents_are_not_paged(page, tmp_path):
    gdf, same = _table()
    _load(page, tmp_path, build_map(gdf).get_root().render())
    page.click(".fm-filters > summary")
    page.locator("input[name=type][value=Protests]").uncheck()
    page.wait_for_timeout(200)
    assert page.evaluate("FrontierMap.last.stats().active") == int(
        (gdf["event_type"] != "Protests").sum()
    )
    battles = [i for i in same if gdf.loc[i, "event_type"] == "Battles"]
    _click(page, battles[0])
    label, _ = _shown(page)
    assert label == f"1 of {len(battles)} incidents at this point"


def test_a_lone_incident_has_a_plain_popup(page, tmp_path):
    gdf, same = _table()
    alone = next(i for i in range(len(gdf)) if i not in same)
    _open(page, tmp_path, build_map(gdf).get_root().render(), alone)
    assert page.evaluate("document.querySelectorAll('.fm-stack-nav').length") == 0
    text = page.evaluate("document.querySelector('.leaflet-popup-content').textContent")
    assert f"Incident {gdf.loc[alone, 'incident_id']}" in text
