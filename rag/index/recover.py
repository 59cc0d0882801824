"""Repairing an index whose CURRENT is lost or damaged, and finding what a rebuild re-reads.

`recover_index` points CURRENT at the newest generation folder that verifies (manifest,
checksums, SQLite, vectors) and deletes nothing. `rebuild_sources` gives `rag index rebuild`
the sources to re-read when the live manifest cannot be read: those recorded by the newest
readable manifest, plus the document files named by the newest readable store.
`check_buildable` keeps a build from replacing an index it cannot read (a build would start
from nothing and then sweep the generations it could not read).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from rag.config import Settings
from rag.errors import IndexCorrupt, IndexNotFound, RagError
from rag.index.store import (DATABASE, MANIFEST, REBUILD, current_generation, generation_folders, read_manifest,
                             verify_generation, write_lock)
from rag.index.write import point_current


@dataclass
class Recovery:
    """What `rag index recover` did: the generation CURRENT names now, and newer ones passed over."""

    generation: str
    changed: bool
    passed_over: list[str] = field(default_factory=list)  # "gen-...: first problem" for each

    def to_json(self) -> dict[str, object]:
        return {"generation": self.generation, "changed": self.changed, "passed_over": self.passed_over}


def _stamp(gen: Path) -> int:
    """When a generation was sealed: its manifest's mtime, else the folder's."""
    for path in (gen / MANIFEST, gen):
        try:
            return path.stat().st_mtime_ns
        except OSError:
            continue
    return 0


def newest_first(index_path: Path) -> list[Path]:
    """The generation folders of an index, the most recently sealed first."""
    return sorted(generation_folders(index_path), key=lambda g: (_stamp(g), g.name), reverse=True)


def _live_if_sound(index_path: Path) -> Path | None:
    try:
        gen = current_generation(index_path)
    except RagError:
        return None
    return None if verify_generation(gen) else gen


def recover_index(settings: Settings, wait: bool = False) -> Recovery:
    """Point CURRENT at the newest generation that verifies (left alone where the one it names
    does); IndexCorrupt when none does."""
    index_path = settings.index_path
    with write_lock(index_path, wait=wait):
        live = _live_if_sound(index_path)
        if live is not None:
            return Recovery(live.name, changed=False)
        gens = newest_first(index_path)
        if not gens:
            raise IndexNotFound(f"{index_path}: no generation folder to recover", fix="run `rag index build PATH`")
        passed: list[str] = []
        for gen in gens:
            problems = verify_generation(gen)
            if not problems:
                point_current(index_path, gen.name)
                return Recovery(gen.name, changed=True, passed_over=passed)
            passed.append(f"{gen.name}: {problems[0]}")
    raise IndexCorrupt(f"{index_path}: none of {len(gens)} generation(s) verifies (newest: {passed[0]})", fix=REBUILD)


def check_buildable(index_path: Path) -> None:
    """Refuse (IndexCorrupt) to build over an index whose CURRENT or live manifest is damaged:
    the build would start from nothing and sweep the documents it could not read."""
    try:
        gen = current_generation(index_path)
    except IndexNotFound:
        return
    read_manifest(gen)


def _document_files(gen: Path) -> list[Path]:
    """The source files a generation's store names ([] where it cannot be read)."""
    try:
        conn = sqlite3.connect(f"file:{gen / DATABASE}?mode=ro", uri=True)
        try:
            return [Path(row[0]) for row in conn.execute("SELECT source FROM documents ORDER BY id")]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return []


def _salvaged(index_path: Path) -> list[Path]:
    """Sources of an index whose live manifest cannot be read: the newest readable manifest's,
    then every document file of the newest readable store that they do not cover."""
    gens = newest_first(index_path)
    sources: list[Path] = []
    for gen in gens:
        try:
            sources = [Path(s) for s in read_manifest(gen).get("sources", [])]
            break
        except RagError:
            continue
    for gen in gens:
        files = _document_files(gen)
        if files:
            sources += [f for f in files if not any(f == s or s in f.parents for s in sources)]
            break
    return list(dict.fromkeys(sources))


def rebuild_sources(index_path: Path) -> list[Path]:
    """What `rag index rebuild` re-reads: the live manifest's sources, or, where CURRENT or the
    manifest is damaged, those salvaged from the other generations and stores. IndexNotFound
    where there is no index at all."""
    try:
        return [Path(s) for s in read_manifest(current_generation(index_path)).get("sources", [])]
    except IndexCorrupt:
        pass
    sources = _salvaged(index_path)
    if not sources:
        raise IndexCorrupt(f"{index_path}: no generation records its sources",
                           fix="run `rag index build PATH...` with your documents")
    return sources
