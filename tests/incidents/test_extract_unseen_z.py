"""Table-driven tests of phrasings found on batch Z of ``tests/incidents/data/articles.jsonl``
(2016-2023 reports from outlets the extraction rules had not been written on).

Every sentence here is a paraphrase written for the test (other places, other days,
other numbers and words around the phrasing); every expected value is written by hand
from the sentence.  Each table has rows that must *not* change, so a rule cannot pass
by matching everything.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from extract_rows import violent

from incidents._extract_counts import casualties_in, counts_in
from incidents._extract_phrasing import running_toll
from incidents.extract import extract


def _d(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


# -- counts of one sentence ----------------------------------------------------------

COUNTS = [
    # (sentence, killed, wounded)
    # the military's idiom with the count as its object
    ("Troops sent nine militants to hell in the exchange of fire.", 9, None),
    ("The soldiers responded and sent four attackers \u201cto hell\u201d, the army said.", 4, None),
    ("Security forces, sending at least 14 terrorists to hell, cleared the ridge.", 14, None),
    # (known: the passive form)
    ("Six terrorists were sent to hell during the raid.", 6, None),
    # no count: a vow is no toll
    ("The commander vowed to send the terrorists to hell.", None, None),
    # an aside between "N others" and their own verb
    ("One man died and 14 others, including two children, were injured in the blast.", 1, 14),
    ("A driver was killed and six others (mostly labourers) were hurt at the site.", 1, 6),
    ("Two guards were shot dead and five others, among them a cook, were wounded.", 2, 5),
    # unchanged: "N others" that share the verb of the dead are more of the dead
    ("Two soldiers and three others, including a child, were killed.", 5, None),
    ("A civilian was killed and 11 others were injured.", 1, 11),
]


@pytest.mark.parametrize(("text", "killed", "wounded"), COUNTS)
def test_count_phrasings(text, killed, wounded):
    c = casualties_in(text)
    assert (c.killed, c.wounded) == (killed, wounded)


RUNNING = [
    # (words after a count, whether they make it the running toll of the incident)
    (" have been killed so far", True),
    (" were killed so far in the assault", True),
    (" have been killed so far this year", False),
    (" have been killed so far in these clashes", False),
    (" have been killed since Saturday", False),
    (" were killed in total", False),
    (" were killed", False),
]


@pytest.mark.parametrize(("tail", "running"), RUNNING)
def test_running_toll(tail, running):
    assert running_toll(tail) is running


def test_a_running_toll_is_a_count_but_a_span_total_is_restated():
    assert counts_in("Four gunmen have been killed so far, police said.")[0].role == ""
    assert counts_in("Police have killed 90 gunmen so far this year.")[0].role == "restated"


# -- counts across sentences ---------------------------------------------------------

ACROSS = [
    # (text, article date, fatalities of the single violent row)
    # a running toll of another group adds to the lead's count
    (
        "Three policemen were martyred on Monday when gunmen stormed a police station in "
        "Tank. \u201cTwo of the attackers have been killed so far,\u201d the police said.",
        "2024-05-07",
        5,
    ),
    # the toll of an earlier event, told for context, is not this one's
    (
        "Two soldiers were killed in an attack on a post in Bajaur district on Monday. "
        "The attack came days after five civilians were killed in another shelling.",
        "2024-03-05",
        2,
    ),
    (
        "A Levies man was shot dead at a checkpoint near Zhob on Sunday. It comes a week "
        "after four labourers were killed in a similar raid.",
        "2024-03-05",
        1,
    ),
    # unchanged: a detail sentence of the same incident still adds its group
    (
        "Two soldiers were killed in an attack on a post in Bajaur district on Monday. "
        "Three attackers were also killed.",
        "2024-03-05",
        5,
    ),
]


@pytest.mark.parametrize(("text", "date", "deaths"), ACROSS)
def test_counts_across_sentences(text, date, deaths):
    df = violent(text, date)
    assert len(df) == 1
    assert df["fatalities"].iloc[0] == deaths


# -- places and rows -----------------------------------------------------------------


def test_a_crossing_as_the_subject_of_its_closure_takes_the_crossing_told_before():
    df = extract(
        "Gunfire was heard near the Torkham crossing on Monday. "
        "The crossing was shut on Monday evening.",
        article_date="2024-03-05",
    )
    shut = df[df["event_kind"].eq("border_closure")]
    assert len(shut) == 1
    assert "Torkham" in shut["matched_name"].iloc[0]
    # not a closure: the crossing reopened
    df = extract(
        "Gunfire was heard near the Torkham crossing on Monday. "
        "The crossing was reopened on Monday evening.",
        article_date="2024-03-05",
    )
    assert not df["event_kind"].eq("border_closure").any()


FOLLOW_UP = [
    # (text, the violent rows' kinds)
    (
        "A roadside bomb hit a police van near Wana on Sunday. Troops cordoned off the "
        "area and a search operation was launched.",
        ["bombing"],
    ),
    (
        "Gunmen attacked a checkpost in Lakki Marwat on Friday. A clearance operation is "
        "under way in the area, officials said.",
        ["attack"],
    ),
    # ... also after a casualty sentence without a place (its counts are the attack's)
    (
        "Militants attacked a check post in Makeen on Sunday, officials said. The statement "
        "said the assault was repelled and eight militants were killed. However, six "
        "soldiers died while responding to the assault. The statement added that a "
        "sanitisation operation was being conducted in the area.",
        ["attack"],
    ),
    # a search that kills is an event of its own
    (
        "A roadside bomb hit a police van near Wana on Sunday. Troops killed two militants "
        "during a search operation in the area.",
        ["bombing", "armed_clash"],
    ),
    # a routine search that meets no one is no event at all
    (
        "To curb criminal elements, police carried out a search and strike operation in "
        "the mountains of Matta tehsil on Sunday.",
        [],
    ),
    # ... but a search for the abducted tells the abduction's place
    (
        "A search operation is under way in Ziarat to recover an official abducted by "
        "gunmen on Sunday.",
        ["armed_clash"],
    ),
]


@pytest.mark.parametrize(("text", "kinds"), FOLLOW_UP)
def test_the_hunt_after_an_incident_is_no_clash(text, kinds):
    df = violent(text, "2024-03-05")
    assert sorted(df["event_kind"]) == sorted(kinds)


VICTIMS_AT = [
    # (text, the name the row is placed at, fatalities)
    (
        "Three soldiers were martyred in cross-border fire from Afghanistan, the army said "
        "on Monday. The soldiers were patrolling in Bajaur district along the fence.",
        "Bajaur",
        3,
    ),
    (
        "Two FC men were killed when militants opened fire from across the border. The FC "
        "personnel were busy building a post in Mohmand district.",
        "Mohmand",
        2,
    ),
]


@pytest.mark.parametrize(("text", "name", "deaths"), VICTIMS_AT)
def test_a_placeless_event_takes_the_place_where_its_victims_were(text, name, deaths):
    df = violent(text, "2024-03-05")
    assert len(df) == 1
    assert name in df["matched_name"].iloc[0]
    assert df["fatalities"].iloc[0] == deaths
    # the kind is the event word's, not the casualty word's
    assert df["event_kind"].iloc[0] == "armed_clash"


def test_a_sentence_about_soldiers_without_an_event_before_makes_no_row():
    assert violent(
        "The soldiers were patrolling in Bajaur district along the fence.", "2024-03-05"
    ).empty


def test_one_site_told_by_two_names_is_one_row():
    df = extract(
        "The Torkham crossing, at the end of the Khyber Pass, stayed closed for a second "
        "day on Monday.",
        article_date="2024-03-05",
    )
    assert df["event_kind"].eq("border_closure").sum() == 1
    # two sites far apart stay two rows
    df = extract(
        "The Torkham and Chaman crossings stayed closed for a second day on Monday.",
        article_date="2024-03-05",
    )
    assert df["event_kind"].eq("border_closure").sum() == 2


def test_a_death_from_wounds_dates_the_incident_on_or_before_that_day():
    df = violent(
        "A police officer died on Thursday after being shot during a clash at the Chaman crossing.",
        "2024-03-08",
    )
    assert len(df) == 1
    assert df["date"].iloc[0].date() == _d("2024-03-04")
    assert df["date_end"].iloc[0].date() == _d("2024-03-07")
    # unchanged: a death on the day of the clash
    df = violent(
        "A police officer was killed on Thursday in a clash at the Chaman crossing.", "2024-03-08"
    )
    assert df["date"].iloc[0].date() == _d("2024-03-07")
    end = df["date_end"].iloc[0]
    assert pd.isna(end) or end.date() == _d("2024-03-07")


def test_a_reply_along_the_border_after_a_placed_incident_is_part_of_it():
    df = violent(
        "Two soldiers were martyred when militants attacked a post in Bajaur district on "
        "Monday, the army said. The army said its troops were exercising restraint to "
        "spare civilians. Officials said troops had responded on Monday by opening fire "
        "along the border.",
        "2024-03-05",
    )
    assert list(df["location"].str.contains("Bajaur")) == [True]
    assert df["fatalities"].iloc[0] == 2


def test_names_of_a_list_placed_at_their_district_stay_apart():
    # unknown names placed at the district that holds them are not one site
    df = violent(
        "Militants attacked posts in the Garai valley, the Tormang pass and the Lowar "
        "heights in Kurram district on Saturday.",
        "2024-05-06",
    )
    assert len(df) == 3
