"""A document's list of abbreviations and acronyms: its apparatus, not its text."""

from __future__ import annotations

import re

from rag.ingest.blocks import Block
from rag.ingest.headings import larger
from rag.ingest.patterns import FOOTER

_HEAD = re.compile(r"^(?:List\s+of\s+)?(?:abbreviations|acronyms)(?:\s+and\s+(?:abbreviations|acronyms))?$",
                   re.IGNORECASE)
# An entry: an acronym (two capitals, or a capital and a digit: "FAO", "UN-Women", "G20", "C-34"),
# then what it stands for, ending no sentence (a sentence opening with an acronym is text).
_ENTRY = re.compile(r"^(?=\S*[A-Z]\S*[A-Z\d])[\w&./’'-]{2,16}\s+\S.*(?<![.!?])$")
WRAP_INDENT = 10.0  # points right of the entries' left edge where a wrapped expansion goes on


def without_glossary(lines: list[Block], body_size: float) -> list[Block]:
    """`lines` without a list of abbreviations ("Abbreviations and acronyms", then "CEB United
    Nations System Chief Executives Board for Coordination", "FAO Food and Agriculture
    Organization ..." over two pages of JIU/REP/2025/2): its heading and the entries under it, up
    to the first line that is none (a heading in bold or larger type, a numbered paragraph, text at
    the entries' left edge where positions are known)."""
    for i, head in enumerate(lines):
        if _HEAD.match(head.text.strip()) and head.number is None:
            end = _entries_end(lines, i + 1, body_size)
            if end > i + 1:
                return lines[:i] + lines[end:]
    return lines


def _entries_end(lines: list[Block], start: int, body_size: float) -> int:
    """The index of the first line from `start` on that is no entry of the list."""
    left: float | None = None
    for k in range(start, len(lines)):
        ln = lines[k]
        if ln.number is not None or ln.bold or larger(ln, body_size) or ln.kind != "body":
            return k
        if FOOTER.match(ln.text.strip()):  # a page's foot the loader left in ("25-10679 v")
            continue
        if _ENTRY.match(" ".join(ln.text.split())):
            left = ln.x if left is None else left
        elif left is None or not ln.x or ln.x <= left + WRAP_INDENT:
            return k
    return len(lines)
