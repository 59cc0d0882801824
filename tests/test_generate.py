"""Generated answers (rag.answer.generate) against an OpenAI-compatible fake endpoint on
127.0.0.1 (tests/fake_llm.py) that returns scripted completions: the checker's verdicts on
correct answers, invented citations, citations to paragraphs not sent, numbers the paragraph
does not state; broken, truncated, slow and refused streams with their exit codes and HTTP
statuses; no endpoint configured or reachable; the key never shown."""

from __future__ import annotations

import json
import shutil
import socket
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from rag.answer import generate as generate_module
from rag.answer.check import check_answer, cited_sentences, unsupported_because
from rag.cli import app
from rag.config import load_settings
from rag.errors import LLMRefused, LLMResponseError, LLMTimeout
from rag.server import create_app
from rag.service import Session, build
from tests.conftest import DEMO_QUESTION, SEED
from tests.fake_llm import Script, fake_llm

P49 = "A/59/377, para. 49"
CORRECT = ("IOM serves as secretariat for the Berne Initiative, a forum for intergovernmental cooperation "
           f"on migration management [{P49}]. The Berne Initiative is backed by the Swiss Government [{P49}].")
KEY = "sk-test-0123456789"


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    root = tmp_path_factory.mktemp("generate")
    (root / "seeds").mkdir()
    shutil.copy(SEED, root / "seeds" / SEED.name)
    settings = load_settings(env={}, index_dir=root / "indexes")
    build(settings, [root / "seeds"])
    return settings


def _with(settings, url, timeout=10.0):
    return replace(settings, llm_url=url, llm_model="fake-model", llm_timeout=timeout)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- the checker alone ----------------------------------------------------------------------

def test_citations_are_read_per_sentence_even_after_the_full_stop():
    parsed = cited_sentences(f"First claim [{P49}]. Second claim. [A/1, para. 2; A/1, para. 3] Third.")
    assert parsed == [("First claim.", [P49]), ("Second claim.", ["A/1, para. 2", "A/1, para. 3"]), ("Third.", [])]


@pytest.mark.parametrize("claim, why", [
    ("The Initiative held its consultations on 2 and 3 July 2003.", None),
    ("The Initiative held its consultations on 4 July 2003.", "does not state 4"),
    ("The consultations were held in Norway.", "does not name Norway"),
    ("The Initiative is backed by the Government of Freedonia.", "never writes Government, Freedonia"),
    ("The consultations were not held in the Swiss capital.", "negation"),
    ("The consultations will abolish tariffs on agricultural exports.", "too few"),
])
def test_support_verdicts(claim, why):
    paragraph = ("On 2 and 3 July 2003, the Berne Initiative consultations were held in the Swiss capital; "
                 "these consultations were the first step towards drawing up a framework.")
    verdict = unsupported_because(claim, paragraph)
    assert (verdict is None) if why is None else (why in verdict)


def test_a_sentence_without_a_supported_citation_is_unsupported():
    sent = {P49: "IOM serves as secretariat for the Berne Initiative."}
    checked = check_answer(f"IOM serves as secretariat for the Berne Initiative [{P49}; A/99/1, para. 1]. "
                           "It has 40 members.", sent)
    assert checked[0].supported and checked[0].citations == [P49]
    assert checked[0].removed == [{"citation": "A/99/1, para. 1", "why": "not among the paragraphs sent"}]
    assert not checked[1].supported and checked[1].citations == []


@pytest.mark.parametrize("claim, why", [
    ("The Assembly met at its fifty-ninth session.", "ordinal 59"),
    ("Contributions reached US$ 1.2 billion.", "billion"),
    ("Contributions decreased to US$ 1.2 million.", "opposite of 'decreas'"),
    ("Contributions increased to US$ 1.2 million at its fifty-eighth session.", None),
])
def test_ordinals_scales_and_opposites(claim, why):
    paragraph = "At its fifty-eighth session, the Assembly noted that contributions increased to US$ 1.2 million."
    verdict = unsupported_because(claim, paragraph)
    assert (verdict is None) if why is None else (why in verdict)


@pytest.mark.parametrize("claim, why", [
    ("The Council welcomed the arrest of the former minister.", "the paragraph's stance is not 'welcomed'"),
    ("The Council commended the authorities for the arrest.", "the paragraph's stance is not 'commended'"),
    ("The Council expressed concern about the arrest of the former minister.", None),
])
def test_a_stance_the_paragraph_does_not_take(claim, why):
    """A model's "welcomed" where the paragraph "expressed concern": the same words otherwise."""
    paragraph = "The Council expressed concern about the arrest of the former minister and called for his release."
    verdict = unsupported_because(claim, paragraph)
    assert verdict == why


def test_a_stance_the_paragraph_also_takes_is_supported():
    paragraph = "The Council welcomed the elections but expressed concern about the arrest of the former minister."
    assert unsupported_because("The Council welcomed the elections.", paragraph) is None


def test_citation_forms_ranges_and_several_paragraphs_together():
    sent = {P49: "IOM serves as secretariat for the Berne Initiative, backed by the Swiss Government.",
            "A/59/377, para. 48": "The Global Commission on International Migration was launched in 2003."}
    checked = check_answer("IOM serves as secretariat for the Berne Initiative [A/59/377, para 49]. "
                           "It is backed by the Swiss Government [¶ 49]. "
                           "IOM serves the Berne Initiative, and the Global Commission was launched in 2003 "
                           "[A/59/377, paras. 48-49].", sent)
    assert [c.citations for c in checked] == [[P49], [P49], ["A/59/377, para. 48", P49]]
    assert all(c.supported for c in checked)


def test_a_model_saying_the_paragraphs_do_not_answer_claims_nothing():
    checked = check_answer("The paragraphs do not say who chaired the session.", {P49: "IOM serves."})
    assert checked[0].declines and not checked[0].supported
    invented = check_answer("The session was chaired by Ms. Smith.", {P49: "IOM serves."})
    assert not invented[0].declines  # a claim without a citation is unsupported, not a decline


# --- against the fake endpoint ----------------------------------------------------------------

def test_correct_answer_streams_and_every_sentence_is_supported(settings, monkeypatch):
    monkeypatch.setenv("RAG_LLM_API_KEY", KEY)
    script = Script(text=CORRECT)
    pieces: list[str] = []
    with fake_llm(script) as url, Session(_with(settings, url)) as s:
        answer = s.ask(DEMO_QUESTION, generate=True, on_text=pieces.append)
    assert len(pieces) > 3 and "".join(pieces) == CORRECT  # streamed, in order
    g = answer.generated
    assert g.supported and [s.citations for s in g.sentences] == [[P49], [P49]]
    request = script.requests[0]
    assert request["path"] == "/v1/chat/completions" and request["body"]["stream"] is True
    assert request["body"]["model"] == "fake-model"
    assert f"[{P49}]" in request["body"]["messages"][1]["content"]  # each paragraph under its citation
    assert request["authorization"] == f"Bearer {KEY}"
    assert KEY not in json.dumps(answer.to_json())


def test_invented_and_unsent_citations_and_wrong_numbers_are_removed(settings, monkeypatch):
    monkeypatch.setattr(generate_module, "PARAGRAPHS_SENT", 1)  # only the best paragraph (para. 49) is sent
    text = (f"IOM serves as secretariat for the Berne Initiative [{P49}]. "
            "The Special Rapporteur shares thoughts with the General Assembly [A/59/377, para. 47]. "
            "The Global Commission has 19 commissioners [A/59/999, para. 3]. "
            f"The Berne Initiative consultations were held on 4 July 2003 [{P49}].")
    with fake_llm(Script(text=text)) as url, Session(_with(settings, url)) as s:
        g = s.ask(DEMO_QUESTION, generate=True).generated
    verdicts = [(x.supported, [r["why"] for r in x.removed]) for x in g.sentences]
    assert g.sent == [P49]
    assert verdicts[0] == (True, [])
    assert verdicts[1] == (False, ["not among the paragraphs sent"])  # a real paragraph, not sent
    assert verdicts[2] == (False, ["not among the paragraphs sent"])  # invented
    assert verdicts[3][0] is False and "does not state 4" in verdicts[3][1][0]
    assert not g.supported


@pytest.mark.parametrize("mode, error, code, status", [
    ("broken", LLMResponseError, 21, 502),
    ("truncated", LLMResponseError, 21, 502),
    ("length", LLMResponseError, 21, 502),
    ("error", LLMResponseError, 21, 502),
    ("refusal", LLMRefused, 22, 422),
    ("slow", LLMTimeout, 20, 504),
])
def test_bad_streams_have_errors_exit_codes_and_statuses_of_their_own(settings, monkeypatch, mode, error, code, status):
    script = Script(text=CORRECT, mode=mode, delay=3.0)
    with fake_llm(script) as url:
        configured = _with(settings, url, timeout=1.0)
        with Session(configured) as s:
            answer = s.ask(DEMO_QUESTION, generate=True)
        assert isinstance(answer.generation_error, error) and answer.generated is None
        assert answer.citations[0].citation == P49  # the extractive answer stands
        for k, v in (("RAG_INDEX_DIR", str(settings.index_dir)), ("RAG_LLM_URL", url),
                     ("RAG_LLM_MODEL", "fake-model"), ("RAG_LLM_TIMEOUT", "1")):
            monkeypatch.setenv(k, v)
        result = CliRunner().invoke(app, ["ask", DEMO_QUESTION, "--generate"])
        assert result.exit_code == code
        assert "Traceback" not in result.output and f"— {P49}" in result.output
        assert result.output.rstrip().splitlines()[-1].startswith("error: the language model at http://127.0.0.1:")
        as_json = CliRunner().invoke(app, ["ask", DEMO_QUESTION, "--generate", "--json"])
        data = json.loads(as_json.output)  # one JSON document: the answer with the model's error
        assert as_json.exit_code == code and data["generation_error"]["type"] == error.__name__
        assert data["citations"][0]["citation"] == P49
        response = TestClient(create_app(configured)).post("/ask", json={"question": DEMO_QUESTION, "generate": True})
        body = response.json()
        assert response.status_code == status and body["type"] == error.__name__
        assert body["answer"]["citations"][0]["citation"] == P49


def test_no_endpoint_configured_or_reachable_gives_the_extractive_answer_and_why(settings, monkeypatch):
    monkeypatch.setenv("RAG_INDEX_DIR", str(settings.index_dir))
    for var in ("RAG_LLM_URL", "RAG_LLM_MODEL"):
        monkeypatch.delenv(var, raising=False)
    result = CliRunner().invoke(app, ["ask", DEMO_QUESTION, "--generate"])
    assert result.exit_code == 0 and P49 in result.output
    assert "no language model configured" in result.output and "RAG_LLM_URL" in result.output
    monkeypatch.setenv("RAG_LLM_URL", f"http://127.0.0.1:{_free_port()}/v1")
    monkeypatch.setenv("RAG_LLM_MODEL", "fake-model")
    data = json.loads(CliRunner().invoke(app, ["ask", DEMO_QUESTION, "--generate", "--json"]).output)
    assert data["citations"][0]["citation"] == P49 and "generated" not in data
    assert data["note"].startswith("cannot reach the language model at http://127.0.0.1:")
    monkeypatch.setenv("RAG_LLM_URL", "ftp://example.org")
    bad = CliRunner().invoke(app, ["ask", DEMO_QUESTION, "--generate"])
    assert bad.exit_code == 2 and "llm_url" in bad.output


def test_https_to_a_plain_http_endpoint_is_a_tls_error_not_unreachable(settings):
    with fake_llm(Script(text=CORRECT)) as url, Session(_with(settings, url.replace("http://", "https://"))) as s:
        answer = s.ask(DEMO_QUESTION, generate=True)
    assert isinstance(answer.generation_error, LLMResponseError) and "TLS" in str(answer.generation_error)
    assert answer.note == "" and answer.citations[0].citation == P49


def test_abstention_sends_nothing_to_the_model(settings):
    script = Script(text=CORRECT)
    with fake_llm(script) as url, Session(_with(settings, url)) as s:
        answer = s.ask("what is the boiling point of liquid nitrogen?", generate=True)
    assert answer.abstained and answer.generated is None and "none was sent" in answer.note
    assert script.requests == []


def test_cli_prints_the_stream_then_the_checked_sentences(settings, monkeypatch):
    text = CORRECT + " It was founded in 1999."
    with fake_llm(Script(text=text)) as url:
        for k, v in (("RAG_INDEX_DIR", str(settings.index_dir)), ("RAG_LLM_URL", url), ("RAG_LLM_MODEL", "fake-model")):
            monkeypatch.setenv(k, v)
        result = CliRunner().invoke(app, ["ask", DEMO_QUESTION, "--generate"])
    assert result.exit_code == 0, result.output
    assert text in result.output  # the stream as it came
    assert "✓ IOM serves as secretariat" in result.output
    assert "✗ unsupported: It was founded in 1999." in result.output
    checked_at = result.output.index("Checked against the")
    assert result.output.index(text) < checked_at < result.output.index(f"— {P49}")  # then the extractive answer


def test_api_streams_server_sent_events(settings):
    with fake_llm(Script(text=CORRECT + " It was founded in 1999.")) as url:
        client = TestClient(create_app(_with(settings, url)))
        assert client.get("/status").json()["language_model"] == "fake-model"
        with client.stream("POST", "/ask/stream", json={"question": DEMO_QUESTION}) as response:
            assert response.status_code == 200 and response.headers["content-type"].startswith("text/event-stream")
            events = [(block.split("\n")[0][len("event: "):], json.loads(block.split("\n")[1][len("data: "):]))
                      for block in response.read().decode().strip().split("\n\n")]
    kinds = [k for k, _ in events]
    assert kinds[0] == "answer" and kinds[-1] == "generated" and set(kinds[1:-1]) == {"text"}
    assert events[0][1]["citations"][0]["citation"] == P49
    assert "".join(d["text"] for k, d in events if k == "text") == CORRECT + " It was founded in 1999."
    generated = events[-1][1]
    assert [s["supported"] for s in generated["sentences"]] == [True, True, False]
    with fake_llm(Script(text=CORRECT, mode="broken")) as url:
        client = TestClient(create_app(_with(settings, url)))
        body = client.post("/ask/stream", json={"question": DEMO_QUESTION}).text
    error = json.loads(body.split("event: error\ndata: ")[1].split("\n")[0])
    assert error["status"] == 502 and error["type"] == "LLMResponseError"
    assert isinstance(error["error"], str) and error["error"].startswith("the language model at")
    bad = TestClient(create_app(settings)).post("/ask/stream", json={"question": ""})
    assert bad.status_code == 400  # errors before the stream are plain error responses
