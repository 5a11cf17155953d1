"""The parts of every page that depend only on the shipped data, made once and shipped.

Outlines, place and km labels, crossings, the frontier's length and segment
lines, and the names and simplified shapes of the fixed units (segments,
provinces, districts, distance bands) are the same on every map: drawing them
takes seconds (simplifying some 600 polygons, reading the gazetteer), so they
are computed by :func:`compute_context` once and shipped in
``maps/context.json.gz`` (``python -m maps._static`` writes it).

The file holds the key of what it was made from (:func:`inputs_key`: a hash of
:data:`CONTEXT_VERSION`, the map's constants and the bytes of every shipped data
file it reads).  :func:`static_context` uses it only when the key matches the
installed data, and otherwise computes the context afresh (slower, never
stale); a test checks that the shipped file equals a fresh computation.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
from importlib import resources
from typing import Any

__all__ = ["CONTEXT_FILE", "CONTEXT_VERSION", "compute_context", "inputs_key", "static_context"]

#: Bump when anything :func:`compute_context` makes changes (a test also compares).
CONTEXT_VERSION = 1
#: The shipped context, in the ``maps`` package.
CONTEXT_FILE = "context.json.gz"
#: The unit layers whose units are fixed (hexagons depend on the incidents).
FIXED_LEVELS = ("segment", "admin1", "admin2", "band")
#: Data files the context is made from: every data file of ``geo.data``, and the
#: gazetteer (named here, not through ``incidents._gazetteer``, whose import costs
#: 0.1 s; a test checks that both name the same file).
_DATA_SUFFIXES = (".parquet", ".geojson", ".csv", ".npz")
GAZETTEER = ("incidents.data", "gazetteer.parquet")


def _data_files() -> list[Any]:
    root = resources.files("geo.data")
    files = sorted(
        (f for f in root.iterdir() if f.is_file() and f.name.endswith(_DATA_SUFFIXES)),
        key=lambda f: f.name,
    )
    gazetteer = resources.files(GAZETTEER[0]).joinpath(GAZETTEER[1])
    if gazetteer.is_file():
        files.append(gazetteer)
    return files


@functools.cache
def inputs_key() -> str:
    """Hex SHA-256 of the context's version, the map's constants and the data files."""
    from geo import DISTANCE_BANDS_KM
    from maps._layers import SEGMENT_KM

    h = hashlib.sha256(f"context v{CONTEXT_VERSION} {SEGMENT_KM!r} {DISTANCE_BANDS_KM!r}".encode())
    for f in _data_files():
        data = f.read_bytes()
        h.update(f"{f.name} {len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def _json_ready(value: Any) -> Any:
    """``value`` as JSON reads it back (tuples become lists), so shipped == computed."""
    return json.loads(json.dumps(value, allow_nan=False))


def compute_context() -> dict[str, Any]:
    """The static parts of a page, computed from the installed data.

    Returns
    -------
    dict
        ``frontier_km``, ``frontier_bounds`` (west, south, east, north),
        ``mini`` (country outlines for the minimap), ``basemap`` (countries and
        provinces), ``km_labels``, ``crossings``, ``labels``, ``lines``
        (segment lines) and ``units``: level -> unit label -> the unit's
        description as the page reads it.
    """
    import pandas as pd

    from geo import Frontier, reference
    from maps._context import crossings_payload, km_labels, labels_payload, outline_shapes
    from maps._layers import SEGMENT_KM
    from maps._unit_layers import OPTIONS, describe_units, segment_lines
    from maps._units import assign_levels

    empty = pd.DataFrame({"latitude": pd.Series([], dtype=float), "longitude": []})
    found = assign_levels(empty, {by: OPTIONS.get(by, {}) for by in FIXED_LEVELS})
    units = {
        by: dict(zip(ua.units["unit"].astype(str), describe_units(ua.units, by), strict=True))
        for by, ua in found.items()
    }
    return _json_ready(
        {
            "frontier_km": round(Frontier.default().length_km, 1),
            "frontier_bounds": [float(v) for v in reference.frontier_line().total_bounds],
            "mini": outline_shapes(0.05)["countries"],
            "basemap": outline_shapes(0.01),
            "km_labels": list(km_labels(100.0)),
            "crossings": crossings_payload(),
            "labels": labels_payload(),
            "lines": list(segment_lines(SEGMENT_KM)),
            "units": units,
        }
    )


def _shipped() -> dict[str, Any] | None:
    path = resources.files("maps").joinpath(CONTEXT_FILE)
    if not path.is_file():
        return None
    try:
        data = gzip.decompress(path.read_bytes())
        try:
            import orjson  # three times quicker than json here
        except ImportError:  # pragma: no cover - orjson is a dependency
            found = json.loads(data)
        else:
            found = orjson.loads(data)
    except (OSError, ValueError):  # orjson.JSONDecodeError is a ValueError
        return None
    return found if isinstance(found, dict) else None


@functools.cache
def static_context() -> dict[str, Any]:
    """The static parts of a page: shipped when made from the installed data, else computed.

    Returns
    -------
    dict
        As :func:`compute_context` (shared: do not modify).
    """
    shipped = _shipped()
    if shipped is not None and shipped.get("key") == inputs_key():
        return dict(shipped["context"])
    return compute_context()


def write_context() -> None:
    """Write ``maps/context.json.gz`` from the installed data (run from a source checkout)."""
    from pathlib import Path

    path = Path(__file__).resolve().parent / CONTEXT_FILE
    text = json.dumps(
        {"key": inputs_key(), "context": compute_context()},
        ensure_ascii=False,
        separators=(",", ":"),
        allow_nan=False,
    )
    path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{path.name}: {len(text) / 1e6:.2f} MB of JSON, {path.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    write_context()
