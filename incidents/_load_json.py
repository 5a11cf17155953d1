"""Read JSON: a GeoJSON FeatureCollection or Feature, or a list of records.

* A list of records may come wrapped in an object, as web APIs answer
  (``{"status": 200, "count": 2, "data": [{...}, {...}]}``): the one member
  holding a non-empty list of objects is read (``info["json_member"]``).

* A feature whose geometry cannot be read (a one-position LineString, an unclosed
  ring, coordinates that are not numbers) keeps its properties and is flagged
  ``bad_geometry``; an empty geometry (``"coordinates": []``, allowed by RFC 7946)
  is flagged ``empty_geometry``.  Neither stops the file.
* A feature whose ``properties`` is not an object (a list, text, a number; RFC 7946
  allows an object or null) keeps its geometry, its raw value as JSON text in
  ``src_properties``, and is flagged ``bad_properties``.
* A ``crs`` member (pre-RFC 7946 GeoJSON) is honoured when it names a known CRS;
  an unknown one is an error saying so.
* JSON nested deeper than the parser can follow is an error, not a crash.
* ``\\ud800``-style escapes that are not valid text become U+FFFD and the row is
  flagged ``repaired_text``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from incidents._collector import collector
from incidents._load_cells import RawTable, text_frame
from incidents._sniff import decode_bytes
from incidents.errors import LoadError

__all__ = ["read_json", "to_wgs84"]


def read_json(path: Path, data: bytes, *, info: dict[str, Any] | None = None) -> RawTable:
    """Read JSON ``data`` (the content of ``path``)."""
    text, encoding = decode_bytes(data)
    info = {**(info or {}), "encoding": encoding}
    try:
        # millions of dicts and lists, no cycles: no collection walks them
        with collector(paused=True):
            return _read(path, text, info)
    except RecursionError:
        raise LoadError(
            f"{path.name}: JSON nested too deeply to read (arrays or objects inside one "
            "another thousands of levels deep); not an incident table"
        ) from None


def _read(path: Path, text: str, info: dict[str, Any]) -> RawTable:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg != "Extra data" and not text.lstrip(" \t\r\n").startswith("\x1e"):
            raise LoadError(
                f"{path.name}: not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
            ) from None
        obj = _json_lines(path, text)  # one record per line (JSON Lines / NDJSON)
        info = {**info, "json_lines": True}
    if isinstance(obj, dict) and obj.get("type") == "FeatureCollection":
        features = obj.get("features")
        if not isinstance(features, list):
            raise LoadError(f"{path.name}: GeoJSON FeatureCollection without a 'features' list")
        return _features_table(path, features, crs=_geojson_crs(path, obj), info=info)
    if isinstance(obj, dict) and obj.get("type") == "Feature":
        return _features_table(path, [obj], crs=_geojson_crs(path, obj), info=info)
    if isinstance(obj, dict) and (member := _records_member(obj)) is not None:
        info = {**info, "json_member": member}  # an API answer: {"status": .., "data": [..]}
        obj = obj[member]
    if isinstance(obj, list) and all(isinstance(r, dict) for r in obj):
        if obj and all(r.get("type") == "Feature" for r in obj):
            return _features_table(path, obj, crs="EPSG:4326", info=info)
        header = list(dict.fromkeys(k for r in obj for k in r))
        rows = [[r.get(k) for k in header] for r in obj]
        frame, repaired = text_frame(header, rows)
        flags = {"repaired_text": repaired} if repaired.any() else {}
        return RawTable(frame=frame, flags=flags, info={**info, "format": "json"})
    if isinstance(obj, dict):
        kind = obj.get("type")
        found = f"an object of type {kind!r}" if kind is not None else "an object"
        keys = ", ".join(repr(k) for k in list(obj)[:8])
        found += f" with members {keys}" if keys else " with no members"
    elif isinstance(obj, list):
        kinds = sorted({type(r).__name__ for r in obj if not isinstance(r, dict)})
        found = f"a list holding {', '.join(kinds)} values"
    else:
        found = f"a single {type(obj).__name__}"
    raise LoadError(
        f"{path.name}: JSON holds {found}; expected a GeoJSON FeatureCollection or Feature, "
        "a list of records, or an object with one member that is a list of records"
    )


def _json_lines(path: Path, text: str) -> list[Any]:
    """The values of a JSON Lines text (one JSON value per non-blank line).

    Raises :class:`LoadError` naming the first line that is not one JSON value;
    what the values are is checked by the caller like any parsed JSON.
    """
    out = []
    for n, line in enumerate(text.split("\n"), start=1):  # not splitlines: RS splits there
        line = line.lstrip("\x1e")  # GeoJSON text sequences (RFC 8142) start with RS
        if not line.strip():
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise LoadError(
                f"{path.name}: neither one JSON document nor JSON Lines (one record per "
                f"line): line {n} is not valid JSON ({exc.msg} at column {exc.colno})"
            ) from None
    return out


def _records_member(obj: dict[str, Any]) -> str | None:
    """The one member of a wrapper object that holds a list of records, else None."""
    if obj.get("type") in ("FeatureCollection", "Feature"):
        return None
    found = [
        k
        for k, v in obj.items()
        if isinstance(v, list) and v and all(isinstance(r, dict) for r in v)
    ]
    return found[0] if len(found) == 1 else None


def _geojson_crs(path: Path, obj: dict[str, Any]) -> str:
    """The (pre-RFC 7946) ``crs`` member of a GeoJSON object, else EPSG:4326."""
    crs = obj.get("crs")
    if crs is None:
        return "EPSG:4326"
    name = (crs.get("properties") or {}).get("name") if isinstance(crs, dict) else None
    if not isinstance(name, str) or not name.strip():
        raise LoadError(
            f"{path.name}: the 'crs' member names no CRS ({json.dumps(crs)[:80]}); RFC 7946 "
            "GeoJSON is WGS84 longitude/latitude: remove the member"
        )
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    try:
        CRS.from_user_input(name)
    except CRSError:
        raise LoadError(
            f"{path.name}: the 'crs' member names {name[:80]!r}, which is not a known CRS; "
            "RFC 7946 GeoJSON is WGS84 longitude/latitude: remove the member or name an "
            "EPSG code (e.g. 'EPSG:32642')"
        ) from None
    return name


def _features_table(path: Path, features: list[Any], *, crs: str, info: dict[str, Any]) -> RawTable:
    import numpy as np
    import shapely
    from shapely.geometry import shape

    n = len(features)
    props: list[dict[str, Any]] = []
    geoms: list[object] = [None] * n
    bad = np.zeros(n, dtype=bool)
    empty = np.zeros(n, dtype=bool)
    # Plain 2-D points (nearly every incident file) are built in one vectorised call.
    point_rows: list[int] = []
    point_xy: list[list[float]] = []
    no_properties: dict[str, Any] = {}  # shared: only read
    odd: dict[int, str] = {}  # row -> JSON text of a ``properties`` that is not an object
    for i, feature in enumerate(features):
        if not isinstance(feature, dict):
            raise LoadError(
                f"{path.name}: GeoJSON feature list holds a {type(feature).__name__}, "
                "expected Feature objects"
            )
        p = feature.get("properties")
        props.append(p if isinstance(p, dict) else no_properties)
        if p is not None and not isinstance(p, dict):
            odd[i] = _json_text(p)
        g = feature.get("geometry")
        if not g:
            continue
        if _is_plain_point(g):
            point_rows.append(i)
            point_xy.append(g["coordinates"])
            continue
        try:
            geom = shape(g)
        except Exception:  # shapely raises several types on malformed geometry
            bad[i] = True
            continue
        if geom.is_empty:
            empty[i] = True
        else:
            geoms[i] = geom
    if point_rows:
        points = shapely.points(np.asarray(point_xy, dtype=float))
        for i, point in zip(point_rows, points, strict=True):
            geoms[i] = point
    header = list(dict.fromkeys(chain.from_iterable(props)))
    if odd:  # kept as text under a name no property takes, the rows flagged
        name = "src_properties"
        while name in header:
            name = f"src_{name}"
        header.append(name)
        for i, text in odd.items():
            props[i] = {name: text}
    geometry = to_wgs84(path, gpd.GeoSeries(geoms, crs=crs), info)
    frame, repaired = text_frame(header, _rows(props, header))
    flags = {
        "empty_geometry": pd.Series(empty, dtype=bool, index=frame.index),
        "repaired_text": repaired,
        "bad_properties": pd.Series(frame.index.isin(list(odd)), index=frame.index),
    }
    return RawTable(
        frame=frame,
        geometry=geometry,
        bad_geometry=pd.Series(bad, dtype=bool) if bad.any() else None,
        flags={k: v for k, v in flags.items() if v.any()},
        info={**info, "format": "geojson"},
    )


def _json_text(value: Any) -> str:
    """``value`` as compact JSON text (what the file said), for ``src_properties``."""
    try:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):  # NaN/Infinity are written as such; nothing else
        return str(value)


def _rows(props: list[dict[str, Any]], header: list[str]) -> list[Sequence[Any]]:
    """Each feature's property values in ``header`` order (None where it has none)."""
    width = len(header)
    if width > 1 and all(len(p) == width for p in props):
        # every feature has every property (each one's keys are in the header): one
        # C-level look-up per feature
        return list(map(itemgetter(*header), props))
    return [[p.get(k) for k in header] for p in props]


def to_wgs84(path: Path, geometry: gpd.GeoSeries, info: dict[str, Any]) -> gpd.GeoSeries:
    """``geometry`` in EPSG:4326 (assumed when it has no CRS); records the CRS in ``info``."""
    if geometry.crs is None:
        info["crs"] = "EPSG:4326 (assumed: the file names no CRS)"
        return geometry.set_crs("EPSG:4326")
    info["crs"] = geometry.crs.to_string()
    try:
        return geometry.to_crs("EPSG:4326")
    except Exception as exc:  # pyproj raises several types for unusable CRSs
        raise LoadError(
            f"{path.name}: geometries in {geometry.crs.to_string()!r} cannot be transformed "
            f"to EPSG:4326 ({exc})"
        ) from None


def _is_plain_point(geometry: Any) -> bool:
    """True for ``{"type": "Point", "coordinates": [x, y]}`` with two finite-or-not numbers."""
    if not isinstance(geometry, dict) or geometry.get("type") != "Point":
        return False
    xy = geometry.get("coordinates")
    return isinstance(xy, list) and len(xy) == 2 and all(type(v) in (int, float) for v in xy)
