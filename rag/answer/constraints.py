"""Near-miss detection: the specific constraints a question sets (a year, a period, an ordinal
session or report, a country, a name) checked against the best paragraph and its document.

A question about "the fifty-ninth session" whose best evidence is a document of the sixtieth
session that never mentions the fifty-ninth is answered from the wrong document: the answer
abstains and names the closest paragraph and what differs (`check_constraints`). The years,
periods and things named by their year are checked in rag.answer.years; the other checks each
have their module, listed in `check_constraints`."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from rag.answer.alternatives import check_alternative, named_alternatives
from rag.answer.answertype import CARDINALS, question_type
from rag.answer.committees import check_main_committee, main_committees
from rag.answer.countries import (
    ADJECTIVES,
    CAPITALS,
    COUNTRIES,
    COUNTRY_AT,
    DEMONYMS,
    COMMON_NAME_AT,
    COMMON_NAMES,
    OTHER_NAME_AT,
    common_names,
    demonym_countries,
    people_words,
)
from rag.answer.coverage import check_coverage, check_report_covering, check_report_period
from rag.answer.evidence import Constraint, Evidence, Mismatch
from rag.answer.frames import check_quote_frame
from rag.answer.instruments import (asked_additions, check_instrument, check_instrument_named, check_numbered_text,
                                     named_instruments, numbered_texts)
from rag.answer.kinds import asks_country, asks_kind, check_kind
from rag.answer.modifiers import check_modifier, check_numbered_name, check_possessor, modified_things, numbered_names
from rag.answer.names import name_around, name_words, one_edit, replaced, titled_names, unwritten
from rag.answer.numbers import check_listed_count, check_numbers, given_numbers, listed_counts
from rag.answer.commissions import check_commission
from rag.answer.persons import (asks_appointment, asks_person, before_names, check_appointment, check_office_given,
                                 check_person)
from rag.answer.places import bodies_at, check_body_place, check_located, check_place, located_places, named_places
from rag.answer.premises import asked_events, asks_successor, check_negated_word, check_premise, check_successor
from rag.answer.regions import (check_paragraph_region, check_paragraph_subregion, check_region, check_subregion,
                                check_unwritten_region, named_regions)
from rag.answer.revisions import asks_version, check_version
from rag.answer.spans import asks_span, check_month_given, check_months, check_side, check_span, check_year_run
from rag.answer.subjects import (
    ENTITIES,
    acronyms,
    check_organization,
    check_paragraph_organization,
    check_paragraph_unit,
    check_sibling_body,
    check_symbol,
    check_unnamed_organization,
    cited_symbols,
    named_bodies_on,
    writes_acronym,
)
from rag.answer.timing import asks_done, check_timing, issued_month, months_between
from rag.answer.treaty_bodies import check_paired_treaty_body, check_treaty_body, named_bodies
from rag.answer.years import (DATE_TO, DATED_NOUNS, DECADE, LATER_YEARS, NEAR_YEARS, RANGE, RESOLUTION_OF_YEAR, YEAR,
                              check_dated, check_decade, check_fact_period, check_fact_year, check_for_year,
                              check_later_year,
                              check_quote_figure_year,
                              check_period, check_resolution_given_year, check_resolution_year, check_year,
                              dated_things, periods, resolutions_with_year, session_of_symbol, without_symbols,
                              written_periods, years)
from rag.search.acronyms import SPELLED_OUT, without_spelled_out
from rag.search.focus import focus
from rag.textutil import MONTH_NAMES, MONTH_PATTERN, ORDINALS, listing, named_months, ordinal_name, split_sentences

# A word ordinal's hyphen may come with a space from a PDF's text: "twenty -fourth", "fifty- ninth".
_ORDINAL = re.compile(r"\b(?:(\d{1,4})(?:st|nd|rd|th)|(" + "|".join(w.replace("-", r"\s?-\s?")
                                                               for w in sorted(ORDINALS, key=len, reverse=True))
                      + r"))\b", re.IGNORECASE)
# The countable things an ordinal numbers in these documents: "fifty-ninth session", "twelfth
# annual progress report", "460th meeting", "second Review Conference".
_NUMBERED = ("session", "meeting", "report", "forum", "conference", "summit", "review", "decade", "cycle",
             "plan", "programme", "round", "assessment", "phase", "edition", "group", "batch", "wave", "tranche",
             "stage", "week", "congress", "workshop", "seminar", "assembly")
_NOUN = re.compile(r"\b(" + "|".join(_NUMBERED) + r")s?\b", re.IGNORECASE)
_ORDINAL_REACH = 6  # words between an ordinal and the noun it numbers
# What ends an ordinal's reach: punctuation, a possessive, a body it names ("the Fourth
# Committee's report" numbers the Committee, not the report) or a time it counts ("the 18th
# century Huguenot group" numbers the century), or an occurrence ("for the first time in the 2024
# edition" numbers no edition), or a preposition after what it numbers ("a first Anti-Slavery
# Commissioner at the Forum" numbers the Commissioner; "in" and "of" stay inside titles: "the
# second annual Youth in Evaluation week"), or a possessive opening another thing ("its first
# principle in its 2024 report"), or a part it numbers ("the second part of the sixth session").
_REACH_END = re.compile(r"[,.;:()]|['’]s\b|\b(?:Committee|Commission|Council|Board)\b|"
                        r"\b(?i:parts?|halves|half)\s+of\b|"
                        r"\b(?i:century|centuries|anniversary|birthday|times?)\b|"
                        r"\b(?:at|during|under|by|with|from|to|among|before|after|since|its|their|his|her)\b")

def _ordinal_value(match: re.Match[str]) -> int:
    return int(match.group(1)) if match.group(1) else ORDINALS[re.sub(r"\s", "", match.group(2).lower())]


def ordinal_values(text: str) -> set[int]:
    """Every ordinal a text writes, in words or digits: "fifty-ninth", "21st" -> {59, 21}."""
    return {_ordinal_value(m) for m in _ORDINAL.finditer(text)}


# A State party's first report to a treaty body is its "initial report" ("the combined initial and
# second periodic reports").
_INITIAL_REPORT = re.compile(r"\binitial\s+(?:(?:and|to|combined|periodic|second|third|fourth|fifth|sixth|seventh|"
                             r"eighth|ninth|tenth)\s+){0,3}reports?\b", re.IGNORECASE)


def numbered_things(text: str) -> list[tuple[int, str]]:
    """(ordinal, noun) pairs of a text: "the fifty-ninth session" -> (59, "session"), "initial
    reports" -> (1, "report"); the noun must follow within a few words, with no punctuation between,
    or the ordinals stand in a list after it (`_LISTED`)."""
    found = []
    for m in _ORDINAL.finditer(text):
        noun = _numbered_noun(m)
        if noun:
            found.append((_ordinal_value(m), noun))
        if noun == "review" and (last := _COMPOUND_END.match(text, _noun_end(m))):  # "review cycle": the cycle too
            found.append((_ordinal_value(m), last.group(1).lower()))
        if noun == "session" and (meeting := _SESSION_OF.match(text, m.end())):  # the Nth session of a conference
            found.append((_ordinal_value(m), meeting.group(1).lower()))
    for lead in _LISTED.finditer(text):  # "two further regular sessions in 2025: the eighty-third (14–31 July) ..."
        found += [(_ordinal_value(m), lead.group(1).lower())
                  for m in _ORDINAL.finditer(text, lead.end(), lead.end() + _LIST_REACH)
                  if _LIST_ITEM.search(text, 0, m.start()) and _LIST_ITEM_END.match(text, m.end())]
    return found + [(1, "report")] * len(_INITIAL_REPORT.findall(text))


def numbered_qualifiers(text: str) -> set[str]:
    """The words a text writes between an ordinal and the noun it numbers, lower-cased: "Arab" and
    "land" of "the fourth Arab Land Conference"."""
    return {w.lower() for m in _ORDINAL.finditer(text) if _numbered_noun(m)
            for w in re.findall(r"[^\W\d_][\w'’-]*", text[m.end():_noun_end(m)])[:-1]}


# Ordinals listed after a plural noun and a colon, each without the noun: "the Committee is to hold
# two further regular sessions in 2025: the eighty-third (14–31 July) and the eighty-fourth (3–28
# November)" (A/80/44, para. 60).
_LISTED = re.compile(r"\b(" + "|".join(_NUMBERED) + r")s\b[^.:;]{0,40}:", re.IGNORECASE)
_LIST_REACH = 200  # characters after the colon a list's items are read in
# An item of such a list: "the" before its ordinal, a bracket, a comma, "and" or the end after it
# (not "for the first time", "third-party").
_LIST_ITEM = re.compile(r"\bthe\s+$", re.IGNORECASE)
_LIST_ITEM_END = re.compile(r"\s*(?:\(|,|;|\.|$)|\s+and\b")


# "fifth session of the Regional Conference on Population and Development" numbers the Conference too.
_SESSION_OF = re.compile(r"\s+sessions?\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}?(Conference|Forum|Summit)\b")


def _numbered_noun(ordinal: re.Match[str]) -> str | None:
    """The noun an ordinal matched in its text numbers, lower-cased, or None: none where a count
    follows ("the first three meetings") or "ever" ("the first-ever meeting"); the noun of the
    list's last ordinal in a list of them ("the 1st, 2nd and 3rd meetings")."""
    if _COUNT_AFTER.match(ordinal.string, ordinal.end()) or _EVER.match(ordinal.string, ordinal.end()):
        return None
    noun = _NOUN.search(_reach(ordinal))
    if noun is None and (comma := _LIST_COMMA.match(ordinal.string, ordinal.end())):
        following = _ORDINAL.match(ordinal.string, comma.end())
        return _numbered_noun(following) if following else None
    return noun.group(1).lower() if noun else None


# A count after an ordinal: "the first three meetings", "the last 10 sessions" (not "the second
# five-year review", "its second 2024 session").
_COUNT_AFTER = re.compile(r"\s+(?:" + CARDINALS + r"|\d{1,3})(?![-\w])", re.IGNORECASE)
_LIST_COMMA = re.compile(r"\s*,\s*")
# "first-ever", "first ever": the first of its kind at all, no number in a series ("the first-ever
# intergovernmental meeting ..., the first World Assembly on Ageing" for "the first ever
# intergovernmental conference").
_EVER = re.compile(r"[\s-]ever\b", re.IGNORECASE)


def _reach(ordinal: re.Match[str]) -> str:
    """The words after an ordinal that it may number, spaces made single."""
    tail = _REACH_END.split(ordinal.string[ordinal.end():ordinal.end() + 80], maxsplit=1)[0]
    if owned := _LOWER_OF.search(tail):  # "the second co-chair of the group" numbers the co-chair
        tail = tail[:owned.end(1)]
    return " ".join(tail.split()[:_ORDINAL_REACH])


# "of" or "in" after the word in lower case right after the ordinal: the ordinal numbers that word
# ("the first day of the session", "the first principle in the 2024 report"), not the thing after
# it; a title's "of" or "in" stays inside ("the twentieth Conference of the Parties", "the second
# Youth in Evaluation week"), and "the fourth in the series of annual reports" numbers a report.
_LOWER_OF = re.compile(r"^\s*([a-z][\w'’-]*)\s+(?:of|in)\b")


def _noun_end(ordinal: re.Match[str]) -> int:
    """Where in the text the noun the ordinal numbers ends (`_numbered_noun` found one)."""
    noun = _NOUN.search(ordinal.string, ordinal.end())
    return noun.end() if noun else ordinal.end()


# A numbered review that a second noun ends: "the fourth universal periodic review cycle" numbers the
# review and the cycle (not "the sixth assessment report", the assessment's, nor "the third expert
# group meeting", the group's series).
_COMPOUND_END = re.compile(r"\s+(" + "|".join(_NUMBERED) + r")s?\b", re.IGNORECASE)


def question_constraints(question: str) -> list[Constraint]:
    """The periods, years, countries, things named by their year, numbered things (sessions,
    reports, meetings), titled names ("Hurricane Melissa") and names a question is specifically
    about, in the order they are checked."""
    text = without_symbols(question)
    found: list[Constraint] = []
    spans = periods(text)
    for start, end in sorted(spans):
        found.append(Constraint("period", f"{start}-{end}", f"{start}-{end}"))
    resolved = sorted({int(m.group(1) or m.group(2)) for m in RESOLUTION_OF_YEAR.finditer(text)})
    found += [Constraint("resolution year", str(y), f"one adopted in {y}") for y in resolved]
    inside = {y for s, e in spans for y in (s, e)} | set(resolved)
    for y in sorted(years(RANGE.sub(" ", DATE_TO.sub(" ", text))) - inside):
        found.append(Constraint("year", str(y), str(y)))
    decades = list(dict.fromkeys(DECADE.findall(text)))
    if decades:  # "the 1980s and 1990s" asks of both together
        found.append(Constraint("decade", " ".join(decades), "the " + " and ".join(f"{d}s" for d in decades)))
    named = countries(text)
    for name in named:
        full = re.search(rf"\b(?<!Democratic )Republic of the {re.escape(name)}\b", text) if name in _SHORT_NAMES else None
        found.append(Constraint("country", name, full.group(0) if full else name))
    found += [Constraint("country", name, short) for short, name in common_names(text) if name not in named]
    for y, noun in dated_things(text):
        found.append(Constraint("dated", f"{y} {noun}", f"the {y} {noun}"))
    for n, noun in numbered_things(text):
        found.append(Constraint("ordinal", f"{n} {noun}", f"the {ordinal_name(n)} {noun}"))
    # a country is checked as one; a word describing the answer asked is none to find
    names = name_words(_ANSWER_DESCRIBED.sub(" ", COMMON_NAME_AT.sub(" ", _COUNTRY.sub(" ", text))))
    for head, name, whole in titled_names(text, names):
        found.append(Constraint("titled", f"{head} {name}", whole))
    if len(names) >= MISSING_NAMES:
        found.append(Constraint("names", " ".join(names), text))  # label: the question, to name them as written
    return found


def _symbol_sessions(evidence: Evidence) -> list[tuple[int, str]]:
    """The sessions the document's symbols give ("A/80/..." is of the eightieth)."""
    return [(n, "session") for n in map(session_of_symbol, evidence.symbols) if n]


def _document_ordinals(evidence: Evidence) -> list[tuple[int, str]]:
    """The things the document numbers anywhere, and the sessions of its symbols."""
    return numbered_things(evidence.document) + _symbol_sessions(evidence)


def _own_ordinals(evidence: Evidence) -> list[tuple[int, str]]:
    """The things the document's masthead numbers (its own session or meeting), and the sessions
    of its symbols."""
    return numbered_things(evidence.masthead) + _symbol_sessions(evidence)


# Numbered things whose ordinals are loosely used for one another: the same ordinal numbering a
# kindred thing counts as a mention; numbering another thing does not ("the second Meeting of
# States Parties" is no mention of "the second Review Conference").
_KINDRED = {"session": "sitting", "meeting": "sitting"}
# Things numbered by their sessions (`_SESSION_OF`): "its first session" of the Forum is the first Forum.
_HELD_IN_SESSIONS = frozenset(("conference", "forum", "summit"))


def _check_ordinal(c: Constraint, evidence: Evidence) -> Mismatch | None:
    """The question's numbered thing its document never numbers so, named as the paragraph
    numbers it (its own ordinal, not the nearest the document gives), else as the masthead or
    symbol does (the document's own session), else as never written: a paragraph that numbers
    no session is not "about the fifty-third session" because its report names that session
    elsewhere."""
    mismatch = _numbered_otherwise(c, _document_ordinals(evidence))
    if mismatch is None or _told_otherwise(c, evidence.paragraph):
        return None
    pairs = numbered_things(evidence.paragraph)
    if _numbers_the_thing(c, pairs):
        return _numbered_otherwise(c, pairs) or mismatch
    if _first_unnumbered(c, evidence):
        return None
    return _numbered_otherwise(c, _own_ordinals(evidence)) or \
        Mismatch(c, "", "is from a document that never writes {label}")


# The opening meeting of a session, with the number of the series it is in: "At the 280th
# (opening) plenary meeting", "at its opening meeting".
_OPENING = re.compile(r"(?:\b\d+(?:st|nd|rd|th)\s+\(|\b)opening\)?\s+(?:(?:plenary|formal)\s+)?meeting\b",
                      re.IGNORECASE)


# A numbered Meeting of a series ("the third Meeting of States Parties"), not a sitting ("the 281st meeting").
_NUMBERED_MEETING = re.compile(r"\b\w+(?:st|nd|rd|th)\s+Meetings?\b")


def _opening(c: Constraint, paragraph: str) -> bool:
    """Whether the ordinal constraint `c` asks for the first meeting and the paragraph tells of the
    opening one ("At the 280th (opening) plenary meeting") and numbers no Meeting of a series ("At
    its opening meeting, the third Meeting of States Parties ..." is the third Meeting's); the
    sittings after it may be numbered ("At the 281st plenary meeting, ...")."""
    if c.value != "1 meeting" or (opening := _OPENING.search(paragraph)) is None:
        return False
    return _NUMBERED_MEETING.search(paragraph[:opening.start()] + " " + paragraph[opening.end():]) is None


def _own_session(c: Constraint, paragraph: str) -> bool:
    """Whether the ordinal constraint `c` numbers a Forum, Conference or Summit (`_HELD_IN_SESSIONS`)
    and the paragraph writes such a thing, numbers its session so and numbers no such thing
    otherwise ("Since its first session in 2012, the Forum ..." tells of the first Forum; "At its
    first session, the Preparatory Committee for the Fourth International Conference ..." of the
    fourth Conference)."""
    n, noun = c.value.split(" ", 1)
    pairs = numbered_things(paragraph)
    return noun in _HELD_IN_SESSIONS and (int(n), "session") in pairs \
        and not any(kind == noun and m != int(n) for m, kind in pairs) \
        and re.search(rf"\b{noun}\b", paragraph, re.IGNORECASE) is not None


def _told_otherwise(c: Constraint, paragraph: str) -> bool:
    """Whether the paragraph tells of the numbered thing the ordinal constraint `c` asks about in
    other words: the opening meeting (`_opening`) or the Forum's own session (`_own_session`)."""
    return _opening(c, paragraph) or _own_session(c, paragraph)


def _first_unnumbered(c: Constraint, evidence: Evidence) -> bool:
    """Whether the ordinal constraint `c` asks for the first of a series that the paragraph names by
    its title without a number, where the document numbers the same title from its second on:
    "the International Decade for the Eradication of Colonialism" in a document naming "the Second
    International Decade ..." is the first one ("the report", "the Decade" meaning the Fourth, or
    another title, is not)."""
    n, noun = c.value.split(" ", 1)
    if n != "1":
        return False
    for m in re.finditer(rf"\b[Tt]he\s+((?:[A-Z][\w-]*\s+){{1,4}}{noun.capitalize()})s?\b", evidence.paragraph):
        if re.search(rf"\b(?:{_LATER_ORDINALS})\s+{re.escape(m.group(1))}\b", evidence.document):
            return True
    return False


# The ordinals that number a titled series after its first: "the Second International Decade".
_LATER_ORDINALS = "Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth"


def _numbers_the_thing(c: Constraint, pairs: list[tuple[int, str]]) -> bool:
    """Whether the (ordinal, noun) pairs of a text number the kind of thing the ordinal
    constraint `c` asks about, with any ordinal."""
    noun = c.value.split(" ", 1)[1]
    return any(kind == noun for _, kind in pairs)


def _numbered_otherwise(c: Constraint, pairs: list[tuple[int, str]]) -> Mismatch | None:
    """The ordinal constraint `c` against the (ordinal, noun) pairs a text numbers: None where they
    hold its ordinal for its thing or a kindred one ("the fifty-ninth meeting" mentions the
    fifty-ninth session) or number no such thing; else the nearest ordinal they give that thing."""
    n, noun = c.value.split(" ", 1)
    if any(m == int(n) and _KINDRED.get(kind, kind) == _KINDRED.get(noun, noun) for m, kind in pairs):
        return None
    others = sorted({m for m, kind in pairs if kind == noun}, key=lambda m: abs(m - int(n)))
    return Mismatch(c, f"the {ordinal_name(others[0])} {noun}") if others else None


def _check_ordinal_in_paragraph(found: list[Constraint], evidence: Evidence) -> Mismatch | None:
    """The question's numbered thing the paragraph replaces with another of the same kind: the
    paragraph numbers the thing ("its fifth session", "the 280th plenary meeting") but never with
    the question's ordinal, nor with a kindred thing's (`_KINDRED`). The document may name the
    asked one elsewhere (`_check_ordinal` reads the whole document): this paragraph still tells of
    another. An ordinal the masthead or symbol gives the document ("on its forty-ninth session")
    names the document, whose paragraphs may tell of other sessions, and is not checked here;
    a paragraph that numbers no such thing is about the one the masthead numbers."""
    pairs = numbered_things(evidence.paragraph)
    masthead = numbered_things(evidence.masthead)
    own = masthead + _symbol_sessions(evidence)  # `_own_ordinals`, the masthead read once
    for c in (c for c in found if c.kind == "ordinal"):
        n, noun = c.value.split(" ", 1)
        if (int(n), noun) in own or _told_otherwise(c, evidence.paragraph):
            continue
        mismatch = _numbered_otherwise(c, pairs) or _own_numbered_otherwise(c, pairs, masthead)
        if mismatch:
            return mismatch
    return None


def _own_numbered_otherwise(c: Constraint, pairs: list[tuple[int, str]], masthead: list[tuple[int, str]]) \
        -> Mismatch | None:
    """A paragraph that numbers no such thing tells of the document's own one, which its masthead
    numbers otherwise: "The following 59 States Parties participated in the Meeting" in the report
    of the third Meeting of States Parties is about the third Meeting, not the first. The masthead
    only: a symbol's session is the General Assembly's, which a committee's paragraph is not about."""
    return None if _numbers_the_thing(c, pairs) else _numbered_otherwise(c, masthead)


# An office of a numbered thing: "President of the third Meeting", "Chair of its fifty-ninth session".
_OFFICE_OF = re.compile(r"\b(Vice-Presidents?|Presidents?|Vice-Chair(?:s|persons?|man|men)?|"
                        r"Chair(?:s|persons?|man|men|woman|women)?|Rapporteurs?)\s+(?:of|for|at)\s+(?:the|its)\s+")
_OFFICE_FORMS = {"president": "President", "vice-president": "Vice-President", "chair": "Chair",
                 "vice-chair": "Vice-Chair", "rapporteur": "Rapporteur"}


def _numbered_offices(text: str) -> set[tuple[str, int, str]]:
    """(office, ordinal, noun) of each office of a numbered thing the text names: "elected Akan
    Rakhmetullin as President of the third Meeting" -> ("President", 3, "meeting")."""
    out = set()
    for m in _OFFICE_OF.finditer(text):
        after = text[m.end():m.end() + 80]
        ordinal = _ORDINAL.match(after)
        noun = _numbered_noun(ordinal) if ordinal else None  # "of the third, fourth and fifth sessions": the third
        if ordinal and noun:
            office = re.sub(r"(?:s|persons?|man|men|woman|women)$", "", m.group(1).lower())
            out.add((_OFFICE_FORMS.get(office, m.group(1)), _ordinal_value(ordinal), noun))
    return out


def check_office_ordinal(question: str, evidence: Evidence) -> Mismatch | None:
    """An office of a numbered thing the question asks about ("Who was President of the second
    Meeting?") that the paragraph gives only for another one of that thing: "the second Meeting of
    States Parties elected ... as President of the third Meeting" names the third's President."""
    asked = _numbered_offices(question)
    held = _numbered_offices(evidence.paragraph) if asked else set()
    for office, n, noun in sorted(asked - held):
        others = sorted((m for o, m, k in held if o == office and k == noun), key=lambda m: abs(m - n))
        if others:
            label = f"the {office} of the {ordinal_name(n)} {noun}"
            return Mismatch(Constraint("ordinal", f"{n} {noun}", label),
                            f"the {office} of the {ordinal_name(others[0])} {noun}", "names {found}, not {label}")
    return None


# Ordinals that count for `check_unwritten_ordinal`: "first" to "third" are also plain words ("the
# third type of plea"); a day of a month ("December 22nd") and a century are written otherwise.
MIN_UNWRITTEN_ORDINAL = 4
_DAY_OR_CENTURY = re.compile(rf"\b{MONTH_PATTERN}\s+\d{{1,2}}(?:st|nd|rd|th)\b|\b\d{{1,2}}(?:st|nd|rd|th)\s+(?:of\s+)?"
                             rf"{MONTH_PATTERN}\b|\b\w+(?:st|nd|rd|th)\s+century\b", re.IGNORECASE)


def check_unwritten_ordinal(question: str, evidence: Evidence) -> Mismatch | None:
    """An ordinal past "third" that the question gives and the paragraph's document never writes,
    in words or digits, nor its symbol's session: "Which State became the sixty-first party to the
    Convention?" answered from a report that counts fifty-nine States parties."""
    written = ordinal_values(" ".join((evidence.document, evidence.paragraph, evidence.title)))
    written.update(n for n in map(session_of_symbol, evidence.symbols) if n)
    asked = ordinal_values(_DAY_OR_CENTURY.sub(" ", without_symbols(question)))
    for n in sorted(asked - written):
        if n >= MIN_UNWRITTEN_ORDINAL and not _years_counted(question, n, evidence.paragraph):
            body = _ordinal_body(question, n)
            if body:
                return Mismatch(Constraint("ordinal", str(n), body), "", "is from a document that never names {label}")
            return Mismatch(Constraint("ordinal", str(n), f"the {ordinal_name(n)}"), "",
                            "is from a document that never writes {label}")
    return None


def _years_counted(question: str, n: int, paragraph: str) -> bool:
    """Whether the question's ordinal `n` numbers an anniversary ("its 25th anniversary") that the
    paragraph counts in years of something ("To mark 25 years of MONUSCO", "15 years since the
    founding of UN-Women", "its 25-year presence"; not "sentences of 20 years")."""
    return any(_ordinal_value(m) == n and re.match(r"\s+anniversary\b", question[m.end():], re.IGNORECASE)
               for m in _ORDINAL.finditer(question)) \
        and re.search(rf"\b{n}\s+years\s+(?:of|since|after|on|ago)\b|\b{n}-year\b", paragraph) is not None


# Bodies named by an ordinal: "the Sixth Committee", "the Third Commission".
_ORDINAL_BODY = re.compile(r"\s+(Committee|Commission|Council|Conference|Board|Panel)\b")


def _ordinal_body(question: str, n: int) -> str:
    """"the Sixth Committee" where the question writes ordinal `n` capitalised before a body's
    noun (`_ORDINAL_BODY`): a body named by its ordinal; "" otherwise."""
    for m in _ORDINAL.finditer(question):
        after = _ORDINAL_BODY.match(question, m.end())
        if _ordinal_value(m) == n and m.group(0)[0].isupper() and after and m.start() > 0:
            return f"the {m.group(0)} {after.group(1)}"
    return ""


_COUNTRY = re.compile(r"\b(" + COUNTRY_AT.pattern + ")")
# A country's name before "dollars" names a currency ("millions of United States dollars").
_COUNTRY_NOT_CURRENCY = re.compile(r"\b(" + COUNTRY_AT.pattern + r")(?!\s+dollars?\b)")


def countries(text: str) -> Counter[str]:
    """How often a text names each country (the longest name first: "South Sudan" is not "Sudan";
    "United States dollars" is a currency)."""
    return Counter(_COUNTRY_NOT_CURRENCY.findall(text.replace("’", "'")))


# The share of a document's mentions of countries outside the paragraph that makes the most named
# its subject (a UNDOF report names the Syrian Arab Republic and Israel throughout; a global report
# on HIV names the United States 8 times of 60).
SUBJECT_SHARE = 0.3


# A short name users give a country whose documents write it in full: "the eastern Congo" of a
# document naming the Democratic Republic of the Congo and never the Republic of the Congo.
_SHORT_NAMES = {"Congo": "Democratic Republic of the Congo"}


def _short_for(c: Constraint, document: str) -> bool:
    """Whether the question gives the country by a short name (`c.label` "Congo" for "the eastern
    Congo", not "Republic of the Congo") of one the document names in full, while it never names
    a country by that short name itself."""
    full = _SHORT_NAMES.get(c.value)
    if full is None or c.label != c.value:
        return False
    named = countries(document)
    return full in named and c.value not in named


def _check_country(c: Constraint, evidence: Evidence) -> Mismatch | None:
    named = countries(evidence.document)
    if c.value in named or not named or _names_country(c.value, evidence.document, by_stem=False) \
            or _short_for(c, evidence.document):
        return None
    in_title, in_paragraph = countries(evidence.title), countries(evidence.paragraph)
    if not in_title and len(in_paragraph) == 1:
        return Mismatch(c, next(iter(in_paragraph)))
    if not in_title and not in_paragraph:  # about no country its title or text names (a seat's "Bonn, Germany")
        return Mismatch(c, "", "is from a document that never names {label}")
    # a paragraph naming several (a list of the contributors of troops) is about its title's
    # country, or the one its document names most where that is a good share of all it names
    subject, times = (in_title or named).most_common(1)[0]
    elsewhere = named - in_paragraph  # the paragraph's own list does not dilute the subject
    # no subject the paragraph could be about, or its countries (a list of contributors) are not the subject
    if not in_title and len(named) > 1 and times < SUBJECT_SHARE * sum(elsewhere.values()) \
            or in_paragraph and subject not in in_paragraph:
        return Mismatch(c, "", "is from a document that never names {label}")
    return Mismatch(c, subject)


# A country that names a body rather than the place asked about: "the Rwanda and Yugoslavia
# tribunals", "the Haiti mission".
_BODY_AFTER = re.compile(r"^(?:\s+and\s+[A-Z][\w-]*)?\s+"
                         r"(?:tribunals?|missions?|offices?|courts?|commissions?|funds?)\b",
                         re.IGNORECASE)


def _names_a_body(question: str, country: str) -> bool:
    return any(_BODY_AFTER.match(question[m.end():]) for m in re.finditer(re.escape(country), question))


# Last words that several country or territory names share: "Islands", "Republic", "Guinea".
_SHARED_LAST_WORDS = frozenset(w for w, n in Counter(c.split()[-1] for c in COUNTRIES if " " in c).items() if n > 1)


# The common names of each country (COMMON_NAMES), by the country.
_COMMON_FORMS: dict[str, tuple[str, ...]] = {}
for _name, _country in COMMON_NAMES.items():
    _COMMON_FORMS[_country] = (*_COMMON_FORMS.get(_country, ()), _name)


@lru_cache(maxsize=None)
def _longer_names(country: str) -> tuple[str, ...]:
    """The countries' and territories' names that hold this one whole, and their people's words,
    longest first: "South Sudan" and "South Sudanese" for Sudan, "Equatorial Guinea" for Guinea;
    and those ending in the same two words ("British Virgin Islands" for the United States Virgin
    Islands)."""
    inside = re.compile(rf"(?<![\w-]){re.escape(country)}(?![\w-])")
    ending = country.split()[-2:]
    longer = [c for c in COUNTRIES if c != country and (inside.search(c) or len(ending) == 2
                                                         and c.split()[-2:] == ending and c not in country)]
    forms = [f for c in longer for f in (c, *ADJECTIVES.get(c, ()))]
    return tuple(sorted(set(forms), key=len, reverse=True))


def _names_country(country: str, text: str, by_stem: bool = True) -> bool:
    """Whether the text names the country, or its people or things: "Swiss" for Switzerland,
    "U.S." for the United States, "Turkey" for Türkiye, and, `by_stem`, any word opening with the
    first four letters of its name's last word ("Chinese" for China) that is no other country's
    (`_stem_of`: "Nigeria" does not name the Niger), after the word before it
    where the last word alone names another country or ends other names ("South Sudanese" for
    South Sudan; "the Sudan" is not South Sudan, "Falkland Islands" not the Cayman Islands); a
    longer name holding the country's is not it (`_longer_names`: South Sudan is not the Sudan), nor
    is its last word after "the" ("the Congo" is not the Democratic Republic of the Congo)."""
    text = text.replace("’", "'")
    for longer in _longer_names(country):  # "South Sudan" names no Sudan, "British Virgin Islands" no US one
        text = text.replace(longer, " ")
    words = country.split()
    stem = words[-1][:4]
    # "the Congo" is no Democratic Republic of the Congo ("the Congolese army" may be its)
    bare = words[-1] if len(words) > 1 and words[-1] in COUNTRIES and words[-2][:1].islower() else None
    if len(words) > 1 and (words[-1] in COUNTRIES or words[-1] in _SHARED_LAST_WORDS):
        stem = f"{words[-2]} {stem}"
    forms = (country, *ADJECTIVES.get(country, ()), *_COMMON_FORMS.get(country, ()))
    return any(re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", text) for f in forms) \
        or (by_stem and len(stem) >= 4 and any(_stem_of(word, country) and word != bare for word in
                                               (m.group(0).split()[-1] for m in re.finditer(rf"\b{re.escape(stem)}\w*",
                                                                                              text))))


def _stem_of(word: str, country: str) -> bool:
    """Whether a word opening with the country's stem is no other country's name or people's word:
    "Nigerien" is the Niger's, "Nigeria" and "Nigerian" are not."""
    owner = word if word in COUNTRIES else DEMONYMS.get(word)
    return owner is None or owner in (country, country.split()[-1])


def _whole_names(named: Counter[str]) -> Counter[str]:
    """The countries named without the part of a longer name ("Congo" of "the Democratic Republic
    of the Congo", which a title in capitals also reads as "Republic Of The Congo")."""
    return Counter({k: n for k, n in named.items()
                    if not any(k != other and re.search(rf"\b{re.escape(k)}\b", other) for other in named)})


def _check_country_in_paragraph(question: str, found: list[Constraint], evidence: Evidence) -> Mismatch | None:
    """A country the question asks about that the paragraph leaves out while it names another one
    the question does not: "refugees from Ethiopia" answered with "refugees and asylum-seekers from
    the Sudan". A question naming no country is read for its people's words ("Chadian soldiers"),
    against the paragraph only. A country the document's title names is its subject, which
    its paragraphs need not repeat; a paragraph naming no country in a document whose title names
    one is about that one ("the First Vice-President ... was arrested" of a report on South
    Sudan is not Kenya's); in a document whose title names none, about the country its people's
    words name ("Most of those attacks were directed against Iraqi security forces" is not about
    the Syrian Arab Republic). A country a heading over the paragraph names is its subject ("1.
    Western Sahara"). Asked which country or where, the paragraph's other country in a report whose
    subject is the asked one is the answer ("the Republic of Korea, the country of origin of those
    components" for where Iraq's election equipment is upgraded). A country named as a place's
    neighbour (`_BORDERING`) is not one the paragraph tells of, nor, unless the question asks of
    borders, the asked one ("the southern border of Libya with the Sudan and Chad" for refugees
    registered in Chad)."""
    asked = _asked_countries(question, found)
    # the title's countries, read in capitals too ("THE SITUATION IN AFGHANISTAN"), "the Congo" of its long name too
    named_by_title = countries(evidence.title.title() + " " + evidence.title)
    subject = _whole_names(named_by_title)
    beside = _BORDERING.sub(" ", evidence.paragraph)  # without the countries named as neighbours
    told = list(countries(beside)) or (list(subject) if len(subject) == 1 else []) \
        or (_state_organs(evidence.paragraph) or _dominant(evidence.document, asked) if not subject else [])
    others = [k for k in told if k not in {c.value for c in asked}]
    if others and _asked_for_in_report_on(question, asked, evidence.document):
        return None
    # a country the paragraph names only as another's neighbour is not named, unless borders are asked of
    paragraph = evidence.paragraph if _ASKS_BORDER.search(question) else beside
    for c in asked:
        if others and (c.value not in named_by_title or _outside_its_part(question, c.value, evidence)) \
                and not _told_of(question, c, evidence, paragraph):
            return _told_instead(c, others, subject, question, evidence.paragraph, bool(countries(beside)))
    return None


# A heading's number ("II. ", "A. ", "3. ", "II "), and an article before a country's name ("The Sudan").
_HEADING_NUMBER = re.compile(r"^\s*(?:(?:[IVXLC]+|[A-Z]|\d+)\.|[IVXLC]+)\s+(?:[Tt]he\s+)?|^\s*[Tt]he\s+")


def _country_heading(heading: str, country: str) -> bool:
    """Whether the heading, without its number, is the country's name alone, as the documents write
    it: "II. South Sudan", "II. The Sudan", "Côte d’Ivoire", "Venezuela (Bolivarian Republic of)"."""
    name = re.sub(r"\(.*?\)", " ", _HEADING_NUMBER.sub("", heading).replace("’", "'")).strip()
    return any(name == form for form in (country, *_COMMON_FORMS.get(country, ())))


def _outside_its_part(question: str, country: str, evidence: Evidence) -> bool:
    """Whether a heading of the document is the country's name alone, giving it a part of its own
    ("II. South Sudan" of a report on South Sudan and the Sahel), that the paragraph does not stand
    under ("III. Sahel region"): the title's country is then not the subject of all its
    paragraphs. A heading naming the country among other words ("Eastern and southern Libya", a
    mission's name) makes no such part. A country the question names only in a clause naming the
    document ("In the report on ... the Democratic Republic of the Congo and the Region, where did
    the EAC-SADC ministerial meeting take place?") is not asked of the paragraph (rag.search.focus)."""
    parts = {h for h in evidence.headings if _country_heading(h, country)}
    return bool(parts) and not parts & set(evidence.section.split(" > ")) \
        and _names_country(country, focus(question), by_stem=False)


def _told_of(question: str, c: Constraint, evidence: Evidence, paragraph: str) -> bool:
    """Whether the asked country is told of all the same, or not asked of: shortened in the
    document, named in the paragraph or in a heading over it (its subject: "1. Western Sahara"), a
    word of a body's name in the question, the State a speaker speaks for, or where a person the
    document names comes from (`_nationality_of_named`)."""
    return _short_for(c, evidence.document) or _names_country(c.value, paragraph) \
        or _names_a_body(question, c.value) or _names_country(c.value, evidence.section) \
        or _speaks_for(c.value, evidence.paragraph, evidence.document) \
        or _nationality_of_named(question, c.value, evidence.document)


# An officer a question tells a report or meeting by: "whose rapporteur was Stefany Romero Veiga
# of Uruguay", "chaired by Pierre Jaillard (France)".
_OFFICER = (r"(?:[Rr]apporteur|[Cc]hair(?:person|man|woman)?|[Vv]ice-[Cc]hair(?:person)?|[Pp]resident|"
            r"[Vv]ice-[Pp]resident|[Ff]acilitator|[Cc]o-[Cc]hairs?|[Cc]oordinator)")
# The officer's name and the word before the country they come from: "Stefany Romero Veiga of ".
_NAME_OF = (r"((?:(?:Ms|Mr|Mrs|Dr)\.\s+)?(?:[A-Z][\w'’.-]+\s+){1,4}[A-Z][\w'’.-]+)"
            r"\s*(?:of\s+(?:the\s+)?|\(\s*)(?=[A-Z])")
_OFFICER_NAMED = re.compile(rf"\b{_OFFICER}\s+(?:(?:was|is|were|are)\s+|by\s+|,\s*)?{_NAME_OF}")
_CHAIRED_BY = re.compile(rf"\b(?:chaired|presided\s+over|moderated|facilitated)\s+by\s+{_NAME_OF}")


def _nationality_of_named(question: str, country: str, document: str) -> bool:
    """Whether the question gives the country only as where an officer it tells the report or
    meeting by comes from ("the report whose rapporteur was Stefany Romero Veiga of Uruguay", of
    A/79/437/Add.4, which names her on its cover), an officer the document names: not what it asks
    about ("What did Dina Boluarte of Peru say?" asks about Peru)."""
    flat = " ".join(document.split())
    for m in (*_OFFICER_NAMED.finditer(question), *_CHAIRED_BY.finditer(question)):
        if not question.startswith(country, m.end()):
            continue
        name = m.group(1).split()
        written = r"(?<![\w-])" + r"\s+".join(map(re.escape, name[-2:])) + r"(?![\w-])"
        if re.search(written, flat, re.IGNORECASE):
            return True
    return False


# A person a paragraph names by honorific and name ("Mr. Lourenço", "Mr. Al Hassan": the last word
# is the surname), and the office of a country written right before or around a person's name ("the
# President of Angola, João Lourenço", "the Angolan President, João Lourenço", "President João
# Lourenço of Angola", "the Permanent Representative of Angola to the United Nations, Francisco ...").
_HONORIFIC_NAME = re.compile(r"\b(?:Mr|Ms|Mrs)\.\s+((?:[^\W\d_][\w'’-]+\s+){0,3}[^\W\d_][\w'’-]+)")
_COUNTRY_OFFICE = (r"(?:President|Vice-President|Prime\s+Minister|Foreign\s+Minister|Minister(?:\s+(?:of|for)\s+"
                   r"[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){0,3})?|King|Queen|Emir|Head\s+of\s+State|Ambassador|"
                   r"Permanent\s+Representative)")
_TO_THE_UN = r"(?:\s+to\s+the\s+United\s+Nations)?"
_GIVEN_NAMES = r",?\s+(?:(?:Mr|Ms|Mrs)\.\s+)?(?:[^\W\d_][\w'’.-]*\s+){0,5}$"  # between the office and the surname


def _surname(words: str) -> str:
    """The last of the capitalised words that open `words` ("Lourenço condemned" -> "Lourenço",
    "Al Hassan said" -> "Hassan")."""
    run = []
    for word in words.split():
        if not word[:1].isupper():
            break
        run.append(word)
    return (run or words.split())[-1]


def _speaks_for(country: str, paragraph: str, document: str) -> bool:
    """Whether the paragraph names a person ("Mr. Lourenço") whom the document names as holding an
    office of the country, the country written with the office right before the name or right after
    it ("the President of Angola, João Lourenço", "President João Lourenço of Angola"): what the
    person says or does is the country's. A country merely written near the name ("the president of
    the Serbian List Party claimed that Mr. Kurti") is not."""
    named = re.escape(country)
    people = "|".join(re.escape(w) for w in (form for form, owner in DEMONYMS.items() if owner == country))
    of_country = rf"\s+of\s+(?:the\s+)?{named}"
    before = re.compile(rf"(?:\b{_COUNTRY_OFFICE}{of_country}{_TO_THE_UN}|\b{named}['’]s\s+{_COUNTRY_OFFICE}"
                        + (rf"|\b(?:{people})\s+{_COUNTRY_OFFICE}" if people else "") + rf"){_GIVEN_NAMES}")
    office = re.compile(rf"\b{_COUNTRY_OFFICE}{_GIVEN_NAMES}")
    for surname in {_surname(m.group(1)) for m in _HONORIFIC_NAME.finditer(paragraph)}:
        for window, end in before_names(surname, document):
            if before.search(window) or (office.search(window) and re.match(of_country, document[end:])):
                return True
    return False


# A figure across many countries: "across over 130 countries", "in 80 Member States".
_MANY_COUNTRIES = re.compile(r"\b(?:in|across)\s+((?:(?:more\s+than|over|some|about|nearly|almost)\s+)?"
                             r"(?:\d[\d,]*|(?:" + CARDINALS + r")(?:-\w+)?))\s+(?:countries|Member\s+States)\b",
                             re.IGNORECASE)


def _check_many_countries(question: str, found: list[Constraint], evidence: Evidence) -> Mismatch | None:
    """A figure asked for one country ("How many UNOPS projects were implemented in Afghanistan?")
    of a paragraph naming no country that gives its figures across many ("more than 1,100 projects
    across over 130 countries"): the whole, not the asked country's share; not in a report on the
    asked country, nor for troops "from 62 countries", which are its mission's."""
    asked = [c for c in found if c.kind == "country"]
    if len(asked) != 1 or question_type(question) != "number" or countries(evidence.paragraph) \
            or asked[0].value in countries(f"{evidence.title}\n{evidence.masthead}"):
        return None  # a report on the asked country tells of it
    many = _MANY_COUNTRIES.search(evidence.paragraph)
    return Mismatch(asked[0], many.group(1) + " countries") if many else None


# A country named as a place's neighbour, which the paragraph is not about: "the Darién Gap
# (bordering Panama), Norte de Santander (bordering the Bolivarian Republic of Venezuela)" is
# about Colombia (A/80/56, para. 90).
_COUNTRY_NAMED = r"(?:the\s+)?(?:[A-Z][\w-]*\s+(?:of\s+)?){0,3}(?:" + COUNTRY_AT.pattern + ")"
_BORDERING = re.compile(r"\b(?:bordering|on\s+the\s+border\s+with|borders?\s+(?:of\s+[A-Z][\w-]*\s+)?"
                        rf"with)\s+{_COUNTRY_NAMED}(?:\s*(?:,|and)\s+{_COUNTRY_NAMED})*")
# A question on a border itself, which names the neighbours it asks about.
_ASKS_BORDER = re.compile(r"\b(?:borders?|bordering|neighbou?r\w*)\b", re.IGNORECASE)


def _asked_countries(question: str, found: list[Constraint]) -> list[Constraint]:
    """The question's countries, or those its people's words name ("Chinese schools in Malaysia")."""
    asked = [c for c in found if c.kind == "country"]
    return asked or [Constraint("country", k, k) for k in demonym_countries(question)]


# A question asking where something is or was done: "Where will Iraq's election machines be upgraded?"
_ASKS_WHERE = re.compile(r"\bwhere\s+(?:will|would|did|does|do|is|are|was|were|has|have|had|can|could|should)\b",
                         re.IGNORECASE)


def _asked_for_in_report_on(question: str, asked: list[Constraint], document: str) -> bool:
    """Whether the question asks which country, or where, of a document whose subject is the country
    it names (S/2025/323, on Iraq: "The upgrades are to be carried out in the Republic of Korea")."""
    return (asks_country(question) or _ASKS_WHERE.search(question) is not None) \
        and _dominant(document) in ([c.value] for c in asked)


# A sentence about one country of a paragraph's list of them: "In Mozambique, post-harvest losses fell ...".
_IN_COUNTRY = re.compile(r"^\W*In\s+(?:the\s+)?(" + COUNTRY_AT.pattern + r")\s*,")
# A sentence whose subject is a country, a verb of measuring after it: "Mauritania recorded a 5.1 per
# cent GDP growth" (not "Sierra Leone responded by sending troops", which tells who acted).
_COUNTRY_MEASURED = re.compile(r"^\W*(?:The\s+)?(" + COUNTRY_AT.pattern + r")\s+(?:recorded|registered|reported|"
                               r"posted|saw|grew|experienced|achieved|reached|has\s+recorded|has\s+registered)\b")
# A sentence whose subject is a country, after the day or year it opens on, a verb of a State's act
# after it: "On 15 October 2024, Paraguay published decree No. 2709".
_COUNTRY_ACTED = re.compile(r"^\W*(?:(?:On|In|By)\s+(?:\d{1,2}\s+)?(?:" + MONTH_PATTERN + r"\s+)?(?:\d{4})?,\s+)?"
                            r"(?:the\s+)?("
                            + COUNTRY_AT.pattern + r")\s+(?:published|adopted|enacted|signed|ratified|acceded|"
                            r"submitted|announced|launched|approved|issued|promulgated|deposited)\b")
# A question whose subject is the country that acted: "When did Uruguay publish its decree ...?"
_ASKED_ACT = r"\b(?:did|does|do|has|have|had|will|would)\s+(?:the\s+)?{}\s+[a-z]+"


# A sentence about one year of a paragraph's run of them: "In 2024, the JIU issued seven reports".
_IN_YEAR = re.compile(rf"^\W*(?:In|During|For)\s+(?:(?:\d{{1,2}}\s+)?{MONTH_PATTERN}\s+)?((?:19|20)\d\d)\s*,")


# A sentence about one organization of several a paragraph names: "For UNDP, the notional
# cost-recovery rate amounts to 6.4 per cent", or one whose subject it is, a verb of what it did after
# it ("UNISFA conducted 1,129 patrols").
_FOR_ENTITY = re.compile(r"^\W*(?:For|In|At)\s+(?:the\s+)?([A-Z][A-Za-z-]{2,})\s*,|"
                         r"^\W*([A-Z][A-Z-]{2,}[A-Za-z-]*)\s+(?:(?![a-z]*eed\b)[a-z]+ed|held|led|took|made|gave|met|"
                         r"won|sent|spent|paid|built|ran|began|saw)\b")


def check_quote(question: str, quote: str, paragraph: str, title: str = "") -> Mismatch | None:
    """The quote opening on another country, year or organization than the one the question asks
    about, which the paragraph names elsewhere (`check_quote_country`, `check_quote_year`,
    `check_quote_organization`), giving its figure for another year than the one asked
    (rag.answer.years.check_quote_figure_year), or setting another name where the question sets
    its own (rag.answer.frames)."""
    entity = check_quote_organization(question, quote) or check_quote_frame(question, quote, paragraph)
    if entity is not None:
        return entity
    found = question_constraints(question)  # read once for all
    told = written_periods(quote)
    if not (_IN_COUNTRY.match(quote) or _COUNTRY_MEASURED.match(quote) or _COUNTRY_ACTED.match(quote)
            or _IN_YEAR.match(quote) or told):
        return check_quote_figure_year(question, quote, paragraph, found)
    return check_quote_country(question, quote, paragraph, title, found) \
        or check_quote_year(question, quote, paragraph, found) or _quote_period(question, told, paragraph, found) \
        or check_quote_figure_year(question, quote, paragraph, found)


def check_quote_organization(question: str, quote: str) -> Mismatch | None:
    """An organization the question names alone that the quote, opening on another ("For UNDP,
    ...", or for a figure asked, "UNISFA conducted ..."; not the one a question asking who or which
    is answered by), never writes."""
    opens = _FOR_ENTITY.match(quote)
    entity = opens.group(1) or (opens.group(2) if question_type(question) == "number" else None) \
        if opens is not None else None
    if entity not in ENTITIES:
        return None
    asked = [a for a in acronyms(question) if a in ENTITIES]
    if len(asked) != 1 or asked[0] == entity or writes_acronym(quote, asked[0]):
        return None
    return Mismatch(Constraint("organization", asked[0], asked[0]), entity)


def _quote_period(question: str, told: set[tuple[int, int]], paragraph: str,
                  found: list[Constraint]) -> Mismatch | None:
    """A period the question asks a figure for ("for 2022-2025") that the paragraph names while the
    quote, the sentence the question's other words chose, gives its figure for another as long and
    near (`told`: "projected at $16.0 billion through 2026–2029", DP/2025/23, para. 31) and never
    names the asked one."""
    asked = [c for c in found if c.kind == "period"]
    if len(asked) != 1 or question_type(question) != "number":
        return None
    start, end = (int(x) for x in asked[0].value.split("-"))
    if (start, end) in told or (start, end) not in written_periods(paragraph):
        return None
    alike = sorted(p for p in told if p[1] - p[0] == end - start and 0 < abs(p[0] - start) <= NEAR_YEARS)
    if not alike:
        return None
    return Mismatch(asked[0], f"{alike[0][0]}-{alike[0][1]}", "gives {found}'s figure, not {label}'s")


def check_quote_year(question: str, quote: str, paragraph: str,
                     found: list[Constraint] | None = None) -> Mismatch | None:
    """A year the question asks a figure for that the paragraph names while the quote, the sentence
    the question's other words chose, opens on another and never names it ("In 2024, the JIU issued
    seven reports" for 2022, in a paragraph mentioning reports of 2022 and 2023). `found`: the
    question's constraints, where already read."""
    opens = _IN_YEAR.match(quote)
    asked = [c for c in (question_constraints(question) if found is None else found) if c.kind == "year"]
    if opens is None or len(asked) != 1 or question_type(question) != "number" \
            or not re.search(rf"\b(?:in|during|for)\s+(?:(?:\d{{1,2}}\s+)?{MONTH_PATTERN}\s+)?{asked[0].value}\b",
                             question, re.IGNORECASE):
        return None  # a year the figure is asked for, not "by 2030", "since 2022", "as at 2 May 2025"
    year = asked[0].value
    if year == opens.group(1) or re.search(rf"(?<![\d/]){year}(?![\d/])", quote) \
            or not re.search(rf"(?<![\d/]){year}(?![\d/])", paragraph):
        return None
    return Mismatch(asked[0], opens.group(1), "gives {found}'s figure, not {label}'s")


def check_quote_country(question: str, quote: str, paragraph: str, title: str = "",
                        found: list[Constraint] | None = None) -> Mismatch | None:
    """A country the question asks a figure in ("in Malawi", "Senegal's", or "for Cameroon" asking a
    number) that the paragraph names elsewhere while the quote, the sentence the question's other
    words chose, opens on another ("In Mozambique, post-harvest losses fell ...", or, unless the
    question asks who or which country, "Mauritania recorded ...", or "On 15 October 2024, Paraguay
    published ..." where the question's subject is the asked country: "When did Uruguay publish
    ...?") and names none the question does: the paragraph gives the asked figure for another
    country of its list. Not for the country
    of the document's title. `found`: the question's constraints, where already read."""
    asked_type = question_type(question)
    who = asked_type in ("name", "country")  # a quote telling who acted answers who
    measured = _COUNTRY_MEASURED.match(quote) if not who else None
    acted = _COUNTRY_ACTED.match(quote) if not who else None
    opens = _IN_COUNTRY.match(quote) or measured or acted
    asked = [c for c in (question_constraints(question) if found is None else found) if c.kind == "country"]
    if opens is None or any(_names_country(c.value, quote) for c in asked):
        return None
    # a figure asked "for" a country is its own ("projected for Cameroon"), not so a thing's ("trained for Haiti")
    prepositions = "(?:in|for)" if asked_type == "number" else "in"
    for c in asked:  # a country the figure is asked in ("fall in Malawi", "Senegal's growth"), not one acting elsewhere
        label = re.escape(c.label)
        if opens.group(1) != c.value and _names_country(c.value, paragraph) and not _names_country(c.value, title) \
                and (re.search(rf"\b{prepositions}\s+(?:the\s+)?{label}\b|\b{label}[’']s\b", question)
                     or opens is acted and re.search(_ASKED_ACT.format(label), question)):
            return Mismatch(c, opens.group(1), "gives {found}'s, not {label}'s")
    return None


# The share of a document's mentions of countries that makes the one it names most the country its
# paragraphs naming none are about (a report on Iraq titled "Implementation of resolution 2732
# (2024)" names Iraq 109 times of the 186 it names any, the Syrian Arab Republic 20).
DOMINANT_SHARE = 0.5
DOMINANT_MENTIONS = 10  # and at least this many times (a list of officers names one country once)
DOMINANT_OVER_ASKED = 4  # and this many times as often as the asked country


# Places a document names for the State of Palestine's territory.
_PALESTINIAN_PLACES = re.compile(r"\b(?:Gaza|West Bank|East Jerusalem|Occupied Palestinian Territory)\b")


@lru_cache(maxsize=16)
def _country_mentions(document: str) -> Counter[str]:
    """How often the document names each country, by any of its names ("Syria" for the Syrian Arab
    Republic; Gaza and the West Bank for the State of Palestine)."""
    named = countries(document) + Counter(country for _, country in common_names(document, every=True))
    named["State of Palestine"] += len(_PALESTINIAN_PLACES.findall(document))
    return +named


def _dominant(document: str, asked: list[Constraint] | None = None) -> list[str]:
    """The country the document names more than all others together (DOMINANT_SHARE) and at least
    DOMINANT_MENTIONS times, if any, and more than four times as often as any country `asked` (a
    report naming Iraq 109 times and the Syrian Arab Republic 20 is about Iraq; one naming the
    country asked about a third as often as its subject may be about it in places)."""
    named = _country_mentions(document)
    if not named:
        return []
    country, times = named.most_common(1)[0]
    if times < max(DOMINANT_SHARE * sum(named.values()), DOMINANT_MENTIONS):
        return []
    return [] if any(named[c.value] * DOMINANT_OVER_ASKED > times for c in asked or []) else [country]


# A State's organs, named by its people's word: "Iraqi security forces", "the Malian authorities".
_ORGAN = re.compile(r"\s+(?:security|armed|defence|defense|police|military)\s+forces?\b|\s+(?:Government|authorities|"
                    r"police|army|armed forces|troops|soldiers|officials)\b")


def _state_organs(text: str) -> list[str]:
    """The countries whose organs the text names by their people's word ("Iraqi security forces" ->
    Iraq); not a people ("500,000 Afghans") nor a language ("Arabic, Chinese")."""
    return list(dict.fromkeys(k for m, k in people_words(text) if _ORGAN.match(text, m.end(1))))


def _told_instead(c: Constraint, others: list[str], subject: Counter[str], question: str,
                  paragraph: str, written: bool) -> Mismatch:
    """The country a paragraph is about instead of the asked one: the one whose office it names
    as the question names the asked one's ("the President of Malawi ... ordered" for "When did
    the President of Zambia order ...?", S/2025/202, para. 16); else its document's own where the
    paragraph names it ("the Central African Republic", not the Sudan its refugees come from);
    else a name inside the asked one ("the Sudan" for South Sudan); else the one other it names.
    A paragraph that writes several others (`written`: not countries read off its document or its
    people's words) is about none of them alone: it is said to name them ("names United States,
    France and Lebanon, not Syria")."""
    asked = c.value
    offices = re.findall(rf"\b([A-Z][\w-]+)\s+of\s+(?:the\s+)?{re.escape(asked)}\b", question)
    alike = [k for k in others for office in offices
             if re.search(rf"\b{re.escape(office)}\s+of\s+(?:the\s+)?{re.escape(k)}\b", paragraph)]
    own = [k for k in others if k in subject]
    kin = [k for k in others if set(k.split()) < set(asked.split())]
    if alike or own or kin or len(others) == 1 or not written:
        return Mismatch(c, (alike or own or kin or others)[0])
    return Mismatch(c, listing(others), "names {found}, not {label}")


# A question naming at least this many words (capitalised, past its first) that the document
# never writes is about someone or something else (rag.answer.names); one such word alone only
# where it is a proper name (`_proper_unwritten`): a paraphrase brings in adjectives and regions
# ("Nordic", "West African", "Europe" for "the Mediterranean") more than names.
MISSING_NAMES = 2
# Words that name a region, a direction or the whole world, which a question may use for the places a
# document lists ("people on Earth" for "the world population").
_REGIONS = frozenset(("North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
                      "Middle", "Southeast", "Northeast", "Southwest", "Northwest", "Europe", "Africa", "Asia",
                      "America", "Americas", "Latin", "Oceania", "Sahel", "Balkans", "Gulf", "Horn", "Scandinavia",
                      "Maghreb", "Levant", "Caucasus", "Earth", "Planet"))
# Words of a State's formal name ("the Kingdom of Saudi Arabia"), of places ("Saint Petersburg" for
# "St. Petersburg") and days, which a document may write otherwise or not at all.
_NAME_PARTS = frozenset(("Kingdom", "Republic", "Republics", "Sultanate", "Principality", "Emirate", "Emirates",
                         "Federation", "Commonwealth", "Saint", "Mount", "Monday", "Tuesday", "Wednesday", "Thursday",
                         "Friday", "Saturday", "Sunday", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays",
                         "Saturdays", "Sundays"))
# Offices held by one person of a body, by which a question may name the holder ("Secretary-General
# Guterres", "President Macron") where the document writes only the office.
_OFFICES = frozenset(("secretary-general", "president", "minister", "chair", "chairperson", "chairman",
                      "commissioner", "director-general", "director", "administrator", "prosecutor", "registrar",
                      "envoy", "king", "queen", "emir", "pope", "prince"))
# The words of the names of bodies, offices, meetings and instruments, which a question may give
# for the document's own ("the Assembly", "the Board", "the Convention").
_TITLE_WORDS = frozenset("""
Assembly Board Council Committee Commission Secretary Secretariat General Chair Chairperson Chairman President
Vice Bureau Conference Convention Agreement Declaration Charter Pact Protocol Treaty Covenant Statute Framework
Programme Program Fund Office Organization Agency Court Tribunal Mission Forum Summit Report Plan Strategy Group
Panel Party Parties Government Ministry Minister Director Executive Special Rapporteur Envoy Representative
Meeting Session Resolution Decision Initiative Network Facility Centre Center Institute Department Division
Section Unit Service Services Team Force Forces Police Army Union Community Authority Bank Coalition Alliance
Partnership Platform Agenda Goals Goal Development Rights Human Peace Security United Nations Nation State States
Member Members Review Audit Evaluation Annual High Level Working Expert Experts Advisory Joint Independent Ad Hoc
List Day Year Decade Week Award Prize Act Law Code Rules Regulations Guidelines Principles Standards Index
""".split())
_ADJECTIVE_FORMS = frozenset(f for forms in ADJECTIVES.values() for f in forms)
MIN_PROPER = 4  # letters: shorter capitalised words are mostly abbreviations ("Feb", "Sr", "St")
_ABBREVIATIONS = frozenset(("Sept", "Dept", "Govt", "Intl"))
# "Nordic", "Panamanian", "Palestinians", "Beninese", "Balkan", "Kurdish"
_ADJECTIVE_END = re.compile(r"(?:ans?|eses?|ish|ics?)$")
_WORD = re.compile(r"[^\W\d_]+")
_JOINERS = re.compile(r"(?<=\w)[-'’](?=\w)")  # "Da'esh", "Abdel-Aziz", "South-East"
# Most of a question's words capitalised: a title-case query ("Number Of Attacks In Iraq"), whose
# capitals say nothing of names.
TITLE_CASE = 0.6


def _folded(text: str) -> str:
    """The text lower-cased in plain letters, words joined at a hyphen or an apostrophe
    ("Céloron" -> "celoron", "Da’esh" -> "daesh", "South-East" -> "southeast"); letters without a
    plain form are left out."""
    return unicodedata.normalize("NFKD", _JOINERS.sub("", text.lower())).encode("ascii", "ignore").decode("ascii")


def _transposed(a: str, b: str) -> bool:
    """Two neighbouring letters swapped ("Ghandi" and "Gahndi")."""
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y] if len(a) == len(b) else []
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


@dataclass(frozen=True)
class _Written:
    """What a document writes, for `_proper_unwritten`: its text folded (`_folded`), its
    capitalised words folded, and the words of the capitals of the States it names."""

    text: str
    names: frozenset[str]
    capitals: frozenset[str]


@lru_cache(maxsize=4)
def _written(document: str) -> _Written:
    """The document read once for the names checks of one answer (a few documents at a time)."""
    states = set(COUNTRY_AT.findall(document.replace("\u2019", "'")))
    capitalised = {w for w in _WORD.findall(_JOINERS.sub("", document)) if w[0].isupper()}
    return _Written(_folded(document), frozenset(_folded(w) for w in capitalised),
                    frozenset(w for c in states for w in _folded(CAPITALS.get(c, "")).split()))


def _held(folded: str, text: str) -> bool:
    """The folded word opens or ends a word of the folded text ("swahili" in "kiswahili"; not
    "paris" in "comparison")."""
    return re.search(rf"\b{re.escape(folded)}|{re.escape(folded)}\b", text) is not None


# Capitals' words that name other things too: people, networks, groups, a city of another State.
_NOT_SEATS = frozenset(("Saint", "Santo", "Victoria", "Washington", "Santiago", "Kingston", "George's", "Louis",
                        "Jerusalem", "Tripoli"))


def _seat_names(city: str) -> list[str]:
    """The words of a capital's entry in CAPITALS that name it alone ("Nairobi"; "Cotonou" of
    "Porto-Novo Cotonou"): five letters or more, not inside a name joined by a word in lower case
    ("Spain" of "Port of Spain", "Salaam" of "Dar es Salaam"), none of _NOT_SEATS."""
    words = city.split()
    return [w for i, w in enumerate(words) if len(w) >= 5 and w not in _NOT_SEATS
            and not (i > 0 and words[i - 1][:1].islower()) and not (i + 1 < len(words) and words[i + 1][:1].islower())]


# What a capital names when it is no place: "the Paris Agreement", "the Beijing Declaration".
_NAMED_AFTER = (r"Agreement|Declaration|Convention|Conventions|Programme|Action|Agenda|Principles|Protocol|Statement|"
                r"Plan|Platform|Consensus|Accords?|Process|Commitments?|Call|Rules|Pact|Treaty|Group|Club|Summit|"
                r"Framework|Initiative|Document|Outcome|Compact|Strategy|Roadmap|Charter|Code|Guidelines|Forum")


@lru_cache(maxsize=None)
def _seat(country: str) -> re.Pattern[str] | None:
    """The pattern of the country's capital written as a place (`names_seat`), compiled the first
    time it is asked for (not for every State at import: a cold `rag ask` reads one or two); None
    for a State without one."""
    names = "|".join(_seat_names(CAPITALS.get(country, "")))
    if not names:
        return None
    return re.compile(rf"(?:\b(?:in|at|from|to|near)\s+(?:the\s+)?(?:{names})\b(?![\w-])(?!\s+(?:{_NAMED_AFTER})\b)"
                      rf"|\b(?:{names})-based\b)")


def names_seat(country: str, text: str) -> bool:
    """Whether the text names the country's capital as a place ("the United Nations Office at
    Nairobi", "held in Vienna", "Nairobi-based": Kenya, Austria), not as a text's name ("the Paris
    Agreement")."""
    seat = _seat(country)
    return seat is not None and seat.search(text) is not None


def seat_for_place(question: str, name: str, paragraph: str) -> bool:
    """Whether the paragraph's capital stands for the country the question names as a place ("the
    Kenya-based visitors office", "the office in Kenya": the Office at Nairobi), not as the one
    that acts or is asked about ("When did Kenya obtain independence?")."""
    as_place = rf"\b(?:in|at|from|to|near|within|across)\s+(?:the\s+)?{re.escape(name)}\b|\b{re.escape(name)}-based\b"
    return re.search(as_place, question) is not None and names_seat(name, paragraph)


def _proper_unwritten(word: str, document: str) -> bool:
    """An unwritten name word that is a proper name the document would write: not an adjective, a
    people's word, a region or a word of a body's title, not the capital of a State the document
    names ("New Delhi" for India's Government), not inside one of its words ("Swahili" in
    "Kiswahili"), and no capitalised word of the document is the same name spelt otherwise
    (accents, one letter added, dropped, changed, or two swapped: "Celeron" for "Céloron")."""
    if len(word) < MIN_PROPER or word in _ABBREVIATIONS or word in _REGIONS or word in _NAME_PARTS \
            or word in _TITLE_WORDS or word in _ADJECTIVE_FORMS or word in DEMONYMS or _ADJECTIVE_END.search(word) \
            or OTHER_NAME_AT.fullmatch(word):
        return False
    folded = _folded(word)
    written = _written(document)
    if (len(folded) >= 5 and _held(folded, written.text)) or folded in written.capitals:
        return False
    return not any(n == folded or (abs(len(n) - len(folded)) <= 1 and (one_edit(n, folded) or _transposed(n, folded)))
                   for n in written.names)


def _acronym_written(word: str, document: str) -> bool:
    """An acronym the document spells out or writes as documents do ("UNFCCC": "United Nations
    Framework Convention on Climate Change"; "GDP": "gross domestic product"; "FfD4"), in capitals
    or with a word's next letter in small type ("AfCFTA": "African Continental Free Trade Area";
    not a name such as "OpenAI", whose small letters are most of a word)."""
    mixed = sum(ch.isupper() for ch in word) >= 3 and sum(ch.islower() for ch in word) <= 2
    return (word in SPELLED_OUT or len(word) >= 3 and (word.isupper() or mixed)) and writes_acronym(document, word)


def _check_names(c: Constraint, evidence: Evidence) -> Mismatch | None:
    document = evidence.document + " " + " ".join(evidence.symbols)
    # not the words of a name the document writes otherwise ("Earth Summit": the United Nations
    # Conference on Environment and Development)
    written_otherwise = set(_WORD.findall(c.label)) - set(_WORD.findall(without_spelled_out(c.label, document)))
    words = [w for w in c.value.split() if w not in written_otherwise]
    missing = _without_countries_written([w for w in unwritten(words, document) if not _acronym_written(w, document)],
                                         document)
    if len(missing) < MISSING_NAMES:
        return None
    label = _runs(words, missing, c.label)
    return Mismatch(Constraint("names", label, label), "", "never names {label}")


# Each country by its adjectives and people's words ("Spanish": Spain, "British": the United Kingdom).
_COUNTRY_OF_WORD = {**{f: country for country, forms in ADJECTIVES.items() for f in forms}, **DEMONYMS}


def _without_countries_written(words: list[str], document: str) -> list[str]:
    """The words without the adjectives and people's words of countries the document names (its
    countries read only where one of the words is such a word)."""
    if not any(w in _COUNTRY_OF_WORD for w in words):
        return words
    named = countries(document)
    return [w for w in words if _COUNTRY_OF_WORD.get(w) not in named]


def _office_holder(question: str, name: str, document: str) -> bool:
    """The question names the holder of an office the document writes ("Secretary-General
    Guterres" in a report of the Secretary-General, who never names himself)."""
    m = re.search(rf"([\w-]+)\s+(?:[A-Z][\w'’-]*\s+)?{re.escape(name)}\b", question)
    office = m.group(1).lower() if m else ""
    return office in _OFFICES and re.search(rf"\b{re.escape(office)}\b", document, re.IGNORECASE) is not None


# A word describing the place asked for ("In which Alpine country ...?", "Which Nordic State ...?"):
# the paragraph names the answer ("Switzerland") without it.
_ANSWER_DESCRIBED = re.compile(r"\b(?i:which|what)\s+(?:(?:West|East|North|South|Central|Latin|Southern|Northern|"
                               r"Eastern|Western|South-East)\s+)?[A-Z][a-z]+"
                               r"(?=\s+(?:countr(?:y|ies)|States?|nations?|cit(?:y|ies)|capitals?|islands?|towns?|"
                               r"ports?)\b)")


def check_proper_name(question: str, evidence: Evidence) -> Mismatch | None:
    """A proper name the question gives that the document never writes (`_proper_unwritten`):
    "Which mayor of Marseille spoke at the opening of the Conference?" answered from a report
    that never names Marseille; a State the question names as a place, whose capital the
    paragraph names as one, is named ("the Kenya-based office" of "the United Nations Office at
    Nairobi": `seat_for_place`). Checked after every other constraint, which names the mismatch
    more closely ("the Tambura temporary operating base, not the Yambio ...")."""
    words = _WORD.findall(question)
    if sum(w[0].isupper() for w in words) >= TITLE_CASE * len(words):
        return None
    document = evidence.document + " " + " ".join(evidence.symbols)
    asked = _ANSWER_DESCRIBED.sub(" ", _COUNTRY.sub(" ", without_spelled_out(without_symbols(question), document)))
    missing = [w for w in unwritten(name_words(asked), document)
               if _proper_unwritten(w, document) and not _office_holder(question, w, document)
               and not _acronym_written(w, document) and not seat_for_place(question, w, evidence.paragraph)]
    if not missing:
        return None
    return Mismatch(Constraint("names", missing[0], name_around(question, missing[0])), "", "never names {label}")


# Words inside a person's name that are written in lower case: "Guido van Rossum".
_PARTICLES = r"(?:van|von|de|der|den|da|del|della|di|du|la|le|al|bin|ibn|ben|dos|das)"


def _runs(words: list[str], missing: list[str], question: str = "") -> str:
    """The missing name words as the question runs them together ("Abdoulaye Bathily", "Guido van
    Rossum"), runs apart joined by "or" ("Biological or Convention" where the document writes
    "Weapons")."""
    runs: list[list[str]] = []
    last = -2
    for i, w in enumerate(words):
        if w in missing:
            if i == last + 1:
                runs[-1].append(w)
            else:
                runs.append([w])
            last = i
    return " or ".join(_as_written(r, question) for r in runs)


def _as_written(run: list[str], question: str) -> str:
    """The run of name words as the question writes it, with the particles between them, or the
    words joining a name's parts ("East and North" of "the Middle East and North Africa")."""
    m = re.search(rf"\s+(?:(?:{_PARTICLES}|and|of|for|the)\s+)*".join(re.escape(w) for w in run), question)
    return m.group(0) if m else " ".join(run)


def _check_titled(c: Constraint, evidence: Evidence) -> Mismatch | None:
    """Another thing of the kind the document names with the title's first word ("Hurricane
    Beryl" for "Hurricane Melissa", where the name is written in no form: `_unwritten_word`), as
    its title or the paragraph writes it, or the paragraph's own of that kind, or, where only the
    rest of the document names one, that it never names the asked one; or a
    word of the title's full name the document never writes
    ("the Chemical Weapons Convention" of the report of a Meeting on nuclear weapons), a title of
    capitalised words only ("the Special Representative for Europe" may paraphrase a region)."""
    head, name = c.value.split(" ", 1)
    # "Central Asian" of a document writing "Central Asia" names the region, not another "Central" thing
    other = replaced(head, name, evidence.document) if _unwritten_word(name, evidence.document) else None
    if other is not None:
        # the other thing as the document's title or the paragraph names it, else none: one named
        # elsewhere in the document is not what the paragraph is about ("International Conferences
        # on Financing for Development" of an agenda, for the paragraph on Bhutan's item)
        if _written_in(other, f"{evidence.title}\n{evidence.masthead}\n{evidence.paragraph}"):
            return Mismatch(c, other)
        told = replaced(head, name, evidence.paragraph)
        return Mismatch(c, told) if told is not None else Mismatch(Constraint("names", c.label, c.label), "",
                                                                    "never names {label}")
    words = c.label.split()
    written = evidence.document + " " + " ".join(evidence.symbols)
    if len(words) >= TITLE_WORDS and all(w[:1].isupper() for w in words) \
            and any(_unwritten_word(w, written) for w in unwritten(words, written) if w not in _REGIONS):
        return Mismatch(Constraint("names", c.label, c.label), "", "never names {label}")
    return None


def _written_in(name: str, text: str) -> bool:
    """Whether the text writes the name, its spaces and case aside."""
    return re.search(r"\s+".join(re.escape(w) for w in name.split()), text, re.IGNORECASE) is not None


def _unwritten_word(word: str, document: str) -> bool:
    """A word the document writes in no form: "Rican" is written as "Rica", a people's word as its
    country's name, an acronym spelled out ("UNFCCC" as "United Nations Framework Convention on
    Climate Change")."""
    if _acronym_written(word, document):
        return False
    return not any(not unwritten([word[:-k]], document) for k in (1, 2, 3) if len(word) - k >= 4)


TITLE_WORDS = 3  # a title this long, one of whose words its document never writes, names another thing


# An event a question asks what was done at: "adopt at its twenty-third session", "attended the
# sixth Forum" (not "chosen to host the sixth Forum", done before it).
_DONE_AT = re.compile(r"\b(?:at|during|attended|attend)\s+(?:the|its|their)?\s*$", re.IGNORECASE)
# Characters after an event's ordinal within which a date is the event's ("the forty-first and
# 116th sessions, in December 2025"); a sentence about what is to come dates its events anywhere.
DATE_REACH = 60
_TO_COME = re.compile(r"\b(?:will|would|shall|scheduled|planned|expected|to be held|upcoming|forthcoming|next)\b",
                      re.IGNORECASE)
COMING_SLACK_MONTHS = 1  # a masthead date may precede the issue by weeks


def _later_dates(text: str, issued: tuple[int, int]) -> list[tuple[tuple[int, int], str]]:
    """The dates of a text after `issued` (year, month) plus a month's slack, and within
    LATER_YEARS of it, earliest first, a month before its year alone; a period's years ("for
    2026-2029") are none."""
    months = named_months(text)
    out = {((m.year, m.month), f"{MONTH_NAMES[m.month - 1]} {m.year}") for m in months
           if months_between(issued, (m.year, m.month)) > COMING_SLACK_MONTHS and m.year <= issued[0] + LATER_YEARS}
    alone = {int(y) for y in YEAR.findall(RANGE.sub(" ", text))} - {m.year for m in months}
    out |= {((y, 13), str(y)) for y in alone if issued[0] < y <= issued[0] + LATER_YEARS}
    return sorted(out)


def _check_coming(question: str, found: list[Constraint], evidence: Evidence) -> Mismatch | None:
    """A question about something done at a numbered event that the paragraph dates after the
    document was issued: "Which decisions did the Committee adopt at its twenty-third session?"
    of a paragraph asking for a report "at its twenty-third session, in 2027" (dated June 2025).
    The date must follow the event's ordinal closely, or the sentence be about what is to come
    ("the sixth Forum would be hosted by Saudi Arabia and tentatively scheduled to be held from 9
    to 12 November 2026")."""
    if not evidence.date[:4].isdigit() or not asks_done(question):
        return None
    issued = issued_month(evidence) or (int(evidence.date[:4]), 12)  # a year alone: its last month
    at = {_ordinal_value(m) for m in _ORDINAL.finditer(question) if _DONE_AT.search(question[:m.start()])}
    asked = {(int(c.value.split(" ")[0]), c.value.split(" ", 1)[1]): c for c in found
             if c.kind == "ordinal" and int(c.value.split(" ")[0]) in at}
    for sentence in split_sentences(evidence.paragraph) if asked else []:
        coming = _TO_COME.search(sentence) is not None
        for m in _ORDINAL.finditer(sentence):
            key = (_ordinal_value(m), _numbered_noun(m))
            if key not in asked:
                continue
            later = _later_dates(sentence if coming else sentence[m.end():m.end() + DATE_REACH], issued)
            if later:
                return Mismatch(asked[key], later[0][1], "dates {label} in {found}, after it was issued")
    return None


# A masthead's line naming the session a document is issued for: "Fifty-sixth session", "First
# regular session 2025" (not a title's "Report ... on its fifty-sixth session").
_SESSION_LINE = re.compile(r"^(?:[\w-]+\s+){1,2}session(?:\s+(?:of\s+)?(?:19|20)\d\d)?$", re.IGNORECASE)
# What a body does at its session, which a document issued for the session cannot tell.
_DECIDED = r"(?:decided?|adopt(?:ed)?|agreed?|elect(?:ed)?|approved?|endorsed?|recommend(?:ed)?)"
# A question about what was put to the body, which the document issued for it tells.
_PUT_TO = re.compile(r"\b(?:propos|recommend|invit|suggest|ask|request|submit|urg|call)\w*|\bmay wish\b", re.IGNORECASE)
# The session the question says it was done at: "at its fifty-sixth session".
_DONE_AT_SESSION = re.compile(r"\b(?:at|during)\s+(?:its|their|the)\s+([\w-]+)\s+(?:regular\s+|annual\s+|special\s+)?"
                              r"session\b", re.IGNORECASE)
# Documents of a session issued at or after it: drafts (".../L.1"), its report, its outcome.
_OF_THE_SESSION = re.compile(r"\bdraft\b|\breport\s+(?:of|on)\b.*\bsession\b|\bagreed conclusions\b|"
                             r"\b(?:decisions?|resolutions?)\s+adopted\b", re.IGNORECASE)


def check_own_session(question: str, evidence: Evidence) -> Mismatch | None:
    """What a body decided, adopted, recommended or elected at the numbered session its document's
    masthead says the document is issued for ("Fifty-sixth session" of a report to the Statistical
    Commission, issued weeks before it met): the document cannot tell. Only where the question
    names the body (the masthead's last organ) as the one that did it, asks of what was done at
    that session ("at its fifty-sixth session") and not, before naming it, of what was put to the
    body ("What did the Secretary-General propose that the Commission adopt ...?"); not for the
    General Assembly, whose main committees meet and report within its year-long session, nor for
    a document of the session itself (a draft, ".../L." symbol, a resolution or decision, its
    report, agreed conclusions)."""
    lines = evidence.masthead.split("\n")
    organ = lines[0].split("; ")[-1] if lines and lines[0] != evidence.title else ""
    if not organ or organ == "General Assembly" or not asks_done(question) or _of_the_session(evidence):
        return None
    acted = re.search(rf"\b{re.escape(organ)}\b(?:\s+[\w-]+){{0,2}}?\s+{_DECIDED}\b", question, re.IGNORECASE)
    if acted is None or _PUT_TO.search(question, 0, acted.start()):
        return None  # the body is not the one that decided, or it is asked what was put to it
    own = {n for line in lines if _SESSION_LINE.match(line.strip()) for n, noun in numbered_things(line)
           if noun == "session"}
    at = [ordinal_values(m.group(1)) for m in _DONE_AT_SESSION.finditer(question)]
    asked = [n for found in at for n in found if n in own]
    if not asked:
        return None
    label = f"the {ordinal_name(asked[0])} session"
    return Mismatch(Constraint("ordinal", f"{asked[0]} session", label), "",
                    "is from a document issued for {label}, before it met")


def _of_the_session(evidence: Evidence) -> bool:
    """Whether the document is one of the session itself, issued at or after it (`_OF_THE_SESSION`
    by its title, or a draft's, resolution's or decision's symbol)."""
    return _OF_THE_SESSION.search(evidence.title) is not None \
        or any(part in s for s in evidence.symbols for part in ("/L.", "/RES/", "/DEC/"))


# The General Assembly named as the one that did what the question asks: "did the General
# Assembly adopt", "the General Assembly waived".
_ASSEMBLY_DID = re.compile(rf"\bGeneral\s+Assembly\b(?:\s+[\w-]+){{0,2}}?\s+(?:{_DECIDED}|waived?|includ(?:e|ed))\b",
                           re.IGNORECASE)
ASSEMBLY_FIRST = 1945  # the General Assembly's Nth regular session opens in September of 1945 + N


def check_assembly_session(question: str, evidence: Evidence) -> Mismatch | None:
    """What the General Assembly decided, adopted or elected at a numbered session that opened
    after the document's date (the Nth in September of 1945 + N): a note of February 2025 asking
    for a report "to the General Assembly at its eightieth session" cannot tell which decision the
    Assembly adopted there. Only a session the question gives the Assembly's act, with no other
    body named between ("... recalled at its eighty-fifth session" is the Committee's), and one
    opening at most a year after the document (a treaty body's "115th session" is its own); not of
    what was put to it or is to be reported to it."""
    issued = issued_month(evidence)
    did = _ASSEMBLY_DID.search(question)
    if issued is None or did is None or not asks_done(question) or _PUT_TO.search(question):
        return None
    for m in _DONE_AT_SESSION.finditer(question, did.end()):
        if _OTHER_BODY.search(question, did.end(), m.start()):
            return None
        for n in ordinal_values(m.group(1)):
            if issued < (ASSEMBLY_FIRST + n, 9) and ASSEMBLY_FIRST + n <= issued[0] + 1:
                label = f"the {ordinal_name(n)} session"
                return Mismatch(Constraint("ordinal", f"{n} session", label),
                                f"{MONTH_NAMES[issued[1] - 1]} {issued[0]}", "dates from {found}, before {label}")
    return None


# Another body a question names, whose session "its" may be.
_OTHER_BODY = re.compile(r"\b(?:Committee|Commission|Council|Board|Conference|Forum|Meeting)\b")


def _check_dated(c: Constraint, evidence: Evidence) -> Mismatch | None:
    """`check_dated`, unless the paragraph names the thing by a number that is not its document's
    own and writes no year but the asked one ("the sixty-eighth session of the Commission on the
    Status of Women" in the report to the Executive Board's annual session 2025, which writes "in
    2024" of grants): its year is not the document's."""
    year, noun = c.value.split(" ", 1)
    own = {n for n, kind in numbered_things(f"{evidence.title}\n{evidence.masthead}") if kind == noun}
    if set(YEAR.findall(evidence.paragraph)) <= {year} \
            and {n for n, kind in numbered_things(evidence.paragraph) if kind == noun} - own:
        return None
    return check_dated(c, evidence)


_CHECKS = {"country": _check_country, "year": check_year, "period": check_period, "decade": check_decade,
           "ordinal": _check_ordinal,
           "dated": _check_dated, "titled": _check_titled, "names": _check_names,
           "resolution year": check_resolution_year}


def never_names(question: str, evidence: Evidence) -> bool:
    """Whether the question gives a name the document never writes (a name or title of its
    constraints, a country, a proper name: `check_proper_name`), whatever mismatch is named first."""
    for c in question_constraints(question):
        if c.kind == "country" and c.value not in countries(evidence.document) \
                and not _names_country(c.value, evidence.document):
            return True
        if c.kind in ("names", "titled") and (found := _CHECKS[c.kind](c, evidence)) is not None \
                and "never" in found.template:
            return True
    return check_proper_name(question, evidence) is not None


def check_constraints(question: str, evidence: Evidence) -> Mismatch | None:
    """The first constraint of the question the evidence contradicts, or None; then the year
    of the fact and a year after the document (rag.answer.years), a numbered thing the paragraph
    numbers otherwise (`_check_ordinal_in_paragraph`), a numbered event the paragraph
    dates to come (`_check_coming`), a country the paragraph does not name, the times the
    question names (rag.answer.timing), what a body decided at the session its document is issued
    for (`check_own_session`) or the General Assembly at a session after it
    (`check_assembly_session`) and the period a report covers (rag.answer.coverage), the
    documents and organizations it names (rag.answer.subjects), the treaty body it names
    (rag.answer.treaty_bodies; with the functional commission it names, said instead of the year
    of the fact or another mismatch before it: another body's report is said first), the General
    Assembly's Main Committee it names
    (rag.answer.committees), the protocol or amendment to an instrument it asks about
    (rag.answer.instruments), the ordinals and numbers it gives
    (rag.answer.numbers), the kind of answer it asks for (rag.answer.kinds), the person it asks
    for (rag.answer.persons), the places within
    a country it names or sets its fact in (rag.answer.places), the event it takes as given and
    a word it gives that the paragraph writes only negated (rag.answer.premises), the region it
    names, where the title or the paragraph gives another (rag.answer.regions), the member of a
    closed set it names (rag.answer.alternatives), the span of time it measures over and the side
    of a month it asks of (rag.answer.spans), the version of the document it asks for
    (rag.answer.revisions), the name or year that tells apart the thing it asks about
    (rag.answer.modifiers) and, last, a proper name it gives that the document never writes
    (`check_proper_name`)."""
    found = question_constraints(question)
    for c in found:
        mismatch = _CHECKS[c.kind](c, evidence)
        if mismatch is not None:
            return mismatch
    mismatch = (check_fact_year(question, found, evidence) or check_fact_period(question, found, evidence)
                or _check_ordinal_in_paragraph(found, evidence)
                or check_later_year(question, found, evidence)
                or _check_coming(question, found, evidence)
                or _check_country_in_paragraph(question, found, evidence)
                or _check_many_countries(question, found, evidence))
    if mismatch is not None:  # another body's report (a treaty body's, a functional commission's) is said first
        mismatch = check_treaty_body(question, evidence) or check_commission(question, evidence) or mismatch
    for check in _QUESTION_CHECKS:
        if mismatch is not None:
            break
        mismatch = check(question, evidence)
    return mismatch


def _check_modifier(question: str, evidence: Evidence) -> Mismatch | None:
    return check_modifier(question, evidence, DATED_NOUNS)


# The checks of the question's text against the evidence, after its constraints, in order.
_QUESTION_CHECKS = (check_timing, check_own_session, check_assembly_session, check_for_year, check_coverage,
                    check_report_period, check_report_covering,
                    check_symbol, check_organization,
                    check_unnamed_organization, check_paragraph_organization, check_paragraph_unit, check_sibling_body,
                    check_treaty_body, check_paired_treaty_body, check_commission, check_main_committee,
                    check_instrument, check_instrument_named,
                    check_resolution_given_year,
                    check_numbered_text,
                    check_unwritten_ordinal,
                    check_office_ordinal, check_numbers, check_listed_count,
                    check_kind, check_person, check_appointment, check_office_given, check_place, check_located,
                    check_body_place,
                    check_premise, check_successor, check_version,
                    check_negated_word, check_region, check_subregion, check_paragraph_subregion,
                    check_unwritten_region, check_paragraph_region,
                    check_alternative, check_span, check_side, check_months, check_month_given, check_year_run,
                    _check_modifier, check_possessor, check_numbered_name, check_proper_name)


def may_miss(question: str) -> bool:
    """Whether the question sets anything `check_constraints` checks (else the document need not be read)."""
    return any(bool(found(question)) for found in _SET_BY_QUESTION)


# What a question may set that `check_constraints` checks, each read off the question alone.
_SET_BY_QUESTION = (question_constraints, acronyms, cited_symbols, ordinal_values, given_numbers, listed_counts,
                    asks_kind,
                    asks_person, asks_appointment, named_places, located_places, bodies_at, named_bodies_on,
                    modified_things,
                    numbered_names, asked_events, asks_successor,
                    demonym_countries, asked_additions, named_instruments, resolutions_with_year, numbered_texts,
                    named_bodies, asks_version, named_regions,
                    named_alternatives, asks_span, name_words, main_committees)
