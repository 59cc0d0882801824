"""Long files: paragraph numbers past 999, one paragraph unit never larger than the cap, and
embedder calls bounded in text whatever the input's size."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from rag.index.encode import EMBED_CALL_CHARS, EMBED_CALL_TEXTS, _calls
from rag.ingest import parse_file
from rag.ingest.units import MAX_UNIT_CHARS, split_text

SYMBOL = "A/80/999"


def _paragraph(i: int) -> str:
    # a year closing a sentence inside the paragraph ("in 2003. The") is no paragraph number
    return f"{i}. The Committee considered item {i % 7} of its agenda, adopted in 2003. The report was noted."


def _flat(n: int) -> str:
    return f"United Nations {SYMBOL}\n\n" + "\n\n".join(_paragraph(i) for i in range(1, n + 1)) + "\n"


def _laid_out(n: int) -> str:
    """Printed pages: the running symbol on top, paragraphs wrapped over lines (a year wrapped to
    the start of a line mid-sentence), a page number at the foot."""
    pages, lines = [], []
    for i in range(1, n + 1):
        lines += [f"{i}. The Committee considered item {i % 7} of its agenda and decided to continue by",
                  "2035. The report was noted.", ""]
        if i % 20 == 0 or i == n:
            pages.append("\n".join([SYMBOL, "", *lines, f"{len(pages) + 1}/{n // 20 + 1}"]))
            lines = []
    return "\f".join(pages) + "\n"


@pytest.mark.parametrize("layout", [False, True])
def test_numbering_continues_past_999(tmp_path: Path, layout: bool) -> None:
    path = tmp_path / "long.txt"
    path.write_text(_laid_out(1500) if layout else _flat(1500))
    paragraphs = parse_file(path).paragraphs
    assert [p.number for p in paragraphs] == [str(i) for i in range(1, 1501)]
    assert max(len(p.text) for p in paragraphs) < 200
    assert paragraphs[999].text.startswith("The Committee considered item 6")
    if layout:  # the wrapped year stays inside its paragraph
        assert paragraphs[1499].text.endswith("continue by 2035. The report was noted.")


def test_a_year_alone_opens_no_numbering(tmp_path: Path) -> None:
    path = tmp_path / "years.txt"
    path.write_text("The plan was adopted in 2003. The review came in\n\n2004. The next one is due in 2005. "
                    "It will report.\n")
    paragraphs = parse_file(path).paragraphs
    assert all(p.running for p in paragraphs)
    assert "2004. The next one" in " ".join(p.text for p in paragraphs)


def test_a_huge_unnumbered_block_is_split_into_capped_units(tmp_path: Path) -> None:
    rng = random.Random(1)
    words = ["the", "committee", "considered", "report", "noted", "decided", "continue", "work", "member", "states"]
    text = " ".join(" ".join(rng.choice(words) for _ in range(15)).capitalize() + "." for _ in range(20_000))
    path = tmp_path / "block.txt"
    path.write_text(text + "\n")
    paragraphs = parse_file(path).paragraphs
    assert len(paragraphs) > len(text) // MAX_UNIT_CHARS
    assert max(len(p.text) for p in paragraphs) <= MAX_UNIT_CHARS
    assert len({p.number for p in paragraphs}) == 1  # every piece cites the printed paragraph
    assert all(p.text.endswith(".") for p in paragraphs)  # cut at sentence ends
    assert " ".join(p.text for p in paragraphs) == text


def test_split_text_without_sentence_ends_or_spaces() -> None:
    assert [len(p) for p in split_text("x" * 25, limit=10)] == [10, 10, 5]
    pieces = split_text("word " * 30, limit=40)
    assert all(len(p) <= 40 for p in pieces) and " ".join(pieces) == ("word " * 30).strip()


def test_embedder_calls_are_bounded_in_texts_and_characters() -> None:
    texts = {f"h{i}": "x" * (EMBED_CALL_CHARS // 3) for i in range(7)}
    texts |= {f"s{i}": "y" for i in range(EMBED_CALL_TEXTS + 5)}
    calls = _calls(list(texts), texts)
    assert [len(c) for c in calls] == [3, 3, EMBED_CALL_TEXTS, 6]
    assert all(sum(len(texts[k]) for k in c) <= EMBED_CALL_CHARS for c in calls)
    assert [k for c in calls for k in c] == list(texts)
    huge = {"big": "z" * (EMBED_CALL_CHARS + 1)}
    assert _calls(["big"], huge) == [["big"]]
