"""Typed errors raised by the library; only the CLI turns them into one-line messages."""

from __future__ import annotations

import re

# C0 and C1 controls, line and paragraph separators, and lone surrogates (the bytes of a file
# name that is not UTF-8, as Python decodes them): none may reach a terminal raw.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the undecodable byte itself
        return f"\\x{code - 0xDC00:02x}"
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def printable(text: str) -> str:
    """`text` safe to print as one line: control characters and undecodable bytes escaped
    (a file name holding a newline cannot forge a second output line)."""
    return _UNPRINTABLE.sub(lambda m: _escape(m.group()), text)


def check_text(value: str, what: str) -> str:
    """`value` if it is valid Unicode text, else UsageError (an argument with bytes that are not UTF-8)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError(f"{what} is not valid UTF-8: '{printable(value)}'",
                         fix="pass it as UTF-8 text") from None
    return value


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


class LLMUnavailable(RagError):
    """No language model endpoint is configured, or it cannot be reached: the extractive answer
    stands alone (not a failure of the question)."""

    exit_code = 0


class LLMTimeout(RagError):
    """The language model endpoint did not answer, or stopped streaming, within the time-out."""

    exit_code = 20


class LLMResponseError(RagError):
    """The language model endpoint answered an HTTP error, or a malformed or truncated stream."""

    exit_code = 21


class LLMRefused(RagError):
    """The language model refused to answer (a refusal or a content filter)."""

    exit_code = 22


class StoreUnavailable(RagError):
    """The shared store (a PostgreSQL server) cannot be reached or refused a request."""

    exit_code = 12


class ClusterError(RagError):
    """The Ray cluster a build was given cannot be reached or lost its work (the index is unchanged)."""

    exit_code = 13
