"""A sentence's one site keeps its event when the event word comes late.

Military press releases open with the place and tell the result after a long
clause ("During the conduct of the operation in X, Y, own troops effectively engaged
the location and, as a result, eight were killed"): the event word then lies past
the usual reach after the place.  For the sentence's only site, written as one
("in X", "at X", "near X"), the first event word of its clause counts.  A place
that is no site (a hospital named as the subject, a region described) gains
nothing.  Every sentence is a paraphrase written for the test.
"""

from __future__ import annotations

import pytest

from incidents.extract import extract

DATE = "2025-10-14"


@pytest.mark.parametrize(
    ("text", "place", "deaths"),
    [
        (
            "During the conduct of the operation in Datta Khel, North Waziristan, own troops "
            "effectively engaged the khwarij location and, as a result, eight khwarij were "
            "sent to hell, the military said on Friday.",
            "Datta Khel",
            8,
        ),
        (
            "In a pre-dawn raid on a compound at Mir Ali, acting on credible intelligence about "
            "the presence of a group of fighters hiding there for weeks, the security forces "
            "cordoned off the area and, after an intense exchange, six militants were killed on "
            "Thursday.",
            "Mir Ali",
            6,
        ),
        (
            "Near Spin Boldak, where a convoy of trucks carrying fruit and fuel had been waiting "
            "for three days to cross the frontier into Pakistan, a roadside device went off on "
            "Saturday, killing two drivers.",
            "Spin Boldak",
            2,
        ),
    ],
)
def test_late_event_word_keeps_the_one_site(text, place, deaths):
    df = extract(text, article_date=DATE)
    assert len(df) == 1, df[["location"]]
    assert place in df.iloc[0]["location"]
    assert df.iloc[0]["fatalities"] == deaths


@pytest.mark.parametrize(
    "text",
    [
        # the place is the sentence's subject (a facility), not a site written as one
        "Bannu District Headquarters Hospital's medical superintendent told reporters on "
        "Sunday that the two children brought in late at night were badly hurt and several "
        "goats were also killed by the shelling.",
        # a region described, its history
        "North Waziristan, a mountainous region that borders Afghanistan's Khost and Paktika "
        "provinces, has for two decades been a base for militant groups and the focus of "
        "repeated military operations that killed hundreds.",
    ],
)
def test_a_place_that_is_no_site_takes_no_late_event(text):
    assert extract(text, article_date=DATE).empty
