"""Generic words dropped from admin-unit names (:func:`incidents._names.admin_core`).

Particles of other languages ("Province de X", "Provincia di X") are noise beside a
unit word only: in Afghan names "du" is "two" ("Du Ab", "Ruyi Du Ab"), and dropping
it made the district "Du Ab" answer to the key "ab" and left "Ruyi Du Ab" unfound
in running text.
"""

from __future__ import annotations

import pytest

from incidents._names import admin_core, norm
from incidents._resolver import Geocoder


@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("Du Ab", "du ab"),
        ("Ruyi Du Ab", "ruyi du ab"),
        ("Dih Bala", "dih bala"),
        ("Province de Kandahar", "kandahar"),
        ("Provincia di Helmand", "helmand"),
        ("District of Kurram", "kurram"),
        ("the Khyber district", "khyber"),
        ("Kurram Agency", "kurram"),
    ],
)
def test_admin_core(name, core):
    assert admin_core(norm(name)) == core


@pytest.mark.parametrize(
    "text",
    [
        "four people were killed in the Ruyi Du Ab district of Samangan province",
        "four people were killed in Ruyi Du Ab district, Samangan",
    ],
)
def test_a_district_whose_name_holds_du_is_found_in_text(text):
    names = [m.text for m in Geocoder.default().find_mentions(text)]
    assert "Ruyi Du Ab" in names
