"""What the Secretary-General recommends is in his report's own observations.

A report of the Secretary-General sets out what others did and said, and closes with a section of
"Observations" (or "Observations and recommendations", "Conclusions and recommendations") where
he speaks for himself: "I call upon ...", "I urge ...". "What did the Secretary-General recommend
on Abyei?" asks of that section; a paragraph before it recording the recommendations of a
Governors' Forum or of a mission shares the question's words and is no answer. Where a question
asks what the Secretary-General recommends, observes, urges or calls for, and the first hit's
document is his report with such a section, the best paragraph of that section goes first; for
advice asked ("recommend", "urge"), of those where he counsels ("I recommend", "I urge", "I call
upon", "I encourage") where any does (rag.search.retriever.Retriever.observations_first)."""

from __future__ import annotations

import re

# What he counsels: a question asking for it is answered from a paragraph counselling in his voice.
_ADVICE = (r"recommend(?:s|ed|ations?)?|urge[sd]?|call(?:s|ed)?\s+(?:on|upon|for)|propose[sd]?|proposals?|"
           r"advise[sd]?|suggest(?:s|ed|ions?)?")
# "What did the Secretary-General recommend ...", "What are the Secretary-General's observations on
# ...", "What does the SG urge ...": the Secretary-General himself, not an official of his ("the
# Special Representative of the Secretary-General", "the Deputy Secretary-General", "the
# Under-Secretary-General", "the Secretary-General's Special Envoy"), nor a proposal of his that
# another body judges ("What did the Advisory Committee recommend on the Secretary-General's
# proposals?").
_SG = (r"(?<!of the )(?<!Deputy )(?<!Assistant )(?<![-\w])(?<!on the )(?<!to the )(?<!about the )"
       r"(?:Secretary-General|SG)")
_COUNSEL = re.compile(_SG + r"(?:['’]s(?!\s+(?-i:[A-Z])))?\s+(?:\w+\s+){0,2}?(" + _ADVICE
                      + r"|observations?|conclusions?)\b", re.IGNORECASE)
# The heading of the section he speaks in for himself ("VI. Observations and recommendations";
# not "IV. Follow-up to concluding observations").
_OWN_SECTION = re.compile(r"^(?:[IVXL]{1,6}\.\s*|[A-Z]\.\s*)?(?:Observations(?:\s+and\s+recommendations)?|"
                          r"Conclusions\s+and\s+recommendations|Recommendations\s+of\s+the\s+Secretary-General)\s*$",
                          re.IGNORECASE)
# The Secretary-General counselling in his own voice.
_OWN_COUNSEL = re.compile(r"\bI\s+(?:(?:also|further|again|strongly|therefore)\s+)?(?:recommend|urge|"
                          r"call\s+(?:on|upon)|encourage|appeal|invite|request|reiterate\s+my\s+call)\b")


def asks_counsel(question: str) -> bool:
    """Whether the question asks what the Secretary-General recommends, observes, urges or
    proposes."""
    return _COUNSEL.search(question) is not None


def asks_advice(question: str) -> bool:
    """Whether what it asks of him is advice ("recommend", "urge", "call for"), which a paragraph
    counselling in his voice gives, rather than his observations at large."""
    m = _COUNSEL.search(question)
    return m is not None and re.fullmatch(_ADVICE, m.group(1), re.IGNORECASE) is not None


def in_own_section(section: str) -> bool:
    """Whether one of the headings a paragraph stands under is his observations."""
    return any(_OWN_SECTION.match(h.strip()) for h in section.split(">"))


def of_the_secretary_general(title: str) -> bool:
    """Whether the document is a report of the Secretary-General (its masthead title says so)."""
    return re.search(r"\bReport of the Secretary-General\b", title, re.IGNORECASE) is not None


def counsels(text: str) -> bool:
    """Whether the paragraph counsels in the Secretary-General's voice ("I urge all parties ...")."""
    return _OWN_COUNSEL.search(text) is not None
