"""Hand-built report tables shared by the fusion tests."""

from __future__ import annotations

import pandas as pd

KM_LAT = 111.195  # km per degree of latitude on the 6371.0088 km sphere


def table(rows: list[dict]) -> pd.DataFrame:
    """Reports of 11 Oct 2025, armed clashes, village level (5 km) unless given."""
    base = {
        "incident_id": None,
        "date": "2025-10-11",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "fatalities": None,
        "location": "x",
        "latitude": 33.0,
        "longitude": 70.0,
        "geo_precision": 1,
        "uncertainty_km": 5.0,
        "source": None,
    }
    df = pd.DataFrame([{**base, **r} for r in rows], columns=list(base))
    df["date"] = pd.to_datetime(df["date"])
    df["fatalities"] = df["fatalities"].astype("Float64").astype("Int64")
    return df


def at(km: float) -> float:
    """The latitude ``km`` north of 33 N on the table's meridian."""
    return 33.0 + km / KM_LAT
