"""More wordings of real reports that the rules had not seen, as general rules (the
continuation of ``test_extract_wording.py``).  Every sentence is a paraphrase written
for the test.

- a decision told as the news ("the board's decision to pull out came after two
  players were killed in a drone strike", "announced its withdrawal following the
  deaths of X in Y"): the killing is its cause, and so is the means it names ("killed
  in a drone strike"): no row;
- English words that open a sentence ("Both", "That", "Many", "Such", "Here", "But")
  are never places, though some village carries them as an alternate name;
- "jets struck Afghan territory on Friday" and then "four shepherds from X district
  were killed": the killing at X is the air strike, told first without its place;
- a past month part named without its year ("in late December the group launched
  raids", told in October) is last year's, not the December to come (a month to come
  stays this year's when the clause says so: "talks are scheduled for late November");
- "killed 40 soldiers in a retaliatory overnight border operation" (up to three words
  before "border operation", singular or plural) is an event on the frontier when
  the sentence names no place; a foreign dateline ("ERBIL, Kurdistan Region of Iraq -")
  is never its place;
- counts: "seven border officials and a driver were wounded" is eight (officials of
  the forces are a group, not a total); "injuries to two guards and a passer-by" three;
  "injuries to another constable" one; "a guard lost his life" one; "left 14 coal
  miners dead" and "the deaths of 14 miners" fourteen;
- "Elsewhere," / "Meanwhile," / "Earlier on Monday," opening a sentence starts another
  incident: the placeless counts told before it are not its own;
- a province named for its capital ("in Khyber Pakhtunkhwa's capital", "Pakistan's
  Balochistan capital", "the provincial capital of Paktika") is the province's seat
  (its GeoNames PPLA town), not the province; "Balochistan's capital Quetta" stays
  Quetta;
- where a train or bus was leaving for ("as the train was about to depart from the
  platform for X", "the bus had left for X") and where victims came from with a compass
  word ("civilians from eastern X province") are no sites; a vehicle that "struck an old
  mine" is the mine's blast, not an air strike;
- one person told without a number counts one: "his cousin, X, lost his life", "another
  man, named as X, was wounded", "the driver was hurt", "Ali Raza was shot and killed",
  "leaving him seriously injured", "the martyrdom of one guard and injuries to another";
- "... a police station in northwest Pakistan" / "The incident occurred at X police
  station in Y tehsil, located in Z district of P province": the row goes to the finest
  of the nested places the next sentence gives (Y), not left at the region;
- "brings the month's toll to 12 dead and 60 injured", "took this year's death toll to
  300": a running total over many events, no count of this one ("raising the death toll
  to 10" still counts);
- deaths after a natural hazard "struck" or "hit" a place ("ten of one family were killed
  after an avalanche struck X") are no violence; talks "ahead of" which something else
  is told are to come, no event; "this weekend" told on a weekday is the weekend to come
  (never a window that ends before it starts);
- "injuring another two", "wounded a further three" count; "police recovered nine bodies"
  counts the dead; "killed eight militants ... the eight men died" is eight (a plain noun
  after "the" names the people counted before; "the six attackers were shot dead" keeps
  its group);
- "in the X general area of Y district" is X read inside Y (as "the X area of Y"), not a
  namesake of X elsewhere;
- "launched a coordinated offensive on <day> along the Durand Line" is an attack on the
  frontier ("offensive remarks" and a season's named "Spring Offensive" are none); what
  militants "wanted to attack" or "plotted to bomb" did not happen;
- a yearless day/month after "on", "of" or "dated" ("on 19/10", "in the early hours of
  25/11") is that day, day first ("a 3/4 majority" is no date);
- "a ceasefire brokered by X briefly eased tensions" tells what an older truce did, no
  new ceasefire ("a ceasefire was agreed in Doha on Sunday" is one);
- a toll over a week or a month across several units ("37 civilians were killed this
  week in Afghan provinces bordering Pakistan, including A, B and C") is a tally, no row
  per province; "in the Afghan capital" and "in Pakistan's capital" are Kabul and
  Islamabad;
- aircraft "raining bombs upon homes in X" or jets that "dropped bombs on X" are air
  strikes; "in retaliation for the attacks on Afghan soil" puts the cause there, not the
  reply (the reply, "targeted Pakistani posts", is on the frontier); "in the preceding
  month" is the month before;
- a facility named before its place ("at FC Compound Zhob", "stormed Police Station
  Daraban") is at that place;
- "the X area of Y, Z district" with Y known only as one of many namesakes is read inside
  Z (the comma locates, not lists);
- one death toll (two or more) told twice within two sentences at places inside each
  other's circle ("a sit-in over the deaths of four children in X tehsil" / "the strike
  hit X's Y village, leaving four children dead") is one incident (a toll of one, or
  a sentence opening "In another attack", is no such sign);
- sides: "security forces killed eight militants attempting to infiltrate from
  Afghanistan" is Pakistan's forces (where the militants came from is no agent), so is
  "troops gunned down four terrorists in X" in Pakistan; "mortar fire from Pakistani
  territory" is Pakistan's; "Afghan Border Forces" (capitalised) are Afghan forces; the
  sentence's subject claiming the killing for itself ("the Taliban government said it had
  killed 58 Pakistani soldiers", "the Taliban regime reported killing ...") is the agent,
  not the victims' side (a clause ", as Pakistan's army claimed killing 40" is its own);
- "halted cross-border traffic at X", "suspended all traffic at the X crossing" close the
  crossing ("halted traffic on the highway in Bannu" after a blast closes none);
- a headline (a short first line with no full stop) telling "Border clashes leave 15
  civilians dead" summarises the one placed incident of the lead sentences after it: one
  row, with the headline's toll (a lead *sentence* naming a clash along the border keeps
  its own row);
- a toll "taken to seven" below an earlier "at least 11 people, including four
  militants, were killed" counts a part of them: the larger stated total stands (a toll
  that "later rose to nine" after "five were killed" is nine).
- locative "there" right after an event verb ("halted cross-border traffic there",
  "two guards were killed there") is the site named in the sentence before; "there were
  clashes" (existential) and "a new post there" (no event verb) are no reference;
- "the X-Y border crossing", named by the towns at its two ends, is the crossing (one
  end read as a crossing, the other beside it), and a local source's place no longer
  stands in for it; "X-Y road" stays a road;
- "... was killed at the crossing a week earlier." (closing its clause) is a week before
  the date told before it, give or take a day;
- "Afghan forces seized 15 posts along the border." then "These include two positions in
  X, three in Y ..." (or "Among them were ..."): one row per place listed, of the event
  told before, with its agent and day; a sentence opening so after no event gives none;
- a province's name written right before a district's ("in Konar Naray district",
  "Paktika Barmal district") is that district, read inside the province;
- "strikes on Kabul, the Taliban stronghold of Kandahar, and other towns": a list of
  places each with its description (stronghold, heartland, hub, birthplace ...), not
  Kabul read as a namesake inside Kandahar;
- "militants attempted to strike X, Y and Z using drones", "tried to attack the X police
  station": the verb's plain form places its object like "struck X" does (what militants
  "wanted to attack" stays no event);
- undated opening news followed, sentences later, by an event dated four or more days
  before the article ("On the night between Saturday and Sunday, ...") does not take
  that older event's date;
- fighting told as the cause of an uprooting ("Ongoing confrontations along the border
  have triggered displacement", "... have forced hundreds of families to flee") and
  "amid the recent escalation in hostilities" are a humanitarian story's backdrop, no
  incident;
- "protesters closed all government institutions in the border town of X", "traders shut
  their shops at X crossing": what was closed is no border or crossing, no closure row;
- a closure that "has remained shut for fifteen consecutive days" is dated by its running
  count (as "for a fourth day"; "for two weeks" stays a state); "suspending transit
  trade" at crossings "including X and Y" closes each;
- "in Afghan provinces like X and Y" lists both (as "such as");
- undated opening news of any kind ("A round of talks was held in Doha") does not take
  the date of an older clash told sentences after it;
- a name that is the subject of its closure ("The Torkham border has remained shut") is
  the closure's place ("Islamabad has closed a key crossing" is not: the capital acts);
- "The jirga convenes amid rising violence in X and Y, including a recent attack on a coal
  mine that left 21 dead": the trend and its example are the backdrop, no incident;
- "Naik X, 30, resident of District Lakki Marwat": a soldier's home district, written
  unit word first, is no site;
- "troops exchange fire routinely on the border": a habit, no incident;
- "In X province, the border was closed after forces exchanged fire in the Y border
  area": the closure is at the crossing the sentence names, not the province;
- "a mortar shell hit two houses shortly before Iftar on Thursday in X": the hour of
  the event (before Iftar, the prayers; shortly, just, minutes before), not its past;
- "a boy lost his life in an accidental hand grenade blast" is an accident, no incident
  ("militants planted a bomb that went off" stays one); "the total figure of targeted
  children" (a vaccination campaign's) is no attack;
- a wire dateline with the region in brackets ("Quetta (Balochistan), October 20
  (Agency): ...") is the dateline: its date is the report's, not the events';
- "in X, which is part of the Y province" / "X, located in Y district": Y holds X (a
  namesake of X elsewhere is not read);
- a heading line ending in a full date ("Geopolitical Briefing: Pakistan – 12 October
  2025") dates the section after it: "on Sunday", "earlier in the week" count from that
  day, not from the article's;
- a headline's or brief's present tense closes a crossing ("Islamabad shuts Torkham,
  Chaman and other crossings"); "closes a main border crossing" names no village "Main";
- "an anti-polio worker in X district was shot in the head" is an attack on a person (as
  "shot dead"); "a drone was shot down" is not;
- people named after "namely", "identified as" ("two labourers, namely Amanullah and ...")
  are no places; "for the residents of X" is no site, but "residents of X reported shots"
  are witnesses at the scene;
- "in the X area of tehsil Y", "the X area of district Y" (the unit word first after
  "of") read X inside Y; "an area bordering Punjab's Mianwali district" describes, it is
  no site;
- where an attacker came from ("the third bomber, Najibullah, from Musa Khel in Khost
  province, drove the vehicle") and "revealed his location as X" are no sites (nor is
  the unit holding that place);
- a description referring back to a village ("... in the area") is read where the
  village is read inside the district the article names, not at the village's
  countrywide namesake radius;
- talks told as "a week of informal meetings in X", "a trilateral meeting", "a meeting of
  the Joint Coordination Committee" are talks ("chaired a meeting at his office" is not);
  "talks are taking place in the northwestern city of X" places them; "have previously
  confirmed that ..." dates the saying, not the talks; Urumqi is a venue abroad;
- a dateline town ("BANNU: ...") names its district among the article's units: a village
  told later is read inside it (not a countrywide namesake), though a name far from
  every other unit is not placed at the dateline's district;
- a place name opening an organisation's ("the Sui Northern Gas Pipeline Company's team")
  is no place;
- a toll "in two separate operations in X province" is of them all: the one district
  row told after it does not take it as its own count;
- "Trade, as well as pedestrian movement, was blocked along the X crossing", "Taliban
  stop all movement on the X crossing" close it;
- "the explosion was heard as far as 25 kilometres away in X" does not place it at X ("an
  explosion heard in Kabul" does);
- "in the area" referring back to a name the article placed beside its units ("the
  Gulistan area of Qila Abdullah district") is that place, not a namesake across the line;
- in a statistics report (three or more sentences counting ten or more attacks or
  fatalities, or shares of them), a province-wide row on no day of its own is a tally, no
  incident ("27 terrorist incidents occurred across the province, followed by 17 in
  Balochistan"); a district's dated incident in the same report stays;
- fighting told as what hurt trade ("Violent clashes on the border have brought trade to a
  halt") or as the cause of a state ("border closures, triggered by clashes between the
  two countries") is a backdrop, no incident;
- casualties counted over many incidents ("901 fatalities and 599 injuries ... in a total
  of 329 incidents of violence") are no count of the incident told before them;
- "later that month", "in the same month", "earlier that year" are the month or year of
  the date told before, not the article's (a strike "in October" and "later that month"
  clashes, told in late November, are both October's);
- a truce agreed in a place written first, with a capital ("In Bajaur district, the two
  sides agreed to a truce"), is that place's, not the whole frontier's;
- fighting told over a span of years ("fought a counter-insurgency across two decades",
  "clashed with insurgents in Swat over several years") is a campaign, no incident;
- a closure or attack told as an example of a habit the story is set against ("amid
  frequent disruptions at key crossings, including Chaman, which stayed shut for weeks")
  is a backdrop, no incident;
- an undated closure told as a state of now ("the crossings have all been sealed",
  "Chaman remains shut") after a dated lead holds from the lead's day to the article
  date, not the lead's day alone; the last crossing of the list before "have all been
  sealed" is one of them;
- "The clashes stopped briefly on Sunday, but the fighting soon resumed": the day of a
  pause is not the day of the fighting told after it (no lead date for undated rows);
- "agreed to a ceasefire until March 11", "effective till October 20": the end of a
  term, not the day of the agreement (no planned row on that day);
- "militants have been crossing over for the last many years and launching attacks in
  A, B and C", "the army spares no opportunity to launch assaults": a habit or a trait,
  no incident;
- a capability had or lacked ("an inability to carry out large attacks in X", "the
  group's capacity to strike in Y") is no incident;
- "On the night after the blasts in Kabul, Afghan forces attacked posts in A and B"
  with "On October 8, tensions rose after blasts in Kabul" told elsewhere: the attacks
  are of the night of October 8, not of the article's news weeks later (the day of the
  event named is read from the sentence that dates it);
- "Forces trade fire at the Torkham border" and "both sides used artillery at Torkham":
  two records of one crossing (its feature and the crossing) are one place, so one
  exchange, not a clash and a shelling;
- "The firing led to the closure of the border" / "The border was shut" after a crossing
  was named: the closure of that crossing (with no crossing named before, no closure
  row);
- "the Pak-Afghan Kharlachi crossing", "the Pakistan-Afghanistan Torkham border": whose
  border a crossing is on, written before its name, does not glue it into a longer name;
- "the deputy commissioner of X district survived an attack in Y area": the office's
  district is no site when the sentence names another ("a mortar attack killed two, the
  governor of X district told reporters" alone still places it at X);
- a date written as an attribute of a noun ("candidates running in the February 8
  general elections") does not date the event of its sentence; "Earlier on the same
  day" is the day told before; a death told as the reason for something else ("polls
  were postponed due to the death of a candidate") is no killing;
- "The Taliban firing comes days after Pakistani strikes along the border": the firing
  told again takes no place from its cause's frontier phrase;
- "Troops foiled an infiltration bid by militants in X district on Sunday." / "They
  engaged the militants during an operation on the border": one fight told from the
  other side, at one point on the border next to it, not a frontier-wide clash;
- "in Tirah valley of district Khyber": a valley whose point lies in a neighbouring
  district but whose extent reaches the one named is that valley, not the district;
- "Shops in X opened on Tuesday after two days of gunfights": days of fighting told as
  what came before the news are no incident of that day;
- talks someone will seek ("he would send a delegation of elders to Kabul for talks"),
  "strained ... due to frequent border skirmishes" (a habit), and where a speaker said
  something ("Omari said during an Iftar gathering in Khost") are no events or sites;
- a long list of places after its event word ("operations have been launched by the X
  through the 203 Corps at various points in the provinces of A, B, C and D") goes on
  past the reach of the event word: every item is a site;
- a wire photo's caption with its credit cut off ("Mourners attend funeral prayers for
  the victims of a bombing, in Bannu, Pakistan March 5, 2025.") neither reports nor
  dates the event: "late Tuesday night" in the next sentence does;
- a wire dateline with the country in brackets ("Khyber Pakhtunkhwa [Pakistan], January
  3 : ...") is a dateline: its day is the filing day, and "reported on Tuesday" in the
  sentence dates the event (that day or the day before);
- a jirga of the two countries ("a Pak-Afghan jirga held at the Torkham crossing", "a
  joint grand tribal jirga") is talks, and the ceasefire it agreed is placed there (a
  district's own tribal jirga is not read as talks: "a jirga of Kurram elders");
- "Chaman, a key crossing between southeastern Afghanistan's Kandahar province and
  Pakistan's Balochistan": the provinces at the two ends of a crossing or a route
  describe it, they are no sites ("the crossing between Chaman and Spin Boldak" still
  names the crossing by its towns);
- talks two sides "can hold in Doha" are a possibility; "unlike earlier rounds held in
  Doha or Istanbul" is history; "intelligence sources in Islamabad told dpa" is where the
  speakers are (the scene only when the sentence names no other place);
- "the ministry pledged to avenge the attack on X", "swore to avenge": a revenge
  promised is no event at X;
- "the third suicide bomber ... was identified as X, a citizen of Khost Province": a
  nationality or citizenship is no site;
- "..., an attack Islamabad links to the Hafiz Gul Bahadur faction": a capital that links
  or attributes is a seat, no site;
- "jets launched a series of air strikes on Paktika province." / "The strike, which took
  place on the night of December 24, targeted villages including Barmal": the province
  row with no day of its own restates the finer, dated row told right after it;
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from extract_rows import violent

from incidents.extract import extract

DATE = "2025-10-14"


@pytest.mark.parametrize(
    "text",
    [
        "The club's decision to pull out of the league came after two of its players were "
        "killed in a drone strike in Khost province last week.",
        "The federation announced its withdrawal from the tournament following the deaths of "
        "four athletes in Kunar province.",
        "The boycott came days after three students were killed in a bomb blast in Bannu.",
    ],
)
def test_a_decision_told_as_the_news_makes_its_cause_no_row(text):
    assert violent(text, DATE).empty


def test_a_strike_that_is_the_news_keeps_its_means():
    text = "Two players were killed in a drone strike in Khost province on Sunday."
    df = violent(text, DATE)
    assert len(df) == 1 and df.iloc[0]["fatalities"] == 2


@pytest.mark.parametrize(
    "text",
    [
        "Both nations will hold truce talks in Doha.",
        "That was the third attack on the post this month.",
        "Many were wounded, officials said.",
        "Such incidents have risen since the ceasefire ended.",
        "Here, residents said the shelling went on all night.",
        "But the army denied any role in the strike.",
        "Their homes were destroyed in the shelling.",
    ],
)
def test_a_function_word_opening_a_sentence_is_no_place(text):
    from incidents.geocode import Geocoder

    first = text.split()[0].strip(",")
    names = [m.text for m in Geocoder.default().find_mentions(text)]
    assert first not in names


def test_a_killing_placed_later_takes_the_kind_of_its_wide_telling():
    text = (
        "Pakistani jets struck Afghan territory on Friday night, killing at least 10 people."
        "\nFour shepherds from Barmal district in Paktika province were killed, a local "
        "official said."
    )
    df = violent(text, DATE)
    assert list(df["event_kind"]) == ["air_strike"]
    assert df.iloc[0]["location"].startswith("Barmal")


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("In late December the group launched similar raids in Khost.", dt.date(2024, 12, 21)),
        ("Militants in mid-November stormed a post in Bajaur.", dt.date(2024, 11, 11)),
        ("The attacks in early December killed six.", dt.date(2024, 12, 1)),
        ("Talks are scheduled for late November in Doha.", dt.date(2025, 11, 21)),
        ("The clashes in late October left 20 dead.", dt.date(2025, 10, 21)),
        ("In early September a drone hit a house in Mir Ali.", dt.date(2025, 9, 1)),
    ],
)
def test_a_past_month_part_without_a_year_is_the_last_one(text, first):
    from incidents._extract_dates import find_dates

    (span,) = [d for d in find_dates(text, dt.date(2025, 10, 12)) if d.first is not None]
    assert span.first == first


@pytest.mark.parametrize(
    "text",
    [
        "The Taliban said on Sunday they had killed 40 Pakistani soldiers in a retaliatory "
        "overnight border operation.",
        "ERBIL, Kurdistan Region of Iraq - The Taliban said on Sunday they had killed 40 "
        "Pakistani soldiers in a retaliatory overnight border operation.",
        "Pakistan said its troops killed 30 attackers in a massive border operation on Sunday.",
    ],
)
def test_a_border_operation_with_no_place_is_on_the_frontier(text):
    df = violent(text, DATE)
    assert len(df) == 1
    assert df.iloc[0]["matched_name"].startswith("Afghanistan-Pakistan frontier")


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("Seven border officials and a driver were wounded in the blast.", None, 8),
        ("The firing caused injuries to two guards and a passer-by.", None, 3),
        ("The shooting resulted in injuries to another constable.", None, 1),
        ("A guard lost his life and two constables were hurt.", 1, 2),
        ("The explosion left 14 coal miners dead.", 14, None),
        ("The attack led to the deaths of at least 14 miners.", 14, None),
    ],
)
def test_more_casualty_wordings_are_counted(text, killed, wounded):
    from incidents._extract_counts import casualties_in

    c = casualties_in(text)
    assert (c.killed, c.wounded) == (killed, wounded)


def test_counts_before_an_elsewhere_sentence_are_not_its_own():
    text = (
        "Gunmen stormed a police station in Bhag town on Monday night.\n"
        "Two constables were injured.\n"
        "Earlier on Monday, militants had attacked a convoy in Kech district with a roadside "
        "bomb.\n"
        "Five guards and a driver were injured in the blast."
    )
    df = violent(text, DATE)
    kech = df[df["location"].str.startswith("Kech")]
    assert len(kech) == 1 and kech.iloc[0]["injuries"] == 6


# Wikipedia coordinates of the provincial capitals
_SEATS = {
    "Peshawar": (34.0150, 71.5805),
    "Quetta": (30.1830, 66.9990),
    "Sharana": (33.1364, 68.7316),
}


@pytest.mark.parametrize(
    ("text", "seat"),
    [
        (
            "A bomb went off near a police van in Khyber Pakhtunkhwa's capital on Sunday, "
            "killing six people.",
            "Peshawar",
        ),
        ("A blast in Pakistan's Balochistan capital on Sunday killed six people.", "Quetta"),
        (
            "A suicide bomber struck a bazaar in the provincial capital of Paktika province on "
            "Sunday, killing six.",
            "Sharana",
        ),
        ("A blast in Balochistan's capital Quetta on Sunday killed six people.", "Quetta"),
    ],
)
def test_a_province_named_for_its_capital_is_its_seat(text, seat):
    from incidents._gazetteer import haversine_km

    df = violent(text, DATE)
    assert len(df) == 1
    r = df.iloc[0]
    assert float(haversine_km(r["latitude"], r["longitude"], *_SEATS[seat])) < 15


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "A blast at Quetta railway station on Saturday killed 20 people.\nThe blast "
            "happened as a train was getting ready to depart from the platform to Peshawar.",
            ["Quetta"],
        ),
        (
            "A landmine killed five people in Dara-I-Nur district on Thursday. The victims "
            "were villagers from eastern Nuristan province, whose vehicle struck an old mine.",
            ["Dara-I-Nur"],
        ),
    ],
)
def test_a_destination_or_a_home_province_is_no_site(text, places):
    df = violent(text, DATE)
    assert sorted(df["matched_name"]) == places
    assert "air_strike" not in set(df["event_kind"])


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("His cousin, Noor Ali, also lost his life in the firing.", 1, None),
        ("Another man, named as Gul Zaman, was wounded in the attack.", None, 1),
        ("Two guards were killed and the driver was hurt.", 2, 1),
        ("Ali Raza Khan was shot and killed outside his home.", 1, None),
        ("Gunmen fired at the candidate, leaving him seriously injured.", None, 1),
        ("The firing caused the martyrdom of one guard and injuries to another.", 1, 1),
        ("The Taliban spokesman was briefed on the attack.", None, None),
    ],
)
def test_one_person_told_without_a_number_counts_one(text, killed, wounded):
    from incidents._extract_counts import casualties_in

    c = casualties_in(text)
    assert (c.killed, c.wounded) == (killed, wounded)


def test_the_finest_of_nested_places_told_next_places_the_row():
    text = (
        "At least eight policemen were killed when militants stormed a police station in "
        "northwest Pakistan on Monday.\nThe incident took place at the Kot police station in "
        "Daraban tehsil, located in the Dera Ismail Khan district of Khyber Pakhtunkhwa province."
    )
    df = violent(text, DATE)
    assert list(df["matched_name"]) == ["Daraban"]


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        (
            "The latest attack brings the month's toll to 14 dead and more than 50 injured.",
            None,
            None,
        ),
        ("The strike took this year's death toll in the district to 300.", None, None),
        ("Three guards were killed, bringing the overall tally to 41.", 3, None),
        ("The blast killed four, raising the death toll to 10.", 10, None),
    ],
)
def test_a_running_total_over_a_period_is_no_count(text, killed, wounded):
    from incidents._extract_counts import casualties_in

    c = casualties_in(text)
    assert (c.killed, c.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    "text",
    [
        "At least nine members of one family were killed after an avalanche struck a "
        "village in Upper Chitral on Sunday.",
        "Six people died when a flash flood hit the Tirah valley on Sunday.",
        "But ahead of talks in Doha this weekend, few expected a breakthrough on the border.",
    ],
)
def test_a_natural_hazard_or_talks_to_come_give_no_row(text):
    assert extract(text, article_date="2025-10-24").empty


def test_this_weekend_told_on_a_weekday_is_the_weekend_to_come():
    from incidents._extract_dates import find_dates

    (d,) = find_dates("Talks will be held this weekend.", dt.date(2025, 10, 24))
    assert (d.first, d.last) == (dt.date(2025, 10, 25), dt.date(2025, 10, 26))


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("Gunmen fired on the van, killing one man and injuring another two.", 1, 2),
        ("The blast killed two soldiers and wounded a further three.", 2, 3),
        ("Police recovered nine bodies near the highway.", 9, None),
        ("Troops killed six militants. The six men died in a fierce gunfight.", 6, None),
        ("Five soldiers were killed. All the four attackers were shot dead.", 9, None),
    ],
)
def test_further_counts_and_the_same_people_named_again(text, killed, wounded):
    from incidents._extract_counts import Casualties, counts_in, total

    cs = [c for s in text.split(". ") for c in counts_in(s)]
    c = Casualties(total(cs, "killed"), total(cs, "wounded"), ())
    assert (c.killed, c.wounded) == (killed, wounded)


def test_the_general_area_of_a_district_holds_the_site():
    text = (
        "A suicide attack on a convoy in the Jani Khel general area of Bannu district "
        "killed nine soldiers on Thursday."
    )
    df = violent(text, DATE)
    assert len(df) == 1
    # inside Bannu district (about 70.2-70.9 E), not the Jani Khel district of Paktika (68.4 E)
    assert abs(df.iloc[0]["longitude"] - 70.5) < 0.5


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("Afghan forces launched a coordinated offensive on Sunday along the Durand Line.", 1),
        ("The group mounted a large-scale offensive on Sunday along the border.", 1),
        ("The minister made offensive remarks in Kabul on Sunday.", 0),
        ("The Taliban launched the Spring Offensive in Paktia on 1 May 2021.", 0),
        ("Police said the militants wanted to attack a police station in Bannu.", 0),
        ("The cell had plotted to bomb a market in Quetta, officials said on Sunday.", 0),
    ],
)
def test_an_offensive_launched_is_an_attack_and_a_wish_is_none(text, rows):
    assert len(violent(text, DATE)) == rows


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The sides agreed a ceasefire in Doha on 19/10.", dt.date(2025, 10, 19)),
        ("Jets bombed a house in the early hours of 25/11, killing ten.", dt.date(2025, 11, 25)),
        ("A statement dated 3/11 said two guards died.", dt.date(2025, 11, 3)),
        ("A 3/4 majority of the jirga backed the truce.", None),
    ],
)
def test_a_yearless_day_and_month_in_figures(text, day):
    from incidents._extract_dates import find_dates

    days = [d.first for d in find_dates(text, dt.date(2025, 11, 25)) if d.first is not None]
    assert days == ([day] if day else [])


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("A ceasefire brokered by Qatar briefly eased tensions along the frontier.", 0),
        ("A truce mediated by elders temporarily halted the fighting in Kurram.", 0),
        ("A ceasefire was agreed in Doha on Sunday.", 1),
        # a truce shattered or wrecked ended; none was agreed (ND6, wave 71)
        ("The strikes shattered a fragile ceasefire.", 0),
        ("The new demands of the two sides have wrecked the truce.", 0),
    ],
)
def test_what_an_older_truce_did_is_no_new_ceasefire(text, rows):
    assert len(extract(text, article_date="2025-11-25")) == rows


def test_a_weekly_toll_across_provinces_is_a_tally():
    text = (
        "The UN said 30 civilians were killed and 200 wounded this week in Afghan provinces "
        "along the border, including Paktia, Khost, Kunar and Kandahar."
    )
    assert violent(text, DATE).empty


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("A drone struck a market in the Afghan capital on Sunday, killing five.", "Kabul"),
        ("A bomb hit a court in Pakistan's capital on Sunday, killing 12.", "Islamabad"),
    ],
)
def test_the_national_capital_named_by_its_country(text, city):
    df = violent(text, DATE)
    assert list(df["matched_name"]) == [city]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "On Monday, aircraft were raining bombs upon homes in the Barmal district of Paktika.",
            ["air_strike"],
        ),
        ("Jets dropped bombs on houses in Spera district on Monday.", ["air_strike"]),
        # an attempt to storm a post that met fire is an attack (NA5, wave 71)
        ("Militants attempted to storm a checkpost in Spera district on Monday.", ["attack"]),
        # bombs counted or named, or dropped in the passive (MU4, wave 69)
        (
            "Ten people were killed as the air force dropped eight bombs on a village in "
            "Spera district on Monday.",
            ["air_strike"],
        ),
        (
            "On Monday, LS-6 bombs were dropped from fighter jets on a village in Spera district.",
            ["air_strike"],
        ),
        # the reply is on the other side's posts (the frontier), not where its cause was
        (
            "The ministry said it targeted Pakistani posts in retaliation for the attacks on "
            "Afghan soil.",
            ["attack"],
        ),
    ],
)
def test_bombs_from_the_air_and_a_cause_on_the_frontier(text, kinds):
    df = violent(text, DATE)
    assert list(df["event_kind"]) == kinds
    assert "soil" not in " ".join(df["location"])


def test_the_preceding_month():
    from incidents._extract_dates import find_dates

    (d,) = find_dates("In the preceding month, two guards died.", dt.date(2024, 2, 5))
    assert (d.first, d.last) == (dt.date(2024, 1, 1), dt.date(2024, 1, 31))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Troops cleared the attackers at FC Compound Zhob on Sunday, killing six.", "Zhob"),
        ("Militants stormed Police Station Daraban on Sunday, killing two constables.", "Daraban"),
    ],
)
def test_a_facility_named_before_its_place(text, place):
    df = violent(text, DATE)
    assert len(df) == 1 and df.iloc[0]["matched_name"].startswith(place)


def test_a_namesake_before_a_comma_and_a_district_is_inside_it():
    text = (
        "Seven soldiers were killed on Sunday in the Sar Banda area of Maidan, Lower Dir, "
        "in a clash with militants."
    )
    df = violent(text, DATE)
    assert len(df) == 1
    # inside Lower Dir (about 71.5-72.2 E, 34.6-35.2 N), not a Maidan elsewhere
    assert 71.4 < df.iloc[0]["longitude"] < 72.3 and 34.5 < df.iloc[0]["latitude"] < 35.3


def test_one_toll_told_twice_nearby_is_one_incident():
    text = (
        "Protests over the deaths of four children in a suspected drone strike continued "
        "on Sunday in the Mir Ali tehsil of North Waziristan.\nThe strike hit Hurmuz village "
        "near Mir Ali, leaving four children dead."
    )
    assert len(violent(text, DATE)) == 1


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Security forces killed eight militants attempting to infiltrate from Afghanistan "
            "in Bajaur district on Sunday.",
            "Military Forces of Pakistan",
        ),
        (
            "The army said troops gunned down four terrorists in Tank district on Sunday.",
            "Military Forces of Pakistan",
        ),
        (
            "Mortar fire from Pakistani territory hit Dangam district on Sunday.",
            "Military Forces of Pakistan",
        ),
        (
            "Afghan Border Forces resorted to unprovoked firing at Chaman on Sunday, killing two "
            "civilians.",
            "Afghan Taliban forces",
        ),
    ],
)
def test_sides_of_forces_named_plainly(text, actor):
    df = violent(text, DATE)
    assert len(df) == 1 and df.iloc[0]["actor1"] == actor


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "The Taliban regime reported killing 40 Pakistani soldiers in strikes along the "
            "border on Sunday.",
            "Afghan Taliban forces",
        ),
        (
            "In a sharp escalation, Afghanistan's Taliban government said it had killed 40 "
            "Pakistani soldiers along the Durand Line on Sunday.",
            "Afghan Taliban forces",
        ),
        (
            "Pakistan's military said it killed 200 Taliban fighters along the border on Sunday.",
            "Military Forces of Pakistan",
        ),
    ],
)
def test_a_side_claiming_the_killing_is_its_agent(text, actor):
    df = violent(text, DATE)
    assert len(df) == 1 and df.iloc[0]["actor1"] == actor


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Pakistan halted cross-border traffic at Torkham on Sunday.", ["border_closure"]),
        ("Officials suspended all traffic at the Chaman crossing on Sunday.", ["border_closure"]),
        ("Police halted traffic on the highway in Bannu after a blast on Sunday.", ["bombing"]),
        # trade that came to a standstill, or was "also" halted, at a crossing
        (
            "Import and export activities came to a standstill at the Torkham border on Sunday.",
            ["border_closure"],
        ),
        (
            "On Sunday, trade was also suspended at the Kurram border crossing with Kharlachi.",
            ["border_closure"],
        ),
        ("The cricket match came to a halt in Quetta on Sunday.", []),
        # a strike of labour is no air strike, nor are "terror strikes" on the ground
        ("Traders observed a shutter-down strike in Chaman on Sunday.", []),
        ("Police stations in Bannu were targets of terror strikes on Sunday.", ["attack"]),
        (
            "No goods crossed at Chaman on Sunday due to the strike and protest of the traders.",
            [],
        ),
    ],
)
def test_halted_traffic_at_a_crossing_closes_it(text, kinds):
    assert list(extract(text, article_date=DATE)["event_kind"]) == kinds


def test_a_headline_summarises_the_one_placed_incident():
    text = (
        "Border clashes with Pakistan leave 12 Afghan civilians dead, officials say\n"
        "KANDAHAR - Fierce border clashes have left at least 12 civilians dead on the Afghan "
        "side on Thursday, officials said.\nThe provincial governor said artillery shelling "
        "began in the evening and hit the Spin Boldak area.\nAt least 60 other civilians "
        "were wounded, he said."
    )
    df = violent(text, DATE)
    assert list(df["matched_name"]) == ["Spin Boldak"]
    assert df.iloc[0]["fatalities"] == 12


def test_a_lead_sentence_along_the_border_keeps_its_row():
    text = (
        "Pakistani and Afghan forces exchanged heavy fire along the border on Thursday.\n"
        "Separately, jets struck a depot in Kabul on Thursday night."
    )
    assert len(violent(text, DATE)) == 2


@pytest.mark.parametrize(
    ("sentences", "killed"),
    [
        (
            [
                "At least 11 people, including four attackers, were killed in the blast on Sunday.",
                "Two others later died in hospital, taking the toll to seven.",
            ],
            11,
        ),
        (
            [
                "Five people were killed in the blast on Sunday.",
                "The death toll later rose to nine.",
            ],
            9,
        ),
    ],
)
def test_a_lower_running_toll_does_not_replace_the_stated_total(sentences, killed):
    from incidents._extract_counts import counts_in, total

    assert total([c for s in sentences for c in counts_in(s)], "killed") == killed


@pytest.mark.parametrize(
    ("text", "kinds", "name"),
    [
        (
            "The Taliban took the Torkham border crossing on Sunday.\n"
            "Pakistan halted cross-border traffic there because of it.",
            ["border_closure"],
            "Torkham",
        ),
        (
            "Militants stormed a checkpoint in Bannu on Sunday.\n"
            "Two guards were killed there, police said.",
            ["attack"],
            "Bannu",
        ),
    ],
)
def test_there_after_an_event_verb_is_the_place_named_before(text, kinds, name):
    df = extract(text, article_date=DATE)
    rows = df[df["event_kind"].isin(kinds)]
    assert len(rows) == 1 and name in rows.iloc[0]["matched_name"]


def test_there_without_an_event_verb_places_nothing():
    text = (
        "Talks were held in Kabul on Sunday.\n"
        "Pakistan objected to the construction of a new border post there."
    )
    assert len(violent(text, DATE)) == 0


@pytest.mark.parametrize(
    "text",
    [
        "Taliban fighters captured the strategic Chaman-Spin Boldak border crossing on "
        "Wednesday, officials in Pakistan said.",
        "Pakistan closed the Spin Boldak-Chaman crossing on Wednesday after gunfire.",
    ],
)
def test_a_crossing_named_by_its_two_towns_is_the_crossing(text):
    # (every row at the crossing: the closure, and the gunfire it followed, told with no
    # place of its own, incidents/_extract_there.py)
    df = extract(text, article_date="2021-07-14")
    assert set(df["matched_name"]) == {"Chaman"}
    assert (df["uncertainty_km"] <= 10).all()


def test_a_week_earlier_closing_a_clause_counts_back_from_the_date_before():
    text = (
        "Clashes erupted on Sunday, November 20, in Dand Patan district of Paktia.\n"
        "They intensified after a border guard was killed by a gunman at the Torkham "
        "crossing a week earlier."
    )
    df = extract(text, article_date="2022-11-21", min_confidence=0)  # the rule, not the cut
    row = df[df["matched_name"] == "Torkham"].iloc[0]
    assert row["date"] <= pd.Timestamp("2022-11-13") <= row["date_end"]
    assert row["date_end"] <= pd.Timestamp("2022-11-14")


@pytest.mark.parametrize(
    "second",
    [
        "These include two positions in Dur Baba district, three in Goshta district and "
        "two in Nari district.",
        "Among them were posts in Dur Baba district, Goshta district and Nari district.",
    ],
)
def test_a_list_of_the_parts_of_the_event_told_before_gives_one_row_each(second):
    text = "Afghan forces seized 15 Pakistani posts along the border on Thursday.\n" + second
    df = violent(text, "2026-02-27")
    assert sorted(df["matched_name"]) == ["Dur Baba", "Goshta", "Nari"]
    assert set(df["actor1"]) == {"Afghan Taliban forces"}


def test_a_list_of_parts_after_no_event_gives_no_row():
    text = (
        "The ministry published a list of border districts on Thursday.\n"
        "These include Dur Baba district, Goshta district and Nari district."
    )
    assert len(violent(text, "2026-02-27")) == 0


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Afghan forces attacked two posts in Konar Naray district on Thursday.", "Nari"),
        ("Jets struck homes in Paktika Barmal district on Thursday.", "Barmal"),
    ],
)
def test_a_province_written_before_its_district_names_the_district(text, name):
    df = violent(text, "2026-02-27")
    assert list(df["matched_name"]) == [name]


@pytest.mark.parametrize("desc", ["the Taliban stronghold of", "the southern hub of"])
def test_a_described_place_after_a_comma_is_a_list_member_not_a_holder(desc):
    text = f"On Friday, Pakistan launched strikes on Kabul, {desc} Kandahar, and other towns."
    df = violent(text, "2026-02-28")
    assert sorted(df["matched_name"]) == ["Kabul", "Kandahar"]
    assert df["uncertainty_km"].max() < 25


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Militants attempted to strike Abbottabad, Swabi and Nowshera using small drones.",
            ["Abbottabad", "Nowshera", "Swabi"],
        ),
        ("Drones tried to strike Swabi on Thursday.", ["Swabi"]),
    ],
)
def test_the_plain_form_of_a_strike_verb_places_its_object(text, names):
    assert sorted(violent(text, "2026-02-27")["matched_name"]) == names


def test_wanting_to_strike_is_still_no_event():
    assert len(violent("Militants wanted to strike Swabi on Thursday.", "2026-02-27")) == 0


def test_an_older_dated_event_told_after_undated_news_is_not_its_lead():
    text = (
        "Pakistan thwarted drone attacks targeting several cities.\n"
        "Officials said militants attempted to strike Abbottabad using small drones.\n"
        "On the night between Saturday and Sunday, Pakistan carried out strikes on seven "
        "camps in Nangarhar."
    )
    df = extract(text, article_date="2026-02-27")  # a Friday
    row = df[df["matched_name"] == "Abbottabad"].iloc[0]
    assert row["date"] >= pd.Timestamp("2026-02-26")


@pytest.mark.parametrize(
    "text",
    [
        "Ongoing military confrontations along the Afghanistan-Pakistan border have "
        "triggered significant internal displacement, the UN said.",
        "Thousands of people were forced from their homes amid the recent escalation in "
        "hostilities, a UN agency said.",
    ],
)
def test_fighting_told_as_a_cause_of_displacement_is_no_incident(text):
    assert len(violent(text, "2026-03-07")) == 0


@pytest.mark.parametrize(
    ("text", "n"),
    [
        (
            "The protest movement has closed all government institutions in the port town of "
            "Chaman, near the crossing.",
            0,
        ),
        ("Traders shut their shops near the Torkham crossing on Sunday in protest.", 0),
        ("Pakistan closed the Torkham crossing on Sunday.", 1),
    ],
)
def test_a_closure_of_offices_or_shops_is_no_border_closure(text, n):
    df = extract(text, article_date=DATE)
    assert (df["event_kind"] == "border_closure").sum() == n


@pytest.mark.parametrize(
    "text",
    [
        "The Torkham border has remained shut for fifteen consecutive days, traders said.",
        "The Chaman crossing has remained closed for 12 straight days, officials said.",
    ],
)
def test_a_closure_dated_by_its_length_in_days_is_an_event(text):
    df = extract(text, article_date="2025-10-27")
    assert list(df["event_kind"]) == ["border_closure"]


def test_a_capital_closing_a_crossing_is_not_its_place():
    text = "In response, Islamabad has closed a key crossing on the border."
    df = extract(text, article_date="2025-10-27")
    assert "Islamabad" not in set(df["matched_name"])


def test_suspending_transit_trade_at_listed_crossings_closes_each():
    text = (
        "The shutdown has also impacted other key crossings, including Ghulam Khan and "
        "Chaman, suspending transit trade worth billions."
    )
    df = extract(text, article_date="2025-10-27")
    assert sorted(df["matched_name"]) == ["Chaman", "Ghulam Khan"]
    assert set(df["event_kind"]) == {"border_closure"}


def test_provinces_like_x_and_y_lists_both():
    text = (
        "Pakistani airstrikes on October 15 hit hideouts in Afghan provinces like Kandahar "
        "and Helmand."
    )
    assert sorted(violent(text, "2025-10-19")["matched_name"]) == ["Helmand", "Kandahar"]


def test_undated_talks_do_not_take_the_date_of_a_clash_told_later():
    text = (
        "A round of negotiations between Pakistan and Afghanistan was held in Doha.\n"
        "The two sides agreed to an immediate ceasefire.\n"
        "The meeting comes amid tensions in recent months.\n"
        "According to military statements, the clashes erupted on October 11 after Afghan "
        "forces fired on posts in Kurram."
    )
    df = extract(text, article_date="2025-10-19")
    talks = df[df["event_kind"].isin(["talks", "ceasefire"])]
    assert len(talks) >= 1 and (talks["date"] >= pd.Timestamp("2025-10-17")).all()


def test_an_example_of_a_rising_trend_is_no_incident():
    text = (
        "The Jirga convenes amid rising violence in Khyber Pakhtunkhwa and Balochistan, "
        "including a recent attack on a coal mine that left 21 people dead."
    )
    assert len(violent(text, "2024-10-12")) == 0


def test_a_home_district_written_unit_first_is_no_site():
    text = (
        "Four soldiers were martyred in South Waziristan on Tuesday night, among them "
        "Naik Irfan Ullah Khan, 30, resident of District Lakki Marwat and Sepoy Usman, 21, "
        "resident of District Haripur."
    )
    assert list(violent(text, "2024-08-14")["matched_name"]) == ["South Waziristan"]


def test_a_home_district_after_a_colon_is_no_site():
    """The army's "(Age: 29 years, resident of: District Jhang)" (NF5, wave 72)."""
    text = (
        "Troops killed five militants in Bannu district on Friday. During the operation, "
        "Sepoy Iftikhar Hussain (Age: 29 years, resident of: District Jhang), having fought "
        "gallantly, embraced shahadat."
    )
    assert list(violent(text, "2024-12-01")["matched_name"]) == ["Bannu"]


def test_fire_exchanged_routinely_is_a_habit():
    text = "Troops from both countries exchange fire routinely on the 2,600-kilometre border."
    assert len(violent(text, "2023-09-15")) == 0


def test_a_closure_goes_to_the_crossing_its_sentence_names():
    text = (
        "On August 13, in Nangarhar Province, Afghanistan, the border was closed after "
        "Pakistani and Afghan forces exchanged fire in the Torkham border area."
    )
    df = extract(text, article_date="2024-08-14")
    closed = df[df["event_kind"] == "border_closure"]
    assert len(closed) == 1 and "Torkham" in closed.iloc[0]["matched_name"]


@pytest.mark.parametrize(
    "when", ["shortly before Iftar", "before Iftar", "minutes before the prayers"]
)
def test_the_hour_before_a_meal_or_prayer_is_no_history(when):
    text = (
        f"Seven people were injured when a mortar shell hit two houses {when} on Thursday "
        "in Mohmand district."
    )
    df = violent(text, "2026-03-06")
    assert list(df["matched_name"]) == ["Mohmand"] and df.iloc[0]["injuries"] == 7


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("A boy lost his life in Jamrud tehsil in an accidental hand grenade blast on Friday.", 0),
        ("A shell exploded accidentally while children played with it in Bajaur on Friday.", 0),
        ("A bomb planted by militants exploded in Jamrud tehsil on Friday, killing a boy.", 1),
    ],
)
def test_an_accidental_blast_is_no_incident(text, n):
    assert len(violent(text, "2025-11-01")) == n


def test_targeted_children_of_a_campaign_are_no_attack():
    text = (
        "According to the total figure of targeted children, around 94457 are in Tank, "
        "205532 in Lakki Marwat and 372726 in D.I.Khan."
    )
    assert len(violent(text, "2024-09-22")) == 0


def test_a_dateline_with_the_region_in_brackets_dates_no_event():
    from incidents._extract_text import dateline

    text = "Quetta (Balochistan), October 20 (Udaipur Kiran): Militants attacked a post."
    d = dateline(text)
    assert d is not None and d.agency == "Udaipur Kiran"
    assert text[d.end :].startswith("Militants")


@pytest.mark.parametrize(
    "tail",
    ["which is part of the Khyber Pakhtunkhwa province", "located in Khyber Pakhtunkhwa"],
)
def test_a_relative_clause_naming_the_unit_holds_the_place(tail):
    text = f"Ten militants were killed in Bagh, {tail}, on Monday."
    df = violent(text, "2025-02-24")
    assert len(df) == 1 and df.iloc[0]["longitude"] < 72.5  # not Bagh in Azad Kashmir


def test_a_briefing_heading_dates_the_section_after_it():
    text = (
        "Pakistan Weekly Report\n"
        "Geopolitical Briefing: Pakistan – 12 October 2025\n"
        "Fighting ebbed by Sunday morning but intermittent fire continued in Kurram."
    )
    df = violent(text, "2025-10-22")
    assert len(df) == 1 and df.iloc[0]["date"] <= pd.Timestamp("2025-10-12")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Islamabad shuts Torkham and Chaman crossings after clashes.", ["Chaman", "Torkham"]),
        ("Afghan Taliban closes a main border crossing with Pakistan", []),
    ],
)
def test_present_tense_closures(text, names):
    df = extract(text, article_date="2025-10-12")
    closed = df[df["event_kind"] == "border_closure"]
    assert sorted(closed["matched_name"]) == names


def test_shot_in_the_head_is_an_attack_on_a_person():
    text = "Police said a polio worker in Bajaur district was shot in the head on Friday."
    df = violent(text, "2024-01-20")
    assert list(df["matched_name"]) == ["Bajaur"] and list(df["event_kind"]) == ["killing"]


def test_people_named_after_namely_are_no_places():
    text = (
        "Two labourers, namely Amanullah and Mohammad Arshad, were shot dead in Dera Ismail "
        "Khan on Friday."
    )
    assert list(violent(text, "2022-12-31")["matched_name"]) == ["Dera Ismail Khan"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The convoy carrying goods for the residents of Parachinar was ambushed in "
            "Kurram district on Thursday.",
            ["Kurram"],
        ),
        (
            "By Sunday morning the firefight had died down, though residents of the Kurram "
            "area reported occasional shots.",
            ["Kurram"],
        ),
    ],
)
def test_residents_of_a_place_are_its_scene_only_as_witnesses(text, names):
    assert list(violent(text, "2025-10-12")["matched_name"]) == names


def test_an_area_of_a_tehsil_written_unit_first_is_read_inside_it():
    text = (
        "The suspect blew himself up inside Ali Masjid in Gharuba area of tehsil Jamrud on Monday."
    )
    df = violent(text, "2023-07-25")
    assert len(df) >= 1 and (df["longitude"] > 71.0).all()  # not a namesake in Kurram


def test_an_area_bordering_another_provinces_district_is_no_site():
    text = (
        "The vehicle came under attack near Lakki Marwat city, an area bordering Punjab's "
        "Mianwali district, on Sunday."
    )
    assert "Mianwali" not in set(violent(text, "2024-06-10")["matched_name"])


def test_an_attackers_home_and_its_province_are_no_sites():
    text = (
        "The third bomber, Najibullah alias Huzaifa, from Musa Khel in Khost province, drove "
        "the explosives-laden vehicle that rammed into the FC compound wall in Bannu."
    )
    assert set(violent(text, "2025-09-09")["matched_name"]) <= {"Bannu"}


def test_a_description_is_read_where_its_village_is_read_in_the_article():
    text = (
        "Residents of Mir Ali tehsil in North Waziristan held a sit-in for a second day, "
        "after a suspected drone strike killed four children and injured five others.\n"
        "The incident occurred in Hurmuz village, with both security forces and the banned "
        "Tehreek-i-Taliban Pakistan (TTP) known to operate quadcopters in the area."
    )
    df = violent(text, "2025-05-20")
    assert len(df) >= 1 and (df["uncertainty_km"] <= 40).all()


@pytest.mark.parametrize(
    ("text", "n"),
    [
        (
            "Representatives of China, Afghanistan and Pakistan held a week of informal "
            "meetings in Urumqi, Xinjiang, from April 1 to 7.",
            1,
        ),
        (
            "Both sides have previously confirmed that the talks are taking place in the "
            "northwestern city of Urumqi.",
            1,
        ),
        ("The police chief chaired a high-level meeting at his office in Bannu on Thursday.", 0),
    ],
)
def test_meetings_between_parties_are_talks(text, n):
    df = extract(text, article_date="2026-04-08")
    assert (df["event_kind"] == "talks").sum() == n


def test_a_dateline_towns_district_holds_the_villages_told_after_it():
    text = (
        "BANNU: Five police personnel were injured when terrorists attacked a police "
        "checkpost in the Shaikh Landak area late on Thursday, officials said."
    )
    df = violent(text, "2025-12-12")
    assert len(df) == 1 and df.iloc[0]["uncertainty_km"] <= 30


def test_a_place_name_opening_a_company_name_is_no_place():
    text = (
        "Militants targeted soldiers guarding the Sui Northern Gas Pipeline Company's team "
        "near Kot Lalu in Dera Ismail Khan district on Sunday."
    )
    assert "Sui" not in set(violent(text, "2025-10-20")["matched_name"])


def test_a_toll_of_separate_operations_is_no_one_rows_count():
    text = (
        "Security forces killed seven terrorists in separate operations in Khyber "
        "Pakhtunkhwa and Balochistan, the military said on Friday.\n"
        "In Khyber Pakhtunkhwa, terrorists were killed during an intelligence-based "
        "operation in the Bannu district early on Friday."
    )
    df = violent(text, "2024-11-23")
    bannu = df[df["matched_name"] == "Bannu"]
    assert len(bannu) == 1 and bannu["fatalities"].fillna(-1).iloc[0] != 7


@pytest.mark.parametrize(
    "text",
    [
        "Trade, as well as pedestrian movement, was blocked by the Taliban authorities along "
        "the Chaman crossing on Tuesday morning.",
        "Taliban stop all movement on Chaman crossing",
    ],
)
def test_blocked_movement_at_a_crossing_closes_it(text):
    df = extract(text, article_date="2021-10-05")
    assert list(df["event_kind"]) == ["border_closure"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "A suicide car bomber rammed a vehicle into a camp in Datta Khel on Friday. The "
            "explosion was heard as far as 25 kilometres away in Miran Shah city.",
            ["Datta Khel"],
        ),
        ("An explosion was heard in Kabul late on Thursday after air strikes.", ["Kabul"]),
    ],
)
def test_where_a_distant_blast_was_heard_is_no_site(text, names):
    assert sorted(set(violent(text, "2025-12-19")["matched_name"])) == names


def test_a_description_takes_the_place_its_name_was_given_beside_its_units():
    text = (
        "Security forces foiled an attack on the FC fort in the Gulistan area of Qila "
        "Abdullah district on Monday night.\n"
        "Armed men attacked the fort, its headquarters in Gulistan, and threw grenades.\n"
        "Security forces killed two attackers who wanted to create unrest in the area."
    )
    df = violent(text, "2025-01-28")
    assert len(df) >= 1 and (df["longitude"] > 65.5).all()  # not Gulistan in Farah


def test_province_tallies_of_a_statistics_report_are_no_incidents():
    text = (
        "A total of 45 terrorist attacks took place across the country in September.\n"
        "These attacks resulted in 54 fatalities, compared to 84 the month before.\n"
        "Khyber Pakhtunkhwa suffered the most as 27 terrorist incidents occurred across the "
        "province, followed by 17 in Balochistan and one in Punjab.\n"
        "Separately, two policemen were killed when militants attacked a checkpost in "
        "Bannu district on Saturday."
    )
    df = violent(text, "2024-10-05")
    assert list(df["matched_name"]) == ["Bannu"]


@pytest.mark.parametrize(
    "text",
    [
        "Violent clashes on the border have brought trade between Afghanistan and Pakistan "
        "to a halt.",
        "The empty chairs in his office in Chaman reflect the impact that border closures, "
        "triggered by clashes between Pakistan and Afghanistan, have had on trade.",
    ],
)
def test_fighting_told_as_the_cause_of_harm_to_trade_is_no_incident(text):
    assert len(violent(text, "2025-11-15")) == 0


def test_casualties_over_many_incidents_are_no_count_of_the_one_before():
    text = (
        "Security forces killed 22 militants in Dera Ismail Khan district, the military said "
        "on Thursday.\n"
        "The country reported at least 901 fatalities and 599 injuries in a total of 329 "
        "incidents of violence in the third quarter."
    )
    df = violent(text, "2025-11-27")
    assert list(df["fatalities"]) == [22]


@pytest.mark.parametrize(
    ("phrase", "first", "last"),
    [
        (
            "Later that month, clashes erupted in Kurram.",
            dt.date(2025, 10, 9),
            dt.date(2025, 10, 31),
        ),
        (
            "In the same month, a drone hit a house in Kurram.",
            dt.date(2025, 10, 1),
            dt.date(2025, 10, 31),
        ),
        (
            "Earlier that year, a bomb killed five in Kurram.",
            dt.date(2025, 1, 1),
            dt.date(2025, 10, 8),
        ),
    ],
)
def test_that_month_is_the_month_told_before(phrase, first, last):
    from incidents._extract_dates import find_dates

    told = (dt.date(2025, 10, 9), dt.date(2025, 10, 9))
    (d,) = [d for d in find_dates(phrase, dt.date(2025, 11, 24), previous=told) if d.first]
    assert (d.first, d.last) == (first, last)
    text = "Pakistan carried out an air strike on Kabul on October 9.\n" + phrase
    df = extract(text, article_date="2025-11-24")
    kurram = df[df["location"].str.contains("Kurram")]
    # a window of a month or more is a summary, no row (as "in October"); a shorter one
    # keeps its row, dated in October, never on the article's day
    assert len(kurram) == (1 if (last - first).days < 28 else 0)
    assert (kurram["date"] < pd.Timestamp("2025-11-01")).all()


def test_a_truce_agreed_in_a_place_written_first_is_that_places():
    text = (
        "In Bajaur district, the two sides agreed to a temporary truce on Sunday "
        "through the mediation of tribal elders."
    )
    df = extract(text, article_date="2025-03-04")
    assert list(df["event_kind"]) == ["ceasefire"]
    assert list(df["matched_name"]) == ["Bajaur"]


@pytest.mark.parametrize(
    "text",
    [
        "In Orakzai, in Kurram and in Khyber, the army fought an insurgency across two "
        "decades that displaced millions of people.",
        "Soldiers fought the TTP in Bajaur over two decades.",
        "Security forces clashed with insurgents in Swat over several years.",
    ],
)
def test_fighting_over_a_span_of_years_is_no_incident(text):
    assert len(violent(text, "2026-02-28")) == 0


@pytest.mark.parametrize(
    "text",
    [
        "Exports fell by half this year amid repeated closures of the main routes, including "
        "the Chaman crossing, which was shut for almost three weeks.",
        "The slump comes amid frequent disruptions at border points, among them Torkham, "
        "which was closed for nearly a month.",
    ],
)
def test_a_closure_told_as_an_example_of_a_habit_is_no_incident(text):
    assert len(extract(text, article_date="2025-03-31")) == 0


def test_an_undated_closure_told_as_a_state_of_now_holds_to_the_article_date():
    text = (
        "The crossings at Torkham and Ghulam Khan have all been sealed, halting trade.\n"
        "Fighting broke out late on Saturday when Afghan forces fired on border posts."
    )
    df = extract(text, article_date="2025-10-13")
    shut = df[df["event_kind"] == "border_closure"]
    assert len(shut) == 2
    assert (shut["date_end"] == pd.Timestamp("2025-10-13")).all()


def test_the_day_fighting_paused_is_not_the_lead_date():
    text = (
        "Islamabad says a two-day truce has been agreed with Kabul.\n"
        "The fighting stopped briefly on Sunday after appeals from Qatar, but soon resumed.\n"
        "The army said on Wednesday it had destroyed Afghan posts.\n"
        "The Taliban said Pakistani troops used heavy weapons in assaults on Spin Boldak."
    )
    df = extract(text, article_date="2025-10-15")
    assert not (df["date"] == pd.Timestamp("2025-10-12")).any()
    spin = df[df["location"].str.contains("Spin Boldak")]
    assert len(spin) == 1 and spin.iloc[0]["date"] >= pd.Timestamp("2025-10-14")


@pytest.mark.parametrize(
    "text",
    [
        "The jirga agreed to a ceasefire valid till March 11, officials said on Sunday.",
        "Elders of both sides on Sunday announced a ceasefire, effective till March 11.",
    ],
)
def test_the_end_of_a_truce_term_is_not_its_day(text):
    df = extract(text, article_date="2025-03-10")
    truce = df[df["event_kind"] == "ceasefire"]
    assert len(truce) == 1
    first, last = truce.iloc[0]["date"], truce.iloc[0]["date_end"]
    last = first if pd.isna(last) else last
    assert first <= pd.Timestamp("2025-03-09") <= last
    assert "planned" not in str(truce.iloc[0]["review_flags"])


@pytest.mark.parametrize(
    "text",
    [
        "Fighters from across the border have been sneaking in for the last many years and "
        "carrying out attacks mostly in Bajaur, Mohmand and Kurram.",
        "The Afghan forces too spare no opportunity to launch assaults on Pakistani posts in "
        "Kurram.",
    ],
)
def test_a_habit_over_years_or_a_readiness_is_no_incident(text):
    assert len(violent(text, "2023-09-06")) == 0


@pytest.mark.parametrize(
    "text",
    [
        "The decline reflected an inability to carry out major attacks in Bajaur.",
        "Officials doubt the group's capacity to mount attacks in Kurram this winter.",
    ],
)
def test_a_capability_had_or_lacked_is_no_incident(text):
    assert len(violent(text, "2023-07-10")) == 0


def test_the_night_after_an_event_dated_elsewhere_takes_that_events_day():
    text = (
        "The Chaman crossing stayed shut on Saturday after a night of firing.\n"
        "On the night after the blasts in Kabul, Afghan forces attacked border posts in "
        "Bajaur and Kurram.\n"
        "On October 8, tensions rose after blasts in Kabul blamed on Pakistani jets."
    )
    df = extract(text, article_date="2025-12-06")
    assert (
        not df["location"].str.contains("Bajaur|Kurram").any()
        or (
            df[df["location"].str.contains("Bajaur|Kurram")]["date"] < pd.Timestamp("2025-11-01")
        ).all()
    )
    from incidents._extract_anchor import event_anchors

    anchors = event_anchors(text.split("\n"), dt.date(2025, 12, 6))
    assert anchors[1][:2] == (dt.date(2025, 10, 8), dt.date(2025, 10, 9))


def test_two_records_of_one_crossing_hold_one_exchange():
    text = (
        "Forces exchange fire over disputed Torkham border post\n"
        "KHYBER: The border forces of the two countries exchanged heavy fire on Monday "
        "evening after the Pakistani side objected to a new Afghan post near the border.\n"
        "Residents at Torkham told this paper they first heard small arms being fired but "
        "then both sides used heavy weapons, including mortars, hitting each other's posts."
    )
    df = violent(text, "2024-08-13")
    assert len(df) == 1


@pytest.mark.parametrize(
    ("text", "closed"),
    [
        (
            "Guards exchanged fire at Chaman on Friday.\nThe firing led to the closure of the "
            "border for all traffic.",
            ["Chaman"],
        ),
        (
            "Guards exchanged fire at Chaman on Friday.\nThe border was shut for travellers.",
            ["Chaman"],
        ),
        ("Guards exchanged fire near Bannu on Friday.\nThe border was shut for travellers.", []),
    ],
)
def test_the_border_closed_after_a_crossing_is_that_crossing(text, closed):
    df = extract(text, article_date="2024-08-17")
    shut = df[df["event_kind"] == "border_closure"]
    assert list(shut["matched_name"]) == closed


@pytest.mark.parametrize("lead", ["Pak-Afghan", "Pakistan-Afghanistan", "Afghan"])
def test_whose_border_before_a_crossing_keeps_its_name(lead):
    text = f"Officials shut the {lead} Kharlachi crossing point on Monday."
    df = extract(text, article_date="2024-09-24")
    assert list(df["event_kind"]) == ["border_closure"]
    assert list(df["matched_name"]) == ["Kharlachi"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The deputy commissioner of Sherani district on Friday survived a gun attack in "
            "Killa Saifullah district.",
            ["Killa Saifullah"],
        ),
        (
            "A mortar attack on Sunday killed two children and wounded four others, the "
            "governor of Spin Boldak district told reporters.",
            ["Spin Boldak"],
        ),
    ],
)
def test_an_officials_district_is_no_site_beside_another(text, names):
    df = violent(text, "2024-10-05")
    assert list(df["matched_name"]) == names


def test_a_date_of_a_noun_does_not_date_the_event():
    text = (
        "Gunmen fired on a candidate's car near Chaman on Wednesday.\n"
        "Earlier on the same day, a bomb blast hit the office of a candidate running in the "
        "February 8 general elections in Pishin district."
    )
    df = violent(text, "2024-02-07")
    pishin = df[df["matched_name"] == "Pishin"]
    assert len(pishin) == 1
    first, last = pishin.iloc[0]["date"], pishin.iloc[0]["date_end"]
    last = first if pd.isna(last) else last
    assert first <= pd.Timestamp("2024-02-07") <= last
    assert "planned" not in str(pishin.iloc[0]["review_flags"])


def test_a_death_told_as_a_reason_is_no_killing():
    text = "The by-election in Bajaur was postponed due to the death of a candidate."
    assert len(violent(text, "2024-07-12")) == 0


def test_the_firing_told_again_takes_no_place_from_its_cause():
    text = (
        "Pakistani troops responded at once after Afghan Taliban fighters opened unprovoked "
        "fire along the border in the Torkham and Tirah sectors, an official said.\n"
        "The Taliban firing comes days after Pakistani forces carried out intelligence-based "
        "air strikes along the border with Afghanistan to destroy hideouts."
    )
    df = violent(text, "2026-02-25")
    assert not df["review_flags"].fillna("").str.contains("frontier_wide").any()


def test_a_clash_on_the_border_told_from_the_other_side_is_the_placed_one():
    text = (
        "Security forces on Sunday foiled an infiltration bid by terrorists in Bajaur "
        "district from Afghanistan, sources said.\n"
        "They said the troops engaged the terrorists during an intelligence-based operation "
        "on the border."
    )
    df = violent(text, "2025-10-20")
    assert list(df["matched_name"]) == ["Bajaur"]


def test_a_valley_reaching_into_the_district_named_is_that_valley():
    text = "Two soldiers were killed in a militant attack in Tirah valley of district Khyber."
    df = violent(text, "2023-08-03")
    assert list(df["matched_name"]) == ["Tirah"]


def test_days_of_fighting_before_the_news_are_no_incident_of_its_day():
    text = (
        "Markets in Bara reopened on Tuesday as calm returned to the valley after three days "
        "of gunfights."
    )
    assert len(violent(text, "2024-11-20")) == 0


@pytest.mark.parametrize(
    "text",
    [
        "Addressing a gathering of lawyers in Peshawar, he said that he would send a "
        "delegation of tribal leaders to Afghanistan for talks.",
        "Ties have soured, largely because of the militants but also due to frequent border "
        "skirmishes.",
        "We urge both sides fighting each other to sit and talk, the minister said during a "
        "dinner gathering in Paktia.",
    ],
)
def test_talks_to_seek_habits_and_speech_venues_give_no_row(text):
    assert len(extract(text, article_date="2024-09-12")) == 0


def test_a_long_list_of_sites_goes_on_past_the_reach_of_its_event_word():
    text = (
        "Heavy retaliatory offensive operations have been launched against the enemy by the "
        "Islamic Emirate of Afghanistan through the 203 Mansouri Corps at various points in "
        "the provinces of Paktia, Paktika, Khost and Kunar."
    )
    df = violent(text, "2026-02-27")
    assert list(df["matched_name"]) == ["Paktia", "Paktika", "Khōst", "Kunar"]


def test_a_wire_caption_without_its_credit_does_not_date_the_event():
    text = (
        "Mourners attend funeral prayers for the victims of a suicide bombing, in Bannu, "
        "Pakistan March 5, 2025.\n"
        "Till late Tuesday night, there were reports of the deaths of 12 civilians after two "
        "explosive-laden vehicles rammed into the wall of the cantonment in Bannu."
    )
    df = violent(text, "2025-03-05")
    assert len(df) == 1
    assert df.iloc[0]["date"] == pd.Timestamp("2025-03-04")


def test_a_bracketed_wire_dateline_is_no_event_day():
    text = (
        "Khyber Pakhtunkhwa [Pakistan], January 3 : Security forces killed four terrorists in "
        "an operation in the North Waziristan district, Geo News reported on Tuesday."
    )
    df = violent(text, "2024-01-03")
    assert len(df) == 1
    assert df.iloc[0]["date"] == pd.Timestamp("2024-01-01")


def test_a_jirga_of_the_two_countries_places_its_ceasefire():
    text = (
        "Pakistan and Afghanistan reached an agreement on Monday for a ceasefire.\n"
        "The agreement came at a Pak-Afghan jirga held at the Torkham crossing."
    )
    df = extract(text, article_date="2025-03-17")
    assert len(df) == 1
    assert df.iloc[0]["matched_name"] == "Torkham"
    assert df.iloc[0]["event_kind"] in ("ceasefire", "talks")


def test_the_provinces_at_the_ends_of_a_crossing_are_no_sites():
    text = (
        "The violence spanned Torkham, a key crossing between eastern Afghanistan's "
        "Nangarhar province and Pakistan's Khyber Pakhtunkhwa, just days after Afghan forces "
        "struck several Pakistani posts on Saturday."
    )
    df = violent(text, "2025-10-15")
    assert not df["matched_name"].isin(["Nangarhar", "Khyber Pakhtunkhwa"]).any()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Officials said the two sides can hold talks in Doha, the capital of Qatar.", []),
        (
            "Unlike earlier rounds held in Doha or Istanbul, the talks in Riyadh were short.",
            ["Riyadh"],
        ),
        (
            "The overnight drone strikes hit a compound in central Kabul, intelligence sources in "
            "Islamabad told reporters.",
            ["Kabul"],
        ),
    ],
)
def test_possible_talks_earlier_rounds_and_speakers_places_are_no_sites(text, names):
    df = extract(text, article_date="2025-10-16")
    assert list(df["matched_name"]) == names


def test_a_revenge_pledged_is_no_event():
    text = (
        "The defence ministry pledged to avenge the attack on Islamabad's allies, a spokesman said."
    )
    assert len(violent(text, "2024-12-25")) == 0


def test_a_bombers_citizenship_is_no_site():
    text = (
        "The third suicide bomber in the Bannu attack has been identified as Najib, a citizen "
        "of Paktika Province in Afghanistan."
    )
    df = violent(text, "2025-09-03")
    assert "Paktika" not in list(df["matched_name"])


def test_a_capital_that_links_an_attack_is_a_seat():
    text = (
        "The conflict began with a suicide bombing on October 16 at a compound in Mir Ali, "
        "killing eight, an attack Islamabad links to a faction of the TTP."
    )
    df = violent(text, "2025-10-20")
    assert list(df["matched_name"]) == ["Mir Ali"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The commanders swore to avenge the attack on Kabul, a spokesman said.", []),
        ("A jirga of Kurram elders was held at Parachinar on Sunday.", []),
    ],
)
def test_a_sworn_revenge_and_a_districts_own_jirga_give_no_row(text, names):
    assert list(extract(text, article_date="2025-03-10")["matched_name"]) == names


@pytest.mark.parametrize(
    ("text", "name", "day"),
    [
        # (the rules on habits, possibility, capitals that link, earlier rounds, terms of
        # truces and spans of years must not reach these)
        (
            "Despite frequent patrols, militants attacked a checkpost in Bannu on Sunday, "
            "killing two soldiers.",
            "Bannu",
            "2025-10-19",
        ),
        (
            "Officials said they can confirm that a suicide bomber struck a military convoy in "
            "Mir Ali on Sunday, killing five soldiers.",
            "Mir Ali",
            "2025-10-19",
        ),
        (
            "A suicide bombing in Mir Ali linked to the Hafiz Gul Bahadur group killed 12 "
            "soldiers on Tuesday.",
            "Mir Ali",
            "2025-10-14",
        ),
        (
            "The first round of talks held in Doha on Saturday ended with an agreement.",
            "Doha",
            "2025-10-18",
        ),
        (
            "Fighting between the two tribes in Kurram continued until October 14, leaving 12 "
            "people dead.",
            "Kurram",
            "2025-10-14",
        ),
        (
            "Pakistani shelling on Sunday killed a man over 70 years old in Dangam district of "
            "Kunar, local officials said.",
            "Dangam",
            "2025-10-19",
        ),
    ],
)
def test_narrow_rules_leave_ordinary_news_alone(text, name, day):
    df = extract(text, article_date="2025-10-20")
    assert list(df["matched_name"]) == [name]
    assert df.iloc[0]["date"] <= pd.Timestamp(day)
    last = df.iloc[0]["date_end"]
    assert (df.iloc[0]["date"] if pd.isna(last) else last) >= pd.Timestamp(day)


def test_an_undated_province_row_restates_the_dated_finer_row_after_it():
    text = (
        "Pakistani forces on Saturday confirmed that they had targeted several points.\n"
        "In what amounts to an escalation, Islamabad launched a series of airstrikes on "
        "Khost province in Afghanistan.\n"
        "The strike, which took place on the night of December 24, targeted seven villages, "
        "including Gurbuz, where five members of a family were killed."
    )
    df = violent(text, "2024-12-28")
    assert list(df["matched_name"]) == ["Gurbuz"]
    assert df.iloc[0]["date"] == pd.Timestamp("2024-12-24")
