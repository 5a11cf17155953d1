"""Table-driven tests of places told across sentences and in complex noun phrases
(issue 17, :mod:`incidents._extract_anaphora`): a definite description ("near the
crossing", "in the district") takes the place of its kind named before; a
possessor ("North Waziristan's X") locates the name after it; a road between two
places is placed between them; a tehsil's name is placed at the tehsil.

Every sentence is a paraphrase written for the test (no published text).  The
expected places come from the reference layers shipped with the project (admin
units and tehsils of ``shared/data``) or are rough hand-written coordinates.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest
from shapely.geometry import Point

from geo import reference
from incidents._extract_anaphora import Antecedents, join_routes
from incidents._extract_places import _mentions, _places
from incidents.extract import extract
from incidents.geocode import Geocoder

DATE = "2025-10-20"


def violent(text: str) -> pd.DataFrame:
    df = extract(text, article_date=DATE)
    return df[~df["event_type"].eq("Strategic developments")].reset_index(drop=True)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


# -- definite anaphora ----------------------------------------------------------------

# (article, words of the later row, rough lat/lon of the place named before)
ANAPHORA = [
    (
        "Border guards of the two countries traded fire at the Torkham crossing on Saturday. "
        "On Monday two porters died when a mortar round fell near the crossing.",
        "the crossing",
        (34.11, 71.08),
    ),
    (
        "Afghan troops fired at a Pakistani post at the Chaman crossing on Saturday. "
        "Two days later shells hit a market outside the border post, killing a boy.",
        "the border post",
        (30.92, 66.44),
    ),
    (
        "Gunmen stormed a police station in Bannu on Friday. "
        "On Sunday a roadside bomb killed three soldiers in the town.",
        "the town",
        (32.99, 70.61),
    ),
    (
        "Mortar fire from across the border struck homes in Bajaur district on Friday. "
        "On Sunday, a drone attack killed two shepherds in the same district.",
        "the same district",
        (34.75, 71.5),
    ),
    (
        "Militants raided the Datta Khel camp on Monday. "
        "On Wednesday a rocket landed inside the camp, wounding two soldiers.",
        "the camp",
        (32.91, 69.74),
    ),
    (
        "A drone strike hit a house in Paktika province on Friday. "
        "On Monday, another strike killed three people in the province.",
        "the province",
        (32.5, 68.7),
    ),
    (
        # the name of the city is read in the sentence itself, though it is no site
        "Kabul police said on Tuesday that six people were wounded in the city by overnight "
        "strikes.",
        "the city",
        (34.53, 69.17),
    ),
]


@pytest.mark.parametrize(("text", "words", "where"), ANAPHORA)
def test_definite_description_takes_the_place_named_before(text, words, where):
    df = violent(text)
    row = df[df["location"].eq(words)]
    assert len(row) == 1, df[["location", "latitude", "longitude"]]
    r = row.iloc[0]
    assert km(r.latitude, r.longitude, *where) < 25
    assert r.uncertainty_km < 100


def test_the_description_takes_the_place_of_its_own_kind():
    # the crossing named first, a district after it: "the crossing" is still the crossing
    text = (
        "Pakistani and Afghan forces clashed near the Angoor Adda crossing on Saturday, "
        "officials in South Waziristan district said. "
        "On Monday a sniper killed a soldier at the crossing."
    )
    df = violent(text)
    row = df[df["location"].eq("the crossing")].iloc[0]
    assert km(row.latitude, row.longitude, 32.52, 69.28) < 15


# a closure whose subject is the crossing named before, in a reported or caused clause
CLOSED_CROSSING = [
    (
        "Border guards traded fire at the Torkham border crossing on Tuesday. Officials said "
        "that the border crossing was closed on Wednesday after the skirmish.",
        "Torkham",
    ),
    (
        "A customs officer was shot dead at the Chaman crossing on Sunday. The incident "
        "caused the crossing to remain shut for four hours.",
        "Chaman",
    ),
    # an open crossing is no closure
    (
        "Border guards traded fire at the Torkham border crossing on Tuesday. Officials said "
        "that the border crossing was open on Wednesday.",
        None,
    ),
]


@pytest.mark.parametrize(("text", "crossing"), CLOSED_CROSSING)
def test_a_closed_crossing_told_again_is_the_one_named_before(text, crossing):
    df = extract(text, article_date="2025-10-15", min_confidence=0)
    got = df[df["event_kind"] == "border_closure"]["matched_name"].tolist()
    assert got == ([crossing] if crossing else []), got


NO_ANTECEDENT = [
    # a description in a sentence that reports no event makes no row
    "Afghan forces shelled villages in Kurram district on Monday. "
    "Officials in the district said schools were closed on Tuesday.",
    # nothing named before: a description alone places nothing
    "On Monday two porters died when a mortar round fell near the crossing.",
    # "the town of X" names its own place: no row at "the town"
    "Gunmen stormed a police station in Bannu on Friday. "
    "On Sunday a bomb killed three soldiers in the town of Lakki Marwat.",
]


@pytest.mark.parametrize("text", NO_ANTECEDENT)
def test_no_row_at_a_description_without_antecedent(text):
    df = violent(text)
    assert not df["location"].str.startswith("the ").any(), df["location"].tolist()


def test_a_new_event_in_the_area_is_its_own_row():
    # the follow-up operation is told at the place of the attack: a second row, with
    # its own toll, not a repeat of the attack
    text = (
        "A suicide bomber struck a convoy near Mir Ali on Saturday, killing nine soldiers. "
        "In the aftermath, troops launched a sanitisation operation in the area and killed "
        "eleven militants."
    )
    df = violent(text)
    assert len(df) == 2, df[["location", "fatalities"]]
    assert sorted(df["fatalities"].tolist()) == [9, 11]
    assert km(df.latitude[0], df.longitude[0], df.latitude[1], df.longitude[1]) < 1


def test_antecedents_are_remembered_by_kind():
    gc = Geocoder.default()
    memory = Antecedents()
    first = "Afghan forces fired on posts in Kurram district near the Kharlachi crossing."
    memory.note(first, _places(first, gc))
    later = "A child was killed in the district and a guard at the crossing."
    found = memory.resolve(later, [])
    assert [p.text for p in found] == ["the district", "the crossing"]
    assert found[0].match.method == "admin2"
    assert found[1].match.method == "crossing"


# -- possessives ----------------------------------------------------------------------

# (sentence, row location, tehsil or district the row must lie in)
POSSESSIVE = [
    (
        "Four soldiers were killed in an attack in North Waziristan's Shewa on Monday.",
        "Shewa",
        "North Waziristan",
    ),
    (
        "Security forces killed five militants in Kurram's Parachinar on Monday.",
        "Parachinar",
        "Kurram",
    ),
    (
        # a Bara in Khyber and namesakes elsewhere: the one in the possessor
        "Militants attacked a checkpost in Khyber's Bara on Monday, killing two soldiers.",
        "Bara",
        "Khyber",
    ),
]


@pytest.mark.parametrize(("text", "name", "district"), POSSESSIVE)
def test_possessor_locates_the_name_after_it(text, name, district):
    df = violent(text)
    assert df["location"].tolist() == [name]
    units = reference.admin2()
    poly = units[units["admin2"].eq(district)].geometry.iloc[0]
    assert poly.buffer(0.05).contains(Point(df.longitude[0], df.latitude[0]))
    assert df.uncertainty_km[0] < 30


def test_possessor_without_the_namesake_places_the_row_at_the_unit():
    # no Asadabad in North Waziristan (the known one is in Kunar): the unit, name kept
    df = violent("Two soldiers were killed in a raid in North Waziristan's Asadabad on Monday.")
    assert df["location"].tolist() == ["Asadabad"]
    assert km(df.latitude[0], df.longitude[0], 32.95, 69.98) < 30  # North Waziristan


def test_province_possessor_locates_its_district():
    df = violent("A suicide bomber killed six people in Khyber Pakhtunkhwa's Bajaur district.")
    assert df["location"].tolist() == ["Bajaur district"]
    assert km(df.latitude[0], df.longitude[0], 34.75, 71.5) < 25


# -- routes ---------------------------------------------------------------------------

# (sentence, the two ends: rough lat/lon)
ROUTES = [
    (
        "Gunmen ambushed a convoy on the road between Bannu and Miranshah on Monday, "
        "killing three soldiers.",
        (32.99, 70.61),
        (33.0, 70.07),
    ),
    (
        "A roadside bomb killed two policemen on the Peshawar–Torkham highway on Monday.",
        (34.01, 71.56),
        (34.11, 71.08),
    ),
    (
        "Militants opened fire on a truck along the Chaman-Quetta road on Monday, "
        "killing its driver.",
        (30.92, 66.45),
        (30.19, 67.0),
    ),
    (
        "Militants ambushed a security convoy travelling from Bannu to Miranshah on Monday, "
        "killing four soldiers.",
        (32.99, 70.61),
        (33.0, 70.07),
    ),
]


def test_a_road_named_by_a_two_word_town_and_a_hyphen_is_closed():
    # "Spin Boldak-Chaman": one token for the name finder, which read only "Spin"
    df = extract(
        "Protesters on Monday closed the Spin Boldak-Chaman road to all traffic.",
        article_date="2023-11-20",
        min_confidence=0,
    )
    closed = df[df["event_kind"] == "border_closure"]
    assert len(closed) == 1, df[["location", "event_kind"]]
    assert km(closed.latitude.iloc[0], closed.longitude.iloc[0], 30.92, 66.45) < 15


@pytest.mark.parametrize(("text", "end_a", "end_b"), ROUTES)
def test_a_road_is_placed_between_its_ends(text, end_a, end_b):
    df = violent(text)
    assert len(df) == 1, df[["location", "latitude", "longitude"]]
    r = df.iloc[0]
    half = km(*end_a, *end_b) / 2
    # between the ends (not at one of them), with a radius that reaches both
    mid = ((end_a[0] + end_b[0]) / 2, (end_a[1] + end_b[1]) / 2)
    assert km(r.latitude, r.longitude, *mid) < max(10.0, half / 3)
    assert r.uncertainty_km >= half
    for end in (end_a, end_b):
        assert km(r.latitude, r.longitude, *end) + 15 <= r.uncertainty_km + half


def test_fire_from_one_place_to_another_is_no_road():
    # an origin and a target, no vehicle: the target alone is the site
    df = violent("Shells fired from Khost to Miranshah on Monday killed two children.")
    assert "Khost" not in " ".join(df["location"])
    assert all(r.uncertainty_km < 30 for r in df.itertuples())


def test_two_places_in_a_list_are_no_road():
    gc = Geocoder.default()
    t = "Shells hit homes in Bannu and Miranshah on Monday."
    places = _places(t, gc)
    before = [p.text for p in places]
    join_routes(t, places, list(_mentions(gc, t)))
    assert [p.text for p in places] == before


# -- tehsils --------------------------------------------------------------------------

TEHSILS = ["Mamund", "Salarzai", "Jamrud", "Landi Kotal", "Spinwam", "Datta Khel", "Miryan"]


@pytest.mark.parametrize("name", TEHSILS)
def test_a_tehsil_name_is_placed_at_the_tehsil(name):
    df = violent(f"Militants attacked a checkpost in {name} on Monday, killing two soldiers.")
    assert len(df) == 1
    tehsils = reference.pak_tehsils()
    names = tehsils["name"] + "|" + tehsils["alt_names"].fillna("")
    poly = tehsils[names.str.lower().str.split("|").apply(lambda ns: name.lower() in ns)]
    assert len(poly) == 1
    assert poly.geometry.iloc[0].buffer(0.05).contains(Point(df.longitude[0], df.latitude[0]))
    assert df.uncertainty_km[0] <= 30


# (sentence, tehsil whose polygon holds the row)
TEHSIL_FOLDS = [
    (
        # the village record read inside the district is known to 42 km only: the tehsil
        "On January 12 troops raided a hideout in general area Mir Ali, North Waziristan "
        "District, killing four militants.",
        "Mir Ali",
    ),
    (
        # a tehsil's name written in two words, each also a known word
        "Gunmen fired on a checkpost in the Ghazi Kot area of Spin Wam Tehsil on Monday, "
        "killing a soldier.",
        "Spinwam",
    ),
]


@pytest.mark.parametrize(("text", "tehsil"), TEHSIL_FOLDS)
def test_a_site_is_read_at_its_tehsil_when_nothing_finer_is_known(text, tehsil):
    df = violent(text)
    assert len(df) == 1, df[["location", "latitude", "longitude"]]
    tehsils = reference.pak_tehsils()
    poly = tehsils[tehsils["name"].eq(tehsil)].geometry.iloc[0]
    assert poly.buffer(0.05).contains(Point(df.longitude[0], df.latitude[0]))
    assert df.uncertainty_km[0] <= 25
