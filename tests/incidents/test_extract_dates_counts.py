"""Table-driven tests of the date and count rules added for the second real-article set
(issue 17): photo captions, breakdowns of a count, vague counts, two counted subjects,
a toll shared by a list of places, a lead toll placed later.

Every sentence is a paraphrase written for the test (no published text), and every
expected value is written by hand from the sentence.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from incidents._extract_counts import casualties_in
from incidents._extract_dates import find_dates, is_caption, without_captions
from incidents._extract_text import sentences
from incidents.extract import extract

DATE = "2025-11-25"  # a Tuesday


def violent(text: str, date: str = DATE) -> pd.DataFrame:
    df = extract(text, article_date=date)
    return df[~df["event_type"].eq("Strategic developments")].reset_index(drop=True)


# -- photo captions ----------------------------------------------------------------------

CAPTIONS = [
    # line, is a caption
    ("Mourners bury victims of a drone strike in Paktika on March 2, 2024 (AFP)", True),
    ("Soldiers guard a checkpoint near the crossing, June 5, 2023. (AP Photo/A. Name)", True),
    ("Relatives gather outside a hospital in Bannu (Reuters/File)", True),
    ("File photo: a border post above the Kurram valley.", True),
    ("FILE - Trucks wait at the crossing in a picture taken last year.", True),
    ("Smoke rises over the town after shelling [Photo: social media]", True),
    # reports, not captions
    ("Three soldiers were killed in Zhob on Monday, the army said (AFP).", False),
    ("Militants attacked a post in Kurram, according to officials (Reuters).", False),
    ("The chief of Pakistan Tehreek-e-Insaf (PTI) visited Bajaur on Monday.", False),
    ("Shelling hit homes in Kunar (eastern Afghanistan) on Sunday.", False),
]


@pytest.mark.parametrize(("line", "expected"), CAPTIONS)
def test_photo_caption_lines(line, expected):
    assert is_caption(line) is expected


def test_caption_sentences_are_skipped_with_their_numbers_kept():
    text = (
        "Drones struck homes in Khost province.\n"
        "Mourners at a funeral in Kunar on May 3, 2024. (AP Photo/A. Name)\n"
        "The strike hit a house at midnight."
    )
    every = sentences(text)
    kept = list(without_captions(every))
    assert [s.text for _, s in kept] == [
        "Drones struck homes in Khost province.",
        "The strike hit a house at midnight.",
    ]
    # numbers are those of all the sentences (the caption line may be split in several)
    assert kept[0][0] == 0 and kept[-1][0] == len(every) - 1


def test_a_caption_date_does_not_date_the_story_after_it():
    # the lead has no date: the story is of the article's day or the day before;
    # the caption shows a funeral of a strike a month earlier
    text = (
        "At least six civilians were killed in Pakistani air strikes on Paktika province, "
        "a Taliban spokesman said.\n"
        "Relatives at the burial of people killed in an air strike in Afghanistan on "
        "October 20, 2025 (AFP)\n"
        "The strikes hit a house shortly after midnight.\n"
        "Pakistani forces also carried out strikes in Kunar and Khost provinces."
    )
    df = violent(text)
    assert len(df) >= 3
    assert set(df["date"]) == {pd.Timestamp("2025-11-24")}
    assert set(df["date_end"]) == {pd.Timestamp("2025-11-25")}


def test_an_event_told_only_in_a_caption_gives_no_row():
    text = (
        "Talks between the two governments resumed in Doha on Tuesday.\n"
        "A soldier stands guard where shells hit Chaman on October 12, 2025. (Reuters)"
    )
    assert len(violent(text)) == 0


# -- counts: breakdowns, vague words, two counted subjects --------------------------------

COUNTS = [
    # sentence, killed, wounded
    ("Eight children [three boys and five girls] and a man were killed.", 9, None),
    ("Eight children (three boys and five girls) and a man were killed.", 9, None),
    ("Seven civilians, including two boys and three girls, were killed.", 7, None),
    ("At least nine people — four women and three children — lost their lives.", 9, None),
    ("Eight civilians – three women and a man – and two soldiers were killed.", 10, None),
    ("At least 14 people died and 30 sustained injuries after the blast.", 14, 30),
    ("Seven civilians, among them two boys and a girl, were killed in the strike.", 7, None),
    ("Eleven people, including four women, were killed, and several others injured.", 11, None),
    ("Several people were wounded when a shell hit the bazaar.", None, None),
    ("Two soldiers and several civilians were killed.", 2, None),
    ("Dozens of fighters were killed in the raids.", 12, None),
    ("Three policemen and eight militants were killed in the gunfight.", 11, None),
    ("Two guards and five civilians were wounded in the blast.", None, 7),
    ("Five soldiers and 14 attackers, including a commander, were killed.", 19, None),
    ("Two soldiers and four villagers were killed or injured.", None, None),
    ("Six soldiers, including a captain, were martyred and 9 terrorists were killed.", 15, None),
    ("A police officer in Chaman reported that four guards were wounded in the firing.", None, 4),
    ("At least 12 people, including children, were said to have been killed.", 12, None),
    ("The raid resulted in the deaths of five guards and injuries to 11 others.", 5, 11),
    ("The army said three of its soldiers and 20 fighters from the group were killed.", 23, None),
    ("Two of the guards were wounded in the firing.", None, 2),
    ("Troops stormed the hideout and killed five of them in the crossfire.", 5, None),
    ("The blast led to the death of a police official and injuries to two others.", 1, 2),
    # the force's own words for its men
    ("Gunmen shot dead three constables at a checkpoint.", 3, None),
    ("Two troopers of the Frontier Corps were martyred and a head constable was hurt.", 2, 1),
    ("Four commandos and two rangers were wounded in the raid.", None, 6),
    # a verb with no auxiliary after a new subject is that subject's, not the count's
    (
        "Gunmen killed two guards in Tank and a roadside bomb wounded four soldiers in Zhob.",
        2,
        4,
    ),
    ("Two guards in Tank and a soldier were wounded.", None, 3),
    # nobody: none of the verb's kind, and "one" counts no one
    ("Militants burned a school overnight; no one was hurt.", None, 0),
    ("A shell hit a house, but nobody was killed.", 0, None),
    ("No one was injured in the blast.", None, 0),
    # what the counted did: the crowd at the funeral is not the dead
    (
        "Hundreds of people attended the funeral of the four teenagers, who were killed "
        "in the blast.",
        4,
        None,
    ),
]


@pytest.mark.parametrize(("text", "killed", "wounded"), COUNTS)
def test_breakdowns_vague_words_and_two_counted_subjects(text, killed, wounded):
    c = casualties_in(text)
    assert (c.killed, c.wounded) == (killed, wounded)


# -- a toll shared by a list of places -----------------------------------------------------

SHARED = [
    # story, the places of the list (in order), the toll the text does not split
    (
        "Around 20 militants were killed and five others injured in operations this week.\n"
        "According to the army, hideouts were targeted in Bannu, Karak and Kohat districts.",
        ["Bannu", "Karak", "Kohat"],
        20,
    ),
    (
        "The strikes killed 13 people, the spokesman said.\n"
        "Pakistani jets also hit targets in Kunar and Nangarhar provinces on Monday.",
        ["Kunar", "Nangarhar"],
        13,
    ),
]


@pytest.mark.parametrize(("text", "places", "toll"), SHARED)
def test_a_toll_not_split_by_the_text_stays_on_the_first_place_of_the_list(text, places, toll):
    df = violent(text)
    listed = [
        df[df["location"].str.contains(p)].iloc[0]
        for p in places
        if df["location"].str.contains(p).any()
    ]
    assert len(listed) == len(places)
    dead = [r["fatalities"] for r in listed]
    assert dead[0] == toll
    assert all(pd.isna(d) for d in dead[1:])
    assert "total of" in listed[0]["extraction_notes"]


def test_a_restatement_inside_a_country_does_not_take_the_toll_from_the_placed_row():
    text = (
        "Pakistani jets bombed several villages in the Barmal district of Paktika on Monday.\n"
        "Taliban officials said the strikes killed 30 people and injured nine others.\n"
        "Islamabad later confirmed that it had carried out strikes inside Afghanistan."
    )
    df = violent(text)
    assert len(df) == 1
    assert (df.iloc[0]["fatalities"], df.iloc[0]["injuries"]) == (30, 9)


# -- a lead toll told without a place, placed a few sentences on ----------------------------


def test_the_lead_toll_goes_to_the_place_named_later():
    text = (
        "Troops beat back a large assault from across the border; three soldiers and nine "
        "attackers were killed.\n"
        "Officials said troops had watched movements on the other side for days.\n"
        '"They came in the hundreds," a local official said of the fighting.\n'
        "The militants later said they had seized two posts in the Arandu area of Chitral."
    )
    df = violent(text, "2023-09-07")
    assert len(df) == 1
    assert "Chitral" in df.iloc[0]["location"] or "Arandu" in df.iloc[0]["location"]
    assert df.iloc[0]["fatalities"] == 12


def test_a_sides_own_losses_are_not_the_toll_of_its_strike():
    # the lead counts Pakistani soldiers (the Afghan claim); the strikes placed next are
    # Pakistan's own: those dead are not theirs
    text = (
        "The Taliban claimed that 55 Pakistani soldiers were killed in the clashes "
        "overnight.\n"
        "Officials said the fighting went on for hours.\n"
        "Pakistan later carried out airstrikes on locations in Kabul and Kandahar."
    )
    df = violent(text, "2026-02-27")
    assert {"Kabul", "Kandahar"} <= set(df["matched_name"])
    strikes = df[df["matched_name"].isin(["Kabul", "Kandahar"])]
    assert not (strikes["fatalities"] == 55).any()


def test_a_lead_toll_is_not_carried_past_an_earlier_placed_event():
    # the first violent event is placed: the next placeless toll is its detail, and
    # is not carried again to the event of the last sentence
    text = (
        "Militants attacked a police post in Tank on Monday.\n"
        "Four policemen were killed in the attack.\n"
        "Separately, a roadside bomb went off in Lakki Marwat on Monday."
    )
    df = violent(text)
    tank = df[df["location"].str.contains("Tank")].iloc[0]
    lakki = df[df["location"].str.contains("Lakki")].iloc[0]
    assert tank["fatalities"] == 4
    assert pd.isna(lakki["fatalities"])


# -- two counts of two events in one sentence: each with its own clause's place -----------

CLAUSES = [
    # sentence, {place: deaths}
    (
        "On Monday, six militants were killed in North Waziristan and three soldiers were "
        "martyred in an ambush in South Waziristan.",
        {"North Waziristan": 6, "South Waziristan": 3},
    ),
    (
        "Mortars killed five people in Kunar and three in Nangarhar on Monday.",
        {"Kunar": 5, "Nangarhar": 3},
    ),
    (
        "Four soldiers were killed in a raid in Zhob on Monday, while two civilians died when "
        "a shell hit a house in Kurram.",
        {"Zhob": 4, "Kurram": 2},
    ),
    ("Jets struck Khost on Monday and 12 people were killed.", {"Khost": 12}),
]


@pytest.mark.parametrize(("text", "dead"), CLAUSES)
def test_each_count_goes_to_the_place_of_its_own_clause(text, dead):
    df = violent(text)
    got = {}
    for place in dead:
        hit = df[df["location"].str.contains(place)]
        assert len(hit) == 1, place
        got[place] = hit.iloc[0]["fatalities"]
    assert got == dead


# -- the date of a statement or a reaction is not the event's ------------------------------

STATEMENT_DATES = [
    # sentence, article date, event window (first, last)
    (
        "The nation today mourned the death of its four soldiers after militants attacked a "
        "post in Mohmand district.",
        "2021-08-30",
        ("2021-08-29", "2021-08-30"),
    ),
    (
        "The army on Tuesday said militants had raided a checkpoint in Zhob district.",
        "2025-11-26",
        ("2025-11-24", "2025-11-25"),
    ),
    (
        "Villagers buried on Monday three men killed when shells hit homes in Kunar province.",
        "2025-11-25",
        ("2025-11-23", "2025-11-24"),
    ),
    # the event's own date stays exact
    (
        "Militants on Tuesday raided a checkpoint in Zhob district.",
        "2025-11-26",
        ("2025-11-25", "2025-11-25"),
    ),
]


@pytest.mark.parametrize(("text", "date", "window"), STATEMENT_DATES)
def test_a_statement_or_reaction_day_means_that_day_or_the_day_before(text, date, window):
    df = violent(text, date)
    assert len(df) == 1
    got = (df.iloc[0]["date"], df.iloc[0]["date_end"])
    if pd.isna(got[1]):
        got = (got[0], got[0])
    assert got == (pd.Timestamp(window[0]), pd.Timestamp(window[1]))


def test_the_death_of_its_soldiers_is_a_count():
    assert casualties_in("The country mourned the death of its three soldiers.").killed == 3


# -- weekday ranges, weekends, a weekday apposed to its date ---------------------------------

WED = dt.date(2025, 10, 15)  # a Wednesday

DATE_FORMS = [
    # phrase, article date, (first, last)
    ("fighting on the night between Saturday and Sunday", WED, ("2025-10-11", "2025-10-12")),
    ("clashes on Monday and Tuesday", WED, ("2025-10-13", "2025-10-14")),
    ("shelling on Saturday-Sunday night", WED, ("2025-10-11", "2025-10-12")),
    # a range that would end after the article is the week before
    ("raids on Monday and Tuesday", dt.date(2025, 10, 13), ("2025-10-06", "2025-10-07")),
    # the apposed date says which day; a night runs into the next morning
    ("clashes on Sunday evening, November 20", dt.date(2022, 11, 21), ("2022-11-20", "2022-11-20")),
    (
        "jets struck on Tuesday night, December 24",
        dt.date(2024, 12, 26),
        ("2024-12-24", "2024-12-25"),
    ),
    # what has lasted since a weekday began before it is told, though its clause speaks
    # of the future ("... will reopen")
    ("the route, closed since Sunday, will be reopened", WED, ("2025-10-12", "2025-10-15")),
    # an ampersand joins two days as "and" does
    ("On 28 & 29 August, troops engaged the hideouts", WED, ("2025-08-28", "2025-08-29")),
    ("raids on Saturday & Sunday", WED, ("2025-10-11", "2025-10-12")),
]


@pytest.mark.parametrize(("phrase", "ref", "window"), DATE_FORMS)
def test_weekday_ranges_weekends_and_apposed_dates(phrase, ref, window):
    spans = [d for d in find_dates(phrase, ref) if d.first is not None]
    assert len(spans) == 1
    assert (str(spans[0].first), str(spans[0].last)) == window


# -- an undated event told as the answer to a dated one came after it -------------------------


def test_an_answer_to_a_dated_event_is_dated_after_it_up_to_the_article():
    text = (
        "Pakistani jets struck targets in Khost on March 1.\n"
        "The Taliban hit back at border posts, prompting Pakistan to escalate further with "
        "strikes in Kandahar and Nangarhar."
    )
    df = violent(text, "2026-03-09")
    later = df[df["location"].str.contains("Kandahar|Nangarhar")]
    assert len(later) == 2
    assert set(later["date"]) == {pd.Timestamp("2026-03-01")}
    assert set(later["date_end"]) == {pd.Timestamp("2026-03-09")}
    khost = df[df["location"].str.contains("Khost")].iloc[0]
    assert khost["date"] == pd.Timestamp("2026-03-01")


def test_an_undated_detail_without_an_answer_word_keeps_the_lead_date():
    text = (
        "Pakistani jets struck targets in Khost on March 1.\n"
        "Strikes also hit a compound in Kandahar."
    )
    df = violent(text, "2026-03-09")
    kandahar = df[df["location"].str.contains("Kandahar")].iloc[0]
    assert kandahar["date"] == pd.Timestamp("2026-03-01")
    assert pd.isna(kandahar["date_end"]) or kandahar["date_end"] == pd.Timestamp("2026-03-01")


def test_a_province_restatement_completes_the_counts_its_district_row_lacks():
    # the district row only knows the wounded; the province sentence gives the dead
    text = (
        "At least 20 people were killed in a Pakistani air strike in Paktika province, a "
        "Taliban spokesman said.\n"
        "Another seven people were wounded in the strike, which hit the Barmal district."
    )
    df = violent(text, "2024-12-25")
    assert len(df) == 1
    assert "Barmal" in df.iloc[0]["location"]
    assert (df.iloc[0]["fatalities"], df.iloc[0]["injuries"]) == (20, 7)


# (article, article date, places that must NOT make a row): a month-long mention
# ("earlier this month") does not chain the story back to an event of the month before
OLD_BY_MONTH = [
    (
        "Pakistani jets struck a house in Khost province overnight, killing six people.\n"
        "It came after a bombing in Peshawar earlier this month.\n"
        "Both sides agreed a ceasefire in Doha in October after weeks of clashes.",
        "2025-11-25",
        "Doha",
    ),
    (
        "Afghan forces fired on posts in Bajaur on Sunday, the army said.\n"
        "A blast in Quetta earlier this month killed 12 people.\n"
        "Militants in Mastung were killed by rivals in February, the spokesman said.",
        "2025-03-24",
        "Mastung",
    ),
]


@pytest.mark.parametrize(("text", "date", "absent"), OLD_BY_MONTH)
def test_a_month_long_mention_is_no_link_to_older_events(text, date, absent):
    df = extract(text, article_date=date)
    assert len(df) >= 1
    assert not df["location"].str.contains(absent).any()


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        # article date: Tuesday 14 October 2025
        ("The post was attacked three days ago.", "2025-10-11", "2025-10-11"),
        ("The post was attacked a week ago.", "2025-10-06", "2025-10-08"),
        ("The post was attacked two weeks ago.", "2025-09-29", "2025-10-01"),
        ("The post was attacked a fortnight ago.", "2025-09-29", "2025-10-01"),
    ],
)
def test_weeks_ago_is_that_day_give_or_take_one(text, first, last):
    (d,) = [d for d in find_dates(text, dt.date(2025, 10, 14)) if d.first is not None]
    assert (d.first.isoformat(), d.last.isoformat()) == (first, last)
