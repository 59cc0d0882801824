"""`rag eval`: ask a questions file through the product's Session (as `rag ask` and `rag serve`
do) and score the ranking (P@1, R@5, R@10, MRR@10, nDCG@10), the quotes and the abstentions, for
the product's hybrid ranking and, from the same candidates, BM25 alone and dense alone.

- quote accuracy: over the questions whose gold paragraph is ranked first (and which carry
  gold answer strings), the share whose quote contains a gold answer string;
- abstention rate: the share of all questions the product declines to answer.

A paragraph of an annex never counts as the body paragraph of the same number. For sets whose
questions carry a `kind` or an `answer` span (or with questions the documents do not answer),
the same pass also gives the answers report of rag.evaluation.answers.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from rag.config import Settings
from rag.errors import IndexNotFound, UsageError
from rag.evaluation.answers import AnswerRecord, answers_report
from rag.evaluation.evalset import (Question, corpus_index_name, is_corpus_jsonl, load_corpus_jsonl,
                                    load_questions, load_unlabelled)
from rag.evaluation.metrics import METRICS, quote_contains_answer, quote_holds_span, ranking_metrics
from rag.index.paragraphs import plain_number
from rag.index.symbols import find_document_id
from rag.models import Citation, Hit
from rag.service import Session

MODES = ("system", "bm25", "dense")
_RANKING_OF = {"system": "hybrid", "bm25": "bm25", "dense": "dense"}
ProgressFn = Callable[[str, int, int], None]


@dataclass
class QuestionResult:
    """What one ranking did for one question."""

    ranked: list[str]  # "symbol\x00number" keys (annex paragraphs: "symbol\x00annex\x00number"), top 10
    gold: set[str]
    abstained: bool
    quote: str  # the answer's quote; where it abstains, the quote its top hit would have given
    answers: list[str]
    support: float = 0.0  # the support of the top hit, which the answerer compares with its threshold
    near_miss: bool = False  # the top hit contradicts a constraint of the question (at any threshold)


def no_progress(stage: str, done: int, total: int) -> None:
    """No progress shown."""


def eval_settings(settings: Settings, corpus: Path) -> Settings:
    """The settings pointing at the evaluation index of `corpus` (named from its hash)."""
    return replace(settings, index_name=corpus_index_name(corpus, settings))


def ensure_corpus_index(settings: Settings, corpus: Path, progress: ProgressFn | None = None) -> bool:
    """Build the evaluation index of `corpus` unless it exists with the current index settings
    and format (a rebuild reuses the stored embeddings); True when it was built now."""
    from rag.index.build import build_from_documents, build_index
    from rag.index.store import FORMAT_VERSION, current_generation, index_settings, read_manifest

    try:
        manifest = read_manifest(current_generation(settings.index_path))
        if manifest.get("settings") == index_settings(settings) and manifest.get("format_version") == FORMAT_VERSION:
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
    if corpus is None and index_name is None:
        raise UsageError("no corpus to ask the questions of: give a corpus (--corpus) or an existing index (--index)")
    if corpus is not None and index_name is not None:
        raise UsageError("give either a corpus (--corpus) or an existing index (--index), not both")
    if corpus is None:
        return replace(settings, index_name=index_name)
    if not Path(corpus).exists():
        raise UsageError(f"{corpus}: no such corpus file or folder")
    settings = replace(eval_settings(settings, Path(corpus)), store="")  # a corpus is indexed in the folder
    ensure_corpus_index(settings, Path(corpus), progress)
    return settings


def _key(symbol: str, number: str) -> str:
    return f"{symbol}\x00{number}"


def _document_of(key: str) -> str:
    """The document symbol a paragraph key (`_key`, `_hit_key`) starts with."""
    return key.split("\x00", 1)[0]


def _place_key(symbol: str, annex: str, part: str, number: str, running: bool, page: str | None = None) -> str:
    """A paragraph's key by where it stands; one in an annex or in an embedded text never equals
    the key of the body paragraph of its number, nor does a running count ("p. 8, ¶ 10", the
    tenth paragraph starting on page 8) that of printed paragraph 10."""
    where = "\x00".join(w for w in (symbol, annex.lower(), part) if w)
    if not running:
        return _key(where, number)
    return _key(where, RUNNING + (f"{_start(page)}:" if page and not part else "") + number)


def _start(page: str) -> str:
    """The page a paragraph starts on: "8-9" -> "8"."""
    return page.replace("–", "-").split("-")[0]


def _hit_key(hit: Hit | Citation) -> str:
    """A hit's (or a citation's) key (`_place_key`)."""
    number = hit.number if isinstance(hit, Hit) else hit.paragraph
    return _place_key(hit.symbol, hit.annex, hit.part, number, hit.running, hit.page)


RUNNING = "¶"  # marks a running count's key


class GoldKeys:
    """Gold paragraph keys of questions, under the symbol each document is indexed by."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn  # an index's store
        self._symbol_of = dict(self._conn.execute("SELECT id, symbol FROM documents").fetchall())

    def owner(self, typed: str) -> str | None:
        """The symbol the document a question names is indexed by (rag.index.symbols: any case,
        spaces, or a joint symbol as printed), or None when no document has it."""
        doc_id = find_document_id(self._conn, typed)
        return None if doc_id is None else self._symbol_of[doc_id]

    def numbered(self, symbol: str) -> bool:
        """Whether the document prints paragraph numbers; a question's paragraph of a document
        that prints none is its running count."""
        return self._conn.execute(
            "SELECT 1 FROM paragraphs p JOIN documents d ON d.id = p.doc_id WHERE d.symbol = ? AND p.running = 0 "
            "AND p.part = '' LIMIT 1", (symbol,)).fetchone() is not None

    def only_annex(self, symbol: str, number: str) -> str:
        """The one annex of the document that prints paragraph `number` where its body does not
        (a letter transmitting a report as its annex), else "": a printed paragraph number of the
        document can then be only the annex's."""
        places = set(self._conn.execute(
            "SELECT p.annex, p.part FROM paragraphs p JOIN documents d ON d.id = p.doc_id "
            "WHERE d.symbol = ? AND p.number = ? AND p.running = 0", (symbol, number)).fetchall())
        annexes = {annex for annex, part in places if not part}
        return next(iter(annexes)) if len(annexes) == 1 and "" not in annexes else ""

    def of(self, q: Question) -> set[str]:
        """The keys of the question's gold paragraphs (`keys`)."""
        return set(self.keys(q))

    def keys(self, q: Question) -> list[str]:
        """The key of each gold paragraph of the question, in its order: in the annex and the
        embedded text it names, else in the body, or in the one annex that prints the number where the body does not
        (`only_annex`); a running count where the document prints no numbers."""
        primary = self.owner(q.symbol) or q.symbol
        numbered = self.numbered(primary)
        out = []
        for given in q.gold:
            number, page = plain_number(given)
            running = number.startswith("¶") or not numbered
            number = number.lstrip("¶")
            annex = q.annex or ("" if running or q.part else self.only_annex(primary, number))
            if running and page is None:
                page = self.only_page(primary, annex, number)
            out.append(_place_key(primary, annex, q.part, number, running, page))
        return out

    def only_page(self, symbol: str, annex: str, number: str) -> str | None:
        """The page of the document's one running paragraph `number` (a running count is its
        place on the page it starts on, so a count given without its page names a paragraph
        only where one page has it), else None."""
        pages = {_start(page or "") for (page,) in self._conn.execute(
            "SELECT p.page FROM paragraphs p JOIN documents d ON d.id = p.doc_id WHERE d.symbol = ? "
            "AND lower(p.annex) = lower(?) AND p.number = ? AND p.running = 1 AND p.part = ''",
            (symbol, annex, number))}
        return (next(iter(pages)) or None) if len(pages) == 1 else None

    def check(self, questions: list[Question], path: Path) -> None:
        """UsageError when questions cite symbols the index does not hold, or gold paragraphs
        their document does not hold (a typo would count as a miss of the product's)."""
        unknown = sorted({q.symbol for q in questions if self.owner(q.symbol) is None})
        if unknown:
            raise UsageError(f"{path}: {len(unknown)} symbol(s) cited by the questions are not in the corpus, "
                             f"e.g. {', '.join(unknown[:3])}")
        held = self._held({self.owner(q.symbol) or q.symbol for q in questions})
        absent = [f"{q.symbol} para. {g}" for q in questions for g, key in zip(q.gold, self.keys(q))
                  if key not in held]
        if absent:
            raise UsageError(f"{path}: {len(absent)} gold paragraph(s) are not in their documents as indexed, "
                             f"e.g. {', '.join(absent[:3])}",
                             fix="check the paragraph numbers against `rag inspect FILE` (an annex's: give \"annex\"; "
                                 "a draft resolution's own: give \"part\"; unnumbered text's as cited, \"p. 3, ¶ 2\")")

    def _held(self, symbols: set[str]) -> set[str]:
        """The keys of every paragraph of the documents of `symbols`."""
        marks = ",".join("?" * len(symbols))
        rows = self._conn.execute(
            "SELECT d.symbol, p.annex, p.part, p.number, p.running, p.page FROM paragraphs p JOIN documents d "
            f"ON d.id = p.doc_id WHERE d.symbol IN ({marks})", sorted(symbols)).fetchall()
        return {_place_key(symbol, annex, part, number, bool(running), page)
                for symbol, annex, part, number, running, page in rows}


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
            quote = session.answerer.quote(search.asked, search.hits[0]) if search.hits else ""
        ranked = [_hit_key(h) for h in search.hits[:10]]
        if result.citations:  # the answer may cite another paragraph than the top hit (another version's)
            cited = _hit_key(result.citations[0])
            ranked = [cited, *(key for key in ranked if key != cited)][:10]
        out[mode] = QuestionResult(ranked, gold, result.abstained,
                                   quote, q.answers or [a for a in (q.answer,) if a], session.answerer.support(search),
                                   result.near_miss)
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
    return load_unlabelled(path, limit) if unanswerable else load_questions(path, limit)


def _check_options(within_doc: bool, unanswerable: bool, unanswerable_path: Path | None) -> None:
    """UsageError for options that do not go together."""
    if unanswerable and within_doc:
        raise UsageError("--within-doc needs the questions' own corpus; it cannot go with --unanswerable")
    if unanswerable_path is not None and (unanswerable or within_doc):
        raise UsageError("--unanswerable-set goes with answerable questions asked of the whole index, "
                         "not with --unanswerable or --within-doc")


def ask_questions(session: Session, questions: list[Question], gold: GoldKeys, within_doc: bool,
                  progress: ProgressFn) -> dict[str, list[QuestionResult]]:
    """Each question asked once: its results under each ranking of MODES, in question order."""
    per_mode: dict[str, list[QuestionResult]] = {m: [] for m in MODES}
    for i, q in enumerate(questions):
        if i % 100 == 0:
            progress("ask", i, len(questions))
        for mode, r in ask_every_ranking(session, q, gold.of(q), within_doc).items():
            per_mode[mode].append(r)
    progress("ask", len(questions), len(questions))
    return per_mode


def answer_record(q: Question, r: QuestionResult) -> AnswerRecord:
    """The answers report's record of an answerable question from its system ranking's result."""
    documents = {_document_of(key) for key in r.gold}
    return AnswerRecord(q.kind, r.support, r.abstained, near_miss=r.near_miss,
                        top_gold=bool(r.ranked) and r.ranked[0] in r.gold,
                        top_document_gold=bool(r.ranked) and _document_of(r.ranked[0]) in documents,
                        top3_gold=bool(r.gold & set(r.ranked[:3])),
                        quote_has_answer=quote_holds_span(r.quote, q.answer) if q.answer else None)


def ask_unanswerable(session: Session, questions: list[Question], progress: ProgressFn) -> list[AnswerRecord]:
    """Questions the documents do not answer, each asked as `rag ask` asks it."""
    out = []
    for i, q in enumerate(questions):
        if i % 100 == 0:
            progress("ask unanswerable", i, len(questions))
        search = session.rankings(q.question, ("hybrid",))["hybrid"]
        answer = session.answer(search)
        out.append(AnswerRecord(q.kind, session.answerer.support(search), answer.abstained,
                                near_miss=answer.near_miss))
    progress("ask unanswerable", len(questions), len(questions))
    return out


def evaluate(settings: Settings, questions_path: Path, corpus: Path | None, *, within_doc: bool = False,
             limit: int | None = None, unanswerable: bool = False, index_name: str | None = None,
             unanswerable_path: Path | None = None, answers: bool | None = None,
             progress: ProgressFn | None = None) -> dict[str, dict[str, Any]]:
    """Figures for the product's ranking, BM25 alone and dense alone: {"system", "bm25", "dense"},
    and "answers" (rag.evaluation.answers.answers_report) when `answers` is True; None (the
    default) means: when a question carries a `kind` or an `answer`, or `unanswerable_path` is given.

    The questions are asked of `corpus` (indexed, or reused, under a name derived from its
    contents) or, with `index_name`, of an index already built. With `unanswerable`, the corpus
    is known not to answer them: only the abstention rate is measured (how a threshold is
    checked against unrelated documents). `unanswerable_path`: questions the documents do not
    answer, asked too, for the answers report's out-of-corpus abstention."""
    tick = progress or no_progress
    _check_options(within_doc, unanswerable, unanswerable_path)
    questions = _questions(Path(questions_path), limit, unanswerable)
    unanswered = load_unlabelled(Path(unanswerable_path), limit) if unanswerable_path is not None else []
    if answers is None:
        answers = unanswerable_path is not None or any(q.kind or q.answer for q in questions)
    with Session(target_settings(settings, corpus, index_name, tick)) as session:
        gold = GoldKeys(session.index.conn)
        if not unanswerable:
            gold.check(questions, Path(questions_path))
        per_mode = ask_questions(session, questions, gold, within_doc, tick)
        against = ask_unanswerable(session, unanswered, tick)
        threshold = session.answerer.threshold
    report: dict[str, dict[str, Any]] = {m: summarise(per_mode[m], answerable=not unanswerable) for m in MODES}
    if answers and not unanswerable:
        asked = [answer_record(q, r) for q, r in zip(questions, per_mode["system"])]
        report["answers"] = answers_report(asked, against, threshold)
    return report


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
