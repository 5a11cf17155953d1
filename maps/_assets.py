"""Where the map's JavaScript and CSS come from, online and offline.

The normal page links Leaflet and its plugins from the CDN URLs folium uses.
The offline page inlines the same files from installed Python packages, never
from copies kept in this repository:

* Leaflet 1.9.3 from ``xstatic-leaflet`` (its marker and layer-control images
  become ``data:`` URIs);
* Leaflet.markercluster from ``xstatic-leaflet-markercluster``;
* the folium plugins (Fullscreen, MiniMap, leaflet-measure, Leaflet.heat) from
  ``folium-offline``, which ships folium's CDN files keyed by their URL.

A plugin whose files are in no installed package is left out of the offline
page, and the page says so (see :func:`missing_offline`).
"""

from __future__ import annotations

import ast
import base64
import functools
import importlib.util
import re
from importlib import resources
from pathlib import Path

from branca.element import CssLink, Element, Figure, JavascriptLink, MacroElement

__all__ = [
    "LEAFLET_CSS",
    "LEAFLET_JS",
    "PLUGINS",
    "OfflineAssets",
    "RawHTML",
    "inline_css",
    "inline_js",
    "local_asset",
    "missing_offline",
    "own_asset",
]

LEAFLET_JS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"
LEAFLET_CSS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"
_MARKERCLUSTER = "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/"

#: Plugin name -> (js urls, css urls), the URLs folium 0.20 links.
PLUGINS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "fullscreen": (
        ("https://cdn.jsdelivr.net/npm/leaflet.fullscreen@3.0.0/Control.FullScreen.min.js",),
        ("https://cdn.jsdelivr.net/npm/leaflet.fullscreen@3.0.0/Control.FullScreen.css",),
    ),
    "minimap": (
        ("https://cdnjs.cloudflare.com/ajax/libs/leaflet-minimap/3.6.1/Control.MiniMap.js",),
        ("https://cdnjs.cloudflare.com/ajax/libs/leaflet-minimap/3.6.1/Control.MiniMap.css",),
    ),
    "measure": (
        ("https://cdn.jsdelivr.net/gh/ljagis/leaflet-measure@2.1.7/dist/leaflet-measure.min.js",),
        ("https://cdn.jsdelivr.net/gh/ljagis/leaflet-measure@2.1.7/dist/leaflet-measure.min.css",),
    ),
    "heatmap": (
        (
            "https://cdn.jsdelivr.net/gh/python-visualization/folium@main/"
            "folium/templates/leaflet_heat.min.js",
        ),
        (),
    ),
}

#: CDN URL -> (xstatic package, file name) for files xstatic packages ship.
_XSTATIC: dict[str, tuple[str, str]] = {
    LEAFLET_JS: ("xstatic.pkg.leaflet", "leaflet.js"),
    LEAFLET_CSS: ("xstatic.pkg.leaflet", "leaflet.css"),
    # folium's MarkerCluster links 1.1.0; the xstatic 1.4.1 files are API-compatible.
    _MARKERCLUSTER + "leaflet.markercluster.js": (
        "xstatic.pkg.leaflet_markercluster",
        "leaflet.markercluster.js",
    ),
    _MARKERCLUSTER + "MarkerCluster.css": (
        "xstatic.pkg.leaflet_markercluster",
        "MarkerCluster.css",
    ),
    _MARKERCLUSTER + "MarkerCluster.Default.css": (
        "xstatic.pkg.leaflet_markercluster",
        "MarkerCluster.Default.css",
    ),
}


def _xstatic_file(package: str, name: str) -> str | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / name
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    if name.endswith(".css"):
        text = _inline_images(text, path.parent)
    return text


def _inline_images(css: str, folder: Path) -> str:
    """Replace ``url(images/x.png)`` by ``data:`` URIs so the CSS stands alone."""

    def repl(match: re.Match[str]) -> str:
        target = folder / match.group(1)
        if not target.is_file():
            return match.group(0)
        data = base64.b64encode(target.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    return re.sub(r"url\(['\"]?(images/[\w.-]+\.png)['\"]?\)", repl, css)


@functools.cache
def _folium_offline_source() -> bytes | None:
    # Reading folium-offline's resource table costs milliseconds; importing the
    # package (two 3.5 MB modules) costs most of a second.  Kept as bytes: only
    # the entries used are decoded (decoding all 3.5 MB takes 0.05 s).
    spec = importlib.util.find_spec("offlinefolium")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "elements.py"
    return path.read_bytes() if path.is_file() else None


def _folium_offline_file(url: str) -> str | None:
    src = _folium_offline_source()
    if src is None:
        return None
    head = f"_res[{url!r}] = ".encode()
    start = src.find(head)
    if start < 0:
        return None
    start += len(head)
    end = src.find(f"''' #{url}\n".encode(), start)
    if end < 0:
        return None
    try:
        value = ast.literal_eval(src[start : end + 3].decode("utf-8"))
    except (SyntaxError, ValueError):  # UnicodeDecodeError is a ValueError
        return None
    if not isinstance(value, str):
        return None
    if url.endswith(".css"):
        # folium-offline ships the stylesheets without their images (MiniMap's
        # toggle icon): drop the references rather than fail to load them;
        # frontier_map.css draws the one that matters.
        value = re.sub(r"url\((['\"]?)(?!data:|#|https?:)[^)'\"]+\1\)", "none", value)
    return value


@functools.cache
def local_asset(url: str) -> str | None:
    """The text of the file folium links at ``url``, from an installed package, or None."""
    if url in _XSTATIC:
        return _xstatic_file(*_XSTATIC[url])
    return _folium_offline_file(url)


def missing_offline(plugin: str) -> bool:
    """True when some file of ``plugin`` (a key of :data:`PLUGINS`) is in no installed package."""
    js, css = PLUGINS[plugin]
    return any(local_asset(u) is None for u in (*js, *css))


@functools.cache
def own_asset(name: str) -> str:
    """A JavaScript or CSS file of this package (``maps/<name>``)."""
    return resources.files("maps").joinpath(name).read_text(encoding="utf-8")


def inline_js(text: str) -> str:
    """``<script>`` element holding ``text``; a ``</script`` inside cannot end it early."""
    return "<script>" + re.sub(r"</(script)", r"<\\/\1", text, flags=re.IGNORECASE) + "</script>"


def inline_css(text: str) -> str:
    """``<style>`` element holding ``text``; a ``</style`` inside cannot end it early."""
    return "<style>" + re.sub(r"</(style)", r"<\\/\1", text, flags=re.IGNORECASE) + "</style>"


class RawHTML(Element):
    """An element whose text is emitted as is.

    branca compiles an :class:`~branca.element.Element`'s text as a Jinja
    template, so ``{{ ... }}`` in data or in a library's source would be
    evaluated; this one never is.
    """

    def __init__(self, html: str) -> None:
        super().__init__()
        self._name = "RawHTML"
        self._html = html

    def render(self, **kwargs: object) -> str:
        return self._html


class OfflineAssets(MacroElement):
    """Rewrites the page header so every script and stylesheet is inlined.

    Add it to the :class:`~branca.element.Figure` after the map: the figure
    renders its children in order, so by then the map and every plugin have
    put their CDN links into the header.  Links with no local copy are dropped
    and listed in :attr:`dropped`.
    """

    def __init__(self) -> None:
        super().__init__()
        self._name = "OfflineAssets"
        self.dropped: list[str] = []

    def render(self, **kwargs: object) -> None:  # type: ignore[override]
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError("OfflineAssets must be added to a Figure")
        children = list(figure.header._children.items())
        for name, child in children:
            if isinstance(child, JavascriptLink | CssLink):
                url = child.url
                text = local_asset(url)
                del figure.header._children[name]
                if text is None:
                    self.dropped.append(url)
                    continue
                html = inline_js(text) if isinstance(child, JavascriptLink) else inline_css(text)
                figure.header.add_child(RawHTML(html), name=name)
