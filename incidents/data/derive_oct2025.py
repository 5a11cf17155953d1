"""Build the bundled October-November 2025 dataset from the vetted event facts.

Run from the project root::

    python -m incidents.data.derive_oct2025 --source PATH/TO/oct2025_af_pk_events.csv

Rules (applied to every row, nothing invented):

* one incident per place where the source row names several (``;``-separated
  places, "X and Y provinces", "A, B, C (provinces)"); the admin hints are split
  the same way when they are listed per place; ids become ``E04-1``, ``E04-2``;
* place names stay as the sources give them (``location``); coordinates are left
  empty: the project's geocoder supplies them, with their precision;
* the admin context becomes the ``admin1`` / ``admin2`` / ``country`` hints the
  geocoder uses to choose between same-named places and to fall back;
* ``event_kind`` is mapped to ACLED's event types (table :data:`EVENT_TYPES`), the
  original wording kept in ``sub_event_type``'s companion ``event_kind``;
* casualty figures are claims: they stay in ``claimed_impact``, attributed to whoever
  made them, and ``fatalities`` stays empty (no single figure is established);
* the source links, the confidence and the event group are kept per row.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pandas as pd

OUT = Path(__file__).resolve().parent / "oct2025_af_pk_incidents.csv"

#: (pattern in event_kind, ACLED event_type, ACLED sub_event_type), first match wins.
EVENT_TYPES = (
    (r"ceasefire", "Strategic developments", "Agreement"),
    (r"closure", "Strategic developments", "Other"),
    (r"suicide", "Explosions/Remote violence", "Suicide bomb"),
    (
        r"artillery|mortar|tank|shelling",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
    (r"air|drone|precision", "Explosions/Remote violence", "Air/drone strike"),
    (r"clash|attack|fire", "Battles", "Armed clash"),
)

_COUNTRIES = {"afghanistan": "Afghanistan", "pakistan": "Pakistan", "qatar": "Qatar"}
_ADMIN1 = ("khyber pakhtunkhwa", "kp", "balochistan")


def _event_type(kind: str) -> tuple[str, str]:
    for pattern, etype, sub in EVENT_TYPES:
        if re.search(pattern, kind, re.IGNORECASE):
            return etype, sub
    return "Strategic developments", "Other"


def _hints(context: str) -> dict[str, str | None]:
    """admin1/admin2/country hints from a context such as 'Kurram district, KP, Pakistan'."""
    out: dict[str, str | None] = {"admin1": None, "admin2": None, "country": None}
    for part in (p.strip() for p in re.split(r",", context or "")):
        low = re.sub(r"\(.*?\)", "", part).strip().lower()
        if not low:
            continue
        if low in _COUNTRIES:
            out["country"] = _COUNTRIES[low]
        elif low.endswith(" province"):
            out["admin1"] = re.sub(r"\s*province$", "", part, flags=re.IGNORECASE).strip()
        elif low.endswith(" district") or low.endswith(" sector"):
            out["admin2"] = re.sub(r"\s*(district|sector).*$", "", part, flags=re.IGNORECASE)
        elif low in _ADMIN1:
            out["admin1"] = "Khyber Pakhtunkhwa" if low == "kp" else part
    if out["country"] is None:
        for key, name in _COUNTRIES.items():
            if key in (context or "").lower():
                out["country"] = name
    return out


def _places(place: str) -> list[str]:
    """The places a row names: ';' lists, 'A, B (provinces)' and 'A and B provinces'."""
    if ";" in place and "(" not in place.split(";")[0]:
        return [p.strip() for p in place.split(";") if p.strip()]
    m = re.fullmatch(r"(.+?)\s*\((provinces)\)", place.strip())
    if m:
        return [f"{p.strip()} province" for p in m.group(1).split(",")]
    m = re.fullmatch(r"(\w+) and (\w+) provinces(\s*\(.*\))?", place.strip())
    if m:
        return [f"{m.group(1)} province", f"{m.group(2)} province"]
    return [place.strip()]


def build(source: Path) -> pd.DataFrame:
    ev = pd.read_csv(source, dtype=str, keep_default_na=False)
    rows = []
    for r in ev.itertuples(index=False):
        places = _places(r.place_name)
        contexts = [c.strip() for c in re.split(r";| / ", r.admin_context)]
        country_tail = _hints(contexts[-1])["country"]
        etype, sub = _event_type(r.event_kind)
        not_given = "not given" in r.admin_context.lower()
        for i, place in enumerate(places):
            hint = _hints(contexts[i] if len(contexts) == len(places) else r.admin_context)
            hint["country"] = hint["country"] or country_tail
            if not any(hint.values()):  # only the side is known ("AF (border)")
                hint["country"] = {"AF": "Afghanistan", "PK": "Pakistan"}.get(r.country_side[:2])
            if r.place_name.startswith("(whole frontier)"):
                place = "Afghanistan-Pakistan frontier (whole line)"
            rows.append(
                {
                    "incident_id": r.row_id if len(places) == 1 else f"{r.row_id}-{i + 1}",
                    "event_group": r.event_group,
                    "date": r.date_start,
                    "date_end": r.date_end if r.date_end != r.date_start else "",
                    "event_type": etype,
                    "sub_event_type": sub,
                    "event_kind": r.event_kind,
                    "actor1": r.reported_actor,
                    "actor2": "",
                    "fatalities": "",
                    "claimed_impact": r.reported_impact,
                    "location": place,
                    "source_place_name": r.place_name,
                    "admin1": hint["admin1"] or "",
                    "admin2": hint["admin2"] or "",
                    "country": hint["country"] or "",
                    "country_side": r.country_side,
                    "latitude": "",
                    "longitude": "",
                    "confidence": r.confidence,
                    "source": r.sources,
                    "notes": (
                        ("Location not given by the sources. " if not_given else "") + r.notes
                    ).strip(),
                }
            )
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--source", required=True, type=Path, help="oct2025_af_pk_events.csv")
    args = p.parse_args(argv)
    df = build(args.source)
    df.to_csv(OUT, index=False)
    print(f"{OUT.name}: {len(df)} incidents from {df.incident_id.str[:4].nunique()} source rows")


if __name__ == "__main__":
    main()
