"""Candidate incidents from a news article: place, date, kind and the sentence.

>>> from incidents.extract import extract
>>> df = extract(open("story.txt").read(), article_date="2025-10-20")   # doctest: +SKIP
>>> incidents.position(df)                                                # doctest: +SKIP

The extractor is rules over the project's own gazetteer, fast and offline: no
model, no index server.  One article takes a few milliseconds once the
gazetteer is loaded (about a second, once per process).

How a sentence becomes incidents
--------------------------------
1. *Triggers* (:data:`incidents._extract_lex.EVENT_KINDS`) say what happened:

   ==================  =============================  ==================================
   ``event_kind``      ``event_type`` (ACLED)         ``sub_event_type`` (ACLED)
   ==================  =============================  ==================================
   air_strike          Explosions/Remote violence     Air/drone strike
   shelling            Explosions/Remote violence     Shelling/artillery/missile attack
   bombing             Explosions/Remote violence     Remote explosive/landmine/IED
   suicide_bombing     Explosions/Remote violence     Suicide bomb
   armed_clash         Battles                        Armed clash
   attack              Battles (Violence against      Armed clash (Attack when the
                       civilians when only civilians  victims are civilians)
                       are the target)
   killing             Violence against civilians     Attack (Battles/Armed clash when
                                                      the dead are combatants)
   border_closure      Strategic developments         Other
   ceasefire           Strategic developments         Agreement
   talks               Strategic developments         Other
   ==================  =============================  ==================================

   A ceasefire counts only when agreed, signed, announced or extended (not
   "despite the truce"); a violent word that is the object of a statement
   ("condemned the attacks") is not an event, unless the article gives no violent row
   at all (then an attack it condemns, dated to at most three days, is its news);
   "killed" alone makes an event only
   when no stronger word does.
2. *Places* (rules in :mod:`incidents._extract_places`) come from
   :meth:`Geocoder.find_mentions` (exact gazetteer names, longest first) plus
   spelling variants after a locative preposition when a place noun follows ("Baramcha, a
   border town").  A name is kept as the place of
   an event only in a place context (after "in/at/near/struck/...", before
   "district/crossing/..."), so a minister "speaking in Islamabad", "the Taliban
   government in Kabul", "Kabul said", "opposite Chaman", "fired from
   Afghanistan" and person names ("Noor Wali Mehsud") are not places.
   Demonyms ("Pakistani", "Afghan") are actors.  A province or district right
   after a place ("Urgun district of Paktika province") is its context: the
   place is resolved with it as a hint and it fills ``admin1``/``admin2``.
   Qualifiers ("Barmal and Urgun districts") are passed to the geocoder.
   Only *sites* make incidents: a seat of government ("the Taliban-led
   administration in Kabul said", "Kabul denies"), a venue ("talks in Doha", "a
   visit to Kabul"), an origin ("poured in from Kunar"), a dateline and history
   ("since the 2021 takeover of Kabul"), a hometown ("a resident of X"), the
   reference point of a bearing ("22 km northwest of X"), a neighbour ("which
   borders X") and the aftermath (the hospital the wounded were taken to, a
   funeral, where families fled, where the attack was condemned) do not; "officials
   said the strikes in X" keeps X.  A unit named in the same phrase
   is a hard hint: a candidate outside it is rejected and the place falls back to
   the unit, keeping its own text (also for names the gazetteer lacks, such as
   "the X valley, the Y pass ... in Chitral district").
   :mod:`incidents._extract_anaphora` adds places told across sentences and in
   complex phrases: a definite description after a locative word ("near the
   crossing", "in the district", "in the area") takes the last place of its kind
   named before, keeping its words; a road ("the road between X and Y", "the
   X–Y highway", "a convoy travelling from X to Y") is one place at the middle
   of the stretch, with a radius that covers it; a site known less well than the
   tehsil of its name is read at the tehsil.
3. Each place attaches to the closest preceding trigger (else the closest
   following one).  Talks and ceasefires keep their venue; without a venue a
   ceasefire (or a border closure) is frontier-wide.  Country-level places are
   used only when a trigger has nothing more precise.
4. *Frontier-wide* statements ("all along the border", "at several points along
   the Durand Line"; plain "along the border" when the sentence names no place)
   give one incident for the whole frontier: ``geocode_method`` ``"country"``
   (it is a national-boundary-level location, not a point), ``geo_precision`` 3,
   the point at the middle of the frontier line (km L/2 along
   :meth:`geo.Frontier.point_at`) and ``uncertainty_km`` L/2 (about 1,380 km),
   a radius that covers the whole line; ``flags`` carries ``frontier_wide`` so a
   map can draw it as a line or leave it out.  "Border attacks", "overnight border
   operations" and the closure of a crossing the text does not name ("closed a
   key crossing") are frontier-wide too; when such a row and placed rows are
   one event or two is decided by :mod:`incidents._extract_wide`.
5. *Dates*: the closest date expression to the trigger or the place
   (:mod:`incidents._extract_dates`; "October 12:" opens a timeline line, an
   article dated Sunday saying "on Sunday" means that day or the day before, a
   date only of a statement means that day or the day before), else the one of
   the paragraph or of the sentence that reported the event, else the date of the
   article's lead event, else the day before the article and the article's day
   (``date_not_stated``).  Ranges go to ``date``/``date_end``.
   Threats, plans, routines ("closing at 7 PM as usual"), continuing closures
   ("remained closed"), history and the cause named for another event ("after
   recent attacks") are not events.  A sentence that only dates the event before
   it ("the clash took place during the night between August 10 and 11") dates
   it; an undated detail of a dated incident takes its date.  An event known
   only by its year or month ("in 2023", "last year") that lies before the
   article's story (the article date, its lead event and every event within
   :data:`NEWS_GAP_DAYS` of them) is background and makes no row
   (``df.attrs["background"]`` counts them); so is an old event dated to the day
   without its year ("On Aug. 18, ...", "three days later"), while one that names
   its year or opens a timeline line ("October 12: ...") is kept.  Violence known
   only to a month or more ("this year", "between October and December") is a
   summary, a frontier-wide one known only to a week ("near the border last week")
   too; trends ("a surge of attacks in X"), "such clashes", fighting "for months",
   analysts' commentary and "considering strikes" are not incidents.  A count in
   the clause of a dropped event (history, cause, threat) stays with it, and a
   placeless casualty sentence of another date is not a detail of the news.
   Events recalled, counted or supposed (:mod:`incidents._extract_background`: "in a
   similar raid", "the latest in a series of attacks", "attacks rose 40 %", "If
   attacked, ...", violence "earlier this month" before a later lead) are background
   too.  A closure told as a state ("remains closed since October 13", "closed for
   two weeks", the closure a reopening ended) is a row only when the article's lead
   (headline and two sentences) is about a closure or a reopening: then it is the
   news, dated from its start to the article; elsewhere it is background.
6. Repeats of one incident (same place or frontier-wide, overlapping dates, same
   violent/non-violent class) are merged; the first sentence is the evidence.  A
   coarser row (province, country) restating a finer one of overlapping dates is
   folded into it (:mod:`incidents._extract_merge`), unless the finer one opens
   another incident ("In a related incident ...").  An event placed only "near the
   Afghan border" / "on Afghan territory" / "inside Afghanistan" is frontier-wide,
   and folds into a placed row of the article of overlapping dates.
7. *Counts* (:mod:`incidents._extract_counts`): each killed/wounded count goes to
   the place nearest to it in its own clause; groups add up (soldiers and
   militants), repeats of a group do not; a year is never a count; wounded go to
   ``injuries``.

Output columns: the schema's CORE, GEOCODE and ACCOUNTING columns (``source_row``
is the 0-based sentence number), then ``injuries`` (Int64), ``event_kind``, ``evidence`` (the
sentence), ``evidence_span`` (``"start:end"``, offsets into the text that was
read: the input itself, or its visible text when the input was HTML, see
``df.attrs["text"]``), ``confidence`` (0-1, the probability that the row is right, see
:mod:`incidents._extract_confidence`) and
``extraction_notes`` (``; ``-separated, human-readable: how the date, place
and counts were read).  ``df.attrs["message"]`` says why nothing was found;
``df.attrs["confidence_features"]`` holds, per row, the features its
confidence was computed from.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import re
from collections import Counter

import pandas as pd

from geo.sphere import point_km
from incidents._extract_anaphora import Antecedents
from incidents._extract_anchor import date_after_named_event, event_anchors
from incidents._extract_background import (
    closure_lead,
    closure_span,
    feud_lead,
    recalled_rows,
)
from incidents._extract_carry import date_from_details, date_sequels, only_said, settle_counts
from incidents._extract_case import capitalise_qualifiers
from incidents._extract_claims import claim_key
from incidents._extract_confidence import MIN_CONFIDENCE, confidence, features
from incidents._extract_consequence import date_consequences
from incidents._extract_dates import find_dates, parse_date_text, without_captions
from incidents._extract_events import (
    _COREF,
    _Candidate,
    _dates_fit,
    _enrich,
    _sentence,
    lists_parts,
)
from incidents._extract_kind_date import kind_date
from incidents._extract_lex import (
    AF_MIL,
    CONDEMNED_IS_NEWS,
    EVENT_KINDS,
    HGB,
    PK_MIL,
    SEQUEL,
    TTP,
    VIOLENT,
    clear_caches,
    disaster_toll,
    no_violent_word,
)
from incidents._extract_merge import (
    _SEVERAL,
    _inside_of,
    _merge,
    constrain_to_article,
    refine_by_sentence,
)
from incidents._extract_operation_side import operation_sides
from incidents._extract_period import date_by_period, review_period, review_year
from incidents._extract_phrasing import (
    CLOSURE_BEGAN,
    date_wounds,
    drop_follow_up_searches,
    fold_headline_wide,
    fold_same_site,
    fold_same_toll,
    fold_wide_responses,
)
from incidents._extract_phrasing_h import fold_crossing_ends
from incidents._extract_phrasing_l import ended_closures
from incidents._extract_phrasing_m import (
    one_incident_listed,
    past_talks,
    recalled_agreements,
)
from incidents._extract_places import (
    FRONTIER_NAME,
    _Place,
    _places,
    article_units,
    dateline_places,
)
from incidents._extract_reference import place_by_reference
from incidents._extract_renewed import renewed
from incidents._extract_restate import (
    closures_at_crossings,
    date_of_another,
    fold_when,
    refine_in_sentence,
    same_night,
    same_site,
    the_dated,
)
from incidents._extract_sides import closed_by, set_initiators
from incidents._extract_table import EXTRA_COLUMNS, _table
from incidents._extract_text import (
    dateline,
    language_problem,
    looks_like_html,
    repair_mojibake,
    sentences,
    strip_html,
)
from incidents._extract_there import cause_at_crossing, there_too
from incidents._extract_wide import dateline_site, frontier_from_neighbour
from incidents._match import Match
from incidents.errors import IncidentError
from incidents.geocode import Geocoder

__all__ = ["EVENT_KINDS", "EXTRA_COLUMNS", "FRONTIER_NAME", "extract"]

# A bare "strike" is an air strike only when nothing in the sentence says otherwise; an
# unplaced bombing told just before it names what it was (see :func:`_extract`).
_GROUND = frozenset({"suicide_bombing", "bombing"})
_AIR = re.compile(
    r"\b(?:air|aerial|airstrikes?|air-strikes?|drones?|jets?|warplanes?|aircraft|planes?|"
    r"helicopters?|quadcopters?|missiles?)\b",
    re.IGNORECASE,
)


#: A dateline of capitals with no date: "CHAMAN: A week-long shutdown ..."
_CAPS_DATELINE = re.compile(r"^\s*([A-Z][A-Z'’. -]{2,30}[A-Z])\s*:\s+(?=[A-Z\"“‘'])")
#: A sentence whose news is yet to come ("agreed to meet again", "would reopen next
#: week", "to hold another round"): the talks it follows are its past.
_NEWS_TO_COME = re.compile(
    r"\b(?:again|another|next|further|would|will|shall|to (?:hold|meet|reconvene|resume))\b",
    re.IGNORECASE,
)


# -- public -------------------------------------------------------------------------


_CONDEMN = re.compile(r"\bcondemn", re.IGNORECASE)
#: Longest date window of a condemned attack taken as an article's news (days).
NEWS_SPAN_DAYS = 3


def extract(
    text: str,
    *,
    article_date: object = None,
    geocoder: Geocoder | None = None,
    min_confidence: float = MIN_CONFIDENCE,
) -> pd.DataFrame:
    """Candidate incidents in a news article, one row each, in the incident schema.

    Parameters
    ----------
    text
        The article: plain text (one paragraph per line) or HTML (tags are
        stripped).  A leading wire dateline ("KABUL, Oct 16 (Agency) -") gives
        the article date when ``article_date`` is not set.
    article_date
        Date the relative expressions ("on Tuesday", "last week") are read
        against: ``"YYYY-MM-DD"``, a date, datetime or Timestamp.
    geocoder
        Defaults to :meth:`incidents.Geocoder.default`.
    min_confidence
        Candidates whose ``confidence`` is below this are left out and counted in
        ``attrs["below_confidence"]``; 0 keeps every candidate.  The default,
        :data:`incidents._extract_confidence.MIN_CONFIDENCE` (0.3), leaves out rows
        that were right about one time in four on articles the rules had not seen.

    Returns
    -------
    pandas.DataFrame
        :data:`incidents.schema.CORE`, ``GEOCODE`` and ``ACCOUNTING`` columns with
        coordinates filled (ready for :func:`incidents.position`), then
        :data:`EXTRA_COLUMNS`.  No row when nothing was found; then
        ``attrs["message"]`` says why.
    """
    if not isinstance(text, str):
        raise IncidentError(f"extract needs the article text as str, got {type(text).__name__}")
    cut = min_confidence
    if isinstance(cut, bool) or not isinstance(cut, numbers.Real) or not 0 <= cut <= 1:
        raise IncidentError(f"min_confidence must be a number from 0 to 1, got {cut!r}")
    clear_caches()  # memos of one article only: bounded, and nothing kept between calls
    try:
        # (confidences have two decimals: a float32 0.36 is the cut 0.36)
        cut = round(float(cut), 6)
        df = _extract(text, article_date=article_date, geocoder=geocoder, cut=cut)
        if _CONDEMN.search(text) and not df["event_kind"].isin(VIOLENT).any():
            # no violent row: an attack the article only condemns is its news
            token = CONDEMNED_IS_NEWS.set(True)
            try:
                clear_caches()
                again = _extract(text, article_date=article_date, geocoder=geocoder, cut=cut)
            finally:
                CONDEMNED_IS_NEWS.reset(token)
            span = (again["date_end"].fillna(again["date"]) - again["date"]).dt.days
            fresh = again["event_kind"].isin(VIOLENT) & (span.fillna(99) <= NEWS_SPAN_DAYS)
            if fresh.any():
                df = again  # (a condemned "recent bombing" of a month is no news)
        df.attrs.setdefault("below_confidence", 0)
        return df
    finally:
        clear_caches()


def _extract(
    text: str, *, article_date: object, geocoder: Geocoder | None, cut: float = 0.0
) -> pd.DataFrame:
    """The body of :func:`extract`."""
    ref = _as_date(article_date)
    gc = geocoder if geocoder is not None else Geocoder.default()
    notes_global: list[str] = []
    if looks_like_html(text):
        text = strip_html(text)
        notes_global.append("HTML stripped")
    text = repair_mojibake(text)  # "Pakhtunkhwaโs": a quote mark read as another script
    if not text.strip():
        return _table([], text, ref, "nothing found: the text is empty")
    problem = language_problem(text)
    if problem:
        return _table([], text, ref, f"nothing found: {problem}")

    text = capitalise_qualifiers(text, gc)  # "the south Waziristan district"
    years = Counter(int(y) for y in re.findall(r"\b(20[0-4]\d)\b", text[:100_000]))
    year_hint = years.most_common(1)[0][0] if years else None
    dl = dateline(text)
    if ref is None and dl is not None:
        ref = parse_date_text(dl.date_text, year_hint or _latest_year(dl.date_text))
        if ref is not None:
            how = "" if year_hint or re.search(r"\d{4}", dl.date_text) else ", year assumed"
            notes_global.append(f"article date {ref} from the dateline{how}")
    if ref is None:
        ref = parse_date_text(text[:200].split("\n", 1)[0], None)  # "October 20, 2025 - ..."
    if ref is not None and year_hint is None:
        year_hint = ref.year

    cands: list[_Candidate] = []
    last_range: tuple[dt.date, dt.date] | None = None
    para_range: dict[int, tuple[dt.date, dt.date, str]] = {}
    pending: tuple[int, str] | None = None  # (sentence, kind) of an unplaced violent event
    prev_dated: tuple[dt.date, dt.date, str] | None = None
    unplaced: list[_Candidate] = []  # violent sentences without a place (dates only)
    last_yeared = True  # whether the date of last_range names its year
    sents = list(sentences(text, dl.end if dl else 0))
    texts = [s.text for s in sents]  # by sentence number, captions included
    # the places named so far, for "the crossing", "the district"
    memory = Antecedents(lambda t: _places(t, gc))
    dl_places: list[_Place] = []  # the dateline's places (a last resort for placeless news)
    if dl is not None:  # "Peshawar, Oct 12: ... in the city": the dateline's place
        dl_places = dateline_places(text[: dl.end], gc)
        memory.note_dateline(text[: dl.end], dl_places, gc.resolve)
    elif caps := _CAPS_DATELINE.match(text):  # "CHAMAN: ...": only the crossing it names
        dl_places = dateline_places(caps.group(1), gc)
        memory.note_dateline(caps.group(1), dl_places, gc.resolve, remember=False)
    kept = list(without_captions(sents, ref))  # (number, sentence) of the article's report
    anchors = event_anchors(texts, ref)  # "on the night after <an event dated elsewhere>"
    disaster: int | None = None  # the last sentence giving a natural disaster's toll
    done: list[int] = []  # numbers of the kept sentences read so far
    for i, s in kept:
        done.append(i)
        if ref is not None and (briefed := briefing_date(s.text, ref)) is not None:
            # "Geopolitical Briefing: Pakistan – 12 October 2025": what follows is told
            # as of that day ("on Sunday", "earlier in the week" count from it)
            notes_global.append(f"sentences after {s.text!r} read as of {briefed}")
            ref = briefed
            continue
        kind = pending[1] if pending is not None and i - pending[0] <= 2 else None
        told = kind
        if (
            kind is None
            and cands
            and cands[-1].sentence == i - 1
            and (co := _COREF.search(s.text)) is not None
            and co.start() < _COREF_LEAD
        ):
            # "Jets struck inside Afghan territory, killing eight." / "The deaths were
            # reported in X and Y": the places of the event told on the whole frontier
            wide = [c for c in cands if c.sentence == i - 1 and c.place.role == "frontier"]
            if wide and wide[-1].kind in VIOLENT:
                told = wide[-1].kind
        also = None
        if told is None and _ALSO_HIT.search(s.text):
            # "An air raid on Khost killed ten. / ... / Kunar and Paktika were also hit":
            # more places of the last violent event told (a few sentences up)
            also = next(
                (c for c in reversed(cands) if c.kind in VIOLENT and i - c.sentence <= 4), None
            )
            told = also.kind if also is not None else None
        # An undated sentence right after an unplaced, dated event continues it.
        inherit = para_range.get(s.paragraph) or (prev_dated if kind is not None else None)
        if also is not None and also.first is not None:
            inherit = (also.first, also.last or also.first, also.date_text)
        if _PRECURSOR.search(s.text) or SEQUEL.search(s.text):
            inherit = None  # what started it or came next: not the date told before
        before = cands[-1] if cands and cands[-1].sentence == i - 1 else None
        listed = None
        if before is not None and before.kind in VIOLENT and lists_parts(s.text):
            listed = before.kind  # "These include two positions in X, three in Y"
        if listed is not None and before.first is not None:
            # ("These include two positions in X, ...": on the day of the event listed)
            inherit = inherit or (before.first, before.last or before.first, before.date_text)
        new, dated = _sentence(
            i, s, gc, ref, year_hint, last_range, inherit, told, memory, listed=listed
        )
        date_after_named_event(new, anchors)  # "the night after the explosions in Kabul"
        for c in new:
            if c.date_how in ("inherited", "not stated") and (
                got := kind_date(texts, done[:-1], c.kind, ref, year_hint=year_hint)
            ):
                # "crossings were closed Oct. 12 ... / the crossings at X and Y were
                # closed": the date of the closure told before, not of the sentence before
                # (nor the article's days)
                c.first, c.last, c.date_text = got[0], got[1], got[2]
                c.date_how = "inherited"
                c.flags = [f for f in c.flags if f != "date_not_stated"]
                c.notes.append(f"date {got[2]!r} of the {c.kind} told in sentence {got[3]}")
        if listed is not None:
            for c in new:
                if c.kind == listed and not c.actor1:
                    c.actor1, c.actor2 = before.actor1, before.actor2
        refine_in_sentence(new, s.text, gc)  # "in X district ... near Y": at Y
        new += there_too(new, s.text, ref, year_hint)  # "... and traded fire there"
        new += cause_at_crossing(new, s.text, ref, year_hint)  # "shut due to clashes"
        closures_at_crossings(new)  # "in X province, the border was closed ... at Y crossing"
        new = fold_when(new, s.text, gc)  # "killed in X when militants attacked Y": one
        same_night(new, cands)  # "The strike hit X in the early hours": that event's night
        if prev_dated is not None and i > 0:
            # "... protested the airstrikes of April 16." / "47 died in the airstrikes"
            # (the window the event of the sentence before was given, when it has one:
            # "17 were killed, ... buried Sunday" is the day of the statement or before)
            last_event = next(
                (
                    c
                    for c in reversed(cands)
                    if c.sentence == i - 1 and c.kind in VIOLENT and c.first and c.last
                ),
                None,
            )
            window = prev_dated
            if last_event is not None and last_event.first and last_event.last:
                window = (last_event.first, last_event.last, prev_dated[2])
            the_dated(new, texts[i - 1], window)
        if disaster_toll(s.text):
            disaster = i  # "24 died in monsoon rains": the tolls after it are the rains'
        elif disaster is not None and i - disaster <= 2 and no_violent_word(s.text):
            # "The most casualties were in Kohat, where 10 people were killed"
            new = [c for c in new if c.kind not in ("killing", "_casualties")]
        if all(c.kind == "_casualties" for c in new):  # "Fighting resumed there on Tuesday."
            new = renewed(cands, i, s.text, dated, [n for c in new for n in c.counts]) or new
        if not new:
            refine_by_sentence(cands, i, s.text, gc, dated)
            place_by_reference(cands, i, s.text, gc, dated, ref)  # "Monday's attack in X"
        if not new and dated is not None and _COREF.search(s.text):
            _date_back(cands, i, s.text, ref, year_hint, last_range)
        prev_dated = dated
        if dated is not None:
            para_range[s.paragraph] = dated
        for c in new:
            if c.kind == "_casualties" and _OVER_INCIDENTS.search(c.evidence):
                # "901 fatalities ... in a total of 329 incidents": a statistic over many
                # incidents, no casualty count of the one told before
                continue
            if c.kind == "_casualties":
                c.given = _enrich(cands, c)
                pending = (i, c.types[0])
                unplaced.append(c)
                continue
            if kind is not None and c.kind in VIOLENT and unplaced[-1].counts:
                # "Eight fighters were killed in a border clash." / "The skirmish
                # occurred in X district.": the counts of the event told without a
                # place (groups this sentence does not count itself)
                have = {claim_key(n) for n in c.counts}
                add = [n for n in unplaced[-1].counts if claim_key(n) not in have]
                if c.counts and unplaced[-1].given:
                    add = []  # already the counts of the incident before
                if any(o.kind in VIOLENT and o.counts == add and add for o in cands[-3:]):
                    add = []  # a total over a list of places goes to its first place
                if _SEVERAL.search(unplaced[-1].evidence) or _NEXT_INCIDENT.match(c.evidence):
                    # "three killed in separate attacks": a total, not this one's;
                    # "In the second incident, ...": another incident's counts
                    add = []
                if add and _dates_fit(c, unplaced[-1]):
                    c.counts = c.counts + add
                    c.notes.append(f"counts from sentence {unplaced[-1].sentence}")
                    if kind in _GROUND and c.kind == "air_strike" and not _AIR.search(c.evidence):
                        # "... killed in a suicide bombing." / "The early-morning strike
                        # targeted a base in X": a bare "strike" names that bombing
                        c.kind, c.types = kind, EVENT_KINDS[kind]
                        c.notes.append(f"kind {kind} from sentence {unplaced[-1].sentence}")
                    elif c.kind == "killing" and kind in VIOLENT and kind != "killing":
                        # "Jets struck X territory, killing 10." / "Four shepherds
                        # from Y were killed": the killing is the strike told first
                        c.kind, c.types = kind, EVENT_KINDS[kind]
                        c.notes.append(f"kind {kind} from sentence {unplaced[-1].sentence}")
                if _dates_fit(c, unplaced[-1]) and not c.actor1 and unplaced[-1].actor1:
                    # "Afghan forces opened fire at a crossing, killing six." / "...
                    # near the town of Chaman": the agent told with the event
                    c.actor1 = unplaced[-1].actor1
                    c.actor2 = c.actor2 or unplaced[-1].actor2
                    c.notes.append(f"actors from sentence {unplaced[-1].sentence}")
                pending = None
            if c.date_how in ("absolute", "relative"):
                c.yeared = (
                    last_yeared if c.date_rel == "previous" else bool(_YEAR.search(c.date_text))
                )
            cands.append(c)
            if c.first is not None and c.date_how not in ("not stated", "inherited"):
                last_range = (c.first, c.last or c.first)
                last_yeared = c.yeared
        if not new and dated is not None and (dated[1] - dated[0]).days <= 2:
            last_range = (dated[0], dated[1])  # "a few days later" counts from this date
    cands = drop_follow_up_searches(cands)  # "carrying out a search operation"
    cands = one_incident_listed(cands)  # "The attack ... targeting the convoy in A, B and C"
    settle_counts(cands, unplaced)
    date_from_details(cands, unplaced)
    # placeless news: a frontier phrase beside it, else a local dateline
    cands += frontier_from_neighbour(cands, unplaced, texts)
    cands += dateline_site(cands, unplaced, dl_places, ref)
    cands.sort(key=lambda c: c.sentence)
    date_sequels(cands, ref)
    date_wounds(cands)  # "died on Tuesday after being shot": the clash before
    date_consequences(cands, ref)  # "closed following the clash": after it
    _elaborations(cands)
    set_initiators(cands, texts)
    closed_by(cands, texts)  # "Pakistan shut the border": the closure's side
    operation_sides(cands)  # "killed during an operation against militants in X"
    date_of_another(cands)  # "In another operation ...": the date of the one before
    # "attacks rose in June: report" / "four operations took place in X": in June
    date_by_period(cands, review_period([s.text for _, s in kept], ref, year_hint=year_hint))
    _lead_date(cands, unplaced, ref)
    lead_texts = [s.text for _, s in kept]
    closure_news = closure_lead(lead_texts)
    gone = set(recalled_rows(cands, ref, violent=VIOLENT, closure_news=closure_news))
    gone |= _closure_states(cands, ref, news=closure_news)
    gone |= set(ended_closures(cands, {i: s.text for i, s in kept}))  # reopened later
    cands = [c for k, c in enumerate(cands) if k not in gone]
    quiet = {id(c) for c in _quiet_lead_past(cands, ref)}  # talks recalling a bombing
    # ... and recalling the truce of two weeks before
    quiet |= {id(c) for c in recalled_agreements(cands, ref, days=QUIET_LEAD_DAYS)}
    cands = [c for c in cands if id(c) not in quiet]
    cands = _without_tallied_regions(cands, [s.text for _, s in kept])
    cands, background = _background(
        cands,
        ref,
        anniversary=bool(_ANNIVERSARY.search(text)),
        period=review_year(lead_texts, ref),
    )
    if feud_lead(lead_texts):  # "a verbal spat escalated into a gunfight": crime
        armed = {PK_MIL, AF_MIL, TTP, HGB}
        feud = [
            c
            for c in cands
            if c.kind in VIOLENT
            and not {c.actor1, c.actor2} & armed
            and not _ARMED_WORD.search(c.evidence)
        ]
        cands = [c for c in cands if c not in feud]
        background += len(feud)
    background += len(gone) + len(quiet)
    constrain_to_article(cands, article_units([(s.start, s.text) for s in sents], gc), gc)
    cands = _merge(cands)
    # "agreed to meet again, following talks in X": the talks are the past of the news
    # (kept when that news is done and makes no row of its own: "agreed to extend the
    # truce after talks in X", "removed the boulders after successful talks in X")
    news = {c.evidence for c in cands if c.kind != "talks"}
    cands = [
        c
        for c in cands
        if not (past_talks(c) and (c.evidence in news or _NEWS_TO_COME.search(c.evidence)))
    ]
    cands = fold_same_site(cands)  # "Torkham ... at the end of the Khyber Pass"
    cands = fold_same_toll(cands)  # "four children died in X" / "... in X's Y village"
    cands = fold_headline_wide(cands)  # "Border clashes leave 15 dead" / "... hit X"
    cands = fold_crossing_ends(cands)  # "the crossing near Spin Boldak and Chaman"
    cands = fold_wide_responses(cands)  # "... responded by opening fire along the border"
    for c in cands:
        _combatants_killed(c)
    for c in cands:
        c.notes = notes_global + c.notes
        c.features = features(c, rows=cands, texts=texts, ref=ref)
        c.confidence = confidence(c.features)
    low = sum(c.confidence < cut for c in cands)
    cands = [c for c in cands if c.confidence >= cut]  # features were read with all rows
    msg = None if cands else "nothing found: no sentence reports an incident at a known place"
    if not cands and background:
        msg = (
            f"nothing found: {background} event(s) dated well before the article and its "
            "lead event are background, not its news"
        )
    if not cands and low:
        msg = (
            f"nothing found: {low} candidate(s) below confidence {cut:g} left out "
            "(a cut of 0 keeps them)"
        )
    df = _table(cands, text, ref, msg, source=dl.agency if dl else None)
    df.attrs["background"] = background
    df.attrs["below_confidence"] = low
    return df


#: Largest gap, in days, between events of one story: an article's news is the
#: article date, its lead event and every event chained to them by gaps of at
#: most this many days (an event known only to more than :data:`LINK_DAYS`,
#: "earlier this month", is no link of the chain).  An event before that known only
#: by its year or month ("in 2023", "last year", "in August") is history and makes no
#: row (``attrs["background"]`` counts them); an older event dated to the day (a
#: timeline entry, "on February 6, 2022") is kept: it is a specific incident, and its
#: ``confidence`` says it is old news.
NEWS_GAP_DAYS = 7
#: Longest date window of an event that links the story back to older events.
LINK_DAYS = 14
#: A date window at least this long is a year or a month, not a day of news.
COARSE_DAYS = 28


#: In an article whose lead reports no violence, a violent event that ended more than
#: this many days before the article is recalled, not news.
QUIET_LEAD_DAYS = 4


#: How far into a sentence (characters) "took place" / "were reported" may stand to
#: place the event the sentence before told on the whole frontier ("The deaths were
#: reported in X and Y"), its subject being that event.
_COREF_LEAD = 60


_ALSO_HIT = re.compile(r"\b(?:was|were)\s+also\s+hit\b", re.IGNORECASE)


def _quiet_lead_past(cands: list[_Candidate], ref: dt.date | None) -> list[_Candidate]:
    """Violent rows recalled by an article whose news is not violence: its lead (the
    first two sentences) reports talks, a closure or nothing placed, and the row is
    dated to have ended more than :data:`QUIET_LEAD_DAYS` days before the article
    ("Last week, a suicide bombing in X killed 12", in a report on talks)."""
    if ref is None or any(c.kind in VIOLENT and c.sentence <= 1 for c in cands):
        return []
    return [
        c
        for c in cands
        if c.kind in VIOLENT
        and c.date_how in ("absolute", "relative")
        and c.last is not None
        and (ref - c.last).days > QUIET_LEAD_DAYS
    ]


def _background(
    cands: list[_Candidate],
    ref: dt.date | None,
    *,
    anniversary: bool = False,
    period: tuple[dt.date, dt.date, str] | None = None,
) -> tuple[list[_Candidate], int]:
    """The rows that are the article's news, and how many were its past.  In a
    year's review (``period``, :func:`incidents._extract_period.review_year`) an
    event of that year dated to the day is its content, never history."""
    if ref is None:
        return cands, 0
    gap = dt.timedelta(days=NEWS_GAP_DAYS)
    # only an event known to a fortnight chains the story back ("late last month" does,
    # "earlier this month" on the 25th is no link to an event of the month before)
    links = sorted(
        (c for c in cands if c.first and c.last and (c.last - c.first).days <= LINK_DAYS),
        key=lambda c: c.sentence,
    )
    lo = ref - gap
    if links and links[0].date_how in ("absolute", "relative"):
        assert links[0].first is not None
        lo = min(lo, links[0].first - gap)
    for c in sorted(links, key=lambda c: c.last or ref, reverse=True):
        assert c.first is not None and c.last is not None
        if c.last >= lo:
            lo = min(lo, c.first - gap)
    for c in cands:
        c.old = c.last is not None and c.last < lo
        if c.old and period is not None and c.first is not None and c.last is not None:
            day = (c.last - c.first).days <= 2 and c.date_how in ("absolute", "relative")
            c.old = not (day and period[0] <= c.first and c.last <= period[1])
    keep = [
        c
        for c in cands
        if not _is_background(c) and not (anniversary and _years_to_the_day(c, ref))
    ]
    return keep, len(cands) - len(keep)


# militants or forces named in a row's sentence: no quarrel between people
_ARMED_WORD = re.compile(
    r"\b(?:militants?|terrorists?|khwarij|khawarij|insurgents?|security forces|troops|"
    r"soldiers|army)\b",
    re.IGNORECASE,
)
# An article about a commemoration: "observed the 10th anniversary of the attack",
# "marks five years since the strike"
_ANNIVERSARY = re.compile(
    r"\banniversar(?:y|ies)\b|\b(?:marks?|marked|marking)\s+(?:\w+\s+){0,2}years?\s+"
    r"(?:since|of|after)\b|\bcommemorat\w+\b",
    re.IGNORECASE,
)


def _years_to_the_day(c: _Candidate, ref: dt.date) -> bool:
    """Whether ``c`` happened whole years before ``ref``, within two days of its
    calendar day: the event an anniversary article remembers, not its news."""
    if c.first is None or c.first.year >= ref.year:
        return False
    try:
        then = ref.replace(year=c.first.year)
    except ValueError:  # 29 February
        then = ref.replace(year=c.first.year, day=28)
    return abs((c.first - then).days) <= 2


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
#: A violent row on the whole frontier dated only to more than this many days is
#: a summary ("clashes along the border last week"), not an incident.
FRONTIER_MAX_DAYS = 3


def _is_background(c: _Candidate) -> bool:
    """An event of the article's past, not its news: dated before the story only
    by its year or month ("in 2023", "last year"), or by a day without its year
    ("On Aug. 18, the military said ...", "three days later") in an article about
    something newer (a timeline names the year: "on February 6, 2022", or opens its
    line with the date: "October 12: ..."); a violent row on the whole frontier
    known only to a week or more ("a raid near the border last week"); and violence
    known only to a month or more, even this one ("strikes this year")."""
    if c.first is None or c.last is None:
        return False
    days = (c.last - c.first).days
    if c.kind in VIOLENT and c.place.role == "frontier" and days > FRONTIER_MAX_DAYS:
        return c.date_how in ("absolute", "relative")
    if c.kind in VIOLENT and days >= COARSE_DAYS and c.date_how in ("absolute", "relative"):
        # "airstrikes in Khost and Kunar this year", "70 civilians were killed in
        # Kandahar between October and December": a summary over months, not an incident
        return True
    if not c.old:
        return False
    if days >= COARSE_DAYS:
        return True
    timeline = bool(
        c.date_text and re.match(r"\W*" + re.escape(c.date_text) + r"\s*[:–—-]", c.evidence)
    )
    return c.date_how in ("absolute", "relative") and not c.yeared and not timeline


def _combatants_killed(c: _Candidate) -> None:
    """A killing told by its casualties alone ("three soldiers were martyred in X",
    "troops killed five militants in X") whose dead are all fighters (forces,
    militants) is fighting, not violence against civilians: kind ``attack``
    (ACLED Battles / Armed clash).  Civilians or people of no stated side keep
    ``killing``."""
    if c.kind != "killing":
        return
    dead = {n.group for n in c.counts if n.which == "killed"}
    if dead and dead <= {"forces", "militants"}:
        c.kind, c.types = "attack", EVENT_KINDS["attack"]
        c.notes.append("kind attack: the dead are all fighters")


# "In the second incident, ...": an incident of its own, after another
_NEXT_INCIDENT = re.compile(
    r"^\W*In the (?:second|third|fourth|fifth|next|other|later|latest) (?:\w+ )?(?:incident|"
    r"attack|strike|blast|explosion|raid|ambush|clash|encounter|operation)\b"
    # "Earlier on Monday, militants had attacked a convoy in X": another incident
    r"|^\W*(?:Elsewhere|Meanwhile|Separately|Earlier(?: on \w+| in the day| that day| today)?),",
    re.IGNORECASE,
)


def _date_back(
    cands: list[_Candidate],
    i: int,
    t: str,
    ref: dt.date | None,
    year_hint: int | None,
    previous: tuple[dt.date, dt.date] | None,
) -> None:
    """ "The latest engagement took place during the night between August 10 and
    11": a sentence that only dates an event gives its date to the undated
    violent incidents of the sentence before."""
    targets = [c for c in cands if c.sentence == i - 1 and c.kind in VIOLENT]
    m = _COREF.search(t)
    if not targets or m is None:
        return
    spans = [
        d
        for d in find_dates(t, ref, previous=previous, year_hint=year_hint)
        if d.first is not None and d.last is not None and (d.last - d.first).days <= 2
    ]
    if not spans:
        return
    # the date of the event word, not of the statement that reported it
    d = min(spans, key=lambda d: (d.start < m.start(), abs(d.start - m.end())))
    # (undated ones, and ones dated only by the day they were reported)
    targets = [c for c in targets if c.date_how == "not stated" or only_said(c, d.last)]
    for c in targets:
        c.first, c.last, c.date_how = (
            d.first,
            d.last,
            "absolute" if d.relative_to is None else "relative",
        )
        c.flags = [f for f in c.flags if f != "date_not_stated"]
        c.notes.append(f"date from the next sentence ({d.text!r}) -> {d.first}..{d.last}")


#: A sentence that tells what came next ("X hit back, prompting strikes in Y") is a
#: sequel of the event before it, not that event in more detail.


#: A sentence that tells what started the lead event ("the confrontation began when
#: jets struck X") is about an event before it.
_PRECURSOR = re.compile(
    r"\b(?:began|started|erupted|was triggered|were triggered|was sparked|were sparked|"
    r"was preceded|were preceded) (?:when|after|by)\b|\b(?:triggered|sparked|preceded) by\b",
    re.IGNORECASE,
)


#: Fighting told as stopping: "The clashes stopped briefly on Sunday", "firing ceased".
_PAUSED = re.compile(
    r"\b(?:clashes|fighting|firing|shelling|hostilities|violence|exchanges?(?: of fire)?)\s+"
    r"(?:had\s+|have\s+|has\s+)?(?:briefly\s+|temporarily\s+)?(?:stopped|paused|halted|ended|"
    r"subsided|eased|calmed|ceased)\b",
    re.IGNORECASE,
)
#: A closure told as a state of now: "have all been sealed", "remains shut".
_SHUT_NOW = re.compile(
    r"\b(?:ha(?:ve|s)\s+(?:all\s+|also\s+|now\s+)?been|remains?|stays?|is|are)\s+"
    r"(?:all\s+|also\s+|still\s+|now\s+)?(?:sealed|closed|shut(?:tered)?|suspended|halted)\b",
    re.IGNORECASE,
)
#: An addition to the events an article tells ("three more militants", "bringing
#: the total to 50"): it came after them.
_INCREMENT = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|"
    r"dozens?) more\b(?! than)"
    r"|\b(?:bringing|raising|taking|pushing) the (?:total|overall|death toll|toll|tally|number)\b",
    re.IGNORECASE,
)


def _elaborations(cands: list[_Candidate]) -> None:
    """An undated violent incident at a place inside the dated one of the one or
    two sentences before ("three soldiers were killed last week in Kurram
    district" / "militants opened fire in the general area of Kharlachi"), or at
    the same site ("... attacked a post in X on May 3." / "The clash began when
    fighters fired on the post in X."), is that incident told in more detail: it
    takes its date, and the row is then folded into it as a restatement."""
    for k, c in enumerate(cands):
        if c.kind not in VIOLENT or c.date_how != "not stated" or SEQUEL.search(c.evidence):
            continue
        # "the confrontation began when jets struck X": not a detail of the fighting
        # elsewhere, but how the fighting at that very site began
        precursor = bool(_PRECURSOR.search(c.evidence))
        for p in reversed(cands[max(0, k - 6) : k]):
            if c.sentence - p.sentence > 2 or p.sentence == c.sentence:
                continue
            if (
                p.kind in VIOLENT
                and p.date_how in ("absolute", "relative")
                and (same_site(c, p) or (not precursor and _inside_of(c, p)))
            ):
                c.first, c.last, c.date_how = p.first, p.last, "inherited"
                c.flags = [f for f in c.flags if f != "date_not_stated"]
                c.notes.append(
                    f"detail of the incident at {p.place.label!r} of sentence {p.sentence}:"
                    f" its date {p.first}..{p.last}"
                )
                break


def _other_country(c: _Candidate, lead: _Candidate) -> bool:
    """Whether ``c`` lies in the other country than ``lead`` (so cannot restate it: the
    undated strikes in Khost that open the article are not the bombing in Pakistan
    told after them with a date)."""
    if lead.place is None or "frontier" in (c.place.role, lead.place.role):
        return False
    if "crossing" in (c.place.match.method, lead.place.match.method):
        return False  # a crossing lies on both sides
    a, b = c.place.match.country, lead.place.match.country
    return bool(a and b and a in ("AF", "PK") and b in ("AF", "PK") and a != b)


#: How far back an undated "Earlier, ..." event after the lead may lie (days).
EARLIER_DAYS = 30
#: An event dated more than this many days before the article and told two or more
#: sentences after its undated opening news is no lead of that news.
LEAD_GAP_DAYS = 4
#: A heading that dates the section after it: "Geopolitical Briefing: Pakistan – 12
#: October 2025", "Security update, 3 March 2026" (a title line ending in a full date).
_BRIEFING = re.compile(
    r"^\W*(?P<title>[A-Z][^.!?\n]{2,80}?)\s*[-–—:,|]\s*(?P<date>\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|"
    r"[A-Z][a-z]+\s+\d{1,2},?\s+\d{4})\s*$"
)
#: How far (days) before the article a briefing heading may date its section.
BRIEFING_MAX_DAYS = 60


def briefing_date(sentence: str, ref: dt.date) -> dt.date | None:
    """The day a heading line dates the section after it, when it is before the
    article's date (``ref``) by at most :data:`BRIEFING_MAX_DAYS`; else None."""
    m = _BRIEFING.match(sentence.strip())
    if m is None:
        return None
    day = parse_date_text(m.group("date"), None)
    if day is None or not (0 < (ref - day).days <= BRIEFING_MAX_DAYS):
        return None
    return day


#: A sentence of a statistics report: a count of attacks, incidents or fatalities of ten
#: or more ("27 terrorist incidents occurred", "Balochistan witnessed 293 attacks"), or a
#: share ("98% of all fatalities").
_TALLY = re.compile(
    r"\b(?:[1-9]\d{1,2}(?:,\d{3})*|\d{1,3}(?:,\d{3})+)\s+(?:[\w-]+\s+){0,2}?(?:attacks|"
    r"incidents|fatalities|deaths|casualties|killings|terrorist\s+attacks)\b"
    r"|\b\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent)\s+(?:[\w-]+\s+){0,3}?(?:attacks|"
    r"incidents|fatalities|deaths|casualties|violence)\b",
    re.IGNORECASE,
)
#: Casualties counted over many incidents: "901 fatalities ... in a total of 329 incidents
#: of violence", "in 45 attacks across the country".
_OVER_INCIDENTS = re.compile(
    r"\b(?:in|across|during|from)\s+(?:a\s+total\s+of\s+)?(?:at\s+least\s+|more\s+than\s+)?"
    r"(?:[1-9]\d{1,2}(?:,\d{3})*|\d{1,3}(?:,\d{3})+)\s+(?:[\w-]+\s+){0,2}?(?:incidents|attacks|"
    r"operations|clashes|encounters)\b",
    re.IGNORECASE,
)
#: How many tally sentences make an article a statistics report.
TALLY_REPORT = 3


def _without_tallied_regions(cands: list[_Candidate], texts: list[str]) -> list[_Candidate]:
    """In a statistics report (:data:`TALLY_REPORT` sentences or more giving counts of
    attacks or fatalities), a violent row placed only at a province or country, on no day
    of its own, is a tally ("27 incidents occurred across the province"), not an
    incident: dropped.  Rows at districts and places, or dated to a day, stay."""
    if sum(1 for t in texts if _TALLY.search(t)) < TALLY_REPORT:
        return cands
    return [
        c
        for c in cands
        if not (
            c.kind in VIOLENT
            and c.place.match.method in ("admin1", "country")
            and (
                c.date_how in ("not stated", "inherited")
                or c.first is None
                or c.last is None
                or (c.last - c.first).days > 2
            )
        )
    ]


_EARLIER_OPEN = re.compile(r"^\W*(?:Earlier|Previously|Before that|Prior to this)\s*,", re.I)
_HAD_DONE = re.compile(r"\bhad\s+(?:\w+ly\s+)?(?:been\s+)?[a-z]+(?:ed|en)\b")


def _closure_states(cands: list[_Candidate], ref: dt.date | None, *, news: bool) -> set[int]:
    """Indices of the closures told as a state that are background.  When the article's
    lead is not a closure (``news``), a state is its backstory unless it is dated, by
    its own words ("the Torkham crossing, which has remained closed for 11 days",
    "remained closed on Sunday") or as part of the article's lead event ("Similarly,
    the Chaman crossing also remained closed", after a clash), and always when told
    only from its start ("The closure began on October 9, ...") or with no day at all
    ("a months-long closure has ruined exporters").  The states that stay are dated
    over the days they have lasted ("closed for nine days"; in a closure lead, an
    undated one from the start of a dated closure of the same crossing: "Torkham
    remains closed" / "Pakistan closed Torkham on October 12")."""
    gone = set()
    for k, c in enumerate(cands):
        if not c.closure_state:  # ("closed the crossing for three days": planned)
            continue
        if not news and (_BEGAN.search(c.evidence) or ref is None):
            gone.add(k)
            continue
        if ref is None:
            continue
        span = closure_span(c.evidence, c.date_text, c.first, c.last, ref)
        began = [
            o.first
            for o in cands
            if o.kind == "border_closure"
            and not o.closure_state
            and o.date_how in ("absolute", "relative")
            and o.first is not None
            and o.first <= ref
            and _near(o.place.match, c.place.match)
        ]
        if span == (c.first, c.last) and c.date_how == "not stated":
            if not news:
                gone.add(k)  # no day at all in other news: its backstory
                continue
            if not began:
                continue
            span = (min(began), ref)
        if span != (c.first, c.last):
            c.first, c.last = span
            c.notes.append(f"closure lasting {span[0]} to {span[1]}")
            if c.date_how == "not stated":
                c.date_how = "relative"
                c.flags = [f for f in c.flags if f != "date_not_stated"]
    return gone


# "The closure began on October 9": a closure told from its start
_BEGAN = re.compile(r"\b(?:closure|shutdown)\s+" + CLOSURE_BEGAN + r"\b", re.IGNORECASE)


def _near(a: Match, b: Match, km: float = 10.0) -> bool:
    """Whether two resolved places are within ``km`` of each other (one crossing named
    two ways: "Torkham", "the Torkham border crossing")."""
    if any(math.isnan(v) for v in (a.lat, b.lat, a.lon, b.lon)):
        return False
    return point_km(a.lat, a.lon, b.lat, b.lon) <= km


def _lead_date(
    cands: list[_Candidate], unplaced: list[_Candidate], ref: dt.date | None = None
) -> None:
    """An event whose date is not stated gets the date of the article's first dated
    violent event (its lead) when that is at most three days long: news restates
    its lead more often than it adds undated events.  A closure, a truce or talks
    told before that lead keep the article's days: the violence told after them is
    not what they restate."""
    first_undated = min(
        (c.sentence for c in cands if c.kind in VIOLENT and c.date_how == "not stated"),
        default=None,
    )
    # (undated opening news of any kind: "A round of talks was held in Doha")
    first_news = min((c.sentence for c in cands if c.date_how == "not stated"), default=None)
    lead = next(
        (
            c
            for c in sorted([*cands, *unplaced], key=lambda c: c.sentence)
            if (c.kind in VIOLENT or c.kind == "_casualties")
            and c.date_how in ("absolute", "relative")
            and c.first is not None
            and c.last is not None
            and (c.last - c.first).days <= 2
            # ("The clashes stopped briefly on Sunday": the day of a pause, not of the
            # fighting the article tells)
            and not _PAUSED.search(c.evidence)
            # ("On Saturday, a bomber had rammed a truck ...": told after the undated
            # news as what came before it, not its lead)
            and not (
                first_undated is not None
                and c.sentence > first_undated
                and _HAD_DONE.search(c.evidence)
            )
        ),
        None,
    )
    if lead is None:
        return
    if (
        first_news is not None
        and first_news < lead.sentence
        and ref is not None
        and lead.last is not None
        and (
            (ref - lead.last).days > NEWS_GAP_DAYS
            # (told sentences after the undated news, not right after a headline)
            or ((ref - lead.last).days > LEAD_GAP_DAYS and lead.sentence - first_news >= 2)
        )
    ):
        # the article opens with its news undated ("ten were killed in strikes on X,
        # officials said"): an older dated event told after it (a photo caption, an
        # earlier strike) is not its lead
        return
    for c in cands:
        if c.kind not in VIOLENT and c.sentence < lead.sentence:
            continue  # "Taliban, Pakistan agree to truce" is not dated by a bombing told later
        if c.date_how == "not stated" and not (
            c.sentence < lead.sentence and _other_country(c, lead)
        ):
            c.first, c.last, c.date_how = lead.first, lead.last, "inherited"
            c.flags = [f for f in c.flags if f != "date_not_stated"]
            if ref is not None and ref > lead.last and SEQUEL.search(c.evidence):
                # "X hit back, prompting strikes in Y": after the lead, by the article
                c.last = ref
                c.notes.append(f"after the article's lead event -> {lead.first}..{ref}")
                continue
            if ref is not None and ref > lead.last and _INCREMENT.search(c.evidence):
                # "forces killed three more militants, bringing the total to 50": an
                # addition to the events told, after them, by the article date
                c.first, c.last = lead.last, ref
                c.notes.append(f"an addition after the article's lead event -> {c.first}..{ref}")
                continue
            if (
                ref is not None
                and ref > lead.last
                and c.kind == "border_closure"
                and _SHUT_NOW.search(c.evidence)
            ):
                # "the crossings have all been sealed", "remains shut": a state that
                # began with the lead's days and holds at the article date
                c.last = ref
                c.notes.append(f"a closure holding by the article date -> {lead.first}..{ref}")
                continue
            if _PRECURSOR.search(c.evidence):
                # "the confrontation began when jets struck X": before the lead
                c.first = lead.first - dt.timedelta(days=NEWS_GAP_DAYS)
                c.notes.append(f"before the article's lead event -> {c.first}..{lead.last}")
                continue
            if _EARLIER_OPEN.match(c.evidence) and c.sentence > lead.sentence:
                # "Earlier, police foiled an attack on Y": before the lead, by how much
                # is not said (the same day or weeks before)
                c.first = lead.first - dt.timedelta(days=EARLIER_DAYS)
                c.notes.append(f"earlier than the article's lead event -> {c.first}..{lead.last}")
                continue
            c.notes.append(f"date of the article's lead event -> {lead.first}..{lead.last}")


def _latest_year(date_text: str) -> int | None:
    """Year of a yearless dateline: the latest such day that is not in the future."""
    today = dt.date.today()
    this = parse_date_text(date_text, today.year)
    if this is None:
        return None
    return today.year if this <= today else today.year - 1


def _as_date(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise IncidentError(f"article_date must be a date or a 'YYYY-MM-DD' string, got {value!r}")
