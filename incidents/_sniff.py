"""Guess the text encoding and the delimiter of a delimited text file.

Both guesses are deliberately simple and deterministic:

* **Encoding** - a UTF-16 or UTF-8 byte-order mark wins; otherwise the bytes
  are tried as strict UTF-8, then as Windows-1252 (what Excel and most Windows
  tools write), then as Latin-1, which decodes any byte sequence.  So a file
  is never refused for its encoding; a wrong single-byte guess can only turn
  a few accented letters into other accented letters.
* **Delimiter** - each of ``,`` ``;`` tab and ``|`` splits the first lines
  (quotes respected) and the one that gives the same number of fields (more
  than one) on the most lines wins; ties go to the order above, except that
  a ``.tsv`` file prefers tab.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter

#: Delimiters considered, in tie-break order.
DELIMITERS: tuple[str, ...] = (",", ";", "\t", "|")

_SAMPLE_LINES = 50


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` and name the encoding used.

    Parameters
    ----------
    data
        The raw file content.

    Returns
    -------
    tuple
        ``(text, encoding)`` where ``encoding`` is one of ``"utf-16"``,
        ``"utf-8-sig"``, ``"utf-8"``, ``"cp1252"`` or ``"latin-1"``.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass  # not really UTF-16: fall through to the single-byte guesses
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def sniff_delimiter(text: str, *, prefer: str | None = None) -> str:
    """Pick the field delimiter of delimited ``text``.

    Parameters
    ----------
    text
        Decoded file content (only the first lines are examined).
    prefer
        Delimiter that wins ties (e.g. tab for ``.tsv``); must be one of
        :data:`DELIMITERS`.

    Returns
    -------
    str
        One of :data:`DELIMITERS`; ``","`` when no candidate splits the
        lines (a one-column file).
    """
    lines = [line for line in text.splitlines()[: _SAMPLE_LINES * 4] if line.strip()]
    sample = "\n".join(lines[:_SAMPLE_LINES])
    order = list(DELIMITERS)
    if prefer in order:
        order.remove(prefer)
        order.insert(0, prefer)
    best, best_score = ",", (0, 0)
    for delim in order:
        try:
            counts = [len(row) for row in csv.reader(io.StringIO(sample), delimiter=delim) if row]
        except csv.Error:
            continue
        if not counts:
            continue
        width, agreeing = Counter(counts).most_common(1)[0]
        if width < 2:
            continue
        # Header must split too; then most consistent, then widest.
        if counts[0] < 2:
            continue
        score = (agreeing, width)
        if score > best_score:
            best, best_score = delim, score
    return best
