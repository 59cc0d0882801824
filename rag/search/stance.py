"""The side a question asks about: meeting reports give the views on a proposal in turn, one
paragraph for the delegations that supported it ("a number of delegations supported the inclusion
of the proposal ...") and the next for those that did not ("Several delegations expressed doubts
about the proposal."), in much the same words. A question asking why delegations doubted or could
not support a proposal is answered by the second; where the first hit opens on the other side and
a hit of its document right after it opens on the asked one, that hit goes first."""

from __future__ import annotations

import re

from rag.models import Hit
from rag.textutil import split_sentences

DEPTH = 3  # the hits read for one on the asked side

# Against: doubts, opposition, objections, reservations, not supporting.
_AGAINST = re.compile(r"\b(?:doubts?|doubted|doubtful|oppos(?:e|ed|es|ing|ition)|object(?:ed|ing|ions?)|"
                      r"reservations?|reject(?:ed|ing|s)?|sceptic\w*|skeptic\w*|criticiz\w*|criticis\w*|"
                      r"(?:not|unable|never)\s+(?:\w+\s+){0,4}?support\w*|cannot\s+support|against\s+the\s+proposal)\b",
                      re.IGNORECASE)
# For: support, welcome, endorsement.
_FOR = re.compile(r"\b(?:support(?:ed|s|ing)?|welcom(?:e|ed|es|ing)|endors(?:e|ed|es|ing|ement)|"
                  r"in\s+favour|favou?red)\b", re.IGNORECASE)
# A question asking about the side for: a verb of taking it ("Why did delegations support ...?"),
# not "support" as a noun ("What support did UNDP give?").
_FOR_ASKED = re.compile(r"\b(?:(?:did|do|does|would|could|to)\s+(?:\w+\s+){0,5}?(?:support|welcome|endorse|favou?r)|"
                        r"supported|welcomed|endorsed|favou?red|in\s+favour)\b", re.IGNORECASE)


def side(text: str) -> str | None:
    """"against" or "for" where the text takes that side (against first: "not in a position to
    support" is against), else None."""
    if _AGAINST.search(text):
        return "against"
    if _FOR.search(text):
        return "for"
    return None


def _opening_side(hit: Hit) -> str | None:
    """The side the hit's first sentence takes."""
    sentences = split_sentences(hit.text)
    return side(sentences[0]) if sentences else None


def asked_side_first(question: str, hits: list[Hit]) -> list[Hit]:
    """`hits`, or, where the question asks about one side and the first hit opens on the other,
    the hits with the next one of its document up to DEPTH that opens on the asked side first."""
    asked = "against" if _AGAINST.search(question) else "for" if _FOR_ASKED.search(question) else None
    if asked is None or not hits or _opening_side(hits[0]) in (None, asked):
        return hits
    for i, hit in enumerate(hits[1:DEPTH], start=1):
        if hit.symbol == hits[0].symbol and _opening_side(hit) == asked:
            return [hit, *hits[:i], *hits[i + 1:]]
    return hits
