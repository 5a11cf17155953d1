"""Table-driven tests of the *origin* role of a place mention (issue 17): where
fire, attacks or militants came from ("firing from Kunar", "attacks from
sanctuaries in Kunar", "militants operating out of Paktika", "attacks originating
in Khost") is not an incident site, unless the sentence also says something
happened there.

Every sentence is a paraphrase written for the test (no published text); every
expected place is written by hand from the sentence.
"""

from __future__ import annotations

import pandas as pd
import pytest

from incidents.extract import extract

DATE = "2025-10-14"


def locations(text: str) -> list[str]:
    df: pd.DataFrame = extract(text, article_date=DATE)
    return [str(x) for x in df["location"]] if len(df) else []


def at(locs: list[str], place: str) -> bool:
    return any(place.lower() in x.lower() for x in locs)


# (sentence, the origin: no row there, the site: a row there or None)
ORIGIN_ONLY = [
    (
        "Pakistani troops responded to firing from Kunar on Monday, the military said.",
        "Kunar",
        None,
    ),
    (
        "Troops repulsed an attack by militants who had crossed over from Nangarhar on Sunday.",
        "Nangarhar",
        None,
    ),
    (
        "On Monday soldiers came under attack from militants operating out of Paktika province.",
        "Paktika",
        None,
    ),
    (
        "Cross-border attacks originating in Khost killed three soldiers on Monday, the army said.",
        "Khost",
        None,
    ),
    ("Pakistan said on Monday it had repelled attacks from sanctuaries in Kunar.", "Kunar", None),
    (
        "The attackers launched rockets from Afghan territory in Khost on Saturday, hitting "
        "Miranshah.",
        "Khost",
        "Miranshah",
    ),
    (
        "Fire from Afghan positions in Nangarhar struck a post near Torkham on Thursday.",
        "Nangarhar",
        "Torkham",
    ),
    (
        "The army said the assault was staged from Paktika province and hit a post in Angoor "
        "Adda on Monday.",
        "Paktika",
        "Angoor Adda",
    ),
    (
        "Pakistan says fighters infiltrating out of Kunar attacked Bajaur on Monday.",
        "Kunar",
        "Bajaur",
    ),
    (
        "Cross-border firing emanating from Khost wounded two soldiers in Ghulam Khan on Monday.",
        "Khost",
        "Ghulam Khan",
    ),
    (
        "Mortar rounds fired by Afghan forces from Spin Boldak landed in Chaman on Monday.",
        "Spin Boldak",
        "Chaman",
    ),
    (
        "Shelling from the Afghan side in Kunar province wounded four villagers in Bajaur on "
        "Friday.",
        "Kunar",
        "Bajaur",
    ),
    # a list after "from" is a list of origins
    (
        "Militants from Kunar and Nuristan attacked a checkpoint in Chitral on Wednesday.",
        "Nuristan",
        "Chitral",
    ),
    (
        "Gunmen who slipped out of Paktika ambushed a convoy in South Waziristan on Tuesday.",
        "Paktika",
        "South Waziristan",
    ),
    (
        "Heavy shelling from militant hideouts in Kunar hit border posts in Bajaur on Sunday.",
        "Kunar",
        "Bajaur",
    ),
]


# where an attack was plotted, where militants are harboured or have their bases
ORIGIN_ONLY += [
    (
        "Pakistan accused Kabul of harbouring militants in Kunar who attacked a post in Bajaur "
        "on Monday.",
        "Kunar",
        "Bajaur",
    ),
    ("The attack in Bajaur on Monday was planned in Kunar, officials said.", "Kunar", "Bajaur"),
    ("Militants using Kunar as a launch pad attacked Bajaur on Monday.", "Kunar", "Bajaur"),
    ("The militants, whose bases are in Kunar, attacked Bajaur on Monday.", "Kunar", "Bajaur"),
    ("Pakistan said Monday's attack in Bajaur was directed from Kunar.", "Kunar", "Bajaur"),
    (
        "The convoy came under fire from militants operating out of Paktika on Monday.",
        "Paktika",
        None,
    ),
]


@pytest.mark.parametrize(("text", "origin", "site"), ORIGIN_ONLY)
def test_origin_is_not_a_site(text, origin, site):
    locs = locations(text)
    assert not at(locs, origin), locs
    if site is not None:
        assert at(locs, site), locs


# (sentence, the place that is both the origin and hit: its row stays)
ORIGIN_ALSO_HIT = [
    (
        "Pakistani jets carried out retaliatory strikes on positions in Kunar from where the "
        "firing came on Monday.",
        "Kunar",
    ),
    (
        "Pakistan responded to firing from Kunar with air strikes in Kunar on Monday, killing "
        "five.",
        "Kunar",
    ),
    (
        "Militants operating out of Paktika clashed with Afghan forces in Paktika on Sunday.",
        "Paktika",
    ),
    (
        "Artillery pounded the hideouts in Khost from which the attacks originated on Tuesday.",
        "Khost",
    ),
    ("Artillery shelled Kunar on Friday, the province from where the shots had come.", "Kunar"),
]


# "from the Afghan side in X" names the origin only when X is on the Afghan side;
# "from across the border in X" names the side that was hit
ORIGIN_ALSO_HIT += [
    (
        "Two soldiers were wounded by firing from the Afghan side in Kurram district on Monday.",
        "Kurram",
    ),
    (
        "Pakistani posts were shelled from the Afghan side in Kurram on Monday, wounding two "
        "soldiers.",
        "Kurram",
    ),
    ("Firing from across the border in Kurram wounded two on Monday.", "Kurram"),
    ("Pakistani posts came under fire from the Afghan side in Kurram on Monday.", "Kurram"),
    ("Troops came under fire from across the border in Bajaur on Monday, wounding two.", "Bajaur"),
    # hiding places are targets of strikes
    ("Pakistani jets struck militants hiding in Kunar on Monday.", "Kunar"),
]


@pytest.mark.parametrize(("text", "place"), ORIGIN_ALSO_HIT)
def test_origin_that_is_also_hit_keeps_its_row(text, place):
    locs = locations(text)
    assert at(locs, place), locs


# "from X to Y" is a stretch of sites, not an origin
RANGES = [
    ("Attacks from Kurram to Bajaur killed 12 soldiers on Monday.", ("Kurram", "Bajaur")),
    ("Firing from Kurram to Bajaur went on all night on Monday.", ("Kurram", "Bajaur")),
]


@pytest.mark.parametrize(("text", "places"), RANGES)
def test_a_range_is_of_sites(text, places):
    locs = locations(text)
    assert all(at(locs, p) for p in places), locs
