"""A deed told in a pluperfect passive relative clause ("forests in Shawal, which had
been destroyed by the tribes", "Torkham, which had been closed for nine days due to
clashes, reopened") is a state behind the news, not an incident of it."""

from __future__ import annotations

import pytest

from incidents.extract import extract


@pytest.mark.parametrize(
    "text",
    [
        "The elders asked for access to the timber forests in Shawal, which had been "
        "destroyed by the tribes.",
        "They visited the school in Mamund, which had been attacked by militants.",
    ],
)
def test_a_pluperfect_relative_clause_is_no_incident(text):
    df = extract(text, article_date="2024-07-28", min_confidence=0)
    assert df.empty, df[["event_kind", "location"]]


def test_the_main_clause_still_counts():
    df = extract(
        "Militants attacked a post in Mamund on Sunday, which had been attacked before.",
        article_date="2024-07-28",
        min_confidence=0,
    )
    assert list(df["event_kind"]) == ["attack"]
