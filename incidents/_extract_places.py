"""Place mentions of one sentence and their roles (rules of :mod:`incidents.extract`).

A name found in the gazetteer is the *site* of an event only in a place context
(after "in/at/near/struck/...", before "district/crossing/..."); otherwise it is
a seat of government ("the Taliban administration in Kabul said", "Kabul
denies"), a venue ("talks in Doha", "a visit to Kabul"), an origin ("poured in
from Kunar", "fired from Afghanistan"), a dateline, history ("since the 2021
takeover of Kabul"), an actor ("Pakistani") or a person's name, and makes no
incident.  A province or district in the same phrase ("X district of Y
province", "X, Y", "Y's X") is a hard hint: X is resolved inside it, and when X
cannot be placed there the row falls back to the unit, keeping X's text.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import dataclass, field, replace

from geo.sphere import point_km
from incidents._extract_across import across_line, facing_district
from incidents._extract_controls import speech_venue
from incidents._extract_counts import RANK
from incidents._extract_lex import frontier_phrases, triggers_in
from incidents._extract_lex_more import SLAIN
from incidents._extract_phrasing_h import ENDED_CLOSURE, aerial_site
from incidents._extract_phrasing_l import (
    attributive_site,
    facility_after,
    talks_topic,
)
from incidents._extract_phrasing_m import TALKS_WORD, comment_clause
from incidents._match import Mention
from incidents.geocode import Geocoder, Match

FRONTIER_NAME = "Afghanistan-Pakistan frontier (whole border)"

_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|outside|inside|into|on|across|toward|towards|around|of|to|within|"
    r"struck|hit|bombed|shelled|targeted|pounded|attacked|raided|stormed|reached|"
    r"striking|hitting|bombing|shelling|targeting|pounding|attacking|raiding|storming|"
    # the verb's plain form: "attempted to strike X", "tried to attack X"
    r"strike|bomb|shell|target|pound|attack|raid|storm|"
    r"closed|reopened|shut(?:tered)?|sealed|crossing at|crossings at|including|such as|namely|"
    r"(?<=provinces )like|(?<=districts )like|(?<=areas )like|(?<=cities )like|"
    r"jolted|rocked|shook|across the|general area|area|District|Tehsil|"
    # an address written unit word first: "in village X, tehsil Y, district Z"
    r"(?:(?<=, )|(?<=in )|(?<=of ))(?:tehsil|district)|(?<=in )village)\s+(?:the\s+)?"
    r"(?:(?:central|eastern|western|northern|southern|northeastern|northwestern|southeastern|"
    r"southwestern|remote|restive|neighbouring|neighboring|border|bordering)\s+)?"
    r"(?:(?:border\s+|frontier\s+|northwestern\s+|eastern\s+|southern\s+|southeastern\s+|"
    r"northern\s+|western\s+|remote\s+|restive\s+|tribal\s+)?"
    r"(?:towns?|city|cities|villages?|districts?|provinces?|regions?|areas?|crossing|valley|"
    r"capital)\s+of\s+"
    # units named in apposition after a quantity: "on key cities Kabul and Kandahar"
    r"|(?:key|major|main|big|several|two|three|four|five)\s+"
    r"(?:cities|towns|provinces|districts)\s+)?"
    # an appositive: "including the capital, Kabul", "in the provincial capital Khost",
    # "in Balochistan's capital Quetta"
    r"(?:(?:(?:[A-Z][\w-]*\s+)?[A-Z][\w-]*(?:'s|’s)\s+(?:provincial\s+)?|provincial\s+|"
    r"Afghan\s+|Pakistani\s+)?capital,?\s+)?"
    r"(?:(?:Afghan|Pakistani)\s+(?:border\s+)?(?:town|city|village|district|province|"
    r"region|crossing)\s+of\s+)?(?:(?:Afghanistan|Pakistan)(?:'s|’s)\s+)?"
    # a possessor: "Gilgit-Baltistan's", "Azad Jammu & Kashmir's"
    r"(?:the\s+)?(?:(?:[A-Z][\w-]*\s+(?:&\s+|and\s+)?){0,3}[A-Z][\w-]*(?:'s|’s)\s+)?)$"
    r"|:\s*$|\(\s*$"
)
_PLACE_NOUN = re.compile(
    r"^(?:'s|’s)?\s*(?:border\s+)?(?P<q>districts?|provinces?|crossings?|border crossings?|"
    r"villages?|towns?|city|area|region|valley|tehsil|agency|sector|post|airport|bazaar|market|"
    # a military site named by its town: "the Zhob Garrison", "Bannu Cantonment"
    r"garrison|cantonment|cantt|fort|checkposts?|checkpoints?)"
    r"\b",
    re.IGNORECASE,
)
_QUAL_WORD = {
    "district": "district",
    "districts": "district",
    "province": "province",
    "provinces": "province",
    "crossing": "crossing",
    "crossings": "crossing",
    "border crossing": "crossing",
    "border crossings": "crossing",
    "village": "village",
    "villages": "village",
    "town": "town",
    "towns": "town",
    "city": "city",
    "area": "area",
    "tehsil": "tehsil",
    "agency": "district",
}
# "based in X" tells where someone is based; "an intelligence based operation in X"
# (the unhyphenated compound) tells where the operation was.
_BASED = r"(?<![-\w])based(?!\s+(?:operations?|strikes?|attacks?|raids?|actions?|IBOs?)\b)"
_VENUE = re.compile(
    r"\b(?:speaking|spoke|told (?:reporters|journalists|a news conference|a press conference|"
    r"parliament|lawmakers)|said|says|announced|briefing|news conference|press conference|"
    r"statement|addressing|address|visit to|visiting|visited|" + _BASED + r"|embassy|"
    r"ambassador|envoy|consulate|consul general|diplomats?|charg[eé] d'affaires|"
    r"ministry|office|offices|official|government|authorities|headquartered|flew|returned|arrived|"
    r"travelled|traveled|summoned|rally|officials|spokesman|leaders?|rulers|regime|"
    r"administration|leadership|delegation|trip|visit|match|matches|tournament|series|game|"
    r"meeting|meetings|summit|conference|brass|commanders|huddle|parties|counterparts|"
    r"interlocutors)"
    r"\s+(?:\w+\s+){0,2}?(?:in|at|to|from)\s+(?:the\s+)?$"
    # (not "in Balochistan's capital Quetta", "the provincial capital Quetta": a site)
    # "the army chief visited Quetta Garrison": where a visitor went
    r"|\b(?:visited|toured)\s+(?:the\s+)?$"
    r"|\b(?:opposite|across from|facing|bordering|towards?|(?<!['’]s )(?<!provincial )capital|"
    r"takeover (?:of|in)|control of|"
    r"according to|"
    r"seized|power in|fall of|return to|came to power in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Where fighters or fire came from is their *origin*, not the scene: a noun or verb
# of fire, attack or militancy, then "from" / "out of" (through "sanctuaries in",
# "across the border in", "the Afghan side in"), or "originating/emanating in".
_ORIGIN_VIA = (
    r"(?:from|out\s+of)\s+(?:the\s+)?"
    r"(?:(?:Afghanistan|Pakistan)(?:'s|’s)\s+"
    r"|(?:(?P<side>Afghan|Pakistani)\s+side(?:\s+of\s+the\s+(?:border|frontier))?"
    r"|(?:[a-z]+\s+)?(?:sanctuar(?:y|ies)|hide-?outs?|(?:safe\s+)?havens?|bases?|camps?|"
    r"positions?|posts?|territory|soil|strongholds?|hills|mountains|hideaways?))"
    r"\s+(?:in|inside|within|of)\s+(?:the\s+)?)?$"
)
_ORIGIN = re.compile(
    r"\b(?:fire|firing|gunfire|shots|shooting|shelling|shells|rockets?|mortars?|missiles?|"
    r"artillery|attacks?|assaults?|raids?|incursions?|infiltration|aggression|militants?|"
    r"fighters?|insurgents?|terrorists?|gunmen|attackers|infiltrators|militancy|terrorism|"
    r"came|come|comes|coming|poured|pouring|crossed|crossing|infiltrat\w+|fired|launch\w+|"
    r"stag(?:ed|ing)|entered|moved|fled|originat\w+|emanat\w+|operating|operates?|"
    + _BASED
    + r"|sent|returned|deported|travell?ed|sneak\w*|snuck|slipped|"
    r"planned|plotted|masterminded|orchestrated|directed|hatched|cross|crosses|escaped|"
    r"retreated|withdrew|trained|infiltrate)"
    # ("the attackers, all from X": a comma may set the origin apart)
    r",?\s+(?:[\w-]+\s+){0,3}?(?:in\s+|over\s+)?"
    + _ORIGIN_VIA
    # the route of infiltrators: "who had entered through Angoor Adda"
    + r"|\b(?:came|come|crossed|crossing|entered|entering|infiltrat\w+|sneak\w*|snuck|slipped|"
    r"smuggled)\s+(?:[\w-]+\s+){0,2}?(?:through|via)\s+(?:the\s+)?$"
    r"|\b(?:originat\w+|emanat\w+|planned|plotted|masterminded|orchestrated|hatched)\s+"
    r"(?:in|inside|within)\s+(?:the\s+)?$"
    r"|\bharbou?r\w*\s+(?:[\w-]+\s+){0,3}?(?:in|inside|within)\s+(?:the\s+)?$"
    r"|\b(?:bases?|sanctuar(?:y|ies)|(?:safe\s+)?havens?)\s+(?:are|is|were|was|remain)\s+"
    r"(?:located\s+)?(?:in|inside|within)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Where fighters hide, shelter, train or keep sanctuaries: an origin too, unless
# the sentence strikes them there ("jets struck militants hiding in X").
_HIDEOUT = re.compile(
    r"\b(?:shelter(?:ing|ed|s)?|hiding|hid|hidden|holed up|trained|regroup\w*|"
    r"harbou?red|" + _BASED + r")\s+(?:[\w-]+\s+){0,3}?(?:in|inside|within)\s+(?:the\s+)?"
    r"(?:(?:Afghanistan|Pakistan)(?:'s|’s)\s+)?$"
    r"|\b(?:us(?:e|es|ed|ing)|from|trained in|operat\w+ from|have|has|had|maintain\w*)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:sanctuar(?:y|ies)|(?:safe\s+)?havens?|camps?|hide-?outs?|bases?|"
    r"soil|territory|launch(?:ing)? pads?)\s+(?:in|inside|of)\s+(?:the\s+)?"
    r"(?:(?:Afghanistan|Pakistan)(?:'s|’s)\s+)?$",
    re.IGNORECASE,
)
# A place inside a relative clause ("the militants who attacked the post in X had ..."):
# the verb after it is the main clause's, so X is not the subject of a seat's verb.
_IN_RELATIVE = re.compile(r"\b(?:who|which)\b[^,;]*\b(?:in|at|near)\s+(?:the\s+)?$")
# "militants using Kunar as a launch pad"
_ORIGIN_AFTER = re.compile(
    r"^\s+as\s+(?:an?\s+)?(?:launch\w*|staging|base|sanctuary|safe haven|haven|springboard|"
    r"hide-?out)",
    re.IGNORECASE,
)
# "attacks from Chitral to Zhob" is a stretch of sites, not an origin
_RANGE_AFTER = re.compile(
    r"^(?:\s+\w+)?(?:\s+(?:province|district|region))?\s+(?:to|through)\s+[A-Z]"
)
_REPORTED = re.compile(
    r"\b(?:said|says|told \w+|announced|reported|confirmed|added|stated|claimed)\s+$"
)
# "claimed" of a speaker, not of a toll ("the shooting in X claimed the lives of 38")
_CLAIMED = r"claimed(?!\s+(?:[\w-]+\s+){0,3}?lives\b)"
_GOV_AFTER = re.compile(
    r"^(?:,\s*)?(?:'s|’s)?\s+(?:Taliban\s+|military\s+)?(?:government|administration|authorities|regime|"
    r"rulers|foreign office|foreign ministry|defence ministry|defense ministry|interior ministry|"
    r"ministry|embassy|consulate|foreign minister|defence minister|defense minister|"
    r"(?:has|had|have|did|does|said|says|accused|blamed|denied|rejected|warned|" + _CLAIMED + r"|"
    r"confirmed|insisted|demanded|urged|called|summoned|wants|responded|retaliated|vowed|"
    r"denies|rejects|alleged|alleges|says|announced|condemned|reiterated|maintains)"
    r"|ceasefire|cease-fire|truce|talks|agreement|accord|process|deal|declaration|format)\b"
)
# A statement of the place's office said on a day: "the military's media wing in
# Rawalpindi on Monday said ..." (the seat of the speaker, unless the words before
# it name an event: "the strikes in X on Monday killed ...").
_GOV_AFTER_TIMED = re.compile(
    r"^\s+(?:on\s+)?(?:early\s+|late\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|today|yesterday|earlier|later|also|separately)"
    r"(?:\s+(?:night|morning|evening|afternoon))?,?\s+"
    r"(?:said|says|told|announced|stated|"
    + _CLAIMED
    + r"|confirmed|reported|added|denied|rejected|"
    r"accused|warned|insisted|alleged|noted)\b"
)
#: A serviceman named by rank, his age and his home: "Sepoy Naheed Iqbal (23) of Karak",
#: "Lance Naik Ajab Noor, 34, from Karachi".
_NAMED_FROM = re.compile(
    rf"\b{RANK}\s+"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3}\s*(?:\(\d{1,2}\)|,\s*\d{1,2}\s*,)?\s+"
    r"(?:of|from|resident of)\s+(?:the\s+)?(?:district\s+)?$"
)
# Where a person is from ("a resident of X") and the reference point of a bearing
# ("some 22 km northwest of X", "north of X") describe, they do not locate the event.
_DESCRIBES = re.compile(
    r"\b(?:(?:an? |the )?(?:resident|native|inhabitant|citizen|national) of|"
    r"hail(?:s|ed|ing) from|"
    # people described by where they live: "two labourers, residents of X", "goods for
    # the residents of X" (but "Residents of X said shelling hit ..." are at the scene)
    r",\s*(?:both\s+|all\s+)?(?:residents|natives|inhabitants) of|"
    r"\b(?:for|to)\s+(?:the\s+)?(?:residents|inhabitants|people) of|"
    r"belong(?:s|ed|ing)? to|hometown(?: of)?|home town(?: of)?|native)\s*:?\s+"
    r"(?:the\s+|(?:Afghanistan|Pakistan)(?:'s|’s)\s+)?"
    # "resident of District Lakki Marwat", "a native of village X", the army's "(Age: 29
    # years, resident of: District Jhang)"
    r"(?:(?:District|Tehsil|Village|district|tehsil|village)\s+)?$"
    # people named: "two labourers, namely Amanullah and ...", "the victim, identified as X"
    r"|\b(?:labou?rers|men|soldiers|officials|victims?|brothers|people|policemen|constables|"
    r"persons|individuals|personnel|workers|drivers|passengers|officers|sepoys|man|woman|"
    r"boy|girl|deceased|injured|martyrs?),?\s+(?:namely|identified\s+as|named)\s+$"
    # how far away a blast was heard: "heard as far as 25 kilometres away in X" (but
    # "an explosion heard in Kabul" is in Kabul)
    r"|\b(?:heard|felt|seen|visible)\s+(?:as\s+far(?:\s+away)?\s+as\s+|up\s+to\s+|even\s+)?"
    r"(?:\d[\d.,]*\s*(?:km|kilomet(?:re|er)s?|miles?)\s+away\s+(?:in|at|from)\s+"
    r"|as\s+far(?:\s+away)?\s+as\s+)(?:the\s+)?$"
    # where an attacker came from or stayed: "the third bomber, Najibullah, from Musa Khel",
    # "revealed his location as X"
    r"|\b(?:bombers?|attackers?|assailants?|militants?|terrorists?|suspects?|fighters?|"
    r"gunmen|militant|terrorist|suspect)\b[^.;:]{0,60},\s*(?:a\s+native\s+of\s+|from\s+)$"
    r"|\b(?:his|her|their|its)\s+(?:location|whereabouts|hideout)\s+(?:as|at|in)\s+$"
    # a patronym: "Muhammad Ramzan, son of Allah Yar", "Ali s/o Gul Khan" (a name)
    r"|\b(?:son|daughter|wife|widow|father|brother|sister)\s+of\s+(?:late\s+)?$"
    r"|\b[sdw]/o\s+$"
    # "Lance Naik Rehman (Chakwal)", "Sepoy Ali (26, Karak)": a person's home district
    r"|\b[A-Z][\w'’-]+\s*\((?:\s*\d{1,2}\s*,)?\s*$"
    # ("about 200 kilometres (125 miles) from the provincial capital of Peshawar")
    r"|\b\d[\d.,]*\s*(?:km|kilomet(?:re|er)s?|miles?)\s+(?:\([^()]{0,24}\)\s+)?(?:\w+\s+)?"
    r"(?:of|from)\s+(?:the\s+)?(?:(?:provincial\s+|federal\s+|national\s+)?capital"
    r"(?:\s+of|\s*,)?\s+|city\s+of\s+)?$"
    r"|\b(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of\s+"
    r"(?:the\s+)?$"
    # a relative clause describing the site: "Kurram, which borders Khost province"
    r"|\b(?:(?:which|that|it)\s+(?:also\s+)?(?:borders?|adjoins?|neighbou?rs?|touches)|"
    r"bordering|adjoining|adjacent to)\s+(?:(?:[A-Z][\w-]*\s+)?[A-Z][\w-]*(?:'s|’s)\s+|the\s+)?$"
    # a road or crossing described by what it links: "which connects X with Y"
    r"|\b(?:connect(?:s|ed|ing)?|link(?:s|ed|ing)?)\s+(?:(?:[\w'’-]+\s+){1,4}(?:with|to|and)\s+)?"
    r"(?:(?:Afghanistan|Pakistan)(?:'s|’s)\s+|the\s+)?$"
    # where people are from: "two soldiers from Swat", "labourers from Bajaur"
    r"|\b(?:soldiers?|troops|personnel|sepoys?|men|women|children|people|civilians|victims|"
    r"labou?rers|workers|policemen|officers?|students?|pilgrims|passengers|traders|drivers|"
    r"youths?|boys?|girls?|brothers|family|families|relatives)\s+(?:\w+\s+)?(?:from|of)\s+"
    r"(?:the\s+)?(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?"
    r"\s+|central\s+)?$"
    # "Sepoy Ali Khan, 26, from X": a person's age, then where they are from
    r"|\b\d{1,2}\s*,?\s+(?:from|of|hailing from)\s+(?:the\s+)?$"
    # where a convoy was going: "the convoy was travelling from X to Y when it came
    # under fire", "on its way to Y" (the route's end, not the site)
    r"|\b(?:travell?ing|travell?ed|going|headed|heading|moving|proceeding|"
    r"(?:on|en) (?:its|their|the|his|her) way|on way|en route)\s+"
    r"(?:from\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+)?"
    r"(?:to|towards|for)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# The aftermath of an event happens elsewhere: the hospital the wounded were taken
# to, the funeral, where families fled, where the attack was condemned.
_AFTERMATH = re.compile(
    r"\b(?:hospitals?|funerals?|laid to rest|buried|burial|refuge|sheltere?d?|"
    r"(?:fled|flee\w*)(?:\s+\w+){0,3}?\s+(?:to|into|towards)|"
    r"shelters|relief camps?|displaced to|shifted|rushed|airlifted|evacuated|transported|"
    r"transferred|moved to|"
    r"referred|condemn\w*|protests?|protesters|bodies|taken to|native|offered|performed|"
    r"mourn\w*|(?:escaped|retreated|retreating|withdrew|slipped back|melted back|flown|headed|"
    r"heading|bound|destined|en route|sent|returning|returned)(?:\s+\w+){0,2}?\s+"
    r"(?:to|into|towards|for)"
    # where a train or bus was leaving for: "as a train was preparing to depart from the
    # platform to X", "the bus had left for X"
    r"|\b(?:depart\w*|leav(?:e|es|ing)|left)(?:\s+from\s+(?:the\s+)?\w+)?\s+(?:to|for)"
    # a route's ends: "a coach coming from Karachi to Quetta"
    r"|(?P<route>(?:coming|travell?ing|going|plying|bound)\s+from\s+[A-Z][\w'’-]*"
    r"(?:\s+[A-Z][\w'’-]*)?\s+to)"
    # "residents took the injured to the X hospital"
    # ("ordered to transfer the seriously injured to Karachi")
    # ("used armoured carriers to evacuate their dead to the X base")
    r"|(?P<carried>(?:took|take|carried|carry|brought|bring|moved|drove|transfer(?:red)?|shift|"
    r"send|airlift(?:ed)?|evacuat(?:e|ed|ing))\s+(?:the\s+|their\s+|its\s+)?"
    r"(?:(?:seriously|critically|severely|badly)\s+)?"
    # ("to bring the bodies of the soldiers and injured to Peshawar")
    r"(?:injured|wounded|bodies|dead|victims|casualties|them|him|her)"
    r"(?:\s+of\s+(?:the\s+)?[a-z][\w\s]{0,40}?)?\s+to)"
    # "shot while returning from his village in X": the victim's home, not the scene
    r"|(?:returning|coming|travell?ing)\s+(?:back\s+)?from\s+(?:his|her|their)\s+"
    r"(?:village|home|house|hometown|native (?:town|village|area))\s+(?:in|at))\b",
    re.IGNORECASE,
)
_SPEAKERS = re.compile(
    r"officials?|authorities|sources|police|residents|villagers|elders|witnesses", re.I
)


# "Bajaur, a former tribal district near Kunar, ...", "Lwara, a village on the road
# to Khost": a place inside an appositive that describes the place before it
_APPOSITIVE = re.compile(
    r"^\s*,\s*(?:a|an|the)\s+[^,;()]{0,80}?\b(?:near|to|into|towards?|from|opposite|across|"
    r"beyond|with|off|facing|bordering|neighbou?ring|adjoining|close to|next to|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)? of)\s+"
    r"(?:the\s+)?(?:(?:Afghanistan|Pakistan)(?:'s|’s)\s+)?$",
    re.IGNORECASE,
)
# A place named as a contrast to the scene: "far from the camps typically found in
# remote zones like X", "unlike X", "rather than X" (in its clause)
_CONTRAST = re.compile(
    r"\b(?:far (?:away )?from|away from|unlike|rather than|instead of|in contrast to)\b"
    r"[^,;.()]{0,100}$",
    re.IGNORECASE,
)
_POSSESSIVE_GAP = re.compile(r"^(?:'s|’s)\s+(?:\([A-Z]{2,4}\)\s+)?(?:the\s+)?$")
# a description that names the next place itself: ", the southern city of", ", the
# province of"
_NAMES_NEXT = re.compile(
    r",\s*(?:and\s+)?the\s+(?:[\w-]+\s+){0,2}?(?:city|town|province|capital|stronghold|"
    r"heartland|bastion|birthplace|hometown|home|hub|seat|cradle)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: A described place's holder after it: "from Musa Khel in Khost province" (the unit is
#: part of the description).
_HOLDER_GAP = re.compile(r"\s+in\s+(?:the\s+)?")
_UNITS_GAP = re.compile(
    r"^\s+(?:districts?|provinces?)?\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)(?:the\s+)?$"
)


#: The note of a local source's place, read as the site when no other place is named.
LOCAL_SOURCE_NOTE = "the place of a local source"


#: A place described by what happened there: "a resident of X district where the
#: alleged attack took place" (the scene, whoever lives there).
_WHERE_IT_HAPPENED = re.compile(
    r"\s*(?:district|province|village|area|town|city|tehsil|valley)?\s*,?\s+where\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:attack|attacks|strike|strikes|airstrikes?|incident|"
    r"shelling|blast|bombing|explosion|clash|clashes|raid|bombardment)\s+"
    r"(?:took place|occurred|happened|was carried out|were carried out|hit|landed)\b",
    re.IGNORECASE,
)


def _described(left: str) -> bool:
    """Whether the words before a mention make it a description, a seat, a venue or
    the aftermath, so that the names listed after it are too."""
    return bool(_DESCRIBES.search(left) or _VENUE.search(left) or _aftermath(left))


#: Where the clause holding a word begins (for what governs it).
_CLAUSE_CUT = re.compile(r"[,;:.]|\b(?:after|following|since|amid|before|as)\b", re.IGNORECASE)


def _struck(left: str, at: int) -> bool:
    """Whether a violent event word governs the word at offset ``at`` of ``left``:
    the meeting, rally or group named there is its target ("a bomber blew himself
    up at a meeting in X", "troops killed three TTP commanders in X"), so the place
    after it is the scene, not a venue or a seat.  Only a few words, none of them
    another verb, may lie between ("the strikes coincided with a visit to X": no)."""
    seg = _CLAUSE_CUT.split(left[:at])[-1]
    hits = [x for x in triggers_in(seg) if x.violent]
    if not hits:
        return False
    after = seg[hits[-1].end :]
    # "bombed major cities in Afghanistan including the capital X": X is one of the
    # targets named before the list word
    parts = _LIST_WORD.split(after, maxsplit=1)
    if len(parts) == 2 and _plain_words(parts[0], 6, _PAST_OR_GERUND):
        after = parts[1]
    return _plain_words(after, 4)


_LIST_WORD = re.compile(r",?\s+(?:including|such as|notably|among them)\s+", re.IGNORECASE)


def _plain_words(span: str, most: int, verbish: re.Pattern[str] | None = None) -> bool:
    """Whether ``span`` holds at most ``most`` words, none a verb (by ``verbish``, or
    :data:`_VERBISH`) or a conjunction."""
    verbish = verbish or _VERBISH
    words = span.split()
    return len(words) <= most and not any(
        w.lower() in ("with", "and", "but", "or", "to") or (w.islower() and verbish.search(w))
        for w in words
    )


# (a plural noun may end in "es": "cities", "provinces")
_PAST_OR_GERUND = re.compile(r"(?:ed|ing)$")


_VERBISH = re.compile(r"(?:ed|ing|es)$")


# a site the preposition after it belongs to, between a speech word and the place
_SITE_NOUN = re.compile(
    r"\b(?:crossings?|border|gates?|terminals?|posts?|checkposts?|checkpoints?|outposts?)\s+"
    r"(?:in|at|to|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _names_event(span: str) -> bool:
    return any(x.violent for x in triggers_in(span))


def _aftermath(left: str) -> bool:
    seg = re.split(r"[.;]", left)[-1]
    found = list(_AFTERMATH.finditer(seg))
    last = found[-1] if found else None
    if last is None or len(seg) - last.end() > 50 or "," in seg[last.end() :]:
        return False
    if last.group("route") and seg[last.end() :].strip():
        return False  # only the route's end itself ("... to Quetta in the X area of Kalat")
    local = _LOCAL.search(seg)
    if local and _SPEAKERS.search(local.group(0)):
        return False  # "hospital officials in Khost said": people of the place
    if _SLAIN_BEFORE.search(seg, 0, last.start()):
        return False  # "the bullet-riddled bodies ... found in X": where they were killed
    if _AFTER_MOVING.search(seg, 0, last.start()):
        return False  # "killed in the strikes after returning home to X": there before it
    if last.group(0).lower().startswith("hospital") and _HIT_BEFORE.search(seg, 0, last.start()):
        return False  # "an airstrike on a hospital in X", "struck a hospital in X": the target
    # "displaced by the fighting in Kurram": the event itself is named in between (the
    # wounded carried to it name none: "took the injured to the X hospital")
    return not _names_event(seg[last.end() if last.group("carried") else last.start() :])


_SLAIN_BEFORE = re.compile(rf"\b{SLAIN}\s+$", re.IGNORECASE)
_AFTER_MOVING = re.compile(r"\b(?:after|since|upon|on)\s+$", re.IGNORECASE)
# a hospital as what was hit, not where the wounded went
_HIT_BEFORE = re.compile(
    r"(?:\b(?:air ?strikes?|strikes?|attacks?|assaults?|raids?|bombings?|blasts?|explosions?|"
    r"shelling|drone strikes?)\s+(?:on|at|targeting|against|hitting)"
    r"|\b(?:hit|struck|targeted|targeting|bombed|stormed|shelled|attacked)(?:\s+on)?)"
    r"\s+(?:a|an|the)\s+(?:(?!(?:a|an|the)\b)[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


_ACTOR_BEFORE = re.compile(
    r"\b(?:accused|blamed|urged|warned|told|asked|against)\s+$",
    re.IGNORECASE,
)
_PROVINCE_AFTER = re.compile(r"\s+province\b", re.IGNORECASE)
#: A capital attributing an attack: "an attack Islamabad links to the TTP".
_CAPITAL_LINKS = re.compile(r"^\s+(?:links|attributes|ties|blames)\b")
#: Where earlier rounds of talks were held: "Unlike earlier rounds held in Doha or".
_EARLIER_ROUNDS = re.compile(
    r"\b(?:earlier|previous|past|prior)\s+(?:two\s+|three\s+)?(?:rounds?|sessions?)"
    r"\s+(?:of\s+(?:talks|negotiations)\s+)?(?:(?:held|hosted)\s+)?(?:in|at)\s+"
    r"(?:[A-Z][\w'’-]+\s+(?:or|and)\s+)?$",
)
#: The two ends of a route or a crossing described: "a key crossing between
#: southeastern Afghanistan's Kandahar province and Pakistan's Balochistan" (a
#: description of the crossing, not two sites).
_ENDS_OF_ROUTE = re.compile(
    r"\b(?:crossing|crossings|crossing point|route|highway|road|link|gateway|corridor|"
    r"passage)\s+between\s+(?:[^.;:,]{0,80}?\s+and\s+)?(?:the\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
_NOT_PLACE = frozenset(
    "taliban ttp mujahid khan wali gul sharif amir hafiz mullah noor lashkar khawaja dar asif "
    "munir islamic emirate china india iran durand frontier corps jamaat tehreek tehrik united "
    "nations reuters police army islam mehsud haqqani shahbaz ishaq muttaqi yaqoob zabihullah "
    "bahadur qatar turkey saudi arabia minister president general commander cantonment "
    "cantt fitna "
    # months, whole or cut short, and weekdays ("on Sunday (Mar 16)": never the village
    # of March)
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_FUNCTION = frozenset(
    "in at on the a an of near to from into and or but after before as by with for when while "
    "since during across inside outside along around over under between against".split()
)
_PLACE_NOUNS_CAP = frozenset(
    "district province crossing border city town village valley agency airport region "
    "sector pass koh kandao gali darra dara nullah ghar sar mountain mountains range square "
    "bazaar market area areas post kallay kalay kelay killi kili cantonment cantt garrison "
    "fort checkpost checkpoint "
    # a facility named before its place: "FC Compound Muslim Bagh", "Police Station Daraban"
    "compound camp headquarters station base complex".split()
)
_SEP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s*&\s*|\s+or\s+)"
_FEAT = r"(?:\s+(?:valley|pass|area|mountains?|village|town|district|tehsil|heights|nullah|range))?"
_COORD = re.compile(
    rf"^{_FEAT}{_SEP}(?:the\s+)?(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,2}}{_FEAT}{_SEP}(?:the\s+)?)*$"
)
# "Khost on October 9, Paktika on October 12 and Kandahar": the date of a list item
_DATED_ITEM = re.compile(
    r"^\s+(?:on|in|late on|early on)\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?=\s*(?:,|and\b|or\b))"
)
_CTX_GAP = re.compile(
    r"^(?:'s|’s)?[\s,]*(?:(?:Kandao|Koh|Valley|Pass|Gali|Sar|Ghar|Darra|Nullah)\s+)?"
    r"(?i:(?:districts?|provinces?|crossings?|border crossings?|borders?|border points?|villages?|"
    r"towns?|city|(?:general\s+)?areas?|regions?|valleys?|tehsil|agency|posts?|sectors?|"
    # a market named after its place: "near Jabbar Market in Killa Abdullah district"
    r"markets?|bazaars?|chowks?|mandis?)\s*)?"
    # a facility named after a place: "the X terrorist camp in Y", "the X base of Y"
    r"(?:(?:[a-z]\w*\s+){0,2}(?:camps?|bases?|headquarters|compounds?|depots?|checkpoints?|"
    r"check ?posts?|outposts?|facilit(?:y|ies)|hideouts?|airfields?|training centres?|"
    r"training centers?|infrastructure|police stations?|police posts?|levies (?:posts?|stations?)|"
    r"forts?|cantonments?|roads?)"
    # ("the X checkpoint along the Indus Highway in Y": the road it stands on)
    r"(?:\s+(?:on|along)\s+the\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+(?:Highway|Road|Motorway))?"
    r"(?=\s+(?:in|of|at)\s|\s*,))?"
    r"(?:,\s*(?i:District\s+|Tehsil\s+)?|\s*\(\s*|\s+(?:in|of)\s+(?i:District\s+|Tehsil\s+)?|"
    r"\s+within\s+|"
    # "Bagh, which is part of the Khyber Pakhtunkhwa province", ", located in"
    r"\s*,\s*(?:(?:which|that)\s+(?:is|was|lies|falls)\s+|(?:located|situated)\s+)"
    r"(?:(?:a\s+)?part\s+of|in|within|located\s+in|situated\s+in)\s+|"
    r"\s*,?\s*(?:a|the)\s+(?:\w+\s+){0,3}?(?:in|of)\s+)"
    r"(?:the\s+)?(?:(?:Afghanistan|Pakistan)(?:'s|’s)\s+|(?:Afghan|Pakistani)\s+)?"
    # a province read as the possessive of the unit: "of Khyber Pakhtunkhwa's Bannu"
    r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}(?:'s|’s)\s+(?:\([A-Z]{2,4}\)\s+)?)?"
    r"(?:(?:\w+\s+)?(?:province|district|region) of\s+)?"
    r"(?:(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?|central)\s+)?$"
)
# "on Gomal Bazaar road in Tank district": a road locates by the unit named after it
_ROAD_GAP = re.compile(r"\broads?\s+(?:in|of|at)\s", re.IGNORECASE)
_FACILITY_GAP = re.compile(r"^\s+(?:[a-z]\w*\s+){0,2}[a-z]\w*\s+(?:in|of|at)\s")
_TALKS_VENUE = re.compile(
    r"\b(?:talks|negotiations|meetings?|met|summit|conference|round|dialogue|mediation|"
    r"signed|agreed)\s+(?:\w+\s+){0,3}?(?:in|at)\s+(?:the\s+)?$"
    # "a meeting between Pakistani and Afghan officials in X"
    r"|\bmeetings?\s+between\s+(?:[\w-]+\s+){1,5}?(?:in|at)\s+(?:the\s+)?$"
    r"|\b(?:held|hosted|convened)\s+in\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# The venue named in a compound: "Doha-mediated talks", "an Istanbul-hosted round" (one
# token for the gazetteer's mention finder).
_HOSTED = re.compile(
    r"\b(?P<name>[A-Z][a-z]{2,})-(?:mediated|hosted|brokered)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:talks|negotiations|ceasefire|truce|agreement|deal|round|dialogue|meetings?)\b"
)


#: A venue abroad within this radius is a city (not a country that mediates).
_CITY_KM = 50.0


def hosted_venue(t: str, p: _Place) -> bool:
    """Whether ``p`` is the venue named in a compound: "Doha-mediated talks"."""
    return _HOSTED.match(t, p.start) is not None


# Where a delegation came to talk: "arrived in Kabul on Monday for high-stakes talks".
_ARRIVED = re.compile(
    r"\b(?:arrived|arrives|landed|reached)\s+(?:\w+\s+){0,2}?(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_FOR_TALKS = re.compile(
    r"\s*,?\s+(?:on\s+\w+\s+|today\s+|yesterday\s+)?(?:for|to\s+(?:hold|attend|join))\s+"
    r"(?:[\w-]+\s+){0,3}?(?:talks|negotiations|meetings?|dialogue|discussions)\b",
    re.IGNORECASE,
)
# A square, road or bridge named after a person or place is not that place (a road
# is named after where it leads); a college, school or hospital named after a town
# stands in it ("attacked Kulachi College").
_LANDMARK = re.compile(r"^\s+(?:Square|Road|Street|Chowk|Stadium|Bridge|Park|Highway|Camp)\b")

# A name that holds its own place noun: "The Torkham border was closed".
_NOUN_IN_NAME = re.compile(r"\s(?:border|crossing|gate)$", re.IGNORECASE)
# People of the place speak from it: "local officials in Spin Boldak said".
_LOCAL = re.compile(
    r"\b(?:local|provincial|district|hospital|health|police|security|border|residents|villagers|"
    r"elders|witnesses|intelligence|military)\s+"
    r"(?:officials?\s+|authorities\s+|sources\s+|)(?:in|at|of|from)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
# ... and what they say happened there, when nothing else places it: "Police in Bannu
# said four militants were killed", "In Bannu, police said gunmen killed two".
_SAYS = re.compile(
    r"^\s+(?:(?:on|late on|early on)\s+\w+\s+)?(?:said|says|told|confirmed|reported)\b"
)
_LOCAL_AFTER = re.compile(
    r"^,?\s+(?:the\s+|a\s+|local\s+|district\s+)*(?:police|residents|villagers|witnesses|"
    r"hospital|doctors|rescue|levies|elders)\s+(?:\w+\s+){0,2}?(?:said|says|told|confirmed)\b",
    re.IGNORECASE,
)


# What an event (not a seat) "has" done: a toll that rose, people it killed.
_EVENT_HAS = re.compile(
    r"^\s+(?:has|had|have)\s+(?:now\s+|since\s+|so far\s+)?(?:climbed|risen|reached|jumped|"
    r"increased|gone up|mounted|(?P<v>killed|claimed|left|wounded|injured))\b"
)
# What talks (not a seat) "have" done: "talks in X have concluded without a deal"
_TALKS_HAVE = re.compile(
    r"^\s+(?:has|had|have)\s+(?:now\s+|finally\s+|so far\s+)?(?:been\s+)?(?:concluded|ended|"
    r"begun|started|opened|resumed|collapsed|failed|stalled|broken down|taken place|"
    r"produced|yielded|made)\b"
)


# A compass region of Pakistan that names one province ("a blast in northwest
# Pakistan", "southwestern Pakistan's ..."): Afghan regions span several provinces.
_REGION_BEFORE = re.compile(
    r"\b(?:in|inside|across|near|at|of)\s+(?:the\s+)?(?:restive\s+|volatile\s+|troubled\s+)?"
    r"(?P<d>north-?west(?:ern)?|south-?west(?:ern)?)\s+$",
    re.IGNORECASE,
)
_REGION_UNIT = {"north": "Khyber Pakhtunkhwa", "south": "Balochistan"}


# "Khyber Pakhtunkhwa's capital", "Balochistan province's capital" (not "Balochistan's
# capital Quetta": the city is named) / "the (provincial) capital of X province"
_CAPITAL_AFTER = re.compile(
    r"(?:\s+province)?(?:'s|’s)?\s+(?:provincial\s+)?capital\b(?!,?\s+(?:city\s+)?[A-Z])"
)
_CAPITAL_BEFORE = re.compile(
    r"\b(?:provincial\s+)?capital\s+(?:city\s+)?of\s+(?:the\s+)?(?:\w+ern\s+)?$", re.IGNORECASE
)


# "in Khyber Pakhtunkhwa's capital": a locative before the possessive province
_LOCATIVE_CAPITAL = re.compile(
    r"\b(?:in|at|near|on|into|across|struck|hit|rocked|targeted)\s+(?:the\s+)?"
    r"(?:(?:Pakistan|Afghanistan)(?:'s|’s)\s+)?(?:\w+(?:ern|west|east)\s+)?$",
    re.IGNORECASE,
)


# A facility named before its place, after a locative: "at FC Compound Muslim Bagh",
# "stormed Police Station Daraban"
_FACILITY_BEFORE = re.compile(
    r"\b(?:at|in|on|near|inside|targeted|attacked|stormed|hit)\s+(?:the\s+)?(?:[A-Z]{2,5}\s+)?"
    r"(?:Compound|Camp|Headquarters|Police Station|Station|Base|Complex|Cantonment|Fort|"
    r"Check ?[Pp]ost|Post)\s+$"
)
# "the Afghan capital", "Pakistan's capital" (not "Pakistan's capital Islamabad": named)
_NATIONAL_CAPITAL = re.compile(
    r"\bthe (?P<adj>Afghan|Pakistani) capital\b(?!,?\s+(?:city\s+)?[A-Z])"
    r"|\b(?P<own>Afghanistan|Pakistan)(?:'s|’s) capital\b(?!,?\s+(?:city\s+)?[A-Z])"
)


def _capital_of(t: str, p: _Place) -> bool:
    """Whether a province mention names the province's capital, not the province."""
    if _CAPITAL_AFTER.match(t, p.end):
        return True
    return bool(_CAPITAL_BEFORE.search(t, max(0, p.start - 40), p.start))


def _region_of(t: str, p: _Place, gc: Geocoder) -> tuple[int, Match] | None:
    """Where a compass region of Pakistan starts and the province it names, or None."""
    if p.match.country != "PK" or p.text.lower() != "pakistan":
        return None
    d = _REGION_BEFORE.search(t, max(0, p.start - 40), p.start)
    if d is None:
        return None
    res = gc.resolve(_REGION_UNIT[d.group("d")[:5].lower()])
    got = res[0] if res else None
    return (d.start("d"), got) if got is not None and got.method == "admin1" else None


#: An official named by the unit he or she heads: "the deputy commissioner of X",
#: "the district governor of Y".
_OFFICIAL_OF = re.compile(
    r"\b(?:(?:deputy|assistant|additional deputy)\s+commissioner|commissioner|DC|AC|DPO|SHO|"
    r"(?:district|regional)\s+police\s+officer|(?:district\s+|provincial\s+)?governor|"
    r"chief\s+minister|mayor|MNA|MPA|tehsil\s+chairman|nazim)\s+(?:of|for)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _local_source(t: str, p: _Place, *, named: bool = False) -> bool:
    """Whether a mention is where local people speak from: police, residents,
    hospital or district officials of the place ("police in X said", "In X, police
    said"), so what they report happened there unless another place is named.  With
    ``named`` (a mention already read as a site) the unit an official heads counts
    too ("the deputy commissioner of X")."""
    left = t[max(0, p.start - 60) : p.start]
    right = t[p.end : p.end + 60]
    if named and _OFFICIAL_OF.search(left[-50:]):
        return True
    if _LOCAL.search(left):
        return bool(_SAYS.match(right))
    return bool(_FRONTED.search(left) and _LOCAL_AFTER.match(right))


_UNIT_BEFORE = re.compile(
    r"^(?:\s+(?:district|province|tehsil))?(?:'s|’s)\s+(?:general\s+)?"
    r"(?:area|region|town|village|valley|locality)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: The rest of a list of names that a plural unit word closes: ", Y and Z districts".
_UNITS_AFTER = (
    r"(?:,\s+[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?)*,?\s+(?:and|or)\s+(?:the\s+)?"
    r"[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?\s+(?:districts|provinces)\b"
)
# Spelling variants are looked for only where the sentence says a place is meant.
_FUZZY = re.compile(
    r"\b(?:in|at|near|of|outside|into|on|toward|towards|struck|shelled|hit|bombed|pounded|"
    r"targeted)\s+"
    r"(?P<w>[A-Z][a-z]{3,}(?:[- ][A-Z][a-z]+)?)"
    r"(?=(?:,\s*(?:a|the)\s+(?:\w+\s+){0,2}?|\s+(?:border\s+)?)"
    rf"(?:town|village|district|province|crossing|area|valley|post|region|city|[Tt]ehsil)\b"
    rf"|{_UNITS_AFTER})"
    # a unit opening the sentence: "Nangahar province was particularly affected"
    r"|^\W*(?P<w4>[A-Z][a-z]{3,}(?:[- ][A-Z][a-z]+)?)(?=\s+(?:province|district)\b)"
    r"|\b(?:in|at|near|of|from|struck|shelled|hit|bombed|pounded|targeted)\s+the\s+"
    r"(?P<w3>[A-Z][a-z]{3,}(?:[- ](?:[a-z]{1,2}[- ])?[A-Z][a-z]+)?)"
    rf"(?=\s+(?:district|province)\b|{_UNITS_AFTER})"
    r"|\b(?:town|village|district|city|area|valley) of\s+"
    r"(?P<w2>[A-Z][a-z]{3,}(?:[- ][A-Z][a-z]+)?)"
    # the later items of "the X and Y districts", "X, Y and Z provinces"
    r"|(?:,|\band|\bor)\s+(?:the\s+)?(?P<w5>[A-Z][a-z]{3,}(?:[- ][A-Z][a-z]+)?)"
    rf"(?=\s+(?:districts|provinces)\b|{_UNITS_AFTER})"
)


@dataclass
class _Place:
    start: int
    end: int
    text: str
    match: Match
    qual: str | None = None
    role: str = "place"  # place | country | context | frontier
    context: list[_Place] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    strong: bool = True  # frontier phrases: "all along" (strong) or "along" (weak)
    fallback: bool = False  # placed at its unit: the name itself was not found there
    area: Match | None = None  # the province of the same name ("Kandahar")
    tehsil: Match | None = None  # (a context read as its district) the tehsil itself
    anew: bool = False  # a new event at a place named before ("an operation in the area")
    capital: bool = False  # a province named for its capital ("in X province's capital")
    named: str | None = None  # (a description, "the area") the name it refers back to

    @property
    def label(self) -> str:
        return f"{self.text} {self.qual}" if self.qual and self.qual not in self.text else self.text


# -- places -----------------------------------------------------------------------------


_QUOTES = str.maketrans({"“": " ", "”": " ", '"': " ", "«": " ", "»": " "})
# an abbreviation inside a name: "Dera Ismail (DI) Khan"
_INNER_ABBR = re.compile(r"(?<=[a-z])\s\([A-Z]{1,4}\)(?=\s+[A-Z])")


def plain(t: str) -> str:
    """``t`` with quotes around names and an abbreviation inside a name blanked
    (offsets kept): the text place names are looked up in."""
    return _INNER_ABBR.sub(lambda m: " " * len(m.group(0)), t.translate(_QUOTES))


@functools.lru_cache(maxsize=2048)
def _mentions(gc: Geocoder, t: str) -> tuple[Mention, ...]:
    """:meth:`Geocoder.find_mentions` of one sentence, kept for the article-level
    pass (:func:`article_units`) that reads the same sentences again (which clears
    it: nothing is kept from one article to the next)."""
    return tuple(gc.find_mentions(t))


#: A dateline's name read as a town within this radius is that town.
DATELINE_TOWN_KM = 30.0


def dateline_places(t: str, gc: Geocoder) -> list[_Place]:
    """The places of a wire dateline ("PESHAWAR, Oct 12 (AP) -"): no incident
    sites, but what "the city" or "the town" of the story refers to.  A dateline
    names a town: a name that is also a crossing or a district ("CHAMAN") is read
    as the town when the gazetteer knows one (within :data:`DATELINE_TOWN_KM`)."""
    out = []
    for m in _mentions(gc, t):
        if not m.candidates or m.candidates[0].method in ("country", "unresolved"):
            continue
        res = gc.resolve(f"{m.text} town")
        town = res[0] if res else None
        good = (
            town is not None
            and town.method == "gazetteer"
            and town.uncertainty_km <= DATELINE_TOWN_KM
        )
        out.append(
            _Place(m.start, m.end, m.text, town if good else m.candidates[0], role="context")
        )
    return out


def _places(t: str, gc: Geocoder) -> list[_Place]:
    """Places named in one sentence, with their role and context resolved."""
    # double quotes around a name ("the “Zazi” district") are read as spaces (the
    # offsets stay those of the sentence)
    t = plain(t)
    found: list[_Place] = []
    taken: list[tuple[int, int]] = []
    origin: list[int] = []  # ends of the origin mentions
    described: list[int] = []  # ends of mentions that describe (neighbours, venues...)
    appositive: set[int] = set()  # ... of those inside an appositive
    sources: list[_Place] = []  # the places local sources speak from
    for m in _mentions(gc, t):
        taken.append((m.start, m.end))
        if not m.candidates or m.text.lower() in _NOT_PLACE:
            continue
        p = _Place(m.start, m.end, " ".join(m.text.split()), m.candidates[0])
        role = _role(t, p, m.key)
        if role in (None, "country") and (region := _region_of(t, p, gc)) is not None:
            # "in northwest Pakistan": the province the wire means, at its own radius
            p.start, p.match, role = region[0], region[1], "place"
            p.text = t[p.start : p.end]
            p.notes.append(f"{p.text!r} read as {p.match.name}")
        if p.match.method == "admin1" and _capital_of(t, p):
            # "in Khyber Pakhtunkhwa's capital", "the capital of Paktika province": the
            # province's seat (read once the unit words are), not the province
            p.capital = True
            role = (
                "place"
                if role in (None, "listed")
                and _LOCATIVE_CAPITAL.search(t, max(0, p.start - 40), p.start)
                else role
            )
        if role in (None, "listed", "place") and _local_source(t, p, named=role == "place"):
            # "police in X said ...", "intelligence sources in Islamabad told dpa", "the
            # deputy commissioner of X survived an attack in Y": where the speakers are
            # or whom the official heads, the scene only when the sentence names no other
            sources.append(p)
            if role == "place":
                continue
        gap = _DATED_ITEM.sub("", t[found[-1].end : p.start]) if found else ""
        if role == "listed" and found and (_COORD.match(gap) or _FACILITY_COMMA.match(gap)):
            role = "place" if found[-1].role == "place" else None  # "in Bajaur, Kurram and X"
        after_origin = origin and origin[-1] > (found[-1].end if found else -1)
        if after_origin and _COORD.match(_DATED_ITEM.sub("", t[origin[-1] : p.start])):
            role = "origin"  # "firing from Kunar and Nangarhar": the list is of origins
        if role == "origin":
            origin.append(p.end)  # where fire or fighters came from: no incident there
            continue
        if described and described[-1] > (found[-1].end if found else -1):
            gap_d = t[described[-1] : p.start]
            holder = _HOLDER_GAP.fullmatch(gap_d) is not None and described[-1] not in appositive
            if holder or (
                (_COORD.match(gap_d) or _UNITS_GAP.match(gap_d))
                and (described[-1] not in appositive or "," not in gap_d)
            ):
                # "which borders Khost and Paktia provinces": the list goes on
                described.append(p.end)
                continue
        if role is None and _described(t[max(0, p.start - 80) : p.start]):
            described.append(p.end)
            continue
        if found and role in ("place", "country"):
            gap_a = t[found[-1].end : p.start]
            if _APPOSITIVE.match(gap_a) and not _names_event(gap_a):
                described.append(p.end)  # (its list ends at the comma that closes it)
                appositive.add(p.end)
                continue
        if role is None or role == "listed":
            continue
        p.role = role
        found.append(p)
    for fm in _FUZZY.finditer(t):
        grp = next(g for g in ("w", "w3", "w2", "w4", "w5") if fm.group(g))
        word = fm.group(grp)
        a, b = fm.span(grp)
        parts = [(x, y) for x, y in taken if x < b and a < y]
        # ("Spin Wam Tehsil": two known words that are no place here, a unit's name
        # written in two words, read only as that unit)
        split = len(parts) >= 2 and all(a <= x and y <= b for x, y in parts)
        if split and any(f.start < b and a < f.end for f in found):
            split = False
        if (parts and not split) or word.lower() in _NOT_PLACE:
            continue
        if _VENUE.search(t[max(0, a - 60) : a]) or _ORIGIN.search(t[max(0, a - 60) : a]):
            continue
        q = _PLACE_NOUN.match(t[b : b + 30])
        unit = q and _QUAL_WORD.get(q.group("q").lower()) in ("district", "province")
        plural = re.match(
            r"(?:,\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)*,?\s+(?:and|or)\s+(?:the\s+)?"
            r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+(district|province)s\b",
            t[b:],
        )
        if unit and q:
            res = gc.resolve(f"{word} {_QUAL_WORD[q.group('q').lower()]}")
        elif plural:
            res = gc.resolve(f"{word} {plural.group(1)}")
        else:
            res = gc.resolve(word)
        mt = res[0] if res else None
        if (
            mt is None
            or mt.method in ("unresolved", "country")
            or (split and mt.match_class != "tehsil" and mt.method not in ("admin1", "admin2"))
            or (mt.reason and "one edit" in mt.reason and not mt.method.startswith("admin"))
            or t[b : b + 2] in ("'s", "’s")
        ):
            continue
        why = mt.reason or "spelling variant"
        found.append(_Place(a, b, word, mt, notes=[f"{word!r} read as {mt.name} ({why})"]))
        taken.append((a, b))
    _variant_list_items(t, found, taken, gc)
    if sources and not any(f.role == "place" for f in found) and not frontier_phrases(t):
        # (not when the sentence puts its event on the frontier: "Security sources in
        # Islamabad said the strikes in the Afghan border areas targeted ...")
        for p in sources:
            p.notes.append(f"{LOCAL_SOURCE_NOTE} ({p.text}): no other place named")
        found.extend(sources)
    found.sort(key=lambda p: p.start)
    _qualify(t, found)
    _contexts(t, found, gc)
    _scene_unit_lists(t, found, gc)
    for cm in _NATIONAL_CAPITAL.finditer(t):
        # "struck a market in the Afghan capital": Kabul (Islamabad for Pakistan's)
        if any(q.start < cm.end() and cm.start() < q.end for q in found):
            continue
        if not _LOCATIVE_CAPITAL.search(t, max(0, cm.start() - 40), cm.start()):
            continue
        who = (cm.group("adj") or cm.group("own") or "").lower()
        res = gc.resolve("Kabul" if who.startswith("afghan") else "Islamabad")
        if res and res[0].method == "gazetteer":
            cp = _Place(cm.start(), cm.end(), cm.group(0), res[0])
            cp.notes.append(f"{cm.group(0)!r} read as {res[0].name}")
            found.append(cp)
            found.sort(key=lambda p: p.start)
    for hm in _HOSTED.finditer(t):
        a, b = hm.span("name")
        if any(q.start < b and a < q.end for q in found):
            continue
        res = gc.resolve(hm.group("name"))
        if (
            res
            and res[0].method == "gazetteer"
            and res[0].match_class == "foreign"
            and res[0].uncertainty_km <= _CITY_KM  # (a city: "Qatar-brokered" names a mediator)
        ):
            hp = _Place(a, b, hm.group("name"), res[0], role="venue")
            hp.notes.append(f"{hm.group(0)!r}: the talks' venue")
            found.append(hp)
            found.sort(key=lambda p: p.start)
    for p in found:
        seat = gc.province_seat(p.match.name) if p.capital and p.match.name else None
        if seat is not None and p.match.method == "admin1":
            p.notes.append(f"the capital of {p.match.name} read as {seat.name}")
            p.match = seat
    known = [_Place(a, b, "", Match()) for a, b in taken]
    _unknown_list_items(t, found, known)
    _unknown_before_unit(t, found, known, gc)
    _unknown_held(t, found, known, gc)
    _unknown_after_owner(t, found, gc)
    _areas(found, gc)
    _near(t, found, gc)
    for here, there in zip(found, found[1:], strict=False):
        # "the Kurram border crossing with Kharlachi": one crossing, named by its town
        if _CROSSING_WITH.match(t, here.end, there.start) and there.match.method == "crossing":
            here.role = "context"
    return found


# "the Kurram border crossing with Kharlachi": the crossing of a district, named by town
_CROSSING_WITH = re.compile(r"\s+(?:border\s+)?crossing(?:\s+point)?\s+(?:with|at)\s+$", re.I)
# The next item of a list after a place: "in Panjgur and Naushki", "Chaman, Nowshki".
_NEXT_ITEM = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?P<w>[A-Z][a-z]{3,})\b(?!\s+[A-Z])"
)
#: A list item read only by its spelling lies this close to the place before it (km).
VARIANT_ITEM_KM = 500.0


def _variant_list_items(
    t: str, found: list[_Place], taken: list[tuple[int, int]], gc: Geocoder
) -> None:
    """The next item of a list of places that the gazetteer knows only in another
    spelling ("attacks in Panjgur and Naushki": Nushki) is a place of the list too,
    when it is a town in the province of the place before it, or near it."""
    for p in list(found):
        if p.role != "place" or p.match.method not in _POINT:
            continue
        m = _NEXT_ITEM.match(t, p.end)
        if m is None:
            continue
        a, b = m.span("w")
        word = m.group("w")
        if any(x < b and a < y for x, y in taken) or word.lower() in _NOT_PLACE:
            continue
        if word.lower() in _CALENDAR or word.lower() in _DIRECTION | _FUNCTION:
            continue
        # (read inside the province of the place before it first: a tighter radius)
        res = gc.resolve(word, admin1=p.match.admin1) if p.match.admin1 else []
        if not res or res[0].admin1 != p.match.admin1:
            res = gc.resolve(word)
        got = res[0] if res else None
        if got is None or got.method != "gazetteer" or got.match_class != "place_variant":
            continue
        if "|town|" not in (got.radius_basis or ""):
            continue  # (a village known by a look-alike name is too often another)
        if got.ambiguous or not (
            (got.admin1 and got.admin1 == p.match.admin1) or _km(got, p.match) <= VARIANT_ITEM_KM
        ):
            continue
        q = _Place(a, b, word, got, role="place")
        q.notes.append(f"{word!r} read as {got.name} (spelling variant), listed after {p.text}")
        found.append(q)
        taken.append((a, b))
    found.sort(key=lambda q: q.start)


# "in Plang area near Khar town": the town is the reference point of the site
_NEAR_GAP = re.compile(
    r"^(?:\s+(?:area|village|town|city|locality|post|checkpoint|bazaar|market|district|"
    r"tehsil|valley|region|sector|camp|base|outpost|hamlet|settlement))?,?\s+"
    r"(?:near|close to|not far from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_NEAR_KM = 30.0
# "the X area of Khyber's Tirah valley", "the X sector of Y": Y holds the site X
_PART_GAP = re.compile(
    r"^\s+(?:(?:general\s+)?area|areas|village|locality|sector|neighbou?rhood|mohallah?|suburbs?|"
    r"outskirts|bazaa?r|market|chowk|road|street)"
    r"\s+(?:of|in)\s+(?:the\s+)?(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}(?:'s|’s)\s+)?$",
    re.IGNORECASE,
)
# "in the area of Spinkai, Ghulam Khan of North Waziristan": a place, then the
# place that holds it (not a list: nothing is listed before or after the pair)
_APPOSED_GAP = re.compile(
    r"^\s*(?:(?:bazaa?r|market|chowk|road|street|mohallah?)\s*)?,\s*$", re.IGNORECASE
)
_LIST_ON = re.compile(r"^\s*(?:,|and\b|or\b|&)", re.IGNORECASE)
# ... but a comma that opens the rest of the clause lists nothing ("in X Bazaar, Wana,
# on Thursday")
_CLAUSE_ON = re.compile(
    r"\s*,\s*(?:on|in|at|late|early|last|this|when|where|after|before|during|killing|"
    r"injuring|wounding|leaving|police|officials|sources|according)\b"
)
# another name follows (after the rest of a name the index read shorter: "Sadda, Khar
# Kallay, Peewar")
_LIST_NEXT = re.compile(r"^(?:\s+[A-Z][\w-]*){0,2}\s*(?:,\s*(?:and\s+)?|and\s+|or\s+|&\s*)[A-Z]")


def _holder(t: str, places: list[_Place], i: int) -> bool:
    """Whether ``places[i + 1]`` holds ``places[i]`` ("X area of Y", "X, Y of Z"
    when X could not be placed on its own)."""
    a, b = places[i], places[i + 1]
    gap = t[a.end : b.start]
    if _PART_GAP.match(gap):
        return True
    if not _APPOSED_GAP.match(gap) or b.match.method not in _POINT:
        return False
    if not (a.fallback or a.match.ambiguous or _km(a.match, b.match) > _NEAR_KM):
        return False
    if _LIST_ON.match(t[b.end : b.end + 6]) and not _CLAUSE_ON.match(t, b.end):
        return False
    if _LIST_NEXT.match(t[b.end : b.end + 60]):
        return False  # "Sadda, Khar Kallay, Peewar": a list, Khar read short
    return not (i > 0 and _COORD.match(t[places[i - 1].end : a.start]))


def _near(t: str, places: list[_Place], gc: Geocoder) -> None:
    """A place named as the reference point of the site before it ("X area near
    Y") is its context, not a second site; when X is ambiguous or resolves far
    from Y and Y is a point (a town, a crossing), X is placed at Y, keeping X's
    text.  So is the place that holds the site ("X area of Y"; "X, Y" when X could
    not be placed on its own), where a namesake of X close to Y is taken first."""
    for i, (a, b) in enumerate(zip(places, places[1:], strict=False)):
        if a.role != "place" or b.role != "place":
            continue
        if not _NEAR_GAP.match(t[a.end : b.start]):
            if not _holder(t, places, i) or _two_towns(t[a.end : b.start], a, b, gc):
                continue
            if b.match.method in _POINT and (
                a.fallback or a.match.ambiguous or _km(a.match, b.match) > _NEAR_KM
            ):
                _namesake_near(a, b, gc)
            if b.match.method in _POINT or a.fallback or a.match.method in _POINT:
                b.role = "context"
            continue
        b.role = "context"
        far = _km(a.match, b.match) > _NEAR_KM
        if b.match.method in ("admin1", "admin2"):
            # "X and Y near the Kurram border": a namesake of X outside the unit
            # is the wrong one when the unit has its own X
            chain = [a]
            k = places.index(a) - 1
            while (
                k >= 0
                and places[k].role == "place"
                and _COORD.match(t[places[k].end : places[k + 1].start])
            ):
                chain.append(places[k])
                k -= 1
            for x in chain:
                _namesake_in(x, b.match, gc)
        if b.match.method not in _POINT:
            continue  # "near the Kurram border": too coarse to place the site at
        if a.match.method in ("admin1", "admin2") and not a.fallback and not a.match.ambiguous:
            continue  # "X district near Y town": the district is found, Y only points at it
        if a.match.ambiguous or far or math.isnan(a.match.lat):
            why = "ambiguous" if a.match.ambiguous else f"not within {_NEAR_KM:.0f} km of it"
            a.notes.append(f"{a.text!r} placed at {b.text} named beside it ({why})")
            a.match, a.fallback = b.match, True


def _town(m: Match) -> bool:
    """Whether ``m`` is a town found by its own name (or a crossing): a place that
    stands for itself, not a village a coarser name must hold."""
    return m.method == "crossing" or (
        m.method == "gazetteer"
        and not m.ambiguous
        and m.match_class == "place_exact"
        and "|town|" in (m.radius_basis or "")
    )


def _two_towns(gap: str, a: _Place, b: _Place, gc: Geocoder) -> bool:
    """Whether "X, Y" lists two towns ("strikes in Jalalabad, Kandahar") rather than
    naming a place X held by the town Y ("Spinkai, Ghulam Khan"): X is itself a town
    far from Y, and Y's district has no namesake of X near Y (:func:`_namesake_by`)."""
    if not _APPOSED_GAP.match(gap) or a.fallback or not (_town(a.match) and _town(b.match)):
        return False
    if _km(a.match, b.match) <= _NEAR_KM:
        return False
    return _namesake_by(a, b, gc) is None


def _namesake_by(a: _Place, b: _Place, gc: Geocoder) -> Match | None:
    """A namesake of ``a`` in the district of the point ``b``, within :data:`_NEAR_KM`
    of it (one place found by its name alone), or None."""
    if not b.match.admin2:
        return None
    res = gc.resolve(a.text, admin2=b.match.admin2)
    got = res[0] if res else None
    if got is None or got.method not in _POINT or got.ambiguous:
        return None
    return got if _km(got, b.match) <= _NEAR_KM else None


def _namesake_near(a: _Place, b: _Place, gc: Geocoder) -> None:
    """Place ``a`` at its namesake within :data:`_NEAR_KM` of the point ``b`` that
    holds it, else at ``b`` itself, keeping ``a``'s text."""
    got = _namesake_by(a, b, gc)
    if got is not None:
        a.notes.append(f"{a.text!r} read near {b.text} that holds it: {got.name}")
        a.match, a.fallback = got, False
        return
    a.notes.append(f"{a.text!r} placed at {b.text} that holds it")
    a.match, a.fallback = b.match, True


def _read_in(text: str, unit: Match, gc: Geocoder) -> Match | None:
    """The geocoder's first answer for ``text`` read inside the admin ``unit``
    (hinted as a province when it is one, else as a district), if any."""
    level = "admin1" if unit.method == "admin1" else "admin2"
    res = gc.resolve(text, **{level: unit.name})
    return res[0] if res else None


def _namesake_in(p: _Place, unit: Match, gc: Geocoder) -> None:
    """Re-read ``p`` inside ``unit`` when its match lies outside it; keep the
    match when the unit has no place of that name (near a unit is not in it)."""
    if p.match.method not in _POINT or _inside(p.match, unit) or p.context:
        return
    got = _read_in(p.text, unit, gc)
    if got is None or got.method not in _POINT or not _inside(got, unit):
        return
    p.notes.append(f"{p.text!r} read in {unit.name} named beside it: {got.name}")
    p.match = got


def _km(a: Match, b: Match) -> float:
    return point_km(a.lat, a.lon, b.lat, b.lon)


_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december jan feb mar apr jun jul aug sep sept "
    "oct nov dec today yesterday tonight".split()
)
#: The days of :data:`_CALENDAR` (weekdays, today, yesterday, tonight), not its months.
_WEEKDAYS = frozenset(w for w in _CALENDAR if w.endswith(("day", "night")))
_DIRECTION = frozenset(
    "upper lower north south east west central northern southern eastern western greater "
    "pakistani afghan".split()
)


#: "X al-Y", "X ul-Y", "X-e-Y": an Arabic or Persian joined name goes on after X
_ARTICLE_JOIN = re.compile(r"^(?:\s+(?:al|ul|el|ud|ur|us|ut)-|-(?:e|i|ul|ur|al)-)\w", re.I)


#: Capitalised words after a name that make it an organisation's: "Sui Northern Gas
#: Pipeline Company", "Khyber Bank", "Quetta Electric Supply Company".
_ORGANISATION_AFTER = re.compile(
    r"(?:\s+[A-Z][\w&-]*){0,4}\s+(?:Company|Companies|Limited|Ltd|Corporation|Authority|"
    r"Pipelines?|Bank|Board|Council|Commission|Association|Chamber|Federation)\b"
)


#: Whose border a crossing is on, written before its name: "Pak-Afghan", "Afghan".
_BINATIONAL = re.compile(
    r"(?:pak|pakistan|pakistani|afghan|afghanistan|af)(?:-(?:pak|pakistan|afghan|afghanistan))?"
)


def _glued(t: str, p: _Place) -> bool:
    """Whether capitalised words glued to the mention make it part of a longer
    name ("Noor Wali Mehsud", "Khyber Pakhtunkhwa's", "Kot Ragha")."""
    left = t[max(0, p.start - 30) : p.start]
    right = t[p.end : p.end + 30]
    if _ARTICLE_JOIN.match(right):
        return True  # "Fitna al-Khawarij", "Jaish-e-...": the first word of a longer name
    if _ORGANISATION_AFTER.match(t, p.end):
        return True  # "the Sui Northern Gas Pipeline Company": a company's name
    prev = re.search(r"([A-Z][\w'’-]*)\s$", left)
    nxt = re.match(r"\s([A-Z][\w'’-]*)", right)
    words = ((False, prev.group(1) if prev else None), (True, nxt.group(1) if nxt else None))
    for after, w in words:
        if not w:
            continue
        if after and facility_after(right):
            continue  # "the Quetta Police Lines": a facility in the town
        lw = w.lower().rstrip("'’s") if w.endswith(("'s", "’s")) else w.lower()
        if lw in _FUNCTION or lw in _PLACE_NOUNS_CAP or lw in _DIRECTION:
            continue
        if after and lw in _WEEKDAYS:
            continue  # "killed in Bannu Sunday": a wire's day without "on", no name
        if not after and _BINATIONAL.fullmatch(lw):
            continue  # "the Pak-Afghan Kharlachi crossing point": whose border it is
        if w.endswith(("'s", "’s")) and prev and w == prev.group(1):
            continue  # "Afghanistan's Khost province"
        return True
    return False


def _origin(left: str, right: str, m: Match) -> bool:
    """Whether a mention is where fire or fighters came from.  "From the Afghan
    side in X" is an origin only when X is in Afghanistan (troops in Kurram come
    under fire from the Afghan side *in Kurram*)."""
    if _ORIGIN_AFTER.match(right):
        return True
    h = _HIDEOUT.search(left)
    if h is not None and not _names_event(left[max(0, h.start() - 40) : h.start()]):
        return True
    o = _ORIGIN.search(left)
    if o is None or _RANGE_AFTER.match(right):
        return False
    side = o.group("side")
    return side is None or m.country == ("AF" if side.lower() == "afghan" else "PK")


def _role(t: str, p: _Place, key: str) -> str | None:
    """'place', 'country', 'listed' (a place only inside a list of places), 'origin'
    (where fire or fighters came from), 'venue' (of talks) or None (a seat, venue,
    history, actor or part of a longer name) for one mention."""
    m = p.match
    left = t[max(0, p.start - 60) : p.start]
    right = t[p.end : p.end + 40]
    if key in _NOT_PLACE or m.method == "unresolved":
        return None
    if talks_topic(t[max(0, p.start - 100) : p.start]):
        return None  # "talks to reduce tensions at X": what talks were about
    if comment_clause(t[: p.start]):
        return None  # ", raising fears across X": where a comment applies, not the scene
    if _EARLIER_ROUNDS.search(left):
        return None  # "unlike earlier rounds held in Doha or Istanbul": history
    talks = _TALKS_VENUE.search(left)
    if talks and not _GOV_AFTER.match(right) and not _struck(left, talks.start()):
        return "venue"  # the place of talks or a meeting: a Strategic development only
    if _ARRIVED.search(left) and _FOR_TALKS.match(t, p.end):
        return "venue"  # "a delegation arrived in Kabul for talks with ...": where they are
    if _origin(left, right, m):
        return "origin"  # "firing from Kunar", "militants operating out of Paktika"
    venue = _VENUE.search(left) or speech_venue(left)
    if venue and _names_event(venue.group(0)):
        venue = None  # "officials said the strikes in Paktika": the event's place
    if venue and _SITE_NOUN.search(venue.group(0)):
        venue = None  # "officials said the crossings at X and Y were closed": a site's place
    if venue and _struck(left, venue.start()):
        venue = None  # "a blast struck a rally in X", "troops killed three commanders in X"
    if _SUBJECT_CLOSED.match(right) and m.method != "country":
        return "place"  # "The Torkham border has remained shut": the closure's place
    if _SUBJECT_REOPENED.match(right) and ENDED_CLOSURE.search(t, p.end) and m.method != "country":
        return "place"  # "Torkham has been reopened after a 10-day closure": that closure's
    gov = _GOV_AFTER.match(right)
    if gov is None and (m.method == "country" or (m.name or "") in ("Islamabad", "Kabul")):
        # "an attack Islamabad links to the Gul Bahadur faction": a capital that links
        # (not "a bombing in Mir Ali linked to ...")
        gov = gov or _CAPITAL_LINKS.match(right)
    if gov is None and not _names_event(left[-40:]):
        gov = _GOV_AFTER_TIMED.match(right)
    if gov and _IN_RELATIVE.search(left) and re.match(r"\s+(?:has|had|have|did|does)\b", right):
        gov = None  # "the militants who attacked the post in X had crossed over": not a seat
    has = _EVENT_HAS.match(right) if gov else None
    if (
        has
        and _names_event(seg := _CLAUSE_CUT.split(left)[-1])
        and (has.group("v") or re.search(r"\btoll\b", seg, re.I))
    ):
        # "the bombing in X has killed 32", "the toll from the bombing in X has risen
        # to 32": X is the scene ("attacks in X have increased": a trend, a seat's verb)
        gov = None
    if gov and _TALKS_HAVE.match(right) and TALKS_WORD.search(_CLAUSE_CUT.split(left)[-1]):
        return "venue"  # "peace talks ... in X have concluded": the talks' place
    if (venue and not _LOCAL.search(left)) or gov:
        return None
    if (
        p.text.isupper()
        and len(p.text) > 3
        and re.match(r"^[A-Z /,]*[:\-–—]", right)
        and not re.search(r"[a-z]", t[: p.start])
    ):
        return None  # a dateline of places: "BAJAUR/SOUTH WAZIRISTAN: ..."
    if p.start < 3 and re.match(r"^\s*(?:\[[^\]]*\]\s*)?:\s+[A-Z0-9]", right):
        return None  # a dateline in title case: "Balochistan: At least six ..."
    if re.match(r"^\s*(?:\[[^\]]*\]\s*)?,?\s*(?:[A-Z][a-z]{2}\w*\.?\s+\d{1,2}\b|\(\w)", right) and (
        p.start < 3 or t[: p.start].strip().endswith((":", "\n"))
    ):
        return None  # a dateline: "KABUL, Oct 18 (Agency) -", "Kabul [Afghanistan], October 15"
    if m.method == "country":
        if key in ("afghan", "pakistani"):  # demonyms are sides, not places...
            if re.match(r"\s+(?:territory|soil|airspace|side of the border)\b", right) and (
                re.search(r"\b(?:into|inside|in|on|within)\s+$", left)
            ):
                return "country"  # ...except "into Afghan territory"
            return None
        if re.search(r"\b(?:in|inside|into|within|across|on)\s+(?:the\s+)?$", left):
            return "country"
        return None
    if _ACTOR_BEFORE.search(left[-20:]) and not m.method.startswith("admin"):
        return None
    if _NAMED_FROM.search(left):
        return None  # "Sepoy Naheed Iqbal (23) of Karak": a serviceman's home
    d = _DESCRIBES.search(left)
    if (
        d
        and (not d.group(0).endswith("(") or re.match(r"\s*(?:district\s*)?\)", right))
        and not _WHERE_IT_HAPPENED.match(t, p.end)
    ):
        return None  # a hometown or a reference point, not the scene
    unit1 = m.method == "admin1" or _PROVINCE_AFTER.match(right)
    if unit1 and _ENDS_OF_ROUTE.search(t, max(0, p.start - 120), p.start):
        # "Chaman, a key crossing between Kandahar province and Balochistan" (but "the
        # crossing between Chaman and Spin Boldak" names the crossing by its towns)
        return None
    if _CONTRAST.search(t[max(0, p.start - 110) : p.start]):
        return None  # "a house far from the camps found in places like X": a contrast
    if _aftermath(left):
        return None  # where the wounded were taken, the dead buried, families fled
    if _glued(t, p) or _LANDMARK.match(right):
        return None
    if facility_after(right, placed=True) and m.ambiguous:
        return None  # a namesake that names a facility placed after it: "Nur Khan Airbase in X"
    if _INSTITUTION_AFTER.match(right) and m.method == "gazetteer" and m.uncertainty_km > LOOSE_KM:
        # a school's or hospital's name known only as a far village: "the premises of
        # Al-Fatah Public School" (in the village the sentence names) is no place
        # "Fatah" (a police station or bazaar bears its village's name, and the
        # article may place that village later)
        return None
    fronted = _FRONTED.search(left) and not _SPEAKER_AFTER.match(t, p.end)
    locative = bool(_LOCATIVE.search(left) or fronted) or bool(_PLACE_NOUN.match(right))
    locative = locative or aerial_site(left)  # "airstrikes over X"
    locative = locative or facility_after(right)  # "attacked Kulachi College"
    locative = locative or attributive_site(left, right)  # "hit a Kabul hospital"
    locative = locative or bool(_FACILITY_BEFORE.search(left))  # "at FC Compound X"
    locative = locative or bool(_NOUN_IN_NAME.search(p.text))
    # "Kandahar, where the leader lives, was bombed by jets": the subject of a passive
    # verb of attack, opening its clause
    locative = locative or bool(
        _CLAUSE_OPEN.search(left) and _PASSIVE_HIT.match(t[p.end : p.end + 200])
    )
    if not locative and (head := _UNREAD_ITEMS.search(left)) is not None:
        # "districts of Dandgam, Sarkano and Khas-Kunar": a first item the gazetteer
        # cannot read does not hide the locative that opens the list
        opener = left[: head.start()]
        locative = bool(_PLURAL_UNITS.search(opener) and _LOCATIVE.search(opener))
    if m.method in ("crossing", "admin1", "admin2") or m.country == "other":
        return "place" if (locative or m.method != "gazetteer") else "listed"
    if not locative:
        return "listed"  # a place only if it continues a list of places
    return "place"


#: Capitalised list items right before a mention ("Dandgam, ", "Dandgam, Pirano and ").
_UNREAD_ITEMS = re.compile(
    r"(?:\b[A-Z][\w'’-]*(?:[\s-][A-Z][\w'’-]*){0,2}(?:\s*,\s*(?:and\s+)?|\s+and\s+))+$"
)


#: A plural unit noun that opens a list of places: "three bordering districts of".
_PLURAL_UNITS = re.compile(
    r"\b(?:districts|areas|villages|towns|tehsils|provinces|localities|sectors|posts)\s+"
    r"(?:of|including|such\s+as|like|namely)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


#: The start of a sentence or clause, before a name (and "the city of").
_CLAUSE_OPEN = re.compile(
    r"(?:^|[.;:\"“(]\s*|,\s+and\s+|,\s+while\s+)\W*(?:(?:the\s+)?(?:[\w-]+\s+)?"
    r"(?:city|town|village|district|province|capital|area)\s+of\s+)?$",
    re.IGNORECASE,
)
#: The passive verb of an attack after its subject (a list of names, or a comma clause
#: about the place between): "... and Y were bombed", ", where X lives, was shelled".
_PASSIVE_HIT = re.compile(
    r"^(?:\s+(?:and|&)\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,2})?"
    r"(?:\s*,\s+(?:where|which|home to|the)\b[^,;.]{3,120},)?"
    r"\s+(?:was|were|has been|have been|had been|is being|are being)\s+"
    r"(?:also\s+|again\s+|reportedly\s+|repeatedly\s+|heavily\s+)?"
    r"(?:bombed|shelled|struck|hit|attacked|targeted|pounded|raided|stormed|bombarded|strafed)\b",
    re.IGNORECASE,
)
#: A name that is the subject of its closure: "The Torkham border has remained shut",
#: "Chaman crossing was closed".
# ... or of its reopening, told with the closure's length ("... has been reopened for
# trade after a 10-day closure")
_SUBJECT_REOPENED = re.compile(
    r"^(?:\s+(?:border\s+)?crossing(?:\s+point)?|\s+border)?,?\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:\w+ly\s+)?(?:been\s+|was\s+|were\s+|is\s+)?(?:\w+ly\s+)?"
    # ("has finally been opened after a 20-day-long closure"; not "opened fire")
    r"(?:re-?open(?:ed|s)?|opened(?!\s+fire))\b"
)
_SUBJECT_CLOSED = re.compile(
    # (or the last example of crossings that close: "crossings, such as X, have been shut")
    r"^(?:\s+(?:border\s+)?crossings?|\s+border)?,?\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:also\s+|all\s+)?(?:been|remained|remains|was|were|is|are)\s+(?:also\s+|still\s+|all\s+)?"
    r"(?:closed|shut(?:tered)?|sealed)\b"
)
#: A locative phrase opening the sentence or a clause: "In Quetta, a bomb killed two",
#: "Near Spin Boldak, ...", '"Outside Bannu, ..."' (capitalised, so not in _LOCATIVE).
_FRONTED = re.compile(
    r"(?:^|[.;:\"“(]\s*|,\s+)(?:In|At|Near|Outside|Inside|Around|Across|Within|Close to|"
    r"Not far from)\s+(?:the\s+)?(?:(?:town|city|village|district|area)\s+of\s+)?$"
)
#: ... unless the clause it opens is someone speaking there: "In Kabul, the Taliban
#: government said ...", "In Islamabad, officials told reporters ...".
_SPEAKER_AFTER = re.compile(
    r",?\s+(?:[\w'’-]+\s+){0,5}?(?:said|says|told|announced|claimed|denied|accused|blamed|"
    r"stated|warned|condemned|insisted|vowed|rejected|alleged|confirmed)\b"
)


# The unit word written before the name, in an address: "in village X, tehsil Y,
# district Z" (lower case, after a comma or at the start of the address).
_UNIT_FIRST = re.compile(r"(?:^|,\s*|\bin\s+|\bof\s+)(district|tehsil)\s+$", re.IGNORECASE)


def _qualify(t: str, places: list[_Place]) -> None:
    """Read "district/crossing/..." after a name (and across "X and Y districts")."""
    plural: set[int] = set()
    for p in places:
        q = _PLACE_NOUN.match(t[p.end : p.end + 30])
        if q is None:
            if lead := _UNIT_FIRST.search(t, max(0, p.start - 12), p.start):
                p.qual = lead.group(1).lower()  # "..., district Bannu", "tehsil Domel"
            continue
        p.qual = _QUAL_WORD.get(q.group("q").lower())
        if q.group("q").lower().endswith("s") and p.qual in ("district", "province"):
            p.notes.append(f"{q.group('q')!r} applies to the names listed before")
            plural.add(id(p))
    # "Barmal and Urgun districts": a plural noun names the whole list
    for i in range(len(places) - 2, -1, -1):
        a, b = places[i], places[i + 1]
        if a.qual is None and b.qual and _COORD.match(t[a.end : b.start]) and id(b) in plural:
            a.qual = b.qual
            plural.add(id(a))


def _as_unit(p: _Place, gc: Geocoder) -> Match | None:
    """The province (or district) of the name of ``p``, when it is one."""
    if p.match.method in ("admin1", "admin2"):
        return p.match
    for word in ("province", "district"):
        res = gc.resolve(f"{p.text} {word}")
        if res and res[0].method in ("admin1", "admin2"):
            return res[0]
    return None


# "X police station, Quetta": a facility named after its place, then its town
_FACILITY_COMMA = re.compile(
    r"^\s+(?:police stations?|police posts?|levies posts?|forts?|cantonments?|bazaars?|"
    r"markets?)\s*,\s*$",
    re.IGNORECASE,
)


# "Ghazni's Nawa district": the province named with a possessive right before a place
_OWNER = re.compile(r"\b([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})(?:'s|’s)\s+(?:the\s+)?$")


def _owner_hint(t: str, p: _Place, gc: Geocoder) -> dict[str, str]:
    """The admin hint of a unit that owns ``p`` by a possessive ("Ghazni's Nawa
    district": ``{"admin1": "Ghazni"}``), else no hint.  The owner is no mention
    of its own (:meth:`Geocoder.find_mentions` passes it over)."""
    m = _OWNER.search(t, max(0, p.start - 60), p.start)
    if m is None:
        return {}
    for word, level in (("province", "admin1"), ("district", "admin2")):
        res = gc.resolve(f"{m.group(1)} {word}")
        if res and res[0].method == level:
            return {level: res[0].name or m.group(1)}
    return {}


def _has_namesake_in(p: _Place, unit: Match, gc: Geocoder, *, told: bool = False) -> bool:
    """Whether ``p``, read as one of several places of its name, has one inside
    ``unit`` ("Nawa district, Ghazni": the Nawa of Ghazni, not of Helmand); with
    ``told`` (the unit is told as one: "Rustam, Shikarpur district"), whether a
    place of that name lies inside it however ``p`` was read alone."""
    if not (p.match.ambiguous or told) or unit.method not in ("admin1", "admin2"):
        return False
    got = _read_in(f"{p.text} {p.qual}" if p.qual else p.text, unit, gc)
    return (
        got is not None
        and not got.ambiguous
        and not got.match_class.startswith("fallback")
        and got.method != "unresolved"
        and _inside(got, unit)
    )


#: A list goes on after the second name: "Kabul, Kandahar and Khost", "Kabul, Kandahar, Khost".
_LIST_AFTER = re.compile(r"^\s*(?:,\s*(?:and\s+)?[A-Z]|and\b|or\b|&)")


def _told_held(t: str, places: list[_Place], i: int, j: int, unit: Match) -> bool:
    """Whether the text tells that the unit ``places[j]`` holds ``places[i]`` however
    ``places[i]`` was read alone: the unit's kind is written ("Rustam, Shikarpur
    district"), the place is a tehsil ("Kalachi tehsil, Dera Ismail Khan": a part of
    a district), or a place read far off is apposed to a district with no list going
    on ("in Kalachi, Dera Ismail Khan, on the night of ...")."""
    a, b = places[i], places[j]
    if b.qual in ("district", "province") or a.qual == "tehsil":
        return True
    return (
        unit.method == "admin2"
        and _APPOSED_GAP.match(t[a.end : b.start]) is not None
        and not _LIST_AFTER.match(t[b.end : b.end + 12])
        and not (i > 0 and _COORD.match(t[places[i - 1].end : a.start]))
        and _km(a.match, unit) > ARTICLE_FAR_KM
    )


def _town_part(a: _Place, b: _Place, gc: Geocoder) -> bool:
    """Whether "A, B" names A as a quarter of the town B, which is no admin unit
    ("Saddar, Karachi"): read together they answer within B's reach.  A takes
    that answer (in place)."""
    if a.match.method not in _POINT or a.role != "place" or a.qual:
        return False
    if b.match.method != "gazetteer" or not b.match.match_class.startswith("place"):
        return False  # B a town (not a valley, pass or crossing)
    res = gc.resolve(f"{a.text}, {b.text}")
    got = res[0] if res else None
    if got is None or got.method not in _POINT:
        return False
    if _km(got, b.match) > max(b.match.uncertainty_km, 5.0) + 5.0:
        return False
    if _km(got, a.match) > 1.0:
        a.notes.append(f"{a.text!r} read as a part of {b.text}: {got.name}")
        a.match = got
    return True


#: A list of places opened after the unit a sentence is set in: "Clashes in X district
#: ... continued in areas such as A, B and C", "spread to other areas including A, B".
_LIST_CUE = re.compile(
    r"\b(?:(?:other\s+)?(?:areas?|villages?|localities|parts|places|towns)\s+"
    r"(?:such\s+as|including|like)|including)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _scene_unit_lists(t: str, places: list[_Place], gc: Geocoder) -> None:
    """The places of a list (two or more) opened by :data:`_LIST_CUE` after a district
    or province the sentence named, each with no unit of its own, are read inside it: a
    place of the exact name in it answers ("Sangina" is a village of Kurram, not
    Sangin in Helmand); a namesake known only loosely (a village elsewhere, a
    spelling variant, an ambiguous name) is placed at the unit, keeping its text.
    A town found by its own name outside the unit stays (the list may leave it).
    The unit becomes the items' context, so the unknown names between them are
    placed at it too (:func:`_unknown_list_items`)."""
    for i, first in enumerate(places):
        if first.role != "place" or first.context:
            continue
        cue = _LIST_CUE.search(t, max(0, first.start - 40), first.start)
        if cue is None:
            continue
        units = [
            u
            for u in places[:i]
            if u.role == "place" and u.match.method in ("admin1", "admin2") and not u.fallback
        ]
        if not units:
            continue
        unit = units[-1]
        items = [first]
        for p in places[i + 1 :]:
            if p.role != "place" or p.context or not _COORD.match(t[items[-1].end : p.start]):
                break
            items.append(p)
        if len(items) < 2:
            continue  # ("... villages, including X, where five died": a site of the event)
        for p in items:
            if p.match.method in ("admin1", "admin2", "country") or _inside(p.match, unit.match):
                continue
            got = _read_in(p.text, unit.match, gc)
            if got is not None and got.method in _POINT and not got.ambiguous:
                p.notes.append(f"{p.text!r} read inside {unit.text} named before the list")
                p.match, p.fallback = got, False
            elif not _town(p.match):
                p.notes.append(f"{p.text!r} not found in {unit.text}: placed at {unit.match.name}")
                p.match, p.fallback = unit.match, True
            else:
                continue
            p.context.append(unit)


def _contexts(t: str, places: list[_Place], gc: Geocoder) -> None:
    """Mark admin units that locate the place before them and resolve that place
    inside them: a candidate outside the unit is rejected and the place falls back
    to the unit, keeping its own text."""
    for p in places:
        if p.qual and p.role == "place":
            res = gc.resolve(f"{p.text} {p.qual}", **_owner_hint(t, p, gc))
            got = res[0] if res and res[0].method != "unresolved" else None
            if got is None:
                continue
            if (
                p.qual in ("district", "province")
                and got.method not in ("admin1", "admin2")
                and p.match.method in _POINT
                and p.match.uncertainty_km < got.uncertainty_km
            ):
                # "Angoor Adda district": no such unit, and the name alone reads better
                continue
            p.match = got
    # "Khyber Pakhtunkhwa's Bannu district": the province locates the unit after it
    # and is passed over when that unit locates a place named before them both.
    possessive: set[int] = set()
    for a, b in zip(places, places[1:], strict=False):
        if a.role != "place" or b.role != "place" or a.match.method != "admin1":
            continue
        if not _POSSESSIVE_GAP.match(t[a.end : b.start]):
            continue
        unit_b = _as_unit(b, gc)
        if unit_b is not None and unit_b.method == "admin2" and _inside(unit_b, a.match):
            a.role = "context"
            b.context.append(a)
            possessive.add(id(a))
    # Right to left, so that a unit is read in its own unit first: in "the village
    # of X in the Y district of Z province", Z locates Y, and Y (then a district
    # of Z, not a namesake village elsewhere) locates X.
    for j in range(len(places) - 1, 0, -1):
        b = places[j]
        if b.role not in ("place", "country"):
            continue
        i_a = j - 1
        if id(places[i_a]) in possessive and places[i_a] in b.context and i_a > 0:
            i_a -= 1
        a = places[i_a]
        gap = t[a.end : b.start]
        if a.role == "frontier" or len(gap) > 60 or not _CTX_GAP.match(gap):
            continue
        if (
            _ROAD_GAP.search(gap)
            and b.qual not in ("district", "province", "tehsil")
            and b.match.method not in ("admin1", "admin2")
        ):
            continue  # "X road in Turbat": the town is the place (not a unit locating X)
        comma = _APPOSED_GAP.match(gap) or _FACILITY_COMMA.match(gap)
        listed = _LIST_NEXT.match(t[b.end : b.end + 40]) or (
            i_a > 0 and _COORD.match(t[places[i_a - 1].end : a.start])
        )  # "A, B, C and D": a list, not "Saddar, Quetta"
        if b.role == "place" and comma and not b.qual and not listed and _town_part(a, b, gc):
            b.role = "context"  # "Saddar, Quetta": the town locates its quarter
            continue
        if b.role == "place" and b.context and b.qual in ("district", "province"):
            _resolve_within(b, gc)
        unit = b.match if b.role == "country" else _as_unit(b, gc)
        if unit is None and b.qual == "tehsil" and b.match.admin2:
            # "X area of Y tehsil": the tehsil's district locates X
            res = gc.resolve(f"{b.match.admin2} district")
            unit = res[0] if res and res[0].method == "admin2" else None
            if unit is not None and b.match.method in _POINT:
                b.tehsil = b.match
        if unit is None:
            continue
        if _LEVEL.get(unit.method, 0) <= _LEVEL.get(a.match.method, 0) and not _PART_GAP.match(gap):
            # "Bajaur, Kurram": a list, not a district and its province (but "the X area
            # of Y district" is part of Y, whatever unit X's name also is elsewhere)
            continue
        if (
            not re.search(r"\b(?:in|of|within|District)\b|\(", gap)
            and not _inside(a.match, unit)
            and not _has_namesake_in(a, unit, gc, told=_told_held(t, places, i_a, j, unit))
            # ("the X area of Maidan, Lower Dir": a name read only as one of many
            # namesakes is the place the unit after the comma holds)
            and not (a.match.ambiguous and a.match.uncertainty_km > LOOSE_KM)
        ):
            continue
        if _NAMES_NEXT.search(gap) and not _inside(a.match, unit):
            # "Kabul, the southern city of Kandahar and ...": a list of places each with
            # its description, not Kabul inside Kandahar
            continue
        # b locates a, and every name listed with a ("Barmal and Urgun districts of Paktika")
        b.match = unit
        b.role = "context"
        chain = [a]
        k = i_a - 1
        if _FACILITY_GAP.match(gap):
            k = -1  # "X and the Y camp in Z": Z locates the camp only
        while (
            k >= 0
            and _COORD.match(t[places[k].end : places[k + 1].start])
            # "in Kurram and Spinwam, North Waziristan": a unit of the same level is
            # a list member of its own, not inside the unit named after the list
            and _LEVEL.get(places[k].match.method, 0) < _LEVEL.get(unit.method, 0)
            # "in Kurram and Zhob in Balochistan": a district of another province is
            # a list member of its own, never re-read as a namesake inside that one
            and not (
                places[k].match.method in ("admin1", "admin2")
                and places[k].match.admin1
                and not _inside(places[k].match, unit)
            )
        ):
            chain.append(places[k])
            k -= 1
        for x in chain:
            x.context.append(b)
    for a, b in zip(places, places[1:], strict=False):
        gap = t[a.end : b.start]
        if a.role == "place" and b.role == "place" and _UNIT_BEFORE.match(gap) and not b.context:
            unit = _as_unit(a, gc)
            if unit is not None and _LEVEL.get(unit.method, 0) > _LEVEL.get(b.match.method, 0):
                a.match, a.role = unit, "context"
                b.context.append(a)
    for a, b in zip(places, places[1:], strict=False):
        # "in Damadola, Mamund, Bajaur district": a village, then the tehsil holding it
        if (
            a.role == "place"
            and b.role == "place"
            and b.match.match_class == "tehsil"
            and a.match.match_class != "tehsil"
            and re.fullmatch(r"\s*,\s*", t[a.end : b.start])
            and not math.isnan(a.match.lat)
            and point_km(a.match.lat, a.match.lon, b.match.lat, b.match.lon)
            <= (b.match.uncertainty_km or 0)
        ):
            b.role = "context"
            a.context.append(b)
    for p in places:
        if p.role != "place" or not p.context:
            continue
        _resolve_within(p, gc)
    # Every province is in the gazetteer as one: a "province" that resolves to a
    # village is a name misspelt beyond the geocoder's reach, not a site.
    places[:] = [
        p
        for p in places
        if not (p.qual == "province" and p.role == "place" and p.match.method in _POINT)
    ]


_POINT = frozenset({"gazetteer", "crossing"})


def _facing(p: _Place, where: Match, units: list[Match], gc: Geocoder) -> bool:
    """Place ``p`` at the district of its province facing ``where`` across the line
    when the gazetteer knows ``where`` less well than that district (in place)."""
    for u in units:
        d = facing_district(where, u, gc)
        if d is None or not where.uncertainty_km > d.uncertainty_km:
            continue
        p.notes.append(
            f"{p.text!r} is {where.name} across the line from {u.name}: placed at"
            f" {d.name} district, which faces it"
        )
        p.match, p.fallback = d, True
        return True
    return False


def _facing_bare(p: _Place, name: str, units: list[Match], gc: Geocoder) -> bool:
    """A name read without its units (or known only in another spelling), across
    the line from the province the text puts it in ("Bahram Chah in Balochistan",
    "Baramcha in Balochistan"): placed at the district of that province facing it
    (in place)."""
    bare = gc.resolve(name)
    if not bare or bare[0].method not in _POINT or bare[0].ambiguous:
        return False
    return _facing(p, bare[0], units, gc)


#: A tehsil's outline is coarse (OCHA 2022): a place counts as in it within twice its
#: radius, and never closer than this (km).
TEHSIL_SLACK_KM = 15.0


def _off_tehsil(got: Match, tehsil: Match) -> bool:
    """Whether ``got`` lies clearly outside ``tehsil`` (see :data:`TEHSIL_SLACK_KM`)."""
    reach = max(2 * (tehsil.uncertainty_km or 0.0), TEHSIL_SLACK_KM)
    return got.method in _POINT and _km(got, tehsil) > reach


def _resolve_within(p: _Place, gc: Geocoder) -> None:
    hint: dict[str, str | None] = {"admin1": None, "admin2": None, "country": None}
    for c in p.context:
        level = "country" if c.match.method == "country" else c.match.method
        if level in hint:
            hint[level] = (c.match.name or c.label) if level != "country" else c.match.country
    text = f"{p.text} {p.qual}" if p.qual else p.text
    res = gc.resolve(text, **hint)
    got = res[0] if res and res[0].method != "unresolved" else None
    units = [c.match for c in p.context if c.match.method in ("admin1", "admin2")]
    if got is not None and any(_is_unit(got, u) for u in units):
        got = None  # the geocoder fell back to the hint: the name itself is not there
    if got is not None and all(_inside(got, u) or _reaches(got, u) for u in units):
        far = [c.tehsil for c in p.context if c.tehsil is not None and _off_tehsil(got, c.tehsil)]
        if far:
            # "the Tangi area of Salarzai tehsil": a namesake elsewhere in the tehsil's
            # district is not the place; the tehsil is
            p.notes.append(
                f"{p.text!r} read as {got.name}, {_km(got, far[0]):.0f} km from "
                f"{far[0].name} tehsil named beside it: placed at the tehsil"
            )
            p.match, p.fallback = far[0], True
            return
        if got.name != p.match.name:
            p.notes.append(
                f"{p.text!r} resolved with context {', '.join(c.label for c in p.context)}"
            )
        p.match = got
        return
    if (
        units
        and p.match.method in _POINT
        and not any(_inside(p.match, u) for u in units)
        and all(across_line(p.match, u) for u in units)
    ):
        # "the Spin Boldak area of Balochistan": a border town of the other country,
        # told by the stretch of border it faces; the town, not the whole unit
        # (a name known only loosely: the district of the unit facing it)
        if not _facing(p, p.match, units, gc):
            p.notes.append(
                f"{p.text!r} kept: across the line from {', '.join(u.name or '' for u in units)}"
            )
        return
    if units and (got is None or not all(_inside(p.match, u) for u in units)):
        if _facing_bare(p, p.text, units, gc):
            return  # "Bahram Chah in Balochistan": a town across the line from it
        unit = min(units, key=lambda u: _LEVEL.get(u.method, 9))
        tehsils = [c.tehsil for c in p.context if c.tehsil is not None and _inside(c.tehsil, unit)]
        if tehsils:
            unit = tehsils[0]  # "the X area of Y tehsil": the tehsil, finer than its district
        p.notes.append(f"{p.text!r} not found in {unit.name}: placed at {unit.name}")
        p.match = unit
        p.fallback = True


def _unknown_list_items(t: str, places: list[_Place], known: list[_Place]) -> None:
    """Names the gazetteer does not know, listed between places that share a unit
    ("in Khogyani, Ghani Khil and Behsud districts of Nangarhar"): kept with their
    own text and placed at that unit."""
    extra: list[_Place] = []
    for a, b in zip(places, places[1:], strict=False):
        if a.role != "place" or b.role != "place":
            continue
        gap = t[a.end : b.start]
        if not _COORD.match(gap):
            continue
        ctx = a.context or b.context
        units = [c.match for c in ctx if c.match.method in ("admin1", "admin2")]
        if not units:
            continue
        for m in re.finditer(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}", gap):
            x, y = a.end + m.start(), a.end + m.end()
            if any(q.start < y and x < q.end for q in places + known):
                continue
            if m.group(0).lower() in _NOT_PLACE or m.group(0).split()[0].lower() in _CALENDAR:
                continue
            unit = min(units, key=lambda u: _LEVEL.get(u.method, 9))
            q = b.qual or a.qual
            extra.append(
                _Place(
                    x,
                    y,
                    m.group(0),
                    unit,
                    qual=q,
                    context=list(ctx),
                    fallback=True,
                    notes=[f"{m.group(0)!r} not in the gazetteer: placed at {unit.name}"],
                )
            )
    if extra:
        places.extend(extra)
        places.sort(key=lambda p: p.start)


_LOCATIVE_END = re.compile(
    r"\b(?:in|at|near|on|across|around|inside|including|struck|hit|targeted|attacked|shelled|"
    r"as well as|(?:general\s+)?areas?\s+of|vicinity\s+of|outskirts\s+of)"
    r"\s+(?:the\s+)?$|:\s*$"
)
_BEFORE_UNIT = re.compile(
    r"(?:\b(?:in|at|near|on|across|around|inside|including|struck|hit|targeted|attacked|shelled|"
    r"as well as|(?:general\s+)?areas?\s+of|vicinity\s+of)\s+|,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
    r"(?:\s+(?P<feat>valley|pass|areas?|villages?|mountains?|heights|nullah|stream|river|range|"
    r"locality|hills?|plain|posts?|checkposts?|outposts?))?"
    r"(?:\s+(?:in|of)\s+(?:the\s+)?|\s*,\s*|\s*\(\s*)$"
)
# "the X area of Khyber's Tirah Valley": a name the gazetteer lacks, held by a place
_BEFORE_HOLDER = re.compile(
    r"\b(?:in|at|near|on|of|hit|struck|targeted)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+"
    r"(?P<feat>area|village|locality|sector|neighbou?rhood)\s+(?:of|in)\s+(?:the\s+)?"
    r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}(?:'s|’s)\s+)?$"
)


def _unknown_held(t: str, places: list[_Place], known: list[_Place], gc: Geocoder) -> None:
    """Names the gazetteer does not have (or has only far away), told as part of a
    place found in the sentence ("the X area of Khyber's Tirah valley"): kept with
    their own text and placed at the place that holds them (or at their namesake
    close to it)."""
    extra: list[_Place] = []
    for u in places:
        if u.role != "place" or u.match.method not in _POINT:
            continue
        off = max(0, u.start - 80)
        m = _BEFORE_HOLDER.search(t[off : u.start])
        if m is None:
            continue
        a, b = off + m.start("name"), off + m.end("name")
        name = m.group("name")
        if any(q.start < b and a < q.end for q in places):
            continue
        if _no_name(name):
            continue
        p = _Place(a, b, f"{name} {m.group('feat')}", u.match, context=[])
        _namesake_near(p, u, gc)
        u.role = "context"
        extra.append(p)
    if extra:
        places.extend(extra)
        places.sort(key=lambda p: p.start)


#: "in Zhob's Sambaza area", "in Upper Kurram's Boshehra village": a name after the
#: unit or town that owns it.
_OWNER_NAME = (
    r"(?P<owner>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}?)(?:\s+(?:district|tehsil|province))?"
    r"(?:'s|’s)\s+"
)
_AFTER_OWNER = re.compile(
    r"\b(?:in|at|near|on|hit|struck|targeted)\s+(?:the\s+)?" + _OWNER_NAME + r"(?:general\s+)?"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+"
    r"(?P<feat>area|village|locality|sector|valley|neighbou?rhood|town|bazaar)\b"
)


#: "in Kurram's border area", "hit Bajaur's border villages", "on Quetta's outskirts":
#: an unnamed part of the owner, which is then the site.
_OWNER_PART = re.compile(
    r"\b(?:in|at|near|on|hit|struck|shelled|targeted|pounded)\s+(?:the\s+)?"
    + _OWNER_NAME
    + r"(?:[a-z][\w-]*\s+){0,3}?"
    r"(?:areas?|villages?|region|outskirts|parts?|belt|countryside|localit(?:y|ies)|"
    r"suburbs?|mountains|hills)\b"
)


def _no_name(name: str) -> bool:
    """Whether capitalised words before a feature word are no place's name ("The",
    "Sunday", "Taliban")."""
    return name.lower() in _NOT_PLACE or name.split()[0].lower() in _FUNCTION | _CALENDAR


def _owner_match(gc: Geocoder, text: str) -> Match | None:
    """The unit or town ``text`` names, when the gazetteer knows it unambiguously."""
    res = gc.resolve(text)
    got = res[0] if res else None
    if got is None or got.method not in (*_POINT, "admin1", "admin2") or got.ambiguous:
        return None
    return got


def _unknown_after_owner(t: str, places: list[_Place], gc: Geocoder) -> None:
    """Names the gazetteer does not have, told after the unit or town that owns them
    ("in Zhob's Sambaza area"): kept with their own text and placed at their
    namesake close to the owner, else at the owner."""
    for m in _AFTER_OWNER.finditer(t):
        a, b = m.start("name"), m.end("feat")
        if any(q.start < b and a < q.end for q in places):
            continue  # the name was read already
        name = m.group("name")
        if _no_name(name):
            continue
        read = [q for q in places if q.start == m.start("owner") and q.end <= a]
        if read:  # "Bannu district's X area": the owner was read as a place
            o = read[0]
        else:
            got = _owner_match(gc, m.group("owner"))
            if got is None:
                continue
            o = _Place(m.start("owner"), m.end("owner"), m.group("owner"), got, role="context")
        if o.role not in ("place", "context") or math.isnan(o.match.lat):
            continue
        if not read:
            places.append(o)
        o.role = "context"
        p = _Place(a, b, f"{name} {m.group('feat')}", o.match, context=[])
        _namesake_near(p, o, gc)
        places.append(p)
    for m in _OWNER_PART.finditer(t):
        a, b = m.span("owner")
        if any(q.start < m.end() and a < q.end for q in places):
            continue
        got = _owner_match(gc, m.group("owner"))
        if got is None:
            continue
        places.append(
            _Place(
                a, m.end(), t[a : m.end()], got, notes=[f"{t[a : m.end()]!r}: a part of {got.name}"]
            )
        )
    places.sort(key=lambda p: p.start)


_LIST_SEP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:the\s+)?$")
_LIST_BACK = re.compile(
    r"(?:^|[\s(])(?:the\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
    r"(?:\s+(?P<feat>valley|pass|area|mountains?|village|heights|nullah|range|post))?"
    r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?$"
)


def _unknown_before_unit(t: str, places: list[_Place], known: list[_Place], gc: Geocoder) -> None:
    """Names the gazetteer does not know, right before the unit that locates them
    ("in the Spinkai Kandao area of Kurram district", "at Zorgai, Kurram", "in the
    Zarandi valley, the Sarwakai pass and the Shinkai mountain in Chitral
    district"): each kept with its own text and placed at that unit, never at some
    far namesake or the whole border."""
    extra: list[_Place] = []
    for u in places:
        if u.role not in ("place", "context") or u.match.method not in ("admin1", "admin2"):
            continue
        off = max(0, u.start - 80)
        m = _BEFORE_UNIT.search(t[off : u.start])
        if m is None:
            continue
        items = [(off + m.start("name"), off + m.end("name"), m.group("feat"))]
        # earlier items of the same list: "the X valley, the Y pass and ..."
        end = off + m.start("name")
        while True:
            k = _LIST_BACK.search(t[max(0, end - 60) : end])
            if k is None:
                break
            o = max(0, end - 60)
            a, b = o + k.start("name"), o + k.end("name")
            if any(
                q.start < b and a < q.end and q.match.method in ("admin1", "admin2") for q in places
            ):
                break  # "Ghaki, Kurram and Spinwam, X": a unit closes the list before it
            items.insert(0, (a, b, k.group("feat")))
            end = a
        if not _LOCATIVE_END.search(t[max(0, items[0][0] - 30) : items[0][0]]) and not any(
            q.role in ("place", "context") and _LIST_SEP.match(t[q.end : items[0][0]])
            for q in places
            if q.end <= items[0][0]
        ):
            # (nor the next item of a list of sites: "A and B in X and C in Y")
            continue
        new: list[_Place] = []
        for a, b, feat in items:
            name = t[a:b]
            # (a name read before an inner unit already: "Sambaza, Zhob District,
            # Balochistan" is in Zhob)
            if any(q.start < b and a < q.end for q in [*places, *extra, *new]):
                continue
            if name.lower() in _NOT_PLACE or name.split()[0].lower() in _FUNCTION | _DIRECTION:
                continue
            if name.split()[0].lower() in _CALENDAR:
                continue  # "on Sunday in Kurram": a day, not a place
            if _generic(name):
                continue  # a headline's "Attack on Army Camp in X": no name
            p = _Place(a, b, f"{name} {feat}" if feat else name, u.match, context=[u])
            if any(q.start < b and a < q.end for q in known):
                # a name the gazetteer has somewhere: only its namesake in the unit counts
                p.match = Match()
                _resolve_within(p, gc)
            elif not _facing_bare(p, name, [u.match], gc):
                p.fallback = True
                p.notes.append(f"{name!r} not in the gazetteer: placed at {u.match.name}")
            new.append(p)
        if new:
            u.role = "context"
            extra.extend(new)
    if extra:
        places.extend(extra)
        places.sort(key=lambda p: p.start)


#: Words of what is hit, capitalised in a headline ("Attack on Army Camp in North
#: Waziristan"): a name made of them only is no place name.
_GENERIC_WORDS = frozenset(
    "army military security police levies frontier corps fc border check checkpost checkpoint "
    "post posts camp camps base fort station office compound headquarters cantonment "
    "school mosque market bazaar hospital convoy vehicle van bus terrorist terrorists "
    "militant militants hideout hideouts forces troops soldiers".split()
)


def _generic(name: str) -> bool:
    """Whether every word of ``name`` is a common word of a target ("Army Camp")."""
    return all(w.lower().strip("'’") in _GENERIC_WORDS for w in name.split())


def _areas(places: list[_Place], gc: Geocoder) -> None:
    """A town that shares its name with its province ("Kandahar", "Khost") or its
    district ("Bannu") may mean either: keep the unit for folding restatements."""
    for p in places:
        if p.role == "place" and p.match.method not in ("admin1", "admin2", "country"):
            res = gc.resolve(f"{p.text} province")
            if res and res[0].method == "admin1" and res[0].name and p.match.admin1 == res[0].name:
                p.area = res[0]
                continue
            res = gc.resolve(f"{p.text} district")
            if res and res[0].method == "admin2" and res[0].name and p.match.admin2 == res[0].name:
                p.area = res[0]  # "Bannu": the town or its district


_LEVEL = {"gazetteer": 0, "crossing": 0, "admin2": 1, "admin1": 2, "country": 3}


def _inside(a: Match, b: Match) -> bool:
    """Whether the place of match ``a`` lies in the admin unit of match ``b``."""
    if b.method == "country":
        return a.country == b.country
    if b.method == "admin1":
        return a.admin1 is not None and _same_name(a.admin1, b.admin1)
    return a.admin2 is not None and _same_name(a.admin2, b.admin2)


def _reaches(got: Match, unit: Match) -> bool:
    """Whether an area (a valley, a range: a gazetteer feature with an extent) reaches
    into ``unit`` though its point lies in a neighbour ("Tirah valley of district
    Khyber": the valley's point is in Orakzai): their circles meet."""
    if got.match_class != "feature" or unit.method not in ("admin1", "admin2"):
        return False
    return _km(got, unit) <= (got.uncertainty_km or 0.0) + (unit.uncertainty_km or 0.0)


def _is_unit(got: Match, unit: Match) -> bool:
    """Whether the geocoder's answer is the hinted unit itself (its fallback), not
    a place inside it that shares its name ("Ghazni city of Ghazni province",
    "Kandahar district of Kandahar province" are the town and the district)."""
    if not _same_name(got.name, unit.name):
        return False
    return got.match_class.startswith("fallback") or got.method == unit.method


def _same_name(x: str | None, y: str | None) -> bool:
    return bool(x and y) and re.sub(r"\W", "", str(x).lower()) == re.sub(r"\W", "", str(y).lower())


@functools.cache
def _frontier_match() -> Match:
    from geo import Frontier

    f = Frontier.default()
    half = f.length_km / 2
    lon, lat = f.point_at(half)[0]
    return Match(
        name=FRONTIER_NAME,
        lon=float(lon),
        lat=float(lat),
        method="country",
        precision=3,
        uncertainty_km=round(half, 1),
        country=None,
        reason="frontier-wide statement: point at the middle of the line, radius half its length",
    )


def _frontier_place(a: int, b: int, phrase: str, strong: bool) -> _Place:
    return _Place(a, b, phrase, _frontier_match(), role="frontier", strong=strong)


def _place_key(p: _Place) -> object:
    if p.role == "frontier":
        return "frontier"
    if p.anew:  # not a repeat of the event told at the place before
        return ("anew", p.start, p.text.lower(), p.match.name)
    if p.fallback:
        return ("fallback", p.text.lower(), p.match.name)
    m = p.match
    if not math.isnan(m.lat) and (m.uncertainty_km or 99) <= 5:
        # "Torkham border" and "Torkham": two records of one point (a crossing's feature
        # and the crossing), one place
        return ("point", round(m.lat, 3), round(m.lon, 3))
    return (m.name, round(m.lat, 3) if not math.isnan(m.lat) else None)


# -- the article's own units ------------------------------------------------------------

_UNIT_NOUN = re.compile(r"^(?:'s|’s)?\s+(?:district|province|agency|tehsil)\b", re.IGNORECASE)
# "BAJAUR: Four persons ...", "PARACHINAR, Dec 8 -": a place dateline of a paragraph
_PLACE_DATELINE = re.compile(r"^\s*(?:[,/:]|[-–—]|\(|,?\s*[A-Z][a-z]{2}\w*\.?\s+\d)")


def article_units(sents: list[tuple[int, str]], gc: Geocoder) -> list[tuple[int, Match]]:
    """The provinces and districts an article names as where things happen (sites,
    the units of sites, datelines), with their offsets in the article: the hints
    that constrain a bare name elsewhere in it.  ``sents`` are the article's
    sentences as (offset, text).  Seats of government, venues, origins of fire,
    hometowns and the aftermath are left out, like countries."""
    out: list[tuple[int, Match]] = []
    for at, sent in sents:
        out.extend((at + o, u) for o, u in _sentence_units(plain(sent), gc))
    _mentions.cache_clear()  # one article's sentences: no cache across articles
    return out


def _sentence_units(text: str, gc: Geocoder) -> list[tuple[int, Match]]:
    out: list[tuple[int, Match]] = []
    for m in _mentions(gc, text):
        if not m.candidates or m.text.lower() in _NOT_PLACE:
            continue
        match = m.candidates[0]
        line_start = m.start == 0 or text[m.start - 1] == "\n"
        dateline = line_start and _PLACE_DATELINE.match(text[m.end : m.end + 20]) is not None
        if match.method not in ("admin1", "admin2") and dateline:
            # "BANNU: ...": a dateline town is its district's report (when it has one)
            got = gc.resolve(f"{m.text} district")
            if got and got[0].method == "admin2" and _inside(match, got[0]):
                out.append((m.start, replace(got[0], reason=DATELINE_UNIT)))
            continue
        if match.method not in ("admin1", "admin2"):
            if not _UNIT_NOUN.match(text[m.end : m.end + 20]):
                continue
            p0 = _Place(m.start, m.end, m.text, match)
            unit = _as_unit(p0, gc)
            if unit is None:
                continue
            match = unit
        p = _Place(m.start, m.end, m.text, match)
        if dateline:
            out.append((m.start, match))  # the dateline: where the report was filed
            continue
        if _role(text, p, m.key) in ("place", "listed"):
            out.append((m.start, match))
    return out


#: The reason given to a dateline town's district among the article's units.
DATELINE_UNIT = "the district of the dateline's town"
#: A bare name placed farther than this from every unit the article names (from the
#: unit's point; for a unit wider than half this, beyond the excess of its radius)
#: is a namesake elsewhere: it falls back to the unit.
ARTICLE_FAR_KM = 100.0
#: A name's radius beyond this (a name read with no hint at all) is tightened by
#: reading it again inside the article's unit that holds it.
LOOSE_KM = 60.0
#: An institution named after its founder, a virtue or a saint as often as after
#: its place ("Al-Fatah Public School", "Kulachi College").
_INSTITUTION_AFTER = re.compile(
    r"^\s+(?:(?:Cadet|Degree|Public|Model|Grammar|High|Girls|Boys)\s+)*"
    r"(?:College|School|University|Hospital|Academy)\b"
)


def article_index(units: list[tuple[int, Match]]) -> list[tuple[Match, list[int]]]:
    """The article's distinct units, each with the sorted offsets it is named at."""
    by: dict[tuple[str | None, str], tuple[Match, list[int]]] = {}
    for at, u in units:
        by.setdefault((u.name, u.method), (u, []))[1].append(at)
    return [(u, sorted(offsets)) for u, offsets in by.values()]


def _unit_within_article(
    p: _Place, at: int, index: list[tuple[Match, list[int]]], gc: Geocoder
) -> None:
    """A district name shared by districts of several provinces ("Nawa district")
    is the one inside the province the article names (the closest before it in
    the text first), when exactly one such province holds one (in place)."""
    provinces = sorted(
        (
            (bisect.bisect_right(offsets, at) == 0, abs(at - offsets[0]), u)
            for u, offsets in index
            if u.method == "admin1"
        ),
        key=lambda x: (x[0], x[1]),
    )
    text = f"{p.text} {p.qual}" if p.qual else p.text
    for _, _, u in provinces:
        got = _read_in(text, u, gc)
        if got is None or got.method != "admin2" or got.ambiguous or not _inside(got, u):
            continue
        p.notes.append(f"{p.text!r} read in {u.name}, named in the article: {got.name}")
        p.match = got
        return


def _district_without(
    text: str, got: Match, unit: Match, order: list[Match], gc: Geocoder
) -> Match | None:
    """The district the article names inside province ``unit`` when ``got``, the name
    read in the province, is only a respelling (not the name itself) lying outside
    that district, and the district has no place of the name at all; else None."""
    if unit.method != "admin1" or got.match_class not in ("place_variant", "place_edit"):
        return None
    for d in order:
        if d.method != "admin2" or d.admin1 != unit.name or _inside(got, d):
            continue
        again = _read_in(text, d, gc)
        if again is not None and again.method not in _POINT:
            return d
    return None


def within_article(
    p: _Place,
    at: int,
    index: list[tuple[Match, list[int]]],
    gc: Geocoder,
    *,
    loose: bool = False,
    country: str | None = None,
) -> None:
    """Read the bare place ``p`` (at offset ``at`` of the article) inside the units the
    article names: a namesake in a named unit (the closest in the text first) wins
    over a far or ambiguous match; a match farther than :data:`ARTICLE_FAR_KM` from
    every named unit, with no namesake in them, falls back to the unit named
    closest before it in the text (else after it), keeping its own text.  ``loose``:
    the name was read only in part ("Khar" of "Khar Kallay"), however well that part
    is known.  ``country`` (``"AF"``, ``"PK"``): the country the sentence names beside
    the place ("in Lalpura, Afghanistan"); only that country's units are read."""
    m = p.match
    if country is not None:
        index = [(u, offsets) for u, offsets in index if u.country == country]
    if p.role != "place" or p.fallback or p.context or not index:
        return
    if m.method == "admin2" and m.ambiguous:
        _unit_within_article(p, at, index, gc)
        return
    if m.method not in _POINT:
        return
    # the units named before the place first (the lead names the district, later
    # sentences its villages), the closest first; then those named after it
    keys = []
    for u, offsets in index:
        k = bisect.bisect_right(offsets, at)
        keys.append(((False, at - offsets[k - 1]) if k else (True, offsets[0] - at), u))
    order = [u for _, u in sorted(keys, key=lambda x: x[0])]
    # (where the report was filed holds its namesakes, but a far name is not placed there)
    away = [u for u in order if u.reason != DATELINE_UNIT]
    far = all(
        _km(m, u) > ARTICLE_FAR_KM + max(0.0, (u.uncertainty_km or 0.0) - ARTICLE_FAR_KM / 2)
        for u in away
    )
    base = p.named or p.text  # ("the area": the name it refers back to)
    text = f"{base} {p.qual}" if p.qual and p.qual not in ("district", "province") else base
    if not (m.ambiguous or m.uncertainty_km > LOOSE_KM or loose):
        return  # a name read with confidence stands, wherever it is
    own = [u for u in order if _inside(m, u)]
    # a district the article names inside a province that holds the match first
    # ("Barmal district in Paktika province ... Murg Bazaar village")
    inner = [
        d
        for d in order
        if d.method == "admin2" and d not in own and any(o.name == d.admin1 for o in own)
    ]
    for u in inner + own or order:
        got = _read_in(text, u, gc)
        if got is None or got.method not in _POINT or not _inside(got, u):
            continue
        if got.ambiguous and not m.ambiguous:
            continue
        district = _district_without(text, got, u, order, gc)
        if district is not None:
            # "strikes on X district of P ... seven villages, including L": L, only
            # a respelling elsewhere in P, is an unknown village of X
            p.notes.append(
                f"{p.text!r} not in {district.name}, named in the article; in {u.name} only "
                f"as {got.name} ({got.match_class}): placed at {district.name}"
            )
            p.match = district  # the district's own row, not a place inside it
            return
        p.notes.append(f"{p.text!r} read in {u.name}, named in the article: {got.name}")
        p.match = got
        return
    if far and away and (country is None or m.country != country):
        u = away[0]
        p.notes.append(
            f"{p.text!r} read as {m.name} {_km(m, u):.0f} km from {u.name}, the unit the "
            f"article names nearest to it: placed at {u.name}"
        )
        p.match, p.fallback = u, True
