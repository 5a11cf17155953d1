"""One exchange of fire told by each side at its own side's place
(:mod:`incidents._extract_accounts`).  Every text is a paraphrase written for the test.

- Kabul's account ("Pakistani forces attacked towards Spin Boldak") and Islamabad's
  ("Afghan forces opened fire first near Chaman") of one night are one row, at the
  finer place, with both armies and no initiator; the lead's "exchanged gunfire along
  the border" restates it;
- a reply told as such ("in retaliation, Pakistani forces shelled ...") stays an event
  of its own, and so do two places of one side, or places far apart.
"""

from __future__ import annotations

import pytest
from extract_rows import violent

from incidents._extract_mutual import MUTUAL_NOTE

DATE = "2025-12-06"  # a Saturday


@pytest.mark.parametrize(
    "text",
    [
        "Afghan and Pakistani forces exchanged gunfire along their shared border late Friday "
        "night, each side blaming the other.\n"
        "A Taliban spokesman said Pakistani forces attacked towards Spin Boldak district of "
        "Kandahar late Friday, prompting Afghan troops to respond.\n"
        "Pakistani officials said Afghan forces opened fire first near the Chaman border late "
        "Friday.",
        "Afghan officials said Pakistani troops fired mortars into Spin Boldak district late "
        "Friday night, and accused them of starting the fighting.\n"
        "A Pakistani security official rejected the claim and said Afghan forces started the "
        "firing near Chaman late Friday night.",
    ],
)
def test_each_sides_account_of_one_exchange_is_one_row(text):
    df = violent(text, DATE)
    assert len(df) == 1
    assert MUTUAL_NOTE in df.iloc[0]["extraction_notes"]


@pytest.mark.parametrize(
    "text",
    [
        # a reply told as such
        "Afghan forces opened fire first on Pakistani posts near Chaman late Friday, "
        "officials said.\n"
        "In retaliation, Pakistani forces shelled Taliban positions in Spin Boldak district "
        "late Friday.",
        # places far apart on either side
        "Afghan forces opened fire first on a Pakistani post in Bajaur late Friday, "
        "officials said.\n"
        "A Taliban spokesman said Pakistani forces started the firing and shelled Spin Boldak "
        "district late Friday.",
    ],
)
def test_a_reply_or_a_distant_place_stays_an_event_of_its_own(text):
    assert len(violent(text, DATE)) == 2
