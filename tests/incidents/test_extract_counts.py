"""Table-driven tests of the nominal casualty forms read by
:mod:`incidents._extract_counts` (issue 17): "injuries to 16 others", "the death
of an FC official", "the deaths of two commanders".

Every sentence is a paraphrase written for the test (no published text); every
expected count is written by hand from the sentence.
"""

from __future__ import annotations

import pytest

from incidents._extract_counts import counts_in, total
from incidents.extract import extract

# (sentence, killed, wounded)
NOMINAL = [
    ("The clash led to the deaths of five soldiers and injuries to 12 others.", 5, 12),
    ("The blast caused injuries to two people near the market.", None, 2),
    ("The raid resulted in the death of a police official and injuries to four others.", 1, 4),
    ("The shelling led to injuries to at least nine villagers.", None, 9),
    ("The strike caused the deaths of three commanders, officials said.", 3, None),
    ("Firing caused injuries to a border guard on Monday.", None, 1),
    # a year is never a count, and a plain noun is not an injury count
    ("Injuries to the economy since 2021 were large.", None, None),
]


@pytest.mark.parametrize(("text", "killed", "wounded"), NOMINAL)
def test_nominal_casualty_forms(text, killed, wounded):
    counts = counts_in(text)
    assert total(counts, "killed") == killed
    assert total(counts, "wounded") == wounded


def test_counts_stay_with_the_site_in_central_unit():
    # "the X area of central Kurram": Kurram locates X; the counts are X's, not a
    # second row's at Kurram
    df = extract(
        "On Sunday an attack in the Marghan area of central Kurram caused the death of a "
        "soldier and injuries to three others.",
        article_date="2024-09-09",
    )
    assert len(df) == 1
    assert df.iloc[0]["fatalities"] == 1
    assert df.iloc[0]["injuries"] == 3
