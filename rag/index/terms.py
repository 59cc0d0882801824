"""Each paragraph's index terms sentence by sentence, stored with a generation (the
`paragraph_terms` table) so a question re-scores its candidates without tokenising them."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from rag.index.sentences import paragraph_sentences
from rag.textutil import terms


def term_code(term: str) -> int:
    """A term's code in `TermLayout.codes`: its hash, the same for the same term throughout one
    process (codes are compared within a process, never stored)."""
    return hash(term)


class TermLayout(NamedTuple):
    """A paragraph's terms as arrays: each token's term code (`term_code`) and sentence number,
    in reading order, each sentence's length, and how many distinct terms the paragraph holds."""

    codes: np.ndarray  # int64, one per token
    sentence: np.ndarray  # int64, one per token
    lengths: np.ndarray  # float64, one per sentence
    distinct: int


@dataclass
class ParagraphTerms:
    """A paragraph's index terms, sentence by sentence."""

    sentences: list[list[str]]
    _layout: TermLayout | None = field(default=None, repr=False, compare=False)
    _vocabulary: frozenset[str] | None = field(default=None, repr=False, compare=False)

    def vocabulary(self) -> frozenset[str]:
        """The paragraph's distinct terms (computed once)."""
        if self._vocabulary is None:
            self._vocabulary = frozenset().union(*self.sentences)
        return self._vocabulary

    def layout(self) -> TermLayout:
        """The paragraph's terms as arrays (computed once)."""
        if self._layout is None:
            tokens = [t for sent in self.sentences for t in sent]
            self._layout = TermLayout(
                np.fromiter((term_code(t) for t in tokens), dtype=np.int64, count=len(tokens)),
                np.repeat(np.arange(len(self.sentences), dtype=np.int64), [len(s) for s in self.sentences]),
                np.array([len(s) for s in self.sentences], dtype=np.float64),
                len(self.vocabulary()))
        return self._layout

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
