"""incidents.fuse: the same positive death toll is evidence of one event; two reports of no
deaths are not.

Costs are checked against figures worked by hand from the rule in
:func:`incidents._fuse_match.pair_cost`: two village points (5 km radius, sigma
5 / 2.448 km) at one place cost ``ln(2 (5 / 2.448)**2) = ln 8.343 = 2.1215`` nats, less
1 nat for the same positive toll.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest
from fuse_tables import at, table

from incidents import fuse
from incidents.fuse import fuse_detailed

SAME_PLACE = math.log(2 * (5 / 2.448) ** 2)  # 2.1215 nats


@pytest.mark.parametrize(
    ("toll_a", "toll_b", "cost"),
    [
        (3, 3, SAME_PLACE - 1.0),  # the same positive toll: 1 nat less
        (3, 4, SAME_PLACE),  # tolls that agree (within 2) but differ: nothing
        (3, None, SAME_PLACE),  # one unknown: nothing
        (0, 0, SAME_PLACE),  # two reports of no deaths say nothing about the event
        (3, 12, SAME_PLACE + 2.0),  # contradicting tolls: 2 nats more
    ],
)
def test_pair_cost_of_death_tolls(toll_a, toll_b, cost):
    a = table([{"incident_id": "a", "fatalities": toll_a}])
    b = table([{"incident_id": "b", "fatalities": toll_b}])
    _, pairs = fuse_detailed(a, b, names=["a", "b"])
    assert len(pairs) == 1
    assert pairs["cost"].iloc[0] == pytest.approx(cost, abs=0.006)  # reported to 0.01


def _group_of(out: pd.DataFrame, key: str) -> frozenset[str]:
    rep = out[out["row_kind"] == "report"]
    keys = (rep["fuse_source"].astype(str) + ":" + rep["incident_id"].astype(str)).tolist()
    g = rep["event_group"].to_numpy()
    return frozenset(k for k, x in zip(keys, g, strict=True) if x == g[keys.index(key)])


@pytest.mark.parametrize(
    ("toll_2", "joins"),
    [
        # the second event's reports give 4 killed, the province report and the first
        # event's 3: place costs ~0.06 nat apart (p 29-30 km from event 1, 32-33 km from
        # event 2), the same toll 1 nat: the first fits clearly best (margin 1 nat)
        (4, {"a:a1", "b:b1", "p:p"}),
        # both events give 3 killed: they fit alike and it joins neither
        (3, {"p:p"}),
    ],
)
def test_a_province_report_joins_the_event_giving_its_toll(toll_2, joins):
    a = table([{"incident_id": "a1", "fatalities": 3},
               {"incident_id": "a2", "fatalities": toll_2, "latitude": at(62)}])  # fmt: skip
    b = table([{"incident_id": "b1", "fatalities": 3, "latitude": at(1)},
               {"incident_id": "b2", "fatalities": toll_2, "latitude": at(63)}])  # fmt: skip
    p = table([{"incident_id": "p", "fatalities": 3, "geo_precision": 3,
                "uncertainty_km": 100.0, "latitude": at(30)}])  # fmt: skip
    out = fuse(a, b, p, names=["a", "b", "p"])
    assert _group_of(out, "p:p") == frozenset(joins)
    assert _group_of(out, "a:a1") >= {"a:a1", "b:b1"}
    assert _group_of(out, "a:a2") >= {"a:a2", "b:b2"}
