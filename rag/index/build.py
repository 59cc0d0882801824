"""Building an index: incremental by default, written as a new generation, switched atomically.

A build re-reads the recorded sources plus the new paths, reuses the parsed documents of files
whose content hash is unchanged, reuses cached embeddings of unchanged paragraphs, drops documents
whose files are gone (unless keep_missing), keeps one document per symbol (the newest file), and
only then writes `.tmp-*`, renames it to `gen-*` and points CURRENT at it. Until that last rename
the previous generation stays live; a build that dies leaves a `.tmp-*` folder that the next build
removes.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from rag.index.encode import Embedded, LiveTokens, embed_paragraphs, read_live_tokens
from rag.config import Settings
from rag.errors import IndexWriteError, NotFoundError, ParseError, RagError, SourceError
from rag.index.lexical import pairs_of, postings_of, write_postings
from rag.models import Document
from rag.index.terms import ParagraphTerms, stored_terms_by_hash, write_paragraph_terms
from rag.index.sentences import SENTENCE_VECTORS, write_sentence_rows, write_sentence_vectors
from rag.index.store import (CACHE, CACHE_SCHEMA, DATA_FILES, DATABASE, FORMAT_VERSION, MANIFEST, SCHEMA, SENTENCE_SEARCH,
                       VECTORS, ProgressFn, current_generation, file_crc32, file_sha256, index_settings,
                       load_documents, read_manifest, write_lock)
from rag.textutil import terms
from rag.index.token_vectors import TOKEN_FILES, write_token_files


@dataclass
class BuildReport:
    """What a build did, for the CLI's summary and `--json`."""

    documents: int = 0
    paragraphs: int = 0
    parsed: int = 0
    unchanged: int = 0
    embedded: int = 0  # paragraphs embedded now (the rest came from the cache)
    reused: int = 0
    sentences_embedded: int = 0  # sentence vectors computed now
    removed: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    failed: list[dict[str, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    changed: bool = True
    generation: str = ""
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Live:
    """What the live generation offers a new build: its manifest, documents and vectors."""

    name: str
    manifest: dict[str, Any]
    docs: list[Document]
    cache: dict[str, np.ndarray]
    terms: dict[str, str]  # paragraph text hash -> its stored terms (rerank_features.ParagraphTerms)
    tokens: LiveTokens | None = None


def _read_live(index_path: Path, model: str, with_cache: bool = True) -> _Live | None:
    """The live generation, or None when there is none or it cannot be read (then: full build);
    its embedding cache is read only `with_cache` (a `--no-cache` build would ignore it)."""
    try:
        gen = current_generation(index_path)
        manifest = read_manifest(gen)
        if manifest.get("format_version") != FORMAT_VERSION:
            return None
        conn = sqlite3.connect(f"file:{gen / DATABASE}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        try:
            docs = load_documents(conn)
            terms = stored_terms_by_hash(conn)
            tokens = read_live_tokens(gen, manifest, conn) if with_cache else None
        finally:
            conn.close()
        # generations written before the cache had its own file kept it in store.sqlite
        cache_file = gen / CACHE if (gen / CACHE).exists() else gen / DATABASE
        rows = []
        if with_cache:
            cache_conn = sqlite3.connect(f"file:{cache_file}?mode=ro", uri=True)
            try:
                rows = cache_conn.execute("SELECT hash, vector FROM embeddings WHERE model = ?", (model,)).fetchall()
            finally:
                cache_conn.close()
    except (RagError, sqlite3.DatabaseError, OSError, KeyError):
        return None
    cache = {h: np.frombuffer(v, dtype="<f4") for h, v in rows}
    return _Live(gen.name, manifest, docs, cache, terms, tokens)


def _under(path: str, roots: list[Path]) -> bool:
    p = Path(path)
    return any(p == r or r in p.parents for r in roots)


def _select_revisions(docs: list[Document], mtimes: dict[str, float], report: BuildReport) -> list[Document]:
    """One document per symbol: a revised file (same symbol) replaces the older one."""
    best: dict[str, Document] = {}
    for doc in docs:
        other = best.get(doc.symbol)
        if other is None:
            best[doc.symbol] = doc
            continue
        newer, older = (doc, other) if mtimes.get(doc.source, 0.0) >= mtimes.get(other.source, 0.0) else (other, doc)
        best[doc.symbol] = newer
        report.replaced.append(f"{older.symbol}: {older.source} replaced by {newer.source}")
    keep = {id(d) for d in best.values()}
    return [d for d in docs if id(d) in keep]


def _write_sqlite(path: Path, docs: list[Document], hashes: list[str], vectors: dict[str, np.ndarray],
                  model: str, settings: Settings, sentence_hashes: list[list[str]],
                  terms_by_hash: dict[str, str]) -> None:
    conn = sqlite3.connect(path)
    # a file of a generation being written: nothing to roll back to (a failed build discards it),
    # and it is fsynced once complete (_write_generation)
    conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536;")
    try:
        conn.executescript(SCHEMA)
        pid = 0
        tokens: list[list[str]] = []  # what BM25 indexes: the document title's terms, then the paragraph's
        stored: list[str] = []  # each paragraph's terms by sentence, reused where its text is unchanged
        for doc_id, doc in enumerate(docs):
            title_terms = terms(doc.title) if doc.title else []
            conn.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?)",
                         (doc_id, doc.symbol, json.dumps(doc.symbols or [doc.symbol]), doc.title,
                          doc.source, doc.content_hash, doc.pages))
            for sym in dict.fromkeys([doc.symbol, *doc.symbols]):
                conn.execute("INSERT INTO symbols VALUES (?, ?)", (sym, doc_id))
            for ord_, p in enumerate(doc.paragraphs):
                conn.execute(
                    "INSERT INTO paragraphs VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (pid, doc_id, ord_, p.number, p.text, p.page, p.section, p.annex, int(p.running),
                     json.dumps([asdict(f) for f in p.footnotes]), hashes[pid]))
                kept = terms_by_hash.get(hashes[pid])
                para_terms = ParagraphTerms.decode(kept) if kept else ParagraphTerms.of(p.text)
                stored.append(kept or para_terms.encode())
                tokens.append(title_terms + [t for sent in para_terms.sentences for t in sent])
                pid += 1
        write_postings(conn, postings_of(tokens, settings.bm25_k1, settings.bm25_b, list))
        write_postings(conn, postings_of(tokens, settings.bm25_k1, settings.bm25_b, pairs_of))
        write_sentence_rows(conn, sentence_hashes)
        write_paragraph_terms(conn, stored)
        conn.commit()
    finally:
        conn.close()
    cache = sqlite3.connect(path.with_name(CACHE))
    try:
        cache.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")  # as above
        cache.executescript(CACHE_SCHEMA)
        cache.executemany("INSERT INTO embeddings VALUES (?,?,?)",
                          ((model, h, v.astype("<f4").tobytes()) for h, v in vectors.items()))
        cache.commit()
    finally:
        cache.close()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _clean_stale(index_path: Path, keep: set[str]) -> None:
    """Remove dead temporary folders and generations older than the previous one."""
    for child in index_path.iterdir():
        if child.name.startswith(".tmp-") or (child.name.startswith("gen-") and child.name not in keep):
            _remove(child)


def build_index(settings: Settings, sources: list[Path], *, wait: bool = False,
                progress: ProgressFn | None = None, keep_missing: bool = False, reparse: bool = False,
                use_cache: bool = True, remove: str | None = None) -> BuildReport:
    """Bring the index up to date with `sources` (plus the recorded ones); see the module doc."""
    from rag.ingest import discover

    started = time.perf_counter()
    report = BuildReport()
    index_path = settings.index_path
    tick = progress or (lambda stage, done, total: None)
    new_sources = [Path(s).resolve() for s in sources]
    for s in new_sources:
        if not s.exists():
            raise SourceError(f"{s}: no such file or folder")
    with write_lock(index_path, wait=wait):
        _clean_stale_tmp(index_path)
        live = _read_live(index_path, settings.model, with_cache=use_cache)
        recorded = [Path(s) for s in (live.manifest.get("sources", []) if live else [])]
        excluded = set(live.manifest.get("excluded", []) if live else [])
        excluded -= {str(s) for s in new_sources}
        all_sources = list(dict.fromkeys([*recorded, *new_sources]))
        present = [s for s in all_sources if s.exists()]
        for s in all_sources:
            if not s.exists():
                report.notices.append(f"{s}: recorded source no longer exists")
        docs_before = live.docs if live else []
        removed_docs: list[Document] = []
        if remove is not None:
            removed_docs = _match(docs_before, remove)
            excluded |= {d.source for d in removed_docs}
        if new_sources:
            discover(new_sources)  # a new path must hold at least one supported file
        files, skipped = discover(present, allow_empty=True)
        files = [f for f in files if str(f) not in excluded]
        report.skipped = [str(p) for p in skipped]
        old_by_source = {d.source: d for d in docs_before}
        docs: list[Document] = []
        mtimes: dict[str, float] = {}
        seen: set[str] = set()
        for i, path in enumerate(files):
            tick("parse", i, len(files))
            key = str(path)
            try:
                mtimes[key] = path.stat().st_mtime
                digest = file_sha256(path)
                old = old_by_source.get(key)
                if old is not None and old.content_hash == digest and not reparse:
                    docs.append(old)
                    report.unchanged += 1
                else:
                    docs.append(_parse(path))
                    report.parsed += 1
                seen.add(key)
            except (RagError, OSError) as exc:
                message = exc.message if isinstance(exc, RagError) else f"{path}: vanished or unreadable ({exc.strerror})"
                report.failed.append({"path": key, "error": message})
                if key in old_by_source:  # keep what was indexed rather than lose it
                    docs.append(old_by_source[key])
                    seen.add(key)
        tick("parse", len(files), len(files))
        for old in docs_before:
            if old.source in seen or any(old is d for d in removed_docs):
                continue
            if keep_missing and old.source not in excluded:
                docs.append(old)
            else:
                report.removed.append(f"{old.symbol} ({old.source})")
        report.removed.extend(f"{d.symbol} ({d.source})" for d in removed_docs)
        docs = _select_revisions(docs, mtimes, report)
        if not docs:
            if report.failed:
                raise NothingIndexed(report)
            raise SourceError("nothing left to index: every document was removed",
                              fix="add documents with `rag index build PATH`")
        manifest_sources = [str(s) for s in all_sources]
        if live is not None and not reparse and use_cache and _same(live, docs, settings, manifest_sources, excluded, report):
            report.changed = False
            report.generation = live.name
            report.documents, report.paragraphs = len(docs), sum(len(d.paragraphs) for d in docs)
            report.reused = report.paragraphs
            report.seconds = round(time.perf_counter() - started, 3)
            return report
        return _write_documents(settings, docs, live if use_cache else None, report, tick, started,
                                {"sources": manifest_sources, "excluded": sorted(excluded)},
                                previous=live.name if live else None)


def build_from_documents(settings: Settings, docs: list[Document], sources: list[Path], *,
                         wait: bool = False, progress: ProgressFn | None = None) -> BuildReport:
    """Index already-parsed documents (an evaluation corpus, for one), reusing cached vectors."""
    started = time.perf_counter()
    tick = progress or (lambda stage, done, total: None)
    with write_lock(settings.index_path, wait=wait):
        _clean_stale_tmp(settings.index_path)
        live = _read_live(settings.index_path, settings.model)
        return _write_documents(settings, docs, live, BuildReport(), tick, started,
                                {"sources": [str(Path(s).resolve()) for s in sources], "excluded": []},
                                previous=live.name if live else None)


def _write_documents(settings: Settings, docs: list[Document], live: _Live | None, report: BuildReport,
                     tick: ProgressFn, started: float, recorded: dict[str, Any], previous: str | None) -> BuildReport:
    """Embed what the cache lacks, write the generation, switch to it (the lock is held)."""
    emb = embed_paragraphs(settings, docs, live.cache if live else {}, report, tick,
                           live.manifest.get("embedding") if live else None, live.tokens if live else None,
                           _sentence_counts(live.terms) if live else None)
    manifest = {
        "format_version": FORMAT_VERSION,
        "model": settings.model,
        "dim": int(emb.vectors.shape[1]),
        "documents": len(docs),
        "paragraphs": len(emb.hashes),
        "sentences": int(emb.sentence_vectors.shape[0]) if settings.sentence_vectors else None,
        "embedding": emb.record,
        "token_vectors": None,  # filled in by _write_generation where the build kept token vectors
        "settings": index_settings(settings),
        **recorded,
        "files": [{"path": d.source, "sha256": d.content_hash, "symbol": d.symbol,
                   "paragraphs": len(d.paragraphs)} for d in docs],
        "failed": report.failed,
        "skipped": report.skipped,
    }
    report.generation = _write_generation(settings.index_path, docs, emb, settings, manifest, started,
                                          previous, tick, live.terms if live else {})
    report.documents, report.paragraphs = len(docs), len(emb.hashes)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _sentence_counts(terms_by_hash: dict[str, str]) -> dict[str, int]:
    """Sentences per paragraph text hash, from the live generation's stored terms (one line per
    sentence; an empty encoding is ambiguous and left out)."""
    return {h: encoded.count("\n") + 1 for h, encoded in terms_by_hash.items() if encoded}


def _clean_stale_tmp(index_path: Path) -> None:
    """Under the lock, any `.tmp-*` left behind belongs to a build that died."""
    for child in index_path.glob(".tmp-*"):
        _remove(child)


def _parse(path: Path) -> Document:
    from rag.ingest import parse_file

    return parse_file(path)


def _match(docs: list[Document], target: str) -> list[Document]:
    """Documents named by a symbol, a file path or a folder path."""
    path = Path(target).expanduser()
    resolved = path.resolve() if path.exists() or "/" in target and not target[:1].isupper() else None
    found = [d for d in docs if target == d.symbol or target in d.symbols]
    if not found and resolved is not None:
        found = [d for d in docs if _under(d.source, [resolved])]
    if not found:
        raise NotFoundError(f"{target}: no indexed document has this symbol or path",
                            fix="see `rag index status --json` for the indexed files")
    return found


def _same(live: _Live, docs: list[Document], settings: Settings, sources: list[str], excluded: set[str],
          report: BuildReport) -> bool:
    """True when a new generation would hold exactly what the live one holds."""
    m = live.manifest
    return ([(d.source, d.content_hash) for d in docs] == [(d.source, d.content_hash) for d in live.docs]
            and m.get("model") == settings.model and m.get("settings") == index_settings(settings)
            and m.get("sources") == sources and set(m.get("excluded", [])) == excluded
            and m.get("failed", []) == report.failed and m.get("skipped", []) == report.skipped)


def _sentence_search(vectors: np.ndarray, settings: Settings) -> tuple[Any, Any] | None:
    """An ANN index for sentence candidates where the sentences are too many to scan (same size
    policy and recall check as the paragraph vectors); None where a scan of the flat rows is
    fast enough. The flat file stays the row store that scores and quotes read."""
    from rag.index.vectors import build_vectors, choose_sentence_kind

    kind = choose_sentence_kind(len(vectors)) if settings.vector_index == "auto" else settings.vector_index
    if len(vectors) == 0 or kind == "flat":
        return None
    index, info = build_vectors(vectors, kind, more_exact=settings.vector_index == "auto")
    return None if info.kind == "flat" else (index, info)


def _write_generation(index_path: Path, docs: list[Document], emb: Embedded, settings: Settings,
                      manifest: dict[str, Any], started: float, previous: str | None, tick: ProgressFn,
                      terms_by_hash: dict[str, str]) -> str:
    """Write `.tmp-*`, rename it to `gen-*`, point CURRENT at it; the previous one stays until then."""
    import faiss

    from rag.index.vectors import build_vectors

    tick("write", 0, 1)
    stamp = time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}-{time.monotonic_ns() % 10**6:06d}"
    tmp = index_path / f".tmp-{stamp}"
    gen_name = f"gen-{stamp}"
    switched = False
    try:
        tmp.mkdir()
        _write_sqlite(tmp / DATABASE, docs, emb.hashes, emb.by_hash, settings.model, settings, emb.sentence_hashes,
                      terms_by_hash)
        index, info = build_vectors(emb.vectors, settings.vector_index)
        faiss.write_index(index, str(tmp / VECTORS))
        write_sentence_vectors(tmp / SENTENCE_VECTORS, emb.sentence_vectors)
        search = _sentence_search(emb.sentence_vectors, settings)
        if search is not None:
            faiss.write_index(search[0], str(tmp / SENTENCE_SEARCH))
            manifest = {**manifest, "sentence_search": search[1].to_json()}
        if emb.tokens is not None and emb.projection is not None:
            vocabulary = 1 + max((int(t.ids.max()) for t in emb.tokens if len(t.ids)), default=0)
            manifest = {**manifest, "token_vectors": write_token_files(tmp, emb.tokens, emb.projection, vocabulary)}
        files = [n for n in (*DATA_FILES, SENTENCE_SEARCH, *TOKEN_FILES) if (tmp / n).exists()]
        manifest = {**manifest, "vector_index": info.kind, "vectors": info.to_json(),
                    "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                    "build_seconds": round(time.perf_counter() - started, 3),
                    "sizes": {n: (tmp / n).stat().st_size for n in files},
                    "crc32": {n: file_crc32(tmp / n) for n in files},
                    "mtimes": {n: (tmp / n).stat().st_mtime_ns for n in files},
                    "checksums": {n: file_sha256(tmp / n) for n in files}}
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        for name in (*files, MANIFEST):
            _fsync(tmp / name)
        os.replace(tmp, index_path / gen_name)
        pointer_tmp = index_path / f".tmp-CURRENT-{stamp}"
        pointer_tmp.write_text(gen_name + "\n", encoding="utf-8")
        _fsync(pointer_tmp)
        os.replace(pointer_tmp, index_path / "CURRENT")
        switched = True
        _fsync(index_path)
    except (OSError, sqlite3.Error, RuntimeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc).splitlines()[0]
        raise IndexWriteError(f"{index_path}: cannot write the new index ({reason}); the previous index is unchanged",
                              fix="free disk space or make the folder writable, then build again") from exc
    finally:
        if not switched:
            shutil.rmtree(tmp, ignore_errors=True)
            if _current_name(index_path) != gen_name:
                shutil.rmtree(index_path / gen_name, ignore_errors=True)
    _clean_stale(index_path, {gen_name, previous} - {None})
    tick("write", 1, 1)
    return gen_name


def _current_name(index_path: Path) -> str | None:
    try:
        return (index_path / "CURRENT").read_text(encoding="utf-8").strip()
    except OSError:
        return None


class NothingIndexed(ParseError):
    """Every file failed: nothing to index (the previous index stays live)."""

    def __init__(self, report: BuildReport) -> None:
        first = report.failed[0]["error"] if report.failed else "no document"
        super().__init__(f"no document could be indexed; {len(report.failed)} failed, first: {first}")
        self.report = report
