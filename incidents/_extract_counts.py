"""Casualty counts in news sentences: each count with its position, its verb
(killed or wounded) and the group it counts (forces, militants, civilians, people).

Rules (each pinned by a table-driven test):

* a year is never a count ("on March 3, 2024, three guards were killed" is 3);
* a count belongs to its clause: :func:`counts_in` keeps offsets so the caller can
  give each place the counts nearest to it;
* "nine children and a woman were killed" counts both groups; "six were killed
  and five others injured" does not add the injured to the dead;
* counts of different groups add up (11 soldiers martyred, 12 militants killed ->
  23), repeats of one group do not (the larger is kept), and a count of
  "people" is a total that the groups cannot exceed;
* "no casualties were reported" is a count of zero;
* vague words count conservatively (dozens -> 12); a range counts its lower
  bound; "several" is no number ("several others injured" leaves the injuries
  empty rather than inventing one);
* a breakdown is not added to its total: "nine children [five boys and four
  girls]", "ten civilians, including five boys and four girls," count 9 and 10;
  its digits are no count of their own ("19 people, among them 11 soldiers" is 19);
* a list of groups sharing one verb adds up ("five boys, four girls, and a woman
  were killed" is 10); a count with its own verb is not the subject of another
  ("killing a person and leaving three others injured" is 1 dead, 3 injured);
* "N others" are of the group counted before them, "N of them" of the group named
  before; servicemen named by rank ("Major X, 29, and Sepoy Y were martyred") count
  one each, and a number of soldiers includes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from incidents import _extract_claims as claims
from incidents import _extract_phrasing as phrasing
from incidents._extract_lex_more import BODY_MARKS, MONTH, SLAIN, TRADES
from incidents._extract_phrasing_h import gapped_groups
from incidents._extract_phrasing_k import nominal_tolls
from incidents._extract_phrasing_m import ADVERB, DEAD_MORE

__all__ = [
    "Casualties",
    "Count",
    "casualties_in",
    "counts_in",
    "fill_counts",
    "opens_clause",
    "total",
]

NUMBERS = {
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
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "dozen": 12,
    "half a dozen": 6,
    "a dozen": 12,
    # ACLED codes vague counts conservatively; the note keeps the words.
    "dozens": 12,
    "dozens of": 12,
    "scores": 20,
    "scores of": 20,
    "hundreds": 100,
    "hundreds of": 100,
}
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = r"one|two|three|four|five|six|seven|eight|nine"
_WORDNUM = (
    # "twenty-three", "two dozen", "half a dozen" before the single words they start with
    rf"(?:{_TENS})[- ](?:{_UNITS})\b|(?:two|three|four|five|half a) dozen|"
    r"dozens(?: of)?|scores(?: of)?|hundreds(?: of)?|a dozen|a hundred|"
    r"sixty|seventy|eighty|ninety|twenty|thirty|forty|fifty|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten"
)
# A four-digit 19xx/20xx is a year, never a count.
_DIGITS = r"(?!(?:19|20)\d\d\b)(?:\d{1,3}(?:,\d{3})+|\d+)"
# "15 to 20", "15-20", "Twenty-five to thirty": a range (its lower bound counts)
_HI = (
    rf"(?:\s*(?:-|to|or)\s*(?P<hi>\d+)"
    rf"|\s+(?:to|or)\s+(?P<hiw>(?:{_TENS})(?:[- ](?:{_UNITS}))?\b|(?:{_UNITS}|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b))?"
)
_NUM = rf"(?P<num>{_DIGITS}|{_WORDNUM}|an?){_HI}"
# "a convoy of troops ... killing": an article is a count only right before a person noun.
_NUM_NO_A = rf"(?P<num>{_DIGITS}|{_WORDNUM}){_HI}"
_QUAL = (
    r"(?:at least |more than |over |some |about |around |nearly |almost |up to |as many as "
    r"|another |an additional |a further )?"
)
_GROUPS = {
    "forces": (
        # ISPR: "13 brave sons of soil embraced shahadat" (before "sons", a civilian word)
        r"sons of (?:the )?(?:soil|Pakistan|the nation|the motherland)|"
        # (the longer name first: "three police officers and a civilian")
        r"soldiers?|troops|personnel|policem[ae]n|police (?:officers?|personnel|constables?)|"
        # ("nine security officials and a civilian": officials of the forces, not a total)
        r"(?:security|police|levies|border) officials|"
        r"police|officers?|guards?|servicem[ae]n|forces|"
        r"paramilitar(?:y|ies)|security forces|cops|jawans?|sepoys?|constables?|troopers?|"
        r"commandos?|rangers|recruits|cadets|(?:traffic )?wardens|levies|"
        # ranks: "a captain and a sepoy were martyred" ("a major" only as a noun)
        r"captains?|(?:lieutenant |lt\.? )?colonels?|lieutenants?|brigadiers?|"
        r"(?:lance )?naiks?|havildars?|subedars?|sub-inspectors?|"
        r"majors?"
    ),
    "militants": (
        r"militants?|fighters?|attackers?|terrorists?|insurgents?|Taliban|khawarij|"
        r"gunm[ae]n|assailants?|bombers?|khwarij|kharijis?|kharjis?|khwarjis?|infiltrators?"
    ),
    "civilians": (
        # (singular too: "killed a shopkeeper")
        r"civilians?|children|child|women|woman|men|man|boys?|girls?|villagers?|"
        r"family members|members|workers?|labou?rers?|passengers?|cricketers|cricket players|"
        r"students?|worshippers?|non-combatants|noncombatants|residents|traders?|drivers?|"
        r"infants|teenagers|youths|young men|minors|brothers|sisters|sons|daughters|relatives|"
        r"siblings|players|shopkeepers?|farmers?|labourers|tribesm[ae]n|elders|passers-?by|"
        r"passer-?by|citizens|nationals|locals|pedestrians|commuters|travell?ers|pilgrims|"
        r"bystanders?|" + TRADES + "s?|businessm[ae]n|herdsmen|famil(?:y|ies)"
    ),
    # "three more were wounded": "more" like "others", of the group counted before
    "people": r"people|persons|individuals|others|person|casualties|commanders|officials|"
    r"more(?=\s+(?:were|was|have|had|are|got|sustained|suffered|received|injured|wounded|"
    r"hurt|killed|dead|died|martyred)\b|\s*[,.;]|\s*$)",
}
_ONE = (
    r"soldier|officer|guard|policeman|border policeman|civilian|child|woman|man|boy|girl|"
    r"militant|fighter|terrorist|insurgent|attacker|assailant|kharji|khariji|khwarji|"
    r"resident|driver|person|member|commander|trader|shopkeeper|"
    r"passer-?by|bystander|policeman|cop|labou?rer|student|farmer|sepoy|jawan|"
    r"(?:head )?constable|trooper|commando|recruit|cadet|"
    r"captain|(?:lieutenant |lt\.? )?colonel|lieutenant|brigadier|(?:lance )?naik|havildar|"
    r"subedar|sub-inspector|major(?=\s*(?:,|and\b|were\b|was\b|who\b))|"
    r"(?:border |security |police |paramilitary )?(?:guard|official|personnel)|"
    r"businessman|herdsman|tribesman|" + TRADES
)
_WHO_ANY = "|".join(_GROUPS.values())
_WHO = "(?P<who>" + _WHO_ANY + ")"
_WHO_GROUP = [(g, re.compile(rf"^(?:{rx})$", re.IGNORECASE)) for g, rx in _GROUPS.items()]
# Up to three words between a number and its noun ("11 Pakistani security personnel"),
# never another number or a preposition ("three cricketers among eight people").
_ADJ = (
    # (an age is an adjective: "a five-year-old boy", "a 12-year-old girl")
    r"(?:(?:(?:\d+|[A-Za-z]+)-years?-old |"
    r"(?!(?:among|including|of|and|or|with|from|in|at|after|before|when|while|by|were|was|"
    r"have|has|had|sustained|suffered|received|got|injuries|"
    r"killed|wounded|injured|martyred|died|dead|"
    + _WORDNUM.replace("(?: of)?", "")
    + r")\b)[“\"'‘]?(?:[A-Za-z]+(?:-[A-Za-z]+)?)[”\"'’]? )){0,3}?"
)
# "five of its soldiers", "three of the guards"
_OF = r"(?:of (?:its|their|our|the|his|her) )?"
DEAD = (
    r"(?:killed|killing|martyring|dead|died|martyred|slain|lost their lives|laid down their lives|"
    r"lost (?:his|her) life|laid down (?:his|her) life|"
    r"perished|shot dead|" + DEAD_MORE + "|"
    r"embraced (?:martyrdom|shahadat)|sent to hell|neutrali[sz]ed|eliminated|eliminating|"
    r"neutrali[sz]ing)"
)
HURT = (
    r"(?:wounded|injured|hurt|wounding|injuring|got (?:critically |seriously )?(?:injured|wounded)|"
    # "nine others with injuries", "12 were shifted to hospital with injuries"
    r"(?:sustained|sustaining|got|suffered|suffering|received|receiving|with) "
    r"(?:serious |critical |minor |severe |bullet |gunshot |splinter |shrapnel |multiple |"
    r"grievous |burn |)(?:injuries|wounds)"
    r"|(?:shifted|taken|rushed|brought|admitted|moved) to (?:the |a )?(?:[\w-]+ ){0,3}?"
    r"hospitals? with (?:serious |critical |minor |severe |bullet |gunshot |multiple |)"
    r"(?:injuries|wounds))"
)
# Words between a count and its verb: no other count, no other casualty verb.
_GAP = (
    r"(?:(?!\b(?:killed|dead|died|martyred|wounded|injured|hurt|injuring|wounding|while|whereas|"
    r"lives|life|embraced|perished|slain|neutrali[sz]ed|"
    # a report of a count: "a border official reported that three soldiers were wounded"
    r"but|among(?!\s+(?:them|whom))|said(?!\s+to\b)|says|reported(?!\s+to\b)|told|"
    # what the counted did: "hundreds attended the funeral of the four who were killed"
    r"attended|attending|gathered|mourned|protested|rallied|offered|"
    # "hundreds of tribesmen had brought the body of a girl who was killed"
    r"brought|carried|buried|placed|staged|blocked)\b)"
    r"[^.;\d]){0,70}?"
)


# A gap that ends with a new subject: "two policemen in X and a roadside bomb (wounded)".
_NEW_SUBJECT = re.compile(
    r"\b(?:and|while|as|but|whereas)\s+(?:a|an|the|another|other|some|his|her|their|its)\s+"
    r"(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


# ("a woman and her two sons were killed": the verb is passive, the subjects joined)
_AUX_END = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _other_subject(sentence: str, m: re.Match[str]) -> bool:
    """Whether a count's verb, with no auxiliary before it, belongs to a new subject
    named at the end of the gap (an active verb of another clause), not to the count."""
    if "gap" not in m.re.groupindex or "verb" not in m.re.groupindex or m.group("gap") is None:
        return False
    between = sentence[m.end("gap") : m.start("verb")].strip()
    gap = m.group("gap") + " "
    return not between and not _AUX_END.search(gap) and bool(_NEW_SUBJECT.search(gap))


# A counted object right after a verb: "killed three people", "wounded a policeman".
_OBJECT_AFTER = re.compile(
    rf"\s+(?:at least |more than |over |some |about |nearly |up to |as many as |another |)"
    rf"(?:{_DIGITS}|{_WORDNUM}|an?)\s+{_ADJ}(?:{_WHO_ANY}|{_ONE})\b",
    re.IGNORECASE,
)


def _active_subject(sentence: str, m: re.Match[str]) -> bool:
    """Whether a counted subject's verb, with no auxiliary before it, is active with a
    counted object of its own: the count is of the attackers, not of the victims."""
    if "verb" not in m.re.groupindex or m.start("verb") <= m.start("num"):
        return False
    if _AUX_END.search(sentence[: m.start("verb")]):
        return False
    if not re.match(r"(?:killed|wounded|injured|martyred|shot dead)$", m.group("verb"), re.I):
        return False
    return _OBJECT_AFTER.match(sentence, m.end("verb")) is not None


# Verbs that only take the dead as their object ("claimed the lives of seven people").
_ACTIVE_DEAD = r"|kills?|(?:claimed|claiming|took|taking) the lives of"


def _forms(verb: str, *, present: bool = False) -> list[re.Pattern[str]]:
    passive = (
        verb.replace("|killing|martyring", "")
        .replace("|wounding|injuring", "")
        .replace("|eliminating|", "|")
        .replace("|neutrali[sz]ing", "")
    )
    forms = [
        # "23 soldiers were killed", "12 civilians were killed by ..."
        rf"\b{_QUAL}{_NUM_NO_A} {_OF}{_ADJ}{_WHO}\b(?P<gap>{_GAP})\b"
        rf"(?:were |was |have been |had been |being |are |"
        rf"(?:were|was|have been|had been|has been) reported |have |has |had |)"
        rf"{ADVERB}(?<!\band )"
        rf"(?P<verb>{passive})\b",  # (not "dead" in "the deadliest")
        # "four soldiers and 12 militants were killed": the first of two counted subjects
        rf"\b{_QUAL}{_NUM_NO_A} {_OF}{_ADJ}{_WHO}(?= and {_QUAL}(?:{_DIGITS}|{_WORDNUM}) "
        rf"{_OF}{_ADJ}(?:{_WHO_ANY})\b"
        rf"(?:,[^,.;]{{0,40}},| (?:from|of|belonging to) [^,.;\d]{{1,40}}?)? "
        rf"(?:were |was |have been |had been |are |)"
        rf"(?:also |reportedly |)(?:{passive})\b(?!\s+or\s+(?:were\s+)?(?:{DEAD}|{HURT})))",
        # "a paramilitary soldier was killed"
        rf"\b(?P<num>an?|one) {_ADJ}(?P<who>{_ONE})\b(?P<gap>{_GAP})\b(?:was (?:also |reportedly |)"
        rf"{ADVERB}"
        # (not "killed a woman and injured ...": the verb of another subject)
        rf"|)(?<!\band )(?P<verb>{passive})\b",
        # "killing at least 10 people", "killed nine children", "strikes kill 10 people"
        rf"\b(?P<verb>{verb}{_ACTIVE_DEAD if present else ''})"
        rf"(?: at least| more than| over| some| about| nearly| up to| another)?"
        rf"(?: her| his| their| its)? {_NUM} {_ADJ}{_WHO}\b",
        # "killing a family of five", "wounding an entire family of six"
        rf"\b(?P<verb>{verb})(?: all| an entire| the entire| a whole)?(?: members of)?"
        rf" (?:a |an |his |her |their )?(?:entire |whole )?(?P<who>family) of {_NUM_NO_A}\b",
        # "more than 80 wounded", "dozens killed"
        # ("four were seriously injured", "two critically wounded")
        rf"\b{_QUAL}{_NUM_NO_A} (?:were |was |){ADVERB}(?P<verb>{verb})\b",
        # "killing three, police said", "killed six of them"
        # ("injuring another two", "wounding a further three")
        rf"\b(?P<verb>{verb})(?: at least| more than| some| about| around| nearly| over|"
        rf" another| an additional| a further)?"
        rf" {_NUM_NO_A}(?: or more)?"
        r"(?=[,.;]| and\b|\s*$| of (?:them|those)\b"
        # "wounded seven in an ambush", "injured 14 in Khar"
        r"| (?:in|at|near|during|when|after|as|on)\b)",
    ]
    return [re.compile(f, re.IGNORECASE) for f in forms]


_DEAD_RX = _forms(DEAD, present=True)  # "strikes kill 10 people"
_DEAD_RX += [  # "sent 12 terrorists to hell"
    re.compile(f, re.IGNORECASE) for f in phrasing.dead_object_forms(_NUM, _ADJ, _WHO)
]
_HURT_RX = _forms(HURT)
# Every form above holds its verb: a sentence without one of them needs no form tried.
_DEAD_GATE = re.compile(f"{DEAD}{_ACTIVE_DEAD}{phrasing.DEAD_GATE}", re.IGNORECASE)
_HURT_GATE = re.compile(HURT, re.IGNORECASE)

# One counted group of a list: "five boys", "a woman", "at least two soldiers".
_ITEM = rf"{_QUAL}(?P<num>{_DIGITS}|{_WORDNUM}|an?) {_OF}{_ADJ}(?P<who>(?:{_WHO_ANY}|{_ONE}))\b"
_ITEMS = _ITEM.replace("?P<num>", "?:").replace("?P<who>", "?:")
_LIST = rf"(?P<items>{_ITEMS}(?:\s*,\s*{_ITEMS})+,?\s+and\s+{_ITEMS})"


def _list_forms(verb: str) -> list[re.Pattern[str]]:
    passive = verb.replace("|killing", "").replace("|wounding|injuring", "")
    forms = [
        # "Five boys, four girls, and a woman were martyred"
        rf"\b{_LIST}\s+(?:were |was |have been |had been |are |)(?:also |reportedly |)"
        rf"(?P<verb>{passive})\b",
        # "killing five boys, four girls and a woman"
        rf"\b(?P<verb>{verb})(?: at least| more than| some| about| nearly)? {_LIST}",
    ]
    return [re.compile(f, re.IGNORECASE) for f in forms]


_DEAD_LIST = _list_forms(DEAD)
_HURT_LIST = _list_forms(HURT)
_ITEM_RX = re.compile(_ITEM, re.IGNORECASE)
# A cheap first look for a list: a count right after a comma.
_LIST_GATE = re.compile(
    rf",\s*(?:and\s+)?{_QUAL}(?:\d|(?:{_WORDNUM.replace('(?: of)?', '')}|an?)\b)",
    re.IGNORECASE,
)
# Another count between a count and its verb, outside a breakdown: the verb is that one's.
_OTHER_COUNT = re.compile(
    rf"\b(?:leaving|while|whereas|with)\s+{_QUAL}(?:{_WORDNUM.replace('(?: of)?', '')})\s+"
    rf"{_OF}{_ADJ}(?:{_WHO_ANY})\b",
    re.IGNORECASE,
)


def _listed(sentence: str, rxs: list[re.Pattern[str]], which: str) -> list[Count]:
    """Counts of a list of three or more counted groups sharing one verb: each
    group is its own count, the later ones added to the earlier ("five boys, four
    girls, and a woman were killed" is 10)."""
    out: list[Count] = []
    for rx in rxs:
        for m in rx.finditer(sentence):
            a, b = m.span()
            if any(c.start <= a < c.end or a <= c.start < b for c in out):
                continue
            first = True
            for it in _ITEM_RX.finditer(m.group("items")):
                v = _value(it.group("num"))
                if v is None:
                    continue
                text = it.group(0).strip()
                out.append(
                    Count(a, b, which, v, _group(it.group("who")), text if first else "and " + text)
                )
                first = False
    return out


_ZERO = re.compile(
    r"\bno (?:casualties|deaths|fatalities|loss of life)\b|\bwithout (?:any )?casualties\b"
    r"|\b(?:no one|nobody|none)\s+(?:was|were|had been|has been|have been)\s+(?:\w+ly\s+)?"
    r"(?:(?P<hurt>hurt|injured|wounded)|killed|martyred|dead)\b",
    re.IGNORECASE,
)
_THE_BEFORE = re.compile(r"\b(?:the|all the|all)\s+$", re.IGNORECASE)
# "no one was hurt": "one" there counts nobody
_NO_BEFORE = re.compile(r"\bno\s+$", re.IGNORECASE)
_WORDNUM_RX = re.compile(rf"\b(?:{_WORDNUM}|\d+)\b", re.IGNORECASE)
# "resulting in the death of two civilians", "caused 12 deaths", "claimed 30 lives",
# "12 lives were lost"
_NOMINAL = [
    re.compile(rx, re.IGNORECASE)
    for rx in (
        # ("the loss of seven valiant soldiers", "the elimination of six attackers",
        # "led to the killing of five terrorists")
        rf"\b(?:deaths?|martyrdom|loss|elimination|killing) of (?:its |their |his |her |the |our )?"
        rf"(?:at least |more than |some |about )?"
        rf"{_NUM} {_ADJ}(?P<who>{_WHO_ANY}|{_ONE})\b",
        rf"\b{_QUAL}{_NUM_NO_A} (?:deaths|fatalities)\b",
        rf"\b(?:claimed|claiming|took|taking|cost|costing) (?:at least |more than |some |about )?"
        rf"{_NUM_NO_A} (?:\w+ )?lives\b",
        rf"\b{_QUAL}{_NUM_NO_A} (?:\w+ )?lives (?:were|have been|had been|was) lost\b",
        # "resulted in the (tragic) loss of at least 15 lives"
        rf"\bloss of {_QUAL}{_NUM_NO_A}\s+(?:\w+\s+)?(?:precious\s+|innocent\s+)?lives\b",
        # bodies found with marks of violence: "the bullet-riddled bodies of three men",
        # "two tortured bodies", "the bodies of four labourers bearing gunshot wounds"
        rf"\b{SLAIN}\s+bod(?:y|ies) of (?:the )?{_QUAL}{_NUM} {_ADJ}"
        rf"(?P<who>{_WHO_ANY}|{_ONE})\b",
        rf"\b{_QUAL}{_NUM_NO_A} {SLAIN}\s+bodies\b",
        # "police recovered nine bodies" (of the people the article says were killed)
        rf"\b(?:recovered|retrieved|found)\s+(?:the\s+)?{_QUAL}{_NUM_NO_A}\s+bodies\b",
        rf"\bbod(?:y|ies) of (?:the )?{_QUAL}{_NUM} {_ADJ}(?P<who>{_WHO_ANY}|{_ONE})\b"
        rf"(?=[^.;]{{0,40}}?\b{BODY_MARKS})",
    )
]
# "injuries to 16 others", "injuring 16 others" is a verb form
_NOMINAL_HURT = re.compile(
    rf"\binjur(?:y|ies) to (?:its |their |the )?(?:at least |more than |some |about )?"
    # ("injuries to another policeman": one more)
    rf"(?:{_NUM}|(?P<another>another))(?: {_ADJ}(?P<who>{_WHO_ANY}|{_ONE}))?\b",
    re.IGNORECASE,
)
# "the death toll rose to 101", "the toll has climbed to at least 23"
_TOLL = re.compile(
    rf"\b(?:death toll|toll)\b[^.;\d]{{0,100}}?\b(?:rose|risen|rising|surged|soared|climbed|"
    rf"jumped|reached|increased|stood|stands|hit|mounted|is|was|has reached)\s+(?:to\s+|at\s+)?"
    rf"{_QUAL}"
    rf"{_NUM_NO_A}\b",
    re.IGNORECASE,
)
# "raising the number of dead to 9", "bringing the death toll to 12"
_TOLL_TO = re.compile(
    rf"\b(?:raising|raised|bringing|brought|taking|took|pushing|pushed)\s+(?:the\s+)?"
    rf"(?:death\s+toll|toll|number of (?:the )?(?:dead|deaths|fatalities|those killed))"
    # ("raising the death toll from the bombing in X to eight")
    rf"\s+(?:(?:from|in|of)\s+(?:[\w'’-]+\s+){{0,7}}?|\w+\s+)?to\s+{_QUAL}{_NUM_NO_A}\b",
    re.IGNORECASE,
)
# A running total over a period: "brings the month's toll to 12", "taking this year's
# death toll to 300", "raised the overall tally to 45"
_TALLY = re.compile(
    r"\b(?:brings?|brought|bringing|takes?|took|taking|raises?|raised|raising|pushes|pushed|"
    r"pushing)\s+(?:the\s+)?(?:(?:this|last)\s+)?(?:month|year|week|months|years|weeks|overall|"
    r"total|cumulative|annual)(?:['’]s|['’])?\s+(?:death\s+|casualty\s+)?(?:toll|tally|count)\b",
    re.IGNORECASE,
)
# "the number of injured rose to 14", "raising the number of the wounded to 9"
_HURT_NUMBER = [
    re.compile(rx, re.IGNORECASE)
    for rx in (
        rf"\bnumber of (?:the )?(?:people |persons |those )?(?:injured|wounded|injuries)\b"
        rf"[^.;\d]{{0,80}}?\b(?:rose|risen|surged|soared|climbed|jumped|reached|increased|"
        rf"went up|stood|"
        rf"stands|is|was)\s+(?:to\s+|at\s+)?{_QUAL}{_NUM_NO_A}\b",
        rf"\b(?:raising|raised|bringing|brought|taking|took|pushing|pushed)\s+(?:the\s+)?"
        rf"number of (?:the )?(?:injured|wounded)\s+to\s+{_QUAL}{_NUM_NO_A}\b",
        # "the injured included nine children": a count of the injured, by group
        rf"\bthe (?:injured|wounded) (?:included|include)\s+{_QUAL}{_NUM_NO_A}"
        rf"(?:\s+{_ADJ}(?P<who>{_WHO_ANY})\b)?",
    )
]
# "the number of dead rose to 9"
_DEAD_NUMBER = re.compile(
    rf"\bnumber of (?:the )?(?:dead|deaths|fatalities|(?:those|people|persons) killed)\b"
    rf"[^.;\d]{{0,60}}?\b"
    rf"(?:rose|risen|surged|soared|climbed|jumped|reached|increased|went up)\s+to\s+"
    rf"{_QUAL}{_NUM_NO_A}\b",
    re.IGNORECASE,
)
# "a suicide bomber and four other terrorists were killed": one, then N more of a group
_ONE_AND_OTHERS = re.compile(
    rf"\b(?:a|an|one)\s+(?:[\w-]+\s+){{0,2}}?(?:bomber|attacker|assailant|gunman|militant|"
    rf"terrorist|soldier|policeman|officer|civilian)\s+and\s+{_NUM_NO_A}\s+other\s+"
    rf"(?:{_ADJ})?(?P<who>{_WHO_ANY})\s+(?:were|have been|had been)\s+(?:also\s+)?(?:{DEAD})\b",
    re.IGNORECASE,
)
# "injuring 10 others, along with 19 civilians": a second group of the same count
_ALONG_WITH = re.compile(
    rf",?\s+along with {_QUAL}{_NUM_NO_A} {_ADJ}(?P<who>{_WHO_ANY})\b", re.IGNORECASE
)
# "and another wounded", "and another was injured": one more person
_ANOTHER_ONE = re.compile(
    rf"\band another (?:one )?(?:was |got |)(?:also |critically |seriously )?"
    rf"(?P<verb>{DEAD}|{HURT})\b",
    re.IGNORECASE,
)
# A breakdown of a count just given, never added to it: "[five boys and four girls]",
# "(two of them children)", " — five women and four children — ",
# ", including five boys and four girls,", ", among them ...,".
_BREAKDOWN = re.compile(
    r"\([^()]*\)|\[[^\[\]]*\]|\s[—–-]\s[^—–;]{1,80}?\s[—–-](?=\s)|"
    r",?\s*\b(?:including|among them|among whom|of whom|mostly|"
    r"most of them|all of them)\b[^,;]*(?:,|$)",
    re.IGNORECASE,
)
# The second count of an active verb not repeated: "killed four people in X and two
# (people) in Y", "wounding six in X, and three in Y".
_ELLIPSIS = re.compile(
    rf"\s+(?:in|at|near|across)\s+[^,;.\d]{{1,50}}?,?\s+(?:and|while)\s+{_QUAL}"
    rf"(?P<num>{_DIGITS}|{_WORDNUM})(?: {_ADJ}(?P<who>{_WHO_ANY}))?(?=\s+(?:in|at|near|across)\b)",
    re.IGNORECASE,
)
_AS_MANY = re.compile(rf"\s*\band as many {_ADJ}{_WHO}\b", re.IGNORECASE)
_AND_MORE = re.compile(rf"\band (?:her |his |their |its )?(?:{_NUM}) {_ADJ}{_WHO}\b", re.IGNORECASE)
_MONTH_BEFORE = re.compile(
    rf"\b{MONTH}\.?\s+\d{{1,2}},?\s*$|\d,\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Count:
    """One casualty count at ``sentence[start:end]``."""

    start: int
    end: int
    which: str  # "killed" | "wounded"
    value: int
    group: str  # "forces" | "militants" | "civilians" | "people"
    text: str
    # the claim (:mod:`incidents._extract_claims`): speaker camp, victim camp, role
    camp: str = ""
    victim: str = ""
    role: str = ""


def _value(s: str | None) -> int | None:
    s = re.sub(r"[\s-]+", " ", (s or "").lower().replace(",", "")).strip()
    if s.isdigit():
        return int(s)
    if s in NUMBERS:
        return NUMBERS[s]
    words = s.split()  # "twenty three", "two dozen"
    if len(words) == 2 and words[1] == "dozen" and words[0] in NUMBERS:
        return NUMBERS[words[0]] * 12
    if len(words) == 2 and all(w in NUMBERS for w in words):
        return NUMBERS[words[0]] + NUMBERS[words[1]]
    return None


def _group(who: str | None) -> str:
    if not who:
        return "people"
    for g, rx in _WHO_GROUP:
        if rx.match(who):
            return g
    return "people"


_DATE_BEFORE = re.compile(
    rf"\b{MONTH}\.?\s+(?:\d{{1,2}}\s*(?:-|–|to|and)\s*)?$",
    re.IGNORECASE,
)


def _is_year(sentence: str, m: re.Match[str]) -> bool:
    """Whether the number of ``m`` is part of a date (a year, "October 11-12")."""
    s = m.group("num") or ""
    if s.isdigit() and _DATE_BEFORE.search(sentence[max(0, m.start("num") - 16) : m.start("num")]):
        return True
    if not (s.isdigit() and len(s) == 4 and 1900 <= int(s) <= 2100):
        return False
    after = sentence[m.end("num") : m.end("num") + 1]
    before = sentence[max(0, m.start("num") - 14) : m.start("num")]
    return (
        after == ","
        or bool(_MONTH_BEFORE.search(before))
        or before.rstrip().lower().endswith(("in", "since", "of", "until"))
    )


# "killed or injured", "were martyred and wounded": one count of both, neither known
_EITHER = re.compile(
    r"\s+(?:or|and)\s+(?:were\s+)?(?:injured|wounded|hurt|killed|dead|died|martyred)\b", re.I
)
_EITHER_BEFORE = re.compile(
    r"\b(?:killed|injured|wounded|dead|hurt|martyred)\s+(?:or|and)\s+$", re.I
)
_ANY_VERB = re.compile(
    r"kill|dead|died|martyr|slain|lives|life|perish|shahadat|hell|neutrali|eliminat|wound|injur|"
    r"hurt|"
    r"casualt|death|fatalit|toll|lives|bodies|body of|" + DEAD_MORE,
    re.IGNORECASE,
)


_VERB_IN = re.compile(rf"\b(?:{DEAD}|{HURT})\b", re.IGNORECASE)


def _mask(b: re.Match[str]) -> str:
    """A breakdown's digits masked (same length); not a clause with a verb of its own
    (", including a bombing that killed 12 people")."""
    text = b.group(0)
    return text if _VERB_IN.search(text) else re.sub(r"\d", "x", text)


# "between 15 and 20 militants": the range "15 to 20" (its lower bound counts)
_BETWEEN = re.compile(
    rf"(?<=\bbetween )({_DIGITS}|{_WORDNUM}) and ({_DIGITS}|{_WORDNUM})\b", re.IGNORECASE
)


def counts_in(sentence: str) -> list[Count]:
    """Every killed/wounded count of one sentence, left to right."""
    out: list[Count] = []
    if not _ANY_VERB.search(sentence):
        return out
    # digits of a breakdown are no count of their own ("At least 19 people, among them 11
    # soldiers, were killed" is 19): masked, offsets kept
    masked = _BREAKDOWN.sub(_mask, sentence)
    # "between 15 and 20 militants": the range "15 to 20" (offsets kept)
    masked = _BETWEEN.sub(lambda m: m.group(1) + " to  " + m.group(2), masked)
    for rxs, gate, lists, which, other in (
        (_DEAD_RX, _DEAD_GATE, _DEAD_LIST, "killed", HURT),
        (_HURT_RX, _HURT_GATE, _HURT_LIST, "wounded", DEAD),
    ):
        listed = _listed(sentence, lists, which) if _LIST_GATE.search(sentence) else []
        out.extend(listed)
        ms = (
            sorted(
                (m for rx in rxs for m in rx.finditer(masked)), key=lambda m: (m.start(), -m.end())
            )
            if gate.search(masked)
            else []
        )
        last_end = -1
        for m in ms:
            if m.start() < last_end or _is_year(sentence, m):
                continue
            if any(c.start <= m.start() < c.end or m.start() <= c.start < m.end() for c in listed):
                continue  # a group of a list counted above
            raw_gap = m.groupdict().get("gap") or ""
            gap = _BREAKDOWN.sub(" ", raw_gap)
            if _OTHER_COUNT.search(gap):
                continue  # "killing a person and leaving three others injured": not one count
            if (
                m.group("num").lower() in ("a", "an")
                and _WORDNUM_RX.search(raw_gap)
                and not _AND_MORE.search(raw_gap)  # ("a woman and her two sons were killed")
            ):
                continue  # "an official statement that ... nine injured": nine's verb
            if _NO_BEFORE.search(sentence, max(0, m.start() - 4), m.start()):
                continue  # "no one was killed": counted as none below
            if _other_subject(sentence, m):
                continue  # "two policemen in X and a bomb wounded three": another's verb
            if _active_subject(sentence, m):
                continue  # "two gunmen on a motorcycle killed three people": the killers
            v = _value(m.group("num"))
            if v is None:
                continue
            vb = m.start("verb") if "verb" in m.re.groupindex else m.end()
            vb_end = m.end("verb") if "verb" in m.re.groupindex else m.end()
            either = _EITHER.match(sentence, m.end())
            if either and " and " in either.group(0) and vb_end != m.end():
                either = None  # "killed three and wounded five": the verb had its count
            if either or _EITHER_BEFORE.search(sentence[max(0, vb - 16) : vb]):
                continue  # "killed or injured": neither count is known
            last_end = m.end()
            who = m.groupdict().get("who")
            group = _group(who)
            if (
                who
                and who.lower() in ("men", "people", "persons", "individuals")
                and _THE_BEFORE.search(sentence, max(0, m.start() - 8), m.start())
            ):
                # "the eight men died": the people counted before, named again by a
                # plain noun (a total, never added to their group; "the six terrorists
                # were shot dead" keeps its group)
                group = "people"
            if not who and _OF_THEM.match(sentence, m.end()):
                group = _antecedent(sentence[: m.start()])  # "the terrorists ... six of them"
            out.append(
                Count(m.start(), m.end(), which, v, group, sentence[m.start() : m.end()].strip())
            )
            # "three women and as many children were killed": as many again
            twice = _AS_MANY.search(gap) or _AS_MANY.match(sentence, m.end())
            if twice is not None:
                grp = _group(twice.group("who"))
                out.append(Count(m.start(), m.end(), which, v, grp, twice.group(0).strip()))
            # "nine children (five boys and four girls) and one woman were killed"
            extra = [_AND_MORE.search(gap)]
            # "nine children and a woman were killed" after the verb form
            # (after a breakdown: "killing nine children (five boys, four girls) and a woman")
            rest = phrasing.after_aside(sentence[m.end() :]).lstrip()
            tail = _AND_MORE.match(rest)
            if tail and not re.match(
                # "and five others (were) critically injured": not more of the dead
                rf"\s*(?:were |was |have been |had been |)?(?:also |reportedly )?(?:\w+ly )?"
                rf"{other}\b",
                phrasing.after_aside(rest[tail.end() :]),  # ", including children, were"
            ):
                extra.append(tail)
            for e in extra:
                if e is None:
                    continue
                w = _value(e.group("num"))
                if w:
                    grp = _group(e.group("who"))
                    out.append(Count(m.start(), m.end(), which, w, grp, e.group(0)))
            # "shelling killed four people in X and two in Y", "four were killed in X and
            # two in Y": the verb is not repeated,
            # the second count is of its own place (offsets of its own, for the caller)
            ell = _ELLIPSIS.match(sentence, m.end())
            if ell is not None:
                w = _value(ell.group("num"))
                if w and not _is_year(sentence, ell):
                    grp = _group(ell.group("who")) if ell.group("who") else _group(who)
                    a = ell.start("num")
                    out.append(Count(a, ell.end(), which, w, grp, "and " + sentence[a : ell.end()]))
    low = sentence.lower()
    nominal = (
        _NOMINAL
        if (
            "death" in low
            or "fatalit" in low
            or "lives" in low
            or "martyrdom of" in low
            or "bod" in low
            or "loss of" in low
            or "elimination of" in low
            or "killing of" in low
        )
        else []
    )
    for z in (z for rx in nominal for z in rx.finditer(sentence)):
        v = _value(z.group("num"))
        if (
            v is not None
            and not _is_year(sentence, z)
            and not any(c.start <= z.start("num") < c.end for c in out)
        ):
            who = z.groupdict().get("who")
            out.append(Count(z.start(), z.end(), "killed", v, _group(who), z.group(0)))
    for z in _NOMINAL_HURT.finditer(sentence) if "injur" in low else ():
        if z.group("another") and not z.group("who"):
            continue  # ("injuries to another": no count)
        v = 1 if z.group("another") else _value(z.group("num"))
        at = z.start("another") if z.group("another") else z.start("num")
        if v and not _is_year(sentence, z) and not any(c.start <= at < c.end for c in out):
            who = z.groupdict().get("who")
            out.append(Count(z.start(), z.end(), "wounded", v, _group(who), z.group(0)))
            # "injuries to one policeman and a civilian": the groups joined to it
            more = _AND_MORE.match(sentence[z.end() :].lstrip())
            w = _value(more.group("num")) if more is not None else None
            if more is not None and w:
                grp = _group(more.group("who"))
                out.append(Count(z.start(), z.end(), "wounded", w, grp, more.group(0)))
    tolls = [*_TOLL.finditer(sentence), *_TOLL_TO.finditer(sentence)] if "toll" in low else []
    if "number of" in low:
        tolls += [*_TOLL_TO.finditer(sentence), *_DEAD_NUMBER.finditer(sentence)]
    for z in tolls:
        v = _value(z.group("num"))
        if v is not None and not any(c.start <= z.start("num") < c.end for c in out):
            out.append(Count(z.start(), z.end(), "killed", v, "people", z.group(0)))
    told = "number of" in low or "the injured" in low or "the wounded" in low
    hurt_numbers = _HURT_NUMBER if told else []
    for z in (z for rx in hurt_numbers for z in rx.finditer(sentence)):
        v = _value(z.group("num"))
        if v is not None and not any(c.start <= z.start("num") < c.end for c in out):
            who = z.group("who") if "who" in z.re.groupindex else None
            group = _group(who) if who else "people"
            out.append(Count(z.start(), z.end(), "wounded", v, group, z.group(0)))
    for z in _ZERO.finditer(sentence):
        which = "wounded" if z.group("hurt") else "killed"  # "no one was hurt": none hurt
        out.append(Count(z.start(), z.end(), which, 0, "people", z.group(0)))
    for z in _ANOTHER_ONE.finditer(sentence) if "another" in low else ():
        # "a soldier was martyred and another wounded": one more, of the group before
        which = "wounded" if _HURT_GATE.search(z.group("verb")) else "killed"
        prev = [c for c in out if c.start < z.start() and c.group != "people"]
        group = prev[-1].group if prev else "people"
        group = "forces" if group.startswith(NAMED) else group
        out.append(Count(z.start(), z.end(), which, 1, group, z.group(0)))
    for z in _ONE_AND_OTHERS.finditer(sentence) if " other " in low else ():
        # the one named first ("N other X" adds N to it)
        if not any(c.start == z.start() and c.which == "killed" for c in out):
            out.append(Count(z.start(), z.end(), "killed", 1, _group(z.group("who")), z.group(0)))
    for c in list(out) if "along with" in low else ():
        z = _ALONG_WITH.match(sentence, c.end)
        v = _value(z.group("num")) if z is not None else None
        if z is not None and v is not None:
            # "injuring 10 others, along with 19 civilians": more of the same count
            out.append(Count(z.start(), z.end(), c.which, v, _group(z.group("who")), z.group(0)))
    out.extend(_singles(sentence, out))  # "his companion lost his life"
    out.extend(nominal_tolls(sentence, out))  # "resulting in one death and 15 injuries"
    out.extend(_named(sentence, out))
    out = gapped_groups(sentence, sorted(out, key=lambda c: (c.start, c.which)))
    tally = _TALLY.search(sentence) if "toll" in low or "tally" in low else None
    if tally is not None:
        # "brings the month's toll to 12 dead and 60 injured": a running total over
        # many events, no count of this one
        out = [c for c in out if c.start < tally.start()]
    return claims.tag(sentence, _others(out, sentence))


# One person told without a number: "his companion, X, lost his life", "another
# person, identified as X, was injured", "the driver was killed", "Ali Khan was shot and
# killed", "leaving him critically injured", "and injuries to another".
_KIN = (
    r"companion|friend|colleague|relative|brother|son|nephew|cousin|bodyguard|associate|"
    r"guard|gunner|escort|aide|husband|father|uncle|"
)
_SINGLE = re.compile(
    rf"(?:\b(?P<det>[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]nother|[Ii]ts)\s+(?:[a-z]+\s+)?"
    rf"(?P<who>{_KIN}{_ONE})"
    rf"|(?<![\w,] )(?<!\bthe )\b(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{1,3}}))"
    r"(?:\s*,[^,;]{1,60},)?\s+"
    r"(?:(?:was|had been|has been)\s+(?:also\s+|reportedly\s+|critically\s+|seriously\s+|"
    r"severely\s+|badly\s+|tragically\s+)?(?P<verb>killed|shot dead|shot and killed|martyred|"
    r"injured|wounded|hurt)|(?:also\s+|tragically\s+)?(?P<lost>lost (?:his|her) life))\b"
    r"|\bleaving (?:him|her) (?:critically |seriously |severely |badly )?(?P<left>injured|"
    r"wounded|dead)\b"
    r"|\binjuries to another(?P<another>)(?=\s*[.,;]|\s*$)",
)


def _singles(sentence: str, have: list[Count]) -> list[Count]:
    """Counts of one person named without a number (see :data:`_SINGLE`)."""
    out: list[Count] = []
    for z in _SINGLE.finditer(sentence):
        if any(c.start <= z.start() < c.end or z.start() <= c.start < z.end() for c in have):
            continue
        # ("injuries to another" is a wound; "lost his life" a death)
        word = "injur" if z.group("another") is not None else z.group("verb") or z.group("left")
        which = "wounded" if re.match(r"injur|wound|hurt", word or "") else "killed"
        group = _group(z.group("who")) if z.group("who") else "people"
        out.append(Count(z.start(), z.end(), which, 1, group, z.group(0)))
    return out


#: A serviceman named by rank: "Major Hamza Israr, 29,", "Sepoy Muhammad Naeem".
RANK = (
    r"(?:Lieutenant Colonel|Lt\.? Col\.?|Lance Naik|Lance Hav[ai]ldar|Naib Subedar|Head Constable|"
    r"Sub-Inspector|Sepoy|Sepahi|Naik|Hav[ai]ldar|Hawaldar|Subedar|Major|Captain|Capt\.|"
    r"Lieutenant|Lt\.|"
    r"Colonel|Col\.|Brigadier|Constable|ASI|Sipahi|Sergeant|Sowar|Gunner)"
)
_NAMED_RX = re.compile(rf"\b{RANK}\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,3}}")
_NAMED_DEAD = re.compile(
    r"\b(?:(?:was|were|had been|have been)\s+(?:also\s+|later\s+)?(?:martyred|killed|shot dead|"
    r"gunned down)|"
    r"(?:also\s+)?embraced\s+(?:martyrdom|shahadat)|lost (?:his|their) li(?:fe|ves)|"
    r"succumbed)\b",
    re.IGNORECASE,
)


_OF_THEM = re.compile(r"\s+of (?:them|those)\b", re.IGNORECASE)
_WHO_WORD = re.compile(rf"\b(?:{_WHO_ANY})(?:['’]s?)?(?=\W|$)", re.IGNORECASE)


def _antecedent(before: str) -> str:
    """The group of the last counted noun before "N of them" ("engaged the
    terrorists' hideout and killed six of them": militants)."""
    words = list(_WHO_WORD.finditer(before))
    return _group(re.sub(r"['’]s?$", "", words[-1].group(0))) if words else "people"


#: Group prefix of a serviceman named by rank (counted among the forces).
NAMED = "named:"
_SPEECH = re.compile(r"\b(?:said|says|told|added|stated)\b")


def _named(sentence: str, have: list[Count]) -> list[Count]:
    """Servicemen named by rank before "embraced martyrdom" / "were martyred", when
    the sentence gives no number of dead soldiers: "Major X, 29, and Sepoy Y, 26,
    were martyred" is two."""
    if any(c.which == "killed" and c.group == "forces" for c in have):
        return []
    out: list[Count] = []
    start = 0
    for v in _NAMED_DEAD.finditer(sentence):
        clause_start, start = start, v.end()
        clause = sentence[clause_start : v.start()]
        names = list(_NAMED_RX.finditer(clause))
        if not names or _SPEECH.search(clause[names[-1].end() :]):
            continue  # "Major General X said three soldiers were martyred"
        a = clause_start + names[0].start()
        for n in names:
            # one group per named man: the same man told twice is one, two men are two
            # (and they are soldiers: see :func:`total`)
            out.append(Count(a, v.end(), "killed", 1, NAMED + n.group(0), f"{n.group(0)} {v[0]}"))
    return out


_OTHERS = re.compile(r"\b(?:others|more)\b", re.IGNORECASE)


# "injured 29 others, including civilians": the others are of several groups
_MIXED_AFTER = re.compile(r",?\s*(?:including|among them|among whom)\b", re.IGNORECASE)


def _others(counts: list[Count], sentence: str = "") -> list[Count]:
    """ "N others" are of the group counted just before them: "a civilian was killed
    while five others were injured" are civilians, "four soldiers were martyred and
    five others injured" are soldiers (but "29 others, including civilians" are a
    total of people)."""
    out: list[Count] = []
    for c in counts:
        prev = next((p for p in reversed(out) if p.group != "people"), None)
        mixed = bool(_MIXED_AFTER.match(sentence, c.end))
        if c.group == "people" and prev is not None and _OTHERS.search(c.text) and not mixed:
            group = "forces" if prev.group.startswith(NAMED) else prev.group
            c = Count(c.start, c.end, c.which, c.value, group, c.text)
        out.append(c)
    return out


def total(counts: list[Count], which: str) -> int | None:
    """Killed (or wounded) in a list of counts: groups add up, repeats of a group do
    not, and a count of "people" is a total the groups cannot exceed."""
    best: dict[str, int] = {}
    extra = 0  # "another two were killed": more of the dead, of no group
    kept = claims.resolve(counts, which)
    for c in kept:
        g = claims.group_key(c, kept)
        if c.role == "add" and c.group == "people":
            extra += c.value
        elif c.text.lower().startswith(("and ", "another")) or c.group == "_" or c.role == "add":
            best[g] = best.get(g, 0) + c.value
        else:
            best[g] = max(best.get(g, 0), c.value)
    if not best:
        return extra if extra else None
    named = [g for g in best if g.startswith(NAMED)]
    if named:
        # soldiers named one by one are soldiers; a number of soldiers may include them
        best["forces"] = max(best.get("forces", 0), sum(best.pop(g) for g in named))
    people = best.pop("people", None)
    groups = sum(best.values())
    if people is None:
        return groups + extra
    # "11 people were killed" / "six attackers were also killed": besides the people
    also = {claims.group_key(c, kept) for c in kept if c.role == "also"}
    besides = sum(v for g, v in best.items() if g in also)
    return max(people, groups - besides) + besides + extra


@dataclass(frozen=True)
class Casualties:
    killed: int | None
    wounded: int | None
    phrases: tuple[str, ...]


def casualties_in(sentence: str) -> Casualties:
    """Killed and wounded of one sentence (see :func:`total`)."""
    cs = counts_in(sentence)
    phrases = tuple(f"{c.which}: {c.text!r}" for c in cs)
    return Casualties(total(cs, "killed"), total(cs, "wounded"), phrases)


_OPENS = re.compile(
    r"(?:,\s*|\s)(?:and|while|whereas|but)\s+(?:(?:at least|another|some)\s+)?$", re.I
)


def opens_clause(before: str) -> bool:
    """Whether a count that follows ``before`` (the text from a place named before
    it up to the count) opens a clause of its own: "five militants were killed in X
    and two soldiers were martyred in Y" -- the two soldiers are not of X."""
    return bool(_OPENS.search(before))


def fill_counts(have: list[Count], more: list[Count]) -> list[Count]:
    """Counts of a row (``have``) completed by those of a restatement (``more``):
    of a kind (killed, wounded) the row has not counted at all, so a province's toll
    never adds to its district's, but "46 killed in the province" completes a
    district row that only knew "six wounded"; and the groups of a restatement that
    counts every group of the row alike and more groups besides."""
    kinds = {n.which for n in have}
    out = have + [n for n in more if n.which not in kinds]
    mine = {(n.which, n.group): n.value for n in have}
    theirs: dict[tuple[str, str], int] = {}
    for n in more:
        theirs[(n.which, n.group)] = max(theirs.get((n.which, n.group), 0), n.value)
    if (
        mine
        and "people" not in {g for _, g in theirs}
        and all(theirs.get(k, -1) == v for k, v in mine.items())
        and len(theirs) > len(mine)
    ):
        # the restatement counts the row's groups alike and more of them ("two
        # soldiers were martyred and six terrorists killed in X district" restating
        # "six terrorists were killed in Y, X district"): its groups complete the row
        out += [n for n in more if (n.which, n.group) not in mine]
    return out
