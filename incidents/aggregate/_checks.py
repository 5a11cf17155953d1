"""Validation of aggregate()'s options: messages say what arrived and what is allowed."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from geo import Frontier
from geo.bands import check_bands as geo_check_bands
from incidents.errors import IncidentError

AGGREGATIONS = ("segment", "admin1", "admin2", "hex", "band")
PERIODS = ("day", "week", "month")


def check_options(by: object, period: object) -> tuple[str, str | None]:
    if not isinstance(by, str) or by.strip().lower() not in AGGREGATIONS:
        raise IncidentError(f"unknown aggregation by={by!r}; valid: {', '.join(AGGREGATIONS)}")
    if period is not None and (
        not isinstance(period, str) or period.strip().lower() not in PERIODS
    ):
        raise IncidentError(f"unknown period {period!r}; valid: {', '.join(PERIODS)} or None")
    return by.strip().lower(), None if period is None else period.strip().lower()


def check_km(km: object, frontier: Frontier) -> float:
    try:
        value = float(km)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        value = float("nan")
    if not np.isfinite(value) or value <= 0:
        raise IncidentError(f"segment length km must be a positive number, got {km!r}")
    total = frontier.length_km
    if value > total:
        raise IncidentError(
            f"segment length {value:g} km is longer than the frontier ({total:,.1f} km)"
        )
    return value


def check_bands(bands: Sequence[float]) -> tuple[float, ...]:
    try:
        return geo_check_bands(bands)
    except ValueError as exc:
        raise IncidentError(str(exc)) from None


def check_resolution(resolution: object) -> int:
    if isinstance(resolution, bool) or not isinstance(resolution, int | np.integer):
        raise IncidentError(f"H3 resolution must be an integer 0-15, got {resolution!r}")
    if not 0 <= int(resolution) <= 15:
        raise IncidentError(f"H3 resolution must be between 0 and 15, got {resolution}")
    return int(resolution)
