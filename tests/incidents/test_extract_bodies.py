"""Bodies found with marks of violence are an attack where they were found.

"The bullet-riddled bodies of three men were found in X" gave no row: bodies were
read only as an aftermath (where the dead were taken).  Conflict coders (ACLED) code
such a discovery as an attack with its dead.  A body without marks of violence, or
bodies taken somewhere, stay no event.  Every sentence is a paraphrase written for
the test.
"""

from __future__ import annotations

import pytest

from incidents.extract import extract

DATE = "2025-10-14"


@pytest.mark.parametrize(
    ("text", "place", "dead"),
    [
        ("The bullet-riddled bodies of three men were found in Kurram on Sunday.", "Kurram", 3),
        ("Two tortured bodies were found dumped in Panjgur on Sunday.", "Panjgur", 2),
        (
            "Police recovered the bodies of two abducted labourers bearing gunshot wounds in "
            "Kech on Sunday.",
            "Kech",
            2,
        ),
    ],
)
def test_slain_bodies_found_are_an_attack(text, place, dead):
    df = extract(text, article_date=DATE)
    assert list(df["location"]) == [place]
    r = df.iloc[0]
    assert (r["event_type"], r["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert r["fatalities"] == dead


@pytest.mark.parametrize(
    "text",
    [
        "The body of a shepherd was found in Zhob on Sunday.",
        "The bodies of the soldiers were taken to Peshawar on Sunday.",
        "Rescue workers recovered three bodies from the rubble in Kunar on Sunday.",
    ],
)
def test_other_bodies_are_no_event(text):
    assert extract(text, article_date=DATE).empty
