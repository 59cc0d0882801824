"""A kind of answer the question asks for that the best paragraph cannot give: a share ("What
share of the vote did Abdirahman Irro win?" answered from a paragraph that says only that he
won), a time of day ("At what time do afternoon meetings begin?" answered from a paragraph that
gives the morning's) or a sum of money ("How much did the General Assembly appropriate ...?"
answered from a paragraph that gives none)."""

from __future__ import annotations

import re

from rag.answer.evidence import Constraint, Evidence, Mismatch

_SHARE_Q = re.compile(r"\bwhat (?:share|percentage|per ?cent|proportion|fraction)\b|"
                      r"\bhow (?:large|big) (?:a )?(?:share|slice|proportion)\b", re.IGNORECASE)
_SHARE = re.compile(r"\d\s*(?:per\s*cent|%|percent)|\b(?:half|third|thirds|quarter|quarters|fifth|tenth|majority|"
                    r"proportion|share)\b", re.IGNORECASE)
_TIME_Q = re.compile(r"\bat what time\b|\bwhat time of (?:the )?day\b", re.IGNORECASE)  # not "what time period"
_CLOCK = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:a\.m\.|p\.m\.)|\bnoon\b|\bmidnight\b", re.IGNORECASE)
_SUM_Q = re.compile(r"\bhow much (?:money|funding|funds)\b|\bhow much did\b[^?]{0,80}?\b(?:cost|pledge|raise|spend|"
                    r"contribute|allocate|appropriate|mobilize|embezzle)\b|\bwhat (?:amount|sum) of (?:money|funding)\b|"
                    r"\bhow many dollars\b", re.IGNORECASE)
_SUM = re.compile(r"[$€£¥]|\b(?:dollars?|euros?|francs?|pounds|CHF|SwF|EUR|USD|shillings?|dinars?|gourdes?|"
                  r"rupees?|yuan|yen)\b", re.IGNORECASE)
_KINDS = ((_SHARE_Q, _SHARE, "a share"), (_TIME_Q, _CLOCK, "a time of day"), (_SUM_Q, _SUM, "a sum of money"))


def asks_kind(question: str) -> bool:
    """Whether the question asks for a share, a time of day or a sum of money."""
    return any(asked.search(question) for asked, _, _ in _KINDS)


def check_kind(question: str, evidence: Evidence) -> Mismatch | None:
    """The share, time of day or sum the question asks for, where the paragraph states none."""
    for asked, stated, label in _KINDS:
        if asked.search(question) and not stated.search(evidence.paragraph):
            return Mismatch(Constraint("kind", label, label), "", "does not give {label}")
    return None
