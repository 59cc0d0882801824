"""The layout's rules (docs/design.md): the import contracts in pyproject.toml hold, no module
imports itself through others, and no function of `rag` is more complex than MAX_COMPLEXITY."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MAX_COMPLEXITY = 20  # radon's cyclomatic complexity of one function or method


def test_import_contracts_hold() -> None:
    run = subprocess.run([sys.executable, "-c", "from importlinter.cli import lint_imports_command as c; c()",
                          "--no-cache", "--no-logo"], cwd=REPO, capture_output=True, text=True, env={
                              **os.environ, "PYTHONPATH": str(REPO)})
    assert "Contracts: " in run.stdout and " 0 broken" in run.stdout, run.stdout + run.stderr
    assert run.returncode == 0


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles() -> None:
    import grimp

    sys.path.insert(0, str(REPO))
    try:
        g = grimp.build_graph("rag", cache_dir=None)
    finally:
        sys.path.remove(str(REPO))
    graph = {m: set(g.find_modules_directly_imported_by(m)) for m in g.modules}
    assert _cycles(graph) == []


def test_no_function_above_max_complexity() -> None:
    from radon.complexity import cc_visit

    too_complex = []
    for path in sorted((REPO / "rag").rglob("*.py")):
        for block in cc_visit(path.read_text(encoding="utf-8")):
            blocks = [block, *getattr(block, "methods", [])]
            too_complex += [f"{path.relative_to(REPO)}:{b.lineno} {b.name} {b.complexity}"
                            for b in blocks if b.complexity > MAX_COMPLEXITY]
    assert too_complex == []
