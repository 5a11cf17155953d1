"""A list of places that is the subject of its event word gives one row per item,
however far its first items run before that word (``incidents/_extract_events.py``,
``_subject_list``); a place with an event word of its own elsewhere, or the phrase
that names what the list adds to ("Besides X, ..."), starts no such list."""

from __future__ import annotations

import pytest

from incidents.extract import extract

DATE = "2025-10-14"

CASES = [
    # sentence, matched names of the rows (sorted)
    (
        "Besides Torkham in Khyber district, the Chaman–Spin Boldak crossing in Balochistan, "
        "Angoor Adda in South Waziristan, Ghulam Khan in North Waziristan and Kharlachi in "
        "Kurram also remained sealed for the second day.",
        ["Angoor Adda", "Chaman", "Ghulam Khan", "Kharlachi"],
    ),
    (
        "The Ghulam Khan border in North Waziristan, the Angoor Adda crossing in South "
        "Waziristan and the Chaman border crossing in Balochistan were also shut down amid "
        "the standoff.",
        ["Angoor Adda", "Chaman", "Ghulam Khan"],
    ),
    # the list's last item is far from its event word: its first items, out of that
    # word's reach, are not made its sites
    (
        "Officials from the provinces of Kunar, Nangarhar, Paktika, Khost, and Helmand, all "
        "located along the border between the two countries, confirmed the clashes.",
        ["Helmand", "Khōst", "Paktika"],
    ),
]


def _names(df):
    return sorted(df["matched_name"].str.replace(r" (?:border )?crossing$", "", regex=True))


@pytest.mark.parametrize(("text", "names"), CASES)
def test_a_list_that_is_the_subject_of_its_event_gives_a_row_per_item(text, names):
    df = extract(text, article_date=DATE, min_confidence=0)
    assert _names(df) == names, df[["location", "matched_name"]]
