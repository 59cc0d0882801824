"""A number the question gives that the best paragraph's document never writes: "What did the
Israel Defense Forces set up at United Nations position 22?" answered from a report that writes
of position 10 only. Years, days of a month and document symbols are checked elsewhere. And a
count the question asks for the members of, where the paragraph lists another count of them
("Which six specialized agencies ...?" of "five specialized agencies – the IMO, ...")."""

from __future__ import annotations

import re

from rag.answer.evidence import Constraint, Evidence, Mismatch
from rag.answer.years import SUPPLEMENT
from rag.textutil import MONTH_PATTERN, NUMBER_WORDS, STOPWORDS

_SYMBOL = re.compile(r"\b[A-Z][A-Za-z.]{0,8}(?:/[A-Za-z0-9.]+)+")
_DAY = re.compile(rf"\b\d{{1,2}}\s+{MONTH_PATTERN}\b|\b{MONTH_PATTERN}\s+\d{{1,2}}\b", re.IGNORECASE)
# A number, not a decade ("the 70's", "1970s") nor a duration ("100 years"), which are written in
# other words as often as not.
_NUMBER = re.compile(r"(?<![\w.,/+-])(\d+(?:,\d{3})*(?:\.\d+)?)(?![\w/'’]|[.,]\d)"
                     r"(?!\s+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries)\b)")
_YEAR = re.compile(r"1\d{3}|20\d\d")
_BEFORE = re.compile(r"([A-Za-z][\w-]*)\s*$")


def given_numbers(question: str) -> list[tuple[str, str]]:
    """The numbers a question gives, each with how to name it: the number and the word before it
    ("position 22"); years, days of a month and the numbers of document symbols and of Official
    Records supplements ("Supplement No. 29") are left out."""
    text = _DAY.sub(" ", _SYMBOL.sub(" ", SUPPLEMENT.sub(" ", question)))
    out = []
    for m in _NUMBER.finditer(text):
        number = m.group(1).replace(",", "")
        if _YEAR.fullmatch(m.group(1)):
            continue
        before = _BEFORE.search(text[:m.start()])
        named = before is not None and before.group(1).lower() not in STOPWORDS
        out.append((number, f"{before.group(1)} {m.group(1)}" if named else m.group(1)))
    return out


def writes_number(text: str, number: str) -> bool:
    """Whether the text writes the number: with or without a thousands comma, or in words up to twenty."""
    whole, _, decimals = number.partition(".")
    digits = re.sub(r"(?<=\d)(?=(?:\d{3})+$)", ",?", whole)  # "1301" -> "1,?301"
    pattern = digits + (r"\." + decimals if decimals else "")
    if re.search(r"(?<![\d.,])" + pattern + r"(?!\d|[.,]\d)", text):
        return True
    return not decimals and int(whole) < len(NUMBER_WORDS) and re.search(rf"\b{NUMBER_WORDS[int(whole)]}\b", text, re.IGNORECASE) is not None


def check_numbers(question: str, evidence: Evidence) -> Mismatch | None:
    """A number the question gives that neither the paragraph's document nor its symbols write;
    the Official Records supplement it names, where the document is issued as another one."""
    mismatch = check_supplement(question, evidence)
    if mismatch is not None:
        return mismatch
    whole = " ".join((evidence.document, evidence.paragraph, evidence.title))
    for number, label in given_numbers(question):
        if not writes_number(whole, number):
            return Mismatch(Constraint("number", number, label), "", "is from a document that never writes {label}")
    return None


# A count in figures or words, from two (not the end of "1,603").
_COUNT = r"(?:(?<![\d,.])\d{1,3}(?![\d,])|" + "|".join(NUMBER_WORDS[2:]) + r")"
# "Which six specialized agencies", "What three principles": the count and the plural noun it counts.
_WHICH_COUNT = re.compile(rf"\b(?:[Ww]hich|[Ww]hat)\s+(?:other\s+)?({_COUNT})\s+((?:[a-z][\w-]*\s+){{0,2}}?"
                          r"([a-z][\w-]*s))\b")
# The list of the things counted, named one after another: "five specialized agencies – the
# International Maritime Organization (IMO), the International Telecommunication Union (ITU), ...",
# "three countries: Mali, Burkina Faso and the Niger" (not a bracket's share, "49 projects (89 per cent)").
_NAMED = r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of|for|on|and|the|[A-Z][\w'’.-]*|\([^()]{1,20}\)))*"
_LIST_OPENS = rf"\s*(?:[–—:]|,?\s+namely\b)\s*{_NAMED}(?:\s*,\s*{_NAMED})*,?\s+and\s+{_NAMED}"


def listed_counts(question: str) -> list[str]:
    """The count the question asks which of ("six" of "Which six specialized agencies"), if any."""
    return [m.group(1) for m in _WHICH_COUNT.finditer(question)]


def _count_value(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS.index(word.lower())


def check_listed_count(question: str, evidence: Evidence) -> Mismatch | None:
    """A count of things the question asks which of, where the paragraph lists fewer of the things
    under a count and never writes the asked one: "Which six specialized agencies lack a PSEA
    policy?" of "five specialized agencies – the International Maritime Organization (IMO), ... – do
    not have a PSEA policy" (JIU/REP/2025/2, para. 18). A count written in passing ("in all four
    countries") lists nothing, and a list of more may hold the asked ones ("Which three
    recommendations were overtaken by events?" of the 14 outstanding)."""
    m = _WHICH_COUNT.search(question)
    if m is None:
        return None
    asked, noun = _count_value(m.group(1)), m.group(3)
    counted = rf"\b((?i:{_COUNT}))\s+((?:[\w-]+\s+){{0,2}}?(?i:{re.escape(noun)}))\b"
    if any(_count_value(c.group(1)) == asked for c in re.finditer(counted, evidence.paragraph, re.IGNORECASE)):
        return None
    listed = next((m for m in re.finditer(counted + _LIST_OPENS, evidence.paragraph)
                   if _count_value(m.group(1)) < asked), None)
    if listed is None:
        return None
    return Mismatch(Constraint("number", str(asked), m.group(1)), f"{listed.group(1).lower()} {listed.group(2)}",
                    "lists {found}, not {label}")


# A General Assembly report's symbol, whose last number is the supplement it is issued as ("A/79/19"),
# one of the few dozen supplements of a session's Official Records (not A/52/621, a committee's report).
_ASSEMBLY_REPORT = re.compile(r"^A/\d+/([1-9]|[1-5]\d)$")


def check_supplement(question: str, evidence: Evidence) -> Mismatch | None:
    """An Official Records supplement the question names that the document, a General Assembly
    report issued as another one, is not: "Supplement No. 44" of A/79/19 (Supplement No. 19). Not
    where the question cites a symbol (the supplement may be another report's it names)."""
    asked = [m.group(1) for m in SUPPLEMENT.finditer(question) if m.group(1)]
    own = [m.group(1) for s in evidence.symbols if (m := _ASSEMBLY_REPORT.match(s))]
    if len(asked) != 1 or not own or asked[0] in own or _SYMBOL.search(question):
        return None
    label = f"Supplement No. {asked[0]}"
    return Mismatch(Constraint("number", asked[0], label), f"Supplement No. {own[0]}", "is {found}, not {label}")
