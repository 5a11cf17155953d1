"""Tables thousands of columns wide read like narrow ones (and as quickly per cell).

Every check of the delimited reader (blank cells, quoted line breaks, blank rows, the
formula escape) is one Arrow call over all the cells rather than one pandas call per
column; these tests pin what those checks give on a wide table, on both the fast path
and the careful one (a quoted line break sends a file down the careful path).
"""

from __future__ import annotations

import pandas as pd
import pytest

from incidents import load
from incidents._load_read import read_table

WIDTH = 2_100


def _cells(s: pd.Series) -> list:
    return [None if pd.isna(v) else v for v in s]


def _wide_text(*, quoted_break: bool) -> str:
    names = ["location", "latitude", "longitude", "date"] + [f"x{i}" for i in range(WIDTH - 4)]
    rows = [
        ["Torkham", "34.1325", "71.0953", "2025-10-12"] + [str(i) for i in range(WIDTH - 4)],
        [""] * WIDTH,  # a blank row: skipped and counted
        ["Chaman", "30.921", "66.4597", "2025-10-13"] + ["  "] * (WIDTH - 4),  # blank cells
        ["Spin Boldak", "31.0058", "66.4", "2025-10-14"] + ["'=1+1"] + ["ok"] * (WIDTH - 5),
    ]
    if quoted_break:
        rows[0][WIDTH - 1] = '"two\nlines"'
    lines = ["Border incidents, exported 2025-10-20", ",".join(names)]
    lines += [",".join(r) for r in rows]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("quoted_break", [False, True], ids=["fast", "careful"])
def test_wide_csv_cells(tmp_path, quoted_break):
    path = tmp_path / "wide.csv"
    path.write_text(_wide_text(quoted_break=quoted_break), encoding="utf-8")
    raw = read_table(path)
    frame = raw.frame
    assert frame.shape == (3, WIDTH)
    assert raw.info["rows_above_header"] == 1
    assert raw.info["blank_rows_skipped"] == 1
    assert list(frame.columns[:4]) == ["location", "latitude", "longitude", "date"]
    assert frame.columns[-1] == f"x{WIDTH - 5}"
    assert frame["location"].tolist() == ["Torkham", "Chaman", "Spin Boldak"]
    assert _cells(frame["x0"]) == ["0", None, "=1+1"]  # blank -> missing; escape removed
    assert frame["x1"].isna().tolist() == [False, True, False]
    last = _cells(frame[f"x{WIDTH - 5}"])
    assert last[1] is None and last[2] == "ok"
    assert last[0] == ("two\nlines" if quoted_break else str(WIDTH - 5))
    assert all(str(t) == "string" for t in frame.dtypes)


def test_fast_and_careful_paths_agree_on_a_wide_table(tmp_path):
    fast, careful = tmp_path / "fast.csv", tmp_path / "careful.csv"
    fast.write_text(_wide_text(quoted_break=False), encoding="utf-8")
    text = _wide_text(quoted_break=True).replace('"two\nlines"', str(WIDTH - 5))
    # the same cells, but one quoted field (with no break) in the last row
    careful.write_text(text.replace("Spin Boldak", '"Spin\nBoldak"'), encoding="utf-8")
    a, b = read_table(fast).frame, read_table(careful).frame
    b.loc[2, "location"] = "Spin Boldak"
    pd.testing.assert_frame_equal(a, b)


def test_wide_csv_loads_every_row_and_column(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text(_wide_text(quoted_break=False), encoding="utf-8")
    table = load(path)
    assert len(table) == 3
    assert table["latitude"].tolist() == [34.1325, 30.921, 31.0058]
    assert table["date"].dt.day.tolist() == [12, 13, 14]
    # every input column is kept (schema columns under their names, the rest as they are)
    assert {f"x{i}" for i in range(WIDTH - 4)} <= set(table.columns)
    assert _cells(table["x0"]) == ["0", None, "=1+1"]
