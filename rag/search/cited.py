"""A question that cites one paragraph by its document's symbol and its number, the way such
documents are cited ("What does A/79/772, para. 17 say?", "paragraph 49 of A/59/377", "A/59/377,
annex I, para. 3", "A/80/38, part two, para. 12", "A/80/42, para. 21, report of Working Group II,
para. 9", "E/CN.9/2025/6, annex, p. 15, ¶ 6"): the user names the paragraph, so the paragraph is the answer."""

from __future__ import annotations

import re

from rag.textutil import SYMBOL

_PARA_WORD = r"(?:paragraph|para\.?|¶)\s*"
_NUMBER = _PARA_WORD + r"(\d{1,4}[a-z]?)\b(?![./]\d)"
_ANNEX = r"annex(?:\s+[IVXLC]+|\s+\d{1,2})?"
_PART = r"part\s+(?:one|two|three|four|five|six)"
# Where in the document: "part two, annex I, " before the paragraph number.
_PLACE = rf"((?:{_PART}\s*,\s*)?(?:{_ANNEX}\s*,?\s*)?|{_PART}\s*,\s*)?"
# An embedded text's paragraph after the report's: ", draft resolution II, para. 8", ", report of
# Working Group II, para. 9", ", decision 22/1, ¶ 2", ", draft resolution, section B, para. 3".
_EMBEDDED = (r"(?:\s*,\s*((?:draft\s+)?(?:resolution|decision)\b[^,?]{0,30}?"
             r"(?:\s*,\s*(?:section|sect\.|part)\s*(?:[A-H](?:\.[IVX]+)?|[IVX]+)\b)?"
             r"|report\s+of\s+[^,?]{3,60}?)\s*,\s*"
             r"(?:(?:paragraph|para\.?)\s*|(¶)\s*)(\d{1,4}[a-z]?)\b)?")
# "A/79/772, para. 17", "A/80/44 (para. 12)", "A/80/38, part two, para. 12"
_AFTER_SYMBOL = re.compile(rf"({SYMBOL.pattern})\s*[,(]?\s*{_PLACE}{_NUMBER}{_EMBEDDED}", re.IGNORECASE)
# What `rag` prints for unnumbered text and tables, asked back: "E/CN.9/2025/6, annex, p. 15, ¶ 6",
# "DP/FPA/2025/7, p. 4, table 1", "A/80/150, p. 1-2, ¶ 2".
_RUNNING_AFTER_SYMBOL = re.compile(rf"({SYMBOL.pattern})\s*,?\s*{_PLACE}(pp?\.\s*\d{{1,4}}(?:\s*[-–]\s*\d{{1,4}})?\s*,\s*"
                                   r"(?:¶\s*\d{1,3}|table\s+\d{1,3}))\b", re.IGNORECASE)
# "paragraph 17 of A/79/772", "para. 3 of annex I to A/59/377", "paragraph 10 of the annex to S/2025/303",
# "paragraph 17 of document A/79/772"
_BEFORE_SYMBOL = re.compile(rf"{_NUMBER}\s+of\s+(?:(?:the\s+)?({_ANNEX})\s+(?:to|of)\s+)?(?:(?:the\s+)?document\s+)?"
                            rf"({SYMBOL.pattern})", re.IGNORECASE)


def cited_paragraph(question: str) -> tuple[str, str] | None:
    """(symbol, number as `rag show` reads it: "17", "annex I, para. 3", "para. 21, report of
    Working Group II, para. 9") of the one paragraph the question cites; None where it cites
    none, more than one, or names another document too."""
    found = {(m.group(1).rstrip("."), _as_cited(m.group(2), m.group(3), m.group(4),
                                                (m.group(5) or "") + m.group(6) if m.group(6) else None))
             for m in _AFTER_SYMBOL.finditer(question)}
    found |= {(m.group(3).rstrip("."), _as_cited(m.group(2), m.group(1))) for m in _BEFORE_SYMBOL.finditer(question)}
    found |= {(m.group(1).rstrip("."), _as_cited(m.group(2), m.group(3), running=True))
              for m in _RUNNING_AFTER_SYMBOL.finditer(question)}
    found = {(symbol, number) for symbol, number in found if any(ch.isdigit() for ch in symbol)}
    named = {m.group(0).rstrip(".").upper() for m in SYMBOL.finditer(question) if any(ch.isdigit() for ch in m.group(0))}
    # one paragraph of the one document the question names ("Under A/RES/78/245, para. 5, what did
    # ... report in A/79/772?" asks of A/79/772, not of the resolution's paragraph)
    return found.pop() if len(found) == 1 and len(named) == 1 else None


# Words that ask for the paragraph itself ("What does A/79/772, para. 17 say?", "Show me ...").
_READING = re.compile(r"\b(?:say|says|said|state|states|stated|read|reads|show|display|quote|print|contain|"
                      r"contains|provide|provides|text|wording)\b", re.IGNORECASE)


def without_citation(question: str) -> str:
    """What the question asks of the paragraph it cites: the question without the citation and
    the words that ask for the paragraph itself ("" for "What does A/79/772, para. 17 say?")."""
    cited = _RUNNING_AFTER_SYMBOL.sub(" ", _BEFORE_SYMBOL.sub(" ", _AFTER_SYMBOL.sub(" ", question)))
    return _READING.sub(" ", cited)


def _as_cited(place: str | None, number: str, part: str | None = None, inner: str | None = None,
              running: bool = False) -> str:
    """The paragraph as `rag show` reads it: "annex I, para. 3", "para. 21, report of ..., para. 9",
    "annex, p. 15, ¶ 6" (`running`: a page's unnumbered paragraph or table as printed)."""
    place = " ".join((place or "").split()).rstrip(", ")
    number = " ".join(number.split())
    cited = f"{place}, {number}" if place and running else f"{place}, para. {number}" if place else number
    if part and inner:  # "¶2": a running paragraph of the embedded text, as printed
        inner = f"¶ {inner[1:]}" if inner.startswith("¶") else f"para. {inner}"
        cited = f"{cited if place else f'para. {number}'}, {' '.join(part.split())}, {inner}"
    return cited


def writes_symbol(text: str, symbols: list[str]) -> bool:
    """Whether the text writes one of the symbols as it is ("the amendments contained in document
    A/C.4/50/L.7"; not "A/C.4/50/L.70")."""
    return any(re.search(rf"(?<![\w/.]){re.escape(s)}(?![\w])", text) for s in symbols)
