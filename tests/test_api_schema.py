"""schemathesis against the served /openapi.json: generated requests to every operation, no
5xx, every status and body as the schema documents (errors included)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.test_server import _serving

pytest.importorskip("schemathesis")


@pytest.mark.slow
def test_the_api_keeps_its_schema_under_generated_requests(tmp_path, seed_dir):
    cli = shutil.which("schemathesis") or shutil.which("st")
    command = [cli] if cli else [sys.executable, "-m", "schemathesis.cli"]
    with _serving(tmp_path, seed_dir) as base:
        result = subprocess.run(
            [*command, "run", base + "/openapi.json", "--checks",
             "not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance",
             "--max-examples", "40", "--phases", "examples,coverage,fuzzing", "--workers", "1",
             "--generation-deterministic"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-4000:]
    assert " passed" in result.stdout
