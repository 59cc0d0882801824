"""The CLI's output lines (rag.cli._line): document text printed verbatim (no markup or emoji codes
read into it), styled bold or dim on a terminal only, without importing rich."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

from rag.cli import _line
from tests.conftest import REPO

LINES = [
    ("“The Committee decided to hold its next session in Geneva.”", None),
    ("— A/59/377, para. 49", "bold"),
    ("", None),
    ("Source: A/59/377, para. 49 (p. 12, II. Migration and development)", "dim"),
    ("  note 3: See resolution 58/208, sect. 2: para. 4.", "dim"),
    ("Funds [combined] and [/a] tags, [1] and [A] brackets", None),
    ("see https://example.org/report#:~:text=fund and :smile: codes", "dim"),
    ("ünïcødé – “quotes” € 10:30:00", "bold"),
]
STYLE_CODES = {"bold": "\x1b[1m", "dim": "\x1b[2m"}


def _print_all() -> None:
    for text, style in LINES:
        _line(text, style=style)


def test_lines_are_printed_verbatim_through_a_pipe(capsys) -> None:
    _print_all()
    assert capsys.readouterr().out == "".join(text + "\n" for text, _ in LINES)


def test_styles_show_on_a_terminal_only(monkeypatch) -> None:
    leader, follower = pty.openpty()
    try:
        with os.fdopen(follower, "w", encoding="utf-8", closefd=False) as fh:
            monkeypatch.setattr(sys, "stdout", fh)
            _print_all()
            fh.flush()
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
    finally:
        os.close(leader)
    want = "".join((f"{STYLE_CODES[style]}{text}\x1b[0m" if style and text else text) + "\n" for text, style in LINES)
    assert b"".join(chunks) == want.replace("\n", "\r\n").encode("utf-8")  # the terminal turns \n into \r\n


def test_the_cli_module_does_not_import_rich() -> None:
    code = "import sys, rag.cli; rag.cli._line('x', style='bold'); print('rich' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(REPO)})
    assert run.stdout.splitlines() == ["x", "False"], run.stderr
