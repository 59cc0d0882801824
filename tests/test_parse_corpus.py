"""All 125 PDFs of ../shared/data/un_corpus parse; >= 95% match MANIFEST's symbol and numbering."""

from __future__ import annotations

import importlib.util

import pytest

from tests.conftest import REPO, shared_path


@pytest.mark.slow
def test_corpus_symbols_and_numbering() -> None:
    corpus = shared_path("data", "un_corpus")
    spec = importlib.util.spec_from_file_location("parse_corpus", REPO / "research" / "parse_corpus.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    result = bench.run(corpus / "pdf", corpus / "MANIFEST.jsonl", quiet=True, baseline=False)
    assert result["files"] == 125
    assert result["errors"] == {}
    assert result["passed"] / result["files"] >= 0.95, result["failures"]
