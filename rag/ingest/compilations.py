"""Compilations of numbered entries: a document whose contents list numbered entries ("1. Center
for Family Studies . . . 2", "2. Centro UNESCO ... 3", the reports of NGOs compiled in one
document) and whose text opens each entry with the same numbered line. UN readers cite the
entries as its paragraphs ("E/C.2/2025/2, para. 6" for the sixth report). The numbered lists
inside an entry ("Areas of work: 1. Theoretical research; ... 6. Rehabilitation") number nothing
of the document and must not take over the entries' numbers."""

from __future__ import annotations

import re

from rag.ingest.blocks import Block
from rag.ingest.patterns import LEADER, LINE_NUMBER

_WORDS = re.compile(r"[^\W_]+")
MIN_WORDS = 2  # words of a numbered line that must open its contents entry's title
# Entry lines found (and at least half the contents' entries) that make a compilation of entries
MIN_ENTRIES = 3


def _words(text: str) -> list[str]:
    return _WORDS.findall(text.lower())


def add_entry(entries: dict[str, list[str]], line: str) -> None:
    """Record a contents line ("3. Cercle de recherche . . . . 5") as entry number -> the words of
    its title; a line without an entry number adds nothing."""
    text = LEADER.sub("", line).strip()
    m = LINE_NUMBER.match(text)
    if m:
        entries.setdefault(m.group(1), _words(text[m.end():]))


def _opens_entry(b: Block, entries: dict[str, list[str]]) -> bool:
    title = entries.get(b.number or "")
    if b.kind != "body" or title is None:
        return False
    m = LINE_NUMBER.match(b.text)
    words = _words(b.text[m.end():]) if m else []
    n = min(len(words), len(title))  # the line may hold part of the title, or the title and more
    return n >= min(MIN_WORDS, len(title)) and words[:n] == title[:n]


def number_entries(blocks: list[Block], entries: dict[str, list[str]], listed: int) -> None:
    """Where the numbered lines that open the `entries`' titles are at least MIN_ENTRIES and half
    the `listed` contents lines, number the text from its start (`_entries_lead`), and the other
    numbered lines never run on across an entry (they are lists inside the entries), only the
    entries keep their numbers, and the entries' own sub-headings ("Aims and purposes of the
    organization") stay in their text: they head no section of the document. A document whose
    numbers run on across its entries keeps them all: they number its paragraphs."""
    if not entries:
        return
    opening = {id(b) for b in blocks if _opens_entry(b, entries)}
    if len(opening) < max(MIN_ENTRIES, listed // 2) or not _entries_lead(blocks, opening) \
            or _numbered_across(blocks, opening):
        return
    for b in blocks:
        if id(b) not in opening:
            b.number, b.text_only = None, True  # an entry's own sub-headings and lists run in its text


def _entries_lead(blocks: list[Block], entries: set[int]) -> bool:
    """Whether the entries' lines number the text from its start: entries 1, 2, 3 ... in order,
    and no other numbered line before the first (a report's paragraphs before numbered annex
    items listed on its contents page are no compilation)."""
    numbered = [b for b in blocks if b.kind == "body" and b.number is not None]
    if not numbered or id(numbered[0]) not in entries:
        return False
    found = [int(b.number or 0) for b in numbered if id(b) in entries]
    return found == list(range(1, len(found) + 1))


def _numbered_across(blocks: list[Block], entries: set[int]) -> bool:
    """Whether the other numbered lines run on across an entry's line (the first number under
    one is the highest before it plus 1)."""
    highest, first_of_entry = 0, False
    for b in blocks:
        if id(b) in entries:
            first_of_entry = True
        elif b.kind == "body" and b.number is not None:
            if first_of_entry and highest and int(b.number) == highest + 1:
                return True
            highest, first_of_entry = max(highest, int(b.number)), False
    return False
