"""Reports of a series (a mission's report every few months, under one title): a question
naming a time is answered from the report that covers it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rag.models import Hit
from rag.search.periodic import AskedTime, asked_time, series_choice
from rag.service import Session
from rag.textutil import NamedMonth, named_months
from tests.conftest import indexed_texts


def test_months_named_with_their_year() -> None:
    text = "from 1 July 2024 to 30 June 2025; January–March 2025; in 2024"
    assert named_months(text) == [NamedMonth(5, 16, 1, 7, None, 2024), NamedMonth(20, 32, 30, 6, None, 2025),
                                  NamedMonth(34, 52, None, 1, 3, 2025)]


def test_the_time_a_question_names() -> None:
    assert asked_time("UNMISS long-duration patrols January–March 2025") == AskedTime(date(2025, 3, 1))
    assert asked_time("How many cholera cases had South Sudan recorded as at 15 January 2025?") == \
        AskedTime(date(2025, 1, 15))
    assert asked_time("UNMISS troop strength July 2025") == AskedTime(date(2025, 7, 1))
    assert asked_time("In the Secretary-General's March 2025 report on UNDOF, how many ...?") == \
        AskedTime(issued=(2025, 3))
    assert asked_time("What period does the Secretary-General's UNDOF report of December 2024 cover?") == \
        AskedTime(issued=(2024, 12))  # tester 79
    assert asked_time("What period does the report of the Secretary-General of December 2024 on UNDOF cover?") == \
        AskedTime(issued=(2024, 12))
    assert asked_time("What period does the Secretary-General's report on UNSMIL of April 2025 cover?") == \
        AskedTime(issued=(2025, 4))  # tester 94: the August 2025 report had been cited
    assert asked_time("What did the report on the situation in Libya of April 2025 say?") == AskedTime(issued=(2025, 4))
    assert asked_time("What did the report on the Democratic Republic of the Congo of March 2025 say about M23?") == \
        AskedTime(issued=(2025, 3))  # found in review
    # an event's month after "report on" dates no report (found in review)
    assert asked_time("What did the report on the clashes of May 2025 in Tripoli say about casualties?") is None
    assert asked_time("What did UNMISS report on the clashes of March 2025?") is None
    # A date that places something else: since, of a resolution, dated.
    assert asked_time("Since the December 2024 attack, what was UNMISS troop strength?") is None
    assert asked_time("Under resolution 2729 (2024) of 30 April 2024, what is the mandate?") is None
    # The report a question counts from asks of the next one (tester 89: S/2025/403, of June 2025, had
    # abstained as "dates from June 2025, not the March 2025 report").
    assert asked_time("In the Secretary-General's report on MONUSCO covering developments since his report of 20 March "
                      "2025, when did the Commission release its road map?") == AskedTime(date(2025, 3, 21))
    assert asked_time("Since the report of the Secretary-General of 20 March 2025, how many alerts were there?") == \
        AskedTime(date(2025, 3, 21))
    assert asked_time("Since the Secretary-General's last report of March 2025, how many alerts were there?") == \
        AskedTime(date(2025, 4, 1))
    # A day past the month's end is read as its last day, not an error.
    assert asked_time("What did the Council decide on 31 February 2025?") == AskedTime(date(2025, 2, 28))
    # An event's month does not place it among reports; neither does a year alone.
    assert asked_time("Who was elected Chair for its February 2025 session?") is None
    assert asked_time("How many patrols were conducted in 2024?") is None


def _hit(symbol: str, day: str, title: str = "Situation in South Sudan Report of the Secretary-General") -> Hit:
    return Hit(pid=0, symbol=symbol, number="1", text="", page="1", section="", score=1.0, doc_title=title,
               doc_date=day)


SERIES = [_hit("S/2025/504", "2025-08-07"), _hit("S/2025/211", "2025-04-07"), _hit("S/2025/54", "2025-01-24"),
          _hit("S/2025/269", "2025-05-01", "Situation in Abyei Report of the Secretary-General")]


def _chosen(question: str, hits: list[Hit]) -> str | None:
    """The report the question's time points to, as the retriever asks for it."""
    asked = asked_time(question)
    return None if asked is None else series_choice(asked, hits)


def test_the_first_report_of_the_series_issued_after_the_time_is_chosen() -> None:
    assert _chosen("UNMISS long-duration patrols January–March 2025", SERIES) == "S/2025/211"
    assert _chosen("Cholera cases as at 15 January 2025?", SERIES) == "S/2025/54"
    assert _chosen("UNMISS troop strength July 2025", SERIES) is None  # the best hit's report already
    assert _chosen("In the Secretary-General's April 2025 report on South Sudan, what ...?", SERIES) == \
        "S/2025/211"
    assert _chosen("UNMISS troop strength", SERIES) is None  # no time named
    assert _chosen("UNMISS troop strength July 2026", SERIES) is None  # no report issued after it
    assert _chosen("UNMISS troop strength in June 2024", SERIES) is None  # none within 6 months


def test_a_revision_or_an_addendum_is_no_other_report_of_the_series() -> None:
    revised = [_hit("TPNW/MSP/2025/11/Rev.1", "2025-03-10", "Report"), _hit("TPNW/MSP/2025/11", "2025-03-20", "Report")]
    assert _chosen("What did the meeting decide on 19 March 2025?", revised) is None


def _report(symbol: str, day: str, patrols: int, months: str) -> str:
    return f"""{symbol}
Security Council
Distr.: General
{day}

Situation in South Sudan
Report of the Secretary-General

1. The present report covers developments in South Sudan from {months}.

2. During the period, the Mission conducted {patrols} long-duration patrols and short-duration patrols
to protect civilians in the conflict-affected areas.

3. The Secretary-General thanks the troop-contributing countries for their support.
"""


def test_a_question_naming_months_is_answered_from_the_report_that_covers_them(tmp_path: Path) -> None:
    settings = indexed_texts(tmp_path, {
        "S_2025_54.txt": _report("S/2025/54", "24 January 2025", 150, "October to December 2024"),
        "S_2025_211.txt": _report("S/2025/211", "7 April 2025", 180, "January to March 2025"),
        "S_2025_504.txt": _report("S/2025/504", "7 August 2025", 210, "April to July 2025"),
    })
    with Session(settings) as session:
        for question, symbol in (("Mission long-duration patrols January–March 2025", "S/2025/211"),
                                 ("Mission long-duration patrols in July 2025", "S/2025/504"),
                                 ("Mission long-duration patrols as at 1 December 2024", "S/2025/54")):
            top = session.search(question)[0]
            assert (top.symbol, top.number) == (symbol, "2"), question
