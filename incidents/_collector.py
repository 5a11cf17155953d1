"""Python's cyclic garbage collector, tuned for a block of work and restored after.

Loading a file, importing the command's libraries and building a map make hundreds
of thousands of long-lived containers (dicts, lists, DataFrame internals) and few
reference cycles; every collection walks them all, which costs a tenth of a second
and more.  :func:`collector` is the one place where the commands and the readers
ask for fewer collections (``maps.cli`` importing a command, ``frontier map``, the
JSON reader); reference counting still frees everything that is not in a cycle.

The blocks nest (``frontier map`` reads JSON inside its own block): each one restores
what it changed and nothing else.  :func:`gc.unfreeze` thaws *every* frozen object, so
a block only thaws when nothing was frozen on its entry; inside another block's (or
the caller's own) freeze, what it froze stays frozen until that freeze ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector"]


@contextmanager
def collector(
    *,
    paused: bool = False,
    young: int | None = None,
    skip_existing: bool = False,
    age_new: bool = False,
) -> Iterator[None]:
    """Collect less often inside the block; the collector's state is restored on exit.

    Parameters
    ----------
    paused
        No collection at all inside the block (the collector is enabled again on
        exit if it was enabled on entry).
    young
        Raise the young generation's threshold (allocations between two
        collections, Python's default is 700) to at least this inside the block.
    skip_existing
        Freeze the objects alive on entry (no collection walks them inside the
        block); they are unfrozen on exit, unless objects were already frozen on
        entry (then the enclosing freeze's end thaws them all).
    age_new
        On exit, move every tracked object to the oldest generation (frozen then
        unfrozen): what the block made is not walked again by the next young
        collections.  Skipped when objects are frozen on exit (thawing them would
        end an enclosing freeze; its end ages them anyway).

    Examples
    --------
    >>> with collector(paused=True):  # doctest: +SKIP
    ...     rows = json.loads(text)
    """
    enabled = gc.isenabled()
    threshold = gc.get_threshold()
    # objects frozen by an enclosing block or the caller: never thawed from here
    frozen_before = gc.get_freeze_count() > 0
    if paused:
        gc.disable()
    if skip_existing:
        gc.freeze()
    if young is not None:
        gc.set_threshold(max(threshold[0], young), *threshold[1:])
    try:
        yield
    finally:
        if young is not None:
            gc.set_threshold(*threshold)
        if skip_existing and not frozen_before:
            gc.unfreeze()
        if age_new and gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if paused and enabled:
            gc.enable()
