"""Document focus: the part of a question that picks a paragraph inside its document.

Questions over official documents often name the document before asking something of it:
"In the Secretary-General's July 2025 report on West Africa and the Sahel, which country
announced ...?". The clause that names the document finds it, but inside it those words match
the paragraphs that restate the document's subject (the introduction, the mandate) better than
the one that answers. Once the document is found with the whole question, its paragraphs are
ranked for the question without that clause (rag.search.retriever.Retriever.focused).
"""

from __future__ import annotations

import re

# A leading clause, then the question proper: "In the Fourth Committee's October 1998 report
# on ..., what recorded vote ...".
_OPENING = r"(?:In|According to|Under|Per|From|Based on|As (?:reported|described|stated|noted) in)"
_ASKING = (r"(?:what|which|who|whom|whose|how|when|where|why|did|does|do|is|are|was|were|has|have|had|"
           r"(?:to|by|on|in|for|at|with|under|from|of|against|since|until|after|before|during) "
           r"(?:what|which|whom|whose|how))\b")
DOCUMENT_CLAUSE = re.compile(rf"^{_OPENING}\s+(?P<clause>[^?]{{10,}}?),\s+(?={_ASKING})", re.IGNORECASE)
# The clause names a document or a meeting (not a time or a place: "In the 1960s, what ...").
_DOCUMENT_WORDS = re.compile(
    r"\b(?:report|letter|note|resolution|decision|document|review|communication|statement|record|minutes|"
    r"plan|memorandum|summary|submission|proposal|budget|evaluation|study|conclusions|observations|"
    r"declaration|agenda|annex|session|meeting|conference|audit|assessment|programme|strategy)s?\b",
    re.IGNORECASE)


def _clause(question: str) -> re.Match[str] | None:
    m = DOCUMENT_CLAUSE.match(question)
    return m if m is not None and _DOCUMENT_WORDS.search(m.group("clause")) else None


def document_clause(question: str) -> str | None:
    """The question's leading clause that names a document ("the Fourth Committee's October 1998
    report on ..."), or None."""
    m = _clause(question)
    return None if m is None else m.group("clause")


def focus(question: str) -> str:
    """The question without a leading clause that names a document (unchanged when it has none)."""
    m = _clause(question)
    if m is None:
        return question
    rest = question[m.end():]
    return rest[:1].upper() + rest[1:]
