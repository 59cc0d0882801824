"""The cap on one paragraph unit: a paragraph longer than MAX_UNIT_CHARS (text whose numbering
the assembler did not find, a file that is one block) is split into consecutive pieces, so no
single unit's embedding, token rows or sentence split grows with the file.

Each piece keeps the paragraph's number, page, section, annex and part (a citation still names
the printed paragraph); the footnotes stay with the first piece. Cuts fall at the last sentence
end before the cap, else at the last space, else at the cap itself."""

from __future__ import annotations

import re
from dataclasses import replace

from rag.models import Paragraph

MAX_UNIT_CHARS = 50_000  # the longest paragraph of the UN corpus is 36,000 characters
MIN_PIECE = MAX_UNIT_CHARS // 2  # a cut is never made before half the cap
_SENTENCE_CUT = re.compile(r"[.;:!?][\"”’)\]]?\s")


def _cut(text: str, limit: int) -> int:
    """Where to end the first piece of `text` (longer than `limit`)."""
    window = text[MIN_PIECE:limit]
    ends = [m.end() for m in _SENTENCE_CUT.finditer(window)]
    if ends:
        return MIN_PIECE + ends[-1]
    space = window.rfind(" ")
    return MIN_PIECE + space + 1 if space >= 0 else limit


def split_text(text: str, limit: int = MAX_UNIT_CHARS) -> list[str]:
    """`text` in pieces of at most `limit` characters (stripped, none empty)."""
    pieces: list[str] = []
    while len(text) > limit:
        at = _cut(text, limit)
        pieces.append(text[:at].strip())
        text = text[at:]
    pieces.append(text.strip())
    return [p for p in pieces if p]


def cap_units(paragraphs: list[Paragraph], limit: int = MAX_UNIT_CHARS) -> list[Paragraph]:
    """The paragraphs with every one longer than `limit` split into pieces (see the docstring)."""
    out: list[Paragraph] = []
    for p in paragraphs:
        if len(p.text) <= limit:
            out.append(p)
            continue
        pieces = split_text(p.text, limit)
        out.append(replace(p, text=pieces[0]))
        out.extend(replace(p, text=piece, footnotes=[]) for piece in pieces[1:])
    return out
