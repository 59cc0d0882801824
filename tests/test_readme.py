"""Every command example of the README's "Commands" section runs as written (on a temporary
index with the test embedder), and the web page command serves."""

from __future__ import annotations

import re
import shlex
import subprocess
import time
import urllib.request

from tests.conftest import FAKE_MODEL, RAG, REPO, rag_env
from tests.test_server import _free_port


def _examples() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Commands", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```console\n(.*?)```", section, re.DOTALL)
    assert block, "the Commands section has a console block"
    return [line[2:] for line in block.group(1).splitlines() if line.startswith("$ rag ")]


def test_every_command_example_in_the_readme_runs(tmp_path):
    env = rag_env(RAG_INDEX_DIR=str(tmp_path / "indexes"), RAG_MODEL=FAKE_MODEL, RAG_SEEDS_DIR=str(REPO / "seeds"))
    examples = _examples()
    assert len(examples) >= 10
    for example in examples:
        args = shlex.split(example)[1:]
        if args[0] == "serve":
            continue
        result = subprocess.run([*RAG, *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, (example, result.stderr)
        assert "Traceback" not in result.stderr, example
    serve = next(shlex.split(e)[1:] for e in examples if e.startswith("rag serve"))
    port = str(_free_port())  # the example's port may be taken on this machine: the same command on a free one
    serve[serve.index("--port") + 1] = port
    proc = subprocess.Popen([*RAG, *serve], env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as page:
                    assert page.status == 200 and b"<form" in page.read()
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError(f"rag serve did not answer: {proc.stderr.read1().decode()}")
    finally:
        proc.terminate()
        proc.wait(10)
