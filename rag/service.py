"""The library's front door: what the CLI and the HTTP API call (no printing here)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rag.config import Settings
from rag.errors import IndexCorrupt, IndexNotFound, NotFoundError, SourceError
from rag.models import Answer, Hit, render_citation
from rag.index.store import (DATABASE, OpenIndex, ProgressFn, current_generation, index_status, load_paragraph,
                       open_index, read_manifest, verify_index)

if TYPE_CHECKING:  # building is imported only by the calls that build (keeps `rag ask` lean)
    from rag.index.build import BuildReport


@contextmanager
def _store_errors(index: OpenIndex) -> Iterator[None]:
    """A damaged SQLite page found while answering is a corrupt index, not a traceback."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise IndexCorrupt(f"{index.generation / DATABASE}: {exc}", fix="run `rag index rebuild`") from exc


class Session:
    """An open index with its embedder and retriever, reused across questions."""

    def __init__(self, settings: Settings, with_model: bool = True, one_shot: bool = False) -> None:
        """`with_model=False`: no embedder (`show`); `one_shot`: this process answers one question
        (the CLI), so start fast over query speed."""
        from rag.embedding.embedders import query_embedder
        from rag.search.retriever import Retriever

        self.index: OpenIndex = open_index(settings)
        self.settings = settings
        if one_shot:
            self.index.scan_with_numpy()
        if with_model:
            record = (self.index.manifest.get("embedding") or {}).get("query_encoder")
            self.embedder = query_embedder(record, settings.model, settings.batch_size, one_shot=one_shot)
            self.retriever = Retriever(self.index, self.embedder, settings)

    def search(self, question: str, k: int | None = None, symbol: str | None = None,
               mode: str = "hybrid") -> list[Hit]:
        with _store_errors(self.index):
            return self.retriever.search(question, k=k, symbol=symbol, mode=mode)[0]

    def ask(self, question: str, symbol: str | None = None) -> Answer:
        from rag.answer.extract import answer

        with _store_errors(self.index):
            hits, qvec = self.retriever.search(question, symbol=symbol)
            return answer(question.strip(), hits, qvec, self.embedder, self.settings, self.index.sentences,
                          self.index.lexical.idf)

    def show(self, symbol: str, number: str, annex: str | None = None) -> dict[str, Any]:
        with _store_errors(self.index):
            return show_paragraph(self.index, symbol, number, annex)

    def close(self) -> None:
        self.index.close()


def ensure_index(settings: Settings, announce: Callable[[str], None] | None = None,
                 progress: ProgressFn | None = None) -> BuildReport | None:
    """Build the default index from the seed corpus on first use; None when one exists."""
    index_dir = Path(settings.index_dir)
    if index_dir.exists() and not index_dir.is_dir():
        raise IndexNotFound(f"{index_dir}: not a folder", fix="pass an index folder with --index-dir")
    try:
        current_generation(settings.index_path)
        return None
    except IndexNotFound:
        seeds = settings.seeds_dir
        if settings.index_name != "default" or seeds is None or not Path(seeds).is_dir():
            raise
    if announce:
        announce(f"No index at {settings.index_path} yet: building it from {seeds} (first use).")
    from rag.index.build import build_index

    return build_index(settings, [Path(seeds)], wait=True, progress=progress)


def build(settings: Settings, paths: list[Path], wait: bool = False, keep_missing: bool = False,
          progress: ProgressFn | None = None) -> BuildReport:
    """Add `paths` to the index's sources and bring the index up to date (incrementally)."""
    from rag.index.build import build_index

    return build_index(settings, paths, wait=wait, keep_missing=keep_missing, progress=progress)


def rebuild(settings: Settings, wait: bool = False, use_cache: bool = True,
            progress: ProgressFn | None = None) -> BuildReport:
    """Re-read every recorded source (the seeds when there is no index yet); cached embeddings
    are reused unless `use_cache` is False."""
    try:
        sources = [Path(s) for s in read_manifest(current_generation(settings.index_path)).get("sources", [])]
    except IndexNotFound:
        if settings.seeds_dir is None or settings.index_name != "default":
            raise
        sources = [Path(settings.seeds_dir)]
    if not any(s.exists() for s in sources):
        raise SourceError(f"{sources[0] if sources else settings.index_path}: recorded sources no longer exist",
                          fix="run `rag index build PATH...` with the current sources")
    from rag.index.build import build_index

    return build_index(settings, [s for s in sources if s.exists()], wait=wait, reparse=True,
                       use_cache=use_cache, progress=progress)


def remove(settings: Settings, target: str, wait: bool = False) -> BuildReport:
    """Remove the document(s) with this symbol or under this path; later builds skip them."""
    from rag.index.build import remove_documents

    return remove_documents(settings, target, wait)


def status(settings: Settings) -> dict[str, Any]:
    return index_status(settings)


def verify(settings: Settings) -> list[str]:
    return verify_index(settings)


def _annex_label(annex: str) -> str:
    """"I", "annex i", "Annex I" -> "annex I"; "annex" stays "annex"."""
    a = annex.strip()
    a = a[5:].strip() if a.lower().startswith("annex") else a
    return f"annex {a.upper()}" if a else "annex"


def show_paragraph(index: OpenIndex, symbol: str, number: str, annex: str | None = None) -> dict[str, Any]:
    """One paragraph by symbol and number as cited, with page, section and footnotes.

    `number` is a paragraph number ("49") or a running count as cited for unnumbered text ("¶2");
    `annex` picks an annex ("annex I", "I"); without it the body comes first, then the annexes."""
    docs = index.conn.execute(
        "SELECT d.id, d.symbol, d.source, d.title FROM documents d JOIN symbols s ON s.doc_id = d.id "
        "WHERE s.symbol = ?", (symbol,)).fetchall()
    if not docs:
        known = [r[0] for r in index.conn.execute("SELECT symbol FROM documents ORDER BY symbol LIMIT 5")]
        raise NotFoundError(f"unknown symbol {symbol!r}; the index holds e.g. {', '.join(known)}",
                            fix="see `rag index status`")
    doc = docs[0]
    raw = number.strip()
    running = raw.startswith("¶")
    number = raw.lstrip("¶").strip()
    label = _annex_label(annex) if annex is not None else None
    query = "SELECT * FROM paragraphs WHERE doc_id = ? AND number = ? AND running = ?"
    if label is not None:
        annexes = [r[0] for r in index.conn.execute(
            "SELECT DISTINCT annex FROM paragraphs WHERE doc_id = ? AND annex != '' ORDER BY ord", (doc["id"],))]
        if label.lower() not in {a.lower() for a in annexes}:
            raise NotFoundError(f"{doc['symbol']} has no {label} (it has: {', '.join(annexes) or 'no annex'})")
        query += " AND lower(annex) = lower(?)"
    row = None
    for flag in ((1,) if running else (0, 1)):  # "2" for a document whose text is unnumbered: its ¶ 2
        args = [doc["id"], number, flag] + ([label] if label is not None else [])
        row = index.conn.execute(query + " ORDER BY annex != '', ord LIMIT 1", args).fetchone()
        if row is not None:
            break
    if row is None:
        nums = [r[0] for r in index.conn.execute(
            "SELECT number FROM paragraphs WHERE doc_id = ? AND running = ? AND annex = ? ORDER BY ord",
            (doc["id"], int(running), label or ""))]
        span = f"{nums[0]}-{nums[-1]}" if nums else "none"
        where = f" in {label}" if label is not None else ""
        raise NotFoundError(f"{doc['symbol']} has no paragraph {raw!r}{where} (paragraphs {span})")
    p = load_paragraph(row)
    return {
        "symbol": doc["symbol"],
        "paragraph": p.number,
        "annex": p.annex,
        "running": p.running,
        "page": p.page,
        "section": p.section,
        "text": p.text,
        "footnotes": [{"marker": f.marker, "text": f.text} for f in p.footnotes],
        "source": doc["source"],
        "citation": render_citation(doc["symbol"], p.number, running=p.running, annex=p.annex, page=p.page),
    }
