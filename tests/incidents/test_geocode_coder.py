"""Constructions found by the ``coder`` slice of the hand-checked places (first run,
before any fix): a shrine named with its town, the honorific "Sharif" of a shrine
town, and a district's seat written "X district centre/headquarters".  Table-driven,
with other places than the slice's rows."""

from __future__ import annotations

import pytest

from incidents._gazetteer import Gazetteer
from incidents._grammar import strip_qualifiers
from incidents._names import norm, variant_keys
from incidents.geocode import Geocoder
from tests.incidents.gazetteer_rows import row, with_rows


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("pakpattan sharif shrine", ["pakpattan sharif", "pakpattan"]),
        ("uch sharif dargah", ["uch sharif", "uch"]),
        ("golra shareef", ["golra"]),
        ("bari imam mazar", ["bari imam"]),
        ("taunsa sharif bazaar", ["taunsa sharif", "taunsa"]),
    ],
)
def test_shrine_words_and_the_honorific_are_dropped(key: str, expected: list[str]) -> None:
    got = variant_keys(key)
    assert got[: len(expected)] == expected or all(e in got for e in expected), got


@pytest.mark.parametrize(
    ("key", "never"),
    [
        ("data darbar", "data"),  # "Darbar" is part of a shrine's own name
        ("darbar sahib", "darbar"),
        ("sharif", ""),  # the word alone is a name
        ("shrine", ""),
    ],
)
def test_names_that_keep_their_words(key: str, never: str) -> None:
    assert never not in variant_keys(key)


@pytest.mark.parametrize(
    ("text", "core"),
    [
        ("khar district headquarters", "khar"),
        ("sharana district center", "sharana"),
        ("nawa district centre", "nawa"),
        ("ghallanai headquarters", "ghallanai"),
        ("miranshah district hq", "miranshah"),
    ],
)
def test_a_district_seat_is_a_populated_place(text: str, core: str) -> None:
    key, roles, near = strip_qualifiers(text)
    assert (key, roles, near) == (core, frozenset({"place"}), False)


@pytest.fixture(scope="module")
def gc() -> Geocoder:
    return Geocoder(Gazetteer.load())


@pytest.mark.parametrize(
    ("text", "admin1", "admin2", "name"),
    [
        ("Khar district headquarters", "Khyber Pakhtunkhwa", "Bajaur", "khar"),
        ("Sharana district center", "Paktika", "Sharan", "sharan"),
        ("Taunsa Sharif shrine", "Punjab", "Dera Ghazi Khan", "taunsa"),
        ("Pakpattan Sharif dargah", "Punjab", "Pakpattan", "pakpattan"),
    ],
)
def test_resolved_to_the_town(
    gc: Geocoder, text: str, admin1: str, admin2: str, name: str | None
) -> None:
    m = gc.resolve(text, admin1=admin1, admin2=admin2)[0]
    assert m.match_class.startswith("place"), m
    if name is not None:
        assert norm(m.name).startswith(name), m


# ---------------------------------------------------------------- split tehsils
# Made-up rows (not facts) added to the shipped gazetteer: a village name held by
# three villages in three districts, and a tehsil split in two that keeps the name
# of its seat ("<name> Shamali" / "<name> Junubi" in one district).


def _row(name: str, kind: str, lat: float, lon: float, admin2: str, radius=None) -> dict:
    code = "ADM3" if kind == "tehsil" else "PPL"
    return row(
        name,
        lat,
        lon,
        kind=kind,
        feature_code=code,
        admin2=admin2,
        radius_km=radius,
        radius95_km=radius,
    )


@pytest.mark.parametrize(
    ("name", "tehsil_districts", "expected_lat"),
    [
        # both halves of the split in Dir: the village at the split is the seat
        ("Zarkanai", ("Lower Dir", "Lower Dir"), 34.80),
        ("Spinkanai", ("Swat", "Swat"), 34.80),
        # two-word tehsils of different districts are different towns: no seat
        ("Torkanai", ("Lower Dir", "Bannu"), None),
    ],
)
def test_a_split_tehsil_names_its_seat(
    name: str, tehsil_districts: tuple[str, str], expected_lat: float | None
) -> None:
    base = Gazetteer.load()
    rows = [
        _row(name, "locality", 34.80, 71.90, "Lower Dir"),
        _row(name, "locality", 32.20, 73.00, "Sargodha"),
        _row(name, "locality", 33.30, 70.80, "Bannu"),
        _row(f"{name} Shamali", "tehsil", 34.85, 71.95, tehsil_districts[0], 12.0),
        _row(f"{name} Junubi", "tehsil", 34.75, 71.85, tehsil_districts[1], 12.0),
    ]
    gc = Geocoder(with_rows(base, rows))
    assert (norm(name) in gc._split_units()) == (expected_lat is not None)
    m = gc.resolve(name)[0]
    if expected_lat is not None:
        assert m.lat == pytest.approx(expected_lat, abs=0.01), m
    else:
        assert m.ambiguous, m


# ---------------------------------------------------------------- "X, Town"


@pytest.mark.parametrize(
    ("part", "town"),
    [
        ("Akhtarabad", "Quetta"),
        ("Bhagwanpura", "Lahore"),
        ("Chakra", "Rawalpindi"),
        ("Bagrami", "Jalalabad"),
        ("Ahmadpur", "Multan"),
        ("Jarma", "Kohat"),
    ],
)
def test_a_part_named_before_its_town_is_the_namesake_there(
    gc: Geocoder, part: str, town: str
) -> None:
    """A village whose name has namesakes elsewhere (its bare name resolves far
    away) written "X, Town" is the one within the town's reach."""
    from incidents._gazetteer import haversine_km

    g = gc._g
    t = gc.resolve(town)[0]
    rows = [int(r) for r in g.by_key.get(norm(part)) if g.is_place[r]]
    d = haversine_km(t.lat, t.lon, g.lat[rows], g.lon[rows])
    near = rows[int(d.argmin())]
    assert float(d.min()) < 20.0
    bare = gc.resolve(part)[0]
    assert float(haversine_km(bare.lat, bare.lon, g.lat[near], g.lon[near])) > 25.0
    m = gc.resolve(f"{part}, {town}")[0]
    assert float(haversine_km(m.lat, m.lon, g.lat[near], g.lon[near])) < 1.0, m


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # the gazetteer has only far villages spelled alike ("Dur Muhammad Gis",
        # "Shoran Goth", hundreds of km away)
        ("Dur Muhammad Goth, Karachi", "karachi"),
        ("Sher Khan Goth, Karachi", "karachi"),
        # and parts it lacks altogether
        ("Qadirabadgothh, Karachi", "karachi"),
        ("Sheikhupurwalla Mohalla, Lahore", "lahore"),
    ],
)
def test_a_part_only_spelled_like_a_far_place_is_the_town(
    gc: Geocoder, text: str, town: str
) -> None:
    """A part the gazetteer lacks, whose name only resembles a far village, is
    answered by the town it is written with (with the town's reach)."""
    m = gc.resolve(text)[0]
    assert norm(m.name) == town, m
    assert "not found" in (m.reason or ""), m
