"""Names an article places by the units beside them (issue 17: "the stated unit
constrains the place").

* A town or district that shares its province's name ("Ghazni city of Ghazni
  province", "Kandahar district of Kandahar province") is that town or district,
  not the whole province the geocoder would fall back to.
* A name placed once beside its units ("Nawa district of Ghazni province") is
  that place when the article names it again alone, not a namesake elsewhere
  (Nawa of Helmand), unless the article places the name in two units.

Every sentence is a paraphrase written for the test; expected places are shipped
admin polygons (``geo.reference``), not the gazetteer the geocoder searches.
"""

from __future__ import annotations

import pandas as pd
import pytest
import shapely
from extract_rows import in_district

from geo.reference import admin1
from incidents._extract_lex import VIOLENT
from incidents.extract import extract

WED = "2025-11-12"


def _violent(text: str) -> pd.DataFrame:
    df = extract(text, article_date=WED)
    return df[df["event_kind"].isin(VIOLENT)].reset_index(drop=True)


# (text, province, district holding the row, widest radius km)
SAME_NAME = [
    pytest.param(
        "Two soldiers were killed in Ghazni city of Ghazni province on Monday.",
        "Ghazni",
        "Ghazni",
        25.0,
        id="city-of-its-province",
    ),
    pytest.param(
        "A roadside bomb killed three policemen in Kandahar district of Kandahar "
        "province on Monday.",
        "Kandahar",
        "Kandahar",
        30.0,
        id="district-of-its-province",
    ),
    pytest.param(
        "Gunmen shot dead a tribal elder in Kunduz city, Kunduz province, on Monday.",
        "Kunduz",
        "Kunduz",
        25.0,
        id="city-comma-province",
    ),
    pytest.param(
        "Police said four people were wounded in a blast in Farah city of Farah "
        "province on Monday.",
        "Farah",
        "Farah",
        25.0,
        id="wounded-in-city-of-province",
    ),
]


@pytest.mark.parametrize(("text", "province", "district", "km"), SAME_NAME)
def test_place_sharing_its_province_name(text: str, province: str, district: str, km: float):
    df = _violent(text)
    assert len(df) == 1, df[["location", "matched_name", "geocode_method"]]
    row = df.iloc[0]
    assert row["geocode_method"] != "admin1", row["extraction_notes"]
    assert row["uncertainty_km"] <= km
    assert in_district(row, province, district)


def test_a_province_alone_stays_the_province() -> None:
    df = _violent("Two soldiers were killed in Ghazni province on Monday.")
    assert list(df["geocode_method"]) == ["admin1"]
    poly = admin1().set_index("admin1").loc["Ghazni", "geometry"]
    assert shapely.contains_xy(poly, df["longitude"].iloc[0], df["latitude"].iloc[0])


def test_name_placed_once_keeps_that_place() -> None:
    df = _violent(
        "Gunmen fired on a police post in Nawa district on Monday, killing two. "
        "On Tuesday, militants attacked a checkpoint in Nawa district of Ghazni "
        "province, killing three."
    )
    assert len(df) == 2
    for _, row in df.iterrows():
        assert in_district(row, "Ghazni", "Nawa"), row["extraction_notes"]


def test_name_placed_in_two_units_is_left_alone() -> None:
    df = _violent(
        "Militants attacked a checkpoint in Nawa district of Ghazni province on Monday. "
        "On Tuesday, a bomb killed four in Nawa district of Helmand province."
    )
    provinces = sorted(df["admin1"].astype(str))
    assert len(df) == 2
    assert any("Ghazni" in p for p in provinces) and any("Helmand" in p for p in provinces)


# A namesake district told with its province in three ways. (text, province, district)
NAMESAKE_DISTRICT = [
    pytest.param(
        "Two soldiers were killed in Ghazni's Nawa district on Monday.",
        "Ghazni",
        "Nawa",
        id="possessive-province",
    ),
    pytest.param(
        "Militants stormed a checkpoint in Muqur district, Ghazni, on Monday, killing three.",
        "Ghazni",
        "Muqur",
        id="district-comma-province",
    ),
    pytest.param(
        "Fighting spread across Helmand province on Monday. Four policemen were killed "
        "when gunmen attacked a post in Nawa district, officials said.",
        "Helmand",
        "Nawa-I- Barak Zayi",
        id="province-named-earlier-in-the-article",
    ),
    pytest.param(
        "Gunmen attacked a police post in Badghis’s Muqur district on Monday, killing five.",
        "Badghis",
        "Muqur",
        id="possessive-other-province",
    ),
]


@pytest.mark.parametrize(("text", "province", "district"), NAMESAKE_DISTRICT)
def test_namesake_district_read_in_its_province(text: str, province: str, district: str) -> None:
    df = _violent(text)
    rows = df[df["location"].str.contains(district.split("-")[0])]
    assert len(rows) == 1, df[["location", "matched_name"]]
    row = rows.iloc[0]
    assert not row["ambiguous"]
    assert in_district(row, province, district), row["extraction_notes"]


def test_namesake_district_alone_is_flagged() -> None:
    df = _violent("Two soldiers were killed in Nawa district on Monday.")
    assert len(df) == 1
    assert bool(df["ambiguous"].iloc[0])
    assert df["uncertainty_km"].iloc[0] > 100


# Initials of a town's name end no sentence. (text, matched name)
INITIALS = [
    pytest.param(
        "A blast in D.I. Khan killed two policemen on Monday.", "Dera Ismail Khan", id="di"
    ),
    pytest.param(
        "Two soldiers were killed in a bomb attack in D.G. Khan on Monday.",
        "Dera Ghazi Khan",
        id="dg",
    ),
    pytest.param(
        "Militants attacked a police station in D.I.Khan on Monday, killing three.",
        "Dera Ismail Khan",
        id="di-glued",
    ),
]


@pytest.mark.parametrize(("text", "name"), INITIALS)
def test_initials_end_no_sentence(text: str, name: str) -> None:
    df = _violent(text)
    assert list(df["matched_name"]) == [name]


def test_sentences_split_after_initials_only_at_a_real_end() -> None:
    from incidents._extract_text import sentences

    got = [s.text for s in sentences("A blast hit D.I. Khan on Monday. Police said two died.")]
    assert got == ["A blast hit D.I. Khan on Monday.", "Police said two died."]


# A place, a comma, then its unit (text, province, district holding the row)
PLACE_COMMA_UNIT = [
    pytest.param(
        "A roadside bomb killed two policemen in Rustam, Shikarpur district, on Monday.",
        "Sindh",
        "Shikarpur",
        id="town-whose-namesake-is-elsewhere",
    ),
    pytest.param(
        "A roadside bomb killed two policemen in Baraki, Baraki Barak district, on Monday.",
        "Logar",
        "Baraki Barak",
        id="no-name-across-the-comma",
    ),
    pytest.param(
        "Gunmen killed two policemen in Gilgit-Baltistan's Baltit on Monday.",
        "Gilgit-Baltistan",
        "Hunza",
        id="hyphenated-possessor",
    ),
    pytest.param(
        "Gunmen killed two policemen in Azad Jammu & Kashmir's Kotli on Monday.",
        "Azad Jammu & Kashmir",
        "Kotli",
        id="ampersand-possessor",
    ),
    pytest.param(
        "Troops raided a hideout in Kalachi, Dera Ismail Khan, overnight, killing four.",
        "Khyber Pakhtunkhwa",
        "Dera Ismail Khan",
        id="spelling-of-a-far-city-apposed-to-a-district",
    ),
    pytest.param(
        "Troops raided a hideout in Kalachi tehsil, Dera Ismail Khan, killing four.",
        "Khyber Pakhtunkhwa",
        "Dera Ismail Khan",
        id="tehsil-apposed-to-its-district",
    ),
    pytest.param(
        "Troops raided the Madi area of Kalachi tehsil, Dera Ismail Khan, killing four.",
        "Khyber Pakhtunkhwa",
        "Dera Ismail Khan",
        id="area-of-a-tehsil-of-a-district",
    ),
]


@pytest.mark.parametrize(("text", "province", "district"), PLACE_COMMA_UNIT)
def test_place_then_its_unit(text: str, province: str, district: str) -> None:
    df = _violent(text)
    assert len(df) == 1, df[["location", "matched_name"]]
    assert df["geocode_method"].iloc[0] == "gazetteer"
    assert in_district(df.iloc[0], province, district), df["extraction_notes"].iloc[0]


def test_far_towns_then_a_district_in_a_list_stay_a_list() -> None:
    df = _violent("Blasts hit Karachi, Dera Ismail Khan and Quetta on Monday, killing six.")
    assert sorted(df["matched_name"]) == ["Dera Ismail Khan", "Karachi", "Quetta"]


def test_two_districts_with_a_comma_stay_a_list() -> None:
    df = _violent("Militants attacked posts in Kurram, Bajaur district, on Monday.")
    assert sorted(df["matched_name"]) == ["Bajaur", "Kurram"]


# Districts listed before one plural unit word, each spelled as the press spells it
# (text, the districts that must be rows, a coarser unit that must not be one)
LISTED_DISTRICTS = [
    pytest.param(
        "The strikes took place late on Saturday in the Bahsud and Khogiani districts of "
        "Nangarhar province, leaving 13 dead.",
        {"Bihsud", "Khogayani"},
        "Nangarhar",
        id="second-item-after-and",
    ),
    pytest.param(
        "The strikes hit the Bahsud and Khogiani districts of Nangarhar province on Monday.",
        {"Bihsud", "Khogayani"},
        "Nangarhar",
        id="after-a-verb-and-the",
    ),
    pytest.param(
        "Jets bombed Bahsud, Khogiani and Achin districts on Monday.",
        {"Bihsud", "Khogayani", "Acheen"},
        None,
        id="three-items-after-a-verb",
    ),
]


@pytest.mark.parametrize(("text", "names", "coarse"), LISTED_DISTRICTS)
def test_districts_listed_before_a_plural_unit_word(text: str, names: set, coarse) -> None:
    df = _violent(text)
    got = set(df["matched_name"])
    assert names <= got, df[["location", "matched_name"]]
    assert coarse not in got


# A headline's capitals make no name of what was hit; an unknown name stays its own text
# (text, the location text of the one row)
HEADLINE_TARGETS = [
    pytest.param(
        "Three Soldiers Killed as Troops Repel Terrorist Attack on Army Camp in North Waziristan",
        "North Waziristan",
        id="camp",
    ),
    pytest.param(
        "Two Policemen Killed as Gunmen Attack Police Check Post in Lakki Marwat",
        "Lakki Marwat",
        id="check-post",
    ),
    pytest.param(
        "Gunmen attacked Zarmelan Kalay in North Waziristan on Friday.",
        "Zarmelan Kalay",
        id="unknown-name-kept",
    ),
]


@pytest.mark.parametrize(("text", "location"), HEADLINE_TARGETS)
def test_capitalised_target_words_are_no_place_name(text: str, location: str) -> None:
    df = _violent(text)
    assert list(df["location"]) == [location]


# The next item of a list that the gazetteer knows only in another spelling (a town)
VARIANT_ITEMS = [
    pytest.param(
        "Five soldiers were killed in attacks in Panjgur and Naushki on Wednesday night.",
        {"Panjgur", "Nushki"},
        id="town-spelled-otherwise",
    ),
]


@pytest.mark.parametrize(("text", "names"), VARIANT_ITEMS)
def test_a_list_item_spelled_otherwise_is_a_place(text: str, names: set) -> None:
    df = _violent(text)
    assert set(df["matched_name"]) == names


# A name with the Pashto "village" after it ("Khar Kallay") is that village, not the town
# of its first word (Khar in Bajaur) when the article is set elsewhere: read inside the
# article's units, else placed at them with its own name
def test_a_village_suffix_keeps_the_village_in_the_articles_district() -> None:
    text = (
        "Tribal clashes in Kurram district have killed 11 people since Friday.\n"
        "On Tuesday the fighting spread to Khar Kallay, where two more were killed."
    )
    df = _violent(text)
    khar = df[df["location"].str.startswith("Khar")]
    assert list(khar["location"]) == ["Khar Kallay"]
    assert list(khar["matched_name"]) == ["Kurram"]


def test_a_village_suffix_after_a_place_of_the_articles_district_keeps_it() -> None:
    text = (
        "Security forces killed six militants in North Waziristan on Tuesday.\n"
        "The militants had tried to cross near Ghulam Khan Kallay on Tuesday."
    )
    df = _violent(text)
    assert "Ghulam Khan" in set(df["matched_name"])
