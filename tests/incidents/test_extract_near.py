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


# a closure is a state that lasts: the same crossing closed on consecutive days is one
# closure; closures days apart stay two
CLOSURES = [
    (
        "The border crossing at Torkham in Khyber district remained closed for the second "
        "consecutive day on Wednesday as Afghan forces kept firing.\n"
        "On Tuesday, Afghan forces opened fire in Landi Kotal, forcing closure of the Torkham "
        "crossing.",
        1,
    ),
    (
        "The Ghulam Khan crossing in North Waziristan stayed closed for a second day on "
        "Wednesday amid firing.\n"
        "On Tuesday, Afghan forces opened fire in Miranshah, forcing closure of the Ghulam "
        "Khan crossing.",
        1,
    ),
    (
        "Torkham remained closed for a second day on Wednesday.\n"
        "Authorities closed the Torkham crossing on Tuesday after firing.",
        1,
    ),
    (
        "Authorities closed the Torkham crossing on Tuesday after firing.\n"
        "The Torkham crossing stayed shut on Wednesday, traders said.",
        1,
    ),
    (
        "Authorities closed the Torkham crossing on October 6.\n"
        "Authorities closed the Torkham crossing again on October 10 after new firing.",
        2,
    ),
    (
        "Authorities closed the Chaman crossing on Tuesday.\n"
        "Authorities closed the Torkham crossing on Wednesday.",
        2,
    ),
]


@pytest.mark.parametrize(("text", "n"), CLOSURES)
def test_closure_on_consecutive_days_is_one(text, n):
    df = extract(text, article_date="2025-10-16")
    assert (df["event_kind"] == "border_closure").sum() == n, list(df["date"])
