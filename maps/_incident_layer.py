"""The incident layer: one element, one JSON block, drawn client-side.

Incidents travel as compact columns: coordinates rounded to 5 decimals (about
1 m), quantities as integers in tenths, categorical and text columns as
indices into one string table.  The block is a ``<script
type="application/json">`` whose text is JSON with ``<``, ``>``, ``&`` and
U+2028/9 written as ``\\u`` escapes, so nothing in the data can end the
element; above :data:`GZIP_OVER` characters the JSON is gzip-compressed and
base64-encoded, and the browser unpacks it with ``DecompressionStream``.

No data string ever passes through a Jinja template (branca elements compile
their text as templates, so ``{{ ... }}`` in a note would be evaluated): the
element writes its HTML through :class:`RawHTML`.
"""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from branca.element import Element, Figure, MacroElement

try:  # ten times quicker than json on 100,000 incidents; json is the fallback
    import orjson
except ImportError:  # pragma: no cover - orjson is a dependency
    orjson = None

from maps._assets import RawHTML, inline_css, inline_js, own_asset

__all__ = [
    "GZIP_OVER",
    "IncidentLayer",
    "RawHTML",
    "column",
    "encode_incidents",
    "safe_json",
]

#: JSON longer than this many characters is shipped gzip-compressed.
GZIP_OVER = 1_500_000

#: Longest note shown in a popup, in characters.
NOTE_CHARS = 1000

#: Colours of the ACLED event types; other types take colours from _EXTRA.
EVENT_COLORS: dict[str, str] = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#2ca02c",
    "Riots": "#8c564b",
    "Strategic developments": "#1f77b4",
}
_EXTRA = ("#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#843c39")
_MISSING_COLOR = "#555555"

_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


#: The same escapes in the UTF-8 bytes orjson writes (U+2028/9 are E2 80 A8/A9).
_BYTE_ESCAPES = tuple((char.encode("utf-8"), escape.encode("ascii")) for char, escape in _ESCAPES)


def safe_json(obj: Any) -> str:
    """JSON text that is safe inside a ``<script>`` element.

    ``<``, ``>`` and ``&`` occur in JSON only inside strings, where their
    ``\\u`` escapes mean the same thing to ``JSON.parse``.  The text is
    compact and not ASCII-escaped, written by orjson when it is installed
    (ten times quicker than json on 100,000 incidents), else by json.  A NaN or
    infinity (never in a payload: missing values are None) is written as
    ``null`` by orjson and refused by json.
    """
    out = _safe_json(obj)
    return out if isinstance(out, str) else out.decode("utf-8")


def _safe_json(obj: Any) -> bytes | str:
    """:func:`safe_json` as orjson writes it (UTF-8 bytes) or, when orjson refuses, as str."""
    if orjson is not None:
        try:
            data = orjson.dumps(obj, option=orjson.OPT_NON_STR_KEYS)
        except TypeError:
            pass  # a type (or a lone surrogate) orjson refuses: json writes it or says why
        else:
            for raw, escape in _BYTE_ESCAPES:  # bytes: a quick scan, even for wide text
                if raw in data:
                    data = data.replace(raw, escape)
            return data
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in _ESCAPES:  # str.replace is far quicker than str.translate here
        text = text.replace(char, escape)
    return text


class _Strings:
    """One string table shared by every text column.

    Values are de-duplicated within a column, not across columns: that would
    cost a dictionary look-up per unique note and save almost nothing.
    """

    def __init__(self) -> None:
        self.values: list[str] = []

    def add(self, value: str) -> int:
        self.values.append(value)
        return len(self.values) - 1

    def codes(self, column: pd.Series, max_chars: int | None = None) -> Any:
        """Index of each value in the table, -1 where missing or blank.

        When all values are present and distinct the indices run on from the
        first, and ``{"from": first}`` stands for the list; otherwise see
        :func:`compact`.
        """
        # clean each distinct value once (columns repeat values a lot), then merge
        # the values that cleaning made equal: first appearances keep their order
        raw_codes, raw = _dictionary(_arrow_strings(column))
        s = pc.utf8_trim_whitespace(raw)
        if max_chars is not None:
            long = pc.greater(pc.utf8_length(s), max_chars)
            if pc.any(long).as_py():
                cut = pc.binary_join_element_wise(
                    pc.utf8_slice_codeunits(s, 0, max_chars - 1),
                    pa.scalar("\u2026", s.type),
                    pa.scalar("", s.type),
                )
                s = pc.if_else(long, cut, s)
        s = pc.if_else(pc.equal(s, ""), pa.scalar(None, s.type), s)
        if pc.all(pc.equal(s, raw)).as_py() is not False and s.null_count == 0:
            codes, uniques = raw_codes, raw  # cleaning changed nothing (ids, notes): distinct
        else:
            clean_codes, uniques = _dictionary(s)
            remap = np.append(clean_codes, -1)  # -1 stays missing
            codes = remap[raw_codes]
        start = len(self.values)
        self.values.extend(uniques.to_pylist())
        if len(uniques) == len(codes) > 0:
            # every value distinct (ids, notes): codes are start, start+1, ...
            return {"from": start}
        # codes relative to the column's first string: short numbers, a smaller page
        return compact(codes.tolist(), base=start)


def _arrow_strings(column: pd.Series) -> pa.Array:
    """``column`` as one Arrow string array (values that are not text written as text)."""
    arr = pa.array(column.astype("string").array)
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    return arr


def _dictionary(values: pa.Array) -> tuple[np.ndarray, pa.Array]:
    """(codes, uniques) of ``values`` in order of first appearance; code -1 where missing.

    What :func:`pandas.factorize` gives for an Arrow-backed string column, without
    the round trip through pandas.
    """
    encoded = pc.dictionary_encode(values)
    codes = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
    return codes, encoded.dictionary


def compact(values: list, *, base: int | None = None) -> Any:
    """A column as the page reads it: ``{"const": v}`` when every value is ``v``;
    ``{"base": b, "c": codes}`` for string codes relative to ``b`` (-1 missing)."""
    if values and values.count(values[0]) == len(values):  # ints/None: count is exact
        v = values[0]
        return {"const": v + base if base is not None and v is not None and v >= 0 else v}
    if base is not None:
        return {"base": base, "c": values}
    return values


def _scaled_ints(values: pd.Series, scale: float) -> list[int | None]:
    """``round(values * scale)`` as ints, None where missing."""
    num = pd.to_numeric(values, errors="coerce").astype("float64").to_numpy()
    missing = ~np.isfinite(num)
    ints = np.rint(np.where(missing, 0.0, num * scale)).astype(np.int64)
    if not missing.any():
        return ints.tolist()
    out = ints.astype(object)  # Python ints, made in one call (not one per missing value)
    out[missing] = None
    return out.tolist()


def _days(values: pd.Series) -> list[int | None]:
    dt = pd.to_datetime(values, errors="coerce")
    days = (dt - pd.Timestamp("1970-01-01")) / pd.Timedelta(days=1)
    return _scaled_ints(np.floor(days.astype("float64")), 1)


def column(frame: pd.DataFrame, name: str) -> pd.Series:
    """``frame[name]``, or an all-missing column when the table lacks it."""
    if name in frame:
        return frame[name]
    return pd.Series(pd.NA, index=frame.index, dtype="object")


def encode_incidents(
    frame: pd.DataFrame, lat: np.ndarray, lon: np.ndarray
) -> tuple[dict[str, Any], dict[str, Any], list[str]]:
    """Columns, event-type lookup and string table for the mapped incidents.

    ``frame`` holds only the rows to draw; ``lat``/``lon`` are their
    coordinates.  Missing schema columns are treated as all-missing.
    """
    strings = _Strings()
    types = column(frame, "event_type").astype("string").str.strip()
    types = types.mask(types == "")
    type_codes, type_names = pd.factorize(types, use_na_sentinel=True)
    counts = np.bincount(type_codes[type_codes >= 0], minlength=len(type_names))
    order = np.argsort(-counts, kind="stable")
    remap = np.empty(len(type_names) + 1, dtype=np.int64)
    remap[order] = np.arange(len(type_names))
    remap[-1] = -1  # factorize's missing code -1 indexes the last entry
    codes = remap[type_codes]
    colors: list[str] = []
    extra = iter(_EXTRA * (1 + len(type_names) // len(_EXTRA)))
    for k in order:
        name = str(type_names[k])
        colors.append(EVENT_COLORS.get(name) or next(extra))
    type_info = {
        "names": [strings.add(str(type_names[k])) for k in order],
        "colors": colors,
        "n": counts[order].tolist(),
        "missing": _MISSING_COLOR,
        "nmissing": int((type_codes < 0).sum()),
    }
    date_end = _days(column(frame, "date_end"))
    inc: dict[str, Any] = {
        "lat": np.round(lat, 5).tolist(),
        "lon": np.round(lon, 5).tolist(),
        "day": _days(column(frame, "date")),
        "type": codes.tolist(),
        "sub": strings.codes(column(frame, "sub_event_type")),
        "a1": strings.codes(column(frame, "actor1")),
        "a2": strings.codes(column(frame, "actor2")),
        "fat": _scaled_ints(column(frame, "fatalities"), 1),
        "loc": strings.codes(column(frame, "location")),
        "mname": strings.codes(column(frame, "matched_name")),
        "side": strings.codes(column(frame, "side")),
        "bd": _scaled_ints(column(frame, "border_distance_km"), 10),
        "fkm": _scaled_ints(column(frame, "frontier_km"), 10),
        "meth": strings.codes(column(frame, "geocode_method")),
        "prec": _scaled_ints(column(frame, "geo_precision"), 1),
        "unc": _scaled_ints(column(frame, "uncertainty_km"), 10),
        "pa1": strings.codes(column(frame, "point_admin1")),
        "pa2": strings.codes(column(frame, "point_admin2")),
        "xing": strings.codes(column(frame, "nearest_crossing")),
        "xd": _scaled_ints(column(frame, "crossing_distance_km"), 10),
        "flags": strings.codes(column(frame, "review_flags")),
        "id": strings.codes(column(frame, "incident_id")),
        "src": strings.codes(column(frame, "source")),
        "note": strings.codes(column(frame, "notes"), max_chars=NOTE_CHARS),
    }
    if date_end.count(None) < len(date_end):
        inc["dend"] = date_end
    for key in ("fat", "bd", "fkm", "prec", "unc", "xd", "day"):
        inc[key] = compact(inc[key])
    # optional columns: injuries (some exports), reports (fused rows list their reports)
    if "injuries" in frame:
        inc["inj"] = compact(_scaled_ints(frame["injuries"], 1))
    if "reports" in frame:
        # every report of a fused event is listed, however many (never cut)
        inc["reports"] = strings.codes(frame["reports"])
    return inc, type_info, strings.values


class IncidentLayer(MacroElement):
    """Draws a frontier-mapper payload into a folium map.

    Parameters
    ----------
    payload
        The JSON-ready dict built by :func:`maps.build.build_map`.
    groups
        Layer name -> the folium ``FeatureGroup`` the layer is drawn into.
    controls
        Which controls to add (``scale``, ``fullscreen``, ``measure``,
        ``minimap``, ``minimap_tiles``).
    """

    _template = None  # rendered by hand, see render()

    def __init__(
        self,
        payload: Mapping[str, Any],
        *,
        groups: Mapping[str, Element],
        controls: Mapping[str, Any],
        gzip_over: int | None = None,
    ) -> None:
        super().__init__()
        self._name = "FrontierIncidents"
        self.payload = payload
        self.groups = dict(groups)
        self.controls = dict(controls)
        self.gzip_over = gzip_over

    def data_text(self) -> str:
        """The text of the JSON block (compressed when large)."""
        out = _safe_json(self.payload)  # bytes as orjson writes them: gzip takes them as they are
        limit = GZIP_OVER if self.gzip_over is None else self.gzip_over
        if isinstance(out, str):
            if len(out) <= limit:
                return out
            data = out.encode("utf-8")
        else:
            # the limit counts characters; UTF-8 takes 1 to 4 bytes for each
            if len(out) <= limit or (len(out) <= 4 * limit and len(out.decode("utf-8")) <= limit):
                return out.decode("utf-8")
            data = out
        packed = gzip.compress(data, compresslevel=1, mtime=0)
        # base64 needs no JSON escape: the block is {"gz": "<base64>"}
        return '{"gz":"' + base64.b64encode(packed).decode("ascii") + '"}'

    def render(self, **kwargs: object) -> None:  # type: ignore[override]
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError("IncidentLayer must be added to a map inside a Figure")
        data_id = self.get_name() + "_data"
        figure.header.add_child(RawHTML(inline_css(own_asset("frontier_map.css"))), name="fm_css")
        figure.html.add_child(
            RawHTML(f'<script type="application/json" id="{data_id}">{self.data_text()}</script>'),
            name=data_id,
        )
        figure.html.add_child(RawHTML(inline_js(own_asset("frontier_map.js"))), name="fm_js")
        # first in the header: it must run even when every other script fails
        figure.header.add_child(RawHTML(inline_js(own_asset("asset_guard.js"))), name="fm_guard")
        head = figure.header._children
        for key in [k for k in head if k != "fm_guard" and not k.startswith("meta")]:
            head.move_to_end(key)
        groups = ",".join(f"{safe_json(k)}:{g.get_name()}" for k, g in self.groups.items())
        parent = self._parent
        if parent is None:
            raise TypeError("IncidentLayer must be added to a map")
        call = (
            "FrontierMap.init({"
            f"map:{parent.get_name()},dataId:{safe_json(data_id)},"
            f"groups:{{{groups}}},controls:{safe_json(self.controls)}}});"
        )
        figure.script.add_child(RawHTML(call), name=self.get_name())
