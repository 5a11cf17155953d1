"""Input layouts: which input column feeds which schema column.

A layout maps each :data:`incidents.schema.CORE` column to the input columns
that feed it, in order of preference (the first non-empty cell wins, so
``("where_coordinates", "where_description")`` means "fall back to the
description where the coordinates name is empty").  Header names are compared
after :func:`normalise_name`, so ``Event Date``, ``event_date`` and
``EVENT-DATE`` are the same column.

``acled``
    The ACLED export (``event_id_cnty``, ``event_date``, ... ``timestamp``).
    ``geo_precision`` (ACLED 1-3) is also read into ``input_geo_precision``.
``ucdp``
    The UCDP Georeferenced Event Dataset (GED) (``id``, ``relid``, ...
    ``gwnob``).  ``type_of_violence`` becomes ``event_type`` through
    :data:`UCDP_EVENT_TYPES`; ``where_prec`` (1-7) is read into
    ``input_where_prec`` and translated to the ACLED scale in
    ``input_geo_precision`` through :data:`UCDP_TO_ACLED_PRECISION`.
``generic``
    Any other table: each schema column takes the first header found among its
    synonyms in :data:`SYNONYMS`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

#: Accepted values of ``load(layout=...)``.
LAYOUTS: tuple[str, ...] = ("auto", "acled", "ucdp", "generic")

ACLED: dict[str, tuple[str, ...]] = {
    "incident_id": ("event_id_cnty",),
    "date": ("event_date",),
    "event_type": ("event_type",),
    "sub_event_type": ("sub_event_type",),
    "actor1": ("actor1",),
    "actor2": ("actor2",),
    "fatalities": ("fatalities",),
    "location": ("location",),
    "admin1": ("admin1",),
    "admin2": ("admin2",),
    "country": ("country",),
    "latitude": ("latitude",),
    "longitude": ("longitude",),
    "source": ("source",),
    "notes": ("notes",),
}

UCDP: dict[str, tuple[str, ...]] = {
    "incident_id": ("id",),
    "date": ("date_start",),
    "date_end": ("date_end",),
    "actor1": ("side_a",),
    "actor2": ("side_b",),
    "fatalities": ("best",),
    "location": ("where_coordinates", "where_description"),
    "admin1": ("adm_1",),
    "admin2": ("adm_2",),
    "country": ("country",),
    "latitude": ("latitude",),
    "longitude": ("longitude",),
    "source": ("source_article", "source_office"),
    "notes": ("source_headline",),
}

#: Columns whose presence identifies a layout (and that ``layout=`` requires).
SIGNATURES: dict[str, tuple[str, ...]] = {
    "acled": ("event_id_cnty", "event_date", "event_type"),
    "ucdp": ("id", "date_start", "type_of_violence"),
}

#: UCDP ``type_of_violence`` code -> ACLED event type.
UCDP_EVENT_TYPES: dict[int, str] = {
    1: "Battles",  # state-based armed conflict
    2: "Battles",  # non-state conflict
    3: "Violence against civilians",  # one-sided violence
}

#: UCDP ``where_prec`` -> ACLED ``geo_precision``.  1 exact place -> 1;
#: 2 within ~25 km of a named place and 3 district (2nd-order unit) -> 2;
#: 4 province (1st-order unit), 5 a larger, vaguer area, 6 country only and
#: 7 international waters or airspace -> 3 ("a province or coarser").  Left
#: missing, 6 and 7 would let their coordinates (a country's centre) pass as
#: an exact place.
UCDP_TO_ACLED_PRECISION: dict[int, int | None] = {1: 1, 2: 2, 3: 2, 4: 3, 5: 3, 6: 3, 7: 3}

#: Generic layout: schema column -> header synonyms, most specific first.
#: ``region`` (a world region in ACLED/UCDP), ``iso`` (a numeric code) and
#: ``casualties`` (killed *and* injured) are deliberately absent.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "incident_id": (
        "incident_id", "event_id", "event_id_cnty", "id", "incident_no",
        "incident_number", "record_id", "uid", "ref", "reference",
    ),
    "date": (
        "date", "event_date", "date_start", "start_date", "incident_date",
        "date_of_event", "datetime", "day", "when",
    ),
    "date_end": ("date_end", "end_date", "date_to", "to_date"),
    "event_type": ("event_type", "type", "event_kind", "kind", "incident_type", "category"),
    "sub_event_type": ("sub_event_type", "subtype", "sub_type", "subcategory"),
    "actor1": ("actor1", "actor_1", "side_a", "perpetrator", "attacker", "actor"),
    "actor2": ("actor2", "actor_2", "side_b", "target", "victim"),
    "fatalities": (
        "fatalities", "killed", "deaths", "dead", "death_toll", "fatality",
        "num_killed", "number_killed", "best",
    ),
    "location": (
        "location", "place", "place_name", "location_name", "town", "village",
        "city", "locality", "site", "where",
    ),
    "admin1": ("admin1", "adm_1", "province", "state", "province_name"),
    "admin2": ("admin2", "adm_2", "district", "district_name"),
    "country": ("country", "country_name", "nation"),
    "latitude": ("latitude", "lat", "lat_dd", "y"),
    "longitude": ("longitude", "lon", "lng", "long", "lon_dd", "x"),
    "source": ("source", "sources", "source_name", "source_article", "citation", "url", "link"),
    "notes": (
        "notes", "note", "description", "desc", "summary", "details", "narrative",
        "comments", "comment", "remarks", "text",
    ),
}  # fmt: skip


def normalise_name(name: str) -> str:
    """Header key: case-folded with spaces, punctuation and underscores removed."""
    return re.sub(r"[\W_]+", "", str(name).casefold())


def header_index(headers: Iterable[str]) -> dict[str, str]:
    """Map normalised header -> actual header (the first one wins on clashes)."""
    index: dict[str, str] = {}
    for h in headers:
        index.setdefault(normalise_name(h), h)
    return index


def detect(headers: Iterable[str]) -> str:
    """Name the layout of a table from its headers: ``acled``, ``ucdp`` or ``generic``."""
    keys = set(header_index(headers))
    for layout, signature in SIGNATURES.items():
        if {normalise_name(c) for c in signature} <= keys:
            return layout
    return "generic"


def missing_signature(layout: str, headers: Iterable[str]) -> list[str]:
    """Signature columns of ``layout`` that ``headers`` lack (empty when none)."""
    keys = set(header_index(headers))
    return [c for c in SIGNATURES.get(layout, ()) if normalise_name(c) not in keys]


def resolve(
    spec: Mapping[str, tuple[str, ...]], headers: Iterable[str], *, first_only: bool = False
) -> dict[str, list[str]]:
    """Resolve a layout ``spec`` against actual ``headers``.

    Parameters
    ----------
    spec
        Schema column -> candidate header names.
    headers
        Headers of the input table.
    first_only
        Keep only the first candidate found (synonyms), and use each header
        for one schema column only; otherwise keep every candidate found, in
        order, as fallbacks.

    Returns
    -------
    dict
        Schema column -> actual headers (columns with no match are left out).
    """
    index = header_index(headers)
    used: set[str] = set()
    out: dict[str, list[str]] = {}
    for column, candidates in spec.items():
        found = [index[k] for k in map(normalise_name, candidates) if k in index]
        if first_only:
            found = [h for h in found if h not in used][:1]
            used.update(found)
        if found:
            out[column] = found
    return out


def mapping_for(layout: str, headers: Iterable[str]) -> dict[str, list[str]]:
    """Schema column -> input headers (in fallback order) for ``layout``."""
    headers = list(headers)
    if layout == "acled":
        return resolve(ACLED, headers)
    if layout == "ucdp":
        return resolve(UCDP, headers)
    return resolve(SYNONYMS, headers, first_only=True)
