"""The towns after servicemen named by rank are their homes ("Sepoy Naheed Iqbal (23) of
Karak"), not places where they fell."""

from __future__ import annotations

from incidents.extract import extract

TEXT = (
    "Five soldiers were martyred while responding to fire from across the border in Kurram "
    "district, the ISPR said on Sunday.\n"
    "During the exchange, Lance Naik Ajab Noor (34) of Karachi, Sepoy Naheed Iqbal (23) of "
    "Karak, Sepoy Sameerullah Khan (18) of Bannu and Sepoy Sajid Ali, 27, from Bahawalnagar "
    "embraced shahadat."
)


def test_the_homes_of_the_fallen_are_no_sites():
    df = extract(TEXT, article_date="2022-02-06", min_confidence=0)
    assert set(df["matched_name"].astype(str)) == {"Kurram"}, df[["event_kind", "location"]]
    assert int(df["fatalities"].iloc[0]) == 5
