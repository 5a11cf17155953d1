"""A coarse row dated only by the day its source spoke ("... in Khyber Pakhtunkhwa, police
sources said on Thursday") restates the finer row told just after with the event's own
earlier day ("The explosion occurred on Monday in North Waziristan district"): one row,
at the finer place and day, with the toll."""

from __future__ import annotations

import pandas as pd

from incidents.extract import extract

TEXT = (
    "Two children were killed and 16 others injured when a mortar shell exploded at a "
    "seminary in Pakistan's northwest Khyber Pakhtunkhwa province, police sources said on "
    "Thursday.\n"
    "The explosion occurred around 2:00 p.m. local time on Monday in North Waziristan "
    "district."
)


def test_the_statement_day_row_folds_into_the_event_day_row():
    df = extract(TEXT, article_date="2025-12-11", min_confidence=0)
    assert len(df) == 1, df[["location", "date", "fatalities"]]
    r = df.iloc[0]
    assert r["matched_name"] == "North Waziristan"
    assert r["date"] == pd.Timestamp("2025-12-08") and int(r["fatalities"]) == 2
