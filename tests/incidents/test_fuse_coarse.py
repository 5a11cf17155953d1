"""incidents.fuse: a coarse (province-level) report joins one event or none, and says why;
a report stranded by greedy merging is moved to its event.

Table-driven: each case lists the village-level reports of two sources (``a``, ``b``)
and of the coarse report's own source (``p``), and what the coarse report ``p:p``
must end in: the group it joins and the start of its ``match_reason``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from fuse_tables import KM_LAT, at, table

from incidents import fuse

PROVINCE = {"geo_precision": 3, "uncertainty_km": 100.0, "latitude": 33.0 + 30 / KM_LAT}


def run(a: list[dict], b: list[dict], p: list[dict]) -> pd.DataFrame:
    return fuse(table(a), table(b), table(p), names=["a", "b", "p"])


def group_of(out: pd.DataFrame, key: str) -> frozenset[str]:
    rep = out[out["row_kind"] == "report"]
    keys = (rep["fuse_source"].astype(str) + ":" + rep["incident_id"].astype(str)).to_numpy()
    g = rep["event_group"].to_numpy()[list(keys).index(key)]
    return frozenset(keys[rep["event_group"].to_numpy() == g].tolist())


def reason_of(out: pd.DataFrame, key: str) -> str:
    rep = out[out["row_kind"] == "report"]
    keys = list(rep["fuse_source"].astype(str) + ":" + rep["incident_id"].astype(str))
    return str(rep["match_reason"].iloc[keys.index(key)])


EVENT_1 = ([{"incident_id": "a1", "fatalities": 3}],
           [{"incident_id": "b1", "fatalities": 3, "latitude": at(1)}])  # fmt: skip
EVENT_2 = ([{"incident_id": "a2", "fatalities": 3, "latitude": at(60)}],
           [{"incident_id": "b2", "fatalities": 3, "latitude": at(61)}])  # fmt: skip
EVENT_2_TOLL_9 = ([{"incident_id": "a2", "fatalities": 9, "latitude": at(60)}],
                  [{"incident_id": "b2", "fatalities": 9, "latitude": at(61)}])  # fmt: skip
EVENT_2_PROTEST = (
    [{"incident_id": "a2", "fatalities": 3, "latitude": at(60), "event_type": "Protests",
      "sub_event_type": "Peaceful protest"}],
    [{"incident_id": "b2", "fatalities": 3, "latitude": at(61), "event_type": "Protests",
      "sub_event_type": "Peaceful protest"}],
)  # fmt: skip
# the second event gives no toll, and its type is every report's here: nothing but the
# place ties the coarse report to it
EVENT_2_NO_TOLL = ([{"incident_id": "a2", "fatalities": None, "latitude": at(60)}],
                   [{"incident_id": "b2", "fatalities": None, "latitude": at(61)}])  # fmt: skip
NO_EVENT: tuple[list[dict], list[dict]] = ([], [])

CASES = [
    # (name, first event, second event, coarse report, its group, its reason starts with;
    # b1 lies 1 km north of a1, p 30 km north: p's nearest report in the event is 29 km off)
    ("one candidate event, same toll: joins it", EVENT_1, NO_EVENT,
     {"fatalities": 3}, {"a:a1", "b:b1", "p:p"}, "29.0 km apart (coarse place, one event"),
    ("one candidate event, toll within 2: joins it", EVENT_1, NO_EVENT,
     {"fatalities": 4}, {"a:a1", "b:b1", "p:p"}, "29.0 km apart (coarse place, one event"),
    ("one candidate event, nothing but the place: stays alone", EVENT_1, NO_EVENT,
     {"fatalities": None}, {"p:p"}, "coarse place: no event it fits is corroborated"),
    ("one candidate event, contradicting toll: stays alone", EVENT_1, NO_EVENT,
     {"fatalities": 12}, {"p:p"}, "no other source's report within the windows"),
    ("two candidate events alike: ambiguous, joins neither", EVENT_1, EVENT_2,
     {"fatalities": 3}, {"p:p"}, "ambiguous_coarse: 2 events"),
    ("two events, the second's toll contradicts: joins the first", EVENT_1, EVENT_2_TOLL_9,
     {"fatalities": 3}, {"a:a1", "b:b1", "p:p"}, "29.0 km apart (coarse place, one event"),
    ("two events, the second of another type: joins the first", EVENT_1, EVENT_2_PROTEST,
     {"fatalities": 3}, {"a:a1", "b:b1", "p:p"}, "29.0 km apart (coarse place, one event"),
    # p lies 29 / 30 km from the two events (costs 0.5 nat apart, the same toll's bonus):
    # within the margin, but the second is tied by place alone and could never be joined
    ("two events, only the first corroborated (toll): joins it", EVENT_1, EVENT_2_NO_TOLL,
     {"fatalities": 3}, {"a:a1", "b:b1", "p:p"}, "29.0 km apart (coarse place, one event"),
    ("two events, neither corroborated: stays alone", EVENT_1, EVENT_2_NO_TOLL,
     {"fatalities": None}, {"p:p"}, "ambiguous_coarse: 2 events"),
    ("two candidate events, one a day later: the same-day one fits clearly best", EVENT_1,
     ([{"incident_id": "a2", "fatalities": 3, "latitude": at(60), "date": "2025-10-12"}],
      [{"incident_id": "b2", "fatalities": 3, "latitude": at(61), "date": "2025-10-12"}]),
     {"fatalities": 3}, {"a:a1", "b:b1", "p:p"}, "29.0 km apart (coarse place, one event"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("event_1", "event_2", "coarse", "joins", "reason"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_coarse_report_joins_the_one_candidate_event_or_none(
    event_1, event_2, coarse, joins, reason
):
    a = event_1[0] + event_2[0]
    b = event_1[1] + event_2[1]
    out = run(a, b, [{"incident_id": "p", **PROVINCE, **coarse}])
    assert group_of(out, "p:p") == frozenset(joins)
    assert reason_of(out, "p:p").startswith(reason), reason_of(out, "p:p")
    # the precise reports keep their own events whatever the coarse report does
    assert {"a:a1", "b:b1"} <= group_of(out, "a:a1")
    if event_2[0]:
        assert "a:a1" not in group_of(out, "a:a2")


@pytest.mark.parametrize("within_source", [False, True])
def test_a_coarse_report_never_joins_its_own_source(within_source):
    # the only event is reported by the coarse report's own table (and cites the same outlet)
    outlet = {"fatalities": 3, "source": "outlet"}
    own = table([{"incident_id": "a1", **outlet}, {"incident_id": "p", **outlet, **PROVINCE}])
    out = fuse(own, names=["a"], within_source=within_source)
    assert group_of(out, "a:p") == frozenset({"a:p"})
    assert group_of(out, "a:a1") == frozenset({"a:a1"})
    # another source's report of the event: then it is one event with the village report
    other = table([{"incident_id": "b1", "fatalities": 3, "latitude": at(1)}])
    out = fuse(own, other, names=["a", "b"], within_source=within_source)
    assert group_of(out, "a:a1") == frozenset({"a:a1", "b:b1"})
    # and the coarse report joins it only as a report of another source than a1's: never
    assert group_of(out, "a:p") == frozenset({"a:p"})


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_ambiguity_does_not_depend_on_row_order(seed):
    a = EVENT_1[0] + EVENT_2[0] + [{"incident_id": "a3", "fatalities": 3, "latitude": at(-45)}]
    b = EVENT_1[1] + EVENT_2[1]
    p = [{"incident_id": "p", "fatalities": 3, **PROVINCE},
         {"incident_id": "q", "fatalities": 3, **PROVINCE, "latitude": at(200)}]  # fmt: skip
    ref = run(a, b, p)
    rng = np.random.default_rng(seed)
    shuffled = [[rows[k] for k in rng.permutation(len(rows))] for rows in (a, b, p)]
    out = run(*shuffled)
    for key in ("a:a1", "a:a2", "a:a3", "b:b1", "b:b2", "p:p", "p:q"):
        assert group_of(out, key) == group_of(ref, key)
        assert reason_of(out, key) == reason_of(ref, key)
    # p has three candidate events (a3 alone is one): ambiguous; q is 170 km off, alone
    assert reason_of(ref, "p:p").startswith("ambiguous_coarse: 3 events")
    assert group_of(ref, "p:q") == frozenset({"p:q"})


# -- a report taken by a neighbouring event's report is moved back ------------------------


def test_a_report_stranded_by_greedy_merging_is_moved_to_its_event():
    # one event reported by a (0 km), u (6 km north) and n1 (4.8 km north); n2, another
    # event's news report, lies 4.5 km south.  Costs (5 km radii: s2 = 2 (5 / 2.448)**2
    # = 8.34, cost d**2 / (2 s2) + ln s2): u-n1 2.21, a-n2 3.33, a-n1 3.50, a-u 4.28;
    # u and n2 (10.5 km) are not candidates (limit 5 + 5 km).  Cheapest first puts a
    # with n2 and u with n1, which cannot merge (two news reports).  Moving a to u and
    # n1 gives the grouping two pairs more (worth 9 nats each) for 4.45 nats more cost.
    a = table([{"incident_id": "a"}])
    u = table([{"incident_id": "u", "latitude": at(6)}])
    n = table([{"incident_id": "n1", "latitude": at(4.8)},
               {"incident_id": "n2", "latitude": at(-4.5)}])  # fmt: skip
    out = fuse(a, u, n, names=["a", "u", "n"])
    assert group_of(out, "a:a") == frozenset({"a:a", "u:u", "n:n1"})
    assert group_of(out, "n:n2") == frozenset({"n:n2"})
    # the same whatever the order of the rows and of the tables' rows
    out = fuse(a, u, n.iloc[::-1].reset_index(drop=True), names=["a", "u", "n"])
    assert group_of(out, "a:a") == frozenset({"a:a", "u:u", "n:n1"})


def test_moves_keep_groups_complete_and_do_not_depend_on_row_order(monkeypatch):
    import incidents._fuse_match as match
    from incidents._fuse_synth import synthetic_sources
    from incidents.fuse import fuse_detailed

    # dense: 1,500 events in 20 days, every one with a near-but-distinct twin
    frames = synthetic_sources(1500, seed=5, scenario="near_distinct", days=20)
    out, pairs = fuse_detailed(*frames)
    rep = out[out["row_kind"] == "report"]
    # every group is complete: each pair of its reports is a candidate pair
    size = rep.groupby("event_group").size()
    inside = pairs[pairs["grouped"]]
    assert len(inside) == int((size * (size - 1) // 2).sum())
    # the moves act on this table (without them the grouping differs) ...
    monkeypatch.setattr(match, "MAX_PASSES", 0)
    plain = fuse(*frames)
    monkeypatch.undo()
    g0 = plain[plain["row_kind"] == "report"]["event_group"].to_numpy()
    assert (g0 != rep["event_group"].to_numpy()).any()
    # ... and give the same groups and reasons whatever the order of the rows
    rng = np.random.default_rng(1)
    shuffled = [f.sample(frac=1.0, random_state=int(rng.integers(1e6))) for f in frames]
    out2 = fuse(*shuffled)
    key = ["fuse_source", "incident_id"]
    cols = ["event_group", "match_reason"]
    r1 = rep.set_index(key)[cols].sort_index()
    r2 = out2[out2["row_kind"] == "report"].set_index(key)[cols].sort_index()
    pd.testing.assert_frame_equal(r1, r2)
