"""``--engine memory|stream|dask`` for ``frontier geocode`` and ``frontier aggregate``.

``memory`` reads the whole input (any format; the default for ordinary files);
``stream`` reads CSV/Parquet in chunks with bounded memory
(:mod:`incidents.stream`); ``dask`` runs the same functions on a Dask cluster
(:mod:`incidents.distributed`).  ``auto`` picks ``stream`` when the input or the
output is a folder, or the input is a CSV/Parquet file larger than
:data:`STREAM_BYTES`, and ``memory`` otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from incidents.errors import IncidentError

__all__ = ["ENGINES", "STREAM_BYTES", "choose", "run_aggregate", "run_geocode"]

ENGINES = ("auto", "memory", "stream", "dask")
#: Inputs larger than this are streamed by ``--engine auto``.
STREAM_BYTES = 256 * 1024 * 1024
_CHUNKABLE = (".csv", ".tsv", ".txt", ".parquet", ".geoparquet")


def choose(args: argparse.Namespace) -> str:
    """The engine to use for ``args`` (``--engine``, input and output paths)."""
    engine = str(getattr(args, "engine", None) or "auto")
    if engine not in ENGINES:
        raise IncidentError(f"unknown --engine {engine!r}; valid: {', '.join(ENGINES)}")
    src, out = Path(args.input), Path(args.output)
    if engine == "memory" and src.is_dir():
        raise IncidentError(f"INPUT {src} is a folder: use --engine stream or dask")
    if engine != "auto":
        return engine
    if src.is_dir() or out.is_dir() or (out.suffix == "" and not out.exists()):
        return "stream"
    if src.suffix.lower() in _CHUNKABLE and src.is_file() and src.stat().st_size > STREAM_BYTES:
        return "stream"
    return "memory"


def _chunk_rows(args: argparse.Namespace) -> int:
    from incidents.stream import DEFAULT_CHUNK_ROWS

    rows = getattr(args, "chunk_rows", None) or DEFAULT_CHUNK_ROWS
    if int(rows) < 1_000:
        raise IncidentError(f"--chunk-rows must be at least 1000, got {rows}")
    return int(rows)


def _progress(args: argparse.Namespace, label: str):
    from incidents.stream import Progress, count_rows

    total = count_rows(args.input)
    return Progress(label, total=total, quiet=bool(getattr(args, "quiet", False)))


def run_geocode(args: argparse.Namespace, engine: str, columns: dict | None) -> int:
    """``frontier geocode`` through the stream or dask engine."""
    out = Path(args.output)
    if engine == "dask":
        from incidents.distributed import geocode_dataset

        if out.suffix:
            raise IncidentError(f"--engine dask writes a dataset folder; -o {out} has a suffix")
        s = geocode_dataset(
            args.input,
            out,
            scheduler=getattr(args, "scheduler", None),
            n_workers=int(getattr(args, "workers", 2) or 2),
            chunk_rows=_chunk_rows(args),
            columns=columns,
        )
        parts = f"{s['partitions']:,} partitions"
    else:
        from incidents.stream import geocode_file

        if out.suffix and out.suffix.lower() not in (".csv", ".parquet", ".geoparquet"):
            raise IncidentError(
                f"--engine stream writes a folder, .parquet or .csv; got -o {out.name!r}"
            )
        s = geocode_file(
            args.input,
            out,
            chunk_rows=_chunk_rows(args),
            columns=columns,
            progress=_progress(args, "frontier geocode"),
            escape=not getattr(args, "raw_csv", False),
        )
        parts = f"{s['chunks']:,} chunks"
        if s["duplicate_ids_across_chunks"]:
            parts += f", {s['duplicate_ids_across_chunks']:,} incident ids repeat across chunks"
        if lost := s.get("columns_not_written"):
            named = ", ".join(f"{c} ({n:,} values)" for c, n in sorted(lost.items()))
            print(
                f"frontier geocode: note: columns that first appear after the first chunk are "
                f"not in the output: {named} (their rows and flags are); --engine memory "
                "writes them",
                file=sys.stderr,
            )
    located = s["rows"] - s.get("unresolved", 0)
    print(
        f"frontier geocode ({engine}): {s['rows']:,} rows read: {located:,} located, "
        f"{s.get('unresolved', 0):,} unresolved ({parts}) -> {out}",
        file=sys.stdout,
    )
    return 0


def run_aggregate(args: argparse.Namespace, engine: str, options: dict) -> int:
    """``frontier aggregate`` through the stream or dask engine (no ``--change``)."""
    from incidents.io import write

    if getattr(args, "change", False):
        raise IncidentError("--change works with --engine memory only")
    if engine == "dask":
        from incidents.distributed import aggregate_dataset

        agg = aggregate_dataset(
            args.input,
            by=args.by,
            scheduler=getattr(args, "scheduler", None),
            n_workers=int(getattr(args, "workers", 2) or 2),
            chunk_rows=_chunk_rows(args),
            **options,
        )
    else:
        from incidents.stream import aggregate_file

        agg = aggregate_file(
            args.input,
            by=args.by,
            chunk_rows=_chunk_rows(args),
            progress=_progress(args, "frontier aggregate"),
            **options,
        )
    write(agg, args.output, escape=not getattr(args, "raw_csv", False))
    a = agg.attrs
    print(
        f"frontier aggregate ({engine}): {a['located']:,} located incidents by {args.by}: "
        f"{len(agg):,} rows ({a['unassigned']:,} unassigned at this level, "
        f"{a['unlocated']:,} not located) -> {args.output}"
    )
    return 0


def add_options(p: argparse.ArgumentParser) -> None:
    """The engine options shared by ``geocode`` and ``aggregate``."""
    p.add_argument(
        "--engine",
        choices=ENGINES,
        default="auto",
        help="memory: whole file; stream: chunks, bounded memory; dask: a Dask cluster "
        "(pip install 'frontier-mapper[dask]'); auto (default): stream for folders and "
        "files over 256 MB",
    )
    p.add_argument("--chunk-rows", type=int, default=None, help="rows per chunk (250000)")
    p.add_argument("--scheduler", default=None, help="Dask scheduler address (--engine dask)")
    p.add_argument("--workers", type=int, default=2, help="local Dask workers (default 2)")
