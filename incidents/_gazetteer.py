"""The in-memory gazetteer index behind :class:`incidents.geocode.Geocoder`.

Loads ``incidents/data/gazetteer.parquet`` (built by
:mod:`incidents.data.derive_gazetteer`, which stores every name already
normalised: the ``keys`` and ``skels`` lists) into flat numpy arrays and two
indexes, name key -> place rows and skeleton key -> place rows.

The name index (:class:`_HashIndex`) is built at load without a Python object
per key: the keys' UTF-8 bytes are hashed by numpy (one vectorised step per
byte position) and sorted; a lookup is one hash, a bisect and a bytes
comparison.  The skeleton index, a dict, is built on the first
spelling-tolerant lookup.  Cold load of the shipped file: ~0.3 s CPU.
"""

from __future__ import annotations

import array
import bisect
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from geo.sphere import great_circle_km
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
    # name, other names, lat, lon, radius km.  Places abroad that news of this frontier
    # names as venues, capitals, datelines or origins: without them a foreign name
    # matches a village spelled alike ("Ankara" -> "Akara", "Kurdistan" -> an alternate
    # name of a Punjabi village).  Coordinates: each place's Wikipedia article
    # (infobox); a country or region is its article's coordinate, its radius the
    # rough half-width of its territory.
    ("Doha", ("ad dawhah", "al dawha", "الدوحة"), 25.2854, 51.5310, 10.0),
    ("Istanbul", ("stamboul", "constantinople", "istanbul"), 41.0082, 28.9784, 20.0),
    ("Tehran", ("teheran", "تهران"), 35.6892, 51.3890, 15.0),
    ("Riyadh", ("ar riyad", "الرياض"), 24.6333, 46.7167, 15.0),
    ("Ankara", (), 39.9333, 32.8667, 25.0),
    ("Moscow", ("moskva",), 55.7558, 37.6173, 30.0),
    ("Beijing", ("peking",), 39.9067, 116.3975, 40.0),
    # (Wikimapia record 407319: 43°49′18″N 87°32′13″E; host of the April 2026 talks)
    ("Urumqi", ("urumchi", "wulumuqi", "ürümqi"), 43.8217, 87.5369, 20.0),
    ("Tashkent", ("toshkent",), 41.3111, 69.2797, 20.0),
    ("Dushanbe", (), 38.5367, 68.7800, 15.0),
    ("Ashgabat", ("ashkhabad",), 37.9500, 58.3833, 15.0),
    ("Termez", ("termiz",), 37.2242, 67.2783, 10.0),
    ("Zahedan", (), 29.4963, 60.8629, 15.0),
    ("New Delhi", ("delhi",), 28.6139, 77.2089, 25.0),
    ("Dubai", ("dubayy",), 25.2631, 55.2972, 30.0),
    ("Abu Dhabi", (), 24.4667, 54.3667, 25.0),
    ("Jeddah", ("jiddah", "jedda"), 21.5433, 39.1728, 20.0),
    ("Muscat", (), 23.5889, 58.4083, 20.0),
    ("Baghdad", (), 33.3150, 44.3661, 20.0),
    ("Erbil", ("arbil", "hawler"), 36.1911, 44.0092, 15.0),
    ("Oslo", (), 59.9133, 10.7389, 15.0),
    ("Geneva", ("geneve",), 46.2000, 6.1500, 10.0),
    ("Brussels", ("bruxelles",), 50.8467, 4.3525, 10.0),
    ("London", (), 51.5072, -0.1275, 30.0),
    ("Washington", ("washington dc", "washington d.c."), 38.9047, -77.0164, 20.0),
    ("New York", ("new york city",), 40.7127, -74.0059, 30.0),
    ("Qatar", ("state of qatar",), 25.3000, 51.2000, 100.0),
    ("United Arab Emirates", ("uae", "emirates"), 24.0000, 54.0000, 300.0),
    ("Saudi Arabia", ("kingdom of saudi arabia", "ksa"), 24.0000, 45.0000, 1200.0),
    ("Oman", ("sultanate of oman",), 21.0000, 57.0000, 700.0),
    ("Iraq", (), 33.0000, 44.0000, 600.0),
    (
        "Kurdistan Region",
        ("kurdistan", "kurdistan region of iraq", "iraqi kurdistan"),
        36.4000,
        44.4000,
        250.0,
    ),
    ("Turkey", ("turkiye", "türkiye"), 39.0000, 35.0000, 900.0),
    ("Iran", ("islamic republic of iran",), 32.0000, 53.0000, 1200.0),
    ("India", ("republic of india",), 21.0000, 78.0000, 1800.0),
    ("China", ("people's republic of china", "prc"), 35.0000, 103.0000, 2500.0),
    ("Tajikistan", (), 39.0000, 71.0000, 400.0),
    ("Uzbekistan", (), 41.0000, 64.0000, 700.0),
    ("Turkmenistan", (), 39.0000, 59.0000, 600.0),
    ("Russia", ("russian federation",), 60.0000, 90.0000, 4000.0),
    ("United States", ("united states of america", "usa"), 39.8000, -98.6000, 2500.0),
    ("United Kingdom", ("uk", "britain", "great britain"), 54.0000, -2.0000, 600.0),
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
_OPTIONAL = ["radius95_km", "fallback_lat", "fallback_lon", "fallback_km"]
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


def _codes(col: pa.ChunkedArray) -> tuple[list[str | None], np.ndarray]:
    """A low-cardinality string column as (distinct values + [None], index of each row
    into them): the values are decoded once, not per row."""
    arr = col.combine_chunks()
    if not pa.types.is_dictionary(arr.type):
        arr = pc.dictionary_encode(arr)
    values = arr.dictionary.to_pylist()
    return [*values, None], arr.indices.fill_null(len(values)).to_numpy()


def _decoded(col: pa.ChunkedArray) -> np.ndarray:
    """A low-cardinality string column as an object array (None for nulls)."""
    values, idx = _codes(col)
    return np.asarray(values, dtype=object)[idx]


def _numbers(col: pa.ChunkedArray) -> np.ndarray:
    """A numeric column as float64 (NaN for nulls)."""
    arr = col.combine_chunks()
    return np.asarray(arr.to_numpy(zero_copy_only=False), dtype=np.float64)


#: The key hash: the key's UTF-8 bytes (and a closing 0x01 byte) read as one
#: little-endian integer, times a multiplier, modulo a prime.  The prime is below
#: 2**55 so that every step of :func:`_hash_strings` fits in 64 bits; prime and
#: multiplier are random (no byte pattern cancels out, and the low bits the index
#: sorts on are spread even for short keys).
_HASH_PRIME = 0x7874FAE871CB4B
_HASH_MUL = 0x3944C9269E0D37


def key_hash(key: bytes) -> int:
    """Hash (< 2**55) of a key's UTF-8 bytes: what :class:`_HashIndex` sorts on;
    :func:`_hash_strings` computes the same for every key at once."""
    return int.from_bytes(key + b"\x01", "little") * _HASH_MUL % _HASH_PRIME


def _string_buffers(arr: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """Offsets (int64, from 0) and UTF-8 bytes of a string array, without copying
    the bytes."""
    if pa.types.is_large_string(arr.type):
        arr = arr.cast(pa.string())
    off = np.frombuffer(arr.buffers()[1], dtype=np.int32)[arr.offset : arr.offset + len(arr) + 1]
    off = off.astype(np.int64)
    data = np.frombuffer(arr.buffers()[2], dtype=np.uint8) if len(arr) else np.empty(0, np.uint8)
    return off - off[0], data[off[0] : off[-1]]


def _hash_strings(off: np.ndarray, data: np.ndarray) -> np.ndarray:
    """:func:`key_hash` of every string, vectorised: Horner steps modulo the prime
    from each string's last byte down, for all strings still that long at once."""
    lens = np.diff(off)
    h = np.zeros(len(lens), dtype=np.uint64)
    if not len(lens):
        return h
    by_len, active = _longest_first(lens)
    ptr = off[1:][by_len] - 1
    prime = np.uint64(_HASH_PRIME)
    acc = np.ones(len(lens), dtype=np.uint64)  # the closing 0x01 byte
    byte = np.empty(len(lens), dtype=np.uint8)  # reused: no allocation per step
    for k in active:
        part = acc[:k]
        part <<= np.uint64(8)
        part += np.take(data, ptr[:k], out=byte[:k], mode="clip")
        part %= prime
        ptr[:k] -= 1
    # times the multiplier, one byte of it at a time (each product < 2**63)
    out = np.zeros(len(lens), dtype=np.uint64)
    for c in _HASH_MUL.to_bytes(7, "big"):
        out <<= np.uint64(8)
        out += acc * np.uint64(c)
        out %= prime
    h[by_len] = out
    return h


def _longest_first(lens: np.ndarray) -> tuple[np.ndarray, list[int]]:
    """An order of strings by decreasing length, and for each byte position ``j``
    how many strings of that order are longer than ``j``."""
    longest = int(lens.max())
    small = np.uint16 if longest < 1 << 16 else np.int64
    by_len = np.argsort((longest - lens).astype(small), kind="stable")
    active = np.searchsorted(lens[by_len][::-1], np.arange(longest), side="right")
    return by_len, (len(lens) - active).tolist()


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

    def __contains__(self, key: object) -> bool:
        return key in self.slot


#: Lookups remembered by a :class:`_HashIndex` (free text asks for the same words
#: again and again); the memory is emptied when full.
_MEMO_SIZE = 1 << 16


class _HashIndex:
    """key -> rows without a Python object per key (loads in tens of ms).

    Every (key, row) pair is hashed (:func:`_hash_strings`) and sorted by hash;
    a lookup hashes the key, binary-searches the sorted hashes and compares the
    key's bytes with the group's, so a hash shared with an absent key never
    matches.  :meth:`build` checks every group holds one distinct key (else it
    returns the exact :class:`_KeyIndex`); rows come in table order, as there.
    """

    def __init__(
        self,
        hashes: np.ndarray,
        mask: int,
        bounds: np.ndarray,
        rows: np.ndarray,
        first: np.ndarray,
        off: np.ndarray,
        data: np.ndarray,
        flat: pa.Array,
    ) -> None:
        self.bounds, self.rows, self._mask = bounds, rows, mask
        self._first, self._flat = first, flat
        # Python arrays (a memory copy, no object per entry) and bytes: a lookup
        # is a bisect and a bytes comparison without numpy scalars
        self._hashes = _int_array(hashes)
        self._start = _int_array(off[first])
        self._stop = _int_array(off[first + 1])
        self._bounds = _int_array(bounds)
        self._bytes = data.tobytes()
        self._memo: dict[str, int] = {}

    @classmethod
    def build(cls, lists: pa.ChunkedArray) -> _HashIndex | _KeyIndex:
        arr = lists.combine_chunks()
        flat = pc.list_flatten(arr)
        parent = pc.list_parent_indices(arr).to_numpy().astype(np.int64)
        off, data = _string_buffers(flat)
        # the hash's low bits above, the pair's position below: one plain sort
        # gives the groups, each in table order
        shift = np.uint64(max(1, (len(flat) - 1).bit_length()))
        pos = np.arange(len(flat), dtype=np.uint64)
        low = np.uint64((1 << (64 - int(shift))) - 1)
        both = np.sort(((_hash_strings(off, data) & low) << shift) | pos)
        group = both >> shift
        order = (both & ((np.uint64(1) << shift) - np.uint64(1))).astype(np.int64)
        new = np.ones(len(both), dtype=bool)
        new[1:] = group[1:] != group[:-1]
        if not _same_strings(off, data, order[:-1][~new[1:]], order[1:][~new[1:]]):
            return _KeyIndex.build(lists)  # two keys share a hash: the exact index
        starts = np.flatnonzero(new)
        bounds = np.append(starts, len(both))
        mask = (1 << (64 - int(shift))) - 1
        return cls(group[starts], mask, bounds, parent[order], order[starts], off, data, flat)

    @property
    def slot(self) -> _HashIndex:
        """The index itself: ``key in index.slot`` and ``iter(index.slot)`` work as
        for the dict of :class:`_KeyIndex`."""
        return self

    def _group(self, key: object) -> int:
        """Group of ``key`` (-1 when absent); recent answers are remembered."""
        if not isinstance(key, str):
            return -1
        i = self._memo.get(key)
        if i is None:
            i = self._search(key)
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            self._memo[key] = i
        return i

    def _search(self, key: str) -> int:
        raw = key.encode()
        h = key_hash(raw) & self._mask
        i = bisect.bisect_left(self._hashes, h)
        if i == len(self._hashes) or self._hashes[i] != h:
            return -1
        return i if self._bytes[self._start[i] : self._stop[i]] == raw else -1

    def get(self, key: str) -> np.ndarray:
        i = self._group(key)
        if i < 0:
            return np.empty(0, dtype=np.int64)
        return self.rows[self._bounds[i] : self._bounds[i + 1]]

    def __contains__(self, key: object) -> bool:
        return self._group(key) >= 0

    def __len__(self) -> int:
        return len(self._hashes)

    def __iter__(self) -> Iterator[str]:
        return iter(self._flat.take(pa.array(self._first)).to_pylist())


def _int_array(values: np.ndarray) -> array.array:
    """Non-negative integers (< 2**63) as a Python ``array`` of int64."""
    out = array.array("q")
    out.frombytes(np.ascontiguousarray(values, dtype=np.int64).tobytes())
    return out


def _same_strings(off: np.ndarray, data: np.ndarray, a: np.ndarray, b: np.ndarray) -> bool:
    """Whether strings ``a[i]`` and ``b[i]`` are equal for every ``i`` (vectorised)."""
    lens = off[a + 1] - off[a]
    if not len(lens):
        return True
    if not np.array_equal(lens, off[b + 1] - off[b]):
        return False
    by_len, active = _longest_first(lens)
    pa_, pb = off[a][by_len], off[b][by_len]
    xa, xb = np.empty(len(lens), dtype=np.uint8), np.empty(len(lens), dtype=np.uint8)
    for k in active:
        np.take(data, pa_[:k], out=xa[:k], mode="clip")
        np.take(data, pb[:k], out=xb[:k], mode="clip")
        if (xa[:k] != xb[:k]).any():
            return False
        pa_[:k] += 1
        pb[:k] += 1
    return True


def shipped_path() -> Traversable:
    """The shipped gazetteer (``incidents/data/gazetteer.parquet``)."""
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
        self.lat = _numbers(table["lat"])
        self.lon = _numbers(table["lon"])
        kinds, kind_idx = _codes(table["kind"])
        self.kind: np.ndarray = np.asarray(kinds, dtype=object)[kind_idx]
        fcodes, fc_idx = _codes(table["feature_code"])
        self.fcode = np.asarray(fcodes, dtype=object)[fc_idx]
        self.country = _decoded(table["country"])
        self.admin1 = _decoded(table["admin1"])
        self.admin2 = _decoded(table["admin2"])
        self.population = np.nan_to_num(_numbers(table["population"]), nan=0.0)
        self.radius_km = _numbers(table["radius_km"])
        self.dist_frontier_km = _numbers(table["dist_frontier_km"])
        sources, src_idx = _codes(table["source"])
        self.source = np.asarray(sources, dtype=object)[src_idx]
        if "radius95_km" in table.column_names:
            r95 = _numbers(table["radius95_km"])
            self.radius95_km = np.where(np.isfinite(r95), r95, self.radius_km)
        else:
            self.radius95_km = self.radius_km.copy()
        # a tehsil's point for places in it the gazetteer lacks (the median of its
        # settlements) and the 95 % radius from it; NaN where the unit's own point serves
        self.fallback_lat, self.fallback_lon, self.fallback_km = (
            _numbers(table[c]) if c in table.column_names else np.full(self.n, np.nan)
            for c in ("fallback_lat", "fallback_lon", "fallback_km")
        )
        self.shipped = np.array([str(v).startswith("geo.data") for v in sources[:-1]] + [False])[
            src_idx
        ]
        self.is_admin = np.array([v in ADMIN_KINDS for v in kinds])[kind_idx]
        self.is_feature = np.array([v in FEATURE_KINDS for v in kinds])[kind_idx]
        self.is_place = np.array([v in PLACE_KINDS for v in kinds])[kind_idx]
        self.admin_rows = np.flatnonzero(self.is_admin)
        keys = table["keys"].combine_chunks()
        self.key_offsets = keys.offsets.to_numpy()
        self.keys_flat = pc.list_flatten(keys)
        self.by_key = _HashIndex.build(table["keys"])
        self._skels = table["skels"]
        fc_rank = np.array([_FCODE_RANK.get(v, 1.0) for v in fcodes[:-1]] + [1.0])
        self.importance = fc_rank[fc_idx] + 0.3 * np.log10(self.population + 1.0)
        # cities500 entries are towns big enough to be reported under their own name
        self.is_town = np.array(["geonames" in v for v in sources[:-1]] + [False])[src_idx]

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
            pf = pq.ParquetFile(path)  # not read_table: no dataset machinery to import
            names = pf.schema_arrow.names
            missing = [c for c in _COLUMNS if c not in names]
            if missing:
                raise GeocodeError(
                    f"gazetteer {path!r} lacks the columns {missing}; rebuild it with "
                    "python -m incidents.data.derive_gazetteer"
                )
            table = pf.read(columns=_COLUMNS + [c for c in _OPTIONAL if c in names])
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
                **{c: None for c in _OPTIONAL[1:] if c in table.column_names},
                "source": "built-in (Wikipedia city coordinates)",
            }
        )
    extra = pa.Table.from_pylist(rows).select(table.column_names)
    # Only the few new rows are converted (to the table's types, dictionaries
    # included); the table's own chunks are kept as they are.
    cols = {
        f.name: pa.chunked_array([*table[f.name].chunks, extra[f.name].cast(f.type)], f.type)
        for f in table.schema
    }
    return pa.table(cols).replace_schema_metadata(table.schema.metadata)


#: Great-circle distance in km (numpy-broadcasting): the one in :mod:`geo.sphere`.
haversine_km = great_circle_km
