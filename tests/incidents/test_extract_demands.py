"""A demand to stop fighting names no fighting ("Kabul called on Islamabad to refrain
from unacceptable artillery attacks", "urged Pakistan to stop cross-border shelling")."""

from __future__ import annotations

import pytest

from incidents.extract import extract


@pytest.mark.parametrize(
    "text",
    [
        "Kabul called on Islamabad to refrain from unacceptable artillery attacks.",
        "The ministry urged Pakistan to stop cross-border shelling in Kunar.",
    ],
)
def test_a_demand_to_stop_is_no_event(text):
    df = extract(text, article_date="2020-07-28", min_confidence=0)
    assert df.empty, df[["event_kind", "location"]]


def test_fighting_that_stopped_is_still_news():
    df = extract(
        "Pakistani forces shelled villages in Kunar on Monday, and the firing stopped at night.",
        article_date="2020-07-28",
        min_confidence=0,
    )
    assert "Kunar" in set(df["matched_name"].astype(str))
