"""A bare weekday right after a sentence that told a range of days in an earlier week is
that range's day ("Over the weekend of 11-12 October, ... / Late on Saturday, Afghan
forces opened fire ...": Saturday 11 October, not the Saturday before the article)."""

from __future__ import annotations

import pandas as pd

from incidents.extract import extract

TEXT = (
    "Over the weekend of 11-12 October, Taliban fighters launched coordinated assaults on "
    "Pakistani frontier posts along the Durand Line.\n"
    "Late on Saturday, Afghan forces from Kandahar, Kunar and Khost provinces opened fire on "
    "Pakistani border forts."
)


def test_the_weekday_is_of_the_days_told_before():
    df = extract(TEXT, article_date="2025-10-20", min_confidence=0)
    kunar = df[df["matched_name"].astype(str) == "Kunar"]
    assert len(kunar) == 1 and kunar["date"].iloc[0] == pd.Timestamp("2025-10-11")


def test_a_weekday_of_the_article_week_stays():
    df = extract(
        "Over the weekend of 18-19 October, talks were held in Doha.\n"
        "On Saturday, Afghan forces opened fire on posts in Kurram.",
        article_date="2025-10-20",
        min_confidence=0,
    )
    kurram = df[df["matched_name"].astype(str) == "Kurram"]
    assert kurram["date"].iloc[0] == pd.Timestamp("2025-10-18")
