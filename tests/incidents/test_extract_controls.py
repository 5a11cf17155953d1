"""Table-driven tests of words of violence that report no incident (issue 17,
:mod:`incidents._extract_controls`): a labour strike, firing in the air, the attack
of an anniversary or a memory, deaths of an accident, and the venue where an
official spoke about an event elsewhere.  The negative controls of the article
benchmark (trade, refugees, polio, cricket, court cases, briefings) use these words.

Every sentence is a paraphrase written for the test (no published text).  Each
table pairs the non-events with near sentences that still report an incident, so
that a rule reading too much fails here.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from incidents._extract_controls import accidental, non_event, speech_venue
from incidents._extract_lex import triggers_in
from incidents.extract import extract

DATE = "2025-06-10"


def rows(text: str) -> pd.DataFrame:
    return extract(text, article_date=DATE)


def _first(sentence: str, word: str) -> tuple[int, int]:
    m = re.search(rf"\b{word}\b", sentence)
    assert m is not None, word
    return m.start(), m.end()


# -- non_event: one trigger word in its sentence ----------------------------------

NON_EVENTS = [
    # (sentence, trigger word, kind, reason)
    (
        "Officials raided warehouses on Monday in search of hoarded flour.",
        "raided",
        "attack",
        "seizure",
    ),
    (
        "Police raided homes in the camp to check for unregistered Afghan nationals.",
        "raided",
        "attack",
        "seizure",
    ),
    (
        "Customs staff seized 300 kg of heroin hidden in a lorry.",
        "seized",
        "armed_clash",
        "seizure",
    ),
    (
        "Levies captured three suspected smugglers near the pass.",
        "captured",
        "armed_clash",
        "seizure",
    ),
    (
        "The corps seized a tanker of smuggled diesel at the checkpoint.",
        "seized",
        "armed_clash",
        "seizure",
    ),
    ("The brigade held firing drills in the valley on Monday.", "firing", "armed_clash", "drill"),
    ("A live-fire exercise was held near the cantonment.", "fire", "armed_clash", "drill"),
    (
        "Teams cleared landmines from farmland near the village.",
        "landmines",
        "bombing",
        "mine clearance",
    ),
    (
        "Health workers are fighting polio in the tribal districts.",
        "fighting",
        "armed_clash",
        "figurative fighting",
    ),
    (
        "The Taliban banned kite-fighting in the city.",
        "fighting",
        "armed_clash",
        "figurative fighting",
    ),
    (
        "Police arrested a suspect in the mosque bombing on Monday.",
        "bombing",
        "bombing",
        "recollection",
    ),
    (
        "A documentary about the school attack was screened abroad.",
        "attack",
        "attack",
        "recollection",
    ),
    (
        "Goods traffic stopped at the crossing because of a strike by truckers.",
        "strike",
        "air_strike",
        "labour strike",
    ),
    (
        "Shopkeepers in the town observed a shutter-down strike on Tuesday.",
        "strike",
        "air_strike",
        "labour strike",
    ),
    (
        "Customs agents went on strike against the new tax on Monday.",
        "strike",
        "air_strike",
        "labour strike",
    ),
    (
        "The porters' strike entered its third day at the border terminal.",
        "strike",
        "air_strike",
        "labour strike",
    ),
    (
        "Guests were warned against firing in the air at weddings.",
        "firing",
        "armed_clash",
        "firing in the air",
    ),
    (
        "Police arrested six men for celebratory gunfire after the match.",
        "gunfire",
        "armed_clash",
        "firing in the air",
    ),
    (
        "Fans were told that shooting into the air would be punished.",
        "shooting",
        "armed_clash",
        "firing in the air",
    ),
    (
        "The tenth anniversary of the school attack was marked with prayers.",
        "attack",
        "attack",
        "recollection",
    ),
    (
        "Speakers recalled the bombing that had torn through the market.",
        "bombing",
        "bombing",
        "recollection",
    ),
    (
        "A ceremony was held in memory of those who died in the suicide attack.",
        "attack",
        "attack",
        "recollection",
    ),
]

EVENTS = [
    # near sentences that still report an incident: no reason
    ("Militants raided a checkpost and killed two guards.", "raided", "attack"),
    ("Gunmen raided shops in the bazaar, killing a trader.", "raided", "attack"),
    ("Militants raided a bus near Zhob and killed nine passengers.", "raided", "attack"),
    ("Militants destroyed houses of the survey team in Tank on Monday.", "destroyed", "attack"),
    ("Taliban fighters seized a border post after heavy firing.", "seized", "armed_clash"),
    ("Militants captured the district headquarters on Sunday.", "captured", "armed_clash"),
    ("Troops came under heavy firing near the post on Monday.", "firing", "armed_clash"),
    ("A landmine exploded under a tractor, killing two farmers.", "landmine", "bombing"),
    ("Heavy fighting broke out near the crossing on Sunday.", "fighting", "armed_clash"),
    ("Kabul accused Islamabad of the bombing of a camp on Monday.", "bombing", "bombing"),
    ("The perpetrator of the suicide attack on Monday had come from abroad.", "attack", "attack"),
    ("Officials want the culprits of the firing handed over.", "firing", "armed_clash"),
    ("A drone strike hit a compound in the district on Monday.", "strike", "air_strike"),
    ("Jets carried out a strike on a hideout near the border.", "strike", "air_strike"),
    ("Gunmen opened firing on a police van on Sunday.", "firing", "armed_clash"),
    ("Troops returned fire after shots were fired at the post.", "shots", "armed_clash"),
    ("Militants stormed the checkpost and the attack lasted two hours.", "attack", "attack"),
    ("Officials said the bombing killed four people at the market.", "bombing", "bombing"),
]


@pytest.mark.parametrize(("sentence", "word", "kind", "reason"), NON_EVENTS)
def test_non_event_reasons(sentence: str, word: str, kind: str, reason: str) -> None:
    start, end = _first(sentence, word)
    assert non_event(sentence, start, end, kind) == reason


@pytest.mark.parametrize(("sentence", "word", "kind"), EVENTS)
def test_events_are_kept(sentence: str, word: str, kind: str) -> None:
    start, end = _first(sentence, word)
    assert non_event(sentence, start, end, kind) is None


def test_labour_strike_is_no_trigger_but_air_strike_is() -> None:
    assert not any(t.violent for t in triggers_in("A strike by transporters halted trade."))
    assert any(t.kind == "air_strike" for t in triggers_in("A strike hit a house in the valley."))


# -- accidental: deaths and damage without violence --------------------------------

ACCIDENTS = [
    ("A passenger van overturned on the highway, killing seven people.", True),
    ("Five people died when a fire broke out in the bazaar and destroyed shops.", True),
    ("Two children drowned in the canal on Friday.", True),
    ("A road accident near the pass left three dead.", True),
    ("A gas cylinder explosion killed two people in a hotel.", True),
    ("Eight miners died after a mine collapsed in the hills.", True),
    # violence with an accident word in the sentence: not accidental
    ("Militants attacked a convoy and the lead vehicle overturned, killing four.", False),
    ("Shelling hit a house and a fire broke out, killing a woman.", False),
    ("A house collapsed after it was targeted, killing two.", False),
    ("Gunmen killed three people on the road.", False),
]


@pytest.mark.parametrize(("sentence", "expected"), ACCIDENTS)
def test_accidental(sentence: str, expected: bool) -> None:
    assert accidental(sentence) is expected


# -- speech_venue: where an official spoke ------------------------------------------

VENUES = [
    ("Responding to the queries of reporters in ", True),
    ("Talking to newsmen at ", True),
    ("Addressing a ceremony in ", True),
    ("while briefing the media here in ", True),
    ("Speaking at a seminar in ", True),
    ("Replying to questions from journalists in ", True),
    ("he told a seminar in ", True),
    ("In an interview with The Associated Press in ", True),
    ("At a news conference in ", True),
    ("the minister said, in an exclusive interview with Reuters at ", True),
    # the scene of an event, not the venue of a statement
    ("Militants attacked journalists in ", False),
    ("A bomb went off at a ceremony in ", False),
    ("Troops clashed with fighters in ", False),
    ("He said the attack in ", False),
    ("A bomb went off during a news conference in ", False),
    ("Gunmen attacked the journalists after an interview in ", False),
]


@pytest.mark.parametrize(("left", "expected"), VENUES)
def test_speech_venue(left: str, expected: bool) -> None:
    assert (speech_venue(left) is not None) is expected


# -- end to end: control sentences make no row, events still do ---------------------

CONTROLS = [
    "Exports through Torkham stopped on Monday because of a strike by transporters.",
    "Celebratory gunfire in Kandahar after the win will be punished, the ministry said.",
    "On Monday, mourners in Peshawar marked the anniversary of the attack on the school.",
    "Addressing a function in Quetta on Monday, the governor recalled the attack in Chaman.",
    "A fire broke out in a market in Landi Kotal on Sunday, destroying twenty shops.",
    "A road accident in Khyber district killed five people on Monday.",
    "Customs officials seized 400 kilograms of hashish at Torkham on Monday.",
    "The Frontier Corps held firing exercises in Kurram on Monday.",
    "Deminers cleared landmines in Kandahar province on Monday.",
    "The Taliban banned kite fighting in Kandahar on Monday.",
    "Police raided shops in Peshawar on Monday to check for Afghans without documents.",
    "The army on Saturday started surveying the houses destroyed during Operation Zarb in "
    "North Waziristan.",
    "Officials began paying compensation for shops damaged in the military operation in "
    "Bajaur on Monday.",
    "Engineers are repairing the bridges destroyed in the fighting in Kurram last year.",
    "Customs officials raided a passenger train at the Peshawar railway station on Monday "
    "and seized a large quantity of smuggled cloth.",
    "Excise staff raided two trucks near Landi Kotal on Monday and confiscated contraband "
    "cigarettes worth Rs5 million.",
    "A suspect in the bombing of a mosque in Peshawar was arrested in Nowshera on Monday.",
    # what a team is sent to look into (NP4, a negative control of wave 74)
    "A government team is in Kandahar province to probe recent rocket attacks on Spin Boldak.",
    "The delegation visited Kurram on Monday to assess the attacks on the convoys.",
]


@pytest.mark.parametrize("text", CONTROLS)
def test_control_sentences_make_no_row(text: str) -> None:
    assert len(rows(text)) == 0


def test_statement_venue_is_not_a_second_scene() -> None:
    text = (
        "Replying to questions from journalists in Islamabad on Friday about the attack "
        "on border posts in Bajaur, the spokesperson said Kabul had been told."
    )
    df = rows(text)
    places = " ".join(df["location"].astype(str))
    assert "Bajaur" in places
    assert "Islamabad" not in places


EVENT_TEXTS = [
    ("A drone strike hit a house in Paktika on Monday, killing four people.", "Paktika"),
    ("Gunmen opened fire on a checkpost in Bajaur on Monday, killing two soldiers.", "Bajaur"),
    ("A roadside bomb struck a police van in Bannu on Monday, and the van overturned.", "Bannu"),
    ("Traders said on Monday that a mortar shell hit a market in Chaman, killing three.", "Chaman"),
]


@pytest.mark.parametrize(("text", "place"), EVENT_TEXTS)
def test_events_still_make_rows(text: str, place: str) -> None:
    df = rows(text)
    assert df["location"].astype(str).str.contains(place).any()


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # an operation told only as what is claimed around other news is its backdrop
        (
            "A jirga convened at Bara Bazaar on Saturday called for relief for families "
            "displaced from the Tirah Valley amid disputed claims of a counterterrorism "
            "operation.",
            0,
        ),
        # the operation told as news
        (
            "Security forces launched a counterterrorism operation in the Tirah Valley on "
            "Saturday, killing four militants.",
            1,
        ),
    ],
)
def test_amid_claims_is_a_backdrop(text: str, n: int) -> None:
    assert len(extract(text, article_date="2026-01-31")) == n


def test_a_pronoun_cause_is_the_same_event() -> None:
    # "after they opened fire": the deed of the sentence's own agent, not an earlier cause
    rows = extract(
        "Pakistani security forces killed one person after they opened fire on protesters "
        "gathered at the Chaman border-crossing point in a fatal clash.",
        article_date="2024-05-05",
    )
    assert [(r.matched_name, r.fatalities) for r in rows.itertuples()] == [("Chaman", 1)]


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # what a measure is for is no event
        (
            "The fencing had been started to block militant infiltration, smuggling and "
            "other illegal crossings on the Pakistan-Afghanistan border.",
            0,
        ),
        # a crossing closed to one group for want of papers is a documents rule
        (
            "Taliban authorities in Nangarhar announced the closure of Torkham crossing for "
            "Afghan patients without passports and Pakistani visas.",
            0,
        ),
        # the crossing closed to everyone is a closure (and the exchange of fire it is
        # blamed on, at the crossing)
        (
            "Taliban authorities in Nangarhar announced the closure of Torkham crossing on "
            "Monday after an exchange of fire.",
            2,
        ),
    ],
)
def test_purposes_and_document_rules(text: str, n: int) -> None:
    assert len(extract(text, article_date="2024-03-12")) == n


# -- "the violence erupted/spread": a clash told by its spread (issue 17, LL5) ------

VIOLENCE = [
    # (sentence, whether it reports a clash)
    ("The violence erupted on Sunday in the Boshehra area of Kurram, killing five.", True),
    ("The violence spread to Alizai on Monday, officials said.", True),
    ("Violence against women rose in Peshawar last year, a report said.", False),
    ("Officials in Quetta condemned the violence on Monday.", False),
]


@pytest.mark.parametrize(("text", "clash"), VIOLENCE)
def test_violence_that_erupted_or_spread_is_a_clash(text: str, clash: bool) -> None:
    df = extract(text, article_date="2024-09-30")
    kinds = set(df["event_kind"]) if len(df) else set()
    assert ("armed_clash" in kinds) is clash, (text, kinds)


def test_wire_day_after_a_place_is_no_part_of_its_name() -> None:
    """AP style drops "on" before a weekday ("killed in Bannu Sunday"): the day is not
    glued to the town's name (which left the sentence with no place)."""
    got = rows("Gunmen attacked a police post in Bannu Sunday, killing two policemen.")
    assert list(got["location"]) == ["Bannu"]
    assert list(got["fatalities"]) == [2]


def test_an_attack_only_condemned_is_the_news_of_an_article_with_no_other() -> None:
    """A statement is news of the attack it condemns when the article tells that attack
    no other way (NF7, wave 72); beside a violent row of its own, or when the attack is
    older than a few days, the condemned attack stays a topic."""
    alone = rows(
        "The interior minister on Thursday strongly condemned the terror attack carried out "
        "by militants in the Takhti Khel area of Lakki Marwat."
    )
    assert list(alone["event_kind"]) == ["attack"]
    beside = rows(
        "Drones struck Barmal district on Monday, killing four people. The ministry also "
        "condemned the attacks in Khost."
    )
    assert "Khost" not in " ".join(beside["location"])
    older = rows("The assembly condemned the bombing in Peshawar last month.")
    assert len(older) == 0
