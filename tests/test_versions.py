"""A document indexed with its revision (symbol + "/Rev.N"): the revision is cited where both
hold the answer alike; a question that asks for the original, or for the revision, gets it."""

from __future__ import annotations

import numpy as np
import pytest

from rag.answer.evidence import Evidence
from rag.answer.revisions import check_version
from rag.search.versions import find_versions, revisions_first
from rag.service import Session, build


def test_the_latest_revision_supersedes_the_others() -> None:
    versions = find_versions([(1, "A/80/7"), (2, "A/80/7/Rev.2"), (3, "A/80/7/Rev.1"), (4, "A/80/8"),
                              (5, "A/80/7/Add.1")])
    assert versions.superseded == {1, 3}
    assert versions.others == {1: (2, 3), 2: (3, 1), 3: (2, 1)}
    scores = revisions_first(np.array([5.0, 5.0, 4.0]), np.array([1, 2, 4]), versions)
    assert scores[1] > scores[0] > scores[2]  # a tie goes to the revision, no more


@pytest.mark.parametrize(("question", "symbols", "mismatch"), [
    ("How many States took part, as originally issued on 19 March?", ("X/2025/11/Rev.1",),
     "is the revised version (X/2025/11/Rev.1), not the original version"),
    ("How many States took part according to the report (Rev.1)?", ("X/2025/11",),
     "is the original version (X/2025/11), not the revised version (Rev.1)"),
    ("How many States took part according to the report (Rev.1)?", ("X/2025/11/Rev.1",), None),
    ("How many States took part in the meeting?", ("X/2025/11/Rev.1",), None),
    ("What do the revised estimates for 2026 amount to?", ("X/2025/11",), None),
])
def test_the_version_asked_for(question, symbols, mismatch) -> None:
    found = check_version(question, Evidence("58 States took part.", "", symbols))
    assert (found.describe() if found else None) == mismatch


def _report(symbol: str, date: str, states: int) -> str:
    return (f"United Nations {symbol}\n\nMeeting of States Parties Distr.: General\n\n{date}\n\nOriginal: English\n\n"
            "Report of the third Meeting of States Parties\n\n"
            "1. The third Meeting of States Parties was held in New York from 3 to 7 March 2025.\n\n"
            f"2. The following {states} States Parties participated in the Meeting: Austria, Chile and others.\n\n"
            "3. The Meeting adopted its report at its closing plenary meeting.\n")


@pytest.mark.parametrize("quick_start", [False, True])
def test_a_revision_is_cited_before_its_original_unless_the_original_is_asked(fake_settings, tmp_path, quick_start):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "X_MSP_2025_11.txt").write_text(_report("X/MSP/2025/11", "19 March 2025", 58), encoding="utf-8")
    (folder / "X_MSP_2025_11_Rev.1.txt").write_text(_report("X/MSP/2025/11/Rev.1", "6 May 2025", 58), encoding="utf-8")
    build(fake_settings, [folder])
    with Session(fake_settings, quick_start=quick_start) as s:
        plain = s.ask("Which States Parties participated in the third Meeting of States Parties?")
        original = s.ask("In the report as originally issued, which States Parties participated in the third "
                         "Meeting of States Parties?")
    assert [c.citation for c in plain.citations] == ["X/MSP/2025/11/Rev.1, para. 2"]
    assert [c.citation for c in original.citations] == ["X/MSP/2025/11, para. 2"]


def test_rag_eval_scores_the_paragraph_the_answer_cites(fake_env, tmp_path):
    """The answer may cite the same paragraph of another version than the top hit's: `rag eval`
    counts the citation the user gets."""
    import json

    from typer.testing import CliRunner

    from rag.cli import app

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "X_MSP_2025_11.txt").write_text(_report("X/MSP/2025/11", "19 March 2025", 58), encoding="utf-8")
    (folder / "X_MSP_2025_11_Rev.1.txt").write_text(_report("X/MSP/2025/11/Rev.1", "6 May 2025", 58), encoding="utf-8")
    questions = tmp_path / "questions.jsonl"
    questions.write_text(json.dumps({
        "question": "In the report as originally issued, which States Parties participated in the third Meeting of "
                    "States Parties?", "symbol": "X/MSP/2025/11", "para": 2, "kind": "fact",
        "answer": "States Parties participated in the Meeting"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(questions), "--corpus", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["answers"]["by_kind"]["all"]["exact_citation"] == 1
