"""Plain-text and Markdown loader: pages split on form feeds, blocks on blank lines; text that
keeps a printed UN document's layout (a repeated symbol line) goes line by line instead
(rag.ingest.layout_text), like a PDF."""

from __future__ import annotations

import re
from pathlib import Path

from rag.errors import ParseError
from rag.ingest.layout_text import load_layout_text, looks_laid_out
from rag.ingest.structure import Block, PageText


def decode_text(data: bytes, path: Path) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16 with a BOM; refuse binary data."""
    if not data.strip():
        raise ParseError(f"{path}: empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ParseError(f"{path}: invalid UTF-16 text ({exc.reason})") from exc
    if b"\x00" in data[:4096]:
        raise ParseError(f"{path}: binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        if text.count("\ufffd") > len(text) // 100:
            raise ParseError(f"{path}: not UTF-8 text and not readable as Windows-1252") from None
        return text


_MD_HEADING = re.compile(r"^#{1,6}\s+")


def load_text(path: Path, data: bytes) -> list[PageText]:
    """Pages of blocks from a .txt or .md file."""
    text = decode_text(data, path).replace("\r\n", "\n").replace("\r", "\n")
    markdown = path.suffix.lower() == ".md"
    if not markdown and looks_laid_out(text):
        return load_layout_text(text)
    pages: list[PageText] = []
    for page_no, page in enumerate(text.split("\f"), start=1):
        blocks: list[Block] = []
        for chunk in re.split(r"\n[ \t]*\n", page):
            if not chunk.strip():
                continue
            if markdown and _MD_HEADING.match(chunk.strip()):
                lines = chunk.strip().splitlines()
                blocks.append(Block(_MD_HEADING.sub("", lines[0]), page=page_no, kind="heading"))
                rest = "\n".join(lines[1:]).strip()
                if rest:
                    blocks.append(Block(rest, page=page_no))
                continue
            blocks.append(Block(chunk.strip("\n"), page=page_no))
        pages.append(PageText(blocks=blocks))
    return pages
