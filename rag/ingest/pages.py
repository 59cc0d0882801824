"""Printed page numbers: read from each page's furniture, or inferred from its neighbours."""

from __future__ import annotations

import re

from rag.ingest.blocks import PageText
from rag.ingest.patterns import JOB_NUMBER, PAGE_OF_PAGES, SYMBOL_LIKE


# Front matter (summary, contents) is numbered in small roman numerals beside the job number:
# "GE.25-09438 (E) iii" (a lone "i" may be a scanned page's speck).
_ROMAN_PAGE = re.compile(r"[ivxl]{1,7}")


def _furniture_page_number(text: str) -> str | None:
    m = PAGE_OF_PAGES.search(text) or re.fullmatch(r"(?:Page|PAGE)\s+(\d{1,4})", text)
    if m:
        return m.group(1)
    rest = SYMBOL_LIKE.sub(" ", JOB_NUMBER.sub(" ", text)).strip()
    roman = _ROMAN_PAGE.fullmatch(rest) is not None and JOB_NUMBER.search(text) is not None
    return rest if re.fullmatch(r"\d{1,4}", rest) or roman else None


def _page_number(page: PageText) -> str | None:
    if page.printed is not None:
        return page.printed
    for b in page.blocks:
        if b.kind == "furniture":
            num = _furniture_page_number(b.text.strip())
            if num:
                return num
    return None


def printed_pages(pages: list[PageText]) -> list[str]:
    """The printed page number of each page; a page without one gets the number its position
    implies under the document's most common offset between printed and physical numbers (front
    matter keeps its roman numbers, which set no offset)."""
    found = [_page_number(page) for page in pages]
    offsets = [int(n) - i for i, n in enumerate(found) if n is not None and n.isdigit()]
    offset = max(set(offsets), key=offsets.count) if offsets else 1
    return [n if n is not None else str(i + offset if i + offset >= 1 else i + 1) for i, n in enumerate(found)]


def page_label(labels: list[str], first: int, last: int) -> str:
    """"15" or "15-16" for a paragraph running over a page break."""
    a, b = labels[first], labels[last]
    return a if a == b else f"{a}-{b}"
