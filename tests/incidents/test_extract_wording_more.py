"""More wordings of real reports that the rules had not seen, as general rules (the
continuation of ``test_extract_wording.py``).  Every sentence is a paraphrase written
for the test.

- a decision told as the news ("the board's decision to pull out came after two
  players were killed in a drone strike", "announced its withdrawal following the
  deaths of X in Y"): the killing is its cause, and so is the means it names ("killed
  in a drone strike"): no row.
"""

from __future__ import annotations

import pytest
from extract_rows import violent

DATE = "2025-10-14"


@pytest.mark.parametrize(
    "text",
    [
        "The club's decision to pull out of the league came after two of its players were "
        "killed in a drone strike in Khost province last week.",
        "The federation announced its withdrawal from the tournament following the deaths of "
        "four athletes in Kunar province.",
        "The boycott came days after three students were killed in a bomb blast in Bannu.",
    ],
)
def test_a_decision_told_as_the_news_makes_its_cause_no_row(text):
    assert violent(text, DATE).empty


def test_a_strike_that_is_the_news_keeps_its_means():
    text = "Two players were killed in a drone strike in Khost province on Sunday."
    df = violent(text, DATE)
    assert len(df) == 1 and df.iloc[0]["fatalities"] == 2
