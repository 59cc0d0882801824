"""The version of a document the question asks for: "the report as originally issued" is not
answered from its revision (TPNW/MSP/2025/11/Rev.1), nor "the revised report (Rev.1)" from the
original."""

from __future__ import annotations

import re

from rag.answer.evidence import Constraint, Evidence, Mismatch

# "as originally issued", "the original version", "before its revision".
_ORIGINAL = re.compile(r"\b(?:originally\s+(?:issued|published|circulated|released)|(?:the\s+)?original\s+"
                       r"(?:version|issue|edition|text)\b|before\s+(?:its|the)\s+revision)", re.IGNORECASE)
# "Rev.1", as a revision's symbol ends ("the revised version" of a book or a policy is no symbol's).
_REVISED = re.compile(r"(?<![\w/])Rev\.\s?\d+\b", re.IGNORECASE)
_REVISION_SYMBOL = re.compile(r"/Rev\.\d+$", re.IGNORECASE)


def asks_version(question: str) -> bool:
    """Whether the question names the version of a document it asks about."""
    return bool(_ORIGINAL.search(question) or _REVISED.search(question))


def check_version(question: str, evidence: Evidence) -> Mismatch | None:
    """The question asks for the original of a document and the paragraph is of a revision, or
    for a revision and the paragraph is of a document issued under no revision symbol."""
    revision = next((s for s in evidence.symbols if _REVISION_SYMBOL.search(s)), None)
    if revision is not None and _ORIGINAL.search(question):
        return Mismatch(Constraint("version", "original", "the original version"), f"the revised version ({revision})",
                        template="is {found}, not {label}")
    asked = _REVISED.search(question)
    if revision is None and asked and evidence.symbols:
        return Mismatch(Constraint("version", "revised", f"the revised version ({asked.group(0)})"),
                        f"the original version ({evidence.symbols[0]})", template="is {found}, not {label}")
    return None
