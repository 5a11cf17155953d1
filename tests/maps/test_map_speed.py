"""What makes ``frontier map`` quick must not change what it shows (issue 16 item 4).

The shipped static context equals a fresh computation, units outside the shipped
template are still described, the JSON writer (orjson or json) gives the same
safe text, strings are cleaned the same way, and the command reports progress.
"""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest
from positioned_tables import synthetic_incidents

import maps._cmd_map as cmd_map
import maps._incident_layer as layer_mod
import maps._static as static_mod
from incidents.aggregate import UNASSIGNED, aggregate
from maps import build_map
from maps._incident_layer import _Strings, safe_json
from maps.cli import main


def test_shipped_context_is_made_from_the_installed_data():
    shipped = static_mod._shipped()
    assert shipped is not None, "maps/context.json.gz is missing: run python -m maps._static"
    assert shipped["key"] == static_mod.inputs_key(), (
        "maps/context.json.gz was made from other data: run python -m maps._static"
    )


def test_shipped_context_equals_a_fresh_computation():
    shipped = static_mod._shipped()
    assert shipped is not None
    fresh = static_mod.compute_context()
    assert set(shipped["context"]) == set(fresh)
    for key in fresh:
        assert shipped["context"][key] == fresh[key], (
            f"context[{key!r}] differs: run python -m maps._static"
        )


def test_the_key_names_the_gazetteer_the_geocoder_reads():
    from importlib import resources

    from incidents._gazetteer import shipped_path

    package, name = static_mod.GAZETTEER
    assert str(resources.files(package).joinpath(name)) == str(shipped_path())


def test_stale_context_is_not_used(monkeypatch):
    """With other data (another key) the context is computed, not read from the file."""
    calls = []
    monkeypatch.setattr(static_mod, "inputs_key", lambda: "other data")
    monkeypatch.setattr(static_mod, "compute_context", lambda: calls.append(1) or {"x": 1})
    static_mod.static_context.cache_clear()
    try:
        assert static_mod.static_context() == {"x": 1}
        assert calls == [1]
    finally:
        static_mod.static_context.cache_clear()


def _codes(layer: dict, n: int) -> list[int]:
    return layer if isinstance(layer, list) else [layer["const"]] * n


def test_units_outside_the_template_are_described_and_counted():
    """Side 'other' makes segment and band units beyond the shipped ones."""
    t = synthetic_incidents(60, seed=5)
    t["side"] = t["side"].astype("object")
    t.loc[:9, "side"] = "other"
    t["side"] = t["side"].astype("string")
    m = build_map(t)
    layer = next(c for c in m._children.values() if isinstance(c, layer_mod.IncidentLayer))
    data = layer.payload
    for name, by in (("frontier", "segment"), ("corridor", "band")):
        units = data["units"][name]["units"]
        agg = aggregate(t, by=by, **({"km": 50.0} if by == "segment" else {}))
        assigned = agg[agg["unit"] != UNASSIGNED].reset_index(drop=True)
        assert len(units) == len(assigned)
        other = assigned.index[assigned["side"] == "other"].tolist()
        assert other, "the table should make units on side 'other'"
        for i in other:
            assert units[i] is not None
            if by == "segment":
                assert units[i] == {"seg": int(assigned.loc[i, "segment_id"]), "side": "other"}
            else:
                assert units[i]["side"] == "other" and units[i]["g"] is None
        codes = np.asarray(data["inc"]["u_" + name])
        counts = np.bincount(codes[codes >= 0], minlength=len(units))
        assert counts.tolist() == assigned["incidents"].tolist()


HOSTILE = {
    "a": ["</script><script>alert(1)</script>", "x & y", "\u2028\u2029", "Ünïcödé", "喀布尔"],
    "n": [0, -1, 2**40, None, 1.5, 0.1, 1e-7, 123456.78901],
    "nested": {"k": [{"v": "<b>"}]},
    7: "int key",
}


def test_orjson_and_json_write_the_same_safe_text(monkeypatch):
    fast = safe_json(HOSTILE)
    monkeypatch.setattr(layer_mod, "orjson", None)
    slow = safe_json(HOSTILE)
    assert json.loads(fast) == json.loads(slow) == json.loads(json.dumps(HOSTILE))
    for text in (fast, slow):
        assert not re.search("[<>&\u2028\u2029]", text)


def test_lone_surrogates_fall_back_to_json():
    text = safe_json({"s": "bad \ud800 text"})
    assert json.loads(text) == {"s": "bad \ud800 text"}


def test_nan_is_refused_or_null():
    try:
        text = safe_json({"x": float("nan")})
    except ValueError:
        return  # json refuses it
    assert json.loads(text) == {"x": None}


def test_strings_cleaned_once_per_value_give_the_same_codes():
    col = pd.Series(
        [" a", "a", "a ", "", "  ", None, "b", "b", pd.NA, "a", "c" * 20, "c" * 20 + " "],
        dtype="string",
    )
    table = _Strings()
    table.add("first")
    out = table.codes(col, max_chars=10)
    # first appearances in order: "a", "b", the shortened c's; blank and missing are -1
    assert table.values == ["first", "a", "b", "c" * 9 + "\u2026"]
    assert out == {"base": 1, "c": [0, 0, 0, -1, -1, -1, 1, 1, -1, 0, 2, 2]}
    numbers = pd.Series([1, 1.0, "1", None], dtype=object)
    table = _Strings()
    codes = table.codes(numbers)
    assert table.values == ["1", "1.0"]  # as text, 1 and 1.0 differ
    assert codes == {"base": 0, "c": [0, 1, 0, -1]}


def test_distinct_values_are_one_run():
    table = _Strings()
    assert table.codes(pd.Series(["x", "y", " z "], dtype="string")) == {"from": 0}
    assert table.values == ["x", "y", "z"]


@pytest.fixture
def positioned_file(tmp_path):
    src = tmp_path / "positioned.parquet"
    synthetic_incidents(30, seed=3).to_parquet(src)
    return src


def test_map_reports_progress_on_large_inputs(tmp_path, capsys, monkeypatch, positioned_file):
    monkeypatch.setattr(cmd_map, "LARGE_ROWS", 10)
    out = tmp_path / "map.html"
    assert main(["map", str(positioned_file), "-o", str(out)]) == 0
    err = capsys.readouterr().err.splitlines()
    steps = [re.sub(r" \(\d+\.\d s\)$", "", line) for line in err]
    assert steps == [
        "frontier map: building the map of 30 rows",
        "frontier map: built; writing map.html",
    ]
    assert all(re.search(r"\(\d+\.\d s\)$", line) for line in err)


def test_map_reports_reading_of_large_files(tmp_path, capsys, monkeypatch, positioned_file):
    monkeypatch.setattr(cmd_map, "LARGE_BYTES", 1)
    out = tmp_path / "map.html"
    assert main(["map", str(positioned_file), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "frontier map: reading positioned.parquet (" in err
    assert "frontier map: built; writing map.html (" in err


def test_map_quiet_prints_only_the_summary(tmp_path, capsys, monkeypatch, positioned_file):
    monkeypatch.setattr(cmd_map, "LARGE_ROWS", 1)
    monkeypatch.setattr(cmd_map, "LARGE_BYTES", 1)
    out = tmp_path / "map.html"
    assert main(["map", str(positioned_file), "-o", str(out), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert "30 of 30 incidents mapped" in captured.out


def test_small_inputs_print_no_progress(tmp_path, capsys, positioned_file):
    out = tmp_path / "map.html"
    assert main(["map", str(positioned_file), "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""


def test_fixed_unit_layers_read_no_polygons(monkeypatch):
    """Provinces, districts, bands and segments come from the shipped context: no polygon read."""
    from geo import Frontier, reference

    def refuse():
        raise AssertionError("polygons read")

    t = synthetic_incidents(200, seed=9)
    expected = build_map(t, layers="provinces,districts,corridor,frontier")
    fresh = Frontier.default.__func__.__wrapped__(Frontier)  # polygons not read yet
    monkeypatch.setattr(Frontier, "default", classmethod(lambda cls: fresh))
    for name in ("countries", "admin1", "admin2"):
        monkeypatch.setattr(reference, name, refuse)
    m = build_map(t, layers="provinces,districts,corridor,frontier")

    def payload(page):
        return next(c for c in page._children.values() if isinstance(c, layer_mod.IncidentLayer))

    got, want = payload(m).payload, payload(expected).payload
    assert got["units"] == want["units"]
    for name in ("provinces", "districts", "corridor", "frontier"):
        assert got["inc"]["u_" + name] == want["inc"]["u_" + name]


def test_map_command_leaves_the_garbage_collector_as_it_found_it(tmp_path):
    import gc

    table = synthetic_incidents(30, seed=4)
    src = tmp_path / "t.parquet"
    from incidents import write

    write(table, src)
    before = (gc.isenabled(), gc.get_threshold(), gc.get_freeze_count())
    assert main(["map", str(src), "-o", str(tmp_path / "m.html"), "--quiet"]) == 0
    assert main(["map", str(tmp_path / "missing.parquet"), "-o", str(tmp_path / "n.html")]) == 2
    assert (gc.isenabled(), gc.get_threshold(), gc.get_freeze_count()) == before
