"""Printed page numbers: read from each page's furniture, or inferred from its neighbours."""

from __future__ import annotations

import re

from rag.ingest.blocks import PageText
from rag.ingest.patterns import JOB_NUMBER, PAGE_OF_PAGES, SYMBOL_LIKE


# Front matter (summary, contents) is numbered in small roman numerals beside the job number:
# "GE.25-09438 (E) iii" (a lone "i" may be a scanned page's speck).
_ROMAN_PAGE = re.compile(r"(?=[ivx])(?:xl|x{0,3})(?:ix|iv|v?i{0,3})")  # i to xlix
_ROMAN_VALUES = (("xl", 40), ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))


def _roman(n: int) -> str:
    out = ""
    for letters, value in _ROMAN_VALUES:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _roman_value(text: str) -> int:
    return next(n for n in range(1, 50) if _roman(n) == text)


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
    implies: in the front matter (before the first page with an arabic number), the roman number
    counted from a page that prints one; elsewhere the arabic number under the document's most
    common offset between printed and physical numbers."""
    found = [_page_number(page) for page in pages]
    offsets = [int(n) - i for i, n in enumerate(found) if n is not None and n.isdigit()]
    offset = max(set(offsets), key=offsets.count) if offsets else 1
    body = next((i for i, n in enumerate(found) if n is not None and n.isdigit()), len(found))
    roman = next(((i, _roman_value(n)) for i, n in enumerate(found[:body]) if n is not None), None)
    out = []
    for i, n in enumerate(found):
        counted = roman[1] + i - roman[0] if roman is not None and i < body else 0
        out.append(n if n is not None else _roman(counted) if counted >= 1 else
                   str(i + offset if i + offset >= 1 else i + 1))
    return out


def page_label(labels: list[str], first: int, last: int) -> str:
    """"15" or "15-16" for a paragraph running over a page break."""
    a, b = labels[first], labels[last]
    return a if a == b else f"{a}-{b}"
