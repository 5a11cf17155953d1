"""Clause-level rules found failing on unseen real articles (ids F.. of
``tests/incidents/data/articles.jsonl``), each tested on paraphrased sentences:

* a counterattack / retaliatory operation is an event of its own, so the places of
  the cause named after it ("following airstrikes in X and Y") stay with that cause;
* an office's statement made on a day ("the media wing in X on Monday said") is a seat;
* a casualty summary is folded into an incident only from a coarser unit: two
  districts of one province are two sites;
* a place read inside a unit ("the Kalash region of Chitral") restates a row placed
  at that unit;
* a coarser row restating one incident brings its counts (the larger total, or each
  group's larger count), but a toll over several incidents does not;
* a backdrop ("at a time when talks in X had ended") is not an event.
"""

from __future__ import annotations

import pytest

from incidents._extract_counts import Count
from incidents._extract_lex import triggers_in
from incidents._extract_merge import combine_counts
from incidents.extract import extract

DAY = "2025-10-14"


def _rows(text: str) -> list[tuple[str, str, object]]:
    df = extract(text, article_date=DAY, min_confidence=0)  # the rule, not the cut
    return [
        (str(r["matched_name"]), str(r["event_kind"]), r["fatalities"]) for _, r in df.iterrows()
    ]


@pytest.mark.parametrize(
    ("sentence", "word", "kind"),
    [
        ("Afghan forces launched a counterattack on border posts.", "counterattack", "attack"),
        ("The counter-attack by Taliban fighters lasted hours.", "counter-attack", "attack"),
        (
            "Retaliatory operations by the Afghan army ended at midnight.",
            "Retaliatory operations",
            "attack",
        ),
        ("Troops mounted a counter-offensive in the valley.", "counter-offensive", "attack"),
    ],
)
def test_counterattack_words_are_attacks(sentence: str, word: str, kind: str) -> None:
    found = [(sentence[x.start : x.end], x.kind) for x in triggers_in(sentence)]
    assert (word, kind) in found


@pytest.mark.parametrize(
    "sentence",
    [
        "The counterterrorism department registered a case.",
        "Officials discussed counter-narcotics cooperation.",
    ],
)
def test_counter_words_that_are_not_events(sentence: str) -> None:
    assert not [x for x in triggers_in(sentence) if x.kind == "attack"]


@pytest.mark.parametrize(
    ("text", "not_places"),
    [
        (
            "Taliban fighters launched a counterattack on Pakistani posts following "
            "Pakistan's airstrikes in Khost and Paktika provinces.",
            {"Khost", "Khōst", "Paktika"},
        ),
        (
            "Afghan forces mounted a counter-offensive on border positions after recent "
            "air strikes in Kunar province.",
            {"Kunar"},
        ),
    ],
)
def test_places_of_the_cause_stay_with_the_cause(text: str, not_places: set[str]) -> None:
    assert not {name for name, _, _ in _rows(text)} & not_places


@pytest.mark.parametrize(
    ("text", "site", "seat"),
    [
        (
            "The army's media wing in Rawalpindi on Monday said five militants were killed "
            "in an operation in Bajaur.",
            "Bajaur",
            "Rawalpindi",
        ),
        (
            "Officials in Peshawar on Tuesday said three soldiers were killed in an attack "
            "in Kurram.",
            "Kurram",
            "Peshawar",
        ),
        (
            "The provincial government in Kandahar late Sunday said rockets hit Spin Boldak.",
            "Spin Boldak",
            "Kandahar",
        ),
    ],
)
def test_statement_of_an_office_on_a_day_is_a_seat(text: str, site: str, seat: str) -> None:
    names = {name for name, _, _ in _rows(text)}
    assert site in names
    assert seat not in names


@pytest.mark.parametrize(
    "text",
    [
        "The blast in Bajaur on Monday claimed five lives.",
        "Clashes in Bajaur on Monday killed five people, officials said.",
    ],
)
def test_an_event_on_a_day_keeps_its_place(text: str) -> None:
    assert "Bajaur" in {name for name, _, _ in _rows(text)}


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        (
            "Militants carried out a series of attacks across Khyber Pakhtunkhwa on Friday. "
            "Eleven soldiers were killed in Khyber district, while seven policemen died in a "
            "suicide attack in Dera Ismail Khan.",
            {"Khyber", "Dera Ismail Khan"},
        ),
        (
            "Gunmen attacked checkposts across Balochistan on Sunday. Four guards were killed "
            "in Zhob district, while two levies men died in an ambush in Chagai district.",
            {"Zhob", "Chagai"},
        ),
    ],
)
def test_two_districts_of_a_province_are_two_sites(text: str, sites: set[str]) -> None:
    assert sites <= {name for name, _, _ in _rows(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Four soldiers were killed when militants attacked two posts in Chitral on Wednesday. "
        "The attackers hit the posts in the Kalash region of Chitral before dawn.",
        "Militants attacked a checkpost in Chitral on Wednesday. The attack was on a post in "
        "the Kalash valley of Chitral, officials said.",
    ],
)
def test_a_place_inside_a_named_unit_restates_the_unit_row(text: str) -> None:
    violent = [r for r in _rows(text) if r[1] != "border_closure"]
    assert len(violent) == 1


def _n(which: str, value: int, group: str) -> Count:
    return Count(0, 1, which, value, group, f"{value} {group} {which}")


@pytest.mark.parametrize(
    ("have", "more", "want"),
    [
        # a headline total over unspecified people and a detail of it
        ([_n("killed", 18, "people")], [_n("killed", 46, "people")], {"killed": 46}),
        ([_n("killed", 46, "people")], [_n("killed", 18, "civilians")], {"killed": 46}),
        # two groups told in two sentences add up
        ([_n("killed", 6, "militants")], [_n("killed", 7, "forces")], {"killed": 13}),
        # a group counted in both: the larger count
        (
            [_n("killed", 2, "forces"), _n("killed", 6, "militants")],
            [_n("killed", 4, "forces")],
            {"killed": 10},
        ),
        # a kind only one report counts
        ([_n("killed", 5, "forces")], [_n("wounded", 6, "people")], {"killed": 5, "wounded": 6}),
        ([], [_n("wounded", 3, "civilians")], {"wounded": 3}),
    ],
)
def test_combine_counts(have: list[Count], more: list[Count], want: dict[str, int]) -> None:
    out = combine_counts(have, more)
    got: dict[str, int] = {}
    for n in out:
        got[n.which] = got.get(n.which, 0) + n.value
    assert got == want


@pytest.mark.parametrize(
    ("text", "place", "deaths"),
    [
        # a coarser row restating one incident: its total is that incident's
        (
            "At least 30 people were killed in Pakistani strikes on Paktika province, officials "
            "said. The strikes hit Barmal district, where 12 members of one family died.",
            "Barmal",
            30,
        ),
        # one incident of several blasts: the groups of both reports add up
        (
            "Seven soldiers were killed when six terrorists launched multiple suicide attacks "
            "on a check post in North Waziristan on Saturday. All six terrorists who attacked "
            "the post in the Mir Ali area were shot dead.",
            "Mir Ali",
            13,
        ),
        # a toll over two attacks is not the count of the one placed finer
        (
            "Five soldiers and nine militants were killed in two separate attacks in North "
            "Waziristan on Saturday. The first attack took place in Mir Ali, where four "
            "militants were killed.",
            "Mir Ali",
            4,
        ),
    ],
)
def test_counts_of_a_restatement(text: str, place: str, deaths: int) -> None:
    rows = {name: d for name, _, d in _rows(text)}
    assert rows.get(place) == deaths


@pytest.mark.parametrize(
    "text",
    [
        "The strikes came at a time when talks in Doha had ended without agreement.",
        "The attack comes at a time when negotiations in Istanbul ended in stalemate.",
        "The clashes erupted against the backdrop of failed talks in Doha.",
    ],
)
def test_a_backdrop_is_not_an_event(text: str) -> None:
    assert not [r for r in _rows(text) if r[1] == "talks"]


@pytest.mark.parametrize(
    "text",
    [
        "Talks in Doha ended on Sunday without agreement.",
        "The strikes came at a time when talks in Doha on Sunday ended without agreement.",
    ],
)
def test_dated_talks_are_kept(text: str) -> None:
    assert [r for r in _rows(text) if r[1] == "talks"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the list's toll is replaced by each place's own count
        (
            "Pakistani jets bombed houses in Khost and Paktika provinces overnight, killing "
            "nine people. Officials said two women were killed in Khost, while seven children "
            "died in Paktika.",
            {"Khōst": 2, "Paktika": 7},
        ),
        # a place the later sentence does not count keeps no share of the toll
        (
            "Drones hit homes in Kunar and Nangarhar provinces on Monday, killing 12 people. "
            "Officials said three people were killed in Kunar.",
            {"Kunar": 3},
        ),
    ],
)
def test_own_count_replaces_a_lists_toll(text: str, want: dict[str, int]) -> None:
    rows = {name: d for name, _, d in _rows(text)}
    assert {k: rows.get(k) for k in want} == want


def test_a_restated_killing_takes_the_weapon_of_the_restatement() -> None:
    text = (
        "Pakistani jets bombed houses in Khost province overnight, killing nine people. "
        "Officials said nine civilians were killed in Khost town."
    )
    kinds = {kind for _, kind, _ in _rows(text)}
    assert kinds == {"air_strike"}


@pytest.mark.parametrize(
    ("text", "after"),
    [
        (
            "Security forces have killed four more militants in Zhob district, bringing the "
            "total to 20. On the night of October 3-4, troops killed 16 militants trying to "
            "cross the border.",
            "2025-10-04",
        ),
        (
            "Two more soldiers were martyred in Kurram district, raising the death toll to "
            "seven. Five soldiers had been killed in an attack on October 2.",
            "2025-10-02",
        ),
    ],
)
def test_an_addition_comes_after_the_events_told(text: str, after: str) -> None:
    df = extract(text, article_date="2025-10-07")
    assert len(df) == 1
    assert str(df["date"].iloc[0].date()) >= after
    assert str(df["date_end"].iloc[0].date()) == "2025-10-07"


@pytest.mark.parametrize(
    ("text", "side"),
    [
        (
            "The ISPR on Wednesday evening reported a heavily armed terrorists' attack on two "
            "military posts in Chitral.",
            "TTP (Tehrik-i-Taliban Pakistan)",
        ),
        (
            "The TTP's attack on a checkpost in Bajaur killed two soldiers on Monday.",
            "TTP (Tehrik-i-Taliban Pakistan)",
        ),
        ("Afghan forces' shelling hit houses in Chaman on Sunday.", "Afghan Taliban forces"),
    ],
)
def test_the_possessor_of_the_event_word_is_its_agent(text: str, side: str) -> None:
    df = extract(text, article_date=DAY, min_confidence=0)  # the rule, not the cut
    assert list(df["actor1"]) == [side]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a military site named by its town is the town, not the province beside it
        (
            "Terrorists attacked the Pakistan Army's Zhob Garrison in Balochistan on Wednesday.",
            {"Zhob"},
        ),
        ("Militants stormed the army's Wana Fort on Monday.", {"Wana"}),
        # where soldiers are from is still not the site
        (
            "Four soldiers from the Kohat Garrison were killed in an ambush in Kurram on Monday.",
            {"Kurram"},
        ),
    ],
)
def test_a_garrison_named_by_its_town(text: str, want: set[str]) -> None:
    assert {name for name, _, _ in _rows(text)} == want


@pytest.mark.parametrize(
    ("text", "site", "route"),
    [
        (
            "Gunmen attacked a convoy in the Bagan area of Kurram on Thursday. The convoy was "
            "travelling from Peshawar to Parachinar when it came under fire.",
            "Baggan",
            {"Parachinar", "Peshawar"},
        ),
        (
            "A convoy was ambushed near Bagan on Thursday while on its way to Parachinar.",
            "Baggan",
            {"Parachinar"},
        ),
        (
            "Militants opened fire on a bus in Kurram on Monday while it was heading to "
            "Parachinar.",
            "Kurram",
            {"Parachinar"},
        ),
    ],
)
def test_where_a_convoy_was_going_is_not_the_site(text: str, site: str, route: set[str]) -> None:
    names = {name for name, _, _ in _rows(text)}
    assert site in names
    assert not names & route
