"""Who did it, and who suffered it: a force named as the one attacked ("a convoy of
the Pakistan Army was ambushed") or killed ("gunmen shot dead a TTP commander") is
the victim, never the side that acted; "resulted in the martyrdom of seven
soldiers" is a toll (but "the martyrdom of Imam Hussain" is no event)."""

from __future__ import annotations

import pandas as pd
import pytest

from incidents._extract_lex import PK_MIL, TTP
from incidents.extract import extract

DAY = "2024-06-18"


def _rows(text: str) -> pd.DataFrame:
    return extract(text, article_date=DAY, min_confidence=0)


@pytest.mark.parametrize(
    "text",
    [
        "A convoy of the Pakistan Army was ambushed in Isham on Sunday.",
        "Pakistani soldiers were attacked in Isham on Sunday.",
        "A Pakistani check post was targeted in Bajaur on Sunday.",
        "Unknown gunmen shot dead a TTP commander in Asadabad on Monday.",
        "Gunmen gunned down a Pakistani army officer in Bannu on Monday.",
    ],
)
def test_the_victim_is_not_the_side_that_acted(text: str) -> None:
    df = _rows(text)
    assert len(df) == 1
    assert pd.isna(df["actor1"].iloc[0]), df["actor1"].iloc[0]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Pakistani security forces were attacked in Bajaur by TTP militants on Sunday.", TTP),
        ("Pakistani forces killed five militants in Bajaur on Sunday.", PK_MIL),
        ("The TTP killed two policemen in Bannu on Monday.", TTP),
    ],
)
def test_the_agent_is_still_read(text: str, side: str) -> None:
    assert list(_rows(text)["actor1"]) == [side]


def test_martyrdom_of_a_count_is_a_toll() -> None:
    df = _rows(
        "A convoy was ambushed in Isham area of North Waziristan on Sunday. "
        "It resulted in the martyrdom of seven soldiers."
    )
    assert list(df["fatalities"]) == [7]


def test_a_martyr_of_history_is_no_event() -> None:
    assert _rows("Ashura commemorates the martyrdom of Imam Hussain in Karbala.").empty


@pytest.mark.parametrize(
    "text",
    [
        "Terrorists fired from across the border on a post in Bajaur on Sunday.",
        "According to a statement, terrorists fired from across on the post along the border "
        "in Bajaur.",
    ],
)
def test_fire_from_across_on_a_post_is_an_event_at_its_place(text: str) -> None:
    assert list(_rows(text)["matched_name"]) == ["Bajaur"]
