"""Table-driven tests of the place-text grammar (:mod:`incidents._grammar`).

One table per construction; each row is a text as conflict datasets write it and
the items the grammar must read from it.  Pure text: no gazetteer involved.
"""

from __future__ import annotations

import pytest

from incidents._grammar import Item, parse, strip_qualifiers


def items(text: str, known: frozenset[str] = frozenset()) -> list[Item]:
    return [it for g in parse(text, known=known.__contains__) for it in g.items]


def keys_roles(text: str, known: frozenset[str] = frozenset()) -> list[tuple[str, set[str]]]:
    return [(it.key, set(it.roles)) for it in items(text, known)]


TYPE_WORDS = [
    ("Bara town", [("bara", {"place"})]),
    ("Karachi city", [("karachi", {"place"})]),
    ("Khandaro village", [("khandaro", {"place"})]),
    ("Landi Kotal bazaar", [("landi kotal", {"place"})]),
    ("Shah Mansoor market", [("shah mansoor", {"place"})]),
    ("Jalozai camp", [("jalozai", {"place"})]),
    ("Hassu Khel suburb", [("hassu khel", {"place"})]),
    ("Mamuzai locality", [("mamuzai", {"place"})]),
    ("Kurram agency", [("kurram", {"admin2"})]),
    ("Bajaur District", [("bajaur", {"admin2"})]),
    ("district of Kurram", [("kurram", {"admin2"})]),
    ("Bara tehsil", [("bara", {"tehsil"})]),
    ("Nangarhar province", [("nangarhar", {"admin1"})]),
    ("Tirah valley", [("tirah", {"feature"})]),
    ("Khojak pass", [("khojak", {"feature"})]),
    ("Torkham border crossing", [("torkham", {"crossing"})]),
    ("Shawal area", [("shawal", {"area"})]),
    ("Bostan railway junction area", [("bostan", {"place", "area"})]),
    ("Sibi railway station", [("sibi", {"place"})]),
    ("Quetta general bus stand", [("quetta", {"place"})]),
    ("Kandahar airport", [("kandahar airport", set())]),  # an airport is a place of its own
    ("district", [("district", set())]),  # only a type word: kept as a name
]


@pytest.mark.parametrize(("text", "want"), TYPE_WORDS)
def test_type_words(text, want):
    assert keys_roles(text) == want


NEAR = [
    ("near Chaman", "chaman", True),
    ("outskirts of Peshawar", "peshawar", True),
    ("close to Wana", "wana", True),
    ("Chaman", "chaman", False),
]


@pytest.mark.parametrize(("text", "key", "near"), NEAR)
def test_near(text, key, near):
    (it,) = items(text)
    assert (it.key, it.near) == (key, near)


CITY_PART = [
    ("Karachi - Saddar", "saddar", "karachi"),
    ("Peshawar – Hayatabad", "hayatabad", "peshawar"),
    ("Quetta - Hazara Town", "hazara", "quetta"),
]


@pytest.mark.parametrize(("text", "part", "city"), CITY_PART)
def test_city_part(text, part, city):
    (it,) = items(text)
    assert it.key == part and it.container is not None and it.container.key == city


def test_hyphenated_names_are_not_city_parts():
    assert keys_roles("Spin-Boldak") == [("spin boldak", set())]


AREA_OF = [
    ("Mir Ali area of North Waziristan", "mir ali", {"area"}, "north waziristan"),
    ("Mamuzai village of Orakzai district", "mamuzai", {"place"}, "orakzai"),
    ("Bara tehsil of Khyber district", "bara", {"tehsil"}, "khyber"),
    ("Spinwam in North Waziristan", "spinwam", set(), "north waziristan"),
]


@pytest.mark.parametrize(("text", "key", "roles", "container"), AREA_OF)
def test_x_area_of_y(text, key, roles, container):
    (it,) = items(text)
    assert (it.key, set(it.roles)) == (key, roles)
    assert it.container is not None and it.container.key == container


BETWEEN = [
    ("between Bannu and Mir Ali", "bannu", "mir ali"),
    ("Between Chaman & Spin Boldak", "chaman", "spin boldak"),
]


@pytest.mark.parametrize(("text", "a", "b"), BETWEEN)
def test_between(text, a, b):
    (it,) = items(text)
    assert it.key == a and it.other is not None and it.other.key == b


PARENTHESES = [
    ("Urgun (Argun) district", [("urgun", {"admin2"})], ["argun"]),
    ("Gavi (Gawi) area", [("gavi", {"area"})], ["gawi"]),
    ("Kandahar, Zabul (provinces)", [("kandahar", {"admin1"}), ("zabul", {"admin1"})], []),
]


@pytest.mark.parametrize(("text", "want", "alts"), PARENTHESES)
def test_parentheses(text, want, alts):
    (g,) = parse(text)
    assert [(it.key, set(it.roles)) for it in g.items] == want
    assert [it.key for it in g.alts] == alts


LISTS = [
    ("Khost; Jalalabad", ["khost", "jalalabad"]),
    ("Nangarhar and Kunar provinces", ["nangarhar", "kunar"]),
    ("Chaman / Spin Boldak", ["chaman", "spin boldak"]),
    ("Khandaro village, Urgun district", ["khandaro", "urgun"]),
    ("Bajaur | Mohmand", ["bajaur", "mohmand"]),
]


@pytest.mark.parametrize(("text", "want"), LISTS)
def test_lists(text, want):
    assert [k for k, _ in keys_roles(text)] == want


def test_unit_names_are_atomic():
    known = frozenset({"azad jammu kashmir"})
    assert keys_roles("Azad Jammu & Kashmir", known) == [("azad jammu kashmir", set())]
    # the same text from a caller that does not know the name is a list
    assert [k for k, _ in keys_roles("Azad Jammu & Kashmir")] == ["azad jammu", "kashmir"]


def test_strip_qualifiers():
    assert strip_qualifiers("kurram agency") == ("kurram", frozenset({"admin2"}), False)
    assert strip_qualifiers("near chaman") == ("chaman", frozenset(), True)


@pytest.mark.parametrize("text", ["", "   ", "12345", ";;", "🙂", "x" * 10_000])
def test_junk_gives_no_items_or_bounded_items(text):
    assert len(items(text)) <= 12


POSSESSIVE = [
    ("Nangarhar's Shinwari district", "shinwari", {"admin2"}, "nangarhar"),
    ("Peshawar’s Hayatabad", "hayatabad", set(), "peshawar"),
    ("Kurram's Parachinar town", "parachinar", {"place"}, "kurram"),
]


@pytest.mark.parametrize(("text", "key", "roles", "container"), POSSESSIVE)
def test_possessive_puts_the_second_place_in_the_first(text, key, roles, container):
    (it,) = items(text)
    assert (it.key, set(it.roles)) == (key, roles)
    assert it.container is not None and it.container.key == container


def test_apostrophes_inside_a_name_are_not_possessives():
    assert keys_roles("Qal'eh-ye Now") == [("qaleh ye now", set())]
    assert keys_roles("Sar-e Pol") == [("sar e pol", set())]


LEAD_TYPE = [
    ("Tehsil Mamund", [("mamund", {"tehsil"})]),
    ("District Kurram", [("kurram", {"admin2"})]),
    ("village Tootkas", [("tootkas", {"place"})]),
    ("Mauza Jhangi", [("jhangi", {"place"})]),
    ("Tehsil of Bara", [("bara", {"tehsil"})]),
    ("Kili Faizo", [("kili faizo", set())]),  # not a type word: part of the name
    ("Village", [("village", set())]),
]


@pytest.mark.parametrize(("text", "want"), LEAD_TYPE)
def test_type_word_before_the_name(text, want):
    assert keys_roles(text) == want
