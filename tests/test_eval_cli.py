"""`rag eval` through the CLI on tiny corpora with the hashing embedder."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from rag.cli import app
from tests.conftest import SEED

CORPUS = [
    {"doc": "Volcanoes", "para": 0, "text": "Magma rises through the crust and erupts as lava. "
                                              "Basalt forms when lava cools quickly."},
    {"doc": "Volcanoes", "para": 1, "text": "Mount Etna in Sicily is among the most active volcanoes. "
                                              "It erupted again in 2021."},
    {"doc": "Bees", "para": 0, "text": "Honey bees live in colonies led by a single queen. "
                                        "Workers gather nectar from flowers."},
    {"doc": "Bees", "para": 1, "text": "Beeswax is secreted by glands on the worker's abdomen. "
                                        "Combs are built from hexagonal wax cells."},
]
QUESTIONS = [
    {"question": "What forms when lava cools quickly?", "doc": "Volcanoes", "para": 0, "answers": ["Basalt"]},
    {"question": "Where is Mount Etna?", "doc": "Volcanoes", "para": 1, "answers": ["Sicily"]},
    {"question": "Who leads a honey bee colony?", "doc": "Bees", "para": 0, "answers": ["a single queen"]},
    {"question": "What shape are the wax cells of combs?", "doc": "Bees", "paras": [1], "answers": ["hexagonal"]},
]


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_eval_prints_one_table_with_the_three_rankings(tmp_path: Path, fake_env: dict[str, str]) -> None:
    corpus = _write(tmp_path / "corpus.jsonl", CORPUS)
    questions = _write(tmp_path / "questions.jsonl", QUESTIONS)
    result = CliRunner().invoke(app, ["eval", str(questions), "--corpus", str(corpus)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"4 questions, corpus {corpus}"
    assert lines[1].split() == ["ranking", "P@1", "R@5", "R@10", "MRR@10", "nDCG@10", "quote", "acc.", "abstained"]
    assert [ln.split("  ")[0] for ln in lines[2:]] == ["system (hybrid)", "BM25 alone", "dense alone"]
    bm25 = lines[3].split()
    assert bm25[2:7] == ["1.000"] * 5  # each question's words are only in its gold paragraph
    assert bm25[7] == "1.000"  # every quote holds the gold answer


def test_eval_json_shape_and_index_reuse(tmp_path: Path, fake_env: dict[str, str]) -> None:
    corpus = _write(tmp_path / "corpus.jsonl", CORPUS)
    questions = _write(tmp_path / "questions.jsonl", QUESTIONS)
    runner = CliRunner()
    first = runner.invoke(app, ["eval", str(questions), "--corpus", str(corpus), "--json", "--within-doc"])
    assert first.exit_code == 0, first.output
    data = json.loads(first.output)
    assert set(data) == {"system", "bm25", "dense"}
    for figures in data.values():
        assert set(figures) == {"questions", "P@1", "R@5", "R@10", "MRR@10", "nDCG@10", "quote_accuracy",
                                "quoted", "abstention_rate"}
        assert figures["questions"] == 4
        assert 0.0 <= figures["abstention_rate"] <= 1.0
    assert data["bm25"]["P@1"] == 1.0
    indexes = list(Path(fake_env["RAG_INDEX_DIR"]).iterdir())
    assert len(indexes) == 1 and indexes[0].name.startswith("eval-")
    generation = (indexes[0] / "CURRENT").read_text()
    second = runner.invoke(app, ["eval", str(questions), "--corpus", str(corpus), "--json", "--limit", "2"])
    assert second.exit_code == 0, second.output
    assert json.loads(second.output)["system"]["questions"] == 2
    assert (indexes[0] / "CURRENT").read_text() == generation  # reused, not rebuilt


def test_eval_on_a_folder_with_questions_citing_symbol_and_paragraph(tmp_path: Path, seed_dir: Path,
                                                                    fake_env: dict[str, str]) -> None:
    questions = _write(tmp_path / "mine.jsonl", [
        {"question": "Which forum does IOM serve as secretariat for?", "symbol": "A/59/377", "para": "49"},
        {"question": "What is the objective of these forums, generally informal in nature?",
         "symbol": "a/59/377", "para": 48},  # symbols as users type them: case, a joint symbol's part
        {"question": "Which forum does IOM serve as secretariat for?", "symbol": "A/59/377-E/2004/99", "para": "49"},
    ])
    result = CliRunner().invoke(app, ["eval", str(questions), "--corpus", str(seed_dir), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["bm25"]["questions"] == 3
    assert data["bm25"]["R@5"] == 1.0  # the seed excerpt has three paragraphs: both golds are in the top 5
    assert data["system"]["quote_accuracy"] is None  # no gold answer strings given
    spans = _write(tmp_path / "spans.jsonl", [{"question": "Which forum does IOM serve as secretariat for?",
                                               "symbol": "A/59/377", "para": 49, "answer": "Berne Initiative"}])
    result = CliRunner().invoke(app, ["eval", str(spans), "--corpus", str(seed_dir), "--json"])
    with_span = json.loads(result.output)["system"]
    assert with_span["quoted"] == 1 and with_span["quote_accuracy"] is not None  # the span counts as the answer


def test_eval_refuses_questions_citing_unknown_symbols(tmp_path: Path, seed_dir: Path,
                                                      fake_env: dict[str, str]) -> None:
    questions = _write(tmp_path / "q.jsonl", [{"question": "anything?", "symbol": "A/1/2", "para": "3"}])
    result = CliRunner().invoke(app, ["eval", str(questions), "--corpus", str(seed_dir)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1].startswith("error: ")
    assert "A/1/2" in result.output
    assert SEED.exists()


def test_eval_refuses_a_gold_paragraph_its_document_does_not_hold(tmp_path: Path, seed_dir: Path,
                                                                 fake_env: dict[str, str]) -> None:
    """A gold paragraph number the document does not print (a typo: 999 of a three-paragraph
    excerpt) is refused in one line naming it, not scored silently as the product's miss."""
    questions = _write(tmp_path / "q.jsonl", [
        {"question": "Which forum does IOM serve as secretariat for?", "symbol": "A/59/377", "para": "49"},
        {"question": "What is a priority?", "symbol": "A/59/377", "para": "999"}])
    result = CliRunner().invoke(app, ["eval", str(questions), "--corpus", str(seed_dir)])
    assert result.exit_code == 2, result.output
    line = result.output.strip().splitlines()[-1]
    assert line.startswith("error: ") and "A/59/377 para. 999" in line and "para. 49" not in line


def test_eval_names_the_missing_target(tmp_path: Path, fake_env: dict[str, str]) -> None:
    """Neither --corpus nor --index: the error says one is needed, not "not both"."""
    questions = _write(tmp_path / "q.jsonl", QUESTIONS)
    result = CliRunner().invoke(app, ["eval", str(questions)])
    assert result.exit_code == 2
    assert "not both" not in result.output and "--corpus" in result.output and "--index" in result.output


def test_eval_unanswerable_reports_only_abstention(tmp_path: Path, seed_dir: Path,
                                                   fake_env: dict[str, str]) -> None:
    questions = _write(tmp_path / "q.jsonl", QUESTIONS)
    result = CliRunner().invoke(app, ["eval", str(questions), "--corpus", str(seed_dir), "--unanswerable",
                                      "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data["system"]) == {"questions", "abstention_rate"}


def test_eval_against_an_index_already_built(tmp_path: Path, seed_dir: Path, fake_env: dict[str, str]) -> None:
    runner = CliRunner()
    built = runner.invoke(app, ["index", "build", str(seed_dir), "--index", "mine"])
    assert built.exit_code == 0, built.output
    questions = _write(tmp_path / "q.jsonl", [
        {"question": "Which forum does IOM serve as secretariat for?", "symbol": "A/59/377", "para": "49"}])
    result = runner.invoke(app, ["eval", str(questions), "--index", "mine", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["bm25"]["R@5"] == 1.0
    both = runner.invoke(app, ["eval", str(questions), "--index", "mine", "--corpus", str(seed_dir)])
    assert both.exit_code == 2
    assert "not both" in both.output


def test_eval_unanswerable_questions_need_no_gold_paragraphs(tmp_path: Path, seed_dir: Path,
                                                             fake_env: dict[str, str]) -> None:
    questions = _write(tmp_path / "q.jsonl", [{"question": "Where is Mount Etna?"}, {"question": "Who leads bees?"}])
    result = CliRunner().invoke(app, ["eval", str(questions), "--corpus", str(seed_dir), "--unanswerable", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["system"]["questions"] == 2


def test_eval_calibrate_finds_the_threshold_the_product_then_abstains_at(tmp_path: Path, fake_env: dict[str, str],
                                                                         monkeypatch) -> None:
    corpus = _write(tmp_path / "corpus.jsonl", CORPUS)
    questions = _write(tmp_path / "questions.jsonl", QUESTIONS)
    off_topic = _write(tmp_path / "off.jsonl", [{"question": "Which forum does IOM serve as secretariat for?"},
                                                {"question": "What did the treaty on outer space ban?"}])
    runner = CliRunner()
    args = ["eval", str(questions), "--corpus", str(corpus), "--calibrate", "--abstain-share", "0.75",
            "--unanswerable-set", str(off_topic)]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert (report["questions"], report["unanswerable_questions"], report["abstain_share"]) == (4, 2, 0.75)
    threshold = report["calibrated"]["threshold"]
    assert report["calibrated"]["abstention_rate"] == 0.75  # three of the four questions
    assert 0.0 <= report["calibrated"]["unanswerable_abstention_rate"] <= 1.0
    assert report["in_force"]["threshold"] == 0.1  # the hashing embedder's
    assert report["config"] == f"abstain_threshold = {threshold}"
    assert report["note"] == "" or report["calibrated"]["unanswerable_abstention_rate"] == 0.0
    text = runner.invoke(app, args)
    assert text.exit_code == 0, text.output
    assert text.output.splitlines()[-1] == f"abstain_threshold = {threshold}"
    monkeypatch.setenv("RAG_ABSTAIN_THRESHOLD", str(threshold))
    scored = runner.invoke(app, ["eval", str(questions), "--corpus", str(corpus), "--json"])
    assert json.loads(scored.output)["system"]["abstention_rate"] == 0.75  # the product abstains as calibrated


def test_eval_calibrate_refuses_a_set_too_small_for_the_share(tmp_path: Path, fake_env: dict[str, str]) -> None:
    """Four questions and the default share (8%): none may abstain, so there is no threshold to
    place; 0.0, which never abstains, is not recommended."""
    corpus = _write(tmp_path / "corpus.jsonl", CORPUS)
    questions = _write(tmp_path / "questions.jsonl", QUESTIONS)
    result = CliRunner().invoke(app, ["eval", str(questions), "--corpus", str(corpus), "--calibrate"])
    assert result.exit_code == 2, result.output
    assert "4 answerable question(s), too few" in result.output and "at least 7 are needed" in result.output
    assert "abstain_threshold" not in result.output


def test_eval_calibrate_refuses_options_that_do_not_go_with_it(tmp_path: Path, fake_env: dict[str, str]) -> None:
    corpus = _write(tmp_path / "corpus.jsonl", CORPUS)
    questions = _write(tmp_path / "questions.jsonl", QUESTIONS)
    runner = CliRunner()
    for extra in (["--calibrate", "--within-doc"], ["--calibrate", "--unanswerable"], ["--abstain-share", "0.1"],
                  ["--calibrate", "--abstain-share", "1.5"]):
        result = runner.invoke(app, ["eval", str(questions), "--corpus", str(corpus), *extra])
        assert result.exit_code == 2, (extra, result.output)
        assert result.output.strip().splitlines()[-1].startswith("error: ")
