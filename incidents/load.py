"""Load an incident file (ACLED, UCDP GED or any table of incidents) as an incident table.

:func:`load` reads a delimited text, Excel, (Geo)JSON, GeoPackage or
(Geo)Parquet file, recognises its layout, and returns an incident table
(:mod:`incidents.schema`): the :data:`~incidents.schema.CORE` and
:data:`~incidents.schema.ACCOUNTING` columns first, then the columns derived
from precision codes and geometry, then every input column as text.

Nothing is dropped silently: the result has one row per record of the file
(``source_row`` is its 0-based position among the records, header excluded),
and a cell that does not parse keeps its text in its input column while its
row is flagged.  Flags (:data:`LOAD_FLAGS`, ``;``-separated in ``review_flags``):

``generated_id``
    The row had no incident id; it was given ``row-<source_row>``.
``duplicate_incident_id``
    Another row has the same id (every copy is kept and flagged).
``bad_date``
    A date (start or end) is present but not a date (see
    :mod:`incidents._load_parse` for the accepted forms).  A date cell holding
    a range (``2025-10-12/2025-10-14``) gives the start, and the end where the
    row has no end date of its own.
``ambiguous_date``
    A numeric date such as ``09/10/2025`` could be day-first or month-first
    and nothing in its column decided; it was read day-first.
``date_end_before_date``
    The end of the date range precedes its start.  A row without an end date
    whose ACLED ``time_precision`` or UCDP ``date_prec`` says the date is only
    known to the week, month or year gets that range (``date`` .. ``date_end``;
    see :func:`_date_precision_range`).
``bad_fatalities``
    Fatalities are present but not a non-negative whole number (``many``,
    ``3-5``).
``bad_coordinates``
    Latitude or longitude is present but does not parse, is out of range,
    has no partner, or the pair is exactly (0, 0), or a geometry's point lies
    off the globe (``[500, 34]``); both are left missing.
``bad_geometry``
    A GeoJSON feature's geometry could not be read.
``non_point_geometry``
    The geometry was not a point: latitude/longitude hold its representative
    point (:func:`geo.points.representative_points`: a line's point half way
    along its length, a point on any other geometry) and ``src_geometry_wkt`` its WKT (EPSG:4326).
``missing_location_and_coordinates``
    Neither a place name nor coordinates: only admin names (if any) can
    place the row.
``extra_fields``
    A delimited row had more fields than the header; the surplus text is in
    ``src_extra_fields``.
``empty_geometry``
    A GeoJSON feature has an empty geometry (``"coordinates": []``): no
    coordinates from it.
``repaired_text``
    A cell held bytes that are not UTF-8 in an otherwise UTF-8 file (read as
    Windows-1252, the rest of the file stays UTF-8) or an unpaired surrogate
    escape such as JSON ``\\ud800`` (replaced by U+FFFD).
``excel_formula``
    An Excel cell held a formula: its cached value was used, or its formula
    text (``=2+3``) when the workbook holds no cached value.
``merged_cell``
    An Excel cell was part of a merged range and was given the range's value.
``bad_event_code``
    A UCDP ``type_of_violence`` is present but not 1, 2 or 3; ``event_type``
    is left empty.
``geometry_from_coordinates``
    The file has geometries, but this row's is null or empty while its
    latitude/longitude columns hold a valid point: that point is used.
``bad_properties``
    A GeoJSON feature's ``properties`` is not an object (a list, text, a
    number): the row keeps its geometry and the raw value, as JSON text, in
    ``src_properties``.
``coords_geometry_mismatch``
    The row's latitude/longitude columns and its geometry (a GeoJSON,
    GeoPackage or GeoParquet geometry, or a WKT column such as UCDP GED's
    ``geom_wkt``) are both present and differ by more than
    :data:`COORDS_GEOMETRY_TOLERANCE_DEG` in latitude or longitude.  The
    row is kept; ``coords_conflict`` says which was used and what the other
    one gives.  A real geometry wins (unless ``columns=`` maps the coordinate
    columns); beside a WKT text column the coordinate columns win.
``unreadable_value``
    Set by :func:`incidents.read` on a positioned table: a typed column (a
    date, number or boolean) held text of another kind; the value is missing
    and the text is kept in ``src_<column>``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import shapely

from geo.points import representative_points
from incidents import _load_layouts as _layouts
from incidents._load_cells import RawTable
from incidents._load_layouts import LAYOUTS, UCDP_EVENT_TYPES, UCDP_TO_ACLED_PRECISION
from incidents._load_parse import parse_counts, parse_dates, parse_float, split_date_ranges
from incidents._load_read import read_table
from incidents.errors import LoadError
from incidents.schema import ACCOUNTING, CORE, GEOCODE, POSITION, coerce

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["LAYOUTS", "LOAD_FLAGS", "load", "load_raw"]

#: Flags :func:`load` can set, in the order they appear in ``review_flags``.
LOAD_FLAGS: tuple[str, ...] = (
    "generated_id",
    "duplicate_incident_id",
    "bad_date",
    "ambiguous_date",
    "date_end_before_date",
    "bad_fatalities",
    "bad_coordinates",
    "bad_geometry",
    "non_point_geometry",
    "missing_location_and_coordinates",
    "extra_fields",
    "empty_geometry",
    "repaired_text",
    "excel_formula",
    "merged_cell",
    "unreadable_value",
    "bad_event_code",
    "geometry_from_coordinates",
    "bad_properties",
    "coords_geometry_mismatch",
)
#: Largest difference (degrees, latitude or longitude) between a row's coordinate
#: columns and its geometry's point that is not a disagreement (WKT rounding).
COORDS_GEOMETRY_TOLERANCE_DEG = 0.001

#: Columns :func:`load` derives, placed right after the schema columns.
DERIVED: dict[str, str] = {
    "input_geo_precision": "Int64",  # ACLED 1-3, from geo_precision or UCDP where_prec
    "input_where_prec": "Int64",  # UCDP 1-7
    "src_geometry_wkt": "string",  # non-point input geometry
    "src_extra_fields": "string",  # surplus fields of over-long delimited rows
    "coords_conflict": "string",  # coordinates and geometry disagree: which was used
}

_TEXT_COLUMNS = [c for c, dtype in CORE.items() if dtype == "string"]
# ``geometry`` is the geometry column a positioned table gets: an input column of
# that name (often WKT text) is kept as ``src_geometry`` instead of being replaced.
_RESERVED = {*CORE, *GEOCODE, *POSITION, *ACCOUNTING, *DERIVED, "geometry"}


def load(
    path: str | os.PathLike[str],
    *,
    columns: Mapping[str, str] | None = None,
    layout: str = "auto",
    sheet: str | int | None = None,
) -> pd.DataFrame:
    """Read an incident file as an incident table.

    Parameters
    ----------
    path
        A ``.csv``/``.tsv``/``.txt`` (delimiter ``,`` ``;`` tab or ``|`` and
        encoding UTF-8, UTF-8 with BOM, UTF-16 with BOM, Windows-1252 or
        Latin-1, all detected), ``.xlsx`` (``.xls`` needs xlrd),
        ``.geojson``/``.json`` (GeoJSON or a list of records), ``.gpkg`` or
        ``.parquet``/``.geoparquet`` file.  The extension decides, in any case.
    columns
        Schema column -> input column, overriding the layout for those
        schema columns (an input column used here is not also used by the
        layout for another schema column).
    layout
        ``"acled"`` (ACLED export), ``"ucdp"`` (UCDP GED), ``"generic"``
        (headers matched through the synonym table
        :data:`incidents._load_layouts.SYNONYMS`, ignoring case, spaces and
        punctuation) or ``"auto"`` to recognise ACLED or UCDP by their
        signature columns and use ``"generic"`` otherwise.
    sheet
        Excel sheet or GeoPackage layer, by name or 0-based position, or
        ``"all"`` for every sheet of a workbook (or layer of a GeoPackage) that
        holds data (a ``sheet`` column then names each row's sheet or layer);
        the first one by default (an error when it has no data rows but another
        sheet has).

    Returns
    -------
    pandas.DataFrame
        One row per record in the file, in file order, with

        * :data:`~incidents.schema.CORE` and :data:`~incidents.schema.ACCOUNTING`
          columns, in schema order and dtypes;
        * ``input_geo_precision`` (ACLED ``geo_precision``, or UCDP
          ``where_prec`` mapped by :data:`incidents._load_layouts.UCDP_TO_ACLED_PRECISION`),
          ``input_where_prec`` (UCDP) and ``src_geometry_wkt`` /
          ``src_extra_fields`` when the input gives cause for them;
        * every input column as text, under its own name, except that a
          name taken by the schema gets a ``src_`` prefix; an input column
          that fills the schema column of the same name is that column when
          the schema column is text, and is kept as ``src_<name>`` text when
          it is a date, count or coordinate (so unparsed text survives).

        Point geometries (GeoJSON, GeoPackage, GeoParquet, or a WKT text
        column such as ``WKT``/``geometry`` in a table without coordinate
        columns, read as EPSG:4326) fill latitude and longitude (reprojected
        to EPSG:4326; user-mapped coordinate columns win over geometry), and
        the geometry itself is not returned.
        ``attrs["layout"]`` names the layout used, ``attrs["encoding"]`` the
        text encoding (None for binary formats) and ``attrs["load_report"]``
        holds ``rows_read``, ``flagged`` (rows with any flag), ``flags``
        (count per flag in :data:`LOAD_FLAGS`), ``mapping`` (schema column
        -> input columns used) and how the file was read.  A file with a
        header and no rows gives an empty table with ``rows_read == 0``.

    Raises
    ------
    LoadError
        If the file is missing, empty, of an unknown type or unreadable, if
        ``layout`` is unknown or names a layout whose signature columns are
        absent, or if ``columns`` names an unknown schema column or an input
        column the file lacks.
    """
    path = _as_path(path)
    if layout not in LAYOUTS:
        raise LoadError(f"layout={layout!r} is not known; allowed: {', '.join(LAYOUTS)}")
    _check_schema_keys(columns)
    return load_raw(read_table(path, sheet=sheet), path=path, columns=columns, layout=layout)


def load_raw(
    raw: RawTable,
    *,
    path: Path,
    columns: Mapping[str, str] | None = None,
    layout: str = "auto",
) -> pd.DataFrame:
    """:func:`load` for a table already read by :func:`incidents._load_read.read_table`."""
    if layout not in LAYOUTS:
        raise LoadError(f"layout={layout!r} is not known; allowed: {', '.join(LAYOUTS)}")
    _check_schema_keys(columns)
    headers = list(raw.frame.columns)
    if not columns and raw.info.get("format") in ("delimited", "excel"):
        _check_header_is_names(path, headers)
    used_layout = _layouts.detect(headers) if layout == "auto" else layout
    if missing := _layouts.missing_signature(used_layout, headers):
        raise LoadError(
            f"{path.name}: layout={layout!r} needs columns {', '.join(missing)}, "
            f"which the file lacks; its columns: {', '.join(headers)}"
        )
    user = _user_mapping(path, columns, headers)
    mapping = _layouts.mapping_for(used_layout, headers)
    taken = {h for hs in user.values() for h in hs}
    mapping = {c: [h for h in hs if h not in taken] for c, hs in mapping.items() if c not in user}
    mapping = {**{c: hs for c, hs in mapping.items() if hs}, **user}
    if raw.geometry is None and not {"latitude", "longitude"} & set(mapping):
        raw = _with_wkt_geometry(raw)
        if raw.geometry is None:
            raw = _with_coordinate_pairs(raw)
    table, masks = _build(raw, mapping, used_layout, user_columns=set(user))
    return _finish(table, masks, raw, used_layout, mapping)


#: Headers (normalised) of a text column that may hold WKT geometries.
WKT_HEADERS: tuple[str, ...] = (
    "wkt", "geometry", "geom", "geomwkt", "geometrywkt", "wktgeom", "thegeom", "shape",
)  # fmt: skip


def _with_wkt_geometry(raw: RawTable) -> RawTable:
    """``raw`` with the geometry of its WKT column (``WKT``, ``geometry``...), if it has one.

    A table with no latitude/longitude columns but a column of WKT text (a GIS
    "export as CSV") is placed by that text, read as EPSG:4326 longitude/latitude
    (WKT names no CRS; projected metres fall off the globe and are flagged
    ``bad_coordinates``).  Cells that are not WKT are flagged ``bad_geometry``.
    The column itself stays in the table as text.
    """
    found = _wkt_column(raw)
    if found is None:
        return raw
    header, geometry, present = found
    bad = present & shapely.is_missing(np.asarray(geometry.array, dtype=object))
    out = RawTable(
        frame=raw.frame,
        geometry=geometry,
        extra=raw.extra,
        bad_geometry=pd.Series(bad, index=raw.frame.index) if bad.any() else raw.bad_geometry,
        flags=raw.flags,
        info={**raw.info, "crs": f"EPSG:4326 (assumed: WKT column {header!r} names no CRS)"},
    )
    return out


#: Headers (normalised) of a text column that may hold "latitude, longitude" pairs.
PAIR_HEADERS: tuple[str, ...] = (
    "coordinates", "coordinate", "coords", "latlon", "latlong", "latlng", "latitudelongitude",
    "gps", "gpscoordinates", "geocoordinates",
)  # fmt: skip
_HEMI_NS = re.compile(r"^(.*?[0-9'\"\u2032\u2033\u00b0\s][NS]\.?)\s*,?\s*(.+)$", re.IGNORECASE)
_HEMI_EW_FIRST = re.compile(r"[EW]\.?\s*$", re.IGNORECASE)


def _split_pair(text: str) -> tuple[str, str] | None:
    """``"34.1147, 71.0847"`` -> ``("34.1147", "71.0847")``; None when not two parts.

    Separators, tried in turn: ``;`` (decimal commas: ``34,1; 71,0``), one ``,``,
    the end of a latitude written with N or S (``34°06'53"N 71°05'05"E``), or a
    space between two numbers.  A pair written longitude first with its letters
    (``71.08E 34.11N``) is put back in order.
    """
    body = text.strip().strip("()[]").strip()
    parts: list[str] = []
    if body.count(";") == 1:
        parts = body.split(";")
    elif body.count(",") == 1:
        parts = body.split(",")
    elif m := _HEMI_NS.match(body):
        parts = [m[1], m[2]]
    elif len(body.split()) == 2:
        parts = body.split()
    parts = [p.strip() for p in parts]
    if len(parts) != 2 or not all(parts):
        return None
    first, second = parts
    if _HEMI_EW_FIRST.search(first) and not _HEMI_EW_FIRST.search(second):
        first, second = second, first
    return first, second


def _with_coordinate_pairs(raw: RawTable) -> RawTable:
    """``raw`` placed by its ``Coordinates``-like column of ``lat, lon`` text, if it has one.

    Analysts often keep one column of ``34.1147, 71.0847`` (as a map application
    copies a point) instead of two.  Each cell is read as latitude then longitude
    (:func:`_split_pair`, numbers, DMS or hemisphere letters as in
    :func:`~incidents._load_parse.parse_float`); the column stays in the table as
    text.  A cell present but not a pair is flagged ``bad_coordinates``.
    """
    import geopandas as gpd

    index = _layouts.header_index(raw.columns)
    header = next((index[k] for k in PAIR_HEADERS if k in index), None)
    if header is None:
        return raw
    text = raw.frame[header].astype("string")
    present = text.notna() & (text.str.strip() != "")
    if not present.any():
        return raw
    pairs = {u: _split_pair(u) for u in pd.unique(text[present].to_numpy(dtype=object))}
    first = text.map(lambda t: pairs[t][0] if pairs.get(t) else pd.NA, na_action="ignore")
    second = text.map(lambda t: pairs[t][1] if pairs.get(t) else pd.NA, na_action="ignore")
    lat, _ = parse_float(first.astype("string"))
    lon, _ = parse_float(second.astype("string"))
    ok = (lat.notna() & lon.notna()).to_numpy(dtype=bool)
    if not ok.any():
        return raw  # a column that merely has the name: no pair reads
    geoms = np.full(len(text), None, dtype=object)
    geoms[ok] = shapely.points(lon.to_numpy()[ok], lat.to_numpy()[ok])
    bad = present & ~pd.Series(ok, index=text.index)
    flags = dict(raw.flags)
    if bad.any():
        flags["bad_coordinates"] = bad.to_numpy(dtype=bool)
    return RawTable(
        frame=raw.frame,
        geometry=gpd.GeoSeries(geoms, index=raw.frame.index, crs="EPSG:4326"),
        extra=raw.extra,
        bad_geometry=raw.bad_geometry,
        flags={
            k: pd.Series(np.asarray(v, dtype=bool), index=raw.frame.index) for k, v in flags.items()
        },
        info={**raw.info, "crs": f"EPSG:4326 (column {header!r} read as latitude, longitude)"},
    )


def _check_header_is_names(path: Path, headers: list[str]) -> None:
    """Refuse a table whose header row is a record: a file saved without a header.

    Taking the first record as the header would drop it in silence and leave
    every column unrecognised.  A header row that names no known column and holds
    a number, a date or a coordinate (``Torkham,34.1,71.0``) is such a record.
    """
    from incidents._load_header import KNOWN_HEADERS
    from incidents._load_parse import _is_date

    if any(_layouts.normalise_name(h) in KNOWN_HEADERS for h in headers):
        return
    text = pd.Series(headers, dtype="string")
    numbers, _ = parse_float(text)
    values = [
        h
        for h, is_number in zip(headers, numbers.notna(), strict=True)
        if is_number or _is_date(h.strip())
    ]
    if values:
        shown = ", ".join(repr(v[:30]) for v in values[:3])
        raise LoadError(
            f"{path.name}: the first row looks like data, not a header: it names no known "
            f"column and holds values ({shown}); add a header row naming the columns "
            "(e.g. id,date,location,latitude,longitude)"
        )


def _as_path(path: object) -> Path:
    try:
        return Path(os.fspath(path))  # type: ignore[call-overload]
    except TypeError:
        raise LoadError(f"path must be a str or os.PathLike, got {type(path).__name__}") from None


def _check_schema_keys(columns: object) -> None:
    if columns is None:
        return
    if not isinstance(columns, Mapping):
        raise LoadError(
            f"columns must map schema column -> input column name, got {type(columns).__name__}"
        )
    unknown = [f"{k!r} (-> {v!r})" for k, v in columns.items() if k not in CORE]
    if unknown:
        raise LoadError(
            f"columns names unknown schema column(s) {', '.join(unknown)}; "
            f"valid schema columns: {', '.join(CORE)}"
        )


def _user_mapping(
    path: Path, columns: Mapping[str, str] | None, headers: list[str]
) -> dict[str, list[str]]:
    """Validate ``columns`` against the file's headers; exact names first, then loose ones."""
    if not columns:
        return {}
    index = _layouts.header_index(headers)
    out: dict[str, list[str]] = {}
    missing = []
    for schema_col, input_col in columns.items():
        if isinstance(input_col, str) and input_col in headers:
            out[schema_col] = [input_col]
        elif isinstance(input_col, str) and _layouts.normalise_name(input_col) in index:
            out[schema_col] = [index[_layouts.normalise_name(input_col)]]
        else:
            missing.append(f"{input_col!r} (for {schema_col!r})")
    if missing:
        raise LoadError(
            f"{path.name}: columns names input column(s) {', '.join(missing)} "
            f"that the file lacks; its columns: {', '.join(headers)}"
        )
    return out


def _coalesce(frame: pd.DataFrame, names: list[str] | None) -> pd.Series:
    """First non-missing cell among ``names``, stripped; all-missing when unmapped."""
    if not names:
        return pd.Series(pd.NA, index=frame.index, dtype="string")
    out = frame[names[0]]
    for name in names[1:]:
        out = out.fillna(frame[name])
    out = out.astype("string").str.strip()
    return out.mask(out == "")


def _build(
    raw: RawTable, mapping: dict[str, list[str]], layout: str, *, user_columns: set[str]
) -> tuple[dict[str, pd.Series], dict[str, pd.Series]]:
    """Schema and derived columns, plus one boolean mask per flag."""
    frame = raw.frame
    index = frame.index
    false = pd.Series(False, index=index)
    masks: dict[str, pd.Series] = {flag: false for flag in LOAD_FLAGS}
    out: dict[str, pd.Series] = {c: _coalesce(frame, mapping.get(c)) for c in _TEXT_COLUMNS}

    source_row = pd.Series(np.arange(len(frame)), index=index, dtype="Int64")
    ids = out["incident_id"]
    masks["generated_id"] = ids.isna()
    ids = ids.fillna("row-" + source_row.astype("string"))
    masks["duplicate_incident_id"] = ids.duplicated(keep=False)
    out["incident_id"] = ids

    if layout == "ucdp" and "event_type" not in user_columns:
        codes, unparsed = parse_counts(_coalesce(frame, _find(frame, "type_of_violence")))
        out["event_type"] = codes.map(UCDP_EVENT_TYPES, na_action="ignore").astype("string")
        unknown = codes.notna() & ~codes.isin(list(UCDP_EVENT_TYPES))
        masks["bad_event_code"] = unparsed | unknown.fillna(False).astype(bool)

    start_text, range_end = split_date_ranges(_coalesce(frame, mapping.get("date")))
    end_text = _coalesce(frame, mapping.get("date_end")).fillna(range_end)
    start, bad_start, ambiguous_start = parse_dates(start_text)
    end, bad_end, ambiguous_end = parse_dates(end_text)
    masks["bad_date"] = bad_start | bad_end
    masks["ambiguous_date"] = ambiguous_start | ambiguous_end
    masks["date_end_before_date"] = (end < start).fillna(False).astype(bool)
    start, end = _date_precision_range(frame, start, end, explicit_end=end_text.notna())
    out["date"], out["date_end"] = start, end.mask(end == start)

    out["fatalities"], masks["bad_fatalities"] = parse_counts(
        _coalesce(frame, mapping.get("fatalities"))
    )

    lat, lon, masks["bad_coordinates"] = _coordinates(frame, mapping)
    conflict: tuple[pd.Series, pd.Series] | None = None
    if raw.geometry is not None:
        glat, glon, non_point, wkt, off_globe = _geometry_points(raw.geometry)
        # user-mapped columns win (the geometry fills their gaps); else the geometry does
        columns_win = bool({"latitude", "longitude"} & user_columns)
        fill = (lat.isna() & lon.isna()) if columns_win else (glat.notna() & glon.notna())
        conflict = _coords_conflict(lat, lon, glat, glon, "the geometry", columns_win)
        lat, lon = lat.mask(fill, glat), lon.mask(fill, glon)
        masks["non_point_geometry"] = non_point
        masks["bad_coordinates"] = masks["bad_coordinates"] | (off_globe & lat.isna())
        geoms = np.asarray(raw.geometry.array, dtype=object)
        missing = shapely.is_missing(geoms)
        empty = ~missing & shapely.is_empty(geoms)
        masks["empty_geometry"] = pd.Series(empty, index=index)
        no_geometry = pd.Series(missing | empty, index=index)
        masks["geometry_from_coordinates"] = no_geometry & ~fill & lat.notna() & lon.notna()
        if non_point.any():
            out["src_geometry_wkt"] = wkt
    elif {"latitude", "longitude"} <= set(mapping) and (wkt_geom := _wkt_column(raw)):
        header, geometry, _ = wkt_geom  # cells that are not WKT: the coordinates place the row
        wlat, wlon, *_ = _geometry_points(geometry)
        conflict = _coords_conflict(lat, lon, wlat, wlon, f"{header} (WKT)", True)
        # no coordinates at all (none unreadable): the row's own WKT point places it
        fill = lat.isna() & lon.isna() & ~masks["bad_coordinates"] & wlat.notna() & wlon.notna()
        lat, lon = lat.mask(fill, wlat), lon.mask(fill, wlon)
    if conflict is not None and conflict[0].any():
        masks["coords_geometry_mismatch"], out["coords_conflict"] = conflict
    if raw.bad_geometry is not None:
        masks["bad_geometry"] = raw.bad_geometry.set_axis(index)
    out["latitude"], out["longitude"] = lat, lon
    masks["missing_location_and_coordinates"] = out["location"].isna() & (lat.isna() | lon.isna())

    if raw.extra is not None:
        masks["extra_fields"] = raw.extra.notna().set_axis(index)
        out["src_extra_fields"] = raw.extra.set_axis(index)
    for flag, mask in raw.flags.items():
        if flag in masks:
            masks[flag] = masks[flag] | mask.set_axis(index)

    out.update(_precision(frame))
    out["source_row"] = source_row
    return out, {k: v.fillna(False).astype(bool) for k, v in masks.items()}


def _wkt_column(raw: RawTable) -> tuple[str, gpd.GeoSeries, np.ndarray] | None:
    """The header, parsed geometries (EPSG:4326) and non-blank cells of ``raw``'s WKT text
    column (``WKT``, ``geometry``, UCDP ``geom_wkt``...); None when it has no such column
    or no cell of it is WKT (a column that merely has the name).

    Cells that are not WKT give no geometry.
    """
    import geopandas as gpd

    index = _layouts.header_index(raw.columns)
    header = next((index[k] for k in WKT_HEADERS if k in index), None)
    if header is None:
        return None
    text = raw.frame[header].astype("string").str.strip()
    present = text.notna() & (text != "")
    if not present.any():
        return None
    cells = text.where(present).to_numpy(dtype=object, na_value=None)
    geoms = shapely.from_wkt(cells, on_invalid="ignore")
    if shapely.is_missing(geoms).all():
        return None
    geometry = gpd.GeoSeries(geoms, index=raw.frame.index, crs="EPSG:4326")
    return header, geometry, present.to_numpy(dtype=bool)


def _coords_conflict(
    lat: pd.Series,
    lon: pd.Series,
    glat: pd.Series,
    glon: pd.Series,
    geometry: str,
    columns_win: bool,
) -> tuple[pd.Series, pd.Series]:
    """Rows whose coordinate columns and geometry point disagree, and a note saying which
    was used (``latitude/longitude used (34.11472, 71.08472); geom_wkt (WKT) gives ...``)."""
    both = lat.notna() & lon.notna() & glat.notna() & glon.notna()
    tol = COORDS_GEOMETRY_TOLERANCE_DEG + 1e-9  # a float's last bit is no disagreement
    far = ((lat - glat).abs() > tol) | ((lon - glon).abs() > tol)
    mask = (both & far).fillna(False).astype(bool)
    note = pd.Series(pd.NA, index=lat.index, dtype="string")
    if mask.any():
        rows = np.flatnonzero(mask.to_numpy())
        pairs = zip(lat.iloc[rows], lon.iloc[rows], glat.iloc[rows], glon.iloc[rows], strict=True)
        text = []
        for a, b, ga, gb in pairs:
            c, g = f"({a:.5f}, {b:.5f})", f"({ga:.5f}, {gb:.5f})"
            text.append(
                f"latitude/longitude used {c}; {geometry} gives {g}"
                if columns_win
                else f"{geometry} used {g}; latitude/longitude give {c}"
            )
        note.iloc[rows] = text
    return mask, note


def _find(frame: pd.DataFrame, name: str) -> list[str]:
    """The header of ``frame`` that matches ``name`` loosely, as a list (empty if none)."""
    hit = _layouts.header_index(frame.columns).get(_layouts.normalise_name(name))
    return [hit] if hit is not None else []


def _coordinates(
    frame: pd.DataFrame, mapping: dict[str, list[str]]
) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Latitude, longitude and the mask of rows whose coordinates are unusable."""
    lat, bad_lat = parse_float(_coalesce(frame, mapping.get("latitude")))
    lon, bad_lon = parse_float(_coalesce(frame, mapping.get("longitude")))
    out_of_range = (lat.abs() > 90) | (lon.abs() > 180)
    unpaired = lat.isna() != lon.isna()
    null_island = (lat == 0) & (lon == 0)
    bad = bad_lat | bad_lon | out_of_range | unpaired | null_island
    return lat.mask(bad), lon.mask(bad), bad


def _geometry_points(
    geometry: pd.Series,
) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series, pd.Series]:
    """Latitude, longitude (representative point), non-point mask, WKT of non-points, and
    the mask of geometries whose point is off the globe (e.g. ``[500, 34]``)."""
    index = geometry.index
    geoms = np.asarray(geometry.array, dtype=object)
    present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    is_point = shapely.get_type_id(geoms) == shapely.GeometryType.POINT
    non_point = present & ~is_point
    points = geoms.copy()
    if non_point.any():
        points[non_point] = representative_points(geoms[non_point])
    x = np.full(len(points), np.nan)
    y = np.full(len(points), np.nan)
    if present.any():
        x[present], y[present] = shapely.get_x(points[present]), shapely.get_y(points[present])
    in_range = (np.abs(y) <= 90) & (np.abs(x) <= 180)
    lat = pd.Series(np.where(present & in_range, y, np.nan), index=index, dtype="float64")
    lon = pd.Series(np.where(present & in_range, x, np.nan), index=index, dtype="float64")
    wkt = pd.Series(pd.NA, index=index, dtype="string")
    if non_point.any():
        wkt[non_point] = shapely.to_wkt(geoms[non_point])
    off_globe = pd.Series(present & ~in_range, index=index)
    return lat, lon, pd.Series(non_point, index=index), wkt, off_globe


def _date_precision_range(
    frame: pd.DataFrame, start: pd.Series, end: pd.Series, *, explicit_end: pd.Series
) -> tuple[pd.Series, pd.Series]:
    """Widen a date to the range its precision code allows, when no end date is given.

    ACLED ``time_precision`` (the coded date lies inside the unit): 2 a week ->
    the coded day +-3 days; 3 a month -> the calendar month of the coded day.
    UCDP ``date_prec`` (``date_start`` is the earliest day): 2 a few days and
    3 a week -> ``date_start`` + 6 days; 4 a month -> to the end of its month;
    5 a year -> to the end of its year.  1 (exact day) and unknown codes change nothing.
    """
    day = pd.Timedelta(days=1)
    open_end = ~explicit_end.fillna(False).astype(bool) & start.notna()
    if acled := _find(frame, "time_precision"):
        codes, _ = parse_counts(_coalesce(frame, acled))
        week = open_end & (codes == 2).fillna(False).astype(bool)
        month = open_end & (codes == 3).fillna(False).astype(bool)
        month_start = start.dt.to_period("M").dt.start_time.astype(start.dtype)
        month_end = start.dt.to_period("M").dt.end_time.dt.normalize().astype(start.dtype)
        new_start = start.mask(week, start - 3 * day).mask(month, month_start)
        end = end.mask(week, start + 3 * day).mask(month, month_end)
        start = new_start
    if ucdp := _find(frame, "date_prec"):
        codes, _ = parse_counts(_coalesce(frame, ucdp))
        codes = codes.where(open_end)
        days = ((codes == 2) | (codes == 3)).fillna(False).astype(bool)
        month = (codes == 4).fillna(False).astype(bool)
        year = (codes == 5).fillna(False).astype(bool)
        month_end = start.dt.to_period("M").dt.end_time.dt.normalize().astype(start.dtype)
        year_end = start.dt.to_period("Y").dt.end_time.dt.normalize().astype(start.dtype)
        end = end.mask(days, start + 6 * day).mask(month, month_end).mask(year, year_end)
    return start, end


def _precision(frame: pd.DataFrame) -> dict[str, pd.Series]:
    """``input_geo_precision`` / ``input_where_prec`` from ACLED or UCDP precision codes."""
    out: dict[str, pd.Series] = {}
    if where := _find(frame, "where_prec"):
        codes, _ = parse_counts(_coalesce(frame, where))
        out["input_where_prec"] = codes.where(codes.between(1, 7))
        acled = codes.map(UCDP_TO_ACLED_PRECISION, na_action="ignore")
        out["input_geo_precision"] = acled.astype("Int64")
    if geo := _find(frame, "geo_precision"):
        codes, _ = parse_counts(_coalesce(frame, geo))
        out["input_geo_precision"] = codes.where(codes.between(1, 3))
    return out


def _original_name(header: str, mapping: dict[str, list[str]], taken: set[str]) -> str | None:
    """Output name of an input column named like a schema column; None when it *is* that column."""
    if CORE.get(header) == "string" and mapping.get(header) == [header]:
        return None
    name = f"src_{header}"
    while name in _RESERVED or name in taken:
        name = f"src_{name}"
    return name


def _finish(
    out: dict[str, pd.Series],
    masks: dict[str, pd.Series],
    raw: RawTable,
    layout: str,
    mapping: dict[str, list[str]],
) -> pd.DataFrame:
    index = raw.frame.index
    flags = pd.Series("", index=index, dtype="string")
    for flag in LOAD_FLAGS:
        mask = masks[flag]
        flags = flags.mask(mask, flags.where(flags == "", flags + ";") + flag)
    out["review_flags"] = flags

    table = pd.DataFrame({c: out.get(c) for c in (*CORE, *ACCOUNTING)}, index=index)
    table = coerce(table, {**CORE, **ACCOUNTING})
    derived = {c: out[c].astype(DERIVED[c]) for c in DERIVED if c in out}
    # Input names that need no prefix are claimed first, so a renamed column
    # never takes the name of another input column.
    headers = list(raw.frame.columns)
    taken = set(table.columns) | set(derived) | {h for h in headers if h not in _RESERVED}
    positions: list[int] = []
    names: list[str] = []
    for j, header in enumerate(headers):
        name = header if header not in _RESERVED else _original_name(header, mapping, taken)
        if name is not None:
            positions.append(j)
            names.append(name)
            taken.add(name)
    # one positional selection: a frame of Series, one per input column, would be
    # aligned column by column (seconds for a table 2,000 columns wide)
    originals = raw.frame.iloc[:, positions].set_axis(names, axis=1)
    table = pd.concat([table, pd.DataFrame(derived, index=index), originals], axis=1)

    counts = {flag: int(masks[flag].sum()) for flag in LOAD_FLAGS}
    report: dict[str, Any] = {
        "rows_read": len(table),
        "flagged": int((flags != "").sum()),
        "flags": counts,
        "mapping": {c: list(hs) for c, hs in mapping.items()},
        **raw.info,
    }
    table.attrs["layout"] = layout
    table.attrs["encoding"] = raw.info.get("encoding")
    table.attrs["load_report"] = report
    return table
