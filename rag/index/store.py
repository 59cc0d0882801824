"""The index folder on disk: its layout, locking, opening a generation read-only, verifying it.

Layout of `indexes/<name>/` (docs/index-format.md has the whole format):
    CURRENT              name of the live generation (replaced atomically)
    .lock                held (flock) by the one writer
    gen-<stamp>/         manifest.json, store.sqlite, vectors and postings files (never modified once live)
    .tmp-<stamp>/        a build in progress (removed by the next build if it died)
    .tmp-<stamp>-scratch/  its vectors and token rows until it writes them (rag/index/scratch.py)
    .tmp-CURRENT-gen-<stamp>  its new CURRENT, written and fsynced before the rename that makes it live
Building lives in rag/index/build.py.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import sqlite3
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from rag.config import Settings
from rag.errors import IndexCorrupt, IndexLocked, IndexMismatch, IndexNotFound, IndexWriteError
from rag.index.flatfile import UNIT_NORM_TOLERANCE, FlatVectors, map_flat
from rag.index.lexical import LEXICAL_VERSION, POSTINGS_FILES, LexicalIndex, open_lexical
from rag.index.paragraphs import around, cited_paragraph_id, find_document, show_paragraph
from rag.models import Document, Footnote, Paragraph, ShownParagraph
from rag.index.sentences import SENTENCE_VECTORS, SentenceIndex, open_sentences
from rag.index.token_vectors import TOKEN_FILES, TokenStore, open_tokens

FORMAT_VERSION = 4
# Earlier formats whose embedding cache a build still reads (the cache's rows are unchanged since)
CACHE_FORMATS = (3,)
MANIFEST = "manifest.json"
VECTORS = "vectors.faiss"
DATABASE = "store.sqlite"
CACHE = "cache.sqlite"
SENTENCE_SEARCH = "sentences.search.faiss"  # only in big indexes: an ANN index over the sentence vectors
QUERY_FILES = (DATABASE, VECTORS, SENTENCE_VECTORS, SENTENCE_SEARCH, *TOKEN_FILES, *POSTINGS_FILES)  # what a question reads: CRC-checked at open
DATA_FILES = (*QUERY_FILES, CACHE)
REBUILD = "run `rag index rebuild`"
RECOVER = "run `rag index recover`, or `rag index rebuild`"
GENERATION_NAME = re.compile(r"gen-[0-9A-Za-z_.-]+")

SCHEMA = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY, symbol TEXT NOT NULL, symbols TEXT NOT NULL, title TEXT NOT NULL,
    source TEXT NOT NULL, content_hash TEXT NOT NULL, pages INTEGER NOT NULL, date TEXT NOT NULL,
    body TEXT NOT NULL, session TEXT NOT NULL, index_title INTEGER NOT NULL, venue TEXT NOT NULL);
CREATE TABLE paragraphs (
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id), ord INTEGER NOT NULL,
    number TEXT NOT NULL, text TEXT NOT NULL, page TEXT, section TEXT NOT NULL, annex TEXT NOT NULL,
    running INTEGER NOT NULL, footnotes TEXT NOT NULL, hash TEXT NOT NULL, part TEXT NOT NULL,
    part_of TEXT NOT NULL);
CREATE INDEX paragraphs_doc ON paragraphs(doc_id, number);
CREATE TABLE symbols (symbol TEXT NOT NULL, doc_id INTEGER NOT NULL);
CREATE INDEX symbols_symbol ON symbols(symbol);
"""
# The embedding cache lives in its own file: builds read it, questions never do.
CACHE_SCHEMA = """
CREATE TABLE embeddings (model TEXT NOT NULL, hash TEXT NOT NULL, vector BLOB NOT NULL,
    PRIMARY KEY (model, hash));
"""

ProgressFn = Callable[[str, int, int], None]


def index_settings(settings: Settings) -> dict[str, Any]:
    """The settings that change what a build writes besides the model (recorded in the manifest)."""
    return {"bm25_k1": settings.bm25_k1, "bm25_b": settings.bm25_b, "lexical_version": LEXICAL_VERSION,
            "sentence_vectors": settings.sentence_vectors, "token_vectors": settings.token_vectors}


# Small files a question reads whole (or nearly): CRC-checked at every open, mtime or not
# (0.6-5 ms on the UN corpus's 2.4 MB of them); docs/index-format.md has the fault table.
CRC_AT_EVERY_OPEN = ("postings.pos", "postings.lengths", "tokens.pos", "tokens.meta.npz")
VERIFY_ON_OPEN_BYTES = 256 << 20  # query files up to this size are CRC-checked at every open


def file_crc32(path: Path) -> int:
    crc = 0
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 22), b""):
            crc = zlib.crc32(chunk, crc)
    return crc


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# --------------------------------------------------------------------------- locking

@contextmanager
def write_lock(index_path: Path, wait: bool = False) -> Iterator[None]:
    """Hold the index's writer lock (flock, released if the process dies); readers never take it.
    Folders it created are removed again when the writer leaves nothing in them but the lock (a
    first build that indexed nothing leaves no empty index behind); a writer that waited on a lock
    file removed meanwhile takes the lock again on the folder's new one."""
    while True:
        created, fh = _open_lock(index_path)
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError as exc:
            fh.close()
            raise IndexLocked(f"{index_path}: another build is writing this index",
                              fix="wait for it, or pass --wait") from exc
        if _still_there(fh, index_path / ".lock"):
            break
        fh.close()  # the writer before this one removed the folder it had made: lock the new one
    try:
        yield
    finally:
        if created:
            _remove_unused(created)
        fh.close()


def _open_lock(index_path: Path) -> tuple[list[Path], Any]:
    """The folders about to be created for the index (deepest first) and its opened lock file."""
    try:
        created = [p for p in (index_path, *index_path.parents) if not p.exists()]
        index_path.mkdir(parents=True, exist_ok=True)
        return created, open(index_path / ".lock", "a+")
    except OSError as exc:
        raise IndexWriteError(f"{index_path}: cannot create or write the index folder ({exc.strerror})",
                              fix="pass a writable --index-dir") from exc


def _still_there(fh: Any, path: Path) -> bool:
    """Whether the open lock file is still the one at `path` (not removed since it was opened)."""
    try:
        now = path.stat()
    except OSError:
        return False
    held = os.fstat(fh.fileno())
    return (held.st_ino, held.st_dev) == (now.st_ino, now.st_dev)


def _remove_unused(created: list[Path]) -> None:
    """Remove the folders a writer created (deepest first) while they hold nothing but its lock."""
    try:
        if [p.name for p in created[0].iterdir()] != [".lock"]:
            return
        (created[0] / ".lock").unlink()
        for folder in created:
            folder.rmdir()
    except OSError:
        return  # something else is there now: leave it


# --------------------------------------------------------------------------- reading

def generation_folders(index_path: Path) -> list[Path]:
    """Every complete generation folder of an index (`gen-*`), whether live or not."""
    try:
        return sorted(p for p in index_path.iterdir() if p.name.startswith("gen-") and p.is_dir())
    except OSError:
        return []


def current_generation(index_path: Path) -> Path:
    """The live generation folder; IndexNotFound when there is none, IndexCorrupt when CURRENT
    is missing beside generation folders or does not name one (never taken for a first use)."""
    pointer = index_path / "CURRENT"
    for parent in (index_path.parent, index_path):
        if parent.exists() and not parent.is_dir():
            raise IndexNotFound(f"{parent}: not a folder", fix="pass an index folder with --index-dir")
    if not index_path.is_dir():
        raise IndexNotFound(f"{index_path}: no index here", fix="run `rag index build PATH` first")
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        found = generation_folders(index_path)
        if found:
            raise IndexCorrupt(f"{pointer}: missing beside {len(found)} generation folder(s); nothing was "
                               "deleted", fix="run `rag index recover` to point it at the newest sound one") from None
        raise IndexNotFound(f"{index_path}: no index has been built here",
                            fix="run `rag index build PATH` first") from None
    except UnicodeDecodeError:
        raise IndexCorrupt(f"{pointer}: damaged (not UTF-8 text)", fix=RECOVER) from None
    except OSError as exc:
        raise IndexNotFound(f"{pointer}: unreadable ({exc.strerror})", fix="check the folder's permissions") from exc
    gen = index_path / name
    if not GENERATION_NAME.fullmatch(name):
        raise IndexCorrupt(f"{pointer}: damaged (does not name a generation)", fix=RECOVER)
    if not gen.is_dir():
        raise IndexCorrupt(f"{pointer}: points to missing generation {name!r}", fix=RECOVER)
    return gen


def read_manifest(gen: Path) -> dict[str, Any]:
    path = gen / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise IndexCorrupt(f"{path}: manifest missing", fix=REBUILD) from None
    except (OSError, ValueError) as exc:
        raise IndexCorrupt(f"{path}: unreadable manifest ({exc})", fix=REBUILD) from exc
    required = {"format_version", "model", "dim", "paragraphs", "documents"}
    if not isinstance(data, dict) or not required <= set(data):
        raise IndexCorrupt(f"{path}: not a rag manifest", fix=REBUILD)
    return data


def check_format(manifest: dict[str, Any], where: Path) -> None:
    version = manifest.get("format_version")
    if version != FORMAT_VERSION:
        newer = isinstance(version, int) and version > FORMAT_VERSION
        raise IndexMismatch(
            f"{where}: index format version {version} {'is newer than' if newer else 'differs from'} "
            f"this rag's {FORMAT_VERSION}", fix="upgrade rag" if newer else REBUILD)


def check_compatible(manifest: dict[str, Any], settings: Settings, where: Path) -> None:
    """Refuse an index of another format version, built with another model, or whose terms were
    made by another version of the stemmer (its BM25 postings would miss the question's terms)."""
    check_format(manifest, where)
    terms = (manifest.get("settings") or {}).get("lexical_version")
    if terms != LEXICAL_VERSION:
        raise IndexMismatch(f"{where}: index terms were made by lexical version {terms}, not this rag's "
                            f"{LEXICAL_VERSION}", fix="run `rag index build` on the same sources, or `rag index rebuild`")
    if manifest.get("model") != settings.model:
        raise IndexMismatch(
            f"{where}: index was built with model {manifest.get('model')!r}, not {settings.model!r}",
            fix=f"pass --model {manifest.get('model')} (or unset RAG_MODEL), or re-embed the index with "
                f"`rag index rebuild --model {settings.model}` if that model is installed")


def check_files(gen: Path, manifest: dict[str, Any]) -> None:
    """Integrity check at open: every file a question reads (QUERY_FILES; not the embedding
    cache, which only builds read and check) exists with its recorded size; a file whose
    modification time differs from the one the build recorded (edited, copied, damaged by a
    write) must also match its recorded CRC-32 while the query files are small enough to read in
    a blink (VERIFY_ON_OPEN_BYTES). `rag index verify` checks every checksum regardless."""
    sizes = {name: size for name, size in manifest["sizes"].items() if name in QUERY_FILES}
    for name, size in sizes.items():
        path = gen / name
        try:
            actual = path.stat().st_size
        except FileNotFoundError:
            raise IndexCorrupt(f"{path}: missing", fix=REBUILD) from None
        if actual != size:
            raise IndexCorrupt(f"{path}: {actual} bytes, manifest says {size} (truncated or replaced)",
                               fix=REBUILD)
    crcs = manifest.get("crc32", {})
    for name in CRC_AT_EVERY_OPEN:
        if name in crcs and file_crc32(gen / name) != crcs[name]:
            raise IndexCorrupt(f"{gen / name}: contents differ from the manifest's checksum (corrupted)", fix=REBUILD)
    stamps = manifest["mtimes"]
    untouched = all((gen / name).stat().st_mtime_ns == stamps[name] for name in QUERY_FILES if name in sizes)
    if untouched:
        return  # written and checksummed by the build, not modified since (mtime and size as recorded)
    if sum(sizes.get(n, 0) for n in QUERY_FILES) <= VERIFY_ON_OPEN_BYTES:
        for name, crc in manifest.get("crc32", {}).items():
            if name in sizes and file_crc32(gen / name) != crc:
                raise IndexCorrupt(f"{gen / name}: contents differ from the manifest's checksum (corrupted)",
                                   fix=REBUILD)


def connect_readonly(db_path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("SELECT count(*) FROM documents").fetchone()
    except sqlite3.DatabaseError as exc:
        raise IndexCorrupt(f"{db_path}: unreadable SQLite file ({exc})", fix=REBUILD) from exc
    return conn


def read_vectors(path: Path) -> Any:
    import faiss

    try:
        return faiss.read_index(str(path))
    except Exception as exc:  # noqa: BLE001 - faiss raises RuntimeError with a C++ trace
        raise IndexCorrupt(f"{path}: unreadable FAISS file", fix=REBUILD) from exc


@dataclass(frozen=True)
class DocumentRecord:
    """One indexed document as listed: its symbols and what its masthead says of it."""

    row: int  # its row: what OpenIndex.paragraph_documents() maps its paragraphs to
    symbol: str
    symbols: tuple[str, ...]
    title: str
    date: str  # ISO YYYY-MM-DD, "" when not printed
    body: str
    session: str
    pages: int
    paragraphs: int
    source: str
    venue: str = ""

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "symbols": list(self.symbols)}


@dataclass
class OpenIndex:
    """A live generation opened read-only: manifest, SQLite store, FAISS vectors, BM25."""

    path: Path
    generation: Path
    manifest: dict[str, Any]
    conn: sqlite3.Connection
    vectors: Any  # FlatVectors (a flat index, memory-mapped) or a faiss.Index
    lexical: LexicalIndex
    sentences: SentenceIndex | None = None
    tokens: TokenStore | None = None  # token vectors for late-interaction re-scoring (rag.index.token_vectors)

    @property
    def size(self) -> int:
        return int(self.manifest["paragraphs"])

    def paragraph_rows(self, ids: list[int]) -> dict[int, sqlite3.Row]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(
            f"SELECT p.*, d.symbol AS symbol, d.source AS source, d.title AS doc_title, d.date AS doc_date "
            f"FROM paragraphs p "
            f"JOIN documents d ON d.id = p.doc_id WHERE p.id IN ({marks})", ids).fetchall()
        return {int(r["id"]): r for r in rows}

    def paragraph_texts(self, ids: list[int]) -> dict[int, str]:
        """The text of each paragraph of `ids` (those the index holds)."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return {int(pid): text for pid, text in
                self.conn.execute(f"SELECT id, text FROM paragraphs WHERE id IN ({marks})", ids)}

    def document_span(self, pid: int) -> tuple[int, int]:
        """The first and last paragraph id of the document holding paragraph `pid` (a build
        numbers each document's paragraphs consecutively: rag.index.write)."""
        row = self.conn.execute("SELECT doc_id FROM paragraphs WHERE id = ?", (pid,)).fetchone()
        if row is None:
            return pid, pid
        lo, hi = self.conn.execute("SELECT MIN(id), MAX(id) FROM paragraphs WHERE doc_id = ?", (row[0],)).fetchone()
        return int(lo), int(hi)

    def masthead(self, pid: int) -> str:
        """What the masthead of the document holding paragraph `pid` says of it: its title,
        issuing body, session and venue, one line ("" for an unknown paragraph)."""
        row = self.conn.execute("SELECT d.title, d.body, d.session, d.venue FROM paragraphs p "
                                "JOIN documents d ON d.id = p.doc_id WHERE p.id = ?", (pid,)).fetchone()
        return " ".join(w for w in row if w) if row else ""

    def quick_start(self) -> None:
        """Quick-start mode, for a process answering one question: flat vectors are searched with
        numpy, without importing FAISS (rag.index.flatfile)."""
        for vectors in (self.vectors, self.sentences.index if self.sentences is not None else None):
            if isinstance(vectors, FlatVectors):
                vectors.quick_start()

    def show(self, symbol: str, number: str, annex: str | None = None, part: str | None = None) -> ShownParagraph:
        """One paragraph as cited (rag.index.paragraphs.show_paragraph)."""
        return show_paragraph(self.conn, symbol, number, annex, part)

    def cited_paragraph_id(self, symbol: str, number: str) -> int | None:
        """The id of the paragraph cited as `symbol`, `number` (rag.index.paragraphs.cited_paragraph_id)."""
        return cited_paragraph_id(self.conn, symbol, number)

    def around(self, shown: ShownParagraph, n: int) -> dict[str, list[dict[str, Any]]]:
        """The paragraphs before and after a shown one (rag.index.paragraphs.around)."""
        return around(self.conn, shown, n)

    def document(self, symbol: str) -> DocumentRecord:
        """The document issued under a symbol as typed; NotFoundError naming the closest ones."""
        row = int(find_document(self.conn, symbol)["id"])
        return next(d for d in self._documents if d.row == row)

    def document_symbols(self) -> list[tuple[int, str]]:
        """(row, symbol) of every document of the generation: what telling versions apart needs,
        without counting paragraphs (`documents`), which reads the whole paragraphs table."""
        return [(int(r[0]), r[1]) for r in self.conn.execute("SELECT id, symbol FROM documents ORDER BY id")]

    def documents(self) -> list[DocumentRecord]:
        """Every document of the generation, by row (read from SQLite on first use)."""
        return self._documents

    @cached_property
    def _documents(self) -> list[DocumentRecord]:
        counts = dict(self.conn.execute("SELECT doc_id, count(*) FROM paragraphs GROUP BY doc_id").fetchall())
        return [DocumentRecord(row=int(r["id"]), symbol=r["symbol"], symbols=tuple(json.loads(r["symbols"])),
                               title=r["title"], date=r["date"], body=r["body"], session=r["session"],
                               pages=int(r["pages"]), paragraphs=int(counts.get(r["id"], 0)), source=r["source"],
                               venue=r["venue"])
                for r in self.conn.execute("SELECT * FROM documents ORDER BY id")]

    def paragraph_documents(self) -> np.ndarray:
        """int32 array: paragraph id (its row in the vectors) -> its document's row (computed on
        first use; a question without a document filter never reads it)."""
        return self._paragraph_documents

    @cached_property
    def _paragraph_documents(self) -> np.ndarray:
        out = np.empty(self.size, dtype=np.int32)
        for doc_id, first, last in self.conn.execute(
                "SELECT doc_id, min(id), max(id) FROM paragraphs GROUP BY doc_id"):
            out[first:last + 1] = doc_id  # a document's paragraphs have consecutive ids
        return out

    def close(self) -> None:
        self.conn.close()


def _open_vectors(gen: Path, manifest: dict[str, Any], count: int) -> Any:
    """The paragraph vectors: a flat file memory-mapped, another type read by FAISS with its
    recorded search knob; their count and dimension checked against the manifest."""
    info = manifest["vectors"]
    vectors = (map_flat(gen / VECTORS) if info["kind"] == "flat" else None) or read_vectors(gen / VECTORS)
    if count != manifest["paragraphs"] or vectors.ntotal != manifest["paragraphs"]:
        raise IndexCorrupt(
            f"{gen}: manifest says {manifest['paragraphs']} paragraphs, SQLite has {count}, "
            f"FAISS has {vectors.ntotal}", fix=REBUILD)
    if not isinstance(vectors, FlatVectors):  # a FAISS index: one thread, the recorded search knob
        from rag.index.vectors import for_queries, set_search_params

        for_queries()
        set_search_params(vectors, info["kind"], info.get("params", {}))
    if vectors.d != manifest["dim"]:
        raise IndexCorrupt(f"{gen / VECTORS}: dimension {vectors.d}, manifest says {manifest['dim']}", fix=REBUILD)
    return vectors


def _open_sentence_search(gen: Path, manifest: dict[str, Any], sentences: SentenceIndex) -> None:
    """Sentence candidates from the generation's ANN index; the rows stay the flat file."""
    from rag.index.vectors import for_queries, searcher, set_search_params

    search = manifest["sentence_search"]
    index = read_vectors(gen / SENTENCE_SEARCH)
    if index.ntotal != manifest["sentences"]:
        raise IndexCorrupt(f"{gen / SENTENCE_SEARCH}: {index.ntotal} vectors, manifest says "
                           f"{manifest['sentences']}", fix=REBUILD)
    for_queries()
    set_search_params(index, search["kind"], search.get("params", {}))
    sentences.index = searcher(index, search["kind"], sentences.vectors)


def _paragraph_count(conn: sqlite3.Connection, db_path: Path) -> int:
    try:
        return int(conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise IndexCorrupt(f"{db_path}: unreadable SQLite file ({exc})", fix=REBUILD) from exc


def _open_lexical(gen: Path, manifest: dict[str, Any], conn: sqlite3.Connection, count: int) -> LexicalIndex:
    try:
        lexical = open_lexical(conn, gen, count, manifest["settings"])
        problem = lexical.check()
    except (OSError, ValueError, KeyError) as exc:
        raise IndexCorrupt(f"{gen}: unreadable BM25 postings ({exc})", fix=REBUILD) from exc
    if problem:
        raise IndexCorrupt(problem, fix=REBUILD)
    return lexical


def open_index(settings: Settings) -> OpenIndex:
    """Open the live generation of `settings.index_path` for reading."""
    gen = current_generation(settings.index_path)
    manifest = read_manifest(gen)
    check_compatible(manifest, settings, gen / MANIFEST)
    check_files(gen, manifest)
    db_path = gen / DATABASE
    if not db_path.exists():
        raise IndexCorrupt(f"{db_path}: missing", fix=REBUILD)
    conn = connect_readonly(db_path)
    count = _paragraph_count(conn, db_path)
    vectors = _open_vectors(gen, manifest, count)
    sentences = open_sentences(gen, conn, count, manifest.get("sentences"))
    if sentences is not None and manifest.get("sentence_search"):
        _open_sentence_search(gen, manifest, sentences)
    try:
        tokens = open_tokens(gen, count, manifest.get("token_vectors"))
    except (OSError, ValueError) as exc:
        raise IndexCorrupt(f"{gen}: unreadable token vectors ({exc})", fix=REBUILD) from exc
    return OpenIndex(settings.index_path, gen, manifest, conn, vectors, _open_lexical(gen, manifest, conn, count),
                     sentences, tokens)


def _checksum_problems(gen: Path, manifest: dict[str, Any]) -> list[str]:
    problems = []
    for name, expected in manifest.get("checksums", {}).items():
        path = gen / name
        if not path.exists():
            problems.append(f"{path}: missing ({REBUILD})")
        elif file_sha256(path) != expected:
            problems.append(f"{path}: checksum differs from the manifest's ({REBUILD})")
    return problems


def _store_problems(gen: Path, manifest: dict[str, Any]) -> list[str]:
    """SQLite's integrity check and the row counts against the manifest."""
    problems = []
    n = manifest["paragraphs"]
    try:
        conn = connect_readonly(gen / DATABASE)
        try:
            check = [ln for row in conn.execute("PRAGMA integrity_check") for ln in str(row[0]).splitlines()]
            if check != ["ok"]:
                more = f" and {len(check) - 2} more" if len(check) > 2 else ""
                problems.append(f"{gen / DATABASE}: SQLite integrity check: {check[-1]}{more} ({REBUILD})")
            rows = conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
            docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except (IndexCorrupt, sqlite3.DatabaseError) as exc:
        return [*problems, str(exc)]
    if rows != n:
        problems.append(f"{gen / DATABASE}: {rows} paragraph rows, manifest says {n} ({REBUILD})")
    if docs != manifest["documents"]:
        problems.append(f"{gen / DATABASE}: {docs} documents, manifest says {manifest['documents']} ({REBUILD})")
    return problems


def _vector_problems(gen: Path, manifest: dict[str, Any]) -> list[str]:
    n = manifest["paragraphs"]
    try:
        vectors = read_vectors(gen / VECTORS)
    except IndexCorrupt as exc:
        return [str(exc)]
    problems = []
    if vectors.ntotal != n:
        problems.append(f"{gen / VECTORS}: {vectors.ntotal} vectors, manifest says {n} ({REBUILD})")
    if vectors.d != manifest["dim"]:
        problems.append(f"{gen / VECTORS}: dimension {vectors.d}, manifest says {manifest['dim']} ({REBUILD})")
    return problems


def _off_unit(matrix: np.ndarray) -> int:
    """How many rows of `matrix` are not finite vectors of unit length."""
    if len(matrix) == 0:
        return 0
    with np.errstate(all="ignore"):
        norms = np.sqrt(np.einsum("ij,ij->i", matrix.astype(np.float64), matrix.astype(np.float64)))
    return int((~(np.abs(norms - 1.0) <= UNIT_NORM_TOLERANCE)).sum())


def _norm_problems(gen: Path, manifest: dict[str, Any]) -> list[str]:
    """Rows of the flat vector files and of the embedding cache that are not unit vectors."""
    problems = []
    for name in (VECTORS, SENTENCE_VECTORS):
        flat = map_flat(gen / name) if (gen / name).exists() else None
        bad = _off_unit(flat.rows) if flat is not None else 0
        if bad:
            problems.append(f"{gen / name}: {bad} row(s) are not unit vectors (damaged) ({REBUILD})")
    try:
        conn = sqlite3.connect(f"file:{gen / CACHE}?mode=ro", uri=True)
        try:
            rows = [v for (v,) in conn.execute("SELECT vector FROM embeddings WHERE model = ?", (manifest["model"],))]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return problems  # the checksum line names the file
    dim = int(manifest["dim"])
    sized = [v for v in rows if isinstance(v, bytes) and len(v) == 4 * dim]
    bad = len(rows) - len(sized) + _off_unit(np.frombuffer(b"".join(sized), dtype="<f4").reshape(-1, dim))
    if bad:
        problems.append(f"{gen / CACHE}: {bad} cached vector(s) are not unit vectors (damaged; the next build "
                        f"embeds them again)")
    return problems


def verify_generation(gen: Path) -> list[str]:
    """Every problem found in one generation folder, one line each (empty: it is sound)."""
    try:
        manifest = read_manifest(gen)
        check_format(manifest, gen / MANIFEST)
    except (IndexCorrupt, IndexMismatch) as exc:
        return [str(exc)]
    return [*_checksum_problems(gen, manifest), *_store_problems(gen, manifest), *_vector_problems(gen, manifest),
            *_norm_problems(gen, manifest)]


def verify_index(settings: Settings) -> list[str]:
    """Every problem found in the live generation, one line each (empty: the index is sound)."""
    return verify_generation(current_generation(settings.index_path))


def index_status(settings: Settings) -> dict[str, Any]:
    """The manifest of the live generation plus where it lives (an index of another format
    version, or whose files a question reads are damaged as `check_files` sees at open, is
    refused: a status that reads well must mean questions can be asked)."""
    gen = current_generation(settings.index_path)
    manifest = read_manifest(gen)
    check_format(manifest, gen / MANIFEST)
    check_files(gen, manifest)
    return {"index": str(settings.index_path), "generation": gen.name, **manifest}


def load_paragraph(row: sqlite3.Row) -> Paragraph:
    return Paragraph(number=row["number"], text=row["text"], page=row["page"], section=row["section"],
                     footnotes=[Footnote(**f) for f in json.loads(row["footnotes"])],
                     running=bool(row["running"]), annex=row["annex"], part=row["part"], part_of=row["part_of"])


def load_documents(conn: sqlite3.Connection) -> list[Document]:
    """Every document of a generation with its paragraphs, in index order."""
    docs: dict[int, Document] = {}
    for r in conn.execute("SELECT * FROM documents ORDER BY id"):
        docs[r["id"]] = Document(symbol=r["symbol"], source=r["source"], paragraphs=[], title=r["title"],
                                 content_hash=r["content_hash"], pages=r["pages"],
                                 symbols=json.loads(r["symbols"]), date=r["date"], body=r["body"],
                                 session=r["session"], index_title=bool(r["index_title"]), venue=r["venue"])
    for r in conn.execute("SELECT * FROM paragraphs ORDER BY id"):
        docs[r["doc_id"]].paragraphs.append(load_paragraph(r))
    return list(docs.values())
