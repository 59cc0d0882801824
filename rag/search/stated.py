"""Questions whose answer has a fixed form in official documents, and the paragraphs that state
it: who held an office ("Chair: José Pereira Sosa (Paraguay)") and how a vote went ("by a
recorded vote of 102 to none, with 44 abstentions").

Such paragraphs share few words with the question and embed poorly: an officers' list is names
and countries; a vote paragraph is mostly the list of countries that voted. The paragraphs that
restate the session's subject rank above them. When a question asks for such an answer, the best
hit's document's best paragraph that states one is ranked first
(rag.search.retriever.Retriever.stated_answer_first)."""

from __future__ import annotations

import re

_WHO = r"\bwhom?\b[^?]*?"
# The form of answer a question asks for: "Who chaired", "Who co-chaired", "Who was elected Chair
# of", "Whom did ... elect as its President", "Who served as Rapporteur"; "By what vote", "what
# was the Fourth Committee's vote", "what recorded vote", "How many votes", a keyword query
# ending in "vote".
_ASKED = [
    ("chair", re.compile(rf"{_WHO}\b(?:co-?)?chair(?:ed|s)?\b(?!\s*(?:'s|’s))"
                         rf"|{_WHO}\b(?:elected|elect|appointed|served|was|were)\b[^?]{{0,40}}?\b(?:co-)?"
                         r"(?:chair|chairman|chairperson|chairs)\b", re.IGNORECASE)),
    ("president", re.compile(rf"{_WHO}\bpresid(?:ed|es)\b|{_WHO}\b(?:elected|elect|was|were|served)\b"
                             r"[^?]{0,40}?\bpresident\b", re.IGNORECASE)),
    ("rapporteur", re.compile(rf"{_WHO}\brapporteur\b", re.IGNORECASE)),
    ("vote", re.compile(r"\bby\s+what\s+(?:recorded\s+)?vote\b|\bwhat\s+(?:was|were)\s+the\s+(?:[\w’'-]+\s+){0,3}?"
                        r"(?:recorded\s+)?vote\b|\bwhat\s+(?:recorded\s+)?vote\b|\bhow\s+many\s+votes\b"
                        r"|\bvote\s+(?:count|result|tally)s?\b|\bvote\s*$", re.IGNORECASE)),
]
# A paragraph that states it: "Chair: Name", "Co-Chairs: ...", "was co-chaired by", "elected ...
# as Chair"; "by a recorded vote of 55 to 48", "by 99 votes to 3", "adopted ... without a vote",
# "obtained 99 votes".
_STATES = {
    "chair": re.compile(r"\b(?:Co-)?(?:Chair|Chairman|Chairperson|Chairs)\s*:|\b(?:co-)?chaired by\b"
                        r"|\belected\b[^.]{0,80}?\b(?:as|its)\s+(?:its\s+)?(?:Co-)?(?:Chair|Chairman|Chairperson)\b"),
    "president": re.compile(r"\bPresident\s*:|\bpresided (?:over )?by\b"
                            r"|\belected\b[^.]{0,80}?\b(?:as|its)\s+(?:its\s+)?President\b"),
    "rapporteur": re.compile(r"\bRapporteur\s*:|\belected\b[^.]{0,80}?\b(?:as|its)\s+(?:its\s+)?Rapporteur\b"),
    "vote": re.compile(r"\b(?:recorded|roll-call)\s+vote\s+of\s+\d+\b|\bby\s+\d+\s+votes?\s+to\s+(?:\d+|none)\b"
                       r"|\bwithout\s+a\s+vote\b|\b\d[\d,]*\s+votes\b", re.IGNORECASE),
}


def asked_form(question: str) -> str | None:
    """"chair", "president", "rapporteur" or "vote" when the question asks for an answer of
    that form, else None."""
    for form, pattern in _ASKED:
        if pattern.search(question):
            return form
    return None


def states_form(text: str, form: str) -> bool:
    """Whether a paragraph states an answer of `form` ("Chair: José Pereira Sosa (Paraguay)")."""
    return bool(_STATES[form].search(text))
