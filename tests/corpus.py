"""Tiny generated UN-style documents for index tests."""

from __future__ import annotations

from pathlib import Path

TOPICS = ["water", "migration", "climate", "trade", "health", "education", "housing", "energy",
          "fisheries", "aviation", "forests", "refugees", "oceans", "labour", "statistics", "culture"]


def doc_text(symbol: str, topic: str, paragraphs: int = 4, extra: str = "") -> str:
    """A flattened-style document: symbol, heading, numbered paragraphs."""
    paras = [f"{i}. The Committee considered {topic} item {i} of report {symbol} and noted progress on "
             f"{topic} cooperation among Member States in section {i}.{extra}" for i in range(1, paragraphs + 1)]
    return f"{symbol}\n\nI. Matters relating to {topic}\n\n" + "\n\n".join(paras) + "\n"


def write_corpus(folder: Path, count: int, paragraphs: int = 4, extra: str = "") -> list[Path]:
    """`count` documents A/70/1 ... named by symbol."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(1, count + 1):
        symbol = f"A/70/{n}"
        path = folder / f"A_70_{n}.txt"
        path.write_text(doc_text(symbol, TOPICS[n % len(TOPICS)] + f" {n}", paragraphs, extra), encoding="utf-8")
        paths.append(path)
    return paths
