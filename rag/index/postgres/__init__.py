"""The shared store on PostgreSQL with pgvector: the same generations as the index folder,
published into a database that many machines read (docs/postgres.md).

    connect.py   the connection (psycopg, imported only here and only for this store), the
                 sqlite-like face the row queries use, the `current` pointer, one-line errors
    read.py      a generation opened for questions: paragraph and sentence vectors searched by
                 pgvector, BM25 postings and token vectors read for the terms and candidates asked
    publish.py   a generation built in the local folder, copied into a schema of its own and made
                 current in one transaction; writers serialised by an advisory lock

Nothing here is imported unless `store` names a PostgreSQL URL (the folder store's cold
`rag ask` never imports psycopg).
"""

from __future__ import annotations

SCHEMES = ("postgresql://", "postgres://")


def is_postgres(store: str | None) -> bool:
    """Whether a `store` setting names a PostgreSQL database."""
    return bool(store) and str(store).startswith(SCHEMES)
