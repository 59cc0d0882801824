"""Lists of documents ranked below the text: a meeting report's "Documentation" annex (a table of
"Symbol Description" rows, one a document) repeats the meeting's name and the titles of every
working paper, so it shares many words with almost any question about the meeting without
answering one. Where the question asks for no document, such a list gives way to the hits of
text after it."""

from __future__ import annotations

import re

from rag.models import TABLE, Hit
from rag.textutil import SYMBOL

# Symbols a unit must list to be a list of documents, and the words a symbol may stand for at
# most on average (a paragraph citing a few documents in its sentences is text).
MIN_SYMBOLS = 3
MAX_WORDS_A_SYMBOL = 40
# A question asking for a document, its symbol or a paper submitted.
_ASKS_DOCUMENT = re.compile(r"\b(?:symbols?|documents?|documentation|papers?|submitted|submissions?|"
                            r"had\s+before\s+it)\b", re.IGNORECASE)


def lists_documents(hit: Hit) -> bool:
    """Whether the hit is a table whose rows list documents by symbol."""
    if hit.part != TABLE:
        return False
    symbols = len(SYMBOL.findall(hit.text))
    return symbols >= MIN_SYMBOLS and len(hit.text.split()) <= MAX_WORDS_A_SYMBOL * symbols


def listings_last(question: str, hits: list[Hit]) -> list[Hit]:
    """`hits` with the lists of documents after every other hit, in their order, where the
    question asks for no document; `hits` itself where it does or none is such a list."""
    if not hits or _ASKS_DOCUMENT.search(question):
        return hits
    listed = [lists_documents(h) for h in hits]
    if not any(listed) or all(listed):
        return hits
    return [h for h, x in zip(hits, listed) if not x] + [h for h, x in zip(hits, listed) if x]
