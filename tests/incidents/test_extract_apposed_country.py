"""A country apposed to a place ("in Lalpura, Afghanistan") keeps the place in that
country when the article names units of the other one (``incidents/_extract_merge.py``,
``_COUNTRY_AFTER``; ``incidents/_extract_places.py``, ``within_article``), and an actor
that closes an apposition before a passive casualty verb ("X, a commander of the TTP,
was killed in an airstrike") is the victim, not the striker
(``incidents/_extract_events.py``, ``_VICTIM``)."""

from __future__ import annotations

import pytest

from geo import Frontier
from incidents.extract import extract

DATE = "2023-08-17"
PAK_UNITS = (
    " He was once the group's shadow governor for the Dera Ismail Khan District in "
    "Khyber Pakhtunkhwa, Pakistan."
)

CASES = [
    # sentence, country of the row's place, its kind, its initiator
    (
        "Asad Afridi, a key commander within the Tehreek-e-Taliban Pakistan's (TTP) "
        "Jamaatul Ahrar faction, was reportedly killed in an airstrike in Lalpura, "
        "Afghanistan, on Thursday." + PAK_UNITS,
        "AF",
        "air_strike",
        "Military Forces of Pakistan",
    ),
    # without the country, the article's Pakistani units read the bare name there
    (
        "Asad Afridi, a key commander of the TTP, was killed in an attack in Lalpura "
        "on Thursday." + PAK_UNITS,
        "PK",
        "attack",
        None,
    ),
    # the actor is the subject of the active verb: the striker
    (
        "TTP militants, armed with rockets, attacked a check post in Bajaur, Pakistan, "
        "on Thursday.",
        "PK",
        "attack",
        "TTP (Tehrik-i-Taliban Pakistan)",
    ),
]


@pytest.mark.parametrize(("text", "country", "kind", "actor"), CASES)
def test_apposed_country_and_victim(text: str, country: str, kind: str, actor: str | None) -> None:
    rows = extract(text, article_date=DATE)
    assert len(rows) == 1
    r = rows.iloc[0]
    side = Frontier.default().locate(
        ([float(r["longitude"])], [float(r["latitude"])]), crossings=False, admin=False
    )["side"]
    assert side.iloc[0] == country
    assert r["event_kind"] == kind
    got = r["actor1"] if isinstance(r["actor1"], str) else None
    if actor is not None:
        assert got == actor
