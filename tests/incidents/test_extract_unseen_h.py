"""Table-driven tests of phrasings found on batch H of ``tests/incidents/data/articles.jsonl``
(2022-2026 border and frontier-district reports from outlets the extraction rules had
not been written on; rules in :mod:`incidents._extract_phrasing_h`).

Every sentence here is a paraphrase written for the test (other places, other days,
other numbers and words around the phrasing); every expected value is written by hand
from the sentence.  Each table has rows that must *not* change, so a rule cannot pass
by matching everything.
"""

from __future__ import annotations

import pandas as pd
import pytest
from extract_rows import violent

from incidents._extract_counts import casualties_in
from incidents._extract_lex import actors_in
from incidents._extract_phrasing_h import aerial_site, earlier_event, target_site, truce_state
from incidents.extract import extract

PK = "Military Forces of Pakistan"
AF = "Afghan Taliban forces"


def _places(df: pd.DataFrame) -> list[str]:
    return sorted(str(x) for x in df["location"])


# -- an air raid's site told from the sky --------------------------------------------

AERIAL_LEFT = [
    # (words before a place, whether they make it the site)
    ("Pakistani warplanes carried out strikes over ", True),
    ("drones were seen circling above the town of ", True),
    ("jets patrolled the skies above Afghanistan's ", True),
    ("after air raids over the ", True),
    # "over" alone is about, not above
    ("tensions rose over ", False),
    ("the dispute over ", False),
    ("the government lost control over the ", False),
    ("militants fought over ", False),
]


@pytest.mark.parametrize(("left", "site"), AERIAL_LEFT)
def test_aerial_site(left, site):
    assert aerial_site(left) is site


AERIAL = [
    # (text, places of the violent rows)
    ("Pakistani warplanes carried out strikes over Khost on Sunday night.", ["Khost"]),
    ("Jets flying over Paktika bombed a compound on Tuesday.", ["Paktika"]),
    ("Drones hovered over Jalalabad before striking a house on Monday.", ["Jalalabad"]),
    ("Fighter jets patrolled the skies over Kunar after striking hideouts on Monday.", ["Kunar"]),
    # unchanged: "over" that is not above a place
    ("Tensions over Kabul's support for the militants rose on Monday.", []),
    ("Pakistani jets conducted airstrikes in Nangarhar on Monday.", ["Nangarhar"]),
]


@pytest.mark.parametrize(("text", "places"), AERIAL)
def test_air_raid_site_told_from_the_sky(text, places):
    assert _places(violent(text, "2025-06-10")) == places


# -- a count whose noun is left out after a counted group ----------------------------

GAPPED = [
    # (sentence, killed, wounded)
    ("Six soldiers were killed, nine wounded and four civilians injured in the raid.", 6, 13),
    ("Two guards died, five wounded, and three civilians hurt in the blast.", 2, 8),
    ("Four militants were killed, 10 injured and two policemen wounded.", 4, 12),
    # unchanged: a bare count with no other group of its verb
    ("Five soldiers were killed and seven wounded in the ambush.", 5, 7),
    ("Twelve civilians were killed and 30 wounded in the shelling.", 12, 30),
    # unchanged: a total of people beside a group that it includes
    ("Three soldiers and eight people in all were wounded.", None, 8),
    ("A policeman was killed and 11 others were injured.", 1, 11),
]


@pytest.mark.parametrize(("text", "killed", "wounded"), GAPPED)
def test_a_bare_count_is_of_the_group_before_it(text, killed, wounded):
    c = casualties_in(text)
    assert (c.killed, c.wounded) == (killed, wounded)


# -- a truce named only as the subject of how it fares -------------------------------

TRUCE_TAIL = [
    # (words after the ceasefire word, whether the clause tells how the truce fares)
    (" brokered by Qatar after the October fighting has repeatedly faltered.", True),
    (" agreed in Doha last month has largely held, officials said.", True),
    (" reached in Istanbul remains fragile.", True),
    (" signed in April collapsed within days.", True),
    # a new agreement
    (" on Monday, officials said.", False),
    (" that will take effect at midnight.", False),
    # the state belongs to another clause
    (" was agreed on Friday, but trade has faltered since.", False),
]


@pytest.mark.parametrize(("tail", "state"), TRUCE_TAIL)
def test_truce_state(tail, state):
    text = "The ceasefire" + tail
    assert truce_state(text, len("The ceasefire")) is state


TRUCE = [
    # (text, number of ceasefire rows)
    ("A fragile truce agreed in Doha last month has largely held, officials said.", 0),
    ("Clashes hit Kurram on Friday. A truce brokered after the fighting has faltered.", 0),
    # unchanged: an agreement of the day
    ("The two sides agreed to a ceasefire on Monday, officials said.", 1),
    ("Both sides announced a 48-hour truce on Wednesday evening.", 1),
]


@pytest.mark.parametrize(("text", "n"), TRUCE)
def test_a_truce_that_fares_is_no_agreement(text, n):
    df = extract(text, article_date="2025-06-10")
    assert int(df["event_kind"].eq("ceasefire").sum()) == n


# -- the two towns that name one crossing --------------------------------------------

ENDS = [
    # (text, number of violent rows)
    (
        "Three traders were hurt in a night-time exchange of fire at the frontier "
        "crossing near Chaman and Spin Boldak on Thursday.",
        1,
    ),
    (
        "Firing erupted late on Friday at the border crossing near Spin Boldak and "
        "Chaman, officials said.",
        1,
    ),
    # unchanged: no crossing named, two districts are two sites
    ("Shelling hit Chaman and Spin Boldak districts on Friday.", 2),
    # unchanged: two targets, one of them the crossing
    ("Mortars hit posts in Spin Boldak town and at the Chaman crossing on Friday.", 2),
    # unchanged: two towns of one side
    ("Gunmen attacked posts in Chaman and Quetta near the crossing on Friday.", 2),
]


@pytest.mark.parametrize(("text", "n"), ENDS)
def test_the_two_ends_of_a_crossing_are_one_site(text, n):
    assert len(violent(text, "2025-06-10")) == n


# -- a reply along the border to an air raid -----------------------------------------


def test_a_ground_reply_to_an_air_raid_is_its_own_row():
    text = (
        "Pakistani jets bombed a house in Paktika on Sunday night.\n"
        "The Taliban's defence ministry said its forces retaliated, shelling Pakistani "
        "posts along the border."
    )
    df = violent(text, "2025-06-10")
    assert len(df) == 2
    wide = df[df["review_flags"].fillna("").str.contains("frontier_wide")]
    assert list(wide["actor1"]) == [AF]


def test_unchanged_a_reply_to_a_clash_is_part_of_it():
    text = (
        "Two soldiers were martyred in cross-border fire in Kurram on Monday.\n"
        "Pakistani forces responded by opening fire along the border."
    )
    df = violent(text, "2025-06-10")
    assert _places(df) == ["Kurram"]


# -- whose forces: a target's demonym, a speaker's own forces ------------------------

TARGETS = [
    # (sentence, actor phrase, whether it is only the target's side)
    ("Afghan forces retaliated, targeting Pakistani posts along the line.", "Pakistani", True),
    ("The fighters attacked Pakistani military positions at night.", "Pakistani", True),
    ("Mortars hit Afghan border outposts in the valley.", "Afghan", True),
    # unchanged: the actor itself
    ("Pakistani troops attacked the camp at night.", "Pakistani", False),
    ("Afghan forces opened fire on the posts.", "Afghan", False),
]


@pytest.mark.parametrize(("text", "word", "target"), TARGETS)
def test_target_site(text, word, target):
    assert target_site(text, text.index(word)) is target


SIDES = [
    # (text, actor1 of the single violent row)
    ("Afghanistan's defence ministry said its border forces attacked posts in Kunar.", AF),
    ("Pakistan's army said its troops pounded border positions in Khost on Monday.", PK),
    # unchanged: the subject is the actor, the object's demonym is the target
    ("Pakistani troops attacked Afghan posts in Kunar on Monday.", PK),
    ("Afghan forces fired on Pakistani posts in Kurram on Monday.", AF),
]


@pytest.mark.parametrize(("text", "actor"), SIDES)
def test_whose_forces(text, actor):
    df = violent(text, "2025-06-10")
    assert list(df["actor1"]) == [actor]


def test_a_speakers_own_forces_are_an_actor_phrase():
    s = "Afghanistan's defence ministry said its border forces retaliated on Monday."
    assert [a for _, a in actors_in(s)] == [AF]


def test_unchanged_the_target_of_a_verb_trigger_is_its_object():
    df = violent("Militants attacked Pakistani posts in Bajaur on Sunday night.", "2025-06-10")
    assert len(df) == 1
    assert pd.isna(df.iloc[0]["actor1"])
    assert df.iloc[0]["actor2"] == PK


# -- a campaign told by its manner ----------------------------------------------------

OPERATIONS = [
    # (text, places of the violent rows)
    (
        "Taliban officials said offensive operations were underway in Paktia and Khost "
        "provinces on Monday.",
        ["Khost province", "Paktia province"],
    ),
    ("Intensive operations were launched in Kunar province on Tuesday.", ["Kunar province"]),
    # unchanged: operations of no fighting
    ("Trade operations resumed at the Torkham crossing on Monday.", []),
    ("Rescue operations continued in Kunar province on Tuesday.", []),
]


@pytest.mark.parametrize(("text", "places"), OPERATIONS)
def test_a_campaign_told_by_its_manner(text, places):
    assert _places(violent(text, "2025-06-10")) == places


# -- the toll of an earlier event named as what the news follows ---------------------

FOLLOWS = [
    # (sentence, whether it names an earlier event the news follows)
    ("The fighting follows a deadly assault in which militants killed 11 soldiers.", True),
    ("This engagement comes after a weekend attack that left 23 troops dead.", True),
    ("The clash followed last month's airstrikes on Khost.", True),
    # unchanged
    ("Troops followed the militants into the hills.", False),
    ("In the clashes that followed, four soldiers were killed.", False),
]


@pytest.mark.parametrize(("text", "cue"), FOLLOWS)
def test_earlier_event(text, cue):
    assert (earlier_event(text) is not None) is cue


FOLLOWS_ROWS = [
    # (text, fatalities of the single violent row)
    (
        "A clash broke out in Kurram on Tuesday.\n"
        "The fighting follows a deadly assault in which militants killed 11 soldiers.",
        None,
    ),
    (
        "A clash broke out in Kurram on Tuesday.\n"
        "The engagement follows a deadly weekend raid where, according to officials, "
        "gunmen killed nine policemen.",
        None,
    ),
    # unchanged: a detail of the news
    ("A clash broke out in Kurram on Tuesday.\nFour soldiers were killed in the fighting.", 4),
]


@pytest.mark.parametrize(("text", "deaths"), FOLLOWS_ROWS)
def test_the_toll_of_what_the_news_follows_is_not_its_own(text, deaths):
    df = violent(text, "2025-06-10")
    assert len(df) == 1
    got = df["fatalities"].iloc[0]
    assert (None if pd.isna(got) else int(got)) == deaths


# -- a step of the event told by a gerund after "before" -------------------------------

BEFORE = [
    # (text, fatalities of the single violent row)
    (
        "A suicide attack on Monday targeted the police headquarters in Bannu.\n"
        "The assault killed three policemen.\n"
        "Two other attackers were shot dead by guards before reaching the gate.",
        5,
    ),
    (
        "Gunmen stormed a checkpost in Tank on Monday, killing two policemen.\n"
        "Three attackers were shot dead by police before entering the building.",
        5,
    ),
    # unchanged: no second sentence of the event
    (
        "A suicide attack on Monday targeted the police headquarters in Bannu.\n"
        "The assault killed three policemen.",
        3,
    ),
]


@pytest.mark.parametrize(("text", "deaths"), BEFORE)
def test_before_and_a_gerund_is_a_step_of_the_event(text, deaths):
    df = violent(text, "2025-06-10")
    assert len(df) == 1
    assert int(df["fatalities"].iloc[0]) == deaths
