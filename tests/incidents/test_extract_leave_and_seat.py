"""Leave to act is no act ("the prime minister gave a go-ahead for the airstrikes in X"),
and a capital that "later announced" is where a government speaks, not a scene."""

from __future__ import annotations

import pytest

from incidents.extract import extract


@pytest.mark.parametrize(
    "text",
    [
        "On Feb 20, Prime Minister Nawaz Sharif gave a go ahead for the airstrikes in North "
        "Waziristan and Khyber agencies.",
        "The cabinet gave the green light for an operation in Tirah on Monday.",
        "The army sought permission for strikes in Kurram.",
    ],
)
def test_leave_to_act_is_no_event(text):
    df = extract(text, article_date="2014-02-23", min_confidence=0)
    assert df.empty, df[["event_kind", "location"]]


def test_the_strikes_themselves_still_count():
    df = extract(
        "Jets struck hideouts in Tirah on Sunday, days after the prime minister gave a "
        "go-ahead for the airstrikes.",
        article_date="2014-02-23",
        min_confidence=0,
    )
    assert list(df["event_kind"]) == ["air_strike"]


def test_a_capital_that_later_announced_is_a_seat():
    df = extract(
        "Both woke to gunfire and artillery that overnight turned border posts into "
        "battlegrounds. Each side offers a different ledger of loss: Islamabad later "
        "announced that its forces had killed more than 200 Taliban in retaliatory strikes, "
        "while Kabul's defence ministry claimed that 58 Pakistani soldiers had been killed.",
        article_date="2025-10-12",
        min_confidence=0,
    )
    assert "Islamabad" not in set(df["matched_name"].astype(str)), df[["event_kind", "location"]]
