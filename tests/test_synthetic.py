"""The scaled benchmark indexes (benchmarks/synthetic.py) keep the store's schema: a search over
them reads what it reads over a real index."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from benchmarks.synthetic import write_scaled_store
from rag.index.store import DATABASE, current_generation
from tests.conftest import indexed_texts

TEXT = """A/99/29
Report of the Ad Hoc Committee on the Indian Ocean

1. The Committee held one meeting at United Nations Headquarters.

2. The Committee adopted its report at the same meeting.
"""


def _table_info(conn: sqlite3.Connection, table: str) -> list[tuple]:
    return list(conn.execute(f"PRAGMA table_info({table})"))


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in _table_info(conn, table)]


def _keys(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in _table_info(conn, table) if r[5]]


def _stores(tmp_path: Path) -> tuple[sqlite3.Connection, sqlite3.Connection]:
    """The store of a real one-document index, and a scaled store of 10 paragraphs tiled from it."""
    base = indexed_texts(tmp_path, {"A_99_29.txt": TEXT}).index_path
    scaled = tmp_path / "scaled.sqlite"
    write_scaled_store(base, 10, scaled)
    return sqlite3.connect(current_generation(base) / DATABASE), sqlite3.connect(scaled)


def test_a_scaled_store_has_the_real_store_s_document_columns(tmp_path: Path) -> None:
    real, copy = _stores(tmp_path)
    assert _columns(copy, "documents") == _columns(real, "documents")
    assert _columns(copy, "paragraphs") == _columns(real, "paragraphs")
    pid = copy.execute("SELECT MAX(id) FROM paragraphs").fetchone()[0]
    row = copy.execute("SELECT d.title, d.venue FROM paragraphs p JOIN documents d ON d.id = p.doc_id "
                       "WHERE p.id = ?", (pid,)).fetchone()
    assert row is not None and row[0].startswith("Report of the Ad Hoc Committee")


def test_a_scaled_store_looks_documents_up_by_key_as_the_real_store_does(tmp_path: Path) -> None:
    """Every hit joins its document: without the key each join scans the documents table, and
    the benchmark's search times would be the scan's, not the product's."""
    real, copy = _stores(tmp_path)
    assert _keys(copy, "documents") == _keys(real, "documents") == ["id"]
