"""Text of positioned tables read back: quick vectorized parsing gives what pandas gives."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from incidents.io import _restore

TEXTS = [
    "12", "-3.25", "+5", "5.", ".5", "0005", "-0", "1e5", "1E-3", "1e15", "7.0", "2.5",
    "9007199254740993", "1e400", "-1e400", "nan", "NaN", "inf", "-Infinity",
    "  5", "5 ", "1_0", "0x10", "\u22125", "1,5", "5e", "-", "+", "e5", "", None,
]  # fmt: skip


def _pandas(s: pd.Series, dtype: str) -> pd.Series:
    """The reference: ``pd.to_numeric(..., errors="coerce")``, whole numbers only for Int64."""
    num = pd.to_numeric(s, errors="coerce")
    if dtype == "float64":
        return num.astype("float64")
    return num.where(num.isna() | (num == np.round(num))).astype("Int64")


@pytest.mark.parametrize("dtype", ["float64", "Int64"])
@pytest.mark.parametrize("text", TEXTS)
def test_text_reads_as_pandas_reads_it(text, dtype):
    s = pd.Series([text, "1", None, "2"], dtype="string")
    try:
        expected = _pandas(s, dtype)
    except (TypeError, ValueError, OverflowError) as exc:  # pandas refuses: so must we
        with pytest.raises(type(exc)):
            _restore(s, dtype)
        return
    got = _restore(s, dtype)
    assert got.dtype == expected.dtype
    assert got.isna().tolist() == expected.isna().tolist()
    assert got[got.notna()].tolist() == expected[expected.notna()].tolist()


def test_many_plain_numbers_read_exactly():
    rng = np.random.default_rng(3)
    values = [
        round(float(v), int(k))
        for v, k in zip(rng.uniform(-180, 180, 5000), rng.integers(0, 12, 5000), strict=True)
    ]
    s = pd.Series([repr(v) for v in values], dtype="string")
    assert _restore(s, "float64").tolist() == values
    ints = rng.integers(-(2**40), 2**40, 5000)
    got = _restore(pd.Series([str(i) for i in ints], dtype="string"), "Int64")
    assert got.tolist() == ints.tolist()


BOOLEAN_TEXTS = ["true", " True ", "t", "YES", "y", "1", "1.0", "tRuE", "false", "F", "no", "n"]
BOOLEAN_TEXTS += ["0", "0.0", "maybe", "", "2", "-1", None]


@pytest.mark.parametrize("dtype", ["string", object])
def test_boolean_words_read_as_booleans(dtype):
    s = pd.Series(BOOLEAN_TEXTS, dtype=dtype)
    expected = [True] * 8 + [False] * 6 + [None] * 5
    got = _restore(s, "boolean")
    assert got.dtype == "boolean"
    assert [None if pd.isna(v) else bool(v) for v in got] == expected
