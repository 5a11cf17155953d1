"""Table-driven tests of modality and background on unseen prose (issue 17, third pass):
a trigger that is negated, supposed, feared, intended, compared, named by a past year,
counted as a habit or an aggregate, or the topic of a statement makes no row, while
the same words around a real incident keep it.

Every sentence is a paraphrase written for the test (no published text); every
expected value is written by hand from the sentence.
"""

from __future__ import annotations

import pytest
from extract_rows import violent

from incidents.extract import extract

# -- words that say the event did not happen (or is only supposed) --------------------

NO_EVENT = [
    # a habit counted in dozens or scores, not an incident
    "Militants have attacked police stations in Lakki Marwat dozens of times since 2022.",
    "Drones have struck villages in Paktika scores of times this year.",
    # negated
    "There were no reports of fighting in Kurram on Monday.",
    "Officials said there was no fresh shelling in Chaman overnight.",
    "The Taliban said their forces did not attack any post in Angoor Adda.",
    # hypothetical determiners
    "Any further attack on Pakistani posts in Kurram would be met with force, the army said.",
    "In the event of an attack on Spin Boldak, the Taliban said, they would respond.",
    # feared / risked
    "Residents of Chaman feared renewed shelling.",
    "Traders in Torkham spoke of the risk of clashes spreading to the market.",
    "Traders in Kurram are worried about fresh clashes.",
    # contracted future and hesitation
    "Pakistan won't hesitate to conduct new strikes in Khost, the minister said.",
    # intention
    "The army is prepared to conduct air strikes on hideouts in Paktika.",
    # a modal verb after the trigger
    "A drone strike could hit militants hiding in Paktika at any time, an analyst said.",
    # a comparison, and an event named by a past year
    "The 2014 school massacre in Peshawar remains the deadliest TTP attack.",
    # a habit or a count of many events
    "Border clashes at Torkham and Chaman have become common over the past two years.",
    "The TTP has carried out hundreds of attacks in Khyber Pakhtunkhwa since 2022.",
    # the topic of talks
    "Pakistan and Afghanistan discussed the recent clashes in Kurram at a meeting.",
    # commentary without a date
    "Analysts say clashes in Kurram and Bajaur are likely to continue.",
    "A striking contrast with Chaman, where trade goes on, is the crossing at Torkham.",
    # attacks told across a list of places over months: a trend, not incidents
    "KP has seen an increasing trend of terrorism-related incidents, with a series of "
    "attacks across Peshawar, Kohat, Bannu and Bajaur in the past few months.",
    # a habit told in the present: who infiltrates where, not one infiltration
    "In the south, militant networks infiltrate Balochistan from Zabul and Kandahar.",
]

# (sentence, article date): an earlier event recalled by its month or by a lag
NO_EVENT_DATED = [
    ("The October fighting in Kurram killed dozens of soldiers.", "2025-12-02"),
    ("The interior minister visited Kabul on Sunday, days after clashes in Kurram.", "2025-12-20"),
    (
        "The Torkham crossing, which was closed during the October fighting, reopened on Monday.",
        "2025-12-20",
    ),
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_unreal_or_background_trigger_makes_no_violent_row(text):
    assert violent(text, "2025-08-13").empty


@pytest.mark.parametrize(("text", "date"), NO_EVENT_DATED)
def test_recalled_earlier_event_makes_no_violent_row(text, date):
    assert violent(text, date).empty


# -- the same words around a real incident keep it ------------------------------------

KEPT = [
    # (sentence, article date, place of the one violent row)
    (
        "Militants carried out attacks across Bannu on Monday, weeks after a lull.",
        "2025-03-11",
        "Bannu",
    ),
    (
        "Security forces killed three militants trying to infiltrate Zhob district on Monday.",
        "2025-03-11",
        "Zhob",
    ),
    (
        "No group has claimed responsibility for the bombing in Bannu on Monday that "
        "killed five policemen.",
        "2025-03-11",
        "Bannu",
    ),
    (
        "Militants attacked a checkpost in Lakki Marwat on Friday, but there were no "
        "casualties among the troops.",
        "2025-03-15",
        "Lakki Marwat",
    ),
    (
        "Nobody was hurt when a rocket landed in Landi Kotal on Wednesday.",
        "2025-03-13",
        "Landi Kotal",
    ),
    (
        "Security forces continued to carry out raids in North Waziristan on Monday.",
        "2025-03-17",
        "North Waziristan",
    ),
    (
        "The blast in Bajaur on Tuesday was the deadliest attack in the district this "
        "year, killing 12.",
        "2025-03-12",
        "Bajaur",
    ),
    (
        "A suicide bomber blew himself up at a checkpoint in Bannu on Monday, killing "
        "three soldiers.",
        "2025-08-11",
        "Bannu",
    ),
    (
        "The attacker detonated an explosives-laden vest outside a police station in "
        "Dera Ismail Khan on Tuesday.",
        "2025-08-12",
        "Dera Ismail Khan",
    ),
    (
        "Afghan forces carried out dozens of attacks on border posts in Kurram on Saturday night.",
        "2025-08-10",
        "Kurram",
    ),
    (
        "Pakistani forces launched dozens of missiles into Sarkani district of Kunar "
        "province early on Friday.",
        "2025-01-10",
        "Sarkani",
    ),
    # a month with its day is a date, not the name of an older event
    ("The March 31 attack in Bajaur killed five soldiers.", "2025-04-02", "Bajaur"),
    # "before dawn" is a time of day, not history
    ("Militants stormed a camp in Zhob before dawn on Tuesday.", "2025-12-03", "Zhob"),
    # a modal verb about the aftermath, a purpose, a repetition on one night
    (
        "The attack in Bajaur will be investigated, officials said on Tuesday.",
        "2025-03-11",
        "Bajaur",
    ),
    ("Monday's strike in Khost would further strain ties.", "2025-03-11", "Khost"),
    (
        "Militants used the cover of darkness to launch an attack on the post in Zhob on Monday.",
        "2025-03-11",
        "Zhob",
    ),
    ("Militants attacked the post in Zhob several times on Monday night.", "2025-03-11", "Zhob"),
    ("Militants fired on the post in Zhob dozens of times on Monday night.", "2025-03-11", "Zhob"),
    # a fear for one's life is not a feared event
    (
        "Residents, who feared for their lives, fled as mortars hit Chaman on Monday.",
        "2025-03-11",
        "Chaman",
    ),
    # "determined" is not "deter"
    (
        "Investigators determined that the blast in Bannu on Monday was a suicide attack.",
        "2025-03-11",
        "Bannu",
    ),
    # commentary on a dated event reports it
    (
        "Kabul-based analysts said the strikes in Khost on Monday were the heaviest yet.",
        "2025-03-11",
        "Khost",
    ),
    # an accusation of striking a place reports the strike
    (
        "Kabul accused Islamabad of striking Paktika's Urgun district on Monday night.",
        "2025-03-11",
        "Urgun",
    ),
]


@pytest.mark.parametrize(("text", "date", "place"), KEPT)
def test_real_incident_keeps_its_row(text, date, place):
    df = violent(text, date)
    assert len(df) == 1
    assert place in df["location"].iloc[0]


# -- a trend or a surge in a dated statement is not an incident -----------------------


def test_surge_named_in_a_dated_statement_is_not_a_row():
    text = (
        "The army on Tuesday rejected claims that it bombed a house in Khost province, "
        "amid a surge in militant attacks along the border."
    )
    df = violent(text, "2025-11-25")
    assert not df["review_flags"].fillna("").str.contains("frontier_wide").any()


def test_cause_dated_by_the_words_before_it_is_an_incident():
    text = (
        "The army protested to Kabul.\n"
        "This comes in the wake of last night's clash in Spin Boldak where a mortar "
        "killed four people."
    )
    df = violent(text, "2022-12-12")
    row = df[df["location"].str.contains("Spin Boldak")]
    assert len(row) == 1
    assert str(row["date"].iloc[0].date()) in ("2022-12-11", "2022-12-12")


def test_places_of_a_blamed_event_are_not_the_venue_of_talks():
    df = extract(
        "At talks in Istanbul on Saturday, the two sides traded blame for the shelling in Chaman.",
        article_date="2025-10-26",
    )
    assert not df["location"].str.contains("Chaman").any()
    assert df["location"].str.contains("Istanbul").any()


# -- the role of a place in its clause ---------------------------------------------------

ROLE_CASES = [
    # (sentence, article date, the one violent row's place, a place that must not be a row)
    (
        "Afghan guards were closing the gate at Torkham at 7 pm when firing broke out in "
        "Landi Kotal.",
        "2025-10-18",
        "Landi Kotal",
        "Torkham",
    ),
    (
        "The bombers, Afghan nationals who had entered through Angoor Adda, struck the "
        "cadet college in Wana on Monday.",
        "2025-11-12",
        "Wana",
        "Angoor Adda",
    ),
    (
        "The militants who attacked the post in Zhob on Sunday had crossed over from "
        "Paktika, the military said.",
        "2025-08-11",
        "Zhob",
        "Paktika",
    ),
    (
        "The martyred soldiers included Lance Naik Rehman (Chakwal) and Sepoy Ahmed "
        "(26, Kohat), the army said after the clash in Kurram on Monday.",
        "2025-10-03",
        "Kurram",
        "Chakwal|Kohat",
    ),
    (
        "Two of the slain militants belonged to Afghanistan's Khost province, the army said "
        "after the raid in Bannu on Monday.",
        "2025-10-03",
        "Bannu",
        "Khost",
    ),
    (
        "The attackers, all from Paktika, were killed in the gunfight in Zhob on Monday.",
        "2025-10-03",
        "Zhob",
        "Paktika",
    ),
    # where a visitor went after the attack
    (
        "RAWALPINDI: The army chief has visited Quetta Garrison and inquired about the "
        "health of soldiers wounded in the Zhob terrorist attack, the military said on Friday.",
        "2023-07-14",
        "Zhob",
        "Quetta",
    ),
]


@pytest.mark.parametrize(("text", "date", "site", "other"), ROLE_CASES)
def test_place_role_in_its_clause(text, date, site, other):
    df = violent(text, date)
    assert len(df) == 1
    assert site in df["location"].iloc[0]
    assert not df["location"].str.contains(other).any()


def test_the_perpetrator_of_an_earlier_attack_names_no_incident():
    text = (
        "The minister said on Tuesday that the perpetrator of a recent suicide attack in "
        "Islamabad had travelled to Afghanistan."
    )
    assert violent(text, "2025-11-25").empty


def test_title_case_dateline_is_not_the_site():
    text = (
        "Balochistan: At least six civilians were killed after Afghan forces opened fire "
        "on Sunday night."
    )
    df = violent(text, "2022-12-12")
    assert not df["location"].str.contains("Balochistan").any()
    df = violent(
        "Peshawar: Two soldiers were martyred when militants attacked a post in Khyber on Monday.",
        "2025-10-14",
    )
    assert list(df["location"]) == ["Khyber"]


# -- a sentence that describes the event told before ---------------------------------------


def test_this_was_an_operation_restates_the_event_before():
    text = (
        "Pakistani jets bombed four locations in Paktika province on Tuesday.\n"
        "This was an intelligence-based operation targeting camps in the Murgha and Laman "
        "areas."
    )
    df = violent(text, "2024-12-25")
    assert list(df["location"]) == ["Paktika province"]


def test_it_was_an_attack_places_an_event_told_without_a_place():
    text = (
        "Three soldiers were killed in a clash on Monday.\n"
        "It was an attack on a checkpost in Zhob district."
    )
    df = violent(text, "2024-12-25")
    assert len(df) == 1
    assert "Zhob" in df["location"].iloc[0]
    assert df["fatalities"].iloc[0] == 3


CLOSURE_NO_EVENT = [
    "The Torkham crossing will remain closed from Friday to Monday for the Eid holidays.",
    "Authorities closed the Torkham crossing for four days for the Eid holidays on Friday.",
    "Pakistan threatened to close the Chaman crossing if Afghan forces kept building the post.",
    "Traders fear the Torkham crossing could be closed again.",
    "The crossing at Chaman is closed every night at 10 pm and reopens at 6 am.",
]


@pytest.mark.parametrize("text", CLOSURE_NO_EVENT)
def test_scheduled_threatened_or_feared_closure_is_not_an_event(text):
    df = extract(text, article_date="2025-06-07")
    assert not df["event_kind"].eq("border_closure").any()


def test_closure_after_a_dispute_is_an_event():
    df = extract(
        "Pakistan closed the Torkham crossing on Sunday after Afghan forces began building a post.",
        article_date="2025-06-09",
    )
    assert list(df.loc[df["event_kind"].eq("border_closure"), "location"]) == ["Torkham crossing"]
