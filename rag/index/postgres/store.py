"""The PostgreSQL store behind the interface of rag.index.stores."""

from __future__ import annotations

import threading
from contextlib import AbstractContextManager
from typing import Any

from rag.config import Settings
from rag.index.postgres.connect import connect, current, redact, store_errors
from rag.index.store import OpenIndex, check_format

_probes: dict[str, Any] = {}  # dsn -> a connection kept for the per-request check of the live generation
_probe_lock = threading.Lock()


class PostgresStore:
    """Generations as schemas of a PostgreSQL database, `rag_current` naming the live one."""

    def open(self, settings: Settings) -> OpenIndex:
        from rag.index.postgres.read import open_pg_index

        return open_pg_index(settings)

    def live(self, settings: Settings) -> str:
        """The live generation's name (one small query on a kept connection)."""
        dsn = settings.store
        with _probe_lock:
            conn = _probes.get(dsn)
            if conn is None or conn.closed:
                conn = _probes[dsn] = connect(dsn)
            try:
                with store_errors(dsn):
                    return current(conn, settings.index_name, dsn)[1]
            except Exception:
                _probes.pop(dsn, None)  # a broken connection is made again by the next request
                raise

    def status(self, settings: Settings) -> dict[str, Any]:
        dsn = settings.store
        conn = connect(dsn)
        try:
            with store_errors(dsn):
                schema, generation, manifest = current(conn, settings.index_name, dsn)
        finally:
            conn.close()
        check_format(manifest, f"{redact(dsn)}#{settings.index_name}")  # type: ignore[arg-type]
        return {"index": f"{redact(dsn)}#{settings.index_name}", "store": "postgresql", "schema": schema,
                "generation": generation, **manifest}

    def verify(self, settings: Settings) -> list[str]:
        from rag.index.postgres.verify import verify_store

        return verify_store(settings)

    def writing(self, settings: Settings, wait: bool = False) -> AbstractContextManager[dict[str, Any]]:
        from rag.index.postgres.publish import writing

        return writing(settings, wait)
