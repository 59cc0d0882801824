"""A build on a Ray cluster (rag.index.ray_build) gives the index a local build gives: the same
documents, paragraphs and citations, vectors within cosine 0.9999, also when an encoding actor
is killed mid-build; an incremental Ray build sends only what changed; a cluster that cannot be
reached is one line and leaves the index as it was.

The slow tests share one loopback cluster of two nodes (one CPU each) and one local build of a
few UN texts with the real model (onnxruntime fp32 on both sides)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from rag.config import Settings, load_settings
from tests.conftest import FAKE_MODEL, REPO, shared_path
from tests.index_compare import documents_and_paragraphs, least_cosines
from tests.test_query_encoder import imported_top_level

ray = pytest.importorskip("ray")

UN_FILES = ["A_47_466.txt", "A_80_150.txt", "A_80_176.txt", "E_AC.51_2025_2.txt", "E_CN.6_2025_4.txt",
            "S_2025_154.txt", "S_2025_350.txt", "DP_FPA_2025_7.txt"]
CALL_TEXTS = 128  # texts per encoder call in these builds (local and Ray alike): several calls, a tick each
MIN_COSINE = 0.9999


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_cluster_is_one_line_naming_it_and_the_index_is_untouched(tmp_path, seed_dir):
    env = {**os.environ, "PYTHONPATH": str(REPO), "RAG_INDEX_DIR": str(tmp_path / "ix"), "RAG_MODEL": FAKE_MODEL}
    rag = [sys.executable, "-X", "importtime", "-m", "rag.cli", "index", "build", str(seed_dir)]
    built = subprocess.run(rag, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert built.returncode == 0, built.stderr[-400:]
    assert "ray" not in imported_top_level(built.stderr)  # a build that does not ask for Ray never imports it
    current = (tmp_path / "ix" / "default" / "CURRENT").read_text()
    address = f"127.0.0.1:{_closed_port()}"
    refused = subprocess.run(rag[:1] + rag[3:] + ["--ray", address], env=env, capture_output=True, text=True,
                             timeout=120, check=False)
    assert refused.returncode == 13
    assert refused.stderr.count("\n") == 1 and address in refused.stderr and "Traceback" not in refused.stderr
    assert (tmp_path / "ix" / "default" / "CURRENT").read_text() == current
    assert sorted(p.name for p in (tmp_path / "ix" / "default").iterdir() if p.name.startswith(".tmp-")) == []


@pytest.mark.slow
def test_ray_local_builds_through_the_cli_as_a_local_build_does(tmp_path):
    """`--ray local` starts Ray on this machine for the build and prints nothing of Ray's; the
    index equals a local build's (hash embedder)."""
    from rag.index.build import build_index

    folder = tmp_path / "docs"
    folder.mkdir()
    for name in UN_FILES[:2]:
        shutil.copy(shared_path("data", "un_corpus", "txt", name), folder / name)
    env = {**os.environ, "PYTHONPATH": str(REPO), "RAG_INDEX_DIR": str(tmp_path / "ix"), "RAG_MODEL": FAKE_MODEL,
           "RAY_USAGE_STATS_ENABLED": "0"}
    built = subprocess.run([sys.executable, "-m", "rag.cli", "index", "build", str(folder), "--ray", "local"], env=env,
                           capture_output=True, text=True, timeout=300, check=False)
    assert built.returncode == 0 and built.stderr == "", built.stderr[-600:]
    local = load_settings(env={}, index_dir=tmp_path / "ix", index_name="local", model=FAKE_MODEL)
    build_index(local, [folder])
    ray_settings = load_settings(env={}, index_dir=tmp_path / "ix", model=FAKE_MODEL)
    assert documents_and_paragraphs(local.index_path) == documents_and_paragraphs(ray_settings.index_path)
    least = least_cosines(local.index_path, ray_settings.index_path)
    assert least["vectors"] >= MIN_COSINE and least["tokens"] >= MIN_COSINE, least


# --------------------------------------------------------------------------- a loopback cluster


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    """Two nodes of one CPU each on 127.0.0.1, this process connected as the driver."""
    from ray.cluster_utils import Cluster

    mp = pytest.MonkeyPatch()
    mp.setenv("RAY_USAGE_STATS_ENABLED", "0")
    mp.setenv("PYTHONPATH", os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]))  # workers import this rag
    # ray.init would turn the head's 127.0.0.1 into this machine's address, where nothing listens
    mp.setattr("ray._private.ray_constants.ENABLE_RAY_CLUSTER", False)
    node = {"num_cpus": 1, "include_dashboard": False, "node_ip_address": "127.0.0.1"}
    made = Cluster(initialize_head=True, head_node_args=node)
    try:
        made.add_node(num_cpus=1, node_ip_address="127.0.0.1")
        made.wait_for_nodes()
        ray.init(address=made.address, log_to_driver=False, logging_level="warning", _node_ip_address="127.0.0.1")
        yield made
    finally:
        ray.shutdown()
        made.shutdown()
        mp.undo()


@pytest.fixture(scope="module")
def small_calls() -> Iterator[None]:
    mp = pytest.MonkeyPatch()
    mp.setattr("rag.index.encode.EMBED_CALL_TEXTS", CALL_TEXTS)
    try:
        yield
    finally:
        mp.undo()


@pytest.fixture(scope="module")
def un_texts(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("un")
    for name in UN_FILES:
        shutil.copy(shared_path("data", "un_corpus", "txt", name), folder / name)
    return folder


def _settings(root: Path, name: str) -> Settings:
    return load_settings(env={}, index_dir=root, index_name=name, embed_backend="onnx-f32")


@pytest.fixture(scope="module")
def local_build(un_texts, small_calls, tmp_path_factory) -> Settings:
    from rag.index.build import build_index

    settings = _settings(tmp_path_factory.mktemp("local"), "local")
    build_index(settings, [un_texts])
    return settings


def _ray_build(settings: Settings, sources: list[Path], progress=None):
    from rag.index.build import build_index
    from rag.index.ray_build import ray_workers

    with ray_workers("auto") as workers:  # this process is connected already: its session is used
        report = build_index(settings, sources, progress=progress, workers=workers)
    return report, workers


def _assert_same_index(a: Settings, b: Settings) -> None:
    assert documents_and_paragraphs(a.index_path) == documents_and_paragraphs(b.index_path)
    least = least_cosines(a.index_path, b.index_path)
    assert least["vectors"] >= MIN_COSINE and least["tokens"] >= MIN_COSINE, least


@pytest.mark.slow
def test_a_two_node_build_equals_the_local_one(cluster, un_texts, local_build, tmp_path):
    settings = _settings(tmp_path, "ray")
    report, workers = _ray_build(settings, [un_texts])
    assert workers.cpus == 2 and workers.parse_tasks == len(UN_FILES)
    assert report.parsed == len(UN_FILES) and report.reused == 0
    _assert_same_index(local_build, settings)


def _encoder_processes() -> list:
    import psutil

    return [p for p in psutil.Process().children(recursive=True)
            if "_Encoder" in " ".join(p.cmdline() if p.is_running() else [])]


@pytest.mark.slow
def test_an_encoding_actor_killed_mid_build_loses_no_paragraph(cluster, un_texts, local_build, tmp_path):
    killed: list[int] = []

    def kill_one_mid_build(stage: str, done: int, total: int) -> None:
        # the first call fits the token projection; the calls after it go to a second pool
        if stage == "embed" and 2 * CALL_TEXTS <= done < total and not killed:
            victims = sorted(_encoder_processes(), key=lambda p: p.create_time())
            assert victims, "no encoding actor to kill"
            os.kill(victims[-1].pid, signal.SIGKILL)
            killed.append(victims[-1].pid)

    settings = _settings(tmp_path, "killed")
    report, _ = _ray_build(settings, [un_texts], kill_one_mid_build)
    assert len(killed) == 1 and report.reused == 0
    _assert_same_index(local_build, settings)


@pytest.mark.slow
def test_an_incremental_ray_build_sends_only_the_changed_file(cluster, small_calls, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in UN_FILES[:3]:
        shutil.copy(shared_path("data", "un_corpus", "txt", name), folder / name)
    settings = _settings(tmp_path, "incremental")
    _ray_build(settings, [folder])
    changed = folder / UN_FILES[1]
    text = changed.read_text(encoding="utf-8")
    at = text.index(" the ", len(text) // 2)  # a word in one paragraph of the body
    changed.write_text(text[:at] + " the revised " + text[at + 5:], encoding="utf-8")
    report, workers = _ray_build(settings, [folder])
    assert (report.parsed, report.unchanged, workers.parse_tasks) == (1, 2, 1)
    assert 1 <= report.embedded <= 2 and workers.texts_sent == report.embedded  # a few sentences are embedded here
    local = _settings(tmp_path, "local")
    from rag.index.build import build_index

    build_index(local, [folder])
    _assert_same_index(local, settings)
