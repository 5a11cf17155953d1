"""Plain text for :func:`incidents.extract.extract`: HTML stripping, language check,
dateline, paragraphs and sentences.

Everything here is a single left-to-right pass (regular expressions without nested
quantifiers), so time grows linearly with the length of the article.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = [
    "Sentence",
    "dateline",
    "language_problem",
    "looks_like_html",
    "repair_mojibake",
    "sentences",
    "strip_html",
]

_HTML_HINT = re.compile(
    r"<(?:!doctype|html|head|body|p|div|span|br|a|article|section|h[1-6]|li|ul|table|script)\b",
    re.IGNORECASE,
)
_BLOCK = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 article section header footer tr table "
    "blockquote title figcaption pre hr".split()
)
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "nav", "svg"})


def looks_like_html(text: str) -> bool:
    """Whether ``text`` carries HTML markup (a few common tags near the start)."""
    return bool(_HTML_HINT.search(text[:5000]))


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP:
            self._skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(self._skip - 1, 0)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def strip_html(text: str) -> str:
    """The visible text of an HTML document: tags, scripts and styles dropped,
    entities decoded, one paragraph per block element."""
    p = _TextOnly()
    p.feed(text)
    p.close()
    out = html.unescape("".join(p.parts))
    out = re.sub(r"[ \t\r\f\v\xa0]+", " ", out)
    return re.sub(r"\s*\n\s*", "\n", out).strip()


# -- mojibake ------------------------------------------------------------------------

# Curly quotes, dashes and ellipses of UTF-8 text decoded with a one-byte code page:
# Windows-1252 ("â€™") or Thai TIS-620/Windows-874 ("โ€™", or "โ" alone when the
# bytes after it were dropped).  A name's own letters are never touched.
_MOJIBAKE = [
    (lead + tail, good)
    for lead in ("â€", "โ€")
    for tail, good in (
        ("™", "’"),
        ("˜", "‘"),
        ("œ", "“"),
        ("\x9d", "”"),
        ("“", "–"),
        ("”", "—"),
        ("¦", "…"),
    )
]
_THAI_LETTER = re.compile(r"[\u0e01-\u0e41\u0e43-\u0e5b]")
# a lone "โ" inside a word is an apostrophe ("Pakhtunkhwaโs"), elsewhere a quote mark
_LONE_APOSTROPHE = re.compile(r"(?<=[A-Za-z])(?:โ|â€)(?=(?:s|t|d|ll|re|ve|m)\b)")
_LONE_QUOTE = re.compile(r"โ€?|â€")


def repair_mojibake(text: str) -> str:
    """``text`` with the quote marks and dashes of UTF-8 read as a one-byte code page
    put back ("Pakhtunkhwaโs" -> "Pakhtunkhwa’s", "â€œwarâ€\x9d" -> "“war”"); a text
    holding Thai letters is left alone."""
    if "â€" not in text and "โ" not in text:
        return text
    if _THAI_LETTER.search(text):
        return text
    for bad, good in _MOJIBAKE:
        text = text.replace(bad, good)
    text = _LONE_APOSTROPHE.sub("’", text)
    return _LONE_QUOTE.sub('"', text)


# -- language ------------------------------------------------------------------------

# Function words that are English and not also French/Spanish/German/Dutch words.
_EN_WORDS = frozenset(
    "the of and to said was were with for from that after which this have has been by "
    "in it its their they he she would who when while two three killed "
    # news words of this domain that no other Latin-script language shares
    "attacked attack attacks killing wounded injured soldiers people forces militants border "
    "near into against during between were also been after over "
    # common function words and event words a short English headline may hold alone
    # ("A drone strike hit X, Y on Friday"); none is a word of French, Spanish, German or
    # Italian news prose ("à", "la", "de" are not among them)
    "a an on at is are be but or not had will his her our strike strikes hit hits "
    "drone shelling clashes clash fired firing airstrike airstrikes".split()
)
_WORD = re.compile(r"[^\W\d_]+")


def language_problem(text: str) -> str | None:
    """Why ``text`` cannot be read by this English extractor, or None.

    Non-Latin letters in the majority -> that script; otherwise a Latin text of
    ten words or more in which fewer than 8% of the words are English function
    words (English news prose has 30-40%); under 40 words (a headline, a lead)
    only when none is.
    """
    letters = [c for c in text[:20000] if c.isalpha()]
    if not letters:
        return "no words in the text"
    latin = sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f")
    if latin < len(letters) / 2:
        other = next(c for c in letters if not (c.isascii() or "\u00c0" <= c <= "\u024f"))
        return f"text is not in English (mostly {_script_name(other)} script)"
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if len(words) >= 10:
        share = sum(w in _EN_WORDS for w in words) / len(words)
        # a short English headline or lead may hold a single function word
        if share < 0.08 and (len(words) >= 40 or share == 0):
            return "text does not look like English"
    return None


def _script_name(ch: str) -> str:
    cp = ord(ch)
    for lo, hi, name in (
        (0x0600, 0x08FF, "Arabic"),
        (0xFB50, 0xFEFF, "Arabic"),
        (0x0400, 0x04FF, "Cyrillic"),
        (0x0900, 0x097F, "Devanagari"),
        (0x4E00, 0x9FFF, "CJK"),
    ):
        if lo <= cp <= hi:
            return name
    return "non-Latin"


# -- dateline ------------------------------------------------------------------------

_MONTHS = (
    r"(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATELINE = re.compile(
    r"\A\s*(?P<places>[A-Z][A-Z .'’/-]{2,60}?"  # KABUL / ISLAMABAD/KABUL
    r"|[A-Z][a-z]+(?:[ /-][A-Z][a-z]+){0,3})"  # Islamabad / New Delhi / Kabul/Islamabad
    r"(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?)?"  # , Pakistan
    r"(?:\s*\([A-Z][a-z]+(?: [A-Z][a-z]+)?\))?"  # Quetta (Balochistan)
    r"(?:\s*\[[A-Z][a-z]+(?: [A-Z][a-z]+)?\])?"  # Khyber Pakhtunkhwa [Pakistan]
    r",?\s+(?P<date>"
    + _MONTHS
    + r"\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+"
    + _MONTHS
    + r"(?:\s+\d{4})?)"
    # "(Agency) -", "(PTI)" with no dash after it, or a dash or colon alone
    r"\s*(?:\((?P<agency>[^()\n]{1,40})\)\s*[-–—:]*|[-–—:]+)\s*"
)


@dataclass(frozen=True)
class Dateline:
    end: int  # offset where the story text starts
    date_text: str
    agency: str | None


def dateline(text: str) -> Dateline | None:
    """The wire dateline ("KABUL, Oct 16 (Frontier Wire) -") at the start of ``text``."""
    m = _DATELINE.match(text)
    if not m:
        return None
    agency = m.group("agency")
    return Dateline(m.end(), m.group("date"), agency.strip() if agency else None)


# -- sentences -----------------------------------------------------------------------

_ABBREV = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr gen lt col maj capt sgt "
    "brig gov sen rep st no vs etc approx est dept govt u.s u.n u.k a.m p.m e.g i.e".split()
)
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_LINE = re.compile(r"[^\n]+")
#: Initials ("D.I. Khan", "D.G. Khan", "T.T. Singh"): no sentence ends after them.
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


def sentences(text: str, start: int = 0) -> list[Sentence]:
    """Sentences of ``text`` from offset ``start``, one paragraph per non-empty line."""
    out: list[Sentence] = []
    para = 0
    for line in _LINE.finditer(text, start):
        if not line.group(0).strip():
            continue
        a = line.start()
        for b in _BOUNDARY.finditer(text, line.start(), line.end()):
            prev = text[max(a, b.start() - 12) : b.start()].split()
            word = prev[-1].lower().rstrip(".") if prev else ""
            if word in _ABBREV or (len(word) == 1 and word.isalpha()) or _INITIALS.fullmatch(word):
                continue
            _add(out, text, a, b.end(), para)
            a = b.end()
        _add(out, text, a, line.end(), para)
        para += 1
    return out


def _add(out: list[Sentence], text: str, a: int, b: int, para: int) -> None:
    seg = text[a:b]
    lead = len(seg) - len(seg.lstrip())
    seg = seg.strip()
    if seg:
        out.append(Sentence(a + lead, a + lead + len(seg), seg, para))
