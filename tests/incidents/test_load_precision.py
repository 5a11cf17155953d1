"""Source precision codes the loader reads: ACLED ``time_precision``, UCDP ``date_prec``
and ``type_of_violence`` (rows built by hand, shaped like the published files)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from incidents import load

ACLED = "event_id_cnty,event_date,time_precision,event_type,location,fatalities\n"
UCDP = "id,date_start,date_end,date_prec,type_of_violence,where_coordinates,best\n"


def _load(tmp_path: Path, text: str) -> pd.DataFrame:
    path = tmp_path / "in.csv"
    path.write_text(text, encoding="utf-8")
    return load(path)


@pytest.mark.parametrize(
    ("precision", "start", "end"),
    [
        ("1", "2025-10-15", None),
        ("2", "2025-10-12", "2025-10-18"),  # a week: the coded day +-3 days
        ("3", "2025-10-01", "2025-10-31"),  # a month: the calendar month
    ],
)
def test_acled_time_precision_gives_the_date_range(
    tmp_path: Path, precision: str, start: str, end: str | None
) -> None:
    df = _load(tmp_path, ACLED + f"X1,15 October 2025,{precision},Battles,Wesh,1\n")
    assert df.attrs["layout"] == "acled"
    assert df.loc[0, "date"] == pd.Timestamp(start)
    if end is None:
        assert pd.isna(df.loc[0, "date_end"])
    else:
        assert df.loc[0, "date_end"] == pd.Timestamp(end)


@pytest.mark.parametrize(
    ("precision", "end"),
    [
        ("1", None),
        ("2", "2024-02-16"),
        ("3", "2024-02-16"),
        ("4", "2024-02-29"),  # to the end of the (leap) month
        ("5", "2024-12-31"),
    ],
)
def test_ucdp_date_prec_gives_the_end_when_none_is_given(
    tmp_path: Path, precision: str, end: str | None
) -> None:
    df = _load(tmp_path, UCDP + f"7,2024-02-10,,{precision},1,Wesh,2\n")
    assert df.attrs["layout"] == "ucdp"
    assert df.loc[0, "date"] == pd.Timestamp("2024-02-10")
    if end is None:
        assert pd.isna(df.loc[0, "date_end"])
    else:
        assert df.loc[0, "date_end"] == pd.Timestamp(end)


def test_an_explicit_end_date_wins_over_the_precision_code(tmp_path: Path) -> None:
    df = _load(tmp_path, UCDP + "7,2024-02-01,2024-02-03,4,1,Wesh,2\n")
    assert df.loc[0, "date_end"] == pd.Timestamp("2024-02-03")


def test_unknown_ucdp_type_of_violence_is_flagged(tmp_path: Path) -> None:
    df = _load(
        tmp_path,
        UCDP
        + "1,2024-02-10,,1,3,Wesh,2\n"
        + "2,2024-02-10,,1,9,Wesh,2\n"
        + "3,2024-02-10,,1,x,Wesh,2\n"
        + "4,2024-02-10,,1,,Wesh,2\n",
    )
    assert list(df["event_type"].fillna("")) == ["Violence against civilians", "", "", ""]
    flagged = ["bad_event_code" in f.split(";") for f in df["review_flags"]]
    assert flagged == [False, True, True, False]
