"""The fighting named as the cause of a crossing's fresh closure happened at that
crossing when the sentence gives it no place of its own ("The border at Torkham was
closed on Wednesday following an armed clash between the two forces"): a clash row at
the crossing beside the closure row.  Not when the cause is the one told before ("the
clash"), a series along the border, or the closure of several crossings."""

from __future__ import annotations

import pandas as pd
import pytest

from incidents.extract import extract

DAY = "2023-09-07"


def _rows(text: str) -> pd.DataFrame:
    return extract(text, article_date=DAY, min_confidence=0)


CAUSED = [
    # (sentence, crossing, violent kind)
    (
        "The border at Chaman was temporarily closed on Wednesday following an armed clash "
        "between the security forces of the two countries.",
        "Chaman",
        "armed_clash",
    ),
    (
        "The crossing at Torkham was shut on Wednesday after a clash between border guards "
        "over the construction of a post.",
        "Torkham",
        "armed_clash",
    ),
    (
        "Ghulam Khan border closed after armed clash between Pak-Afghan forces",
        "Ghulam Khan",
        "armed_clash",
    ),
    (
        "The Torkham crossing was closed on Wednesday due to an exchange of fire that went on "
        "for over an hour.",
        "Torkham",
        "armed_clash",
    ),
]


@pytest.mark.parametrize(("text", "crossing", "kind"), CAUSED)
def test_the_cause_of_a_closure_is_fighting_at_the_crossing(text, crossing, kind):
    df = _rows(text)
    got = {
        (k, crossing in str(m)) for k, m in zip(df["event_kind"], df["matched_name"], strict=True)
    }
    assert got == {("border_closure", True), (kind, True)}, df[["event_kind", "matched_name"]]
    clash = df[df["event_kind"] == kind].iloc[0]
    closure = df[df["event_kind"] == "border_closure"].iloc[0]
    assert clash["date"] == closure["date"]


NOT_HERE = [
    # the clash told before, wherever it was
    "Border crossings including Torkham and Chaman were closed following the clash on Wednesday.",
    "The Torkham crossing was closed on Wednesday following the clash.",
    # a series of attacks along the border
    "The Chaman border was closed on Wednesday following a series of attacks by Taliban "
    "forces on Pakistani posts along the Durand Line.",
    # a cause with its own place
    "The Torkham crossing was closed on Wednesday after a clash in Kurram.",
]


@pytest.mark.parametrize("text", NOT_HERE)
def test_no_fighting_at_the_crossing(text):
    df = _rows(text)
    near = df[df["event_kind"] != "border_closure"]
    assert not near["matched_name"].astype(str).str.contains("Torkham|Chaman").any(), near[
        ["event_kind", "matched_name"]
    ]
