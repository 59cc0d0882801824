"""A person asked for that the best paragraph does not name: "Who succeeded Inger Andersen as Chair
of the High-level Committee on Programmes?" answered from a paragraph that names only Inger
Andersen, "Who was appointed Director of the UNDP Ethics Office in 2024?" from one that names the
office's Director by title alone.

A question about who was appointed, elected, nominated, chosen, who succeeded, replaced or took
over from someone, or who chaired, presided over, moderated or headed something asks for a
person, and UN documents name the person they record in such a role. A name is a run of
capitalised words that are neither the words of offices and bodies
("Deputy Executive Director", "United Nations Headquarters"), nor countries, nor words the
document also writes in lower case; or a surname after a title of address ("Ms. Alsalem"). Who
spoke, opened or briefed is not asked here: the documents often give a speaker by title alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rag.answer.countries import COUNTRIES
from rag.answer.evidence import Constraint, Evidence, Mismatch
from rag.answer.kinds import named_countries
from rag.textutil import MONTH_NAMES, MONTH_PATTERN, content_terms, words

# "Who was elected Chair", "Whom did the Secretary-General appoint", "Who succeeded ...", "What is
# the name of the official who ..." (within the question's first clause).
_APPOINTED = (r"appointed|elected|named|nominated|designated|selected|chosen|picked|sworn in|"
              r"appoint|elect|nominate|designate|select|choose|pick")  # not "name": "Who coined the name ...?"
_PERSON_Q = re.compile(
    rf"^\s*(?:who|whom)\b[^,;?]{{0,120}}?\b(?:{_APPOINTED})\b"
    r"|^\s*who\s+(?:succeeded|replaced|will\s+succeed|will\s+replace)\b"
    # taking over an office, a command or from someone; a service or task taken over may pass to a
    # body ("Who took over the medical and psychosocial support for witnesses ...?")
    r"|^\s*who\s+(?:took|takes)\s+over\b(?!\s+(?:the\s+)?(?:[\w’'-]+\s+){0,5}?"
    r"(?:support|services?|assistance|help|aid|activities|operations|tasks|duties|functions|responsibilit(?:y|ies)|"
    r"care|programmes?|projects?|coordination)\b)"
    # who held the chair of a body or meeting: UN documents record a chair by name ("Chair: Pierre
    # Jaillard (France)")
    r"|^\s*(?:who|whom)\b[^,;?]{0,40}?\b(?:chair(?:s|ed)?|co-chair(?:s|ed)?|presides|presided|moderated|headed)\b"
    # who heads an office or a mission ("Who heads the protection cluster?" may ask for an agency)
    r"|^\s*who\b[^,;?]{0,40}?\b(?:heads|heading)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:Office|Mission|Division|"
    r"Department|Secretariat|Unit|Section|Branch|Service|delegation|team)\b"
    r"|^\s*who\s+(?:is|was|were|are)\s+the\s+(?:chair|chairman|chairperson|chairwoman|co-chairs?|president)\s+of\b"
    # the head of a territory's or a city's government: "Who was the Governor of the British Virgin Islands in 2019?"
    r"|^\s*who\s+(?:is|was)\s+the\s+(?:(?:current|new|former|acting|interim)\s+)?(?:governor|premier|"
    r"chief\s+minister|mayor)\s+of\b"
    # the holder of an office: "Who is the Force Commander of UNMISS?", "Who is the head of UNMISS?"
    r"|^\s*who\s+(?:is|was)\s+the\s+(?:(?:current|new|former|acting|interim|incoming|outgoing)\s+)?"
    r"(?:force\s+commander|police\s+commissioner|commander|executive\s+director|director(?:[-\s]general)?|"
    r"special\s+representative|special\s+envoy|high\s+commissioner|ombudsperson|ethics\s+advis[eo]r|registrar|"
    r"prosecutor)\b"
    r"|^\s*who\s+(?:is|was)\s+the\s+(?:(?:current|new|former|acting|interim|incoming|outgoing)\s+)?(?:head|chief)\s+"
    r"of\s+(?:mission\s+of\s+)?(?:the\s+)?(?-i:[A-Z]{3,}\b|"
    r"(?:[\w-]+\s+){0,4}?(?:Mission|Office|Division|Department|Section|Unit|Service|Branch|Secretariat)\b)"
    r"|^\s*who\s+heads\s+(?-i:[A-Z]{3,})\b"
    # an officer of a meeting: "Who was Secretary-General of the third Meeting of States Parties?"
    r"|^\s*who\s+(?:is|was|will\s+be|served\s+as|serves\s+as)\s+(?:the\s+)?(?:Secretary-General|President|"
    r"Vice-President|Chair|Chairperson|Rapporteur)\s+of\s+the\s+(?:[\w-]+\s+){0,4}?(?:Meeting|Conference|Summit|"
    r"Forum|Congress)\b"
    # "Which member did the Committee appoint ...", "Which academic did UN News interview ..."
    rf"|^\s*(?:which|what)\s+(?:member|official|diplomat|academic|expert|judge|scholar)\b(?!\s+(?i:States?))"
    rf"[^,;?]{{0,80}}?\b(?:{_APPOINTED}|chaired|presided|moderated|headed|interviewed|interview)\b"
    r"|^\s*what\s+(?:is|was)\s+the\s+name\s+of\s+the\s+(?:(?!the\b)[\w-]+\s+){0,3}?(?:person|official|individual|"
    r"director|chair|chairperson|head|president|judge|envoy|representative|coordinator|rapporteur|commissioner|"
    r"secretary|advis[eo]r|commander|ombudsperson)(?![\w-])",
    re.IGNORECASE)
# "Who replaced UN-Women as co-chair ...?": what takes an organization's place is an organization.
_ORGANIZATION_REPLACED = re.compile(
    r"^\s*(?i:who)\s+(?i:succeeded|replaced|took\s+over\s+from|will\s+succeed|will\s+replace)\s+"
    # the acronym alone, no office after it ("Who succeeded the UNHCR High Commissioner?" asks for one)
    r"(?:the\s+)?[A-Z]{2,}(?:-[A-Z]?\w+)?(?=\s+(?:as|in|on|at)\b|\s*[?,;.]|\s*$)")
# Words of offices, bodies, places and forms of address: capitalised in UN texts, never a name.
_OFFICE_WORDS = frozenset("""
united nations general assembly council committee commission secretary secretariat special envoy representative
deputy assistant under executive director directorate chair chairperson chairman chairwoman vice president
prime minister ministry ministers government national international regional office division department branch
section unit service programme program fund bank organization agency forum mission force court tribunal board
group working party movement front army police region province district state states republic democratic
kingdom federation union islands island north south east west central upper lower western eastern northern
southern headquarters conference meeting session summit high level coordinator commissioner rapporteur
observer affairs social economic development rights human peace security legal women children population
statistics statistical institute adviser advisor officer chief university centre center foundation network panel team trust authority
agreement convention treaty protocol plan strategy report resolution decision annex major general lieutenant
colonel brigadier admiral captain judge justice ambassador president-elect his her excellency king queen prince
sheikh emir sultan senator speaker parliament house senate people people's mr mrs ms dr prof professor sir dame
""".split())
_ADDRESS = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Judge|Justice|Ambassador|Professor|Prof|Sir|Dame)\.?\s+([A-Z][\w'’-]+)")
_RUN = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:de|da|del|dos|van|von|bin|ibn|al|el|la|le)?\s*[A-Z][\w'’.-]*)+")
# Countries' and world regions' words name places, not people ("the UNDP Bureau for Latin America").
_REGION_WORDS = frozenset(("africa", "america", "americas", "latin", "caribbean", "asia", "pacific", "europe", "arab",
                           "sahel", "middle", "east", "west", "north", "south", "central", "great", "lakes"))
_COUNTRY_WORDS = frozenset(w for c in COUNTRIES for w in words(c)) | _REGION_WORDS
_MONTHS = frozenset(m.lower() for m in MONTH_NAMES)
_ROMAN = re.compile(r"[IVXLC]+")


# A co-chair of a partnership or network may be an organization or a State ("the International
# Civil Society Centre, which replaced UN-Women as co-chair").
_CO_CHAIR = re.compile(r"\bco-?chair", re.IGNORECASE)
_BODY = re.compile(r"\b(?:[A-Z][\w’'-]+\s+){1,6}(?:Centre|Center|Institute|Organization|Organisation|Foundation|"
                   r"Network|Alliance|Fund|Programme|Bank|Agency|Office|University|Partnership|Secretariat)\b")


# A conference or meeting of States elects or nominates States to its offices ("the Meeting elected
# South Africa as President of the first Review Conference", "The Asia-Pacific States nominated the
# State of Palestine as Rapporteur"), as it elects people.
_ELECTED_STATE = re.compile(r"\b(?:elect(?:ed|s)?|nominat(?:ed|es))\s+(?:the\s+)?"
                            r"([A-Z][\w’'-]*(?:\s+(?:of\s+|the\s+|and\s+)*[A-Z][\w’'-]*){0,5})"
                            r"\s+(?:as|to)\s+(?:(?:the|its)\s+)?((?:Vice-)?(?:President|Chair|Rapporteur))\b")


def _elects_state(paragraph: str, question: str) -> bool:
    """Whether the paragraph records a State the question does not name elected or nominated to
    the office the question asks about (a Vice-President is no President)."""
    asked = named_countries(question)
    return any(named_countries(m.group(1)) - asked
               and re.search(rf"(?<![\w-]){re.escape(m.group(2))}\b", question, re.IGNORECASE)
               for m in _ELECTED_STATE.finditer(paragraph))


def _names_body(paragraph: str, question: str) -> bool:
    """Whether the paragraph names an organization the question does not, by a name ending in a
    body's word ("International Civil Society Centre")."""
    return any(m.group(0) not in question for m in _BODY.finditer(paragraph))


def asks_person(question: str) -> bool:
    """Whether the question asks who was appointed, elected, chosen, succeeded someone or chaired
    something (not who succeeded an organization its acronym names)."""
    return _PERSON_Q.search(question) is not None and _ORGANIZATION_REPLACED.search(question) is None


# A post's grade after its title: "an Ethics Advisor (P5)", "a Director (D-1)" name posts, not people.
_GRADE = re.compile(r"\s*\((?:ASG|USG|D|P|G|GS|FS|NO[A-D]?)-?\d?\)")


def named_people(text: str, lower_case: frozenset[str]) -> set[str]:
    """The names of people `text` writes (their words lower-cased, joined by a space): runs of two
    or more capitalised words that are not office words, countries, months or words in
    `lower_case` (those the document also writes in lower case), and surnames after a title; not
    a post with its grade ("two Ethics Specialists (P3)")."""
    found = {_word(m.group(1)) for m in _ADDRESS.finditer(text)}
    for run in _RUN.finditer(text):
        if _GRADE.match(text, run.end()):
            continue
        name = [w for w in map(_word, run.group(0).split()) if w and w not in _OFFICE_WORDS
                and w not in _COUNTRY_WORDS and w not in _MONTHS and w not in lower_case]
        if len(name) >= 2:
            found.add(" ".join(name))
    return found - {""}


def _word(token: str) -> str:
    """A name's word lower-cased, without a possessive ("Mugambe’s"); "" for an acronym ("UNTSO")
    or a roman numeral, which name no one."""
    token = re.sub(r"[’']s$", "", token.strip(".,;:()"))
    if len(token) > 1 and (token.isupper() or _ROMAN.fullmatch(token)):
        return ""
    return token.lower().replace("’", "'")


def lower_case_words(document: str) -> frozenset[str]:
    """The words a document writes in lower case somewhere."""
    return frozenset(w.lower() for w in re.findall(r"(?<![\w-])[a-z][a-z'’-]+", document))


# The office a question asks the holder of ("Who is the Special Representative for South Sudan
# ...?"), and what the question gives after it ("for South Sudan and Head of UNMISS").
_ASKED_OFFICE = re.compile(r"^\s*who\s+(?:is|was)\s+the\s+"
                           r"(?:(?:current|new|former|acting|interim|incoming|outgoing)\s+)?"
                           r"(Force\s+Commander|Executive\s+Director|Special\s+Representative|Special\s+Envoy|"
                           r"High\s+Commissioner|Police\s+Commissioner|Director(?:[-\s]General)?|Registrar|"
                           r"Prosecutor)\b"
                           r"([^?]*)", re.IGNORECASE)
# An office under another is another office ("the Deputy Special Representative").
_UNDER = re.compile(r"\b(?:Deputy|Assistant|Associate)\s+$", re.IGNORECASE)
# The place or matter an office is for ("... for South Sudan", "for Children and Armed Conflict").
_FOR = re.compile(r"^(?:\s+of\s+the\s+Secretary-General)?\s+(?:for|on)\s+(?:the\s+)?([^,.;()?]{1,80})", re.IGNORECASE)
OFFICE_REACH = 160  # characters before a person's name within which a document may give the office


def before_names(surname: str, document: str, flags: int = 0) -> Iterator[tuple[str, int]]:
    """For each place the document writes the surname, the OFFICE_REACH characters before it (where
    an office is given: "the President of Angola, João Lourenço") and where the surname ends."""
    for m in re.finditer(rf"\b{re.escape(surname)}\b", document, flags):
        yield document[max(0, m.start() - OFFICE_REACH):m.start()], m.end()


def _office_pattern(office: str) -> str:
    """The office as texts write it: its words joined by spaces or hyphens, a Special
    Representative of the Secretary-General as "SRSG"."""
    words = r"[-\s]+".join(re.escape(w) for w in re.split(r"[-\s]+", office))
    return rf"(?:{words}|SRSG)" if office.lower().startswith("special representative") else words


def _other_office(text: str, at: re.Match[str], asked: str) -> bool:
    """Whether the office written at `at` is another than the one asked: under another ("Deputy")
    or for another place or matter than the question's ("for Children and Armed Conflict" where
    "for South Sudan" is asked)."""
    if _UNDER.search(text[:at.start()]):
        return True
    given, wanted = _FOR.match(text[at.end():]), _FOR.match(asked)
    return given is not None and wanted is not None \
        and not content_terms(given.group(1)) & content_terms(wanted.group(1))


def _holds_office(office: str, asked: str, people: list[str], evidence: Evidence) -> bool:
    """Whether the paragraph writes the office asked for (not under another, not for another place:
    `_other_office`; `asked` is what the question gives after the office), or the document writes it
    in the sentence before the name of someone the paragraph names ("The Special Representative ...
    for South Sudan, Nicholas Haysom, ..." for "Mr. Haysom briefed ..."). A paragraph naming someone
    under another office only ("the Special Envoy for South Sudan of IGAD, Ismail Wais") does not."""
    written = re.compile(rf"\b{_office_pattern(office)}\b", re.IGNORECASE)
    if any(not _other_office(evidence.paragraph, m, asked) for m in written.finditer(evidence.paragraph)):
        return True
    for person in people:
        for before, _ in before_names(person.split()[-1], evidence.document, re.IGNORECASE):
            sentence = before[max(before.rfind(". "), before.rfind("\n")) + 1:]
            if any(not _other_office(sentence, m, asked) for m in written.finditer(sentence)):
                return True
    return False


def check_person(question: str, evidence: Evidence) -> Mismatch | None:
    """The person the question asks for (`asks_person`), where the paragraph names nobody but the
    people the question names itself; the holder of an office asked for (`_ASKED_OFFICE`), where
    no one the paragraph names is given that office (`_holds_office`: "the Special Envoy ... of
    IGAD, Ismail Wais" for the Special Representative)."""
    if not asks_person(question):
        return None
    lower_case = lower_case_words(evidence.document)
    asked = set(words(question))
    named = [p for p in named_people(evidence.paragraph, lower_case) if not set(p.split()) <= asked]
    office = _ASKED_OFFICE.search(question)
    if named and office is not None and not _holds_office(office.group(1), office.group(2), named, evidence):
        label = re.sub(r"\s+", " ", office.group(1))
        return Mismatch(Constraint("kind", "an office", f"the {label}"), "", "does not name {label}")
    if named or (_CO_CHAIR.search(question) and _names_body(evidence.paragraph, question)) \
            or _elects_state(evidence.paragraph, question):
        return None
    return Mismatch(Constraint("kind", "a person", "anyone"), "", "names no one beyond those the question names")


# Who was made an officer, by name or as a State: "Who was appointed Special Representative ...?",
# "Which Member States were elected to ...?", "Whom did the Secretary-General appoint ...?".
_APPOINTMENT_Q = re.compile(
    r"^\s*(?:who|whom|which\s+(?:member\s+)?(?:States?|countr(?:y|ies)|Governments?|members?|candidates?|judges?|"
    r"officials?|experts?|persons?|individuals?|diplomats?))\b[^,;?]{0,80}?\b"
    r"(?:(?:was|were|has\s+been|had\s+been|have\s+been)\s+"
    r"(?:newly\s+|re-?)?(appointed|elected|designated|nominated|sworn\s+in)"
    r"|did\s+[^,;?]{1,60}?\s+(appoint|elect|designate|nominate))\b", re.IGNORECASE)
# What a paragraph telling of an appointment or an election writes: the act, a successor, an office
# taken up or declared, or the officers listed ("The Bureau ...: Chair: ...", "Nahla Haidar (Chair)").
_APPOINTMENT_TOLD = re.compile(r"\b(?:appoint\w*|elect\w*|nominat\w*|designat\w*|named|chose|chosen|select\w*|"
                               r"succeed\w*|successor|replac\w*|sworn|took\s+office|assum(?:ed|es|ing)|took\s+up|"
                               r"new|newly|declared|proclaimed|confirmed|endorsed|candidatures?|oath|will\s+serve|"
                               r"Bureau|officers)\b|\b(?:Chair|Chairperson|President|Rapporteur)\s*[:)]",
                               re.IGNORECASE)
# The one who chairs a body the paragraph tells of: "The Working Group, chaired by Julia Elizabeth
# Rodríguez Acosta (El Salvador)", "a working group of the whole, to be chaired by Michael Gort
# (Canada)", "under the chairmanship of"; not "was chaired by the Vice-Chair" in the Chair's absence.
_CHAIRED = re.compile(r"\b(?:chaired|presided\s+over)\s+by\s+(?!the\s+Vice)|\bunder\s+the\s+chairmanship\s+of\b",
                      re.IGNORECASE)
# The time a question sets the appointment in: a year, a month or a day ("in 2025", "on 15 November").
_WHEN_SET = re.compile(rf"\b(?:19|20)\d\d\b|\b{MONTH_PATTERN}\b")
_PARTICIPLES = {"appoint": "appointed", "elect": "elected", "designate": "designated", "nominate": "nominated"}


def asks_appointment(question: str) -> bool:
    """Whether the question asks who (or which State) was appointed, elected, designated or
    nominated at a time it sets (`_WHEN_SET`)."""
    return _APPOINTMENT_Q.search(question) is not None and _WHEN_SET.search(question) is not None


def check_appointment(question: str, evidence: Evidence) -> Mismatch | None:
    """Who was appointed or elected at a time the question sets (`asks_appointment`), of a paragraph
    that tells of no appointment, election or officers (`_APPOINTMENT_TOLD`): "I thank my Special
    Representative for South Sudan, Nicholas Haysom" (S/2025/54, para. 107) does not tell who was
    appointed to that office in 2025. Without a time, the holder the paragraph names answers ("Who
    was elected President of the General Assembly at its seventy-ninth session?"), as does the
    paragraph saying who chairs, asked who chairs (`_tells_chair`)."""
    asked = _APPOINTMENT_Q.search(question)
    if asked is None or not _WHEN_SET.search(question) or _APPOINTMENT_TOLD.search(evidence.paragraph) \
            or _tells_chair(question, evidence.paragraph):
        return None
    verb = asked.group(1) or _PARTICIPLES[asked.group(2).lower()]
    label = f"who was {' '.join(verb.lower().split())}"
    return Mismatch(Constraint("kind", "an appointment", label), "", "does not tell {label}")


def _tells_chair(question: str, paragraph: str) -> bool:
    """Whether the question asks who chairs and the paragraph says who chairs (`_CHAIRED`), not
    in the Chair's absence: "Chair of Working Group II" of "The Working Group, chaired by ..."."""
    return re.search(r"\b(?:Chair(?:person)?|chair)\b", question) is not None \
        and _CHAIRED.search(paragraph) is not None \
        and re.search(r"\babsence\s+of\s+the\s+Chair", paragraph, re.IGNORECASE) is None


# An office a question gives someone it names: "When did Stephanie Koury take up her duties as
# Special Representative for Libya?" (not an office under another: "as Deputy ...").
_AS_OFFICE = re.compile(r"\bas\s+(?:the\s+)?(?:new\s+)?((?:Special|Personal|Executive|High|Resident|Humanitarian|Force|"
                        r"Police)\s+(?:Representative|Envoy|Adviser|Advisor|Coordinator|Commissioner|Director|"
                        r"Commander)|Chair(?:person)?|President|Rapporteur|Prosecutor|Registrar|Director)\b")
# The words that put an office under the one named after them ("Acting" holds the office itself).
_LESSER = re.compile(r"\b(Deputy|Assistant|Associate|Vice)[\s-]+$")
# What may stand between an office and the name of its holder: "for Political Affairs, ".
_TO_NAME = re.compile(r"^(?:\s+(?:for|of|on)\s+[^,;.]{1,80})?,?\s+(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?"
                      r"(?:[A-Z][\w'’.-]*\s+){0,3}$")


def check_office_given(question: str, evidence: Evidence) -> Mismatch | None:
    """An office the question gives someone it names, where the paragraph gives that person, right
    before the name, the office under it and nowhere the office itself: "Stephanie Koury ... as
    Special Representative for Libya" of "my Deputy Special Representative for Political Affairs,
    Stephanie Koury" (S/2025/223, para. 83; not "... appointed his Deputy Special Representative,
    Stephanie Koury, as his Special Representative")."""
    m = _AS_OFFICE.search(question)
    if m is None:
        return None
    office = " ".join(m.group(1).split())
    written = re.compile(rf"\b{_office_pattern(office)}", re.IGNORECASE)
    for person in named_people(question, lower_case_words(evidence.document)):
        surname = person.split()[-1]
        lesser = None
        for before, end in before_names(surname, evidence.paragraph, re.IGNORECASE):
            offices = [at for at in written.finditer(before) if _TO_NAME.match(before[at.end():])]
            under = _LESSER.search(before[:offices[-1].start()]) if offices else None
            after = evidence.paragraph[end:end + OFFICE_REACH]
            if under is None or re.search(rf"^[^.;]*?\bas\s+(?:\w+\s+)?{_office_pattern(office)}", after, re.I):
                return None  # the office itself, right before the name or given it after
            lesser = lesser or (under, offices[-1], before)
        if lesser is not None:
            under, at, before = lesser
            named = re.search(r"\s+".join(map(re.escape, person.split())), question, re.IGNORECASE)
            return Mismatch(Constraint("office", office, office), before[under.start():at.end()],
                            f"names {named.group(0) if named else person} as {{found}}, not {{label}}")
    return None
