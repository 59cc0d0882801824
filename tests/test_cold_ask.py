"""The lean query path of a cold `rag ask`: sentence spans read per question, flat files mapped
without FAISS, lines printed without rich, only the command being run built by typer."""

from __future__ import annotations

import numpy as np
import pytest
from typer.testing import CliRunner

from rag.cli import _only, app
from rag.index.flatfile import FlatVectors
from rag.service import Session
from tests.conftest import DEMO_QUESTION
from tests.corpus import write_corpus
from tests.test_query_encoder import imported_top_level, run_cli


@pytest.fixture
def session(fake_settings, tmp_path):
    """40 documents of 4 paragraphs of 3 sentences: more sentences than the 100 candidates."""
    from rag.index.build import build_index

    write_corpus(tmp_path / "docs", 40, extra=" It also noted the funding gap. The Secretariat reported on it.")
    build_index(fake_settings, [tmp_path / "docs"])
    with Session(fake_settings, quick_start=True) as s:
        yield s


def test_sentence_spans_read_per_question_match_the_whole_table(session) -> None:
    sent = session.index.sentences
    n = session.index.size
    assert sent.index.ntotal > 300
    pids = np.array([n - 1, 0, 3, 3, n // 2])
    lo, hi = sent._spans(pids)  # read from SQLite for these paragraphs only
    assert "starts" not in sent.__dict__
    qvec = session.embedder.encode_queries(["funding gap of the climate committee"])[0]
    lazy_scores = sent.max_scores(qvec, pids)
    lazy_top = sent.top_paragraphs(qvec, 100)
    lazy_rows = sent.of_paragraph(3)
    starts = sent.starts  # now the whole table
    assert starts[-1] == sent.index.ntotal and np.all(np.diff(starts) >= 1)
    assert np.array_equal(lo, starts[pids]) and np.array_equal(hi, starts[pids + 1])
    assert np.array_equal(lazy_scores, sent.max_scores(qvec, pids))
    assert np.array_equal(lazy_top, sent.top_paragraphs(qvec, 100))
    assert np.array_equal(lazy_rows, sent.of_paragraph(3))
    best = sent.vectors @ qvec
    assert lazy_scores[0] == pytest.approx(best[starts[n - 1]:starts[n]].max(), abs=1e-6)


def test_flat_vector_files_are_mapped_not_read_by_faiss(session) -> None:
    assert isinstance(session.index.vectors, FlatVectors)
    assert isinstance(session.index.sentences.index, FlatVectors)
    assert session.index.vectors.ntotal == session.index.size
    assert session.index.vectors.engine == session.index.sentences.index.engine == "numpy"  # quick start


def test_a_warm_session_searches_with_faiss_and_finds_the_same(session, fake_settings) -> None:
    with Session(fake_settings) as warm:
        for question in (DEMO_QUESTION, "funding gap of the climate committee", "statistics 7 item 2"):
            assert [h.to_json() for h in warm.search(question)] == [h.to_json() for h in session.search(question)]
        assert warm.index.vectors.engine == "faiss"


def test_ask_imports_neither_faiss_nor_rich_nor_ray(fake_env, fake_settings, seed_dir) -> None:
    from rag.index.build import build_index

    build_index(fake_settings, [seed_dir])
    asked = run_cli(["ask", DEMO_QUESTION], {**fake_env, "RAG_INDEX_DIR": str(fake_settings.index_dir)})
    assert asked.returncode == 0, asked.stderr[-400:]
    assert "A/59/377, para." in asked.stdout
    assert not imported_top_level(asked.stderr) & {"faiss", "rich", "torch", "ray"}


@pytest.mark.parametrize("args", [["ask", "--help"], ["ask"], ["ask", "--bogus", "x"], ["search", "--help"],
                                  ["show", "--help"], ["eval", "--help"]])
def test_the_reduced_app_reads_as_the_full_one(args) -> None:
    runner = CliRunner()
    full = runner.invoke(app, args, prog_name="rag")
    reduced = runner.invoke(_only(args[0]), args, prog_name="rag")
    assert (reduced.exit_code, reduced.output) == (full.exit_code, full.output)
    assert _only("index") is app and _only(None) is app and _only("nonexistent") is app
