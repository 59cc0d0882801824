"""Bytes of a text format (.txt, .md, .html) into a string, or a one-line ParseError."""

from __future__ import annotations

from pathlib import Path

from rag.errors import ParseError


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
