"""Shared pieces of the static figures: placement rule, colours, frontier axis, credits.

Library code never chooses a matplotlib backend: figures are made with
:class:`matplotlib.figure.Figure` directly (no pyplot state), so they work under
any backend, inline in notebooks, and in the CLI (which uses Agg).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

from geo import Frontier
from maps._incident_layer import EVENT_COLORS
from maps.errors import MapError

__all__ = [
    "CREDITS",
    "Placement",
    "admin_spans",
    "crossing_km",
    "event_colors",
    "new_figure",
    "place",
]

#: Data credits printed on every figure (the shipped layers' licences require them).
CREDITS = (
    "Data: \u00a9 OpenStreetMap contributors (ODbL); GeoNames (CC BY 4.0); "
    "geoBoundaries (CC BY 4.0); OCHA COD-AB. Line: OSM depiction of the Durand Line "
    "(disputed), shown as a measuring instrument."
)
_EXTRA = ("#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#843c39")
MISSING_COLOR = "#555555"
MISSING_TYPE = "(no event type)"


def new_figure(width: float, height: float, dpi: float = 150.0):
    """A pyplot-free Figure with constrained layout (no backend chosen here)."""
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=dpi, layout="constrained")


def event_colors(types: pd.Series) -> dict[str, str]:
    """Colour per event type, most frequent first (the HTML map's palette)."""
    clean = types.astype("string").str.strip()
    clean = clean.mask(clean == "").fillna(MISSING_TYPE)
    order = clean.value_counts(sort=True).index.tolist()
    order = sorted(order, key=lambda t: (t == MISSING_TYPE,))  # missing last, stable
    extra = iter(_EXTRA * (1 + len(order) // len(_EXTRA)))
    return {
        t: MISSING_COLOR if t == MISSING_TYPE else (EVENT_COLORS.get(t) or next(extra))
        for t in order
    }


def clean_types(frame: pd.DataFrame) -> np.ndarray:
    if "event_type" not in frame:
        return np.full(len(frame), MISSING_TYPE, dtype=object)
    s = frame["event_type"].astype("string").str.strip()
    return s.mask(s == "").fillna(MISSING_TYPE).to_numpy(dtype=object)


def numeric(frame: pd.DataFrame, col: str, default: float) -> np.ndarray:
    if col not in frame:
        return np.full(len(frame), default)
    return pd.to_numeric(frame[col], errors="coerce").to_numpy(dtype=float, na_value=np.nan)


@dataclass(frozen=True)
class Placement:
    """Where each row of a table can honestly be drawn along the frontier.

    ``status`` per row: ``"drawn"``, ``"coarse"`` (precision 3, or precision 2
    with ``uncertainty_km`` above ``km``: the segment rule of
    :func:`incidents.aggregate`), ``"unlocated"`` (no point / no ``frontier_km``),
    ``"other_side"`` (point outside both countries), ``"undated"``.
    """

    status: np.ndarray
    km_along: np.ndarray
    side: np.ndarray  # "AF" | "PK" | other strings | ""
    date: np.ndarray  # datetime64[ns]
    precision: np.ndarray  # float, NaN -> treated as 1
    uncertainty_km: np.ndarray  # float, NaN -> 0
    fatalities: np.ndarray  # float, NaN when unknown
    types: np.ndarray

    def counts(self) -> dict[str, int]:
        """Rows per status (they add up to the table's rows)."""
        keys, n = np.unique(self.status, return_counts=True)
        out = {k: 0 for k in STATUSES}
        out.update({str(k): int(v) for k, v in zip(keys, n, strict=True)})
        return out


STATUSES = ("drawn", "coarse", "other_side", "undated", "unlocated")
STATUS_TEXT = {
    "coarse": "too coarse to place (precision 3, or radius > {km:g} km)",
    "other_side": "outside Afghanistan and Pakistan",
    "undated": "no date",
    "unlocated": "not located",
}


def place(frame: pd.DataFrame, *, km: float, need_date: bool = True) -> Placement:
    """Apply the placement rule (see :class:`Placement`) to every row."""
    missing = [c for c in ("frontier_km", "side") if c not in frame]
    if missing:
        raise MapError(
            f"the table is not positioned (missing {missing}); run "
            "'frontier geocode INPUT -o OUTPUT' first, or pass a raw file to 'frontier figure'"
        )
    if not np.isfinite(km) or km <= 0:
        raise MapError(f"km must be a positive number of km, got {km!r}")
    n = len(frame)
    fkm = numeric(frame, "frontier_km", np.nan)
    prec = numeric(frame, "geo_precision", 1.0)
    prec = np.where(np.isnan(prec), 1.0, prec)
    unc = numeric(frame, "uncertainty_km", 0.0)
    unc = np.where(np.isfinite(unc), unc, 0.0)
    side = frame["side"].astype("string").str.strip().str.upper().fillna("").to_numpy(dtype=object)
    if "date" in frame:
        date = pd.to_datetime(frame["date"], errors="coerce").to_numpy(dtype="datetime64[ns]")
    else:
        date = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    located = np.isfinite(fkm) & (side != "")
    if "latitude" in frame and "longitude" in frame:
        located &= np.isfinite(numeric(frame, "latitude", np.nan))
        located &= np.isfinite(numeric(frame, "longitude", np.nan))
    coarse = (prec >= 3) | ((prec == 2) & (unc > km))
    status = np.full(n, "drawn", dtype=object)
    if need_date:
        status[np.isnat(date)] = "undated"
    status[~np.isin(side, ["AF", "PK"])] = "other_side"
    status[coarse] = "coarse"
    status[~located] = "unlocated"
    fat = numeric(frame, "fatalities", np.nan)
    return Placement(status, fkm, side, date, prec, unc, fat, clean_types(frame))


# --------------------------------------------------------------- frontier axis
def admin_spans(frontier: Frontier, *, level: str = "admin1", step_km: float = 1.0) -> pd.DataFrame:
    """Runs of the line bordered by the same province (or district), per side.

    The line is sampled every ``step_km``; each sample is given, on each side, the
    nearest district of that side's country (the district the line borders there),
    and its province.

    Returns
    -------
    pandas.DataFrame
        ``side``, ``name``, ``km_start``, ``km_end``, in line order.
    """
    if level not in ("admin1", "admin2"):
        raise MapError(f"level must be 'admin1' or 'admin2', got {level!r}")
    km, names = _bordering(frontier, float(step_km))
    rows = []
    for side, table in names.items():
        col = table[level]
        start = 0
        for i in range(1, len(col) + 1):
            if i == len(col) or col[i] != col[start]:
                if col[start] is not None:
                    rows.append((side, str(col[start]), km[start], km[i]))
                start = i
    return pd.DataFrame(rows, columns=["side", "name", "km_start", "km_end"])


@functools.lru_cache(maxsize=4)
def _bordering(frontier: Frontier, step_km: float) -> tuple[np.ndarray, dict]:
    """Sample edges along the line, and per side the bordering admin1/admin2 per sample."""
    from geo import reference

    admin = frontier.admin if frontier.admin is not None else reference.admin2()
    total = frontier.length_km
    km = np.r_[np.arange(0.0, total, step_km), total]
    mid = (km[:-1] + km[1:]) / 2.0
    pts = shapely.points(frontier.point_at(mid))
    near = shapely.buffer(shapely.simplify(frontier.line, 0.01), 0.2)  # the units it borders
    out = {}
    for side in ("AF", "PK"):
        sub = admin[admin["country"] == side].reset_index(drop=True)
        sub = sub[shapely.intersects(sub.geometry.values, near)].reset_index(drop=True)
        if sub.empty:
            continue
        # simplified outlines (about 200 m) keep the nearest-unit search quick
        tree = shapely.STRtree(shapely.simplify(sub.geometry.values, 0.002))
        pi, ti = tree.query_nearest(pts, all_matches=False)
        table = {}
        for level in ("admin1", "admin2"):
            names = np.full(len(mid), None, dtype=object)
            if level in sub:
                names[pi] = sub[level].to_numpy(dtype=object)[ti]
            table[level] = names
        out[side] = table
    return km, out


@functools.lru_cache(maxsize=4)
def crossing_km(frontier: Frontier) -> pd.DataFrame:
    """The frontier's crossings with their ``km`` along the line, in line order."""
    cx = frontier.crossings
    if cx is None or len(cx) == 0:
        return pd.DataFrame({"name": [], "km": []})
    pos = frontier.locate(cx.geometry, crossings=False, admin=False)
    out = pd.DataFrame({"name": cx["name"].astype(str).to_numpy(), "km": pos["frontier_km"]})
    return out.sort_values("km").reset_index(drop=True)


def check_size(width: float, height: float, dpi: float) -> None:
    for name, v, lo, hi in (
        ("width", width, 2, 60),
        ("height", height, 2, 60),
        ("dpi", dpi, 20, 1200),
    ):
        if not isinstance(v, int | float) or not np.isfinite(v) or not lo <= v <= hi:
            raise MapError(f"{name} must be between {lo} and {hi}, got {v!r}")


def date_range_text(dates: np.ndarray) -> str:
    d = np.asarray(dates, dtype="datetime64[ns]")
    d = d[~np.isnat(d)]
    if len(d) == 0:
        return "no dated incidents"
    a, b = pd.Timestamp(d.min()), pd.Timestamp(d.max())
    return f"{a:%d %b %Y}" if a == b else f"{a:%d %b %Y} \u2013 {b:%d %b %Y}"


#: Fatality classes of the marker sizes: (lowest, label); a class runs to the next.
FATALITY_CLASSES: tuple[tuple[int, str], ...] = (
    (0, "0 or unknown"),
    (1, "1"),
    (2, "2\u20134"),
    (5, "5\u20139"),
    (10, "10\u201324"),
    (25, "25\u201349"),
    (50, "50 or more"),
)
_CLASS_AREA = np.array([16.0, 26.0, 40.0, 62.0, 95.0, 150.0, 230.0])


def fatality_class(fatalities: np.ndarray) -> np.ndarray:
    """Index into :data:`FATALITY_CLASSES` per row (unknown counts as 0)."""
    f = np.where(np.isfinite(fatalities), np.clip(fatalities, 0, None), 0.0)
    lows = np.array([lo for lo, _ in FATALITY_CLASSES], dtype=float)
    return np.searchsorted(lows, f, side="right") - 1


def class_area(k: int, *, scale: float = 1.0) -> float:
    return float(scale * _CLASS_AREA[k])


def grouped_scatter(
    ax,
    x,
    y,
    *,
    types: np.ndarray,
    colors: dict[str, str],
    fatalities: np.ndarray,
    hollow: np.ndarray,
    scale: float,
    gid: str,
    raster: bool,
    zorder: float = 3,
) -> list:
    """One scatter per (size class, event type, fill): fast to draw, biggest marks first.

    Per-point sizes and colours make Agg draw every marker separately (4x slower
    for 100,000 marks); constant ones per group use its fast path.
    """
    from matplotlib.colors import to_rgba

    cls = fatality_class(np.asarray(fatalities, dtype=float))
    names = list(colors)
    codes = np.asarray(pd.Categorical(types, categories=names).codes, dtype=np.int64)
    out = []
    for k in range(len(FATALITY_CLASSES) - 1, -1, -1):
        for hol in (False, True):
            in_k = (cls == k) & (hollow == hol)
            if not in_k.any():
                continue
            for j in np.unique(codes[in_k]):
                m = in_k & (codes == j)
                color = to_rgba(colors[names[j]] if j >= 0 else MISSING_COLOR)
                if hol:
                    kw = {
                        "facecolors": "none",
                        "edgecolors": [color],
                        "linewidths": 1.2 * max(scale, 0.5),
                    }
                else:
                    kw = {"color": color, "edgecolors": "white", "linewidths": 0.3 * scale}
                sc = ax.scatter(
                    x[m], y[m], s=class_area(k, scale=scale), marker="o", zorder=zorder, **kw
                )
                sc.set_gid(f"{gid}-{'low' if hol else 'precise'}")
                sc.set_rasterized(raster)
                out.append(sc)
    return out


def size_handles(scale: float, fatalities: np.ndarray | None = None) -> list:
    """Legend entries for the fatality classes (those present, when given)."""
    from matplotlib.lines import Line2D

    present = set(range(len(FATALITY_CLASSES)))
    if fatalities is not None:
        present = {int(k) for k in np.unique(fatality_class(np.asarray(fatalities, float)))}
        present.add(0)
    return [
        Line2D(
            [],
            [],
            ls="",
            marker="o",
            ms=float(np.sqrt(class_area(k, scale=scale))),
            color="#bbbbbb",
            mec="#777777",
            label=f"{label} fatalities",
        )
        for k, (_, label) in enumerate(FATALITY_CLASSES)
        if k in present
    ]


def marker_scale(n: int) -> float:
    """Shrink marks when there are many (they overlap anyway; shading shows density)."""
    return 1.0 if n <= 2000 else max(0.15, float(np.sqrt(2000.0 / n)))
