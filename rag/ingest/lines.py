"""Paragraphs from line-level blocks (PDF lines, DOCX and HTML paragraphs).

A paragraph starts at a line whose leading number is the next one in the document's
numbering chain; everything up to the next start (sub-paragraphs, lines continued on the
next page) belongs to it. Headings (bold or "I. Title" short lines) update the section path.
An "Annex" heading opens a segment whose numbering restarts. Segments without a numbering
chain get running paragraph numbers. Footnote markers arrive as sentinels from the loader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag.ingest.structure import (
    _SENTINEL_RE, Block, PageText, Sections, best_chain, clean_text, page_label, printed_pages)
from rag.models import Footnote, Paragraph

_ANNEX_RE = re.compile(r"^(?:Annex|ANNEX)(?:es|ES)?(?:\s+([IVXLC]{1,6}|\d{1,2}|[A-Z]))?(?:\s+to\s+the\s+.{0,200})?$")
_HEAD_NUM_RE = re.compile(r"^(?:[IVXL]{1,6}\.|[A-Z]\.|\d{1,2}(?:\.\d{1,2})*\.)\s+\S")
_TERMINAL_RE = re.compile(r"[.;:!?,]\W{0,2}$")
_NUMBER_RE = re.compile(r"^(\d{1,3})\.\s*")
_WORD_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


@dataclass
class _Segment:
    annex: str  # "" for the body, "annex", "annex II"...
    lines: list[Block] = field(default_factory=list)


def _segments(lines: list[Block], body_size: float) -> list[_Segment]:
    segs = [_Segment("")]
    for ln in lines:
        m = _ANNEX_RE.match(ln.text.strip())
        if m and (not ln.size or ln.bold or ln.size > body_size + 0.9 or ln.kind == "heading"):
            segs.append(_Segment("annex " + m.group(1) if m.group(1) else "annex"))
            continue
        segs[-1].lines.append(ln)
    return [s for s in segs if s.lines]


def _ends_sentence(text: str) -> bool:
    return bool(_TERMINAL_RE.search(_SENTINEL_RE.sub("", text).rstrip()))


def _heading_like(ln: Block, body_size: float) -> bool:
    text = _SENTINEL_RE.sub("", ln.text).strip()
    if not text or len(text) > 180 or _ends_sentence(text) and not ln.kind == "heading":
        return False
    if ln.kind == "heading":
        return True
    if text[0].islower() or text.startswith(("(", "•", "-", "–")):
        return False
    words = len(text.split())
    if ln.bold or (body_size and ln.size > body_size + 0.9):
        return words <= 24
    if ln.italic:
        return words <= 14
    return bool(_HEAD_NUM_RE.match(text)) and words <= 14


def _strong_heading(ln: Block, body_size: float) -> bool:
    """A heading by its type alone: a styled heading, larger type, or bold with a heading number."""
    return ln.kind == "heading" or bool(body_size and ln.size > body_size + 0.9) or \
        (ln.bold and bool(_HEAD_NUM_RE.match(ln.text)))


def _continues_heading(ln: Block, head: Block, body_size: float) -> bool:
    """A wrapped heading's next line: same type, styled like a heading, no heading number."""
    styled = ln.bold or bool(body_size and ln.size > body_size + 0.9)
    return bool(ln.size) and styled and ln.bold == head.bold and abs(ln.size - head.size) < 0.3 \
        and ln.page == head.page and not _HEAD_NUM_RE.match(ln.text) and ln.number is None


def _candidates(seg: _Segment, body_size: float) -> list[tuple[int, int, float]]:
    """(line index, number, weight) of lines that may open a numbered paragraph."""
    xs: dict[int, int] = {}
    cands = []
    for i, ln in enumerate(seg.lines):
        if ln.number is None:
            continue
        weight = 1.0
        if _heading_like(ln, body_size) or ln.bold:
            weight = 0.4
        elif ln.item:  # an agenda or list numbered 1, 2, 3 inside a paragraph is not the document's numbering
            weight = 0.6
        cands.append((i, int(ln.number), weight))
        xs[round(ln.x)] = xs.get(round(ln.x), 0) + 1
    if xs and len(xs) > 1:
        edge = max(xs, key=lambda k: xs[k])
        cands = [(i, n, w + (0.2 if abs(seg.lines[i].x - edge) < 3 else 0.0)) for i, n, w in cands]
    return cands


def _starts(seg: _Segment, body_size: float) -> dict[int, str]:
    """Line index -> paragraph number for the segment's best numbering chain."""
    cands = _candidates(seg, body_size)
    chain = best_chain([(n, w) for _, n, w in cands])
    return {cands[k][0]: str(cands[k][1]) for k in chain} if len(chain) >= 2 else {}


def _join(parts: list[str], vocab: set[str]) -> str:
    """Join lines, repairing line-end hyphenation with the document's own vocabulary."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if not out:
            out = part
            continue
        last = out[-1]
        if last in "\ufffe\u00ad-" and part[:1].islower():
            head = re.search(r"([A-Za-z]+)[\ufffe\u00ad-]$", out)
            tail = re.match(r"[a-z]+", part)
            soft = last == "\u00ad"
            if head and tail and (soft or ((head.group(1) + tail.group(0)).lower() in vocab
                                           and f"{head.group(1)}-{tail.group(0)}".lower() not in vocab)):
                out = out[:-1] + part
            else:
                out = out[:-1] + "-" + part
        elif last in "\ufffe\u00ad":
            out = out[:-1] + "-" + part
        else:
            out = out + " " + part
    return out.replace("\ufffe", "-").replace("\u00ad", "")


def _vocabulary(lines: list[Block]) -> set[str]:
    vocab: set[str] = set()
    for ln in lines:
        vocab.update(w.lower() for w in _WORD_RE.findall(ln.text))
    return vocab


class _Builder:
    """Accumulates one segment's paragraphs, headings and markers."""

    def __init__(self, pages: list[PageText], labels: list[str], notes: "Notes", vocab: set[str]) -> None:
        self.pages, self.labels, self.notes, self.vocab = pages, labels, notes, vocab
        self.out: list[Paragraph] = []
        self.parts: list[str] = []
        self.first_page = self.last_page = 0
        self.number: str | None = None
        self.section = ""
        self.annex = ""
        self.running = False
        self.marker_pages: list[tuple[str, int]] = []
        self.min_words = 0

    def start(self, number: str, section: str, annex: str, running: bool, page: int, min_words: int = 0) -> None:
        self.flush()
        self.min_words = min_words
        self.number, self.section, self.annex, self.running = number, section, annex, running
        self.first_page = self.last_page = page
        self.parts, self.marker_pages = [], []

    def add(self, text: str, page: int) -> None:
        if self.number is None:
            return
        self.parts.append(text)
        self.last_page = page
        self.marker_pages.extend((m, page) for m in _SENTINEL_RE.findall(text))

    def flush(self) -> None:
        if self.number is None:
            return
        text = clean_text(_SENTINEL_RE.sub("", _join(self.parts, self.vocab)))
        if text and len(text.split()) >= self.min_words:
            self.out.append(Paragraph(
                number=self.number, text=text, section=self.section, annex=self.annex, running=self.running,
                page=page_label(self.labels, self.first_page, self.last_page) if self.pages[0].paged else None,
                footnotes=[Footnote(marker=m, text=self.notes.lookup(m, p)) for m, p in self.marker_pages]))
        self.number = None


class Notes:
    """Footnote bodies by (page, number), with a document-wide fallback by number."""

    def __init__(self, pages: list[PageText], vocab: set[str]) -> None:
        self.by_page: dict[tuple[int, str], str] = {}
        self.by_number: dict[str, str] = {}
        current: list[str] = []
        key: tuple[int, str] | None = None
        last = 0

        def close() -> None:
            if key is not None:
                text = clean_text(_SENTINEL_RE.sub("", _join(current, vocab)))
                self.by_page[key] = text
                self.by_number.setdefault(key[1], text)

        for idx, page in enumerate(pages):
            for b in page.blocks:
                if b.kind != "footnote":
                    continue
                text = _SENTINEL_RE.sub(lambda m: m.group(1), b.text).strip()
                m = re.match(r"^(\d{1,3})(?![\d,./:])\s*", text)
                num = int(m.group(1)) if m else 0
                if m and (last < num <= last + 40 or num == 1 or key is None or key[0] != idx):
                    close()
                    key, last = (idx, m.group(1)), int(m.group(1))
                    current = [text[m.end():]]
                elif key is not None:
                    current.append(text)
        close()

    def lookup(self, number: str, page: int) -> str:
        return self.by_page.get((page, number)) or self.by_number.get(number, "")


def assemble(pages: list[PageText], symbol: str | None) -> list[Paragraph]:
    """Numbered (or running) paragraphs from line-level pages."""
    labels = printed_pages(pages)
    lines: list[Block] = []
    for idx, page in enumerate(pages):
        for b in page.blocks:
            if b.kind in ("body", "heading"):
                b.page = idx
                lines.append(b)
    if not lines:
        return []
    sizes = sorted(b.size for b in lines if b.size)
    body_size = sizes[len(sizes) // 2] if sizes else 0.0
    vocab = _vocabulary(lines)
    notes = Notes(pages, vocab)
    builder = _Builder(pages, labels, notes, vocab)
    sections = Sections()
    for seg in _segments(lines, body_size):
        if seg.annex:
            sections = Sections()
        starts = _starts(seg, body_size)
        if not starts:
            _running(seg, builder, sections, body_size)
            continue
        first = min(starts)
        if first:  # summary or covering text before the numbering: kept, with running numbers
            _running(_Segment(seg.annex, seg.lines[:first]), builder, sections, body_size, min_words=8)
        prev_heading = False
        last_head: Block | None = None
        seen_first = False
        for i, ln in enumerate(seg.lines[first:], start=first):
            if i in starts:
                seen_first = True
                builder.start(starts[i], sections.path, seg.annex, False, ln.page)
                builder.add(_NUMBER_RE.sub("", ln.text, count=1), ln.page)
                prev_heading = False
                continue
            if prev_heading and last_head is not None and _continues_heading(ln, last_head, body_size):
                sections.extend_last(clean_text(_SENTINEL_RE.sub("", ln.text)))
                last_head = ln
                continue
            prior = builder.parts[-1] if builder.parts and builder.number else ""
            if _heading_like(ln, body_size) and (not prior or _ends_sentence(prior) or _strong_heading(ln, body_size)) \
                    and (seen_first or _HEAD_NUM_RE.match(ln.text) or ln.kind == "heading"):
                text = clean_text(_SENTINEL_RE.sub("", ln.text))
                if prev_heading and not _HEAD_NUM_RE.match(text) and ln.kind != "heading":
                    sections.extend_last(text)
                else:
                    sections.push(text)
                prev_heading, last_head = True, ln
                continue
            prev_heading = False
            builder.add(ln.text, ln.page)
        builder.flush()
    return builder.out


def _running(seg: _Segment, builder: _Builder, sections: Sections, body_size: float, min_words: int = 0) -> None:
    """A segment without numbering: a paragraph per visual block, counted from 1."""
    prev: Block | None = None
    for ln in seg.lines:
        if _heading_like(ln, body_size) and (prev is None or _ends_sentence(prev.text) or _strong_heading(ln, body_size)) \
                and (not min_words or _HEAD_NUM_RE.match(ln.text) or ln.kind == "heading"):
            builder.flush()
            sections.push(clean_text(_SENTINEL_RE.sub("", ln.text)))
            prev = None
            continue
        if min_words and (ln.bold or (body_size and ln.size > body_size + 0.9)):
            continue  # masthead and title lines before the numbered text
        gap = prev is not None and prev.page == ln.page and ln.size and (prev.y - ln.y) > 1.6 * max(ln.size, 1.0)
        indent = prev is not None and ln.size and ln.x - prev.x > 8 and _ends_sentence(prev.text)
        if builder.number is None or not ln.y or gap or indent:
            builder.flush()
            count = sum(1 for p in builder.out if p.running and p.annex == seg.annex) + 1
            builder.start(str(count), sections.path, seg.annex, True, ln.page, min_words)
        builder.add(ln.text, ln.page)
        prev = ln
    builder.flush()
