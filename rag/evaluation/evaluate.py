"""`rag eval`: answer a questions file against the index of its corpus and score the ranking
(P@1, R@5, R@10, MRR@10, nDCG@10), the quotes and the abstentions, for the product's hybrid
ranking and, from the same run, BM25 alone and dense alone.

- quote accuracy: over the questions whose gold paragraph is ranked first (and which carry
  gold answer strings), the share whose quote contains a gold answer string;
- abstention rate: the share of all questions the product declines to answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from rag.config import Settings
from rag.errors import IndexNotFound, UsageError
from rag.evaluation.evalset import Question, corpus_index_name, is_corpus_jsonl, load_corpus_jsonl, load_questions
from rag.evaluation.metrics import METRICS, quote_contains_answer, ranking_metrics

MODES = ("system", "bm25", "dense")
_MODE_OF = {"system": "hybrid", "bm25": "bm25", "dense": "dense"}
ProgressFn = Callable[[str, int, int], None]


@dataclass
class QuestionResult:
    """What one ranking did for one question."""

    ranked: list[str]  # "symbol\x00number" keys, best first (top 10)
    gold: set[str]
    abstained: bool
    quote: str
    answers: list[str]


def eval_settings(settings: Settings, corpus: Path) -> Settings:
    """The settings pointing at the evaluation index of `corpus` (named from its hash)."""
    from dataclasses import replace

    return replace(settings, index_name=corpus_index_name(corpus, settings))


def ensure_corpus_index(settings: Settings, corpus: Path, progress: ProgressFn | None = None) -> bool:
    """Build the evaluation index of `corpus` unless it exists with the current index settings
    (a rebuild reuses the stored embeddings); True when it was built now."""
    from rag.index.build import build_from_documents, build_index
    from rag.index.store import current_generation, index_settings, read_manifest

    try:
        manifest = read_manifest(current_generation(settings.index_path))
        if manifest.get("settings") == index_settings(settings):
            return False
    except IndexNotFound:
        pass
    if is_corpus_jsonl(corpus):
        build_from_documents(settings, load_corpus_jsonl(corpus), [corpus], wait=True, progress=progress)
    else:
        build_index(settings, [corpus], wait=True, progress=progress)
    return True


def _key(symbol: str, number: str) -> str:
    return f"{symbol}\x00{number}"


class Evaluator:
    """Runs questions through one open index and keeps per-ranking results."""

    def __init__(self, settings: Settings) -> None:
        from rag.embedding.embedders import get_embedder
        from rag.search.retriever import Retriever
        from rag.index.store import open_index

        self.index = open_index(settings)
        self.settings = settings
        self.embedder = get_embedder(settings.model, settings.batch_size)
        self.retriever = Retriever(self.index, self.embedder, settings)
        rows = self.index.conn.execute(
            "SELECT p.id, d.symbol, p.number FROM paragraphs p JOIN documents d ON d.id = p.doc_id ORDER BY p.id")
        self.keys = [_key(sym, num) for _, sym, num in rows]
        self.primary = {s: p for s, p in self.index.conn.execute(
            "SELECT s.symbol, d.symbol FROM symbols s JOIN documents d ON d.id = s.doc_id")}

    def gold_keys(self, q: Question) -> set[str]:
        primary = self.primary.get(q.symbol, q.symbol)
        return {_key(primary, g) for g in q.gold}

    def check_symbols(self, questions: list[Question], path: Path) -> None:
        unknown = sorted({q.symbol for q in questions} - set(self.primary))
        if unknown:
            raise UsageError(f"{path}: {len(unknown)} symbol(s) cited by the questions are not in the corpus, "
                             f"e.g. {', '.join(unknown[:3])}")

    def embed(self, questions: list[Question], progress: ProgressFn) -> np.ndarray:
        step = 256
        out = []
        for start in range(0, len(questions), step):
            progress("embed questions", start, len(questions))
            batch = [q.question for q in questions[start:start + step]]
            if self.index.tokens is not None and hasattr(self.embedder, "encode_with_tokens"):
                vectors, tokens = self.embedder.encode_with_tokens(batch)  # kept for the re-scoring
                for text, t in zip(batch, tokens):
                    self.retriever.remember_tokens(text, t)
                out.append(vectors)
            else:
                out.append(self.embedder.encode_queries(batch))
        progress("embed questions", len(questions), len(questions))
        return np.concatenate(out) if out else np.zeros((0, self.embedder.dim), dtype=np.float32)

    def run_one(self, q: Question, qvec: np.ndarray, within_doc: bool, answerable: bool = True
                ) -> dict[str, QuestionResult]:
        from rag.answer.extract import answer

        cands = self.retriever.candidates(q.question, qvec, q.symbol if within_doc else None)
        gold = self.gold_keys(q) if answerable else set()
        out: dict[str, QuestionResult] = {}
        for mode in MODES:
            if len(cands.ids) == 0:
                out[mode] = QuestionResult([], gold, True, "", q.answers)
                continue
            scores = self.retriever.scores(q.question, cands, _MODE_OF[mode])
            hits = self.retriever.hits(cands, scores, max(10, self.settings.top_k))
            result = answer(q.question, hits, qvec, self.embedder, self.settings, self.index.sentences,
                      self.index.lexical.idf)
            quote = result.citations[0].quote if result.citations else _quote_anyway(self, q, qvec, hits)
            out[mode] = QuestionResult([self.keys[h.pid] for h in hits[:10]], gold, result.abstained, quote,
                                       q.answers)
        return out

    def close(self) -> None:
        self.index.close()


def _quote_anyway(ev: Evaluator, q: Question, qvec: np.ndarray, hits: list) -> str:
    """The quote the top hit would give had the product not abstained (for quote accuracy)."""
    from rag.answer.extract import best_quote

    if not hits:
        return ""
    stored = ev.index.sentences.of_paragraph(hits[0].pid) if ev.index.sentences is not None else None
    return best_quote(q.question, qvec, hits[0].text, ev.embedder, stored, ev.index.lexical.idf)


def summarise(results: list[QuestionResult], answerable: bool = True) -> dict[str, Any]:
    """Mean metrics, quote accuracy and abstention rate over one ranking's results."""
    n = len(results)
    out: dict[str, Any] = {"questions": n}
    if answerable:
        for m in METRICS:
            out[m] = round(sum(ranking_metrics(r.ranked, r.gold)[m] for r in results) / n, 4) if n else 0.0
        quoted = [r for r in results if r.ranked and r.ranked[0] in r.gold and r.answers]
        out["quote_accuracy"] = (round(sum(quote_contains_answer(r.quote, r.answers) for r in quoted)
                                       / len(quoted), 4) if quoted else None)
        out["quoted"] = len(quoted)
    out["abstention_rate"] = round(sum(r.abstained for r in results) / n, 4) if n else 0.0
    return out


def evaluate(settings: Settings, questions_path: Path, corpus: Path | None, *, within_doc: bool = False,
             limit: int | None = None, unanswerable: bool = False, index_name: str | None = None,
             progress: ProgressFn | None = None) -> dict[str, dict[str, Any]]:
    """Figures for the product's ranking, BM25 alone and dense alone: {"system", "bm25", "dense"}.

    The questions are asked of `corpus` (indexed, or reused, under a name derived from its
    contents) or, with `index_name`, of an index already built. With `unanswerable`, the corpus
    is known not to answer them: only the abstention rate is measured (how a threshold is
    checked against unrelated documents)."""
    from dataclasses import replace

    tick = progress or (lambda stage, done, total: None)
    if (corpus is None) == (index_name is None):
        raise UsageError("give either a corpus (--corpus) or an existing index (--index), not both")
    if corpus is not None and not Path(corpus).exists():
        raise UsageError(f"{corpus}: no such corpus file or folder")
    if unanswerable and within_doc:
        raise UsageError("--within-doc needs the questions' own corpus; it cannot go with --unanswerable")
    questions = load_questions(Path(questions_path), limit)
    if corpus is not None:
        settings = eval_settings(settings, Path(corpus))
        ensure_corpus_index(settings, Path(corpus), tick)
    else:
        settings = replace(settings, index_name=index_name)
    ev = Evaluator(settings)
    try:
        if not unanswerable:
            ev.check_symbols(questions, Path(questions_path))
        qvecs = ev.embed(questions, tick)
        per_mode: dict[str, list[QuestionResult]] = {m: [] for m in MODES}
        for i, (q, v) in enumerate(zip(questions, qvecs)):
            if i % 100 == 0:
                tick("ask", i, len(questions))
            for mode, r in ev.run_one(q, v, within_doc, answerable=not unanswerable).items():
                per_mode[mode].append(r)
        tick("ask", len(questions), len(questions))
    finally:
        ev.close()
    return {m: summarise(per_mode[m], answerable=not unanswerable) for m in MODES}


def format_table(report: dict[str, dict[str, Any]]) -> list[list[str]]:
    """Rows of the printed table: header, then one row per ranking."""
    answerable = "P@1" in report["system"]
    cols = [*METRICS, "quote acc.", "abstained"] if answerable else ["abstained"]
    rows = [["ranking", *cols]]
    names = {"system": "system (hybrid)", "bm25": "BM25 alone", "dense": "dense alone"}
    for mode in MODES:
        r = report[mode]
        cells = [f"{r[m]:.3f}" for m in METRICS] if answerable else []
        if answerable:
            cells.append("-" if r["quote_accuracy"] is None else f"{r['quote_accuracy']:.3f}")
        cells.append(f"{r['abstention_rate']:.3f}")
        rows.append([names[mode], *cells])
    return rows
