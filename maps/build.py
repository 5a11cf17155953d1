"""Interactive Leaflet map of positioned incidents (issue 5).

:func:`build_map` returns a :class:`folium.Map`; it never writes a file.  The
incidents and every context layer travel to the page as one JSON block and are
drawn by ``maps/frontier_map.js`` (see :mod:`maps._incident_layer`), which is
what keeps a 100,000-incident page small and quick.
"""

from __future__ import annotations

import functools
import html
import warnings
from collections.abc import Iterable
from typing import Any

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely
import xyzservices
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template

from geo import Frontier, reference
from maps import _assets
from maps._incident_layer import IncidentLayer, column, encode_incidents
from maps.errors import MapError

__all__ = ["LAYERS", "build_map"]

#: Layers a map can hold, in drawing order; ``aggregates`` needs ``aggregates=``.
LAYERS: tuple[str, ...] = (
    "districts",
    "corridor",
    "aggregates",
    "heatmap",
    "frontier",
    "uncertainty",
    "incidents",
    "crossings",
)
_LABELS = {
    "districts": "Districts: incident count",
    "corridor": "Distance bands from the frontier",
    "aggregates": "Aggregates",
    "heatmap": "Heat map",
    "frontier": "Frontier: incidents per 100 km",
    "uncertainty": "Location uncertainty circles",
    "incidents": "Incidents",
    "crossings": "Border crossings",
}
_HIDDEN_AT_START = {"districts", "corridor", "heatmap"}
_PLUGIN_LAYERS = {"heatmap": "heatmap"}
_CONTROL_PLUGINS = ("fullscreen", "minimap", "measure")

DEFAULT_TITLE = "Afghanistan\u2013Pakistan frontier incidents"
#: Basemap tiles by default: OpenStreetMap needs no API key (CARTO now does).
DEFAULT_TILES = "OpenStreetMap.Mapnik"
SEGMENT_KM = 100.0
#: Distance bands (km from the line) of the corridor layer.
BANDS_KM = (0.0, 5.0, 10.0, 25.0, 50.0)
#: Incidents outside this box (lon/lat, the two countries plus a margin) are absurd.
REGION = (55.0, 20.0, 83.0, 42.0)

_YLORRD = ("#ffffcc", "#fed976", "#fd8d3c", "#e31a1c", "#800026")
_BLUES = ("#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b")
_BAND_COLORS = ("#54278f", "#756bb1", "#9e9ac8", "#cbc9e2")


# --------------------------------------------------------------------------
# validation


def _check_layers(layers: str | Iterable[str] | None, has_aggregates: bool) -> list[str]:
    if layers is None:
        return [n for n in LAYERS if n != "aggregates" or has_aggregates]
    if isinstance(layers, str):
        layers = [p for p in layers.split(",")]
    wanted = [str(p).strip().lower() for p in layers if str(p).strip()]
    unknown = [p for p in wanted if p not in LAYERS]
    if unknown:
        raise MapError(f"layers: unknown layer(s) {unknown}; valid layers are {list(LAYERS)}")
    if "aggregates" in wanted and not has_aggregates:
        raise MapError("layers: 'aggregates' was asked for but aggregates= was not given")
    return [n for n in LAYERS if n in wanted]


def _tile_provider(tiles: object) -> xyzservices.TileProvider | None:
    if tiles is None or (isinstance(tiles, str) and tiles.strip().lower() in ("", "none")):
        return None
    if isinstance(tiles, xyzservices.TileProvider):
        return tiles
    if not isinstance(tiles, str):
        raise MapError(
            f"tiles must be an xyzservices provider name, a TileProvider or None, "
            f"got {type(tiles).__name__}"
        )
    try:
        return xyzservices.providers.query_name(tiles)
    except ValueError:
        raise MapError(
            f"tiles: no xyzservices provider named {tiles!r} (e.g. 'CartoDB.Positron', "
            "'OpenStreetMap.Mapnik', 'Esri.WorldImagery'), or 'none'"
        ) from None


def _tile_url(provider: xyzservices.TileProvider) -> str:
    with warnings.catch_warnings():
        # xyzservices warns that CARTO now wants an API key, and builds the
        # key-less URL CARTO still serves; the page credits CARTO either way.
        warnings.filterwarnings("ignore", message="CartoDB tiles now require", category=UserWarning)
        try:
            return provider.build_url()
        except ValueError as exc:
            raise MapError(f"tiles {provider.name!r}: {exc}") from None


# --------------------------------------------------------------------------
# incidents: where each row goes


def _coordinates(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Latitude and longitude of every row (NaN where unknown)."""
    n = len(frame)
    lat = np.full(n, np.nan)
    lon = np.full(n, np.nan)
    if isinstance(frame, gpd.GeoDataFrame) and frame.geometry.name in frame:
        geom = frame.geometry
        if geom.crs is None and geom.notna().any():
            raise MapError("incidents: the GeoDataFrame has no CRS; set one (EPSG:4326)")
        if geom.crs is not None and not geom.crs.equals(pyproj.CRS.from_epsg(4326)):
            geom = geom.to_crs(4326)
        arr = geom.array
        ok = np.asarray(~shapely.is_missing(arr) & ~shapely.is_empty(arr))
        ok &= np.asarray(shapely.get_type_id(arr) == 0)  # points only
        lon[ok] = shapely.get_x(arr[ok])
        lat[ok] = shapely.get_y(arr[ok])
    for col, out in (("latitude", lat), ("longitude", lon)):
        if col in frame:
            vals = pd.to_numeric(frame[col], errors="coerce").astype("float64").to_numpy()
            fill = np.isnan(out)
            out[fill] = vals[fill]
    return lat, lon


def _classify_rows(frame: pd.DataFrame, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """0 mapped, 1 not located, 2 coordinates outside the region (absurd)."""
    status = np.zeros(len(frame), dtype=np.int8)
    located = np.isfinite(lat) & np.isfinite(lon)
    if "geocode_method" in frame:
        located &= (
            (frame["geocode_method"].astype("string") != "unresolved")
            .fillna(True)
            .to_numpy(dtype=bool)
        )
    w, s, e, n = REGION
    with np.errstate(invalid="ignore"):
        inside = (lon >= w) & (lon <= e) & (lat >= s) & (lat <= n)
    status[~located] = 1
    status[located & ~inside] = 2
    return status


# --------------------------------------------------------------------------
# context layers (geometry cached per process)


def _geojson(geom: shapely.Geometry, decimals: int = 4) -> dict[str, Any]:
    import json

    geom = shapely.transform(geom, lambda c: np.round(c, decimals))
    return json.loads(shapely.to_geojson(geom))


def _latlon_list(coords: np.ndarray) -> list[list[float]]:
    return np.round(coords[:, ::-1], 5).tolist()


@functools.cache
def _frontier_parts(km: float) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Segments of ``km`` km along the line from its NE end, and a tick at each boundary."""
    gdf = Frontier.default().segments(km=km)
    segments = []
    for row in gdf.itertuples():
        coords = np.asarray(shapely.get_coordinates(shapely.simplify(row.geometry, 0.002)))
        segments.append(
            {
                "km0": float(row.km_start),
                "km1": round(float(row.km_end), 1),
                "c": _latlon_list(coords),
            }
        )
    ticks = [
        {"km": round(s["km0"]), "lat": s["c"][0][0], "lon": s["c"][0][1]}
        for s in segments
        if s["km0"] > 0
    ]
    return segments, ticks


@functools.cache
def _admin2_shapes() -> tuple[pd.DataFrame, tuple[dict[str, Any], ...]]:
    a2 = reference.admin2()
    geoms = shapely.simplify(a2.geometry.array, 0.01, preserve_topology=True)
    keys = a2[["country", "admin1", "admin2"]].astype("string").reset_index(drop=True)
    return keys, tuple(_geojson(g) for g in geoms)


@functools.cache
def _admin2_tree() -> tuple[shapely.STRtree, pd.DataFrame]:
    a2 = reference.admin2()
    return shapely.STRtree(np.asarray(a2.geometry.array)), a2[["admin1", "admin2"]].astype("string")


@functools.cache
def _corridor_shapes() -> tuple[dict[str, Any], ...]:
    """One display polygon per band (both sides), from :meth:`geo.Frontier.corridor`."""
    cor = Frontier.default().corridor(BANDS_KM[1:])
    out = []
    for band in dict.fromkeys(cor["band"]):
        ring = shapely.union_all(cor.geometry.values[(cor["band"] == band).to_numpy()])
        out.append(_geojson(shapely.simplify(ring, 0.003)))
    return tuple(out)


@functools.cache
def _outline_shapes(tolerance: float) -> dict[str, Any]:
    countries = reference.countries()
    out = {
        "countries": {
            "type": "GeometryCollection",
            "geometries": [
                _geojson(shapely.simplify(g, tolerance, preserve_topology=True), 3)
                for g in countries.geometry
            ],
        }
    }
    if tolerance < 0.05:
        a1 = reference.admin1()
        out["admin1"] = {
            "type": "GeometryCollection",
            "geometries": [
                _geojson(shapely.simplify(g, tolerance, preserve_topology=True), 3)
                for g in a1.geometry
            ],
        }
    return out


def _classes(values: np.ndarray, palette: tuple[str, ...]) -> tuple[list[str], list[dict]]:
    """A colour per value: 0 gets the first colour, positives up to four quantile classes."""
    values = np.asarray(values, dtype=np.int64)
    colors = np.full(len(values), palette[0], dtype=object)
    classes = [{"label": "0", "color": palette[0]}]
    pos = values[values > 0]
    if len(pos):
        breaks = np.unique(np.ceil(np.quantile(pos, [0.25, 0.5, 0.75, 1.0])).astype(np.int64))
        lo = 1
        for k, hi in enumerate(breaks):
            color = palette[1 + k * (len(palette) - 2) // max(len(breaks) - 1, 1)]
            colors[(values >= lo) & (values <= hi)] = color
            classes.append({"label": str(lo) if lo == hi else f"{lo}\u2013{hi}", "color": color})
            lo = hi + 1
    return colors.tolist(), classes


def _frontier_payload(mapped: pd.DataFrame) -> dict[str, Any]:
    segments, ticks = _frontier_parts(SEGMENT_KM)
    edges = [s["km0"] for s in segments] + [segments[-1]["km1"]]
    fkm = pd.to_numeric(column(mapped, "frontier_km"), errors="coerce").astype("float64")
    fkm = fkm.dropna().to_numpy()
    counts, _ = np.histogram(np.clip(fkm, edges[0], edges[-1]), bins=edges)
    colors, classes = _classes(counts, _YLORRD)
    segs = [
        {**s, "n": int(n), "color": c} for s, n, c in zip(segments, counts, colors, strict=True)
    ]
    return {"km": SEGMENT_KM, "segments": segs, "ticks": ticks, "classes": classes}


def _district_payload(mapped: pd.DataFrame, lat: np.ndarray, lon: np.ndarray) -> dict[str, Any]:
    keys, geoms = _admin2_shapes()
    a1 = column(mapped, "point_admin1").astype("string")
    a2 = column(mapped, "point_admin2").astype("string")
    need = a2.isna().to_numpy()
    if need.any():
        # rows positioned without a district name: find it from the point
        tree, names = _admin2_tree()
        pts = shapely.points(lon[need], lat[need])
        idx_pt, idx_poly = tree.query(pts, predicate="within")
        rows = np.flatnonzero(need)[idx_pt]
        a1 = a1.copy()
        a2 = a2.copy()
        a1.iloc[rows] = names["admin1"].to_numpy()[idx_poly]
        a2.iloc[rows] = names["admin2"].to_numpy()[idx_poly]
    counted = pd.DataFrame({"admin1": a1.to_numpy(), "admin2": a2.to_numpy()}).dropna()
    n = counted.groupby(["admin1", "admin2"]).size()
    joined = keys.join(n.rename("n"), on=["admin1", "admin2"])
    counts = joined["n"].fillna(0).astype(np.int64).to_numpy()
    colors, classes = _classes(counts, _YLORRD)
    features = [
        {"name": r.admin2, "sub": f"{r.admin1}, {r.country}", "n": int(c), "color": col, "g": g}
        for r, c, col, g in zip(joined.itertuples(), counts, colors, geoms, strict=True)
    ]
    return {"features": features, "classes": classes, "label": "incidents per district"}


def _corridor_payload(mapped: pd.DataFrame) -> list[dict[str, Any]]:
    bd = pd.to_numeric(column(mapped, "border_distance_km"), errors="coerce").astype("float64")
    bd = np.abs(bd.to_numpy())
    side = column(mapped, "side").astype("string")
    side = side.fillna("").to_numpy(dtype=object)
    out = []
    for k, geom in enumerate(_corridor_shapes()):
        lo, hi = BANDS_KM[k], BANDS_KM[k + 1]
        inband = (bd >= lo) & (bd < hi)
        out.append(
            {
                "label": f"{lo:g}\u2013{hi:g} km",
                "n": int(inband.sum()),
                "af": int((inband & (side == "AF")).sum()),
                "pk": int((inband & (side == "PK")).sum()),
                "color": _BAND_COLORS[k],
                "g": geom,
            }
        )
    return out


def _crossings_payload() -> list[dict[str, Any]]:
    cr = reference.crossings()
    out = []
    for r in cr.itertuples():
        unc = None if pd.isna(r.uncertainty_km) else float(r.uncertainty_km)
        out.append(
            {
                "name": str(r.name),
                "full": None if pd.isna(r.full_name) else str(r.full_name),
                "lat": round(float(r.geometry.y), 5),
                "lon": round(float(r.geometry.x), 5),
                "unc": unc,
            }
        )
    return out


_VALUE_COLUMNS = ("count", "n_incidents", "incidents", "n", "fatalities")
_NAME_COLUMNS = ("name", "unit", "admin2", "admin1", "segment_id", "h3", "hex", "band")


def _aggregates_payload(aggregates: object) -> dict[str, Any]:
    if not isinstance(aggregates, gpd.GeoDataFrame):
        raise MapError(
            f"aggregates must be a GeoDataFrame with a geometry and a count column, "
            f"got {type(aggregates).__name__}"
        )
    if aggregates.crs is None:
        raise MapError("aggregates: the GeoDataFrame has no CRS; set one (EPSG:4326)")
    agg = aggregates.to_crs(4326)
    value = next((c for c in _VALUE_COLUMNS if c in agg), None)
    if value is None:
        numeric = [c for c in agg.select_dtypes("number").columns if c != agg.geometry.name]
        if not numeric:
            raise MapError(
                f"aggregates: no count column; expected one of {list(_VALUE_COLUMNS)} "
                f"or any numeric column, got {list(agg.columns)}"
            )
        value = numeric[0]
    name_col = next((c for c in _NAME_COLUMNS if c in agg), None)
    vals = pd.to_numeric(agg[value], errors="coerce").fillna(0).round().astype(np.int64)
    colors, classes = _classes(vals.to_numpy(), _BLUES)
    names = agg[name_col].astype("string") if name_col else agg.index.astype("string")
    geoms = shapely.simplify(agg.geometry.array, 0.005, preserve_topology=True)
    features = [
        {"name": None if pd.isna(nm) else str(nm), "n": int(v), "color": c, "g": _geojson(g)}
        for nm, v, c, g in zip(names, vals, colors, geoms, strict=True)
        if g is not None and not shapely.is_empty(g)
    ]
    return {"features": features, "classes": classes, "label": str(value)}


# --------------------------------------------------------------------------
# summary


def _summary(
    frame: pd.DataFrame, status: np.ndarray, title: str | None, notices: list[str]
) -> dict[str, Any]:
    total = len(frame)
    mapped = int((status == 0).sum())
    unresolved = int((status == 1).sum())
    outside = int((status == 2).sum())
    dates = pd.to_datetime(frame["date"], errors="coerce") if "date" in frame else None
    dmin = dmax = None
    if dates is not None and dates.notna().any():
        dmin = dates.min().strftime("%Y-%m-%d")
        dmax = dates.max().strftime("%Y-%m-%d")
    has_dates = bool(dates is not None and dates[status == 0].notna().any())
    sources: list[str] = []
    more = 0
    if "source" in frame:
        vc = frame["source"].astype("string").str.strip().replace("", pd.NA).value_counts()
        # long source lists (several URLs per row) would fill the title box
        sources = [_shorten(str(s), 80) for s in vc.index[:2]]
        more = max(len(vc) - 2, 0)
    lead: list[str] = []
    if total == 0:
        lead.append("This table has no incidents: only the frontier is shown.")
    elif mapped == 0 and unresolved == total:
        lead.append(
            f"None of the {total:,} incidents could be located: only the frontier is shown."
        )
    elif unresolved:
        lead.append(f"{unresolved:,} incident(s) could not be located and are not on the map.")
    if outside:
        lead.append(
            f"{outside:,} incident(s) lie outside the mapped Afghanistan\u2013Pakistan "
            "region (a venue abroad, or impossible values) and are left off the map."
        )
    return {
        "title": title if title is not None and str(title).strip() else DEFAULT_TITLE,
        "count": total,
        "mapped": mapped,
        "unresolved": unresolved,
        "excluded": outside,
        "date_min": dmin,
        "date_max": dmax,
        "has_dates": has_dates,
        "sources": sources,
        "sources_more": more,
        "notices": lead + notices,
    }


# --------------------------------------------------------------------------
# the map


class _PluginLinks(JSCSSMixin, MacroElement):
    """Links (or, offline, inlines) the files of the Leaflet plugins in use."""

    _template = Template("")

    def __init__(self, plugins: Iterable[str]) -> None:
        super().__init__()
        self._name = "PluginLinks"
        self.default_js = [
            (f"{p}_js_{i}", u) for p in plugins for i, u in enumerate(_assets.PLUGINS[p][0])
        ]
        self.default_css = [
            (f"{p}_css_{i}", u) for p in plugins for i, u in enumerate(_assets.PLUGINS[p][1])
        ]


def build_map(
    incidents: pd.DataFrame,
    *,
    aggregates: gpd.GeoDataFrame | None = None,
    title: str | None = None,
    tiles: str | xyzservices.TileProvider | None = DEFAULT_TILES,
    offline: bool = False,
    layers: str | Iterable[str] | None = None,
    m: folium.Map | None = None,
) -> folium.Map:
    """An interactive map of positioned incidents against the frontier.

    Parameters
    ----------
    incidents
        A positioned incident table (:mod:`incidents.schema`): a GeoDataFrame
        with point geometry, or a DataFrame with ``latitude``/``longitude``.
        Any schema column may be absent or hold missing values.  Rows that
        were not located are counted but not drawn; rows whose coordinates
        fall outside the region (:data:`REGION`) are counted as excluded.
    aggregates
        Optional GeoDataFrame of areas or lines with a count column
        (``count``, ``n_incidents``, ``incidents``, ``n`` or the first numeric
        one), drawn as its own choropleth layer.
    title
        Shown in the title box (as text: HTML in it is not interpreted).
    tiles
        An xyzservices provider name or :class:`~xyzservices.TileProvider`,
        or ``None``/``"none"`` for no tiles.  Ignored when ``m`` is given.
    offline
        Inline Leaflet and plugin files from installed packages instead of
        linking CDNs, and draw country/province outlines beneath the tiles so
        the map has a basemap without a network.
    layers
        Layer names (an iterable or a comma-separated string) from
        :data:`LAYERS`; default all of them.
    m
        Add to this map instead of making a new one.

    Returns
    -------
    folium.Map
    """
    if not isinstance(incidents, pd.DataFrame):
        raise MapError(
            f"incidents must be a (Geo)DataFrame incident table, got {type(incidents).__name__}"
        )
    if title is not None and not isinstance(title, str):
        raise MapError(f"title must be a string or None, got {type(title).__name__}")
    if m is not None and not isinstance(m, folium.Map):
        raise MapError(f"m must be a folium.Map or None, got {type(m).__name__}")
    wanted = _check_layers(layers, aggregates is not None)
    provider = _tile_provider(tiles) if m is None else None

    frame = incidents.reset_index(drop=True)
    lat, lon = _coordinates(frame)
    status = _classify_rows(frame, lat, lon)
    keep = status == 0
    mapped = frame.loc[keep]
    mlat, mlon = lat[keep], lon[keep]

    notices: list[str] = []
    plugins = [p for p in _CONTROL_PLUGINS]
    if "heatmap" in wanted:
        plugins.append("heatmap")
    if offline:
        missing = [p for p in plugins if _assets.missing_offline(p)]
        if missing:
            notices.append(
                "Offline page: "
                + ", ".join(missing)
                + " left out (their files are in no installed Python package)."
            )
        plugins = [p for p in plugins if p not in missing]
        wanted = [w for w in wanted if _PLUGIN_LAYERS.get(w, w) not in missing]

    inc, types, strings = encode_incidents(mapped, mlat, mlon)
    payload: dict[str, Any] = {
        "v": 1,
        "s": strings,
        "types": types,
        "inc": inc,
        "mini": _outline_shapes(0.05)["countries"],
    }
    if "frontier" in wanted:
        payload["frontier"] = _frontier_payload(mapped)
    if "crossings" in wanted:
        payload["crossings"] = _crossings_payload()
    if "districts" in wanted:
        payload["districts"] = _district_payload(mapped, mlat, mlon)
    if "corridor" in wanted:
        payload["corridor"] = _corridor_payload(mapped)
    if "aggregates" in wanted:
        payload["aggregates"] = _aggregates_payload(aggregates)
    outline = m is None and (offline or provider is None)
    if outline:
        payload["basemap"] = _outline_shapes(0.01)

    created = m is None
    if m is None:
        m = folium.Map(
            location=[31.5, 68.5],
            zoom_start=6,
            tiles=None,
            control_scale=False,
            prefer_canvas=True,
        )
        # Only Leaflet itself: the page needs none of folium's jQuery,
        # Bootstrap or Font Awesome, which would cost a second of loading.
        m.default_js = [("leaflet", _assets.LEAFLET_JS)]
        m.default_css = [("leaflet_css", _assets.LEAFLET_CSS)]
        if provider is not None:
            folium.TileLayer(
                tiles=_tile_url(provider),
                attr=provider.html_attribution,
                name=html.escape(provider.name),
                max_zoom=int(provider.get("max_zoom", 18)),
                subdomains=provider.get("subdomains", "abc"),
            ).add_to(m)
            folium.FeatureGroup(name="No tiles", overlay=False, show=False).add_to(m)
        if offline and provider is not None:
            notices.append(
                "Offline page: the tiles need a network; without one, the country and "
                "province outlines beneath them are the basemap."
            )
    payload["summary"] = _summary(frame, status, title, notices)

    groups: dict[str, folium.FeatureGroup] = {}
    if outline:
        groups["basemap"] = folium.FeatureGroup(
            name="Country &amp; province outlines", control=provider is not None
        ).add_to(m)
    for name in wanted:
        groups[name] = folium.FeatureGroup(
            name=_LABELS[name], show=name not in _HIDDEN_AT_START
        ).add_to(m)
    if plugins:
        _PluginLinks(plugins).add_to(m)
    controls: dict[str, Any] = {
        "scale": created,
        "fullscreen": "fullscreen" in plugins,
        "measure": "measure" in plugins,
        "minimap": "minimap" in plugins,
    }
    if provider is not None and not offline:
        controls["minimap_tiles"] = {
            "url": _tile_url(provider),
            "options": {
                "subdomains": provider.get("subdomains", "abc"),
                "maxZoom": int(provider.get("max_zoom", 18)),
            },
        }
    IncidentLayer(payload, groups=groups, controls=controls).add_to(m)
    folium.LayerControl(collapsed=True, position="topright").add_to(m)
    if created:
        w, s, e, n = reference.frontier_line().total_bounds
        if len(mlat):
            s, n = min(s, float(mlat.min())), max(n, float(mlat.max()))
            w, e = min(w, float(mlon.min())), max(e, float(mlon.max()))
        m.fit_bounds([[s, w], [n, e]])
    if offline:
        root = m.get_root()
        if "frontier_offline_assets" not in root._children:
            root.add_child(_assets.OfflineAssets(), name="frontier_offline_assets")
    return m


def _shorten(text: str, n: int) -> str:
    """``text`` cut to ``n`` characters with an ellipsis."""
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"
