"""Real processes: builds killed with SIGKILL, readers during a rebuild, two writers, full or
read-only disks. The previous index must keep answering exactly as before."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from rag.config import load_settings
from rag.index.build import build_index
from rag.service import Session
from tests.conftest import FAKE_MODEL, RAG, REPO, rag_env
from tests.corpus import write_corpus

pytestmark = pytest.mark.slow
QUERIES = ["fisheries cooperation item 3", "report A/70/17 water", "aviation progress section 5"]


def snapshot(settings) -> list[list[tuple[str, float]]]:
    with Session(settings) as s:
        return [[(h.citation, round(h.score, 4)) for h in s.search(q, k=3)] for q in QUERIES]  # as --json rounds


def env_for(index_dir: Path) -> dict[str, str]:
    return rag_env(RAG_INDEX_DIR=str(index_dir), RAG_MODEL=FAKE_MODEL)


def rag_proc(index_dir: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([*RAG, *args], env=env_for(index_dir), cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def build_stamp(name: str) -> str:
    """The build a `.tmp-*` entry belongs to: `.tmp-S`, `.tmp-S-scratch`, `.tmp-CURRENT-gen-S` give S."""
    return name.removeprefix(".tmp-").removeprefix("CURRENT-gen-").removesuffix("-scratch")


def edit_corpus(folder: Path, undo: bool = False) -> None:
    """A revision touching every document, so the next build parses, embeds and writes everything."""
    a, b = ("noted progress", "welcomed progress")[::-1 if undo else 1]
    for path in folder.iterdir():
        path.write_text(path.read_text().replace(a, b))


@pytest.fixture
def world(tmp_path: Path):
    corpus = tmp_path / "docs"
    write_corpus(corpus, 300, paragraphs=8)
    settings = load_settings(env={}, index_dir=tmp_path / "indexes", model=FAKE_MODEL)
    build_index(settings, [corpus])
    old = snapshot(settings)
    # what the index answers once the edit is built: the same index copied elsewhere and brought
    # up to date there (an incremental build keeps the index's token-vector projection, so a build
    # from scratch of the edited files would score slightly differently)
    shutil.copytree(settings.index_dir, tmp_path / "reference")
    edit_corpus(corpus)
    other = load_settings(env={}, index_dir=tmp_path / "reference", model=FAKE_MODEL)
    started = time.perf_counter()
    proc = rag_proc(other.index_dir, "index", "build", str(corpus), "--json")
    assert proc.wait(120) == 0, proc.stderr.read()
    duration = time.perf_counter() - started
    new = snapshot(other)
    assert new != old
    return corpus, settings, old, new, duration


def test_sigkill_at_20_points_leaves_previous_index_answering(world):
    corpus, settings, old, new, duration = world
    root = settings.index_path
    outcomes = []
    for i in range(20):
        proc = rag_proc(settings.index_dir, "index", "build", str(corpus), "--json")
        time.sleep(duration * (i + 0.5) / 21)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        now = snapshot(settings)
        assert now in (old, new), f"kill point {i}: index answers neither the old nor the new way"
        outcomes.append("new" if now == new else "old")
        # What a killed build leaves: its own generation folder, scratch rows and CURRENT pointer
        # written but not yet renamed, nothing older (the next build removes them).
        assert len({build_stamp(t.name) for t in root.glob(".tmp-*")}) <= 1, sorted(root.glob(".tmp-*"))
        if now == new:  # killed after the switch: go back to the old state for the next point
            edit_corpus(corpus, undo=True)
            build_index(settings, [corpus])
            assert snapshot(settings) == old
            edit_corpus(corpus)
    # Kill points are spread over one reference build's wall time; a kill build that runs faster
    # than the reference (a busy CI host, a warm page cache) finishes before the late points. At
    # least half must still land mid-build, or the test would not be killing builds at all.
    assert len(outcomes) == 20 and outcomes.count("old") >= 10, outcomes
    finish = rag_proc(settings.index_dir, "index", "build", str(corpus), "--json")
    assert finish.wait(120) == 0, finish.stderr.read()
    assert snapshot(settings) == new
    assert list(root.glob(".tmp-*")) == []
    assert len(list(root.glob("gen-*"))) <= 2


def test_readers_during_rebuild_see_old_or_new(world):
    corpus, settings, old, new, _ = world
    builder = rag_proc(settings.index_dir, "index", "build", str(corpus), "--json")
    seen = []

    def read() -> str:
        reader = rag_proc(settings.index_dir, "search", QUERIES[0], "-k", "3", "--json")
        out, err = reader.communicate(timeout=60)
        assert reader.returncode == 0, err
        got = [(h["citation"], round(h["score"], 4)) for h in json.loads(out)["hits"]]
        assert got in (old[0], new[0])
        return "new" if got == new[0] else "old"

    while builder.poll() is None or len(seen) < 4:
        seen.append(read())  # a reader that opened the index before the switch still answers "old"
    assert builder.returncode == 0
    seen.append(read())  # started after the build finished
    assert seen[-1] == "new"
    assert "old" not in seen[seen.index("new"):]  # once a reader sees the new index, later ones do too


def test_second_build_stops_or_waits(world):
    corpus, settings, *_ = world
    first = rag_proc(settings.index_dir, "index", "rebuild", "--no-cache", "--json")
    lock = settings.index_path / ".lock"
    deadline = time.time() + 30
    while time.time() < deadline:  # wait until the first build holds the lock
        with open(lock, "a+") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(fh, fcntl.LOCK_UN)
            except BlockingIOError:
                break
        time.sleep(0.02)
    second = rag_proc(settings.index_dir, "index", "build", str(corpus))
    _, err = second.communicate(timeout=60)
    assert second.returncode == 7
    assert "another build is writing this index" in err and "--wait" in err
    waiting = rag_proc(settings.index_dir, "index", "build", str(corpus), "--wait", "--json")
    out, err = waiting.communicate(timeout=120)
    assert first.wait(120) == 0
    assert waiting.returncode == 0, err
    assert json.loads(out)["changed"] is False


def _mount_tmpfs(path: Path, size: str) -> None:
    path.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({result.stderr.strip()})")


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small filesystem needs root")
def test_disk_full_and_read_only(tmp_path: Path, seed_dir: Path):
    mnt = tmp_path / "small"
    _mount_tmpfs(mnt, "1m")
    try:
        settings = load_settings(env={}, index_dir=mnt, model=FAKE_MODEL)
        build_index(settings, [seed_dir])
        before = snapshot(settings)
        big = tmp_path / "big"
        write_corpus(big, 150, paragraphs=8)
        full = rag_proc(mnt, "index", "build", str(big))
        _, err = full.communicate(timeout=120)
        assert full.returncode == 11, err
        assert err.count("\n") == 1 and "previous index is unchanged" in err
        assert "No space left on device" in err or "disk is full" in err
        assert snapshot(settings) == before
        assert list(settings.index_path.glob(".tmp-*")) == []
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        ro = rag_proc(mnt, "index", "build", str(seed_dir))
        _, err = ro.communicate(timeout=60)
        assert ro.returncode == 11 and "Read-only file system" in err, err
        asked = rag_proc(mnt, "search", QUERIES[0], "-k", "3", "--json")
        out, err = asked.communicate(timeout=60)
        assert asked.returncode == 0, err
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)  # lazy: an open handle keeps it busy


def _interrupt_build(index_dir: Path, corpus: Path, signum: int = signal.SIGINT) -> tuple[int, str]:
    """Ctrl-C (SIGINT), or `signum`, sent to a build once it is embedding; its exit code and stderr."""
    proc = rag_proc(index_dir, "index", "build", str(corpus))
    deadline = time.time() + 60
    while time.time() < deadline and not list(index_dir.glob("*/.tmp-*")) and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    return proc.returncode, err


@pytest.mark.slow
def test_ctrl_c_tells_the_truth_about_the_previous_index(tmp_path: Path, seed_dir: Path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 400, paragraphs=8)
    code, err = _interrupt_build(tmp_path / "new", corpus)
    if code == 0:
        pytest.skip("the build finished before it could be interrupted")
    assert code == 130 and "no index was written (there was none before)" in err, err
    assert not (tmp_path / "new" / "default" / "CURRENT").exists()
    settings = load_settings(env={}, index_dir=tmp_path / "old", model=FAKE_MODEL)
    build_index(settings, [seed_dir])
    before = snapshot(settings)
    code, err = _interrupt_build(tmp_path / "old", corpus)
    if code == 0:
        pytest.skip("the build finished before it could be interrupted")
    assert code == 130 and "the previous index is unchanged" in err, err
    assert snapshot(settings) == before


@pytest.mark.slow
def test_sigterm_ends_a_build_as_ctrl_c_does(tmp_path: Path):
    """`kill` (a service manager stopping the build): no scratch folder is left behind, and the
    user is told the index was not written."""
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 400, paragraphs=8)
    code, err = _interrupt_build(tmp_path / "new", corpus, signal.SIGTERM)
    if code == 0:
        pytest.skip("the build finished before it could be interrupted")
    assert code == 143 and "no index was written (there was none before)" in err, err
    assert not list((tmp_path / "new").glob("*/.tmp-*"))
