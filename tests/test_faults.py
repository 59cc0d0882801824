"""Nothing lost, nothing blows up: real damaged files, real hostile inputs, real `rag` processes
(each under a memory cap, so a regression cannot take the machine down)."""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import subprocess
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import DEMO_QUESTION, FAKE_MODEL, RAG, REPO, SEED, rag_env
from tests.make_docs import make_pdf_bomb

MEMORY_CAP = 3 << 30  # address space of each `rag` process the tests start


def _cap() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def rag(index_dir: Path, *args: str | bytes, timeout: float = 120, **settings: str) -> subprocess.CompletedProcess:
    """A real `rag` process (this checkout) on `index_dir` with the hash embedder, memory capped."""
    env = rag_env(RAG_INDEX_DIR=str(index_dir), RAG_MODEL=FAKE_MODEL, **settings)
    return subprocess.run([*RAG, *args], env=env, cwd=REPO, capture_output=True, timeout=timeout, check=False,
                          preexec_fn=_cap)


def one_line(result: subprocess.CompletedProcess, code: int, *needles: str) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == code, (result.returncode, err)
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    for n in needles:
        assert n in err, err
    return err


def keep_mtime(path: Path, data: bytes) -> None:
    """Overwrite a file in place and put its modification time back (bit rot, a careless copy)."""
    st = path.stat()
    path.write_bytes(data)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


@pytest.fixture
def index(tmp_path: Path, seed_dir: Path) -> Path:
    """An index folder holding a built default index of the seed excerpt."""
    index_dir = tmp_path / "indexes"
    result = rag(index_dir, "index", "build", str(seed_dir))
    assert result.returncode == 0, result.stderr
    return index_dir


def live(index_dir: Path) -> Path:
    root = index_dir / "default"
    return root / (root / "CURRENT").read_text().strip()


def answers(index_dir: Path) -> None:
    result = rag(index_dir, "ask", DEMO_QUESTION, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["citations"][0]["citation"] == "A/59/377, para. 49"


# ------------------------------------------------------------------ 1. a lost CURRENT

def test_a_missing_current_refuses_and_keeps_every_generation(index):
    gen = live(index)
    (gen.parent / "CURRENT").unlink()
    for command in (["ask", DEMO_QUESTION], ["index", "build", str(REPO / "seeds")]):
        one_line(rag(index, *command), 6, "CURRENT", "rag index recover")
        assert gen.is_dir() and (gen / "store.sqlite").exists()
    recovered = rag(index, "index", "recover")
    assert recovered.returncode == 0, recovered.stderr
    assert gen.name in recovered.stdout.decode()
    assert live(index) == gen
    answers(index)


def test_recover_passes_over_a_newer_damaged_generation(index, seed_dir):
    older = live(index)
    (seed_dir / "A_70_1.txt").write_text("A/70/1\n\n1. The Committee considered water item 1.\n")
    assert rag(index, "index", "build", str(seed_dir)).returncode == 0
    newer = live(index)
    assert newer != older and older.is_dir()  # the previous generation is kept after a switch
    (newer / "vectors.faiss").write_bytes(b"garbage")
    (newer.parent / "CURRENT").unlink()
    result = rag(index, "index", "recover", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["generation"] == older.name and data["passed_over"][0].startswith(newer.name)
    answers(index)


# ------------------------------------------------------------------ 5. one-line errors

def test_a_non_utf8_current_is_one_line_everywhere(index):
    (index / "default" / "CURRENT").write_bytes(b"\xff\xfegen-\x80\n")
    for command in (["ask", DEMO_QUESTION], ["search", "forum"], ["show", "A/59/377", "49"], ["index", "verify"],
                    ["index", "status"]):
        one_line(rag(index, *command), 6, "CURRENT", "rag index recover")
    assert rag(index, "index", "recover").returncode == 0
    answers(index)


def test_a_damaged_token_archive_with_its_old_mtime_is_one_line(index):
    path = live(index) / "tokens.meta.npz"
    data = bytearray(path.read_bytes())
    data[len(data) // 2:len(data) // 2 + 32] = b"\x00" * 32
    keep_mtime(path, bytes(data))
    one_line(rag(index, "ask", DEMO_QUESTION), 6, "tokens.meta.npz", "rag index rebuild")


def test_arguments_that_are_not_utf8_are_usage_errors(index):
    one_line(rag(index, "ask", b"Haiti \xff police"), 2, "not valid UTF-8", "Haiti \\xff police")
    one_line(rag(index, "search", b"Haiti \xff police"), 2, "not valid UTF-8")
    one_line(rag(index, "show", b"A/52/687\xff", "1"), 2, "not valid UTF-8", "A/52/687\\xff")


def test_files_and_folders_given_as_arguments_give_one_line(tmp_path, index):
    questions = tmp_path / "q.jsonl"
    questions.write_bytes(b'\xff\xfe{"question": "x"}\n')
    one_line(rag(index, "eval", str(questions), "--index", "default"), 2, "q.jsonl", "not UTF-8")
    one_line(rag(index, "ask", "x", "--index-dir", os.fsencode(tmp_path) + b"/\xff"), 2, "index_dir", "\\xff")
    one_line(rag(index, "ask", "x", "--index", "../elsewhere"), 2, "index_name", "not a name")
    config = tmp_path / "rag.toml"
    config.write_bytes(b"model = '\xff'\n")
    one_line(rag(index, "ask", "x", "--config", str(config)), 2, "rag.toml")


# ------------------------------------------------------------------ 7. file names cannot forge lines

def test_file_names_with_control_characters_or_bad_bytes_print_on_one_line(tmp_path, seed_dir):
    (seed_dir / "evil\nerror: forged.txt").write_bytes(b"\x00\x01binary")
    bad = os.fsencode(seed_dir) + b"/A_59_378\xff.txt"
    with open(bad, "wb") as fh:
        fh.write(SEED.read_bytes())
    index_dir = tmp_path / "indexes"
    result = rag(index_dir, "index", "build", str(seed_dir))
    assert result.returncode == 1  # some files failed; the others are indexed
    err = result.stderr.decode()
    lines = err.strip().splitlines()
    assert len(lines) == 2 and all(ln.startswith("error: ") for ln in lines), err
    assert "evil\\nerror: forged.txt" in err and "A_59_378\\xff.txt: file name is not valid UTF-8" in err
    assert "Indexed 1 document(s)" in result.stdout.decode()
    status = rag(index_dir, "index", "status")
    assert status.returncode == 0 and b"evil\\nerror" in status.stdout and b"\nerror: forged" not in status.stdout
    as_json = rag(index_dir, "index", "build", str(seed_dir), "--json")
    assert "Traceback" not in as_json.stderr.decode()
    assert len(json.loads(as_json.stdout)["failed"]) == 2
    answers(index_dir)


# ------------------------------------------------------------------ 2. zip bombs, 3. size limit

CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                 b'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
                 b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                 b'officedocument.wordprocessingml.document.main+xml"/></Types>')


def zip_bomb(path: Path, inflated: int) -> None:
    """A .docx whose word/document.xml inflates to `inflated` bytes (written in chunks: the test
    itself never holds it)."""
    chunk = b"<w:p><w:r><w:t>A</w:t></w:r></w:p>" * 30_000
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
            for _ in range(inflated // len(chunk)):
                fh.write(chunk)
            fh.write(b"</w:body></w:document>")


def test_a_zip_bomb_fails_alone_before_parsing(tmp_path, seed_dir):
    bomb = seed_dir / "A_70_9.docx"
    zip_bomb(bomb, 400 << 20)
    assert bomb.stat().st_size < 4 << 20
    index_dir = tmp_path / "indexes"
    started = time.perf_counter()
    result = rag(index_dir, "index", "build", str(seed_dir))
    assert time.perf_counter() - started < 60
    one_line(result, 1, "A_70_9.docx", "word/document.xml would inflate to 400 MB", "zip bomb")
    assert "Indexed 1 document(s)" in result.stdout.decode()
    answers(index_dir)


def test_files_above_the_size_limit_fail_alone(tmp_path, seed_dir):
    big = seed_dir / "A_70_8.txt"
    big.write_text("A/70/8\n\n" + "".join(f"{i}. The Committee noted item {i}.\n\n" for i in range(1, 60_000)))
    assert big.stat().st_size > 2 << 20
    index_dir = tmp_path / "indexes"
    result = rag(index_dir, "index", "build", str(seed_dir), RAG_MAX_FILE_MB="1")
    one_line(result, 1, "A_70_8.txt", "above the 1 MB limit", "max_file_mb")
    assert "Indexed 1 document(s)" in result.stdout.decode()


# ------------------------------------------------------------------ 6. the suggested fix works

@pytest.mark.parametrize("damage", ["manifest", "current"])
def test_rebuild_works_where_the_error_suggests_it(index, damage):
    gen = live(index)
    if damage == "manifest":
        (gen / "manifest.json").write_text("{not json")
    else:
        (gen.parent / "CURRENT").write_text("gen-missing\n")
    one_line(rag(index, "ask", DEMO_QUESTION), 6, "rag index rebuild")
    result = rag(index, "index", "rebuild")
    assert result.returncode == 0, result.stderr
    answers(index)
    status = json.loads(rag(index, "index", "status", "--json").stdout)
    assert status["documents"] == 1 and status["sources"]


# ------------------------------------------------------------------ 4. cached corruption does not spread

def _cache_rot(gen: Path) -> None:
    """Scale one cached paragraph vector to norm 7,656 in place, the file's size and mtime kept."""
    path = gen / "cache.sqlite"
    st = path.stat()
    store = sqlite3.connect(gen / "store.sqlite")
    (h,), = store.execute("SELECT hash FROM paragraphs LIMIT 1").fetchall()
    store.close()
    conn = sqlite3.connect(path)
    (vector,), = conn.execute("SELECT vector FROM embeddings WHERE hash = ?", (h,)).fetchall()
    conn.execute("UPDATE embeddings SET vector = ? WHERE hash = ?",
                 ((np.frombuffer(vector, "<f4") * 7656).astype("<f4").tobytes(), h))
    conn.commit()
    conn.close()
    assert path.stat().st_size == st.st_size
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_bit_rot_in_the_cache_is_not_copied_into_the_next_generation(index, seed_dir):
    gen = live(index)
    _cache_rot(gen)
    verify = rag(index, "index", "verify")
    assert verify.returncode == 1 and b"cache.sqlite" in verify.stderr
    (seed_dir / "A_70_1.txt").write_text("A/70/1\n\n1. The Committee considered water item 1.\n")
    built = rag(index, "index", "build", str(seed_dir))
    assert built.returncode == 0, built.stderr
    assert b"cache.sqlite: differs from its checksum" in built.stdout
    new = live(index)
    assert new != gen
    ok = rag(index, "index", "verify")
    assert ok.returncode == 0, ok.stderr
    conn = sqlite3.connect(new / "cache.sqlite")
    norms = [np.linalg.norm(np.frombuffer(v, "<f4")) for (v,) in conn.execute("SELECT vector FROM embeddings")]
    conn.close()
    assert np.allclose(norms, 1.0, atol=1e-3)
    rows = np.fromfile(new / "vectors.faiss", dtype="<f4", offset=45).reshape(-1, 384)
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-3)


def test_verify_checks_vector_norms(index):
    gen = live(index)
    path = gen / "vectors.faiss"
    st = path.stat()
    rows = np.fromfile(path, dtype="<f4", offset=45).reshape(-1, 384)
    rows[0] *= 7656
    header = path.read_bytes()[:45]
    keep_mtime(path, header + rows.astype("<f4").tobytes())
    assert path.stat().st_size == st.st_size
    result = rag(index, "index", "verify")
    assert result.returncode == 1
    assert b"vectors.faiss: 1 row(s) are not unit vectors" in result.stderr


# ------------------------------------------------------------------ 8. bit rot on the query path

@pytest.mark.parametrize("name", ["sentences.faiss", "vectors.faiss"])
def test_a_rotten_vector_row_with_its_old_mtime_is_refused_not_answered(index, name):
    path = live(index) / name
    data = bytearray(path.read_bytes())
    for i in range(len(data) // 2, len(data) // 2 + 16):
        data[i] ^= 0xFF
    keep_mtime(path, bytes(data))
    one_line(rag(index, "ask", DEMO_QUESTION), 6, name, "damaged", "rag index rebuild")


@pytest.mark.parametrize("name", ["postings.pos", "postings.lengths", "tokens.pos"])
def test_small_files_read_whole_are_crc_checked_at_open(index, name):
    path = live(index) / name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x40
    keep_mtime(path, bytes(data))
    one_line(rag(index, "ask", DEMO_QUESTION), 6, name, "checksum")


# ------------------------------------------------------------------ the fault table

@pytest.mark.slow
def test_fault_table_has_no_traceback_and_loses_nothing():
    from research.fault_table import fault_table

    cells = fault_table()
    assert len(cells) >= 70
    bad = [c for c in cells if c.bad]
    assert not bad, bad
    assert all(c.rebuild.startswith("rebuilt") for c in cells)


def test_fault_table_markdown_is_the_documented_one():
    """docs/index-format.md holds the table research/fault_table.py prints (rows as printed)."""
    doc = (REPO / "docs" / "index-format.md").read_text()
    assert "| `CURRENT` | delete |" in doc and "| `sentences.faiss` | flip, old mtime |" in doc



def test_a_pdf_compression_bomb_fails_alone_before_parsing(tmp_path, seed_dir):
    bomb = make_pdf_bomb(seed_dir / "A_70_7.pdf", 512 << 20)
    assert bomb.stat().st_size < 1 << 20
    index_dir = tmp_path / "indexes"
    started = time.perf_counter()
    result = rag(index_dir, "index", "build", str(seed_dir))
    assert time.perf_counter() - started < 60
    one_line(result, 1, "A_70_7.pdf", "would inflate beyond the 64 MB limit", "compression bomb", "max_file_mb")
    assert "Indexed 1 document(s)" in result.stdout.decode()
    answers(index_dir)
    small = make_pdf_bomb(tmp_path / "A_70_6.pdf", 0)  # the same PDF without the bomb is read
    assert rag(tmp_path / "other", "index", "build", str(small)).returncode == 0


def test_questions_do_not_need_the_embedding_cache(index):
    """Only builds read cache.sqlite: a question answers without it, `verify` names it, and a
    rebuild computes it again."""
    (live(index) / "cache.sqlite").unlink()
    assert rag(index, "ask", DEMO_QUESTION).returncode == 0
    one_line(rag(index, "index", "verify"), 1, "cache.sqlite", "missing")
    assert rag(index, "index", "rebuild").returncode == 0
    assert rag(index, "index", "verify").returncode == 0


def test_a_first_build_that_indexes_nothing_leaves_no_index_folder(tmp_path):
    """A first build whose only file fails says so and leaves no empty index folder behind (a
    later `rag ask` would have met "no index has been built here" in a folder it seemed to
    have); a folder the user made is kept."""
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf at all")
    made_here = tmp_path / "new" / "indexes"
    one_line(rag(made_here, "index", "build", str(bad)), 9, "no document could be indexed", "bad.pdf")
    assert not (tmp_path / "new").exists()
    mine = tmp_path / "mine"
    mine.mkdir()
    one_line(rag(mine, "index", "build", str(bad)), 9, "no document could be indexed")
    assert mine.is_dir() and list(mine.iterdir()) == []


def test_a_writer_waiting_on_a_removed_lock_takes_the_new_one(tmp_path):
    """A first writer that made the index folder and wrote nothing removes it on leaving; a second
    writer waiting (`--wait`) on the lock file it had opened must then lock the folder's new lock
    file, or a third writer would lock it too and both would write."""
    import threading

    from rag.errors import IndexLocked
    from rag.index.store import write_lock

    index = tmp_path / "new" / "indexes"
    second_holds, release = threading.Event(), threading.Event()

    def second() -> None:
        with write_lock(index, wait=True):
            second_holds.set()
            release.wait(10)

    with write_lock(index):
        waiter = threading.Thread(target=second)
        waiter.start()
        time.sleep(0.3)  # the second writer has opened the first one's lock file and waits on it
    assert second_holds.wait(10)
    try:
        assert (index / ".lock").exists()
        with pytest.raises(IndexLocked):
            with write_lock(index):
                pass
    finally:
        release.set()
        waiter.join(10)
    assert not (tmp_path / "new").exists()


def test_a_fractional_size_limit_is_named_as_configured() -> None:
    """max_file_mb = 0.3 is "the 0.3 MB limit", not the 0.299999 its byte count divides back to."""
    from rag.errors import ParseError
    from rag.ingest.containers import MB, check_size

    with pytest.raises(ParseError, match=r"0\.4 MB, above the 0\.3 MB limit"):
        check_size(Path("A_70_8.txt"), 400_000, int(0.3 * MB))
