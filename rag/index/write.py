"""The last steps of a build: write a generation into `.tmp-*`, then switch to it.

`write_generation` fills the temporary folder (SQLite store, embedding cache, vectors, sentence
vectors, token vectors, BM25 postings, manifest) and fsyncs it; `switch_to` renames it to `gen-*`
and points CURRENT at it. Until that last rename the previous generation stays live.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from rag.config import Settings
from rag.errors import IndexWriteError
from rag.index.encode import Embedded
from rag.index.lexical import POSTINGS_FILES
from rag.index.plan import LiveGeneration
from rag.index.postings import write_postings
from rag.index.scratch import Rows
from rag.index.sentences import SENTENCE_VECTORS, write_sentence_rows, write_sentence_vectors
from rag.index.store import (CACHE, CACHE_SCHEMA, DATA_FILES, DATABASE, MANIFEST, SCHEMA, SENTENCE_SEARCH, VECTORS,
                             file_crc32, file_sha256)
from rag.index.terms import ParagraphTerms, write_paragraph_terms
from rag.index.token_vectors import TOKEN_FILES, write_token_files
from rag.models import Document
from rag.textutil import terms


@dataclass
class Contents:
    """What a new generation holds: its documents, their vectors, and what it may carry over."""

    docs: list[Document]
    emb: Embedded
    live: LiveGeneration | None  # the live generation whose stored terms, postings and cache carry over


def _no_journal(conn: sqlite3.Connection) -> None:
    """A file of a generation being written: nothing to roll back to (a failed build discards
    it), and it is fsynced once complete."""
    conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536;")


def _insert_document(conn: sqlite3.Connection, doc_id: int, doc: Document, first: int, hashes: list[str]) -> None:
    """One document's rows: itself, its symbols and its paragraphs (ids from `first`)."""
    conn.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                 (doc_id, doc.symbol, json.dumps(doc.symbols or [doc.symbol]), doc.title, doc.source,
                  doc.content_hash, doc.pages, doc.date, doc.body, doc.session, int(doc.index_title), doc.venue))
    conn.executemany("INSERT INTO symbols VALUES (?, ?)", ((s, doc_id) for s in dict.fromkeys([doc.symbol, *doc.symbols])))
    conn.executemany("INSERT INTO paragraphs VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", (
        (first + i, doc_id, i, p.number, p.text, p.page, p.section, p.annex, int(p.running),
         json.dumps([asdict(f) for f in p.footnotes]), hashes[first + i], p.part, p.part_of)
        for i, p in enumerate(doc.paragraphs)))


class FreshTerms(Mapping[int, list[str]]):
    """What BM25 indexes of each paragraph whose postings are counted anew (new paragraph id ->
    its document's title terms, where the title is indexed: Document.index_title, then its own),
    made from its stored terms when asked for, not held."""

    def __init__(self, stored: list[str]) -> None:
        self._stored = stored
        self._title: dict[int, list[str]] = {}  # paragraph id -> its document's indexed title terms

    def add(self, first: int, end: int, title: list[str]) -> None:
        self._title.update(dict.fromkeys(range(first, end), title))

    def __getitem__(self, pid: int) -> list[str]:
        return self._title[pid] + [t for sentence in ParagraphTerms.decode(self._stored[pid]).sentences
                                   for t in sentence]

    def __iter__(self) -> Iterator[int]:
        return iter(self._title)

    def __len__(self) -> int:
        return len(self._title)


def _insert_documents(conn: sqlite3.Connection, contents: Contents) -> tuple[list[str], FreshTerms]:
    """Documents, symbols and paragraphs; returns each paragraph's stored terms (those of the
    live generation where its text is unchanged) and the BM25 terms of the paragraphs whose
    postings are not carried over."""
    carried = _carried_docs(contents)
    kept = contents.live.terms if contents.live is not None else {}
    hashes = contents.emb.hashes
    stored: list[str] = []
    fresh = FreshTerms(stored)
    for doc_id, doc in enumerate(contents.docs):
        first = len(stored)
        _insert_document(conn, doc_id, doc, first, hashes)
        stored.extend(kept.get(hashes[first + i]) or ParagraphTerms.of(p.text).encode()
                      for i, p in enumerate(doc.paragraphs))
        if id(doc) not in carried:
            fresh.add(first, len(stored), terms(doc.title) if doc.title and doc.index_title else [])
    return stored, fresh


def _carried_docs(contents: Contents) -> dict[int, int]:
    """id() of each document taken unchanged from the live generation -> its first paragraph id
    there (its postings carry over)."""
    if contents.live is None or contents.live.postings is None:
        return {}
    starts: dict[int, int] = {}
    at = 0
    for doc in contents.live.docs:
        starts[id(doc)] = at
        at += len(doc.paragraphs)
    return {id(d): starts[id(d)] for d in contents.docs if id(d) in starts}


def _remap(contents: Contents) -> np.ndarray:
    """Live paragraph id -> new paragraph id (-1: not carried over)."""
    assert contents.live is not None
    carried = _carried_docs(contents)
    remap = np.full(sum(len(d.paragraphs) for d in contents.live.docs), -1, dtype=np.int64)
    pid = 0
    for doc in contents.docs:
        n = len(doc.paragraphs)
        if id(doc) in carried:
            remap[carried[id(doc)]:carried[id(doc)] + n] = np.arange(pid, pid + n)
        pid += n
    return remap


def _write_store(folder: Path, contents: Contents) -> None:
    """store.sqlite and the BM25 postings files."""
    conn = sqlite3.connect(folder / DATABASE, uri=True)
    _no_journal(conn)
    try:
        conn.executescript(SCHEMA)
        stored, fresh = _insert_documents(conn, contents)
        write_sentence_rows(conn, contents.emb.sentence_hashes)
        write_paragraph_terms(conn, stored)
        live = contents.live
        carry = live.postings if live is not None else None
        write_postings(conn, folder, len(stored), fresh, carry, _remap(contents) if carry is not None else None)
        conn.commit()
    finally:
        conn.close()


def _write_cache(folder: Path, settings: Settings, contents: Contents) -> None:
    """cache.sqlite: every vector of the generation by text hash. A copy of the live cache where
    there is one for this model, less what the generation no longer holds, plus what is new."""
    by_hash = contents.emb.by_hash
    live = contents.live
    cached = live.reusable.cache if live is not None else {}
    if cached:
        shutil.copyfile(folder.parent / live.name / CACHE, folder / CACHE)
    conn = sqlite3.connect(folder / CACHE)
    try:
        conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
        if not cached:
            conn.executescript(CACHE_SCHEMA)
        present = {h for (h,) in conn.execute("SELECT hash FROM embeddings WHERE model = ?", (settings.model,))}
        conn.executemany("DELETE FROM embeddings WHERE model = ? AND hash = ?",
                         ((settings.model, h) for h in present - by_hash.keys()))
        # a row the build found damaged was left out of `cached` and embedded again: replaced here
        conn.executemany("INSERT OR REPLACE INTO embeddings VALUES (?,?,?)",
                         ((settings.model, h, by_hash[h].astype("<f4").tobytes()) for h in by_hash.keys() - cached.keys()))
        conn.commit()
    finally:
        conn.close()


def sentence_search_index(vectors: np.ndarray | Rows, settings: Settings) -> tuple[Any, Any] | None:
    """An ANN index for sentence candidates where the sentences are too many to scan (same size
    policy and recall check as the paragraph vectors); None where a scan of the flat rows is
    fast enough. The flat file stays the row store that scores and quotes read."""
    from rag.index.vectors import build_vectors, choose_sentence_kind

    kind = choose_sentence_kind(len(vectors)) if settings.vector_index == "auto" else settings.vector_index
    if len(vectors) == 0 or kind == "flat":
        return None
    index, info = build_vectors(vectors, kind, more_exact=settings.vector_index == "auto", build_flat=False)
    return None if info.kind == "flat" else (index, info)


def _write_vectors(folder: Path, settings: Settings, emb: Embedded) -> dict[str, Any]:
    """Paragraph, sentence and token vectors; returns what the manifest records of them."""
    import faiss

    from rag.index.vectors import build_vectors

    index, info = build_vectors(emb.vectors, settings.vector_index)
    faiss.write_index(index, str(folder / VECTORS))
    record: dict[str, Any] = {"vector_index": info.kind, "vectors": info.to_json(), "token_vectors": None}
    write_sentence_vectors(folder / SENTENCE_VECTORS, emb.sentence_vectors)
    search = sentence_search_index(emb.sentence_vectors, settings)
    if search is not None:
        faiss.write_index(search[0], str(folder / SENTENCE_SEARCH))
        record["sentence_search"] = search[1].to_json()
    if emb.tokens is not None and emb.projection is not None:
        vocabulary = 1 + max((int(t.ids.max()) for t in emb.tokens if len(t.ids)), default=0)
        record["token_vectors"] = write_token_files(folder, emb.tokens, emb.projection, vocabulary)
    return record


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _seal(folder: Path, manifest: dict[str, Any], started: float) -> None:
    """Write the manifest with every data file's size, checksums and mtime; fsync them all."""
    files = [n for n in (*DATA_FILES, SENTENCE_SEARCH, *TOKEN_FILES, *POSTINGS_FILES) if (folder / n).exists()]
    files = list(dict.fromkeys(files))
    manifest = {**manifest, "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "build_seconds": round(time.perf_counter() - started, 3),
                "sizes": {n: (folder / n).stat().st_size for n in files},
                "crc32": {n: file_crc32(folder / n) for n in files},
                "mtimes": {n: (folder / n).stat().st_mtime_ns for n in files},
                "checksums": {n: file_sha256(folder / n) for n in files}}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    for name in (*files, MANIFEST):
        _fsync(folder / name)


def write_generation(folder: Path, settings: Settings, contents: Contents, manifest: dict[str, Any],
                     started: float) -> None:
    """Fill `folder` (a new `.tmp-*`) with a complete generation; IndexWriteError on failure."""
    try:
        folder.mkdir()
        _write_store(folder, contents)
        _write_cache(folder, settings, contents)
        manifest = {**manifest, **_write_vectors(folder, settings, contents.emb)}
        _seal(folder, manifest, started)
    except (OSError, sqlite3.Error, RuntimeError) as exc:
        cannot_write(folder.parent, exc)


def cannot_write(index_path: Path, exc: BaseException) -> None:
    reason = getattr(exc, "strerror", None) or str(exc).splitlines()[0]
    raise IndexWriteError(f"{index_path}: cannot write the new index ({reason}); the previous index is unchanged",
                          fix="free disk space or make the folder writable, then build again") from exc


def new_stamp() -> str:
    return time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}-{time.monotonic_ns() % 10**6:06d}"


def switch_to(index_path: Path, folder: Path, gen_name: str) -> None:
    """Rename `folder` to `gen_name` and point CURRENT at it (the atomic switch)."""
    try:
        os.replace(folder, index_path / gen_name)
        point_current(index_path, gen_name)
    except OSError as exc:
        if current_name(index_path) != gen_name:
            shutil.rmtree(index_path / gen_name, ignore_errors=True)
        cannot_write(index_path, exc)


def point_current(index_path: Path, gen_name: str) -> None:
    """Replace CURRENT with the name of `gen_name` atomically (a temporary file, fsync, rename)."""
    pointer_tmp = index_path / f".tmp-CURRENT-{gen_name}"
    pointer_tmp.write_text(gen_name + "\n", encoding="utf-8")
    _fsync(pointer_tmp)
    os.replace(pointer_tmp, index_path / "CURRENT")
    _fsync(index_path)


def current_name(index_path: Path) -> str | None:
    try:
        return (index_path / "CURRENT").read_text(encoding="utf-8").strip()
    except (OSError, ValueError):  # missing, unreadable or not UTF-8
        return None


def remove_path(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def clean_stale(index_path: Path, keep: set[str]) -> None:
    """Remove dead temporary folders and generations other than `keep`."""
    for child in index_path.iterdir():
        if child.name.startswith(".tmp-") or (child.name.startswith("gen-") and child.name not in keep):
            remove_path(child)
