"""Trigger phrasings the base lexicon (:mod:`incidents._extract_lex`) lacked.

Found on articles from outlets the rules had not been written on: demolitions
("militants blew up a school"), arson ("torched a customs office", "set two trucks
ablaze", "a van was set on fire"), a bomb told by its verb ("a bomb went off",
"an IED exploded", "detonated explosives"), a gun battle called a "shootout", and
unmanned aircraft called "UAVs" or "unmanned aerial vehicles".

:data:`EXTRA` maps an event kind to one more regex alternative; the base lexicon
appends it to that kind's pattern once, before its single compilation, so trigger
search stays one pass over the sentence.
"""

from __future__ import annotations

import re

__all__ = ["BODY_MARKS", "EXTRA", "MONTH", "SLAIN", "SLAIN_BODIES", "TRADES", "same_blast"]

#: Words that say a body was of someone killed by violence, and marks said on it.
SLAIN = r"(?:bullet-riddled|bullet-ridden|tortured|mutilated|beheaded|decapitated)"
BODY_MARKS = (
    r"(?:bearing|with|showing)\s+(?:\w+\s+)?(?:bullet|gunshot|torture)\s+"
    r"(?:wounds|marks|injuries)"
)
#: Bodies found with marks of violence (ACLED: an attack, whoever the dead were).
SLAIN_BODIES = re.compile(
    rf"\b{SLAIN}\s+bod(?:y|ies)\b|\bbod(?:y|ies)\b[^.;]{{0,60}}?\b{BODY_MARKS}", re.IGNORECASE
)

#: A month's name, whole or cut short ("Mar" is no prefix of "martyring").
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
#: Callings a civilian victim is named by, singular ("a teacher was shot dead",
#: "gunmen killed two polio workers": add "s" for the plural).
TRADES = (
    r"(?:teacher|doctor|journalist|reporter|lawyer|cleric|imam|prayer leader|scholar|"
    r"engineer|nurse|health worker|polio worker|aid worker|vaccinator|politician|employee|"
    r"pilgrim|shepherd|herder|judge|activist|pedestrian|watchman|motorcyclist|passenger|"
    r"worshipper|vendor|mechanic|contractor|tailor|villager|chowkidar|elder|tribal elder|"
    r"coal miner|miner|driller|truck driver|porter|guest)"
)

EXTRA: dict[str, str] = {
    # unmanned aircraft by another name: "a UAV attack", "an unmanned aerial vehicle
    # dropped explosives"
    "air_strike": (
        r"\bUAVs?(?:[- ](?:attacks?|strikes?))?\b"
        r"|\bunmanned (?:aerial|combat) (?:vehicles?|aircraft)\b"
        r"|\bdrones?\s+(?:\w+\s+)?dropped\b"
        # "forces hit defence targets in X": on this frontier, struck from the air
        # (the Afghan side's "strikes" become ground attacks by their agent)
        r"|\bhit\s+(?:[\w-]+\s+){0,2}?targets\b"
        # drones sent over the line, downed or not: "launched four drones into X",
        # "shot down two quadcopters over Y", "the drones were neutralised"
        r"|\blaunch(?:ed|es|ing)\s+(?:[\w-]+\s+){0,3}?(?:drones?|quadcopters?|UAVs?)\b"
        r"(?!\s+(?:programmes?|programs?|industry|units?|makers?))"
        r"|\b(?:shot down|shoot down|downed|neutrali[sz]ed|intercepted|brought down)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:drones?|quadcopters?|UAVs?)\b"
        r"|\b(?:drones?|quadcopters?|UAVs?)\s+(?:[\w-]+\s+){0,8}?(?:were|was|had been|have been)\s+"
        r"(?:shot down|downed|neutrali[sz]ed|intercepted|brought down)\b"
    ),
    # a bomb told by what it did: "a bomb went off", "an IED exploded", "detonated
    # explosives at the gate"; a building or a bridge demolished by militants
    "bombing": (
        r"\b(?:bombs?|IEDs?|devices?|landmines?|mines?|explosives?)\s+"
        r"(?:(?:had|has|was|were)\s+)?(?:went off|gone off|exploded|detonated|blew up)\b"
        r"|\bdetonat(?:ed|ing)\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?"
        r"(?:(?:remote[- ]controlled|improvised|explosive|powerful)\s+)?"
        r"(?:explosives?|bombs?|IEDs?|devices?|vests?)\b"
        r"|\b(?:blew|blown|blowing) up\b"
        r"|\blandmines?\b"
        # the bomb told with what it was fixed to: "a sticky bomb attached to a car
        # went off" (words only between: no clause break)
        r"|\b(?:bombs?|IEDs?|explosive devices?)\s+(?:[\w-]+\s+){1,6}?(?:went off|exploded)\b"
        # bombs named by how they are set: "a magnetic bomb killed an officer"
        r"|\b(?:magnetic|sticky|limpet|motorcycle|bicycle|time|pressure[- ]cooker|parcel|"
        r"planted)\s+bombs?\b"
        # grenades (ACLED: Explosions/Remote violence): "hurled a hand grenade at a
        # shop", "a grenade was thrown into a house", "a grenade attack"
        r"|\b(?:hurl(?:ed|ing|s)?|throw(?:ing|s)?|lob(?:bed|bing|s)?|toss(?:ed|ing|es)?)\s+"
        r"(?:an?\s+|two\s+|three\s+)?"
        r"(?:hand[- ])?grenades?\b|\bthrew\s+(?:an?\s+|two\s+|three\s+)?(?:hand[- ])?grenades?\b"
        r"|\b(?:hand[- ])?grenades?\s+(?:was|were|had been)\s+(?:hurled|thrown|lobbed|tossed)\b"
        r"|\bgrenade\s+(?:attacks?|blasts?|explosions?)\b"
    ),
    # bodies found with marks of violence (ACLED: an attack): "the bullet-riddled bodies of
    # three men were found", "bodies bearing gunshot wounds were recovered"
    "killing": rf"\b{SLAIN}\s+bod(?:y|ies)\b|\bbod(?:y|ies)\b(?=[^.;]{{0,60}}?\b{BODY_MARKS})"
    # "claimed the lives of at least 38 people", "took the lives of four guards"
    r"|\b(?:claimed|claiming|took|taking) the lives of\b",
    # the attacker named for the attack: "a suicide attacker struck a checkpoint"
    "suicide_bombing": r"\bsuicide (?:attackers?|assailants?)\b",
    # a gun battle by another name
    "armed_clash": r"\bshoot-?outs?\b|\bgun-?fights?\b"
    # "an overnight operation against militants"
    r"|\boperations?\s+against\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:militants|terrorists|khwarij|"
    r"khawarij|insurgents)\b",
    # arson: "torched a customs office", "set two trucks ablaze", "was set on fire"
    "attack": (
        # a gun attack called a shooting: "a deadly shooting targeting passenger vans"
        # ("the shooting" names one told before)
        r"(?:(?<=\ba )|(?<=\ban )|(?<=\bdeadly )|(?<=\bmass )|"
        r"(?<=\btargeted )|(?<=\bdrive-by )|(?<=\bfatal ))shootings?\b"
        r"(?!\s+(?:down|of\s+(?:a\s+)?(?:video|film)))|"
        r"\btorch(?:ed|ing)\b"
        r"|\bset\s+(?:(?:\w+\s+){0,3})?(?:ablaze|alight|on fire)\b(?!-)"
        r"|\b(?:burnt|burned) down\b"
    ),
}


# the verb of a blast already named: "detonated", "blew up", "went off", "exploded"
_BLAST_VERB = re.compile(
    r"(?:detonat|blew up|blown up|blowing up|(?:\w+\s+){1,2}(?:went off|exploded|blew up))",
    re.IGNORECASE,
)


def same_blast(sentence: str, start: int, previous: str) -> bool:
    """Whether the bombing trigger at ``start`` only tells how a suicide attack just
    named went off ("a suicide bomber detonated explosives at the gate"): ``previous``
    is the kind of the sentence's trigger found right before it."""
    return previous == "suicide_bombing" and bool(_BLAST_VERB.match(sentence, start))
