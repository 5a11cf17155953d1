"""Guess what a file holds: its real type, its text encoding and its delimiter.

All guesses are deliberately simple and deterministic:

* **Type** (:func:`sniff_kind`) - the first bytes name binary formats whatever the
  extension says: gzip, ZIP (an Excel workbook when it holds ``xl/``), legacy
  Excel/OLE2, SQLite (GeoPackage), Parquet, PNG, JPEG, GIF, PDF, bzip2, xz, 7z,
  ELF; other content with NUL bytes that is not UTF-16 is "binary data".
* **Encoding** (:func:`decode_bytes`) - a UTF-16/UTF-32 or UTF-8 byte-order
  mark wins; UTF-16 without a mark is recognised by its NUL bytes at every other
  position; then strict UTF-8.  Bytes that are not UTF-8 are read as
  Windows-1252 (what Excel and most Windows tools write): the whole file when it
  holds no UTF-8 multi-byte character at all, otherwise **only those bytes** -
  the rest stays UTF-8 - and the decoded text marks them (see
  :func:`repair_text`) so the loader can flag the rows (``mixed_encoding``).  A
  file is never refused for its encoding and valid UTF-8 is never re-decoded.
* **Delimiter** (:func:`sniff_delimiter`) - each of ``,`` ``;`` tab and ``|``
  splits the first lines (quotes respected) and the one that gives the same
  number of fields (more than one) on the most lines wins; ties go to the order
  above, except that a ``.tsv`` file prefers tab.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections import Counter

#: Delimiters considered, in tie-break order.
DELIMITERS: tuple[str, ...] = (",", ";", "\t", "|")

_SAMPLE_LINES = 50
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "gzip"),
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole2"),
    (b"SQLite format 3\x00", "sqlite"),
    (b"PAR1", "parquet"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
    (b"%PDF-", "pdf"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\x7fELF", "elf"),
)
#: What to call each kind in messages.
KIND_NAMES: dict[str, str] = {
    "gzip": "a gzip-compressed file",
    "zip": "a ZIP archive",
    "xlsx": "an Excel workbook (.xlsx)",
    "ole2": "a legacy Excel/Office file (.xls)",
    "sqlite": "an SQLite database (GeoPackage)",
    "parquet": "a Parquet file",
    "png": "a PNG image",
    "jpeg": "a JPEG image",
    "gif": "a GIF image",
    "pdf": "a PDF document",
    "bzip2": "a bzip2-compressed file",
    "xz": "an xz-compressed file",
    "7z": "a 7-Zip archive",
    "elf": "an executable program",
    "binary": "binary data (NUL bytes)",
}
# Surrogates U+DC80-U+DCFF stand for undecodable bytes ("surrogateescape").
_ESCAPED = re.compile("[\udc80-\udcff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def sniff_kind(data: bytes) -> str | None:
    """The binary format ``data`` starts with, or None for text.

    Returns one of the keys of :data:`KIND_NAMES` (``"xlsx"`` for a ZIP archive
    holding an Excel workbook) or None when the bytes look like text (UTF-16
    text has NUL bytes but is text).
    """
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            if kind == "zip" and _is_xlsx(data):
                return "xlsx"
            return kind
    head = data[:8192]
    if b"\x00" in head and _utf16_without_bom(head) is None and not head.startswith(_BOMS):
        return "binary"
    return None


def _is_xlsx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return any(n.startswith("xl/") for n in zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _utf16_without_bom(head: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when NULs fill one byte of most 2-byte units."""
    n = len(head) // 2 * 2
    if n < 4:
        return None
    even, odd = head[0:n:2], head[1:n:2]
    units = n // 2
    nul_even, nul_odd = even.count(0), odd.count(0)
    if nul_odd >= 0.3 * units and nul_even <= 0.02 * units:
        return "utf-16-le"
    if nul_even >= 0.3 * units and nul_odd <= 0.02 * units:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` and name the encoding used.

    Parameters
    ----------
    data
        The raw file content.

    Returns
    -------
    tuple
        ``(text, encoding)`` where ``encoding`` is one of ``"utf-32"``,
        ``"utf-16"``, ``"utf-16-le"``, ``"utf-16-be"``, ``"utf-8-sig"``,
        ``"utf-8"``, ``"utf-8+cp1252"`` (UTF-8 with some Windows-1252 bytes: those
        are left in ``text`` as escape surrogates, see :func:`repair_text`),
        ``"cp1252"`` or ``"latin-1"``.
    """
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        try:
            return data.decode("utf-32"), "utf-32"
        except UnicodeDecodeError:
            pass
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass  # not really UTF-16: fall through to the other guesses
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError:
            return data[3:].decode("utf-8", errors="surrogateescape"), "utf-8+cp1252"
    if (utf16 := _utf16_without_bom(data[:8192])) is not None:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _UTF8_MULTIBYTE.search(data):
        return data.decode("utf-8", errors="surrogateescape"), "utf-8+cp1252"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def has_escapes(text: str) -> bool:
    """True when ``text`` holds surrogate code points (undecoded bytes or lone escapes)."""
    return _SURROGATE.search(text) is not None


def repair_text(text: str) -> tuple[str, bool]:
    """Replace what is not valid text in ``text``; say whether anything was.

    Escape surrogates left by :func:`decode_bytes` (undecodable bytes) become
    their Windows-1252 character (Latin-1 for the five bytes cp1252 leaves
    undefined); any other lone surrogate (e.g. a JSON ``\\ud800`` escape)
    becomes U+FFFD.
    """
    if not has_escapes(text):
        return text, False
    text = _ESCAPED.sub(_byte_char, text)
    return _SURROGATE.sub("\ufffd", text), True


def _byte_char(match: re.Match[str]) -> str:
    byte = bytes([ord(match.group()) - 0xDC00])
    try:
        return byte.decode("cp1252")
    except UnicodeDecodeError:
        return byte.decode("latin-1")


def decode_text(data: bytes) -> tuple[str, str]:
    """:func:`decode_bytes`, with every undecodable byte repaired (for free text)."""
    text, encoding = decode_bytes(data)
    return repair_text(text)[0], encoding


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
    head = text[:200_000]
    lines = [line for line in head.splitlines()[: _SAMPLE_LINES * 4] if line.strip()]
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
