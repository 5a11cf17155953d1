"""Failures found on batch Q (real articles from outlets the rules had not seen), as
general rules.  Every sentence is a paraphrase written for the test, not article text.

- a reopening told as trade being restored ("preparations to restore trade at X,
  which has remained closed for a week") ends the closures it names: no closure row;
- a trend told after the event word ("attacks have seen an uptick in X") is no
  incident at X;
- violence never takes a date still to come ("withdrew from next month's series after
  strikes in X killed three");
- people killed "after returning home to X" were at X;
- "killing nine children (five boys and four girls) and a woman" is ten dead;
- "the X region of District Y": Y holds X, one row.
"""

from __future__ import annotations

import pandas as pd
import pytest
from extract_rows import in_district, violent

from incidents.extract import extract

DATE = "2025-10-21"


@pytest.mark.parametrize(
    ("text", "closures"),
    [
        (
            "Arrangements have been completed to restore trade at the Chaman crossing, which "
            "has remained closed for the past week after border clashes. Other routes, "
            "including Ghulam Khan, were also closed during the tension.",
            {"Chaman crossing": "2025-10-14", "Ghulam Khan": "2025-10-14"},
        ),
        (
            "Officials are preparing the restoration of transit trade through Torkham, which "
            "has been shut for ten days. Hundreds of trucks are waiting on both sides.",
            {"Torkham": "2025-10-11"},
        ),
    ],
)
def test_restored_trade_names_the_closures_it_ends(text, closures):
    """The closures a reopening ends are rows, from the day their length says they
    began to the article's date."""
    df = extract(text, article_date=DATE)
    got = {
        r["location"]: str(r["date"].date())
        for _, r in df[df["event_kind"] == "border_closure"].iterrows()
        if str(r["date_end"].date()) == DATE
    }
    assert got == closures, got


@pytest.mark.parametrize(
    "text",
    [
        "Militant attacks have seen a sharp rise in Bannu and Lakki Marwat.",
        "Despite the crackdown, terror attacks have only witnessed an uptick in Balochistan.",
        "Cross-border attacks in Kurram have increased this year, officials said.",
    ],
)
def test_trend_told_after_the_event_word_is_no_incident(text):
    assert violent(text, DATE).empty


def test_violence_takes_no_date_to_come():
    text = (
        "The team pulled out of next month's tournament in Lahore after the deaths of two "
        "players in air strikes in Khost province."
    )
    df = violent(text, DATE)
    assert len(df) == 1
    r = df.iloc[0]
    assert r["date"] <= pd.Timestamp(DATE)
    assert pd.isna(r["date_end"]) or r["date_end"] <= pd.Timestamp(DATE)


def test_killed_after_returning_home_to_a_place_were_there():
    text = (
        "Three students visited Sharana for an exam and were killed in the strikes on "
        "Friday after returning home to the Urgun district."
    )
    df = violent(text, DATE)
    assert list(df["location"]) == ["Urgun district"]


def test_and_more_after_a_breakdown_adds_up():
    text = (
        "Drones bombed a house in Khost on Monday night, killing seven children (four boys "
        "and three girls) and a woman."
    )
    df = violent(text, DATE)
    assert list(df["fatalities"]) == [8]


def test_region_of_district_is_held_by_the_district():
    text = (
        "Three soldiers were killed when militants attacked two posts in the Kalash region "
        "of District Chitral on Monday."
    )
    df = violent(text, DATE)
    assert len(df) == 1
    r = df.iloc[0]
    assert r["fatalities"] == 3
    # (the shipped OSM districts split Chitral in two)
    assert any(in_district(r, "Khyber Pakhtunkhwa", d) for d in ("Lower Chitral", "Upper Chitral"))
