"""A sentence's second event placed by the first one's place ("... and traded fire
there", ``incidents/_extract_there.py``) and a frontier-wide row placed by a later
reference to its event ("following Monday's attack in X",
``incidents/_extract_reference.py``)."""

from __future__ import annotations

import pandas as pd
import pytest

from incidents.extract import extract

DATE = "2023-02-22"  # a Wednesday

THERE = [
    # sentence, kinds expected at Torkham, day of the clash (None: no clash row)
    (
        "Taliban forces on Sunday closed the Torkham border crossing and on Monday traded "
        "fire with Pakistani border guards there.",
        "2023-02-20",
    ),
    (
        "Pakistani forces on Sunday shut the Torkham crossing and on Monday exchanged fire "
        "with Afghan guards there.",
        "2023-02-20",
    ),
    # the day the clause tells, not the day it was told
    (
        "Taliban forces on Sunday closed the Torkham border crossing and traded fire with "
        "Pakistani border guards there, officials said on Tuesday.",
        "2023-02-19",
    ),
    # denied, not reported, threatened: no clash
    ("Taliban forces on Sunday closed the Torkham crossing and denied any clashes there.", None),
    ("Authorities closed the Torkham crossing on Sunday and no clashes were reported there.", None),
    (
        "Pakistan on Sunday closed the Torkham crossing and warned of retaliation against any "
        "attack there.",
        None,
    ),
    # no "there": the clash is not placed by the closure's place
    (
        "Taliban forces on Sunday closed the Torkham border crossing and on Monday traded "
        "fire with Pakistani border guards.",
        None,
    ),
    # "there" in another clause ("but"): not the clash's place
    (
        "Taliban forces on Sunday closed the Torkham border crossing, but trucks waited "
        "there while guards elsewhere traded fire.",
        None,
    ),
]


@pytest.mark.parametrize(("text", "day"), THERE)
def test_a_clause_joined_by_and_is_placed_by_there(text, day):
    df = extract(text, article_date=DATE, min_confidence=0)
    assert "border_closure" in set(df["event_kind"])
    clash = df[df["event_kind"] != "border_closure"]
    if day is None:
        assert clash.empty
        return
    assert list(clash["matched_name"]) == ["Torkham"]
    assert clash["date"].iloc[0] == pd.Timestamp(day)


ART = "2026-02-19"  # a Thursday

REFERENCE = [
    # article, where the attack row ends up, its day
    (
        "Pakistan lodged a strong protest over a deadly suicide attack earlier this week "
        "that killed 11 soldiers near the Afghan border.\n"
        "The Afghan envoy was handed a protest following Monday's attack in the "
        "northwestern Bajaur district.",
        "Bajaur",
        "2026-02-16",
    ),
    (
        "A suicide bomber killed 11 soldiers near the Afghan border this week.\n"
        "The Afghan envoy was summoned on Wednesday following Monday's attack in the Bannu "
        "district.",
        "Bannu",
        "2026-02-16",
    ),
    # a comparison names another event
    (
        "A suicide attack killed 11 soldiers near the Afghan border on Monday.\n"
        "Analysts compared it to the bombing in Quetta.",
        None,
        "2026-02-16",
    ),
    # the reference is to another day's attack: the row stays frontier-wide
    (
        "Pakistan lodged a strong protest over a deadly suicide attack on Monday "
        "that killed 11 soldiers near the Afghan border.\n"
        "The Afghan envoy was handed a protest following the February 5 attack in the "
        "northwestern Bajaur district.",
        None,
        "2026-02-16",
    ),
]


@pytest.mark.parametrize(("text", "place", "day"), REFERENCE)
def test_a_frontier_wide_row_is_placed_by_a_later_reference(text, place, day):
    df = extract(text, article_date=ART, min_confidence=0)
    rows = df[df["date"] == pd.Timestamp(day)]
    assert len(rows) == 1
    row = rows.iloc[0]
    if place is None:
        assert "frontier_wide" in str(row["review_flags"])
    else:
        assert row["matched_name"] == place
        assert "frontier_wide" not in str(row["review_flags"])


CAUSE = [
    # sentence, day of the clash at Torkham (None: no clash row at Torkham)
    (
        "The closure of the Torkham border crossing due to clashes between their security "
        "forces is a troubling development.",
        "2023-02-21",
    ),
    ("Torkham was closed on Tuesday after clashes between border forces on Monday.", "2023-02-20"),
    (
        "Torkham was closed on Tuesday after clashes, officials said in Peshawar, while trade "
        "remained suspended.",
        "2023-02-21",
    ),
    # clashes to come are no clash
    (
        "The Torkham crossing was closed on Tuesday to avert clashes, and traders said it "
        "would reopen after clashes subside.",
        None,
    ),
    ("Torkham was closed on Tuesday after deadly clashes in the nearby Tirah valley.", None),
    # the clash has a place of its own: not Torkham's
    ("Torkham was closed on Tuesday after clashes in Kurram.", None),
    ("Torkham was closed on Tuesday after clashes along the border.", None),
]


@pytest.mark.parametrize(("text", "day"), CAUSE)
def test_the_clash_a_closure_is_blamed_on_is_at_its_crossing(text, day):
    df = extract(text, article_date=DATE, min_confidence=0)
    assert "Torkham" in set(df.loc[df["event_kind"] == "border_closure", "matched_name"])
    clash = df[(df["event_kind"] == "armed_clash") & (df["matched_name"] == "Torkham")]
    if day is None:
        assert clash.empty
        return
    assert len(clash) == 1
    assert (
        clash["date"].iloc[0]
        <= pd.Timestamp(day)
        <= clash["date_end"].fillna(clash["date"]).iloc[0]
    )
