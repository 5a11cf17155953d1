"""Military ranks are people counted ("a captain and a sepoy were martyred" is two of
the forces; "a major and two soldiers", three); "a major attack" is no count."""

from __future__ import annotations

import pandas as pd
import pytest

from incidents.extract import extract

DAY = "2017-11-13"


def _deaths(text: str) -> object:
    df = extract(text, article_date=DAY, min_confidence=0)
    assert len(df) == 1, df
    return df["fatalities"].iloc[0]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("A captain and a sepoy were martyred in firing in Bajaur on Sunday.", 2),
        ("A major and two soldiers were martyred in Bajaur on Sunday.", 3),
        ("Two majors and a sepoy were martyred in Bajaur on Sunday.", 3),
        ("A lieutenant colonel was martyred in an attack in Bajaur on Sunday.", 1),
        ("A naik and a havildar were killed in an attack in Bajaur on Sunday.", 2),
        ("A major attack killed two soldiers in Bajaur on Sunday.", 2),
    ],
)
def test_ranks_are_counted(text: str, dead: int) -> None:
    got = _deaths(text)
    assert not pd.isna(got) and int(got) == dead, got
