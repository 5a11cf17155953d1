"""``change()``: per unit, is the count of one period different from another's?"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from incidents.aggregate._checks import PERIODS
from incidents.aggregate._reduce import period_start
from incidents.errors import IncidentError

#: Labels of :func:`change`'s ``trend`` column, from most up to most down.
TRENDS = ("large increase", "moderate increase", "stable", "moderate decrease", "large decrease")
#: Default significance level of :func:`change`.
LEVEL = 0.05

_MEASURES = (
    "incidents",
    "fatalities",
    "low_precision",
    "low_precision_share",
    "first_date",
    "last_date",
)


def change(
    agg: gpd.GeoDataFrame,
    *,
    before: Any = None,
    after: Any = None,
    level: float = LEVEL,
    large: float = 25.0,
    moderate: float = 10.0,
    periods: Sequence[Any] | None = None,
) -> gpd.GeoDataFrame:
    """Per unit, the change in incidents between two periods of an aggregate.

    Parameters
    ----------
    agg
        An :func:`aggregate` result made with a ``period``.
    before, after
        The two periods compared, as dates (any day inside each period).  By
        default ``after`` is the last period present in ``agg`` and ``before`` the
        calendar period just before ``after`` (which may hold no incidents).
    level
        Significance level of the test below (default 0.05).
    large, moderate
        Percent thresholds for the size of a significant change: at least
        ``+large`` % is a ``large increase``, at least ``+moderate`` % a
        ``moderate increase`` (symmetrically for decreases).
    periods
        ``(before, after)`` as one pair (older spelling of ``before=``/``after=``).

    Returns
    -------
    geopandas.GeoDataFrame
        One row per unit present in either period (the unassigned row included):
        the unit's columns, ``period_before``, ``period_after``,
        ``incidents_before``, ``incidents_after``, ``fatalities_before``,
        ``fatalities_after``, ``change`` (after - before), ``change_pct`` (null
        when before is 0), ``p_value``, ``trend`` (one of :data:`TRENDS`), and
        geometry.

    Notes
    -----
    The rule: counts are treated as Poisson with rates proportional to the
    periods' lengths in days (``t0``, ``t1``; months differ).  Under "no change"
    the ``after`` count given the total ``n = n0 + n1`` is
    ``Binomial(n, t1 / (t0 + t1))`` (the exact conditional test for two Poisson
    counts); ``p_value = min(1, 2 * min(P[X <= n1], P[X >= n1]))``.  A unit is
    labelled an increase or a decrease only when ``p_value <= level``; it is then
    ``large`` when ``|change_pct|`` reaches ``large`` (a rise from 0 always does),
    else ``moderate`` when it reaches ``moderate``; every other unit is
    ``stable``.  So 0 -> 1, 1 -> 2 and even 0 -> 5 (p = 0.0625) are ``stable``
    at 0.05; 0 -> 6 (p = 0.031) is a ``large increase``.
    """
    for name, value in (("large", large), ("moderate", moderate)):
        if not isinstance(value, int | float) or not np.isfinite(value) or value < 0:
            raise IncidentError(f"{name} must be a non-negative percentage, got {value!r}")
    if moderate > large:
        raise IncidentError(f"moderate ({moderate:g} %) must not exceed large ({large:g} %)")
    if isinstance(level, bool) or not isinstance(level, int | float) or not 0 < level < 1:
        raise IncidentError(f"level must be a probability between 0 and 1, got {level!r}")
    if not isinstance(agg, pd.DataFrame) or "unit" not in agg or "incidents" not in agg:
        raise IncidentError("change needs the result of incidents.aggregate")
    freq = agg.attrs.get("period")
    if "period" not in agg or freq not in PERIODS:
        raise IncidentError(
            "change needs an aggregate made with a period; call aggregate(..., "
            "period='day'|'week'|'month') (or pass --period with --change)"
        )
    if periods is not None:
        if before is not None or after is not None:
            raise IncidentError("give either periods=(before, after) or before=/after=, not both")
        if isinstance(periods, str) or len(periods) != 2:
            raise IncidentError(f"periods must be a (before, after) pair, got {periods!r}")
        before, after = periods
    dated = agg[agg["period"].notna()]
    p0, p1 = _choose(dated, before, after, freq)

    keep = [c for c in agg.columns if c not in (*_MEASURES, "period", "geometry")]
    keep = [c for c in keep if not c.startswith("type_")]
    units = dated.drop_duplicates("unit")[[*keep, "geometry"]].set_index("unit", drop=False)

    def pick(when: np.datetime64) -> pd.DataFrame:
        rows = dated[dated["period"].to_numpy(dtype="datetime64[ns]") == when]
        return rows.set_index("unit")[["incidents", "fatalities"]]

    a, b = pick(p0), pick(p1)
    order = [u for u in units.index if u in a.index or u in b.index]
    a = a.reindex(order, fill_value=0)
    b = b.reindex(order, fill_value=0)
    base = units.loc[order].reset_index(drop=True)
    n0 = a["incidents"].to_numpy(dtype=np.int64)
    n1 = b["incidents"].to_numpy(dtype=np.int64)
    diff = n1 - n0
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.where(n0 > 0, 100.0 * diff / np.maximum(n0, 1), np.nan)
    t0, t1 = _days(p0, freq), _days(p1, freq)
    p = poisson_change_p(n0, n1, exposure_before=t0, exposure_after=t1)
    signed = np.where(n0 > 0, pct, np.where(n1 > 0, np.inf, 0.0))
    sig = p <= level
    up, down = sig & (diff > 0), sig & (diff < 0)
    trend = np.select(
        [
            up & (signed >= large),
            up & (signed >= moderate),
            down & (signed <= -large),
            down & (signed <= -moderate),
        ],
        [TRENDS[0], TRENDS[1], TRENDS[4], TRENDS[3]],
        default=TRENDS[2],
    )
    data = base.drop(columns="geometry")
    data["period_before"] = pd.Series(p0, index=data.index).astype("datetime64[ns]")
    data["period_after"] = pd.Series(p1, index=data.index).astype("datetime64[ns]")
    data["incidents_before"] = n0
    data["incidents_after"] = n1
    data["fatalities_before"] = a["fatalities"].to_numpy(dtype=np.int64)
    data["fatalities_after"] = b["fatalities"].to_numpy(dtype=np.int64)
    data["change"] = diff
    data["change_pct"] = np.round(pct, 2)
    data["p_value"] = p
    data["trend"] = pd.array(trend, dtype="string")
    out = gpd.GeoDataFrame(data, geometry=base.geometry.values, crs=agg.crs or 4326)
    out.attrs = {
        **{k: v for k, v in agg.attrs.items() if k != "event_types"},
        "change": {
            "before": str(pd.Timestamp(p0).date()),
            "after": str(pd.Timestamp(p1).date()),
            "days_before": int(t0),
            "days_after": int(t1),
            "test": "exact conditional binomial test of two Poisson counts, two-sided",
            "level": float(level),
            "large": float(large),
            "moderate": float(moderate),
        },
    }
    return out


def poisson_change_p(
    before: np.ndarray,
    after: np.ndarray,
    *,
    exposure_before: float = 1.0,
    exposure_after: float = 1.0,
) -> np.ndarray:
    """Two-sided p-value that two Poisson counts share one rate (exact conditional test).

    Given ``n = before + after``, ``after ~ Binomial(n, q)`` with
    ``q = exposure_after / (exposure_before + exposure_after)`` under equal rates;
    the p-value is ``min(1, 2 * min(P[X <= after], P[X >= after]))``, and 1 when
    ``n`` is 0.
    """
    n0 = np.asarray(before, dtype=np.int64)
    n1 = np.asarray(after, dtype=np.int64)
    n = n0 + n1
    q = exposure_after / (exposure_before + exposure_after)
    from scipy import stats  # scipy.stats takes ~1.5 s to import: only when comparing

    lower = stats.binom.cdf(n1, n, q)
    upper = stats.binom.sf(n1 - 1, n, q)
    p = np.minimum(1.0, 2.0 * np.minimum(lower, upper))
    return np.where(n > 0, p, 1.0)


def _choose(
    dated: pd.DataFrame, before: Any, after: Any, freq: str
) -> tuple[np.datetime64, np.datetime64]:
    """The starts of the two periods compared."""
    present = np.sort(pd.unique(dated["period"].to_numpy(dtype="datetime64[ns]")))
    if after is None:
        if len(present) == 0:
            raise IncidentError("change needs dated incidents; the aggregate has no period")
        p1 = present[-1]
    else:
        p1 = _start(after, "after", freq)
    if before is None:
        p0 = period_start(np.array([p1 - np.timedelta64(1, "D")]), freq)[0]
    else:
        p0 = _start(before, "before", freq)
    if p0 >= p1:
        raise IncidentError(
            f"the 'before' period must precede 'after', got before={before!r}, after={after!r}"
        )
    return p0, p1


def _start(value: Any, name: str, freq: str) -> np.datetime64:
    try:
        when = pd.Timestamp(value)
    except (ValueError, TypeError) as exc:
        raise IncidentError(f"{name} must be a date such as 2025-10-01, got {value!r}") from exc
    if pd.isna(when):
        raise IncidentError(f"{name} must be a date such as 2025-10-01, got {value!r}")
    return period_start(np.array([when.to_datetime64()]), freq)[0]


def _days(start: np.datetime64, freq: str) -> int:
    """Length in days of the period starting at ``start``."""
    if freq == "day":
        return 1
    if freq == "week":
        return 7
    first = pd.Timestamp(start)
    return int(first.days_in_month)
