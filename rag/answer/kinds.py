"""A kind of answer the question asks for that the best paragraph cannot give: a share ("What
share of the vote did Abdirahman Irro win?" answered from a paragraph that says only that he
won) or a time of day ("At what time do afternoon meetings begin?" answered from a paragraph
that gives the morning's)."""

from __future__ import annotations

import re

from rag.answer.evidence import Constraint, Evidence, Mismatch

_SHARE_Q = re.compile(r"\bwhat (?:share|percentage|per ?cent|proportion|fraction)\b|"
                      r"\bhow (?:large|big) (?:a )?(?:share|slice|proportion)\b", re.IGNORECASE)
_SHARE = re.compile(r"\d\s*(?:per\s*cent|%|percent)|\b(?:half|third|thirds|quarter|quarters|fifth|tenth|majority|"
                    r"proportion|share)\b", re.IGNORECASE)
_TIME_Q = re.compile(r"\bat what time\b|\bwhat time of (?:the )?day\b", re.IGNORECASE)  # not "what time period"
_CLOCK = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:a\.m\.|p\.m\.)|\bnoon\b|\bmidnight\b", re.IGNORECASE)
_KINDS = ((_SHARE_Q, _SHARE, "a share"), (_TIME_Q, _CLOCK, "a time of day"))


def asks_kind(question: str) -> bool:
    """Whether the question asks for a share or a time of day."""
    return any(asked.search(question) for asked, _, _ in _KINDS)


def check_kind(question: str, evidence: Evidence) -> Mismatch | None:
    """The share or time of day the question asks for, where the paragraph states none."""
    for asked, stated, label in _KINDS:
        if asked.search(question) and not stated.search(evidence.paragraph):
            return Mismatch(Constraint("kind", label, label), "", "does not give {label}")
    return None
