"""Word lists of :mod:`incidents.extract`: event triggers and their ACLED types,
actors (demonyms and organisations), casualty phrases and place contexts."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "EVENT_KINDS",
    "Casualties",
    "Trigger",
    "actors_in",
    "casualties_in",
    "frontier_phrases",
    "triggers_in",
]

#: The extractor's event taxonomy: kind -> (ACLED event_type, ACLED sub_event_type).
EVENT_KINDS: dict[str, tuple[str, str]] = {
    "air_strike": ("Explosions/Remote violence", "Air/drone strike"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "bombing": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "suicide_bombing": ("Explosions/Remote violence", "Suicide bomb"),
    "armed_clash": ("Battles", "Armed clash"),
    "attack": ("Battles", "Armed clash"),
    "killing": ("Violence against civilians", "Attack"),
    "border_closure": ("Strategic developments", "Other"),
    "ceasefire": ("Strategic developments", "Agreement"),
    "talks": ("Strategic developments", "Other"),
}
VIOLENT = frozenset(
    {"air_strike", "shelling", "bombing", "suicide_bombing", "armed_clash", "attack", "killing"}
)

_T: list[tuple[str, str]] = [
    (
        "air_strike",
        r"\b(?:air|aerial|drone|missile|precision)[- ]?(?:strikes?|attacks?|raids?|bombing)"
        r"|\bairstrikes?\b|\bair raids?\b|\bbombing raids?\b"
        r"|\b(?:jets|warplanes|aircraft|drones?|planes|helicopters?|gunships?)\s+(?:\w+\s+)?"
        r"(?:struck|hit|bombed|attacked|targeted|pounded|fired)\b"
        r"|\b(?:struck|bombed)\b"
        # On this frontier a bare "strike(s)" is a Pakistani air or drone strike.
        r"|\bstrikes?\b(?! (?:deal|agreement))",
    ),
    (
        "suicide_bombing",
        r"\bsuicide[- ](?:bomb(?:ing|er|ers|s)?|attacks?|blasts?|car bomb(?:ing)?)\b",
    ),
    (
        "bombing",
        r"\b(?:roadside|car|truck|remote[- ]controlled|improvised) (?:bombs?|explosive devices?)"
        r"|\bIEDs?\b|\b(?:bomb|explosive) (?:blasts?|attacks?|explosions?)\b|\bblasts?\b"
        r"|\bbombings?\b|\bexplosions?\b",
    ),
    (
        "shelling",
        r"\bshell(?:ed|ing|s)\b|\bmortars?\b|\bartillery\b|\brockets?\b|\bmissiles?\b"
        r"|\bheavy weapons\b",
    ),
    (
        "armed_clash",
        r"\bclash(?:es|ed|ing)?\b|\bfirefights?\b|\bgun ?battles?\b|\bfighting\b|\bskirmish\w*"
        r"|\bexchang(?:e|ed|es|ing) (?:of )?(?:heavy |intense |small[- ]arms |)fire\b"
        r"|\btrad(?:ed|ing) (?:heavy |)fire\b|\bopen(?:ed)? fire\b|\bexchanges of fire\b"
        r"|\bfought\b|\bhostilities\b",
    ),
    (
        "attack",
        r"\battack(?:s|ed|ing)?\b|\bassault(?:s|ed)?\b|\braid(?:s|ed)?\b|\bambush(?:ed|es)?\b"
        r"|\bstormed\b|\bcaptured\b|\bseized\b|\boverran\b|\bretaliat\w+ (?:strikes?|fire)\b",
    ),
    (
        "killing",
        r"\b(?:killed|killing|shot dead|gunned down|martyred|dead|died|wounded|injured)\b",
    ),
    (
        "border_closure",
        r"\b(?:closed|shut|sealed|closure of|closing|suspended (?:trade|traffic)|"
        r"remained closed|remain closed|stay closed|remained shut|remain shut)\b",
    ),
    (
        "ceasefire",
        r"\bcease-?fire\b|\btruce\b|\barmistice\b",
    ),
    (
        "talks",
        r"\b(?:peace |follow-up |fresh |new |further |)talks\b|\bnegotiations\b"
        r"|\bround of (?:talks|negotiations)\b|\bmediat(?:ed|ion) talks\b",
    ),
]
_TRIGGER_RX = re.compile("|".join(f"(?P<{k}>{rx})" for k, rx in _T), re.IGNORECASE)

# A ceasefire is an event only when agreed, not when merely referred to.
_AGREED = re.compile(
    r"\b(?:agree[ds]?|agreeing|signed|sign|announced|declared|reached|brokered|accepted|"
    r"extended|extend|took effect|came into effect|into force|struck|sealed|requested)\b",
    re.IGNORECASE,
)
_NOT_AGREED = re.compile(
    r"\b(?:despite|violat\w+|breach\w*|broke|collapsed?|expired?|lapsed?|ended|after|since)\b",
    re.IGNORECASE,
)
_BORDER_WORD = re.compile(r"\b(?:border|crossings?|frontier|gates?|trade routes?)\b", re.I)
# Violent words used as nouns of statements ("condemned the attacks"), not as events.
_DIPLOMATIC = re.compile(
    r"\b(?:condemn\w*|protest\w*|denounc\w*|accus\w*|warn\w*|vow\w*|threat\w*|respond to|"
    r"in response to|would be answered|blamed|denied|deny|rejected)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    text: str
    kind: str

    @property
    def violent(self) -> bool:
        return self.kind in VIOLENT

    @property
    def weak(self) -> bool:
        """A casualty word ("killed") stands for an event only when nothing else does."""
        return self.kind == "killing"


def triggers_in(sentence: str) -> list[Trigger]:
    """Event trigger words of one sentence, left to right."""
    out: list[Trigger] = []
    for m in _TRIGGER_RX.finditer(sentence):
        kind = m.lastgroup or ""
        text = m.group(0)
        if kind == "air_strike" and text.lower() in ("struck", "bombed"):
            # "struck a deal", "struck by": only a strike on something counts; and
            # "a roadside bomb struck": the verb of another weapon is not an air strike.
            after = sentence[m.end() : m.end() + 20].lower()
            if re.match(r"\s+(?:a |an )?(?:deal|agreement|accord|by|down)\b", after):
                continue
            if out and out[-1].kind != "air_strike" and m.start() - out[-1].end < 40:
                continue
        if kind == "ceasefire":
            window = sentence[max(0, m.start() - 60) : m.end() + 60]
            before = sentence[max(0, m.start() - 25) : m.start()]
            if not _AGREED.search(window) or _NOT_AGREED.search(before):
                continue
        if kind == "border_closure":
            window = sentence[max(0, m.start() - 80) : m.end() + 80]
            if not _BORDER_WORD.search(window) and not re.search(
                r"\b(?:Torkham|Chaman|Angoor|Ghulam Khan|Kharlachi)\b", window
            ):
                continue
        if kind == "talks" and re.search(r"\btalks? (?:about|of) war\b", sentence, re.I):
            continue
        out.append(Trigger(m.start(), m.end(), text, kind))
    return out


def is_diplomatic(sentence: str, trig: Trigger) -> bool:
    """Whether a violent trigger is the object of a statement ("condemned the attacks")."""
    before = sentence[max(0, trig.start - 45) : trig.start]
    return bool(_DIPLOMATIC.search(before)) and not re.search(
        r"\b(?:killed|killing|struck|hit|wounded)\b", before, re.I
    )


# -- frontier-wide phrases -------------------------------------------------------

_FRONT = r"(?:border|frontier|Durand Line|boundary)"
_LEN = r"(?:\d[\d,]*[- ](?:km|kilometre|kilometer|mile)s?(?:[- ]long)? )?"
_PAIR = (
    r"(?:(?:Afghan|Afghanistan|Pakistan|Pakistani)[- ](?:Afghan|Afghanistan|Pakistan|Pakistani) )?"
)
_STRONG = re.compile(
    rf"\b(?:all|right) along (?:the |their |its )?{_LEN}{_PAIR}(?:shared )?{_FRONT}"
    rf"|\b(?:along|across|on) (?:the |their )?(?:entire|whole|full|length of the) "
    rf"(?:length of (?:the )?)?{_LEN}{_PAIR}{_FRONT}"
    rf"|\b(?:several|multiple|many|numerous|various|dozens of|a string of|a series of) "
    rf"(?:points|places|locations|sectors|areas|fronts|posts|positions|border posts|"
    rf"military posts|army posts|checkposts) (?:along|on|across) (?:the |their )?{_LEN}{_PAIR}"
    rf"{_FRONT}"
    rf"|\b(?:border|frontier)-wide\b|\bthe length of the {_LEN}{_PAIR}{_FRONT}",
    re.IGNORECASE,
)
_WEAK = re.compile(
    # not "across the border": that is cross-border fire, not the whole frontier
    rf"\b(?:along|on) (?:the |their )?{_LEN}{_PAIR}{_FRONT}\b(?! (?:crossing|town|city|"
    rf"district|post))",
    re.IGNORECASE,
)


def frontier_phrases(sentence: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, text, strong) of phrases that put an event on the whole frontier."""
    out = [(m.start(), m.end(), m.group(0), True) for m in _STRONG.finditer(sentence)]
    for m in _WEAK.finditer(sentence):
        if not any(a <= m.start() < b for a, b, _, _ in out):
            out.append((m.start(), m.end(), m.group(0), False))
    return sorted(out)


# -- actors ------------------------------------------------------------------------

PK_MIL = "Military Forces of Pakistan"
AF_MIL = "Afghan Taliban forces"
TTP = "TTP (Tehrik-i-Taliban Pakistan)"
HGB = "Hafiz Gul Bahadur group"
CIVILIANS = "Civilians"
_UNITS = (
    r"(?:jets|warplanes|fighter jets|aircraft|drones?|forces|troops|soldiers|army|military|"
    r"security forces|artillery|air force|border guards|border forces|personnel|paramilitar\w*|"
    r"gunners|fighters|army posts|military posts|border posts|posts|checkposts|positions|"
    r"authorities|side|gunship\w*|helicopters?|tanks?|mortar fire|mortars?|shells|shelling|"
    r"fire|rockets?|missiles?|strikes?|air strikes?|drone strikes?|airstrikes?)"
)
_ACTORS: list[tuple[str, re.Pattern[str]]] = [
    (TTP, re.compile(r"Tehr[ei]e?k[- ][ei]-?[- ]?Taliban[- ]Pakistan|\bTTP\b|Pakistani Taliban")),
    (HGB, re.compile(r"Hafiz Gul Bahadur")),
    (
        PK_MIL,
        re.compile(
            rf"\bPakistani (?:army |military |security |border |)(?:\w+ )?{_UNITS}\b"
            rf"|\bPakistan(?:'s|’s)? (?:[Aa]rmy|[Mm]ilitary|[Aa]ir [Ff]orce|forces|troops)\b"
            rf"|\bFrontier Corps\b|\bISPR\b|\bPakistan (?=(?:struck|launched|carried out|"
            rf"bombed|shelled|attacked|hit|retaliated|targeted|"
            rf"(?:also )?said it (?:struck|hit|targeted))\b)"
        ),
    ),
    (
        AF_MIL,
        re.compile(
            rf"\bAfghan (?:Taliban |border |security |)(?:\w+ )?{_UNITS}\b|\bAfghan Taliban\b"
            rf"|\bTaliban (?:forces|fighters|troops|posts|positions|border forces|government "
            rf"forces)\b|\bAfghan side\b|\bIslamic Emirate forces\b"
        ),
    ),
    (
        CIVILIANS,
        re.compile(
            r"\b(?:civilians?|children|women|residents|villagers|families|a family|"
            r"cricketers|a woman|a child|traders|truck drivers)\b",
            re.IGNORECASE,
        ),
    ),
]


def actors_in(sentence: str) -> list[tuple[int, str]]:
    """(offset, actor) for every actor phrase, left to right."""
    out: list[tuple[int, str]] = []
    for name, rx in _ACTORS:
        for m in rx.finditer(sentence):
            if (
                name == AF_MIL
                and sentence[m.start() : m.end()].startswith("Afghan Taliban")
                and ("Pakistan" in sentence[m.end() : m.end() + 10])
            ):
                continue
            out.append((m.start(), name))
    return sorted(out)


# -- casualties ---------------------------------------------------------------------

_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "dozen": 12,
    "a dozen": 12,
    # ACLED codes vague counts conservatively; the note keeps the words.
    "dozens": 12,
    "dozens of": 12,
    "scores": 20,
    "scores of": 20,
    "several": 3,
    "hundreds": 100,
    "hundreds of": 100,
}
_NUM = (
    r"(?P<num>\d[\d,]*|dozens(?: of)?|scores(?: of)?|hundreds(?: of)?|several|a dozen|"
    r"twenty|thirty|forty|fifty|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten|an?)"
    r"(?:\s*(?:-|to|or)\s*(?P<hi>\d[\d,]*))?"
)
_QUAL = r"(?:at least |more than |over |some |about |around |nearly |almost |up to |as many as )?"
_WHO = (
    r"(?:people|persons|civilians|soldiers|troops|personnel|militants|fighters|attackers|"
    r"policemen|police(?:men)?|officers|children|women|men|guards|members|Taliban|insurgents|"
    r"terrorists|cricketers|villagers|family members|others|officials|woman|child|man|"
    r"soldier|civilian|militant|person|boy|girl|boys|girls|workers|labourers|passengers)"
)
_ADJ = r"(?:(?:[A-Za-z]+(?:-[A-Za-z]+)?) ){0,3}?"
_DEAD = r"(?:killed|killing|dead|died|martyred|slain|lost their lives|perished)"
_HURT = r"(?:wounded|injured|hurt)"


# Words between a count and its verb: no other count, no other casualty verb.
_GAP = r"(?:(?!\b(?:killed|dead|died|martyred|wounded|injured|hurt)\b)[^.;\d]){0,60}?"


# "a convoy of troops ... killing": an article is a count only right before a person noun.
_NUM_NO_A = _NUM.replace("|an?)", ")")


def _cas_rx(verb: str) -> list[re.Pattern[str]]:
    forms = [
        # "23 soldiers were killed", "12 civilians were killed by ..."
        rf"\b{_QUAL}{_NUM_NO_A} {_ADJ}{_WHO}\b{_GAP}\b(?:were |was |have been |had been |being |"
        rf"are |were reported |)(?:also )?{verb}\b",
        # "killing at least 10 people", "killed nine children"
        rf"\b{verb}(?: at least| more than| over| some| about| nearly| up to)? {_NUM} "
        rf"{_ADJ}{_WHO}\b",
        # "more than 80 wounded", "dozens killed"
        rf"\b{_QUAL}{_NUM_NO_A} {verb}\b",
        # "killing three, police said"
        rf"\b{verb}(?: at least| more than| some| about)? {_NUM_NO_A}(?=[,.;]| and\b)",
    ]
    return [re.compile(f, re.IGNORECASE) for f in forms]


def _finditer(rxs: list[re.Pattern[str]], text: str) -> list[re.Match[str]]:
    """Non-overlapping matches of several patterns, leftmost (then longest) first."""
    ms = sorted((m for rx in rxs for m in rx.finditer(text)), key=lambda m: (m.start(), -m.end()))
    out: list[re.Match[str]] = []
    for m in ms:
        if not out or m.start() >= out[-1].end():
            out.append(m)
    return out


_DEAD_RX = _cas_rx(_DEAD)
_HURT_RX = _cas_rx(_HURT)


@dataclass(frozen=True)
class Casualties:
    killed: int | None
    wounded: int | None
    phrases: tuple[str, ...]


def _value(m: re.Match[str]) -> int | None:
    s = (m.group("num") or "").lower().replace(",", "")
    if s.isdigit():
        return int(s)
    return _NUMBERS.get(s)


def casualties_in(sentence: str) -> Casualties:
    """Killed and wounded counts stated in one sentence (distinct phrases summed;
    a range "15 to 20" counts its lower bound)."""
    killed = wounded = None
    phrases: list[str] = []
    for rx, which in ((_DEAD_RX, "killed"), (_HURT_RX, "wounded")):
        total = None
        for m in _finditer(rx, sentence):
            v = _value(m)
            if v is None:
                continue
            # "nine children and a woman": count the coordinated group too.
            tail = re.match(
                rf"\s+and (?:{_NUM}) {_ADJ}{_WHO}\b", sentence[m.end() : m.end() + 40], re.I
            )
            if tail:
                w = _value(tail)
                v += w or 0
            total = (total or 0) + v
            phrases.append(f"{which}: {m.group(0).strip()!r}")
        if which == "killed":
            killed = total
        else:
            wounded = total
    return Casualties(killed, wounded, tuple(phrases))
