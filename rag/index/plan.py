"""The first step of a build: what the live generation offers, and which documents the new one holds.

A build re-reads the recorded sources plus the new paths, reuses the parsed documents of files
whose content hash is unchanged, drops documents whose files are gone (unless keep_missing) and
keeps one document per symbol (the newest file).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from rag.errors import NotFoundError, ParseError, RagError, printable
from rag.index.encode import LiveTokens, Reusable, read_live_tokens
from rag.index.lexical import LEXICAL_VERSION, POSTINGS_FILES
from rag.index.postings import LivePostings
from rag.index.store import (CACHE, CACHE_FORMATS, DATABASE, FORMAT_VERSION, UNIT_NORM_TOLERANCE, ProgressFn, current_generation,
                             file_crc32, file_sha256, load_documents, read_manifest)
from rag.index.token_vectors import TOKEN_FILES
from rag.index.workers import LocalWorkers, Parsed, Workers
from rag.models import Document


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
    store: dict[str, Any] = field(default_factory=dict)  # what the publish into a shared store did (rag.index.stores)

    def to_json(self) -> dict[str, Any]:
        from dataclasses import asdict

        return asdict(self)


@dataclass
class LiveGeneration:
    """What the live generation offers a new build: its documents, stored terms, vectors, postings."""

    name: str
    manifest: dict[str, Any]
    docs: list[Document]
    terms: dict[str, str]  # paragraph text hash -> its stored terms (rag.index.terms.ParagraphTerms)
    tokens: LiveTokens | None
    postings: LivePostings | None  # None where its terms mean something else (LEXICAL_VERSION)
    cache_of: Callable[[], dict[str, np.ndarray]]  # reads the embedding cache (a build that writes nothing does not)
    damaged: frozenset[str] = frozenset()  # files that failed their checksum (not reused; a build writes anew)

    @cached_property
    def reusable(self) -> Reusable:
        """What the embedding step may take instead of embedding again."""
        return Reusable(self.cache_of(), self.tokens, _sentence_counts(self.terms), self.manifest.get("embedding"))


def recorded_manifest(index_path: Path) -> dict[str, Any]:
    """The live manifest of any format version ({} where there is none): its sources and
    exclusions carry over to a build that cannot read the rest."""
    try:
        return read_manifest(current_generation(index_path))
    except RagError:
        return {}


def damaged_files(gen: Path, manifest: dict[str, Any]) -> set[str]:
    """The generation's data files whose size or CRC-32 differs from the manifest's record, read
    whole whatever their modification time (bit rot keeps it): what a build must not carry over."""
    damaged = set()
    for name, crc in (manifest.get("crc32") or {}).items():
        path = gen / name
        try:
            if path.stat().st_size != manifest["sizes"].get(name) or file_crc32(path) != crc:
                damaged.add(name)
        except OSError:
            damaged.add(name)
    return damaged


def read_live(index_path: Path, model: str, with_cache: bool = True,
              notices: list[str] | None = None) -> LiveGeneration | None:
    """The live generation, or None when there is none, it is of another format version or it
    cannot be read (then: a build from scratch); its cache and token rows only `with_cache`.
    A file that fails its checksum is not reused (a notice says so): a damaged store means a
    build from scratch, damaged token, postings or cache files are computed again. Of an earlier
    format (CACHE_FORMATS), no documents nor postings (every file is parsed again), only what
    is keyed by a paragraph's text: vectors, token rows and stored terms."""
    try:
        gen = current_generation(index_path)
        manifest = read_manifest(gen)
        current = manifest.get("format_version") == FORMAT_VERSION
        if not current and manifest.get("format_version") not in CACHE_FORMATS:
            return None
        damaged = damaged_files(gen, manifest)
        if notices is not None:
            notices.extend(f"{gen / n}: differs from its checksum; not reused (computed again)" for n in sorted(damaged))
        if DATABASE in damaged:
            return None
        conn = sqlite3.connect(f"file:{gen / DATABASE}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        try:
            docs = load_documents(conn) if current else []
            terms = dict(conn.execute("SELECT p.hash, t.terms FROM paragraphs p JOIN paragraph_terms t ON t.id = p.id"))
            tokens = read_live_tokens(gen, manifest, conn) if with_cache and not damaged & set(TOKEN_FILES) else None
        finally:
            conn.close()
        same_terms = (manifest.get("settings") or {}).get("lexical_version") == LEXICAL_VERSION
        postings = LivePostings(gen, gen / DATABASE) if current and same_terms and not damaged & set(POSTINGS_FILES) else None
    except (RagError, sqlite3.DatabaseError, OSError, KeyError, ValueError):
        return None
    def cache_of() -> dict[str, np.ndarray]:
        return _read_cache(gen / CACHE, model, int(manifest["dim"])) if with_cache and CACHE not in damaged else {}

    return LiveGeneration(gen.name, manifest, docs, terms if same_terms else {}, tokens, postings, cache_of,
                          frozenset(damaged))


def _read_cache(path: Path, model: str, dim: int) -> dict[str, np.ndarray]:
    """The embedding cache's sound vectors of `model` ({} where it cannot be read: everything is
    embedded); a row that is not `dim` finite floats of unit length is left out (embedded again)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("SELECT hash, vector FROM embeddings WHERE model = ?", (model,)).fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return {}
    sized = [(h, v) for h, v in rows if isinstance(h, str) and isinstance(v, bytes) and len(v) == 4 * dim]
    if not sized:
        return {}
    matrix = np.frombuffer(b"".join(v for _, v in sized), dtype="<f4").reshape(len(sized), dim)
    with np.errstate(all="ignore"):
        sound = np.abs(np.linalg.norm(matrix.astype(np.float64), axis=1) - 1.0) <= UNIT_NORM_TOLERANCE
    return {h: matrix[i] for i, (h, _) in enumerate(sized) if sound[i]}


def _sentence_counts(terms_by_hash: dict[str, str]) -> dict[str, int]:
    """Sentences per paragraph text hash, from the stored terms (one line per sentence; an empty
    encoding is ambiguous and left out)."""
    return {h: encoded.count("\n") + 1 for h, encoded in terms_by_hash.items() if encoded}


@dataclass
class Sources:
    """The paths a build scans and what it records in the manifest."""

    recorded: list[Path]  # every source, in the order first given
    excluded: set[str]  # files removed with `rag index rm`, skipped by scans

    def to_manifest(self) -> dict[str, Any]:
        return {"sources": [str(s) for s in self.recorded], "excluded": sorted(self.excluded)}


def sources_of(manifest: dict[str, Any], new_sources: list[Path], report: BuildReport, keep_missing: bool = False,
               demo: Path | None = None) -> Sources:
    """The recorded sources plus the new ones; naming a removed file again takes it back. A
    recorded source that no longer exists is dropped from the record with one notice (kept, with
    the notice, where `keep_missing`). When the only recorded source is the `demo` folder and
    other paths are built, the demo gives way to them."""
    recorded = [Path(s) for s in manifest.get("sources", [])]
    excluded = set(manifest.get("excluded", [])) - {str(s) for s in new_sources}
    if demo is not None and new_sources and recorded == [Path(demo).resolve()] and recorded[0] not in new_sources:
        report.notices.append(f"{recorded[0]}: the demo is replaced by your documents")
        recorded = []
    gone = [s for s in recorded if not s.exists() and s not in new_sources]
    for s in gone:
        report.notices.append(f"{s}: recorded source no longer exists" + ("" if keep_missing else "; dropped from the sources"))
    kept = recorded if keep_missing else [s for s in recorded if s not in gone]
    return Sources(list(dict.fromkeys([*kept, *new_sources])), excluded)


def sources_under(sources: list[str], target: str) -> list[str]:
    """The recorded sources a path names: the path itself or any source inside it."""
    path = Path(target).expanduser()
    if "/" not in target and not path.exists():
        return []
    resolved = path.resolve()
    return [s for s in sources if Path(s) == resolved or is_under(s, [resolved])]


def check_name(path: Path) -> None:
    """ParseError for a file whose name is not valid UTF-8 (the index stores names as text)."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        raise ParseError(f"{printable(str(path))}: file name is not valid UTF-8; rename the file") from None


def _hashed(path: Path, old: Document | None, reparse: bool, mtimes: dict[str, float]) -> bool:
    """True when `path` holds what its live document was parsed from (and not `reparse`); its
    mtime recorded. RagError or OSError where the file cannot be named or read."""
    check_name(path)
    mtimes[str(path)] = path.stat().st_mtime
    return old is not None and not reparse and old.content_hash == file_sha256(path)


def scan_files(files: list[Path], old_by_source: dict[str, Document], reparse: bool, tick: ProgressFn,
               report: BuildReport, max_mb: float = 64.0,
               workers: Workers | None = None) -> tuple[list[Document], dict[str, float]]:
    """Each file's document: the live one where its content hash is unchanged (and not
    `reparse`), else parsed by `workers` (this process by default); a file that fails keeps its
    live document. Returns the documents, in file order, and each file's mtime."""
    tick("parse", 0, len(files))
    mtimes: dict[str, float] = {}
    outcome: dict[Path, Parsed | bool] = {}  # True: unchanged; a document or a failure's message
    for path in files:
        try:
            outcome[path] = _hashed(path, old_by_source.get(str(path)), reparse, mtimes)
        except (RagError, OSError) as exc:
            outcome[path] = exc.message if isinstance(exc, RagError) else \
                f"{path}: vanished or unreadable ({exc.strerror})"
    unchanged = sum(1 for v in outcome.values() if v is True)
    to_parse = [p for p in files if outcome[p] is False]
    done = (workers or LocalWorkers()).parse(to_parse, max_mb,
                                             lambda stage, i, n: tick(stage, unchanged + i, len(files)))
    outcome.update(done)
    docs: list[Document] = []
    for path in files:
        old, got = old_by_source.get(str(path)), outcome[path]
        if isinstance(got, Document) or got is True:
            docs.append(old if got is True and old is not None else got)  # type: ignore[arg-type]
            report.unchanged += got is True
            report.parsed += got is not True
            continue
        report.failed.append({"path": str(path), "error": str(got)})
        if old is not None:  # keep what was indexed rather than lose it
            docs.append(old)
    tick("parse", len(files), len(files))
    return docs, mtimes


def keep_or_drop_missing(docs: list[Document], live_docs: list[Document], excluded: set[str], keep_missing: bool,
                         report: BuildReport) -> list[Document]:
    """`docs` plus the live documents whose files the scan did not see, where `keep_missing`
    (and the file is not excluded); the others are reported removed."""
    seen = {d.source for d in docs}
    out = list(docs)
    for old in live_docs:
        if old.source in seen:
            continue
        if keep_missing and old.source not in excluded:
            out.append(old)
        else:
            report.removed.append(f"{old.symbol} ({old.source})")
    return out


def select_revisions(docs: list[Document], mtimes: dict[str, float], report: BuildReport,
                     live_sources: frozenset[str] = frozenset()) -> list[Document]:
    """One document per symbol: a revised file (same symbol) replaces the older one. The
    replacement is reported when the newer file is not already the live one (`live_sources`)."""
    best: dict[str, Document] = {}
    for doc in docs:
        other = best.get(doc.symbol)
        if other is None:
            best[doc.symbol] = doc
            continue
        newer, older = (doc, other) if mtimes.get(doc.source, 0.0) >= mtimes.get(other.source, 0.0) else (other, doc)
        best[doc.symbol] = newer
        if newer.source not in live_sources:
            report.replaced.append(f"{older.symbol}: {older.source} replaced by {newer.source}")
    keep = {id(d) for d in best.values()}
    return [d for d in docs if id(d) in keep]


def is_under(path: str, roots: list[Path]) -> bool:
    """True when `path` is one of `roots` or inside one."""
    p = Path(path)
    return any(p == r or r in p.parents for r in roots)


def match_documents(docs: list[Document], target: str, required: bool = True) -> list[Document]:
    """Documents named by a symbol, a file path or a folder path (NotFoundError for none, where
    `required`)."""
    path = Path(target).expanduser()
    resolved = path.resolve() if path.exists() or "/" in target and not target[:1].isupper() else None
    found = [d for d in docs if target == d.symbol or target in d.symbols]
    if not found and resolved is not None:
        found = [d for d in docs if is_under(d.source, [resolved])]
    if not found and required:
        raise NotFoundError(f"{target}: no indexed document has this symbol or path",
                            fix="see `rag index status --json` for the indexed files")
    return found
