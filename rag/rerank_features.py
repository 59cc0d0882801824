"""Cheap text features of a candidate paragraph for a question, computed from its words at
question time (no index change): how well its best sentence, or best pair of adjacent
sentences, matches the question's terms (BM25 and idf-weighted coverage), how close
together the question's terms occur, and how many terms it carries beyond the question's own
(a heading that only restates the question carries few)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import numpy as np

from rag.sentences import paragraph_sentences
from rag.textutil import terms

TEXT_FEATURES = ("sbm25", "wbm25", "cov", "scov", "wcov", "prox", "novel")
K1, B = 0.9, 0.75
PROXIMITY_WINDOW = 12  # tokens


@dataclass
class ParagraphTerms:
    """A paragraph's index terms, sentence by sentence."""

    sentences: list[list[str]]

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
    question re-scores candidates without tokenising them (4.7 ms of a warm question for 50)."""
    conn.executescript(TERMS_SCHEMA)
    conn.executemany("INSERT INTO paragraph_terms VALUES (?, ?)", enumerate(encoded))


def has_stored_terms(conn: sqlite3.Connection) -> bool:
    """Whether a generation stores its paragraphs' terms (one written before they were stored does not)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'paragraph_terms'").fetchone() is not None


def stored_terms_by_hash(conn: sqlite3.Connection) -> dict[str, str]:
    """A generation's stored terms by paragraph text hash, for the next build to reuse ({} when
    the generation has none)."""
    if not has_stored_terms(conn):
        return {}
    return dict(conn.execute("SELECT p.hash, t.terms FROM paragraphs p JOIN paragraph_terms t ON t.id = p.id"))


def _bm25(hits: list[str], length: int, q: dict[str, float], avgdl: float) -> float:
    """BM25 of a token run given only its question-term tokens (in order) and its length."""
    if not length or not hits:
        return 0.0
    tf: dict[str, int] = {}
    for t in hits:
        tf[t] = tf.get(t, 0) + 1
    norm = K1 * (1.0 - B + B * length / avgdl)
    return sum(q[t] * n * (K1 + 1.0) / (n + norm) for t, n in tf.items())


def _coverage(hits: list[str], q: dict[str, float], total: float) -> float:
    return sum(q[t] for t in set(hits)) / total if total > 0 else 0.0


def _proximity(hits: list[tuple[int, str]], q: dict[str, float], total: float) -> float:
    """Best idf-weighted share of the question's terms inside any PROXIMITY_WINDOW tokens."""
    best = 0.0
    lo = 0
    for hi in range(len(hits)):
        while hits[hi][0] - hits[lo][0] >= PROXIMITY_WINDOW:
            lo += 1
        best = max(best, sum(q[t] for t in {t for _, t in hits[lo:hi + 1]}))
    return best / total if total > 0 else 0.0


def text_features(question: str, paragraphs: list[ParagraphTerms], idf: dict[str, float]
                  ) -> dict[str, np.ndarray]:
    """Per paragraph, each feature of TEXT_FEATURES (0 where no question term occurs, except
    `novel`: the number of distinct terms of the paragraph that are not the question's).

    `idf` maps the question's terms to their idf in the index (LexicalIndex.idf); sentence BM25
    normalises lengths by the mean sentence length of these paragraphs."""
    asked = set(terms(question))
    q = {t: w for t, w in idf.items() if t in asked}
    total = sum(q.values())
    out = {name: np.zeros(len(paragraphs), dtype=np.float32) for name in TEXT_FEATURES}
    lengths = [len(s) for p in paragraphs for s in p.sentences]
    avgdl = max(float(np.mean(lengths)) if lengths else 1.0, 1.0)
    keys = q.keys()
    for i, p in enumerate(paragraphs):
        distinct = set().union(*p.sentences)
        out["novel"][i] = len(distinct - asked)
        if keys.isdisjoint(distinct):
            continue  # no question term: every other feature is 0
        # only the question's terms matter to the other features: keep those, with positions
        hits: list[list[str]] = []
        placed: list[tuple[int, str]] = []
        offset = 0
        for sent in p.sentences:
            found = [(offset + j, t) for j, t in enumerate(sent) if t in q] if not keys.isdisjoint(sent) else []
            placed.extend(found)
            hits.append([t for _, t in found])
            offset += len(sent)
        lens = [len(sent) for sent in p.sentences]
        windows = [(a + b, la + lb) for a, b, la, lb in zip(hits, hits[1:], lens, lens[1:])] or list(zip(hits, lens))
        out["sbm25"][i] = max((_bm25(h, n, q, avgdl) for h, n in zip(hits, lens)), default=0.0)
        out["wbm25"][i] = max((_bm25(h, n, q, 2 * avgdl) for h, n in windows), default=0.0)
        out["cov"][i] = _coverage([t for _, t in placed], q, total)
        out["scov"][i] = max((_coverage(h, q, total) for h in hits), default=0.0)
        out["wcov"][i] = max((_coverage(h, q, total) for h, _ in windows), default=0.0)
        out["prox"][i] = _proximity(placed, q, total)
    return out
