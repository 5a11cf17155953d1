"""The bundled dataset: the October-November 2025 Afghanistan-Pakistan clashes."""

from __future__ import annotations

from importlib import resources

import pandas as pd

__all__ = ["OCT2025", "oct2025_path", "load_oct2025"]

OCT2025 = "oct2025_af_pk_incidents.csv"


def oct2025_path() -> str:
    """Path of the bundled CSV (built by ``python -m incidents.data.derive_oct2025``)."""
    return str(resources.files("incidents.data").joinpath(OCT2025))


def load_oct2025() -> pd.DataFrame:
    """The bundled incidents as a raw incident table (not yet geocoded)."""
    from incidents.load import load

    return load(oct2025_path())
