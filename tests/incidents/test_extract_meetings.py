"""Both sides named as holding a meeting ("Pakistani and Afghan officials held a
meeting at Torkham") is talks; one side's meeting is not."""

from __future__ import annotations

import pytest

from incidents.extract import extract

DAY = "2022-08-16"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Pakistani and Afghan officials held a meeting at Torkham on Monday to discuss "
            "the reopening of the crossing.",
            "Torkham",
        ),
        ("Pakistani and Afghan border officials held a flag-level meeting at Chaman.", "Chaman"),
    ],
)
def test_both_sides_holding_a_meeting_is_talks(text: str, place: str | None) -> None:
    df = extract(text, article_date=DAY, min_confidence=0)
    assert list(df["event_kind"]) == ["talks"], df
    if place:
        assert df["matched_name"].iloc[0] == place


def test_one_side_meeting_is_no_talks() -> None:
    df = extract("Pakistani officials held a meeting in Islamabad on Monday.", article_date=DAY)
    assert df.empty
