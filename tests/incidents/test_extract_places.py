"""Table-driven tests of place roles read by :mod:`incidents._extract_places`
(issue 17): a unit nested in a unit locates the place before it, a unit named
"near" a list re-reads its namesakes, a capital in apposition is a site, a
facility named after a place is located by the place after it, and a target
named without an event word ("the camp ... was destroyed") is an incident.

Every sentence is a paraphrase written for the test (no published text); every
expected value is written by hand from the sentence and the reference data
(admin units of ``shared/data``; coordinates rounded to a degree or so).
"""

from __future__ import annotations

import pandas as pd
import pytest

from incidents._extract_lex import triggers_in
from incidents.extract import extract

DATE = "2025-10-14"


def rows(text: str) -> pd.DataFrame:
    return extract(text, article_date=DATE, min_confidence=0)  # the rule, not the cut


# (sentence, admin1 the row must lie in, rough lat/lon of that province)
NESTED = [
    (
        "A drone strike hit a house in the village of Sarkanokhel in the Du Ab district of "
        "Nuristan province on Monday, killing two people.",
        "Nuristan",
        (35.3, 70.6),
    ),
    (
        # a village name the gazetteer also has in Khyber district, 250 km away
        "On Monday mortar shells landed on a school in the village of Borki in the Du Ab "
        "district of Nuristan province, wounding four children.",
        "Nuristan",
        (35.3, 70.6),
    ),
]


@pytest.mark.parametrize(("text", "province", "near"), NESTED)
def test_a_district_named_in_its_province_is_that_district(text, province, near):
    # "Du Ab district" alone is also a village in another province, far away: read
    # inside its province, it is the district, and it locates the village before it.
    df = rows(text)
    assert len(df) == 1, province
    r = df.iloc[0]
    assert abs(r["latitude"] - near[0]) < 1.0 and abs(r["longitude"] - near[1]) < 1.0


# (sentence, the unit named "near" the list, the listed names)
NEAR_UNIT = [
    (
        "Shells fired from across the border hit Borki and Kharlachi near the Kurram border on "
        "Sunday, wounding five villagers.",
        "Kurram",
        ["Borki", "Kharlachi"],
    ),
]


@pytest.mark.parametrize(("text", "unit", "names"), NEAR_UNIT)
def test_places_near_a_unit_are_its_namesakes(text, unit, names):
    # "Borki" alone is a village in Khyber district, 100 km east; the Kurram one is
    # meant when the sentence says the places are near Kurram.
    df = rows(text)
    got = {
        str(x): (la, lo)
        for x, la, lo in zip(df["location"], df["latitude"], df["longitude"], strict=True)
    }
    for n in names:
        assert n in got
        la, lo = got[n]
        assert 33.3 < la < 34.2 and 69.6 < lo < 70.4, (n, la, lo)  # Kurram district


# (sentence, the capital that is a site)
CAPITAL = [
    ("Pakistani jets bombed targets in the capital, Kabul, on Friday.", "Kabul"),
    (
        "Airstrikes on Friday hit military sites across the country, including the capital, "
        "Kabul, and the southern city of Kandahar.",
        "Kabul",
    ),
]


@pytest.mark.parametrize(("text", "place"), CAPITAL)
def test_a_capital_in_apposition_is_a_site(text, place):
    df = rows(text)
    assert place in [str(x) for x in df["location"]]


def test_a_capital_whose_officials_speak_is_not_a_site():
    df = rows("Officials in the capital, Kabul, said on Friday that talks had failed.")
    assert "Kabul" not in [str(x) for x in df["location"]]


# (sentence, rows expected as (location, lat, lon) within about a degree)
FACILITY = [
    (
        "Jets destroyed the Qadirkhel training camp in Kunar and an arms depot in Nangarhar on "
        "Friday, officials said.",
        [("Kunar", 34.9, 71.1), ("Nangarhar", 34.3, 70.5)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FACILITY)
def test_a_facility_is_located_by_the_place_after_it(text, expected):
    df = rows(text)
    assert len(df) == len(expected)
    for (_, r), (_, la, lo) in zip(df.iterrows(), expected, strict=True):
        assert abs(r["latitude"] - la) < 1.0 and abs(r["longitude"] - lo) < 1.0


# (sentence, the facility's name that is no site, the place that is): a school or
# college named after a word known only as a far village is in the place the
# sentence names; a facility bearing a town's name is in that town
FACILITY_NAME = [
    (
        "A quadcopter dropped a mortar shell onto the premises of Al-Fatah Public School in "
        "Mosaki village of Mir Ali on Monday, injuring two children.",
        "Al-Fatah",
        "Mosaki",
    ),
    ("Militants attacked Kulachi College on Monday, killing a guard.", None, "Kulachi"),
]


@pytest.mark.parametrize(("text", "facility", "place"), FACILITY_NAME)
def test_a_facility_named_after_a_far_village_is_no_site(text, facility, place):
    df = rows(text)
    locations = [str(x) for x in df["location"]]
    assert any(place in x for x in locations), locations
    assert facility is None or not any(facility in x for x in locations), locations


# (sentence, the name as written, the village the gazetteer lists it as): a name the
# index lacks as written, right after "in", "near", "at" or "spread to", that the geocoder reads
# exactly as one village under another spelling is that village
LOCATED_UNKNOWN = [
    ("Gunmen attacked villagers near Zerjanu on Saturday, killing two.", "Zerjanu", "Zair Jano"),
    (
        "Gunmen attacked a police post in Begukhel on Saturday, killing two.",
        "Begukhel",
        "Begu Khel",
    ),
    (
        "Clashes between the tribes spread to Balishkhel on Saturday, killing two.",
        "Balishkhel",
        "Balesh Khel",
    ),
]


@pytest.mark.parametrize(("text", "written", "listed"), LOCATED_UNKNOWN)
def test_a_village_written_otherwise_after_in_or_near_is_read(text, written, listed):
    df = rows(text)
    assert len(df) == 1
    assert df.iloc[0]["location"] == written and df.iloc[0]["matched_name"] == listed


def test_a_list_of_villages_is_no_quarter_of_its_next_item():
    # "Sadda, Khar Kallay, ...": a list, not "Saddar, Quetta" (a quarter of a town)
    df = rows(
        "Tribal clashes in Kurram killed four on Friday. On Saturday, a ceasefire was "
        "declared in Sadda, Sangina, Balish Khel and Khar Kaly."
    )
    sadda = df[df["location"] == "Sadda"]
    assert list(sadda["matched_name"]) == ["Sadda"], df[["location", "matched_name"]]


def test_a_common_capitalised_word_after_in_is_no_village():
    df = rows("Gunmen attacked a police post in Retaliation for the arrests on Saturday.")
    assert df.empty


# (sentence, whether it reports an attack)
DESTROYED = [
    ("Among the targets was a militant hideout in Khost, which was destroyed on Friday.", True),
    ("The air force destroyed an ammunition depot in Paktika province on Friday.", True),
    ("Heavy rain destroyed dozens of homes in Swat on Friday.", False),
    ("A flash flood destroyed a bridge in Chitral on Friday.", False),
]


@pytest.mark.parametrize(("text", "event"), DESTROYED)
def test_a_destroyed_target_is_an_event_unless_nature_did_it(text, event):
    df = rows(text)
    assert (len(df) > 0) == event
    if event:
        assert df.iloc[0]["event_kind"] in ("attack", "air_strike")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The air force struck a depot on Friday.", "air_strike"),
        ("The posts were hit during the air operations on Friday.", "air_strike"),
        ("The air force chief met officials on Friday.", None),
    ],
)
def test_air_operations_are_air_strikes(text, kind):
    kinds = [t.kind for t in triggers_in(text)]
    assert (kind in kinds) if kind else not kinds


# (sentence, places only mentioned: no row there, the site: a row there)
MENTIONED_ONLY = [
    # where fighters hide, shelter, train or keep sanctuaries
    (
        "Terrorists sheltering in Kunar province launched an attack on a post in Chitral on "
        "Monday.",
        ["Kunar"],
        "Chitral",
    ),
    (
        "Militants trying to cross into Pakistan from Paktika were killed in South Waziristan "
        "on Monday.",
        ["Paktika"],
        "South Waziristan",
    ),
    (
        "Militants using Afghan soil in Kunar attacked troops in Chitral on Monday.",
        ["Kunar"],
        "Chitral",
    ),
    (
        "The attackers were trained in camps in Paktika, the army said of Monday's raid in Zhob.",
        ["Paktika"],
        "Zhob",
    ),
    (
        "Pakistan says the TTP uses sanctuaries in Kunar and Nuristan, and on Monday its fighters "
        "attacked a post in Chitral.",
        ["Kunar", "Nuristan"],
        "Chitral",
    ),
    # where they went afterwards
    (
        "After attacking the post in Bajaur on Monday, the militants escaped to Kunar.",
        ["Kunar"],
        "Bajaur",
    ),
    # a neighbour list, a link, a hometown, a funeral
    (
        "Five soldiers were killed on Monday in Kurram, which borders Afghanistan's Khost and "
        "Paktia provinces.",
        ["Khost", "Paktia"],
        "Kurram",
    ),
    (
        "The Torkham crossing, which connects Khyber district with Nangarhar, was closed on "
        "Monday after clashes.",
        ["Nangarhar"],
        "Torkham",
    ),
    (
        "Two soldiers from Swat were among those killed in the attack in Kurram on Monday.",
        ["Swat"],
        "Kurram",
    ),
    (
        "Mourners gathered in Quetta on Monday for the funeral of soldiers killed in Zhob.",
        ["Quetta"],
        None,
    ),
    # an appositive that describes the site by what lies near it
    (
        "Bajaur, a former tribal district near Kunar, came under mortar fire on Monday.",
        ["Kunar"],
        "Bajaur",
    ),
    ("The firing on Monday hit Lwara, a village on the road to Khost.", ["Khost"], "Lwara"),
    (
        "Clashes erupted on Monday in Kurram, a district known for feuds that juts into "
        "Afghanistan's Paktia and Nangarhar.",
        ["Paktia", "Nangarhar"],
        "Kurram",
    ),
    # a meeting, a destination, what a person was wanted for or planned
    (
        "The strike in Khost on Monday followed a meeting of Pakistan's top brass in Rawalpindi.",
        ["Rawalpindi"],
        "Khost",
    ),
    (
        "The fighting near Torkham on Monday stranded trucks headed to Peshawar.",
        ["Peshawar"],
        "Torkham",
    ),
    (
        "The bodies of the soldiers killed in Kurram on Monday were flown to Rawalpindi.",
        ["Rawalpindi"],
        "Kurram",
    ),
    (
        "Militants wanted for the 2023 attack in Peshawar were killed in Kurram on Monday.",
        ["Peshawar"],
        "Kurram",
    ),
    (
        "The militants killed in Zhob on Monday were planning attacks in Quetta, the army said.",
        ["Quetta"],
        "Zhob",
    ),
    (
        "The attackers, who were returning to Khost, were killed in North Waziristan on Monday.",
        ["Khost"],
        "North Waziristan",
    ),
    (
        "Militants based across the border in Khost attacked Miranshah on Monday.",
        ["Khost"],
        "Miranshah",
    ),
    # a purpose
    (
        "The militants were on their way from Khost to attack targets in Bannu when they were "
        "killed in North Waziristan on Monday.",
        ["Khost", "Bannu"],
        "North Waziristan",
    ),
]


@pytest.mark.parametrize(("text", "mentioned", "site"), MENTIONED_ONLY)
def test_mentioned_places_are_not_sites(text, mentioned, site):
    locs = [str(x) for x in rows(text)["location"]]
    for m in mentioned:
        assert not any(m in x for x in locs), (m, locs)
    if site is not None:
        assert any(site in x for x in locs), (site, locs)


# (sentence, sites that must be rows) - the rules above must not drop them
SITES = [
    (
        "Afghan forces fired on posts in Chitral and Bajaur districts on Monday.",
        ["Chitral", "Bajaur"],
    ),
    (
        "Clashes broke out on Monday at the Torkham crossing, which links Khyber district with "
        "Nangarhar.",
        ["Torkham"],
    ),
    (
        "Soldiers from the Frontier Corps clashed with Afghan forces in Chaman on Monday.",
        ["Chaman"],
    ),
    (
        "Students from Peshawar were among 10 people killed in a bomb blast in Bajaur on Monday.",
        ["Bajaur"],
    ),
    ("Pakistani forces destroyed several Afghan posts in the Kurram sector on Monday.", ["Kurram"]),
    ("On Monday, mortar shells fired from Kunar landed in Bajaur, wounding three.", ["Bajaur"]),
    ("Strikes hit Barmal, a district in Paktika, on Monday.", ["Barmal"]),
    (
        "Clashes broke out in Chaman, a town near Spin Boldak, and in Kurram on Monday.",
        ["Chaman", "Kurram"],
    ),
    (
        "Afghan forces moved into the Kurram area and clashed with Pakistani troops on Monday.",
        ["Kurram"],
    ),
    ("Militants sent from Kunar to attack Bajaur were killed on Monday.", ["Bajaur"]),
    (
        "A commander wanted for attacks was killed in a drone strike in Khost on Monday.",
        ["Khost"],
    ),
    (
        "Troops killed four militants planning attacks in Bannu during a raid in Lakki Marwat "
        "on Monday.",
        ["Lakki Marwat"],
    ),
    (
        "Jets pounded Paktika and Khost on Monday, hours after a meeting of the corps commanders.",
        ["Paktika", "Khost"],
    ),
]


@pytest.mark.parametrize(("text", "sites"), SITES)
def test_sites_stay_sites(text, sites):
    locs = [str(x) for x in rows(text)["location"]]
    for s in sites:
        assert any(s in x for x in locs), (s, locs)


def test_a_restatement_adds_the_counts_the_finer_row_lacks():
    text = (
        "On Tuesday, four soldiers were wounded in a cross-border attack on posts in Kurram, "
        "and officials said nine attackers were killed.\n"
        "The posts in the Spinkai area of Kurram were fired upon from across the border, "
        "officials said."
    )
    df = rows(text)
    assert len(df) == 1
    assert df.iloc[0]["fatalities"] == 9
    assert df.iloc[0]["injuries"] == 4


# -- later additions: operations, quoted names, ages, posts on the border -----------------


@pytest.mark.parametrize(
    ("text", "site"),
    [
        (
            "On Monday security forces conducted an intelligence-based operation in Tank, "
            "killing four militants.",
            "Tank",
        ),
        ("The conflict broke out on Monday in the “Dangam” district of Kunar province.", "Dangam"),
        ("Jets bombed targets in Afghanistan's capital, Kabul, on Monday.", "Kabul"),
    ],
)
def test_more_sites(text, site):
    locs = [str(x) for x in rows(text)["location"]]
    assert any(site in x for x in locs), (site, locs)


def test_a_soldiers_age_and_hometown_are_not_a_site():
    text = (
        "Two soldiers were martyred in a clash in Kurram on Monday.\n"
        "Sepoy Ali Ahmed, 24, from Sibi, Balochistan, was among them."
    )
    locs = [str(x) for x in rows(text)["location"]]
    assert not any("Sibi" in x or "Balochistan" in x for x in locs), locs


def test_attacks_on_border_posts_are_frontier_wide_and_not_folded_into_the_other_sides_strike():
    text = (
        "Pakistan carried out airstrikes in Khost on Saturday, officials said.\n"
        "Afghan troops then launched attacks on Pakistani border posts late on Saturday."
    )
    df = rows(text)
    assert len(df) == 2
    front = df[df["review_flags"].astype(str).str.contains("frontier_wide")]
    assert len(front) == 1
    assert front.iloc[0]["actor1"] == "Afghan Taliban forces"


def test_a_post_on_the_border_restated_in_a_district_is_one_row():
    text = (
        "Militants from Afghanistan attacked a Pakistani post on the border on Sunday, killing "
        "three soldiers.\n"
        "The militants opened fire on a military post in Mohmand district, officials said."
    )
    df = rows(text)
    assert len(df) == 1
    assert "Mohmand" in str(df.iloc[0]["location"])
    assert df.iloc[0]["fatalities"] == 3


# -- "X, Y": two towns listed, or a place and the town that holds it ------------------------

# (sentence, [(location, matched name, rough lat, rough lon)] of the violent rows)
APPOSED = [
    # two towns far apart, each a town by its own name: a list, each at itself
    (
        "Pakistani jets carried out strikes in Jalalabad, Kandahar on Friday.",
        [("Jalalabad", 34.4, 70.5), ("Kandahar", 31.6, 65.7)],
    ),
    (
        "Pakistan declares war after it carries out strikes in Kabul, Kandahar",
        [("Kabul", 34.5, 69.2), ("Kandahar", 31.6, 65.7)],
    ),
    # a village the gazetteer cannot place alone, then the crossing town holding it
    (
        "Militants attacked a post in Spinkai, Ghulam Khan on Friday.",
        [("Spinkai", 33.1, 70.0)],
    ),
    # a town and the province holding it: one row at the town
    ("A drone strike hit Mir Ali, North Waziristan on Friday.", [("Mir Ali", 33.0, 70.3)]),
]


@pytest.mark.parametrize(("text", "expected"), APPOSED)
def test_apposed_names_are_a_list_of_towns_or_a_place_and_its_holder(text, expected):
    df = rows(text)
    got = sorted((r.location, round(r.latitude, 1), round(r.longitude, 1)) for r in df.itertuples())
    assert len(got) == len(expected)
    for (loc, lat, lon), (want, wlat, wlon) in zip(got, sorted(expected), strict=True):
        assert loc == want
        assert abs(lat - wlat) < 0.3 and abs(lon - wlon) < 0.3, (loc, lat, lon)


# -- a list of places opened after the unit the sentence is set in ------------------------

SCENE_LISTS = [
    # a village of the exact name inside the unit, not a namesake town elsewhere; names
    # the gazetteer lacks placed at the unit with their own text
    (
        "Clashes in Kurram district entered their eighth day, with violence continuing in "
        "areas such as Sangina, Sadda, Balshkhel, Kharkalay and Alizai.",
        {"Sangina", "Sadda", "Balshkhel", "Kharkalay", "Alizai"},
        (33.3, 34.1, 69.8, 70.8),  # inside Kurram, roughly
    ),
    # a town found by its own name outside the unit stays where it is
    (
        "Jets struck Paktika province and other areas including Khost and Kabul on Friday.",
        {"Paktika province", "Khost", "Kabul"},
        None,
    ),
]


@pytest.mark.parametrize(("text", "names", "box"), SCENE_LISTS)
def test_a_list_after_the_scene_unit_is_read_inside_it(text, names, box):
    df = rows(text)
    assert set(df["location"]) == names
    if box is not None:
        lat0, lat1, lon0, lon1 = box
        assert df["latitude"].between(lat0, lat1).all(), df[["location", "latitude"]]
        assert df["longitude"].between(lon0, lon1).all(), df[["location", "longitude"]]
    else:
        assert (df.loc[df["location"] == "Kabul", "latitude"] > 34.3).all()


def test_an_unknown_name_before_a_district_and_its_province_is_in_the_district() -> None:
    # "the general area of Sambaza, Zhob District, Balochistan": Sambaza is not in the
    # gazetteer; it is placed at the inner unit, one row
    rows = extract(
        "Security forces killed 33 terrorists on Friday who were spotted in the general "
        "area of Sambaza, Zhob District, Balochistan.",
        article_date="2025-08-08",
    )
    assert [(r.location, r.matched_name) for r in rows.itertuples()] == [("Sambaza", "Zhob")]
