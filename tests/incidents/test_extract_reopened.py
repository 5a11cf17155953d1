"""A closure told from the reopening that ended it, with its length ("reopened after an
eight-month closure"), is a closure of the crossing reopened, running that many days up
to the reopening (``incidents/_extract_phrasing_h.py``, ``ENDED_CLOSURE``); a reopening
with no length told, or with no crossing named, makes no row."""

from __future__ import annotations

import pytest

from incidents.extract import extract

DATE = "2024-01-23"  # a Tuesday

CASES = [
    # sentence, (crossing, first day, last day) of the closure row, or None
    (
        "The Torkham border crossing has been reopened for trade after a 10-day closure, "
        "as announced by authorities on Tuesday.",
        ("Torkham", "2024-01-13", "2024-01-23"),
    ),
    (
        "The Ghulam Khan crossing in Khost province was reopened for freight vehicles on "
        "Tuesday after two weeks of closure, officials said.",
        ("Ghulam Khan", "2024-01-09", "2024-01-23"),
    ),
    (
        "After an eight-month closure, the Kharlachi border crossing in Kurram district has "
        "officially reopened.",
        ("Kharlachi", "2023-05-28", "2024-01-23"),
    ),
    # ... told as the state the reopening ended (the real articles' annotators list such
    # a closure as an incident; an earlier negative case read it as no news)
    (
        "The Chaman crossing reopened on Monday after remaining closed for three weeks.",
        ("Chaman", "2024-01-01", "2024-01-22"),
    ),
    # no length: the closure's days are not told
    ("The Torkham border crossing reopened on Tuesday after a brief closure.", None),
    # no crossing named: no row on the whole frontier
    ("A border crossing between the two countries reopened after seven months of closure.", None),
]


@pytest.mark.parametrize(("text", "row"), CASES)
def test_a_closure_told_from_its_reopening(text, row):
    df = extract(text, article_date=DATE, min_confidence=0)
    got = df[df["event_kind"] == "border_closure"]
    if row is None:
        assert got.empty, got[["location", "matched_name", "date"]]
        return
    assert len(got) == 1, got[["location", "matched_name", "date"]]
    r = got.iloc[0]
    assert (r["matched_name"], str(r["date"])[:10], str(r["date_end"])[:10]) == row
