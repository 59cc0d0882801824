"""The evidence digest (rag.answer.digest) with the real bundled model on a tiny corpus: the
supporting paragraphs of several documents, a near-identical copy folded, grouped by document
and ordered by date; nothing for a near miss or an unrelated question; the CLI and the API."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from rag.cli import app
from rag.config import load_settings
from rag.server import create_app
from rag.service import Session, build
from rag.textutil import overlap

QUESTION = "What did the Secretary-General recommend on desalination plants?"
SHARED_TEXT = ("The Secretary-General recommends that Member States powering desalination plants with "
               "renewable energy receive concessional finance from the regional development banks.")

DOCS = {  # symbol: (date of issue, paragraphs)
    "A/80/100": ("17 July 2025", [
        "The present report reviews water cooperation among Member States since 2023.",
        SHARED_TEXT,
        ("The Secretary-General further recommends that brine discharged by desalination plants be "
         "monitored against common environmental standards agreed by the coastal States."),
        "The report was prepared with the contributions of the regional commissions.",
    ]),
    "E/2024/50": ("16 May 2024", [
        "The Council held its coordination segment from 4 to 6 June 2024.",
        SHARED_TEXT.replace("receive", "should receive"),
        ("The Secretary-General recommended that new desalination plants publish their energy use "
         "each year so that their costs can be compared."),
    ]),
    "S/2025/10": ("7 March 2025", [
        "The Council welcomed the holding of peaceful elections in the region.",
        "The Mission supported the electoral commission with logistics and training.",
    ]),
}


def _document(symbol: str, date: str, paragraphs: list[str]) -> str:
    body = "Security Council" if symbol.startswith("S/") else "General Assembly"
    return (f"United Nations {symbol}\n\n{body} Distr.: General\n\n{date}\n\nOriginal: English\n\n"
            "Report of the Secretary-General\n\n"
            + "\n\n".join(f"{i}. {text}" for i, text in enumerate(paragraphs, 1)) + "\n")


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    root = tmp_path_factory.mktemp("digest")
    folder = root / "docs"
    folder.mkdir()
    for symbol, (date, paragraphs) in DOCS.items():
        (folder / (symbol.replace("/", "_") + ".txt")).write_text(_document(symbol, date, paragraphs), encoding="utf-8")
    settings = load_settings(env={}, index_dir=root / "indexes")
    build(settings, [folder])
    return settings


def test_overlap_is_the_jaccard_share():
    assert overlap({"a", "b"}, {"b", "c"}) == pytest.approx(1 / 3)
    assert overlap(set(), set()) == 0.0


def test_digest_groups_supporting_paragraphs_by_document_in_date_order(settings):
    with Session(settings) as s:
        answer = s.ask(QUESTION, digest=True)
    assert not answer.abstained and answer.digest
    assert [g.symbol for g in answer.digest] == ["E/2024/50", "A/80/100"]  # oldest first
    assert [g.date for g in answer.digest] == ["2024-05-16", "2025-07-17"]
    cited = [i.citation for g in answer.digest for i in g.items]
    assert "A/80/100, para. 3" in cited and "E/2024/50, para. 3" in cited
    assert not any(c.startswith("S/2025/10") for c in cited)  # the unrelated document stays out
    assert not any("para. 1" in c for c in cited)
    # The near-identical paragraph of the two documents appears once, the other listed under it.
    shared = [i for g in answer.digest for i in g.items if "concessional finance" in i.quote]
    assert len(shared) == 1 and shared[0].also in (["A/80/100, para. 2"], ["E/2024/50, para. 2"])
    for g in answer.digest:  # each document's paragraphs in its own order
        numbers = [int(i.paragraph) for i in g.items]
        assert numbers == sorted(numbers)
    assert answer.citations[0].citation in cited + [a for g in answer.digest for i in g.items for a in i.also]


def test_no_digest_for_a_near_miss_or_an_unrelated_question(settings):
    with Session(settings) as s:
        near = s.ask("What did the Secretary-General recommend on desalination plants in 2019?", digest=True)
        unrelated = s.ask("What is the boiling point of liquid nitrogen?", digest=True)
        plain = s.ask(QUESTION)
    assert near.abstained and near.digest == []
    assert unrelated.abstained and unrelated.digest == []
    assert plain.digest is None and "digest" not in plain.to_json()


def test_digest_in_the_cli_and_the_api(settings, monkeypatch):
    monkeypatch.setenv("RAG_INDEX_DIR", str(settings.index_dir))
    result = CliRunner().invoke(app, ["ask", QUESTION, "--digest", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [g["symbol"] for g in data["digest"]] == ["E/2024/50", "A/80/100"]
    assert set(data["digest"][0]) == {"symbol", "title", "date", "items"}
    assert set(data["digest"][0]["items"][0]) == {"paragraph", "quote", "citation", "score", "page", "also"}
    text = CliRunner().invoke(app, ["ask", QUESTION, "--digest"])
    assert text.exit_code == 0 and "Evidence:" in text.output and "E/2024/50 · 2024-05-16" in text.output
    client = TestClient(create_app(settings))
    body = client.post("/ask", json={"question": QUESTION, "digest": True}).json()
    assert body["digest"] == data["digest"]
    assert "digest" not in client.post("/ask", json={"question": QUESTION}).json()
