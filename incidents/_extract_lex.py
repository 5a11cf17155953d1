"""Word lists of :mod:`incidents.extract`: event triggers and their ACLED types,
actors (demonyms and organisations), casualty phrases and place contexts."""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from geo import reference
from incidents._extract_controls import accidental, non_event
from incidents._extract_counts import Casualties, casualties_in
from incidents._extract_lex_more import EXTRA, MONTH, TRADES, same_blast
from incidents._extract_phrasing import CLOSURE_BEGAN, MORE_TRIGGERS, closed_subject
from incidents._extract_phrasing_h import (
    MORE_TRIGGERS_H,
    ended_closure,
    high_meeting_alone,
    own_forces,
    truce_state,
)
from incidents._extract_phrasing_l import weather_named, without_weather
from incidents._extract_phrasing_m import AIRCRAFT_KILLS, BOMB_KILLS

__all__ = [
    "disaster_toll",
    "no_violent_word",
    "EVENT_KINDS",
    "SEQUEL",
    "Casualties",
    "Trigger",
    "actors_in",
    "casualties_in",
    "clear_caches",
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
        r"\b(?:air|aerial|drone|missile|precision)[- ]?(?:strikes?|attacks?|raids?|bombing|"
        r"bombardments?)"
        r"|\bairstrikes?\b|\bair raids?\b|\bbombing raids?\b"
        r"|\b(?:jets|warplanes|aircraft|drones?|planes|helicopters?|gunships?)\s+(?:\w+\s+)?"
        r"(?:struck|hit|bombed|bombarded|strafed|attacked|targeted|pounded|fired|"
        + AIRCRAFT_KILLS
        + r")\b"
        r"|\b(?:struck|bombed)\b|\bquadcopters?(?: (?:attacks?|strikes?))?\b"
        # "raining bombs upon homes", "dropped bombs on houses" (from the air)
        r"|\b(?:rain(?:ed|ing|s)?|drop(?:ped|ping|s)?)\s+(?:[\w-]+\s+){0,2}?bombs\b"
        # "the LS-6 bombs were dropped from JF-17 fighter jets"
        r"|\bbombs\s+(?:were|was|had\s+been|have\s+been)\s+dropped\b"
        # "accused Pakistan of striking X" (not "a striking contrast")
        r"|\bstriking\b(?!\s+(?:a\s+|an\s+|the\s+)?(?:deal|balance|similarit\w*|contrast|"
        r"resemblance|example|feature|image|display|difference|omission|number|rise)\b)"
        r"|\bair (?:operations?|campaign|offensive)\b"
        r"|\bair force\b(?=\s+(?:\w+\s+){0,2}(?:destroyed|struck|hit|bombed|targeted|attacked)\b)"
        # On this frontier a bare "strike(s)" is a Pakistani air or drone strike.
        # (a "search and strike operation" is on the ground: see armed_clash)
        # (not a strike of labour: "a hunger strike", "the strike and protest of traders")
        r"|(?<!search and )(?<!search-and-)(?<!hunger )(?<!shutter-down )(?<!wheel-jam )"
        # (nor "terror strikes", "militant strikes": attacks on the ground)
        r"(?<!general )(?<!protest )(?<!terror )(?<!terrorist )(?<!militant )"
        r"\bstrikes?\b(?! (?:deal|agreement|operations?)\b)"
        r"(?! (?:and|&) protests?\b)(?! (?:by|of) (?:the )?(?:\w+ )?(?:traders|transporters|"
        r"workers|drivers|lawyers|doctors|teachers|shopkeepers|employees)\b)",
    ),
    (
        "suicide_bombing",
        r"\bsuicide[- ](?:bomb(?:ing|er|ers|s)?|attacks?|blasts?|car bomb(?:ing)?)\b"
        r"|\bblew (?:himself|herself|themselves) up\b"
        r"|\b(?:suicide|explosives?(?:[- ](?:laden|packed|filled))?) (?:vests?|jackets?|belts?)\b",
    ),
    (
        "bombing",
        r"\b(?:roadside|car|truck|remote[- ]controlled|improvised) (?:bombs?|explosive devices?)"
        r"|\bIEDs?\b|\b(?:bomb|explosive) (?:blasts?|attacks?|explosions?)\b|\bblasts?\b"
        r"|\bbombings?\b|\bexplosions?\b"
        r"|\bexplosives?[- ](?:laden|packed|filled) (?:vehicles?|cars?|trucks?|motorcycles?)\b"
        r"|\b(?:vehicles?|cars?|trucks?|motorcycles?|rickshaws?)\s+(?:laden|packed|filled|loaded|"
        r"rigged)\s+with\s+explosives\b"
        r"|\bvehicle[- ]borne\b|\bVBIEDs?\b|" + BOMB_KILLS,
    ),
    (
        "shelling",
        r"\bshell(?:ed|ing|s)\b|\bmortars?\b|\bartillery\b|\brockets?\b|\bmissiles?\b"
        r"|\b(?:tank|howitzer)\s+(?:shells?|rounds?|fire)\b"
        r"|\bshell\b(?=\s+(?:was\s+)?(?:fired|landed|hit|struck|exploded|fell))"
        r"|\bheavy weapons\b|\bbombard(?:ed|ing|ment|ments)\b|\bpound(?:ed|ing)\b",
    ),
    (
        "armed_clash",
        r"\bclash(?:es|ed|ing)?\b|\bfirefights?\b|\bgun ?battles?\b|\bfighting\b|\bskirmish\w*"
        r"|\bexchang(?:e|ed|es|ing) (?:of )?(?:heavy |intense |small[- ]arms |)fire\b"
        r"|\btrad(?:ed|ing) (?:heavy |)fire\b|\bopen(?:ed|s|ing)? (?:\w+ )?fire\b"
        r"|\bexchanges of fire\b|\breturn(?:ed|ing|s)? (?:the )?fire\b"
        r"|\bfought\b|\bhostilities\b|\bconfrontations?\b|\bfirings?\b"
        r"|\b(?:violent |armed )?encounters?\b"
        r"|\bcross-border fire\b|\bgunfire\b|\bfired (?:on|at|upon|into)\b"
        # "terrorists fired from across (the border) on the post"
        r"|\bfired from across (?:the (?:border|frontier|Durand Line) )?(?:on|at|upon)\b"
        # "resorted to unprovoked fire on multiple Pakistani border posts"
        r"|\b(?:unprovoked|indiscriminate|heavy|intense)\s+fire\s+(?:on|at|upon|towards?)\b"
        # a security operation against militants ("an intelligence-based operation in X")
        r"|\bsearch[- ]and[- ]strike operations?\b"
        r"|\b(?:intelligence[- ]based|search|sanitization|sanitisation|clearance|combing|"
        r"counter-?terrorism|anti-?terror(?:ist|ism)?|security|military|ground) operations?\b"
        r"|\bIBOs?\b|\bconflict\b(?=\s+(?:\w+\s+)?(?:occurred|erupted|broke out|took place))"
        # "the violence erupted in X", "the violence spread to X, Y and Z"
        r"|\bviolence\b(?=\s+(?:\w+\s+)?(?:erupted|broke out|flared|spread|raged))"
        r"|\b(?:came|come|comes|coming) under (?:heavy |intense |small[- ]arms |)fire\b",
    ),
    (
        "attack",
        r"\battack(?:s|ed|ing)?\b|\bassault(?:s|ed)?\b|\braid(?:s|ed)?\b|\bambush(?:ed|es)?\b"
        # "launched a counterattack", "retaliatory operations by Afghan forces"
        r"|\bcounter-?(?:attacks?|attacked|attacking|offensives?)\b"
        r"|\bretaliatory (?:operations?|attacks?|raids?|assaults?)\b"
        r"|\bstormed\b|\bcaptured\b|\bseized\b|\boverran\b|\bretaliat\w+ (?:strikes?|fire)\b"
        # "militants kidnapped 11 tribal policemen", "were abducted at gunpoint", "took
        # the officials hostage" (the deed, not "kidnapping for ransom" in a list of crimes)
        # (not "the bodies of two abducted labourers": a participle before its noun)
        r"|\b(?:kidnapped|abducted)\b(?!\s+(?:[a-z]+s|men|women|people|children)\b)"
        r"|\bkidnap\b(?= \d| (?:two|three|four|five|six|seven|eight|"
        r"nine|ten|dozens|several|\w+ (?:policemen|soldiers|guards|officials|villagers)))"
        # "militants attempted to storm the checkpost", "storming the post" (an attempt
        # that met fire is an attack all the same)
        r"|(?<=to )(?:storm|overrun)\b|\bstorming\b(?= (?:the|a|an|of|into)\b)"
        r"|\b(?:terror|terrorist|militant) strikes?\b"
        r"|\bretaliat(?:ed|ing)\s+(?:against|on|at)\b"
        r"|\btargeted\b(?! killings?)|\binfiltrat(?:ed|ion|ing)\b|\bincursions?\b"
        # "trying to infiltrate", not the habit of "networks infiltrate X from Y"
        r"|(?:(?<=to )|(?<=twice )|(?<=again ))infiltrate\b"
        r"|\bintrusions?\b|\b(?:cross-border|armed|militant)\s+invasions?\b"
        # "launched a coordinated offensive", "a nighttime blitz on 15 outposts" (not
        # "offensive remarks": launched, mounted or begun)
        # (lower case: "the Spring Offensive" names a season's campaign, no incident)
        r"|(?<=launched )(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?-i:offensive|blitz)\b"
        r"|(?<=mounted )(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?-i:offensive|blitz)\b"
        r"|\b(?:the|this) (?:[\w-]+\s+){0,2}?(?-i:offensive) (?=began|started|continued|targeted)"
        # "the camp in X was destroyed": a target named without an event word
        r"|\bdestroy(?:ed|ing)\b",
    ),
    (
        "killing",
        # "was shot in the head", "were shot by gunmen" (not "shot down a drone")
        r"\b(?:was|were|been|being|got|get)\s+(?:\w+ly\s+)?shot\b(?!\s+(?:down|at\s+by\s+cameras))|"
        r"\b(?:killed|killing|kills?|shot dead|gunned down|martyred|martyring|dead|died|wounded|"
        r"injured|"
        r"lost (?:their|his|her) lives?|embraced (?:martyrdom|shahadat)|sent to hell|"
        # "resulted in the martyrdom of seven soldiers" (not "the martyrdom of Imam Hussain")
        r"martyrdom of (?=(?:at least |as many as )?(?:\d|a |an |one |two |three |four |five |"
        r"six |seven |eight |nine |ten |several |many |dozens |both |our |its |their ))|"
        r"neutrali[sz]ed|perished|slain|succumbed|deaths? of|"
        r"no (?:casualties|deaths|fatalities|loss of life))\b"
        # "dozens were hurt" (not "the closure hurt traders")
        r"|\b(?:was|were|been|got)\s+(?:\w+ly\s+)?hurt\b"
        # "the death toll has risen to 31" after the event: its count, told later
        r"|\b(?:death toll|toll)\b(?=[^.;]{0,100}?\b(?:rose|risen|surged|soared|climbed|jumped|"
        r"reached|"
        r"increased|mounted)\s+to\b)"
        # "troops eliminated five terrorists": a count of fighters after it
        r"|\beliminated\b(?=(?:\s+[\w-]+){1,4}?\s+(?:terrorists|militants|khawarij|khwarij|"
        r"kharijis|insurgents|fighters|attackers|miscreants)\b)",
    ),
    (
        "border_closure",
        r"\b(?:closed|shut|sealed|closure of|shutdown of|closing|suspended (?:trade|traffic)|"
        # a headline's or a brief's present tense: "Islamabad shuts Torkham"
        r"(?:shuts|seals|closes)(?= (?:down )?(?:the |all |its |key |main )?(?:(?-i:[A-Z])|border|"
        r"crossings?|gates?))|"
        r"remained closed|remain closed|stay closed|remained shut|remain shut|"
        r"(?:remained |remains |been |was |were )shuttered|"
        # "halted cross-border traffic", "suspended all traffic", "stopped all movement"
        r"(?:halt(?:ed|ing|s)?|suspend(?:ed|ing|s)?|stop(?:ped|ping|s)?|block(?:ed|ing|s)?) "
        r"(?:all )?(?:cross-border |transit )?(?:traffic|trade|movement|crossings))\b"
        # "Trade, as well as pedestrian movement, was blocked along the crossing"
        r"|\b(?:traffic|trade|movement)(?:,\s+as well as\s+[\w -]{1,30},)?\s+(?:was|were|has been|"
        r"have been|had been|remained)\s+(?:halted|suspended|stopped|blocked)\b"
        # ... its subject further back ("The movement of people ... via the Torkham
        # crossing was abruptly suspended": checked in _triggers, _HALTED_SUBJECT)
        r"|\b(?:was|were|has been|have been|had been|remained|remains)\s+(?:\w+ly\s+|also\s+)?"
        r"(?:halted|suspended|stopped|blocked)\b"
        # "trade came to a standstill at the Torkham border" (its subject checked too)
        r"|\b(?:came|comes|come|coming|ground|grinds|grind)\s+to\s+a\s+(?:standstill|halt)\b"
        # "The closure began on February 21": the closure as the subject of its start
        r"|(?<=\bthe )(?:border )?(?:closure|shutdown)(?= " + CLOSURE_BEGAN + r"\b)",
    ),
    (
        "ceasefire",
        r"\bcease-?fire\b|\btruce\b|\barmistice\b"
        # "declared a temporary pause in escalating fighting", "a cessation of hostilities"
        r"|\b(?:temporary\s+|brief\s+|humanitarian\s+)?pause\s+in\s+(?:the\s+)?(?:escalating\s+|"
        r"cross-border\s+|border\s+)?(?:fighting|hostilities|clashes)\b"
        r"|\bcessation\s+of\s+hostilities\b",
    ),
    (
        "talks",
        r"\b(?:peace |follow-up |fresh |new |further |)talks\b|\bnegotiations\b"
        r"|\bround of (?:talks|negotiations)\b|\bmediat(?:ed|ion) talks\b"
        # the border forces' "flag meeting"; "the first round of discussions"
        r"|\bflag meetings?\b|\brounds? of (?:discussions|dialogue)\b"
        # "a Joint Coordination Committee (JCC) meeting ... is under way in Kabul"
        r"|\b(?:Coordination Committee (?:\(JCC\) )?|JCC )meetings?\b"
        # "a meeting held yesterday between local Nangarhar officials and the Pakistani
        # side" (both sides named: _triggers)
        r"|\bmeetings?(?=\s+(?:held\s+)?(?:[\w()-]+\s+){0,3}?between\s)"
        # "held a week of informal meetings in Urumqi", "a trilateral meeting", "a meeting
        # of the Joint Coordination Committee" (not "chaired a meeting at his office")
        r"|\b(?:informal|bilateral|trilateral|tripartite|quadrilateral|week of|days of|"
        r"rounds? of)\s+(?:[\w-]+\s+)?meetings?\b"
        r"|\bmeetings?(?=\s+(?:of|between)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:delegations|"
        r"committee|commission|sides|two countries|JCC)\b)"
        # a jirga of the two countries' elders: "a Pak-Afghan jirga held at Torkham", "a
        # joint grand tribal jirga", "a jirga between the two countries" (not a
        # district's own tribal jirga)
        r"|\b(?:joint|Pak-Afghan|Pakistan-Afghanistan|Afghan-Pak|Afghanistan-Pakistan|"
        r"cross-border|bilateral)\s+(?:[\w-]+\s+){0,2}?jirgas?\b"
        r"|\bjirgas?(?=\s+(?:between|of)\s+(?:the\s+)?(?:two|both)\s+(?:countries|sides|"
        r"neighbou?rs)\b)",
    ),
]
# phrasings found on unseen outlets (arson, "a bomb went off", "UAV", "shootout")
_MORE = (EXTRA, MORE_TRIGGERS, MORE_TRIGGERS_H)
_T = [(k, "|".join([rx, *(m[k] for m in _MORE if k in m)])) for k, rx in _T]
_TRIGGER_RX = re.compile("|".join(f"(?P<{k}>{rx})" for k, rx in _T), re.IGNORECASE)

# What was closed, when it is no border, crossing or route: "closed all government
# institutions", "shut their shops", "sealed the offices of ...".
# what else is shut: shops, offices, schools ...
_SHUT_PLACES = (
    r"institutions|offices|schools|colleges|universities|markets|shops|businesses|bazaars?|"
    r"hospitals|banks"
)
_NOT_BORDER_OBJECT = re.compile(
    r"\s+(?:down\s+)?(?:all\s+|the\s+|their\s+|its\s+|several\s+|dozens\s+of\s+)?(?:[\w-]+\s+){0,2}?"
    rf"(?:{_SHUT_PLACES}|departments|courts|educational|madrassas?|seminaries)\b",
    re.IGNORECASE,
)
# A ceasefire is an event only when agreed, not when merely referred to.
_AGREED = re.compile(
    r"\b(?:agree[ds]?|agreeing|signed|sign|announced|announcing|declared|declaring|reached|"
    r"brokered|accepted|extended|extend|took effect|came into effect|into force|struck|sealed|"
    r"requested|started|began|begun)\b",
    re.IGNORECASE,
)
# "reached an agreement with Afghanistan's Interim Government for a temporary 48-hour
# ceasefire": the agreement's verb farther back than the window of _AGREED
_AGREEMENT_FOR = re.compile(
    r"\b(?:reached|signed|struck|announced)\s+(?:an?\s+)?agreement\s+(?:[\w’'-]+\s+){0,6}?"
    r"for\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_NOT_AGREED = re.compile(
    # ("hostilities that ended with a truce agreed on Wednesday": the truce is news)
    r"\b(?:despite|violat\w+|breach\w*|broke|collapsed?|expired?|lapsed?|ended(?! with\b)|after|"
    # "shattered a fragile ceasefire", "wrecked the truce": its end, not a truce
    r"shatter\w*|wreck\w*|torpedo\w*|undermin\w*|jeopardi[sz]\w*|scuttl\w*|derail\w*|"
    r"since|"
    # "agreed to uphold the ceasefire reached in Doha": the agreement is older news
    r"uphold\w*|maintain\w*|respect\w*|observ\w*|implement\w*|preserv\w*|sustain\w*|"
    r"abide by|cement\w*|consolidat\w*)\b",
    re.IGNORECASE,
)
_STATE = re.compile(r"\b(?:remain|stay)", re.IGNORECASE)
_STATE_BEFORE = re.compile(
    r"\b(?:remain(?:s|ed|ing)?|stay(?:s|ed|ing)?|still|kept|keep(?:s|ing)?|already|"
    # "had been closed": the state before the news; "has been closed" alone is the
    # news itself (a perfect of a fresh closure), a state only with a length after it
    r"had\s+(?:\w+\s+)?been)\s+"
    r"(?:\w+\s+)?$",
    re.IGNORECASE,
)
# "the prolonged closure of the crossings", "the ongoing shutdown": a closure told as
# lasting is the state the news is about, not its event.
_LASTING_BEFORE = re.compile(
    r"\b(?:prolonged|continued|continuing|ongoing|extended|protracted|lengthy|long|"
    r"indefinite|(?:weeks|months|days)-long)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
# "has been closed for weeks", "have been shut since": a perfect that tells a state.
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|having)\s+(?:\w+\s+)?been\s+(?:\w+\s+)?$", re.I)
_LASTING_AFTER = re.compile(
    r"\s+(?:down\s+)?(?:since|for\s+(?:(?:the\s+)?(?:past|last)\s+)?(?:\w+\s+)?"
    r"(?:days?|weeks?|months?|years?|hours?))\b|\s+(?:ever\s+since|till|until)\b",
    re.IGNORECASE,
)
# "The closure began on February 21": told from its start, a state that has lasted since
_BEGAN_AFTER = re.compile(r"\s+" + CLOSURE_BEGAN + r"\b", re.IGNORECASE)
_DURATION = re.compile(
    r"\bfor (?:a|the) (?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) "
    r"(?:straight |consecutive |successive )?day\b"
    # "remained shut for fifteen consecutive days" (a running count, as "for a fourth
    # day"; "has been closed for two weeks" is a state)
    r"|\bfor (?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+"
    r"(?:straight|consecutive|successive) days\b",
    re.IGNORECASE,
)
# Demolition by an authority, not an attack ("353 bunkers were razed ... 635 destroyed").
_DEMOLITION = re.compile(
    r"\b(?:raze[ds]?|razing|demolish\w*|demolition|dismantl\w*|bulldoz\w*)\b", re.IGNORECASE
)
# Damage by nature, not by an attack ("heavy rain destroyed homes").
# what is done with the wounded or the dead after the event: "(the injured) were being
# shifted to Quetta"
_CARRIED_AFTER = re.compile(
    r"\s+(?:were|was|are|is|had been|have been)\s+(?:being\s+)?(?:shifted|taken|rushed|moved|"
    r"brought|evacuated|admitted|referred|treated|discharged|transported|airlifted|handed)\b",
    re.IGNORECASE,
)
_NATURAL = re.compile(
    r"\b(?:rains?|rainfall|floods?|flooding|flash floods?|earthquakes?|quakes?|storms?|"
    r"landslides?|landslips?|avalanches?|snowfall|cyclones?|wildfires?|blaze)\b",
    re.IGNORECASE,
)
# a truce prolonged ("agreed to extend their 48-hour ceasefire")
_EXTENDED = re.compile(
    r"\bextend(?:ed|ing|s)?\s+(?:the\s+|their\s+|its\s+)?(?:[\w'’-]+\s+){0,2}$", re.I
)
_DAY_WORD = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
    rf"\d{{1,2}} {MONTH}|{MONTH} \d{{1,2}})\b",
    re.I,
)
# a word of violence besides a casualty word (a disaster sentence that also tells an attack)
_VIOLENT_WORD = re.compile(
    r"\b(?:attack\w*|strikes?|struck|shell\w*|bomb\w*|blast|explosion|gunmen|militants?|"
    r"fir(?:ed|ing)|clash\w*|fighting|shot)\b",
    re.I,
)
_CASUALTY_WORD = re.compile(
    r"\b(?:killed|killing|died|dead|deaths?|lost (?:their|his|her) lives?|injured|wounded|"
    r"casualties)\b",
    re.IGNORECASE,
)
_REOPEN = re.compile(r"\bre-?open(?:ed|ing|s)?\b", re.IGNORECASE)
# A crossing closed to one group of people for want of papers: "the closure of Torkham
# crossing for Afghan patients without passports and Pakistani visas".
_WITHOUT_PAPERS = re.compile(
    r"[^.;:]{0,50}?\b(?:for|to)\s+(?:[\w-]+\s+){0,3}?(?:patients|travell?ers|passengers|"
    r"people|pedestrians|refugees|Afghans|nationals|drivers|citizens|students)\s+without\s+"
    r"(?:(?:valid|legal|proper|travel)\s+)?(?:passports?|visas?|documents?|papers|travel)\b",
    re.IGNORECASE,
)


# "the ceasefire agreed in Doha has ...": the participle names a truce in force, the
# clause's verb comes after it
_KNOWN_TRUCE = re.compile(
    r"\s+(?:agreed|brokered|reached|signed|announced|mediated)\b[^.;]{0,60}?\b(?:has|have|had|is|"
    r"was|remains|remained|held|holds|appears|seemed|seems|largely)\b",
    re.IGNORECASE,
)
# A closure that people protest or complain about exists already: no new event.
_PROTESTED_BEFORE = re.compile(
    r"\b(?:protest(?:ed|ing|s)?(?: against)?|against|over|demanding an end to|"
    r"condemn(?:ed|ing)|criticis(?:ed|ing)|complain(?:ed|ing) (?:about|of))\s+(?:the\s+)?"
    r"(?:prolonged\s+|continued\s+|ongoing\s+|)$",
    re.IGNORECASE,
)
_BARE_HALTED = re.compile(
    r"(?:was|were|has been|have been|had been|remained|remains)\s+(?:\w+ly\s+|also\s+)?"
    r"(?:halted|suspended|stopped|blocked)"
    r"|(?:came|comes|come|coming|ground|grinds|grind)\s+to\s+a\s+(?:standstill|halt)",
    re.IGNORECASE,
)
# the subject of a bare "was suspended": traffic, trade or movement named first, with
# what it crossed ("The movement of people ... via the Torkham crossing")
_HALTED_SUBJECT = re.compile(
    r"\b(?:traffic|trade|movement|(?:import|export|trade) activities)\b"
    r"(?:\s+of\s+[\w -]{1,30}?)?"
    # ("Import and export activities, in addition to transit trade, came to ...")
    r"(?:,\s+(?:in addition to|as well as|along with)\s+[\w -]{1,30},)?"
    r"(?:\s+(?:between|via|through|across|at|on)\s+[^.;:,]{1,90}?)?\s*$",
    re.IGNORECASE,
)
_BORDER_WORD = re.compile(r"\b(?:border|crossings?|frontier|gates?|trade routes?)\b", re.I)


# "The Torkham crossing, connecting ..., as well as the Chaman border in ..., were
# closed": a passive closure whose subject, a crossing, opens the clause far before it
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?$", re.I)
_OTHER_CLOSED = re.compile(rf"\b(?:{_SHUT_PLACES}|roads?|highways?)\b", re.IGNORECASE)


# Where the clause of a passive verb's subject opens: after ";" or ":", after a
# coordinated clause (", but the X crossing was closed"), after a fronted cause or
# time ("After fighting near the Chaman border, Quetta airport was closed")
_HEAD_CUT = re.compile(r"[;:]|,\s+(?:but|and|while|whereas|yet|as(?!\s+well\b))\s")
_FRONTED = re.compile(
    r"^\W*(?:After|Following|Amid|Despite|Since|As|When|Before|In (?:the )?wake of)\b[^,]*,\s*",
    re.IGNORECASE,
)
# the last word before a border word: a preposition (a modifier of what closes, "shops
# near the Torkham border") or a conjunction (a second subject, "markets and the X
# crossing")
_LINK = re.compile(r"\b(?:near|in|at|of|by|outside|around|along|from|on)\b|\band\b|,")


# A headline's passive, its auxiliary left out, with what closes opening it: "Five
# schools along Pak-Afghan border closed in Dir"
_HEADLINE_SUBJECT = re.compile(
    rf"^\W*(?:[\w-]+\s+){{0,2}}?(?:{_SHUT_PLACES}|roads?|highways?)\b"
    r"(?:(?!\b(?:as|after|while|when|and|but|following|amid|because|since|closed|shut(?:tered)?|sealed)\b)"
    r"[^,;:])*$",
    re.IGNORECASE,
)


def _subject_head(sentence: str, at: int) -> tuple[int, str, list[int]] | None:
    """Where the subject of a passive verb at ``at`` opens, its words, and where they
    name a border or a crossing (None when the verb is not passive)."""
    if not _PASSIVE_BEFORE.search(sentence, max(0, at - 30), at) and not (
        _HEADLINE_SUBJECT.match(sentence, 0, at)
    ):
        return None
    start = max((m.end() for m in _HEAD_CUT.finditer(sentence, 0, at)), default=0)
    fronted = _FRONTED.match(sentence, start) if start == 0 else None
    start = fronted.end() if fronted else start
    head = sentence[start:at]
    spots = [*_BORDER_WORD.finditer(head), *_crossing_names().finditer(head)]
    return start, head, sorted(x.start() for x in spots)


def other_subject(sentence: str, at: int) -> bool:
    """Whether the passive closure verb at ``at`` has for its subject something else
    that closes (shops, schools, roads), named first, with any border or crossing
    after it only a modifier ("Schools near the Torkham border were closed"; not
    "Markets in Chaman and the Friendship Gate crossing were closed")."""
    got = _subject_head(sentence, at)
    if got is None:
        return False
    _, head, spots = got
    body = re.sub(r"^\W*(?:the\s+)?", "", head)
    lead = len(head) - len(body)
    other = _OTHER_CLOSED.search(body[:40])
    if other is None:
        return False
    after = [s - lead for s in spots if s - lead > other.start()]
    if len(after) != len(spots):
        return False  # a border or crossing named before it
    for s in after:
        links = _LINK.findall(body, other.end(), s)
        if links and links[-1].lower() in ("and", ","):
            return False  # a second subject of the verb
    return True


def far_subject(sentence: str, at: int) -> int | None:
    """Where the subject of the passive closure verb at ``at`` opens when it is a
    crossing or border at the start of its clause, however long the words between
    (and nothing else that closes, as shops or roads, in it); else None."""
    got = _subject_head(sentence, at)
    if got is None or not got[2]:
        return None
    start, head, spots = got
    return start if spots[0] < 80 and not _OTHER_CLOSED.search(head) else None


@lru_cache(maxsize=1)
def _crossing_names() -> re.Pattern[str]:
    """The crossings' own names and the names the press gives them ("Torkham",
    "Bab-e-Dosti"), from the shipped crossings table: a closure of one needs no
    border word beside it."""
    names = set()
    for r in reference.crossings().itertuples():
        names.add(str(r.name))
        names.update(a for a in str(r.alt_names or "").split(";") if a and a != "nan")
    alt = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})\b", re.IGNORECASE)


# Violent words used as nouns of statements ("condemned the attacks"), not as events.
_DIPLOMATIC = re.compile(
    r"\b(?:condemn\w*|protest\w*|denounc\w*|accus\w*|warn\w*|vow\w*|threat\w*|respond to|"
    r"in response to|would be answered|blam\w*|denied|deny|rejected|"
    # the topic of talks or of an inquiry: "discussed the recent clashes in X"
    r"discuss\w*|debat\w*|(?:inquiry|investigation|probe) into|"
    # what a team is sent to look into: "a delegation ... to probe recent rocket attacks"
    r"to (?:probe|assess|look into|inquire into))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    text: str
    kind: str
    state: bool = False  # a closure told as a state ("remains closed since ...")

    @property
    def violent(self) -> bool:
        return self.kind in VIOLENT

    @property
    def weak(self) -> bool:
        """A casualty word ("killed") stands for an event only when nothing else does."""
        return self.kind == "killing"


def triggers_in(sentence: str) -> list[Trigger]:
    """Event trigger words of one sentence, left to right.

    The same text is read many times during one article (per mention, per role
    check): answers are memoised (bounded; :func:`clear_caches` empties it).
    """
    return list(_triggers_memo(sentence))


@lru_cache(maxsize=2048)
def _triggers_memo(sentence: str) -> tuple[Trigger, ...]:
    return tuple(_triggers(sentence))


# "bombed by PAF jets", "struck by Pakistani drones": an attack by the forces named
# (not "struck by lightning", "struck by a car")
_BY_FORCES = re.compile(
    r"\s+by\s+(?:(?:the|a|an)\s+)?(?:PAF\b|Pakistan(?:i|'s|’s)?\s+|Afghan\s+|Taliban\s+|military\s+|"
    r"(?:fighter\s+)?jets\b|warplanes\b|drones?\b|aircraft\b|helicopters?\b|gunships?\b)"
)


def _triggers(sentence: str) -> list[Trigger]:
    out: list[Trigger] = []
    natural: bool | None = None
    natural_only = False
    disaster_struck = False  # "an earthquake struck X": the sentence's toll is the quake's
    for m in _TRIGGER_RX.finditer(sentence):
        kind = m.lastgroup or ""
        text = m.group(0)
        state = False
        if non_event(sentence, m.start(), m.end(), kind):
            continue  # a labour strike, firing in the air, a recollection
        if kind == "air_strike" and text.lower() in ("struck", "bombed"):
            # "struck a deal", "struck by": only a strike on something counts; and
            # "a roadside bomb struck": the verb of another weapon is not an air strike.
            after = sentence[m.end() : m.end() + 20].lower()
            if re.match(r"\s+(?:a |an )?(?:deal|agreement|accord|by|down)\b", after) and not (
                _BY_FORCES.match(sentence, m.end())
            ):
                continue
            if _HIT_A_MINE.match(sentence, m.end()):
                continue  # "their vehicle struck an old mine": the mine's blast
            if out and out[-1].kind != "air_strike" and m.start() - out[-1].end < 40:
                continue
        if kind == "ceasefire" and _EXTENDED.search(sentence[max(0, m.start() - 40) : m.start()]):
            # "agreed to extend the ceasefire": a truce that goes on is news only when
            # the decision is dated in its own clause ("on Friday decided to extend it")
            clause = re.split(r"[,;:]", sentence[max(0, m.start() - 80) : m.start()])[-1]
            if not _DAY_WORD.search(clause):
                continue
        if kind == "ceasefire":
            window = sentence[max(0, m.start() - 60) : m.end() + 60]
            before = sentence[max(0, m.start() - 25) : m.start()]
            agreed = _AGREED.search(window) or _AGREEMENT_FOR.search(
                sentence, max(0, m.start() - 120), m.start()
            )
            kept_truce = _NOT_AGREED.search(before)
            if (
                kept_truce
                and kept_truce.group(0).lower() in ("implement", "observe")
                and re.match(r"\s+an?\s", before[kept_truce.end() :])
            ):
                # "agree to reopen the route and implement a temporary ceasefire": a new
                # truce to keep (not "uphold the ceasefire reached in Doha")
                kept_truce = None
            if not agreed or kept_truce:
                continue
            if truce_state(sentence, m.end()):  # "a truce ... has faltered"
                continue
            if re.search(r"\bthe\s+(?:[\w-]+\s+)?$", before, re.I) and _KNOWN_TRUCE.match(
                sentence, m.end()
            ):
                continue  # "the ceasefire agreed in Doha has brought calm": one in force
        if (
            kind == "border_closure"
            and _BARE_HALTED.fullmatch(text)
            and not _HALTED_SUBJECT.search(sentence, max(0, m.start() - 140), m.start())
        ):
            continue  # "the match was suspended": only traffic, trade or movement
        if kind == "border_closure":
            # a closure that continues ("remained closed", "still shut") or ends
            # ("reopened after remaining closed") is a state, not a new event, unless
            # it is dated by its length ("remained closed for a fourth day"); the
            # article decides whether a state is its news (incidents.extract)
            before = sentence[max(0, m.start() - 25) : m.start()]
            state = (
                _STATE.search(text)
                or _STATE_BEFORE.search(before)
                or _LASTING_BEFORE.search(before)
                or (_PERFECT_BEFORE.search(before) and _LASTING_AFTER.match(sentence, m.end()))
                or _BEGAN_AFTER.match(sentence, m.end())
            )
            # ("reopened after remaining closed for 20 days": ended, not a state)
            state = bool(state) and not _DURATION.search(sentence) and not ended_closure(text)
            if _PROTESTED_BEFORE.search(before):
                continue  # "traders protested the closure of the crossing": a known state
            if _NOT_BORDER_OBJECT.match(sentence, m.end()):
                continue  # "closed all government institutions in Chaman": no crossing
            if _WITHOUT_PAPERS.match(sentence, m.end()):
                continue  # "the closure of Torkham for patients without visas": a documents rule
            if other_subject(sentence, m.start()):
                continue  # "Schools near the Torkham border, ..., were closed": not it
            if _REOPEN.search(sentence[max(0, m.start() - 80) : m.end() + 40]) and not (
                ended_closure(text)
            ):
                continue  # (but "reopened after an eight-month closure": that closure)
            window = sentence[max(0, m.start() - 80) : m.end() + 80]
            if ended_closure(text):
                window = sentence  # (the crossing reopened: the subject of the sentence)
            # ("The closure began on ...": placed only at a crossing named before it)
            if (
                not _BORDER_WORD.search(window)
                and not _BEGAN_AFTER.match(sentence, m.end())
                and not _crossing_names().search(window)
                and far_subject(sentence, m.start()) is None
                # ("It had been closed for nine days": the crossing named before)
                and closed_subject(sentence) is None
            ):
                continue
        if kind == "talks" and re.search(r"\btalks? (?:about|of) war\b", sentence, re.I):
            continue
        if kind == "talks" and high_meeting_alone(text, sentence):
            continue  # "chaired a high-level meeting in Islamabad": one side's meeting
        if (
            kind == "talks"
            and re.fullmatch(r"meetings?", text, re.I)
            and not _meeting_of_both(sentence, m.end())
        ):
            continue  # "a meeting between the prime minister and the army chief"
        if (
            kind == "killing"
            and text.lower() in ("injured", "wounded", "dead")
            and re.search(r"\bthe\s+$", sentence[max(0, m.start() - 5) : m.start()], re.I)
            and _CARRIED_AFTER.match(sentence, m.end())
        ):
            continue  # "a few of the injured were shifted to Quetta": the victims told before
        if (
            kind == "killing"
            and text.lower() in ("injured", "wounded")
            and re.search(
                r"\b(?:a|an|his|her|their)\s+$", sentence[max(0, m.start() - 6) : m.start()], re.I
            )
            and re.match(r"\s+[a-z]", sentence[m.end() : m.end() + 3])
        ):
            continue  # "risking his life to save a wounded comrade": a person described
        if kind == "killing" or text.lower().startswith("destroy"):
            if natural is None:  # once per sentence: a long one holds thousands of triggers
                natural = (
                    _NATURAL.search(sentence) is not None
                    or accidental(sentence)
                    or weather_named(sentence)  # "lightning strikes killed two"
                )
                natural_only = natural and no_violent_word(sentence)
            if kind == "killing" and (natural_only or disaster_struck):
                continue  # "the earthquake killed 1,400": deaths of a disaster, not violence
            if text.lower().startswith("destroy") and natural:
                continue  # "floods destroyed homes": damage without an attack
            if text.lower().startswith("destroy") and _DEMOLITION.search(sentence):
                continue  # "353 bunkers were razed, 635 destroyed": demolition, no attack
        if (
            kind == "air_strike"
            and re.match(r"(?:struck|hit|bombed|pounded)$", text, re.IGNORECASE)
            and _NATURAL.search(sentence[max(0, m.start() - 80) : m.start()])
        ):
            disaster_struck = True
            continue  # "a powerful earthquake ... struck Kunar province": no strike
        if kind == "bombing" and out and same_blast(sentence, m.start(), out[-1].kind):
            continue  # "a suicide bomber detonated explosives": one blast, a suicide one
        out.append(Trigger(m.start(), m.end(), text, kind, state))
    return out


_PK_SIDE = re.compile(r"\b(?:Pakistan|Pakistani|Islamabad)\b")
_AF_SIDE = re.compile(
    r"\b(?:Afghan|Afghanistan|Taliban|Kabul|Islamic Emirate|Nangarhar|Kandahar|Kunar|Khost|"
    r"Paktika|Paktia|Nuristan|Helmand|Zabul|Nimroz)\b"
)


def _meeting_of_both(sentence: str, end: int) -> bool:
    """Whether the clause after "meeting ... between" names both countries' sides
    ("between local Nangarhar officials and the Pakistani side")."""
    clause = re.split(r"[.;]", sentence[end : end + 160])[0]
    return bool(_PK_SIDE.search(clause) and _AF_SIDE.search(clause))


def disaster_toll(sentence: str) -> bool:
    """Whether a sentence gives the toll of a natural disaster and no violence ("24
    people lost their lives in monsoon rains"): the casualties told without a cause
    in the sentences after it are that disaster's too."""
    natural = _NATURAL.search(sentence) is not None or weather_named(sentence)
    return natural and _CASUALTY_WORD.search(sentence) is not None and no_violent_word(sentence)


def no_violent_word(sentence: str) -> bool:
    """Whether a sentence names no violence (attack, strike, blast, gunmen, firing...)."""
    return not _VIOLENT_WORD.search(without_weather(sentence))


#: Set by :func:`incidents.extract.extract` for an article that gives no violent row
#: at all: then an attack only condemned ("the minister condemned the attack in X") is
#: the article's news, told by the statement about it.
CONDEMNED_IS_NEWS: ContextVar[bool] = ContextVar("condemned_is_news", default=False)


def is_diplomatic(sentence: str, trig: Trigger) -> bool:
    """Whether a violent trigger is the object of a statement ("condemned the attacks").

    An accusation of doing it ("accused Pakistan of carrying out airstrikes",
    "accused forces of killing three civilians") reports the event."""
    before = sentence[max(0, trig.start - 45) : trig.start]
    m = _DIPLOMATIC.search(before)
    if not m:
        return False
    if CONDEMNED_IS_NEWS.get() and m.group(0).lower().startswith("condemn"):
        return False
    if re.search(r"\b(?:killed|killing|struck|hit|wounded)\b", before, re.I):
        return False
    accusation = re.match(r"accus\w*$", m.group(0), re.I) and re.search(
        r"\bof\s+(?:\w+\s+){0,2}?\w+ing\b|\bof\s+(?:\w+\s+){0,3}$", before[m.end() :], re.I
    )
    return not accusation


# A vehicle striking a mine or a bomb: "struck an old landmine", "hit a roadside bomb"
_HIT_A_MINE = re.compile(
    r"\s+(?:an?\s+|the\s+)?(?:(?:old|unexploded|hidden|buried|planted|abandoned|Soviet-era)\s+)?"
    r"(?:land\s?)?(?:mines?|roadside bombs?|IEDs?|improvised explosive devices?|explosives?)\b",
    re.IGNORECASE,
)


# -- frontier-wide phrases -------------------------------------------------------

# (the Afghan authorities' names for the line: "the hypothetical line", "the imaginary
# line", "the so-called Durand Line")
_FRONT = (
    r"(?:border|frontier|Durand Line|boundary|['‘’\"]?(?:hypothetical|imaginary)['‘’\"]?\s+"
    r"(?:Durand\s+)?line['‘’\"]?)"
)
# bodies named after the frontier, not places on it: "near the Frontier Corps headquarters"
_FRONT_BODY = r"corps|constabulary|works|province|region|regions|scouts|police|force|house"
# how the line is: "the disputed border", "the volatile 2,640-kilometre Durand Line"
_HOW = (
    r"(?:disputed|porous|shared|volatile|contested|mountainous|rugged|long|tense|so-called|"
    r"contentious|controversial|colonial-era|unrecogni[sz]ed|de facto|restive|troubled)"
)
_KM = (
    r"(?:more than |over |nearly |about |some |roughly |almost )?"
    r"\d[\d,]*[- ]?(?:km|kilometre|kilometer|mile)s?(?:[- ]long)? "
)
_LEN = rf"(?:(?:{_HOW},? )?{_KM})?"
_PAIR = (
    # "the two countries' disputed border": whose border, then how it is
    r"(?:(?:two |both )?(?:countries|nations|neighbou?rs)['’] )?"
    # ("their porous and disputed border")
    rf"(?:{_HOW}(?:,| and)? ){{0,2}}(?:{_KM})?"
    r"(?:(?:Afghan|Afghanistan|Pakistan|Pakistani)[- ](?:Afghan|Afghanistan|Pakistan|Pakistani) )?"
)
_STRONG = re.compile(
    rf"\b(?:all|right) along (?:the |their |its )?{_LEN}{_PAIR}(?:shared )?{_FRONT}"
    rf"|\b(?:along|across|on) (?:the |their )?(?:entire|whole|full|length of the) "
    rf"(?:length of (?:the )?)?{_LEN}{_PAIR}{_FRONT}"
    rf"|\b(?:several|multiple|many|numerous|various|dozens of|a string of|a series of|"
    rf"\d{{1,3}}) "
    rf"(?:points|places|locations|sectors|areas|fronts|posts|positions|border posts|"
    rf"military posts|army posts|checkposts) (?:along|on|across) (?:the |their )?{_LEN}{_PAIR}"
    rf"{_FRONT}"
    rf"|\b(?:border|frontier)-wide\b|\bthe length of the {_LEN}{_PAIR}{_FRONT}",
    re.IGNORECASE,
)
_WEAK = re.compile(
    # not "across the border": that is cross-border fire, not the whole frontier
    # ("along some sections of their border")
    rf"\b(?:along|on) (?:(?:some |several |various )?(?:sections|parts|stretches) of )?"
    rf"(?:the |their )?{_LEN}{_PAIR}{_FRONT}\b(?! (?:crossing|town|city|"
    rf"district|post|{_FRONT_BODY}))"
    # "a suicide attack near the Afghan border", "strikes on Afghan territory" (only
    # when the sentence names no place)
    rf"|\b(?:near|close to) (?:the )?{_PAIR}(?:(?:Afghan|Afghanistan|Pakistani|Pakistan|"
    rf"Pak-Afghan)(?:'s|’s)? )?{_FRONT}\b(?! (?:crossing|town|city|district|post|{_FRONT_BODY}))"
    rf"|\b(?:on|inside|into|in) (?:parts of |several parts of )?(?:the )?(?:Afghan|"
    rf"Afghanistan(?:'s|’s)?) (?:territory|soil)\b"
    # "attacks on Pakistani border posts": somewhere on the frontier
    rf"|\b(?:on|at|against|targeting) (?:the )?(?:Pakistani|Afghan|Pakistan(?:'s|’s)|"
    rf"Afghanistan(?:'s|’s)) (?:border |frontier )(?:posts|positions|checkposts|outposts|"
    rf"checkpoints)\b"
    # "airstrikes along its border with Afghanistan": one country's side of this line
    rf"|\b(?:along|on|near) (?:its|their|Pakistan(?:'s|’s)|Afghanistan(?:'s|’s)) "
    rf"(?:{_HOW} )?{_FRONT} with (?:Afghanistan|Pakistan)\b"
    # "militants trying to cross from Afghanistan", "an infiltration bid from Afghanistan":
    # at the line, where they were stopped
    rf"|\b(?:(?:trying|attempting|tried|attempted|seeking|sought)\s+to\s+"
    rf"(?:cross|infiltrate|sneak)(?:\s+(?:into\s+Pakistan|the\s+border|over|in))?|"
    rf"infiltration\s+(?:bids?|attempts?)|infiltrating)\s+(?:from|into)\s+"
    rf"(?:Afghanistan|Pakistan)\b(?!'s|’s)"
    # "strikes in the Afghan border areas": the other side of the line, no place named
    rf"|\b(?:in|on|into|across) (?:the )?(?:Afghan|Afghanistan(?:'s|’s)|Pakistani|"
    rf"Pakistan(?:'s|’s)) border (?:areas|regions|belt|villages)\b"
    # "the Taliban attacked Pakistani border posts", "Pakistan targeted Afghan posts with
    # tanks", "captured 19 Pakistani military posts": one side's posts, hit by the other
    rf"|(?:(?<=\battacked )|(?<=\battacking )|(?<=\bassaulted )|(?<=\btargeted )|"
    rf"(?<=\btargeting )|(?<=\bshelled )|(?<=\bcaptured )|(?<=\bseized )|(?<=\bstormed )|"
    rf"(?<=\boverran )|(?<=\bdestroyed )|(?<=\battacks on )|(?<=\battack on )|"
    rf"(?<=\bfire on )|(?<=\bfiring on )|(?<=\bfired on )|(?<=\bfired at )|"
    rf"(?<=\bassaults on )|(?<=\bassault on ))(?:the )?(?:\d+ |several |multiple |dozens of )?"
    rf"(?:Pakistani|Afghan|Pakistan(?:'s|’s)|Afghanistan(?:'s|’s)) (?:border |frontier |military "
    rf"|army |security |forward )?(?:posts|positions|checkposts|outposts|checkpoints)\b"
    # "Afghan forces attacked Pakistani border troops": the other side's troops on the line
    rf"|(?:(?<=\battacked )|(?<=\battacking )|(?<=\battacks )|(?<=\bassaulted )|"
    rf"(?<=\btargeted )|(?<=\bshelled )|(?<=\bfired on )|(?<=\bfired at ))"
    rf"(?:the )?(?:Pakistani|Afghan) border (?:troops|forces|guards|personnel)\b"
    # "Taliban forces attacked several positions in Pakistan": the other side's, no
    # place named
    rf"|(?:(?<=\battacked )|(?<=\battacking )|(?<=\bassaulted )|(?<=\btargeted )|"
    rf"(?<=\btargeting )|(?<=\bshelled )|(?<=\bstruck )|(?<=\bhit ))"
    rf"(?:several|multiple|dozens of|numerous|various|\d{{1,3}}) (?:military |border )?"
    rf"(?:positions|posts|locations|points|areas|places|targets|checkposts) (?:in|inside) "
    rf"(?:Pakistan|Afghanistan)\b(?!'s|’s)"
    # "several points beyond the hypothetical line": across the line, in Pakistan
    rf"|\bbeyond (?:the )?{_FRONT}"
    # "airstrikes inside Afghanistan", "positions across Afghanistan"
    rf"|\b(?:deep )?(?:inside|across|into) (?:Afghanistan|Pakistan)\b(?!'s|’s)",
    re.IGNORECASE,
)


# Where fighters went after it, not where it happened: "forced the militants to
# retreat into Afghanistan", "fled across the border"
_RETREAT_BEFORE = re.compile(
    r"\b(?:retreat\w*|fle[de]\w*|flee\w*|escap\w*|withdr[ae]w\w*|pushed back|driven back|"
    r"chased back|slipped back|melted back|crossed back)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def frontier_phrases(sentence: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, text, strong) of phrases that put an event on the whole frontier."""
    out = [(m.start(), m.end(), m.group(0), True) for m in _STRONG.finditer(sentence)]
    for m in _WEAK.finditer(sentence):
        if _RETREAT_BEFORE.search(sentence, max(0, m.start() - 40), m.start()):
            continue  # "forced the militants to retreat into Afghanistan"
        if not any(a <= m.start() < b for a, b, _, _ in out):
            out.append((m.start(), m.end(), m.group(0), False))
    return sorted(out)


# -- actors ------------------------------------------------------------------------

PK_MIL = "Military Forces of Pakistan"
AF_MIL = "Afghan Taliban forces"
TTP = "TTP (Tehrik-i-Taliban Pakistan)"
HGB = "Hafiz Gul Bahadur group"
CIVILIANS = "Civilians"
#: The TTP named by the words of Pakistan's military: an agent only as a subject.
TTP_WORD = "TTP*"
_UNITS = (
    r"(?:jets|warplanes|fighter jets|aircraft|drones?|forces|troops|soldiers|army|military|"
    r"security forces|artillery|air force|border guards|border forces|personnel|paramilitar\w*|"
    r"guards?|sentry|sentries|"
    r"gunners|fighters|army posts|military posts|border posts|posts|checkposts|positions|"
    r"authorities|side|gunship\w*|helicopters?|tanks?|mortar fire|mortars?|shells|shelling|"
    r"fire|firing|firings|attacks?|rockets?|missiles?|strikes?|air strikes?|drone strikes?|"
    r"airstrikes?|planes|military aircraft|fighter jets)"
)
_ACTORS: list[tuple[str, re.Pattern[str]]] = [
    (TTP, re.compile(r"Tehr[ei]e?k[- ][ei]-?[- ]?Taliban[- ]Pakistan|\bTTP\b|Pakistani Taliban")),
    (HGB, re.compile(r"Hafiz Gul Bahadur")),
    (
        PK_MIL,
        re.compile(
            rf"\bPakistani (?:army |military |security |border |)(?:\w+ )?{_UNITS}\b"
            rf"|\bPakistan(?:'s|’s)? (?:[Aa]rmy|[Mm]ilitary|[Aa]ir [Ff]orce|forces|troops)\b"
            # "Pakistani and Afghan forces": both, the first by the noun they share
            rf"|\bPakistani(?= and (?:the )?Afghan (?:Taliban |border |security |)"
            rf"(?:\w+ )?{_UNITS}\b)"
            rf"|\bFrontier Corps\b|\bISPR\b|\bPakistan(?:i|'s|’s)? Air Force\b|\bPAF\b"
            rf"|\bPakistan (?=(?:struck|launched|carried out|"
            rf"bombed|shelled|attacked|hit|retaliated|targeted|conducts|conducted|carries out|"
            rf"launches|strikes|bombs|pounded|deployed|sent|dispatched|"
            rf"(?:also )?said it (?:struck|hit|targeted))\b)"
        ),
    ),
    (
        AF_MIL,
        re.compile(
            rf"\bAfghan (?:Taliban |border |security |)(?:\w+ )?{_UNITS}\b|\bAfghan Taliban\b"
            # ("Afghan Border Forces", capitalised as a service's name)
            rf"|\bAfghan (?:Border|Security|National) (?:Forces|Police|Guards?|Troops)\b"
            rf"|\bTaliban (?:forces|fighters|troops|posts|positions|border forces|government "
            rf"forces|attacks?|assaults?|fire|firing|firings|guards|border guards|border police|"
            rf"security forces|units|soldiers)\b|\bAfghan side\b|\bIslamic Emirate forces\b"
            # "the Taliban" itself when it fights Pakistan's forces across the line (the
            # Pakistani Taliban are the TTP, named so)
            # (the word first, what may not stand before it after: a look-behind at
            # every offset made this pattern several times slower)
            rf"|\bTaliban\b(?<!Pakistani Taliban)(?<!Pakistan Taliban)(?<!-Taliban)"
            rf"(?![- ](?:Pakistan|led|run|"
            rf"government|administration|authorities|regime|spokesman|spokesperson))"
            rf"(?=[^.;]{{0,120}}\b(?:retaliat\w*|Durand Line|Pakistani (?:\w+ )?(?:border )?"
            rf"(?:posts|positions|checkposts|checkpoints|troops|soldiers)|Pakistan Army))"
            rf"|\b(?:Taliban|Afghan)-fired\b"
            rf"|\bAfghan(?= and (?:the )?Pakistani (?:army |military |security |border |)"
            rf"(?:\w+ )?{_UNITS}\b)"
        ),
    ),
    # the attacker named by where the fire came from or by "by"
    (
        PK_MIL,
        re.compile(
            r"(?<=\bby )Pakistan\b(?!['’]s)|\bfrom (?:the )?Pakistani (?:side|territory|soil)\b"
        ),
    ),
    (
        AF_MIL,
        re.compile(
            r"\bfrom (?:the )?Afghan (?:side|territory|soil)\b"
            r"|\bfrom (?:inside |within )?Afghanistan\b(?!['’]s)|\bfrom across the Afghan border\b"
            r"|(?<=\bby )(?:Afghanistan|the Afghan side)\b(?!['’]s)"
        ),
    ),
    # Pakistan's military calls the TTP "terrorists" and "khawarij": the subject of
    # an attack so named is the TTP (never inferred from a victim: see TTP_WORD)
    (
        TTP_WORD,
        re.compile(r"(?i:\b(?:terrorists|khawarij|khwarij|kharijis|Fitna al[- ]Khawarij)\b)"),
    ),
    (
        CIVILIANS,
        re.compile(
            # ("(?=[a-z])": at a word's end no branch is tried)
            r"\b(?=[a-z])(?:civilians?|children|women|residents|villagers|families|a family|"
            r"cricketers|a woman|a child|traders|truck drivers"
            # a victim's calling ("a teacher", "two polio workers"), not a source's
            rf"|(?!(?:journalist|reporter|activist|politician|(?:tribal )?elder)s?\b){TRADES}s?)\b",
            re.IGNORECASE,
        ),
    ),
]


# Movement verbs before "from Afghanistan": where people came from, not who fired.
_CAME = re.compile(
    r"\b(?:crossed|crossing|cross|came|coming|infiltrated|infiltrating|infiltrate|entered|"
    r"entering|enter|sneaked|"
    r"snuck|slipped|returned|fled|deported|repatriated|travel(?:l)?ed|arrived)"
    r"(?:\s+(?:over|in|back|into\s+\w+))?\s+$",
    re.IGNORECASE,
)


_SPEAKER = re.compile(
    r"\s*(?:'s\s+|’s\s+)?(?:chief |main |official |)(?:spokes(?:man|person|woman)|officials?|"
    r"ministry|government|administration|authorities|interim government|defen[cs]e ministry|"
    r"media|sources|said|says|say|claimed|told|accused|denied)\b",
    re.IGNORECASE,
)


def actors_in(sentence: str) -> list[tuple[int, str]]:
    """(offset, actor) for every actor phrase, left to right.  A speaker ("Afghan
    Taliban spokesman", "Taliban officials said") is not an actor of the event.
    Memoised like :func:`triggers_in`."""
    return list(_actors_memo(sentence))


@lru_cache(maxsize=2048)
def _actors_memo(sentence: str) -> tuple[tuple[int, str], ...]:
    return tuple(_actors(sentence))


def clear_caches() -> None:
    """Empty the memos of :func:`triggers_in` and :func:`actors_in` (called around
    each :func:`incidents.extract.extract`, so no memory is held between calls)."""
    _triggers_memo.cache_clear()
    _actors_memo.cache_clear()


def _actors(sentence: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for name, rx in _ACTORS:
        for m in rx.finditer(sentence):
            if name != CIVILIANS and _SPEAKER.match(sentence, m.end()):
                continue
            if (
                name == AF_MIL
                and sentence[m.start() : m.end()].startswith("Afghan Taliban")
                and ("Pakistan" in sentence[m.end() : m.end() + 10])
            ):
                continue
            if (
                name == AF_MIL
                and sentence.startswith("from", m.start())
                and _CAME.search(sentence, max(0, m.start() - 40), m.start())
            ):
                continue  # "militants crossed from Afghanistan": their way in, no agent
            out.append((m.start(), name))
    for at, country in own_forces(sentence):  # "... ministry said its border forces"
        out.append((at, AF_MIL if country == "AF" else PK_MIL))
    return sorted(out)


# An event told as the answer to, or a sequel of, one before it ("hit back, prompting
# strikes in X"): dated after that event, by the article date.
SEQUEL = re.compile(
    r"\b(?:hit back|struck back|fought back|retaliat\w+|in retaliation\b(?! for)|"
    r"in response\b(?! to)|in reprisal|responded|prompting|prompted|escalat\w* further|"
    r"further escalat\w+|counter-?attack\w*|subsequently|afterwards|in turn|the next day|"
    r"days later|a day later|weeks later)\b",
    re.IGNORECASE,
)
