"""The per-article memos of the extractor: same answers, nothing kept between calls."""

from __future__ import annotations

import pandas as pd
import pytest

from incidents import _extract_lex as lex
from incidents._extract_counts import _DEAD_GATE, _DEAD_RX, _HURT_GATE, _HURT_RX, counts_in
from incidents._extract_dates import _PATTERNS, _RX
from incidents.extract import extract

ARTICLE = (
    "Two soldiers were killed and four others injured when militants attacked a "
    "checkpost in Bajaur district on Tuesday, officials said.\n"
    "The Pakistani army said it retaliated, killing three attackers.\n"
)


def test_memos_are_empty_after_extract():
    lex.triggers_in("an air strike hit a village")  # a call outside extract fills them
    extract(ARTICLE, article_date="2025-10-15")
    assert lex._triggers_memo.cache_info().currsize == 0
    assert lex._actors_memo.cache_info().currsize == 0


def test_repeated_extract_gives_the_same_table():
    first = extract(ARTICLE, article_date="2025-10-15")
    lex.triggers_in("Taliban fighters shelled the border post")
    again = extract(ARTICLE, article_date="2025-10-15")
    pd.testing.assert_frame_equal(first, again)


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen opened fire on a police van, officials said.",
        "Afghan Taliban forces shelled the area and Pakistani troops returned fire.",
        "The talks in Doha ended without an agreement on the border.",
    ],
)
def test_memoised_answers_are_fresh_lists(sentence):
    a = lex.triggers_in(sentence)
    a.append("scribble")
    assert "scribble" not in lex.triggers_in(sentence)
    b = lex.actors_in(sentence)
    b.append((0, "scribble"))
    assert (0, "scribble") not in lex.actors_in(sentence)
    lex.clear_caches()
    assert lex.triggers_in(sentence) == a[:-1]
    assert lex.actors_in(sentence) == b[:-1]


@pytest.mark.parametrize(
    ("sentence", "dead", "hurt"),
    [
        ("Seven people were killed and 12 wounded in the blast.", True, True),
        ("Three soldiers embraced martyrdom in the exchange of fire.", True, False),
        ("The shelling left nine villagers with serious injuries.", False, True),
        ("The shelling left nine villagers homeless.", False, False),
        ("Eleven policemen sustained injuries in the attack.", False, True),
        ("No one was hurt, a spokesman said.", False, True),
    ],
)
def test_count_forms_need_their_verb(sentence, dead, hurt):
    """The verb gates of counts_in never skip a sentence a form would match."""
    assert bool(_DEAD_GATE.search(sentence)) is dead
    assert bool(_HURT_GATE.search(sentence)) is hurt
    for gate, forms in ((_DEAD_GATE, _DEAD_RX), (_HURT_GATE, _HURT_RX)):
        if not gate.search(sentence):
            assert not any(rx.search(sentence) for rx in forms)
    counts_in(sentence)  # runs either way


def test_date_alternatives_all_open_on_a_word_boundary():
    """The combined date pattern checks ``\\b`` once, for every alternative."""
    assert all(rx.startswith(r"\b") for _, rx in _PATTERNS)
    assert _RX.pattern.startswith(r"\b(?:")
