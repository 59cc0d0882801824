"""Office-holder questions: "Who chaired the Disarmament Commission at its 2025 session?".

Reports give their officers as a list ("the Bureau was constituted as follows: Chair: José
Pereira Sosa (Paraguay) Vice-Chairs: ..."), which shares few words with the question and embeds
poorly, so the paragraphs that restate the session's subject rank above it. When a question asks
who held an office, the best hit's document's paragraph that assigns that office is ranked first
(rag.search.retriever.Retriever.focused)."""

from __future__ import annotations

import re

# The office a question asks about: "Who chaired", "Who co-chaired", "Who presided over", "Who
# was elected Chair of", "Who served as Rapporteur".
_ASKED = [
    ("chair", re.compile(r"\bwhom?\b[^?]*?\b(?:co-?)?chair(?:ed|s)?\b(?!\s*(?:'s|’s))"
                         r"|\bwhom?\b[^?]*?\b(?:elected|elect|appointed|served|was|were)\b[^?]{0,40}?\b(?:co-)?"
                         r"(?:chair|chairman|chairperson|chairs)\b", re.IGNORECASE)),
    ("president", re.compile(r"\bwhom?\b[^?]*?\bpresid(?:ed|es)\b|\bwhom?\b[^?]*?\b(?:elected|elect|was|were|served)\b"
                             r"[^?]{0,40}?\bpresident\b", re.IGNORECASE)),
    ("rapporteur", re.compile(r"\bwhom?\b[^?]*?\brapporteur\b", re.IGNORECASE)),
]
# A paragraph that gives the office: "Chair: Name", "Co-Chairs: ...", "was co-chaired by",
# "elected ... as Chair", "presided over by".
_ASSIGNS = {
    "chair": re.compile(r"\b(?:Co-)?(?:Chair|Chairman|Chairperson|Chairs)\s*:|\b(?:co-)?chaired by\b"
                        r"|\belected\b[^.]{0,80}?\b(?:as|its)\s+(?:its\s+)?(?:Co-)?(?:Chair|Chairman|Chairperson)\b"),
    "president": re.compile(r"\bPresident\s*:|\bpresided (?:over )?by\b"
                            r"|\belected\b[^.]{0,80}?\b(?:as|its)\s+(?:its\s+)?President\b"),
    "rapporteur": re.compile(r"\bRapporteur\s*:|\belected\b[^.]{0,80}?\b(?:as|its)\s+(?:its\s+)?Rapporteur\b"),
}


def asked_office(question: str) -> str | None:
    """"chair", "president" or "rapporteur" when the question asks who held that office."""
    for office, pattern in _ASKED:
        if pattern.search(question):
            return office
    return None


def assigns_office(text: str, office: str) -> bool:
    """Whether a paragraph names who holds `office` ("Chair: José Pereira Sosa (Paraguay)")."""
    return bool(_ASSIGNS[office].search(text))
