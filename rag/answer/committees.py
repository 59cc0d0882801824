"""Near misses between the General Assembly's Main Committees, named by their ordinal: the question
asks what "the Third Committee" adopted and the best paragraph tells of the Fourth Committee's vote,
or is of the Fourth Committee's report, which says "the Committee" of its own only."""

from __future__ import annotations

import re

from rag.answer.evidence import Constraint, Evidence, Mismatch

_MAIN_COMMITTEE = re.compile(r"\b(First|Second|Third|Fourth|Fifth|Sixth)\s+Committee\b", re.IGNORECASE)


def main_committees(question: str) -> list[str]:
    """The Main Committees the question names ("Third" of "the Third Committee"), in its order."""
    return list(dict.fromkeys(m.group(1).capitalize() for m in _MAIN_COMMITTEE.finditer(question)))


def check_main_committee(question: str, evidence: Evidence) -> Mismatch | None:
    """The one Main Committee the question names where the paragraph names only others ("the
    Special Political and Decolonization Committee (Fourth Committee)", A/53/603, para. 1), or,
    naming none ("At the same meeting, the Committee adopted ...", A/52/621, para. 8), its document
    names only others."""
    asked = main_committees(question)
    if len(asked) != 1:
        return None
    for text in (evidence.paragraph, "\n".join((evidence.title, evidence.masthead, evidence.document))):
        named = main_committees(text)
        if asked[0] in named:
            return None
        if named:
            return Mismatch(Constraint("organization", f"{asked[0]} Committee", f"the {asked[0]} Committee"),
                            f"the {named[0]} Committee")
    return None
