"""Ingestion: find supported files under the given paths and parse each into a Document.

A loader per format (pdf, docx, html, text) reads a file into pages of line blocks; one
assembler (rag.ingest.assemble) turns them into numbered paragraphs by the UN rules."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

from rag.errors import ParseError, SourceError
from rag.ingest.assemble import build_document
from rag.ingest.blocks import PageText
from rag.ingest.containers import (
    CONTAINERS,
    DEFAULT_MAX_FILE_MB,
    MB,
    check_size,
)
from rag.ingest.symbols import symbol_from_filename
from rag.models import Document

Loader = Callable[[Path, bytes], list[PageText]]


def _loaders() -> dict[str, Loader]:
    from rag.ingest.docx import load_docx
    from rag.ingest.html import load_html
    from rag.ingest.pdf import load_pdf
    from rag.ingest.text import load_text

    return {".txt": load_text, ".md": load_text, ".pdf": load_pdf, ".docx": load_docx,
            ".html": load_html, ".htm": load_html}


SUPPORTED = (".pdf", ".docx", ".html", ".htm", ".txt", ".md")


def discover(paths: Iterable[Path], allow_empty: bool = False) -> tuple[list[Path], list[Path]]:
    """(supported files, skipped files) under `paths`; a missing path is an error, and so is
    finding no supported file unless `allow_empty`."""
    found: list[Path] = []
    skipped: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise SourceError(f"{path}: no such file or folder")
        candidates = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for p in candidates:
            if p.name.startswith("."):
                continue
            (found if p.suffix.lower() in SUPPORTED else skipped).append(p.resolve())
    unique = list(dict.fromkeys(found))
    if not unique and not allow_empty:
        names = ", ".join(str(p) for p in paths)
        raise SourceError(f"{names}: no supported file ({', '.join(SUPPORTED)})")
    return unique, skipped


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parse_file(path: Path, data: bytes | None = None, max_mb: float = DEFAULT_MAX_FILE_MB) -> Document:
    """Parse one file into a Document; raises ParseError naming the file (one larger than
    `max_mb`, or a DOCX or PDF whose parts or streams inflate beyond it, is refused before parsing)."""
    loader = _loaders().get(path.suffix.lower())
    if loader is None:
        raise ParseError(f"{path}: unsupported file type {path.suffix or '(none)'}")
    max_bytes = int(max_mb * MB)
    if data is None:
        try:
            check_size(path, path.stat().st_size, max_bytes)
            data = path.read_bytes()
        except OSError as exc:  # includes a file removed between discovery and parsing
            raise ParseError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    check_size(path, len(data), max_bytes)
    check_inflated = CONTAINERS.get(path.suffix.lower())
    if check_inflated is not None:
        check_inflated(path, data, max_bytes)
    try:
        pages = loader(path, data)
        doc = build_document(pages, source=str(path), fallback_symbol=symbol_from_filename(path),
                             content_hash=file_hash(data))
    except ParseError:
        raise
    except Exception as exc:  # a damaged file must fail alone, with one line naming it
        raise ParseError(f"{path}: cannot parse ({type(exc).__name__}: {exc})") from None
    if not doc.paragraphs:
        raise ParseError(f"{path}: no text found")
    return doc
