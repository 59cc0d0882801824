"""A question resting on an event the best paragraph tells the other way: "Why did the Scientific
Committee turn down the Group's request for observer status?" of a paragraph where the Group "was
accepted as an official observer"; "Why was the 2025 organizational session postponed?" of one
where the Commission "held its organizational session for 2025 ... on 7 April". The paragraph is
on the topic, but it does not say the asked event happened, so it does not answer."""

from __future__ import annotations

import re

from rag.answer.evidence import Constraint, Evidence, Mismatch

# Each event, then the one that tells it the other way. A paragraph that words the asked event
# at all (in any of these forms) is not held to contradict it.
# An ending is left out: a question's "ended" is worded in too many ways ("repealed", "switched
# off", "phased out", "expired") for a paragraph's "started" to contradict it.
_EVENTS = (
    (r"\b(?:withdr[ae]w\w*|pull(?:s|ed)?\s+out|quit(?:s)?)\b",  # withdrawing / joining
     r"\b(?:accept(?:s|ed)?|join(?:s|ed)?|acced(?:e|es|ed)|accession|ratif(?:y|ies|ied))\b"),
    (r"\b(?:reject(?:s|ed)?|refus(?:e|es|ed)|turn(?:s|ed)?\s+down|veto(?:es|ed)?)\b",  # rejecting / accepting
     r"\b(?:accept(?:s|ed)?|approv(?:e|es|ed)|grant(?:s|ed)?|admit(?:s|ted)?|endors(?:e|es|ed))\b"),
    (r"\b(?:cancel(?:s|led|ed)?|postpon(?:e|es|ed)|defer(?:s|red)?|call(?:s|ed)?\s+off)\b",  # calling off / holding
     r"\b(?:held|convened|took\s+place)\b"),
)
_COMPILED = tuple((re.compile(asked, re.IGNORECASE), re.compile(told, re.IGNORECASE)) for asked, told in _EVENTS)


def asked_events(question: str) -> list[str]:
    """The question's words for the events it takes as given ("turn down", "postponed")."""
    return [m.group(0) for pattern, _ in _COMPILED if (m := pattern.search(question))]


def check_premise(question: str, evidence: Evidence) -> Mismatch | None:
    """The event the question takes as given that the paragraph never words, while it tells the
    opposite one the question does not word."""
    for pattern, opposite in _COMPILED:
        asked = pattern.search(question)
        if asked is None or pattern.search(evidence.paragraph) or opposite.search(question):
            continue
        told = opposite.search(evidence.paragraph)
        if told is not None:
            word = asked.group(0).lower()
            return Mismatch(Constraint("event", word, word), told.group(0).lower(), 'says "{found}", not "{label}"')
    return None
