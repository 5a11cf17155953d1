"""A meeting, rally or group that violence strikes is its target, not a venue.

Words that usually name where people speak or sit ("a rally in X", "a meeting in
X", "commanders in X") made the place after them a venue or a seat, so "a blast
struck a rally in Bajaur" and "troops killed three TTP commanders in Bannu" gave no
row.  When a violent event word governs the word (a few words before it, no other
verb between), the place is the scene.  Every sentence is a paraphrase written for
the test.
"""

from __future__ import annotations

import pytest

from incidents.extract import extract

DATE = "2025-10-14"


@pytest.mark.parametrize(
    ("text", "place", "deaths"),
    [
        ("A blast struck a political rally in Bajaur on Sunday, killing 12 people.", "Bajaur", 12),
        (
            "Security forces killed three TTP commanders in Bannu district on Sunday.",
            "Bannu district",
            3,
        ),
        (
            "A suicide bomber blew himself up at a tribal meeting in Peshawar on Sunday, "
            "killing five.",
            "Peshawar",
            5,
        ),
        (
            "Gunmen attacked the government offices in Khar on Sunday, killing two guards.",
            "Khar",
            2,
        ),
    ],
)
def test_the_target_of_violence_places_it(text, place, deaths):
    df = extract(text, article_date=DATE)
    assert len(df) == 1, df[["location"]]
    assert df.iloc[0]["location"] == place
    assert df.iloc[0]["fatalities"] == deaths


@pytest.mark.parametrize(
    "text",
    [
        # the event word governs something else: the venue stays a venue
        "The airstrikes coincided with a visit to Kabul by the envoy on Sunday.",
        "After the attack, army commanders in Rawalpindi met on Sunday to review security.",
        "After deadly clashes, delegations met in Istanbul on Sunday.",
    ],
)
def test_a_venue_after_other_words_stays_a_venue(text):
    df = extract(text, article_date=DATE)
    assert not df["event_type"].ne("Strategic developments").any(), df[["location"]]
