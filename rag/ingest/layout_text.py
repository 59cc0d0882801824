"""Plain text that keeps a printed document's layout (pdftotext output of a UN document):
one Block per printed line, so it takes the same line-level path as a PDF.

Such a file has no font facts, but it keeps the page furniture: every page after the first
opens with the document symbol alone on a line, and closes with a footer ("2/27 25-04516",
"25-04516 3/27", "GE.25-01234 7", "*2504516*"). Pages are split on form feeds where the file
has them, else just before each repeated symbol line. On each page:
    - the symbol line at the top and the footer lines at the bottom are furniture (the footer
      gives the printed page number);
    - lines after a rule of underscores are footnote bodies ("1" then its text);
    - a number standing after punctuation ("officials. 1"), or after a word at the end of a line,
      is a footnote marker when the same page has a footnote body with that number, the next
      one in order;
    - a short run of lines opening with "IV." or "B." and not ending a sentence is a heading;
    - "Annex", "Annex II" opening a page (after page 1) with text under it starts an annex, whose numbering restarts;
    - blank lines become vertical gaps, so paragraphs without numbers stay apart;
    - table-of-contents lines ("Introduction . . . . . 3") are dropped: their numbers would
      otherwise compete with the paragraphs' own.
"""

from __future__ import annotations

import re
from collections import Counter

from rag.ingest.lines import _ANNEX_RE, _WORD_RE, _join
from rag.ingest.structure import Block, PageText, marker_token
from rag.ingest.symbols import find_symbols

_JOB = r"(?:GE\.)?\d{2}-\d{5}[A-Z]?(?:\s*\([EFS]\))?(?:\s+\d{6}){0,2}"
_PAGE_NO = r"(?:\d{1,4}(?:\s*/\s*\d{1,4})?|[ivxlc]{1,6})"
_FOOTER_RE = re.compile(rf"^(?:{_PAGE_NO}\s+{_JOB}|{_JOB}(?:\s+{_PAGE_NO})?|\*\d{{6,}}\*|{_PAGE_NO})$")
_LEADER_RE = re.compile(r"(?:\s?\.){6,}\s*(?:\d{1,4}|[ivxlc]{1,6})?\s*$")
_HEADING_START = re.compile(r"^(?:[IVXL]{1,6}|[A-Z])\.\s+\S")
_ENDS_RE = re.compile(r"[.;:!?]\W{0,2}$")
_RULE_RE = re.compile(r"^\s*_{5,}\s*$")
_NUMBER_START = re.compile(r"^(\d{1,3})\.(?:\s+|$)")
_NOTE_START = re.compile(r"^(\d{1,3})(?:\s+(?=\S)|$)")
# a footnote number after punctuation ("officials. 1", "Treaty,2") or after a word at the end of
# a line ("instability 1"); not "on 1 December", not "paragraph 1"
_MARKER_RE = re.compile(r"(?<=[.,;:)\]”’\"])\s?(\d{1,3})(?=\s|$)|(?<=[A-Za-z]) (\d{1,3})\s*$")
_NOT_MARKER_BEFORE = re.compile(
    r"\b(?:paras?|paragraphs?|art|arts|articles?|No|Nos|items?|annex|chapter|resolution|decision|rule|"
    r"section|part|page|Vol|vol|table|figure|box|goal|target|principle|step|phase|level|point|option)\.?$", re.I)
LINE_STEP, SIZE = 12.0, 10.0  # synthetic layout: a blank line is a gap of 2 steps (> 1.6 sizes)


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
    pages: list[list[str]] = [[]]
    for i, ln in enumerate(lines):
        if ln.strip() == symbol and i > 0 and any(s.strip() for s in pages[-1]) and _page_ended(pages[-1]):
            pages.append([])
        pages[-1].append(ln)
    return pages


def _page_ended(page: list[str]) -> bool:
    """The lines so far end with a footer (or with nothing but a blank gap after text)."""
    tail = [s.strip() for s in page if s.strip()]
    return bool(tail) and (bool(_FOOTER_RE.match(tail[-1])) or page[-1].strip() == "")


def _page_blocks(lines: list[str], page_no: int, symbol: str, last_marker: int,
                 vocab: set[str]) -> tuple[list[Block], int]:
    """The Blocks of one page (a body block is a run of lines up to a blank line or to a line
    opening a numbered paragraph or heading), and the last footnote marker seen so far."""
    kinds: list[str] = []
    in_notes = False
    for ln in lines:
        s = ln.strip()
        if _RULE_RE.match(ln):
            in_notes = True
            kinds.append("rule")
        else:
            kinds.append("footnote" if in_notes and s else "body")
    content = [i for i, ln in enumerate(lines) if ln.strip()]
    for i in content[:2]:  # the running symbol at the top of the page
        if lines[i].strip() == symbol:
            kinds[i] = "furniture"
            break
    for i in reversed(content):  # footer lines at the bottom
        if not _FOOTER_RE.match(lines[i].strip()):
            break
        kinds[i] = "furniture"
    notes = {int(m.group(1)) for ln, k in zip(lines, kinds) if k == "footnote"
             for m in [_NOTE_START.match(ln.strip())] if m}
    top = [i for i in content if kinds[i] == "body"][:2] if page_no > 1 else []
    blocks: list[Block] = []
    group: list[int] = []  # line indices of the body block being gathered
    y = 1000.0

    def close() -> None:
        nonlocal last_marker
        if not group:
            return
        texts = []
        for i in group:
            t, last_marker = _mark_notes(lines[i].strip(), notes, last_marker)
            texts.append(t)
        text = _join(texts, vocab)
        m = _NUMBER_START.match(text)
        number = m.group(1) if m else None
        item = bool(number) and len(group) == 1 and _list_item(lines, group[0])
        heading = not number and _HEADING_START.match(text) is not None and len(group) <= 3 \
            and len(text.split()) <= 30 and not _ENDS_RE.search(text)
        blocks.append(Block(text, page=page_no, kind="heading" if heading else "body", number=number, size=SIZE,
                            y=block_y, item=item))
        group.clear()

    block_y = y
    for idx, (ln, kind) in enumerate(zip(lines, kinds)):
        s = ln.strip()
        y -= LINE_STEP
        if not s or kind != "body":
            close()
            if s and kind != "rule":
                blocks.append(Block(s, page=page_no, kind=kind, size=SIZE, y=y))
            continue
        if _LEADER_RE.search(s):
            close()
            continue  # a table-of-contents entry ("Introduction . . . . 3"): navigation, not text
        if _ANNEX_RE.match(s) and idx in top and sum(kinds[j] == "body" for j in content if j > idx) >= 3:
            close()  # an annex starts on a new page; "Annex" lower down is a contents entry
            blocks.append(Block(s, page=page_no, kind="heading", size=SIZE, y=y))
            continue
        if group and (_NUMBER_START.match(s) or _HEADING_START.match(s) or _ANNEX_RE.match(lines[group[-1]].strip())):
            close()
        if not group:
            block_y = y
        group.append(idx)
    close()
    return blocks, last_marker


def _list_item(lines: list[str], idx: int) -> bool:
    """A numbered line that is a whole item of a list (an agenda, a list of States): it ends
    there, or is short, and the next line is blank or numbered too."""
    s = lines[idx].strip()
    nxt = lines[idx + 1].strip() if idx + 1 < len(lines) else ""
    ends = bool(re.search(r"[.;*]$", s)) or len(s.split()) <= 6
    return ends and (not nxt or bool(_NUMBER_START.match(nxt)))


def _mark_notes(line: str, notes: set[int], last: int) -> tuple[str, int]:
    """Turn footnote numbers that this page's footnote bodies carry into marker sentinels."""
    if not notes:
        return line, last
    out: list[str] = []
    pos = 0
    for m in _MARKER_RE.finditer(line):
        digits = m.group(1) or m.group(2)
        num = int(digits)
        if num not in notes or num <= last or _NOT_MARKER_BEFORE.search(line[:m.start()].rstrip()):
            continue
        out.append(line[pos:m.start()])
        out.append(marker_token(digits))
        pos = m.end()
        last = num
    out.append(line[pos:])
    return "".join(out), last


def load_layout_text(text: str) -> list[PageText]:
    """Pages of line Blocks from laid-out text (see the module docstring)."""
    lines = text.split("\n")
    symbol = running_symbol(lines) or ""
    vocab = {w.lower() for w in _WORD_RE.findall(text)}
    raw_pages = [p.split("\n") for p in text.split("\f")] if "\f" in text else _split_pages(lines, symbol)
    pages: list[PageText] = []
    last = 0
    for no, page_lines in enumerate(raw_pages, start=1):
        blocks, last = _page_blocks(page_lines, no, symbol, last, vocab)
        pages.append(PageText(blocks=blocks, lines=True))
    return pages
