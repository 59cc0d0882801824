"""A number the question gives that the best paragraph's document never writes: "What did the
Israel Defense Forces set up at United Nations position 22?" answered from a report that writes
of position 10 only. Years, days of a month and document symbols are checked elsewhere."""

from __future__ import annotations

import re

from rag.answer.evidence import Constraint, Evidence, Mismatch
from rag.textutil import MONTH_PATTERN, NUMBER_WORDS, STOPWORDS

_SYMBOL = re.compile(r"\b[A-Z][A-Za-z.]{0,8}(?:/[A-Za-z0-9.]+)+")
_DAY = re.compile(rf"\b\d{{1,2}}\s+{MONTH_PATTERN}\b|\b{MONTH_PATTERN}\s+\d{{1,2}}\b", re.IGNORECASE)
# A number, not a decade ("the 70's", "1970s") nor a duration ("100 years"), which are written in
# other words as often as not.
_NUMBER = re.compile(r"(?<![\w.,/+-])(\d+(?:,\d{3})*(?:\.\d+)?)(?![\w/'’]|[.,]\d)"
                     r"(?!\s+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries)\b)")
_YEAR = re.compile(r"1\d{3}|20\d\d")
_BEFORE = re.compile(r"([A-Za-z][\w-]*)\s*$")


def given_numbers(question: str) -> list[tuple[str, str]]:
    """The numbers a question gives, each with how to name it: the number and the word before it
    ("position 22"); years, days of a month and the numbers of document symbols are left out."""
    text = _DAY.sub(" ", _SYMBOL.sub(" ", question))
    out = []
    for m in _NUMBER.finditer(text):
        number = m.group(1).replace(",", "")
        if _YEAR.fullmatch(m.group(1)):
            continue
        before = _BEFORE.search(text[:m.start()])
        named = before is not None and before.group(1).lower() not in STOPWORDS
        out.append((number, f"{before.group(1)} {m.group(1)}" if named else m.group(1)))
    return out


def writes_number(text: str, number: str) -> bool:
    """Whether the text writes the number: with or without a thousands comma, or in words up to twenty."""
    whole, _, decimals = number.partition(".")
    digits = re.sub(r"(?<=\d)(?=(?:\d{3})+$)", ",?", whole)  # "1301" -> "1,?301"
    pattern = digits + (r"\." + decimals if decimals else "")
    if re.search(r"(?<![\d.,])" + pattern + r"(?!\d|[.,]\d)", text):
        return True
    return not decimals and int(whole) < len(NUMBER_WORDS) and re.search(rf"\b{NUMBER_WORDS[int(whole)]}\b", text, re.IGNORECASE) is not None


def check_numbers(question: str, evidence: Evidence) -> Mismatch | None:
    """A number the question gives that neither the paragraph's document nor its symbols write."""
    whole = " ".join((evidence.document, evidence.paragraph, evidence.title))
    for number, label in given_numbers(question):
        if not writes_number(whole, number):
            return Mismatch(Constraint("number", number, label), "", "is from a document that never writes {label}")
    return None
