"""The HTTP API, served for real on 127.0.0.1, answers like the CLI's --json."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

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


def _up(base: str) -> bool:
    """Whether the server at `base` answers /health within about 20 s."""
    for _ in range(400):
        try:
            if _get(base + "/health")[0] == 200:
                return True
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.05)
    return False


@contextmanager
def _serving(tmp_path, seed_dir, *args: str, **settings: str) -> Iterator[str]:
    """`rag serve` on the seed (hashing embedder) at a free port, with RAG_* `settings` added."""
    port = _free_port()
    env = rag_env(RAG_INDEX_DIR=str(tmp_path / "ix"), RAG_MODEL=FAKE_MODEL, RAG_SEEDS_DIR=str(seed_dir), **settings)
    proc = subprocess.Popen([*RAG, "serve", "--port", str(port), *args], env=env, cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        if not _up(base):
            pytest.fail(f"server did not start: {proc.stderr.read1().decode()}")
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture
def server(tmp_path, seed_dir):
    with _serving(tmp_path, seed_dir) as base:
        yield base


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
    code, data = _get(server + "/search?" + urllib.parse.urlencode({"q": "Berne Initiative", "symbl": "A/59/377"}))
    assert code == 400 and data["error"] == "symbl: unknown parameter (the parameters are body, k, mode, q, symbol, year)"
    code, data = _get(server + "/status?verbose=1")
    assert code == 400 and data["error"] == "verbose: unknown parameter (it takes no parameters)"
    code, data = _post(server + "/ask", {"question": "Which forum does IOM serve?", "yaer": 2004})
    assert code == 400 and data["error"].startswith("yaer: unknown key (the keys are question, symbol, body, year")
    code, data = _get(server + "/show?" + urllib.parse.urlencode({"symbol": "A/1/1", "paragraph": "1"}))
    assert code == 404 and "unknown symbol" in data["error"]
    assert "`rag " not in data["error"]  # a reader of the page has no command line to run
    code, data = _get(server + "/documents?symbol=S/*")
    assert code == 404 and "S/*" in data["error"] and "`rag " not in data["error"]
    head = urllib.request.Request(server + "/source?symbol=A/59/377", method="HEAD")
    with urllib.request.urlopen(head, timeout=10) as r:
        assert r.status == 200 and r.headers["content-type"].startswith("text/plain") and r.read() == b""


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


def _raw(url: str, data: bytes | None = None, headers: dict | None = None) -> tuple[int, bytes, dict]:
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read(), dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read(), dict(e.headers)


def test_every_error_has_the_documented_shape(server):
    """Validation errors, unknown routes, oversized bodies and questions: `{"error", "type"}`
    with 400, 404, 413; no traceback, no local path."""
    for url, code in [("/search", 400), ("/search?q=x&k=0", 400), ("/show?symbol=A/59/377", 400),
                      ("/nothing", 404), ("/show?symbol=A/59/377&paragraph=99", 404)]:
        status, data = _get(server + url)
        assert status == code and set(data) == {"error", "type"}, (url, data)
    status, data = _post(server + "/ask", {"question": "why? " * 500})
    assert status == 400 and data["type"] == "UsageError" and "2000" in data["error"]
    status, body, _ = _raw(server + "/ask", b'{"question": "' + b"a" * 70_000 + b'"}', {"Content-Type": "application/json"})
    assert status == 413 and json.loads(body)["type"] == "PayloadTooLarge"
    status, body, _ = _raw(server + "/ask", b"{not json", {"Content-Type": "application/json"})
    assert status == 400 and json.loads(body)["type"] == "UsageError"
    status, data = _get(server + "/status")
    assert "sources" not in data and "/tmp" not in json.dumps(data)
    chunks = (b'{"question": "' + b"a" * 70_000 + b'"}')
    req = urllib.request.Request(server + "/ask", data=iter([chunks[i:i + 8192] for i in range(0, len(chunks), 8192)]),
                                 headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"})
    try:
        urllib.request.urlopen(req, timeout=30)
        raise AssertionError("a chunked body over the limit was accepted")
    except urllib.error.HTTPError as e:
        assert e.code == 413 and json.loads(e.read())["type"] == "PayloadTooLarge"
    status, body, _ = _raw(server + "/ask", b'{"question": "\xff"}', {"Content-Type": "application/json"})
    assert status == 400 and "UTF-8" in json.loads(body)["error"]
    assert _get(server + "/search?q=%00")[0] == 400  # no word in it
    status, data = _post(server + "/ask", {"question": DEMO_QUESTION, "year": 2004})
    assert status == 400 and 'year "2004"' in data["error"]  # a year given as a JSON number is read
    assert "/tmp" not in json.dumps(_get(server + "/show?symbol=A/59/377&paragraph=49")[1])


def test_documents_context_and_source_over_http(server):
    status, data = _get(server + "/documents")
    assert status == 200 and [(d["symbol"], d["paragraphs"]) for d in data["documents"]] == [("A/59/377", 3)]
    assert _get(server + "/documents?symbol=S/*")[0] == 404
    status, data = _get(server + "/show?" + urllib.parse.urlencode({"symbol": "a/59/377", "paragraph": "para. 48",
                                                                     "context": 1}))
    assert status == 200 and [p["citation"] for p in data["before"]] == ["A/59/377, para. 47"]
    assert [p["citation"] for p in data["after"]] == ["A/59/377, para. 49"]
    status, body, headers = _raw(server + "/source?symbol=A/59/377")
    assert status == 200 and b"Berne Initiative" in body and headers["content-type"].startswith("text/plain")


def test_the_page_and_the_api_docs_are_served_offline(server):
    """/ is the web page, /docs the API docs: every script, style and font comes from the server."""
    assert _raw(server + "/redoc")[0] == 404  # ReDoc's page fetches its logo from the web: not served
    for path in ("/", "/docs"):
        status, body, _ = _raw(server + path)
        assert status == 200, path
        html = body.decode()
        external = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
        assert external == [], (path, external)
        for asset in re.findall(r'(?:src|href)="(/[^"]+\\.(?:js|css))"', html):
            assert _raw(server + asset)[0] == 200, asset


def test_serve_without_an_index_stops_at_once(tmp_path):
    env = rag_env(RAG_INDEX_DIR=str(tmp_path / "typo"), RAG_MODEL=FAKE_MODEL)
    result = subprocess.run([*RAG, "serve", "--port", str(_free_port())], env=env, cwd=REPO, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 4 and "rag index build" in result.stderr and result.stderr.count("\n") == 1


def test_a_server_reachable_from_other_machines_needs_a_token(tmp_path, seed_dir):
    env = rag_env(RAG_INDEX_DIR=str(tmp_path / "ix"), RAG_MODEL=FAKE_MODEL)
    refused = subprocess.run([*RAG, "serve", "--host", "0.0.0.0", "--port", str(_free_port())], env=env, cwd=REPO,
                             capture_output=True, text=True, timeout=60)
    assert refused.returncode == 2 and "--token" in refused.stderr and refused.stderr.count("\n") == 1
    with _serving(tmp_path, seed_dir, "--token", "s3cret") as base:
        assert _get(base + "/search?q=Berne")[0] == 401
        status, body, _ = _raw(base + "/search?q=Berne", headers={"Authorization": "Bearer wrong"})
        assert status == 401 and json.loads(body)["type"] == "Unauthorized"
        status, body, _ = _raw(base + "/search?q=Berne", headers={"Authorization": "Bearer s3cret"})
        assert status == 200 and json.loads(body)["hits"]
        assert _raw(base + "/")[0] == 200  # the page itself; its calls send the token


NEW_DOC = """United Nations A/99/500

General Assembly Distr.: General
1 September 2025

Report on lighthouse maintenance

1. The Committee approved the lighthouse maintenance fund of Tuvalu for the period 2026-2027.

2. The Committee asked the secretariat to report on the lighthouse keepers' training.
"""


def test_the_server_follows_the_live_index_without_a_restart(server, tmp_path):
    """A build during load: no request fails, the new document is answered within 1 s of the
    switch; a removal is seen by the next request."""
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "A_99_500.txt").write_text(NEW_DOC, encoding="utf-8")
    failures: list[str] = []
    stop = threading.Event()

    def load() -> None:
        while not stop.is_set():
            try:
                code, data = _get(server + "/search?q=Berne+Initiative")
                if code != 200:
                    failures.append(f"{code} {data}")
            except Exception as exc:  # a dropped connection counts as a failure
                failures.append(repr(exc))

    threads = [threading.Thread(target=load) for _ in range(4)]
    for t in threads:
        t.start()
    env = rag_env(RAG_INDEX_DIR=str(tmp_path / "ix"), RAG_MODEL=FAKE_MODEL)
    try:
        built = subprocess.run([*RAG, "index", "build", str(folder)], env=env, cwd=REPO, capture_output=True,
                               text=True, timeout=120)
        assert built.returncode == 0, built.stderr
        switched = time.monotonic()
        show = server + "/show?" + urllib.parse.urlencode({"symbol": "A/99/500", "paragraph": "1"})
        while _get(show)[0] != 200 and time.monotonic() - switched < 5:
            time.sleep(0.02)
        seen_after = time.monotonic() - switched
    finally:
        stop.set()
        for t in threads:
            t.join(30)
    assert failures == []
    assert seen_after < 1.0
    code, data = _get(server + "/search?" + urllib.parse.urlencode({"q": "Which country's lighthouse fund was approved?"}))
    assert code == 200 and data["hits"][0]["citation"] == "A/99/500, para. 1"
    removed = subprocess.run([*RAG, "index", "rm", "A/99/500"], env=env, cwd=REPO, capture_output=True, text=True,
                             timeout=120)
    assert removed.returncode == 0, removed.stderr
    assert _get(show)[0] == 404


@pytest.mark.parametrize("port", ["99999", "-1"])
def test_a_port_out_of_range_is_one_line(tmp_path, seed_dir, port):
    env = rag_env(RAG_INDEX_DIR=str(tmp_path / "ix"), RAG_MODEL=FAKE_MODEL, RAG_SEEDS_DIR=str(seed_dir))
    result = subprocess.run([*RAG, "serve", "--port", port], env=env, cwd=REPO, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 2 and "--port" in result.stderr and "Traceback" not in result.stderr
    assert "Serving" not in result.stderr


def test_a_port_in_use_is_one_line_naming_it(tmp_path, seed_dir):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = rag_env(RAG_INDEX_DIR=str(tmp_path / "ix"), RAG_MODEL=FAKE_MODEL, RAG_SEEDS_DIR=str(seed_dir))
        subprocess.run([*RAG, "index", "build", str(seed_dir)], env=env, cwd=REPO, capture_output=True, timeout=120)
        result = subprocess.run([*RAG, "serve", "--port", str(port)], env=env, cwd=REPO, capture_output=True,
                                text=True, timeout=60)
    assert result.returncode == 2 and f"port {port}" in result.stderr and result.stderr.count("\n") == 1
    assert "Serving" not in result.stderr


def test_port_zero_announces_the_port_it_got(tmp_path, seed_dir):
    env = rag_env(RAG_INDEX_DIR=str(tmp_path / "ix"), RAG_MODEL=FAKE_MODEL, RAG_SEEDS_DIR=str(seed_dir))
    subprocess.run([*RAG, "index", "build", str(seed_dir)], env=env, cwd=REPO, capture_output=True, timeout=120)
    proc = subprocess.Popen([*RAG, "serve", "--port", "0"], env=env, cwd=REPO, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        port = int(re.search(r"http://127\.0\.0\.1:(\d+)", line).group(1))
        assert port > 0
        if not _up(f"http://127.0.0.1:{port}"):
            pytest.fail("no server on the announced port")
    finally:
        proc.terminate()
        proc.wait(10)


def test_ctrl_c_stops_the_server_quietly(tmp_path, seed_dir):
    import signal

    env = rag_env(RAG_INDEX_DIR=str(tmp_path / "ix"), RAG_MODEL=FAKE_MODEL, RAG_SEEDS_DIR=str(seed_dir))
    subprocess.run([*RAG, "index", "build", str(seed_dir)], env=env, cwd=REPO, capture_output=True, timeout=120)
    port = _free_port()
    proc = subprocess.Popen([*RAG, "serve", "--port", str(port)], env=env, cwd=REPO, stderr=subprocess.PIPE, text=True)
    try:
        assert _up(f"http://127.0.0.1:{port}")
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 0 and "error" not in err and "Traceback" not in err
