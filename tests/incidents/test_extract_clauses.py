"""Table-driven tests of clause-level attachment (issue 17): a count belongs to the
place of its clause, a toll told in the next sentence belongs to the incident just
told, a restatement completes the groups of a row, and the casualty words of
military statements ("sent to hell", "neutralised") report deaths.

Every text is a paraphrase written for the test (no published text); every
expected value is written by hand from the text.
"""

from __future__ import annotations

import pandas as pd
import pytest

from incidents._extract_counts import Count, fill_counts, total
from incidents.extract import extract

DATE = "2025-10-15"  # a Wednesday

# (article, {place substring: (deaths, injuries)}): every row, by its place
ROWS = [
    # one sentence, two places, two counts
    (
        "Four soldiers were killed in Bannu and two in Lakki Marwat on Monday.",
        {"Bannu": (4, None), "Lakki Marwat": (2, None)},
    ),
    (
        "On Monday three policemen were martyred in Bannu while two soldiers were killed in "
        "Lakki Marwat.",
        {"Bannu": (3, None), "Lakki Marwat": (2, None)},
    ),
    # the toll in the next sentence, in the words of a military statement
    (
        "Security forces carried out an intelligence-based operation in Spinwam on Monday.\n"
        "Resultantly, five khwarij were sent to hell, the ISPR said.",
        {"Spinwam": (5, None)},
    ),
    (
        "Troops raided a militant hideout in Datta Khel on Tuesday.\n"
        "Three terrorists were neutralised in the exchange of fire.",
        {"Datta Khel": (3, None)},
    ),
    # killed and injured in one clause, the injured with their own verb
    (
        "A check post in Bajaur came under attack on Tuesday night, killing a guard and "
        "leaving two others injured.",
        {"Bajaur": (1, 2)},
    ),
    # a list of groups sharing one verb, in the sentence after the place
    (
        "Pakistani jets bombed a house in Gurbuz district of Khost on Tuesday night.\n"
        "Four boys, three girls, and a woman were killed, a Taliban spokesman said.",
        {"Gurbuz": (8, None)},
    ),
    # a nominal toll ("resulting in the death of") in the sentence after the place
    (
        "Troops struck a militant hideout in Ghulam Khan on Tuesday.\n"
        "The operation ended in a long engagement, resulting in the death of four khwarij.",
        {"Ghulam Khan": (4, None)},
    ),
    # "five others" after "a civilian" are civilians: they add to the soldiers' injured
    (
        "Two soldiers were martyred and three others injured in an attack on a post in Zhob "
        "on Tuesday.\n"
        "A civilian was also killed in the crossfire while four others were injured.",
        {"Zhob": (3, 7)},
    ),
    # servicemen named by rank, one of them four sentences after the operation with
    # a biography between; "six of them" are the terrorists; the next sentence opens
    # another incident and keeps its own toll
    (
        "Security forces raided a hideout in Datta Khel on Tuesday.\n"
        "The troops engaged the terrorists and killed six of them.\n"
        "During the raid, Captain Asad Ali, 27, embraced martyrdom.\n"
        "He was a native of Attock.\n"
        "Lance Naik Gul Zaman, 31, from Swat, also embraced shahadat.\n"
        "In another encounter, two soldiers were martyred in Spinwam on Tuesday.",
        {"Datta Khel": (8, None), "Spinwam": (2, None)},
    ),
    # "a woman and her two sons"; "no casualties" in the next sentence is a count of zero
    (
        "Mortar shells fired from across the border hit a house in Bajaur on Tuesday.\n"
        "A woman and her two sons were killed.",
        {"Bajaur": (3, None)},
    ),
    (
        "Border forces exchanged fire at the Torkham crossing on Monday.\n"
        "No casualties were reported, officials said.",
        {"Torkham": (0, None)},
    ),
    # "and five others critically injured" are injured, not dead
    (
        "Three soldiers were martyred and five others critically injured when militants "
        "attacked a post in Zhob on Tuesday.",
        {"Zhob": (3, 5)},
    ),
]


@pytest.mark.parametrize(("text", "want"), ROWS)
def test_counts_go_to_the_place_of_their_clause(text, want):
    df = extract(text, article_date=DATE)
    got = {}
    for _, r in df.iterrows():
        key = next((k for k in want if k in str(r["location"])), None)
        assert key is not None, f"unexpected row at {r['location']!r}"
        d = None if pd.isna(r["fatalities"]) else int(r["fatalities"])
        i = None if pd.isna(r["injuries"]) else int(r["injuries"])
        got[key] = (d, i)
    assert got == want


def test_an_accusation_of_opening_fire_reports_the_fire_at_each_place():
    df = extract(
        "Officials accused the Afghan Taliban of opening fire in Bajaur, Mohmand and Kurram "
        "on Saturday night.",
        article_date="2025-10-12",
    )
    places = sorted(str(x) for x in df["location"])
    assert places == ["Bajaur", "Kurram", "Mohmand"]


def _c(which: str, value: int, group: str, text: str = "x") -> Count:
    return Count(0, 1, which, value, group, text)


# (row's counts, restatement's counts, killed after, wounded after)
FILL = [
    # the restatement counts the row's group alike and one more group: it completes it
    (
        [_c("killed", 6, "militants")],
        [_c("killed", 2, "forces"), _c("killed", 6, "militants")],
        8,
        None,
    ),
    # a province's toll of people never adds to its district's
    ([_c("killed", 3, "forces")], [_c("killed", 10, "people")], 3, None),
    # a different count of the row's group: the row keeps its own
    (
        [_c("killed", 4, "forces")],
        [_c("killed", 9, "forces"), _c("killed", 2, "militants")],
        4,
        None,
    ),
    # a kind the row has not counted comes from the restatement
    ([_c("wounded", 6, "people")], [_c("killed", 46, "people")], 46, 6),
]


@pytest.mark.parametrize(("have", "more", "killed", "wounded"), FILL)
def test_fill_counts_from_a_restatement(have, more, killed, wounded):
    out = fill_counts(have, more)
    assert total(out, "killed") == killed
    assert total(out, "wounded") == wounded
