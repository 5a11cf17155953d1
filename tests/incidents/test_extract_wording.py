"""Wordings of real reports that the rules had not seen, as general rules.  Every
sentence is a paraphrase written for the test.

- "an intelligence based operation in X" (the compound unhyphenated, as military
  press releases often print it) places the operation at X: "based ... in" reads
  where someone is based only when no operation, strike, attack or raid follows it,
  and "militants based in X" stays an origin;
- the wounded told by their injuries ("nine others with injuries", "12 were shifted
  to hospital with injuries") are counted as wounded, never added to the dead;
- an unplaced, undated cause opening a sentence ("Following border clashes, the
  shutdown of X and Y has hit trade") is the backdrop: the places after it are not
  its site (a cause with its own place and day stays an event);
- a closure told as lasting ("the prolonged closure of X and Y has disrupted trade")
  is a state, not a new closure;
- a gun attack called "a (deadly) shooting" is an attack, and "X ... claimed the lives
  of N" is its toll (not a speaker in X who "claimed"); "the shooting" names one told
  before;
- a counted subject of an active verb with its own counted object ("two gunmen on a
  motorcycle killed three people", "a shooting targeting passenger vans ... killed 38")
  counts the attackers or nothing, never the victims;
- quote marks of UTF-8 text read as a one-byte code page ("Pakhtunkhwaโs",
  "Pakistanâ€™s") are put back before reading;
- "In a devastating incident, ..." opens the lead, not another incident: the province
  named in the next sentence of "the airstrikes" restates it;
- sides: forces that "exchanged gunfire" fought each other, and the one a later
  sentence says "opened fire unprovoked" started it; "troops responded after Afghan
  forces opened fire" is Afghan fire; a closure is the side of the country the article
  says "shut the border";
- "along the contentious/controversial Durand Line" is the whole frontier, as "along
  the disputed border" is;
- drones sent over the line are an air or drone strike whether or not they were
  downed ("launched four drones into X", "shot down two quadcopters over Y", "the
  drones were neutralised"), and stay one when militants or the Afghan Taliban fly
  them (other "strikes" of theirs are ground attacks); "launched a drone programme"
  is no event;
- "seven khwarij were sent to hell in an intelligence-based operation in X": the
  army's operation, the militants its dead (not their attack);
- a month's name or abbreviation is never a place ("on Sunday (Mar 16)");
- "No target killing incident was reported in X": a negated event, one word of its
  name before it;
- an article marking an anniversary remembers the event of that calendar day years
  before: no row for it;
- a few events counted over a few days ("at least six attacks in A, B and C during
  the last week") are a tally, and places compared ("X has come under more attacks
  than Y") a trend: no rows ("the most devastating strike occurred in X" stays one);
- where the wounded were carried ("residents took the injured to the X hospital") and
  the victim's home ("shot while returning from his village in X") are not the scene;
- a market named with its district ("near Jabbar Market in Killa Abdullah district")
  is sought in that district, never at a namesake 500 km away;
- what "came days after" the news is an earlier event, however long its clause;
- citizens, pedestrians, travellers and pilgrims are counted civilians; an "Afghan
  sentry" or "Afghan guards" are the Afghan forces;
- "forces hit defence targets in X" is a strike, and a list of places each with its
  description ("Kabul, the southern city of Kandahar and the southeastern province of
  Paktia") is three places, not Kabul inside Kandahar;
- where fighters went after it ("forced the militants to retreat into Afghanistan")
  is not the whole frontier as its scene;
- "Gunmen attacked a van in X, killing seven. / The attackers opened fire on the van
  near Y": one incident, at Y when Y lies inside X, else at X (Y a namesake elsewhere
  or a name known only roughly), even when the first sentence opens "Separately";
- an intelligence-based operation (IBO), or an operation "conducted by the security
  forces" in Pakistan, is the Pakistani forces' against the TTP, and "one more Kharji
  was effectively neutralised" is one militant dead;
- "a powerful earthquake struck X, leaving 250 dead" is no strike and its toll no
  killing; a quarrel turned gunfight told in the lead ("after a verbal spat escalated
  into a gunfight") is crime, not the conflict, unless an army or militant group
  fights in it;
- the date and toll inside a cause opening the sentence ("In retaliation for an attack
  on Saturday that killed seven soldiers, jets struck X") are that attack's, not the
  main clause's; a group's record ("which has carried out numerous operations inside
  Pakistan") is no incident;
- "three women and as many children were killed" is six; a claim of responsibility
  "for the deadly attack in X", undated, is the attack at X told before;
- "India Today reported" is an outlet, not today's date; "retaliatory strikes along
  the border after Pakistan's airstrikes on Kabul" is a frontier-wide row (Kabul is
  the cause's place);
- a place named as a contrast to the scene ("far from the insurgent camps typically
  found in remote border zones like Bermal", "unlike X") is not a site;
- a checkpoint "along the Indus Highway in Kohat" stands in Kohat (one row), and
  "killing three police officers and a civilian" is four;
- "officers returned fire at the checkpoint in Hangu" is the clash at Hangu, the place
  of the lead's "in northwest Pakistan";
- "strikes in two Afghan provinces killed 17. Nangahar province was particularly
  affected": the strikes placed in that province, read through its misspelling;
- "Afghan forces attacked Pakistani border troops" is on the frontier, and so is "used
  heavy weapons to assault posts along the border in retaliation for the airstrikes"
  (the phrase belongs to the assault before it, not to the cause after it);
- after the event: "security was heightened across X and Y after the blast", "a few of
  the injured were shifted to Quetta", "the strikes occurred the day after ... an attack
  on a post in X" tell no new incident; "In that assault, gunmen ..." is the attack the
  sentence before named with its place; an unknown area "of Khar tehsil", placed at the
  district, is the tehsil's incident told before;
- the event whose victims receive compensation ("Rs2 million to the families of each
  martyr from the Bajaur suicide attack on July 30") is the past the news is about;
- "in Damadola, Mamund, Bajaur district": a village, then the tehsil holding it (one row);
- a toll that "surged to 87" or "soared to 87" is the toll;
- a village of a struck district that the gazetteer knows only as a respelling
  elsewhere in the province ("air strikes on Gayan district in Paktika province ...
  four villages, including Badar, where six were killed") is the district named, not
  the namesake; and the "attack" that restates air strikes is an air strike;
- talks "slated/scheduled/set for later this month in X" are still to come: no row
  (a crossing "closed due to the fighting" is closed);
- a round-up's clauses keep their own event words: "a suicide bomber targeted a convoy
  in X, while troops killed three militants in Y during an operation" is an operation
  at Y, not a second suicide bombing;
- a group's trait ("thrive on attacking minorities", "notorious for ambushing convoys in
  X") is no incident;
- a "cross-border intrusion" or an "armed invasion" is an attack; the "relevant parties
  in Kabul" are a seat of government, not a site;
- "the X area of Y tehsil", X known only as a namesake elsewhere in Y's district (more
  than twice the tehsil's radius away), is placed at the tehsil;
- "This confrontation follows recent airstrikes on December 20, which targeted X": the
  news told before, set after an earlier event; that event (dated or not, and the
  event words of its relative clause) is no row;
- what a report documented ("The report says that forces shelled homes in several
  provinces", "According to the mission's report, ...") is its period's record, not an
  incident (an account "according to police" still is);
- a place's record ("Balochistan registered eight attacks", "Punjab and Sindh
  experienced low-level and high-profile attacks") is a tally, not an incident ("no
  deaths were recorded in the strikes on X on Sunday" still tells the strikes);
- the dead told as "the loss of at least 12 lives", "raising the death toll from the X
  bus bombing to nine", "a suicide bomber and three other militants were killed" (four);
  an "aerial bombardment" is an air strike;
- an event named by an earlier year up to four words before its noun ("the 2014 Army
  Public School attack in Peshawar") is history;
- "wounding 25 others, including civilians" is a total of people, not more of the group
  counted before it: a later breakdown ("left 17 civilians injured") is inside it;
- families "who were displaced due to rocket attacks in X" and have returned recall the
  attacks; residents who "have been displaced due to rocket attacks" this week are news;
- a name the index lacks written with its kind ("the Torkhram border crossing", "Shelton
  district") is the crossing or district it respells; "According to Islamabad"
  names a source, not a site; what "has been reported a day after" Y puts Y the day
  before;
- what the news "comes amid" ("amid days of heavy fighting near crossings such as
  Torkham") is its backdrop, not an incident that takes in the province before it;
- a day counted from an event known only to its month ("one day after", the strikes
  "in November 2025") keeps the month's width, not its first day;
- where the injured are sent ("ordered to transfer the seriously injured to Karachi")
  is no site;
- an accusation of "abetting terror attacks inside Pakistan", the attack a viral footage
  shows ("showing an officer carrying a wounded colleague": a person described, no
  casualty) and a truce that "has temporarily halted the fighting" are no incidents;
- "fatally shot three policemen", "shot and killed two guards", "30 civilians have been
  reported killed", "sacrificed their lives", "the loss of four soldiers", "the
  elimination of three attackers", "the killing of five" count the dead; "injuring eight
  others, along with 12 civilians" counts both groups;
- "near the Frontier Corps headquarters" names a force, not the frontier, and "in
  Balochistan's capital Quetta" is Quetta, the site;
- a patronym ("Muhammad Ramzan, son of Allah Yar", "s/o Gul Khan") names a person;
- where the injured "were transferred to" and the ends of a route ("a coach coming from
  Karachi to Quetta") are no sites;
- violence still to come ("ahead of a planned security operation", "an impending
  military offensive") is no incident ("casualties are likely after air strikes on X"
  still tells the strikes);
- a comment joined by "and" ("killing four and raising serious security concerns in the
  region") names no site;
- "a disturbing rise in suspected drone and quadcopter attacks in X" is a trend (the
  event noun up to four words after "rise in");
- "... killed in a suicide bombing at an army post. / The early-morning strike targeted a
  base in X": the bare "strike" is that bombing, not an air strike;
- "a further 25 people had been reported injured" counts the wounded.
"""

from __future__ import annotations

import pandas as pd
import pytest
from extract_rows import violent

from incidents._extract_text import repair_mojibake
from incidents.extract import extract

DATE = "2025-10-14"


@pytest.mark.parametrize(
    ("text", "place", "deaths"),
    [
        (
            "Security forces conducted an intelligence based operation in Orakzai district on "
            "12 October, killing 19 khwarij.",
            "Orakzai",
            19,
        ),
        (
            "An intelligence based operation was carried out in the Spinwam area of North "
            "Waziristan on Sunday, in which six terrorists were killed.",
            "Spinwam",
            6,
        ),
        (
            "During an intelligence based IBO in Bajaur's Mamund tehsil on Sunday, troops killed "
            "four militants.",
            "Mamund",
            4,
        ),
    ],
)
def test_an_unhyphenated_intelligence_based_operation_is_at_its_place(text, place, deaths):
    df = violent(text, DATE)
    assert len(df) == 1
    assert place in df.iloc[0]["location"]
    assert df.iloc[0]["fatalities"] == deaths


def test_militants_based_in_a_place_are_still_from_there():
    text = (
        "Militants based in Khost crossed the border and attacked a check post in North "
        "Waziristan on Sunday, killing two soldiers."
    )
    df = violent(text, DATE)
    assert len(df) == 1
    assert "Khost" not in df.iloc[0]["location"]


@pytest.mark.parametrize(
    ("text", "deaths", "injuries"),
    [
        (
            "A roadside bomb hit a Levies vehicle in Zhob on Sunday, leaving two dead and nine "
            "others with injuries.",
            2,
            9,
        ),
        (
            "A bomb went off in a market in Parachinar on Sunday. Three people died and 12 were "
            "shifted to hospital with injuries.",
            3,
            12,
        ),
        (
            "Militants ambushed a police mobile in Tank on Sunday; one constable was martyred and "
            "four were rushed to the district headquarters hospital with bullet wounds.",
            1,
            4,
        ),
    ],
)
def test_the_wounded_told_by_their_injuries_are_counted_as_wounded(text, deaths, injuries):
    df = violent(text, DATE)
    assert len(df) == 1
    assert (df.iloc[0]["fatalities"], df.iloc[0]["injuries"]) == (deaths, injuries)


@pytest.mark.parametrize(
    "text",
    [
        "Following border clashes, the shutdown of crossings such as Torkham and Chaman has "
        "crippled transit trade.",
        "After recent skirmishes, the suspension of traffic at Ghulam Khan and Kharlachi has "
        "left hundreds of trucks stranded.",
        "Amid deadly clashes, the halt of trade through Angoor Adda has hurt local traders.",
    ],
)
def test_an_unplaced_undated_cause_opening_the_sentence_is_no_event_at_the_places_after_it(
    text,
):
    assert violent(text, DATE).empty


def test_a_cause_with_its_own_place_and_day_stays_an_event():
    text = "Following clashes near Torkham on Sunday night, two soldiers died in hospital."
    df = violent(text, DATE)
    assert len(df) == 1
    assert "Torkham" in df.iloc[0]["location"]


@pytest.mark.parametrize(
    "text",
    [
        "The prolonged closure of key crossings, including Torkham and Chaman, has severely "
        "disrupted trade.",
        "The ongoing closure of the Torkham border has left thousands of travellers stranded.",
        "A months-long closure of the Chaman crossing has ruined fruit exporters.",
    ],
)
def test_a_closure_told_as_lasting_is_a_state(text):
    assert extract(text, article_date=DATE).empty


def test_a_new_closure_is_still_reported():
    text = "Pakistan closed the Torkham border crossing on Sunday after an exchange of fire."
    df = extract(text, article_date=DATE)
    assert "Strategic developments" in set(df["event_type"])


@pytest.mark.parametrize(
    ("text", "place", "deaths"),
    [
        (
            "A deadly shooting targeting passenger vans in Lower Kurram on Thursday claimed the "
            "lives of 38 people.",
            "Kurram",
            38,
        ),
        (
            "A shooting at a bus stand in Bannu on Thursday claimed the lives of four people.",
            "Bannu",
            4,
        ),
        ("A drive-by shooting in Tank on Thursday killed a shopkeeper.", "Tank", 1),
    ],
)
def test_a_shooting_is_an_attack_and_claimed_lives_its_toll(text, place, deaths):
    df = violent(text, DATE)
    assert len(df) == 1
    assert place in df.iloc[0]["location"]
    assert df.iloc[0]["fatalities"] == deaths


def test_the_shooting_names_the_event_told_before():
    text = (
        "Five civilians were killed in an exchange of fire near Spin Boldak on Friday night.\n"
        "A police official said the shooting began from the Afghan side and troops returned "
        "fire near the Chaman crossing."
    )
    assert len(violent(text, DATE)) == 1


@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        ("Two gunmen on a motorcycle killed three people in Bannu on Thursday.", 3),
        (
            "A shooting targeting passenger vans in the Ochat area of Lower Kurram on Thursday "
            "killed 38 people.",
            38,
        ),
        ("One attacker wounded four policemen and killed a constable in Tank on Thursday.", 1),
    ],
)
def test_the_subject_of_an_active_verb_with_a_counted_object_is_no_victim(text, deaths):
    df = violent(text, DATE)
    assert len(df) == 1
    assert df.iloc[0]["fatalities"] == deaths


@pytest.mark.parametrize(
    ("bad", "good"),
    [
        ("Khyber Pakhtunkhwaโs Tirah Valley", "Khyber Pakhtunkhwa’s Tirah Valley"),
        ("Pakistanâ€™s army", "Pakistan’s army"),
        ("its โalarming disregard,โ citing", 'its "alarming disregard," citing'),
        ("â€œno commentâ€\x9d â€” he said", "“no comment” — he said"),
        ("Kurram — plain text stays", "Kurram — plain text stays"),
    ],
)
def test_mojibake_quote_marks_are_put_back(bad, good):
    assert repair_mojibake(bad) == good


def test_a_possessive_in_mojibake_still_places_the_event():
    text = (
        "At least 30 civilians were killed when jets carried out airstrikes in Khyber "
        "Pakhtunkhwaโs Tirah Valley early Monday."
    )
    df = violent(text, DATE)
    assert len(df) == 1
    assert "Tirah" in df.iloc[0]["location"]


@pytest.mark.parametrize(
    "text",
    [
        "In a devastating incident, at least 30 civilians were killed when jets carried out "
        "airstrikes in the Tirah Valley early Monday.\n"
        "The airstrikes in Khyber Pakhtunkhwa destroyed dozens of homes, residents said.",
        "In a deadly attack, militants killed four policemen at a check post in Tank district "
        "early Monday.\nThe attack in Khyber Pakhtunkhwa was claimed by the TTP.",
    ],
)
def test_a_lead_opened_by_in_a_deadly_incident_is_restated_at_its_province(text):
    df = violent(text, DATE)
    assert len(df) == 1
    assert "Khyber Pakhtunkhwa" not in df.iloc[0]["location"]


PK, AF = "Military Forces of Pakistan", "Afghan Taliban forces"


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "Pakistani and Afghan forces exchanged gunfire at the Torkham crossing overnight.\n"
            "The exchange of fire started when Taliban border forces opened fire unprovoked, "
            "prompting a response from Pakistani troops.",
            AF,
        ),
        (
            "Afghan and Pakistani border guards exchanged gunfire near Chaman on Thursday.\n"
            "Officials said the firing began when Pakistani troops opened fire on an Afghan "
            "post without provocation.",
            PK,
        ),
        (
            "Pakistani troops responded after Afghan forces opened fire on their posts near "
            "Angoor Adda on Thursday.",
            AF,
        ),
        (
            "Afghan border guards retaliated when Pakistani forces opened fire on their posts "
            "near Dand-e-Patan on Thursday.",
            PK,
        ),
    ],
)
def test_who_opened_fire_started_it(text, actor1):
    df = violent(text, DATE)
    assert len(df) == 1
    assert df.iloc[0]["actor1"] == actor1


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "The closure of the Torkham crossing for nearly a week has halted trade.\n"
            "Drivers said thousands of trucks were stuck on both sides.\n"
            "Afghan officials confirmed that Pakistan shut the border unilaterally.",
            PK,
        ),
        (
            "The Ghulam Khan crossing was closed on Tuesday.\n"
            "Pakistani officials said the Taliban had sealed their side of the crossing.",
            AF,
        ),
    ],
)
def test_a_closure_takes_the_country_said_to_have_shut_it(text, actor1):
    df = extract(text, article_date=DATE)
    rows = df[df["event_kind"].eq("border_closure")]
    assert len(rows) == 1
    assert rows.iloc[0]["actor1"] == actor1


@pytest.mark.parametrize(
    "text",
    [
        "On Thursday, Afghan forces shelled multiple locations along the contentious Durand Line.",
        "On Thursday, troops attacked posts along the controversial Durand Line.",
        "On Thursday, Afghan forces fired on positions all along the colonial-era border.",
    ],
)
def test_an_adjective_of_the_durand_line_keeps_it_the_whole_frontier(text):
    df = violent(text, DATE)
    assert len(df) == 1
    assert df.iloc[0]["geocode_method"] == "country"
    assert "frontier_wide" in df.iloc[0]["review_flags"]


@pytest.mark.parametrize(
    ("text", "place", "actor1"),
    [
        (
            "The military said on Tuesday the Afghan Taliban launched four drones across the "
            "border into Balochistan.",
            "Balochistan",
            AF,
        ),
        (
            "Two quadcopters that crossed from Afghanistan were shot down over North Waziristan "
            "on Tuesday, officials said.",
            "North Waziristan",
            None,
        ),
        ("Militants launched drones at a police station in Bannu on Tuesday.", "Bannu", None),
    ],
)
def test_drones_sent_over_the_line_are_a_drone_strike(text, place, actor1):
    df = violent(text, DATE)
    assert len(df) == 1
    r = df.iloc[0]
    assert place in r["location"]
    assert r["sub_event_type"] == "Air/drone strike"
    assert (None if pd.isna(r["actor1"]) else r["actor1"]) == actor1


def test_a_drone_programme_is_no_event():
    text = "Pakistan launched a drone programme in Peshawar on Tuesday to map farmland."
    assert violent(text, DATE).empty


@pytest.mark.parametrize(
    "text",
    [
        "Seven khwarij of Fitna al Khawarij were sent to hell in an intelligence-based "
        "operation in the Datta Khel area of North Waziristan on Tuesday.",
        "Four terrorists were neutralised during a search operation in Mamund tehsil of "
        "Bajaur on Tuesday.",
    ],
)
def test_militants_killed_in_an_operation_are_its_dead(text):
    df = violent(text, DATE)
    assert len(df) == 1
    assert df.iloc[0]["actor1"] == PK


def test_a_month_abbreviation_is_no_place():
    text = "At least 11 people were killed when a convoy was attacked in Noshki on Sunday (Mar 16)."
    df = violent(text, "2025-03-17")
    assert list(df["location"]) == ["Noshki"]


@pytest.mark.parametrize(
    "text",
    [
        "No target killing incident was reported in Bannu on Monday.",
        "No terrorist attack took place in Swat during the week.",
    ],
)
def test_a_negated_event_named_by_two_words_is_no_event(text):
    assert violent(text, DATE).empty


def test_an_anniversary_remembers_the_event_of_that_day():
    text = (
        "Pakistan on Monday observed the 10th anniversary of the Peshawar school attack.\n"
        "On December 16, 2014, six terrorists stormed the Army Public School in Peshawar, "
        "killing at least 147 people."
    )
    assert violent(text, "2024-12-16").empty


def test_an_old_event_of_another_day_in_a_timeline_is_kept():
    text = (
        "Tensions have a long history.\n"
        "On December 18, 2022, Afghan forces shelled Chaman, killing six civilians."
    )
    assert len(violent(text, "2024-12-16")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "During the last week, at least six attacks in Bannu, Tank and Lakki Marwat happened "
        "and all were repulsed, the police chief said.",
        "Tank and Lakki Marwat districts in southern Khyber Pakhtunkhwa have come under more "
        "attacks compared to other districts after the law and order situation worsened.",
        "Zhob has seen fewer attacks compared to Killa Saifullah since the fencing was completed.",
    ],
)
def test_a_tally_of_the_week_or_a_comparison_is_no_incident(text):
    assert violent(text, DATE).empty


def test_the_most_devastating_strike_is_still_an_incident():
    text = (
        "The most devastating strike occurred in the Gurbaz district of Khost on Monday "
        "night, killing ten civilians."
    )
    df = violent(text, DATE)
    assert len(df) == 1
    assert df.iloc[0]["fatalities"] == 10


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "A drone struck a house in Hurmaz village of Mir Ali tehsil on Monday, killing four "
            "children.\nResidents took the injured to the Razmak hospital.",
            "Hurmaz",
        ),
        (
            "Gunmen on a motorcycle shot dead a police officer in Tank on Monday while he was "
            "returning from his village in Lakki Marwat district.",
            "Tank",
        ),
        (
            "Afghan forces fired mortars at the Arandu village of Chitral on Monday, wounding "
            "six soldiers.\nThe attackers used armoured carriers to evacuate their dead to the "
            "Asadabad base.",
            "Arandu",
        ),
    ],
)
def test_where_the_wounded_went_or_the_victim_lived_is_no_scene(text, place):
    df = violent(text, DATE)
    assert len(df) == 1
    assert place in df.iloc[0]["location"]


@pytest.mark.parametrize(
    "text",
    [
        "The blast occurred near Jabbar Market in Killa Abdullah district of Balochistan on "
        "Sunday.",
        "The blast occurred in Jabbar Bazaar, Killa Abdullah district, on Sunday.",
    ],
)
def test_a_market_named_with_its_district_is_sought_there(text):
    df = violent(text, DATE)
    assert len(df) == 1
    assert df.iloc[0]["matched_name"] == "Killa Abdullah"


def test_what_came_days_after_is_an_earlier_event():
    text = (
        "A bomb killed four people in Chaman on Sunday.\n"
        "The blast came days after four Levies personnel lost their lives in a deadly gun "
        "attack on a check post in the Nal area of Khuzdar district."
    )
    df = violent(text, DATE)
    assert list(df["location"]) == ["Chaman"]


def test_citizens_killed_by_an_afghan_sentry():
    text = (
        "An Afghan sentry at the Chaman crossing opened unprovoked firing at pedestrians on "
        "Wednesday. Two Pakistani citizens, including a child, were martyred."
    )
    df = violent(text, DATE)
    assert len(df) == 1
    assert df.iloc[0]["fatalities"] == 2
    assert df.iloc[0]["actor1"] == AF


def test_targets_hit_in_a_described_list_of_places():
    text = (
        "The minister said Pakistani forces hit defence targets in the Afghan capital Kabul, "
        "the southern city of Kandahar and the southeastern province of Paktia on Friday."
    )
    df = violent(text, "2026-02-27")
    assert sorted(df["location"]) == ["Kabul", "Kandahar", "Paktia"]
    assert set(df["sub_event_type"]) == {"Air/drone strike"}


def test_a_village_of_a_district_is_still_inside_it():
    text = "A drone struck Haved, a village of Bannu district, on Friday, killing a woman."
    df = violent(text, "2026-02-27")
    assert len(df) == 1
    assert df.iloc[0]["admin2"].startswith("Bannu")


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan said it repulsed the attack on Wednesday and forced the militants to retreat "
        "into Afghanistan.",
        "The attackers fled across the border into Afghanistan on Wednesday, police said.",
    ],
)
def test_where_fighters_retreated_is_no_scene(text):
    assert not any(violent(text, DATE)["geocode_method"].eq("country"))


@pytest.mark.parametrize(
    "text",
    [
        "Separately, gunmen attacked a passenger van in Lower Kurram on Tuesday, killing "
        "seven people.\nPolice said the attackers opened fire on the van near Sadda and fled.",
        "Gunmen attacked a passenger van in Lower Kurram on Tuesday, killing seven people.\n"
        "According to police, the attackers opened fire on the van near Ahmad Khan Kalle and "
        "fled the scene.",
    ],
)
def test_the_attackers_told_again_next_sentence_are_one_incident(text):
    df = violent(text, DATE)
    assert len(df) == 1
    assert df.iloc[0]["fatalities"] == 7


def test_an_ibo_is_pakistans_and_one_more_kharji_is_counted():
    text = (
        "An intelligence-based operation was conducted by the security forces in the general "
        "area of Mir Ali on the reported presence of Khwarij.\n"
        "After an intense fire exchange, six Khwarij were neutralized.\n"
        "Another intelligence-based operation was conducted in the general area of Spinwam.\n"
        "In the ensuing fire exchange, one more Kharji was effectively neutralized."
    )
    df = violent(text, "2025-12-02")
    assert sorted(df["location"]) == ["Mir Ali", "Spinwam"]
    assert set(df["actor1"]) == {PK}
    assert sorted(df["fatalities"]) == [1, 6]


@pytest.mark.parametrize(
    "text",
    [
        "Police killed three militants during a search and strike operation in Lakki Marwat "
        "on Sunday.",
        "Troops launched a search-and-strike operation in Tank on Sunday, killing two militants.",
    ],
)
def test_a_search_and_strike_operation_is_on_the_ground(text):
    df = violent(text, DATE)
    assert list(df["event_kind"]) == ["armed_clash"]


def test_bunkers_razed_under_a_peace_deal_are_no_attack():
    text = (
        "Officials confirmed that 353 bunkers were razed in Lower Kurram under the peace "
        "deal, while 635 were destroyed in Upper Kurram."
    )
    assert violent(text, DATE).empty
    # a depot destroyed by an air force stays an attack
    assert not violent(
        "The air force destroyed an ammunition depot in Khost on Friday.", DATE
    ).empty


def test_an_earthquake_that_struck_is_no_strike():
    text = (
        "A powerful earthquake struck Afghanistan's Kunar province near the Pakistan border on "
        "Sunday, leaving at least 250 people dead and 500 injured."
    )
    assert violent(text, DATE).empty


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        (
            "At least five people were killed in Bannu after a verbal spat escalated into a "
            "gunfight on Sunday, police said.\nTwo groups exchanged gunfire in the Garhi Sher "
            "Ahmed area of Bannu district.",
            0,
        ),
        (
            "Two brothers were shot dead in Lakki Marwat on Sunday over an old family feud, "
            "police said.",
            0,
        ),
        (
            "Militants attacked a police post in Bannu on Sunday after a quarrel with "
            "policemen at a checkpoint, killing two constables.",
            1,
        ),
        (
            # a feud between tribes, clans or sects is communal conflict
            "Clashes between rival tribes in Kurram killed five people on Sunday.\nThe "
            "conflict erupted over a land dispute and has gone on for two days.",
            1,
        ),
        (
            "In Kurram, fighting has erupted between two opposing factions over a land "
            "dispute.\nThe clashes in Parachinar killed nine people on Sunday.",
            1,
        ),
    ],
)
def test_a_quarrel_turned_gunfight_is_crime(text, rows):
    df = violent(text, DATE)
    assert len(df) == rows


def test_the_date_and_toll_of_a_fronted_cause_are_its_own():
    text = (
        "In retaliation for an attack on Saturday that killed seven soldiers, Pakistani jets "
        "struck targets in Khost and Paktika."
    )
    df = violent(text, DATE)
    assert sorted(df["location"]) == ["Khost", "Paktika"]
    assert df["fatalities"].isna().all()
    assert all(str(d.date()) != "2025-10-11" for d in df["date"])


def test_a_groups_record_is_no_incident():
    text = (
        "According to the foreign ministry, the target of the strike in Afghanistan was the "
        "Hafiz Gul Bahadur group, which, like the TTP, has carried out numerous operations "
        "inside Pakistan."
    )
    assert not any(violent(text, DATE)["geocode_method"].eq("country"))


@pytest.mark.parametrize(
    "text",
    [
        "Jets bombed houses in Barmal on Sunday; three women and as many children were killed.",
        "Jets bombed houses in Barmal on Sunday, killing three women and as many children.",
    ],
)
def test_as_many_again_is_counted(text):
    df = violent(text, DATE)
    assert len(df) == 1
    assert df.iloc[0]["fatalities"] == 6


def test_a_claim_for_the_attack_told_before_is_that_attack():
    text = (
        "Seven soldiers were killed in an attack on a post in North Waziristan on Saturday.\n"
        "The Hafiz Gul Bahadur group had claimed responsibility for the deadly attack in North "
        "Waziristan."
    )
    df = violent(text, DATE)
    assert len(df) == 1
    assert df.iloc[0]["fatalities"] == 7


def test_strikes_along_the_border_after_strikes_on_kabul():
    text = (
        "The Taliban on Sunday claimed to have killed 58 Pakistani troops in retaliatory "
        "strikes along the border after Pakistan's recent airstrikes on Kabul, India Today "
        "reported."
    )
    df = violent(text, DATE)
    assert len(df) == 1
    r = df.iloc[0]
    assert r["geocode_method"] == "country"
    assert r["actor1"] == AF
    assert r["fatalities"] == 58


def test_a_place_named_as_a_contrast_is_no_site():
    text = (
        "The strike in Behsud on Sunday hit a settled residential area situated far from the "
        "established insurgent camps typically found in remote border zones like Bermal."
    )
    df = violent(text, DATE)
    assert list(df["location"]) == ["Behsud"]


def test_a_checkpoint_on_a_highway_in_a_district_is_one_row_of_four_dead():
    text = (
        "Militants attacked the Lachi checkpoint along the Indus Highway in Kohat on Tuesday, "
        "killing three police officers and a civilian before fleeing, police said."
    )
    df = violent(text, DATE)
    assert len(df) == 1
    assert df.iloc[0]["fatalities"] == 4


def test_returned_fire_places_the_lead():
    text = (
        "Terrorists attacked a roadside police checkpoint overnight in northwest Pakistan, "
        "killing three officers, police said on Thursday.\n"
        "Officers returned fire at the checkpoint in Hangu, a district in Khyber Pakhtunkhwa."
    )
    df = violent(text, "2025-11-27")
    assert list(df["location"]) == ["Hangu"]
    assert df.iloc[0]["fatalities"] == 3


def test_a_province_particularly_affected_places_the_strikes():
    text = (
        "Pakistani military strikes in two Afghan provinces resulted in at least 17 deaths, "
        "according to the Afghan defence ministry. Nangahar province was particularly affected."
    )
    df = violent(text, "2026-02-22")
    assert len(df) == 1
    assert df.iloc[0]["matched_name"] == "Nangarhar"
    assert df.iloc[0]["fatalities"] == 17


@pytest.mark.parametrize(
    "text",
    [
        "Afghan forces attacked Pakistani border troops on Thursday evening.",
        "On Thursday, Afghan border forces used heavy weapons to assault Pakistani military "
        "installations along the border in retaliation for the airstrikes.",
    ],
)
def test_fire_on_the_other_sides_border_troops_is_on_the_frontier(text):
    df = violent(text, DATE)
    assert len(df) == 1
    assert df.iloc[0]["geocode_method"] == "country"
    assert df.iloc[0]["actor1"] == AF


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "Four people were killed in a car bomb explosion in the Gulistan area of Qila "
            "Abdullah late Sunday.\nAdditional security personnel were deployed after the blast, "
            "and security was heightened across Qila Abdullah and Chaman.\nA few of the injured "
            "were being shifted to Quetta owing to the lack of facilities in the area.",
            ["Gulistan"],
        ),
        (
            "Jets struck houses in Khost early Monday, killing two women.\nThe strikes occurred "
            "the day after the president promised to act over the loss of seven soldiers in a "
            "terrorist attack on a post in North Waziristan.",
            ["Khost"],
        ),
        (
            "A bomb in Wana killed four on Thursday.\nIt happened a day after another deadly act "
            "of terror in Karak.\nIn that assault, gunmen opened fire on a Frontier Constabulary "
            "vehicle, killing three personnel.",
            ["Karak", "Wana"],
        ),
        (
            "A bomb explosion in Bajaur district's Khar tehsil on Wednesday killed five people.\n"
            "The district police officer said the blast targeted a government vehicle in the "
            "Zarghun Kalay area of Khar tehsil, killing five.",
            ["Khar"],
        ),
    ],
)
def test_what_follows_an_event_and_what_refers_back_to_it(text, places):
    df = violent(text, DATE)
    got = sorted(df["location"] + " " + df["matched_name"])
    assert len(got) == len(places)
    assert all(any(p in g for g in got) for p in places)


def test_compensation_for_the_victims_of_an_attack_is_no_incident():
    text = (
        "The finance minister on Friday announced that the government would pay Rs2 million "
        "as compensation to the families of each martyr from the Bajaur suicide attack at the "
        "workers' convention on July 30 (Sunday)."
    )
    assert violent(text, "2023-08-04").empty


def test_a_village_then_its_tehsil_then_its_district_is_one_site():
    text = (
        "Unknown gunmen killed a police officer guarding a polio team in Damadola, Mamund, "
        "Bajaur district on Wednesday."
    )
    df = violent(text, "2025-02-20")
    assert list(df["location"]) == ["Damadola"]
    assert df.iloc[0]["fatalities"] == 1


def test_a_toll_that_surged_is_the_toll():
    text = (
        "The death toll from a bomb blast that ripped through a mosque in Peshawar surged to 87 "
        "on Tuesday, a hospital spokesman said.\nThe last death toll reported on Monday was 59."
    )
    df = violent(text, "2023-01-31")
    assert len(df) == 1
    assert df.iloc[0]["fatalities"] == 87


@pytest.mark.parametrize(
    ("text", "district"),
    [
        (
            "Pakistani air strikes on Gayan district in Paktika province have killed at least "
            "11 people, officials said on Tuesday.\nThe strikes hit four villages, including "
            "Badar, where six members of a family were killed.",
            "Gayan",
        ),
        (
            "A series of air raids on Dangam district of Kunar province has left 12 dead, "
            "officials said on Monday.\nResidents said the attack destroyed houses in Kandao.",
            "Dangam",
        ),
    ],
)
def test_an_unknown_village_of_a_struck_district_is_that_district(text, district):
    df = violent(text, DATE)
    assert len(df) == 1
    row = df.iloc[0]
    assert row["geocode_method"] == "admin2"
    assert row["location"].startswith(district)
    assert row["event_kind"] == "air_strike"
    assert row["fatalities"] in (11, 12)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "The truce binds both sides to halt hostile acts, with follow-up negotiations slated "
            "for later this month in Istanbul.",
            [],
        ),
        ("A new round of talks set for later this week in Doha was announced.", []),
        ("Delegations of both countries held talks in Istanbul on Monday.", ["talks"]),
        (
            "Officials said the Ghulam Khan crossing has also been closed due to the fighting.",
            ["border_closure"],
        ),
    ],
)
def test_talks_slated_for_later_are_no_event(text, kinds):
    df = extract(text, article_date=DATE)
    assert list(df["event_kind"]) == kinds


def test_each_clause_of_a_round_up_keeps_its_own_event_word():
    text = (
        "A suicide bomber targeted a police convoy in Turbat, while troops killed three "
        "militants in Panjgur during an intelligence-based operation on Friday."
    )
    df = violent(text, DATE).set_index("location")
    assert df.loc["Turbat", "event_kind"] == "suicide_bombing"
    assert df.loc["Panjgur", "event_kind"] == "armed_clash"
    assert df.loc["Panjgur", "fatalities"] == 3


@pytest.mark.parametrize(
    "text",
    [
        "Militant groups thrive on attacking religious minorities, so the authorities must "
        "step up security in Chitral.",
        "The group is notorious for ambushing police convoys in Lakki Marwat.",
    ],
)
def test_a_trait_of_a_group_is_no_incident(text):
    assert violent(text, DATE).empty


@pytest.mark.parametrize(
    "text",
    [
        "A deadly cross-border intrusion on March 3 made headlines in Bajaur district.",
        "The armed invasion of posts in Bajaur district on March 3 was repulsed, the army said.",
    ],
)
def test_an_intrusion_or_invasion_is_an_attack(text):
    df = violent(text, "2024-03-06")
    assert list(df["event_kind"]) == ["attack"]
    assert df.iloc[0]["location"].startswith("Bajaur")


def test_the_parties_in_the_capital_are_no_site():
    text = (
        "While Islamabad says its concerns were raised with the relevant parties in Kabul, the "
        "interim foreign minister claims the attack was an isolated incident."
    )
    assert violent(text, DATE).empty


def test_a_namesake_outside_the_tehsil_named_is_the_tehsil():
    text = (
        "Unknown gunmen shot dead two vaccinators in the Tangi area of Mamund tehsil on Monday, "
        "police said."
    )
    df = violent(text, DATE)
    assert len(df) == 1
    assert df.iloc[0]["matched_name"] == "Mamund"
    assert df.iloc[0]["uncertainty_km"] < 20


@pytest.mark.parametrize(
    "follows",
    [
        "This confrontation follows recent Pakistani airstrikes on December 20, which targeted "
        "Gayan district of Paktika province.",
        "The latest fighting came after Pakistani jets bombed Gayan district on December 20.",
    ],
)
def test_what_the_news_follows_is_earlier_news(follows):
    text = (
        "Heavy clashes broke out late on Thursday in Dand Patan district of Paktia province, "
        "local sources said.\n" + follows
    )
    df = violent(text, "2024-12-28")
    assert list(df["location"]) == ["Dand Patan district"]


@pytest.mark.parametrize(
    "text",
    [
        "The report says that mortar fire and air strikes damaged homes in several provinces, "
        "including Kunar, Khost and Paktika.",
        "According to the mission's report, Pakistani forces shelled villages in Kunar and "
        "Nangarhar three times after the truce.",
    ],
)
def test_a_reports_findings_are_no_incident(text):
    assert violent(text, "2026-01-31").empty


def test_a_police_account_of_an_attack_is_still_one():
    text = "According to police, gunmen attacked a checkpost in Bannu on Monday, killing two."
    assert list(violent(text, DATE)["location"]) == ["Bannu"]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("Balochistan registered eight attacks, which left 19 people dead.", 0),
        ("Punjab and Sindh experienced low-level and high-profile attacks respectively.", 0),
        ("No deaths were recorded in the strikes on Urgun district on Sunday.", 1),
    ],
)
def test_a_places_record_of_attacks_is_a_tally(text, rows):
    assert len(violent(text, DATE)) == rows


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("The raid resulted in the tragic loss of at least 12 lives, officials said.", 12),
        (
            "One more victim died in hospital, raising the death toll from the Quetta bus bombing "
            "to nine.",
            9,
        ),
        ("A suicide bomber and three other militants were killed in the exchange of fire.", 4),
        ("Gunmen fatally shot three policemen and wounded one other in Tank.", 3),
        ("Militants shot and killed two guards at the post.", 2),
        ("At least 30 civilians have been reported killed in the strikes on Spera.", 30),
        ("Nine soldiers, having fought bravely, sacrificed their lives in the encounter.", 9),
        (
            "The raid ended in the loss of four valiant soldiers and the elimination of three "
            "attackers.",
            7,
        ),
        ("The operation led to the killing of five terrorists.", 5),
    ],
)
def test_more_ways_of_telling_the_dead(text, killed):
    from incidents._extract_counts import casualties_in

    assert casualties_in(text).killed == killed


def test_an_aerial_bombardment_is_an_air_strike():
    text = "On Monday evening an aerial bombardment struck villages in Gayan district of Paktika."
    assert list(violent(text, DATE)["event_kind"]) == ["air_strike"]


def test_an_event_named_by_an_earlier_year_is_history():
    text = (
        "He said the raid on the college could have been deadlier than the 2014 Army Public "
        "School attack in Peshawar."
    )
    assert violent(text, "2025-11-12").empty


def test_others_including_another_group_are_a_total():
    text = (
        "A suicide bomber hit a convoy in North Waziristan on Saturday, killing 12 soldiers and "
        "wounding 25 others, including civilians.\nThe blast also left 17 civilians injured, "
        "officials said."
    )
    df = violent(text, DATE)
    assert len(df) == 1
    assert df.iloc[0]["injuries"] == 25


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        (
            "Families who were displaced due to Pakistani rocket attacks in Kunar province have "
            "now returned to their villages.",
            0,
        ),
        (
            "Residents of Goshta and Lalpur districts have been displaced due to rocket attacks "
            "by Pakistan this week.",
            2,
        ),
    ],
)
def test_a_past_displacement_recalls_its_cause(text, rows):
    assert len(violent(text, DATE)) == rows


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        (
            "Border forces of both countries exchanged fire at the Torkhram border crossing on "
            "Monday morning.",
            "Torkham",
        ),
        ("Pakistani rockets killed four civilians in Shelton district on Friday.", None),
    ],
)
def test_a_misspelt_crossing_or_district_written_with_its_kind(text, matched):
    df = violent(text, DATE)
    assert len(df) == 1
    row = df.iloc[0]
    assert row["geocode_method"] == ("crossing" if matched else "admin2")
    if matched:
        assert row["matched_name"] == matched


def test_a_capital_named_as_a_source_is_no_site():
    text = (
        "According to Islamabad, the gunfight started after Taliban fighters opened fire at a "
        "Pakistani outpost in the border region."
    )
    assert "Islamabad" not in set(violent(text, DATE)["location"])


def test_what_was_reported_a_day_after_is_the_day_before():
    text = (
        "Taliban and Pakistani forces fought at the Torkham crossing on Monday morning.\n"
        "The gunfight has been reported a day after the Taliban closed the Torkham border "
        "crossing."
    )
    df = extract(text, article_date="2023-02-20")
    closure = df[df["event_kind"] == "border_closure"].iloc[0]
    assert str(closure["date"])[:10] <= "2023-02-19"


def test_what_the_news_comes_amid_is_its_backdrop():
    text = (
        "Afghan forces said they struck Pakistani posts overnight in the provinces of Kunar, "
        "Paktia and Khost.\nThe latest operations come amid days of heavy fighting along the "
        "border, particularly near crossings such as Torkham."
    )
    df = violent(text, DATE)
    assert set(df["location"]) == {"Kunar", "Paktia", "Khost"}


def test_a_day_counted_from_a_month_keeps_the_month():
    text = (
        "In November 2025, Kabul accused Pakistan of air strikes that killed ten civilians in "
        "Gurbuz district of Khost.\nThe strikes reportedly came one day after a suicide attack "
        "on a compound in Peshawar.\nFurther reports said strikes in Kunar province injured "
        "four more people."
    )
    df = violent(text, "2025-11-26").set_index("location")
    kunar = df.loc["Kunar province"]
    assert pd.notna(kunar["date_end"])
    assert str(kunar["date_end"])[:10] >= "2025-11-15"


def test_where_the_injured_are_transferred_is_no_site():
    text = (
        "The chief minister ordered officials to transfer the seriously injured to Karachi by "
        "air after the blast in Quetta on Tuesday."
    )
    assert "Karachi" not in set(violent(text, DATE)["location"])


@pytest.mark.parametrize(
    "text",
    [
        "Last week the army blamed the Afghan Taliban for abetting terror attacks inside "
        "Pakistan by hosting militant sanctuaries.",
        "Earlier this month, after the viral footage of a militant attack on a police post in "
        "Lakki Marwat showing an officer carrying a wounded colleague, tributes poured in.",
        "A fragile ceasefire brokered by Qatar has temporarily halted the fighting along the "
        "border, but talks have yet to produce a deal.",
    ],
)
def test_an_accusation_footage_or_a_truce_in_force_is_no_incident(text):
    assert extract(text, article_date=DATE).empty


def test_along_with_another_group_adds_to_the_count():
    from incidents._extract_counts import casualties_in

    c = casualties_in(
        "The bomb killed nine soldiers, injuring eight others, along with 12 civilians."
    )
    assert (c.killed, c.wounded) == (9, 20)


@pytest.mark.parametrize(
    "text",
    [
        "A blast near the Frontier Corps headquarters in Balochistan's capital Quetta killed "
        "ten people on Tuesday.",
        "A bomb went off outside a Frontier Constabulary post in Khyber Pakhtunkhwa's capital "
        "Peshawar on Tuesday, killing two.",
    ],
)
def test_a_body_named_after_the_frontier_and_a_provinces_capital(text):
    df = violent(text, DATE)
    assert len(df) == 1
    assert df.iloc[0]["location"] in ("Quetta", "Peshawar")


def test_a_patronym_is_no_place():
    text = (
        "Gunmen killed five labourers in the Khudabadan area of Panjgur on Sunday.\nThe only "
        "survivor, identified as Muhammad Ramzan, son of Allah Yar, was critically injured."
    )
    assert "Allah Yar" not in set(violent(text, DATE)["location"])


@pytest.mark.parametrize(
    ("text", "not_site"),
    [
        (
            "A roadside bomb killed four people in Mir Ali on Monday. The critically injured "
            "were transferred to Bannu hospital, police said.",
            "Bannu",
        ),
        (
            "Gunmen opened fire on a passenger coach coming from Karachi to Quetta in the "
            "Nemargh area of Kalat on Tuesday, killing three.",
            "Quetta",
        ),
    ],
)
def test_a_hospital_transfer_or_a_routes_end_is_no_site(text, not_site):
    df = violent(text, DATE)
    assert len(df) >= 1
    assert not_site not in set(df["location"])


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        (
            "Residents of the Tirah valley in Khyber district began leaving on Friday ahead of "
            "a planned security operation against militants.",
            0,
        ),
        ("Villagers in Bajaur feared an impending military offensive in Mamund tehsil.", 0),
        (
            "Further casualties are likely after air strikes on Khost on Monday, officials said.",
            1,
        ),
    ],
)
def test_violence_still_to_come_is_no_incident(text, rows):
    assert len(violent(text, DATE)) == rows


def test_a_comment_joined_by_and_names_no_site():
    text = (
        "Four Levies men were killed in an attack on the Samand checkpost in the Khuzdar "
        "district.\nGunmen "
        "opened fire on the checkpoint early Saturday, leading to the loss of lives and "
        "raising serious security concerns in the region."
    )
    df = violent(text, DATE)
    assert len(df) == 1


def test_a_rise_in_attacks_of_several_words_is_a_trend():
    text = (
        "Rights groups criticised the government amid a disturbing rise in suspected drone and "
        "quadcopter attacks in Khyber Pakhtunkhwa and parts of Balochistan."
    )
    assert violent(text, DATE).empty


def test_a_bare_strike_after_an_unplaced_bombing_is_that_bombing():
    text = (
        "At least 20 soldiers were killed in a suicide bombing at an army post on Tuesday, "
        "an official said.\nThe early-morning strike targeted a base in Tank district, close "
        "to the border."
    )
    df = violent(text, DATE)
    assert list(df["event_kind"]) == ["suicide_bombing"]
    assert df.iloc[0]["fatalities"] == 20


def test_a_further_number_injured_is_counted():
    from incidents._extract_counts import casualties_in

    c = casualties_in("The toll stood at 40, while a further 25 people had been reported injured.")
    assert (c.killed, c.wounded) == (40, 25)
