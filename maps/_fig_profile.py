"""The frontier profile: incidents (or fatalities) per segment along the line.

Afghanistan's side is drawn above the axis, Pakistan's below, one bar per
``km``-long segment from the China tripoint (km 0) to the Iran tripoint.  Every
bar is a row of :func:`incidents.aggregate` (``by="segment"``); incidents too
coarse for a segment (its ``unassigned`` row), outside both countries, undated
when a period is asked for, or not located are counted in the margin.  A second
period (``compare``) is drawn as an outline over the first, for before/after.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from geo import Frontier
from incidents.aggregate import UNASSIGNED, aggregate
from maps._fig_common import CREDITS, admin_spans, check_size, crossing_km, new_figure
from maps._fig_spacetime import _km_formatter, _km_per_inch, _span_labels
from maps.errors import MapError

__all__ = ["profile"]

MEASURES = ("incidents", "fatalities")
_FILL = {"AF": "#b2182b", "PK": "#2166ac"}


def profile(
    frame: pd.DataFrame,
    *,
    ax: Any = None,
    measure: str = "incidents",
    km: float = 50.0,
    between: Sequence[Any] | None = None,
    compare: Sequence[Any] | None = None,
    title: str | None = None,
    width: float = 13.0,
    height: float = 6.0,
    dpi: float = 150.0,
    frontier: Frontier | None = None,
) -> Any:
    """Draw incidents (or fatalities) per frontier segment, AF above and PK below.

    Parameters
    ----------
    frame
        A positioned incident table; not modified.
    ax
        Axes to draw in; a new figure when ``None``.
    measure
        ``"incidents"`` or ``"fatalities"``.
    km
        Segment length.
    between
        ``(first, last)`` dates (inclusive) of the period shown; all rows when ``None``.
    compare
        ``(first, last)`` dates of a second period, drawn as an outline.
    title
        Figure title.
    width, height, dpi
        Size of a new figure in inches, and its resolution.
    frontier
        Defaults to :meth:`geo.Frontier.default`.

    Returns
    -------
    matplotlib.figure.Figure
        ``fig.frontier_profile`` holds the aggregate(s) drawn (``{"main": ...,
        "compare": ...}``).
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    if measure not in MEASURES:
        raise MapError(f"measure must be one of {MEASURES}, got {measure!r}")
    check_size(width, height, dpi)
    frontier = frontier or Frontier.default()
    total = frontier.length_km
    if not isinstance(km, int | float) or not np.isfinite(km) or not 0 < km <= total:
        raise MapError(f"km must be a segment length between 0 and {total:,.1f}, got {km!r}")
    if "frontier_km" not in frame or "side" not in frame:
        raise MapError("the table is not positioned (no frontier_km/side); run 'frontier geocode'")

    main, main_label = _period(frame, between, "between")
    agg = aggregate(main, by="segment", km=km, frontier=frontier)
    other = None
    if compare is not None:
        sub, cmp_label = _period(frame, compare, "compare")
        other = aggregate(sub, by="segment", km=km, frontier=frontier)

    if ax is None:
        fig = new_figure(width, height, dpi)
        ax = fig.add_subplot()
        own = True
    else:
        fig, own = ax.figure, False

    peak = 1.0
    for code, sign in (("AF", 1.0), ("PK", -1.0)):
        rows = agg[(agg["side"] == code) & (agg["unit"] != UNASSIGNED)]
        x0 = rows["km_start"].to_numpy(float)
        w = rows["km_end"].to_numpy(float) - x0
        v = rows[measure].to_numpy(float)
        peak = max(peak, float(v.max()) if len(v) else 0.0)
        bars = ax.bar(
            x0,
            sign * v,
            width=w,
            align="edge",
            color=_FILL[code],
            alpha=0.8,
            edgecolor="white",
            linewidth=0.3,
            zorder=2,
        )
        for patch in bars:
            patch.set_gid(f"bar-{code}")
        if other is not None:
            o = other[(other["side"] == code) & (other["unit"] != UNASSIGNED)]
            ox = np.r_[o["km_start"].to_numpy(float), o["km_end"].to_numpy(float)[-1:]]
            ov = o[measure].to_numpy(float)
            peak = max(peak, float(ov.max()) if len(ov) else 0.0)
            if len(ov):
                ax.stairs(sign * ov, ox, color="black", lw=1.1, zorder=3, gid=f"compare-{code}")
    ax.axhline(0, color="black", lw=0.8, zorder=4)
    for k in crossing_km(frontier)["km"]:
        ax.axvline(k, color="#888888", lw=0.6, ls=(0, (3, 3)), zorder=1)
    ax.set_xlim(0, total)
    lim = peak * 1.3
    ax.set_ylim(-lim, lim)
    ax.yaxis.set_major_formatter(_abs_formatter())
    ax.set_xticks(np.arange(0, total + 1, 250))
    ax.xaxis.set_major_formatter(_km_formatter())
    ax.tick_params(labelsize=8)
    what = "Incidents" if measure == "incidents" else "Fatalities"
    ax.set_ylabel(
        f"{what} per {km:g} km\n\u2191 Afghanistan side \u00b7 Pakistan side \u2193", fontsize=9
    )
    ax.set_xlabel(
        f"km along the frontier: 0 = China tripoint (NE) \u2192 {total:,.1f} = Iran tripoint (SW)"
        "; dashed lines = crossings",
        fontsize=8,
    )
    ax.yaxis.set_major_locator(_integer_locator())
    ax.grid(axis="y", color="#eeeeee", lw=0.5)
    ax.set_axisbelow(True)
    _crossing_names(ax, frontier)
    spans1 = admin_spans(frontier, level="admin1")
    empty = spans1.iloc[0:0]
    _span_labels(ax, spans1[spans1["side"] == "AF"], empty, "top")
    _span_labels(ax, spans1[spans1["side"] == "PK"], empty, "bottom", below_ticks=True)

    handles: list[Any] = [
        Patch(color=_FILL["AF"], alpha=0.8, label=f"Afghanistan side, {main_label}"),
        Patch(color=_FILL["PK"], alpha=0.8, label=f"Pakistan side, {main_label}"),
    ]
    if other is not None:
        handles.append(Line2D([], [], color="black", lw=1.1, label=f"{cmp_label} (outline)"))
    notes = _notes(agg, main_label, measure, len(frame) - len(main), between is not None)
    if other is not None:
        notes += _notes(other, cmp_label, measure, 0, False)
    handles += [Line2D([], [], ls="", label=t) for t in notes]
    if own:
        fig.legend(
            handles=handles,
            loc="outside right upper",
            fontsize=8,
            frameon=False,
            title=f"{what} per {km:g}-km segment",
            title_fontproperties={"size": 8.5},
        )
        fig.suptitle(title or f"{what} along the frontier", fontsize=13)
        fig.supxlabel(CREDITS, fontsize=6, color="#666666")
    else:
        ax.legend(
            handles=handles, fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False
        )
        if title:
            ax.set_title(title)
    fig.frontier_profile = {"main": agg, "compare": other}
    return fig


def _period(frame: pd.DataFrame, span: Sequence[Any] | None, name: str) -> tuple[pd.DataFrame, str]:
    """Rows dated inside ``span`` (inclusive), and a label for it."""
    if span is None:
        dates = pd.to_datetime(frame["date"], errors="coerce") if "date" in frame else None
        if dates is None or dates.notna().sum() == 0:
            return frame, "all incidents"
        return frame, f"{dates.min():%d %b %Y} \u2013 {dates.max():%d %b %Y}"
    if isinstance(span, str) or len(span) != 2:
        raise MapError(f"{name} must be a (first, last) pair of dates, got {span!r}")
    try:
        a, b = (pd.Timestamp(v) for v in span)
    except (ValueError, TypeError) as exc:
        raise MapError(f"{name} must hold dates, got {span!r}") from exc
    if pd.isna(a) or pd.isna(b) or b < a:
        raise MapError(f"{name} must be (first, last) with first <= last, got {span!r}")
    if "date" not in frame:
        raise MapError(f"{name} needs a date column")
    dates = pd.to_datetime(frame["date"], errors="coerce").dt.normalize()
    keep = ((dates >= a.normalize()) & (dates <= b.normalize())).fillna(False).to_numpy(bool)
    return frame[keep], f"{a:%d %b %Y} \u2013 {b:%d %b %Y}"


def _notes(agg, label: str, measure: str, outside: int, dated: bool) -> list[str]:
    a = agg.attrs
    un = agg.loc[agg["unit"] == UNASSIGNED, measure].sum()
    oth = agg.loc[(agg["side"] == "other") & (agg["unit"] != UNASSIGNED), measure].sum()

    def n(k: int, noun: str = "incident") -> str:
        if noun == "fatalities":
            return f"{k:,} {'fatality' if k == 1 else 'fatalities'}"
        return f"{k:,} {noun}{'' if k == 1 else 's'}"

    noun = "incident" if measure == "incidents" else "fatalities"
    out = [f"{label}: not in a bar:"]
    out.append(f"  {n(int(un), noun)} too coarse for a segment")
    if oth:
        out.append(f"  {n(int(oth), noun)} outside AF/PK")
    if a.get("unlocated"):
        out.append(f"  {n(a['unlocated'])} not located")
    if dated and outside:
        out.append(f"  {n(outside)} outside the period or undated")
    return out


def _integer_locator():
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(integer=True, symmetric=True)


def _abs_formatter():
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _: f"{abs(v):,.0f}")


def _crossing_names(ax, frontier: Frontier) -> None:
    cx = crossing_km(frontier)
    km_per_in = _km_per_inch(ax)
    right = [-np.inf, -np.inf, -np.inf]
    for k, name in zip(cx["km"], cx["name"], strict=True):
        half = 0.5 * len(name) * 7 * 0.55 / 72 * km_per_in
        row = next((i for i, r in enumerate(right) if k - half > r), 0)
        right[row] = k + half
        ax.annotate(
            name,
            (k, 0.975),
            xycoords=("data", "axes fraction"),
            xytext=(0, -9 * row),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=6.5,
            color="#333333",
            zorder=5,
            bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8},
        )
