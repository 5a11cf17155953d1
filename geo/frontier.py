"""The frontier engine: where points sit against a border line.

>>> from geo import Frontier
>>> f = Frontier.default()
>>> round(f.length_km, 1)
2761.5
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely
from numpy.typing import ArrayLike

from geo import _defaults, reference
from geo._lookup import PolygonLookup
from geo._nearest import GEOD, LineIndex, ecef_km
from geo.bands import (
    DISTANCE_BANDS_KM,
    band_labels,
    check_bands,
    corridor_key,
    shipped_corridor,
)
from geo.errors import CRSError, GeometryError
from geo.points import distinct_points, point_coordinates

__all__ = ["DEFAULT_BANDS_KM", "Frontier"]

#: Distance bands (km) used by :meth:`Frontier.corridor` by default (one definition:
#: :data:`geo.bands.DISTANCE_BANDS_KM`).
DEFAULT_BANDS_KM = DISTANCE_BANDS_KM

#: Columns returned by :meth:`Frontier.locate`, in order.
LOCATE_COLUMNS = (
    "border_distance_km",
    "side",
    "frontier_km",
    "nearest_crossing",
    "crossing_distance_km",
    "point_admin1",
    "point_admin2",
)


def _single_line(line: shapely.Geometry) -> shapely.LineString:
    """Merge a (multi)line into one connected LineString, or say why not."""
    if isinstance(line, shapely.LineString):
        merged = line
    elif isinstance(line, shapely.MultiLineString):
        merged = shapely.line_merge(line)
    else:
        raise GeometryError(f"a frontier must be a LineString, got a {line.geom_type}")
    if not isinstance(merged, shapely.LineString):
        n = len(shapely.get_parts(merged))
        raise GeometryError(
            f"the frontier line is not one connected line: it falls apart into {n} pieces "
            "(join them, or pass each border separately)"
        )
    if merged.is_empty or len(shapely.get_coordinates(merged)) < 2:
        raise GeometryError("the frontier line is empty or has fewer than 2 vertices")
    return merged


class Frontier:
    """A border line between two countries, with the polygons that decide sides.

    Parameters
    ----------
    line
        The border as one connected lon/lat LineString (EPSG:4326), or a GeoSeries /
        GeoDataFrame holding it (reprojected to EPSG:4326 if needed).
    countries
        GeoDataFrame with a ``country`` column (two codes, e.g. ``AF`` and ``PK``) and
        one polygon each; holes are ignored (a point on a river is on a side).
    admin
        Optional districts (``country``, ``admin1``, ``admin2``) for :meth:`locate`.
    crossings
        Optional points with a ``name`` column.
    orient
        ``"NE"`` (default) reverses the line if needed so that km 0 is its north-eastern end;
        ``None`` keeps the given direction.
    name
        Shown by ``frontier info``.
    """

    def __init__(
        self,
        line: shapely.Geometry | gpd.GeoSeries | gpd.GeoDataFrame,
        countries: gpd.GeoDataFrame,
        *,
        admin: gpd.GeoDataFrame | None = None,
        crossings: gpd.GeoDataFrame | None = None,
        orient: str | None = "NE",
        name: str = "frontier",
        sources: Sequence[str] = (),
        _grids: dict[str, np.ndarray] | None = None,
    ) -> None:
        self._set_line(line, orient=orient, name=name, sources=sources)
        countries = _check_countries(countries)
        admin = None if admin is None else _as_4326(admin, "admin").reset_index(drop=True)
        grids = _grids or {}
        self._polygon_source: Callable[[], _Polygons] = functools.partial(
            _Polygons.build, countries, admin, grids
        )
        self._set_crossings(crossings)

    def _set_line(
        self,
        line: shapely.Geometry | gpd.GeoSeries | gpd.GeoDataFrame,
        *,
        orient: str | None,
        name: str,
        sources: Sequence[str],
    ) -> None:
        if isinstance(line, gpd.GeoDataFrame | gpd.GeoSeries):
            if line.crs is None:
                raise CRSError("the frontier line has no CRS; set one, e.g. .set_crs(4326)")
            line = shapely.union_all(line.to_crs(4326).geometry.values)
        line = _single_line(line)
        xy = shapely.get_coordinates(line)
        if orient == "NE" and (xy[0, 0] + xy[0, 1]) < (xy[-1, 0] + xy[-1, 1]):
            xy = xy[::-1]
        elif orient not in ("NE", None):
            raise ValueError(f"orient must be 'NE' or None, got {orient!r}")
        self.line = shapely.LineString(xy)
        self.name = name
        self.sources = tuple(sources)
        self._corridors: dict[tuple, gpd.GeoDataFrame] = {}
        self._index = LineIndex(xy[:, 0], xy[:, 1])

    def _set_crossings(self, crossings: gpd.GeoDataFrame | None) -> None:
        self.crossings = None if crossings is None else _as_4326(crossings, "crossings")
        if self.crossings is not None:
            pts = self.crossings.geometry.values
            self._cross_xyz = ecef_km(shapely.get_x(pts), shapely.get_y(pts))

    # The polygons (and their lookups) are built on first use: segments, lengths
    # and distances need only the line, and the default frontier's district
    # polygons take a tenth of a second to read.
    @functools.cached_property
    def _polygons(self) -> _Polygons:
        return self._polygon_source()

    @property
    def countries(self) -> gpd.GeoDataFrame:
        """The country polygons (``country``, geometry) that decide sides."""
        return self._polygons.countries

    @property
    def admin(self) -> gpd.GeoDataFrame | None:
        """The districts (``country``, ``admin1``, ``admin2``) of :meth:`locate`, or None."""
        return self._polygons.admin

    @property
    def _sides(self) -> PolygonLookup:
        return self._polygons.sides

    @property
    def _admin(self) -> PolygonLookup | None:
        return self._polygons.admin_lookup

    # ------------------------------------------------------------------ build
    @classmethod
    @functools.cache
    def default(cls) -> Frontier:
        """The Afghanistan-Pakistan frontier (OSM line, shipped polygons). Cached.

        Its country and district polygons are read on first use (:meth:`locate`,
        :attr:`countries`, :meth:`corridor`).
        """
        cx = reference.crossings()
        frontier = cls.__new__(cls)
        frontier._set_line(
            reference.frontier_line("osm"),
            orient="NE",
            name=_defaults.NAME,
            sources=tuple(x.format(crossings=len(cx)) for x in _defaults.SOURCES),
        )
        frontier._polygon_source = _shipped_polygons
        frontier._set_crossings(cx)
        return frontier

    # ------------------------------------------------------------- properties
    @functools.cached_property
    def length_km(self) -> float:
        """Geodesic (WGS84) length of the line (computed once: the line does not change)."""
        xy = shapely.get_coordinates(self.line)  # = geometry_length, without a Python loop
        return float(GEOD.line_length(xy[:, 0], xy[:, 1]) / 1000.0)

    @property
    def start(self) -> tuple[float, float]:
        """(lon, lat) of km 0 (the north-eastern end by default)."""
        x, y = self.line.coords[0]
        return (x, y)

    @property
    def end(self) -> tuple[float, float]:
        x, y = self.line.coords[-1]
        return (x, y)

    @property
    def vertex_count(self) -> int:
        return len(self.line.coords)

    @functools.cached_property
    def local_crs(self) -> pyproj.CRS:
        """Azimuthal equidistant CRS (metres) centred on the line, for display buffers."""
        c = self.line.centroid
        return pyproj.CRS.from_proj4(f"+proj=aeqd +lon_0={c.x} +lat_0={c.y} +datum=WGS84 +units=m")

    # ---------------------------------------------------------------- locate
    def locate(
        self,
        points: gpd.GeoSeries | gpd.GeoDataFrame | tuple[Sequence[float], Sequence[float]],
        *,
        crossings: bool = True,
        admin: bool = True,
    ) -> pd.DataFrame:
        """Position points against the frontier.

        Parameters
        ----------
        points
            A GeoSeries/GeoDataFrame in any CRS (coordinates by
            :func:`geo.points.point_coordinates`: a non-point geometry is reduced to its
            representative point, with a warning, as there is no flag column here), or a
            ``(lon, lat)`` pair of arrays in degrees.
        crossings, admin
            Skip the nearest-crossing or the province/district lookup when False.

        Returns
        -------
        pandas.DataFrame
            On the input's index: ``border_distance_km`` (geodesic distance to the
            line), ``side`` (``AF``/``PK``/``other``, from the country polygons),
            ``frontier_km`` (km along the line from its start to the nearest point),
            ``nearest_crossing``, ``crossing_distance_km``, ``point_admin1`` and
            ``point_admin2`` (the province and district containing the point).
            Rows with missing, non-finite or out-of-range coordinates get missing values.

        Notes
        -----
        Every lookup runs once per distinct (lon, lat) pair and is broadcast back to
        the rows, so tables where many incidents share a place cost what their
        distinct places cost.
        """
        lon, lat, index = _coordinates(points)
        n = len(lon)
        ok = np.isfinite(lon) & np.isfinite(lat) & (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
        rows = np.flatnonzero(ok)
        inv, ulon, ulat = distinct_points(lon[rows], lat[rows])
        found = self._locate_points(ulon, ulat, crossings=crossings, admin=admin)
        return self._assemble(found, rows, inv, n, index, crossings=crossings, admin=admin)

    def distance_km(self, lon: ArrayLike, lat: ArrayLike) -> np.ndarray:
        """Geodesic distance (km) from points to the line, without the side, crossing
        or admin lookups of :meth:`locate` (nor the country polygons they load).

        Parameters
        ----------
        lon, lat
            Degrees, scalars or arrays of one shape.

        Returns
        -------
        numpy.ndarray
            One distance per point (float array of the inputs' shape); NaN where a
            coordinate is missing, non-finite or out of range.

        Examples
        --------
        >>> f = Frontier.default()
        >>> bool(f.distance_km(71.08472, 34.11472) < 1.0)  # Torkham
        True
        """
        lon_a = np.asarray(lon, dtype=float)
        lat_a = np.asarray(lat, dtype=float)
        x, y = np.broadcast_arrays(lon_a, lat_a)
        out = np.full(x.shape, np.nan)
        ok = np.isfinite(x) & np.isfinite(y) & (np.abs(y) <= 90) & (np.abs(x) <= 180)
        if ok.any():
            out[ok] = self._index.nearest(x[ok], y[ok]).distance_km
        return out

    def _locate_points(
        self, lon: np.ndarray, lat: np.ndarray, *, crossings: bool, admin: bool
    ) -> dict[str, np.ndarray]:
        """Every per-point lookup for valid lon/lat arrays; integer codes for the names."""
        m = len(lon)
        out: dict[str, np.ndarray] = {
            "dist": np.full(m, np.nan),
            "along": np.full(m, np.nan),
            "side": np.full(m, -1, dtype=np.int64),
            "crossing": np.full(m, -1, dtype=np.int64),
            "crossing_km": np.full(m, np.nan),
            "admin": np.full(m, -1, dtype=np.int64),
        }
        if not m:
            return out
        res = self._index.nearest(lon, lat)
        out["dist"], out["along"] = res.distance_km, res.along_km
        out["side"] = np.asarray(self._sides.lookup(lon, lat), dtype=np.int64)
        if crossings and self.crossings is not None and len(self.crossings):
            p = ecef_km(lon, lat)
            d2 = ((p[:, None, :] - self._cross_xyz[None, :, :]) ** 2).sum(axis=2)
            best = np.argmin(d2, axis=1)
            cpts = self.crossings.geometry.values[best]
            _, _, d = GEOD.inv(lon, lat, shapely.get_x(cpts), shapely.get_y(cpts))
            out["crossing"], out["crossing_km"] = best.astype(np.int64), d / 1000.0
        if admin and self.admin is not None:
            out["admin"] = self._admin_for(lon, lat, out["side"].copy())
        return out

    def _assemble(
        self,
        found: dict[str, np.ndarray],
        rows: np.ndarray,
        inv: np.ndarray,
        n: int,
        index: pd.Index,
        *,
        crossings: bool,
        admin: bool,
    ) -> pd.DataFrame:
        """Broadcast per-distinct-point results back to ``n`` rows (``rows[i]`` <- ``inv[i]``)."""

        def spread(values: np.ndarray, fill: float | int) -> np.ndarray:
            full = np.full(n, fill, dtype=values.dtype)
            full[rows] = values[inv]
            return full

        def names(codes: np.ndarray, labels: np.ndarray) -> pd.api.extensions.ExtensionArray:
            return pd.array(labels, dtype="string").take(codes, allow_fill=True)

        out = pd.DataFrame(index=index)
        out["border_distance_km"] = spread(found["dist"], np.nan)
        side = spread(found["side"], -1)
        side_codes = np.append(self.countries["country"].to_numpy(dtype=object), "other")
        valid = np.zeros(n, dtype=bool)
        valid[rows] = True
        # -1 from the lookup means outside every polygon ("other"); no point at all: missing
        side = np.where(valid, np.where(side < 0, len(side_codes) - 1, side), -1)
        out["side"] = names(side, side_codes)
        out["frontier_km"] = spread(found["along"], np.nan)
        if crossings and self.crossings is not None:
            labels = self.crossings["name"].to_numpy(dtype=object)
        else:
            labels = np.array([], dtype=object)
        out["nearest_crossing"] = names(spread(found["crossing"], -1), labels)
        out["crossing_distance_km"] = spread(found["crossing_km"], np.nan)
        adm = spread(found["admin"], -1)
        if admin and self.admin is not None:
            a1 = self.admin["admin1"].to_numpy(dtype=object)
            a2 = (
                self.admin["admin2"].to_numpy(dtype=object)
                if "admin2" in self.admin
                else np.full(len(self.admin), None, dtype=object)
            )
        else:
            a1 = a2 = np.array([], dtype=object)
        out["point_admin1"] = names(adm, a1)
        out["point_admin2"] = names(adm, a2)
        return out

    def _admin_for(self, lon: np.ndarray, lat: np.ndarray, side_idx: np.ndarray) -> np.ndarray:
        """District row per point, consistent with the point's side.

        District outlines come from other sources than the country polygons and
        disagree by up to a few hundred metres along the frontier; a point the
        country polygons put on one side is given the nearest district of that
        side (within 5 km) rather than a district across the line.
        """
        assert self._admin is not None and self.admin is not None
        idx = self._admin.lookup(lon, lat)
        codes = self.countries["country"].to_numpy(dtype=object)
        adm_country = self.admin["country"].to_numpy(dtype=object)
        want = np.where(side_idx >= 0, codes[np.clip(side_idx, 0, None)], None)
        got = np.where(idx >= 0, adm_country[np.clip(idx, 0, None)], None)
        bad = np.flatnonzero((side_idx >= 0) & (got != want))
        idx[np.flatnonzero(side_idx < 0)] = -1
        for code in np.unique(want[bad]):
            rows = bad[want[bad] == code]
            mask = adm_country == code
            sub = np.flatnonzero(mask)
            tree = shapely.STRtree(self.admin.geometry.values[mask])
            pts = shapely.points(lon[rows], lat[rows])
            pi, ti = tree.query_nearest(pts, max_distance=0.05, all_matches=False)
            idx[rows] = -1
            idx[rows[pi]] = sub[ti]
        return idx

    # ------------------------------------------------------- segments, corridor
    def point_at(self, km: float | Sequence[float]) -> np.ndarray:
        """(lon, lat) of the points ``km`` along the line; an (n, 2) array."""
        at = np.atleast_1d(np.asarray(km, float))
        ix = self._index
        seg = np.clip(np.searchsorted(ix.cum_km, at, side="right") - 1, 0, len(ix.seg_km) - 1)
        t = np.clip((at - ix.cum_km[seg]) / np.where(ix.seg_km[seg] > 0, ix.seg_km[seg], 1), 0, 1)
        lon = ix.lon[seg] + t * (ix.lon[seg + 1] - ix.lon[seg])
        lat = ix.lat[seg] + t * (ix.lat[seg + 1] - ix.lat[seg])
        return np.column_stack([lon, lat])

    def segments(self, km: float = 50.0) -> gpd.GeoDataFrame:
        """The line cut every ``km`` km from its start (the last piece is the remainder).

        Returns a GeoDataFrame with ``segment_id`` (0-based), ``km_start``, ``km_end``,
        ``length_km`` and the piece of line as geometry; the pieces tile the line exactly.
        """
        total = float(self._index.cum_km[-1])
        if not np.isfinite(km) or km <= 0:
            raise ValueError(f"segment length must be a positive number of km, got {km}")
        if km > total:
            raise ValueError(
                f"segment length {km:g} km is longer than the frontier ({total:,.1f} km)"
            )
        cuts = np.r_[np.arange(0.0, total, km), total]
        if cuts[-1] - cuts[-2] < 1e-9:
            cuts = cuts[:-1]
        ix = self._index
        geoms = []
        for a, b in zip(cuts[:-1], cuts[1:], strict=True):
            inner = np.flatnonzero((ix.cum_km > a) & (ix.cum_km < b))
            ends = self.point_at([a, b])
            pts = np.vstack([ends[:1], np.column_stack([ix.lon[inner], ix.lat[inner]]), ends[1:]])
            geoms.append(shapely.LineString(pts))
        return gpd.GeoDataFrame(
            {
                "segment_id": np.arange(len(cuts) - 1),
                "km_start": cuts[:-1],
                "km_end": cuts[1:],
                "length_km": np.diff(cuts),
            },
            geometry=geoms,
            crs=4326,
        )

    def corridor(
        self, km: Sequence[float] = DEFAULT_BANDS_KM, *, beyond: bool = False
    ) -> gpd.GeoDataFrame:
        """Band polygons on each side of the line: 0-km[0], km[0]-km[1], ...

        Parameters
        ----------
        km
            Outer edges of the bands, in km.
        beyond
            Also return the rest of each country beyond the last edge
            (``km_max`` infinite, band ``">100 km"``).

        Returns
        -------
        geopandas.GeoDataFrame
            ``side``, ``km_min``, ``km_max``, ``band`` and the polygon, EPSG:4326.

        Notes
        -----
        Display geometry: the buffers are drawn in an azimuthal equidistant projection
        centred on the line (scale error under 1 % within 100 km of it) around the line
        simplified by 1 % of each band's outer distance, and clipped to each country.
        To count incidents use ``border_distance_km`` from :meth:`locate`, which is exact.
        Results are cached per set of bands; the shipped frontier's default bands
        are read from ``geo/data`` (:func:`geo.bands.shipped_corridor`).
        """
        try:
            edges = check_bands(sorted(km))
        except ValueError as exc:
            raise ValueError(f"corridor {exc}") from None
        key = (edges, beyond)
        if key not in self._corridors:
            shipped = shipped_corridor(corridor_key(self.line, self.countries, edges, beyond))
            self._corridors[key] = (
                self._build_corridor(edges, beyond) if shipped is None else shipped
            )
        return self._corridors[key].copy()

    def _build_corridor(self, edges: tuple[float, ...], beyond: bool) -> gpd.GeoDataFrame:
        crs = self.local_crs
        line = gpd.GeoSeries([self.line], crs=4326).to_crs(crs).iloc[0]
        cty = self.countries.to_crs(crs)
        rows = []
        prev = None
        lows = (0.0, *edges[:-1])
        for lo, hi in zip(lows, edges, strict=True):
            buf = line.simplify(hi * 10.0).buffer(hi * 1000.0, quad_segs=8)
            ring = buf if prev is None else shapely.difference(buf, prev)
            prev = buf
            for code, poly in zip(cty["country"], cty.geometry, strict=True):
                geom = shapely.intersection(ring, poly)
                rows.append({"side": code, "km_min": lo, "km_max": hi, "geometry": geom})
        if beyond:
            for code, poly in zip(cty["country"], cty.geometry, strict=True):
                geom = shapely.difference(poly, prev)
                rows.append({"side": code, "km_min": edges[-1], "km_max": np.inf, "geometry": geom})
        out = gpd.GeoDataFrame(rows, geometry="geometry", crs=crs).to_crs(4326)
        label = dict(zip((*edges, np.inf), band_labels(edges, beyond=True), strict=True))
        out.insert(3, "band", [label[b] for b in out["km_max"]])
        return out

    def __repr__(self) -> str:
        return f"Frontier({self.name!r}, {self.length_km:,.1f} km, {self.vertex_count} vertices)"


@dataclass(frozen=True)
class _Polygons:
    """The country and district polygons of a frontier and their point lookups."""

    countries: gpd.GeoDataFrame
    admin: gpd.GeoDataFrame | None
    sides: PolygonLookup
    admin_lookup: PolygonLookup | None

    @classmethod
    def build(
        cls,
        countries: gpd.GeoDataFrame,
        admin: gpd.GeoDataFrame | None,
        grids: dict[str, np.ndarray],
    ) -> _Polygons:
        def lookup(gdf: gpd.GeoDataFrame, grid: np.ndarray | None) -> PolygonLookup:
            if grid is None:
                return PolygonLookup(gdf.geometry.values)
            return PolygonLookup(
                gdf.geometry.values, grid, tuple(grids["origin"]), float(grids["cell"])
            )

        return cls(
            countries=countries,
            admin=admin,
            sides=lookup(countries, grids.get("countries")),
            admin_lookup=None if admin is None else lookup(admin, grids.get("admin2")),
        )


def _shipped_polygons() -> _Polygons:
    """The default frontier's polygons: shipped countries and districts, lookup grids."""
    path = resources.files("geo.data").joinpath("lookup_grids.npz")
    with np.load(str(path)) as npz:
        grids = {k: npz[k] for k in npz.files}
    countries = _check_countries(reference.countries())
    admin = _as_4326(reference.admin2(), "admin").reset_index(drop=True)
    return _Polygons.build(countries, admin, grids)


def _check_countries(countries: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    countries = _as_4326(countries, "countries")
    if "country" not in countries:
        raise GeometryError("countries needs a 'country' column naming each polygon")
    return countries[["country", "geometry"]].reset_index(drop=True)


def _as_4326(gdf: gpd.GeoDataFrame, what: str) -> gpd.GeoDataFrame:
    if gdf.crs is None:
        raise CRSError(f"{what} has no CRS; set one, e.g. .set_crs(4326)")
    return gdf.to_crs(4326)


def _coordinates(points: object) -> tuple[np.ndarray, np.ndarray, pd.Index]:
    """lon, lat arrays (EPSG:4326) and index from any accepted ``points`` input."""
    if isinstance(points, gpd.GeoDataFrame | gpd.GeoSeries):
        if points.crs is None:
            raise CRSError(
                "points have no CRS; set one first, e.g. gdf.set_crs(4326) for lon/lat degrees"
            )
        pc = point_coordinates(points)
        if pc.non_point.any():
            warnings.warn(
                f"{int(pc.non_point.sum())} geometries are not points; "
                "their representative points are used",
                UserWarning,
                stacklevel=3,
            )
        return pc.lon, pc.lat, points.index
    if isinstance(points, tuple) and len(points) == 2:
        lon = np.asarray(points[0], dtype=float).ravel()
        lat = np.asarray(points[1], dtype=float).ravel()
        if lon.shape != lat.shape:
            raise ValueError(f"lon and lat differ in length: {len(lon)} vs {len(lat)}")
        return lon, lat, pd.RangeIndex(len(lon))
    raise TypeError(
        "points must be a GeoSeries, a GeoDataFrame or a (lon, lat) tuple, "
        f"got {type(points).__name__}"
    )
