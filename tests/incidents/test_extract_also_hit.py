"""Places said to be "also hit" a few sentences after a violent event are more places of
that event, with its kind and its day ("An air raid on Khost killed ten. / ... / The
nearby border regions of Kunar and Paktika were also hit, wounding four")."""

from __future__ import annotations

from incidents.extract import extract

TEXT = (
    "An air raid on Khost province killed nine children and a woman on Monday night, the "
    "Taliban spokesman said.\n"
    "Residents searched through the rubble of a collapsed house.\n"
    "The nearby border regions of Kunar and Paktika were also hit, wounding at least four "
    "people, the spokesman said."
)


def test_the_places_also_hit_share_the_event():
    df = extract(TEXT, article_date="2025-11-25", min_confidence=0)
    got = {
        str(m): (k, str(d.date()))
        for m, k, d in zip(df["matched_name"], df["event_kind"], df["date"], strict=True)
    }
    assert got.get("Kunar") == ("air_strike", "2025-11-24"), got
    assert got.get("Paktika") == ("air_strike", "2025-11-24"), got
    assert int(df.loc[df["matched_name"] == "Kunar", "injuries"].iloc[0]) == 4


def test_also_hit_with_no_event_before_is_nothing():
    df = extract(
        "Trade talks were held in Kabul on Monday. Markets in Kunar were also hit by the closure.",
        article_date="2025-11-25",
        min_confidence=0,
    )
    assert not df["event_kind"].isin(["air_strike", "attack", "shelling"]).any()
