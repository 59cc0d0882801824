"""Near misses by the instrument a question asks about: "the Optional Protocol to the Convention
on the Rights of the Child" answered with a paragraph on the Convention itself ("the Convention
on the Rights of the Child has 196 States Parties"). The paragraph names the parent instrument
and not the protocol or amendment the question adds to it, so its figure is the parent's."""

from __future__ import annotations

import re

from rag.answer.evidence import Constraint, Evidence, Mismatch

# "the (First / Second) Optional Protocol to the Convention on ...", "the amendment to article 20
# (1) of the Convention", "the Protocol to the Treaty": the addition and its parent instrument,
# named up to a comma, a question mark or a clause.
_ADDITION = re.compile(
    r"\b((?:(?:First|Second|Third)\s+)?Optional\s+Protocol|Protocol|[Aa]mendments?)\s+to\s+"
    r"(?:article\s+\d+(?:\s*\(\d+\))?\s+of\s+)?(?:the\s+)?"
    r"((?:International\s+)?(?:Convention|Covenant|Treaty|Agreement)\b[^?,;]{0,80}?)"
    r"(?=\s+(?:as\s+at|at|by|since|during|before|after|when|had|have|has|was|were|is|are|in\s+\d{4})\b|[?,;]|$)")
_PARENT_HEAD = re.compile(r"\b(?:Convention|Covenant|Treaty|Agreement)\b")
# Other ways a paragraph names the addition: its acronym ("OPCAT", "OP-CRC-SC"), "thereto", "as amended".
_ADDITION_NAMED = re.compile(r"\bOP-?[A-Z]{2,}|\bthereto\b|\bas amended\b")


def asked_additions(question: str) -> list[tuple[str, str]]:
    """(addition, parent) pairs the question names: ("Optional Protocol", "Convention on the
    Rights of the Child")."""
    return [(" ".join(m.group(1).split()), " ".join(m.group(2).split())) for m in _ADDITION.finditer(question)]


def check_instrument(question: str, evidence: Evidence) -> Mismatch | None:
    """The protocol or amendment the question asks about, where the paragraph names its parent
    instrument (the parent's words past its head: "on the Rights of the Child") but never the
    addition, and neither the paragraph's section nor its document's title names the addition
    (a report on the protocol need not repeat it)."""
    for addition, parent in asked_additions(question):
        kind = addition.split()[-1].lower().rstrip("s")  # "protocol", "amendment"
        around = f"{evidence.section} {evidence.title}"
        if re.search(rf"\b{kind}", f"{evidence.paragraph} {around}", re.IGNORECASE) \
                or _ADDITION_NAMED.search(evidence.paragraph):
            continue
        if _names_parent(parent, evidence.paragraph):
            return Mismatch(Constraint("instrument", addition, f"the {addition.lower()} to it"), f"the {parent}",
                            "is about {found} itself, not {label}")
    return None


# A treaty named by its own words, before or after its head: "the Chemical Weapons Convention", "the
# Convention on Biological Diversity" (not "in Vienna" after it).
_NAME_BEFORE = re.compile(r"\b((?:[A-Z][\w'’-]+\s+){1,4})(Convention|Treaty|Covenant)\b")
_NAME_AFTER = re.compile(r"\b(?:Convention|Treaty|Covenant)\s+(?:on|against|for|of)\s+(?:the\s+)?"
                         r"((?:[A-Z][\w'’-]+(?:\s+(?:of|on|and|the|against|for|to)\s+|\s+)?){1,8})")
# Words of a treaty's name that tell no treaty apart, and a question's opening words.
_GENERIC = frozenset(("International", "United", "Nations", "Framework", "The", "Convention", "Treaty", "Covenant",
                      "Optional", "Protocol", "Which", "What", "When", "How", "Who", "Whom", "Where", "Why", "Under",
                      "According", "In", "Did", "Does", "Do", "Is", "Are", "Was", "Has", "Have",
                      # the bodies and meetings of a treaty, named after it ("the Treaty on ... Review Conference")
                      "Review", "Conference", "Conferences", "Meeting", "Meetings", "Committee", "Secretariat",
                      "Parties", "Party", "States", "State", "Board", "Council", "Session", "Fund", "Implementation",
                      "Support", "Unit"))
# A treaty's name as a document writes it: capitalized words (joined by "and", "of", "on", "for")
# before its head, and after "on", "against", "for", "of", "to" or "relating to" the rest of its
# sentence ("the Convention on the Prohibition of the Development, Production, Stockpiling and Use
# of Chemical Weapons and on Their Destruction").
_WRITTEN_TREATY = re.compile(r"(?:[A-Z][\w'’-]+\s+(?:(?:and|of|on|for)\s+)?){0,6}(?:Convention|Treaty|Covenant)\b"
                             r"(?:\s+(?:on|against|for|of|to|relating\s+to|relative\s+to)\s+[^.;]{0,240})?")
_HYPHENS = str.maketrans({"‐": "-", "‑": "-"})  # "Nuclear‑Test‑Ban" as typed
STEM_CHARS = 6  # letters two forms of a word share: "Refugee" and "Refugees", "Disability" and "Disabilities"


def named_instruments(question: str) -> list[tuple[str, list[str]]]:
    """(name, telling words) of each treaty the question names by its own words: ("Chemical Weapons
    Convention", ["Chemical", "Weapons"]); an organization's initials ("ILO Convention No. 169")
    and generic words (`_GENERIC`) tell none apart."""
    out = []
    for m in _NAME_BEFORE.finditer(question):
        telling = [w for w in m.group(1).split() if w not in _GENERIC and not w.isupper()]
        if telling:
            out.append((m.group(0).strip(), telling))
    for m in _NAME_AFTER.finditer(question):
        telling = [w for w in re.findall(r"[A-Z][\w'’-]+", m.group(1)) if w not in _GENERIC and not w.isupper()]
        if telling:
            out.append((m.group(0).strip(), telling))
    return out


def _treaty_words(text: str) -> set[str]:
    """The first STEM_CHARS letters of each word of the treaties' names the text writes."""
    return {w.lower()[:STEM_CHARS] for m in _WRITTEN_TREATY.finditer(text.translate(_HYPHENS))
            for w in re.findall(r"[\w-]+", m.group(0))}


def check_instrument_named(question: str, evidence: Evidence) -> Mismatch | None:
    """A treaty the question names by words (`named_instruments`) that no treaty's name in the
    document holds, nor its initials, where the title or the paragraph names a treaty (the one the
    document is about): "the Chemical Weapons Convention" of the report of a Meeting of States
    Parties to the Treaty on the Prohibition of Nuclear Weapons, whose list of organizations writes
    "Chemical" ("Center for Countermeasures against Chemical and Biological Warfare Agents")."""
    asked = named_instruments(question.translate(_HYPHENS))
    if not asked or not _WRITTEN_TREATY.search(f"{evidence.title}\n{evidence.paragraph}"):
        return None
    written = _treaty_words(f"{evidence.document}\n{evidence.title}")
    for name, telling in asked:
        initials = "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]+", name))
        if any(re.sub(r"['’]s?$", "", w).lower()[:STEM_CHARS] not in written for w in telling) \
                and not re.search(rf"\b{initials}\b", f"{evidence.document} {evidence.title}"):
            label = f"the {name}"
            return Mismatch(Constraint("instrument", name, label), "", "is from a document that never names {label}")
    return None


def _names_parent(parent: str, paragraph: str) -> bool:
    """Whether the paragraph names the parent instrument: its head with the capitalised words
    that follow it in the question ("Convention ... Rights ... Child"), each a word of its own; a
    parent named by its head alone ("the Convention") is no constraint."""
    head = _PARENT_HEAD.search(parent)
    words = re.findall(r"[A-Z][\w-]+", parent[head.end():]) if head else []
    return bool(words) and all(re.search(rf"\b{re.escape(w)}\b", paragraph) for w in [head.group(0), *words])


# A General Assembly, Council or Board text by its number: "resolution 78/13", "decision 2020/12",
# "resolutions 76/262 and".
_NUMBERED_TEXT = re.compile(r"\b(resolution|decision)s?\s+((?:[A-Z]+(?:\.\d+)?/)*\d{1,4}/\d{1,3}[A-Z]?)\b",
                            re.IGNORECASE)


def numbered_texts(text: str) -> list[tuple[str, str]]:
    """(kind, number) of the resolutions and decisions a text names by number: ("resolution", "78/13")."""
    return [(m.group(1).lower(), m.group(2)) for m in _NUMBERED_TEXT.finditer(text)]


# A run of numbered texts: "decisions 2025/1 to 2025/12", "resolutions 78/1-78/5".
_NUMBER_RUN = re.compile(r"\b(\d{1,4})/(\d{1,3})\s*(?:to|[–-])\s*(?:\1/)?(\d{1,3})\b")


def _writes_number(number: str, text: str) -> bool:
    """Whether the text writes the resolution's or decision's number: alone or with its symbol's
    prefix ("78/13" in "A/RES/78/13" and the other way round; not in another document's symbol,
    "E/CN.6/2022/6"), or within a run ("decisions 2025/1 to 2025/12" writes 2025/9)."""
    tail = re.search(r"(\d{1,4})/(\d{1,3})[A-Z]?$", number)
    if tail is None:
        return re.search(rf"(?<![\d/]){re.escape(number)}(?![\d/])", text) is not None
    for m in re.finditer(rf"(?<!\d){re.escape(tail.group(0))}(?![\d/])", text):
        if not text[:m.start()].endswith("/") or re.search(r"\b(?:RES|DEC)/$", text[:m.start()], re.IGNORECASE):
            return True  # not another document's symbol ("E/CN.6/2022/6" is no resolution 2022/6)
    session, n = tail.group(1), int(tail.group(2))
    return any(m.group(1) == session and int(m.group(2)) <= n <= int(m.group(3)) for m in _NUMBER_RUN.finditer(text))


def check_numbered_text(question: str, evidence: Evidence) -> Mismatch | None:
    """A resolution or decision the question names by its number that the paragraph's document
    never writes, where the paragraph names another of its kind: "resolution 76/13 on the Ad Hoc
    Committee on the Indian Ocean" answered by "By its resolution 78/13, the General Assembly ..."
    (A/80/29, para. 1); where the paragraph names none, that the document never names it ("What
    was Executive Board decision 2025/9 about?" of a report naming no such decision)."""
    asked = numbered_texts(question)
    if len(asked) != 1:
        return None
    kind, number = asked[0]
    if _writes_number(number, f"{evidence.paragraph}\n{evidence.document}"):
        return None
    others = [n for k, n in numbered_texts(evidence.paragraph) if k == kind]
    label = f"{kind} {number}"
    if not others:  # a document read whole that never writes the number is not about it
        return Mismatch(Constraint("numbered", label, label), "", "is from a document that never names {label}") \
            if evidence.document else None
    return Mismatch(Constraint("numbered", label, label), f"{kind} {others[0]}")
