"""A build's vectors and token rows kept in scratch files while it runs, not in memory.

The embedding step appends every vector and every paragraph's token rows to files in a scratch
folder (`.tmp-*` in the index folder, removed with the build) as they come, and keeps in memory
only which record each key owns. The writer reads the rows back in blocks: reads go through a
memory map whose pages are dropped from the process (MADV_DONTNEED) every READ_DROP_BYTES, so
the rows a build has read stay page cache, not resident memory of the build.
"""

from __future__ import annotations

import mmap
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

READ_DROP_BYTES = 32 << 20  # mapped through reads before the map's pages are dropped again
FAULT_BYTES = 64 << 10  # what one read of a record at a random place maps (the kernel maps pages around a fault)
BLOCK_ROWS = 16_384  # rows a block read hands over (~24 MiB of 384-dim float32 rows)


class AppendFile:
    """Fixed-width records appended to a file and read back by record number."""

    def __init__(self, path: Path, dtype: Any, width: int) -> None:
        self.path, self.dtype, self.width = path, np.dtype(dtype), width
        self.count = 0
        self._fh = open(path, "w+b")  # noqa: SIM115 (closed by close())
        self._map: mmap.mmap | None = None
        self._view: np.ndarray | None = None
        self._mapped = 0  # records the map covers
        self._read = 0  # bytes read through the map since its pages were last dropped

    def append(self, rows: Any) -> int:
        """Append records (`width` values each); returns the number of the first one."""
        data = np.ascontiguousarray(rows, dtype=self.dtype).reshape(-1, self.width)
        first = self.count
        self._fh.write(data.tobytes())
        self.count += len(data)
        return first

    def take(self, records: Any) -> np.ndarray:
        """A copy of the records selected as numpy selects rows (an int, a slice, an int array)."""
        view = self._mapping()
        out = np.array(view[records], dtype=self.dtype)
        if isinstance(records, slice):
            self._read += out.nbytes
        else:  # records at random places: each may map FAULT_BYTES
            self._read += max(out.nbytes, FAULT_BYTES * (np.size(records) or 1))
        if self._read >= READ_DROP_BYTES and self._map is not None:
            self._map.madvise(mmap.MADV_DONTNEED)
            self._read = 0
        return out

    def _mapping(self) -> np.ndarray:
        if self._view is None or self._mapped != self.count:
            self._fh.flush()
            self._unmap()
            size = self.count * self.width * self.dtype.itemsize
            if size:
                self._map = mmap.mmap(self._fh.fileno(), size, prot=mmap.PROT_READ)
                self._view = np.frombuffer(self._map, self.dtype).reshape(self.count, self.width)
            else:
                self._view = np.zeros((0, self.width), self.dtype)
            self._mapped = self.count
        return self._view

    def _unmap(self) -> None:
        self._view = None
        if self._map is not None:
            self._map.close()
            self._map = None

    def close(self) -> None:
        self._unmap()
        self._fh.close()


class VectorStore:
    """Float32 vectors by key (text hash or late-sentence key), as a build's embedding step
    collects them: new ones appended to a scratch file, the embedding cache's own arrays
    borrowed as they are. Reads give copies."""

    def __init__(self, path: Path, dim: int = 0) -> None:
        self.dim = dim  # set by the first vector where not known
        self._path = path
        self._file: AppendFile | None = None  # created with the first new vector
        self._row: dict[str, int] = {}  # key -> record in the file
        self._borrowed: dict[str, np.ndarray] = {}  # key -> the cache's vector

    def __setitem__(self, key: str, vector: np.ndarray) -> None:
        if self._file is None:
            self.dim = self.dim or len(vector)
            self._file = AppendFile(self._path, np.float32, self.dim)
        self._borrowed.pop(key, None)
        self._row[key] = self._file.append(vector)

    def borrow(self, key: str, vector: np.ndarray) -> None:
        """Hold the cache's own vector for `key` (nothing is copied)."""
        self.dim = self.dim or len(vector)
        self._row.pop(key, None)
        self._borrowed[key] = vector

    def __getitem__(self, key: str) -> np.ndarray:
        row = self._row.get(key)
        if row is None or self._file is None:
            return self._borrowed[key]
        return self._file.take(row)

    def __contains__(self, key: object) -> bool:
        return key in self._row or key in self._borrowed

    def __len__(self) -> int:
        return len(self._row) + len(self._borrowed)

    def __iter__(self) -> Iterator[str]:
        yield from self._row
        yield from self._borrowed

    def keys(self) -> set[str]:
        return set(self._row) | set(self._borrowed)

    def gather(self, keys: Sequence[str]) -> np.ndarray:
        """The vectors of `keys`, in order, as one (len(keys), dim) array."""
        out = np.zeros((len(keys), self.dim), dtype=np.float32)
        rows = np.array([self._row.get(k, -1) for k in keys], dtype=np.int64)
        stored = np.flatnonzero(rows >= 0)
        if len(stored) and self._file is not None:
            out[stored] = self._file.take(rows[stored])
        for i in np.flatnonzero(rows < 0):
            out[i] = self._borrowed[keys[i]]
        return out

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


class Rows:
    """Vectors in their final order in a scratch file: what a generation's vector files and
    FAISS indexes are built from, read a block at a time. Indexing (`rows[i]`, `rows[a:b]`,
    `rows[ids]`) returns float32 copies, as numpy's would."""

    def __init__(self, path: Path, dim: int) -> None:
        self._file = AppendFile(path, np.float32, dim)

    @classmethod
    def write(cls, path: Path, store: VectorStore, keys: Iterator[str]) -> Rows:
        """The vectors of `keys` (an iterator, consumed a block at a time) from `store`."""
        rows = cls(path, store.dim)
        block: list[str] = []
        for key in keys:
            block.append(key)
            if len(block) == BLOCK_ROWS:
                rows._file.append(store.gather(block))
                block = []
        if block:
            rows._file.append(store.gather(block))
        return rows

    @property
    def shape(self) -> tuple[int, int]:
        return self._file.count, self._file.width

    def __len__(self) -> int:
        return self._file.count

    def __getitem__(self, selection: Any) -> np.ndarray:
        return self._file.take(selection)

    def blocks(self, size: int = BLOCK_ROWS) -> Iterator[np.ndarray]:
        """The rows in order, `size` at a time."""
        for start in range(0, len(self), size):
            yield self._file.take(slice(start, start + size))

    def close(self) -> None:
        self._file.close()


def as_array(vectors: np.ndarray | Rows) -> np.ndarray:
    """Every row in memory (for the FAISS types that need them all at once)."""
    return vectors[:] if isinstance(vectors, Rows) else np.ascontiguousarray(vectors, dtype=np.float32)
