"""The index folder: build a new generation beside the live one, switch atomically, open, check.

Layout of `indexes/<name>/`:
    CURRENT              name of the live generation (replaced atomically)
    .lock                held (flock) by the one writer
    gen-<stamp>/         manifest.json, vectors.faiss, store.sqlite, sentences.faiss (rag.sentences)
    .tmp-<stamp>/        a build in progress (removed by the next build if it died)
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from rag.config import Settings
from rag.errors import IndexCorrupt, IndexLocked, IndexMismatch, IndexNotFound, RagError
from rag.lexical import LEXICAL_VERSION, LexicalIndex, build_postings, term_pairs, write_postings
from rag.models import Document, Footnote, Paragraph
from rag.sentences import (SENTENCE_VECTORS, SentenceIndex, open_sentences, paragraph_sentences,
                           write_sentence_rows, write_sentence_vectors)

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
VECTORS = "vectors.faiss"
DATABASE = "store.sqlite"

SCHEMA = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY, symbol TEXT NOT NULL, symbols TEXT NOT NULL, title TEXT NOT NULL,
    source TEXT NOT NULL, content_hash TEXT NOT NULL, pages INTEGER NOT NULL);
CREATE TABLE paragraphs (
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id), ord INTEGER NOT NULL,
    number TEXT NOT NULL, text TEXT NOT NULL, page TEXT, section TEXT NOT NULL, annex TEXT NOT NULL,
    running INTEGER NOT NULL, footnotes TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX paragraphs_doc ON paragraphs(doc_id, number);
CREATE TABLE symbols (symbol TEXT NOT NULL, doc_id INTEGER NOT NULL);
CREATE INDEX symbols_symbol ON symbols(symbol);
CREATE TABLE embeddings (model TEXT NOT NULL, hash TEXT NOT NULL, vector BLOB NOT NULL,
    PRIMARY KEY (model, hash));
"""

ProgressFn = Callable[[str, int, int], None]


def paragraph_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def index_settings(settings: Settings) -> dict[str, Any]:
    """The settings that change what a build writes besides the model (recorded in the manifest)."""
    return {"bm25_k1": settings.bm25_k1, "bm25_b": settings.bm25_b, "lexical_version": LEXICAL_VERSION}


def lexical_text(doc: Document, p: Paragraph) -> str:
    """The text BM25 indexes for a paragraph: its document's title, then the paragraph."""
    return f"{doc.title}\n{p.text}" if doc.title else p.text


def embed_text(p: Paragraph) -> str:
    """The text a paragraph is embedded from."""
    return p.text


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class BuildReport:
    """What a build did, for the CLI's summary and `--json`."""

    documents: int = 0
    paragraphs: int = 0
    embedded: int = 0
    reused: int = 0
    sentences_embedded: int = 0  # sentence vectors computed (the rest came from the cache)
    seconds: float = 0.0
    failed: list[dict[str, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    generation: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


# --------------------------------------------------------------------------- locking

@contextmanager
def write_lock(index_path: Path, wait: bool = False) -> Iterator[None]:
    """Hold the index's writer lock; readers never take it."""
    index_path.mkdir(parents=True, exist_ok=True)
    fh = open(index_path / ".lock", "a+")
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError as exc:
            raise IndexLocked(f"{index_path}: another build is writing this index",
                              fix="wait for it, or pass --wait") from exc
        yield
    finally:
        fh.close()


# --------------------------------------------------------------------------- reading

def current_generation(index_path: Path) -> Path:
    """The live generation folder; IndexNotFound when there is none."""
    pointer = index_path / "CURRENT"
    if not index_path.is_dir():
        raise IndexNotFound(f"{index_path}: no index here", fix="run `rag index build PATH` first")
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise IndexNotFound(f"{index_path}: no built index (CURRENT is missing)",
                            fix="run `rag index build PATH` first") from None
    except OSError as exc:
        raise IndexNotFound(f"{pointer}: unreadable ({exc.strerror})", fix="check the folder's permissions") from exc
    gen = index_path / name
    if not name.startswith("gen-") or not gen.is_dir():
        raise IndexCorrupt(f"{pointer}: points to missing generation {name!r}", fix="run `rag index rebuild`")
    return gen


def read_manifest(gen: Path) -> dict[str, Any]:
    path = gen / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise IndexCorrupt(f"{path}: manifest missing", fix="run `rag index rebuild`") from None
    except (OSError, ValueError) as exc:
        raise IndexCorrupt(f"{path}: unreadable manifest ({exc})", fix="run `rag index rebuild`") from exc
    if not isinstance(data, dict) or "format_version" not in data:
        raise IndexCorrupt(f"{path}: not a rag manifest", fix="run `rag index rebuild`")
    return data


def check_compatible(manifest: dict[str, Any], settings: Settings, where: Path) -> None:
    """Refuse an index of another format version or built with another model."""
    version = manifest.get("format_version")
    if version != FORMAT_VERSION:
        newer = isinstance(version, int) and version > FORMAT_VERSION
        raise IndexMismatch(
            f"{where}: index format version {version} {'is newer than' if newer else 'differs from'} "
            f"this rag's {FORMAT_VERSION}",
            fix="upgrade rag" if newer else "run `rag index rebuild`")
    if manifest.get("model") != settings.model:
        raise IndexMismatch(
            f"{where}: index was built with model {manifest.get('model')!r}, not {settings.model!r}",
            fix=f"run `rag index rebuild --model {settings.model}` or pass --model {manifest.get('model')}")


@dataclass
class OpenIndex:
    """A live generation opened read-only: manifest, SQLite store, FAISS vectors, BM25."""

    path: Path
    generation: Path
    manifest: dict[str, Any]
    conn: sqlite3.Connection
    vectors: Any  # faiss.Index
    lexical: LexicalIndex
    sentences: SentenceIndex | None = None

    @property
    def size(self) -> int:
        return int(self.manifest["paragraphs"])

    def paragraph_rows(self, ids: list[int]) -> dict[int, sqlite3.Row]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(
            f"SELECT p.*, d.symbol AS symbol, d.source AS source FROM paragraphs p "
            f"JOIN documents d ON d.id = p.doc_id WHERE p.id IN ({marks})", ids).fetchall()
        return {int(r["id"]): r for r in rows}

    def close(self) -> None:
        self.conn.close()


def open_index(settings: Settings) -> OpenIndex:
    """Open the live generation of `settings.index_path` for reading."""
    import faiss

    index_path = settings.index_path
    gen = current_generation(index_path)
    manifest = read_manifest(gen)
    check_compatible(manifest, settings, gen / MANIFEST)
    db_path = gen / DATABASE
    if not db_path.exists():
        raise IndexCorrupt(f"{db_path}: missing", fix="run `rag index rebuild`")
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        count = conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise IndexCorrupt(f"{db_path}: unreadable SQLite file ({exc})", fix="run `rag index rebuild`") from exc
    vec_path = gen / VECTORS
    try:
        vectors = faiss.read_index(str(vec_path))
    except Exception as exc:  # noqa: BLE001 - faiss raises RuntimeError with a C++ trace
        raise IndexCorrupt(f"{vec_path}: unreadable FAISS file", fix="run `rag index rebuild`") from exc
    if count != manifest["paragraphs"] or vectors.ntotal != manifest["paragraphs"]:
        raise IndexCorrupt(
            f"{gen}: manifest says {manifest['paragraphs']} paragraphs, SQLite has {count}, "
            f"FAISS has {vectors.ntotal}", fix="run `rag index rebuild`")
    if vectors.d != manifest["dim"]:
        raise IndexCorrupt(f"{vec_path}: dimension {vectors.d}, manifest says {manifest['dim']}",
                           fix="run `rag index rebuild`")
    sentences = open_sentences(gen, conn, count, manifest.get("sentences"))
    return OpenIndex(index_path, gen, manifest, conn, vectors, LexicalIndex(conn, count), sentences)


# --------------------------------------------------------------------------- building

def _cached_vectors(index_path: Path, model: str) -> dict[str, np.ndarray]:
    """Embeddings stored by the live generation for `model`, keyed by paragraph hash."""
    try:
        gen = current_generation(index_path)
    except RagError:
        return {}
    db = gen / DATABASE
    if not db.exists():
        return {}
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            rows = conn.execute("SELECT hash, vector FROM embeddings WHERE model = ?", (model,)).fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return {}
    return {h: np.frombuffer(v, dtype="<f4") for h, v in rows}


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_sqlite(path: Path, docs: list[Document], hashes: list[str], vectors: dict[str, np.ndarray],
                  model: str, settings: Settings, sentence_hashes: list[list[str]]) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.executescript(SCHEMA)
        pid = 0
        texts: list[str] = []
        for doc_id, doc in enumerate(docs):
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
                texts.append(lexical_text(doc, p))
                pid += 1
        write_postings(conn, build_postings(texts, settings.bm25_k1, settings.bm25_b))
        write_postings(conn, build_postings(texts, settings.bm25_k1, settings.bm25_b, term_pairs))
        write_sentence_rows(conn, sentence_hashes)
        conn.executemany("INSERT INTO embeddings VALUES (?,?,?)",
                         ((model, h, vec.astype("<f4").tobytes()) for h, vec in vectors.items()))
        conn.commit()
    finally:
        conn.close()


def _clean_stale(index_path: Path, keep: set[str]) -> None:
    """Remove dead temporary folders and generations older than the previous one."""
    for child in index_path.iterdir():
        if child.name.startswith(".tmp-") or (child.name.startswith("gen-") and child.name not in keep):
            shutil.rmtree(child, ignore_errors=True)


def build_index(settings: Settings, sources: list[Path], *, wait: bool = False,
                progress: ProgressFn | None = None) -> BuildReport:
    """Parse `sources`, embed (reusing cached vectors), write a new generation, switch to it."""
    from rag.ingest import discover, parse_file

    started = time.perf_counter()
    report = BuildReport()
    tick = progress or (lambda stage, done, total: None)
    files, skipped = discover(sources)
    report.skipped = [str(p) for p in skipped]
    with write_lock(settings.index_path, wait=wait):
        docs: list[Document] = []
        for i, path in enumerate(files):
            tick("parse", i, len(files))
            try:
                docs.append(parse_file(path))
            except RagError as exc:
                report.failed.append({"path": str(path), "error": exc.message})
        tick("parse", len(files), len(files))
        if not docs:
            raise IndexCorruptBuild(report)
        return _build_locked(settings, docs, sources, report, tick, started)


def build_from_documents(settings: Settings, docs: list[Document], sources: list[Path], *,
                         wait: bool = False, progress: ProgressFn | None = None) -> BuildReport:
    """Index already-parsed documents (an evaluation corpus, for one) like `build_index` does."""
    started = time.perf_counter()
    with write_lock(settings.index_path, wait=wait):
        return _build_locked(settings, docs, sources, BuildReport(), progress or (lambda s, d, t: None),
                             started)


def _embed_missing(texts: dict[str, str], cache: dict[str, np.ndarray], embedder: Any, step: int,
                   tick: ProgressFn) -> dict[str, np.ndarray]:
    """Vectors for every hash in `texts`: cached ones reused, the others embedded now."""
    missing = [h for h in texts if h not in cache]
    out = {h: cache[h] for h in texts if h in cache}
    for start in range(0, len(missing), step):
        tick("embed", start, len(missing))
        chunk = missing[start:start + step]
        for h, v in zip(chunk, embedder.encode_documents([texts[h] for h in chunk])):
            out[h] = v
    tick("embed", len(missing), len(missing))
    return out


def _build_locked(settings: Settings, docs: list[Document], sources: list[Path], report: BuildReport,
                  tick: ProgressFn, started: float) -> BuildReport:
    import faiss

    from rag.embed import get_embedder

    index_path = settings.index_path
    paragraphs = [p for d in docs for p in d.paragraphs]
    hashes = [paragraph_hash(embed_text(p)) for p in paragraphs]
    sentence_texts = [paragraph_sentences(p.text) for p in paragraphs]
    sentence_hashes = [[paragraph_hash(t) for t in ts] for ts in sentence_texts]
    texts = {h: embed_text(p) for h, p in zip(hashes, paragraphs)}
    for ts, hs in zip(sentence_texts, sentence_hashes):
        texts.update(zip(hs, ts))
    cache = _cached_vectors(index_path, settings.model)
    embedder = get_embedder(settings.model, settings.batch_size)
    vectors_by_hash = _embed_missing(texts, cache, embedder, max(settings.batch_size * 4, 64), tick)
    para_missing = [i for i, h in enumerate(hashes) if h not in cache]
    report.embedded = len({hashes[i] for i in para_missing})
    report.reused = len(paragraphs) - len(para_missing)
    report.sentences_embedded = sum(1 for h in texts if h not in cache) - report.embedded
    dim = embedder.dim
    vectors = np.zeros((len(paragraphs), dim), dtype=np.float32)
    for i, h in enumerate(hashes):
        vectors[i] = vectors_by_hash[h]
    flat_sentence_hashes = [h for hs in sentence_hashes for h in hs]
    sentence_vectors = np.zeros((len(flat_sentence_hashes), dim), dtype=np.float32)
    for i, h in enumerate(flat_sentence_hashes):
        sentence_vectors[i] = vectors_by_hash[h]

    tick("write", 0, 1)
    stamp = time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}-{time.monotonic_ns() % 10**6:06d}"
    tmp = index_path / f".tmp-{stamp}"
    tmp.mkdir(parents=True)
    _write_sqlite(tmp / DATABASE, docs, hashes, vectors_by_hash, settings.model, settings, sentence_hashes)
    index = faiss.IndexFlatIP(dim)
    index.add(vectors)
    faiss.write_index(index, str(tmp / VECTORS))
    write_sentence_vectors(tmp / SENTENCE_VECTORS, sentence_vectors)
    seconds = time.perf_counter() - started
    manifest = {
        "format_version": FORMAT_VERSION,
        "model": settings.model,
        "dim": dim,
        "documents": len(docs),
        "paragraphs": len(paragraphs),
        "sentences": len(flat_sentence_hashes),
        "vector_index": "flat-ip",
        "settings": index_settings(settings),
        "sources": [str(Path(s).resolve()) for s in sources],
        "files": [{"path": d.source, "sha256": d.content_hash, "symbol": d.symbol,
                   "paragraphs": len(d.paragraphs)} for d in docs],
        "failed": report.failed,
        "skipped": report.skipped,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "build_seconds": round(seconds, 3),
        "checksums": {name: file_sha256(tmp / name) for name in (DATABASE, VECTORS, SENTENCE_VECTORS)},
    }
    (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    for name in (DATABASE, VECTORS, SENTENCE_VECTORS, MANIFEST):
        with open(tmp / name, "rb") as fh:
            os.fsync(fh.fileno())
    gen_name = f"gen-{stamp}"
    previous = None
    try:
        previous = current_generation(index_path).name
    except RagError:
        pass
    os.replace(tmp, index_path / gen_name)
    pointer_tmp = index_path / f".tmp-CURRENT-{stamp}"
    pointer_tmp.write_text(gen_name + "\n", encoding="utf-8")
    with open(pointer_tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(pointer_tmp, index_path / "CURRENT")
    _fsync_dir(index_path)
    _clean_stale(index_path, {gen_name, previous} - {None})
    tick("write", 1, 1)
    report.documents = len(docs)
    report.paragraphs = len(paragraphs)
    report.generation = gen_name
    report.seconds = round(time.perf_counter() - started, 3)
    return report


class IndexCorruptBuild(RagError):
    """Every file failed: nothing to index (the previous index stays live)."""

    exit_code = 9

    def __init__(self, report: BuildReport) -> None:
        first = report.failed[0] if report.failed else {"path": "?", "error": "no document"}
        super().__init__(f"no document could be indexed; {len(report.failed)} failed, first: {first['error']}")
        self.report = report


def index_status(settings: Settings) -> dict[str, Any]:
    """The manifest of the live generation plus where it lives."""
    gen = current_generation(settings.index_path)
    manifest = read_manifest(gen)
    return {"index": str(settings.index_path), "generation": gen.name, **manifest}


def recorded_sources(settings: Settings) -> list[Path]:
    """The sources the live index was built from (for `rag index rebuild`)."""
    gen = current_generation(settings.index_path)
    return [Path(s) for s in read_manifest(gen).get("sources", [])]


def load_paragraph(row: sqlite3.Row) -> Paragraph:
    return Paragraph(number=row["number"], text=row["text"], page=row["page"], section=row["section"],
                     footnotes=[Footnote(**f) for f in json.loads(row["footnotes"])],
                     running=bool(row["running"]), annex=row["annex"])
