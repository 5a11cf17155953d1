"""A sentence that names the event of the sentence before by its definite noun ("which
also hit X and Y") takes the window that event was given, not the bare day its sentence
names: "... were killed, ... nine victims were buried Sunday" dates the strikes to
Sunday or the night before, and so the places "also hit" in the next sentence."""

from __future__ import annotations

import pandas as pd

from incidents.extract import extract

TEXT = (
    "Pakistan carried out airstrikes overnight on Saturday targeting areas in Afghanistan's "
    "Nangarhar and Paktika provinces, according to multiple reports.\n"
    "The Taliban's information chief said at least 17 civilians were killed in strikes on "
    "a village in Behsud district; nine victims were buried Sunday.\n"
    "The Taliban claimed more than 20 civilians died across the strikes, which also hit "
    "Khogyani district in Nangarhar and Barmal in Paktika."
)


def test_the_places_of_the_strikes_share_their_window():
    df = extract(TEXT, article_date="2026-02-23", min_confidence=0)
    barmal = df[df["matched_name"].astype(str) == "Barmal"]
    assert len(barmal) == 1
    assert barmal["date"].iloc[0] == pd.Timestamp("2026-02-21")
    assert not (df["location"].astype(str) == "Paktika province").any(), df[["location", "date"]]
