"""Table-driven tests of restatements the plain fold misses
(:mod:`incidents._extract_restate`, :func:`incidents._extract_merge._inside_of`),
issue 17: a lead dated by its statement and the day the attack began, a clash
and the raid that started it, a district row and the one place inside it named
in its own sentence, "In another operation ..." (an incident of its own), and a
province row restating a border place across the line.

Every sentence is a paraphrase written for the test (no published text); every
expected value is written by hand from the sentences.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from incidents._extract_lex import VIOLENT
from incidents.extract import extract

WED = "2025-11-12"  # a Wednesday


def _violent(text: str, date: str = WED) -> pd.DataFrame:
    df = extract(text, article_date=date)
    return df[df["event_kind"].isin(VIOLENT)].reset_index(drop=True)


def _day(x: object) -> dt.date | None:
    return None if pd.isna(x) else pd.Timestamp(x).date()


# (text, rows expected, (first, last) of the row at the site or None)
ADJACENT = [
    pytest.param(
        "Soldiers killed all four gunmen after a raid on a girls' school in Wana, a "
        "police officer said on Wednesday. On Tuesday, the school in Wana came under "
        "attack when gunmen stormed its gate.",
        1,
        (dt.date(2025, 11, 11), dt.date(2025, 11, 12)),
        id="statement-day-and-event-day-one-incident",
    ),
    pytest.param(
        "Troops shot dead three attackers at a checkpoint in Wana, officials said on "
        "Wednesday. On Monday, a roadside bomb in Wana wounded two policemen.",
        1,
        (dt.date(2025, 11, 10), dt.date(2025, 11, 12)),
        id="statement-day-holds-the-day-before-it",
    ),
    pytest.param(
        "Troops shot dead three attackers at a checkpoint in Wana, officials said on "
        "Wednesday. On Saturday, a roadside bomb in Wana wounded two policemen.",
        2,
        None,
        id="three-days-apart-two-incidents",
    ),
    pytest.param(
        "Troops shot dead three attackers at a checkpoint in Wana, officials said on "
        "Wednesday. On Monday, another roadside bomb in Wana wounded two policemen.",
        2,
        None,
        id="another-bomb-the-day-before-two-incidents",
    ),
    pytest.param(
        "Six soldiers died in a clash with Afghan troops in Kurram district on Tuesday. "
        "The fighting erupted when Afghan troops attacked a checkpoint in Kurram district "
        "early Monday.",
        1,
        (dt.date(2025, 11, 10), dt.date(2025, 11, 11)),
        id="how-the-clash-began-one-incident",
    ),
    pytest.param(
        "Six soldiers died in a clash with Afghan troops in Kurram district on Tuesday. "
        "On Monday, Afghan troops attacked a checkpoint in Kurram district.",
        2,
        None,
        id="next-day-without-a-link-two-incidents",
    ),
    pytest.param(
        "Six soldiers died in a clash with Afghan troops in Kurram district, officials "
        "said on Wednesday. In another attack on Tuesday, gunmen stormed a police post "
        "in Kurram district.",
        2,
        None,
        id="in-another-attack-two-incidents",
    ),
]


@pytest.mark.parametrize(("text", "n", "window"), ADJACENT)
def test_adjacent_days_at_one_site(
    text: str, n: int, window: tuple[dt.date, dt.date] | None
) -> None:
    df = _violent(text)
    assert len(df) == n, df[["location", "date", "date_end"]]
    if window is not None:
        assert (_day(df["date"].iloc[0]), _day(df["date_end"].iloc[0])) == window


_LEAD = "Troops foiled two infiltration bids, killing 25 militants, the army said on Sunday. "

# (text, places of the rows)
REFINE = [
    pytest.param(
        _LEAD + "According to the army, the operations were carried out on Friday night in "
        "the North Waziristan and Kurram districts after troops tracked the movements of "
        "two large bands of fighters attempting to cross into Pakistan near Spinwam.",
        {"Spinwam", "Kurram"},
        id="one-finer-place-in-another-clause",
    ),
    pytest.param(
        _LEAD + "According to the army, the operations were carried out on Friday night in "
        "the Bajaur and Kurram districts after troops tracked the movements of two large "
        "bands of fighters attempting to cross into Pakistan near Spinwam.",
        {"Bajaur", "Kurram", "Spinwam"},
        id="a-place-outside-the-districts-is-not-theirs",
    ),
]


@pytest.mark.parametrize(("text", "places"), REFINE)
def test_finer_place_of_the_same_sentence(text: str, places: set[str]) -> None:
    df = _violent(text, "2025-10-26")
    assert {str(m) for m in df["matched_name"]} == places
    assert len(df) == len(places)


def test_in_another_operation_keeps_its_own_day() -> None:
    text = (
        "Gunmen stormed a police station in Bannu on Friday, killing seven people, police "
        "said.\n"
        "On 16-17 November, troops killed eleven militants in an operation in Bajaur "
        "district.\n"
        "In another operation in Bannu district, troops killed twelve more militants."
    )
    df = _violent(text, "2025-11-21")
    bannu = df[df["matched_name"] == "Bannu"]
    assert len(bannu) == 2
    days = sorted((_day(a), _day(b)) for a, b in zip(bannu["date"], bannu["date_end"], strict=True))
    assert days[0] == (dt.date(2025, 11, 16), dt.date(2025, 11, 17))
    assert sorted(bannu["fatalities"].astype(int)) == [7, 12]


# (text, kinds of the rows expected)
ACROSS = [
    pytest.param(
        "Troops repulsed an attack by Afghan forces in Balochistan on Wednesday. The "
        "attackers targeted four posts in the Spin Boldak area early on Wednesday, and 15 "
        "of them were killed.",
        ["attack"],
        id="province-restates-a-town-across-the-line",
    ),
    pytest.param(
        "Afghan forces attacked a post in Balochistan on Wednesday. Pakistani jets "
        "bombed the Spin Boldak area on Wednesday night.",
        ["air_strike", "attack"],
        id="a-strike-across-the-line-is-another-event",
    ),
]


@pytest.mark.parametrize(("text", "kinds"), ACROSS)
def test_province_restating_a_place_across_the_line(text: str, kinds: list[str]) -> None:
    df = _violent(text, "2025-10-15")
    assert sorted(df["event_kind"]) == kinds
    if len(kinds) == 1:
        assert df["geocode_method"].iloc[0] != "admin1"


# (text, places of the rows): a place after "<site> city/district near ..." only
# points at the site; a place joined by "and" is a site of its own
REFERENCE = [
    pytest.param(
        "Pakistani jets struck Taliban posts in Afghanistan's Spin Boldak city near the "
        "Chaman crossing on Wednesday, killing 12 people.",
        ["Spin Boldak"],
        id="city-near-a-crossing",
    ),
    pytest.param(
        "Militants attacked a police post in Lakki Marwat district near Bannu city on "
        "Wednesday, killing two policemen.",
        ["Lakki Marwat"],
        id="district-near-a-town-stays-the-district",
    ),
    pytest.param(
        "Pakistani jets struck Taliban posts in Spin Boldak city and at the Chaman "
        "crossing on Wednesday, killing 12 people.",
        ["Chaman", "Spin Boldak"],
        id="two-targets-joined-by-and",
    ),
]


@pytest.mark.parametrize(("text", "places"), REFERENCE)
def test_reference_point_after_a_site(text: str, places: list[str]) -> None:
    df = _violent(text, "2025-10-15")
    assert sorted(str(m) for m in df["matched_name"]) == places


@pytest.mark.parametrize(
    ("opener", "day"),
    [
        pytest.param("Second, fighter jets", dt.date(2024, 12, 24), id="second-item"),
        pytest.param("Fighter jets also", dt.date(2024, 12, 20), id="no-list-the-lead"),
    ],
)
def test_next_item_of_a_list_takes_its_date(opener: str, day: dt.date) -> None:
    text = (
        "On 20 December, militants stormed a check post in Makeen, killing 16 soldiers.\n"
        "On 24 December, the army hit back twice. First, troops raided a hideout in South "
        "Waziristan, killing a dozen militants.\n"
        f"{opener} bombed four sites in Paktika province, killing several fighters."
    )
    df = _violent(text, "2024-12-29")
    paktika = df[df["matched_name"] == "Paktika"]
    assert len(paktika) == 1
    assert _day(paktika["date"].iloc[0]) == day


# (text, places of the rows): a target told as part of the place before it
INCLUDED = [
    pytest.param(
        "Pakistani jets hit Taliban bases near Kabul, including the Bagram air base, on Thursday.",
        ["Kabul"],
        id="a-base-told-as-part-of-the-strikes-near-a-city",
    ),
    pytest.param(
        "Pakistani jets hit Taliban bases in Khost province, including Gurbuz district, "
        "on Thursday.",
        ["Gurbuz"],
        id="a-district-inside-the-province-is-kept",
    ),
    pytest.param(
        "Pakistani jets hit Taliban bases near Kabul and the Bagram air base on Thursday.",
        ["Bagram Airport", "Kabul"],
        id="two-targets-joined-by-and",
    ),
]


INCLUDED += [
    # a town named like its district (the headline's "Bannu") restated at a place the
    # body puts in that district: one incident, at the finer place
    pytest.param(
        "TTP Launches Drone Attack on Police Station in Bannu: 6 Security Personnel Injured\n"
        "BANNU, March 6, 2026 — A quadcopter drone attack, attributed by authorities to "
        "militants associated with the TTP, struck the Miryan Police Station in Bannu "
        "district on Thursday morning, resulting in injuries to six security personnel.",
        ["Miryan"],
        id="town-named-like-its-district",
    ),
]


@pytest.mark.parametrize(("text", "places"), INCLUDED)
def test_target_told_as_part_of_the_place_before(text: str, places: list[str]) -> None:
    df = _violent(text, "2026-03-06")
    assert sorted(str(m) for m in df["matched_name"]) == places


# (text, place matched, geocode method): a border place of the other country told
# as in a province; known loosely (or only in another spelling), it is placed at the
# province's district that faces it; known well, at itself
FACING = [
    pytest.param(
        "Afghan forces opened fire on Pakistani posts at Bahram Chah in Balochistan late "
        "on Saturday.",
        "Chagai",
        "admin2",
        id="loosely-known-town-the-district-facing-it",
    ),
    pytest.param(
        "Afghan forces opened fire on Pakistani posts in Kurram, Bajaur and Dir districts, "
        "as well as Baramcha in Balochistan, late on Saturday.",
        "Chagai",
        "admin2",
        id="another-spelling-the-district-facing-it",
    ),
    pytest.param(
        "Afghan forces opened fire on Pakistani posts in the Spin Boldak area of "
        "Balochistan late on Saturday.",
        "Spin Boldak",
        "gazetteer",
        id="well-known-town-kept",
    ),
]


@pytest.mark.parametrize(("text", "name", "method"), FACING)
def test_place_across_the_line_from_its_province(text: str, name: str, method: str) -> None:
    df = _violent(text, "2025-10-12")
    rows = df[~df["matched_name"].isin(["Kurram", "Bajaur", "Upper Dir", "Lower Dir"])]
    assert len(rows) == 1
    assert (rows["matched_name"].iloc[0], rows["geocode_method"].iloc[0]) == (name, method)


def test_facing_district_only_for_a_border_place_of_the_other_country() -> None:
    from incidents._extract_across import facing_district
    from incidents.geocode import Geocoder

    gc = Geocoder.default()
    town = gc.resolve("Bahram Chah")[0]
    baloch = gc.resolve("Balochistan province")[0]
    kp = gc.resolve("Khyber Pakhtunkhwa province")[0]
    got = facing_district(town, baloch, gc)
    assert got is not None and (got.name, got.method) == ("Chagai", "admin2")
    assert facing_district(town, kp, gc) is None  # not across the line from KP
    assert facing_district(gc.resolve("Kabul")[0], baloch, gc) is None  # far from the line


@pytest.mark.parametrize(
    ("opener", "places"),
    [
        pytest.param("In another shootout,", ["Mir Ali", "North Waziristan"], id="another"),
        pytest.param("Later,", ["Mir Ali"], id="no-opener-a-restatement"),
    ],
)
def test_coarse_row_opening_another_incident_is_not_folded(opener: str, places: list[str]) -> None:
    text = (
        "Four soldiers and 13 militants were killed in two encounters in North Waziristan "
        "district on Thursday. Troops raided a hideout in Mir Ali and killed six militants. "
        f"{opener} two soldiers and seven militants were killed in North Waziristan."
    )
    df = _violent(text, "2025-01-31")
    assert sorted(str(m) for m in df["matched_name"]) == places


# A chronology: dated incidents, each followed by an undated sentence telling how it
# began at the same site. (days of the rows, in order)
CHRONOLOGY = [
    pytest.param(
        "On November 3, two soldiers were killed when militants attacked a post in "
        "Kurram district. Officials said the clash began when fighters fired on the post "
        "in Kurram district.\n"
        "On November 5, four policemen were killed when gunmen stormed a checkpoint in "
        "Bajaur district. The fighting erupted when the gunmen opened fire on the "
        "checkpoint in Bajaur district.\n"
        "On November 7, three guards were wounded when militants attacked a camp in "
        "Khyber district. The attack started when a bomb went off at the camp gate in "
        "Khyber district.",
        [dt.date(2025, 11, 3), dt.date(2025, 11, 5), dt.date(2025, 11, 7)],
        id="each-began-at-its-own-site-takes-its-day",
    ),
    pytest.param(
        "On November 3, two soldiers were killed when militants attacked a post in "
        "Kurram district.\n"
        "On November 5, four policemen were killed when gunmen stormed a checkpoint in "
        "Bajaur district. Officials said the clash began when fighters fired on the "
        "post in Bajaur district.",
        [dt.date(2025, 11, 3), dt.date(2025, 11, 5)],
        id="the-later-incident-keeps-its-day",
    ),
]


@pytest.mark.parametrize(("text", "days"), CHRONOLOGY)
def test_how_it_began_at_the_same_site_in_a_chronology(text: str, days: list[dt.date]) -> None:
    df = _violent(text, "2025-11-30")
    assert [_day(d) for d in df["date"]] == days, df[["location", "date", "date_end"]]
    # each row keeps its own day: the sentence that tells how it began adds no day
    assert all(_day(e) in (None, _day(s)) for s, e in zip(df["date"], df["date_end"], strict=True))


def test_an_unknown_list_item_is_no_restatement_of_the_one_beside_it():
    """ "in Shawal and Gharlamai areas of North Waziristan" (MY7): Gharlamai, which
    the gazetteer lacks, is placed at the district, and stays a place of its own
    beside Shawal instead of being folded into it as a coarser restatement."""
    df = extract(
        "Warplanes bombed bases belonging to militants in Shawal and Gharlamai areas of "
        "North Waziristan on Monday.",
        article_date="2015-08-18",
    )
    assert sorted(df["location"]) == ["Gharlamai areas", "Shawal"]


def test_a_victim_told_on_by_a_pronoun_keeps_the_day_of_the_sentence_before():
    """ "had earlier on November 19 killed Khalil ... / The troops engaged and killed
    him in the Mandal area" (NC1): the second sentence tells the event of the first,
    on its day, not on the day of the article's lead."""
    df = extract(
        "Officials said that on Monday the security forces killed Zubair, the operational "
        "commander, in the Tangi area of Bajaur tribal district.\n"
        "The security forces had earlier on November 19 killed Khalil, the commander for the "
        "Mandal unit in Bajaur.\n"
        "The troops engaged and killed him in the Mandal area.",
        article_date="2020-11-24",
        min_confidence=0,
    )
    mandal = df[df["location"].str.contains("Mandal")]
    assert [str(d.date()) for d in mandal["date"]] == ["2020-11-19"]
    assert len(df) == 2  # (the Bajaur row of November 19 is that incident, told again)


def test_a_first_list_item_the_gazetteer_cannot_read_does_not_hide_the_rest():
    """ "in three bordering districts of Dandgam, Sarkano and ..." (NK2): the list opens
    with a locative and a plural unit noun; a misspelt first item leaves the next
    items sites (not names of an unlocated list)."""
    df = extract(
        "Last night Pakistan landed 50 rockets in three bordering districts of Dandgam, "
        "Sarkano and Khas Kunar, said the spokesman.",
        article_date="2017-02-20",
    )
    assert "Sarkano" in set(df["location"])
    # without a plural unit noun before the list, capitalised words stay no list
    df = extract(
        "Security forces in Peshawar said Baloch, Sarkano militants fled.",
        article_date="2017-02-20",
    )
    assert "Sarkano" not in set(df["location"])
