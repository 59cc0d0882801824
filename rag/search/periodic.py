"""Periodic reports: which of a series' reports a question naming a time is about.

A Secretary-General's report on a mission comes every few months under the same title, and the
reports share much of their wording ("UNMISS conducted ... long-duration patrols"). A question
naming a time ("UNMISS long-duration patrols January-March 2025", "as at 15 January 2025") is
about the first report issued on or after it: an earlier one cannot report it, a later one
reports later months. A question naming a report by its month ("the Secretary-General's March
2025 report on UNDOF", "the UNDOF report issued in March 2025") is about the report issued that
month. `series_choice` picks that
report among the documents of the best hits that share the best hit's title; the retriever
then ranks it first (rag.search.retriever.Retriever.focused).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from rag.models import Hit
from rag.textutil import named_months

SERIES_DEPTH = 20  # the best hits whose documents are looked at for the series
SERIES_REACH = 6  # months after the asked time within which the report that covers it is issued

# What follows a time that names a document ("March 2025 report") or an event whose documents
# come before and after it ("its February 2025 session").
_NAMES_REPORT = re.compile(r"^\W*(?:[A-Za-z-]+\s+){0,2}?(?:report|note|letter)s?\b", re.IGNORECASE)
# What comes before a time that dates a report or note: "the report issued in March 2025", "the report
# dated 3 March 2025", "the UNDOF report of December 2024", "the report of the Secretary-General of
# December 2024", "the report on UNSMIL of April 2025", "the report on the situation in Libya of April
# 2025", a subject in capitals (not "the report on the clashes of May 2025", an event's month; nor "a
# letter dated 3 March 2025", which NOT_ASKED leaves out).
REPORT_ISSUED = re.compile(r"\b(?:report|note)s?\s+(?:of\s+the\s+Secretary-General\s+)?"
                           r"(?:on\s+(?:the\s+)?(?:situation\s+(?:in|of)\s+(?:the\s+)?)?"
                           r"(?-i:[A-Z][\w’'-]*)(?:\s+(?:(?:of|in|and|for|the)\s+)*(?-i:[A-Z][\w’'-]*))*\s+)?"
                           r"(?:(?:issued|published|"
                           r"released|submitted|dated)\s+(?:in\s+|on\s+)?|of\s+)$", re.IGNORECASE)
_NAMES_EVENT = re.compile(r"^\W*(?:[A-Za-z-]+\s+){0,2}?(?:session|meeting|conference|summit|forum)s?\b",
                          re.IGNORECASE)
# A report of the series a question dates what it asks from: "covering developments since his
# report of 20 March 2025" asks of a later report, which covers the days after that one.
_SINCE_REPORT = re.compile(r"\bsince\s+(?:his|her|its|their|my|the)\s+(?:Secretary-General['’]s\s+)?"
                           r"(?:(?:last|previous|latest|preceding)\s+)?(?:report|note)"
                           r"(?:\s+of\s+the\s+Secretary-General)?"
                           r"\s+(?:of|dated)\s+$", re.IGNORECASE)
# A revision, corrigendum or addendum is the same document, not the next one of a series.
_ISSUE_SUFFIX = re.compile(r"(?:/(?:Rev|Corr|Add|Amend)\.\d+)+$", re.IGNORECASE)


@dataclass(frozen=True)
class AskedTime:
    """The latest time a question asks about (`since`: its day, or the first day of its month)
    or the month of a report it names (`issued`: (year, month))."""

    since: date | None = None
    issued: tuple[int, int] | None = None


# A date before which or by which something else is placed, not the time asked about:
# "since the December 2024 attack", "resolution 2729 (2024) of 30 April 2024", "a letter dated
# 3 March 2025".
NOT_ASKED = re.compile(r"\b(?:since|of|dated)\s+(?:the\s+)?$", re.IGNORECASE)


def asked_time(question: str) -> AskedTime | None:
    """The time a question names, None when it names no month (a year alone does not place a
    question among reports issued every few months). The report a question counts from
    (`_SINCE_REPORT`) is not the report it asks of: the day after it is the time asked about."""
    since, issued = None, None
    for m in named_months(question):
        month = m.last or m.month
        rest = question[m.end:]
        if REPORT_ISSUED.search(question[:m.start]) and not _SINCE_REPORT.search(question[:m.start]):
            issued = (m.year, month)
            continue
        if NOT_ASKED.search(question[:m.start]) and not _SINCE_REPORT.search(question[:m.start]):
            continue
        if _NAMES_REPORT.match(rest):
            issued = (m.year, month)
        elif not _NAMES_EVENT.match(rest):
            days = calendar.monthrange(m.year, month)[1]  # "31 February" is read as the month's end
            t = date(m.year, month, min(max(m.day, 1), days) if m.day and not m.last else 1)
            if _SINCE_REPORT.search(question[:m.start]):  # the day after the report, or after its month
                t = (t if m.day and not m.last else date(m.year, month, days)) + timedelta(days=1)
            since = max(since, t) if since else t
    return AskedTime(since, issued) if since or issued else None


def _months_later(day: date, months: int) -> str:
    """The ISO date `months` months after `day` (its month's end when shorter)."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1])).isoformat()


def _base(symbol: str) -> str:
    return _ISSUE_SUFFIX.sub("", symbol)


def _series(hits: list[Hit]) -> dict[str, str]:
    """Symbol -> date of the dated documents among `hits` with the best hit's title (revisions
    and addenda of the best hit's document left out)."""
    top = hits[0]
    return {h.symbol: h.doc_date for h in hits if h.doc_title == top.doc_title and h.doc_date
            and (h.symbol == top.symbol or _base(h.symbol) != _base(top.symbol))}


def series_choice(asked: AskedTime, hits: list[Hit]) -> str | None:
    """The symbol of the report of the best hit's series that the question's time (`asked`:
    `asked_time`) points to, when it is another document than the best hit's; None otherwise (no
    series, no single such report)."""
    if not hits or not hits[0].doc_title or not hits[0].doc_date:
        return None
    series = _series(hits)
    if asked.issued:
        month = f"{asked.issued[0]:04d}-{asked.issued[1]:02d}"
        fits = [s for s, d in series.items() if d[:7] == month]
    else:
        window = _months_later(asked.since, SERIES_REACH) if asked.since else ""
        after = sorted(d for d in series.values() if asked.since and asked.since.isoformat() <= d <= window)
        fits = [s for s, d in series.items() if after and d == after[0]]
    return fits[0] if len(series) > 1 and len(fits) == 1 and fits[0] != hits[0].symbol else None
