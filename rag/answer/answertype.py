"""What kind of answer a question asks for (a time, a number, a name) and whether a sentence
offers one that the question does not already contain: a small, generic cue for quoting."""

from __future__ import annotations

import re

from rag.textutil import words

_TIME_Q = re.compile(r"\bwhen\b|\bwhat (?:year|years|decade|century|date|day|month|time|era|period)\b|"
                     r"\bwhich (?:year|century|decade|month|day)\b|\bhow long ago\b", re.I)
_NUMBER_Q = re.compile(r"\bhow (?:many|much|long|old|far|large|big|tall|high|fast|often)\b|"
                       r"\bwhat (?:percentage|percent|number|amount|proportion|fraction|size|population)\b", re.I)
_NAME_Q = re.compile(r"\b(?:who|whom|whose|where)\b", re.I)

_TIME = re.compile(r"\b(?:1[0-9]{3}|20[0-9]{2})s?\b|\b(?:January|February|March|April|May|June|July|August|"
                   r"September|October|November|December)\b|\bcentur(?:y|ies)\b|\b\d{1,2}:\d{2}\b|\b(?:BC|AD|BCE|CE)\b")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half|several)\b", re.I)
# A capitalised word that does not open the sentence.
_NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+")


def question_type(question: str) -> str | None:
    """"time", "number", "name", or None when the question does not say."""
    if _TIME_Q.search(question):
        return "time"
    if _NUMBER_Q.search(question):
        return "number"
    if _NAME_Q.search(question):
        return "name"
    return None


_PATTERNS = {"time": _TIME, "number": _NUMBER, "name": _NAME}


def offers_answer(kind: str | None, sentence: str, question: str) -> bool:
    """True when `sentence` holds a `kind` of expression (date, number, name) absent from the question."""
    if kind is None:
        return False
    asked = set(words(question))
    return any(m.group(0).lower() not in asked for m in _PATTERNS[kind].finditer(sentence))
