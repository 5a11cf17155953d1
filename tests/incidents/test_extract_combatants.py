"""A killing told by its casualties alone is fighting when all its dead are fighters
(issue 17): its ``event_kind`` is ``attack``, as its ACLED ``event_type`` (Battles)
already said; dead civilians, or people of no stated side, keep ``killing``.

Every sentence is a paraphrase written for the test (no published text).
"""

from __future__ import annotations

import pytest

from incidents.extract import extract

# (sentence, event_kind, event_type)
KILLED = [
    ("Three soldiers were martyred in Zhob on Monday.", "attack", "Battles"),
    ("Troops killed five militants in Datta Khel on Monday.", "attack", "Battles"),
    ("Two policemen and a terrorist were killed in Tank on Monday.", "attack", "Battles"),
    ("Two civilians were killed in Bajaur on Monday.", "killing", "Violence against civilians"),
    ("A soldier and a shopkeeper were killed in Bajaur on Monday.", "killing", "Battles"),
]


@pytest.mark.parametrize(("text", "kind", "event_type"), KILLED)
def test_a_killing_of_fighters_is_fighting(text, kind, event_type):
    df = extract(text, article_date="2025-10-14")
    assert len(df) == 1
    assert df.iloc[0]["event_kind"] == kind
    assert df.iloc[0]["event_type"] == event_type
