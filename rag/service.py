"""The library's front door: what the CLI and the HTTP API call (no printing here)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from rag.config import Settings
from rag.errors import IndexNotFound, NotFoundError, SourceError
from rag.models import Answer, Hit, render_citation
from rag.store import (BuildReport, OpenIndex, ProgressFn, build_index, current_generation, index_status,
                       load_paragraph, open_index, recorded_sources)


class Session:
    """An open index with its embedder and retriever, reused across questions."""

    def __init__(self, settings: Settings) -> None:
        from rag.embed import get_embedder
        from rag.retrieve import Retriever

        self.settings = settings
        self.index: OpenIndex = open_index(settings)
        self.embedder = get_embedder(settings.model, settings.batch_size)
        self.retriever = Retriever(self.index, self.embedder, settings)

    def search(self, question: str, k: int | None = None, symbol: str | None = None,
               mode: str = "hybrid") -> list[Hit]:
        return self.retriever.search(question, k=k, symbol=symbol, mode=mode)[0]

    def ask(self, question: str, symbol: str | None = None) -> Answer:
        from rag.answer import answer

        hits, qvec = self.retriever.search(question, symbol=symbol)
        return answer(question.strip(), hits, qvec, self.embedder, self.settings, self.index.sentences,
                      self.index.lexical.idf)

    def show(self, symbol: str, number: str) -> dict[str, Any]:
        return show_paragraph(self.index, symbol, number)

    def close(self) -> None:
        self.index.close()


def ensure_index(settings: Settings, announce: Callable[[str], None] | None = None,
                 progress: ProgressFn | None = None) -> BuildReport | None:
    """Build the default index from the seed corpus on first use; None when one exists."""
    try:
        current_generation(settings.index_path)
        return None
    except IndexNotFound:
        seeds = settings.seeds_dir
        if settings.index_name != "default" or seeds is None or not Path(seeds).is_dir():
            raise
    if announce:
        announce(f"No index at {settings.index_path} yet: building it from {seeds} (first use).")
    return build_index(settings, [Path(seeds)], wait=True, progress=progress)


def build(settings: Settings, paths: list[Path], wait: bool = False,
          progress: ProgressFn | None = None) -> BuildReport:
    return build_index(settings, paths, wait=wait, progress=progress)


def rebuild(settings: Settings, wait: bool = False, progress: ProgressFn | None = None) -> BuildReport:
    """Rebuild from the sources recorded in the live manifest (the seeds when there is none)."""
    try:
        sources = recorded_sources(settings)
    except IndexNotFound:
        if settings.seeds_dir is None or settings.index_name != "default":
            raise
        sources = [Path(settings.seeds_dir)]
    missing = [s for s in sources if not s.exists()]
    if missing:
        raise SourceError(f"{missing[0]}: recorded source no longer exists",
                          fix="run `rag index build PATH...` with the current sources")
    return build_index(settings, sources, wait=wait, progress=progress)


def status(settings: Settings) -> dict[str, Any]:
    return index_status(settings)


def show_paragraph(index: OpenIndex, symbol: str, number: str) -> dict[str, Any]:
    """One paragraph by symbol and number, with page, section and footnotes."""
    docs = index.conn.execute(
        "SELECT d.id, d.symbol, d.source, d.title FROM documents d JOIN symbols s ON s.doc_id = d.id "
        "WHERE s.symbol = ?", (symbol,)).fetchall()
    if not docs:
        known = [r[0] for r in index.conn.execute("SELECT symbol FROM documents ORDER BY symbol LIMIT 5")]
        raise NotFoundError(f"unknown symbol {symbol!r}; the index holds e.g. {', '.join(known)}",
                            fix="see `rag index status`")
    doc = docs[0]
    row = index.conn.execute("SELECT * FROM paragraphs WHERE doc_id = ? AND number = ? ORDER BY ord LIMIT 1",
                             (doc["id"], number)).fetchone()
    if row is None:
        nums = [r[0] for r in index.conn.execute(
            "SELECT number FROM paragraphs WHERE doc_id = ? ORDER BY ord", (doc["id"],))]
        span = f"{nums[0]}-{nums[-1]}" if nums else "none"
        raise NotFoundError(f"{doc['symbol']} has no paragraph {number!r} (paragraphs {span})")
    p = load_paragraph(row)
    return {
        "symbol": doc["symbol"],
        "paragraph": p.number,
        "page": p.page,
        "section": p.section,
        "text": p.text,
        "footnotes": [{"marker": f.marker, "text": f.text} for f in p.footnotes],
        "source": doc["source"],
        "citation": render_citation(doc["symbol"], p.number, running=p.running, annex=p.annex, page=p.page),
    }
