"""Table-driven tests of where an extracted incident is placed when the article
names its place only partly (issue 17, places):

* the place that holds a site ("X area of Y", "X, Y of Z", "X sector of P's D
  district") locates it, keeping X's text;
* the units the article names elsewhere (datelines included) constrain a bare
  name read with no hint; a far namesake falls back to the unit, text kept;
* a sentence without an event that names a place inside a district row's unit
  places that row there; a name not found and put at its province folds into the
  place found inside that province in the next sentence;
* lists after one trigger give one incident per place, unknown names included;
  a district of another province is never re-read inside the list's unit.

Every sentence is a paraphrase written for the test (no published text); every
expected value is written by hand.  Where a row lies is checked against the
shipped admin polygons (:meth:`geo.Frontier.locate`, independent of the
gazetteer), or against a cited coordinate.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from geo import Frontier
from incidents.extract import extract

# cited coordinates (truth independent of the extractor)
# Tirah: en.wikipedia "Tirah" (as cited in incidents/data/frontier_features.csv)
TIRAH = (33.73, 71.01)
# Ghulam Khan: GeoNames 1345209 and 1480411 (two records of the border village)
GHULAM_KHAN = [(33.05166, 70.01993), (33.13302, 70.03472)]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _districts(df) -> list[str]:
    loc = Frontier.default().locate(
        (df["longitude"].to_numpy(float), df["latitude"].to_numpy(float))
    )
    return [str(x) for x in loc["point_admin2"]]


def _violent(df):
    return df[~df["event_kind"].isin(["talks", "ceasefire", "border_closure"])]


# -- the place that holds the site ------------------------------------------------------

HELD = [
    # (sentence, text kept in the row's location, district the row must lie in)
    (
        "A mortar shell exploded in the Zarkai Khel area of Khyber's Tirah Valley on "
        "Monday, injuring two people.",
        "Zarkai Khel",
        None,  # checked against the Tirah coordinate below
    ),
    (
        "Troops killed six militants trying to cross the border in the general area of "
        "Sarwekai Tangi, Ghulam Khan of North Waziristan district on Tuesday.",
        "Sarwekai Tangi",
        "North Waziristan",
    ),
    (
        "Two militants were killed in an operation in the Mughal Kot sector of Khyber "
        "Pakhtunkhwa's Bannu district on Saturday.",
        "Mughal Kot",
        "Bannu",
    ),
    (
        "Gunmen attacked a check post near the Bagan area of Lower Kurram on Saturday, "
        "killing six soldiers.",
        "Bagan",
        "Kurram",
    ),
]


@pytest.mark.parametrize(("text", "site", "district"), HELD)
def test_the_holder_locates_the_site_once(text, site, district):
    df = _violent(extract(text, article_date="2025-10-14"))
    assert len(df) == 1, list(df["location"])
    assert site in df["location"].iloc[0]
    assert df["uncertainty_km"].iloc[0] <= 60.0
    if district is None:
        lat, lon = df["latitude"].iloc[0], df["longitude"].iloc[0]
        assert _km(lat, lon, *TIRAH) <= 30.0
    else:
        assert _districts(df) == [district]


def test_a_list_is_not_read_as_a_holder():
    # "A, B and C areas": three sites, none holds another
    df = _violent(
        extract(
            "Afghan forces fired on border posts in Ghozgarhi, Kharlachi and Borki areas "
            "of Kurram district on Saturday.",
            article_date="2024-12-29",
        )
    )
    assert len(df) == 3, list(df["location"])
    assert set(_districts(df)) == {"Kurram"}


# -- the article's own units --------------------------------------------------------------

ARTICLE = [
    # (article, the row's text, district it must lie in, largest radius)
    (
        "BAJAUR: Four people were injured when a mortar shell hit a house in the Damadola "
        "area on Thursday evening.",
        "Damadola",
        "Bajaur",
        30.0,
    ),
    (
        "Security forces launched an operation in Bannu district on Saturday.\n"
        "Two militants were killed in the Mughal Kot area, officials said.",
        "Mughal Kot",
        "Bannu",
        60.0,
    ),
    (
        "PARACHINAR: Firing from across the border hit Borki on Sunday, wounding seven "
        "people.\nThe Kurram district administration closed schools.",
        "Borki",
        "Kurram",
        60.0,
    ),
]


@pytest.mark.parametrize(("text", "site", "district", "radius"), ARTICLE)
def test_a_bare_name_is_read_in_the_articles_units(text, site, district, radius):
    df = _violent(extract(text, article_date="2025-10-24"))
    rows = df[df["location"].str.contains(site)]
    assert len(rows) == 1, list(df["location"])
    assert _districts(rows) == [district]
    assert rows["uncertainty_km"].iloc[0] <= radius


def test_a_confident_far_city_is_not_moved_into_the_articles_units():
    df = _violent(
        extract(
            "Pakistani jets struck Kabul on Thursday night.\n"
            "Clashes also erupted in Kurram district on Friday.",
            article_date="2025-10-11",
        )
    )
    kabul = df[df["location"] == "Kabul"]
    assert len(kabul) == 1
    assert _km(kabul["latitude"].iloc[0], kabul["longitude"].iloc[0], 34.52813, 69.17233) < 15


# -- a finer place in the next sentence ---------------------------------------------------


def test_a_sentence_without_an_event_places_the_district_row():
    df = _violent(
        extract(
            "Security forces killed 16 militants trying to infiltrate in North Waziristan "
            "district on Sunday.\n"
            "The group was detected in the Ghulam Khan area, the military said.",
            article_date="2025-03-23",
        )
    )
    assert len(df) == 1, list(df["location"])
    lat, lon = df["latitude"].iloc[0], df["longitude"].iloc[0]
    assert min(_km(lat, lon, a, b) for a, b in GHULAM_KHAN) <= 15.0
    assert df["fatalities"].iloc[0] == 16


def test_two_places_in_one_district_do_not_choose_for_the_row():
    df = _violent(
        extract(
            "Security forces killed 16 militants in North Waziristan district on Sunday.\n"
            "Troops are deployed in Ghulam Khan and Spinwam, the military said.",
            article_date="2025-03-23",
        )
    )
    assert list(df["location"]) == ["North Waziristan district"]


def test_another_days_sentence_does_not_place_the_row():
    df = _violent(
        extract(
            "Security forces killed 16 militants in North Waziristan district on Sunday.\n"
            "In 2019, the army built a fence near Ghulam Khan.",
            article_date="2025-03-23",
        )
    )
    assert list(df["location"]) == ["North Waziristan district"]


def test_an_unfound_village_at_its_province_folds_into_the_place_found_next():
    df = _violent(
        extract(
            "At least 12 people were killed in airstrikes on Spaldai Dara village in Khyber "
            "Pakhtunkhwa on Monday.\n"
            "The strikes reduced large parts of the Tirah Valley settlement to rubble.",
            article_date="2025-09-22",
        )
    )
    assert len(df) == 1, list(df["location"])
    lat, lon = df["latitude"].iloc[0], df["longitude"].iloc[0]
    assert _km(lat, lon, *TIRAH) <= 30.0
    assert df["fatalities"].iloc[0] == 12


# -- lists and names ----------------------------------------------------------------------


def test_one_incident_per_listed_place_unknown_names_included():
    df = _violent(
        extract(
            "Pakistan accused Afghan forces of firing at several places on Saturday night, "
            "including Angoor Adda, Bajaur and Kurram in Khyber Pakhtunkhwa and Baramcha in "
            "Balochistan.",
            article_date="2025-10-12",
        )
    )
    assert len(df) == 4, list(df["location"])
    assert any("Baramcha" in x for x in df["location"])
    baramcha = df[df["location"].str.contains("Baramcha")]
    loc = Frontier.default().locate(
        (baramcha["longitude"].to_numpy(float), baramcha["latitude"].to_numpy(float))
    )
    assert list(loc["point_admin1"]) == ["Balochistan"]


def test_a_district_of_another_province_stays_itself():
    df = _violent(
        extract(
            "Afghan forces attacked posts in Kurram and Zhob in Balochistan on Sunday.",
            article_date="2025-10-13",
        )
    )
    assert sorted(_districts(df)) == ["Kurram", "Zhob"]


def test_sibling_districts_of_a_list_are_not_nested():
    df = _violent(
        extract(
            "Militants attacked posts in Ghaki, Kurram and Spinwam, North Waziristan on Sunday.",
            article_date="2025-10-27",
        )
    )
    got = dict(zip(df["location"], _districts(df), strict=True))
    assert got.get("Ghaki") == "Kurram", got
    assert got.get("Spinwam") == "North Waziristan", got


@pytest.mark.parametrize(
    "text",
    [
        "Fitna al-Khawarij militants attacked a post in Bannu district on Friday.",
        "Jaish-e-Muhammad fighters attacked a checkpoint in Kurram district on Friday.",
    ],
)
def test_the_first_word_of_a_joined_name_is_not_a_place(text):
    df = extract(text, article_date="2025-10-18")
    assert len(df) == 1, list(df["location"])
    assert np.isfinite(df["latitude"].iloc[0])
    assert df["location"].iloc[0].endswith("district")


# -- qualifiers, tehsils and the order of the article's units --------------------------

# Angoor Adda: en.wikipedia "Angur Ada" (32°30′56″N 69°16′57″E), as cited in
# shared/data crossings; Mir Ali: en.wikipedia "Mir Ali, Pakistan" (32.97, 70.27)
ANGOOR_ADDA = (32.51556, 69.2825)
MIR_ALI = (32.97, 70.27)


def test_a_district_word_after_a_town_keeps_the_town():
    # there is no "Angoor Adda district": the border town itself is meant
    df = _violent(
        extract(
            "Afghan forces opened fire on posts in Angoor Adda district and Bajaur district "
            "on Saturday night.",
            article_date="2025-10-12",
        )
    )
    row = df[df["location"].str.contains("Angoor Adda")]
    assert len(row) == 1, list(df["location"])
    lat, lon = row["latitude"].iloc[0], row["longitude"].iloc[0]
    assert _km(lat, lon, *ANGOOR_ADDA) <= 10.0
    assert row["uncertainty_km"].iloc[0] <= 30.0


def test_a_name_not_found_in_a_tehsil_falls_back_to_the_tehsil():
    df = _violent(
        extract(
            "A suicide bomber rammed a vehicle into a convoy in the Zarmalang Khel area of Mir "
            "Ali tehsil in North Waziristan on Saturday, killing 13 soldiers.",
            article_date="2025-06-29",
        )
    )
    assert len(df) == 1, list(df["location"])
    assert "Zarmalang Khel" in df["location"].iloc[0]
    lat, lon = df["latitude"].iloc[0], df["longitude"].iloc[0]
    assert _km(lat, lon, *MIR_ALI) <= 25.0
    assert df["uncertainty_km"].iloc[0] <= 30.0


def test_the_unit_named_before_a_bare_name_is_tried_first():
    df = _violent(
        extract(
            "BAJAUR: Four children were injured when a mortar shell hit a house in Bajaur "
            "district on Sunday.\n"
            "It came after a mortar shell hit a house in the Gohati area on Friday night, "
            "killing one person.\n"
            "Separately, a quadcopter strike injured two brothers in South Waziristan district "
            "on Sunday.",
            article_date="2025-08-31",
        )
    )
    row = df[df["location"].str.contains("Gohati")]
    assert len(row) == 1, list(df["location"])
    assert _districts(row) == ["Bajaur"]


# -- a frontier-wide summary next to the places it sums up -----------------------------

SUMMARY = [
    # (article, the placed rows expected; no frontier-wide row)
    (
        "Afghan forces opened fire at multiple locations along the border on Thursday "
        "night.\nThe attacks targeted posts in Chitral, Kurram and Bajaur, the military said.",
        {"Chitral", "Kurram", "Bajaur"},
    ),
    (
        "Afghan forces attacked Pakistani posts in Kurram district on Tuesday night.\n"
        "Fighting raged along the 2,600-kilometer Durand Line until the morning.",
        {"Kurram district"},
    ),
]


@pytest.mark.parametrize(("text", "places"), SUMMARY)
def test_a_border_wide_summary_folds_into_the_places_next_to_it(text, places):
    df = _violent(extract(text, article_date="2026-02-27"))
    assert set(df["location"]) == places, list(df["location"])
    assert not df["review_flags"].fillna("").str.contains("frontier_wide").any()


def test_a_border_wide_event_of_the_other_side_stays():
    df = _violent(
        extract(
            "Pakistani jets struck positions in Tirah Valley on Friday.\n"
            "On Saturday night, Afghan forces attacked along the 2,600-kilometer Durand Line.",
            article_date="2025-10-12",
        )
    )
    assert df["review_flags"].fillna("").str.contains("frontier_wide").sum() == 1
