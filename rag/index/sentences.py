"""Sentence vectors: the part of an index generation that holds one vector per sentence of
every paragraph, so retrieval can score a paragraph by its best sentence and answering can
pick a quote without embedding anything at question time.

It is a separate, clearly delimited part of a generation:
    sentences.faiss      flat inner-product index, one row per sentence, in paragraph order
                         (the row store: scores and quotes read it, memory-mapped)
    sentences.search.faiss  only where the sentences are too many to scan (same size policy as
                         the paragraph vectors): an ANN index that finds sentence candidates
    SQLite `sentences`   (id, para_id, ord, hash): which paragraph each row belongs to
A generation built with `sentence_vectors = false` has none of these; its retrieval then
scores paragraphs by their paragraph vectors alone.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from rag.index.flatfile import sorted_unique
from rag.errors import IndexCorrupt
from rag.index.flatfile import check_unit_rows, map_flat, write_flat
from rag.index.scratch import Rows
from rag.textutil import split_sentences

SENTENCE_VECTORS = "sentences.faiss"
# A process that has looked up sentence spans this many times (a server, an evaluation) reads the
# whole paragraph -> rows mapping once (~0.03 s per 27k sentences) instead of one query per question.
WHOLE_MAPPING_AFTER = 3
SCHEMA = """
CREATE TABLE sentences (id INTEGER PRIMARY KEY, para_id INTEGER NOT NULL, ord INTEGER NOT NULL,
    hash TEXT NOT NULL);
CREATE INDEX sentences_para ON sentences(para_id);
"""


def paragraph_sentences(text: str) -> list[str]:
    """The sentences stored for a paragraph (the whole text when it has only one)."""
    return split_sentences(text) or [text]


def write_sentence_rows(conn: sqlite3.Connection, para_sentence_hashes: Iterable[list[str]]) -> None:
    """Record, in paragraph order, which paragraph each stored sentence vector belongs to
    (the rows are made as SQLite takes them)."""
    conn.executescript(SCHEMA)

    def rows() -> Iterator[tuple[int, int, int, str]]:
        sid = 0
        for pid, hashes in enumerate(para_sentence_hashes):
            for ord_, h in enumerate(hashes):
                yield sid, pid, ord_, h
                sid += 1

    conn.executemany("INSERT INTO sentences VALUES (?,?,?,?)", rows())


def write_sentence_vectors(path: Path, vectors: np.ndarray | Rows) -> None:
    """The flat file of sentence rows (rows from a build's scratch file are copied a block at a time)."""
    blocks = vectors.blocks() if isinstance(vectors, Rows) else [vectors]
    write_flat(path, vectors.shape[1], vectors.shape[0], blocks)


class SentenceIndex:
    """Sentence vectors of an open generation and the paragraph each belongs to.

    Which rows a paragraph owns is read from SQLite for just the paragraphs a question needs
    (reading the whole table cost ~0.03 s per process); `starts` and `para_of` give the
    whole mapping when asked for."""

    def __init__(self, index: Any, vectors: np.ndarray, conn: sqlite3.Connection, paragraphs: int,
                 path: Path = Path(SENTENCE_VECTORS)) -> None:
        self._path = path  # the file, named in errors
        self.index = index  # FlatVectors, or the faiss index where the file could not be mapped
        self.vectors = vectors  # (sentences, dim) float32, L2-normalised (memory-mapped: read-only)
        self._conn = conn
        self._paragraphs = paragraphs
        self._span_lookups = 0  # so far: a long-lived session then reads the whole mapping
        self._checked: np.ndarray | None = None  # rows already found sound (check_unit_rows)

    @cached_property
    def starts(self) -> np.ndarray:
        """(paragraphs + 1,) row offsets: paragraph p owns rows starts[p]:starts[p+1]."""
        counts = np.zeros(self._paragraphs, dtype=np.int64)
        rows = np.array(self._conn.execute("SELECT para_id, count(*) FROM sentences GROUP BY para_id").fetchall(),
                        dtype=np.int64).reshape(-1, 2)
        counts[rows[:, 0]] = rows[:, 1]
        return np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)

    @cached_property
    def para_of(self) -> np.ndarray:
        """(sentences,) paragraph id of each row."""
        return np.repeat(np.arange(self._paragraphs, dtype=np.int64), np.diff(self.starts))

    def _spans(self, pids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """First row and end row of each paragraph in `pids`."""
        pids = np.asarray(pids, dtype=np.int64)
        self._span_lookups += 1
        if "starts" in self.__dict__ or len(pids) > 2000 or self._span_lookups > WHOLE_MAPPING_AFTER:
            return self.starts[pids], self.starts[pids + 1]
        unique = sorted_unique(pids)
        marks = ",".join("?" * len(unique))
        found = {pid: (lo, hi) for pid, lo, hi in self._conn.execute(
            f"SELECT para_id, min(id), max(id) + 1 FROM sentences WHERE para_id IN ({marks}) GROUP BY para_id",
            unique.tolist())}
        spans = np.array([found.get(int(p), (0, 0)) for p in pids], dtype=np.int64).reshape(-1, 2)
        return spans[:, 0], spans[:, 1]

    def of_paragraph(self, pid: int) -> np.ndarray:
        """The vectors of one paragraph's sentences, in order."""
        lo, hi = self._spans(np.array([pid]))
        return np.array(self.vectors[lo[0]:hi[0]], dtype=np.float32)

    def max_scores(self, qvec: np.ndarray, pids: np.ndarray) -> np.ndarray:
        """Per paragraph in `pids`: the best cosine of the query with one of its sentences."""
        if len(pids) == 0:
            return np.zeros(0, dtype=np.float32)
        lo, hi = self._spans(pids)
        lengths = hi - lo
        firsts = np.concatenate([[0], np.cumsum(lengths)[:-1]])  # where each paragraph's rows start in `rows`
        rows = np.arange(int(lengths.sum())) + np.repeat(lo - firsts, lengths)
        self._check(rows)
        sims = self.vectors[rows] @ qvec
        return np.maximum.reduceat(sims, firsts)

    def _check(self, rows: np.ndarray) -> None:
        """check_unit_rows on the rows this session has not read before (a row is checked once:
        the check is for damage at rest, and it cost ~1 ms a question when repeated)."""
        if self._checked is None:
            self._checked = np.zeros(len(self.vectors), dtype=bool)
        fresh = rows[~self._checked[rows]]
        if len(fresh):
            check_unit_rows(self.vectors, fresh, self._path)
            self._checked[fresh] = True

    def top_paragraphs(self, qvec: np.ndarray, k: int) -> np.ndarray:
        """Paragraph ids holding the k best-matching sentences of the whole index."""
        _, ids = self.index.search(qvec[None, :].astype(np.float32), min(k, self.index.ntotal))
        ids = ids[0][ids[0] >= 0]
        if "para_of" in self.__dict__ or len(ids) > 2000 or self._span_lookups > WHOLE_MAPPING_AFTER:
            return sorted_unique(self.para_of[ids])
        marks = ",".join("?" * len(ids))
        return sorted_unique(np.array([r[0] for r in self._conn.execute(
            f"SELECT para_id FROM sentences WHERE id IN ({marks})", ids.tolist())], dtype=np.int64))


def open_sentences(gen: Path, conn: sqlite3.Connection, paragraphs: int, expected: int | None
                   ) -> SentenceIndex | None:
    """Open the sentence part of a generation; None when the generation has none."""
    if expected is None:
        return None
    path = gen / SENTENCE_VECTORS
    try:
        index = map_flat(path)
        if index is None:  # not a layout rag.index.flatfile knows: FAISS reads it (or says it is damaged)
            import faiss

            index = faiss.read_index(str(path))
            vectors = faiss.rev_swig_ptr(index.get_xb(), index.ntotal * index.d).reshape(index.ntotal, index.d)
        else:
            vectors = index.rows
        last = conn.execute("SELECT max(id) FROM sentences").fetchone()[0]
    except (RuntimeError, sqlite3.DatabaseError) as exc:
        raise IndexCorrupt(f"{path}: unreadable sentence vectors", fix="run `rag index rebuild`") from exc
    stored = 0 if last is None else last + 1  # rows are numbered 0..n-1 in paragraph order
    if index.ntotal != expected or stored != expected:
        raise IndexCorrupt(f"{gen}: manifest says {expected} sentences, FAISS has {index.ntotal}, "
                           f"SQLite has {stored}", fix="run `rag index rebuild`")
    return SentenceIndex(index, np.asarray(vectors), conn, paragraphs, path)
