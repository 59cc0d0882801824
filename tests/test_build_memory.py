"""A build's memory: vectors and token rows go to scratch files as they come (rag.index.scratch),
flat vector files are written a block at a time, and a build of several MB of text stays under a
resident-memory cap that a build holding every row in memory exceeds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import faiss
import numpy as np
import pytest

from rag.index.flatfile import map_flat, write_flat
from rag.index.scratch import READ_DROP_BYTES, AppendFile, Rows, VectorStore
from rag.index.vectors import build_vectors
from tests.conftest import FAKE_MODEL, rag_env


def _unit_rows(n: int, dim: int = 8, seed: int = 0) -> np.ndarray:
    x = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


@pytest.mark.parametrize("n", [0, 1, 37])
def test_write_flat_is_what_faiss_writes(tmp_path: Path, n: int) -> None:
    rows = _unit_rows(n)
    index = faiss.IndexFlatIP(8)
    index.add(rows)
    faiss.write_index(index, str(tmp_path / "faiss"))
    write_flat(tmp_path / "ours", 8, n, (rows[i:i + 10] for i in range(0, n, 10)))
    assert (tmp_path / "ours").read_bytes() == (tmp_path / "faiss").read_bytes()
    mapped = map_flat(tmp_path / "ours")
    assert mapped is not None and np.array_equal(mapped.rows, rows)


def test_write_flat_refuses_a_short_count(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="2 rows written, 3 expected"):
        write_flat(tmp_path / "f", 8, 3, [_unit_rows(2)])


def test_vector_store_gives_back_what_it_took(tmp_path: Path) -> None:
    rows = _unit_rows(5)
    store = VectorStore(tmp_path / "v.f32")
    store["a"], store["b"] = rows[0], rows[1]
    store.borrow("c", rows[2])
    store["a"] = rows[3]  # a key set again reads its last vector
    assert store.keys() == {"a", "b", "c"} and "c" in store and "d" not in store and len(store) == 3
    assert np.array_equal(store.gather(["c", "a", "b", "a"]), rows[[2, 3, 1, 3]])
    assert np.array_equal(store["b"], rows[1])
    out = Rows.write(tmp_path / "r.f32", store, iter(["b", "c"]))
    assert out.shape == (2, 8) and np.array_equal(out[[1, 0]], rows[[2, 1]]) and np.array_equal(out[1], rows[2])
    assert np.array_equal(np.concatenate(list(out.blocks(1))), rows[[1, 2]])
    store.close()
    out.close()


def test_reads_do_not_stay_resident(tmp_path: Path) -> None:
    """Rows read back are dropped from the process's memory (they stay page cache)."""
    n = 4 * READ_DROP_BYTES // (64 * 4)
    file = AppendFile(tmp_path / "rows", np.float32, 64)
    for start in range(0, n, 65_536):
        file.append(np.ones((min(65_536, n - start), 64), np.float32))
    total = 0.0
    for start in range(0, n, 8192):
        total += float(file.take(slice(start, start + 8192))[:, 0].sum())
    assert total == n
    assert _rss_file_mib() < 2 * READ_DROP_BYTES / 2**20  # 128 MiB read, at most one READ_DROP_BYTES mapped
    file.close()


def _rss_file_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("RssFile:"):
            return int(line.split()[1]) / 1024
    pytest.skip("no RssFile in /proc/self/status")


def test_build_vectors_from_scratch_rows_is_the_same_index(tmp_path: Path) -> None:
    rows = _unit_rows(3000, dim=16)
    store = VectorStore(tmp_path / "v.f32")
    for i, r in enumerate(rows):
        store[str(i)] = r
    scratch = Rows.write(tmp_path / "r.f32", store, (str(i) for i in range(len(rows))))
    for kind in ("flat", "ivf-sq8"):
        a, info_a = build_vectors(rows, kind)
        b, info_b = build_vectors(scratch, kind)
        assert info_a.params == info_b.params and info_a.recall_at_10 == info_b.recall_at_10
        assert faiss.serialize_index(a).tobytes() == faiss.serialize_index(b).tobytes()
    scratch.close()
    store.close()


# A build of BUILD_MB of generated text (~10,000 paragraphs, 40,000 sentences: flat vector files, no HNSW) with the
# hash embedder peaked at 608 MiB when every vector, sentence vector and token row stayed in memory
# until the write; written to scratch files as they come, 316 MiB. The address-space limit only
# keeps a regression from taking the machine down.
BUILD_MB = 3
CAP_MIB = 450
ADDRESS_LIMIT = 6 << 30


def _generate(folder: Path, mb: float) -> None:
    """UN-style numbered paragraphs of varied words, in files of 1 MB."""
    folder.mkdir()
    words = [f"w{i:03d}" for i in range(900)] + ["Committee", "resolution", "session", "report", "States"]
    rng = np.random.default_rng(0)
    for k in range(int(np.ceil(mb))):
        paragraphs, size, n = [f"A/80/{900 + k}"], 0, 0
        while size < min(1.0, mb - k) * 2**20:
            n += 1
            sentences = [" ".join(rng.choice(words, 15)) + "." for _ in range(4)]
            paragraphs.append(f"{n}. " + " ".join(s.capitalize() for s in sentences))
            size += len(paragraphs[-1]) + 2
        (folder / f"A_80_{900 + k}.txt").write_text("\n\n".join(paragraphs) + "\n")


# Runs the build as its only child and prints the child's peak RSS (KiB), under the address-space limit.
_MEASURE = """
import resource, subprocess, sys
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
done = subprocess.run([sys.executable, "-m", "rag", *sys.argv[2:]], stdout=subprocess.DEVNULL)
print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


@pytest.mark.slow
def test_a_build_of_several_mb_stays_under_the_memory_cap(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    _generate(texts, BUILD_MB)
    env = rag_env(RAG_INDEX_DIR=str(tmp_path / "indexes"), RAG_MODEL=FAKE_MODEL)
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(ADDRESS_LIMIT), "index", "build", str(texts),
                          "--index", "big"], env=env, capture_output=True, text=True, timeout=900, check=True)
    code, peak_kib = (int(x) for x in out.stdout.split())
    assert code == 0, out.stderr
    assert peak_kib / 1024 < CAP_MIB, f"peak RSS {peak_kib / 1024:.0f} MiB for {BUILD_MB} MB of text"


def test_projection_fitted_on_token_outputs_is_the_stacked_fit() -> None:
    """The projection drawn from the token outputs without stacking them is the one `fit` gives
    the stacked rows (more than the sample, so the draw is the same)."""
    from rag.embedding.base import TokenOutput
    from rag.index.token_vectors import FIT_SAMPLE, Projection

    rng = np.random.default_rng(5)
    outputs = []
    for n in rng.integers(0, 300, size=400):
        special = np.zeros(n, dtype=bool)
        special[[0, -1] if n else []] = True
        outputs.append(TokenOutput(np.zeros(n, np.int32), np.zeros((n, 2), np.int32), special,
                                   rng.standard_normal((n, 16)).astype(np.float32)))
    stacked = np.concatenate([t.vectors[~t.special] for t in outputs])
    assert len(stacked) > FIT_SAMPLE
    want, got = Projection.fit(stacked), Projection.fit_tokens(outputs, 16)
    assert np.array_equal(want.axes, got.axes) and np.array_equal(want.mean, got.mean)
    assert want.fitted_on == got.fitted_on


def test_a_flat_outcome_is_not_built_where_the_caller_keeps_none() -> None:
    rows = _unit_rows(500, dim=16)
    index, info = build_vectors(rows, "hnsw", target_recall=1.01, more_exact=True, build_flat=False)
    assert index is None and info.kind == "flat" and [r["kind"] for r in info.rejected] == ["hnsw"]
    index, info = build_vectors(rows, "hnsw", target_recall=1.01, more_exact=True)
    assert index is not None and index.ntotal == 500 and info.kind == "flat"
