"""Calibrate the radius of an exact match to a *town* in the hinted district.

Run ``python tests/incidents/calibrate_towns.py`` (``calibrate_radius.py`` calls
:func:`town_cells` too, so ``calibrate_radius.py --write`` stores the result).

The cross-source holdouts cannot measure this cell: a holdout query is a place
whose own record is removed, so its "town" matches are absent villages sharing a
town's name (4 rows in session 6).  The cell then borrowed the village cell
(11.5 km), an untested choice.  ``data/towns_truth.csv`` gives truth that can:
Afghan and Pakistani district seats and towns with the coordinate of their
Wikipedia article (cited per row; never the project's gazetteers), none of them
among the hand-checked places of ``frontier_places_truth.csv`` (that table stays
the independent check).  Each row is in the ``calibrate`` or ``check`` half by
CRC-32 of its name (``zlib.crc32(name) % 2``: 0 calibrate, 1 check).

On the calibration half only, the towns are geocoded with their province and
district as hints and every radius term set to zero (:func:`zero_radii`), so the
radius of a name match is the place's own extent (the population term of
:mod:`incidents._answer`); the error beyond that extent is what the cell must
cover.  :func:`town_cells` returns its 95th percentile for
:data:`TOWN_CELL` (rounded up to 0.5 km); the class floor
(:data:`incidents._radius.FLOOR_KM`) still applies on top.  The check half is
reported with the calibrated radii (:func:`report`).
"""

from __future__ import annotations

import contextlib
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))

import geocode_eval as ev

from incidents import _radius
from incidents._gazetteer import Gazetteer
from incidents.geocode import Geocoder

TOWNS = ev.DATA / "towns_truth.csv"
#: The evidence cell the towns measure: exact name, in the hinted district, a
#: town, no other town of the country with that name.
TOWN_CELL = "place_exact|district|town|0"
#: Calibration rows the cell needs to take its own value (fewer: no override).
MIN_TOWN_ROWS = 15
#: Coverage aimed at, and the rounding step (km), as in ``calibrate_radius``.
LEVEL = 0.95
STEP_KM = 0.5


def split_of(name: str) -> str:
    """The half a town belongs to: CRC-32 of its query name, even = calibrate."""
    return "calibrate" if zlib.crc32(name.encode()) % 2 == 0 else "check"


def towns_frame() -> pd.DataFrame:
    """The towns truth table, columns as :func:`geocode_eval.truth_frame`."""
    df = pd.read_csv(TOWNS, dtype=str, keep_default_na=False, comment="#")
    df = df.rename(columns={"query_location": "location"}).replace({"": None})
    df["true_lat"] = pd.to_numeric(df["latitude"])
    df["true_lon"] = pd.to_numeric(df["longitude"])
    return df


def towns_rows(gaz: Gazetteer, towns: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every town geocoded with its hints: error, radius, evidence cell, half.
    A fresh :class:`Geocoder` each call: its answers are cached, radii included."""
    towns = towns_frame() if towns is None else towns
    gc = Geocoder(gaz)
    _, rows = ev.score(gc, towns)
    cells = [
        gc.resolve(r.location, admin1=r.admin1, admin2=r.admin2, country=r.country)[0].radius_basis
        for r in towns.itertuples()
    ]
    return rows.assign(
        cell=cells,
        half=towns["half"].to_numpy(),
        true_country=towns["country"].to_numpy(),
    )


@contextlib.contextmanager
def zero_radii() -> Iterator[None]:
    """Within the block every cell radius and class floor is 0 (a name match's
    radius is then its own extent); restored afterwards."""
    saved = (
        dict(_radius.PLACE_RADIUS_KM),
        dict(_radius.FLOOR_KM),
        dict(_radius.FALLBACK_SCALE),
    )
    try:
        _radius.PLACE_RADIUS_KM.update(dict.fromkeys(_radius.PLACE_RADIUS_KM, 0.0))
        _radius.FLOOR_KM.update(dict.fromkeys(_radius.FLOOR_KM, 0.0))
        _radius.FALLBACK_SCALE.update(dict.fromkeys(_radius.FALLBACK_SCALE, 1.0))
        yield
    finally:
        for live, old in zip(
            (_radius.PLACE_RADIUS_KM, _radius.FLOOR_KM, _radius.FALLBACK_SCALE), saved, strict=True
        ):
            live.clear()
            live.update(old)


def beyond_extent(rows: pd.DataFrame) -> np.ndarray:
    """Error beyond the radius of rows geocoded under :func:`zero_radii` (the
    place's own extent): the part the cell radius must cover."""
    err = rows["error_km"].to_numpy(dtype=float)
    ext = rows["uncertainty_km"].fillna(0).to_numpy(dtype=float)
    return np.clip(err - ext, 0.0, None)


def town_cells(rows: pd.DataFrame) -> dict[str, float]:
    """{:data:`TOWN_CELL`: 95th percentile of the error beyond the extent} on
    the calibration half of ``rows`` (geocoded under :func:`zero_radii`); empty
    when the half has fewer than :data:`MIN_TOWN_ROWS` rows in the cell."""
    cal = rows[(rows["half"] == "calibrate") & (rows["cell"] == TOWN_CELL)]
    if len(cal) < MIN_TOWN_ROWS:
        return {}
    p = float(np.percentile(beyond_extent(cal), 100 * LEVEL))
    return {TOWN_CELL: float(np.ceil(p / STEP_KM) * STEP_KM)}


def report(rows: pd.DataFrame) -> pd.DataFrame:
    """Coverage, within 25 km and median radius per half and country."""
    return ev.summary(rows, ["half", "true_country"])


def main() -> None:
    gaz = Gazetteer.load()
    with zero_radii():
        zero = towns_rows(gaz)
    cal = zero[(zero["half"] == "calibrate") & (zero["cell"] == TOWN_CELL)]
    b = beyond_extent(cal)
    print(
        f"calibration half, {TOWN_CELL}: {len(cal)} rows; error beyond extent "
        f"median {np.median(b):.2f} km, p95 {np.percentile(b, 95):.2f} km, "
        f"max {b.max():.2f} km; raw error p95 {np.percentile(cal['error_km'], 95):.2f} km"
    )
    cells = town_cells(zero)
    print("cell value:", cells, "(class floor", _radius.FLOOR_KM["place_exact"], "km on top)")
    print("in _radius.PLACE_RADIUS_KM now:", _radius.PLACE_RADIUS_KM[TOWN_CELL])
    rows = towns_rows(gaz)
    pd.set_option("display.width", 200)
    print(report(rows).round(3).to_string())
    print(ev.summary(rows, ["half"]).round(3).to_string())
    miss = rows[rows["error_km"] > rows["uncertainty_km"].fillna(0) + 1e-6]
    cols = ["location", "matched_name", "cell", "error_km", "uncertainty_km", "half"]
    print("not covered:\n", miss[cols].round(2).to_string())


if __name__ == "__main__":
    main()
