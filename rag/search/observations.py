"""What the Secretary-General recommends is in his report's own observations.

A report of the Secretary-General sets out what others did and said, and closes with a section of
"Observations" (or "Observations and recommendations", "Conclusions and recommendations") where
he speaks for himself: "I call upon ...", "I urge ...". "What did the Secretary-General recommend
on Abyei?" asks of that section; a paragraph before it recording the recommendations of a
Governors' Forum or of a mission shares the question's words and is no answer. Where a question
asks what the Secretary-General recommends, observes, urges or calls for, and its document has
such a section, the best paragraph of that section goes first, of those where he counsels ("I
recommend", "I urge", "I call upon", "I encourage") where any does
(rag.search.retriever.Retriever.observations_first)."""

from __future__ import annotations

import re

# "What did the Secretary-General recommend ...", "What are the Secretary-General's observations on
# ...", "What does the SG urge ...", "Which steps did the Secretary-General call for ...".
_COUNSEL = re.compile(r"\b(?:Secretary-General|SG)(?:['’]s)?\s+(?:(?:\w+\s+){0,2}?)(?:recommend(?:s|ed|ations?)?|"
                      r"observations?|conclusions?|urge[sd]?|call(?:s|ed)?\s+(?:on|upon|for)|"
                      r"propose[sd]?|proposals?|advise[sd]?|suggest(?:s|ed|ions?)?)\b", re.IGNORECASE)
# The section the Secretary-General speaks in for himself.
_OWN_SECTION = re.compile(r"\b(?:observations|conclusions\s+and\s+recommendations|recommendations\s+of\s+the\s+"
                          r"Secretary-General)\b", re.IGNORECASE)


def asks_counsel(question: str) -> bool:
    """Whether the question asks what the Secretary-General recommends, observes, urges or
    proposes."""
    return _COUNSEL.search(question) is not None


def in_own_section(section: str) -> bool:
    """Whether a paragraph's section path runs through the Secretary-General's observations."""
    return _OWN_SECTION.search(section) is not None


# The Secretary-General counselling in his own voice.
_OWN_COUNSEL = re.compile(r"\bI\s+(?:(?:also|further|again|strongly|therefore)\s+)?(?:recommend|urge|call\s+(?:on|upon)|"
                          r"encourage|appeal|invite|request|reiterate\s+my\s+call)\b")


def counsels(text: str) -> bool:
    """Whether the paragraph counsels in the Secretary-General's voice ("I urge all parties ...")."""
    return _OWN_COUNSEL.search(text) is not None
