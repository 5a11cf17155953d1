"""A tally of many incidents by province ("80 people lost lives in 206 incidents in
Balochistan, 14 people in five attacks in Punjab") is no incident; "in two separate
operations in X and Y on Saturday" still names two."""

from __future__ import annotations

from incidents.extract import extract


def test_a_tally_by_province_gives_no_row():
    df = extract(
        "In KP, 192 people were martyred in 219 terror activities, while 80 people lost lives "
        "in 206 incidents in Balochistan, 14 people in five attacks in Punjab, and seven in "
        "six terrorism incidents across Sindh.",
        article_date="2023-05-17",
        min_confidence=0,
    )
    assert df.empty, df[["event_kind", "location"]]


def test_separate_operations_still_count():
    df = extract(
        "Three terrorists were killed in two separate security operations in Khyber and South "
        "Waziristan on Saturday, military sources said.",
        article_date="2024-11-24",
        min_confidence=0,
    )
    assert {"Khyber", "South Waziristan"} <= set(df["matched_name"].astype(str))
