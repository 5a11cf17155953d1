"""Phrasings of outlets the rules had not been written on (batch Z): counts, places
and rows.

Found on 2016-2023 reports from ten outlets not used before; each rule is a
phrasing, not a place or an article (table-driven tests of paraphrases in
``tests/incidents/test_extract_unseen_z.py``).

Counts (hooks in :mod:`incidents._extract_counts`, :mod:`incidents._extract_claims`,
:mod:`incidents._extract_merge`):

* the military's idiom with its count as the object: "sent 12 terrorists to hell",
  "sending six militants \u201cto hell\u201d" (the passive "were sent to hell" was known);
* an aside between a count of "others" and its own verb: "one person was killed and
  20 others, including women and children, were wounded" -- the 20 are wounded;
* a running toll of an attack still under way: "three attackers have been killed so
  far" counts; "so far this year", "since Saturday" stay totals;
* the toll of an earlier event told for context ("The attack came days after seven
  civilians were killed in another shelling") is not the news's;
* a point restatement of the incident ("cornered near the boundary") brings the
  groups the row did not count.

Places and rows (hooks in :mod:`incidents._extract_anaphora`,
:mod:`incidents._extract_events`, :mod:`incidents.extract`):

* a crossing as the subject of its closure ("The crossing was closed on Thursday");
* where the victims of a placeless event were ("the troops were carrying out
  surveillance in X");
* the hunt after an incident ("carrying out a search operation") is no clash;
* one site told by two names ("Torkham ... at the end of the Khyber Pass") is one row;
* a reply "along the border" right after a placed incident is part of it;
* a death from wounds ("died on Tuesday after being shot") dates the incident on or
  before that day.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from incidents._extract_mutual import other_sides
from incidents._extract_phrasing_h import earlier_event, own_reply

if TYPE_CHECKING:
    from incidents._extract_counts import Count
    from incidents._extract_events import _Candidate

__all__ = [
    "DEAD_GATE",
    "MORE_TRIGGERS",
    "after_aside",
    "closed_subject",
    "date_wounds",
    "dead_object_forms",
    "drop_follow_up_searches",
    "fold_same_site",
    "fold_wide_responses",
    "other_groups",
    "running_toll",
    "victims_at",
    "without_earlier",
]

_SENT_TO_HELL = r"\bsen(?:t|ding)\b[^.;]{0,60}?\bto hell\b"
#: Extra cue for the killed-count gate: "sent <count> to hell".
DEAD_GATE = "|" + _SENT_TO_HELL
#: One more trigger alternative per event kind, appended by the base lexicon.
MORE_TRIGGERS: dict[str, str] = {"killing": _SENT_TO_HELL}


def dead_object_forms(num: str, adj: str, who: str) -> list[str]:
    """Killed-count regexes whose verb takes the count as its object, built from the
    count module's ``num`` (a named ``num`` group), ``adj`` and ``who`` (a named ``who``
    group) fragments: "sent 12 terrorists to hell", "sending six militants
    \u201cto hell\u201d"."""
    return [
        rf"\b(?P<verb>sen(?:t|ding))(?: at least| more than| some| about| another)?"
        rf" {num} {adj}{who}\b[\u201c\u201d\"'\u2018\u2019]?\s*[\u201c\"'\u2018]?to hell\b",
    ]


# An aside after a counted group: ", including women and children,", " (mostly
# civilians)", ", among them two children,".
_ASIDE = re.compile(
    r"^\s*(?:,\s*(?:including|among them|among whom|mostly|mainly|most of them|many of them)"
    r"\b[^,.;]{1,60},|\([^().;]{1,60}\))",
    re.IGNORECASE,
)


def after_aside(rest: str) -> str:
    """``rest`` (the text after a counted group) without a leading aside, so the
    group's own verb follows: ", including women and children, were wounded" ->
    " were wounded"; else ``rest`` unchanged."""
    m = _ASIDE.match(rest)
    return " " + rest[m.end() :].lstrip() if m else rest


# "so far" alone (or "so far in the assault"): the running toll of the incident
# reported; with a span or a series ("so far this year", "so far in these clashes")
# it is a total.
_SO_FAR = re.compile(r"\bso far\b", re.IGNORECASE)
_SPAN_MORE = re.compile(
    r"\bso far\s+(?:in|during|over|across)\s+(?:20\d\d|these|those|the (?:past|last)|recent|"
    r"separate|several|multiple)\b|\bsince\b|\bin total\b|\bin all\b"
    r"|\bthis (?:year|month|week)\b",
    re.IGNORECASE,
)


def running_toll(tail: str) -> bool:
    """Whether the words after a count (up to its clause's end) make it the running
    toll of the incident told ("three attackers have been killed so far") rather
    than a total over a span or over several incidents."""
    return bool(_SO_FAR.search(tail)) and not _SPAN_MORE.search(tail)


# The toll of an earlier event, told to set the news in context: "The attack came
# days after seven civilians were killed in another shelling", "It comes a week
# after two soldiers died in a similar raid" (not "the clashes that followed").
_EARLIER = re.compile(
    r"\b(?:came|comes|coming|happened|occurred|follows|followed)\s+"
    r"(?:(?:just|only|barely|two|three|four|five|several|a few|a|an|one)\s+)?"
    r"(?:(?:hours?|days?|weeks?|months?)\s+)?(?:after|on the heels of)\b",
    re.IGNORECASE,
)


def without_earlier(sentence: str, counts: list[Count]) -> list[Count]:
    """The counts of a sentence without a place, less those told after a cue that
    the news came after them ("The attack came days after seven civilians and a
    fighter were killed in another shelling"): those are the toll of an earlier
    event, not a detail of the one just reported."""
    cue = _EARLIER.search(sentence) or earlier_event(sentence)  # "follows an assault"
    if cue is None:
        return counts
    return [c for c in counts if c.start < cue.start()]


def other_groups(have: list[Count], more: list[Count]) -> list[Count]:
    """Counts of ``more`` (a point restatement of the incident: "the attackers were
    cornered near the boundary" with "three attackers have been killed") of groups
    ``have`` does not count, of a kind that neither counts as a total of "people":
    soldiers and attackers of one incident add up, as the gold does; a total of
    people is never split or added to."""
    out: list[Count] = []
    for n in more:
        if n.group == "people" or n.group.startswith("named:"):
            continue
        same = [h for h in have if h.which == n.which]
        if any(h.group == "people" for h in same) or any(h.group == n.group for h in same):
            continue
        if any(o.which == n.which and o.group == "people" for o in more):
            continue
        out.append(n)
    return out


# A crossing told again as the subject of its closure, at the start of a clause:
# "The crossing was closed on Thursday afternoon.", "... and the gate remained shut"
# ("The border was closed": the crossing the article named before, if any).
_CLOSED_SUBJECT = re.compile(
    r"(?:^|[.;:,]\s+|,?\s+and\s+|\b(?:that|after|when|because|so|but)\s+"
    # ... or the object of a cause: "the incident caused the crossing to remain shut"
    r"|\b(?:caused|forced|led|prompted|compelled)\s+)"
    r"\W*(?P<np>the\s+(?:(?:border|main|busy|busiest|key|frontier|major|trade|vital|important|"
    r"commercial|strategic)\s+){0,2}"
    r"(?P<noun>border crossing|crossing point|border point|crossing|gate|terminal|border))\s+"
    r"(?:was|were|has been|have been|had been|is|(?:has\s+|have\s+|had\s+)?(?:remained|stayed)|"
    r"remains|stays|to\s+(?:remain|stay|be))\s+"
    r"(?:also\s+|again\s+|temporarily\s+)?(?:closed|shut(?:tered)?|sealed)\b",
    re.IGNORECASE,
)


#: The verbs of a closure told from its start ("The closure began on February 21").
CLOSURE_BEGAN = r"(?:began|started|had begun|was imposed|was ordered|took effect|came into effect)"
# ... or the closure itself as the subject, opening the sentence: "The closure began on
# February 21" (the closure of the crossing named before)
_CLOSURE_SUBJECT = re.compile(
    r"^\W*(?P<np>the\s+(?:border\s+)?(?P<noun>closure|shutdown))\s+" + CLOSURE_BEGAN + r"\b",
    re.IGNORECASE,
)


# ... or "It" opening the sentence: "The crossing at Kharlachi reopened today. It had
# been closed for nine days" (the crossing named before, as for "the crossing")
_IT_CLOSED = re.compile(
    r"^\W*(?P<np>(?P<noun>It))\s+(?:had|has)\s+(?:\w+ly\s+)?(?:been|remained)\s+"
    r"(?:\w+ly\s+)?(?:closed|shut|sealed)\b"
)


def closed_subject(sentence: str) -> re.Match[str] | None:
    """A definite description of a crossing that is the subject of its closure
    ("The crossing was closed on Thursday", "The closure began on February 21", "It
    had been closed for nine days"), with the groups ``np`` and ``noun`` of the
    anaphora module's descriptions; None when there is none."""
    return (
        _CLOSED_SUBJECT.search(sentence)
        or _CLOSURE_SUBJECT.search(sentence)
        or _IT_CLOSED.search(sentence)
    )


# The hunt after an attack: "security officials carrying out a search operation",
# "a clearance operation is under way", "the area is being sanitised".
_FOLLOW_UP = re.compile(
    r"^(?:(?:search|clearance|saniti[sz]ation|combing|mop-up|cordon-and-search|"
    r"cordon and search|follow-up)(?:\s+operations?)?|saniti[sz](?:ed|ing))$",
    re.IGNORECASE,
)
#: Sentences back to the incident a follow-up operation is the hunt after.
FOLLOW_UP_REACH = 3


# What a search is after: an event of its own ("to recover the abducted officer",
# "after the attack", "hunting the gunmen")
_SEARCH_FOR = re.compile(
    r"\b(?:abduct\w*|kidnap\w*|after|following|recover|rescue|hunt\w*|track down|"
    r"attack\w*|killed|arrest\w*|gunmen|militants|terrorists|khawarij)\b",
    re.IGNORECASE,
)
# A search that meets no one: "carried out a search and strike operation in X"
_SEARCH_ONLY = re.compile(
    r"^(?:search[- ]and[- ]strike|search|combing|cordon[- ]and[- ]search)\s+operations?$",
    re.IGNORECASE,
)


def drop_follow_up_searches(cands: list[_Candidate]) -> list[_Candidate]:
    """Violent rows whose sentence tells only the hunt after an incident told just
    before ("A curfew has been imposed in the area, with security officials carrying
    out a search operation."): no casualty, no violent trigger but the operation.
    Such a row is the incident's aftermath, not a clash; a search that kills or
    meets fire ("killed three militants during the search operation") stays."""
    from incidents._extract_lex import VIOLENT, triggers_in  # (the lexicon imports this)

    out: list[_Candidate] = []
    for c in cands:
        # (counts carried from a casualty sentence before it are that incident's)
        if c.kind in VIOLENT and not any(n.text and n.text in c.evidence for n in c.counts):
            trig = [x for x in triggers_in(c.evidence) if x.violent]
            follow = bool(trig) and all(_FOLLOW_UP.match(x.text.strip()) for x in trig)
            if follow and any(
                o.kind in VIOLENT and 0 < c.sentence - o.sentence <= FOLLOW_UP_REACH for o in out
            ):
                continue
            if (
                trig
                and not c.counts
                and all(_SEARCH_ONLY.match(x.text.strip()) for x in trig)
                and not _SEARCH_FOR.search(c.evidence)
            ):
                continue  # a routine search that met no one is no clash
        out.append(c)
    return out


# Where the victims of an event told without a place were: "the troops were carrying
# out routine surveillance in X", "the soldiers were patrolling near Y", "the FC
# personnel were busy constructing a post at Z".
_VICTIMS_AT = re.compile(
    r"\b(?:the|these|those)\s+(?:(?:FC|Frontier Corps|security|army|paramilitary|border|"
    r"police|Levies|deceased|martyred|slain|injured|wounded)\s+)?"
    r"(?:troops|soldiers|personnel|servicemen|officials|policemen|guards|men|jawans|"
    r"victims|labourers|workers)\s+"
    r"(?:were|was|had been|have been)\s+(?:also\s+)?"
    r"(?:carrying out|conducting|performing|busy|deployed|working|patrolling|guarding|"
    r"stationed|posted|travelling|traveling|escorting|on (?:duty|patrol|their way))\b",
    re.IGNORECASE,
)


def victims_at(sentence: str) -> re.Match[str] | None:
    """The phrase telling where the victims of an event told just before were
    ("the troops were carrying out routine surveillance in Kurram"), for the
    sentence's place to be that event's; None when there is none."""
    return _VICTIMS_AT.search(sentence)


_LIST_JOIN = re.compile(r"^(?:\s|,|;|&|\band\b|\bor\b|\bthe\b|\bas well as\b)*$", re.IGNORECASE)


def _listed(a: _Candidate, b: _Candidate) -> bool:
    """Whether two rows are places of one list in one sentence ("in A, B and C",
    "the X valley, the Y pass and the Z mountain")."""
    if a.sentence != b.sentence:
        return False
    first, second = sorted((a.place, b.place), key=lambda p: p.start)
    return bool(_LIST_JOIN.match(a.evidence[first.end : second.start]))


#: Two rows whose points lie this close (and inside each other's circle) are one site.
SAME_SITE_KM = 5.0
#: Coarsest row that is a point of its own for :func:`fold_same_site`.
POINT_KM = 10.0
#: Degrees of latitude per band of :func:`fold_same_site`: more than SAME_SITE_KM
#: (a degree of a great circle is 111.2 km), so rows one site apart share a band or
#: lie in the bands beside each other.
_BAND_DEG = 0.05


def _band(lat: float) -> int:
    return math.floor(lat / _BAND_DEG)


def fold_same_site(cands: list[_Candidate]) -> list[_Candidate]:
    """Rows of one kind, overlapping dates and one site told by two names
    ("the Torkham crossing at the end of the Khyber Pass": two points 2 km apart,
    each inside the other's circle) folded into the finer (then the earlier) row:
    one incident, not two.  Counts of the folded row complete the kept one's; rows
    of two agents stay apart, and so do incidents told one by one after a sentence
    that placed them all ("In the first incident, ... Later, ...")."""
    from geo.sphere import point_km  # (not at import: it loads numpy)
    from incidents._extract_anaphora import one_of_them  # (anaphora imports this module)
    from incidents._extract_lex import VIOLENT
    from incidents._extract_merge import _overlap
    from incidents._extract_merge import _unc as unc

    def located(c: _Candidate) -> bool:
        # a point named for itself (not a name placed at the unit that holds it)
        return (
            not (math.isnan(c.place.match.lat) or c.place.role in ("frontier", "country"))
            and unc(c) <= POINT_KM
        )

    # the finer row first; of two alike, the one that counts the casualties, then the earlier
    order = sorted(
        (k for k, c in enumerate(cands) if located(c)),
        key=lambda k: (unc(cands[k]), -len(cands[k].counts), cands[k].sentence),
    )
    # rows by band of latitude (a band is wider than SAME_SITE_KM), each in that
    # order: a row meets only the rows of its band and the two beside it, so the
    # pass stays linear in the rows however long the article
    bands: dict[int, list[int]] = {}
    for k in order:
        bands.setdefault(_band(cands[k].place.match.lat), []).append(k)
    rank = {k: r for r, k in enumerate(order)}
    gone: set[int] = set()
    for k in order:
        host = cands[k]
        if k in gone:
            continue
        b = _band(host.place.match.lat)
        near = sorted(
            (j for i in (b - 1, b, b + 1) for j in bands.get(i, ())), key=rank.__getitem__
        )
        for j in near:
            c = cands[j]
            if j == k or j in gone:
                continue
            # one kind, or a casualty row beside its event ("a bomb hit a van" and
            # "troops killed two militants in the search" are two events)
            same_kind = c.kind == host.kind or (
                "killing" in (c.kind, host.kind) and c.kind in VIOLENT and host.kind in VIOLENT
            )
            if not same_kind or not _overlap(host, c):
                continue
            if other_sides(host, c):
                continue  # each side's fire at one place: two rows
            if one_of_them(host) and one_of_them(c):
                continue  # "In the first incident ... Later ...": told one by one
            if _listed(host, c):
                continue  # "posts in A, B and C areas": a list names several sites
            d = point_km(
                host.place.match.lat, host.place.match.lon, c.place.match.lat, c.place.match.lon
            )
            if d > min(SAME_SITE_KM, max(unc(host), unc(c))) or unc(c) < unc(host):
                continue
            gone.add(j)
            absorb(host, c, f"same site as {c.place.text!r} of sentence {c.sentence}")
    return [c for k, c in enumerate(cands) if k not in gone]


#: Sentences apart that two tellings of one toll may lie.
SAME_TOLL_SENTENCES = 2


def fold_same_toll(cands: list[_Candidate]) -> list[_Candidate]:
    """Two rows of one kind, overlapping dates and the same death toll, told at most
    :data:`SAME_TOLL_SENTENCES` sentences apart at places inside each other's circle
    ("a sit-in over the deaths of four children in the X tehsil" / "the strike took
    place in X's Y village, leaving four children dead"): one incident, folded into
    the earlier row.  Rows of two agents stay apart."""
    from geo.sphere import point_km  # (not at import: it loads numpy)
    from incidents._extract_counts import total
    from incidents._extract_lex import VIOLENT
    from incidents._extract_merge import _SEPARATE, _overlap
    from incidents._extract_merge import _unc as unc

    gone: set[int] = set()
    for k, host in enumerate(cands):
        if k in gone or host.kind not in VIOLENT or host.place.role in ("frontier", "country"):
            continue
        toll = total(host.counts, "killed")
        if not toll or toll < 2 or math.isnan(host.place.match.lat):
            continue  # (one dead each is no sign: a day of separate killings)
        for j in range(k + 1, len(cands)):
            c = cands[j]
            if c.sentence - host.sentence > SAME_TOLL_SENTENCES:
                break
            if j in gone or c.kind != host.kind or c.place.role in ("frontier", "country"):
                continue
            if total(c.counts, "killed") != toll or math.isnan(c.place.match.lat):
                continue
            if not _overlap(host, c) or other_sides(host, c) or _SEPARATE.match(c.evidence):
                continue  # ("In another attack, ...": an incident of its own)
            d = point_km(
                host.place.match.lat, host.place.match.lon, c.place.match.lat, c.place.match.lon
            )
            if d > min(unc(host), unc(c)):
                continue
            gone.add(j)
            absorb(host, c, f"the same toll told at {c.place.text!r} in sentence {c.sentence}")
    return [c for k, c in enumerate(cands) if k not in gone]


_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s*$")
#: Sentences after a headline that its one placed incident may be told in.
HEADLINE_REACH = 4


def fold_headline_wide(cands: list[_Candidate]) -> list[_Candidate]:
    """A frontier-wide violent row of a headline (the first line, short, with no full
    stop: "Border clashes leave 15 civilians dead") folded into the one placed violent
    row of the
    :data:`HEADLINE_REACH` sentences after it on overlapping dates ("... shelling hit
    the X area"): the headline summarises that incident.  With two placed rows or
    none, it stays."""
    from incidents._extract_lex import VIOLENT
    from incidents._extract_merge import _overlap

    gone: set[int] = set()
    for k, c in enumerate(cands):
        if c.sentence != 0 or c.kind not in VIOLENT or c.place.role != "frontier":
            continue
        if len(c.evidence) > 160 or _SENTENCE_END.search(c.evidence):
            continue  # a lead sentence, not a headline: its own frontier-wide event
        placed = [
            f
            for f in cands
            if f is not c
            and f.kind in VIOLENT
            and f.place.role == "place"
            and 1 <= f.sentence <= HEADLINE_REACH
        ]
        if len(placed) != 1 or not _overlap(c, placed[0]) or other_sides(c, placed[0]):
            continue
        gone.add(k)
        absorb(placed[0], c, f"the headline's {c.place.text!r} tells this incident")
    return [c for k, c in enumerate(cands) if k not in gone]


def absorb(host: _Candidate, c: _Candidate, note: str) -> None:
    """Fold row ``c`` into ``host``, one incident told twice: ``c``'s counts complete
    the host's (:func:`incidents._extract_counts.fill_counts`), its agent fills an
    empty one, and ``note`` says why (in place)."""
    from incidents._extract_counts import fill_counts

    host.counts = fill_counts(host.counts, c.counts)
    host.actor1 = host.actor1 or c.actor1
    host.merged += 1
    host.notes.append(note)


#: Days before a death from wounds that the wounding may lie ("died on Tuesday after
#: being shot": shot that day or in the days before).
WOUNDS_DAYS = 3
#: The death verb each phrase of :func:`date_wounds` opens with: the row's own
#: pattern (built from its date words) is compiled only for a sentence that has it.
_DIED = re.compile(r"\b(?:died|succumbed)\s", re.IGNORECASE)


def date_wounds(cands: list[_Candidate]) -> None:
    """A row dated by the day a victim died of wounds ("an officer died on Tuesday
    after being shot during a clash", "succumbed to his injuries on Monday") holds
    the incident from :data:`WOUNDS_DAYS` days before that day: the day of the
    death is not the day of the fighting, so the row can meet the clash told with
    its own date.  In place."""
    import datetime as dt

    for c in cands:
        if not c.date_text or c.first is None or c.date_how not in ("absolute", "relative"):
            continue
        if not _DIED.search(c.evidence):
            continue
        rx = (
            r"\b(?:died|succumbed(?:\s+to\s+(?:his|her|their)\s+(?:wounds|injuries))?)\s+"
            + re.escape(c.date_text)
            + r"(?:\s+\w+)?,?\s+(?:after being|after he was|after she was|of (?:his |her )?wounds|"
            r"from (?:his |her |their )?(?:wounds|injuries))"
        )
        if re.search(rx, c.evidence, re.IGNORECASE):
            c.last = c.last or c.first
            c.first = c.first - dt.timedelta(days=WOUNDS_DAYS)
            c.notes.append(f"a death from wounds on {c.date_text!r}: the incident on or before it")


# A reply to fire told without a place: "security forces had responded by opening
# fire along the border", "troops retaliated along the frontier".
_RESPONSE = re.compile(
    r"\b(?:respond(?:ed|ing)|retaliat(?:ed|ing)|returned (?:the )?fire|"
    r"in response|in retaliation|hit back|fired back)\b",
    re.IGNORECASE,
)
#: Sentences after a placed incident in which a frontier-wide reply is its answer.
RESPONSE_REACH = 3


def fold_wide_responses(cands: list[_Candidate]) -> list[_Candidate]:
    """Frontier-wide rows that only tell the reply to an incident placed in the
    sentences just before ("Two soldiers were martyred ... in Kurram." / "Pakistani
    forces responded by opening fire along the border."), folded into that
    incident: the exchange is one incident, not a second one somewhere on the
    border."""
    from incidents._extract_counts import fill_counts
    from incidents._extract_lex import VIOLENT
    from incidents._extract_merge import _overlap

    gone: set[int] = set()
    for k, c in enumerate(cands):
        if c.kind not in VIOLENT or c.place.role != "frontier" or not _RESPONSE.search(c.evidence):
            continue
        hosts = [
            h
            for h in cands
            if h is not c
            and h.kind in VIOLENT
            and h.place.role not in ("frontier", "country")
            and 0 < c.sentence - h.sentence <= RESPONSE_REACH
            and _overlap(h, c)
            and not own_reply(h, c)  # a ground reply to an air raid
        ]
        if not hosts:
            continue
        host = max(hosts, key=lambda h: h.sentence)
        gone.add(k)
        host.counts = fill_counts(host.counts, c.counts)
        host.merged += 1
        host.notes.append(f"the reply {c.place.text!r} of sentence {c.sentence} is of it")
    return [c for k, c in enumerate(cands) if k not in gone]
