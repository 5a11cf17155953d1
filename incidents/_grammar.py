"""Place-text grammar: how conflict datasets write a place, parsed into items.

Pure text work (no gazetteer): :func:`parse` turns a location cell into groups of
:class:`Item` the resolver looks up.  Constructions, each tested by a table in
``tests/incidents/test_geocode_grammar.py``:

* **type words** after or before a name say what it is: ``town``, ``city``,
  ``village``, ``bazaar``, ``market``, ``camp``, ``suburb``, ``locality`` ask for a
  populated place; ``district``, ``agency``, ``tehsil``, ``province`` for the unit;
  ``valley``, ``pass``, ``mountains`` for a natural feature; ``area``, ``region``,
  ``sector`` widen the place; ``crossing``, ``border post`` ask for a crossing;
* ``near X`` / ``outskirts of X``: the place, widened;
* ``A - B`` (spaced dash, ACLED's city-part form ``Karachi - Saddar``): B inside A;
* ``X area of Y`` / ``X in Y`` / ``X, Y district``: X with Y as its container;
* ``between A and B``: somewhere between the two;
* ``A's B`` (possessive, "Nangarhar's Shinwari district"): B inside A;
* a type word *before* the name ("Tehsil Mamund", "District Kurram",
  "village Tootkas"): dropped, its role kept;
* parentheses: alternative names (``Urgun (Argun)``) or a type word for every
  item (``Kandahar, Zabul (provinces)``);
* lists: ``;``, ``|`` and new lines separate groups; ``,``, ``and``, ``&``, ``/``
  and ``or`` separate items -- but never inside a name the caller knows
  (``Azad Jammu & Kashmir`` stays one name).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from incidents._names import MAX_TEXT, norm, script

__all__ = ["QUALIFIERS", "Group", "Item", "parse", "strip_qualifiers"]

#: Type words and the role they give a name.
QUALIFIERS: dict[str, str] = {
    "district": "admin2",
    "districts": "admin2",
    "distt": "admin2",
    "dist": "admin2",
    "agency": "admin2",
    "agencies": "admin2",
    "tribal district": "admin2",
    "tribal agency": "admin2",
    "woleswali": "admin2",
    "wuleswali": "admin2",
    "tehsil": "tehsil",
    "tahsil": "tehsil",
    "subdivision": "tehsil",
    "sub division": "tehsil",
    "frontier region": "tehsil",
    "province": "admin1",
    "provinces": "admin1",
    "wilayat": "admin1",
    "velayat": "admin1",
    "welayat": "admin1",
    # the seat of a district ("Sangin district centre", "Khar district headquarters"):
    # the populated place, never the unit's centroid
    "district centre": "place",
    "district center": "place",
    "district headquarters": "place",
    "district headquarter": "place",
    "district hq": "place",
    "headquarters": "place",
    "city": "place",
    "town": "place",
    "township": "place",
    "village": "place",
    "villages": "place",
    "bazaar": "place",
    "bazar": "place",
    "market": "place",
    "camp": "place",
    "refugee camp": "place",
    "suburb": "place",
    "locality": "place",
    "neighbourhood": "place",
    "neighborhood": "place",
    "mohalla": "place",
    "cantonment": "place",
    "kili": "place",
    # a police or levies station is named after the town it serves ("Wana police
    # station", "Sui thana", "Mastung levies post"): the town
    "police station": "place",
    "police post": "place",
    "police chowki": "place",
    "thana": "place",
    "levies station": "place",
    "levies post": "place",
    "levies thana": "place",
    # so is a railway or bus station ("Bostan railway junction", "Sibi railway
    # station", "Quetta bus stand"): the town
    "railway station": "place",
    "railway junction": "place",
    "railway stations": "place",
    "train station": "place",
    "bus stand": "place",
    "bus station": "place",
    "bus terminal": "place",
    "bus adda": "place",
    "general bus stand": "place",
    "area": "area",
    "areas": "area",
    "region": "area",
    "sector": "area",
    "outskirts": "area",
    "vicinity": "area",
    "suburbs": "area",
    "valley": "feature",
    "valleys": "feature",
    "pass": "feature",
    "mountain": "feature",
    "mountains": "feature",
    "hills": "feature",
    "hill": "feature",
    "range": "feature",
    "plain": "feature",
    "river": "feature",
    "gas field": "feature",
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
_QUAL_ALT = "|".join(re.escape(q) for q in _QUAL_SORTED)
_NEAR_RE = re.compile(r"^(?:" + "|".join(re.escape(w) for w in NEAR_WORDS) + r")\s+")
_LEAD_RE = re.compile(r"^(?:" + "|".join(LEAD_WORDS) + r")\s+")
_OF_RE = re.compile(r"^(?:" + _QUAL_ALT + r")\s+of\s+")
_TRAIL_RE = re.compile(r"\s+(?:" + _QUAL_ALT + r")$")
_LEAD_QUAL_RE = re.compile(r"^(?:" + _QUAL_ALT + r")\s+")
#: Type words written *before* a name in Pakistani and Afghan usage ("Tehsil
#: Mamund", "District Kurram", "village Tootkas", "Mauza Jhangi"): dropped, their
#: role kept.
LEAD_TYPE_WORDS: dict[str, str] = {
    "district": "admin2",
    "distt": "admin2",
    "agency": "admin2",
    "tehsil": "tehsil",
    "tahsil": "tehsil",
    "subdivision": "tehsil",
    "province": "admin1",
    "village": "place",
    "mauza": "place",
    "mouza": "place",
    "moza": "place",
}
_LEAD_TYPE_RE = re.compile(r"^(" + "|".join(LEAD_TYPE_WORDS) + r")\s+(?!of\s)")
#: "Nangarhar's Shinwari district", "Peshawar’s Hayatabad": the second place in the first.
_POSSESSIVE = re.compile(r"^\s*(?P<a>[^\s'’`].*?)\s*['’`]s?\s+(?P<b>\S.*)$")
_ITEM_SPLIT = re.compile(r"\s+(?:and|&|or)\s+|\s*/\s*|\s*&\s*", re.IGNORECASE)
_PAREN = re.compile(r"\(([^()]*)\)?|\[([^\[\]]*)\]?")
_CITY_PART = re.compile(r"\s+[-\u2013\u2014]+\s+")
_BETWEEN = re.compile(r"^\s*between\s+(.+?)\s+(?:and|&)\s+(.+?)\s*$", re.IGNORECASE)
# "X area of Y", "X village of Y district", "X in Y": X ends with a type word or "in" joins.
_CONTAINER = re.compile(
    r"^(?P<x>.+?\s(?:" + _QUAL_ALT + r"))\s+(?:of|in)\s+(?P<y>.+)$|^(?P<x2>.+?)\s+in\s+(?P<y2>.+)$",
    re.IGNORECASE,
)

#: At most this many items are read from one text.
MAX_ITEMS = 12


def strip_qualifiers(key: str) -> tuple[str, frozenset[str], bool]:
    """Split a :func:`norm` key into (core name, roles of its type words, near?).

    ``"near chaman"`` -> ``("chaman", {}, True)``; ``"kurram agency"`` ->
    ``("kurram", {"admin2"}, False)``; ``"district of kurram"`` likewise.  A text
    that is only a type word ("district") is kept as a name.
    """
    roles: set[str] = set()
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
            roles.add(QUALIFIERS[m.group(0).rsplit(" of ", 1)[0].strip()])
            s = s[m.end() :]
        m = _TRAIL_RE.search(s)
        if m:
            roles.add(QUALIFIERS[m.group(0).strip()])
            s = s[: m.start()]
        m = _LEAD_TYPE_RE.match(s)
        if m and len(s) - m.end() >= 3:
            roles.add(LEAD_TYPE_WORDS[m.group(1)])
            s = s[m.end() :]
        if s == before:
            break
    if not s:
        return key, frozenset(), near
    return s, frozenset(roles), near


def named_forms(full_key: str) -> list[tuple[str, frozenset[str]]]:
    """The name with its type words, then with the type words before it and
    those after it dropped one at a time, each with the roles of the words
    dropped: ``"jhelum valley
    district"`` -> ``[("jhelum valley district", {}), ("jhelum valley",
    {"admin2"})]`` (a district named after its valley), stopping before the
    bare core name."""
    forms = [(full_key, frozenset[str]())]
    roles: set[str] = set()
    s = full_key
    # type words before the name first ("district Jhelum Valley")
    while True:
        if m := _OF_RE.match(s):
            roles.add(QUALIFIERS[m.group(0).rsplit(" of ", 1)[0].strip()])
        elif (m := _LEAD_TYPE_RE.match(s)) and len(s) - m.end() >= 3:
            roles.add(LEAD_TYPE_WORDS[m.group(1)])
        else:
            break
        s = s[m.end() :]
    if s != full_key and _TRAIL_RE.search(s):
        forms.append((s, frozenset(roles)))
    while m := _TRAIL_RE.search(s):
        roles.add(QUALIFIERS[m.group(0).strip()])
        s = s[: m.start()]
        if not _TRAIL_RE.search(s):
            break  # the core name: tried as the item's own key
        forms.append((s, frozenset(roles)))
    return forms


@dataclass(frozen=True)
class Item:
    """One place named in a text.

    ``key`` is the normalised core name; ``roles`` the roles of its type words
    (``place``, ``admin2``, ``tehsil``, ``admin1``, ``area``, ``feature``,
    ``crossing``); ``near`` marks "near X"; ``container`` is the place it lies
    in ("Saddar" in "Karachi - Saddar"); ``other`` the second end of
    "between A and B".
    """

    key: str
    roles: frozenset[str] = frozenset()
    near: bool = False
    raw: str = ""
    container: Item | None = None
    other: Item | None = None
    full_key: str = ""  # the name with its type words ("khyber pass"), tried first

    @property
    def quals(self) -> frozenset[str]:  # name used by the resolver
        return self.roles


@dataclass(frozen=True)
class Group:
    """One ``;``-separated part of a text: its items and bracketed alternatives."""

    items: tuple[Item, ...]
    alts: tuple[Item, ...] = field(default=())


def _item(text: str) -> Item | None:
    key, roles, near = strip_qualifiers(norm(text))
    if not key or key.isdigit() or script(key) == "other":
        return None
    full = _LEAD_RE.sub("", _NEAR_RE.sub("", norm(text)))
    return Item(key, roles, near, " ".join(text.split()), full_key=full if full != key else "")


def _split_top(text: str) -> list[str]:
    """Split on group separators that are not inside parentheses/brackets."""
    parts: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(depth - 1, 0)
        if depth == 0 and ch in ";|\n":
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return parts


def _segment(seg: str, known: Callable[[str], bool]) -> list[Item]:
    """Items of one comma-free segment."""
    m = _BETWEEN.match(seg)
    if m:
        a, b = _item(m.group(1)), _item(m.group(2))
        if a and b:
            return [replace(a, other=b, raw=" ".join(seg.split()))]
    m = _POSSESSIVE.match(seg)
    if m and not known(norm(seg)):
        outer, inner = _item(m.group("a")), _item(m.group("b"))
        if outer and inner:
            return [replace(inner, container=outer, raw=" ".join(seg.split()))]
    parts = _CITY_PART.split(seg.strip())
    if len(parts) == 2:
        outer, inner = _item(parts[0]), _item(parts[1])
        if outer and inner:
            return [replace(inner, container=outer, raw=" ".join(seg.split()))]
        return [i for i in (outer, inner) if i]
    whole = _item(seg)
    if whole is None:
        return []
    low = f" {seg.lower()} "
    m = _CONTAINER.match(seg.strip()) if " of " in low or " in " in low else None
    if m and not known(whole.key):
        x, y = (m.group("x"), m.group("y")) if m.group("x") else (m.group("x2"), m.group("y2"))
        inner, outer = _item(x), _item(y)
        if inner and outer:
            return [replace(inner, container=outer, raw=whole.raw)]
    if known(whole.key) or not _ITEM_SPLIT.search(seg):
        return [whole]
    pieces = [p for p in _ITEM_SPLIT.split(seg) if p and p.strip()]
    items = [it for it in map(_item, pieces) if it]
    # "Nangarhar and Kunar provinces": the plural type word applies to every item.
    if len(items) > 1 and items[-1].roles:
        items = [it if it.roles else replace(it, roles=items[-1].roles) for it in items]
    return items


def parse(text: str, *, known: Callable[[str], bool] = lambda key: False) -> list[Group]:
    """Split a place text into groups of items.

    Parameters
    ----------
    text
        The location cell.
    known
        Whether a normalised key is a name the caller knows as a whole (an admin
        unit such as "azad jammu kashmir"); such a name is never split at
        ``&``/``and``/``/``.
    """
    groups: list[Group] = []
    n = 0
    for part in _split_top(text[:MAX_TEXT]):
        if not part.strip():
            continue
        alts_raw = [a or b for a, b in _PAREN.findall(part)]
        main = _PAREN.sub(" ", part)
        items: list[Item] = []
        for seg in main.split(","):
            items.extend(_segment(seg, known))
        # "Kandahar, Zabul (provinces)": a bare type word in brackets applies to all.
        roles = [QUALIFIERS[k] for k in map(norm, alts_raw) if k in QUALIFIERS]
        if roles:
            items = [it if it.roles else replace(it, roles=frozenset(roles)) for it in items]
            alts_raw = [a for a in alts_raw if norm(a) not in QUALIFIERS]
        alts = [it for a in alts_raw for it in _segment(a, known)]
        if items or alts:
            groups.append(Group(tuple(items[:MAX_ITEMS]), tuple(alts[:MAX_ITEMS])))
            n += len(items)
        if len(groups) >= MAX_ITEMS or n >= MAX_ITEMS:
            break
    return groups
