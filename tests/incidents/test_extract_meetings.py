"""A meeting of the two sides told by its verb or its name is talks
(``incidents/_extract_phrasing_h.py``, ``MORE_TRIGGERS_H["talks"]``); talks that "have
concluded" in a place are there; a truce that hostilities "ended with" is news."""

from __future__ import annotations

import pandas as pd
import pytest

from incidents.extract import extract

DATE = "2023-09-11"  # a Monday

CASES = [
    # sentence, place of the talks row (None: no talks row)
    (
        "Pakistan and Afghan authorities met at Torkham border on Sunday as the border "
        "closure persisted for the 5th consecutive day, official sources said.",
        "Torkham border crossing",
    ),
    (
        "A flag meeting between the officials of the two countries was held at Torkham on Sunday.",
        "Torkham",
    ),
    ("Afghan officials met their Pakistani counterparts at Chaman on Sunday.", "Chaman"),
    # a meeting between both sides' people, and both sides' people who convened
    (
        "Saudi Arabia hosted a meeting between Pakistani and Afghan officials in Riyadh on Sunday.",
        "Riyadh",
    ),
    (
        "Officials from Pakistan, Afghanistan and China convened in the Chinese city of "
        "Urumqi on Sunday.",
        "Urumqi",
    ),
    ("Officials from Pakistan and India convened in Dubai on Sunday.", None),
    ("Border forces of Pakistan and Afghanistan gathered in Chaman on Sunday.", None),
    # the two sides named as both countries; discussions between their delegations
    (
        "The violence occurred even as delegations from both countries met in Istanbul to "
        "ease tensions.",
        "Istanbul",
    ),
    (
        "Marathon discussions in Istanbul between delegations from Islamabad and the Taliban "
        "went on for a week.",
        "Istanbul",
    ),
    ("Discussions in Istanbul between the two leaders' children went on.", None),
    # the routine business of a crossing is no talks
    (
        "Officials of the two countries met at the Torkham border to discuss the travel documents.",
        None,
    ),
    # a headline's present tense; one side meeting the other's named official
    ("Afghan and Pakistani delegations meet in Riyadh in bid to ease border tensions", "Riyadh"),
    (
        "On Sunday the Afghan Taliban met with Pakistan's Special Representative for "
        "Afghanistan in Kabul.",
        "Kabul",
    ),
    ("Afghan and Pakistani delegations will meet in Riyadh next week.", None),
    # a delegation arrived for talks is where the talks are; a high-level meeting of the
    # two sides (not one side's own)
    (
        "A Pakistani delegation arrived in Kabul on Sunday for security talks with Afghan "
        "officials.",
        "Kabul",
    ),
    (
        "On Sunday the two sides agreed to expand trade during a high-level meeting in Kabul.",
        "Kabul",
    ),
    ("The prime minister chaired a high-level meeting in Islamabad on Sunday.", None),
    # one side alone is no talks
    ("Pakistani officials met in Islamabad on Sunday to discuss the border.", None),
    ("Afghan elders met at Spin Boldak on Sunday to discuss the drought.", None),
]


def _talks(text: str, date: str) -> pd.DataFrame:
    df = extract(text, article_date=date, min_confidence=0)
    return df[df["event_kind"] == "talks"]


@pytest.mark.parametrize(("text", "place"), CASES)
def test_a_meeting_of_the_two_sides_is_talks(text, place):
    talks = _talks(text, DATE)
    if place is None:
        assert talks.empty
    else:
        assert list(talks["matched_name"]) == [place]
        assert str(talks["date"].iloc[0])[:10] == "2023-09-10"


# Talks in a place that "have concluded" are talks there: the auxiliary after the place
# is the talks' verb, not a seat's (``incidents/_extract_places.py``, ``_TALKS_HAVE``).
CONCLUDED = [
    # sentence, place of the talks row (None: no row)
    (
        "High-level peace talks between Pakistan and Afghanistan in Istanbul have concluded "
        "without achieving a breakthrough.",
        "Istanbul",
    ),
    ("Negotiations between the two delegations in Doha have ended without a deal.", "Doha"),
    ("The talks in Istanbul have collapsed, officials said.", "Istanbul"),
    # a seat's verb stays a seat's
    ("The government in Kabul has rejected the talks.", None),
    ("Officials in Islamabad have said the talks will go on.", None),
]


@pytest.mark.parametrize(("text", "place"), CONCLUDED)
def test_talks_that_have_ended_in_a_place_are_there(text, place):
    assert list(_talks(text, "2025-10-28")["matched_name"]) == ([place] if place else [])


def test_talks_the_news_follows_stay_when_that_news_makes_no_row():
    # the extension of a truce in force makes no row: the talks it follows are news
    text = (
        "Pakistan and Afghanistan have agreed to extend a ceasefire following several days "
        "of tense negotiations in Istanbul, an information minister announced Friday."
    )
    df = extract(text, article_date="2025-10-31", min_confidence=0)
    assert df[df["event_kind"] == "talks"]["matched_name"].tolist() == ["Istanbul"]
    # ... but not when the news they follow is itself a row
    text = "Pakistan and Afghanistan agreed to a ceasefire on Friday following talks in Doha."
    df = extract(text, article_date="2025-10-31", min_confidence=0)
    assert "talks" not in set(df["event_kind"]), df[["location", "event_kind"]]


def test_a_truce_that_hostilities_ended_with_is_news():
    """ "Hostilities that ended with a truce agreed on Wednesday": "ended" is the
    fighting's, the truce is agreed (``incidents/_extract_lex.py``, ``_NOT_AGREED``)."""
    text = (
        "The talks follow a week of cross-border hostilities that ended with a 48-hour "
        "ceasefire agreed on Wednesday evening."
    )
    df = extract(text, article_date="2025-10-17", min_confidence=0)
    truce = df[df["event_kind"] == "ceasefire"]
    assert len(truce) == 1 and str(truce["date"].iloc[0])[:10] == "2025-10-15"
    ended = extract("The ceasefire ended on Wednesday.", article_date="2025-10-17")
    assert ended[ended["event_kind"] == "ceasefire"].empty


@pytest.mark.parametrize(
    "text",
    [
        "The negotiations were held amid deadly clashes in Kurram that killed six soldiers on "
        "Sunday.",
        "The talks were overshadowed by fresh shelling in Kurram on Sunday that killed six.",
    ],
)
def test_fighting_told_beside_talks_keeps_its_place(text):
    df = extract(text, article_date="2025-10-20", min_confidence=0)
    assert "Kurram" in set(df[df["event_kind"] != "talks"]["matched_name"])


# The venue named in a compound is the place of the agreement; a country that brokered
# it is its mediator, not its venue.
HOSTED = [
    ("On Sunday the two sides announced a ceasefire during Doha-mediated talks.", "Doha"),
    ("The two sides agreed on a ceasefire at Istanbul-hosted talks on Sunday.", "Istanbul"),
    ("On Sunday the two sides said the Qatar-brokered truce would hold.", None),
]


@pytest.mark.parametrize(("text", "venue"), HOSTED)
def test_a_venue_named_in_a_compound(text, venue):
    df = extract(text, article_date=DATE, min_confidence=0)
    df = df[df["event_kind"].isin(["talks", "ceasefire"])]
    names = list(df["matched_name"])
    if venue is None:
        assert "Qatar" not in names
    else:
        assert names == [venue]


# -- both sides named as holding a meeting ------------------------------------------------


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
def test_both_sides_holding_a_meeting_is_talks(text: str, place: str) -> None:
    df = extract(text, article_date=DATE, min_confidence=0)
    assert list(df["event_kind"]) == ["talks"], df
    assert df["matched_name"].iloc[0] == place


def test_one_side_holding_a_meeting_is_no_talks() -> None:
    df = extract("Pakistani officials held a meeting in Islamabad on Monday.", article_date=DATE)
    assert df.empty
