"""Which documents a search may cite: by symbol (exact, or a pattern with `*`), by issuing body
and by year of issue; the filters combine (every one given must hold).

- symbol: one of the symbols a document is issued under, case and spaces aside (a joint
  symbol as printed, A/79/947-S/2025/372, stands for either part);
  `*` stands for any characters (`S/2025/*`, `A/80/*`, `*/Add.1`).
- body: the document's body (rag.ingest.metadata: "Security Council", "Executive Board of
  UNDP, UNFPA and UNOPS", "General Assembly; Security Council" for a joint one, "Economic and
  Social Council; Commission on the Status of Women" for a functional commission's) contains the
  text, case aside ("security council", "Executive Board", "UNDP"); or the text is a common
  abbreviation of one of its organs (BODY_ABBREVIATIONS: GA, SC, ECOSOC, HRC, CSW...).
- year: the year of the document's date of issue, `2025` or a range `2024-2025` (both ends
  included); a document without a printed date never matches.

`Filters.mask(index)` gives the paragraphs that may be cited (None: no filter, every one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from rag.answer.subjects import cited_symbols
from rag.errors import NotFoundError, UsageError
from rag.index.symbols import key, suggestion, typed_symbols
from rag.index.store import DocumentRecord, OpenIndex

BODY_ABBREVIATIONS = {
    "GA": "General Assembly", "UNGA": "General Assembly", "SC": "Security Council",
    "UNSC": "Security Council", "ECOSOC": "Economic and Social Council", "HRC": "Human Rights Council",
    "CEB": "Chief Executives Board for Coordination", "JIU": "Joint Inspection Unit",
    "TDB": "Trade and Development Board", "CSW": "Commission on the Status of Women",
    "CPC": "Committee for Programme and Coordination", "CPD": "Commission on Population and Development",
    "CSOCD": "Commission for Social Development",
    "HLPF": "High-level political forum on sustainable development",
    "EMRIP": "Expert Mechanism on the Rights of Indigenous Peoples",
    "CEDAW": "Committee on the Elimination of Discrimination against Women", "CAT": "Committee against Torture",
    "CRC": "Committee on the Rights of the Child", "UNGEGN": "United Nations Group of Experts on Geographical Names",
}
_YEAR = re.compile(r"^\s*(\d{4})\s*(?:[-–]\s*(\d{4})\s*)?$")


@dataclass(frozen=True)
class Filters:
    """Document filters of a search or question; an empty one allows every paragraph."""

    symbol: str | None = None
    body: str | None = None
    year: str | None = None  # "2025" or "2024-2025"

    def __post_init__(self) -> None:
        self.years()  # a malformed year is refused at once

    @classmethod
    def given(cls, symbol: str | None = None, body: str | None = None,
              year: str | int | None = None) -> Filters | None:
        """The filters a front end was given (a year may come as a number), or None for none."""
        year = None if year is None else str(year)
        return cls(symbol=symbol, body=body, year=year) if (symbol or body or year) else None

    def __bool__(self) -> bool:
        return any(v and v.strip() for v in (self.symbol, self.body, self.year))

    def years(self) -> tuple[int, int] | None:
        """The year range (first, last) the year filter allows, or None."""
        if not self.year or not self.year.strip():
            return None
        m = _YEAR.match(self.year)
        if not m:
            raise UsageError(f"year {self.year.strip()!r}: expected YYYY or YYYY-YYYY (e.g. 2025 or 2024-2025)")
        if int(m.group(2) or m.group(1)) < int(m.group(1)):
            raise UsageError(f"year {self.year.strip()!r}: the range ends before it starts "
                             f"(write {m.group(2)}-{m.group(1)})")
        return int(m.group(1)), int(m.group(2) or m.group(1))

    def describe(self) -> str:
        """The filters as given, for messages: `symbol "S/2025/*", year "2025"`."""
        return ", ".join(f'{name} "{value.strip()}"' for name, value in
                         (("symbol", self.symbol), ("body", self.body), ("year", self.year)) if value and value.strip())

    def allows(self, doc: DocumentRecord) -> bool:
        """True when the document passes every filter given."""
        return self._passes(_symbol_pattern(self.symbol), self.years(), doc)

    def document_rows(self, index: OpenIndex) -> list[int]:
        """Rows of the documents that pass (rag.index.store.OpenIndex.documents)."""
        symbol, years = _symbol_pattern(self.symbol), self.years()
        return [d.row for d in index.documents() if self._passes(symbol, years, d)]

    def _passes(self, symbol: re.Pattern[str] | None, years: tuple[int, int] | None, doc: DocumentRecord) -> bool:
        return ((symbol is None or any(symbol.match(s.upper()) for s in (doc.symbol, *doc.symbols)))
                and _body_matches(self.body, doc.body, doc.title) and _year_matches(years, doc.date))

    def mask(self, index: OpenIndex) -> np.ndarray | None:
        """Paragraphs of the documents that pass, or None when no filter is given."""
        if not self:
            return None
        return np.isin(index.paragraph_documents(), np.asarray(self.document_rows(index), dtype=np.int32))

    def check(self, index: OpenIndex) -> None:
        """NotFoundError naming the closest symbols when no indexed document has the symbol
        asked for; UsageError naming the filters when no document passes them together."""
        if not self or self.document_rows(index):
            return
        if self.symbol and self.symbol.strip() and not Filters(symbol=self.symbol).document_rows(index):
            known = [s for d in index.documents() for s in (d.symbol, *d.symbols)]
            raise NotFoundError(f"no indexed document has symbol {self.symbol.strip()!r}"
                                f"{suggestion(self.symbol, known)}",
                                fix="list the documents with `rag index status --documents`")
        raise UsageError(f"no indexed document matches {self.describe()}",
                         fix="check the filter, or list the documents with `rag index status --documents`")


def _symbol_pattern(pattern: str | None) -> re.Pattern[str] | None:
    """The symbol filter as a regular expression over upper-cased symbols (`*`: any characters;
    a joint symbol as printed matches either of its parts)."""
    if not pattern or not pattern.strip():
        return None
    alternatives = ("(?:" + ".*".join(re.escape(p) for p in key(one).split("*")) + ")" for one in typed_symbols(pattern))
    return re.compile("|".join(alternatives) + r"\Z")


def _body_matches(wanted: str | None, body: str, title: str = "") -> bool:
    """Whether the document's body (or a commission, committee ... printed under it) holds the
    text asked for, or its title is the report of that body ("Report of the Disarmament
    Commission for 2025", which the General Assembly issues)."""
    if not wanted or not wanted.strip():
        return True
    text = " ".join(wanted.split())
    full = BODY_ABBREVIATIONS.get(text.upper())
    organs = [o.strip().lower() for o in body.split(";")]
    if full is not None:  # "SC" is the Security Council, not any body with "sc" in its name
        return full.lower() in organs or _reported(full, title)
    return text.lower() in body.lower() or _reported(text, title)


# The nouns of a body's name that words of its name may follow ("Committee on the Elimination of
# Discrimination against Women", "Group of Experts on Geographical Names"): not an office ("Report
# of the Secretary-General on Somalia" is no report of a body named Somalia).
_BODY_NOUNS = (r"(?:Committee|Commission|Council|Group|Experts|Conference|Board|Forum|Panel|Mechanism|Meeting|"
               r"Tribunal|Court|Assembly|Parties|Partnership|Platform|Network|Unit|Office|Programme|Fund)")
# Capitalised words (not set in capitals) opening a reported body's name before the text asked.
_NAME_LEAD = (r"(?:(?-i:[A-Z][a-z][\w-]*)\s+){0,3}?(?:(?-i:" + _BODY_NOUNS + r")\s+(?:on|of|for|against)\s+"
              r"(?:the\s+)?(?:(?-i:[A-Z][a-z][\w-]*)\s+){0,3}?)*")


def _reported(text: str, title: str) -> bool:
    """Whether the title is the report of a body whose name holds `text` whole: "Report of the
    Disarmament Commission for 2025" for "Disarmament Commission", "Report of the Committee on the
    Elimination of Discrimination against Women" for "Elimination of Discrimination against Women"."""
    return re.search(rf"\breport\s+of\s+the\s+{_NAME_LEAD}{re.escape(text)}(?![\w-])", title, re.IGNORECASE) is not None


def _year_matches(years: tuple[int, int] | None, date: str) -> bool:
    if years is None:
        return True
    return date[:4].isdigit() and years[0] <= int(date[:4]) <= years[1]


def cited_documents_mask(index: OpenIndex, question: str) -> np.ndarray | None:
    """Paragraphs of the indexed documents the question cites by symbol ("According to
    S/2025/154, how many troops ...?"), or None where it cites none the index holds (a draft it
    names, "the amendment (A/C.2/79/L.51)", is found in the report that records it)."""
    masks = [m for named in cited_symbols(question) if (m := Filters(symbol=named).mask(index)) is not None and m.any()]
    return np.logical_or.reduce(masks) if masks else None
