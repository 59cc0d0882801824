"""Token vectors: every paragraph's contextual token embeddings, kept small, for late-interaction
re-scoring ("MaxSim", as in ColBERT) of the best candidates, and late-chunked sentence vectors.

One encoder pass over a paragraph gives its pooled vector and the transformer's token embeddings.
From the token embeddings:
- each sentence's vector is the mean of its tokens' embeddings ("late chunking"), so sentences
  need no pass of their own (a sentence beyond the model's max_seq_length gets one);
- each non-special token is projected on the index's principal axes (TOKEN_DIM of them, fitted
  on the build's own tokens), normalised and stored as int8 (value x 127): 64 bytes a token.

At question time the question's token embeddings come from the same pass as its vector; a
candidate's score is the idf-weighted mean over the question's tokens of the best cosine with
one of the paragraph's tokens (idf of the token id over the index's paragraphs). On SQuAD v1.1 dev
and PolicyQA this re-scoring feature adds 2 points P@1 and 2 points MRR@10 (docs/quality.md).

Files of a generation (not written with `token_vectors = false`; such an index re-scores
without this feature):
    tokens.i8        int8 rows, TOKEN_DIM wide, every paragraph's tokens in paragraph order
    tokens.pos       int64, paragraphs + 1 offsets: paragraph p owns rows pos[p]:pos[p+1]
    tokens.ids       int32 token ids of those rows (for idf, and to carry rows to a later build)
    tokens.meta.npz  the projection (mean, axes, how many tokens it was fitted on) and the
                     document frequency of every token id
"""

from __future__ import annotations

import zipfile
import zlib

from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from rag.index.flatfile import map_rows
from rag.embedding.base import TokenOutput

TOKEN_DIM = 64
MIN_FIT_TOKENS = 20_000  # a projection fitted on fewer is refitted (and every paragraph re-encoded) by the next build
FIT_SAMPLE = 50_000  # tokens the principal axes are computed from
TOKENS_FILE, TOKEN_POS, TOKEN_IDS, TOKEN_META = "tokens.i8", "tokens.pos", "tokens.ids", "tokens.meta.npz"
TOKEN_FILES = (TOKENS_FILE, TOKEN_POS, TOKEN_IDS, TOKEN_META)
SCALE = 127.0


@dataclass
class Projection:
    """Principal axes of the token embeddings: rows = unit((v - mean) @ axes.T)."""

    mean: np.ndarray  # (dim,)
    axes: np.ndarray  # (k, dim)
    fitted_on: int  # tokens the axes were computed from

    @classmethod
    def fit(cls, vectors: np.ndarray, k: int = TOKEN_DIM, owned: bool = False) -> Projection:
        """The top-k principal axes of `vectors` (a deterministic sample of FIT_SAMPLE rows at most);
        `owned`: the caller hands `vectors` over (they are centred in place, not copied)."""
        vectors = np.asarray(vectors, dtype=np.float32)
        if len(vectors) > FIT_SAMPLE:
            vectors = vectors[np.random.default_rng(0).choice(len(vectors), FIT_SAMPLE, replace=False)]
            owned = True
        n, dim = vectors.shape
        mean = vectors.mean(axis=0, dtype=np.float64)
        centred = vectors if owned else vectors.copy()
        centred -= mean.astype(np.float32)
        values, vecs = np.linalg.eigh((centred.T @ centred).astype(np.float64))  # covariance: dim x dim
        order = np.argsort(-values)[:min(k, n)]
        axes = np.zeros((k, dim), dtype=np.float32)
        axes[:len(order)] = vecs[:, order].T
        return cls(mean.astype(np.float32), axes, int(n))

    @classmethod
    def fit_tokens(cls, outputs: list[TokenOutput], dim: int, k: int = TOKEN_DIM) -> Projection:
        """`fit` of the non-special token rows of `outputs` stacked in order, without stacking
        more than the sample it draws (the same rows in the same order: the same axes)."""
        keep = [np.flatnonzero(~t.special) for t in outputs]
        sizes = np.array([len(x) for x in keep], dtype=np.int64)
        total = int(sizes.sum())
        if total <= FIT_SAMPLE:
            rows = [t.vectors[x] for t, x in zip(outputs, keep)]
            return cls.fit(np.concatenate(rows) if rows else np.zeros((1, dim), np.float32), k, owned=True)
        chosen = np.random.default_rng(0).choice(total, FIT_SAMPLE, replace=False)
        starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        owner = np.searchsorted(starts, chosen, side="right") - 1
        sample = np.empty((FIT_SAMPLE, outputs[0].vectors.shape[1]), dtype=np.float32)
        for part in np.unique(owner):
            at = np.flatnonzero(owner == part)
            sample[at] = outputs[part].vectors[keep[part][chosen[at] - starts[part]]]
        return cls.fit(sample, k, owned=True)

    def rows(self, vectors: np.ndarray) -> np.ndarray:
        """Projected, unit-length float32 rows."""
        x = (np.asarray(vectors, dtype=np.float32) - self.mean) @ self.axes.T
        norms = np.linalg.norm(x, axis=1, keepdims=True)
        return x / np.where(norms > 0, norms, 1.0)

    def quantised(self, vectors: np.ndarray) -> np.ndarray:
        return np.clip(np.rint(self.rows(vectors) * SCALE), -127, 127).astype(np.int8)


@dataclass
class ParagraphTokens:
    """One paragraph's stored token rows (non-special tokens only)."""

    ids: np.ndarray  # int32 (n,)
    rows: np.ndarray  # int8 (n, TOKEN_DIM)


def paragraph_tokens(tokens: TokenOutput, projection: Projection) -> ParagraphTokens:
    keep = ~tokens.special
    if not keep.any():
        return ParagraphTokens(np.zeros(0, np.int32), np.zeros((0, projection.axes.shape[0]), np.int8))
    return ParagraphTokens(tokens.ids[keep].astype(np.int32), projection.quantised(tokens.vectors[keep]))


def sentence_spans(text: str, sentences: list[str]) -> list[tuple[int, int]]:
    """Each sentence's [start, end) in `text` (sentences are substrings, in order)."""
    spans, pos = [], 0
    for s in sentences:
        a = text.find(s, pos)
        a = pos if a < 0 else a
        spans.append((a, a + len(s)))
        pos = a + len(s)
    return spans


def late_sentence_vectors(text: str, sentences: list[str], tokens: TokenOutput) -> list[np.ndarray | None]:
    """Each sentence's mean token embedding from the paragraph's pass (unnormalised), or None
    where the pass did not reach the sentence's end (truncated at the model's length)."""
    keep = ~tokens.special
    starts, ends = tokens.offsets[:, 0], tokens.offsets[:, 1]
    reached = int(ends[keep].max()) if keep.any() else 0
    if not _has_word(text[reached:]):
        reached = len(text)  # nothing was cut off (what is left is spaces or dropped characters)
    out: list[np.ndarray | None] = []
    for a, b in sentence_spans(text, sentences):
        inside = keep & (starts >= a) & (ends <= b) & (ends > starts)
        if not inside.any() or (b > reached and _has_word(text[reached:b])):
            out.append(None)
        else:
            out.append(tokens.vectors[inside].mean(axis=0))
    return out


def _has_word(s: str) -> bool:
    return any(c.isalnum() for c in s)


def write_token_files(folder: Path, paragraphs: list[ParagraphTokens], projection: Projection,
                      vocabulary: int) -> dict[str, int]:
    """The four files of the module docstring; returns the manifest's record."""
    k = projection.axes.shape[0]
    counts = np.array([len(p.ids) for p in paragraphs], dtype=np.int64)
    pos = np.zeros(len(paragraphs) + 1, dtype=np.int64)
    np.cumsum(counts, out=pos[1:])
    with open(folder / TOKENS_FILE, "wb") as fh:
        for p in paragraphs:
            fh.write(np.ascontiguousarray(p.rows, dtype=np.int8).reshape(-1, k).tobytes())
    with open(folder / TOKEN_IDS, "wb") as fh:
        for p in paragraphs:
            fh.write(np.ascontiguousarray(p.ids, dtype="<i4").tobytes())
    pos.astype("<i8").tofile(folder / TOKEN_POS)
    df = np.zeros(vocabulary, dtype=np.int64)
    for p in paragraphs:
        df[np.unique(p.ids)] += 1
    write_token_meta(folder, projection, df, len(paragraphs))
    return {"dim": int(k), "tokens": int(pos[-1]), "fitted_on": int(projection.fitted_on)}


def write_token_meta(folder: Path, projection: Projection, df: np.ndarray, paragraphs: int) -> None:
    """tokens.meta.npz: the projection and the document frequency of every token id (`df[id]`)."""
    ids = np.flatnonzero(df).astype(np.int32)
    with open(folder / TOKEN_META, "wb") as fh:
        np.savez(fh, mean=projection.mean, axes=projection.axes, fitted_on=np.int64(projection.fitted_on),
                 df_ids=ids, df_counts=df[ids].astype(np.int32), paragraphs=np.int64(paragraphs))


def _mapped(path: Path, dtype: Any, count: int) -> np.ndarray:
    """The first `count` items of a file, memory-mapped for reads at random places: a question
    reads its 50 candidates' rows (rag.index.flatfile.map_rows)."""
    if count == 0:
        return np.zeros(0, dtype)
    with open(path, "rb") as fh:
        return np.frombuffer(map_rows(fh, count * np.dtype(dtype).itemsize, populate_up_to=0), dtype=dtype,
                             count=count)


class TokenStore:
    """A generation's token files, memory-mapped; `maxsim` scores candidates for a question."""

    def __init__(self, folder: Path, paragraphs: int) -> None:
        try:
            with np.load(folder / TOKEN_META) as meta:
                self.projection = Projection(meta["mean"], meta["axes"], int(meta["fitted_on"]))
                self._df_ids, self._df_counts = meta["df_ids"], meta["df_counts"]
                self.paragraphs = int(meta["paragraphs"])
        except (zipfile.BadZipFile, zlib.error, EOFError, KeyError) as exc:  # a damaged archive
            raise ValueError(f"{folder / TOKEN_META}: damaged ({type(exc).__name__})") from exc
        if self.paragraphs != paragraphs:
            raise ValueError(f"{folder / TOKEN_META}: {self.paragraphs} paragraphs, the index has {paragraphs}")
        self.pos = np.fromfile(folder / TOKEN_POS, dtype="<i8")
        k = self.projection.axes.shape[0]
        total = int(self.pos[-1]) if len(self.pos) else 0
        if len(self.pos) != paragraphs + 1 or (folder / TOKENS_FILE).stat().st_size != total * k:
            raise ValueError(f"{folder / TOKENS_FILE}: size does not match {TOKEN_POS}")
        if len(self.pos) and (self.pos[0] != 0 or bool((np.diff(self.pos) < 0).any())):
            raise ValueError(f"{folder / TOKEN_POS}: offsets out of order (damaged)")
        self.rows = _mapped(folder / TOKENS_FILE, np.int8, total * k).reshape(total, k)
        self.ids = _mapped(folder / TOKEN_IDS, np.dtype("<i4"), total)

    def idf(self, ids: np.ndarray) -> np.ndarray:
        """BM25's idf of each token id over the index's paragraphs."""
        at = np.searchsorted(self._df_ids, ids)
        hit = (at < len(self._df_ids)) & (self._df_ids[np.minimum(at, len(self._df_ids) - 1)] == ids)
        df = np.where(hit, self._df_counts[np.minimum(at, len(self._df_counts) - 1)], 0).astype(np.float64)
        return np.log(1.0 + (self.paragraphs - df + 0.5) / (df + 0.5))

    def of_paragraph(self, pid: int) -> ParagraphTokens:
        a, b = int(self.pos[pid]), int(self.pos[pid + 1])
        return ParagraphTokens(np.array(self.ids[a:b], dtype=np.int32), np.array(self.rows[a:b]))

    def prepare(self, query: TokenOutput | None) -> QueryTokens | None:
        """A question's tokens as `maxsim` reads them: projected rows and idf weights."""
        if query is None or query.vectors is None:
            return None
        keep = ~query.special
        if not keep.any():
            return None
        return QueryTokens(self.projection.rows(query.vectors[keep]), self.idf(query.ids[keep]))

    def rows_of(self, pids: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The rows that hold `pids`' tokens, and where each paragraph's start and end in them."""
        return self.rows, self.pos[pids], self.pos[pids + 1]

    def maxsim(self, query: QueryTokens | None, pids: np.ndarray) -> np.ndarray:
        """For each paragraph of `pids`: the idf-weighted mean over the question's tokens of its
        best cosine with one of the paragraph's tokens (0 for a paragraph without tokens)."""
        out = np.zeros(len(pids), dtype=np.float64)
        if query is None or len(pids) == 0:
            return out
        pids = np.asarray(pids, dtype=np.int64)
        rows, starts, ends = self.rows_of(pids)
        lengths = ends - starts
        nonempty = lengths > 0
        if not nonempty.any():
            return out
        lengths, starts = lengths[nonempty], starts[nonempty]
        seg = np.zeros(len(lengths), dtype=np.int64)
        np.cumsum(lengths[:-1], out=seg[1:])
        take = np.arange(int(lengths.sum()), dtype=np.int64) + np.repeat(starts - seg, lengths)
        sims = rows[take].astype(np.float32) @ (query.rows.T / SCALE)  # (candidate tokens, question tokens)
        best = np.maximum.reduceat(sims, seg, axis=0)  # (candidates, question tokens)
        out[nonempty] = best @ query.weights / max(float(query.weights.sum()), 1e-9)
        return out


class QueryTokens(NamedTuple):
    rows: np.ndarray  # float32 (n, TOKEN_DIM): the question's non-special tokens, projected, unit length
    weights: np.ndarray  # float64 (n,): their idf


def open_tokens(gen: Path, paragraphs: int, record: dict | None) -> TokenStore | None:
    """The generation's TokenStore, or None where it has no token files."""
    if not record or not (gen / TOKEN_META).exists():
        return None
    return TokenStore(gen, paragraphs)
