"""Rows of :func:`incidents.extract.extract` shared by the table-driven extraction tests."""

from __future__ import annotations

import pandas as pd

from incidents.extract import extract


def violent(text: str, date: str) -> pd.DataFrame:
    """The rows of ``text`` (published on ``date``) that are not strategic developments."""
    df = extract(text, article_date=date)
    return df[~df["event_type"].eq("Strategic developments")]
