"""Sentence vectors: the part of an index generation that holds one vector per sentence of
every paragraph, so retrieval can score a paragraph by its best sentence and answering can
pick a quote without embedding anything at question time.

It is a separate, clearly delimited part of a generation:
    sentences.faiss      flat inner-product index, one row per sentence, in paragraph order
    SQLite `sentences`   (id, para_id, ord, hash): which paragraph each row belongs to
A generation without these (built before they existed) still opens; its retrieval then
falls back to paragraph vectors alone.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rag.errors import IndexCorrupt
from rag.textutil import split_sentences

SENTENCE_VECTORS = "sentences.faiss"
SCHEMA = """
CREATE TABLE sentences (id INTEGER PRIMARY KEY, para_id INTEGER NOT NULL, ord INTEGER NOT NULL,
    hash TEXT NOT NULL);
CREATE INDEX sentences_para ON sentences(para_id);
"""


def paragraph_sentences(text: str) -> list[str]:
    """The sentences stored for a paragraph (the whole text when it has only one)."""
    return split_sentences(text) or [text]


def write_sentence_rows(conn: sqlite3.Connection, para_sentence_hashes: list[list[str]]) -> None:
    """Record, in paragraph order, which paragraph each stored sentence vector belongs to."""
    conn.executescript(SCHEMA)
    rows = []
    sid = 0
    for pid, hashes in enumerate(para_sentence_hashes):
        for ord_, h in enumerate(hashes):
            rows.append((sid, pid, ord_, h))
            sid += 1
    conn.executemany("INSERT INTO sentences VALUES (?,?,?,?)", rows)


def write_sentence_vectors(path: Path, vectors: np.ndarray) -> None:
    import faiss

    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    faiss.write_index(index, str(path))


@dataclass
class SentenceIndex:
    """Sentence vectors of an open generation and the paragraph each belongs to."""

    vectors: np.ndarray  # (sentences, dim) float32, L2-normalised
    para_of: np.ndarray  # (sentences,) paragraph id of each row
    starts: np.ndarray  # (paragraphs + 1,) row offsets: paragraph p owns rows starts[p]:starts[p+1]
    faiss_index: object

    def of_paragraph(self, pid: int) -> np.ndarray:
        """The vectors of one paragraph's sentences, in order."""
        return self.vectors[self.starts[pid]:self.starts[pid + 1]]

    def max_scores(self, qvec: np.ndarray, pids: np.ndarray) -> np.ndarray:
        """Per paragraph in `pids`: the best cosine of the query with one of its sentences."""
        if len(pids) == 0:
            return np.zeros(0, dtype=np.float32)
        lo, hi = self.starts[pids], self.starts[pids + 1]
        rows = np.concatenate([np.arange(a, b) for a, b in zip(lo, hi)])
        sims = self.vectors[rows] @ qvec
        return np.maximum.reduceat(sims, np.concatenate([[0], np.cumsum(hi - lo)[:-1]]))

    def top_paragraphs(self, qvec: np.ndarray, k: int) -> np.ndarray:
        """Paragraph ids holding the k best-matching sentences of the whole index."""
        _, ids = self.faiss_index.search(qvec[None, :].astype(np.float32), min(k, len(self.para_of)))
        ids = ids[0][ids[0] >= 0]
        return np.unique(self.para_of[ids])


def open_sentences(gen: Path, conn: sqlite3.Connection, paragraphs: int, expected: int | None
                   ) -> SentenceIndex | None:
    """Load the sentence part of a generation; None when the generation has none."""
    import faiss

    if expected is None:
        return None
    path = gen / SENTENCE_VECTORS
    try:
        index = faiss.read_index(str(path))
        para_of = np.array([r[0] for r in conn.execute("SELECT para_id FROM sentences ORDER BY id")],
                           dtype=np.int64)
    except (RuntimeError, sqlite3.DatabaseError) as exc:
        raise IndexCorrupt(f"{path}: unreadable sentence vectors", fix="run `rag index rebuild`") from exc
    if index.ntotal != expected or len(para_of) != expected:
        raise IndexCorrupt(f"{gen}: manifest says {expected} sentences, FAISS has {index.ntotal}, "
                           f"SQLite has {len(para_of)}", fix="run `rag index rebuild`")
    vectors = faiss.rev_swig_ptr(index.get_xb(), index.ntotal * index.d).reshape(index.ntotal, index.d)
    counts = np.bincount(para_of, minlength=paragraphs)
    starts = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return SentenceIndex(vectors=np.asarray(vectors), para_of=para_of, starts=starts, faiss_index=index)
