"""A positioned file edited by hand and read back: nothing overwritten, odd values flagged."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from incidents import geocode, load, position
from incidents.io import read, write


def _positioned_csv(tmp_path: Path) -> Path:
    src = tmp_path / "in.csv"
    src.write_text(
        "id,date,location,latitude,longitude,fatalities,geo_precision\n"
        "A,12 October 2025,Torkham,34.1147,71.0847,2,1\n"
        "B,13 October 2025,Chaman,30.921,66.4597,3,1\n"
        "C,14 October 2025,Wana,32.2989,69.5725,1,2\n",
        encoding="utf-8",
    )
    out = tmp_path / "positioned.csv"
    write(position(geocode(load(src))), out)
    return out


def test_edited_values_keep_their_text_without_overwriting_the_input_text(
    tmp_path: Path,
) -> None:
    path = _positioned_csv(tmp_path)
    edited = pd.read_csv(path, dtype=str, keep_default_na=False)
    # the loader kept the input's own text of these columns under src_ names
    assert edited["src_date"].tolist() == ["12 October 2025", "13 October 2025", "14 October 2025"]
    assert edited["src_fatalities"].tolist() == ["2", "3", "1"]
    edited.loc[0, "date"] = "12/10/2025"  # re-typed in a spreadsheet
    edited.loc[1, "fatalities"] = "-3"  # a negative toll
    edited.loc[2, "side"] = "Pakistan"  # not a side code
    edited.to_csv(path, index=False)

    back = read(path)
    # Was: src_date / src_fatalities were replaced by the unreadable text of one row,
    # the input text of every other row lost; -3 was read as a toll and summed.
    assert back["src_date"].tolist() == ["12 October 2025", "13 October 2025", "14 October 2025"]
    assert back["src_fatalities"].tolist() == ["2", "3", "1"]
    assert back["src_src_date"].tolist()[0] == "12/10/2025" and pd.isna(back["date"][0])
    assert pd.isna(back["fatalities"][1]) and back["src_src_fatalities"][1] == "-3"
    assert back["fatalities"].sum() == 3  # 2 + 1: the negative toll is not summed
    assert pd.isna(back["side"][2]) and back["src_side"][2] == "Pakistan"
    flags = [set(f.split(";")) - {""} for f in back["review_flags"]]
    assert "unreadable_value" in flags[0]
    assert "bad_fatalities" in flags[1]
    assert "unreadable_value" in flags[2]
    assert len(back) == 3
