"""Near misses in whose document it is: the question asks about one organization ("the UNOPS
Ethics Office", "UNICEF's Office of Internal Audit") and the best paragraph comes from a document
whose title names another ("Activities of the UNDP Ethics Office in 2024"), which never comes to
the one asked about in that paragraph. Organizations are told apart by their acronyms, as UN
documents name them; a title that spells an acronym out ("Economic Commission for Latin America
and the Caribbean" for ECLAC) writes it."""

from __future__ import annotations

import re

from rag.answer.evidence import Constraint, Evidence, Mismatch
from rag.answer.names import one_edit
from rag.search.acronyms import SPELLED_OUT
from rag.search.focus import focus
from rag.textutil import ORDINALS, STOPWORDS

# An organization's acronym: UNDP, UNOPS, UN-Women; roman numerals are no acronym.
_ACRONYM = re.compile(r"(?<![\w/.-])([A-Z]{3,}(?:-[A-Z][a-z]+)?|UN-[A-Z][a-z]+)(?![\w/-])")
_ROMAN = re.compile(r"^[IVXLCDM]+$")


def _in_capitals(text: str) -> bool:
    """Whether the text is typed in capitals (an old masthead title, a shouted question)."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 12 and sum(ch.isupper() for ch in letters) > 0.6 * len(letters)


def acronyms(text: str) -> list[str]:
    """The acronyms a text writes, in order, each once (a word set in capitals for emphasis,
    "NOT", is none; a text typed in capitals has none)."""
    out: list[str] = []
    if _in_capitals(text):
        return out
    for a in _ACRONYM.findall(text):
        if not _ROMAN.match(a) and a.lower() not in STOPWORDS and a not in out:
            out.append(a)
    return out


_WORDS = re.compile(r"[^\W\d_][\w'’]*")
# Words with a hyphenated compound kept whole: "Inter-American Development Bank" spells IDB.
_COMPOUNDS = re.compile(r"[^\W\d_][\w'’-]*")
_MINOR = frozenset(("of", "the", "and", "for", "on", "in", "to", "against", "at", "with",
                    "de", "des", "du", "la", "et"))


def _spells(letters: str, words: list[str], j: int, seen: set[tuple[int, int]]) -> bool:
    """Whether words[j:] open with words that spell `letters`: each word gives the next one or
    more letters by its first letters, small words between aside (`seen`: the (letters left,
    word) pairs already ruled out, so that the search stays linear)."""
    if not letters:
        return True
    if j >= len(words) or (len(letters), j) in seen:
        return False
    w = words[j].lower()
    for n in range(len(letters), 0, -1):
        if w.startswith(letters[:n]) and _spells(letters[n:], words, j + 1, seen):
            return True
    if letters[0] == "x" and w.startswith("ex") and _spells(letters[1:], words, j + 1, seen):
        return True  # "Exchange" for the X of SDMX
    if w in _MINOR and _spells(letters, words, j + 1, seen):
        return True
    seen.add((len(letters), j))
    return False


def _spelled_out(acronym: str, text: str) -> bool:
    """Whether words of the text spell the acronym, the first a capitalised word ("Committee on
    the Elimination of Discrimination against Women" for CEDAW, "Economic Commission for Latin
    America and the Caribbean" for ECLAC, "Economic and Social Council" for ECOSOC), a hyphenated
    compound as one word or as its parts ("Inter-American Development Bank" for IDB)."""
    letters = acronym.split("-")[0].lower()
    return any(first[0] == acronym[0] and _spells(letters, words[i:i + 2 * len(letters)], 0, set())
               for words in (split(text) for split in (_WORDS.findall, _COMPOUNDS.findall))  # the second if need be
               for i, first in enumerate(words))


def spells_from(acronym: str, word: str, text: str) -> bool:
    """Whether the text spells the acronym out from `word` on: "the Committee pre-sessional
    working group" of a report that writes "Committee on the Rights of Persons with Disabilities"
    is the CRPD's."""
    letters = acronym.split("-")[0].lower()
    words = _WORDS.findall(text)
    return any(w == word and _spells(letters, words[i:i + 2 * len(letters)], 0, set()) for i, w in enumerate(words))


def spelled_to(acronym: str, word: str, text: str) -> bool:
    """Whether the text spells the acronym out in words that end with `word`: "the Goals
    financing gap" of a report writing "Sustainable Development Goals" is the SDG financing gap."""
    letters = acronym.split("-")[0].lower()
    words = _WORDS.findall(text)
    return any(w == word and _spells(letters, words[j:i + 1], 0, set()) and not _spells(letters, words[j:i], 0, set())
               for i, w in enumerate(words) for j in range(max(0, i - 2 * len(letters)), i))


# What UN documents write for acronyms users type, beyond rag.search.acronyms.SPELLED_OUT (which
# writes_acronym reads first: "UNSC" as "Security Council"): shorter or other forms.
_ALIASES = {"USD": "$", "NGO": "non-governmental", "NGOS": "non-governmental",
            "HIV": "AIDS", "AIDS": "HIV",  # "ending the HIV epidemic" is written "to end AIDS by 2030"
            "NEET": "not in education, employment",  # the order of SDG indicator 8.6.1
            # spelled out by their full names, not by the letters of "UN"
            "UN-WOMEN": "Empowerment of Women", "UN-HABITAT": "Human Settlements Programme",
            # names whose letters do not spell the acronym
            "UNICEF": "Children’s Fund", "UNFPA": "Population Fund", "OHCHR": "High Commissioner for Human Rights",
            "UNHCR": "High Commissioner for Refugees", "UNAIDS": "Programme on HIV/AIDS",
            "UNRWA": "Relief and Works Agency",
            # the regional commissions, named in full where the text gives no acronym (`_entities_in`)
            "ECA": "Economic Commission for Africa", "ECE": "Economic Commission for Europe",
            "ECLAC": "Economic Commission for Latin America and the Caribbean",
            "ESCAP": "Economic and Social Commission for Asia and the Pacific",
            "ESCWA": "Economic and Social Commission for Western Asia"}


def writes_acronym(text: str, acronym: str) -> bool:
    """Whether the text writes the acronym ("COVID-19" writes COVID), spells it out, or writes what
    UN documents put for it ("Security Council" for UNSC; rag.search.acronyms.SPELLED_OUT, which
    the search adds to the question, in any case: "gross domestic product" for GDP)."""
    alias = _ALIASES.get(acronym.upper())
    spelled = SPELLED_OUT.get(acronym)
    if spelled is not None and spelled.lower() in text.lower():  # "gross domestic product" for GDP
        return True
    return (_written(acronym).search(text) is not None or (alias is not None and alias in text.replace("'", "’"))
            or (not acronym.startswith("UN-") and _spelled_out(acronym, text)))


def title_names(acronym: str, title: str, document: str) -> bool:
    """Whether a document's title names an acronym: writes or spells it out (`writes_acronym`), or
    writes its full name as the document defines it ("the United Nations Interim Administration
    Mission in Kosovo (UNMIK)")."""
    return writes_acronym(title, acronym) or any(_in_title(m, document, title)
                                                 for m in re.finditer(rf"\(\s*{re.escape(acronym)}\s*\)", document))


def _in_title(definition: re.Match[str], document: str, title: str) -> bool:
    """Whether the words before an acronym's brackets, from a capitalised word opening with its
    first letter on, are written in the title (three words or more)."""
    acronym = definition.group(0).strip("() ")
    before = " ".join(document[max(0, definition.start() - 160):definition.start()].split())
    flat = " ".join(title.split()).lower()
    for m in re.finditer(rf"\b{re.escape(acronym[0])}[\w’'-]*", before):
        name = before[m.start():].strip()
        if len(name.split()) >= 3 and name.lower() in flat:
            return True
    return False


# A hyphenated compound of capitalised words that a PDF breaks at its line's end or spaces out:
# "Science- Policy", "Science - Policy".
_BROKEN_COMPOUND = re.compile(r"\b([A-Z][a-z]{2,}) ?- ?(?=[A-Z][a-z])")


def _compound_spelled(acronym: str, text: str) -> bool:
    """Whether words of the text spell the acronym with a hyphenated compound between them left
    out, as acronyms leave out a name's modifier ("IPBES": "Intergovernmental Science-Policy
    Platform on Biodiversity and Ecosystem Services", the PDF's "Science - Policy" rejoined)."""
    joined = _BROKEN_COMPOUND.sub(r"\1-", text)
    if not re.search(r"\w-\w", joined):
        return False
    return _spelled_out(acronym, re.sub(r"\b[A-Z][\w’']*-[\w’'-]+", " ", joined))


def _written(acronym: str) -> re.Pattern[str]:
    """The acronym as a word ("COVID" in "COVID-19"; not "UNDP" in "UNDPA", nor "UN" in "UN-Women")."""
    return re.compile(rf"(?<![\w-]){re.escape(acronym)}(?![\w]|-[A-Za-z])")


def _mistyped(acronym: str, text: str) -> bool:
    """Whether the text writes an acronym the question may have mistyped: the same letters in
    another order ("TEFU" for TFEU) or one letter added, dropped or changed ("ARPNET" for
    ARPANET)."""
    for written in set(acronyms(text)):
        if written in ENTITIES and acronym in ENTITIES:
            continue  # two bodies a letter apart are two bodies: MINUSMA is not MINUSCA
        if sorted(written) == sorted(acronym) or (min(len(written), len(acronym)) >= 4 and one_edit(written, acronym)):
            return True
    return False


# A document symbol as a question cites it: "A/79/44", "S/2025/350", "DP/FPA/2025/6".
_SYMBOL = re.compile(r"\b[A-Z][A-Z.]{0,8}(?:/[A-Za-z0-9.]+){2,}")


def cited_symbols(question: str) -> list[str]:
    """The document symbols the question cites ("A/79/44", "S/RES/2759"); a run of organizations'
    acronyms ("UNDP/UNFPA/UNOPS") holds no digit and is none."""
    named = (m.group(0).rstrip(".") for m in _SYMBOL.finditer(question))
    return [s for s in named if any(ch.isdigit() for ch in s)]


def _same_series(symbol: str, own: set[str]) -> bool:
    """Whether the symbol is another issue of the document's series: A/79/44 of A/80/44 (the same
    organ and report number, another session)."""
    parts = symbol.upper().split("/")
    return any(o.split("/")[0] == parts[0] and o.split("/")[-1] == parts[-1] and o != symbol.upper() for o in own)


def check_symbol(question: str, evidence: Evidence) -> Mismatch | None:
    """A document the question names by its symbol that the paragraph neither is of nor cites, and
    that its document cites at most as another issue of its own series: "In the Committee's
    report (A/79/44), ..." answered from A/80/44; "the amendment (A/C.2/79/L.51)" is answered
    from the report that records the vote on it."""
    own = {s.upper() for s in evidence.symbols}
    for named in cited_symbols(question):
        resolution = re.search(r"/RES/(\d+)", named)  # S/RES/2759 is written "resolution 2759"
        if resolution and re.search(rf"\bresolutions?\s+(?:[\d/]+\s*(?:\(\d{{4}}\))?,?\s+(?:and\s+)?)*"
                                    rf"{resolution.group(1)}\b", evidence.paragraph + " " + evidence.document):
            continue
        cited = named in evidence.paragraph or named in evidence.section \
            or (named in evidence.document and not _same_series(named, own))
        if named.upper() not in own and not cited:
            found = evidence.symbols[0] if evidence.symbols else "another document"
            return Mismatch(Constraint("symbol", named, named), found)
    return None


def _words_in_lower(text: str) -> set[str]:
    return set(re.findall(r"\b[a-z][a-z-]+\b", text))


def check_unnamed_organization(question: str, evidence: Evidence) -> Mismatch | None:
    """An organization the question names by its acronym that the paragraph's document never
    writes, nor spells out, nor names by its other name (`_OTHER_NAMES`: "Da'esh" for ISIL): "the
    authorized strength of MINURSO" answered from a report on UNISFA."""
    whole = " ".join((evidence.title, evidence.paragraph, evidence.document, *evidence.symbols))
    lower = _words_in_lower(whole)
    for asked in acronyms(question):
        if asked.lower() in lower:
            continue  # a word set in capitals ("AUTHORIZED"), not an acronym
        if asked.upper() in _KIND_ACRONYMS and re.search(rf"\b(?:[Ww]hich|[Ww]hat)\s+(?:[\w-]+\s+){{0,2}}?{asked}\b",
                                                        question):
            continue  # "Which (Zimbabwean) NGO ...?": the kind of answer asked, not an organization the document names
        if not (writes_acronym(whole, asked) or _mistyped(asked, whole) or _compound_spelled(asked, whole)
                or _spelled_in_lower_case(asked, whole)
                or (other := _OTHER_NAMES.get(asked.upper())) is not None and other.search(whole)):
            return Mismatch(Constraint("organization", asked, asked), "", "is from a document that never names {label}")
    return None


# The other names of an organization UN documents call by one or the other: ISIL's Arabic acronym.
_ISIL = re.compile(r"\b(?:Da['’]?esh|ISIL|ISIS|Islamic State)\b", re.IGNORECASE)
_OTHER_NAMES = {"ISIL": _ISIL, "ISIS": _ISIL, "DAESH": _ISIL}


# Acronyms of kinds of organization or country, not of one: asked after "Which", the answer's kind.
_KIND_ACRONYMS = frozenset(("NGO", "NGOS", "CSO", "CSOS", "SME", "SMES", "MSME", "MSMES", "LDC", "LDCS", "SIDS",
                            "LLDC", "LLDCS"))

LIST_LETTERS = 4  # an acronym's letters from which a list of words spelling it out may name it


def _spelled_in_lower_case(acronym: str, text: str) -> bool:
    """Whether the text spells an acronym of three letters or more out in lower case, a word of
    four letters or more (the last, three or more) a letter, none a function word, and nothing
    between (but a list's commas and "and" for an acronym of LIST_LETTERS or more): "the new
    enterprise resource planning solution" for ERP, "international humanitarian law" for IHL,
    "science, technology, engineering and mathematics" for STEM (not "its legal obligations" for
    ILO, nor "refugees, soldiers and fighters" for RSF); not an organization's acronym
    (`ENTITIES`), whose name documents capitalise."""
    if len(acronym) < 3 or not acronym.isalpha() or acronym in ENTITIES:  # a body's name is capitalised
        return False
    # or, for four letters or more, a list's commas and "and" ("science, technology, engineering and
    # mathematics"): three common words in a list ("refugees, soldiers and fighters") spell no RSF
    between = r"(?:,?\s+and\s+|,\s*|[\s-]+)" if len(acronym) >= LIST_LETTERS else r"[\s-]+"
    # the last word may have three letters where it ends the name: "international humanitarian law"
    # for IHL, not "human rights due diligence" for HRD
    words = [f"({c.lower()}[a-z]{{{2 if i == len(acronym) - 1 else 3},}})" for i, c in enumerate(acronym)]
    spelled = re.finditer(r"\b" + between.join(words) + r"\b", text)
    return any(not set(m.groups()) & STOPWORDS and (len(m.group(len(acronym))) > 3 or _NAME_ENDS.match(text, m.end()))
               for m in spelled)


# What may follow the end of a name: punctuation, the text's end or a function word.
_NAME_ENDS = re.compile(r"\s*(?:[^\w\s]|$)|\s+(?:and|or|of|in|to|for|the|with|on|by|as|at|is|was|are|were)\b")


# The acronyms of the organizations of the United Nations system and of the bodies whose reports
# share their titles' form ("Activities of the UNDP Ethics Office"), for `check_organization`: an
# acronym of another kind (a programme's, "FDP") says nothing of whose document it is.
ENTITIES = frozenset("""
UNDP UNFPA UNOPS UNICEF UN-Women UNHCR OHCHR WFP UNAIDS FAO ILO UNESCO UNIDO IFAD IOM ITU UPU WMO IMO ICAO
WIPO UNEP UN-Habitat UNCTAD UNODC UNRWA OCHA OIOS JIU ECA ECE ECLAC ESCAP ESCWA UNCDF UNV UNU UNITAR UNSSC
ITC IAEA WTO CTBTO OPCW IRMCT DPPA DPO UNSDG UNDRR UNFCCC UNOCT UNOWAS UNSMIL UNMISS UNISFA UNDOF UNIFIL
MINUSCA MONUSCO MINURSO UNFICYP UNMIK UNAMA UNAMI BINUH UNSOM UNTSO UNMOGIP UNITAMS
MINUSMA MINUSTAH MINUJUSTH UNAMID UNMIL UNOCI UNMIS UNMIT UNIOGBIS UNSCOL UNRCCA UNOCA UNMHA UNVMC
""".split())


# An organization opening a title as the part of a joint board's agenda its document belongs to:
# "UNFPA – Reports of UNDP, UNFPA, and UNOPS Ethics Offices ...".
_SEGMENT = re.compile(r"^\s*([A-Z][\w-]*)\s*(?:[\u2013\u2014]|\s-)\s")
JOINT_LIST = 3  # organizations a title names that make its agenda item a joint board's list of them


def _segment_owner(title: str) -> str | None:
    """The organization (ENTITIES) a title opens with before a dash, as its document's part of a
    joint board's agenda, where the title names JOINT_LIST organizations or more; None otherwise."""
    m = _SEGMENT.match(title)
    named = {a for a in acronyms(title) if a in ENTITIES}
    return m.group(1) if m and m.group(1) in ENTITIES and len(named) >= JOINT_LIST else None


# Organizations listed together as a joint board's are: "UNDP/UNFPA/UNOPS, UNICEF and UN-Women" (a
# list joined by a slash; not "Together with UNDP, UNICEF vaccinated ...", nor joint work).
_ORG = r"(?:UN-[A-Z][a-z]+|[A-Z][A-Z]+[a-z]?[A-Z]*)"
_ORG_LIST = re.compile(rf"(?<![\w-]){_ORG}(?:\s*(?:/|,\s*and\b|,|and\b)\s*{_ORG})+(?![\w-])")


def _only_listed_with(text: str, acronym: str, owners: list[str]) -> bool:
    """Whether the text names the organization only in lists of organizations that name one of
    `owners` too (UNDP's report naming "the Executive Boards of the UNDP/UNFPA/UNOPS, UNICEF and
    UN-Women" tells nothing of UNICEF's own)."""
    mentions = [m.start() for m in _written(acronym).finditer(text)]
    if not mentions or not owners:
        return False
    lists = [m for m in _ORG_LIST.finditer(text)
             if "/" in m.group() and any(_written(o).search(m.group()) for o in owners)]
    return all(any(m.start() <= at < m.end() for m in lists) for at in mentions)


def check_organization(question: str, evidence: Evidence) -> Mismatch | None:
    """An organization of the United Nations system (ENTITIES) the question names that neither
    the paragraph nor its document's title writes, where the title names another one: the
    document is that other organization's. A title heading its document with an organization's
    part of a joint board's agenda ("UNFPA – Reports of UNDP, UNFPA, and UNOPS Ethics Offices")
    is that organization's, whatever else its agenda item names."""
    if not evidence.title:
        return None
    asked = [a for a in acronyms(question) if a in ENTITIES]
    segment = _segment_owner(evidence.title)
    owners = [a for a in acronyms(evidence.title) if a in ENTITIES and not writes_acronym(question, a)]
    unwritten = [a for a in asked if not writes_acronym(evidence.paragraph, a)
                 or _only_listed_with(evidence.paragraph, a, [segment] if segment else owners)]
    if segment and unwritten and segment not in asked:
        return Mismatch(Constraint("organization", unwritten[0], unwritten[0]), segment)
    if not owners:
        return None
    for a in unwritten:
        if not writes_acronym(evidence.title, a):
            return Mismatch(Constraint("organization", a, a), owners[0])
    return None


# A named unit of an organization: "the Statistics Division", "the Inspection and Evaluation Division".
_UNIT = re.compile(r"\b((?:[A-Z][a-z]+\s+(?:and\s+)?){1,3}?)(Division|Office|Section|Branch|Unit|Department|Service)\b")
_NOT_NAME = frozenset(("The", "UN", "United", "Nations", "Its", "Their", "Which", "What", "Whose", "How"))


def _units(text: str) -> list[tuple[str, str]]:
    """The (name, head noun) of each named unit the text writes: ("Statistics", "Division");
    "the UN Statistics Division" names "Statistics"."""
    out = []
    for m in _UNIT.finditer(text):
        words = [w for w in m.group(1).split() if w not in _NOT_NAME]
        if words:
            out.append((" ".join(words), m.group(2)))
    return out


def _unit_acronym_written(unit: str, evidence: Evidence) -> bool:
    """Whether the paragraph writes the unit by an acronym: its initials ("HRD" for the Human Rights
    Division) or the one its document gives it ("Peacebuilding Support Office (PBSO)")."""
    initials = "".join(w[0] for w in unit.split() if w != "and")
    defined = re.findall(rf"{re.escape(unit)}\s*\(([A-Z][\w-]+)\)", evidence.document)
    return any(_written(a).search(evidence.paragraph) for a in {initials, *defined})


def check_paragraph_unit(question: str, evidence: Evidence) -> Mismatch | None:
    """A named unit the question asks about ("the Statistics Division") that the paragraph never
    writes, where it writes another of the same kind ("the websites maintained by the Population
    Division"): the paragraph tells of that one. Not where the paragraph speaks of a unit of that
    kind unnamed ("The office provided 142 sessions ... with the Geneva Office": its document's
    own), nor of a unit naming the question's document ("In the 2025 report on the System-wide
    Evaluation Office, at whose suggestion ...?")."""
    paragraph = evidence.paragraph.lower()
    for name, head in _units(focus(question)):
        unit = f"{name} {head}"
        if unit.lower() in paragraph or re.search(rf"\bthe\s+{head.lower()}\b", paragraph) \
                or _unit_acronym_written(unit, evidence):
            continue
        others = [n for n, h in _units(evidence.paragraph) if h == head and name not in n and n not in name]
        if others:
            return Mismatch(Constraint("organization", f"the {name} {head}", f"the {name} {head}"),
                            f"the {others[0]} {head}")
    return None


def check_paragraph_organization(question: str, evidence: Evidence) -> Mismatch | None:
    """An organization of the United Nations system (ENTITIES) the question names that the
    paragraph never writes, where the paragraph writes another one, which its document writes
    more often, and neither the title nor the paragraph's headings write the one asked about:
    "UNICEF's Office of Internal Audit" answered from "The UNDP Director of the Office of Audit
    and Investigations presented ..." of a joint board's report that mentions UNICEF elsewhere; or,
    however often, where a heading over the paragraph gives the other its segment of a joint board's
    session ("UNOPS segment": UNOPS's "47 staff reductions" for UNFPA's, DP/2025/8, para. 122); a
    title naming both counts as naming neither, and a heading naming the asked organization leaves
    it asked. A joint segment's paragraph is judged as any ("Joint segment > II. Recommendations of the
    Board of Auditors": "UNDP pursues full recovery of funds lost to fraud", DP/2025/8, para. 10)."""
    asked = [a for a in acronyms(question) if a in ENTITIES]
    if not asked or any(writes_acronym(evidence.paragraph, a) for a in asked):
        return None
    others = [a for a in _entities_in(evidence.paragraph) if not writes_acronym(question, a)]
    if not others:
        return None
    main = max(others, key=lambda o: _times(o, evidence.document))
    segment = _segment_of(main, evidence.section)  # "UNOPS segment": the other's paragraph
    # a title naming the asked one makes it the subject, unless it names the other too ("the
    # Executive Board of UNDP, UNFPA and UNOPS")
    titled_other = writes_acronym(evidence.title, main)
    for a in asked:
        if writes_acronym(evidence.section, a):
            continue
        if segment or (titled_other or not writes_acronym(evidence.title, a)) \
                and _times(a, evidence.document) < _times(main, evidence.document):
            return Mismatch(Constraint("organization", a, a), main)
    return None


# ENTITIES by the upper-case keys of `_ALIASES` ("UN-WOMEN" is UN-Women).
_ENTITY_OF = {e.upper(): e for e in ENTITIES}


def _segment_of(organization: str, section: str) -> bool:
    """Whether a heading over the paragraph gives the organization its segment of a joint board's
    session ("UNOPS segment > XIV. ...")."""
    return re.search(rf"(?<![\w-]){re.escape(organization)}\s+segment\b", section, re.IGNORECASE) is not None


def _entities_in(text: str) -> list[str]:
    """The organizations of ENTITIES the text names, by their acronyms or by the names `_ALIASES` gives."""
    named = [a for a in acronyms(text) if a in ENTITIES]
    quoted = text.replace("'", "’")
    return named + [_ENTITY_OF[key] for key, name in _ALIASES.items()
                    if key in _ENTITY_OF and _ENTITY_OF[key] not in named and name in quoted]


def _times(acronym: str, text: str) -> int:
    """How often the text names the organization: by the name `_ALIASES` gives for it, or by its
    acronym where that name does not stand just before it ("Economic Commission for Africa (ECA)"
    names it once)."""
    alias = _ALIASES.get(acronym.upper())
    if not alias:
        return len(_written(acronym).findall(text))
    text = text.replace("'", "’")
    bracketed = len(re.findall(re.escape(alias) + r"\s*\(" + re.escape(acronym) + r"\)", text))
    return len(_written(acronym).findall(text)) + text.count(alias) - bracketed


# What a body is on or for, in capitalised words: "Management", "Business and Human Rights".
_SUBJECT = r"([A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)*)"
# A body named by its kind and what it is on or for: "the High-level Committee on Management",
# "the Committee for Development Policy", "the Working Group on Arbitrary Detention".
_BODY_ON = re.compile(r"\b((?:[A-Z][\w-]*\s+){0,3}(?:Committee|Commission|Forum|Group|Panel|Council|Board|"
                      r"Conference|Fund|Programme|Office))\s+(on|for|of)\s+(?:the\s+)?" + _SUBJECT)


def named_bodies_on(question: str) -> list[str]:
    """The bodies the question names by kind and subject ("High-level Committee on Management")."""
    return [m.group(0) for m in _BODY_ON.finditer(question)]


# The words before the body whose report a document is: "Report of the ...".
_REPORT_OF = re.compile(r"\bReport\s+of\s+the\s+$", re.IGNORECASE)
# A body's whole name from its kind on: "Working Group on Enforced or Involuntary Disappearances",
# "Commission on the Status of Women" (not a flat title's next line: "... Twenty-seventh session").
_WHOLE_NAME = re.compile(r"[A-Z][\w-]*(?:\s+(?:(?:of|on|for|and|or|the)\s+)*[A-Z][\w-]*)*")


# A body named by its subject and then its kind: "Disarmament Commission", "Peacebuilding Commission".
_SUBJECT_THEN_KIND = re.compile(r"\b(?:[A-Z][\w-]*\s+){1,3}?"
                                r"(Committee|Commission|Conference|Forum|Council|Board|Panel)\b")


def _written_name(name: str, text: str) -> bool:
    """Whether the text writes the body's whole name ("the Disarmament Commission adopted ...")."""
    return bool(name) and re.search(r"\b" + r"\s+".join(map(re.escape, name.split())) + r"\b", text) is not None


def _whole_name(text: str, at: int) -> str:
    """The body's name that opens at `at`, up to a session's ordinal a flat title runs on into."""
    m = _WHOLE_NAME.match(text, at)
    words = (m.group(0) if m else "").split()
    cut = next((i for i, w in enumerate(words) if w.lower().split("-")[-1] in ORDINALS
                or w.lower() == "session"), len(words))
    while cut and words[cut - 1].lower() in ("of", "on", "for", "and", "or", "the"):
        cut -= 1
    return " ".join(words[:cut])


def _body_of_other_kind(question: str, whole: str, kind: str, evidence: Evidence) -> str | None:
    """The sibling body of another kind whose report the document is, by its title ("Report of
    the Committee on Enforced Disappearances" for a question on "the Working Group on Enforced or
    Involuntary Disappearances": a word of its subject the same), where the paragraph tells of it
    by its kind ("the Committee") or its name and never writes the asked kind's word ("Group"), nor the
    question that kind's ("What did the Committee for Development Policy recommend on the Doha
    Programme of Action?" asks of the Committee). A body on another subject is no sibling: the
    Advisory Committee on Administrative and Budgetary Questions reports on the Economic
    Commission for Africa's buildings. A title may name the body by its subject first ("Report of
    the Disarmament Commission" for a question on "the Conference on Disarmament": `_SUBJECT_THEN_KIND`).
    `whole`: the asked body's name as the question writes it."""
    asked = kind.split()[-1]
    if re.search(rf"\b{asked}\b", evidence.paragraph, re.IGNORECASE):
        return None
    subject = _subject_words(whole)
    titled = [(t.start(), t.group(1).split()[-1], _whole_name(evidence.title, t.start()))
              for t in _BODY_ON.finditer(evidence.title)]
    titled += [(t.start(), t.group(1), t.group(0)) for t in _SUBJECT_THEN_KIND.finditer(evidence.title)]
    for start, noun, name in titled:
        if noun != asked and _REPORT_OF.search(evidence.title, 0, start) and subject & _subject_words(name) \
                and not re.search(rf"\b{noun}\b", question, re.IGNORECASE) \
                and (re.search(rf"\b[Tt]he\s+{noun}\b", evidence.paragraph) or _written_name(name, evidence.paragraph)):
            return name or None
    return None


# The words of a body's name that are its kind's, not its subject's.
_KIND_WORDS = frozenset(("committee", "commission", "forum", "group", "working", "panel", "council", "board",
                         "conference", "fund", "programme", "office", "high-level", "special", "standing", "ad", "hoc",
                         "united", "nations"))


def _subject_words(name: str) -> set[str]:
    """The capitalised words of a body's name that tell its subject ("Enforced", "Disappearances"
    of "Committee on Enforced Disappearances")."""
    return {w.lower() for w in re.findall(r"[A-Z][\w-]+", name) if w.lower() not in _KIND_WORDS and len(w) > 3}


# The last word of a named plan, strategy or call: what a body is told or updated on ("the
# Gender Equality Acceleration Plan"), not what a body is named for.
_NAMED_PLAN = re.compile(r"\b(?:Plan|Strategy|Framework|Agenda|Initiative|Call|Compact|Roadmap)$")


def _told_of_plan(subject: str, paragraph: str) -> bool:
    """Whether the subject is a named plan (`_NAMED_PLAN`) the paragraph writes."""
    return _NAMED_PLAN.search(subject) is not None and re.search(rf"\b{re.escape(subject)}\b", paragraph) is not None


def check_sibling_body(question: str, evidence: Evidence) -> Mismatch | None:
    """A body the question names ("the High-level Committee on Management") that the paragraph does
    not write, of a document whose title names a body of the same kind on something else ("Report
    of the High-level Committee on Programmes"): the paragraph's "the Committee" is the title's;
    or a body of another kind that the paragraph tells of by its kind (`_body_of_other_kind`). A
    named plan the paragraph writes (`_told_of_plan`) is what the title's body was told of ("to update
    the Committee on the Gender Equality Acceleration Plan"), not another body's subject."""
    for m in _BODY_ON.finditer(question):
        kind, linked, subject = m.group(1), m.group(2), m.group(3)
        asked = f"{kind} {linked} {subject}"
        whole = _whole_name(question, m.start())
        other = _body_of_other_kind(question, whole, kind, evidence)
        if other is not None:
            return Mismatch(Constraint("body", whole, f"the {whole}"), f"the {other}")
        of_kind = rf"(?i:\b{re.escape(kind)}\s+{linked}\s+(?:the\s+)?)"
        # the title writing the subject names the body at greater length ("Committee on the Protection of
        # the Rights of All Migrant Workers" for "the Committee on Migrant Workers")
        if re.search(of_kind + re.escape(subject), evidence.paragraph) \
                or re.search(rf"\b{re.escape(subject.split()[0])}\b", evidence.title) \
                or _told_of_plan(subject, evidence.paragraph):
            continue
        own = re.search(of_kind + _SUBJECT, evidence.title)
        # a flat title runs the name on into its next line ("Forum on Business and Human Rights Report of ..."),
        # a question into its next words ("the High-level Committee on Programmes and UNDP")
        found, asked_name = own.group(1).lower() if own is not None else "", subject.lower()
        if own is not None and not (f"{found} ".startswith(f"{asked_name} ")
                                    or f"{asked_name} ".startswith(f"{found} ")):
            return Mismatch(Constraint("body", asked, asked), f"{kind} {linked} {own.group(1)}")
    return None
