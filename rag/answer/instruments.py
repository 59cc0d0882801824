"""Near misses by the instrument a question asks about: "the Optional Protocol to the Convention
on the Rights of the Child" answered with a paragraph on the Convention itself ("the Convention
on the Rights of the Child has 196 States Parties"). The paragraph names the parent instrument
and not the protocol or amendment the question adds to it, so its figure is the parent's."""

from __future__ import annotations

import re

from rag.answer.evidence import Constraint, Evidence, Mismatch

# "the (First / Second) Optional Protocol to the Convention on ...", "the amendment to article 20
# (1) of the Convention", "the Protocol to the Treaty": the addition and its parent instrument,
# named up to a comma, a question mark or a clause.
_ADDITION = re.compile(
    r"\b((?:(?:First|Second|Third)\s+)?Optional\s+Protocol|Protocol|[Aa]mendments?)\s+to\s+"
    r"(?:article\s+\d+(?:\s*\(\d+\))?\s+of\s+)?(?:the\s+)?"
    r"((?:International\s+)?(?:Convention|Covenant|Treaty|Agreement)\b[^?,;]{0,80}?)"
    r"(?=\s+(?:as\s+at|at|by|since|during|before|after|when|had|have|has|was|were|is|are|in\s+\d{4})\b|[?,;]|$)")
_PARENT_HEAD = re.compile(r"\b(?:Convention|Covenant|Treaty|Agreement)\b")


def asked_additions(question: str) -> list[tuple[str, str]]:
    """(addition, parent) pairs the question names: ("Optional Protocol", "Convention on the
    Rights of the Child")."""
    return [(" ".join(m.group(1).split()), " ".join(m.group(2).split())) for m in _ADDITION.finditer(question)]


def check_instrument(question: str, evidence: Evidence) -> Mismatch | None:
    """The protocol or amendment the question asks about, where the paragraph names its parent
    instrument (the parent's words past its head: "on the Rights of the Child") but never the
    addition, and neither the paragraph's section nor its document's title names the addition
    (a report on the protocol need not repeat it)."""
    for addition, parent in asked_additions(question):
        kind = addition.split()[-1].lower().rstrip("s")  # "protocol", "amendment"
        around = f"{evidence.section} {evidence.title}"
        if re.search(rf"\b{kind}", evidence.paragraph, re.IGNORECASE) or re.search(rf"\b{kind}", around, re.IGNORECASE):
            continue
        if _names_parent(parent, evidence.paragraph):
            return Mismatch(Constraint("instrument", addition, f"the {addition.lower()} to it"), f"the {parent}",
                            "is about {found} itself, not {label}")
    return None


def _names_parent(parent: str, paragraph: str) -> bool:
    """Whether the paragraph names the parent instrument: its full name, or its head with the
    words that follow it in the question ("Convention ... Rights of the Child")."""
    if parent.lower() in paragraph.lower():
        return True
    head = _PARENT_HEAD.search(parent)
    rest = parent[head.end():].strip() if head else ""
    words = [w for w in re.findall(r"[A-Z][\w-]+", rest)]
    return head is not None and bool(words) and re.search(rf"\b{head.group(0)}\b", paragraph) is not None \
        and all(w in paragraph for w in words)
