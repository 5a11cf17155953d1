"""``frontier extract ARTICLE [--date YYYY-MM-DD] [--min-confidence P] [-o OUTPUT]``.

Reads a news article (a text or HTML file, or ``-`` for stdin), extracts candidate
incidents with :func:`incidents.extract.extract` and writes them: CSV on stdout
without ``-o``; otherwise by the extension of ``-o``: ``.csv`` (the extracted
table), ``.geojson``/``.json``/``.gpkg``/``.parquet`` (positioned with
:func:`incidents.position`, written by :func:`incidents.write`).  When nothing
is found the output is empty (header only / no features), ``nothing found`` and
the reason go to stderr, and the exit status is 0.  Candidates whose confidence is
below ``--min-confidence`` (default 0.3, as :func:`incidents.extract.extract`) are
left out; stderr says how many.

The article's encoding is sniffed like any input (UTF-8, UTF-16 with or without
byte-order mark, Windows-1252, and UTF-8 with stray Windows-1252 bytes).  CSV text
is formula-escaped unless ``--raw-csv``; files are written atomically.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import pandas as pd

from incidents.errors import IncidentError
from incidents.io import atomic_output, check_output, escape_formulas, text_of

__all__ = ["run"]

_GEO = (".geojson", ".json", ".gpkg", ".parquet", ".geoparquet")
_ALLOWED = (".csv", *_GEO)


def _read(article: str) -> str:
    if article == "-":
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
    else:
        path = Path(article)
        if not path.is_file():
            raise IncidentError(f"ARTICLE {path} does not exist or is not a file")
        data = path.read_bytes()
    if isinstance(data, bytes):
        return text_of(data, name=f"ARTICLE {article}")
    return data


def _csv(df: pd.DataFrame, *, escape: bool = True) -> str:
    buf = io.StringIO()
    out = df.copy()
    for col in ("date", "date_end"):
        out[col] = out[col].dt.strftime("%Y-%m-%d")
    for col in ("latitude", "longitude"):  # 6 decimals (0.1 m), as incidents.write gives
        if col in out:
            out[col] = out[col].astype("float64").round(6)
    if escape:
        out = escape_formulas(out)
    out.to_csv(buf, index=False, lineterminator="\r\n")
    return buf.getvalue()


def run(args: argparse.Namespace) -> int:
    from incidents.extract import extract

    out = Path(args.output) if args.output else None
    if out is not None and out.suffix.lower() not in _ALLOWED:
        raise IncidentError(f"-o must end in one of {', '.join(_ALLOWED)}, got {out.name!r}")
    if out is not None and args.article != "-":
        check_output(out, args.article, force=bool(getattr(args, "force", False)))
    escape = not getattr(args, "raw_csv", False)
    cut = {} if args.min_confidence is None else {"min_confidence": _cut(args.min_confidence)}
    df = extract(_read(args.article), article_date=args.date, **cut)
    message = df.attrs.get("message")
    low = int(df.attrs.get("below_confidence", 0))
    df.attrs.clear()  # the article text is not written into file metadata

    if out is None:
        sys.stdout.write(_csv(df, escape=escape))
    elif out.suffix.lower() == ".csv":
        with atomic_output(out) as tmp:
            tmp.write_text(_csv(df, escape=escape), encoding="utf-8", newline="")
    else:
        from incidents.io import write
        from incidents.position import position

        write(position(df), out)

    if df.empty:
        print(f"frontier extract: {message or 'nothing found'}", file=sys.stderr)
        return 0
    wide = int(df["review_flags"].str.contains("frontier_wide").sum())
    kinds = ", ".join(f"{k} {n}" for k, n in df["event_kind"].value_counts().items())
    where = f" -> {out}" if out else ""
    left = f"; {low} below the confidence cut left out (--min-confidence 0 keeps them)"
    print(
        f"frontier extract: {len(df)} candidate incidents ({kinds}; {wide} frontier-wide)"
        f"{left if low else ''}{where}",
        file=sys.stderr,
    )
    return 0


def _cut(text: str) -> float:
    """``--min-confidence``: a number from 0 to 1."""
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not 0 <= value <= 1:
        raise IncidentError(f"--min-confidence must be a number from 0 to 1, got {text!r}")
    return value
