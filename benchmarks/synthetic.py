"""Scale a real index up to N paragraphs for latency and memory benchmarks.

The result is a normal index folder (`open_index` reads it): paragraph i shows the text,
symbol and BM25 postings of real paragraph i mod B (B = size of the base index; tiling the
postings leaves every idf about the same because document frequencies scale with N), and its
vector is the real vector for i < B, else normalise(v[i mod B] + 0.5 v[j] + noise), j random,
so the vectors keep the base's neighbourhood structure without being duplicates. Each copy of
the base holds documents of its own, of the base's sizes. SQLite holds the B real rows once
plus an N-row (id -> base, document) table behind a `paragraphs` view.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

import numpy as np

from rag.index.lexical import (LEXICON_SCHEMA, POSTINGS_FILES, POSTINGS_IDS, POSTINGS_LENGTHS, POSTINGS_POS,
                               POSTINGS_TFS)
from rag.index.postings import Postings
from rag.index.sentences import SENTENCE_VECTORS, write_sentence_vectors
from rag.index.token_vectors import TOKEN_FILES, TOKEN_IDS, TOKEN_POS, TOKENS_FILE, TokenStore, write_token_meta
from rag.index.store import (DATABASE, MANIFEST, SENTENCE_SEARCH, VECTORS, current_generation, file_crc32,
                       read_manifest)

COLUMNS = "doc_id, ord, number, text, page, section, annex, running, footnotes, hash, part, part_of"


def base_vectors(base_index: Path) -> np.ndarray:
    import faiss

    index = faiss.read_index(str(current_generation(base_index) / VECTORS))
    return index.reconstruct_n(0, index.ntotal)


def scaled_vectors(base: np.ndarray, n: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    b, dim = base.shape
    out = np.empty((n, dim), dtype=np.float32)
    out[:min(n, b)] = base[:min(n, b)]
    for start in range(b, n, 100_000):
        stop = min(n, start + 100_000)
        rows = np.arange(start, stop)
        v = base[rows % b] + 0.5 * base[rng.integers(0, b, len(rows))]
        v += rng.standard_normal(v.shape).astype(np.float32) * (0.3 / np.sqrt(dim))
        out[start:stop] = v / np.linalg.norm(v, axis=1, keepdims=True)
    return out


def write_scaled_store(base_index: Path, n: int, path: Path) -> int:
    """SQLite for n paragraphs tiled from the base index, and the BM25 postings files beside it;
    returns the base size. Each copy of the base is a set of documents of its own (copy c of
    document d has id d + c x D, its symbols suffixed `~c`), so a document keeps the size it has
    in the base index, as the second ranking inside the best document expects."""
    src = current_generation(base_index) / DATABASE
    conn = sqlite3.connect(path)
    conn.execute(f"ATTACH DATABASE 'file:{src}?mode=ro' AS src")
    b = conn.execute("SELECT count(*) FROM src.paragraphs").fetchone()[0]
    d = 1 + (conn.execute("SELECT MAX(id) FROM src.documents").fetchone()[0] or 0)
    copies = -(-n // b)
    copy = f"(c.value * {d})"
    suffix = "CASE c.value WHEN 0 THEN '' ELSE '~' || c.value END"
    conn.executescript(f"""
        CREATE TABLE copies (value INTEGER PRIMARY KEY);
        WITH RECURSIVE k(v) AS (SELECT 0 UNION ALL SELECT v + 1 FROM k WHERE v + 1 < {copies})
            INSERT INTO copies SELECT v FROM k;
        CREATE TABLE documents (id INTEGER PRIMARY KEY, symbol TEXT NOT NULL, symbols TEXT, title TEXT,
            source TEXT, content_hash TEXT, pages INT, date TEXT, body TEXT, session TEXT, index_title INT, venue TEXT);
        INSERT INTO documents SELECT d.id + {copy} AS id, d.symbol || {suffix} AS symbol,
            d.symbols, d.title, d.source, d.content_hash, d.pages, d.date, d.body, d.session, d.index_title, d.venue
            FROM src.documents d, copies c;
        CREATE TABLE symbols AS SELECT s.symbol || {suffix} AS symbol, s.doc_id + {copy} AS doc_id
            FROM src.symbols s, copies c;
        CREATE INDEX symbols_symbol ON symbols(symbol);
        CREATE TABLE base_paragraphs (id INTEGER PRIMARY KEY, {COLUMNS});
        INSERT INTO base_paragraphs SELECT id, {COLUMNS} FROM src.paragraphs;
        CREATE TABLE tiles (id INTEGER PRIMARY KEY, base INTEGER NOT NULL, doc_id INTEGER NOT NULL);
        CREATE VIEW paragraphs AS SELECT t.id AS id, t.doc_id AS doc_id,
            {", ".join("b." + c.strip() for c in COLUMNS.split(",") if c.strip() != "doc_id")}
            FROM tiles t JOIN base_paragraphs b ON b.id = t.base;
        CREATE TABLE base_terms (id INTEGER PRIMARY KEY, terms TEXT NOT NULL);
        INSERT INTO base_terms SELECT id, terms FROM src.paragraph_terms;
        CREATE VIEW paragraph_terms AS SELECT t.id AS id, b.terms AS terms
            FROM tiles t JOIN base_terms b ON b.id = t.base;
        {LEXICON_SCHEMA}
        INSERT INTO lexicon SELECT term, id FROM src.lexicon;
    """)
    doc_of = dict(conn.execute("SELECT id, doc_id FROM base_paragraphs"))
    conn.executemany("INSERT INTO tiles VALUES (?, ?, ?)",
                     ((i, i % b, doc_of[i % b] + (i // b) * d) for i in range(n)))
    conn.execute("CREATE INDEX tiles_doc ON tiles(doc_id)")
    conn.commit()
    conn.execute("DETACH DATABASE src")
    conn.close()
    tile_postings(src.parent, b, n, path.parent)
    return b


def tile_postings(src: Path, b: int, n: int, folder: Path) -> None:
    """Postings of n paragraphs where paragraph i holds the terms of base paragraph i mod b: each
    term's entries repeated with ids shifted by b per copy (so every idf stays about the same)."""
    base = Postings.read(src)
    copies = -(-n // b)
    shifts = np.arange(copies, dtype=np.int64) * b
    pos = np.zeros(len(base.pos), dtype=np.int64)
    with open(folder / POSTINGS_IDS, "wb") as fi, open(folder / POSTINGS_TFS, "wb") as ft:
        for t in range(len(base.pos) - 1):
            lo, hi = base.pos[t], base.pos[t + 1]
            ids = (base.ids[lo:hi][None, :] + shifts[:, None]).ravel()
            keep = ids < n
            fi.write(ids[keep].astype("<i4").tobytes())
            ft.write(np.tile(base.tfs[lo:hi], copies)[keep].astype("<u2").tobytes())
            pos[t + 1] = pos[t] + int(keep.sum())
    pos.astype("<i8").tofile(folder / POSTINGS_POS)
    base.lengths[np.arange(n) % b].astype("<i4").tofile(folder / POSTINGS_LENGTHS)


def make_scaled_index(base_index: Path, n: int, out_dir: Path, kind: str = "auto",
                      vectors: np.ndarray | None = None) -> dict[str, Any]:
    """Write `out_dir/default` with n paragraphs (vectors: scaled_vectors(...)); returns its manifest."""
    import faiss

    from rag.index.vectors import build_vectors

    manifest = read_manifest(current_generation(base_index))
    target = out_dir / "default"
    shutil.rmtree(target, ignore_errors=True)
    gen = target / "gen-synthetic"
    gen.mkdir(parents=True)
    started = time.perf_counter()
    write_scaled_store(base_index, n, gen / DATABASE)
    store_s = time.perf_counter() - started
    vectors = scaled_vectors(base_vectors(base_index), n) if vectors is None else vectors
    index, info = build_vectors(vectors, kind)
    faiss.write_index(index, str(gen / VECTORS))
    for key in ("sizes", "crc32", "mtimes", "checksums", "sentence_search"):
        manifest.pop(key, None)
    if manifest.get("sentences") is not None:
        manifest.update(_scaled_sentences(base_index, n, gen, kind))
    if manifest.get("token_vectors"):
        manifest["token_vectors"] = _scaled_tokens(base_index, n, gen)
    manifest.update({"paragraphs": n, "vector_index": info.kind, "vectors": info.to_json(),
                     "synthetic": {"base": str(base_index), "store_seconds": round(store_s, 1)}})
    files = [f for f in (DATABASE, VECTORS, SENTENCE_VECTORS, SENTENCE_SEARCH, *TOKEN_FILES, *POSTINGS_FILES)
             if (gen / f).exists()]
    manifest["sizes"] = {f: (gen / f).stat().st_size for f in files}
    manifest["crc32"] = {f: file_crc32(gen / f) for f in files}
    manifest["mtimes"] = {f: (gen / f).stat().st_mtime_ns for f in files}
    (gen / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    (target / "CURRENT").write_text("gen-synthetic\n", encoding="utf-8")
    return manifest


def _scaled_sentences(base_index: Path, n: int, gen: Path, kind: str) -> dict[str, Any]:
    """Sentence rows and vectors for the n tiled paragraphs: paragraph i has the sentences of
    base paragraph i mod B, their vectors perturbed like the paragraph vectors beyond the base;
    with the product's ANN sentence index where the product would build one."""
    import dataclasses
    import faiss

    from rag.index.write import sentence_search_index
    from rag.config import load_settings

    src = current_generation(base_index)
    flat = faiss.read_index(str(src / SENTENCE_VECTORS))
    base_vecs = flat.reconstruct_n(0, flat.ntotal)
    conn = sqlite3.connect(src / DATABASE)
    rows = conn.execute("SELECT para_id, ord, hash FROM sentences ORDER BY id").fetchall()
    conn.close()
    b = 1 + max(r[0] for r in rows)
    by_para: list[list[int]] = [[] for _ in range(b)]
    for sid, (pid, _, _) in enumerate(rows):
        by_para[pid].append(sid)
    order = [sid for i in range(n) for sid in by_para[i % b]]
    para_of = [i for i in range(n) for _ in by_para[i % b]]
    vectors = base_vecs[order]
    tiled = np.flatnonzero(np.array(para_of) >= b)
    rng = np.random.default_rng(1)
    for start in range(0, len(tiled), 100_000):  # in chunks: 3M rows at once would need ~25 GB of temporaries
        chunk = tiled[start:start + 100_000]
        v = vectors[chunk] + 0.5 * base_vecs[rng.integers(0, len(base_vecs), len(chunk))]
        v += rng.standard_normal(v.shape, dtype=np.float32) * (0.3 / np.sqrt(v.shape[1]))
        vectors[chunk] = v / np.linalg.norm(v, axis=1, keepdims=True)
    write_sentence_vectors(gen / SENTENCE_VECTORS, vectors)
    db = sqlite3.connect(gen / DATABASE)
    db.executescript("CREATE TABLE sentences (id INTEGER PRIMARY KEY, para_id INTEGER NOT NULL, ord INTEGER NOT NULL, "
                     "hash TEXT NOT NULL); CREATE INDEX sentences_para ON sentences(para_id);")
    db.executemany("INSERT INTO sentences VALUES (?,?,?,?)",
                   ((new, para_of[new], rows[old][1], rows[old][2]) for new, old in enumerate(order)))
    db.commit()
    db.close()
    out: dict[str, Any] = {"sentences": len(order)}
    settings = dataclasses.replace(load_settings(env={}), vector_index=kind)
    search = sentence_search_index(vectors, settings)
    if search is not None:
        faiss.write_index(search[0], str(gen / SENTENCE_SEARCH))
        out["sentence_search"] = search[1].to_json()
    return out


def _scaled_tokens(base_index: Path, n: int, gen: Path) -> dict[str, Any]:
    """Token vectors for the n tiled paragraphs: paragraph i has the token rows of base paragraph
    i mod B (copied, not perturbed: the re-scoring reads them only for a question's best 50);
    document frequencies counted over the n paragraphs."""
    src = current_generation(base_index)
    b = int(read_manifest(src)["paragraphs"])
    store = TokenStore(src, b)
    pos = np.asarray(store.pos)
    lengths = np.diff(pos)
    tiled = lengths[np.arange(n) % b]
    new_pos = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(tiled, out=new_pos[1:])
    rows, ids = np.asarray(store.rows), np.asarray(store.ids)
    copies, rest = divmod(n, b)
    with open(gen / TOKENS_FILE, "wb") as fr, open(gen / TOKEN_IDS, "wb") as fi:
        for _ in range(copies):
            fr.write(rows.tobytes())
            fi.write(ids.astype("<i4").tobytes())
        fr.write(rows[:pos[rest]].tobytes())
        fi.write(ids[:pos[rest]].astype("<i4").tobytes())
    new_pos.astype("<i8").tofile(gen / TOKEN_POS)
    vocabulary = int(ids.max()) + 1 if len(ids) else 1
    per_copy = np.zeros(vocabulary, dtype=np.int64)
    partial = np.zeros(vocabulary, dtype=np.int64)
    for p in range(b):
        u = np.unique(ids[pos[p]:pos[p + 1]])
        per_copy[u] += 1
        if p < rest:
            partial[u] += 1
    write_token_meta(gen, store.projection, copies * per_copy + partial, n)
    return {"dim": int(rows.shape[1]), "tokens": int(new_pos[-1]), "fitted_on": int(store.projection.fitted_on)}
