"""Near misses by the span of time a figure covers: "How much have global sea levels risen over
the past 100 years?" answered from "Over the past 30 years, global sea levels have risen by 9 cm".
The paragraph measures over another span of the same unit and never over the asked one."""

from __future__ import annotations

import re

from rag.answer.evidence import Constraint, Evidence, Mismatch
from rag.answer.numbers import NUMBER_WORDS

# A span's count in words: "two" to "twenty" (rag.answer.numbers.NUMBER_WORDS), and the round ones past it.
_WORDS = {word: n for n, word in enumerate(NUMBER_WORDS) if n >= 2} | {
    "twenty-five": 25, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}
# "the past 30 years", "over the last two decades", "in the previous 12 months"
_COUNT = "|".join(sorted(_WORDS, key=len, reverse=True))  # "twenty-five" before "twenty"
_SPAN = re.compile(rf"\b(?:past|last|previous|preceding)\s+(\d{{1,4}}|{_COUNT})\s+(years|decades|months|weeks|days)\b",
                   re.IGNORECASE)


def _spans(text: str) -> set[tuple[int, str]]:
    """(count, unit) of each span a text measures back from its time: "the past 30 years" -> (30, "years")."""
    out = set()
    for m in _SPAN.finditer(text):
        count = m.group(1).lower()
        out.add((int(count) if count.isdigit() else _WORDS[count], m.group(2).lower()))
    return out


# A span counted from a year ("since 1993") may be the asked one, written otherwise.
_SINCE = re.compile(r"\bsince\s+(?:19|20)\d\d\b", re.IGNORECASE)


def asks_span(question: str) -> bool:
    """Whether the question measures over a span back from its time ("over the past 100 years")."""
    return bool(_SPAN.search(question))


def check_span(question: str, evidence: Evidence) -> Mismatch | None:
    """A span the question measures over ("the past 100 years") where the paragraph measures over
    another of the same unit and not it, nor from a year ("since 1993")."""
    if _SINCE.search(evidence.paragraph):
        return None
    given = _spans(evidence.paragraph)
    for count, unit in sorted(_spans(question)):
        others = sorted(n for n, u in given if u == unit)
        if others and count not in others:
            label = f"the past {count} {unit}"
            return Mismatch(Constraint("span", label, label), f"the past {others[0]} {unit}")
    return None
