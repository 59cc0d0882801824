"""Each paragraph's index terms sentence by sentence, stored with a generation (the
`paragraph_terms` table) so a question re-scores its candidates without tokenising them."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

import numpy as np

from rag.index.sentences import paragraph_sentences
from rag.textutil import terms


@dataclass
class ParagraphTerms:
    """A paragraph's index terms, sentence by sentence."""

    sentences: list[list[str]]
    _where: dict[str, tuple[np.ndarray, np.ndarray]] | None = field(default=None, repr=False, compare=False)
    _vocabulary: frozenset[str] | None = field(default=None, repr=False, compare=False)

    def vocabulary(self) -> frozenset[str]:
        """The paragraph's distinct terms (computed once)."""
        if self._vocabulary is None:
            self._vocabulary = frozenset().union(*self.sentences)
        return self._vocabulary

    def where(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """Each term's sentence numbers and positions in the paragraph (computed once)."""
        if self._where is None:
            found: dict[str, tuple[list[int], list[int]]] = {}
            at = 0
            for k, sent in enumerate(self.sentences):
                for t in sent:
                    entry = found.setdefault(t, ([], []))
                    entry[0].append(k)
                    entry[1].append(at)
                    at += 1
            self._where = {t: (np.array(a, dtype=np.int64), np.array(b, dtype=np.int64)) for t, (a, b) in found.items()}
        return self._where

    @classmethod
    def of(cls, text: str) -> ParagraphTerms:
        return cls([terms(s) for s in paragraph_sentences(text)])

    def encode(self) -> str:
        """Stored form: terms (never holding whitespace) joined by spaces, sentences by newlines."""
        return "\n".join(" ".join(s) for s in self.sentences)

    @classmethod
    def decode(cls, stored: str) -> ParagraphTerms:
        return cls([s.split() for s in stored.split("\n")])


TERMS_SCHEMA = "CREATE TABLE paragraph_terms (id INTEGER PRIMARY KEY, terms TEXT NOT NULL);"


def write_paragraph_terms(conn: sqlite3.Connection, encoded: list[str]) -> None:
    """Each paragraph's terms by sentence (`ParagraphTerms.encode`, in paragraph id order), so a
    question re-scores candidates without tokenising them and the next build reuses them."""
    conn.executescript(TERMS_SCHEMA)
    conn.executemany("INSERT INTO paragraph_terms VALUES (?, ?)", enumerate(encoded))
