"""Attacks named as what something else is "due to" are its cause, read like "after"
("the crossing reopens after a closure due to ongoing tensions and terrorist attacks":
no attack at the crossing); deaths that "were due to" strikes are the strikes' own."""

from __future__ import annotations

from incidents.extract import extract


def test_attacks_a_closure_was_due_to_are_its_backstory():
    df = extract(
        "Trade between Pakistan and Afghanistan resumes as the Kharlachi border crossing "
        "reopens after temporary closure due to ongoing tensions and terrorist attacks.",
        article_date="2024-05-25",
        min_confidence=0,
    )
    assert not df["event_kind"].isin(["attack", "armed_clash"]).any(), df[
        ["event_kind", "location"]
    ]


def test_deaths_due_to_strikes_are_the_strikes_toll():
    df = extract(
        "Afghanistan withdrew from the series following the death of three local cricketers "
        "that the board said were due to military strikes in Paktika province on Friday.",
        article_date="2025-10-18",
        min_confidence=0,
    )
    strikes = df[df["event_kind"] == "air_strike"]
    assert len(strikes) == 1 and int(strikes["fatalities"].iloc[0]) == 3
