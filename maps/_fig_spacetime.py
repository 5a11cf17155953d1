"""The frontier space-time chart: where along the border, and when.

Design
------
x is km along the frontier (``frontier_km``: 0 at the China tripoint, the Iran
tripoint at the far end), y is the date, running **down** the page like a
chronicle (the first events at the top).  The two sides are drawn as **two
stacked panels** sharing both axes (Afghanistan above, Pakistan below), not as
two marker shapes in one panel: colour already carries the event type, size the
fatalities and fill the precision, and a fourth channel (shape) is unreadable
once markers overlap, which they do wherever fighting concentrates.  The panels
are not mirrored in time: a date sits at the same height in both, so a strike
and the reply across the line read side by side.  Each panel's outer edge names
the provinces (and districts, where there is room) that border the line on
that side; the strip between the panels carries the crossings and km ticks.

Marks and honesty
-----------------
One mark per incident at (``frontier_km``, ``date``).  Filled: precision 1 (the
place itself).  Hollow, with a horizontal bar of +-``uncertainty_km``: precision 2
(a district or "near" a place) -- the bar is the along-line extent of the
uncertainty circle where the line is straight.  Incidents that cannot be placed
along the line are **counted in the margin, never drawn**: precision 3 (province
or coarser), or precision 2 with a radius above ``km`` (the segment length: the
rule :func:`incidents.aggregate` uses to leave a row ``unassigned``), rows with
no point, points outside both countries, and undated rows.  Consequently the
marks in each (segment of ``km``, ``period``) cell equal the ``incidents`` of
``aggregate(frame, by="segment", km=km, period=period)`` for that side (tested).
With many incidents a background shading of those very counts (read from
:func:`incidents.aggregate`) shows density where marks overlap.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from geo import Frontier
from incidents.aggregate import aggregate
from maps._fig_common import (
    CREDITS,
    STATUS_TEXT,
    admin_spans,
    check_size,
    crossing_km,
    date_range_text,
    event_colors,
    grouped_scatter,
    marker_scale,
    new_figure,
    place,
    size_handles,
)
from maps.errors import MapError

__all__ = ["spacetime"]

_SIDES = (("AF", "Afghanistan"), ("PK", "Pakistan"))
#: Above this many drawn incidents, marks are rasterized in SVG/PDF (file size, speed).
RASTER_OVER = 3000
#: Above this many drawn incidents, cells are shaded by their count by default.
SHADE_OVER = 2000


def spacetime(
    frame: pd.DataFrame,
    *,
    ax: Any = None,
    km: float = 50.0,
    period: str | None = None,
    shade: bool | None = None,
    title: str | None = None,
    width: float = 13.0,
    height: float = 8.5,
    dpi: float = 150.0,
    frontier: Frontier | None = None,
) -> Any:
    """Draw the frontier space-time chart of a positioned incident table.

    Parameters
    ----------
    frame
        A positioned incident table (:func:`incidents.position` or
        :func:`incidents.read` of a positioned file); not modified.
    ax
        ``None`` (a new figure), one Axes (split into the chart's panels), or a
        pair ``(ax_af, ax_pk)`` of Axes to draw the two sides in.
    km
        Segment length: the grid of the x axis, and the precision limit (a
        precision-2 incident with ``uncertainty_km`` above it is not drawn).
    period
        ``"day"``, ``"week"`` or ``"month"``: the cells of the shading; by default
        ``day`` for up to 45 days of incidents, ``week`` up to two years, else ``month``.
    shade
        Shade each (segment, period) cell by its incident count from
        :func:`incidents.aggregate`; default when more than 2,000 are drawn.
    title
        Figure title; a default names the date range.
    width, height, dpi
        Size of a new figure in inches, and its resolution.
    frontier
        Defaults to :meth:`geo.Frontier.default`.

    Returns
    -------
    matplotlib.figure.Figure
        The figure; ``fig.frontier_summary`` holds the counts per status
        (``drawn``, ``coarse``, ``other_side``, ``undated``, ``unlocated``).
    """
    import matplotlib.dates as mdates
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    if period is not None and period not in ("day", "week", "month"):
        raise MapError(f"period must be 'day', 'week' or 'month', got {period!r}")
    check_size(width, height, dpi)
    frontier = frontier or Frontier.default()
    total = frontier.length_km
    if not isinstance(km, int | float) or not np.isfinite(km) or not 0 < km <= total:
        raise MapError(f"km must be a segment length between 0 and {total:,.1f}, got {km!r}")
    pl = place(frame, km=float(km))
    drawn = pl.status == "drawn"
    colors = event_colors(pd.Series(pl.types[drawn]))
    fig, axes, own = _panels(ax, width, height, dpi)
    ax_af, ax_pk = axes

    dates = pl.date[drawn]
    if len(dates):
        d0, d1 = dates.min(), dates.max()
    else:
        d0 = d1 = np.datetime64(pd.Timestamp.today().normalize(), "ns")
    if period is None:
        days = (d1 - d0) / np.timedelta64(1, "D")
        period = "day" if days <= 45 else "week" if days <= 731 else "month"
    lo = _period_floor(d0, period)
    hi = _period_floor(d1, period) + _period_len(_period_floor(d1, period), period)
    y_lo, y_hi = mdates.date2num(lo), mdates.date2num(hi)
    shade = bool(drawn.sum() > SHADE_OVER) if shade is None else bool(shade)
    raster = bool(drawn.sum() > RASTER_OVER)
    cells = _cells(frame, km, period, frontier) if shade else None

    crossings = crossing_km(frontier)
    mscale = marker_scale(int(drawn.sum()))
    for code, panel in zip(("AF", "PK"), (ax_af, ax_pk), strict=True):
        sel = drawn & (pl.side == code)
        x = pl.km_along[sel]
        y = mdates.date2num(pl.date[sel])
        if cells is not None:
            _shade(panel, cells[cells["side"] == code], km, period, total)
        low = pl.precision[sel] >= 2
        if low.any():
            r = pl.uncertainty_km[sel][low]
            segs = np.stack(
                [np.column_stack([x[low] - r, y[low]]), np.column_stack([x[low] + r, y[low]])],
                axis=1,
            )
            bars = LineCollection(segs, colors="#444444", linewidths=0.7, alpha=0.6, zorder=2)
            bars.set_rasterized(raster)
            bars.set_gid(f"uncertainty-{code}")
            panel.add_collection(bars)
        grouped_scatter(
            panel,
            x,
            y,
            types=pl.types[sel],
            colors=colors,
            fatalities=pl.fatalities[sel],
            hollow=low,
            scale=mscale,
            gid=f"incidents-{code}",
            raster=raster,
        )
        for k in crossings["km"]:
            panel.axvline(k, color="#888888", lw=0.6, ls=(0, (3, 3)), zorder=1)
        panel.set_xlim(0, total)
        panel.set_ylim(y_hi, y_lo)  # time runs down the page
        panel.set_xticks(np.arange(0, total, km), minor=True)
        panel.set_xticks(np.arange(0, total + 1, 250))
        panel.grid(axis="x", which="major", color="#dddddd", lw=0.5)
        panel.grid(axis="y", which="major", color="#eeeeee", lw=0.5)
        panel.yaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=10))
        long = (y_hi - y_lo) > 400
        panel.yaxis.set_major_formatter(mdates.DateFormatter("%b %Y" if long else "%d %b"))
        panel.set_ylabel(f"{dict(_SIDES)[code]} side \u2014 date", fontsize=9)
        panel.tick_params(labelsize=8)
        panel.set_axisbelow(True)
        n_side = int(sel.sum())
        panel.text(
            0.005,
            0.02 if code == "AF" else 0.98,
            f"{dict(_SIDES)[code]}: {n_side:,} drawn",
            transform=panel.transAxes,
            fontsize=8,
            va="bottom" if code == "AF" else "top",
            color="#333333",
        )

    _frontier_axis(ax_af, ax_pk, frontier, crossings, total)

    # legend: event types, precision, size, what is counted but not drawn
    handles: list[Any] = [
        Line2D([], [], ls="", marker="o", ms=7, color=c, mec="white", label=t)
        for t, c in colors.items()
    ]
    handles += [
        Line2D(
            [],
            [],
            ls="",
            marker="o",
            ms=7,
            color="#555555",
            mec="white",
            label="precise place (precision 1)",
        ),
        Line2D(
            [],
            [],
            ls="-",
            lw=0.7,
            marker="o",
            ms=7,
            color="#444444",
            mfc="none",
            label="district / near a place (precision 2), \u00b1 radius",
        ),
    ]
    handles += size_handles(mscale, pl.fatalities[drawn])
    if shade:
        handles.append(
            Patch(color="#c6dbef", label=f"shading: incidents per {km:g} km \u00d7 {period}")
        )
    counts = pl.counts()
    notes = [
        Line2D([], [], ls="", label=f"{counts[k]:,} {STATUS_TEXT[k].format(km=km)}")
        for k in ("coarse", "unlocated", "other_side", "undated")
        if counts[k]
    ]
    if own:
        fig.legend(
            handles=handles,
            loc="outside right upper",
            fontsize=8,
            frameon=False,
            title="Event type, precision, size",
            title_fontproperties={"size": 8.5},
        )
        fig.legend(
            handles=notes or [Line2D([], [], ls="", label="none")],
            loc="outside right lower",
            fontsize=8,
            frameon=False,
            handlelength=0,
            handletextpad=0,
            title="Counted, not drawn",
            title_fontproperties={"size": 8.5},
        )
        fig.suptitle(title or "Where along the frontier, and when", fontsize=13)
        fig.supxlabel(CREDITS, fontsize=6, color="#666666")
    else:
        ax_af.legend(
            handles=handles + notes,
            fontsize=7,
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            frameon=False,
        )
        if title:
            ax_af.set_title(title)
    sub = (
        f"{date_range_text(pl.date[drawn])} \u00b7 "
        f"{counts['drawn']:,} of {len(frame):,} incidents drawn"
    )
    ax_af.set_title(sub, fontsize=9, loc="left", pad=26)
    fig.frontier_summary = counts
    return fig


# ------------------------------------------------------------------- layout
def _panels(ax: Any, width: float, height: float, dpi: float):
    if ax is None:
        fig = new_figure(width, height, dpi)
        spec = fig.add_gridspec(3, 1, height_ratios=[1, 0.12, 1], hspace=0.02)
        own = True
    elif isinstance(ax, Sequence) and len(ax) == 2:
        return ax[0].figure, (ax[0], ax[1]), False
    else:
        fig = ax.figure
        ss = ax.get_subplotspec()
        if ss is None:
            raise MapError(
                "ax must be a subplot (made with add_subplot/subplots) or a pair of Axes"
            )
        ax.remove()
        spec = ss.subgridspec(3, 1, height_ratios=[1, 0.12, 1], hspace=0.02)
        own = False
    ax_af = fig.add_subplot(spec[0])
    ax_pk = fig.add_subplot(spec[2], sharex=ax_af, sharey=ax_af)
    return fig, (ax_af, ax_pk), own


def _frontier_axis(ax_af, ax_pk, frontier: Frontier, crossings: pd.DataFrame, total: float):
    """Provinces/districts on the outer edges, crossings and km between the panels."""
    spans1 = admin_spans(frontier, level="admin1")
    spans2 = admin_spans(frontier, level="admin2")
    for code, panel, outer in (("AF", ax_af, "top"), ("PK", ax_pk, "bottom")):
        _span_labels(panel, spans1[spans1["side"] == code], spans2[spans2["side"] == code], outer)
    # between the panels: km ticks under AF, crossing names above PK
    ax_af.tick_params(axis="x", which="both", labelbottom=True, bottom=True, labelsize=8, pad=1)
    ax_af.xaxis.set_major_formatter(_km_formatter())
    ax_pk.tick_params(axis="x", which="both", labelbottom=False, bottom=False)
    km_per_in = _km_per_inch(ax_pk)
    right = [-np.inf, -np.inf, -np.inf]
    for k, name in zip(crossings["km"], crossings["name"], strict=True):
        half = 0.5 * len(name) * 7 * 0.55 / 72 * km_per_in  # estimated label half-width, km
        row = next((i for i, r in enumerate(right) if k - half > r + 0.3 * km_per_in / 10), 0)
        right[row] = k + half
        ax_pk.annotate(
            name,
            (k, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(0, 2 + 9 * row),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=7,
            color="#333333",
            annotation_clip=False,
        )
    ax_af.set_xlabel(
        f"km along the frontier: 0 = China tripoint (NE) \u2192 {total:,.1f} = Iran tripoint (SW)"
        "; dashed lines = crossings",
        fontsize=8,
    )


def _km_formatter():
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _: f"{v:,.0f}")


def _span_labels(
    panel,
    provinces: pd.DataFrame,
    districts: pd.DataFrame,
    outer: str,
    *,
    below_ticks: bool = False,
) -> None:
    """Province names (and districts where they fit) along the panel's outer edge."""
    km_per_in = _km_per_inch(panel)
    top = outer == "top"
    y_prov, y_dist = (1.0, 1.0) if top else (0.0, 0.0)
    off_prov, off_dist = (15, 3) if top else (-15, -3)
    va = "bottom" if top else "top"
    if below_ticks and not top:  # tick labels below: write the names inside the axes
        off_prov, va = 6, "bottom"
    for i, r in enumerate(provinces.itertuples()):
        panel.axvspan(
            r.km_start,
            r.km_end,
            ymin=0.985 if top else 0,
            ymax=1 if top else 0.015,
            color="#999999" if i % 2 else "#cccccc",
            lw=0,
            zorder=4,
        )
        span_in = (r.km_end - r.km_start) / km_per_in
        label = (
            r.name if span_in > 0.075 * len(r.name) else (r.name[:3] + "." if span_in > 0.3 else "")
        )
        if label:
            _span_label(
                panel,
                label,
                r,
                y_prov,
                off_prov,
                va,
                fontsize=8,
                fontweight="bold",
                color="#222222",
            )
    for r in districts.itertuples():
        span_in = (r.km_end - r.km_start) / km_per_in
        if span_in > 0.058 * len(r.name):
            _span_label(panel, r.name, r, y_dist, off_dist, va, fontsize=6.5, color="#555555")


def _span_label(panel, text: str, span, y: float, offset: float, va: str, **style) -> None:
    """``text`` centred over the km span ``span`` (km_start..km_end), ``offset`` points off y."""
    panel.annotate(
        text,
        ((span.km_start + span.km_end) / 2, y),
        xycoords=("data", "axes fraction"),
        xytext=(0, offset),
        textcoords="offset points",
        ha="center",
        va=va,
        annotation_clip=False,
        **style,
    )


def _km_per_inch(panel) -> float:
    """Estimated km per inch of the panel (before layout: good enough to place labels)."""
    width_in = panel.figure.get_size_inches()[0] * panel.get_position().width * 0.9
    xmin, xmax = panel.get_xlim()
    return (xmax - xmin) / max(width_in, 1e-6)


# ------------------------------------------------------------------- shading
def _cells(frame: pd.DataFrame, km: float, period: str, frontier: Frontier) -> pd.DataFrame:
    agg = aggregate(frame, by="segment", km=km, period=period, frontier=frontier)
    agg = agg[(agg["unit"] != "unassigned") & agg["period"].notna()]
    return pd.DataFrame(agg[["side", "km_start", "km_end", "period", "incidents"]])


def _shade(panel, cells: pd.DataFrame, km: float, period: str, total: float) -> None:
    import matplotlib.dates as mdates
    from matplotlib.collections import PolyCollection

    if cells.empty:
        return
    p0 = cells["period"].to_numpy(dtype="datetime64[ns]")
    if period == "month":
        p1 = (p0.astype("datetime64[M]") + 1).astype("datetime64[ns]")
    else:
        p1 = p0 + np.timedelta64(1 if period == "day" else 7, "D")
    y0, y1 = mdates.date2num(p0), mdates.date2num(p1)
    x0 = cells["km_start"].to_numpy(float)
    x1 = cells["km_end"].to_numpy(float)
    verts = np.stack([np.column_stack(v) for v in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))], axis=1)
    n = cells["incidents"].to_numpy(float)
    pc = PolyCollection(verts, array=n, cmap="Blues", linewidths=0, alpha=0.55, zorder=0.5)
    pc.set_clim(0, max(float(n.max()), 1.0))
    pc.set_gid("cells")
    pc.set_rasterized(len(cells) > 500)
    panel.add_collection(pc)


def _period_floor(d: np.datetime64, period: str) -> np.datetime64:
    t = pd.Timestamp(d).normalize()
    if period == "week":
        t = t - pd.Timedelta(days=t.weekday())
    elif period == "month":
        t = t.replace(day=1)
    return np.datetime64(t.to_datetime64(), "ns")


def _period_len(start: np.datetime64, period: str) -> np.timedelta64:
    t = pd.Timestamp(start)
    if period == "day":
        delta = pd.Timedelta(days=1)
    elif period == "week":
        delta = pd.Timedelta(days=7)
    else:
        delta = (t + pd.offsets.MonthBegin(1)) - t
    return np.timedelta64(delta.to_timedelta64(), "ns")
