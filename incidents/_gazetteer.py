"""The in-memory gazetteer index behind :class:`incidents.geocode.Geocoder`.

Loads ``incidents/data/gazetteer.parquet`` (built by
:mod:`incidents.data.derive_gazetteer`)
into flat numpy arrays plus two hash maps, name key -> place rows and skeleton
key -> place rows.  No per-string work happens at load time.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from incidents._names import NORM_VERSION, norm, skeleton
from incidents.errors import GeocodeError

#: Kinds, grouped by what the geocoder does with them.
PLACE_KINDS = frozenset({"locality", "neighbourhood", "campus", "localadmin", "foreign"})
ADMIN_KINDS = ("tehsil", "county", "region", "country")
#: Areas and natural features (the curated frontier features table): returned with
#: their point and a radius covering their extent.
FEATURE_KINDS = frozenset(
    {
        "valley",
        "pass",
        "mountain",
        "range",
        "tribal_area",
        "border_post",
        "market",
        "crossing_point",
        "area",
        "river",
        "plain",
        "gas_field",
        "camp",
        "other_feature",
    }
)

#: Venues abroad that reports of this conflict name (talks, statements).  Coordinates
#: are the city centres given by the English Wikipedia infoboxes ("Doha":
#: 25°17′12″N 51°32′0″E; "Istanbul": 41°00′49″N 28°57′18″E; "Tehran": 35°41′21″N
#: 51°23′20″E; "Riyadh": 24°38′N 46°43′E), rounded as in the brief.
FOREIGN_PLACES: tuple[tuple[str, tuple[str, ...], float, float, float], ...] = (
    # name, other names, lat, lon, radius km
    ("Doha", ("ad dawhah", "al dawha", "الدوحة"), 25.2854, 51.5310, 10.0),
    ("Istanbul", ("stamboul", "constantinople", "istanbul"), 41.0082, 28.9784, 20.0),
    ("Tehran", ("teheran", "تهران"), 35.6892, 51.3890, 15.0),
    ("Riyadh", ("ar riyad", "الرياض"), 24.6333, 46.7167, 15.0),
)

_COLUMNS = [
    "name",
    "keys",
    "skels",
    "lat",
    "lon",
    "kind",
    "feature_code",
    "country",
    "admin1",
    "admin2",
    "population",
    "geonameid",
    "radius_km",
    "dist_frontier_km",
    "source",
]
_OPTIONAL = ["radius95_km"]
_FCODE_RANK = {
    "PPLC": 6.0,
    "PPLA": 5.0,
    "PPLA2": 4.0,
    "PPLA3": 3.0,
    "PPLA4": 2.5,
    "PASS": 2.0,
    "BCP": 6.0,
    "PPL": 1.0,
    "PPLX": 0.8,
    "PPLL": 0.8,
    "PPLF": 0.8,
    "PPLS": 0.8,
    "PPLR": 0.8,
    "PPLQ": 0.2,  # abandoned
    "PPLW": 0.2,  # destroyed
    "PPLH": 0.1,  # historical
}


def _dict_values(col: pa.ChunkedArray) -> np.ndarray:
    """A low-cardinality string column as an object array with None for nulls
    (decoded through its dictionary: one Python string per distinct value)."""
    arr = col.combine_chunks()
    if not pa.types.is_dictionary(arr.type):
        arr = pc.dictionary_encode(arr)
    values = np.asarray(arr.dictionary.to_pylist() + [None], dtype=object)
    idx = arr.indices.fill_null(len(arr.dictionary)).to_numpy()
    return values[idx]


def _kind_mask(col: pa.ChunkedArray, kinds: frozenset[str]) -> np.ndarray:
    """Rows whose low-cardinality string value is in ``kinds`` (decided once per
    distinct value, not per row)."""
    arr = col.combine_chunks()
    if not pa.types.is_dictionary(arr.type):
        arr = pc.dictionary_encode(arr)
    hit = np.array([v in kinds for v in arr.dictionary.to_pylist()] + [False])
    return hit[arr.indices.fill_null(len(arr.dictionary)).to_numpy()]


@dataclass(frozen=True)
class _KeyIndex:
    """key -> rows, as a dict of key -> slot and a CSR layout of row ids."""

    slot: dict[str, int]
    bounds: np.ndarray
    rows: np.ndarray

    @classmethod
    def build(cls, lists: pa.ChunkedArray) -> _KeyIndex:
        arr = lists.combine_chunks()
        parent = pc.list_parent_indices(arr).to_numpy()
        enc = pc.dictionary_encode(pc.list_flatten(arr))
        codes = enc.indices.to_numpy()
        uniques = enc.dictionary.to_pylist()
        order = np.argsort(codes, kind="stable")
        bounds = np.searchsorted(codes[order], np.arange(len(uniques) + 1))
        slot = dict(zip(uniques, range(len(uniques)), strict=True))
        return cls(slot, bounds, parent[order].astype(np.int64))

    def get(self, key: str) -> np.ndarray:
        i = self.slot.get(key)
        if i is None:
            return np.empty(0, dtype=np.int64)
        return self.rows[self.bounds[i] : self.bounds[i + 1]]


def shipped_path() -> Traversable:
    """The shipped gazetteer file (``incidents/data/gazetteer.parquet``)."""
    return resources.files("incidents.data").joinpath("gazetteer.parquet")


class Gazetteer:
    """Column arrays of every place plus the name and skeleton indexes."""

    def __init__(self, table: pa.Table, *, add_foreign: bool = True) -> None:
        meta = table.schema.metadata or {}
        version = meta.get(b"norm_version", b"?").decode()
        if version != str(NORM_VERSION):
            raise GeocodeError(
                f"gazetteer was built with name normalisation v{version}, the code is "
                f"v{NORM_VERSION}; rebuild it with python -m incidents.data.derive_gazetteer"
            )
        if add_foreign:
            table = _with_foreign(table)
        self._table = table
        self.n = table.num_rows
        self.name = np.asarray(
            table["name"].combine_chunks().to_numpy(zero_copy_only=False), dtype=object
        )
        self.lat = table["lat"].to_numpy().astype(np.float64)
        self.lon = table["lon"].to_numpy().astype(np.float64)
        self.kind = _dict_values(table["kind"])
        self.fcode = _dict_values(table["feature_code"])
        self.country = _dict_values(table["country"])
        self.admin1 = _dict_values(table["admin1"])
        self.admin2 = _dict_values(table["admin2"])
        pop = table["population"].to_numpy(zero_copy_only=False)
        self.population = np.nan_to_num(np.asarray(pop, dtype=np.float64), nan=0.0)
        self.radius_km = np.asarray(
            table["radius_km"].to_numpy(zero_copy_only=False), dtype=np.float64
        )
        self.dist_frontier_km = np.asarray(
            table["dist_frontier_km"].to_numpy(zero_copy_only=False), dtype=np.float64
        )
        self.source = _dict_values(table["source"])
        if "radius95_km" in table.column_names:
            r95 = np.asarray(table["radius95_km"].to_numpy(zero_copy_only=False), dtype=np.float64)
            self.radius95_km = np.where(np.isfinite(r95), r95, self.radius_km)
        else:
            self.radius95_km = self.radius_km.copy()
        src = pc.dictionary_encode(table["source"].combine_chunks())
        src_idx = src.indices.fill_null(len(src.dictionary)).to_numpy()
        shipped_src = [str(v).startswith("geo.data") for v in src.dictionary.to_pylist()]
        self.shipped = np.array([*shipped_src, False])[src_idx]
        self.is_admin = _kind_mask(table["kind"], frozenset(ADMIN_KINDS))
        self.is_feature = _kind_mask(table["kind"], FEATURE_KINDS)
        self.admin_rows = np.flatnonzero(self.is_admin)
        keys = table["keys"].combine_chunks()
        self.key_offsets = keys.offsets.to_numpy()
        self.keys_flat = pc.list_flatten(keys)
        self.by_key = _KeyIndex.build(table["keys"])
        self._skels = table["skels"]
        fc = pc.dictionary_encode(table["feature_code"].combine_chunks())
        fc_rank = np.array([_FCODE_RANK.get(v, 1.0) for v in fc.dictionary.to_pylist()] + [1.0])
        idx = fc.indices.fill_null(len(fc.dictionary)).to_numpy()
        rank = fc_rank[idx]
        self.importance = rank + 0.3 * np.log10(self.population + 1.0)
        self.is_place = _kind_mask(table["kind"], PLACE_KINDS)
        # cities500 entries are towns big enough to be reported under their own name
        town_src = np.array(["geonames" in v for v in src.dictionary.to_pylist()] + [False])
        self.is_town = town_src[src_idx]

    @functools.cached_property
    def by_skel(self) -> _KeyIndex:
        """Skeleton index, built on the first spelling-tolerant lookup (~0.1-0.2 s):
        exact-name work never pays for it."""
        return _KeyIndex.build(self._skels)

    @classmethod
    def load(cls, path: str | None = None) -> Gazetteer:
        """Read the shipped gazetteer (or the parquet file at ``path``)."""
        path = path or str(shipped_path())
        try:
            names = pq.read_schema(path).names
            table = pq.read_table(path, columns=_COLUMNS + [c for c in _OPTIONAL if c in names])
        except (OSError, pa.ArrowInvalid) as exc:
            raise GeocodeError(f"cannot read gazetteer {path!r}: {exc}") from exc
        return cls(table)

    def subset(self, mask: np.ndarray) -> Gazetteer:
        """A gazetteer of the rows where ``mask`` is true (holdout evaluation)."""
        return Gazetteer(
            self._table.filter(pa.array(np.asarray(mask, dtype=bool))), add_foreign=False
        )

    def skels_of(self, row: int) -> list[str]:
        """Skeleton keys of one row."""
        return self._skels[row].as_py() or []

    def keys_of(self, row: int) -> list[str]:
        a, b = self.key_offsets[row], self.key_offsets[row + 1]
        return self.keys_flat.slice(a, b - a).to_pylist()

    def rows_of_kind(self, kind: str) -> np.ndarray:
        return np.flatnonzero(self.kind == kind)


def _with_foreign(table: pa.Table) -> pa.Table:
    """Append :data:`FOREIGN_PLACES` rows (kind ``foreign``, country ``other``)."""
    rows = []
    for name, others, lat, lon, radius in FOREIGN_PLACES:
        keys = sorted({k for k in (norm(n) for n in (name, *others)) if k})
        rows.append(
            {
                "name": name,
                "keys": keys,
                "skels": sorted({s for s in map(skeleton, keys) if s}),
                "lat": lat,
                "lon": lon,
                "kind": "foreign",
                "feature_code": "PPLC",
                "country": "other",
                "admin1": None,
                "admin2": None,
                "population": None,
                "geonameid": None,
                "radius_km": radius,
                "dist_frontier_km": None,
                "radius95_km": radius,
                "source": "built-in (Wikipedia city coordinates)",
            }
        )
    extra = pa.Table.from_pylist(rows).select(table.column_names)
    cols = {}
    for f in table.schema:
        col = table[f.name]
        typ = f.type.value_type if pa.types.is_dictionary(f.type) else f.type
        if pa.types.is_dictionary(f.type):
            col = col.cast(typ)
        cols[f.name] = pa.chunked_array([*col.chunks, extra[f.name].cast(typ).combine_chunks()])
    return pa.table(cols).replace_schema_metadata(table.schema.metadata)


def haversine_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in km (numpy-broadcasting)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dlat, dlon = p2 - p1, np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin(dlat / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlon / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
