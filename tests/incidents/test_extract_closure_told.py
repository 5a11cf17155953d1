"""Closures told by their length, their effects or a definite subject: "has remained
shuttered", "has been closed for 17 days, which has led to disruptions in trade", "the
major trade crossing has remained closed for 50 days" after the crossing was named
(``incidents/_extract_controls.py``, ``_HARMED_TRADE``; ``incidents/_extract_phrasing.py``,
``_CLOSED_SUBJECT``; ``incidents/_extract_lex.py``)."""

from __future__ import annotations

import pytest

from incidents.extract import extract

CASES = [
    # text, article date, (place text, first day, last day) of each closure row
    (
        "Torkham border crossing has remained shuttered leaving thousands of travelers "
        "marooned for four days.",
        "2023-09-10",
        [("Torkham border crossing", "2023-09-06", "2023-09-10")],
    ),
    (
        "The Chaman crossing has been closed for the past 12 days, which has led to "
        "significant disruptions in trade and movement.",
        "2024-03-20",
        [("Chaman crossing", "2024-03-08", "2024-03-20")],
    ),
    (
        "The Torkham border is expected to reopen today. Due to heightened border tensions, "
        "the major trade crossing has remained closed for 50 days.",
        "2025-11-30",
        [("the major trade crossing", "2025-10-11", "2025-11-30")],
    ),
    (
        "Officials said the Ghulam Khan crossing will reopen on Monday. The crossing had "
        "remained closed for nine days.",
        "2024-06-14",
        [("The crossing", "2024-06-05", "2024-06-14")],
    ),
    # told from the reopening that ended it, by its length
    (
        "The Torkham border has finally been opened after a 20-day-long closure; however, "
        "the crossing is used only for the return of Afghan refugees.",
        "2025-11-02",
        [("Torkham border", "2025-10-13", "2025-11-02")],
    ),
    (
        "Torkham reopened on Saturday after remaining closed for 20 days.",
        "2025-11-02",
        [("Torkham", "2025-10-12", "2025-11-01")],
    ),
    (
        "Shops in Landi Kotal reopened on Saturday after remaining closed for two days.",
        "2025-11-02",
        [],
    ),
    # "It" opening the sentence after a crossing was named
    (
        "The key Pak-Afghan border crossing at Kharlachi reopened today. It had been "
        "closed for nine days, according to border authorities.",
        "2024-10-01",
        [("Kharlachi", "2024-09-22", "2024-10-01")],
    ),
    (
        "Talks resumed in Doha today. It had been closed for nine days.",
        "2024-10-01",
        [],
    ),
    # a closure named as a noun that harmed trade is the backdrop of another story;
    # a shop's shutters are no closure
    (
        "Traders met in Peshawar on Monday. Following border clashes, the shutdown of major "
        "crossings such as Torkham and Chaman has paralyzed cross-border and transit trade.",
        "2025-12-15",
        [],
    ),
    (
        "Shops in Chaman bazaar were shuttered on Monday to mourn a local elder.",
        "2024-06-14",
        [],
    ),
]


@pytest.mark.parametrize(("text", "date", "want"), CASES)
def test_closures_told(text: str, date: str, want: list[tuple[str, str, str]]) -> None:
    rows = extract(text, article_date=date)
    got = [
        (r.location, str(r.date)[:10], str(r.date_end)[:10])
        for r in rows.itertuples()
        if r.event_kind == "border_closure"
    ]
    assert got == want


CAUSES = [
    # text, article date, (kind, place) of each row
    # an undated cause told "shortly after" a closure is its backstory, and its site
    # is not the closure's
    (
        "The Pak-Afghan border was closed for an indefinite period shortly after a deadly "
        "blast at Lal Shahbaz Qalandar in Sehwan Sharif citing security reasons.",
        "2017-02-24",
        [],
    ),
    # a cause with its own day and toll is news
    (
        "The Torkham crossing was closed shortly after an attack on a convoy in Kunj Alizai "
        "on Saturday that killed ten people.",
        "2024-10-14",
        [("attack", "Kunj Alizai"), ("border_closure", "Torkham crossing")],
    ),
]


@pytest.mark.parametrize(("text", "date", "want"), CAUSES)
def test_closure_causes(text: str, date: str, want: list[tuple[str, str]]) -> None:
    rows = extract(text, article_date=date)
    assert sorted((r.event_kind, r.location) for r in rows.itertuples()) == want


FAR = [
    # text, article date, matched places of the closure rows: a closure told at a
    # crossing is not one of the far places of its sentence
    (
        "In Islamabad today, the Torkham border stayed shut for a seventh straight day.",
        "2025-10-19",
        ["Torkham border crossing"],
    ),
    (
        "Porters who left for Punjab and Sindh said the Torkham crossing had been closed "
        "for three months.",
        "2025-12-29",
        ["Torkham"],
    ),
    (
        "The Torkham and Chaman crossings were closed on Sunday.",
        "2025-10-13",
        ["Chaman", "Torkham"],
    ),
]


@pytest.mark.parametrize(("text", "date", "want"), FAR)
def test_closure_not_of_far_places(text: str, date: str, want: list[str]) -> None:
    rows = extract(text, article_date=date, min_confidence=0)
    got = sorted(r.matched_name for r in rows.itertuples() if r.event_kind == "border_closure")
    assert got == want
