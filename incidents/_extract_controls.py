"""Words of violence used in a sense that reports no incident.

Articles that report no new violent incident (trade, refugees, polio drives,
cricket, court hearings, anniversaries, official briefings) still use the words
the extractor reads as events.  This module names the general uses that are not
events, for small hooks elsewhere:

* :func:`non_event` -- a trigger word that names no incident in its sentence:

  - a labour or protest *strike* ("a strike by transporters", "traders went on
    strike", "a shutter-down strike"), read otherwise as an air strike;
  - *firing in the air* ("celebratory gunfire", "shooting in the air"), a
    celebration or a warning, not a clash;
  - a *recollection*: the attack of an anniversary, a commemoration or a memory
    ("the anniversary of the school attack", "recalled the bombing"), of a suspect
    or a convict ("a suspect in the bombing") or of a film or book about it;
  - a *seizure* of goods or people by officials ("seized 300 kg of heroin",
    "captured two smugglers"), read otherwise as a post or town taken in fighting,
    and a search of shops or homes for papers or contraband ("raided shops to
    check for undocumented Afghans");
  - a *drill* ("firing exercises", "a live-fire drill") and *mine clearance*
    ("deminers cleared landmines");
  - *figurative fighting* ("fighting polio", "kite fighting");
  - *a report's findings* ("The report says that forces shelled homes in several
    provinces", "According to UNAMA's report, ..."): what a study documented over its
    period, not an incident of the news;
  - *an accusation* of abetting, sponsoring or hosting attacks in general ("blamed the
    Taliban for abetting terror attacks inside Pakistan"), and the event a *film or
    footage* shows ("the viral footage of a militant attack on X").

* :func:`accidental` -- a sentence whose deaths or damage come from an accident
  (a road accident, a fire that broke out, a collapse, a drowning): like a flood,
  no violence (the caller keeps the event when a violent word is present too).

* :func:`speech_venue` -- the place where an official spoke ("responding to the
  queries of journalists in Islamabad", "addressing a ceremony in Quetta"): the
  venue of a statement, not the scene of the event the statement is about.
"""

from __future__ import annotations

import re

from incidents._extract_phrasing_l import weather_strike

__all__ = ["accidental", "non_event", "speech_venue"]

# -- strikes of labour and protest -------------------------------------------------

_LABOUR_BEFORE = re.compile(
    r"\b(?:hunger|shutter[- ]down|wheel[- ]jam|pen[- ]down|token|general|labou?r|"
    r"transporters?['’]?|traders?['’]?|workers?['’]?|drivers?['’]?|porters?['’]?|"
    r"doctors?['’]?|teachers?['’]?|lawyers?['’]?|employees?['’]?|unions?['’]?|"
    r"(?:on|a|the|their|its)\s+(?:\w+[- ])?day[- ]long|(?:go|goes|went|gone|going)\s+on|"
    r"call(?:s|ed|ing)?\s+(?:for\s+)?(?:a|an|the)?\s*(?:\w+[- ])?|observ(?:e|es|ed|ing)\s+"
    r"(?:a|an|the)?\s*(?:\w+[- ])?|announc(?:e|es|ed|ing)\s+(?:a|an|the)?\s*(?:\w+[- ])?|"
    r"end(?:s|ed|ing)?\s+(?:their|the|its)\s+|ongoing|continuing)\s*$",
    re.IGNORECASE,
)
_LABOUR_AFTER = re.compile(
    r"^\s*(?:by|of|called by|staged by|observed by)\s+(?:the\s+)?(?:\w+\s+){0,2}?"
    r"(?:transporters?|traders?|truckers?|drivers?|workers?|labou?rers?|porters?|"
    r"shopkeepers?|merchants?|businessmen|doctors?|teachers?|lawyers?|employees?|"
    r"unions?|associations?|chambers?|staff|customs\s+agents?|clearing\s+agents?)\b"
    r"|^\s*call\b|^\s*(?:continued|entered|ended)\b",
    re.IGNORECASE,
)

# -- firing in the air -------------------------------------------------------------

_AIR_BEFORE = re.compile(
    r"\b(?:celebratory|aerial|jubilant|festive|wedding|happy)\s+(?:\w+\s+)?$", re.IGNORECASE
)
_AIR_AFTER = re.compile(
    r"^(?:\s+(?:of\s+)?(?:guns?|weapons?|bullets?|shots?|rifles?|kalashnikovs?))?"
    r"\s+(?:in|into)\s+the\s+air\b",
    re.IGNORECASE,
)
_AIR_WORDS = re.compile(r"^(?:fir\w*|fire|shoot\w*|shots?|gunfire|gunshots?|shot)$", re.I)
_STRIKE_WORD = re.compile(r"strikes?", re.IGNORECASE)
_FIRE_WORD = re.compile(r"fir\w*$")
_MINE_WORD = re.compile(r"(?:land)?mines?$")
#: Where a clause before a trigger begins: the recollection cue must be in its clause.
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:and|but|while|after|when)\b")

# -- recollections -----------------------------------------------------------------

#: A relative clause opening a clause: it goes on about the noun before its comma.
_RELATIVE = re.compile(r"\s*(?:in|during|at)\s+which\b|\s*where\b|\s*which\b", re.IGNORECASE)
_RECALL_CUE = re.compile(
    r"\b(?:anniversary|anniversaries|commemorat\w+|in (?:the )?memory of|memorial (?:to|for|of))\b",
    re.IGNORECASE,
)
_RECALLED = re.compile(
    r"\b(?:anniversary|anniversaries|commemorat\w+|in (?:the )?memory of|memorial (?:to|for|of)|"
    r"recall(?:s|ed|ing)?|remember(?:s|ed|ing)?|the memories of|reminded (?:\w+ )?of)\b"
    r"[^.;:!?]{0,50}$"
    # what a film or footage shows: "following the viral footage of a militant attack on X"
    r"|\b(?:footage|video|videos|clip|images|photos|pictures)\s+of\s+(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)
# an accusation of abetting, sponsoring or hosting attacks in general: "blamed the
# Afghan Taliban for abetting terror attacks inside Pakistan"
_ABETTING = re.compile(
    r"\b(?:abett\w*|sponsor\w*|back(?:ing|s|ed)?|support(?:ing|s|ed)?|facilitat\w*|"
    r"harbou?r\w*|fund\w*|financ\w*|enabl\w*)\s+(?:(?:cross-border|terror|terrorist|militant)\s+)?$",
    re.IGNORECASE,
)

# -- seizures, drills, mine clearance, figurative fighting ---------------------------

# "seized 500 kg of hashish", "captured two smugglers": goods or people taken by
# officials, not a post or a town taken in fighting
_SEIZED_OBJECT = re.compile(
    r"^\s+(?:[\w,.'’-]+\s+){0,5}?(?:of\s+)?(?:(?:smuggled|contraband|illegal|narcotic)\b|"
    r"drugs?|hashish|heroin|opium|charas|methamphetamine|ice|narcotics|goods|fuel|petrol|"
    r"diesel|cash|currency|dollars|consignments?|cargo|containers?|liquor|cigarettes|"
    r"tyres|cloth|fertili[sz]er|wheat|flour|sugar|smugglers?|suspects?|traffickers?|"
    r"criminals?|thieves|robbers|kidnappers|fugitives?|absconders?|proclaimed\s+offenders?)\b",
    re.IGNORECASE,
)
_DRILL_AFTER = re.compile(
    r"^\s+(?:exercises?|drills?|practices?|ranges?|training|demonstrations?|competitions?)\b",
    re.IGNORECASE,
)
_DRILL_BEFORE = re.compile(r"\b(?:live|mock|practice|training)[- ]$", re.IGNORECASE)
_MINE_CLEARANCE = re.compile(
    r"\b(?:clear(?:s|ed|ing|ance)?|demin\w*|de-min\w*|defus(?:e|es|ed|ing)|"
    r"remov(?:e|es|ed|al|ing)|destroy(?:s|ed|ing)?|disposal\s+of|detect(?:s|ed|ing)?)\s+"
    r"(?:of\s+)?(?:the\s+)?(?:\w+\s+){0,3}?$",
    re.IGNORECASE,
)
_FIGURATIVE_FIGHT = re.compile(
    r"^\s+(?:against\s+)?(?:the\s+)?(?:polio|corruption|poverty|fires?|blaze|disease|"
    r"diseases|the\s+virus|virus|crime|drugs|inflation|hunger|smuggling|climate|pandemic|"
    r"covid|illiteracy|malnutrition|locusts?)\b",
    re.IGNORECASE,
)
_FIGURATIVE_FIGHT_BEFORE = re.compile(
    r"\b(?:kite|cock|dog|bull|camel|ram|partridge|quail|bird|pillow)[- ]$", re.IGNORECASE
)
# "a suspect in the bombing", "a film about the attack": another, older event
_SUSPECT_OF = re.compile(
    r"\b(?:(?:a|an|the|two|three|\w+ed)\s+suspects?\s+in|convicts?\s+(?:in|of)|convicted\s+(?:in|of|for)|"
    r"(?:film|documentary|book|novel|exhibition|play|drama|song|poem)s?\s+(?:about|on))\s+"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}?$",
    re.IGNORECASE,
)

# "police raided shops to check for undocumented Afghans", "customs officials raided a
# train and seized smuggled goods": a search by officials, not an attack (what they
# looked for or seized is papers, contraband or illegal residents)
_SEARCH_RAID_OBJECT = re.compile(
    r"^\s+(?:[\w'’-]+\s+){0,3}?(?:shops?|markets?|warehouses?|godowns?|hotels?|guest\s*houses?|"
    r"offices?|pharmac(?:y|ies)|stores?|premises|factor(?:y|ies)|homes|houses|trains?|"
    r"(?:passenger\s+)?coach(?:es)?|buses|trucks?|lorr(?:y|ies)|containers?|vehicles?)\b"
)
_SEARCH_PURPOSE = re.compile(
    r"\b(?:to\s+check|checking|in\s+search\s+of|searching\s+for|looking\s+for|to\s+verify|"
    r"to\s+recover|recovered|seized|confiscated)\b[^.;]{0,60}\b(?:documents?|papers|undocumented|illegal|"
    r"unregistered|smuggled|contraband|hoard\w*|adulterat\w*|counterfeit|fake|expired|"
    r"drugs|narcotics|prices?|licen[cs]es?|Afghan\s+(?:nationals|refugees|citizens))\b",
    re.IGNORECASE,
)

# -- accidents ---------------------------------------------------------------------

_ACCIDENT = re.compile(
    r"\b(?:(?:road|traffic|car|bus|van|truck|vehicle|motorway|highway|train|rail|mine|"
    r"mining|industrial|air|plane|helicopter|boat)\s+(?:accidents?|crash(?:es)?|mishaps?)|"
    r"accidents?|accidentally|collided|collision|head-on|overturned|overturning|"
    r"plunged\s+into\s+(?:a|the)\s+(?:ravine|gorge|river|canal)|fell\s+into\s+(?:a|the)\s+"
    r"(?:ravine|gorge|river|canal)|skidded|drown(?:ed|ing|s)?|electrocut\w+|"
    r"short[- ]circuit|(?:gas\s+)?cylinder\s+(?:blast|explosion|burst)|"
    r"fire\s+(?:broke\s+out|erupted|engulfed|spread|gutted)|caught\s+fire|"
    r"mine\s+(?:collapse[sd]?|caved\s+in)|"
    r"heatstroke|heat\s+stroke|stampede)\b",
    re.IGNORECASE,
)
# a violent word that keeps the sentence an incident even with an accident in it
_VIOLENCE = re.compile(
    r"\b(?:attack\w*|gunmen|militants?|terrorists?|insurgents?|shell(?:s|ed|ing)|mortars?|"
    r"rockets?|ambush\w*|bomb\w*|IED|suicide|(?:air|drone)[- ]?strikes?|airstrikes?|"
    r"opened fire|gunfire|firing|shot dead|clash\w*|fighting|sabotage|blown up|"
    r"target(?:t?ed|ing|s)?|struck|hit by)\b",
    re.IGNORECASE,
)

# -- venues of statements ----------------------------------------------------------

_SPEECH_VENUE = re.compile(
    # "responding to the queries of media persons in", "talking to newsmen at",
    # "addressing a ceremony in", "while briefing the media in" (one clause: no comma)
    r"\b(?:respond(?:s|ed|ing)?|repl(?:y|ied|ying|ies)|talk(?:s|ed|ing)?|"
    r"speak(?:s|ing)?|spoke|told|tell(?:s|ing)?|interact(?:s|ed|ing)?|chat(?:s|ted|ting)?|"
    r"address(?:es|ed|ing)?|brief(?:s|ed|ing)?|inaugurat(?:e|es|ed|ing)|"
    r"attend(?:s|ed|ing)?|chair(?:s|ed|ing)?|presid(?:e|es|ed|ing)\s+over)\s+"
    r"(?:to\s+|with\s+)?(?:[\w'’-]+\s+){0,6}?"
    r"(?:queries|questions|media|media\s*(?:men|persons|personnel)|newsmen|reporters|"
    r"journalists|press|correspondents|ceremony|function|gathering|seminar|conference|"
    r"workshop|jirga|meeting|session|rally|event|students|traders|elders|delegation|"
    r"audience|assembly|news\s+briefing|briefing|presser)"
    r"\s+(?:here\s+)?(?:in|at)\s+(?:the\s+)?$"
    # "..., Omari said during an Iftar gathering in Khost"
    r"|\b(?:said|says|stated|told|remarked|declared)\s+(?:during|at|while\s+addressing)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,3}?(?:gathering|ceremony|meeting|conference|rally|"
    r"event|session|briefing|function|jirga|seminar|dinner|iftar)\s+(?:here\s+)?(?:in|at)\s+"
    r"(?:the\s+)?$"
    # "In an interview with The Associated Press in Islamabad, the minister said": an
    # interview or a news conference opening its clause (or after "said"), with whom
    # and where it was given
    r"|(?:^|[,;(]\s*|\b(?:said|says|stated|told)\s+)(?:in|during|at)\s+(?:an?|the|his|her)\s+"
    r"(?:exclusive\s+|joint\s+|televised\s+)?(?:interview|press\s+conference|news\s+conference|"
    r"press\s+briefing|news\s+briefing)(?:\s+with\s+(?:[\w'’.-]+\s+){1,5}?)?\s*"
    r"(?:here\s+)?(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


#: Damage an earlier event did, surveyed, repaired or paid for ("started surveying
#: the houses destroyed during Operation X", "compensation for shops damaged in the
#: military operation"): the event is the cause of the work, not news.
_AFTERMATH_OF_DAMAGE = re.compile(
    r"\b(?:survey(?:s|ed|ing)?|assess(?:es|ed|ing|ment\s+of)?|compensat\w*(?:\s+for)?|"
    r"rebuild(?:s|ing)?|rebuilt|reconstruct\w*|repair(?:s|ed|ing)?|rehabilitat\w*|"
    r"restor(?:e|es|ed|ing))\s+(?:of\s+)?(?:the\s+|all\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:houses|homes|shops|buildings|schools|propert(?:y|ies)|structures|markets?|"
    r"infrastructure|mosques?|bridges?)\s+(?:(?:that|which)\s+were\s+)?"
    r"(?:(?:destroyed|damaged|razed|demolished)\s+(?:during|in|by)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}?)?$",
    re.IGNORECASE,
)
#: A building told by what once befell it, as the subject of its reopening: "a girls'
#: high school destroyed by militants has reopened in X" (its past, not news).
_BUILDING_BEFORE = re.compile(
    r"\b(?:school|college|hospital|clinic|bridge|market|bazaar|mosque|shrine|building|"
    r"health (?:centre|center|unit)|dispensary|road)s?\s+(?:that\s+was\s+|which\s+was\s+)?$",
    re.IGNORECASE,
)
_REOPENED_AFTER = re.compile(
    r"\s+(?:by\s+(?:the\s+)?\w+\s+|during\s+(?:the\s+)?(?:[\w-]+\s+){1,3}|in\s+\d{4}\s+)?"
    r"(?:(?:has|have|had)\s+(?:been\s+)?|was\s+|were\s+|is\s+)?(?:finally\s+)?"
    r"(?:reopened|re-opened|rebuilt|reconstructed|restored|reopens)\b",
    re.IGNORECASE,
)
#: The cheap test before :data:`_AFTERMATH_OF_DAMAGE` (one of its work words).
_DAMAGE_WORK = re.compile(
    r"survey|assess|compensat|rebuil|reconstruct|repair|rehabilitat|restor", re.IGNORECASE
)
#: People an earlier event uprooted, told in passing ("refugees, many from families
#: displaced by the fighting"): the event is their story's cause, not news, unless
#: its own clause dates it ("displaced by the fighting in X on Monday").
_DISPLACED_BY = re.compile(
    r"\b(?:displaced|uprooted|orphaned|widowed|made homeless|left homeless|rendered homeless|"
    r"affected|traumati[sz]ed|scarred)\s+(?:by|in|during|from)\s+(?:the|that|those|past|"
    r"years of|decades of)\s+(?:[\w-]+\s+){0,2}$"
    # "families who were displaced due to Pakistani rocket attacks ... have returned"
    # (a past displacement; "have been displaced due to attacks" is news)
    r"|\b(?:were|had been)\s+(?:\w+\s+)?(?:displaced|uprooted)\s+(?:due to|because of|by|after)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
#: Fighting told as the cause of an uprooting: "Ongoing confrontations along the border
#: have triggered significant displacement", "the clashes have forced hundreds of
#: families to flee" (a humanitarian story's cause, not its news).
_CAUSED_UPROOTING = re.compile(
    r"^[^.;:]{0,90}?\b(?:have|has|had)\s+(?:\w+\s+)?(?:triggered|caused|forced|led\s+to|"
    r"resulted\s+in|displaced|uprooted|driven)\b[^.;:]{0,80}?\b(?:displace\w*|flee|fled|"
    r"their\s+homes|exodus|uproot\w*)",
    re.IGNORECASE,
)
#: An event named as the cause of a state: "border closures, triggered by clashes between
#: Pakistan and Afghanistan", "the shutdown, caused by the fighting".
_CAUSE_OF_STATE = re.compile(
    r",\s*(?:which\s+were\s+|which\s+was\s+)?(?:triggered|caused|sparked|prompted)\s+by\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
#: A closure told with its cause: "The border was closed for an indefinite period shortly
#: after a deadly blast at X" (the blast, undated, is the closure's backstory).
_CLOSED_AFTER_CAUSE = re.compile(
    r"\b(?:border|crossings?|gate)\s+(?:was|were|has\s+been|had\s+been|remained)\s+"
    r"(?:\w+ly\s+)?(?:closed|shut|sealed)\b[^.;:]{0,80}?"
    r"\b(?:shortly|soon|days|weeks|months)\s+(?:after|following)\s+"
    r"(?:a|an|the)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
#: An event told only as what is claimed or feared around other news: "families
#: displaced from the valley amid disputed claims of a counterterrorism operation".
_AMID_CLAIMS = re.compile(
    r"\bamid\s+(?:[\w-]+\s+){0,2}?(?:claims|reports|allegations|fears|rumou?rs|talk)\s+of\s+"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
#: What makes a cause its own news: a day, a date or a toll in its clause.
_TOLD_AFTER = re.compile(
    r"[^.;:]{0,120}?\b(?:on|last|this|early|late|yesterday|today|killed|killing|dead|died|"
    r"injured|wounded|martyred|claimed|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|"
    r"\d+)\b",
    re.IGNORECASE,
)
#: Fighting told as what hurt trade or caused closures: "Violent clashes on the border
#: have brought trade to a halt", "The clashes caused border closures last week".
_HARMED_TRADE = re.compile(
    r"^[^.;:]{0,60}?\b(?:have|has|had)?\s*(?:brought|caused|led\s+to|disrupted|halted|crippled|"
    r"paralysed|paralyzed|hit|hurt|choked)\b[^.;:]{0,40}?\b(?:trade|business|commerce|exports?|"
    r"imports?|economy|prices|border\s+closures)\b",
    re.IGNORECASE,
)
#: The backdrop a story is told against: "amid the recent escalation in hostilities",
#: "amid a surge of attacks" (a trend, not an incident of the news).
_AMID_TREND = re.compile(
    r"\bamid\s+(?:the\s+|a\s+)?(?:(?:recent|ongoing|continuing|growing|rising|renewed|"
    r"sharp|steady|fresh)\s+)?(?:escalation|surge|spike|rise|uptick|wave|increase)\s+"
    r"(?:in|of)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
#: ... and its examples: "amid rising violence in X and Y, including a recent attack on
#: a coal mine" (the trend's instance, told in passing, not the news).
_AMID_RISING = re.compile(
    r"\bamid\s+(?:the\s+)?(?:rising|growing|increasing|escalating|surging|mounting|worsening|"
    r"spiralling|spiraling|(?:a|the)\s+(?:wave|spate|string|series|surge)\s+of)\s+"
    r"(?:[\w-]+\s+)?(?:violence|attacks|militancy|insecurity|unrest|terrorism|bloodshed)\b"
    r"[^.;:]{0,140}$",
    re.IGNORECASE,
)
#: ... or a habit of disruption and its example: "amid frequent disruptions at key border
#: crossings, including the Torkham crossing, which was closed for nearly a month".
_AMID_FREQUENT = re.compile(
    r"\bamid\b[^.;:]{0,80}?\b(?:frequent|repeated|recurring|recurrent|periodic|regular|"
    r"persistent|constant)\s+(?:[\w-]+\s+)?(?:disruptions?|closures?|shutdowns?|suspensions?|"
    r"closings?|attacks|clashes|skirmishes)\b[^.;:]{0,160}$",
    re.IGNORECASE,
)
#: A death told as the reason for something else: "postponed due to death of a candidate".
_DUE_TO = re.compile(
    r"\b(?:due to|because of|owing to|on account of)\s+(?:the\s+)?(?:sudden\s+)?$",
    re.IGNORECASE,
)
#: An explosion that was an accident: "an accidental hand grenade blast", "the shell
#: exploded accidentally while children played with it".
_ACCIDENTAL_BLAST = re.compile(
    r"\baccidental\s+(?:[\w-]+\s+){0,3}?(?:blast|explosion|detonation|firing|discharge)\b"
    r"|\b(?:blast|explosion|exploded|went off|detonated|fired)\s+accidentally\b",
    re.IGNORECASE,
)
#: "targeted" describing the people a campaign reaches: "targeted children",
#: "the targeted population" (not "targeted killings" nor "targeted a checkpoint").
_AGENT_OF_VIOLENCE = re.compile(
    r"\b(?:attack\w*|gunmen|militants?|terrorists?|insurgents?|IEDs?|suicide|planted|"
    r"target(?:t?ed|ing)|ambush\w*|assailants?)\b",
    re.IGNORECASE,
)
_TARGETED_GROUP = re.compile(
    r"\s+(?:children|population|households|beneficiaries|audience|families|communities|"
    r"union councils|age groups?|individuals|districts|areas)\b",
    re.IGNORECASE,
)
_DETERMINER_END = re.compile(r"\b(?:the|of|all|total|each|every|its|their)\s+$", re.IGNORECASE)
# (the day of the event's own clause: no other verb before it, "the attacks in X
# received aid on Monday" dates the aid)
_OWN_DAY = re.compile(
    r"^(?:(?![,.;:])(?!\s[a-z]+ed\b).){0,50}?\b(?:(?:on|last|this|early|late)\s+(?:Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|night|week|weekend)|yesterday|today)\b",
    re.IGNORECASE,
)
#: What attackers carried, not what they did: "armed with heavy weapons",
#: "carrying rockets and grenades", "equipped with mortars" (a weapon of shelling).
_ARMED_WITH = re.compile(
    r"\b(?:armed|equipped)\s+with\s+(?:[\w-]+,?\s+(?:and\s+)?){0,3}$"
    r"|\bcarrying\s+(?:[\w-]+,?\s+(?:and\s+)?){0,3}$",
    re.IGNORECASE,
)


# "The report says that forces shelled homes in several provinces", "According to
# UNAMA's report, ...": what a report (a study, a survey) documented over its period,
# not an incident of the news; a news report says "according to police"
_REPORT_FINDS = re.compile(
    r"^\W*(?:According to (?:the|its|their|[A-Z][\w.]*['’]s) (?:[\w'’]+ )?(?:report|study|"
    r"survey|findings)\b|(?:The|Its|Their|[A-Z][\w.]*['’]s) (?:[\w'’]+ )?(?:report|study|"
    r"survey|findings) "
    r"(?:says|said|found|finds|documented|documents|notes|noted|shows|showed|adds|added|"
    r"states|stated)\b)",
)


def non_event(sentence: str, start: int, end: int, kind: str) -> str | None:
    """Why a trigger word names no incident, or None when it may.

    Parameters
    ----------
    sentence : str
        The sentence the trigger was found in.
    start, end : int
        The trigger's offsets in ``sentence``.
    kind : str
        Its event kind (``"air_strike"``, ``"armed_clash"``...).

    Returns
    -------
    str or None
        ``"labour strike"``, ``"firing in the air"``, ``"recollection"``,
        ``"seizure"``, ``"drill"``, ``"mine clearance"``, ``"accident"``, ``"targeted
        group"``, ``"armament"`` (what attackers
        were armed with), ``"figurative fighting"``, ``"weather"``, ``"a report's
        findings"`` or ``"accusation"``.
    """
    word = sentence[start:end]
    before = sentence[max(0, start - 45) : start]
    after = sentence[end : end + 60]
    strike = kind == "air_strike" and _STRIKE_WORD.fullmatch(word)
    if strike and (_LABOUR_BEFORE.search(before) or _LABOUR_AFTER.match(after)):
        return "labour strike"
    if weather_strike(before):
        return "weather"
    if _AIR_WORDS.match(word) and (_AIR_AFTER.match(after) or _AIR_BEFORE.search(before)):
        return "firing in the air"
    low = word.lower()
    if low in ("seized", "captured") and _SEIZED_OBJECT.match(after):
        return "seizure"
    search = low.startswith("raid") and _SEARCH_RAID_OBJECT.match(after)
    if search and _SEARCH_PURPOSE.search(sentence[end:]):
        return "seizure"
    if _FIRE_WORD.match(low) and (_DRILL_AFTER.match(after) or _DRILL_BEFORE.search(before)):
        return "drill"
    if _MINE_WORD.match(low) and _MINE_CLEARANCE.search(before):
        return "mine clearance"
    if _BUILDING_BEFORE.search(before) and _REOPENED_AFTER.match(after):
        return "recollection"  # "a girls' school destroyed by militants has reopened"
    window = sentence[max(0, start - 110) : start]
    if _DAMAGE_WORK.search(window) and _AFTERMATH_OF_DAMAGE.search(window):
        return "recollection"  # "surveying the houses destroyed during Operation X"
    if _DISPLACED_BY.search(before) and not _OWN_DAY.search(after):
        return "recollection"  # "families displaced by the fighting": a cause in passing
    if _CAUSED_UPROOTING.match(sentence[end : end + 200]) and not _OWN_DAY.search(after):
        return "recollection"  # "the fighting has displaced thousands": their story's cause
    if _CAUSE_OF_STATE.search(before) and not _OWN_DAY.search(after):
        return "recollection"  # "border closures, triggered by clashes between ...": a cause
    if (
        kind not in ("border_closure", "ceasefire", "talks")
        and _CLOSED_AFTER_CAUSE.search(sentence[max(0, start - 160) : start])
        and not _TOLD_AFTER.match(sentence, end)
    ):
        # "the border was closed shortly after a deadly blast at X": the closure's
        # backstory (not "... after an attack on a convoy on Oct. 12 that killed 10")
        return "recollection"
    if low.startswith("death") and _DUE_TO.search(before):
        return "recollection"  # "polls were postponed due to the death of a candidate"
    if (
        # (a closure only when named as a noun: "the closure of", "the shutdown of")
        (kind != "border_closure" or low.startswith(("closure", "shutdown")))
        and _HARMED_TRADE.match(sentence[end : end + 200])
        and not _OWN_DAY.search(after)
    ):
        # "violent clashes have brought trade to a halt", "the shutdown of the
        # crossings has paralysed trade": a cause (a crossing that "has been closed
        # for 17 days, which has led to disruptions in trade" is told as news)
        return "recollection"
    if _AMID_RISING.search(sentence[max(0, start - 200) : start]):
        return "recollection"  # "amid rising violence in X, including a recent attack"
    if _AMID_FREQUENT.search(sentence[max(0, start - 250) : start]) and not _OWN_DAY.search(after):
        return "recollection"  # "amid frequent disruptions ..., including X, which was closed"
    if _AMID_TREND.search(before):
        return "recollection"  # "amid the recent escalation in hostilities": a backdrop
    if _AMID_CLAIMS.search(before):
        return "recollection"  # "displaced amid disputed claims of an operation": a backdrop
    if _ACCIDENTAL_BLAST.search(sentence) and not _AGENT_OF_VIOLENCE.search(sentence):
        return "accident"  # "an accidental hand grenade blast killed a boy"
    if low == "targeted" and _TARGETED_GROUP.match(after) and _DETERMINER_END.search(before):
        return "targeted group"  # "the total figure of targeted children": a campaign's
    if kind == "shelling" and _ARMED_WITH.search(before):
        return "armament"  # "militants armed with heavy weapons attacked": a description
    if low == "fighting" and (
        _FIGURATIVE_FIGHT.match(after) or _FIGURATIVE_FIGHT_BEFORE.search(before)
    ):
        return "figurative fighting"
    if kind not in ("border_closure", "ceasefire", "talks"):
        if _REPORT_FINDS.match(sentence[:start]):
            return "a report's findings"
        if _SUSPECT_OF.search(before[-40:]):
            return "recollection"
        parts = _CLAUSE_BREAK.split(before)
        clause = parts[-1]
        if _RECALLED.search(clause):
            return "recollection"
        if low.endswith("s") and _ABETTING.search(before):
            return "accusation"  # "abetting terror attacks inside Pakistan": no one event
        if _RELATIVE.match(clause):
            # "the anniversary of the school massacre, in which gunmen killed 147": the
            # relative clause tells the recollected event again (its antecedent's clause)
            wide = _CLAUSE_BREAK.split(sentence[max(0, start - 160) : start])
            if len(wide) > 1 and _RECALL_CUE.search(wide[-2]):
                return "recollection"
    return None


def accidental(sentence: str) -> bool:
    """Whether a sentence's deaths or damage come from an accident and no violence.

    Parameters
    ----------
    sentence : str
        One sentence.

    Returns
    -------
    bool
        True for "a road accident killed five", "a fire broke out and gutted
        twenty shops"; False when a word of violence is present too.
    """
    return bool(_ACCIDENT.search(sentence)) and not _VIOLENCE.search(sentence)


def speech_venue(left: str) -> re.Match[str] | None:
    """The statement whose venue a place mention is, from the words before it.

    Parameters
    ----------
    left : str
        The text just before the place name (its clause).

    Returns
    -------
    re.Match or None
        The match of "responding to the queries of journalists in", "addressing
        a ceremony at"...; None when the place is not a statement's venue.
    """
    return _SPEECH_VENUE.search(left)
