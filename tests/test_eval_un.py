"""`rag eval`'s answers report on UN-style question sets (questions with `kind` and `answer`, an
out-of-corpus set), on a tiny folder of paragraph-numbered documents with the hashing embedder."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rag.cli import app
from rag.evaluation.answers import AnswerRecord, answers_report, tradeoff
from rag.evaluation.evalset import Question, load_questions
from rag.errors import UsageError
from rag.evaluation.evaluate import GoldKeys, QuestionResult, _hit_key, _key, answer_record
from rag.evaluation.metrics import quote_holds_span, span_key
from rag.index.store import SCHEMA
from rag.index.write import _insert_document
from rag.models import Document, Hit, Paragraph
from tests.conftest import FAKE_MODEL, RAG, rag_env

DOCS = {
    "A_70_1.txt": "A/70/1\n\nI. Water\n\n"
    "1. The Committee approved the desalination programme for coastal towns in 2015. Engineers from several "
    "regional utilities will supervise construction of the pumping stations.\n\n"
    "2. Groundwater depletion in arid basins reached forty per cent. Farmers drilling deeper wells each season "
    "worsened salinity along the aquifers.\n\n"
    "3. The well-known Nile basin initiative received funding of twelve million dollars. Donors pledged further "
    "grants for hydrological monitoring across riparian states.\n",
    "A_70_2.txt": "A/70/2\n\nI. Oceans\n\n"
    "1. Fisheries subsidies were capped by the Ministers at Geneva. Delegations welcomed transparency rules for "
    "notification of harmful support schemes.\n\n"
    "2. Tuna stocks in the Pacific recovered after the moratorium. Scientists counted spawning biomass through "
    "acoustic surveys during three consecutive years.\n\n"
    "3. Coral reef bleaching affected thirty atolls. Marine heatwaves lasting several months killed branching "
    "colonies near lagoon entrances.\n",
}
QUESTIONS = [
    {"question": "Which programme for coastal towns did the Committee approve?", "symbol": "A/70/1", "para": 1,
     "answer": "desalination programme for coastal towns", "kind": "fact"},
    {"question": "How far did groundwater depletion in arid basins reach?", "symbol": "A/70/1", "para": 2,
     "answer": "forty per cent", "kind": "fact"},
    # the span is hyphenated differently from the text, as a PDF's line break may leave it
    {"question": "How much funding did the Nile basin initiative receive?", "symbol": "A/70/1", "para": 3,
     "answer": "well known Nile basin initiative", "kind": "paraphrase"},
    {"question": "tuna stocks Pacific moratorium", "symbol": "A/70/2", "para": 2,
     "answer": "Tuna stocks in the Pacific recovered", "kind": "keyword"},
    # a span the paragraph does not hold: its quote cannot contain it
    {"question": "coral reef bleaching atolls", "symbol": "A/70/2", "para": 3, "answer": "seventy atolls",
     "kind": "keyword"},
]
OUT_OF_CORPUS = [
    {"question": "Who chaired the aviation safety panel in 2031?", "kind": "near_miss"},
    {"question": "What is the population of the colonies on Mars?", "kind": "unrelated"},
]
FIGURES = {"questions", "exact_citation", "exact_citation_rate", "wrong_citation", "wrong_citation_rate",
           "gold_document_first", "gold_document_first_rate", "gold_in_top3", "gold_in_top3_rate", "abstained",
           "false_abstentions", "quotes_checked", "quote_contains_answer", "quote_contains_answer_rate"}


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def un_set(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A folder of two documents, its questions and questions it does not answer."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in DOCS.items():
        (docs / name).write_text(text, encoding="utf-8")
    return docs, _write(tmp_path / "questions.jsonl", QUESTIONS), _write(tmp_path / "ooc.jsonl", OUT_OF_CORPUS)


def _eval(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["eval", *args])
    return result.exit_code, result.output


def test_answers_report_by_kind_with_out_of_corpus_questions(un_set, fake_env: dict[str, str]) -> None:
    docs, questions, ooc = un_set
    code, out = _eval(str(questions), "--corpus", str(docs), "--unanswerable-set", str(ooc), "--json")
    assert code == 0, out
    data = json.loads(out)
    assert set(data) == {"system", "bm25", "dense", "answers"}
    assert set(data["system"]) >= {"P@1", "quote_accuracy", "abstention_rate"}  # the ranking figures stay
    answers = data["answers"]
    assert answers["threshold"] == 0.1  # the hashing embedder's
    by_kind = answers["by_kind"]
    assert list(by_kind) == ["fact", "paraphrase", "keyword", "all"]
    assert all(set(f) == FIGURES for f in by_kind.values())
    assert [by_kind[k]["questions"] for k in by_kind] == [2, 1, 2, 5]
    # each question's rare words are only in its gold paragraph: every answer cites it
    assert [by_kind[k]["exact_citation"] for k in by_kind] == [2, 1, 2, 5]
    assert by_kind["all"]["gold_in_top3"] == 5 and by_kind["all"]["false_abstentions"] == 0
    assert by_kind["all"]["gold_document_first"] == 5
    assert by_kind["paraphrase"]["quote_contains_answer"] == 1  # "well known" found in "well-known"
    assert (by_kind["keyword"]["quote_contains_answer"], by_kind["keyword"]["quotes_checked"]) == (1, 2)
    assert by_kind["all"]["quote_contains_answer_rate"] == 0.8
    assert list(answers["out_of_corpus"]) == ["near_miss", "unrelated", "all"]
    # 2031 is a year no document names: the answer names the closest paragraph; no document writes
    # "Mars", and the best paragraph is far off the question: none is named
    assert answers["out_of_corpus"]["all"] == {"questions": 2, "abstained": 2, "abstention_rate": 1.0,
                                               "closest_named": 1}
    at = next(p for p in answers["tradeoff"] if p["threshold"] == answers["threshold"])
    assert at == {"threshold": 0.1, "answered": 1.0, "exact_answered": 1.0, "false_abstentions": 0.0,
                  "unanswerable_abstained": 1.0}
    assert answers["tradeoff"][0]["threshold"] == 0.0 and answers["tradeoff"][-1]["answered"] == 0.0


def test_false_abstentions_when_the_threshold_declines_everything(un_set, fake_env: dict[str, str],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    docs, questions, _ = un_set
    monkeypatch.setenv("RAG_ABSTAIN_THRESHOLD", "0.99")
    code, out = _eval(str(questions), "--corpus", str(docs), "--json")
    assert code == 0, out
    overall = json.loads(out)["answers"]["by_kind"]["all"]
    assert (overall["exact_citation"], overall["abstained"], overall["false_abstentions"]) == (0, 5, 5)
    assert overall["quotes_checked"] == 0 and overall["quote_contains_answer_rate"] is None


def test_printed_tables_and_the_picture(un_set, fake_env: dict[str, str], tmp_path: Path) -> None:
    docs, questions, ooc = un_set
    picture = tmp_path / "tradeoff.png"
    code, out = _eval(str(questions), "--corpus", str(docs), "--unanswerable-set", str(ooc), "--plot", str(picture))
    assert code == 0, out
    said = f"Trade-off picture written to {picture}"  # on stderr, which the runner mixes in
    assert said in out
    lines = [ln for ln in out.splitlines() if ln != said]
    assert lines[5:7] == ["", "Answers (system), threshold 0.1 in force:"]  # a blank line between tables
    assert lines[7].split("  ")[0] == "kind" and "false abstentions" in lines[7]
    assert [ln.split()[0] for ln in lines[8:12]] == ["fact", "paraphrase", "keyword", "all"]
    assert lines[11].split()[1:4] == ["5", "5", "(1.000)"]
    assert lines[12] == "" and lines[13].startswith("out of corpus")
    assert lines[13].split("  ")[-1].strip() == "closest named"
    assert lines[-1].split() == ["all", "2", "2", "(1.000)", "1"]
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_plain_sets_keep_the_ranking_report_only(un_set, fake_env: dict[str, str]) -> None:
    docs, _, _ = un_set
    plain = _write(docs.parent / "plain.jsonl", [{k: v for k, v in q.items() if k not in ("kind", "answer")}
                                                 for q in QUESTIONS])
    code, out = _eval(str(plain), "--corpus", str(docs), "--json")
    assert code == 0, out
    assert set(json.loads(out)) == {"system", "bm25", "dense"}


def test_bad_input_is_one_line_with_its_exit_code(un_set, tmp_path: Path) -> None:
    docs, questions, ooc = un_set
    no_question = _write(tmp_path / "bad.jsonl", [{"kind": "near_miss"}])
    no_number = _write(tmp_path / "words.jsonl", [{"question": "Who?", "symbol": "A/59/377", "para": "abc"}])
    cases = [
        ([str(no_number), "--corpus", str(docs)], 2, 'words.jsonl:1: "para" "abc" is not a paragraph number'),
        ([str(tmp_path / "missing.jsonl"), "--corpus", str(docs)], 8, "missing.jsonl"),
        ([str(questions), "--corpus", str(docs), "--unanswerable-set", str(tmp_path / "gone.jsonl")], 8, "gone.jsonl"),
        ([str(questions), "--corpus", str(docs), "--unanswerable-set", str(no_question)], 2, 'bad.jsonl:1: need "question"'),
        ([str(questions), "--corpus", str(docs), "--plot", str(tmp_path / "nowhere" / "p.png")], 2, "nowhere"),
        ([str(questions), "--corpus", str(docs), "--unanswerable", "--plot", str(tmp_path / "p.png")], 2, "--plot"),
        ([str(questions), "--corpus", str(docs), "--within-doc", "--unanswerable-set", str(ooc)], 2, "--unanswerable-set"),
    ]
    env = rag_env(RAG_INDEX_DIR=str(tmp_path / "indexes"), RAG_MODEL=FAKE_MODEL)
    for args, code, words in cases:
        run = subprocess.run([*RAG, "eval", *args], check=False, capture_output=True, text=True, env=env)
        assert run.returncode == code, (args, run.stderr)
        assert run.stdout == "" and len(run.stderr.strip().splitlines()) == 1, (args, run.stderr)
        assert run.stderr.startswith("error: ") and words in run.stderr, (args, run.stderr)


def test_plot_without_matplotlib_says_to_install_it(un_set, fake_env: dict[str, str], tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    docs, questions, _ = un_set
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib then raises ImportError
    code, out = _eval(str(questions), "--corpus", str(docs), "--plot", str(tmp_path / "p.png"))
    assert code == 2
    assert out.strip().splitlines() == [out.strip()] and "install matplotlib" in out


def test_an_annex_paragraph_is_not_the_body_paragraph_of_its_number() -> None:
    def hit(annex: str) -> Hit:
        return Hit(pid=1, symbol="A/80/38", number="10", text="", page=None, section="", score=1.0, annex=annex)

    assert _hit_key(hit("")) == _key("A/80/38", "10")
    assert _hit_key(hit("annex")) != _key("A/80/38", "10")


def test_a_running_count_is_not_the_printed_paragraph_of_its_number(tmp_path: Path) -> None:
    """A/80/38's letter of transmittal is unnumbered: its "p. 8, ¶ 10" is not the report's
    para. 10, which a question cites; in a document that prints no numbers it is."""
    report = Document("A/80/38", "r.pdf", [Paragraph("10", "Letter text.", page="8", running=True),
                                           Paragraph("10", "The Pacific Islands Forum invited ...", page="10")])
    unnumbered = Document("A/80/39", "u.pdf", [Paragraph("10", "Letter text.", page="8", running=True)])
    keys = GoldKeys(_store(report, unnumbered))

    def hit(symbol: str, running: bool) -> str:
        return _hit_key(Hit(pid=1, symbol=symbol, number="10", text="", page="8", section="", score=1.0,
                            running=running))

    rows = [{"question": "Who invited the Committee to Suva?", "symbol": "A/80/38", "para": 10},
            {"question": "Who invited the Committee to Suva?", "symbol": "A/80/39", "para": 10},
            {"question": "Who invited the Committee to Suva?", "symbol": "A/80/38", "para": "p. 8, ¶ 10"}]
    numbered, running, cited = (keys.of(q) for q in load_questions(_write(tmp_path / "q.jsonl", rows)))
    assert numbered == {hit("A/80/38", False)} and hit("A/80/38", True) not in numbered
    assert running == {hit("A/80/39", True)}
    assert cited == {hit("A/80/38", True)}


def test_a_running_count_is_its_place_on_its_page(tmp_path: Path) -> None:
    """A running count is the paragraph's place on the page it starts on: p. 2's ¶ 1 is not p. 3's,
    and a count given without its page is a gold paragraph only where one page has it."""
    doc = Document("A/80/39", "u.pdf", [Paragraph("1", "First on page 2.", page="2", running=True),
                                        Paragraph("2", "Second on page 2.", page="2-3", running=True),
                                        Paragraph("1", "First on page 3.", page="3", running=True)])
    keys = GoldKeys(_store(doc))

    def hit(page: str, number: str) -> str:
        return _hit_key(Hit(pid=1, symbol="A/80/39", number=number, text="", page=page, section="", score=1.0,
                            running=True))

    rows = [{"question": "q", "symbol": "A/80/39", "para": p} for p in ("p. 3, ¶ 1", "2", "¶ 2", "1")]
    on_3, two, marked, ambiguous = (keys.of(q) for q in load_questions(_write(tmp_path / "q.jsonl", rows)))
    assert on_3 == {hit("3", "1")} and hit("2", "1") not in on_3
    assert two == marked == {hit("2-3", "2")}
    assert ambiguous & {hit("2", "1"), hit("3", "1")} == set()
    with pytest.raises(UsageError, match="1 gold paragraph"):
        keys.check(load_questions(_write(tmp_path / "q.jsonl", rows)), tmp_path / "q.jsonl")


def _store(*docs: Document) -> sqlite3.Connection:
    """An index store holding `docs` as a build writes them (no vectors: GoldKeys reads rows)."""
    conn = sqlite3.connect(":memory:")
    conn.executescript(SCHEMA)
    first = 0
    for doc_id, doc in enumerate(docs):
        _insert_document(conn, doc_id, doc, first, ["h"] * (first + len(doc.paragraphs)))
        first += len(doc.paragraphs)
    return conn


def test_a_gold_paragraph_in_an_annex_is_named_by_the_questions_annex(tmp_path: Path) -> None:
    """S/2025/303 transmits UNODC's report as its annex: a question naming the annex gets the
    annex's paragraph; one naming none gets the annex's where the body prints no such number
    (its letter is unnumbered) and the body's where it does."""
    letter = Document("S/2025/303", "s.pdf", [
        Paragraph("1", "I have the honour to transmit ...", page="1", running=True),
        Paragraph("2", "The covering letter's own paragraph.", page="1"),
        Paragraph("2", "Paragraph 2 of the report.", page="3", annex="Annex"),
        Paragraph("52", "only the second conviction for corruption in 20 years", page="20", annex="Annex")])
    keys = GoldKeys(_store(letter))

    def hit(annex: str, number: str) -> str:
        return _hit_key(Hit(pid=1, symbol="S/2025/303", number=number, text="", page=None, section="", score=1.0,
                            annex=annex))

    rows = [{"question": "How rare is a corruption conviction in Haiti?", "symbol": "S/2025/303", "para": 52,
             "annex": "Annex"},
            {"question": "How rare is a corruption conviction in Haiti?", "symbol": "S/2025/303", "para": 52},
            {"question": "What does the covering letter say?", "symbol": "S/2025/303", "para": 2}]
    named, printed_in_annex_only, printed_in_body = (
        keys.of(q) for q in load_questions(_write(tmp_path / "q.jsonl", rows)))
    assert named == printed_in_annex_only == {hit("Annex", "52")}
    assert printed_in_body == {hit("", "2")}


def test_span_comparison_ignores_line_breaks_and_hyphenation() -> None:
    assert quote_holds_span("the recom-\nmendation of the well-known  Committee", "recommendation of the well known")
    assert quote_holds_span("“Palais des Nations”, Geneva", '"Palais des\nNations", Geneva')
    assert not quote_holds_span("thirty atolls", "seventy atolls")
    assert span_key("  ") == "" and not quote_holds_span("anything", " ")


def test_a_wrong_paragraph_of_the_gold_document_counts_as_its_document_first() -> None:
    q = Question("How far did depletion reach?", "A/70/1", ["2"], kind="fact")

    def record(*ranked: str) -> AnswerRecord:
        return answer_record(q, QuestionResult(list(ranked), {_key("A/70/1", "2")}, False, "", []))

    wrong_paragraph = record(_key("A/70/1", "3"), _key("A/70/1", "2"))
    assert wrong_paragraph.top_document_gold and not wrong_paragraph.top_gold and wrong_paragraph.top3_gold
    assert record(_key("A/70/1\x00annex", "2")).top_document_gold  # an annex is its document's
    assert not record(_key("A/70/10", "2")).top_document_gold  # a symbol the gold's is a prefix of
    assert not record().top_document_gold
    figures = answers_report([wrong_paragraph, record(_key("A/70/2", "2"))], [], 0.2)["by_kind"]["all"]
    assert (figures["gold_document_first"], figures["gold_document_first_rate"],
            figures["wrong_citation"]) == (1, 0.5, 2)


def test_tradeoff_moves_the_threshold_over_supports_measured_once() -> None:
    asked = [AnswerRecord("fact", 0.5, False, top_gold=True, top3_gold=True),
             AnswerRecord("fact", 0.15, True, top_gold=True, top3_gold=True),
             AnswerRecord("why", 0.3, False, top_gold=False, top3_gold=False)]
    against = [AnswerRecord("near_miss", 0.1, True), AnswerRecord("near_miss", 0.25, False)]
    points = {p["threshold"]: p for p in tradeoff(asked, against, 0.2)}
    assert points[0.2] == {"threshold": 0.2, "answered": 0.6667, "exact_answered": 0.3333,
                           "false_abstentions": 0.3333, "unanswerable_abstained": 0.5}
    assert points[0.0]["answered"] == 1.0 and points[0.51]["answered"] == 0.0
    report = answers_report(asked, [], 0.2)
    assert report["out_of_corpus"] is None and list(report["by_kind"]) == ["fact", "why", "all"]
    assert report["by_kind"]["fact"]["false_abstentions"] == 1
    assert (report["by_kind"]["why"]["wrong_citation"], report["by_kind"]["fact"]["wrong_citation"]) == (1, 0)


def test_a_caught_near_miss_abstains_at_every_threshold() -> None:
    asked = [AnswerRecord("fact", 0.5, False, top_gold=True, top3_gold=True),
             AnswerRecord("fact", 0.6, True, near_miss=True, top_gold=True, top3_gold=True)]
    against = [AnswerRecord("near_miss", 0.9, True, near_miss=True), AnswerRecord("near_miss", 0.4, False)]
    points = {p["threshold"]: p for p in tradeoff(asked, against, 0.2)}
    assert points[0.0] == {"threshold": 0.0, "answered": 0.5, "exact_answered": 0.5,
                           "false_abstentions": 0.5, "unanswerable_abstained": 0.5}
    assert points[0.45]["unanswerable_abstained"] == 1.0 and points[0.45]["answered"] == 0.5
    weak = AnswerRecord("near_miss", 0.1, True)  # abstained on its support alone: no closest paragraph named
    assert answers_report(asked, [*against, weak], 0.2)["out_of_corpus"]["near_miss"] == {
        "questions": 3, "abstained": 2, "abstention_rate": 0.6667, "closest_named": 1}


def test_a_gold_paragraph_in_an_embedded_text_is_named_by_the_questions_part(tmp_path: Path) -> None:
    """A/52/621, para. 10 holds the Committee's draft resolution, whose operative paragraphs run
    from 1 again: a question naming the part ("draft resolution") gets the draft's paragraph 10,
    one naming none the report's."""
    report = Document("A/52/621", "a.pdf", [
        Paragraph("10", "The Committee recommends the adoption of the following draft resolution:", page="4"),
        Paragraph("10", "Calls upon the administering Powers to ensure that workers are not discriminated against",
                  page="6", part="draft resolution", part_of="10")])
    keys = GoldKeys(_store(report))
    rows = [{"question": "What does the draft ask of the administering Powers?", "symbol": "A/52/621", "para": 10,
             "part": "draft resolution"},
            {"question": "What does the Committee recommend?", "symbol": "A/52/621", "para": 10}]
    in_draft, in_report = (keys.of(q) for q in load_questions(_write(tmp_path / "q.jsonl", rows)))
    draft = _hit_key(Hit(pid=2, symbol="A/52/621", number="10", text="", page="6", section="", score=1.0,
                         part="draft resolution", part_of="10"))
    assert in_draft == {draft} and in_report == {_key("A/52/621", "10")} and draft not in in_report
    keys.check(load_questions(_write(tmp_path / "q.jsonl", rows)), tmp_path / "q.jsonl")  # both are held
