"""Where a build's two heavy steps run: parsing files and encoding texts.

A build asks its `Workers` for both; `LocalWorkers` (the default) runs them in this process, one
after the other, and rag.index.ray_build runs them on a Ray cluster. Everything else (which
files to parse, which texts to embed, what the results become, writing, the switch) stays in
the build: workers only turn paths into documents and texts into vectors.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from rag.embedding.base import TokenOutput
from rag.errors import RagError
from rag.index.sentences import paragraph_sentences
from rag.index.store import ProgressFn
from rag.index.token_vectors import (
    ParagraphTokens,
    Projection,
    late_sentence_vectors,
    paragraph_tokens,
)
from rag.models import Document

Parsed = Document | str  # a file's document, or the one-line reason it failed


@dataclass
class Kept:
    """What a build keeps of one paragraph's encoder pass."""

    vector: np.ndarray  # the pooled, normalised vector
    tokens: ParagraphTokens | None  # its token rows (None where the index keeps none)
    late: list[np.ndarray | None]  # each sentence's mean token embedding; None: past the model's window


@dataclass
class Wants:
    """What the paragraph pass keeps: late sentence vectors of the paragraphs in `split`, and
    token rows projected with `projection`, which is fitted on the first call's tokens where
    it is not known yet (the first call holds the longest paragraphs)."""

    split: set[str]  # keys whose sentences get late vectors
    tokens: bool  # keep token rows
    dim: int  # the embedder's dimension
    projection: Projection | None = None

    def fitted(self, outputs: list[TokenOutput]) -> Projection | None:
        """The projection, fitted on `outputs` where there is none yet (None where no tokens are kept)."""
        if self.tokens and self.projection is None:
            self.projection = Projection.fit_tokens(outputs, self.dim)
        return self.projection if self.tokens else None


def kept_from_pass(text: str, split: bool, vector: np.ndarray, tokens: TokenOutput,
                   projection: Projection | None) -> Kept:
    """What a build keeps of a paragraph's pass: its vector, its token rows where `projection`,
    and its sentences' late vectors where `split`."""
    sentences = paragraph_sentences(text) if split else []
    rows = paragraph_tokens(tokens, projection) if projection is not None else None
    return Kept(np.asarray(vector, dtype=np.float32), rows, late_sentence_vectors(text, sentences, tokens))


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

    def with_tokens(self, calls: list[list[str]], texts: Mapping[str, str], wants: Wants
                    ) -> Iterator[tuple[list[str], list[Kept]]]:
        """Each call's keys and what `wants` keeps of their passes (`wants.projection` is set
        once the first call is in)."""
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

    def with_tokens(self, calls: list[list[str]], texts: Mapping[str, str], wants: Wants
                    ) -> Iterator[tuple[list[str], list[Kept]]]:
        for chunk in calls:
            vectors, outputs = self._embedder.encode_with_tokens([texts[k] for k in chunk])
            projection = wants.fitted(outputs)
            yield chunk, [kept_from_pass(texts[k], k in wants.split, v, t, projection)
                          for k, v, t in zip(chunk, vectors, outputs)]

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
