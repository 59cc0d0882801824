"""The fault table of docs/index-format.md: every file of an index x every kind of damage, and
what `rag ask`, `rag index verify` and `rag index rebuild` then do.

A tiny index (the seed excerpt plus two generated documents, the hash test embedder) is built
once; each cell damages a fresh copy of it, runs the three commands in that order through the
CLI, and checks afterwards that every indexed document is still there. Run it as
`python -m research.fault_table` (about a minute); `--markdown` prints the table for the doc.
tests/test_faults.py (slow) runs it and fails on any traceback or lost document.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from rag.cli import app

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "A_59_377_excerpt.txt"
QUESTION = "which forum does IOM serve as secretariat for?"
MODEL = "hash:384"
TEXT_FILES = ("CURRENT", "manifest.json")


def _flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    mid = len(data) // 2
    for i in range(mid, min(mid + 16, len(data))):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


def _keep_mtime(damage: Callable[[Path], None]) -> Callable[[Path], None]:
    """`damage`, then the file's old modification time put back (bit rot, a careless copy)."""
    def run(path: Path) -> None:
        st = path.stat()
        damage(path)
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    return run


def _non_utf8(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(b"\xff\xfe" + data[2:])


DAMAGES: dict[str, Callable[[Path], None]] = {
    "delete": lambda p: p.unlink(),
    "truncate": lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]),
    "zero": lambda p: p.write_bytes(b"\x00" * p.stat().st_size),
    "flip": _flip,
    "flip, old mtime": _keep_mtime(_flip),
    "non-UTF-8": _non_utf8,
}


@dataclass
class Cell:
    file: str
    damage: str
    ask: str
    verify: str
    rebuild: str

    @property
    def bad(self) -> bool:
        return any(word in f"{self.ask} {self.verify} {self.rebuild}" for word in ("TRACEBACK", "LOST", "two lines"))


def _outcome(result, *, ok: str) -> str:
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        return f"TRACEBACK ({type(result.exception).__name__})"
    err = [ln for ln in result.stderr.splitlines() if ln.strip()]
    if result.exit_code == 0:
        return ok
    if len(err) > 1 and result.exit_code != 1:
        return f"exit {result.exit_code}, two lines"
    return f"exit {result.exit_code}"


def _corpus(folder: Path) -> None:
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    for n, topic in ((1, "fisheries"), (2, "aviation")):
        paras = "\n\n".join(f"{i}. The Committee considered {topic} item {i} of report A/70/{n} and noted "
                            f"progress on {topic} cooperation in section {i}." for i in range(1, 5))
        (folder / f"A_70_{n}.txt").write_text(f"A/70/{n}\n\nI. Matters relating to {topic}\n\n{paras}\n")


class Table:
    """The pristine index and the commands run against damaged copies of it."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.runner = CliRunner()
        _corpus(work / "docs")
        self.pristine = work / "pristine"
        result = self.invoke(self.pristine, "index", "build", str(work / "docs"))
        assert result.exit_code == 0, result.output
        self.answer = json.loads(self.invoke(self.pristine, "ask", QUESTION, "--json").stdout)
        self.symbols = self.documents(self.pristine)
        root = self.pristine / "default"
        self.gen_name = (root / "CURRENT").read_text().strip()
        self.files = ["CURRENT", *sorted(p.name for p in (root / self.gen_name).iterdir())]

    def invoke(self, index_dir: Path, *args: str):
        env = {"RAG_INDEX_DIR": str(index_dir), "RAG_MODEL": MODEL, "RAG_CONFIG": ""}
        return self.runner.invoke(app, list(args), env=env)

    def documents(self, index_dir: Path) -> set[str] | None:
        result = self.invoke(index_dir, "index", "status", "--json")
        if result.exit_code != 0:
            return None
        return {f["symbol"] for f in json.loads(result.stdout)["files"]}

    def _ask(self, index_dir: Path) -> str:
        result = self.invoke(index_dir, "ask", QUESTION, "--json")
        out = _outcome(result, ok="answers")
        if out == "answers" and json.loads(result.stdout) != self.answer:
            return "answers DIFFERENTLY"
        return out

    def cell(self, name: str, damage: str) -> Cell:
        index_dir = self.work / "cell"
        shutil.rmtree(index_dir, ignore_errors=True)
        shutil.copytree(self.pristine, index_dir)
        root = index_dir / "default"
        path = root / name if name == "CURRENT" else root / self.gen_name / name
        time.sleep(0.02)  # the damage must not share the build's mtime tick
        DAMAGES[damage](path)
        ask = self._ask(index_dir)
        verify = _outcome(self.invoke(index_dir, "index", "verify"), ok="ok")
        rebuild = _outcome(self.invoke(index_dir, "index", "rebuild"), ok="rebuilt")
        kept = self.documents(index_dir)
        if kept is None or not self.symbols <= kept:
            rebuild += f", LOST {len(self.symbols - (kept or set()))} document(s)"
        elif self._ask(index_dir) != "answers":
            rebuild += ", then ask fails"
        return Cell(name, damage, ask, verify, rebuild)

    def cells(self) -> list[Cell]:
        return [self.cell(name, damage) for name in self.files for damage in DAMAGES
                if damage != "non-UTF-8" or name in TEXT_FILES]


def fault_table() -> list[Cell]:
    """Every cell of the table (a temporary folder, removed afterwards)."""
    with tempfile.TemporaryDirectory() as tmp:
        return Table(Path(tmp)).cells()


def markdown(cells: list[Cell]) -> str:
    lines = ["| file | damage | `rag ask` | `rag index verify` | `rag index rebuild` |", "|---|---|---|---|---|"]
    lines += [f"| `{c.file}` | {c.damage} | {c.ask} | {c.verify} | {c.rebuild} |" for c in cells]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args()
    cells = fault_table()
    if args.markdown:
        print(markdown(cells))
    else:
        for c in cells:
            print(f"{'!!' if c.bad else '  '} {c.file:24} {c.damage:16} ask: {c.ask:22} verify: {c.verify:10} "
                  f"rebuild: {c.rebuild}")
    bad = [c for c in cells if c.bad]
    print(f"{len(cells)} cells, {len(bad)} with a traceback or a lost document")


if __name__ == "__main__":
    main()
