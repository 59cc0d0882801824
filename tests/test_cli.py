"""The CLI as a user drives it: commands, exit codes, one-line errors and --json shapes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rag.cli import app
from rag.index.store import FORMAT_VERSION
from tests.conftest import DEMO_QUESTION, REPO, SEED

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture
def built(fake_env, seed_dir: Path):
    result = run("index", "build", str(seed_dir))
    assert result.exit_code == 0, result.output
    return seed_dir


def one_line_error(result, *needles: str) -> None:
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert "Traceback" not in result.output
    for n in needles:
        assert n in lines[0], lines[0]


def test_index_build_summary(fake_env, seed_dir):
    result = run("index", "build", str(seed_dir))
    assert result.exit_code == 0, result.output
    assert re.search(r"Indexed 1 document\(s\), 3 paragraph\(s\) in \d+\.\d s", result.stdout)


def test_ask_cites_paragraph_49_with_page_and_section(built):
    result = run("ask", DEMO_QUESTION)
    assert result.exit_code == 0, result.output
    assert "— A/59/377, para. 49" in result.stdout
    assert "p. 15" in result.stdout
    assert "C. Towards a rights-based migration management" in result.stdout


def test_ask_json_shape(built):
    result = run("ask", DEMO_QUESTION, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"question", "answer", "abstained", "citations"}
    assert data["abstained"] is False
    first = data["citations"][0]
    assert {"symbol", "paragraph", "annex", "running", "page", "section", "quote", "score", "citation", "text"} <= set(first)
    assert first["quote"] in first["text"] and first["annex"] == "" and first["running"] is False
    assert (first["symbol"], first["paragraph"], first["page"]) == ("A/59/377", "49", "15")
    assert first["citation"] == "A/59/377, para. 49"
    assert first["quote"] in data["answer"]
    assert first["quote"] in " ".join(first["quote"].split())  # verbatim, single-spaced


def test_ask_abstains_without_citations(built):
    result = run("ask", "what is the boiling point of liquid nitrogen?", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["abstained"] is True
    assert data["citations"] == []
    plain = run("ask", "what is the boiling point of liquid nitrogen?")
    assert "No indexed paragraph answers this." in plain.stdout
    assert "para." not in plain.stdout


def test_ask_builds_seed_index_on_first_use(fake_env, fake_settings, monkeypatch):
    monkeypatch.setenv("RAG_SEEDS_DIR", str(fake_settings.seeds_dir))
    result = run("ask", DEMO_QUESTION, "--json")
    assert result.exit_code == 0, result.output
    assert "building it from" in result.stderr
    assert "--index-dir" in result.stderr and "RAG_INDEX_DIR" in result.stderr  # a user who built elsewhere sees how
    assert json.loads(result.stdout)["citations"][0]["citation"] == "A/59/377, para. 49"
    again = run("ask", DEMO_QUESTION, "--json")
    assert "building" not in again.stderr


def test_search_json_and_text(built):
    result = run("search", "Berne Initiative", "--json", "-k", "2")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["query"] == "Berne Initiative"
    assert len(data["hits"]) == 2
    assert data["hits"][0]["citation"] == "A/59/377, para. 49"
    assert data["hits"][0]["score"] >= data["hits"][1]["score"]
    text = run("search", "Berne Initiative")
    assert text.stdout.startswith("1. A/59/377, para. 49")
    # BM25 lists only paragraphs holding a word of the query, none for a word no paragraph holds
    words = json.loads(run("search", "Berne Initiative", "--mode", "bm25", "--json", "-k", "3").stdout)["hits"]
    assert words and all(h["lexical"] > 0 for h in words)
    assert json.loads(run("search", "xylophonequux", "--mode", "bm25", "--json").stdout)["hits"] == []
    # common words alone match every paragraph alike: nothing is listed, and the user is told why
    assert json.loads(run("search", "the of and", "--json").stdout)["hits"] == []
    common = run("search", "what is the")
    assert common.exit_code == 0 and "only common words" in common.stdout
    assert run("search", "the of and", "--symbol", "Z/1").exit_code == 3


def test_show_paragraph_with_footnotes(built):
    result = run("show", "A/59/377", "48", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["citation"] == "A/59/377, para. 48"
    assert data["page"] == "15"
    assert data["section"] == "C. Towards a rights-based migration management"
    assert [f["marker"] for f in data["footnotes"]] == ["9"]
    assert data["text"].endswith("North America, and Australia.")
    plain = run("show", "A/59/377", "49")
    assert plain.stdout.splitlines()[0] == "A/59/377, para. 49"
    assert "note 10" in plain.stdout and "note 11" in plain.stdout


def test_show_annex_and_running_paragraphs(fake_env, tmp_path):
    """Every citation rag gives can be shown: body, annex ("annex, para. 1") and running ("¶ 1")."""
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(Path(__file__).parent / "fixtures" / "A_99_100_layout.txt", folder)
    assert run("index", "build", str(folder)).exit_code == 0
    body = json.loads(run("show", "A/99/100", "1", "--json").stdout)
    assert body["citation"] == "A/99/100, para. 1" and body["annex"] == ""
    annex = json.loads(run("show", "A/99/100", "1", "--annex", "annex", "--json").stdout)
    assert annex["citation"] == "A/99/100, annex, para. 1" and annex["text"].startswith("The Chair thanked")
    assert annex["page"] == "3" and annex["annex"] == "annex"
    running = json.loads(run("show", "A/99/100", "¶1", "--json").stdout)
    assert running["citation"] == "A/99/100, p. 1, ¶ 1" and running["text"].startswith("The present report covers")
    missing = run("show", "A/99/100", "1", "--annex", "annex IV")
    assert missing.exit_code == 3
    one_line_error(missing, "A/99/100 has no annex IV", "annex")
    beyond = run("show", "A/99/100", "99")
    assert beyond.exit_code == 3
    one_line_error(beyond, "A/99/100 has no paragraph '99' (paragraphs 1-")
    assert "; annex has paragraphs 1-" in beyond.stderr  # the annex numbers its own


def test_show_names_what_a_document_lacks_once(built):
    no_annex = run("show", "A/59/377", "1", "--annex", "annex")
    assert no_annex.exit_code == 3 and no_annex.stderr.startswith("error: A/59/377 has no annex")
    assert no_annex.stderr.count("annex") == 1
    no_running = run("show", "A/59/377", "¶ 7")
    assert no_running.exit_code == 3 and "(it has no unnumbered text)" in no_running.stderr
    for args, what in ((["A/59/377", " "], "paragraph"), (["", "49"], "symbol")):  # a bad argument, not an unknown one
        empty = run("show", *args)
        assert empty.exit_code == 2 and empty.stderr.startswith(f"error: empty {what}")


def test_show_a_paragraph_of_an_embedded_draft(fake_env, tmp_path):
    """`rag show SYMBOL N` is the report's own paragraph; --part or the citation form reads the
    draft resolution's paragraph of that number."""
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(Path(__file__).parent / "fixtures" / "A_50_610_draft.txt", folder)
    assert run("index", "build", str(folder)).exit_code == 0
    own = json.loads(run("show", "A/50/610", "2", "--json").stdout)
    assert own["citation"] == "A/50/610, para. 2" and own["part"] == "" and "rejected" in own["text"]
    draft = json.loads(run("show", "A/50/610", "2", "--part", "draft resolution", "--json").stdout)
    assert draft["citation"] == "A/50/610, para. 3, draft resolution, para. 2"
    assert draft["text"].startswith("Affirms the value")
    cited = json.loads(run("show", "A/50/610", "para. 3, draft resolution, para. 2", "--json").stdout)
    assert cited["text"] == draft["text"]
    missing = run("show", "A/50/610", "2", "--part", "draft resolution IV")
    assert missing.exit_code == 3
    one_line_error(missing, "A/50/610 embeds no draft resolution IV", "draft decision")


def test_the_build_summary_counts_paragraphs_that_repeat_another_s_text(fake_env, tmp_path):
    """Found by a new user: "1538 embedded, 0 reused" for 1,555 paragraphs; a text two paragraphs
    share is embedded once."""
    docs = tmp_path / "docs"
    docs.mkdir()
    shared = "The Committee thanked the secretariat for its support to the session."
    for name, own in (("A_99_1.txt", "The Committee met in Geneva."), ("A_99_2.txt", "The Committee met in Vienna.")):
        (docs / name).write_text(f"{name[:-4].replace('_', '/')}\n\n1. {own}\n\n2. {shared}\n")
    result = run("index", "build", str(docs))
    assert result.exit_code == 0, result.output
    assert "4 paragraph(s)" in result.stdout
    assert "3 embedded, 0 reused from cache, 1 with the same text as another, embedded once" in result.stdout


def test_index_status_and_rebuild(built):
    status = run("index", "status", "--json")
    assert status.exit_code == 0, status.output
    data = json.loads(status.stdout)
    assert data["model"] == "hash:384" and data["dim"] == 384
    assert data["format_version"] == FORMAT_VERSION
    assert (data["documents"], data["paragraphs"]) == (1, 3)
    assert data["sources"] == [str(built.resolve())]
    first_gen = data["generation"]
    rebuilt = run("index", "rebuild", "--json")
    assert rebuilt.exit_code == 0, rebuilt.output
    report = json.loads(rebuilt.stdout)
    assert report["paragraphs"] == 3 and report["reused"] == 3 and report["embedded"] == 0
    assert json.loads(run("index", "status", "--json").stdout)["generation"] != first_gen
    text = run("index", "status")
    assert "1 document(s), 3 paragraph(s)" in text.stdout and "hash:384" in text.stdout
    assert "Sentences   scanned exactly (flat rows)" in text.stdout


# --------------------------------------------------------------------------- errors

def test_empty_question(built):
    result = run("ask", "   ")
    assert result.exit_code == 2
    one_line_error(result, "empty question")


def test_unknown_symbol_and_paragraph(built):
    result = run("show", "A/59/999", "49")
    assert result.exit_code == 3
    one_line_error(result, "unknown symbol 'A/59/999'")
    result = run("show", "A/59/377", "50")
    assert result.exit_code == 3
    one_line_error(result, "A/59/377 has no paragraph '50'", "47-49")
    for typed in ("49.", "(49)", "para. 49."):  # the number as printed in the document
        shown = run("show", "A/59/377", typed, "--json")
        assert shown.exit_code == 0 and json.loads(shown.stdout)["citation"] == "A/59/377, para. 49", typed


def test_the_demo_is_never_built_into_a_folder_the_user_names(tmp_path, monkeypatch):
    """A mistyped or empty --index-dir is an error, not a silently built A/59/377 demo."""
    monkeypatch.setenv("RAG_MODEL", "hash:384")
    for env in ("RAG_INDEX_DIR", "RAG_SEEDS_DIR", "RAG_CONFIG"):
        monkeypatch.delenv(env, raising=False)
    result = run("ask", DEMO_QUESTION, "--index-dir", str(tmp_path / "mistyped"))
    assert result.exit_code == 4
    one_line_error(result, "rag index build")
    assert not (tmp_path / "mistyped" / "default" / "CURRENT").exists()
    monkeypatch.setenv("RAG_INDEX_DIR", str(tmp_path / "empty"))
    assert run("ask", DEMO_QUESTION).exit_code == 4


def test_missing_index(fake_env, tmp_path):
    result = run("ask", DEMO_QUESTION, "--index", "nothing-here")
    assert result.exit_code == 4
    one_line_error(result, "no index here", "rag index build")
    result = run("index", "status", "--index-dir", str(tmp_path / "absent"))
    assert result.exit_code == 4
    one_line_error(result, str(tmp_path / "absent"))


def test_unreadable_index_dir(fake_env, tmp_path):
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    result = run("search", "Berne", "--index-dir", str(not_a_dir))
    assert result.exit_code == 4
    one_line_error(result, str(not_a_dir))


def test_index_built_with_another_model(built):
    result = run("ask", DEMO_QUESTION, "--model", "hash:256")
    assert result.exit_code == 5
    one_line_error(result, "built with model 'hash:384'", "rag index rebuild")


def test_build_path_errors(fake_env, tmp_path):
    result = run("index", "build", str(tmp_path / "nope"))
    assert result.exit_code == 8
    one_line_error(result, str(tmp_path / "nope"), "no such file")
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "image.png").write_bytes(b"\x89PNG")
    result = run("index", "build", str(empty))
    assert result.exit_code == 8
    one_line_error(result, "no supported file")


def test_failed_build_keeps_previous_index(built, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    result = run("index", "build", str(bad))
    assert result.exit_code != 0
    assert "empty.txt" in result.stderr
    again = run("ask", DEMO_QUESTION, "--json")
    assert json.loads(again.stdout)["citations"][0]["citation"] == "A/59/377, para. 49"


# --------------------------------------------------------------------------- help and README

def _commands(group, prefix: str = "") -> list[tuple[str, object]]:
    import typer.main

    click_group = typer.main.get_command(group)
    out = []
    for name, cmd in click_group.commands.items():
        full = f"{prefix}{name}"
        if hasattr(cmd, "commands"):
            out.extend((f"{full} {sub}", c) for sub, c in cmd.commands.items())
        else:
            out.append((full, cmd))
    return out


def test_every_command_has_help_and_is_in_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = _commands(app)
    assert {"ask", "search", "show", "index build", "index rebuild", "index status"} <= {n for n, _ in commands}
    for name, cmd in commands:
        assert (cmd.help or "").strip(), f"{name} has no help text"
        assert f"rag {name}" in readme, f"`rag {name}` missing from README.md"
        result = run(*name.split(), "--help")
        assert result.exit_code == 0 and "Usage" in result.stdout


def test_seed_copied_from_shared():
    shared_seed = REPO.parent / "shared" / "seeds"
    if not shared_seed.exists():
        pytest.skip("../shared not available")
    originals = {p.read_bytes() for p in shared_seed.iterdir()}
    assert SEED.read_bytes() in originals


def test_the_rag_command_is_installed():
    exe = shutil.which("rag")
    assert exe, "no `rag` on PATH: install as the README says (pip install -e .)"
    done = subprocess.run([exe, "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "ask" in done.stdout, done.stderr


# --------------------------------------------------------------------------- newcomer's edges

def test_version():
    from rag import __version__

    result = run("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"rag {__version__}"


def test_json_errors_are_json_on_stdout_with_the_same_exit_code(built):
    result = run("show", "A/59/378", "49", "--json")
    assert result.exit_code == 3
    error = json.loads(result.stdout)
    assert error["type"] == "NotFoundError" and "did you mean A/59/377" in error["error"]
    assert error["fix"] and not result.stderr.strip()
    empty = run("ask", "  ", "--json")
    assert empty.exit_code == 2 and json.loads(empty.stdout)["type"] == "UsageError"


def test_status_lists_the_documents(built):
    result = run("index", "status", "--documents")
    assert result.exit_code == 0
    assert re.search(r"^A/59/377\s+\S+\s+3\s+", result.stdout, re.MULTILINE), result.stdout
    data = json.loads(run("index", "status", "--documents", "--json").stdout)
    assert [(d["symbol"], d["paragraphs"]) for d in data["document_list"]] == [("A/59/377", 3)]


def test_search_json_says_where_each_paragraph_is(fake_env, tmp_path):
    """Annex and running count are in every hit, so two hits "1" are told apart and each can be shown."""
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(Path(__file__).parent / "fixtures" / "A_99_100_layout.txt", folder)
    assert run("index", "build", str(folder)).exit_code == 0
    hits = json.loads(run("search", "Chair thanked report covers", "-k", "10", "--json").stdout)["hits"]
    seen = {(h["paragraph"], h["annex"], h["running"]) for h in hits}
    assert ("1", "annex", False) in seen and ("1", "", True) in seen
    for h in hits:
        shown = run("show", "A/99/100", ("¶" if h["running"] else "") + h["paragraph"],
                    *(["--annex", h["annex"]] if h["annex"] else []), "--json")
        assert json.loads(shown.stdout)["citation"] == h["citation"]
    cited = json.loads(run("show", "A/99/100", "annex, para. 1", "--json").stdout)
    assert cited["citation"] == "A/99/100, annex, para. 1"
    assert json.loads(run("show", "A/99/100", "p. 1, ¶ 1", "--json").stdout)["citation"] == "A/99/100, p. 1, ¶ 1"


def test_questions_without_words_or_too_long_are_refused(built):
    for question in ("\x00", "?!", "why " * 600):
        result = run("ask", question)
        assert result.exit_code == 2, question[:10]
        one_line_error(result)


def test_a_letter_transmitting_a_numbered_annex_names_the_annex(fake_env, tmp_path):
    """S/2025/303 is an unnumbered letter with the numbered report as its annex: "annex para 1"
    (no comma) is its annex's para. 1, and a number it lacks names the annex's span, not "it has no
    numbered paragraphs"."""
    folder = tmp_path / "docs"
    folder.mkdir()
    layout = (Path(__file__).parent / "fixtures" / "A_99_100_layout.txt").read_text(encoding="utf-8")
    for numbered in ("1. At its", "2. The Working Group met", "3. The agenda", "4. The Working Group considered"):
        layout = layout.replace(numbered, numbered[3:])  # the body's text, unnumbered
    for item in ("1. Opening", "2. Election", "3. Adoption"):
        layout = layout.replace(item, f"({item[0]}){item[2:]}")
    (folder / "A_99_100.txt").write_text(layout, encoding="utf-8")
    assert run("index", "build", str(folder)).exit_code == 0
    assert json.loads(run("show", "A/99/100", "annex para 2", "--json").stdout)["citation"] == "A/99/100, annex, para. 2"
    missing = run("show", "A/99/100", "7")
    assert missing.exit_code == 3
    one_line_error(missing, "its body has no numbered paragraphs; annex has paragraphs 1-2", "annex, para. 1")


def test_a_running_count_without_its_page_is_refused_where_it_is_ambiguous(fake_env, tmp_path):
    """Unnumbered text in the summary and in the annex both have a ¶ 1: a bare "¶1" names the
    places; the citation's page (or --annex) picks one."""
    folder = tmp_path / "docs"
    folder.mkdir()
    layout = (Path(__file__).parent / "fixtures" / "A_99_100_layout.txt").read_text(encoding="utf-8")
    (folder / "A_99_100.txt").write_text(layout.replace("1. The Chair thanked", "The Chair thanked").replace(
        "2. The Chair closed", "\nThe Chair closed"), encoding="utf-8")
    assert run("index", "build", str(folder)).exit_code == 0
    ambiguous = run("show", "A/99/100", "¶1")
    assert ambiguous.exit_code == 3
    one_line_error(ambiguous, "in 2 places", "p. 1, ¶ 1", "annex, p. 3, ¶ 1")
    assert json.loads(run("show", "A/99/100", "p. 3, ¶ 1", "--json").stdout)["annex"] == "annex"
    assert json.loads(run("show", "A/99/100", "¶1", "--annex", "annex", "--json").stdout)["page"] == "3"
    assert json.loads(run("show", "A/99/100", "p. 1, ¶ 1", "--json").stdout)["annex"] == ""
    elsewhere = run("show", "A/99/100", "p. 2, ¶ 1")  # a page with no ¶ 1 names the pages that have one
    assert elsewhere.exit_code == 3
    one_line_error(elsewhere, "no ¶ 1 on p. 2", "p. 1, ¶ 1", "annex, p. 3, ¶ 1")
    beyond = run("show", "A/99/100", "p. 99, ¶ 1")
    one_line_error(beyond, "no ¶ 1 on p. 99")


@pytest.mark.parametrize("args, named", [(["search", "x", "-k", "-3"], "-k"), (["ask", "x", "--no-such"], "--no-such"),
                                         (["show", "A/59/377"], "'paragraph'")])
def test_a_bad_option_is_one_line_and_json_with_json(tmp_path, args, named):
    from tests.conftest import RAG, rag_env

    env = rag_env(RAG_INDEX_DIR=str(tmp_path / "ix"))
    plain = subprocess.run([*RAG, *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=60)
    assert plain.returncode == 2 and plain.stderr.count("\n") == 1 and named in plain.stderr
    assert f"rag {args[0]} --help" in plain.stderr and plain.stdout == ""
    as_json = subprocess.run([*RAG, *args, "--json"], env=env, cwd=REPO, capture_output=True, text=True, timeout=60)
    error = json.loads(as_json.stdout)
    assert as_json.returncode == 2 and error["type"] == "UsageError" and named in error["error"]
    assert error["fix"] == f"see `rag {args[0]} --help`"


def test_inspect_a_missing_file_or_a_folder_is_a_source_error(tmp_path):
    missing = run("inspect", str(tmp_path / "nope.pdf"))
    assert missing.exit_code == 8
    one_line_error(missing, "nope.pdf", "no such file")
    folder = run("inspect", str(tmp_path))
    assert folder.exit_code == 8
    one_line_error(folder, str(tmp_path), "is a folder")


def test_output_cut_short_by_a_closed_pipe_is_no_traceback():
    """`rag inspect FILE | head -1`: the reader goes away; the command stops quietly, as a Unix
    filter does (by SIGPIPE: exit code 141 in the shell; 0 where it had written all before)."""
    import signal

    from tests.conftest import RAG, rag_env

    pdf = Path(__file__).parent / "fixtures" / "A_AC.182_2025_L.6.en.pdf"
    proc = subprocess.Popen([*RAG, "inspect", str(pdf)], env=rag_env(), cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, bufsize=0)
    proc.stdout.read(10)
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode in (0, -signal.SIGPIPE) and b"Traceback" not in err and err == b""



def test_a_weak_abstention_names_the_nearest_paragraph_it_would_not_cite(built, monkeypatch):
    """Support a little under the threshold: the answer abstains, and names the paragraph it came
    nearest to citing (a reader can check it); far under it, no paragraph is named."""
    from rag.config import load_settings
    from rag.service import Session

    with Session(load_settings()) as session:
        search = session.retriever.search(DEMO_QUESTION)
        support = session.answerer.support(search)
        top = search.hits[0].citation
    monkeypatch.setenv("RAG_ABSTAIN_THRESHOLD", f"{support / 0.9:.6f}")
    data = json.loads(run("ask", DEMO_QUESTION, "--json").stdout)
    assert data["abstained"] is True and data["citations"] == []
    # one key and one wording for every abstention naming a paragraph; "nearest" says it was too weak
    assert data["closest"] == data["nearest"] and data["nearest"]["citation"] == top
    assert data["closest"]["mismatch"] == "is too weakly supported to cite"
    assert data["answer"] == f"No indexed paragraph answers this. Closest: {top} is too weakly supported to cite."
    # the closest paragraph's sentence nearest an answer, for the reader to check (not cited)
    assert data["closest"]["quote"] and data["closest"]["quote"] in " ".join(SEED.read_text().split())
    lines = run("ask", DEMO_QUESTION).stdout.strip().splitlines()
    assert lines[0] == data["answer"] and lines[1] == f"  It reads: “{data['closest']['quote']}”"
    monkeypatch.setenv("RAG_ABSTAIN_THRESHOLD", f"{support / 0.5:.6f}")
    data = json.loads(run("ask", DEMO_QUESTION, "--json").stdout)
    assert data["abstained"] is True and "nearest" not in data and "closest" not in data
    assert data["answer"] == "No indexed paragraph answers this."
