"""Token vectors (rag.index.token_vectors): the projection, the late-interaction score against a plain
computation, late-chunked sentence spans, and what a build writes and carries over."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from rag.index.build import build_index
from rag.embedding.embedders import HashEmbedder
from rag.search.retriever import Retriever
from rag.index.store import open_index
from rag.index.token_vectors import (
    SCALE,
    TOKEN_FILES,
    ParagraphTokens,
    Projection,
    TokenStore,
    late_sentence_vectors,
    paragraph_tokens,
    write_token_files,
)
from rag.embedding.base import TokenOutput
from tests.corpus import write_corpus


def random_tokens(rng: np.random.Generator, n: int, dim: int = 32, special_ends: bool = True) -> TokenOutput:
    ids = rng.integers(5, 200, n).astype(np.int32)
    special = np.zeros(n, bool)
    if special_ends:
        special[[0, -1]] = True
    return TokenOutput(ids, np.zeros((n, 2), np.int32), special, rng.normal(size=(n, dim)).astype(np.float32))


def test_projection_rows_are_unit_and_keep_the_leading_axes():
    rng = np.random.default_rng(1)
    # variance concentrated on 3 directions: a 3-axis projection keeps the geometry
    basis = np.linalg.qr(rng.normal(size=(16, 3)))[0].T
    x = (rng.normal(size=(500, 3)) * [5, 3, 2]) @ basis + 0.01 * rng.normal(size=(500, 16))
    p = Projection.fit(x.astype(np.float32), k=3)
    rows = p.rows(x[:50])
    assert np.allclose(np.linalg.norm(rows, axis=1), 1, atol=1e-5)
    centred = x[:50] - x.mean(0)
    want = centred @ centred.T / np.outer(np.linalg.norm(centred, axis=1), np.linalg.norm(centred, axis=1))
    assert np.abs(rows @ rows.T - want).max() < 0.02
    q = p.quantised(x[:50]).astype(np.float32) / SCALE
    assert np.abs(q - rows).max() <= 0.5 / SCALE + 1e-6


def test_maxsim_equals_the_plain_computation(tmp_path: Path):
    rng = np.random.default_rng(2)
    outputs = [random_tokens(rng, n) for n in (7, 2, 12, 2, 30)]  # the 2-token ones hold only specials
    projection = Projection.fit(np.concatenate([t.vectors for t in outputs]), k=8)
    paragraphs = [paragraph_tokens(t, projection) for t in outputs]
    write_token_files(tmp_path, paragraphs, projection, vocabulary=200)
    store = TokenStore(tmp_path, len(paragraphs))
    query = random_tokens(rng, 6)
    prepared = store.prepare(query)
    pids = np.array([4, 1, 0, 2])
    got = store.maxsim(prepared, pids)
    df = np.zeros(200)
    for p in paragraphs:
        df[np.unique(p.ids)] += 1
    keep = ~query.special
    w = np.log(1 + (len(paragraphs) - df[query.ids[keep]] + 0.5) / (df[query.ids[keep]] + 0.5))
    q = projection.rows(query.vectors[keep])
    for pid, score in zip(pids, got):
        rows = paragraphs[pid].rows.astype(np.float32) / SCALE
        want = 0.0 if len(rows) == 0 else float((w * (q @ rows.T).max(axis=1)).sum() / w.sum())
        assert score == pytest.approx(want, abs=1e-5)
    assert got[1] == 0.0  # no tokens beyond [CLS]/[SEP]
    assert store.maxsim(None, pids).tolist() == [0.0] * 4
    assert store.of_paragraph(2).rows.tolist() == paragraphs[2].rows.tolist()


def test_late_sentence_vectors_average_each_sentence_span():
    text = "First one here. Second sentence is longer. Third."
    words = [(m.start(), m.end()) for m in __import__("re").finditer(r"\w+|\.", text)]
    n = len(words) + 2
    vecs = np.arange(n * 4, dtype=np.float32).reshape(n, 4)
    offsets = np.array([(0, 0), *words, (0, 0)], dtype=np.int32)
    special = np.zeros(n, bool)
    special[[0, -1]] = True
    tokens = TokenOutput(np.arange(n, dtype=np.int32), offsets, special, vecs)
    sentences = ["First one here.", "Second sentence is longer.", "Third."]
    got = late_sentence_vectors(text, sentences, tokens)
    assert np.allclose(got[0], vecs[1:5].mean(0)) and np.allclose(got[2], vecs[10:12].mean(0))
    # cut off after "Second sentence": the second and third sentences were not reached
    cut = TokenOutput(tokens.ids[:8], np.r_[offsets[:7], [[0, 0]]], np.r_[special[:7], True], vecs[:8])
    got = late_sentence_vectors(text, sentences, cut)
    assert got[0] is not None and got[1] is None and got[2] is None


def test_build_writes_token_files_and_carries_unchanged_paragraphs(fake_settings, tmp_path: Path):
    corpus = tmp_path / "docs"
    write_corpus(corpus, 6, paragraphs=5)
    build_index(fake_settings, [corpus])
    index = open_index(fake_settings)
    assert index.tokens is not None and all((index.generation / f).exists() for f in TOKEN_FILES)
    assert index.manifest["token_vectors"]["tokens"] == len(index.tokens.rows) > 0
    before = {h: index.tokens.of_paragraph(i) for i, h in index.conn.execute("SELECT id, hash FROM paragraphs")}
    projection = index.tokens.projection
    index.close()
    path = corpus / "A_70_2.txt"
    path.write_text(path.read_text().replace("noted progress", "welcomed progress"))
    report = build_index(fake_settings, [corpus])
    assert 0 < report.embedded < report.paragraphs
    index = open_index(fake_settings)
    assert np.array_equal(index.tokens.projection.axes, projection.axes)  # kept: rows stay comparable
    embedder = HashEmbedder()
    for pid, h, text in index.conn.execute("SELECT id, hash, text FROM paragraphs"):
        got = index.tokens.of_paragraph(pid)
        want = before.get(h) or paragraph_tokens(embedder.encode_with_tokens([text])[1][0], projection)
        assert got.ids.tolist() == want.ids.tolist() and got.rows.tolist() == want.rows.tolist()
    index.close()


def test_rescoring_uses_token_vectors_and_works_without_them(fake_settings, tmp_path: Path):
    corpus = tmp_path / "docs"
    write_corpus(corpus, 8, paragraphs=4)
    results = {}
    for keep in (True, False):
        settings = dataclasses.replace(fake_settings, index_dir=tmp_path / f"ix-{keep}", token_vectors=keep)
        build_index(settings, [corpus])
        index = open_index(settings)
        assert (index.tokens is not None) == keep
        retriever = Retriever(index, HashEmbedder(), settings)
        question = "water cooperation in the report A/70/3"
        query = retriever.prepare(question)
        cands = retriever.candidates(query)
        feats = retriever.text_features(query, [int(p) for p in cands.ids[:5]])
        assert ("tokens" in feats) == keep
        if keep:
            assert feats["tokens"].max() > 0
        results[keep] = [h.citation for h in retriever.search(question, k=3).hits]
        index.close()
    assert all(len(r) == 3 for r in results.values())


def test_an_empty_paragraph_list_writes_empty_token_files(tmp_path: Path):
    projection = Projection(np.zeros(4, np.float32), np.eye(2, 4, dtype=np.float32), 10)
    write_token_files(tmp_path, [ParagraphTokens(np.zeros(0, np.int32), np.zeros((0, 2), np.int8))], projection, 1)
    store = TokenStore(tmp_path, 1)
    assert store.maxsim(None, np.array([0])).tolist() == [0.0]


def test_late_sentence_vectors_come_from_the_paragraph_pass_and_are_reused(fake_settings, tmp_path: Path):
    from rag.embedding.encoder import normalise
    from rag.index.sentences import paragraph_sentences

    corpus = tmp_path / "docs"
    write_corpus(corpus, 4, paragraphs=3, extra=" Second sentence about water. Third one on fisheries.")
    settings = fake_settings
    first = build_index(settings, [corpus])
    assert first.sentences_embedded == 0  # every sentence was reached by its paragraph's pass
    index = open_index(settings)
    embedder = HashEmbedder()
    rows = index.conn.execute("SELECT id, text FROM paragraphs ORDER BY id").fetchall()
    checked = 0
    for pid, text in rows:
        sentences = paragraph_sentences(text)
        tokens = embedder.encode_with_tokens([text])[1][0]
        want = normalise(np.stack(late_sentence_vectors(text, sentences, tokens)))
        got = index.sentences.of_paragraph(pid)
        assert got.shape == want.shape and np.allclose(got, want, atol=1e-6)
        checked += len(sentences) > 1
    assert checked > 0
    index.close()
    path = corpus / "A_70_2.txt"
    path.write_text(path.read_text().replace("noted progress", "welcomed progress"))
    again = build_index(settings, [corpus])  # the other paragraphs' late sentence vectors come from the cache
    assert 0 < again.embedded < again.paragraphs and again.sentences_embedded == 0


def test_a_sentence_the_pass_did_not_reach_is_embedded_alone(fake_settings, tmp_path: Path, monkeypatch):
    from rag.embedding import embedders as embed

    corpus = tmp_path / "docs"
    write_corpus(corpus, 1, paragraphs=2, extra=" Closing words on aviation.")
    real = embed.HashEmbedder.encode_with_tokens

    def truncated(self, texts):  # a model whose window ends before each paragraph's last sentence
        vectors, outputs = real(self, texts)
        cut = []
        for text, t in zip(texts, outputs):
            n = int((t.offsets[:, 1] <= text.rfind("Closing")).sum())
            cut.append(TokenOutput(t.ids[:n], t.offsets[:n], t.special[:n], t.vectors[:n]))
        return vectors, cut

    monkeypatch.setattr(embed.HashEmbedder, "encode_with_tokens", truncated)
    report = build_index(fake_settings, [corpus])
    assert report.sentences_embedded >= 2
    index = open_index(fake_settings)
    text = index.conn.execute("SELECT text FROM paragraphs WHERE text LIKE '%Closing words%' LIMIT 1").fetchone()[0]
    pid = index.conn.execute("SELECT id FROM paragraphs WHERE text = ?", (text,)).fetchone()[0]
    alone = HashEmbedder().encode_documents(["Closing words on aviation."])[0]
    assert np.allclose(index.sentences.of_paragraph(pid)[-1], alone, atol=1e-6)
    index.close()


def test_the_threshold_is_that_of_late_sentence_vectors_and_the_old_setting_is_refused(tmp_path: Path):
    from rag.answer.extract import threshold_for
    from rag.config import load_settings
    from rag.errors import UsageError

    late = load_settings(env={}, model="all-MiniLM-L6-v2")
    assert threshold_for(late) == 0.24
    assert threshold_for(dataclasses.replace(late, abstain_threshold=0.5)) == 0.5
    config = tmp_path / "rag.toml"
    config.write_text('sentence_embedding = "separate"\n')
    with pytest.raises(UsageError, match="unknown setting.*sentence_embedding"):
        load_settings(config_file=config, env={})
