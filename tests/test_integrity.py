"""Damaged indexes give one clear line naming the file and the fix, never a traceback or a wrong answer."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rag.cli import app
from rag.index.store import FORMAT_VERSION
from tests.conftest import DEMO_QUESTION

runner = CliRunner()


@pytest.fixture
def gen(fake_env, seed_dir) -> Path:
    assert runner.invoke(app, ["index", "build", str(seed_dir)]).exit_code == 0
    root = Path(fake_env["RAG_INDEX_DIR"]) / "default"
    return root / (root / "CURRENT").read_text().strip()


def damage(path: Path, data: bytes) -> None:
    """Overwrite a file as a faulty write would. File timestamps are coarse (a jiffy): wait one out,
    so the damage cannot share the build's mtime tick."""
    time.sleep(0.05)
    path.write_bytes(data)


def ask_fails(code: int, *needles: str) -> None:
    result = runner.invoke(app, ["ask", DEMO_QUESTION])
    assert result.exit_code == code, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    for n in needles:
        assert n in lines[0], lines[0]
    as_json = runner.invoke(app, ["ask", DEMO_QUESTION, "--json"])  # the same error as JSON on stdout
    assert as_json.exit_code == code and "Traceback" not in as_json.output
    error = json.loads(as_json.stdout)
    assert all(n in f"{error['error']} ({error['fix']})" for n in needles), error


def verify_fails(*needles: str) -> list[str]:
    result = runner.invoke(app, ["index", "verify"])
    assert result.exit_code == 1, result.output
    for n in needles:
        assert n in result.stderr, result.stderr
    return result.stderr.strip().splitlines()


def test_verify_ok(gen):
    result = runner.invoke(app, ["index", "verify", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["problems"] == []


def test_truncated_faiss(gen):
    path = gen / "vectors.faiss"
    damage(path, path.read_bytes()[:100])
    ask_fails(6, str(path), "truncated", "rag index rebuild")
    verify_fails(str(path))


def test_status_of_a_truncated_store_is_the_same_error(gen):
    """A status that reads well must mean questions can be asked."""
    path = gen / "store.sqlite"
    damage(path, path.read_bytes()[:4096])
    result = runner.invoke(app, ["index", "status"])
    assert result.exit_code == 6 and result.stdout == ""
    assert str(path) in result.stderr and "truncated" in result.stderr and "Traceback" not in result.stderr


def test_corrupted_sqlite_same_size(gen):
    path = gen / "store.sqlite"
    data = bytearray(path.read_bytes())
    mid = len(data) // 2
    data[mid:mid + 64] = b"\xde\xad\xbe\xef" * 16
    damage(path, bytes(data))
    ask_fails(6, str(path), "corrupted", "rag index rebuild")
    lines = verify_fails(str(path), "checksum")
    assert all(line.startswith("error: ") for line in lines)


def test_flipped_vector_bytes(gen):
    path = gen / "vectors.faiss"
    data = bytearray(path.read_bytes())
    data[-8:] = b"\x00" * 8
    damage(path, bytes(data))
    ask_fails(6, str(path))


def test_missing_manifest(gen):
    (gen / "manifest.json").unlink()
    ask_fails(6, str(gen / "manifest.json"), "missing", "rag index rebuild")
    verify_fails("manifest missing")


def test_newer_format_version(gen):
    path = gen / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["format_version"] = 99
    path.write_text(json.dumps(manifest))
    ask_fails(5, "format version 99 is newer", "upgrade rag")


def test_current_points_nowhere(gen):
    (gen.parent / "CURRENT").write_text("gen-missing\n")
    ask_fails(6, "missing generation", "rag index rebuild")


def test_rebuild_repairs_a_corrupt_index(gen):
    damage(gen / "vectors.faiss", b"garbage")
    result = runner.invoke(app, ["index", "rebuild"])
    assert result.exit_code == 0, result.output
    ok = runner.invoke(app, ["ask", DEMO_QUESTION, "--json"])
    assert json.loads(ok.stdout)["citations"][0]["citation"] == "A/59/377, para. 49"


def test_a_format_1_index_is_refused_until_rebuilt(gen, seed_dir):
    """An index of the previous format (no postings files, weights in SQLite) is refused by every
    reading command with the one-line rebuild error; `rag index rebuild` reads its recorded
    sources and writes a current generation."""
    path = gen / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["format_version"] = 1
    manifest["settings"].pop("lexical_version")
    path.write_text(json.dumps(manifest))
    for name in ("postings.pos", "postings.ids", "postings.tfs", "postings.lengths"):
        (gen / name).unlink()
    ask_fails(5, f"format version 1 differs from this rag's {FORMAT_VERSION}", "rag index rebuild")
    for command in (["search", DEMO_QUESTION], ["show", "A/59/377", "49"], ["index", "status"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 5 and result.stdout == "", result.output
        assert "format version 1" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "format version 1" in verify_fails()[0]
    result = runner.invoke(app, ["index", "rebuild", "--json"])
    assert result.exit_code == 0, result.output
    status = json.loads(runner.invoke(app, ["index", "status", "--json"]).stdout)
    assert status["format_version"] == FORMAT_VERSION and status["sources"] == [str(seed_dir.resolve())]
    ok = runner.invoke(app, ["ask", DEMO_QUESTION, "--json"])
    assert json.loads(ok.stdout)["citations"][0]["citation"] == "A/59/377, para. 49"


def test_an_index_of_the_previous_format_is_rebuilt_with_its_embedding_cache(gen, seed_dir):
    """An index of format 3 (no venue in its documents) is refused by questions with the rebuild
    error; `rag index build` parses every file again but embeds nothing: the earlier format's
    embedding cache is read."""
    import sqlite3

    from rag.index.store import file_crc32

    store = gen / "store.sqlite"
    conn = sqlite3.connect(store)
    conn.execute("ALTER TABLE documents DROP COLUMN venue")
    conn.commit()
    conn.close()
    path = gen / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["format_version"] = 3
    manifest["crc32"]["store.sqlite"], manifest["sizes"]["store.sqlite"] = file_crc32(store), store.stat().st_size
    path.write_text(json.dumps(manifest))
    ask_fails(5, f"format version 3 differs from this rag's {FORMAT_VERSION}", "rag index rebuild")
    result = runner.invoke(app, ["index", "build", str(seed_dir), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["parsed"] == 1 and report["embedded"] == 0 and report["paragraphs"] == 3, report
    status = json.loads(runner.invoke(app, ["index", "status", "--json"]).stdout)
    assert status["format_version"] == FORMAT_VERSION
    ok = runner.invoke(app, ["ask", DEMO_QUESTION, "--json"])
    assert json.loads(ok.stdout)["citations"][0]["citation"] == "A/59/377, para. 49"


def test_an_index_of_the_previous_stemmer_is_refused_until_built_again(gen, seed_dir):
    """An index whose BM25 terms an earlier stemmer made (lexical version 3: "mobilised" and
    "mobilized" apart) would miss the question's terms: questions are refused with a one-line
    error; `rag index build` on the same sources writes the postings again without parsing."""
    from rag.index.lexical import LEXICAL_VERSION

    path = gen / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["settings"]["lexical_version"] = LEXICAL_VERSION - 1
    path.write_text(json.dumps(manifest))
    ask_fails(5, f"lexical version {LEXICAL_VERSION - 1}, not this rag's {LEXICAL_VERSION}", "rag index build")
    result = runner.invoke(app, ["index", "build", str(seed_dir), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["parsed"] == 0
    ok = runner.invoke(app, ["ask", DEMO_QUESTION, "--json"])
    assert json.loads(ok.stdout)["citations"][0]["citation"] == "A/59/377, para. 49"
