"""Printed page numbers: read from each page's furniture, or inferred from its neighbours."""

from __future__ import annotations

import re

from rag.ingest.blocks import PageText
from rag.ingest.patterns import JOB_NUMBER, PAGE_OF_PAGES, SYMBOL_LIKE


def _furniture_page_number(text: str) -> str | None:
    m = PAGE_OF_PAGES.search(text) or re.fullmatch(r"(?:Page|PAGE)\s+(\d{1,4})", text)
    if m:
        return m.group(1)
    rest = SYMBOL_LIKE.sub(" ", JOB_NUMBER.sub(" ", text)).strip()
    return rest if re.fullmatch(r"\d{1,4}", rest) else None


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
    implies under the document's most common offset between printed and physical numbers."""
    found = [_page_number(page) for page in pages]
    offsets = [int(n) - i for i, n in enumerate(found) if n is not None]
    offset = max(set(offsets), key=offsets.count) if offsets else 1
    return [n if n is not None else str(i + offset if i + offset >= 1 else i + 1) for i, n in enumerate(found)]


def page_label(labels: list[str], first: int, last: int) -> str:
    """"15" or "15-16" for a paragraph running over a page break."""
    a, b = labels[first], labels[last]
    return a if a == b else f"{a}-{b}"
