"""The document a question's leading clause names, among those of the best hits
(rag.search.named, Retriever.named_document_first)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from rag.search.focus import document_clause
from rag.search.named import MASTHEAD_WEIGHT, named_choice
from rag.service import Session
from rag.textutil import coverage
from tests.conftest import indexed_texts
from tests.test_subject import _whole_and_ranked

# Extracts of A/80/36 (para. 3) and A/80/56 (para. 76): the High Commissioner's report counts the
# Committee's urgent actions and names its backlog; the Committee's own report gives the backlog.
HIGH_COMMISSIONER = """A/80/36
General Assembly
Eightieth session
Report of the United Nations High Commissioner for Human Rights

1. The present report covers the activities of the Office of the United Nations High Commissioner
for Human Rights from 1 July 2024 to 30 June 2025.

2. The Office supported the human rights treaty bodies throughout the reporting period.

3. The treaty bodies engaged with States, national human rights institutions, non-governmental
organizations, other United Nations human rights mechanisms, United Nations agencies and regional
and other organizations. As at 30 June 2025, 316 State Party reports were pending review and 1,530
individual communications were pending consideration. The Committee on Enforced Disappearances, as
at 30 June 2025, had registered a total of 2,030 urgent actions, out of which 1,255 remained open.
This backlog is expected to accumulate further given the cancellation of the third treaty body
session for 2025 in view of the liquidity crisis.
"""
COMMITTEE = """A/80/56
General Assembly
Eightieth session
Report of the Committee on Enforced Disappearances

74. As at 6 June 2025, there were 77 States Parties and 98 signatory States to the Convention.

75. The Committee continued to register requests for urgent action under article 30 of the
Convention.

76. As at 28 February 2025, the Committee had a backlog of 671 urgent actions ready for follow-up,
either individually or in groups (compared to 307 as at 9 September 2024), including 413 in
Spanish (182 notes), 243 in English (36 notes), 14 in Arabic (13 notes) and 1 in French.
"""


def test_the_clause_that_names_a_document() -> None:
    assert document_clause("In the report of the Committee on Enforced Disappearances, how large was the "
                           "backlog?") == "the report of the Committee on Enforced Disappearances"
    assert document_clause("In the 1960s, what did the Committee do?") is None  # a time, not a document
    assert document_clause("How large was the backlog of urgent actions?") is None


def test_the_masthead_share_weighs_rare_words_more() -> None:
    idf = {"report": 0.2, "committe": 0.5, "enforc": 4.0, "disappearanc": 4.0}
    clause = "the report of the Committee on Enforced Disappearances"
    assert coverage(clause, "Report of the Committee on Enforced Disappearances", idf) == 1.0
    share = coverage(clause, "Report of the United Nations High Commissioner for Human Rights", idf)
    assert abs(share - 0.2 / 8.7) < 1e-9
    assert coverage("", "Report", idf) == 0.0


def test_a_masthead_makes_up_only_for_a_small_score_gap() -> None:
    best = np.array([3.0, 2.0, 1.0, 0.0])  # standard deviation about 1.12
    assert named_choice(best, [3.0, 2.0], [0.1, 1.0]) == 1  # a gap of 0.9 sd against 0.9 x MASTHEAD_WEIGHT
    assert named_choice(best, [3.0, -1.0], [0.1, 1.0]) == 0  # a gap of 3.6 sd: the masthead does not make it up
    assert named_choice(best, [3.0, 2.9], [0.5, 0.5]) == 0  # the same share: the best hit stays
    assert MASTHEAD_WEIGHT > 0


def test_the_document_the_clause_names_comes_first(tmp_path: Path) -> None:
    settings = indexed_texts(tmp_path, {"A_80_36.txt": HIGH_COMMISSIONER, "A_80_56.txt": COMMITTEE})
    with Session(settings) as session:
        named = "In the report of the Committee on Enforced Disappearances, how large was the backlog of urgent actions?"
        whole, found = _whole_and_ranked(session, named, 3)
        assert whole[0].citation == "A/80/36, para. 3"  # names the Committee, its urgent actions and a backlog
        assert found.hits[0].citation == "A/80/56, para. 76"
        unnamed = "How large was the backlog of urgent actions of the Committee on Enforced Disappearances?"
        whole, found = _whole_and_ranked(session, unnamed, 3)
        assert found.hits[0].citation == whole[0].citation  # no clause names a document: the ranking stays
