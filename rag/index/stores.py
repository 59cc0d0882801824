"""Where questions read an index from: the index folder (the default) or a shared store.

A store is one object with five calls, so another engine is one module:
    open(settings)      the live generation opened for questions: an OpenIndex whose parts
                        (vectors, lexical, sentences, tokens, row queries) answer the retriever
    live(settings)      the live generation's name, checked per request by a long-running server
    status(settings)    the live generation's manifest and where it lives
    verify(settings)    every problem found in the live generation, one line each
    writing(settings)   around a build in the local folder: the writers' lock, the store's live
                        generation brought into the folder first, the new one published after
The folder store is rag.index.store; the PostgreSQL store is rag.index.postgres, imported only
when `store` names a PostgreSQL URL.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any, Protocol

from rag.config import Settings
from rag.index.store import (
    OpenIndex,
    current_generation,
    index_status,
    open_index,
    verify_index,
)


class Store(Protocol):
    def open(self, settings: Settings) -> OpenIndex: ...

    def live(self, settings: Settings) -> str: ...

    def status(self, settings: Settings) -> dict[str, Any]: ...

    def verify(self, settings: Settings) -> list[str]: ...

    def writing(self, settings: Settings, wait: bool = False) -> AbstractContextManager[dict[str, Any]]: ...


class FolderStore:
    """The index folder: generations as folders, CURRENT, flock (rag.index.store)."""

    def open(self, settings: Settings) -> OpenIndex:
        return open_index(settings)

    def live(self, settings: Settings) -> str:
        return current_generation(settings.index_path).name

    def status(self, settings: Settings) -> dict[str, Any]:
        return index_status(settings)

    def verify(self, settings: Settings) -> list[str]:
        return verify_index(settings)

    @contextmanager
    def writing(self, settings: Settings, wait: bool = False) -> Iterator[dict[str, Any]]:
        yield {}  # the build takes the folder's own lock and switches CURRENT itself


def store_for(settings: Settings) -> Store:
    """The store `settings.store` names (empty: the index folder)."""
    if settings.store:
        from rag.index.postgres.store import PostgresStore

        return PostgresStore()
    return FolderStore()
