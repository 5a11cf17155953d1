"""Publication-ready static maps of incidents against the frontier (no tiles, no network).

Drawn in the frontier's own azimuthal equidistant projection (centred on the
line, metres), from the shipped layers only: countries, provinces, the line,
crossings and the towns of the gazetteer (GeoNames / Who's On First).

Precision is shown honestly: a precision-1 incident is a filled dot; a
precision-2 incident (a district, or "near" a place) is a hollow marker inside
a circle of its ``uncertainty_km``; a precision-3 incident (province or coarser)
is never drawn at a point and is counted in the legend, as are rows with no
point and points outside the map frame.  The optional choropleth is coloured by
:func:`incidents.aggregate` of the same table (its ``unassigned`` row counted in
the legend).  The scale bar's length is computed geodesically (WGS84) at the
place it is drawn.
"""

from __future__ import annotations

import functools
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely

from geo import Frontier, reference
from incidents.aggregate import UNASSIGNED, aggregate, segment_corridors
from maps._fig_common import (
    CREDITS,
    check_size,
    clean_types,
    date_range_text,
    event_colors,
    grouped_scatter,
    marker_scale,
    new_figure,
    numeric,
    size_handles,
)
from maps.errors import MapError

__all__ = ["CHOROPLETHS", "static_map"]

CHOROPLETHS = ("admin2", "segment", "hex", "band")
_LAND = {"AF": "#f4f1ea", "PK": "#eef1f4"}
_RASTER_OVER = 3000
_GEOD = pyproj.Geod(ellps="WGS84")


def static_map(
    frame: pd.DataFrame,
    *,
    ax: Any = None,
    choropleth: str | None = None,
    measure: str = "incidents",
    km: float = 50.0,
    resolution: int = 6,
    extent: tuple[float, float, float, float] | None = None,
    towns: int = 40,
    title: str | None = None,
    width: float = 12.0,
    height: float = 8.5,
    dpi: float = 150.0,
    frontier: Frontier | None = None,
) -> Any:
    """Draw a static map of a positioned incident table.

    Parameters
    ----------
    frame
        A positioned incident table (with ``latitude``/``longitude`` or point
        geometry, ``geo_precision``, ``uncertainty_km``); not modified.
    ax
        Axes to draw in; a new figure when ``None``.
    choropleth
        ``None`` or one of :data:`CHOROPLETHS`: units shaded by ``measure`` from
        :func:`incidents.aggregate`.
    measure
        ``"incidents"`` or ``"fatalities"`` (choropleth values).
    km, resolution
        Segment length (``segment``) and H3 resolution (``hex``).
    extent
        ``(west, south, east, north)`` in degrees; by default the frontier with
        150 km around it, widened to the drawn incidents (within the two countries).
    towns
        Most towns to label (by rank: capitals, provincial seats, population);
        labels that would overlap are left out.
    title
        Title; a default names the date range.
    width, height, dpi
        Size of a new figure in inches, and its resolution.
    frontier
        Defaults to :meth:`geo.Frontier.default`.

    Returns
    -------
    matplotlib.figure.Figure
        ``fig.frontier_summary`` counts rows ``drawn``, ``coarse`` (precision 3),
        ``unlocated`` and ``outside`` (the frame).
    """
    from matplotlib.collections import EllipseCollection

    if choropleth is not None and choropleth not in CHOROPLETHS:
        raise MapError(f"choropleth must be one of {CHOROPLETHS} or None, got {choropleth!r}")
    if measure not in ("incidents", "fatalities"):
        raise MapError(f"measure must be 'incidents' or 'fatalities', got {measure!r}")
    check_size(width, height, dpi)
    if not isinstance(towns, int) or towns < 0:
        raise MapError(f"towns must be a non-negative integer, got {towns!r}")
    frontier = frontier or Frontier.default()
    crs = frontier.local_crs
    to_map = pyproj.Transformer.from_crs(4326, crs, always_xy=True)

    lon, lat = _lonlat(frame)
    located = np.isfinite(lon) & np.isfinite(lat)
    prec = numeric(frame, "geo_precision", 1.0)
    prec = np.where(np.isnan(prec), 1.0, prec)
    unc = numeric(frame, "uncertainty_km", 0.0)
    unc = np.where(np.isfinite(unc), unc, 0.0)
    coarse = located & (prec >= 3)
    x = np.full(len(frame), np.nan)
    y = np.full(len(frame), np.nan)
    if located.any():
        x[located], y[located] = to_map.transform(lon[located], lat[located])
    bounds = _extent(frontier, extent, x[located & ~coarse], y[located & ~coarse], to_map)
    x0, y0, x1, y1 = bounds
    inside = located & (x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)
    drawn = inside & ~coarse
    summary = {
        "drawn": int(drawn.sum()),
        "coarse": int(coarse.sum()),
        "unlocated": int((~located).sum()),
        "outside": int((located & ~coarse & ~inside).sum()),
    }

    if ax is None:
        fig = new_figure(width, height, dpi)
        ax = fig.add_subplot()
        own = True
    else:
        fig, own = ax.figure, False
    ax.set_aspect("equal")
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_facecolor("#dfe8ef")  # outside both countries
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")

    layers = _base_layers(frontier)
    for code, geom in zip(
        layers["countries"]["country"], layers["countries"].geometry, strict=True
    ):
        gpd.GeoSeries([geom]).plot(ax=ax, color=_LAND.get(code, "#f0f0f0"), lw=0, zorder=0)
    legend_extra: list[Any] = []
    notes: list[str] = []
    if choropleth is not None:
        legend_extra, notes = _choropleth(
            ax, fig, frame, choropleth, measure, km, resolution, frontier, crs, own
        )
    layers["admin1"].boundary.plot(ax=ax, color="#9a9a9a", lw=0.4, zorder=2)
    layers["countries"].boundary.plot(ax=ax, color="#6d6d6d", lw=0.7, zorder=2)
    gpd.GeoSeries([layers["line"]]).plot(ax=ax, color="#111111", lw=1.6, zorder=3)

    colors = event_colors(pd.Series(clean_types(frame)[drawn]))
    mscale = marker_scale(summary["drawn"])
    _legend(
        fig,
        ax,
        colors,
        summary,
        notes,
        legend_extra,
        own,
        bool((drawn & (prec >= 2)).any()),
        size_handles(mscale, numeric(frame, "fatalities", np.nan)[drawn]),
    )
    sub = (
        f"{date_range_text(_dates(frame)[drawn])} \u00b7 "
        f"{summary['drawn']:,} of {len(frame):,} incidents drawn"
    )
    if own:
        fig.suptitle(title or "Incidents along the Afghanistan\u2013Pakistan frontier", fontsize=13)
        ax.set_title(sub, fontsize=9)
        fig.supxlabel(CREDITS, fontsize=6, color="#666666", wrap=True)
    else:
        ax.set_title(f"{title}\n{sub}" if title else sub, fontsize=9)
    _scale_bar(ax, bounds, crs)
    ax.set_xlabel("")
    ax.set_ylabel("")

    # labels: placed once the layout is final, before the (possibly many) marks
    fig.draw_without_rendering()
    _labels(ax, frontier, bounds, to_map, towns)

    raster = bool(drawn.sum() > _RASTER_OVER)
    low = drawn & (prec >= 2)
    if low.any():
        r = unc[low] * 1000.0
        circles = EllipseCollection(
            2 * r,
            2 * r,
            np.zeros(low.sum()),
            units="xy",
            offsets=np.column_stack([x[low], y[low]]),
            offset_transform=ax.transData,
            facecolors="none",
            edgecolors="#555555",
            linewidths=0.5,
            alpha=0.45,
            zorder=4,
        )
        circles.set_rasterized(raster)
        circles.set_gid("uncertainty")
        ax.add_collection(circles)
    grouped_scatter(
        ax,
        x[drawn],
        y[drawn],
        types=clean_types(frame)[drawn],
        colors=colors,
        fatalities=numeric(frame, "fatalities", np.nan)[drawn],
        hollow=prec[drawn] >= 2,
        scale=mscale,
        gid="incidents",
        raster=raster,
        zorder=5,
    )
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal", adjustable="box")
    fig.frontier_summary = summary
    return fig


# ------------------------------------------------------------------ data
def _lonlat(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    if isinstance(frame, gpd.GeoDataFrame) and frame._geometry_column_name in frame:
        g = frame.geometry
        if g.crs is not None and not g.crs.equals(pyproj.CRS.from_epsg(4326)):
            g = g.to_crs(4326)
        geoms = np.asarray(g.values, dtype=object)
        bad = shapely.is_missing(geoms) | shapely.is_empty(geoms)
        geoms = np.where(bad, None, geoms)
        if (~bad).any() and (shapely.get_type_id(geoms[~bad]) != 0).any():
            geoms = np.where(bad, None, shapely.point_on_surface(geoms))
        return shapely.get_x(geoms), shapely.get_y(geoms)
    return numeric(frame, "longitude", np.nan), numeric(frame, "latitude", np.nan)


def _dates(frame: pd.DataFrame) -> np.ndarray:
    if "date" not in frame:
        return np.full(len(frame), np.datetime64("NaT"), dtype="datetime64[ns]")
    return pd.to_datetime(frame["date"], errors="coerce").to_numpy(dtype="datetime64[ns]")


@functools.lru_cache(maxsize=2)
def _base_layers(frontier: Frontier) -> dict[str, Any]:
    """Countries, provinces and the line in the map CRS, simplified to ~300 m."""
    crs = frontier.local_crs
    countries = frontier.countries.to_crs(crs)
    countries = countries.set_geometry(countries.geometry.simplify(300))
    admin1 = reference.admin1().to_crs(crs)
    admin1 = admin1.set_geometry(admin1.geometry.simplify(300))
    line = gpd.GeoSeries([frontier.line], crs=4326).to_crs(crs).iloc[0].simplify(100)
    return {"countries": countries, "admin1": admin1, "line": line}


@functools.lru_cache(maxsize=1)
def _towns() -> pd.DataFrame:
    """Capitals, provincial seats and large towns of AF/PK from the shipped gazetteer."""
    from maps._context import gazetteer_path

    path = gazetteer_path()
    if path is None:
        raise MapError("the shipped gazetteer (incidents/data/gazetteer.parquet) is missing")
    cols = ["name", "feature_code", "country", "population", "lat", "lon", "kind"]
    g = pd.read_parquet(str(path), columns=cols)
    g = g[(g["kind"] == "locality") & g["country"].isin(["AF", "PK"])]
    rank = g["feature_code"].map({"PPLC": 0, "PPLA": 1, "PPLA2": 2}).fillna(3)
    pop = pd.to_numeric(g["population"], errors="coerce").fillna(0)
    keep = (rank < 3) | (pop >= 100_000)
    out = g[keep].assign(rank=rank[keep], pop=pop[keep])
    out = out.sort_values(["rank", "pop"], ascending=[True, False])
    return out.drop_duplicates("name").reset_index(drop=True)


def _extent(frontier, extent, x, y, to_map) -> tuple[float, float, float, float]:
    if extent is not None:
        try:
            w, s, e, n = (float(v) for v in extent)
        except (TypeError, ValueError) as exc:
            raise MapError(
                f"extent must be (west, south, east, north) degrees, got {extent!r}"
            ) from exc
        if not (-180 <= w < e <= 180 and -90 <= s < n <= 90):
            raise MapError(f"extent must be (west, south, east, north) degrees, got {extent!r}")
        lon = np.linspace(w, e, 21)
        lat = np.linspace(s, n, 21)
        gx, gy = np.meshgrid(lon, lat)
        px, py = to_map.transform(gx.ravel(), gy.ravel())
        return float(px.min()), float(py.min()), float(px.max()), float(py.max())
    layers = _base_layers(frontier)
    lx0, ly0, lx1, ly1 = layers["line"].bounds
    pad = 150_000.0
    bx0, by0, bx1, by1 = lx0 - pad, ly0 - pad, lx1 + pad, ly1 + pad
    cx0, cy0, cx1, cy1 = layers["countries"].total_bounds
    # widen to incidents inside the two countries' box; farther ones (a talks venue
    # abroad) are counted as outside the frame rather than shrinking the map
    near = (x >= cx0) & (x <= cx1) & (y >= cy0) & (y <= cy1)
    if near.any():
        m = 30_000.0
        bx0, by0 = min(bx0, float(x[near].min()) - m), min(by0, float(y[near].min()) - m)
        bx1, by1 = max(bx1, float(x[near].max()) + m), max(by1, float(y[near].max()) + m)
    return bx0, by0, bx1, by1


# ---------------------------------------------------------------- choropleth
def _choropleth(ax, fig, frame, by, measure, km, resolution, frontier, crs, own):
    from matplotlib.patches import Patch

    agg = aggregate(frame, by=by, km=km, resolution=resolution, frontier=frontier)
    units = agg[agg["unit"] != UNASSIGNED]
    if by == "segment":
        units = segment_corridors(units, width_km=25.0, frontier=frontier)
    units = units[units.geometry.notna()].to_crs(crs)
    v = units[measure].to_numpy(float)
    vmax = max(float(v.max()) if len(v) else 0.0, 1.0)
    zero = units[v == 0]
    if len(zero):
        zero.plot(ax=ax, color="none", edgecolor="#cfcfcf", lw=0.2, zorder=1)
    pos = units.assign(_v=v)[v > 0]
    if len(pos):
        pos.plot(
            ax=ax,
            column="_v",
            cmap="YlOrRd",
            vmin=0,
            vmax=vmax,
            lw=0.2,
            edgecolor="#b0b0b0",
            zorder=1,
            alpha=0.85,
        )
    from matplotlib.cm import ScalarMappable
    from matplotlib.colors import Normalize

    sm = ScalarMappable(norm=Normalize(0, vmax), cmap="YlOrRd")
    label = {
        "admin2": "district",
        "segment": f"{km:g}-km segment (25-km corridor)",
        "hex": f"H3 cell (res {resolution})",
        "band": "distance band",
    }[by]
    cb = fig.colorbar(sm, ax=ax, shrink=0.45, pad=0.01, location="right" if own else "bottom")
    cb.set_label(f"{measure} per {label}", fontsize=8)
    cb.ax.tick_params(labelsize=7)
    from matplotlib.ticker import MaxNLocator

    cb.locator = MaxNLocator(integer=True)
    cb.update_ticks()
    un = int(agg.loc[agg["unit"] == UNASSIGNED, measure].sum())
    unit_word = {"admin2": "district", "segment": "segment", "hex": "cell", "band": "band"}[by]
    notes = [f"{un:,} {measure} too coarse for a {unit_word} (not shaded)"] if un else []
    return [Patch(fc="none", ec="#cfcfcf", label=f"{label}: none")], notes


# -------------------------------------------------------------- decorations
def _legend(fig, ax, colors, summary, notes, extra, own, any_low, sizes) -> None:
    from matplotlib.lines import Line2D

    handles: list[Any] = [
        Line2D([], [], ls="", marker="o", ms=7, color=c, mec="white", label=t)
        for t, c in colors.items()
    ]
    handles.append(
        Line2D(
            [],
            [],
            ls="",
            marker="o",
            ms=7,
            color="#555555",
            mec="white",
            label="precise place (precision 1)",
        )
    )
    if any_low:
        handles.append(
            Line2D(
                [],
                [],
                ls="",
                marker="o",
                ms=7,
                mfc="none",
                mec="#555555",
                label="district / near a place (precision 2),\nin its uncertainty circle",
            )
        )
    handles += sizes
    handles += [
        Line2D([], [], color="#111111", lw=1.6, label="Durand Line (OSM depiction)"),
        Line2D([], [], ls="", marker="D", ms=5, color="black", label="border crossing"),
        Line2D([], [], ls="", marker="s", ms=3, color="#444444", label="town"),
        *extra,
    ]
    texts = []
    if summary["coarse"]:
        texts.append(f"{summary['coarse']:,} at province level or coarser (precision 3)")
    if summary["unlocated"]:
        texts.append(f"{summary['unlocated']:,} not located")
    if summary["outside"]:
        texts.append(f"{summary['outside']:,} outside the map frame")
    texts += notes
    handles += [
        Line2D([], [], ls="", label=t) for t in (["Counted, not drawn:", *texts] if texts else [])
    ]
    if own:
        fig.legend(handles=handles, loc="outside right upper", fontsize=7.5, frameon=False)
    else:
        ax.legend(
            handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=7, frameon=False
        )


def _scale_bar(ax, bounds, crs) -> None:
    """A bar whose length is the geodesic distance it claims, where it is drawn."""
    x0, y0, x1, y1 = bounds
    to_ll = pyproj.Transformer.from_crs(crs, 4326, always_xy=True)
    to_map = pyproj.Transformer.from_crs(4326, crs, always_xy=True)
    sx, sy = x0 + 0.04 * (x1 - x0), y0 + 0.05 * (y1 - y0)
    lon, lat = to_ll.transform(sx, sy)
    target = 0.22 * (x1 - x0) / 1000.0  # km, roughly
    exp = 10 ** np.floor(np.log10(target))
    length = max(s * exp for s in (1, 2, 5) if s * exp <= target)
    elon, elat, _ = _GEOD.fwd(lon, lat, 90.0, length * 1000.0)
    ex, ey = to_map.transform(elon, elat)
    ax.plot(
        [sx, ex], [sy, ey], color="black", lw=3, solid_capstyle="butt", zorder=7, gid="scalebar"
    )
    ax.plot([sx, ex], [sy, ey], color="white", lw=1, solid_capstyle="butt", zorder=7, dashes=(4, 4))
    ax.annotate(
        f"{length:,.0f} km",
        ((sx + ex) / 2, (sy + ey) / 2),
        xytext=(0, 5),
        textcoords="offset points",
        ha="center",
        va="bottom",
        fontsize=8,
        zorder=7,
    )


def _labels(ax, frontier: Frontier, bounds, to_map, limit: int) -> None:
    """Crossings first, then towns by rank; a label that would overlap is left out."""
    x0, y0, x1, y1 = bounds
    taken: list[Any] = []
    cx = frontier.crossings
    items: list[tuple[str, float, float, str]] = []
    if cx is not None and len(cx):
        px, py = to_map.transform(
            shapely.get_x(cx.geometry.values), shapely.get_y(cx.geometry.values)
        )
        items += [(str(n), a, b, "crossing") for n, a, b in zip(cx["name"], px, py, strict=True)]
    t = _towns()
    tx, ty = to_map.transform(t["lon"].to_numpy(float), t["lat"].to_numpy(float))
    inside = (tx > x0) & (tx < x1) & (ty > y0) & (ty < y1)
    items += [
        (str(n), a, b, "town")
        for n, a, b in zip(t["name"][inside], tx[inside], ty[inside], strict=True)
    ]
    # one renderer for all the measurements (each call without one makes a new one)
    canvas = ax.figure.canvas
    renderer = canvas.get_renderer() if hasattr(canvas, "get_renderer") else None
    renderer = renderer or ax.figure._get_renderer()
    box = ax.get_window_extent(renderer)
    n_towns = 0
    for name, px, py, kind in items:
        if kind == "town" and n_towns >= limit:
            break
        if not (x0 < px < x1 and y0 < py < y1):
            continue
        for dx, dy, ha, va in (
            (4, 3, "left", "bottom"),
            (-4, 3, "right", "bottom"),
            (4, -3, "left", "top"),
            (-4, -3, "right", "top"),
        ):
            txt = ax.annotate(
                name,
                (px, py),
                xytext=(dx, dy),
                textcoords="offset points",
                ha=ha,
                va=va,
                fontsize=7.5 if kind == "crossing" else 7,
                zorder=8,
                fontweight="bold" if kind == "crossing" else "normal",
                color="#111111" if kind == "crossing" else "#333333",
                path_effects=_halo(),
            )
            bb = txt.get_window_extent(renderer)
            if all(not bb.overlaps(o) for o in taken) and _within(box, bb):
                taken.append(bb)
                break
            txt.remove()
        else:
            if kind == "town":
                continue
        marker = "D" if kind == "crossing" else "s"
        ax.plot(
            [px],
            [py],
            ls="",
            marker=marker,
            ms=5 if kind == "crossing" else 3,
            color="black" if kind == "crossing" else "#444444",
            zorder=8,
            gid=kind,
        )
        n_towns += kind == "town"


def _within(box, bb) -> bool:
    return box.x0 <= bb.x0 and bb.x1 <= box.x1 and box.y0 <= bb.y0 and bb.y1 <= box.y1


def _halo():
    from matplotlib import patheffects

    return [patheffects.withStroke(linewidth=2.2, foreground="white")]
