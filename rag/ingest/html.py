"""HTML loader (selectolax): headings, paragraphs and list items; boilerplate dropped; footnotes kept.

Navigation, headers, footers, scripts, forms and asides are dropped, except a footnote section
(`class`/`id` containing "footnote", `role="doc-endnotes"`), whose items become footnote
blocks. `<sup>` note references become marker sentinels. Items of an `<ol>` are numbered
paragraph candidates (honouring `start` and `value`). HTML has no fixed pages.
"""

from __future__ import annotations

import re
from pathlib import Path

from rag.errors import ParseError
from rag.ingest.blocks import Block, PageText, marker_token
from rag.ingest.decode import decode_text
from rag.ingest.patterns import TYPED_NUMBER

_DROP = "script, style, noscript, nav, header, footer, form, aside, template, svg, iframe, button"
_NOTE_SECTION = re.compile(r"foot-?notes?|endnotes?|doc-endnotes", re.IGNORECASE)
_BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd", "dt", "td", "th", "pre"}


def _is_note_section(node) -> bool:
    attrs = node.attributes
    return any(_NOTE_SECTION.search(attrs.get(k) or "") for k in ("class", "id", "role"))


def _text(node) -> str:
    """The node's text with <sup> note references as marker sentinels."""
    for sup in node.css("sup"):
        digits = re.sub(r"\D", "", sup.text() or "")
        if digits and len(digits) <= 3:
            sup.replace_with(marker_token(digits))
    return re.sub(r"\s+", " ", node.text(separator=" ")).strip()


def _note_blocks(root) -> list[Block]:
    """The footnote sections' items as footnote blocks, the sections taken out of the tree."""
    notes: list[Block] = []
    for section in [n for n in root.css("*") if _is_note_section(n)]:
        items = section.css("li") or section.css("p")
        for i, item in enumerate(items, start=1):
            body = re.sub(r"\s*[↩↑]\s*$", "", _text(item))
            m = re.match(r"^\[?(\d{1,3})[\].)]?\s+", body)
            number, body = (m.group(1), body[m.end():]) if m else (str(i), body)
            if body:
                notes.append(Block(f"{number} {body}", page=1, kind="footnote"))
        section.decompose()
    return notes


def _block(node) -> Block | None:
    """A heading, or a paragraph with its number (an <ol> item's, or one typed by hand)."""
    body = _text(node)
    if not body:
        return None
    tag = node.tag
    if tag.startswith("h") and tag[1:].isdigit():
        return Block(body, page=1, kind="heading", bold=True)
    number = None
    if tag == "li" and node.parent is not None and node.parent.tag == "ol":
        number = _ol_number(node)
        body = f"{number}. {body}"
    elif (m := TYPED_NUMBER.match(body)):
        number = m.group(1)
    return Block(body, page=1, number=number)


def load_html(path: Path, data: bytes) -> list[PageText]:
    """One page of blocks from an .html/.htm file."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    tree = HTMLParser(decode_text(data, path))
    root = tree.body or tree.root
    if root is None:
        raise ParseError(f"{path}: no HTML body")
    notes = _note_blocks(root)
    for node in root.css(_DROP):
        node.decompose()
    nodes = [n for n in root.css(", ".join(sorted(_BLOCK_TAGS)))
             if not any(p.tag in _BLOCK_TAGS for p in _ancestors(n))]  # a nested block is in its parent's text
    blocks = [b for b in map(_block, nodes) if b is not None]
    if not blocks:
        raise ParseError(f"{path}: no text found")
    return [PageText(blocks=blocks + notes, paged=False)]


def _ancestors(node):
    p = node.parent
    while p is not None:
        yield p
        p = p.parent


def _ol_number(item) -> str:
    parent = item.parent
    value = int(parent.attributes.get("start") or 1) if (parent.attributes.get("start") or "1").isdigit() else 1
    for sib in parent.iter():
        if sib.tag != "li":
            continue
        v = sib.attributes.get("value")
        if v and v.isdigit():
            value = int(v)
        if sib is item or sib.mem_id == item.mem_id:
            return str(value)
        value += 1
    return str(value)
