"""Incidents placed by a sentence before them and then told one by one
(:class:`incidents._extract_anaphora.Antecedents`).  Every text is a paraphrase
written for the test.

"The incidents occurred in X." / "In X alone, three attacks were carried out." then
"In the first incident, ...", "In a second incident, ...", "Later, ...", "A few hours
after that, ...": each is an incident at X (unless it names a site of its own), and
they are not folded into one another.  A victim's home named in such a sentence is
not its site.
"""

from __future__ import annotations

import pytest
from extract_rows import violent

DATE = "2025-12-29"


@pytest.mark.parametrize(
    ("text", "n"),
    [
        (
            "The incidents occurred in the Tank district.\n"
            "In the first incident, gunmen opened fire on a police officer while he was "
            "returning from his village in Lakki Marwat district.\n"
            "In a second incident, Constable Ali Khan was abducted from a bus stop and was "
            "later killed.",
            2,
        ),
        (
            "In Lakki Marwat alone, three attacks were carried out on police within the last "
            "24 hours.\n"
            "In the first incident, a police station was attacked with heavy weapons on "
            "Sunday night.\n"
            "Later a policeman was martyred when a police patrolling car was ambushed.\n"
            "A few hours after that two policemen were martyred in the third attack.",
            3,
        ),
    ],
)
def test_incidents_told_one_by_one_after_their_place(text, n):
    df = violent(text, DATE)
    assert len(df) == n
    assert df["location"].nunique() == 1
    assert "Lakki Marwat district" not in set(df["location"])


def test_an_incident_naming_its_own_site_keeps_it():
    text = (
        "The incidents occurred in the Tank district.\n"
        "In the first incident, gunmen killed a shopkeeper in Tank city on Sunday.\n"
        "In a second incident, a roadside bomb wounded two policemen in Jandola on Sunday."
    )
    df = violent(text, DATE)
    assert len(df) == 2
    assert any("Jandola" in x for x in df["location"])


def test_without_an_announcement_an_ordinal_opener_gets_no_place():
    text = "In the first incident, gunmen opened fire on a police officer on Sunday."
    assert violent(text, DATE).empty
