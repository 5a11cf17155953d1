"""Timed stage lines on stderr for commands working through a large input."""

from __future__ import annotations

import sys
import time

__all__ = ["Stages"]


class Stages:
    """Print ``frontier COMMAND: message (N.N s)`` on stderr once the input is large.

    Parameters
    ----------
    command
        The subcommand named in each line.
    quiet
        ``--quiet``: never print.
    large
        Whether the input is already known to be large (e.g. by its size in bytes);
        :meth:`grow` can say so later (e.g. once its rows are counted).
    """

    def __init__(self, command: str, *, quiet: bool, large: bool) -> None:
        self.command = command
        self.quiet = quiet
        self.loud = not quiet and large
        self.t0 = time.perf_counter()

    def grow(self, large: bool) -> None:
        """Start printing from now on if ``large`` (and not quiet)."""
        self.loud = self.loud or (not self.quiet and large)

    def __call__(self, message: str) -> None:
        if self.loud:
            elapsed = time.perf_counter() - self.t0
            print(f"frontier {self.command}: {message} ({elapsed:.1f} s)", file=sys.stderr)
