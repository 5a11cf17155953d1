"""Table-driven tests of phrasings found on batch K of ``tests/incidents/data/articles.jsonl``
(2021-2026 frontier-violence reports from outlets the extraction rules had not been
written on; rules in :mod:`incidents._extract_phrasing_k`).

Every sentence here is a paraphrase written for the test (other places, other days,
other numbers and words around the phrasing); every expected value is written by hand
from the sentence.  Each table has rows that must *not* change, so a rule cannot pass
by matching everything.
"""

from __future__ import annotations

import pandas as pd
import pytest
from extract_rows import violent

from incidents._extract_counts import casualties_in, counts_in
from incidents._extract_phrasing_k import (
    agency_operation,
    definite_restatement,
    nominal_tolls,
    own_target,
    without_anchored,
)

# -- a toll told by nouns after a result verb or a conjunction ----------------------------

NOUN_TOLLS = [
    # (sentence, killed, wounded)
    ("Gunmen stormed a checkpoint in Wana, resulting in at least one death and 9 injuries.", 1, 9),
    ("The blast near the market caused three fatalities and 20 injuries, police said.", 3, 20),
    ("Mortars hit the village on Friday, leaving one death and two injuries.", 1, 2),
    ("The ambush ended with 12 injuries among the guards.", None, 12),
    ("Rockets fell on the bazaar, resulting in one fatality.", 1, None),
    # controls: no count, or a count the older rules read already
    ("The constable died of his injuries in hospital.", None, None),
    ("Officials said the injuries were not life-threatening.", None, None),
    ("The attack caused two deaths, officials said.", 2, None),
    ("Four soldiers were killed and 15 others injured in the raid.", 4, 15),
    ("The raid left the building with serious damage.", None, None),
    # a number that does not agree with its noun is no count
    ("The report lists one injuries to the guards.", None, None),
]


@pytest.mark.parametrize(("sentence", "killed", "wounded"), NOUN_TOLLS)
def test_noun_tolls(sentence: str, killed: int | None, wounded: int | None) -> None:
    c = casualties_in(sentence)
    assert (c.killed, c.wounded) == (killed, wounded)


def test_noun_tolls_skip_counts_already_read() -> None:
    s = "The strike caused two deaths and 6 injuries."
    have = [c for c in counts_in(s) if c.which == "killed"]
    assert [(c.which, c.value) for c in nominal_tolls(s, have)] == [("wounded", 6)]


# -- an earlier event set off by a comma as the time anchor of the news -------------------

ANCHORED = [
    # (sentence, counts kept as (which, value))
    (
        "Four people were wounded when troops traded fire at the crossing on Monday, three "
        "days after a rocket attack that killed six guards.",
        [("wounded", 4)],
    ),
    (
        "A bomb went off near the police station, killing two, a week after gunmen shot dead "
        "five constables.",
        [("killed", 2)],
    ),
    (
        "Clashes resumed on the border — two days after shelling that left nine dead.",
        [],
    ),
    # controls: no comma-set anchor, the counts stay
    ("A guard was killed in the raid two days after the bombing.", [("killed", 1)]),
    (
        "Six policemen were killed and ten injured in the attack on Sunday.",
        [("killed", 6), ("wounded", 10)],
    ),
    (
        "The toll rose to 14, officials said, as rescuers searched the rubble.",
        [("killed", 14)],
    ),
]


@pytest.mark.parametrize(("sentence", "kept"), ANCHORED)
def test_anchor_counts(sentence: str, kept: list[tuple[str, int]]) -> None:
    got = without_anchored(sentence, counts_in(sentence))
    assert [(c.which, c.value) for c in got] == kept


def test_anchored_toll_not_given_to_the_news_row() -> None:
    s = (
        "Heavy firing broke out on Wednesday between border forces at Torkham, causing one "
        "death and 7 injuries, five days after artillery fire that killed eleven people."
    )
    df = violent(s, "2024-03-07")
    assert len(df) == 1
    assert int(df["fatalities"].iloc[0]) == 1
    assert int(df["injuries"].iloc[0]) == 7


def test_unanchored_toll_stays_with_the_news_row() -> None:
    s = (
        "Heavy firing broke out on Wednesday between border forces at Torkham, killing eleven "
        "people."
    )
    df = violent(s, "2024-03-07")
    assert len(df) == 1
    assert int(df["fatalities"].iloc[0]) == 11


# -- a security operation named by the agencies that ran it -------------------------------

AGENCY_OPERATIONS = [
    # (words, whether they tell a security operation by its agencies)
    ("During a joint police and CTD operation in the hills", True),
    ("an FC operation near the pass", True),
    ("A police raid on a compound", True),
    ("the paramilitary Levies crackdown", True),
    # controls: an attack on an agency's building, a meeting, militants' raids
    ("militants raided a police post at night", False),
    ("gunmen stormed the police station in the bazaar", False),
    ("the police station was raided before dawn", False),
    ("the Joint Chiefs of Staff met on Monday", False),
]


@pytest.mark.parametrize(("words", "expected"), AGENCY_OPERATIONS)
def test_agency_operation(words: str, expected: bool) -> None:
    assert agency_operation(words) is expected


PK = "Military Forces of Pakistan"
TTP = "TTP (Tehrik-i-Taliban Pakistan)"

SIDES = [
    # (text, [(place, actor1, actor2)]) written by hand from the text
    (
        "In a joint police and CTD operation, six TTP militants were killed in Karak on Friday.",
        [("Karak", PK, TTP)],
    ),
    # a claim the article recalls does not make the victims of an operation its agents
    (
        "Meanwhile, in a joint police and CTD operation, six TTP militants were killed in "
        "Karak, officials said.\nOn June 3, the TTP had also claimed responsibility for a "
        "shooting in Tank which wounded two policemen.",
        [("Karak", PK, TTP)],
    ),
    # controls: the counted group attacks; militants raid a post; an operation in
    # Afghanistan by its own forces
    ("Six TTP militants attacked a police post in Karak on Friday.", [("Karak", TTP, None)]),
    (
        "In a joint operation, Taliban forces killed three fighters in Kunar on Friday.",
        [("Kunar", "Afghan Taliban forces", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SIDES)
def test_operation_and_series_sides(text: str, expected: list[tuple]) -> None:
    df = violent(text, "2025-09-06")
    got = [
        (
            str(r.location),
            None if pd.isna(r.actor1) else r.actor1,
            None if pd.isna(r.actor2) else r.actor2,
        )
        for r in df.itertuples()
    ]
    assert got == expected


def test_own_target() -> None:
    assert own_target(TTP, TTP)
    assert not own_target(None, TTP)
    assert not own_target(PK, TTP)


# -- a definite restatement of the incident just told -------------------------------------

DEFINITE = [
    # (sentence, whether it restates the incident before and adds to it)
    ("The Monday night attack on a police post in the hills also wounded six others.", True),
    ("The pre-dawn blast near the gate also injured two more guards.", True),
    ("The attack left another policeman dead.", True),
    # controls: a new incident, a definite noun that adds nothing, another subject
    ("An attack on a police post in the hills wounded six others on Monday night.", False),
    ("The Monday night attack on a police post in the hills wounded six people.", False),
    ("The police also arrested two suspects.", False),
    ("Separately, gunmen also attacked a school.", False),
]


@pytest.mark.parametrize(("sentence", "expected"), DEFINITE)
def test_definite_restatement(sentence: str, expected: bool) -> None:
    assert definite_restatement(sentence) is expected


_LEAD = (
    "Three policemen were killed in an attack on a checkpoint in Lakki Marwat district, "
    "officials said on Tuesday.\n"
)

RESTATED = [
    # (second sentence, rows as (place, killed, wounded)) written by hand from the text
    (
        "The Monday night attack on a police post in Tajori area also wounded six others.",
        [("Lakki Marwat district", 3, 6)],
    ),
    # controls: an indefinite new attack; a definite one without "also"/"others"; a
    # definite one at a finer place elsewhere
    (
        "An attack on a police post in Tajori area wounded six others on Monday night.",
        [("Lakki Marwat district", 3, None), ("Tajori area", None, 6)],
    ),
    (
        "The Monday night attack on a police post in Tajori area wounded six people.",
        [("Lakki Marwat district", 3, None), ("Tajori area", None, 6)],
    ),
    (
        "The attack in Quetta on Monday also wounded six others.",
        [("Lakki Marwat district", 3, None), ("Quetta", None, 6)],
    ),
]


def _n(x: object) -> int | None:
    return None if pd.isna(x) else int(x)  # type: ignore[call-overload]


@pytest.mark.parametrize(("second", "expected"), RESTATED)
def test_restated_incident_is_folded(second: str, expected: list[tuple]) -> None:
    df = violent(_LEAD + second, "2025-09-02")
    got = [(str(r.location), _n(r.fatalities), _n(r.injuries)) for r in df.itertuples()]
    assert got == expected
