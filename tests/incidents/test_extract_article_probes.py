"""Whole articles written for the test (paraphrases of common news shapes), each
with the rows a reader would code from it.

- a lead that sums "separate attacks" gives its counts to none of them;
- "The strike hit X in the early hours" is the night of the strike told before;
- an opinion piece recalling clashes that "had erupted" and "the ceasefire agreed in
  Doha" reports no event.
"""

from __future__ import annotations

import pandas as pd
from extract_rows import violent

from incidents.extract import extract

DATE = "2025-11-03"  # a Monday


def test_summary_of_separate_attacks_gives_its_counts_to_none():
    text = (
        "PESHAWAR: At least three policemen were martyred and two others injured in separate "
        "attacks in the province's southern districts on Sunday, police said.\n"
        "In the first incident, militants opened fire on a police mobile in the Gomal area of "
        "Tank district, killing two constables.\n"
        "In another attack, a head constable was shot dead near his home in Lakki Marwat.\n"
    )
    df = violent(text, DATE)
    assert sorted(df["fatalities"].tolist()) == [1, 2]


def test_the_strike_in_the_early_hours_is_the_night_told_before():
    text = (
        "Residents of Khost province on Monday buried six members of a family who were "
        "killed when a drone struck their home late on Saturday, relatives said.\n"
        "The strike hit the village in the early hours, local officials said, adding that two "
        "more people were wounded.\n"
    )
    df = violent(text, DATE)
    assert len(df) == 1
    r = df.iloc[0]
    assert str(r["date"].date()) == "2025-11-01"
    assert (r["fatalities"], r["injuries"]) == (6, 2)


def test_opinion_recalling_clashes_and_a_truce_reports_nothing():
    text = (
        "Opinion | An uneasy calm on the frontier\n"
        "Within days, clashes had erupted at Angoor Adda, Kurram and Chaman, and both sides "
        "claimed to have killed scores of fighters.\n"
        "The ceasefire agreed in Doha has brought an uneasy calm, but the dispute remains.\n"
    )
    assert extract(text, article_date=DATE).empty


def test_a_new_ceasefire_is_still_reported():
    text = "Pakistan and Afghanistan agreed on Sunday to an immediate ceasefire brokered by Qatar."
    df = extract(text, article_date=DATE)
    assert list(df["sub_event_type"]) == ["Agreement"]


def test_undated_news_takes_no_date_from_a_bombing_across_the_line_told_after_it():
    text = (
        "A Taliban spokesman said Pakistani jets struck homes in Khost province at around "
        "3 a.m., killing five women and children.\n"
        "The strikes came two days after a suicide bombing on an army post in Pakistan.\n"
        "On Saturday, a bomber had rammed a truck into a checkpoint in Mir Ali, killing "
        "seven soldiers.\n"
    )
    df = violent(text, "2024-03-18")  # a Monday
    khost = df[df["location"].str.contains("Khost")]
    assert len(khost) == 1
    assert str(khost.iloc[0]["date_end"].date()) == "2024-03-18"  # not Saturday the 16th


def test_second_incident_takes_no_counts_of_the_unplaced_first():
    text = (
        "Militants flew two quadcopters over the district on Tuesday.\n"
        "The first drone dropped a bomb on a house in an unnamed hamlet, killing a woman and "
        "injuring three children.\n"
        "In the second incident, a drone struck the Miryan police station in Bannu, damaging "
        "its solar panels.\n"
        "No casualties occurred in the police compound.\n"
    )
    df = violent(text, "2025-07-09")
    miryan = df[df["location"].str.contains("Miryan")]
    assert len(miryan) == 1
    assert miryan.iloc[0]["fatalities"] == 0


def test_an_exact_figure_after_a_vague_one_is_taken():
    text = (
        "Four people were killed and more than a dozen injured in a car bomb blast at a market "
        "in Chaman late Sunday.\n"
        "\u201cFour people have been killed and over 20 injured,\u201d the deputy commissioner "
        "said.\n"
    )
    df = violent(text, "2025-05-19")
    assert list(df["injuries"]) == [20]


def test_earlier_event_after_the_lead_is_dated_before_it():
    text = (
        "Police foiled an attack on the Gomal Bazar police station in Tank late Saturday "
        "night.\n"
        "Earlier, police repulsed an attack on the Jandola police station in Tank district.\n"
    )
    df = violent(text, "2023-02-12")
    jandola = df[df["location"].str.contains("Jandola")].iloc[0]
    assert jandola["date"] < pd.Timestamp("2023-02-11")
    assert jandola["date_end"] <= pd.Timestamp("2023-02-12")


def test_a_caption_dated_to_the_news_shows_the_event():
    text = (
        "Men search the rubble after an overnight airstrike hit a house in the Girdi Kas "
        "village of Bihsud district, Nangarhar province on February 22, 2026. (AFP Photo)\n"
        "Pakistan said it had struck seven militant hideouts in the border region.\n"
    )
    df = violent(text, "2026-02-22")
    assert len(df) == 1
    assert "Bihsud" in df.iloc[0]["extraction_notes"]


def test_file_and_funeral_captions_stay_out():
    text = (
        "Mourners attend the funeral of policemen killed in an attack on a training centre in "
        "Dera Ismail Khan, October 11, 2025. (AP)\n"
        "Officials said the talks would resume next week.\n"
    )
    assert violent(text, "2025-10-11").empty


def test_the_airstrikes_take_the_day_told_in_the_sentence_before():
    text = (
        "Hundreds of residents of Khost province protested against the cross-border "
        "airstrikes carried out by the Pakistani military on April 16.\n"
        "At least 40 people died in the airstrikes in Khost and Kunar provinces.\n"
    )
    df = violent(text, "2022-04-18")
    assert len(df) == 2
    assert set(df["date"].dt.strftime("%Y-%m-%d")) == {"2022-04-16"}
