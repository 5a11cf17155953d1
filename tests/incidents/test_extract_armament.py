"""What attackers carried is no event of its own; a bomb-laden vehicle is a bomb.

"Militants armed with heavy weapons attacked a post" was coded as shelling: the
weapon words described the attackers.  "A vehicle laden with explosives" was not
read as a bomb (only "explosives-laden vehicle" was).  Every sentence is a
paraphrase written for the test.
"""

from __future__ import annotations

import pytest

from incidents.extract import extract

DATE = "2025-10-14"


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        (
            "Militants armed with heavy weapons stormed a checkpoint in Tank on Sunday.",
            "Armed clash",
        ),
        (
            "Attackers carrying rockets and grenades raided a post in Kurram on Sunday, "
            "killing two soldiers.",
            "Armed clash",
        ),
        (
            "Fighters equipped with mortars and rifles attacked a camp in Zhob on Sunday.",
            "Armed clash",
        ),
        # the weapon used is still an event
        (
            "Militants fired rockets at a post in Kurram on Sunday.",
            "Shelling/artillery/missile attack",
        ),
        (
            "Pakistani forces pounded Afghan posts with heavy weapons in Kurram on Sunday.",
            "Shelling/artillery/missile attack",
        ),
        (
            "A vehicle laden with explosives rammed a convoy in Bannu on Sunday, killing five.",
            "Remote explosive/landmine/IED",
        ),
        (
            "A car packed with explosives blew up near a market in Quetta on Sunday.",
            "Remote explosive/landmine/IED",
        ),
    ],
)
def test_armament_and_laden_vehicles(text, sub_event):
    df = extract(text, article_date=DATE)
    assert len(df) == 1, df[["location"]]
    assert df.iloc[0]["sub_event_type"] == sub_event
