"""Footnote bodies, read from a document's footnote lines and looked up by marker."""

from __future__ import annotations

import re

from rag.ingest.blocks import PageText, strip_markers, unmark
from rag.ingest.joining import clean_text, join_lines
from rag.ingest.patterns import DOCUMENT_DATE, RULE

_NOTE_NUMBER = re.compile(r"^(\d{1,3})(?:/(?=\s)|(?![\d,./:A-Za-z]))\s*")  # "1 See ..." or, typewritten, "1/ See ..."
NOTE_STEP = 40  # a footnote number further than this above the last one continues a body
# The next note's number printed with a full stop or run into its first word ("19. For cases
# ...", "20OAIS observes ..."): a note only where it is the next number.
_NEXT_NOTE_NUMBER = re.compile(r"^(\d{1,3})(?:\.\s+|(?=[A-Z][a-z]|[A-Z]{2}))")


_RUNS_ON = re.compile(r"(\d{1,3})\s+(?!www\.|https?:)[a-z]")  # "23 months." (a web address opens notes)


def _continues_note(before: str, line: str, last: int) -> bool:
    """A line opening with a date ("30 March 2025.", even when its day is the next note's number)
    or, unless its number is the next note's, with a number in the run of a sentence ("23
    months.") under a line that ends no sentence goes on with the note above; it opens no note."""
    if before.rstrip().endswith((".", "\u201d")):
        return False
    if DOCUMENT_DATE.match(line) is not None:
        return True
    m = _RUNS_ON.match(line)
    return m is not None and int(m.group(1)) != last + 1


class Notes:
    """Footnote bodies by (page, number), with a document-wide fallback by number."""

    def __init__(self, pages: list[PageText], vocab: set[str]) -> None:
        self.by_page: dict[tuple[int, str], str] = {}
        self.by_number: dict[str, str] = {}
        self._vocab = vocab
        self._key: tuple[int, str] | None = None
        self._parts: list[str] = []
        last = 0
        for idx, page in enumerate(pages):
            for b in page.blocks:
                if b.kind == "footnote" and not RULE.match(b.text):  # the rule over a page's notes is no text
                    last = self._read(idx, unmark(b.text).strip(), last)
        self._close()

    def _read(self, page: int, text: str, last: int) -> int:
        """Take one footnote line: a new body when it opens with the next number (or the first
        on its page), else more of the body before it."""
        m = _NOTE_NUMBER.match(text)
        glued = _NEXT_NOTE_NUMBER.match(text) if m is None else None
        if glued and int(glued.group(1)) == last + 1:
            m = glued
        if m and self._parts and (self._parts[-1].endswith("\ufffe") or _continues_note(self._parts[-1], text, last)):
            # the rest of a word (a web address) broken at the line's end: "...-\n111-violent-...", or
            # of a date: "... New York Times,\n30 March 2025."
            m = None
        num = int(m.group(1)) if m else 0
        if m and (last < num <= last + NOTE_STEP or num == 1 or self._key is None or self._key[0] != page):
            self._close()
            self._key, self._parts = (page, m.group(1)), [text[m.end():]]
            return num
        if self._key is not None:
            self._parts.append(text)
        return last

    def _close(self) -> None:
        if self._key is not None:
            text = clean_text(strip_markers(join_lines(self._parts, self._vocab)))
            self.by_page[self._key] = text
            self.by_number.setdefault(self._key[1], text)

    def lookup(self, number: str, page: int) -> str:
        return self.by_page.get((page, number)) or self.by_number.get(number, "")
