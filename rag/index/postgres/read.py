"""A generation of the PostgreSQL store opened for questions: the parts of an OpenIndex
(rag.index.store) with the database behind them, so the retriever, the answerer, the CLI and
the server run unchanged.

    PgVectors    the paragraph vectors: top-k by pgvector (exact scan, or HNSW with the
                 ef_search the publish measured), stored vectors of the candidates
    PgSentences  the sentence vectors: the paragraphs of the best sentences, each candidate's best
                 sentence score computed in the database, one paragraph's sentences for quotes
    PgLexical    BM25 from the postings rows of the question's terms, scored in Python exactly as
                 rag.index.lexical does (same weights, same order of sums)
    PgTokens     token vectors of the re-scored candidates only (rag.index.token_vectors)
The row queries (documents, paragraphs, symbols, stored terms) go through
rag.index.postgres.connect.SqlConnection. The reader holds a shared advisory lock on its
generation while it is open, so a later build never drops a generation someone reads.
"""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from rag.config import Settings
from rag.errors import IndexCorrupt
from rag.index.flatfile import sorted_unique
from rag.index.lexical import (
    LENGTHS_DTYPE,
    WEIGHTS_KEPT,
    LexicalIndex,
    bm25_idf,
    bm25_weights,
)
from rag.index.postgres.connect import (
    READ_LOCK_SPACE,
    SqlConnection,
    connect,
    current,
    redact,
    register_vector,
    store_errors,
)
from rag.index.store import OpenIndex, check_compatible
from rag.index.token_vectors import Projection, TokenStore

LENGTHS_BLOB, TOKEN_META_BLOB = "postings.lengths", "tokens.meta.npz"


def _order(exact: bool) -> str:
    """ORDER BY of a top-k: an exact scan breaks ties by row as FAISS does; HNSW needs the
    distance alone to use its index."""
    return "v <#> %s, id" if exact else "v <#> %s"


class PgVectors:
    """Paragraph vectors in table `pvec` (id, v): the Index interface the query path uses."""

    def __init__(self, conn: SqlConnection, table: str, count: int, dim: int, exact: bool) -> None:
        self.conn, self.table, self.ntotal, self.d, self.exact = conn, table, count, dim, exact

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        queries = np.atleast_2d(np.asarray(queries, dtype=np.float32))
        dist = np.full((len(queries), k), -np.finfo(np.float32).max, dtype=np.float32)
        ids = np.full((len(queries), k), -1, dtype=np.int64)
        for qi, query in enumerate(queries):
            rows = self.conn.native(
                f"SELECT id, (v <#> %s) * -1 FROM {self.table} ORDER BY {_order(self.exact)} LIMIT %s",
                [query, query, k]).fetchall()
            if rows:
                ids[qi, :len(rows)] = [r[0] for r in rows]
                dist[qi, :len(rows)] = [r[1] for r in rows]
        return dist, ids

    def reconstruct_batch(self, ids: np.ndarray) -> np.ndarray:
        wanted = np.asarray(ids, dtype=np.int64)
        found = {int(i): v for i, v in self.conn.native(
            f"SELECT id, v FROM {self.table} WHERE id = ANY(%s)", [sorted_unique(wanted).tolist()])}
        if len(found) != len(sorted_unique(wanted)):
            raise IndexCorrupt(f"store {redact(self.conn.dsn)}: table {self.table} lacks rows the index refers to",
                               fix="run `rag index rebuild` with --store")
        out = np.zeros((len(wanted), self.d), dtype=np.float32)
        for row, pid in enumerate(wanted.tolist()):
            out[row] = found[pid].to_numpy()
        return out


class PgSentences:
    """Sentence vectors in table `svec` (id, para_id, v), in paragraph order."""

    index = None  # no flat file: quick start has nothing to switch

    def __init__(self, conn: SqlConnection, exact: bool) -> None:
        self.conn, self.exact = conn, exact

    def top_paragraphs(self, qvec: np.ndarray, k: int) -> np.ndarray:
        """Paragraph ids holding the k best-matching sentences of the whole index."""
        q = np.asarray(qvec, dtype=np.float32)
        rows = self.conn.native(f"SELECT para_id FROM svec ORDER BY {_order(self.exact)} LIMIT %s", [q, k])
        return sorted_unique(np.array([r[0] for r in rows], dtype=np.int64))

    def max_scores(self, qvec: np.ndarray, pids: np.ndarray) -> np.ndarray:
        """Per paragraph in `pids`: the best cosine of the query with one of its sentences."""
        pids = np.asarray(pids, dtype=np.int64)
        if len(pids) == 0:
            return np.zeros(0, dtype=np.float32)
        best = dict(self.conn.native(
            "SELECT para_id, max((v <#> %s) * -1) FROM svec WHERE para_id = ANY(%s) GROUP BY para_id",
            [np.asarray(qvec, dtype=np.float32), sorted_unique(pids).tolist()]).fetchall())
        return np.array([best.get(int(p), 0.0) for p in pids], dtype=np.float32)

    def of_paragraph(self, pid: int) -> np.ndarray:
        """The vectors of one paragraph's sentences, in order."""
        rows = [v.to_numpy() for (v,) in self.conn.native("SELECT v FROM svec WHERE para_id = %s ORDER BY id",
                                                           [int(pid)])]
        return np.array(rows, dtype=np.float32).reshape(len(rows), -1)


class PgLexical(LexicalIndex):
    """BM25 over the postings rows (term, df, ids int32, tfs uint16) of table `postings`;
    `scores`, `pair_scores` and `idf` are rag.index.lexical's own."""

    def __init__(self, conn: SqlConnection, size: int, k1: float, b: float, lengths: np.ndarray) -> None:
        self.conn, self.size, self.k1, self.b = conn, size, k1, b  # type: ignore[assignment]
        self._lengths = lengths
        self._norms: dict[bool, np.ndarray] = {}
        self._entry_cache: dict[str, tuple[np.ndarray, np.ndarray]] = {}  # term -> ids, weights
        self._kept = 0

    def check(self) -> str | None:
        if len(self._lengths) != self.size:
            return f"postings: {len(self._lengths)} lengths for {self.size} paragraphs"
        return None

    def _dfs(self, keys: list[str]) -> dict[str, int]:
        return dict(self.conn.native("SELECT term, df FROM postings WHERE term = ANY(%s)", [sorted(keys)]).fetchall())

    def postings(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        found = self._entries([term])
        return found[term] if term in found else (np.zeros(0, np.int32), np.zeros(0, np.float32))

    def _paragraph_lengths(self) -> np.ndarray:
        return self._lengths

    def _entries(self, keys: list[str]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """Each held term's paragraph ids and BM25 weights (kept for the next questions)."""
        missing = [k for k in keys if k not in self._entry_cache]
        if missing:
            rows = self.conn.native("SELECT term, ids, tfs FROM postings WHERE term = ANY(%s)", [missing]).fetchall()
            for term, ids_blob, tfs_blob in rows:
                ids = np.frombuffer(ids_blob, dtype="<i4")
                tfs = np.frombuffer(tfs_blob, dtype="<u2")
                idf = bm25_idf(np.array([len(ids)], dtype=np.int64), self.size)[0]
                if self._kept + len(ids) > WEIGHTS_KEPT:
                    self._entry_cache, self._kept = {}, 0
                self._entry_cache[term] = ids, bm25_weights(idf, tfs, self._norm(" " in term)[ids], self.k1)
                self._kept += len(ids)
        return {k: self._entry_cache[k] for k in keys if k in self._entry_cache}

    def _scores(self, tokens: list[str], allowed: np.ndarray | None) -> np.ndarray:
        out = np.zeros(self.size, dtype=np.float32)
        counts = Counter(tokens)
        found = self._entries(list(counts))
        for term in sorted(found):  # the folder store's order of sums: by term (rag.index.lexical)
            ids, weights = found[term]
            out[ids] += weights * counts[term]
        if allowed is not None:
            out[~allowed] = 0.0
        return out


class PgTokens(TokenStore):
    """Token vectors in table `tokens` (para_id, ids int32, rows int8), read for the candidates."""

    def __init__(self, conn: SqlConnection, meta: bytes, paragraphs: int) -> None:
        with np.load(io.BytesIO(meta)) as data:
            self.projection = Projection(data["mean"], data["axes"], int(data["fitted_on"]))
            self._df_ids, self._df_counts = data["df_ids"], data["df_counts"]
            self.paragraphs = int(data["paragraphs"])
        if self.paragraphs != paragraphs:
            raise ValueError(f"tokens: {self.paragraphs} paragraphs, the index has {paragraphs}")
        self.conn = conn
        self.k = self.projection.axes.shape[0]

    def _fetch(self, pids: list[int]) -> dict[int, tuple[bytes, bytes]]:
        return {int(p): (ids, rows) for p, ids, rows in self.conn.native(
            "SELECT para_id, ids, rows FROM tokens WHERE para_id = ANY(%s)", [pids])}

    def rows_of(self, pids: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The rows of `pids` gathered, and where each paragraph's rows start and end in them."""
        found = self._fetch(sorted_unique(pids).tolist())
        blocks = [np.frombuffer(found[int(p)][1], dtype=np.int8) if int(p) in found else np.zeros(0, np.int8)
                  for p in pids]
        lengths = np.array([len(b) // self.k for b in blocks], dtype=np.int64)
        ends = np.cumsum(lengths)
        rows = np.concatenate(blocks).reshape(-1, self.k) if blocks else np.zeros((0, self.k), np.int8)
        return rows, ends - lengths, ends

    def of_paragraph(self, pid: int):
        from rag.index.token_vectors import ParagraphTokens

        ids, rows = self._fetch([int(pid)]).get(int(pid), (b"", b""))
        return ParagraphTokens(np.frombuffer(ids, dtype="<i4").copy(),
                               np.frombuffer(rows, dtype=np.int8).reshape(-1, self.k).copy())


def _hold_current(raw: Any, index_name: str, dsn: str) -> tuple[str, str, dict[str, Any]]:
    """The live generation with a shared lock held on it (re-read after locking: a build may
    have switched and dropped it in between)."""
    for _ in range(5):
        schema, generation, manifest = current(raw, index_name, dsn)
        raw.execute("SELECT pg_advisory_lock_shared(%s, hashtext(%s))", (READ_LOCK_SPACE, schema))
        if current(raw, index_name, dsn)[0] == schema:
            return schema, generation, manifest
        raw.execute("SELECT pg_advisory_unlock_shared(%s, hashtext(%s))", (READ_LOCK_SPACE, schema))
    return schema, generation, manifest


def open_pg_index(settings: Settings) -> OpenIndex:
    """Open the live generation of index `settings.index_name` in the store `settings.store`."""
    dsn = settings.store
    raw = connect(dsn)
    try:
        return _open(raw, settings, dsn)
    except BaseException:
        raw.close()
        raise


def _attach(raw: Any, dsn: str, schema: str, ef_search: int) -> None:
    """Point a connection at a generation's schema, with the HNSW search knob."""
    raw.execute(f'SET search_path TO "{schema}", public')
    raw.execute(f"SET hnsw.ef_search = {int(ef_search)}")


def _reopen(dsn: str, schema: str, ef_search: int) -> Any:
    """A new connection to the same generation, its shared lock taken again."""
    raw = connect(dsn)
    register_vector(raw, dsn)
    with store_errors(dsn):
        raw.execute("SELECT pg_advisory_lock_shared(%s, hashtext(%s))", (READ_LOCK_SPACE, schema))
        _attach(raw, dsn, schema, ef_search)
    return raw


def _open(raw: Any, settings: Settings, dsn: str) -> OpenIndex:
    register_vector(raw, dsn)
    with store_errors(dsn):
        schema, generation, manifest = _hold_current(raw, settings.index_name, dsn)
        where = Path(f"{redact(dsn)}#{settings.index_name}/{generation}")
        check_compatible(manifest, settings, where)
        pg = manifest.get("postgres", {})
        ef_search = max(int(pg.get("ef_search", 40)), settings.candidates)
        _attach(raw, dsn, schema, ef_search)
        blobs = dict(raw.execute("SELECT name, data FROM blobs").fetchall())
    conn = SqlConnection(raw, dsn, reopen=lambda: _reopen(dsn, schema, ef_search))
    count, vectors = int(manifest["paragraphs"]), pg.get("vectors", {})
    lengths = np.frombuffer(blobs[LENGTHS_BLOB], dtype=LENGTHS_DTYPE)
    lexical = PgLexical(conn, count, float(manifest["settings"]["bm25_k1"]), float(manifest["settings"]["bm25_b"]),
                        lengths)
    sentences = PgSentences(conn, pg.get("sentences", {}).get("kind") != "hnsw") \
        if manifest.get("sentences") is not None else None
    tokens = PgTokens(conn, blobs[TOKEN_META_BLOB], count) if TOKEN_META_BLOB in blobs else None
    return OpenIndex(where, Path(generation), manifest, conn,  # type: ignore[arg-type]
                     PgVectors(conn, "pvec", count, int(manifest["dim"]), vectors.get("kind") != "hnsw"),
                     lexical, sentences, tokens)  # type: ignore[arg-type]
