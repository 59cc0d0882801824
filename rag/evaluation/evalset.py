"""Evaluation inputs: a questions file with gold paragraphs, and the corpus it is asked of.

Two shapes are read:
- a benchmark corpus `corpus.jsonl` of `{doc, para, text}` rows (SQuAD, PolicyQA), whose
  questions give `doc` and `para` (one gold paragraph) or `paras` (several);
- a folder (or file) of documents, indexed as `rag index build` would, whose questions give
  `symbol` and `para` (a paragraph number as printed): how users check their own collection.

Any question may also carry a `kind` (how it is asked: fact, paraphrase...) and an `answer`
span copied from its gold paragraph; `rag.evaluation.answers` reports by them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rag.config import Settings
from rag.errors import SourceError, UsageError
from rag.models import Document, Paragraph
from rag.index.store import file_sha256 as file_digest

# Bump when the way an evaluation corpus becomes an index changes (paragraph text, sentence split).
CORPUS_INDEX_VERSION = 1


@dataclass
class Question:
    """One evaluation question: its text, its document and its gold paragraph number(s)."""

    question: str
    symbol: str
    gold: list[str]
    answers: list[str] = field(default_factory=list)  # gold answer strings (`answers`), for quote accuracy
    kind: str = ""  # how the question is asked (`kind`: fact, paraphrase, near_miss...)
    answer: str = ""  # a span of the gold paragraph (`answer`), looked for in the quote
    annex: str = ""  # the annex the gold paragraphs are in (`annex`: "annex", "annex II"); "" for the body
    part: str = ""  # the embedded text the gold paragraphs are in (`part`: "draft resolution"); "" for none


def _text(row: dict, key: str) -> str:
    """The row's `key` when it is a non-blank string, stripped; "" otherwise."""
    value = row.get(key)
    return value.strip() if isinstance(value, str) else ""


def _read_jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise UsageError(f"{path}:{n}: not a JSON line ({exc})") from exc
        if not isinstance(row, dict):
            raise UsageError(f"{path}:{n}: expected a JSON object")
        yield n, row


def load_questions(path: Path, limit: int | None = None) -> list[Question]:
    """Questions with `question`, `doc` or `symbol`, and `para` or `paras` (of the annex named by
    `annex`, when the paragraphs are an annex's; of the embedded text named by `part`, "draft
    resolution", when they are its own numbered paragraphs)."""
    out: list[Question] = []
    for n, row in _read_jsonl(Path(path)):
        symbol = row.get("symbol", row.get("doc"))
        paras = row["paras"] if "paras" in row else ([row["para"]] if "para" in row else None)
        text = row.get("question")
        if not isinstance(text, str) or not text.strip() or symbol is None or not paras:
            raise UsageError(f"{path}:{n}: need \"question\", \"symbol\" (or \"doc\") and \"para\" (or \"paras\")")
        if not isinstance(paras, list) or any(isinstance(p, (bool, dict, list)) or not re.search(r"\d", str(p))
                                              for p in paras):
            key = "paras" if "paras" in row else "para"
            raise UsageError(f"{path}:{n}: \"{key}\" {json.dumps(row[key], ensure_ascii=False)} is not a "
                             f"paragraph number (a number such as 12, or a citation such as \"p. 3, ¶ 2\")")
        answers = [a for a in row.get("answers", []) if isinstance(a, str) and a.strip()]
        out.append(Question(text.strip(), str(symbol), [str(p) for p in paras], answers,
                            kind=_text(row, "kind"), answer=_text(row, "answer"), annex=_text(row, "annex"),
                            part=_text(row, "part")))
        if limit is not None and len(out) >= limit:
            break
    if not out:
        raise UsageError(f"{path}: no questions")
    return out


def load_unlabelled(path: Path, limit: int | None = None) -> list[Question]:
    """Questions asked without gold paragraphs (unanswerable ones, or those a threshold is
    calibrated on): each line's `question`, and its `kind` when given."""
    out: list[Question] = []
    for n, row in _read_jsonl(Path(path)):
        text = _text(row, "question")
        if not text:
            raise UsageError(f"{path}:{n}: need \"question\"")
        out.append(Question(text, "", [], kind=_text(row, "kind")))
        if limit is not None and len(out) >= limit:
            break
    if not out:
        raise UsageError(f"{path}: no questions")
    return out


def load_question_texts(path: Path, limit: int | None = None) -> list[str]:
    """The `question` of each line of a file of questions without gold paragraphs."""
    return [q.question for q in load_unlabelled(path, limit)]


def is_corpus_jsonl(path: Path) -> bool:
    return Path(path).is_file() and Path(path).suffix.lower() == ".jsonl"


def load_corpus_jsonl(path: Path) -> list[Document]:
    """Documents from `{doc, para, text}` rows: symbol = doc, paragraph number = str(para)."""
    path = Path(path)
    docs: dict[str, Document] = {}
    digest = file_digest(path)
    for n, row in _read_jsonl(path):
        if "doc" not in row or "para" not in row or not isinstance(row.get("text"), str):
            raise UsageError(f"{path}:{n}: a corpus row needs \"doc\", \"para\" and \"text\"")
        symbol = str(row["doc"])
        doc = docs.get(symbol)
        if doc is None:
            doc = docs[symbol] = Document(symbol=symbol, source=f"{path}#{symbol}", paragraphs=[],
                                          title=str(row.get("title") or symbol.replace("_", " ")),
                                          content_hash=digest, symbols=[symbol], index_title=True,
                                          **{k: str(row.get(k) or "") for k in ("date", "body", "session", "venue")})
        doc.paragraphs.append(Paragraph(number=str(row["para"]), text=" ".join(row["text"].split())))
    if not docs:
        raise UsageError(f"{path}: empty corpus")
    return list(docs.values())


def corpus_index_name(corpus: Path, settings: Settings) -> str:
    """`eval-<name>-<hash>`: the hash covers the corpus contents and the model, so re-running an
    evaluation reuses the index it built (and its embedding cache when only the lexical settings
    changed: `rag.evaluation.evaluate.ensure_corpus_index` then rebuilds it in place)."""
    from rag.ingest import discover

    corpus = Path(corpus)
    digest = hashlib.sha256()
    if is_corpus_jsonl(corpus):
        digest.update(file_digest(corpus).encode())
    else:
        files, _ = discover([corpus])
        for f in files:
            digest.update(f"{f.relative_to(corpus.resolve()) if corpus.is_dir() else f.name}:"
                          f"{file_digest(f)}\n".encode())
    digest.update(json.dumps({"model": settings.model, "version": CORPUS_INDEX_VERSION}, sort_keys=True).encode())
    stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in
                   (corpus.parent.name if corpus.name == "corpus.jsonl" else corpus.stem))[:40]
    return f"eval-{stem}-{digest.hexdigest()[:12]}"
