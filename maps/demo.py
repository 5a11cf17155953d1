"""The whole pipeline on the bundled October-November 2025 dataset."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd

from incidents import geocode, position
from incidents.aggregate import aggregate
from incidents.bundled import load_oct2025
from incidents.io import atomic_output, write
from maps.build import build_map

__all__ = ["DemoResult", "run_demo"]


@dataclass
class DemoResult:
    """What :func:`run_demo` made: tables, and the files it wrote."""

    incidents: gpd.GeoDataFrame
    segments: gpd.GeoDataFrame
    files: dict[str, Path]

    def summary(self, *, top: int = 5) -> str:
        """A short text summary: incidents per side and precision, hottest segments."""
        inc = self.incidents
        events = inc["incident_id"].astype("string").str.split("-").str[0].nunique()
        lines = [f"{len(inc)} incidents from {events} source events"]
        side = inc["side"].fillna("not located").value_counts()
        lines.append("per side: " + ", ".join(f"{k} {v}" for k, v in side.items()))
        prec = inc["geo_precision"].astype("Float64").value_counts(dropna=False).sort_index()
        lines.append(
            "precision: "
            + ", ".join(f"{'none' if pd.isna(k) else int(k)}: {v}" for k, v in prec.items())
            + " (1 place, 2 district/near, 3 province or coarser)"
        )
        method = inc["geocode_method"].value_counts()
        lines.append("located by: " + ", ".join(f"{k} {v}" for k, v in method.items()))
        seg = self.segments[self.segments["unit"] != "unassigned"]
        hot = seg.sort_values(["incidents", "km_start"], ascending=[False, True]).head(top)
        lines.append(
            f"hottest {top} frontier segments (incidents located to a district or better):"
        )
        for r in hot.itertuples():
            lines.append(
                f"  km {r.km_start:,.0f}-{r.km_end:,.0f} {r.side}: {r.incidents} incident(s)"
            )
        unassigned = self.segments.loc[self.segments["unit"] == "unassigned", "incidents"].sum()
        lines.append(f"  (+{unassigned} too coarse for a 50-km segment: province or country level)")
        unresolved = inc[inc["geocode_method"] == "unresolved"]
        lines.append(f"unresolved places: {len(unresolved)}")
        for r in unresolved.itertuples():
            lines.append(f"  {r.incident_id}: {r.location}")
        return "\n".join(lines)


def run_demo(
    out: str | Path = "frontier-demo", *, cdn: bool = False, offline: bool | None = None
) -> DemoResult:
    """Load, geocode, position, aggregate, map and export the bundled dataset.

    The map is self-contained (it works offline) unless ``cdn`` is true;
    ``offline`` is accepted for old callers and ignored.  Writes
    ``frontier_map.html``, ``incidents.geojson`` and ``segments.geojson`` into
    ``out`` (created if needed) and returns the tables.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    incidents = position(geocode(load_oct2025(), multi="first"))
    segments = aggregate(incidents, by="segment", km=50.0)
    m = build_map(
        incidents,
        aggregates=None,
        title="Afghanistan-Pakistan frontier clashes, October-November 2025",
        cdn=cdn,
    )
    files = {
        "map": out / "frontier_map.html",
        "incidents": out / "incidents.geojson",
        "segments": out / "segments.geojson",
    }
    with atomic_output(files["map"]) as tmp:
        m.save(str(tmp))
    write(incidents, files["incidents"])
    write(segments, files["segments"])
    return DemoResult(incidents, segments, files)


def precision_table(incidents: pd.DataFrame) -> pd.DataFrame:
    """Counts of incidents by geocoding method and ACLED precision code."""
    return (
        incidents.groupby(["geocode_method", "geo_precision"], dropna=False)
        .size()
        .rename("incidents")
        .reset_index()
        .sort_values(["geo_precision", "geocode_method"])
        .reset_index(drop=True)
    )
