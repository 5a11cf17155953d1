"""Find the header row of a table that opens with a title or grouped header rows.

Spreadsheets and the CSV files saved from them often start with a title
("Border incidents, October 2025"), a line of metadata or a row of merged
group headers ("When" over two columns, "Where" over three) above the real
header.  Taking the first row as the header would make every column
unrecognisable and every record unplaceable, so :func:`header_row` looks at
the first rows and picks the real one:

1. **Known names**: the row naming the most distinct known columns (schema
   columns, ACLED and UCDP columns, the generic synonyms of
   :data:`incidents._load_layouts.SYNONYMS`), when it names at least two and
   more than the first row does.
2. **Title rows**: otherwise, leading rows holding one distinct value (a title,
   or a title merged across the table) are skipped when the row after them
   holds at least two distinct values none of which is a number or a date.

The rows above the header are not records: readers report how many they
skipped (``info["rows_above_header"]``) and their text
(``info["text_above_header"]``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from incidents._load_cells import cell_text
from incidents._load_layouts import ACLED, SIGNATURES, SYNONYMS, UCDP, normalise_name
from incidents.schema import CORE

__all__ = ["KNOWN_HEADERS", "header_row"]

#: Normalised header names the loader recognises in some layout.
KNOWN_HEADERS: frozenset[str] = frozenset(
    normalise_name(name)
    for names in (
        CORE,
        *(spec[c] for spec in (ACLED, UCDP, SYNONYMS) for c in spec),
        *SIGNATURES.values(),
    )
    for name in names
)

#: How many leading rows may be searched for the header.
SEARCH_ROWS = 10

_NUMBER_OR_DATE = re.compile(r"^[\s\d.,:/+\-]+$")


def _texts(row: Sequence[object]) -> list[str]:
    return [t.strip() for t in (cell_text(v) for v in row) if t is not None]


def _known(row: Sequence[object]) -> int:
    return len({normalise_name(t) for t in _texts(row)} & KNOWN_HEADERS)


def header_row(rows: Sequence[Sequence[object]], *, limit: int = SEARCH_ROWS) -> int:
    """Position of the header among ``rows`` (non-blank rows, in file order).

    Parameters
    ----------
    rows
        The table's non-blank rows; only the first ``limit`` are looked at.
    limit
        How many leading rows may hold a title above the header.

    Returns
    -------
    int
        0 for an ordinary table, else the number of rows above the header.
    """
    head = list(rows[:limit])
    if len(head) < 2:
        return 0
    known = [_known(r) for r in head]
    best = max(known)
    if best >= 2 and best > known[0]:
        return known.index(best)
    if known[0] >= 1:
        return 0
    k = 0
    while k < len(head) - 1 and len(set(_texts(head[k]))) <= 1:
        k += 1
    if k == 0:
        return 0
    after = set(_texts(head[k]))
    if len(after) >= 2 and not any(_NUMBER_OR_DATE.match(t) for t in after):
        return k
    return 0
