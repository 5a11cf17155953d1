"""A meeting of the two sides told by its verb or its name is talks
(``incidents/_extract_phrasing_h.py``, ``MORE_TRIGGERS_H["talks"]``)."""

from __future__ import annotations

import pytest

from incidents.extract import extract

DATE = "2023-09-11"  # a Monday

CASES = [
    # sentence, place of the talks row (None: no talks row)
    (
        "Pakistan and Afghan authorities met at Torkham border on Sunday as the border "
        "closure persisted for the 5th consecutive day, official sources said.",
        "Torkham border crossing",
    ),
    (
        "A flag meeting between the officials of the two countries was held at Torkham on Sunday.",
        "Torkham",
    ),
    ("Afghan officials met their Pakistani counterparts at Chaman on Sunday.", "Chaman"),
    # a meeting between both sides' people, and both sides' people who convened
    (
        "Saudi Arabia hosted a meeting between Pakistani and Afghan officials in Riyadh on Sunday.",
        "Riyadh",
    ),
    (
        "Officials from Pakistan, Afghanistan and China convened in the Chinese city of "
        "Urumqi on Sunday.",
        "Urumqi",
    ),
    ("Officials from Pakistan and India convened in Dubai on Sunday.", None),
    # one side alone is no talks
    ("Pakistani officials met in Islamabad on Sunday to discuss the border.", None),
    ("Afghan elders met at Spin Boldak on Sunday to discuss the drought.", None),
]


@pytest.mark.parametrize(("text", "place"), CASES)
def test_a_meeting_of_the_two_sides_is_talks(text, place):
    df = extract(text, article_date=DATE, min_confidence=0)
    talks = df[df["event_kind"] == "talks"]
    if place is None:
        assert talks.empty
    else:
        assert list(talks["matched_name"]) == [place]
        assert str(talks["date"].iloc[0])[:10] == "2023-09-10"
