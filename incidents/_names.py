"""Place-name normalisation shared by the gazetteer build and the geocoder.

Two levels of key:

* :func:`norm` -- the *exact* key: Unicode folded (diacritics off, Arabic-script
  letter variants unified), lower case, punctuation to spaces, whitespace
  collapsed.  "Spīn Bōldak" and "spin-boldak" both give ``"spin boldak"``.
* :func:`skeleton` -- the *transliteration* key: spaces dropped, common
  romanisation digraphs folded (kh/x, q/k, w/v, ...), doubled letters collapsed
  and non-initial vowels dropped.  "Angoor Adda" / "Angur Ada" and "Torkham" /
  "Torkhum" share a skeleton.  It over-merges on purpose; the geocoder ranks
  what it returns.

:data:`NORM_VERSION` is stored with the shipped gazetteer: bump it whenever a
change here would change a key, and rebuild the gazetteer.
"""

from __future__ import annotations

import re
import unicodedata

NORM_VERSION = 4

#: Characters that NFKD does not decompose into an ASCII base letter.
_LATIN_FOLD = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ŋ": "n",
        "ə": "e",
    }
)
#: Arabic-script variants (Arabic / Persian / Pashto / Urdu) folded together.
_ARABIC_FOLD = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ې": "ی",
        "ۍ": "ی",
        "ئ": "ی",
        "ے": "ی",
        "ك": "ک",
        "ڪ": "ک",
        "ة": "ه",
        "ۀ": "ه",
        "ہ": "ه",
        "ھ": "ه",
        "ۃ": "ه",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "ـ": None,  # tatweel
        "\u200c": None,  # ZWNJ
        "\u200d": None,  # ZWJ
        "\u200f": None,
        "\u200e": None,
    }
)
#: Apostrophe-like marks vanish ("Qal'eh" -> "qaleh") instead of splitting words.
_APOSTROPHES = re.compile("['`\u2018\u2019\u02bb\u02bc\u02be\u02bf\u00b4]")
_NON_WORD = re.compile(r"[^\w]+|_")
_SPACES = re.compile(r"\s+")
_LATIN_KEY = re.compile(r"[a-z0-9 ]+")
_ARABIC_KEY = re.compile(r"[0-9 \u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+")

#: Upper bound on the characters looked at: caps the work on huge text fields.
MAX_TEXT = 300


def norm(text: object) -> str:
    """Exact matching key of a place string ("" for non-strings and blanks)."""
    if not isinstance(text, str) or not text:
        return ""
    s = unicodedata.normalize("NFKD", text[:MAX_TEXT].translate(_ARABIC_FOLD))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = unicodedata.normalize("NFC", s).lower().translate(_LATIN_FOLD).translate(_ARABIC_FOLD)
    s = _APOSTROPHES.sub("", s)
    s = _NON_WORD.sub(" ", s)
    return _SPACES.sub(" ", s).strip()


def script(key: str) -> str:
    """``"latin"``, ``"arabic"`` or ``"other"`` for a :func:`norm` key."""
    if _LATIN_KEY.fullmatch(key):
        return "latin"
    if _ARABIC_KEY.fullmatch(key):
        return "arabic"
    return "other"


# Order matters: longer digraphs first.
_DIGRAPHS = (
    ("kh", "x"),
    ("gh", "g"),
    ("sh", "s"),
    ("ch", "c"),
    ("zh", "z"),
    ("th", "t"),
    ("dh", "d"),
    ("ph", "f"),
    ("ck", "k"),
    ("q", "k"),
    ("w", "v"),
    ("y", "i"),
    ("ee", "i"),
    ("oo", "u"),
    ("ou", "u"),
)
_VOWELS = frozenset("aeiou")
_DOUBLE = re.compile(r"(.)\1+")
_ARABIC_SKEL = str.maketrans({"ا": None, "و": None, "ی": None, " ": None, "ع": None, "ء": None})


def skeleton(key: str) -> str:
    """Transliteration-tolerant key of a :func:`norm` key ("" when too short)."""
    if not key:
        return ""
    if not _LATIN_KEY.fullmatch(key):
        if not _ARABIC_KEY.fullmatch(key):
            return ""
        head, rest = key[0], key[1:].translate(_ARABIC_SKEL)
        sk = head + rest
        return sk if len(sk) >= 3 else ""
    s = key.replace(" ", "")
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    # Doubled letters are collapsed before vowels go ("Adda" = "Ada"), not after
    # ("Kharairai" must not become "Khar").
    s = _DOUBLE.sub(r"\1", s)
    out: list[str] = []
    n = len(s)
    for i, c in enumerate(s):
        if c in _VOWELS and i > 0:
            continue
        # v / i / h closing a vowel ("Khowst", "Bahramcha", "Shah") are vowel colour.
        if c in "vih" and i > 0 and s[i - 1] in _VOWELS and (i + 1 == n or s[i + 1] not in _VOWELS):
            continue
        if c in _VOWELS:
            c = "a"
        out.append(c)
    sk = "".join(out)
    return sk if len(sk) >= 2 else ""


_SKEL_ALPHABET = "abcdfgjklmnprstvxz"


def skeleton_neighbours(sk: str) -> set[str]:
    """Skeletons one edit (delete, substitute, insert) away, for length >= 4."""
    if len(sk) < 4 or not _LATIN_KEY.fullmatch(sk):
        return set()
    out: set[str] = set()
    for i in range(1, len(sk) + 1):
        if i < len(sk):
            out.add(sk[:i] + sk[i + 1 :])
            for c in _SKEL_ALPHABET:
                out.add(sk[:i] + c + sk[i + 1 :])
        for c in _SKEL_ALPHABET:
            out.add(sk[:i] + c + sk[i:])
    out.discard(sk)
    return out


def similarity(a: str, b: str) -> float:
    """Levenshtein similarity in [0, 1] of two keys (1 = identical)."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return 1.0 - prev[-1] / len(a)


# --- qualifiers -------------------------------------------------------------------

#: Trailing / leading words that say what kind of place a name is.  Values are the
#: level they point to.
QUALIFIERS: dict[str, str] = {
    "district": "admin2",
    "districts": "admin2",
    "distt": "admin2",
    "dist": "admin2",
    "agency": "admin2",
    "agencies": "admin2",
    "tribal district": "admin2",
    "tribal agency": "admin2",
    "tehsil": "tehsil",
    "tahsil": "tehsil",
    "subdivision": "tehsil",
    "sub division": "tehsil",
    "frontier region": "tehsil",
    "woleswali": "admin2",
    "wuleswali": "admin2",
    "province": "admin1",
    "provinces": "admin1",
    "wilayat": "admin1",
    "velayat": "admin1",
    "welayat": "admin1",
    "city": "place",
    "town": "place",
    "village": "place",
    "villages": "place",
    "bazaar": "place",
    "bazar": "place",
    "market": "place",
    "area": "area",
    "areas": "area",
    "region": "area",
    "sector": "area",
    "valley": "area",
    "outskirts": "area",
    "vicinity": "area",
    "suburbs": "area",
    "crossing": "crossing",
    "border crossing": "crossing",
    "crossing point": "crossing",
    "border": "crossing",
    "gate": "crossing",
    "post": "crossing",
    "posts": "crossing",
    "checkpost": "crossing",
    "check post": "crossing",
    "checkpoint": "crossing",
    "border post": "crossing",
}
#: Words that turn a place into "near the place".
NEAR_WORDS = ("near", "close to", "outside", "outskirts of", "vicinity of", "around", "nearby")
#: Leading filler dropped before lookup.
LEAD_WORDS = ("the", "in", "at", "of", "from", "a", "an")

_QUAL_SORTED = sorted(QUALIFIERS, key=lambda q: -len(q))
_NEAR_RE = re.compile(r"^(?:" + "|".join(re.escape(w) for w in NEAR_WORDS) + r")\s+")
_LEAD_RE = re.compile(r"^(?:" + "|".join(LEAD_WORDS) + r")\s+")
_OF_RE = re.compile(r"^(?:" + "|".join(_QUAL_SORTED) + r")\s+of\s+")
_TRAIL_RE = re.compile(r"\s+(?:" + "|".join(re.escape(q) for q in _QUAL_SORTED) + r")$")
_LEAD_QUAL_RE = re.compile(r"^(?:" + "|".join(re.escape(q) for q in _QUAL_SORTED) + r")\s+")


def strip_qualifiers(key: str) -> tuple[str, frozenset[str], bool]:
    """Split a :func:`norm` key into (core name, qualifier levels, near?).

    ``"near chaman"`` -> ``("chaman", {}, True)``; ``"kurram agency"`` ->
    ``("kurram", {"admin2"}, False)``; ``"district of kurram"`` likewise.
    """
    quals: set[str] = set()
    near = False
    s = key
    for _ in range(4):
        before = s
        m = _NEAR_RE.match(s)
        if m:
            near = True
            s = s[m.end() :]
        s = _LEAD_RE.sub("", s)
        m = _OF_RE.match(s)
        if m:
            quals.add(QUALIFIERS[m.group(0).rsplit(" of ", 1)[0].strip()])
            s = s[m.end() :]
        m = _TRAIL_RE.search(s)
        if m:
            quals.add(QUALIFIERS[m.group(0).strip()])
            s = s[: m.start()]
        if s == before:
            break
    if not s:  # the whole text was a qualifier ("district"): keep it as a name
        return key, frozenset(), near
    return s, frozenset(quals), near


#: Words stripped from *gazetteer* names of admin units (WOF carries names such as
#: "Abbottabad District", "distretto di Ab Band", "Ab Kamari tumani").
ADMIN_NAME_NOISE = frozenset(
    {
        "district",
        "distrikt",
        "dystrykt",
        "districte",
        "distretto",
        "distrito",
        "destrict",
        "daerah",
        "ilcesi",
        "tumani",
        "quan",
        "okrug",
        "rayon",
        "province",
        "provincia",
        "provinz",
        "provincie",
        "prowincja",
        "wilayah",
        "wilayat",
        "velayat",
        "welayat",
        "ostan",
        "agency",
        "tehsil",
        "region",
        "de",
        "di",
        "d",
        "du",
        "del",
        "la",
        "of",
        "the",
        "ili",
        "vilayeti",
        "vilayati",
        "viloyati",
        "provinsi",
        "wilaya",
        "shahrestan",
        "woleswali",
        "wuleswali",
        "ولسوالی",
        "ولسوالۍ",
        "ولایت",
        "ضلع",
        "ضلعو",
        "صوبہ",
        "صوبه",
        "استان",
        "شهرستان",
        "منطقه",
        "ناحیه",
        "د",
    }
)


def admin_core(key: str) -> str:
    """An admin-unit name key with generic words removed ("" if nothing is left)."""
    words = [w for w in key.split() if w not in ADMIN_NAME_NOISE]
    return " ".join(words)
