"""An operation named as the frame of other news is not an incident; "targeted" before
the noun of an event is its adjective (``incidents/_extract_events.py``)."""

from __future__ import annotations

import pandas as pd
import pytest

from incidents.extract import extract

DATE = "2025-08-17"

FRAMES = [
    # a curfew, an evacuation or a closure told with the operation it serves: no row
    "The district administration has imposed a curfew in 24 areas of Mamond tehsil in "
    "Bajaur district as part of a targeted operation against militants.",
    "Residents of Mamond tehsil were asked to leave their homes ahead of an operation "
    "against militants.",
    "Roads in Mamond tehsil were closed in preparation for a military operation.",
]

TOLD = [
    # the operation itself, or a deed told inside it: a row
    (
        "Security forces launched a targeted operation against militants in Mamond tehsil "
        "on Saturday.",
        None,
    ),
    ("As part of the operation, troops killed five militants in Mamond tehsil on Saturday.", 5),
    (
        "Security forces killed five militants in a targeted operation in Mamond tehsil on "
        "Saturday.",
        5,
    ),
]


# an operation with its own day or deed, after a frame word: still news (any place)
TOLD_ELSEWHERE = [
    "As part of the ongoing military operation in Bajaur, security forces killed 5 "
    "militants on Sunday.",
    "Residents fled ahead of the military operation in Tirah, which killed 20 militants on Sunday.",
    "Thousands of families left Bajaur ahead of the military operation that began on Sunday.",
]


@pytest.mark.parametrize("text", TOLD_ELSEWHERE)
def test_an_operation_with_its_day_or_deed_stays_news(text):
    df = extract(text, article_date=DATE, min_confidence=0)
    assert list(df["event_kind"]) == ["armed_clash"]


@pytest.mark.parametrize("text", FRAMES)
def test_an_operation_framing_other_news_is_no_incident(text):
    df = extract(text, article_date=DATE, min_confidence=0)
    assert df.empty, df[["location", "event_kind"]]


@pytest.mark.parametrize(("text", "killed"), TOLD)
def test_an_operation_told_as_news_is_one_row(text, killed):
    df = extract(text, article_date=DATE, min_confidence=0)
    assert len(df) == 1
    assert df["matched_name"].iloc[0] == "Mamund"
    assert df["actor1"].iloc[0] == "Military Forces of Pakistan"
    got = df["fatalities"].iloc[0]
    assert (None if pd.isna(got) else int(got)) == killed
