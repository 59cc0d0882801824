"""`rag eval`: ask a questions file through the product's Session (as `rag ask` and `rag serve`
do) and score the ranking (P@1, R@5, R@10, MRR@10, nDCG@10), the quotes and the abstentions, for
the product's hybrid ranking and, from the same candidates, BM25 alone and dense alone.

- quote accuracy: over the questions whose gold paragraph is ranked first (and which carry
  gold answer strings), the share whose quote contains a gold answer string;
- abstention rate: the share of all questions the product declines to answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from rag.config import Settings
from rag.errors import IndexNotFound, UsageError
from rag.evaluation.evalset import (Question, corpus_index_name, is_corpus_jsonl, load_corpus_jsonl,
                                    load_question_texts, load_questions)
from rag.evaluation.metrics import METRICS, quote_contains_answer, ranking_metrics
from rag.index.paragraphs import symbol_owners
from rag.service import Session

MODES = ("system", "bm25", "dense")
_RANKING_OF = {"system": "hybrid", "bm25": "bm25", "dense": "dense"}
ProgressFn = Callable[[str, int, int], None]


@dataclass
class QuestionResult:
    """What one ranking did for one question."""

    ranked: list[str]  # "symbol\x00number" keys, best first (top 10)
    gold: set[str]
    abstained: bool
    quote: str
    answers: list[str]


def no_progress(stage: str, done: int, total: int) -> None:
    """No progress shown."""


def eval_settings(settings: Settings, corpus: Path) -> Settings:
    """The settings pointing at the evaluation index of `corpus` (named from its hash)."""
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


def target_settings(settings: Settings, corpus: Path | None, index_name: str | None,
                    progress: ProgressFn = no_progress) -> Settings:
    """The settings of the index questions are asked of: that of `corpus` (indexed now, or
    reused) or the index `index_name` already built; exactly one of the two is given."""
    if (corpus is None) == (index_name is None):
        raise UsageError("give either a corpus (--corpus) or an existing index (--index), not both")
    if corpus is None:
        return replace(settings, index_name=index_name)
    if not Path(corpus).exists():
        raise UsageError(f"{corpus}: no such corpus file or folder")
    settings = eval_settings(settings, Path(corpus))
    ensure_corpus_index(settings, Path(corpus), progress)
    return settings


def _key(symbol: str, number: str) -> str:
    return f"{symbol}\x00{number}"


class GoldKeys:
    """Gold paragraph keys of questions, under the symbol each document is indexed by."""

    def __init__(self, session: Session) -> None:
        self.primary = symbol_owners(session.index.conn)

    def of(self, q: Question) -> set[str]:
        primary = self.primary.get(q.symbol, q.symbol)
        return {_key(primary, g) for g in q.gold}

    def check(self, questions: list[Question], path: Path) -> None:
        """UsageError when questions cite symbols the index does not hold."""
        unknown = sorted({q.symbol for q in questions} - set(self.primary))
        if unknown:
            raise UsageError(f"{path}: {len(unknown)} symbol(s) cited by the questions are not in the corpus, "
                             f"e.g. {', '.join(unknown[:3])}")


def ask_every_ranking(session: Session, q: Question, gold: set[str], within_doc: bool) -> dict[str, QuestionResult]:
    """One question asked once, its candidates ranked by each of MODES and answered from each
    ranking's hits; where the answer abstains, the quote its top hit would have given."""
    searches = session.rankings(q.question, _RANKING_OF.values(), k=max(10, session.settings.top_k),
                                symbol=q.symbol if within_doc else None)
    out: dict[str, QuestionResult] = {}
    for mode in MODES:
        search = searches[_RANKING_OF[mode]]
        result = session.answer(search)
        if result.citations:
            quote = result.citations[0].quote
        else:
            quote = session.answerer.quote(search.query, search.hits[0]) if search.hits else ""
        out[mode] = QuestionResult([_key(h.symbol, h.number) for h in search.hits[:10]], gold, result.abstained,
                                   quote, q.answers)
    return out


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


def _questions(path: Path, limit: int | None, unanswerable: bool) -> list[Question]:
    """The questions file's questions; unanswerable ones need no gold paragraphs."""
    if unanswerable:
        return [Question(text, "", []) for text in load_question_texts(path, limit)]
    return load_questions(path, limit)


def evaluate(settings: Settings, questions_path: Path, corpus: Path | None, *, within_doc: bool = False,
             limit: int | None = None, unanswerable: bool = False, index_name: str | None = None,
             progress: ProgressFn | None = None) -> dict[str, dict[str, Any]]:
    """Figures for the product's ranking, BM25 alone and dense alone: {"system", "bm25", "dense"}.

    The questions are asked of `corpus` (indexed, or reused, under a name derived from its
    contents) or, with `index_name`, of an index already built. With `unanswerable`, the corpus
    is known not to answer them: only the abstention rate is measured (how a threshold is
    checked against unrelated documents)."""
    tick = progress or no_progress
    if unanswerable and within_doc:
        raise UsageError("--within-doc needs the questions' own corpus; it cannot go with --unanswerable")
    questions = _questions(Path(questions_path), limit, unanswerable)
    per_mode: dict[str, list[QuestionResult]] = {m: [] for m in MODES}
    with Session(target_settings(settings, corpus, index_name, tick)) as session:
        gold = GoldKeys(session)
        if not unanswerable:
            gold.check(questions, Path(questions_path))
        for i, q in enumerate(questions):
            if i % 100 == 0:
                tick("ask", i, len(questions))
            for mode, r in ask_every_ranking(session, q, gold.of(q), within_doc).items():
                per_mode[mode].append(r)
        tick("ask", len(questions), len(questions))
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
