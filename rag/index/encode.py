"""The embedding step of a build: every paragraph's vector, its sentences' vectors and its token
vectors, embedding only what the cache and the live generation do not already hold.

One encoder pass a paragraph gives its vector and its token embeddings; a sentence's vector is
the mean of its tokens' embeddings in that pass (late chunking, rag.index.token_vectors), and a
sentence the pass did not reach (beyond the model's window) is embedded alone.

Vectors and token rows go to scratch files as they come (rag.index.scratch): what the step holds
in memory is the paragraphs' texts and which scratch record each text hash owns."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from rag.config import Settings
from rag.index.scratch import AppendFile, Rows, VectorStore
from rag.index.sentences import paragraph_sentences
from rag.index.store import ProgressFn
from rag.index.token_vectors import (
    MIN_FIT_TOKENS,
    TOKEN_DIM,
    ParagraphTokens,
    Projection,
    TokenStore,
    open_tokens,
)
from rag.index.workers import Encoding, Kept, LocalWorkers, Wants, Workers
from rag.models import Document

EMBED_CALL_TEXTS = 1024  # texts per embedder call (a progress tick); each call re-sorts by token count
EMBED_CALL_CHARS = 2 << 20  # and at most this much text per call: one call's token outputs are held
# until its rows are projected, so this bounds them whatever the input size (the UN corpus's 1,024
# longest paragraphs hold 1.97 MB, so its first call, which fits the projection, is unchanged)
SMALL_BUILD_TEXTS = 64  # up to this many texts to embed, `auto` takes onnxruntime (starts faster)


def paragraph_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def late_key(paragraph: str, j: int) -> str:
    """The cache key of a paragraph's j-th sentence vector (paragraph: the paragraph's hash)."""
    return paragraph_hash(f"late\x00{paragraph}\x00{j}")


class TokenRows:
    """Each paragraph's token rows by text hash: new ones appended to scratch files, unchanged
    ones read from the live generation's token files when asked for (nothing is copied)."""

    def __init__(self, folder: Path) -> None:
        self._rows = AppendFile(folder / "tokens.i8", np.int8, TOKEN_DIM)
        self._ids = AppendFile(folder / "tokens.ids", np.int32, 1)
        self._at: dict[str, tuple[int, int]] = {}  # hash -> (first record, count)
        self._live: dict[str, tuple[TokenStore, int]] = {}  # hash -> (live store, its paragraph id)

    def __setitem__(self, h: str, tokens: ParagraphTokens) -> None:
        self._live.pop(h, None)
        first = self._rows.append(np.asarray(tokens.rows).reshape(-1, TOKEN_DIM))
        self._ids.append(np.asarray(tokens.ids).reshape(-1, 1))
        self._at[h] = (first, len(tokens.ids))

    def carry(self, h: str, store: TokenStore, pid: int) -> None:
        """`h`'s rows are paragraph `pid`'s of the live `store`."""
        self._at.pop(h, None)
        self._live[h] = (store, pid)

    def __contains__(self, h: object) -> bool:
        return h in self._at or h in self._live

    def __getitem__(self, h: str) -> ParagraphTokens:
        at = self._at.get(h)
        if at is None:
            store, pid = self._live[h]
            return store.of_paragraph(pid)
        first, count = at
        return ParagraphTokens(self._ids.take(slice(first, first + count)).reshape(-1),
                               self._rows.take(slice(first, first + count)))

    def clear(self) -> None:
        self._at.clear()
        self._live.clear()

    def close(self) -> None:
        self._rows.close()
        self._ids.close()


class TokenSequence(Sequence):
    """The token rows of a generation's paragraphs in order (`hashes`), read as iterated."""

    def __init__(self, hashes: list[str], rows: TokenRows) -> None:
        self._hashes, self._rows = hashes, rows

    def __len__(self) -> int:
        return len(self._hashes)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self._rows[h] for h in self._hashes[i]]
        return self._rows[self._hashes[i]]

    def __iter__(self) -> Iterator[ParagraphTokens]:
        return (self._rows[h] for h in self._hashes)


@dataclass
class LiveTokens:
    """The live generation's token rows, by paragraph text hash, and their projection."""

    store: TokenStore
    pid_by_hash: dict[str, int]

    def get(self, h: str) -> ParagraphTokens | None:
        pid = self.pid_by_hash.get(h)
        return None if pid is None else self.store.of_paragraph(pid)


def read_live_tokens(gen: Path, manifest: dict[str, Any], conn: sqlite3.Connection) -> LiveTokens | None:
    """Token rows a new build may carry over (None where the live generation has none)."""
    try:
        store = open_tokens(gen, int(manifest["paragraphs"]), manifest.get("token_vectors"))
    except (OSError, ValueError, KeyError):
        return None
    if store is None:
        return None
    return LiveTokens(store, {h: i for i, h in conn.execute("SELECT id, hash FROM paragraphs")})


@dataclass
class Reusable:
    """What the live generation offers the embedding step instead of embedding again."""

    cache: dict[str, np.ndarray] = field(default_factory=dict)  # text hash or late key -> vector
    tokens: LiveTokens | None = None
    sentence_counts: dict[str, int] = field(default_factory=dict)  # paragraph hash -> its sentences
    record: dict[str, Any] | None = None  # the live manifest's `embedding`


class SentenceKeys:
    """Each paragraph's sentence keys (late_key), in paragraph order, made as iterated."""

    def __init__(self, hashes: list[str], counts: dict[str, int]) -> None:
        self._hashes, self._counts = hashes, counts

    def __len__(self) -> int:
        return len(self._hashes)

    def __iter__(self) -> Iterator[list[str]]:
        return ([late_key(h, j) for j in range(self._counts[h])] for h in self._hashes)

    def flat(self) -> Iterator[str]:
        return (k for keys in self for k in keys)


@dataclass
class Embedded:
    """Vectors of a generation: one per paragraph, one per sentence, and the embedding record.
    The rows live in scratch files (rag.index.scratch) until `close`."""

    hashes: list[str]
    vectors: Rows
    sentence_hashes: SentenceKeys
    sentence_vectors: Rows
    by_hash: VectorStore  # every vector above, for the embedding cache
    record: dict[str, Any]
    tokens: TokenSequence | None = None  # each paragraph's token rows (rag.index.token_vectors)
    projection: Projection | None = None
    embedded: int = 0  # paragraphs embedded now
    reused: int = 0  # paragraphs whose vector came from the cache
    sentences_embedded: int = 0  # sentence vectors computed now
    token_rows: TokenRows | None = None

    def close(self) -> None:
        """Close the scratch files (the build removes their folder)."""
        for part in (self.vectors, self.sentence_vectors, self.by_hash, self.token_rows):
            if part is not None:
                part.close()


class _Sentences(dict):
    """Paragraph hash -> its sentences, split on first use (texts: hash -> paragraph text)."""

    def __init__(self, texts: dict[str, str]) -> None:
        super().__init__()
        self._texts = texts

    def __missing__(self, h: str) -> list[str]:
        value = paragraph_sentences(self._texts[h])
        self[h] = value
        return value


@dataclass
class _Work:
    """One build's embedding work: what to embed and what it has so far."""

    texts: dict[str, str]  # paragraph hash -> text
    sentences: _Sentences
    counts: dict[str, int]  # paragraph hash -> sentence vectors it has
    by_hash: VectorStore
    token_rows: TokenRows
    projection: Projection | None
    need: list[str] = field(default_factory=list)  # paragraph hashes to embed, longest first
    alone: dict[str, str] = field(default_factory=dict)  # late key -> sentence to embed by itself


def _sentence_count(h: str, work: _Work, reuse: Reusable) -> int:
    """Sentences of a paragraph: the live generation knows the count of an unchanged paragraph
    whose sentence vectors are all cached (no split needed)."""
    n = reuse.sentence_counts.get(h)
    if n is not None and all(late_key(h, j) in reuse.cache for j in range(n)):
        return n
    return len(work.sentences[h])


def _carried_tokens(settings: Settings, work: _Work, live: LiveTokens | None) -> None:
    """Token rows of unchanged paragraphs, with the live projection, unless that projection was
    fitted on a small index that has grown well past it (about 4 characters a token): then
    every paragraph is encoded again and the projection refitted."""
    if live is None or not settings.token_vectors:
        return
    if live.store.projection.fitted_on < MIN_FIT_TOKENS and \
            sum(len(t) for t in work.texts.values()) / 4 > 2 * live.store.projection.fitted_on:
        return
    work.projection = live.store.projection
    for h in work.texts:
        pid = live.pid_by_hash.get(h)
        if pid is not None:
            work.token_rows.carry(h, live.store, pid)


def _plan(settings: Settings, texts: dict[str, str], reuse: Reusable, scratch: Path) -> _Work:
    """What the cache and the live generation cover, and which paragraphs must be embedded."""
    work = _Work(texts, _Sentences(texts), {}, VectorStore(scratch / "embedded.f32"), TokenRows(scratch), None)
    work.counts = {h: _sentence_count(h, work, reuse) if settings.sentence_vectors else 0 for h in texts}
    _carried_tokens(settings, work, reuse.tokens)
    cache = reuse.cache
    for h in texts:
        if h in cache:
            work.by_hash.borrow(h, cache[h])
        for j in range(work.counts[h]):
            if (k := late_key(h, j)) in cache:
                work.by_hash.borrow(k, cache[k])

    def missing(h: str) -> bool:
        return (h not in cache or (settings.token_vectors and h not in work.token_rows)
                or any(late_key(h, j) not in cache for j in range(work.counts[h])))

    work.need = sorted((h for h in texts if missing(h)), key=lambda h: -len(texts[h]))
    return work


def _keep(work: _Work, chunk: list[str], kept: list[Kept]) -> None:
    """One call's paragraphs as their pass left them: vectors, token rows, late sentence vectors."""
    from rag.embedding.encoder import normalise

    for h, k in zip(chunk, kept):
        work.by_hash[h] = k.vector
        if k.tokens is not None:
            work.token_rows[h] = k.tokens
        for j, vec in enumerate(k.late):
            if vec is None:  # past the model's window: embedded by itself
                work.alone[late_key(h, j)] = work.sentences[h][j]
            else:
                work.by_hash[late_key(h, j)] = normalise(vec[None, :])[0]
        work.sentences.pop(h, None)  # split again if asked for: the split of every paragraph is not kept


def _run_embedder(settings: Settings, work: _Work, tick: ProgressFn,
                  workers: Workers | None = None) -> tuple[dict[str, Any], int]:
    """Embed what `work` needs, through `workers` (this process by default); returns the
    embedding record (backend and query-side encoder) and the vectors' dimension."""
    from rag.embedding.embedders import document_embedder

    backend = settings.embed_backend
    if backend == "auto" and len(work.need) <= SMALL_BUILD_TEXTS:
        backend = "onnx-f32"  # a few texts: onnxruntime starts in ~0.25 s, OpenVINO compiles in ~0.9 s
    embedder, query_encoder = document_embedder(settings.model, settings.batch_size, backend)
    encoding = (workers or LocalWorkers()).encoding(embedder, backend, settings.batch_size)
    with_tokens, plain = work.need, {}
    if not hasattr(embedder, "encode_with_tokens"):  # an embedder that gives no tokens
        with_tokens = []
        work.token_rows.clear()
        plain = {h: work.texts[h] for h in work.need}
        work.alone.update((late_key(h, j), s) for h in work.need for j, s in enumerate(work.sentences[h][:work.counts[h]]))
    wants = Wants({h for h in with_tokens if work.counts[h]}, settings.token_vectors, embedder.dim, work.projection)
    done = 0
    if with_tokens:
        tick("embed", 0, len(with_tokens))
    for chunk, kept in encoding.with_tokens(_calls(with_tokens, work.texts), work.texts, wants):
        _keep(work, chunk, kept)
        done += len(chunk)
        tick("embed", done, len(with_tokens))
    work.projection = wants.projection
    plain.update(work.alone)
    # Each stage counts what it embeds: paragraphs, then the sentences past a paragraph's window
    # (or, for an embedder without token outputs, paragraphs and sentences alike).
    _plain_pass(work, encoding, plain, tick, "sentences" if with_tokens else "texts")
    return {"backend": getattr(embedder, "backend", embedder.name), "query_encoder": query_encoder}, embedder.dim


def _plain_pass(work: _Work, encoding: Encoding, texts: dict[str, str], tick: ProgressFn, stage: str) -> None:
    """Embed texts by themselves (sentences the paragraph pass did not reach), longest first,
    counted as `stage`."""
    keys = sorted(texts, key=lambda k: -len(texts[k]))
    if not keys:
        return
    done = 0
    tick(stage, 0, len(keys))
    for chunk, vectors in encoding.plain(_calls(keys, texts), texts):
        for k, v in zip(chunk, vectors):
            work.by_hash[k] = v
        done += len(chunk)
        tick(stage, done, len(keys))


def _calls(keys: list[str], texts: dict[str, str]) -> list[list[str]]:
    """`keys` in order, cut into embedder calls of at most EMBED_CALL_TEXTS texts and
    EMBED_CALL_CHARS characters (a call always takes at least one text)."""
    calls: list[list[str]] = []
    size = 0
    for k in keys:
        if not calls or len(calls[-1]) >= EMBED_CALL_TEXTS or size + len(texts[k]) > EMBED_CALL_CHARS:
            calls.append([])
            size = 0
        calls[-1].append(k)
        size += len(texts[k])
    return calls


def embed_paragraphs(settings: Settings, docs: list[Document], reuse: Reusable, tick: ProgressFn,
                     scratch: Path, workers: Workers | None = None) -> Embedded:
    """Vectors for every paragraph and sentence, embedding only paragraphs the cache does not
    cover; token rows for every paragraph (from its own pass, or carried over from the live
    generation); and the manifest's record of the embedding backend and query-side encoder.
    The rows are written to files in the folder `scratch` (which must exist); `workers` encode
    (rag.index.workers: this process by default)."""
    hashes = [paragraph_hash(p.text) for d in docs for p in d.paragraphs]
    work = _plan(settings, {h: p.text for h, p in zip(hashes, (p for d in docs for p in d.paragraphs))}, reuse,
                 scratch)
    record, dim = reuse.record, len(next(iter(reuse.cache.values()))) if reuse.cache else 0
    if work.need or not dim or record is None:
        record, dim = _run_embedder(settings, work, tick, workers)
    work.by_hash.dim = dim
    return _embedded(settings, work, hashes, record, scratch)


def _embedded(settings: Settings, work: _Work, hashes: list[str], record: dict[str, Any], scratch: Path) -> Embedded:
    """The generation's vectors in paragraph order, from a finished `work`."""
    sentence_hashes = SentenceKeys(hashes, work.counts)
    fresh = set(work.need)
    keep_tokens = settings.token_vectors and work.projection is not None and all(h in work.token_rows for h in hashes)
    return Embedded(hashes, Rows.write(scratch / "vectors.f32", work.by_hash, iter(hashes)), sentence_hashes,
                    Rows.write(scratch / "sentences.f32", work.by_hash, sentence_hashes.flat()), work.by_hash, record,
                    TokenSequence(hashes, work.token_rows) if keep_tokens else None, work.projection,
                    embedded=len(fresh), reused=sum(1 for h in hashes if h not in fresh),
                    sentences_embedded=len(work.alone), token_rows=work.token_rows)
