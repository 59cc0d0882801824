"""Flat FAISS files read without FAISS (rag.index.flatfile): same rows, same search results as FAISS."""

from __future__ import annotations

import faiss
import numpy as np
import pytest

from rag.index.flatfile import FlatVectors, map_flat


def write_flat(path, rows: np.ndarray, metric: int = faiss.METRIC_INNER_PRODUCT) -> None:
    index = faiss.IndexFlat(rows.shape[1], metric)
    index.add(np.ascontiguousarray(rows, dtype=np.float32))
    faiss.write_index(index, str(path))


def unit_rows(rng: np.random.Generator, n: int, d: int, distinct: int | None = None) -> np.ndarray:
    """Normalised rows; with `distinct`, drawn from that many different rows (exact duplicates)."""
    base = rng.standard_normal((distinct or n, d)).astype(np.float32)
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    return base[rng.integers(0, len(base), n)] if distinct else base


def test_mapped_rows_are_the_rows_faiss_stored(tmp_path) -> None:
    rows = unit_rows(np.random.default_rng(0), 300, 24)
    write_flat(tmp_path / "v.faiss", rows)
    mapped = map_flat(tmp_path / "v.faiss")
    assert isinstance(mapped, FlatVectors) and (mapped.ntotal, mapped.d) == (300, 24)
    assert np.array_equal(mapped.rows, rows)
    ids = np.array([5, 0, 299, 5])
    assert np.array_equal(mapped.reconstruct_batch(ids), rows[ids])
    assert np.array_equal(mapped.reconstruct_n(10, 7), rows[10:17])


@pytest.mark.parametrize("distinct", [None, 40, 7])
def test_search_returns_what_faiss_returns_ties_included(tmp_path, distinct) -> None:
    """With many identical rows the k-th score is often tied; the set must still be FAISS's."""
    rng = np.random.default_rng(1)
    rows = unit_rows(rng, 2000, 32, distinct)
    write_flat(tmp_path / "v.faiss", rows)
    mapped = map_flat(tmp_path / "v.faiss")
    scanned = map_flat(tmp_path / "v.faiss")
    scanned.quick_start()
    reference = faiss.read_index(str(tmp_path / "v.faiss"))
    for k in (1, 10, 100, 1999, 2000, 2500):
        queries = unit_rows(rng, 5, 32)
        want_d, want_i = reference.search(queries, k)
        for index in (scanned, mapped):
            got_d, got_i = index.search(queries, k)
            assert got_i.shape == (5, k)
            for w, g in zip(want_i, got_i):
                assert set(w.tolist()) == set(g.tolist())
            np.testing.assert_allclose(np.sort(got_d, axis=1), np.sort(want_d, axis=1), atol=1e-5)
    assert scanned._faiss is not None or distinct is None  # ties were handed to FAISS


def test_files_that_are_not_flat_inner_product_are_left_to_faiss(tmp_path) -> None:
    rows = unit_rows(np.random.default_rng(2), 200, 16)
    write_flat(tmp_path / "l2.faiss", rows, faiss.METRIC_L2)
    hnsw = faiss.IndexHNSWFlat(16, 8, faiss.METRIC_INNER_PRODUCT)
    hnsw.add(rows)
    faiss.write_index(hnsw, str(tmp_path / "hnsw.faiss"))
    write_flat(tmp_path / "cut.faiss", rows)
    data = (tmp_path / "cut.faiss").read_bytes()
    (tmp_path / "cut.faiss").write_bytes(data[:-4])
    (tmp_path / "tiny.faiss").write_bytes(data[:20])
    for name in ("l2.faiss", "hnsw.faiss", "cut.faiss", "tiny.faiss", "missing.faiss"):
        assert map_flat(tmp_path / name) is None, name


def test_an_empty_flat_file_maps_to_no_rows(tmp_path) -> None:
    write_flat(tmp_path / "empty.faiss", np.zeros((0, 8), dtype=np.float32))
    mapped = map_flat(tmp_path / "empty.faiss")
    assert mapped is not None and mapped.ntotal == 0 and mapped.d == 8
    dist, ids = mapped.search(np.ones((1, 8), dtype=np.float32), 3)
    assert ids.tolist() == [[-1, -1, -1]]
