"""Table-driven tests of frontier-wide rows told next to placed ones
(:mod:`incidents._extract_wide`) and of events split across two sentences
(:func:`incidents._extract_carry.date_from_details`), issue 17.

Every sentence is a paraphrase written for the test (no published text); every
expected value is written by hand from the sentences.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from incidents._extract_lex import frontier_phrases
from incidents._extract_wide import (
    border_event_phrases,
    mutual,
    restate_reach,
    unnamed_crossing,
    with_border_events,
)
from incidents.extract import extract

DATE = "2025-10-15"  # a Wednesday


def _rows(text: str, date: str = DATE) -> pd.DataFrame:
    return extract(text, article_date=date, min_confidence=0)  # the rule, not the cut


def _wide(df: pd.DataFrame) -> pd.Series:
    return df["review_flags"].fillna("").str.contains("frontier_wide")


def _day(x: object) -> dt.date | None:
    return None if pd.isna(x) else pd.Timestamp(x).date()


# -- the phrase rules -------------------------------------------------------------

PHRASES = [
    # (sentence, the border-event phrase found, or None)
    ("Taliban fighters launched border attacks on Pakistani troops overnight.", "border attacks"),
    (
        "Twenty soldiers died in overnight border operations, the ministry said.",
        "overnight border operations",
    ),
    ("Heavy border clashes broke out late on Sunday.", "Heavy border clashes"),
    ("A border skirmish left two guards dead.", "border skirmish"),
    # named again: the event told before
    ("In response to the border attacks, Pakistan struck back.", None),
    # where an attack came from, not where it was
    ("Cross-border attacks from Afghan soil have risen.", None),
    # the cause or the subject of other news
    ("The talks followed deadly border clashes last month.", None),
    ("Envoys met to resolve recent border clashes.", None),
    ("Trade suffered amid border clashes, traders said.", None),
]


@pytest.mark.parametrize(("text", "phrase"), PHRASES)
def test_border_event_phrase(text, phrase):
    got = [p[2] for p in border_event_phrases(text)]
    assert got == ([phrase] if phrase else [])


CROSSINGS = [
    ("Islamabad has closed a key crossing, leaving trucks stranded.", "a key crossing"),
    ("Officials shut all border crossings after the firing.", "all border crossings"),
    (
        "Pakistan sealed its two main crossings with Afghanistan overnight.",
        "its two main crossings",
    ),
    # named right after: the named closures are the rows
    ("Pakistan closed its two main crossings: Torkham and Chaman.", None),
    ("Pakistan closed several crossings, including Torkham.", None),
    ("Pakistan closed the crossings at Torkham and Chaman.", None),
    # a definite crossing is one named before
    ("The crossing was closed again on Monday.", None),
    # in the plural without a determiner: only when said to be of the whole frontier
    ("It also closed border crossings with Afghanistan on Sunday.", "border crossings"),
    ("Crossings along the Pakistan-Afghanistan border were closed.", "Crossings"),
    (
        "Border crossings between the two countries have remained closed since October 11.",
        "Border crossings",
    ),
    ("Numerous border crossings were closed as a result of the hostilities.", None),
    # a determiner decides (not the plural): "all eight border crossings"
    ("Pakistan shut down all eight border crossings with Afghanistan.", None),
    # one of them is one crossing
    ("The Taliban shut one of the country's main border crossing points with Pakistan.", None),
]


@pytest.mark.parametrize(("text", "phrase"), CROSSINGS)
def test_unnamed_crossing(text, phrase):
    got = unnamed_crossing(text)
    assert (got[2] if got else None) == phrase


REACH = [
    # (phrase, of the "near the border" kind, expected reach with near=30, summary=1)
    ("at Pakistani border posts", True, 1),
    ("multiple locations along the border", False, 1),
    ("on the border", True, 30),
    ("near the Afghan border", True, 30),
    ("a recent border clash", False, 30),
    ("deadly border clashes", False, 1),
    ("along the disputed border", False, 1),
]


@pytest.mark.parametrize(("phrase", "point", "reach"), REACH)
def test_restate_reach(phrase, point, reach):
    assert restate_reach(phrase, point=point, near=30, summary=1) == reach


ORIGINS = [
    # (sentence, frontier phrases kept for the event)
    ("Militants from inside Afghanistan opened fire on a post.", []),
    ("Gunmen from across the border attacked a checkpoint.", []),
    ("Jets struck hideouts inside Afghanistan on Monday.", ["inside Afghanistan"]),
    ("Taliban fighters launched border attacks from inside Afghanistan.", ["border attacks"]),
    # the Afghan authorities' names for the line
    (
        "Its forces targeted several points beyond the hypothetical line on Saturday.",
        ["beyond the hypothetical line"],
    ),
    (
        "Afghan forces attacked posts along the so-called Durand Line.",
        ["along the so-called Durand Line"],
    ),
    # whose border, then how it is
    (
        "Dozens of soldiers have been killed along the two countries’ disputed border.",
        ["along the two countries’ disputed border"],
    ),
    (
        "Troops clashed near the countries' shared frontier.",
        ["near the countries' shared frontier"],
    ),
    # how it is, then its length
    (
        "Clashes broke out along the volatile 2,640-kilometre Durand Line overnight.",
        ["along the volatile 2,640-kilometre Durand Line"],
    ),
    (
        "Clashes broke out along the two countries' disputed 2,600-km border.",
        ["along the two countries' disputed 2,600-km border"],
    ),
    ("Clashes broke out along the disputed 2,600km border.", ["along the disputed 2,600km border"]),
    (
        "Clashes broke out along the rugged, 2,600-kilometre border.",
        ["along the rugged, 2,600-kilometre border"],
    ),
]


@pytest.mark.parametrize(("text", "kept"), ORIGINS)
def test_origin_is_no_place_of_the_event(text, kept):
    got = with_border_events(frontier_phrases(text), text)
    assert [p[2] for p in got] == kept


def test_mutual_is_one_fight_of_both_sides():
    assert mutual("in a brief border exchange")
    assert not mutual("border attacks")
    assert not mutual("fierce border clashes")  # several: placed ones may be others


# -- whole articles -----------------------------------------------------------------

WIDE_ONLY = [
    # (article, kind of the one frontier-wide row, its first day, deaths or None)
    (
        "On Thursday night, Taliban fighters launched border attacks on Pakistani troops, "
        "officials in Islamabad said.",
        "attack",
        dt.date(2025, 10, 9),
        None,
    ),
    (
        "The Afghan defence ministry said its troops killed 20 Pakistani soldiers in "
        "overnight border operations, a claim Islamabad rejected.",
        None,
        None,
        20,
    ),
    (
        "Islamabad has closed a key crossing with Afghanistan, leaving hundreds of trucks "
        "stranded on both sides of the frontier.",
        "border_closure",
        None,
        None,
    ),
]


WIDE_ONLY += [
    # one side's posts hit by the other, no sector named: somewhere on the frontier
    (
        "The Taliban attacked Pakistani border posts on Thursday, using light and heavy weapons.",
        "attack",
        dt.date(2025, 10, 9),
        None,
    ),
    (
        "In retaliation, Pakistan targeted Afghan posts with tanks and artillery on Thursday.",
        "attack",
        dt.date(2025, 10, 9),
        None,
    ),
    # the strikes put on the other side's border areas; the speakers' city is no site
    (
        "Security sources in Islamabad said Thursday's strikes in the Afghan border areas "
        "targeted a militant group.",
        "air_strike",
        dt.date(2025, 10, 9),
        None,
    ),
    # a truce told by its start
    (
        "A temporary ceasefire between Pakistan and Afghanistan started at 6 pm on Thursday.",
        "ceasefire",
        dt.date(2025, 10, 9),
        None,
    ),
]


@pytest.mark.parametrize(("text", "kind", "first", "deaths"), WIDE_ONLY)
def test_frontier_wide_statement_alone_is_a_row(text, kind, first, deaths):
    df = _rows(text)
    assert len(df) == 1, list(df["location"])
    assert _wide(df).all()
    if kind is not None:
        assert df["event_kind"].iloc[0] == kind
    if first is not None:
        assert _day(df["date"].iloc[0]) == first
    if deaths is not None:
        assert df["fatalities"].iloc[0] == deaths


NOT_NEWS = [
    "Delegations from both countries met in Doha to resolve recent border clashes through "
    "dialogue, the foreign office said.",
    "The second round of talks in Istanbul followed deadly border clashes and a truce, "
    "officials in both capitals said.",
]


@pytest.mark.parametrize("text", NOT_NEWS)
def test_border_clashes_as_a_topic_make_no_violent_row(text):
    df = _rows(text)
    assert not df["event_type"].ne("Strategic developments").any(), list(df["location"])


def test_several_points_and_a_later_placed_event_are_two_rows():
    # posts (several points) on Saturday night; the fire that went on in one region
    # afterwards is an event of its own, told two sentences later
    df = _rows(
        "Afghan forces fired at Pakistani border posts late on Saturday night, officials "
        "said.\nThe guns fell silent for a while early on Sunday.\nMortar fire continued "
        "for hours in the Kurram region even after the main clash ended."
    )
    wide = _wide(df)
    assert wide.sum() == 1 and (~wide).sum() == 1, list(df["location"])
    assert "Kurram" in df.loc[~wide, "location"].iloc[0]


def test_one_point_on_the_border_is_restated_by_its_place():
    # "a border clash" (one fight): the sentence that places it is the same clash
    df = _rows(
        "Eight fighters were killed and ten wounded in a recent border clash with Pakistani "
        "troops.\nSecurity sources gave no more details.\nLocal sources said the skirmish "
        "took place in the Spin Boldak district of Kandahar province."
    )
    assert len(df) == 1, list(df["location"])
    assert not _wide(df).any()
    assert "Spin Boldak" in df["location"].iloc[0]
    assert df["fatalities"].iloc[0] == 8


def test_attack_and_the_answer_on_the_frontier_are_two_rows():
    df = _rows(
        "On Thursday night, Afghan forces launched border attacks on Pakistani posts.\n"
        "In response, Pakistan carried out strikes on positions across Afghanistan."
    )
    assert len(df) == 2 and _wide(df).all(), list(df["location"])
    assert df["actor1"].nunique() == 2


def test_one_fight_told_twice_on_the_frontier_is_one_row():
    df = _rows(
        "Pakistani and Afghan troops exchanged heavy fire all along the border on Sunday.\n"
        "Afghan forces also shelled positions along the border, officials said."
    )
    assert len(df) == 1, list(df["location"])


def test_wide_closure_is_folded_into_the_named_ones():
    df = _rows(
        "Pakistan shut several crossings with Afghanistan on Sunday after the fighting.\n"
        "Torkham and Chaman were closed along with two smaller crossings."
    )
    assert sorted(df["location"]) == ["Chaman", "Torkham"]
    assert not _wide(df).any()
    assert {_day(x) for x in df["date"]} == {dt.date(2025, 10, 12)}


def test_casualties_next_to_a_sentence_along_the_border():
    df = _rows(
        "Islamabad denied claims of heavy losses among its troops along the border.\n"
        "A Taliban spokesman said 40 Pakistani soldiers were killed in recent clashes."
    )
    assert len(df) == 1 and _wide(df).all(), list(df["location"])
    assert df["fatalities"].iloc[0] == 40


def test_casualties_next_to_near_the_border_make_no_row():
    # "near the border" is one point somewhere, not the fighting along the line
    df = _rows(
        "Residents of villages near the border fled their homes on Tuesday.\n"
        "A Taliban spokesman said 40 Pakistani soldiers were killed in recent clashes."
    )
    assert not _wide(df).any(), list(df["location"])


# -- one event told in two sentences --------------------------------------------------

SPLIT = [
    # (article, place of the row, its first day, deaths, injuries)
    (
        "Militants attacked a checkpost in Bannu district late on Monday.\nTwo soldiers were "
        "killed and three injured in the exchange.",
        "Bannu",
        dt.date(2025, 10, 13),
        2,
        3,
    ),
    (
        "Militants stormed a checkpost in Bannu district.\nTwo soldiers were killed and three "
        "injured in the exchange, which took place late on Monday.",
        "Bannu",
        dt.date(2025, 10, 13),
        2,
        3,
    ),
    (
        "On Sunday, a drone strike hit a compound in Khost province.\nSeparately, militants "
        "raided a checkpost in Bannu district.\nTwo soldiers were killed and three injured in "
        "the exchange, which took place late on Monday.",
        "Bannu",
        dt.date(2025, 10, 13),
        2,
        3,
    ),
    (
        "On Sunday, a drone strike hit a compound in Khost province.\nSeparately, gunmen "
        "attacked a police station in Lakki Marwat district.\nThe attack took place early on "
        "Tuesday, police said.",
        "Lakki Marwat",
        dt.date(2025, 10, 14),
        None,
        None,
    ),
    (
        "Militants ambushed a police convoy in Tank district, officials said.\nThe ambush "
        "took place earlier in the week near a bridge.",
        "Tank",
        dt.date(2025, 10, 13),
        None,
        None,
    ),
]


SPLIT += [
    (
        "Militants attacked a checkpost in Bannu district, police said.\nThe attack took place "
        "late on Monday.",
        "Bannu",
        dt.date(2025, 10, 13),
        None,
        None,
    ),
    # dated only by the day it was said: the event's own day told next replaces it
    (
        "Security forces killed four militants in North Waziristan, the army said on "
        "Wednesday.\nThe operation was carried out earlier in the week in the Datta Khel area.",
        "Datta Khel",
        dt.date(2025, 10, 13),
        4,
        None,
    ),
]


SPLIT += [
    # dated by the day it was confirmed, told before the saying verb or before "that";
    # the event named by its own day next ("Monday's airstrikes")
    (
        "The UN mission on Wednesday confirmed that eight civilians were killed in air "
        "strikes on Paktika province.\nThe mission said Monday's airstrikes broke "
        "international law.",
        "Paktika",
        dt.date(2025, 10, 13),
        8,
        None,
    ),
    (
        "Police said on Wednesday that two policemen were killed when militants attacked a "
        "checkpost in Bannu district.\nMonday's attack was the third on the post this month.",
        "Bannu",
        dt.date(2025, 10, 13),
        2,
        None,
    ),
]


@pytest.mark.parametrize(("text", "place", "first", "deaths", "injuries"), SPLIT)
def test_event_split_across_sentences_is_one_row(text, place, first, deaths, injuries):
    df = _rows(text)
    row = df[df["location"].str.contains(place)]
    assert len(row) == 1, list(df["location"])
    assert _day(row["date"].iloc[0]) == first
    if deaths is not None:
        assert row["fatalities"].iloc[0] == deaths
    if injuries is not None:
        assert row["injuries"].iloc[0] == injuries


SPLIT_NOT = [
    # the later sentence tells another event, or only when it was reported
    (
        "Gunmen attacked a police station in Lakki Marwat district on Monday night.\nThe "
        "last attack on the station took place on October 2.",
        "Lakki Marwat",
        dt.date(2025, 10, 13),
    ),
    (
        "Jets struck a compound in Barmal district of Paktika province, residents said.\nThe "
        "foreign office in Islamabad confirmed the strikes on Tuesday.",
        "Barmal",
        None,
    ),
]


SPLIT_NOT += [
    # the day told next is after the day it was said: not the event's
    (
        "Security forces killed four militants in North Waziristan, the army said on "
        "Monday.\nThe operation was carried out on Tuesday in the Datta Khel area.",
        "Waziristan|Datta Khel",
        None,
    ),
]


@pytest.mark.parametrize(("text", "place", "first"), SPLIT_NOT)
def test_later_sentence_of_another_event_does_not_date_it(text, place, first):
    df = _rows(text)
    row = df[df["location"].str.contains(place)]
    assert len(row) == 1, list(df["location"])
    assert "tells this incident again" not in row["extraction_notes"].iloc[0]
    assert "date from the next sentence" not in row["extraction_notes"].iloc[0]
    if first is not None:
        assert _day(row["date"].iloc[0]) == first


def test_where_attackers_came_from_is_no_frontier_row():
    # "from inside Afghanistan" is the origin of the fire, not a second place
    df = _rows(
        "The army said on Tuesday that a soldier was killed when militants opened fire on "
        "troops in the Datta Khel area of North Waziristan district.\nThe firing took place "
        "on Monday as militants from inside Afghanistan targeted the post."
    )
    assert not _wide(df).any(), list(df["location"])
    assert len(df) == 1


def test_the_latest_incident_along_the_border_is_restated_by_its_place():
    # one incident named in the singular: the later sentences place it
    df = _rows(
        "Five soldiers were wounded by mortar fire in the latest incident along the border.\n"
        "Officials gave no details at first.\nThe army later said dozens of mortar rounds "
        "had landed in South Waziristan on Monday night."
    )
    assert not _wide(df).any(), list(df["location"])
    assert len(df) == 1


SEPARATE = [
    "Separately, a soldier was killed in a gun attack in Bannu district on Sunday.",
    "In another incident, a soldier was killed in a gun attack in Bannu district on Sunday.",
]


@pytest.mark.parametrize("second", SEPARATE)
def test_placed_event_told_as_another_incident_keeps_the_wide_row(second):
    df = _rows(
        "Pakistani forces struck Taliban posts along the frontier on Sunday night, the "
        "military said.\n" + second
    )
    wide = _wide(df)
    assert wide.sum() == 1 and (~wide).sum() == 1, list(df["location"])


def test_several_points_listed_in_the_next_sentence_are_its_rows():
    # the next sentence names the points: it restates the summary place by place
    df = _rows(
        "Clashes erupted at several points along the border late on Saturday, officials "
        "said.\nThe clashes took place in Kurram, Bajaur and near Angoor Adda."
    )
    assert not _wide(df).any(), list(df["location"])
    assert len(df) == 3


# A crossing the sentence leaves unnamed is the crossing of the dateline's town
# (``incidents._extract_anaphora.Antecedents.note_dateline``); else the whole frontier.
DATELINE_CROSSING = [
    ("TORKHAM, Oct 12 (AP) - Pakistan closed a key border crossing on Sunday.", "Torkham"),
    (
        "CHAMAN: A week-long shutdown of a key border crossing with Afghanistan has left "
        "hundreds of containers stranded.\nThe crossing has remained closed since the clashes.",
        "Chaman",
    ),
    # a city with no crossing of its own: the frontier
    (
        "PESHAWAR, Oct 12 (AP) - Pakistan closed a key border crossing on Sunday.",
        "Afghanistan-Pakistan frontier (whole border)",
    ),
    # crossings in the plural are no one crossing
    (
        "TORKHAM, Oct 12 (AP) - Pakistan closed all border crossings on Sunday.",
        "Afghanistan-Pakistan frontier (whole border)",
    ),
]


@pytest.mark.parametrize(("text", "name"), DATELINE_CROSSING)
def test_an_unnamed_crossing_is_the_datelines(text, name):
    df = extract(text, article_date="2025-10-13", min_confidence=0)
    got = df[df["event_kind"] == "border_closure"]["matched_name"].tolist()
    assert got == [name], df[["location", "matched_name", "event_kind"]]


# -- one country's side of this line, and infiltrators stopped at it ------------------

SIDE_AND_CROSSING = [
    # (sentence, the frontier phrase read, or None)
    (
        "Pakistan carried out airstrikes early Sunday along its border with Afghanistan.",
        "along its border with Afghanistan",
    ),
    (
        "Troops were deployed on Afghanistan's border with Pakistan.",
        "on Afghanistan's border with Pakistan",
    ),
    (
        "Soldiers killed 12 militants trying to cross from Afghanistan.",
        "trying to cross from Afghanistan",
    ),
    ("The army foiled an infiltration bid from Afghanistan.", "infiltration bid from Afghanistan"),
    (
        "Militants attempting to infiltrate into Pakistan from Afghanistan were killed.",
        "attempting to infiltrate into Pakistan from Afghanistan",
    ),
    # another country's border, and a crossing into a place named
    ("Iran deployed troops along its border with Iraq.", None),
    ("Thousands were trying to cross into Afghanistan's Kunar province.", None),
]


@pytest.mark.parametrize(("text", "phrase"), SIDE_AND_CROSSING)
def test_side_and_crossing_phrases(text: str, phrase: str | None) -> None:
    got = [p[2] for p in frontier_phrases(text)]
    assert (phrase in got) if phrase else not got, got


def test_infiltrators_stopped_with_no_place_named_are_a_frontier_row() -> None:
    df = _rows("Security forces killed 33 militants trying to cross from Afghanistan overnight.")
    assert len(df) == 1 and _wide(df).all()
    assert df["fatalities"].iloc[0] == 33


def test_infiltrators_stopped_at_a_named_place_stay_there() -> None:
    df = _rows("Five militants trying to cross from Afghanistan were killed in Bajaur.")
    assert list(df["matched_name"]) == ["Bajaur"] and not _wide(df).any()


@pytest.mark.parametrize(
    ("text", "wide"),
    [
        ("Pakistan has closed the border crossings with Afghanistan.", True),
        ("Pakistan closed its border crossings with Afghanistan on Sunday.", True),
        # which crossings, unsaid: those named before, not the whole frontier
        ("Pakistan has closed the border crossings.", False),
    ],
)
def test_the_crossings_with_afghanistan_are_the_whole_frontier(text: str, wide: bool) -> None:
    df = _rows(text)
    closures = df[df["event_kind"] == "border_closure"]
    assert (len(closures) == 1 and _wide(closures).all()) if wide else closures.empty


def test_tributes_to_those_who_fought_recent_skirmishes_are_no_event() -> None:
    df = _rows(
        "The participants paid glowing tributes to the soldiers who fought bravely during "
        "recent border skirmishes, lauding their sacrifices."
    )
    assert df.empty
