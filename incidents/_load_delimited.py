"""Read delimited text (CSV, TSV, ``;`` or ``|`` separated) into a :class:`RawTable`.

* The encoding and the delimiter are sniffed (:mod:`incidents._sniff`); cells
  holding bytes that are not UTF-8 in an otherwise UTF-8 file are read as
  Windows-1252 and their rows flagged ``repaired_text``.
* Fields may be as long as the file (Python's default limit is 131,072 characters).
* A quote that is never closed is an error naming its line, not a silent merge
  of every following row into one field; a quoted field whose lines look like
  whole rows of the table (an unclosed quote closed by a later one) is too.
* A title or metadata lines above the header are found and skipped
  (:mod:`incidents._load_header`; ``info["rows_above_header"]``).
* Rows where every cell is blank are not records: they are skipped and counted
  in ``info["blank_rows_skipped"]``.  Rows longer than the header keep their
  surplus fields in ``extra`` (flag ``extra_fields``).
* A first line ``sep=;`` (Excel's delimiter hint) sets the delimiter and is
  not read as a title (``info["delimiter_line"]``).
* A cell that starts with ``'`` followed by ``=``, ``+``, ``-``, ``@``, tab or CR
  loses that one ``'``: it is the spreadsheet-formula escape our writer adds
  (:func:`incidents._write.escape_formulas`).
"""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from incidents._load_cells import (
    RawTable,
    arrow_cells,
    blank_cells,
    string_frame,
    text_columns,
    unique_headers,
    without_blanks,
)
from incidents._load_header import SEARCH_ROWS, header_row
from incidents._sniff import decode_bytes, sniff_delimiter
from incidents.errors import LoadError

__all__ = ["read_delimited", "unescape_formulas"]

_ESCAPED_FORMULA = r"^'+[=+\-@\t\r]"
_LINE_END = re.compile(r"\r\n|\r|\n")
#: Excel's first line naming the delimiter (``sep=;``): not a title, not a record.
_SEP_HINT = re.compile(r"\A\ufeff?sep=([,;\t|])[ \t]*(?:\r\n|\r|\n)", re.IGNORECASE)


def read_delimited(path: Path, data: bytes, *, info: dict | None = None) -> RawTable:
    """Read delimited text ``data`` (the content of ``path``).

    Raises
    ------
    LoadError
        If the file holds only blank lines, or a quote is never closed.
    """
    text, encoding = decode_bytes(data)
    prefer = "\t" if path.suffix.lower() == ".tsv" else None
    if hint := _SEP_HINT.match(text):  # Excel's "sep=;" line names the delimiter
        text = "\n" + text[hint.end() :]  # a blank line keeps the line numbers of errors
        info = {**(info or {}), "delimiter_line": hint[0].strip()}
        delimiter = hint[1]
    else:
        delimiter = sniff_delimiter(text, prefer=prefer)
    fast = _parse_fast(text, delimiter) if encoding != "utf-8+cp1252" else None
    above: list[list[str]] = []
    if fast is not None:
        frame, blank_rows, above = fast
        repaired = pd.Series(False, index=frame.index)
        extra = pd.Series(pd.NA, index=frame.index, dtype="string")
    else:
        csv.field_size_limit(max(sys.maxsize >> 33, len(text) + 1))
        rows, ends = _parse(path, text, delimiter)
        keep = [i for i, r in enumerate(rows) if any(c.strip() for c in r)]
        if not keep:
            raise LoadError(f"{path.name}: no header row (the file holds only blank lines)")
        top = header_row([rows[i] for i in keep[:SEARCH_ROWS]])
        above = [rows[i] for i in keep[:top]]
        header = rows[keep[top]]
        width = len(header)
        body_index = keep[top + 1 :]
        body = [rows[i] for i in body_index]
        _check_swallowed(path, rows, ends, body_index, width, delimiter)
        extra_cells = [delimiter.join(r[width:]) if len(r) > width else None for r in body]
        frame, repaired = string_frame(header, body)
        extra = pd.Series(extra_cells, dtype="string")
        blank_rows = len(rows) - len(keep)
    if above:
        info = {
            **(info or {}),
            "rows_above_header": len(above),
            "text_above_header": [_row_text(r, delimiter) for r in above],
        }
    if _may_hold_escapes(text, delimiter):
        frame = unescape_formulas(frame)
    info = {
        **(info or {}),
        "encoding": encoding,
        "delimiter": delimiter,
        "blank_rows_skipped": blank_rows - (1 if hint else 0),
    }
    flags = {"repaired_text": repaired} if repaired.any() else {}
    return RawTable(
        frame=frame,
        extra=extra if extra.notna().any() else None,
        flags=flags,
        info=info,
    )


def unescape_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Remove one leading ``'`` from cells (and headers) escaped against formula injection.

    Every cell is checked in one Arrow call (:func:`arrow_cells`); only the columns
    holding an escaped cell are rebuilt.
    """
    out = frame.copy()
    n, width = frame.shape
    if n and width:
        flat = arrow_cells([column for _, column in frame.items()])
        hit = pc.fill_null(pc.match_substring_regex(flat, _ESCAPED_FORMULA), False)
        hits = np.asarray(hit.to_numpy(zero_copy_only=False), dtype=bool).reshape(width, n)
        for j in np.flatnonzero(hits.any(axis=1)):
            s = out.iloc[:, j]
            out.isetitem(int(j), s.mask(hits[j], s.str.slice(1)))
    escaped = re.compile(_ESCAPED_FORMULA)
    out.columns = [c[1:] if isinstance(c, str) and escaped.match(c) else c for c in out.columns]
    return out


def _may_hold_escapes(text: str, delimiter: str) -> bool:
    """Whether a cell of ``text`` may start with an escaped formula (see
    :func:`unescape_formulas`): a ``'`` run and a trigger at the start of the text, of a
    line, of a field or of a quoted field.  False is certain; True is checked cell by cell.
    """
    where = rf"(?:^|[\r\n\"{re.escape(delimiter)}])'+[=+\-@\t\r]"
    return re.search(where, text) is not None


def _row_text(row: list[str], delimiter: str) -> str:
    """A row above the header as one line, without its empty fields."""
    return delimiter.join(c for c in row if c.strip())


def _parse_fast(text: str, delimiter: str) -> tuple[pd.DataFrame, int, list[list[str]]] | None:
    """The table by pandas' C tokenizer, or None when the careful reader must decide.

    Used only when the result is certain to equal the careful reader's: no row
    longer than the header, no quoted line breaks (the careful reader checks those
    for swallowed rows), no unclosed quote, no NUL.  Any doubt returns None.
    """
    if "\x00" in text or not text.strip():
        return None
    try:
        raw = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            header=None,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=True,
            engine="c",
        )
    except (pd.errors.ParserError, ValueError, UnicodeError, OverflowError):
        return None
    if raw.empty:
        return None
    n, width = raw.shape
    flat = arrow_cells([column for _, column in raw.items()])
    if pc.any(pc.match_substring_regex(flat, "[\r\n]")).as_py():
        return None  # a quoted line break: the careful reader checks for swallowed rows
    blank = blank_cells(flat)
    kept = np.flatnonzero(~blank.reshape(width, n).all(axis=0))  # rows not wholly blank
    if not kept.size:
        return None
    first = kept[:SEARCH_ROWS]  # the rows where the header is looked for, from the cells
    cells = flat.take(pa.array((np.arange(width)[:, None] * n + first).ravel())).to_pylist()
    grid = [cells[i :: len(first)] for i in range(len(first))]  # row by row
    lead = [["" if v is None else v for v in row] for row in grid]
    top = header_row(lead)
    header = grid[top]
    body_rows = kept[top + 1 :]
    body = text_columns(unique_headers(header), without_blanks(flat, blank), n, body_rows)
    lines = len(_LINE_END.findall(text)) + (0 if _LINE_END.search(text[-2:]) else 1)
    return body, lines - len(body) - 1 - top, lead[:top]


def _parse(path: Path, text: str, delimiter: str) -> tuple[list[list[str]], list[int]]:
    """Rows, and the line number each ends on.  A quote open at the end is an error."""
    for strict in (True, False):
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=strict)
        rows: list[list[str]] = []
        ends: list[int] = []
        try:
            for row in reader:
                rows.append(row)
                ends.append(reader.line_num)
        except csv.Error as exc:
            if "unexpected end of data" in str(exc) or "end of" in str(exc):
                start = (ends[-1] if ends else 0) + 1
                raise LoadError(
                    f"{path.name}: line {start}: a quoted field opened on this line is never "
                    f"closed (it would swallow the {reader.line_num - start} line(s) after it); "
                    "close or remove the quote"
                ) from None
            if strict:
                continue  # stray quotes inside a field: read them leniently
            raise LoadError(f"{path.name}: line {reader.line_num}: malformed ({exc})") from None
        return rows, ends
    raise AssertionError("unreachable")


def _check_swallowed(
    path: Path,
    rows: list[list[str]],
    ends: list[int],
    body_index: list[int],
    width: int,
    delimiter: str,
) -> None:
    """Refuse a quoted field whose lines parse as whole rows: rows merged by a stray quote."""
    if width < 3:
        return
    starts = [1, *(e + 1 for e in ends[:-1])]
    for i in body_index:
        if ends[i] == starts[i]:
            continue  # one line: nothing swallowed
        for col, field in enumerate(rows[i]):
            if "\n" not in field and "\r" not in field:
                continue
            for line in field.splitlines()[1:]:
                parts = next(csv.reader([line], delimiter=delimiter), [])
                if len(parts) == width and all(p.strip() for p in parts[:1]):
                    raise LoadError(
                        f"{path.name}: line {starts[i]}: the quoted field in column {col + 1} "
                        f"runs over {ends[i] - starts[i] + 1} lines that look like rows of "
                        f"their own ({line[:40]!r}); a quote is probably not closed"
                    )
