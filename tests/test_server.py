"""The HTTP API, served for real on 127.0.0.1, answers like the CLI's --json."""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.conftest import DEMO_QUESTION, FAKE_MODEL, RAG, REPO, rag_env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def _post(url: str, body: dict) -> tuple[int, dict]:
    req = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


@pytest.fixture
def server(tmp_path, seed_dir):
    port = _free_port()
    env = rag_env(RAG_INDEX_DIR=str(tmp_path / "ix"), RAG_MODEL=FAKE_MODEL, RAG_SEEDS_DIR=str(seed_dir))
    proc = subprocess.Popen([*RAG, "serve", "--port", str(port)], env=env, cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if _get(base + "/health")[0] == 200:
                    break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.05)
        else:
            pytest.fail(f"server did not start: {proc.stderr.read1().decode()}")
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


def test_ask_search_show_status_over_http(server):
    code, data = _post(server + "/ask", {"question": DEMO_QUESTION})
    assert code == 200
    assert data["citations"][0]["citation"] == "A/59/377, para. 49" and data["abstained"] is False
    code, data = _post(server + "/ask", {"question": DEMO_QUESTION.rstrip("?") + " at the sixtieth session?"})
    assert code == 200 and data["abstained"] is True and data["closest"]["citation"] == "A/59/377, para. 49"
    code, data = _get(server + "/search?" + urllib.parse.urlencode({"q": "Berne Initiative", "k": 2}))
    assert code == 200 and [h["paragraph"] for h in data["hits"]][0] == "49" and len(data["hits"]) == 2
    code, data = _get(server + "/show?" + urllib.parse.urlencode({"symbol": "A/59/377", "paragraph": "48"}))
    assert code == 200 and data["footnotes"] == [{"marker": "9", "text": ""}]
    code, data = _get(server + "/status")
    assert code == 200 and data["paragraphs"] == 3


def test_errors_over_http(server):
    code, data = _post(server + "/ask", {"question": "  "})
    assert code == 400 and "empty question" in data["error"]
    code, data = _get(server + "/show?" + urllib.parse.urlencode({"symbol": "A/1/1", "paragraph": "1"}))
    assert code == 404 and "unknown symbol" in data["error"]


def test_document_filters_over_http(server):
    """symbol, body and year filter /search (query parameters) and /ask (fields of the body); a
    filter no document passes is a 400 naming it, in the API's error format."""
    search = server + "/search?" + urllib.parse.urlencode({"q": "Berne Initiative", "body": "GA", "symbol": "a/59/*"})
    code, data = _get(search)
    assert code == 200 and data["hits"][0]["citation"] == "A/59/377, para. 49"
    code, data = _post(server + "/ask", {"question": DEMO_QUESTION, "body": "general assembly"})
    assert code == 200 and data["citations"][0]["citation"] == "A/59/377, para. 49"
    code, data = _get(server + "/search?" + urllib.parse.urlencode({"q": "Berne", "body": "Security Council"}))
    assert code == 400 and data["type"] == "UsageError" and 'matches body "Security Council"' in data["error"]
    code, data = _post(server + "/ask", {"question": DEMO_QUESTION, "year": "2004"})
    assert code == 400 and 'matches year "2004"' in data["error"]
    code, data = _post(server + "/ask", {"question": DEMO_QUESTION, "year": "last year"})
    assert code == 400 and "expected YYYY or YYYY-YYYY" in data["error"]
