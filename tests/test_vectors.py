"""rag/vectors.py: index type by size, FAISS results against numpy brute force, recall, reconstruct."""

from __future__ import annotations

import json

import faiss
import numpy as np
import pytest

from rag.index import vectors as V
from rag.index.build import build_index
from rag.index.store import open_index


def clustered(n: int, dim: int = 32, centres: int = 50, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    c = rng.standard_normal((centres, dim)).astype(np.float32)
    x = c[rng.integers(0, centres, n)] + rng.standard_normal((n, dim)).astype(np.float32) * 0.5
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def test_choose_kind_by_size() -> None:
    assert V.choose_kind(1_000) == "flat"
    assert V.choose_kind(V.FLAT_MAX) == "hnsw"
    assert V.choose_kind(V.HNSW_FLAT_MAX - 1) == "hnsw"
    assert V.choose_kind(1_000_000) == "ivf-sq8"


def test_sentence_search_type_by_size() -> None:
    assert V.choose_sentence_kind(1_000) == "flat"
    assert V.choose_sentence_kind(V.SENTENCE_PQ_FROM - 1) == "ivf-sq8"
    assert V.choose_sentence_kind(V.SENTENCE_PQ_FROM) == "ivf-pq"


def test_ivf_pq_is_small_and_re_scored_from_the_exact_rows(tmp_path) -> None:
    """The sentence search's compact type: a fraction of the rows' bytes, exact cosines for what it
    returns, and the recorded recall again after a reload."""
    x = clustered(12_000, dim=96)
    index, info = V.build_vectors(x, "ivf-pq")
    assert info.kind == "ivf-pq" and info.recall_at_10 >= V.TARGET_RECALL
    assert info.params["pq_bytes"] == 48 and info.params["refine"] == V.REFINE_FACTOR
    path = tmp_path / "s.faiss"
    faiss.write_index(index, str(path))
    assert path.stat().st_size < x.nbytes / 4
    raw = faiss.read_index(str(path))
    V.set_search_params(raw, "ivf-pq", info.params)
    loaded = V.searcher(raw, "ivf-pq", x)
    q = V.probe_queries(x, 200, seed=0)
    assert V.recall_at_k(loaded, q, V.exact_top_k(x, q, 10), x) == pytest.approx(info.recall_at_10, abs=1e-4)
    scores, ids = loaded.search(q[:5], 10)
    assert (ids >= 0).all() and (np.diff(scores, axis=1) <= 0).all()
    assert np.allclose(scores, np.einsum("qd,qkd->qk", q[:5], x[ids]), atol=1e-5)


def test_flat_top_k_equals_numpy_brute_force() -> None:
    x = np.random.default_rng(1).standard_normal((2_000, 48)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    q = V.probe_queries(x, 50, seed=3)
    index, info = V.build_vectors(x)
    assert info.kind == "flat" and info.recall_at_10 == 1.0
    scores, ids = index.search(q, 10)
    sims = q @ x.T
    expected = np.argsort(-sims, axis=1, kind="stable")[:, :10]
    assert (ids == expected).all()
    assert np.allclose(scores, np.take_along_axis(sims, expected, axis=1), atol=1e-5)
    assert (V.exact_top_k(x, q, 10, block=333) == expected).all()


@pytest.mark.parametrize("kind", ["hnsw", "hnsw-sq8", "ivf-sq8"])
def test_approximate_index_reaches_target_recall_and_reconstructs(kind: str, tmp_path) -> None:
    x = clustered(4_000)
    index, info = V.build_vectors(x, kind)
    assert info.kind == kind
    assert info.recall_at_10 >= V.TARGET_RECALL
    # the recorded recall is what a reloaded index with the recorded knob gives
    faiss.write_index(index, str(tmp_path / "v.faiss"))
    loaded = faiss.read_index(str(tmp_path / "v.faiss"))
    V.set_search_params(loaded, kind, info.params)
    q = V.probe_queries(x, 200, seed=0)
    assert V.recall_at_k(loaded, q, V.exact_top_k(x, q, 10), x) == pytest.approx(info.recall_at_10, abs=1e-4)
    ids = np.array([0, 17, 3_999], dtype=np.int64)
    rows = loaded.reconstruct_batch(ids)
    assert np.abs(rows - x[ids]).max() < (1e-6 if kind == "hnsw" else 0.02)


def test_auto_falls_back_to_a_more_exact_type_when_recall_is_missed(monkeypatch) -> None:
    monkeypatch.setattr(V, "FLAT_MAX", 100)
    x = clustered(1_500)
    index, info = V.build_vectors(x, target_recall=1.01)  # unreachable for an approximate index
    assert info.kind == "flat"
    assert [r["kind"] for r in info.rejected] == ["hnsw"]
    assert info.rejected[0]["recall_at_10"] < 1.01


def test_build_records_vector_index_in_manifest_and_search_uses_it(fake_settings, seed_dir) -> None:
    build_index(fake_settings, [seed_dir])
    index = open_index(fake_settings)
    try:
        assert index.manifest["vector_index"] == "flat"
        assert index.manifest["vectors"]["recall_at_10"] == 1.0
        assert index.manifest["embedding"]["query_encoder"] == {"kind": "hash"}
        json.dumps(index.manifest)
    finally:
        index.close()


@pytest.mark.parametrize("kind", ["hnsw", "ivf-pq"])
def test_big_sentence_sets_get_an_ann_search_index(kind: str, tmp_path, fake_settings, monkeypatch) -> None:
    """Sentence candidates come from an ANN index where the sentences are too many to scan (the
    same size policy as paragraphs up to SENTENCE_PQ_FROM sentences, then ivf-pq); scores still read
    the exact flat rows, results match flat, and the extra file is checked like the others."""
    import dataclasses

    from rag.errors import IndexCorrupt
    from rag.search.retriever import Retriever
    from rag.embedding.embedders import get_embedder
    from rag.index.store import SENTENCE_SEARCH, current_generation
    from tests.corpus import write_corpus

    folder = tmp_path / "docs"
    write_corpus(folder, 12 if kind == "hnsw" else 250)  # product quantisation trains on >= 256 rows
    flat = dataclasses.replace(fake_settings, index_dir=tmp_path / "flat", vector_index="flat")
    if kind == "ivf-pq":  # what `auto` picks for a big sentence set, on this small one
        monkeypatch.setattr(V, "SENTENCE_PQ_FROM", 500)
    ann = dataclasses.replace(fake_settings, index_dir=tmp_path / "ann", vector_index="hnsw" if kind == "hnsw" else "auto")
    build_index(flat, [folder])
    build_index(ann, [folder])
    assert not (current_generation(flat.index_path) / SENTENCE_SEARCH).exists()
    gen = current_generation(ann.index_path)
    embedder = get_embedder(fake_settings.model)
    a, f = open_index(ann), open_index(flat)
    try:
        assert a.manifest["sentence_search"]["kind"] == kind
        assert a.manifest["vector_index"] == ("hnsw" if kind == "hnsw" else "flat")
        assert a.manifest["sentence_search"]["recall_at_10"] >= 0.98
        assert "sentence_search" not in f.manifest
        for q in ("migration policy of the member states", "annual report on the budget"):
            hits_a = [h.pid for h in Retriever(a, embedder, ann).search(q, k=5).hits]
            hits_f = [h.pid for h in Retriever(f, embedder, flat).search(q, k=5).hits]
            assert hits_a == hits_f
    finally:
        a.close()
        f.close()
    from typer.testing import CliRunner

    from rag.cli import app

    shown = CliRunner().invoke(app, ["index", "status", "--index-dir", str(ann.index_dir)])
    assert f"Sentences   searched with {kind} (" in shown.stdout and "recall@10" in shown.stdout, shown.output
    path = gen / SENTENCE_SEARCH
    path.write_bytes(path.read_bytes()[:-100])
    with pytest.raises(IndexCorrupt, match="sentences.search.faiss"):
        open_index(ann)
