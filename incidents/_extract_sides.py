"""Who started a fight told symmetrically ("clashes between Pakistani forces and the
Afghan Taliban"): the initiator is the side the article says fired *unprovoked*,
opened or launched the fire, or the side the other one *responded* to.

Read in the clash's own sentence and the few after it that tell no incident of
their own elsewhere; only the two armies of the frontier are set this way.
"""

from __future__ import annotations

import re

from incidents._extract_events import _VICTIM, _Candidate
from incidents._extract_lex import AF_MIL, HGB, PK_MIL, TTP, TTP_WORD, VIOLENT, actors_in
from incidents._extract_merge import _inside_of, _same_place
from incidents._extract_mutual import BOTH_FIGHT, TWO_SIDES, actor_text, is_mutual, mark_mutual
from incidents._extract_phrasing_k import own_target
from incidents._extract_responsibility import assign_responsibility

#: Sentences after a clash searched for who started it.
FOLLOW = 3

_OTHER = {PK_MIL: AF_MIL, AF_MIL: PK_MIL}
_KINDS = frozenset({"armed_clash", "attack", "shelling"})
# "clashes between X and Y", "X and Y traded fire": both armies, no agent
_SYMMETRIC = re.compile(
    # ("exchanged gunfire": the fire word may be "gunfire")
    r"\bbetween\b|\btrad(?:ed|ing) (?:\w+ )?(?:gun)?fire\b"
    r"|\bexchang\w* (?:of )?(?:\w+ )?(?:gun)?fire\b"
    r"|\bexchanges of (?:gun)?fire\b|\bclashed\b|\bskirmish\w*\b|\bfought\b",
    re.IGNORECASE,
)
_UNPROVOKED = re.compile(r"\bunprovoked\b", re.IGNORECASE)
_STARTED = re.compile(
    r"\b(?:initiated|started|opened|began|launched|triggered|provoked|targeted|attacked|"
    r"assaulted|ambushed|stormed|fired (?:on|at|upon))\b",
    re.IGNORECASE,
)
# "The incident took place in X": a sentence that places an event told before it
_BACK = re.compile(r"\b(?:took place|occurred|happened|erupted)\b", re.IGNORECASE)
_RESPONDED = re.compile(
    r"\b(?:respond(?:ed|ing)?|retaliat(?:ed|ing)|returned (?:the )?fire|hit back|"
    r"befittingly|repulsed|repelled|in response|in retaliation)\b",
    re.IGNORECASE,
)
_BY_AGENT = re.compile(
    r"\b(?:operations?|strikes?|airstrikes?|air strikes?|attacks?|assaults?|raids?|shelling|"
    r"fire|firing|bombardment|bombing)\s+(?:\w+\s+)?by\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_FROM_BY = re.compile(r"\b(?:from|by)\s+(?:the\s+)?$", re.IGNORECASE)
# Between a cue and the agent it names by "by"/"from": no clause break ("attacked two
# posts, a statement released by the ISPR said": the ISPR is the speaker).
_BREAK = re.compile(r"[,;:\"“”]|\b(?:said|says|stated|told|according)\b", re.IGNORECASE)


def _named_by(t: str, a: int, o: int) -> bool:
    """Whether the actor at ``o`` is named as the agent of the cue ending at ``a``
    ("fired by Afghan forces", "shelling from the Afghan side")."""
    if not 0 <= o - a <= 80:
        return False  # (before any search: the gap may be the rest of a long sentence)
    gap = t[a:o]
    return bool(_FROM_BY.search(gap)) and not _BREAK.search(gap)


# a subject named as a country: "Pakistan responded", "Afghanistan opened fire"
_COUNTRY_SUBJECT = [
    (PK_MIL, re.compile(r"\bPakistan\b(?!['’]s)")),
    (AF_MIL, re.compile(r"\bAfghanistan\b(?!['’]s)")),
]


# a country named after a preposition is a place, not the subject of the fire
_COUNTRY_OBJECT = re.compile(
    r"\b(?:from|in|into|inside|across|to|towards?|out of|via|within|through)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _armies(t: str) -> list[tuple[int, str]]:
    acts = [(o, a) for o, a in actors_in(t) if a in (PK_MIL, AF_MIL)]
    taken = {o for o, _ in acts}  # (a set: a long text names a country thousands of times)
    for name, rx in _COUNTRY_SUBJECT:
        for m in rx.finditer(t):
            s = m.start()
            if _COUNTRY_OBJECT.search(t[max(0, s - 20) : s]):
                continue  # "militants crossed from Afghanistan": where from, no subject
            if not any(s + d in taken for d in range(-2, 3)):
                acts.append((s, name))
                taken.add(s)
    return sorted(acts)


def initiator(t: str, *, agent_by: bool = True) -> str | None:
    """The army a sentence says started the fighting, or None.

    "The Afghan Taliban initiated unprovoked fire" and "unprovoked firing from the
    Afghan side" -> Afghan forces; "Pakistani troops responded to shelling by Afghan
    border guards" -> Afghan forces (named after "by"); "Pakistan retaliated" ->
    Afghan forces (the other side).  With ``agent_by`` (for the event's own sentence),
    "operations by the Pakistani Air Force" -> Pakistan's forces."""
    acts = _armies(t)
    if not acts:
        return None
    cues = [*_UNPROVOKED.finditer(t), *_STARTED.finditer(t)]
    for m in cues:
        after = [a for o, a in acts if o > m.end() and _named_by(t, m.end(), o)]
        if after:
            return after[0]
        if _PASSIVE.search(t[: m.start()]):
            continue  # "the operation was launched after ...": not the fire's subject
        before = [
            (o, a)
            for o, a in acts
            if m.start() - 40 <= o < m.start()
            and not _RESPONDED.search(t[o : m.start()])
            and not _VICTIM.match(t[o : m.start()])
            and not re.search(r"[,;]|\b(?:when|as|after|while|before)\b", t[o : m.start()])
        ]
        if before:
            return before[-1][1]
    r = _RESPONDED.search(t)
    if r is not None:
        named = [a for o, a in acts if o > r.end() and _named_by(t, r.end(), o)]
        if named:
            return named[0]
        answerer = [a for o, a in acts if o < r.start()]
        if answerer:
            return _OTHER[answerer[-1]]
    # "the early Monday operations by the Pakistani Air Force": the event's agent
    by = [a for o, a in acts if agent_by and _BY_AGENT.search(t[max(0, o - 60) : o])]
    return by[0] if by else None


_MILITANTS = {TTP: TTP, TTP_WORD: TTP, HGB: HGB}
# A sentence that goes on about the event just told: "The conflict erupted when ...".
_SAME_EVENT = re.compile(
    r"\W*(?:The|This|That|These|Those) (?:[\w-]+ ){0,2}?(?:conflict|confrontation|clash(?:es)?|"
    r"skirmish(?:es)?|fighting|exchange of fire|firefight|hostilities|incident)\b"
    r"(?! (?:in|at|near) )",
)
# a clause boundary or a time clause between a subject and its verb
_SUBJECT_BREAK = re.compile(r"[;]|\b(?:when|as|after|while|before|whereas|but)\b", re.IGNORECASE)


def militant_initiator(t: str) -> str | None:
    """The militant group a sentence names as the subject of the attack, or None:
    "a large group of terrorists, equipped with heavy weapons, attacked two posts"
    -> the TTP (Pakistan's military calls it "terrorists" and "khawarij")."""
    acts = actors_in(t)
    for m in _STARTED.finditer(t):
        if _PASSIVE.search(t[: m.start()]):
            continue
        before = [
            (o, a)
            for o, a in acts
            if m.start() - 80 <= o < m.start()
            and not _SUBJECT_BREAK.search(t[o : m.start()])
            and not _VICTIM.match(t[o : m.start()])
        ]
        if before and before[-1][1] in _MILITANTS:
            return _MILITANTS[before[-1][1]]
        if before:
            return None  # an army is the subject
    return None


# "the Taliban" alone: Afghanistan's rulers or the Pakistani Taliban, by the article
_BARE_TALIBAN = re.compile(
    r"(?<!Afghan )(?<!Pakistani )(?<!Pakistan )\bTaliban\b(?!['’]s|-)"
    r"(?!\s+(?:government|spokes\w+|officials?|authorit\w+|administration|regime|ministry|"
    r"leaders?|leadership|rulers?|foreign minister|defen[cs]e)\b)"
)
_AF_CONTEXT = re.compile(
    r"\bAfghan Taliban\b|\bTaliban(?:['’]s)? (?:government|authorities|administration|regime|"
    r"forces|fighters|troops|border|defen[cs]e ministry|ministry)\b|\bIslamic Emirate\b|"
    r"\bZabihullah Mujahid\b|\bTaliban-led\b|\bKabul\b"
)
_TTP_CONTEXT = re.compile(
    r"\bTTP\b|\bPakistani Taliban\b|\bTehr[ei]e?k[- ][ei]-?[- ]?Taliban\b|"
    r"\bkh(?:a)?warij\b|\bFitna al[- ]Khawarij\b",
    re.IGNORECASE,
)
# the bare Taliban as the subject of the attack: "the Taliban attacked", "accused the
# Taliban of opening fire"
_TALIBAN_SUBJECT = re.compile(
    rf"{_BARE_TALIBAN.pattern}(?:\s+\w+){{0,3}}?\s+(?:{_STARTED.pattern[2:-2]})\b"
    rf"|\baccus\w+\s+(?:the\s+)?{_BARE_TALIBAN.pattern}\s+of\s+\w+ing\b"
)


# "security forces killed 33 terrorists", "troops engaged the khwarij": only Pakistan's
# forces are said to fight "terrorists" and "khawarij" in these words
_FORCES_AGAINST_TTP = re.compile(
    r"\b(?:security forces|(?:own )?troops|soldiers|forces|personnel|army)\s+(?:\w+\s+){0,3}?"
    r"(?:killed|neutrali[sz]ed|eliminated|engaged|targeted|raided|arrested|gunned down)\s+"
    r"(?:\S+\s+){0,4}?(?:terrorists|khawarij|khwarij|kharijis?|kharjis?)\b"
    # "16 terrorists were neutralised after security forces thwarted a bid to infiltrate",
    # "the movement of terrorists trying to infiltrate ... was detected by security forces"
    r"|\b(?:terrorists|khawarij|khwarij|kharijis?|kharjis?|infiltrators?)\b[^.;]{0,140}?"
    r"\b(?:(?:neutrali[sz]ed|killed|eliminated|gunned down|detected|intercepted|engaged)"
    r"\s+(?:by|after)\s+(?:the\s+)?(?:security forces|troops|soldiers)"
    r"|after\s+(?:the\s+)?(?:security forces|troops|soldiers)\s+(?:\w+ly\s+)?"
    r"(?:thwarted|foiled|repulsed|engaged))\b"
    # "seven khwarij were sent to hell in an intelligence-based operation in X": the
    # army's operation, its dead the militants
    r"|\b(?:terrorists|khawarij|khwarij|kharijis?|kharjis?)\b[^.;]{0,80}?"
    r"\b(?:were|was|have been|had been)"
    r"\s+(?:\w+ly\s+)?(?:killed|neutrali[sz]ed|eliminated|sent to hell)\s+(?:in|during)\s+"
    r"(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:operations?|IBOs?|raids?)\b"
    # an "intelligence-based operation" (IBO) is the Pakistani security forces' term
    r"|\bintelligence[- ]based operations?\b|\bIBOs?\b",
    re.IGNORECASE,
)


# "terrorists who attempted to assault a check post": the militants are the attackers
_MILITANTS_WHO_ATTACK = re.compile(
    r"\b(?:terrorists|khawarij|khwarij|kharijis?|kharjis?)\s+(?:who|that)\s+(?:\w+\s+){0,2}?"
    r"(?:attack|assault|storm|raid|ambush|target)\w*\b",
    re.IGNORECASE,
)


def taliban_side(texts: list[str]) -> str | None:
    """Who "the Taliban" alone are in an article: Afghanistan's forces when the
    article speaks more of Afghanistan's rulers ("Taliban government", "Islamic
    Emirate", "Kabul") than of the Pakistani Taliban ("TTP", "khawarij"), the TTP
    when the other way round, else None."""
    whole = " ".join(texts)
    af, ttp = len(_AF_CONTEXT.findall(whole)), len(_TTP_CONTEXT.findall(whole))
    if af > ttp:
        return AF_MIL
    if ttp > af:
        return TTP
    return None


# "the attack was carried out ... by a suicide bomber linked with <group>"
_DONE_BY = re.compile(
    r"\b(?:was|were|had been|has been|have been)\s+(?:\w+ly\s+)?(?:carried out|conducted|"
    r"perpetrated|launched|executed|committed|mounted|staged)\b[^.;:]{0,80}?\bby\b",
    re.IGNORECASE,
)
# "... was conducted by the security forces": forces not named by their country
_BARE_FORCES = re.compile(
    r"\s+(?:the\s+)?(?:security forces|troops|army|soldiers|military|law enforcement "
    r"agencies|LEAs|police)\b",
    re.IGNORECASE,
)
# between "by" and the agent named after it: no speaker ("by, a statement said,")
_SPEECH = re.compile(r"[;:]|\b(?:said|says|stated|told|according)\b", re.IGNORECASE)
# "X said (that) Pakistan hit ...": the speaker, then the subject of what is reported
_REPORTED = re.compile(
    r"\b(?:said|says|claimed|claims|stated|alleged|told \w+|wrote)\s+(?:that\s+)?",
    re.IGNORECASE,
)


def reported_agent(c: _Candidate, t: str) -> None:
    """Read the agent a sentence names in the passive ("the attack was carried out
    in X by a bomber linked with the TTP") or after a speaker ("the Taliban
    spokesman said that Pakistan hit a house": Pakistan, not the speaker's side)
    (in place)."""
    acts = _armies(t) + [(o, a) for o, a in actors_in(t) if a in _MILITANTS]
    acts.sort()
    if c.actor1 is None:
        m = _DONE_BY.search(t)
        if m is None:
            return
        if _BARE_FORCES.match(t, m.end()):
            # "an operation was conducted by the security forces in X": in Pakistan,
            # Pakistan's (never a militant group named later in the sentence)
            if c.place.match.country == "PK":
                c.actor1 = PK_MIL
                c.notes.append("done by the security forces (passive), in Pakistan")
            return
        after = [
            a
            for o, a in acts
            if m.end() <= o <= m.end() + 80 and not _SPEECH.search(t[m.end() : o])
        ]
        if after:
            side = _MILITANTS.get(after[0], after[0])
            c.actor1 = side
            if c.actor2 == side:
                c.actor2 = None
            c.notes.append(f"done by {side} (passive)")
        return
    if c.actor1 not in _OTHER:
        return
    for m in _REPORTED.finditer(t):
        first = [(o, a) for o, a in acts if o >= m.end()]
        if not first or first[0][0] != m.end() or first[0][1] not in _OTHER:
            continue
        said = first[0][1]
        if said != c.actor1 and all(o < m.start() for o, a in acts if a == c.actor1):
            c.notes.append(f"agent {said} reported by a speaker of {c.actor1}")
            c.actor1 = said
            if c.actor2 == said:
                c.actor2 = None
        return


# A side that says it did the killing, as the sentence's subject: "the Taliban government
# said it had killed 58 Pakistani soldiers", "the Taliban regime reported killing 58
# soldiers" (not "..., as Pakistan's army claimed killing 40": a clause of its own)
_SELF_CLAIM = re.compile(
    # (after a dateline "ERBIL, X -" or a fronted phrase "In a dramatic escalation, ")
    r"^\W*(?:[A-Z][^.;]{0,60}?\s[-–—]\s+)?"
    r"(?:(?:In|On|After|Amid|Following|Late|Early|Meanwhile|Separately)\b[^,;]{0,80},\s*)?"
    r"(?P<who>[^.;,]{0,80}?)\b(?:said|says|reported|claimed|claims|announced|"
    r"stated)\s+"
    r"(?:(?:on\s+)?\w+day\s+)?(?:that\s+)?"
    r"(?:(?:it|they|its (?:forces|fighters|troops)|their (?:forces|fighters))\s+"
    r"(?:had\s+|have\s+|has\s+)?(?:killed|destroyed|captured|seized)"
    r"|(?:killing|having killed|to have killed))\b",
    re.IGNORECASE,
)
_AF_SPEAKER = re.compile(r"\b(?:Taliban|Afghan|Afghanistan|Islamic Emirate|Kabul|Mujahid)\b")
_PK_SPEAKER = re.compile(r"\b(?:Pakistan|Pakistani|ISPR|Islamabad|Rawalpindi)\b")


def self_claimed_agent(c: _Candidate, t: str) -> None:
    """The side a sentence's speaker claims the act for ("Afghanistan's Taliban
    government said it had killed 58 Pakistani soldiers": the Afghan forces, whatever
    the victims' nationality suggested) (in place)."""
    m = _SELF_CLAIM.search(t)
    if m is None:
        return
    who = m.group("who")
    af, pk = bool(_AF_SPEAKER.search(who)), bool(_PK_SPEAKER.search(who))
    if af == pk:
        return  # no speaker of one side
    side = AF_MIL if af else PK_MIL
    if c.actor1 == side:
        return
    c.notes.append(f"claimed by its own side's speaker: {side}")
    c.actor1 = side
    if c.actor2 == side:
        c.actor2 = _OTHER[side]


def set_initiators(cands: list[_Candidate], texts: list[str]) -> None:
    """Give a symmetric or agentless clash the side its sentence, or one of the
    :data:`FOLLOW` sentences after it, says started it (in place).  A sentence that
    only places an event told before it ("the incident took place in X") also
    looks at the two sentences before it."""
    bare: str | None | bool = False  # who "the Taliban" are: worked out when needed
    for c in cands:
        if (
            c.kind in _KINDS
            and c.actor1 is None
            and c.sentence < len(texts)
            and _TALIBAN_SUBJECT.search(texts[c.sentence])
        ):
            if bare is False:
                bare = taliban_side(texts)
            if isinstance(bare, str):
                c.actor1 = bare
                c.notes.append(f"'the Taliban' of this article: {bare}")
        own = texts[c.sentence] if c.sentence < len(texts) else ""
        if (
            c.kind in _KINDS
            and c.actor1 in (None, TTP, PK_MIL)
            and _MILITANTS_WHO_ATTACK.search(own)
        ):
            # "forces killed terrorists who attempted to assault a post": their attack
            if c.actor1 != TTP:
                c.notes.append("'terrorists who attacked': the TTP's attack")
            c.actor1, c.actor2 = TTP, PK_MIL
        elif c.kind in VIOLENT and c.actor1 in (None, TTP) and _FORCES_AGAINST_TTP.search(own):
            c.actor1, c.actor2 = PK_MIL, TTP
            c.notes.append("security forces against 'terrorists'/'khawarij': Pakistan's")
    for c in cands:
        if c.kind in VIOLENT and c.sentence < len(texts):
            reported_agent(c, texts[c.sentence])
            self_claimed_agent(c, texts[c.sentence])
    by_sentence: dict[int, list[_Candidate]] = {}
    for c in cands:
        if c.kind in VIOLENT:
            by_sentence.setdefault(c.sentence, []).append(c)
    for c in cands:
        if c.kind not in _KINDS or c.sentence >= len(texts):
            continue
        own = texts[c.sentence]
        told = actor_text(c, texts)  # (the sentence its actors were taken from)
        named = [a for _, a in _armies(told)]
        fight = _SYMMETRIC.search(told) or BOTH_FIGHT.search(told)
        if fight and TWO_SIDES.search(told) and set(named) < {PK_MIL, AF_MIL}:
            # "the two sides traded fire": the two armies the article named before
            named = [a for _, a in _armies(" ".join(texts[: c.sentence + 1]))]
        both = fight is not None and set(named) >= {PK_MIL, AF_MIL}
        symmetric = c.actor1 is None or both
        if not symmetric:
            continue
        found = False
        order = list(range(c.sentence, min(len(texts), c.sentence + FOLLOW + 1)))
        if c.actor1 is None and _BACK.search(own):
            order = [c.sentence, *range(c.sentence - 1, max(-1, c.sentence - 3), -1), *order[1:]]
        for k in order:
            there = by_sentence.get(k, [])
            related = [
                o for o in there if _inside_of(o, c) or _inside_of(c, o) or _same_place(o, c)
            ]
            if k > c.sentence and _SAME_EVENT.match(texts[k]):
                related = there  # "The conflict erupted when ...": this clash told on
            if k != c.sentence and there and not related:
                if k > c.sentence:
                    break  # another incident: its fire is its own
                continue
            side = initiator(texts[k], agent_by=k <= c.sentence)
            if side is None and k != c.sentence and _TALIBAN_SUBJECT.search(texts[k]):
                # "the skirmish occurred in X." / "The Taliban launched an attack on
                # Pakistani checkpoints": the bare Taliban of this article started it
                if bare is False:
                    bare = taliban_side(texts)
                side = bare if isinstance(bare, str) and bare in _OTHER else None
            if side is None and c.actor1 is None:
                # "terrorists attacked two posts": an agentless attack's militant subject
                side = militant_initiator(texts[k])
                if side is not None:
                    c.notes.append(f"started by {side} (sentence {k})")
                    c.actor1 = side
                    found = True
                    break
            if side is None:
                continue
            if side != c.actor1:
                c.notes.append(f"started by {side} (sentence {k})")
                c.actor1, c.actor2 = side, _OTHER[side]
            found = True
            break
        if both and not found:
            mark_mutual(c, named)  # "X and Y exchanged fire": both, no initiator
    carry_series(cands)
    assign_responsibility(cands, texts)


# "Pakistan shut the border unilaterally", "the Taliban had closed their side of the
# crossing": the country that closed it, named as the subject of the verb
_CLOSED_BY = re.compile(
    r"\b(?:(?P<pk>Pakistan|Islamabad|Pakistani (?:authorities|officials|government|forces))|"
    r"(?P<af>Afghanistan|Kabul|the Taliban|Taliban (?:authorities|government|officials|forces)|"
    r"Afghan (?:authorities|officials|government|forces)))"
    r"\s+(?:had |has |have |)(?:\w+ly )?(?:closed|shut(?:tered)?|sealed)\s+(?:down\s+)?"
    r"(?:the|its|their)\s+(?:[\w-]+\s+){0,4}?(?:border|crossing|gate|frontier)s?\b"
)


def closed_by(cands: list[_Candidate], texts: list[str]) -> None:
    """Give a closure with no side the country the article says closed it, in its
    own sentence or the five after it (two before), when it names only one (in place)."""
    for c in cands:
        if c.kind != "border_closure" or c.actor1 is not None:
            continue
        lo, hi = max(0, c.sentence - 2), min(len(texts), c.sentence + 6)
        sides = {
            PK_MIL if m.group("pk") else AF_MIL
            for t in texts[lo:hi]
            for m in _CLOSED_BY.finditer(t)
        }
        if len(sides) == 1:
            c.actor1 = sides.pop()
            c.notes.append(f"closed by {c.actor1} (a sentence near it says so)")


# one-sided kinds an article's series of strikes or attacks is told in
_SERIES_KINDS = frozenset(
    {"air_strike", "shelling", "attack", "bombing", "suicide_bombing", "killing"}
)
# the country an agent's attacks land in when it strikes across, or inside, the frontier
_LANDS_IN = {PK_MIL: "AF", AF_MIL: "PK", TTP: "PK"}


def carry_series(cands: list[_Candidate]) -> None:
    """Give an agentless strike or attack the one side every sided violent event of
    the article has, when it lands where that side's attacks land (in place).

    "Pakistan carried out a series of airstrikes inside Afghanistan." / "Among the
    targets was a camp in Kandahar." -> Pakistan's forces; an article whose events
    have two sides, or an event on the agent's own side of the border, gets none."""
    sided = {
        c.actor1
        for c in cands
        if c.kind in VIOLENT and c.actor1 is not None and not is_mutual(c)  # (both sides')
    }
    if len(sided) != 1:
        return
    (side,) = sided
    if side not in _LANDS_IN:
        return
    for c in cands:
        if (
            c.kind in _SERIES_KINDS
            and c.actor1 is None
            and c.place.match is not None
            and c.place.match.country == _LANDS_IN[side]
            # militants in Balochistan are as often Baloch separatists as the TTP
            and not (side == TTP and "baloch" in (c.place.match.admin1 or "").lower())
            and not own_target(c.actor2, side)  # "ten TTP militants were killed in X"
        ):
            c.actor1 = side
            c.notes.append(f"one of the article's series of events by {side}")
