"""Sides found wrong on batches J and E (real articles from outlets the rules had not
seen), as general rules.  Every sentence is a paraphrase written for the test.

- posts that "came under fire" are the target, not the attacker;
- "the Taliban" fighting Pakistan's forces across the line ("retaliatory attacks on
  Pakistani positions", "along the Durand Line") are the Afghan Taliban, and so are
  "Taliban units"; the Pakistani Taliban stay the TTP;
- "the Taliban said it carried out ...", "claimed to have seized ...": the speaker did it;
- ", prompting Pakistan to escalate, carrying out strikes in X": a new subject.
"""

from __future__ import annotations

import pytest
from extract_rows import violent

DATE = "2025-10-12"
PK, AF, TTP = (
    "Military Forces of Pakistan",
    "Afghan Taliban forces",
    "TTP (Tehrik-i-Taliban Pakistan)",
)


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "Pakistani posts and checkpoints in Kurram came under heavy fire on Saturday night.",
            None,
            PK,
        ),
        (
            "Artillery attacks on Pakistani positions and advances by Taliban units were "
            "recorded in the Dangam sector on Saturday.",
            AF,
            PK,
        ),
        (
            "The Taliban said it carried out retaliatory attacks on Pakistani military "
            "positions in Kurram on Saturday.",
            AF,
            PK,
        ),
        (
            "The Taliban claimed to have seized two Pakistani border posts in Helmand on Saturday.",
            AF,
            PK,
        ),
        (
            "The Taliban carried out retaliatory strikes on Pakistan Army checkpoints in Bajaur on "
            "Saturday night, killing 12 soldiers.",
            AF,
            PK,
        ),
        ("Pakistani Taliban fighters attacked a police post in Tank on Saturday.", TTP, None),
    ],
)
def test_sides_of_cross_border_attacks(text, actor1, actor2):
    df = violent(text, DATE)
    assert len(df) == 1
    r = df.iloc[0]
    got1 = None if r.isna()["actor1"] else r["actor1"]
    got2 = None if r.isna()["actor2"] else r["actor2"]
    assert got1 == actor1
    if actor2 is not None:
        assert got2 == actor2


def test_prompting_opens_a_new_subject():
    text = (
        "The Taliban hit back by targeting Pakistani positions on Saturday, prompting Pakistan "
        "to escalate further, carrying out strikes in Kandahar and Paktia."
    )
    df = violent(text, DATE)
    strikes = df[df["location"].isin(["Kandahar", "Paktia"])]
    assert len(strikes) == 2
    assert set(strikes["actor1"]) == {PK}
