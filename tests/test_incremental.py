"""Incremental builds: unchanged files skipped, only changed paragraphs embedded, removals, revisions."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from rag.index.build import build_index
from rag.errors import NotFoundError
from rag.service import Session, rebuild, remove
from rag.index.store import current_generation, index_status, open_index
from tests.corpus import doc_text, write_corpus


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    write_corpus(folder, 3)
    return folder


def symbols(settings) -> list[str]:
    return sorted(f["symbol"] for f in index_status(settings)["files"])


def test_unchanged_build_is_a_noop(fake_settings, corpus):
    first = build_index(fake_settings, [corpus])
    assert (first.documents, first.paragraphs, first.embedded) == (3, 12, 12)
    gen = current_generation(fake_settings.index_path)
    again = build_index(fake_settings, [corpus])
    assert again.changed is False
    assert (again.parsed, again.unchanged, again.embedded) == (0, 3, 0)
    assert current_generation(fake_settings.index_path) == gen


def test_changed_paragraph_is_the_only_one_embedded(fake_settings, corpus):
    build_index(fake_settings, [corpus])
    path = corpus / "A_70_2.txt"
    path.write_text(path.read_text().replace("item 3 of", "item 3 (revised wording) of"))
    report = build_index(fake_settings, [corpus])
    assert (report.parsed, report.unchanged) == (1, 2)
    assert (report.embedded, report.reused) == (1, 11)
    with Session(fake_settings) as session:
        hits = session.search("revised wording", k=1)
    assert hits[0].citation == "A/70/2, para. 3"


def test_new_source_is_added_to_recorded_ones(fake_settings, corpus, tmp_path):
    build_index(fake_settings, [corpus])
    more = tmp_path / "more"
    more.mkdir()
    (more / "S_2025_1.txt").write_text(doc_text("S/2025/1", "peacekeeping"))
    report = build_index(fake_settings, [more])
    assert (report.documents, report.unchanged, report.parsed) == (4, 3, 1)
    assert set(index_status(fake_settings)["sources"]) == {str(corpus.resolve()), str(more.resolve())}


def test_deleted_file_removed_unless_keep_missing(fake_settings, corpus):
    build_index(fake_settings, [corpus])
    (corpus / "A_70_3.txt").unlink()
    kept = build_index(fake_settings, [corpus], keep_missing=True)
    assert "A/70/3" in symbols(fake_settings) and kept.removed == []
    report = build_index(fake_settings, [corpus])
    assert symbols(fake_settings) == ["A/70/1", "A/70/2"]
    assert report.removed == [f"A/70/3 ({corpus.resolve() / 'A_70_3.txt'})"]


def test_revised_file_with_same_symbol_replaces_older(fake_settings, corpus):
    build_index(fake_settings, [corpus])
    old = corpus / "A_70_1.txt"
    os.utime(old, (time.time() - 100, time.time() - 100))
    (corpus / "A_70_1_reissued.txt").write_text(doc_text("A/70/1", "water", extra=" Reissued text."))
    report = build_index(fake_settings, [corpus])
    assert symbols(fake_settings) == ["A/70/1", "A/70/2", "A/70/3"]
    assert report.replaced and "A_70_1_reissued.txt" in report.replaced[0].split("replaced by")[1]
    with Session(fake_settings, with_model=False) as session:
        assert "Reissued text." in session.show("A/70/1", "1").text


def test_a_second_copy_is_reported_once_and_its_removal_brings_the_first_back(fake_settings, corpus, tmp_path):
    build_index(fake_settings, [corpus])
    copies = tmp_path / "copies"
    copies.mkdir()
    (copies / "copy.txt").write_text(doc_text("A/70/1", "water", extra=" The copy's text."))
    assert build_index(fake_settings, [copies]).replaced  # the newer file takes the symbol, said once...
    again = build_index(fake_settings, [corpus])
    assert not again.changed and again.replaced == []  # ...not on every build that changes nothing
    removed = remove(fake_settings, str(copies))
    assert symbols(fake_settings) == ["A/70/1", "A/70/2", "A/70/3"]  # the first file's document is back
    assert any("A_70_1.txt" in n for n in removed.notices)
    with Session(fake_settings, with_model=False) as session:
        assert "The copy's text." not in session.show("A/70/1", "1").text
    assert build_index(fake_settings, [corpus]).changed is False


def test_rm_of_a_folder_holding_both_copies_removes_the_document(fake_settings, corpus):
    sub = corpus / "copies"
    sub.mkdir()
    old = sub / "old.txt"
    old.write_text(doc_text("A/70/9", "lighthouse"))
    os.utime(old, (time.time() - 100, time.time() - 100))
    (sub / "new.txt").write_text(doc_text("A/70/9", "lighthouse", extra=" The newer copy."))
    build_index(fake_settings, [corpus])
    assert "A/70/9" in symbols(fake_settings)
    remove(fake_settings, str(sub))
    assert "A/70/9" not in symbols(fake_settings)
    build_index(fake_settings, [corpus])  # the older copy, in the removed folder too, stays out
    assert "A/70/9" not in symbols(fake_settings)


def test_rm_by_symbol_leaves_out_every_file_of_it(fake_settings, corpus, tmp_path):
    copies = tmp_path / "copies"
    copies.mkdir()
    (copies / "copy.txt").write_text(doc_text("A/70/1", "water", extra=" The copy's text."))
    build_index(fake_settings, [corpus, copies])
    remove(fake_settings, "A/70/1")
    assert symbols(fake_settings) == ["A/70/2", "A/70/3"]
    build_index(fake_settings, [corpus])  # the older copy does not come back either
    assert symbols(fake_settings) == ["A/70/2", "A/70/3"]


def test_corrigendum_is_a_separate_document(fake_settings, corpus):
    (corpus / "A_70_1_Corr.1.txt").write_text(doc_text("A/70/1/Corr.1", "water corrigendum", paragraphs=2))
    build_index(fake_settings, [corpus])
    assert "A/70/1/Corr.1" in symbols(fake_settings) and "A/70/1" in symbols(fake_settings)
    with Session(fake_settings) as session:
        hit = session.search("water corrigendum", k=1)[0]
    assert hit.symbol == "A/70/1/Corr.1" and hit.citation.startswith("A/70/1/Corr.1, para. ")


def test_rm_by_symbol_and_by_path(fake_settings, corpus):
    build_index(fake_settings, [corpus])
    remove(fake_settings, "A/70/2")
    assert symbols(fake_settings) == ["A/70/1", "A/70/3"]
    # later builds of the folder skip the removed file...
    build_index(fake_settings, [corpus])
    assert symbols(fake_settings) == ["A/70/1", "A/70/3"]
    # ...until it is named again
    build_index(fake_settings, [corpus / "A_70_2.txt"])
    assert symbols(fake_settings) == ["A/70/1", "A/70/2", "A/70/3"]
    remove(fake_settings, str(corpus / "A_70_3.txt"))
    assert symbols(fake_settings) == ["A/70/1", "A/70/2"]
    with pytest.raises(NotFoundError, match="A/99/9"):
        remove(fake_settings, "A/99/9")


def test_rebuild_reuses_cache_unless_no_cache(fake_settings, corpus):
    build_index(fake_settings, [corpus])
    cached = rebuild(fake_settings)
    assert (cached.parsed, cached.embedded, cached.reused) == (3, 0, 12)
    forced = rebuild(fake_settings, use_cache=False)
    assert forced.embedded == 12


def test_failed_file_keeps_its_previous_version(fake_settings, corpus):
    build_index(fake_settings, [corpus])
    (corpus / "A_70_1.txt").write_bytes(b"\x00\x01binary now")
    report = build_index(fake_settings, [corpus])
    assert [f["path"] for f in report.failed] == [str(corpus.resolve() / "A_70_1.txt")]
    assert "A/70/1" in symbols(fake_settings)
    assert index_status(fake_settings)["failed"][0]["error"].endswith("binary data, not text")


def test_sentence_vectors_can_be_turned_off(fake_settings, corpus):
    from dataclasses import replace

    from rag.config import load_settings

    build_index(fake_settings, [corpus])
    assert index_status(fake_settings)["sentences"] == 12
    off = replace(fake_settings, sentence_vectors=False)
    report = build_index(off, [corpus])
    assert report.changed and report.sentences_embedded == 0
    assert index_status(off)["sentences"] is None
    with Session(off) as session:
        assert session.index.sentences is None
        assert session.search("fisheries item 2", k=1)[0].symbol.startswith("A/70/")
    assert load_settings(env={"RAG_SENTENCE_VECTORS": "off"}).sentence_vectors is False


def test_texts_reach_the_embedder_longest_first(fake_settings, corpus, monkeypatch):
    """Paragraphs and sentences are embedded in one longest-first order across all calls, so a
    batch never pads a sentence to a paragraph's length (chunked progress once mixed them)."""
    import rag.embedding.embedders as embed

    calls: list[list[str]] = []
    real = embed.document_embedder

    def recording(*args, **kwargs):
        embedder, record = real(*args, **kwargs)

        class Recorder:
            name, dim = embedder.name, embedder.dim

            def encode_documents(self, texts):
                calls.append(("sentences", list(texts)))
                return embedder.encode_documents(texts)

            def encode_with_tokens(self, texts):
                calls.append(("paragraphs", list(texts)))
                return embedder.encode_with_tokens(texts)

        return Recorder(), record

    monkeypatch.setattr(embed, "document_embedder", recording)
    monkeypatch.setattr("rag.index.encode.EMBED_CALL_TEXTS", 16)  # several calls from a small corpus
    write_corpus(corpus, 10)
    build_index(fake_settings, [corpus])
    kinds = [kind for kind, _ in calls]
    assert kinds == sorted(kinds) and kinds.count("paragraphs") > 1  # paragraphs (with their tokens) first
    for kind in ("paragraphs", "sentences"):  # then any sentence that is no paragraph of its own
        lengths = [len(t) for k, call in calls if k == kind for t in call]
        assert lengths == sorted(lengths, reverse=True)


def test_unchanged_paragraphs_keep_their_stored_terms_and_bm25_matches_a_fresh_build(fake_settings, corpus,
                                                                                    tmp_path, monkeypatch):
    """An incremental build tokenises only changed paragraphs; its BM25 postings and stored terms
    equal those of a build from scratch of the same files."""
    import dataclasses

    from rag.index.terms import ParagraphTerms

    build_index(fake_settings, [corpus])
    path = corpus / "A_70_2.txt"
    path.write_text(path.read_text().replace("item 3 of", "item 3 (revised wording) of"))
    calls: list[str] = []
    real_of = ParagraphTerms.of.__func__
    monkeypatch.setattr(ParagraphTerms, "of", classmethod(lambda cls, text: calls.append(text) or real_of(cls, text)))
    build_index(fake_settings, [corpus])
    assert len(calls) == 1 and "revised wording" in calls[0]
    monkeypatch.undo()
    fresh = dataclasses.replace(fake_settings, index_dir=tmp_path / "fresh")
    build_index(fresh, [corpus])

    def tables(settings):
        index = open_index(settings)
        try:
            keys = [t for (t,) in index.conn.execute("SELECT term FROM lexicon")]
            postings = {t: [a.tolist() for a in index.lexical.postings(t)] for t in keys}
            return ({t: p for t, p in postings.items() if p[0]},
                    sorted(tuple(r) for r in index.conn.execute("SELECT id, terms FROM paragraph_terms")))
        finally:
            index.close()

    assert tables(fake_settings) == tables(fresh)


def test_a_small_build_takes_onnxruntime_and_a_large_one_the_automatic_backend(fake_settings, corpus, monkeypatch):
    """Embedding a few texts, OpenVINO's compile (~0.9 s) costs more than onnxruntime's start."""
    from rag.embedding import embedders as embed

    asked: list[str] = []
    real = embed.document_embedder
    monkeypatch.setattr(embed, "document_embedder", lambda name, batch, backend: asked.append(backend) or
                        real(name, batch, backend))
    monkeypatch.setattr("rag.index.encode.SMALL_BUILD_TEXTS", 5)
    build_index(fake_settings, [corpus])  # every paragraph: more than 5 texts
    path = corpus / "A_70_2.txt"
    path.write_text(path.read_text().replace("item 3 of", "item 3 (revised) of"))
    report = build_index(fake_settings, [corpus])
    assert report.embedded <= 5 and asked == ["auto", "onnx-f32"]


def test_progress_counts_what_each_stage_counts(fake_settings, tmp_path):
    """Each stage's count ends at its own total and never runs past it: a stage's total is what
    it counts (paragraphs for "embed"), not paragraphs and sentences mixed."""
    from rag.service import build
    from tests.corpus import write_corpus

    seen: dict[str, list[tuple[int, int]]] = {}
    folder = tmp_path / "docs"
    write_corpus(folder, 3, paragraphs=5)
    report = build(fake_settings, [folder], progress=lambda stage, done, total: seen.setdefault(stage, []).append((done, total)))
    for stage, ticks in seen.items():
        totals = {t for _, t in ticks}
        assert len(totals) == 1, (stage, ticks)
        assert all(0 <= d <= t for d, t in ticks) and ticks[-1][0] == ticks[-1][1], (stage, ticks)
    embedded = [t for stage, ticks in seen.items() if stage in ("embed", "texts") for _, t in ticks[-1:]]
    assert report.embedded == 15 and embedded and embedded[0] >= 15


@pytest.mark.slow
def test_progress_of_the_real_model_counts_paragraphs_then_sentences(tmp_path, seed_dir):
    """With the real model, "embed" counts the paragraphs (it used to end at paragraphs plus
    the sentences past a paragraph's window, "50/107" for 50 paragraphs)."""
    from rag.config import load_settings
    from rag.service import build

    folder = tmp_path / "docs"
    folder.mkdir()
    long = " ".join(f"The Committee noted item {i} of the agenda on water supply and sanitation." for i in range(60))
    (folder / "A_70_9.txt").write_text(f"United Nations A/70/9\n\nReport\n\n1. {long}\n\n2. The Committee closed.\n",
                                       encoding="utf-8")
    seen: dict[str, list[tuple[int, int]]] = {}
    settings = load_settings(env={}, index_dir=tmp_path / "ix")
    report = build(settings, [folder], progress=lambda stage, done, total: seen.setdefault(stage, []).append((done, total)))
    assert report.embedded == 2
    assert {t for _, t in seen["embed"]} == {2} and seen["embed"][-1] == (2, 2)
    assert seen["sentences"][-1][0] == seen["sentences"][-1][1] > 0


class _Killed(BaseException):
    """A build process dying at one point (SIGKILL runs no handler; this unwinds, which is close)."""


def test_a_build_killed_before_renaming_its_current_pointer_keeps_the_old_index(fake_settings, seed_dir, monkeypatch):
    build_index(fake_settings, [seed_dir])
    root, old = fake_settings.index_path, current_generation(fake_settings.index_path).name
    (seed_dir / "A_70_1.txt").write_text("A/70/1\n\n1. The Committee considered water item 1.\n")
    rename = os.replace

    def dies_at_current(src, dst):
        if Path(dst).name == "CURRENT":
            raise _Killed
        rename(src, dst)

    monkeypatch.setattr(os, "replace", dies_at_current)
    with pytest.raises(_Killed):
        build_index(fake_settings, [seed_dir])
    monkeypatch.undo()
    left = sorted(p.name for p in root.glob(".tmp-*"))
    assert len(left) == 1 and left[0].startswith(".tmp-CURRENT-gen-"), left  # the pointer, written, not renamed
    assert current_generation(root).name == old
    build_index(fake_settings, [seed_dir])
    assert list(root.glob(".tmp-*")) == [] and len(list(root.glob("gen-*"))) == 2
    index = open_index(fake_settings)
    assert index.document("A/70/1").symbol == "A/70/1"
    index.close()
