"""End to end with the real bundled model: the demo question, and every README example."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DEMO_QUESTION, REPO

pytestmark = pytest.mark.slow


def _rag() -> list[str]:
    exe = shutil.which("rag")
    return [exe] if exe else [sys.executable, "-m", "rag"]


@pytest.fixture(scope="module")
def real_env(tmp_path_factory) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    env["RAG_INDEX_DIR"] = str(tmp_path_factory.mktemp("indexes"))
    return env


def rag(env: dict[str, str], *args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([*_rag(), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=600)


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


def test_readme_examples_run_as_shown(real_env):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```console\n(.*?)```", readme, re.S)
    lines = [ln[2:] for block in blocks for ln in block.splitlines() if ln.startswith("$ rag ")]
    assert len(lines) >= 5
    for line in lines:
        args = shlex.split(line)[1:]
        result = rag(real_env, *args)
        assert result.returncode == 0, f"{line}: {result.stderr}"
        assert "Traceback" not in result.stderr
        if "--json" in args:
            json.loads(result.stdout)
