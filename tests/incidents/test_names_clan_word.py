"""The clan word of Pashtun place names is romanised many ways ("Khel", "Khail",
"Kheyl", glued or apart): :func:`incidents._names.norm` gives them one spelling, so a
name written one way finds the gazetteer's record written another way exactly."""

from __future__ import annotations

import pytest

from incidents._names import norm
from incidents.geocode import Geocoder


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Musakhail", "musakhel"),
        ("Ali Khail (Jaji)", "ali khel jaji"),
        ("Dowlat Kheyl", "dowlat khel"),
        ("Hasan Kheil", "hasan khel"),
        ("Zaman Khayl", "zaman khel"),
        ("Bakakhel", "bakakhel"),
        # not the clan word: inside a word, or another word
        ("Khairabad", "khairabad"),
        ("Khailabad", "khailabad"),
        ("Mikhaila", "mikhaila"),
    ],
)
def test_one_spelling_of_the_clan_word(written: str, key: str) -> None:
    assert norm(written) == key


@pytest.mark.parametrize(
    ("written", "usual"),
    [("Musakhail", "Musakhel"), ("Musa Khail", "Musa Khel"), ("Musakheyl", "Musakhel")],
)
def test_a_variant_is_read_as_the_usual_spelling(written: str, usual: str) -> None:
    gc = Geocoder.default()
    got, want = gc.resolve(written), gc.resolve(usual)
    assert got and want
    assert (got[0].name, got[0].method, got[0].uncertainty_km) == (
        want[0].name,
        want[0].method,
        want[0].uncertainty_km,
    )


def test_the_glued_variant_finds_the_town() -> None:
    # Musa Khel Bazar, the seat of Musakhel district (Balochistan)
    got = Geocoder.default().resolve("Musakhail")
    assert got[0].name == "Musa Khel Bazar" and got[0].uncertainty_km <= 15
