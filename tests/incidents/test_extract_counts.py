"""Table-driven tests of the nominal casualty forms read by
:mod:`incidents._extract_counts` (issue 17): "injuries to 16 others", "the death
of an FC official", "the deaths of two commanders".

Every sentence is a paraphrase written for the test (no published text); every
expected count is written by hand from the sentence.
"""

from __future__ import annotations

import pandas as pd
import pytest

from incidents._extract_counts import casualties_in, counts_in, total
from incidents.extract import extract

# (sentence, killed, wounded)
NOMINAL = [
    ("The clash led to the deaths of five soldiers and injuries to 12 others.", 5, 12),
    ("The blast caused injuries to two people near the market.", None, 2),
    ("The raid resulted in the death of a police official and injuries to four others.", 1, 4),
    ("The shelling led to injuries to at least nine villagers.", None, 9),
    ("The strike caused the deaths of three commanders, officials said.", 3, None),
    ("Firing caused injuries to a border guard on Monday.", None, 1),
    # a year is never a count, and a plain noun is not an injury count
    ("Injuries to the economy since 2021 were large.", None, None),
    # lives are the dead, never the wounded
    ("The bombing claimed four lives and left nine people injured.", 4, 9),
    ("The bombing claimed 4 lives and left 9 people injured.", 4, 9),
    ("Eleven lives were lost when the van was hit.", 11, None),
    ("At least six innocent lives have been lost in the shelling.", 6, None),
]


@pytest.mark.parametrize(("text", "killed", "wounded"), NOMINAL)
def test_nominal_casualty_forms(text, killed, wounded):
    counts = counts_in(text)
    assert total(counts, "killed") == killed
    assert total(counts, "wounded") == wounded


def test_counts_stay_with_the_site_in_central_unit():
    # "the X area of central Kurram": Kurram locates X; the counts are X's, not a
    # second row's at Kurram
    df = extract(
        "On Sunday an attack in the Marghan area of central Kurram caused the death of a "
        "soldier and injuries to three others.",
        article_date="2024-09-09",
    )
    assert len(df) == 1
    assert df.iloc[0]["fatalities"] == 1
    assert df.iloc[0]["injuries"] == 3


def test_a_bracketed_breakdown_is_not_added():
    counts = counts_in("Six children [four boys and two girls] and a man were killed.")
    assert total(counts, "killed") == 7


def test_an_old_dated_caption_is_not_the_lead_of_undated_news():
    text = (
        "Eight civilians were killed in Pakistani strikes on Kunar province, a Taliban "
        "spokesman said.\n"
        "Mourners at a funeral after a Pakistani strike that killed civilians on September 3, "
        "2025 (Photo agency)\n"
        "The spokesman did not give further details.\n"
        "He said Pakistani forces also carried out strikes in Nuristan."
    )
    df = extract(text, article_date="2025-11-20")
    nur = df[df["location"].str.contains("Nuristan")]
    assert len(nur) == 1
    assert str(nur.iloc[0]["date"].date()) in ("2025-11-19", "2025-11-20")


def test_counts_told_before_a_list_go_to_its_first_place_only():
    text = (
        "Nine soldiers were killed in cross-border attacks on Sunday, the army said.\n"
        "The attacks took place in Bajaur, Mohmand and Kurram districts."
    )
    df = extract(text, article_date="2025-10-14")
    got = {str(k): v for k, v in zip(df["location"], df["fatalities"], strict=True)}
    assert sum(int(v) for v in got.values() if not pd.isna(v)) == 9


def test_a_dashed_breakdown_is_not_added_and_injuries_are_not_deaths():
    counts = counts_in(
        "At least nine people — four women and three children — lost their lives and 15 "
        "sustained injuries after gunmen stormed the post."
    )
    assert total(counts, "killed") == 9
    assert total(counts, "wounded") == 15


def test_a_car_bomb_at_a_cantonment_is_placed_in_its_city():
    df = extract(
        "Six people lost their lives when attackers rammed an explosives-laden vehicle into "
        "the gate of Kohat Cantonment on Tuesday.",
        article_date="2025-03-05",
    )
    assert len(df) == 1
    assert "Kohat" in str(df.iloc[0]["location"])
    assert df.iloc[0]["event_kind"] in ("bombing", "suicide_bombing")
    assert df.iloc[0]["fatalities"] == 6


def test_a_weeks_summary_of_casualties_is_not_a_detail_of_the_incident_before():
    text = (
        "Militants ambushed a convoy near Razmak on Thursday, officials said.\n"
        "Around 25 militants were killed in operations earlier this week, the army said."
    )
    df = extract(text, article_date="2025-01-31")
    razmak = df[df["location"].str.contains("Razmak")]
    assert len(razmak) == 1
    assert pd.isna(razmak.iloc[0]["fatalities"])


# (sentence, killed, wounded): lists of counted groups, a count between another
# count and its verb, adverbs before the other verb, quoted adjectives.
CLAUSES = [
    # a list of three groups sharing one verb adds up
    ("Three boys, two girls, and a man were killed when the house was hit.", 6, None),
    ("The shell killed two women, four children and an elderly man on Monday.", 7, None),
    ("The blast wounded three policemen, two passers-by and a child near the gate.", None, 6),
    ("Two soldiers, five militants and a civilian were killed in the firefight.", 8, None),
    # the second count has its own verb: "leaving three others injured"
    ("The post was attacked, killing a guard and leaving four others injured.", 1, 4),
    ("Gunmen opened fire, killing one person while two others were hurt.", 1, 2),
    # "and five others critically injured": injured, not more dead
    ("Three soldiers were martyred and six others critically injured in the attack.", 3, 6),
    ("Two guards died and four others were seriously wounded.", 2, 4),
    # quoted adjectives between a count and its noun
    ("Police said two of the “heavily armed” attackers were killed at the gate.", 2, None),
    # "N others" are of the group before them; two groups add up
    ("One soldier was killed and 11 others were injured, while 15 militants were killed.", 16, 11),
    # servicemen named by rank are counted one each; a number of soldiers includes them
    ("Major Ali Khan, 30, and Sepoy Gul Wali, 24, were martyred in the exchange.", 2, None),
    ("Naik Sher Zaman (age 35, of Kohat) embraced shahadat.", 1, None),
    ("Two soldiers, including Captain Umar Farooq, were martyred.", 2, None),
    ("Colonel Rashid Ahmed told reporters that three soldiers were martyred.", 3, None),
    # digits of a breakdown are not a count of their own; a clause with its own verb is
    ("At least 21 people, among them 8 soldiers, were killed in the ambush.", 21, None),
    ("It followed attacks, including a blast in Quetta that killed at least 9 people.", 9, None),
    # an active verb's bare number before a place; a possessive before the number; the
    # object of the first verb is not the subject of the second
    ("Gunmen killed three guards and wounded five in an ambush near the post.", 3, 5),
    ("The blast killed two and injured 17 in the bazaar on Monday.", 2, 17),
    ("A shell killed a man and injured his three sons in the village.", 1, 3),
    # "resulting in the martyrdom of 13 soldiers"
    ("The blast resulted in the martyrdom of 13 soldiers and injuries to two others.", 13, 2),
    # "N of them" are of the group named just before
    ("Troops surrounded the militants' compound and killed four of them.", 4, None),
    # a breakdown is still not added
    ("Seven people, including four children, were killed in the strike.", 7, None),
]


@pytest.mark.parametrize(("text", "killed", "wounded"), CLAUSES)
def test_counts_by_clause(text, killed, wounded):
    counts = counts_in(text)
    assert total(counts, "killed") == killed
    assert total(counts, "wounded") == wounded


def test_of_them_takes_the_group_named_before():
    counts = counts_in("Troops surrounded the militants' compound and killed four of them.")
    assert [(c.value, c.group) for c in counts] == [(4, "militants")]


# -- an age before the victim, a rank spelt the other way ------------------------------


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("The rocket killed a five-year-old boy in the village.", 1, None),
        ("A 12-year-old girl was injured in the firing.", None, 1),
        ("Havaldar Tanveer embraced Shahadat while the troops responded.", 1, None),
        ("Hawaldar Ali Khan and Sepahi Imran were martyred.", 2, None),
        # a crowd that did something is not the dead of the clause after it
        (
            "Hundreds of tribesmen had brought the body of a girl, who they claimed was killed "
            "in a mortar strike.",
            1,
            None,
        ),
    ],
)
def test_an_age_or_a_rank_variant_still_counts(text, killed, wounded):
    c = casualties_in(text)
    assert (c.killed, c.wounded) == (killed, wounded)
