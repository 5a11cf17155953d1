"""One sentence -> candidate incidents: triggers, places, dates, actors, counts."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field, replace

from geo.sphere import point_km
from incidents._extract_anaphora import (
    Antecedents,
    crossing_match,
    fold_tehsils,
    join_routes,
    one_of_them,
)
from incidents._extract_background import TOLL_OF, recalled_trigger
from incidents._extract_counts import NUMBERS, Count, counts_in, opens_clause
from incidents._extract_dates import DateSpan, find_dates
from incidents._extract_framing import own_clause
from incidents._extract_lex import (
    AF_MIL,
    CIVILIANS,
    EVENT_KINDS,
    HGB,
    PK_MIL,
    TTP,
    TTP_WORD,
    VIOLENT,
    Trigger,
    actors_in,
    far_subject,
    frontier_phrases,
    is_diplomatic,
    triggers_in,
)
from incidents._extract_lex_more import SLAIN_BODIES
from incidents._extract_phrasing import victims_at, without_earlier
from incidents._extract_phrasing_h import ended_closure, target_site
from incidents._extract_phrasing_k import without_anchored
from incidents._extract_phrasing_m import own_before_cause
from incidents._extract_places import (
    FRONTIER_NAME,
    _frontier_place,
    _mentions,
    _Place,
    _place_key,
    _places,
    hosted_venue,
    plain,
)
from incidents._extract_roles import clause_roles
from incidents._extract_text import Sentence
from incidents._extract_wide import unnamed_crossing, with_border_events
from incidents.geocode import Geocoder, Match

#: Days before the article given to an event whose date is not stated (and the
#: article names no dated event it could belong to): the day before and the day.
UNDATED_DAYS = 1

REPORTED = re.compile(
    r"\b(?:said|says|told \w+|announced|reported|confirmed|added|stated|claimed|accused \w+"
    r"|posted(?: \w+){0,3})\s+$"
)
# "Pakistan today mourned ...", "officials on Monday said ...": the date of the
# statement or the reaction (the event that day or the day before)
_REPORTED_AFTER = re.compile(
    r"\s+(?:mourned|condemned|said|says|announced|reported|confirmed|buried|paid tribute|"
    r"claimed|denied|told)\b",
    re.IGNORECASE,
)
# Words that make a trigger something that did not happen (yet): threats, plans, conditions.
_MODAL = re.compile(
    r"\b(?:would|will|could|might|shall|won['’]t|wouldn['’]t|can['’]t|cannot|"
    r"threaten\w*|vow\w*|warn(?:ed|s|ing)? (?:of|that)|hesitat\w*|avenge\w*|"
    r"pledg(?:e|es|ed|ing) to|swore to|promis(?:e|es|ed|ing) to|"
    # fears and risks: "residents feared renewed shelling", "the risk of clashes"
    r"fears? that|worried that|"
    r"(?:risk|danger|threat|prospect|spectre|specter|brink) of|avert\w*|"
    r"deter(?:s|red|ring|rence|rent)?|"
    r"plan(?:s|ned|ning)? to|not hesitate to|ready to|prepared to|intends? to|seek(?:s|ing)? to|"
    r"if|unless|reserves? the right to|right to|to avoid|to prevent|to stop|consider\w*|"
    # what a measure is for: "fencing started to block militant infiltration"
    r"to block|to curb|to stem|to counter|"
    r"mull\w*|weigh\w*|may|possible|potential|option of|"
    # a capability, had or lacked: "an inability to carry out large scale attacks"
    r"inability to|unable to|incapable of|(?:ability|capability|capabilities|capacity) to)"
    r"\b[^.;:]{0,45}$"
)
# A purpose: "on their way from X to attack targets in Y" (the attack did not
# happen; the casualties of the sentence are another event's, so they stay).
_PURPOSE = re.compile(
    r"\b(?:on (?:their|his|its|the) way|in (?:a|their|its) bid to|in order to|so as to)\b"
    r"[^.;:,]{0,40}\bto\s+(?:\w+\s+)?$"
    # what a person killed or arrested was wanted for: another, older event
    r"|\b(?:wanted (?:for|in)|involved in|accused of|suspected of|convicted of|"
    r"masterminds? of|perpetrators? of|planners? of|architects? of|organi[sz]ers? of|"
    r"facilitators? of|behind)\s+(?:(?!(?:was|were|is|are|had|has|have)\b)[\w'’-]+\s+){0,3}$"
    # "militants planning attacks in X": a plan, not an event
    r"|\b(?:planning|plotting|preparing(?: for)?)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# A trigger in the past of the frontier rather than in this news.
_HISTORY = re.compile(
    r"\b(?:in the past|"
    # ("have previously confirmed that the talks are taking place": the saying is past)
    r"previously(?!\s+(?:confirmed|said|stated|reported|announced|told|denied|claimed|"
    r"acknowledged|warned))|has long|have long|historically|often|frequently|repeatedly|"
    r"routinely|for years|for decades|"
    # "have been crossing over for the last many years and launching assaults"
    r"for the (?:past|last) (?:many |several |few |\w+ )?(?:years|decades)|"
    r"is not the first|not the first time|long been|"
    r"repeated|recurring|recurrent|periodic|"
    r"(?:has|have) (?:\w+ )?(?:seen|witnessed|"
    # ("such attacks", not "crossings, such as X, were shut": an example given)
    r"experienced|fought|battled)|last (?:week|month|year)(?:'s|’s)|such(?!\s+as\b))\b",
    re.IGNORECASE,
)
# "due to frequent border skirmishes": a habit named right before its event word
_FREQUENT_BEFORE = re.compile(r"\bfrequent\s+(?:border\s+|cross-border\s+)?$", re.IGNORECASE)
# A trigger that the news ends or pauses ("the truce paused days of fighting"), or
# an earlier event told in the pluperfect without a day ("had earlier sought talks
# following airstrikes"): background of the news.
_ENDED = re.compile(
    r"\b(?:paused|halted|ended|stopped|calmed|brought an end to|put an end to)\s+"
    r"(?:[\w'’-]+\s+){0,5}$",
    re.IGNORECASE,
)
# the start of an earlier escalation ("the fight escalated when X struck Y"), undated
_ESCALATED = re.compile(
    r"\b(?:escalated|flared(?: up)?|erupted|intensified)\s+when\s+(?:[\w'’-]+\s+){0,5}$",
    re.IGNORECASE,
)
# talks still to come ("until the conclusion of planned peace talks in Doha")
_PLANNED = re.compile(
    r"\b(?:planned|upcoming|proposed|scheduled|expected|forthcoming|future|next round of)\s+"
    r"(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
# talks someone will seek: "he would send a delegation of elders to Kabul for talks",
# "plans to hold talks with the Taliban", or asks for: "should hold talks", "must be given
# a chance to hold talks", "asked the centre to allow the province to hold talks" (the
# whole clause before the word)
_TALKS_TO_COME = re.compile(
    r"\b(?:would|will|shall|can|could|should|must|ought to|plans? to|planning to|intends? to|"
    r"wants? to|seeks? to|(?:is|are) to|(?:a|the) chance to|an opportunity to|"
    r"(?:allowed|permitted) to|allow(?:s|ing)?\s+(?:[\w-]+\s+){0,4}to)\s+(?:\w+\s+)?"
    r"(?:send|hold|seek|begin|start|open|initiate|engage in|"
    r"travel|go|visit)\b[^.;:,]{0,80}$",
    re.IGNORECASE,
)
_AHEAD_OF = re.compile(r"\bahead of\s+(?:the\s+|a\s+|fresh\s+|new\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)
# violence still to come: "ahead of a planned targeted security operation", "an
# impending military offensive", "fears of a possible attack"
_PLANNED_VIOLENCE = re.compile(
    r"\b(?:planned|proposed|impending|upcoming|imminent|anticipated|looming|possible|"
    r"potential|intended|forthcoming)\s+"
    r"(?:(?!(?:after|before|in|on|at|of|to|from|that|than|and|or|by)\b)[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_PLUPERFECT = re.compile(r"\bhad (?:earlier|previously|already)\b", re.IGNORECASE)
_HAD_AFTER = re.compile(
    r"\s+had\s+(?:\w+ly\s+)?(?:erupted|broken out|taken place|occurred|flared(?: up)?|spread)\b",
    re.IGNORECASE,
)
# A toll restated by a definite noun ("the vast majority of the casualties were in X"):
# the event was told before.
_TOLL_AGAIN = re.compile(
    r"^\s*(?:(?:the\s+)?(?:vast\s+)?(?:majority|most|bulk|half|many|some)\s+of\s+)?the\s+"
    r"(?:casualties|dead|victims|deaths|fatalities|toll)\b",
    re.IGNORECASE,
)
# Commentary on violence rather than its report (unless the event is dated: "analysts
# said the strikes in X on Monday were the heaviest yet").
_COMMENTARY = re.compile(r"\b(?:analysts?|experts?|observers?|critics)\b", re.IGNORECASE)
_SINCE = re.compile(
    r"\bsince\s+(?!(?:early |late |last |this )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|yesterday|morning|night|the weekend|dawn|midnight|then)\b)",
    re.IGNORECASE,
)
_HISTORY_AFTER = re.compile(
    r"^[^.;]{0,40}\b(?:in the past|previously|in (?:19|20)\d\d|periodically|"
    # "operations which started in the early 2000s": a decade
    r"in the (?:early |late |mid-?)?(?:19|20)\d0s|"
    # ("before reaching the gate": a step of the event told by a gerund, not history)
    # ("shortly before Iftar", "minutes before the prayers": the hour of the event)
    r"(?<!shortly )(?<!just )(?<!minutes )(?<!moments )(?<!soon )"
    r"before(?! (?:dawn|daybreak|sunrise|sunset|dusk|midnight|noon|first light|iftar|sehri|"
    r"suhoor|sahur|(?:the\s+|friday\s+|evening\s+|morning\s+)?prayers|\w+ing\b|"
    r"the \w+ (?:were|was|could|fled)))|"
    r"regularly|frequently|repeatedly|from time to time|"
    # an ongoing campaign, not an incident: "have been fighting militants ... for months"
    r"for (?:several |many |the past |the last |some )?(?:months|years|decades|weeks))\b",
    re.IGNORECASE,
)
# A trigger named as the cause of this news ("after recent attacks", "in retaliation for").
_CAUSE = re.compile(
    r"\b(?:following|after|in the wake of|in response to|in retaliation (?:for|to|against)|"
    r"(?<!were )(?<!was )(?<!is )(?<!are )due to|because of|owing to|"
    r"retaliation for|response to|followed|follows|follow|come after|comes after|came after|"
    r"days after|"
    r"a day after|hours after|blamed for|responsible for|since)\s+(?:[\w'’-]+\s+){0,6}$",
    re.IGNORECASE,
)
# A cause opening the sentence in lower-case words only (no place, no day named in
# it), closed by a comma right after its event word: "Following border clashes,".
_FRONTED_CAUSE = re.compile(
    r"^\s*(?:Following|After|Amid|Amidst|In the wake of|In the aftermath of)\s+"
    r"(?:[a-z][\w'’-]*\s+){0,4}?[a-z][\w'’-]*\s*,"
)


def _fronted_cause(t: str, x: Trigger) -> bool:
    """Whether trigger ``x`` is the last word of an unplaced, undated cause phrase
    opening sentence ``t`` ("After recent clashes, ...")."""
    m = _FRONTED_CAUSE.match(t)
    return m is not None and x.start < m.end() and not t[x.end : m.end()].strip(" ,")


#: Parties of a local truce: "the rival tribes", "the two clans", "both factions".
_LOCAL_PARTIES = re.compile(
    r"\b(?:tribes|tribesmen|clans|factions|families|sub-tribes|Sunni|Shia|Turi|Bangash|"
    r"warring sides of the district|elders of both sides)\b",
    re.IGNORECASE,
)
#: A running tally's period: "since February 2018", "so far this year".
_TALLY_SINCE = re.compile(
    r"\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December|(?:19|20)\d\d)\b(?:\s+\d{1,2}\b)?(?:,?\s+"
    r"(?:19|20)\d\d)?(?!\s*,?\s*(?:when|after|as)\b)"
    r"|\bso far (?:this|in) (?:year|month)\b|\bthis year alone\b"
    r"|\bover the (?:past|last) (?:\w+ )?(?:months|years)\b",
    re.IGNORECASE,
)
#: The backdrop an event is set against: "The attack comes amid ...", "This latest
#: strike comes at a time when ..." (the places after it are the backdrop's).
_SET_AGAINST = re.compile(
    r"\s(?:comes?|came|coming)\s+(?:amid|amidst|at a time when|against the backdrop of|"
    r"in the midst of|in the wake of a (?:surge|wave|spate|rise))\b",
    re.IGNORECASE,
)
#: A sweep after an attack: "a search operation", "a combing operation".
_SWEEP = re.compile(r"(?:search|combing|clearance|sanitization|sanitisation) operations?$", re.I)
_SWEEP_AFTER = re.compile(
    r"(?:\s+(?:was|has been|is)\s+(?:\w+\s+)?(?:launched|underway|under way|initiated|started))?"
    r"\s+(?:(?:in|of)\s+the\s+(?:area|locality|vicinity|surrounding areas?|region)\b"
    r"[^.;:]{0,40}?\b(?:to|for)\s+(?:the\s+)?(?:trace|find|arrest|hunt|nab|apprehend|track|"
    r"locate|catch|search)|(?:to|for)\s+(?:the\s+)?(?:trace|find|arrest|hunt|nab|apprehend|"
    r"track|locate|catch)\w*\s+(?:the\s+)?(?:suspects|attackers|culprits|assailants|"
    r"perpetrators|militants|terrorists|gunmen|those))",
    re.IGNORECASE,
)
#: A pluperfect passive relative clause before the event word: "which had been destroyed".
_HAD_BEEN = re.compile(r"\b(?:which|that)\s+had\s+been\s+(?:\w+ly\s+)?$", re.IGNORECASE)
#: A span of fighting before a cause's event word: "after two days of", "following weeks of".
_DAYS_OF = re.compile(
    r"\b(?:after|following|amid)\s+(?:two|three|four|five|six|seven|several|many|\d+|a few|"
    r"days|weeks|months)\s+(?:(?:days|weeks|months|nights)\s+)?of\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


# "The blast came days after ...", "The attack comes a week after ...": what follows is
# an earlier event, however long its clause
_LAGGED_AFTER = re.compile(
    r"\b(?:came|comes|come|occurred|took place|happened)\s+(?:just\s+|only\s+|barely\s+)?"
    r"(?:the day|a day|a few days|days|two days|three days|the week|a week|weeks|two weeks|"
    r"hours|a month|months)\s+after\b",
    re.IGNORECASE,
)


# A frontier phrase inside the cause of the clause's event: "targeted Pakistani posts in
# retaliation for the attacks on Afghan soil" (where the cause happened, not the reply)
_CAUSE_BEFORE_PHRASE = re.compile(
    r"\b(?:in retaliation (?:for|to|against)|in response to|to avenge|in revenge for)\s+"
    r"(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
#: A casualty verb right before the cause word: "died after a blast", "were wounded
#: following an explosion" (the blast is how they died, not an earlier event).
_DIED_AFTER = re.compile(
    r"\b(?:died|were killed|was killed|were wounded|was wounded|were injured|was injured|"
    r"were hurt|was hurt|were martyred|was martyred|perished|lost (?:their|his|her) lives?)\s+"
    r"(?:after|following)\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
# The means of a casualty told right after it: "killed in an airstrike", "wounded by a
# roadside bomb"
_MEANS_OF = re.compile(r"\s+(?:in|by|during)\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,2}")


# The news told before, named again and set after an earlier event: "This confrontation
# follows recent airstrikes ...", "The clash came after ..."
_THIS_FOLLOWS = re.compile(
    r"^\W*(?:This|That|These|Those|The)\s+(?:latest\s+|new\s+|fresh\s+)?"
    r"(?:confrontation|clash|clashes|fighting|attack|assault|incident|violence|escalation|"
    r"exchange|skirmish|standoff|flare-up|strike|strikes|development)\s+"
    r"(?:\w+\s+)?(?:follows|followed|comes after|came after)\s+[^,;]*$",
    re.IGNORECASE,
)


# An operation named as the frame of other news ("a curfew in 24 areas ... as part of a
# targeted operation against militants", "residents were asked to leave ahead of the
# operation"): the operation is not itself told as happening.
_FRAME_OF = re.compile(
    r"\b(?:as part of|ahead of|in preparation for|in view of)\s+"
    r"(?:the\s+|an?\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
_OPERATION = re.compile(r"(?:[\w-]+\s+)?(?:operations?|offensives?|crackdowns?)\b", re.I)
# The backdrop of the news, not an event of it (unless a day is named with it):
# "the strikes came at a time when talks in Istanbul had ended in stalemate", "the
# operations come amid days of heavy fighting near X".
_BACKDROP = re.compile(
    r"\b(?:at a time when|at a time of|against the backdrop of|in the backdrop of|"
    r"in the context of|(?:comes?|came|coming) amid|amid (?:days|weeks|months|years) of)"
    r"\s+(?:[\w'’-]+\s+){0,8}$",
    re.IGNORECASE,
)
# A closure that is a routine, not an event ("was closing the border at 7 PM").
_ROUTINE = re.compile(
    r"\b(?:at \d{1,2}(?::\d\d)?\s*[ap]\.?\s?m\b|"
    # (not "disrupting trade and daily life": the harm of the closure, no routine)
    r"daily(?!\s+(?:life|lives|livelihoods?|wages?|wagers|earners|activities|needs|"
    r"business|commut\w*|travel\w*))|every (?:day|evening|night)|usually|"
    r"each (?:day|evening)|as usual|for the night|"
    # a scheduled closure: "closed for the Eid holidays", "shut for maintenance"
    r"for (?:the )?(?:Eid|Ashura|Muharram|holidays?|public holidays?|annual holidays?|"
    r"maintenance|repairs?|renovation|the weekend|weekends))",
    re.IGNORECASE,
)
# A habit or a tally rather than an incident (when no day qualifies the trigger):
# "clashes at X have become common", "attacks ... several times", "over the past
# two years", "since 2022".
_HABIT_AFTER = re.compile(
    r"^[^.;]{0,40}\b(?:in recent (?:years|months|decades)|"
    # "troops exchange fire routinely on the border" (a habit, not a day's news)
    r"(?<!\bnot )(?:routinely|regularly|frequently|periodically|habitually)|"
    r"(?:several|many|multiple|numerous|countless|a few|a number of|dozens of|scores of|"
    r"hundreds of) times|"
    r"on (?:several|many|multiple|numerous|a number of) occasions|"
    r"(?:over|in|during|throughout) the (?:past|last) (?:\w+ )?(?:years|months|decades)|"
    # "fought a counter-insurgency across two decades", "for a decade"
    r"(?:across|over|for|spanning|throughout) (?:the (?:past |last )?)?(?:two|three|four|five|"
    r"six|several|many|\d+) (?:years|decades)(?!\s+(?:old|of age))|"
    r"(?:for|across|over) (?:a|the past|the last) decade|"
    r"since (?:19|20)\d\d|since (?:the )?(?:(?:19|20)\d\d )?(?:takeover|fall|return)|"
    r"(?:ha(?:ve|s) |had )?become (?:\w+ )?(?:common|frequent|routine|regular|commonplace|"
    r"a regular feature|the norm))\b",
    re.IGNORECASE,
)
# ... or told across a list of places: "a series of attacks across Peshawar, Karak,
# Bannu and Bajaur in the past few months"
_HABIT_ACROSS = re.compile(
    r"^\s+(?:across|in|on|at)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}(?:\s*,\s*(?:and\s+)?|\s+and\s+)){1,12}"
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+(?:in|over|during|throughout)\s+(?:the\s+)?"
    r"(?:past|last|recent)\s+(?:\w+\s+)?(?:weeks|months|years|decades)\b"
)
# A toll over a week or a month across several units (its period is the tally's, not
# a day of an incident): "37 civilians were killed and 425 wounded this week in Afghan
# provinces bordering Pakistan, including A, B, C"
_TALLY_ACROSS = re.compile(
    r"^[^.;]{0,40}\b(?:this|last|the past|the previous) (?:week|month|year) (?:in|across) "
    r"(?:the )?(?:[\w-]+ ){0,3}(?:provinces|districts|regions|areas)\b",
    re.IGNORECASE,
)
# Words that say a trigger did not happen or is only supposed: "no reports of fighting",
# "did not attack", "any further attack would be met with force", "in the event of
# an attack".
_NEGATED = re.compile(
    r"\b(?:no|never|nor|without)\s+(?:(?:reports?|signs?|word|news|evidence|record|"
    r"indication|cases?|incidents?|instances?) of\s+(?:any\s+)?)?(?:(?:fresh|new|further|"
    r"major|immediate|more|serious|significant|renewed|cross-border|such)\s+)?"
    # ("No target killing incident was reported": one word of the event's name before it)
    r"(?:[a-z][\w-]*\s+)?$"
    r"|\b(?:no one|nobody|none of them|none)\s+(?:\w+\s+)?(?:was|were|had been|has been)\s+$"
    r"|\b(?:did|does|do|has|have|had|was|were|is|are)\s*(?:not|n['’]t)\s+(?:been\s+|yet\s+)?"
    r"(?:\w+ly\s+)?$"
    r"|\b(?:any|every)\s+(?:(?:further|future|new|more|fresh|such|other|possible|kind of|"
    r"form of|act of)\s+)?$"
    r"|\bin (?:the )?(?:event|case) of (?:an?\s+|any\s+)?(?:\w+\s+)?$"
    # "called on Islamabad to refrain from unacceptable artillery attacks", "urged it to
    # stop cross-border shelling": a demand, no event
    r"|\b(?:refrain\w*|desist\w*|abstain\w*)\s+from\s+(?:[\w'’‘“”\"-]+\s+){0,3}$"
    r"|\bto\s+(?:stop|end|halt|cease)\s+(?:its\s+|their\s+|the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# An intention to act, not an act: "prepared to conduct new strikes" (but "went on to
# launch attacks", "continued to carry out raids" report them).
_INTENT = re.compile(
    # "the terrorists wanted to attack the police lines", "plotted to bomb X"
    r"\b(?:plan(?:s|ned|ning)?|intend\w*|wants?|wanted|aim(?:s|ed|ing)?|plott\w*|"
    r"conspir\w*)\s+to\s+$|"
    # "gave a go-ahead for the airstrikes", "the green light for an operation": leave to act
    r"\b(?:go[- ]ahead|green[- ]light|approval|permission|nod|authori[sz]ation)\s+(?:for|to)\s+"
    r"(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}$|"
    r"\b(?:prepared|ready|plan(?:s|ned|ning)?|intend\w*|decid\w*|vow\w*|threaten\w*|"
    r"wants?|wanted|seek\w*|aim\w*|set|going|about|poised|likely|expected|order\w*|"
    r"authori[sz]\w*|allow\w*|right|option|capab\w+|able|free|mull\w*|consider\w*|"
    r"weigh\w*|hesitate|hesitation)\s+(?:\w+\s+)?"
    r"to\s+(?:conduct|launch|carry out|stage|mount|undertake|execute|resume|unleash|"
    r"wage|step up|intensify)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# A comparison, not an incident: "remains the deadliest attack", "was the worst
# violence since 2014".
_SUPERLATIVE = re.compile(
    r"\b(?:remains?|remained|was|is|be|became|marks?|marked|among|one of)\s+(?:the\s+)?"
    r"(?:\w+\s+)?(?:deadliest|worst|bloodiest|biggest|largest|most \w+)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# A feared event: "residents feared renewed shelling" (not "who feared for their lives,
# fled as mortars hit X").
_FEAR = re.compile(
    r"\b(?:feared|fearing|fears?|worried|afraid)\s+(?:(?:of|about|over)\s+)?"
    r"(?:(?:a|an|the|more|further|renewed|fresh|new|another|possible|retaliatory|"
    r"cross-border)\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
# A trigger that is the subject of a modal verb: "a drone strike could hit them at any
# time" (but "the blast could have killed more" reports one).
_MODAL_AFTER = re.compile(
    r"^(?:\s+[\w'’-]+){0,3}?\s+(?:could|would|might|may|will|shall|can|won['’]t)\s+"
    r"(?:(?:also|still|soon|again|further|not|never)\s+)?"
    r"(?:hit|strike|target|kill|happen|occur|take place|come|follow|resume|continue|erupt|"
    r"break out|spread|escalate|start|begin|recur|be (?:launched|carried out|conducted|met|"
    r"answered|repeated))\b",
    re.IGNORECASE,
)
# A count of events, not one: "hundreds of attacks in X" (unless dated).
_AGGREGATE = re.compile(
    r"\b(?:hundreds|thousands|dozens|scores|numerous|countless|weeks|months|years|decades)\s+"
    r"of\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_WERE_BEFORE = re.compile(r"\bof\s+[\w-]+\s+(?:were|was)\s+$", re.IGNORECASE)
# "the 2014 school attack", "the October fighting": an event named by its (past) year
# or month.
_YEAR_NAMED = re.compile(
    # (a year names an event up to four words before its noun: "the 2014 Army Public
    # School attack"; a month up to two: "the October border clashes")
    r"\b(?:the|a|its|their|his|that|last)\s+(?:(?P<y>(?:19|20)\d\d)(?:[-–](?:19|20)?\d\d)?"
    r"\s+(?:(?!(?:in|at|on|of|near|from|were|was|is|are|had|has|have)\b)[\w-]+\s+){0,4}"
    r"|(?P<m>January|February|March|April|May|June|July|August|September|October|November|"
    r"December)(?:['’]s)?(?!\s+\d)\s+(?:[\w-]+\s+){0,2})$",
    re.IGNORECASE,
)
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
# A cause said to be earlier than this news ("days after clashes in X").
_LAGGED = re.compile(
    r"\b(?:(?:a|one|two|three|four|five|several|few|some) )?(?:days?|weeks?|months?|years?)"
    r" (?:after|since|following)\s+(?:[\w'’-]+\s+){0,6}$",
    re.IGNORECASE,
)
# A sentence that opens with the event told before: "The airstrikes targeted ..."
_THE_EVENT_AGAIN = re.compile(
    r"^\W*The\s+(?:[\w-]+\s+){0,2}?(?:air ?strikes?|strikes?|attacks?|raids?|operations?|"
    r"shelling|bombardment|clashes|assault|firing|fighting|skirmish(?:es)?|exchange of fire)\b",
    re.IGNORECASE,
)
# A sentence that describes the event told before: "This was a ...", "It was the ..."
_ANAPHORIC = re.compile(r"^\s*(?:This|That|It)\s+(?:was|were|is)\s+(?:a|an|the)\s+", re.IGNORECASE)
#: A sentence that lists the parts of the event told before it: "These include two
#: positions in X, three in Y", "Among them were posts in X and Y".
_INCLUDES = re.compile(
    r"^\W*(?P<w>(?:These|They|Those|The\s+(?:posts|positions|targets|sites|areas|attacks|"
    r"strikes))\s+(?:include[sd]?|included|comprised|were\s+in)|Among\s+(?:them|those|the\s+"
    r"(?:posts|positions|targets|sites|areas))(?:\s+(?:were|are))?)\b"
)


def lists_parts(t: str) -> bool:
    """Whether sentence ``t`` opens by listing the parts of the event told before it
    ("These include two positions in X, three in Y")."""
    return _INCLUDES.match(t) is not None


_COREF = re.compile(
    r"\b(?:occurred|took place|happened|were carried out|was carried out|was hit|were hit|"
    r"(?:was|were)\s+also\s+hit|"
    # "X province was particularly affected", "X bore the brunt"
    r"(?:was|were)\s+(?:particularly|worst|hardest|most|badly|severely)\s+(?:affected|hit)|"
    r"bore the brunt|"
    # "The deaths were reported in the provinces of X and Y"
    r"(?:deaths?|casualties|dead|killings|strikes|attacks|raids)\s+(?:were|was)\s+"
    r"(?:reported|recorded)(?=\s+(?:in|from)\b))\b",
    re.IGNORECASE,
)
# A place that is the subject of "closed": the place of a closure, not of fighting.
_CLOSED_AFTER = re.compile(
    r"(?:\s+(?:and|or)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?(?:\s+(?:border\s+)?crossings?)?"
    r"\s+(?:have\s+|has\s+)?(?:remained|remain|remains|stayed|stay|were|was|are|is|been)\s+"
    r"(?:also\s+|still\s+)?(?:closed|shut(?:tered)?|sealed)\b"
)
_ANSWERED = re.compile(
    # ("troops responded after/when Afghan forces opened fire": the fire is the other's)
    r"\b(?:respond\w* (?:to|after|when)|retaliat\w*|repuls\w*|repell\w*|return\w* (?:the )?fire|"
    r"in response to|foil\w*|thwart\w*)\b",
    re.IGNORECASE,
)
# "The talks ... are expected to be the final round", "talks will be held", "follow-up
# talks slated for later this month in X" (a participle right after the event word)
_FUTURE_AFTER = re.compile(
    r"[^.;:,]{0,60}?\b(?:(?:are|is)\s+(?:\w+\s+)?(?:expected|scheduled|set|due|likely|slated|"
    r"planned)\s+to|will|would)\b"
    r"|\s+(?:slated|scheduled|planned|set)\s+(?:for|to)\b|\s+due\s+to\s+be\b",
    re.IGNORECASE,
)
# A trend of violence rather than an incident ("a surge of attacks in X").
_TREND = re.compile(
    r"\b(?:surge|wave|spate|rise|uptick|increase|resurgence|upsurge|campaign)\s+(?:of|in)\s+"
    r"(?:(?!(?:on|at|near|by|against)\b)\w+\s+){0,4}$"
    # a comparison of places or periods: "X has come under more attacks than Y", "saw
    # fewer attacks", "the highest number of attacks" (not "the most devastating strike")
    r"|\b(?:more|fewer|less|the highest number of)\s+(?:\w+\s+)?$"
    # a tally: "192 people were martyred in 219 terror activities", "14 people in five
    # attacks in Punjab" (undated: see _day_near)
    r"|\b(?:martyred|killed|died|lost (?:their )?lives|people)\s+in\s+(?:\d+|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|several|multiple)\s+"
    r"(?:(?!separate\b|different\b|coordinated\b)[\w-]+\s+)?$",
    re.IGNORECASE,
)
# ... told after the event word: "attacks have seen an uptick in X", "strikes have
# risen sharply", "attacks increased in X this year"
_TREND_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:have|has|had)\s+(?:\w+\s+)?(?:seen|witnessed|registered|recorded|shown)"
    r"\s+(?:an?\s+|a\s+sharp\s+)?(?:\w+\s+)?(?:surge|rise|uptick|increase|spike|jump|upsurge)\b"
    r"|\s+(?:have|has|had)\s+(?:\w+\s+)?(?:risen|increased|surged|spiked|soared|multiplied|"
    r"intensified|escalated)\b",
    re.IGNORECASE,
)
# News about relations, trade or tensions, whose named cause is earlier violence.
_CONTEXT_NEWS = re.compile(
    r"\b(?:relations|ties|tensions?|trade|anger|concerns?|fears?|frictions?|"
    # the measures taken after it: "security personnel were deployed after the blast"
    r"security (?:personnel|forces|measures)\s+(?:were|was)\s+(?:\w+\s+)?(?:deployed|"
    r"heightened|tightened|beefed up|stepped up)|curfew|cordon(?:ed)? off|high alert|"
    # a decision told as the news: "the board's decision to withdraw came after ...",
    # "announced its withdrawal following ..."
    r"(?:decision|withdrawal|pull-?out|boycott|cancell?ation|postponement|suspension|"
    r"resignation)\b[^.;:]{0,60}?\b(?:after|following|in the wake of))\b",
    re.IGNORECASE,
)
# An actor that is the subject of a passive casualty verb is the victim.
_VICTIM = re.compile(
    # (the actor may close an apposition: "X, a commander of the TTP, was killed")
    r"(?:[^,;]{0,70}?,\s+(?=(?:were|was|have been|had been)\s)|[^,;]{0,40}?)"
    r"\b(?:(?:were|was|have been|had been|being|got)\s+(?:also\s+|reportedly\s+)?"
    r"(?:killed|wounded|injured|martyred|hurt|shot|ambushed|attacked|targeted|raided|"
    r"assaulted|fired (?:up)?on)|lost (?:their|his|her) lives?|died|"
    r"embraced (?:martyrdom|shahadat))\b",
    re.IGNORECASE,
)
_PROMPTING = re.compile(
    r",\s+(?:prompting|forcing|leading|provoking|triggering|drawing)\s+(?=\w)", re.IGNORECASE
)
# "Pakistani posts in X came under heavy fire": whose posts were fired on
_UNDER_FIRE = re.compile(
    r"[^,;]{0,80}?\b(?:came|come|comes|coming)\s+under\s+(?:\w+\s+)?(?:fire|attack|shelling)\b",
    re.IGNORECASE,
)


def _victim(span: str) -> bool:
    """Whether the actor opening ``span`` (which ends with the event word) is its
    victim: the subject of a passive casualty verb or of "came under fire"."""
    return bool(_VICTIM.match(span) or _UNDER_FIRE.match(span))


_CAUSE_OF_NEWS = re.compile(
    r"\b(?:relations|ties|tensions?|trade|anger|concerns?|fears?|frictions?|strains?|rifts?|"
    r"mistrust|distrust|hostility)\b[^.;:]{0,40}?"
    r"\b(?:after|following|since|in the wake of)\s+(?:[\w'’-]+,?\s+){0,14}$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r";|, while\b|\bwhile\b|\bwhereas\b|, but\b|, and (?=\w+ \w+ (?:were|was))"
)


@dataclass
class _Candidate:
    sentence: int
    paragraph: int
    span: tuple[int, int]
    evidence: str
    kind: str
    place: _Place
    first: dt.date | None
    last: dt.date | None
    date_how: str
    actor1: str | None = None
    actor2: str | None = None
    fatalities: int | None = None
    injuries: int | None = None
    counts: list[Count] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    confidence: float = 0.5
    merged: int = 0
    types: tuple[str, str] = ("", "")
    features: dict[str, float] = field(default_factory=dict)
    old: bool = False  # dated before the article's news (a timeline entry, history)
    date_text: str = ""  # the date expression the date was read from
    date_rel: str | None = None  # what it was read against (DateSpan.relative_to)
    yeared: bool = True  # the date names its year (or counts from one that does)
    given: bool = False  # (a placeless casualty sentence) its counts went to an incident
    closure_state: bool = False  # a closure told as a state ("remains closed since ...")


# -- one sentence ---------------------------------------------------------------------


def _sentence(
    i: int,
    s: Sentence,
    gc: Geocoder,
    ref: dt.date | None,
    year_hint: int | None,
    previous: tuple[dt.date, dt.date] | None,
    para: tuple[dt.date, dt.date, str] | None,
    pending: str | None = None,
    memory: Antecedents | None = None,
    listed: str | None = None,
) -> tuple[list[_Candidate], tuple[dt.date, dt.date, str] | None]:
    """Candidates of sentence ``i``.  ``pending`` is the kind of a violent event the
    previous sentence reported without a place (for "it took place in X");
    ``memory`` holds the places the article named before (for "near the crossing");
    ``listed`` is the kind of the violent event of the sentence before when this one
    opens by listing its parts ("These include two positions in X, three in Y")."""
    t = s.text
    spans = find_dates(t, ref, previous=previous, year_hint=year_hint)
    resolved = [d for d in spans if d.first is not None and d.last is not None]
    dated: tuple[dt.date, dt.date, str] | None = None
    if resolved:
        first, last = resolved[0].first, resolved[0].last
        assert first is not None and last is not None
        dated = (first, last, resolved[0].text)
    every = triggers_in(t)
    raw = [x for x in every if not (x.violent and is_diplomatic(t, x))]
    trig = _events_of(t, raw, spans, ref)
    ana = _ANAPHORIC.match(t)
    if ana is not None and pending is None and trig and trig[0].start <= ana.end() + 40:
        # "This was an intelligence-based operation targeting camps in X": the event
        # told before, described again (kept when that event had no place yet)
        trig = []
    if not trig and pending is not None and (_COREF.search(t) or victims_at(t)):
        # "The incidents occurred in the Upper Kurram district": the place of the
        # event the previous sentence reported without one ("the troops were
        # patrolling in X": where its victims were)
        m = _COREF.search(t) or victims_at(t)
        assert m is not None
        trig = [Trigger(m.start(), m.end(), m.group(0), pending)]
    if not trig and listed is not None and (inc := _INCLUDES.match(t)) is not None:
        # "Afghan forces seized 15 posts along the border. / These include two positions
        # in X, three in Y ...": the places of the event told in the sentence before
        trig = [Trigger(inc.start("w"), inc.end("w"), inc.group("w"), listed)]
    if not trig:
        if memory is not None:
            memory.note(t, None)  # (its places are read only if a description needs them)
        return [], dated
    fr = with_border_events(frontier_phrases(t), t)
    # "near the Afghan border", "on Afghan territory": the country named inside a
    # frontier phrase is part of it, not a place of its own
    places = [
        p
        for p in _places(t, gc)
        if not (p.role == "country" and any(a <= p.start < b for a, b, _, _ in fr))
    ]
    named = list(_mentions(gc, plain(t)))
    join_routes(t, places, named, gc)  # "the road between X and Y": one place for the stretch
    fold_tehsils(places, gc)
    if memory is not None:
        places = sorted(places + memory.resolve(t, places, named), key=lambda p: p.start)
        memory.note(t, places)

    # -- attach places to triggers
    kept = set(trig)  # membership tests: a long sentence holds thousands of triggers
    strong = [x for x in trig if not x.weak]
    pairs: list[tuple[Trigger, _Place]] = []
    raw_strong = [x for x in raw if not x.weak]
    sites = [p for p in places if p.role not in ("context", "country")]
    dropped_weak = [x for x in raw if x.weak and x not in kept]
    item: tuple[_Place, Trigger] | None = None  # the list item before, and its event
    near = _subject_list(t, places, strong, trig)
    for p in places:
        if p.role == "context":
            continue
        x = near[id(p)]
        if x is None and item is not None and _LIST_GAP.fullmatch(t, item[0].end, p.start):
            # "... at various points in the provinces of A, B, C, D and E": a long list
            # goes on past the reach of its event word
            x = item[1]
        item = (p, x) if x is not None else None
        if x is None and len(sites) == 1 and p.role == "place" and _AT.search(t, 0, p.start):
            x = _far_in_clause(t, p, trig)  # the sentence's one site, its event told late
        if x is None and one_of_them(p):
            # "In a second incident, a constable was abducted ... and later killed": the
            # site an earlier sentence gave the incidents is this sentence's event's
            x = next((y for y in [*strong, *trig] if y.violent), None)
        if x is None:
            continue
        x = _specific(x, trig, t)
        if (bd := _SET_AGAINST.search(t, x.end)) is not None and bd.end() <= p.start:
            continue  # "The attack comes amid a surge in violence in X": the backdrop's X
        # (or a dropped casualty verb: "..., a day after two were killed in Y")
        y = _nearest_trigger(p, raw_strong) or _nearest_trigger(p, dropped_weak)
        if (
            y is not None
            and y not in kept
            # (a dropped closure's crossing is not the site of fighting either: "guards
            # were closing the gate at X at 7 pm when firing broke out in Y")
            and (y.violent == x.violent or y.kind == "border_closure")
            and not (x.end <= p.start and (y.end <= x.start or p.start - x.end < y.start - p.end))
            # ("killed a terrorist in X, averting a major attack": X is in the kept
            # word's clause, the dropped one comes after a comma)
            and not (
                x.end <= p.start <= p.end <= y.start
                and "," in t[p.end : y.start]
                and not re.search(r"[,;]", t[x.end : p.start])
            )
        ):
            # the place of a threat, a cause or history named in the sentence (but
            # "... to attack Y when they were killed in X", "militants killed in X were
            # planning attacks in Y": X follows the event's own word)
            continue
        if x.kind == "border_closure" and p.role == "country":
            continue  # a closure is of a crossing, not of a country
        if (
            x.kind == "border_closure"
            and x.end <= p.start
            and _CAUSE_SITE.search(t, x.end, p.start)
        ):
            continue  # "the border was closed shortly after a deadly blast at X": the cause's
        if x.violent and _CLOSED_AFTER.match(t, p.end):
            continue  # "gunfire continued, and Torkham and Chaman remained closed"
        if (p.match.country == "other" or p.role == "venue") and x.kind not in (
            "talks",
            "ceasefire",
        ):
            continue  # a venue (abroad, or of talks) is never the scene of fighting
        if (
            x.kind in ("talks", "ceasefire")
            and not (x.kind == "ceasefire" and _on_crossing(t, p))
            and not hosted_venue(t, p)  # "during Doha-mediated talks"
            and not re.search(
                r"\b(?:in|at)\s+(?:the\s+)?(?:\w+\s+)?$"
                # "talks are taking place in the northwestern city of Urumqi"
                r"|\b(?:in|at)\s+the\s+(?:[\w-]+\s+){0,2}(?:city|town|capital)\s+of\s+$",
                t[max(0, p.start - 50) : p.start],
                re.IGNORECASE,  # "In Kurram district, both sides agreed to a truce"
            )
        ):
            continue
        if x.kind in ("talks", "ceasefire"):
            # "at talks in X, the sides traded blame for the shelling in Y": Y is the
            # place of the (dropped) shelling, not of the talks
            z = _nearest_trigger(p, [w for w in every if not w.weak])
            if z is not None and z.violent:
                continue
        pairs.append((x, p))
    for x in trig:
        head = far_subject(t, x.start) if x.kind == "border_closure" else None
        if head is not None:
            # "The Torkham crossing, connecting X province with Y, ... were closed": the
            # crossings of the subject, not the provinces that describe them
            heads = [
                p
                for p in places
                if head <= p.start and p.end <= x.start and crossing_match(p.match)
            ]
            if heads:  # (the places after the verb stay: "..., along with X")
                pairs = [(y, p) for y, p in pairs if y is not x or p.start > x.start]
                pairs += [(x, p) for p in heads]
    # Country-level places only when the trigger has nothing finer.
    finer = {id(x) for x, p in pairs if p.role != "country"}
    pairs = [(x, p) for x, p in pairs if p.role != "country" or id(x) not in finer]

    # (a violent event placed only at a country makes no row: the frontier phrase
    # of its sentence, if any, is the better place)
    violent_placed = any(x.violent and p.role != "country" for x, p in pairs)
    if not violent_placed and any(x.violent for x in trig):
        # (a site of a dropped trigger does not count: "strikes along the border after
        # Pakistan's airstrikes on Kabul" is on the frontier, Kabul the cause's)
        only_countries = all(
            p.role in ("country", "context")
            or ((y := _nearest_trigger(p, raw_strong)) is not None and y not in kept)
            for p in places
        )
        use = [f for f in fr if f[3]] or ([f for f in fr if not f[3]] if only_countries else [])
        # (not the phrase of a dropped trigger: "denied strikes ..., amid a surge
        # in attacks along the border")
        gone = [y for y in raw if y.violent and y not in kept]
        for a, b, phrase, is_strong in use:
            if _HABITUAL.search(t[max(0, a - 100) : a]):
                continue  # "which has carried out numerous operations inside Pakistan"
            if _CAUSE_BEFORE_PHRASE.search(t, max(0, a - 70), a):
                continue  # "... in retaliation for the attacks on Afghan soil": the cause's
            x = min((x for x in trig if x.violent), key=lambda x: abs(x.start - a))
            if any(abs(y.start - a) < abs(x.start - a) for y in gone):
                # (unless a kept event word tells it before the phrase, in its clause:
                # "used heavy weapons to assault posts along the border in retaliation
                # for the airstrikes")
                told = [
                    y
                    for y in trig
                    if y.violent
                    and not y.weak
                    and y.end <= a
                    and not _CLAUSE_BREAK.search(t[y.end : a])
                    and "," not in t[y.end : a]
                    # (not a sentence telling the event again: "The airstrikes targeted
                    # hideouts inside Afghanistan")
                    and not _THE_EVENT_AGAIN.match(t)
                ]
                if not told:
                    continue
                x = max(told, key=lambda y: y.end)
            pairs.append((x, _frontier_place(a, b, phrase, is_strong)))
            break
    if violent_placed:
        # another violent event of the sentence, with no place of its own, told on the
        # frontier right after its word ("Taliban forces attacked Pakistani soldiers
        # along their shared border on Oct. 11 night, ... after explosions were heard in
        # Kabul"): a frontier-wide row beside the placed one
        paired = {id(x) for x, _ in pairs}
        for x in trig:
            if not x.violent or x.weak or id(x) in paired:
                continue
            f = next(
                (
                    f
                    for f in fr
                    if x.end <= f[0] <= x.end + FRONTIER_AFTER
                    and not re.search(r"[,;:]", t[x.end : f[0]])
                ),
                None,
            )
            if f is None or any(
                y.violent and y is not x and abs(y.start - f[0]) < f[0] - x.end for y in trig
            ):
                continue
            pairs.append((x, _frontier_place(f[0], f[1], f[2], f[3])))
    reopen = _TO_REOPEN.search(t) if memory is not None else None
    if reopen is not None and memory is not None:
        # talks or a truce "to reopen the crossing" with no place of their own: at the
        # crossing the article named before ("A flag meeting on March 19 saw officials
        # agree to reopen the trade route and implement a temporary ceasefire")
        todo = [
            x
            for x in trig
            if x.kind in ("talks", "ceasefire")
            and not any(y is x for y, _ in pairs)
            and not re.search(r"[,;:]", t[x.end : reopen.start()])
            and not re.search(r"[,;:]|\b(?:after|following)\s", t[reopen.end() : x.start])
        ]
        home = memory.last_crossing() if todo and not fr else None
        for x in todo if home is not None else []:
            name = home.match.name or home.text
            note = f"talks on reopening: at {name}, the crossing named before"
            pairs.append(
                (
                    x,
                    replace(home, start=x.start, end=x.end, text=name, role="place", notes=[note]),
                )
            )
    for kind in ("border_closure", "ceasefire"):
        # (a closure told from its reopening is one of a crossing the sentence names)
        ks = [x for x in trig if x.kind == kind and not ended_closure(x.text)]
        if ks and not any(x.kind == kind for x, _ in pairs):
            unnamed = unnamed_crossing(t) if kind == "border_closure" else None
            if kind == "border_closure" and not any(f[3] for f in fr) and unnamed is None:
                continue  # a closure is of a crossing; "the border" alone is too vague
            if kind == "ceasefire" and not fr and _LOCAL_PARTIES.search(t):
                # "the rival tribes have reached a ceasefire": a local truce, at the
                # place the article named last (with none, the whole frontier as before)
                site = memory.last_site() if memory is not None else None
                if site is not None:
                    note = f"a truce of local parties: at {site.text}, named before"
                    pairs.append(
                        (ks[0], replace(site, start=ks[0].start, end=ks[0].end, notes=[note]))
                    )
                    continue
            a, b, phrase = (fr[0][0], fr[0][1], fr[0][2]) if fr else (ks[0].start, ks[0].end, "")
            if unnamed is not None and not any(f[3] for f in fr):
                a, b, phrase = unnamed  # "closed a key crossing": which one is not said
                home = memory.dateline_crossing if memory is not None else None
                if home is not None and _ONE_CROSSING.match(phrase):
                    # "CHAMAN: A week-long shutdown of a key border crossing": the
                    # crossing of the dateline's town
                    note = f"{phrase!r}: the crossing of the dateline's {home.text}"
                    pairs.append(
                        (
                            ks[0],
                            replace(home, start=a, end=b, text=phrase, role="place", notes=[note]),
                        )
                    )
                    continue
            pairs.append((ks[0], _frontier_place(a, b, phrase or FRONTIER_NAME, True)))

    shut = [p for x, p in pairs if x.kind == "border_closure" and crossing_match(p.match)]
    if shut:
        # a closure told at a crossing is not also one of a far place of its sentence
        # ("In Islamabad today, the Torkham border stayed shut for a seventh day")
        pairs = [
            (x, p)
            for x, p in pairs
            if x.kind != "border_closure"
            or p.role != "place"
            or crossing_match(p.match)
            # (a place with no point is far: its distance is NaN)
            or any(
                point_km(p.match.lat, p.match.lon, q.match.lat, q.match.lon) <= CLOSURE_NEAR_KM
                for q in shut
            )
        ]

    # (not the toll of ", four days after shelling that killed eight")
    counts = _own_counts(t, without_anchored(t, counts_in(t)), raw_strong, trig)
    if not pairs:
        if any(x.violent for x in trig):
            # the event word over a casualty word ("martyred in cross-border fire": a clash)
            kind = next((x.kind for x in trig if x.violent and not x.weak), None) or next(
                x.kind for x in trig if x.violent
            )
            c = _Candidate(i, s.paragraph, (s.start, s.end), t, "_casualties", None, None, None, "")  # type: ignore[arg-type]
            c.types = (kind, "")
            c.counts = without_earlier(t, counts)  # not "came days after six were killed"
            x0 = next(x for x in trig if x.violent)
            _date(c, x0, _Place(x0.start, x0.end, "", Match()), spans, para, ref)
            c.kind, c.place = x0.kind, _Place(x0.start, x0.end, "", Match())
            _actors(c, x0, actors_in(t), t)  # for the sentence that places it
            c.kind, c.place = "_casualties", None  # type: ignore[assignment]
            c.notes = [f"{n.which}: {n.text!r}" for n in counts]
            return [c], dated
        return [], dated

    # -- one candidate per (place, class)
    out: list[_Candidate] = []
    seen: set[tuple[str, object]] = set()
    acts = actors_in(t)
    own = _assign(t, counts, [p for x, p in pairs if x.violent])
    by_key: dict[tuple[str, object], _Candidate] = {}
    cut = _cause_cut(t)  # "In reaction to an attack on Saturday that killed seven, ..."
    # "Torkham, which remained shut, was sealed on Sunday": a new closure too
    fresh = any(x.kind == "border_closure" and not x.state for x in trig)
    for x, p in pairs:
        key = ("violent" if x.violent else x.kind, _place_key(p))
        if key in seen:
            if x.violent and key in by_key:  # a place named twice: its counts join
                by_key[key].counts = by_key[key].counts + own.get(id(p), [])
            continue
        seen.add(key)
        main = cut and x.start >= cut and p.start >= cut  # told after the cause
        c = _Candidate(i, s.paragraph, (s.start, s.end), t, x.kind, p, None, None, "")
        c.closure_state = x.state and not fresh
        _date(c, x, p, [d for d in spans if d.start >= cut] if main else spans, para, ref)
        if x.kind == "border_closure" and ended_closure(x.text) and c.last is not None:
            # "reopened on Tuesday after a 10-day closure": the closure ran up to the
            # reopening, that many days
            days = ended_length(x.text)
            c.first = c.last - dt.timedelta(days=days)
            c.notes.append(f"{x.text!r}: a closure of {days} days up to {c.last}")
        _actors(c, x, acts, t)
        c.notes.extend(p.notes)
        if x.violent:
            c.counts = [n for n in own.get(id(p), []) if not main or n.start >= cut]
            c.notes.extend(f"{n.which}: {n.text!r}" for n in c.counts)
        _types(c)
        if p.role == "frontier":
            c.flags.append("frontier_wide")
            c.notes.append(f"frontier-wide: {p.text!r}")
        if p.match.ambiguous:
            c.flags.append("ambiguous_place")
        by_key[key] = c
        out.append(c)
    return out, dated


# A record, not an incident: "a group which has carried out numerous operations inside
# Pakistan", "militants who have staged repeated attacks on posts"
_HABITUAL = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:carried out|conducted|launched|staged|mounted|"
    r"claimed|been behind|been responsible for)\s+(?:numerous|many|several|multiple|countless|"
    r"scores of|dozens of|hundreds of|a number of|a string of|a series of|repeated|frequent)\s+"
    r"(?:[\w-]+\s+)?$"
    # a trait: "militant groups thrive on attacking minorities", "notorious for
    # ambushing convoys", "known for targeting police"
    r"|\b(?:thrives?|thrived|thriving|notorious|infamous|known|specialis\w+|specializ\w+)\s+"
    r"(?:on|for|in)\s+$"
    # a readiness: "spare no opportunity to launch assaults", "never miss a chance to strike"
    r"|\b(?:(?:spares?|spared|miss(?:es)?|missed|wastes?|wasted|loses?|lost)\s+no|"
    r"never\s+(?:miss(?:es)?|missed|waste[sd]?))\s+(?:an?\s+)?(?:opportunity|chance|occasion)\s+"
    r"to\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
# A standing accusation: "Pakistan has long accused Kabul of harbouring militants who
# carry out attacks", "officials have long claimed that the TTP organizes attacks"
_LONG_CLAIMED = re.compile(
    r"\b(?:has|have|had)\s+long\s+(?:claimed|accused|said|maintained|alleged|argued|"
    r"insisted|complained|blamed|held)\b",
    re.IGNORECASE,
)
# A cause opening the sentence, closed by its comma: "In reaction to a deadly attack on
# Saturday that killed seven soldiers, Pakistan launched ...", "After a bombing in X
# on Friday, ..."
_CAUSE_PHRASE = re.compile(
    r"^\W*(?:In (?:reaction|response|retaliation|reprisal) (?:to|for)|Following|After|"
    r"(?:A day|Days|Hours|A week) after)\b[^,;:]{0,200}?,\s*",
    re.IGNORECASE,
)


def _cause_cut(t: str) -> int:
    """Where the main clause starts after a cause phrase opening sentence ``t`` that
    tells an event of its own (its date and counts are that event's, not the main
    clause's), else 0."""
    m = _CAUSE_PHRASE.match(t)
    if m is None or not any(x.violent for x in triggers_in(t[: m.end()])):
        return 0
    return m.end()


def _own_counts(
    t: str, counts: list[Count], raw: list[Trigger], kept: list[Trigger]
) -> list[Count]:
    """The counts of the sentence's own events: a count whose nearest event word
    before it in its clause is one that was dropped (a threat, history, the cause
    named for this news: "the clash came days after strikes in X killed 46") is
    that event's count, not this news's."""
    out = []
    for n in counts:
        before = [x for x in raw if x.end <= n.start and not re.search(r"[.;]", t[x.end : n.start])]
        x = max(before, key=lambda x: x.end) if before else None
        if x is not None and x not in kept:
            continue
        out.append(n)
    return out


#: The gap between two items of a list of places: ", ", " and ", ", and at the ".
_LIST_GAP = re.compile(
    r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?:(?:at|in)\s+)?(?:the\s+)?"
)
#: Between two items of a list that is the subject of its event: the unit that
#: places the first ("the X crossing in Balochistan, Y in South Waziristan and Z ...").
_UNIT_AFTER = (
    r"(?:\s+(?:border\s+)?(?:crossings?|borders?|points?|district|tehsil))?"
    r"(?:\s+(?:in|of)\s+(?:the\s+)?(?:[\w-]+\s+)?@(?:\s+(?:district|province|agency|tehsil))?)?"
)
_SUBJECT_GAP = re.compile(_UNIT_AFTER + _LIST_GAP.pattern)
# ... and between its last item and the event word right after it: "... and Kharlachi
# in Kurram also remained sealed", "... were also shut down"
_PREDICATE_GAP = re.compile(_UNIT_AFTER + r"(?:\s+[\w-]+){0,4}\s+")
# The phrase before a list that names what it adds to is no item of it: "Besides
# Torkham in Khyber district, the Chaman crossing ... also remained sealed"
_BESIDES = re.compile(
    r"^\W*(?:Besides|Apart from|Aside from|In addition to|Except(?: for)?|Other than|Like)\b"
    r"[^,;]*$",
    re.IGNORECASE,
)


def _subject_list(
    t: str, places: list[_Place], strong: list[Trigger], trig: list[Trigger]
) -> dict[int, Trigger | None]:
    """The event word of each place (by its ``id``): the nearest in its clause, or, for
    the first items of a list that is the subject of its event word ("Besides X, the
    A crossing in P, B in Q, C in R and D in S also remained sealed"), the word of the
    items after it, however far the list runs before it."""
    got: dict[int, Trigger | None] = {}
    nxt: tuple[_Place, Trigger] | None = None
    for p in reversed(places):
        if p.role == "context":
            continue
        x = (
            _nearest_in_clause(t, p, strong, own_clause=True)
            or _nearest_in_clause(t, p, strong)
            or _nearest_in_clause(t, p, trig)
        )
        listed = (
            nxt is not None
            and _SUBJECT_GAP.fullmatch(_gap(t, places, p.end, nxt[0].start))
            and not _BESIDES.match(t, 0, p.end)
        )
        if x is None and listed:
            x = nxt[1]
        got[id(p)] = x
        # the chain goes on from an item of the list (or its last, right before its
        # event word), not from a place with an event word of its own elsewhere
        chained = x is not None and (
            (listed and nxt[1] is x)
            or (x.start >= p.end and _PREDICATE_GAP.fullmatch(_gap(t, places, p.end, x.start)))
        )
        nxt = (p, x) if chained else None
    return got


def _gap(t: str, places: list[_Place], a: int, b: int) -> str:
    """The text between ``a`` and ``b`` with each unit named there ("in Kurram") as @."""
    gap = t[a:b]
    for c in places:
        if c.role == "context" and a <= c.start and c.end <= b:
            gap = gap.replace(t[c.start : c.end], "@", 1)
    return gap


def _on_crossing(t: str, p: _Place) -> bool:
    """Whether ``p`` is written "on the X border" or "on the X crossing" ("agreed to a
    ceasefire on the Torkham border": the truce of that crossing)."""
    return bool(
        re.search(r"\bon\s+the\s+$", t[max(0, p.start - 10) : p.start])
        and (
            re.search(r"\b(?:border|crossing)\b", p.text)
            or re.match(r"\s+(?:border|crossing)\b", t[p.end : p.end + 12])
        )
    )


def _nearest_trigger(p: _Place, trig: list[Trigger]) -> Trigger | None:
    inside = [x for x in trig if p.start <= x.start and x.end <= p.end]
    if inside:  # "The closure began ...": the event word names the place told before
        return inside[0]
    before = [x for x in trig if x.end <= p.start and p.start - x.end <= 160]
    if before:
        return max(before, key=lambda x: x.end)
    after = [x for x in trig if x.start >= p.end and x.start - p.end <= 100]
    return min(after, key=lambda x: x.start) if after else None


def _nearest_in_clause(
    t: str, p: _Place, trig: list[Trigger], *, own_clause: bool = False
) -> Trigger | None:
    """:func:`_nearest_trigger`, but a trigger after the place only in its clause:
    in "the ceasefire reached in Doha, but the talks in Istanbul failed" Doha is not
    the place of the talks.  With ``own_clause`` a trigger before the place counts
    only in its clause too ("a suicide bomber targeted a convoy in X, while forces
    killed four militants in Y during an operation": Y's event is the operation)."""
    x = _nearest_trigger(p, trig)
    if (
        own_clause
        and x is not None
        and x.end <= p.start
        and _CLAUSE_BREAK.search(t[x.end : p.start])
    ):
        # the nearest word before is in an earlier clause, and so is every one before it
        x = _nearest_trigger(p, [y for y in trig if y.start >= p.end])
    if x is not None and x.start >= p.end and _CLAUSE_BREAK.search(t[p.end : x.start]):
        return None
    return x


#: One crossing left unnamed: "a key border crossing", "one of its main crossings" is not
#: (``incidents._extract_wide.unnamed_crossing`` gives the phrase).
_ONE_CROSSING = re.compile(
    r"(?:a|one)\s+(?:[\w-]+\s+){0,3}?(?:border\s+)?(?:crossing|gate)(?:\s+point)?$", re.I
)
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30}
_LENGTH = re.compile(r"(?:(?P<n>\d{1,3}|[a-z]+)[- ])?(?P<unit>day|week|fortnight|month)s?", re.I)


def ended_length(text: str) -> int:
    """Days of a closure told from its reopening ("after an eight-month closure": 240,
    "after two weeks of closure": 14, "after week-long closure": 7).

    >>> ended_length("after an eight-month closure"), ended_length("after week-long closure")
    (240, 7)
    """
    m = _LENGTH.search(text)
    if m is None:
        return 0
    n = (m.group("n") or "").lower()
    count = int(n) if n.isdigit() else NUMBERS.get(n, 1)
    return count * _UNIT_DAYS[m.group("unit").lower()]


#: How far after the sentence's only place its event word may come (a long lead:
#: "During the operation in X, Y, troops engaged the location and, as a result,
#: eight were killed").
FAR_AFTER = 260


#: A site written as one: "in X", "at X", "near the X".
_AT = re.compile(r"\b(?:in|at|near|outside|inside|around)\s+(?:the\s+)?$", re.IGNORECASE)


def _far_in_clause(t: str, p: _Place, trig: list[Trigger]) -> Trigger | None:
    """The first trigger after ``p`` within :data:`FAR_AFTER` characters and in its
    clause (for the one place of a sentence, past :func:`_nearest_trigger`'s reach)."""
    after = [x for x in trig if x.start >= p.end and x.start - p.end <= FAR_AFTER]
    x = min(after, key=lambda x: x.start) if after else None
    if x is None or _CLAUSE_BREAK.search(t[p.end : x.start]):
        return None
    return x


_SPECIFIC = ("air_strike", "shelling", "bombing", "suicide_bombing")


def _specific(x: Trigger, trig: list[Trigger], t: str) -> Trigger:
    """ "air strikes targeted X": a generic verb right after a weapon word takes
    the weapon's kind."""
    if x.kind == "bombing":
        # "a suicide bomber rammed an explosives-laden vehicle into X": the bomb of a
        # suicide bomber named in its clause is a suicide bombing
        return next(
            (
                y
                for y in trig
                if y.kind == "suicide_bombing"
                and y.end <= x.start
                and x.start - y.end <= 60
                and not re.search(r"[.;]|\b(?:and|while|after|before)\b", t[y.end : x.start])
            ),
            x,
        )
    if x.kind not in ("attack", "armed_clash", "killing"):
        return x
    for y in trig:
        near = y.kind in _SPECIFIC and y.end <= x.start and x.start - y.end <= 25
        if near and not re.search(r"[.;]|\band\b", t[y.end : x.start]):
            return y
    return x


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
#: A noun a date is written before, as its attribute: "the February 8 general elections".
_DATED_NOUN = re.compile(
    r"\s+(?:general\s+|presidential\s+|parliamentary\s+|local\s+|provincial\s+)?"
    r"(?:elections?|polls?|vote|by-?elections?|deadline|summit|meeting|session|conference|"
    r"ultimatum|visit)\b",
    re.IGNORECASE,
)
#: The words before the date of the event answered ("retaliated for the 16th March
#: attack", "in response to Saturday's attack", "to avenge the March 16 raid"): that
#: date is the cause's, not the answer's.
_ANSWERED_DAY = re.compile(
    r"\b(?:retaliat(?:ed|es|ing|e)\s+(?:for|against)|in\s+retaliation\s+(?:for|to)|"
    r"in\s+(?:response|reprisal|revenge)\s+(?:to|for)|to\s+avenge|avenging|"
    r"revenge\s+for)\s+(?:the\s+|a\s+|an\s+|last\s+)?$",
    re.IGNORECASE,
)
#: A comparison with a period that began with the date after it: "the gravest
#: confrontation since the Taliban's return to power in 2021".
_SINCE_COMPARED = re.compile(
    r"\b(?:most|worst|deadliest|bloodiest|biggest|largest|heaviest|fiercest|severest|"
    r"highest|first|gravest|sharpest|strongest)\b[^.;:]{0,100}?\bsince\b[^.;:]{0,60}$",
    re.IGNORECASE,
)
#: A date that ends a term: "effective until March 11", "valid till October 20".
_TERM_END = re.compile(
    r"\b(?:until|till|untill|up to|through|expir(?:es|ing) on|ending on|valid till)\s+$",
    re.IGNORECASE,
)


def _date(
    c: _Candidate,
    x: Trigger,
    p: _Place,
    spans: list[DateSpan],
    para: tuple[dt.date, dt.date, str] | None,
    ref: dt.date | None,
) -> None:
    usable = [
        d
        for d in spans
        if d.first is not None
        # "a ceasefire effective until March 11": the end of a term, not the event's day
        and not (
            d.relative_to is None
            and x.kind in ("ceasefire", "border_closure", "talks")
            and _TERM_END.search(c.evidence, 0, d.start)
        )
        # "candidates running in the February 8 general elections": the day of a noun
        and not (
            _THE_BEFORE.search(c.evidence, max(0, d.start - 5), d.start)
            and _DATED_NOUN.match(c.evidence, d.end)
        )
        # "the most severe confrontation since the Taliban's return to power in 2021":
        # the start of the period compared with, not the event's day
        and not _SINCE_COMPARED.search(c.evidence[max(0, d.start - 160) : d.start])
        # "retaliated for the 16th March attack ... by conducting airstrikes": the day
        # of the event answered (unless the trigger is that event's own noun)
        and not (
            _ANSWERED_DAY.search(c.evidence, max(0, d.start - 60), d.start)
            and not d.end <= x.start <= d.end + 40
        )
    ]
    if x.violent:
        # violence reported happened: a date to come is of something else in the
        # sentence ("withdrew from next month's series after strikes killed three")
        usable = [d for d in usable if not d.future]
    # "officials said on Monday": the day of the statement, not of the event; the
    # event is that day or the day before.
    events = [
        d
        for d in usable
        # ("officials said Thursday's strikes ...": a day owning the event is its day)
        if d.text.endswith(("'s", "’s"))
        or (
            not d.statement
            and not REPORTED.search(c.evidence[max(0, d.start - 30) : d.start])
            and not _REPORTED_AFTER.match(c.evidence, d.end)
        )
    ]
    if usable and not events:
        d = min(usable, key=lambda d: abs(d.start - x.start))
        if d.first is not None and d.last is not None and d.first == d.last:
            c.first, c.last = d.first - dt.timedelta(days=1), d.last
            c.date_how = "relative"
            c.notes.append(
                f"date of the statement {d.text!r}: the event that day or the day before"
                f" -> {_fmt(c.first, c.last)}"
            )
            return
    usable = events or usable
    if usable:

        def dist(d: DateSpan) -> int:
            # a whole year ("in 2023") only when the sentence has no finer date
            coarse = 1000 if d.first and d.last and (d.last - d.first).days > 100 else 0
            # "Sunday's airstrikes": a possessive date is of the noun after it
            if re.search(r"['’]s$", d.text) and not 0 <= x.start - d.end <= 30:
                coarse += 500
            return coarse + min(
                abs(d.start - x.end),
                abs(x.start - d.end),
                abs(d.start - p.end),
                abs(p.start - d.end),
            )

        # "struck Khost on October 9, Paktika on October 12": the date right after a
        # place, in its own list item, is that place's
        own = [
            d
            for d in usable
            if d.start >= p.end
            and re.fullmatch(r"\s*(?:on|in|late on|early on)?\s*", c.evidence[p.end : d.start])
        ]
        d = own[0] if own and p.role != "frontier" else min(usable, key=dist)
        c.first, c.last = d.first, d.last
        how = {
            None: "stated",
            "article": "relative to the article date",
            "sentence": "overnight",
            "previous": "relative to the previous event",
        }[d.relative_to]
        c.date_how = "absolute" if d.relative_to is None else "relative"
        c.date_text, c.date_rel = d.text, d.relative_to
        c.notes.append(f"date {d.text!r} {how} -> {_fmt(d.first, d.last)}")
        if d.future or (ref is not None and d.first is not None and d.first > ref):
            c.flags.append("planned")
            c.notes.append("future tense: a planned event")
        return
    if any(d.first is None and d.relative_to != "previous" for d in spans):
        c.flags.append("date_unresolved")
        c.notes.append(f"date {spans[0].text!r} needs an article date (--date)")
    if para is not None and not (
        para[0] is not None
        and para[1] is not None
        and (para[1] - para[0]).days > PARA_WIDE_DAYS
        and _ALSO.search(c.evidence)
    ):
        # (not a period told before, for a sentence that adds to the news: "Pakistan
        # launched a series of airstrikes last month. ... strikes also hit Kandahar")
        c.first, c.last = para[0], para[1]
        c.date_how = "inherited"
        c.notes.append(f"date from the paragraph ({para[2]!r}) -> {_fmt(para[0], para[1])}")
        return
    c.date_how = "not stated"
    c.flags.append("date_not_stated")
    if ref is not None:
        c.first, c.last = ref - dt.timedelta(days=UNDATED_DAYS), ref
        c.notes.append("no date stated: the day before the article date or that day")
    else:
        c.notes.append("no date stated and no article date")


def _fmt(a: dt.date | None, b: dt.date | None) -> str:
    return f"{a}" if a == b or b is None else f"{a}..{b}"


# Words before an actor named after the trigger that make it the target: "strikes on
# X", "the strikes targeted the hideouts of X".
_AT_TARGET = re.compile(
    r"\b(?:on|against|at|targeting|into|"
    r"(?:targeted|targets|hit|hitting|struck|striking|bombed|bombing|pounded|pounding) "
    r"(?:the|a|an|its|their|several|suspected|multiple|many|two|three|four|five|\d+)|"
    r"(?:hideouts?|camps?|bases?|positions?|posts?|compounds?|centres?|centers?|"
    r"headquarters|sanctuaries|shelters?|training centres?) of)\b"
)


# An actor in the possessive right before the event word: "the terrorists' attack".
_POSSESSOR = re.compile(r"[\w-]+(?:\s+[\w-]+){0,2}(?:'s|’s|'|’)\s+(?:[\w-]+\s+)?$")


# A trigger that is a transitive verb: the side named after it is its object.
_VERB_TRIGGER = re.compile(
    r"(?:attacked|struck|hit|targeted|shelled|bombed|raided|stormed|ambushed|pounded|"
    r"assaulted|overran|captured|seized|destroyed|fired (?:on|at|upon|into)|"
    # the one killed follows: "gunmen shot dead a TTP commander"
    r"shot dead|gunned down|killed|murdered|assassinated)$",
    re.IGNORECASE,
)
# A verb or preposition whose object follows: "killed six terrorists", "engaged the khwarij".
_OBJECT_BEFORE = re.compile(
    r"\b(?:killed|killing|kill|kills|neutrali[sz]ed|neutrali[sz]ing|eliminated|eliminating|"
    r"engaged|engaging|targeted|targeting|arrested|captured|against|on)\s+"
    r"(?:[\w“”\"'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
# A speaker: "the ISPR (the military's media wing) in a press release said that ...".
_SAID_AFTER = re.compile(r"[^,;.]{0,60}?\b(?:said|stated|says)\b")
# "..., prompting Pakistani forces to respond": the side named after the event answered it.
_ANSWERER = re.compile(
    r"[\w'’-]+(?:\s+[\w'’-]+){0,3}?\s+(?:to\s+)?(?:respond|retaliate|react|hit back|return fire)",
    re.IGNORECASE,
)


def _actors(c: _Candidate, x: Trigger, acts: list[tuple[int, str]], t: str) -> None:
    if not c.kind or c.kind not in VIOLENT:
        if (
            c.kind in ("ceasefire", "talks")
            and re.search(r"\bPakistan", t)
            and re.search(r"\bAfghan|\bTaliban|\bKabul", t)
        ):
            c.actor1, c.actor2 = "Government of Pakistan", "Government of Afghanistan (Taliban)"
        elif c.kind == "border_closure":
            c.actor1 = PK_MIL if re.search(r"\bPakistan", t[: x.start]) else None
        return
    roles = clause_roles(t, x.start)
    if roles is not None:
        # "security forces killed 10 TTP militants": the verb's subject and object
        c.actor1, c.actor2 = roles
        c.notes.append("agent and victim from the killing clause")
        return
    armed = [(o, a) for o, a in acts if a != CIVILIANS]
    # "fired by Afghan forces": the agent follows the trigger
    agent = next(
        (a for o, a in armed if o > x.end and re.search(r"\bby\s+(?:the\s+)?$", t[x.end : o])),
        None,
    )
    if agent is None:
        # "the terrorists' attack on two posts", "the TTP's assault": the possessor
        # of the event word is its agent
        agent = next(
            (a for o, a in armed if o < x.start and _POSSESSOR.match(t[o : x.start])), None
        )
    if agent is None:
        # the subject of the clause (its first actor) did it: "Afghan forces set
        # fire to Pakistani posts and captured two" -> Afghan forces
        start = max(t.rfind(";", 0, x.start), t.rfind(". ", 0, x.start), 0)
        # ("..., prompting Pakistan to escalate, carrying out strikes in X": a new subject)
        for cut in _PROMPTING.finditer(t, start, x.start):
            start = cut.end()
        # ...unless it only answered the event ("troops responded to firing from X")
        # (nor was its victim: "seven Pakistani soldiers were killed in a suicide attack")
        subjects = [
            (o, a)
            for o, a in armed
            if start <= o < x.start
            and not _ANSWERED.search(t[o : x.start])
            and not _victim(t[o : x.end])
            # "security forces killed six terrorists in an operation": an object
            and not (a == TTP_WORD and _OBJECT_BEFORE.search(t[max(0, o - 40) : o]))
            and not target_site(t, o)  # "targeting Pakistan's military posts"
        ]
        before = [a for _, a in subjects]
        before_at = [o for o, _ in subjects]
        if len(before) > 1 and _SAID_AFTER.match(t, before_at[0]):
            before = before[1:]  # "the ISPR in a press release said that terrorists attacked"
        agent = before[0] if before else None
        if agent is None:
            # "an attack on a centre of Pakistan's Frontier Corps": the target
            after = [
                a
                for o, a in armed
                if o >= x.end
                and a != TTP_WORD
                and not _AT_TARGET.search(t[x.end : o])
                and not target_site(t, o)  # "shelling Pakistani posts": whose posts
                and not _ANSWERER.match(t, o)
                # the object of a verb: "The Taliban attacked Pakistani posts"
                and not (_VERB_TRIGGER.search(x.text) and not re.search(r"\bby\b", t[x.end : o]))
            ]
            agent = after[0] if after else None
    if agent is None and c.kind == "air_strike" and c.place.match.country != "PK":
        # Only Pakistan's air force and drones strike across this frontier.
        agent = PK_MIL
        c.notes.append("air strike on the Afghan side: Pakistan's (the only air power here)")
    victims = [a for o, a in armed if o < x.start and a != agent and _victim(t[o : x.end])]
    target = victims[0] if victims else next((a for _, a in armed if a != agent), None)
    if target is None and any(a == CIVILIANS for _, a in acts):
        target = CIVILIANS
    marked = any(
        o >= x.end
        and (
            _AT_TARGET.search(t[x.end : o])
            or (_VERB_TRIGGER.search(x.text) and not re.search(r"\bby\b", t[x.end : o]))
        )
        for o, a in armed
        if a == target
    )
    answering = any(o >= x.end and _ANSWERER.match(t, o) for o, a in armed if a == target)
    if (
        agent is None
        and target not in (None, CIVILIANS, TTP_WORD)
        and not marked
        and not victims
        and not answering
    ):
        agent, target = target, None
    agent = TTP if agent == TTP_WORD else agent
    target = TTP if target == TTP_WORD else target
    c.actor1, c.actor2 = agent, target
    if c.actor1 and c.actor1 == c.actor2:
        c.actor2 = None


# Fire one side opens on another ("gunmen opened fire on a van"): one-sided when its
# only victims are civilians (ACLED: an attack on civilians), unlike a clash.
_FIRED_ON = re.compile(r"\bopen(?:ed|s|ing)? (?:\w+ )?fire\b|\bfired (?:on|at|upon|into)\b", re.I)


#: Talks whose object is a crossing's reopening: "agree to reopen the trade route",
#: "to reopen the crossing", "on reopening the border".
_TO_REOPEN = re.compile(
    r"\b(?:to|on|for|about)\s+(?:the\s+)?re-?open(?:ing)?\s+(?:of\s+)?(?:the|it|its)\b",
    re.IGNORECASE,
)
#: A paragraph's date wider than this (days) is a period, not the day of a sentence
#: that adds to the news with "also".
PARA_WIDE_DAYS = 7
_ALSO = re.compile(r"\b(?:also|additionally|as well)\b", re.IGNORECASE)
#: A cause told by a pronoun for the sentence's own agent: "after they opened fire".
_SAME_AGENT = re.compile(r"(?:after|when)\s+(?:they|he|she)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
#: How far from the crossing a sentence closes another place of the sentence may lie and
#: still be closed with it (the crossing's town or district; km).
CLOSURE_NEAR_KM = 60.0


#: How far after an unplaced event word a frontier phrase may come to place it (chars).
FRONTIER_AFTER = 60
#: The site of a closure's cause, told after it: "... closed shortly after a deadly blast
#: at X", "... sealed following an attack on a convoy in X".
_CAUSE_SITE = re.compile(
    r"\b(?:after|following)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:blast|attack|bombing|"
    r"explosion|clash(?:es)?|strikes?|shelling|firing|ambush|raid)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:at|in|on|near)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?$",
    re.IGNORECASE,
)


_DRONE = re.compile(r"\b(?:drones?|quadcopters?|UAVs?|unmanned)\b", re.IGNORECASE)


def _types(c: _Candidate) -> None:
    if c.kind == "air_strike" and c.actor1 in (AF_MIL, TTP, HGB) and not _DRONE.search(c.evidence):
        # only Pakistan strikes with aircraft here: the others' "strikes" are ground
        # attacks (their drones and quadcopters are drone strikes)
        c.kind = "attack"
        c.notes.append("'strikes' by a force without aircraft: an attack")
    kind = c.kind
    # (a killing with no victim named as an actor: its counted dead and hurt, when all
    # civilians: "gunmen killed a tribal elder")
    civ_only = c.actor2 == CIVILIANS or (
        kind == "killing"
        and c.actor2 is None
        and bool(c.counts)
        and all(n.group == "civilians" and n.value > 0 for n in c.counts)
    )
    if civ_only and (kind == "attack" or (kind == "armed_clash" and _FIRED_ON.search(c.evidence))):
        c.notes.append("attack on civilians")
        c.types = EVENT_KINDS["killing"]
    elif kind == "killing" and not civ_only and not SLAIN_BODIES.search(c.evidence):
        # (bodies found with marks of violence: an attack, whoever the dead were)
        c.types = EVENT_KINDS["armed_clash"]
    else:
        c.types = EVENT_KINDS[kind]


_VAGUE = re.compile(r"\b(?:dozens?|scores|hundreds|several|many|numerous)\b", re.IGNORECASE)


def _enrich(cands: list[_Candidate], c: _Candidate) -> bool:
    """Counts of a sentence with no place of its own belong to the last violent
    incident of the previous three sentences (groups not yet counted there).
    Whether they went to one."""
    prev = None
    for p in reversed(cands):  # stops three sentences back: linear in the article
        if c.sentence - p.sentence > 3:
            break
        if p.kind in VIOLENT:
            prev = p
            break
    if prev is None or not c.counts or not _dates_fit(prev, c):
        return False
    have = {(n.which, n.group) for n in prev.counts if not _VAGUE.search(n.text)}
    # (a risen toll is new even of a group counted: "the death toll later rose to 31";
    # so is an exact figure after a vague one: "more than a dozen" / "over 20 injured")
    new = [n for n in c.counts if (n.which, n.group) not in have or n.role == "update"]
    if new:
        prev.counts = prev.counts + new
        prev.notes.append(f"counts from sentence {c.sentence}: " + ", ".join(n.text for n in new))
    return True


def _dates_fit(host: _Candidate, c: _Candidate) -> bool:
    """Whether ``c`` (a sentence with casualties and no place) can be a detail of
    ``host``: its own stated date, if any, overlaps the host's ("Last week, a raid
    left 16 soldiers dead" is not the detail of today's strike)."""
    if c.date_how not in ("absolute", "relative") or c.first is None or host.first is None:
        return True
    if c.counts and all(n.role == "update" for n in c.counts):
        return host.first <= (c.last or c.first)  # "by Tuesday the toll had risen": when counted
    if c.last is not None and (c.last - c.first).days > 2:
        return False  # "30 were killed in operations this week": a summary, not a detail
    return c.first <= (host.last or host.first) and host.first <= (c.last or c.first)


def _day_near(x: Trigger, spans: list[DateSpan], t: str) -> bool:
    """Whether a day-precise date qualifies the trigger itself: within 90 characters
    after it, or right before it in its own phrase ("last night's clash")."""
    for d in spans:
        if d.first is None or d.last is None or (d.last - d.first).days > 2:
            continue
        if x.end <= d.start <= x.end + 90:
            return True
        if (
            d.end <= x.start
            and x.start - d.end <= 25
            and not re.search(r"[,.;:]", t[d.end : x.start])
            and not re.search(r"\b(?:after|before|later|earlier|since|ago)\W*$", d.text, re.I)
        ):
            return True
    return False


def not_happened(x: Trigger, clause: str, after: str, ref: dt.date | None) -> bool:
    """Whether the trigger ``x`` names a threat, a plan or an averted attack: a modal
    in its ``clause`` (the words before it), :func:`_unreal` (with ``after``, the
    words after it), or violence planned."""
    return bool(
        _MODAL.search(clause)
        or _unreal(x, clause, after, ref)
        or (x.violent and _PLANNED_VIOLENCE.search(clause))
    )


def _unreal(x: Trigger, clause: str, after: str, ref: dt.date | None) -> bool:
    """Whether the words before a violent or other trigger (in its clause) say it
    did not happen, is only supposed or feared, is an intention, a comparison, or an
    earlier event named by its year or month; or a modal verb after it says it is
    yet to happen ("a strike could hit them")."""
    if (
        _NEGATED.search(clause)
        or _INTENT.search(clause)
        or _SUPERLATIVE.search(clause)
        or _FEAR.search(clause)
    ):
        return True
    m = _MODAL_AFTER.match(after)
    if x.violent and m is not None and not re.search(r"[,.;:]", after[: m.end()]):
        return True  # (talks that "will be held" on a stated day are a planned event)
    y = _YEAR_NAMED.search(clause)
    if y is None or ref is None:
        return False
    if y.group("y"):
        return int(y.group("y")) < ref.year
    # a month named as the event's name, other than the article's month: earlier news
    return _MONTHS.index(y.group("m").lower()) + 1 != ref.month


def _events_of(
    t: str, raw: list[Trigger], spans: list[DateSpan], ref: dt.date | None = None
) -> list[Trigger]:
    """The triggers of ``t`` that report something that happened in this news: not
    a threat or plan, not the frontier's history, not a routine, and not the cause
    named for another event ("the strikes followed recent attacks") unless that
    cause is dated.  When a sentence names history or a cause, its bare casualty
    words ("left 70 dead") belong to that too."""
    keep: list[Trigger] = []
    cause: list[Trigger] = []
    unreal: list[Trigger] = []  # dropped as not happened (a threat, plan, averted attack)
    follows_at: int | None = None  # where "This clash follows ..." sets the news after
    dropped = False
    has_date = any(d.first is not None for d in spans)
    for x in raw:
        near = _day_near(x, spans, t)  # a day-precise date of the trigger itself
        clause = re.split(r"[.;:]", t[max(0, x.start - 70) : x.start])[-1]
        clause = own_clause(t, x.start, clause, dated=near)  # "In ... 2021,"
        window = t[max(0, x.start - 60) : x.end + 60]
        if _PURPOSE.search(clause):
            continue
        if (
            _FRAME_OF.search(clause)
            and _OPERATION.match(x.text)
            and not near  # "the operation that began on Sunday": told as news
            and not any(  # "as part of the operation, troops killed five": the deed
                y is not x and y.violent and y.text.lower() != "targeted" for y in raw
            )
        ):
            continue
        if x.text.lower() == "targeted" and any(y.start == x.end + 1 for y in raw):
            continue  # "a targeted operation": an adjective of the trigger after it
        if _BACKDROP.search(clause) and not near:
            dropped = True
            continue
        wide = re.split(r"[.;:]", t[max(0, x.start - 140) : x.start])[-1]
        past = (
            _ENDED.search(clause)
            or _ESCALATED.search(clause)
            or _PLUPERFECT.search(wide)
            or _HAD_AFTER.match(t, x.end)  # "within days, clashes had erupted at X"
        )
        if past and not near:
            dropped = True
            continue
        if x.weak and _TOLL_AGAIN.match(t) and not any(k.violent and not k.weak for k in raw):
            dropped = True
            continue
        if not_happened(x, clause, t[x.end : x.end + 60], ref):
            # a threat, plan or averted attack: the casualty words of an earlier clause
            # still tell what happened ("killed a terrorist, averting a major attack")
            dropped = True
            unreal.append(x)
            continue
        if x.weak and not near and _TALLY_SINCE.search(t, x.end, x.end + 50):
            # "200 people had lost their lives to targeted killings since February 2018":
            # a running tally, no incident and no toll of one
            dropped = True
            continue
        if _SWEEP.match(x.text) and _SWEEP_AFTER.match(t, x.end):
            # "launched a search operation in the area to trace the attackers": the hunt
            # after an attack told before, no incident of its own
            dropped = True
            continue
        if not near and _HAD_BEEN.search(t, max(0, x.start - 40), x.start):
            # "forests in X, which had been destroyed by the tribes": a state told in a
            # pluperfect relative clause, no event of the news
            dropped = True
            continue
        if not near and _LONG_CLAIMED.search(
            re.split(r"[.;:]|,\s+(?:and|but|while|yet)\s", t[max(0, x.start - 160) : x.start])[-1]
        ):
            # "officials have long claimed that the TTP ... organizes attacks inside X": a
            # standing accusation, no event
            dropped = True
            continue
        if (
            _HISTORY.search(clause)
            # "due to frequent border skirmishes": a habit (not "despite frequent patrols")
            or _FREQUENT_BEFORE.search(clause)
            or (_COMMENTARY.search(clause) and not near)
            or _SINCE.search(clause)
            or _HISTORY_AFTER.match(t[x.end :])
            or (_HABIT_AFTER.match(t[x.end :]) and not near)
            or (_HABIT_ACROSS.match(t[x.end :]) and not near)
            or _TALLY_ACROSS.match(t[x.end :])
            or (x.kind == "border_closure" and (_ROUTINE.search(window) or _HISTORY.search(window)))
            or recalled_trigger(t, x, clause, dated=near, has_date=has_date)
            or (_HABITUAL.search(clause) and not near)
        ):
            dropped = True
            continue
        if x.kind == "talks" and _AHEAD_OF.search(clause):
            # "ahead of talks in Istanbul this weekend": talks to come, the backdrop of
            # other news, dated or not
            dropped = True
            continue
        if (
            x.kind == "talks"
            and (_PLANNED.search(clause) or _TALKS_TO_COME.search(clause))
            and not any(
                d.first is not None and 0 <= d.start - x.end <= 40 and "," not in t[x.end : d.start]
                for d in spans
            )
        ):
            # talks to come, on no day of their own, are not an event
            dropped = True
            continue
        if (
            not x.violent
            and _FUTURE_AFTER.match(t, x.end)
            and not any(
                d.first is not None
                and d.start >= x.end
                # ("later this month" is no day of its own)
                and not t[d.start : d.end].lower().startswith("later")
                for d in spans
            )
        ):
            # "the talks in Istanbul are expected to be the final round": talks to
            # come, on no stated day, are not an event (with a day they are a
            # planned one)
            dropped = True
            continue
        day_after = any(
            d.first is not None
            and d.last is not None
            and (d.last - d.first).days <= 2
            and x.end <= d.start <= x.end + 90
            for d in spans
        )
        if (
            x.violent
            and not day_after
            and _CAUSE_OF_NEWS.search(t[max(0, x.start - 160) : x.start])
        ):
            # "relations soured after the 2021 takeover in Kabul and the attacks in X"
            # (but "tensions rose after jets struck Kabul on Thursday" is news)
            dropped = True
            continue
        if x.kind == "ceasefire" and not near and _CAUSE.search(clause):
            dropped = True  # "the talks follow a ceasefire brokered by Qatar": its past
            continue
        cm = _CAUSE.search(clause) if x.violent else None
        if cm is not None and _DIED_AFTER.search(clause):
            # "eight people died after a blast in X": the blast killed them, one event
            keep.append(x)
            continue
        if cm is not None and _SAME_AGENT.match(cm.group(0)):
            # "forces killed one person after they opened fire on protesters": the
            # pronoun's deed is the same event, told by how it began
            keep.append(x)
            continue
        if cm is not None and _THIS_FOLLOWS.match(t[: x.start - len(clause) + cm.end()]):
            # "This confrontation follows recent airstrikes on December 24 in X": the
            # news told before, set after an earlier event, dated or not (and so is
            # every event word after it: "..., which targeted X")
            follows_at = x.start if follows_at is None else follows_at
            cause.append(x)
            continue
        lag = _LAGGED_AFTER.search(t, 0, x.start) if x.violent and cm is None else None
        if lag is not None and not near and any(k.violent for k in raw if k.end <= lag.start()):
            # "The blast came days after four guards lost their lives in a gun attack on
            # a post in X": the whole clause after "came days after" is the earlier event
            cause.append(x)
            continue
        if cm is not None and not near:
            # ("after overnight clashes in which forces attacked posts in X": the
            # trigger inside a dated cause's phrase is that event's)
            at = x.start - len(clause) + cm.start()
            if not any(k.violent and at <= k.start < x.start for k in keep):
                cause.append(x)
                continue
        if x.violent and not near and any(_MEANS_OF.fullmatch(t, c.end, x.start) for c in cause):
            # "came after three players were killed in an airstrike": the means of
            # the cause's killing is the cause too
            cause.append(x)
            continue
        keep.append(x)
    if follows_at is not None:
        cause += [x for x in keep if x.start > follows_at]
        keep = [x for x in keep if x.start <= follows_at]
    main = [x for x in keep if x.violent and not x.weak]
    own: list[Trigger] = []
    if follows_at is not None:
        dropped = True
    elif main:
        dropped = dropped or bool(cause)
    elif cause and all(_fronted_cause(t, x) for x in cause):
        # "Following border clashes, the shutdown of Torkham has paralyzed trade": an
        # unplaced, undated cause opening the sentence is its backdrop; the places
        # after it are the main clause's
        dropped = True
    elif (
        cause
        and (
            _CONTEXT_NEWS.search(t[: cause[0].start])
            or _LAGGED.search(t[max(0, cause[0].start - 70) : cause[0].start])
            # "Shops opened on Tuesday after two days of gunfights": days of fighting told
            # as what came before the news
            or _DAYS_OF.search(t[max(0, cause[0].start - 50) : cause[0].start])
        )
    ):
        # "relations soured after the attacks in Bannu", "the minister visited Kabul
        # days after clashes in X": the cause is history ("Troops killed 12 militants
        # in X, a day after ...": the casualty verb before it is still this news)
        own = own_before_cause(keep, cause)
        dropped = True
    else:
        keep = sorted(keep + cause, key=lambda x: x.start)  # the cause is the event itself
    # "the TTP has been behind a surge of attacks in X", "the army on Tuesday cited a
    # surge in attacks along the border": a trend, not an incident (unless the
    # trigger itself is dated)
    trend = [
        x
        for x in keep
        if x.violent
        and (
            _TREND.search(t[max(0, x.start - 40) : x.start])
            or (
                x.kind != "killing"
                and _TREND_AFTER.match(t, x.end)
                # ("the death toll from the Bajaur bombing has risen to 63": its toll)
                and not TOLL_OF.search(t, max(0, x.start - 60), x.start)
            )  # (not "the toll has risen")
            or (
                # ("dozens of missiles" counts munitions of one event)
                _AGGREGATE.search(t[max(0, x.start - 50) : x.start])
                and not re.match(r"(?i)(?:missile|rocket|shell|mortar|bomb|artillery)", x.text)
                # ("dozens of people were injured": a vague count of one event's victims)
                and not (x.kind == "killing" and _WERE_BEFORE.search(t, 0, x.start))
            )
        )
        and not _day_near(x, spans, t)
    ]
    if trend:
        dropped = True
        keep = [x for x in keep if x not in trend]
    if dropped and not any(x.violent and not x.weak for x in keep):
        # (a casualty word in a clause before everything dropped, when only things that
        # did not happen were dropped, is this news: "killed a wanted terrorist in X,
        # averting a major attack")
        before = (
            min(x.start for x in unreal)
            if unreal and len(unreal) == len([x for x in raw if x not in keep])
            else -1
        )
        keep = [
            x
            for x in keep
            if not x.weak or x in own or (x.end <= before and re.search(r"[,;]", t[x.end : before]))
        ]
    return keep


def _assign(t: str, counts: list[Count], places: list[_Place]) -> dict[int, list[Count]]:
    """Each count to the place nearest to it in its own clause ("three were killed
    in Paktika, while two were killed in Khost")."""
    out: dict[int, list[Count]] = {}
    if not places:
        return out
    for n in counts:
        best = min(places, key=functools.partial(_cost, t, n))
        # A count after a list ("struck X and Y, killing 10") is the list's total: it
        # goes to the list's first place.
        k = places.index(best)
        while k > 0 and _LISTED.match(t[places[k - 1].end : places[k].start]):
            k -= 1
        out.setdefault(id(places[k]), []).append(n)
    return out


_LISTED = re.compile(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?$")


def _cost(t: str, n: Count, p: _Place) -> int:
    """Distance from a count to a place; crossing a clause boundary costs 1000."""
    a, b = (n.end, p.start) if n.end <= p.start else (p.end, n.start)
    return abs(b - a) + (
        1000 if _CLAUSE_BREAK.search(t[a:b]) or (b == n.start and opens_clause(t[a:b])) else 0
    )
