"""Hybrid retrieval: BM25 and dense scores of the candidates, fused (rag.search.fusion: z-scored with
learned weights and a text-feature re-scoring of the best ones; or min-max with the weights in
Settings)."""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np

from rag.index.flatfile import sorted_unique
from rag.config import Settings
from rag.embedding.embedders import Embedder
from rag.errors import UsageError
from rag.search.fusion import TextFeaturesFn, learned_scores
from rag.models import Footnote, Hit
from rag.index.terms import ParagraphTerms
from rag.search.features import text_features
from rag.index.store import OpenIndex
from rag.index.token_vectors import QueryTokens
from rag.embedding.base import TokenOutput


def minmax(x: np.ndarray) -> np.ndarray:
    lo, hi = float(x.min(initial=0.0)), float(x.max(initial=0.0))
    return (x - lo) / (hi - lo) if hi > lo else np.zeros_like(x)


def allowed_mask(index: OpenIndex, symbol: str | None) -> np.ndarray | None:
    """Paragraphs of the document(s) issued under `symbol`, or None for all."""
    if not symbol:
        return None
    ids = [r[0] for r in index.conn.execute(
        "SELECT p.id FROM paragraphs p JOIN symbols s ON s.doc_id = p.doc_id WHERE s.symbol = ?", (symbol,))]
    mask = np.zeros(index.size, dtype=bool)
    mask[ids] = True
    return mask


def dense_scores(index: OpenIndex, qvec: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Cosine of the query with the stored vectors of `ids`."""
    if len(ids) == 0:
        return np.zeros(0, dtype=np.float32)
    vecs = index.vectors.reconstruct_batch(ids.astype(np.int64))
    return vecs @ qvec


@dataclass
class Candidates:
    """The paragraphs worth ranking for one question, with each retriever's raw score.

    The hybrid score fuses them (Settings.fusion; weights chosen on half of the SQuAD articles:
    see docs/quality.md)."""

    ids: np.ndarray  # paragraph ids
    lexical: np.ndarray  # BM25
    dense: np.ndarray  # cosine with the paragraph vector
    sentence: np.ndarray  # best cosine with one of the paragraph's sentences (= dense without sentence vectors)
    pairs: np.ndarray  # BM25 over adjacent term pairs

    def scores(self, mode: str, settings: Settings, text: TextFeaturesFn | None = None) -> np.ndarray:
        """The ranking score of each candidate under `mode` (hybrid, bm25 or dense); `text` gives
        the text features of candidate positions for the learned fusion's re-scoring."""
        if mode == "bm25":
            return self.lexical
        if mode == "dense":
            return self.dense
        return learned_scores({"lexical": self.lexical, "dense": self.dense, "sentence": self.sentence,
                               "pairs": self.pairs}, text)


QUERY_TOKENS_KEPT = 20_000  # questions' prepared tokens kept by a retriever (~4 KB each)
_MISSING = object()


class Retriever:
    """Ranks an open index's paragraphs for a question."""

    def __init__(self, index: OpenIndex, embedder: Embedder, settings: Settings) -> None:
        self.index = index
        self.embedder = embedder
        self.settings = settings
        self._terms: dict[int, ParagraphTerms] = {}  # tokenised paragraphs, reused across questions
        self._query_tokens: dict[str, QueryTokens | None] = {}  # recent questions' tokens, for re-scoring

    def encode(self, question: str) -> np.ndarray:
        """The question's vector; its token embeddings from the same pass are kept for re-scoring."""
        if self.index.tokens is not None and hasattr(self.embedder, "encode_query"):
            vector, tokens = self.embedder.encode_query(question)
            self.remember_tokens(question, tokens)
            return vector
        return self.embedder.encode_queries([question])[0]

    def remember_tokens(self, question: str, tokens: TokenOutput | None) -> QueryTokens | None:
        """Keep a question's token embeddings (from the pass that gave its vector) for re-scoring;
        at most QUERY_TOKENS_KEPT questions (an evaluation embeds all of its questions first)."""
        if self.index.tokens is None:
            return None
        if len(self._query_tokens) >= QUERY_TOKENS_KEPT:
            self._query_tokens.clear()
        prepared = self.index.tokens.prepare(tokens)
        self._query_tokens[question] = prepared
        return prepared

    def query_tokens(self, question: str) -> QueryTokens | None:
        """The question's token embeddings (None where the embedder gives none). Safe under
        concurrent questions (the server's threads): a dropped entry is computed again."""
        found = self._query_tokens.get(question, _MISSING)
        if found is not _MISSING:
            return found  # type: ignore[return-value]
        if not hasattr(self.embedder, "encode_query"):
            return None
        return self.remember_tokens(question, self.embedder.encode_query(question)[1])

    def paragraph_terms(self, pids: list[int]) -> list[ParagraphTerms]:
        """Each paragraph's terms by sentence (cached; the cache is dropped when it grows large)."""
        missing = [p for p in pids if p not in self._terms]
        if missing:
            if len(self._terms) > 50_000:
                self._terms.clear()
            marks = ",".join("?" * len(missing))
            for pid, stored in self.index.conn.execute(
                    f"SELECT id, terms FROM paragraph_terms WHERE id IN ({marks})", missing):
                self._terms[pid] = ParagraphTerms.decode(stored)
        return [self._terms[p] for p in pids]

    def text_features_of(self, question: str, cands: Candidates) -> TextFeaturesFn:
        """The text features of candidate positions, for Candidates.scores."""
        from rag.textutil import content_terms

        def features(positions: np.ndarray) -> dict[str, np.ndarray]:
            idf = self.index.lexical.idf(content_terms(question))
            pids = [int(cands.ids[i]) for i in positions]
            feats = text_features(question, self.paragraph_terms(pids), idf)
            if self.index.tokens is not None:
                tokens = self.query_tokens(question)
                if tokens is not None:
                    feats["tokens"] = self.index.tokens.maxsim(tokens, np.asarray(pids, dtype=np.int64))
            return feats
        return features

    def scores(self, question: str, cands: Candidates, mode: str = "hybrid") -> np.ndarray:
        """The ranking score of each candidate under `mode`."""
        return cands.scores(mode, self.settings, self.text_features_of(question, cands))

    def candidates(self, question: str, qvec: np.ndarray, symbol: str | None = None) -> Candidates:
        """Top candidates of BM25, paragraph vectors and sentence vectors, scored by all three."""
        n = self.index.size
        empty = np.zeros(0, dtype=np.float32)
        mask = allowed_mask(self.index, symbol)
        if mask is not None and not mask.any():
            return Candidates(np.zeros(0, dtype=np.int64), empty, empty, empty, empty)
        c = min(self.settings.candidates, n)
        lex = self.index.lexical.scores(question, mask)
        sentences = self.index.sentences
        if mask is None:
            _, dense_ids = self.index.vectors.search(qvec[None, :], c)
            dense_ids = dense_ids[0][dense_ids[0] >= 0]
            if sentences is not None:
                dense_ids = np.concatenate([dense_ids, sentences.top_paragraphs(qvec, c)])
        else:
            allowed = np.flatnonzero(mask)
            sims = dense_scores(self.index, qvec, allowed)
            dense_ids = allowed[np.argsort(-sims)[:c]]
            if sentences is not None:
                best = sentences.max_scores(qvec, allowed)
                dense_ids = np.concatenate([dense_ids, allowed[np.argsort(-best)[:c]]])
        lex_ids = np.flatnonzero(lex > 0)  # top-c among matching paragraphs only (cheap at 1M)
        if len(lex_ids) > c:
            lex_ids = lex_ids[np.argpartition(-lex[lex_ids], c - 1)[:c]]
        cand = sorted_unique(np.concatenate([dense_ids, lex_ids])).astype(np.int64)
        if len(cand) == 0:
            return Candidates(cand, empty, empty, empty, empty)
        d = dense_scores(self.index, qvec, cand)
        sent = sentences.max_scores(qvec, cand) if sentences is not None else d
        pairs = self.index.lexical.pair_scores(question, mask)[cand]
        return Candidates(cand, lex[cand], d, sent, pairs)

    def hits(self, cands: Candidates, scores: np.ndarray, k: int) -> list[Hit]:
        """The k best candidates under `scores` as Hits, best first."""
        order = np.argsort(-scores, kind="stable")[:k]
        rows = self.index.paragraph_rows([int(cands.ids[i]) for i in order])
        hits = []
        for i in order:
            r = rows[int(cands.ids[i])]
            hits.append(Hit(
                pid=int(cands.ids[i]), symbol=r["symbol"], number=r["number"], text=r["text"], page=r["page"],
                section=r["section"], score=float(scores[i]), lexical=float(cands.lexical[i]),
                dense=float(cands.dense[i]), sentence=float(cands.sentence[i]),
                running=bool(r["running"]), annex=r["annex"], source=r["source"],
                footnotes=[Footnote(**f) for f in json.loads(r["footnotes"])]))
        return hits

    def search(self, question: str, k: int | None = None, symbol: str | None = None,
               mode: str = "hybrid", qvec: np.ndarray | None = None) -> tuple[list[Hit], np.ndarray]:
        """Top-k hits (best first) and the query vector."""
        question = question.strip()
        if not question:
            raise UsageError("empty question: ask something, e.g. rag ask \"which forum does IOM serve as secretariat for?\"")
        if qvec is None:
            qvec = self.encode(question)
        cands = self.candidates(question, qvec, symbol)
        if len(cands.ids) == 0:
            return [], qvec
        return self.hits(cands, self.scores(question, cands, mode), k or self.settings.top_k), qvec
