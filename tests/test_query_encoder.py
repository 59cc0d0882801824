"""The torch-free query path: ONNX encoder folders, backend choice, lazy imports of the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from rag.embedding import embedders as embed
from rag.errors import ModelError
from tests.conftest import DEMO_QUESTION, REPO

HEAVY = ("torch", "sentence_transformers", "transformers")


def imported_top_level(stderr: str) -> set[str]:
    """Top-level packages named in `python -X importtime` output."""
    return {line.split("|")[-1].strip().split(".")[0] for line in stderr.splitlines()
            if line.startswith("import time:")}


def run_cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **env, "PYTHONPATH": str(REPO)}  # keeps the caller's RAG_* (a test sets them)
    return subprocess.run([sys.executable, "-X", "importtime", "-m", "rag.cli", *args], cwd=REPO,
                          env=full_env, capture_output=True, text=True, timeout=300)


def test_choose_backend_follows_cpu_flags(monkeypatch) -> None:
    real = embed.importlib.util.find_spec
    monkeypatch.setattr(embed.importlib.util, "find_spec",
                        lambda name: object() if name in ("openvino", "onnxruntime") else real(name))
    assert embed.choose_backend("auto", {"avx512f", "avx512_bf16"}) == "openvino-bf16"
    assert embed.choose_backend("auto", {"amx_bf16"}) == "openvino-bf16"
    assert embed.choose_backend("auto", {"avx2"}) == "onnx-f32"  # openvino-f32 not in ACCEPTED
    assert embed.choose_backend("torch-f32", {"avx512_bf16"}) == "torch-f32"
    with pytest.raises(ModelError):
        embed.choose_backend("int4-magic")


def test_query_embedder_falls_back_when_the_encoder_folder_is_gone(tmp_path) -> None:
    record = {"kind": "onnx", "folder": str(tmp_path / "missing"), "fingerprint": "abc"}
    got = embed.query_embedder(record, "hash:64")
    assert isinstance(got, embed.HashEmbedder) and got.dim == 64


def test_help_and_ask_import_neither_torch_nor_heavy_libraries(fake_env, fake_settings, seed_dir) -> None:
    from rag.index.build import build_index

    build_index(fake_settings, [seed_dir])
    env = {**fake_env, "RAG_INDEX_DIR": str(fake_settings.index_dir)}
    helped = run_cli(["--help"], env)
    assert helped.returncode == 0 and "ask" in helped.stdout
    assert not imported_top_level(helped.stderr) & {"torch", "faiss", "onnxruntime", "numpy", "rich"}
    asked = run_cli(["ask", DEMO_QUESTION], env)
    assert asked.returncode == 0, asked.stderr[-400:]
    assert not imported_top_level(asked.stderr) & set(HEAVY)


@pytest.fixture(scope="module")
def real_encoder(tmp_path_factory):
    """The bundled model exported once into a temporary cache."""
    cache = tmp_path_factory.mktemp("rag-cache")
    old = os.environ.get("RAG_CACHE_DIR")
    os.environ["RAG_CACHE_DIR"] = str(cache)
    try:
        emb, record = embed.document_embedder("all-MiniLM-L6-v2", 16, "onnx-f32")
        yield emb, record, cache
    finally:
        if old is None:
            os.environ.pop("RAG_CACHE_DIR", None)
        else:
            os.environ["RAG_CACHE_DIR"] = old


@pytest.mark.slow
def test_onnx_query_vectors_match_sentence_transformers(real_encoder) -> None:
    emb, record, cache = real_encoder
    assert record["kind"] == "onnx" and Path(record["folder"]).parent == cache / "onnx"
    texts = [DEMO_QUESTION, "Peacekeeping budgets", "The Committee " * 200,
             (REPO / "seeds" / "A_59_377_excerpt.txt").read_text(encoding="utf-8")[:3000]]
    reference = embed.get_embedder("all-MiniLM-L6-v2", 16).encode_queries(texts)
    query_side = embed.query_embedder(record, "all-MiniLM-L6-v2")
    assert type(query_side).__name__ == "OnnxEncoder"
    cosines = (query_side.encode_queries(texts) * reference).sum(axis=1)
    assert cosines.min() >= 0.9999, cosines


@pytest.mark.slow
def test_rag_ask_on_a_real_model_index_never_imports_torch(real_encoder, tmp_path, seed_dir) -> None:
    from rag.config import load_settings
    from rag.index.build import build_index

    _, _, cache = real_encoder
    settings = load_settings(env={}, index_dir=tmp_path / "idx", seeds_dir=seed_dir)
    report = build_index(settings, [seed_dir])
    assert report.paragraphs >= 3
    env = {"RAG_INDEX_DIR": str(tmp_path / "idx"), "RAG_CACHE_DIR": str(cache)}
    asked = run_cli(["ask", DEMO_QUESTION], env)
    assert asked.returncode == 0, asked.stderr[-400:]
    printed = " ".join(asked.stdout.split())
    assert "A/59/377, para." in printed
    assert "IOM serves as secretariat" in printed
    assert not imported_top_level(asked.stderr) & set(HEAVY)
    assert "onnxruntime" in imported_top_level(asked.stderr)  # tokenizers: not for a plain ASCII question (rag.embedding.wordpiece)


@pytest.mark.slow
def test_a_pre_optimised_graph_with_inline_weights_is_rewritten(real_encoder, tmp_path) -> None:
    """A pre-optimised graph holding its weights inline (model.opt.onnx alone, parsed at every
    start) is rewritten with model.opt.data by the first query session, with the same vectors."""
    import shutil

    import onnxruntime as ort

    from rag.embedding.encoder import (
        OPTIMISED_DATA,
        OPTIMISED_FILE,
        optimised_is_current,
    )

    emb, record, _ = real_encoder
    folder = tmp_path / "enc"
    folder.mkdir()
    for name in ("model.onnx", "tokenizer.json", "encoder.json"):
        shutil.copy(Path(record["folder"]) / name, folder / name)
    opts = ort.SessionOptions()
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
    opts.optimized_model_filepath = str(folder / OPTIMISED_FILE)  # weights inline: one file
    ort.InferenceSession(str(folder / "model.onnx"), sess_options=opts, providers=["CPUExecutionProvider"])
    (folder / f"{OPTIMISED_FILE}.version").write_text(ort.__version__)
    assert not optimised_is_current(folder)
    query_side = embed.query_embedder({**record, "folder": str(folder)}, "all-MiniLM-L6-v2", quick_start=True)
    assert type(query_side).__name__ == "OnnxEncoder"
    assert optimised_is_current(folder) and (folder / OPTIMISED_DATA).stat().st_size > 50_000_000
    texts = [DEMO_QUESTION, "Peacekeeping budgets"]
    cosines = (query_side.encode_queries(texts) * emb.encode_queries(texts)).sum(axis=1)
    assert cosines.min() >= 0.9999, cosines


@pytest.mark.slow
def test_onnx_token_embeddings_match_sentence_transformers(real_encoder) -> None:
    """The token vectors the build keeps and the question's tokens the re-scoring reads come from
    the same graph as the vectors, and match sentence-transformers' token embeddings."""
    from rag.embedding.encoder import normalise

    emb, record, _ = real_encoder
    texts = [DEMO_QUESTION, (REPO / "seeds" / "A_59_377_excerpt.txt").read_text(encoding="utf-8")[:3000]]
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(embed.resolve_model("all-MiniLM-L6-v2"), device="cpu")
    reference = model.encode(texts, output_value="token_embeddings")
    vectors, tokens = emb.encode_with_tokens(texts)
    assert (vectors * emb.encode_documents(texts)).sum(axis=1).min() >= 0.9999
    for want, got in zip(reference, tokens):
        want = want.float().numpy()
        assert got.vectors.shape == want.shape and got.special[[0, -1]].all() and not got.special[1:-1].any()
        assert (normalise(want) * normalise(got.vectors)).sum(axis=1).min() >= 0.999
    quick = embed.query_embedder(record, "all-MiniLM-L6-v2", quick_start=True)
    vector, query_tokens = quick.encode_query(DEMO_QUESTION)  # plain ASCII: rag.embedding.wordpiece's ids
    assert query_tokens.ids.tolist() == tokens[0].ids.tolist()
    assert query_tokens.special.tolist() == tokens[0].special.tolist()
    assert float(vector @ vectors[0]) >= 0.9999
    assert (normalise(query_tokens.vectors) * normalise(tokens[0].vectors)).sum(axis=1).min() >= 0.999


@pytest.mark.slow
def test_openvino_streams_give_every_text_its_own_vector_in_order(real_encoder) -> None:
    """Batches run concurrently on OpenVINO's streams and come back out of order; each text must
    still get its own vector and token embeddings (checked against onnxruntime, text by text)."""
    pytest.importorskip("openvino")
    from rag.embedding.encoder import OnnxEncoder

    emb, record, _ = real_encoder
    seed = (REPO / "seeds" / "A_59_377_excerpt.txt").read_text(encoding="utf-8")
    texts = [seed[i * 97:i * 97 + 40 + 37 * (i % 11)] for i in range(40)] + [DEMO_QUESTION, "x"]
    streamed = OnnxEncoder(Path(record["folder"]), "all-MiniLM-L6-v2", runtime="openvino", precision="f32",
                           batch_size=4, threads=2)
    vectors, tokens = streamed.encode_with_tokens(texts)
    want_vectors, want_tokens = emb.encode_with_tokens(texts)
    assert (vectors * want_vectors).sum(axis=1).min() >= 0.9999
    for got, want in zip(tokens, want_tokens):
        assert got.ids.tolist() == want.ids.tolist()
        assert np.allclose(got.vectors, want.vectors, atol=2e-3)


@pytest.mark.slow
def test_the_export_has_no_nan_guards_and_a_folder_of_another_format_is_exported_again(real_encoder,
                                                                                      tmp_path) -> None:
    """The export has plain attention (no IsNaN/Where per layer: ~13% faster on OpenVINO). A
    folder of another format is not read: queries fall back to sentence-transformers and a
    build exports the current format beside it."""
    import json
    import shutil

    import onnx

    from rag.embedding.encoder import ENCODER_FORMAT, ONNX_FILE, SPEC, read_spec

    _, record, _ = real_encoder
    ops = [n.op_type for n in onnx.load(str(Path(record["folder"]) / ONNX_FILE)).graph.node]
    assert "IsNaN" not in ops
    other_cache = tmp_path / "cache"
    other = other_cache / "onnx" / Path(record["folder"]).name
    shutil.copytree(record["folder"], other)
    spec = json.loads((other / SPEC).read_text(encoding="utf-8"))
    (other / SPEC).write_text(json.dumps({**spec, "format": ENCODER_FORMAT - 1}), encoding="utf-8")
    with pytest.raises(ModelError):
        read_spec(other)
    saved = os.environ["RAG_CACHE_DIR"]
    os.environ["RAG_CACHE_DIR"] = str(other_cache)
    try:
        embed._onnx_query_encoder.cache_clear()
        query_side = embed.query_embedder({**record, "folder": str(other)}, "all-MiniLM-L6-v2")
        assert type(query_side).__name__ == "SentenceTransformerEmbedder"
        _, rebuilt = embed.document_embedder("all-MiniLM-L6-v2", 16, "onnx-f32")
        assert json.loads((Path(rebuilt["folder"]) / SPEC).read_text(encoding="utf-8"))["format"] == ENCODER_FORMAT
    finally:
        os.environ["RAG_CACHE_DIR"] = saved
        embed._onnx_query_encoder.cache_clear()
