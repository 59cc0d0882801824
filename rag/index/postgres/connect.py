"""Connections to the PostgreSQL store, the `current` pointer, and its errors as one line.

Public tables (shared by every index of the database):
    rag_generations(index_name, schema, generation, manifest, created)  every published generation
    rag_current(index_name, schema, generation)                          the live one per index
A generation lives in a schema of its own (`rag_g<n>`), never modified once published; a reader
sets its search_path to that schema, so the row queries of rag.index.paragraphs and the
retriever run unchanged through `SqlConnection` (SQLite's `?` placeholders, rows read by name
or position).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar

from rag.errors import IndexNotFound, StoreUnavailable

LOCK_SPACE = 7310  # first key of the advisory locks this store takes (two-int form)
PUBLISH_LOCK = 1  # second key of the writers' lock: one publish at a time per database
READ_LOCK_SPACE = 7311  # readers hold (7311, hashtext(schema)) shared while they have the generation open
PUBLIC_SCHEMA = """
CREATE TABLE IF NOT EXISTS rag_generations (
    schema TEXT PRIMARY KEY, index_name TEXT NOT NULL, generation TEXT NOT NULL, manifest JSONB NOT NULL,
    created TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS rag_current (
    index_name TEXT PRIMARY KEY, schema TEXT NOT NULL REFERENCES rag_generations(schema), generation TEXT NOT NULL);
CREATE SEQUENCE IF NOT EXISTS rag_generation_seq;
"""
_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")


def redact(dsn: str) -> str:
    """The URL with its password hidden, for messages."""
    return _PASSWORD.sub(r"\1***@", dsn)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


@contextmanager
def store_errors(dsn: str) -> Iterator[None]:
    """psycopg's errors as StoreUnavailable naming the store, one line."""
    import psycopg

    try:
        yield
    except psycopg.Error as exc:
        raise StoreUnavailable(f"store {redact(dsn)}: {_first_line(exc)}",
                               fix="check the --store URL and that the server is running") from exc


def connect(dsn: str, autocommit: bool = True) -> Any:
    """A psycopg connection with pgvector's types; StoreUnavailable when it cannot be made."""
    try:
        import psycopg
    except ImportError as exc:
        raise StoreUnavailable(f"store {redact(dsn)}: psycopg is not installed",
                               fix='pip install "rag[postgres]"') from exc
    with store_errors(dsn):
        try:
            conn = psycopg.connect(dsn, autocommit=autocommit, connect_timeout=10)
        except psycopg.ProgrammingError as exc:  # not a URL psycopg understands
            raise StoreUnavailable(f"store {redact(dsn)}: not a PostgreSQL URL ({_first_line(exc)})",
                                   fix="pass --store postgresql://USER@HOST:PORT/DATABASE") from exc
    return conn


def register_vector(conn: Any, dsn: str) -> None:
    """pgvector's types on `conn`; StoreUnavailable when the database lacks the extension."""
    from pgvector.psycopg import register_vector as register

    try:
        register(conn)
    except Exception as exc:
        raise StoreUnavailable(f"store {redact(dsn)}: the pgvector extension is not installed in this database",
                               fix="run CREATE EXTENSION vector there (a build does so where it may)") from exc


def has_public_tables(conn: Any) -> bool:
    return conn.execute("SELECT to_regclass('public.rag_current') IS NOT NULL").fetchone()[0]


def current(conn: Any, index_name: str, dsn: str) -> tuple[str, str, dict[str, Any]]:
    """(schema, generation, manifest) of the live generation of `index_name`; IndexNotFound
    when the store holds none."""
    row = None
    if has_public_tables(conn):
        row = conn.execute(
            "SELECT c.schema, c.generation, g.manifest FROM rag_current c JOIN rag_generations g "
            "ON g.schema = c.schema WHERE c.index_name = %s", (index_name,)).fetchone()
    if row is None:
        raise IndexNotFound(f"store {redact(dsn)}: no index {index_name!r}",
                            fix=f"run `rag index build PATH --store {redact(dsn)}` first")
    return row[0], row[1], row[2]


class Row(tuple):
    """A result row read by position or by column name, like sqlite3.Row."""

    _names: ClassVar[dict[str, int]] = {}

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


def _row_factory(cursor: Any) -> Any:
    names = {c.name: i for i, c in enumerate(cursor.description or [])}
    cls = type("Row", (Row,), {"_names": names})
    return lambda values: cls(values)


class SqlConnection:
    """The sqlite3.Connection subset the row queries use, over a psycopg connection whose
    search_path is one generation's schema: `?` placeholders, rows by name or position,
    psycopg's errors as StoreUnavailable. A connection the server dropped (a restart, an idle
    timeout) is made again once by `reopen`, and the query run again."""

    def __init__(self, conn: Any, dsn: str, reopen: Callable[[], Any] | None = None) -> None:
        self.raw = conn
        self.dsn = dsn
        self._reopen = reopen

    def _run(self, query: Callable[[Any], Any]) -> Any:
        import psycopg

        with store_errors(self.dsn):
            try:
                return query(self.raw)
            except psycopg.OperationalError:
                if self._reopen is None or not self.raw.closed:
                    raise
                self.raw = self._reopen()
                return query(self.raw)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        query = sql.replace("%", "%%").replace("?", "%s")

        def run(raw: Any) -> Any:
            cur = raw.cursor(row_factory=_row_factory, binary=True)
            cur.execute(query, list(params))
            return cur

        return self._run(run)

    def native(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """A query in PostgreSQL's own dialect (`%s` placeholders, pgvector's operators)."""
        return self._run(lambda raw: raw.execute(sql, list(params), binary=True))  # vectors, bytea as bytes

    def close(self) -> None:
        self.raw.close()
