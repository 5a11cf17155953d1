"""A running tally ("200 people had lost their lives to targeted killings since February
2018") is neither an incident nor the toll of the one told before it."""

from __future__ import annotations

from incidents.extract import extract


def test_a_running_tally_is_no_toll():
    df = extract(
        "MIRAMSHAH: An army officer and a soldier were wounded in an attack on security forces "
        "by militants in North Waziristan on Sunday.\n"
        "A lawmaker from North Waziristan district informed the KP Assembly last week that 200 "
        "people had lost their lives to targeted killings since February 2018.",
        article_date="2020-09-07",
        min_confidence=0,
    )
    assert len(df) == 1, df[["event_kind", "location", "fatalities"]]
    assert df["fatalities"].isna().all() and int(df["injuries"].iloc[0]) == 2
