"""BM25 over paragraphs, stored in SQLite as one postings row per term (ids and weights as
little-endian arrays), so a query reads a few rows and sums them with numpy.

Two vocabularies share the table: single terms ("serv") and adjacent term pairs ("iom serv",
keyed with a space, which no single term holds). Pairs are scored as a separate BM25 that
rewards paragraphs sharing the question's phrasing."""

from __future__ import annotations

import math
import sqlite3
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

from rag.textutil import terms

T = TypeVar("T")

# Bump when the stored postings change meaning (tokenisation, pair terms).
LEXICAL_VERSION = 3  # 3: the document title is indexed with each paragraph


def pairs_of(tokens: list[str]) -> list[str]:
    """Adjacent tokens as pair keys, keyed with a space (which no single term holds)."""
    return [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]


def term_pairs(text: str) -> list[str]:
    """Adjacent index terms as pair keys: "iom serves as secretariat" -> ["iom serv", "serv secretariat"]."""
    return pairs_of(terms(text))

SCHEMA = """
CREATE TABLE IF NOT EXISTS postings (term TEXT PRIMARY KEY, ids BLOB NOT NULL, weights BLOB NOT NULL);
"""


@dataclass
class Postings:
    """Every term's postings in one array: term i owns ids/weights[bounds[i]:bounds[i + 1]]."""

    terms: list[str]
    ids: np.ndarray  # int32 paragraph ids, ascending within a term
    weights: np.ndarray  # float32 precomputed BM25 weights
    bounds: np.ndarray  # int64, len(terms) + 1

    def as_dict(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        b = self.bounds
        return {t: (self.ids[b[i]:b[i + 1]], self.weights[b[i]:b[i + 1]]) for i, t in enumerate(self.terms)}


def postings_of(texts: Sequence[T], k1: float, b: float, tokenise: Callable[[T], list[str]] = terms) -> Postings:
    """Per term: paragraph ids (ascending) and precomputed BM25 weights (idf x saturated tf).
    `texts` may be strings or already-tokenised lists, with the matching `tokenise`.

    Vectorised: one (term, paragraph, tf) triple per distinct term of a paragraph, grouped by
    term with a stable sort, weights computed for all triples at once."""
    vocab: dict[str, int] = {}
    term_ids: list[int] = []
    doc_ids: list[int] = []
    tfs: list[int] = []
    lengths = np.zeros(len(texts), dtype=np.float32)
    for pid, text in enumerate(texts):
        counts = Counter(tokenise(text))
        lengths[pid] = sum(counts.values())
        for term, tf in counts.items():
            term_ids.append(vocab.setdefault(term, len(vocab)))
            doc_ids.append(pid)
            tfs.append(tf)
    if not vocab:
        return Postings([], np.zeros(0, np.int32), np.zeros(0, np.float32), np.zeros(1, np.int64))
    avgdl = float(lengths.mean()) or 1.0
    tids = np.asarray(term_ids, dtype=np.int64)
    order = np.argsort(tids, kind="stable")  # stable: paragraph ids stay ascending within a term
    tids = tids[order]
    ids = np.asarray(doc_ids, dtype=np.int32)[order]
    tf = np.asarray(tfs, dtype=np.float32)[order]
    df = np.bincount(tids, minlength=len(vocab))
    idf = np.log(1.0 + (len(texts) - df + 0.5) / (df + 0.5))
    norm = k1 * (1.0 - b + b * lengths[ids] / avgdl)
    weights = (idf[tids] * tf * (k1 + 1.0) / (tf + norm)).astype(np.float32)
    return Postings(list(vocab), ids, weights, np.concatenate([[0], np.cumsum(df)]).astype(np.int64))


def build_postings(texts: Sequence[T], k1: float, b: float, tokenise: Callable[[T], list[str]] = terms
                   ) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """`postings_of` as a dict: term -> (ids, weights)."""
    return postings_of(texts, k1, b, tokenise).as_dict()


def write_postings(conn: sqlite3.Connection, postings: Postings) -> None:
    """One row per term, in term order (SQLite then appends to the key's tree instead of
    splitting pages); the blobs are slices of the arrays' bytes, not one array per term."""
    conn.executescript(SCHEMA)
    ids = postings.ids.astype("<i4", copy=False).tobytes()
    weights = postings.weights.astype("<f4", copy=False).tobytes()
    bounds = (postings.bounds * 4).tolist()
    order = sorted(range(len(postings.terms)), key=postings.terms.__getitem__)
    conn.executemany("INSERT INTO postings(term, ids, weights) VALUES (?, ?, ?)",
                     ((postings.terms[i], ids[bounds[i]:bounds[i + 1]], weights[bounds[i]:bounds[i + 1]])
                      for i in order))


class LexicalIndex:
    """Reads postings from an open SQLite connection and scores queries."""

    def __init__(self, conn: sqlite3.Connection, size: int) -> None:
        self.conn = conn
        self.size = size

    def scores(self, query: str, allowed: np.ndarray | None = None) -> np.ndarray:
        """BM25 score of every paragraph for `query` (zeros where no term matches)."""
        return self._scores(terms(query), allowed)

    def pair_scores(self, query: str, allowed: np.ndarray | None = None) -> np.ndarray:
        """BM25 over adjacent term pairs (zeros for an index built without them)."""
        return self._scores(term_pairs(query), allowed)

    def idf(self, tokens: set[str]) -> dict[str, float]:
        """BM25 idf of each term (that of a term no paragraph holds for one absent from the index)."""
        if not tokens:
            return {}
        marks = ",".join("?" * len(tokens))
        df = {t: size // 4 for t, size in self.conn.execute(
            f"SELECT term, length(ids) FROM postings WHERE term IN ({marks})", list(tokens))}
        n = self.size
        return {t: math.log(1.0 + (n - df.get(t, 0) + 0.5) / (df.get(t, 0) + 0.5)) for t in tokens}

    def _scores(self, tokens: list[str], allowed: np.ndarray | None) -> np.ndarray:
        out = np.zeros(self.size, dtype=np.float32)
        qterms = list(dict.fromkeys(tokens))
        if not qterms:
            return out
        marks = ",".join("?" * len(qterms))
        counts = Counter(tokens)
        for term, ids, weights in self.conn.execute(
                f"SELECT term, ids, weights FROM postings WHERE term IN ({marks})", qterms):
            idx = np.frombuffer(ids, dtype="<i4")
            out[idx] += np.frombuffer(weights, dtype="<f4") * counts[term]  # ids unique per term
        if allowed is not None:
            out[~allowed] = 0.0
        return out
