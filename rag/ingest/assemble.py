"""The one paragraph assembler: every loader's pages of line blocks into a Document.

A paragraph starts at a line whose number is the next one in the document's numbering chain
(rag.ingest.numbering); everything up to the next start (sub-paragraphs, lines continued on
the next page) belongs to it. Headings update the section path. An "Annex" heading opens a
segment whose numbering restarts. A draft resolution or decision the report carries
(rag.ingest.parts) is a part of its own: its paragraphs keep their own numbers and the report's
numbering resumes after it. Text before the first numbered paragraph (summary,
covering letter) and segments without numbering get running paragraph numbers, a paragraph
per visual block. Footnote markers arrive as sentinels from the loaders and are linked to the
footnote bodies of the same page. Paragraphs carry their printed page numbers.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rag.ingest.blocks import BOXED, SENTINEL_RE, Block, PageText, strip_markers
from rag.ingest.footnotes import Notes
from rag.ingest.glossary import without_glossary
from rag.ingest.headings import (
    LARGER,
    Sections,
    continues_heading,
    ends_sentence,
    heading_like,
    heading_text,
    larger,
    numbered_heading,
    strong_heading,
)
from rag.ingest.joining import clean_text, join_lines, vocabulary
from rag.ingest.metadata import read_metadata
from rag.ingest.numbering import paragraph_starts
from rag.ingest.pages import page_label, printed_pages
from rag.ingest.parts import Part, letter_items, split_parts
from rag.ingest.parts import sections as text_sections
from rag.ingest.patterns import (
    ANNEX,
    CHAPTER_HEADING,
    COVER_MARK,
    CREDIT_LINE,
    HEADING_NUMBER,
    LETTER,
    LETTER_HEADING_START,
    MASTHEAD_BLOCK,
    NUMBER_PREFIX,
    RECOMMENDATION_BOX,
    RECORDS_COVER,
    REPORT_PART,
    ROMAN_HEADING_START,
    TABLE_NUMBER,
)
from rag.ingest.symbols import document_symbols
from rag.ingest.units import cap_units
from rag.models import RECOMMENDATION, TABLE, Document, Footnote, Paragraph

RECORDS_COVER_PAGES = 1  # the last page (from 0) an Official Records cover stands on
PREAMBLE_MIN_WORDS = 8  # shorter blocks before the numbered text are masthead lines, not paragraphs
# A line that goes on with the one before: it opens with a lower-case word (not a table note's
# letter, "a Accession.", nor a roman page number, "iv 25-10679").
_GOES_ON = re.compile(r"(?!(?:x{0,3}(?:ix|iv|v?i{1,3}|v)|x{1,3})\b)[a-z][a-z’'-]+\b")
# A list item, however short, is text: "(c) Classification of energetic samples;" in a summary.
_LIST_ITEM = re.compile(r"^\((?:[a-z]{1,2}|[ivxl]{1,5}|\d{1,2})\)\s+\w")
MASTHEAD_CHARS = 200  # a masthead line (or block of them) is at most this long
GAP = 1.6  # a vertical gap wider than this many type sizes separates two blocks
UNKNOWN_SIZE = 10.0  # points: the body size taken where a line's type size is not known
LINE_SPACING = 1.3  # type sizes between two lines of one paragraph, at most (a heading stands further off)
LIST_TITLE_WORDS = 12  # a numbered list item this short that ends no sentence is a title ("11. Other matters")
SENTENCE_HEADING_WORDS = 12  # a heading this long ending with a full stop is also text (`_sentence_heading`)
_FULL_STOP = re.compile(r"\w[)”’\"']?\.[”’\"']?$")
INDENT = 8.0  # points of first-line indent that open a new block after a sentence end


def build_document(pages: list[PageText], *, source: str, fallback_symbol: str,
                   title: str = "", content_hash: str = "") -> Document:
    """The Document a loader's pages make: symbol(s), title, date, body and session from the
    first page (rag.ingest.metadata), paragraphs assembled, none longer than one unit
    (rag.ingest.units)."""
    symbols = document_symbols(pages)
    paged = bool(pages) and pages[0].paged
    symbol = symbols[0] if symbols else fallback_symbol
    meta = read_metadata(pages, symbol)
    return Document(symbol=symbol, source=source, paragraphs=cap_units(assemble(pages)), title=title or meta.title,
                    content_hash=content_hash, pages=len(pages) if paged else 0, symbols=symbols,
                    date=meta.date, body=meta.body, session=meta.session, venue=meta.venue)


def _next_item(ln: Block, item: int) -> bool:
    """A plain line numbered one past the list item before it in the same paragraph: the next item
    of the list ("6. Report of the Disarmament Commission to the General Assembly." after items 1
    to 5 of an agenda), not a numbered heading."""
    return item > 0 and ln.number is not None and not ln.bold and int(ln.number) == item + 1


@dataclass
class _Segment:
    annex: str  # "" for the body, "annex", "annex II"...
    lines: list[Block] = field(default_factory=list)


_NOTE_STARS = re.compile(r"\s*\*+$")


def _opens_annex(ln: Block, body_size: float) -> str | None:
    """"annex", "annex II"... when the line is an annex heading. "Annexes" alone opens none: it
    heads a list of the annexes (DP/FPA/2025/6 lists them before its text; its body had become an
    annex) or a group whose own "Annex I" headings open them."""
    text = _NOTE_STARS.sub("", strip_markers(ln.text).strip())  # "Annex*": its note's mark
    m = ANNEX.match(text)
    if m and text.lower() == "annexes":
        return None
    # in capitals, an older document's typewritten heading ("ANNEX" centred in the text's type)
    if m and (not ln.size or ln.bold or larger(ln, body_size) or ln.kind == "heading" or text.isupper()):
        return "annex " + m.group(1) if m.group(1) else "annex"
    return None


_PART_WORDS = {"I": "one", "II": "two", "III": "three", "IV": "four", "V": "five", "VI": "six"}


def _opens_part(ln: Block, body_size: float) -> str | None:
    """"part two", "part three"... when the line heads a later part of a report ("Part Two" in
    larger or bold type, or a heading of a laid-out text: rag.ingest.layout_text), whose numbering
    restarts; "" for "Part One", whose numbers are the document's own."""
    m = REPORT_PART.match(ln.text.strip())
    if not m or not (ln.bold or larger(ln, body_size) or ln.kind == "heading"):
        return None
    word = _PART_WORDS.get(m.group(1).upper(), m.group(1)).lower()
    return "" if word == "one" else f"part {word}"


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def annex_rank(annex: str) -> int:
    """The place of "annex IV" (4), "annex 2" (2), "annex B" (2) in its document's order; 0 for
    an unnumbered "annex"."""
    label = annex.split()[-1] if " " in annex else ""
    if label.isdigit():
        return int(label)
    if label and all(c in _ROMAN for c in label):
        values = [_ROMAN[c] for c in label]
        return sum(-v if v < w else v for v, w in zip(values, values[1:] + [0]))
    return ord(label) - ord("A") + 1 if len(label) == 1 else 0


def _segments(lines: list[Block], body_size: float, annexes: bool) -> list[_Segment]:
    """The body, then each annex and each later part of the report, and the annexes of a part
    ("part two, annex") (when the format can tell such headings). A document's annexes run in
    order: an "Annex I" after its annex III is the annex of a text printed in annex III (a
    decision's list of organizations), a line of that annex (rag.ingest.parts)."""
    segs = [_Segment("")]
    part = ""
    rank = 0  # the rank of the part's last annex opened
    for ln in lines:
        opened = _opens_part(ln, body_size) if annexes else None
        if opened is not None:
            part, rank = opened, 0
            segs.append(_Segment(part))
            continue
        annex = _opens_annex(ln, body_size) if annexes else None
        if annex and (not rank or annex_rank(annex) in (0, *range(rank + 1, 1000))):
            rank = annex_rank(annex)
            segs.append(_Segment(f"{part}, {annex}" if part else annex))
        else:
            segs[-1].lines.append(ln)
    return [s for s in segs if s.lines]


class _Builder:
    """Accumulates the document's paragraphs, one at a time."""

    def __init__(self, pages: list[PageText], labels: list[str], notes: Notes, vocab: set[str]) -> None:
        self.paged = pages[0].paged
        self.labels, self.notes, self.vocab = labels, notes, vocab
        self.out: list[Paragraph] = []
        self.parts: list[str] = []
        self.first_page = self.last_page = 0
        self.number: str | None = None
        self.section = self.annex = ""
        self.part = self.part_of = ""  # the embedded text being assembled, and the paragraph it sits in
        self.running = False
        self.marker_pages: list[tuple[str, int]] = []
        self.heading_marks: list[tuple[str, int]] = []  # notes marked on headings, for the next paragraph
        self.min_words = 0
        self.tables: list[Block] = []  # tables met inside the open paragraph, out after it
        self.table_page = -1  # the page of the last table put out
        # running blocks kept, by annex, embedded text and (for the document's own text, which
        # is cited by its page: "p. 4, ¶ 1") the page they start on
        self.counted: Counter[tuple[str, str, str, int | None]] = Counter()

    def start(self, number: str, section: str, annex: str, running: bool, page: int, min_words: int = 0) -> None:
        self.flush()
        self.min_words = min_words
        self.number, self.section, self.annex, self.running = number, section, annex, running
        self.first_page = self.last_page = page
        self.parts, self.marker_pages, self.heading_marks = [], self.heading_marks, []

    def heading_notes(self, ln: Block) -> None:
        """The notes a heading line marks ("Decision 1\u00b9": when it was adopted) go to the first
        paragraph under it, headings being no units of their own."""
        self.heading_marks.extend((m, ln.page) for m in SENTINEL_RE.findall(ln.text))

    def add(self, text: str, page: int) -> None:
        if self.number is None:
            return
        self.parts.append(text)
        self.last_page = page
        self.marker_pages.extend((m, page) for m in SENTINEL_RE.findall(text))

    def table(self, ln: Block, annex: str) -> None:
        """A captioned table: a unit of its own, after the paragraph it interrupts (that
        paragraph runs on after it), cited by its page and caption number."""
        if self.number is None:
            self._put_table(ln, annex, "")
        else:
            self.tables.append(ln)

    def _put_table(self, ln: Block, annex: str, within: str) -> None:
        text = clean_text(strip_markers(ln.text))
        boxed = RECOMMENDATION_BOX.match(text) if ln.kind == BOXED else None
        m = TABLE_NUMBER.match(ln.text.strip())
        last = self.out[-1] if self.out else None
        # a table without a caption right after a table, on a later page, goes on with it
        goes_on = last is not None and last.part == TABLE and last.annex == annex and ln.page > self.table_page
        number = boxed.group(1) if boxed else m.group(1) if m else last.number if goes_on and last is not None \
            else str(len({p.number for p in self.out if p.part == TABLE}) + 1)
        self.table_page = ln.page
        self.out.append(Paragraph(
            number=number, text=text, section=self.section, annex=annex, part=RECOMMENDATION if boxed else TABLE,
            part_of="" if boxed else within, page=page_label(self.labels, ln.page, ln.page) if self.paged else None))

    def running_count(self, annex: str, page: int | None = None) -> int:
        """Running blocks kept so far in the annex (in the embedded text being assembled); with
        `page`, those of the document's own text that start on it."""
        if page is None or self.part:
            return sum(n for (a, part, within, _), n in self.counted.items()
                       if (a, part, within) == (annex, self.part, self.part_of))
        return self.counted[(annex, "", "", page)]

    def _footnotes(self) -> list[Footnote]:
        """The notes the paragraph marks, each once (a long paragraph may mark one on several pages)."""
        notes = dict.fromkeys((m, self.notes.lookup(m, p)) for m, p in self.marker_pages)
        return [Footnote(marker=m, text=text) for m, text in notes]

    def flush(self) -> None:
        if self.number is None:
            return
        text = clean_text(strip_markers(join_lines(self.parts, self.vocab)))
        # a running block without a letter ("120", "36% 14%", "* * *") is a figure's drawing or an ornament
        if text and (len(text.split()) >= self.min_words or _LIST_ITEM.match(text)) \
                and (not self.running or LETTER.search(text)):
            self.out.append(Paragraph(
                number=self.number, text=text, section=self.section, annex=self.annex, running=self.running,
                part=self.part, part_of=self.part_of,
                page=page_label(self.labels, self.first_page, self.last_page) if self.paged else None,
                footnotes=self._footnotes()))
            if self.running:
                self.counted[(self.annex, self.part, self.part_of, None if self.part else self.first_page)] += 1
        within = "" if self.running or self.part else self.number
        for table in self.tables:
            self._put_table(table, self.annex, within)
        self.tables = []
        self.number = None


def _runs_over_page(ln: Block, head: Block) -> bool:
    """A bold heading's sentence going on at the top of the next page: the same bold type, in
    lower case, after a line that ends no sentence (DP/FPA/2025/2, pp. 12-13)."""
    return ln.bold and head.bold and ln.page == head.page + 1 and abs(ln.size - head.size) < 0.3 \
        and ln.number is None and ln.text[:1].islower() and not ends_sentence(head.text)


def _path_above(sections: Sections, first: str) -> str:
    """The section path above a heading whose first line is `first`, now the deepest heading in
    force: the path without it, or with the heading it ran on from (`Sections.extend_last`) as it
    was before."""
    levels = [sections.levels[k] for k in sorted(sections.levels)]
    at = levels[-1].find(first) if levels else -1
    if at > 0:
        levels[-1] = levels[-1][:at].rstrip()
    elif at == 0:
        levels.pop()
    return " > ".join(levels)


def _style(ln: Block) -> tuple | None:
    """A line's type (size, bold, italic), where the loader knows it."""
    return (round(ln.size, 1), ln.bold, ln.italic) if ln.size else None


def _smaller_than(ln: Block, head: Block) -> bool:
    """A line set in smaller type than the heading just above it: a subheading of its own
    ("IV. Peer learning round tables" in 14 points, then "Goal 3" in bold body type), not the
    heading's wrapped next line."""
    return bool(ln.size and head.size and head.size - ln.size > LARGER)


def _after_text(prior: str, ln: Block) -> bool:
    """Whether a heading may follow the text line `prior` ("" for none): one that ends a sentence;
    a list running on over the line ("five countries: Albania, Ethiopia,") takes none but a roman
    title (or one its type makes plain: rag.ingest.headings.strong_heading)."""
    if not prior:
        return True
    return ends_sentence(prior) and (not strip_markers(prior).rstrip().endswith(",") or _roman_title(ln))


def _roman_title(ln: Block) -> bool:
    """A short line under a roman heading number ("I. American Samoa"): a heading even after a
    draft's preamble, whose paragraphs end in commas."""
    return bool(ROMAN_HEADING_START.match(ln.text)) and len(ln.text.split()) <= 8 and not ends_sentence(ln.text)


def _emphasis(around: list[Block], body_size: float) -> bool:
    """Whether the styled line `around[1]` opens a sentence of the paragraph above it rather than
    a heading: it follows the body line `around[0]` on the same page at a line's spacing (no gap
    that would set a heading apart), and it and the lines that continue it end a sentence or run
    over the page, as no heading does (A/80/188, pp. 19-20: a section set all in bold).
    False where a position is unknown."""
    if len(around) < 2:
        return False
    prev, ln = around[0], around[1]
    if prev.kind != "body" or prev.page != ln.page or not (ln.y and prev.y and ln.size):
        return False
    if not 0 < prev.y - ln.y <= LINE_SPACING * ln.size:
        return False
    last = 1
    while last + 1 < len(around) and continues_heading(around[last + 1], ln, body_size):
        last += 1
    over_page = last + 1 < len(around) and around[last + 1].page != around[last].page
    return ends_sentence(around[last].text) or over_page


def _titles_next(around: list[Block]) -> bool:
    """Whether the bold line `around[1]` titles the numbered paragraph just below it though the
    text above it ends no sentence (a list: "... ex officio Vice-Presidents: Costa Rica and France"
    / "Rapporteur-General" / "10. Omar Hilale ..."): on one page, further from the line above than
    a paragraph's line spacing and than from the numbered line below."""
    if len(around) < 3:
        return False
    prev, ln, nxt = around[:3]
    if not (ln.bold and not prev.bold and nxt.number is not None and not nxt.bold and ln.size
            and prev.page == ln.page == nxt.page and prev.y and ln.y and nxt.y):
        return False
    above, below = prev.y - ln.y, ln.y - nxt.y
    return above > LINE_SPACING * ln.size and above > below > 0


def _pages_apart(prev: Block, ln: Block) -> bool:
    """A whole page without text (a contents page, a full-page figure) stands between the two
    lines: no paragraph runs on across it."""
    return ln.page - prev.page > 1


def _cover_line(ln: Block, min_words: int) -> bool:
    """A masthead line of the cover (before the numbering, or on the first page), a block of the
    first page's preamble that runs the cover's columns together (`COVER_MARK`), or the outside or
    inside cover of a volume of the Official Records (its first two pages)."""
    return bool((min_words or ln.page == 0) and _masthead(ln.text)
                or min_words and ln.page == 0 and COVER_MARK.search(ln.text)
                or ln.page <= RECORDS_COVER_PAGES and RECORDS_COVER.search(ln.text))


def _masthead(text: str) -> bool:
    """Cover-page lines ("Distr.: General", "Agenda item 13 (h)", "29 May 2025"), not text."""
    text = strip_markers(text).strip()
    return len(text) <= MASTHEAD_CHARS and MASTHEAD_BLOCK.fullmatch(text) is not None


def _text_lines(pages: list[PageText]) -> list[Block]:
    """The body and heading lines of all pages, each with its page index."""
    lines: list[Block] = []
    for idx, page in enumerate(pages):
        for b in page.blocks:
            if b.kind in ("body", "heading", "table", BOXED):
                b.page = idx
                lines.append(b)
    return lines


def assemble(pages: list[PageText]) -> list[Paragraph]:
    """Numbered (or running) paragraphs from pages of line blocks."""
    lines = _text_lines(pages)
    if not lines:
        return []
    sizes = sorted(b.size for b in lines if b.size)
    body_size = sizes[len(sizes) // 2] if sizes else 0.0
    lines = without_glossary(lines, body_size)
    vocab = vocabulary(b.text for b in lines)
    assembler = _Assembler(_Builder(pages, printed_pages(pages), Notes(pages, vocab), vocab), body_size)
    sections = Sections()
    for seg in _segments(lines, body_size, pages[0].annexes):
        if seg.annex:
            sections = Sections()
        assembler.segment(seg, sections)
    return assembler.builder.out


# A chapter's heading: "II. Key aggregate results ...", "Chapter III".
_CHAPTER = re.compile(rf"{ROMAN_HEADING_START.pattern}|{CHAPTER_HEADING.pattern}")


class _Assembler:
    """The UN rules applied to one segment (the body or an annex) at a time."""

    def __init__(self, builder: _Builder, body_size: float) -> None:
        self.builder, self.body_size = builder, body_size

    def segment(self, seg: _Segment, sections: Sections) -> None:
        """The segment's own paragraphs, with each embedded part assembled in its place."""
        self.builder.heading_marks = []  # a heading's notes stay in its segment
        starts, parts = split_parts(seg.lines, self.body_size)
        pos = 0
        for part in parts:
            self.own(seg, starts, pos, part.start, sections)
            self.part(seg, part, sections)
            pos = part.end
        self.own(seg, starts, pos, len(seg.lines), sections)

    def own(self, seg: _Segment, starts: dict[int, str], lo: int, hi: int, sections: Sections) -> None:
        """Lines [lo, hi) of the segment's own text: running paragraphs up to its first number
        there (the preamble's masthead rules at the segment's top), numbered ones from it."""
        first = min((i for i in starts if lo <= i < hi), default=hi)
        if first > lo:
            self.running(_Segment(seg.annex, seg.lines[lo:first]), sections,
                         min_words=PREAMBLE_MIN_WORDS if first < hi else 0)
        if first < hi:
            self.numbered(seg, starts, first, sections, hi)

    def part(self, seg: _Segment, part: Part, sections: Sections) -> None:
        """An embedded text: its own numbering, headings under a copy of the section path."""
        self.builder.flush()
        self.builder.part, self.builder.part_of = part.label, part.within
        first = len(self.builder.out)
        if part.heading:
            self.builder.heading_notes(seg.lines[part.start])
        lines = seg.lines[part.start + int(part.heading):part.end]
        marked = text_sections(lines)
        bounds = [0] + [m.start for m in marked] + [len(lines)]
        path, nested = sections.copy(), []
        for k, (lo, hi) in enumerate(zip(bounds, bounds[1:])):
            self.builder.flush()
            if k:  # a section's mark and title head its paragraphs, under its section's where nested
                mark = marked[k - 1]
                nested = [*nested[:mark.depth - 1], mark.heading]
                path = sections.nested(nested)
                lo += mark.lines
            self.builder.part = part.label + (f", {marked[k - 1].label}" if k else "")
            own = lines[lo:hi]
            if own:
                self.own(_Segment(seg.annex, own), paragraph_starts(own, self.body_size), 0, len(own), path)
        self.builder.flush()
        self.builder.part = self.builder.part_of = ""
        for label in dict.fromkeys(p.part for p in self.builder.out[first:]):
            letter_items([p for p in self.builder.out[first:] if p.part == label])

    def numbered(self, seg: _Segment, starts: dict[int, str], first: int, sections: Sections,
                 hi: int | None = None) -> None:
        """Numbered paragraphs from the first chain start on, up to line `hi`."""
        head: Block | None = None  # the heading line just before, while headings run on
        seen_first = False
        item = 0  # the number of the last list item inside the paragraph (an agenda's 1, 2, 3)
        end = len(seg.lines) if hi is None else hi
        i = first
        heading: list[Block] = []  # the lines of the heading in force while it is being read
        while i < end:
            ln = seg.lines[i]
            if head is not None and self._heading_ends(ln, head, i in starts):
                self._sentence_heading(heading, seg, sections)
                heading = []
            if ln.kind in ("table", BOXED):
                self.builder.table(ln, seg.annex)
            elif i in starts:
                seen_first, head, item = True, None, 0
                self.builder.start(starts[i], sections.path, seg.annex, False, ln.page)
                # a bracketed paragraph keeps its opening bracket: "[15. At its 314th meeting ...]"
                self.builder.add(NUMBER_PREFIX.sub("[" if ln.text.startswith("[") else "", ln.text, count=1), ln.page)
            elif head is not None and _runs_over_page(ln, head):
                self._heading_goes_on(ln, sections)
                head = ln
                heading.append(ln)
            elif not _next_item(ln, item) and self._take_heading(ln, head, sections, seen_first,
                                                                seg.lines[i - 1:hi] if i > first else []):
                head = ln
                heading.append(ln)
                i = self._chapter_text(seg, starts, i, end, sections)
            else:
                head = None
                item = int(ln.number) if ln.number is not None and not ln.bold else item
                if self.builder.number is None:  # unnumbered text after a sentence heading
                    self._start_running(ln, seg, sections, 0)
                self.builder.add(ln.text, ln.page)
            i += 1
        if head is not None:
            self._sentence_heading(heading, seg, sections)
        self.builder.flush()

    def _heading_ends(self, ln: Block, head: Block, starts_paragraph: bool) -> bool:
        """Whether line `ln` ends the heading whose last line is `head`: a numbered paragraph, a
        table, or a line that neither wraps it (`continues_heading`) nor runs it over the page."""
        return starts_paragraph or ln.kind in ("table", BOXED) \
            or not (continues_heading(ln, head, self.body_size) or _runs_over_page(ln, head))

    def _chapter_text(self, seg: _Segment, starts: dict[int, str], i: int, end: int, sections: Sections) -> int:
        """After a chapter's numbered heading (line `i`: "II. Key aggregate results ..."), the
        unnumbered text up to the next numbered paragraph is the chapter's, in running paragraphs,
        not the last paragraph of the chapter before (UNW/2025/2, pp. 4-5: a chapter of boxed
        figures ran into para. 12). The index of the last line taken."""
        ln = seg.lines[i]
        after_list = self._after_list(ln)
        if not (ln.bold or larger(ln, self.body_size)) or not (_CHAPTER.match(ln.text.strip()) or after_list):
            return i
        nxt = min((k for k in starts if i < k < end), default=end)
        wrapped = i + 1
        while wrapped < nxt and continues_heading(seg.lines[wrapped], ln, self.body_size):
            wrapped += 1  # the heading's own next lines
        body = seg.lines[wrapped:nxt]
        if not body or not after_list and (body[0].bold or heading_like(body[0], self.body_size)) \
                or body[0].kind in ("table", BOXED):
            return i  # a subheading (or a heading's wrapped line in other type) leaves the reading as it is
        for line in seg.lines[i + 1:wrapped]:
            self._heading_goes_on(line, sections)
        self.builder.flush()
        self.running(_Segment(seg.annex, body), sections)
        return nxt - 1

    def _after_list(self, ln: Block) -> bool:
        """Whether a heading in bold and larger type follows a list's last item, the open
        paragraph being a short title that ends no sentence ("11. Other matters" of a provisional
        agenda, UNW/2025/L.3): the text under the heading ("Annotations", "Item 1 ...") is no
        more of that item."""
        text = " ".join(self.builder.parts)
        return ln.bold and larger(ln, self.body_size) and self.builder.number is not None \
            and not self.builder.running and 0 < len(text.split()) <= LIST_TITLE_WORDS and not ends_sentence(text)

    def _sentence_heading(self, lines: list[Block], seg: _Segment, sections: Sections) -> None:
        """A heading inside the numbered text that is a sentence of SENTENCE_HEADING_WORDS or more
        ending with a full stop (a Board's recommendation in bold over the response to it,
        DP/FPA/2025/2) is also text of its own: a running paragraph cited by its page, under the
        headings above it. Headings are no units, so the sentence could not be found otherwise."""
        text = " ".join(heading_text(ln) for ln in lines)
        if len(text.split()) < SENTENCE_HEADING_WORDS or not _FULL_STOP.search(text) \
                or HEADING_NUMBER.match(lines[0].text) or any(ln.kind == "heading" for ln in lines):
            return
        self._start_running(lines[0], seg, sections, 0)
        self.builder.section = _path_above(sections, heading_text(lines[0]))
        for ln in lines:
            self.builder.add(ln.text, ln.page)
        self.builder.flush()

    def _heading_goes_on(self, ln: Block, sections: Sections) -> None:
        """A wrapped heading's next line: its text extends the heading, its notes go with it."""
        self.builder.heading_notes(ln)
        sections.extend_last(heading_text(ln))

    def _take_heading(self, ln: Block, head: Block | None, sections: Sections, seen_first: bool,
                      around: list[Block]) -> bool:
        """Whether a line inside the numbered text is a heading; if so it goes to `sections`
        (a wrapped heading's next line extends the heading before it). `around` holds the line
        before `ln` (unless `ln` opens the text), `ln` and the lines after it: a sentence in bold
        set at the paragraph's own line spacing under its text is the paragraph's emphasis (a
        committee's recommendation, a section of conclusions set in bold), not a heading."""
        size = self.body_size
        if head is not None and continues_heading(ln, head, size):
            self._heading_goes_on(ln, sections)
            return True
        prior = self.builder.parts[-1] if self.builder.parts and self.builder.number else ""
        if not (heading_like(ln, size) and (_after_text(prior, ln) or strong_heading(ln, size) or _titles_next(around))
                and (seen_first or numbered_heading(ln, size) or ln.kind == "heading")):
            return False
        if prior and head is None and not strong_heading(ln, size) and _emphasis(around, size):
            return False
        self.builder.heading_notes(ln)
        self._put_heading(ln, head, sections)
        return True

    def _put_heading(self, ln: Block, head: Block | None, sections: Sections) -> None:
        """A heading line into `sections`: right after a heading, unnumbered and in its type or
        larger, it is the heading's wrapped line in other type; in smaller type, its subheading."""
        text = heading_text(ln)
        under = head is not None and _smaller_than(ln, head)
        if head is not None and not numbered_heading(ln, self.body_size) and ln.kind != "heading" and not under:
            sections.extend_last(text)
        else:
            sections.push(text, under, _style(ln))

    def running(self, seg: _Segment, sections: Sections, min_words: int = 0) -> None:
        """A segment without numbering: a paragraph per visual block, counted from 1; with
        `min_words`, the text before the numbering, where only numbered or styled headings count
        and larger or bold lines (masthead, title) are skipped; cover-page masthead lines are
        skipped there and on the first page."""
        prev: Block | None = None
        head: Block | None = None  # the heading line just before, while a heading wraps
        credit: Block | None = None  # the line opening a credit (`CREDIT_LINE`) while it wraps
        for ln in seg.lines:
            if ln.kind in ("table", BOXED):
                self.builder.table(ln, seg.annex)
                continue
            credit = self._credit(ln, credit, seg, sections) if min_words else None
            if credit is not None:
                prev = ln
                continue
            if head is not None and continues_heading(ln, head, self.body_size):
                self._heading_goes_on(ln, sections)
                prev = ln  # what follows a wrapped heading is read as after its last line
                continue
            head = None
            if self._running_heading(ln, prev, min_words):
                self.builder.flush()
                self.builder.heading_notes(ln)
                sections.push(heading_text(ln), style=_style(ln))
                prev, head = None, ln
                continue
            if min_words and (ln.bold or larger(ln, self.body_size)):
                self.builder.flush()  # a title between two blocks ends the first
                prev = None
                continue
            if _cover_line(ln, min_words):
                if prev is not None and ends_sentence(prev.text):  # "ISSN 1020-170X" after a note
                    self.builder.flush()
                    prev = None
                continue
            if self.builder.number is None or self._new_block(ln, prev):
                self.builder.flush()
                # A line of unknown type size cannot tell the masthead by its type: past the first
                # block kept, a short block is text ("74. Cook Islands 12 June 1992").
                self._start_running(ln, seg, sections, min_words if ln.size or not self.builder.running_count(seg.annex)
                                    else 0)
            self.builder.add(ln.text, ln.page)
            prev = ln
        self.builder.flush()

    def _start_running(self, ln: Block, seg: _Segment, sections: Sections, floor: int) -> None:
        """Open the next running paragraph with line `ln` (its place on the page it starts on)."""
        self.builder.flush()
        count = self.builder.running_count(seg.annex, ln.page if self.builder.paged else None) + 1
        self.builder.start(str(count), sections.path, seg.annex, True, ln.page, floor)

    def _credit(self, ln: Block, credit: Block | None, seg: _Segment, sections: Sections) -> Block | None:
        """Before the numbering, a cover's credit line (`CREDIT_LINE`: who submitted, reports,
        prepared) is text, whatever its type, and so are its wrapped lines in its type just under
        it: the line opening the credit being read, or None where `ln` is none of it."""
        if CREDIT_LINE.match(strip_markers(ln.text).strip()):
            self._start_running(ln, seg, sections, 0)
        elif credit is None or (ln.size, ln.bold) != (credit.size, credit.bold) or ln.page != credit.page \
                or self._new_block(ln, credit):
            return None
        self.builder.add(ln.text, ln.page)
        return ln

    def _running_heading(self, ln: Block, prev: Block | None, min_words: int) -> bool:
        size = self.body_size
        # no type facts: a roman or letter heading number on a line set apart ("I. Introduction")
        apart = not ln.size and bool(LETTER_HEADING_START.match(ln.text)) and self._new_block(ln, prev)
        after_text = prev is None or ends_sentence(prev.text) or strong_heading(ln, size) or apart \
            or _pages_apart(prev, ln)
        return heading_like(ln, size) and after_text \
            and (not min_words or numbered_heading(ln, size) or ln.kind == "heading" or ln.italic)

    @staticmethod
    def _new_block(ln: Block, prev: Block | None) -> bool:
        """A line opens a new visual block: no position known, a vertical gap, or a first-line
        indent after a sentence end."""
        if not ln.y:
            return True
        if prev is None:
            return False
        if _pages_apart(prev, ln):
            return True
        size = ln.size or UNKNOWN_SIZE  # an OCR layer's type facts are dropped; its lines keep their places
        # A lower-case line after one that ends no sentence goes on with it, whatever the gap (a
        # line of italic title set off its baseline: "..., in which" / "it adopted ...").
        goes_on = _GOES_ON.match(strip_markers(ln.text).lstrip()) is not None and not ends_sentence(prev.text)
        gap = prev.page == ln.page and (prev.y - ln.y) > GAP * max(size, 1.0) and not goes_on
        return gap or (ln.x - prev.x > INDENT and ends_sentence(prev.text))
