"""Rows of :func:`incidents.extract.extract` shared by the table-driven extraction tests."""

from __future__ import annotations

import pandas as pd

from incidents.extract import extract


def violent(text: str, date: str) -> pd.DataFrame:
    """The rows of ``text`` (published on ``date``) that are not strategic developments."""
    df = extract(text, article_date=date, min_confidence=0)  # the rule, not the cut
    return df[~df["event_type"].eq("Strategic developments")]


def in_district(row: pd.Series, province: str, district: str) -> bool:
    """Whether a row's point lies in the shipped district polygon (not the gazetteer)."""
    import shapely

    from geo.reference import admin2

    u = admin2()
    poly = u.loc[(u["admin1"] == province) & (u["admin2"] == district), "geometry"].iloc[0]
    return bool(shapely.contains_xy(poly, row["longitude"], row["latitude"]))
