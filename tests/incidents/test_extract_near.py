"""Table-driven test of the reference-point rule (issue 17, restatements): in
"X area near Y" the town Y locates the site X, it is not a second incident.

Every sentence is a paraphrase written for the test (no published text); every
expected value is written by hand from the sentence.
"""

from __future__ import annotations

import pytest

from incidents.extract import extract

NEAR = [
    # (sentence, the site's text: the only row)
    ("A roadside bomb hit a vehicle in the Dirdoni area near Miramshah on Monday.", "Dirdoni"),
    ("Mortar shells landed in Landi Kotal near Torkham on Monday, wounding three.", "Landi Kotal"),
    ("Gunmen attacked a checkpoint in Ghulam Khan near Miranshah on Monday.", "Ghulam Khan"),
    ("Clashes erupted in Kharlachi near Parachinar on Monday, killing two.", "Kharlachi"),
    ("A man was shot dead in Plang area close to Khar town on Thursday.", "Plang"),
]


@pytest.mark.parametrize(("text", "site"), NEAR)
def test_reference_point_is_not_a_second_row(text, site):
    df = extract(text, article_date="2025-10-16")
    assert len(df) == 1, list(df["location"])
    assert site in df["location"].iloc[0]


def test_near_alone_still_places_the_event():
    df = extract(
        "Two soldiers were killed in an attack on a post near Miramshah on Monday.",
        article_date="2025-10-14",
    )
    assert list(df["location"]) == ["Miramshah"]
