"""DOCX loader (docx2python): Word paragraphs with auto-numbering, heading styles and real footnotes.

docx2python renders Word's automatic numbering ("1)\t") and reports each paragraph's list
position; a top-level numbered list item becomes a numbered-paragraph candidate, deeper levels
and bulleted items stay in their paragraph as sub-paragraphs (without their bullet). Footnote
references ("----footnote3----") become marker sentinels and the footnote bodies become footnote
blocks. DOCX has no fixed pages.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from rag.errors import ParseError
from rag.ingest.blocks import Block, PageText, marker_token
from rag.ingest.patterns import TYPED_NUMBER

_NOTE_REF = re.compile(r"----(?:footnote|endnote)(\d{1,3})----")
_LIST_PREFIX = re.compile(r"^\s*(?:\(?[0-9A-Za-z]{1,6}[.)]|[•◦▪\-–])\t")
# A bulleted list item as docx2python renders it ("--\t", "•\t"): an item of the paragraph it
# follows, never a numbered paragraph, whatever its position in its list.
_BULLET = re.compile(r"^\s*(?:--|[•◦▪\-–o])\t")
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


def _read(path: Path, data: bytes) -> tuple[list, list]:
    """(body paragraphs, footnote and endnote paragraphs) of a .docx file."""
    from docx2python import docx2python

    if not data:
        raise ParseError(f"{path}: empty file")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ParseError(f"{path}: not a DOCX file (not a zip archive)")
    try:
        with docx2python(io.BytesIO(data)) as content:
            return _pars(content.document_pars), _pars(content.footnotes_pars) + _pars(content.endnotes_pars)
    except Exception as exc:  # docx2python raises KeyError/XML errors on damaged parts
        raise ParseError(f"{path}: corrupt DOCX ({type(exc).__name__}: {exc})") from None


def _numbered(par, text: str) -> tuple[str, str | None]:
    """(text, paragraph number): a top-level list item's number written before its text, or a
    number typed by hand; bulleted items and deeper list levels are sub-paragraphs without one."""
    _, positions = par.list_position if par.list_position else (None, [])
    if _BULLET.match(text):
        return _BULLET.sub("", text, count=1), None
    if not positions:
        m = TYPED_NUMBER.match(text)
        return text, m.group(1) if m else None
    text = _LIST_PREFIX.sub("", text, count=1)
    if len(positions) == 1:
        number = str(positions[0])
        return f"{number}. {text}", number
    return text, None


def _body_block(par) -> Block | None:
    text = _text(par)
    if not text.strip() or _FOOTNOTE_HEAD.match(text.strip()):
        return None
    text, number = _numbered(par, text)
    text = _NOTE_REF.sub(lambda m: marker_token(m.group(1)), text).replace("\t", " ").strip()
    heading = (par.style or "").lower().startswith(("heading", "title"))
    return Block(text, page=1, kind="heading" if heading else "body", number=None if heading else number,
                 bold=heading)


def _note_block(par) -> Block | None:
    text = _text(par).strip()
    m = _FOOTNOTE_HEAD.match(text)
    if m and text[m.end():].strip():
        return Block(f"{m.group(1)} {text[m.end():].strip()}", page=1, kind="footnote")
    return None


def load_docx(path: Path, data: bytes) -> list[PageText]:
    """One page of paragraph blocks (plus footnote blocks) from a .docx file."""
    body, notes = _read(path, data)
    blocks = [b for b in map(_body_block, body) if b is not None]
    blocks += [b for b in map(_note_block, notes) if b is not None]
    if not any(b.kind != "footnote" for b in blocks):
        raise ParseError(f"{path}: no text found")
    return [PageText(blocks=blocks, paged=False)]
