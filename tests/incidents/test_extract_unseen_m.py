"""Table-driven tests of phrasings found on batch M of ``tests/incidents/data/articles.jsonl``
(2023-2026 frontier violence and negative controls from outlets not used before; rules in
:mod:`incidents._extract_phrasing_m`).

Every sentence here is a paraphrase written for the test (other places, other days,
other words around the phrasing); every expected value is written by hand from the
sentence.  Each table has rows that must *not* change, so a rule cannot pass by
matching everything.  Each rule's table held at least one row that failed on the code
before the rule.
"""

from __future__ import annotations

import pytest
from extract_rows import violent

from incidents._extract_counts import casualties_in
from incidents._extract_phrasing_m import added_toll, comment_clause
from incidents.extract import extract

# -- an adverb between a count and its casualty verb ---------------------------------------
ADVERB = [
    # (sentence, dead, injured)
    ("One boy was killed and three critically wounded when a landmine exploded.", 1, 3),
    ("A woman died and four were seriously injured after the blast.", 1, 4),
    ("Two were killed and five were also badly hurt in the firing.", 2, 5),
    ("Three were reportedly critically injured in the attack.", None, 3),
    # controls: counts that read the same as before
    ("Two were killed and five injured in the firing.", 2, 5),
    ("Four others were injured when the shell landed.", None, 4),
    ("Only two were hurt when the grenade went off.", None, 2),
    ("Several people were seriously injured in the blast.", None, None),
]


@pytest.mark.parametrize(("sentence", "dead", "hurt"), ADVERB)
def test_adverb_before_casualty_verb(sentence: str, dead: int | None, hurt: int | None) -> None:
    c = casualties_in(sentence)
    assert (c.killed, c.wounded) == (dead, hurt)


# -- "gunned down" is a verb of the dead ----------------------------------------------------
GUNNED = [
    # (sentence, dead)
    ("Three militants were gunned down in the raid.", 3),
    ("Troops gunned down four insurgents near the border.", 4),
    ("Two soldiers were martyred while three attackers were also gunned down.", 5),
    # controls
    ("Two soldiers were martyred in the raid.", 2),
    ("A drone was shot down over the valley.", None),
    ("Gunmen opened fire on a patrol near the post.", None),
]


@pytest.mark.parametrize(("sentence", "dead"), GUNNED)
def test_gunned_down_counts_the_dead(sentence: str, dead: int | None) -> None:
    assert casualties_in(sentence).killed == dead


# -- a trailing comment clause is no scene ---------------------------------------------------
COMMENT = [
    # (words before a mention, inside a comment clause?)
    ("Two were killed in a recent attack, marking a rise in violence that threatens the ", True),
    ("A bomb killed three people on Monday, raising fears across ", True),
    ("The strike killed a commander, underscoring the reach of the army in ", True),
    # controls: the scene itself, and a new clause after the comment
    ("Two were killed in a recent attack in ", False),
    ("A bomb killed three people on Monday, raising fears; later, gunmen struck in ", False),
    ("Jets struck hideouts on Monday, killing nine people in ", False),
]


@pytest.mark.parametrize(("before", "expected"), COMMENT)
def test_comment_clause(before: str, expected: bool) -> None:
    assert comment_clause(before) is expected


COMMENT_ROWS = [
    # (article, places of its violent rows)
    (
        "A bomb killed three people in Bannu on Monday, raising fears across Lakki Marwat "
        "district.",
        ["Bannu"],
    ),
    (
        "The Kurram Valley has turned into a war zone again. Two policemen lost their lives in "
        "a recent attack, marking a rise of militant activity that threatens years of progress "
        "in the area. Officials said the incident occurred when militants ambushed a checkpoint "
        "in Sadda. The gun battle resulted in the deaths of two policemen.",
        ["Sadda"],
    ),
    # controls: a second place of the scene is kept
    (
        "Bombs went off in Bannu and in Lakki Marwat district on Monday, killing three people.",
        ["Bannu", "Lakki Marwat district"],
    ),
]


@pytest.mark.parametrize(("text", "places"), COMMENT_ROWS)
def test_comment_clause_rows(text: str, places: list[str]) -> None:
    rows = violent(text, "2024-05-10")
    assert sorted(rows["location"]) == sorted(places)


# -- a casualty verb told before a lagged cause is the sentence's news ---------------------
LAGGED = [
    # (sentence, places of violent rows, their dead)
    (
        "Troops killed 12 militants in Kurram district on Friday, a day after 20 militants "
        "were killed in Bajaur.",
        ["Kurram district"],
        [12],
    ),
    (
        "Soldiers killed six insurgents in Khyber district, two days after an attack in Bajaur.",
        ["Khyber district"],
        [6],
    ),
    # controls: history without news of its own, and a cause that is the event itself
    ("Relations soured, a day after two soldiers were killed in Bajaur.", [], []),
    ("The minister visited Kabul days after militants killed 12 people in Bajaur.", [], []),
    (
        "Six civilians were killed after troops shelled houses in Spin Boldak district.",
        ["Spin Boldak district"],
        [6],
    ),
]


@pytest.mark.parametrize(("sentence", "places", "dead"), LAGGED)
def test_casualty_verb_before_lagged_cause(
    sentence: str, places: list[str], dead: list[int]
) -> None:
    rows = violent(sentence, "2024-05-10")
    assert list(rows["location"]) == places
    assert [int(x) for x in rows["fatalities"]] == dead


# -- "another N" is a new toll, never a restatement of the other -------------------------------
ADDED = [
    ("Security forces killed another 14 militants in the operation.", True),
    ("Twelve more soldiers were killed in the ambush.", True),
    # controls
    ("In another attack, two policemen were wounded.", False),  # another attack, no toll
    ("Security forces killed 14 militants in the operation.", False),
    ("Another policeman was injured.", False),
]


@pytest.mark.parametrize(("sentence", "expected"), ADDED)
def test_added_toll(sentence: str, expected: bool) -> None:
    assert added_toll(sentence) is expected


ADDED_ROWS = [
    # (article, dead of its violent rows)
    (
        "Troops killed another 12 militants in an operation in Kurram district, the army said "
        "on Friday. A day earlier, troops had foiled an infiltration bid in the Sadda area of "
        "Kurram on the night between May 8 and 9, in which 20 militants were killed.",
        [12, 20],
    ),
    # controls: one incident told twice (its toll unchanged, or told once), folds as before
    (
        "Troops killed 12 militants in an operation in Kurram district, the army said on "
        "Friday. The operation was carried out in the Sadda area of Kurram on the night "
        "between May 8 and 9, and 12 militants were killed.",
        [12],
    ),
    (
        "Troops killed 12 militants in an operation in Kurram district, the army said on "
        "Friday. Another 20 militants had been killed in the Sadda area of Kurram on the night "
        "between May 8 and 9, the army said.",
        [12, 20],
    ),
]


@pytest.mark.parametrize(("text", "dead"), ADDED_ROWS)
def test_added_toll_rows(text: str, dead: list[int]) -> None:
    rows = violent(text, "2024-05-10")
    assert sorted(int(x) for x in rows["fatalities"]) == sorted(dead)


# -- a ceasefire goes to the talks its own sentence names ------------------------------------
VENUE = [
    # (article, kind -> place)
    (
        "The two neighbours agreed to meet again after three days of talks in Istanbul, officials "
        "said on Thursday. The talks follow deadly border clashes. A truce was first announced "
        "and then extended until the end of talks in Doha.",
        {"ceasefire": "Doha"},
    ),
    # control: a ceasefire with no venue in its sentence still goes to the talks told
    (
        "Talks between the two sides were held in Doha on Sunday. They agreed on an immediate "
        "ceasefire.",
        {"ceasefire": "Doha"},
    ),
]


@pytest.mark.parametrize(("text", "where"), VENUE)
def test_ceasefire_venue(text: str, where: dict[str, str]) -> None:
    df = extract(text, article_date="2024-05-10")
    got = {k: loc for k, loc in zip(df["event_kind"], df["location"], strict=True)}
    assert got == where


# -- talks the news follows, and a truce recalled after a quiet lead -------------------------
RECALLED_AGREEMENTS = [
    # (article, published, kinds of its rows)
    (
        "Kabul and Islamabad have agreed to meet again to settle open issues, following talks "
        "in Ankara mediated by Turkey. The talks ran from May 2 to 6. The negotiations come "
        "after border clashes on April 20. A truce was first declared and then extended until "
        "the end of talks in Doha.",
        "2024-05-08",
        [],
    ),
    (
        "Officials said the crossing would reopen next week, following talks in Peshawar.",
        "2024-05-08",
        [],
    ),
    (
        "Kabul and Islamabad agreed on Tuesday to hold another round, following talks in "
        "Kabul mediated by Qatar.",
        "2024-05-08",
        [],
    ),
    # controls: talks that are the news (with a predicate of their own after "after"),
    # and a truce of the news's own days
    (
        "Negotiations between the two neighbours have collapsed after three days of intense "
        "discussions in Kabul, officials said on Tuesday.",
        "2024-05-08",
        ["talks"],
    ),
    (
        "The two sides met again on Tuesday, hours after talks in Kabul ended without a deal.",
        "2024-05-08",
        ["talks"],
    ),
    (
        "Delegations of the two countries held talks in Kabul on Tuesday.",
        "2024-05-08",
        ["talks"],
    ),
    (
        "Kabul and Islamabad have agreed to meet again, officials said on Tuesday. The two "
        "sides agreed on an immediate ceasefire on Monday after talks held in Doha.",
        "2024-05-08",
        ["ceasefire"],
    ),
]


@pytest.mark.parametrize(("text", "date", "kinds"), RECALLED_AGREEMENTS)
def test_recalled_agreements(text: str, date: str, kinds: list[str]) -> None:
    assert sorted(extract(text, article_date=date)["event_kind"]) == kinds


# -- one event told before, its sentence listing the places it covered ----------------------
ONE_INCIDENT = [
    # (article, number of violent rows)
    (
        "Gunmen attacked a bus convoy in Kurram district on Thursday, killing 12 passengers. "
        "The attack was carried out from the hills, targeting the convoy in the Sadda, Alizai "
        "and Bagan areas.",
        1,
    ),
    # controls: a plural subject, a spread of sites, and no event told before
    (
        "Jets struck hideouts in Khost and Paktika provinces on Monday. The strikes hit Khost, "
        "Paktika and Kunar.",
        3,
    ),
    (
        "Afghan forces opened fire on border posts on Thursday. The incident took place in "
        "several regions of Khyber Pakhtunkhwa province, including Chitral, Mohmand and "
        "Bajaur.",
        3,
    ),
]


@pytest.mark.parametrize(("text", "n"), ONE_INCIDENT)
def test_one_incident_listed(text: str, n: int) -> None:
    assert len(violent(text, "2024-05-10")) == n


# -- a weapon as the subject of a casualty verb gives the event its kind -------------------
WEAPON_SUBJECT = [
    # (sentence, kinds of its rows)
    ("A bomb killed three people in Bannu on Monday.", ["bombing"]),
    ("A landmine wounded two boys near Wana on Monday.", ["bombing"]),
    ("A drone killed two men in Khost on Monday.", ["air_strike"]),
    # controls
    ("A bomb disposal squad defused a device in Bannu on Monday.", []),
    ("Drones were seen over Khost on Monday.", []),
    ("Gunmen killed two men in Khost on Monday.", ["killing"]),
]


@pytest.mark.parametrize(("sentence", "kinds"), WEAPON_SUBJECT)
def test_weapon_subject_kind(sentence: str, kinds: list[str]) -> None:
    assert list(violent(sentence, "2024-05-08")["event_kind"]) == kinds
