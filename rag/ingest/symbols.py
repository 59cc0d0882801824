"""UN document symbols: find them in text, normalise them, read a document's own from its first
page, derive one from a file name."""

from __future__ import annotations

import re
from pathlib import Path

from rag.ingest.blocks import Block, PageText, unmark

# A symbol is an organ prefix followed by slash-separated parts, at least one with a digit:
# A/59/377, A/HRC/59/60, S/2025/154, E/CN.5/2025/4, A/79/7/Add.12, TPNW/MSP/2025/11/Rev.1.
_PART = r"[A-Z0-9][A-Za-z0-9.]*"
SYMBOL_RE = re.compile(rf"(?<![\w/])([A-Z][A-Z0-9]{{0,9}}(?:\.\d+)?(?:/{_PART})+)(?:\s?[-–]\s?([A-Z][A-Z0-9]*(?:/{_PART})+))?")


# How far into a body line the document's own symbol may stand (`United Nations System CEB/2025/4`).
_HEADER_REACH = 40


def _valid(sym: str) -> bool:
    return "/" in sym and any(ch.isdigit() for ch in sym)


def normalise_symbol(sym: str) -> str:
    """Canonical form: no spaces, no trailing punctuation."""
    sym = re.sub(r"\s+", "", sym).rstrip(".,;:")
    return sym


def find_symbols(text: str) -> list[str]:
    """All symbols in `text`, in order, with joint symbols (`A/80/75-E/2025/55`) split."""
    out: list[str] = []
    for m in SYMBOL_RE.finditer(text):
        for part in m.groups():
            if part and _valid(normalise_symbol(part)):
                out.append(normalise_symbol(part))
    return out


def symbol_from_filename(path: Path) -> str:
    """Fallback symbol from a file name such as `A_79_7_Add.12.en.pdf` -> `A/79/7/Add.12`."""
    stem = path.name
    for suffix in (".pdf", ".docx", ".html", ".htm", ".txt", ".md"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    stem = re.sub(r"\.(en|fr|es|ar|ru|zh)$", "", stem)
    candidate = stem.replace("_", "/")
    if _valid(candidate) and SYMBOL_RE.fullmatch(candidate):
        return candidate
    return path.name


def document_symbols(pages: list[PageText]) -> list[str]:
    """The symbol(s) printed in the first page's header (a joint document has several): the
    first page's furniture from the top, then its first body lines, then the second page's
    furniture; or those the loader read itself. A body line's symbol counts only near its start
    (`United Nations A/80/2`): one further on is a document the text cites."""
    if not pages:
        return []
    if pages[0].symbols is not None:
        return pages[0].symbols
    first = pages[0].blocks
    top = sorted((b for b in first if b.kind == "furniture"), key=lambda b: -b.y)
    rest = [b for b in first if b.kind != "furniture"][:12]
    later = [b for p in pages[1:2] for b in p.blocks if b.kind == "furniture"]
    blocks = [*top, *rest, *later]
    for i, block in enumerate(blocks):
        text = _header_text(block)
        syms = find_symbols(text)
        if syms and block.kind != "furniture" and text.find(syms[0]) > _HEADER_REACH:
            continue
        if syms:
            end = text.find(syms[0]) + len(syms[0]) + 2
            own = [x for x in syms if text.find(x) <= end]
            return list(dict.fromkeys(normalise_symbol(x) for x in own + _stacked(blocks[i + 1:])))
    return []


def _header_text(block: Block) -> str:
    """A header line's text with the spaces a PDF sets around a symbol's slashes removed."""
    return re.sub(r"\s*/\s*", "/", unmark(block.text[:300]))


def _stacked(following: list[Block]) -> list[str]:
    """The symbols printed one under the other after the document's first (a joint document:
    `A/52/826` over `S/1998/222`): each following line that is one symbol and nothing else."""
    out = []
    for block in following:
        text = _header_text(block).strip()
        syms = find_symbols(text)
        if len(syms) != 1 or normalise_symbol(text) != syms[0]:
            break
        out.append(syms[0])
    return out
