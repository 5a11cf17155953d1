"""The confidence cut of :func:`incidents.extract.extract` (``min_confidence``)."""

from __future__ import annotations

import math

import pytest

from incidents._extract_confidence import MIN_CONFIDENCE
from incidents.errors import IncidentError
from incidents.extract import extract

DATE = "2025-10-20"
# a strike told as news, and talks planned for a later day told as speech: the
# second row's confidence is low
TEXT = (
    "Pakistani drones struck Urgun district on Tuesday.\n"
    "Follow-up talks will be held in Istanbul on Oct 25, the statement said."
)


def test_rows_below_the_cut_are_left_out_and_counted():
    every = extract(TEXT, article_date=DATE, min_confidence=0)
    kept = extract(TEXT, article_date=DATE)
    low = every[every["confidence"] < MIN_CONFIDENCE]
    assert len(low) >= 1 and len(every) > len(low)  # the text has rows on both sides
    assert (kept["confidence"] >= MIN_CONFIDENCE).all()
    assert list(kept["evidence_span"]) == list(
        every.loc[every["confidence"] >= MIN_CONFIDENCE, "evidence_span"]
    )
    assert kept.attrs["below_confidence"] == len(low)
    assert every.attrs["below_confidence"] == 0
    # the rows kept are the same rows, with the same confidence (read with all rows)
    assert list(kept["confidence"]) == list(every.loc[kept.index, "confidence"])


def test_a_higher_cut_keeps_fewer_rows():
    counts = [len(extract(TEXT, article_date=DATE, min_confidence=c)) for c in (0, 0.5, 1)]
    assert counts[0] >= counts[1] >= counts[2]
    assert counts[0] > counts[2]


def test_all_rows_below_the_cut_say_so():
    text = "Follow-up talks will be held in Istanbul on Oct 25, the statement said."
    assert len(extract(text, article_date=DATE, min_confidence=0)) == 1
    df = extract(text, article_date=DATE)
    assert df.empty
    assert df.attrs["below_confidence"] == 1
    assert "1 candidate(s) below confidence 0.3" in df.attrs["message"]


def test_no_candidate_counts_zero():
    df = extract("The weather in Kabul was mild.", article_date=DATE)
    assert df.empty and df.attrs["below_confidence"] == 0


def test_a_float32_cut_is_the_cut_it_prints():
    import numpy as np

    every = extract(TEXT, article_date=DATE, min_confidence=0)
    c = float(every["confidence"].min())  # two decimals
    same = extract(TEXT, article_date=DATE, min_confidence=np.float32(c))
    assert len(same) == len(extract(TEXT, article_date=DATE, min_confidence=c)) == len(every)


@pytest.mark.parametrize("bad", [-0.1, 1.5, math.nan, "0.3", True, None])
def test_a_cut_outside_0_1_is_refused(bad):
    with pytest.raises(IncidentError, match="min_confidence must be a number from 0 to 1"):
        extract(TEXT, article_date=DATE, min_confidence=bad)
