"""The embedding step of a build: every paragraph's vector, its sentences' vectors and its token
vectors, embedding only what the cache and the live generation do not already hold."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from rag.config import Settings
from rag.models import Document, Paragraph
from rag.index.sentences import paragraph_sentences
from rag.index.store import ProgressFn
from rag.index.token_vectors import (
    MIN_FIT_TOKENS,
    ParagraphTokens,
    Projection,
    TokenStore,
    late_sentence_vectors,
    open_tokens,
    paragraph_tokens,
)

EMBED_CALL_TEXTS = 1024  # texts per embedder call (a progress tick); each call re-sorts by token count
SMALL_BUILD_TEXTS = 64  # up to this many texts to embed, `auto` takes onnxruntime (starts faster)


class _LazySentences(dict):
    """Paragraph hash -> its sentences, split on first use (texts: hash -> paragraph text)."""

    def __init__(self, texts: dict[str, str], wanted: bool) -> None:
        super().__init__()
        self._texts, self._wanted = texts, wanted

    def __missing__(self, h: str) -> list[str]:
        value = paragraph_sentences(self._texts[h]) if self._wanted else []
        self[h] = value
        return value


def paragraph_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def embed_text(p: Paragraph) -> str:
    """The text a paragraph is embedded from."""
    return p.text


@dataclass
class LiveTokens:
    """The live generation's token rows, by paragraph text hash, and their projection."""

    store: TokenStore
    pid_by_hash: dict[str, int]

    def get(self, h: str) -> ParagraphTokens | None:
        pid = self.pid_by_hash.get(h)
        return None if pid is None else self.store.of_paragraph(pid)


def read_live_tokens(gen: Path, manifest: dict[str, Any], conn: sqlite3.Connection) -> LiveTokens | None:
    """Token rows a new build may carry over (see `embed_paragraphs` for when it does)."""
    try:
        store = open_tokens(gen, int(manifest["paragraphs"]), manifest.get("token_vectors"))
    except (OSError, ValueError, KeyError):
        return None
    if store is None:
        return None
    return LiveTokens(store, {h: i for i, h in conn.execute("SELECT id, hash FROM paragraphs")})


@dataclass
class Embedded:
    """Vectors of a generation: one per paragraph, one per sentence, and the embedding record."""

    hashes: list[str]
    vectors: np.ndarray
    sentence_hashes: list[list[str]]
    sentence_vectors: np.ndarray
    by_hash: dict[str, np.ndarray]  # every vector above, for the embedding cache
    record: dict[str, Any]
    tokens: list[ParagraphTokens] | None = None  # each paragraph's token rows (rag.index.token_vectors)
    projection: Projection | None = None


def late_key(paragraph: str, j: int) -> str:
    """The cache key of a paragraph's j-th sentence vector when it comes from the paragraph's pass."""
    return paragraph_hash(f"late\x00{paragraph}\x00{j}")


def embed_paragraphs(settings: Settings, docs: list[Document], cache: dict[str, np.ndarray], report: Any,
                     tick: ProgressFn, live_embedding: dict[str, Any] | None, live_tokens: LiveTokens | None = None,
                     sentence_counts: dict[str, int] | None = None) -> Embedded:
    """Vectors for every paragraph and sentence, embedding only texts the cache does not hold;
    token rows for every paragraph (from the paragraph's own pass, or carried over from the live
    generation); and the manifest's record of the embedding backend and query-side encoder.

    Sentence vectors come from their paragraph's pass (`sentence_embedding = "late"`: the mean of
    the sentence's token embeddings; a sentence the pass did not reach is embedded alone) or from a
    pass of their own ("separate")."""
    from rag.embedding.embedders import document_embedder
    from rag.embedding.encoder import normalise

    late = settings.sentence_embedding == "late"
    paragraphs = [p for d in docs for p in d.paragraphs]
    hashes = [paragraph_hash(embed_text(p)) for p in paragraphs]
    texts: dict[str, str] = {h: embed_text(p) for h, p in zip(hashes, paragraphs)}
    known = sentence_counts or {}

    def count_of(h: str) -> int:
        """Sentences of a paragraph: late keys need only the count, which the live generation
        knows for an unchanged paragraph whose late vectors are all cached (no split needed)."""
        n = known.get(h)
        if n is not None and all(late_key(h, j) in cache for j in range(n)):
            return n
        return len(sentences_of[h])

    sentences_of = _LazySentences(texts, settings.sentence_vectors)
    if late:
        counts = {h: count_of(h) for h in texts} if settings.sentence_vectors else {h: 0 for h in texts}
        sentence_hashes = [[late_key(h, j) for j in range(counts[h])] for h in hashes]
    else:  # each sentence is a text of its own, keyed by its own hash
        sentence_texts = [sentences_of[h] for h in hashes]
        sentence_hashes = [[paragraph_hash(t) for t in ts] for ts in sentence_texts]
        for ts, hs in zip(sentence_texts, sentence_hashes):
            texts.update(zip(hs, ts))
    para_hashes = set(hashes)
    if live_tokens is not None and live_tokens.store.projection.fitted_on < MIN_FIT_TOKENS:
        # a projection fitted on a small index is refitted (every paragraph re-encoded) once the
        # index grows well past it: about 4 characters a token
        if sum(len(texts[h]) for h in para_hashes) / 4 > 2 * live_tokens.store.projection.fitted_on:
            live_tokens = None
    token_rows: dict[str, ParagraphTokens] = {}
    projection = live_tokens.store.projection if live_tokens is not None else None
    if settings.token_vectors and live_tokens is not None:
        for h in para_hashes:
            carried = live_tokens.get(h)
            if carried is not None:
                token_rows[h] = carried

    def missing(h: str) -> bool:
        if h not in cache:
            return True
        if h not in para_hashes:
            return False
        return ((settings.token_vectors and h not in token_rows)
                or (late and any(late_key(h, j) not in cache for j in range(counts[h]))))

    # paragraphs go through a pass that also gives their token embeddings where those are wanted;
    # longest first over the whole build, so every batch holds texts of about one length
    need = [h for h in texts if missing(h)]
    pass_tokens = settings.token_vectors or late
    with_tokens = sorted((h for h in need if pass_tokens and h in para_hashes), key=lambda h: -len(texts[h]))
    plain = sorted((h for h in need if not (pass_tokens and h in para_hashes)), key=lambda h: -len(texts[h]))
    by_hash: dict[str, np.ndarray] = {h: cache[h] for h in texts if h in cache}
    if late:
        by_hash.update((k, cache[k]) for hs in sentence_hashes for k in hs if k in cache)
    dim = len(next(iter(cache.values()))) if cache else None
    record = live_embedding
    total = len(with_tokens) + len(plain)
    alone: dict[str, str] = {}  # sentences embedded by themselves (late: those the paragraph's pass did not reach)
    if need or dim is None or not record:
        backend = settings.embed_backend
        if backend == "auto" and total <= SMALL_BUILD_TEXTS:
            backend = "onnx-f32"  # a few texts: onnxruntime starts in ~0.25 s, OpenVINO compiles in ~0.9 s
        embedder, query_encoder = document_embedder(settings.model, settings.batch_size, backend)
        record = {"backend": getattr(embedder, "backend", embedder.name), "query_encoder": query_encoder}
        dim = embedder.dim
        if with_tokens and not hasattr(embedder, "encode_with_tokens"):  # an embedder that gives no tokens
            plain = sorted(plain + with_tokens, key=lambda h: -len(texts[h]))
            if late:
                alone.update((late_key(h, j), t) for h in with_tokens for j, t in enumerate(sentences_of[h]))
            with_tokens, token_rows, total = [], {}, len(plain)
        step = EMBED_CALL_TEXTS
        done = 0
        for start in range(0, len(with_tokens), step):
            tick("embed", done, total)
            chunk = with_tokens[start:start + step]
            vectors, outputs = embedder.encode_with_tokens([texts[h] for h in chunk])
            if projection is None and settings.token_vectors:  # the first chunk holds the longest paragraphs
                sample = [t.vectors[~t.special] for t in outputs]
                projection = Projection.fit(np.concatenate(sample) if sample else np.zeros((1, dim), np.float32))
            for h, v, t in zip(chunk, vectors, outputs):
                by_hash[h] = v
                if settings.token_vectors and projection is not None:
                    token_rows[h] = paragraph_tokens(t, projection)
                if late:
                    for j, (sentence, vec) in enumerate(zip(sentences_of[h],
                                                            late_sentence_vectors(texts[h], sentences_of[h], t))):
                        if vec is None:
                            alone[late_key(h, j)] = sentence
                        else:
                            by_hash[late_key(h, j)] = normalise(vec[None, :])[0]
            done += len(chunk)
        plain = sorted(plain + list(alone), key=lambda h: -len(texts.get(h) or alone[h]))
        total = done + len(plain)
        for start in range(0, len(plain), step):
            tick("embed", done, total)
            chunk = plain[start:start + step]
            for h, v in zip(chunk, embedder.encode_documents([texts.get(h) or alone[h] for h in chunk])):
                by_hash[h] = v
            done += len(chunk)
        tick("embed", total, total)
    fresh = set(need)
    vectors = np.zeros((len(paragraphs), dim), dtype=np.float32)
    for i, h in enumerate(hashes):
        vectors[i] = by_hash[h]
    flat = [h for hs in sentence_hashes for h in hs]
    sentence_vectors = np.zeros((len(flat), dim), dtype=np.float32)
    for i, h in enumerate(flat):
        sentence_vectors[i] = by_hash[h]
    para_fresh = {h for h in hashes if h in fresh}
    report.embedded = len(para_fresh)
    report.reused = sum(1 for h in hashes if h not in fresh)
    report.sentences_embedded = len(fresh - para_fresh) + len(alone)
    keep_tokens = settings.token_vectors and projection is not None and all(h in token_rows for h in para_hashes)
    tokens = [token_rows[h] for h in hashes] if keep_tokens else None
    return Embedded(hashes, vectors, sentence_hashes, sentence_vectors, by_hash, record, tokens, projection)
