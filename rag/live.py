"""Sessions that follow an index's live generation: a long-running process (the HTTP server)
answers every request from the generation that is live when the request starts, so a build or
a removal is visible to the next request without a restart, while requests in flight finish
on the generation they started with (its session is closed when the last of them ends)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from rag.config import Settings
from rag.errors import IndexNotFound
from rag.index.stores import store_for
from rag.service import Session, ensure_index


@dataclass
class _Held:
    generation: str
    session: Session
    users: int = 0
    retired: bool = False


class LiveIndex:
    """The session of the live generation, reopened when CURRENT moves (checked per request:
    one small file read)."""

    def __init__(self, settings: Settings, opener: Callable[[Settings], Session] = Session) -> None:
        self.settings = settings
        self._open = opener
        self._lock = threading.Lock()
        self._opening = threading.Lock()
        self._held: _Held | None = None

    def _live(self) -> str:
        try:
            return store_for(self.settings).live(self.settings)
        except IndexNotFound:
            if self._held is None:  # first use: the demo where the settings allow it, else the error
                ensure_index(self.settings)
                return store_for(self.settings).live(self.settings)
            raise

    def _current(self) -> _Held:
        name = self._live()
        held = self._held
        if held is not None and held.generation == name:
            return held
        with self._opening:  # one opener at a time; requests meanwhile use the held session
            held = self._held
            if held is not None and held.generation == name:
                return held
            fresh = _Held(name, self._open(self.settings))
            with self._lock:
                old, self._held = self._held, fresh
                if old is not None:
                    old.retired = True
                    if old.users == 0:
                        old.session.close()
            return fresh

    @contextmanager
    def session(self) -> Iterator[Session]:
        """The live generation's session for one request."""
        while True:
            held = self._current()
            with self._lock:
                if not held.retired:  # not closed between the check and here
                    held.users += 1
                    break
        try:
            yield held.session
        finally:
            with self._lock:
                held.users -= 1
                if held.retired and held.users == 0:
                    held.session.close()

    @property
    def generation(self) -> str | None:
        """The generation held now (None before the first request)."""
        return self._held.generation if self._held else None

    def close(self) -> None:
        with self._lock:
            held, self._held = self._held, None
        if held is not None:
            held.session.close()
