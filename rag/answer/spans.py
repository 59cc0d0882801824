"""Near misses by the span of time a figure covers: "How much have global sea levels risen over
the past 100 years?" answered from "Over the past 30 years, global sea levels have risen by 9 cm".
The paragraph measures over another span of the same unit and never over the asked one. And the
side of a date: "What was the official exchange rate before the April 2025 devaluation?" answered
from "The official exchange rate has remained at 5.57 dinars since 6 April"."""

from __future__ import annotations

import re

from rag.answer.evidence import Constraint, Evidence, Mismatch
from rag.answer.years import asks_part
from rag.textutil import MONTH_NAMES, MONTH_PATTERN, NUMBER_WORDS, listing

# A span's count in words: "two" to "twenty" (rag.textutil.NUMBER_WORDS), and the round ones past it.
_WORDS = {word: n for n, word in enumerate(NUMBER_WORDS) if n >= 2} | {
    "twenty-five": 25, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}
# "the past 30 years", "over the last two decades", "in the previous 12 months"
_COUNT = "|".join(sorted(_WORDS, key=len, reverse=True))  # "twenty-five" before "twenty"
_SPAN = re.compile(rf"\b(?:past|last|previous|preceding)\s+(\d{{1,4}}|{_COUNT})\s+(years|decades|months|weeks|days)\b",
                   re.IGNORECASE)


def _spans(text: str) -> set[tuple[int, str]]:
    """(count, unit) of each span a text measures back from its time: "the past 30 years" -> (30, "years")."""
    out = set()
    for m in _SPAN.finditer(text):
        count = m.group(1).lower()
        out.add((int(count) if count.isdigit() else _WORDS[count], m.group(2).lower()))
    return out


# A span counted from a year ("since 1993") may be the asked one, written otherwise.
_SINCE = re.compile(r"\bsince\s+(?:19|20)\d\d\b", re.IGNORECASE)


def asks_span(question: str) -> bool:
    """Whether the question measures over a span back from its time ("over the past 100 years"),
    asks of the time before or after a month (`check_side`) or between two (`check_months`), or
    from one year to another (`check_year_run`)."""
    return bool(_SPAN.search(question) or _SIDE.search(question) or _MONTHS.search(question)
                or _YEAR_RUN.search(question) or _IN_MONTH.search(question))


# A run of years: "from 2010 to 2024", "between 2010 and 2024", "2010-2024", "2010–2023" (not "in
# 2015 and 2018", two years).
_YEAR_RUN = re.compile(r"(?<![\d/.,])(?:(?:from\s+)?((?:19|20)\d\d)\s*(?:to|until|through|[-–])\s*((?:19|20)\d\d)"
                       r"|between\s+((?:19|20)\d\d)\s+and\s+((?:19|20)\d\d))(?![\d/])", re.IGNORECASE)
NEAR_END = 4  # years between the asked run's end (or start) and the paragraph's that make it another run


def _year_runs(text: str) -> set[tuple[int, int]]:
    """(first, last) of each run of years a text names, the last after the first."""
    runs = {(int(a or c), int(b or d)) for a, b, c, d in _YEAR_RUN.findall(text)}
    return {(a, b) for a, b in runs if a < b}


def check_year_run(question: str, evidence: Evidence) -> Mismatch | None:
    """The run of years the question asks of ("from 2010 to 2024") where the paragraph gives a
    run from the same year to another near end, or from another near start to the same end
    ("From 2010 to 2023, new HIV infections declined by 39 per cent", E/2025/73, para. 11), and
    never writes the asked end (or start): another period's figure."""
    asked = _year_runs(question)
    told = _year_runs(evidence.paragraph)
    if len(asked) != 1 or not told:
        return None
    first, last = next(iter(asked))
    if (first, last) in told or asks_part(question, (first, last), told):
        return None

    def unwritten(year: int) -> bool:
        return re.search(rf"\b{year}\b", evidence.paragraph) is None

    for start, end in sorted(told):
        if start == first and 0 < abs(end - last) <= NEAR_END and unwritten(last) \
                or end == last and 0 < abs(start - first) <= NEAR_END and unwritten(first):
            label = f"{first}-{last}"
            return Mismatch(Constraint("period", label, label), f"{start}-{end}", "gives {found}, not {label}")
    return None


# A run of months: "between March and September 2024", "from September 2024 to February 2025",
# "between 1 March and 30 September 2024".
_MONTHS = re.compile(rf"\b(?:between|from)\s+(?:\d{{1,2}}\s+)?({MONTH_PATTERN})(?:\s+((?:19|20)\d\d))?\s+"
                     rf"(?:and|to|until|through)\s+(?:\d{{1,2}}\s+)?({MONTH_PATTERN})\s+((?:19|20)\d\d)\b",
                     re.IGNORECASE)
# A run given to compare with, not the one a figure is for: "compared with 900 from September 2023 to ...".
_COMPARED = re.compile(r"\b(?:compared (?:with|to)|than|against|up from|down from)\b[^.;]{0,40}$", re.IGNORECASE)
Month = tuple[int, int]  # (year, month)


def _month_runs(text: str) -> list[tuple[Month, Month]]:
    """The runs of months a text names, first and last (year, month); the first month without a
    year has the last's, or the year before where it comes later in the year."""
    out = []
    for m in _MONTHS.finditer(text):
        if _COMPARED.search(text[:m.start()]):
            continue
        first, last = MONTH_NAMES.index(m.group(1).title()) + 1, MONTH_NAMES.index(m.group(3).title()) + 1
        end = int(m.group(4))
        start = int(m.group(2)) if m.group(2) else end - (first >= last)
        out.append(((start, first), (end, last)))
    return out


def _run_label(run: tuple[Month, Month]) -> str:
    (y1, m1), (y2, m2) = run
    first = MONTH_NAMES[m1 - 1] + ("" if y1 == y2 else f" {y1}")
    return f"{first} to {MONTH_NAMES[m2 - 1]} {y2}"


def check_months(question: str, evidence: Evidence) -> Mismatch | None:
    """The one run of months the question asks of ("between March and September 2024") where the
    paragraph gives its figures for other runs, none holding the asked one ("between September
    2024 and February 2025"): another period's figure."""
    asked = _month_runs(question)
    told = _month_runs(evidence.paragraph)
    if len(asked) != 1 or not told:
        return None
    first, last = asked[0]
    if any(start <= first and last <= end for start, end in told):
        return None
    # a paragraph writing the asked run's months in other words ("in June, compared with March")
    if any(re.search(rf"\b{MONTH_NAMES[month - 1]}\b", evidence.paragraph, re.IGNORECASE)
           and not any(month in (s[1], e[1]) for s, e in told) for _, month in (first, last)):
        return None
    label = _run_label(asked[0])
    return Mismatch(Constraint("span", label, label), _run_label(told[0]), "gives {found}, not {label}")


# One month asked of: "in October 2024", "during March 2025".
_IN_MONTH = re.compile(rf"\b(?:in|during)\s+({MONTH_PATTERN})\s+((?:19|20)\d\d)\b", re.IGNORECASE)
# Words before it that make the month a document's or a statement's date, not the asked thing's: "the
# report transmitted in May 2025", "What did the Secretary-General tell the Council in March 2025 ...?".
_DOCUMENT_DATED = re.compile(r"\b(?:reports?|reported|letters?|notes?|transmitted|issued|published|submitted|dated"
                             r"|released|circulated|tell|told|inform|informed|brief|briefed|say|said|state|stated)\b"
                             r"[^,;?]{0,40}$", re.IGNORECASE)
# A month's name as a paragraph prints it (capitalized: "may" is no month).
_NAMED_MONTH = re.compile(rf"\b{MONTH_PATTERN}\b")
# What may hold months the paragraph does not name: a run or a start ("from January to March",
# "1 September to 30 November", "since September", "November–January", "throughout September"), a
# part of a year ("the fourth quarter"), or a session or meeting, which a month need not date.
_MONTH_REACH = re.compile(rf"\b(?:from|between|since|through|throughout|until|till|mid-?|early|late)\s+"
                          rf"(?:\d{{1,2}}\s+)?{MONTH_PATTERN}\b"
                          rf"|\b{MONTH_PATTERN}(?:\s+(?:19|20)\d\d)?\s*"
                          r"(?:[–—‐‑-]|\bto\b|\buntil\b|\bthrough\b)\s*"
                          rf"(?:\d{{1,2}}\s+)?{MONTH_PATTERN}\b"
                          r"|\b(?:quarter|half|semester|season|spring|summer|autumn|winter|session|sessions|meeting|"
                          r"meetings)\b", re.IGNORECASE)


def check_month_given(question: str, evidence: Evidence) -> Mismatch | None:
    """The one month the question asks of ("in October 2024") where the paragraph tells of two
    or more other months and never of it, nor of a run or a start that may hold it: "1,098
    operational activities carried out in November, 378 in December and 531 in January" (S/2025/154,
    para. 31) gives no figure for October. A month dating a report, a letter or a statement is not
    asked of, and a paragraph telling of a session or meeting may be of the asked month unnamed."""
    asked = _IN_MONTH.search(question)
    if asked is None or _DOCUMENT_DATED.search(question[:asked.start()]) \
            or any(m.start() != asked.start(1) for m in _NAMED_MONTH.finditer(question)):
        return None
    month = asked.group(1).title()
    told = list(dict.fromkeys(m.group(0) for m in _NAMED_MONTH.finditer(evidence.paragraph)))
    if len(told) < 2 or month in told or _MONTH_REACH.search(evidence.paragraph):
        return None
    label = f"{month} {asked.group(2)}"
    return Mismatch(Constraint("month", label, label), listing(told), "tells of {found}, not {label}")


def check_span(question: str, evidence: Evidence) -> Mismatch | None:
    """A span the question measures over ("the past 100 years") where the paragraph measures over
    another of the same unit and not it, nor from a year ("since 1993")."""
    if _SINCE.search(evidence.paragraph):
        return None
    given = _spans(evidence.paragraph)
    for count, unit in sorted(_spans(question)):
        others = sorted(n for n, u in given if u == unit)
        if others and count not in others:
            label = f"the past {count} {unit}"
            return Mismatch(Constraint("span", label, label), f"the past {others[0]} {unit}")
    return None




def _side_of_month(words: str, article: str = "") -> re.Pattern[str]:
    """A side of a month: one of `words` (group 1), the month (group 2) after an optional day, and
    its year where one follows (group 3); `article` may stand between the word and the day."""
    return re.compile(rf"\b({words})\s+{article}(?:\d{{1,2}}\s+)?({MONTH_PATTERN})(?:\s+(\d{{4}}))?\b",
                      re.IGNORECASE)


# "before the April 2025 devaluation", "after 6 April": the side of a month (and its year) the
# question asks of; "since 6 April", "until March 2024": the side a paragraph states its fact on.
_SIDE = _side_of_month(r"before|prior\s+to|after|since", r"(?:the\s+)?")
_STATED_SIDE = _side_of_month(r"since|until|till|before|after|prior\s+to")
# A paragraph writing the time before a change in any words ("until the devaluation", "earlier")
# may give the figure asked on the other side.
_EARLIER = re.compile(r"\b(?:until|till|before|prior\s+to|previously|earlier|formerly)\b", re.IGNORECASE)
_LATER = re.compile(r"\b(?:since|after|thereafter|subsequently|now)\b", re.IGNORECASE)
_AFTER_WORDS = frozenset(("after", "since"))


def _after(word: str) -> bool:
    return word.lower() in _AFTER_WORDS


def check_side(question: str, evidence: Evidence) -> Mismatch | None:
    """The side of a month the question asks of ("before April 2025") where the paragraph states its
    fact on the other side of that month only ("since 6 April"; a year both give is the same) and
    writes nothing of the asked side in other words ("until the devaluation")."""
    for asked in _SIDE.finditer(question):
        month, year, later = asked.group(2).lower(), asked.group(3), _after(asked.group(1))
        sides = [m for m in _STATED_SIDE.finditer(evidence.paragraph) if m.group(2).lower() == month
                 and not (year and m.group(3) and m.group(3) != year)]
        other_words = _LATER if later else _EARLIER  # words of the asked side
        if sides and all(_after(m.group(1)) != later for m in sides) and not other_words.search(evidence.paragraph):
            label = f"{asked.group(1).lower()} {asked.group(2)}"
            return Mismatch(Constraint("span", label, label), sides[0].group(0),
                            "gives the figure {found}, not {label}")
    return None
