"""An event told at its province, then placed by the military's "in the general area of
X" in the next sentence, is at X (``incidents/_extract_merge.py``, ``_GENERAL_AREA``)."""

from __future__ import annotations

from incidents.extract import extract

DATE = "2024-11-26"


def test_the_general_area_of_the_next_sentence_places_a_province_row():
    text = (
        "Security forces killed three terrorists who were attempting to infiltrate the "
        "border in Khyber Pakhtunkhwa province, the military said on Tuesday.\n"
        "The security forces detected the movement of a group of terrorists in the general "
        "area of Hassan Khel in North Waziristan district, the statement said."
    )
    df = extract(text, article_date=DATE, min_confidence=0)
    assert list(df["matched_name"]) == ["Hassan Khel"]


def test_a_later_sentence_does_not_move_it():
    text = (
        "Security forces killed three terrorists in Khyber Pakhtunkhwa province, the "
        "military said on Tuesday.\n"
        "Officials said the border was quiet.\n"
        "Troops have been deployed in the general area of Hassan Khel in North Waziristan "
        "district for months."
    )
    df = extract(text, article_date=DATE, min_confidence=0)
    assert "Khyber Pakhtunkhwa" in set(df["matched_name"])


def test_a_separate_incident_does_not_move_it():
    text = (
        "Afghan forces shelled villages in Balochistan on Sunday, killing three people.\n"
        "Separately, police recovered a cache of weapons in the general area of Zhob."
    )
    df = extract(text, article_date="2025-10-20", min_confidence=0)
    assert list(df["matched_name"]) == ["Balochistan"]
