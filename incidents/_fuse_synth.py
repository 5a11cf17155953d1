"""Synthetic multi-source incident tables with known truth, and pairwise scores.

Used by the tests and the benchmark of :func:`incidents.fuse`, and by anyone who
wants to check the fusion rule on data like their own.  Every true event is
reported by each source with some probability; each report is jittered
according to its precision class, shifted in date, relabelled in its source's
own vocabulary, and may lose fields.  ``true_event`` holds the truth.

Scenarios (``scenario=``):

``clean``          precision 1 only, same dates, ACLED types everywhere
``precision``      precision classes 1/2/3 (72/22/6 %), jitter drawn from each class
``dates``          date shifts of a day (news a day late) and multi-day ranges
``relabel``        each source its own vocabulary (ACLED, UCDP ``type_of_violence``,
                   extractor ``event_kind``) plus 10 % neighbouring types
``missing``        types, fatalities, radius and precision code missing
``near_distinct``  every event has a twin on the same day 10-30 km away (half the
                   time of the same type)
``mixed``          everything above at once, 20 % of events in near-distinct twins

Each source's table looks as :func:`incidents.load` leaves it: a UCDP table's
``event_type`` is derived from its ``type_of_violence`` (``UCDP_EVENT_TYPES``),
so it is missing exactly where the code is (GED has no event type of its own; a
generator that kept "Battles" for a UCDP air strike whose code was dropped would
test a table no loader produces).  Precision classes follow the ACLED codebook
(1: the named town or village, 2: within about 25 km of it, "near" or a
district, 3: only a province or larger region named, placed at its centre) and
UCDP ``where_prec`` mapped as :data:`incidents._load_layouts.UCDP_TO_ACLED_PRECISION`:
jitter is drawn so that 95 % of reports lie within their class radius (5 / 25 km)
and province reports sit at the centre of their 1-degree cell with radius 100 km.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from incidents._load_layouts import UCDP_EVENT_TYPES

__all__ = ["SCENARIOS", "near_distinct_kept_apart", "pairwise_scores", "synthetic_sources"]

SCENARIOS = ("clean", "precision", "dates", "relabel", "missing", "near_distinct", "mixed")
SOURCES = ("acled", "ucdp", "news")

# true types: (ACLED event_type, sub_event_type, UCDP type_of_violence, extractor kind)
_TYPES = (
    ("Battles", "Armed clash", 1, "armed_clash"),
    ("Explosions/Remote violence", "Air/drone strike", 1, "air_strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 1, "shelling"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", 3, "bombing"),
    ("Explosions/Remote violence", "Suicide bomb", 3, "suicide_bombing"),
    ("Violence against civilians", "Attack", 3, "killing"),
    ("Protests", "Peaceful protest", 0, ""),
    ("Strategic developments", "Agreement", 0, "ceasefire"),
)
_WEIGHTS = np.array([0.3, 0.2, 0.15, 0.1, 0.05, 0.1, 0.05, 0.05])
# a reporter's neighbouring label for each true type (type relabelling)
_NEIGHBOUR = (2, 2, 0, 4, 3, 0, 6, 7)
_RADIUS = {1: 5.0, 2: 25.0, 3: 100.0}
_REGION = (69.0, 31.0, 72.0, 35.0)  # lon0, lat0, lon1, lat1: the central frontier
_KM_PER_DEG = 111.195


def _events(
    n: int, rng: np.random.Generator, days: int, near: float, region: tuple[float, ...]
) -> pd.DataFrame:
    lon0, lat0, lon1, lat1 = region
    lat = rng.uniform(lat0, lat1, n)
    lon = rng.uniform(lon0, lon1, n)
    day = rng.integers(0, days, n)
    kind = rng.choice(len(_TYPES), n, p=_WEIGHTS / _WEIGHTS.sum())
    partner = np.full(n, -1)
    h = int(n * near / 2)
    if h:  # events h..2h are near-but-distinct twins of events 0..h
        sep = rng.uniform(10.0, 30.0, h)
        ang = rng.uniform(0, 2 * np.pi, h)
        lat[h : 2 * h] = lat[:h] + sep * np.sin(ang) / _KM_PER_DEG
        lon[h : 2 * h] = lon[:h] + sep * np.cos(ang) / (_KM_PER_DEG * np.cos(np.radians(lat[:h])))
        day[h : 2 * h] = day[:h]
        # the twin is of the same kind half of the time
        same = rng.random(h) < 0.5
        kind[h : 2 * h] = np.where(same, kind[:h], kind[h : 2 * h])
        partner[:h] = np.arange(h, 2 * h)
        partner[h : 2 * h] = np.arange(h)
    fat = rng.poisson(3.0, n)
    fat[kind >= 6] = 0
    return pd.DataFrame(
        {"lat": lat, "lon": lon, "day": day, "kind": kind, "fat": fat, "partner": partner}
    )


def _jitter(
    lat: np.ndarray, lon: np.ndarray, prec: np.ndarray, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Reported point per precision class: 95 % of reports within the class radius."""
    radius = np.vectorize(_RADIUS.get)(prec).astype(float)
    dist = rng.rayleigh(radius / 2.45)
    ang = rng.uniform(0, 2 * np.pi, len(lat))
    rlat = lat + dist * np.sin(ang) / _KM_PER_DEG
    rlon = lon + dist * np.cos(ang) / (_KM_PER_DEG * np.cos(np.radians(lat)))
    # a province-level report sits at its province's centre: one point per 1-degree cell
    coarse = prec == 3
    rlat[coarse] = np.floor(lat[coarse]) + 0.5
    rlon[coarse] = np.floor(lon[coarse]) + 0.5
    return rlat, rlon, radius


def synthetic_sources(
    n_events: int,
    *,
    seed: int = 0,
    scenario: str = "mixed",
    days: int = 365,
    report_probability: float = 0.8,
    region: tuple[float, float, float, float] = _REGION,
) -> list[pd.DataFrame]:
    """Three geocoded incident tables (``acled``, ``ucdp``, ``news``) reporting shared events.

    Parameters
    ----------
    n_events
        True events (each reported by at least one source).
    seed
        Random seed: the same seed gives the same tables.
    scenario
        One of :data:`SCENARIOS`.
    days
        Events fall on this many days from 2020-01-01.
    report_probability
        Chance that a source reports a given event.
    region
        ``(lon0, lat0, lon1, lat1)`` box the events fall in (default the central
        frontier, 69-72 E, 31-35 N).

    Returns
    -------
    list of pandas.DataFrame
        One table per source (``attrs["source_name"]`` set) with the schema
        columns fuse reads and ``true_event``.
    """
    if scenario not in SCENARIOS:
        raise ValueError(f"scenario must be one of {SCENARIOS}, got {scenario!r}")
    rng = np.random.default_rng(seed)
    near = {"near_distinct": 1.0, "mixed": 0.2}.get(scenario, 0.0)
    ev = _events(n_events, rng, days, near=near, region=region)
    reported = rng.random((n_events, len(SOURCES))) < report_probability
    # UCDP records fatal organised violence only; the extractor has no protest kind
    ucdp_ok = (_type_col(ev.kind, 2) > 0) & (ev.fat.to_numpy() > 0)
    reported[:, 1] &= ucdp_ok
    reported[:, 2] &= _type_col(ev.kind, 3) != ""
    nobody = ~reported.any(axis=1)  # then ACLED, which covers every type, reports it
    reported[nobody, 0] = True
    start = np.datetime64("2020-01-01")
    frames = []
    for s, name in enumerate(SOURCES):
        idx = np.flatnonzero(reported[:, s])
        e = ev.iloc[idx]
        n = len(idx)
        if scenario in ("precision", "mixed"):
            prec = rng.choice([1, 2, 3], n, p=[0.72, 0.22, 0.06])
        elif scenario == "near_distinct":
            prec = rng.choice([1, 2], n, p=[0.85, 0.15])
        else:
            prec = np.ones(n, dtype=int)
        lat, lon, radius = _jitter(e.lat.to_numpy(), e.lon.to_numpy(), prec, rng)
        day = e.day.to_numpy().copy()
        end = day.copy()
        if scenario in ("dates", "mixed"):
            late = rng.random(n) < (0.3 if name == "news" else 0.1)
            day = (
                day + late * rng.choice([-1, 1], n, p=[0.2, 0.8]) if name != "news" else day + late
            )
            if name == "ucdp":  # UCDP gives a range around uncertain dates
                rng_ = rng.random(n) < 0.15
                before = rng.integers(0, 3, n) * rng_
                after = rng.integers(0, 3, n) * rng_
                true_day = e.day.to_numpy()
                end = np.where(rng_, np.maximum(day, true_day) + after, day)
                day = np.where(rng_, np.minimum(day, true_day) - before, day)
            else:
                end = day.copy()
        kind = e.kind.to_numpy().copy()
        if scenario in ("relabel", "mixed"):
            swap = rng.random(n) < 0.1
            kind[swap] = np.array(_NEIGHBOUR)[kind[swap]]
        fat = e.fat.to_numpy().astype(float)
        if name != "acled":  # other counts differ a little
            off = rng.random(n) < 0.3
            fat[off] = np.maximum(0, fat[off] + rng.integers(-2, 3, int(off.sum())))
        t = {
            "incident_id": np.char.add(f"{name}-", np.arange(n).astype(str)),
            "date": (start + day.astype("timedelta64[D]")).astype("datetime64[ns]"),
            "date_end": pd.NaT,
            "location": np.char.add("place ", idx.astype(str)),
            "latitude": lat,
            "longitude": lon,
            "geo_precision": pd.array(prec, dtype="Int64"),
            "uncertainty_km": radius,
            "fatalities": fat,
            "point_admin1": _province_of(lat, lon),
            "source": np.char.add(f"{name} outlet ", (np.arange(n) % 7).astype(str)),
            "true_event": idx,
            "true_partner": e.partner.to_numpy(),
        }
        frame = pd.DataFrame(t)
        frame.loc[end > day, "date_end"] = start + end[end > day].astype("timedelta64[D]")
        frame["date_end"] = pd.to_datetime(frame["date_end"])
        vocab = name if scenario in ("relabel", "mixed") else "acled"
        if vocab == "acled":
            frame["event_type"] = _type_col(kind, 0)
            frame["sub_event_type"] = _type_col(kind, 1)
        elif vocab == "ucdp":
            tov = _type_col(kind, 2)
            frame["type_of_violence"] = pd.array(np.where(tov > 0, tov, 0), dtype="Int64")
            frame.loc[tov == 0, "type_of_violence"] = pd.NA
        else:
            frame["event_kind"] = _type_col(kind, 3)
            frame["event_type"] = _type_col(kind, 0)
        if scenario in ("missing", "mixed"):
            for col in ("event_type", "sub_event_type", "type_of_violence", "event_kind"):
                if col in frame:
                    frame.loc[rng.random(n) < 0.15, col] = None
            frame.loc[rng.random(n) < 0.3, "fatalities"] = np.nan
            frame.loc[rng.random(n) < 0.2, "uncertainty_km"] = np.nan
            gone = rng.random(n) < 0.1
            frame.loc[gone, "geo_precision"] = pd.NA
        if vocab == "ucdp":
            # what `incidents.load` makes of a UCDP GED table: `event_type` is derived
            # from `type_of_violence` (UCDP_EVENT_TYPES), so it is missing when the code is
            frame["event_type"] = (
                frame["type_of_violence"].map(UCDP_EVENT_TYPES, na_action="ignore").astype(object)
            )
        frame["fatalities"] = frame["fatalities"].astype("Float64").round().astype("Int64")
        frame.attrs["source_name"] = name
        frames.append(frame)
    return frames


def _province_of(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """``point_admin1`` as :func:`incidents.position` gives it: the province (here the
    1-degree cell) holding the reported point; a province report's centre is in its own."""
    return np.char.add(
        np.char.add("P", np.floor(lat).astype(int).astype(str)),
        np.char.add("_", np.floor(lon).astype(int).astype(str)),
    )


def _type_col(kind: np.ndarray | pd.Series, k: int) -> np.ndarray:
    return np.array([t[k] for t in _TYPES])[np.asarray(kind, dtype=int)]


def pairwise_scores(group: np.ndarray, truth: np.ndarray) -> dict[str, float]:
    """Pairwise precision and recall of predicted groups against true events.

    A pair of reports is *predicted* when both are in one group and *true*
    when both report one event; precision = true predicted / predicted,
    recall = true predicted / true.
    """
    g = pd.Series(group)
    t = pd.Series(truth)

    def pairs(counts: pd.Series) -> float:
        c = counts.to_numpy(dtype=float)
        return float((c * (c - 1) / 2).sum())

    both = pairs(pd.DataFrame({"g": g, "t": t}).value_counts())
    pred = pairs(g.value_counts())
    true = pairs(t.value_counts())
    return {
        "precision": both / pred if pred else 1.0,
        "recall": both / true if true else 1.0,
        "predicted_pairs": pred,
        "true_pairs": true,
    }


def near_distinct_kept_apart(
    group: np.ndarray, truth: np.ndarray, partner: dict[int, int]
) -> tuple[int, int]:
    """(near-but-distinct event pairs never sharing a group, near pairs with reports)."""
    df = pd.DataFrame({"g": group, "t": truth})
    events_of = df.groupby("g")["t"].agg(set)
    merged = set()
    for s in events_of:
        if len(s) > 1:
            for a in s:
                b = partner.get(a, -1)
                if b in s:
                    merged.add((min(a, b), max(a, b)))
    present = set(truth.tolist())
    total = {(min(a, b), max(a, b)) for a, b in partner.items() if a in present and b in present}
    return len(total) - len(merged & total), len(total)
