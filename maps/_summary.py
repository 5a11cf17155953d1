"""The title box's facts: counts of rows mapped, not located and excluded, dates, sources."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from maps._rows import MAPPED, OUTSIDE, UNLOCATED

__all__ = ["DEFAULT_TITLE", "summary"]

DEFAULT_TITLE = "Afghanistan\u2013Pakistan frontier incidents"


def _shorten(text: str, n: int) -> str:
    """``text`` cut to ``n`` characters with an ellipsis."""
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"


def summary(
    frame: pd.DataFrame, status: np.ndarray, title: str | None, notices: list[str]
) -> dict[str, Any]:
    """JSON-ready summary of ``frame`` given each row's map status."""
    total = len(frame)
    mapped = int((status == MAPPED).sum())
    unresolved = int((status == UNLOCATED).sum())
    outside = int((status == OUTSIDE).sum())
    dates = pd.to_datetime(frame["date"], errors="coerce") if "date" in frame else None
    dmin = dmax = None
    if dates is not None and dates.notna().any():
        dmin = dates.min().strftime("%Y-%m-%d")
        dmax = dates.max().strftime("%Y-%m-%d")
    has_dates = bool(dates is not None and dates[status == MAPPED].notna().any())
    sources: list[str] = []
    more = 0
    if "source" in frame:
        vc = frame["source"].astype("string").str.strip().replace("", pd.NA).value_counts()
        # long source lists (several URLs per row) would fill the title box
        sources = [_shorten(str(s), 80) for s in vc.index[:2]]
        more = max(len(vc) - 2, 0)
    lead: list[str] = []
    if total == 0:
        lead.append("This table has no incidents: only the frontier is shown.")
    elif mapped == 0 and unresolved == total:
        lead.append(
            f"None of the {total:,} incidents could be located: only the frontier is shown."
        )
    elif unresolved:
        lead.append(f"{unresolved:,} incident(s) could not be located and are not on the map.")
    if outside:
        lead.append(
            f"{outside:,} incident(s) lie outside the mapped Afghanistan\u2013Pakistan "
            "region (a venue abroad, or impossible values) and are left off the map."
        )
    return {
        "title": title if title is not None and str(title).strip() else DEFAULT_TITLE,
        "count": total,
        "mapped": mapped,
        "unresolved": unresolved,
        "excluded": outside,
        "date_min": dmin,
        "date_max": dmax,
        "has_dates": has_dates,
        "sources": sources,
        "sources_more": more,
        "notices": lead + notices,
    }
