"""User values echoed in one-line messages: short, and unable to drive the terminal.

A value the user typed, pasted or generated (a ``--where`` condition, an option, a
column name) is quoted in the message that refuses it.  Quoted, it must neither
flood the terminal (at most :data:`ECHO_MAX` characters, its full length said) nor
carry a control character (an escape sequence recolouring the terminal or moving
its cursor, a newline breaking the one line).
"""

from __future__ import annotations

import re

__all__ = ["ECHO_MAX", "echo", "shorten_echoes"]

#: Longest echo of the user's text in a message (characters, quotes included).
ECHO_MAX = 80


def echo(text: object, *, limit: int = ECHO_MAX) -> str:
    """``text`` quoted for a one-line message: control characters escaped, at most ``limit``.

    ``repr`` escapes control characters (``\\x1b``, ``\\n``) so that a message can
    neither move the cursor nor break the line; text longer than ``limit`` is cut
    and ends in ``...'`` with its full length, so a 100,000-character ``--where``
    cannot flood the terminal.
    """
    quoted = repr(str(text))
    if len(quoted) <= limit:
        return quoted
    tail = f"...' ({len(str(text)):,} chars)"
    return quoted[: max(limit - len(tail), 1)] + tail


#: A quoted value echoed in a message: repr's '...' (or "...") with its escapes, not
#: an apostrophe inside a word (the table's columns).
_QUOTED = re.compile(r"(?<!\w)(?:'(?:[^'\\\n]|\\.)*'" + r'|"(?:[^"\\\n]|\\.)*")(?!\w)')


def shorten_echoes(text: str, *, limit: int = ECHO_MAX) -> str:
    """``text`` with each quoted value longer than ``limit`` cut, saying its length,
    and control characters escaped: a pasted 100,000-character option value cannot
    flood the terminal or move its cursor."""
    text = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)

    def cut(m: re.Match[str]) -> str:
        quoted = m.group(0)
        if len(quoted) <= limit:
            return quoted
        tail = f"...{quoted[0]} ({len(quoted) - 2:,} chars)"
        return quoted[: max(limit - len(tail), 2)] + tail

    return _QUOTED.sub(cut, text)
