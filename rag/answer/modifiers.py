"""Near misses by the word that tells one thing from its siblings: the question asks about "the
Yambio temporary operating base" or "the 2023 Leadership Dialogue", and the best paragraph tells
of "the Tambura temporary operating base" or "The 2024 Leadership Dialogue" while its document
never writes the asked one. The rest of the phrase is the same, so the paragraph is on the topic;
the name or year before it says it is about another one."""

from __future__ import annotations

import re

from rag.answer.countries import CAPITALS, DEMONYMS, LONG_DEMONYMS
from rag.answer.evidence import Constraint, Evidence, Mismatch
from rag.answer.names import NOT_NAMES, POSSESSIVE, TYPO_CHANGED, one_edit
from rag.answer.subjects import acronyms, spelled_to, spells_from
from rag.textutil import STOPWORDS

# A name or a year, then the words of the thing it tells apart ("Yambio temporary operating base",
# "2023 Leadership Dialogue"): two or three words, none of them a function word.
_HEAD = r"(?:19|20)\d\d|[A-Z][^\W\d_]{2}[\w'’-]*"
_WORD = r"[A-Za-z][A-Za-z-]*"
# Matched at every word (a lookahead), so that a word skipped as a head does not hide the next.
_PHRASE = re.compile(rf"(?<![\w/'’-])(?=({_HEAD})((?:\s+{_WORD}){{2,3}}))")
# Words that open a phrase without naming anything: "Another temporary operating base", "One
# Health approach", a kind of body before its name ("the NGO Action pour la protection ...").
_NOT_HEADS = NOT_NAMES | STOPWORDS | frozenset(("another", "each", "every", "one", "two", "three", "both", "such",
                                               "other", "any", "all", "new", "first", "second", "third", "last",
                                               "ngo", "ngos", "cso", "csos"))
# French and Spanish function words end a thing as English ones do: a name in those languages
# ("Action pour la protection des droits de l'homme") is no head and its thing.
_FOREIGN = frozenset(("pour", "la", "le", "les", "des", "de", "du", "et", "en", "sur", "del", "los", "las", "y",
                      "para", "por", "el"))
# Verbs, mostly of the past, that end the words of a thing ("the STI forum took place"): a
# thing's words are a noun's.
_VERBS = frozenset(("take", "took", "takes", "held", "met", "said", "says", "made", "gave", "began", "came", "went",
                    "saw", "told", "became", "brought", "sent", "won", "spent", "paid", "kept", "convened",
                    "occurred", "happened", "started"))
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]['’\"”)]*)\s*$")
# The nouns a document shortens a body to, once named ("the Office", "the Mission"): in a
# document whose title names UNDP, "the Office's internal audit function" is UNDP's own.
_BODY_NOUNS = frozenset(("office", "committee", "commission", "council", "mission", "board", "fund", "programme",
                         "organization", "secretariat", "entity", "agency", "department", "division", "panel",
                         "group", "tribunal", "court", "forum", "conference", "meeting", "assembly", "bureau",
                         "unit", "section", "team", "force", "centre", "facility", "operation", "government"))
MIN_WORDS = 2
_BETWEEN = 3  # words between the head and the thing's last word where the document shortens or spells it out


# A head coordinated with another before it: "European and (Central) Asian sustainable development".
_COORDINATED = re.compile(r"\b[A-Z][\w'’-]*\s+and\s+(?:[A-Z][\w'’-]*\s+)?$")


def _kind(head: str) -> str:
    return "year" if head.isdigit() else "name"


def modified_things(question: str) -> list[tuple[str, str]]:
    """(head, thing) pairs of the question: ("Yambio", "temporary operating base"), ("2023",
    "Leadership Dialogue"), the thing two or three words of content, the head not the question's
    first word nor a function word."""
    out: list[tuple[str, str]] = []
    for m in _PHRASE.finditer(question):
        head = POSSESSIVE.sub("", m.group(1))
        if m.start() == 0 or head.lower() in _NOT_HEADS or "-" in head:  # not "UNCDF-supported"
            continue
        words = m.group(2).split()
        if f"{head} {words[0]}" in LONG_DEMONYMS:
            continue  # "South" of "South African": the people's word heads the thing
        before = question[:m.start()].split()[-1:]
        if before and f"{before[0]} {head}" in LONG_DEMONYMS:
            head = f"{before[0]} {head}"
        if _COORDINATED.search(question[:m.start()]):
            continue  # "European and Central Asian": one thing of two heads, which a paragraph may name at once
        content = next((i for i, w in enumerate(words) if w.lower() in STOPWORDS | _FOREIGN | _VERBS), len(words))
        for n in range(content, MIN_WORDS - 1, -1):  # the longest first
            if any(len(w) >= 4 for w in words[:n]):
                out.append((head, " ".join(words[:n])))
    return out


# The endings that make a place's adjective: "Africa" -> "African", "Sahel" -> "Sahelian",
# "Japan" -> "Japanese", "Iraq" -> "Iraqi" ("Canada" -> "Canadian" after its last vowel).
_ADJECTIVE_ENDINGS = ("n", "an", "ian", "ean", "ese", "i")


def _adjective_of(place: str, word: str) -> bool:
    """`word` is `place` with an adjective's ending, and no other country's people's word
    ("Nigerian" is Nigeria's, not Niger's: rag.answer.countries.DEMONYMS)."""
    country = DEMONYMS.get(word.capitalize())
    if country is not None:
        return country.lower() == place.lower()
    place, word = place.lower(), word.lower()
    return any(word.startswith(base) and word[len(base):] in _ADJECTIVE_ENDINGS
               for base in {place, place.rstrip("aeiou")} if len(base) >= 3)


def _same_name(a: str, b: str) -> bool:
    """The same name, in the plural too ("Bronco's" and "Broncos"), a place and its adjective
    ("Africa" and "African"), or one mistyped: an acronym with its letters swapped ("GSP" and
    "GPS"), a long name with a letter changed, added or dropped ("Newcastle" and "Newcastel"; not
    "Mali" and "Bali", names.py's rule for typos)."""
    if a.isdigit() or b.isdigit():
        return a == b
    if a.isupper() and b.isupper() and sorted(a) == sorted(b):
        return True
    if _adjective_of(a, b) or _adjective_of(b, a):
        return True
    a, b = a.lower(), b.lower()
    return (a.removesuffix("s") == b.removesuffix("s")  # the same, or one the other's plural
            or (min(len(a), len(b)) >= TYPO_CHANGED and one_edit(a, b)))


# A body's word for what it leads or pays for: the "UNDP-led SCALE initiative" is UNDP's.
_BY = re.compile(r"-(?:led|supported|funded|backed|run|hosted|managed|sponsored|owned|financed)$", re.IGNORECASE)


def _other_head(head: str, thing: str, paragraph: str) -> str | None:
    """Another head of the question's kind before the same thing in the paragraph, the first word of
    its name ("Infrastructure" of "the Tanga Water Infrastructure Green Bond" is none)."""
    pattern = r"(?<![\w/'’-])(" + _HEAD + r")\s+" + r"\s+".join(map(re.escape, thing.split())) + r"\b"
    for m in re.finditer(pattern, paragraph, re.IGNORECASE):
        other = _BY.sub("", POSSESSIVE.sub("", m.group(1)))
        preceding = paragraph[max(0, m.start() - 200):m.start()]
        before = re.search(r"([A-Z][\w'’-]*)\s+$", preceding)
        inside_name = before is not None and before.group(1).lower() not in NOT_NAMES
        opens_sentence = not other.isdigit() and _SENTENCE_START.search(preceding) is not None
        if _kind(other) == _kind(head) and not _same_name(other, head) and other.lower() not in _NOT_HEADS \
                and (other.isdigit() or other[0].isupper()) and not inside_name and not opens_sentence:
            return other
    return None


# A word of a capital's entry of several ("Porto-Novo Cotonou", "Pretoria Cape Town") names it
# alone at this many letters ("Cotonou", "Pretoria"; not "Cape" nor "City" of "Mexico City").
SEAT_WORD = 5


def _in_asked_country(head: str, other: str, paragraph: str) -> bool:
    """Whether the paragraph's other head is of the country the asked one names by its people's
    word or its name: "the Batwa people" of "In Uganda, ..." are the Ugandan people asked for, "the
    Oslo Governance Centre" the Norwegian governance centre."""
    country = DEMONYMS.get(head) or LONG_DEMONYMS.get(head)
    if country is not None and re.search(rf"\b{re.escape(country)}\b", paragraph):
        return True
    capital = CAPITALS.get(country or head, "")
    return other == capital or (len(other) >= SEAT_WORD and other in capital.split())


def check_modifier(question: str, evidence: Evidence, dated: frozenset[str] = frozenset()) -> Mismatch | None:
    """The thing the question tells apart by a name or a year that the paragraph names with
    another one, while neither it nor its document writes the asked one: "How many police
    officers were deployed to the Yambio temporary operating base?" answered by "12 individual
    police officers were deployed to the Tambura temporary operating base". Where the paragraph
    names no other one, a title that does not write the asked one may: "the UNOPS Ethics Office"
    asked of the report "Activities of the UNDP Ethics Office in 2024". A year before one of
    the `dated` nouns ("the 2023 partner survey") is left to the check of things named by their
    year, which knows the document's own years."""
    for head, thing in modified_things(question):
        if head.isdigit() and re.sub(r"s$", "", thing.split()[-1].lower()) in dated:
            continue
        written = re.compile(rf"(?<![\w-]){re.escape(head)}(?![\w-])")
        other = None if written.search(evidence.paragraph) else _other_head(head, thing, evidence.paragraph)
        if other is None and not written.search(evidence.title):  # the title tells whose thing it is
            other = _other_head(head, thing, evidence.title)
        if other is None or head.isupper() and any(spells(head, other, f"{evidence.title} {evidence.document}")
                                                   for spells in (spells_from, spelled_to)):
            continue  # the acronym asked is the other head's name spelled out ("Goals" of SDG)
        if other.lower() in _BODY_NOUNS and written.search(evidence.title):
            continue  # the body the document shortens is the asked one's (its title names it)
        if _in_asked_country(head, other, evidence.paragraph):
            continue
        # The document writes the asked one, whole or shortened: "the 2022 survey" is "the 2022
        # partner survey", "the Makala prison" the "Makala central prison".
        last = re.escape(thing.split()[-1])
        asked = re.compile(rf"(?<![\w-]){re.escape(head)}\s+(?:\S+\s+){{0,{_BETWEEN}}}?{last}\b", re.IGNORECASE)
        # or after it: "the regional service centre in Nairobi"
        after = re.compile(rf"\b{last}(?:\s+\S+){{0,2}}?\s+(?:in|of|at)\s+(?:the\s+)?{re.escape(head)}\b",
                           re.IGNORECASE)
        if asked.search(evidence.document) or after.search(evidence.document) \
                or head.isupper() and _of_spelled_out(head, last, f"{evidence.title} {evidence.document}"):
            continue
        return Mismatch(Constraint("titled", f"{head} {thing}", f"the {head} {thing}"), f"the {other} {thing}")
    return None


def _of_spelled_out(acronym: str, last: str, text: str) -> bool:
    """Whether the text writes the thing (its last word, escaped) of the body the acronym spells out:
    "Fourteenth report of the Advisory Committee on Administrative and Budgetary Questions" for
    "the ACABQ's fourteenth report"."""
    return any(spells_from(acronym, m.group(1), text[m.start(1):m.start(1) + 300])
               for m in re.finditer(rf"\b{last}\s+of\s+(?:the\s+)?([A-Z][\w-]*)", text, re.IGNORECASE))


# A body or thing numbered by a Roman numeral after its name: "Working Group III", "Main
# Committee II" (not the digits, which rag.answer.numbers reads).
_ROMAN = r"(?:X{0,3}(?:IX|IV|V?I{1,3}|V)|X{1,3})"
_NUMBERED_NAME = re.compile(rf"(?<![\w-])((?:[A-Z][a-z][\w'’-]*\s+){{1,3}}?)({_ROMAN})(?![\w-])")
# The numerals after a name in a document: "Working Group II", and "Working Groups I and II",
# "Super Bowls XXI and XXIV" too.
_NUMERAL_LIST = rf"({_ROMAN}(?:\s*(?:,|and|&)\s*{_ROMAN})*)(?![\w-])"
_NUMERAL = re.compile(rf"(?<![\w-]){_ROMAN}(?![\w-])")
_LISTED = 4  # numerals named in a mismatch, the rest left out


# A part of a programme or plan numbered in digits: "subprogramme 3", "Goal 14", "pillar 2".
_NUMBERED_PART = re.compile(r"(?<![\w-])((?i:subprogramme|sub-programme|pillar|cluster|panel)|Goal)\s+(\d{1,2})"
                            r"(?![\w/-]|\.\d)")
_DIGITS_LIST = r"(\d{1,2}(?:\s*(?:,|and|&|to|[–-])\s*\d{1,2})*)(?![\w/-]|\.\d)"


def numbered_names(question: str) -> list[tuple[str, str]]:
    """(name, numeral) pairs of the question: ("Working Group", "III"), ("subprogramme", "2")."""
    out = []
    for m in _NUMBERED_NAME.finditer(question):
        words = m.group(1).split()
        while words and words[0].lower() in NOT_NAMES:
            words = words[1:]
        if words:
            out.append((" ".join(words), m.group(2)))
    return out + [(m.group(1), m.group(2)) for m in _NUMBERED_PART.finditer(question)]


def _named(name: str) -> str:
    """The pattern of `name` as a document writes it before its numbers, in any case, singular or
    plural ("Working Groups", "subprogramme")."""
    return r"(?<![\w-])(?i:" + r"\s+".join(map(re.escape, name.split())) + r"s?)\s+"


def _written_numerals(name: str, numeral: str, document: str) -> set[str]:
    """The numerals the document writes after `name` ("Working Groups I and II"; "subprogrammes
    1, 2 and 3"; a range "Goals 1 to 5" counts its ends)."""
    listed, single = (_DIGITS_LIST, re.compile(r"\d{1,2}")) if numeral.isdigit() else (_NUMERAL_LIST, _NUMERAL)
    return {n for m in re.finditer(_named(name) + listed, document) for n in single.findall(m.group(1))}


def _in_range(numeral: str, name: str, document: str) -> bool:
    """Whether a range the document writes after `name` holds the numeral ("Goals 1 to 5" holds 3)."""
    if not numeral.isdigit():
        return False
    pattern = _named(name) + r"(\d{1,2})\s*(?:to|[–-])\s*(\d{1,2})\b"
    return any(int(a) <= int(numeral) <= int(b) for a, b in re.findall(pattern, document))


def check_numbered_name(question: str, evidence: Evidence) -> Mismatch | None:
    """A thing the question numbers ("Working Group III", "subprogramme 2") whose document numbers
    the same thing otherwise only ("Working Group I", "Working Group II"; "subprogramme 3"): the
    Disarmament Commission's report of its two Working Groups does not answer for a third."""
    for name, numeral in numbered_names(question):
        written = _written_numerals(name, numeral, evidence.document)
        if written and numeral not in written and not _in_range(numeral, name, evidence.document):
            ordered = sorted(written, key=lambda n: (len(n), n))
            others = " and ".join(ordered) if len(ordered) <= _LISTED else ", ".join(ordered[:_LISTED]) + " ..."
            return Mismatch(Constraint("titled", f"{name} {numeral}", f"{name} {numeral}"), f"{name} {others}",
                            "names {found} only, not {label}")
    return None


# A body's name of two or more words after "the", owning a thing: "the International Criminal
# Court's roster" ("the UN-Women and the WHO's experts" joins two bodies, no name of one).
_OWNED = re.compile(r"\b(?i:the)\s+((?:[A-Z][\w-]*\s+(?:(?:of|for|on|the)\s+)*){1,6}[A-Z][\w-]*)['’]s\s+"
                    r"([a-z][a-z-]{2,})\b")


def _stem(word: str) -> str:
    return word.lower().rstrip("s")


def check_possessor(question: str, evidence: Evidence) -> Mismatch | None:
    """A thing the question gives a named body ("the International Criminal Court's roster") that
    the paragraph gives another, shortened to one word ("resigned from the Mechanism's roster",
    A/80/275, para. 10), where the paragraph never writes the asked body's name and the other is no
    word of it ("the Court's roster" is the International Criminal Court's), nor an acronym (which
    may be the asked body's). Not where the question names a body by its acronym too ("the Security
    Council's mandate" for UNMISS: the Mission's mandate is it)."""
    if acronyms(question):
        return None
    for owned in _OWNED.finditer(question):
        owner, thing = owned.group(1), owned.group(2)
        words = {_stem(w) for w in owner.split()}
        if len(owner.split()) < MIN_WORDS or owner in evidence.paragraph:
            continue
        for other in re.finditer(rf"\b(?i:the)\s+([A-Z][\w-]*)['’]s\s+{re.escape(thing)}\b", evidence.paragraph):
            if _stem(other.group(1)) not in words and not other.group(1).isupper():
                return Mismatch(Constraint("titled", owner, f"the {owner}"), f"the {other.group(1)}",
                                f"is about {{found}}'s {thing}, not {{label}}'s")
    return None
