"""Table-driven tests of targets named in a list or in apposition, comparison dates,
one event per kind at a crossing and a province across the line, and wire captions
closed by a dash (issue 17).

Every sentence is a paraphrase written for the test (no published text); every
expected value is written by hand from the sentence and the reference data
(coordinates rounded to a degree or so).
"""

from __future__ import annotations

import pandas as pd
import pytest

from incidents.extract import extract

DATE = "2026-02-27"


def violent_places(text: str, date: str = DATE) -> list[str]:
    df = extract(text, article_date=date)
    return sorted(df.loc[df["event_kind"] != "border_closure", "location"].tolist())


# (sentence, places of its violent rows)
TARGETS = [
    # a target named after a list word that follows the targets' noun phrase
    (
        "Pakistan bombed major cities in Afghanistan including the capital Kabul on Friday.",
        ["Kabul"],
    ),
    (
        "Jets pounded several towns in the east, including the provincial capital Khost, on "
        "Friday.",
        ["Khost"],
    ),
    # units in apposition after a quantity word
    (
        "Islamabad launched air strikes on key cities Kabul and Kandahar on Friday.",
        ["Kabul", "Kandahar"],
    ),
    ("Jets struck two provinces Khost and Paktika on Friday.", ["Khost", "Paktika"]),
    # a seat stays a seat
    ("Officials in the capital Kabul said on Friday the talks would resume.", []),
    ("The strikes came as envoys met in several cities including the capital Kabul.", []),
]


@pytest.mark.parametrize(("text", "places"), TARGETS)
def test_targets_named_in_a_list_or_in_apposition(text, places):
    assert violent_places(text) == places


def test_a_comparison_since_a_year_does_not_date_the_event():
    # the only date of the sentence is the start of the period compared with
    text = (
        "Pakistani jets launched air strikes inside Afghan territory early on Sunday.\n"
        "The strikes, which targeted the Paktika and Nangarhar provinces, mark the gravest "
        "confrontation between the two neighbours since the Taliban's return to power in 2021."
    )
    df = extract(text, article_date="2026-02-23")
    got = df[df["location"].str.contains("Paktika|Nangarhar")]
    assert sorted(got["location"]) == ["Nangarhar province", "Paktika province"]
    assert (got["date"] >= pd.Timestamp("2026-02-21")).all()


def test_an_air_strike_on_a_province_is_not_the_clash_at_a_crossing_across_the_line():
    text = (
        "Troops exchanged fire at the Chaman crossing on Friday.\n"
        "Residents said hours later Pakistani jets bombed Kandahar on Friday."
    )
    df = extract(text, article_date=DATE)
    assert sorted(df["event_kind"]) == ["air_strike", "armed_clash"]
    assert sorted(df["location"].str.replace(" crossing", "")) == ["Chaman", "Kandahar"]


CAPTIONS = [
    "A mourner stands beside the bodies of victims of a gun attack at a mosque in Parachinar "
    "on Nov 22, 2024. — AFP",
    "Residents clear the debris of a house damaged by air strikes in Nangarhar, Afghanistan. "
    "– Reuters file",
    "A soldier stands guard after an attack in Bannu. — AFP/File",
]


@pytest.mark.parametrize("caption", CAPTIONS)
def test_a_caption_closed_by_a_dash_and_a_wire_name_is_no_report(caption):
    text = caption + "\nOfficials said on Friday the crossing at Torkham would reopen next week."
    assert violent_places(text, "2024-12-20") == []


# -- the subject of a passive verb of attack is its site ----------------------------------

PASSIVE = [
    ("Kandahar was bombed on Friday.", ["Kandahar"]),
    ("Khost was struck by a drone on Friday.", ["Khost"]),
    ("Mir Ali was attacked by militants on Friday.", ["Mir Ali"]),
    ("The city of Kandahar was bombed by Pakistani jets on Friday.", ["Kandahar"]),
    (
        "Kabul and Kandahar, where the Taliban's supreme leader has his headquarters, were "
        "bombed by PAF jets on Friday.",
        ["Kabul", "Kandahar"],
    ),
    # not an attack: struck by lightning; a place that is no subject of the verb
    ("A shepherd was struck by lightning in Khost on Friday.", []),
    ("Officials in Kandahar said a convoy was attacked on Friday.", []),
]


@pytest.mark.parametrize(("text", "places"), PASSIVE)
def test_the_subject_of_a_passive_attack_is_its_site(text, places):
    assert violent_places(text) == places


# -- what did not happen is dropped, what happened before it in the sentence stays -------

AVERTED = [
    (
        "Security forces on Friday killed a wanted terrorist in Qila Saifullah, averting a "
        "major attack.",
        ["Qila Saifullah"],
    ),
    (
        "Troops on Friday killed two militants in Zhob, thwarting a planned attack on a school.",
        ["Zhob"],
    ),
    # the threat's place is no site; a threat alone is no event
    ("Militants threatened on Friday to attack posts in Zhob.", []),
    ("Officials said on Friday that militants planned to attack Zhob, averting nothing.", []),
]


@pytest.mark.parametrize(("text", "places"), AVERTED)
def test_a_killing_told_before_an_averted_attack_is_kept(text, places):
    assert violent_places(text, "2024-02-09") == places


CEASEFIRE_ON = [
    ("Both sides agreed to a ceasefire on the Torkham border on Friday.", "Torkham"),
    ("Elders brokered a truce on the Kharlachi crossing on Friday.", "Kharlachi"),
]


@pytest.mark.parametrize(("text", "place"), CEASEFIRE_ON)
def test_a_ceasefire_on_a_crossing_is_placed_there(text, place):
    df = extract(text, article_date=DATE)
    rows = df[df["event_kind"] == "ceasefire"]
    assert len(rows) == 1
    assert place in rows.iloc[0]["location"]
    assert not rows.iloc[0]["review_flags"] or "frontier_wide" not in rows.iloc[0]["review_flags"]


CAUSE_OF_STRAINS = [
    "Diplomatic strains deepened after Pakistan's military carried out air operations inside "
    "Afghan territory, citing security concerns.",
    "The rift widened after jets struck Khost last month.",
]


@pytest.mark.parametrize("text", CAUSE_OF_STRAINS)
def test_violence_named_as_the_cause_of_strained_relations_is_background(text):
    assert violent_places(text, "2026-02-12") == []
