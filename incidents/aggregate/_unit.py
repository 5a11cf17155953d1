"""The protocol every aggregation unit follows, and the columns units read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

import geopandas as gpd
import numpy as np
import pandas as pd

from geo import Frontier, point_coordinates
from incidents.schema import SIDES

#: Keys of (thing, side) units are ``thing * NSIDE + side`` (side 0 AF, 1 PK, 2 other).
NSIDE = len(SIDES)


@dataclass(frozen=True)
class Rows:
    """What every unit needs to know about the incident table."""

    df: pd.DataFrame
    located: np.ndarray  # the row has a point
    precision: np.ndarray  # geo_precision, missing read as 1
    uncertainty_km: np.ndarray  # missing read as 0 (never makes a row unassigned)
    frontier: Frontier | None = None
    options: dict[str, Any] = field(default_factory=dict)
    in_region: np.ndarray | None = None  # the point lies in geo.REGION (None: all do)


class Unit(Protocol):
    """A level of aggregation (segment, admin1, admin2, hex, band).

    ``key`` gives each input row its unit (an int64 >= 0) or -1 when the row is
    too coarse for the level or falls in no unit; ``template`` lists the keys
    shown even when empty; ``options`` go to the result's ``attrs``.  Names
    (:meth:`describe`) and shapes (:meth:`geometry`) are separate so that
    counting per unit never reads polygons it does not return.
    """

    key: np.ndarray
    template: np.ndarray
    options: dict[str, Any]

    def describe(self, keys: np.ndarray) -> pd.DataFrame:
        """Columns (``unit`` first) of the units ``keys``."""
        ...

    def geometry(self, keys: np.ndarray) -> np.ndarray:
        """Geometries (an object array, None where a unit has none) of the units ``keys``."""
        ...


def numeric(df: pd.DataFrame, col: str, default: float) -> np.ndarray:
    """A column as floats (NaN where not a number), or ``default`` when absent."""
    if col not in df:
        return np.full(len(df), default)
    return pd.to_numeric(df[col], errors="coerce").to_numpy(dtype=float, na_value=np.nan)


def lonlat(df: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Point coordinates (NaN where none): the geometry, else latitude/longitude."""
    if isinstance(df, gpd.GeoDataFrame) and df._geometry_column_name in df:
        pc = point_coordinates(df)
        return pc.lon, pc.lat
    return numeric(df, "longitude", np.nan), numeric(df, "latitude", np.nan)


def side_codes(df: pd.DataFrame) -> np.ndarray:
    """0 AF, 1 PK, 2 other, -1 missing."""
    # each distinct spelling once (a table holds a handful), then broadcast
    row_codes, spellings = pd.factorize(df["side"].astype("string"), use_na_sentinel=True)
    side = pd.Series(spellings, dtype="string").str.strip().str.upper()
    codes = pd.Categorical(side, categories=[s.upper() for s in SIDES]).codes
    lookup = np.append(np.asarray(codes, dtype=np.int64), -1)  # missing -> -1
    return lookup[np.asarray(row_codes, dtype=np.int64)]
