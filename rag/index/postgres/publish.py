"""Publishing a generation into the PostgreSQL store, and the writers' lock around a build.

A build runs in the local index folder as always (rag.index.build); `writing` wraps it:
    1. the writers' advisory lock of the index (session level: a second writer waits, or stops
       with IndexLocked without --wait), so two builds never interleave;
    2. the store's live generation pulled into the local folder when that folder is behind
       (another machine published since), so the build starts from what readers see and
       nothing another writer added is lost;
    3. the build, in the folder;
    4. `publish`: in ONE transaction, a new schema `rag_g<n>` with the generation's rows,
       vectors, postings, token vectors and files, then `rag_current` switched to it; readers
       see the old generation or the new one, never part of one;
    5. the generations nobody reads any more dropped (a reader holds a shared lock on its own).
docs/postgres.md lists the tables.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from rag.config import Settings
from rag.errors import IndexLocked, IndexNotFound
from rag.index.postgres.connect import (
    LOCK_SPACE,
    PUBLIC_SCHEMA,
    PUBLISH_LOCK,
    READ_LOCK_SPACE,
    SqlConnection,
    connect,
    redact,
    register_vector,
    store_errors,
)
from rag.index.postgres.read import LENGTHS_BLOB, TOKEN_META_BLOB, PgVectors
from rag.index.store import (
    MANIFEST,
    SCHEMA,
    OpenIndex,
    current_generation,
    open_index,
    write_lock,
)
from rag.index.terms import TERMS_SCHEMA
from rag.index.vectors import (
    TARGET_RECALL,
    exact_top_k,
    probe_queries,
    recall_at_k,
)

ROW_TABLES = ("documents", "paragraphs", "symbols", "paragraph_terms")  # copied from store.sqlite as they are
QUERY_TABLES = ("pvec", "svec", "postings", "tokens")
BLOCK = 8192  # vectors read from the local generation at a time
FILE_CHUNK = 32 << 20  # bytes of a file per row of `files`
# pgvector's exact scan reads every row as a tuple: ~0.8 ms per 1000 rows of 384 dimensions here,
# 5-10x a flat FAISS scan, so HNSW takes over sooner than in the folder store (FLAT_MAX).
EXACT_MAX = 20_000
EF_STEPS = (40, 64, 100, 128, 200, 256, 400, 512, 800, 1000)
HNSW_M, HNSW_EF_CONSTRUCTION = 16, 64
QUERY_SCHEMA = """
CREATE TABLE pvec (id integer PRIMARY KEY, v vector({dim}) NOT NULL);
CREATE TABLE svec (id integer PRIMARY KEY, para_id integer NOT NULL, v vector({dim}) NOT NULL);
CREATE TABLE postings (term text NOT NULL, df integer NOT NULL, ids bytea NOT NULL, tfs bytea NOT NULL);
CREATE TABLE tokens (para_id integer PRIMARY KEY, ids bytea NOT NULL, rows bytea NOT NULL);
CREATE TABLE blobs (name text PRIMARY KEY, data bytea NOT NULL);
CREATE TABLE files (name text NOT NULL, part integer NOT NULL, data bytea NOT NULL, PRIMARY KEY (name, part));
"""


def _copy(conn: Any, sql: str, types: list[str] | None, rows: Any) -> None:
    with conn.cursor().copy(sql) as cp:
        if types:
            cp.set_types(types)
        for row in rows:
            cp.write_row(row)


def _copy_row_tables(conn: Any, local: OpenIndex) -> None:
    """documents, paragraphs, symbols and stored terms: the folder store's DDL (standard SQL that
    PostgreSQL takes as it is), then the rows, read by column name."""
    conn.execute(SCHEMA + TERMS_SCHEMA)
    for table in ROW_TABLES:
        columns = [r[1] for r in local.conn.execute(f"PRAGMA table_info({table})")]
        _copy(conn, f"COPY {table} ({', '.join(columns)}) FROM STDIN", None,
              (tuple(r) for r in local.conn.execute(f"SELECT {', '.join(columns)} FROM {table}")))


def _paragraph_rows(local: OpenIndex) -> np.ndarray:
    vectors = local.vectors
    rows = getattr(vectors, "rows", None)
    if rows is not None:
        return np.asarray(rows)
    return np.concatenate([vectors.reconstruct_n(s, min(BLOCK, vectors.ntotal - s))
                           for s in range(0, vectors.ntotal, BLOCK)] or [np.zeros((0, vectors.d), np.float32)])


def _vector_index(conn: Any, dsn: str, table: str, rows: np.ndarray) -> dict[str, Any]:
    """An HNSW index over `table` where it holds EXACT_MAX rows or more, its ef_search raised until
    recall@10 against exact search reaches TARGET_RECALL on probe queries (rag.index.vectors);
    below that an exact scan, like the folder store's flat file."""
    if len(rows) < EXACT_MAX:
        return {"kind": "exact", "recall_at_10": 1.0}
    started = time.monotonic()
    conn.execute("SET LOCAL maintenance_work_mem = '1GB'")
    conn.execute(f"CREATE INDEX {table}_hnsw ON {table} USING hnsw (v vector_ip_ops) "
                 f"WITH (m = {HNSW_M}, ef_construction = {HNSW_EF_CONSTRUCTION})")
    probes = probe_queries(rows)
    truth = exact_top_k(rows, probes, 10)
    searcher = PgVectors(SqlConnection(conn, dsn), table, len(rows), rows.shape[1], exact=False)
    recall = 0.0
    for ef in EF_STEPS:
        conn.execute(f"SET LOCAL hnsw.ef_search = {ef}")
        recall = recall_at_k(searcher, probes, truth, rows)
        if recall >= TARGET_RECALL:
            break
    else:  # no ef_search reaches the target: exact scans, as the folder store falls back to flat
        conn.execute(f"DROP INDEX {table}_hnsw")
        return {"kind": "exact", "recall_at_10": 1.0, "rejected": {"kind": "hnsw", "recall_at_10": round(recall, 4)}}
    return {"kind": "hnsw", "m": HNSW_M, "ef_construction": HNSW_EF_CONSTRUCTION, "ef_search": ef,
            "recall_at_10": round(recall, 4), "probe_queries": len(probes),
            "build_seconds": round(time.monotonic() - started, 2)}


def _copy_vectors(conn: Any, local: OpenIndex) -> tuple[np.ndarray, np.ndarray | None]:
    rows = _paragraph_rows(local)
    _copy(conn, "COPY pvec (id, v) FROM STDIN (FORMAT BINARY)", ["int4", "vector"],
          ((i, rows[i]) for i in range(len(rows))))
    sentences = local.sentences
    if sentences is None:
        return rows, None
    svecs, para_of = np.asarray(sentences.vectors), sentences.para_of
    _copy(conn, "COPY svec (id, para_id, v) FROM STDIN (FORMAT BINARY)", ["int4", "int4", "vector"],
          ((i, int(para_of[i]), svecs[i]) for i in range(len(svecs))))
    conn.execute("CREATE INDEX svec_para ON svec (para_id)")
    return rows, svecs


def _copy_postings(conn: Any, local: OpenIndex) -> None:
    lexical = local.lexical
    pos, ids, tfs = lexical.pos, lexical.ids, lexical.tfs

    def rows() -> Iterator[tuple[str, int, bytes, bytes]]:
        for term, tid in local.conn.execute("SELECT term, id FROM lexicon"):
            a, b = int(pos[tid]), int(pos[tid + 1])
            yield term, b - a, ids[a:b].tobytes(), tfs[a:b].tobytes()

    _copy(conn, "COPY postings (term, df, ids, tfs) FROM STDIN (FORMAT BINARY)", ["text", "int4", "bytea", "bytea"],
          rows())
    conn.execute("ALTER TABLE postings ADD PRIMARY KEY (term)")


def _copy_tokens(conn: Any, local: OpenIndex) -> None:
    tokens = local.tokens
    if tokens is None:
        return
    pos = tokens.pos
    _copy(conn, "COPY tokens (para_id, ids, rows) FROM STDIN (FORMAT BINARY)", ["int4", "bytea", "bytea"],
          ((p, tokens.ids[pos[p]:pos[p + 1]].tobytes(), tokens.rows[pos[p]:pos[p + 1]].tobytes())
           for p in range(len(pos) - 1)))


def _copy_files(conn: Any, gen: Path, with_files: bool) -> None:
    """Every file of the generation folder (what a writer elsewhere pulls; not `with_files`: none,
    as for a benchmark's scaled index), and the small ones a reader loads whole as blobs."""
    def chunks() -> Iterator[tuple[str, int, bytes]]:
        for path in sorted(p for p in gen.iterdir() if p.is_file()):
            with open(path, "rb") as fh:
                for part, data in enumerate(iter(lambda: fh.read(FILE_CHUNK), b"")):
                    yield path.name, part, data

    if with_files:
        _copy(conn, "COPY files (name, part, data) FROM STDIN (FORMAT BINARY)", ["text", "int4", "bytea"], chunks())
    blobs = [(name, (gen / name).read_bytes()) for name in (LENGTHS_BLOB, TOKEN_META_BLOB) if (gen / name).exists()]
    _copy(conn, "COPY blobs (name, data) FROM STDIN (FORMAT BINARY)", ["text", "bytea"], blobs)


def _write_generation(conn: Any, dsn: str, local: OpenIndex, with_files: bool) -> tuple[str, dict[str, Any]]:
    """The new schema filled (inside the caller's transaction); its name and manifest."""
    schema = f"rag_g{conn.execute('SELECT nextval(%s)', ('rag_generation_seq',)).fetchone()[0]}"
    conn.execute(f"CREATE SCHEMA {schema}")
    conn.execute(f"SET LOCAL search_path TO {schema}, public")
    conn.execute(QUERY_SCHEMA.format(dim=int(local.manifest["dim"])))
    _copy_row_tables(conn, local)
    rows, svecs = _copy_vectors(conn, local)
    _copy_postings(conn, local)
    _copy_tokens(conn, local)
    _copy_files(conn, local.generation, with_files)
    conn.execute(f"ANALYZE {', '.join(ROW_TABLES + QUERY_TABLES)}")  # the planner's statistics, before the probes
    info: dict[str, Any] = {"vectors": _vector_index(conn, dsn, "pvec", rows)}
    if svecs is not None:
        info["sentences"] = _vector_index(conn, dsn, "svec", svecs)
    info["ef_search"] = max([40] + [v.get("ef_search", 0) for v in info.values()])
    return schema, {**local.manifest, "postgres": info}


def publish(settings: Settings, name: str | None = None, with_files: bool = True, again: bool = False
            ) -> dict[str, Any]:
    """Copy the local folder's live generation into a new schema and make it the store's
    current generation of the index (`name`, by default the folder's index name), in one
    transaction (unless it is current there already and not `again`); then drop the generations
    nobody reads. Returns what was published."""
    dsn, name = settings.store, name or settings.index_name
    local = open_index(replace(settings, store=""))
    conn = connect(dsn)
    try:
        with store_errors(dsn):
            conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
            register_vector(conn, dsn)
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", (LOCK_SPACE, PUBLISH_LOCK))
                conn.execute(PUBLIC_SCHEMA)
                live = conn.execute("SELECT schema, generation FROM public.rag_current WHERE index_name = %s",
                                    (name,)).fetchone()
                if live is not None and live[1] == local.generation.name and not again:  # the build changed nothing
                    return {"store": redact(dsn), "schema": live[0], "generation": live[1], "unchanged": True}
                schema, manifest = _write_generation(conn, dsn, local, with_files)
                conn.execute("INSERT INTO public.rag_generations (schema, index_name, generation, manifest) "
                             "VALUES (%s, %s, %s, %s::jsonb)",
                             (schema, name, local.generation.name, _json(manifest)))
                conn.execute("INSERT INTO public.rag_current (index_name, schema, generation) VALUES (%s, %s, %s) "
                             "ON CONFLICT (index_name) DO UPDATE SET schema = EXCLUDED.schema, "
                             "generation = EXCLUDED.generation", (name, schema, local.generation.name))
            dropped = sweep(conn, name)
    finally:
        conn.close()
        local.close()
    return {"store": redact(dsn), "schema": schema, "generation": local.generation.name, "dropped": dropped,
            "postgres": manifest["postgres"]}


def _json(data: dict[str, Any]) -> str:
    import json

    return json.dumps(data)


def sweep(conn: Any, index_name: str) -> list[str]:
    """Drop the index's generations other than the current one that no reader holds open (each
    reader holds a shared lock on its generation; one held now is dropped by a later build)."""
    old = [r[0] for r in conn.execute(
        "SELECT g.schema FROM public.rag_generations g JOIN public.rag_current c ON c.index_name = g.index_name "
        "WHERE g.index_name = %s AND g.schema <> c.schema ORDER BY g.created", (index_name,))]
    dropped = []
    for schema in old:
        with conn.transaction():
            free = conn.execute("SELECT pg_try_advisory_xact_lock(%s, hashtext(%s))",
                                (READ_LOCK_SPACE, schema)).fetchone()[0]
            if free:
                conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
                conn.execute("DELETE FROM public.rag_generations WHERE schema = %s", (schema,))
                dropped.append(schema)
    return dropped


def _pull(conn: Any, settings: Settings) -> str | None:
    """The store's live generation written into the local folder and made live there, when the
    folder does not have it live already; its name, or None when nothing was pulled."""
    row = conn.execute("SELECT to_regclass('public.rag_current') IS NOT NULL").fetchone()
    found = row[0] and conn.execute("SELECT schema, generation FROM public.rag_current WHERE index_name = %s",
                                    (settings.index_name,)).fetchone()
    if not found:
        return None
    schema, generation = found
    try:
        if current_generation(settings.index_path).name == generation:
            return None
    except IndexNotFound:
        pass
    from rag.index.write import point_current, remove_path

    with write_lock(settings.index_path, wait=True):
        tmp = settings.index_path / f".tmp-pull-{generation}"
        remove_path(tmp)
        tmp.mkdir(parents=True)
        with ExitStack() as files:
            handles: dict[str, Any] = {}
            for name, data in conn.execute(f"SELECT name, data FROM {schema}.files ORDER BY name, part"):
                if name not in handles:
                    handles[name] = files.enter_context(open(tmp / name, "wb"))
                handles[name].write(data)
            for fh in handles.values():
                fh.flush()
                os.fsync(fh.fileno())
        if not (tmp / MANIFEST).exists():
            raise IndexNotFound(f"store {redact(settings.store)}: generation {generation} has no files to pull")
        remove_path(settings.index_path / generation)
        os.replace(tmp, settings.index_path / generation)
        point_current(settings.index_path, generation)
    return generation


@contextmanager
def writing(settings: Settings, wait: bool = False) -> Iterator[dict[str, Any]]:
    """Around a build of the index into its local folder: the writers' lock, the store's live
    generation pulled first, the result published after (`published` in the yielded dict)."""
    dsn = settings.store
    conn = connect(dsn)
    done: dict[str, Any] = {}
    try:
        with store_errors(dsn):
            key = (LOCK_SPACE, settings.index_name)
            if wait:
                conn.execute("SELECT pg_advisory_lock(%s, hashtext(%s))", key)
            elif not conn.execute("SELECT pg_try_advisory_lock(%s, hashtext(%s))", key).fetchone()[0]:
                raise IndexLocked(f"store {redact(dsn)}: another build is writing index {settings.index_name!r}",
                                  fix="wait for it, or pass --wait")
            done["pulled"] = _pull(conn, settings)
        yield done
        done["published"] = publish(settings)
    finally:
        conn.close()
