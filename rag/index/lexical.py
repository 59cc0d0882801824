"""BM25 over paragraphs: term frequencies stored per term, weights computed at question time.

Two vocabularies share one lexicon: single terms ("serv") and adjacent term pairs ("iom serv",
keyed with a space, which no single term holds). Pairs are scored as a separate BM25 that
rewards paragraphs sharing the question's phrasing.

Stored with a generation (docs/index-format.md):
    SQLite `lexicon`   term -> term id
    postings.pos       int64, terms + 1 offsets: term t owns entries pos[t]:pos[t+1]
    postings.ids       int32 paragraph ids of the entries, ascending within a term
    postings.tfs       uint16 how often the term occurs in that paragraph
    postings.lengths   int32 per paragraph: its number of terms (its number of pairs is one less)
A question reads its terms' ids from the lexicon and their entries from the memory-mapped files,
and weighs each entry with BM25 (idf from the term's entry count, the saturated tf normalised by
the paragraph's length); the weights depend on the whole index only through the paragraph count
and the mean length, so a build carries the entries of unchanged paragraphs over (rag.index.postings).
"""

from __future__ import annotations

import math
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from rag.errors import IndexCorrupt
from rag.index.flatfile import map_rows
from rag.textutil import terms

# Bump when the stored terms change meaning (tokenisation, pair terms): a build then re-tokenises.
LEXICAL_VERSION = 6  # 3: the document title is indexed with each paragraph; 4: -ise and -ize stem alike;
# 5: "sect.", "Sect.", "subpara." and "Suppl." end no sentence (stored terms keep each token's sentence);
# 6: terms drop their letters' accents ("Côte" and "Cote" meet)

POSTINGS_POS, POSTINGS_IDS, POSTINGS_TFS, POSTINGS_LENGTHS = (
    "postings.pos", "postings.ids", "postings.tfs", "postings.lengths")
POSTINGS_FILES = (POSTINGS_POS, POSTINGS_IDS, POSTINGS_TFS, POSTINGS_LENGTHS)
IDS_DTYPE, TFS_DTYPE, POS_DTYPE, LENGTHS_DTYPE = np.dtype("<i4"), np.dtype("<u2"), np.dtype("<i8"), np.dtype("<i4")
MAX_TF = np.iinfo(TFS_DTYPE).max
WEIGHTS_KEPT = 4_000_000  # BM25 weights a LexicalIndex keeps for the terms questions asked (16 MB)
TERM_IDS_KEPT = 200_000  # lexicon lookups a LexicalIndex remembers
LEXICON_SCHEMA = "CREATE TABLE lexicon (term TEXT PRIMARY KEY, id INTEGER NOT NULL) WITHOUT ROWID;"


def pairs_of(tokens: list[str]) -> list[str]:
    """Adjacent tokens as pair keys, keyed with a space (which no single term holds)."""
    return [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]


def term_pairs(text: str) -> list[str]:
    """Adjacent index terms as pair keys: "iom serves as secretariat" -> ["iom serv", "serv secretariat"]."""
    return pairs_of(terms(text))


def bm25_norms(lengths: np.ndarray, k1: float, b: float) -> np.ndarray:
    """Each paragraph's BM25 length normalisation k1 x (1 - b + b x length / mean length), float32."""
    lengths = np.asarray(lengths, dtype=np.float32)
    avgdl = float(lengths.mean()) if len(lengths) else 0.0
    return k1 * (1.0 - b + b * lengths / (avgdl or 1.0))


def bm25_idf(df: np.ndarray, paragraphs: int) -> np.ndarray:
    """BM25 idf (float64) of terms held by `df` paragraphs each."""
    return np.log(1.0 + (paragraphs - df + 0.5) / (df + 0.5))


def bm25_weights(idf: np.floating, tfs: np.ndarray, norms: np.ndarray, k1: float) -> np.ndarray:
    """BM25 weight (float32) of entries with term frequencies `tfs` and their paragraphs' norms."""
    tf = np.asarray(tfs, dtype=np.float32)
    return (np.float64(idf) * tf * (k1 + 1.0) / (tf + norms)).astype(np.float32)


def _mapped(path: Path, dtype: np.dtype) -> np.ndarray:
    """A whole file as a read-only array, memory-mapped (a question reads a few slices)."""
    size = path.stat().st_size
    if size == 0:
        return np.zeros(0, dtype)
    with open(path, "rb") as fh:
        return np.frombuffer(map_rows(fh, size, populate_up_to=0), dtype=dtype)


class LexicalIndex:
    """A generation's postings, opened read-only, scoring questions with BM25."""

    def __init__(self, conn: sqlite3.Connection, folder: Path, size: int, k1: float, b: float) -> None:
        self.conn = conn
        self.size = size
        self.k1, self.b = k1, b
        self.pos = _mapped(folder / POSTINGS_POS, POS_DTYPE)
        self.ids = _mapped(folder / POSTINGS_IDS, IDS_DTYPE)
        self.tfs = _mapped(folder / POSTINGS_TFS, TFS_DTYPE)
        self._folder = folder
        self._norms: dict[bool, np.ndarray] = {}  # pairs? -> per-paragraph norms, computed on first use
        self._ids: dict[str, int] = {}  # lexicon ids of the keys asked so far (-1: not in the lexicon)
        # recent terms' checked entries and weights (a server's questions share terms)
        self._weights: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._kept = 0

    def check(self) -> str | None:
        """What is inconsistent between the files and the index's size (None: nothing)."""
        if len(self.pos) == 0 or int(self.pos[-1]) != len(self.ids) or len(self.ids) != len(self.tfs):
            return f"{self._folder / POSTINGS_POS}: offsets do not match {POSTINGS_IDS} and {POSTINGS_TFS}"
        if (self._folder / POSTINGS_LENGTHS).stat().st_size != self.size * LENGTHS_DTYPE.itemsize:
            return f"{self._folder / POSTINGS_LENGTHS}: not one length per paragraph ({self.size})"
        return None

    def scores(self, query: str, allowed: np.ndarray | None = None) -> np.ndarray:
        """BM25 score of every paragraph for `query` (zeros where no term matches)."""
        return self._scores(terms(query), allowed)

    def pair_scores(self, query: str, allowed: np.ndarray | None = None) -> np.ndarray:
        """BM25 over adjacent term pairs."""
        return self._scores(term_pairs(query), allowed)

    def idf(self, tokens: set[str]) -> dict[str, float]:
        """BM25 idf of each term (that of a term no paragraph holds for one absent from the index)."""
        df = self._dfs(list(tokens))
        n = self.size
        return {t: math.log(1.0 + (n - df.get(t, 0) + 0.5) / (df.get(t, 0) + 0.5)) for t in tokens}

    def postings(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        """One term's paragraph ids and BM25 weights (empty arrays for a term no paragraph holds)."""
        found = self._term_ids([term])
        if not found:
            return np.zeros(0, np.int32), np.zeros(0, np.float32)
        a, b = int(self.pos[found[0][1]]), int(self.pos[found[0][1] + 1])
        ids = self._entries(a, b)
        idf = bm25_idf(np.array([b - a], dtype=np.int64), self.size)[0]
        return ids, bm25_weights(idf, self.tfs[a:b], self._norm(" " in term)[ids], self.k1)

    def _entries(self, a: int, b: int) -> np.ndarray:
        """The paragraph ids of entries a:b, checked: offsets and ids that point outside the
        files (bit rot that kept the mtime) are a corrupt index, not an IndexError."""
        ids = np.asarray(self.ids[a:b]) if 0 <= a <= b <= len(self.ids) else None
        if ids is None or (len(ids) and (int(ids.min()) < 0 or int(ids.max()) >= self.size)):
            raise IndexCorrupt(f"{self._folder / POSTINGS_IDS}: entries point outside the index (damaged)",
                               fix="run `rag index rebuild`")
        return ids

    def _dfs(self, keys: list[str]) -> dict[str, int]:
        """How many paragraphs hold each of the keys the lexicon holds."""
        return {t: self._df(tid) for t, tid in self._term_ids(keys)}

    def _df(self, tid: int) -> int:
        return int(self.pos[tid + 1] - self.pos[tid])

    def _term_ids(self, keys: list[str]) -> list[tuple[str, int]]:
        """(term, id) of the keys the lexicon holds, in term order (the lexicon is read once per
        key: a generation never changes, and a question asks its terms several times)."""
        known = self._ids  # one dict throughout, though another thread may start a new one
        unknown = [k for k in dict.fromkeys(keys) if k not in known]
        if unknown:
            marks = ",".join("?" * len(unknown))
            found = dict.fromkeys(unknown, -1)
            found.update(self.conn.execute(f"SELECT term, id FROM lexicon WHERE term IN ({marks})", unknown))
            if len(known) + len(found) > TERM_IDS_KEPT:
                known = {k: known[k] for k in keys if k in known}
                self._ids = known
            known.update(found)
        return sorted((k, known[k]) for k in set(keys) if known[k] >= 0)

    def _term_entries(self, term: str, a: int, b: int, idf: np.floating) -> tuple[np.ndarray, np.ndarray]:
        """The checked paragraph ids (`_entries`) and BM25 weights of the entries a:b (one
        term's), kept for the next questions."""
        kept = self._weights.get(term)
        if kept is None:
            ids = self._entries(a, b)
            kept = ids, bm25_weights(idf, self.tfs[a:b], self._norm(" " in term)[ids], self.k1)
            if self._kept + len(ids) > WEIGHTS_KEPT:
                self._weights, self._kept = {}, 0
            self._weights[term] = kept
            self._kept += len(ids)
        return kept

    def _norm(self, pairs: bool) -> np.ndarray:
        """Each paragraph's BM25 length norm over its terms, or its adjacent term pairs (computed
        on first use)."""
        norm = self._norms.get(pairs)
        if norm is None:
            lengths = self._paragraph_lengths()
            norm = bm25_norms(np.maximum(lengths - 1, 0) if pairs else lengths, self.k1, self.b)
            self._norms[pairs] = norm
        return norm

    def _paragraph_lengths(self) -> np.ndarray:
        """How many terms each paragraph holds."""
        return np.fromfile(self._folder / POSTINGS_LENGTHS, dtype=LENGTHS_DTYPE)

    def _scores(self, tokens: list[str], allowed: np.ndarray | None) -> np.ndarray:
        out = np.zeros(self.size, dtype=np.float32)
        counts = Counter(tokens)
        found = self._term_ids(list(counts))
        chosen = np.flatnonzero(allowed) if allowed is not None else None
        outside = False  # whether some entries added may lie outside `allowed`
        if found:
            tids = np.array([tid for _, tid in found], dtype=np.int64)
            starts, ends = self.pos[tids], self.pos[tids + 1]
            idf = bm25_idf(ends - starts, self.size)
            for (term, _), a, b, term_idf in zip(found, starts.tolist(), ends.tolist(), idf):
                idx, weights = self._term_entries(term, a, b, term_idf)
                if chosen is not None and len(chosen) < len(idx):  # a few paragraphs (one document's)
                    idx, weights = _entries_among(idx, weights, chosen)
                else:
                    outside = True
                out[idx] += weights * counts[term]  # ids unique per term
        if allowed is not None and outside:
            out[~allowed] = 0.0
        return out


def _entries_among(ids: np.ndarray, weights: np.ndarray, chosen: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The entries (ascending `ids`, their `weights`) of the paragraphs `chosen` (ascending),
    found by binary search rather than a pass over every entry."""
    at = np.searchsorted(ids, chosen)
    inside = at < len(ids)
    held = np.zeros(len(chosen), dtype=bool)
    held[inside] = ids[at[inside]] == chosen[inside]
    return chosen[held], weights[at[held]]


def open_lexical(conn: sqlite3.Connection, folder: Path, size: int, settings: dict[str, Any]) -> LexicalIndex:
    """The postings of a generation, with the BM25 parameters its manifest records."""
    return LexicalIndex(conn, folder, size, float(settings["bm25_k1"]), float(settings["bm25_b"]))
