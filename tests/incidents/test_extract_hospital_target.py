"""A hospital an attack hit is its site; a hospital the wounded were taken to is not
(``incidents/_extract_places.py``, ``_aftermath`` and ``_HIT_BEFORE``)."""

from __future__ import annotations

import pytest

from incidents.extract import extract

DATE = "2026-03-17"

CASES = [
    # sentence, the place of the strike row (None: no row at the hospital's town)
    ("At least 400 people were killed in an airstrike on a hospital in Kabul.", "Kabul"),
    (
        "Hundreds were killed following a devastating airstrike on a drug rehabilitation "
        "hospital in Kabul, Afghanistan.",
        "Kabul",
    ),
    ("An airstrike hit a hospital in Kabul on Monday, killing 40 people.", "Kabul"),
    ("Militants stormed a hospital in Quetta on Monday, killing 12 people.", "Quetta"),
    # the hospital the wounded were taken to is not the site
    ("The wounded were taken to a hospital in Kabul after the airstrike in Khost.", "Khōst"),
    ("Those hurt in the attack on the post were treated at a hospital in Peshawar.", None),
    (
        "Seven people wounded in the attack on the bus reached the hospital in Peshawar, "
        "officials said.",
        None,
    ),
]


@pytest.mark.parametrize(("text", "place"), CASES)
def test_a_hospital_that_was_hit_is_the_site(text, place):
    df = extract(text, article_date=DATE, min_confidence=0)
    if place is None:
        assert "Peshawar" not in set(df["matched_name"].dropna())
    else:
        assert list(df["matched_name"]) == [place]
