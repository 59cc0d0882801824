"""`rag eval` end to end with the bundled model on a small slice of SQuAD v1.1 dev."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rag.cli import app
from tests.conftest import shared_path


@pytest.mark.slow
def test_real_model_beats_nothing_and_quotes_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    squad = shared_path("data", "squad_v1.1_dev")
    article = "1973_oil_crisis"  # 24 paragraphs, the first article of the file
    corpus_rows = [r for r in map(json.loads, (squad / "corpus.jsonl").read_text().splitlines())
                   if r["doc"] == article]
    questions = [r for r in map(json.loads, (squad / "questions.jsonl").read_text().splitlines())
                 if r["doc"] == article][:60]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in corpus_rows))
    qfile = tmp_path / "questions.jsonl"
    qfile.write_text("".join(json.dumps(r) + "\n" for r in questions))
    monkeypatch.setenv("RAG_INDEX_DIR", str(tmp_path / "indexes"))
    monkeypatch.delenv("RAG_MODEL", raising=False)
    result = CliRunner().invoke(app, ["eval", str(qfile), "--corpus", str(corpus), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["system"]["questions"] == 60
    # 24 candidate paragraphs: chance would put the gold one first 4% of the time
    assert data["system"]["P@1"] >= 0.75
    assert data["system"]["MRR@10"] >= data["dense"]["MRR@10"]
    assert data["system"]["quote_accuracy"] >= 0.75
    assert data["system"]["abstention_rate"] <= 0.25
