"""The CLI's line printer writes document text verbatim (no rich markup or emoji codes read into
it), with exactly the bytes rich's Console writes for it, to a pipe and to a terminal."""

from __future__ import annotations

import io
import os
import pty

import pytest
from rich.console import Console

from rag.console import LineConsole

LINES = [
    ("“The Committee decided to hold its next session in Geneva.”", None),
    ("— A/59/377, para. 49", "bold"),
    ("", None),
    ("Source: A/59/377, para. 49 (p. 12, II. Migration and development)", "dim"),
    ("  note 3: See resolution 58/208, sect. 2: para. 4.", "dim"),
    ("Funds [combined] and [/a] tags, [1] and [A] brackets", None),  # markup to rich by default
    ("see https://example.org/report#:~:text=fund and :smile: codes", "dim"),  # emoji codes too
    ("tab\tseparated, bell\x07, carriage\rreturn", "bold"),
    ("two\nlines", "bold"),
    ("ünïcødé – “quotes” € 10:30:00", "bold"),
]


def _print_all(console) -> None:
    for text, style in LINES:
        try:
            console.print(text, style=style)
        except Exception as exc:  # noqa: BLE001 - rich raises on bad markup: the same must happen
            console.file.write(f"raised {type(exc).__name__}\n")


def _through_pipe(make) -> str:
    out = io.StringIO()
    _print_all(make(out))
    return out.getvalue()


def _through_terminal(make) -> bytes:
    leader, follower = pty.openpty()
    try:
        with os.fdopen(follower, "w", encoding="utf-8", closefd=False) as fh:
            _print_all(make(fh))
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the other end is closed and drained
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(leader)


def rich_console(fh):
    return Console(file=fh, highlight=False, soft_wrap=True, markup=False, emoji=False)


def test_document_text_is_printed_verbatim() -> None:
    out = io.StringIO()
    console = LineConsole(out)
    console.print("Funds [combined] and [/a] tags; :smile: stays", style="bold")
    assert out.getvalue() == "Funds [combined] and [/a] tags; :smile: stays\n"


def test_same_bytes_as_rich_through_a_pipe(monkeypatch) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    assert _through_pipe(LineConsole) == _through_pipe(rich_console)


@pytest.mark.parametrize("term", ["xterm-256color", "dumb"])
def test_same_bytes_as_rich_on_a_terminal(monkeypatch, term) -> None:
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR", "COLORTERM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", term)
    got = _through_terminal(LineConsole)
    assert got == _through_terminal(rich_console)
    if term != "dumb":
        assert b"\x1b[1m\xe2\x80\x94 A/59/377, para. 49\x1b[0m" in got


def test_plain_lines_do_not_import_rich() -> None:
    console = LineConsole(io.StringIO())
    console.print("— A/59/377, para. 49", style="bold")
    console.print("tab\tseparated")
    assert console._rich is not None  # the line with a control character went to rich
    plain = LineConsole(io.StringIO())
    plain.print("“A quote.”")
    plain.print("Source: A/59/377, para. 49 (p. 12)", style="dim")
    assert plain._rich is None
