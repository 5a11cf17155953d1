"""``frontier demo``: the October 2025 clashes, end to end."""

from __future__ import annotations

import argparse

from maps.demo import run_demo


def run(args: argparse.Namespace) -> int:
    result = run_demo(args.out, cdn=bool(getattr(args, "cdn", False)))
    print(result.summary())
    print("wrote:")
    for path in result.files.values():
        print(f"  {path} ({path.stat().st_size / 1e3:,.0f} kB)")
    return 0
