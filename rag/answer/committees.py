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
    naming none ("At the same meeting, the Committee adopted ...", A/52/621, para. 8), its document's
    title, masthead or first paragraph names only others ("Report of the Third Committee", "to
    allocate it to the Third Committee"); a committee the document names further on is no report's
    own (a treaty body's report, A/80/48, tells of the Third Committee in its para. 37), though a
    document that never names the asked one is from another's, or from none's."""
    asked = main_committees(question)
    if len(asked) != 1:
        return None
    opening = evidence.document.split("\n", 1)[0]
    for text in (evidence.paragraph, "\n".join((evidence.title, evidence.masthead, opening))):
        named = main_committees(text)
        if asked[0] in named:
            return None
        if named:
            return Mismatch(Constraint("organization", f"{asked[0]} Committee", f"the {asked[0]} Committee"),
                            f"the {named[0]} Committee")
    named = main_committees(evidence.document)
    if asked[0] not in named:
        label = f"the {asked[0]} Committee"
        if named:
            return Mismatch(Constraint("organization", label, label), f"the {named[0]} Committee",
                            "is from a document that tells of {found}, not {label}")
        return Mismatch(Constraint("names", label, label), "", "never names {label}")
    return None
