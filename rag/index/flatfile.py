"""Flat FAISS index files read without FAISS: the rows memory-mapped, searched with numpy.

A flat index file as `faiss.write_index` writes it (IndexFlatIP, IndexFlatL2) is a fixed
header followed by the raw float32 rows:
    "IxFI" | "IxF2"   4 bytes
    d                 int32
    ntotal            int64
    two int64 fields  (unused by flat indexes)
    is_trained        uint8
    metric_type       int32    (0 inner product, 1 L2; a float metric_arg follows when > 1)
    row count x d     uint64   (the number of floats)
    rows              ntotal x d float32, little-endian
so a query process can map the rows instead of importing faiss (~0.05 s) and copying the
whole file into memory (~0.1 s for the UN index's two files). Pages are mapped eagerly
(MAP_POPULATE, one system call) because a search touches every row anyway.
"""

from __future__ import annotations

import mmap
import struct
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from rag.errors import IndexCorrupt

_HEADER = struct.Struct("<4sIqqqBi")  # magic, d, ntotal, 2 x unused, is_trained, metric_type
_COUNT = struct.Struct("<Q")
HEADER_BYTES = _HEADER.size + _COUNT.size  # 45
METRIC_INNER_PRODUCT = 0


UNIT_NORM_TOLERANCE = 1e-3  # every stored float vector is L2-normalised; a row further off is damaged
TIE_MARGIN = 1e-5  # numpy's and FAISS's float sums of one row differ by < 3e-7 (measured: 2.4e-7)


class FlatVectors:
    """The rows of a flat inner-product FAISS file, with the part of FAISS's Index interface the
    query path uses (`d`, `ntotal`, `search`, `reconstruct_batch`, `reconstruct_n`).

    `search` is FAISS's (memory-mapped, loaded on first use), or, after `quick_start()` (a
    process answering one question, where importing FAISS costs more than the search), numpy
    scores every row and settles the top k unless the k-th and the next score lie within
    TIE_MARGIN (identical rows, such as a sentence repeated across documents, tie exactly);
    FAISS then decides, so which of the tied rows make the cut, and every answer built on it,
    stays what FAISS gives. Warm, FAISS is 2-4x faster than numpy's scan of unaligned rows."""

    def __init__(self, rows: np.ndarray, path: Path) -> None:
        self.rows = rows  # (ntotal, d) float32 view of the mapped file (read-only, not aligned)
        self.path = path
        self.ntotal, self.d = rows.shape
        self._faiss: Any = None
        self._numpy = False

    def quick_start(self) -> None:
        """Search with numpy from now on (see the class docstring)."""
        self._numpy = True

    @property
    def engine(self) -> str:
        """What answers `search` now: "numpy" (quick start), "faiss" (loaded) or "unloaded"."""
        return "numpy" if self._numpy else "faiss" if self._faiss is not None else "unloaded"

    def scores(self, query: np.ndarray) -> np.ndarray:
        """Inner product of one query vector with every row."""
        return np.einsum("ij,j->i", self.rows, np.asarray(query, dtype=np.float32).ravel())

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """FAISS's (scores, ids), each (len(queries), k), best first; beyond ntotal, FAISS's
        padding (id -1, score -FLT_MAX). The rows returned are checked (check_unit_rows)."""
        dist, ids = self._search(queries, k)
        check_unit_rows(self.rows, ids[ids >= 0], self.path)
        return dist, ids

    def _search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        queries = np.atleast_2d(np.asarray(queries, dtype=np.float32))
        if not self._numpy and self.ntotal:
            return self.faiss_index().search(queries, k)
        dist = np.full((len(queries), k), -np.finfo(np.float32).max, dtype=np.float32)
        ids = np.full((len(queries), k), -1, dtype=np.int64)
        kk = min(k, self.ntotal)
        for qi, query in enumerate(queries):
            if kk == 0:
                break
            sims = self.scores(query)
            if kk < self.ntotal:
                top = np.argpartition(-sims, kk)[:kk + 1]  # the k best, then the (k+1)-th
                top = top[np.argsort(-sims[top], kind="stable")]
                if sims[top[kk - 1]] - sims[top[kk]] <= TIE_MARGIN:
                    dist[qi], ids[qi] = (row[0] for row in self.faiss_index().search(query[None, :], k))
                    continue
                best = top[:kk]
            else:
                best = np.argsort(-sims, kind="stable")
            dist[qi, :kk] = sims[best]
            ids[qi, :kk] = best
        return dist, ids

    def faiss_index(self) -> Any:
        """The same file read by FAISS, memory-mapped (loaded on first use)."""
        if self._faiss is None:
            import faiss

            from rag.index.vectors import for_queries

            for_queries()
            self._faiss = faiss.read_index(str(self.path), getattr(faiss, "IO_FLAG_MMAP_IFC", 0))
        return self._faiss

    def reconstruct_batch(self, ids: np.ndarray) -> np.ndarray:
        return np.array(self.rows[np.asarray(ids, dtype=np.int64)], dtype=np.float32)

    def reconstruct_n(self, start: int, count: int) -> np.ndarray:
        return np.array(self.rows[start:start + count], dtype=np.float32)


POPULATE_UP_TO = 256 << 20  # bytes: flat files up to this size are read in when mapped


def map_rows(fh: Any, size: int, populate_up_to: int = POPULATE_UP_TO) -> mmap.mmap:
    """Map an open file read-only. One up to `populate_up_to` bytes is read in at once (a cold
    question scans all of a small flat file); a bigger one is paged in as rows are read, without
    readahead: its rows are read a few at a time at random places (a question's candidates), and
    the kernel's readahead around each fault read ~0.5 GB of a 1M index's sentence rows per
    question (docs/performance.md)."""
    populate = getattr(mmap, "MAP_POPULATE", 0) if size <= populate_up_to else 0
    mapped = mmap.mmap(fh.fileno(), size, flags=mmap.MAP_SHARED | populate, prot=mmap.PROT_READ)
    if not populate and hasattr(mapped, "madvise") and hasattr(mmap, "MADV_RANDOM"):
        mapped.madvise(mmap.MADV_RANDOM)
    return mapped


def map_flat(path: Path) -> FlatVectors | None:
    """The rows of a flat inner-product FAISS file, memory-mapped; None when the file is not
    one (another index type, another metric, a header this layout does not describe, a size
    that does not add up), so the caller reads it with FAISS instead."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(HEADER_BYTES)
            if len(head) < HEADER_BYTES:
                return None
            magic, d, ntotal, _, _, _, metric = _HEADER.unpack_from(head)
            (count,) = _COUNT.unpack_from(head, _HEADER.size)
            size = Path(path).stat().st_size
            if magic != b"IxFI" or metric != METRIC_INNER_PRODUCT or d <= 0 or ntotal < 0 \
                    or count != ntotal * d or size != HEADER_BYTES + 4 * count:
                return None
            if ntotal == 0:
                return FlatVectors(np.zeros((0, d), dtype=np.float32), Path(path))
            mapped = map_rows(fh, size)
    except (OSError, ValueError, struct.error):
        return None
    rows = np.frombuffer(mapped, dtype="<f4", offset=HEADER_BYTES, count=count).reshape(ntotal, d)
    return FlatVectors(rows, Path(path))


_UNUSED = 1 << 20  # what FAISS writes into the two unused header fields


def write_flat(path: Path, d: int, ntotal: int, blocks: Iterable[np.ndarray]) -> None:
    """Write a flat inner-product file, byte for byte what `faiss.write_index` writes for an
    IndexFlatIP of these rows, from `blocks` of rows (ntotal in all), one block in memory at a time."""
    with open(path, "wb") as fh:
        fh.write(_HEADER.pack(b"IxFI", d, ntotal, _UNUSED, _UNUSED, 1, METRIC_INNER_PRODUCT))
        fh.write(_COUNT.pack(ntotal * d))
        written = 0
        for block in blocks:
            rows = np.ascontiguousarray(block, dtype="<f4").reshape(-1, d)
            fh.write(rows.tobytes())
            written += len(rows)
    if written != ntotal:
        raise ValueError(f"{path}: {written} rows written, {ntotal} expected")


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values of an integer array: np.unique without the `numpy.ma` import
    it triggers in numpy 2.x (~0.015 s of a cold `rag ask`)."""
    values = np.sort(np.asarray(values).ravel())
    if len(values) < 2:
        return values
    return values[np.concatenate(([True], values[1:] != values[:-1]))]


def check_unit_rows(rows: np.ndarray, ids: np.ndarray, path: Path) -> None:
    """IndexCorrupt where one of the rows `ids` (those a question reads) is not a finite vector
    of unit length: bit rot that kept the file's size and mtime, caught where it would rank."""
    if len(ids) == 0:
        return
    read = np.asarray(rows[np.asarray(ids, dtype=np.int64)], dtype=np.float64)
    with np.errstate(all="ignore"):
        norms = np.sqrt(np.einsum("ij,ij->i", read, read))
    bad = ~(np.abs(norms - 1.0) <= UNIT_NORM_TOLERANCE)
    if bad.any():
        raise IndexCorrupt(f"{path}: row {int(np.asarray(ids)[bad][0])} is damaged (norm {norms[bad][0]:.4g}, "
                           "not 1)", fix="run `rag index rebuild`")
