"""Lists of documents ranked below the text: a meeting report's "Documentation" annex (a table of
"Symbol Description" rows, one a document) repeats the meeting's name and the titles of every
working paper, so it shares many words with almost any question about the meeting without
answering one. Where the question asks for no document, such a list gives way to the hits of
text after it."""

from __future__ import annotations

import re

from rag.models import TABLE, Hit
from rag.textutil import SYMBOL

# The meeting's own documents a unit must list to be its list of documents, and the words a symbol
# may stand for at most on average (a table of figures citing its sources, or a list of the
# reports a treaty body considered, "CEDAW/C/BRA/8-9 Combined eighth and ninth periodic reports",
# is what a question may ask for).
MIN_SYMBOLS = 3
MAX_WORDS_A_SYMBOL = 30
# A question asking for a document, its symbol or a paper submitted, or citing a symbol.
_ASKS_DOCUMENT = re.compile(r"\b(?:symbols?|documents?|documentation|papers?|submitted|submissions?|"
                            r"(?:which|what)\s+(?:\w+\s+){0,2}?reports?|(?:had|has|have)\s+before\s+it)\b"
                            r"|\b[A-Z]{1,6}(?:/[\w.]+)*/\d", re.IGNORECASE)


# A row of such a list: a symbol, then its title ("TPNW/MSP/2025/1 Provisional agenda"), not a
# source cited in a sentence ("A/79/352, A/79/6 and A/79/7, tables 3-5").
_ROW = re.compile(SYMBOL.pattern + r"(?=\s+[A-Z])")


def _own_prefix(symbol: str) -> str:
    """The symbol's series up to its first part with a figure: "TPNW/MSP/2025" of
    "TPNW/MSP/2025/11/Rev.1", "A/79" of "A/79/7/Add.12"."""
    parts = symbol.split("/")
    at = next((i for i, p in enumerate(parts) if any(ch.isdigit() for ch in p)), len(parts) - 1)
    return "/".join(parts[:at + 1])


def lists_documents(hit: Hit) -> bool:
    """Whether the hit is a table whose rows list the documents of its own meeting or session, a
    symbol and its title a row (MIN_SYMBOLS of its own series or more, densely)."""
    if hit.part != TABLE:
        return False
    prefix = _own_prefix(hit.symbol) + "/"
    own = {m.group(0) for m in _ROW.finditer(hit.text) if m.group(0).startswith(prefix)}
    return len(own) >= MIN_SYMBOLS and len(hit.text.split()) <= MAX_WORDS_A_SYMBOL * len(own)


def listings_last(question: str, hits: list[Hit]) -> list[Hit]:
    """`hits` with the lists of documents after every other hit, in their order, where the
    question asks for no document; `hits` itself where it does or none is such a list."""
    if not hits or _ASKS_DOCUMENT.search(question):
        return hits
    listed = [lists_documents(h) for h in hits]
    if not any(listed) or all(listed):
        return hits
    return [h for h, x in zip(hits, listed) if not x] + [h for h, x in zip(hits, listed) if x]


def first_text(question: str, hits: list[Hit]) -> Hit | None:
    """The first of the hits that is no list of documents, where the question asks for none (a
    list's words are no evidence for an answer); the first hit where it asks for one; None where
    there are none."""
    if not hits or _ASKS_DOCUMENT.search(question):
        return hits[0] if hits else None
    return next((h for h in hits if not lists_documents(h)), None)
