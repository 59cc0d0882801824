"""Plain text that keeps a printed document's layout (pdftotext output of a UN document):
one Block per printed line, for the same assembler as a PDF (rag.ingest.assemble).

Such a file has no font facts, but it keeps the page furniture: every page after the first
opens with the document symbol alone on a line, and closes with a footer ("2/27 25-04516",
"25-04516 3/27", "GE.25-01234 7", "*2504516*"). Pages are split on form feeds where the file
has them, else just before each repeated symbol line. On each page:
    - the symbol line at the top and the footer lines at the bottom are furniture (the footer
      gives the printed page number);
    - lines after a rule of underscores are footnote bodies ("1" then its text), and so are
      a typewritten document's lines from a "2/" under two blank lines in the page's lower half
      (its text marks the note: "... abstentions. 2/ The voting");
    - a number standing after punctuation ("officials. 1"), or after a word at the end of a line,
      is a footnote marker when the same page has a footnote body with that number, the next
      one in order;
    - a short run of lines opening with "IV." or "B." and not ending a sentence is a heading;
    - "Annex", "Annex II" opening a page (after page 1) with text under it starts an annex, whose numbering restarts;
    - blank lines become vertical gaps, so paragraphs without numbers stay apart;
    - table-of-contents lines ("Introduction . . . . . 3") are dropped: their numbers would
      otherwise compete with the paragraphs' own; a compilation's numbered entries listed there
      keep their numbers against the lists inside them (rag.ingest.compilations).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from rag.ingest.blocks import BOXED, Block, PageText, in_figure, mark_typed_notes, marker_token, typed_marks
from rag.ingest.compilations import add_entry, number_entries
from rag.ingest.joining import join_lines, vocabulary
from rag.ingest.patterns import (
    ANNEX,
    FIGURE_CAPTION,
    FIGURE_CAPTION_CHARS,
    FOOTER,
    FURNITURE_LINE,
    HEADER_TAIL,
    JOB_LINE,
    LEADER,
    LETTER_HEADING_START,
    LINE_NUMBER,
    NOT_SPACED_MARKER_AFTER,
    NOTE_START,
    PAGE_END_FOOTER,
    RECOMMENDATION_BOX,
    REPORT_PART,
    RULE,
    SENTENCE_END,
    SPACED_MARKER,
    TABLE_CAPTION,
    TYPED_NOTE,
    notes_heading,
)
from rag.ingest.symbols import find_symbols

LINE_STEP, SIZE = 12.0, 10.0  # synthetic layout: a blank line is a gap of 2 steps (> 1.6 sizes)
TOP = 1000.0  # the synthetic baseline above a page's first line
MASTHEAD_LINES = 12  # at most this many lines of a first page precede the symbol in its masthead


def running_symbol(lines: list[str]) -> str | None:
    """The line that is nothing but a document symbol and repeats (the running header)."""
    counts = Counter(s for s in (ln.strip() for ln in lines) if s and len(s) < 60 and "/" in s)
    for line, n in counts.most_common(5):
        if n >= 2 and find_symbols(line) == [line.replace(" ", "")]:
            return line
    return None


def looks_laid_out(text: str) -> bool:
    """True for a text file that keeps a UN document's page furniture (a running symbol line)."""
    return running_symbol(text.splitlines()[:4000]) is not None


def _split_pages(lines: list[str], symbol: str) -> list[list[str]]:
    """Pages: one opens at the running symbol after a page's footer, or at the first line after
    a footer that only a page's foot holds (`PAGE_END_FOOTER`: a page printed without the symbol)."""
    pages: list[list[str]] = [[]]
    footed = False  # the last line with text was a PAGE_END_FOOTER
    for ln in lines:
        s = ln.strip()
        if s and footed and s != symbol or (
                s == symbol and _page_ended(pages[-1]) and not (len(pages) == 1 and _masthead(pages[0]))):
            pages.append([])
        if s:
            footed = bool(PAGE_END_FOOTER.match(s))
        pages[-1].append(ln)
    return pages


def _masthead(page: list[str]) -> bool:
    """The first page's lines so far are only its masthead (the symbol printed there is not a
    running header): a few short lines, none of them a footer."""
    text = [s.strip() for s in page if s.strip()]
    return len(text) <= MASTHEAD_LINES and not any(FOOTER.match(s) for s in text)


def _page_ended(page: list[str]) -> bool:
    """The lines so far end with a footer (or with nothing but a blank gap after text)."""
    tail = [s.strip() for s in page if s.strip()]
    return bool(tail) and (bool(FOOTER.match(tail[-1])) or page[-1].strip() == "")


def typed_notes(lines: list[str]) -> set[str]:
    """The numbers of a typewritten document's notes: a line under two blank lines opens with
    "N/" and the text marks N ("... abstentions. 2/ The voting")."""
    opened = {m.group(1) for i, ln in enumerate(lines) if i >= 2 and not lines[i - 1].strip()
              and not lines[i - 2].strip() for m in [TYPED_NOTE.match(ln.strip())] if m}
    if not opened:
        return set()
    return opened & typed_marks(lines)


def _opens_typed_note(lines: list[str], i: int, typed: set[str] | frozenset[str]) -> bool:
    """Line `i` of a page opens its typewritten notes: "N/" of a note the text marks, under two
    blank lines, in the page's lower half, with no numbered paragraph after it."""
    m = TYPED_NOTE.match(lines[i].strip())
    return bool(m) and m.group(1) in typed and _at_page_foot(lines, i)


def _at_page_foot(lines: list[str], i: int) -> bool:
    """Line `i` stands where a page's notes open: under two blank lines, in the page's lower
    half, with no numbered paragraph after it."""
    return i >= max(2, len(lines) // 2) and not lines[i - 1].strip() and not lines[i - 2].strip() \
        and not any(LINE_NUMBER.match(ln.strip()) for ln in lines[i + 1:])


# A note body opening at the page's foot without a rule above it: "1 The presentations will be
# available at ..." (a number, then no figure: "2 000" is a table's).
_PLAIN_NOTE = re.compile(r"^(\d{1,3})\s+(?=[^\d\s])")


def _opens_plain_notes(lines: list[str], i: int) -> bool:
    """Line `i` of a page opens its notes where no rule sets them off (A/HRC/EMRIP/2025/3): a note
    body's number under two blank lines, in the page's lower half, with no numbered paragraph
    after it, that the text above marks ("... and others.1", "aspirations. 3")."""
    m = _PLAIN_NOTE.match(lines[i].strip())
    if not m or not _at_page_foot(lines, i):
        return False
    number = m.group(1)
    return any(digits == number for ln in lines[:i] for _, _, digits in _markers(ln.rstrip()))


def _line_kinds(lines: list[str], symbol: str, typed: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """body | footnote (under the rule, or from a typewritten note at the page's foot: `typed`) |
    rule | furniture (the symbol at the top of the page with the language and page lines under it,
    the footer lines at its bottom, stamps) for each line."""
    kinds: list[str] = []
    in_notes = False
    for i, ln in enumerate(lines):
        in_notes = in_notes or bool(RULE.match(ln)) or _opens_typed_note(lines, i, typed) or _opens_plain_notes(lines, i)
        kinds.append("rule" if RULE.match(ln) else "footnote" if in_notes and ln.strip() else "body")
        if FURNITURE_LINE.match(ln.strip()) or JOB_LINE.match(ln.strip()):
            kinds[-1] = "furniture"
    content = [i for i, ln in enumerate(lines) if ln.strip()]
    for i, j in zip(content, content[1:]):
        if notes_heading(lines[i], lines[j]):
            kinds[i] = "furniture"
    for k, i in enumerate(content[:2]):
        if lines[i].strip() == symbol:
            kinds[i] = "furniture"
            for j in content[k + 1:k + 3]:
                if not HEADER_TAIL.match(lines[j].strip()):
                    break
                kinds[j] = "furniture"
            break
    for i in reversed(content):
        if not FOOTER.match(lines[i].strip()):
            break
        kinds[i] = "furniture"
    return kinds


class _PageReader:
    """The Blocks of one page: a body block is a run of lines up to a blank line or to a line
    opening a numbered paragraph or heading; footnote and furniture lines are blocks of their own."""

    def __init__(self, lines: list[str], page_no: int, symbol: str, last_marker: int, vocab: set[str],
                 typed: set[str] | frozenset[str] = frozenset()) -> None:
        self.lines, self.page_no, self.vocab, self.last_marker = lines, page_no, vocab, last_marker
        self.typed = typed
        self.kinds = _line_kinds(lines, symbol, typed)
        self.notes = {int(m.group(1)) for ln, k in zip(lines, self.kinds) if k == "footnote"
                      for m in [NOTE_START.match(ln.strip())] if m}
        self.body = [i for i, ln in enumerate(lines) if ln.strip() and self.kinds[i] == "body"]
        self.top = self.body[:2] if page_no > 1 else []  # where an annex heading opens a page
        self.blocks: list[Block] = []
        self.group: list[int] = []  # line indices of the body block being gathered
        self.group_y = TOP
        self.contents: list[str] = []  # the page's table-of-contents lines
        self.span = _contents_span(lines, self.body)  # the lines of a table of contents, None without one
        self.in_figure = False  # the blocks closed since a figure's caption are all its drawing's

    def read(self) -> list[Block]:
        y = TOP
        for idx, (ln, kind) in enumerate(zip(self.lines, self.kinds)):
            y -= LINE_STEP
            self._line(idx, ln.strip(), kind, y)
        self._close()
        return self.blocks

    def _line(self, idx: int, s: str, kind: str, y: float) -> None:
        if not s or kind != "body":
            self._close()
            if s and kind != "rule":
                self.blocks.append(Block(s, page=self.page_no, kind=kind, size=SIZE, y=y))
            return
        if LEADER.search(s):
            self._contents_entry(s)  # a table-of-contents entry ("Introduction . . . . 3"): navigation, not text
            return
        if self._annex_heading(idx, s):
            self._close()
            self.blocks.append(Block(s, page=self.page_no, kind="heading", size=SIZE, y=y))
            return
        prev = self.lines[self.group[-1]].strip() if self.group else ""
        if self.group and (_numbered_start(s, prev) or LETTER_HEADING_START.match(s) or ANNEX.match(prev)):
            self._close()
        if not self.group:
            self.group_y = y
        self.group.append(idx)

    def _contents_entry(self, s: str) -> None:
        """Record a contents line; the entry's first line, wrapped above it without a blank line
        ("8. Comité/Club UNESCO ... pandémies" / "(CLUCOD) . . . 13"), is contents too."""
        first = [self.lines[i].strip() for i in self.group]
        if len(first) == 1 and LINE_NUMBER.match(first[0]) and not SENTENCE_END.search(first[0]):
            self.group.clear()
            s = f"{first[0]} {s}"
        self._close()
        self.contents.append(s)

    def _annex_heading(self, idx: int, s: str) -> bool:
        """"Annex" or a report's "Part Two" opening a page with text under it; lower down, or on a
        contents page, it is a contents entry."""
        return bool(ANNEX.match(s) or REPORT_PART.match(s)) and idx in self.top and not self._in_contents(idx) \
            and sum(j > idx for j in self.body) >= 3

    def _in_contents(self, idx: int) -> bool:
        return self.span is not None and self.span[0] <= idx <= self.span[1]

    def _close(self) -> None:
        if not self.group:
            return
        if all(self._in_contents(i) for i in self.group):  # a contents entry's wrapped line, a column head
            self.group.clear()
            return
        texts = []
        for i in self.group:
            t, self.last_marker = _mark_notes(mark_typed_notes(self.lines[i].strip(), self.typed), self.notes,
                                              self.last_marker)
            texts.append(t)
        text = join_lines(texts, self.vocab)
        m = LINE_NUMBER.match(text)
        number = m.group(1) if m else None
        item = bool(number) and len(self.group) == 1 and _list_item(self.lines, self.group[0])
        self.blocks.append(Block(text, page=self.page_no, kind=self._kind(text, number), number=number, size=SIZE,
                                 y=self.group_y, item=item))
        self.group.clear()

    def _kind(self, text: str, number: str | None) -> str:
        """heading (a short "A." or "IV." line ending no sentence), furniture (a figure's caption
        and title, "Figure XII" / "Security incidents affecting MINUSCA personnel", and under it
        the drawing's numbers and labels up to the text, a heading or its source: as in a PDF,
        rag.ingest.pdf) or body, for the block of the gathered lines."""
        heading = not number and LETTER_HEADING_START.match(text) is not None and len(self.group) <= 3 \
            and len(text.split()) <= 30 and not SENTENCE_END.search(text)
        figure = FIGURE_CAPTION.match(text) is not None and len(text) < FIGURE_CAPTION_CHARS and len(self.group) <= 3
        drawn = self.in_figure and not number and not heading and _drawn(text)
        self.in_figure = figure or drawn
        if figure or drawn:
            return "furniture"
        return "heading" if heading else BOXED if self._boxed(text) else "body"

    def _boxed(self, text: str) -> bool:
        """A recommendation printed in a box (as in a PDF, rag.ingest.tables.boxed_recommendations):
        "Recommendation 1" alone on the block's first line, its text under it ending a sentence."""
        first = self.lines[self.group[0]].strip()
        return len(self.group) >= 2 and RECOMMENDATION_BOX.fullmatch(first) is not None \
            and SENTENCE_END.search(text) is not None


DRAWN_WORDS = 12  # a figure's label is at most this long ("Alpha line (ceasefire line) Bravo line Total")
_SOURCE = re.compile(r"^(?:Source|Sources|Note|Notes)\s*:")


def _drawn(text: str) -> bool:
    """A block a figure draws: numbers and short words without a lower-case one ("300 282 282",
    "TOTAL"), or a short label opening with a capital or a figure that ends no sentence (a
    legend); never its "Source:" line, a table's caption, nor text running on in lower case."""
    if _SOURCE.match(text) or TABLE_CAPTION.match(text):
        return False
    if not re.search(r"[a-z]{3}", text):
        return True
    return len(text.split()) <= DRAWN_WORDS and re.match(r"[A-Z0-9]", text) is not None \
        and not re.search(r"[.;:!?]\W*$", text)


CONTENTS_LEADERS = 4  # a page with this many dotted leader lines holds a table of contents
_CONTENTS_HEAD = re.compile(r"^(?:Contents|CONTENTS|Table of contents)$")


def _contents_span(lines: list[str], body: list[int]) -> tuple[int, int] | None:
    """The first and last line of a page's table of contents: from its "Contents" heading (or its
    first leader line) to its last leader line, where the page has CONTENTS_LEADERS of them. The
    lines between (an entry wrapped above its leader, "Chapter Page", a page number on a line of
    its own, "Annex") are the contents' too."""
    leaders = [i for i in body if LEADER.search(lines[i].strip())]
    if len(leaders) < CONTENTS_LEADERS:
        return None
    heads = [i for i in body if i < leaders[0] and _CONTENTS_HEAD.match(lines[i].strip())]
    return (heads[-1] if heads else leaders[0]), leaders[-1]


def _numbered_start(line: str, prev: str) -> bool:
    """A line that opens with a paragraph number; one of four digits only after a sentence end
    (a year wrapped to the start of a line, "by\n2035. The", continues its paragraph)."""
    m = LINE_NUMBER.match(line)
    return bool(m) and (len(m.group(1)) < 4 or bool(SENTENCE_END.search(prev)))


def _list_item(lines: list[str], idx: int) -> bool:
    """A numbered line that is a whole item of a list (an agenda, a list of States): it ends
    there, or is short, and the next line is blank or numbered too."""
    s = lines[idx].strip()
    nxt = lines[idx + 1].strip() if idx + 1 < len(lines) else ""
    ends = bool(re.search(r"[.;*]$", s)) or len(s.split()) <= 6
    return ends and (not nxt or bool(LINE_NUMBER.match(nxt)))


# A note's number run into the year before it ("31 December 20246" for 2024 and note 6).
_YEAR_MARKER = re.compile(r"(?<![\d,./-])(?:19|20)\d\d(\d{1,2})(?=[\s.,;:)]|$)")


def _markers(line: str) -> Iterator[tuple[int, int, str]]:
    """The numbers of a line that may mark a note ("officials. 1", "developed.2", "... the
    Committee 3" at the line's end, "December 20246"): where each starts and ends, and its
    digits; not a reference's number ("para. 3"), nor a figure's own digits (`in_figure`)."""
    found = []
    for m in SPACED_MARKER.finditer(line):
        digits = m.group(1) or m.group(2)
        if not (NOT_SPACED_MARKER_AFTER.search(line[:m.start()].rstrip()) or in_figure(line, m.start(), digits)):
            found.append((m.start(), m.end(), digits))
    found += [(m.start(1), m.end(1), m.group(1)) for m in _YEAR_MARKER.finditer(line)]
    yield from sorted(found)


def _mark_notes(line: str, notes: set[int], last: int) -> tuple[str, int]:
    """Turn footnote numbers that this page's footnote bodies carry into marker sentinels."""
    if not notes:
        return line, last
    out: list[str] = []
    pos = 0
    for start, end, digits in _markers(line):
        num = int(digits)
        if num not in notes or num <= last or start < pos:
            continue
        out.append(line[pos:start])
        out.append(marker_token(digits))
        pos = end
        last = num
    out.append(line[pos:])
    return "".join(out), last


def load_layout_text(text: str) -> list[PageText]:
    """Pages of line Blocks from laid-out text (see the module docstring)."""
    lines = text.split("\n")
    symbol = running_symbol(lines) or ""
    vocab = vocabulary([text])
    raw_pages = [p.split("\n") for p in text.split("\f")] if "\f" in text else _split_pages(lines, symbol)
    pages: list[PageText] = []
    last = 0
    typed = typed_notes(lines)
    entries: dict[str, list[str]] = {}
    listed = 0
    for no, page_lines in enumerate(raw_pages, start=1):
        reader = _PageReader(page_lines, no, symbol, last, vocab, typed)
        pages.append(PageText(blocks=reader.read()))
        last = reader.last_marker
        for line in reader.contents:
            add_entry(entries, line)
        listed += len(reader.contents)
    number_entries([b for page in pages for b in page.blocks], entries, listed)
    return pages
