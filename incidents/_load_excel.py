"""Read Excel workbooks (``.xlsx``/``.xlsm``; ``.xls`` with the optional xlrd).

* **Sheets**: one sheet by name or 0-based position, or ``"all"``: every sheet
  holding data, one after the other, with a ``sheet`` column naming each row's
  sheet.  By default the first sheet; when it has no data rows but others do
  (a cover sheet), that is an error listing the sheets with data rather than a
  table of 0 rows; when others hold data too, they are named in
  ``info["sheets_not_read"]``.  Hidden sheets (lookup tables, old copies) are
  read only when named: the default is the first *visible* sheet, ``"all"``
  means every visible sheet, and hidden sheets holding data are named in
  ``info["hidden_sheets_not_read"]``.
* **Formulas**: a formula cell gives the value Excel cached for it, or its
  formula text (``=2+3``) when the workbook holds no cached value (files written
  by scripts); either way the row is flagged ``excel_formula``.
* **Merged cells**: every cell of a merged range gets the range's value and the
  rows are flagged ``merged_cell``.
* A title, metadata or merged group-header rows above the header are found and
  skipped (:mod:`incidents._load_header`; ``info["rows_above_header"]``).
* Rows where every cell is blank are skipped (``info["blank_rows_skipped"]``);
  trailing columns without a header and without data are formatting, not data.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from incidents._load_cells import RawTable, cell_text, is_blank_row, text_frame
from incidents._load_header import header_row
from incidents.errors import LoadError

__all__ = ["ALL_SHEETS", "pick", "read_excel"]

#: The ``sheet`` value that reads every sheet.
ALL_SHEETS = "all"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
#: Workbooks up to this size are opened in full mode (needed to see merged cells).
_FULL_MODE_BYTES = 20_000_000


class _Sheet:
    """Cells of one sheet plus per-cell formula / merge marks."""

    def __init__(self, name: str, rows: list[list[object]]) -> None:
        self.name = name
        self.rows = rows
        self.formula: set[int] = set()  # row numbers (0-based) with formula cells
        self.merged: set[int] = set()


def read_excel(path: Path, data: bytes, sheet: str | int | None) -> RawTable:
    """Read the chosen sheet(s) of the workbook whose bytes are ``data``."""
    if data.startswith(_OLE2_MAGIC):
        return _read_legacy(path, sheet)
    if not data.startswith(_ZIP_MAGIC):
        raise LoadError(f"{path.name}: not an Excel workbook (no .xlsx or .xls signature)")
    import openpyxl

    xml = _sheet_xml_flags(data)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles, data validation and other workbook
            # features that do not affect cell values.
            warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
            full = xml["merge"] and len(data) <= _FULL_MODE_BYTES
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=not full, data_only=True)
            formulas = None
            if xml["formula"]:
                formulas = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
            try:
                names = list(book.sheetnames)
                hidden = {
                    ws.title
                    for ws in book.worksheets
                    if getattr(ws, "sheet_state", "visible") != "visible"
                }
                chosen = _choose(path, sheet, names)
                sheets = [_read_sheet(book, formulas, name, full=full) for name in chosen]
            finally:
                book.close()
                if formulas is not None:
                    formulas.close()
    except LoadError:
        raise
    except Exception as exc:  # openpyxl raises many types on damaged workbooks
        raise LoadError(
            f"{path.name}: unreadable Excel workbook ({type(exc).__name__}: {exc})"
        ) from None
    return _assemble(path, sheets, names, sheet, hidden=hidden)


def _sheet_xml_flags(data: bytes) -> dict[str, bool]:
    """Whether any worksheet holds formulas or merged cells (a cheap look at the XML)."""
    found = {"formula": False, "merge": False}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for name in zf.namelist():
                if not name.startswith("xl/worksheets/") or not name.endswith(".xml"):
                    continue
                xml = zf.read(name)
                found["formula"] = (
                    found["formula"] or re.search(rb"<(?:\w+:)?f[ >]", xml) is not None
                )
                found["merge"] = found["merge"] or b"mergeCell" in xml
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        pass  # openpyxl reports the damage
    return found


def _choose(path: Path, sheet: str | int | None, names: list[str]) -> list[str]:
    if isinstance(sheet, str) and sheet.strip().lower() == ALL_SHEETS and ALL_SHEETS not in names:
        if not names:
            raise LoadError(f"{path.name}: holds no sheets")
        return names
    if sheet is None:
        if not names:
            raise LoadError(f"{path.name}: holds no sheets")
        return names  # the first with data is decided in _assemble
    return [pick(path, sheet, names, what="sheet")]


def _read_sheet(book: Any, formulas: Any, name: str, *, full: bool) -> _Sheet:
    ws = book[name]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    sheet = _Sheet(name, rows)
    if formulas is not None:
        for i, frow in enumerate(formulas[name].iter_rows(values_only=True)):
            for j, f in enumerate(frow):
                if not (isinstance(f, str) and f.startswith("=")):
                    continue
                cached = rows[i][j] if i < len(rows) and j < len(rows[i]) else None
                if cached == f:
                    continue  # literal text that merely starts with "="
                if cached is None:
                    _set(rows, i, j, f)
                sheet.formula.add(i)
    if full:
        for rng in ws.merged_cells.ranges:
            r0, c0 = rng.min_row - 1, rng.min_col - 1
            value = rows[r0][c0] if r0 < len(rows) and c0 < len(rows[r0]) else None
            for r in range(rng.min_row - 1, rng.max_row):
                for c in range(rng.min_col - 1, rng.max_col):
                    if (r, c) != (r0, c0) and value is not None:
                        _set(rows, r, c, value)
                        sheet.merged.add(r)
    return sheet


def _set(rows: list[list[object]], i: int, j: int, value: object) -> None:
    while len(rows) <= i:
        rows.append([])
    row = rows[i]
    while len(row) <= j:
        row.append(None)
    row[j] = value


def _records(sheet: _Sheet) -> tuple[list[Sequence[object]], list[int], int]:
    """Header + body rows (blank rows dropped), their sheet row numbers, rows skipped."""
    keep = [i for i, r in enumerate(sheet.rows) if not is_blank_row(r)]
    return [sheet.rows[i] for i in keep], keep, len(sheet.rows) - len(keep)


def _assemble(
    path: Path,
    sheets: list[_Sheet],
    names: list[str],
    choice: str | int | None,
    *,
    hidden: set[str] | frozenset[str] = frozenset(),
) -> RawTable:
    parts = [(s, *_records(s)) for s in sheets]
    unread: list[str] = []
    hidden_unread: list[str] = []
    many = isinstance(choice, str) and choice.strip().lower() == ALL_SHEETS and len(names) > 1
    if (choice is None or many) and hidden:
        # hidden sheets are read only when named: say which of them hold data
        hidden_unread = [p[0].name for p in parts if p[0].name in hidden and len(p[1]) > 1]
        parts = [p for p in parts if p[0].name not in hidden] or parts
    if choice is None:
        first = parts[0]
        with_data = [p for p in parts if len(p[1]) > 1]
        if len(first[1]) <= 1 and with_data:
            listed = ", ".join(repr(p[0].name) for p in with_data)
            raise LoadError(
                f"{path.name}: the first sheet {first[0].name!r} has no data rows; "
                f"sheets with data: {listed} (choose one with --sheet NAME, or --sheet all)"
            )
        unread = [p[0].name for p in with_data if p[0] is not first[0]]
        parts = [first]
    if many:
        parts = [p for p in parts if len(p[1]) > 1] or parts[:1]
    if not parts[0][1]:
        raise LoadError(f"{path.name}: sheet {parts[0][0].name!r} is empty (no header row)")
    frames: list[pd.DataFrame] = []
    formula: list[bool] = []
    merged: list[bool] = []
    skipped = 0
    above: list[str] = []
    for sheet, records, numbers, n_skipped in parts:
        top = header_row(records)
        above.extend(_row_text(r) for r in records[:top])
        header, body = _trimmed(records[top:])
        frame, _ = text_frame(header, body)
        if many:
            frame.insert(0, _free_name(list(frame.columns), "sheet"), sheet.name)
        frames.append(frame)
        formula.extend(n in sheet.formula for n in numbers[top + 1 :])
        merged.extend(n in sheet.merged for n in numbers[top + 1 :])
        skipped += n_skipped
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    frame = frame.astype("string")
    flags = {
        "excel_formula": pd.Series(formula, index=frame.index, dtype=bool),
        "merged_cell": pd.Series(merged, index=frame.index, dtype=bool),
    }
    info = {
        "sheet": ALL_SHEETS if many else parts[0][0].name,
        "sheets": [p[0].name for p in parts],
        "blank_rows_skipped": skipped,
    }
    if unread:
        info["sheets_not_read"] = unread  # other sheets holding data: --sheet NAME or all
    if hidden_unread:
        info["hidden_sheets_not_read"] = hidden_unread
    if above:
        info["rows_above_header"] = len(above)
        info["text_above_header"] = above
    return RawTable(frame=frame, flags={k: v for k, v in flags.items() if v.any()}, info=info)


def _row_text(row: Sequence[object]) -> str:
    """A row above the header as one line (distinct cell texts, ``|``-separated)."""
    texts = [t for t in (cell_text(v) for v in row) if t is not None]
    return " | ".join(dict.fromkeys(t.strip() for t in texts))


def _free_name(columns: list[str], name: str) -> str:
    candidate, n = name, 1
    while candidate in columns:
        n += 1
        candidate = f"{name}_{n}"
    return candidate


def _trimmed(records: list[Sequence[object]]) -> tuple[Sequence[object], list[Sequence[object]]]:
    # Trailing columns without a header and without data are formatting, not data.
    width = max(len(r) for r in records)
    while width and all(cell_text(r[width - 1]) is None for r in records if len(r) >= width):
        width -= 1
    header, body = records[0], records[1:]
    header = (tuple(header) + (None,) * width)[:width]
    return header, body


def _read_legacy(path: Path, sheet: str | int | None) -> RawTable:
    try:
        import xlrd
    except ImportError:
        raise LoadError(
            f"{path.name}: legacy .xls workbooks need the optional package xlrd "
            "(pip install xlrd), or save the file as .xlsx"
        ) from None
    try:
        book = xlrd.open_workbook(str(path))
        names = book.sheet_names()
        hidden = {ws.name for ws in book.sheets() if getattr(ws, "visibility", 0)}
        chosen = _choose(path, sheet, names)
        sheets = []
        for name in chosen:
            ws = book.sheet_by_name(name)
            sheets.append(_Sheet(name, [list(ws.row_values(i)) for i in range(ws.nrows)]))
    except LoadError:
        raise
    except Exception as exc:
        raise LoadError(
            f"{path.name}: unreadable Excel workbook ({type(exc).__name__}: {exc})"
        ) from None
    return _assemble(path, sheets, names, sheet, hidden=hidden)


def pick(path: Path, choice: str | int | None, names: Sequence[str], *, what: str) -> str:
    """Resolve a sheet/layer given by name or 0-based position."""
    if not names:
        raise LoadError(f"{path.name}: holds no {what}s")
    if choice is None:
        return names[0]
    if isinstance(choice, int) and not isinstance(choice, bool):
        if -len(names) <= choice < len(names):
            return names[choice]
    elif isinstance(choice, str):
        if choice in names:
            return choice
        folded = {n.casefold(): n for n in names}
        if choice.casefold() in folded:
            return folded[choice.casefold()]
        if choice.strip().lstrip("-").isdigit() and -len(names) <= int(choice) < len(names):
            return names[int(choice)]
    raise LoadError(
        f"{path.name}: no {what} {choice!r}; available {what}s: "
        f"{', '.join(repr(n) for n in names)} (or a 0-based position below {len(names)})"
    )
