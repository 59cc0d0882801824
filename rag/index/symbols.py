"""Document symbols as users type them: any case, spaces inside or around ("s / 2025 / 154 "),
or a joint symbol as printed on the masthead ("A/79/947-S/2025/372", either part naming the
document); and the indexed symbols closest to one the index does not hold."""

from __future__ import annotations

import difflib
import re
import sqlite3

# A joint symbol's parts meet at a dash followed by another symbol's organ and slash; a dash
# inside one symbol ("A/RES/ES-10/21") is followed by a digit.
_JOINT = re.compile(r"\s*[-–]\s*(?=[A-Za-z][A-Za-z0-9.]*\s*/)")


def typed_symbols(typed: str) -> list[str]:
    """The symbols a user's text stands for, spaces removed: one, or each part of a joint symbol."""
    return [p for p in (re.sub(r"\s+", "", part) for part in _JOINT.split(typed.strip())) if p]


def key(symbol: str) -> str:
    """The form symbols are compared in: no spaces, upper case."""
    return re.sub(r"\s+", "", symbol).upper()


def find_document_id(conn: sqlite3.Connection, typed: str) -> int | None:
    """The id of the document issued under the typed symbol (or a part of a joint one), or None."""
    for symbol in typed_symbols(typed):
        row = conn.execute("SELECT doc_id FROM symbols WHERE symbol = ?", (symbol,)).fetchone()
        if row is None:
            row = conn.execute("SELECT doc_id FROM symbols WHERE upper(symbol) = ?", (key(symbol),)).fetchone()
        if row is not None:
            return int(row[0])
    return None


def closest_symbols(typed: str, known: list[str], n: int = 3) -> list[str]:
    """Up to `n` of the `known` symbols nearest to the typed one: those it opens, then the most
    similar by spelling."""
    parts = typed_symbols(typed)
    wanted = key(parts[0] if parts else typed).replace("*", "")
    by_key = {key(s): s for s in known}
    prefix = wanted.rsplit("/", 1)[0] + "/" if "/" in wanted else wanted
    opening = sorted((k for k in by_key if k.startswith(prefix)),
                     key=lambda k: -difflib.SequenceMatcher(None, wanted, k).ratio())
    similar = difflib.get_close_matches(wanted, list(by_key), n=n, cutoff=0.5)
    return [by_key[k] for k in dict.fromkeys(opening[:n] + similar)][:n]


def suggestion(typed: str, known: list[str]) -> str:
    """"; did you mean S/2025/10, S/2025/100?" or "" when nothing is close."""
    close = closest_symbols(typed, known)
    return f"; did you mean {', '.join(close)}?" if close else ""
