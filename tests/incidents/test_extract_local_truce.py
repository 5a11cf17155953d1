"""A truce of local parties ("the rival tribes have reached a ceasefire agreement") with no
place of its own is at the place the article named last, not the whole frontier; a
truce of the two countries with no place stays frontier-wide."""

from __future__ import annotations

from incidents.extract import extract


def test_a_tribal_truce_is_at_the_district_named_before():
    df = extract(
        "The death toll from clashes in the Kurram district over disputed land reached 13 on "
        "Wednesday. However, the rival tribes have finally reached a ceasefire agreement "
        "following negotiations with a peace jirga on Thursday.",
        article_date="2023-07-14",
        min_confidence=0,
    )
    truce = df[df["event_kind"] == "ceasefire"]
    assert list(truce["matched_name"]) == ["Kurram"], df[["event_kind", "location"]]
    assert "frontier_wide" not in str(truce["review_flags"].iloc[0])


def test_a_truce_of_the_two_countries_stays_frontier_wide():
    df = extract(
        "Pakistan and Afghanistan agreed to an immediate ceasefire on Sunday.",
        article_date="2025-10-19",
        min_confidence=0,
    )
    assert "frontier_wide" in str(df.loc[df["event_kind"] == "ceasefire", "review_flags"].iloc[0])
