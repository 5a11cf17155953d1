"""A toll's update dated in the text ("the death toll rose to 31 on Tuesday night",
"With four more bodies found on Friday, the death toll rose to eight") dates the
counting, not the event: a later sentence telling the event's own earlier day at
the same place is the same incident, not a second one."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from incidents.extract import extract

DAY = "2025-01-18"  # a Saturday


def _rows(text: str) -> list[tuple[str, dt.date, dt.date, object]]:
    df = extract(text, article_date=DAY, min_confidence=0)
    return [
        (
            str(r["event_kind"]),
            r["date"].date(),
            (r["date"] if pd.isna(r["date_end"]) else r["date_end"]).date(),
            r["fatalities"],
        )
        for _, r in df.iterrows()
    ]


@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        (
            "The death toll in the Lakki Marwat bombing rose to 31 on Tuesday night. "
            "The blast hit a market in Lakki Marwat on Monday evening.",
            31,
        ),
        (
            "The number of the dead from the Lakki Marwat bombing climbed to 12 on Tuesday. "
            "The bomb went off in a market in Lakki Marwat on Monday.",
            12,
        ),
    ],
)
def test_toll_update_day_does_not_make_a_second_incident(text: str, deaths: int) -> None:
    rows = _rows(text)
    assert len(rows) == 1, rows
    kind, first, last, dead = rows[0]
    assert first <= dt.date(2025, 1, 13) <= last  # the Monday of the event
    assert dead == deaths


def test_an_event_day_is_not_a_toll_update() -> None:
    # two days, two events: nothing says Friday's was only a count
    rows = _rows(
        "Two soldiers were killed in an attack in Tank on Friday. "
        "Gunmen attacked a convoy in Tank on Thursday afternoon."
    )
    assert len(rows) == 2, rows


@pytest.mark.parametrize(
    "text",
    [
        "The death toll from the Bajaur bombing has risen to 63.",
        "KHAR - The death toll from the Bajaur bombing has risen to 63, with 123 injured "
        "people being treated at several hospitals, according to official sources.",
    ],
)
def test_a_risen_toll_is_its_incident_not_a_trend(text: str) -> None:
    df = extract(text, article_date=DAY, min_confidence=0)
    assert list(df["matched_name"]) == ["Bajaur"] and list(df["fatalities"]) == [63]


def test_a_trend_stays_a_trend() -> None:
    assert extract("Attacks in Bajaur have risen sharply this year.", article_date=DAY).empty
