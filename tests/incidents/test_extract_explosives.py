"""Explosive attacks told by the device (issue 17, event type): grenades thrown at a
target, bombs named by how they are set ("magnetic", "sticky") and a bomb told with
what it was fixed to before its verb ("a bomb attached to a car went off").  ACLED
codes all of them as Explosions/Remote violence; a reading as "attack" (Battles) or
no row at all is wrong.

Every sentence is a paraphrase written for the test; each expected kind is written
by hand from it.
"""

from __future__ import annotations

import pytest

from incidents.extract import extract

# (text, kinds of the rows)
ROWS = [
    (
        "Unidentified men hurled a hand grenade at a shop in Quetta on Monday, injuring three.",
        ["bombing"],
    ),
    ("A grenade was thrown into a house in Turbat on Monday, wounding two women.", ["bombing"]),
    ("Two men lobbed a hand grenade into a shop in Chaman on Monday, wounding five.", ["bombing"]),
    ("Attackers were lobbing grenades at a checkpoint in Kech on Monday.", ["bombing"]),
    ("Two people were hurt in a grenade attack on a cinema in Peshawar on Monday.", ["bombing"]),
    ("A magnetic bomb killed a police officer in Bannu on Monday.", ["bombing"]),
    ("A sticky bomb fixed under a car went off in Kabul on Monday, wounding a judge.", ["bombing"]),
    ("A bomb planted in a motorcycle exploded in Chaman on Monday, killing two.", ["bombing"]),
    # controls: no explosion told
    ("Police recovered two hand grenades from a house in Quetta on Monday.", []),
    ("A bomb disposal squad defused a device planted near a school in Quetta on Monday.", []),
    ("Militants threw stones at a police van in Quetta on Monday.", []),
]


@pytest.mark.parametrize(("text", "kinds"), ROWS)
def test_explosive_attacks_by_device(text: str, kinds: list[str]) -> None:
    df = extract(text, article_date="2025-11-12")
    assert list(df["event_kind"]) == kinds, df[["location", "event_kind"]]
    if kinds:
        assert set(df["event_type"]) == {"Explosions/Remote violence"}
