"""Hybrid retrieval: a question is prepared once (rag.search.query.Query), its candidates are
scored by BM25, pair BM25, paragraph vectors and sentence vectors, and fused (rag.search.fusion):
z-scored with learned weights, then the best RERANK_DEPTH re-scored with the text features (and
token vectors) of their paragraphs."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from rag.config import Settings
from rag.embedding.base import Embedder
from rag.index.flatfile import sorted_unique
from rag.index.store import OpenIndex
from rag.index.terms import ParagraphTerms
from rag.models import Footnote, Hit
from rag.search.features import text_features
from rag.search.fusion import first_stage, rescored
from rag.search.query import Query, Search, check_ranking, question_text
from rag.textutil import content_terms


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
    """The paragraphs worth ranking for one question, with each retriever's raw score (the hybrid
    score fuses them: rag.search.fusion, weights chosen on half of the SQuAD articles, see
    docs/quality.md)."""

    ids: np.ndarray  # paragraph ids
    lexical: np.ndarray  # BM25
    dense: np.ndarray  # cosine with the paragraph vector
    sentence: np.ndarray  # best cosine with one of the paragraph's sentences (= dense without sentence vectors)
    pairs: np.ndarray  # BM25 over adjacent term pairs

    def retriever_scores(self) -> dict[str, np.ndarray]:
        """Each retriever's raw scores by the names of rag.search.fusion.FIRST_STAGE."""
        return {"lexical": self.lexical, "dense": self.dense, "sentence": self.sentence, "pairs": self.pairs}


class Retriever:
    """Ranks an open index's paragraphs for a question."""

    def __init__(self, index: OpenIndex, embedder: Embedder, settings: Settings) -> None:
        self.index = index
        self.embedder = embedder
        self.settings = settings
        self._terms: dict[int, ParagraphTerms] = {}  # tokenised paragraphs, reused across questions

    def prepare(self, question: str) -> Query:
        """The question embedded once (with its token embeddings where the index keeps token
        vectors) and the idf of its terms; UsageError when it is empty."""
        text = question_text(question)
        tokens = None
        if self.index.tokens is not None:
            vector, output = self.embedder.encode_query(text)
            tokens = self.index.tokens.prepare(output)
        else:
            vector = self.embedder.encode_queries([text])[0]
        return Query(text, vector, tokens, self.index.lexical.idf(content_terms(text)))

    def paragraph_terms(self, pids: list[int]) -> list[ParagraphTerms]:
        """Each paragraph's terms by sentence, as the build stored them (cached; the cache is
        dropped when it grows large)."""
        missing = [p for p in pids if p not in self._terms]
        if missing:
            if len(self._terms) > 50_000:
                self._terms.clear()
            marks = ",".join("?" * len(missing))
            for pid, stored in self.index.conn.execute(
                    f"SELECT id, terms FROM paragraph_terms WHERE id IN ({marks})", missing):
                self._terms[pid] = ParagraphTerms.decode(stored)
        return [self._terms[p] for p in pids]

    def text_features(self, query: Query, pids: list[int]) -> dict[str, np.ndarray]:
        """The re-scoring features of these paragraphs (rag.search.features), with `tokens`, their
        token-vector score, where the index and the query have token embeddings."""
        feats = text_features(self.paragraph_terms(pids), query.idf)
        if self.index.tokens is not None and query.tokens is not None:
            feats["tokens"] = self.index.tokens.maxsim(query.tokens, np.asarray(pids, dtype=np.int64))
        return feats

    def scores(self, query: Query, cands: Candidates, mode: str = "hybrid") -> np.ndarray:
        """The ranking score of each candidate under `mode`: bm25, dense, or else hybrid."""
        if mode == "bm25":
            return cands.lexical
        if mode == "dense":
            return cands.dense
        stage = first_stage(cands.retriever_scores())
        top = stage.top()
        return rescored(stage, top, self.text_features(query, [int(cands.ids[i]) for i in top]))

    def candidates(self, query: Query, symbol: str | None = None) -> Candidates:
        """Top candidates of BM25, paragraph vectors and sentence vectors, scored by all four
        retrievers; only the paragraphs of the document(s) issued under `symbol` when given."""
        question, qvec = query.text, query.vector
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
                footnotes=[Footnote(**f) for f in json.loads(r["footnotes"])], part=r["part"], part_of=r["part_of"]))
        return hits

    def rank(self, query: Query, modes: Iterable[str] = ("hybrid",), k: int | None = None,
             symbol: str | None = None) -> dict[str, Search]:
        """The top-k hits (best first) under each ranking of `modes` (rag.search.query.RANKINGS),
        from one set of candidates."""
        modes = [check_ranking(m) for m in modes]
        cands = self.candidates(query, symbol)
        k = k or self.settings.top_k
        if len(cands.ids) == 0:
            return {mode: Search(query, []) for mode in modes}
        return {mode: Search(query, self.hits(cands, self.scores(query, cands, mode), k)) for mode in modes}

    def search(self, question: str, k: int | None = None, symbol: str | None = None,
               mode: str = "hybrid") -> Search:
        """The top-k hits (best first) under `mode`, with the query they were ranked for."""
        return self.rank(self.prepare(question), (mode,), k, symbol)[mode]
