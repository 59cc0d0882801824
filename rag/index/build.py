"""Building an index: plan, encode, write, switch; incremental by default.

1. plan (rag.index.plan): which documents the new generation holds (recorded sources plus new
   paths, unchanged files not parsed again, revised files replacing older ones) and what the
   live generation offers to carry over;
2. encode (rag.index.encode): embed what the embedding cache does not hold;
3. write (rag.index.write): fill `.tmp-*` with the new generation, carrying unchanged postings,
   stored terms and cache rows over;
4. switch: rename it to `gen-*` and point CURRENT at it. Until that last rename the previous
   generation stays live; a build that dies leaves a `.tmp-*` folder that the next build removes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rag.config import Settings
from rag.errors import IndexCorrupt, ParseError, SourceError, UsageError
from rag.index.encode import Reusable, embed_paragraphs
from rag.index.plan import (BuildReport, LiveGeneration, Sources, is_under, keep_or_drop_missing,
                            match_documents, read_live, recorded_manifest, scan_files, select_revisions, sources_of,
                            sources_under)
from rag.index.recover import check_buildable
from rag.index.store import (FORMAT_VERSION, MANIFEST, REBUILD, ProgressFn, check_format, current_generation,
                             index_settings, read_manifest, write_lock)
from rag.index.workers import Workers
from rag.index.write import Contents, cannot_write, clean_stale, current_name, new_stamp, remove_path, switch_to, write_generation
from rag.models import Document

__all__ = ["BuildReport", "NothingIndexed", "build_from_documents", "build_index", "remove_documents"]


class NothingIndexed(ParseError):
    """Every file failed: nothing to index (the previous index stays live)."""

    def __init__(self, report: BuildReport) -> None:
        first = report.failed[0]["error"] if report.failed else "no document"
        super().__init__(f"no document could be indexed; {len(report.failed)} failed, first: {first}")
        self.report = report


def _quiet(stage: str, done: int, total: int) -> None:
    """Progress callback that reports nothing."""


@dataclass
class _Build:
    """One build under the writer lock: its settings, the live generation and its report."""

    settings: Settings
    live: LiveGeneration | None
    previous: str | None  # the live generation's name (kept after the switch for readers that opened it)
    tick: ProgressFn
    started: float
    report: BuildReport
    workers: Workers | None = None  # where files are parsed and texts encoded (None: this process)


def _start(settings: Settings, progress: ProgressFn | None, use_cache: bool = True,
           workers: Workers | None = None) -> _Build:
    """Under the lock: remove what dead builds left, read the live generation."""
    for child in settings.index_path.glob(".tmp-*"):  # under the lock, any `.tmp-*` belongs to a build that died
        remove_path(child)
    report = BuildReport()
    live = read_live(settings.index_path, settings.model, with_cache=use_cache, notices=report.notices)
    return _Build(settings, live, current_name(settings.index_path), progress or _quiet, time.perf_counter(), report,
                  workers)


def build_index(settings: Settings, sources: list[Path], *, wait: bool = False,
                progress: ProgressFn | None = None, keep_missing: bool = False, reparse: bool = False,
                use_cache: bool = True, salvage: bool = False, workers: Workers | None = None) -> BuildReport:
    """Bring the index up to date with `sources` (plus the recorded ones); see the module doc.
    An index whose CURRENT or live manifest is damaged is refused unless `salvage` (a rebuild
    from the sources rag.index.recover found). `workers` parse and encode (rag.index.workers:
    this process by default, rag.index.ray_build a Ray cluster); the result is the same."""
    new_sources = [Path(s).resolve() for s in sources]
    for s in new_sources:
        if not s.exists():
            raise SourceError(f"{s}: no such file or folder")
    with write_lock(settings.index_path, wait=wait):
        if not salvage:
            check_buildable(settings.index_path)
        build = _start(settings, progress, use_cache, workers)
        where = sources_of(recorded_manifest(settings.index_path), new_sources, build.report, keep_missing,
                           demo=settings.seeds_dir)
        docs = _scan(build, where, new_sources, keep_missing, reparse)
        if build.live is not None and not reparse and use_cache and _same(build.live, docs, settings, where, build.report):
            return _unchanged(build, docs)
        return _write(build, docs, where.to_manifest(), carry=use_cache)


def _scan(build: _Build, where: Sources, new_sources: list[Path], keep_missing: bool, reparse: bool) -> list[Document]:
    """The documents of the new generation (the plan's first half: what the sources hold now)."""
    from rag.ingest import discover

    report = build.report
    if new_sources:
        discover(new_sources)  # a new path must hold at least one supported file
    files, skipped = discover([s for s in where.recorded if s.exists()], allow_empty=True)
    report.skipped = [str(p) for p in skipped]
    live_docs = build.live.docs if build.live is not None else []
    left_out = [f for f in files if str(f) in where.excluded]
    if left_out:
        report.notices.append(f"{len(left_out)} file(s) removed with `rag index rm` left out, e.g. {left_out[0]} "
                              "(name a file in `rag index build` to index it again)")
    docs, mtimes = scan_files([f for f in files if str(f) not in where.excluded], {d.source: d for d in live_docs},
                              reparse, build.tick, report, build.settings.max_file_mb, build.workers)
    docs = select_revisions(keep_or_drop_missing(docs, live_docs, where.excluded, keep_missing, report), mtimes, report,
                            frozenset(d.source for d in live_docs))
    if not docs and report.failed:
        raise NothingIndexed(report)
    return docs


def remove_documents(settings: Settings, target: str, wait: bool = False,
                     progress: ProgressFn | None = None) -> BuildReport:
    """Write a generation without the document(s) of this symbol or under this path, and record
    their files as excluded (later scans skip them until named in a build again); a recorded
    source folder the path names (or holds) is dropped from the sources, with its documents."""
    gen = current_generation(settings.index_path)  # IndexNotFound where there is no index
    check_format(read_manifest(gen), gen / MANIFEST)
    with write_lock(settings.index_path, wait=wait):
        build = _start(settings, progress)
        manifest = recorded_manifest(settings.index_path)
        if build.live is None:
            raise IndexCorrupt(f"{settings.index_path}: the live index cannot be read", fix=REBUILD)
        live_docs = build.live.docs
        dropped = sources_under(manifest.get("sources", []), target)
        roots = [Path(x) for x in dropped]
        removed = match_documents(live_docs, target, required=not dropped)
        gone = {id(d) for d in removed}
        build.report.removed = [f"{d.symbol} ({d.source})" for d in removed]
        build.report.notices += [f"{s}: removed from the sources" for s in dropped]
        sources = [s for s in manifest.get("sources", []) if s not in dropped]
        excluded = set(manifest.get("excluded", [])) | {d.source for d in removed if not is_under(d.source, roots)}
        kept = _other_copies(build, target, removed, [d for d in live_docs if id(d) not in gone], sources, excluded)
        if not kept:
            names = ", ".join(d.symbol for d in removed) or target
            raise UsageError(f"{names}: not removed: the index's only document(s), and an index cannot be empty",
                              fix=f"to drop the whole index, delete its folder {settings.index_path}")
        recorded = {"sources": sources, "excluded": sorted(excluded)}
        build.report.failed = [f for f in manifest.get("failed", []) if not is_under(f.get("path", ""), roots)]
        build.report.skipped = [f for f in manifest.get("skipped", []) if not is_under(f, roots)]
        return _write(build, kept, recorded, carry=True)


def _other_copies(build: _Build, target: str, removed: list[Document], kept: list[Document], sources: list[str],
                  excluded: set[str]) -> list[Document]:
    """`kept`, where the removed documents have other files in `sources` that they displaced:
    removed by symbol, those files are added to `excluded` (the document goes, whichever of its
    files); removed by path, those under the path too, and the others' documents are indexed
    again, in the order a build gives."""
    displaced, order = _displaced(build, sources, excluded, [*kept, *removed], {d.symbol for d in removed})
    by_symbol = any(target == d.symbol or target in d.symbols for d in removed)
    named = [] if by_symbol else [Path(target).expanduser().resolve()]
    out: list[Document] = []  # removed with the rest
    back: list[Document] = []  # indexed again
    for d in displaced:
        (out if by_symbol or is_under(d.source, named) else back).append(d)
    excluded |= {d.source for d in out}
    build.report.notices += [f"{d.symbol}: {d.source} left out too (another file of it)" for d in out]
    build.report.notices += [f"{d.symbol}: {d.source} indexed again" for d in back]
    return sorted(kept + back, key=lambda d: order.get(d.source, len(order))) if back else kept


def _displaced(build: _Build, sources: list[str], excluded: set[str], live_docs: list[Document],
               symbols: set[str]) -> tuple[list[Document], dict[str, int]]:
    """The documents of `symbols` in files of `sources` that no live document was read from (a
    newer file of the same symbol displaced them), the newest per symbol; and each file's place in
    the sources' scan (the order a build gives documents)."""
    from rag.ingest import discover

    if not symbols:
        return [], {}
    files, _ = discover([Path(s) for s in sources if Path(s).exists()], allow_empty=True)
    order = {str(f): i for i, f in enumerate(files)}
    live = {d.source for d in live_docs}
    unread = [f for f in files if str(f) not in live and str(f) not in excluded]
    if not unread:
        return [], order
    scratch = BuildReport()  # a file that fails here is reported by the next build
    docs, mtimes = scan_files(unread, {}, False, _quiet, scratch, build.settings.max_file_mb, build.workers)
    return select_revisions([d for d in docs if d.symbol in symbols], mtimes, scratch), order


def build_from_documents(settings: Settings, docs: list[Document], sources: list[Path], *,
                         wait: bool = False, progress: ProgressFn | None = None) -> BuildReport:
    """Index already-parsed documents (an evaluation corpus, for one), reusing cached vectors."""
    with write_lock(settings.index_path, wait=wait):
        build = _start(settings, progress)
        return _write(build, docs, {"sources": [str(Path(s).resolve()) for s in sources], "excluded": []}, carry=True)


def _same(live: LiveGeneration, docs: list[Document], settings: Settings, where: Sources, report: BuildReport) -> bool:
    """True when a new generation would hold exactly what the live one holds."""
    m = live.manifest
    return (not live.damaged and m.get("format_version") == FORMAT_VERSION
            and [(d.source, d.content_hash) for d in docs] == [(d.source, d.content_hash) for d in live.docs]
            and m.get("model") == settings.model and m.get("settings") == index_settings(settings)
            and m.get("sources") == [str(s) for s in where.recorded] and set(m.get("excluded", [])) == where.excluded
            and m.get("failed", []) == report.failed and m.get("skipped", []) == report.skipped)


def _unchanged(build: _Build, docs: list[Document]) -> BuildReport:
    """The report of a build that writes nothing: the live generation stays."""
    report = build.report
    assert build.live is not None
    report.changed = False
    report.generation = build.live.name
    report.documents, report.paragraphs = len(docs), sum(len(d.paragraphs) for d in docs)
    report.reused = report.paragraphs
    report.seconds = round(time.perf_counter() - build.started, 3)
    return report


def _manifest(settings: Settings, contents: Contents, recorded: dict[str, Any], report: BuildReport) -> dict[str, Any]:
    """The manifest's description of a generation (the writer adds its files' records)."""
    emb = contents.emb
    return {
        "format_version": FORMAT_VERSION,
        "model": settings.model,
        "dim": int(emb.vectors.shape[1]),
        "documents": len(contents.docs),
        "paragraphs": len(emb.hashes),
        "sentences": int(emb.sentence_vectors.shape[0]) if settings.sentence_vectors else None,
        "embedding": emb.record,
        "settings": index_settings(settings),
        **recorded,
        "files": [{"path": d.source, "sha256": d.content_hash, "symbol": d.symbol,
                   "paragraphs": len(d.paragraphs), "title": d.title, "date": d.date, "body": d.body,
                   "session": d.session, "venue": d.venue} for d in contents.docs],
        "failed": report.failed,
        "skipped": report.skipped,
    }


def _write(build: _Build, docs: list[Document], recorded: dict[str, Any], carry: bool) -> BuildReport:
    """Encode, write and switch to a generation of `docs` (the lock is held); `carry`: take
    unchanged vectors, terms and postings from the live generation."""
    if not docs:
        raise SourceError("nothing left to index: every document was removed",
                          fix="add documents with `rag index build PATH`")
    settings, report = build.settings, build.report
    live = build.live if carry else None
    stamp = new_stamp()
    folder, gen_name = settings.index_path / f".tmp-{stamp}", f"gen-{stamp}"
    scratch = settings.index_path / f".tmp-{stamp}-scratch"  # the build's rows until they are written
    try:
        scratch.mkdir()
        emb = embed_paragraphs(settings, docs, live.reusable if live is not None else Reusable(), build.tick, scratch,
                               build.workers)
        try:
            report.embedded, report.reused, report.sentences_embedded = emb.embedded, emb.reused, emb.sentences_embedded
            contents = Contents(docs, emb, live)
            build.tick("write", 0, 1)
            write_generation(folder, settings, contents, _manifest(settings, contents, recorded, report),
                             build.started)
            switch_to(settings.index_path, folder, gen_name)
        finally:
            emb.close()
    except OSError as exc:  # the scratch folder cannot be made or written
        cannot_write(settings.index_path, exc)
    finally:
        remove_path(folder)
        remove_path(scratch)
    clean_stale(settings.index_path, {gen_name} | ({build.previous} if build.previous else set()))
    build.tick("write", 1, 1)
    report.generation = gen_name
    report.documents, report.paragraphs = len(docs), len(emb.hashes)
    report.seconds = round(time.perf_counter() - build.started, 3)
    return report
