"""The UN question sets of benchmarks/un_written hold what their README says: the fields and kinds
of `un_dev`, and each answer span inside its printed paragraph of the shared text conversion and
nowhere else in the document (skipped where the shared data is absent)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

SETS = Path(__file__).resolve().parent.parent / "benchmarks" / "un_written"
TEXTS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "un_corpus" / "txt"
KINDS = {"fact", "paraphrase", "indirect", "keyword", "why_how"}


def _rows(name: str, file: str) -> list[dict]:
    return [json.loads(line) for line in (SETS / name / file).read_text(encoding="utf-8").splitlines() if line]


def _loose(text: str) -> str:
    """The text without blanks and hyphens, so that line breaks and end-of-line hyphenation match."""
    return re.sub(r"[\s\-\u2010\u2011\u00ad]+", "", text)


def _paragraph(lines: list[str], number: int) -> str:
    """The text from the line that opens with the printed number to the next number of the run."""
    start, expected = None, 1
    for i, line in enumerate(lines):
        m = re.match(r"^(\d+)\.\s", line)
        if m and int(m.group(1)) == expected:
            if expected == number + 1:
                return "\n".join(lines[start:i])
            if expected == number:
                start = i
            expected += 1
    return "\n".join(lines[start:]) if start is not None else ""


@pytest.mark.parametrize("name", ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"])
def test_the_sets_have_the_fields_and_kinds_of_un_dev(name: str) -> None:
    for row in _rows(name, "questions.jsonl"):
        assert set(row) - {"annex"} == {"question", "symbol", "para", "answer", "file", "kind"} and row["kind"] in KINDS
        assert 3 <= len(row["answer"].split()) <= 20
    assert {row["kind"] for row in _rows(name, "out_of_corpus.jsonl")} == {"near_miss", "unrelated"}


@pytest.mark.skipif(not TEXTS.is_dir(), reason="the shared UN corpus is absent")
@pytest.mark.parametrize("name", ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"])
def test_each_answer_lies_in_its_printed_paragraph_and_nowhere_else(name: str) -> None:
    for row in _rows(name, "questions.jsonl"):
        lines = (TEXTS / row["file"]).read_text(encoding="utf-8").split("\n")
        span = _loose(row["answer"])
        assert span in _loose(_paragraph(lines, int(row["para"]))), (row["file"], row["para"])
        assert _loose("\n".join(lines)).count(span) == 1, (row["file"], row["para"])
