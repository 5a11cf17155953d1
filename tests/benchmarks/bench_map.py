"""Benchmark: 100,000 incidents as folium variants and as build_map, in one run.

    python tests/benchmarks/bench_map.py [--n 100000] [--marker-n 10000] [--runs 3]

For every variant: build seconds (build + render to HTML), HTML size, and
"interactive" seconds: from navigation start until the ``load`` event has
fired, the map's script has run (for build_map: its data is drawn) and one
animation frame has been painted, in headless Chromium with no network (CDN
files are answered from the local copies in xstatic-* / folium-offline, tiles
with a blank PNG).  The median of ``--runs`` page loads is reported.
For build_map, "filter change ms": one change of the page's filter state (a date
range and an event type) until the redrawn map, legend and counts are painted.
One ``folium.Marker`` per incident is built with ``--marker-n`` incidents
(default 10,000): at 100,000 it takes over a minute and the page never loads.
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import io
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import folium
import folium.plugins

HERE = Path(__file__).resolve().parent
FIELDS = [
    "date",
    "event_type",
    "actor1",
    "actor2",
    "fatalities",
    "location",
    "side",
    "border_distance_km",
    "frontier_km",
    "geocode_method",
    "geo_precision",
]


def _fixtures():
    spec = importlib.util.spec_from_file_location(
        "positioned_tables", HERE.parent / "positioned_tables.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _synthetic():
    return _fixtures().synthetic_incidents


def _popup_html(row) -> str:
    return "<br>".join(f"<b>{k}</b>: {html.escape(str(row[k]))}" for k in FIELDS)


def _base_map() -> folium.Map:
    return folium.Map(location=[31.5, 68.5], zoom_start=6, tiles="OpenStreetMap")


def folium_markers(gdf) -> folium.Map:
    m = _base_map()
    for _, row in gdf.iterrows():
        folium.Marker([row.latitude, row.longitude], popup=_popup_html(row)).add_to(m)
    return m


def folium_marker_cluster(gdf) -> folium.Map:
    m = _base_map()
    cluster = folium.plugins.MarkerCluster().add_to(m)
    for _, row in gdf.iterrows():
        folium.Marker([row.latitude, row.longitude], popup=_popup_html(row)).add_to(cluster)
    return m


def folium_fast_cluster(gdf) -> folium.Map:
    m = _base_map()
    folium.plugins.FastMarkerCluster(gdf[["latitude", "longitude"]].to_numpy().tolist()).add_to(m)
    return m


def folium_geojson_canvas(gdf) -> folium.Map:
    m = folium.Map(location=[31.5, 68.5], zoom_start=6, tiles="OpenStreetMap", prefer_canvas=True)
    data = gdf[[*FIELDS, "geometry"]].copy()
    data["date"] = data["date"].dt.strftime("%Y-%m-%d")
    folium.GeoJson(
        data,
        marker=folium.CircleMarker(radius=3, fill=True),
        popup=folium.GeoJsonPopup(fields=FIELDS),
    ).add_to(m)
    return m


def ours(cdn: bool) -> Callable:
    def build(gdf) -> folium.Map:
        from maps import build_map

        return build_map(gdf, cdn=cdn)

    return build


#: One filter change in the page (a date range and one event type), timed until painted.
_FILTER_JS = """() => new Promise(r => {
    const fm = FrontierMap.last;
    const t0 = performance.now();
    fm.setState({from: fm.dayMin + 60, to: fm.dayMin + 240,
                 types: [fm.str(fm.d.types.names[0])]});
    requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now() - t0)));
})"""


def _blank_tile() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGBA", (256, 256), (236, 236, 236, 255)).save(buf, format="PNG")
    return buf.getvalue()


def load_times(
    browser, path: Path, *, ours_ready: bool, runs: int, timeout_s: float
) -> tuple[float, float | None]:
    """Median seconds to interactive and (for build_map) median ms of one filter change."""
    from maps._assets import local_asset

    tile = _blank_tile()
    times = []
    filters: list[float] = []
    for _ in range(runs):
        page = browser.new_page(viewport={"width": 1280, "height": 800})

        def route(r):
            url = r.request.url
            if re.search(r"tile\.openstreetmap|basemaps\.cartocdn", url):
                r.fulfill(status=200, body=tile, content_type="image/png")
                return
            text = local_asset(url)
            if text is None:
                r.abort()
                return
            kind = "text/css" if url.endswith(".css") else "application/javascript"
            r.fulfill(status=200, body=text, content_type=kind)

        page.route(re.compile(r"^https?://"), route)
        try:
            page.goto(path.as_uri(), wait_until="load", timeout=timeout_s * 1000)
            if ours_ready:
                page.wait_for_selector(
                    "[data-fm-ready]", state="attached", timeout=timeout_s * 1000
                )
            t = page.evaluate(
                "() => new Promise(r => requestAnimationFrame(() => "
                "requestAnimationFrame(() => r(performance.now()))))"
            )
            times.append(t / 1000)
            if ours_ready:
                filters.append(page.evaluate(_FILTER_JS))
        except Exception as exc:
            print(f"    {path.name}: did not load ({type(exc).__name__})", file=sys.stderr)
            times.append(float("inf"))
        finally:
            page.close()
    return statistics.median(times), statistics.median(filters) if filters else None


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=100_000)
    p.add_argument("--marker-n", type=int, default=10_000)
    p.add_argument("--cluster-n", type=int, default=None, help="MarkerCluster size (default --n)")
    p.add_argument(
        "--baseline-n",
        type=int,
        default=None,
        help="incidents for FastMarkerCluster and GeoJson (default --n)",
    )
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--timeout", type=float, default=90.0)
    p.add_argument("--out", type=Path, default=None, help="keep the HTML files here")
    args = p.parse_args(argv)

    synthetic = _synthetic()
    t = time.perf_counter()
    full = synthetic(args.n, seed=0)
    print(f"synthetic table of {args.n:,}: {time.perf_counter() - t:.1f} s", file=sys.stderr)
    variants = [
        # ours first: its build time then includes the first-use costs (cold caches)
        ("build_map (self-contained, default)", ours(False), args.n, True),
        ("build_map (--cdn)", ours(True), args.n, True),
        ("folium Marker each", folium_markers, args.marker_n, False),
        ("folium MarkerCluster", folium_marker_cluster, args.cluster_n or args.n, False),
        ("folium FastMarkerCluster", folium_fast_cluster, args.baseline_n or args.n, False),
        ("folium GeoJson on canvas", folium_geojson_canvas, args.baseline_n or args.n, False),
    ]
    out = args.out or Path(tempfile.mkdtemp(prefix="bench-map-"))
    out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as pw:
        chromium_args = _fixtures().CHROMIUM_ARGS
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=chromium_args)
        for k, (name, build, n, ready) in enumerate(variants):
            gdf = full.iloc[:n]
            t = time.perf_counter()
            text = build(gdf).get_root().render()
            built = time.perf_counter() - t
            path = out / f"variant{k}.html"
            path.write_text(text, encoding="utf-8")
            size = path.stat().st_size / 1e6
            print(f"  {name}: built in {built:.2f} s, {size:.1f} MB", file=sys.stderr)
            loaded, filtered = load_times(
                browser, path, ours_ready=ready, runs=args.runs, timeout_s=args.timeout
            )
            rows.append((name, n, built, size, loaded, filtered))
            fms = "" if filtered is None else f", filter change {filtered:.0f} ms"
            print(f"    interactive {loaded:.2f} s{fms}", file=sys.stderr)
        browser.close()

    print("\n| variant | incidents | build s | HTML MB | interactive s | filter change ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, n, built, size, loaded, filtered in rows:
        shown = "never" if loaded == float("inf") else f"{loaded:.2f}"
        fms = "" if filtered is None else f"{filtered:.0f}"
        print(f"| {name} | {n:,} | {built:.2f} | {size:.1f} | {shown} | {fms} |")
    ours_row = rows[0]
    print(
        f"\nissue 13 targets (self-contained, {ours_row[1]:,} incidents): file "
        f"{ours_row[3]:.1f} MB (<= 9), interactive {ours_row[4]:.2f} s (<= 1.5), "
        f"filter change {ours_row[5]:.0f} ms (<= 300)"
    )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parents[1]))
    sys.exit(main())
