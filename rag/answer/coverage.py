"""Near misses by the period a report covers: "The present report provides an account of the
activities of UNDOF from 19 February to 19 May 2025" cannot tell what UNDOF did "between May and
August 2024". A question placing what was done in months that all end before the period the
document says it covers, answered from a paragraph that names none of those months, abstains; so
does one asking of a range of months most of which come before that period ("between December 2024
and March 2025" of a report from 14 March), or of days outside it, answered from a paragraph that
writes no date."""

from __future__ import annotations

import re

from rag.answer.evidence import Constraint, Evidence, Mismatch
from rag.answer.timing import asked_period, asks_done, date_ranges, issued_month, months_between, undated
from rag.answer.years import without_symbols
from rag.search.periodic import NOT_ASKED
from rag.textutil import MONTH_NAMES, MONTH_PATTERN, NamedMonth, named_months

# The sentence where a report says what it covers, and the words after "from", "since" or
# "between" that open the period: "covers major developments ... since the previous report of 29
# November 2024", "provides an account of the activities ... from 19 February to 19 May 2025".
_COVERS = re.compile(r"(?:\b(?:[Pp]resent|[Tt]his)\s+(?:\w+\s+)?report\b[^.]{0,300}?"
                     r"|(?:^|[.]\s+)(?:The\s+report|It)\s+)"
                     r"\b(?:covers?|covering|provides\s+an\s+(?:account|overview))\b[^.]{0,300}?"
                     r"\b(?:from|since|between)\b([^.]{0,200})", re.MULTILINE)
# Characters after "from", "since" or "between" within which the period's first day is written
# ("since the issuance of the previous report of the Secretary-General (S/2024/740), from 2
# October 2024").
START_REACH = 90
_START = re.compile(rf"\b(?:(\d{{1,2}})\s+)?({MONTH_PATTERN})\b(?:\s+((?:19|20)\d\d))?")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
# Words before a month that end a period rather than open it: "in 2019 through to June 2025".
_BEFORE_START = re.compile(r"\b(?:(?:19|20)\d\d|through|to|until|till)\b", re.IGNORECASE)
# How far into the document's text its statement of what it covers is looked for.
OPENING_CHARS = 6000
# Months before the period's first month that a question may still name (a report "from 19
# February" may state what stood at the end of January).
SLACK_MONTHS = 1


def covered_from(document: str, issued: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """The (year, month) a report says its period starts, from its opening text, or None. A day
    written without its year takes the year that ends the period ("from 19 February to 19 May
    2025"), the year before where its month comes later ("from 16 November to 14 February 2025")
    or where it would fall after the document's `issued` (year, month). A month after a year or
    a "through" opens no period ("from its establishment in 2019 through to June 2025")."""
    found = _COVERS.search(document[:OPENING_CHARS])
    if found is None:
        return None
    tail = without_symbols(found.group(1))  # "(S/2024/740)": its year dates no period
    start = _START.search(tail)
    if start is None or start.start() > START_REACH or _BEFORE_START.search(tail[:start.start()]):
        return None
    month = MONTH_NAMES.index(start.group(2)) + 1
    if start.group(3):
        return int(start.group(3)), month
    end = _YEAR.search(tail, start.end())
    if end is None:
        return None
    year = int(end.group(1))
    later = [m for m in named_months(tail[start.end():]) if m.year == year]
    if (later and later[0].month < month) or (issued is not None and (year, month) > issued):
        year -= 1
    return year, month


def check_coverage(question: str, evidence: Evidence) -> Mismatch | None:
    """Every month the question places something done in ends before the period the document
    covers, and the paragraph names none of them; or most of the range it asks of does
    (`_mostly_before`) and the paragraph writes no date at all ("During the reporting period, ..."):
    the report cannot tell it."""
    if not asks_done(question):
        return None
    asked = [m for m in named_months(question) if not NOT_ASKED.search(question[:m.start])]  # not "since May 2024"
    start = covered_from(evidence.document, issued_month(evidence)) if asked else None
    if start is None:
        return None
    if _months(named_months(evidence.paragraph)) & _months(asked):  # the paragraph tells of those months
        return None
    last = max(asked, key=lambda m: (m.year, m.last or m.month))
    first = min(asked, key=lambda m: (m.year, m.month))
    end = (last.year, last.last or last.month)
    if months_between(end, start) <= SLACK_MONTHS and not (
            _mostly_before((first.year, first.month), end, start) and undated(evidence.paragraph)
            and not _days_outside(question, evidence)):
        return None
    label = f"{MONTH_NAMES[last.month - 1]}–{MONTH_NAMES[last.last - 1]} {last.year}" if last.last \
        else question[last.start:last.end]
    if first is not last:  # "between December 2024 and March 2025"
        label = f"{question[first.start:first.end]}–{label}"
    return Mismatch(Constraint("dated", label, label), f"{MONTH_NAMES[start[1] - 1]} {start[0]}",
                    "is of a report covering from {found}, not {label}")


def _days_outside(question: str, evidence: Evidence) -> bool:
    """Whether the question asks of days all outside the days the report covers, which
    `check_report_period` says by those days ("not 1 August to 15 October 2024")."""
    asked, covered = asked_period(question), covered_days(evidence)
    return asked is not None and covered is not None and (covered[1] < asked[0] or covered[0] > asked[1])


def _mostly_before(first: tuple[int, int], last: tuple[int, int], start: tuple[int, int]) -> bool:
    """Whether more than SLACK_MONTHS and more than half of the months from `first` to `last` come
    before the covered period's first month `start` ("between December 2024 and March 2025" of a report
    covering from 14 March 2025: its figures are of another period's last days at most)."""
    before = months_between(first, start)
    return before > SLACK_MONTHS and 2 * before > months_between(first, last) + 1


def _months(named: list[NamedMonth]) -> set[tuple[int, int]]:
    """Every (year, month) the named months cover, a range's months between included."""
    return {(m.year, k) for m in named for k in range(m.month, (m.last or m.month) + 1)}


_PREVIOUS_REPORT = re.compile(r"\b(?:previous|preceding|last)\s+reports?\b", re.IGNORECASE)


def covered_days(evidence: Evidence) -> tuple[tuple[int, int, int], tuple[int, int, int], str] | None:
    """The first and last day of the period a report says it covers in its opening text ("The report
    covers ... between 16 October 2024 and 15 January 2025"), and the period as written; None where
    it gives no such range (its previous report's period is not its own)."""
    found = _COVERS.search(evidence.document[:OPENING_CHARS])
    if found is None or _PREVIOUS_REPORT.search(found.group(0)):
        return None  # "... since my previous report, which covered the period from 1 June to ...": whose range?
    ranges = date_ranges(found.group(0), evidence)
    return ranges[0][1] if ranges else None


def check_report_period(question: str, evidence: Evidence) -> Mismatch | None:
    """A period of days the question asks what was done in, of a paragraph writing no date whose
    report covers another period (`covered_days`): "The UNMISS force conducted 15,666 patrols" of a
    report on 16 October 2024 to 15 January 2025, asked of 1 August to 15 October 2024, which
    `check_coverage`'s months do not tell apart (the report's first month is the asked period's last)."""
    asked = asked_period(question)
    if asked is None or not undated(evidence.paragraph):
        return None
    start, end, label = asked
    covered = covered_days(evidence)
    if covered is None or not (covered[1] < start or covered[0] > end):
        return None
    return Mismatch(Constraint("dated", f"{start}-{end}", label), covered[2],
                    "is from a report on {found}, not {label}")


# Words naming a report by the months it covers: "the report on UNMIK covering March to September 2025";
# not a titled publication ("its fourth Justice Monitoring Report covering September 2022").
_REPORT_COVERING = re.compile(r"\breports?\b[^.?]{0,60}?\b(?i:covering|that\s+covers|for\s+the\s+period(?:\s+from)?)"
                              r"\s+(?i:the\s+period\s+)?(?i:from\s+)?$")


# The words joining a range's first month to its last: "November 2024 to February 2025".
_RANGE_ON = re.compile(r"\s*(?:to|through|until|and|[-–—])\s*(?:\d{1,2}\s+)?$", re.IGNORECASE)


def check_report_covering(question: str, evidence: Evidence) -> Mismatch | None:
    """A report the question names by the months it covers ("the Secretary-General's report on
    UNMIK covering March to September 2025", not a titled "Justice Monitoring Report") that this
    document is not: the period it says it covers shares less than half of the asked months' days and less than
    half of its own (a series' next report covers the months after this one's, sharing a day or two
    of its edges), and the paragraph names neither the first nor the last asked month (another's
    report "covering September 2022–September 2023" that it tells of)."""
    named = named_months(question)
    asked = [k for k, m in enumerate(named) if _REPORT_COVERING.search(question[:m.start])]
    covered = covered_days(evidence)
    if len(asked) != 1 or covered is None:
        return None
    m = end = named[asked[0]]
    if asked[0] + 1 < len(named) and _RANGE_ON.match(question, m.end, named[asked[0] + 1].start):
        end = named[asked[0] + 1]  # "covering November 2024 to February 2025"
    edges = {covered[0][:2], covered[1][:2]}  # the covered period's own months, where the paragraph states it
    if (_months(named_months(evidence.paragraph)) - edges) & _months([m, end]):
        return None  # the paragraph tells of the asked months
    first = (m.year, m.month, 1)
    last_month = end.last or end.month
    last = (end.year, last_month, 31 if last_month in (1, 3, 5, 7, 8, 10, 12) else 30)
    overlap = _days(max(first, covered[0]), min(last, covered[1]))
    if 2 * overlap >= _days(first, last) or 2 * overlap >= _days(covered[0], covered[1]):
        return None
    label = question[m.start:end.end]
    return Mismatch(Constraint("dated", label, label), covered[2], "is from a report on {found}, not {label}")


def _days(first: tuple[int, int, int], last: tuple[int, int, int]) -> int:
    """Days from `first` to `last` (year, month, day), both counted; 0 where `last` is before `first`."""
    return max(0, (last[0] - first[0]) * 365 + (last[1] - first[1]) * 30 + last[2] - first[2] + 1)
