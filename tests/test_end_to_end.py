"""End to end with the real bundled model: the demo question, and every README example."""

from __future__ import annotations

import json
import re
import shlex
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import DEMO_QUESTION, RAG, REPO, rag_env

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def real_env(tmp_path_factory) -> dict[str, str]:
    # The demo is built on first use only into the checkout's own index folder, or where the
    # seeds are named too, as here.
    return rag_env(RAG_INDEX_DIR=str(tmp_path_factory.mktemp("indexes")), RAG_SEEDS_DIR=str(REPO / "seeds"))


def rag(env: dict[str, str], *args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([*RAG, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=600)


def test_demo_question_real_model(real_env):
    result = rag(real_env, "ask", DEMO_QUESTION, "--json")
    assert result.returncode == 0, result.stderr
    assert "building it from" in result.stderr
    data = json.loads(result.stdout)
    first = data["citations"][0]
    assert first["citation"] == "A/59/377, para. 49"
    assert "IOM serves as secretariat" in first["quote"]
    assert first["page"] == "15"
    assert first["section"] == "C. Towards a rights-based migration management"


def test_unrelated_question_abstains_real_model(real_env):
    result = rag(real_env, "ask", "what is the capital of France?", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["abstained"] is True and data["citations"] == []


def _serve_answers_health(env: dict[str, str], args: list[str]) -> None:
    """`rag serve ...` as shown, on a free port: it answers /health, then is stopped."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    if "--port" in args:
        args = [*args[:args.index("--port")], *args[args.index("--port") + 2:]]
    proc = subprocess.Popen([*RAG, *args, "--port", str(port)], env=env, cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(600):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
                    assert r.status == 200
                    return
            except OSError:
                assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
                time.sleep(0.1)
        raise AssertionError("rag serve did not answer /health within 60 s")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_readme_examples_run_as_shown(real_env):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```console\n(.*?)```", readme, re.S)
    lines = [ln[2:] for block in blocks for ln in block.splitlines() if ln.startswith("$ rag ")]
    assert len(lines) >= 5
    for line in lines:
        args = shlex.split(line)[1:]
        if args[0] == "serve":
            _serve_answers_health(real_env, args)
            continue
        result = rag(real_env, *args)
        assert result.returncode == 0, f"{line}: {result.stderr}"
        assert "Traceback" not in result.stderr
        if "--json" in args:
            json.loads(result.stdout)
