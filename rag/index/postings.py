"""Writing a generation's BM25 postings (the format is in rag.index.lexical).

A build counts the terms of the paragraphs it has no postings for and carries the entries of
every other paragraph over from the live generation: their paragraph ids are remapped with one
array lookup, and term ids stay what the live lexicon says (new terms get the next ids). The
lexicon is copied by SQLite itself; it is renumbered from scratch only when terms no paragraph
holds any more make up more than DEAD_TERMS_SHARE of it.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from rag.index.lexical import (IDS_DTYPE, LENGTHS_DTYPE, LEXICON_SCHEMA, MAX_TF, POS_DTYPE, POSTINGS_IDS,
                               POSTINGS_LENGTHS, POSTINGS_POS, POSTINGS_TFS, TFS_DTYPE, pairs_of)

DEAD_TERMS_SHARE = 0.25
LOOKUP_CHUNK = 30_000  # SQLite parameters in one statement (its limit is 32,766)


@dataclass
class Postings:
    """Every term's entries in term-id order: term t owns ids/tfs[pos[t]:pos[t + 1]]."""

    pos: np.ndarray  # int64, terms + 1
    ids: np.ndarray  # int32 paragraph ids, ascending within a term
    tfs: np.ndarray  # uint16
    lengths: np.ndarray  # int32 per paragraph: its number of terms

    @classmethod
    def empty(cls, paragraphs: int) -> Postings:
        return cls(np.zeros(1, np.int64), np.zeros(0, np.int32), np.zeros(0, np.uint16),
                   np.zeros(paragraphs, np.int32))

    @classmethod
    def read(cls, folder: Path) -> Postings:
        return cls(np.fromfile(folder / POSTINGS_POS, POS_DTYPE), np.fromfile(folder / POSTINGS_IDS, IDS_DTYPE),
                   np.fromfile(folder / POSTINGS_TFS, TFS_DTYPE), np.fromfile(folder / POSTINGS_LENGTHS, LENGTHS_DTYPE))

    def write(self, folder: Path) -> None:
        """The four files (written with Python's file objects: a full disk says so in its error)."""
        for name, values, dtype in ((POSTINGS_POS, self.pos, POS_DTYPE), (POSTINGS_IDS, self.ids, IDS_DTYPE),
                                    (POSTINGS_TFS, self.tfs, TFS_DTYPE), (POSTINGS_LENGTHS, self.lengths, LENGTHS_DTYPE)):
            with open(folder / name, "wb") as fh:
                fh.write(np.ascontiguousarray(values, dtype=dtype).tobytes())

    def entry_terms(self) -> np.ndarray:
        """The term id of every entry."""
        return np.repeat(np.arange(len(self.pos) - 1, dtype=np.int64), np.diff(self.pos))


class LivePostings:
    """The live generation's postings (read on first use) and its lexicon's database, for the
    next build to carry over."""

    def __init__(self, folder: Path, database: Path) -> None:
        self.folder, self.database = folder, database

    @cached_property
    def postings(self) -> Postings:
        return Postings.read(self.folder)


@dataclass
class _Entries:
    """(term id, paragraph id, tf) triples."""

    tids: np.ndarray
    pids: np.ndarray
    tfs: np.ndarray

    def key(self, paragraphs: int) -> np.ndarray:
        """int64 sort keys: by term id, then paragraph id."""
        return self.tids.astype(np.int64) * paragraphs + self.pids


class _Counted:
    """The entries of the paragraphs counted anew (compact: int32 ids, uint16 tfs) and their lengths."""

    def __init__(self, fresh: Mapping[int, list[str]], vocab: dict[str, int], grow: bool = False) -> None:
        """Count `fresh` (new paragraph id -> its terms) in paragraph order; `vocab` maps every
        key to its term id, or, with `grow`, gives a key it lacks the next id."""
        tids, pids, tfs, self.counted, self.lengths = (array("q") for _ in range(5))
        for pid, tokens in fresh.items():
            self.counted.append(pid)
            self.lengths.append(len(tokens))
            for counts in (Counter(tokens), Counter(pairs_of(tokens))):
                tids.extend([vocab.setdefault(k, len(vocab)) for k in counts] if grow else [vocab[k] for k in counts])
                pids.extend([pid] * len(counts))
                tfs.extend(counts.values())
        self.entries = _Entries(np.frombuffer(tids, np.int64).astype(np.int32),
                                np.frombuffer(pids, np.int64).astype(np.int32),
                                np.minimum(np.frombuffer(tfs, np.int64), MAX_TF).astype(np.uint16))


def _merge(kept: _Entries, new: _Entries, terms: int, monotone: bool) -> tuple[np.ndarray, _Entries]:
    """Both sets of entries ordered by (term id, paragraph id), and the term offsets."""
    paragraphs = int(max(kept.pids.max(initial=-1), new.pids.max(initial=-1))) + 1
    order = np.argsort(new.key(paragraphs), kind="stable")
    new = _Entries(new.tids[order], new.pids[order], new.tfs[order])
    del order
    if not len(kept.tids):
        merged = new
    elif monotone:  # the carried entries are in order already: insert the new ones among them
        at = np.searchsorted(kept.key(paragraphs), new.key(paragraphs))
        merged = _Entries(np.insert(kept.tids, at, new.tids), np.insert(kept.pids, at, new.pids),
                          np.insert(kept.tfs, at, new.tfs))
    else:
        both = _Entries(np.concatenate([kept.tids, new.tids]), np.concatenate([kept.pids, new.pids]),
                        np.concatenate([kept.tfs, new.tfs]))
        order = np.argsort(both.key(paragraphs), kind="stable")
        merged = _Entries(both.tids[order], both.pids[order], both.tfs[order])
    pos = np.zeros(terms + 1, dtype=np.int64)
    np.cumsum(np.bincount(merged.tids, minlength=terms), out=pos[1:])
    return pos, merged


def _keys(fresh: Mapping[int, list[str]]) -> list[str]:
    """Every term and pair key of the fresh paragraphs, in order of first appearance."""
    keys: dict[str, None] = {}
    for tokens in fresh.values():
        keys.update(dict.fromkeys(tokens))
        keys.update(dict.fromkeys(pairs_of(tokens)))
    return list(keys)


def _lookup(conn: sqlite3.Connection, keys: list[str]) -> dict[str, int]:
    """The live lexicon's ids of `keys` (attached as `live`)."""
    found: dict[str, int] = {}
    for start in range(0, len(keys), LOOKUP_CHUNK):
        chunk = keys[start:start + LOOKUP_CHUNK]
        marks = ",".join("?" * len(chunk))
        found.update(conn.execute(f"SELECT term, id FROM live.lexicon WHERE term IN ({marks})", chunk))
    return found


def _assemble(old: Postings, remap: np.ndarray, counted: _Counted, terms: int, paragraphs: int) -> Postings:
    """The new postings: `old`'s entries of carried paragraphs (remapped) and those counted anew."""
    carried = remap >= 0
    new_pid = remap[old.ids] if len(old.ids) else np.zeros(0, np.int64)
    keep = new_pid >= 0
    kept = _Entries(old.entry_terms()[keep], new_pid[keep].astype(np.int64), old.tfs[keep].astype(np.int64))
    pos, merged = _merge(kept, counted.entries, terms, bool(np.all(np.diff(remap[carried]) > 0)))
    lengths = np.zeros(paragraphs, dtype=np.int64)
    lengths[remap[carried]] = old.lengths[carried]
    lengths[np.frombuffer(counted.counted, np.int64)] = np.frombuffer(counted.lengths, np.int64)
    return Postings(pos, merged.pids, merged.tfs, lengths)


def _carry(conn: sqlite3.Connection, live: LivePostings, remap: np.ndarray, fresh: Mapping[int, list[str]],
           paragraphs: int) -> Postings:
    """Postings and lexicon carried over from `live` (attached as `live`), fresh terms added."""
    keys = _keys(fresh)
    vocab = _lookup(conn, keys)
    new_terms = [k for k in keys if k not in vocab]
    known = len(live.postings.pos) - 1
    vocab.update((k, known + i) for i, k in enumerate(new_terms))
    postings = _assemble(live.postings, remap, _Counted(fresh, vocab), known + len(new_terms), paragraphs)
    dead = int(np.count_nonzero(np.diff(postings.pos) == 0))
    if dead > DEAD_TERMS_SHARE * (len(postings.pos) - 1):
        by_id = dict(conn.execute("SELECT id, term FROM live.lexicon"))
        by_id.update((vocab[k], k) for k in new_terms)
        return _renumber(conn, postings, by_id)
    conn.execute("INSERT INTO lexicon SELECT term, id FROM live.lexicon")
    conn.executemany("INSERT INTO lexicon VALUES (?, ?)", ((k, vocab[k]) for k in new_terms))
    return postings


def write_postings(conn: sqlite3.Connection, folder: Path, paragraphs: int, fresh: Mapping[int, list[str]],
                   live: LivePostings | None = None, remap: np.ndarray | None = None) -> None:
    """Write the lexicon into `conn` and the postings files into `folder` for `paragraphs`
    paragraphs: the terms of `fresh` (new paragraph id -> title and paragraph terms) are counted;
    every other paragraph is carried from `live`, whose paragraph p is new paragraph remap[p]
    (-1: not carried)."""
    conn.executescript(LEXICON_SCHEMA)
    if live is None or remap is None:
        vocab: dict[str, int] = {}  # ids in order of first appearance
        counted = _Counted(fresh, vocab, grow=True)
        postings = _assemble(Postings.empty(0), np.zeros(0, np.int64), counted, len(vocab), paragraphs)
        del counted
        postings = _renumber(conn, postings, {i: k for k, i in vocab.items()})
    else:
        conn.execute("ATTACH DATABASE ? AS live", (f"file:{live.database}?mode=ro",))
        try:
            postings = _carry(conn, live, remap, fresh, paragraphs)
        finally:
            conn.commit()
            conn.execute("DETACH DATABASE live")
    postings.write(folder)


def _renumber(conn: sqlite3.Connection, postings: Postings, by_id: dict[int, str]) -> Postings:
    """Write a lexicon of only the terms some paragraph holds (`by_id`: id -> term), numbered
    in order; returns the postings with their term ids renumbered accordingly."""
    alive = np.diff(postings.pos) > 0
    new_id = np.cumsum(alive) - 1
    conn.executemany("INSERT INTO lexicon VALUES (?, ?)",
                     sorted((by_id[int(t)], int(new_id[t])) for t in np.flatnonzero(alive)))
    pos = np.concatenate([[0], postings.pos[1:][alive]]).astype(np.int64)
    return Postings(pos, postings.ids, postings.tfs, postings.lengths)
