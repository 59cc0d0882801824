"""The recorded sources of an index: a folder can be removed, a folder that is gone is dropped
with one notice, and the demo gives way to the user's own documents."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from rag.cli import app
from rag.config import load_settings
from rag.service import Session, build, ensure_index, status
from tests.conftest import FAKE_MODEL
from tests.corpus import write_corpus

runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, list(args))


def test_a_folder_of_broken_files_can_be_removed_as_a_source(fake_env, tmp_path):
    good, broken = tmp_path / "good", tmp_path / "broken"
    write_corpus(good, 2)
    broken.mkdir()
    (broken / "A_1_1.pdf").write_bytes(b"%PDF-1.4 not really")
    assert _run("index", "build", str(good), str(broken)).exit_code == 1  # the broken file is named
    result = _run("index", "rm", str(broken))
    assert result.exit_code == 0, result.output
    assert "source" in result.stderr + result.stdout
    assert str(broken.resolve()) not in _run("index", "status").stdout
    again = _run("index", "rebuild")
    assert again.exit_code == 0 and "A_1_1.pdf" not in again.stderr


def test_a_source_that_no_longer_exists_is_dropped_with_one_notice(fake_settings, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    write_corpus(first, 2)
    write_corpus(second, 1)
    build(fake_settings, [first])
    shutil.rmtree(first)
    report = build(fake_settings, [second])
    assert [n for n in report.notices if "no longer exists" in n] == [
        f"{first.resolve()}: recorded source no longer exists; dropped from the sources"]
    assert status(fake_settings)["sources"] == [str(second.resolve())]
    assert not [n for n in build(fake_settings, []).notices if "no longer exists" in n]


def test_the_first_build_into_the_demo_index_replaces_the_demo(tmp_path, seed_dir):
    settings = load_settings(env={}, index_dir=tmp_path / "indexes", model=FAKE_MODEL, seeds_dir=seed_dir)
    ensure_index(settings)
    mine = tmp_path / "mine"
    write_corpus(mine, 2)
    report = build(settings, [mine])
    assert any("demo" in n for n in report.notices), report.notices
    with Session(settings, with_model=False) as s:
        assert {d.symbol for d in s.index.documents()} == {"A/70/1", "A/70/2"}
    assert status(settings)["sources"] == [str(mine.resolve())]
    assert not any("demo" in n for n in build(settings, [seed_dir]).notices)  # asked for by name: kept
    with Session(settings, with_model=False) as s:
        assert "A/59/377" in {d.symbol for d in s.index.documents()}


def test_paths_of_a_source_under_a_removed_folder(fake_settings, tmp_path):
    outer, other = tmp_path / "outer", tmp_path / "other"
    write_corpus(outer / "inner", 2)
    write_corpus(other, 1)
    build(fake_settings, [outer / "inner", other])
    result = _run("index", "rm", str(Path(outer)), "--index-dir", str(fake_settings.index_dir), "--model", FAKE_MODEL)
    assert result.exit_code == 0, result.output
    assert status(fake_settings)["sources"] == [str(other.resolve())]


def test_a_build_says_which_removed_files_it_leaves_out(fake_env, tmp_path):
    folder = tmp_path / "docs"
    write_corpus(folder, 2)
    assert _run("index", "build", str(folder)).exit_code == 0
    assert _run("index", "rm", "A/70/1").exit_code == 0
    again = _run("index", "build", str(folder))
    assert again.exit_code == 0 and "1 file(s) removed with `rag index rm` left out" in again.stdout


def test_removing_the_last_document_is_refused_and_says_how_to_drop_the_index(fake_env, tmp_path):
    """`rag index rm` of the only document would leave an index of nothing: refused in one line
    that names the document and the folder to delete to drop the index; the index still answers."""
    folder = tmp_path / "docs"
    write_corpus(folder, 1)
    assert _run("index", "build", str(folder)).exit_code == 0
    result = _run("index", "rm", "A/70/1")
    assert result.exit_code == 2  # refused as asked, not "source path missing"
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1 and "A/70/1" in line and "only document" in line
    assert str(load_settings(env=fake_env).index_path) in line
    assert "A/70/1" in _run("index", "status", "--documents").stdout
