"""Plain-text and Markdown loader: text that keeps a printed UN document's layout (a repeated
symbol line) is read line by line (rag.ingest.layout_text), like a PDF; other text is split
into pages on form feeds and blocks on blank lines, a Markdown heading a block of its own, and
read as flat text (rag.ingest.flat_text)."""

from __future__ import annotations

import re
from pathlib import Path

from rag.ingest.blocks import PageText
from rag.ingest.decode import decode_text
from rag.ingest.flat_text import load_flat_text
from rag.ingest.layout_text import load_layout_text, looks_laid_out

_MD_HEADING = re.compile(r"^#{1,6}\s+")


def _blocks(page: str, markdown: bool) -> list[str]:
    """The page's blank-line blocks; a Markdown heading line without its "#"s, apart from the rest."""
    blocks: list[str] = []
    for chunk in re.split(r"\n[ \t]*\n", page):
        if not chunk.strip():
            continue
        if markdown and _MD_HEADING.match(chunk.strip()):
            lines = chunk.strip().splitlines()
            rest = "\n".join(lines[1:]).strip()
            blocks += [_MD_HEADING.sub("", lines[0]), *([rest] if rest else [])]
        else:
            blocks.append(chunk.strip("\n"))
    return blocks


def load_text(path: Path, data: bytes) -> list[PageText]:
    """Pages of line blocks from a .txt or .md file."""
    text = decode_text(data, path).replace("\r\n", "\n").replace("\r", "\n")
    markdown = path.suffix.lower() == ".md"
    if not markdown and looks_laid_out(text):
        return load_layout_text(text)
    return load_flat_text([_blocks(page, markdown) for page in text.split("\f")])
