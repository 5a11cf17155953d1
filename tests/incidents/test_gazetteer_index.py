"""The gazetteer's name index (:class:`incidents._gazetteer._HashIndex`).

The index is checked against a plain ``dict`` built here, row by row, from the
table's own ``keys`` lists: every key gives the same rows in the same order,
absent keys give nothing, and hash collisions (forced) never merge two keys.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from incidents import _gazetteer
from incidents._gazetteer import (
    FOREIGN_PLACES,
    Gazetteer,
    _HashIndex,
    _KeyIndex,
    _string_buffers,
    key_hash,
)
from incidents._names import NORM_VERSION, norm, skeleton
from incidents.errors import GeocodeError


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def _rows_by_key(lists: list[list[str] | None]) -> dict[str, list[int]]:
    """key -> rows carrying it, in table order (the reference)."""
    out: dict[str, list[int]] = {}
    for row, keys in enumerate(lists):
        for k in keys or []:
            out.setdefault(k, []).append(row)
    return out


def test_shipped_keys_are_what_the_code_would_derive(gaz: Gazetteer) -> None:
    """The index trusts the stored keys: each is already a normalised key, a row's
    keys are distinct, and its skeletons are those of its keys (what
    ``incidents.data.derive_gazetteer`` writes with this normalisation)."""
    table = gaz._table
    assert table.schema.metadata[b"norm_version"].decode() == str(NORM_VERSION)
    for keys, skels in zip(table["keys"].to_pylist(), table["skels"].to_pylist(), strict=True):
        assert keys and len(keys) == len(set(keys)), keys
        assert all(norm(k) == k for k in keys), keys
        assert skels == sorted({s for s in map(skeleton, keys) if s}), keys


def test_shipped_index_is_the_hashed_one(gaz: Gazetteer) -> None:
    # a collision would fall back to the slower exact index (still right)
    assert isinstance(gaz.by_key, _HashIndex)


def test_every_key_gives_its_rows_in_table_order(gaz: Gazetteer) -> None:
    want = _rows_by_key(gaz._table["keys"].to_pylist())
    assert len(gaz.by_key) == len(want)
    assert sorted(gaz.by_key.slot) == sorted(want)
    for key, rows in want.items():
        got = gaz.by_key.get(key)
        assert got.dtype == np.int64
        assert got.tolist() == rows, key


def test_absent_keys_and_non_strings_find_nothing(gaz: Gazetteer) -> None:
    present = set(gaz.by_key.slot)
    probes = [k + suffix for k in sorted(present)[::97] for suffix in ("x", " ", "ا")]
    probes += [k[:-1] for k in sorted(present)[::89] if len(k) > 1]
    probes += ["", " ", "\x00", "a" * 300, "ب" * 300]
    for p in probes:
        assert (p in gaz.by_key.slot) == (p in present), p
        assert (len(gaz.by_key.get(p)) > 0) == (p in present), p
    for junk in (None, 5, b"kabul", ("kabul",)):
        assert junk not in gaz.by_key.slot


def test_foreign_places_are_indexed_and_kept_in_subsets(gaz: Gazetteer) -> None:
    for name, others, lat, _, _ in FOREIGN_PLACES:
        for text in (name, *others):
            rows = gaz.by_key.get(norm(text))
            assert any(gaz.kind[r] == "foreign" and abs(gaz.lat[r] - lat) < 1e-4 for r in rows), (
                text
            )
    keep = gaz.kind != "locality"
    sub = gaz.subset(keep)
    assert sub.n == int(keep.sum())
    doha = sub.by_key.get("doha")
    assert [sub.name[r] for r in doha if sub.kind[r] == "foreign"] == ["Doha"]
    # the subset's dictionary columns decode like the full table's
    assert sub.kind.tolist() == gaz.kind[keep].tolist()
    assert sub.admin2.tolist() == gaz.admin2[keep].tolist()


@pytest.mark.parametrize(
    "text",
    ["", "a", "kabul", "spin boldak", "کابل", "ولسوالی", "ğ", "x" * 299, "ب" * 300, "z\u00ff"],
)
def test_python_hash_matches_the_vectorised_hash(text: str) -> None:
    arr = pa.array([text, "padding", text + text])
    off, data = _string_buffers(arr)
    hashes = _gazetteer._hash_strings(off, data)
    assert [int(h) for h in hashes] == [key_hash(s.encode()) for s in arr.to_pylist()]


def _lists(keys_per_row: list[list[str]]) -> pa.ChunkedArray:
    return pa.chunked_array([pa.array(keys_per_row, type=pa.list_(pa.string()))])


def test_colliding_hashes_fall_back_to_the_exact_index(monkeypatch) -> None:
    rows = [["alpha", "beta"], ["beta"], ["gamma"], ["alpha"]]
    monkeypatch.setattr(
        _gazetteer, "_hash_strings", lambda off, data: np.zeros(len(off) - 1, np.uint64)
    )
    index = _HashIndex.build(_lists(rows))
    assert isinstance(index, _KeyIndex)
    assert index.get("alpha").tolist() == [0, 3]
    assert index.get("beta").tolist() == [0, 1]
    assert index.get("gamma").tolist() == [2]
    assert index.get("delta").tolist() == []


def test_an_absent_key_sharing_a_hash_is_not_found(monkeypatch) -> None:
    monkeypatch.setattr(
        _gazetteer, "_hash_strings", lambda off, data: np.zeros(len(off) - 1, np.uint64)
    )
    monkeypatch.setattr(_gazetteer, "key_hash", lambda raw: 0)
    index = _HashIndex.build(_lists([["alpha"], [], ["alpha"]]))
    assert isinstance(index, _HashIndex)
    assert index.get("alpha").tolist() == [0, 2]
    assert index.get("omega").tolist() == []
    assert "omega" not in index.slot


def test_sliced_and_empty_inputs() -> None:
    lists = pa.array([["a"], ["b", "a"], ["c"], None, []], type=pa.list_(pa.string()))
    index = _HashIndex.build(pa.chunked_array([lists.slice(1)]))
    assert index.get("a").tolist() == [0]
    assert index.get("c").tolist() == [1]
    assert sorted(index.slot) == ["a", "b", "c"]
    empty = _HashIndex.build(pa.chunked_array([pa.array([], type=pa.list_(pa.string()))]))
    assert empty.get("a").tolist() == [] and list(empty.slot) == []


def test_unreadable_or_incomplete_files_raise_geocode_errors(tmp_path) -> None:
    partial = tmp_path / "partial.parquet"
    pq.write_table(pa.table({"name": ["Kabul"], "keys": [["kabul"]]}), partial)
    junk = tmp_path / "junk.parquet"
    junk.write_text("not parquet")
    with pytest.raises(GeocodeError, match=r"lacks the columns \['skels', 'lat'"):
        Gazetteer.load(str(partial))
    for path in (junk, tmp_path / "absent.parquet", tmp_path):
        with pytest.raises(GeocodeError, match="cannot read gazetteer"):
            Gazetteer.load(str(path))
