"""Where a build's two heavy steps run: parsing files and encoding texts.

A build asks its `Workers` for both; `LocalWorkers` (the default) runs them in this process, one
after the other, and rag.index.ray_build runs them on a Ray cluster. Everything else (which
files to parse, which texts to embed, what the results become, writing, the switch) stays in
the build: workers only turn paths into documents and texts into vectors.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from rag.embedding.base import TokenOutput
from rag.errors import RagError
from rag.index.store import ProgressFn
from rag.models import Document

Parsed = Document | str  # a file's document, or the one-line reason it failed


def parse_one(path: Path, max_mb: float) -> Parsed:
    """`path`'s document, or why it could not be read (the message a build reports)."""
    from rag.ingest import parse_file

    try:
        return parse_file(path, max_mb=max_mb)
    except RagError as exc:
        return exc.message
    except OSError as exc:
        return f"{path}: vanished or unreadable ({exc.strerror})"


class Encoding(Protocol):
    """Encoder calls: each call is a list of keys of `texts`, answered in the order given."""

    def with_tokens(self, calls: list[list[str]], texts: Mapping[str, str]
                    ) -> Iterator[tuple[list[str], np.ndarray, list[TokenOutput]]]:
        """Each call's keys, their vectors and, from the same pass, their token embeddings."""
        ...

    def plain(self, calls: list[list[str]], texts: Mapping[str, str]) -> Iterator[tuple[list[str], np.ndarray]]:
        """Each call's keys and their vectors."""
        ...


class Workers(Protocol):
    """Runs a build's parsing and encoding."""

    def parse(self, paths: list[Path], max_mb: float, tick: ProgressFn) -> Iterator[tuple[Path, Parsed]]:
        """Each path with its document or failure, in any order (ticks "parse" as they come)."""
        ...

    def encoding(self, embedder: Any, backend: str, batch_size: int) -> Encoding:
        """Encoder calls answered as `embedder` (of `backend`, loaded here) answers them."""
        ...


class LocalEncoding:
    """Encoder calls made with an embedder of this process."""

    def __init__(self, embedder: Any) -> None:
        self._embedder = embedder

    def with_tokens(self, calls: list[list[str]], texts: Mapping[str, str]
                    ) -> Iterator[tuple[list[str], np.ndarray, list[TokenOutput]]]:
        for chunk in calls:
            vectors, outputs = self._embedder.encode_with_tokens([texts[k] for k in chunk])
            yield chunk, vectors, outputs

    def plain(self, calls: list[list[str]], texts: Mapping[str, str]) -> Iterator[tuple[list[str], np.ndarray]]:
        for chunk in calls:
            yield chunk, self._embedder.encode_documents([texts[k] for k in chunk])


class LocalWorkers:
    """Parsing and encoding in this process, one file and one call at a time."""

    def parse(self, paths: list[Path], max_mb: float, tick: ProgressFn) -> Iterator[tuple[Path, Parsed]]:
        for i, path in enumerate(paths):
            tick("parse", i, len(paths))
            yield path, parse_one(path, max_mb)
        tick("parse", len(paths), len(paths))

    def encoding(self, embedder: Any, backend: str, batch_size: int) -> Encoding:
        return LocalEncoding(embedder)
