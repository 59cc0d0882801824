"""A document's unnumbered front matter (its summary, a covering note) restates its numbered
paragraphs; when both rank at the top, the numbered paragraph is cited."""

from __future__ import annotations

from pathlib import Path

from rag.ingest import parse_file
from rag.models import Hit
from rag.search.retriever import numbered_first
from rag.service import Session
from tests.conftest import indexed_texts


def _hit(symbol: str, number: str, running: bool, pid: int = 0, annex: str = "", part: str = "") -> Hit:
    return Hit(pid=pid, symbol=symbol, number=number, text="", page="1", section="", score=1.0, running=running,
               annex=annex, part=part)


def test_a_numbered_paragraph_of_the_same_document_right_behind_its_front_matter_goes_first() -> None:
    summary, body = _hit("DP/1", "1", True, pid=2), _hit("DP/1", "75", False, pid=90)
    assert numbered_first([summary, body, _hit("DP/2", "3", False)], first_numbered=5)[:2] == [body, summary]


def test_other_orders_are_kept() -> None:
    other = _hit("DP/2", "75", False)
    summary, later = _hit("DP/1", "1", True, pid=2), _hit("DP/1", "9", False, pid=20)
    assert numbered_first([summary, other, later], 5) == [summary, other, later]  # another document between
    running = [_hit("X", "1", True), _hit("X", "2", True)]
    assert numbered_first(running, None) == running  # a document without numbers: nothing to prefer
    assert numbered_first([later, summary], 5) == [later, summary]
    assert numbered_first([], None) == [] and numbered_first([summary], 5) == [summary]
    # Unnumbered text after the first numbered paragraph (a list of decisions), of an annex or of
    # an embedded draft is no front matter: it keeps its place.
    decisions = _hit("A/80/38", "33", True, pid=300)
    assert numbered_first([decisions, later], 5) == [decisions, later]
    for unit in (_hit("DP/1", "1", True, pid=2, annex="annex"), _hit("DP/1", "1", True, pid=2, part="draft resolution")):
        assert numbered_first([unit, later], 5) == [unit, later]


REPORT = """DP/99/10
Annual report on internal audit and investigations

Summary
The Office received 434 new investigation cases in 2024, a new high, and closed 402 cases.

1. The present report covers the internal audit and investigation activities of the year 2024.

2. Case intake in 2024 set a new high at 434 new investigation cases received by the Office.

3. The Office thanks the Executive Board for its continued support of its work.
"""


def test_the_summary_restating_a_paragraph_gives_way_to_it(tmp_path: Path) -> None:
    settings = indexed_texts(tmp_path, {"DP_99_10.txt": REPORT})
    with Session(settings) as session:
        hits = session.search("How many new investigation cases did the Office receive in 2024?")
        assert not hits[0].running and hits[0].number == "2"
        assert any(h.running for h in hits[1:3])  # the summary is still found, behind the paragraph


def test_plain_text_keeps_the_summary_before_the_numbered_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "DP_99_10.txt"
    path.write_text(REPORT)
    paras = parse_file(path).paragraphs
    assert [(p.number, p.running) for p in paras] == [("1", True), ("1", False), ("2", False), ("3", False)]
    assert paras[0].text.startswith("The Office received 434") and paras[0].section == "Summary"
    assert paras[1].section == "Annual report on internal audit and investigations"


def test_a_summary_with_no_title_after_it_heads_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "DP_99_11.txt"
    path.write_text("DP/99/11\n\nSummary\nThe present report gives the activities of the Office in 2024, with 434 "
                    "new cases received.\n\n1. The present report covers the activities of the year.\n\n2. Case "
                    "intake set a new high.\n")
    paras = parse_file(path).paragraphs
    assert [(p.number, p.running) for p in paras] == [("1", True), ("1", False), ("2", False)]
    assert [p.section for p in paras[1:]] == ["", ""]


def test_scores_shown_fall_with_the_rank_after_a_paragraph_is_moved_up():
    from dataclasses import replace

    from rag.search.retriever import falling_scores

    scored = [("3", 2.0), ("1", 5.0), ("2", 4.0)]
    hits = [replace(_hit("A/1/1", n, False, pid=i), score=s) for i, (n, s) in enumerate(scored)]
    shown = falling_scores(hits)
    assert [h.number for h in shown] == ["3", "1", "2"] and [h.score for h in shown] == [5.0, 4.0, 2.0]
    assert falling_scores(shown) is shown
