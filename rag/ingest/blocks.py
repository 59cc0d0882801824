"""What a loader hands to the assembler: pages of `Block`s, and footnote markers as sentinels."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rag.ingest.patterns import TYPED_MARK

MARK_OPEN, MARK_CLOSE = "\x01", "\x02"
SENTINEL_RE = re.compile("\x01(\\d{1,3})\x02")


@dataclass
class Block:
    """One printed line (PDF, laid-out text), one Word or HTML paragraph, or one piece of flat
    text, with what the loader knows of its layout."""

    text: str
    page: int = 1  # physical page: 1-based from the loader, 0-based index once assembled
    kind: str = "body"  # body | heading | footnote | furniture | table (a captioned table, rag.ingest.tables) | BOXED
    number: str | None = None  # the paragraph number the line opens with, if any
    size: float = 0.0  # font size of the line's first letter (0: unknown)
    bold: bool = False
    italic: bool = False  # the whole line in italic type (PDF): a possible run-in sub-heading
    item: bool = False  # a whole one-line list item (agenda, list of States), per the loader
    text_only: bool = False  # running text by the loader's reading (a compilation entry's own lines): no heading
    after_sentence: bool = False  # flat text: the number follows a sentence end or opens the text
    x: float = 0.0  # left edge and baseline (PDF points, y grows upwards; 0: unknown)
    y: float = 0.0


BOXED = "boxed"  # `Block.kind` of a recommendation printed in a box (rag.ingest.tables.boxed_recommendations)


@dataclass
class PageText:
    """One physical page: its blocks and, once found, its printed page number."""

    blocks: list[Block]
    printed: str | None = None
    # What the loader knows of the whole document, read from its first page:
    paged: bool = True  # False for formats without pages (DOCX, HTML): paragraphs get no page
    annexes: bool = True  # False where an "Annex" heading cannot be told from a mention (flat text)
    symbols: list[str] | None = None  # the symbol(s) the loader read itself; None: read the header
    # The text before the first paragraph where the blocks keep only part of it (flat text keeps
    # its last headings); None: the first page's blocks hold it (rag.ingest.metadata).
    masthead: str | None = None


def marker_token(number: str) -> str:
    """How a loader writes a footnote marker it has recognised (superscript, note reference)."""
    return f"{MARK_OPEN}{number}{MARK_CLOSE}"


def typed_marks(texts: Iterable[str]) -> set[str]:
    """The note numbers that typewritten marks inside the texts point to ("... abstentions. 2/
    The voting": "2"; a "2/" opening a text is no mark)."""
    return {m.group(1) for t in texts for m in TYPED_MARK.finditer(t.strip()) if m.start() > 0}


def mark_typed_notes(text: str, numbers: set[str] | frozenset[str]) -> str:
    """The text with the typewritten marks ("2/" inside it, rag.ingest.patterns.TYPED_MARK) of
    the notes `numbers` as marker sentinels."""
    if not numbers:
        return text
    return TYPED_MARK.sub(lambda m: marker_token(m.group(1)) if m.group(1) in numbers and m.start() > 0
                          else m.group(0), text)


# A marker set apart from the word it follows, before punctuation ("persons 1 ."): the spaces go with it.
_SPACED_BEFORE_STOP = re.compile("\\s*\x01\\d{1,3}\x02\\s*(?=[.,;:!?])")


def strip_markers(text: str) -> str:
    """The text without its marker sentinels (nor the spaces that set one apart before
    punctuation)."""
    return SENTINEL_RE.sub("", _SPACED_BEFORE_STOP.sub("", text))


def unmark(text: str) -> str:
    """The text with each marker sentinel back as its digits."""
    return SENTINEL_RE.sub(lambda m: m.group(1), text)


def in_figure(line: str, at: int, digits: str) -> bool:
    """Whether `digits`, at `at` just after a point or a comma that follows a digit, are the
    figure's: the decimals of "$2.02 million" and "13.7 per cent", the thousands of "1,500"; a
    note marks a year ("adopted in 2022.3") or another note ("as follows: 3,4")."""
    if at < 2 or not line[at - 2].isdigit() or line[at].isspace():
        return False
    if line[at - 1] == ",":
        return len(digits) == 3
    before = re.search(r"\d+$", line[:at - 1])
    return line[at - 1] == "." and not (before is not None and re.fullmatch(r"(?:19|20)\d\d", before.group())
                                        and not digits.startswith("0"))
