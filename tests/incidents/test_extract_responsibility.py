"""Table-driven tests of :mod:`incidents._extract_responsibility` (issue 17): the
perpetrator of an incident from claims of responsibility and blame.

Every sentence is a paraphrase written for the test (no published text); every
expected agent is written by hand from the sentence.
"""

from __future__ import annotations

import pandas as pd
import pytest
from extract_rows import violent

from incidents._extract_lex import AF_MIL, HGB, PK_MIL, TTP
from incidents._extract_responsibility import BALOCH, WINDOW, _agents, attributions

DATE = "2025-11-12"

# (sentence, [(agent, how), ...])
SENTENCES = [
    # claims: the claimant, any faction of the TTP family
    ("The TTP later claimed responsibility for the ambush.", [(TTP, "claim")]),
    ("Jamaat-ul-Ahrar claimed the bombing in a message to reporters.", [(TTP, "claim")]),
    ("Ittehad-ul-Mujahideen Pakistan took responsibility for the raid.", [(TTP, "claim")]),
    ("The Hafiz Gul Bahadur group claimed the attack on the convoy.", [(HGB, "claim")]),
    ("Lashkar-e-Islam has claimed the two blasts, police said.", [(TTP, "claim")]),
    ("The attack was claimed by the Pakistani Taliban.", [(TTP, "claim")]),
    ("The Baloch Liberation Army claimed responsibility for the attack.", [(BALOCH, "claim")]),
    # no claim
    ("No group has yet claimed the attack on the police post.", []),
    ("The bombing, which killed four, has not been claimed by the TTP.", []),
    ("The blast claimed the lives of nine soldiers.", []),
    ("The TTP claimed that its fighters were not involved.", []),
    ("The Pakistani Taliban have claimed many such raids in the past.", []),
    # blame: the blamed agent, not the one who blames
    ("Islamabad blamed the attack on TTP fighters based in Afghanistan.", [(TTP, "blame")]),
    ("Kabul blamed Pakistan for the overnight strikes.", [(PK_MIL, "blame")]),
    ("The Taliban government accused Pakistan of bombing a village.", [(PK_MIL, "blame")]),
    ("The explosions, which Kabul attributed to Pakistan, hit a market.", [(PK_MIL, "blame")]),
    ("Officials pointed fingers at the Tehreek-e-Taliban Pakistan.", [(TTP, "blame")]),
    ("Police said the TTP was behind the killing of the two guards.", [(TTP, "blame")]),
    ("Security officials held Fitna al-Khawarij responsible for the ambush.", [(TTP, "blame")]),
    ("The ISPR blamed Fitna al-Hindustan for the attack on the bus.", [(BALOCH, "blame")]),
    # a denial or a refusal to confirm: the denier is the agent it was said to be
    ("Islamabad did not confirm the strikes.", [(PK_MIL, "denial")]),
    ("Pakistan has neither confirmed nor denied a role in the blasts.", [(PK_MIL, "denial")]),
    # speakers and victims are not agents; general charges are no blame of an event
    ("The Taliban said 12 civilians were killed in Pakistani strikes.", []),
    ("Pakistan accuses Afghanistan of sheltering the militants.", []),
    ("Islamabad accused Kabul of hosting fighters responsible for attacks.", []),
    ("Kabul says the hamlet is Afghan, a view Pakistan firmly denies.", []),  # no event
    # a group named as the subject of the attack
    ("BLA insurgents ambushed a convoy near the coast.", [(BALOCH, "subject")]),
]


@pytest.mark.parametrize(("text", "want"), SENTENCES)
def test_attributions(text, want):
    assert [(a.agent, a.how) for a in attributions(text)] == want


def test_names_overlap_to_the_group():
    # "Tehreek-e-Taliban Pakistan" is the TTP, not Pakistan's forces
    assert [a for _, _, a in _agents("the Tehreek-e-Taliban Pakistan said")] == [TTP]


def test_long_sentence_is_read_by_windows():
    """A 60 kB sentence of names and cues: every search is bounded by WINDOW, so the
    far claimant is not taken (and nothing is quadratic by construction)."""
    filler = "Pakistan and Afghanistan and Kabul " * 2000
    t = "The TTP " + filler + "claimed responsibility for the attack."
    assert len(t) > 60_000
    found = attributions(t)
    assert found == []  # the TTP is far more than WINDOW characters before the verb
    near = filler + "the TTP claimed responsibility for the attack."
    assert [(a.agent, a.how) for a in attributions(near)] == [(TTP, "claim")]
    assert WINDOW <= 200


def _sides(text: str) -> dict[str, str | None]:
    df = violent(text, DATE)
    return {
        str(r["location"]): (None if pd.isna(r["actor1"]) else str(r["actor1"]))
        for _, r in df.iterrows()
    }


# (article, place word of the row, its agent)
ARTICLES = [
    (
        "Gunmen attacked a police post in Lakki Marwat district on Tuesday, killing three "
        "officers.\nThe Pakistani Taliban later claimed responsibility.",
        "Lakki Marwat",
        TTP,
    ),
    (
        "Gunmen attacked a police post in Lakki Marwat district on Tuesday, killing three "
        "officers.\nNo group has claimed responsibility.",
        "Lakki Marwat",
        None,
    ),
    (
        "Militants stormed a checkpoint in Tank district on Tuesday, killing two soldiers.",
        "Tank",
        None,
    ),
    # the army's operation is no attack a claim of the article is about
    (
        "Five militants were killed in an operation in North Waziristan on Tuesday.\n"
        "Separately, gunmen attacked a post in Tank district on Tuesday, killing two "
        "soldiers.\nThe Pakistani Taliban claimed responsibility for the attack.",
        "North Waziristan",
        None,
    ),
    (
        "Five militants were killed in an operation in North Waziristan on Tuesday.\n"
        "Separately, gunmen attacked a post in Tank district on Tuesday, killing two "
        "soldiers.\nThe Pakistani Taliban claimed responsibility for the attack.",
        "Tank",
        TTP,
    ),
    # Pakistan's "Fitna al-Hindustan" are Baloch separatists, not the TTP
    (
        "Terrorists of Fitna al-Hindustan attacked a bus in Kech district on Tuesday, "
        "killing four passengers.",
        "Kech",
        BALOCH,
    ),
    (
        "Gunmen fired on a police van in Kech district on Tuesday, killing two policemen.\n"
        "The Baloch Liberation Army claimed the attack.",
        "Kech",
        BALOCH,
    ),
    (
        "A blast hit a market in Paktika province on Tuesday night.\n"
        "The Taliban government blamed Pakistan for the strike.",
        "Paktika",
        PK_MIL,
    ),
    (
        "Explosions were heard in Khost province on Tuesday night.\n"
        "Islamabad did not confirm the strikes.",
        "Khost",
        PK_MIL,
    ),
    (
        "The Taliban said 12 civilians were killed in Pakistani strikes in Kunar province "
        "on Tuesday.",
        "Kunar",
        PK_MIL,
    ),
    (
        "The ISPR said soldiers repulsed an attack by Afghan Taliban in Kurram district on "
        "Tuesday.",
        "Kurram",
        AF_MIL,
    ),
]


@pytest.mark.parametrize(("text", "place", "side"), ARTICLES)
def test_article_side(text, place, side):
    sides = _sides(text)
    rows = [k for k in sides if place in k]
    assert rows, sides
    assert sides[rows[0]] == side
