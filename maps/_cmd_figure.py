"""``frontier figure INPUT -o out.png|svg|pdf --kind map|spacetime|profile [...]``.

A thin layer: read (or geocode and position) the table, filter it, call
:func:`maps.spacetime`, :func:`maps.profile` or :func:`maps.static_map`, and
write the figure atomically (a temporary file in the same folder, then
``os.replace``).  The only module that chooses a backend (Agg).
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

import pandas as pd

from incidents.io import check_output, read
from incidents.position import is_positioned, position
from maps._fused_rows import events_only
from maps._notes import print_load_notes
from maps.errors import MapError

__all__ = ["FORMATS", "KINDS", "run"]

KINDS = ("map", "spacetime", "profile")
FORMATS = (".png", ".svg", ".pdf")


def run(args: argparse.Namespace) -> int:
    path = Path(args.input)
    if not path.is_file():
        raise MapError(f"INPUT {path} does not exist or is not a file")
    out = Path(args.output)
    if out.suffix.lower() not in FORMATS:
        raise MapError(f"-o must end in one of {', '.join(FORMATS)}, got {out.name!r}")
    if not out.parent.exists():
        raise MapError(f"the folder of -o does not exist: {out.parent}")
    kind = str(args.kind).strip().lower()
    if kind not in KINDS:
        raise MapError(f"unknown --kind {args.kind!r}; valid: {', '.join(KINDS)}")
    if kind != "map" and args.choropleth:
        raise MapError("--choropleth applies to --kind map only")
    if kind != "profile" and (args.compare_from or args.compare_to):
        raise MapError("--compare-from/--compare-to apply to --kind profile only")

    check_output(out, path, force=bool(getattr(args, "force", False)))
    table = read(path, sheet=getattr(args, "sheet", None))  # read once, raw or positioned
    print_load_notes("figure", table)
    if not is_positioned(table):
        from incidents.geocode import geocode

        table = position(geocode(table))
    table = events_only(table, command="figure", name=path.name, where=args.where or [])
    n_rows = len(table)
    subset = _filter(table, date_from=args.date_from, date_to=args.date_to, where=args.where)
    if len(subset) == 0:
        raise MapError(f"no incidents left after the filters (of {n_rows:,} rows read)")

    import matplotlib

    matplotlib.use("Agg")  # the CLI draws to files only
    matplotlib.rcParams["svg.fonttype"] = "none"  # SVG text stays text
    options = {"title": args.title, "dpi": args.dpi}
    if args.width is not None:
        options["width"] = args.width
    if args.height is not None:
        options["height"] = args.height
    if kind == "spacetime":
        from maps._fig_spacetime import spacetime

        fig = spacetime(subset, km=args.km, period=args.period, **options)
    elif kind == "profile":
        from maps._fig_profile import profile

        between = (
            _span(args.date_from, args.date_to, subset)
            if (args.date_from or args.date_to)
            else None
        )
        compare = None
        if args.compare_from or args.compare_to:
            if not (args.compare_from and args.compare_to):
                raise MapError("give both --compare-from and --compare-to")
            compare = (args.compare_from, args.compare_to)
            subset = _filter(table, date_from=None, date_to=None, where=args.where)
        fig = profile(
            subset, km=args.km, measure=args.measure, between=between, compare=compare, **options
        )
    else:
        from maps._fig_map import static_map

        fig = static_map(
            subset, choropleth=args.choropleth, measure=args.measure, km=args.km, **options
        )
    _save(fig, out)
    summary = getattr(fig, "frontier_summary", None)
    drawn = f"{summary['drawn']:,} drawn, " if summary else ""
    prof = getattr(fig, "frontier_profile", None)
    if prof is not None:
        rows = [prof[k].attrs["rows"] for k in ("main", "compare") if prof[k] is not None]
        drawn = f"{' and '.join(f'{r:,}' for r in rows)} in the period(s) shown, "
    size = out.stat().st_size / 1e3
    print(
        f"frontier figure: {kind}: {len(subset):,} of {n_rows:,} incidents after filters "
        f"({drawn}the rest counted on the figure) -> {out} ({size:,.0f} kB)"
    )
    return 0


def _save(fig, out: Path) -> None:
    fmt = out.suffix.lower().lstrip(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=out.suffix, dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fig.savefig(fh, format=fmt, metadata=_metadata(fmt))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the usual mode
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _metadata(fmt: str) -> dict[str, str | None]:
    if fmt == "png":
        return {"Software": "frontier-mapper"}
    if fmt == "svg":
        return {"Creator": "frontier-mapper", "Date": None}
    return {"Creator": "frontier-mapper", "CreationDate": None}


def _span(date_from: str | None, date_to: str | None, frame: pd.DataFrame) -> tuple:
    dates = pd.to_datetime(frame["date"], errors="coerce")
    a = date_from or (dates.min() if dates.notna().any() else None)
    b = date_to or (dates.max() if dates.notna().any() else None)
    if a is None or b is None:
        raise MapError("--from/--to need dated incidents")
    return (a, b)


# ----------------------------------------------------------------- filters
# Private on purpose: maps/filters.py (helper "maps") will provide the shared
# filter; swap this function for it.  Semantics: --from/--to are inclusive ISO
# dates on ``date`` (undated rows are left out when either is given);
# --where "column=value" (repeatable) keeps rows whose column equals the value
# exactly, compared as text.
def _filter(
    frame: pd.DataFrame,
    *,
    date_from: str | None,
    date_to: str | None,
    where: list[str] | None,
) -> pd.DataFrame:
    """The map's filters (:func:`maps.filters.apply_filters`), so both commands agree."""
    from maps.filters import apply_filters

    return apply_filters(frame, date_from=date_from, date_to=date_to, where=list(where or []))
