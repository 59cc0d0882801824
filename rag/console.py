"""The CLI's line printer: the same bytes as rich's
`Console(highlight=False, soft_wrap=True, markup=False, emoji=False)` for the one-line prints of
`rag ask`, without importing rich (~0.035 s of a cold process).

Document text is printed verbatim: rich's markup (`[combined]` would vanish, `[/a]` would raise)
and emoji codes (`:smile:`) are off. A line is written directly when rich would leave it as it
is: none of the control characters and tabs rich strips or expands, a style among bold and dim,
and rich's terminal detection reduced to `isatty` (none of the variables that steer it are set).
rich's output for such a line is the text, wrapped in the style's escape codes on a terminal,
then a newline. Any other line goes to rich itself.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any, TextIO

_REWRITTEN = re.compile(r"[\x00-\x1f\x7f]")  # control characters: rich strips some, expands tabs
_STYLES = {"bold": "\x1b[1m", "dim": "\x1b[2m"}
_RESET = "\x1b[0m"
# Variables that change rich's terminal detection or styling (rich.console.Console).
_RICH_ENV = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "NO_COLOR", "JUPYTER_COLUMNS", "JUPYTER_LINES")


def rich_would_rewrite(text: str) -> bool:
    """Whether rich's print changes `text` (control characters, tabs; markup and emoji are off)."""
    return bool(_REWRITTEN.search(text))


class LineConsole:
    """`print(text, style=None)` with rich's output, importing rich only for lines that need it."""

    def __init__(self, file: TextIO | None = None) -> None:
        self.file = file if file is not None else sys.stdout
        self._rich: Any = None
        try:
            terminal = self.file.isatty()
        except (AttributeError, ValueError):
            terminal = False
        term = os.environ.get("TERM", "").strip().lower()
        self._direct = not any(name in os.environ for name in _RICH_ENV) and \
            not (terminal and term in ("dumb", "unknown"))
        self._ansi = terminal

    def print(self, text: str = "", style: str | None = None) -> None:
        if self._direct and (style is None or style in _STYLES) and not rich_would_rewrite(text):
            if self._ansi and style and text:
                text = f"{_STYLES[style]}{text}{_RESET}"
            self.file.write(text + "\n")
            self.file.flush()
            return
        if self._rich is None:
            from rich.console import Console

            self._rich = Console(file=self.file, highlight=False, soft_wrap=True, markup=False, emoji=False)
        self._rich.print(text, style=style)
