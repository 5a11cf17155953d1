"""Table-driven tests of casualty claims (:mod:`incidents._extract_claims`, issue
17): competing tolls by camp, claims about different victims, tolls that rise,
additions, breakdowns and restated totals, and the ISPR wording of the dead.

Every sentence is a paraphrase written for the test (no published text); every
expected count is written by hand from the sentence and the rules of the
module doc: per victim camp one camp's figure (the victim's own admission, else
the first stated), victim camps added up.
"""

from __future__ import annotations

import pytest

from incidents._extract_claims import speaker
from incidents._extract_counts import counts_in, total
from incidents.extract import extract
from tests.incidents.extract_rows import violent

# (sentence, killed, wounded)
ONE_SENTENCE = [
    # competing claims about one victim camp: never summed; the victim's own figure
    (
        "The Pakistani army said 19 soldiers were martyred; the Taliban claimed that"
        " 61 Pakistani soldiers died.",
        19,
        None,
    ),
    (
        "Kabul said 40 Pakistani troops were killed, while the ISPR said 12 soldiers"
        " embraced martyrdom.",
        12,
        None,
    ),
    (
        "The TTP said its fighters killed 25 soldiers in the ambush, while the ISPR said"
        " six soldiers were martyred.",
        6,
        None,
    ),
    # one camp about two victim camps: different groups, added
    (
        "Islamabad said 14 of its soldiers and more than 150 Taliban fighters were killed"
        " in the fighting.",
        164,
        None,
    ),
    (
        "Afghanistan's defence ministry said 44 Pakistani soldiers were killed while"
        " seven Afghan troops lost their lives.",
        51,
        None,
    ),
    # a toll that rose supersedes the earlier figure
    ("Six people were killed in the blast, and the death toll later rose to 10.", 10, None),
    ("Officials said the toll climbed to 21 after more bodies were found.", 21, None),
    ("Three more died in hospital, raising the number of dead to 9.", 9, None),
    # "another", "more", "others" add to the count before them
    ("Two policemen were killed and another three were killed in the second blast.", 5, None),
    ("Five guards were martyred and two more guards died of their wounds.", 7, None),
    ("Three soldiers were martyred and two others were killed by a mine.", 5, None),
    # "and another wounded" is one more, of the group before
    ("A border guard was martyred and another wounded when the post came under fire.", 1, 1),
    ("Two policemen were killed and another was injured in the ambush.", 2, 1),
    ("One levies man was martyred and three got injured in the firing.", 1, 3),
    # "more than" is no addition
    ("More than 30 militants and four soldiers were killed, the military said.", 34, None),
    # a breakdown does not add
    ("Twelve civilians, including seven children, were killed in the strike.", 12, None),
    ("Eight people (three women and five children) died when the shell hit.", 8, None),
    # a group "also" killed adds to a count of people
    ("Nine people lost their lives; four attackers were also killed.", 13, None),
    # a restated total is not added to the incident's own count
    (
        "Two soldiers were killed on Monday; the clashes have killed 40 people since Friday.",
        2,
        None,
    ),
    ("Security forces killed four more militants, bringing the total killed to 31.", 4, None),
    (
        "Eight soldiers were martyred; the army also said it killed 50 attackers in"
        " several separate border clashes.",
        8,
        None,
    ),
    # ISPR wording
    ("Eleven khwarij were sent to hell by the troops.", 11, None),
    ("Seven terrorists were neutralised and two sepoys embraced shahadat.", 9, None),
    ("Five brave sons of the soil embraced martyrdom, the ISPR said.", 5, None),
    ("Three soldiers laid down their lives and six others were injured.", 3, 6),
    # a range counts its lower bound, in digits or words
    ("Twenty to thirty Afghan Taliban were believed to have been killed.", 20, None),
    ("While repulsing the attack, 15-20 attackers were killed, the army said.", 15, None),
]


@pytest.mark.parametrize(("text", "killed", "wounded"), ONE_SENTENCE)
def test_claims_in_one_sentence(text, killed, wounded):
    counts = counts_in(text)
    assert total(counts, "killed") == killed
    assert total(counts, "wounded") == wounded


# (sentence, the count's first words, speaker camp)
SPEAKERS = [
    ("The ISPR said four soldiers were martyred.", "four", "PK"),
    ("Four soldiers were martyred, the military's media wing said.", "Four", "PK"),
    ("Taliban spokesman Zabihullah Mujahid said 30 soldiers were killed.", "30", "AF"),
    ("At least 15 civilians were killed, Afghan officials said.", "15", "AF"),
    ("According to Pakistan's army, 25 fighters were killed.", "25", "PK"),
    ("The TTP claimed that its fighters killed 12 policemen.", "12", "TTP"),
    # two clauses, two speakers
    ("Pakistan said nine soldiers died, but the Taliban claimed 40 were killed.", "40", "AF"),
    ("Pakistan said nine soldiers died, but the Taliban claimed 40 were killed.", "nine", "PK"),
    # words after the verb that are what was said name no speaker
    ("Officials said 12 Afghan civilians were killed.", "12", ""),
    ("Three soldiers were killed in the blast.", "Three", ""),
]


@pytest.mark.parametrize(("text", "words", "camp"), SPEAKERS)
def test_speaker_camp(text, words, camp):
    assert speaker(text, text.index(words)) == camp


def test_counts_carry_their_claim():
    cs = counts_in("The army said 23 soldiers were martyred and 200 Taliban were killed.")
    assert [(c.value, c.camp, c.victim) for c in cs if c.value in (23, 200)][:2] == [
        (23, "PK", "PK"),
        (200, "PK", "AF"),
    ]


def test_competing_claims_across_sentences_keep_one_figure():
    # the same clash at one place, one toll per camp in separate sentences
    text = (
        "Afghan forces attacked Pakistani border posts in Kurram district on Sunday.\n"
        "The Taliban said 35 Pakistani soldiers were killed in the attack on the posts in"
        " Kurram district.\n"
        "Pakistan's military said nine soldiers were martyred in the attack in Kurram"
        " district."
    )
    df = violent(text, "2025-10-13")
    rows = df[df["location"].str.contains("Kurram")]
    assert len(rows) == 1
    assert rows["fatalities"].iloc[0] == 9
    assert "35" in str(rows["notes"].iloc[0])  # the other camp's toll kept in the notes


def test_risen_toll_replaces_the_first():
    text = (
        "A roadside bomb killed four policemen in Tank district on Monday.\n"
        "The death toll from the blast in Tank district rose to seven on Tuesday."
    )
    df = violent(text, "2025-11-04")
    assert df["fatalities"].tolist() == [7]


def test_restated_total_is_no_new_incident_count():
    text = (
        "Two soldiers were killed when militants attacked a post in Bajaur district on"
        " Monday.\n"
        "The clashes in Bajaur district have killed 30 people since Saturday."
    )
    df = violent(text, "2025-11-04")
    assert df["fatalities"].tolist() == [2]


def test_notes_empty_without_competing_claims():
    df = extract(
        "Four soldiers were martyred in an attack in Kurram district on Monday, the ISPR said.",
        article_date="2025-11-04",
    )
    assert df["fatalities"].tolist() == [4]
    assert df["notes"].isna().all()
