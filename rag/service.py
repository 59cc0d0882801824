"""The library's front door: what the CLI and the HTTP API call (no printing here)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from rag.config import Settings
from rag.errors import IndexCorrupt, IndexNotFound, SourceError, UsageError, check_text
from rag.index.store import DATABASE, DocumentRecord, OpenIndex, ProgressFn
from rag.index.stores import store_for
from rag.models import Answer, DocumentText, Hit, ShownParagraph

if TYPE_CHECKING:  # building is imported only by the calls that build (keeps `rag ask` lean)
    from rag.index.build import BuildReport
    from rag.index.recover import Recovery
    from rag.search.filters import Filters
    from rag.search.query import Search


@contextmanager
def _store_errors(index: OpenIndex) -> Iterator[None]:
    """A damaged SQLite page found while answering is a corrupt index, not a traceback."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise IndexCorrupt(f"{index.generation / DATABASE}: {exc}", fix="run `rag index rebuild`") from exc


def _check_args(**values: str | None) -> None:
    """UsageError for a question, symbol or number that is not valid UTF-8 (bytes from a shell)."""
    for what, value in values.items():
        if value is not None:
            check_text(value, f"the {what}")


def _filter_args(filters: Filters | None) -> dict[str, str | None]:
    """The filters' texts by name, for `_check_args` ("the filter body", ...)."""
    if filters is None:
        return {}
    return {"symbol filter": filters.symbol, "body filter": filters.body, "year filter": filters.year}


class Session:
    """An open index with its embedder, retriever and answerer, reused across questions; a
    context manager (`with Session(settings) as s:`) that closes the index on the way out."""

    def __init__(self, settings: Settings, with_model: bool = True, quick_start: bool = False) -> None:
        """`with_model=False`: no embedder (`show`); `quick_start`: this process answers one
        question (the CLI), so it starts fast rather than answering many fast."""
        self.index: OpenIndex = store_for(settings).open(settings)
        self.settings = settings
        if quick_start:
            self.index.quick_start()
        if with_model:
            from rag.answer.extract import Answerer, threshold_for, token_share_for
            from rag.embedding.embedders import query_embedder
            from rag.search.retriever import Retriever

            record = (self.index.manifest.get("embedding") or {}).get("query_encoder")
            self.embedder = query_embedder(record, settings.model, settings.batch_size, quick_start=quick_start)
            self.retriever = Retriever(self.index, self.embedder, settings)
            self.answerer = Answerer(self.embedder, self.index.sentences, threshold_for(settings),
                                     documents=self._document_text, tokens=self.index.tokens,
                                     token_share=token_share_for(settings))

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def search(self, question: str, k: int | None = None, symbol: str | None = None,
               mode: str = "hybrid", filters: Filters | None = None) -> list[Hit]:
        """The top-k paragraphs under `mode` (hybrid, bm25 or dense), best first; only those
        of the documents that pass `filters` (UsageError when none does); under bm25, only those
        holding a word of the question (the candidates the vectors found score 0 there); none for
        a query of common words only ("the of and"), which every paragraph matches as well."""
        from rag.search.query import question_text
        from rag.textutil import content_terms

        if not content_terms(question_text(question)):
            _check_args(question=question, symbol=symbol, **_filter_args(filters))
            with _store_errors(self.index):
                self._filters(symbol, filters, check=True)
            return []
        hits = self._rank(question, (mode,), k, symbol, filters, check=True)[mode].hits
        return [h for h in hits if h.lexical > 0] if mode == "bm25" else hits

    def rankings(self, question: str, modes: Iterable[str], k: int | None = None,
                 symbol: str | None = None, filters: Filters | None = None) -> dict[str, Search]:
        """The top-k paragraphs under each ranking of `modes`, from one set of candidates (`rag
        eval`). A `symbol` alone that no document has ranks nothing; `filters` that no
        document passes are a UsageError."""
        return self._rank(question, modes, k, symbol, filters, check=filters is not None)

    def _rank(self, question: str, modes: Iterable[str], k: int | None, symbol: str | None,
              filters: Filters | None, check: bool) -> dict[str, Search]:
        """The arguments checked, the filters with `symbol` added (and checked when `check`),
        then the retriever's rankings."""
        _check_args(question=question, symbol=symbol, **_filter_args(filters))
        with _store_errors(self.index):
            where = self._filters(symbol, filters, check)
            return self.retriever.rank(self.retriever.prepare(question), modes, k=k, filters=where)

    def _filters(self, symbol: str | None, filters: Filters | None, check: bool) -> Filters | None:
        """`filters` with `symbol` added (where they give none); checked (some document
        passes) when `check`."""
        from rag.search.filters import Filters

        if symbol and (filters is None or not filters.symbol):
            filters = replace(filters, symbol=symbol) if filters is not None else Filters(symbol=symbol)
        if filters and check:
            filters.check(self.index)
        return filters or None

    def answer(self, search: Search) -> Answer:
        """The answer a search's hits give (a quote of the top hit, or an abstention)."""
        with _store_errors(self.index):
            return self.answerer.answer(search)

    def ask(self, question: str, symbol: str | None = None, filters: Filters | None = None,
            digest: bool = False, generate: bool = False, on_text: Callable[[str], None] | None = None) -> Answer:
        """A question's answer: a verbatim quote with its citation, or an abstention; only the
        documents that pass `filters` are searched (UsageError when none does). With `digest`,
        also the supporting paragraphs of several documents (rag.answer.digest; none when the
        answer abstains); with `generate`, also the answer of the configured language model, its
        text streamed to `on_text`, every sentence's citations checked (rag.answer.generate). A
        `note` says why there is none; a failure of the model (time-out, bad stream, refusal) is
        kept in `generation_error`, beside the extractive answer."""
        search, answer = self._answered(question, symbol, filters, digest, generate)
        for kind, value in self._generation(search, answer) if generate else ():
            if kind == "text" and on_text is not None:
                on_text(value)
            elif kind == "generated":
                answer.generated = value
            elif kind == "note":
                answer.note = value
            elif kind == "error":
                answer.generation_error = value
        return answer

    def ask_events(self, question: str, filters: Filters | None = None, digest: bool = False
                   ) -> Iterator[tuple[str, Any]]:
        """`ask` with a generated answer, as events: ("answer", the extractive Answer), then
        ("text", a piece of the model's answer)... and ("generated", the checked answer), or
        ("note", why there is none), or ("error", the RagError that stopped the model)."""
        search, answer = self._answered(question, None, filters, digest, True)
        yield "answer", answer
        yield from self._generation(search, answer)

    def _answered(self, question: str, symbol: str | None, filters: Filters | None, digest: bool,
                  generate: bool) -> tuple[Search, Answer]:
        k = self.settings.top_k
        if generate:  # the generation's modules are imported only when asked for (a cold `rag ask` stays lean)
            from rag.answer.generate import PARAGRAPHS_SENT

            k = max(k, PARAGRAPHS_SENT)
        if digest:
            from rag.answer.digest import DIGEST_DEPTH

            k = max(k, DIGEST_DEPTH)
        search = self._rank(question, ("hybrid",), k, symbol, filters, check=True)["hybrid"]
        answer = self.answer(search)
        limits = self._filters(symbol, filters, check=False)
        if answer.abstained and limits is not None and limits.describe():
            # the answer may be in a document the filters left out
            answer.answer = f"{answer.answer} Only the documents with {limits.describe()} were searched."
        if digest:
            from rag.answer.digest import build_digest

            with _store_errors(self.index):
                answer.digest = [] if answer.abstained else build_digest(self.answerer, search, self._describe)
        return search, answer

    def _generation(self, search: Search, answer: Answer) -> Iterator[tuple[str, Any]]:
        """The events of the language model's answer to a search: ("text", piece)... then
        ("generated", Generated); ("note", why) when it is not asked for (the extractive answer
        abstains) or no model is configured or reachable."""
        from rag.answer.generate import Generated, stream_generate
        from rag.answer.llm import endpoint
        from rag.errors import LLMRefused, LLMResponseError, LLMTimeout, LLMUnavailable

        if answer.abstained:
            yield "note", "no paragraph supports an answer, so none was sent to the language model"
            return
        try:
            ep = endpoint(self.settings.llm_url, self.settings.llm_model, self.settings.llm_timeout)
            for item in stream_generate(ep, search.query.text, search.hits):
                yield ("generated", item) if isinstance(item, Generated) else ("text", item)
        except LLMUnavailable as exc:
            yield "note", f"{exc}: the extractive answer stands alone"
        except (LLMTimeout, LLMResponseError, LLMRefused) as exc:
            yield "error", exc

    def _describe(self, symbol: str) -> tuple[str, str]:
        """A document's title and date of issue, for the digest."""
        record = self.index.document(symbol)
        return record.title, record.date

    def _document_text(self, symbol: str) -> DocumentText:
        """A document's symbols, text and masthead, for the answerer's near-miss check."""
        from rag.index.paragraphs import document_text

        return document_text(self.index.conn, symbol)

    def show(self, symbol: str, number: str, annex: str | None = None, part: str | None = None) -> ShownParagraph:
        """One paragraph as cited (rag.index.paragraphs.show_paragraph)."""
        _check_args(symbol=symbol, paragraph=number, annex=annex)
        for what, value in (("symbol", symbol), ("paragraph", number)):
            if not value.strip():
                raise UsageError(f"empty {what}", fix='give both, as documents cite them: rag show A/59/377 49')
        with _store_errors(self.index):
            return self.index.show(symbol, number, annex, part)

    def around(self, shown: ShownParagraph, n: int) -> dict[str, list[dict[str, Any]]]:
        """The `n` paragraphs before and after a shown one, for reading it in context."""
        with _store_errors(self.index):
            return self.index.around(shown, n)

    def close(self) -> None:
        self.index.close()


def ensure_index(settings: Settings, announce: Callable[[str], None] | None = None,
                 progress: ProgressFn | None = None) -> BuildReport | None:
    """Build the default index from the seed corpus on first use; None when one exists."""
    index_dir = Path(settings.index_dir)
    if index_dir.exists() and not index_dir.is_dir():
        raise IndexNotFound(f"{index_dir}: not a folder", fix="pass an index folder with --index-dir")
    try:
        store_for(settings).live(settings)
        return None
    except IndexNotFound:
        seeds = settings.seeds_dir
        if settings.index_name != "default" or seeds is None or not Path(seeds).is_dir():
            raise
    if announce:
        announce(f"No index at {settings.index_path} yet: building it from {seeds} (first use). This is the demo; "
                 "for your own documents pass the --index-dir you built them into, or set RAG_INDEX_DIR.")
    from rag.index.build import build_index

    with store_for(settings).writing(settings, wait=True):
        return build_index(settings, [Path(seeds)], wait=True, progress=progress)


def build(settings: Settings, paths: list[Path], wait: bool = False, keep_missing: bool = False,
          progress: ProgressFn | None = None, ray: str | None = None) -> BuildReport:
    """Add `paths` to the index's sources and bring the index up to date (incrementally);
    `ray`: the address of a Ray cluster (or `local`) that parses and encodes (rag.index.ray_build)."""
    from rag.index.build import build_index

    with store_for(settings).writing(settings, wait) as published, _build_workers(ray) as workers:
        report = build_index(settings, paths, wait=wait, keep_missing=keep_missing, progress=progress, workers=workers)
    return _with_store(report, published)


@contextmanager
def _build_workers(ray: str | None) -> Iterator[Any]:
    """The workers a build parses and encodes with: those of the Ray cluster at `ray`, else None
    (this process: rag.index.workers.LocalWorkers)."""
    if not ray:
        yield None
        return
    from rag.index.ray_build import ray_workers

    with ray_workers(ray) as workers:
        yield workers


def _rebuild_sources(settings: Settings) -> list[Path]:
    """The recorded sources of the index folder (the seeds when there is no index yet);
    SourceError when none exists any more."""
    from rag.index.recover import rebuild_sources

    try:
        sources = rebuild_sources(settings.index_path)
    except IndexNotFound:
        if settings.seeds_dir is None or settings.index_name != "default":
            raise
        sources = [Path(settings.seeds_dir)]
    if not any(s.exists() for s in sources):
        raise SourceError(f"{sources[0] if sources else settings.index_path}: recorded sources no longer exist",
                          fix="run `rag index build PATH...` with the current sources")
    return sources


def rebuild(settings: Settings, wait: bool = False, use_cache: bool = True,
            progress: ProgressFn | None = None) -> BuildReport:
    """Re-read every recorded source (the seeds when there is no index yet; those salvaged from
    the other generations where CURRENT or the manifest is damaged); cached embeddings are
    reused unless `use_cache` is False."""
    from rag.index.build import build_index

    with store_for(settings).writing(settings, wait) as published:
        sources = _rebuild_sources(settings)
        report = build_index(settings, [s for s in sources if s.exists()], wait=wait, reparse=True,
                             use_cache=use_cache, progress=progress, salvage=True)
    return _with_store(report, published)


def recover(settings: Settings, wait: bool = False) -> Recovery:
    """Point CURRENT at the newest generation that verifies (rag.index.recover)."""
    if settings.store:
        raise UsageError("setting store: `rag index recover` repairs an index folder; a store switches whole "
                         "generations in one transaction", fix="run it without --store on the writer's folder")
    from rag.index.recover import recover_index

    return recover_index(settings, wait=wait)


def remove(settings: Settings, target: str, wait: bool = False) -> BuildReport:
    """Remove the document(s) with this symbol or under this path; later builds skip them."""
    from rag.index.build import remove_documents

    with store_for(settings).writing(settings, wait) as published:
        report = remove_documents(settings, target, wait)
    return _with_store(report, published)


def _with_store(report: BuildReport, published: dict[str, Any]) -> BuildReport:
    """The report, with what the store publish did once the `writing` block has ended."""
    report.store = published  # filled in when the block ends: publish runs on its way out
    return report


def status(settings: Settings) -> dict[str, Any]:
    return store_for(settings).status(settings)


def document_list(settings: Settings) -> list[DocumentRecord]:
    """Every document of the live index: symbols, title, date, body, session, paragraphs."""
    with Session(settings, with_model=False) as session:
        return session.index.documents()


def verify(settings: Settings) -> list[str]:
    return store_for(settings).verify(settings)
