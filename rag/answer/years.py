"""Near misses in years: the year, period or thing named by its year ("its 2023 session") a
question sets, checked against the best paragraph and its document (the years it names, its
symbol's, session's and masthead's); and the reading of years, periods and symbols' years that
rag.answer.constraints and the other checks share."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from rag.answer.answertype import CARDINALS, asks_ordinal_count, question_type
from rag.answer.evidence import Constraint, Evidence, Mismatch
from rag.answer.timing import ANY_YEAR, BESIDE_WORDS, asks_done, set_against
from rag.search.focus import document_clause, focus
from rag.search.periodic import REPORT_ISSUED
from rag.textutil import MONTH_NAMES, MONTH_PATTERN, SYMBOL, content_terms, named_months, split_sentences, terms

# A year glued to a word is part of a name ("eLAC2026", "Vision2030"), not a year of its own; one
# after "mid-" is a year ("by mid-1999"; "the mid-1990s" is a decade, as is "the 1990s": `DECADE`).
YEAR = re.compile(r"(?:(?<=\bmid-)(?!\d{3}0['’]?s)|(?<![\w/.,-]))((?:19|20)\d\d)"
                  r"(?![\d/]|\)|\s*\)|s\b|(?<=0)['’]s\b)", re.IGNORECASE)
# A decade: "the 1990s", "the late 1990's", "the mid-1980s" (a year's possessive is a year: "2024's
# plan"); group 1 its first year.
DECADE = re.compile(r"(?<![\w/.,])((?:19|20)\d0)['’]?s\b")
RANGE = re.compile(r"(?<![\w/.,])((?:19|20)\d\d)(?:\s*[-–—/]\s*((?:19|20)?\d\d)|\s+to\s+((?:19|20)\d\d))(?![\d/])")
# A document's "between 2024 and 2026" writes the period 2024-2026 (a question's compares two years).
_BETWEEN = re.compile(r"\bbetween\s+((?:19|20)\d\d)\s+and\s+((?:19|20)\d\d)\b", re.IGNORECASE)
# "1 July 2023 to 30 June 2024", "April 2024 to March 2025", "July 2024–June 2025".
DATE_TO = re.compile(rf"\b(?:\d{{1,2}}\s+)?{MONTH_PATTERN}\s+((?:19|20)\d\d)\s*(?:to|until|through|[–-])\s*"
                      rf"(?:\d{{1,2}}\s+)?{MONTH_PATTERN}\s+((?:19|20)\d\d)")


# A Security Council sanctions committee named by its resolution, whose number reads as a year:
# "the 1970 Committee" (Libya, resolution 1970 (2011)), "the 1988 Committee", "the 2048
# Committee"; not "the 2024 Committee session".
_COMMITTEE_NUMBER = re.compile(r"\b(?:1970|1988|2048)(?=\s+(?:[Ss]anctions\s+)?[Cc]ommittee\b)")


# The supplement of the Official Records a report is issued as, which names it as its symbol does
# ("Supplement No. 19" of A/79/19), on a cover that is not its text, and the Records' own name
# ("Official Records of the General Assembly"; the session after it is left to be read); group 1:
# the number of one supplement, none for a list ("Supplements Nos. 6 and 7").
SUPPLEMENT = re.compile(r"\b[Ss]upplement\s+No\.?\s*(\d+)[A-Z]?\b"
                        r"|\b[Ss]upplements\s+Nos\.?\s*\d+[A-Z]?(?:\s*(?:,|and)\s*\d+[A-Z]?)*\b"
                        r"|\b[Oo]fficial\s+[Rr]ecords\s+of\s+the\s+(?:General\s+Assembly|Security\s+Council|"
                        r"Economic\s+and\s+Social\s+Council)\b")


def without_symbols(text: str) -> str:
    """The text with document symbols, Official Records supplements and resolution numbers
    ("A/78/36", "Supplement No. 36", "2231 (2015)", "the 1970 Committee") blanked."""
    text = _COMMITTEE_NUMBER.sub(" ", SUPPLEMENT.sub(" ", SYMBOL.sub(" ", text)))
    return re.sub(r"\b\d{2,4}\s*\(((?:19|20)\d\d)\)", " ", text)


# Decisions and resolutions numbered by their year: "Executive Board decision 2012/18",
# "decisions 2015/2, 2015/13 and 2022/15" (the eighteenth decision of 2012, not 2012-2018).
_NUMBERED_BY_YEAR = re.compile(r"\b(?:decisions?|resolutions?)\s+(?:(?:19|20)\d\d/\d{1,3}[A-Z]?\b(?:\s*(?:,|and|to)\s*)?)+",
                               re.IGNORECASE)


# A symbol's list of further numbers and addenda: "A/AC.109/2013 and Add.1, 2014, 2015 and Add.1"
# lists working papers 2013 to 2015, no years.
_SYMBOL_LIST = re.compile(r"\b[A-Z]{1,6}(?:/[A-Za-z0-9.]+)+(?:(?:\s*,\s*|\s+and\s+)(?:Add\.\d+|Corr\.\d+|"
                          r"\d{3,4}\b(?!\s*[-–/]\s*\d)))+")
# A title dated in brackets: "The Hangzhou Declaration (2023)", "the Bern Data Compact ... Goals
# (2021)"; not a resolution's year ("resolution 2744 (2024)"), which dates no time a text tells of.
_TITLE_YEAR = re.compile(r"\b[A-Z][a-z]+\s+\(((?:19|20)\d\d)\)")


def without_symbol_lists(text: str) -> str:
    """The text with the further numbers a symbol lists blanked (`_SYMBOL_LIST`)."""
    return _SYMBOL_LIST.sub(" ", text) if "/" in text else text


def years(text: str, within: int | None = None) -> set[int]:
    """The years a text names, counting every year inside a range it names ("2018-2021"); with
    `within`, only inside ranges of at most that many years (the years of "the Decade
    (2021-2030)" are its ends)."""
    text = _NUMBERED_BY_YEAR.sub(" ", without_symbol_lists(text))
    out = {int(y) for y in YEAR.findall(text)}
    for start, end in _periods(text, False):
        out.update(range(start, end + 1) if within is None or end - start < within else (start, end))
    return out


def periods(text: str, between: bool = False) -> set[tuple[int, int]]:
    """The periods a text names: "2018-2021", "2023/24", "1 July 2023 to 30 June 2024", "April 2024 to
    March 2025"; with `between`, only those written "between 2024 and 2026"."""
    return _periods(_NUMBERED_BY_YEAR.sub(" ", text), between)


def _periods(text: str, between: bool) -> set[tuple[int, int]]:
    """`periods` of a text whose year-numbered decisions are blanked already."""
    pairs = [(int(a), int(b)) for a, b in _BETWEEN.findall(text)] if between else \
        _range_pairs(text) + [(int(a), int(b)) for a, b in DATE_TO.findall(text)]
    return {(start, end) for start, end in pairs if start < end <= start + 10}


def _range_pairs(text: str) -> list[tuple[int, int]]:
    """(first, last) year of each range RANGE finds, a two-digit end read in its century
    ("2024-25": 2024, 2025)."""
    out = []
    for a, b, c in RANGE.findall(text):
        end = b or c
        out.append((int(a), int(end) if len(end) == 4 else int(a) // 100 * 100 + int(end)))
    return out


def session_of_symbol(symbol: str) -> int | None:
    """The session a General Assembly or Human Rights Council symbol carries: A/59/377 -> 59."""
    m = re.match(r"A/(?:HRC/)?(\d{1,3})/", symbol)
    return int(m.group(1)) if m else None


def year_of_symbol(symbol: str) -> int | None:
    """The year a symbol carries: E/2025/15 -> 2025."""
    m = re.search(r"/((?:19|20)\d\d)(?:/|$)", symbol)
    return int(m.group(1)) if m else None


def _document_years(evidence: Evidence) -> set[int]:
    """The years the document names, its titles' bracketed ones too ("The Hangzhou Declaration
    (2023)"), and its symbols'."""
    found = years(evidence.document) | {int(y) for y in _TITLE_YEAR.findall(evidence.document)}
    found.update(y for y in map(year_of_symbol, evidence.symbols) if y)
    return found


def _own_years(evidence: Evidence) -> set[int]:
    """The years the document is issued in: its symbols' and its date's."""
    return issue_years(evidence.symbols) | ({int(evidence.date[:4])} if evidence.date[:4].isdigit() else set())


# A year that names a thing ("the 2030 Agenda", "Agenda 2063"), no time a paragraph tells of.
_NAMING_YEAR = re.compile(r"\b(?:19|20)\d\d\s+Agenda\b|\bAgenda\s+(?:19|20)\d\d\b")


def _main_year(evidence: Evidence, asked: set[int]) -> str:
    """The year a mismatch names: the period or year the paragraph tells of (`_paragraph_time`),
    else, where it names years only to compare with, the one its title names, else its symbol's or
    its date's, else the one its document names most often; never one of the
    `asked` years (A/79/19, of the session running over 2024 and 2025, is about 2025 when 2024 is
    asked)."""
    issued = _own_years(evidence)
    told = _paragraph_time(evidence.paragraph, issued, asked)
    if told is not None:
        return told
    compared = {int(y) for y in YEAR.findall(evidence.paragraph) if _only_compared(int(y), evidence.paragraph)}
    if compared and (most := _most_named(evidence.title, asked | compared, max(issued, default=None))):
        return str(most[0])  # "compared to 19 recommendations in 2022" in the report titled "..., 2023"
    own = sorted(y for y in map(year_of_symbol, evidence.symbols) if y and y not in asked) or sorted(issued - asked)
    if own:
        return str(own[0])
    named = [int(y) for y in YEAR.findall(evidence.document) if int(y) not in asked]
    return str(max(sorted(set(named)), key=named.count)) if named else "other years"


def _paragraph_time(paragraph: str, issued: set[int], asked: set[int]) -> str | None:
    """The period the paragraph tells of ("Between 2017 and 2024, 3,129 individuals were
    investigated"), unless a sentence opens on a year, else the year it names most often (the later
    on a tie; "as at 2 May 2025" is about 2025 whatever year the report covers; none after the
    document's own year, which names a thing, "the 2030 Agenda", unless a year after it is asked,
    when a target year counts but a thing's name still does not; none long before it, an aside,
    unless it opens a sentence: "In 1995, 189 Governments unanimously agreed ..."; none it names
    only to compare with, `_only_compared`); None where it names none of these."""
    latest = max(issued, default=None)
    if latest is not None and asked and min(asked) > latest:  # a target asked of: the paragraph's targets count
        latest = max(asked)
        paragraph = _NAMING_YEAR.sub(" ", paragraph)
    told = _told_periods(paragraph, latest, asked)
    if told and not any(_FRAME.match(sentence.strip()) for sentence in split_sentences(paragraph)):
        return f"{told[0][0]}-{told[0][1]}"
    in_paragraph = [int(y) for y in YEAR.findall(without_symbol_lists(paragraph))
                    if (latest is None or int(y) <= latest) and not _only_compared(int(y), paragraph)]
    framed = framing_years(paragraph, "")
    recent = [y for y in in_paragraph if latest is None or y >= min(issued) - NEAR_YEARS or y in framed]
    return str(max(sorted(set(recent)), key=lambda y: (recent.count(y), y))) if recent else None


def _told_periods(paragraph: str, latest: int | None, asked: set[int]) -> list[tuple[int, int]]:
    """The periods the paragraph writes, in order, that hold none of the `asked` years, end by
    `latest` and are not only compared with (`_only_compared`)."""
    return sorted((p for p in written_periods(paragraph) if not any(p[0] <= y <= p[1] for y in asked)
                   and (latest is None or p[1] <= latest) and not _only_compared(p[0], paragraph)),
                  key=lambda p: paragraph.find(str(p[0])))


def check_year(c: Constraint, evidence: Evidence) -> Mismatch | None:
    named = _document_years(evidence)
    if int(c.value) in named or not named:
        return None
    return Mismatch(c, _main_year(evidence, {int(c.value)}))


def check_decade(c: Constraint, evidence: Evidence) -> Mismatch | None:
    """The decades asked ("the late 1990s", "the 1980s and 1990s": `c.value` their first years)
    are contradicted by a paragraph whose years all fall outside them ("the 1998–1999 events" holds
    for the 1990s, not for the 1980s) and whose spans run across none ("rose from 1989 to 2001"
    tells of the 1990s, as "since 1952" does), or that names only other decades ("In the 1980s,
    ..." for the 1990s; not "Since the late 1990s" for the 2000s, nor "from the 1980s to the
    2010s"); a paragraph naming no year nor decade is left to the other checks."""
    starts = [int(v) for v in c.value.split()]
    first, last = min(starts), max(starts) + 9
    text = without_symbols(evidence.paragraph)
    named, decades = years(text), {int(d) for d in DECADE.findall(text)}
    if not named and not decades or decades & set(starts) or any(first <= y <= last for y in named) \
            or min(decades, default=first) < first < last < max(decades, default=0) \
            or any(a < first and b > last for a, b in _spans(text)):
        return None
    if named:
        spans = sorted(periods(text))
        found = f"{spans[0][0]}-{spans[0][1]}" if spans else str(min(named, key=lambda y: abs(y - first)))
    else:
        found = f"the {min(decades, key=lambda d: abs(d - first))}s"
    return Mismatch(c, found)


# A decade or a year counted from: "Since the late 1990s, trust ...", "in power since 1952".
_SINCE_DECADE = re.compile(r"\b[Ss]ince\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?((?:19|20)\d\d)(?:['’]?s)?\b")
# Within one sentence: any character but a full stop, or a decimal point ("34.5 per cent").
_IN_SENTENCE = r"(?:[^.;]|\.(?=\d))"
# A span a text runs from one year to another: "rose from 27 per cent in 2008 to 34.5 per cent in 2022".
_FROM_TO = re.compile(rf"\bfrom\b{_IN_SENTENCE}{{0,40}}?\b((?:19|20)\d\d)\b{_IN_SENTENCE}{{0,40}}?\bto\b"
                      rf"{_IN_SENTENCE}{{0,40}}?\b((?:19|20)\d\d)\b")


def _spans(text: str) -> list[tuple[int, int]]:
    """The spans of years a text runs over: its periods of any length, its "from ... to ..." and
    "between ... and ...", and from a year it counts since to its document's time."""
    out = [(int(a), int(b)) for a, b in _FROM_TO.findall(text) + _BETWEEN.findall(text)]
    return out + [(int(y), 9999) for y in _SINCE_DECADE.findall(text)] + _range_pairs(text)


def check_period(c: Constraint, evidence: Evidence) -> Mismatch | None:
    start, end = (int(x) for x in c.value.split("-"))
    headed = periods(evidence.section)  # "A. Review of financial performance, 2022-2025" over a paragraph naming none
    if headed and (start, end) not in headed and not periods(evidence.paragraph):
        near = min(headed, key=lambda p: abs(p[0] - start) + abs(p[1] - end))
        return Mismatch(c, f"{near[0]}-{near[1]}")
    named = periods(evidence.document)
    # A document's "between 2024 and 2026" writes the asked period; it is no period of its own
    # otherwise ("between 2015 and 2020 the share rose" compares two years).
    if (start, end) in named or (start, end) in periods(evidence.document, between=True):
        return None
    if not named:  # no period of its own: judged by the years it names
        written, asked = _document_years(evidence), set(range(start, end + 1))
        return None if written & asked or not written else Mismatch(c, _main_year(evidence, asked))
    # named as the paragraph's own period where it gives one ("the budget for fiscal year 2024/25"),
    # not one it only compares with ("lower than that of fiscal year 2023/24")
    own = periods(evidence.paragraph)
    near = min({p for p in own if not _only_compared(p[0], evidence.paragraph)} or own or named,
               key=lambda p: abs(p[0] - start) + abs(p[1] - end))
    return Mismatch(c, f"{near[0]}-{near[1]}")


# Things named by their year: "its 2023 substantive session", "the 2021 personnel engagement
# survey", "Global AIDS Update 2024", "the financial year 2024", "the 2024 revision".
_DATED = ("session", "survey", "report", "plan", "budget", "review", "update", "day", "forum", "conference",
          "summit", "census", "year", "meeting", "audit", "evaluation", "revision", "edition")
_DATED_NOUN = "(" + "|".join(_DATED) + ")s?"
DATED_NOUNS = frozenset(_DATED)
# Things made for a year to come: "the budget for 2026" is issued before 2026.
FORWARD_NOUNS = frozenset(("plan", "budget"))
# Things written, whose year dates a document ("its 2023 audit", "the 2024 report"), not the fact
# a question asks for; the year of an event ("its 2023 session") is the fact's.
WRITTEN_NOUNS = frozenset(("report", "audit", "evaluation", "review", "update", "plan", "budget", "survey"))
# Up to three words between the year and the thing ("and" joining two of them: "the 2024
# humanitarian needs and response plan"), or a title's capitalised words joined by "and" or "of"
# ("The 2025 Humanitarian Needs and Response Plan").
_YEAR_BEFORE = re.compile(r"\b((?:19|20)\d\d)(?!\s+and\b)((?:\s+(?:and\s+)?[A-Za-z][\w-]*){0,3}?|"
                          r"(?-i:(?:[^\S\n]+(?:[A-Z][\w-]*|and|of)){4,6}?))\s+" + _DATED_NOUN + r"\b", re.IGNORECASE)
# "the session 2024", "the budget for 2025", "the session of 2024" (not "a survey of 2000 households")
_YEAR_AFTER = re.compile(r"\b" + _DATED_NOUN + r"\s+(?:for\s+|of\s+(?=(?:19|20)\d\d\b(?!\s+[a-z])))?"
                         r"((?:19|20)\d\d)\b(?!\s*[-–/])", re.IGNORECASE)


# Words between a year and a dated noun that compare the year with another ("in 2024 than the year
# before"): the noun is not the year's.
_COMPARING = re.compile(r"\b(?:than|compared|since|before|after|from|until|to|versus)\b", re.IGNORECASE)


# A range of a period named before it, right before a year ("biennium 2026-2027 annual session"):
# the year ends the biennium (not "the 2014-2017 strategic plan", the plan's years).
_RANGE_OPEN = re.compile(r"\b(?:biennium|period|years|cycle|triennium|quadrennium)\s+(?:of\s+)?"
                         r"(?:19|20)\d\d\s*[-–/]\s*$", re.IGNORECASE)


def dated_things(text: str) -> list[tuple[int, str]]:
    """(year, noun) pairs of a text: "its 2023 substantive session" -> (2023, "session")."""
    out = [(int(m.group(1)), m.group(3).lower()) for m in _YEAR_BEFORE.finditer(text)
           if not _COMPARING.search(m.group(2)) and not _RANGE_OPEN.search(text, 0, m.start())]
    out += [(int(m.group(2)), m.group(1).lower()) for m in _YEAR_AFTER.finditer(text)]
    return out


def issue_years(symbols: tuple[str, ...]) -> set[int]:
    """The years a document's symbols place it in: E/2025/15 -> 2025; A/80/42, of the General
    Assembly's eightieth session, -> 2025 and 2026; A/HRC/59/60, of the Human Rights Council's
    fifty-ninth session (three a year since 2006), -> 2025."""
    out = {y for y in map(year_of_symbol, symbols) if y}
    for s in symbols:
        session = session_of_symbol(s)
        if session and s.startswith("A/HRC/"):
            out.add(2006 + (session - 1) // 3)
        elif session and s.startswith("A/"):
            out.update((1945 + session, 1946 + session))
    return out


def issue_time(symbols: tuple[str, ...]) -> set[int]:
    """The years a document's symbols place it in and the year before each: the time its
    paragraphs tell of without naming it (a 2025 report on 2024)."""
    return _and_years_before(issue_years(symbols))


def _and_years_before(issued: set[int]) -> set[int]:
    """The years and the year before each."""
    return issued | {y - 1 for y in issued}


def check_dated(c: Constraint, evidence: Evidence) -> Mismatch | None:
    y, noun = c.value.split(" ", 1)
    pairs = dated_things(evidence.document)
    own = {m for m, kind in dated_things(evidence.paragraph) if kind == noun}
    if _its_own(int(y), noun, evidence):
        return None
    told = _told_instead(int(y), noun, own, evidence.paragraph)
    if told:
        return Mismatch(c, f"the {min(told, key=lambda m: abs(m - int(y)))} {noun}")
    if _names_year_and(int(y), noun, evidence.paragraph):
        return None
    if (int(y), noun) in pairs:
        return _recalled_only(c, pairs, evidence)
    # the one its title names ("Report of ... on its 2025 session"), else the document's nearest in time
    titled = {m for m, kind in dated_things(evidence.title) if kind == noun}
    others = sorted(own or titled or {m for m, kind in pairs if kind == noun}, key=lambda m: abs(m - int(y)))
    if others:
        return Mismatch(c, f"the {others[0]} {noun}")
    if _next_session_year(int(y), noun, evidence):
        return Mismatch(c, f"the {evidence.date[:4]} {noun}")
    issued = issue_years(evidence.symbols)
    if issued and int(y) > max(issued) and noun not in FORWARD_NOUNS:  # a document cannot report on what came after it
        return Mismatch(c, _span(issued), "dates from {found}, before {label}")
    return None


def _told_instead(year: int, noun: str, own: set[int], paragraph: str) -> set[int]:
    """The years of the paragraph's own dated things it tells of instead of the asked year's: its
    own ("The annual session 2025 ... was held"), or one it says was held on days of another year,
    where it writes the asked year nowhere, whatever else the document names; its own of other
    years where it writes the asked one only to compare ("The 2024 partner survey ... compared to
    the 2022 survey")."""
    if year not in written_years(paragraph):
        return own or _held_in(noun, paragraph)
    return own - {year} if _compared_only(year, noun, paragraph) else set()


def _compared_only(year: int, noun: str, text: str) -> bool:
    """Whether the text writes the thing of that year ("the 2022 survey") only after words of
    comparison giving it no figure ("compared to the 2022 survey"), as another than the one it
    tells of; "compared with 18 per cent in the 2022 survey" gives its figure."""
    found = [m for m in re.finditer(rf"\b{year}\s+(?:[\w-]+\s+){{0,2}}?{noun}s?\b", text, re.IGNORECASE)]
    return bool(found) and all((before := _COMPARED_BEFORE.search(text[max(0, m.start() - 60):m.start()])) is not None
                               and not re.search(r"\d", before.group(0)) for m in found)


def _next_session_year(year: int, noun: str, evidence: Evidence) -> bool:
    """Whether the report asked is of the year after the one a report is dated in, which its
    session runs into, its symbols writing no year: A/52/613, dated November 1997, is no 1998
    report (a report dated January 2025 may be the 2024 report)."""
    return noun == "report" and bool(evidence.date) and not any(year_of_symbol(s) for s in evidence.symbols) \
        and year in issue_years(evidence.symbols) and year > int(evidence.date[:4]) \
        and year not in written_years(evidence.title)


def _its_own(year: int, noun: str, evidence: Evidence) -> bool:
    """Whether the dated thing is the document itself: a report of a year, issued the next ("the
    2024 report" of "Report of the Ethics Office 2024"), or a report by the year it is dated ("the
    December 2024 report" of E/CN.6/2025/4, dated 16 December 2024); not the report of the year
    after its date that its session runs into (`_next_session_year`), nor a thing of a year of the
    plan's span the title names ("the 2022 survey" of a report on the strategic plan, 2022-2025)."""
    if _next_session_year(year, noun, evidence):
        return False
    return year in issue_years(evidence.symbols) or year in _title_years(evidence) \
        or (noun == "report" and evidence.date[:4] == str(year))


# A sentence telling that a meeting was held, by the verbs the documents use.
_HELD = re.compile(r"\b(?:was|were)\s+(?:held|convened|opened)\b|\btook\s+place\b", re.IGNORECASE)


def _held_in(noun: str, paragraph: str) -> set[int]:
    """The years of the days on which a sentence of the paragraph says the thing was held ("The
    eighth meeting of the Forum ... was held in Santiago from 31 March to 4 April 2025")."""
    thing = re.compile(rf"\b{noun}s?\b", re.IGNORECASE)
    return {m.year for sentence in split_sentences(paragraph) if thing.search(sentence) and _HELD.search(sentence)
            for m in named_months(sentence) if m.day is not None}


def _recalled_only(c: Constraint, pairs: list[tuple[int, str]], evidence: Evidence) -> Mismatch | None:
    """A paragraph naming no year is about the dated thing its document names most ("the 2025
    forum" throughout), not the asked one it recalls ("the 2024 forum", once); None where the
    paragraph writes a year in any form ("decision 2024/15", "E/FFDF/2024/3"), where the thing is
    a year itself ("the financial year 2024"), or where the document names the asked one most or
    two alike. Its headings are not read: they name the 2030 Agenda."""
    y, noun = c.value.split(" ", 1)
    if noun == "year" or ANY_YEAR.search(evidence.paragraph):
        return None
    most = Counter(m for m, kind in pairs if kind == noun).most_common(2)
    if most[0][0] == int(y) or len(most) > 1 and most[0][1] == most[1][1]:
        return None
    return Mismatch(c, f"the {most[0][0]} {noun}")


def written_years(text: str) -> set[int]:
    """The years a text writes, a period's first and last included but not the years between ("the
    strategic plan, 2022-2025" writes no 2023)."""
    return {int(y) for y in YEAR.findall(text)} | {y for period in periods(text) for y in period}


def _names_year_and(year: int, noun: str, text: str) -> bool:
    """Whether a sentence of the text names the year, not as an end of a period, and the thing,
    in any order ("In July 2024, the Network conducted an online satisfaction survey" names the
    2024 survey; "the Strategic Plan 2026-2029 ... the session" names no 2026 session)."""
    if noun == "year":  # "the financial year 2024" is the year itself, which any sentence may name
        return False
    thing = re.compile(rf"\b{noun}s?\b", re.IGNORECASE)
    return any(str(year) in YEAR.findall(RANGE.sub(" ", DATE_TO.sub(" ", sentence))) and thing.search(sentence)
               and not any(n == noun and y != year for y, n in dated_things(sentence))  # "the 2025 budget"
               for sentence in split_sentences(text))


def _span(years_: set[int]) -> str:
    return f"{min(years_)}-{max(years_)}" if len(years_) > 1 else str(min(years_))


# A year the question asks about, absent from the best paragraph, which names a year this close
# to it instead, is the wrong year's figure ("in 2024, 21,762 migrants..." for 2023; "3.1 per
# cent in 2023" for 2019).
NEAR_YEARS = 4
# A range of more years than this ("the Decade (2021-2030)") names no year inside it but its ends.
LONG_PERIOD = 6


# A session's year in brackets: "(a) Seventieth session (2026): Priority theme: ..." (no resolution's year).
_SESSION_YEAR = re.compile(r"\bsession\s+\(((?:19|20)\d\d)\)", re.IGNORECASE)


def check_fact_year(question: str, found: list[Constraint], evidence: Evidence) -> Mismatch | None:
    """The question's year the paragraph replaces with a neighbouring one: none of the question's
    years is in the paragraph, which names a year within NEAR_YEARS of it (`_neighbouring_year`)."""
    asked = _fact_years(question, found, evidence)
    text = without_symbols(evidence.paragraph)
    if not _NAMING_YEAR.search(question):  # "the 2030 Agenda" writes no year a fact is asked of
        text = _NAMING_YEAR.sub(" ", text)
    named = years(text, LONG_PERIOD) | {int(y) for y in _SESSION_YEAR.findall(text)}
    written = named | _years_anywhere(text, evidence)
    asked_years = {int(c.value) for c in asked}
    counted = _counted_from(asked, text, question)
    if counted is not None:
        return counted
    if asked and not written & asked_years and not _dating_years(text, question):
        yearless = _yearless_fact(asked, written, text, evidence)  # no year, or only years that date nothing it tells
        if yearless is not None or not written:
            return yearless
    other = _figure_of_another_time(question, asked, text) or _year_only_beside(question, asked, found, text, evidence)
    if other is not None:
        return other
    if not asked or not named or written & asked_years:
        return None
    return _neighbouring_year(asked, named, text, evidence.symbols, question, evidence.title) \
        or _event_dated(asked, text, question) \
        or _own_time_only(asked, named, evidence, question) or _thing_dated_otherwise(asked, text, question) \
        or _figure_of_other_year(asked, text, question)


def _year_only_beside(question: str, asked: list[Constraint], found: list[Constraint], text: str,
                      evidence: Evidence) -> Mismatch | None:
    """The asked year the paragraph writes only to compare with (`_only_compared`), in sentences
    that do not name what the question asks of by its title ("did the Democratic League of Kosovo
    win", "were won by the Democratic League of Kosovo"): "the Democratic League of Kosovo 18.27
    per cent (20 seats) ... women secure 45 seats in the legislature, compared with 44 in the 2021
    elections" gives the League's seats of another election than 2021's (S/2025/200, para. 11).
    Not a sentence on the one told of before ("Its share ..."), nor a question asking for a
    comparison."""
    titled = [c.label for c in found if c.kind == "titled" and
              re.search(rf"\b(?:did|does|do|has|have|had|was|were|is|are|by)\s+(?:the\s+)?{re.escape(c.label)}\b",
                        question)]
    if not titled or _ASKS_COMPARED.search(question):
        return None
    for c in asked:
        if not _only_compared(int(c.value), text):
            continue
        beside = [sentence for sentence in split_sentences(text) if c.value in sentence]
        if any(_TOLD_BEFORE.match(sentence) for sentence in beside):
            return None  # "Its share was lower than in the 2021 elections": of the one told of before
        if any(name.lower() in text.lower() and name.lower() not in " ".join(beside).lower() for name in titled):
            return Mismatch(c, _main_year(evidence, {int(c.value)}), "names {label} only to compare with {found}")
    return None


# A question asking for a comparison ("How did ... compare with 2021?", "more than in 2021").
_ASKS_COMPARED = re.compile(r"\b(?:compar\w*|than|change\w*|versus|increase\w*|decrease\w*|rise|rose|fell|fall)\b",
                            re.IGNORECASE)
# A sentence telling of the one a sentence before named: "Its share was lower than ...".
_TOLD_BEFORE = re.compile(r"\s*(?:It|Its|Their|They|This|These|That|Those|He|She|His|Her)\b")


# The thing a question dates by its year: "the 2008 plebiscite", "December 1998 status vote".
_ASKED_THING = re.compile(rf"(?:\b(?:a|an|the|its|their)|['’]s)\s+(?:(?:\d{{1,2}}\s+)?{MONTH_PATTERN}\s+)?"
                          r"((?:19|20)\d\d)((?:\s+[a-z][\w-]*){1,2})")
# Events a paragraph tells of in a sentence opening on their time: "In July 2005, a vote was held".
_EVENTS = r"(?:votes?|plebiscites?|referendums?|referenda|elections?|polls?|census(?:es)?)"
# A thing a paragraph dates by a year: "a 1993 plebiscite", "In July 2005, a vote was held".
_THING_DATED = re.compile(rf"\b(?:a|an|the|its|their|this)\s+((?:19|20)\d\d)((?:\s+[a-z][\w-]*){{1,2}})|"
                          rf"\b[Ii]n\s+(?:\d{{1,2}}\s+)?(?:{MONTH_PATTERN}\s+)?((?:19|20)\d\d),\s+(?:a|an|the)"
                          rf"((?:\s+[a-z][\w-]*)?\s+{_EVENTS})\b")
# Words after which a dated thing is another than the one told of: "the first since the 2011 elections".
_SET_APART_BEFORE = re.compile(r"\b(?:since|unlike|following|after|before|as\s+in|than|compared\s+(?:with|to)|"
                               r"up\s+from|down\s+from|previous|preceding|prior)\b[^.;]*$", re.IGNORECASE)


def _thing_dated_otherwise(asked: list[Constraint], text: str, question: str) -> Mismatch | None:
    """A thing the question dates by the asked year ("the 2008 plebiscite") that the paragraph,
    never writing that year, dates by another ("a 1993 plebiscite"; "In July 2005, a vote was held"
    for "the December 1998 status vote"), however far: another one of its kind. Not a thing named by
    its year that a check of its own reads (rag.answer.years.DATED_NOUNS: a report, a session), nor
    one set apart from the one told of ("compared with 44 in the 2021 elections", "the first since
    the 2011 elections"). The question dates the thing by a determiner or an owner before the year
    ("the 2008 plebiscite", "Puerto Rico's December 1998 status vote"), not "in 2024 on gender"."""
    for c in asked:
        heads = {terms(m.group(2))[-1] for m in _ASKED_THING.finditer(question) if m.group(1) == c.value
                 and terms(m.group(2))}
        heads -= {stem for noun in DATED_NOUNS for stem in terms(noun)}
        for m in _THING_DATED.finditer(text):
            year, words = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            if year != c.value and heads & set(terms(words)) and not _compared_before(text, m.start(),
                                                                                       _SET_APART_BEFORE):
                return Mismatch(c, year)
    return None


# A question asking for a figure in other words than "how many": "What was the financial value of ...?"
_ASKS_FIGURE = re.compile(r"\b(?:value|amount|total|sum|cost|number|figure|rate|growth|peak|record\s+(?:high|low))\b",
                          re.IGNORECASE)


def check_quote_figure_year(question: str, quote: str, paragraph: str, found: list[Constraint]) -> Mismatch | None:
    """A figure asked for one year of a quote that never writes it and gives its figure for
    another ("The Niger is projected to achieve ... growth of 6.6 per cent in 2025" for the
    Niger's growth in 2027), in a paragraph giving none for the asked year: the sentence the
    question chose tells of another year."""
    asked = [c for c in found if c.kind == "year"]
    if len(asked) != 1 or re.search(rf"(?<![\d/]){asked[0].value}(?![\d/])", quote) \
            or _gives_figure_for(int(asked[0].value), paragraph, question):
        return None
    mismatch = _figure_of_other_year(asked, without_symbols(quote), question)
    return None if mismatch is None else replace(mismatch, template="gives {found}'s figure, not {label}'s")


# A day or month written without its year ("As at 30 April", "Since January"): a time of the
# document's own, which a figure may be given for.
_YEARLESS_DATE = re.compile(rf"\b(?:\d{{1,2}}\s+{MONTH_PATTERN}|(?:[Ss]ince|[Aa]s\s+(?:at|of)|[Ii]n|[Bb]y)\s+"
                            rf"{MONTH_PATTERN})\b(?!,?\s+(?:19|20)\d\d)")


def _figure_of_other_year(asked: list[Constraint], text: str, question: str) -> Mismatch | None:
    """A figure asked for one year (`_ONE_YEAR_ASKED`) of a paragraph that never writes the year
    and gives its figure for another ("totalled $317.5 million in 2024" for "in 2025", "a revised
    budget of $3.01 million for 2025" for "in 2024"), not one only compared with ("up from 95 in
    2024") or counted from ("since 2023"), where no day or month without its year ("As at 30 April")
    may give a figure of the document's own year: `_neighbouring_year` lets a document's own years
    go unwritten, not a figure dated otherwise."""
    if len(asked) != 1 or not _ONE_YEAR_ASKED.search(question) or not (
            question_type(question) == "number" or _ASKS_FIGURE.search(question)):
        return None
    year = int(asked[0].value)
    if _YEARLESS_DATE.search(text):
        return None  # "As at 30 April, ... totalled $45 million": a figure of the document's own year
    compared = _compared_years(text) | {int(y) for y in re.findall(_COMPARED + r"(?:the\s+)?((?:19|20)\d\d)\b", text)}
    compared |= {int(y) for y in _SINCE_YEAR.findall(text)}
    other = sorted(y for y in years(text) if y != year and y not in compared and abs(y - year) <= NEAR_YEARS
                   and _gives_figure_for(y, text, question))
    return Mismatch(asked[0], str(min(other, key=lambda y: abs(y - year)))) if other else None


def _report_month_years(question: str) -> set[int]:
    """The years of the months the question names a report by (REPORT_ISSUED: "the report on
    UNSMIL of April 2025"), which date no fact it asks for, unless the question writes the year
    again outside symbols and resolutions' years ("... of April 2025 say about the elections held
    in 2025"; not "(S/2025/223)")."""
    dating = [m.year for m in named_months(question) if REPORT_ISSUED.search(question[:m.start])]
    written = without_symbols(question)
    return {y for y in dating if len(re.findall(rf"(?<!\d){y}(?!\d)", written)) <= dating.count(y)}


def _fact_years(question: str, found: list[Constraint], evidence: Evidence) -> list[Constraint]:
    """The question's year constraints that date the fact asked, not a written thing, a document, an
    instrument or an event named by its year."""
    dated = {c.value.split(" ", 1)[0] for c in found if c.kind == "dated" and c.value.split(" ", 1)[1] in WRITTEN_NOUNS}
    dated |= {str(y) for y in _naming_years(question) | _report_month_years(question)} \
        | _instrument_years(question, evidence.paragraph) \
        | _event_years(question, evidence.paragraph) | _own_event_years(question, evidence)
    return [c for c in found if c.kind == "year" and c.value not in dated]


_MONTH_YEAR = re.compile(rf"\b({MONTH_PATTERN})\b(?:\s+((?:19|20)\d\d)\b)?")
# A yearless month that a range closes with a year ("Between January and June 2024") or that looks
# back ("compared with 95 in November", "since April").
_CLOSED_RANGE = re.compile(rf"\s*(?:and|to|through|[–-])\s*(?:\d{{1,2}}\s+)?{MONTH_PATTERN}\s+(?:19|20)\d\d")
_LOOKING_BACK = re.compile(r"\b(?:compared\s+(?:with|to)|than|since|from|previous|earlier|last)\s+(?:\S+\s+){0,3}$",
                           re.IGNORECASE)
_LATE_MONTH, _EARLY_MONTH = 9, 5  # October and after, June and before (0-based)


def rolled_over_years(text: str) -> set[int]:
    """The year a text's yearless early month falls in after a late month of the year before: "In
    December 2024, UNESCO completed ... The work on the Nuri mosque was completed in March" tells
    of March 2025 (S/2025/323, para. 46). Not a month a range closes with a year, nor one looking
    back ("compared with 95 in November")."""
    out: set[int] = set()
    year, month = None, 0
    for m in _MONTH_YEAR.finditer(text):
        index = MONTH_NAMES.index(m.group(1))
        if m.group(2):
            year, month = int(m.group(2)), index
        elif year is not None and month >= _LATE_MONTH and index <= _EARLY_MONTH \
                and not _CLOSED_RANGE.match(text, m.end()) \
                and not _LOOKING_BACK.search(text[max(0, m.start() - 40):m.start()]):
            year, month = year + 1, index
            out.add(year)
    return out


# A year that names an instrument ("the 1974 agreement", "the 1951 Refugee Convention", "the 2015
# Addis financing agenda"): the paragraph applying it today need not write it (S/2025/350, para.
# 41: "violates the Agreement").
_INSTRUMENT_YEAR = re.compile(r"\b(?:the|its|their|a)\s+((?:19|20)\d\d)\s+(?:[A-Za-z][\w-]*\s+){0,3}?"
                              r"(?:agreements?|conventions?|protocols?|accords?|treat(?:y|ies)|charter|constitution|"
                              r"deals?|agendas?|declarations?|compacts?|pacts?|covenants?|statutes?)\b",
                              re.IGNORECASE)


# Years that date nothing a paragraph tells: an instrument's ("the Declaration on the Granting of
# Independence ... of 1960", "the 2030 Agenda", "Agenda 2063"), and, unless the question asks
# since when, where a total counts from ("since 2000").
_INSTRUMENT_DATES = re.compile(r"\b(?:Declaration|Convention|Covenant|Charter|Protocol|Agreement|Treaty)\b"
                               r"[^.;,]{0,100}?\bof\s+(?:\d{1,2}\s+[A-Z][a-z]+\s+)?(?:19|20)\d\d\b|"
                               r"\b(?:the\s+)?2030\s+Agenda\b|\bAgenda\s+20\d\d\b|" + _INSTRUMENT_YEAR.pattern,
                               re.IGNORECASE)
_SINCE_A_YEAR = re.compile(r"\bsince\s+(?:19|20)\d\d\b(?!\s*[-–/])", re.IGNORECASE)
# Time counted from something: "In the five years after the peace agreement", "since".
_COUNTS_FROM = re.compile(r"\b(?:years?|months?)\s+(?:after|since|following)\b|\bsince\b", re.IGNORECASE)
# A year dating an earlier thing in a clause of the past perfect: "restrictions ... that had been
# adopted in 2013" (what the paragraph tells was done later).
_EARLIER_THING = re.compile(rf"\b(?:that|which)\s+had\s+(?:been\s+)?[a-z]+ed\b[^.;,]{{0,40}}?\bin\s+"
                            rf"(?:\d{{1,2}}\s+)?(?:{MONTH_PATTERN}\s+)?(?:19|20)\d\d\b")


def _dating_years(text: str, question: str) -> set[int]:
    """The years of the text that may date what it tells: without `_INSTRUMENT_DATES` unless the
    question names an instrument by its year itself ("under the 2018 Revitalized Agreement": "the
    2015 Agreement" is another), without `_EARLIER_THING` unless it counts time from something
    (`_COUNTS_FROM`), and without `_SINCE_A_YEAR` unless the question asks since when."""
    if not _INSTRUMENT_YEAR.search(question):
        text = _INSTRUMENT_DATES.sub(" ", text)
    if not _COUNTS_FROM.search(text):
        text = _EARLIER_THING.sub(" ", text)
    return years(text if re.search(r"\bsince\b", question, re.IGNORECASE) else _SINCE_A_YEAR.sub(" ", text))


def _years_anywhere(text: str, evidence: Evidence) -> set[int]:
    """The years a paragraph writes anywhere ("(2010)" too) and those its yearless months roll into
    (`rolled_over_years`), up to its document's own time."""
    anywhere = {int(y) for y in re.findall(r"(?<![\d/])((?:19|20)\d\d)(?![\d/])", text)}
    issued = _own_years(evidence)
    return anywhere | {y for y in rolled_over_years(text) if not issued or y <= max(issued)}


def _instrument_years(question: str, paragraph: str) -> set[str]:
    """The years that name an instrument the question asks of, where the paragraph names no other
    instrument by its year ("the 2015 Agreement" does not answer for "the 2018 Revitalized Agreement")."""
    asked = set(_INSTRUMENT_YEAR.findall(question))
    return asked if set(_INSTRUMENT_YEAR.findall(paragraph)) <= asked else set()


# A year that dates a storm the question names ("the 2017 storm Irma", "the 2023 Hurricane Otis"):
# a paragraph that names the storm and no year need not write its year (A/AC.109/2025/20, para. 92:
# "the aftermath of Hurricane Irma"). Storms are named; earthquakes are not ("the 2023 earthquake
# Flash Appeal").
_EVENT_YEAR = re.compile(r"\b((?:19|20)\d\d)\s+(?:[a-z][\w-]*\s+)?(?i:storm|hurricane|cyclone|typhoon|tropical\s+storm)"
                         r"\s+([A-Z][a-z]{2,})\b(?!\s+(?:[A-Z]|appeal|response|plan|fund))")


def _event_years(question: str, paragraph: str) -> set[str]:
    """The years that date a named storm of the question that the paragraph names, where it writes
    no year."""
    if ANY_YEAR.search(paragraph):
        return set()
    return {m.group(1) for m in _EVENT_YEAR.finditer(question) if re.search(rf"\b{m.group(2)}\b", paragraph)}


def _own_time_only(asked: list[Constraint], named: set[int], evidence: Evidence, question: str) -> Mismatch | None:
    """A paragraph whose past years are all its document's own time (its issue year and the year
    before) asked of an earlier year, which it never names: "In 2024, there were 167 United
    Nations Volunteers aged 60 and above" (DP/2025/19, para. 32) for "the average age of UN
    Volunteers in 2019", as `_check_yearless` reads a paragraph naming no year. A period its title
    names (the Third Industrial Development Decade for Africa, 2016-2025) is own time it may tell
    of, not the time it tells of: asked of 2019, "in 2024" is still another year."""
    issued = _own_years(evidence)
    if not issued or len(asked) != 1 or (_CITED_TEXT.search(evidence.paragraph) and _ASKS_TEXT.search(question)):
        return None  # "resolution 73/140", asked of, was adopted in a year the paragraph does not write
    own = _own_time(evidence, issued)
    told = {y for y in named if y <= max(issued)}  # not a goal's year ("Youth2030")
    if told and told <= own and int(asked[0].value) < min(_and_years_before(issued) | told):
        return Mismatch(asked[0], str(max(told)))
    return None


_CITED_TEXT = re.compile(r"\b(?:resolutions?|decisions?)\s+(?:[A-Z]+/)*\d+/\d+", re.IGNORECASE)
_ASKS_TEXT = re.compile(r"\b(?:resolutions?|decisions?)\b", re.IGNORECASE)


def _own_time(evidence: Evidence, issued: set[int]) -> set[int]:
    """The years a document's paragraphs may tell of unnamed: those it is `issued` in, the year
    before and those its title names ("Board of Auditors for 2023"), not a plan's span it names
    ("on the implementation of the Strategic Plan 2022–2025")."""
    return _and_years_before(issued) | _title_years(evidence)


def _title_years(evidence: Evidence) -> set[int]:
    """The years the document's title writes, a plan's span it names left out (`_PLAN_SPAN`)."""
    return written_years(_PLAN_SPAN.sub(" ", evidence.title))


# A plan, strategy or framework named by its span: "Strategic Plan 2022–2025", "the strategic
# framework, 2024-2027".
_PLAN_SPAN = re.compile(r"\b(?:[Pp]lan|[Ss]trateg(?:y|ies)|[Ff]ramework|[Pp]rogramme|[Dd]ecade|[Cc]ompact)s?,?\s+"
                        r"(?:for\s+(?:the\s+(?:period|years)\s+)?)?(?:19|20)\d\d\s*(?:[–—-]|to)\s*(?:19|20)?\d\d\b")


_SINCE_YEAR = re.compile(r"\bsince\s+((?:19|20)\d\d)\b", re.IGNORECASE)
# A question about what started in a year, which "since" that year answers ("deployed since 2011").
_STARTED = re.compile(r"\b(?:established|created|set up|founded|deployed|began|begun|started|launched|mandated|"
                      r"introduced|opened|initiated|inaugurated|first)\b", re.IGNORECASE)


def _counted_from(asked: list[Constraint], text: str, question: str) -> Mismatch | None:
    """An asked year the paragraph writes only to count from ("the first legislative elections
    since 2011 and the reported voter turnout was 52.37 per cent", S/2025/342, para. 8): its
    figures are of a later time. Only for a figure of one year; not for a question counting from a
    time itself ("since 2011", "Since countries began ... in 2019") or asking what started then."""
    if len(asked) != 1 or question_type(question) != "number" or re.search(r"\bsince\b", question, re.IGNORECASE) \
            or _STARTED.search(question):
        return None
    year = int(asked[0].value)
    since = [int(y) for y in _SINCE_YEAR.findall(text)].count(year)
    if since and since == len(re.findall(rf"(?<![\d/]){year}(?![\d/])", text)):
        return Mismatch(asked[0], f"since {year}", "tells of the time {found}, not {label}")
    return None


# A verb telling of an event ("held", "adopted", "launched"), not a noun dated with it ("its
# session in 1981", A/AC.182/2025/L.1, para. 5).
_EVENT_VERB = re.compile(r"[a-z]{2,}ed|held|began|begun|taken|built", re.IGNORECASE)


def _event_dated(asked: list[Constraint], text: str, question: str) -> Mismatch | None:
    """The one year the question asks an event for ("Where was the Caribbean regional seminar
    held in 2025?") that the paragraph, never naming it, dates with another year however far by
    the question's own verb ("held in Quito in May 2013", A/AC.109/2025/L.13, para. 36), and
    tells of with no other date: the paragraph tells of another year's event."""
    if len(asked) != 1:
        return None
    found = [m for m in _asked_dated_words(text, question, with_place=False)
             if _EVENT_VERB.fullmatch(m.group(1))]
    dated = sorted({int(m.group(3)) for m in found})
    # the verb told of an event without a year too ("was held in Dili from 21 to 23 May. It followed
    # the seminar held in Quito in May 2013"): the asked event may be that one
    undated = any(len(re.findall(rf"\b{re.escape(m.group(1))}\b", text)) > 1 for m in found)
    return Mismatch(asked[0], str(dated[0])) if len(dated) == 1 and not undated else None


# A year opening an event's name: "the 2025 UN Ocean Conference", "the 2024 Summit of the Future".
_NAMED_EVENT = re.compile(r"\b((?:19|20)\d\d)\s+(?:[A-Z][\w-]*\s+){1,5}(Conference|Summit|Forum)\b")


def _own_event_years(question: str, evidence: Evidence) -> set[str]:
    """The years opening the name of an event the question asks of that are its document's own,
    the masthead naming such an event (the conference's own document, A/CONF.230/2025/3, of "the
    2025 UN Ocean Conference"; not a regional commissions' report of 2025 for "the 2025
    Asia-Pacific Forum"): the year names the event, whose paragraphs tell of its preparation in
    other years ("In February 2024, the Secretary-General ... nominated ... Secretary-General of
    the Conference")."""
    own = {str(y) for y in _own_years(evidence)}
    return {m.group(1) for m in _NAMED_EVENT.finditer(question)
            if m.group(1) in own and re.search(rf"\b{m.group(2)}\b", evidence.masthead)}


def _naming_years(question: str) -> set[int]:
    """The years only the question's leading clause that names its document writes ("In the
    Secretary-General's proposals on ... themes for 2026 and beyond, how many ...?"): they name the
    document, which `check_year` holds them against, not the time of the fact asked."""
    clause = document_clause(question)
    return years(clause) - years(question.replace(clause, " ")) if clause else set()


def _figure_of_another_time(question: str, asked: list[Constraint], text: str) -> Mismatch | None:
    """For a figure asked for one year (`_ONE_YEAR_ASKED`), the paragraph that gives it only for a
    period holding the year or for another year it compares the asked one with."""
    if len(asked) != 1 or not _ONE_YEAR_ASKED.search(question) or question_type(question) != "number" \
            or asks_ordinal_count(question):
        return None
    return _pooled_period(asked, text) or _compared_year(asked[0], text, question)


# A question asking for one year's figure: the year after "in", "for" or "of", and no other year
# ("between November 2023 and December 2024", "over the ten years to 2034" ask for a period).
# Months before a year: "June 2024", "1 June 2024", "June and July 2024", "April to June 2024".
_MONTHS = (rf"(?:(?:\d{{1,2}}\s+)?{MONTH_PATTERN}(?:\s*(?:and|to|–|-)\s*(?:\d{{1,2}}\s+)?{MONTH_PATTERN})?\s+)?")
_ONE_YEAR_ASKED = re.compile(r"^(?!.*(?:19|20)\d\d\b.*\b(?:19|20)\d\d\b).*\b(?:in|for|of|during)\s+"
                             r"(?:(?:early|mid|late)-?\s*)?" + _MONTHS + r"(?:19|20)\d\d\b")


# A figure: digits that are no year, or a number word (rag.answer.answertype.CARDINALS).
_FIGURE = (r"(?:(?<![\w.,/-])(?!(?:19|20)\d\d\b)\d[\d,.]*(?![\w/-])|\b(?:one|" + CARDINALS + r")\b)")
# A comparison that names the year: "compared to the 2023 numbers", "up from four in 2023", "a 41
# per cent increase from 2023".
_COMPARED = (r"\b(?:compared\s+(?:to|with)|than|up\s+from|down\s+from|against|relative\s+to|"
             r"(?:increase|decrease|rise|drop|decline|reduction|growth)\s+from)\b(?:\s+[\w’'$%.,-]+){0,5}?\s+")


def _gives_figure_for(year: int, text: str, question: str) -> bool:
    """Whether the text gives a figure for the year: a sentence set in it ("In 2023, ..."), a
    figure up to eight words before "in/for/during 2023" ("four requests in 2023"; not "a decrease
    of 1.7 million compared with the same period in 2023", a change), or one up to six words
    after "in 2023" ("in 2023 the Office received 12")."""
    if year in framing_years(text, question):
        return True
    y = str(year)
    return re.search(rf"{_FIGURE}(?:\s+(?!compared\b|than\b)[\w’'%$-]+){{0,8}}?\s+(?:in|for|during|of)\s+(?:the\s+(?:year\s+)?)?{_MONTHS}{y}\b"
                     rf"|\b(?:in|during)\s+{y},?(?:\s+[\w’'$-]+){{0,6}}?\s+\$?{_FIGURE}", text) is not None


def _compared_year(c: Constraint, text: str, question: str) -> Mismatch | None:
    """A figure asked for a year that the paragraph names only as the one its figures for another
    year are compared with ("644 requests ... in 2024 ... compared to the 2023 numbers" for "How
    many requests ... in 2023?"): the figures are the other year's. The comparison must be written
    (`_COMPARED`); a paragraph giving the year's own figure ("up from four in 2023") answers."""
    year = int(c.value)
    if not re.search(_COMPARED + rf"(?:the\s+)?{year}\b", text) or _gives_figure_for(year, text, question):
        return None
    other = sorted(y for y in years(text) if y != year and _gives_figure_for(y, text, question))
    return Mismatch(c, str(min(other, key=lambda y: abs(y - year)))) if other else None


def _pooled_period(asked: list[Constraint], text: str) -> Mismatch | None:
    """A figure asked for a year that the paragraph gives only for a period of several years
    holding it, the figure right before the period ("18,512 in 2018-2021" for "How many Volunteers
    did UNV mobilize in 2021?"): the figure is the period's, not the year's."""
    alone = {int(y) for y in YEAR.findall(_NUMBERED_BY_YEAR.sub(" ", RANGE.sub(" ", DATE_TO.sub(" ", text))))}
    spans = periods(text)
    for c in asked:
        year = int(c.value)
        holding = sorted(p for p in spans if p[0] <= year <= p[1] and _figure_of_period(p, text))
        if holding and year not in alone:
            return Mismatch(c, f"{holding[0][0]}-{holding[0][1]}")
    return None


def _figure_of_period(period: tuple[int, int], text: str) -> bool:
    """Whether a figure stands right before the period ("18,512 in 2018–2021"; not "For its term
    2024–2025, the Committee is composed of 25 members")."""
    start, end = period
    return re.search(rf"{_FIGURE}(?:\s+[\w’'%$-]+){{0,3}}?\s+(?:in|for|during|over)\s+(?:the\s+(?:period\s+)?)?"
                     rf"{start}\s*[-–—/]\s*(?:{end}|{end % 100:02d})\b", text) is not None


def _neighbouring_year(asked: list[Constraint], named: set[int], text: str, symbols: tuple[str, ...],
                       question: str, title: str = "") -> Mismatch | None:
    """The first asked year for which the paragraph `text` names a year within NEAR_YEARS: unless
    the asked year is the document's own (its symbol's or session's, or the year before), which
    its paragraphs may tell of without naming it, except where the nearest year is the time the
    paragraph tells of (`framing_years`). A year before the asked one that the paragraph names only
    to compare with is none (`_compared_years`). The mismatch names the year the paragraph tells of
    where it is one of those near ("In 2024, ..." over an aside on 2022), else one it does not only
    compare with, else the year its document's `title` names, else its symbol's ("compared with 44
    in the 2021 elections" in S/2025/200 tells of 2025)."""
    own = issue_time(symbols)
    framed = framing_years(text, question)
    compared = _compared_years(text)
    for c in asked:
        near = sorted((y for y in named if abs(y - int(c.value)) <= NEAR_YEARS
                       and not (y in compared and y < int(c.value))), key=lambda y: abs(y - int(c.value)))
        if near and (int(c.value) not in own or near[0] in framed):
            told = [y for y in near if y in framed] or [y for y in near if y not in compared] \
                or _most_named(title, {int(c.value)} | compared, max(own, default=None)) \
                or sorted(issue_years(symbols), reverse=True) \
                or near
            return Mismatch(c, str(told[0]))
    return None


def _most_named(text: str, besides: set[int], latest: int | None) -> list[int]:
    """The year the text names most often (the later on a tie), none of `besides` nor after
    `latest` (its document's issue: "the 2030 Agenda" names a thing); [] where it names none."""
    named = [int(y) for y in YEAR.findall(text) if int(y) not in besides and (latest is None or int(y) <= latest)]
    return [max(set(named), key=lambda y: (named.count(y), y))] if named else []


_SET_BESIDE = re.compile(rf"\b(?:{BESIDE_WORDS})\b[^.;]*$", re.IGNORECASE)


def _compared_years(text: str) -> set[int]:
    """The years a text names only as the ones compared with (`_SET_BESIDE`): "30 audit
    recommendations for the period under review, compared to 19 recommendations in 2022" tells of
    a time after 2022."""
    found: dict[int, bool] = {}
    for m in re.finditer(r"(?<![\d/])((?:19|20)\d\d)(?![\d/])", text):
        year = int(m.group(1))
        found[year] = found.get(year, True) and _compared_before(text, m.start(), _SET_BESIDE)
    return {y for y, only in found.items() if only}


# A question asking of part of a period: "in the first three years of UNV's 2022–2025 framework".
# ("the first two years of", "the last three years of"; "so far" and "to date" from its start).
_PART_ASKED = re.compile(r"\b(first|last|final|initial)\s+(two|three|four|five|six|\d)\s+years\s+of\b"
                         r"|\b(so far|to date)\b", re.IGNORECASE)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def asks_part(question: str, period: tuple[int, int], told: set[tuple[int, int]]) -> bool:
    """Whether the question asks of part of the period and the paragraph gives that part (`told`):
    "23,400 in 2022–2024" for the first three years of 2022-2025 (DP/2025/19, para. 58); the last
    N years end with the period, and "so far" runs from its start to any year inside it."""
    start, end = period
    m = _PART_ASKED.search(question)
    if m is None:
        return False
    if m.group(3):
        return any(a == start and b < end for a, b in told)
    n = int(m.group(2)) if m.group(2).isdigit() else _COUNTS[m.group(2).lower()]
    part = (start, start + n - 1) if m.group(1).lower() in ("first", "initial") else (end - n + 1, end)
    return part in told


def written_periods(text: str) -> set[tuple[int, int]]:
    """The periods a text writes, "2022-2025" and "between 2022 and 2025" alike, outside symbols."""
    text = without_symbols(text)
    return periods(text) | periods(text, between=True)


def check_fact_period(question: str, found: list[Constraint], evidence: Evidence) -> Mismatch | None:
    """The question's period the paragraph replaces with another as long, within NEAR_YEARS of it,
    and does not name ("the budget for the fiscal year 2024/25" for "South Sudan's 2025/26
    budget"): the paragraph tells of the other period, unless it gives part of the asked one the
    question asks of (`asks_part`); however far, where that period is its document's own time and
    the paragraph writes no year outside it (`_dated_only_by`: "the 2022-2025 cycle" for 2014-2017);
    named as a period the paragraph does not only compare with (`_only_compared`) where one is.
    A period in a leading clause naming the report ("In the report on the integrated budget
    2026-2029, what share ... in 2022-2025?") is the report's, not the fact's."""
    named = written_periods(evidence.paragraph)
    of_fact = periods(focus(question))  # not a period naming the report in a leading clause
    for c in found:
        if c.kind != "period":
            continue
        start, end = (int(x) for x in c.value.split("-"))
        if (start, end) in named or (start, end) not in of_fact or asks_part(question, (start, end), named):
            continue
        alike = sorted((p for p in named if p[1] - p[0] == end - start
                        and (abs(p[0] - start) <= NEAR_YEARS or _dated_only_by(p, evidence))),
                       key=lambda p: abs(p[0] - start))
        if alike:
            told = [p for p in alike if not _only_compared(p[0], evidence.paragraph)] or alike
            return Mismatch(c, f"{told[0][0]}-{told[0][1]}")
    return None


def _only_compared(year: int, text: str) -> bool:
    """Whether the text writes the year only after words that set it beside the time told of
    (`rag.answer.timing.SET_AGAINST`): "22 per cent lower than that of fiscal year 2023/24"
    tells of another period."""
    spots = [m.start() for m in re.finditer(rf"(?<![\d/]){year}(?!\d)", text)]
    return bool(spots) and all(set_against(text, at) for at in spots)


def _dated_only_by(period: tuple[int, int], evidence: Evidence) -> bool:
    """Whether the period holds its document's own time (`_own_time`: the paragraph's "2022-2025
    cycle" in a 2025 report, not "the Istanbul Programme of Action (2011-2020)" a programme builds
    on) and every year the paragraph writes (its symbols' aside) lies within it."""
    issued = _own_years(evidence)
    return bool(issued) and any(period[0] <= y <= period[1] for y in _own_time(evidence, issued)) \
        and all(period[0] <= y <= period[1] for y in written_years(without_symbols(evidence.paragraph)))


# A sentence set in a year by its opening words: "In 2024, ...", "During 2023, ...", "In July
# 2024, ...", "As at 31 December 2024, ...", "At its 2025 session, ...".
_FRAME = re.compile(rf"^(?:In|On|During|Throughout|For|By the end of|At the end of|As (?:at|of)|At (?:its|their) )"
                    rf"\s*(?:(?:early|mid|late)-?\s*)?(?:\d{{1,2}}\s+)?(?:{MONTH_PATTERN}\s+)?((?:19|20)\d\d)\b")


# A sentence set in a period by its opening words: "In the period November 2023–December 2024, ...",
# "During the period from 1 July 2023 to 30 June 2024, ...": it tells of the period's years.
_PERIOD_FRAME = re.compile(rf"^(?:In|During|Over|Throughout)\s+the\s+period\s+(?:from\s+)?(?:\d{{1,2}}\s+)?"
                           rf"(?:{MONTH_PATTERN}\s+)?((?:19|20)\d\d)\s*(?:[–-]|to|through|until)\s*(?:\d{{1,2}}\s+)?"
                           rf"(?:{MONTH_PATTERN}\s+)?((?:19|20)\d\d)\b")


# The financial year the statements a paragraph tells of are for: "the UNDP financial statements for
# the year ended 31 December 2023" (not "an increase from $5 billion in the year ended ...").
_YEAR_ENDED = re.compile(rf"\bstatements\s+(?:[\w-]+\s+){{0,4}}?for\s+the\s+(?:financial\s+)?(?:year|period|biennium)"
                         rf"\s+ended\s+(?:\d{{1,2}}\s+)?{MONTH_PATTERN}\s+((?:19|20)\d\d)\b")


# A year before the name of a thing it dates: "its 2024 Caribbean seminar", "the 2025 Forum".
_YEAR_THING = re.compile(r"\b(?:its|their|the)\s+((?:19|20)\d\d)((?:\s+[A-Za-z][\w-]*){1,3})")


# A word dated by the words after it: "expires on 31 December 1997", "ends in 2026", "held in
# Dili from 21 to 23 May 2025", "held in Quito in May 2013".
_PLACE = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
_DAYS = rf"\d{{1,2}}(?:\s+{MONTH_PATTERN})?\s*(?:to|and|[–-])\s*\d{{1,2}}\s+{MONTH_PATTERN}\s+"
_DATED_WORD = re.compile(rf"\b([A-Za-z]{{4,}})\s+(?:in\s+({_PLACE})(?:,\s+{_PLACE})?,?\s+)?"
                         rf"(?:(?:on|in|by|until)\s+(?:\d{{1,2}}\s+)?(?:{MONTH_PATTERN}\s+)?|from\s+{_DAYS})"
                         rf"((?:19|20)\d\d)\b")


def framing_years(text: str, question: str) -> set[int]:
    """The years the text tells of: those that open its sentences as their time ("In 2024, the
    Fund allocated ...", "In the period November 2023–December 2024, the Group held ..."), the
    financial year its statements are for ("for the year ended 31 December 2023"), those that
    date a thing the question names ("held its 2024 Caribbean seminar" for "its Caribbean regional
    seminar in 2025"), and those that date a word the question asks with, or the place it names
    ("which expires on 31 December 1997" for "expire in 1998", "was held in Dili from 21 to 23 May
    2025" for "held in 2024"), or an event's bracketed date at the place the question names ("(May
    2024, Vienna)"); not a year compared with ("women secure 45 seats, compared with 44 in the 2021
    elections")."""
    openings = [sentence.strip() for sentence in split_sentences(text)]
    out = {int(m.group(1)) for sentence in openings if (m := _FRAME.match(sentence))}
    out |= {int(y) for sentence in openings if (m := _PERIOD_FRAME.match(sentence)) for y in m.groups()}
    out |= {int(y) for y in _YEAR_ENDED.findall(text)}
    asked = content_terms(question)
    for m in _YEAR_THING.finditer(text):  # not one compared with ("compared with 44 in the 2021 elections")
        thing = terms(m.group(2))
        if thing and thing[-1] in asked and not _compared_before(text, m.start()):
            out.add(int(m.group(1)))
    # the word or the place it names ("held in New York in 2024")
    out |= {int(m.group(3)) for m in _asked_dated_words(text, question, with_place=True)}
    # a listed event dated and placed in brackets, at the place it names ("(May 2024, Vienna)")
    out |= {int(m.group(1)) for m in _DATED_PLACE.finditer(text) if set(terms(m.group(2))) & asked}
    return out


# An event's month, year and place in brackets after its name: "The seventy-first session of the
# Scientific Committee (May 2024, Vienna)" (TPNW/MSP/2025/8, para. 13).
_DATED_PLACE = re.compile(rf"\((?:\d{{1,2}}(?:[–-]\d{{1,2}})?\s+)?{MONTH_PATTERN}\s+((?:19|20)\d\d),\s+"
                          r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})")


def _asked_dated_words(text: str, question: str, with_place: bool) -> list[re.Match[str]]:
    """The dated words of the text (`_DATED_WORD`) that the question asks with (its content terms),
    or whose place it names (`with_place`), not years compared with, nor the last word of another
    name than the question's ("the Summit of the Future in 2024" dates no "Pact for the Future")."""
    asked = content_terms(question)
    return [m for m in _DATED_WORD.finditer(text)
            if set(terms(f"{m.group(1)} {m.group(2) or ''}" if with_place else m.group(1))) & asked
            and not _compared_before(text, m.start()) and not _other_name_ending(text, m, question)]


# The head of a name whose last word follows: "Summit of the " (before "Future").
_NAME_HEAD = re.compile(r"\b([A-Z][\w'’-]+)\s+(?:of|for|on)\s+(?:the\s+)?$")


def _other_name_ending(text: str, dated: re.Match[str], question: str) -> bool:
    """Whether the dated word ends a name of the text ("Summit of the Future") while the question
    writes it ending a name with another head ("Pact for the Future"); not a word the question
    writes alone or after the same head ("the Government of Haiti in 2023" still dates Haiti)."""
    word = dated.group(1)
    head = _NAME_HEAD.search(text, 0, dated.start(1)) if word[:1].isupper() else None
    if head is None:
        return False
    heads = {m.group(1) for m in re.finditer(rf"\b([A-Z][\w'’-]+)\s+(?:of|for|on)\s+(?:the\s+)?{re.escape(word)}\b",
                                              question)}
    return bool(heads) and head.group(1) not in heads


# Words before a dated word that make its year the one compared with ("lower than during the
# previous elections in February 2021"), not the time the text tells of.
_COMPARED_BEFORE = re.compile(r"\b(?:than|compared\s+(?:with|to)|up\s+from|down\s+from|previous|preceding|prior)\b"
                              r"[^.;]*$", re.IGNORECASE)


def _compared_before(text: str, at: int, words: re.Pattern[str] = _COMPARED_BEFORE, reach: int = 60) -> bool:
    """Whether words of comparison (`_COMPARED_BEFORE`, or `words`) stand in the `reach` characters
    before `at`."""
    return words.search(text[max(0, at - reach):at]) is not None


def _yearless_fact(asked: list[Constraint], written: set[int], text: str, evidence: Evidence) -> Mismatch | None:
    """`_check_yearless`; said as such of a paragraph whose `written` years are all those of earlier
    things (`_EARLIER_THING`: "restrictions ... that had been adopted in 2013")."""
    found = _check_yearless(asked, evidence)
    earlier = {y for m in _EARLIER_THING.finditer(text) for y in years(m.group(0))}
    if found is not None and written and written <= earlier:
        return replace(found, template="dates only an earlier thing, and its document is of {found}, not {label}")
    return found


def _check_yearless(asked: list[Constraint], evidence: Evidence) -> Mismatch | None:
    """A paragraph that names no year tells of its document's own time (the years of its symbol,
    session and date, and the year before, and those its title names): a question about an
    earlier year is not answered by it ("Kosovo 2021 legislative elections number of certified
    candidates" of a 2025 report's "the legislative elections on 9 February")."""
    issued = _own_years(evidence)
    if not issued:
        return None
    own = _own_time(evidence, issued)
    earlier = [c for c in asked if int(c.value) < min(own)]
    if not earlier:
        return None
    dated = evidence.date[:4] if evidence.date[:4].isdigit() else _span(issued)  # the year it is dated, as said
    return Mismatch(earlier[0], dated, "names no year, and its document is of {found}, not {label}")


# Years after its issue within which a question's year may be one a document's events were done
# in only by mistake ("elected for its 2026 session" of a report dated April 2025); a year further
# on names a goal ("the 2030 Agenda").
LATER_YEARS = 2


def check_later_year(question: str, found: list[Constraint], evidence: Evidence) -> Mismatch | None:
    """A question about something done in a year after the document's masthead date that the
    paragraph does not name: the document cannot report it ("Who was elected to chair the
    Commission for its 2026 session?" of a report dated April 2025). A year the symbol or the
    title carries names the document ("as reported to the 2025 Statistical Commission" of
    E/CN.3/2025/8, issued in December 2024); a year something is made for or due by ("the 2026
    budget", "progress towards the 2025 targets", "report by 2026") is no time something was done.
    A year the question sets its act in ("decide in 2006") is checked however far after the
    document, and although the paragraph writes it: "until 31 December 2006" in 2001 is to come."""
    if not evidence.date[:4].isdigit() or not asks_done(question):
        return None
    issued = max([int(evidence.date[:4]), *(y for y in map(year_of_symbol, evidence.symbols) if y)])
    # a year with a month is rag.answer.timing's ("until 30 June 2026" ends a period)
    named = years(" ".join((evidence.paragraph, evidence.section, evidence.masthead))) \
        | written_years(evidence.title) | {m.year for m in named_months(question)}
    named |= {y for y, noun in dated_things(question) if noun in FORWARD_NOUNS}
    named |= {int(m.group(1)) for m in _TOWARDS_YEAR.finditer(question)}
    for c in found:
        if c.kind == "year" and issued < int(c.value) and (_done_in(question, c.value) or (
                int(c.value) <= issued + LATER_YEARS and int(c.value) not in named)):
            return Mismatch(c, str(issued), "dates from {found}, before {label}")
    return None


# An act of deciding set in a year: "decide in 2006", "adopted ... during 2024" (a few words between).
_DECIDED_IN = re.compile(r"\b(?:decid|adopt|approv|elect|endors|agree)\w*\b(?:\s+[\w'’-]+){0,6}?\s+(?:in|during)\s+"
                         r"((?:19|20)\d\d)\b", re.IGNORECASE)
# What was put to a body, whose decision is to come: "recommend (that) the Assembly decide in 2006".
_PROPOSED = re.compile(r"\b(?:recommend|propos|suggest|request|invit|urg|ask|expect|plan|project|estimat|"
                       r"forecast|will|would|should)\w*\b", re.IGNORECASE)


def _done_in(question: str, year: str) -> bool:
    """Whether the question sets a decision it asks about in the year ("What did the General
    Assembly decide in 2006 ...?"): a verb of deciding, adopting, approving or electing a few words
    before "in" or "during" the year, and no verb of proposing, expecting or projecting before it
    ("recommend the Assembly decide in 2006", "projected for 2050")."""
    return any(m.group(1) == year and not _PROPOSED.search(question[:m.start(1)])
               for m in _DECIDED_IN.finditer(question))


# A year something is due by or aimed at: "by 2026", "towards the 2025 targets" (not "for": "elected
# for its 2026 session" sets the election in 2026; "the budget for 2026" is a `dated` thing).
_TOWARDS_YEAR = re.compile(r"\b(?:by|towards|toward|until|through|before)\s+(?:the\s+|its\s+)?((?:19|20)\d\d)\b",
                           re.IGNORECASE)


# The year a figure or a decision is for: "appropriated ... a total amount of $60,963,800 for
# 2025", "the budget for the year 2024" (not a range's first year, "for 2024-2025").
_FOR_YEAR = re.compile(r"\bfor\s+(?:the\s+(?:year|period|biennium|(?:fiscal|financial)\s+year)\s+)?((?:19|20)\d\d)\b"
                       r"(?!\s*[-–/])",
                       re.IGNORECASE)


def check_for_year(question: str, evidence: Evidence) -> Mismatch | None:
    """The one year the question asks a figure or decision for ("... appropriate to the Mechanism
    for 2024?") where the paragraph gives it for another year only and never writes the asked one:
    "appropriated ... a total amount of $60,963,800 gross for 2025"."""
    asked = {int(y) for y in _FOR_YEAR.findall(question)}
    given = {int(y) for y in _FOR_YEAR.findall(evidence.paragraph)}
    if len(asked) != 1 or not given or asked & given or asked & set(years(evidence.paragraph)):
        return None
    year = next(iter(asked))
    return Mismatch(Constraint("year", str(year), str(year)), str(min(given, key=lambda y: abs(y - year))),
                    "is for {found}, not {label}")


# A question for the resolution adopted in a year ("Which Security Council resolution adopted in
# 2025 extended the mandate ...?": the year dates the resolution, checked by
# `check_resolution_year`; not "How many resolutions were adopted in 2023?"), and a resolution
# written with its year ("resolution 2734 (2024)", "resolutions 2510 (2020), 2542 (2020) and 2755
# (2024)").
# "Which resolution was adopted in 2024 ...?", "Which 2024 Council resolution (or Council decision) ...?": group
# 1 or 2 (not "Which 2025 decision of the SADC Summit ...?").
RESOLUTION_OF_YEAR = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+){0,4}?resolution\s+(?:was\s+)?(?:adopted|passed)\s+"
                                r"in\s+((?:19|20)\d\d)\b|\b(?:which|what)\s+((?:19|20)\d\d)\s+"
                                r"(?:(?:(?:Security|Council|General|Assembly|Human|Rights|Economic|Social)\s+){0,3}"
                                r"resolution|(?:Security\s+)?(?-i:Council)\s+decision)\b", re.IGNORECASE)
_YEARED_RESOLUTION = re.compile(r"\b(\d{3,4})\s*\(((?:19|20)\d\d)\)")
_RESOLUTION_WORD = re.compile(r"\bresolutions?\b", re.IGNORECASE)


# Security Council resolutions written with their years: "resolution 2765 (2025)", "resolutions
# 2765 (2025) and 2808 (2025)", "S/RES/2765 (2025)".
_RESOLUTIONS_WITH_YEAR = re.compile(r"(?:\bresolutions?\s+|\bS/RES/)"
                                    r"((?:\d{3,4}\s*\((?:19|20)\d\d\)(?:\s*(?:,|and)\s*)?)+)", re.IGNORECASE)


def resolutions_with_year(text: str) -> list[tuple[str, str]]:
    """(number, year) of each resolution the text writes with its year."""
    return [pair for m in _RESOLUTIONS_WITH_YEAR.finditer(text) for pair in _YEARED_RESOLUTION.findall(m.group(1))]


def check_resolution_given_year(question: str, evidence: Evidence) -> Mismatch | None:
    """A resolution the question writes with a year ("resolution 2765 (2025)") that the paragraph
    writes with another and never with the asked one: "In line with Security Council resolution 2765
    (2024)" (S/2025/176, para. 85) cites the resolution of 2024; the question's premise is false."""
    given = resolutions_with_year(evidence.paragraph)
    for number, year in resolutions_with_year(question):
        other = sorted({y for n, y in given if n == number and y != year})
        if other and (number, year) not in given:
            label = f"resolution {number} ({year})"
            return Mismatch(Constraint("resolution year", year, label), f"resolution {number} ({other[0]})",
                            "cites {found}, not {label}")
    return None


def check_resolution_year(c: Constraint, evidence: Evidence) -> Mismatch | None:
    """A resolution asked by the year it was adopted in (`c.value`), of a paragraph whose
    resolutions, each written with its year, are all of other years: "resolution 2734 (2024)" is
    no resolution adopted in 2025 (the one of the nearest year is named). A paragraph writing no
    resolution with its year is checked for the year as any question's (`check_year`)."""
    given = _YEARED_RESOLUTION.findall(evidence.paragraph) if _RESOLUTION_WORD.search(evidence.paragraph) else []
    if not given:
        return check_year(Constraint("year", c.value, c.value), evidence)
    if any(year == c.value for _, year in given):
        return None
    number, year = min(given, key=lambda g: abs(int(g[1]) - int(c.value)))
    return Mismatch(c, f"resolution {number} ({year})", "cites {found}, not {label}")
