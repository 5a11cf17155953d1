"""A review article's month dates the events it lists without a date of their own; a
year's review keeps the year's incidents it tells with their days."""

from __future__ import annotations

import datetime as dt

import pytest

from incidents._extract_period import review_period, review_year
from incidents.extract import extract

# (lead sentences, article date, the month read, or None)
LEADS = [
    (["Militant attacks expanded to nine districts in June: report"], "2024-07-06", "2024-06"),
    (
        ["ISLAMABAD: Terrorism-related deaths surged by 73 percent in February 2025."],
        "2025-03-07",
        "2025-02",
    ),
    # a day in the lead: an event's article
    (["Militants attacked a post in Bannu on June 12, in a month of attacks."], "2024-07-06", None),
    # "last month": told beside the news, not the article's frame
    (["Last month, 11 soldiers were killed in an air strike."], "2008-07-12", None),
    # no violence: a trade review
    (["Bilateral trade fell by 9 percent in September."], "2023-10-15", None),
    # a month long past: background, not a review
    (["Attacks in Bannu rose sharply in June."], "2024-11-06", None),
    # the month still running: no review of it yet
    (["Attacks in Bannu have risen in July."], "2024-07-06", None),
]


@pytest.mark.parametrize(("lead", "date", "month"), LEADS)
def test_the_month_a_review_lead_names(lead, date, month):
    got = review_period(lead, dt.date.fromisoformat(date))
    assert (got[0].strftime("%Y-%m") if got else None) == month
    if got:
        assert got[0].day == 1 and (got[1] + dt.timedelta(days=1)).day == 1


def test_undated_events_of_a_review_are_of_its_month():
    text = (
        "Militant attacks expanded to nine districts in June: report\n"
        "A think tank documented 27 terrorist attacks in Pakistan in June.\n"
        "Security forces conducted five operations against militants, killing 17.\n"
        "Four of the operations took place in Bannu and Lakki Marwat districts."
    )
    df = extract(text, article_date="2024-07-06", min_confidence=0)
    bannu = df[df["location"].str.contains("Bannu")]
    assert len(bannu) == 1
    assert str(bannu.iloc[0]["date"].date()) == "2024-06-01"
    assert str(bannu.iloc[0]["date_end"].date()) == "2024-06-30"
    assert "date_not_stated" not in str(bannu.iloc[0]["review_flags"])


# (lead sentences, article date, the year read, or None)
YEARS = [
    (["2024 saw a re-emergence of deadly sectarian clashes in Parachinar"], "2024-12-29", 2024),
    (["Militancy in 2025: attacks rose by a third"], "2026-01-20", 2025),
    # written mid-year: no review of the year
    (["2024 saw a re-emergence of deadly clashes in Parachinar"], "2024-06-10", None),
    # a day in the lead: an event's article
    (["Militants attacked a post in Bannu on December 12, 2024."], "2024-12-20", None),
    # no violence: an economy review
    (["2024 was a good year for exports through Torkham"], "2024-12-29", None),
    # a year long past
    (["The 2014 school massacre still haunts Peshawar"], "2024-12-16", None),
]


@pytest.mark.parametrize(("lead", "date", "year"), YEARS)
def test_the_year_a_review_lead_names(lead, date, year):
    got = review_year(lead, dt.date.fromisoformat(date))
    assert (got[0].year if got else None) == year


def test_a_years_review_keeps_its_dated_incidents():
    text = (
        "2024 saw a re-emergence of deadly sectarian clashes in Kurram\n"
        "Hundreds of people lost their lives in the violence this year.\n"
        "On January 23, five people were wounded in three landmine blasts in Upper Kurram.\n"
        "On February 15, a security official was killed in a clash in Parachinar."
    )
    got = extract(text, article_date="2024-12-29")
    dated = got[got["date"].dt.year == 2024].sort_values("date")
    assert [str(d.date()) for d in dated["date"]][:2] == ["2024-01-23", "2024-02-15"]
    # the same lines under a lead of news of the day are history
    news = text.replace(
        "2024 saw a re-emergence of deadly sectarian clashes in Kurram",
        "Gunmen attacked a checkpost in Kurram on Saturday",
    )
    old = extract(news, article_date="2024-12-29")
    assert not (old["date"].dt.month <= 2).any()
