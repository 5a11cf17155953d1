"""Interactive Leaflet map of positioned incidents (issues 5, 11, 13, 14).

:func:`build_map` returns a :class:`folium.Map`; it never writes a file.  The
incidents and every context layer travel to the page as one JSON block and are
drawn by ``maps/frontier_map.js`` (see :mod:`maps._incident_layer`).  The page
is self-contained (scripts and styles inlined) unless ``cdn=True``; only the
tiles need a network, and the outline basemap lies beneath them.

Every count the page shows is counted in the page from the unit each incident
has under :func:`incidents.aggregate`'s rules (:mod:`maps._unit_layers`), so
for any filter it equals ``aggregate()`` of the filtered table.
"""

from __future__ import annotations

import html
import warnings
from collections.abc import Iterable, Sequence
from typing import Any

import folium
import geopandas as gpd
import pandas as pd
import xyzservices
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template

from maps import _assets
from maps._aggregates_layer import aggregates_payload
from maps._incident_layer import IncidentLayer, encode_incidents
from maps._layers import CHOROPLETHS, DEFAULT_LAYERS, HIDDEN_AT_START, LAYERS, LEVELS, SEGMENT_KM
from maps._rows import MAPPED, REGION, classify_rows, coordinates
from maps._static import static_context
from maps._summary import DEFAULT_TITLE, summary
from maps._unit_layers import unit_layers
from maps.errors import MapError

__all__ = [
    "CHOROPLETHS",
    "DEFAULT_LAYERS",
    "DEFAULT_TILES",
    "DEFAULT_TITLE",
    "HIDDEN_AT_START",
    "LAYERS",
    "REGION",
    "SEGMENT_KM",
    "build_map",
]

LABELS = {
    "provinces": "Provinces: incident count",
    "districts": "Districts: incident count",
    "hexes": "Hexagons: incident count",
    "corridor": "Distance bands from the frontier",
    "aggregates": "Aggregates (as given)",
    "heatmap": "Heat map",
    "frontier": f"Frontier: incidents per {SEGMENT_KM:g} km",
    "uncertainty": "Location uncertainty circles",
    "incidents": "Incidents",
    "crossings": "Border crossings",
    "labels": "Place names",
}
_PLUGIN_LAYERS = {"heatmap": "heatmap"}
_CONTROL_PLUGINS = ("fullscreen", "minimap", "measure")
_PERIODS = ("day", "week", "month")

#: Basemap tiles by default: OpenStreetMap needs no API key (CARTO now does).
DEFAULT_TILES = "OpenStreetMap.Mapnik"


# --------------------------------------------------------------------------
# validation


def _names(value: str | Iterable[str]) -> list[str]:
    parts = value.split(",") if isinstance(value, str) else list(value)
    return [str(p).strip().lower() for p in parts if str(p).strip()]


def _check_layers(layers: str | Iterable[str] | None, has_aggregates: bool) -> list[str]:
    if layers is None:
        wanted = [*DEFAULT_LAYERS, *(["aggregates"] if has_aggregates else [])]
    else:
        wanted = _names(layers)
    unknown = [p for p in wanted if p not in LAYERS]
    if unknown:
        raise MapError(f"layers: unknown layer(s) {unknown}; valid layers are {list(LAYERS)}")
    if "aggregates" in wanted and not has_aggregates:
        raise MapError("layers: 'aggregates' was asked for but aggregates= was not given")
    return [n for n in LAYERS if n in wanted]


def _check_choice(name: str, value: object, allowed: Sequence[str]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or value.strip().lower() not in allowed:
        raise MapError(f"{name}: got {value!r}; valid values are {list(allowed)} or None")
    return value.strip().lower()


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
# the map


class _PluginLinks(JSCSSMixin, MacroElement):
    """Links the files of the Leaflet plugins in use (inlined unless ``cdn``)."""

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


def _plain(frame: pd.DataFrame, lat: Any, lon: Any) -> pd.DataFrame:
    """``frame`` as a plain table whose latitude/longitude are the points the map draws."""
    if isinstance(frame, gpd.GeoDataFrame):
        frame = pd.DataFrame(frame.drop(columns=frame.geometry.name))
    return frame.assign(latitude=lat, longitude=lon)


def build_map(
    incidents: pd.DataFrame,
    *,
    aggregates: gpd.GeoDataFrame | None = None,
    title: str | None = None,
    tiles: str | xyzservices.TileProvider | None = DEFAULT_TILES,
    cdn: bool = False,
    offline: bool | None = None,
    layers: str | Iterable[str] | None = None,
    choropleth: str | None = None,
    period: str | None = None,
    show_tiles: bool = False,
    notices: Sequence[str] = (),
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
        one), drawn as it is (the page's filters cannot recount it).
    title
        Shown in the title box (as text: HTML in it is not interpreted).
    tiles
        An xyzservices provider name or :class:`~xyzservices.TileProvider`,
        or ``None``/``"none"`` for no tiles.  Ignored when ``m`` is given.
    cdn
        Link Leaflet and its plugins from CDNs (a smaller file that needs a
        network) instead of inlining them from installed packages.
    offline
        Deprecated and ignored: pages are self-contained unless ``cdn=True``
        (``offline=True`` was the way to ask for that).
    layers
        Layer names (an iterable or a comma-separated string) from
        :data:`LAYERS`; default :data:`DEFAULT_LAYERS`.  Layers named here
        are visible at load.
    choropleth
        An aggregation level (``admin2``, ``admin1``, ``segment``, ``hex``,
        ``band``): its layer (:data:`CHOROPLETHS`) is added and visible at load.
    period
        ``"day"``, ``"week"`` or ``"month"``: the page opens stepping by this
        period, on the last one.
    show_tiles
        Show the tiles at load.  By default the page opens on its own outline
        basemap and asks nothing of the network; the tiles are one click away
        in the layer control.
    notices
        Extra lines for the title box (e.g. which filter made the table).
    m
        Add to this map instead of making a new one.

    Returns
    -------
    folium.Map
    """
    del offline  # pages are self-contained by default now
    if not isinstance(incidents, pd.DataFrame):
        raise MapError(
            f"incidents must be a (Geo)DataFrame incident table, got {type(incidents).__name__}"
        )
    if title is not None and not isinstance(title, str):
        raise MapError(f"title must be a string or None, got {type(title).__name__}")
    if m is not None and not isinstance(m, folium.Map):
        raise MapError(f"m must be a folium.Map or None, got {type(m).__name__}")
    if isinstance(notices, str) or not all(isinstance(t, str) for t in notices):
        raise MapError("notices must be a sequence of strings")
    wanted = _check_layers(layers, aggregates is not None)
    level = _check_choice("choropleth", choropleth, tuple(CHOROPLETHS))
    period = _check_choice("period", period, _PERIODS)
    shown = set(wanted) - HIDDEN_AT_START if layers is None else set(wanted)
    if level is not None:
        wanted = [n for n in LAYERS if n in {*wanted, CHOROPLETHS[level]}]
        shown.add(CHOROPLETHS[level])
    provider = _tile_provider(tiles) if m is None else None
    if provider is not None and show_tiles and layers is None:
        shown.discard("labels")  # the tiles have names; the page shows ours if tiles fail

    frame = incidents.reset_index(drop=True)
    lat, lon = coordinates(frame)
    status = classify_rows(frame, lat, lon)
    keep = status == MAPPED
    if keep.all():  # the usual case: no copy of every column to drop nothing
        mapped = _plain(frame, lat, lon)
    else:
        mapped = _plain(frame.loc[keep], lat[keep], lon[keep]).reset_index(drop=True)

    page_notices = list(notices)
    plugins = list(_CONTROL_PLUGINS)
    if "heatmap" in wanted:
        plugins.append("heatmap")
    if not cdn:
        missing = [p for p in plugins if _assets.missing_offline(p)]
        if missing:
            page_notices.append(
                "Self-contained page: "
                + ", ".join(missing)
                + " left out (their files are in no installed Python package)."
            )
        plugins = [p for p in plugins if p not in missing]
        wanted = [w for w in wanted if _PLUGIN_LAYERS.get(w, w) not in missing]

    inc, types, strings = encode_incidents(
        mapped, mapped["latitude"].to_numpy(), mapped["longitude"].to_numpy()
    )
    static = static_context()
    units: dict[str, Any] = {}
    for name, (layer, codes) in unit_layers(mapped, [n for n in wanted if n in LEVELS]).items():
        units[name], inc["u_" + name] = layer, codes.tolist()
    payload: dict[str, Any] = {
        "v": 2,
        "s": strings,
        "types": types,
        "inc": inc,
        "units": units,
        "frontier_km": static["frontier_km"],
        "mini": static["mini"],
        "time": {"unit": period},
    }
    if "frontier" in wanted:
        payload["km_labels"] = static["km_labels"]
    if "crossings" in wanted or "labels" in wanted:
        payload["crossings"] = static["crossings"]
    if "labels" in wanted:
        payload["labels"] = static["labels"]
    if "aggregates" in wanted:
        payload["aggregates"] = aggregates_payload(aggregates)

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
        payload["basemap"] = static["basemap"]
        if provider is not None:
            folium.TileLayer(
                tiles=_tile_url(provider),
                attr=provider.html_attribution,
                name=html.escape(provider.name),
                max_zoom=int(provider.get("max_zoom", 18)),
                subdomains=provider.get("subdomains", "abc"),
                show=bool(show_tiles),
            ).add_to(m)
            folium.FeatureGroup(
                name="Outline basemap (offline)", overlay=False, show=not show_tiles
            ).add_to(m)
    payload["summary"] = summary(frame, status, title, page_notices)

    groups: dict[str, folium.FeatureGroup] = {}
    if created:
        groups["basemap"] = folium.FeatureGroup(
            name="Country &amp; province outlines", control=provider is not None
        )
    for name in wanted:
        groups[name] = folium.FeatureGroup(name=LABELS[name], show=name in shown)
    for group in groups.values():
        group.add_to(m)
    if plugins:
        _PluginLinks(plugins).add_to(m)
    controls: dict[str, Any] = {
        "scale": created,
        "fullscreen": "fullscreen" in plugins,
        "measure": "measure" in plugins,
        "minimap": "minimap" in plugins,
        "labels_on_tile_error": provider is not None and "labels" not in shown,
    }
    IncidentLayer(payload, groups=groups, controls=controls).add_to(m)
    folium.LayerControl(collapsed=True, position="topright").add_to(m)
    if created:
        w, s, e, n = static["frontier_bounds"]
        if len(mapped):
            s, n = min(s, float(mapped["latitude"].min())), max(n, float(mapped["latitude"].max()))
            w, e = (
                min(w, float(mapped["longitude"].min())),
                max(e, float(mapped["longitude"].max())),
            )
        m.fit_bounds([[s, w], [n, e]])
    if not cdn:
        root = m.get_root()
        if "frontier_offline_assets" not in root._children:
            root.add_child(_assets.OfflineAssets(), name="frontier_offline_assets")
    return m
