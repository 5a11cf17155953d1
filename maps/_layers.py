"""Names of the map's layers and aggregation levels (no heavy imports: the CLI reads them)."""

from __future__ import annotations

__all__ = ["CHOROPLETHS", "DEFAULT_LAYERS", "HIDDEN_AT_START", "LAYERS", "LEVELS", "SEGMENT_KM"]

#: Segment length (km) of the frontier layer: aggregate's and the CLI's default.
SEGMENT_KM = 50.0
#: Layer name -> aggregation level (``incidents.AGGREGATIONS``).
LEVELS: dict[str, str] = {
    "frontier": "segment",
    "districts": "admin2",
    "provinces": "admin1",
    "corridor": "band",
    "hexes": "hex",
}
#: Layers a map can hold, in drawing order; ``aggregates`` needs ``aggregates=``.
LAYERS: tuple[str, ...] = (
    "provinces",
    "districts",
    "hexes",
    "corridor",
    "aggregates",
    "heatmap",
    "frontier",
    "uncertainty",
    "incidents",
    "crossings",
    "labels",
)
#: Layers built when ``layers`` is not given (``hexes`` is opt-in: it needs a resolution
#: and can hold tens of thousands of cells; ``aggregates`` comes with ``aggregates=``).
DEFAULT_LAYERS: tuple[str, ...] = tuple(n for n in LAYERS if n not in ("hexes", "aggregates"))
#: Built but switched off at load unless named in ``layers`` or ``choropleth``.
HIDDEN_AT_START: frozenset[str] = frozenset(
    {"provinces", "districts", "hexes", "corridor", "heatmap"}
)
#: ``choropleth`` value (an aggregation level) -> the layer that draws it.
CHOROPLETHS: dict[str, str] = {level: name for name, level in LEVELS.items()}
