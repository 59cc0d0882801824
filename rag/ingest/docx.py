"""DOCX loader (docx2python): Word paragraphs with auto-numbering, heading styles and real footnotes.

docx2python renders Word's automatic numbering ("1)\t") and reports each paragraph's list
position; a top-level list item becomes a numbered-paragraph candidate, deeper levels stay in
their paragraph as sub-paragraphs. Footnote references ("----footnote3----") become marker
sentinels and the footnote bodies become footnote blocks. DOCX has no fixed pages.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from rag.errors import ParseError
from rag.ingest.structure import Block, PageText, marker_token

_NOTE_REF = re.compile(r"----(?:footnote|endnote)(\d{1,3})----")
_LIST_PREFIX = re.compile(r"^\s*(?:\(?[0-9A-Za-z]{1,6}[.)]|[•◦▪\-–])\t")
_TYPED_NUMBER = re.compile(r"^(\d{1,3})\.\s+\S")
_FOOTNOTE_HEAD = re.compile(r"^(?:footnote|endnote)(\d{1,3})\)\t?\s*")


def _pars(tree) -> list:
    out: list = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        else:
            out.append(node)
    return out


def _text(par) -> str:
    return "".join(par.run_strings)


def load_docx(path: Path, data: bytes) -> list[PageText]:
    """One page of paragraph blocks (plus footnote blocks) from a .docx file."""
    from docx2python import docx2python

    if not data:
        raise ParseError(f"{path}: empty file")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ParseError(f"{path}: not a DOCX file (not a zip archive)")
    try:
        with docx2python(io.BytesIO(data)) as content:
            body = _pars(content.document_pars)
            notes = _pars(content.footnotes_pars) + _pars(content.endnotes_pars)
    except Exception as exc:  # docx2python raises KeyError/XML errors on damaged parts
        raise ParseError(f"{path}: corrupt DOCX ({type(exc).__name__}: {exc})") from None
    blocks: list[Block] = []
    for par in body:
        text = _text(par)
        if not text.strip() or _FOOTNOTE_HEAD.match(text.strip()):
            continue
        number = None
        _, positions = par.list_position if par.list_position else (None, [])
        listed = bool(positions)
        if listed:
            text = _LIST_PREFIX.sub("", text, count=1)
            if len(positions) == 1:
                number = str(positions[0])
                text = f"{number}. {text}"
        elif (m := _TYPED_NUMBER.match(text)):
            number = m.group(1)
        text = _NOTE_REF.sub(lambda m: marker_token(m.group(1)), text).replace("\t", " ").strip()
        kind = "heading" if (par.style or "").lower().startswith(("heading", "title")) else "body"
        blocks.append(Block(text, page=1, kind=kind, number=number if kind == "body" else None,
                            bold=kind == "heading"))
    for par in notes:
        text = _text(par).strip()
        m = _FOOTNOTE_HEAD.match(text)
        if m and text[m.end():].strip():
            blocks.append(Block(f"{m.group(1)} {text[m.end():].strip()}", page=1, kind="footnote"))
    if not any(b.kind != "footnote" for b in blocks):
        raise ParseError(f"{path}: no text found")
    return [PageText(blocks=blocks, lines=True, paged=False)]
