"""Table-driven tests of phrasings found on batch L of ``tests/incidents/data/articles.jsonl``
(articles whose news is not violence but which recall it; rules in
:mod:`incidents._extract_phrasing_l`).

Every sentence here is a paraphrase written for the test (other places, other days,
other words around the phrasing); every expected value is written by hand from the
sentence.  Each table has rows that must *not* change, so a rule cannot pass by
matching everything.
"""

from __future__ import annotations

import pytest
from extract_rows import violent

from incidents._extract_phrasing_l import (
    facility_after,
    talks_topic,
    weather_strike,
    without_weather,
)
from incidents.extract import extract

# -- a town's name opening the name of a facility in that town ----------------------------
FACILITY = [
    # (text after the town's name, a facility of the town?)
    (" Police Lines on Sunday", True),
    (" Press Club, witnesses said", True),
    (" Cantonment late at night", True),
    (" Central Jail was attacked", True),
    (" Railway Station", True),
    # controls: teams, agencies, people and landmarks named after a person stay glued
    (" Gladiators won by three runs", False),
    (" Zalmi lost the toss", False),
    (" Police said two suspects fled", False),
    (" Khan, a local elder", False),
    (" police lines", False),  # lower case: no longer name to begin with
]


@pytest.mark.parametrize(("right", "expected"), FACILITY)
def test_facility_after(right: str, expected: bool) -> None:
    assert facility_after(right) is expected


FACILITY_ROWS = [
    # (sentence, a violent row placed in the named town?)
    ("A bomb went off near the Bannu Police Lines on Friday, injuring four people.", "Bannu"),
    ("An explosion was heard close to the Peshawar Press Club on Tuesday.", "Peshawar"),
    ("Gunmen opened fire outside the Quetta Railway Station on Monday, wounding two.", "Quetta"),
    # controls: no violence, or a team of the town
    ("Journalists gathered at the Peshawar Press Club on Tuesday to protest.", None),
    ("Quetta Gladiators defeated Peshawar Zalmi by five wickets on Sunday.", None),
]


@pytest.mark.parametrize(("sentence", "town"), FACILITY_ROWS)
def test_facility_rows(sentence: str, town: str | None) -> None:
    rows = violent(sentence, "2024-03-08")
    if town is None:
        assert rows.empty
    else:
        assert len(rows) == 1
        assert rows.iloc[0]["location"] == town


# -- the place talks were about is not their venue ----------------------------------------
TOPIC = [
    # (words before the mention, the topic of a meeting?)
    ("Officials from both sides met on Monday in talks to ease tensions at the ", True),
    ("The two delegations held talks over the dispute along the ", True),
    ("A jirga was convened to resolve the row over the closure of the ", True),
    ("Negotiators discussed the situation at the ", False),  # no meeting noun before
    # controls: the venue of talks, and violence near a meeting word
    ("The delegations held talks at the ", False),
    ("Officials met in ", False),
    ("Tensions flared after clashes at the ", False),
    ("The meeting was held days after an attack in ", False),
]


@pytest.mark.parametrize(("before", "expected"), TOPIC)
def test_talks_topic(before: str, expected: bool) -> None:
    assert talks_topic(before) is expected


TOPIC_ROWS = [
    # (sentence, number of rows at all)
    ("Delegations met on Wednesday for talks to defuse tensions at the Chaman crossing.", 0),
    ("Traders and officials held a meeting on the reopening of the Torkham crossing on Sunday.", 0),
    # controls: talks held at a place, and a clash at a crossing
    ("Border officials of the two countries held talks at the Chaman crossing on Wednesday.", 1),
    ("Guards of the two countries clashed at the Chaman crossing on Wednesday.", 1),
]


@pytest.mark.parametrize(("sentence", "n"), TOPIC_ROWS)
def test_topic_rows(sentence: str, n: int) -> None:
    assert len(extract(sentence, article_date="2024-05-02")) == n


# -- a strike or an "attack" of lightning or thunder is weather --------------------------
WEATHER = [
    # (sentence, number of violent rows)
    ("Lightning strikes killed four herders in Kurram on Wednesday.", 0),
    ("Two boys died when a thunderbolt struck them in Mohmand on Wednesday.", 0),
    ("Six people died in Chitral due to flash floods and thunder attacks on Wednesday.", 0),
    # controls: strikes and attacks of war, and weather beside a real attack
    ("A drone strike killed four men in Kurram on Wednesday.", 1),
    ("Militants attacked a checkpoint in Mohmand on Wednesday, killing two guards.", 1),
    ("Despite a thunderstorm, gunmen attacked a police post in Bannu on Wednesday.", 1),
]


@pytest.mark.parametrize(("sentence", "n"), WEATHER)
def test_weather_is_no_attack(sentence: str, n: int) -> None:
    assert len(violent(sentence, "2024-07-11")) == n


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("a lightning ", True),
        ("thunder ", True),
        ("artillery ", False),
        ("drone ", False),
    ],
)
def test_weather_strike(before: str, expected: bool) -> None:
    assert weather_strike(before) is expected


def test_without_weather_keeps_offsets() -> None:
    s = "Lightning strikes killed two; thunder attacks hit the valley."
    out = without_weather(s)
    assert len(out) == len(s)
    assert "strikes" not in out and "attacks" not in out
    assert without_weather("Drone strikes hit the valley.") == "Drone strikes hit the valley."


# -- a closure told "earlier", ended by a reopening told later, is background ------------
CLOSURES = [
    # (article, number of rows)
    (
        "Officials of the two countries met on Monday to discuss trade.\n"
        "Earlier this month, the Chaman crossing was shut after guards exchanged fire.\n"
        "Traffic resumed on Saturday when the crossing reopened.",
        0,
    ),
    # controls: no reopening told; a closure told with its own day
    (
        "Officials of the two countries met on Monday to discuss trade.\n"
        "Earlier this month, the Chaman crossing was shut after guards exchanged fire.\n"
        "Traders said losses were mounting.",
        1,
    ),
    (
        "Officials of the two countries met on Monday to discuss trade.\n"
        "The Chaman crossing was shut on October 16 after guards exchanged fire.\n"
        "Traffic resumed on Saturday when the crossing reopened.",
        1,
    ),
]


@pytest.mark.parametrize(("text", "n"), CLOSURES)
def test_closure_ended_by_later_reopening(text: str, n: int) -> None:
    got = extract(text, article_date="2024-10-22")
    assert len(got[got["event_kind"].eq("border_closure")]) == n
