"""Questions whose answer has a fixed form in official documents, and the paragraphs that state
it: who held an office ("Chair: José Pereira Sosa (Paraguay)", "... as Vice-Chairs"), the period
a report covers ("covers the period from 19 November 2024 to 18 February 2025"), how a vote went
("by a recorded vote of 102 to none, with 44 abstentions") and how many of a thing the question
names there were ("the Committee comprised 157 members").

Such paragraphs share few words with the question and embed poorly: an officers' list is names
and countries; a vote paragraph is mostly the list of countries that voted. The paragraphs that
restate the session's subject rank above them. When a question asks for such an answer, the best
hit's document's best paragraph that states one is ranked first
(rag.search.retriever.Retriever.stated_answer_first)."""

from __future__ import annotations

import re

from rag.answer.answertype import counted_thing, states_count, states_figure
from rag.answer.constraints import ordinal_values
from rag.answer.names import name_words, unwritten
from rag.answer.subjects import acronyms, cited_symbols, writes_acronym
from rag.models import Hit

# "Who" as the subject of the office: "Who chaired", "Who was elected Chair of", "Who is the
# Chairperson of", "Whom did ... elect as its President", "Who did ... elect ... to chair" (not
# "Who briefed the Chair").
_AS = (r"(?:\s+(?:elected|appointed|named|designated|chosen|selected))?(?:\s+as)?(?:\s+(?:the|its))?"
       r"(?:\s+(?:two|three|four|both))?\s+")
_BE = r"\s+(?:was|were|is|are|has\s+been|had\s+been|served)"


_ASKING = r"(?:^|[,;:]\s+)"  # "who" opening the question or its clause (not "the representative who chaired")
# "Who", or "Which" and a people's word or a kind of holder ("Which Panamanian served as rapporteur").
_WHO = (r"(?:who|which\s+(?:(?-i:[A-Z])[\w’'-]+|person|official|expert|member|delegate|representative|country|"
        r"State))")


def _office_question(verb: str, noun: str, base: str) -> re.Pattern[str]:
    """"Who (currently) `verb`", "Who was elected `noun`" ("Which Panamanian served as `noun`"), "Whom did ...
    elect as its `noun`", "Who did ... elect ... to `base`"."""
    chose = rf"{_ASKING}whom?\s+did\b[^?]{{0,80}}?\b(?:elect|appoint|name|designate|choose|select)\b"
    return re.compile(rf"{_ASKING}{_WHO}\s+(?:(?:currently|now|then|jointly)\s+)?(?:{verb})\b"
                      rf"|{_ASKING}{_WHO}{_BE}{_AS}(?:{noun})\b"
                      rf"|{chose}{_AS}(?:{noun})\b|{chose}[^?,;]{{0,60}}?\bto\s+(?:{base})\b", re.IGNORECASE)


_CHAIR = r"(?:co-?)?(?:chair|chairman|chairwoman|chairperson|chairs)"
# The form of answer a question asks for: an office's holder; how a vote went ("By what vote",
# "what was the Fourth Committee's vote", "what recorded vote", "How many votes", a keyword query
# ending in "vote").
_ASKED = [
    ("chair", _office_question(r"(?:co-?)?chair(?:ed|s)", _CHAIR, r"(?:co-?)?chair")),
    ("president", _office_question(r"presid(?:ed|es)", r"presidents?", r"preside")),
    ("rapporteur", _office_question(r"(?!)", r"rapporteur", r"(?!)")),
    ("vice-chair", _office_question(r"(?!)", r"vice-?(?:chair|chairs|chairperson|chairpersons|chairman|chairmen)",
                                    r"(?!)")),
    ("vice-president", _office_question(r"(?!)", r"vice-?presidents?", r"(?!)")),
    ("period", re.compile(r"\b(?:what|which)\s+(?:period|months|time\s+span|dates)\b[^?]{0,150}?\breport\b[^?]{0,80}?"
                          r"\bcover(?:s|ed|ing)?\b", re.IGNORECASE)),
    ("vote", re.compile(r"\bby\s+what\s+(?:recorded\s+)?vote\b|\bwhat\s+(?:was|were)\s+the\s+(?:[\w’'-]+\s+){0,3}?"
                        r"(?:recorded\s+)?vote\b|\bwhat\s+(?:recorded\s+)?vote\b|\bhow\s+many\s+votes\b"
                        r"|\bvote\s+(?:count|result|tally)s?\b|\bvote\s*$", re.IGNORECASE)),
]
# A paragraph that states it: "Chair: Name", "Co-Chairs: ..." (not "Vice-Chairs:"), "was
# co-chaired by" a name or title (not "by two Co-Chairs"), "elected ... as (the) Chair(s)"; "by a
# recorded vote of 55 to 48", "by 99 votes to 3", "adopted ... without a vote", "obtained 99 votes".
_STATES = {
    # a name as the subject: "..., Elina Kalkku, co-chaired the forum", "Omar A. Hilale co-chaired"
    "chair": re.compile(r"(?<![-\w])(?:Co-)?(?:Chair|Chairman|Chairwoman|Chairperson|Chairs)\s*:|\b(?:co-)?chaired by\s+(?:the\s+|its\s+)?[A-Z]"
                        r"|\b(?!Member\s+States\b)[A-Z][\w'’-]+(?:\s+(?:[A-Z]\.|de|da|del|van|von|al|bin))*"
                        r"\s+[A-Z][\w'’-]+,?\s+(?:co-)?chaired\s+(?:the|its)\b"
                        r"|\belected\b[^.]{0,80}?\b(?:as|its)\s+(?:its\s+|the\s+)?(?:Co-)?(?:Chair|Chairman|Chairperson)s?\b"),
    "president": re.compile(r"(?<![-\w])Presidents?\s*:|\bpresided (?:over )?by\s+(?:the\s+|its\s+)?[A-Z]"
                            r"|\belected\b[^.]{0,80}?\b(?:as|its)\s+(?:its\s+|the\s+)?Presidents?\b"),
    "rapporteur": re.compile(r"(?<![-\w])Rapporteur\s*:|\belected\b[^.]{0,80}?\b(?:as|its)\s+(?:its\s+)?Rapporteur\b"),
    "vice-chair": re.compile(r"\bVice-(?:Chair|Chairs|Chairperson|Chairpersons|Chairman|Chairmen)\s*:"
                             r"|\belected\b[^.]{0,160}?\bas\s+(?:its\s+)?Vice-(?:Chair|Chairperson|Chairman)"),
    "vice-president": re.compile(r"\bVice-Presidents?\s*:|\belected\b[^.]{0,160}?\bas\s+(?:its\s+)?Vice-President"),
    # "The present report covers the period from 19 November 2024 to 18 February 2025"
    # "The present report provides an account of ... from 19 November 2024 to 18 February 2025"
    "period": re.compile(r"\bcover(?:s|ed|ing)?\b[^.]{0,60}?\bperiod\b[^.]{0,20}?\bfrom\b|\bcover(?:s|ed|ing)?\s+"
                         r"(?:developments\s+)?(?:from|between)\s+\d{1,2}\s+[A-Z][a-z]+|\b(?:present|this)\s+report\s+"
                         r"(?:provides\s+an\s+account\s+of|describes|reviews|covers|presents|summarizes|outlines)\b"
                         r"[^.]{0,160}?\bfrom\s+\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?\s+(?:to|until|through)\s+\d{1,2}\s+"
                         r"[A-Z][a-z]+\s+\d{4}", re.IGNORECASE),
    "vote": re.compile(r"\b(?:recorded|roll-call)\s+vote\s+of\s+\d+\b|\bby\s+\d+\s+votes?\s+to\s+(?:\d+|none)\b"
                       r"|\bwithout\s+a\s+vote\b|\b\d[\d,]*\s+votes\b", re.IGNORECASE),
}


def asked_form(question: str) -> str | None:
    """"chair", "president", "rapporteur", "vice-chair", "vice-president", "period" or "vote" when the
    question asks for an answer of that form, "count" for how many of a thing it names
    (rag.answer.answertype.counted_thing), else None."""
    for form, pattern in _ASKED:
        if pattern.search(question):
            return form
    return "count" if counted_thing(question) else None


# A Chair named in apposition: "the Chair of the Committee, the Under-Secretary-General ... (UNEP),
# Inger Andersen, observed"; the body after "of the" (group 1) must be one the question names.
_APPOSED_CHAIR = re.compile(r"(?<![-\w])(?:Co-)?(?:Chair|Chairman|Chairwoman|Chairperson)"
                            r"(?:\s+of\s+the\s+([A-Z][\w-]*(?:\s+(?:of|on|for|and|the|[A-Z][\w-]*))*))?,\s+"
                            r"(?:the\s+[^,]{1,160}?,\s+)?(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,3}\s*[,(]")


def states_form(text: str, form: str, question: str = "") -> bool:
    """Whether a paragraph states an answer of `form` ("Chair: José Pereira Sosa (Paraguay)"); for
    "count", a number of the thing `question` counts ("comprised 157 members"), which needs the
    question (no count without it); a Chair named in apposition counts where the question names
    the body ("the Chair of the Committee, ..., Inger Andersen," for a question on the Committee,
    not "the Chairperson of the African Union Commission, Moussa Faki Mahamat," for another body)."""
    if form == "count":
        return states_count(text, counted_thing(question))
    if _STATES[form].search(text):
        return True
    return form == "chair" and any(m.group(1) is None or _body_asked(m.group(1), question)
                                   for m in _APPOSED_CHAIR.finditer(text))


def _body_asked(body: str, question: str) -> bool:
    """Every capitalised word of the body's name is a word of the question (any case)."""
    asked = {w.lower() for w in re.findall(r"[\w-]+", question)}
    return all(w.lower() in asked for w in re.findall(r"\b[A-Z][\w-]*", body))


def may_state(text: str, form: str, question: str) -> bool:
    """Whether the best hit may already state the answer of `form`: `states_form`, or for a count
    any number that is no date or reference (the count may be written otherwise than next to the
    thing: "a record number of participants – nearly 4,000") or none of the thing ("recorded no
    allegations")."""
    if form == "count":
        return states_figure(text, question)
    return states_form(text, form, question)


# Names a question gives that a document about the body need not write ("the United Nations
# Disarmament Commission" is the Disarmament Commission of its report).
GENERIC_NAMES = frozenset({"United", "Nations"})


# What follows the office a stating sentence elects to: "as President of the first Review
# Conference of the Treaty".
_OFFICE_OF = re.compile(r"s?\s+of\s+((?:the\s+)?[^.;:,()]{1,80})")
# A number that tells one session or meeting of a body from another, beside its ordinals.
_NUMBER = re.compile(r"\b\d{1,4}\b")


def _unasked(phrase: str, question: str) -> bool:
    """Whether the phrase writes an ordinal ("first", "4th") or a number the question does not
    give, ordinals and numbers compared apart (a question's "from 3 to 7 March" gives no "third")."""
    numbers = {int(n) for n in _NUMBER.findall(phrase)} - {int(n) for n in _NUMBER.findall(question)}
    return bool(ordinal_values(phrase) - ordinal_values(question) or numbers)


def office_of_another(question: str, text: str, form: str) -> bool:
    """Whether the stating paragraph elects to the office of a meeting, session or body the
    question does not ask about: right after the office, an ordinal or number the question does
    not give ("elected South Africa as President of the first Review Conference" for the President
    of the fourth Meeting of States Parties), or a body the question does not name ("elected Akaki
    Dvali (Georgia) as Chair of Working Group I" for the Chair of the Disarmament Commission)."""
    if form in ("vote", "count"):
        return False
    for m in _STATES[form].finditer(text):
        of = _OFFICE_OF.match(text, m.end())
        if of is None:
            continue
        if _unasked(of.group(1), question) or _unnamed_body(text, m.end(), question):
            return True
    return False


def _unnamed_body(text: str, at: int, question: str) -> bool:
    """Whether the office's "of ..." at `at` in the text opens with the name of a body the question
    neither names, nor gives the acronym of, nor the name in brackets after it: "Working Group I,
    on agenda item 4" for a question on the Commission ("the Commission on the Status of Women" is
    named by a question's CSW, "the Special Political and Decolonization Committee (Fourth
    Committee)" by its Fourth Committee; "United Nations" need not be). A body by its kind alone,
    "the Commission", "the Bureau", is the one the document is about."""
    found = _BODY_NAME.match(text, at)
    name = _TRAILING_SMALL.sub("", found.group(1)) if found else ""  # "the Commission for 2025"
    if not name or name.lower() in _GENERIC_BODIES:
        return False
    asked = {w.lower() for w in re.findall(r"[\w-]+", question)}
    names = [name] + ([found.group(2)] if found.group(2) else [])
    return not any(_named_in(n, asked) or any(writes_acronym(n, a) for a in acronyms(question)) for n in names)


# A body's name after "of": capitalised words and the small words between them, and a name in
# brackets right after it ("... Committee (Fourth Committee)").
_BODY_NAME = re.compile(r"s?\s+of\s+(?:the\s+)?((?:[A-Z][\w-]*|[IVX]+)"
                        r"(?:\s+(?:of|on|for|and|the|to|[A-Z][\w-]*|[IVX]+))*)(?:\s*\(([^()]{2,60})\))?")
_TRAILING_SMALL = re.compile(r"(?:\s+(?:of|on|for|and|the|to))+$")
_GENERIC_BODIES = frozenset(("commission", "committee", "council", "board", "bureau", "conference", "assembly",
                             "meeting", "forum", "session", "group", "panel", "body"))


def _named_in(name: str, asked: set[str]) -> bool:
    """Whether every capitalised word of the name but "United Nations" is a word of the question."""
    written = [w for w in re.findall(r"\b[A-Z][\w-]*", name) if w not in GENERIC_NAMES]
    return all(w.lower() in asked for w in written)


def another_body(question: str, text: str) -> bool:
    """Whether `text` (the stating paragraph, its section and document title, and the paragraph
    the document was found with) leaves a name the question gives unwritten: the officers or the
    votes of another body."""
    return bool(unwritten([w for w in name_words(question) if w not in GENERIC_NAMES], text))


def on_cited_text(question: str, stating: str) -> bool:
    """Whether the stating paragraph or its section writes a document symbol the question cites:
    the vote "on the amendment contained in document A/C.2/79/L.51" asked of that amendment is
    the vote asked for, whatever else the question names ("the Group of 77 draft resolution")."""
    return any(re.search(rf"(?<![\w/.]){re.escape(symbol)}(?!\w|[./]\w)", stating)  # not A/C.2/79/L.5 in L.51
               for symbol in cited_symbols(question))


# How far down the hits a paragraph writing the document symbol the question cites is put first.
CITING_DEPTH = 3


def citing_first(question: str, hits: list[Hit]) -> list[Hit]:
    """The hits with the first of the next CITING_DEPTH - 1 of the first hit's document that writes
    a document symbol the question cites put first, where the first hit writes none (and is not of
    that document): "the amendment contained in document A/C.2/79/L.53" is the one "as contained
    in document A/C.2/79/L.53", not the paragraph on L.51 that shares every other word. A hit's own
    place is its text and its last heading (the chapter over it lists every amendment)."""
    cited = cited_symbols(question)
    if not cited or not hits or hits[0].symbol.upper() in {c.upper() for c in cited} \
            or on_cited_text(question, _own_place(hits[0])):
        return hits
    for hit in hits[1:CITING_DEPTH]:
        if hit.symbol == hits[0].symbol and on_cited_text(question, _own_place(hit)):
            return [hit, *(h for h in hits if h.pid != hit.pid)]
    return hits


def _own_place(hit: Hit) -> str:
    """The hit's last heading and text."""
    return f"{hit.section.split(' > ')[-1]}\n{hit.text}"


_REPORT_PART = re.compile(r"^report\s+of\s+(?:the\s+)?(.+)$", re.IGNORECASE)


def other_bodys_report(question: str, part: str) -> bool:
    """Whether `part` (an embedded text's label, rag.models.Paragraph.part) is the report of a
    body the question does not name: "The Working Group, chaired by Akaki Dvali" in "report of
    Working Group I" states the Working Group's officer, not the Commission's."""
    m = _REPORT_PART.match(part)
    return m is not None and re.search(rf"\b{re.escape(m.group(1))}\b", question, re.IGNORECASE) is None
