"""Violence an article recalls when its news is something else (issue 17: "rows
that are background mentions made into incidents", "no row from the negative
control").

* An article whose lead (first two sentences) reports no violence — talks,
  deportations, a reopening — recalls a bombing of last week: background, not news.
  Violence of the last days it tells is still news; in an article led by violence
  nothing changes.
* An anniversary's event told again in a relative clause ("the anniversary of the
  massacre, in which gunmen killed 147") is the recollection, not news.
* A review's superlative over a period ("the deadliest attack of the month was a
  bombing in X") names an example of its tally, not news.

Every text is a paraphrase written for the test.
"""

from __future__ import annotations

import pytest

from incidents._extract_lex import VIOLENT
from incidents.extract import extract

TALKS = (
    "Talks between Pakistan and the Taliban government ended on Friday without an "
    "agreement, officials said. The delegations met in Istanbul for a third round. "
)

# (text, article date, places of the violent rows)
ROWS = [
    pytest.param(
        TALKS + "Last week, a suicide bombing outside a court in Islamabad killed 12 people.",
        "2025-11-07",
        [],
        id="talks-recall-last-weeks-bombing",
    ),
    pytest.param(
        "Thousands of Afghans returned home through Torkham on Monday as deportations "
        "continued. The crossing reopened after weeks of closure. On October 21, a "
        "drone strike in Khost killed four people.",
        "2025-11-03",
        [],
        id="returns-recall-a-strike-weeks-ago",
    ),
    pytest.param(
        TALKS + "On Thursday, a suicide bombing outside a court in Islamabad killed 12 people.",
        "2025-11-07",
        ["Islamabad"],
        id="talks-and-yesterdays-bombing-is-news",
    ),
    pytest.param(
        "A suicide bombing outside a court in Islamabad killed 12 people on Thursday. "
        "Police said the bomber came on foot. Last week, gunmen killed two policemen in "
        "Bannu.",
        "2025-11-07",
        ["Islamabad", "Bannu"],
        id="violent-lead-keeps-the-older-event",
    ),
    pytest.param(
        "Militant violence rose by 40 per cent in October, a think tank said on Monday. "
        "The deadliest attack of the month was a suicide bombing in Bannu that killed 15.",
        "2025-11-10",
        [],
        id="a-reviews-deadliest-attack",
    ),
    pytest.param(
        "Pakistan on Tuesday marked the anniversary of the school massacre in Peshawar, in "
        "which gunmen killed 147 people, most of them pupils.",
        "2025-12-16",
        [],
        id="anniversary-told-again-in-a-relative-clause",
    ),
    pytest.param(
        "Gunmen stormed a college in Peshawar on Monday, in which they killed 14 people.",
        "2025-12-16",
        ["Peshawar"],
        id="a-relative-clause-of-news-is-news",
    ),
    pytest.param(
        "A suicide bombing in Bannu on Sunday killed 15, the deadliest attack of the year.",
        "2025-11-10",
        ["Bannu"],
        id="news-called-the-deadliest-of-the-year",
    ),
]


# (text, article date, kinds of the rows): a ceasefire the news follows is its past
CEASEFIRES = [
    pytest.param(
        # (the meeting of both countries' officials is talks; the ceasefire is its past)
        "Officials of both countries met in Kabul on Saturday. The talks follow a ceasefire "
        "brokered by Qatar and Turkey.",
        "2025-11-15",
        ["talks"],
        id="talks-follow-a-ceasefire",
    ),
    pytest.param(
        "Pakistan and Afghanistan agreed to a ceasefire in Doha on Saturday.",
        "2025-11-15",
        ["ceasefire"],
        id="a-ceasefire-agreed-is-news",
    ),
]


@pytest.mark.parametrize(("text", "date", "kinds"), CEASEFIRES)
def test_a_ceasefire_the_news_follows(text: str, date: str, kinds: list[str]) -> None:
    assert list(extract(text, article_date=date)["event_kind"]) == kinds


@pytest.mark.parametrize(("text", "date", "places"), ROWS)
def test_recalled_violence_of_a_quiet_lead(text: str, date: str, places: list[str]) -> None:
    df = extract(text, article_date=date)
    df = df[df["event_kind"].isin(VIOLENT)]
    assert [p for p in places if not df["location"].str.contains(p).any()] == []
    assert len(df) == len(places), df[["location", "date"]]
