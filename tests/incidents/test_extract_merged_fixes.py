"""Fixes of general causes found in the merged extraction work (paraphrased text).

* a fresh closure told in the present perfect ("has been shut") is news, not a
  lasting state (only "had been", or "has been shut for weeks / since" is);
* the harm of a closure ("disrupting daily life") is no routine closure;
* a closure told as the consequence of fighting ("... were sealed after the
  clashes", "the violence forced the closure of ...") is dated after that
  fighting, not by an aside told between them.
"""

from __future__ import annotations

import datetime as dt

import pytest

from incidents._extract_consequence import consequence_noun
from incidents.extract import extract

DAY = "2025-03-18"  # a Tuesday


def _closures(text: str) -> list[tuple[str, dt.date, dt.date]]:
    df = extract(text, article_date=DAY)
    if df.empty:
        return []
    rows = df[df["event_kind"] == "border_closure"]
    out = []
    for _, r in rows.iterrows():
        d1 = r["date_end"] if str(r["date_end"]) != "NaT" else r["date"]
        out.append((str(r["location"]), r["date"].date(), d1.date()))
    return out


@pytest.mark.parametrize(
    ("text", "closed"),
    [
        ("Officials said the Ghulam Khan crossing has also been shut because of the unrest.", True),
        ("The Torkham crossing has been closed, a customs officer said.", True),
        ("Traders said the Chaman crossing has now been sealed.", True),
        ("The Torkham crossing has been closed for two weeks.", True),
        ("The Chaman crossing has been shut since last month.", False),
        ("The Torkham crossing had been closed before the talks.", False),
        ("The Chaman crossing remained closed.", True),
    ],
)
def test_present_perfect_closure_is_news(text: str, closed: bool) -> None:
    assert bool(_closures(text)) is closed


@pytest.mark.parametrize(
    ("text", "closed"),
    [
        ("Torkham was shut on Monday after the firing, hurting daily life in the valley.", True),
        ("The Chaman crossing was closed on Monday, cutting off daily wage earners.", True),
        ("The Torkham crossing is closed daily at 6 pm.", False),
        ("Guards close the Chaman gate daily for the night.", False),
    ],
)
def test_daily_harm_is_no_routine(text: str, closed: bool) -> None:
    assert bool(_closures(text)) is closed


@pytest.mark.parametrize(
    ("sentence", "noun"),
    [
        ("Crossings were sealed after the overnight clashes.", "clash"),
        ("The crossing was shut in the wake of the fighting.", "fighting"),
        ("The violence forced the closure of two crossings.", "violence"),
        ("The exchange of fire led to the closure of the gate.", "exchange"),
        ("Crossings were sealed on Monday.", None),
        ("Crossings were sealed as traders protested.", None),
    ],
)
def test_consequence_noun(sentence: str, noun: str | None) -> None:
    assert consequence_noun(sentence) == noun


@pytest.mark.parametrize(
    "aside",
    [
        "Last week, Pakistani jets struck targets in Kabul, the Taliban said.",
        "Earlier in the week, Pakistan bombed the capital Kabul.",
        "Islamabad has not confirmed the figures.",
    ],
)
@pytest.mark.parametrize(
    "closing",
    [
        "Crossings at Torkham and Chaman were sealed after the clashes, hurting trade.",
        "The fighting forced the closure of the Torkham and Chaman crossings.",
        "Both the Torkham and Chaman crossings were shut following the exchange of fire.",
    ],
)
def test_consequence_closure_dated_after_the_fighting(aside: str, closing: str) -> None:
    text = (
        "Officials said Afghan forces opened fire on posts in Kurram late on Sunday.\n"
        + aside
        + "\n"
        + closing
    )
    rows = _closures(text)
    assert {r[0].split()[0] for r in rows} == {"Torkham", "Chaman"}
    for _, d0, d1 in rows:
        # from the clash's day (not the aside's) to the morning after it
        assert (d0, d1) == (dt.date(2025, 3, 16), dt.date(2025, 3, 17))


def test_closure_with_its_own_day_keeps_it() -> None:
    text = (
        "Afghan forces opened fire on posts in Kurram late on Sunday.\n"
        "The Torkham crossing was closed on Monday morning following the clash."
    )
    rows = _closures(text)
    assert rows and all(d0 == dt.date(2025, 3, 17) for _, d0, _ in rows)


# -- a border town told as "in" the unit across the line from it ----------------


def _place(text: str) -> tuple[str, float, float, float]:
    df = extract(text, article_date=DAY)
    assert len(df) == 1
    r = df.iloc[0]
    return (
        str(r["matched_name"]),
        float(r["latitude"]),
        float(r["longitude"]),
        float(r["uncertainty_km"]),
    )


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "Afghan forces attacked posts in the Spin Boldak area of Balochistan on Monday.",
            "Spin Boldak",
        ),
        (
            "Taliban fighters raided a post in the Spin Boldak area of Pakistan's Balochistan "
            "province on Monday.",
            "Spin Boldak",
        ),
        ("Afghan troops fired on the Angoor Adda area of Paktika province on Monday.", "Angur Ada"),
        ("Shells landed in the Ghulam Khan area of Khost on Monday.", "Ghulam Khan"),
    ],
)
def test_border_town_across_the_line_is_kept(text: str, town: str) -> None:
    name, _, _, radius = _place(text)
    assert name == town and radius <= 25.0


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # towns far from the line are not told by a stretch of border: the unit stays
        (
            "Gunmen attacked a checkpoint in the Kandahar city area of Balochistan on Monday.",
            "Balochistan",
        ),
        ("Gunmen attacked a checkpoint in the Zhob area of Paktika on Monday.", "Paktika"),
        (
            "Militants attacked a police post in the Jalalabad area of Khyber district on Monday.",
            "Khyber",
        ),
    ],
)
def test_inland_town_in_a_wrong_unit_falls_back(text: str, unit: str) -> None:
    assert _place(text)[0] == unit


def test_across_line_rules() -> None:
    from incidents._extract_across import across_line
    from incidents.geocode import Match

    balochistan = Match(
        name="Balochistan",
        lat=28.32,
        lon=65.89,
        method="admin1",
        uncertainty_km=491.7,
        country="PK",
    )
    border_town = Match(name="T", lat=31.006, lon=66.40, method="gazetteer", country="AF")
    inland_town = Match(name="K", lat=31.61, lon=65.71, method="gazetteer", country="AF")
    own_side = Match(name="C", lat=30.92, lon=66.45, method="gazetteer", country="PK")
    assert across_line(border_town, balochistan)
    assert not across_line(inland_town, balochistan)  # ~100 km from the line
    assert not across_line(own_side, balochistan)  # same country: a namesake question
    ambiguous = Match(**{**border_town.__dict__, "ambiguous": True})
    assert not across_line(ambiguous, balochistan)
    small = Match(**{**balochistan.__dict__, "uncertainty_km": 50.0})
    assert not across_line(border_town, small)  # outside the unit's circle


# -- the passive agent of the deed in a later sentence --------------------------


@pytest.mark.parametrize(
    ("sentence", "agent"),
    [
        ("Officials said the bombing was carried out by the banned TTP.", "TTP"),
        ("The raid was perpetrated by Fitna al-Khawarij, police said.", "TTP"),
        ("Police believe the ambush was orchestrated by the Pakistani Taliban.", "TTP"),
        ("The attack was masterminded by the outlawed Jamaat-ul-Ahrar.", "TTP"),
        ("A search operation was carried out by the army.", None),  # an army: no claim
        ("The attack was condemned by the TTP's rivals.", None),
    ],
)
def test_passive_agent_is_a_claim(sentence: str, agent: str | None) -> None:
    from incidents._extract_lex import TTP
    from incidents._extract_responsibility import attributions

    got = [a.agent for a in attributions(sentence) if a.how == "claim"]
    assert got == ([] if agent is None else [TTP])


@pytest.mark.parametrize(
    "second",
    [
        "Officials said the attack was carried out by the banned Tehreek-e-Taliban Pakistan.",
        "According to police, the assault was reportedly perpetrated by the TTP.",
    ],
)
def test_later_passive_agent_sets_the_side(second: str) -> None:
    text = (
        "A suicide bomber blew himself up at a police post in Bannu on Monday, killing three.\n"
        + second
    )
    df = extract(text, article_date=DAY)
    assert len(df) == 1
    assert "Taliban" in str(df.iloc[0]["actor1"]) or "TTP" in str(df.iloc[0]["actor1"])


# -- a dateline in mixed case is the date of the report, not of the event ---------


@pytest.mark.parametrize(
    ("text", "date_text"),
    [
        ("Islamabad, March 18: Troops clashed with militants.", "March 18"),
        ("New Delhi, Mar 18: Fighting broke out on the border.", "Mar 18"),
        ("Peshawar, Mar 18 (Agency) Gunmen attacked a post.", "Mar 18"),
        ("Kabul/Islamabad, 18 March 2025 — Fighting erupted overnight.", "18 March 2025"),
        ("KABUL, Mar 18 (Wire) - Fighting erupted overnight.", "Mar 18"),
        ("Islamabad said on March 18 that troops clashed with militants.", None),
        ("Pakistan and Afghanistan, the two neighbours, traded fire.", None),
    ],
)
def test_mixed_case_dateline(text: str, date_text: str | None) -> None:
    from incidents._extract_text import dateline

    got = dateline(text)
    assert (got.date_text if got else None) == date_text


def test_dateline_day_does_not_date_the_event() -> None:
    text = (
        "Quetta, March 18: Two soldiers were killed in clashes near Chaman, the army said.\n"
        "The militants attacked the post on the night of March 15-16, it said."
    )
    df = extract(text, article_date=DAY)
    assert len(df) == 1
    assert df.iloc[0]["date"].date() <= dt.date(2025, 3, 16)


# -- "closed the border crossing": the crossing told before ------------------------


@pytest.mark.parametrize(
    ("first", "second", "crossing"),
    [
        (
            "Guards traded fire at the Chaman crossing on Sunday.",
            "The firing led to the closure of the border crossing.",
            "Chaman",
        ),
        (
            "Guards traded fire on the Torkham border on Monday.",
            "Officials sealed the crossing on Monday evening.",
            "Torkham",
        ),
        (
            "Shots were fired at the Ghulam Khan crossing on Sunday.",
            "Angry officials shut the border crossing on Monday.",
            "Ghulam Khan",
        ),
    ],
)
def test_closed_definite_crossing_refers_back(first: str, second: str, crossing: str) -> None:
    df = extract(first + "\n" + second, article_date=DAY)
    closures = df[df["event_kind"] == "border_closure"]
    assert len(closures) == 1
    assert str(closures.iloc[0]["matched_name"]).startswith(crossing)


def test_closed_definite_crossing_without_antecedent_is_no_row() -> None:
    df = extract("Officials shut the border crossing on Monday.", article_date=DAY)
    assert df.empty  # "the border crossing" with nothing to refer back to: too vague


# -- "between X and Y" is a range: its lower bound counts --------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Between 15 and 20 militants were killed in the raid.", 15),
        ("Between eight and ten fighters died in the shelling.", 8),
        ("Between fifteen and twenty insurgents were killed.", 15),
        ("Between 30 and 40 people were injured in the blast.", 30),
        ("15 to 20 Taliban were killed.", 15),
        ("Talks between 2 sides failed; four soldiers were killed.", 4),
    ],
)
def test_between_range_counts_its_lower_bound(sentence: str, value: int) -> None:
    from incidents._extract_counts import counts_in

    got = counts_in(sentence)
    assert got and got[0].value == value


# -- "a day earlier" keeps the anchor's one-day uncertainty --------------------------

_D = dt.date


@pytest.mark.parametrize(
    ("sentence", "previous", "window"),
    [
        # an anchor of "that night or the next day": the day before is uncertain too
        (
            "It followed a bombing in Quetta a day earlier.",
            (_D(2025, 3, 16), _D(2025, 3, 17)),
            (_D(2025, 3, 15), _D(2025, 3, 16)),
        ),
        (
            "Two days later, militants struck again.",
            (_D(2025, 3, 10), _D(2025, 3, 11)),
            (_D(2025, 3, 12), _D(2025, 3, 13)),
        ),
        # a one-day anchor gives one day
        (
            "A day later, the crossing was shut.",
            (_D(2025, 3, 10), _D(2025, 3, 10)),
            (_D(2025, 3, 11), _D(2025, 3, 11)),
        ),
        # a wide anchor (a week, a month) keeps its width: the day counted from it is
        # any of its days moved on (its first day alone would miss the true one)
        (
            "Two days later, militants struck again.",
            (_D(2025, 3, 3), _D(2025, 3, 9)),
            (_D(2025, 3, 5), _D(2025, 3, 11)),
        ),
    ],
)
def test_day_counted_from_an_uncertain_anchor(
    sentence: str, previous: tuple[dt.date, dt.date], window: tuple[dt.date, dt.date]
) -> None:
    from incidents._extract_dates import find_dates

    spans = [d for d in find_dates(sentence, _D(2025, 3, 18), previous=previous) if d.first]
    assert spans and (spans[0].first, spans[0].last) == window


@pytest.mark.parametrize(
    ("sentence", "window"),
    [
        # the event told after "came a day after" is the day before the anchor
        ("The strike came a day after a bombing in Quetta.", (_D(2025, 3, 9), _D(2025, 3, 9))),
        (
            "The raid followed just two days after an ambush in Zhob.",
            (_D(2025, 3, 8), _D(2025, 3, 8)),
        ),
        # the plain reading is unchanged
        ("A day after the strike, militants attacked Zhob.", (_D(2025, 3, 11), _D(2025, 3, 11))),
        ("Two days later, militants attacked Zhob.", (_D(2025, 3, 12), _D(2025, 3, 12))),
    ],
)
def test_came_a_day_after_dates_the_earlier_event(
    sentence: str, window: tuple[dt.date, dt.date]
) -> None:
    from incidents._extract_dates import find_dates

    prev = (_D(2025, 3, 10), _D(2025, 3, 10))
    spans = [d for d in find_dates(sentence, _D(2025, 3, 18), previous=prev) if d.first]
    assert spans and (spans[0].first, spans[0].last) == window
