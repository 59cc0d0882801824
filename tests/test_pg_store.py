"""The PostgreSQL store on a real server (tests.pg_server): the same answers, rows and errors as
the index folder, builds published whole, concurrent writers and readers."""

from __future__ import annotations

import gc

import shutil
import threading
from dataclasses import replace

import numpy as np
import pytest
from typer.testing import CliRunner

from rag.cli import app
from rag.config import load_settings
from rag.service import Session, build, status, verify
from tests.conftest import DEMO_QUESTION, FAKE_MODEL, SEED, shared_path
from tests.corpus import doc_text, write_corpus
from tests.test_query_encoder import imported_top_level, run_cli

runner = CliRunner()


@pytest.fixture
def both(tmp_path, pg_dsn, seed_dir):
    """Settings of the folder store and of the PostgreSQL store, the seed and 12 generated
    documents built into both (one build, published)."""
    docs = tmp_path / "docs"
    write_corpus(docs, 12)
    shutil.copy(SEED, docs / SEED.name)
    folder = load_settings(env={}, index_dir=tmp_path / "indexes", index_name="un", model=FAKE_MODEL)
    store = replace(folder, store=pg_dsn)
    report = build(store, [docs])
    assert report.store["published"]["schema"].startswith("rag_g")
    return folder, store


def test_ask_and_search_give_the_folder_store_s_answers(both) -> None:
    folder, store = both
    with Session(folder) as a, Session(store) as b:
        for question in (DEMO_QUESTION, "migration item 3 of report A/70/2", "what did the Committee note on water?"):
            x, y = a.ask(question), b.ask(question)
            assert [c.citation for c in x.citations] == [c.citation for c in y.citations]
            assert x.answer == y.answer
            hx, hy = a.search(question, k=10), b.search(question, k=10)
            assert [h.pid for h in hx] == [h.pid for h in hy]
            assert np.allclose([h.score for h in hx], [h.score for h in hy], atol=1e-4)
        filtered = Session.search(b, "cooperation", k=5, symbol="A/70/3")
        assert filtered and {h.symbol for h in filtered} == {"A/70/3"}


def test_rows_show_and_documents_are_the_folder_store_s(both) -> None:
    folder, store = both
    with Session(folder, with_model=False) as a, Session(store, with_model=False) as b:
        ids = list(range(a.index.size))
        ra, rb = a.index.paragraph_rows(ids), b.index.paragraph_rows(ids)
        assert ra.keys() == rb.keys()
        assert all(dict(ra[i]) == dict(rb[i]) for i in ids)
        assert a.index.documents() == b.index.documents()
        assert a.show("A/59/377", "49") == b.show("a/59/377", "49")
        assert a.around(a.show("A/70/4", "2"), 2) == b.around(b.show("A/70/4", "2"), 2)
        assert a.index.document_span(5) == b.index.document_span(5)
        assert np.array_equal(a.index.paragraph_documents(), b.index.paragraph_documents())
    assert verify(store) == []
    assert status(store)["generation"] == status(folder)["generation"]


def test_cli_on_the_store(both, pg_dsn) -> None:
    folder, _ = both
    common = ["--index-dir", str(folder.index_dir), "--index", "un", "--model", FAKE_MODEL, "--store", pg_dsn]
    asked = runner.invoke(app, ["ask", DEMO_QUESTION, *common])
    assert asked.exit_code == 0 and "A/59/377, para. 49" in asked.output
    shown = runner.invoke(app, ["show", "A/59/377", "49", *common])
    assert shown.exit_code == 0 and "IOM serves as secretariat" in shown.output
    stat = runner.invoke(app, ["index", "status", *common])
    assert stat.exit_code == 0 and "13 document(s)" in stat.output and "***" not in stat.output
    assert "PostgreSQL schema rag_g1: paragraphs scanned exactly, sentences scanned exactly" in stat.output
    missing = runner.invoke(app, ["show", "A/99/1", "1", *common])
    assert missing.exit_code == 3 and len(missing.output.strip().splitlines()) == 1


def test_bad_store_is_one_line_naming_it(tmp_path, pg_server) -> None:
    common = ["--index-dir", str(tmp_path), "--model", FAKE_MODEL]
    down = runner.invoke(app, ["ask", "anything?", *common, "--store", "postgresql://rag:secret@127.0.0.1:1/none"])
    assert down.exit_code == 12
    lines = down.output.strip().splitlines()
    assert len(lines) == 1 and "store postgresql://rag:***@127.0.0.1:1/none" in lines[0] and "secret" not in lines[0]
    wrong = runner.invoke(app, ["search", "x", *common, "--store", "mysql://h/db"])
    assert wrong.exit_code == 2 and "setting store" in wrong.output and len(wrong.output.strip().splitlines()) == 1
    empty = runner.invoke(app, ["ask", "anything?", *common, "--store", pg_server.dsn.rsplit("/", 1)[0] + "/postgres"])
    assert empty.exit_code == 4 and "no index 'default'" in empty.output


def test_a_folder_ask_never_imports_psycopg(fake_settings, fake_env) -> None:
    build(fake_settings, [fake_settings.seeds_dir])
    asked = run_cli(["ask", DEMO_QUESTION, "--index-dir", str(fake_settings.index_dir)], fake_env)
    assert asked.returncode == 0, asked.stderr[-500:]
    assert not imported_top_level(asked.stderr) & {"psycopg", "pgvector"}


def _reader(store, stop: threading.Event, seen: list, errors: list) -> None:
    """Ask through the live generation until told to stop, checking that each generation read
    is whole: its rows as many as its manifest says."""
    from rag.live import LiveIndex

    live = LiveIndex(store)
    try:
        while not stop.is_set():
            with live.session() as s:
                rows = s.index.conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
                docs = len(s.index.documents())
                assert rows == s.index.size and docs == s.index.manifest["documents"], (rows, docs)
                s.search("cooperation among Member States", k=3)
                seen.append(docs)
    except Exception as exc:  # noqa: BLE001 - reported by the test
        errors.append(exc)
    finally:
        live.close()


def test_two_writers_and_ten_readers(tmp_path, pg_dsn) -> None:
    """Two writers with local folders of their own publish into one index at once while ten
    readers ask: every build is kept (the second starts from the first's generation), no reader
    fails, each reads whole generations only."""
    first = load_settings(env={}, index_dir=tmp_path / "w0", index_name="shared", model=FAKE_MODEL, store=pg_dsn)
    build(first, [write_corpus(tmp_path / "base", 3)[0].parent])
    # the modules a first search imports are compiled before the threads start: CPython 3.11.7 can
    # fail compiling source in several threads at once ("AST constructor recursion depth mismatch")
    with Session(first) as warm:
        warm.search("cooperation among Member States", k=3)
    stop, seen, errors = threading.Event(), [], []
    readers = [threading.Thread(target=_reader, args=(first, stop, seen, errors)) for _ in range(10)]
    for t in readers:
        t.start()
    writer_errors: list[Exception] = []

    def write(n: int) -> None:
        settings = replace(first, index_dir=tmp_path / f"w{n}")
        docs = tmp_path / f"docs{n}"
        docs.mkdir()
        for k in range(2):
            (docs / f"B_{n}_{k}.txt").write_text(f"A/80/{n}{k}\n\n1. Writer {n} wrote document {k} about tides.\n")
            try:
                build(settings, [docs], wait=True)
            except Exception as exc:  # noqa: BLE001 - reported by the test
                writer_errors.append(exc)

    writers = [threading.Thread(target=write, args=(n,)) for n in (1, 2)]
    for t in writers:
        t.start()
    for t in writers:
        t.join()
    stop.set()
    for t in readers:
        t.join()
    assert not writer_errors and not errors, (writer_errors, errors)
    assert len(seen) >= 10 and set(seen) <= {3, 4, 5, 6, 7}
    with Session(first, with_model=False) as s:
        symbols = {d.symbol for d in s.index.documents()}
    assert symbols == {"A/70/1", "A/70/2", "A/70/3", "A/80/10", "A/80/11", "A/80/20", "A/80/21"}
    import psycopg

    with psycopg.connect(pg_dsn) as conn:
        left = conn.execute("SELECT count(*) FROM rag_generations WHERE index_name = 'shared'").fetchone()[0]
    assert left <= 3  # the old ones dropped once nobody read them


@pytest.mark.slow
def test_un_texts_with_the_real_model(tmp_path, pg_dsn) -> None:
    """A handful of UN texts with the default model: the store answers as the folder does."""
    import json

    corpus = shared_path("data", "un_corpus", "txt")
    questions = [json.loads(line) for line in shared_path("data", "un_dev", "questions.jsonl").read_text().splitlines()]
    names = sorted(p.name for p in corpus.iterdir())[:6]
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in names:
        shutil.copy(corpus / name, docs / name)
    folder = load_settings(env={}, index_dir=tmp_path / "indexes", index_name="un")
    store = replace(folder, store=pg_dsn)
    build(store, [docs])
    with Session(folder) as a, Session(store) as b:
        symbols = {d.symbol for d in a.index.documents()}
        asked = [q["question"] for q in questions if q["symbol"] in symbols][:15]
        assert len(asked) >= 5
        for question in asked:
            assert [c.citation for c in a.ask(question).citations] == [c.citation for c in b.ask(question).citations]


def test_serve_answers_from_the_store_and_follows_its_switches(both, tmp_path) -> None:
    from fastapi.testclient import TestClient

    from rag.server import create_app

    folder, store = both
    with TestClient(create_app(store)) as client:
        asked = client.post("/ask", json={"question": DEMO_QUESTION}).json()
        assert asked["citations"][0]["citation"] == "A/59/377, para. 49"
        before = client.get("/health").json()["generation"]
        assert client.get("/status").json()["documents"] == 13
        extra = tmp_path / "extra"
        extra.mkdir()
        (extra / "A_81_1.txt").write_text(doc_text("A/81/1", "coral reefs"))
        build(store, [extra])
        assert client.get("/health").json()["generation"] != before
        assert client.get("/status").json()["documents"] == 14
        hits = client.get("/search", params={"q": "coral reefs cooperation", "k": 3}).json()["hits"]
        with Session(folder) as s:
            assert [h["citation"] for h in hits] == [f"{h.symbol}, para. {h.number}" for h in s.search("coral reefs cooperation", k=3)]
        assert hits[0]["citation"].startswith("A/81/1, para.")


def test_a_dropped_connection_is_made_again(both) -> None:
    import psycopg

    _, store = both
    with Session(store) as s, psycopg.connect(store.store, autocommit=True) as admin:
        first = s.search(DEMO_QUESTION, k=3)
        admin.execute("SELECT pg_terminate_backend(%s)", (s.index.conn.raw.info.backend_pid,))
        assert [h.pid for h in s.search(DEMO_QUESTION, k=3)] == [h.pid for h in first]


def test_hnsw_from_twenty_thousand_rows_with_its_recall_measured(pg_dsn) -> None:
    """A vector table of EXACT_MAX rows gets an HNSW index whose ef_search reaches the target
    recall@10 on probe queries, and the reader's search finds the exact top 10 as often."""
    from rag.index.postgres.connect import SqlConnection, connect, register_vector
    from rag.index.postgres.publish import EXACT_MAX, _copy, _vector_index
    from rag.index.postgres.read import PgVectors
    from rag.index.vectors import TARGET_RECALL, exact_top_k, probe_queries, recall_at_k

    rng = np.random.default_rng(0)
    rows = rng.standard_normal((EXACT_MAX, 16)).astype(np.float32)
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    conn = connect(pg_dsn)
    try:
        register_vector(conn, pg_dsn)
        with conn.transaction():
            conn.execute("CREATE TABLE pvec (id integer PRIMARY KEY, v vector(16) NOT NULL)")
            _copy(conn, "COPY pvec (id, v) FROM STDIN (FORMAT BINARY)", ["int4", "vector"],
                  ((i, rows[i]) for i in range(len(rows))))
            info = _vector_index(conn, pg_dsn, "pvec", rows)
        assert info["kind"] == "hnsw" and info["recall_at_10"] >= TARGET_RECALL
        conn.execute(f"SET hnsw.ef_search = {max(info['ef_search'], 100)}")
        searcher = PgVectors(SqlConnection(conn, pg_dsn), "pvec", len(rows), 16, exact=False)
        probes = probe_queries(rows, 50, seed=1)
        assert recall_at_k(searcher, probes, exact_top_k(rows, probes, 10), rows) >= TARGET_RECALL
        _, ids = searcher.search(probes[:1], 100)
        assert (ids >= 0).sum() == 100  # ef_search at least the candidate count: no short lists
    finally:
        conn.close()


def test_remove_publishes_a_generation_without_the_document(both) -> None:
    from rag.service import remove

    _, store = both
    gc.collect()  # sessions of earlier tests release their generation's lock, so the old one can be dropped
    report = remove(store, "A/70/2")
    assert report.store["published"]["schema"] == "rag_g2" and report.store["published"]["dropped"] == ["rag_g1"]
    with Session(store, with_model=False) as s:
        assert "A/70/2" not in {d.symbol for d in s.index.documents()} and len(s.index.documents()) == 12
