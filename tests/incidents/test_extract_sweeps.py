"""A search operation launched after an attack to trace its attackers is the hunt that
follows the incident, not a second incident ("Security forces launched a search
operation in the area to trace the attackers")."""

from __future__ import annotations

import pytest

from incidents.extract import extract

ATTACK = (
    "A terrorist was killed after a group of militants stormed a police station in Wana town "
    "of South Waziristan in the wee hours of Sunday.\n"
    "The militants then took away the police vehicles and weapons.\n"
)


@pytest.mark.parametrize(
    "after",
    [
        "Security forces have reportedly launched a search operation in the area to find the "
        "suspects involved in the attack.",
        "A search operation was underway in the area to track down the terrorists.",
        "Police launched a combing operation to arrest the culprits.",
    ],
)
def test_the_hunt_after_an_attack_is_no_incident(after):
    df = extract(ATTACK + after, article_date="2023-04-10", min_confidence=0)
    assert len(df) == 1 and df["event_kind"].iloc[0] != "armed_clash", df[
        ["event_kind", "location"]
    ]


def test_an_operation_with_a_toll_still_counts():
    df = extract(
        "Security forces killed four terrorists in a search operation in Tank on Monday.",
        article_date="2023-04-10",
        min_confidence=0,
    )
    assert len(df) == 1 and int(df["fatalities"].iloc[0]) == 4
