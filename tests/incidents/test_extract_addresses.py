"""Places written as addresses (issue 17: "the stated unit constrains the place";
issue 10: "A - B" / "B, A" city parts).

* The unit word before the name, as police reports and Pakistani papers write it:
  "in village X, tehsil Y, district Z", "in district Lakki Marwat".
* A facility named after its place, then the town: "the limits of Domel police
  station in Bannu", "Saddar police station, Quetta".
* A quarter and its town: "Saddar, Quetta" is Quetta's Saddar (or Quetta itself
  when the gazetteer lacks that quarter), never Karachi's; "Saddar, Karachi" is one
  row, not two.  Two towns in a list stay two rows.

Every sentence is a paraphrase written for the test.  Expected places: shipped admin
polygons (``geo.reference``) and, for towns, the great-circle distance to a cited
point (Wikipedia coordinates, in the comment), never the gazetteer.
"""

from __future__ import annotations

import pandas as pd
import pytest
from extract_rows import in_district

from geo.sphere import point_km
from incidents._extract_lex import VIOLENT
from incidents.extract import extract

# Wikipedia coordinates (city infoboxes): Quetta 30.1830 N 66.9990 E; Karachi
# 24.8600 N 67.0100 E; Peshawar 34.0150 N 71.5805 E.
QUETTA, KARACHI, PESHAWAR = (30.1830, 66.9990), (24.8600, 67.0100), (34.0150, 71.5805)


def _violent(text: str) -> pd.DataFrame:
    df = extract(text, article_date="2025-11-12")
    return df[df["event_kind"].isin(VIOLENT)].reset_index(drop=True)


# (text, province, district holding the one row)
ADDRESS = [
    pytest.param(
        "A roadside bomb exploded in village Mamash Khel, tehsil Domel, district Bannu on "
        "Monday, killing two.",
        "Khyber Pakhtunkhwa",
        "Bannu",
        id="village-tehsil-district",
    ),
    pytest.param(
        "Gunmen shot dead a man in village Kotka Khel, district Lakki Marwat, on Monday.",
        "Khyber Pakhtunkhwa",
        "Lakki Marwat",
        id="village-district",
    ),
    pytest.param(
        "Gunmen shot dead a man in district Lakki Marwat on Monday.",
        "Khyber Pakhtunkhwa",
        "Lakki Marwat",
        id="district-word-first",
    ),
    pytest.param(
        "Militants attacked a police post within the limits of Domel police station in "
        "Bannu on Monday, killing two.",
        "Khyber Pakhtunkhwa",
        "Bannu",
        id="police-station-limits",
    ),
]


@pytest.mark.parametrize(("text", "province", "district"), ADDRESS)
def test_address_gives_one_row_in_its_district(text: str, province: str, district: str):
    df = _violent(text)
    assert len(df) == 1, df[["location", "matched_name"]]
    assert in_district(df.iloc[0], province, district), df["extraction_notes"].iloc[0]


def test_a_district_named_with_its_word_first_is_the_district() -> None:
    df = _violent("Gunmen shot dead a man in district Lakki Marwat on Monday.")
    assert list(df["geocode_method"]) == ["admin2"]


# (text, cited point of the town, km)
QUARTER = [
    pytest.param(
        "Gunmen killed two policemen in Saddar, Quetta, on Monday.",
        QUETTA,
        20.0,
        id="quarter-comma-town",
    ),
    pytest.param(
        "Gunmen killed two policemen in the jurisdiction of Saddar police station, Quetta, "
        "on Monday.",
        QUETTA,
        20.0,
        id="police-station-comma-town",
    ),
    pytest.param(
        "A blast hit a market in Hayatabad, Peshawar, on Monday, wounding four.",
        PESHAWAR,
        25.0,
        id="township-comma-city",
    ),
    pytest.param(
        "A blast in Saddar, Karachi, wounded four on Monday.",
        KARACHI,
        10.0,
        id="known-quarter-one-row",
    ),
]


@pytest.mark.parametrize(("text", "town", "km"), QUARTER)
def test_quarter_of_a_town_is_in_that_town(text: str, town: tuple[float, float], km: float):
    df = _violent(text)
    assert len(df) == 1, df[["location", "matched_name"]]
    row = df.iloc[0]
    d = point_km(row["latitude"], row["longitude"], *town)
    assert d <= km and d <= row["uncertainty_km"] + 5, (d, row["matched_name"])


def test_towns_in_a_list_stay_rows_of_their_own() -> None:
    df = _violent("Militants attacked posts in Wana, Tank and Bannu on Monday.")
    assert len(df) == 3
    df = _violent("Blasts hit Quetta, Karachi and Peshawar on Monday.")
    assert len(df) == 3
