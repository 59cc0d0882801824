"""Typed errors raised by the library; only the CLI turns them into one-line messages."""

from __future__ import annotations


class RagError(Exception):
    """Base class: a user-facing failure with a one-line message and an exit code."""

    exit_code: int = 1

    def __init__(self, message: str, *, fix: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix

    def __str__(self) -> str:
        return f"{self.message} ({self.fix})" if self.fix else self.message


class UsageError(RagError):
    """A bad argument: empty question, unknown option value."""

    exit_code = 2


class NotFoundError(RagError):
    """A symbol or paragraph that the index does not hold."""

    exit_code = 3


class IndexNotFound(RagError):
    """The index folder is missing or holds no built index."""

    exit_code = 4


class IndexMismatch(RagError):
    """The index was built with another model or an unknown format version."""

    exit_code = 5


class IndexCorrupt(RagError):
    """An index file is truncated, unreadable or inconsistent with the manifest."""

    exit_code = 6


class IndexWriteError(RagError):
    """The new generation could not be written (disk full, read-only folder); the old one stays."""

    exit_code = 11


class IndexLocked(RagError):
    """Another build holds the index's write lock."""

    exit_code = 7


class SourceError(RagError):
    """A path given to a build does not exist or holds no supported file."""

    exit_code = 8


class ParseError(RagError):
    """One file could not be read or parsed (the build reports it and continues)."""

    exit_code = 9


class ModelError(RagError):
    """The embedding model could not be loaded."""

    exit_code = 10
