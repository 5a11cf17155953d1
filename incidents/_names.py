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

from rapidfuzz.distance import Levenshtein

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
#: The clan word of Pashtun names, romanised many ways ("Ali Khail", "Ali Kheyl",
#: "Alikhel"): one spelling, so that each finds the others exactly.
_KHEL = re.compile(r"kh(?:ai|ay|ey|ei|ie|iy)l\b")
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
    return _KHEL.sub("khel", _SPACES.sub(" ", s).strip())


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


#: Spellings of an aspirated consonant that the skeleton keeps apart ("Kachhi" ->
#: "kch", "Kacchi" -> "kc"): each is also read as the others.
_ASPIRATES = (("cch", "chh"), ("chh", "cch"), ("chh", "ch"), ("tth", "th"), ("ddh", "dh"))


def aspirate_skeletons(key: str) -> set[str]:
    """Skeletons of ``key`` with its aspirated consonants respelled ("kacchi" ->
    the skeleton of "kachhi"), other than ``skeleton(key)`` itself."""
    own = skeleton(key)
    out = {skeleton(key.replace(a, b)) for a, b in _ASPIRATES if a in key}
    return out - {own, ""}


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
    """Levenshtein similarity in [0, 1] of two keys (1 = identical): one minus the
    edit distance over the longer length (computed by :mod:`rapidfuzz`)."""
    return float(Levenshtein.normalized_similarity(a, b))


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


#: Particles that glue a unit word to its name in other languages ("Province de X",
#: "Provincia di X"): noise only beside a unit word, else part of the name ("Du Ab",
#: "Ruyi Du Ab": "du" is "two").
_GLUE = frozenset({"de", "di", "d", "du", "del", "la", "of", "the", "د"})


def admin_core(key: str) -> str:
    """An admin-unit name key with generic words removed ("" if nothing is left)."""
    words = key.split()
    unit = any(w in ADMIN_NAME_NOISE and w not in _GLUE for w in words)
    return " ".join(w for w in words if w not in ADMIN_NAME_NOISE or (w in _GLUE and not unit))


#: Direction and size words that real names carry before or after their core
#: ("Bala Baluk", "Lowi Mamund", "Daraban Khurd"), grouped by meaning across
#: English, Pashto, Dari and Urdu.  A name written with one word of a group is
#: looked up with the others, then without it (:func:`variant_keys`).
AFFIX_SYNONYMS: tuple[frozenset[str], ...] = (
    frozenset({"upper", "bala", "bar", "ulya", "olya"}),
    frozenset({"lower", "payan", "payin", "paeen", "pain", "kuz", "kooz", "lar", "sufla"}),
    frozenset({"big", "great", "loe", "lowi", "loy", "loya", "lowe", "kalan", "kalaan"}),
    frozenset({"small", "little", "khurd", "khord", "kuchnai", "kuchnay", "kuchni", "wrokai"}),
    frozenset({"new", "naw", "nau", "nawe", "naway", "naya", "jadid"}),
    frozenset({"old", "zor", "zoor", "purana", "kohna", "kuhna"}),
)
_AFFIX_GROUP = {w: grp for grp in AFFIX_SYNONYMS for w in grp}
#: Trailing words naming a part or feature of a town ("Wana Bazaar", "Bara Fort",
#: "Kohat Cantt", "Ghulam Khan check post"): looked up without them when the whole
#: name is not found.
SEAT_SUFFIXES = (
    "check post",
    "checkpost",
    "check point",
    "checkpoint",
    "post",
    "chowki",
    "fort",
    "qila",
    "bazaar",
    "bazar",
    "market",
    "town",
    "city",
    "cantonment",
    "cantt",
    "khas",
    "adda",
    "chowk",
    "tehsil",
    # a shrine is written with the town it stands in ("Sehwan Sharif shrine",
    # "Pakpattan dargah"); "Sharif" (the honorific of a shrine town: "Taunsa
    # Sharif", "Sehwan Sharif") is dropped too when the name with it is not found
    "shrine",
    "dargah",
    "mazar",
    "sharif",
    "shareef",
)
#: At most this many trailing town-part words are dropped ("sehwan sharif shrine"
#: -> "sehwan sharif" -> "sehwan").
MAX_SEAT_SUFFIXES = 2


def variant_keys(key: str) -> list[str]:
    """Other keys a :func:`norm` key may be written as, most alike first.

    Direction/size words swapped for their synonyms at either end ("upper
    mamund" -> "bala mamund", "mamund bala", ...), then a trailing town-part
    word dropped ("wana bazaar" -> "wana"), then the direction/size word
    dropped ("lowi mamund" -> "mamund"), then the words joined ("spin wam" ->
    "spinwam"); a name without such a word (at least 5 letters) is looked up
    with one ("ghazani" -> "bar ghazani", "tootkas" -> "tootkas khurd"; not
    "burj", too short).  The key
    itself is never returned; the caller looks these up only when the key
    itself finds nothing the hints accept.
    """
    words = key.split()
    out: list[str] = []
    if len(words) >= 2:
        for i in (0, len(words) - 1):
            grp = _AFFIX_GROUP.get(words[i])
            if grp is None:
                continue
            core = words[1:] if i == 0 else words[:-1]
            for syn in sorted(grp):
                out.append(" ".join([syn, *core]))
                out.append(" ".join([*core, syn]))
        seat = key
        for _ in range(MAX_SEAT_SUFFIXES):
            for suffix in SEAT_SUFFIXES:
                if seat.endswith(" " + suffix) and len(seat) > len(suffix) + 3:
                    seat = seat[: -len(suffix) - 1]
                    out.append(seat)
                    break
            else:
                break
        for i in (0, len(words) - 1):
            if words[i] in _AFFIX_GROUP:
                core = words[1:] if i == 0 else words[:-1]
                if len(" ".join(core)) >= 3:
                    out.append(" ".join(core))
        out.append("".join(words))
    if len(key) >= 5 and not any(w in _AFFIX_GROUP for w in words):
        # "Ghazani" for "Bar Ghazani", "Tootkas" for "Tootkas Khurd": the name written
        # without the word that tells its upper or lower, big or small part
        for grp in AFFIX_SYNONYMS:
            for w in sorted(grp):
                out.append(f"{w} {key}")
                out.append(f"{key} {w}")
    seen = {key}
    uniq = []
    for k in out:
        if k not in seen:
            seen.add(k)
            uniq.append(k)
    return uniq
