"""Near misses in time: a question naming a day or a month that the best paragraph's document
cannot answer for. Something done after the document was issued, a report named by a month in
which this one was not issued, a day or month the paragraph gives with another year ("as at 6 June
2024" answered with "As at 6 June 2025, there were 77 States parties")."""

from __future__ import annotations

import calendar
import re
from datetime import date

from rag.answer.answertype import question_type
from rag.answer.evidence import Constraint, Evidence, Mismatch
from rag.search.focus import focus
from rag.search.periodic import REPORT_ISSUED, asked_time
from rag.textutil import MONTH_NAMES, MONTH_PATTERN, NamedMonth, named_months, split_sentences

# A month the question places what it asks about in: "approve at its fiftieth session in October
# 2025", "launched in October 2024"; not the end or start of a period ("from 1 July 2024 to 30 June
# 2025", "until 30 June 2026").
# Words before a month that make it a bound of a period, not a point in time ("since 29 November
# 2024" runs to the document's date).
_PERIOD_BEFORE = re.compile(r"(?:\bto|\buntil|\bthrough|\bending|\bexpiring|\bsince|[–-])\s*$", re.IGNORECASE)
_PERIOD_AFTER = re.compile(r"^\s*(?:[–-]|to\b|until\b|through\b)", re.IGNORECASE)
# A question about something done: a report cannot tell what happened after it was issued; one
# about what was expected or planned can be answered before. Not the past participles more often
# read as a state ("registered voters", "displaced persons", "trained staff").
_DONE = re.compile(r"\b(?:did|approved|adopted|decided|reported|recorded|elected|launched|took|agreed|won|held|attended|"
                   r"happened|occurred|results?|travell?ed|visited|crossed|arrived|returned|fled|met|signed|"
                   r"announced|issued|published|submitted|received|graduated|killed|arrested|released|abducted|"
                   r"recruited|appointed)\b|"
                   r"\b(?:was|were|been)\s+\w+(?:ed|en)\b|"
                   r"^\s*who\s+[a-z]+ed\b",  # "Who adjourned the talks ...?"
                   re.IGNORECASE)
_PLANNED = re.compile(r"\b(?:expected|scheduled|planned|proposed|projected|foreseen|to be|will|would|shall|must|should|"
                      r"deadline|due\s+(?:by|on|in))\b", re.IGNORECASE)
# The middle of a year ("by mid-2025"), as the month it has come by.
_MID_YEAR = re.compile(r"\bmid-?\s*((?:19|20)\d\d)\b", re.IGNORECASE)
MID_YEAR_MONTH = 6
# Characters before a month within which a word of planning makes it a month planned for.
PLANNED_REACH = 30
# Months between the month a report is named by and the month of its masthead date that still
# name it (a report dated 31 March is handed out in April).
REPORT_MONTH_SLACK = 1
# Months after the issue within which a month the question names may still be one the document
# states what holds in ("the Committee will be composed of ... as at 1 January 2025").
DAY_SLACK = 1


def asks_done(question: str) -> bool:
    """Whether the question asks about something done, not something expected or planned."""
    return bool(_DONE.search(question)) and not _PLANNED.search(question)


def months_between(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Months from (year, month) `a` to `b` (negative when `b` comes first)."""
    return (b[0] - a[0]) * 12 + b[1] - a[1]


def _month_label(year: int, month: int) -> str:
    return f"{MONTH_NAMES[month - 1]} {year}"


def _day_label(m: NamedMonth) -> str:
    return f"{m.day} {_month_label(m.year, m.month)}"


def _point_months(question: str, months: list[NamedMonth] | None = None) -> list[NamedMonth]:
    """The months the question names (`months`: its `named_months`, read here when not given)
    outside a period (not "from 1 July 2024 to 30 June 2025")."""
    return [m for m in (named_months(question) if months is None else months)
            if not (m.last or _PERIOD_BEFORE.search(question[:m.start]) or _PERIOD_AFTER.match(question[m.end:]))]


def issued_month(evidence: Evidence) -> tuple[int, int] | None:
    """The (year, month) of the document's masthead date; None where it has none or it is not one."""
    m = re.match(r"((?:19|20)\d\d)-(\d\d)", evidence.date)
    return (int(m.group(1)), int(m.group(2))) if m and 1 <= int(m.group(2)) <= 12 else None


def _after_issue(question: str, evidence: Evidence) -> Mismatch | None:
    """A question about something done in a month after the document was issued ("What did the
    Committee approve at its fiftieth session in October 2025?" of a report dated June 2025), or
    in months that end after it ("between March and August 2025"), or about a month well after it
    ("the turnout in the elections of 28 December 2025", "Korsi refugee site population June
    2025"), is about what the document cannot report."""
    issued = issued_month(evidence)
    if issued is None or _PLANNED.search(question):
        return None
    done = bool(_DONE.search(question))
    months = named_months(question)
    # Without a verb of something done, only a month well after the issue (a document may state
    # what holds from the first of the next month).
    ends = [(m.year, m.month) for m in _point_months(question, months)
            if done or months_between(issued, (m.year, m.month)) > DAY_SLACK]
    ends += [(m.year, m.last) for m in months if m.last and done]  # "between March and August 2025"
    # Without a verb of something done, a month the paragraph names itself is what it states
    # ("rescheduling local elections to 13 July 2025"); with one, a month it plans for ("during the
    # planned December 2026 elections").
    named = {(m.year, m.month) for m in named_months(evidence.paragraph)
             if not done or (_PLANNED.search(evidence.paragraph, max(0, m.start - PLANNED_REACH), m.start)
                             and _thing_of_month(question, m.year, m.month))}
    later = [ym for ym in ends if ym > issued and ym not in named]
    if not later:
        return _mid_year_after(question, issued, evidence.paragraph) if done else None
    y, m = max(later)
    asked = Constraint("dated", f"{y}-{m:02d}", _month_label(y, m))
    return Mismatch(asked, _month_label(*issued), "dates from {found}, before {label}")


def _mid_year_after(question: str, issued: tuple[int, int], paragraph: str) -> Mismatch | None:
    """What was done by the middle of a year ("by mid-2025") after the document was issued, which
    the paragraph does not write itself (a plan "to hand over ... by mid-2026")."""
    written = {int(y) for y in _MID_YEAR.findall(paragraph)}
    later = [int(y) for y in _MID_YEAR.findall(question) if (int(y), MID_YEAR_MONTH) > issued and int(y) not in written]
    if not later:
        return None
    y = max(later)
    return Mismatch(Constraint("dated", f"{y}-{MID_YEAR_MONTH:02d}", f"mid-{y}"), _month_label(*issued),
                    "dates from {found}, before {label}")


# What is said or done before a planned thing: "What did ... suggest ... during the December 2026
# polls?" (not "Who won the election of October 2025?", its outcome).
_SAID_BEFORE = re.compile(r"\b(?:suggest|propos|recommend|say|said|note|call|urg|warn|express|decid|plan|prepar|"
                          r"announc|agree|request|ask|expect|discuss|consider)\w*", re.IGNORECASE)


def _thing_of_month(question: str, year: int, month: int) -> bool:
    """Whether the question names the month as a thing's ("the December 2026 polls"), not as when
    what it asks was done ("approve ... in October 2025"), and asks what was said or done before it
    (`_SAID_BEFORE`)."""
    if not _SAID_BEFORE.search(question):
        return False
    when = rf"(?:\d{{1,2}}\s+)?{MONTH_NAMES[month - 1]}\s+{year}"
    return re.search(rf"\bthe\s+{when}\s+[A-Za-z]|\b(?:elections?|polls?|vote|referendum|session|summit|meeting|"
                     rf"conference)\s+(?:of|on)\s+{when}\b", question, re.IGNORECASE) is not None


def _report_month(question: str, evidence: Evidence) -> Mismatch | None:
    """A report the question names by its month ("the Secretary-General's December 2024 report")
    that this document, issued in another month, is not, and that the paragraph does not tell of
    ("In its report of December 2005, the Task Force stated ...")."""
    asked, issued = asked_time(question), issued_month(evidence)
    if asked is None or asked.issued is None or issued is None:
        return None
    if _tells_of_report(evidence.paragraph, question, *asked.issued):
        return None
    apart = abs(months_between(issued, asked.issued))
    # The months the title names, a range's last too: "(27 to 31 January 2025)", "January–March 2025".
    session = {(m.year, k) for m in named_months(evidence.title) for k in (m.month, m.last) if k}
    if apart <= REPORT_MONTH_SLACK or asked.issued in session:
        return None
    label = f"the {_month_label(*asked.issued)} report"
    return Mismatch(Constraint("dated", f"{asked.issued[0]}-{asked.issued[1]:02d} report", label),
                    _month_label(*issued), "dates from {found}, not {label}")


# A report of the series the paragraph dates its own period from: "since the previous report of
# 11 October 2024 (S/2024/730)" tells nothing of what that report said.
_PREVIOUS = re.compile(r"\b(?:previous|preceding|last|since|my)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# The author a question gives its report: "the Task Force's December 2005 report".
_AUTHOR = re.compile(rf"([A-Z][\w-]*)['’]s\s+(?:\w+\s+){{0,2}}?(?:\d{{1,2}}\s+)?(?:{MONTH_PATTERN})\s+\d{{4}}"
                     r"\s+report")


def _tells_of_report(paragraph: str, question: str, year: int, month: int) -> bool:
    """Whether the paragraph tells of another's report of that month, by the author the question
    gives it where it gives one: "In its report of December 2005, the Task Force stated ...", "its
    December 2005 report"; not the series' previous report. A report the paragraph dates by its day
    of release alone is of that month where it is the one the question names: "the November 2024
    IPC report" in "According to the ... (IPC) report released on 18 November, ..."."""
    when = rf"(?:\d{{1,2}}\s+)?{MONTH_NAMES[month - 1]}\s+{year}"
    author = _AUTHOR.search(question)
    if author is not None and not re.search(rf"\b{re.escape(author.group(1))}\b", paragraph, re.IGNORECASE):
        return False
    told = re.finditer(rf"\breports?\s+(?:of|dated|issued\s+(?:in|on))\s+{when}\b|\b{when}\s+reports?\b", paragraph,
                       re.IGNORECASE)
    if any(not _PREVIOUS.search(paragraph[max(0, m.start() - 40):m.start()]) for m in told):
        return True
    named = re.search(rf"\b{when}\s+((?:[A-Z][\w-]*\s+){{1,3}})reports?\b", question)
    if named is None:
        return False
    # the name the question gives the report right before the paragraph's "report released on 18
    # November" (no other year after the day)
    qualifier = r"\W+(?:\w+\W+){0,2}?".join(re.escape(w) for w in named.group(1).split())
    released = rf"\b{qualifier}\W{{0,3}}reports?\s+(?:released|published|issued)\s+on\s+\d{{1,2}}\s+" \
               rf"{MONTH_NAMES[month - 1]}\b(?!,?\s+(?!{year})(?:19|20)\d\d)"
    return re.search(released, paragraph) is not None


# A year written in any form: alone, in a decision's number ("decision 2024/15") or a symbol.
ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# Words quoted in a sentence, to the closing mark or the sentence's end: "stated that “Syria honours
# the terms of the 1974 Agreement”".
_QUOTATION = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")


# A day and month written without a year: "On 27 February, ...", "as at 15 January" (not "27
# February 2025", nor the first day of a range "27 February to 3 March 2025").
_YEARLESS_DAY = re.compile(rf"\b(\d{{1,2}})\s+({MONTH_PATTERN})\b(?!\s*,?\s*(?:19|20)\d\d)"
                           rf"(?!\s*(?:[–-]|to\b|and\b))")
# A month written without a year or a day after "as of", "as at", "in", "during", "by" or "since":
# "As of April, 6.3 million people were internally displaced" in a report of June 2025.
_YEARLESS_MONTH = re.compile(rf"\b(?i:as\s+of|as\s+at|in|during|by|since)\s+({MONTH_PATTERN})\b"
                             r"(?!\s*,?\s*(?:19|20)\d\d)(?!\s*(?:[–-]|to\b|and\b))")
# A stock date, which a report gives in its own time even after a sentence that writes years:
# "... for the period from 1 July 2024 to 30 June 2025. As at 4 February, unpaid contributions ...".
_STOCK_BEFORE = re.compile(r"\b(?i:as\s+(?:at|of))\s+$")
# Days after its issue that a document may still state a figure for ("as at 31 March" in a report
# dated 28 March).
ISSUE_SLACK_DAYS = 31


def _issue_date(evidence: Evidence) -> date | None:
    """The document's masthead date; None where it has none or it is not a whole date."""
    if len(evidence.date) < 10:
        return None
    try:
        return date.fromisoformat(evidence.date[:10])
    except ValueError:
        return None


def inferred_year(day: int, month: int, evidence: Evidence) -> int | None:
    """The year of a day a document writes without one: the last such day on or shortly before
    its issue ("27 February" in a report dated March 2025 is 27 February 2025; "12 October" in one
    dated February 2025 is 12 October 2024). None without a masthead date or for no such day."""
    issued = _issue_date(evidence)
    if issued is None:
        return None
    for year in (issued.year, issued.year - 1):  # 29 February is of a leap year
        try:
            this_year = date(year, month, day)
        except ValueError:
            continue
        return year if year < issued.year or (this_year - issued).days <= ISSUE_SLACK_DAYS else year - 1
    return None


# A sentence about what is to come, whose days may lie after the document's date.
_FUTURE = re.compile(r"\b(?:will|shall|scheduled|planned|expected|to be held|next|upcoming|forthcoming)\b",
                     re.IGNORECASE)


def _given_days(evidence: Evidence) -> list[NamedMonth]:
    """The months and days the paragraph names with their year, and the days and months ("As of
    April") of its sentences on what is done before it first writes a year (a year written before
    a day may set its time: "In 2023, ... On 24 January, ...") with the year its document's date
    gives them (`inferred_year`); after it, only a stock date's day ("As at 4 February, ...")."""
    given = named_months(evidence.paragraph)
    dated = False  # a sentence before has written a year
    last = 0  # the last year written before
    issued = _issue_date(evidence)
    at = 0  # where the sentence starts in the paragraph: every month given is placed in the paragraph
    for sentence in split_sentences(evidence.paragraph):
        at = max(evidence.paragraph.find(sentence, at), at)
        written = ANY_YEAR.findall(_QUOTATION.sub(" ", sentence))  # a year in someone's words dates nothing told
        if written:
            dated, last = True, int(written[-1])
        if written or _FUTURE.search(sentence):
            continue
        for m in _YEARLESS_DAY.finditer(sentence):
            # after a year, only a stock date, where that year is the document's own or the one before
            if dated and not (_STOCK_BEFORE.search(sentence[:m.start()]) and issued and last >= issued.year - 1):
                continue
            day, month = int(m.group(1)), MONTH_NAMES.index(m.group(2)) + 1
            year = inferred_year(day, month, evidence)
            if year is not None:
                given.append(NamedMonth(at + m.start(), at + m.end(), day, month, None, year))
        if dated:
            continue  # after a year, no month without one is the document's
        for m in _YEARLESS_MONTH.finditer(sentence):  # "As of April, 6.3 million people ...": its first day
            month = MONTH_NAMES.index(m.group(1)) + 1
            year = inferred_year(1, month, evidence)
            if year is not None:
                given.append(NamedMonth(at + m.start(), at + m.end(), None, month, None, year))
    return given


# Words that set a year's figure beside another's, before the year (not "more than", "no later
# than" or "prior", which date or measure).
BESIDE_WORDS = r"compared\s+(?:with|to)|as\s+against|versus|up\s+from|down\s+from"


# Words that set a time beside the one told of: a comparative's "than" ("lower than that of fiscal
# year 2023/24", "lower than during the previous elections in February 2021") and BESIDE_WORDS'
# ("compared with 44 in the 2021 elections"); not "no later than 21 February 2025", "more than 200
# projects since 2016", "fewer than 2,000 refugees", "less than half", "other than", "rather than" or
# "than expected", which date, measure or set nothing beside.
SET_AGAINST = re.compile(r"\b(?:(?:higher|lower|fewer|greater|smaller|larger|bigger|less)\s+than\b"
                         r"(?!\s+(?:expected|projected|planned|anticipated|forecast|budgeted|ever|usual|half|"
                         r"one|two|three|four|five|six|seven|eight|nine|ten|a\s+(?:third|quarter|fifth|tenth))\b)"
                         rf"(?!\s+(?:US)?\$?\d[\d,.]*(?![\d,.])(?!\s+{MONTH_PATTERN}))|"
                         rf"{BESIDE_WORDS})\b[^.;]*$", re.IGNORECASE)
SET_AGAINST_REACH = 100  # characters within one sentence: "higher than the 13 per cent planned in the budget for ..."


def set_against(text: str, at: int) -> bool:
    """Whether words setting a time beside the one told of (`SET_AGAINST`) stand in the
    SET_AGAINST_REACH characters before `at`."""
    return SET_AGAINST.search(text[max(0, at - SET_AGAINST_REACH):at]) is not None


def _day_of_another_year(question: str, evidence: Evidence) -> Mismatch | None:
    """A day or a month the question names that the paragraph gives with another year, never with
    the asked one: "as at 6 June 2024" answered by "As at 6 June 2025, there were ...", "remind in
    February 2024" by "In February 2025, the Committee sent reminders ...", "as at 27 February 2024"
    by a 2025 report's "As at 27 February, ..." (`inferred_year`). A day it gives only to compare
    with (`set_against`: "lower than during the previous elections in February 2021") is not the
    time it tells of, though it answers where its year is the asked one."""
    given = _given_days(evidence)
    for m in _point_months(question):
        if _dates_document(question, m):
            continue
        if m.day is None:  # a month: the paragraph's days in it and ranges over it count
            same = [g for g in given if g.month <= m.month <= (g.last or g.month)]
        else:
            same = [g for g in given if (g.day, g.month) == (m.day, m.month) and not g.last]
        own = [g for g in same if not set_against(evidence.paragraph, g.start)]
        if own and all(g.year != m.year for g in same):
            day = f"-{m.day:02d}" if m.day else ""
            asked = Constraint("dated", f"{m.year}-{m.month:02d}{day}", _when(m, bool(m.day)))
            return Mismatch(asked, _when(own[0], bool(m.day)), "gives {found}, not {label}")
    return None


# A month that dates a document rather than what it reports: "the July 2025 report", "its report of
# July 2025", "letter dated 3 March 2025".
_DOCUMENT_MONTH = re.compile(r"\b(?:report|reports|letter|note|dated|issued|submitted|published|resolution|"
                             r"decision|review|update|briefing)\W+(?:\w+\W+){0,2}$", re.IGNORECASE)
_DOCUMENT_AFTER = re.compile(r"^\W*(?:report|letter|note|update|review|briefing)\b", re.IGNORECASE)


def _dates_document(question: str, m: NamedMonth) -> bool:
    """Whether the month names a document ("the April 2025 report", "its report of July 2025",
    "the report on UNSMIL of April 2025")."""
    return bool(_DOCUMENT_MONTH.search(question[:m.start]) or _DOCUMENT_AFTER.match(question[m.end:])
                or REPORT_ISSUED.search(question[:m.start]))



def _asked_month(question: str, evidence: Evidence) -> NamedMonth | None:
    """The one month or day a question about something done sets it in, where that month is not
    one naming a document ("the July 2025 report") nor a month of the evidence's document's own
    meeting (its title or masthead) or issue; None otherwise, and for a question about what was
    planned. A Security Council document's month of issue is no exception: its reports tell of the
    weeks before it ("On 15 January, ..." of a report issued on 12 March), never of a meeting of
    their own, as a committee's report issued in the month it met does."""
    asked = [m for m in _point_months(question) if not _dates_document(question, m)]
    if len(asked) != 1 or not asks_done(question):
        return None
    own = {(t.year, k) for t in named_months(f"{evidence.title}\n{evidence.masthead}") for k in (t.month, t.last) if k}
    if not any(s.startswith("S/") for s in evidence.symbols):
        own.add(issued_month(evidence))
    ym = (asked[0].year, asked[0].month)
    return None if ym in own else asked[0]


# An event named by its month whose outcome is told after it: "Kosovo's February 2025 legislative
# elections", "the March 2024 census".
_OUTCOME_LATER = re.compile(r"\s+(?:(?:[a-z]+|[A-Z][a-z]+)\s+){0,2}(?:elections?|referendum|plebiscite|census|"
                            r"run-off)\b")
RESULTS_WITHIN = 2  # months after an election, a referendum or a census within which its results are told


def _another_month(question: str, evidence: Evidence) -> Mismatch | None:
    """A month the question sets what it asks about in ("met during its eighty-seventh session in
    February 2024") that the paragraph dates otherwise: every day it gives falls in other months
    ("On 13 May, the Committee held an informal closed meeting ..."; "On 24 January [2025], 462 new
    officers graduated" for June 2024, beside a stock "as of December 2024"), and it never names the
    asked month, nor writes a range holding it; a paragraph whose days are all of other years is
    left to the year's check, which names the mismatch, where it writes a year (not "On 18 and 19
    December, 32 members ... met in Bouznika" of a report issued in 2025, for March 2025). Not a
    month of the document's own meeting or issue (but a Security Council report's: "the High-level
    Committee's forty-ninth session, held in April 2025"), nor a question about what was planned
    (`_asked_month`), nor an election, a referendum or a census named by its month of a paragraph
    whose days all come up to RESULTS_WITHIN months later (its results are told after it)."""
    m = _asked_month(question, evidence)
    if m is None or re.search(rf"\b{MONTH_NAMES[m.month - 1]}\b", evidence.paragraph, re.IGNORECASE):
        return None
    given = _given_days(evidence)
    if not given or any(g.year == m.year and g.month <= m.month <= (g.last or g.month) for g in given) \
            or all(g.year != m.year for g in given) and _writes_past_year(evidence) \
            or _in_a_range(m, evidence):
        return None  # another year written: the year's check names it
    if _OUTCOME_LATER.match(question[m.end:]) and all(0 < g.month - m.month <= RESULTS_WITHIN for g in given):
        return None  # "the February 2025 elections", their results announced "On 15 March"
    nearest = _nearest(given, m)
    return Mismatch(Constraint("dated", f"{m.year}-{m.month:02d}", _when(m, m.day is not None)),
                    _when(nearest, nearest.day is not None), "gives {found}, not {label}")


def _writes_past_year(evidence: Evidence) -> bool:
    """Whether the paragraph writes a year up to its document's issue, which the year's check
    reads (not "the 2030 Agenda", nor a resolution's number, "resolution 2009 (2011)")."""
    issued = issued_month(evidence)
    written = _YEAR_WRITTEN.findall(_RESOLUTION_NUMBER.sub(" ", evidence.paragraph))
    return any(issued is None or int(y) <= issued[0] for y in written)


# A Security Council resolution's number before its year: "resolution 2009 (2011)".
_RESOLUTION_NUMBER = re.compile(r"\bresolutions?\s+\d{3,4}(?=\s*\()", re.IGNORECASE)
# A year a paragraph writes, not inside a symbol ("A/RES/79/1", "S/2025/223").
_YEAR_WRITTEN = re.compile(r"(?<![\w/.-])((?:19|20)\d\d)(?![\w/-])")


def _nearest(given: list[NamedMonth], asked: NamedMonth) -> NamedMonth:
    """The given day the mismatch names: one of the asked day's number in another month first ("8
    February" for 8 March), else the nearest (a month where no day is given; the first written on a
    tie): "20 February" of "Between 20 January and 9 February ... on 20 February" for 20 March,
    "24 January" of a paragraph also giving a stock "as of December 2024"."""
    def when(m: NamedMonth) -> date:  # a day its month does not have ("31 April") read as the month's last
        return date(m.year, m.month, min(m.day or 1, calendar.monthrange(m.year, m.month)[1]))

    day = when(asked)

    def apart(g: NamedMonth) -> tuple[bool, int, int]:
        return g.day != asked.day, abs((when(g) - day).days), g.start

    return min([g for g in given if g.day is not None] or given, key=apart)


def _in_a_range(m: NamedMonth, evidence: Evidence) -> bool:
    """Whether a range of dates the paragraph writes holds the month ("From October 2023 to September
    2024" holds June 2024)."""
    return any(start[:2] <= (m.year, m.month) <= end[:2] for _, (start, end, _) in _written_ranges(evidence))


def _when(m: NamedMonth, day: bool) -> str:
    """"6 June 2025" with its `day`, "June 2025" without."""
    return _day_label(m) if day else _month_label(m.year, m.month)


# A figure given at a day: "as at 1 June 2025", "as of 31 December 2024".
_AS_AT = re.compile(rf"\bas (?:at|of)\s+(?:(\d{{1,2}})\s+)?({MONTH_PATTERN})(?:\s+((?:19|20)\d\d))?", re.IGNORECASE)


# A figure asked at a day, at a month's end or in a month: "as at 1 June 2025", "as at the end of
# December 2024", "as of December 2024".
_ASKED_AT = re.compile(rf"\bas (?:at|of)\s+(the\s+end\s+of\s+)?(?:(\d{{1,2}})\s+)?({MONTH_PATTERN})"
                       r"(?:\s+((?:19|20)\d\d))?", re.IGNORECASE)


def _stock_day(question: str, evidence: Evidence) -> Mismatch | None:
    """A figure asked "as at" a day (or a month's end, or a month) that the paragraph gives "as
    at" another day only: "How many troops ... as at 1 June 2025?" answered by "As at 1 February,
    the military component deployed 13,990 troops"; "as at the end of December 2024" by "As at 23
    March, 42,308 cases". A month's end or a month asked is met by any day of that month."""
    asked = list(_ASKED_AT.finditer(question))
    given = list(_AS_AT.finditer(evidence.paragraph))
    if len(asked) != 1 or not given or _gives_point(asked[0], given, evidence.paragraph):
        return None
    end, day, month, year = asked[0].groups()
    label = " ".join(x for x in ("the end of" if end else "", day, month, year) if x)
    found = " ".join(x for x in given[0].groups() if x)
    return Mismatch(Constraint("dated", label, label), found, "gives the figure as at {found}, not {label}")


def _gives_point(asked: re.Match[str], given: list[re.Match[str]], paragraph: str) -> bool:
    """Whether the paragraph gives the day (or month) asked (`asked`, an `_ASKED_AT` match): after
    "as at" (`given`), elsewhere, or as the end of the asked month or year ("as at the end of
    December 2024", "by the end of 2024")."""
    end, day, month, year = asked.groups()
    wanted = None if end else (int(day) if day else None)  # a month's end: any day of the month

    def meets(d: int | None, m: str, y: str | None) -> bool:  # a month given ("As of December 2024") meets its days
        return m.lower() == month.lower() and (wanted is None or d is None or d == wanted) \
            and (not y or not year or y == year)

    if any(meets(int(g.group(1)) if g.group(1) else None, g.group(2), g.group(3)) for g in given):
        return True
    asked_year = int(year) if year else None
    if any(meets(m.day, MONTH_NAMES[m.month - 1], year) and asked_year in (None, m.year) and (m.day or wanted is None)
           for m in named_months(paragraph)):
        return True
    if not year:
        return False
    if (end or day in ("28", "29", "30", "31")) and f"end of {month.capitalize()} {year}" in paragraph:
        return True  # "as at the end of December 2024"
    return month.lower() == "december" and bool(end or day == "31") and f"end of {year}" in paragraph


# A figure asked at a past day or year's end: "as at 31 December 2024", "by the end of 2024"; or
# in a month, of a question asking for a figure (`_FIGURE_ASKED`): "in October 2024".
_ASKED_STOCK = re.compile(rf"\b(?:as (?:at|of)\s+(?:(\d{{1,2}})\s+)?({MONTH_PATTERN})\s+((?:19|20)\d\d)|"
                          r"by\s+the\s+end\s+of\s+((?:19|20)\d\d)|"
                          rf"(?:in|during)\s+({MONTH_PATTERN})\s+((?:19|20)\d\d))\b", re.IGNORECASE)
# A participle before the month, no auxiliary before it: it dates the thing named ("the Pact for
# the Future adopted in September 2024"), not the figure asked ("How many people were displaced in
# July 2024?" asks July's).
_DATES_A_THING = re.compile(r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)\b\w+ed\s+$")
_FIGURE_ASKED = re.compile(r"\bhow (?:many|much)\b|\b(?:strength|number|total|level)\b", re.IGNORECASE)
# The end of the year a paragraph tells of, its year unwritten: "By the year's end", "at year-end".
_YEAR_END = re.compile(r"\b(?:the\s+year['’]s\s+end|(?:the\s+)?end\s+of\s+the\s+year|year-end)\b", re.IGNORECASE)
# Months a report may be issued after the day it gives its figures at.
STOCK_SLACK_MONTHS = 3


def _undated_stock(question: str, evidence: Evidence) -> Mismatch | None:
    """A figure asked at a past day ("What was UNMISS troop strength as at 31 December 2024?") or in
    a past month ("in October 2024") answered from a paragraph that dates nothing ("UNMISS troop
    strength stood at 14,740") in a document issued months later that never writes that day or
    month: the figure is the report's own."""
    asked = list(_ASKED_STOCK.finditer(question))
    issued = issued_month(evidence)
    if len(asked) != 1 or issued is None or named_months(evidence.paragraph) or ANY_YEAR.search(evidence.paragraph):
        return None
    day, month, year, end_year, in_month, in_year = asked[0].groups()
    if in_month and (not _FIGURE_ASKED.search(question) or _DATES_A_THING.search(question, 0, asked[0].start())):
        return None
    asked_month = in_month or month
    if asked_month and re.search(rf"\b{asked_month.capitalize()}\b", evidence.paragraph):  # not the verb "may"
        return None  # "As of April, 6.3 million ..." gives the month asked, its year unwritten
    if in_month:
        at, label = (int(in_year), MONTH_NAMES.index(in_month.capitalize()) + 1), f"{in_month.capitalize()} {in_year}"
        written = rf"\b{in_month}\s+{in_year}\b"
    elif year:  # a day, or a month ("as of September 2024")
        at = (int(year), MONTH_NAMES.index(month.capitalize()) + 1)
        label = " ".join(x for x in (day, month.capitalize(), year) if x)
        written = (rf"\b{day}\s+" if day else r"\b") + rf"{month}\s+{year}\b"
    else:
        at, label = (int(end_year), 12), f"the end of {end_year}"
        written = rf"\b(?:end\s+of\s+{end_year}|31\s+December\s+{end_year})\b"
        if _YEAR_END.search(evidence.paragraph) and re.search(rf"(?<!\d){end_year}(?!\d)", evidence.title):
            return None  # "By the year's end" in the report of the year asked ("Report of the Ethics Office 2024")
    if months_between(at, issued) <= STOCK_SLACK_MONTHS or re.search(written, evidence.document, re.IGNORECASE):
        return None
    return Mismatch(Constraint("dated", label, label), _month_label(*issued), "dates from {found}, not {label}")


# A period of days or months: "from 21 October to 20 February", "between April and October 2024".
_END = rf"(?:(\d{{1,2}})\s+)?({MONTH_PATTERN})(?:,?\s+((?:19|20)\d\d))?"
_DATE_RANGE = re.compile(rf"\b(?:from|between)\s+{_END},?\s+(?:to|and|until|through)\s+{_END}", re.IGNORECASE)
Day = tuple[int, int, int]  # year, month, day


def _date_range(m: re.Match[str], evidence: Evidence | None) -> tuple[Day, Day, str] | None:
    """The first and last day of a `_DATE_RANGE` match (a month without its day from its first to
    its last day), and the range as written with its years; a year not written is the other end's,
    or, where neither writes one, the one the document's date gives the last day (`inferred_year`)."""
    d1, m1, y1, d2, m2, y2 = m.groups()
    first, last = MONTH_NAMES.index(m1.capitalize()) + 1, MONTH_NAMES.index(m2.capitalize()) + 1
    if y2 is None and y1 is None:
        inferred = inferred_year(int(d2 or 28), last, evidence) if evidence is not None else None
        if inferred is None:
            return None
        y2 = str(inferred)
    end_year = int(y2) if y2 else int(y1) + (last < first)
    start_year = int(y1) if y1 else end_year - (first > last)
    start = (start_year, first, int(d1 or 1))
    end = (end_year, last, int(d2 or 31))

    def said(y: int, month: int, day: str | None, year: bool) -> str:
        return " ".join(x for x in (day, MONTH_NAMES[month - 1], str(y) if year else None) if x)
    label = f"{said(start_year, first, d1, start_year != end_year)} to {said(end_year, last, d2, True)}"
    return start, end, label


Span = tuple[int, int]  # a match's start and end in its text


def _month_span(n: NamedMonth) -> tuple[Day, Day, str]:
    """A named month (or months: "January–March 2025") as a period of days, with how it is written."""
    last = n.last or n.month
    label = f"{MONTH_NAMES[n.month - 1]}{'-' + MONTH_NAMES[last - 1] if n.last else ''} {n.year}"
    return (n.year, n.month, 1), (n.year, last, 31), label


# A period running to the document's date: "Since January", "since 1 March 2024".
_SINCE = re.compile(rf"\bsince\s+(?:(\d{{1,2}})\s+)?({MONTH_PATTERN})(?:,?\s+((?:19|20)\d\d))?\b", re.IGNORECASE)


def _since_range(m: re.Match[str], evidence: Evidence) -> tuple[Day, Day, str] | None:
    """The first and last day of a `_SINCE` match: its month (the year written, or the one the
    document's date gives it: `inferred_year`) to the document's date; None without that date."""
    day, month_name, year = m.groups()
    month = MONTH_NAMES.index(month_name.capitalize()) + 1
    issued = _issue_date(evidence)
    if issued is None:
        return None
    first_year = int(year) if year else inferred_year(int(day or 1), month, evidence)
    if first_year is None:
        return None
    start = (first_year, month, int(day or 1))
    label = "the period since " + " ".join(x for x in (day, MONTH_NAMES[month - 1], str(first_year)) if x)
    return start, (issued.year, issued.month, issued.day), label


def date_ranges(text: str, evidence: Evidence) -> list[tuple[Span, tuple[Day, Day, str]]]:
    """The ranges of days a text writes ("between 16 October 2024 and 15 January 2025"), each where
    it is written, with its first and last day and as written (`_date_range`)."""
    return [(m.span(), r) for m in _DATE_RANGE.finditer(text) if (r := _date_range(m, evidence))]


def asked_period(question: str) -> tuple[Day, Day, str] | None:
    """The one period of days the question asks what was done in ("between 21 June and 20 October
    2024"), or None."""
    asked = [r for m in _DATE_RANGE.finditer(question) if (r := _date_range(m, None))]
    return asked[0] if len(asked) == 1 and asks_done(question) else None


def undated(paragraph: str) -> bool:
    """Whether the paragraph writes no year, no day and no month of its own."""
    return not ANY_YEAR.search(paragraph) and not _YEARLESS_DAY.search(paragraph) \
        and not _YEARLESS_MONTH.search(paragraph) and not _SINCE.search(paragraph)


def _another_period(question: str, evidence: Evidence) -> Mismatch | None:
    """A period the question asks what was done in ("between 21 June and 20 October 2024") that the
    paragraph replaces with one that does not overlap it ("From 21 October to 20 February, UNIFIL
    ... discovered 194 weapon caches", a report of March 2025: the report after the asked one's),
    naming no month inside the asked period elsewhere."""
    asked = asked_period(question)
    if asked is None:
        return None
    start, end, label = asked
    ranges = _paragraph_periods(evidence)
    if not ranges or any(not (g_end < start or g_start > end) for _, (g_start, g_end, _) in ranges):
        return None
    # the rest of the paragraph may tell of the asked period ("compared with ... the same period in 2024")
    rest = evidence.paragraph
    for (a, b), _ in ranges:
        rest = rest[:a] + " " * (b - a) + rest[b:]
    if any(start[0] <= int(y) <= end[0] for y in ANY_YEAR.findall(rest)) \
            or any(start[:2] <= (n.year, k) <= end[:2] for n in named_months(rest) for k in (n.month, n.last) if k):
        return None
    return Mismatch(Constraint("dated", f"{start}-{end}", label), ranges[0][1][2], "gives {found}, not {label}")


# A run of days in one month: "From 4 to 19 November", "on 5, 7, 9 and 12 October".
_DAYS_RUN = re.compile(rf"\b\d{{1,2}}\s*(?:,|to|and|through|–|-)\s*\d{{1,2}}(?:\s*(?:,|and)\s*\d{{1,2}})*"
                       rf"\s+{MONTH_PATTERN}\b")


def _writes_day(d: NamedMonth, paragraph: str) -> bool:
    """Whether the paragraph writes the day ("24 February"), with or without its year."""
    return re.search(rf"\b{d.day}\s+{MONTH_NAMES[d.month - 1]}\b", paragraph, re.IGNORECASE) is not None


# A day a question sets what was done on, without its year: "How many sheep did Israeli forces
# kill in Rafid village on 12 April?".
_ON_YEARLESS_DAY = re.compile(rf"\b(?i:on)\s+(\d{{1,2}})\s+({MONTH_PATTERN})\b(?!\s*,?\s*(?:19|20)\d\d)"
                              rf"(?!\s*(?:[–-]|to\b|and\b))")


# A year the question sets its time in ("in 2024"), not one naming a thing ("the 2030 Agenda").
_YEAR_SET = re.compile(r"\b(?:in|of|during|for)\s+(?:19|20)\d\d\b", re.IGNORECASE)


def _yearless_day(question: str, evidence: Evidence) -> list[NamedMonth]:
    """The one day the question writes without a year ("on 12 April"), in the year its document's
    days without one are read in (`inferred_year`); [] for none, two or more, no such year, or a
    question setting its time in a year elsewhere ("on 12 April in 2024"; "the 2030 Agenda" does not)."""
    found = list(_ON_YEARLESS_DAY.finditer(question))
    if len(found) != 1 or _YEAR_SET.search(question):
        return []
    m = found[0]
    day, month = int(m.group(1)), MONTH_NAMES.index(m.group(2)) + 1
    year = inferred_year(day, month, evidence)
    return [] if year is None else [NamedMonth(m.start(), m.end(), day, month, None, year)]


def _range_may_hold(d: NamedMonth, evidence: Evidence) -> bool:
    """Whether a range of days the paragraph writes holds the day, or may (one not read whole)."""
    day = (d.year, d.month, d.day or 1)
    for m in _DATE_RANGE.finditer(evidence.paragraph):
        found = _date_range(m, evidence)
        if found is None or found[0] <= day <= found[1]:
            return True
    return False


def _another_day(question: str, evidence: Evidence) -> Mismatch | None:
    """A day the question sets what was done on ("At its meeting on 2 November 1994, by what vote
    did the Fourth Committee adopt ...?") that the paragraph never writes, dating what it tells by
    other days alone, none in a range holding the asked one ("At its 13th meeting, on 28 October,
    the Fourth Committee adopted ...", A/49/624, para. 7): another meeting's. Unlike a month
    (`_another_month`), a day of the document's own month of issue is no exception. A question naming
    no month with its year is read for one day without its year (`_yearless_day`)."""
    months = named_months(question)
    asked = [m for m in _point_months(question, months) if m.day is not None and not _dates_document(question, m)] \
        if months else _yearless_day(question, evidence)
    if len(asked) != 1 or not asks_done(question):
        return None
    d = asked[0]
    if _writes_day(d, evidence.paragraph) or _range_may_hold(d, evidence) or _DAYS_RUN.search(evidence.paragraph):
        return None
    given = [g for g in _given_days(evidence) if g.day is not None and g.last is None]
    if not given or any((g.year, g.month, g.day) == (d.year, d.month, d.day) for g in given):
        return None
    nearest = _nearest(given, d)
    return Mismatch(Constraint("dated", f"{d.year}-{d.month:02d}-{d.day:02d}", _day_label(d)), _day_label(nearest),
                    "gives {found}, not {label}")


def _day_in_period(question: str, evidence: Evidence) -> Mismatch | None:
    """A number asked for one day ("How many side events were held at the Forum on 24 February
    2025?") that the paragraph gives for the one period it writes, which holds that day ("43 side
    events ... were scheduled to be held between 12 February and 5 March 2025"), naming the day
    nowhere: the figure is the period's, not the day's."""
    days = [m for m in _point_months(question) if m.day is not None]
    if len(days) != 1 or question_type(question) != "number":
        return None
    d = days[0]
    if _writes_day(d, evidence.paragraph):
        return None
    ranges = [r for _, r in _written_ranges(evidence)]
    if len(ranges) != 1 or not ranges[0][0] < (d.year, d.month, d.day) < ranges[0][1]:
        return None
    return Mismatch(Constraint("dated", f"{d.year}-{d.month:02d}-{d.day:02d}", _day_label(d)), ranges[0][2],
                    "gives the whole of {found}, not {label}")


def _written_ranges(evidence: Evidence) -> list[tuple[Span, tuple[Day, Day, str]]]:
    """The paragraph's ranges of days, where each is written ("between 12 February and 5 March 2025")."""
    return date_ranges(evidence.paragraph, evidence)


def _paragraph_periods(evidence: Evidence) -> list[tuple[Span, tuple[Day, Day, str]]]:
    """The periods the paragraph tells of, where each is written: its ranges ("From 21 October to
    20 February") and its periods since a month ("Since January"), else the months that date it in
    parentheses ("met ... (28 and 29 November 2023)": `_dates_it`)."""
    text = evidence.paragraph
    ranges = _written_ranges(evidence)
    ranges += [(m.span(), r) for m in _SINCE.finditer(text) if (r := _since_range(m, evidence))]
    return ranges or [((n.start, n.end), _month_span(n)) for n in named_months(text) if _dates_it(text, n)]


def _dates_it(text: str, n: NamedMonth) -> bool:
    """Whether a named month dates what its sentence tells, set in parentheses after it ("met ...
    over two days (28 and 29 November 2023)"); a month in running text may be a reference, a
    start or a plan ("the mandate renewed in August 2023", "will submit in September 2025")."""
    before, after = text[max(0, n.start - 20):n.start], text[n.end:n.end + 2]
    return "(" in before and ")" not in before[before.rindex("("):] and after.lstrip().startswith(")")


# A month a figure is given for: "in February 2025", "during December", "recorded in January".
_IN_MONTH = re.compile(rf"\b(?:[Ii]n|[Dd]uring)\s+(?:the\s+month\s+of\s+)?({MONTH_PATTERN})(?:,?\s+((?:19|20)\d\d))?\b")
# Two months a paragraph joins into a run ("January to April", "February-May", "between February
# and May"; not "in January and April").
_RUN = re.compile(rf"\b(?:(?:[Bb]etween\s+)({MONTH_PATTERN})(?:\s+(?:19|20)\d\d)?\s+and|({MONTH_PATTERN})"
                  rf"(?:\s+(?:19|20)\d\d)?\s*(?:to|through|until|[-–]))\s*(?:\d{{1,2}}\s+)?({MONTH_PATTERN})\b")
# A part of a year a paragraph may give the asked month's figure for ("the first quarter of 2025").
_PART_OF_YEAR = re.compile(r"\b(?:quarter|half|semester|trimester)\b", re.IGNORECASE)
# A figure in a month's clause: digits that are no year ("7.6 per cent in February", "1,098 ... in November").
_FIGURE = re.compile(r"(?<![\w/.,-])(?!(?:19|20)\d\d\b)\d[\d,.]*(?![\w/-])")
_CLAUSE_END = re.compile(r"[,;:.](?=\s)|[()]")
# A question asking for a measure without "how many": "What was the monthly consumer price index increase ...?"
_MEASURE = re.compile(r"\b(?:rate|index|increase|decrease|level|number|share|figure|total|amount|percentage|price)s?\b",
                      re.IGNORECASE)


def _month_asked_in(question: str) -> tuple[int, int | None] | None:
    """The one month the question asks a figure in ("in March 2025": (3, 2025)), where it names no
    other, nor names it in a leading clause that names its document ("In the report ... transmitted
    in May 2025, how many ...?") or after a document's word ("the report issued in March 2025")."""
    if len(re.findall(rf"\b{MONTH_PATTERN}\b", question)) != 1 or \
            (question_type(question) != "number" and not _MEASURE.search(question)):
        return None
    asked = focus(question)
    m = _IN_MONTH.search(asked)
    if m is None or _DOCUMENT_MONTH.search(asked[:m.start(1)]):
        return None
    return MONTH_NAMES.index(m.group(1)) + 1, int(m.group(2)) if m.group(2) else None


def _within_run(month: int, paragraph: str) -> bool:
    """Whether a run of months the paragraph joins holds `month` (a run may turn the year)."""
    for m in _RUN.finditer(paragraph):
        first, last = MONTH_NAMES.index(m.group(1) or m.group(2)) + 1, MONTH_NAMES.index(m.group(3)) + 1
        if (first <= month <= last) if first <= last else (month >= first or month <= last):
            return True
    return False


def _clause(text: str, start: int, end: int) -> str:
    """The clause of `text` around `text[start:end]`: from the last comma, semicolon or full stop
    (before a space: "1,098", "7.6" go on) or bracket before it to the first after it; the whole
    sentence where the words open it ("In February 2025, 12 incidents were recorded")."""
    ends = [m.start() for m in _CLAUSE_END.finditer(text)]
    before = max((i for i in ends if i < start), default=-1)
    if (before < 0 or text[before] in ".;") and not text[before + 1:start].strip():
        ends = [i for i in ends if text[i] in ".;"]
    return text[before + 1:min((i for i in ends if i >= end), default=len(text))]


def _figure_in_other_months(question: str, evidence: Evidence) -> Mismatch | None:
    """The one month the question asks a figure in ("in March 2025") where the paragraph gives its
    figures in other months of that year or with none ("in February 2025, a decrease from ...
    January 2025", S/2025/211, para. 19; "in November, 378 in December", S/2025/154, para. 31),
    a figure in the clause of each such month, and never writes the asked month, a run holding it
    or a part of a year ("the first quarter of 2025")."""
    asked = _month_asked_in(question)
    if asked is None:
        return None
    month, year = asked
    name = MONTH_NAMES[month - 1]
    text = evidence.paragraph
    if re.search(rf"\b{name}\b", text) or _within_run(month, text) or _PART_OF_YEAR.search(text):
        return None
    for m in _IN_MONTH.finditer(text):
        if not _FIGURE.search(_clause(text, m.start(), m.end())):
            continue  # "whose members were appointed in April 2025": no figure of that month
        if year is None or m.group(2) is None or int(m.group(2)) == year:  # another year's: `check_fact_year`
            label = name + (f" {year}" if year else "")
            found = m.group(0).split(None, 1)[1]  # "February 2025" of "in February 2025"
            return Mismatch(Constraint("dated", label, label), found, "gives {found}, not {label}")
    return None


def check_timing(question: str, evidence: Evidence) -> Mismatch | None:
    """The first of the question's days or months the evidence cannot answer for, or None."""
    return (_day_of_another_year(question, evidence) or _stock_day(question, evidence)
            or _report_month(question, evidence) or _after_issue(question, evidence)
            or _another_month(question, evidence) or _another_period(question, evidence)
            or _day_in_period(question, evidence) or _figure_in_other_months(question, evidence)
            or _undated_stock(question, evidence) or _another_day(question, evidence))
