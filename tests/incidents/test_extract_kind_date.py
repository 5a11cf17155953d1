"""Table-driven tests of :mod:`incidents._extract_kind_date` and of two date and
role rules met with it (issue 17): an undated closure, ceasefire or talks takes
the date its kind was told with before (not the date of the sentence before); a
day after "said" is never a day to come; "officials said the crossings at X and Y"
names the crossings' places, not where the officials spoke.

Every sentence is a paraphrase written for the test (no published text); every
expected date is worked out by hand from the article date.
"""

from __future__ import annotations

import datetime as dt

import pytest

from incidents._extract_kind_date import kind_date
from incidents.extract import extract

# (article date, text, the crossing, the day its closure row must start)
DATED_BEFORE = [
    (
        "2025-10-12",
        "Key border crossings between the two countries were closed on October 12 after "
        "clashes erupted overnight, officials said.\n"
        "Taliban forces attacked Pakistani soldiers along their shared border on the night of "
        "October 10.\n"
        "Officials said the crossing at Torkham was closed.",
        "Torkham",
        "2025-10-12",
    ),
    (
        "2025-03-05",
        "Pakistan shut the Chaman crossing on Monday, March 3, after a shooting.\n"
        "A soldier was killed at a post in Zhob on Saturday.\n"
        "Traders said the crossing at Chaman was closed.",
        "Chaman",
        "2025-03-03",
    ),
]


@pytest.mark.parametrize(("date", "text", "place", "day"), DATED_BEFORE)
def test_an_undated_closure_takes_the_date_of_the_closure_told_before(date, text, place, day):
    df = extract(text, article_date=date)
    rows = df[(df["event_kind"] == "border_closure") & df["location"].str.contains(place)]
    assert len(rows) == 1
    assert rows.iloc[0]["date"] == dt.datetime.fromisoformat(day)


def test_kind_date_reads_only_the_kind_and_days_not_after_the_article():
    ref = dt.date(2025, 10, 12)
    texts = [
        "Talks were held in Doha on October 9.",
        "The crossing was closed on October 14, officials will say.",  # after the article
        "Troops clashed at Angoor Adda on October 11.",
    ]
    assert kind_date(texts, [0, 1, 2], "border_closure", ref) is None
    got = kind_date(texts, [0, 1, 2], "talks", ref)
    assert got is not None and got[0] == dt.date(2025, 10, 9) and got[3] == 0
    assert kind_date(texts, [0, 1, 2], "armed_clash", ref) is None  # violent: not this rule


def test_a_day_after_said_is_past_even_in_a_sentence_about_the_future():
    text = (
        "Pakistan will allow aid through the Torkham crossing that has been closed for nearly "
        "two months, a government official said Thursday."
    )
    df = extract(text, article_date="2025-12-05")  # a Friday
    assert len(df) == 1
    assert df.iloc[0]["date"] <= dt.datetime(2025, 12, 4)


SPEECH_THEN_SITE = [
    ("Officials said the crossings at Torkham and Chaman were closed on Sunday.", 2),
    ("A spokesman said the posts at Angoor Adda came under fire on Sunday.", 1),
]


@pytest.mark.parametrize(("text", "n"), SPEECH_THEN_SITE)
def test_a_site_noun_after_a_speech_word_keeps_its_place(text, n):
    assert len(extract(text, article_date="2025-10-12")) == n


def test_a_speech_venue_is_still_no_site():
    text = "The minister said at a news conference in Kabul on Sunday that talks would resume."
    assert extract(text, article_date="2025-10-12").empty


def test_a_sentence_that_adds_to_the_news_does_not_take_a_period_told_before() -> None:
    # "last month" dates the series told before; "strikes also hit Kandahar" adds to
    # the overnight strikes the article leads with
    text = (
        "Pakistan carried out new airstrikes on Kabul overnight, killing four people. "
        "Pakistan launched a series of airstrikes last month against militant groups. "
        "The Taliban spokesman said that Pakistani strikes also hit the southern province "
        "of Kandahar."
    )
    rows = extract(text, article_date="2026-03-13", min_confidence=0)
    kandahar = rows[rows["matched_name"] == "Kandahar"]
    assert len(kandahar) == 1
    assert str(kandahar.iloc[0]["date"])[:7] == "2026-03"
